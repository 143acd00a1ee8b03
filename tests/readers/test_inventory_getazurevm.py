"""`Get-AzureVM | ConvertTo-Json` exports: a `PersistentVMRoleContext` per VM (an object, or an array of
them), read into the classic VM records a Resource Graph row gives, so that the rules about VMs find in them
what they find in the other shapes, each at the value it is about; an export written without enough
`-Depth`; JSON that is not one.

The objects are built as the classic module's classes are written by ConvertTo-Json (Windows PowerShell
5.1, whose separator is `":  "`): every public property, null when the VM has none (the classes are
Azure/azure-powershell `src/ServiceManagement/Compute/Commands.ServiceManagement/Model/
PersistentVMRoleContext.cs` and `PersistentVM.cs`, filled in by `IaaS/PersistentVMs/GetAzureVM.cs`)."""

from __future__ import annotations

import json

import pytest
from growth import assert_linear
from lint_support import graph_vm
from lint_support import lint_files as _lint
from lint_support import where as _where

from migcheck.fixes import plan
from migcheck.inventory_model import ClassicVm
from migcheck.model import CloudInUse, FileKind
from migcheck.readers import read_document

MODEL = "Microsoft.WindowsAzure.Commands.ServiceManagement.Model"
BLOB = "https://contosoapp.blob.core.windows.net/vhds"
RDP = {"Name": "RDP", "Port": 50001, "LocalPort": 3389, "Protocol": "tcp"}


def _endpoint(name: str = "RDP", port: int = 50001, local: int = 3389, acl: object = None) -> dict:
    return {
        "LoadBalancedEndpointSetName": None,
        "LocalPort": local,
        "Name": name,
        "Port": port,
        "LoadBalancerProbe": None,
        "Protocol": "tcp",
        "Vip": "40.112.0.10",
        "EnableDirectServerReturn": False,
        "EndpointAccessControlList": acl,
        "LoadBalancerName": None,
        "IdleTimeoutInMinutes": None,
        "LoadBalancerDistribution": None,
        "VirtualIPName": None,
        "ExtensionData": None,
    }


def _acl(*subnets: str) -> dict:
    rules = [
        {
            "Order": 100 + n,
            "Action": "permit",
            "RemoteSubnet": s,
            "Description": "office",
            "ExtensionData": None,
        }
        for n, s in enumerate(subnets)
    ]
    return {"Rules": rules, "ExtensionData": None}


def _disk(name: str, blob: str, io_type: str = "Standard", lun: int | None = None) -> dict:
    disk = {
        "HostCaching": "ReadWrite",
        "DiskLabel": None,
        "DiskName": name,
        "MediaLink": f"{BLOB}/{blob}",
        "SourceImageName": None,
        "OS": "Windows",
        "IOType": io_type,
        "ResizedSizeInGB": None,
        "ExtensionData": None,
    }
    if lun is not None:
        disk |= {"Lun": lun, "LogicalDiskSizeInGB": 128}
    return disk


def _extension(publisher: str, name: str, version: str, state: str = "Enable") -> dict:
    return {
        "ReferenceName": name,
        "Publisher": publisher,
        "Name": name,
        "Version": version,
        "ResourceExtensionParameterValues": None,
        "State": state,
        "ForceUpdate": None,
        "ExtensionData": None,
    }


