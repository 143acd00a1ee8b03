"""`Get-AzureVM -ServiceName s | Select-Object -ExpandProperty VM | ConvertTo-Json` (or `(Get-AzureVM ...).VM`)
writes each VM's `PersistentVM` without its context: the JSON form of an Export-AzureVM file. It is read
into the VM that file gives, so the rules find in it what they find in the XML, each at the value it is
about; it names no cloud service, so its VMs are a service that stands in for the one no file names, named
by the file. An export written at ConvertTo-Json's default depth is read for what it still says.

The objects are written as ConvertTo-Json writes the classic module's `PersistentVM` (Azure/azure-powershell
`src/ServiceManagement/Compute/Commands.ServiceManagement/Model/PersistentVM.cs`): every public property,
null when the VM has none."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files as _lint
from lint_support import where as _where

from migcheck.inventory_model import ClassicVm
from migcheck.model import FileKind
from migcheck.readers import read_document

MODEL = "Microsoft.WindowsAzure.Commands.ServiceManagement.Model"
BLOB = "https://shopdisks.blob.core.windows.net/vhds"
OFFICE_ACL = {
    "Rules": [{"Action": "permit", "Description": "office", "Order": 100, "RemoteSubnet": "203.0.113.0/24"}]
}
BGINFO_1 = {"ReferenceName": "BGInfo", "Publisher": "Microsoft.Compute", "Name": "BGInfo", "Version": "1.*"}


def _vm(
    name: str = "web01",
    *,
    subnets: tuple[str, ...] = ("FrontEnd", "BackEnd"),
    acl: dict | None = OFFICE_ACL,
    extension_version: str = "1.*",
    os_blob: str = "a/web01.vhd",
) -> dict:
    """A `PersistentVM` in two subnets, with an ACL on its endpoint, BGInfo 1.* and an OS disk whose blob
    name holds a `/`, unless told otherwise: each of MIG202, MIG201, MIG204 and MIG401 once."""
    network = {
        "ConfigurationSetType": "NetworkConfiguration",
        "InputEndpoints": [
            {"LocalPort": 80, "Name": "http", "Port": 80, "Protocol": "tcp", "EndpointAccessControlList": acl}
        ],
        "SubnetNames": list(subnets),
        "StaticVirtualNetworkIPAddress": None,
        "PublicIPs": None,
        "NetworkInterfaces": None,
    }
    return {
        "AvailabilitySetName": "web-as",
        "ConfigurationSets": [network],
        "DataVirtualHardDisks": [],
        "OSVirtualHardDisk": {
            "HostCaching": "ReadWrite",
            "DiskName": f"{name}-os",
            "MediaLink": f"{BLOB}/{os_blob}",
            "OS": "Windows",
            "IOType": "Standard",
        },
        "RoleName": name,
        "RoleSize": "Small",
        "RoleType": "PersistentVMRole",
        "ProvisionGuestAgent": True,
        "ResourceExtensionReferences": [BGINFO_1 | {"Version": extension_version, "State": "Enable"}],
        "DebugSettings": None,
    }


def _json(value: object) -> str:
    """As Windows PowerShell's ConvertTo-Json separates keys from values."""
    return json.dumps(value, indent=4, separators=(",", ":  ")) + "\n"


def _found(code: str, path: str, text: str, needle: str) -> str:
    at = text.index(needle)
    line, column = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
    return f"{code} {path}:{line}:{column}"


CODES = ("MIG001", "MIG201", "MIG202", "MIG204", "MIG401")


def test_each_rule_is_found_at_the_value_it_is_about(tmp_path, monkeypatch):
    text = _json([_vm()])
    result = _lint(tmp_path, monkeypatch, {"vms.json": text}, *CODES, dedent=False)
    assert _where(result.findings) == [
        _found("MIG201", "vms.json", text, '"EndpointAccessControlList"'),
        _found("MIG202", "vms.json", text, '"BackEnd"'),
        _found("MIG401", "vms.json", text, f'"{BLOB}/a/web01.vhd"'),
        _found("MIG204", "vms.json", text, '"BGInfo"'),
    ]


def test_a_vm_with_none_of_them_is_no_finding(tmp_path, monkeypatch):
    clean = _vm(subnets=("FrontEnd",), acl=None, extension_version="2.*", os_blob="web01.vhd")
    result = _lint(tmp_path, monkeypatch, {"vms.json": _json([clean])}, *CODES, dedent=False)
    assert result.findings == []
    assert [vm.name for service in result.estate.cloud_services for vm in service.vms] == ["web01"]


