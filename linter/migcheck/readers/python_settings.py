"""The values a Python script takes from a settings module beside it (`from config import SERVICE_NAME`,
`import settings` then `settings.VNET`, `import config as cfg`, `from conf import settings` then
`settings.VNET`, `import conf.settings` then `conf.settings.VNET`, `from config import *` its names
`__all__` lists, else those not starting with `_`; a package's `__init__.py` for `config/`): the module's top-level names it assigns once, unconditionally, to
values it states (literals, lists, tuples, dicts, and strings or lists built from such values with `+` or an
f-string), written into the script as if assigned where it imports them, so that the reader follows them
as it follows the script's own, its data too (a list of the VMs to create, each a dict of its settings), up
to 256 KiB a value, each one longer than a name paid for by its length (see `_SMALL_VALUE`). Only values:
what the module's calls do is its own, checked with it.

A name the module binds more than once, in a branch, a loop or a `try`, or to a value it reads (from the
environment, a call, a file) is not taken: the script reads it as it would without the module."""

from __future__ import annotations

import ast
import contextlib
import contextvars
import posixpath
from collections.abc import Iterator
from typing import Any, NamedTuple

from migcheck.readers import beside

__all__ = ["module_file", "module_folder", "running_in", "with_settings_values"]

_NOT_STATED = object()
# The longest value taken from a settings module: its data too (a list of the VMs to create, each a dict of
# its settings), not only its names.
_MAX_VALUE = 256 * 1024
# Values up to this long are taken and copied in wherever read; each longer one is paid for by its length,
# from a bound on what one module builds (`_BUILT_PER_BYTE` of its size, past `_BUILT_FLOOR`) and on what
# one script copies in (`_COPIED`), so that a module or script that repeats a long value costs what its
# size does: past the bound a value is not taken, and the script reads the name as it would without it.
_SMALL_VALUE = 4096
_BUILT_FLOOR = 1024 * 1024
_BUILT_PER_BYTE = 16
_COPIED = 1024 * 1024


def with_settings_values(tree: ast.Module) -> tuple[ast.Module, tuple[ast.AST, ...]]:
    """`tree` with, after each top-level import of a settings module beside the script, the names it takes
    from it assigned their values, and each `settings.NAME` read as its value; `tree` itself when it imports
    none. And where the script takes a value it states that is too long to take (past `_MAX_VALUE`, or the
    bounds on what a module builds and a script copies in), the import or `settings.NAME` that reads it, in
    the order met: the script reads it as a value not stated, which is said."""
    body: list[ast.stmt] = []
    attributes: dict[str, dict[str, Any]] = {}  # a module imported whole, by the name it is bound to
    copies = _Copies()
    for statement in tree.body:
        body.append(statement)
        if isinstance(statement, ast.ImportFrom):
            package = _module_path(statement.module or "", statement.level)
            module = _module(package) if statement.module is not None else _Module({}, frozenset())
            for alias in statement.names:
                if alias.name == "*":  # `from settings import *`: every public name it states
                    for name, value in _star_imported(module.values).items():
                        body.extend(copies.assigned(name, value, statement))
                    if any(not name.startswith("_") for name in module.too_long):
                        copies.cut.append(statement)
                elif alias.name in module.too_long:
                    copies.cut.append(statement)
                elif alias.name in module.values:
                    body.extend(
                        copies.assigned(alias.asname or alias.name, module.values[alias.name], statement)
                    )
                elif alias.name not in module.bound and alias.name != "*":  # a module of the package
                    values = _attributes(_module(_joined_path(package, alias.name)))
                    if values:
                        attributes[alias.asname or alias.name] = values
        elif isinstance(statement, ast.Import):
            for alias in statement.names:
                # `import config`, `import config as cfg`, `import conf.settings as settings`: the name
                # bound is the module itself; `import conf.settings` alone binds `conf`, and the module is
                # read as `conf.settings`, by its dotted name.
                values = _attributes(_module(_module_path(alias.name, 0)))
                if values:
                    attributes[alias.asname or alias.name] = values
    if len(body) == len(tree.body) and not attributes:
        return tree, tuple(copies.cut)
    changed = ast.Module(body=body, type_ignores=tree.type_ignores)
    if attributes:
        changed = _AttributesRead(attributes, _bound_again(tree, attributes), copies).visit(changed)
    return changed, tuple(copies.cut)


def _attributes(module: _Module) -> dict[str, Any]:
    """The values `settings.NAME` reads of a module imported whole: those it takes, and `_TOO_LONG` for
    each it states too long to take."""
    return {**dict.fromkeys(module.too_long, _TOO_LONG), **module.values}


def _star_imported(values: dict[str, Any]) -> dict[str, Any]:
    """Of the values a settings module states, those `from settings import *` binds: the names its
    `__all__` lists, where it states one, else every name not starting with `_`."""
    listed = values.get("__all__")
    if isinstance(listed, (list, tuple)) and all(isinstance(name, str) for name in listed):
        return {name: values[name] for name in listed if name in values}
    return {name: value for name, value in values.items() if not name.startswith("_")}