def _context(
    name: str,
    service: str = "app",
    *,
    availability_set: str | None = None,
    vnet: str | None = "prod-vnet",
    subnets: list[str] | None = None,
    endpoints: list[dict] | None = None,
    extensions: list[dict] | None = None,
    data_disks: list[dict] | None = None,
    os_io_type: str = "Standard",
    boot_diagnostics: bool | None = None,
    status: str = "ReadyRole",
    agent: str = "Ready",
    handlers: list[tuple[str, str]] | None = None,
) -> dict:
    """A `PersistentVMRoleContext` of VM `name` in cloud service `service`, in subnet `web` of network
    `prod-vnet`, running, with an RDP endpoint, unless told otherwise."""
    network_set = {
        "ConfigurationSetType": "NetworkConfiguration",
        "InputEndpoints": [_endpoint()] if endpoints is None else endpoints,
        "SubnetNames": ["web"] if subnets is None else subnets,
        "VirtualIPGroups": None,
        "StaticVirtualNetworkIPAddress": None,
        "PublicIPs": None,
        "NetworkInterfaces": None,
        "NetworkSecurityGroup": None,
        "IPForwarding": None,
        "ExtensionData": None,
    }
    vm = {
        "AvailabilitySetName": availability_set,
        "ConfigurationSets": [network_set],
        "DataVirtualHardDisks": data_disks or [],
        "Label": None,
        "OSVirtualHardDisk": _disk(f"{name}-os", f"{name}-os.vhd", os_io_type),
        "RoleName": name,
        "RoleSize": "Standard_DS2_v2",
        "RoleType": "PersistentVMRole",
        "NoExportPrivateKey": False,
        "NoRDPEndpoint": False,
        "NoSSHEndpoint": False,
        "DefaultWinRmCertificateThumbprint": None,
        "ProvisionGuestAgent": True,
        "ResourceExtensionReferences": extensions or [],
        "DebugSettings": None if boot_diagnostics is None else {"BootDiagnosticsEnabled": boot_diagnostics},
        "MigrationState": None,
        "LicenseType": None,
    }
    return {
        "DeploymentName": service,
        "Name": name,
        "Label": None,
        "VM": vm,
        "InstanceStatus": status,
        "IpAddress": "10.1.1.4",
        "InstanceStateDetails": "",
        "PowerState": "Started",
        "InstanceErrorCode": None,
        "InstanceFaultDomain": "0",
        "InstanceName": name,
        "InstanceUpgradeDomain": "0",
        "InstanceSize": "Standard_DS2_v2",
        "HostName": name,
        "AvailabilitySetName": availability_set,
        "DNSName": f"http://{service}.cloudapp.net/",
        "Status": status,
        "GuestAgentStatus": {"ProtocolVersion": "1.0", "GuestAgentVersion": "2.7.1198.778", "Status": agent},
        "ResourceExtensionStatusList": [
            {
                "HandlerName": handler,
                "Version": "1.0",
                "Status": state,
                "Code": None,
                "FormattedMessage": None,
            }
            for handler, state in handlers or []
        ],
        "PublicIPAddress": None,
        "PublicIPName": None,
        "PublicIPFqdns": [],
        "NetworkInterfaces": [],
        "VirtualNetworkName": vnet,
        "RemoteAccessCertificateThumbprint": None,
        "ServiceName": service,
        "OperationDescription": "Get-AzureVM",
        "OperationId": "5f1d2c4b-0000-4c1d-9b2a-5e6f7a8b9c0d",
        "OperationStatus": "OK",
    }


def _json(value: object) -> str:
    """As Windows PowerShell's ConvertTo-Json separates keys from values."""
    return json.dumps(value, indent=4, separators=(",", ":  ")) + "\n"


def _found(code: str, path: str, text: str, needle: str, after: str = "") -> str:
    """A finding of `code` at the first `needle` of the export `text` after `after`, as `_where` writes it."""
    at = text.index(needle, text.index(after))
    line, column = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
    return f"{code} {path}:{line}:{column}"


def _object_of(code: str, path: str, text: str, name: str) -> str:
    """A finding of `code` at the `{` of the object of VM `name`."""
    at = text.rindex("\n    {", 0, text.index(f'"RoleName":  "{name}"')) + 5
    line, column = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
    return f"{code} {path}:{line}:{column}"


def _value_in(code: str, path: str, text: str, name: str, key: str) -> str:
    """A finding of `code` at the value of the first `key` in the object of VM `name` (`null` too)."""
    start = text.rindex("\n    {", 0, text.index(f'"RoleName":  "{name}"'))
    colon = text.index(":", text.index(f'"{key}"', start)) + 1
    at = colon + len(text[colon:]) - len(text[colon:].lstrip())
    line, column = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
    return f"{code} {path}:{line}:{column}"


def _check(tmp_path, monkeypatch, *vms: dict, codes: tuple[str, ...] = ()):
    """The findings of `codes` on an export of `vms`, its text, and the names of the VMs the estate holds."""
    text = _json(list(vms))
    result = _lint(tmp_path, monkeypatch, {"vms.json": text}, *codes, dedent=False)
    names = sorted(vm.name for service in result.estate.cloud_services for vm in service.vms)
    return result, text, names


# --- reading ------------------------------------------------------------------------------------------------


