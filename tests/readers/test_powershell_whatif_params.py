"""Two things a PowerShell script says that the reader took for something else: a classic call given `-WhatIf`,
which only says what it would do (it removed, created and migrated as if it ran), and the defaults of the
script's own parameters (`param([string] $VNetName = "MyAzureVNET")`), which a run as written uses (they were
read as values the script does not state)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from lint_support import lint_files, where

from migcheck.model import (
    Deployment,
    Document,
    Mark,
    NameRef,
    ReservedIp,
    Script,
    StorageAccountType,
    VnetGatewayFact,
)
from migcheck.readers import powershell, read_document

LINK = "New-AzureDedicatedCircuitLink -ServiceKey $k -VNetName hub\n"
VPN_GATEWAY = "New-AzureVirtualNetworkGateway -VNetName {} -GatewayName S2SVPN -GatewayType DynamicRouting\n"
BGINFO = '-ExtensionName "BGInfo" -Publisher "Microsoft.Compute"'


def _found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], *codes: str) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, files, *codes).findings)


def _read(script: str, path: str = "s.ps1") -> Document:
    document = read_document(path, textwrap.dedent(script).lstrip("\n").encode(), explicit=True)
    assert document is not None and document.problem is None
    return document


def _of(document: Document, kind: type) -> list:
    return [r for r in document.resources if isinstance(r, kind)]


# --- 1. `-WhatIf` -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "preview",
    ["-WhatIf", "-WhatIf:$true", "-wi", "-whatif:(1 -eq 1)", "@preview", "-WhatIf:$dryRun"],
    ids=["switch", "true", "alias", "known-expression", "splatted", "unknown-value"],
)
def test_a_circuit_link_removal_previewed_with_whatif_removes_nothing(tmp_path, monkeypatch, preview):
    """The link stays, so MIG302 reports it at its creation. A value the reader does not
    know may be `$true`: the removal may not run, and removes nothing."""
    removal = f"Remove-AzureDedicatedCircuitLink -ServiceKey $k -VNetName hub {preview}\n"
    script = "$preview = @{ WhatIf = $true }\n" + LINK + removal
    assert _found(tmp_path, monkeypatch, {"w.ps1": script}, "MIG302") == ["MIG302 w.ps1:2:1"]
    # Near misses: a removal that runs, given `-WhatIf:$false`, or a table whose keys the reader cannot see
    # (a preview is asked for in so many words).
    for runs in ("-WhatIf:$false", "-wi:0", "@unknown", ""):
        script = LINK + f"Remove-AzureDedicatedCircuitLink -ServiceKey $k -VNetName hub {runs}\n"
        assert _found(tmp_path, monkeypatch, {"w.ps1": script}, "MIG302") == [], runs


def test_what_a_previewed_call_would_create_is_not_recorded(tmp_path, monkeypatch):
    """No VM, deployment, reserved IP, storage account, gateway fact, registered disk or image, Application
    Gateway or link authorization from a call given `-WhatIf`; it is still a classic call (MIG601 names it)."""
    script = """
        New-AzureReservedIP -ReservedIPName "app-vip" -Location "West Europe" {w}
        New-AzureStorageAccount -StorageAccountName "contosoprem" -Location "West Europe" -Type Premium_LRS {w}
        New-AzureQuickVM -Windows -ServiceName "quick" -Name "q01" -ImageName $i -Location "West Europe" {w}
        New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName $i |
            New-AzureVM -ServiceName "contoso-app" -Location "West Europe" {w}
        New-AzureDedicatedCircuitLink -ServiceKey $k -VNetName "hub" {w}
        New-AzureVirtualNetworkGateway -VNetName "hub" -GatewayName S2SVPN {w}
        Add-AzureDisk -DiskName "data01" -MediaLocation "https://a.blob.core.windows.net/vhds/d.vhd" {w}
        Add-AzureVMImage -ImageName "golden" -MediaLocation "https://a.blob.core.windows.net/vhds/g.vhd" {w}
        New-AzureApplicationGateway -Name "appgw" -VnetName "hub" -Subnets "gw" {w}
        New-AzureDedicatedCircuitLinkAuthorization -ServiceKey "key" -Description "partner" {w}
        """
    previewed = _read(script.format(w="-WhatIf"))
    (script_record,) = previewed.resources
    assert isinstance(script_record, Script)
    assert [(c.name, c.mark.line, c.mark.column) for c in script_record.calls] == [
        ("New-AzureReservedIP", 1, 1),
        ("New-AzureStorageAccount", 2, 1),
        ("New-AzureQuickVM", 3, 1),
        ("New-AzureVMConfig", 4, 1),
        ("New-AzureVM", 5, 5),
        ("New-AzureDedicatedCircuitLink", 6, 1),
        ("New-AzureVirtualNetworkGateway", 7, 1),
        ("Add-AzureDisk", 8, 1),
        ("Add-AzureVMImage", 9, 1),
        ("New-AzureApplicationGateway", 10, 1),
        ("New-AzureDedicatedCircuitLinkAuthorization", 11, 1),
    ]
    findings = _found(tmp_path, monkeypatch, {"s.ps1": textwrap.dedent(script.format(w="-WhatIf"))})
    assert findings == ["MIG601 s.ps1:1:1"]
    # Near miss: run, or previewed with `-WhatIf:$false`, the same calls create all of it.
    for runs in ("", "-WhatIf:$false"):
        created = _read(script.format(w=runs))
        kinds = {type(r).__name__ for r in created.resources}
        assert {"Deployment", "ReservedIp", "StorageAccountType", "VnetGatewayFact", "Disk", "Image"} <= kinds
        assert {"ApplicationGateway", "LinkAuthorization"} <= kinds


def test_a_previewed_extension_change_changes_nothing(tmp_path, monkeypatch):
    """An extension set with `-WhatIf` is not set; one removed with `-WhatIf` is not removed (MIG204 reports
    the XML extension where it is set)."""
    before = '$vm = Get-AzureVM -ServiceName "contoso-web" -Name "web01"\n'
    set_bginfo = f'$vm = Set-AzureVMExtension -VM $vm {BGINFO} -Version "1.*"\n'
    update = "$vm | Update-AzureVM\n"
    set_previewed = before + f'Set-AzureVMExtension -VM $vm {BGINFO} -Version "1.*" -WhatIf\n' + update
    assert _found(tmp_path, monkeypatch, {"x.ps1": set_previewed}, "MIG204") == []
    removal = f"Remove-AzureVMExtension -VM $vm {BGINFO} {{}}\n"
    removed = before + set_bginfo + removal + update
    kept = _found(tmp_path, monkeypatch, {"x.ps1": removed.format("-WhatIf")}, "MIG204")
    assert kept == ["MIG204 x.ps1:2:51"]  # at the name it is set by
    # Near misses: the same calls run.
    runs = before + f'Set-AzureVMExtension -VM $vm {BGINFO} -Version "1.*"\n' + update
    assert _found(tmp_path, monkeypatch, {"x.ps1": runs}, "MIG204") == ["MIG204 x.ps1:2:45"]
    assert _found(tmp_path, monkeypatch, {"x.ps1": removed.format("-WhatIf:$false")}, "MIG204") == []


def test_what_a_previewed_call_outputs_is_not_known():
    """`$vm = … | Add-AzureEndpoint … -WhatIf` holds no configuration the reader knows: the VM created from it
    is one the reader cannot see, shown as a stand-in, and the removal of a VM previewed removes nothing."""
    script = """
        $vm = New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName $i
        $vm = $vm | Add-AzureEndpoint -Name "web" -Protocol tcp -LocalPort 80 -PublicPort 80 -WhatIf
        New-AzureVM -ServiceName "contoso-app" -Location "West Europe" -VMs $vm
        New-AzureQuickVM -Windows -ServiceName "contoso-app" -Name "q01" -ImageName $i
        Remove-AzureVM -ServiceName "contoso-app" -Name "q01" -WhatIf
        """
    (deployment,) = _of(_read(script), Deployment)
    assert [role.name for role in deployment.roles] == ["<VM name, s.ps1:3>", "q01"]
    # Near miss: the endpoint added, the VM removed.
    (deployment,) = _of(_read(script.replace(" -WhatIf", "")), Deployment)
    assert [role.name for role in deployment.roles] == ["web01"]


def test_a_migration_step_previewed_is_no_step(tmp_path, monkeypatch):
    """A runbook whose Move-Azure* calls all carry `-WhatIf` runs no migration: MIG602 has no step to order,
    and the script is a classic one for MIG601, reported at its first call."""
    dry_run = """
        Move-AzureVirtualNetwork -Validate -VirtualNetworkName "prod-vnet" -WhatIf
        Move-AzureVirtualNetwork -Commit -VirtualNetworkName "prod-vnet" -WhatIf
        Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "prod-vnet" -WhatIf
        """
    (script,) = _of(_read(dry_run), Script)
    assert script.migration == ()
    result = lint_files(tmp_path, monkeypatch, {"migrate.ps1": dry_run}, "MIG601", "MIG602")
    assert where(result.findings) == ["MIG601 migrate.ps1:1:1"]
    assert "(Move-AzureVirtualNetwork)" in result.findings[0].message
    # A Commit previewed before the Prepare that runs is not out of order; one that runs is.
    mixed = """
        Move-AzureVirtualNetwork -Commit -VirtualNetworkName "prod-vnet" {}
        Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "prod-vnet"
        """
    assert _found(tmp_path, monkeypatch, {"migrate.ps1": mixed.format("-WhatIf")}, "MIG601", "MIG602") == []
    for runs in ("", "-WhatIf:$false"):
        found = _found(tmp_path, monkeypatch, {"migrate.ps1": mixed.format(runs)}, "MIG601", "MIG602")
        assert found == ["MIG602 migrate.ps1:1:1"], runs
    # A value the reader does not know: the step may be taken, as in a branch it cannot decide.
    (script,) = _of(_read(mixed.format("-WhatIf:$preview")), Script)
    assert [(s.step, s.mark.line) for s in script.migration] == [("commit", 1), ("prepare", 2)]


def test_read_from_the_syntax_alone_a_step_previewed_is_no_step(monkeypatch):
    """Past the work allowed, the calls and steps are read from the syntax alone: a step written with
    `-WhatIf` is still none; one given a value after a colon may run."""

    def exhausted(self, node, env):
        raise powershell._Exhausted

    monkeypatch.setattr(powershell.Interpreter, "statements", exhausted)
    script = """
        Move-AzureService -Prepare -ServiceName "jump" -DeploymentName "jump" -CreateNewVirtualNetwork -WhatIf
        Move-AzureService -Commit -ServiceName "jump" -DeploymentName "jump" -WhatIf:$false
        Move-AzureService -Abort -ServiceName "jump" -DeploymentName "jump" -wi
        """
    (found,) = _of(_read(script), Script)
    assert [c.mark.line for c in found.calls] == [1, 2, 3]
    assert [(s.step, s.mark.line, s.mark.column) for s in found.migration] == [("commit", 2, 1)]


# --- 2. the defaults of the script's own parameters -------------------------------------------------------

NETCFG = """<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="MyLocalNetwork"><AddressSpace><AddressPrefix>192.168.0.0/24</AddressPrefix></AddressSpace><VPNGatewayAddress>1.2.3.4</VPNGatewayAddress></LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="MyAzureVNET" Location="West Europe">
        <AddressSpace><AddressPrefix>10.17.0.0/16</AddressPrefix></AddressSpace>
        <Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="MyLocalNetwork"><Connection type="Dedicated"/></LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
