"""A `.bicep` file's classic resources are read as an ARM JSON template's are (the records an inventory row
of each type gives, MIG601 at the first): parameters with defaults, variables, interpolation, loops as far
as counted, children nested in their parent or naming it, `existing` resources only referred to; its
`Microsoft.Compute/cloudServices` resources are evidence of extended support; a file that does not parse is
MIG001; hostile files stay linear and never raise."""

from __future__ import annotations

import textwrap

from growth import assert_linear
from lint_support import lint_files, where

from migcheck.inventory_model import ClassicNetwork, ClassicStorageAccount, ClassicVm
from migcheck.model import ExtendedSupportService, FileKind, Mark, Script
from migcheck.readers import bicep

ESTATE = """\
@description('Where the estate runs')
param location string = 'westeurope'
param prefix string = 'shop'
param vnetName string
param vmCount int = 2

var subnets = [
  'front'
]

resource disks 'Microsoft.ClassicStorage/storageAccounts@2016-11-01' = {
  name: '${prefix}disks'
  location: location
  properties: {
    accountType: 'Standard-GRS'
  }
}

resource vnet 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
  name: vnetName
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'front'
        addressPrefix: '10.0.0.0/24'
      }
    ]
  }
}

resource legacy 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' existing = {
  name: 'legacy-vnet'
}

resource vms 'Microsoft.ClassicCompute/virtualMachines@2017-04-01' = [for i in range(1, vmCount): {
  name: format('{0}-web{1:00}', prefix, i)
  location: location
  properties: {
    domainName: {
      name: '${prefix}-svc'
    }
    hardwareProfile: {
      size: 'Small'
    }
    networkProfile: {
      virtualNetwork: {
        id: vnet.id
        subnetNames: subnets
      }
    }
    storageProfile: {
      operatingSystemDisk: {
        diskName: 'web${i}-os'
        vhdUri: 'https://${disks.name}.blob.core.windows.net/vhds/web${i}-os.vhd'
      }
    }
  }
  resource bginfo 'extensions' = {
    name: 'BGInfo'
    properties: {
      extension: 'BGInfo'
      publisher: 'Microsoft.Compute'
      version: '1.*'
    }
  }
}]

resource jump 'Microsoft.ClassicCompute/virtualMachines@2017-04-01' = {
  name: 'jump'
  properties: {
    domainName: {
      name: 'ops'
    }
    networkProfile: {
      virtualNetwork: {
        name: legacy.name
        subnetNames: [
          'a'
          'b'
        ]
      }
    }
  }
}

resource snapshot 'Microsoft.ClassicCompute/virtualMachines/extensions@2017-04-01' = {
  parent: jump
  name: 'VMSnapshot'
  properties: {
    extension: 'VMSnapshot'
    publisher: 'Microsoft.Azure.RecoveryServices'
    version: '1.*'
  }
}

resource shop 'Microsoft.Compute/cloudServices@2022-09-04' = {
  name: 'shop-es'
  location: location
  properties: {
    roleProfile: {
      roles: [
        {
          name: 'WebRole1'
        }
      ]
    }
  }
}
"""


def _read(text: str, path: str = "infra/main.bicep"):
    data = text.encode()
    assert bicep.sniff(data)
    document = bicep.read(path, data)
    assert document.problem is None
    return document


def _line(needle: str) -> int:
    """The line of ESTATE that holds `needle`."""
    return next(n for n, line in enumerate(ESTATE.splitlines(), 1) if needle in line)


def _line_after(anchor: str, needle: str) -> int:
    """The first line of ESTATE after the one holding `anchor` that holds `needle`."""
    lines = ESTATE.splitlines()
    start = _line(anchor)
    return next(n for n, line in enumerate(lines[start:], start + 1) if needle in line)


def _of(records, kind) -> list:
    return [r for r in records if isinstance(r, kind)]


def test_every_declaration_form_is_read():
    document = _read(ESTATE)
    assert document.kind is FileKind.INVENTORY
    records = document.resources
    (account,) = _of(records, ClassicStorageAccount)
    assert (account.name, account.account_type, account.mark) == (
        "shopdisks",
        "Standard-GRS",
        Mark("infra/main.bicep", 11, column=1),
    )
    stand_in = "<value of parameter 'vnetName', main.bicep:4:7>"
    # The `existing` network declares nothing: only the one the file creates is a record.
    assert [n.name for n in _of(records, ClassicNetwork)] == [stand_in]
    vms = {vm.name: vm for vm in _of(records, ClassicVm)}
    assert sorted(vms) == ["jump", "shop-web01", "shop-web02"]
    web = vms["shop-web02"]
    assert (web.service, web.virtual_network) == ("shop-svc", stand_in)
    assert [d.media_link for d in web.role.disks] == [
        "https://shopdisks.blob.core.windows.net/vhds/web2-os.vhd"
    ]
    assert [(e.name, e.mark.line) for e in web.role.extensions] == [("BGInfo", _line("resource bginfo"))]
    jump = vms["jump"]
    assert jump.virtual_network == "legacy-vnet"
    assert [(e.name, e.mark.line) for e in jump.role.extensions] == [
        ("VMSnapshot", _line("resource snapshot"))
    ]
    (script,) = _of(records, Script)
    assert (script.called, script.mark) == ("Bicep file 'main.bicep'", account.mark)
    (service,) = _of(records, ExtendedSupportService)
    assert (service.name, service.roles, service.mark.line) == (
        "shop-es",
        ("WebRole1",),
        _line("resource shop"),
    )


