"""Ansible's classic `azure` module (Ansible 1.7 to 2.8, lib/ansible/modules/cloud/azure/azure.py) as its own
EXAMPLES write it takes its management certificate from AZURE_CERT_PATH, so the task names no
`management_cert_path`: such a playbook was passed over in a folder walk ("Nothing checked"), which looked for
that option or `hosted_service_name`, an option the module does not have. A task whose key is `azure` (or
`local_action:` with `module: azure`) is the classic module and is read. Options its argument_spec does not
declare (`hosted_service_name`, `subnet_name`) were read as the VM's cloud service and subnet, then left out
with the VM still made; Ansible refuses such a task whole ("Unsupported parameters"), so it is said where the
option is written (refused-option) and creates no VM."""

from __future__ import annotations

import json

from lint_support import lint_files, run_cli, unread_marks, where

from migcheck.model import Deployment

DOCS_EXAMPLE = """\
- hosts: localhost
  gather_facts: no
  tasks:
    - name: Provision virtual machine example
      azure:
        name: my-virtual-machine
        role_size: Small
        image: b39f27a8b8c64d52b05eac6a62ebad85__Ubuntu_DAILY_BUILD-precise-12_04_3-LTS-amd64-server-20131205-en-us-30GB
        location: East US
        user: ubuntu
        ssh_cert_path: /path/to/azure_x509_cert.pem
        storage_account: my-storage-account
        wait: True
        state: present
      delegate_to: localhost
"""
LOCAL_ACTION = """\
- hosts: localhost
  tasks:
    - local_action:
        module: azure
        name: web1
        image: img
        location: East US
        user: admin
        password: secret
        storage_account: shopdisks
"""
RESOURCE_MANAGER = """\
- hosts: localhost
  tasks:
    - azure_rm_virtualmachine:
        name: web1
        resource_group: shop
        vm_size: Standard_B1s
    - azure.azcollection.azure_rm_virtualmachine:
        name: web2
        resource_group: shop
"""
VARS_DICT = """\
azure:
  storage_account: shopdisks
  role_size: Small
"""


def _calls(tmp_path, monkeypatch, text: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {"provision.yml": text}, "MIG601")
    return [f.message for f in result.findings]


def test_the_docs_example_without_a_management_certificate_is_read_in_a_folder(tmp_path, monkeypatch):
    (message,) = _calls(tmp_path, monkeypatch, DOCS_EXAMPLE)
    assert "azure (Ansible module)" in message


def test_mig601_says_the_module_not_the_cli_calls_the_api(tmp_path, monkeypatch):
    (message,) = _calls(tmp_path, monkeypatch, DOCS_EXAMPLE)
    assert message.startswith("Ansible playbook 'provision.yml' uses the classic azure module of Ansible (")
    mixed = DOCS_EXAMPLE + '    - shell: azure vm create svc3 img u p -l "East US"\n'
    (message,) = _calls(tmp_path / "mixed", monkeypatch, mixed)
    assert "uses the classic Azure CLI in asm mode and the classic azure module of Ansible (" in message


def test_findings_of_the_module_s_task_point_at_its_azure_key(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"provision.yml": DOCS_EXAMPLE}, "MIG601")
    assert where(result.findings) == ["MIG601 provision.yml:5:7"]


def test_the_module_named_by_local_action_is_read_in_a_folder(tmp_path, monkeypatch):
    (message,) = _calls(tmp_path, monkeypatch, LOCAL_ACTION)
    assert "azure (Ansible module)" in message


def test_resource_manager_modules_and_a_vars_dict_named_azure_are_not_the_classic_module(
    tmp_path, monkeypatch
):
    files = {"site.yml": RESOURCE_MANAGER, "group_vars/all.yml": VARS_DICT}
    result = lint_files(tmp_path, monkeypatch, files)
    assert result.findings == []
    assert not result.described


def test_a_task_with_an_option_the_module_does_not_declare_is_said_and_creates_no_vm(
    tmp_path, monkeypatch, capsys
):
    task = "        hosted_service_name: shop\n        subnet_name: FrontEnd\n        virtual_network_name: app-vnet\n"
    playbook = DOCS_EXAMPLE.replace("        wait: True\n", task)
    result = lint_files(tmp_path, monkeypatch, {"provision.yml": playbook})
    assert not [d for document in result.documents for d in document.resources if isinstance(d, Deployment)]
    assert all(not estate.cloud_services for estate in result.estates)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    parts = [part for sub in json.loads(out)["subscriptions"] for part in sub.get("unread_parts", [])]
    assert parts == [{"path": "provision.yml", "line": 13, "column": 9, "why": "refused-option"}]


def test_every_option_the_module_declares_is_read(tmp_path, monkeypatch):
    task = (
        "        hostname: web.cloudapp.net\n        os_type: linux\n        endpoints: '22,80'\n"
        "        auto_updates: no\n        enable_winrm: no\n        wait_timeout: 600\n"
        "        wait_timeout_redirects: 300\n        subscription_id: 00000000-0000-0000-0000-000000000001\n"
        "        management_cert_path: /etc/azure.pem\n        virtual_network_name: app-vnet\n"
    )
    playbook = DOCS_EXAMPLE.replace("        wait: True\n", task)
    result = lint_files(tmp_path, monkeypatch, {"provision.yml": playbook})
    deployments = [
        d for document in result.documents for d in document.resources if isinstance(d, Deployment)
    ]
    assert [r.name for d in deployments for r in d.roles] == ["my-virtual-machine"]
    assert unread_marks(tuple(r for document in result.documents for r in document.resources)) == []


def test_a_helm_template_with_a_key_named_azure_is_no_playbook_that_does_not_parse(tmp_path, monkeypatch):
    template = (
        "apiVersion: v1\nkind: ConfigMap\ndata:\n  azure:\n    {{- if .Values.azure.enabled }}\n"
        "    tenant: {{ .Values.azure.tenant }}\n    {{- end }}\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"chart/templates/config.yaml": template})
    assert result.findings == []
