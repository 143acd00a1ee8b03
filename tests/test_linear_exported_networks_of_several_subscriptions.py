"""Application Gateways and circuit links name no subscription: when the exports span several, each is
placed in the one whose exported network or VMs bear its network's name. Finding that subscription must
not scan every network and VM for every gateway, link and finding: an export of n gateways over n networks
and n VMs costs linear time to check and plan."""

from __future__ import annotations

import json

from growth import assert_linear
from lint_support import graph_network, graph_page, graph_vm

A = "aaaaaaaa-0000-0000-0000-00000000000a"
B = "bbbbbbbb-0000-0000-0000-00000000000b"


def test_gateways_and_links_of_many_networks_in_two_subscriptions(tmp_path, monkeypatch, capsys):
    from migcheck.cli import main

    monkeypatch.chdir(tmp_path)

    def make(n: int):
        folder = tmp_path / f"n{n}"
        folder.mkdir(exist_ok=True)
        rows = [graph_network(A if i % 2 else B, f"net{i}") for i in range(n)]
        rows += [
            graph_vm(A if i % 2 else B, f"svc{i}", f"vm{i}", vnet=f"net{i}", subnet="AppGw") for i in range(n)
        ]
        gateways = [
            {
                "Name": f"gw{i}",
                "VnetName": f"net{i}",
                "Subnets": ["AppGw"],
                "InstanceCount": 2,
                "GatewaySize": "Medium",
                "State": "Running",
                "VirtualIPs": [],
                "DnsName": f"gw{i}.cloudapp.net",
            }
            for i in range(n)
        ]
        links = [{"State": "Provisioned", "VnetName": f"net{i}"} for i in range(n)]
        (folder / "classic.json").write_text(graph_page(*rows), encoding="utf-8")
        (folder / "appgw.json").write_text(json.dumps(gateways), encoding="utf-8")
        (folder / "links.json").write_text(json.dumps(links), encoding="utf-8")

        def work():
            main(["check", folder.name, "--format", "json", "--exit-zero"])
            main(["plan", folder.name, "--format", "json"])
            capsys.readouterr()

        return work

    assert_linear(make, 300)
