"""A script written to be filled in before it runs (`VNET=""` under "set these before running") names
resources by blanks: an empty string it assigns at its top level and then passes whole as a name is a value
it does not state (a stand-in, one per variable), never a name stated empty, in a shell script, PowerShell
and Python alike. An empty string written where the name goes, or set later, is still empty."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

SHELL_TEMPLATE = """\
    # Set globals here before running the script
    CloudSvcName=""
    VirtualNetwork=""
    VSubNet=""
    azure network vnet create --location "West US" --subnet-name $VSubNet $VirtualNetwork
    azure vm create $CloudSvcName --virtual-network-name $VirtualNetwork --subnet-names $VSubNet img user pass
    """


def test_a_shell_script_s_blanks_name_a_network_and_subnet_it_leaves_to_fill(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"create_vm.sh": SHELL_TEMPLATE}, "MIG105", "MIG203")
    assert where(result.findings) == []


def test_a_shell_script_s_blank_quoted_is_a_blank_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = """\
        VNET="<your vnet>"
        SUB=""
        azure vm create myvm img user pass --virtual-network-name "$VNET" --subnet-names "$SUB"
        """
    assert where(lint_files(tmp_path, monkeypatch, {"x.sh": script}, "MIG203").findings) == []


@pytest.mark.parametrize(
    "script",
    [
        'azure vm create myvm img user pass -w net1 --subnet-names ""\n',
        'deploy() {\n  local SUB=""\n  azure vm create myvm img user pass -w net1 -b "$SUB"\n}\ndeploy\n',
        'SUB=front\nSUB=""\nazure vm create myvm img user pass -w net1 -b "$SUB"\n',
    ],
    ids=["written-empty", "set-empty-in-a-function", "set-empty-again"],
)
def test_a_subnet_stated_empty_is_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    found = where(lint_files(tmp_path, monkeypatch, {"x.sh": script}, "MIG203").findings)
    assert [f.split()[0] for f in found] == ["MIG203"]


def test_a_blank_a_shell_script_builds_on_keeps_what_it_adds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = """\
        OPTS=""
        OPTS="$OPTS -w net1"
        azure vm create myvm img user pass $OPTS
        """
    found = where(lint_files(tmp_path, monkeypatch, {"x.sh": script}, "MIG105", "MIG203").findings)
    assert found == ["MIG203 x.sh:3:1"]


POWERSHELL_TEMPLATE = """\
    # fill these in before running
    $ServiceName = ""
    $VNetName = ""
    $Subnet = ""
    $vm = New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName $img | Set-AzureSubnet -SubnetNames $Subnet
    New-AzureVM -ServiceName $ServiceName -VNetName $VNetName -VMs $vm -Location "West US"
    """


def test_a_powershell_script_s_blanks_name_no_network_stated_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"x.ps1": POWERSHELL_TEMPLATE}, "MIG105", "MIG203")
    assert where(result.findings) == []


PYTHON_TEMPLATE = """\
    from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService

    # fill these in before running
    SERVICE = ""
    VNET = {vnet}

    sms = ServiceManagementService(SUBSCRIPTION, CERT)
    sms.create_virtual_machine_deployment(
        service_name=SERVICE,
        deployment_name=SERVICE,
        deployment_slot="production",
        label="web",
        role_name="web1",
        system_config=LinuxConfigurationSet("web1", "user", "pass"),
        os_virtual_hard_disk=OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/web1.vhd"),
        virtual_network_name={passed},
    )
    """


def test_a_python_script_s_blank_is_a_network_it_leaves_to_fill(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = PYTHON_TEMPLATE.format(vnet='""', passed="VNET")
    assert where(lint_files(tmp_path, monkeypatch, {"deploy.py": script}, "MIG105").findings) == []


def test_a_python_script_s_network_passed_as_an_empty_string_is_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = PYTHON_TEMPLATE.format(vnet='""', passed='""')
    assert where(lint_files(tmp_path, monkeypatch, {"deploy.py": script}, "MIG105").findings) == [
        "MIG105 deploy.py:8:5"
    ]
