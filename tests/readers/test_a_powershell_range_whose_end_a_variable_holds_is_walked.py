"""A PowerShell range whose end a variable or a sum holds (`1..$last`, `(1..$n)`, `0..($n - 1)`),
which the grammar reads as a command when it starts with a number, is the numbers PowerShell makes of it:
a loop over it walks each, and one past the turns read one by one surely runs (`loop-turns-cut`)."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment, Script

CREATE = 'azure vm create "web$i" img azureuser -l "West US"'


def _services(text: str) -> list[str]:
    return [r.service_name for r in script_resources(text, "make.ps1") if isinstance(r, Deployment)]


@pytest.mark.parametrize(
    "loop",
    [
        f"$last = 3\nforeach ($i in 1..$last) {{ {CREATE} }}\n",
        f"$n = 3\nforeach ($i in (1..$n)) {{ {CREATE} }}\n",
        f"$n = 4\nforeach ($i in 1..($n - 1)) {{ {CREATE} }}\n",
        f"$last = 3\n1..$last | ForEach-Object {{ $i = $_; {CREATE} }}\n",
    ],
)
def test_a_range_whose_end_a_variable_holds_is_walked(loop):
    assert sorted(_services(loop)) == ["web1", "web2", "web3"]


def test_a_range_past_the_turns_read_whose_end_a_variable_holds_surely_runs():
    text = f"$last = 100\nforeach ($i in 1..$last) {{ {CREATE} }}\n"
    scripts = [r for r in script_resources(text, "make.ps1") if isinstance(r, Script)]
    assert [m.tag for s in scripts for m in s.unread] == ["loop-turns-cut"]
