"""Every script's read asks its whole tree for the same kinds of node (its index, its commands, the words and
arguments its rewrites look at, where a `<` may be): one query finds them all, compiled once in a run, where
a query of each set cost its compiling (a walk of every state of the grammar) for each set, more than
reading a small script. What each set is given stays what a query of its own finds."""

from __future__ import annotations

from collections.abc import Callable

from growth import assert_linear

from migcheck.readers import powershell

SCRIPT = b"""\
param([string]$ServiceName = "shop-svc")
# Create the classic service, then its deployment.
New-AzureService -ServiceName $ServiceName -Location "West Europe"
function Deploy($name) {
    New-AzureDeployment -ServiceName $name -Package pkg.cspkg -Configuration a.cscfg -Slot Production
}
foreach ($slot in "Staging", "Production") { $count++; Deploy $ServiceName }
if ($count -lt 3) { throw "short" }
"""
# An argument list never closed, a `<` placeholder and a wide region the grammar could not read.
BROKEN = (
    b"Get-AzureVM -ServiceName <svc> -Name (web\n" + b"(" * 200 + b"\nSet-AzureVMSize -InstanceSize Large\n"
)

KIND_SETS = (
    powershell._INDEX,
    powershell._COMMANDS,
    powershell._ELEMENTS,
    powershell._WORDS,
    powershell._REDIRECTION_PLACES,
)


def test_an_error_free_script_s_read_compiles_one_query() -> None:
    powershell._query.cache_clear()
    powershell.read("deploy.ps1", SCRIPT)
    assert powershell._query.cache_info().misses == 1


def test_each_set_of_kinds_is_given_what_a_query_of_its_own_finds_tree_after_tree() -> None:
    trees = [powershell.syntax_tree(source) for source in (SCRIPT, BROKEN, SCRIPT)]
    for tree in trees * 2:  # each tree again after another: nothing of the one before is given
        for kinds in KIND_SETS:
            assert powershell._captures(kinds, tree.root_node) == powershell._queried(kinds, tree.root_node)
    assert trees[1].root_node.has_error


def test_a_node_below_the_root_is_given_its_own_nodes_only() -> None:
    root = powershell.syntax_tree(SCRIPT).root_node
    function = powershell._queried({"function_statement": "function"}, root)["function"][0]
    commands = powershell._captures(powershell._COMMANDS, function)["command"]
    assert [c.text for c in commands] == [
        c.text for c in powershell._queried(powershell._COMMANDS, function)["command"]
    ]
    assert [c.text.split()[0] for c in commands] == [b"New-AzureDeployment"]


def test_the_nodes_found_come_in_document_order() -> None:
    """A query cursor gives its captures in no set order, not the same from run to run."""
    root = powershell.syntax_tree(SCRIPT).root_node
    for kinds in ({"variable": "variable"}, powershell._INDEX):
        variables = powershell._captures(kinds, root)["variable"]
        assert len(variables) == 8
        assert [v.start_byte for v in variables] == sorted(v.start_byte for v in variables)


def test_a_script_of_many_branches_and_loops_costs_its_size() -> None:
    """Each branch and loop asks its own nodes for kinds the whole tree is asked for once: those are
    queried on their own, and the whole tree's nodes are found once, not once a branch."""

    def make(n: int) -> Callable[[], object]:
        lines = [
            f'if ($s) {{ foreach ($i in 1..2) {{ New-AzureService -ServiceName "svc{k}" -Location "West Europe" }} }}'
            for k in range(n)
        ]
        source = "\n".join(lines).encode()
        return lambda: powershell.read("many.ps1", source)

    assert_linear(make, 200)