def test_a_vm_context_is_read_into_a_classic_vm():
    context = _context(
        "app01",
        availability_set="app-as",
        endpoints=[_endpoint(acl=_acl("203.0.113.0/24", "198.51.100.0/24"))],
        extensions=[_extension("Microsoft.Compute", "BGInfo", "1.*")],
        data_disks=[_disk("app01-data", "app01-data.vhd", "Provisioned", lun=0)],
        boot_diagnostics=True,
        status="RoleStateUnknown",
        agent="NotReady",
        handlers=[("Microsoft.Compute.BGInfo", "NotReady")],
    )
    doc = read_document("vms.json", _json([context]).encode(), explicit=False)
    assert doc is not None and doc.kind is FileKind.INVENTORY and doc.problem is None
    [vm] = _vms(doc)
    assert isinstance(vm, ClassicVm)
    assert (vm.name, vm.service, vm.deployment, vm.virtual_network, vm.network_known) == (
        "app01",
        "app",
        "app",
        "prod-vnet",
        True,
    )
    role = vm.role
    assert role.is_vm and role.size == "Standard_DS2_v2" and role.availability_set == "app-as"
    assert not role.unknown
    assert [s.name for s in role.subnets] == ["web"] == [s.name for s in role.primary_subnets]
    [endpoint] = role.endpoints
    assert (endpoint.name, endpoint.protocol, endpoint.port, endpoint.local_port) == (
        "RDP",
        "tcp",
        "50001",
        "3389",
    )
    assert endpoint.acl is not None
    assert [(r.order, r.action, r.remote_subnet) for r in endpoint.acl.rules] == [
        ("100", "permit", "203.0.113.0/24"),
        ("101", "permit", "198.51.100.0/24"),
    ]
    assert [(e.publisher, e.name, e.version, e.state) for e in role.extensions] == [
        ("Microsoft.Compute", "BGInfo", "1.*", "Enable")
    ]
    assert [(d.name, d.media_link, d.io_type) for d in role.disks] == [
        ("app01-os", f"{BLOB}/app01-os.vhd", "Standard"),
        ("app01-data", f"{BLOB}/app01-data.vhd", "Provisioned"),
    ]
    assert role.boot_diagnostics is True
    assert vm.instance is not None
    assert (vm.instance.status, vm.instance.guest_agent_status) == ("RoleStateUnknown", "NotReady")
    assert [(s.handler, s.status) for s in vm.instance.extension_statuses] == [
        ("Microsoft.Compute.BGInfo", "NotReady")
    ]


def test_a_single_object_and_an_array_of_one_are_read_alike():
    """`Get-AzureVM -ServiceName s -Name n | ConvertTo-Json -Depth 10` writes the object itself."""
    context = _context("app01", availability_set="app-as")
    alone = read_document("one.json", _json(context).encode(), explicit=False)
    listed = read_document("one.json", _json([context]).encode(), explicit=False)
    assert alone is not None and listed is not None
    assert alone.root == "object" and listed.root == "array"
    [one], [other] = _vms(alone), _vms(listed)
    assert isinstance(one, ClassicVm) and isinstance(other, ClassicVm)
    assert _facts(one) == _facts(other)
    assert _facts(one) == ("app01", "app", "app-as", ("RDP",), ("web",), ("app01-os",), "ReadyRole")


def _vms(doc) -> list:
    """What an export says of its VMs: its records but the cloud their services' DNS names say."""
    assert doc is not None
    return [record for record in doc.resources if not isinstance(record, CloudInUse)]


def _facts(vm: ClassicVm) -> tuple:
    """What a VM record says, without where it says it."""
    role = vm.role
    return (
        vm.name,
        vm.service,
        role.availability_set,
        tuple(e.name for e in role.endpoints),
        tuple(s.name for s in role.subnets),
        tuple(d.name for d in role.disks),
        vm.instance.status if vm.instance else "",
    )


def test_an_export_written_by_windows_powershell_in_utf16_is_found_in_a_walk(tmp_path, monkeypatch):
    """`Get-AzureVM | ConvertTo-Json | Out-File vms.json` writes UTF-16 with a byte order mark."""
    data = _json([_context("app01", vnet=None)]).encode("utf-16")
    (tmp_path / "vms.json").write_bytes(data)
    result = _lint(tmp_path, monkeypatch, {}, "MIG105")
    assert [f.code for f in result.findings] == ["MIG105"]


def test_only_the_vm_rule_selected_still_reads_the_export(tmp_path, monkeypatch):
    """The rule about endpoint ACLs looks at ACLs: an export's VMs carry them."""
    vm = _context("app01", endpoints=[_endpoint(acl=_acl("203.0.113.0/24"))])
    result, text, _ = _check(tmp_path, monkeypatch, vm, codes=("MIG201",))
    assert _where(result.findings) == [_found("MIG201", "vms.json", text, '"EndpointAccessControlList"')]


# --- the rules, each with a case that fires and a near miss -------------------------------------------------


def test_mig102_two_availability_sets(tmp_path, monkeypatch):
    result, text, _ = _check(
        tmp_path,
        monkeypatch,
        _context("app01", availability_set="app-as"),
        _context("app02", availability_set="batch-as"),
        codes=("MIG102",),
    )
    assert _where(result.findings) == [_found("MIG102", "vms.json", text, '"batch-as"', '"app02"')]
    near, _, names = _check(
        tmp_path,
        monkeypatch,
        _context("app01", availability_set="app-as"),
        _context("app02", availability_set="APP-AS"),
        codes=("MIG102",),
    )
    assert near.findings == [] and names == ["app01", "app02"]


