"""A name no resource of its kind can have (`"Storage Account Name"`, `"VM Name"`: storage accounts, cloud
services, deployments, VMs and reserved IPs hold no space) is one a file leaves to fill in, said so in the
readiness summary and the plan whatever format writes it; a virtual network's may hold spaces. And a cloud
service of web/worker roles listed under its network's heading carries the roles' retirement note."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where
from test_storage_account_created_under_a_placeholder_may_be_any_disks import DEPLOYMENT

from migcheck import model
from migcheck.cli import main

_SAID = "(a placeholder the file leaves to fill in)"

_POWERSHELL = """\
$Storage = "Storage Account Name"
Set-AzureSubscription -SubscriptionName "Pay-As-You-Go" -CurrentStorageAccount $Storage
New-AzureVMConfig -Name "VM Name" -InstanceSize "Medium" -ImageName "img" |
New-AzureVM -ServiceName "Cloud Service Name" -Location "East US"
"""

_PYTHON = """\
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService("sub", "cert.pem")
sms.create_storage_account("Storage Account Name", "d", "l", location="West US")
sms.create_virtual_machine_deployment("Cloud Service Name", "Deployment Name", "production", "l", "VM Name", None, None)
"""

_SHELL = 'azure storage account create "Storage Account Name" --location "West US"\n'


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, *args: str) -> str:
    (tmp_path / name).write_text(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        main([*args, name])
    return capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "text"), [("deploy.ps1", _POWERSHELL), ("deploy.py", _PYTHON), ("deploy.sh", _SHELL)]
)
def test_the_summary_says_a_storage_account_name_with_spaces_is_a_placeholder(tmp_path, capsys, name, text):
    lines = _run(tmp_path, capsys, name, text, "check").splitlines()
    assert any(line.startswith(f"    Storage Account Name {_SAID} (") for line in lines)


@pytest.mark.parametrize(("name", "text"), [("deploy.ps1", _POWERSHELL), ("deploy.py", _PYTHON)])
def test_the_summary_and_plan_say_a_cloud_service_and_vm_name_with_spaces_are_placeholders(
    tmp_path, capsys, name, text
):
    lines = _run(tmp_path, capsys, name, text, "check").splitlines()
    assert f"    Cloud Service Name {_SAID} (1 VM)" in lines
    out = _run(tmp_path, capsys, name, text, "plan")
    assert f"   moves: cloud service 'Cloud Service Name' {_SAID}, deployment '" in out
    assert f": VMs VM Name {_SAID}\n" in out
    assert f"   moves: storage account 'Storage Account Name' {_SAID} (" in out
    # The commands keep the name as written: it is what to fill in.
    assert "-ServiceName 'Cloud Service Name'" in out


def test_a_deployment_name_with_spaces_is_taken_as_written(tmp_path, capsys):
    """No rule of the platform we can point at keeps spaces out of a deployment's name."""
    out = _run(tmp_path, capsys, "deploy.py", _PYTHON, "plan")
    assert "deployment 'Deployment Name'" in out and f"deployment 'Deployment Name' {_SAID}" not in out


def test_real_names_are_not_placeholders(tmp_path, capsys):
    text = _POWERSHELL.replace("Storage Account Name", "shopdisks").replace("VM Name", "web1")
    out = _run(tmp_path, capsys, "deploy.ps1", text.replace("Cloud Service Name", "shop"), "plan")
    assert "placeholder" not in out


def test_a_network_name_with_spaces_is_no_placeholder(tmp_path, capsys):
    script = 'New-AzureVMConfig -Name "web1" -InstanceSize "Small" -ImageName "img" | Set-AzureSubnet -SubnetNames "Sub 1" |\n'
    script += 'New-AzureVM -ServiceName "shop" -VNetName "Group rg name" -Location "West US"\n'
    out = _run(tmp_path, capsys, "deploy.ps1", script, "check")
    assert "Group rg name" in out and "placeholder" not in out


@pytest.mark.parametrize("kind", ["StorageAccount", "CloudService", "VM"])
def test_kinds_whose_names_hold_no_space(kind):
    assert model.cannot_name(kind, "Storage Account Name")
    assert model.is_placeholder("VM Name", kind) and model.is_stand_in("VM Name", kind)
    assert not model.cannot_name(kind, "web-01")
    # migcheck's own stand-ins say where a script passes the name: not placeholders.
    assert not model.is_placeholder("<cloud service name, deploy.ps1:4>", kind)


@pytest.mark.parametrize("kind", ["Deployment", "ReservedIP", "VirtualNetwork", "Subnet", "LocalNetworkSite"])
def test_kinds_whose_names_may_hold_a_space(kind):
    assert not model.cannot_name(kind, "Storage Account Name")


@pytest.mark.parametrize("kind", ["", "VirtualNetwork", "Subnet", "LocalNetworkSite"])
def test_other_kinds_may_hold_spaces(kind):
    assert not model.cannot_name(kind, "Group rg name")
    assert not model.is_placeholder("Group rg name", kind)


