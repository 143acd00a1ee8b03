"""Python scripts: values that reach the SDK's calls through the script's own functions, list concatenation,
and loops over items the script writes out. A helper that builds a network configuration is read with the
arguments of each call; a loop over a list of names is read turn by turn; and past the bounds (recursion,
the call budget, MAX_TURNS items), what is not followed stays unknown, as before."""

from __future__ import annotations

import pytest
from growth import assert_linear
from test_reader_python_network import PATH, check, found, read, source

from migcheck.model import Deployment, Role
from migcheck.readers import python_flow, python_script, read_document

VM = "sms.create_virtual_machine_deployment('{service}', '{service}', 'production', 'l', '{vm}', None, None"


def deployments(text: str) -> list[Deployment]:
    return [r for r in read(text).resources if isinstance(r, Deployment)]


def vms(text: str) -> list[Role]:
    return [role for deployment in deployments(text) for role in deployment.roles]


def only_vm(text: str) -> Role:
    (vm,) = vms(text)
    return vm


def subnets(vm: Role) -> tuple[list[str], bool]:
    """The subnets a VM is in, and whether the script may put it in others too."""
    return [ref.name for ref in vm.subnets], "subnets" in vm.unknown


# --- the script's own functions -----------------------------------------------------------------------

HELPER = """
def build_network(names):
    net = ConfigurationSet()
    for name in names:
        net.subnet_names.append(name)
    return net
"""


def test_a_network_configuration_a_helper_builds_from_its_arguments(tmp_path, monkeypatch):
    text = HELPER + VM.format(service="app", vm="app1") + ", build_network(['front', 'back']))\n"
    assert subnets(only_vm(text)) == (["front", "back"], False)
    assert found(check(tmp_path, monkeypatch, text), "MIG202") == [
        (8, 116, "VM 'app1' of cloud service 'app' is in 2 subnets (front, back)")
    ]


def test_a_helper_with_no_parameters_and_one_passed_in_a_dict_of_keyword_arguments():
    text = """
    def build_network():
        net = ConfigurationSet()
        net.subnet_names.append('front')
        net.subnet_names.append('back')
        return net

    options = {'service_name': 'app', 'deployment_name': 'app', 'deployment_slot': 'production',
               'label': 'app', 'role_name': 'app1', 'system_config': None, 'os_virtual_hard_disk': None,
               'network_config': build_network()}
    sms.create_virtual_machine_deployment(**options)
    """
    assert subnets(only_vm(text)) == (["front", "back"], False)


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        ("network(second='back')", ["front", "back"]),
        ("network('a', 'b', 'c')", ["a", "b", "c"]),
        ("network(*['a', 'b'], extra='c')", ["a", "b", "c"]),
        ("network(**{'first': 'a', 'second': 'b'})", ["a", "b"]),
        ("network('a', second='b', extra='c')", ["a", "b", "c"]),
        # what does not fit the signature, or passes what the script does not state
        ("network('a', first='b')", None),
        ("network(*names)", None),
        ("network(**options)", None),
    ],
)
def test_arguments_are_bound_as_python_binds_them(call, expected):
    text = f"""
    def network(first='front', second=None, *more, **options):
        net = ConfigurationSet()
        net.subnet_names.append(first)
        net.subnet_names.append(second)
        for name in more:
            net.subnet_names.append(name)
        for name in options.values():
            net.subnet_names.append(name)
        return net

    {VM.format(service="s", vm="vm")}, {call})
    """
    assert subnets(only_vm(text)) == ((expected, False) if expected else ([], True))