def test_mig103_a_vm_in_no_availability_set(tmp_path, monkeypatch):
    """`AvailabilitySetName` is null for a VM in no set (Get-AzureVM copies the role's, which is absent)."""
    result, text, _ = _check(
        tmp_path,
        monkeypatch,
        _context("sql01", availability_set="sql-as"),
        _context("sqlfsw", availability_set=None),
        codes=("MIG103",),
    )
    # At the null that says it is in none.
    assert _where(result.findings) == [_value_in("MIG103", "vms.json", text, "sqlfsw", "AvailabilitySetName")]
    near, _, names = _check(tmp_path, monkeypatch, _context("jump01"), _context("jump02"), codes=("MIG103",))
    assert near.findings == [] and names == ["jump01", "jump02"]


def test_mig103_the_set_of_a_vm_projected_without_it_is_not_known(tmp_path, monkeypatch):
    """`Get-AzureVM | Select-Object ServiceName, Name, VM` leaves the context's set out; the VM's own
    says none here, and when it is left out too, the set is not known."""
    projected = {
        k: v for k, v in _context("sqlfsw").items() if k in ("ServiceName", "Name", "VM", "DeploymentName")
    }
    result, text, _ = _check(
        tmp_path, monkeypatch, _context("sql01", availability_set="sql-as"), projected, codes=("MIG103",)
    )
    # At the null that says it is in none.
    assert _where(result.findings) == [_value_in("MIG103", "vms.json", text, "sqlfsw", "AvailabilitySetName")]
    del projected["VM"]["AvailabilitySetName"]
    other = _context("other", "elsewhere", availability_set="x-as")
    near, _, names = _check(tmp_path, monkeypatch, other, projected, codes=("MIG103",))
    assert near.findings == [] and names == ["other", "sqlfsw"]


def test_columns_selected_without_the_vm_are_read_for_what_they_say(tmp_path, monkeypatch):
    """`Get-AzureVM | Select-Object ServiceName, Name, DeploymentName, AvailabilitySetName, InstanceStatus`
    leaves the `VM` out: its columns still say each VM's set and state, and are checked."""
    columns = ("ServiceName", "Name", "DeploymentName", "AvailabilitySetName", "InstanceStatus")
    picked = [
        {k: v for k, v in _context(name, "h-svc", availability_set=s, status=state).items() if k in columns}
        for name, s, state in (("h01", "h-as", "RoleStateUnknown"), ("h02", None, "ReadyRole"))
    ]
    result, _, names = _check(tmp_path, monkeypatch, *picked)
    assert [f.code for f in result.findings] == ["MIG208", "MIG103"]
    assert names == ["h01", "h02"]
    # What a role instance or a deployment writes beside its service is no VM's context.
    others = [{"ServiceName": "shop", "Name": "Production", "DeploymentName": "d1", "Status": "Running"}]
    assert read_document("other.json", _json(others).encode(), explicit=False) is None


def test_mig105_a_vm_in_no_virtual_network(tmp_path, monkeypatch):
    """`VirtualNetworkName` is the deployment's: null when its VMs are in none."""
    result, text, _ = _check(
        tmp_path, monkeypatch, _context("jump01", vnet=None, subnets=[]), codes=("MIG105",)
    )
    assert _where(result.findings) == [_object_of("MIG105", "vms.json", text, "jump01")]
    near, _, names = _check(tmp_path, monkeypatch, _context("jump01"), codes=("MIG105",))
    assert near.findings == [] and names == ["jump01"]


def test_mig201_an_endpoint_acl(tmp_path, monkeypatch):
    vm = _context(
        "web01",
        endpoints=[_endpoint("HTTP", 80, 80), _endpoint(acl=_acl("203.0.113.0/24"))],
    )
    result, text, _ = _check(tmp_path, monkeypatch, vm, codes=("MIG201",))
    assert _where(result.findings) == [
        _found("MIG201", "vms.json", text, '"EndpointAccessControlList"', '"RDP"')
    ]
    assert "endpoint 'RDP' of VM 'web01'" in result.findings[0].message
    empty = _context("web01", endpoints=[_endpoint("HTTP", 80, 80, acl={"Rules": [], "ExtensionData": None})])
    near, _, names = _check(tmp_path, monkeypatch, empty, _context("web02"), codes=("MIG201",))
    assert near.findings == [] and names == ["web01", "web02"]


def test_mig201_removing_the_acl_is_not_offered_on_an_export(tmp_path, monkeypatch):
    """The fix removes an XML element: an export describes the VM, it does not deploy it."""
    vm = _context("web01", endpoints=[_endpoint(acl=_acl("203.0.113.0/24"))])
    result, _, _ = _check(tmp_path, monkeypatch, vm, codes=("MIG201",))
    assert [f.code for f in result.findings] == ["MIG201"]
    assert plan(result, unsafe=True) == []


