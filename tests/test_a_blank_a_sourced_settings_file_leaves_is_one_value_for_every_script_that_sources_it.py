"""A settings file that leaves its values blank for the user to fill in (`VNETNAME=` under "set these
before running"), sourced by two scripts beside it, is filled in once: every script that sources it is given
the same value. The network and the cloud service both scripts name by such a blank are one each, their
stand-ins named where the settings file leaves them blank, where each script named one of its own where it
first used the blank."""

from __future__ import annotations

SETTINGS = """\
    # Set these before running the scripts
    SERVICE=
    VNETNAME=
    SUBNET=
    """

FILES = {
    "common.sh": SETTINGS,
    "init.sh": """\
        #!/bin/bash
        source common.sh
        azure network vnet create --vnet $VNETNAME -e 10.0.0.0 -i 8 -l "West Europe"
        azure vm create $SERVICE ubuntu ops Pa55w.rd! -n web1 -w $VNETNAME -b $SUBNET -l "West Europe"
        """,
    "add.sh": """\
        #!/bin/bash
        source common.sh
        azure vm create $SERVICE ubuntu ops Pa55w.rd! -n web2 -w $VNETNAME -b $SUBNET --connect
        """,
}


def test_both_scripts_place_their_vms_in_one_network_and_one_cloud_service(plan_of):
    plan = plan_of(FILES)
    [network] = [step for step in plan.steps if step.id.startswith("network:")]
    assert network.name == "<virtual network name, common.sh:3:1>"
    assert network.moves[1:] == ("cloud service '<cloud service name, common.sh:2:1>': VMs web2, web1",)
    named = [step.name for step in plan.steps if step.name.startswith(("<virtual network", "<cloud service"))]
    assert named == [network.name]


def test_a_script_s_own_blank_is_still_named_where_the_script_first_uses_it(plan_of):
    own = {"init.sh": SETTINGS + FILES["init.sh"].replace("source common.sh\n", "")}
    plan = plan_of(own)
    [network] = [step for step in plan.steps if step.id.startswith("network:")]
    assert network.name.startswith("<virtual network name, init.sh:6:")
