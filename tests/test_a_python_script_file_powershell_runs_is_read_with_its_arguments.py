"""A Python script file of the repository that a PowerShell script or a PowerShell CI step runs (`python3
tools/create.py websvc web1`, `py -3 tools\\create.py ...`, `& python.exe .\\tools\\create.py ...`, `python -m
tools.create ...`) is read where it is run, with the words given as its arguments, as a shell script's run of it
is: the VM it creates is `web1` of `websvc`, and its calls are the running script's (MIG601 names it). Before,
the file was read alone, its arguments unknown. A shell script's run of such a file is said to be the shell
script's own, where before its calls were said to be "in its inline Python"."""

from __future__ import annotations

import pytest
from growth import assert_linear
from lint_support import lint_files

CREATE = """\
import sys
import argparse
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk
from azure.servicemanagement import ConfigurationSet
parser = argparse.ArgumentParser()
parser.add_argument("--service", default="defaultsvc")
parser.add_argument("name")
args = parser.parse_args()
service, name = args.service, args.name
sms = ServiceManagementService("sub-1", "cert.pem")
linux = LinuxConfigurationSet(name, "azureuser", "pw", True)
os_hd = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/%s.vhd" % name)
net = ConfigurationSet()
net.configuration_set_type = "NetworkConfiguration"
net.subnet_names.append("Subnet-1")
net.subnet_names.append("Subnet-2")
sms.create_virtual_machine_deployment(service, service, "production", service, name, linux,
    os_hd, network_config=net, role_size="Small", virtual_network_name="prodnet")
"""
RUNS = {
    "python3": "python3 tools/create.py --service websvc web1",
    "py-launcher": "py -3 tools\\create.py --service websvc web1",
    "call-operator-exe": "& python.exe .\\tools\\create.py --service=websvc web1",
    "module": "python -m tools.create --service websvc web1",
    "script-root": 'python "$PSScriptRoot/tools/create.py" --service websvc web1',
    "here": "$here = Split-Path -Parent $MyInvocation.MyCommand.Path\npython $here\\tools\\create.py --service websvc web1",
}


def _found(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    result = lint_files(
        tmp_path, monkeypatch, {**files, "tools/create.py": CREATE}, "MIG202", "MIG601", dedent=False
    )
    return [f"{f.code} {f.message}" for f in result.findings]


@pytest.mark.parametrize("command", list(RUNS.values()), ids=list(RUNS))
def test_a_powershell_script_runs_the_python_file_with_its_arguments(tmp_path, monkeypatch, command):
    found = _found(tmp_path, monkeypatch, {"deploy.ps1": command + "\n"})
    assert [f for f in found if f.startswith("MIG202")] == [
        "MIG202 VM 'web1' of cloud service 'websvc' is in 2 subnets (Subnet-1, Subnet-2)"
    ]
    (classic,) = [f for f in found if f.startswith("MIG601")]
    assert classic.startswith("MIG601 PowerShell script 'deploy.ps1' uses the Service Management SDK")


PIPELINES = {
    "github": (
        ".github/workflows/deploy.yml",
        "on: push\njobs:\n  deploy:\n    runs-on: windows-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n      - shell: pwsh\n        run: '{command}'\n",
    ),
    "azure-pwsh": ("azure-pipelines.yml", "steps:\n- pwsh: '{command}'\n"),
    "gitlab-windows": (".gitlab-ci.yml", "deploy:\n  tags: [windows]\n  script:\n    - '{command}'\n"),
}


@pytest.mark.parametrize("pipeline", list(PIPELINES))
@pytest.mark.parametrize("command", [RUNS["py-launcher"], RUNS["call-operator-exe"]], ids=["py", "call"])
def test_a_powershell_ci_step_runs_the_python_file_with_its_arguments(
    tmp_path, monkeypatch, pipeline, command
):
    name, text = PIPELINES[pipeline]
    found = _found(tmp_path, monkeypatch, {name: text.format(command=command)})
    assert "MIG202 VM 'web1' of cloud service 'websvc' is in 2 subnets (Subnet-1, Subnet-2)" in found


def test_a_path_of_the_script_s_folder_given_as_an_argument_is_a_value_not_stated(tmp_path, monkeypatch):
    command = 'python tools/create.py --service websvc "$PSScriptRoot/web1"'
    found = _found(tmp_path, monkeypatch, {"deploy.ps1": command + "\n"})
    (subnets,) = [f for f in found if f.startswith("MIG202")]
    assert subnets.startswith("MIG202 VM '<VM name, ") and "\0" not in subnets


def test_a_python_file_a_powershell_script_does_not_state_is_read_alone(tmp_path, monkeypatch):
    found = _found(tmp_path, monkeypatch, {"deploy.ps1": "python3 tools/other.py --service websvc web1\n"})
    assert [f for f in found if f.startswith("MIG202")] == [
        "MIG202 VM '<VM name, create.py:17>' of cloud service '<cloud service name, create.py:17>' "
        "is in 2 subnets (Subnet-1, Subnet-2)"
    ]


def test_a_python_file_a_shell_script_runs_is_the_shell_script_s_own(tmp_path, monkeypatch):
    found = _found(tmp_path, monkeypatch, {"deploy.sh": "#!/bin/bash\npython3 tools/create.py web1\n"})
    (classic,) = [f for f in found if f.startswith("MIG601")]
    assert classic.startswith("MIG601 Shell script 'deploy.sh' uses the Service Management SDK")


def test_powershell_steps_running_a_python_file_cost_time_linear_in_their_number(tmp_path, monkeypatch):
    def make(steps: int):
        folder = tmp_path / str(steps)
        lines = "".join(f"- pwsh: py -3 tools/create.py --service websvc vm-{n}\n" for n in range(steps))
        files = {"azure-pipelines.yml": "steps:\n" + lines, "tools/create.py": CREATE}
        return lambda: lint_files(folder, monkeypatch, files, "MIG202", dedent=False)

    assert_linear(make, 20)
