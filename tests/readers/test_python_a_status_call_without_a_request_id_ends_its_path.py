"""A call of the SDK's operation status methods that leaves out the request id (`status = sms.get_operation_status()`)
raises a TypeError before it sends anything, as a call the SDK refuses does (see `python_flow.REFUSALS`): what the
script creates after it on that path is not created. Given the id, the path goes on."""

from __future__ import annotations

import pytest
from test_reader_python_network import read

from migcheck.model import StorageAccountType

ACCOUNT = (
    "sms.create_storage_account('acct2', 'd', 'l', location='West Europe', account_type='Premium_LRS')\n"
)


@pytest.mark.parametrize(
    ("wait", "made"),
    [
        ("status = sms.get_operation_status()", False),
        ("sms.wait_for_operation_status(sleep_interval=5)", False),
        ("print(sms.get_operation_status(op.request_id))", True),
        ("sms.wait_for_operation_status(op.request_id)", True),
    ],
    ids=["status without the id", "wait without the id", "status of the id", "wait for the id"],
)
def test_a_storage_account_after_a_status_call_without_a_request_id_is_not_made(wait, made) -> None:
    script = (
        "op = sms.create_hosted_service('front', 'front', location='West Europe')\n" + wait + "\n" + ACCOUNT
    )
    accounts = [r for r in read(script).resources if isinstance(r, StorageAccountType)]
    assert bool(accounts) is made