# The ExpressRoute documentation's coexistence script, its network named by
# the script's parameter.
COEXIST = """param(
    {declared},
    [string] $ServiceKey
)
Set-AzureVNetConfig -ConfigurationPath "$PSScriptRoot\\NetworkConfig.netcfg"
New-AzureVNetGateway -VNetName $VNetName -GatewayType DynamicRouting -GatewaySKU HighPerformance
New-AzureDedicatedCircuitLink -ServiceKey $ServiceKey -VNetName $VNetName
{between}New-AzureVirtualNetworkGateway -VNetName $VNetName -GatewayName S2SVPN -GatewayType DynamicRouting
"""


def _coexist(tmp_path, monkeypatch, declared: str, between: str = "") -> list[str]:
    script = COEXIST.format(declared=declared, between=between)
    files = {"NetworkConfig.netcfg": NETCFG, "coexist.ps1": script}
    return _found(tmp_path, monkeypatch, files, "MIG301")


@pytest.mark.parametrize(
    "declared",
    [
        '[string] $VNetName = "MyAzureVNET"',
        "$VNetName = 'MyAzureVNET'",
        '[string] $VNetName = "My" + "AzureVNET"',
        '[string] $Prefix = "My", [string] $VNetName = "${Prefix}AzureVNET"',
        '[Parameter(Position = 0)] [Alias("VNet")] [string] $VNetName = "MyAzureVNET"',
    ],
    ids=["string", "untyped", "sum", "from-another-parameter", "attributes"],
)
def test_a_network_named_by_a_parameters_default_is_reported(tmp_path, monkeypatch, declared):
    """MIG301 at the VPN gateway, as when the script assigns the name."""
    assert _coexist(tmp_path, monkeypatch, declared) == ["MIG301 coexist.ps1:8:1"]
    # Near misses: a parameter a run must be given has no default, and one without a default is unknown.
    for unknown in (
        '[Parameter(Mandatory)] [string] $VNetName = "MyAzureVNET"',
        '[Parameter(Mandatory = $true)] [string] $VNetName = "MyAzureVNET"',
        "[string] $VNetName",
        '[string] $VNetName = $(throw "-VNetName is required")',
        "[string] $VNetName = $env:VNET_NAME",
        '[string] $VNetName = ""',
    ):
        assert _coexist(tmp_path, monkeypatch, unknown) == [], unknown


