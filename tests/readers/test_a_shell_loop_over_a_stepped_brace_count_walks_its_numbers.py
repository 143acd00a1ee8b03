"""A shell `for` over bash's stepped count `{first..last..step}` walks the numbers bash makes (`{1..10..4}`:
1 5 9; `{9..1..-4}` and `{9..1..4}`: 9 5 1, the step's size taken towards the last), as `seq FIRST STEP LAST`
does, where the VM was named `web{1`."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment


@pytest.mark.parametrize(
    ("count", "names"),
    [
        ("{1..10..4}", ["web1", "web5", "web9"]),
        ("{9..1..-4}", ["web9", "web5", "web1"]),
        ("{9..1..4}", ["web9", "web5", "web1"]),
    ],
)
def test_a_stepped_brace_count_is_its_numbers(count, names):
    text = f'for i in {count}; do\n  azure vm create "web$i" img azureuser -l "West US"\ndone\n'
    assert [r.service_name for r in script_resources(text, "make.sh") if isinstance(r, Deployment)] == names
