"""Baselines, the last step of the filter stage: record the findings a repository already has, so that CI
reports only what is new and counts the rest as known. The filter (`migcheck.suppress`) applies the
baseline named by `--baseline` or by `baseline` in the config, so every surface honours it alike.

A finding's key is its path, its rule, the resource it is about (type and name) and what within that
resource it is about (`Finding.subject`: the subnet of a network, the VM of an extension, the target of a
runbook's step), never its line, so edits elsewhere in a file keep the baseline valid and a new subnet's
finding is never taken for a known one of the same network. An entry without a subject (written before
subjects were recorded) stands for any finding of its path, rule and resource, as it always did. The path is relative to the folder of the config file
(the project root), so a baseline written at the root holds when migcheck runs from a subfolder, from the
pytest plugin or in the editor; with no config file, relative to the baseline's own folder, so that
`check repo --baseline repo/baseline.json` from the parent folder matches what `check .` recorded in `repo`
(a path outside that folder is kept as shown). Findings with the same key (two identical bad prefixes
in one file) are counted: a baseline that recorded two lets two through, and a third is new."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence

from migcheck.model import Finding, record
from migcheck.visible import visible

VERSION = 1

Key = tuple[str, str, str, str, str, str]  # path, code, resource type and name, subject type and name


class BaselineError(Exception):
    """The baseline file cannot be used; the message names the file and says why."""


def key(finding: Finding, root: str = "") -> Key:
    """The baseline key of `finding`; with `root`, its path is made relative to that folder."""
    name = _line_free(finding.resource_name)
    subject_type, subject_name = finding.subject
    path = _keyed(finding.mark.path, root)
    return (path, finding.code, finding.resource_type, name, subject_type, _line_free(subject_name))


def _coarse(k: Key) -> Key:
    """`k` without its subject: the key of an entry recorded without one."""
    return (*k[:4], "", "")


def _line_free(name: str) -> str:
    """A resource name without the lines its stand-ins name (`<VM name, deploy.ps1:12>/HTTP` is keyed as
    `<VM name, deploy.ps1>/HTTP`), so that lines added above keep it known; the count per key tells
    several such names in one file apart. One pass over the name: a name is as long as its file allows."""
    if "<" not in name:
        return name
    parts, at = [], 0
    while (start := name.find("<", at)) >= 0 and (end := name.find(">", start)) >= 0:
        parts += [name[at:start], _stand_in_line_free(name[start : end + 1])]
        at = end + 1
    return "".join(parts) + name[at:]


def _stand_in_line_free(stand_in: str) -> str:
    """`<VM name, deploy.ps1:12>` (or `:12:5`, a line and column; or `, turn 2` after it, a loop's) as
    `<VM name, deploy.ps1>` (`<VM name, deploy.ps1, turn 2>`)."""
    what, *places = stand_in[1:-1].split(", ")
    return "<" + ", ".join([what, *map(_without_line, places)]) + ">"


def _without_line(place: str) -> str:
    """`deploy.ps1:12:5` as `deploy.ps1`: the numbers after its last colons dropped, scanning back once."""
    end = len(place)
    while (colon := place.rfind(":", 0, end)) >= 0 and place[colon + 1 : end].isdigit():
        end = colon
    return place[:end]


def _keyed(path: str, root: str) -> str:
    if not root:
        return path
    from migcheck.discover import relative_to

    relative = relative_to(path, root)
    return path if relative is None else relative


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """A stable identity per finding (SARIF partialFingerprints, GitLab fingerprint): the md5 of its key
    and its occurrence among the findings with the same key, in the order given (document order)."""
    import hashlib  # imported by the formats that need it, not at start-up

    seen: Counter[Key] = Counter()
    out = []
    for finding in findings:
        k = key(finding)
        # A finding without a subject keeps the fingerprint it had before subjects were keyed.
        said = k if k[4] or k[5] else k[:4]
        text = "\0".join((*said, str(seen[k])))
        out.append(hashlib.md5(text.encode("utf-8", "backslashreplace"), usedforsecurity=False).hexdigest())
        seen[k] += 1
    return out


@record
class Baseline:
    counts: Mapping[Key, int]
    path: str = ""  # the file it was read from, as reports show paths; suppression reasons name it
    root: str = ""  # the folder its paths are relative to: the project root, or the baseline's own folder

    def split(self, findings: Iterable[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(new, known), in the order given: per key, the first findings in document order up to the
        recorded count are known, the rest are new. A finding meets the entries of its own subject
        first; those it leaves meet the entries recorded without a subject (an older baseline's), which
        stand for any subject of their resource."""
        left = Counter(self.counts)
        keyed = [(finding, key(finding, self.root)) for finding in findings]
        known_ids = set()
        for finding, k in keyed:  # first its own subject's entries, so another's never take them
            if (k[4] or k[5]) and left[k] > 0:
                left[k] -= 1
                known_ids.add(id(finding))
        for finding, k in keyed:
            coarse = _coarse(k)
            if id(finding) not in known_ids and left[coarse] > 0:
                left[coarse] -= 1
                known_ids.add(id(finding))
        new = [finding for finding, _ in keyed if id(finding) not in known_ids]
        known = [finding for finding, _ in keyed if id(finding) in known_ids]
        return new, known

    def recorded(self, codes_by_path: Mapping[str, Collection[str]]) -> int:
        """How many findings the baseline records in each file of `codes_by_path` (its path as findings
        give it) of the rules it maps the file to."""
        keyed = {_keyed(path, self.root): codes for path, codes in codes_by_path.items()}
        return sum(count for k, count in self.counts.items() if k[1] in keyed.get(k[0], ()))


def dumps(findings: Iterable[Finding], root: str = "", kept: Iterable[Entry] = ()) -> str:
    """The baseline file for `findings`, and the `kept` entries of an earlier one (see `Checked`): JSON,
    one entry per finding, in a stable order so that the file diffs cleanly when it is refreshed. `name`
    and `message` are there for the reader, not for matching."""
    from migcheck.report.stream import json_text

    written = [(_sort_key(key(f, root), f.message), _finding_entry(f, root)) for f in findings]
    ordered = sorted([*written, *((_sort_key(k, str(e.get("message", ""))), e) for k, e in kept)])
    entries = [entry for _, entry in ordered]
    return json_text({"version": VERSION, "findings": entries}, indent=2) + "\n"


Entry = tuple[Key, dict[str, object]]  # an entry of a baseline file, with its key


def _sort_key(k: Key, message: str) -> tuple[str, ...]:
    return (*k, message)


def _finding_entry(f: Finding, root: str) -> dict[str, object]:
    return {
        "path": _keyed(f.mark.path, root),
        "code": f.code,
        "name": f.name,
        "resource": {"type": f.resource_type, "name": _line_free(f.resource_name)},
        **_subject_entry(f),
        "message": f.message,
    }


def _subject_entry(finding: Finding) -> dict[str, dict[str, str]]:
    """The entry's `subject` (`{type, name}`), or none for a finding about its resource as a whole: such
    an entry reads as one written before subjects were recorded, and means the same."""
    subject_type, subject_name = finding.subject
    if not (subject_type or subject_name):
        return {}
    return {"subject": {"type": subject_type, "name": _line_free(subject_name)}}


@record
class Checked:
    """What a run checked: the files it read and the paths it was given (display paths), and the rules it
    ran. A baseline it writes records its findings in place of the entries of those files and rules, and
    keeps the earlier baseline's other entries of files still there: `check e.sh --write-baseline bl.json`
    refreshes e.sh's entries without losing the other files', and a run of the whole folder writes every
    entry anew (those of deleted files go)."""

    files: Collection[str]
    given: Collection[str]
    codes: Collection[str]

    def paths(self, root: str) -> frozenset[str]:
        """The files and folders checked, as a baseline relative to `root` keys them."""
        return frozenset(_keyed(path, root) for path in (*self.files, *self.given) if path != "-")


def _covered(entry_path: str, checked_paths: frozenset[str]) -> bool:
    """Whether a run that checked `checked_paths` read the entry's file, or was given it or a folder it is
    in (the root itself is ""). One look-up per folder above the entry: linear in the baseline's size."""
    if "" in checked_paths:
        return True
    parts = entry_path.split("/")
    return any("/".join(parts[:n]) in checked_paths for n in range(1, len(parts) + 1))


def write(path: str, findings: Iterable[Finding], root: str = "", checked: Checked | None = None) -> int:
    """Write the baseline atomically, never through a symbolic link (see `migcheck.output`), its paths
    relative to `root` (the project root; with none, the baseline's own folder). With `checked`, the
    entries of the baseline already at `path` that the run did not check are kept (see `Checked`): how
    many is returned."""
    from migcheck.output import OutputError, write_text

    root = root or _own_folder(path)
    kept = _kept(path, root, checked) if checked is not None else []
    try:
        write_text(path, dumps(findings, root, kept), newline="\n", project=root)
    except OutputError as exc:
        raise BaselineError(f"baseline: {exc}") from None
    return len(kept)


def _kept(path: str, root: str, checked: Checked) -> list[Entry]:
    """The entries of the baseline at `path` that the run did not check, of files still there. A baseline
    that is not there yet, or cannot be used (not JSON, another version), keeps nothing: it is written
    anew, as it always was."""
    import os

    if not os.path.isfile(path):
        return []
    try:
        entries = _entries(_data(path, visible(path)), visible(path))
    except BaselineError:
        return []
    checked_paths = checked.paths(root)
    kept: list[Entry] = []
    there: dict[str, bool] = {}  # whether each file is still there, asked once per file
    for k, entry in entries:
        if k[1] in checked.codes and _covered(k[0], checked_paths):
            continue
        if k[0] not in there:
            there[k[0]] = os.path.exists(os.path.join(root, k[0]))
        if there[k[0]]:
            kept.append((k, _kept_entry(k, entry)))
    return kept


def _kept_entry(k: Key, entry: Mapping[str, object]) -> dict[str, object]:
    """A kept entry as the writer writes one: its key's fields, and its `name` and `message` when they are
    text, nothing else the file may have held."""
    name, message = entry.get("name"), entry.get("message")
    return {
        "path": k[0],
        "code": k[1],
        **({"name": name} if isinstance(name, str) else {}),
        "resource": {"type": k[2], "name": k[3]},
        **({"subject": {"type": k[4], "name": k[5]}} if k[4] or k[5] else {}),
        **({"message": message} if isinstance(message, str) else {}),
    }


def load(path: str, name: str = "", root: str = "") -> Baseline:
    """The baseline at `path`. A baseline is a file in the repository, as hostile as any input: it is read
    through the guarded reader (a regular file up to the size limit: a link to /dev/zero is refused, not
    read for ever), and whatever JSON it holds — nested ten thousand deep, a 5,000-digit number, a wrong
    version — is a `BaselineError` naming the file and what to do, never a traceback. A UTF-8 byte order
    mark at its start (an edit saved by Windows PowerShell 5.1) is read past. `name` is the file as
    reports show it (its display path); the baseline remembers it."""
    shown = name or visible(path)
    entries = _entries(_data(path, shown), shown)
    return Baseline(Counter(k for k, _ in entries), shown, root or _own_folder(path))


def _data(path: str, shown: str) -> object:
    """The JSON the baseline file at `path` holds; `shown` is its name in messages."""
    import json

    from migcheck.advice import rewrite_baseline
    from migcheck.config import NotUTF8, utf8_text
    from migcheck.guarded import read_bytes
    from migcheck.readers import MAX_FILE_BYTES

    rewrite = rewrite_baseline(shown)
    try:
        raw = read_bytes(path, MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise BaselineError(_unreadable(path, shown, exc)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise BaselineError(f"baseline {shown} is larger than {MAX_FILE_BYTES // 2**20} MB; {rewrite}")
    try:
        text = utf8_text(raw)
    except NotUTF8 as exc:
        raise BaselineError(
            f"baseline {shown} is not UTF-8 text ({exc}); a baseline is UTF-8 JSON: save it as UTF-8, "
            f"or {rewrite}"
        ) from None
    try:
        data = json.loads(text)
    except ValueError as exc:  # JSONDecodeError, and integers past Python's limit
        raise BaselineError(
            f"baseline {shown} is not valid JSON ({visible(str(exc))[:200]}); {rewrite}"
        ) from None
    except RecursionError:
        raise BaselineError(f"baseline {shown} nests too deeply to be a baseline; {rewrite}") from None
    return data


def _own_folder(path: str) -> str:
    """The absolute folder of the baseline file at `path`: what its paths are relative to when there is
    no project root (no config file)."""
    import os

    return os.path.dirname(os.path.abspath(path)).replace(os.sep, "/")


def _unreadable(path: str, shown: str, error: OSError) -> str:
    """Why the baseline at `path` cannot be read. `shown` is its name relative to the config file's folder
    when the config names it, which is not where a run from a subfolder looks: the path looked at is
    said too, and a baseline that is not there yet is one `--write-baseline` makes."""
    import errno
    import os

    from migcheck.advice import record_baseline

    try:
        looked = visible(os.path.relpath(path))
    except ValueError:  # another drive (Windows)
        looked = visible(path)
    # A name relative to the config file's folder is looked for elsewhere from a subfolder; one that
    # names the same file from here needs no second name.
    same = looked == shown or os.path.abspath(shown) == os.path.abspath(path)
    where = shown if same else f"{shown} (looked for at {looked})"
    message = f"cannot read baseline {where}: {error.strerror or error}"
    if error.errno == errno.ENOENT:
        message += f"; {record_baseline(looked)}"
    else:
        message += "; name a baseline file migcheck can read"
    return message


def _entries(data: object, path: str) -> list[tuple[Key, Mapping[str, object]]]:
    """Each entry of the baseline `data` with its key; a `BaselineError` when `data` is no baseline."""
    from migcheck.advice import rewrite_baseline

    if not isinstance(data, dict):
        kind = "an array" if isinstance(data, list) else "a single value"
        raise BaselineError(
            f"baseline {path} is not a baseline: it holds {kind}, not an object with `version` and "
            f"`findings` ({rewrite_baseline(path)})"
        )
    version = data.get("version")
    # `true == 1` in Python: the version must be the integer itself.
    if type(version) is not int or version != VERSION:
        raise BaselineError(
            f"baseline {path} {_version_said(data)}; this migcheck reads version {VERSION} "
            f"({rewrite_baseline(path)})"
        )
    entries = data.get("findings")
    if not isinstance(entries, list):
        raise BaselineError(f"baseline {path} has no `findings` list")
    return [
        (_entry_key(entry, path, n), entry if isinstance(entry, dict) else {})
        for n, entry in enumerate(entries, 1)
    ]


def _version_said(data: Mapping[str, object]) -> str:
    """What a baseline's wrong `version` is, without quoting it: a file named as a baseline may be any file
    (a settings file can name one), and its values are not for a message to repeat. A small integer (an
    older or newer baseline) is said."""
    if "version" not in data:
        return "has no `version`"
    version = data["version"]
    if type(version) is int and 0 <= version < 1000:
        return f"has version {version}"
    kinds = {str: "a string", bool: "true or false", float: "a number", int: "a number", list: "an array"}
    kind = "null" if version is None else kinds.get(type(version), "an object")
    return f"has {kind} for `version`"


def _entry_key(entry: object, path: str, number: int) -> Key:
    fields_of = entry if isinstance(entry, dict) else {}
    resource = fields_of.get("resource")
    resource = resource if isinstance(resource, dict) else {}
    fields = (fields_of.get("path"), fields_of.get("code"), resource.get("type"), resource.get("name"))
    if not all(isinstance(value, str) for value in fields):
        raise BaselineError(
            f"baseline {path}: finding #{number} needs string `path`, `code` and `resource` `{{type, name}}`"
        )
    entry_path, code, resource_type, name = (str(value) for value in fields)  # all str: checked above
    subject_type, subject_name = _entry_subject(fields_of.get("subject"), path, number)
    return (entry_path, code, resource_type, _line_free(name), subject_type, _line_free(subject_name))


def _entry_subject(subject: object, path: str, number: int) -> tuple[str, str]:
    """An entry's `subject` `{type, name}`; ("", "") when it has none (an entry for any subject)."""
    if subject is None:
        return ("", "")
    fields = (subject.get("type"), subject.get("name")) if isinstance(subject, dict) else (None, None)
    if not all(isinstance(value, str) for value in fields):
        from migcheck.advice import rewrite_baseline

        raise BaselineError(
            f"baseline {path}: finding #{number} has a `subject` that is not `{{type, name}}` strings "
            f"({rewrite_baseline(path)})"
        )
    return (str(fields[0]), str(fields[1]))
