"""`Remove-AzureVMExtension -ReferenceName` on a VM the script gets with Get-AzureVM takes off the extension
whose reference name it gives, as a removal by publisher and name does: each shape that states an
extension's reference name (an Export-AzureVM file, a REST body, a Get-AzureVM JSON export, a script that
sets the extension) keeps it, and the removal is matched to it as the cmdlet matches it (case-insensitive),
whatever the extension's own name. Other extensions of the VM stay."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

CODES = ("MIG204", "MIG206")
BGINFO = ("BGInfo", "Microsoft.Compute", "BGInfo", "1.*")
SNAPSHOT = ("Snapshot", "Microsoft.Azure.RecoveryServices", "VMSnapshot", "1.0")


def _script(reference: str) -> str:
    return f"Get-AzureVM -ServiceName app -Name app01 | Remove-AzureVMExtension -ReferenceName {reference} | Update-AzureVM\n"


def _export() -> str:
    """An Export-AzureVM file of app01 with BGInfo 1.* (MIG204) and the backup extension (MIG206), whose
    reference name is not its name."""
    references = "".join(
        f"<ResourceExtensionReference><ReferenceName>{ref}</ReferenceName><Publisher>{publisher}</Publisher>"
        f"<Name>{name}</Name><Version>{version}</Version><State>Enable</State></ResourceExtensionReference>"
        for ref, publisher, name, version in (BGINFO, SNAPSHOT)
    )
    return f"""\
<?xml version="1.0" encoding="utf-8"?>
<PersistentVM xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <ConfigurationSets>
    <ConfigurationSet xsi:type="NetworkConfigurationSet">
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <SubnetNames><string>FrontEnd</string></SubnetNames>
    </ConfigurationSet>
  </ConfigurationSets>
  <ResourceExtensionReferences>{references}</ResourceExtensionReferences>
  <RoleName>app01</RoleName>
  <RoleType>PersistentVMRole</RoleType>
</PersistentVM>
"""


def _rest_body() -> str:
    """A Get Hosted Service response (with its details) of cloud service app, with VM app01 and the same two
    extensions."""
    references = "".join(
        f"<ResourceExtensionReference><ReferenceName>{ref}</ReferenceName><Publisher>{publisher}</Publisher>"
        f"<Name>{name}</Name><Version>{version}</Version></ResourceExtensionReference>"
        for ref, publisher, name, version in (BGINFO, SNAPSHOT)
    )
    return f"""\
<HostedService xmlns="http://schemas.microsoft.com/windowsazure">
  <ServiceName>app</ServiceName>
  <Deployments>
    <Deployment>
      <Name>app</Name>
      <RoleList>
        <Role>
          <RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType>
          <ResourceExtensionReferences>{references}</ResourceExtensionReferences>
        </Role>
      </RoleList>
    </Deployment>
  </Deployments>
</HostedService>
"""


def _get_azurevm_json() -> str:
    """`Get-AzureVM -ServiceName app | ConvertTo-Json -Depth 10`: app01's `PersistentVMRoleContext`."""
    extensions = [
        {"ReferenceName": ref, "Publisher": publisher, "Name": name, "Version": version, "State": "Enable"}
        for ref, publisher, name, version in (BGINFO, SNAPSHOT)
    ]
    vm = {
        "ConfigurationSets": [{"ConfigurationSetType": "NetworkConfiguration", "SubnetNames": ["FrontEnd"]}],
        "RoleName": "app01",
        "RoleType": "PersistentVMRole",
        "ResourceExtensionReferences": extensions,
    }
    context = {
        "ServiceName": "app",
        "DeploymentName": "app",
        "Name": "app01",
        "VM": vm,
        "Status": "ReadyRole",
    }
    return json.dumps([context], indent=4, separators=(",", ":  ")) + "\n"


DESCRIBED = {
    "export": {"app/app01.xml": _export()},
    "rest": {"app.xml": _rest_body()},
    "get-azurevm": {"vms.json": _get_azurevm_json()},
}


def _codes(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    return sorted(f.code for f in lint_files(tmp_path, monkeypatch, files, *CODES, dedent=False).findings)


@pytest.mark.parametrize("shape", DESCRIBED)
def test_the_extension_of_that_reference_name_goes_and_the_others_stay(tmp_path, monkeypatch, shape):
    files = DESCRIBED[shape] | {"fix.ps1": _script("snapshot")}
    assert _codes(tmp_path, monkeypatch, files) == ["MIG204"]


@pytest.mark.parametrize("shape", DESCRIBED)
def test_the_extensions_own_name_is_not_its_reference_name(tmp_path, monkeypatch, shape):
    files = DESCRIBED[shape] | {"fix.ps1": _script("VMSnapshot")}
    assert _codes(tmp_path, monkeypatch, files) == ["MIG204", "MIG206"]


@pytest.mark.parametrize("shape", DESCRIBED)
def test_without_the_removal_both_stay(tmp_path, monkeypatch, shape):
    assert _codes(tmp_path, monkeypatch, DESCRIBED[shape]) == ["MIG204", "MIG206"]


def test_an_extension_a_script_sets_by_reference_name_goes_when_another_removes_it(tmp_path, monkeypatch):
    deploy = """\
$vm = New-AzureVMConfig -Name app01 -InstanceSize Small -ImageName img -MediaLocation https://st1.blob.core.windows.net/vhds/app01.vhd
$vm = Set-AzureVMExtension -VM $vm -ReferenceName Snapshot -ExtensionName VMSnapshot -Publisher Microsoft.Azure.RecoveryServices -Version 1.0
$vm = Set-AzureSubnet -VM $vm -SubnetNames FrontEnd
New-AzureVM -ServiceName app -VMs $vm -VNetName net
"""
    files = {"deploy.ps1": deploy}
    assert _codes(tmp_path, monkeypatch, files) == ["MIG206"]
    assert _codes(tmp_path, monkeypatch, files | {"fix.ps1": _script("snapshot")}) == []


@pytest.mark.parametrize(("option", "removed", "left"), [("-r snap ", "SNAP", []), ("", "snap", ["MIG206"])])
def test_an_extension_the_classic_cli_sets_goes_by_the_reference_name_it_gives(
    tmp_path, monkeypatch, option, removed, left
):
    """`azure vm extension set <vm> <name> <publisher> <version>` names the extension; `-r` its reference
    name, which is otherwise the extension's name. The CLI removes (`-u`) by name and publisher alone."""
    deploy = (
        "azure vm create app img user Pass123! -n app01 -w net -b FrontEnd\n"
        f"azure vm extension set app01 VMSnapshot Microsoft.Azure.RecoveryServices 1.0 {option}-d app\n"
    )
    files = {"deploy.sh": deploy, "fix.ps1": _script(removed)}
    assert _codes(tmp_path, monkeypatch, files) == left