@pytest.mark.parametrize(
    "between",
    [
        'if ($VNetName -eq "MyAzureVNET") { exit }\n',
        "if ($VNetName) { exit }\n",
        'if ($VNetName -ne "MyAzureVNET") { } else { return }\n',
        'switch ($VNetName) { "MyAzureVNET" { exit } }\n',
    ],
    ids=["equal", "truth", "not-equal", "switch"],
)
def test_a_default_decides_no_condition(tmp_path, monkeypatch, between):
    """A caller may pass another name: a condition on the default may go either way, so the `exit` may not
    run and the VPN gateway after it is still reported (it would not be if the default decided)."""
    declared = '[string] $VNetName = "MyAzureVNET"'
    assert _coexist(tmp_path, monkeypatch, declared, between) == ["MIG301 coexist.ps1:9:1"]


def test_the_scripts_functions_and_its_workflows_read_the_defaults(tmp_path, monkeypatch):
    """A function reads the script's parameter as it reads any variable the script assigns once; a workflow,
    which Azure Automation starts with its own parameters, holds its defaults. A function's own defaults are
    bound where it is called, as before: one no call runs stays unknown."""
    function = """
        param([string] $Prefix = "contoso", [string] $VNetName = "$Prefix-hub")
        function Add-Vpn { New-AzureVirtualNetworkGateway -VNetName $VNetName -GatewayName S2SVPN }
        New-AzureDedicatedCircuitLink -ServiceKey $k -VNetName $VNetName
        Add-Vpn
        """
    result = lint_files(tmp_path, monkeypatch, {"hub.ps1": function}, "MIG301")
    assert where(result.findings) == ["MIG301 hub.ps1:2:20"]
    assert result.findings[0].resource_name == "contoso-hub"
    workflow = """
        workflow Connect-Hub
        {
            param(
                [string] $VNetName = "hub",
                [string] $ServiceKey
            )
            New-AzureDedicatedCircuitLink -ServiceKey $ServiceKey -VNetName $VNetName
            New-AzureVirtualNetworkGateway -VNetName $VNetName -GatewayName S2SVPN
        }
        """
    assert _found(tmp_path, monkeypatch, {"hub.ps1": workflow}, "MIG301") == ["MIG301 hub.ps1:8:5"]
    never_called = workflow.replace("workflow Connect-Hub", "function Connect-Hub")
    assert _found(tmp_path, monkeypatch, {"hub.ps1": never_called}, "MIG301") == []


