"""A network that scripts name (a gateway made on it, VMs placed in it) but no file checked defines is only
known by its members: its definition may hold what blocks it (a gateway connected to ExpressRoute, or to a
site the files do not show: MIG301, MIG302; other cloud services in it). Its readiness row reads "Not
decided: the network's definition is not in the files" and its plan step is not ready, with a note saying
to export the network configuration (Get-AzureVNetConfig -ExportToFile) and add it; the badge never reads
"ready" over it. The same network beside a configuration that defines it passes as before, and so does one
an export shows in a migration already (Validate has passed it)."""

from __future__ import annotations

import json

from lint_support import APP_VNET_NETCFG, run_cli

# A VM in 'app-vnet', made by a script; APP_VNET_NETCFG defines the network.
VM = """\
$vm = New-AzureVMConfig -Name "app01" -InstanceSize Small -ImageName "img"
$vm = Set-AzureSubnet -VM $vm -SubnetNames "web"
New-AzureVM -ServiceName "app-svc" -Location "West Europe" -VNetName "app-vnet" -VMs $vm
"""

UNDECIDED = "Not decided: the network's definition is not in the files"


def _network_step(tmp_path, monkeypatch, capsys, files: dict[str, str]) -> dict:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    steps = json.loads(out)["subscriptions"][0]["steps"]
    [network] = [s for s in steps if s["kind"] == "network"]
    return network


def test_a_network_only_a_script_places_vms_in_is_not_decided(tmp_path, monkeypatch, capsys):
    step = _network_step(tmp_path, monkeypatch, capsys, {"deploy.ps1": VM})
    assert (step["name"], step["ready"], step["network_undefined"]) == ("app-vnet", False, True)
    assert not step["blockers"]
    [note] = [n for n in step["notes"] if isinstance(n, str) and n.startswith("No file checked here defines")]
    assert "Get-AzureVNetConfig -ExportToFile" in note and "'app-vnet'" in note
    _, text, _ = run_cli(capsys, "plan", ".")
    assert (
        "Virtual network: app-vnet [wave 1] — NOT READY (not decided: the network's definition is not" in text
    )
    _, summary, _ = run_cli(capsys, "check", ".")
    lines = summary.splitlines()
    [at] = [n for n, line in enumerate(lines) if line.strip().startswith("app-vnet (not defined")]
    assert UNDECIDED in lines[at] + lines[at + 1]  # its verdict, beside it or below it
    _, badge, _ = run_cli(capsys, "badge", ".", "--format", "shields")
    assert "1 network not decided" in json.loads(badge)["message"]


def test_the_same_network_beside_its_definition_is_ready(tmp_path, monkeypatch, capsys):
    files = {"deploy.ps1": VM, "net.netcfg": APP_VNET_NETCFG}
    step = _network_step(tmp_path, monkeypatch, capsys, files)
    assert (step["name"], step["ready"], "network_undefined" in step) == ("app-vnet", True, False)
    _, summary, _ = run_cli(capsys, "check", ".")
    assert UNDECIDED not in summary
    _, badge, _ = run_cli(capsys, "badge", ".", "--format", "shields")
    assert "network not decided" not in json.loads(badge)["message"]


def test_a_gateway_made_on_a_network_no_file_defines_is_not_decided(tmp_path, monkeypatch, capsys):
    script = 'New-AzureVNetGateway -VNetName "hub" -GatewayType DynamicRouting\n'
    step = _network_step(tmp_path, monkeypatch, capsys, {"gateway.ps1": script})
    assert (step["name"], step["ready"], step["network_undefined"]) == ("hub", False, True)


def test_a_network_an_export_shows_prepared_already_is_decided(tmp_path, monkeypatch, capsys):
    vm = {
        "ServiceName": "svc1",
        "Name": "vm1",
        "DeploymentName": "svc1",
        "VirtualNetworkName": "vnet1",
        "VM": {
            "RoleName": "vm1",
            "ConfigurationSets": [{"ConfigurationSetType": "NetworkConfiguration", "SubnetNames": ["Sub1"]}],
            "MigrationState": "Prepared",
        },
    }
    step = _network_step(tmp_path, monkeypatch, capsys, {"vms.json": json.dumps([vm])})
    assert (step["name"], step["ready"], "network_undefined" in step) == ("vnet1", True, False)
    assert "No file checked here defines this network: only its members are known." in step["notes"]


def test_items_left_out_of_a_long_scope_not_decided_for_either_reason_are_tallied_together():
    from migcheck.report.readiness import ScopeItem
    from migcheck.report.readiness_text import _tally

    network = ScopeItem("hub", "VirtualNetwork", {}, network_undefined=True)
    services = ScopeItem("app-vnet", "VirtualNetwork", {}, partly_described=True)
    assert _tally([network, services]) == "2 not decided"
