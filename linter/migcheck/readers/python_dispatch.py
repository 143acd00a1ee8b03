"""Calls a Python script makes by a method's name (`getattr(sms, "create_virtual_machine_deployment")(...)`,
`op = getattr(sms, request)` then `op(*args)`), read as the calls they are where the script states the
name: a string, or a name it binds only to strings in the function (or module) the call is in, one
string or one for each item of a list of them it loops over (`for request in ["create_...", ...]`). A call
whose name may be one of several is read as the call of each, on the condition that the name is that one
(`sms.a(...) if request == "a" else sms.b(...)`), which the reader follows as it follows the name.

A name the script does not state (an argument, a value it reads) leaves the call unread: its `getattr` is
kept (`CallsByName.unread`), for the reader to say that which method it calls is unknown."""

from __future__ import annotations

import ast
import copy
from dataclasses import dataclass, field

from migcheck.readers.python_nodes import nodes

__all__ = ["CallsByName", "with_calls_by_name"]

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
_OTHER = None  # a binding to anything but strings the script states


@dataclass
class CallsByName:
    """The tree with the calls by a stated name read as written by it, and the `getattr(...)` of each call
    by a name the script does not state, with what it is called on (as written in the tree)."""

    tree: ast.Module
    unread: list[ast.Call] = field(default_factory=list)


def with_calls_by_name(tree: ast.Module) -> CallsByName:
    """`tree` with each call by a stated method name read as the call of that method (see the module's
    docs); `tree` itself when it makes no call through `getattr`."""
    if not any(_getattr(node) for node in nodes(tree)):
        return CallsByName(tree)
    module = _Scope(tree, None)
    found = CallsByName(tree)
    _Rewriter(module, found).visit(tree)
    return found


def _getattr(node: ast.AST) -> ast.Call | None:
    """`getattr(obj, name)` (no default: a call through one with a default may call the default)."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "getattr"
        and len(node.args) == 2
        and not node.keywords
        and not any(isinstance(arg, ast.Starred) for arg in node.args)
    ):
        return node
    return None


class _Scope:
    """The names a function (or the module) binds, each to the strings it is bound to, or `_OTHER`."""

    def __init__(self, node: ast.AST, outer: _Scope | None) -> None:
        self.outer = outer
        self.is_class = isinstance(node, ast.ClassDef)
        self.bindings: dict[str, list[tuple[str, ...] | ast.Call | None]] = {}
        self.declared_global: set[str] = set()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            arguments = node.args
            for arg in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]:
                self._bind(arg.arg, _OTHER)
            for rest in (arguments.vararg, arguments.kwarg):
                if rest is not None:
                    self._bind(rest.arg, _OTHER)
        self.said: set[int] = set()  # the targets of the assignments and loops bound already
        for child in _own_nodes(node):
            self._note(child)

    def _bind(self, name: str, value: tuple[str, ...] | ast.Call | None) -> None:
        self.bindings.setdefault(name, []).append(value)

    def _note(self, node: ast.AST) -> None:
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            self.declared_global.update(node.names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            self._bind(node.name, _OTHER)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                self._bind((alias.asname or alias.name).split(".")[0], _OTHER)
        elif (
            isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
        ):
            self._bind(node.targets[0].id, _strings([node.value]) or _getattr(node.value))
            self.said.add(id(node.targets[0]))
        elif isinstance(node, ast.For) and isinstance(node.target, ast.Name):
            items = node.iter.elts if isinstance(node.iter, (ast.List, ast.Tuple)) else None
            self._bind(node.target.id, _strings(items) if items else _OTHER)
            self.said.add(id(node.target))
        elif id(node) not in self.said:
            for name in _stored_names(node):
                self._bind(name, _OTHER)

    def lookup(self, name: str) -> list[tuple[str, ...] | ast.Call | None]:
        """What `name` is bound to where this scope reads it: in the nearest function (or the module) that
        binds it, a class's names aside for the functions in it, as Python looks it up."""
        scope: _Scope | None = self
        while scope is not None:
            reads_own = scope is self or not scope.is_class
            if reads_own and name in scope.bindings and name not in scope.declared_global:
                return scope.bindings[name]
            if scope.outer is None:
                return scope.bindings.get(name, [_OTHER])
            scope = scope.outer if name not in scope.declared_global else scope.module
        return [_OTHER]

    @property
    def module(self) -> _Scope:
        scope = self
        while scope.outer is not None:
            scope = scope.outer
        return scope


