"""A shell script file of the repository that a CI step runs (`bash scripts/migrate.sh hub-vnet`, `sh -e
./scripts/migrate.sh ...`) is read where the step runs it, with the words the step gives it as its `$1`...,
each command shown where the file writes it, from the repository's root (a GitHub Actions workflow's
`../..`), in GitHub Actions, Azure Pipelines and GitLab CI alike, and where an Ansible `shell:` task, a
Terraform `local-exec` or another shell script runs it; the file's own read, without those words, is then
not said again."""

from __future__ import annotations

import pytest
from growth import assert_linear
from lint_support import lint_files, where

MIGRATE = """\
#!/bin/bash
azure config mode asm
azure network vnet validate-migration "$1"
azure network vnet {first}-migration "$1"
azure network vnet {second}-migration "$1"
"""
PIPELINES = {
    ".github/workflows/migrate.yml": (
        "on: workflow_dispatch\njobs:\n  move:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n      - run: {command}\n"
    ),
    "azure-pipelines.yml": "steps:\n- script: {command}\n",
    ".gitlab-ci.yml": "move:\n  script:\n    - {command}\n",
}


def _committed_first(tmp_path, monkeypatch, pipeline: str, command: str, order: tuple[str, str]) -> list[str]:
    files = {
        pipeline: PIPELINES[pipeline].format(command=command),
        "scripts/migrate.sh": MIGRATE.format(first=order[0], second=order[1]),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    return [
        f"{spot} {f.message.partition('virtual network ')[2].partition(' in ')[0]}"
        for f, spot in zip(result.findings, where(result.findings), strict=True)
    ]


@pytest.mark.parametrize("pipeline", list(PIPELINES), ids=["github", "azure", "gitlab"])
@pytest.mark.parametrize(
    "command",
    ["bash scripts/migrate.sh hub-vnet", "sh -e ./scripts/migrate.sh hub-vnet --verbose"],
    ids=["bash", "sh-with-options"],
)
def test_a_step_runs_the_script_file_with_its_arguments(tmp_path, monkeypatch, pipeline, command):
    found = _committed_first(tmp_path, monkeypatch, pipeline, command, ("commit", "prepare"))
    assert found == ["MIG602 scripts/migrate.sh:4:1 'hub-vnet'"]


@pytest.mark.parametrize("pipeline", list(PIPELINES), ids=["github", "azure", "gitlab"])
def test_a_script_file_run_in_order_is_in_order(tmp_path, monkeypatch, pipeline):
    command = "bash scripts/migrate.sh hub-vnet"
    assert _committed_first(tmp_path, monkeypatch, pipeline, command, ("prepare", "commit")) == []


def test_a_script_file_not_checked_is_the_step_s_command_alone(tmp_path, monkeypatch):
    files = {
        "azure-pipelines.yml": PIPELINES["azure-pipelines.yml"].format(command="bash scripts/other.sh x")
    }
    files["scripts/migrate.sh"] = MIGRATE.format(first="commit", second="prepare")
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    assert [f.message.partition("virtual network ")[2].partition(" names")[0] for f in result.findings] == [
        "$1"
    ]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "site.yml",
            "- hosts: localhost\n  tasks:\n    - shell: azure config mode asm\n"
            "    - shell: bash scripts/migrate.sh hub-vnet\n",
        ),
        (
            "main.tf",
            'resource "null_resource" "move" {\n  provisioner "local-exec" {\n'
            '    command = "azure config mode asm && bash scripts/migrate.sh hub-vnet"\n  }\n}\n',
        ),
        ("deploy.sh", "#!/bin/bash\nazure config mode asm\nbash scripts/migrate.sh hub-vnet\n"),
    ],
    ids=["ansible", "terraform", "shell"],
)
def test_a_script_file_an_ansible_task_terraform_or_a_script_runs_is_read_so_too(
    tmp_path, monkeypatch, name, text
):
    files = {name: text, "scripts/migrate.sh": MIGRATE.format(first="commit", second="prepare")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    assert [
        f"{f.message.partition('virtual network ')[2].partition(' in ')[0]}" for f in result.findings
    ] == ["'hub-vnet'"]


MIGRATE_PS1 = """\
param([string]$VNet, [string]$Step = 'all')
Move-AzureVirtualNetwork -Validate -VirtualNetworkName $VNet
Move-AzureVirtualNetwork -{first} -VirtualNetworkName $VNet
Move-AzureVirtualNetwork -{second} -VirtualNetworkName $VNet
"""


@pytest.mark.parametrize("pipeline", list(PIPELINES), ids=["github", "azure", "gitlab"])
@pytest.mark.parametrize(
    "command",
    [
        "pwsh -File scripts/migrate.ps1 -VNet hub-vnet",
        "pwsh -NoProfile -ExecutionPolicy Bypass -File ./scripts/migrate.ps1 hub-vnet",
        "pwsh scripts/migrate.ps1 -VNet 'hub-vnet' -Step all",
        "powershell.exe -NonInteractive -File scripts/migrate.ps1 -VNet hub-vnet",
        "pwsh -Command ./scripts/migrate.ps1 -VNet hub-vnet",
        "pwsh -c \"& ./scripts/migrate.ps1 -VNet 'hub-vnet'\"",
    ],
    ids=["file", "options-positional", "pwsh-operand", "windows-powershell", "command", "command-call"],
)
def test_a_step_runs_the_powershell_script_file_with_its_arguments(tmp_path, monkeypatch, pipeline, command):
    files = {
        pipeline: PIPELINES[pipeline].format(command=command),
        "scripts/migrate.ps1": MIGRATE_PS1.format(first="Commit", second="Prepare"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    found = [
        f"{spot} {f.message.partition('virtual network ')[2].partition(' in ')[0]}"
        for f, spot in zip(result.findings, where(result.findings), strict=True)
    ]
    assert found == ["MIG602 scripts/migrate.ps1:3:1 'hub-vnet'"]


def test_a_powershell_script_file_a_github_step_runs_names_files_from_the_repository_s_root(
    tmp_path, monkeypatch
):
    files = {
        ".github/workflows/migrate.yml": PIPELINES[".github/workflows/migrate.yml"].format(
            command="pwsh -File scripts/migrate.ps1"
        ),
        "scripts/migrate.ps1": ". ./settings.ps1\n"
        + MIGRATE_PS1.partition("\n")[2].format(first="Commit", second="Prepare"),
        "settings.ps1": "$VNet = 'hub-vnet'\n",
        ".github/workflows/settings.ps1": "$VNet = 'other-vnet'\n",
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    assert [f.message.partition("virtual network ")[2].partition(" in ")[0] for f in result.findings] == [
        "'hub-vnet'"
    ]


@pytest.mark.parametrize(
    ("command", "script", "text"),
    [
        (
            "bash scripts/migrate.sh vnet-{n}",
            "scripts/migrate.sh",
            MIGRATE.format(first="prepare", second="commit"),
        ),
        (
            "pwsh -File scripts/migrate.ps1 -VNet vnet-{n}",
            "scripts/migrate.ps1",
            MIGRATE_PS1.format(first="Prepare", second="Commit"),
        ),
        (
            "./scripts/migrate.sh vnet-{n}",
            "scripts/migrate.sh",
            MIGRATE.format(first="prepare", second="commit"),
        ),
    ],
    ids=["bash", "pwsh", "by-path"],
)
def test_a_pipeline_running_a_script_file_in_many_steps_costs_time_linear_in_their_number(
    tmp_path, monkeypatch, command, script, text
):
    def make(steps: int):
        folder = tmp_path / str(steps)
        lines = "".join(f"- script: {command.format(n=n)}\n" for n in range(steps))
        files = {"azure-pipelines.yml": "steps:\n" + lines, script: text}
        return lambda: lint_files(folder, monkeypatch, files, "MIG602", dedent=False)

    assert_linear(make, 40)


@pytest.mark.parametrize("pipeline", list(PIPELINES), ids=["github", "azure", "gitlab"])
@pytest.mark.parametrize(
    ("name", "head"),
    [("scripts/migrate.sh", ""), ("scripts/migrate", "#!/usr/bin/env bash\n")],
    ids=["extension", "shebang"],
)
def test_a_step_runs_the_script_file_by_its_path(tmp_path, monkeypatch, pipeline, name, head):
    files = {
        pipeline: PIPELINES[pipeline].format(command=f"./{name} hub-vnet"),
        name: head + MIGRATE.format(first="commit", second="prepare").removeprefix("#!/bin/bash\n"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    found = [f.message.partition("virtual network ")[2].partition(" in ")[0] for f in result.findings]
    assert found == ["'hub-vnet'"]


TEARDOWN = '#!/bin/bash\nazure config mode asm\nazure vm delete "$2" -d "$1" -q\n'
CREATE_SH = (
    "#!/bin/bash\nazure config mode asm\n"
    "azure vm create \"$1\" img azureuser 'Passw0rd!' -l 'West Europe' -w prodnet -b Subnet-1 -n \"$2\" -e 22\n"
    'azure vm endpoint acl-rule create "$2" ssh 100 permit 198.51.100.0/24 -d "$1"\n'
)


@pytest.mark.parametrize("pipeline", list(PIPELINES), ids=["github", "azure", "gitlab"])
def test_two_steps_that_run_script_files_by_their_paths_are_one_run_in_order(tmp_path, monkeypatch, pipeline):
    steps = PIPELINES[pipeline].format(command="./scripts/create.sh websvc web1")
    files = {"scripts/create.sh": CREATE_SH, "scripts/teardown.sh": TEARDOWN}
    files[pipeline] = steps
    alone = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert any("'web1'" in f.message for f in alone.findings)
    second = steps.rstrip("\n").rpartition("\n")[2].replace("create.sh", "teardown.sh")
    files[pipeline] = steps + second + "\n"
    both = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert [f.message for f in both.findings if "'web1'" in f.message] == []


@pytest.mark.parametrize("pipeline", list(PIPELINES), ids=["github", "azure", "gitlab"])
@pytest.mark.parametrize(
    "load",
    [
        '. "$(dirname "$0")/vnet.sh"',
        'source "${BASH_SOURCE[0]%/*}/vnet.sh"',
        'HERE="$(cd "$(dirname "$0")" && pwd)"\n. "$HERE/vnet.sh"',
        'cd "$(dirname "$0")"\n. ./vnet.sh',
    ],
    ids=["dirname", "bash-source", "variable", "cd"],
)
def test_a_script_file_run_names_files_from_its_own_folder(tmp_path, monkeypatch, pipeline, load):
    files = {
        pipeline: PIPELINES[pipeline].format(command="bash scripts/migrate.sh"),
        "scripts/migrate.sh": "#!/bin/bash\n"
        + load
        + "\n"
        + MIGRATE.format(first="commit", second="prepare").partition("\n")[2].replace("$1", "$VNET"),
        "scripts/vnet.sh": "VNET=hub-vnet\n",
        "vnet.sh": "VNET=other-vnet\n",
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    found = [f.message.partition("virtual network ")[2].partition(" in ")[0] for f in result.findings]
    assert found == ["'hub-vnet'"]


def test_powershell_steps_running_a_script_file_by_its_path_cost_time_linear_in_their_number(
    tmp_path, monkeypatch
):
    def make(steps: int):
        folder = tmp_path / str(steps)
        lines = "".join(f"- pwsh: '& ./scripts/migrate.ps1 -VNet vnet-{n}'\n" for n in range(steps))
        files = {
            "azure-pipelines.yml": "steps:\n" + lines,
            "scripts/migrate.ps1": MIGRATE_PS1.format(first="Prepare", second="Commit"),
        }
        return lambda: lint_files(folder, monkeypatch, files, "MIG602", dedent=False)

    assert_linear(make, 40)


CREATE_PY_HEAD = (
    "from azure.servicemanagement import (ServiceManagementService, LinuxConfigurationSet,\n"
    "    OSVirtualHardDisk, ConfigurationSet)\n"
    "import sys\n"
    "import argparse\n"
)
CREATE_PY_BODY = (
    'sms = ServiceManagementService("sub-1", "cert.pem")\n'
    'linux = LinuxConfigurationSet(name, "azureuser", "pw", True)\n'
    'os_hd = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/%s.vhd" % name)\n'
    "net = ConfigurationSet()\n"
    'net.configuration_set_type = "NetworkConfiguration"\n'
    'net.subnet_names.append("Subnet-1")\n'
    'net.subnet_names.append("Subnet-2")\n'
    'sms.create_virtual_machine_deployment(service, service, "production", service, name, linux,\n'
    '    os_hd, network_config=net, role_size="Small", virtual_network_name="prodnet")\n'
)
READS = {
    "argv": "service, name = sys.argv[1], sys.argv[2]\n",
    "argparse": (
        "parser = argparse.ArgumentParser()\n"
        'parser.add_argument("--service", default="defaultsvc")\n'
        'parser.add_argument("--dry-run", action="store_true")\n'
        'parser.add_argument("name")\n'
        "args = parser.parse_args()\n"
        "service, name = args.service, args.name\n"
    ),
}


@pytest.mark.parametrize("pipeline", list(PIPELINES), ids=["github", "azure", "gitlab"])
@pytest.mark.parametrize(
    ("reads", "command", "service"),
    [
        ("argv", "python3 tools/create.py websvc web1", "websvc"),
        ("argparse", "python tools/create.py --service websvc web1", "websvc"),
        ("argparse", "python -u tools/create.py --serv=websvc --dry-run -- web1", "websvc"),
        ("argparse", "python3 -m tools.create web1", "defaultsvc"),
    ],
    ids=["argv", "argparse", "argparse-prefix-flag", "module-default"],
)
def test_a_step_runs_the_python_script_file_with_its_arguments(
    tmp_path, monkeypatch, pipeline, reads, command, service
):
    files = {
        pipeline: PIPELINES[pipeline].format(command=command),
        "tools/create.py": CREATE_PY_HEAD + READS[reads] + CREATE_PY_BODY,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    (found,) = [f.message for f in result.findings]
    assert f"VM 'web1' of cloud service '{service}'" in found


def test_words_argparse_cannot_bind_leave_the_arguments_not_stated(tmp_path, monkeypatch):
    files = {
        "azure-pipelines.yml": PIPELINES["azure-pipelines.yml"].format(
            command="python tools/create.py --region westeurope web1"
        ),
        "tools/create.py": CREATE_PY_HEAD + READS["argparse"] + CREATE_PY_BODY,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    (found,) = [f.message for f in result.findings]
    assert "'web1'" not in found


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("site.yml", "- hosts: localhost\n  tasks:\n    - shell: python3 tools/create.py websvc web1\n"),
        (
            "main.tf",
            'resource "null_resource" "vm" {\n  provisioner "local-exec" {\n'
            '    command = "python3 tools/create.py websvc web1"\n  }\n}\n',
        ),
        ("deploy.sh", "#!/bin/bash\npython3 tools/create.py websvc web1\n"),
    ],
    ids=["ansible", "terraform", "shell"],
)
def test_a_python_script_file_an_ansible_task_terraform_or_a_script_runs_is_read_so_too(
    tmp_path, monkeypatch, name, text
):
    files = {name: text, "tools/create.py": CREATE_PY_HEAD + READS["argv"] + CREATE_PY_BODY}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    (found,) = [f.message for f in result.findings]
    assert "VM 'web1' of cloud service 'websvc'" in found


def test_a_pipeline_running_a_python_script_file_in_many_steps_costs_time_linear_in_their_number(
    tmp_path, monkeypatch
):
    def make(steps: int):
        folder = tmp_path / str(steps)
        lines = "".join(f"- script: python tools/create.py --service websvc vm-{n}\n" for n in range(steps))
        files = {
            "azure-pipelines.yml": "steps:\n" + lines,
            "tools/create.py": CREATE_PY_HEAD + READS["argparse"] + CREATE_PY_BODY,
        }
        return lambda: lint_files(folder, monkeypatch, files, "MIG202", dedent=False)

    assert_linear(make, 20)
