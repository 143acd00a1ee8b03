"""A gateway a script connects to a local network site it does not name (a loop over the sites of a
configuration it reads, a parameter) moves with its network all the same, with a site-to-site connection
to a stand-in site, and is no "may be ExpressRoute" gateway (MIG302): in PowerShell (`Set-AzureVNetGateway
-Connect`, or the request it sends itself) and in Python (a PUT of an `UpdateConnection` body whose
`Operation` is `Connect` to `.../gateway/connection/<site>`). A request that tests the connection connects
nothing; one that disconnects it shows it (see
test_a_gateway_a_script_disconnects_from_a_site_is_a_vpn_gateway_left_down)."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.cli import main

CREATE = 'New-AzureVNetGateway -VNetName "net1" -GatewayType "DynamicRouting" -GatewaySKU "Default"\n'

LOOPED = (
    CREATE
    + 'foreach ($s in $sites) { Set-AzureVNetGateway -Connect -LocalNetworkSiteName $s.name -VNetName "net1" }\n'
)

# The shape of a foundation script: one function connects the network it is given to every local site of
# the configuration file it reads, for two networks; a third network's gateway is never connected.
PER_NETWORK = """\
function Connect-Sites {
    param([string] $XMLPath, [string] $VNetName)
    [xml]$cfg = Get-Content $XMLPath
    foreach ($site in $cfg.NetworkConfiguration.VirtualNetworkConfiguration.LocalNetworkSites.LocalNetworkSite) {
        Set-AzureVNetGateway -Connect -LocalNetworkSiteName $site.name -VNetName $VNetName
    }
}
$Services = "services_w1"
$Prod = "prod_w1"
$Storage = "storage_w1"
New-AzureVNetGateway -VNetName $Services -GatewayType "DynamicRouting"
New-AzureVNetGateway -VNetName $Prod -GatewayType "DynamicRouting"
New-AzureVNetGateway -VNetName $Storage -GatewayType "DynamicRouting"
Connect-Sites "c:\\temp\\services.xml" $Services
Connect-Sites "c:\\temp\\prod.xml" $Prod
"""

CONNECT_BODY = '<UpdateConnection xmlns="http://schemas.microsoft.com/windowsazure"><Operation>OPERATION</Operation></UpdateConnection>'

PS_REQUEST = (
    CREATE
    + "$body = '"
    + CONNECT_BODY
    + """'
