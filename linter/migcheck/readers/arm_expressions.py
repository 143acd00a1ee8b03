"""Template expressions of ARM JSON templates (`[concat(parameters('prefix'), '-vnet')]`), parsed by hand
(a tokenizer and a recursive descent over the language's grammar: function calls, string literals with `''`
for a quote, integers, `.property` and `[index]`) and worked out as far as the template states their
values. Whatever the template does not state (a parameter without a default, `resourceGroup().location`,
`uniqueString(...)`, a function this module does not evaluate) is an `Unknown`; the resource group and
subscription it is deployed to (`resourceGroup().id`, `subscription().subscriptionId`) are stand-ins named
after its file (`template_values.deployment_group`).

Every evaluation spends from a budget set by the template's length, and every string it builds is bounded
(`MAX_STRING`), so a hostile template (variables that double a string at each step, that name each other
in a cycle, expressions nested thousands deep) costs time in proportion to its size, and never raises.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urljoin

from migcheck.model import Mark
from migcheck.readers.template_functions import LOGIC, SHARED, weight
from migcheck.readers.template_values import (
    MAX_STRING,
    Unknown,
    deployment_group,
    deployment_subscription,
    parameter_stand_in,
    partly_known,
)

# How deep an expression may nest calls and brackets before it is taken as not known: real ones nest a
# handful; the parser recurses once a level.
_MAX_DEPTH = 64


class _Budget(Exception):
    """Raised when a template has spent its evaluation budget: what is left is not known."""


@dataclass(slots=True)
class Scope:
    """What a template's expressions read: its parameters (their declarations, by name case-folded, and the
    values a nested deployment passes them), its variables, and the scope whose parameters and variables
    an inline nested template of the default `outer` scope reads instead of its own."""

    parameters: dict[str, object] = field(default_factory=dict)
    declared_at: dict[str, Mark] = field(default_factory=dict)  # where each parameter is declared
    variables: dict[str, object] = field(default_factory=dict)
    given: dict[str, object] = field(default_factory=dict)  # a nested deployment's `parameters`
    # The values a parameters file beside the template gives its parameters, taken as written.
    supplied: dict[str, object] = field(default_factory=dict)
    caller: Scope | None = None  # the template whose deployment passes `given`, evaluated there
    outer: Scope | None = None  # an outer-scope nested template's: its expressions are the outer one's
    # Worked out once each: a variable's value, a parameter's.
    known: dict[tuple[str, str], object] = field(default_factory=dict)
    outputs: dict[str, object] = field(default_factory=dict)  # the template's `outputs`, as written
    # What `reference('<deployment>')` gives of each deployment of a template linked by its path, by the
    # deployment's name case-folded: worked out when first asked (`template._Links`).
    linked: dict[str, Callable[[], object]] = field(default_factory=dict)
    busy: set[tuple[str, str]] = field(default_factory=set)
    # The name of the template's file, which names the resource group and subscription it is deployed to
    # (`resourceGroup()`, `subscription()`), neither of which it states: a linked template's are its
    # caller's, and its group the one its deployment names (`"resourceGroup": "shop-rg"`) when it names one.
    file: str = ""
    group: object = None
    # A nested deployment's `resourceGroup` as written, and the scope it is evaluated in: the group its
    # template is deployed to.
    deployed_to: tuple[object, Scope] | None = None
    # Whether the template's `$schema` is a subscription's (`subscriptionDeploymentTemplate.json`): deployed
    # to a subscription, not a resource group, unless a deployment of it names a group.
    subscription_level: bool = False

    def reads(self) -> Scope:
        return self.outer.reads() if self.outer is not None else self


class Evaluator:
    """Works out values in one template's scopes, spending one `budget` for the whole template."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.nesting = 0  # parameters and variables being worked out, one inside another

    def value(self, value: object, scope: Scope, copies: Mapping[str | None, int | None]) -> object:
        """`value` (a JSON value of the template) with each expression worked out; `copies` gives the index of
        each copy loop it is in by the loop's name (and None for the innermost), None where not known."""
        try:
            return self._value(value, scope.reads(), copies)
        except (_Budget, RecursionError):
            return Unknown()

    def _spend(self, cost: int = 1) -> None:
        self.budget -= cost
        if self.budget < 0:
            raise _Budget

    def _value(self, value: object, scope: Scope, copies: Mapping[str | None, int | None]) -> object:
        self._spend()
        if isinstance(value, str):
            return self._string(value, scope, copies)
        if isinstance(value, dict):
            return self._object(value, scope, copies)
        if isinstance(value, list):
            return [self._value(item, scope, copies) for item in value]
        return value

    def _object(self, value: dict, scope: Scope, copies: Mapping[str | None, int | None]) -> dict:
        """An object, its property copy loops (`"copy": [{"name", "count", "input"}]`) made into the arrays
        they state, as far as their counts are known."""
        out = {k: self._value(v, scope, copies) for k, v in value.items() if k.casefold() != "copy"}
        loops = next((v for k, v in value.items() if k.casefold() == "copy"), None)
        if not isinstance(loops, list):
            if loops is not None:
                out["copy"] = self._value(loops, scope, copies)
            return out
        for loop in loops:
            if not isinstance(loop, dict):
                continue
            name = _folded_get(loop, "name")
            if not isinstance(name, str):
                continue
            count = as_count(self._value(_folded_get(loop, "count"), scope, copies))
            item = _folded_get(loop, "input")
            if count is None:
                out[name] = [self._value(item, scope, {**copies, name: None})]
                continue
            out[name] = [self._value(item, scope, {**copies, name: index}) for index in range(count)]
        return out

    def _string(self, text: str, scope: Scope, copies: Mapping[str | None, int | None]) -> object:
        if not is_expression(text):
            return text[1:] if text.startswith("[[") else text
        self._spend(len(text) // 16)
        try:
            tree = _Parser(text[1:-1]).expression()
        except _Unparsed:
            return Unknown("", text)
        found = self._evaluate(tree, scope, copies)
        if isinstance(found, Unknown):
            return replace(found, raw=text, mark=None, file="")
        return found

    # --- the expression's tree ------------------------------------------------------------------------

    def _evaluate(self, node: Node, scope: Scope, copies: Mapping[str | None, int | None]) -> object:
        self._spend()
        if isinstance(node, Literal):
            return node.value
        if isinstance(node, Access):
            return _access(
                self._evaluate(node.target, scope, copies), self._evaluate(node.key, scope, copies)
            )
        function = _FUNCTIONS.get(node.name.casefold())
        if function is None:
            return Unknown()
        return function(self, node.arguments, scope, copies)

    def arguments(
        self, nodes: tuple[Node, ...], scope: Scope, copies: Mapping[str | None, int | None]
    ) -> list:
        return [self._evaluate(n, scope, copies) for n in nodes]

    def parameter(self, name: object, scope: Scope) -> object:
        """A parameter's value: what a nested deployment passes it, else its default; not known
        otherwise."""
        if not isinstance(name, str):
            return Unknown()
        folded = name.casefold()
        if folded in scope.supplied:
            return scope.supplied[folded]
        caller = scope.caller
        if folded in scope.given and caller is not None:
            passed = scope.given[folded]
            return self._once(scope, ("given", folded), lambda: self._passed(passed, caller))
        declared = scope.parameters.get(folded)
        default = _folded_get(declared, "defaultValue") if isinstance(declared, dict) else None
        if default is None:
            at = scope.declared_at.get(folded)
            return (
                parameter_stand_in(name, at)
                if at is not None
                else Unknown(f"the value of parameter '{name}'")
            )
        return self._once(scope, ("parameter", folded), lambda: self._value(default, scope, {}))

    def _passed(self, passed: object, caller: Scope) -> object:
        value = _folded_get(passed, "value") if isinstance(passed, dict) else None
        return self._value(value, caller.reads(), {}) if value is not None else Unknown()

    def variable(self, name: object, scope: Scope) -> object:
        if not isinstance(name, str) or name.casefold() not in scope.variables:
            return Unknown()
        folded = name.casefold()
        return self._once(
            scope, ("variable", folded), lambda: self._value(scope.variables[folded], scope, {})
        )

    def _once(self, scope: Scope, which: tuple[str, str], work: Callable[[], object]) -> object:
        """A parameter's or variable's value, worked out once: one that needs itself (a cycle) is not
        known."""
        if which in scope.known:
            return scope.known[which]
        if which in scope.busy or self.nesting >= _MAX_DEPTH:
            return Unknown()
        scope.busy.add(which)
        self.nesting += 1
        try:
            found = work()
        finally:
            scope.busy.discard(which)
            self.nesting -= 1
        scope.known[which] = found
        return found


def is_expression(text: str) -> bool:
    """Whether a template string is an expression: `[` ... `]`, unless it starts with `[[` (a literal)."""
    return text.startswith("[") and text.endswith("]") and not text.startswith("[[")


def as_count(value: object) -> int | None:
    """A copy loop's count when known and within what Resource Manager deploys (0 to 800)."""
    from migcheck.readers.template_values import MAX_COPIES

    if isinstance(value, str) and value.strip().isdecimal() and len(value.strip()) < 6:
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_COPIES:
        return value
    return None


def _folded_get(obj: object, wanted: str) -> object:
    if not isinstance(obj, dict):
        return None
    if wanted in obj:
        return obj[wanted]
    folded = wanted.casefold()
    return next((v for k, v in obj.items() if isinstance(k, str) and k.casefold() == folded), None)


def _access(target: object, key: object) -> object:
    """`target.key` or `target[key]`: a property of an object (without case), an item of an array."""
    if isinstance(target, Unknown) or isinstance(key, Unknown):
        return Unknown()
    if isinstance(target, dict) and isinstance(key, str):
        found = _folded_get(target, key)
        return Unknown() if found is None else found
    if isinstance(target, list) and isinstance(key, int) and not isinstance(key, bool):
        return target[key] if 0 <= key < len(target) else Unknown()
    return Unknown()


# --- functions ----------------------------------------------------------------------------------------

Copies = Mapping[str | None, int | None]
Function = Callable[[Evaluator, tuple["Node", ...], Scope, Copies], object]


def _parameters(ev: Evaluator, nodes: tuple[Node, ...], scope: Scope, copies: Copies) -> object:
    args = ev.arguments(nodes, scope, copies)
    return ev.parameter(args[0], scope) if len(args) == 1 else Unknown()


def _variables(ev: Evaluator, nodes: tuple[Node, ...], scope: Scope, copies: Copies) -> object:
    args = ev.arguments(nodes, scope, copies)
    return ev.variable(args[0], scope) if len(args) == 1 else Unknown()


def _concat(ev: Evaluator, nodes: tuple[Node, ...], scope: Scope, copies: Copies) -> object:
    args = ev.arguments(nodes, scope, copies)
    unknown = next((a for a in args if isinstance(a, Unknown)), None)
    if unknown is not None:
        return _partly(args) or unknown
    if args and all(isinstance(a, list) for a in args):
        return [item for a in args for item in a]
    parts = [as_text(a) for a in args]
    if any(p is None for p in parts):
        return Unknown()
    return bounded("".join(p for p in parts if p is not None))


def _partly(args: list) -> Unknown | str | None:
    """A string of several parts some of which are not known (`template_values.partly_known`); None when
    it is one part, or a part is no text (an array's `concat`)."""
    if len(args) < 2 or not all(isinstance(a, Unknown) or as_text(a) is not None for a in args):
        return None
    return partly_known([a if isinstance(a, Unknown) else as_text(a) for a in args])


def _format(ev: Evaluator, nodes: tuple[Node, ...], scope: Scope, copies: Copies) -> object:
    args = ev.arguments(nodes, scope, copies)
    if not args or not isinstance(args[0], str):
        return Unknown()
    return composite(args[0], args[1:])


def _unknown_argument(pieces: list[object]) -> object:
    """What a formatted string of pieces some of which are not known is: its one piece, when it is only
    that (`format('{0}', parameters('p'))` is the parameter's value); a string partly known when a
    parameter's value is among the pieces (`format('{0}-web', parameters('p'))` is not the parameter's own
    value); else the first piece not known, whose words say what it is (the index of a copy loop)."""
    parts = _joined(pieces)
    if len(parts) == 1:
        return parts[0]
    if any(isinstance(part, Unknown) and part.stand_in for part in parts):
        return partly_known(parts)
    return next(part for part in parts if isinstance(part, Unknown))


def composite(pattern: str, args: list) -> object:
    """.NET's composite formatting, as `format()` does it: `{0}`, `{1:000}` (a number padded with zeros),
    `{{` and `}}` for braces. An argument not known, written bare (`{0}`), makes the string partly known
    (`partly_known`: `format('{0}-web', parameters('p'))` is not the parameter's own value)."""
    out: list[object] = []
    at = 0
    while at < len(pattern):
        char = pattern[at]
        if pattern.startswith(("{{", "}}"), at):
            out.append(char)
            at += 2
            continue
        if char != "{":
            out.append(char)
            at += 1
            continue
        end = pattern.find("}", at)
        index, _, spec = pattern[at + 1 : end].partition(":") if end > at else ("", "", "")
        if not index.strip().isdecimal() or int(index) >= len(args):
            return Unknown()
        arg = args[int(index)]
        piece = arg if isinstance(arg, Unknown) else _formatted(arg, spec)
        if piece is None:
            return Unknown()
        out.append(piece)
        at = end + 1
    if any(isinstance(piece, Unknown) for piece in out):
        return _unknown_argument(out)
    return bounded("".join(str(piece) for piece in out))


def _joined(pieces: list[object]) -> list[object]:
    """Pieces with each run of stated text written as one string, as `partly_known` takes its parts."""
    parts: list[object] = []
    for piece in pieces:
        if isinstance(piece, str) and parts and isinstance(parts[-1], str):
            parts[-1] += piece
        else:
            parts.append(piece)
    return parts


def _formatted(value: object, spec: str) -> str | None:
    if spec and set(spec) == {"0"} and isinstance(value, int) and not isinstance(value, bool):
        return str(value).zfill(len(spec))
    if spec.upper().startswith("D") and spec[1:].isdecimal() and isinstance(value, int):
        return str(value).zfill(int(spec[1:]))
    return as_text(value) if not spec else None


def as_text(value: object) -> str | None:
    """A value as `concat` and `string()` write it: a string as it is, a number, a boolean in lower case."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int)):
        return str(value)
    return None


def bounded(text: str) -> object:
    return text if len(text) <= MAX_STRING else Unknown()


def _resource_id(ev: Evaluator, nodes: tuple[Node, ...], scope: Scope, copies: Copies) -> object:
    return resource_id(ev.arguments(nodes, scope, copies))


def resource_id(args: list) -> object:
    """`resourceId([subscriptionId], [resourceGroupName], type, name, ...)`: the id, without the subscription
    and resource group when not given (the deployment's, which the template does not state) or not known. A
    name that is a parameter's stand-in is written in it, so that the id names what the parameter names."""
    typed = next((i for i, a in enumerate(args) if isinstance(a, str) and "/" in a), -1)
    if typed > 0 and all(isinstance(a, Unknown) and a.deployment for a in args[:typed]):
        # The deployment's own subscription and group (`subscription().subscriptionId`,
        # `resourceGroup().name`): the id `resourceId` builds without them.
        args, typed = args[typed:], 0
    args = [a.stand_in if isinstance(a, Unknown) and a.stand_in else a for a in args]
    if typed > 0 and any(isinstance(a, Unknown) for a in args[:typed]):
        # A subscription or resource group not known (`uniqueString(...)`): the id of the type and name stated,
        # in a subscription not stated, as one built without them is.
        args = args[typed:]
    if any(isinstance(a, Unknown) or not isinstance(a, str) for a in args):
        return next((a for a in args if isinstance(a, Unknown)), Unknown())
    at = next((i for i, a in enumerate(args) if "/" in a), -1)
    if at < 0:
        return Unknown()
    kinds = args[at].split("/")
    names = args[at + 1 :]
    if len(kinds) != len(names) + 1:
        return Unknown()
    before = args[:at]
    prefix = ""
    if len(before) == 2:
        prefix = f"/subscriptions/{before[0]}/resourceGroups/{before[1]}"
    elif len(before) == 1:
        prefix = f"/resourceGroups/{before[0]}"
    path = "/".join(f"{kind}/{name}" for kind, name in zip(kinds[1:], names, strict=True))
    return bounded(f"{prefix}/providers/{kinds[0]}/{path}")


def _subscription_resource_id(ev: Evaluator, nodes: tuple[Node, ...], scope: Scope, copies: Copies) -> object:
    return subscription_resource_id(ev.arguments(nodes, scope, copies))


def subscription_resource_id(args: list) -> object:
    """`subscriptionResourceId([subscriptionId], type, name, ...)`: the id of a resource at a subscription's
    scope (a role definition), without the subscription when not given (the deployment's)."""
    at = next((i for i, a in enumerate(args) if isinstance(a, str) and "/" in a), -1)
    if at not in (0, 1):
        return Unknown()
    made = resource_id(args[at:])
    if at == 0 or not isinstance(made, str) or (isinstance(args[0], Unknown) and args[0].deployment):
        return made
    return bounded(f"/subscriptions/{args[0]}{made}") if isinstance(args[0], str) else Unknown()


def _tenant_resource_id(ev: Evaluator, nodes: tuple[Node, ...], scope: Scope, copies: Copies) -> object:
    return tenant_resource_id(ev.arguments(nodes, scope, copies))


def tenant_resource_id(args: list) -> object:
    """`tenantResourceId(type, name, ...)`: the id of a resource at the tenant's scope (a built-in role's
    definition, a policy's), `/providers/` its type and names."""
    if not args or not isinstance(args[0], str) or "/" not in args[0]:
        return Unknown()
    return resource_id(args)


def _extension_resource_id(ev: Evaluator, nodes: tuple[Node, ...], scope: Scope, copies: Copies) -> object:
    return extension_resource_id(ev.arguments(nodes, scope, copies))


def extension_resource_id(args: list) -> object:
    """`extensionResourceId(resourceId, type, name, ...)`: the id of an extension resource (a role
    definition, a lock, a diagnostic setting) of the resource or scope `resourceId` names: that id, then
    `/providers/` its type and names. The deployment's own group or subscription (`resourceGroup().id`) is
    written as its stand-in."""
    base = args[0] if args else None
    if isinstance(base, Unknown) and base.stand_in:
        base = base.stand_in
    if len(args) < 3 or not isinstance(args[1], str) or "/" not in args[1]:
        return Unknown()
    if not isinstance(base, str) or not base.strip():
        return base if isinstance(base, Unknown) else Unknown()
    made = resource_id(args[1:])
    return bounded(base.strip().rstrip("/") + made) if isinstance(made, str) else made


def _deployment(ev: Evaluator, nodes: tuple[Node, ...], scope: Scope, copies: Copies) -> object:
    """`deployment()`: of the deployment running the template, only the address the template is linked
    from is read (`properties.templateLink.uri`), as the address of the template's own folder, where the
    files beside it are (`_uri`)."""
    if nodes:
        return Unknown()
    address = Unknown("the address the template is deployed from", beside="./")
    return {"name": Unknown(), "properties": {"templateLink": {"uri": address}}}


def _uri(ev: Evaluator, nodes: tuple[Node, ...], scope: Scope, copies: Copies) -> object:
    """`uri(baseUri, relativeUri)`: the address `relativeUri` names from `baseUri`, as a link resolves it;
    from the template's own address (`deployment()`), the file at that path from the template's folder,
    which a `templateLink` of it opens (a SAS token's `?...` after it is no part of the path)."""
    args = ev.arguments(nodes, scope, copies)
    if len(args) != 2 or not isinstance(args[1], str):
        return Unknown()
    base, relative = args
    if isinstance(base, str):
        return bounded(urljoin(base, relative))
    path = relative.split("?", 1)[0].split("#", 1)[0].replace("\\", "/")
    if not isinstance(base, Unknown) or not base.beside or not path or ":" in path or path.startswith("/"):
        return Unknown()
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base.beside), path))
    return Unknown(base.why, beside=joined + "/" if path.endswith("/") else joined)


