"""The Python reader's walk over every node of a module (`python_nodes.nodes`, which finds the options an
`argument_spec` surely sets and the SDK classes built by their full name) reaches every node
`ast.walk` does, the parts the index's visit leaves out (annotations, `for` targets, a class's keywords,
`match` patterns) included: only the expression contexts and operators every tree shares are left out."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from migcheck.readers import python_flow, python_nodes

SHARED_LEAVES = (ast.expr_context, ast.operator, ast.unaryop, ast.boolop, ast.cmpop)

ODD_PLACES = """
import azure

def build(x: azure.servicemanagement.ConfigurationSet() = None, *a: int, k=1, **kw) -> azure.X():
    global total
    for azure.servicemanagement.Y().z, (b, c) in pairs:
        pass
    try:
        pass
    except (KeyError, azure.servicemanagement.Z()) as e:
        pass

class Module(Base, argument_spec=dict(vnet=dict(required=True), rip=dict(default=None)), metaclass=Meta):
    spec: dict = {"name": dict(default="x"), **more}

match value:
    case {"k": [1, *rest]} | Point(x=0, y=azure.servicemanagement.W) if rest > 0 and not done:
        pass

f"{a!r:>{width}}"
items[azure.servicemanagement.Q():-1] = lambda azure=2: azure < 3 < 4
"""


def nodes_by_walk(tree: ast.AST) -> set[int]:
    return {id(node) for node in ast.walk(tree) if not isinstance(node, SHARED_LEAVES)}


def test_every_node_of_an_odd_module() -> None:
    tree = ast.parse(textwrap.dedent(ODD_PLACES))
    found = [id(node) for node in python_nodes.nodes(tree)]
    assert len(found) == len(set(found))  # each once
    assert set(found) == nodes_by_walk(tree)


@pytest.mark.parametrize("package", ["readers", "rules"])
def test_every_node_of_migcheck_s_own_modules(package: str) -> None:
    folder = Path(python_flow.__file__).parent.parent / package
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert {id(node) for node in python_nodes.nodes(tree)} == nodes_by_walk(tree), path.name


def test_options_and_full_names_in_the_parts_the_visit_leaves_out() -> None:
    tree = ast.parse(textwrap.dedent(ODD_PLACES))
    set_options, builds, _, _ = python_flow._whole_tree(tree)
    assert set_options == frozenset({"vnet"})  # a class keyword's; an annotated dict is no argument_spec
    assert not builds  # the lambda's parameter binds `azure` to something else

    without_lambda = textwrap.dedent(ODD_PLACES).replace("lambda azure=2: azure", "lambda other=2: other")
    assert python_flow._whole_tree(ast.parse(without_lambda))[1]
