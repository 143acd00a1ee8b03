"""migcheck's own JSON outputs, kept in a repository (a baseline, a saved `--format json`, `report-json`,
`sarif` or `gitlab` report, a `plan --format json`, a shields.io badge): a folder walk passes over them, so
they are not counted among the files read (the summary's "of N read") nor taken for an inventory export.

Each is known by the first key its writer puts first (a cheap look at the file's first bytes), then by its
keys, parsed whole: a file that only starts alike is read as any other."""

from __future__ import annotations

from collections.abc import Callable

# How much of a `.json` file's start is looked at for its first key.
HEAD_BYTES = 512
# The largest output parsed to be known: the corpus's plan is 0.6 MB; a larger file is read as any other.
OUTPUT_BYTES = 16 * 1024 * 1024

Shape = Callable[[object], bool]


def _keys(data: object, *names: str) -> bool:
    return isinstance(data, dict) and all(name in data for name in names)


def _findings(data: object) -> bool:
    """A baseline (`version`, `findings`) or a report-json (`version`, `findings`, `subscriptions`, ...): the
    findings, each of a rule by its code."""
    found = data.get("findings") if isinstance(data, dict) else None
    return isinstance(found, list) and all(_keys(each, "code") for each in found)


def _plan(data: object) -> bool:
    return _keys(data, "version", "retirements", "rules", "subscriptions")


def _sarif(data: object) -> bool:
    runs = data.get("runs") if isinstance(data, dict) else None
    if not isinstance(runs, list) or not runs or not isinstance(runs[0], dict):
        return False
    driver = runs[0].get("tool", {}).get("driver", {}) if isinstance(runs[0].get("tool"), dict) else {}
    return isinstance(driver, dict) and driver.get("name") == "migcheck"


def _badge(data: object) -> bool:
    return (
        isinstance(data, dict)
        and set(data) == {"schemaVersion", "label", "message", "color"}
        and (data["label"] == "migration")
    )


def _finding_list(data: object) -> bool:
    """`check --format json`: findings, each with its rule's code and name, severity, message and path."""
    return isinstance(data, list) and all(
        _keys(f, "code", "name", "severity", "message", "path") for f in data
    )


def _code_quality(data: object) -> bool:
    """`check --format gitlab`: issues whose `check_name` is a rule's code and `description` starts with it."""
    return isinstance(data, list) and all(
        _keys(issue, "description", "check_name", "fingerprint", "severity", "location")
        and str(issue["description"]).startswith(f"{issue['check_name']} ")
        for issue in data
    )


# The shapes by the container and first key their writers give them.
SHAPES: dict[tuple[str, str], tuple[Shape, ...]] = {
    ("{", "version"): (_findings, _plan),
    ("{", "$schema"): (_sarif,),
    ("{", "schemaVersion"): (_badge,),
    ("[{", "code"): (_finding_list,),
    ("[{", "description"): (_code_quality,),
}


def is_own_output(read: Callable[[int], bytes], limit: int = OUTPUT_BYTES) -> bool:
    """Whether the `.json` file whose first `n` bytes `read(n)` gives is one of migcheck's outputs. Only a
    file that starts as one of them does is read whole (up to `limit` bytes) and parsed."""
    shapes = SHAPES.get(first_key(read(HEAD_BYTES)) or ("", ""))
    if shapes is None:
        return False
    import json

    data = read(limit + 1)
    if len(data) > limit:
        return False
    try:
        parsed = json.loads(data)
    except (ValueError, RecursionError):  # not JSON, or too deep: read as any other file
        return False
    return any(shape(parsed) for shape in shapes)


def first_key(head: bytes) -> tuple[str, str] | None:
    """(`{` or `[{`, the first key) of a JSON object, or of the first object of a JSON array, that `head`
    starts with; None for anything else. The key is read by the JSON module's own decoder."""
    import json

    text = head.decode("utf-8", errors="replace")
    at = _past_space(text, 0)
    container = text[at : at + 1]
    if container == "[":
        at = _past_space(text, at + 1)
        container = "[{" if text[at : at + 1] == "{" else ""
    if container not in ("{", "[{"):
        return None
    at = _past_space(text, at + 1)
    if text[at : at + 1] != '"':
        return None
    try:
        key, _ = json.JSONDecoder().raw_decode(text, at)
    except ValueError:  # cut off within the head
        return None
    return container, key


def _past_space(text: str, at: int) -> int:
    """The index of the first character at or after `at` that is not JSON's white space."""
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at
