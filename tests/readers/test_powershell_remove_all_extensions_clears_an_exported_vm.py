"""`Remove-AzureVMExtension -RemoveAll` on a VM the script gets with Get-AzureVM takes off every extension an
export gives that VM (the planning guide's first remediation: uninstall the extensions before Prepare), as a
removal by name takes off the one it names; an extension the script sets after it is the VM's."""

from __future__ import annotations

from lint_support import lint_files

_EXPORT = """
    <?xml version="1.0" encoding="utf-8"?>
    <PersistentVM xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
      <ConfigurationSets>
        <ConfigurationSet xsi:type="NetworkConfigurationSet">
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <SubnetNames><string>FrontEnd</string></SubnetNames>
        </ConfigurationSet>
      </ConfigurationSets>
      <ResourceExtensionReferences>
        <ResourceExtensionReference>
          <ReferenceName>BGInfo</ReferenceName><Publisher>Microsoft.Compute</Publisher><Name>BGInfo</Name>
          <Version>1.*</Version><State>Enable</State>
        </ResourceExtensionReference>
        <ResourceExtensionReference>
          <ReferenceName>VMSnapshot</ReferenceName><Publisher>Microsoft.Azure.RecoveryServices</Publisher>
          <Name>VMSnapshot</Name><Version>1.0</Version><State>Enable</State>
        </ResourceExtensionReference>
      </ResourceExtensionReferences>
      <RoleName>app01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
    </PersistentVM>
    """

CODES = ("MIG204", "MIG206")


def _codes(tmp_path, monkeypatch, script: str) -> list[str]:
    files = {"app/app01.xml": _EXPORT, "fix.ps1": script}
    return sorted(f.code for f in lint_files(tmp_path, monkeypatch, files, *CODES).findings)


def test_remove_all_in_a_pipeline_leaves_the_exported_vm_no_extension(tmp_path, monkeypatch):
    script = (
        "Get-AzureVM -ServiceName app -Name app01 | Remove-AzureVMExtension -RemoveAll | Update-AzureVM\n"
    )
    assert _codes(tmp_path, monkeypatch, script) == []


def test_an_extension_set_after_remove_all_is_the_vms(tmp_path, monkeypatch):
    script = """
        $vm = Get-AzureVM -ServiceName app -Name app01
        Remove-AzureVMExtension -VM $vm -RemoveAll
        Set-AzureVMExtension -VM $vm -ExtensionName BGInfo -Publisher Microsoft.Compute -Version 1.*
        $vm | Update-AzureVM
        """
    assert _codes(tmp_path, monkeypatch, script) == ["MIG204"]


def test_without_remove_all_the_exported_extensions_stay(tmp_path, monkeypatch):
    script = (
        "Get-AzureVM -ServiceName app -Name app01 | Set-AzureVMSize -InstanceSize Large | Update-AzureVM\n"
    )
    assert _codes(tmp_path, monkeypatch, script) == ["MIG204", "MIG206"]
