"""A cloud service named after its folder is the one a file states, however it is named.

Export-AzureVM files name no service: the estate names a folder's after the folder. A file that states a
service of that name (a REST `HostedService` body, a configuration, a script) describes the same service:
the folder's VMs join it (its deployment, when it has exactly one), and every rule and the summary see one
service. A disk listed on its own that states the service of one of the folder's VMs (`AttachedTo`'s
`HostedServiceName`) names the folder's service: messages name it so, not after the folder."""

from __future__ import annotations

from lint_support import lint_files, run_cli, where

from migcheck.estate import CloudService, _named_services
from migcheck.model import Mark

VM_ROLE = """\
    <Role i:type="PersistentVMRole">
      <RoleName>{vm}</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets>
        <ConfigurationSet i:type="NetworkConfigurationSet">
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <InputEndpoints>{endpoints}</InputEndpoints>
          <SubnetNames><SubnetName>App</SubnetName></SubnetNames>{static}
        </ConfigurationSet>
      </ConfigurationSets>
      {avset}
      <OSVirtualHardDisk>
        <DiskName>{vm}-os</DiskName>
        <MediaLink>https://acct.blob.core.windows.net/vhds/{vm}-os.vhd</MediaLink>
        <OS>Windows</OS>
      </OSVirtualHardDisk>
      <RoleSize>Small</RoleSize>
    </Role>
"""

RDP = "<InputEndpoint><LocalPort>3389</LocalPort><Name>RDP</Name><Port>3389</Port><Protocol>tcp</Protocol></InputEndpoint>"


def _deployment(name: str, slot: str, roles: str) -> str:
    return f"""\
<Deployment>
  <Name>{name}</Name>
  <DeploymentSlot>{slot}</DeploymentSlot>
  <RoleList>
{roles}  </RoleList>
  <VirtualNetworkName>vnet1</VirtualNetworkName>
</Deployment>
"""


def _hosted_service(*deployments: str, service: str = "svc1") -> str:
    """A Get Cloud Service Properties response (with its deployments) of `service`."""
    return (
        '<HostedService xmlns="http://schemas.microsoft.com/windowsazure" '
        'xmlns:i="http://www.w3.org/2001/XMLSchema-instance">'
        f"<ServiceName>{service}</ServiceName><Deployments>{''.join(deployments)}</Deployments></HostedService>\n"
    )


def _role(vm: str, endpoints: str = "", static: str = "", avset: str = "") -> str:
    return VM_ROLE.format(
        vm=vm,
        endpoints=endpoints,
        static=f"<StaticVirtualNetworkIPAddress>{static}</StaticVirtualNetworkIPAddress>" if static else "",
        avset=f"<AvailabilitySetName>{avset}</AvailabilitySetName>" if avset else "",
    )


def _exported_vm(vm: str, static: str = "", avset: str = "") -> str:
    """An Export-AzureVM file of VM `vm`, which names no service."""
    address = f"<StaticVirtualNetworkIPAddress>{static}</StaticVirtualNetworkIPAddress>" if static else ""
    return f"""\
<?xml version="1.0" encoding="utf-8"?>
<PersistentVM xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  {f"<AvailabilitySetName>{avset}</AvailabilitySetName>" if avset else ""}
  <ConfigurationSets>
    <ConfigurationSet xsi:type="NetworkConfigurationSet">
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <InputEndpoints />
      <SubnetNames><string>App</string></SubnetNames>{address}
    </ConfigurationSet>
  </ConfigurationSets>
  <DataVirtualHardDisks />
  <OSVirtualHardDisk>
    <DiskName>{vm}-os</DiskName>
    <OS>Windows</OS>
  </OSVirtualHardDisk>
  <RoleName>{vm}</RoleName>
  <RoleSize>Small</RoleSize>
  <RoleType>PersistentVMRole</RoleType>
</PersistentVM>
"""


