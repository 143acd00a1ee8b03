"""ARM JSON deployment templates (their `$schema` names `deploymentTemplate.json`), read for the resources
they declare: those of the classic types (`Microsoft.ClassicCompute/virtualMachines` and its
`extensions`, `Microsoft.ClassicCompute/domainNames`, `Microsoft.ClassicNetwork/virtualNetworks`,
`reservedIps` and `networkSecurityGroups`, `Microsoft.ClassicStorage/storageAccounts`) become the records
the same types give as rows of an inventory export (`template_values.records_of`), and those of type
`Microsoft.Compute/cloudServices` the evidence of Cloud Services (extended support) they are
(`ExtendedSupportService`).

Resources are found where a template declares them: the root's `resources` (an array, or an object by
symbolic name in language version 2.0), each resource's own `resources` (a child's type and name are
written after its parent's: `extensions` of VM `web` is `Microsoft.ClassicCompute/virtualMachines/
extensions` named `web/<name>`), and the templates of inline nested deployments (`Microsoft.Resources/
deployments` with `properties.template`), whose expressions read the parameters and variables of the
template around them, or, with `expressionEvaluationOptions.scope` `inner`, their own, given the values the
deployment passes. A deployment that links a template by its path (`templateLink.relativePath`) reads that
template with the parameters it passes, and `reference('<deployment>').outputs` are the linked template's
(`_Links`), with the values of the parameters file it links by a path (`parametersLink`) when it passes none
of its own; a template another template of the run links, or a Bicep file uses as a module, is read through
it only (`_linked_elsewhere`, `_used_as_a_module`). A
resource in a `copy` loop is one resource for each item when its count is known (up to Resource Manager's
800), else one whose index is not known. Values are worked out by `arm_expressions`.

The text is walked once, descending only where resources are declared; every other value is decoded
whole by the JSON decoder, in C. Each record is marked at its resource's object (`{`), a cloud service of
extended support at its `type` value.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from migcheck.automation import TEMPLATE_LANGUAGE
from migcheck.model import DirectiveComment, ExtendedSupportService, Mark, Suppression
from migcheck.readers.arm_expressions import (
    Evaluator,
    Scope,
    as_count,
    deployed_at_subscription,
    deployed_group,
    is_expression,
)
from migcheck.readers.inventory import (
    _at_a_fixed_depth,
    _decode,
    _get_folded,
    _Malformed,
    _role_names,
    _Scanner,
)
from migcheck.readers.inventory_shapes import Spots
from migcheck.readers.suppressions import Directive, gathered, placed, slash_comment_text
from migcheck.readers.template_values import (
    MAX_FILE_DEPTH,
    ROLE_ASSIGNMENT,
    Declared,
    FilesRead,
    Unknown,
    by_position,
    deployment_group,
    deployment_subscription,
    group_stated,
    names_its_group,
    passed_at,
    read_type,
    records_of,
    resource_name,
    used_alone_never,
    with_unread,
)

if TYPE_CHECKING:
    from migcheck.readers.beside import Settings

_CLOUD_SERVICE_TYPE = "microsoft.compute/cloudservices"
_DEPLOYMENT_TYPE = "microsoft.resources/deployments"
_TEMPLATE_VIA = "declares it as a Microsoft.Compute/cloudServices resource"
# How much evaluation a template may spend, for each character of its text (and a floor for small ones):
# a real template spends a few units a character; what a hostile one spends past this is not known.
_BUDGET_PER_CHAR = 8
_BUDGET_FLOOR = 200_000


@dataclass(slots=True, eq=False)
class _Written:
    """One resource object as written: its keys (case-folded) and values but its own `resources`
    (`children`) and the `template` of its `properties` (whose resources are read as the template's own),
    where its text starts and ends, and the scope its expressions read."""

    values: dict[str, object]
    start: int
    scope: Scope
    end: int = -1
    children: list[_Written] = field(default_factory=list)


def read_template(path: str, text: str) -> tuple[object, ...] | None:
    """The records of a deployment template's text, in the order written; None when the text is not a
    deployment template, does not parse, or declares no resource of a classic type or of
    `Microsoft.Compute/cloudServices` (itself or in the templates it links); none when another template of
    the run links it, and reads it so. Comments, which Resource Manager allows in a template, are read as
    white space."""
    text = without_comments(text)
    walk = _Walk(path, text, json.JSONDecoder())
    try:
        _at_a_fixed_depth(walk.walk)
    except (_Malformed, ValueError, RecursionError):  # JSONDecodeError is a ValueError
        return None
    if "deploymenttemplate.json" not in walk.schema.casefold():
        return None
    if walk.top and walk.scope is not None:
        walk.scope.supplied, passed = _parameters_file(path)
        walk.passed = (*passed, *walk.passed)
    files = FilesRead(len(text))
    found = _at_a_fixed_depth(lambda: _records(walk, path, text, (path,), files))
    if found and (_linked_elsewhere(path) or _used_as_a_module(path)):
        # A template another template of the run links by its path is read through it, with the parameters
        # its deployment passes (`_linked`): read alone as well, it would tell each resource again, of values
        # not stated. It is still a template, of nothing classic of its own: no export.
        return with_unread((), files.said(True), path, TEMPLATE_LANGUAGE)
    found = list(with_unread(tuple(found), files.said(bool(found)), path, TEMPLATE_LANGUAGE))
    return tuple(sorted(found, key=by_position)) or None


def module_records(
    found: Settings,
    given: dict[str, object],
    passed: tuple[tuple[str, Mark], ...],
    file: str,
    group: object,
) -> list[object] | None:
    """The records of the template `found` that a Bicep module uses (`module net './vnet.json'`), its
    parameters given the values the module's `params` work out to (`given`), deployed where the Bicep
    file `file` (its name) is, or to `group`; `passed` the strings the callers write, where written. None
    when it is not a deployment template, or does not parse."""
    walk = _walked(found)
    if walk is None or walk.scope is None or "deploymenttemplate.json" not in walk.schema.casefold():
        return None
    walk.scope.supplied = {k.casefold(): v for k, v in given.items()}
    walk.scope.file, walk.scope.group, walk.passed = file, group, (*passed, *walk.defaults)
    files = FilesRead(len(walk.text))
    return _at_a_fixed_depth(lambda: _records(walk, walk.path, walk.text, (walk.path,), files))


def _records(walk: _Walk, path: str, text: str, chain: tuple[str, ...], files: FilesRead) -> list[object]:
    """The records of a walked template and of the templates its deployments link by their path, each
    linked one read with the parameters its deployment passes; `chain` the templates it is read through,
    itself last."""
    links = _Links(walk, chain, files)
    found: list[object] = [*walk.extended_support(), *_classic(walk, path, text)]
    for deployment, _, _ in walk.linked:
        linked = links.opened(deployment)
        if linked is not None:
            found += _records(linked, linked.path, linked.text, (*chain, linked.path), files)
    return found


class _Links:
    """The templates a walked template's deployments link by their path, each opened once when first
    needed (for its resources, or for its outputs: `reference('<deployment>').outputs.<name>.value`), and
    given the `parameters` its deployment passes, evaluated where the deployment is written. A deployment
    whose condition works out false opens none; one linking by an address (the network), by a path not
    stated, or a file that is not a template the run checks, is said not read at the deployment. A template
    read alone (a test, the plugin) follows no link and says nothing of it."""

    def __init__(self, walk: _Walk, chain: tuple[str, ...], files: FilesRead) -> None:
        self.walk, self.chain, self.files = walk, chain, files
        self._opened: dict[int, _Walk | None] = {}
        self._references: dict[int, object] = {}  # what `_outputs` gave, or None while it works it out
        evaluator = Evaluator(_BUDGET_FLOOR)
        for deployment, scope, _ in walk.linked:
            name = evaluator.value(deployment.values.get("name"), scope, {})
            if isinstance(name, str):
                scope.reads().linked[name.strip().casefold()] = partial(self._outputs, deployment)

    def opened(self, deployment: _Written) -> _Walk | None:
        if id(deployment) not in self._opened:
            self._opened[id(deployment)] = self._open(deployment)
        return self._opened[id(deployment)]

    def _open(self, deployment: _Written) -> _Walk | None:
        from migcheck.readers import beside

        scope, link = next((s, k) for d, s, k in self.walk.linked if d is deployment)
        evaluator = Evaluator(_BUDGET_FLOOR)
        if not beside.finding() or evaluator.value(deployment.values.get("condition"), scope, {}) is False:
            return None
        stated = _as_path(evaluator.value(_linked_path(link), scope, {}))
        mark = self.walk.lines.mark(deployment.start)
        found = _linked_template(stated, self.chain) if isinstance(stated, str) else None
        if found is None:  # of the repository and not checked, or an address, a path not stated, a cycle
            self.files.not_read(
                mark, unchecked=isinstance(stated, str) and _of_the_run(stated, self.chain) is not None
            )
            return None
        walk = _walked(found) if self.files.take(len(found.data)) else None
        if walk is None or walk.scope is None or "deploymenttemplate.json" not in walk.schema.casefold():
            self.files.not_read(mark)
            return None
        given = _get_folded(deployment.values.get("properties"), "parameters")
        walk.scope.given = {k.casefold(): v for k, v in given.items()} if isinstance(given, dict) else {}
        walk.scope.caller = scope
        walk.passed = (*self._passed(deployment, given), *self.walk.passed, *walk.defaults)
        if not isinstance(given, dict):  # its values in a parameters file it links instead
            walk.scope.supplied, passed = self._parameters_linked(deployment, scope, evaluator)
            walk.passed = (*passed, *walk.passed)
        # Deployed where its caller is (`arm_expressions.deployed_group`), or to the group it names.
        walk.scope.file = scope.reads().file
        if "resourcegroup" in deployment.values:
            walk.scope.deployed_to = (deployment.values["resourcegroup"], scope)
        return walk

    def _parameters_linked(
        self, deployment: _Written, scope: Scope, evaluator: Evaluator
    ) -> tuple[dict[str, object], tuple[tuple[str, Mark], ...]]:
        """The values of the parameters file a deployment links (`"parametersLink": {"uri":
        "nested/vnet.parameters.json"}`, a path of the repository from this template's folder, as a
        `templateLink`'s), by name case-folded, and where that file writes each string; none when it links
        none the run checks."""
        link = _get_folded(deployment.values.get("properties"), "parameterslink")
        stated = (
            _as_path(evaluator.value(_get_folded(link, "uri"), scope, {})) if isinstance(link, dict) else None
        )
        found = _linked_template(stated, self.chain) if isinstance(stated, str) else None
        return _values_written(found) if found is not None else ({}, ())

    def _passed(self, deployment: _Written, given: object) -> Iterator[tuple[str, Mark]]:
        """Each string the deployment passes its linked template as written (`{"value": "10.0.0.0/16"}`, no
        expression), where its `parameters` write it."""
        from migcheck.readers.arm_expressions import is_expression

        values = [_get_folded(v, "value") for v in given.values()] if isinstance(given, dict) else []
        written = [v for v in values if isinstance(v, str) and not is_expression(v)]
        mark = self.walk.lines.mark(deployment.start)
        spots = Spots(self.walk.text, deployment.start, deployment.end, mark, cut_at=[])
        for value, at in zip(written, spots.values(written, "parameters"), strict=True):
            if at is not mark:
                yield value, at

    def _outputs(self, deployment: _Written) -> object:
        """What `reference(...)` of the deployment gives: `{"outputs": {name: {"value": ...}}}`, each
        output worked out in the linked template with the parameters the deployment passes, once; not known
        while it is worked out (an output of a parameter the deployment passes of that output)."""
        key = id(deployment)
        if key not in self._references:
            self._references[key] = None
            self._references[key] = self._worked_out(deployment)
        found = self._references[key]
        return found if found is not None else Unknown()

    def _worked_out(self, deployment: _Written) -> object:
        linked = self.opened(deployment)
        if linked is None or linked.scope is None:
            return Unknown()
        _Links(linked, (*self.chain, linked.path), self.files)  # its own links, for its outputs to read
        evaluator = Evaluator(_BUDGET_FLOOR + _BUDGET_PER_CHAR * len(linked.text))
        outputs = {
            name: {"value": evaluator.value(_get_folded(output, "value"), linked.scope, {})}
            for name, output in linked.scope.outputs.items()
        }
        return {"outputs": outputs}


def _linked_path(link: dict) -> object:
    """What a `templateLink` writes for the path of the template it links: its `relativePath`, else its
    `uri` when that is a path of no scheme (written as it is, or worked out)."""
    relative = _get_folded(link, "relativepath")
    return relative if relative is not None else _get_folded(link, "uri")


def _as_path(stated: object) -> object:
    """A link worked out: the path from the template's folder of a file beside it, where the link is that
    file's address from the template's own (`[uri(deployment().properties.templateLink.uri, 'nested/vm.json')]`,
    `arm_expressions._uri`); anything else as it is."""
    return stated.beside if isinstance(stated, Unknown) and stated.beside else stated


def _of_the_repository(stated: str) -> bool:
    """Whether a linked template's path is one of the repository: no address, no absolute path."""
    relative = stated.strip().replace("\\", "/")
    return bool(relative) and ":" not in relative and not relative.startswith("/")


def _linked_template(stated: str, chain: tuple[str, ...]) -> Settings | None:
    """The template at `stated`, a path from the folder of the template last in `chain`, when it is a file
    the run checks (`beside.settings_file`, from the folder of the template the run reads, first in
    `chain`) and none of `chain`, within the bound on how deep templates link."""
    from migcheck.readers import beside

    wanted = _of_the_run(stated, chain)
    return None if wanted is None else beside.settings_file(wanted)


def _of_the_run(stated: str, chain: tuple[str, ...]) -> str | None:
    """The path from the run's folder of the template `stated` links, or None where no file checked could be
    read for it: an address or an absolute path (not in the repository), a template of `chain` (a cycle), or
    one past the bound on how deep templates link. A path this gives that no file checked has is a template
    of the repository the run does not check (`TEMPLATE_FILE_NOT_CHECKED`)."""
    relative = stated.strip().replace("\\", "/")
    if not _of_the_repository(relative) or len(chain) > MAX_FILE_DEPTH:
        return None
    wanted = posixpath.normpath(posixpath.join(posixpath.dirname(chain[-1]), relative))
    return None if wanted in chain else posixpath.relpath(wanted, posixpath.dirname(chain[0]) or ".")


def _used_as_a_module(path: str) -> bool:
    """Whether a Bicep file this run checks uses the template `path` as a module, and reads it so."""
    from migcheck.readers.bicep import used_elsewhere

    return used_elsewhere(path)


def _linked_elsewhere(path: str) -> bool:
    """Whether another template this run checks links the template `path` by its path."""
    from migcheck.readers import beside

    if not beside.finding():
        return False
    return posixpath.normpath(path) in beside.once_per_run("arm-linked-templates", _templates_linked)


def _templates_linked() -> frozenset[str]:
    """The templates (display paths) that a template this run checks links by a path written as it is
    (`"relativePath": "nested/vm.json"`): only files that may (`_may_link`) are parsed, each once a run."""
    from migcheck.readers import beside

    uses: dict[str, set[str]] = {}
    for name in beside.files_in_run((".json", ".jsonc")):
        settings = beside.settings_file(name, wanted=_may_link)
        if settings is None:
            continue
        walk = _at_a_fixed_depth(partial(_walked, settings))
        evaluator = Evaluator(_BUDGET_FLOOR + _BUDGET_PER_CHAR * len(walk.text)) if walk is not None else None
        for _, scope, link in walk.linked if walk is not None else ():
            stated = _linked_beside(link, scope, evaluator)
            if stated is not None:
                folder = posixpath.dirname(posixpath.normpath(settings.path))
                target = posixpath.normpath(posixpath.join(folder, stated.strip().replace("\\", "/")))
                if target != posixpath.normpath(settings.path):
                    uses.setdefault(posixpath.normpath(settings.path), set()).add(target)
    return used_alone_never(uses)


def _linked_beside(link: dict, scope: Scope, evaluator: Evaluator | None) -> str | None:
    """The path a `templateLink` states of a file beside the template: written as it is, or as its address
    from the template's own (`[uri(deployment().properties.templateLink.uri, 'nested/vm.json')]`), worked
    out by `evaluator`, whose budget is the whole file's; None for anything else."""
    stated = _linked_path(link)
    if isinstance(stated, str) and stated.startswith("[") and evaluator is not None:
        beside = evaluator.value(stated, scope, {})
        found = beside.beside if isinstance(beside, Unknown) else None
        return found if found and _of_the_repository(found) and not found.endswith("/") else None
    return stated if isinstance(stated, str) and not stated.startswith("[") and ":" not in stated else None


def _walked(found: Settings) -> _Walk | None:
    """The walk of a template file's text (UTF-8 or UTF-16, comments read as white space); None when it
    does not decode or parse."""
    text, problem = _decode(found.data)
    if problem is not None:
        return None
    walk = _Walk(found.path, without_comments(text), json.JSONDecoder())
    try:
        walk.walk()
    except (_Malformed, ValueError, RecursionError):
        return None
    return walk


def _may_link(data: bytes) -> bool:
    lowered = data.lower()
    return b"templatelink" in lowered and b"deploymenttemplate.json" in lowered


def without_comments(text: str) -> str:
    """The text with each comment outside strings (`// ...` to the end of its line, `/* ... */`) written as
    spaces, its line breaks kept, so that every offset, line and column stays where it was: Resource
    Manager reads a template with comments, the JSON decoder does not. The same text when it has none."""
    if "/" not in text:
        return text
    out: list[str] = []
    start = 0
    for slash, end in _comment_spans(text):
        out.append(text[start:slash])
        out.append("".join(c if c in "\r\n" else " " for c in text[slash:end]))
        start = end
    out.append(text[start:])
    return "".join(out)


def _comment_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where each comment outside strings starts and ends (just past its line's text or its `*/`)."""
    at, length = 0, len(text)
    quote, slash = text.find('"'), text.find("/")  # the next of each from `at`, found once each
    while slash >= 0:
        if 0 <= quote < slash:
            at = _string_end(text, quote)
        elif text.startswith(("//", "/*"), slash):
            line = text.startswith("//", slash)
            end = text.find("\n", slash) if line else text.find("*/", slash + 2)
            end = length if end < 0 else end + (0 if line else 2)
            yield slash, end
            at = end
        else:
            at = slash + 1
        quote = text.find('"', at) if quote < at else quote
        slash = text.find("/", at) if slash < at else slash


def template_suppressions(
    path: str, text: str
) -> tuple[tuple[Suppression, ...], tuple[DirectiveComment, ...]]:
    """`migcheck: ...` directives in a template's comments (`//` and `/* */`), as in a Bicep file's: on a
    line of its own, one covers the member or array item after it (a resource with all it holds, from its
    key to its closing bracket); at the end of a line, that line; `ignore-file`, the file. One with nothing
    after it in its object or array applies to nothing, and the filter reports it. Nothing is done for a
    template that does not say `migcheck`."""
    if "migcheck" not in text.lower():
        return (), ()
    blank = without_comments(text)
    lines = _Lines(path, text)
    ends = _Closings(blank)

    def suppression(parsed: Directive, start: int, end: int) -> Suppression:
        target = _following_value(blank, end, ends) if parsed[0] != "ignore-file" else None
        span = None if target is None else (lines.mark(target[0]).line, lines.mark(target[1]).line)
        return placed(parsed, lines.mark(start), text[text.rfind("\n", 0, start) + 1 : start], span)

    return gathered(
        (slash_comment_text(text[start:end]), lines.mark(start), partial(suppression, start=start, end=end))
        for start, end in _comment_spans(text)
    )


_NOT_SPACE = re.compile(r"\S")
_BRACKET_OR_QUOTE = re.compile(r'[{}\[\]"]')


def _following_value(blank: str, at: int, ends: _Closings) -> tuple[int, int] | None:
    """Where the member (`"key": value`) or array item that follows offset `at` of the comment-less text
    starts and where its value's last character is; None when its object or array closes first."""
    start = _next_token(blank, at)
    if start < len(blank) and blank[start] == ",":  # a comment before the comma: the sibling after it
        start = _next_token(blank, start + 1)
    if start >= len(blank) or blank[start] in "}]":
        return None
    value = start
    if blank[start] == '"':
        after = _next_token(blank, _string_end(blank, start))
        if after < len(blank) and blank[after] == ":":
            value = _next_token(blank, after + 1)
    return start, ends.closing(value)


def _next_token(blank: str, at: int) -> int:
    found = _NOT_SPACE.search(blank, at)
    return len(blank) if found is None else found.start()


class _Closings:
    """The offset of the bracket that closes each `{` and `[` of a comment-less text, found in one pass
    the first time one is asked for; any other value ends on the line it starts (a JSON string holds no
    line break)."""

    def __init__(self, blank: str) -> None:
        self._blank = blank
        self._closing: dict[int, int] | None = None

    def closing(self, at: int) -> int:
        if at >= len(self._blank) or self._blank[at] not in "{[":
            return min(at, max(len(self._blank) - 1, 0))
        if self._closing is None:
            self._closing = self._pairs()
        return self._closing.get(at, len(self._blank) - 1)

    def _pairs(self) -> dict[int, int]:
        blank, pairs, open_ = self._blank, {}, []
        found = _BRACKET_OR_QUOTE.search(blank)
        while found is not None:
            at = found.start()
            if blank[at] == '"':
                found = _BRACKET_OR_QUOTE.search(blank, _string_end(blank, at))
                continue
            if blank[at] in "{[":
                open_.append(at)
            elif open_:
                pairs[open_.pop()] = at
            found = _BRACKET_OR_QUOTE.search(blank, at + 1)
        return pairs


def _string_end(text: str, at: int) -> int:
    """The offset just past the JSON string whose `"` is at `at` (the end of the text when it has none)."""
    at += 1
    while True:
        quote = text.find('"', at)
        if quote < 0:
            return len(text)
        slashes = 0
        while text[quote - 1 - slashes] == "\\":
            slashes += 1
        if slashes % 2 == 0:
            return quote + 1
        at = quote + 1


def _parameters_file(path: str) -> tuple[dict[str, object], tuple[tuple[str, Mark], ...]]:
    """The values the parameters file beside the template gives its parameters (`_parameters_names`: the
    first of them among the files the run checks), by name case-folded: each `value` as written; none when
    there is no such file, or it is not a parameters file that parses. A parameter taken from a key vault
    (`reference`) is given no value here. Then where the file writes each string."""
    found = parameters_file_of(path, ".json")
    return _values_written(found) if found is not None else ({}, ())


def parameters_file_of(path: str, suffix: str) -> Settings | None:
    """The parameters file the template or Bicep file `path` (named with `suffix`, `.json` or `.bicep`) is
    deployed with: the one a pipeline step of the run names with it (`deployed_parameters`), else the first
    of `_parameters_names` beside it among the files the run checks; None when there is none."""
    from migcheck.readers import beside
    from migcheck.readers.deployed_parameters import parameters_deployed_with

    name = posixpath.basename(path)
    if not beside.finding() or not name.lower().endswith(suffix):
        return None
    deployed = parameters_deployed_with(path)
    if deployed is not None:
        return deployed
    for candidate in _parameters_names(name[: -len(suffix)]):
        found = beside.settings_file(candidate)
        if found is not None:
            return found
    return None


def parameters_given(found: Settings) -> tuple[dict[str, object], tuple[tuple[str, Mark], ...]]:
    """The values a parameters file gives, by name case-folded, and where it writes each string
    (`_values_written`): what a Bicep file deployed with it (`--parameters main.parameters.json`) is given."""
    return _values_written(found)


def _parameters_names(stem: str) -> tuple[str, ...]:
    """The names the parameters file of the template `<stem>.json` (or `<stem>.bicep`) has beside it, in the
    order looked for:
    `azuredeploy.parameters.json` (Visual Studio's resource group project), `azuredeploy.parameter.json`,
    and for a template whose name ends in the word `template`, that word made `parameters` (the portal's
    export, `template.json` and `parameters.json`; `cses.template.json` and `cses.parameters.json`) or
    `parameter`. A file of these names that is no parameters file gives nothing (`_parameter_values`)."""
    names = [f"{stem}.parameters.json", f"{stem}.parameter.json"]
    before = stem[: -len("template")]
    if stem.casefold().endswith("template") and (not before or before[-1] in "._-"):
        names += [f"{before}parameters.json", f"{before}parameter.json"]
    return tuple(names)


def _values_written(found: Settings) -> tuple[dict[str, object], tuple[tuple[str, Mark], ...]]:
    """The values a parameters file gives (`_parameter_values`), and where it writes each string (a finding
    about one points there, `Spots.passed`)."""
    values = _parameter_values(found)
    if not values:
        return {}, ()
    text = _decode(found.data)[0]
    written = [v for v in values.values() if isinstance(v, str)]
    start = Mark(found.path, 1, column=1)
    marks = Spots(text, 0, len(text), start, cut_at=[]).values(written, "parameters")
    return values, tuple((v, at) for v, at in zip(written, marks, strict=True) if at is not start)


def _parameter_values(found: Settings) -> dict[str, object]:
    """The values a parameters file gives, by name case-folded: each `value` as written; none when it is
    not a parameters file that parses. A parameter taken from a key vault (`reference`) is given none, nor
    one the Azure Developer CLI fills in (a string holding `${NAME}`)."""
    text, problem = _decode(found.data)  # UTF-8, or UTF-16 as Windows PowerShell's Out-File writes it
    try:
        values = json.loads(text) if problem is None else None
    except (ValueError, RecursionError):
        return {}
    schema = _get_folded(values, "$schema")
    given = _get_folded(values, "parameters")
    if not isinstance(schema, str) or "deploymentparameters.json" not in schema.casefold():
        return {}
    if not isinstance(given, dict):
        return {}
    supplied = {}
    for key, parameter in given.items():
        value = _get_folded(parameter, "value")
        # `${AZURE_ENV_NAME}`: the Azure Developer CLI puts an environment's value there before it deploys
        # (its `main.parameters.json`); not known here, so the parameter keeps its default or stand-in.
        if value is not None and not (isinstance(value, str) and "${" in value):
            supplied[key.casefold()] = value
    return supplied


def _classic(walk: _Walk, path: str, text: str) -> tuple[object, ...]:
    expand = _Expansion(path, text, walk.passed)
    declared: list[Declared] = []
    for resource in walk.top:
        declared += expand.resource(resource, {}, None)
    declared.sort(key=lambda d: d.start)
    return records_of(path, text, declared, TEMPLATE_LANGUAGE)


class _Expansion:
    """The declared resources of a template's walk, each copy loop's items one each, values worked out."""

    def __init__(self, path: str, text: str, passed: tuple[tuple[str, Mark], ...] = ()) -> None:
        self.text = text
        self.passed = passed_at(passed)
        self.evaluator = Evaluator(_BUDGET_FLOOR + _BUDGET_PER_CHAR * len(text))
        # How much of the text the loops' items may repeat between them: past it, a loop is one resource
        # whose index is not known (800 items of a megabyte's resource would be 800 MB to work through).
        self.room = 4 * len(text) + 1_000_000
        self._lines = _Lines(path, text)

    def resource(
        self, written: _Written, copies: dict[str | None, int | None], parent: tuple[str, object] | None
    ) -> Iterator[Declared]:
        ev, scope, values = self.evaluator, written.scope, written.values
        for index_copies in self._items(written, copies):
            if "condition" in values and ev.value(values["condition"], scope, index_copies) is False:
                continue  # stated not deployed (with its child resources); one not known is kept
            rtype = ev.value(values.get("type"), scope, index_copies)
            if not isinstance(rtype, str) or not rtype.strip():
                continue
            name = resource_name(ev.value(values.get("name"), scope, index_copies))
            if parent is not None:
                rtype, name = _under(parent, rtype.strip(), name)
            if read_type(rtype):
                yield self._declared(written, rtype, name, index_copies)
            for child in written.children:
                yield from self.resource(child, index_copies, (rtype, name))

    def _deployment_scope(self, scope: Scope) -> dict[str, object]:
        """What `resourceGroup()` gives where the template of `scope` is deployed: the group its deployment
        names, else the one the whole deployment goes to; or `subscription()`, of a template deployed to a
        subscription."""
        file = scope.reads().file
        if deployed_at_subscription(scope):
            return deployment_subscription(file)
        return deployment_group(file, deployed_group(self.evaluator, scope))

    def _declared(self, written: _Written, rtype: str, name: object, copies: dict) -> Declared:
        ev, scope = self.evaluator, written.scope
        props = ev.value(written.values.get("properties"), scope, copies)
        own = (
            {"location": ev.value(written.values["location"], scope, copies)}
            if "location" in written.values
            else {}
        )
        if "scope" in written.values:  # an extension resource's (a role assignment's)
            own["scope"] = ev.value(written.values["scope"], scope, copies)
        elif rtype.strip().casefold() == ROLE_ASSIGNMENT:  # on the scope the template is deployed to
            own["scope"] = self._deployment_scope(scope)["id"]
        if names_its_group(rtype) and not deployed_at_subscription(scope):  # the group commands name
            group_stated(own, self._deployment_scope(scope)["name"])
        mark = self._lines.mark(written.start)
        return Declared(rtype, name, props, mark, written.start, written.end, own, passed=self.passed)

    def _items(
        self, written: _Written, copies: dict[str | None, int | None]
    ) -> list[dict[str | None, int | None]]:
        """The copy indices of each item a resource stands for: one (its loop's index unknown when its count
        is not known, or past what the text may repeat); none for a loop of no items."""
        loop = written.values.get("copy")
        if not isinstance(loop, dict):
            return [copies]
        name = _get_folded(loop, "name")
        name = name if isinstance(name, str) else ""
        count = as_count(self.evaluator.value(_get_folded(loop, "count"), written.scope, copies))
        size = max(written.end - written.start, 1)
        if count is not None and count * size > self.room:
            count = None
        if count is None:
            return [{**copies, None: None, name: None}]
        self.room -= count * size
        return [{**copies, None: index, name: index} for index in range(count)]


def _under(parent: tuple[str, object], rtype: str, name: object) -> tuple[str, object]:
    """A child resource's full type and name: written after its parent's where the child writes only its
    own part (`extensions`, `BGInfo`)."""
    parent_type, parent_name = parent
    if "/" not in rtype:
        rtype = f"{parent_type}/{rtype}"
    if isinstance(parent_name, Unknown) and parent_name.stand_in:  # a parameter given no value
        parent_name = parent_name.stand_in
    if isinstance(name, str) and "/" not in name:
        name = f"{parent_name}/{name}" if isinstance(parent_name, str) else Unknown()
    return rtype, name


def _stated_name(evaluator: Evaluator, name: str, written: _Written) -> str:
    """A cloud service's name as the template states it: an expression worked out where its values are stated
    (`[parameters('cloudServiceName')]` of a default, the way the platform's sample template names it), as a
    Bicep file's name is; else as written, which names no service."""
    if not is_expression(name):
        return name
    value = evaluator.value(name, written.scope, {})
    return value if isinstance(value, str) and value.strip() else name


class _Lines:
    """Line and column of offsets asked for in any order, by the offsets of the text's line starts."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self._text = text
        self._starts: list[int] | None = None

    def mark(self, offset: int) -> Mark:
        from bisect import bisect_right

        if self._starts is None:
            starts, at = [0], self._text.find("\n")
            while at >= 0:
                starts.append(at + 1)
                at = self._text.find("\n", at + 1)
            self._starts = starts
        line = bisect_right(self._starts, offset)
        return Mark(self.path, line, column=offset - self._starts[line - 1] + 1)


class _Walk(_Scanner):
    """One pass over a template's text that descends only where resources are declared (see the module's
    words); what else a resource writes is decoded whole."""

    def __init__(self, path: str, text: str, decoder: json.JSONDecoder) -> None:
        self.path = path
        self.text = text
        self.pos = 0
        self._decode = decoder.raw_decode
        self.schema = ""
        self.scope: Scope | None = None  # the template's own
        self.key_at = 0  # where the key `_keys` gave last is written
        self.lines = _Lines(path, text)
        self.top: list[_Written] = []  # the resources of the template and of its inline nested ones
        # Cloud services of extended support: (offset of the `type` value, name as written, role names, the
        # resource as written).
        self.found: list[tuple[int, str, tuple[str, ...], _Written]] = []
        # Deployments of a template linked by its path: the deployment, the scope it is written in, its link.
        self.linked: list[tuple[_Written, Scope, dict]] = []
        # The strings the deployments that link this template pass it, where written (`Spots.passed`).
        self.passed: tuple[tuple[str, Mark], ...] = ()
        # The strings the template's own parameters default to (`"defaultValue": "10.0.0.0/16"`, no
        # expression), where written: after those its callers pass, which its defaults give way to.
        self.defaults: list[tuple[str, Mark]] = []

    def walk(self) -> str:
        """Read the whole text; what `_at_a_fixed_depth` returns."""
        self._space()
        if not self._at("{"):
            return ""
        self.scope = Scope(file=posixpath.basename(self.path))
        self.schema = self._template(self.scope)
        self.passed = tuple(self.defaults)
        self._space()
        if self.pos != len(self.text):
            raise _Malformed("unexpected text after the end of the template", self.pos)
        return self.schema

    def extended_support(self) -> list[ExtendedSupportService]:
        """The cloud services of extended support the template deploys: one whose `condition` works out
        false on stated values (written `false`, or `[equals(parameters('env'), 'prod')]` of a default
        `test`) is not deployed, and no evidence; one not known may be, and is."""
        evaluator = Evaluator(_BUDGET_FLOOR)
        return [
            ExtendedSupportService(
                _stated_name(evaluator, name, written), self.lines.mark(offset), _TEMPLATE_VIA, roles=roles
            )
            for offset, name, roles, written in sorted(self.found, key=lambda found: found[0])
            if "condition" not in written.values
            or evaluator.value(written.values["condition"], written.scope, {}) is not False
        ]

    def _template(self, scope: Scope) -> str:
        """The template object at `pos`: its `$schema`; its resources go to `top`, its parameters and
        variables to `scope`."""
        schema = ""
        for name in self._keys():
            folded = name.casefold()
            if folded == "$schema" and self._at('"'):
                value = self._value()
                schema = value if isinstance(value, str) else ""
            elif folded == "resources":
                self.top += self._resources(scope)
            elif folded == "parameters" and self._at("{"):
                self._parameters(scope)
            elif folded == "variables":
                value = self._value()
                if isinstance(value, dict):
                    scope.variables = {k.casefold(): v for k, v in value.items()}
            elif folded == "outputs":
                value = self._value()
                if isinstance(value, dict):
                    scope.outputs = value
            else:
                self._value()
        scope.subscription_level = "subscriptiondeploymenttemplate.json" in schema.casefold()
        return schema

    def _parameters(self, scope: Scope) -> None:
        """The `parameters` object at `pos`: each declaration, and where its name is written."""
        for name in self._keys():
            start = self.pos
            declared = scope.parameters[name.casefold()] = self._value()
            scope.declared_at[name.casefold()] = self.lines.mark(self.key_at)
            default = _get_folded(declared, "defaultvalue")
            if scope is self.scope and isinstance(default, str) and not is_expression(default):
                begins = self.lines.mark(start)
                [written] = Spots(self.text, start, self.pos, begins, cut_at=[]).values(
                    [default], "defaultValue"
                )
                if written is not begins:
                    self.defaults.append((default, written))

    def _resources(self, scope: Scope) -> list[_Written]:
        """The `resources` value at `pos`: an array of resources, or an object of them by symbolic name."""
        if not self._at(("[", "{")):
            self._value()
            return []
        found = []
        for _ in self._items() if self._at("[") else self._keys():
            if self._at("{"):
                found.append(self._resource(scope))
            else:
                self._value()
        return found

    def _resource(self, scope: Scope) -> _Written:
        """One resource object. Its nested template's resources are the template's own only when it is a
        deployment (told once the whole object is read: its `type` may come last)."""
        written = _Written({}, self.pos, scope)
        type_at, nested = -1, None
        roles: tuple[str, ...] = ()
        for key in self._keys():
            folded = key.casefold()
            if folded == "type" and self._at('"'):
                type_at = self.pos
                written.values["type"] = self._value()
            elif folded == "resources":
                written.children = self._resources(scope)
            elif folded == "properties" and self._at("{"):
                written.values["properties"], nested = self._properties()
                roles = _role_names(_get_folded(written.values["properties"], "roleprofile"))
            else:
                written.values[folded] = self._value()
        written.end = self.pos
        rtype = written.values.get("type")
        rtype = rtype.strip().casefold() if isinstance(rtype, str) else ""
        if rtype == _CLOUD_SERVICE_TYPE:
            name = written.values.get("name")
            self.found.append((type_at, name if isinstance(name, str) else "", roles, written))
        elif rtype == _DEPLOYMENT_TYPE and nested is not None:
            self._deploys(nested, written, scope)
        elif rtype == _DEPLOYMENT_TYPE:
            link = _get_folded(written.values.get("properties"), "templatelink")
            if isinstance(link, dict):
                self.linked.append((written, scope, link))
        return written

    def _deploys(
        self, nested: tuple[Scope, list[_Written], list], deployment: _Written, scope: Scope
    ) -> None:
        """An inline nested deployment's template: its resources are the template's, its expressions
        evaluated in the outer template's scope, or in its own (`inner`) given the values the deployment
        passes."""
        inner, resources, found = nested
        if "resourcegroup" in deployment.values:
            inner.deployed_to = (deployment.values["resourcegroup"], scope)
        props = deployment.values.get("properties")
        options = _get_folded(props, "expressionevaluationoptions")
        said = _get_folded(options, "scope")
        if isinstance(said, str) and said.strip().casefold() == "inner":
            given = _get_folded(props, "parameters")
            inner.given = {k.casefold(): v for k, v in given.items()} if isinstance(given, dict) else {}
            inner.caller = scope
        else:
            inner.outer = scope
        self.top += resources
        self.found += found

    def _properties(self) -> tuple[dict, tuple[Scope, list[_Written], list] | None]:
        """The `properties` object at `pos`, but its `template`, walked as a template of its own: its scope,
        resources and cloud services, kept apart until the resource is known to be a deployment."""
        props: dict[str, object] = {}
        nested = None
        for key in self._keys():
            if key.casefold() == "template" and self._at("{"):
                top, found, self.top, self.found = self.top, self.found, [], []
                inner = Scope(file=posixpath.basename(self.path))
                try:
                    self._template(inner)
                    nested = (inner, self.top, self.found)
                finally:
                    self.top, self.found = top, found
            else:
                props[key] = self._value()
        return props, nested

    def _keys(self) -> Iterator[str]:
        """The keys of the object at `pos` as written, each with `pos` at its value; the caller reads or
        skips the value before asking for the next key."""
        self._expect("{")
        self._space()
        if self._at("}"):
            self.pos += 1
            return
        while True:
            start = self.pos
            name = self._value()
            if not isinstance(name, str):
                raise _Malformed("expected a property name in double quotes", start)
            self._space()
            self._expect(":")
            self._space()
            self.key_at = start
            yield name
            self._space()
            if not self._at(","):
                self._expect("}")
                return
            self.pos += 1
            self._space()

    def _items(self) -> Iterator[None]:
        """Each item of the array at `pos`, with `pos` at it; the caller reads or skips it."""
        self._expect("[")
        self._space()
        if self._at("]"):
            self.pos += 1
            return
        while True:
            yield None
            self._space()
            if not self._at(","):
                self._expect("]")
                return
            self.pos += 1
            self._space()
