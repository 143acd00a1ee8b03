"""`pytest --migcheck` passes a MIG208 warning as its severity says (`--migcheck-fail-on error`), but
Validate refuses the VM while its state lasts: the summary says so, as the plan and the badge count it."""

from __future__ import annotations

import pytest
from lint_support import JUMP_VM_STATE_DEPLOYMENT as DEPLOYMENT
from plugin_support import QUIET

pytest_plugins = ["pytester"]


@pytest.mark.parametrize(
    ("state", "said"),
    [
        ("RoleStateUnknown", "(passed, though 1 blocks the migration)"),
        ("StoppedDeallocated", "(passed)"),
    ],
)
def test_the_summary_says_a_passed_warning_still_blocks(
    pytester: pytest.Pytester, state: str, said: str
) -> None:
    pytester.makefile(".deployment.xml", jump=DEPLOYMENT.format(state=state))
    result = pytester.runpytest_inprocess("--migcheck", *QUIET, "--migcheck-select", "MIG208")
    result.stdout.fnmatch_lines([f"1 check of 1 file: * below error {said}, 0 suppressed"])
    assert ("MIG208 [warning] [blocker]" in result.stdout.str()) is (state == "RoleStateUnknown")
    assert result.ret == 0
