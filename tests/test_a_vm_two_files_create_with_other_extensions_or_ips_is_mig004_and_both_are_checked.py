"""One VM that two files create (two scripts, in any format) with other extensions, other static private
IPs or other public IPs is MIG004 at the creation not used, listing them as it lists other disks and
endpoints. Either may be what is deployed, so the VM checked holds the extensions, static private IPs and
public IPs of both: Azure Backup's snapshot extension (MIG206), BGInfo 1.* (MIG204), Site Recovery's
extension (MIG209) or an address another VM asks for (MIG306) that only the second creation states is
reported at its file."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="corpnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="front"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet>
        </Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def powershell_vm(then: str, name: str = "web01") -> str:
    return f"""\
$vm = New-AzureVMConfig -Name '{name}' -InstanceSize Small -ImageName 'img' |
    Add-AzureProvisioningConfig -Windows -AdminUsername 'a' -Password 'p' |
    Set-AzureSubnet -SubnetNames 'front' |
    {then}
New-AzureVM -ServiceName 'web' -Location 'West Europe' -VNetName 'corpnet' -VMs $vm
"""


BGINFO_2 = "Set-AzureVMExtension -ExtensionName 'BGInfo' -Publisher 'Microsoft.Compute' -Version '2.*'"
VM_SNAPSHOT = "Set-AzureVMExtension -ExtensionName 'VMSnapshot' -Publisher 'Microsoft.Azure.RecoveryServices' -Version '1.0'"


def _mig004(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.message for f in result.findings if f.code == "MIG004"]


def test_a_backup_extension_only_the_second_powershell_script_installs_is_checked(
    tmp_path, monkeypatch
) -> None:
    files = {
        "NetworkConfig.netcfg": NETCFG,
        "deploy/a_web.ps1": powershell_vm(BGINFO_2),
        "deploy/b_web.ps1": powershell_vm(VM_SNAPSHOT),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", "MIG206", dedent=False)
    assert where(result.findings) == [
        "MIG004 deploy/b_web.ps1:1:7",
        "MIG206 deploy/b_web.ps1:4:41",
    ]  # at the extension's name
    assert _mig004(result)[0].endswith(
        "extensions Microsoft.Azure.RecoveryServices.VMSnapshot 1.0 / Microsoft.Compute.BGInfo 2.* (here / there)"
    )
    (vm,) = result.estate.cloud_services[0].vms
    assert [e.name for e in vm.extensions] == ["BGInfo", "VMSnapshot"]


def test_a_bginfo_version_only_the_second_powershell_script_installs_is_checked(
    tmp_path, monkeypatch
) -> None:
    files = {
        "NetworkConfig.netcfg": NETCFG,
        "deploy/a_web.ps1": powershell_vm(BGINFO_2),
        "deploy/b_web.ps1": powershell_vm(BGINFO_2.replace("2.*", "1.*")),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", "MIG204", dedent=False)
    assert where(result.findings) == ["MIG004 deploy/b_web.ps1:1:7", "MIG204 deploy/b_web.ps1:4:41"]
    assert _mig004(result)[0].endswith(
        "extensions Microsoft.Compute.BGInfo 1.* / Microsoft.Compute.BGInfo 2.* (here / there)"
    )


def test_the_same_extensions_do_not_disagree(tmp_path, monkeypatch) -> None:
    files = {
        "NetworkConfig.netcfg": NETCFG,
        "deploy/a_web.ps1": powershell_vm(VM_SNAPSHOT),
        "deploy/b_web.ps1": powershell_vm(VM_SNAPSHOT.replace("'VMSnapshot'", "'vmsnapshot'")),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", "MIG206", dedent=False)
    assert where(result.findings) == ["MIG206 deploy/a_web.ps1:4:41"]


def test_a_static_ip_only_the_second_powershell_script_asks_for_is_checked(tmp_path, monkeypatch) -> None:
    files = {
        "NetworkConfig.netcfg": NETCFG,
        "deploy/a_web.ps1": powershell_vm("Set-AzureStaticVNetIP -IPAddress '10.0.1.5'"),
        "deploy/b_web.ps1": powershell_vm("Set-AzureStaticVNetIP -IPAddress '10.0.1.4'"),
        "deploy/c_sql.ps1": powershell_vm("Set-AzureStaticVNetIP -IPAddress '10.0.1.4'", name="sql01"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", "MIG306", dedent=False)
    assert where(result.findings) == ["MIG004 deploy/b_web.ps1:1:7", "MIG306 deploy/c_sql.ps1:4:38"]
    assert _mig004(result)[0].endswith("private IPs 10.0.1.4 / 10.0.1.5 (here / there)")
    assert "which VM 'web01' of cloud service 'web' asks for too" in result.findings[1].message


def test_the_public_ips_of_both_powershell_scripts_are_the_vm_s(tmp_path, monkeypatch) -> None:
    files = {
        "NetworkConfig.netcfg": NETCFG,
        "deploy/a_web.ps1": powershell_vm("Set-AzurePublicIP -PublicIPName 'web-pip'"),
        "deploy/b_web.ps1": powershell_vm("Set-AzurePublicIP -PublicIPName 'web-ip'"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False)
    assert where(result.findings) == ["MIG004 deploy/b_web.ps1:1:7"]
    assert _mig004(result)[0].endswith("public IPs web-ip / web-pip (here / there)")
    (vm,) = result.estate.cloud_services[0].vms
    assert [ip.name for ip in vm.public_ips] == ["web-pip", "web-ip"]


def python_vm(extension: str = "", address: str = "") -> str:
    static = f"net.static_virtual_network_ip_address = '{address}'\n" if address else ""
    return f"""\