def test_mig202_a_vm_in_two_subnets(tmp_path, monkeypatch):
    result, text, _ = _check(
        tmp_path, monkeypatch, _context("app01", subnets=["web", "data"]), codes=("MIG202",)
    )
    assert _where(result.findings) == [_found("MIG202", "vms.json", text, '"data"')]
    near, _, names = _check(
        tmp_path, monkeypatch, _context("app01", subnets=["web", "WEB"]), codes=("MIG202",)
    )
    assert near.findings == [] and names == ["app01"]


def test_mig202_a_secondary_network_interface_in_another_subnet(tmp_path, monkeypatch):
    vm = _context("app01")
    vm["VM"]["ConfigurationSets"][0]["NetworkInterfaces"] = [
        {"Name": "nic2", "IPConfigurations": [{"SubnetName": "data", "StaticVirtualNetworkIPAddress": None}]}
    ]
    result, text, _ = _check(tmp_path, monkeypatch, vm, codes=("MIG202",))
    assert _where(result.findings) == [_found("MIG202", "vms.json", text, '"data"')]


@pytest.mark.parametrize("subnets", [[], None])
def test_mig203_a_vm_in_a_network_with_no_subnet(tmp_path, monkeypatch, subnets):
    vm = _context("app01")
    vm["VM"]["ConfigurationSets"][0]["SubnetNames"] = subnets
    result, text, _ = _check(tmp_path, monkeypatch, vm, codes=("MIG203",))
    # At the empty (or null) `SubnetNames` it is about, not at the VM's object.
    empty = "null" if subnets is None else "["
    assert _where(result.findings) == [_found("MIG203", "vms.json", text, empty, '"SubnetNames"')]
    near, _, names = _check(tmp_path, monkeypatch, _context("app01"), codes=("MIG203",))
    assert near.findings == [] and names == ["app01"]


def test_mig204_an_xml_extension(tmp_path, monkeypatch):
    vm = _context("app01", extensions=[_extension("Microsoft.Compute", "BGInfo", "1.*")])
    result, text, _ = _check(tmp_path, monkeypatch, vm, codes=("MIG204",))
    assert _where(result.findings) == [_found("MIG204", "vms.json", text, '"BGInfo"')]
    json_extension = _context("app01", extensions=[_extension("Microsoft.Compute", "BGInfo", "2.*")])
    near, _, names = _check(tmp_path, monkeypatch, json_extension, codes=("MIG204",))
    assert near.findings == [] and names == ["app01"]


def test_mig205_boot_diagnostics_with_premium_disks(tmp_path, monkeypatch):
    vm = _context("ops01", os_io_type="Provisioned", boot_diagnostics=True)
    result, text, _ = _check(tmp_path, monkeypatch, vm, codes=("MIG205",))
    assert _where(result.findings) == [_found("MIG205", "vms.json", text, "true", '"BootDiagnosticsEnabled"')]
    off = _context("ops01", os_io_type="Provisioned", boot_diagnostics=False)
    near, _, names = _check(
        tmp_path, monkeypatch, off, _context("ops02", boot_diagnostics=True), codes=("MIG205",)
    )
    assert near.findings == [] and names == ["ops01", "ops02"]


def test_mig206_the_backup_extension(tmp_path, monkeypatch):
    snapshot = _extension("Microsoft.Azure.RecoveryServices", "VMSnapshot", "1.0")
    result, text, _ = _check(
        tmp_path, monkeypatch, _context("app01", extensions=[snapshot]), codes=("MIG206",)
    )
    assert _where(result.findings) == [_found("MIG206", "vms.json", text, '"VMSnapshot"')]
    removed = _extension("Microsoft.Azure.RecoveryServices", "VMSnapshot", "1.0", state="Uninstall")
    near, _, names = _check(tmp_path, monkeypatch, _context("app01", extensions=[removed]), codes=("MIG206",))
    assert near.findings == [] and names == ["app01"]


def test_mig208_a_vm_not_ready(tmp_path, monkeypatch):
    stuck = _context("ops01", status="RoleStateUnknown")
    handler = _context(
        "ops02",
        extensions=[_extension("Microsoft.Compute", "BGInfo", "2.*")],
        handlers=[("Microsoft.Compute.BGInfo", "NotReady")],
    )
    result, text, _ = _check(tmp_path, monkeypatch, stuck, handler, codes=("MIG208",))
    assert _where(result.findings) == [
        _found("MIG208", "vms.json", text, '"RoleStateUnknown"', '"ops01"'),
        _found("MIG208", "vms.json", text, '"Microsoft.Compute.BGInfo"', '"ops02"'),
    ]
    stopped = _context("ops01", status="StoppedDeallocated", agent="NotReady", handlers=[("x.y", "NotReady")])
    agent_only = _context("ops02", agent="NotReady")  # no extension needs its agent
    near, _, names = _check(tmp_path, monkeypatch, stopped, agent_only, codes=("MIG208",))
    assert near.findings == [] and names == ["ops01", "ops02"]