def test_a_default_names_the_service_vm_reserved_ip_and_account_it_names():
    script = """
        param(
            [string] $ServiceName = "contoso-app",
            [string] $VMName = "web01",
            [string] $Account = "contosoprem",
            [string] $ReservedIP = "app-vip",
            [switch] $Linux,
            [bool] $Premium = $true
        )
        New-AzureStorageAccount -StorageAccountName $Account -Location "West Europe" -Type Premium_LRS
        New-AzureReservedIP -ReservedIPName $ReservedIP -Location "West Europe"
        if ($Linux -or $Premium) { exit }
        New-AzureVMConfig -Name $VMName -InstanceSize Small -ImageName img |
            New-AzureVM -ServiceName $ServiceName -Location "West Europe" -ReservedIPName $ReservedIP
        """
    document = _read(script)
    (deployment,) = _of(document, Deployment)
    assert (deployment.name, [role.name for role in deployment.roles]) == ("contoso-app", ["web01"])
    # Where the call associates it, not where the default is.
    assert deployment.reserved_ip == NameRef("app-vip", Mark("s.ps1", 13, column=83))
    assert [ip.name for ip in _of(document, ReservedIp)] == ["app-vip"]
    assert [(a.name, a.account_type) for a in _of(document, StorageAccountType)] == [
        ("contosoprem", "Premium_LRS")
    ]
    # Near miss: an empty default names nothing, and does not say that no reserved IP is given: the name
    # stays unknown, the one the script creates a reserved IP under (a stand-in where the VM is given it).
    empty = _read(script.replace('"app-vip"', '""'))
    (deployment,) = _of(empty, Deployment)
    assert deployment.reserved_ip == NameRef("<reserved IP name, s.ps1:13>", Mark("s.ps1", 13, column=83))
    assert _of(empty, ReservedIp) == []


def test_a_default_is_read_as_the_script_runs_it():
    """A default that calls a classic cmdlet runs when the caller passes nothing: the call is the script's."""
    script = """
        param([string] $VNetName = "hub", $Key = (Get-AzureDedicatedCircuit -ServiceKey "key").ServiceKey)
        New-AzureDedicatedCircuitLink -ServiceKey $Key -VNetName $VNetName
        """
    document = _read(script)
    (found,) = _of(document, Script)
    assert [(c.name, c.mark.line, c.mark.column) for c in found.calls] == [
        ("Get-AzureDedicatedCircuit", 1, 43),
        ("New-AzureDedicatedCircuitLink", 2, 1),
    ]
    assert [(f.vnet, f.mark.line) for f in _of(document, VnetGatewayFact)] == [("hub", 2)]