def _copy_index(ev: Evaluator, nodes: tuple[Node, ...], scope: Scope, copies: Copies) -> object:
    """`copyIndex([loopName], [offset])`: the index of the loop's current item."""
    args = ev.arguments(nodes, scope, copies)
    name = next((a for a in args if isinstance(a, str)), None)
    offset = next((a for a in args if isinstance(a, int) and not isinstance(a, bool)), 0)
    if any(isinstance(a, Unknown) for a in args) or (name is None and None not in copies):
        return Unknown("the index of a copy loop")
    index = copies.get(name) if name is not None else copies.get(None)
    if index is None:
        return Unknown("the index of a copy loop")
    return index + offset


def _case(change: Callable[[str], str]) -> Function:
    def apply(ev: Evaluator, nodes: tuple[Node, ...], scope: Scope, copies: Copies) -> object:
        args = ev.arguments(nodes, scope, copies)
        return change(args[0]) if len(args) == 1 and isinstance(args[0], str) else Unknown()

    return apply


def _string(ev: Evaluator, nodes: tuple[Node, ...], scope: Scope, copies: Copies) -> object:
    args = ev.arguments(nodes, scope, copies)
    text = as_text(args[0]) if len(args) == 1 else None
    return text if text is not None else Unknown()


def _add(ev: Evaluator, nodes: tuple[Node, ...], scope: Scope, copies: Copies) -> object:
    args = ev.arguments(nodes, scope, copies)
    if len(args) == 2 and all(isinstance(a, int) and not isinstance(a, bool) for a in args):
        return args[0] + args[1]
    return Unknown()


