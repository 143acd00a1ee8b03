"""One VM that two files create differently (two scripts, in any format, or two bodies) is MIG004 at the
creation not used, listing every difference: disks (blobs, else the LUNs of data disks: a script's disks
are named by the platform), endpoints, subnets, size and availability set, a set and none included. Either
may be what is deployed, so the VM checked holds the disks and endpoints of both and the subnets of the one
that puts it in more: a blocker either shows is reported at its file, and the storage account of either's
disks waits for the VM. A script and an export of the VM (a GET, an Export-AzureVM file) are compared on
size, availability set, subnets and the OS disk's blob, which a classic VM keeps, not on data disks and
endpoints (attached and added since a script ran), and a script that changes a VM another file creates is
no second creation."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

# As kumarsendhi/AzureCertification writes them: a quick VM, and the same VM with an endpoint and a data
# disk, each in the subscription's current storage account.
QUICK_VM = """\
Set-AzureSubscription -SubscriptionName 'prod' -CurrentStorageAccountName 'storeone'
New-AzureQuickVM -Windows -ServiceName 'seyon' -Name 'seyon01' -ImageName 'img' -AdminUsername 'a' -Password 'p' -Location 'South India' -InstanceSize Small
"""

FULL_VM = """\
Set-AzureSubscription -SubscriptionName 'prod' -CurrentStorageAccountName 'storetwo'
$acl = New-AzureAclConfig
Set-AzureAclConfig -AddRule -ACL $acl -Action Permit -RemoteSubnet '10.0.0.0/8' -Order 100
$vm = New-AzureVMConfig -Name 'seyon01' -InstanceSize Small -ImageName 'img' |
    Add-AzureProvisioningConfig -Windows -AdminUsername 'a' -Password 'p' |
    Add-AzureEndpoint -Name 'HTTP' -Protocol tcp -PublicPort 80 -LocalPort 80 -ACL $acl |
    Add-AzureDataDisk -CreateNew -DiskSizeInGB 20 -LUN 0 -DiskLabel 'Data'
New-AzureVM -ServiceName 'seyon' -Location 'South India' -VMs $vm
"""

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="corpnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="front"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet>
          <Subnet name="back"><AddressPrefix>10.0.2.0/24</AddressPrefix></Subnet>
        </Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def powershell_vm(subnets: str, extra: str = "") -> str:
    return f"""\
New-AzureVMConfig -Name 'web01' -InstanceSize Small -ImageName 'img' {extra}|
    Add-AzureProvisioningConfig -Windows -AdminUsername 'a' -Password 'p' |
    Set-AzureSubnet -SubnetNames {subnets} |
    New-AzureVM -ServiceName 'web' -Location 'West Europe' -VNetName 'corpnet'
"""


def python_vm(account: str, data_disk: str = "") -> str:
    return f"""\
