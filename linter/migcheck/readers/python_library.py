"""The functions a Python script imports from a settings module beside it and calls (`from lib import
deploy_vm`, then `deploy_vm("WP", "web1")`): each call runs the function's body where the module writes it,
with the values the call passes, as a call of a function the script defines does. So are the classes
it derives its own from (`from util import *`, then `class HostedServices(ServiceManagementEndpoint)`):
their methods and properties (`super().base_url`) run as the script's own, and the urllib `Request` classes
it makes requests with (`RequestWithMethod('POST', url)`), and a client of the SDK it makes at its top
level (`sms = ServiceManagementService(...)`), imported by name or whole (`helpers.sms.add_role(...)`):
the script's calls of its methods are classic calls. The module is found as `python_settings` finds one
(a checked file inside the root, reached through no link), and only one that itself uses the Service
Management SDK or API is taken, or one that runs commands (`def run(command): subprocess.check_call(command)`,
`run = subprocess.check_call`, a class's `def run(self, command)`), whose function or method runs the
classic command a script gives it (`run(["azure", "vm", "create", ...])`, `Runner().run([...])`) as the
script's own, read where the script writes it, as the shell reader runs a sourced file's wrapper; or one
that hands what it is given on to such a module it imports (`from util import execute`), which is taken in
turn, down a chain of at most `MODULE_DEPTH` modules, each once (a relative import from the folder of the
module that writes it), imported by name or whole (`import util`, then `util.execute(command)`; `from .
import helper`), or through a package's `__init__.py` that imports the function from one of its modules.

The module's text is read after the script's (`_Source.attach`): its lines are numbered on from the
script's last, so that no mark or key of the module's code meets one of the script's, and its marks point
back into the module. What the function needs of the module is taken with it, written where the script
imports it: the module's imports, functions and classes, and its top-level assignments (`sms =
ServiceManagementService(...)`), but not one whose value calls a method of an object the module makes
(`sms.create_hosted_service(...)`), nor any other statement: what the module's own code does is its own
check's to report."""

from __future__ import annotations

import ast
import collections
import contextlib
import copy
from collections.abc import Callable, Collection, Iterator
from typing import NamedTuple

from migcheck.readers import beside, python_cli
from migcheck.readers.python_flow import IMPORTED_AT, SERVICE_CLASSES, derives_from_request
from migcheck.readers.python_lambdas import with_lambdas_as_functions
from migcheck.readers.python_settings import module_file, module_folder, running_in

__all__ = [
    "MODULE_DEPTH",
    "Imported",
    "Library",
    "imported_class_methods",
    "imported_functions",
    "imports_functions",
    "with_libraries",
    "with_module_calls_by_name",
]


# How many modules deep a chain of imports is followed from the script (main.py's `run` of lib.py, which hands
# its command to util.py's `execute`: two): past it, a module a module imports is not followed. A bound, so
# that a run of many scripts that each import the next (`m1.py` imports `m2.py`...) reads each a few times.
MODULE_DEPTH = 8
# On an import taken of a module (see `with_libraries`): the folder of that module, where its relative
# imports look (`from .util import execute`), and the position of the script's import that took it.
_TAKEN_FROM = "migcheck_taken_from"
# On an import whose module's statements were taken already: not followed again.
_FOLLOWED = "migcheck_followed"