def test_a_helper_parameter_reaches_the_value_it_sets(tmp_path, monkeypatch):
    text = """
    def network(address):
        config = ConfigurationSet()
        config.subnet_names.append('app')
        config.static_virtual_network_ip_address = address
        return config

    sms.create_virtual_machine_deployment('shop', 'prod', 'production', 'l', 'web01', None, None,
                                          network('10.0.0.4'), virtual_network_name='vnet1')
    sms.add_role('shop', 'prod', 'app01', None, None, network('10.0.0.4'))
    """
    assert [(vm.name, [ip.name for ip in vm.static_ips]) for vm in vms(text)] == [
        ("web01", ["10.0.0.4"]),
        ("app01", ["10.0.0.4"]),
    ]
    assert [line for line, _, _ in found(check(tmp_path, monkeypatch, text), "MIG306")] == [11]


@pytest.mark.parametrize(
    "function",
    [
        # returns that differ, or a return that may not be reached
        "def network(wide):\n    if wide:\n        return ConfigurationSet()\n    return None",
        "def network(wide):\n    if wide:\n        return make()",
        # recursion
        "def network(depth):\n    return network(depth)",
        # a generator, and a function a decorator may replace
        "def network(n):\n    yield ConfigurationSet()",
        "@cache\ndef network(n):\n    net = ConfigurationSet()\n    return net",
        # defined twice, or a call that does not fit it
        "def network(n):\n    return ConfigurationSet()\ndef network(n):\n    return ConfigurationSet()",
        "def network():\n    return ConfigurationSet()",
    ],
)
def test_what_a_function_may_return_otherwise_is_unknown(function):
    # Called with a value the script does not state: a branch on it may go either way.
    text = function + "\n" + VM.format(service="s", vm="vm") + ", network(sys.argv[1]))\n"
    assert subnets(only_vm(text)) == ([], True)


def test_a_parameter_rebound_in_the_body_returns_what_it_was_bound_to():
    text = "def network(n):\n    n = ConfigurationSet()\n    return n\n"
    text += VM.format(service="s", vm="vm") + ", network(sys.argv[1]))\n"
    assert subnets(only_vm(text)) == ([], False)


def test_a_function_called_before_it_is_defined_is_unknown():
    text = (
        VM.format(service="s", vm="vm")
        + ", network())\n"
        + "def network():\n    net = ConfigurationSet()\n    net.subnet_names.append('a')\n    return net\n"
    )
    assert subnets(only_vm(text)) == ([], True)


def test_several_returns_of_one_name_and_a_default_read_where_the_function_is_defined():
    text = """
    VNET = 'prod-vnet'
    def vnet(kind, name=VNET):
        if kind == 'test':
            return name
        return name

    sms.create_virtual_machine_deployment('s', 'd', 'p', 'l', 'vm', None, None,
                                          virtual_network_name=vnet('prod'))
    """
    (deployment,) = deployments(text)
    assert deployment.virtual_network is not None and deployment.virtual_network.name == "prod-vnet"


def test_a_mutable_default_is_unknown():
    """Made once for every call: calls before may have changed it."""
    text = (
        """
    def network(net=ConfigurationSet()):
        net.subnet_names.append('a')
        return net

    """
        + VM.format(service="s", vm="vm")
        + ", network())\n"
    )
    assert subnets(only_vm(text)) == ([], True)