from azure.servicemanagement import *
sms = ServiceManagementService('sub', 'cert.pem')
net = ConfigurationSet()
net.input_endpoints.input_endpoints.append(ConfigurationSetInputEndpoint('ssh', 'tcp', '22', '22'))
sms.create_virtual_machine_deployment('svc1', 'svc1', 'production', 'svc1', 'vm1', None,
    OSVirtualHardDisk('img', 'https://{account}.blob.core.windows.net/vhds/vm1.vhd'), network_config=net)
{data_disk}"""


def _mig004(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.message for f in result.findings if f.code == "MIG004"]


def test_two_powershell_scripts_disagree_on_data_disks_and_endpoints(tmp_path, monkeypatch) -> None:
    files = {"Scripts/CreateQuickVM.ps1": QUICK_VM, "Scripts/CreateVM.ps1": FULL_VM}
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", "MIG201", dedent=False)
    assert where(result.findings) == ["MIG004 Scripts/CreateVM.ps1:4:7", "MIG201 Scripts/CreateVM.ps1:6:84"]
    assert _mig004(result) == [
        "VM 'seyon01' of cloud service 'seyon' is described differently here than at Scripts/CreateQuickVM.ps1:2: data disks at "
        "LUN 0 / none; endpoints RemoteDesktop, PowerShell, HTTP / RemoteDesktop, PowerShell (here / there)"
    ]


def test_the_storage_account_of_the_second_creation_waits_for_the_vm(plan_of) -> None:
    plan = plan_of({"Scripts/CreateQuickVM.ps1": QUICK_VM, "Scripts/CreateVM.ps1": FULL_VM})
    (subscription,) = plan.subscriptions  # type: ignore[attr-defined]
    steps = {step.id: step for step in subscription.steps}
    assert steps["storage:storetwo"].moves == ("storage account 'storetwo' (2 disks)",)
    assert steps["storage:storeone"].moves == ("storage account 'storeone' (1 disk)",)
    assert steps["storage:storetwo"].after == ("service:seyon/seyon",)


def test_a_second_subnet_only_the_second_script_gives_is_checked(tmp_path, monkeypatch) -> None:
    files = {
        "NetworkConfig.netcfg": NETCFG,
        "deploy/a_web.ps1": powershell_vm("'front'"),
        "deploy/b_web.ps1": powershell_vm("'front','back'"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", "MIG202", dedent=False)
    assert where(result.findings) == ["MIG004 deploy/b_web.ps1:1:1", "MIG202 deploy/b_web.ps1:3:42"]
    assert "subnets front, back / front" in _mig004(result)[0]


def test_an_availability_set_and_none_disagree(tmp_path, monkeypatch) -> None:
    files = {
        "NetworkConfig.netcfg": NETCFG,
        "deploy/a_web.ps1": powershell_vm("'front'"),
        "deploy/b_web.ps1": powershell_vm("'front'", "-AvailabilitySetName 'web-as' "),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False)
    assert where(result.findings) == ["MIG004 deploy/b_web.ps1:1:1"]
    assert "availability set 'web-as' / none" in _mig004(result)[0]


def test_two_python_scripts_disagree_on_disk_blobs(tmp_path, monkeypatch) -> None:
    data_disk = (
        "sms.add_data_disk('svc1', 'svc1', 'vm1', 0, "
        "media_link='https://accttwo.blob.core.windows.net/vhds/dd/data.vhd')\n"
    )
    files = {"create_a.py": python_vm("acctone"), "create_b.py": python_vm("accttwo", data_disk)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", "MIG401", dedent=False)
    assert where(result.findings) == ["MIG004 create_b.py:5:5", "MIG401 create_b.py:7:56"]
    assert _mig004(result)[0].endswith(
        "disks https://accttwo.blob.core.windows.net/vhds/vm1.vhd, "
        "https://accttwo.blob.core.windows.net/vhds/dd/data.vhd / "
        "https://acctone.blob.core.windows.net/vhds/vm1.vhd (here / there)"
    )
    (vm,) = result.estate.cloud_services[0].vms
    assert sorted(d.storage_account for d in vm.disks) == ["acctone", "accttwo", "accttwo"]


def test_two_classic_cli_scripts_disagree_and_the_second_s_acl_is_checked(tmp_path, monkeypatch) -> None:
    files = {
        "NetworkConfig.netcfg": NETCFG,
        "create_a.sh": "azure vm create web-svc img user pass -w corpnet -b front -z Small -e 22\n",
        "create_b.sh": (
            "azure vm create web-svc img user pass -w corpnet -b front -z Small -e 22\n"
            "azure vm endpoint create web-svc 80 80 -n http\n"
            "azure vm endpoint acl-rule create web-svc http 100 permit 10.0.0.0/8\n"
        ),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", "MIG201", dedent=False)
    assert where(result.findings) == ["MIG004 create_b.sh:1:1", "MIG201 create_b.sh:3:43"]
    assert "endpoints SSH, http / SSH (here / there)" in _mig004(result)[0]


def test_a_powershell_and_a_python_script_of_one_vm_are_compared(tmp_path, monkeypatch) -> None:
    powershell = """\
$vm = New-AzureVMConfig -Name 'vm1' -InstanceSize Small -ImageName 'img' -MediaLocation 'https://acctone.blob.core.windows.net/vhds/vm1.vhd' |
    Add-AzureProvisioningConfig -Linux -LinuxUser 'a' -Password 'p' -NoSSHEndpoint |
    Add-AzureEndpoint -Name 'web' -Protocol tcp -PublicPort 80 -LocalPort 80
New-AzureVM -ServiceName 'svc1' -Location 'West Europe' -VMs $vm
"""
    files = {"create_a.py": python_vm("acctone"), "create_b.ps1": powershell}
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False)
    assert where(result.findings) == ["MIG004 create_b.ps1:1:7"]
    assert _mig004(result)[0].endswith("endpoints web / ssh (here / there)")


def test_a_script_that_changes_the_vm_another_creates_is_no_second_creation(tmp_path, monkeypatch) -> None:
    change = (
        "Get-AzureVM -ServiceName 'seyon' -Name 'seyon01' |\n"
        "    Add-AzureEndpoint -Name 'HTTP' -Protocol tcp -PublicPort 80 -LocalPort 80 | Update-AzureVM\n"
    )
    files = {"Scripts/CreateQuickVM.ps1": QUICK_VM, "Scripts/OpenHttp.ps1": change}
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False)
    assert result.findings == []
    (vm,) = result.estate.cloud_services[0].vms
    assert [e.name for e in vm.endpoints] == ["RemoteDesktop", "PowerShell", "HTTP"]


GET_AZURE_VM = """\
[{"ServiceName": "seyon", "Name": "seyon01", "DeploymentName": "seyon",
  "VM": {"RoleName": "seyon01", "RoleSize": "%s",
         "ConfigurationSets": [{"ConfigurationSetType": "NetworkConfiguration",
                                "InputEndpoints": [{"Name": "RemoteDesktop", "Port": 3389, "LocalPort": 3389,
                                                    "Protocol": "tcp"}]}],
         "OSVirtualHardDisk": {"DiskName": "seyon01-os",
                               "MediaLink": "https://storeone.blob.core.windows.net/vhds/seyon01.vhd"}}}]