class _Module(NamedTuple):
    """What a settings module gives: the names it assigns once to values it states, and every name it
    may bind at its top level or anywhere else, to any value."""

    values: dict[str, Any]
    bound: frozenset[str]
    # The names it assigns once to values it states, too long to take (see `_MAX_VALUE`).
    too_long: frozenset[str] = frozenset()


_NONE = _Module({}, frozenset())
# What `settings.NAME` of a value too long to take reads (see `_attributes`).
_TOO_LONG = object()


# The folder the code read now runs in, from its file's ("" the file's own): code another file runs inline
# (`python3 -c "..."`, `python - <<EOF`, a CI step's `shell: python`) imports the modules of the folder it runs
# in, which Python puts first on `sys.path`, not of the folder of the file that holds it. None where the
# folder is not known (after a `cd` to one the script does not state): no module is looked for.
_RUNS_IN: contextvars.ContextVar[str | None] = contextvars.ContextVar("python_runs_in", default="")


@contextlib.contextmanager
def running_in(folder: str | None) -> Iterator[None]:
    """The Python code read within runs in `folder`, from its file's folder (see `_RUNS_IN`)."""
    token = _RUNS_IN.set(folder)
    try:
        yield
    finally:
        _RUNS_IN.reset(token)


def _module_path(module: str, level: int) -> str:
    """The path of a module (or package) from the script's folder, without `.py`: `conf/settings` for
    `conf.settings`, `../config` for `..config`; "" for the script's own folder (`from . import x`). Of code
    that runs in another folder (`running_in`), from that folder."""
    up = "../" * max(level - 1, 0)
    path = up + module.replace(".", "/") if module else up.rstrip("/")
    folder = _RUNS_IN.get()
    return posixpath.normpath(posixpath.join(folder, path)) if folder else path


def _joined_path(package: str, name: str) -> str:
    return f"{package}/{name}" if package else name


def _module(path: str) -> _Module:
    """The values of the settings module at `path` (see `_module_path`)."""
    return _settings(_file(path))


def _file(path: str) -> beside.Settings | None:
    """The settings module at `path` (see `_module_path`): a package's `__init__.py`, which Python imports
    before a module of the same name beside it, else the `.py` file. Looked for once per folder: every
    script of a folder imports `os` or `json`, which are rarely beside it. None for code that runs in a
    folder not known."""
    if _RUNS_IN.get() is None:
        return None
    return beside.once_per_folder("python-module:" + path, lambda: _looked_up(path))


def _looked_up(path: str) -> beside.Settings | None:
    if not path:
        return beside.settings_file("__init__.py")
    package = beside.settings_file(path + "/__init__.py")
    return package if package is not None else beside.settings_file(path + ".py")


def module_file(module: str, level: int) -> beside.Settings | None:
    """The settings module `from <module> import ...` names, `level` its leading dots (see `_file`). A
    module of a package that names another by the package's own name (`from pyazure.util import
    RequestWithMethod` in `pyazure/hostedservices.py`, run as `python -m pyazure.hostedservices`) finds it
    beside itself, where Python does from the folder above the package. Looked for once per folder."""
    key = f"python-import:{_RUNS_IN.get()}:{level}:{module}"
    return beside.once_per_folder(key, lambda: _module_file(module, level))


def module_folder(settings: beside.Settings, module: str, level: int) -> str:
    """The folder of the module `from <module> import ...` names (`module_file` found `settings` there), from
    the folder the code read runs in: where a relative import of that module (`from .util import run`) looks."""
    path = _module_path(module, level)
    package = settings.path.endswith("__init__.py") and posixpath.basename(path) != "__init__"
    return path if package else posixpath.dirname(path)


def _module_file(module: str, level: int) -> beside.Settings | None:
    found = _file(_module_path(module, level))
    package = module.partition(".")[0]
    own_folder = _RUNS_IN.get() == ""
    if found is None and own_folder and level == 0 and package and package == beside.folder_name():
        found = _file("../" + _module_path(module, 0))
    return found


def _settings(settings: beside.Settings | None) -> _Module:
    return beside.values_of(settings, _values) if settings is not None else _NONE


def _values(settings: beside.Settings) -> _Module:
    """The names a settings module assigns once at its top level to values it states (see the module's
    docs), and every name it binds."""
    try:
        tree = ast.parse(settings.data)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return _NONE
    assigned: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            assigned[node.id] = assigned.get(node.id, 0) + 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            assigned[node.name] = assigned.get(node.name, 0) + 1
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                bound = alias.asname or alias.name.split(".")[0]
                assigned[bound] = assigned.get(bound, 0) + 1
    values: dict[str, Any] = {}
    too_long: set[str] = set()
    room = _BUILT_FLOOR + _BUILT_PER_BYTE * len(settings.data)  # for values longer than `_SMALL_VALUE`
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target, value = statement.target, statement.value
        else:
            continue
        if isinstance(target, ast.Name) and assigned.get(target.id) == 1:
            try:
                found = _stated(value, values)
            except RecursionError:
                continue
            size = len(repr(found)) if found is not _NOT_STATED else _MAX_VALUE + 1
            room -= size if size > _SMALL_VALUE else 0
            if size <= _MAX_VALUE and room >= 0:
                values[target.id] = found
            elif found is not _NOT_STATED:
                too_long.add(target.id)
    return _Module(values, frozenset(assigned), frozenset(too_long))


