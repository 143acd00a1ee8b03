"""Python scripts: a model object held in a shallow copy of a dict, or in a dict a function of the script
returns, is the object the script changes afterwards.

`dict(base)`, `copy.copy(base)` and `base.copy()` make a new container holding the very objects `base`
holds, as `{**base}` does: a subnet added to the network configuration afterwards is in the copy too. A
function passed the object returns a value that holds it too: a change made to it afterwards is not left out
of that value (it is unknown there), so no VM is told it has no subnet when it has some."""

from __future__ import annotations

import textwrap

import pytest
from growth import assert_linear
from test_python_containers import ROLES, findings, names, position, subnets

from migcheck.readers import read_document

HEADER = """\
import copy
import azure.servicemanagement
from azure.servicemanagement import ConfigurationSet

conn = azure.servicemanagement.ServiceManagementService("3f2a9c1e-5b7d-4e8f-9a01-2b3c4d5e6f70", "mgmt.pem")
"""


def script(body: str) -> str:
    """A script of the SDK's era: the header, then `body`, dedented."""
    return HEADER + textwrap.dedent(body).lstrip("\n")


CALL = (
    'conn.create_virtual_machine_deployment("svc", "svc", "production", "vm1", "vm1", None, None, **{kw})\n'
)

# --- 1. a shallow copy of a dict holds the objects the dict holds ----------------------------------------------

COPIED = script(
    """
    net = ConfigurationSet()
    net.configuration_set_type = "NetworkConfiguration"
    base = {{"network_config": net, "virtual_network_name": "vnet1"}}
    kw = {copy}
    net.subnet_names.append("front")
    net.subnet_names.append("back")
    """
)


@pytest.mark.parametrize(
    "copy", ["dict(base)", "copy.copy(base)", "base.copy()", "dict(base, role_size='Small')"]
)
def test_a_subnet_added_after_a_dict_is_copied_is_in_the_copy(tmp_path, monkeypatch, copy):
    text = COPIED.format(copy=copy) + CALL.format(kw="kw")
    assert subnets(text) == {"vm1": ("front", "back")}
    assert findings(tmp_path, monkeypatch, text, "MIG202") == ["MIG202 deploy.py:" + position(text, '"back"')]


def test_what_a_copy_of_a_dict_is_given_is_not_in_the_dict_it_copies():
    text = COPIED.format(copy="dict(base)") + 'kw["network_config"] = None\n' + CALL.format(kw="base")
    assert subnets(text) == {"vm1": ("front", "back")}


def test_a_copy_of_a_dict_with_no_subnet_added_still_has_none(tmp_path, monkeypatch):
    text = script(
        """
        net = ConfigurationSet()
        base = {"network_config": net, "virtual_network_name": "vnet1"}
        kw = dict(base)
        """
    ) + CALL.format(kw="kw")
    assert findings(tmp_path, monkeypatch, text, "MIG203") == [
        "MIG203 deploy.py:" + position(text, "create_")
    ]


@pytest.mark.parametrize(
    "copy",
    [
        pytest.param("dict = print\nkw = dict(base)", id="the script's own dict"),
        pytest.param("kw = copy.deepcopy(base)", id="deep copy"),
    ],
)
def test_what_is_not_a_shallow_copy_is_not_read_as_one(copy):
    text = COPIED.replace("kw = {copy}", copy) + CALL.format(kw="kw")
    assert subnets(text) != {"vm1": ("front", "back")}


# --- 2. a dict a function returns holds the object passed to it ---------------------------------------------------

HELPER = script(
    """
    def base_kwargs(net):
        return {"network_config": net, "virtual_network_name": "vnet1"}


    net = ConfigurationSet()
    net.configuration_set_type = "NetworkConfiguration"
    kw = base_kwargs(net)
    """
)


def test_a_subnet_added_after_a_function_returns_a_dict_holding_the_object_is_not_left_out(
    tmp_path, monkeypatch
):
    text = (
        HELPER + 'net.subnet_names.append("front")\nnet.subnet_names.append("back")\n' + CALL.format(kw="kw")
    )
    assert subnets(text) == {"vm1": None}
    assert findings(tmp_path, monkeypatch, text, "MIG203") == []


