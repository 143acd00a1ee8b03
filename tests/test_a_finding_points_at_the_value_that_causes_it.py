"""A finding about what a script or an export states points at the value that states it, in every way the
script can pass it (a shell option's value as `-a x`, `--affinity-group x` or `--affinity-group=x`, a
positional argument; a PowerShell argument named, positional or splatted from a table literal; a Python
keyword or positional argument; an export's field, `null` included), not at the command or the object
that holds it. Where nothing states the value, the finding stays at the command or the object."""

from __future__ import annotations

import json

import pytest
from lint_support import APP_VNET_NETCFG, graph_vm, lint_files, where


def at(text: str, needle: str, path: str, code: str, nth: int = 0) -> str:
    """`CODE path:line:column` of the `nth` occurrence of `needle` in `text` (as `lint_files` writes it)."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    line, column = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
    return f"{code} {path}:{line}:{column}"


# --- MIG303: a network bound to an affinity group --------------------------------------------------------


@pytest.mark.parametrize(
    "option", ["-a my-group", "--affinity-group my-group", "--affinity-group=my-group"], ids=str.split
)
def test_an_affinity_group_a_classic_cli_network_is_created_in(tmp_path, monkeypatch, option):
    script = f"azure config mode asm\nazure network vnet create old-vnet -e 10.1.0.0 -i 16 {option}\n"
    found = where(lint_files(tmp_path, monkeypatch, {"net.sh": script}, "MIG303").findings)
    assert found == [at(script, "my-group", "net.sh", "MIG303")]


def test_an_affinity_group_a_rest_body_names_in_its_own_element(tmp_path, monkeypatch):
    body = (
        '<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure">\n'
        "  <VirtualNetworkSite><Name>old-vnet</Name>\n"
        "    <AffinityGroup>my-group</AffinityGroup>\n"
        "  </VirtualNetworkSite>\n"
        "</VirtualNetworkSites>\n"
    )
    found = where(lint_files(tmp_path, monkeypatch, {"vnets.xml": body}, "MIG303").findings)
    assert found == [at(body, "<AffinityGroup>", "vnets.xml", "MIG303")]


def test_a_netcfg_affinity_group_is_an_attribute_of_the_network(tmp_path, monkeypatch):
    """The attribute has no element of its own: its value is where it is."""
    netcfg = (
        '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">\n'
        "  <VirtualNetworkConfiguration><VirtualNetworkSites>\n"
        '    <VirtualNetworkSite name="old-vnet" AffinityGroup="my-group"/>\n'
        "  </VirtualNetworkSites></VirtualNetworkConfiguration>\n"
        "</NetworkConfiguration>\n"
    )
    found = where(lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": netcfg}, "MIG303").findings)
    assert found == [at(netcfg, "my-group", "NetworkConfig.netcfg", "MIG303")]


# --- MIG201: an endpoint ACL ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "arguments",
    [
        "web1 http 100 permit 10.0.0.0/8",
        "--vm-name web1 --endpoint-name http --order 100 --action permit --remote-subnet 10.0.0.0/8",
        "-n web1 -e http -o 100 -a permit -t 10.0.0.0/8",
    ],
    ids=["positional", "long", "short"],
)
def test_an_acl_rule_the_classic_cli_adds_points_at_its_endpoint(tmp_path, monkeypatch, arguments):
    script = f"azure config mode asm\nazure vm endpoint acl-rule create {arguments} -d shop\n"
    found = where(lint_files(tmp_path, monkeypatch, {"acl.sh": script}, "MIG201").findings)
    assert found == [at(script, "http", "acl.sh", "MIG201")]


ACL = """\
$acl = New-AzureAclConfig
Set-AzureAclConfig -AddRule -ACL $acl -Order 100 -Action Permit -RemoteSubnet "10.0.0.0/8"
"""


def test_an_acl_splatted_from_a_table_literal_points_at_the_entry(tmp_path, monkeypatch):
    script = (
        ACL + '$ep = @{ Name = "HTTPS"; Protocol = "tcp"; LocalPort = 443; PublicPort = 443; ACL = $acl }\n'
        'Get-AzureVM -ServiceName "shop" -Name "web1" | Add-AzureEndpoint @ep | Update-AzureVM\n'
    )
    found = where(lint_files(tmp_path, monkeypatch, {"acl.ps1": script}, "MIG201").findings)
    assert found == [at(script, "$acl }", "acl.ps1", "MIG201")]


@pytest.mark.parametrize("added", ["$ep.ACL = $acl", '$ep["ACL"] = $acl', '$ep.Add("ACL", $acl)'])
def test_an_acl_added_to_a_table_after_it_is_written_points_at_the_value_added(tmp_path, monkeypatch, added):
    script = (
        ACL + '$ep = @{ Name = "HTTPS"; Protocol = "tcp"; LocalPort = 443; PublicPort = 443 }\n'
        f"{added}\n"
        'Get-AzureVM -ServiceName "shop" -Name "web1" | Add-AzureEndpoint @ep | Update-AzureVM\n'
    )
    found = where(lint_files(tmp_path, monkeypatch, {"acl.ps1": script}, "MIG201").findings)
    value = "$acl" + added.rpartition("$acl")[2] + "\n"  # the `$acl` the line ends with
    assert found == [at(script, value, "acl.ps1", "MIG201")]


@pytest.mark.parametrize("branch", ["if", "else"])
def test_an_acl_in_a_table_one_branch_writes_points_at_that_branch_s_entry(tmp_path, monkeypatch, branch):
    with_acl = '$ep = @{ Name = "HTTPS"; Protocol = "tcp"; LocalPort = 443; PublicPort = 443; ACL = $acl }'
    without = '$ep = @{ Name = "HTTPS"; Protocol = "tcp"; LocalPort = 443; PublicPort = 443 }'
    first, second = (with_acl, without) if branch == "if" else (without, with_acl)
    script = (
        ACL + f"if ($secure) {{ {first} }} else {{ {second} }}\n"
        'Get-AzureVM -ServiceName "shop" -Name "web1" | Add-AzureEndpoint @ep | Update-AzureVM\n'
    )
    found = where(lint_files(tmp_path, monkeypatch, {"acl.ps1": script}, "MIG201").findings)
    assert found == [at(script, "$acl }", "acl.ps1", "MIG201")]


# --- MIG204: an XML extension -----------------------------------------------------------------------------

DEBUGGER = '"RemoteDebugVS2017" "Microsoft.VisualStudio.WindowsAzure.RemoteDebug" "1.*"'


@pytest.mark.parametrize(
    "arguments",
    [
        DEBUGGER,
        '-ExtensionName "RemoteDebugVS2017" -Publisher "Microsoft.VisualStudio.WindowsAzure.RemoteDebug" '
        '-Version "1.*"',
    ],
    ids=["positional", "named"],
)
def test_an_xml_extension_powershell_sets_points_at_its_name(tmp_path, monkeypatch, arguments):
    script = (
        f'Get-AzureVM -ServiceName "svc" -Name "vm1" | Set-AzureVMExtension {arguments} | Update-AzureVM\n'
    )
    found = where(lint_files(tmp_path, monkeypatch, {"ext.ps1": script}, "MIG204").findings)
    assert found == [at(script, '"RemoteDebugVS2017"', "ext.ps1", "MIG204")]


def test_an_extension_splatted_from_a_table_literal_points_at_its_name(tmp_path, monkeypatch):
    script = (
        '$ext = @{ ExtensionName = "RemoteDebugVS2017"; '
        'Publisher = "Microsoft.VisualStudio.WindowsAzure.RemoteDebug"; Version = "1.*" }\n'
        'Get-AzureVM -ServiceName "svc" -Name "vm1" | Set-AzureVMExtension @ext | Update-AzureVM\n'
    )
    found = where(lint_files(tmp_path, monkeypatch, {"ext.ps1": script}, "MIG204").findings)
    assert found == [at(script, '"RemoteDebugVS2017"', "ext.ps1", "MIG204")]


def test_an_xml_extension_the_classic_cli_sets_points_at_its_name(tmp_path, monkeypatch):
    script = (
        "azure config mode asm\n"
        "azure vm extension set vm1 RemoteDebugVS2017 Microsoft.VisualStudio.WindowsAzure.RemoteDebug 1.* "
        "-d svc\n"
    )
    found = where(lint_files(tmp_path, monkeypatch, {"ext.sh": script}, "MIG204").findings)
    assert found == [at(script, "RemoteDebugVS2017", "ext.sh", "MIG204")]


@pytest.mark.parametrize(
    "reference",
    [
        'ResourceExtensionReference("BGInfo", "Microsoft.Compute", "BGInfo", "1.*")',
        'ResourceExtensionReference(reference_name="BGInfo", publisher="Microsoft.Compute", name="BGInfo", '
        'version="1.*")',
    ],
    ids=["positional", "keyword"],
)
def test_an_xml_extension_a_python_script_builds_points_at_its_name(tmp_path, monkeypatch, reference):
    script = (
        "from azure.servicemanagement import ResourceExtensionReference, ServiceManagementService\n"
        'sms = ServiceManagementService("sub", "cert.pem")\n'
        f"ext = {reference}\n"
        'sms.update_role("svc", "svc", "vm1", resource_extension_references=[ext])\n'
    )
    found = where(lint_files(tmp_path, monkeypatch, {"ext.py": script}, "MIG204").findings)
    assert found == [at(script, '"BGInfo"', "ext.py", "MIG204", nth=1)]


@pytest.mark.parametrize(
    "version", ['-Version "1.*"', '"" "1.*"', "-Version $v"], ids=["named", "positional", "variable"]
)
def test_bginfo_1_a_wrapper_sets_points_at_its_version(tmp_path, monkeypatch, version):
    """`Set-AzureVMBGInfoExtension` states no name: the version it is given is what makes it an XML extension."""
    script = (
        '$v = "1.*"\n'
        f'Get-AzureVM -ServiceName "svc" -Name "vm1" | Set-AzureVMBGInfoExtension {version} | Update-AzureVM\n'
    )
    found = where(lint_files(tmp_path, monkeypatch, {"ext.ps1": script}, "MIG204").findings)
    assert found == [at(script, '"1.*"', "ext.ps1", "MIG204", nth=0 if "$v" in version else 1)]


# --- MIG205: boot diagnostics on a VM with Premium disks ------------------------------------------------

PREMIUM_VM = """\
azure storage account create premacct --type PLRS -l "West Europe"
azure vm create db img user pass -u https://premacct.blob.core.windows.net/vhds/db01.vhd -l "West Europe"
"""


@pytest.mark.parametrize(
    ("turned_on", "at_value"),
    [
        ("-B true", "true"),
        ("--boot-diagnostics=true", "true"),
        ("--enable-boot-diagnostics", "--enable-boot-diagnostics"),
        ("-d db --enable-boot-diagnostics", "--enable-boot-diagnostics"),
    ],
    ids=["short", "attached", "flag", "flag-after-options"],
)
def test_boot_diagnostics_the_classic_cli_turns_on_points_at_what_turns_it_on(
    tmp_path, monkeypatch, turned_on, at_value
):
    script = PREMIUM_VM + f"azure vm set db {turned_on}\n"
    found = where(lint_files(tmp_path, monkeypatch, {"db.sh": script}, "MIG205", dedent=False).findings)
    assert found == [at(script, at_value, "db.sh", "MIG205", nth=script.count(at_value) - 1)]


# --- MIG103: a VM in no availability set beside VMs in one ------------------------------------------------


def _get_azure_vm(name: str, availability_set: object) -> dict:
    """A `Get-AzureVM | Select-Object` row of cloud service crm. A row that leaves the field out is
    tests/readers/test_inventory_avset.py's (at the row)."""
    return {"ServiceName": "crm", "Name": name, "AvailabilitySetName": availability_set}