def _if(ev: Evaluator, nodes: tuple[Node, ...], scope: Scope, copies: Copies) -> object:
    """`if(condition, trueValue, falseValue)`: only the branch the condition takes is worked out, as
    Resource Manager does."""
    if len(nodes) != 3:
        return Unknown()
    condition = ev._evaluate(nodes[0], scope, copies)
    if not isinstance(condition, bool):
        return Unknown()
    return ev._evaluate(nodes[1] if condition else nodes[2], scope, copies)


def _shared(function: Callable[[list], object]) -> Function:
    """A function both template languages share (`template_functions`), its arguments worked out here, and
    what it builds spent from the budget as it is gone through."""

    def apply(ev: Evaluator, nodes: tuple[Node, ...], scope: Scope, copies: Copies) -> object:
        found = function(ev.arguments(nodes, scope, copies))
        if isinstance(found, (list, dict)):
            ev._spend(weight(found))
        return found

    return apply


def _reference(ev: Evaluator, nodes: tuple[Node, ...], scope: Scope, copies: Copies) -> object:
    """`reference('<deployment>')` (or of the deployment's id) of a deployment of the template that links a
    template by its path: its `outputs`, each `{"value": ...}` worked out in the linked template; any other
    resource's is not known (its state at deployment)."""
    args = ev.arguments(nodes, scope, copies)
    name = args[0] if args and isinstance(args[0], str) else ""
    folded = name.strip().casefold()
    if "/" in folded:
        head, _, last = folded.rpartition("/")
        folded = last if head.endswith("microsoft.resources/deployments") else ""
    known = scope.linked.get(folded) if folded else None
    return known() if known is not None else Unknown()