def test_mig208_a_vm_in_an_operation_or_a_role_that_does_not_run(tmp_path, monkeypatch):
    """errors 2023: migration is allowed only for VMs running, stopped or stopped (deallocated); the
    platform's other instance states are an operation in progress or a role that failed to start."""
    starting = _context("ops01", status="StartingVM")
    failed = _context("ops02", status="FailedStartingVM")
    result, text, _ = _check(tmp_path, monkeypatch, starting, failed, codes=("MIG208",))
    assert _where(result.findings) == [
        _found("MIG208", "vms.json", text, '"StartingVM"', '"ops01"'),
        _found("MIG208", "vms.json", text, '"FailedStartingVM"', '"ops02"'),
    ]
    assert "in state StartingVM" in result.findings[0].message
    assert "Wait for the operation in progress" in result.findings[0].fix
    assert "stop (deallocate) it" in result.findings[1].fix
    # Running and stopped are the accepted states; a word no API uses is not judged.
    accepted = [_context(f"app0{n}", status=s) for n, s in enumerate(("ReadyRole", "StoppedVM", "Running"))]
    near, _, names = _check(tmp_path, monkeypatch, *accepted, codes=("MIG208",))
    assert near.findings == [] and names == ["app00", "app01", "app02"]


def test_mig208_an_extension_whose_status_is_not_reported(tmp_path, monkeypatch):
    """errors 2023: an extension whose status is not reported from the VM keeps it from migrating."""
    extensions = [
        _extension("Microsoft.Compute", "BGInfo", "2.*"),
        _extension("Microsoft.Azure.Security", "IaaSAntimalware", "1.*"),
    ]
    silent = _context("app01", extensions=extensions, handlers=[("Microsoft.Compute.BGInfo", "Ready")])
    result, text, _ = _check(tmp_path, monkeypatch, silent, codes=("MIG208",))
    assert _where(result.findings) == [_found("MIG208", "vms.json", text, '"ReadyRole"')]
    assert "reports no status for its extension IaaSAntimalware" in result.findings[0].message
    both = [("Microsoft.Compute.BGInfo", "Ready"), ("microsoft.azure.security.iaasantimalware", "Ready")]
    reported = _context("app01", extensions=extensions, handlers=both)
    none_listed = _context("app02", extensions=extensions)
    del none_listed["ResourceExtensionStatusList"]  # an export that leaves the statuses out (Select-Object)
    # Handlers named in a way none of the VM's extensions match: not known to be silent.
    otherwise = _context("app03", extensions=extensions, handlers=[("BGInfo-2.1", "Ready")])
    disabled = [
        extensions[0],
        _extension("Microsoft.Azure.Security", "IaaSAntimalware", "1.*", state="Disable"),
    ]
    off = _context("app04", extensions=disabled, handlers=[("Microsoft.Compute.BGInfo", "Ready")])
    near, _, names = _check(tmp_path, monkeypatch, reported, none_listed, otherwise, off, codes=("MIG208",))
    assert near.findings == [] and names == ["app01", "app02", "app03", "app04"]


def test_mig401_a_blob_name_with_a_slash(tmp_path, monkeypatch):
    vm = _context("app01", data_disks=[_disk("app01-archive", "archive/old.vhd", lun=0)])
    result, text, _ = _check(tmp_path, monkeypatch, vm, codes=("MIG401",))
    assert _where(result.findings) == [_found("MIG401", "vms.json", text, f'"{BLOB}/archive/old.vhd"')]
    plain = _context("app01", data_disks=[_disk("app01-archive", "archive-old.vhd", lun=0)])
    near, _, names = _check(tmp_path, monkeypatch, plain, codes=("MIG401",))
    assert near.findings == [] and names == ["app01"]


def test_an_export_of_many_vms_is_read_in_linear_time():
    def make(n: int):
        vms = [_context(f"vm{i}", f"svc{i % 7}", availability_set=None if i % 3 else "as") for i in range(n)]
        data = _json(vms).encode()

        def work():
            doc = read_document("vms.json", data, explicit=False)
            assert doc is not None and len(_vms(doc)) == n

        return work

    assert_linear(make, 400)