def test_past_the_call_budget_a_call_is_unknown_and_other_values_read_as_before(monkeypatch):
    text = (
        """
    def network():
        net = ConfigurationSet()
        net.subnet_names.append('a')
        return net

    VNET = 'prod-vnet'
    """
        + VM.format(service="s", vm="vm")
        + ", network(), virtual_network_name=VNET)\n"
    )
    original = python_flow.Flow.__init__

    def without_call_budget(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.call_budget = 0

    monkeypatch.setattr(python_flow.Flow, "__init__", without_call_budget)
    (deployment,) = deployments(text)
    assert subnets(deployment.roles[0]) == ([], True)
    assert deployment.virtual_network is not None and deployment.virtual_network.name == "prod-vnet"


# --- lists joined with + ------------------------------------------------------------------------------

BACKUP = (
    "backup = ResourceExtensionReference('snap', 'Microsoft.Azure.RecoveryServices', 'VMSnapshot', '1.0')\n"
)


def test_an_extension_in_a_concatenated_list_is_reported(tmp_path, monkeypatch):
    text = (
        BACKUP
        + "others = []\nsms.update_role('s', 'd', 'vm1', resource_extension_references=[backup] + others)\n"
    )
    assert [e.name for e in only_vm(text).extensions] == ["VMSnapshot"]
    assert [(line, column) for line, column, _ in found(check(tmp_path, monkeypatch, text), "MIG206")] == [
        (3, BACKUP.index("'VMSnapshot'") + 1)  # at the extension's name
    ]


@pytest.mark.parametrize("joined", ["[backup] + settings.extensions", "tuple(more) + (backup,)"])
def test_a_list_joined_with_one_the_script_does_not_state_keeps_its_known_items(joined):
    vm = only_vm(
        BACKUP + f"sms.add_role('s', 'd', 'vm1', None, None, resource_extension_references={joined})\n"
    )
    assert ([e.name for e in vm.extensions], "extensions" in vm.unknown) == (["VMSnapshot"], True)


def test_lists_joined_in_full_are_known_in_full():
    text = (
        "net = ConfigurationSet()\n"
        "net.subnet_names.extend(['front'] + ['back'])\n" + VM.format(service="s", vm="vm") + ", net)\n"
    )
    assert subnets(only_vm(text)) == (["front", "back"], False)


# --- loops over items the script writes out ----------------------------------------------------------


def test_vms_created_in_a_loop_over_availability_sets(tmp_path, monkeypatch):
    text = """
    net = ConfigurationSet()
    net.subnet_names.append('web')
    svc = 'front'
    sms.create_virtual_machine_deployment(svc, svc, 'production', svc, 'web1', None, None, net,
                                          availability_set_name='webset', virtual_network_name='prodvnet')
    for i, aset in enumerate(['webset', 'appset']):
        sms.add_role(svc, svc, 'web%d' % (i + 2), None, None, net, availability_set_name=aset)
    """
    assert [(vm.name, vm.availability_set) for vm in vms(text)] == [
        ("web1", "webset"),
        ("<VM name, deploy.py:9, turn 1>", "webset"),
        ("<VM name, deploy.py:9, turn 2>", "appset"),
    ]
    assert [(line, column) for line, column, _ in found(check(tmp_path, monkeypatch, text), "MIG102")] == [
        (8, 37)
    ]


def test_vms_created_in_a_loop_asking_for_one_static_address(tmp_path, monkeypatch):
    text = """
    def net_for(ip):
        n = ConfigurationSet()
        n.subnet_names.append('data')
        n.static_virtual_network_ip_address = ip
        return n

    for svc in ('dbA', 'dbB'):
        sms.create_virtual_machine_deployment(svc, svc, 'production', svc, svc + '-vm', None, None,
                                              net_for('10.0.2.10'), virtual_network_name='prodvnet')
    """
    assert [(d.service_name, [vm.name for vm in d.roles]) for d in deployments(text)] == [
        ("dbA", ["dbA-vm"]),
        ("dbB", ["dbB-vm"]),
    ]
    assert found(check(tmp_path, monkeypatch, text), "MIG306") == [
        (
            11,
            51,
            "VM 'dbB-vm' of cloud service 'dbB' asks for private IP 10.0.2.10, which VM 'dbA-vm' of cloud "
            "service 'dbA' asks for too, in virtual network 'prodvnet': Prepare fails on it, and Validate does "
            "not check it",
        )
    ]


def test_a_loop_over_the_items_of_a_dict():
    text = """
    SIZES = {'web1': 'Small', 'sql1': 'Large'}
    for name, size in SIZES.items():
        sms.add_role('shop', 'prod', name, None, None, role_size=size)
    """
    assert [(vm.name, vm.size) for vm in vms(text)] == [("web1", "Small"), ("sql1", "Large")]


def _names(count: int) -> str:
    return ", ".join(f"x{i}" for i in range(count))


def _row(service: str, count: int) -> str:
    """A service name and `count` numbers, as one item of a loop over rows."""
    return repr((service, *range(count)))


@pytest.mark.parametrize(
    "loop",
    [
        f"for svc in {[f's{i}' for i in range(python_flow.MAX_TURNS + 1)]}:",  # too many items
        "for svc in settings['services']:",  # items the script does not state
        "for svc in SERVICES:\n    SERVICES.append('more')",  # changed while it is gone over
        f"for svc, {_names(python_flow.MAX_TARGET - 1)} in [{_row('a', python_flow.MAX_TARGET - 1)}]:",  # too wide
    ],
)
def test_a_loop_whose_items_are_not_taken_one_by_one_is_read_once(loop):
    text = f"SERVICES = ['a', 'b']\n{loop}\n    sms.add_role(svc, 'd', 'vm', None, None)\n"
    assert [d.service_name for d in deployments(text)] == [""]


def test_a_loop_whose_target_has_max_target_parts_is_taken_turn_by_turn():
    """A tuple of a service name and MAX_TARGET - 2 other names: the widest target unpacked at each turn."""
    others = python_flow.MAX_TARGET - 2
    loop = f"for svc, {_names(others)} in [{_row('a', others)}, {_row('b', others)}]:"
    text = f"{loop}\n    sms.add_role(svc, 'd', 'vm', None, None)\n"
    assert [d.service_name for d in deployments(text)] == ["a", "b"]


def test_a_loop_whose_turns_name_no_deployment_is_read_once():
    """Each turn would be a deployment no rule can tell apart from the others'."""
    text = (
        "for size in ['Small', 'Large']:\n    sms.add_role(service, 'd', 'vm', None, None, role_size=size)\n"
    )
    assert [(d.service_name, [vm.size for vm in d.roles]) for d in deployments(text)] == [("", [""])]


def test_changes_a_loop_makes_to_an_object_before_it_are_possible_in_its_later_turns():
    """In its second turn, the list holds what the first turn appended as well."""
    text = """
    net = ConfigurationSet()
    for name in ['front', 'back']:
        net.subnet_names.append(name)
        sms.add_role('s', 'd', name, None, None, net)
    """
    assert [(vm.name, subnets(vm)) for vm in vms(text)] == [
        ("front", (["front"], False)),
        ("back", ([], True)),
    ]


@pytest.mark.parametrize("leave", ["break", "continue"])
def test_a_loop_whose_turns_may_end_early_changes_an_object_possibly(leave):
    text = (
        f"""
    net = ConfigurationSet()
    for name in ['front', 'back']:
        net.subnet_names.append(name)
        if name == 'front':
            {leave}
    """
        + VM.format(service="s", vm="vm")
        + ", net)\n"
    )
    assert subnets(only_vm(text)) == ([], True)


def test_a_loop_variable_bound_again_in_the_loop_is_unknown():
    text = """
    for name in ['a', 'b']:
        name = name.upper()
        sms.add_role('s', 'd', name, None, None)
    """
    assert [vm.name for vm in vms(text)] == [
        "<VM name, deploy.py:5, turn 1>",
        "<VM name, deploy.py:5, turn 2>",
    ]


ADD_ROLE = "sms.add_role(svc, 'd', 'vm', None, None)"


@pytest.mark.parametrize(
    "loop",
    [
        f"for svc in ['a', 'b']:\n    {ADD_ROLE}\n    break\n",
        f"for svc in ['a', 'b']:\n    if ready(svc):\n        {ADD_ROLE}\n        break\n",
        f"for svc in ['a', 'b']:\n    try:\n        {ADD_ROLE}\n        break\n    except Exception:\n        pass\n",
        f"def first():\n    for svc in ['a', 'b']:\n        {ADD_ROLE}\n        return svc\nfirst()\n",
        f"for svc in ['a', 'b']:\n    {ADD_ROLE}\n    for attempt in [1, 2]:\n        return\n",
    ],
    ids=["break", "break under an if", "break in a try", "return", "return in a nested loop"],
)
def test_a_loop_a_break_or_a_return_may_end_early_is_read_once(loop):
    """A retry over names until one is free: the call runs for one of them, or a few, not certainly all."""
    assert [d.service_name for d in deployments(loop)] == [""]


@pytest.mark.parametrize(
    "loop",
    [
        f"for svc in ['a', 'b']:\n    if not ready(svc):\n        continue\n    {ADD_ROLE}\n",
        f"for svc in ['a', 'b']:\n    for attempt in [1, 2]:\n        break\n    {ADD_ROLE}\n",
        f"for svc in ['a', 'b']:\n    while True:\n        break\n    {ADD_ROLE}\n",
        f"for svc in ['a', 'b']:\n    def check():\n        return True\n    {ADD_ROLE}\n",
    ],
    ids=["continue", "break of a nested for", "break of a nested while", "return of a nested function"],
)
def test_a_continue_or_a_loop_ended_inside_the_body_keeps_the_turns(loop):
    """A `continue` skips one item, as an `if` around the call would; a `break` of a loop nested in the body
    and a `return` of a function defined in it leave the turns of the loop around them whole."""
    assert [d.service_name for d in deployments(loop)] == ["a", "b"]


def test_a_loop_with_a_break_around_a_call_keeps_the_turns_of_the_loop_around_it():
    text = f"for svc in ['a', 'b']:\n    for vm in ['x', 'y']:\n        {ADD_ROLE}\n        break\n"
    assert [d.service_name for d in deployments(text)] == ["a", "b"]


def test_a_retry_over_names_asks_for_one_static_address_once(tmp_path, monkeypatch):
    text = """
    def network():
        net = ConfigurationSet()
        net.subnet_names.append('data')
        net.static_virtual_network_ip_address = '10.0.0.4'
        return net

    for svc in ['db', 'db-2', 'db-3']:
        try:
            sms.create_virtual_machine_deployment(svc, svc, 'production', svc, 'db01', None, None, network(),
                                                  virtual_network_name='prodvnet')
            break
        except AzureHttpError:
            print('name taken, trying the next one')
    """
    assert found(check(tmp_path, monkeypatch, text), "MIG306") == []


@pytest.mark.parametrize("items", ["[]", "()", "{}", "EMPTY", "enumerate([])"])
def test_a_loop_over_no_items_runs_no_call(items):
    text = f"EMPTY = []\nfor svc in {items}:\n    {ADD_ROLE}\n    break\n"
    assert deployments(text) == []


def test_a_loop_over_no_items_in_one_turn_of_the_loop_around_it():
    text = f"for svc, vms in [('a', []), ('b', ['b1'])]:\n    for vm in vms:\n        {ADD_ROLE}\n"
    assert [d.service_name for d in deployments(text)] == ["b"]


def test_a_vm_created_in_a_loop_over_no_items_is_not_checked(tmp_path, monkeypatch):
    text = """
    LEGACY_SERVICES = []
    for svc in LEGACY_SERVICES:
        net = ConfigurationSet()
        net.subnet_names.append('A')
        net.subnet_names.append('B')
        sms.create_virtual_machine_deployment(svc, svc, 'production', svc, svc + '-vm', None, None, net,
                                              virtual_network_name='prodvnet')
    """
    assert found(check(tmp_path, monkeypatch, text), "MIG202") == []


# --- cost -------------------------------------------------------------------------------------------------


def test_cost_is_linear_in_the_calls_of_a_helper():
    """Each call of the helper is followed with its own arguments: doubling the calls doubles the work."""

    def make(n: int):
        calls = "".join(
            VM.format(service=f"s{i}", vm="vm") + f", build_network(['a{i}', 'b{i}']))\n" for i in range(n)
        )
        data = source(HELPER + calls).encode()
        return lambda: read_document(PATH, data, explicit=True)

    assert_linear(make, 200)
    first, *_ = vms(HELPER + VM.format(service="s", vm="vm") + ", build_network(['a', 'b']))\n")
    assert subnets(first) == (["a", "b"], False)


def test_cost_is_linear_when_a_long_helper_is_called_many_times():
    """n calls of a helper that makes n changes: past the call budget a call is unknown, not read again."""

    def make(n: int):
        appends = "".join(f"    net.subnet_names.append('s{i}')\n" for i in range(n))
        calls = "".join(VM.format(service=f"s{i}", vm="vm") + ", network())\n" for i in range(n))
        data = source(f"def network():\n    net = ConfigurationSet()\n{appends}    return net\n{calls}")
        encoded = data.encode()
        return lambda: read_document(PATH, encoded, explicit=True)

    assert_linear(make, 600)


def test_cost_is_linear_when_functions_call_each_other_in_a_chain():
    """Each function calls the one before it twice: 2^n calls if they were all followed."""

    def make(n: int):
        chain = "".join(f"def f{i}():\n    return [f{i - 1}(), f{i - 1}()]\n" for i in range(1, n))
        data = source(
            "def f0():\n    return ConfigurationSet()\n"
            + chain
            + VM.format(service="s", vm="vm")
            + f", f{n - 1}())\n"
        )
        return lambda: read_document(PATH, data, explicit=True)

    assert_linear(make, 400)


def test_cost_is_linear_in_the_calls_inside_loops():
    """Each of n loops over MAX_TURNS items reads its call once per item, and each loop's variable is
    found among the n loops that bind the same name without looking at every one."""

    def make(n: int):
        items = [f"s{i}" for i in range(python_flow.MAX_TURNS)]
        loops = "".join(
            f"for svc in {items}:\n    sms.add_role(svc, 'd{i}', 'vm', None, None)\n" for i in range(n)
        )
        data = source(loops).encode()
        return lambda: read_document(PATH, data, explicit=True)

    assert_linear(make, 100)


def test_cost_is_linear_in_calls_of_a_helper_with_many_parameters():
    """n/4 calls of a helper with n parameters, each passing none: the helper's parameters are worked out
    once, not at each call, and a call that leaves one without a value is refused without a look at all."""

    def make(n: int):
        parameters = ", ".join(f"p{i}" for i in range(n))
        calls = "sms.create_reserved_ip_address(f(), f(), f())\n" * (n // 4)
        data = source(f"def f({parameters}):\n    return 'x'\n{calls}").encode()
        return lambda: read_document(PATH, data, explicit=True)

    assert_linear(make, 1000)


def test_cost_is_linear_in_the_calls_inside_a_loop_with_a_wide_target(monkeypatch):
    """A loop over MAX_TURNS items whose target unpacks 4n names, around n/20 calls: a target wider than
    MAX_TARGET is not unpacked at each turn of each call, the loop is read once. The budget is raised so
    that it does not cut the work short: the work it does not count must stay linear too."""
    monkeypatch.setattr(python_script, "BUDGET_PER_BYTE", 5.0)

    def make(n: int):
        target = ", ".join(f"t{i}" for i in range(4 * n))
        calls = "".join(f"    {VM.format(service='s', vm=f'vm{i}')})\n" for i in range(n // 20))
        data = source(f"for {target} in {list(range(python_flow.MAX_TURNS))}:\n{calls}").encode()
        return lambda: read_document(PATH, data, explicit=True)

    assert_linear(make, 400)


def test_cost_is_linear_in_the_reads_after_a_loop_with_a_wide_target(monkeypatch):
    """The changes a loop with a target of n names makes to an object, read by n/20 calls after it (with a
    budget raised as above)."""
    monkeypatch.setattr(python_script, "BUDGET_PER_BYTE", 5.0)

    def make(n: int):
        target = ", ".join(f"t{i}" for i in range(n))
        reads = "".join(
            f"{VM.format(service=f's{i}', vm='vm')}, network_config=net)\n" for i in range(n // 20)
        )
        data = source(
            "net = ConfigurationSet()\n"
            f"for {target} in {list(range(python_flow.MAX_TURNS))}:\n"
            "    net.subnet_names.append('front')\n" + reads
        ).encode()
        return lambda: read_document(PATH, data, explicit=True)

    assert_linear(make, 400)


def test_cost_is_linear_in_the_uses_of_a_long_template():
    """A template of 50n characters filled in by n/2 calls: what it builds is longer than MAX_TEXT, and is
    unknown without a scan of the whole template at each call."""

    def make(n: int):
        calls = "sms.add_role(T.format('s'), 'd', 'vm', None, None)\n" * (n // 2)
        data = source(f"T = '{{}}{'x' * 50 * n}'\n{calls}").encode()
        return lambda: read_document(PATH, data, explicit=True)

    assert_linear(make, 500)


@pytest.mark.parametrize(
    ("expression", "port"),
    [("8000 + 80", "8080"), ("'80' + '80'", "8080"), ("8000 + '80'", ""), ("80.5 + 1", "")],
)
def test_numbers_are_added_and_strings_joined(expression: str, port: str):
    """A port the script computes: "" when it is not known (a string and a number raise TypeError)."""
    vm = only_vm(
        f"""
        net = ConfigurationSet()
        net.input_endpoints.input_endpoints.append(ConfigurationSetInputEndpoint('web', 'tcp', {expression}, 80))
        {VM.format(service="svc", vm="vm1")}, network_config=net)
        """
    )
    assert [endpoint.port for endpoint in vm.endpoints] == [port]


def test_cost_is_linear_in_reads_after_a_loop_of_many_changes():
    """Each read of a name after a loop replays the loop's changes turn by turn: charged to the budget."""

    def make(n: int):
        items = "[" + ",".join(f"'i{i}'" for i in range(64)) + "]"
        body = "    D.pop('a')\n" * n
        calls = "sms.create_reserved_ip_address(D, 'l', 'x')\n" * (n // 4)
        data = source(f"D = {{}}\nfor x in {items}:\n{body}{calls}").encode()
        return lambda: read_document(PATH, data, explicit=True)

    assert_linear(make, 128)


def test_a_number_too_long_to_write_in_decimal_is_unknown():
    """`0xfff...` of 4,000 digits: str() refuses it past 4,300 decimal digits; no rule reads such a number."""
    document = read(f"N = 0x{'f' * 4000}\n" + VM.format(service="svc", vm="vm1") + ", role_size=N)\n")
    kinds = [type(r).__name__ for r in document.resources]
    assert [k for k in kinds if k in ("Script", "Deployment")] == ["Script", "Deployment"]


def test_cost_is_linear_in_names_unpacked_from_a_tuple(monkeypatch):
    """n names bound in one assignment, from a tuple written out and from a name holding a list of as many
    items, each read by a call (with a budget raised as above): a name reads its own part of a tuple written
    out, and a target wider than MAX_TARGET is not unpacked from a name, which each of its names would read
    again in full."""
    monkeypatch.setattr(python_script, "BUDGET_PER_BYTE", 5.0)

    def make(n: int):
        names = [f"t{i}" for i in range(n)]
        values = ", ".join(f"'as{i}'" for i in range(n))
        calls = "".join(
            f"{VM.format(service=f's{i}', vm='vm')}, availability_set_name={name})\n"
            for i, name in enumerate(names)
        )
        data = source(
            f"{', '.join(names)} = {values}\nALL = [{values}]\n"
            f"{', '.join(name.replace('t', 'u') for name in names)} = ALL\n"
            + calls
            + calls.replace("=t", "=u")
        ).encode()
        return lambda: read_document(PATH, data, explicit=True)

    assert_linear(make, 200)