class Library(NamedTuple):
    """A settings module whose functions a script calls: its display path, its text, the top-level
    statements the script may take of it (see the module's docs), as written there, and of those that
    define a function or class, by its name, the names its body reads."""

    path: str
    text: str
    statements: tuple[ast.stmt, ...]
    functions: frozenset[str]  # the names of the functions it defines at its top level
    reads: dict[str, frozenset[str]]
    classes: frozenset[str]  # the names of the classes it defines at its top level
    requests: frozenset[str]  # the names of those classes that derive from urllib's `Request`
    # The names it binds once at its top level to a client of the SDK it makes (`sms =
    # ServiceManagementService(...)`): a script that imports one calls the client's methods.
    clients: frozenset[str] = frozenset()
    # The names it binds once at its top level to a function that runs commands (`run = subprocess.
    # check_call`): a script that imports one runs the commands it gives it.
    runners: frozenset[str] = frozenset()
    # Whether it uses the SDK or the API itself; one that only runs commands (`def run(cmd): subprocess.
    # check_call(cmd)`) runs a classic one only where a script gives it one (see `imports_functions`).
    classic: bool = True
    # The classes whose methods run commands (`def run(self, cmd): subprocess.check_call(cmd)`), which a
    # script takes wherever it uses them (`Runner().run([...])`, `Runner.run([...])`), as it takes a function
    # that runs commands. Another class is the module's to describe, unless the script derives from it (see
    # `_classes_used`).
    command_classes: frozenset[str] = frozenset()
    # The names it imports from other modules by name at its top level (a package's `__init__.py` giving
    # `from .helper import asm_put`): a script importing one from it takes that import, followed in turn.
    forwarded: frozenset[str] = frozenset()

    def gives(self, name: str) -> bool:
        """Whether `from <module> import <name>` takes a function, class or client of it (`*` every one)."""
        return name in self.callables or name in self.classes or name in self.bound or name == "*"

    @property
    def callables(self) -> frozenset[str]:
        """The functions it defines or imports by name (`forwarded`), which a script calls."""
        return self.functions | self.forwarded

    @property
    def bound(self) -> frozenset[str]:
        """The names it binds to what a script that imports them uses: its clients and runners."""
        return self.clients | self.runners

    def taken(self, called: tuple[str, ...]) -> list[ast.stmt]:
        """What a script that calls the functions `called` takes: the module's imports and assignments,
        those functions, and the functions and classes they read, in turn. No other: a function the script
        does not run is read once in the module's own check, not in the script's too."""
        needed, waiting = set(called), list(called)
        while waiting:
            for name in self.reads.get(waiting.pop(), ()):
                if name in self.reads and name not in needed:
                    needed.add(name)
                    waiting.append(name)
        return [s for s in self.statements if _defined(s) is None or _defined(s) in needed]


class Imported(NamedTuple):
    """A module a script imports functions of, where it does, and the names of those it calls, as the
    module names them; `aliases`: of those the script imports under another name (`import deploy_vm as
    dv`), the module's name and the script's."""

    statement: ast.ImportFrom
    library: Library
    called: tuple[str, ...]
    aliases: tuple[tuple[str, str], ...] = ()
    # The classes of the module the script derives its own from (`class HostedServices(
    # ServiceManagementEndpoint)`) or makes requests with (see `_classes_used`).
    classes: tuple[str, ...] = ()
    # The clients and runners of the module the script imports by their own name and binds nowhere else.
    bound: tuple[str, ...] = ()
    # The methods of its classes that run commands (`Library.command_classes`) the script calls by name on
    # anything (`Runner().create_vm("web1")`): run at those calls, not read once with values not known.
    methods: tuple[str, ...] = ()
    folder: str = ""  # the module's, where its relative imports look (see `_library_imported`)


def imports_functions(tree: ast.Module, names_a_command: Callable[[], bool]) -> bool:
    """Whether the script imports at its top level a function or class of a module beside it, every name
    of it (`from util import *`), or the module itself (see the module's docs): of a module that only runs
    commands, only where the script may name a classic one (`names_a_command`, asked only of such a module)
    to give it."""
    return any(
        (library.classic or names_a_command()) and library.gives(alias.name)
        for statement, library, _ in _imports(tree)
        for alias in statement.names
    ) or any(whole.library.classic or names_a_command() for whole in _modules_imported_whole(tree).values())


class _WholeModule(NamedTuple):
    """A module beside the script that it imports whole (`import clitools`, `from . import clitools`):
    its dotted name and leading dots as `from <module> import ...` would name it, and what it gives."""

    module: str
    level: int
    library: Library
    # Of a module the script uses through the name of the package it imports (`pa.util` of `import pyazure
    # as pa`): that import's name, as `_names_imported_whole` gives it, the import to take its names after.
    after: str = ""


