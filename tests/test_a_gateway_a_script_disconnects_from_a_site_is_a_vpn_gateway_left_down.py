"""A PowerShell script that disconnects a gateway from a local network site by sending the request itself
(`Invoke-RestMethod` or `Invoke-WebRequest`, a PUT of an `UpdateConnection` body whose `Operation` is
`Disconnect` to `.../gateway/connection/<site>`) leaves the connection down as `Set-AzureVNetGateway
-Disconnect` does (MIG307), until a connection of the same network and site, by either. And a disconnection,
by the cmdlet or a request from PowerShell or Python, shows the gateway connected to that site by VPN: a
gateway a script creates is then no "may be ExpressRoute" gateway (MIG302), and moves with a site-to-site
connection to the site."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.cli import main

CREATE = 'New-AzureVNetGateway -VNetName "net1" -GatewayType "DynamicRouting" -GatewaySKU "Default"\n'
BODY = (
    '<UpdateConnection xmlns="http://schemas.microsoft.com/windowsazure">'
    "<Operation>OPERATION</Operation></UpdateConnection>"
)
URI = "https://management.core.windows.net/$sub/services/networking/NETWORK/gateway/connection/SITE"


def _request(
    operation: str, cmdlet: str = "Invoke-RestMethod", network: str = "net1", site: str = "site1"
) -> str:
    body = BODY.replace("OPERATION", operation)
    uri = URI.replace("NETWORK", network).replace("SITE", site)
    return f"{cmdlet} -Method PUT -Uri \"{uri}\" -Body '{body}' -Certificate $cert\n"


PY_DISCONNECT = (
    "from azure.servicemanagement import ServiceManagementService\n"
    'sms = ServiceManagementService("sub", "cert.pem")\n'
    f"sms.perform_put(\"/sub/services/networking/net1/gateway/connection/site1\", '{BODY}')\n"
).replace("OPERATION", "Disconnect")


def _mig307(tmp_path, monkeypatch, script: str) -> list[str]:
    found = lint_files(tmp_path, monkeypatch, {"maintenance.ps1": script}, "MIG307").findings
    return [f"{location} {f.message.split(': ')[0]}" for f, location in zip(found, where(found), strict=True)]


@pytest.mark.parametrize("cmdlet", ["Invoke-RestMethod", "Invoke-WebRequest", "irm", "iwr"])
def test_a_disconnect_request_never_undone_is_mig307(tmp_path, monkeypatch, cmdlet):
    script = '$sub = "0000"\n' + _request("Disconnect", cmdlet)
    assert _mig307(tmp_path, monkeypatch, script) == [
        "MIG307 maintenance.ps1:2:1 the script disconnects the gateway of virtual network 'net1' from local "
        "network site 'site1' and does not connect it again"
    ]


@pytest.mark.parametrize(
    "connect",
    [
        _request("Connect"),
        _request("Connect", network="NET1", site="Site1"),  # names are compared as the platform does
        'Set-AzureVNetGateway -Connect -VNetName "net1" -LocalNetworkSiteName "site1"\n',
        _request("Connect", site="$(Get-SiteName)"),  # may be the site disconnected: down on some path
    ],
    ids=["request", "other-case", "cmdlet", "unstated-site"],
)
def test_a_disconnect_request_connected_again_is_no_mig307_on_every_path(tmp_path, monkeypatch, connect):
    script = _request("Disconnect") + connect
    found = lint_files(tmp_path, monkeypatch, {"maintenance.ps1": script}, "MIG307").findings
    assert all(f.message.startswith("the script may leave the gateway") for f in found)


def test_a_request_connecting_another_site_leaves_the_disconnected_one_down(tmp_path, monkeypatch):
    script = _request("Disconnect") + _request("Connect", site="site2")
    assert len(_mig307(tmp_path, monkeypatch, script)) == 1


def test_a_request_given_the_script_parameters_is_connected_again_by_the_cmdlet_given_them(
    tmp_path, monkeypatch
):
    disconnect = "param($Net, $Site)\n" + _request("Disconnect", network="$Net", site="$Site")
    again = disconnect + "Set-AzureVNetGateway -Connect -VNetName $Net -LocalNetworkSiteName $Site\n"
    other = disconnect + "Set-AzureVNetGateway -Connect -VNetName $Net -LocalNetworkSiteName $Other\n"
    assert _mig307(tmp_path, monkeypatch, disconnect) == [
        "MIG307 maintenance.ps1:2:1 the script disconnects the gateway of virtual network "
        "'<network name, maintenance.ps1:2>' from local network site '<local site name, maintenance.ps1:2>' "
        "and does not connect it again"
    ]
    assert not _mig307(tmp_path, monkeypatch, again)
    assert len(_mig307(tmp_path, monkeypatch, other)) == 1


def test_a_test_request_disconnects_nothing(tmp_path, monkeypatch):
    assert not _mig307(tmp_path, monkeypatch, _request("Test"))


@pytest.mark.parametrize(
    "files",
    [
        {
            "gateway.ps1": CREATE
            + 'Set-AzureVNetGateway -Disconnect -VNetName "net1" -LocalNetworkSiteName "site1"\n'
        },
        {"gateway.ps1": CREATE + _request("Disconnect")},
        {"gateway.ps1": CREATE, "maintenance.py": PY_DISCONNECT},
    ],
    ids=["cmdlet", "powershell-request", "python-request"],
)
def test_a_created_gateway_a_script_disconnects_from_a_site_is_no_mig302(
    tmp_path, monkeypatch, capsys, files
):
    assert not lint_files(tmp_path, monkeypatch, files, "MIG302", dedent=False).findings
    main(["plan", "."])
    step = capsys.readouterr().out.partition("Virtual network: net1 ")[2].partition("\n\n")[0]
    assert "moves: the gateway of 'net1'\n" in step
    assert "moves: its site-to-site VPN connection to local network site 'site1'" in step
    assert "becomes: a local network gateway for 'site1', and a connection to it" in step


def test_a_created_gateway_a_script_only_tests_is_mig302(tmp_path, monkeypatch, capsys):
    files = {"gateway.ps1": CREATE + _request("Test")}
    assert lint_files(tmp_path, monkeypatch, files, "MIG302", dedent=False).findings
    main(["plan", "."])
    assert "site-to-site" not in capsys.readouterr().out