RESERVED_IPS = """\
<ReservedIPs xmlns="http://schemas.microsoft.com/windowsazure"><ReservedIP><Name>rip1</Name><InUse>true</InUse>\
<ServiceName>svc1</ServiceName><DeploymentName>d1</DeploymentName></ReservedIP></ReservedIPs>
"""


def _disks(*attached: tuple[str, str, str]) -> str:
    """A List Disks response: each disk (service, VM, disk name) attached to its VM in deployment d1."""
    rows = "".join(
        f"<Disk><AttachedTo><HostedServiceName>{service}</HostedServiceName><DeploymentName>d1</DeploymentName>"
        f"<RoleName>{vm}</RoleName></AttachedTo><Name>{disk}</Name>"
        f"<MediaLink>https://a.blob.core.windows.net/vhds/p/{disk}.vhd</MediaLink></Disk>"
        for service, vm, disk in attached
    )
    return f'<Disks xmlns="http://schemas.microsoft.com/windowsazure">{rows}</Disks>\n'


def _services(result) -> list[tuple[str, str, list[tuple[str, list[str]]]]]:
    """Each service's name, what names it, and its placements with their VMs."""
    return [
        (s.name, s.named_by, [(p.name, [vm.name for vm in p.vms]) for p in s.placements])
        for s in result.estate.cloud_services
    ]


# --- a REST body states the service the folder of Export-AzureVM files is named after -----------------


