"""A `for` over `range(n)` whose bounds the script states by name (`count = 3`) is read turn by turn, as one
over `range(3)` is: the first turn's calls with the first turn's values (`i` is 0), each later one with its
own; a bound the script does not state (`int(sys.argv[1])`) leaves the loop read once, its counter unknown."""

from __future__ import annotations

from migcheck.model import Deployment
from migcheck.readers import read_document

HEADER = (
    "import sys\nfrom azure.servicemanagement import *\nsms = ServiceManagementService('sub', 'cert.pem')\n"
)
LOOP = """\
{bounds}
for i in range({args}):
    sms.create_virtual_machine_deployment('svc%d' % i, 'svc%d' % i, 'production', 'l', 'web',
        LinuxConfigurationSet('web', 'user', 'pw', True),
        OSVirtualHardDisk('img', 'https://acct.blob.core.windows.net/vhds/a.vhd'), role_size='Small',
        virtual_network_name='first-net' if i == first else None)
"""


def _networks(bounds: str, args: str) -> dict[str, str | None]:
    text = HEADER + LOOP.format(bounds=bounds, args=args)
    document = read_document("deploy.py", text.encode(), explicit=True)
    assert document is not None
    deployments = [r for r in document.resources if isinstance(r, Deployment)]
    return {str(d.name): d.virtual_network.name if d.virtual_network else None for d in deployments}


def test_a_range_to_a_stated_count_is_read_turn_by_turn_the_first_with_the_first_turns_values() -> None:
    expected = {"svc0": "first-net", "svc1": None, "svc2": None}
    assert _networks("first = 0\ncount = 3", "count") == expected
    assert _networks("first = 0", "3") == expected


def test_a_range_between_two_stated_bounds_starts_at_the_first() -> None:
    assert _networks("first = 2\nlow, high = 2, 4", "low, high") == {"svc2": "first-net", "svc3": None}


def test_a_range_to_a_count_not_stated_is_read_once() -> None:
    assert list(_networks("first = 0\ncount = int(sys.argv[1])", "count")) == [
        "<deployment name, deploy.py:7>"
    ]


WHILE = """\
first = 0
count = 2
i = 0
while i < count:
    sms.create_virtual_machine_deployment('svc%d' % i, 'svc%d' % i, 'production', 'l', 'web',
        LinuxConfigurationSet('web', 'user', 'pw', True),
        OSVirtualHardDisk('img', 'https://acct.blob.core.windows.net/vhds/a.vhd'), role_size='Small',
        virtual_network_name='first-net' if i == first else None)
    {step}
"""


def _while_networks(step: str) -> dict[str, str | None]:
    document = read_document("deploy.py", (HEADER + WHILE.format(step=step)).encode(), explicit=True)
    assert document is not None
    deployments = [r for r in document.resources if isinstance(r, Deployment)]
    return {str(d.name): d.virtual_network.name if d.virtual_network else None for d in deployments}


def test_a_while_counted_to_a_stated_count_is_read_turn_by_turn() -> None:
    assert _while_networks("i += 1") == {"svc0": "first-net", "svc1": None}


def test_a_while_whose_body_changes_its_bound_is_read_once() -> None:
    assert list(_while_networks("count -= 1\n    i += 1")) == ["<deployment name, deploy.py:8>"]