def test_the_findings_are_those_of_the_export_azurevm_file_of_the_same_vm(tmp_path, monkeypatch):
    xml = """\
        <PersistentVM xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <AvailabilitySetName>web-as</AvailabilitySetName>
          <ConfigurationSets>
            <ConfigurationSet xsi:type="NetworkConfigurationSet">
              <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
              <InputEndpoints><InputEndpoint>
                <LocalPort>80</LocalPort><Name>http</Name><Port>80</Port><Protocol>tcp</Protocol>
                <EndpointAccessControlList><Rules><AccessControlListRule>
                  <Action>permit</Action><Order>100</Order><RemoteSubnet>203.0.113.0/24</RemoteSubnet>
                </AccessControlListRule></Rules></EndpointAccessControlList>
              </InputEndpoint></InputEndpoints>
              <SubnetNames><string>FrontEnd</string><string>BackEnd</string></SubnetNames>
            </ConfigurationSet>
          </ConfigurationSets>
          <OSVirtualHardDisk>
            <MediaLink>https://shopdisks.blob.core.windows.net/vhds/a/web01.vhd</MediaLink>
          </OSVirtualHardDisk>
          <RoleName>web01</RoleName>
          <RoleSize>Small</RoleSize>
          <ResourceExtensionReferences><ResourceExtensionReference>
            <Publisher>Microsoft.Compute</Publisher><Name>BGInfo</Name><Version>1.*</Version>
          </ResourceExtensionReference></ResourceExtensionReferences>
        </PersistentVM>
        """
    exported = _lint(tmp_path / "xml", monkeypatch, {"web01.xml": xml}, *CODES)
    expanded = _lint(tmp_path / "json", monkeypatch, {"vms.json": _json(_vm())}, *CODES, dedent=False)
    assert sorted(f.code for f in expanded.findings) == sorted(f.code for f in exported.findings)
    assert sorted(f.code for f in expanded.findings) == ["MIG201", "MIG202", "MIG204", "MIG401"]


def test_one_object_and_an_array_are_read_alike():
    """`(Get-AzureVM -ServiceName s -Name n).VM | ConvertTo-Json` writes the object itself, several VMs an
    array."""
    alone = read_document("vm.json", _json(_vm()).encode(), explicit=False)
    listed = read_document("vms.json", _json([_vm(), _vm("web02")]).encode(), explicit=False)
    assert alone is not None and listed is not None
    assert alone.kind is FileKind.INVENTORY and alone.problem is None and listed.problem is None
    assert (alone.root, listed.root) == ("object", "array")
    assert [_facts(vm) for vm in alone.resources] == [_facts(listed.resources[0])]
    assert [_facts(vm) for vm in listed.resources][1][0] == "web02"
    [vm] = alone.resources
    assert _facts(vm) == (
        "web01",
        "",
        "web-as",
        ("http",),
        True,
        ("FrontEnd", "BackEnd"),
        (("Microsoft.Compute", "BGInfo", "1.*"),),
        (f"{BLOB}/a/web01.vhd",),
    )


def _facts(vm: object) -> tuple:
    assert isinstance(vm, ClassicVm)
    role = vm.role
    return (
        vm.name,
        vm.service,
        role.availability_set,
        tuple(e.name for e in role.endpoints),
        all(e.acl is not None for e in role.endpoints),
        tuple(s.name for s in role.subnets),
        tuple((e.publisher, e.name, e.version) for e in role.extensions),
        tuple(d.media_link for d in role.disks),
    )