from azure.servicemanagement import *
sms = ServiceManagementService('sub', 'cert.pem')
net = ConfigurationSet()
net.subnet_names.append('front')
{static}ext = [{extension}]
sms.create_virtual_machine_deployment('svc1', 'svc1', 'production', 'svc1', 'vm1', None,
    OSVirtualHardDisk('img', 'https://acctone.blob.core.windows.net/vhds/vm1.vhd'), network_config=net,
    virtual_network_name='corpnet', resource_extension_references=ext)
"""


BGINFO_PY = "ResourceExtensionReference('BGInfo', 'Microsoft.Compute', 'BGInfo', '2.1')"
SITE_RECOVERY_PY = (
    "ResourceExtensionReference('Linux', 'Microsoft.Azure.RecoveryServices.SiteRecovery', 'Linux', '1.0')"
)


@pytest.mark.parametrize("order", ["a_", "z_"])
def test_a_site_recovery_extension_only_one_python_script_installs_is_checked(
    tmp_path, monkeypatch, order: str
) -> None:
    recovered = f"{order}recovered.py"
    files = {
        "NetworkConfig.netcfg": NETCFG,
        "create_plain.py": python_vm(BGINFO_PY),
        recovered: python_vm(SITE_RECOVERY_PY),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG209", dedent=False)
    assert [f.location.path for f in result.findings if f.location] == [recovered]


def test_two_python_scripts_disagree_on_extensions_and_static_ips(tmp_path, monkeypatch) -> None:
    files = {
        "NetworkConfig.netcfg": NETCFG,
        "create_a.py": python_vm(BGINFO_PY, "10.0.1.5"),
        "create_b.py": python_vm(SITE_RECOVERY_PY, "10.0.1.4"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False)
    assert where(result.findings) == ["MIG004 create_b.py:7:5"]
    assert _mig004(result)[0].endswith(
        "extensions Microsoft.Azure.RecoveryServices.SiteRecovery.Linux 1.0 / Microsoft.Compute.BGInfo 2.1; "
        "private IPs 10.0.1.4 / 10.0.1.5 (here / there)"
    )


def test_a_static_ip_only_the_second_classic_cli_script_asks_for_is_checked(tmp_path, monkeypatch) -> None:
    files = {
        "NetworkConfig.netcfg": NETCFG,
        "create_a.sh": "azure vm create web-svc img user pass -w corpnet -b front -S 10.0.1.5\n",
        "create_b.sh": "azure vm create web-svc img user pass -w corpnet -b front -S 10.0.1.4\n",
        "create_c.sh": "azure vm create sql-svc img user pass -w corpnet -b front -S 10.0.1.4\n",
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", "MIG306", dedent=False)
    assert where(result.findings) == ["MIG004 create_b.sh:1:1", "MIG306 create_c.sh:1:62"]
    assert _mig004(result)[0].endswith("private IPs 10.0.1.4 / 10.0.1.5 (here / there)")