def _resource_group(ev: Evaluator, nodes: tuple[Node, ...], scope: Scope, copies: Copies) -> object:
    """`resourceGroup()`: the group the template is deployed to (`template_values.deployment_group`)."""
    return deployment_group(scope.file, deployed_group(ev, scope)) if not nodes else Unknown()


def deployed_group(ev: Evaluator, scope: Scope) -> object:
    """The name of the resource group the template of `scope` is deployed to, where stated: the one its
    nested deployment names (`"resourceGroup": "classic-rg"`), else its own (a linked template's), else its
    caller's or outer template's; None for the group the whole deployment goes to, which no file states."""
    while True:
        if scope.deployed_to is not None:
            written, at = scope.deployed_to
            return ev.value(written, at, {})
        if scope.group is not None:
            return scope.group
        above = scope.outer or scope.caller
        if above is None:
            return None
        scope = above


def deployed_at_subscription(scope: Scope) -> bool:
    """Whether the template of `scope` is deployed to a subscription rather than a resource group: a
    template of a subscription's schema deployed as it is, or a nested or linked one its deployment there
    names no group for (`deployed_group` follows the same way up)."""
    while True:
        if scope.deployed_to is not None or scope.group is not None:
            return False
        above = scope.outer or scope.caller
        if above is None:
            return scope.subscription_level
        scope = above


