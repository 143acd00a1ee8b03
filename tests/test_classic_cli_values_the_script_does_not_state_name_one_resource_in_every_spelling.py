"""A value a shell script does not state (a parameter, a variable a missing settings file sets) names one
resource wherever the classic CLI is given it: `--virtual-network-name=$VNET` as `-w $VNET`, the network
`network vnet create $VNET` makes as the one its VMs' `-w $VNET` joins, and `network vnet local-network
add net1 $SITE` is a site-to-site connection to a site the script does not name."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, script_resources, where

from migcheck.model import Deployment, VirtualNetwork, VnetGatewayFact
from migcheck.readers import shell


def _resources(script: str) -> tuple[object, ...]:
    document = shell.read("swarm.sh", ("source ./options.sh\n" + script).encode())
    return document.resources


def _networks_of_deployments(script: str) -> list[tuple[str, str]]:
    return [
        (r.service_name, r.virtual_network.name if r.virtual_network else "")
        for r in _resources(script)
        if isinstance(r, Deployment)
    ]


@pytest.mark.parametrize(
    "given", ["--virtual-network-name=$VNET", "--virtual-network-name $VNET", "-w $VNET"]
)
def test_a_network_given_in_any_spelling_is_the_one_network_of_the_variable(given: str) -> None:
    script = (
        f"azure vm create -n master {given} -b front $CS img user\n"
        f"azure vm create -n worker {given} -b front $CS img user --connect\n"
    )
    [(service, network)] = _networks_of_deployments(script)
    assert service == "<cloud service name, swarm.sh:2>"
    assert network.startswith("<virtual network name, swarm.sh:2:")


def test_an_option_written_whole_with_a_value_it_states_is_read_as_before() -> None:
    script = "azure vm create -n master --virtual-network-name=net1 -b front svc img user\n"
    assert _networks_of_deployments(script) == [("svc", "net1")]


def test_an_option_whose_value_is_built_from_a_variable_keeps_the_positionals_in_place() -> None:
    script = "azure vm create -n master --virtual-network-name=net-$ENV -b front svc img user\n"
    [(service, network)] = _networks_of_deployments(script)
    assert service == "svc" and network.startswith("<virtual network name, swarm.sh:2")


def test_master_and_connected_workers_in_the_network_the_script_states_nowhere_are_not_moved_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = """\
        source ./options.sh
        azure vm create -n swarm-master -e 22000 --virtual-network-name=$VNET_NAME $CS_NAME img u
        azure vm create -n swarm-00 -e 22001 --virtual-network-name=$VNET_NAME $CS_NAME img u --connect
        """
    result = lint_files(tmp_path, monkeypatch, {"create-swarm.sh": script}, "MIG105", "MIG103")
    assert where(result.findings) == []


def test_a_network_the_script_makes_under_a_name_it_does_not_state_is_defined() -> None:
    script = (
        "azure network vnet create $VNET -a myag -e 10.0.0.0 -i 8 -n front\n"
        "azure network vnet subnet create $VNET back -a 10.1.0.0/24\n"
        "azure vm create -n a -w $VNET -b front svc img u\n"
    )
    resources = _resources(script)
    [network] = [r for r in resources if isinstance(r, VirtualNetwork)]
    [deployment] = [r for r in resources if isinstance(r, Deployment)]
    assert deployment.virtual_network is not None
    assert network.name == "<virtual network name, swarm.sh:2:27>" == deployment.virtual_network.name
    assert network.affinity_group == "myag"
    assert [s.name for s in network.subnets] == ["front", "back"]


def test_a_network_made_under_a_name_the_script_does_not_state_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = """\
        VNET=$1
        azure network vnet create $VNET -a myag -e 10.0.0.0 -i 8
        azure vm create -n a -w $VNET -b nope svc img u
        """
    result = lint_files(tmp_path, monkeypatch, {"init.sh": script}, "MIG303", "MIG003")
    assert where(result.findings) == ["MIG303 init.sh:2:36", "MIG003 init.sh:3:34"]  # at the affinity group


def test_a_network_made_under_an_empty_name_is_not_made() -> None:
    assert not [
        r for r in _resources('azure network vnet create "" -l "West US"\n') if isinstance(r, VirtualNetwork)
    ]


@pytest.mark.parametrize("site", ["$1", "$SITE", "site1"])
def test_a_gateway_connected_to_a_site_is_not_taken_for_expressroute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, site: str
) -> None:
    script = f"""\
        azure network vpn-gateway create net1 -t DynamicRouting -k Default
        azure network vnet local-network add net1 {site}
        """
    assert where(lint_files(tmp_path, monkeypatch, {"gw.sh": script}, "MIG302").findings) == []


def test_a_gateway_nothing_connects_to_may_still_be_expressroute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = "azure network vpn-gateway create net1 -t DynamicRouting -k Default\n"
    assert where(lint_files(tmp_path, monkeypatch, {"gw.sh": script}, "MIG302").findings) == [
        "MIG302 gw.sh:1:1"
    ]


def test_a_site_the_script_does_not_name_is_a_connection_of_its_network_s_gateway() -> None:
    script = (
        "azure network vpn-gateway create $VNET -t DynamicRouting\n"
        "azure network vnet local-network add $VNET $SITE\n"
    )
    facts = [r for r in _resources(script) if isinstance(r, VnetGatewayFact)]
    assert [(f.vnet, f.how, f.local_site) for f in facts] == [
        ("<virtual network name, swarm.sh:2:34>", "azure network vpn-gateway create", ""),
        ("<virtual network name, swarm.sh:2:34>", "azure network vnet local-network add", ""),
    ]


def test_a_network_the_script_makes_connects_to_a_stand_in_site() -> None:
    script = (
        'azure network vnet create net1 -l "West US"\n'
        "azure network vpn-gateway create net1 -t DynamicRouting\n"
        "azure network vnet local-network add net1 $SITE\n"
    )
    [network] = [r for r in _resources(script) if isinstance(r, VirtualNetwork)]
    assert network.gateway is not None
    assert [c.local_site for c in network.gateway.connections] == ["<local site name, swarm.sh:4>"]


def test_in_powershell_an_option_glued_to_a_value_the_script_does_not_state_names_its_network() -> None:
    script = "param($VNet, $Svc)\nazure vm create -n vm1 --virtual-network-name=$VNet -b s1 $Svc img user\n"
    [deployment] = [r for r in script_resources(script, "deploy.ps1") if isinstance(r, Deployment)]
    assert deployment.service_name == "<cloud service name, deploy.ps1:2>"
    assert deployment.virtual_network is not None
    assert deployment.virtual_network.name.startswith("<virtual network name, deploy.ps1:2:")


EVALED = """\
    source ./settings.sh
    cmd="azure vm create -n a -w $vnet -b s1 -c $svc img u"
    eval $cmd
    cmd="azure vm create -n b -w $vnet -b s1 -c {other} -A as1 img u"
    eval $cmd
    """


def test_commands_built_as_strings_and_run_by_eval_name_one_service_per_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"cluster.sh": EVALED.format(other="$svc")}, "MIG103")
    assert where(result.findings) == ["MIG103 cluster.sh:3:1"]


def test_commands_run_by_eval_with_two_variables_name_two_services(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"cluster.sh": EVALED.format(other="$svc2")}, "MIG103")
    assert where(result.findings) == []


def test_the_network_of_an_eval_s_variable_is_named_where_the_variable_is_written() -> None:
    script = (
        'cmd="azure vm create -n a -w $vnet -b s1 svc img u"\n'
        "eval $cmd\n"
        'cmd="azure vm create -n b -w ${vnet} -b s1 -c svc img u"\n'
        "eval $cmd\n"
    )
    assert _networks_of_deployments(script) == [("svc", "<virtual network name, swarm.sh:2:30>")]


def test_a_value_built_around_an_eval_s_variable_keeps_its_shape() -> None:
    script = 'cmd="azure vm create -n a -w net-$env -b s1 svc img u"\neval "$cmd"\n'
    [(_, network)] = _networks_of_deployments(script)
    assert network.startswith("<virtual network name, swarm.sh:")


def test_a_command_line_a_shell_runs_holds_the_variable_s_network() -> None:
    script = (
        "azure vm create -n a -w $vnet -b s1 svc1 img u\n"
        'bash -c "azure vm create -n b -w $vnet -b s1 svc2 img u"\n'
    )
    assert _networks_of_deployments(script) == [
        ("svc1", "<virtual network name, swarm.sh:2:25>"),
        ("svc2", "<virtual network name, swarm.sh:2:25>"),
    ]
