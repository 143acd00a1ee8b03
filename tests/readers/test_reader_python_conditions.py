"""Python scripts: the classic loop that creates the deployment with its first VM and adds the others with
`add_role`. Conditions whose values the reader knows on a path and turn (a `first` flag, the count of
`enumerate`, an item of a dict) are decided, so each VM is read once, from the call that runs for it; what
may have changed unseen decides nothing, and both branches are read as before."""

from __future__ import annotations

import pytest
from test_reader_python_network import read

from migcheck.model import Deployment, Role

VMS = """
VMS = [
    {"name": "web01", "port": 22001, "avset": "as-a"},
    {"name": "web02", "port": 22002},
]
"""
CREATE = (
    "sms.create_virtual_machine_deployment(service_name='svc', deployment_name='svc', "
    "deployment_slot='production', label='l', role_name=vm['name'], system_config=None, "
    "os_virtual_hard_disk=None, availability_set_name={avset})"
)
ADD = (
    "sms.add_role(service_name='svc', deployment_name='svc', role_name=vm['name'], system_config=None, "
    "os_virtual_hard_disk=None, availability_set_name={avset})"
)


def roles(text: str) -> dict[str, Role]:
    found: dict[str, Role] = {}
    for resource in read(text).resources:
        if isinstance(resource, Deployment):
            found.update((role.name, role) for role in resource.roles)
    return found


def loop(test: str, before: str = "", after_create: str = "", avset: str = "'web-as'") -> str:
    return (
        VMS
        + before
        + "for vm in VMS:\n"
        + f"    if {test}:\n"
        + f"        {CREATE.format(avset=avset)}\n"
        + (f"        {after_create}\n" if after_create else "")
        + "    else:\n"
        + f"        {ADD.format(avset='None')}\n"
    )


def test_a_first_flag_reads_the_create_for_the_first_vm_and_add_role_for_the_rest():
    found = roles(loop("first", before="first = True\n", after_create="first = False"))
    assert sorted(found) == ["web01", "web02"]
    assert (found["web01"].availability_set, found["web02"].availability_set) == ("web-as", "")


def test_the_vm_is_known_in_add_role_after_a_helper_that_only_reads_it_in_the_other_branch():
    text = "def disk(vm):\n    return vm['name']\n" + loop(
        "first", before="first = True\n", after_create="disk(vm)\nfirst = False".replace("\n", "\n        ")
    )
    assert sorted(roles(text)) == ["web01", "web02"]


def test_a_comparison_with_an_item_of_the_turn_decides_the_branch():
    found = roles(loop("vm['name'] == 'web01'"))
    assert sorted(found) == ["web01", "web02"]
    assert found["web02"].availability_set == ""


def test_the_count_of_enumerate_decides_the_branch():
    text = loop("index == 0").replace("for vm in VMS:", "for index, vm in enumerate(VMS):")
    assert sorted(roles(text)) == ["web01", "web02"]
    assert roles(text)["web02"].availability_set == ""


def test_not_and_or_in_and_none_are_decided():
    text = loop("not (vm['name'] != 'web01' or vm.get('avset') is None) and vm['name'] in ['web01', 'x']")
    found = roles(text)
    assert (found["web01"].availability_set, found["web02"].availability_set) == ("web-as", "")


def test_a_flag_a_function_may_change_as_a_global_decides_nothing():
    text = loop(
        "first",
        before="first = True\ndef reset():\n    global first\n    first = False\n",
        after_create="first = False",
    )
    assert "web02" in roles(text)
    # Both calls are read for it, as before: only one of them runs, so its availability set is either's.
    assert roles(text)["web02"].availability_set == ""
    assert "availability_set" in roles(text)["web02"].unknown


def test_a_flag_set_in_a_loop_whose_items_are_not_known_decides_nothing():
    text = (
        "import sys\nfirst = True\nfor vm in sys.argv:\n    if first:\n"
        f"        {CREATE.format(avset='None')}\n        first = False\n    else:\n"
        f"        {ADD.format(avset='None')}\n"
    )
    assert len(roles(text)) == 2  # each call is read once, its VM unnamed


