"""A script block a PowerShell script runs with arguments (`Start-Job $sb -ArgumentList …`, `Invoke-Command
-ScriptBlock $sb -ArgumentList …`, `& $sb …`, `$sb.Invoke(…)`) runs there with them bound to its `param (…)`,
or as its `$args`, as a call of one of the script's functions binds them: a gateway it creates is the gateway
of the network it is given. A block that declares parameters and that no such run binds (never run, given to
a command the reader does not follow, splatted) leaves the network unknown: its gateway is no network of
its own to migrate, beside the network the script passes when it runs the block."""

from __future__ import annotations

import textwrap

import pytest
from growth import assert_linear
from lint_support import lint_files, where

from migcheck.model import GATEWAY, ClassicCall, Deployment, Script, VnetGatewayFact
from migcheck.readers import read_document

BLOCK = "$sb = { param($vNetName) New-AzureVNetGateway -VNetName $vNetName -GatewayType DynamicRouting }\n"


def _read(script: str):
    document = read_document("gw.ps1", textwrap.dedent(script).lstrip("\n").encode(), explicit=True)
    assert document is not None and document.problem is None
    return document


def _networks(script: str) -> list[str]:
    """The networks of the gateways the script creates, in order."""
    return [r.vnet for r in _read(script).resources if isinstance(r, VnetGatewayFact) and r.side == GATEWAY]


def _calls(script: str) -> list[str]:
    [found] = [r for r in _read(script).resources if isinstance(r, Script)]
    return [call.name for call in found.calls if isinstance(call, ClassicCall)]


@pytest.mark.parametrize(
    "run",
    [
        'Start-Job $sb -ArgumentList "vnetA"',
        'Start-Job -ScriptBlock $sb -Args "vnetA"',
        'Invoke-Command -ScriptBlock $sb -ArgumentList "vnetA"',
        'icm $sb -arg "vnetA"',
        'Invoke-Command -ComputerName host1 -ScriptBlock $sb -ArgumentList "vnetA"',
        'Invoke-Command host1 $sb -ArgumentList "vnetA"',
        '& $sb "vnetA"',
        '& $sb -vNetName "vnetA"',
        '. $sb "vnetA"',
        '$sb.Invoke("vnetA")',
        '$job = Start-Job $sb -ArgumentList "vnetA"',
    ],
)
def test_a_block_held_in_a_variable_runs_with_the_arguments_it_is_given(run):
    assert _networks(BLOCK + run + "\n") == ["vnetA"]


@pytest.mark.parametrize(
    "run",
    [
        'Start-Job { param($n) New-AzureVNetGateway -VNetName $n } -ArgumentList "vnetA"',
        'Start-Job -ScriptBlock { New-AzureVNetGateway -VNetName $args[0] } -ArgumentList "vnetA"',
        'Invoke-Command -ArgumentList "vnetA" -ScriptBlock { param($n) New-AzureVNetGateway -VNetName $n }',
        '& { param($n) New-AzureVNetGateway -VNetName $n } "vnetA"',
        '& { New-AzureVNetGateway -VNetName $args[0] } "vnetA"',
        'Start-Job -InitializationScript { Import-Module Azure } { param($n) New-AzureVNetGateway -VNetName $n } -Args "vnetA"',
    ],
    ids=[
        "job-param",
        "job-args",
        "invoke-command-param",
        "call-param",
        "call-args",
        "job-after-initialization",
    ],
)
def test_a_block_written_where_it_runs_takes_its_arguments(run):
    assert _networks(run + "\n") == ["vnetA"]


def test_an_argument_list_passes_its_items_in_order_once_per_run():
    networks = _read(
        """
        $sb = { param($Name, $Sku) New-AzureVNetGateway -VNetName $Name -GatewaySKU $Sku -GatewayType DynamicRouting }
        foreach ($v in "vnet1", "vnet2", "vnet3") { Start-Job $sb -ArgumentList $v, "HighPerformance" }
        """
    ).resources
    facts = [r for r in networks if isinstance(r, VnetGatewayFact)]
    assert [(f.vnet, f.sku) for f in facts] == [(f"vnet{i}", "HighPerformance") for i in (1, 2, 3)]


def test_a_function_a_block_is_passed_to_runs_it_with_what_it_passes():
    assert _networks(
        """
        function Retry([scriptblock]$Action, $Name) { & $Action $Name }
        $make = { param($v) New-AzureVNetGateway -VNetName $v }
        Retry -Action $make -Name "vnetQ"
        """
    ) == ["vnetQ"]


def test_a_job_reads_the_callers_variables_as_using_and_its_arguments_by_name():
    [deployment] = [
        r
        for r in _read(
            """
            $service = "svc1"
            $sb = {
                param($Name)
                New-AzureVMConfig -Name $Name -InstanceSize Small -ImageName "img" |
                    Add-AzureProvisioningConfig -Windows -AdminUsername "u" -Password "p" |
                    New-AzureVM -ServiceName $using:service -VNetName "vnetX"
            }
            Start-Job $sb -ArgumentList "vm1"
            """
        ).resources
        if isinstance(r, Deployment)
    ]
    assert (deployment.service_name, [role.name for role in deployment.roles]) == ("svc1", ["vm1"])


def test_the_call_operator_runs_a_block_in_a_scope_under_the_callers():
    """`& $sb` sees the caller's variables (a job does not, but through `$using:`)."""
    facts = [
        r
        for r in _read(
            """
            $type = "StaticRouting"
            $sb = { param($v) New-AzureVNetGateway -VNetName $v -GatewayType $type }
            & $sb "vnetA"
            """
        ).resources
        if isinstance(r, VnetGatewayFact)
    ]
    assert [(f.vnet, f.gateway_type) for f in facts] == [("vnetA", "StaticRouting")]


