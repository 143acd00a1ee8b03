"""An Ansible task under `when: false` (`"False"`, `no`), a bash `if false; then` and a Python `if False:` (or
`if 0:`) were read as code that may run, so the VM they create was reported (MIG202) though it never can be.
As PowerShell's `if ($false)`, such code now creates nothing: its classic calls are still the script's; and
the code under `when: true`, `if true` or `if True:` runs surely, the `else` never."""

from __future__ import annotations

import pytest
from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files

_NEVER = "azure vm create contoso-never img ops Passw0rd! -w app-vnet -b web,data"
_SURE = "azure vm create contoso-sure img ops Passw0rd! -w app-vnet -b web,data"


def _multiple_subnets(tmp_path, monkeypatch, name: str, text: str) -> list[str]:
    files = {name: text, "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", "MIG601")
    assert any(f.code == "MIG601" for f in result.findings)  # the calls are still the script's
    return [f.message.split("'")[1] for f in result.findings if f.code == "MIG202"]


@pytest.mark.parametrize("when", ["false", '"False"', "no", "[true, false]"])
def test_an_ansible_task_when_false_never_runs(tmp_path, monkeypatch, when):
    playbook = f"""\
    - hosts: localhost
      tasks:
        - command: {_NEVER}
          when: {when}
        - command: {_SURE}
          when: true
    """
    assert _multiple_subnets(tmp_path, monkeypatch, "s.yml", playbook) == ["contoso-sure"]


def test_a_bash_if_false_never_runs_its_then(tmp_path, monkeypatch):
    script = f"""\
    #!/bin/bash
    if false; then
      {_NEVER}
    else
      {_SURE}
    fi
    if true; then
      {_SURE.replace("sure", "then")}
    else
      {_NEVER.replace("never", "else")}
    fi
    """
    assert _multiple_subnets(tmp_path, monkeypatch, "a.sh", script) == ["contoso-sure", "contoso-then"]


@pytest.mark.parametrize("test", ["False", "0", "None"])
def test_a_python_if_false_never_runs_its_body(tmp_path, monkeypatch, test):
    args = _NEVER.split()
    script = f"""\
    import subprocess
    if {test}:
        subprocess.check_call({args!r})
    else:
        subprocess.check_call({_SURE.split()!r})
    """
    assert _multiple_subnets(tmp_path, monkeypatch, "a.py", script) == ["contoso-sure"]


_WITH_SUBNET = "azure vm create contoso-one img ops Passw0rd! -w app-vnet -b web"
_NO_SUBNET = "azure vm create contoso-one img ops Passw0rd! -w app-vnet"


@pytest.mark.parametrize(
    ("name", "script"),
    [
        ("a.sh", f"if :; then\n  {_WITH_SUBNET}\nelse\n  {_NO_SUBNET}\nfi\n"),
        (
            "a.py",
            f"import subprocess\nif True:\n    subprocess.check_call({_WITH_SUBNET.split()!r})\n"
            f"else:\n    subprocess.check_call({_NO_SUBNET.split()!r})\n",
        ),
    ],
    ids=["bash", "python"],
)
def test_the_branch_a_literal_test_takes_is_the_vm_s_only_path(tmp_path, monkeypatch, name, script):
    files = {name: script, "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG}
    result = lint_files(tmp_path, monkeypatch, files, "MIG203", dedent=False)
    assert result.findings == []  # not "may have no subnet": the `else` never runs


@pytest.mark.parametrize("test", ["False", "0"])
def test_a_python_while_false_never_runs_its_body(tmp_path, monkeypatch, test):
    script = f"""\
    import subprocess
    while {test}:
        subprocess.check_call({_NEVER.split()!r})
    subprocess.check_call({_SURE.split()!r})
    """
    assert _multiple_subnets(tmp_path, monkeypatch, "a.py", script) == ["contoso-sure"]


def _sdk_create(service: str, subnets: str = "'web', 'data'") -> str:
    return (
        f"net = ConfigurationSet()\nnet.configuration_set_type = 'NetworkConfiguration'\n"
        f"net.subnet_names.extend([{subnets}])\n"
        f"sms.create_virtual_machine_deployment('{service}', '{service}', 'production', '{service}', '{service}',"
        " None, disk, network_config=net, virtual_network_name='app-vnet')\n"
    )


_SDK = """\
from azure.servicemanagement import ConfigurationSet, OSVirtualHardDisk, ServiceManagementService
sms = ServiceManagementService('sub', 'cert.pem')
disk = OSVirtualHardDisk('img', 'https://a.blob.core.windows.net/v/a.vhd')
"""


def _indented(code: str) -> str:
    return "".join(f"    {line}\n" for line in code.splitlines())


@pytest.mark.parametrize("test", ["if False", "if 0", "while False", "while 0"])
def test_an_sdk_create_under_a_false_literal_never_runs(tmp_path, monkeypatch, test):
    script = f"{_SDK}{test}:\n{_indented(_sdk_create('contoso-never'))}{_sdk_create('contoso-sure')}"
    assert _multiple_subnets(tmp_path, monkeypatch, "a.py", script) == ["contoso-sure"]


def test_an_sdk_create_under_if_true_is_the_vm_s_only_path(tmp_path, monkeypatch):
    in_web, in_none = _sdk_create("contoso-one", "'web'"), _sdk_create("contoso-one", "")
    script = f"{_SDK}if True:\n{_indented(in_web)}else:\n{_indented(in_none)}"
    files = {"a.py": script, "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG}
    result = lint_files(tmp_path, monkeypatch, files, "MIG203", dedent=False)
    assert result.findings == []  # not "may have no subnet": the `else` never runs