def with_module_calls_by_name(tree: ast.Module, folder: str = "") -> ast.Module:
    """`tree` where a call of a function on a module beside it the script imports whole (`import clitools`
    or `from . import clitools`, then `clitools.create_vm(...)`; `import pyazure.util`, then
    `pyazure.util.RequestWithMethod('POST', url)`) is a call of the function the module imports by name
    (`from clitools import create_vm`, written after the import), so that it runs with the caller's values
    as such a call does; so is a class of the module the script makes requests with (a urllib `Request`)
    or derives its own from (`class HostedServices(pyazure.ServiceManagementEndpoint)`). Not where the
    script binds the module's name or the function's anywhere else: the call might then be another's.
    `tree` itself when it makes no such call. `folder`: of statements taken of a module, that module's, where
    its relative imports look (see `_library_imported`)."""
    modules = _modules_imported_whole(tree, folder)
    if not modules:
        return tree
    by_name = _ByName(modules, _bound_names(tree), _package_imports(tree))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            node.func = by_name.taken(
                node.func,
                lambda library: (
                    library.functions | library.requests | library.runners | library.command_classes
                ),
            )
            if isinstance(node.func, ast.Attribute):  # `helpers.sms.add_role(...)`: a method of its client
                node.func.value = by_name.taken(
                    node.func.value, lambda library: library.clients | library.command_classes
                )
        elif isinstance(node, ast.ClassDef):
            node.bases = [by_name.taken(base, lambda library: library.classes) for base in node.bases]
    body: list[ast.stmt] = []
    for statement in tree.body:
        body.append(statement)
        for name in _names_imported_whole(statement):
            for key in [name, *(key for key, whole in modules.items() if whole.after == name)]:
                if by_name.names.get(key):
                    whole = modules[key]
                    names = [ast.alias(name=function) for function in by_name.names[key]]
                    body.append(
                        ast.copy_location(ast.ImportFrom(whole.module, names, whole.level), statement)
                    )
    return ast.Module(body=body, type_ignores=tree.type_ignores)


class _ByName:
    """The names a script uses of the modules it imports whole, by the name each import binds: what
    `with_module_calls_by_name` imports of each by name."""

    def __init__(
        self, modules: dict[str, _WholeModule], bound: dict[str, int], package_imports: dict[str, int]
    ) -> None:
        self.modules, self.bound, self.package_imports = modules, bound, package_imports
        self.names: dict[str, list[str]] = {}

    def _bound_elsewhere(self, module: str) -> bool:
        """Whether the script binds the name a module is used by anywhere else than where it imports it:
        `pyazure` of `pyazure.util` by anything but the imports of the package's modules (`import
        pyazure`, `import pyazure.util`), which all bind it to the package."""
        root = module.partition(".")[0]
        return self.bound[root] > max(self.package_imports[root], 1)  # `from . import clitools`: once

    def taken(self, reference: ast.expr, names_of: Callable[[Library], frozenset[str]]) -> ast.expr:
        """`reference` (`clitools.create_vm`, `pyazure.util.RequestWithMethod`) as the bare name of what
        it names, when that is one of `names_of` its module's names and the script binds neither the
        module's name (`pyazure` of `pyazure.util`) nor that name anywhere else; else `reference`."""
        if not isinstance(reference, ast.Attribute):
            return reference
        module = _dotted(reference.value) or ""
        whole = self.modules.get(module)
        if whole is None or self._bound_elsewhere(module) or reference.attr not in names_of(whole.library):
            return reference
        used = self.names.setdefault(module, [])
        if self.bound[reference.attr] == 0 and reference.attr not in used:
            used.append(reference.attr)
        if reference.attr in used:
            return ast.copy_location(ast.Name(id=reference.attr, ctx=ast.Load()), reference)
        return reference