def test_a_branch_that_never_runs_describes_nothing():
    text = VMS + "DRY = True\nfor vm in VMS:\n    if not DRY:\n        " + CREATE.format(avset="None") + "\n"
    assert roles(text) == {}


def test_get_on_a_literal_dict_gives_the_item_or_the_default():
    text = loop("first", before="first = True\n", after_create="first = False", avset="vm.get('avset', 'x')")
    text = text.replace("availability_set_name=None", "availability_set_name=vm.get('avset', 'dflt')")
    found = roles(text)
    assert (found["web01"].availability_set, found["web02"].availability_set) == ("as-a", "dflt")
    assert "availability_set" not in found["web02"].unknown


def test_keyword_arguments_from_a_dict_built_of_the_turn_item():
    text = (
        VMS
        + "for index, vm in enumerate(VMS):\n"
        + "    common = dict(service_name='svc', deployment_name='svc', role_name=vm['name'],"
        + " system_config=None, os_virtual_hard_disk=None, availability_set_name=vm.get('avset', 'as-b'))\n"
        + "    if index == 0:\n"
        + "        sms.create_virtual_machine_deployment(deployment_slot='production', label='l', **common)\n"
        + "    else:\n"
        + "        sms.add_role(**common)\n"
    )
    found = roles(text)
    assert (found["web01"].availability_set, found["web02"].availability_set) == ("as-a", "as-b")


def test_the_head_and_rest_of_a_list_known_in_full():
    text = (
        VMS
        + "head = VMS[0]\nrest = VMS[1:]\n"
        + CREATE.format(avset="'as-a'").replace("vm['name']", "head['name']")
        + "\nfor vm in rest:\n    "
        + ADD.format(avset="None")
        + "\n"
    )
    assert sorted(roles(text)) == ["web01", "web02"]


def test_the_head_and_rest_of_a_list_unpacked_in_one_assignment():
    text = (
        VMS
        + "head, rest = VMS[0], VMS[1:]\n"
        + CREATE.format(avset="'as-a'").replace("vm['name']", "head['name']")
        + "\nfor vm in rest:\n    "
        + ADD.format(avset="None")
        + "\n"
    )
    assert sorted(roles(text)) == ["web01", "web02"]


@pytest.mark.parametrize(
    ("assignment", "expected"),
    [
        ("service, avset = 'svc', 'as-x'", ("svc", "as-x", True)),
        ("[service, avset] = ['svc', 'as-x']", ("svc", "as-x", True)),
        ("(service, (avset, other)) = ('svc', ('as-x', 1))", ("svc", "as-x", True)),
        ("PAIR = ('svc', 'as-x')\nservice, avset = PAIR", ("svc", "as-x", True)),
        ("PAIRS = [['svc', 'as-x']]\n(service, avset), = PAIRS", ("svc", "as-x", True)),
        # What the script does not state, or does not state as unpacked: not followed.
        ("PAIR = ['svc', 'as-x', 'more']\nservice, avset = PAIR", ("", "", False)),
        ("service, *avset = 'svc', 'as-x'", ("", "", False)),
        ("service, avset = load()", ("", "", False)),
        ("service, avset = 'sv'", ("", "", False)),
    ],
)
def test_names_unpacked_from_a_tuple_the_script_writes_out(assignment, expected):
    text = (
        assignment
        + "\nsms.create_virtual_machine_deployment(service, service, 'production', 'l', 'vm1', None, None, "
        + "availability_set_name=avset)\n"
    )
    deployments = [r for r in read(text).resources if isinstance(r, Deployment)]
    (vm,) = deployments[0].roles
    service, avset, known = expected
    assert (deployments[0].service_name, vm.availability_set) == (service, avset)
    assert ("availability_set" not in vm.unknown) is known
