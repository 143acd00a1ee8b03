"""A name a Python script binds again on a branch holds, where a read may not take that branch, either value.

`acct = 'store' + x` then `if prod: acct = 'prod' + x` names, at `create_storage_account(acct, ...)`, one of
two accounts: the reader never takes the one the branch alone builds as the account, nor a blob address a
branch binds as the one a read in the `else` sees. Such a value is told apart as a whole (a stand-in, the
same wherever the script reads it again unchanged), never by the pieces of one branch's value."""

from __future__ import annotations

import json

from lint_support import run_cli

HEAD = """\
import sys
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk
sms = ServiceManagementService('sub', 'cert.pem')
"""

VM = """\
{indent}sms.create_virtual_machine_deployment(service_name='svc1', deployment_name='svc1',
{indent}    deployment_slot='production', label='l', role_name='vm1',
{indent}    system_config=LinuxConfigurationSet('h', 'u', 'p', True),
{indent}    os_virtual_hard_disk=OSVirtualHardDisk('img', media), role_size='Small')
"""


def _storage(tmp_path, monkeypatch, capsys, body: str) -> list[str]:
    (tmp_path / "deploy.py").write_text(HEAD + body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    steps = json.loads(out)["subscriptions"][0]["steps"]
    return sorted(s["moves"][0] for s in steps if s["kind"] == "storage")


def test_an_account_name_a_branch_builds_again_is_not_the_account_of_a_blob_built_like_it(
    tmp_path, monkeypatch, capsys
):
    body = (
        "acct = 'store' + sys.argv[2]\n"
        "if sys.argv[1] == 'prod':\n"
        "    acct = 'prod' + sys.argv[2]\n"
        "sms.create_storage_account(acct, 'd', 'l', location='West US')\n"
        "media = 'https://prod' + sys.argv[2] + '.blob.core.windows.net/vhds/vm1.vhd'\n"
    ) + VM.format(indent="")
    assert _storage(tmp_path, monkeypatch, capsys, body) == [
        "storage account '<storage account name, deploy.py:12>' (1 disk)",
        "storage account '<storage account name, deploy.py:7>' (the files name no disk or image in it)",
    ]


def test_a_blob_address_bound_on_the_if_branch_is_not_the_one_the_else_branch_reads(
    tmp_path, monkeypatch, capsys
):
    body = (
        "sms.create_storage_account(sys.argv[3], 'd', 'l', location='West US')\n"
        "media = 'https://' + sys.argv[2] + '.blob.core.windows.net/vhds/vm1.vhd'\n"
        "if sys.argv[1] == 'prod':\n"
        "    media = 'https://' + sys.argv[3] + '.blob.core.windows.net/vhds/vm1.vhd'\n"
        "else:\n"
    ) + VM.format(indent="    ")
    assert _storage(tmp_path, monkeypatch, capsys, body) == [
        "storage account '<storage account name, deploy.py:12>' (1 disk)",
        "storage account '<storage account name, deploy.py:4>' (the files name no disk or image in it)",
    ]


def test_a_blob_address_bound_on_the_branch_the_read_is_in_is_that_address(tmp_path, monkeypatch, capsys):
    body = (
        "sms.create_storage_account(sys.argv[3], 'd', 'l', location='West US')\n"
        "media = 'https://' + sys.argv[2] + '.blob.core.windows.net/vhds/vm1.vhd'\n"
        "if sys.argv[1] == 'prod':\n"
        "    media = 'https://' + sys.argv[3] + '.blob.core.windows.net/vhds/vm1.vhd'\n"
    ) + VM.format(indent="    ")
    assert _storage(tmp_path, monkeypatch, capsys, body) == [
        "storage account '<storage account name, deploy.py:4>' (1 disk)"
    ]


def test_a_name_bound_on_either_branch_and_read_twice_is_one_account(tmp_path, monkeypatch, capsys):
    body = (
        "if sys.argv[1] == 'prod':\n"
        "    acct = 'prod' + sys.argv[2]\n"
        "else:\n"
        "    acct = 'store' + sys.argv[2]\n"
        "sms.create_storage_account(acct, 'd', 'l', location='West US')\n"
        "media = 'https://' + acct + '.blob.core.windows.net/vhds/vm1.vhd'\n"
    ) + VM.format(indent="")
    assert _storage(tmp_path, monkeypatch, capsys, body) == [
        "storage account '<storage account name, deploy.py:8>' (1 disk)"
    ]


def test_a_service_name_bound_again_on_a_branch_is_a_stand_in_for_either(tmp_path, monkeypatch, capsys):
    body = (
        "name = 'svc-a'\n"
        "if sys.argv[1] == 'prod':\n"
        "    name = 'svc-b'\n"
        "sms.create_hosted_service(service_name=name, label='l', location='West US')\n"
        "media = 'https://st.blob.core.windows.net/vhds/vm1.vhd'\n"
    ) + VM.format(indent="").replace(
        "service_name='svc1', deployment_name='svc1'", "service_name=name, deployment_name=name"
    )
    (tmp_path / "deploy.py").write_text(HEAD + body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    services = [s["name"] for s in json.loads(out)["subscriptions"][0]["steps"] if s["kind"] == "service"]
    assert services == ["<cloud service name, deploy.py:9>"]
    _, summary, _ = run_cli(capsys, "check", ".")
    assert "svc-a" not in summary and "svc-b" not in summary


RESERVED = """\
import sys
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService('sub', 'cert.pem')
name = 'rip-' + sys.argv[2]
if sys.argv[1] == 'prod':
    name = 'rip-prod-' + sys.argv[2]
sms.create_reserved_ip_address(name, location='West US')
sms.associate_reserved_ip_address({given}, service_name='svc1', deployment_name='svc1')
"""


def test_a_reserved_ip_named_by_one_branchs_name_is_not_the_one_created_under_either(
    tmp_path, monkeypatch, capsys
):
    from lint_support import script_resources

    from migcheck.model import Deployment

    def reserved(given: str) -> list[str]:
        resources = script_resources(RESERVED.format(given=given), "deploy.py")
        return [d.reserved_ip.name for d in resources if isinstance(d, Deployment) and d.reserved_ip]

    assert reserved("'rip-prod-' + sys.argv[2]") == []
    assert reserved("name") == ["<reserved IP name, deploy.py:7>"]