def _package_imports(tree: ast.Module) -> dict[str, int]:
    """How many times the script binds each name by importing it or a module under it (`import pyazure`,
    `import pyazure.util`), anywhere in it."""
    imported = collections.Counter(
        alias.name.partition(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
        if alias.asname is None
    )
    return collections.defaultdict(int, imported)


def _dotted(node: ast.expr) -> str | None:
    """`pyazure.util` of the names `pyazure.util` is written with; None for any other expression. Taken
    apart in a loop: a chain of attributes may be longer than Python's depth of calls."""
    names: list[str] = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    return ".".join([node.id, *reversed(names)]) if isinstance(node, ast.Name) else None


def _modules_imported_whole(tree: ast.Module, folder: str = "") -> dict[str, _WholeModule]:
    """The modules beside the script that it imports whole at its top level and uses the SDK, the API or
    the classic CLI, by the name each import binds."""
    found: dict[str, _WholeModule] = {}
    packages: dict[str, tuple[str, int, str]] = {}
    for statement in tree.body:
        for name, (module, level) in _names_imported_whole(statement).items():
            whole = _whole_module(module, level, folder)
            if whole is not None:
                found[name] = whole
            bound, package = name.partition(".")[0], module if "." not in name else module.partition(".")[0]
            with _looked_for_from(folder, level):
                beside_it = module_file(package, level) is not None
            if beside_it:  # a package (or module) beside the script
                packages[bound] = (package, level, name)
    for used in _dotted_uses(tree, packages.keys()):
        root, _, rest = used.partition(".")
        package, level, after = packages[root]
        whole = None if used in found else _whole_module(f"{package}.{rest}", level, folder)
        if whole is not None:
            found[used] = whole._replace(after=after)
    return found


def _whole_module(module: str, level: int, folder: str = "") -> _WholeModule | None:
    """The module beside the script `from <module> import ...` names, when it uses the SDK, the API or the
    classic CLI in functions or classes, or hands on what it is given to one that does (see
    `_library_imported`); `folder` as `_library_imported`'s."""
    library = _library_imported(module, level, folder, {}, 0)[0]
    if library is not None and (library.functions or library.classes or library.bound):
        return _WholeModule(module, level, library)
    return None


def _dotted_uses(tree: ast.Module, roots: Collection[str]) -> set[str]:
    """The modules under the packages the script imports by `roots` that it calls a function of or takes a
    base class of by a dotted name (`pa.util` of `pa.util.RequestWithMethod(...)` after `import pyazure as
    pa`), as Python finds them on the package once the package (its `__init__`) or the script imports them."""
    used: set[str] = set()
    if not roots:
        return used
    for node in ast.walk(tree):
        references = (
            [node.func]
            if isinstance(node, ast.Call)
            else node.bases
            if isinstance(node, ast.ClassDef)
            else []
        )
        for reference in references:
            module = _dotted(reference.value) if isinstance(reference, ast.Attribute) else None
            if module is not None and "." in module and module.partition(".")[0] in roots:
                used.add(module)
    return used


def _names_imported_whole(statement: ast.stmt) -> dict[str, tuple[str, int]]:
    """The names a top-level import binds to a module as a whole, with the module's dotted name and leading
    dots: `import clitools (as tools)`, `from . import clitools`, `from pkg import clitools`; `import
    pkg.clitools` binds `pkg`, and the module is used by its dotted name, `pkg.clitools`."""
    if isinstance(statement, ast.Import):
        return {alias.asname or alias.name: (alias.name, 0) for alias in statement.names}
    if isinstance(statement, ast.ImportFrom):
        package = f"{statement.module}." if statement.module else ""
        return {
            alias.asname or alias.name: (package + alias.name, statement.level)
            for alias in statement.names
            if alias.name != "*"
        }
    return {}


def _bound_names(tree: ast.Module) -> dict[str, int]:
    """How many times the script binds each name, anywhere in it (0 for a name it never binds)."""
    bound: dict[str, int] = {}
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names = [node.id]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [node.name]
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [alias.asname or alias.name.split(".")[0] for alias in node.names]
        elif isinstance(node, ast.arg):
            names = [node.arg]
        for name in names:
            bound[name] = bound.get(name, 0) + 1
    return collections.defaultdict(int, bound)


def imported_functions(tree: ast.Module, chained: bool = False) -> list[Imported]:
    """The modules beside the script whose functions it imports at its top level and calls by the names
    it imports them under, each at its first such import; `chained`: those the statements taken of modules
    import (see `with_libraries`) and not followed yet. Linear: one walk of the script for the names it
    calls, one read of each module per process."""
    imports = {
        each.library.path: each
        for each in reversed(_imports(tree, taken=chained))
        if not hasattr(each.statement, _FOLLOWED)
    }
    if not imports:
        return []
    called = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    derived = {
        base.id
        for s in tree.body
        if isinstance(s, ast.ClassDef)
        for base in s.bases
        if isinstance(base, ast.Name)
    }
    # `Runner.run([...])`, `r.create_vm(...)`: the names whose attributes the script calls, and those attributes
    attributes = [
        node.func
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    ]
    called_on = {func.value.id for func in attributes if isinstance(func.value, ast.Name)}
    methods_called = {func.attr for func in attributes}
    own = _bound_names(tree)
    found = []
    for statement, library, folder in imports.values():
        setattr(statement, _FOLLOWED, True)
        used = [
            alias
            for alias in statement.names
            if alias.name in library.callables and (alias.asname or alias.name) in called
        ]
        names = tuple(dict.fromkeys(alias.name for alias in used))
        aliases = tuple((alias.name, alias.asname) for alias in used if alias.asname is not None)
        wanted = derived | (called & library.requests) | ((called | called_on) & library.command_classes)
        classes = _classes_used(statement, library, wanted, own)
        bound = tuple(
            alias.name
            for alias in statement.names
            if alias.name in library.bound and alias.asname is None and own[alias.name] == 1
        )
        methods = _methods_called(library, set(classes) & library.command_classes, methods_called)
        if names or classes or bound:
            found.append(Imported(statement, library, names, aliases, classes, bound, methods, folder))
    return found


def _methods_called(library: Library, classes: set[str], called: set[str]) -> tuple[str, ...]:
    """The methods of the module's `classes` whose names the script calls as attributes."""
    return tuple(
        sorted(
            method.name
            for statement in library.statements
            if isinstance(statement, ast.ClassDef) and statement.name in classes
            for method in statement.body
            if isinstance(method, ast.FunctionDef) and method.name in called
        )
    )


def imported_class_methods(tree: ast.Module) -> dict[str, dict[str, ast.FunctionDef]]:
    """The classes a script imports by name from a module beside it that is read (see `_imports`), by the
    name the script gives each, with the methods the class's body defines, by name: a call of one of them on
    an instance of the class runs the module's method, not a library's of the same name."""
    found: dict[str, dict[str, ast.FunctionDef]] = {}
    for statement, library, _ in _imports(tree):
        classes = {s.name: s for s in library.statements if isinstance(s, ast.ClassDef)}
        for alias in statement.names:
            cls = classes.get(alias.name)
            if cls is not None:
                methods = {s.name: s for s in cls.body if isinstance(s, ast.FunctionDef)}
                found[alias.asname or alias.name] = methods
    return found


def _classes_used(
    statement: ast.ImportFrom, library: Library, used: set[str], own: dict[str, int]
) -> tuple[str, ...]:
    """The classes of the module the script imports by their own name, or every name (`from util import
    *`) where the script binds it nowhere else, and derives a class of its own from, or calls to make a
    request (a urllib `Request` of the module's, `RequestWithMethod('POST', url)`), or, of a module that
    only runs commands, uses at all (`Runner().run([...])`: `Library.command_classes`). Not another class
    it calls: an object of the module's (`VirtualMachineAdapter(...)`) is the module's to describe."""
    star = any(alias.name == "*" for alias in statement.names)
    named = {alias.name for alias in statement.names if alias.asname is None}
    return tuple(
        sorted(
            name
            for name in library.classes & used
            if (name in named and own[name] == 1) or (star and own[name] == 0)
        )
    )


class _Import(NamedTuple):
    """A top-level `from <module> import ...` of a module beside the script, what the module gives, and its
    folder (see `_library_imported`)."""

    statement: ast.ImportFrom
    library: Library
    folder: str


def _imports(tree: ast.Module, taken: bool = False) -> list[_Import]:
    """Each top-level `from <module> import ...` of a module beside the script, with what it gives: the
    script's own, or with `taken` those of the modules `with_libraries` took and did not follow yet."""
    found = []
    for statement in tree.body:
        if (
            isinstance(statement, ast.ImportFrom)
            and statement.module is not None
            and hasattr(statement, _TAKEN_FROM) == taken
        ):
            folder = getattr(statement, _TAKEN_FROM, ("", None))[0]
            library, module = _library_imported(statement.module, statement.level, folder, {}, 0)
            if library is not None:
                found.append(_Import(statement, library, module))
    return found


def _library_imported(
    name: str, level: int, folder: str, seen: dict[str, Library | None], depth: int
) -> tuple[Library | None, str]:
    """What the module `from <name> import ...` imports from gives (`_library`), and its folder, looked for
    where Python does: an absolute import from the script's folder, a relative one from `folder`, that of the
    module that writes it.
    A module that neither uses the SDK or the API nor runs commands gives what a script takes only where it
    hands on what it is given to one that does, through the modules it imports, at most `MODULE_DEPTH` deep
    (`main.py` takes lib.py's `run`, which calls util.py's `execute`, which runs commands). `seen`: by path,
    the modules looked at so far, so that each is looked at once and an import cycle ends."""
    with _looked_for_from(folder, level):
        settings = module_file(name, level)
        module = module_folder(settings, name, level) if settings is not None else ""
    if settings is None:
        return None, ""
    library = beside.values_of(settings, _library)
    if library is not None or depth >= MODULE_DEPTH or settings.path in seen:
        return library or seen.get(settings.path), module
    seen[settings.path] = None
    handing_on = beside.values_of(settings, _handing_on)
    for imported in handing_on.statements if handing_on is not None else ():
        if any(
            _library_imported(name, level, module, seen, depth + 1)[0] is not None
            for name, level in _modules_named(imported)
        ):
            seen[settings.path] = handing_on
            return handing_on, module
    return None, module


def _looked_for_from(folder: str, level: int) -> contextlib.AbstractContextManager[None]:
    """Where an import written in a module of `folder` is looked for: a relative one (`level` dots) from that
    folder, an absolute one from the script's, as Python does (the script's folder starts `sys.path`)."""
    return running_in(folder) if folder and level else contextlib.nullcontext()


def _modules_named(statement: ast.stmt) -> Iterator[tuple[str, int]]:
    """The modules an import may take names from, with its leading dots: `from util import execute`'s
    `util`, and the modules imported whole (`import util`, `from . import helper`: see
    `_names_imported_whole`)."""
    if isinstance(statement, ast.ImportFrom) and statement.module is not None:
        yield statement.module, statement.level
    yield from _names_imported_whole(statement).values()


def with_libraries(tree: ast.Module, placed: list[tuple[Imported, int]]) -> ast.Module:
    """`tree` with the statements the script takes of each module (see the module's docs) written after
    its import, their lines numbered on from the line given with it (see `_Source.attach`)."""
    after: dict[int, list[ast.stmt]] = {}
    bound: dict[int, set[str]] = {}
    for imported, base in placed:
        wanted = (*imported.called, *imported.classes)
        taken = [copy.deepcopy(statement) for statement in imported.library.taken(wanted)]
        taken = _renamed(taken, imported)
        # `util.execute(command)` of a module the taken code imports whole, read as `execute(command)`
        taken = with_module_calls_by_name(ast.Module(taken, []), imported.folder).body
        # the script's import that took the module, or took the one that imports it
        root = getattr(imported.statement, _TAKEN_FROM, (None, imported.statement))[1]
        for statement in taken:
            ast.increment_lineno(statement, base)
            _defined_at_import(statement, root)
            if isinstance(statement, ast.ImportFrom):  # followed in turn (see `imported_functions`)
                setattr(statement, _TAKEN_FROM, (imported.folder, root))
            bound.setdefault(id(imported.statement), set()).update(_bound(statement))
        after.setdefault(id(imported.statement), []).extend(taken)
    body: list[ast.stmt] = []
    for statement in tree.body:
        body.extend(_without_names(statement, bound.get(id(statement), set())))
        body.extend(after.get(id(statement), ()))
    return ast.Module(body=body, type_ignores=tree.type_ignores)


def _renamed(taken: list[ast.stmt], imported: Imported) -> list[ast.stmt]:
    """`taken` with each function the script imports under another name (`from lib import deploy_vm as
    dv`) under that name, so that the script's calls of `dv` run it; under its own name as well only where
    the script or the module's other functions call it so (the module's check reads a function no call
    runs once, with values it does not know: here it would be a second, unknown VM)."""
    if not imported.aliases:
        return taken
    functions = {s.name: s for s in taken if isinstance(s, ast.FunctionDef)}
    own = {alias.name for alias in imported.statement.names if alias.asname is None}
    read_by_others = {
        name for other in functions for name in imported.library.reads.get(other, ()) if name != other
    }
    copies = [_named_copy(functions[name], local) for name, local in imported.aliases if name in functions]
    aliased = {name for name, _ in imported.aliases} - own - read_by_others
    kept = [s for s in taken if not (isinstance(s, ast.FunctionDef) and s.name in aliased)]
    return [*kept, *copies]


def _named_copy(function: ast.FunctionDef, name: str) -> ast.FunctionDef:
    copied = copy.deepcopy(function)
    copied.name = name
    return copied


def _defined_at_import(statement: ast.stmt, imported: ast.ImportFrom) -> None:
    """A function taken of the module is defined, for the script, where the script imports it (see
    `python_flow.IMPORTED_AT`): its lines are read after the script's."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
        setattr(statement, IMPORTED_AT, (imported.lineno, imported.col_offset))


def _bound(statement: ast.stmt) -> list[str]:
    """The names a top-level statement the script takes of a module binds."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [statement.name]
    if isinstance(statement, (ast.Import, ast.ImportFrom)):
        return [alias.asname or alias.name.split(".")[0] for alias in statement.names]
    targets = statement.targets if isinstance(statement, ast.Assign) else []
    if isinstance(statement, ast.AnnAssign):
        targets = [statement.target]
    return [target.id for target in targets if isinstance(target, ast.Name)]


def _without_names(statement: ast.stmt, names: set[str]) -> list[ast.stmt]:
    """The import less the names the module's own statements now bind, as they bind them there (a name
    bound twice is one the reader does not follow a call of, nor knows the value of in a function); none
    when it imports nothing else."""
    if not names or not isinstance(statement, ast.ImportFrom):
        return [statement]
    kept = [alias for alias in statement.names if (alias.asname or alias.name) not in names]
    if not kept:
        return []
    rest = ast.copy_location(ast.ImportFrom(statement.module, kept, statement.level), statement)
    for mark in (_TAKEN_FROM, _FOLLOWED):
        if hasattr(statement, mark):
            setattr(rest, mark, getattr(statement, mark))
    return [rest]


def _library(settings: beside.Settings) -> Library | None:
    """The statements of a module the script takes (see the module's docs); None for a module that neither
    uses the SDK or the API nor runs commands, or that Python 3 cannot parse."""
    from migcheck.readers.python_script import uses_classic

    classic = uses_classic(settings.data)
    if not classic and not python_cli.runs_commands(settings.data):
        return None
    return _parsed_library(settings, classic)


def _handing_on(settings: beside.Settings) -> Library | None:
    """The statements of a module that imports from a module or a module whole (`from util import execute`,
    `import util`), which the script
    takes where the module hands on to one that runs commands what the script gives it (see
    `_library_imported`); None for one that imports nothing so."""
    if b"import" not in settings.data:
        return None
    return _parsed_library(settings, classic=False)


def _parsed_library(settings: beside.Settings, classic: bool) -> Library | None:
    try:
        text = settings.data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None
    tree = _parsed(text)
    if tree is None:
        return None
    made = {
        target.id
        for statement in tree.body
        if isinstance(statement, ast.Assign)
        for target in statement.targets
        if isinstance(target, ast.Name)
    }
    statements = tuple(statement for statement in tree.body if _taken(statement, made))
    functions = frozenset(s.name for s in tree.body if isinstance(s, ast.FunctionDef))
    reads = {
        name: frozenset(node.id for node in ast.walk(statement) if isinstance(node, ast.Name))
        for statement in statements
        if (name := _defined(statement)) is not None
    }
    classes = [s for s in tree.body if isinstance(s, ast.ClassDef)]
    clients = frozenset(_clients(tree)) if classic else frozenset()
    return Library(
        settings.path,
        text,
        statements,
        functions,
        reads,
        frozenset(c.name for c in classes),
        frozenset(c.name for c in classes if derives_from_request(c)),
        clients,
        _runners(tree),
        classic,
        python_cli.classes_running_commands(tree) | _classes_keeping_clients(tree, classic),
        frozenset(
            alias.asname or alias.name
            for statement in tree.body
            if isinstance(statement, ast.ImportFrom)
            for alias in statement.names
            if alias.name != "*"
        ),
    )


def _clients(tree: ast.Module) -> Iterator[str]:
    """The names a module binds once, at its top level, to a client of the SDK it makes (`sms =
    ServiceManagementService(...)`, `sms = servicemanagement.ServiceManagementService(...)`)."""
    bound = _bound_names(tree)
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
            made = (_dotted(value.func) or "").rpartition(".")[2] if isinstance(value, ast.Call) else ""
            if isinstance(target, ast.Name) and made in SERVICE_CLASSES and bound[target.id] == 1:
                yield target.id


def _classes_keeping_clients(tree: ast.Module, classic: bool) -> frozenset[str]:
    """The classes whose methods keep a client of the SDK they make on the instance (`self.sms =
    ServiceManagementService(...)`), whose methods a script calls through it (`Deployer().sms.add_role(...)`)."""
    if not classic:
        return frozenset()
    return frozenset(
        statement.name
        for statement in tree.body
        if isinstance(statement, ast.ClassDef)
        and any(
            isinstance(node, ast.Assign)
            and any(isinstance(target, ast.Attribute) for target in node.targets)
            and isinstance(node.value, ast.Call)
            and (_dotted(node.value.func) or "").rpartition(".")[2] in SERVICE_CLASSES
            for node in ast.walk(statement)
        )
    )


def _runners(tree: ast.Module) -> frozenset[str]:
    """The names a module binds once, at its top level, to a function that runs commands (`run =
    subprocess.check_call`, `sh = os.system`)."""
    bound, runs = _bound_names(tree), python_cli.runner_names(tree)
    return frozenset(
        target.id
        for statement in tree.body
        if isinstance(statement, ast.Assign)
        for target in statement.targets
        if isinstance(target, ast.Name) and target.id in runs and bound[target.id] == 1
    )


def _parsed(text: str) -> ast.Module | None:
    """The module's syntax tree, read as the older Python it was written for where Python 3 refuses it
    (`except HTTPError, e:`), as a script is (its positions are the ones in the file); None when it is
    Python of neither."""
    from migcheck.readers.python_script import parsed_as_older_python

    tree: ast.Module | None
    try:
        tree = ast.parse(text)
    except SyntaxError:
        older = parsed_as_older_python(text)
        tree = older.tree if older is not None else None
    except (ValueError, RecursionError, MemoryError):
        return None
    return with_lambdas_as_functions(tree) if tree is not None else None


def _defined(statement: ast.stmt) -> str | None:
    """The name of the function or class a statement defines; None for any other statement."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return statement.name
    return None


def _taken(statement: ast.stmt, made: set[str]) -> bool:
    if isinstance(
        statement, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    ):
        return True
    if isinstance(statement, (ast.Assign, ast.AnnAssign)) and statement.value is not None:
        return not any(_calls_a_method_of(node, made) for node in ast.walk(statement.value))
    return False


def _calls_a_method_of(node: ast.AST, made: set[str]) -> bool:
    """`sms.create_hosted_service(...)` of an `sms` the module makes: a call the module's own check reads."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return False
    receiver = node.func.value
    return isinstance(receiver, ast.Name) and receiver.id in made
