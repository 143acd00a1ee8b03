"""The usual cluster builder's loop creates the deployment at its first turn and adds a VM to it at each
later one: `for i, name in enumerate(names): if i == 0: create_virtual_machine_deployment(...) else:
add_role(...)`. The creation has run whenever `add_role` runs, so a creation given no virtual network puts
the deployment in none on every path: MIG105 says it is in none, and no MIG203 says it may be in a network.
A loop that may skip the creation at its first turn (a `continue` before it, a counter bound again, a test
that is not the first turn's) leaves `add_role` joining a deployment that may exist already."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Deployment
from migcheck.readers import read_document

BUILDER = """\
import sys
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService('sub', 'cert.pem')
svc = sys.argv[1]
{loop}
    vm_name = svc + '-' + str(i)
    {before}
    if {test}:
        sms.create_virtual_machine_deployment(svc, deployment_name=svc, deployment_slot='production',
            label=vm_name, role_name=vm_name, system_config=None, os_virtual_hard_disk=None, role_size='Small')
    else:
        sms.add_role(svc, deployment_name=svc, role_name=vm_name, system_config=None,
            os_virtual_hard_disk=None, role_size='Small')
"""
COUNTED = "for i in range(int(sys.argv[2])):"


def _deployments(loop: str = COUNTED, test: str = "i == 0", before: str = "pass") -> list[Deployment]:
    text = BUILDER.format(loop=loop, test=test, before=before)
    document = read_document("build.py", text.encode(), explicit=True)
    assert document is not None
    return [r for r in document.resources if isinstance(r, Deployment)]


@pytest.mark.parametrize(
    ("loop", "test"),
    [
        (COUNTED, "i == 0"),
        (COUNTED, "0 == i"),
        (COUNTED, "not i"),
        ("for i in range(0, int(sys.argv[2])):", "i == 0"),
        ("for i, name in enumerate(sys.argv[2:]):", "i == 0"),
        ("for i, name in enumerate(sys.argv[2:], start=0):", "i == 0"),
    ],
)
def test_a_deployment_created_at_the_first_turn_is_in_no_network(loop: str, test: str):
    (deployment,) = _deployments(loop, test)
    assert deployment.virtual_network is None
    assert deployment.network_known


@pytest.mark.parametrize(
    ("loop", "test", "before"),
    [
        (COUNTED, "i == 1", "pass"),
        ("for i in range(1, int(sys.argv[2])):", "i == 0", "pass"),
        ("for i, name in enumerate(sys.argv[2:], 1):", "i == 0", "pass"),
        (COUNTED, "i == 0", "i = int(sys.argv[3])"),
        (COUNTED, "i == 0", "if sys.argv[3]: continue"),
        ("for i in sys.argv[2:]:", "i == 0", "pass"),
    ],
)
def test_a_loop_that_may_not_create_it_first_leaves_the_network_open(loop: str, test: str, before: str):
    (deployment,) = _deployments(loop, test, before)
    assert not deployment.network_known


def test_the_first_turn_creation_gets_the_definite_finding(tmp_path, monkeypatch):
    text = BUILDER.format(loop=COUNTED, test="i == 0", before="pass")
    found = lint_files(tmp_path, monkeypatch, {"build.py": text}, "MIG105", "MIG203", dedent=False).findings
    assert [f.code for f in found] == ["MIG105"]
    assert "is in no virtual network" in found[0].message