def test_a_vm_with_many_endpoints_and_acls_is_marked_in_linear_time():
    def make(n: int):
        endpoints = [
            _endpoint(f"ep{i}", 1000 + i, 1000 + i, _acl("203.0.113.0/24") if i % 2 else None)
            for i in range(n)
        ]
        data = _json(_context("app01", endpoints=endpoints)).encode()

        def work():
            doc = read_document("vm.json", data, explicit=False)
            assert doc is not None
            [vm] = _vms(doc)
            assert len({e.acl.mark for e in vm.role.endpoints if e.acl}) == n // 2

        return work

    assert_linear(make, 1000)


# --- exports written without enough -Depth ------------------------------------------------------------------


def _depth_2_array(context: dict) -> dict:
    """A context as `Get-AzureVM | ConvertTo-Json` writes it inside an array at the default depth: the
    properties of `VM` are its values' ToString(), .NET type names."""
    vm = dict(context["VM"])
    vm["ConfigurationSets"] = f"System.Collections.ObjectModel.Collection`1[{MODEL}.ConfigurationSet]"
    vm["DataVirtualHardDisks"] = f"System.Collections.ObjectModel.Collection`1[{MODEL}.DataVirtualHardDisk]"
    vm["OSVirtualHardDisk"] = f"{MODEL}.OSVirtualHardDisk"
    vm["ResourceExtensionReferences"] = f"{MODEL}.ResourceExtensionReferenceList"
    vm["DebugSettings"] = f"{MODEL}.DebugSettings"
    return {**context, "VM": vm, "ResourceExtensionStatusList": [f"{MODEL}.ResourceExtensionStatus"]}


def test_an_array_written_at_the_default_depth_is_one_mig001_and_what_it_still_says(tmp_path, monkeypatch):
    """The context's own properties are at the top, where the default depth keeps them: the VMs are read
    from them (state, network), and what was cut is one MIG001."""
    vms = [_depth_2_array(_context(n, vnet=None, status="RoleStateUnknown")) for n in ("app01", "app02")]
    result, text, names = _check(tmp_path, monkeypatch, *vms, codes=("MIG001", "MIG208"))
    assert _where(result.findings) == [
        _found("MIG001", "vms.json", text, '"System.Collections'),
        _found("MIG208", "vms.json", text, '"RoleStateUnknown"', '"app01"'),
        _found("MIG208", "vms.json", text, '"RoleStateUnknown"', '"app02"'),
    ]
    finding = result.findings[0]
    assert "'VM.ConfigurationSets' is written as" in finding.message
    assert "what was cut of 2 VMs" in finding.message
    assert "ConvertTo-Json -Depth 100" in finding.fix
    assert names == ["app01", "app02"]


def test_one_vm_written_at_the_default_depth_is_one_mig001(tmp_path, monkeypatch):
    """`Get-AzureVM -ServiceName s -Name n | ConvertTo-Json`: one level more, so the items of the VM's lists
    are the ones cut short."""
    context = _context("app01", extensions=[_extension("Microsoft.Compute", "BGInfo", "1.*")])
    context["VM"]["ConfigurationSets"] = [f"{MODEL}.NetworkConfigurationSet"]
    context["VM"]["ResourceExtensionReferences"] = [f"{MODEL}.ResourceExtensionReference"]
    text = _json(context)
    result = _lint(tmp_path, monkeypatch, {"vm.json": text}, dedent=False)
    assert _where(result.findings) == [
        _found("MIG001", "vm.json", text, f'"{MODEL}.NetworkConfigurationSet"')
    ]
    assert "'VM.ConfigurationSets' is written as" in result.findings[0].message


def test_a_vm_cut_short_as_a_whole(tmp_path, monkeypatch):
    """Nested one level deeper still (`@{vms = Get-AzureVM} | ConvertTo-Json`'s items, or `-Depth 1`)."""
    context = {
        **_context("app01"),
        "VM": f"{MODEL}.PersistentVM",
        "GuestAgentStatus": f"{MODEL}.GuestAgentStatus",
    }
    result, text, names = _check(tmp_path, monkeypatch, context, codes=("MIG001",))
    assert _where(result.findings) == [_found("MIG001", "vms.json", text, f'"{MODEL}.PersistentVM"')]
    assert "'VM' is written as" in result.findings[0].message and names == ["app01"]


def test_only_what_was_cut_short_is_left_unchecked(tmp_path, monkeypatch):
    whole = _context("app02", status="RoleStateUnknown", subnets=["web", "data"])
    cut = _depth_2_array(_context("app01", subnets=["web", "data"]))
    result, text, names = _check(tmp_path, monkeypatch, cut, whole, codes=("MIG001", "MIG202", "MIG208"))
    assert _where(result.findings) == [
        _found("MIG001", "vms.json", text, '"System.Collections'),
        _found("MIG202", "vms.json", text, '"data"', '"app02"'),
        _found("MIG208", "vms.json", text, '"RoleStateUnknown"', '"app02"'),
    ]
    assert names == ["app01", "app02"]


