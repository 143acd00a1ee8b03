"""The variables an Azure Pipelines step's script reads (each one the service may set, for the session) are
found in one walk of the script's tree that carries whether each node's parent is an expansion: asking each
node for its parent made tree-sitter walk down to it from the root, so a script of substitutions nested a
thousand deep cost the square of its depth (0.06 s at 300, 0.81 s at 1,200)."""

from __future__ import annotations

from growth import assert_linear

from migcheck.readers.pipeline import _variables_read


def _nested(depth: int) -> str:
    return "echo " + "$(echo $VNET " * depth + ")" * depth


def test_a_deeply_nested_script_costs_time_linear_in_its_depth() -> None:
    def make(depth: int):
        script = _nested(depth)
        return lambda: _variables_read(script)

    assert_linear(make, 400)


def test_the_variables_read_are_found_at_any_depth() -> None:
    assert _variables_read(_nested(3) + " ${REGION:-x} $1 $@") == {"VNET", "REGION"}