def _own_nodes(node: ast.AST) -> list[ast.AST]:
    """The nodes of a scope, not those of the functions and classes it defines (their names are its)."""
    found: list[ast.AST] = []
    pending: list[ast.AST] = (
        list(ast.iter_child_nodes(node)) if not isinstance(node, ast.Lambda) else [node.body]
    )
    while pending:
        child = pending.pop()
        found.append(child)
        if isinstance(child, _SCOPES):
            pending.extend(child.decorator_list if not isinstance(child, ast.Lambda) else [])
            continue
        pending.extend(ast.iter_child_nodes(child))
    return found


def _stored_names(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
        return [node.id]
    return handler_and_pattern_names(node)


def handler_and_pattern_names(node: ast.AST) -> list[str]:
    """The names an `except ... as e` or a `match` pattern (`case x:`, `case [*rest]`, `case {**rest}`) binds."""
    if isinstance(node, ast.ExceptHandler) and node.name:
        return [node.name]
    if isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
        return [node.name]
    if isinstance(node, ast.MatchMapping) and node.rest:
        return [node.rest]
    return []


def _strings(nodes: list[ast.expr] | None) -> tuple[str, ...] | None:
    """The strings `nodes` state, when each is one."""
    found = [n.value for n in nodes or () if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return tuple(found) if nodes and len(found) == len(nodes) else None


class _Rewriter(ast.NodeTransformer):
    def __init__(self, scope: _Scope, found: CallsByName) -> None:
        self.scope = scope
        self.found = found

    def _in_scope(self, node: ast.AST) -> ast.AST:
        outer = self.scope
        self.scope = _Scope(node, outer)
        self.generic_visit(node)
        self.scope = outer
        return node

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = visit_ClassDef = _in_scope

    def visit_Call(self, node: ast.Call) -> ast.expr:
        self.generic_visit(node)
        dispatch = _getattr(node.func) or self._bound_getattr(node.func)
        if dispatch is None:
            return node
        names = self._names(dispatch.args[1])
        if names is None:
            self.found.unread.append(dispatch)
            return node
        return _calls_of(node, dispatch, names)

    def _bound_getattr(self, func: ast.expr) -> ast.Call | None:
        """The `getattr(...)` a name called is bound to, where that is its only binding."""
        if not isinstance(func, ast.Name):
            return None
        bound = self.scope.lookup(func.id)
        return bound[0] if len(bound) == 1 and isinstance(bound[0], ast.Call) else None

    def _names(self, name: ast.expr) -> tuple[str, ...] | None:
        """The method names `name` may be: a string, or a name bound only to strings."""
        stated = _strings([name])
        if stated is not None:
            return stated
        if not isinstance(name, ast.Name):
            return None
        bound = self.scope.lookup(name.id)
        if not bound or any(not isinstance(b, tuple) for b in bound):
            return None
        return tuple(dict.fromkeys(s for strings in bound if isinstance(strings, tuple) for s in strings))


def _calls_of(call: ast.Call, dispatch: ast.Call, names: tuple[str, ...]) -> ast.expr:
    """The call of each of `names` on the object `dispatch` reads, each but the last on the condition that
    the name it is called by is that one."""
    receiver, name = dispatch.args
    last = len(names) - 1
    choice: ast.expr = _method_call(call, receiver, names[-1], last)
    for nth in reversed(range(last)):
        test = ast.Compare(copy.deepcopy(name), [ast.Eq()], [ast.Constant(names[nth])])
        choice = ast.IfExp(test, _method_call(call, receiver, names[nth], nth), choice)
        for node in (test, test.ops[0], test.comparators[0], choice):
            ast.copy_location(node, call)
    return choice


def _method_call(call: ast.Call, receiver: ast.expr, method: str, nth: int) -> ast.Call:
    """The call of `method`, the `nth` of the names it may be called by: placed that many columns after
    the call, so that the reader tells the calls apart, and runs them in the order of the names (a
    deletion after a creation)."""
    attribute = ast.copy_location(ast.Attribute(copy.deepcopy(receiver), method, ast.Load()), call.func)
    made = ast.copy_location(
        ast.Call(attribute, copy.deepcopy(call.args), copy.deepcopy(call.keywords)), call
    )
    made.col_offset += nth
    return made