def _subscription(ev: Evaluator, nodes: tuple[Node, ...], scope: Scope, copies: Copies) -> object:
    """`subscription()`: the subscription the template is deployed to."""
    return deployment_subscription(scope.file) if not nodes else Unknown()


def _boolean(value: bool) -> Function:
    return lambda ev, nodes, scope, copies: value


_FUNCTIONS: dict[str, Function] = {
    "parameters": _parameters,
    "variables": _variables,
    "concat": _concat,
    "format": _format,
    "resourceid": _resource_id,
    "reference": _reference,
    "subscriptionresourceid": _subscription_resource_id,
    "tenantresourceid": _tenant_resource_id,
    "extensionresourceid": _extension_resource_id,
    "deployment": _deployment,
    "uri": _uri,
    "copyindex": _copy_index,
    "resourcegroup": _resource_group,
    "subscription": _subscription,
    "tolower": _case(str.lower),
    "toupper": _case(str.upper),
    "trim": _case(str.strip),
    "string": _string,
    "add": _add,
    "true": _boolean(True),
    "false": _boolean(False),
    "if": _if,
    "null": lambda ev, nodes, scope, copies: None,
    **{name: _shared(function) for name, function in {**SHARED, **LOGIC}.items()},
}


# --- the expression's grammar ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Literal:
    value: object


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    arguments: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Access:
    target: Node
    key: Node


