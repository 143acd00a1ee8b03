"""The classic CLI's networks and subnets named by values the script does not state (`"$1"`, a variable set
from a parameter): `network vnet create -n $SUBNET` makes its one subnet all the same, shown by the value's
stand-in, and `network vnet subnet create|set|delete` and `network vnet delete` given the values a `vnet create`
was given act on what it made, as they do on names the script states. A subnet whose name is not stated
may be any: a VM placed in another subnet of that network is not a name that points nowhere. And a value
a script takes from a checked script that only echoes it (`VNET=$(./values.sh)`) is that value."""

from __future__ import annotations

from lint_support import APP_VNET_NETCFG, lint_files, script_resources, where

from migcheck.model import Subnet, VirtualNetwork

CREATE = 'azure network vnet create {vnet} -l "West Europe" -e 10.0.0.0 -i 16 -n {subnet} -p 10.0.1.0 -r 24\n'


def _networks(script: str) -> dict[str, list[tuple[str, str | None]]]:
    """The networks the script makes, by name, with each subnet's name and prefix."""
    return {
        r.name: [(s.name, s.prefix.text if s.prefix else None) for s in r.subnets]
        for r in script_resources(script, "net.sh")
        if isinstance(r, VirtualNetwork)
    }


def test_vnet_create_given_a_subnet_name_it_does_not_state_makes_that_subnet():
    script = "SUBNET=$1\n" + CREATE.format(vnet="app-vnet", subnet="$SUBNET")
    assert _networks(script) == {"app-vnet": [("<subnet name, net.sh:2>", "10.0.1.0/24")]}


def test_subnet_commands_given_the_values_vnet_create_was_given_change_its_network():
    script = (
        "VNET=$1\nSUBNET=$2\n"
        + CREATE.format(vnet="$VNET", subnet="$SUBNET")
        + "azure network vnet subnet create $VNET data -a 10.0.2.0/24\n"
        + "azure network vnet subnet set $VNET $SUBNET -a 10.0.3.0/24\n"
        + "azure network vnet subnet create $VNET old -a 10.0.4.0/24\n"
        + "azure network vnet subnet delete $VNET old\n"
    )
    assert _networks(script) == {
        "<virtual network name, net.sh:3:27>": [
            ("<subnet name, net.sh:3>", "10.0.3.0/24"),
            ("data", "10.0.2.0/24"),
        ]
    }


def test_vnet_delete_given_the_value_vnet_create_was_given_deletes_that_network():
    script = (
        "VNET=$1\n" + CREATE.format(vnet="$VNET", subnet="web") + "azure network vnet delete $VNET --quiet\n"
    )
    assert _networks(script) == {}


def test_a_subnet_added_by_a_name_the_script_does_not_state_may_be_the_one_a_vm_is_placed_in(
    tmp_path, monkeypatch
):
    script = (
        "SUBNET=$1\n"
        + CREATE.format(vnet="app-vnet", subnet="web")
        + "azure network vnet subnet create app-vnet $SUBNET -a 10.0.2.0/24\n"
        + "azure vm create shop img user pass -w app-vnet -b data -n web1\n"
    )
    assert _networks(script)["app-vnet"][1] == ("<subnet name, net.sh:3>", "10.0.2.0/24")
    assert lint_files(tmp_path, monkeypatch, {"net.sh": script}, "MIG003").findings == []


def test_a_subnet_deleted_by_a_name_the_script_does_not_state_leaves_the_others():
    script = (
        "SUBNET=$1\n"
        + CREATE.format(vnet="app-vnet", subnet="web")
        + "azure network vnet subnet delete app-vnet $SUBNET\n"
    )
    assert _networks(script) == {"app-vnet": [("web", "10.0.1.0/24")]}


def test_a_value_a_checked_script_echoes_is_that_value_where_that_script_writes_it(tmp_path, monkeypatch):
    files = {
        "NetworkConfig.netcfg": APP_VNET_NETCFG,
        "values.sh": '#!/bin/bash\n# the network the VMs go in\necho "prod-vnet"\n',
        "subnet.sh": "echo web2\n",
        "deploy.sh": (
            "VNET=$(./values.sh)\n"
            'SUBNET=$(bash "$(dirname "$0")/subnet.sh")\n'
            "azure vm create shop img user pass -w $VNET -b $SUBNET -n web1\n"
        ),
    }
    # from the opening quote of the value echoed
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG003").findings) == ["MIG003 values.sh:3:6"]
    files["values.sh"] = 'echo "app-vnet"\n'
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG003").findings) == ["MIG003 subnet.sh:1:6"]


def test_a_script_that_does_more_than_echo_a_value_or_is_looked_up_by_name_gives_none(tmp_path, monkeypatch):
    for values, run in [
        ('echo "$1"\n', "./values.sh"),  # a value it does not state
        ('az account show\necho "prod-vnet"\n', "./values.sh"),  # another command
        ('echo -e "prod-vnet"\n', "./values.sh"),  # an option
        ('echo "prod-vnet"\n', "values.sh"),  # a command on the PATH
        ('echo "prod-vnet"\n', "./values.sh prod"),  # given arguments
    ]:
        files = {
            "NetworkConfig.netcfg": APP_VNET_NETCFG,
            "values.sh": values,
            "deploy.sh": f"VNET=$({run})\nazure vm create shop img user pass -w $VNET -n web1\n",
        }
        assert lint_files(tmp_path, monkeypatch, files, "MIG003").findings == [], (values, run)


def test_a_subnet_added_to_a_network_the_script_neither_makes_nor_states_is_described_nowhere():
    script = "VNET=$1\nazure network vnet subnet create $VNET data -a 10.0.2.0/24\n"
    assert [r for r in script_resources(script, "net.sh") if isinstance(r, Subnet)] == []