def test_a_dict_a_function_returns_is_read_as_it_was_when_nothing_changes_after(tmp_path, monkeypatch):
    text = HELPER.replace("kw = base_kwargs(net)", 'net.subnet_names.append("front")\nkw = base_kwargs(net)')
    text += CALL.format(kw="kw")
    assert subnets(text) == {"vm1": ("front",)}
    nothing = HELPER + CALL.format(kw="kw")
    assert findings(tmp_path, monkeypatch, nothing, "MIG203") == [
        "MIG203 deploy.py:" + position(nothing, "create_")
    ]


def test_many_copies_of_dicts_changed_after_cost_linear_time():
    def make_text(n: int) -> str:
        return script(
            "".join(
                f"net{i} = ConfigurationSet()\n"
                f'base{i} = {{"network_config": net{i}, "virtual_network_name": "vnet1"}}\n'
                f"kw{i} = dict(base{i})\n"
                f'net{i}.subnet_names.append("front")\n'
                f'conn.create_virtual_machine_deployment("svc", "svc", "production", "vm{i}", "vm{i}", None, None,'
                f" **kw{i})\n"
                for i in range(n)
            )
        )

    def make(n: int):
        data = make_text(n).encode()
        return lambda: read_document("deploy.py", data, explicit=True)

    assert subnets(make_text(2)) == {"vm0": ("front",), "vm1": ("front",)}
    assert_linear(make, 100)


# --- 3. a generator expression nothing iterates runs nothing -------------------------------------------------------

ADD = 'conn.add_role("svc", "svc", n, None, None)'


@pytest.mark.parametrize(
    "adds",
    [
        pytest.param(f'pending = ({ADD} for n in ("b1", "b2"))', id="bound, never read"),
        pytest.param(f'({ADD} for n in ("b1", "b2"))', id="dropped"),
        pytest.param(f"pending: object = ({ADD} for n in names())", id="annotated, items unknown"),
        pytest.param(f'pending = (list({ADD} for n in ("b1",)) for m in (1, 2))', id="inside another"),
        pytest.param(f'pending = (n for n in ("b1", "b2") if {ADD})', id="in its test"),
        pytest.param(
            f'def add(n):\n    {ADD}\n\n\npending = (add(n) for n in ("b1", "b2"))', id="a function it calls"
        ),
    ],
)
def test_the_sdk_calls_of_a_generator_nothing_iterates_never_run(adds):
    assert names(ROLES.format(adds=adds)) == ["a1"]


@pytest.mark.parametrize(
    "adds",
    [
        pytest.param(
            f'pending = ({ADD} for n in ("b1", "b2"))\nfor each in pending:\n    pass', id="iterated"
        ),
        pytest.param(f'pending = ({ADD} for n in ("b1", "b2"))\nresults = list(pending)', id="listed"),
        pytest.param(f'wait({ADD} for n in ("b1", "b2"))', id="passed on"),
        pytest.param(f'def pending():\n    return ({ADD} for n in ("b1", "b2"))', id="returned"),
    ],
)
def test_a_generator_the_script_may_iterate_adds_one_vm_it_does_not_name(adds):
    (added,) = [name for name in names(ROLES.format(adds=adds)) if name != "a1"]
    assert added.startswith("<VM name, deploy.py:")


def test_a_call_in_the_iterable_of_a_generator_runs_when_the_generator_is_made():
    adds = 'pending = (role for role in [conn.add_role("svc", "svc", "b1", None, None)])'
    assert names(ROLES.format(adds=adds)) == ["a1", "b1"]


def test_a_generator_nothing_iterates_puts_no_vm_in_another_availability_set(tmp_path, monkeypatch):
    text = script(
        """
        net = ConfigurationSet()
        net.subnet_names.append("front")
        conn.create_virtual_machine_deployment("svc", "svc", "production", "vm0", "vm0", None, None, net,
                                               virtual_network_name="prod", availability_set_name="as1")
        pending = (conn.add_role("svc", "svc", n, None, None, availability_set_name="as2") for n in ("b1",))
        """
    )
    assert findings(tmp_path, monkeypatch, text, "MIG102") == []
    consumed = text + "results = list(pending)\n"
    assert findings(tmp_path, monkeypatch, consumed, "MIG102") == [
        "MIG102 deploy.py:" + position(text, '"as2"')
    ]
