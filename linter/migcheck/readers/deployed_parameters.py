"""The parameters file a CI pipeline deploys an ARM template or Bicep file with, where one of its steps names
both files: GitHub Actions' `Azure/arm-deploy` (`with: {template: ..., parameters: ...}`) and Azure Pipelines'
`AzureResourceManagerTemplateDeployment` and `AzureResourceGroupDeployment` tasks (`inputs: {csmFile: ...,
csmParametersFile: ...}`). The template reader reads the template with that file's values
(`template._parameters_file`), where the file has a name of its own (`parameter.arm.json` for `arm.json`) that
no naming of the parameters file beside the template gives.

Each pipeline of the run that names such a step is composed as YAML (never constructed: an alias is the node it
names, walked once), and each path is taken from the repository's root, as the step runs there
(`pipeline._repository_root`); Azure Pipelines' `$(System.DefaultWorkingDirectory)/` and
`$(Build.SourcesDirectory)/` are that root too. A path of another variable, an expression, a pattern, inline
`name=value` parameters or a URL names no file here. Where several steps deploy one template, the first (in the
order of the pipelines' paths, then of the steps) gives its file."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from migcheck.readers.beside import Settings

Node = Any  # a node PyYAML composes (see `readers.ansible`)

# Bytes a pipeline that names such a step holds (lowercased): the others are not composed.
_MARKERS = (b"arm-deploy", b"csmparametersfile")
_ACTION = "azure/arm-deploy"
_TASKS = ("azureresourcemanagertemplatedeployment", "azureresourcegroupdeployment")
# The variables Azure Pipelines gives the checkout's folder, which is the repository's root.
_ROOT_VARIABLES = ("$(system.defaultworkingdirectory)/", "$(build.sourcesdirectory)/")


def parameters_deployed_with(template: str) -> Settings | None:
    """The parameters file a pipeline step of the run deploys the template at the display path `template`
    with; None when no step names one the run checks."""
    from migcheck.readers import beside

    if not beside.finding():
        return None
    stated = beside.once_per_run("template-parameters-deployed", _pairs).get(posixpath.normpath(template))
    if stated is None:
        return None
    return beside.settings_file(posixpath.relpath(stated, posixpath.dirname(template) or "."))


def _may_pair(data: bytes) -> bool:
    lowered = data.lower()
    return any(marker in lowered for marker in _MARKERS)


def _pairs() -> dict[str, str]:
    """Each template a pipeline step of the run deploys, by its display path: the display path of the
    parameters file the step names."""
    import yaml  # type: ignore[import-untyped]

    from migcheck.readers import beside
    from migcheck.readers.pipeline import _composed

    found: dict[str, str] = {}
    for name in sorted(beside.files_in_run((".yml", ".yaml"))):
        settings = beside.settings_file(name, wanted=_may_pair)
        if settings is None:
            continue
        try:
            roots = _composed(settings.data.decode("utf-8-sig", "replace"), settings.path)
        except (yaml.YAMLError, RecursionError):
            continue
        for template, parameters in _steps_paired(roots):
            base = _root_of(settings.path)
            found.setdefault(_joined(base, template), _joined(base, parameters))
    return found


def _steps_paired(roots: list[Node]) -> list[tuple[str, str]]:
    """The (template, parameters) paths as written of each step in the documents that names both, in the
    order written. Each node is visited once, so that aliases of one node cost no more than it."""
    paired: list[tuple[str, str]] = []
    seen: set[int] = set()
    stack = list(reversed(roots))
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.id == "mapping":
            pair = _pair(_entries(node))
            if pair is not None:
                paired.append(pair)
            stack.extend(reversed([value for _, value in node.value]))
        elif node.id == "sequence":
            stack.extend(reversed(node.value))
    return paired


def _pair(entries: dict[str, Node]) -> tuple[str, str] | None:
    uses, task = _text(entries.get("uses")).casefold(), _text(entries.get("task")).casefold()
    if uses.startswith(_ACTION + "@") or uses == _ACTION:
        given, keys = entries.get("with"), ("template", "parameters")
    elif task.split("@")[0] in _TASKS:
        given, keys = entries.get("inputs"), ("csmfile", "csmparametersfile")
    else:
        return None
    inputs = _entries(given) if given is not None and given.id == "mapping" else {}
    template, parameters = (_file_path(_text(inputs.get(key))) for key in keys)
    return (template, parameters) if template and parameters else None


def _entries(node: Node) -> dict[str, Node]:
    """A mapping's entries by key case-folded (task inputs are case-insensitive), the first of a key kept."""
    entries: dict[str, Node] = {}
    for key, value in node.value:
        if key.id == "scalar":
            entries.setdefault(str(key.value).casefold(), value)
    return entries


def _text(node: Node | None) -> str:
    return str(node.value).strip() if node is not None and node.id == "scalar" else ""


def _file_path(written: str) -> str:
    """A path of the repository the step names (`/` between folders, from the root); "" for anything
    else."""
    path = written.replace("\\", "/")
    for variable in _ROOT_VARIABLES:
        if path.casefold().startswith(variable):
            path = path[len(variable) :]
    plain = path and not any(mark in path for mark in ("$", "*", "=", " ", "\n", ":", "{"))
    return (
        path if plain and not path.startswith("/") and path.casefold().endswith((".json", ".bicep")) else ""
    )


def _root_of(pipeline: str) -> str:
    from migcheck.readers.pipeline import _repository_root

    return posixpath.normpath(posixpath.join(posixpath.dirname(pipeline), _repository_root(pipeline)))


def _joined(base: str, path: str) -> str:
    return posixpath.normpath(posixpath.join(base, path))
