"""A Python script that calls the classic SDK by a method's name (`getattr(sms, "create_virtual_machine_
deployment")(...)`, `op = getattr(sms, request)` then `op(*args)` with `request` a string, or each item of a
list of them the script loops over) makes the call of that method: it is read as written so, where it was
not read at all. A name the script does not state (`getattr(sms, sys.argv[1])`) leaves the call unread, and
`check` says so, with why and what to write instead."""

from __future__ import annotations

import pytest
from lint_support import run_cli, script_resources

from migcheck.model import CALLED_BY_UNSTATED_NAME, Deployment, ReservedIp, Script

HEAD = """\
import sys
from azure.servicemanagement import ConfigurationSet, ServiceManagementService
sms = ServiceManagementService('sub', 'mgmt.pem')
net = ConfigurationSet()
args = ('svc1', 'svc1', 'production', 'svc1', 'web1', None, None, net)
"""

DEPLOYMENTS = [
    'getattr(sms, "create_virtual_machine_deployment")(*args)\n',
    'request = "create_virtual_machine_deployment"\nop = getattr(sms, request)\nop(*args)\n',
    'def deploy(client):\n    getattr(client, "create_virtual_machine_deployment")(*args)\ndeploy(sms)\n',
    'for request in ["create_virtual_machine_deployment"]:\n    op = getattr(sms, request)\n    op(*args)\n',
]


@pytest.mark.parametrize("calls", DEPLOYMENTS)
def test_a_deployment_created_by_the_method_s_name_is_read(calls: str) -> None:
    resources = script_resources(HEAD + calls)
    [deployment] = [r for r in resources if isinstance(r, Deployment)]
    assert (deployment.service_name, [role.name for role in deployment.roles]) == ("svc1", ["web1"])
    [script] = [r for r in resources if isinstance(r, Script)]
    assert "create_virtual_machine_deployment" in [call.name for call in script.calls]
    assert not script.unread


LOOP = """\
for request in [{requests}]:
    op = getattr(sms, request)
    op("vip1")
"""


@pytest.mark.parametrize(
    ("requests", "kept"),
    [
        ('"create_reserved_ip_address", "delete_reserved_ip_address"', []),
        ('"delete_reserved_ip_address", "create_reserved_ip_address"', ["vip1"]),
        ('"create_reserved_ip_address"', ["vip1"]),
    ],
)
def test_each_method_a_loop_names_is_called_in_its_turn(requests: str, kept: list[str]) -> None:
    resources = script_resources(HEAD + LOOP.format(requests=requests))
    assert [r.name for r in resources if isinstance(r, ReservedIp)] == kept


def test_a_method_name_the_script_does_not_state_leaves_the_call_unread(
    tmp_path, monkeypatch, capsys
) -> None:
    script = HEAD + "op = getattr(sms, sys.argv[1])\nop(*args)\n"
    [found] = [r for r in script_resources(script, "deploy.py") if isinstance(r, Script)]
    assert [(m.line, m.column, m.tag) for m in found.unread] == [(6, 6, CALLED_BY_UNSTATED_NAME)]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deploy.py").write_text(script)
    _, out, _ = run_cli(capsys, "check", ".")
    assert (
        "Not read as written: deploy.py:6:6: this line takes a method of a classic service by a name the script "
        "does not state (`getattr`)"
    ) in out
    assert "call the method by its name" in out


def test_getattr_on_an_object_of_the_script_s_own_is_not_said() -> None:
    script = HEAD + "sms.list_hosted_services()\nclass Tool:\n    pass\ngetattr(Tool(), sys.argv[1])()\n"
    [found] = [r for r in script_resources(script) if isinstance(r, Script)]
    assert not found.unread
