"""One script checked alone (a pre-commit hook, an editor on save) pays for importing what reads its format
only: a PowerShell or shell script, even one that sends a Service Management request body, is read without
the Python reader and its flow analysis. Counted in a fresh interpreter rather than timed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_startup import imported

PYTHON_READER = {"migcheck.readers.python_script", "migcheck.readers.python_flow"}

# A network configuration uploaded as a body built from a value the script does not state, and a VM's
# role body sent to the Service Management API: what the readers share with the Python reader.
POWERSHELL = """\
$prefix = $args[0]
$body = @"
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="$($prefix)vnet" Location="West Europe">
      <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"@
Set-AzureVNetConfig -ConfigurationPath $body
New-AzureVM -ServiceName shop -VMs $vm -VNetName "$($prefix)vnet"
Invoke-RestMethod -Method Post -Uri "https://management.core.windows.net/$sub/services/hostedservices/shop/deployments/d/roles" -Body $role
"""
SHELL = """\
#!/bin/sh
azure vm create shop image-name user --vm-name web --virtual-network-name "$VNET"
curl -X POST -d '<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure"><RoleName>web</RoleName></PersistentVMRole>' \\
  "https://management.core.windows.net/$SUB/services/hostedservices/shop/deployments/d/roles"
"""


@pytest.mark.parametrize(
    ("name", "text", "reader"), [("deploy.ps1", POWERSHELL, "powershell"), ("deploy.sh", SHELL, "shell")]
)
def test_a_script_that_is_not_python_is_read_without_the_python_reader(
    tmp_path: Path, name: str, text: str, reader: str
) -> None:
    script = tmp_path / name
    script.write_text(text)
    modules = imported(tmp_path, "check", str(script))
    assert f"migcheck.readers.{reader}" in modules  # it was read
    assert "migcheck.readers.request_bodies" in modules  # with what the readers share
    assert not modules & PYTHON_READER


def test_a_python_script_is_read_by_the_python_reader(tmp_path: Path) -> None:
    script = tmp_path / "deploy.py"
    script.write_text("from azure.servicemanagement import ServiceManagementService\n")
    assert PYTHON_READER <= imported(tmp_path, "check", str(script))