@pytest.mark.parametrize("none", [None, ""], ids=["null", "empty"])
def test_an_export_that_writes_no_availability_set_points_at_that_value(tmp_path, monkeypatch, none):
    rows = [_get_azure_vm("crm1", "set-a"), _get_azure_vm("crm2", "set-a"), _get_azure_vm("crm3", none)]
    text = "[\n" + ",\n".join("  " + json.dumps(row) for row in rows) + "\n]\n"
    found = where(lint_files(tmp_path, monkeypatch, {"vms.json": text}, "MIG103").findings)
    assert found == [at(text, json.dumps(none), "vms.json", "MIG103")]


def test_an_export_azure_vm_file_with_an_empty_availability_set_points_at_it(tmp_path, monkeypatch):
    files = {
        f"crm/{name}.xml": (
            f"<PersistentVM>\n  <AvailabilitySetName>{avset}</AvailabilitySetName>\n"
            f"  <RoleName>{name}</RoleName>\n</PersistentVM>\n"
        )
        for name, avset in (("crm1", "set-a"), ("crm2", ""))
    }
    found = where(lint_files(tmp_path, monkeypatch, files, "MIG103").findings)
    assert found == ["MIG103 crm/crm2.xml:2:3"]


PS_TWO_IN_A_SET = """\
$a = New-AzureVMConfig -Name app01 -InstanceSize Small -ImageName win -AvailabilitySetName as1 | Set-AzureSubnet web
$b = New-AzureVMConfig -Name app02 -InstanceSize Small -ImageName win -AvailabilitySetName as1 | Set-AzureSubnet web
New-AzureVM -ServiceName app-svc -Location "West Europe" -VNetName app-vnet -VMs $a,$b
"""


