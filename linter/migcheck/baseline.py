"""Baselines, the last step of the filter stage: record the findings a repository already has, so that CI
reports only what is new and counts the rest as known. The filter (`migcheck.suppress`) applies the
baseline named by `--baseline` or by `baseline` in the config, so every surface honours it alike.

A finding's key is its path, its rule and the resource it is about (type and name), never its line, so
edits elsewhere in a file keep the baseline valid. Findings with the same key (two identical bad prefixes
in one file) are counted: a baseline that recorded two lets two through, and a third is new."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from migcheck.model import Finding

VERSION = 1

Key = tuple[str, str, str, str]  # path, code, resource type, resource name


class BaselineError(Exception):
    """The baseline file cannot be used; the message names the file and says why."""


def key(finding: Finding) -> Key:
    return (finding.mark.path, finding.code, finding.resource_type, finding.resource_name)


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """A stable identity per finding (SARIF partialFingerprints, GitLab fingerprint): the md5 of its key
    and its occurrence among the findings with the same key, in the order given (document order)."""
    seen: Counter[Key] = Counter()
    out = []
    for finding in findings:
        k = key(finding)
        text = "\0".join((*k, str(seen[k])))
        out.append(hashlib.md5(text.encode("utf-8", "backslashreplace"), usedforsecurity=False).hexdigest())
        seen[k] += 1
    return out


@dataclass(frozen=True, slots=True)
class Baseline:
    counts: Mapping[Key, int]
    path: str = ""  # the file it was read from, as reports show paths; suppression reasons name it

    def split(self, findings: Iterable[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(new, known): per key, the first findings in document order up to the recorded count are
        known, the rest are new."""
        left = Counter(self.counts)
        new, known = [], []
        for finding in findings:
            k = key(finding)
            if left[k] > 0:
                left[k] -= 1
                known.append(finding)
            else:
                new.append(finding)
        return new, known


def dumps(findings: Iterable[Finding]) -> str:
    """The baseline file for `findings`: JSON, one entry per finding, in a stable order so that the file
    diffs cleanly when it is refreshed. `name` and `message` are there for the reader, not for matching."""
    ordered = sorted(
        findings, key=lambda f: (f.mark.path, f.code, f.resource_type, f.resource_name, f.message)
    )
    entries = [
        {
            "path": f.mark.path,
            "code": f.code,
            "name": f.name,
            "resource": {"type": f.resource_type, "name": f.resource_name},
            "message": f.message,
        }
        for f in ordered
    ]
    return json.dumps({"version": VERSION, "findings": entries}, indent=2, ensure_ascii=False) + "\n"


def write(path: str, findings: Iterable[Finding]) -> None:
    """Write the baseline atomically, never through a symbolic link (see `migcheck.output`)."""
    from migcheck.output import OutputError, write_text

    try:
        write_text(path, dumps(findings), newline="\n")
    except OutputError as exc:
        raise BaselineError(f"baseline: {exc}") from None


def load(path: str) -> Baseline:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as exc:
        raise BaselineError(f"cannot read baseline {path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"baseline {path} is not valid JSON: {exc}") from None
    return Baseline(Counter(_keys(data, path)), path)


def _keys(data: object, path: str) -> Iterable[Key]:
    if not isinstance(data, dict) or data.get("version") != VERSION:
        found = data.get("version") if isinstance(data, dict) else None
        raise BaselineError(
            f"baseline {path} has version {found!r}; this migcheck reads version {VERSION} "
            "(write a new one with --write-baseline)"
        )
    entries = data.get("findings")
    if not isinstance(entries, list):
        raise BaselineError(f"baseline {path} has no `findings` list")
    return [_entry_key(entry, path, n) for n, entry in enumerate(entries, 1)]


def _entry_key(entry: object, path: str, number: int) -> Key:
    fields_of = entry if isinstance(entry, dict) else {}
    resource = fields_of.get("resource")
    resource = resource if isinstance(resource, dict) else {}
    fields = (fields_of.get("path"), fields_of.get("code"), resource.get("type"), resource.get("name"))
    if not all(isinstance(value, str) for value in fields):
        raise BaselineError(
            f"baseline {path}: finding #{number} needs string `path`, `code` and `resource` `{{type, name}}`"
        )
    return fields  # type: ignore[return-value]