Node = Literal | Call | Access


class _Unparsed(Exception):
    """An expression that is not of the grammar (or nests too deeply): its value is not known."""


class _Parser:
    """One expression's text, parsed from `at` on."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.depth = 0

    def expression(self) -> Node:
        node = self._postfix()
        self._space()
        if self.at != len(self.text):
            raise _Unparsed
        return node

    def _space(self) -> None:
        while self.at < len(self.text) and self.text[self.at].isspace():
            self.at += 1

    def _peek(self) -> str:
        self._space()
        return self.text[self.at] if self.at < len(self.text) else ""

    def _take(self, char: str) -> None:
        if self._peek() != char:
            raise _Unparsed
        self.at += 1

    def _postfix(self) -> Node:
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise _Unparsed
        node = self._primary()
        while self._peek() in (".", "["):
            if self._peek() == ".":
                self.at += 1
                self._space()
                node = Access(node, Literal(self._name()))
            else:
                self.at += 1
                node = Access(node, self._postfix())
                self._take("]")
        self.depth -= 1
        return node

    def _primary(self) -> Node:
        char = self._peek()
        if char == "'":
            return Literal(self._string())
        if char.isdigit() or char == "-":
            return Literal(self._number())
        name = self._name()
        self._take("(")
        arguments: list[Node] = []
        if self._peek() != ")":
            arguments.append(self._postfix())
            while self._peek() == ",":
                self.at += 1
                arguments.append(self._postfix())
        self._take(")")
        return Call(name, tuple(arguments))

    def _name(self) -> str:
        start = self.at
        while self.at < len(self.text) and (self.text[self.at].isalnum() or self.text[self.at] == "_"):
            self.at += 1
        if self.at == start:
            raise _Unparsed
        return self.text[start : self.at]

    def _string(self) -> str:
        self.at += 1
        out: list[str] = []
        while True:
            end = self.text.find("'", self.at)
            if end < 0:
                raise _Unparsed
            out.append(self.text[self.at : end])
            self.at = end + 1
            if not self.text.startswith("'", self.at):
                return "".join(out)
            out.append("'")
            self.at += 1

    def _number(self) -> int:
        start = self.at
        self.at += 1
        while self.at < len(self.text) and self.text[self.at].isdigit():
            self.at += 1
        digits = self.text[start : self.at]
        if digits == "-" or len(digits) > 18:
            raise _Unparsed
        return int(digits)
