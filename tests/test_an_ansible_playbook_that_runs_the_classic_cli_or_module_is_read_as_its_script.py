"""An Ansible playbook whose tasks run the classic CLI (`command: azure vm create ...`, `shell:`,
`local_action: command azure ...`, `argv:`) or use Ansible's classic `azure` module was passed over as no
classic file: "Nothing checked". It is now read as the shell script running the same commands is, each
finding at the word the playbook writes; the classic module's VM is the VM it creates (MIG601 names
azure.azcollection.azure_rm_virtualmachine). A file that is not YAML is MIG001 where YAML says it breaks, and
aliases are never expanded."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment
from migcheck.readers import read_document

PLAYBOOK = """\
- hosts: localhost
  vars:
    svc: shop
  tasks:
    - name: make the service
      local_action: command azure service create {{ svc }} --location "North Europe"
    - name: make the vm
      shell: azure vm create {{ svc }} img user pass -n web1 -l "North Europe"
"""
TWIN = """\
svc=shop
azure service create $svc --location "North Europe"
azure vm create $svc img user pass -n web1 -l "North Europe"
"""


def _findings(tmp_path, monkeypatch, name: str, text: str) -> list[tuple[str, str]]:
    result = lint_files(tmp_path, monkeypatch, {name: text})
    return sorted(
        (f.code, f.message.replace("Shell script 'deploy.sh'", "").replace("Ansible playbook 'site.yml'", ""))
        for f in result.findings
    )


def test_a_playbook_gives_the_findings_of_the_shell_script_running_its_commands(tmp_path, monkeypatch):
    playbook = _findings(tmp_path / "a", monkeypatch, "site.yml", PLAYBOOK)
    script = _findings(tmp_path / "b", monkeypatch, "deploy.sh", TWIN)
    assert playbook == script
    assert {code for code, _ in playbook} >= {"MIG601", "MIG105"}


def test_a_finding_about_the_playbook_calls_it_a_playbook(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"site.yml": PLAYBOOK}, "MIG601")
    assert result.findings[0].message.startswith("Ansible playbook 'site.yml' uses the classic Azure CLI")


def test_findings_point_at_the_word_inside_the_yaml_value(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"site.yml": PLAYBOOK}, "MIG601", "MIG105")
    assert where(result.findings) == ["MIG601 site.yml:6:29", "MIG105 site.yml:8:14"]


def test_a_task_file_of_the_real_estate_is_read(tmp_path, monkeypatch):
    tasks = """\
    - local_action: command azure service show {{ dnsname }}
      ignore_errors: true
      register: service_show

    - local_action: command azure vm create --ssh "{{ port | d(22) }}" -n {{ nodename }} -c {{ dnsname }} img u p
      when: service_show.rc != 0
    """
    result = lint_files(tmp_path, monkeypatch, {"tasks/create.yml": tasks}, "MIG601")
    assert where(result.findings) == ["MIG601 tasks/create.yml:1:25"]
    assert "azure vm create" in result.findings[0].message


@pytest.mark.parametrize(
    "task",
    [
        "command: azure vm create shop img u p -n web1",
        "command:\n        argv: [azure, vm, create, shop, img, u, p, -n, web1]",
        "shell: |\n        echo making\n        azure vm create shop img u p -n web1",
        "local_action:\n        module: command\n        cmd: azure vm create shop img u p -n web1",
        "ansible.builtin.shell: azure vm create shop img u p -n web1",
    ],
)
def test_every_form_of_a_command_task_creates_the_vm(task):
    text = f"- hosts: all\n  tasks:\n    - {task}\n"
    document = read_document("site.yml", text.encode(), explicit=True)
    assert document is not None and document.problem is None
    deployments = [r for r in document.resources if isinstance(r, Deployment)]
    assert [role.name for d in deployments for role in d.roles] == ["web1"]


def test_a_loop_over_a_written_list_runs_once_per_item():
    text = """\
- hosts: all
  tasks:
    - command: azure vm create shop img u p -n {{ item }}
      with_items: [web1, web2]
"""
    document = read_document("site.yml", text.encode(), explicit=True)
    assert document is not None
    names = sorted(role.name for r in document.resources if isinstance(r, Deployment) for role in r.roles)
    assert names == ["web1", "web2"]


def test_the_classic_azure_module_creates_its_vm_and_names_its_resource_manager_replacement(
    tmp_path, monkeypatch
):
    playbook = """\
    - hosts: localhost
      tasks:
        - azure:
            name: web1
            virtual_network_name: app-vnet
            role_size: Small
            image: img
            location: North Europe
            management_cert_path: /c.pem
    """
    result = lint_files(tmp_path, monkeypatch, {"site.yml": playbook}, "MIG601")
    (finding,) = result.findings
    assert "azure.azcollection.azure_rm_virtualmachine" in finding.fix
    document = read_document("site.yml", __import__("textwrap").dedent(playbook).encode(), explicit=True)
    assert document is not None
    (deployment,) = [r for r in document.resources if isinstance(r, Deployment)]
    assert deployment.virtual_network is not None and deployment.virtual_network.name == "app-vnet"
    assert [role.name for role in deployment.roles] == ["web1"]


def test_a_suppression_comment_before_a_task_holds_its_finding_back(tmp_path, monkeypatch):
    playbook = PLAYBOOK.replace(
        "    - name: make the vm",
        "    # migcheck: ignore[MIG105] single VM, downtime agreed\n    - name: make the vm",
    )
    result = lint_files(tmp_path, monkeypatch, {"site.yml": playbook}, "MIG105")
    assert where(result.findings) == []


def test_a_yaml_file_that_does_not_parse_is_mig001_where_yaml_breaks():
    document = read_document("site.yml", b"- hosts: all\n  tasks: [\n", explicit=True)
    assert document is not None and document.problem is not None
    assert document.problem.mark.line >= 2


def test_aliases_are_not_expanded():
    lines = ["- hosts: all", "  vars:", "    a0: &a0 {command: azure vm create s i u p -n web1}"]
    lines += [f"    a{n}: &a{n} {{block: [{', '.join([f'*a{n - 1}'] * 9)}]}}" for n in range(1, 20)]
    text = "\n".join([*lines, "  tasks: [*a19]"]) + "\n"
    document = read_document("site.yml", text.encode(), explicit=True)
    assert document is not None and document.problem is None  # 9**19 tasks, each walked once
    assert [role.name for r in document.resources if isinstance(r, Deployment) for role in r.roles] == [
        "web1"
    ]


def test_a_yaml_file_with_no_classic_task_is_passed_over_in_a_walk(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {".github/ci.yml": "on: push\njobs: {}\n", "x.yml": "a: 1\n"})
    assert result.findings == []
