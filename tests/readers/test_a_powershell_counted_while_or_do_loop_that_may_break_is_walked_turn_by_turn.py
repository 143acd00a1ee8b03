"""A PowerShell `while`, `do` or `for` loop whose rounds the script counts is walked turn by turn when its body
may `break` or `continue`, as a `foreach` over a list is: a counter compared with a whole number (`if ($i -gt
1) { break }`, in a `foreach` too) is decided in each turn, so the turns after the one that breaks do not run;
a `continue` goes on with the next turn. A `continue` written before the statement that steps a `while`'s counter may skip it,
so the rounds are not counted and the loop is read once."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment

CREATE = 'azure vm create "web$i" img azureuser -l "West US"'


def _services(text: str) -> list[str]:
    return sorted(r.service_name for r in script_resources(text, "make.ps1") if isinstance(r, Deployment))


@pytest.mark.parametrize(
    "loop",
    [
        f"$i = 1\nwhile ($i -le 3) {{ {CREATE}; if ($i -gt 1) {{ break }}; $i++ }}\n",
        f"$i = 1\ndo {{ {CREATE}; if ($i -ge 2) {{ break }}; $i++ }} while ($i -le 3)\n",
        f"$i = 1\ndo {{ {CREATE}; if (2 -le $i) {{ break }}; $i += 1 }} until ($i -gt 3)\n",
        f"for ($i = 1; $i -le 3; $i++) {{ {CREATE}; if ($i -gt 1) {{ break }} }}\n",
        f"foreach ($i in 1..3) {{ {CREATE}; if ($i -gt 1) {{ break }} }}\n",
    ],
    ids=["while", "do-while", "do-until", "for", "foreach"],
)
def test_the_turns_after_the_one_that_breaks_do_not_run(loop):
    assert _services(loop) == ["web1", "web2"]


def test_a_continue_goes_on_with_the_next_turn_unless_it_may_skip_the_step():
    after_step = f"$i = 0\nwhile ($i -lt 3) {{ $i++; if ($i -eq 2) {{ continue }}; {CREATE} }}\n"
    assert _services(after_step) == ["web1", "web3"]
    before_step = f"$i = 0\nwhile ($i -lt 3) {{ if ($i -eq 1) {{ continue }}; $i++; {CREATE} }}\n"
    [service] = _services(before_step)  # read once: a VM per turn the reader does not count
    assert service.startswith("<DNS name")
