"""Reading what a script passes to the management SDK's operations through names, parameters and the
changes made to dicts costs time linear in the script: many functions, each building its parameters and
called twice, cost twice as much when there are twice as many."""

from __future__ import annotations

from collections.abc import Callable

from growth import assert_linear

from migcheck.readers import read_document

VNET = "/subscriptions/1/resourceGroups/g/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1"


def _script(functions: int) -> bytes:
    lines = [
        "from azure.mgmt.web import WebSiteManagementClient",
        f'BASE = "{VNET}"',
        "web = WebSiteManagementClient(None, '1')",
    ]
    for i in range(functions):
        lines += [
            f"def create{i}(group='g{i}'):",
            f"    parameters = {{'virtual_network': {{'id': BASE + '/subnets/s{i}'}}}}",
            "    parameters['kind'] = 'ASEV1'",
            f"    web.app_service_environments.create_or_update(group, 'ase{i}', parameters)",
            f"create{i}()",
            f"create{i}(group='other')",
        ]
    return ("\n".join(lines) + "\n").encode()


def test_many_functions_that_build_their_parameters_are_read_in_linear_time() -> None:
    def make(functions: int) -> Callable[[], object]:
        data = _script(functions)
        return lambda: read_document("ops.py", data, explicit=True)

    assert_linear(make, 200)


def test_each_call_of_each_function_is_read() -> None:
    document = read_document("ops.py", _script(20), explicit=True)
    assert len(document.resources) == 40  # one for each call of each function: their groups differ
