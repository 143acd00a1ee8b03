"""A gateway a script connects to a local network site by VPN (`New-AzureVNetGateway`, then
`Set-AzureVNetGateway -Connect`) on a network no file describes moves with the network, as the same
network's gateway in a network configuration does."""

from __future__ import annotations

from migcheck.cli import main

SCRIPT = """\
New-AzureVNetGateway -VNetName "AzureVnet"
Set-AzureVNetGateway -Connect -LocalNetworkSiteName "LocalVnet" -VNetName "AzureVnet"
"""


def test_the_scripted_gateway_and_its_connection_move_with_the_network(tmp_path, monkeypatch, capsys):
    (tmp_path / "vnet.ps1").write_text(SCRIPT)
    monkeypatch.chdir(tmp_path)
    main(["plan", "."])
    out = capsys.readouterr().out
    assert "moves: the gateway of 'AzureVnet'" in out
    assert "moves: its site-to-site VPN connection to local network site 'LocalVnet'" in out
    assert "becomes: a local network gateway for 'LocalVnet', and a connection to it" in out


def test_a_gateway_created_but_never_connected_says_no_connection(tmp_path, monkeypatch, capsys):
    (tmp_path / "vnet.ps1").write_text(SCRIPT.splitlines()[0] + "\n")
    monkeypatch.chdir(tmp_path)
    main(["plan", "."])
    assert "site-to-site VPN connection" not in capsys.readouterr().out
