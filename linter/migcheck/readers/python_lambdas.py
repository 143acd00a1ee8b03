"""Helpers a Python script binds to a lambda (`disk = lambda n: OSVirtualHardDisk(..., url % n)`), read as
the functions they are: a name a module or function binds once, to a lambda, is a function whose body
returns the lambda's expression, and a call of it runs that body with the values the call passes, as a call
of a `def` does. The readers follow a script's own functions (the SDK's calls, a request's URL, the classic
CLI's command lines) by their `def`; this rewrites each such binding as one.

A name bound more than once in its scope (two lambdas, a lambda then another value, a loop's variable),
declared `global` or `nonlocal` anywhere (a function may bind it again), or bound in a class (a lambda
there is a method) is left as written: which function a call of it runs is not known, and its value is
unknown, as that of any call the reader cannot follow."""

from __future__ import annotations

import ast
import collections

from migcheck.readers.python_dispatch import handler_and_pattern_names
from migcheck.readers.python_nodes import nodes

__all__ = ["with_lambdas_as_functions"]

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
_SCOPES = (*_FUNCTIONS, ast.ClassDef)


def with_lambdas_as_functions(tree: ast.Module) -> ast.Module:
    """`tree` with each name bound once to a lambda in a module or function written as a `def` of that
    name in its place (see the module's docs); changed in place, and returned."""
    shared = _declared_shared(tree)
    if shared is None:
        return tree
    pending: list[ast.AST] = [tree]
    while pending:
        scope = pending.pop()
        nodes = _own_nodes(scope)
        body = _body(scope)
        if body is not None:
            _rewrite(body, _bound_once(scope, nodes) - shared)
        # a lambda rewritten is still among `nodes`: what it holds is read as that of its function
        pending.extend(node for node in nodes if isinstance(node, _SCOPES))
    return tree


def _body(scope: ast.AST) -> list[ast.stmt] | None:
    """The statements of a module or function: where a lambda bound to a name is a helper."""
    if isinstance(scope, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)):
        return scope.body
    return None


def _rewrite(body: list[ast.stmt], once: set[str]) -> None:
    """Each `name = lambda ...` of `body` and of the blocks inside it (an `if`, a `try`, a loop) whose name
    is in `once`, replaced by its `def`."""
    blocks = [body]
    while blocks:
        block = blocks.pop()
        for index, statement in enumerate(block):
            named = _named_lambda(statement)
            if named is not None and named[0] in once:
                block[index] = _as_function(*named, statement)
            elif not isinstance(statement, _SCOPES):
                blocks.extend(_blocks(statement))


def _blocks(statement: ast.stmt) -> list[list[ast.stmt]]:
    """The blocks of statements of a compound statement that run in its own scope."""
    found = [
        value
        for field in ("body", "orelse", "finalbody")
        if isinstance(value := getattr(statement, field, None), list)
    ]
    found.extend(handler.body for handler in getattr(statement, "handlers", ()))
    found.extend(case.body for case in getattr(statement, "cases", ()))
    return found


def _named_lambda(statement: ast.stmt) -> tuple[str, ast.Lambda] | None:
    """The name and lambda of `name = lambda ...` (or `name: Callable = lambda ...`); None for any other
    statement."""
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target: ast.expr = statement.targets[0]
    elif isinstance(statement, ast.AnnAssign):
        target = statement.target
    else:
        return None
    if isinstance(target, ast.Name) and isinstance(statement.value, ast.Lambda):
        return target.id, statement.value
    return None


def _as_function(name: str, value: ast.Lambda, statement: ast.stmt) -> ast.FunctionDef:
    """`def name(<the lambda's parameters>): return <its expression>`, where the assignment is written."""
    returned = ast.copy_location(ast.Return(value=value.body), value.body)
    returned.end_lineno, returned.end_col_offset = value.body.end_lineno, value.body.end_col_offset
    function = ast.FunctionDef(
        name=name, args=value.args, body=[returned], decorator_list=[], returns=None, type_comment=None
    )
    if hasattr(ast.FunctionDef, "type_params"):  # Python 3.12 and later
        setattr(function, "type_params", [])  # noqa: B010 (an attribute Python 3.11's stubs lack)
    ast.copy_location(function, statement)
    function.end_lineno, function.end_col_offset = statement.end_lineno, statement.end_col_offset
    return function


def _bound_once(scope: ast.AST, nodes: list[ast.AST]) -> set[str]:
    """The names a scope binds exactly once, and to a lambda, of its own `nodes`."""
    counts: collections.Counter[str] = collections.Counter()
    lambdas: set[str] = set()
    for node in nodes:
        for name in _bound_names(node):
            counts[name] += 1
        if isinstance(node, ast.stmt) and (named := _named_lambda(node)) is not None:
            lambdas.add(named[0])
    if isinstance(scope, _FUNCTIONS):
        arguments = scope.args
        for arg in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs):
            counts[arg.arg] += 1
        for rest in (arguments.vararg, arguments.kwarg):
            if rest is not None:
                counts[rest.arg] += 1
    return {name for name in lambdas if counts[name] == 1}


def _bound_names(node: ast.AST) -> list[str]:
    """The names one node of a scope binds there."""
    if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
        return [node.id]
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [node.name]
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return [alias.asname or alias.name.split(".")[0] for alias in node.names]
    return handler_and_pattern_names(node)


def _declared_shared(tree: ast.Module) -> set[str] | None:
    """The names any function declares `global` or `nonlocal`, and those any `:=` binds (one in a
    comprehension binds the name of the scope around it): they may be bound for another scope. None when
    the tree holds no lambda."""
    found: set[str] = set()
    lambdas = False
    for node in nodes(tree):
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            found.update(node.names)
        elif isinstance(node, ast.NamedExpr) and isinstance(node.target, ast.Name):
            found.add(node.target.id)
        lambdas = lambdas or isinstance(node, ast.Lambda)
    return found if lambdas else None


def _own_nodes(scope: ast.AST) -> list[ast.AST]:
    """The nodes of a scope, not those inside a function, class or comprehension it holds, but those
    nodes themselves, and what of them runs in the scope (decorators, defaults, a class's bases)."""
    found: list[ast.AST] = []
    if isinstance(scope, ast.Lambda):
        pending: list[ast.AST] = [scope.body]
    elif isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        pending = list(scope.body)
    else:
        pending = list(ast.iter_child_nodes(scope))
    while pending:
        node = pending.pop()
        found.append(node)
        if isinstance(node, _SCOPES):
            pending.extend(_runs_outside(node))
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            # the first iterable runs in the scope; the rest binds the comprehension's own names
            pending.append(node.generators[0].iter)
        else:
            pending.extend(ast.iter_child_nodes(node))
    return found


def _runs_outside(node: ast.AST) -> list[ast.AST]:
    """What of a function, lambda or class is evaluated in the scope that holds it."""
    found: list[ast.AST] = []
    if isinstance(node, _FUNCTIONS):
        found.extend(node.args.defaults)
        found.extend(default for default in node.args.kw_defaults if default is not None)
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        found.extend(node.decorator_list)
    if isinstance(node, ast.ClassDef):
        found.extend([*node.bases, *node.keywords])
    return found