_CSDEF = """\
<ServiceDefinition name="bot" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WorkerRole name="Worker" vmsize="Standard_D3_v2" />
</ServiceDefinition>
"""

_CSCFG = """\
<ServiceConfiguration serviceName="bot" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Worker"><Instances count="2" /></Role>
  <NetworkConfiguration>
    <VirtualNetworkSite name="bot-vnet" />
    <AddressAssignments>
      <InstanceAddress roleName="Worker"><Subnets><Subnet name="default"/></Subnets></InstanceAddress>
    </AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
"""


def test_roles_in_a_network_carry_the_retirement_note_of_web_worker_roles(tmp_path, capsys):
    (tmp_path / "ServiceDefinition.csdef").write_text(_CSDEF)
    (tmp_path / "ServiceConfiguration.Cloud.cscfg").write_text(_CSCFG)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        main(["check", "."])
    lines = capsys.readouterr().out.splitlines()
    heading = lines.index("  Cloud services with web/worker roles in a virtual network")
    assert lines[heading + 1].startswith(
        "    bot-vnet (not defined in the files checked; cloud services: bot (1 "
    )
    assert lines[heading + 2] == (
        "    (the web/worker roles listed: Cloud Services (classic), retired on 2024-08-31: rebuild the roles on "
        "a service that remains)"
    )


def test_a_service_definition_s_name_with_spaces_is_no_placeholder(tmp_path, capsys):
    # A definition's name is its project's, not the name the service is deployed under.
    (tmp_path / "ServiceDefinition.csdef").write_text(_CSDEF.replace('"bot"', '"Bot Service"'))
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        main(["check", "."])
    out = capsys.readouterr().out
    assert "Bot Service" in out and "placeholder" not in out


def test_vms_alone_in_a_network_carry_no_note(tmp_path, capsys):
    script = 'New-AzureVMConfig -Name "web1" -InstanceSize "Small" -ImageName "img" | Set-AzureSubnet -SubnetNames "Sub1" |\n'
    script += 'New-AzureVM -ServiceName "shop" -VNetName "net" -Location "West US"\n'
    out = _run(tmp_path, capsys, "deploy.ps1", script, "check")
    assert "  VMs in a virtual network\n    net " in out and "web/worker roles:" not in out


_ACCOUNTS = """\
<StorageServices xmlns="http://schemas.microsoft.com/windowsazure">
  <StorageService><ServiceName>accta</ServiceName></StorageService>
</StorageServices>
"""

_CREATE_ACCOUNT = """\
<CreateStorageServiceInput xmlns="http://schemas.microsoft.com/windowsazure">
  <ServiceName>{name}</ServiceName>
  <Label>bGFiZWw=</Label>
  <Location>West US</Location>
</CreateStorageServiceInput>
"""


def test_a_rest_body_creating_an_account_under_a_name_with_spaces_is_said_to_leave_it_to_fill_in(
    tmp_path, capsys
):
    out = _run(tmp_path, capsys, "create.xml", _CREATE_ACCOUNT.format(name="Storage Account Name"), "check")
    assert f"    Storage Account Name {_SAID} (" in out


def test_a_disk_may_be_in_an_account_created_under_a_name_with_spaces(tmp_path, monkeypatch):
    # The account's name is filled in where the body is sent: any disk's account may be that one (no MIG003).
    files = {"list.xml": _ACCOUNTS, "body.xml": DEPLOYMENT}
    files["create.xml"] = _CREATE_ACCOUNT.format(name="Storage Account Name")
    assert lint_files(tmp_path, monkeypatch, files, "MIG003").findings == []
    files["create.xml"] = _CREATE_ACCOUNT.format(name="acctc")
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG003").findings) == ["MIG003 body.xml:9:9"]


def test_a_disk_in_an_account_with_spaces_in_its_name_is_not_said_to_be_missing_from_the_list(
    tmp_path, monkeypatch
):
    files = {"list.xml": _ACCOUNTS, "deploy.ps1": _POWERSHELL}
    assert lint_files(tmp_path, monkeypatch, files, "MIG003").findings == []
    files["deploy.ps1"] = _POWERSHELL.replace("Storage Account Name", "acctz")
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG003").findings) != []


def test_where_a_service_comes_from_is_not_taken_for_part_of_its_name(tmp_path, capsys):
    # Two services of one name, told apart by their folders: `bot (a)` holds a space, `bot` does not.
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "ServiceDefinition.csdef").write_text(_CSDEF)
        (tmp_path / folder / "ServiceConfiguration.Cloud.cscfg").write_text(
            _CSCFG.replace("bot-vnet", folder)
        )
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        main(["check", "."])
    out = capsys.readouterr().out
    assert "cloud services: bot (1 web/worker role; in a)" in out and "placeholder" not in out
