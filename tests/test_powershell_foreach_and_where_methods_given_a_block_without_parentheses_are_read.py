"""PowerShell 4's collection methods take their block with or without parentheses: `$names.ForEach{ … }`
runs its block over the collection as `$names.ForEach({ … })` and `$names | ForEach-Object { … }` do (a VM
created in it for each name the script does not write out is 1 or more VMs, over `$names`), and
`$up = $names.Where{ … }` picks as `$names | Where-Object { … }` does. The ForEach block was read once as
plain code (one VM), and a Where call left an unread part of the script."""

from __future__ import annotations

import pytest
from lint_support import script_resources, unread_marks

from migcheck.model import Deployment

CREATE = 'New-AzureVMConfig -Name "web$_" -InstanceSize Small -ImageName img | New-AzureVM -ServiceName shop -Location "North Europe"'


def _looped(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    resources = script_resources("param([string[]]$names)\n" + text, "deploy.ps1")
    roles = [r for d in resources if isinstance(d, Deployment) for r in d.roles]
    return unread_marks(resources), [r.looped_over for r in roles]


@pytest.mark.parametrize(
    "loop",
    [
        "$names.ForEach{\n    {create}\n}",
        "$names.ForEach({\n    {create}\n})",
        "$names | ForEach-Object {\n    {create}\n}",
    ],
)
def test_a_vm_created_by_the_foreach_method_is_one_per_name(loop: str) -> None:
    assert _looped(loop.replace("{create}", CREATE) + "\n") == ([], ["$names"])


@pytest.mark.parametrize(
    "where",
    [
        '$up = $names.Where{ $_ -ne "a" }',
        '$up = ($names.Where{ $_ -ne "a" }).Count',
        '$names.Where{ $_ -ne "a" } | Out-Null',
        '$up = $names.Where({ $_ -ne "a" })',
    ],
)
def test_the_where_method_given_a_block_leaves_nothing_unread(where: str) -> None:
    assert _looped(where + "\n$names.ForEach{\n    " + CREATE + "\n}\n") == ([], ["$names"])


def test_a_where_call_inside_a_longer_expression_is_still_said_to_be_unread() -> None:
    unread, _ = _looped('$n = 1 + $names.Where{ $_ -ne "a" }\n' + CREATE.replace("$_", "1") + "\n")
    assert unread == [(2, 17)]
