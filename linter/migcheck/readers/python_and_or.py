"""The conditional written with `and` and `or` before Python had `a if test else b` (`args.subnet and
[args.subnet] or []`), read as that conditional expression: the readers follow each branch of an `IfExp`
under its test, while an `and`/`or` whose first operand's truth they do not know is one value not stated.

`test and x or y` is `x if test else y` exactly when `x` is always true: a list, tuple, set or dict written
out with at least one item (and no `*`/`**` that may bring none), or a constant that is true. Any other
middle operand (a name, a call, an empty list) may be false, and then `y` is taken after all: such an
expression is left as written."""

from __future__ import annotations

import ast

from migcheck.readers.python_nodes import nodes

__all__ = ["with_and_or_as_conditionals"]


def with_and_or_as_conditionals(tree: ast.Module) -> ast.Module:
    """`tree` with each `test and x or y` whose `x` is always true written as `x if test else y`; changed
    in place, and returned."""
    # Each node after those inside it (`nodes` gives a node before its children): an operand is rewritten
    # before the `or` that holds it is.
    for node in reversed(list(nodes(tree))):
        for field, value in ast.iter_fields(node):
            if isinstance(value, list):
                value[:] = [_conditional(item) if isinstance(item, ast.BoolOp) else item for item in value]
            elif isinstance(value, ast.BoolOp):
                setattr(node, field, _conditional(value))
    return tree


def _conditional(node: ast.BoolOp) -> ast.expr:
    """`test and x or y` (also `a and b and x or y or z`) as `x if test else y`; `node` itself when it is
    not one whose `x` is always true."""
    if not isinstance(node.op, ast.Or) or not isinstance(node.values[0], ast.BoolOp):
        return node
    chosen = node.values[0]
    if not isinstance(chosen.op, ast.And) or not _always_true(chosen.values[-1]):
        return node
    tests, body = chosen.values[:-1], chosen.values[-1]
    test = tests[0] if len(tests) == 1 else ast.copy_location(ast.BoolOp(ast.And(), tests), chosen)
    rest = node.values[1:]
    orelse = rest[0] if len(rest) == 1 else ast.copy_location(ast.BoolOp(ast.Or(), rest), rest[0])
    return ast.copy_location(ast.IfExp(test, body, orelse), node)


def _always_true(node: ast.expr) -> bool:
    """Whether `node`'s value is true whatever the script's values are."""
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return bool(node.elts) and not any(isinstance(item, ast.Starred) for item in node.elts)
    if isinstance(node, ast.Dict):
        return bool(node.keys) and all(key is not None for key in node.keys)
    return isinstance(node, ast.Constant) and bool(node.value)