@pytest.mark.parametrize(
    "out",
    [
        "Remove-AzureAvailabilitySet",
        "Set-AzureAvailabilitySet -AvailabilitySetName ''",
        "Set-AzureAvailabilitySet -AvailabilitySetName $null",
    ],
    ids=["remove", "empty", "null"],
)
def test_a_powershell_vm_taken_out_of_its_set_points_at_the_call_that_takes_it_out(
    tmp_path, monkeypatch, out
):
    script = PS_TWO_IN_A_SET + f"Get-AzureVM -ServiceName app-svc -Name app02 | {out} | Update-AzureVM\n"
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, "vms.ps1": script}
    found = where(lint_files(tmp_path, monkeypatch, files, "MIG103", dedent=False).findings)
    value = out.partition(" -AvailabilitySetName ")[2] or out
    assert found == [at(script, value, "vms.ps1", "MIG103")]


PY_TWO_IN_A_SET = """\
from azure.servicemanagement import *
sms = ServiceManagementService("0000-sub", "mgmt.pem")
net = ConfigurationSet(); net.subnet_names.append("web")
disk = OSVirtualHardDisk("img", "https://appsa.blob.core.windows.net/vhds/a.vhd")
linux = LinuxConfigurationSet("app", "ops", "x", True)
sms.create_virtual_machine_deployment("app-svc", "app-svc", "production", "app", "app01", linux, disk,
    network_config=net, availability_set_name="as1", virtual_network_name="app-vnet")
sms.add_role("app-svc", "app-svc", "app02", linux, disk, network_config=net, availability_set_name="as1")
"""


