"""Ant's properties as a task of a build file sees them, for the build files the Azure Toolkit for Eclipse
writes (`eclipse_package`): its tasks' attributes are mostly `${name}` references to properties the
project defines at its top:

    <project basedir="." name="MyAzureProject">
      <property name="cloudservicename" value="CMHelloWorld"/>
      <target name="createwapackage">
        <property location="${basedir}\\deploy" name="wapackagedir"/>
        <windowsazurepackage packagedir="${wapackagedir}" .../>

Ant sets the project's top-level properties first, then runs the target's dependencies (`depends`, each
once, depth first) before the target itself; a property, once set, is never changed, so the first
definition wins. `${basedir}` is the project's folder (`basedir=` of `<project>`, from the file's folder),
an absolute path; `location=` is a path from it. A properties file (`<property file>`, `<loadproperties
srcfile>`, a path from `${basedir}`: `../build.properties` of a build file in a sub-folder) is read as Java
reads one (`java_properties`), its properties set as Ant sets them (`Properties.load`): only while a run
reads the build file, and only where the run may read a file a script loads (`beside.settings_file`: inside
the project root, not excluded nor ignored, a regular file reached through no symbolic link, no larger than
a script). A property set by
what is not read here (another properties file, a condition) has no value known: a value that refers to it
is not stated, and after such a file is loaded every property it might set is unknown. A reference to a property never defined is left as written, as Ant
leaves it. What one file may cost is bounded: its targets' dependencies are resolved in at most
`RESOLVING_STEPS` (the targets past them see the project's own properties) and its values put at most
`EXPANDED_CHARS` characters in place of references (a value past them is not known)."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from migcheck.readers.xml import Element, local_name

__all__ = [
    "EXPANDED_CHARS",
    "RESOLVING_STEPS",
    "VALUE_CHARS",
    "Properties",
    "expand",
    "java_properties",
    "tasks_with_properties",
]

# Elements of a project that do not run when the project is read: their properties are set, if ever, by
# the target or macro that runs them.
_NOT_RUN = frozenset({"target", "extension-point", "macrodef", "presetdef", "import", "include"})
# Tasks that set every property of a file Ant reads and this reader does not (a `loadproperties` of a
# file is read where it is one of the build file's folder: `Properties.load`).
_LOADERS = frozenset({"loadproperties", "xmlproperty"})
# What a `<property>` of no name loads from where no properties file of the project is: a resource of the
# class path, an address; or a file of `relative` paths. (`environment="env"` sets only names under its
# prefix, `env.PATH`, which the toolkit's values never name: it leaves the others known.)
_ELSEWHERE = frozenset({"resource", "url", "relative"})
# Ant reads a properties file in ISO 8859-1 (`java.util.Properties.load` of its bytes); `loadproperties`
# in the `encoding` it names.
_PROPERTIES_ENCODING = "latin-1"
# A file with more targets holding the tasks asked for than this has the rest resolved with the project's
# own properties only: each target's dependencies are walked once, so the work stays linear.
_TARGETS_RESOLVED = 64
# A value expanded longer than this is taken as not known. The toolkit's values are names and paths, far
# shorter; a property defined as the one before it written twice (`${p1}${p1}`) would otherwise double at
# each definition, a file of a few kilobytes expanding to gigabytes.
VALUE_CHARS = 4096
# The characters the properties' values put in place of their references, in all, for one file: past them a
# value that refers to a property is not known. Thousands of properties (or of task attributes) each naming
# one of `VALUE_CHARS` would otherwise hold a thousand times the file's size, and each target that depends on
# them would expand them again.
EXPANDED_CHARS = 1024 * 1024
# The steps resolving the targets' dependencies may take, in all, for one file (a dependency looked up, an
# element of a target run before, a property copied for a target): past them the targets left are resolved
# with the project's own properties only, as past `_TARGETS_RESOLVED`. Each target is resolved on its own,
# its dependencies run again; 64 targets depending on one of thousands of elements would otherwise cost 64
# times the file.
RESOLVING_STEPS = 100_000


@dataclass
class Spent:
    """What reading one file's properties has spent so far, shared by every copy of its properties; the
    properties files it read, each once (by its absolute path: its entries, None where it was not read)."""

    characters: int = 0
    steps: int = 0
    cut: bool = False  # whether a bound left a value or a target's dependencies unresolved
    files: dict[str, dict[str, str] | None] = field(default_factory=dict)

    def take_steps(self, count: int) -> bool:
        """Whether `count` more steps are within `RESOLVING_STEPS` (spent if so)."""
        self.steps += count
        self.cut = self.cut or self.steps > RESOLVING_STEPS
        return not self.cut


@dataclass
class Properties:
    """The properties set so far: each name's value, None where it is set to a value not known. `opaque`
    once a properties file not read here has been loaded: a name not yet set may have been set by it.
    `within`: the folder of the build file, from which the properties files it loads are read ("" for none:
    no file is read)."""

    basedir: str
    values: dict[str, str | None] = field(default_factory=dict)
    opaque: bool = False
    spent: Spent = field(default_factory=Spent)
    within: str = ""

    def copy(self) -> Properties:
        return Properties(self.basedir, dict(self.values), self.opaque, self.spent, self.within)

    def set(self, name: str, value: str | None) -> None:
        """Sets `name` unless it is set already (Ant's properties are immutable)."""
        if name not in self.values:
            self.values[name] = None if self.opaque else value

    def define(self, el: Element) -> None:
        """Sets what the task `el` sets: `<property name value|location>`; the property a task names by
        `property=` (a condition, `<available>`), of a value not known; the properties of a properties file
        (`<property file>`, `<loadproperties srcfile>`), where it is read (`load`), else the names not yet
        set unknown."""
        tag = local_name(el).lower()
        attributes = {str(name).lower(): value for name, value in el.attrib.items()}
        name = attributes.get("name", "").strip()
        if tag == "property" and name:
            self.set(name, self._value(attributes))
        elif tag == "property" and set(attributes) & _ELSEWHERE:
            self.opaque = True
        elif tag == "property" and "file" in attributes:
            self.load(attributes["file"], attributes.get("prefix", ""))
        elif tag == "loadproperties" and "srcfile" in attributes and not _children(el):
            self.load(attributes["srcfile"], attributes.get("prefix", ""), attributes.get("encoding"))
        elif tag in _LOADERS:
            self.opaque = True
        elif attributes.get("property", "").strip():
            self.set(attributes["property"].strip(), None)

    def load(self, written: str, prefix: str, encoding: str | None = None) -> None:
        """Sets the properties of the properties file at `written` (from `basedir`), each name after the
        `prefix` (and a `.`), as Ant loads them: a value's references to properties set before, or to
        those the file sets before it (by their names in the file), put in; one to a name the file sets
        after it is not known. A file not read (`_file_entries`) makes the names not yet set unknown."""
        entries = self._file_entries(written, encoding)
        if entries is None or not self.spent.take_steps(len(entries)):  # a file loaded again costs again
            self.opaque = True
            return
        # The names not set before, in the file's order; a dict, so that asking for one is one look-up.
        new = dict.fromkeys(key for key in entries if key not in self.values)
        self.values.update(new)  # not known until set below: a reference to one after it
        values: dict[str, str | None] = {}
        for key, written_value in entries.items():
            if prefix or key in new:
                values[key] = None if self.opaque else expand(written_value, self)
            if key in new:
                self.values[key] = values[key]
        if prefix:  # the file's names were its values' own: the properties are set after the prefix
            for key in new:
                del self.values[key]
            dotted = prefix if prefix.endswith(".") else prefix + "."
            for key, value in values.items():
                self.set(dotted + key, value)

    def _file_entries(self, written: str, encoding: str | None) -> dict[str, str] | None:
        """The entries of the properties file at `written`, read once per build file; None where its path
        is not known or it is not read (`_properties_text`)."""
        path = expand(written, self)
        if path is None or "${" in path or not self.within:
            return None
        absolute = from_folder(self.basedir, path)
        if not posixpath.isabs(absolute):  # a Windows path with its drive: a file on the machine that builds
            return None
        if absolute not in self.spent.files:
            text = _properties_text(os.path.relpath(absolute, self.within), encoding or _PROPERTIES_ENCODING)
            self.spent.files[absolute] = java_properties(text) if text is not None else None
        return self.spent.files[absolute]

    def _value(self, attributes: dict[str, str]) -> str | None:
        if "value" in attributes:
            return expand(attributes["value"], self)
        if "location" in attributes:
            location = expand(attributes["location"], self)
            return None if location is None else from_folder(self.basedir, location)
        return None  # `refid=`, a property of a reference this reader does not follow


def _children(el: Element) -> bool:
    """Whether `el` holds an element (a `<filterchain>` that changes the file's text before it is read)."""
    return any(isinstance(child.tag, str) for child in el)


def _properties_text(relative: str, encoding: str) -> str | None:
    """The text of the properties file at `relative` (a path from the build file's folder) where the run may
    read it (`beside.settings_file`), in an `encoding` Python knows; else None. Recorded as taken by the
    build file's read, which is read again when its bytes change."""
    import codecs

    from migcheck.readers import beside

    try:
        codecs.lookup(encoding)
    except LookupError:
        return None
    settings = beside.settings_file(relative, listed=False, any_name=True)
    return settings.data.decode(encoding, "replace") if settings is not None else None


def java_properties(text: str) -> dict[str, str] | None:
    """The entries of a Java properties file's `text`, as `java.util.Properties.load` reads them: `key=value`,
    `key: value` or `key value` on a line, a line ending in an odd number of `\\` going on on the next (its
    leading blanks dropped), `#` and `!` lines comments; a key's and a value's escapes taken (`\\uXXXX`,
    `\\t`, `\\n`, `\\r`, `\\f`, any other character after a `\\` itself); a key written twice the
    last. None where Java refuses the file (a `\\u` not followed by four hexadecimal digits)."""
    entries: dict[str, str] = {}
    for line in _logical_lines(text):
        key_end, value_start = _split(line)
        key, value = _unescaped(line[:key_end]), _unescaped(line[value_start:])
        if key is None or value is None:
            return None
        entries[key] = value
    return entries


_BLANKS = " \t\f"


def _logical_lines(text: str) -> Iterator[str]:
    """The logical lines of a properties file: its lines (ended by `\\n`, `\\r` or both) joined where
    one ends in an odd number of backslashes, each without its leading blanks; no blank or comment line."""
    pending: list[str] = []
    for natural in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = natural.lstrip(_BLANKS)
        if not pending and (not line or line[0] in "#!"):
            continue
        trailing = len(line) - len(line.rstrip("\\"))
        if trailing % 2:
            pending.append(line[:-1])
            continue
        pending.append(line)
        yield "".join(pending)
        pending = []
    if pending:
        yield "".join(pending)


def _split(line: str) -> tuple[int, int]:
    """Where a logical line's key ends and its value starts: the key up to its first `=`, `:` or blank
    that no backslash escapes, the value after the blanks and the one `=` or `:` that follow."""
    at, escaped = 0, False
    while at < len(line):
        char = line[at]
        if not escaped and (char in "=:" or char in _BLANKS):
            break
        escaped = char == "\\" and not escaped
        at += 1
    key_end, separated = at, at < len(line) and line[at] in "=:"
    at += 1
    while at < len(line) and (line[at] in _BLANKS or (not separated and line[at] in "=:")):
        separated = separated or line[at] in "=:"
        at += 1
    return key_end, at if at <= len(line) else len(line)


_PROPERTIES_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f"}


def _unescaped(written: str) -> str | None:
    """A key's or value's characters with their escapes taken; None for a `\\u` of no four hex digits."""
    if "\\" not in written:
        return written
    out: list[str] = []
    at = 0
    while at < len(written):
        char = written[at]
        if char != "\\" or at + 1 >= len(written):
            out.append(char if char != "\\" else "")
            at += 1
        elif written[at + 1] == "u":
            digits = written[at + 2 : at + 6]
            if len(digits) != 4 or any(d not in "0123456789abcdefABCDEF" for d in digits):
                return None
            out.append(chr(int(digits, 16)))
            at += 6
        else:
            out.append(_PROPERTIES_ESCAPES.get(written[at + 1], written[at + 1]))
            at += 2
    return "".join(out)


def from_folder(folder: str, path: str) -> str:
    """`path` (written with `/` or `\\`) from `folder`, as Ant resolves a location: one already absolute,
    a Windows one with its drive included, stays as it is."""
    path = path.strip().replace("\\", "/")
    if path.startswith("/") or path[1:2] == ":":
        return path
    return posixpath.normpath(posixpath.join(folder, path))


def expand(value: str, properties: Properties) -> str | None:
    """`value` with each `${name}` replaced by the property's value and `$$` by `$`, as Ant does: a
    reference to a property never set is left as written; None where one refers to a property whose value
    is not known, where the value grows longer than `VALUE_CHARS`, or where its properties' values would
    pass the file's `EXPANDED_CHARS`. One pass over `value`."""
    out: list[str] = []
    length = 0
    put = 0  # the characters of properties' values put in
    at = 0
    close = -2  # the first `}` after the last `${` met; -1 once `value` has none left
    while (dollar := value.find("$", at)) >= 0:
        out.append(value[at:dollar])
        after = value[dollar + 1 : dollar + 2]
        if after == "{" and close != -1 and close < dollar + 2:
            close = value.find("}", dollar + 2)
        end = close if after == "{" else -1
        if after == "$":
            out.append("$")
            at = dollar + 2
        elif end >= 0:
            name = value[dollar + 2 : end]
            if name not in properties.values:
                out.append(value[dollar : end + 1])
            elif (known := properties.values[name]) is None:
                return None
            else:
                out.append(known)
                put += len(known)
            at = end + 1
        else:
            out.append("$")
            at = dollar + 1
        length += len(out[-2]) + len(out[-1])
        if length > VALUE_CHARS:
            properties.spent.cut = True
            return None
    out.append(value[at:])
    if length + len(out[-1]) > VALUE_CHARS or properties.spent.characters + put > EXPANDED_CHARS:
        properties.spent.cut = True
        return None
    properties.spent.characters += put
    return "".join(out)


def tasks_with_properties(
    root: Element, folder: str, names: Iterable[str]
) -> Iterator[tuple[Element, Properties]]:
    """Each task of the project `root` (of the build file in `folder`) named one of `names` (in lower case),
    in document order by target, with the properties set when it runs: read them before asking for the
    next task."""
    wanted = frozenset(names)
    top = _project_properties(root, folder)
    targets = {
        t.get("name", ""): t for t in root if isinstance(t.tag, str) and local_name(t).lower() == "target"
    }
    # Each target's `depends` split once: every target resolved may meet it again.
    depends = {name: _depends(target) for name, target in targets.items()}
    resolved = 0
    for target in targets.values():
        tasks = [el for el in target.iter() if isinstance(el.tag, str) and local_name(el).lower() in wanted]
        if not tasks:
            continue
        resolved += 1
        top.spent.cut = top.spent.cut or resolved > _TARGETS_RESOLVED
        properties = _before(targets, depends, target, top) if resolved <= _TARGETS_RESOLVED else None
        if properties is None:
            yield from ((task, top) for task in tasks)
        else:
            yield from _run(target, tasks, properties)
    for task in root:
        if isinstance(task.tag, str) and local_name(task).lower() in wanted:
            yield task, top


def _project_properties(root: Element, folder: str) -> Properties:
    """The properties the project's top-level tasks set, before any target runs. The project's folder is
    absolute, as Ant's is: a location written from `${basedir}` is then not taken from it twice."""
    basedir = from_folder(os.path.abspath(folder), root.get("basedir") or ".")
    properties = Properties(basedir, {"basedir": basedir}, within=_files_folder(folder))
    for el in root:
        if isinstance(el.tag, str) and local_name(el).lower() not in _NOT_RUN:
            properties.define(el)
    return properties


def _files_folder(folder: str) -> str:
    """The folder the properties files a build file in `folder` loads are read from: its own, while the run
    reads the build file as one of its files (`beside.finding`; a reader called on its own reads none)."""
    from migcheck.readers import beside

    return os.path.abspath(folder) if beside.finding() else ""


def _before(
    targets: dict[str, Element], depends: dict[str, list[str]], target: Element, top: Properties
) -> Properties | None:
    """A copy of the project's properties `top` with what the targets `target` depends on (`depends`, each
    target's by name) set, run in Ant's order; None where that passes the file's `RESOLVING_STEPS`."""
    spent = top.spent
    order = _run_order(depends, target.get("name", ""), spent)
    if order is None or not spent.take_steps(len(top.values)):
        return None
    properties = top.copy()
    for name in order[:-1]:
        for el in targets[name].iter():
            if not spent.take_steps(1):
                return None
            if isinstance(el.tag, str):
                properties.define(el)
    return properties


def _run(
    target: Element, tasks: list[Element], properties: Properties
) -> Iterator[tuple[Element, Properties]]:
    """Each of `tasks` of `target` with the properties set when it runs (the target's own tasks before it
    have run): the same `properties`, changed once the next task is asked for."""
    wanted = set(tasks)
    for el in target.iter():
        if not isinstance(el.tag, str):
            continue
        if el in wanted:
            yield el, properties
        properties.define(el)


def _depends(target: Element) -> list[str]:
    return [name.strip() for name in (target.get("depends") or "").split(",") if name.strip()]


def _run_order(depends: dict[str, list[str]], name: str, spent: Spent) -> list[str] | None:
    """The targets Ant runs to run `name` (`depends`: what each target of the file depends on), in order,
    ending with it: each dependency's own first, each once; a dependency the file does not define, or one
    that closes a cycle, is passed over. None where that passes the file's `RESOLVING_STEPS` (a step a
    dependency looked at)."""
    order: list[str] = []
    met = {name}
    stack = [(name, iter(depends[name]))]
    while stack:
        current, dependencies = stack[-1]
        for dependency in dependencies:
            if not spent.take_steps(1):
                return None
            if dependency in depends and dependency not in met:
                met.add(dependency)
                stack.append((dependency, iter(depends[dependency])))
                break
        else:
            stack.pop()
            order.append(current)
    return order