@pytest.mark.parametrize(
    "run",
    [
        "",  # never run
        "Register-ObjectEvent -InputObject $timer -EventName Elapsed -Action $sb",
        "Start-Job $sb -ArgumentList $names[$i]",  # a value of no identity, which may be any network
    ],
    ids=["never-run", "unknown-command", "unknown-argument"],
)
def test_a_block_no_run_binds_creates_no_network_of_its_own(run):
    """The call is still the script's (MIG601 lists it); the gateway's network is not known."""
    script = BLOCK + run + "\n"
    assert _networks(script) == []
    assert "New-AzureVNetGateway" in _calls(script)


def test_a_block_run_with_a_splatted_table_binds_its_parameter_by_name():
    """`& $sb @p` binds the table's keys to the block's parameters, as a splat into a function does."""
    assert _networks(BLOCK + "$p = @{ vNetName = 'vnetA' }\n& $sb @p\n") == ["vnetA"]


def test_a_block_run_with_the_scripts_parameter_is_a_network_as_a_call_given_it_is():
    """The script's own parameter names one network (a stand-in where the call passes it), as it does when
    the script passes it to New-AzureVNetGateway itself."""
    assert _networks("param($VNetName)\n" + BLOCK + "Start-Job $sb -ArgumentList $VNetName\n") == [
        "<virtual network name, gw.ps1:2:57>"
    ]


NETCFG = (
    '$cfg = @"\n<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/'
    'NetworkConfiguration"><VirtualNetworkConfiguration><LocalNetworkSites><LocalNetworkSite name="site1">'
    "<AddressSpace><AddressPrefix>10.9.0.0/16</AddressPrefix></AddressSpace><VPNGatewayAddress>52.1.1.1"
    '</VPNGatewayAddress></LocalNetworkSite></LocalNetworkSites><VirtualNetworkSites><VirtualNetworkSite name="vnetA"'
    ' Location="East US"><AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace><Subnets><Subnet'
    ' name="GatewaySubnet"><AddressPrefix>10.0.15.0/29</AddressPrefix></Subnet></Subnets><Gateway>'
    '<ConnectionsToLocalNetwork><LocalNetworkSiteRef name="site1"><Connection type="IPsec" /></LocalNetworkSiteRef>'
    "</ConnectionsToLocalNetwork></Gateway></VirtualNetworkSite></VirtualNetworkSites></VirtualNetworkConfiguration>"
    '</NetworkConfiguration>\n"@\nSet-Content -Value $cfg -Path "C:\\t\\v.netcfg"\n'
    'Set-AzureVNetConfig -ConfigurationPath "C:\\t\\v.netcfg"\n'
)


@pytest.mark.parametrize("run", ['Start-Job $sb -ArgumentList "vnetA"', ""], ids=["bound", "never-run"])
def test_the_plan_moves_the_network_the_job_creates_the_gateway_of_once(plan_of, run):
    """The gateway the job creates is the configuration's network's, which an IPsec connection shows a VPN
    gateway (no MIG302); a block never run names no other network."""
    plan = plan_of({"vnet.ps1": NETCFG + BLOCK + run + "\n"})
    assert [step.name for step in plan.steps if step.kind == "Virtual network"] == ["vnetA"]


def test_no_mig302_for_the_gateway_a_job_creates_of_a_network_shown_connected(tmp_path, monkeypatch):
    script = NETCFG + BLOCK + 'Start-Job $sb -ArgumentList "vnetA"\n'
    assert (
        where(lint_files(tmp_path, monkeypatch, {"vnet.ps1": script}, "MIG302", dedent=False).findings) == []
    )


def test_running_one_block_many_times_is_linear():
    """Each run costs the block's size until the repeats allowed are spent; then the block is read once."""

    def make(n: int):
        data = (BLOCK + "".join(f'Start-Job $sb -ArgumentList "vnet{i}"\n' for i in range(n))).encode()
        return lambda: read_document("gw.ps1", data, explicit=True)

    assert_linear(make, 2000)


def test_many_blocks_each_run_once_is_linear():
    def make(n: int):
        data = "".join(
            f"$sb{i} = {{ param($v) New-AzureVNetGateway -VNetName $v }}\nStart-Job $sb{i} -ArgumentList 'v{i}'\n"
            for i in range(n)
        ).encode()
        return lambda: read_document("gw.ps1", data, explicit=True)

    assert_linear(make, 1000)


ARGS_BLOCK = "$sb = { New-AzureVNetGateway -VNetName $args[0] -GatewayType DynamicRouting }\n"


@pytest.mark.parametrize(
    "held",
    [
        ARGS_BLOCK,
        # The block on one path, a message on the other: where the job does anything, it is that block's run.
        "if ($Gateway) {\n  " + ARGS_BLOCK + '} else {\n  $sb = { Write-Host "no gateway" }\n}\n',
    ],
    ids=["held", "held-on-one-path"],
)
def test_a_block_held_in_a_variable_takes_its_args_from_the_run(held):
    # Without a param block, the block's $args are only what a run gives: read where it is written, the
    # network was unknown, a gateway of no network beside the one the job is given.
    assert _networks(held + 'Start-Job -ScriptBlock $sb -ArgumentList "vnetA"\n') == ["vnetA"]