def _stated(node: ast.expr, known: dict[str, Any]) -> Any:
    """The value an expression states, from literals and the names `known`; `_NOT_STATED` for any other."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, int, bool, type(None))):
        return node.value
    if isinstance(node, ast.Name):
        return known.get(node.id, _NOT_STATED)
    if isinstance(node, (ast.List, ast.Tuple)):
        items = [_stated(item, known) for item in node.elts]
        if any(item is _NOT_STATED for item in items):
            return _NOT_STATED
        return items if isinstance(node, ast.List) else tuple(items)
    if isinstance(node, ast.Dict):
        keys = [_stated(k, known) if k is not None else _NOT_STATED for k in node.keys]
        values = [_stated(v, known) for v in node.values]
        if any(part is _NOT_STATED for part in (*keys, *values)) or not all(isinstance(k, str) for k in keys):
            return _NOT_STATED
        return dict(zip(keys, values, strict=True))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _stated(node.left, known), _stated(node.right, known)
        same = type(left) is type(right) and isinstance(left, (str, list))
        return left + right if same else _NOT_STATED
    if isinstance(node, ast.JoinedStr):
        return _joined(node, known)
    return _NOT_STATED


def _joined(node: ast.JoinedStr, known: dict[str, Any]) -> Any:
    """An f-string of strings the module states (`f"{PREFIX}-svc"`), without conversions or formats."""
    parts: list[str] = []
    for part in node.values:
        if isinstance(part, ast.FormattedValue):
            if part.conversion != -1 or part.format_spec is not None:
                return _NOT_STATED
            part = part.value  # the expression inside `{}`
        value = _stated(part, known)
        if not isinstance(value, str):
            return _NOT_STATED
        parts.append(value)
    return "".join(parts)


def _literal(value: Any, at: ast.AST) -> ast.expr:
    """`value` written as an expression, placed at `at` (marks of what it names point there)."""
    expression = ast.parse(repr(value), mode="eval").body
    for node in ast.walk(expression):
        ast.copy_location(node, at)
    return expression


class _Copies:
    """The values one script copies in (see `_COPIED`): each longer than `_SMALL_VALUE` paid for by its
    length; past the bound, none such."""

    def __init__(self) -> None:
        self.room = _COPIED
        self.cut: list[ast.AST] = []  # where a value too long to take is read (see `with_settings_values`)

    def affords(self, value: Any) -> bool:
        if isinstance(value, (str, int, bool, type(None))) and len(str(value)) <= _SMALL_VALUE // 2:
            return True  # a name, as most values are: not measured
        size = len(repr(value))
        if size <= _SMALL_VALUE:
            return True
        self.room -= size
        return self.room >= 0

    def assigned(self, name: str, value: Any, at: ast.stmt) -> list[ast.stmt]:
        """`name = value` at `at`, where the script can afford the copy; else nothing (the name unknown)."""
        if self.affords(value):
            return [_assigned(name, value, at)]
        self.cut.append(at)
        return []


def _assigned(name: str, value: Any, at: ast.stmt) -> ast.stmt:
    assignment = ast.Assign(targets=[ast.Name(name, ast.Store())], value=_literal(value, at))
    for node in ast.walk(assignment):
        ast.copy_location(node, at)
    return assignment


def _bound_again(tree: ast.Module, modules: dict[str, dict[str, Any]]) -> bool:
    """Whether the script binds a name a settings module is imported as anywhere else: then
    `settings.NAME` may be another object's attribute, and is left as written."""
    names = {dotted.split(".")[0] for dotted in modules}  # `conf` of a module read as `conf.settings`
    bound = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and node.id in names:
            bound += 1
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound += sum((alias.asname or alias.name.split(".")[0]) in names for alias in node.names)
    return bound > len(modules)


class _AttributesRead(ast.NodeTransformer):
    """`settings.NAME` read as the value the settings module states for it, placed where it is read."""

    def __init__(self, modules: dict[str, dict[str, Any]], bound_again: bool, copies: _Copies) -> None:
        self.modules = {} if bound_again else modules
        self.copies = copies

    def visit_Attribute(self, node: ast.Attribute) -> ast.expr:
        if isinstance(node.ctx, ast.Load) and (module := _dotted(node.value)) is not None:
            values = self.modules.get(module)
            if values is not None and node.attr in values:
                value = values[node.attr]
                if value is not _TOO_LONG and self.copies.affords(value):
                    return _literal(value, node)
                self.copies.cut.append(node)
        self.generic_visit(node)
        return node


def _dotted(node: ast.expr) -> str | None:
    """`conf.settings` of the names `conf.settings` is written with; None for any other expression."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and (base := _dotted(node.value)) is not None:
        return f"{base}.{node.attr}"
    return None