def test_a_reserved_ip_of_the_stated_deployment_is_on_it_with_the_folder_s_vms(tmp_path, monkeypatch):
    files = {
        "svc1.xml": _hosted_service(_deployment("d1", "Production", _role("vm1", endpoints=RDP))),
        "svc1/vm2.xml": _exported_vm("vm2"),
        "rips.xml": RESERVED_IPS,
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert "MIG106" not in {f.code for f in result.findings}
    assert _services(result) == [("svc1", "files", [("d1", ["vm1", "vm2"])])]
    (service,) = result.estate.cloud_services
    assert [ref.name for ref in service.placements[0].reserved_ips] == ["rip1"]


def test_availability_sets_of_the_body_and_the_folder_are_one_service_s(tmp_path, monkeypatch):
    files = {
        "svc1.xml": _hosted_service(_deployment("d1", "Production", _role("vm1", avset="a"))),
        "svc1/vm2.xml": _exported_vm("vm2", avset="b"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG102", dedent=False)
    assert where(result.findings) == ["MIG102 svc1/vm2.xml:3:3"]
    assert "cloud service 'svc1' has 2 availability sets" in result.findings[0].message


def test_one_static_address_asked_by_the_body_and_the_folder_is_reported(tmp_path, monkeypatch):
    files = {
        "svc1.xml": _hosted_service(_deployment("d1", "Production", _role("vm1", static="10.0.1.4"))),
        "svc1/vm2.xml": _exported_vm("vm2", static="10.0.1.4"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG306", dedent=False)
    assert [f.code for f in result.findings] == ["MIG306"]
    assert "(named after its folder)" not in result.findings[0].message


def test_the_summary_lists_the_service_once(tmp_path, monkeypatch, capsys):
    files = {
        "svc1.xml": _hosted_service(_deployment("d1", "Production", _role("vm1", endpoints=RDP))),
        "svc1/vm2.xml": _exported_vm("vm2"),
        "rips.xml": RESERVED_IPS,
    }
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    _, out, _ = run_cli(capsys, "check", ".")
    assert "svc1 (2 VMs)" in out
    assert out.count("svc1 (") == 1


def test_vms_of_a_service_of_two_deployments_are_a_deployment_of_their_own_in_it(tmp_path, monkeypatch):
    # The files do not say which deployment the folder's VM is in: it is in the service all the same.
    files = {
        "svc1.xml": _hosted_service(
            _deployment("d1", "Production", _role("vm1", avset="a")),
            _deployment("d2", "Staging", _role("vm3", avset="a")),
        ),
        "svc1/vm2.xml": _exported_vm("vm2", avset="b"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG102", dedent=False)
    assert _services(result) == [("svc1", "files", [("d1", ["vm1"]), ("d2", ["vm3"]), ("svc1", ["vm2"])])]
    assert [f.code for f in result.findings] == ["MIG102"]


def test_a_folder_of_another_name_than_the_stated_service_stays_its_own(tmp_path, monkeypatch):
    files = {
        "svc1.xml": _hosted_service(_deployment("d1", "Production", _role("vm1"))),
        "other/vm2.xml": _exported_vm("vm2"),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert _services(result) == [
        ("svc1", "files", [("d1", ["vm1"])]),
        ("other", "folder", [("other", ["vm2"])]),
    ]


# --- a disk listed on its own states the service of a VM of the folder ----------------------------------


def test_a_disk_s_stated_service_names_the_folder_s_service(tmp_path, monkeypatch):
    files = {"vms/vm1.xml": _exported_vm("vm1"), "disks.xml": _disks(("svc", "vm1", "vm1-os"))}
    result = lint_files(tmp_path, monkeypatch, files, "MIG401", dedent=False)
    # The disk states the deployment too (d1): it names the folder's deployment likewise.
    assert _services(result) == [("svc", "files", [("d1", ["vm1"])])]
    (finding,) = result.findings
    assert "VM 'vm1' in cloud service 'svc' has disk 'vm1-os'" in finding.message


def test_a_disk_s_stated_service_the_files_describe_is_joined(tmp_path, monkeypatch):
    files = {
        "svc.xml": _hosted_service(_deployment("d1", "Production", _role("vm3")), service="svc"),
        "vms/vm1.xml": _exported_vm("vm1"),
        "disks.xml": _disks(("svc", "vm1", "vm1-os")),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert _services(result) == [("svc", "files", [("d1", ["vm3", "vm1"])])]


def test_disks_stating_two_services_leave_the_folder_s_name(tmp_path, monkeypatch):
    files = {
        "vms/vm1.xml": _exported_vm("vm1"),
        "vms/vm2.xml": _exported_vm("vm2"),
        "disks.xml": _disks(("svc", "vm1", "vm1-os"), ("other", "vm2", "vm2-os")),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert [(name, named_by) for name, named_by, _ in _services(result)] == [("vms", "folder")]


def test_a_disk_of_another_name_than_the_vm_s_does_not_name_its_service(tmp_path, monkeypatch):
    # A VM's name is unique in its service only: the disk names the VM by its name and its disk's.
    files = {"vms/vm1.xml": _exported_vm("vm1"), "disks.xml": _disks(("svc", "vm1", "data-7"))}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert [(name, named_by) for name, named_by, _ in _services(result)] == [("vms", "folder")]


# --- a list naming a service joins the one the files name before one a folder guesses -------------------


def test_a_stated_service_is_joined_before_a_folder_s_guess_of_its_name():
    at = Mark("a.xml", 1, 1)
    services = [
        CloudService("web", at, named_by="folder"),
        CloudService("WEB", at, named_by="files"),
        CloudService("Web", at, named_by="folder"),
        CloudService("vm1", at, named_by="role"),
    ]
    assert _named_services(services) == {"web": 1}


def test_a_deployment_stating_the_name_of_a_configuration_s_folder_names_its_service(tmp_path, monkeypatch):
    # A configuration without its serviceName is named after its folder; a script deploying it states it.
    files = {
        "shop/ServiceConfiguration.Cloud.cscfg": (
            '<ServiceConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">'
            '<Role name="Front"><Instances count="2" /></Role></ServiceConfiguration>\n'
        ),
        "deploy.ps1": 'New-AzureDeployment -ServiceName "Shop" -Slot Production -Package "p.cspkg" '
        '-Configuration ".\\shop\\ServiceConfiguration.Cloud.cscfg"\n',
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False)
    assert [(name, named_by) for name, named_by, _ in _services(result)] == [("Shop", "files")]
    (finding,) = result.findings
    assert finding.message.startswith("cloud service 'Shop' has a web or worker role 'Front'")