"""


def test_a_script_and_an_export_of_the_vm_are_compared_on_what_does_not_change_since(
    tmp_path, monkeypatch
) -> None:
    same = {"Scripts/CreateVM.ps1": FULL_VM, "export/vms.json": GET_AZURE_VM % "Small"}
    assert lint_files(tmp_path, monkeypatch, same, "MIG004", dedent=False).findings == []
    resized = {"export/vms.json": GET_AZURE_VM % "Large"}
    result = lint_files(tmp_path, monkeypatch, resized, "MIG004", dedent=False)
    assert where(result.findings) == ["MIG004 Scripts/CreateVM.ps1:4:7"]  # the script: the export stands
    assert _mig004(result) == [
        "VM 'seyon01' of cloud service 'seyon' is described differently here than at export/vms.json:1: size Small / Large "
        "(here / there)"
    ]


ROLE_WITH_ACL = """\
<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
  <RoleName>vm01</RoleName>
  <RoleType>PersistentVMRole</RoleType>
  <ConfigurationSets>
    <ConfigurationSet>
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <InputEndpoints>
        <InputEndpoint>
          <LocalPort>80</LocalPort><Name>web</Name><Port>80</Port><Protocol>TCP</Protocol>
          <EndpointAcl><Rules><Rule><Order>1</Order><Action>permit</Action>
            <RemoteSubnet>10.0.0.0/8</RemoteSubnet></Rule></Rules></EndpointAcl>
        </InputEndpoint>
      </InputEndpoints>
    </ConfigurationSet>
  </ConfigurationSets>
</PersistentVMRole>
"""

DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>app</Name>
  <RoleList>
    <Role>
      <RoleName>vm01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets>
        <ConfigurationSet>
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <InputEndpoints>
            <InputEndpoint><LocalPort>22</LocalPort><Name>SSH</Name><Port>22</Port><Protocol>TCP</Protocol></InputEndpoint>
          </InputEndpoints>
        </ConfigurationSet>
      </ConfigurationSets>
    </Role>
  </RoleList>
</Deployment>
"""


def test_an_acl_only_the_second_body_gives_is_checked(tmp_path, monkeypatch) -> None:
    files = {"app/a_deployment.xml": DEPLOYMENT, "app/b_role.xml": ROLE_WITH_ACL}
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", "MIG201", dedent=False)
    assert where(result.findings) == ["MIG004 app/b_role.xml:1:1", "MIG201 app/b_role.xml:10:11"]


POWERSHELL_WITH_BLOB = """\
$vm = New-AzureVMConfig -Name 'vm1' -InstanceSize Small -ImageName 'img' -MediaLocation 'https://acctone.blob.core.windows.net/vhds/vm1.vhd' |
    Add-AzureProvisioningConfig -Linux -LinuxUser 'a' -Password 'p'
New-AzureVM -ServiceName 'svc1' -Location 'West Europe' -VMs $vm
"""

EXPORTED_OS_DISK = """\
[{"ServiceName": "svc1", "Name": "vm1", "DeploymentName": "svc1",
  "VM": {"RoleName": "vm1", "RoleSize": "Small",
         "OSVirtualHardDisk": {"DiskName": "vm1-os", "MediaLink": "https://%s.blob.core.windows.net/vhds/vm1.vhd"},
         "DataVirtualHardDisks": [{"DiskName": "vm1-data", "Lun": 0,
                                   "MediaLink": "https://acctone.blob.core.windows.net/vhds/vm1-data.vhd"}]}}]
"""


@pytest.mark.parametrize(("script", "created", "column"), [("create.py", 5, 5), ("create.ps1", 1, 7)])
def test_a_script_and_an_export_that_give_the_os_disk_other_blobs_disagree(
    tmp_path, monkeypatch, script: str, created: int, column: int
) -> None:
    text = python_vm("acctone") if script.endswith(".py") else POWERSHELL_WITH_BLOB
    kept = {script: text, "vms.json": EXPORTED_OS_DISK % "acctone"}
    assert lint_files(tmp_path, monkeypatch, kept, "MIG004", dedent=False).findings == []
    moved = {"vms.json": EXPORTED_OS_DISK % "accttwo"}
    result = lint_files(tmp_path, monkeypatch, moved, "MIG004", dedent=False)
    assert where(result.findings) == [f"MIG004 {script}:{created}:{column}"]
    assert _mig004(result) == [
        "VM 'vm1' of cloud service 'svc1' is described differently here than at vms.json:1: OS disk "
        "https://acctone.blob.core.windows.net/vhds/vm1.vhd / https://accttwo.blob.core.windows.net/vhds/vm1.vhd "
        "(here / there)"
    ]
