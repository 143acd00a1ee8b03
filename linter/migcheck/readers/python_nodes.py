"""Every node of a Python syntax tree, for the passes of the Python reader that look at each node once and
in no set order: `ast.walk`'s nodes at a fraction of its cost, which goes through two generators per node."""

from __future__ import annotations

import ast
from collections.abc import Iterator

__all__ = ["CHILD_FIELDS", "nodes"]

# The fields that hold only leaves every tree shares (`Load`, `Add`, `Eq`), which neither `nodes` nor the
# index's visit goes into.
_SHARED_LEAF_FIELDS = frozenset({"ctx", "op", "ops"})


class _ChildFields(dict[type[ast.AST], tuple[str, ...]]):
    """The fields of each node class that may hold nodes other than those shared leaves, in order: worked
    out at the first node of the class, then a plain look-up."""

    def __missing__(self, kind: type[ast.AST]) -> tuple[str, ...]:
        fields = self[kind] = tuple(f for f in kind._fields if f not in _SHARED_LEAF_FIELDS)
        return fields


CHILD_FIELDS = _ChildFields()


def nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of a tree but expression contexts and operators, in no set order."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        for name in CHILD_FIELDS[type(node)]:
            child = getattr(node, name)
            if type(child) is list:
                stack.extend(item for item in child if isinstance(item, ast.AST))
            elif isinstance(child, ast.AST):
                stack.append(child)
