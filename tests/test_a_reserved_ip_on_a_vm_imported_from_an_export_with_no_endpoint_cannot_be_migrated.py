"""A script that recreates a VM from its Export-AzureVM file and gives its deployment a reserved IP
(`Import-AzureVM -Path web01.xml` then `New-AzureVM -ReservedIPName rip1`) creates the VM with the
endpoints the file lists: when the file lists none, the deployment has no input endpoint on its VIP and
the reserved IP cannot be migrated with it (MIG106), as when the script builds the VM itself with none.
An export that lists an endpoint carries the reserved IP."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

RDP = (
    "<InputEndpoint><LocalPort>3389</LocalPort><Name>RDP</Name><Port>3389</Port>"
    "<Protocol>tcp</Protocol></InputEndpoint>"
)


def _export(endpoints: str) -> str:
    return f"""\
<?xml version="1.0" encoding="utf-8"?>
<PersistentVM xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <RoleName>web01</RoleName>
  <RoleType>PersistentVMRole</RoleType>
  <ConfigurationSets>
    <ConfigurationSet xsi:type="NetworkConfigurationSet">
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <InputEndpoints>{endpoints}</InputEndpoints>
      <SubnetNames><string>FrontEnd</string></SubnetNames>
    </ConfigurationSet>
  </ConfigurationSets>
  <OSVirtualHardDisk><DiskName>web01-os</DiskName><OS>Windows</OS></OSVirtualHardDisk>
  <RoleSize>Small</RoleSize>
</PersistentVM>
"""


SCRIPT = (
    "$vm = Import-AzureVM -Path .\\svc1\\web01.xml\n"
    "New-AzureVM -ServiceName svc1 -VNetName prod -ReservedIPName rip1 -VMs $vm -Location 'West US'\n"
)


@pytest.mark.parametrize(("endpoints", "expected"), [("", ["MIG106 up.ps1:2:62"]), (RDP, [])])
def test_the_export_s_endpoints_say_whether_the_reserved_ip_can_be_migrated(
    tmp_path, monkeypatch, endpoints: str, expected: list[str]
) -> None:
    files = {"svc1/web01.xml": _export(endpoints), "up.ps1": SCRIPT}
    result = lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False)
    assert where(result.findings) == expected