# --- JSON that is not a Get-AzureVM export ------------------------------------------------------------------


ROLE_INSTANCES = [  # Get-AzureRole -InstanceDetails | ConvertTo-Json: web and worker roles have no VM
    {
        "ServiceName": "shop",
        "DeploymentID": "f3f2c8d5a1b94c2b",
        "RoleName": "WebRole1",
        "InstanceName": "WebRole1_IN_0",
        "InstanceStatus": "ReadyRole",
        "InstanceSize": "Small",
        "RoleType": "PersistentVMRole",
    }
]
SETTINGS = {"ServiceName": "app", "VM": "PersistentVM sizes", "DeploymentName": "nightly"}


# (`azure vm list --json` of the classic cross-platform CLI is an export of its own shape, read as one:
# test_inventory_classic_cli_vm_views.py.)
@pytest.mark.parametrize("value", [ROLE_INSTANCES, SETTINGS], ids=["roles", "settings"])
def test_json_that_is_not_a_get_azurevm_export_is_not_claimed(tmp_path, monkeypatch, value):
    data = _json(value).encode()
    assert read_document("other.json", data, explicit=False) is None
    result = _lint(tmp_path, monkeypatch, {"other.json": _json(value), "vms.json": _json(_context("a"))})
    assert [d.path for d in result.estate.documents] == ["vms.json"]
    assert result.findings == []


SUB_A = "00000000-0000-0000-0000-00000000000a"
SUB_B = "00000000-0000-0000-0000-00000000000b"


@pytest.mark.parametrize("others", [[], [graph_vm(SUB_B, "other", "web01")]])
def test_an_export_that_names_no_subscription_is_of_the_one_holding_its_cloud_services(
    tmp_path, monkeypatch, others
):
    """Get-AzureVM does not write the subscription: its VMs are of the subscription whose Resource Graph
    export holds their cloud service, checked with that export's VMs, once."""
    rows = [graph_vm(SUB_A, "app", "sql01", "sql-as"), *others]
    files = {"graph.json": json.dumps(rows) + "\n", "vms.json": _json([_context("sqlfsw", "app")])}
    result = _lint(tmp_path, monkeypatch, files, "MIG103", dedent=False)
    assert [(f.code, f.mark.path) for f in result.findings] == [("MIG103", "vms.json")]


def test_an_export_that_names_no_subscription_is_checked_with_the_files_when_none_holds_its_services(
    tmp_path, monkeypatch
):
    """A Get-AzureVM export of services no other export holds is checked with the files, of the one
    subscription the Resource Graph export names: its VMs are in no estate of their own."""
    graph = {
        "id": f"/subscriptions/{SUB_A}/resourceGroups/Default-Networking/providers/"
        "Microsoft.ClassicNetwork/virtualNetworks/prod-vnet",
        "name": "prod-vnet",
        "type": "microsoft.classicnetwork/virtualnetworks",
        "subscriptionId": SUB_A,
        # Its subnets not written: the row says the network exists, not which subnets it has.
        "properties": {},
    }
    context = _context("api01", "api", subnets=["backend"])
    files = {"graph.json": json.dumps([graph]) + "\n", "vms.json": _json([context])}
    result = _lint(tmp_path, monkeypatch, files, "MIG003", dedent=False)
    assert result.findings == []
    [estate] = result.estates
    assert [(s.name, [vm.name for vm in s.vms]) for s in estate.cloud_services] == [("api", ["api01"])]


def test_a_network_no_configuration_defines_is_reported_where_the_export_names_it(tmp_path, monkeypatch):
    """MIG003 points at the value of the VM's `VirtualNetworkName`, as every finding about a field of an export points
    at that field, not at the object's `{`."""
    text = _json([_context("ops01", vnet="prod-vnet")])
    netcfg = (
        '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
        '<VirtualNetworkConfiguration><VirtualNetworkSites><VirtualNetworkSite name="other" Location="West '
        'Europe"><AddressSpace><AddressPrefix>10.9.0.0/16</AddressPrefix></AddressSpace></VirtualNetworkSite>'
        "</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>\n"
    )
    files = {"vms.json": text, "NetworkConfig.netcfg": netcfg}
    result = _lint(tmp_path, monkeypatch, files, "MIG003", dedent=False)
    assert _where(result.findings) == [
        _found("MIG003", "vms.json", text, '"prod-vnet"', '"VirtualNetworkName"')
    ]