def test_a_python_vm_update_role_takes_out_of_its_set_points_at_that_argument(tmp_path, monkeypatch):
    script = PY_TWO_IN_A_SET + 'sms.update_role("app-svc", "app-svc", "app02", availability_set_name="")\n'
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, "vms.py": script}
    found = where(lint_files(tmp_path, monkeypatch, files, "MIG103", dedent=False).findings)
    assert found == [at(script, '"")\n', "vms.py", "MIG103")]


# --- an export's field: at its value, not at its key -------------------------------------------------------


def test_two_exported_vms_asking_for_one_address_point_at_the_address(tmp_path, monkeypatch):
    rows = [graph_vm("1", service, name) for service, name in (("svc-a", "a1"), ("svc-b", "b1"))]
    for row in rows:
        row["properties"]["networkProfile"]["virtualNetwork"]["staticIpAddress"] = "10.0.0.5"
    text = json.dumps({"data": rows}, indent=2)
    found = where(lint_files(tmp_path, monkeypatch, {"vms.json": text}, "MIG306", dedent=False).findings)
    assert found == [at(text, '"10.0.0.5"', "vms.json", "MIG306", nth=1)]


def test_an_exported_vm_in_a_network_no_file_defines_points_at_the_network_s_name(tmp_path, monkeypatch):
    text = json.dumps({"data": [graph_vm("1", "shop", "web1", vnet="lost-vnet")]}, indent=2)
    files = {"vms.json": text, "NetworkConfig.netcfg": APP_VNET_NETCFG}
    found = where(lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings)
    assert found == [at(text, '"lost-vnet"', "vms.json", "MIG003")]
