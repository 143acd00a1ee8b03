"""Python scripts that create classic resources through Resource Manager: azure-mgmt-resource's generic
`resources.create_or_update(group, "Microsoft.ClassicCompute", "", "domainNames", name, version, body)`
(`begin_create_or_update`, or `..._by_id` of a resource ID that names such a type). Each is a classic call
(`automation.CLASSIC_RESOURCE_TYPES`), named by the call and the type, as a PowerShell script's
`New-AzResource -ResourceType ...` is; only types the script writes out as strings are known."""

from __future__ import annotations

import ast
from collections.abc import Callable

from migcheck import automation
from migcheck.model import ClassicCall, Mark, Script

_CREATES = frozenset(automation.RESOURCE_CREATES["Python"])
# Where a call's namespace and type are given: by position, and by keyword.
_NAMESPACE, _TYPE = (1, "resource_provider_namespace"), (3, "resource_type")
_RESOURCE_ID = (0, "resource_id")


def sniff(data: bytes) -> bool:
    return b"Microsoft.Classic" in data


def read(path: str, tree: ast.Module, mark: Callable[[ast.Call], Mark]) -> tuple[Script, ...]:
    """The script's calls of classic types, in the order written, as a script of classic calls."""
    calls = []
    for node in ast.walk(tree):
        name = _classic_call(node) if isinstance(node, ast.Call) else None
        if name is not None and isinstance(node, ast.Call):
            calls.append((node.lineno, node.col_offset, ClassicCall(name, mark(node))))
    if not calls:
        return ()
    ordered = tuple(call for _, _, call in sorted(calls, key=lambda found: found[:2]))
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return (Script(name, "Python", ordered, (), ordered[0].mark),)


def _classic_call(call: ast.Call) -> str | None:
    """`resources.create_or_update(...)` of a classic type: its call's name; None for any other call."""
    func = call.func
    if not isinstance(func, ast.Attribute) or not isinstance(func.value, ast.Attribute):
        return None
    method = f"{func.value.attr}.{func.attr}"
    if method.removesuffix("_by_id") not in _CREATES:
        return None
    command = method.removesuffix("_by_id")
    if method.endswith("_by_id"):
        return automation.classic_type_call(
            command, automation.resource_id_type(_argument(call, _RESOURCE_ID))
        )
    namespace, kind = _argument(call, _NAMESPACE), _argument(call, _TYPE)
    return automation.classic_type_call(command, f"{namespace}/{kind}") if namespace and kind else None


def _argument(call: ast.Call, where: tuple[int, str]) -> str:
    """The string the call is given at a position or keyword, when it writes one out; else ""."""
    position, keyword = where
    given = call.args[position] if position < len(call.args) else None
    given = next((k.value for k in call.keywords if k.arg == keyword), given)
    return given.value if isinstance(given, ast.Constant) and isinstance(given.value, str) else ""
