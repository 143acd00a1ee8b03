"""A classic CLI change to a VM named without its cloud service (`azure vm endpoint create web01 8080`, no `-d`)
is made to the one VM of that name the files describe, also where that VM is an Export-AzureVM file's that
joined a service another file creates (the files of folder shop/ join the service shop a script creates with
another VM): it was made to a stand-in VM of a cloud service of its own, as if the files described no web01."""

from __future__ import annotations

from lint_support import lint_files

CREATE = """\
New-AzureVMConfig -Name 'app01' -InstanceSize Small -ImageName 'img' |
  Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password 'p' |
  New-AzureVM -ServiceName 'shop' -Location 'West Europe'
"""
WEB01 = """\
<?xml version="1.0" encoding="utf-8"?>
<PersistentVM xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <ConfigurationSets>
    <ConfigurationSet xsi:type="NetworkConfigurationSet">
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
    </ConfigurationSet>
  </ConfigurationSets>
  <OSVirtualHardDisk><DiskName>web01-os</DiskName><OS>Windows</OS></OSVirtualHardDisk>
  <RoleName>web01</RoleName>
  <RoleSize>Small</RoleSize>
  <RoleType>PersistentVMRole</RoleType>
</PersistentVM>
"""
ENDPOINT = "#!/bin/bash\nazure vm endpoint create web01 8080 8080\n"


def test_the_endpoint_is_on_the_export_s_vm_in_the_script_s_service(tmp_path, monkeypatch) -> None:
    files = {"create.ps1": CREATE, "shop/web01.xml": WEB01, "ep.sh": ENDPOINT}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    (estate,) = result.estates
    (service,) = estate.cloud_services
    assert service.name == "shop"
    assert sorted(vm.name for vm in service.vms) == ["app01", "web01"]
    (web01,) = [vm for vm in service.vms if vm.name == "web01"]
    assert [endpoint.port for endpoint in web01.endpoints] == ["8080"]
