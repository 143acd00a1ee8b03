"""A Python `if` was decided by a literal alone (`if False:`, `if 0:`): `if not True:`, `if 1 == 0:` or
`if "a" != "a":` was read as a branch that may run, and `if not False:` as one that may not, though none
depends on what the script is run with, as bash's `! true` and `[ 1 -eq 0 ]` do not. Each is now decided as
written, for the SDK's calls and for the classic CLI's command lines alike; a comparison of values of two
kinds (`1 == "1"`) or of anything not written out is never guessed."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Script

CLI = 'subprocess.call(["azure", "vm", "create", "shop", "img", "ops", "Passw0rd!", "--location", "West US"])'
SDK = 'sms.create_hosted_service("shop", "shop", location="West US")'
HEADER = 'import subprocess\nfrom azure.servicemanagement import ServiceManagementService\nsms = ServiceManagementService("s", "c.pem")\n'


def _runs(test: str, call: str) -> list[str]:
    resources = script_resources(f"{HEADER}if {test}:\n    {call}\n", "deploy.py")
    return [c.runs for r in resources if isinstance(r, Script) for c in r.calls if "create" in c.name]


@pytest.mark.parametrize("call", [CLI, SDK], ids=["classic CLI", "SDK"])
@pytest.mark.parametrize("test", ["not True", "1 == 0", '"a" != "a"', "2 < 1", "not not 0"])
def test_a_test_of_literals_that_fails_never_runs_its_body(test, call):
    assert _runs(test, call) == ["never"]


@pytest.mark.parametrize("call", [CLI, SDK], ids=["classic CLI", "SDK"])
@pytest.mark.parametrize("test", ["not False", "1 != 0", '"a" == "a"', "-1 <= 0"])
def test_a_test_of_literals_that_holds_surely_runs_its_body(test, call):
    assert _runs(test, call) == [""]


@pytest.mark.parametrize("test", ['1 == "1"', "x == 0", "not x", "1 == 0 == 0"])
def test_a_test_of_values_not_written_out_or_of_two_kinds_is_not_decided(test):
    assert _runs(test, CLI) == ["maybe"]
