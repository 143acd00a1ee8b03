"""A Python list grown with `+=` a list, or through a second name for it (`names = roles` then
`names.append(x)`, both bound once), holds what is added, for the loops and maps that read it, as a
PowerShell array does: each reserved IP they create is named. A second name bound again is another
object: what is added to it is not added to the first."""

from __future__ import annotations

import textwrap

import pytest
from lint_support import script_resources

from migcheck.model import ReservedIp

HEAD = """\
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService("11111111-2222-3333-4444-555555555555", "mgmt.pem")
"""
CREATE = "sms.create_reserved_ip_address({}, 'ip', 'West Europe')"


def _reserved(body: str) -> list[str]:
    text = HEAD + textwrap.dedent(body).format(create=CREATE.format("name"))
    return sorted(r.name for r in script_resources(text, "ips.py") if isinstance(r, ReservedIp))


LOOP = """
for name in names:
    {create}
"""
MAP = """
def create(name):
    {create}

list(map(create, names))
"""


@pytest.mark.parametrize("reader", [LOOP, MAP], ids=["loop", "map"])
@pytest.mark.parametrize(
    "grown",
    [
        "names = ['web-ip']\nnames += ['db-ip']\n",
        "names = []\nfor tier in ['web', 'db']:\n    names += [tier + '-ip']\n",
        "roles = ['web-ip']\nnames = roles\nroles.append('db-ip')\n",
        "names = ['web-ip']\nmore = names\nmore.append('db-ip')\n",
        "names = ['web-ip']\nmore = names\nmore.extend(['db-ip'])\n",
    ],
    ids=["plus equals", "plus equals in a loop", "read through the second name", "appended", "extended"],
)
def test_every_item_added_is_created(grown, reader):
    assert _reserved(grown + reader) == ["db-ip", "web-ip"]


def test_a_second_name_bound_again_does_not_change_the_first():
    body = "names = ['web-ip']\nmore = names\nmore = ['db-ip']\nmore.append('app-ip')\n" + LOOP
    assert "app-ip" not in _reserved(body) and "db-ip" not in _reserved(body)