def test_the_rules_fire_on_a_bicep_file_found_in_a_folder_walk(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"infra/main.bicep": ESTATE}, dedent=False)
    bginfo, snapshot = _line("resource bginfo"), _line("resource snapshot")
    second_subnet = _line_after("resource jump", "'b'")
    # No MIG003 for jump's network: the file refers to it as `existing`, and a template lists only the
    # networks it deploys, not the subscription's.
    assert sorted(where(result.findings)) == sorted(
        [
            f"MIG202 infra/main.bicep:{second_subnet}:11",  # in two subnets: at the second
            f"MIG204 infra/main.bicep:{bginfo}:3",  # of each VM of the loop
            f"MIG204 infra/main.bicep:{bginfo}:3",
            f"MIG206 infra/main.bicep:{snapshot}:1",
            f"MIG601 infra/main.bicep:{_line('resource disks')}:1",
            # The cloud service of extended support it declares, of no definition checked: its retirement.
            f"MIG101 infra/main.bicep:{_line('resource shop')}:1",
        ]
    )


def test_a_finding_points_at_the_value_the_bicep_file_writes(tmp_path, monkeypatch):
    network = """\
resource vnet 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
  name: 'legacy'
  properties: {
    addressSpace: {
      addressPrefixes: [ '10.0.0.0/16', '10.1.0.00/16' ]
    }
    subnets: [
      {
        name: 'front'
        addressPrefix: '10.0.1.0/24'
      }
    ]
  }
}
"""
    result = lint_files(tmp_path, monkeypatch, {"net.bicep": network}, "MIG304", dedent=False)
    assert where(result.findings) == ["MIG304 net.bicep:5:41"]


def test_a_bicep_file_that_does_not_parse_is_mig001(tmp_path, monkeypatch):
    broken = "resource disks 'Microsoft.ClassicStorage/storageAccounts@2016-11-01' = {\n  name: \n"
    result = lint_files(tmp_path, monkeypatch, {"main.bicep": broken}, dedent=False)
    assert [f.code for f in result.findings] == ["MIG001"]
    assert result.findings[0].message.startswith("not valid Bicep")


def test_a_bicep_file_of_other_types_is_not_read():
    assert not bicep.sniff(
        b"resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'x'\n}\n"
    )


def test_values_not_stated_are_stand_ins_one_per_loop_item():
    text = textwrap.dedent(
        """\
        param names array
        resource accounts 'Microsoft.ClassicStorage/storageAccounts@2016-11-01' = [for n in ['a', 'b']: {
          name: '${n}${uniqueString(resourceGroup().id)}'
          properties: {
            accountType: 'Standard-LRS'
          }
        }]
        resource looped 'Microsoft.ClassicStorage/storageAccounts@2016-11-01' = [for n in names: {
          name: n
          properties: {}
        }]
        """
    )
    records = _read(text).resources
    assert [a.name for a in _of(records, ClassicStorageAccount)] == [
        "<storage account name, a…, main.bicep:3:9>",
        "<storage account name, b…, main.bicep:3:9>",
        "<storage account name, the item of a loop, main.bicep:8:83>",
    ]
    assert len(_of(records, Script)) == 1


def test_hostile_bicep_never_raises():
    cyclic = "var a = b\nvar b = '${a}x'\nresource s 'Microsoft.ClassicStorage/storageAccounts@2016-11-01' = {\n  name: a\n}\n"
    assert _of(_read(cyclic).resources, Script)
    doubling = (
        "".join(f"var v{i} = '${{v{i + 1}}}${{v{i + 1}}}'\n" for i in range(60)) + "var v60 = 'xxxxxxxx'\n"
    )
    doubling += "resource s 'Microsoft.ClassicStorage/storageAccounts@2016-11-01' = {\n  name: v0\n}\n"
    assert len(_of(_read(doubling).resources, Script)) == 1
    deep = (
        "var d = "
        + "[" * 3000
        + "]" * 3000
        + "\nresource s 'Microsoft.ClassicStorage/storageAccounts@2016-11-01' = {\n  name: string(d)\n}\n"
    )
    document = bicep.read("main.bicep", deep.encode())
    assert document is not None
    huge = "resource s 'Microsoft.ClassicStorage/storageAccounts@2016-11-01' = [for i in range(0, 100000): {\n  name: 'x${i}'\n}]\n"
    assert len(_of(_read(huge).resources, Script)) == 1


def test_a_bicep_file_of_loops_is_read_in_linear_time():
    def make(n: int):
        text = "var size = 'Small'\n" + "".join(
            f"resource v{i} 'Microsoft.ClassicCompute/virtualMachines@2017-04-01' = [for j in range(0, 800): {{\n"
            f"  name: 'vm{i}-${{j}}'\n  properties: {{\n    hardwareProfile: {{\n      size: size\n    }}\n  }}\n}}]\n"
            for i in range(n)
        )
        data = text.encode()

        def work() -> None:
            bicep.read("main.bicep", data)

        return work

    assert_linear(make, 20)


def test_a_classic_storage_account_whose_properties_are_empty_is_one():
    """A template may leave an account's `properties` empty, stating no type; the
    account was dropped, so nothing classic was described beside a classic role assigned in the same folder."""
    text = "resource sa 'Microsoft.ClassicStorage/storageAccounts@2016-11-01' = {\n  name: 'shopstore'\n  properties: {}\n}\n"
    assert [a.name for a in _of(_read(text).resources, ClassicStorageAccount)] == ["shopstore"]
