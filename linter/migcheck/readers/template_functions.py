"""The template functions both ARM JSON templates and Bicep files share, on values already worked out:
`union`, `createArray`, `createObject`, `coalesce`, `empty`, `contains`, `length`, `replace` and `split`,
each as Resource Manager documents it, and a value not known wherever an argument it needs is not known.

What they build is bounded as strings are (`MAX_STRING`): an array or object of more than `MAX_ITEMS`
values in all, nested ones counted, is not known, so that variables that double an array at each step
cost no more than those that double a string. `weight` says what a value costs to go through, for the
callers to spend from their budget.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from migcheck.readers.template_values import MAX_STRING, Unknown

# How many values an array or object a function builds may hold in all (nested ones counted).
MAX_ITEMS = 64 * 1024


def weight(value: object, limit: int = MAX_ITEMS + 1) -> int:
    """How many values `value` holds (itself and each nested one), counted up to `limit`."""
    count, pending = 0, [value]
    while pending and count < limit:
        item = pending.pop()
        count += 1
        if isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return count


def _sized(value: object) -> object:
    return value if weight(value) <= MAX_ITEMS else Unknown()


def _known(args: list) -> bool:
    return not any(isinstance(a, Unknown) for a in args)


def _union(args: list) -> object:
    """Arrays: every item of each, once, in order. Objects: every property, a later one's value winning
    (objects under one name merged the same way, as Resource Manager merges them)."""
    if not args or not _known(args):
        return Unknown()
    if all(isinstance(a, list) for a in args):
        out: list = []
        seen: set = set()
        for array in args:
            for item in array:
                written = _hashable(item)
                if written not in seen:
                    seen.add(written)
                    out.append(item)
        return _sized(out)
    if all(isinstance(a, dict) for a in args):
        merged: dict = {}
        for obj in args:
            merged = _merged(merged, obj)
        return _sized(merged)
    return Unknown()


def _hashable(item: object) -> object:
    """An item of an array as a key of a set: arrays and objects as their JSON text."""
    if isinstance(item, (dict, list)):
        return ("json", json.dumps(item, sort_keys=True, default=repr))
    return (type(item).__name__, item)


def _merged(first: dict, second: dict) -> dict:
    out = dict(first)
    for key, value in second.items():
        earlier = out.get(key)
        out[key] = _merged(earlier, value) if isinstance(earlier, dict) and isinstance(value, dict) else value
    return out


def _create_array(args: list) -> object:
    return _sized(list(args))


def _create_object(args: list) -> object:
    """`createObject(key1, value1, key2, value2, ...)`: keys must be strings."""
    if len(args) % 2 or not all(isinstance(k, str) for k in args[::2]):
        return Unknown()
    return _sized(dict(zip(args[::2], args[1::2], strict=True)))


def _coalesce(args: list) -> object:
    """The first argument that is not null: not known when one before it is not known."""
    for arg in args:
        if isinstance(arg, Unknown):
            return Unknown()
        if arg is not None:
            return arg
    return None


def _empty(args: list) -> object:
    if len(args) != 1 or isinstance(args[0], Unknown):
        return Unknown()
    value = args[0]
    return value is None or (isinstance(value, (str, list, dict)) and not value)


def _contains(args: list) -> object:
    """`contains(container, item)`: a substring (with case), an item of an array, a key of an object
    (without case)."""
    if len(args) != 2 or not _known(args):
        return Unknown()
    container, item = args
    if isinstance(container, str):
        return item in container if isinstance(item, str) else Unknown()
    if isinstance(container, list):
        return item in container
    if isinstance(container, dict) and isinstance(item, str):
        return item.casefold() in {k.casefold() for k in container}
    return Unknown()


def _length(args: list) -> object:
    if len(args) != 1 or not isinstance(args[0], (str, list, dict)):
        return Unknown()
    return len(args[0])


def _replace(args: list) -> object:
    """`replace(text, old, new)`, every occurrence, with case."""
    if len(args) != 3 or not all(isinstance(a, str) for a in args) or not args[1]:
        return Unknown()
    text, old, new = args
    # The result's length is known before it is built: past the bound, it is not known.
    if len(text) + text.count(old) * max(len(new) - len(old), 0) > MAX_STRING:
        return Unknown()
    return text.replace(old, new)


def _split(args: list) -> object:
    """`split(text, delimiter)`, the delimiter a string or an array of strings."""
    if len(args) != 2 or not isinstance(args[0], str):
        return Unknown()
    text, delimiters = args
    if isinstance(delimiters, str):
        delimiters = [delimiters]
    if not isinstance(delimiters, list) or not delimiters:
        return Unknown()
    if not all(isinstance(d, str) and d for d in delimiters):
        return Unknown()
    parts = [text]
    for delimiter in delimiters:
        parts = [piece for part in parts for piece in part.split(delimiter)]
    return _sized(parts)


def equal(first: object, second: object) -> object:
    """Whether two worked-out values are equal: not known when either is not known, when they are of
    different kinds, or when two strings differ only in case (Resource Manager's reference does not say
    whether `equals` minds case, so no branch is taken on it)."""
    if isinstance(first, Unknown) or isinstance(second, Unknown):
        return Unknown()
    if isinstance(first, str) and isinstance(second, str):
        if first == second:
            return True
        return False if first.casefold() != second.casefold() else Unknown()
    if _kind(first) != _kind(second):
        return Unknown()
    if isinstance(first, (list, dict)):
        # Nested strings may differ only in case: only an exact match is told.
        return True if first == second else Unknown()
    return first == second


def _kind(value: object) -> str:
    return "number" if isinstance(value, int) and not isinstance(value, bool) else type(value).__name__


def _equals(args: list) -> object:
    return equal(*args) if len(args) == 2 else Unknown()


def _not(args: list) -> object:
    return not args[0] if len(args) == 1 and isinstance(args[0], bool) else Unknown()


def _all_of(args: list) -> object:
    """`and(...)`: false once a stated argument is false, true when all are stated true."""
    if len(args) < 2 or False in [a for a in args if isinstance(a, bool)]:
        return False if len(args) >= 2 else Unknown()
    return True if all(isinstance(a, bool) for a in args) else Unknown()


def _any_of(args: list) -> object:
    """`or(...)`: true once a stated argument is true, false when all are stated false."""
    if len(args) < 2 or True in [a for a in args if isinstance(a, bool)]:
        return True if len(args) >= 2 else Unknown()
    return False if all(isinstance(a, bool) for a in args) else Unknown()


def compare(operator: Callable[[int, int], bool]) -> Callable[[list], object]:
    """`greater`, `less` and the like, on two stated numbers (strings are left not known)."""

    def apply(args: list) -> object:
        if len(args) != 2 or not all(_kind(a) == "number" for a in args):
            return Unknown()
        return operator(args[0], args[1])

    return apply


def _json(args: list) -> object:
    """`json(text)`: the value a stated JSON text writes; not known when it is not JSON."""
    if len(args) != 1 or not isinstance(args[0], str) or len(args[0]) > MAX_STRING:
        return Unknown()
    try:
        return _sized(json.loads(args[0]))
    except (ValueError, RecursionError):
        return Unknown()


# Resource Manager's logical and comparison functions (Bicep writes them as operators, `bicep._binary`).
LOGIC: dict[str, Callable[[list], object]] = {
    "equals": _equals,
    "not": _not,
    "and": _all_of,
    "or": _any_of,
    "greater": compare(lambda a, b: a > b),
    "greaterorequals": compare(lambda a, b: a >= b),
    "less": compare(lambda a, b: a < b),
    "lessorequals": compare(lambda a, b: a <= b),
}

SHARED: dict[str, Callable[[list], object]] = {
    "json": _json,
    "union": _union,
    "createarray": _create_array,
    "createobject": _create_object,
    "coalesce": _coalesce,
    "empty": _empty,
    "contains": _contains,
    "length": _length,
    "replace": _replace,
    "split": _split,
}
