"""Migration blockers the PowerShell reader reads besides VM configurations: the disks whose VHD blob a
script names, the ACL of a load-balanced set, subnets the script names by variable, the static private
addresses VMs ask for, and scripts that PowerShell itself refuses to parse."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_reader_powershell import _deployments, _role

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import AclRule, Disk, EndpointAcl, Mark, NameRef
from migcheck.plugins import load_rules
from migcheck.readers import read_document

PATH = "deploy/vm.ps1"
BLOB = "https://contosovhds.blob.core.windows.net/vhds"


def _mark(line: int, column: int) -> Mark:
    return Mark(PATH, line, column=column)


def _lint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, code: str
) -> list[tuple[int, int, str]]:
    (tmp_path / "s.ps1").write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=(code,)), load_rules(entry_points=False))
    return [(f.location.line, f.location.column, f.message) for f in result.findings]


# --- disks from -MediaLocation ----------------------------------------------------------------------------


def test_the_os_disk_of_a_vm_configuration(read):
    doc = read(
        PATH,
        f"""
        $vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" -MediaLocation "{BLOB}/sub/vm1.vhd" -DiskLabel "os"
        New-AzureVM -ServiceName "svc1" -VMs $vm -Location "West Europe"
        """,
    )
    assert _role(doc, "vm1").disks == (Disk("", f"{BLOB}/sub/vm1.vhd", "", "vm1", _mark(1, 89)),)


def test_the_os_disk_of_a_quick_vm_and_a_blob_named_in_a_variable(read):
    doc = read(
        PATH,
        f"""
        $os = "{BLOB}/quick.vhd"
        New-AzureQuickVM -Windows -ServiceName "svc1" -Name "quick" -ImageName "img" -MediaLocation $os -Location "l"
        New-AzureVMConfig "vm2" Small ReadWrite "set" "label" "img" "{BLOB}/vm2.vhd" "osdisk" | New-AzureVM -ServiceName "svc1"
        """,
    )
    assert _role(doc, "quick").disks == (Disk("", f"{BLOB}/quick.vhd", "", "quick", _mark(1, 7)),)
    (disk,) = _role(doc, "vm2").disks  # by position: MediaLocation is the seventh, DiskLabel the eighth
    assert (disk.name, disk.blob_name) == ("", "vm2.vhd")  # a label is no name


def test_data_disks_of_an_existing_vm(read):
    doc = read(
        PATH,
        f"""
        Get-AzureVM -ServiceName "svc1" -Name "vm1" |
            Add-AzureDataDisk -CreateNew -DiskSizeInGB 128 -DiskLabel "data" -LUN 0 -MediaLocation "{BLOB}/data/d0.vhd" |
            Add-AzureDataDisk -ImportFrom -DiskLabel "old" -LUN 1 -MediaLocation "{BLOB}/old.vhd" |
            Add-AzureDataDisk -Import -DiskName "repo-disk" -LUN 2 |
            Add-AzureDataDisk -CreateNew 64 "logs" 3 |
            Update-AzureVM
        """,
    )
    # The new disk with no blob named is in the subscription's current storage account, which no file states
    account = "<current storage account of the subscription, vm.ps1:5>"
    assert _role(doc, "vm1").disks == (
        Disk("", f"{BLOB}/data/d0.vhd", "", "vm1", _mark(2, 92)),
        Disk("", f"{BLOB}/old.vhd", "", "vm1", _mark(3, 74)),
        Disk(
            "<data disk of VM vm1 at LUN 3, vm.ps1:5:5>", "", "", "vm1", _mark(5, 5), lun="3", account=account
        ),
    )


def test_a_data_disk_removed_or_named_by_a_value_the_script_does_not_state(read):
    doc = read(
        PATH,
        f"""
        param($blob, $lun)
        Get-AzureVM -ServiceName "svc1" -Name "a" |
            Add-AzureDataDisk -CreateNew 10 "zero" 0 -MediaLocation "{BLOB}/x/zero.vhd" |
            Add-AzureDataDisk -CreateNew 10 "one" 1 -MediaLocation "{BLOB}/x/one.vhd" |
            Remove-AzureDataDisk -LUN 0 |
            Update-AzureVM
        Get-AzureVM -ServiceName "svc1" -Name "b" |
            Add-AzureDataDisk -CreateNew 10 "two" 2 -MediaLocation "{BLOB}/x/two.vhd" |
            Remove-AzureDataDisk $lun |
            Add-AzureDataDisk -CreateNew 10 "three" 3 -MediaLocation $blob |
            Update-AzureVM
        """,
    )
    assert [d.lun for d in _role(doc, "a").disks] == ["1"]
    # LUN 2 may be the one `$lun` removes; LUN 3 is surely attached, its blob in the account `$blob` names.
    assert [(d.lun, d.media_link, d.account) for d in _role(doc, "b").disks] == [
        ("3", "", "<storage account name, vm.ps1:10:62>")
    ]


def test_a_disk_some_path_adds_is_a_disk_of_the_vm(read):
    doc = read(
        PATH,
        f"""
        $vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img"
        if ($big) {{ Add-AzureDataDisk -CreateNew 10 "big" 0 -MediaLocation "{BLOB}/big/d.vhd" -VM $vm }}
        New-AzureVM -ServiceName "svc1" -VMs $vm -Location "l"
        """,
    )
    assert [d.blob_name for d in _role(doc, "vm1").disks] == ["big/d.vhd"]


def test_a_slash_in_the_blob_name_is_reported_and_a_plain_name_is_not(tmp_path, monkeypatch):
    script = (
        f'New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" -MediaLocation "{BLOB}/vm1.vhd" |\n'
        f'    Add-AzureDataDisk -CreateNew 10 "data" 0 -MediaLocation "{BLOB}/2016/data.vhd" |\n'
        '    New-AzureVM -ServiceName "svc1" -Location "l"\n'
    )
    assert _lint(tmp_path, monkeypatch, script, "MIG401") == [
        (
            2,
            61,
            "VM 'vm1' in cloud service 'svc1' has its data disk at LUN 0 "
            "(https://contosovhds.blob.core.windows.net/vhds/2016/data.vhd) whose blob name '2016/data.vhd' contains "
            "'/', which Resource Manager does not support",
        )
    ]


# --- the ACL of a load-balanced set -------------------------------------------------------------------------


def test_the_acl_of_a_load_balanced_set(read):
    doc = read(
        PATH,
        """
        $acl = New-AzureAclConfig
        Set-AzureAclConfig -AddRule -ACL $acl -Action Permit -RemoteSubnet "10.0.0.0/8" -Order 100
        Set-AzureLoadBalancedEndpoint -ServiceName "svc1" -LBSetName "web" -Protocol tcp -LocalPort 80 -ACL $acl
        Set-AzureLoadBalancedEndpoint "svc1" -LBSetName "api" -ACL (New-AzureAclConfig)
        Set-AzureLoadBalancedEndpoint -ServiceName "svc1" -LBSetName "ssh" -LocalPort 22
        """,
    )
    (deployment,) = _deployments(doc)
    assert deployment.service_name == "svc1"
    web, api = deployment.roles
    (endpoint,) = web.endpoints
    # The VMs and endpoints of the set are named by what they are: their own names are not in the call.
    assert (web.name, endpoint.name, endpoint.protocol, endpoint.local_port) == (
        "<VMs of load-balanced set web>",
        "<endpoints of load-balanced set web>",
        "tcp",
        "80",
    )
    assert endpoint.acl == EndpointAcl(
        "<VMs of load-balanced set web>",
        "<endpoints of load-balanced set web>",
        "",
        (AclRule("100", "Permit", "10.0.0.0/8", "", _mark(2, 1)),),
        _mark(3, 101),
    )
    assert (
        api.endpoints[0].acl is not None and api.endpoints[0].acl.rules == ()
    )  # an empty ACL blocks nothing
    assert web.unknown >= {"subnets", "endpoints", "extensions"}  # VMs the script does not describe


def test_a_load_balanced_set_given_an_acl_is_reported(tmp_path, monkeypatch):
    script = (
        "$acl = New-AzureAclConfig\n"
        'Set-AzureAclConfig -AddRule -ACL $acl -Action Permit -RemoteSubnet "10.0.0.0/8" -Order 100\n'
        'Set-AzureLoadBalancedEndpoint -ServiceName "svc1" -LBSetName "web" -ACL $acl\n'
    )
    assert _lint(tmp_path, monkeypatch, script, "MIG201") == [
        (
            3,
            73,
            "the endpoints of load-balanced set web in cloud service 'svc1' have an access control list (1 rule)",
        )
    ]


# --- subnets named by variables -----------------------------------------------------------------------------


def test_two_subnets_the_script_names_by_variable(read):
    doc = read(
        PATH,
        """
        param($primary, $secondary, $other)
        New-AzureVMConfig -Name "a" -InstanceSize Small -ImageName $i | Set-AzureSubnet -SubnetNames $primary,$secondary | New-AzureVM -ServiceName "s"
        New-AzureVMConfig -Name "b" -InstanceSize Small -ImageName $i | Set-AzureSubnet "FrontEnd", $other | New-AzureVM -ServiceName "s"
        New-AzureVMConfig -Name "c" -InstanceSize Small -ImageName $i | Set-AzureSubnet $primary, $PRIMARY | New-AzureVM -ServiceName "s"
        """,
    )
    a = _role(doc, "a")
    assert a.subnets == (
        NameRef("<subnet named by $primary>", _mark(2, 94)),
        NameRef("<subnet named by $secondary>", _mark(2, 103)),
    )
    assert "subnets" in a.unknown  # their values stay unknown
    assert [s.name for s in _role(doc, "b").subnets] == ["FrontEnd", "<subnet named by $other>"]
    assert _role(doc, "c").subnets == ()  # one variable read twice is one subnet


def test_two_subnets_by_variable_are_reported_where_the_second_is_written(tmp_path, monkeypatch):
    script = (
        "param($primary, $secondary)\n"
        '$vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img"\n'
        'if (($primary -ne $secondary) -and ($secondary -ne "")) {\n'
        "    Set-AzureSubnet -SubnetNames $primary,$secondary -VM $vm\n"
        "} else {\n"
        "    Set-AzureSubnet -SubnetNames $primary -VM $vm\n"
        "}\n"
        'New-AzureVM -ServiceName "svc1" -VMs $vm -VNetName "v" -Location "l"\n'
    )
    assert _lint(tmp_path, monkeypatch, script, "MIG202") == [
        (
            4,
            43,
            "VM 'vm1' of cloud service 'svc1' is in 2 subnets (<subnet named by $primary>, <subnet named by "
            "$secondary>)",
        )
    ]


# --- static private addresses ------------------------------------------------------------------------------


def test_the_static_address_a_vm_asks_for(read):
    doc = read(
        PATH,
        """
        param($address)
        $a = New-AzureVMConfig -Name "a" -InstanceSize Small -ImageName "img" | Set-AzureStaticVNetIP -IPAddress "10.0.1.4"
        $b = New-AzureVMConfig -Name "b" -InstanceSize Small -ImageName "img"
        Set-AzureStaticVNetIP 10.0.1.5 -VM $b
        Set-AzureStaticVNetIP -IPAddress 10.0.1.6 -VM $b
        $c = New-AzureVMConfig -Name "c" -InstanceSize Small -ImageName "img" | Set-AzureStaticVNetIP "10.0.1.7"
        Remove-AzureStaticVNetIP -VM $c
        $d = New-AzureVMConfig -Name "d" -InstanceSize Small -ImageName "img" | Set-AzureStaticVNetIP -IPAddress $address
        $e = New-AzureVMConfig -Name "e" -InstanceSize Small -ImageName "img" |
            Add-AzureNetworkInterfaceConfig -Name "eth1" -SubnetName "back" -StaticVNetIPAddress "10.0.2.4"
        New-AzureVM -ServiceName "svc1" -VMs $a, $b, $c, $d, $e -VNetName "prod" -Location "West Europe"
        Get-AzureVM -ServiceName "svc2" -Name "f" | Set-AzureStaticVNetIP -IPAddress "10.0.1.8" | Update-AzureVM
        """,
    )
    assert _role(doc, "a").static_ips == (NameRef("10.0.1.4", _mark(2, 106)),)
    assert _role(doc, "b").static_ips == (NameRef("10.0.1.6", _mark(5, 34)),)  # the last one set
    assert _role(doc, "c").static_ips == ()  # removed
    assert _role(doc, "d").static_ips == ()  # an address the script does not state gives nothing
    assert _role(doc, "e").static_ips == (NameRef("10.0.2.4", _mark(10, 90)),)  # of another interface
    assert _role(doc, "f").static_ips == (NameRef("10.0.1.8", _mark(12, 78)),)  # an existing VM's


def test_a_static_address_set_on_one_path_is_one_the_vm_may_ask_for(read):
    doc = read(
        PATH,
        """
        $vm = New-AzureVMConfig -Name "a" -InstanceSize Small -ImageName "img"
        if ($pinned) { Set-AzureStaticVNetIP -IPAddress "10.0.1.4" -VM $vm }
        New-AzureVM -ServiceName "svc1" -VMs $vm -VNetName "prod" -Location "West Europe"
        """,
    )
    assert [ref.name for ref in _role(doc, "a").static_ips] == ["10.0.1.4"]


def _two_vms(first: str, second: str) -> str:
    return (
        f'$sql = New-AzureVMConfig -Name "sql01" -InstanceSize Small -ImageName "img" | Set-AzureSubnet "data" |\n'
        f'    Set-AzureStaticVNetIP -IPAddress "{first}"\n'
        'New-AzureVM -ServiceName "sql" -VMs $sql -VNetName "prod" -Location "West Europe"\n'
        '$report = New-AzureVMConfig -Name "report01" -InstanceSize Small -ImageName "img" | Set-AzureSubnet "data"\n'
        f'$report | Set-AzureStaticVNetIP "{second}" | New-AzureVM -ServiceName "report" -VNetName "prod" -Location l\n'
    )


def test_two_vms_of_one_network_asking_for_one_address_are_reported(tmp_path, monkeypatch):
    assert _lint(tmp_path, monkeypatch, _two_vms("10.0.2.10", "10.0.2.10"), "MIG306") == [
        (
            5,
            33,
            "VM 'report01' of cloud service 'report' asks for private IP 10.0.2.10, which VM 'sql01' of cloud "
            "service 'sql' asks for too, in virtual network 'prod': Prepare fails on it, and Validate does not "
            "check it",
        )
    ]


def test_two_vms_of_one_network_asking_for_different_addresses_are_not_reported(tmp_path, monkeypatch):
    assert _lint(tmp_path, monkeypatch, _two_vms("10.0.2.10", "10.0.2.11"), "MIG306") == []


# --- scripts PowerShell does not parse ----------------------------------------------------------------------


def _problem(text: str) -> tuple[str, Mark, str] | None:
    doc = read_document(PATH, text.encode("utf-8"), explicit=True)
    assert doc is not None
    return (doc.problem.message, doc.problem.mark, doc.problem.fix) if doc.problem else None


def test_an_unterminated_string_at_the_end_is_reported_and_nothing_is_read(read):
    doc = read(
        PATH,
        """
        Import-Module Azure
        $vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img" | Set-AzureSubnet -SubnetNames "A","B"
        New-AzureVM -ServiceName "svc1" -VMs $vm -VNetName "prodvnet" -Location "West Europe
        """,
        explicit=True,
    )
    assert doc.problem is not None and doc.problem.kind == "syntax"
    assert (
        doc.problem.message
        == 'not valid PowerShell: the string opened here with " is never closed (line 3, column 73)'
    )
    assert doc.problem.mark == _mark(3, 73)
    assert doc.problem.fix.startswith("Close the string with a matching quote.")
    assert doc.resources == ()  # PowerShell runs none of it


@pytest.mark.parametrize(
    ("text", "words", "at"),
    [
        (
            "Get-AzureVM\nWrite-Host 'abc\nGet-AzureService -ServiceName s\n",
            "the string opened here with ' is never closed",
            (2, 12),
        ),
        (
            'Get-AzureVM\nNew-AzureVM -ServiceName "s\n$x = 1\nGet-AzureVM\n',
            'the string opened here with " is never closed',
            (2, 26),
        ),
        (
            "Get-AzureVM\n<# a comment\nGet-AzureVM\n",
            "the block comment opened here with <# is never closed",
            (2, 1),
        ),
        ("Get-AzureVM\n$x = @'\ntext\n", "the here-string opened here with @' is never closed", (2, 6)),
        ("if ($x) {\n    Get-AzureVM\n# the end\n", "'{' is never closed", (1, 9)),
    ],
)
def test_what_powershell_certainly_refuses(text, words, at):
    found = _problem(text)
    assert found is not None
    message, mark, fix = found
    assert message == f"not valid PowerShell: {words} (line {at[0]}, column {at[1]})"
    assert mark == _mark(*at)
    assert fix.endswith("PowerShell runs no part of a script that does not parse.")


@pytest.mark.parametrize(
    "text",
    [
        # Regions tree-sitter-powershell cannot read in scripts PowerShell runs, last in the file.
        'Get-AzureVM\nWrite-Host `"quoted`"\n',
        "Get-AzureVM\nWrite-Host `'quoted`'\n",
        'Get-AzureVM\nNew-X -P $c.GetNetworkCredential().Password -Q "x"\n',
        'switch ($x) { "a" { Get-AzureVM } default { "b" } }\n',
        'Get-AzureVM -VN1Subnet1 "a" `\n  -VN2 "b"\n',
        'function f {\n  [CmdletBinding()]\n  $m = "x"\n}\n',
        'Set-Azuresubscription - SubscriptionId "xxxxxx" `\n -currentstorageaccountname classicsourcerg8180\n',
        'Write-Host "typographic\u201d\nGet-AzureVM\n',
        'Get-AzureVM | Select-Object `\n    Name, `\n    @{n="Status";e={$_.Statuses[-1].DisplayStatus}}\n',
        "echo a{b}\nGet-AzureVM\n",
        # Quotes and openers in comments, strings and words.
        "Get-AzureVM\n# it's a comment with <# and @\"\n",
        "Get-AzureVM -Name x -Label don't\n",
        'Get-AzureVM\n$x = @"\nhe said "hi\n"@\n',
    ],
)
def test_valid_scripts_are_not_reported(text):
    assert _problem(text) is None


def test_an_unterminated_string_is_reported_by_the_engine(tmp_path, monkeypatch):
    script = 'Import-Module Azure\nNew-AzureVM -ServiceName "svc1" -Location "West Europe\n'
    assert _lint(tmp_path, monkeypatch, script, "MIG001") == [
        (2, 43, 'not valid PowerShell: the string opened here with " is never closed (line 2, column 43)')
    ]