foreach ($s in $sites) {
    Invoke-RestMethod -Method PUT -Body $body -Certificate $cert `
        -Uri "https://management.core.windows.net/$sub/services/networking/net1/gateway/connection/$($s.name)"
}
"""
)

PY_REQUEST = (
    """\
import sys
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
BODY = '"""
    + CONNECT_BODY
    + """'
sms.perform_put("/sub/services/networking/net1/gateway/connection/" + sys.argv[1], BODY)
"""
)


def _plan(tmp_path, monkeypatch, capsys, name: str, text: str) -> str:
    (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    main(["plan", "."])
    return capsys.readouterr().out


def _step(out: str, network: str) -> str:
    """The lines of the plan's step that moves `network`."""
    start = out.index(f"Virtual network: {network} ")
    end = out.find("\n\n", start)
    return out[start : end if end >= 0 else len(out)]


def test_a_looped_site_gives_the_gateway_and_a_connection_to_a_stand_in_site(tmp_path, monkeypatch, capsys):
    step = _step(_plan(tmp_path, monkeypatch, capsys, "vnet.ps1", LOOPED), "net1")
    assert "moves: the gateway of 'net1'\n" in step
    assert (
        "moves: its site-to-site VPN connection to local network site '<local site name, vnet.ps1:2:26>'"
        in step
    )
    assert "the address as a Basic SKU public IP" in step
    assert (
        "becomes: a local network gateway for '<local site name, vnet.ps1:2:26>', and a connection to it"
        in step
    )
    assert "After Commit, move the gateway to VpnGw1AZ" in step


def test_a_site_named_by_a_variable_the_script_never_sets_is_a_stand_in(tmp_path, monkeypatch, capsys):
    script = (
        '$v = "net1"\n'
        + CREATE.replace('"net1"', "$v")
        + "Set-AzureVNetGateway -Connect -LocalNetworkSiteName $site -VNetName $v\n"
    )
    step = _step(_plan(tmp_path, monkeypatch, capsys, "vnet.ps1", script), "net1")
    assert (
        "moves: its site-to-site VPN connection to local network site '<local site name, vnet.ps1:3:1>'"
        in step
    )


def test_each_network_a_function_connects_moves_its_gateway_and_the_other_keeps_mig302(
    tmp_path, monkeypatch, capsys
):
    out = _plan(tmp_path, monkeypatch, capsys, "foundation.ps1", PER_NETWORK)
    for network in ("services_w1", "prod_w1"):
        step = _step(out, network)
        assert f"moves: the gateway of '{network}'\n" in step
        assert (
            "site-to-site VPN connection to local network site '<local site name, foundation.ps1:5:9>'"
            in step
        )
    storage = _step(out, "storage_w1")
    assert "ExpressRoute or VPN: the files do not show what connects to it" in storage
    assert "site-to-site" not in storage
    found = lint_files(tmp_path, monkeypatch, {}, "MIG302").findings
    assert [f.message.split("'")[1] for f in found] == ["storage_w1"]


def test_a_gateway_connected_to_an_unnamed_site_is_no_mig302(tmp_path, monkeypatch):
    assert not lint_files(tmp_path, monkeypatch, {"vnet.ps1": LOOPED}, "MIG302").findings


def test_a_gateway_only_created_is_mig302_and_moves_with_no_connection(tmp_path, monkeypatch, capsys):
    assert lint_files(tmp_path, monkeypatch, {"vnet.ps1": CREATE}, "MIG302").findings
    step = _step(_plan(tmp_path, monkeypatch, capsys, "vnet.ps1", CREATE), "net1")
    assert "site-to-site" not in step


def test_a_powershell_connect_request_to_a_looped_site_connects_the_gateway(tmp_path, monkeypatch, capsys):
    step = _step(
        _plan(tmp_path, monkeypatch, capsys, "vnet.ps1", PS_REQUEST.replace("OPERATION", "Connect")), "net1"
    )
    assert "moves: the gateway of 'net1'\n" in step
    assert (
        "moves: its site-to-site VPN connection to local network site '<local site name, vnet.ps1:4:5>'"
        in step
    )
    assert not lint_files(tmp_path, monkeypatch, {}, "MIG302").findings


def test_a_powershell_connect_request_to_a_stated_site_names_it(tmp_path, monkeypatch, capsys):
    script = PS_REQUEST.replace("OPERATION", "Connect").replace("$($s.name)", "branch")
    step = _step(_plan(tmp_path, monkeypatch, capsys, "vnet.ps1", script), "net1")
    assert "moves: its site-to-site VPN connection to local network site 'branch'" in step


def test_a_powershell_request_that_only_tests_connects_nothing(tmp_path, monkeypatch, capsys):
    step = _step(
        _plan(tmp_path, monkeypatch, capsys, "vnet.ps1", PS_REQUEST.replace("OPERATION", "Test")), "net1"
    )
    assert "site-to-site" not in step
    assert lint_files(tmp_path, monkeypatch, {}, "MIG302").findings


def test_a_python_connect_request_to_a_site_from_the_command_line_moves_the_gateway(
    tmp_path, monkeypatch, capsys
):
    step = _step(
        _plan(tmp_path, monkeypatch, capsys, "connect.py", PY_REQUEST.replace("OPERATION", "Connect")), "net1"
    )
    assert "moves: the gateway of 'net1'\n" in step
    assert (
        "moves: its site-to-site VPN connection to local network site '<local site name, connect.py:6:5>'"
        in step
    )
    assert "the address as a Basic SKU public IP" in step


def test_a_python_connect_request_to_a_stated_site_names_it(tmp_path, monkeypatch, capsys):
    script = PY_REQUEST.replace("OPERATION", "Connect").replace('" + sys.argv[1]', 'branch"')
    step = _step(_plan(tmp_path, monkeypatch, capsys, "connect.py", script), "net1")
    assert "moves: its site-to-site VPN connection to local network site 'branch'" in step


def test_a_python_disconnect_request_moves_no_connection(tmp_path, monkeypatch, capsys):
    out = _plan(tmp_path, monkeypatch, capsys, "connect.py", PY_REQUEST.replace("OPERATION", "Disconnect"))
    assert "site-to-site" not in out