@pytest.mark.parametrize("shape", ["object", "array"])
def test_the_vms_of_an_export_are_one_cloud_service_named_by_its_file(tmp_path, monkeypatch, shape):
    """Two exports, of two services: each file's VMs are one service no file names, never one another's."""

    def export(*vms: dict) -> str:
        return _json(vms[0] if shape == "object" and len(vms) == 1 else list(vms))

    files = {"shop.json": export(_vm(), _vm("web02")), "api.json": export(_vm("api01"))}
    result = _lint(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    services = {s.listed_name: sorted(vm.name for vm in s.vms) for s in result.estate.cloud_services}
    assert services == {
        "<cloud service of shop.json>": ["web01", "web02"],
        "<cloud service of api.json>": ["api01"],
    }
    assert "of a cloud service the files do not name" in result.findings[0].message


def test_written_at_the_default_depth_it_is_one_mig001_and_what_it_still_says(tmp_path, monkeypatch):
    """`Get-AzureVM -ServiceName s -Name n | Select-Object -ExpandProperty VM | ConvertTo-Json`: the items
    of the VM's lists are their .NET type names, which say nothing of its subnets, endpoints or extensions:
    those are not known (no MIG202, MIG201, MIG204 guessed), the OS disk written in full is checked."""
    vm = _vm() | {
        "ConfigurationSets": [f"{MODEL}.NetworkConfigurationSet"],
        "ResourceExtensionReferences": [f"{MODEL}.ResourceExtensionReference"],
    }
    text = _json(vm)
    result = _lint(tmp_path, monkeypatch, {"vm.json": text}, *CODES, dedent=False)
    assert _where(result.findings) == [
        _found("MIG001", "vm.json", text, f'"{MODEL}.NetworkConfigurationSet"'),
        _found("MIG401", "vm.json", text, f'"{BLOB}/a/web01.vhd"'),
    ]
    message = result.findings[0].message
    assert "'ConfigurationSets' is written as" in message and "what was cut of 1 VM" in message
    assert "(name, availability set, size, and what is written in full)" in message
    [service] = result.estate.cloud_services
    [role] = service.vms
    assert {"endpoints", "subnets", "extensions"} <= role.unknown


def test_an_array_at_the_default_depth_cuts_the_disk_too(tmp_path, monkeypatch):
    """One level fewer for an array's items: the OS disk is a type name, so no disk is checked either."""
    vm = _vm() | {
        "ConfigurationSets": f"System.Collections.ObjectModel.Collection`1[{MODEL}.ConfigurationSet]",
        "OSVirtualHardDisk": f"{MODEL}.OSVirtualHardDisk",
        "ResourceExtensionReferences": f"{MODEL}.ResourceExtensionReferenceList",
    }
    text = _json([vm, _vm("web02", acl=None, extension_version="2.*", os_blob="web02.vhd")])
    result = _lint(tmp_path, monkeypatch, {"vms.json": text}, *CODES, dedent=False)
    # web02 is written in full and checked: two subnets.
    assert [f.code for f in result.findings] == ["MIG001", "MIG202"]
    assert "'ConfigurationSets' is written as" in result.findings[0].message
    assert "'web02'" in result.findings[1].message


def test_json_with_a_role_name_and_no_configuration_is_not_claimed():
    """A role instance (`Get-AzureRole -InstanceDetails`) writes a role's name and no configuration sets
    nor OS disk; a context writes its VM under `VM`, with its service."""
    instance = {"ServiceName": "shop", "RoleName": "WebRole1", "InstanceName": "WebRole1_IN_0"}
    other = {"RoleName": "WebRole1", "InstanceCount": 2}
    for value in (instance, [other]):
        assert read_document("other.json", _json(value).encode(), explicit=False) is None


@pytest.mark.parametrize("shape", ["vm alone", "context"])
def test_the_vm_s_public_ip_and_security_group_are_read_as_the_export_azurevm_file_states_them(shape):
    """`PublicIPs` (`AssignPublicIP` items, by `Name`) and `NetworkSecurityGroup` (a name) of the network
    set, as an Export-AzureVM file gives them (the plan moves them with the VM, MIG210 reads the group), in
    the VM alone and in a `Get-AzureVM` context alike."""
    vm = _vm()
    vm["ConfigurationSets"][0] |= {
        "PublicIPs": [{"Name": "web01-pip", "IdleTimeoutInMinutes": None, "DomainNameLabel": None}],
        "NetworkSecurityGroup": "web-nsg",
    }
    value = (
        vm
        if shape == "vm alone"
        else {"ServiceName": "shop", "DeploymentName": "shop", "Name": "web01", "VM": vm}
    )
    text = _json(value)
    doc = read_document("vm.json", text.encode(), explicit=False)
    assert doc is not None and doc.problem is None
    [record] = doc.resources
    assert isinstance(record, ClassicVm)
    role = record.role
    assert [(ip.name, ip.mark.line) for ip in role.public_ips] == [("web01-pip", _line(text, '"web01-pip"'))]
    assert role.security_group is not None
    assert (role.security_group.name, role.security_group.mark.line) == ("web-nsg", _line(text, '"web-nsg"'))
    assert "public_ips" not in role.unknown


def test_a_vm_without_its_configuration_sets_has_public_ips_not_known():
    """Cut short, its public IPs are not known rather than none."""
    vm = _vm() | {"ConfigurationSets": [f"{MODEL}.NetworkConfigurationSet"]}
    doc = read_document("vm.json", _json(vm).encode(), explicit=False)
    assert doc is not None
    [record] = doc.resources
    assert isinstance(record, ClassicVm)
    assert record.role.public_ips == () and "public_ips" in record.role.unknown


def _line(text: str, needle: str) -> int:
    return text.count("\n", 0, text.index(needle)) + 1
