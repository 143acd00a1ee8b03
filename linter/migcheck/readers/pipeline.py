"""CI pipelines' YAML (`discover.ci_pipeline`: Azure Pipelines, GitHub Actions, GitLab CI, Travis CI, AppVeyor,
Bitbucket Pipelines, CircleCI; and an Azure Pipelines file of any name, by its keys: `azure_pipelines_content`),
whose steps ran the classic CLI and the classic cmdlets: each step's inline
script is read as the script it is, with the shell reader (`shell.CommandLines`, as an Ansible `shell:` task
is) or the PowerShell reader (`powershell.read_held`), each of its words shown where the YAML writes it.

A step's script is read by the shell it runs in:

- GitHub Actions `run:` with its `shell:` (the job's `defaults: run: shell:`, else PowerShell on a
  Windows runner, by any label of its `runs-on:`, a list of labels or a `group:`'s `labels:`, else bash);
  CircleCI `run:` (a command, or `command:` with its `shell:`);
- Azure Pipelines `script:` and `bash:` (shell), `powershell:` and `pwsh:`, and the `AzurePowerShell@N` and
  `PowerShell@N` tasks' inline script (`inputs: Inline:`), or the script file they run (`filePath:`,
  `ScriptPath:`, from the repository's root, a file checked) with its `arguments:` bound to its `param()`
  as a command line binds them (read as a function's body called with them: `_Walk.script_file_run`);
- the `script:` lists of GitLab CI, Travis CI, Bitbucket Pipelines and AppVeyor (and their other lists of
  commands: `before_script:`, `install:`, `build_script:`...), AppVeyor's `ps:`/`pwsh:` items as PowerShell,
  as are a GitLab CI job's lists on a Windows runner (a `tags:` label naming Windows), the top and
  `default:` `before_script:`/`after_script:` it inherits too.

A GitHub Actions step whose `shell:` is Python (`python`, `python3 {0}`) and whose script is a literal block
(`run: |`) is read by the Python reader, each call where the file writes it; so is the Python a shell step
runs inline (`python - <<'EOF'`, `python3 -c "..."`: `shell._Walker._inline_python`), which is said not read
where the step does not state it as written.

A shell script file of the repository a step runs (`bash scripts/migrate.sh hub-vnet`) is read as run there,
its `$1`... the words the step gives it (`shell._Walker._script_file_run`): a job's steps run from the
repository's root (`_repository_root`: `../..` of a GitHub Actions workflow), or from the folder a step states
(`_with_working_directory`: GitHub Actions' `working-directory:`, Azure Pipelines' `workingDirectory:`, a
CircleCI `run:`'s `working_directory:`; from the root, or from the folder the service checks the repository out
to: `${{ github.workspace }}/app`, `$(Build.SourcesDirectory)/app`, `~/project/app`), where its inline Python
imports modules too. GitLab CI, Travis CI,
Bitbucket Pipelines and AppVeyor state no folder of a step's own.

A `cmd` script (an `AzureCLI@N` task's `batch`) is read as a shell script runs the same command lines.
The `AzureCLI@N` task's `inlineScript:` is read in the shell its `scriptType` names (`bash`, `batch`; `ps`
and `pscore` in PowerShell).

The variables a step's script sees: its `env:` (its job's, the workflow's) where a value is written whole;
GitLab CI's `variables:` (`NAME: value`, `NAME: {value: ...}`), environment variables too; Azure Pipelines'
`variables:` (a mapping, or a list of `name:`/`value:` items, at the pipeline's, a stage's or a job's
level), whose `$(name)` the service replaces in the script's text before the step runs (names in any case)
and which the script sees as environment variables named in capitals, `.` made `_` (`$DEPLOY_REGION`,
`$env:DEPLOY_REGION`); its template expressions `${{ variables.name }}` and `${{ parameters.name }}` (a top
`parameters:` item's `default:`), and a variable set to `$[ variables.name ]`, are the values the file
states, as `$(name)` is; a variable or a template's parameter partly made of them (`$(prefix)-web`,
`api-${{ parameters.env }}`) is the text they make, and one with a part the file does not state is a value
not stated. GitHub Actions' expressions of values the workflow states are those values too: `${{ env.NAME }}`
(the workflow's, the job's, the step's `env:`), `${{ inputs.name }}` (`${{ github.event.inputs.name }}`, the
`default:` of a `workflow_dispatch` or `workflow_call` input) and `${{ matrix.name }}`: a job of a stated
`strategy: matrix:` is read as one job per combination of its values (less those its `exclude:` names, with
its `include:` items), up to `_MOST_MATRIX_RUNS`, past which its values are not stated. A variable a step
sets for the later steps of its job (Azure Pipelines' `##vso[task.setvariable variable=NAME]value`, a
`NAME=value` line written to GitHub Actions' `$GITHUB_ENV`) is what those steps see: the value written where it
is a plain word, else (or where the step may not run) a value not stated. So is a value a step or a job hands
on: GitHub Actions' `name=value` written to `$GITHUB_OUTPUT`, read as `${{ steps.<id>.outputs.name }}` and,
through the job's `outputs:`, as `${{ needs.<job>.outputs.name }}` in the jobs its `needs:` names; Azure
Pipelines' output variable (`isOutput=true`), read as `$(<step>.name)` and, in a job after it, through a
variable set to `$[ dependencies.<job>.outputs['<step>.name'] ]` (`stageDependencies.<stage>.<job>...`), a
deployment job's by the names its strategy gives them (`_deployment_outputs`: `<job>.<step>.name` for
`runOnce`); GitLab CI's `NAME=value` written to a job's `artifacts: reports: dotenv:` file, read as `$NAME`
in the jobs that download its artifacts (`_gitlab_artifacts_from`: those that need it, but not under
`artifacts: false`, or run in later stages). A job that may run before the one that hands a value on sees
none.

A template an Azure Pipelines file includes (`- template: x.yml` in its steps, jobs or stages, or the one it
`extends:`), from the folder of the file that names it, and a local file a `.gitlab-ci.yml` includes
(`include: local:`, from the repository's root), are read where they are included, when they are among the
files checked: the template's `${{ parameters.name }}` is the value the caller gives (`parameters:`), else the
template's `default:`, and a list of steps (jobs, stages) given so (a `stepList` parameter) runs where the
template inserts it (`- ${{ parameters.name }}`); GitLab CI merges the included file's keys under the pipeline's own (mappings key by key, any
other value replaced), and an included file that is a pipeline of its own name too (`sub/.gitlab-ci.yml`) is
read there only, not again on its own. Each call is shown
where the template writes it; the template is a part of the pipeline, not a script of its own. A template of
another repository (`x.yml@tools`, `include: remote:`/`project:`/`template:`/`component:`), one by a path
not stated or from Azure Pipelines' repository root, one not checked, or one past the services' limits (one
that includes itself) is said not read (`TEMPLATE_NOT_READ`); so is a job read without the steps every job
runs first, or without the jobs it `extends:`, past the bound on the text read again (`READ_AGAIN_CUT`). A value the CI service fills in (`${{ secrets.NAME }}`, `$(Build.Number)`, a
`$(name)` of a secret or of a variable group's variable) is one the file does not state, as it is in the
script, and so is a variable a step reads that the file sets nowhere where the service may set it from a
source the file does not list (an Azure Pipelines `- group:`, a `- template: x.yml@repo` of `variables:`;
GitLab CI's project and group variables, always: `_service_sets`), where elsewhere it is the session's;
but the folder Azure Pipelines checks the repository out to (`$(Build.SourcesDirectory)`,
`$(System.DefaultWorkingDirectory)`, `$(Build.Repository.LocalPath)`) is the pipeline's folder, so that a file
named from it is the repository's.

A step (a job, a stage) whose `condition:` or `if:` is false (`false`, `${{ false }}`, an expression of values
the file states: Azure Pipelines' `and()`, `or()`, `not()`, `eq()`, `ne()`, `in()`..., GitHub Actions' `==`,
`!=`, `&&`, `||`, `!` of literals), and a GitLab CI job whose `when:` is `never` or whose every rule says
`when: never` (whose first rule that matches says `when: never`, or none of whose rules match, each `if:` of
variables the pipeline states decided, its `==` and `!=` comparing texts with their case), never runs: its
calls create nothing, as under the shell's `if false`.
A GitLab CI job under `only:`/`except:` (branches, pipeline sources the file does not state) may run or not. One under `true`,
`succeeded()`, `success()`, `always()` or an expression of stated values that holds runs as a step without a
condition does; one under any other condition (of a value the service sets, `github.ref`) may run or not.
Azure Pipelines' conditional keys (`${{ if eq(parameters.env, 'prod') }}:`, `${{ elseif ... }}:`,
`${{ else }}:`, in a mapping or as items of a list) insert their value under the same decision: the branch
taken runs, the others never do, and each may where the condition is not decided. Its loops
(`${{ each x in parameters.list }}:`) insert their value once per item of a list (an object) the file states,
`${{ x }}`, `${{ x.name }}`, `${{ x.key }}`, `${{ x.value }}` its item's, up to `_MOST_LOOP_ITEMS` items.

`AzureCloudPowerShellDeployment@1` (the classic Cloud Services deployment task) is read as the calls its
Publish-AzureCloudDeployment.ps1 runs: `New-AzureService` of its `ServiceName` where it is missing, in its
`NewServiceAffinityGroup` or else its `ServiceLocation` (where neither is given the task creates none);
`New-AzureDeployment` of its `CsPkg` and `CsCfg` in its `Slot` (Production unless given), labelled
`DeploymentLabel`, where the slot holds no deployment, else `Set-AzureDeployment -Upgrade` (`AllowUpgrade`,
true unless given false) or `Remove-AzureDeployment` and a new deployment; each value shown at its input.
Its inputs are read by their names and their aliases in the task's task.json (`slotName` is `Slot`,
`azureClassicSubscription` is `ConnectedServiceName`, the service connection, which names no subscription).
Its `StorageAccount` is the classic storage account the package is uploaded to, which must exist: one of a
type the file does not state (`StorageAccountType`), as a publish profile's is, unless
`EnableAdvancedStorageOptions` uploads to a Resource Manager account instead. A task is read by its name and
major version: `AzureCloudPowerShellDeployment@2` deploys Cloud Services (extended support) through Resource
Manager, and is no classic call, nor is a version the reader does not know. The PowerShell tasks' inline
scripts (`AzurePowerShell@N`, `PowerShell@N`) are read in every version: the cmdlets they call say whether
they are classic.

AppVeyor's classic Cloud Services deployment (`deploy: provider: AzureCS`) is read as the calls its deployment
script makes, as that task's are: `New-AzureDeployment` of its `service:` in its `slot:` (Production unless
given), labelled `deployment_label:`, of its `artifact:` where the slot holds none, else `Set-AzureDeployment
-Upgrade`, or under `recreate_deployment: true` `Remove-AzureDeployment` and a new deployment; it creates no
service. Its `storage_account_name:` is the classic storage account the package is uploaded to, as the task's
`StorageAccount` is; under an `on:` (a branch, a variable) it may run or not. `AzureCSExtended` deploys Cloud
Services (extended support) through Resource Manager: no classic call, and its `service:` is a service of
extended support, as the @2 task's is. (Travis CI's deployment providers
deploy no classic cloud service.)

Each job runs on a runner of its own, so the steps of each job are read apart: in the order the file writes
them, the shell ones as one script (so `azure config mode asm` holds for the job's steps after it, and not
for another job's), the PowerShell ones as another (one that PowerShell would refuse leaves the other jobs'
read). A job is a value of `jobs:` (GitHub Actions, CircleCI; an item of Azure Pipelines' `jobs:` list, in
a stage or not), an item of Travis CI's `jobs: include:` (`matrix: include:`), a Bitbucket Pipelines
`step:`, and a job of a `.gitlab-ci.yml` (a mapping at its top but `default:` and the hidden jobs, whose key
starts with `.`, which never run; a job has the keys of those it `extends:`, in order, merged under its own,
mappings key by key and lists replaced, and of the mappings YAML's `<<:` merges, and a `!reference [.job,
key]` is the value it names); the steps outside any job
(a pipeline's top `steps:`, AppVeyor's, GitLab's and Travis CI's top lists) are read as one job more. But
GitLab CI's top and `default:` `before_script:`/`after_script:`, and Travis CI's top phases (`install:`,
`script:`...), run in every job that does not set that list itself (nor, in GitLab CI, leaves it out with
`inherit: default:`): they are read in each such job, in the order the job runs its lists, with its
variables, and what they make or call is said once, where they write it. `# migcheck: ignore[...]` comments
work as in an Ansible playbook: on the line above a step, or at the end of a line."""

from __future__ import annotations

import copy
import functools
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from migcheck import automation
from migcheck.model import (
    READ_AGAIN_CUT,
    TEMPLATE_NOT_READ,
    WHOLE_FILE_RUN,
    Deployment,
    Document,
    ExtendedSupportService,
    FileKind,
    FileProblem,
    Mark,
    Role,
    Script,
    StorageAccountType,
    is_placeholder,
)
from migcheck.readers import (
    ansible,
    beside,
    grammars,
    pipeline_powershell_env,
    run_order,
    shell,
    shell_env_files,
)
from migcheck.readers import pipeline_expressions as expressions
from migcheck.readers.xplat import HOLE

Node = Any  # a node PyYAML composes (see `readers.ansible`)
Place = tuple[int, int]

# What `check --verbose` says is read of a CI pipeline's file.
CI_PIPELINES_READ = (
    "GitHub Actions and CircleCI `run:` (in its `shell:`), Azure Pipelines `script:`, `bash:`, `powershell:`, "
    "`pwsh:` and the AzurePowerShell, PowerShell, AzureCLI, AzureCloudPowerShellDeployment and "
    "AzureWebPowerShellDeployment tasks, the `script:` lists of GitLab CI, Travis CI, Bitbucket Pipelines and AppVeyor (and its `ps:` and its AzureCS deployment); "
    "other steps are not read"
)
# The keys whose value is a shell script, or a list of command lines, in some CI service's pipeline.
_SHELL_KEYS = frozenset(
    {
        "script",
        "bash",
        "sh",
        "cmd",
        "before_script",
        "after_script",
        "install",
        "before_install",
        "after_success",
        "after_failure",
        "init",
        "build_script",
        "test_script",
        "deploy_script",
        "before_build",
        "after_build",
        "before_test",
        "after_test",
        "before_deploy",
        "after_deploy",
        "on_success",
        "on_failure",
        "on_finish",
    }
)
# The keys whose value is a PowerShell script: Azure Pipelines' `powershell:`/`pwsh:`, AppVeyor's `ps:`.
_POWERSHELL_KEYS = frozenset({"powershell", "pwsh", "ps"})
_POWERSHELLS = frozenset({"pwsh", "powershell"})
# The tasks (by name before `@`) that run their inline input as a PowerShell script, in any version: the
# cmdlets the script calls say whether it is classic (AzurePowerShell@1 and @2 may sign in to the classic
# module, @3 and later to AzureRM or Az).
_POWERSHELL_TASKS = frozenset({"azurepowershell", "powershell"})
# Their inputs that hold the inline script: `Inline` (AzurePowerShell), `script` (PowerShell@2),
# `inlineScript` (PowerShell@1).
_POWERSHELL_INLINE_INPUTS = ("inline", "script", "inlinescript")
# Their inputs that name a script file to run, and that give it its arguments: `filePath` and `arguments`
# (PowerShell@2), `ScriptPath` and `ScriptArguments` (AzurePowerShell).
_POWERSHELL_FILE_INPUTS = ("filepath", "scriptpath")
_POWERSHELL_ARGUMENT_INPUTS = ("arguments", "scriptarguments")
# The function a script file a task runs is read as, so that its arguments bind to its `param()` as a
# command line's do: a name no script gives a function of its own.
_SCRIPT_FILE_FUNCTION = "Invoke-PipelineScriptFile"
# The classic Cloud Services deployment task, by name and major version: `@2` deploys Cloud Services
# (extended support) through Resource Manager, so it and any version not known are no classic calls.
_CLOUD_DEPLOYMENT_TASK = ("azurecloudpowershelldeployment", "1")
# The same task's version that deploys the package as Cloud Services (extended support): evidence that the
# service of the files it names is not classic (`ExtendedSupportService`).
_EXTENDED_DEPLOYMENT_TASK = ("azurecloudpowershelldeployment", "2")
_EXTENDED_DEPLOYMENT_VIA = "deploys it with the AzureCloudPowerShellDeployment@2 task"
# The classic App Service deployment task ("Azure App Service Classic"), which deploys a website through a
# classic service connection with the classic module's website cmdlets (`_website_deployment`).
_WEBSITE_DEPLOYMENT_TASK = ("azurewebpowershelldeployment", "1")
# The aliases its task.json gives its inputs, by the input's own name (the YAML may write either).
_CLOUD_DEPLOYMENT_ALIASES = {"slotname": "slot", "azureclassicsubscription": "connectedservicename"}
# The task's inputs (its task.json, version 1) and the `New-AzureDeployment` parameters they are given as.
_CLOUD_DEPLOYMENT_INPUTS = (
    ("servicename", "-ServiceName"),
    ("cspkg", "-Package"),
    ("cscfg", "-Configuration"),
    ("slot", "-Slot"),
    ("deploymentlabel", "-Label"),
)
# AppVeyor's classic Cloud Services deployment provider, and the cloud deployment task's inputs its settings
# are (its `artifact:` is the package, a build artifact; its `target_profile:` names the artifact that is the
# configuration, not a file of the repository; AppVeyor's deployment script creates no service).
_APPVEYOR_CLOUD_PROVIDER = "azurecs"
# AppVeyor's provider that deploys Cloud Services (extended support): evidence that its `service:` is not
# classic, as the @2 task's `ServiceName` is.
_APPVEYOR_EXTENDED_PROVIDER = "azurecsextended"
_APPVEYOR_EXTENDED_VIA = "deploys it with AppVeyor's AzureCSExtended provider"
_APPVEYOR_CLOUD_SETTINGS = {
    "service": "servicename",
    "slot": "slot",
    "deployment_label": "deploymentlabel",
    "artifact": "cspkg",
    "storage_account_name": "storageaccount",
}
_AZURE_CLI_TASK = "azurecli"
# The AzureCLI task's `scriptType` values that run its inline script in PowerShell (`batch`, a cmd script,
# is read as the shell's, as a `cmd` step is).
_CLI_POWERSHELLS = frozenset({"ps", "pscore"})
# The keys whose values a step is given rather than runs: walked for no step.
_STATED = frozenset({"env", "variables"})
# How many times its own length a script's text may grow by the values its macros are replaced by.
_MOST_GROWTH = 4
# The longest variable name a `$(name)` macro is looked for with.
_LONGEST_NAME = 256
# How many times the file's size the steps every job runs first may be read again, in all the jobs.
_MOST_SHARED_READ = 8
# The order a job runs its lists of commands in (GitLab CI's and Travis CI's job lifecycle).
_PHASES = {
    key: number
    for number, key in enumerate(
        (
            "before_install",
            "install",
            "before_script",
            "script",
            "after_success",
            "after_failure",
            "before_deploy",
            "after_deploy",
            "after_script",
        )
    )
}
# How deep the walk follows mappings and lists: far deeper than any pipeline nests its steps.
_MOST_DEPTH = 64
# How many jobs deep GitLab CI follows `extends:` (its own limit), and `!reference` tags in the values they name.
_MOST_EXTENDS = 11
_MOST_REFERENCE_DEPTH = 10
# How many templates deep a pipeline's `template:` and `include:` are followed (Azure Pipelines' limit is 100
# template files in all, 20 levels deep; GitLab CI's 150 includes): a cycle stops here.
_MOST_TEMPLATE_DEPTH = 20
_MOST_TEMPLATES = 100
# The contexts a template expression names a stated value of: Azure Pipelines' variables and parameters,
# GitHub Actions' env, matrix and inputs (each but `variables` kept as `kind:name`, which no variable is).
_TEMPLATE_KINDS = ("variables", "parameters", "env", "matrix", "inputs")
# How many runs of a job a GitHub Actions matrix is read as, at most (its own limit is 256): past it, the
# job is read once, with the matrix's values not stated.
_MOST_MATRIX_RUNS = 8
# How many items an Azure Pipelines loop (`${{ each }}`) is read for, at most: past it, once, the item not stated.
_MOST_LOOP_ITEMS = 16


def sniff(data: bytes) -> bool:
    """Whether a pipeline may use the classic tools: it names Azure (the CLI, the cmdlets, the tasks) or
    the Service Management API's host, creates a cloud service of extended support (`az cloud-service
    create`, evidence a package is not classic) or peers a network with a classic one or names a classic
    resource's id or role otherwise, or includes a template
    (`template:`, `include:`) or runs a script file (a PowerShell task's `filePath:`, `ScriptPath:`, a script:
    `bash scripts/migrate.sh`, `pwsh -File x.ps1`, `./scripts/migrate`) that may."""
    lowered = data.lower()
    named = (
        b"azure",
        b"management.core.",
        b"cloud-service",
        b"classicnetwork/virtualnetworks/",
        # a classic resource's id or a classic-only role, which a Resource Manager command may be given (a
        # role assignment or an alert on a classic VM: `xplat.az_reaching`)
        b"microsoft.classic",
        b"classic virtual machine contributor",
        b"classic network contributor",
        b"classic storage account",
        # the subscription's Defender for Cloud plan set (`az security pricing create`, `Set-AzSecurityPricing`),
        # whose Standard tier for VMs installs its monitoring extension on the classic ones too
        b"security pricing",
        b"securitypricing",
        b"template:",
        b"include:",
        b"filepath:",
        b"scriptpath:",
        b".sh",
        b".ps1",
        b".py",
        b"-m ",  # a Python module run as a script (`python -m tools.migrate`)
        b"./",  # a script file run by its path (`./scripts/migrate hub-vnet`)
    )
    return b"\x00" not in data and any(word in lowered for word in named)


@dataclass
class _Held:
    """A script's text built of the file's characters and of a few the reader writes, with where each is
    shown (the line and column the file writes it at)."""

    text: list[str] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    # The file each run of characters is written in, from the character it starts at (a template's steps).
    files: list[tuple[int, str]] = field(default_factory=list)
    # Where (start and end) a part the CI service fills in is written as a variable no line assigns.
    filled: list[tuple[int, int]] = field(default_factory=list)
    # The functions whose body is a script file a task runs, by name, with the file's folder from the
    # pipeline's: their `$PSScriptRoot` (`_Walk.script_file_run`).
    folders: dict[str, str] = field(default_factory=dict)

    def add(self, text: str, places: list[Place] | Place) -> None:
        self.text.append(text)
        self.places += places if isinstance(places, list) else [places] * len(text)

    def written_in(self, path: str) -> None:
        """The characters added from now on are written in the file at `path`."""
        if not self.files or self.files[-1][1] != path:
            self.files.append((len(self.places), path))

    def joined(self) -> str:
        return "".join(self.text)


@dataclass
class _Step:
    """What one step runs: a script in the shell (`powershell` False) or in PowerShell."""

    node: Node
    powershell: bool
    context: _Context
    lines: tuple[Node, ...] = ()  # a list of command lines, each a scalar
    key: str = ""  # the key whose script it is (`before_script`); "" for a task
    script: _Held | None = None  # a script the reader writes (the cloud deployment task's calls)
    # The script runs in bash as one whole, which refuses it when bash cannot parse it (a GitHub Actions
    # `run:` in its default shell, `bash -e {0}`; an Azure Pipelines `bash:` step): MIG001 then, as for a
    # script file. Not a `cmd` step's, nor a list of commands each run apart.
    bash: bool = False
    # The script runs in cmd, which fills in each `%NAME%` from its environment before it runs a line (an
    # AppVeyor `cmd:` item, or one of its lists on a Windows image; a GitHub Actions `shell: cmd` step).
    cmd: bool = False

    @property
    def env(self) -> dict[str, tuple[Node, Node]]:
        return self.context.env


def read(path: str, data: bytes) -> Document:
    import yaml  # type: ignore[import-untyped]

    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    try:
        roots = _composed(text, path)
    except (yaml.YAMLError, RecursionError):
        return ansible.read_playbook(path, data)  # says where the YAML breaks, as for any YAML file
    walk = _Walk(path, len(data), text)
    azure = _azure_pipelines(path) or (bool(roots) and _azure_pipelines_keys(roots[0]))
    top = _Context({}, None, {}, azure=azure)
    if top.azure and roots and _mapping(roots[0]):
        top = replace(top, macros=_filled_in_at_run(_parameter_defaults(roots[0])))
    elif _github(path) and roots and _mapping(roots[0]):
        top = replace(top, macros=_filled_in_at_run(_input_defaults(roots[0])))
    if roots and roots[0] is not None:
        top = _with_checkout_root(top, roots[0])
    order: run_order.RunOrder = {}
    for root in roots:
        if root is not None:
            if _gitlab(path) and _mapping(root):
                templates = _GitLabTemplates(walk.gitlab_included(root, 0), len(data))
                root = templates.resolved()
                order.update(run_order.gitlab(root))
                walk.unread += templates.cut
                walk.add_jobs(
                    [v for k, v in root.value if _mapping(v) and _scalar(k) and k.value != "default"]
                )
                walk.shared.update(id(v) for k, v in root.value if _scalar(k) and k.value == "default")
            elif _github(path):
                order.update(run_order.github(root))
            elif azure:
                order.update(run_order.azure_pipelines(root))
            if (_gitlab(path) or _travis(path)) and _mapping(root):
                walk.shared.add(id(root))
            walk.node(root, top, 0)
    spans = [
        (step.node.start_mark.line + 1, step.node.end_mark.line + 1)
        for step in walk.steps
        if _file(step.node) == path
    ]
    suppressions, marked = ansible.suppressions(path, text, spans)
    resources, problem, others = _read_steps(path, walk, _with_shared_steps(walk, len(data)), data, order)
    problem = walk.refused or problem
    resources += tuple(walk.resources) + _python_read(walk)
    resources = _deployed_by_steps(resources, walk.deployers)
    name = posixpath.basename(path)
    resources = _with_unread(
        tuple(
            replace(r, called=f"CI pipeline '{name}'", deployed_by=tuple(walk.deployers))
            if isinstance(r, Script)
            else r
            for r in resources
        ),
        walk.unread,
        name,
        b"azure" in data.lower(),
    )
    if not resources and problem is None:
        return Document(path, None, "", (), suppressions, marked, text=text)
    kind = FileKind.POWERSHELL if all(step.powershell for step in walk.steps) else FileKind.SHELL
    kind = FileKind.PYTHON if walk.python_steps and not walk.steps else kind
    others += _pipelines_included(path, walk)
    return Document(path, kind, "", resources, suppressions, marked, problem, text=text, functions_run=others)


# The cmdlets of the script a deploying step stands for (`_cloud_deployment`), as the PowerShell reader names
# them in a package's role's `Role.kind_evidence`: the file has no such call, the step makes it.
_STAND_IN_DEPLOYERS = ("by New-AzureDeployment", "by Set-AzureDeployment")


def _deployed_by_steps(
    resources: tuple[object, ...], deployers: list[tuple[str, int, int, str]]
) -> tuple[object, ...]:
    """The roles of the packages a step deploys itself (`_Walk.deploying`) said deployed by that step (the
    AzureCloudPowerShellDeployment@1 task, AppVeyor's AzureCS provider), not by New-AzureDeployment: the
    cmdlet of the script that stands for the step, which the file does not call."""
    steps = {(path, line, column): words for path, line, column, words in deployers}
    if not steps:
        return resources
    return tuple(
        replace(r, roles=tuple(_deployed_by_step(role, steps) for role in r.roles))
        if isinstance(r, Deployment)
        else r
        for r in resources
    )


def _deployed_by_step(role: Role, steps: dict[tuple[str, int, int], str]) -> Role:
    words = steps.get((role.mark.path, role.mark.line, role.mark.column or 0))
    if words is None or not any(cmdlet in role.kind_evidence for cmdlet in _STAND_IN_DEPLOYERS):
        return role
    evidence = f"deployed from a service package by {words}, and packages hold web and worker roles only"
    return replace(role, kind_evidence=evidence)


def _python_shell(stated: Node | None) -> bool:
    """Whether a GitHub Actions step's `shell:` is Python (`python`, or a command of it: `python3 {0}`)."""
    shell_name = stated.value.split(" ", 1)[0].casefold() if stated is not None and _scalar(stated) else ""
    return shell_name in ("python", "python3")


def _python_read(walk: _Walk) -> tuple[object, ...]:
    """What the Python scripts of `shell: python` steps describe, each read by the Python reader where the
    file writes it: a literal block (`run: |`) is the body of an `if` on its key's line, its lines and
    columns the file's own, run from the folder the step runs in (`_working_directory`), whose modules it
    imports. (A script in another form, or one under a condition that never holds, is not
    read.)"""
    from migcheck.readers import python_script

    found: list[object] = []
    for node, folder in walk.python_steps:
        shown = _file(node)
        lines = walk.files[shown][1]
        first, last = node.start_mark.line, node.end_mark.line
        text = "\n" * first + "if 1:\n" + "\n".join(lines[first + 1 : last]) + "\n"
        found += python_script.read(shown, text.encode("utf-8"), runs_in=folder).resources
    return tuple(found)


def _pipelines_included(path: str, walk: _Walk) -> tuple[tuple[str, str], ...]:
    """The files read where this pipeline includes them that are pipelines of their own name too (a
    `sub/.gitlab-ci.yml` a `.gitlab-ci.yml` includes), or by their keys (an Azure Pipelines steps template),
    and the script files a PowerShell task runs with its arguments: what they describe is said here, where
    they run, and not again by their own read (`WHOLE_FILE_RUN`)."""
    from migcheck.discover import ci_pipeline

    return tuple(
        (shown, WHOLE_FILE_RUN)
        for shown in walk.files
        if shown != path and (ci_pipeline(shown) or shown in walk.pipelines or shown in walk.scripts_run)
    )


def _composed(text: str, path: str) -> list[Node]:
    """The YAML documents of a file's text, each node's marks naming the file at `path` (a template's steps
    are shown in the template)."""
    import yaml

    loader = yaml.SafeLoader(text)
    loader.name = path
    try:
        roots = []
        while loader.check_node():
            roots.append(loader.get_node())
        return roots
    finally:
        loader.dispose()


def _with_unread(
    resources: tuple[object, ...], unread: list[Mark], name: str, names_azure: bool
) -> tuple[object, ...]:
    """The pipeline's scripts with the parts of it not read (a template not read, a job read without its
    shared steps), said with its first script, or with a script of no classic call where it has none."""
    if not unread:
        return resources
    marks = tuple(dict.fromkeys(unread))
    first = next((r for r in resources if isinstance(r, Script)), None)
    if first is None and not names_azure:  # a template of a pipeline that names no Azure: a build's, say
        return resources
    if first is None:
        called = f"CI pipeline '{name}'"
        return (*resources, Script(name, "Shell", (), (), marks[0], unread=marks, called=called))
    return tuple(replace(r, unread=r.unread + marks) if r is first else r for r in resources)


def _read_steps(
    path: str, walk: _Walk, jobs: dict[int, list[_Step]], data: bytes, order: run_order.RunOrder
) -> tuple[tuple[object, ...], FileProblem | None, tuple[tuple[str, str], ...]]:
    """The resources the steps' scripts describe, each job's read apart (the first job's first), each
    once however many jobs describe it (steps every job runs first describe it in each), each job's
    scripts with the jobs that finish before it (`order`); why PowerShell would refuse a job's script, the
    first it would."""
    resources: list[object] = []
    seen: set[object] = set()
    problem: FileProblem | None = None
    others: tuple[tuple[str, str], ...] = ()
    seeing = _with_values_handed_on(path, walk, jobs, order)
    for number in jobs:
        more, refused, run = _read_job(path, walk.files, seeing[number], data)
        node = walk.job_nodes.get(number)
        if node is not None and id(node) in order:
            name, follows = order[id(node)]
            more = tuple(
                replace(r, job=(path, name), follows=follows) if isinstance(r, Script) else r for r in more
            )
        for resource in more:
            if resource not in seen:
                seen.add(resource)
                resources.append(resource)
        others += run
        problem = problem or refused
    return tuple(resources), problem, others


def _with_shared_steps(walk: _Walk, size: int) -> dict[int, list[_Step]]:
    """The steps of each job, by its number (0 for the steps outside any job), with the steps every job
    runs first put in each job that runs them, in the order the service runs its lists of commands: GitLab
    CI's top `before_script:`/`after_script:` (and `default:`'s) unless the job sets its own or its
    `inherit: default:` leaves them out, Travis CI's top phases (`install:`, `script:`...) unless the job
    of `jobs: include:` sets that phase itself. Those steps are read alone where no job runs them, and in
    no more jobs once the text read again reaches `_MOST_SHARED_READ` times the file's size."""
    jobs: dict[int, list[_Step]] = {}
    for step in walk.steps:
        jobs.setdefault(step.context.job, []).append(step)
    outside = jobs.get(0, [])
    shared = [step for step in outside if id(step.node) in walk.shared and step.key]
    if not shared or len(jobs) < 2:
        return jobs
    room = _MOST_SHARED_READ * size + 65_536
    inherited_anywhere = False
    for number, own in jobs.items():
        if number == 0 or number not in walk.job_contexts:
            continue
        context, entries = walk.job_contexts[number]
        gitlab = _gitlab(walk.path)
        inherited = [_in_job(step, context, gitlab) for step in shared if _inherits(entries, step.key)]
        room -= sum(len(node.value) for step in inherited for node in step.lines)
        if room < 0:  # this job and those after it are read without them
            walk.unread.append(_mark_of(walk.job_nodes.get(number), walk.path, READ_AGAIN_CUT))
            break
        inherited_anywhere = inherited_anywhere or bool(inherited)
        jobs[number] = sorted(inherited + own, key=_phase)
    if inherited_anywhere:
        shared_ids = {id(step) for step in shared}
        jobs[0] = [step for step in outside if id(step) not in shared_ids]
    return {number: steps for number, steps in jobs.items() if steps}


@dataclass
class _Handed:
    """The values a job's steps see that other steps set: variables by name (`_with_set`), and the values
    its expressions name by the key `_references` keeps them by (`steps:<id>.outputs.<name>`,
    `needs:<job>.outputs.<name>`, `<step>.<name>`); after its steps, also what it hands on to later jobs:
    its output variables by `<step>.<name>` (Azure Pipelines) and its dotenv report's variables (GitLab
    CI)."""

    variables: dict[str, Node | None] = field(default_factory=dict)
    macros: dict[str, Node | None] = field(default_factory=dict)
    outputs: dict[str, Node | None] = field(default_factory=dict)
    dotenv: dict[str, Node | None] = field(default_factory=dict)


def _with_values_handed_on(
    path: str, walk: _Walk, jobs: dict[int, list[_Step]], order: run_order.RunOrder
) -> dict[int, list[_Step]]:
    """Each job's steps seeing the values the steps before them set (`_with_variables_steps_set`) and those
    the jobs that surely finish before it hand on to it: GitHub Actions' `needs.<job>.outputs.<name>` of the
    jobs its `needs:` names (their `outputs:`), Azure Pipelines' variables set to `$[
    dependencies.<job>.outputs['<step>.<name>'] ]` (`stageDependencies.<stage>.<job>...`), GitLab CI's
    variables of the `artifacts: reports: dotenv:` files of the jobs it needs (its `needs:`, else those of
    the earlier stages; only those its `dependencies:` names, where it names them). Jobs are taken in an
    order they may run in, so that what a job hands on is known before a job after it is read."""
    named: dict[int, tuple[str, tuple[str, ...]]] = {
        number: order.get(id(walk.job_nodes[number]), ("", ())) for number in jobs if number in walk.job_nodes
    }
    handed_by: dict[str, _Handed] = {}
    seeing: dict[int, list[_Step]] = {}
    # a job follows more jobs than each job it follows does
    for number in sorted(jobs, key=lambda n: len(named.get(n, ("", ()))[1])):
        node, (name, follows) = walk.job_nodes.get(number), named.get(number, ("", ()))
        given = _handed_in(path, node, name, follows, handed_by, jobs[number])
        seeing[number], handed = _with_variables_steps_set(jobs[number], given, _dotenv_files(path, node))
        if name and node is not None:
            _merge_handed(handed_by.setdefault(name, _Handed()), _handed_on(path, node, handed, jobs[number]))
    return seeing


def _handed_in(
    path: str,
    node: Node | None,
    name: str,
    follows: tuple[str, ...],
    handed_by: dict[str, _Handed],
    steps: list[_Step],
) -> _Handed:
    """What the jobs before a job hand on to it (see `_with_values_handed_on`)."""
    given = _Handed()
    if node is None or not name:
        return given
    if _github(path):
        for needed in _names_stated(_entry(node, "needs")) or []:
            for key, value in handed_by.get(needed, _Handed()).outputs.items():
                given.macros[f"needs:{needed.casefold()}.outputs.{key}"] = value
    elif _gitlab(path):
        for source in _gitlab_artifacts_from(node, follows):
            _merge_into_handed(given.variables, handed_by.get(source, _Handed()).dotenv)
    elif steps and steps[0].context.azure:
        for variable, value in (steps[0].context.macros or {}).items():
            found = _dependency_output(value.value, name) if _scalar(value) else None
            if found is not None:
                job, output = found
                known = job in follows and job in handed_by
                given.variables[variable] = handed_by[job].outputs.get(output) if known else None
    return given


def _gitlab_artifacts_from(job: Node, follows: tuple[str, ...]) -> list[str]:
    """The jobs of this pipeline whose artifacts (a dotenv report among them) a GitLab CI job downloads:
    those its `needs:` names (none under `needs: []`), less an item of `artifacts: false` and a job of
    another project or pipeline; without `needs:`, the jobs of the earlier stages (`follows`). Only those its
    `dependencies:` names, where it names them (none under `dependencies: []`)."""
    needs = _entry(job, "needs")
    if needs is None:
        sources = list(follows)
    else:
        sources = [
            name
            for item in (needs.value if needs.id == "sequence" else [needs])
            if _downloads_artifacts(item)
            for name in _names_stated(item) or []
        ]
    only = _names_stated(_entry(job, "dependencies"))
    return sources if only is None else [source for source in sources if source in only]


def _downloads_artifacts(needed: Node) -> bool:
    """Whether an item of a GitLab CI `needs:` list downloads the artifacts of a job of this pipeline: a
    name, or a `job:` mapping but one of another project or pipeline, or one whose `artifacts:` is false."""
    if not _mapping(needed):
        return True
    if _entry(needed, "project") is not None or _entry(needed, "pipeline") is not None:
        return False
    artifacts = _entry(needed, "artifacts")
    return artifacts is None or not _scalar(artifacts) or artifacts.value.strip().casefold() != "false"


def _handed_on(path: str, node: Node, handed: _Handed, steps: list[_Step]) -> _Handed:
    """What a job hands on once its steps ran (`handed`: the values they set): GitHub Actions' `outputs:`,
    each the value its expression names (`${{ steps.<id>.outputs.<name> }}`) where the steps set it."""
    if not _github(path):
        deployment = steps and steps[0].context.azure and _entry(node, "deployment") is not None
        handed_outputs = _deployment_outputs(node, handed.outputs) if deployment else handed.outputs
        return _Handed(outputs=handed_outputs, dotenv=handed.dotenv)
    outputs: dict[str, Node | None] = {}
    stated = _entry(node, "outputs")
    macros: dict[str, Node] = dict((steps[-1].context.macros or {}) if steps else {})
    macros.update({key: value for key, value in handed.macros.items() if value is not None})
    for key, value in stated.value if stated is not None and _mapping(stated) else []:
        if _scalar(key) and _scalar(value):
            bound = _whole_reference(value, macros)
            outputs[key.value.casefold()] = bound if bound is not value or "${{" not in value.value else None
    return _Handed(outputs=outputs)


def _deployment_outputs(job: Node, outputs: dict[str, Node | None]) -> dict[str, Node | None]:
    """The output variables (`<step>.<name>`) of an Azure Pipelines deployment job by the names later jobs
    give them: `<job>.<step>.<name>` for the `runOnce` strategy; `<hook>_<increment>.<step>.<name>` of each
    of its `increments:` for `canary`'s steps of a lifecycle hook (`deploy`, ...); and
    `<hook>_<resource>.<step>.<name>` of the resource its `environment:` names (`resourceName:`) for
    `rolling`'s and `runOnce`'s. One of a step the file does not write in a hook (a template's), or of a
    resource the environment holds but the file does not name, is not handed on: a value not stated."""
    named = _entry(job, "deployment")
    strategy = _entry(job, "strategy")
    if named is None or strategy is None or not _scalar(named) or not _mapping(strategy):
        return {}
    kind, hooks = next(
        ((k.value.casefold(), v) for k, v in strategy.value if _scalar(k) and _mapping(v)), ("", None)
    )
    ran_as = {hook: _hook_runs(kind, hook, hooks, job) for hook in _DEPLOYMENT_HOOKS}
    in_hooks = _steps_in_hooks(hooks)
    handed: dict[str, Node | None] = {}
    for key, value in outputs.items():
        prefixes = [named.value.strip().casefold()] if kind == "runonce" else []
        prefixes += [run for hook in in_hooks.get(key.partition(".")[0], ()) for run in ran_as[hook]]
        handed.update({f"{prefix}.{key}": value for prefix in prefixes})
    return handed


# The lifecycle hooks of a deployment job's strategy whose steps' outputs a later job names by the hook
# (`deploy_10.<step>.<name>`), in lower case.
_DEPLOYMENT_HOOKS = ("predeploy", "deploy", "routetraffic", "postroutetraffic")


def _hook_runs(kind: str, hook: str, hooks: Node | None, job: Node) -> list[str]:
    """The names of the runs of a deployment's lifecycle hook that later jobs name its outputs by: one per
    increment of `canary` (`deploy_10`), one for the resource the environment names of `rolling` and
    `runOnce` (`deploy_vm1`)."""
    if kind == "canary":
        increments = _entry(hooks, "increments") if _mapping(hooks) else None
        return [f"{hook}_{value.strip()}" for value in _scalars(increments)] if increments is not None else []
    environment = _entry(job, "environment")
    resource = _entry(environment, "resourceName") if _mapping(environment) else None
    if (
        kind in ("rolling", "runonce")
        and resource is not None
        and _scalar(resource)
        and _stated(resource.value)
    ):
        return [f"{hook}_{resource.value.strip().casefold()}"]
    return []


def _steps_in_hooks(hooks: Node | None) -> dict[str, list[str]]:
    """The hooks each step a deployment's strategy writes in one is of, by the step's name in lower case."""
    found: dict[str, list[str]] = {}
    for key, hook in hooks.value if hooks is not None and _mapping(hooks) else []:
        name = key.value.casefold() if _scalar(key) else ""
        steps = _entry(hook, "steps") if name in _DEPLOYMENT_HOOKS and _mapping(hook) else None
        for step in steps.value if steps is not None and steps.id == "sequence" else []:
            step_name = _step_name(step, azure=True).casefold()
            if step_name:
                found.setdefault(step_name, []).append(name)
    return found


def _merge_handed(into: _Handed, more: _Handed) -> None:
    """What another run of a job (a matrix's) hands on, with what the runs before handed: a value two runs
    give differently is a value not stated."""
    _merge_into_handed(into.outputs, more.outputs)
    _merge_into_handed(into.dotenv, more.dotenv)


def _merge_into_handed(into: dict[str, Node | None], more: dict[str, Node | None]) -> None:
    for key, value in more.items():
        had = into.get(key, value)
        same = had is value or (had is not None and value is not None and had.value == value.value)
        into[key] = value if key not in into or same else None


def _names_stated(node: Node | None) -> list[str] | None:
    """The job names a `needs:`/`dependencies:` states (a name, a list of names or of `job:` mappings);
    None where it is not given."""
    if node is None:
        return None
    items = node.value if node.id == "sequence" else [node]
    names = [_entry(item, "job") if _mapping(item) else item for item in items]
    return [item.value.strip() for item in names if item is not None and _scalar(item) and item.value.strip()]


def _dependency_output(text: str, job: str) -> tuple[str, str] | None:
    """The job (as `run_order` names it) and output (`<step>.<name>`, in lower case) a variable's value is
    when it is only `$[ dependencies.<job>.outputs['<step>.<name>'] ]` (of a job of the stage of `job`, as
    `run_order` names that one) or `$[ stageDependencies.<stage>.<job>.outputs['<step>.<name>'] ]`."""
    inside = text.strip()
    if not inside.startswith("$[") or not inside.endswith("]"):
        return None
    inside = inside[2:-1].strip()
    head, marker, tail = inside.partition(".outputs[")
    quoted = tail.removesuffix("]").strip()
    if not marker or len(quoted) < 2 or quoted[0] != quoted[-1] or quoted[0] not in "'\"":
        return None
    kind, _, names = head.partition(".")
    parts, output = names.split("."), quoted[1:-1].strip().casefold()
    if not all(part.isidentifier() for part in parts) or output.count(".") not in (1, 2):
        return None
    stage = job.partition(".")[0] if "." in job else ""
    if kind == "dependencies" and len(parts) == 1:
        return (f"{stage}.{parts[0]}" if stage else parts[0]), output
    if kind == "stageDependencies" and len(parts) == 2:
        return ".".join(parts), output
    return None


def _dotenv_files(path: str, node: Node | None) -> tuple[str, ...]:
    """The files a GitLab CI job's `artifacts: reports: dotenv:` names: the variables its scripts write there
    are those of the jobs that need it."""
    if not _gitlab(path) or node is None or not _mapping(node):
        return ()
    artifacts = _entry(node, "artifacts")
    reports = _entry(artifacts, "reports") if artifacts is not None and _mapping(artifacts) else None
    dotenv = _entry(reports, "dotenv") if reports is not None and _mapping(reports) else None
    return tuple(item.value.strip() for item in _scalar_nodes(dotenv) if item.value.strip()) if dotenv else ()


def _with_variables_steps_set(
    steps: list[_Step], given: _Handed, dotenv: tuple[str, ...]
) -> tuple[list[_Step], _Handed]:
    """A job's steps, each seeing the variables the jobs before it hand on (`given`) and those the steps
    before it set for the later ones (Azure Pipelines' `##vso[task.setvariable variable=NAME]value` logging
    command, GitHub Actions' `NAME=value` line written to `$GITHUB_ENV`) in place of the values the YAML
    states, and the output variables those steps set (`isOutput=true`, read as `$(<step>.NAME)`; a line
    written to `$GITHUB_OUTPUT`, read as `${{ steps.<id>.outputs.NAME }}`): the value the step writes where
    it is a plain word, else a value not stated (as where the step that sets it may not run). With what the
    job hands on: its output variables, and those its scripts write to its `dotenv` files."""
    handed = _Handed(dict(given.variables), dict(given.macros))
    seen = []
    for step in steps:
        if handed.variables or handed.macros:
            step = replace(step, context=_with_set(step.context, handed.variables, handed.macros))
        seen.append(step)
        if step.context.runs is False:  # a step that never runs sets nothing
            continue
        named = _step_name(step.node, step.context.azure)
        for line in step.lines:
            for (sink, name), value in _variables_set(line, dotenv, not step.powershell).items():
                # one that may not run leaves the variable either value: one the reader does not state
                value = value if step.context.runs else None
                if sink == _SETS_VARIABLE:
                    handed.variables[name] = value
                elif sink == _SETS_DOTENV:
                    handed.dotenv[name] = value
                elif named:
                    output = f"{named}.{name}".casefold()
                    handed.outputs[output] = value
                    github = f"steps:{named}.outputs.{name}".casefold()
                    handed.macros[output if step.context.azure else github] = value
    return seen, handed


def _step_name(step: Node, azure: bool) -> str:
    """The name later steps give a step's outputs by: Azure Pipelines' `name:`, GitHub Actions' `id:` (its
    `name:` is a title only)."""
    if not _mapping(step):
        return ""
    named = _entry(step, "name" if azure else "id")
    text = named.value.strip() if named is not None and _scalar(named) else ""
    return text if text.replace("-", "_").isidentifier() else ""


def _with_set(
    context: _Context, set_so_far: dict[str, Node | None], macros_set: dict[str, Node | None] | None = None
) -> _Context:
    """A step's context with the variables the steps before it set: the value each was set to, or none
    (a value not stated) where it was set to one the reader cannot tell; and the values its expressions
    name that they set (`macros_set`, by the key `_references` keeps them by)."""
    env, macros = dict(context.env), dict(context.macros or {})
    for macro, value in (macros_set or {}).items():
        if value is None:
            macros.pop(macro, None)
        else:
            macros[macro] = value
    for name, value in set_so_far.items():
        env_name, macro = (
            (name.upper().replace(".", "_"), name.casefold())
            if context.azure
            else (name, f"env:{name.casefold()}")
        )
        if value is None:
            env.pop(env_name, None)
            macros.pop(macro, None)
        else:
            env[env_name] = (value, value)
            macros[macro] = value
    return replace(context, env=env, macros=macros)


# Where a line of a script sets a value for later steps (`_set_in_line`): a variable of the job, an output
# variable of the step, a variable of the job's dotenv report.
_SETS_VARIABLE, _SETS_OUTPUT, _SETS_DOTENV = "variable", "output", "dotenv"


def _variables_set(
    line: Node, dotenv: tuple[str, ...] = (), shell_script: bool = False
) -> dict[tuple[str, str], Node | None]:
    """The variables a script sets for the steps after it, by where it sets them (`_set_in_line`) and name:
    the value it writes, where it is a word of letters, digits and `-_./:` shown where the script writes
    it, else None (a value not stated). A shell script's lines written to a file (`$GITHUB_ENV`, a dotenv
    report) are found in its tree, whatever writes them there (`shell_env_files`): a group or a loop
    redirected as one, `tee -a`, `printf`, a here-document; a PowerShell script's, the strings a pipeline
    writes to one (`pipeline_powershell_env`), each line of a here-string."""
    text: str = line.value
    found: list[tuple[int, str, str, Node | None]] = []
    offset = 0
    for written in text.split("\n"):
        logged = _logging_command(written)
        for sink, name, start, end in logged or ([] if shell_script else _set_in_line(written, dotenv)):
            found.append((offset + start, sink, name, _value_node(line, text, offset + start, offset + end)))
        offset += len(written) + 1
    # lines written to a file, by whatever writes them (`{ ...; } >> "$GITHUB_ENV"`, a here-string piped to
    # `Out-File $env:GITHUB_ENV`), found in the script's tree
    reader = shell_env_files.lines_written if shell_script else pipeline_powershell_env.lines_written
    found.extend(_written_to_files(line, text, dotenv, reader))
    return {(sink, name): value for _, sink, name, value in sorted(found, key=lambda item: item[0])}


def _value_node(line: Node, text: str, start: int, end: int) -> Node | None:
    """The value written at `start:end` of a script's text, where it is a plain word (see `_variables_set`)."""
    value = text[start:end]
    plain = bool(value) and all(c.isalnum() or c in "-_./:" for c in value)
    return _held_scalar(line, value, _places_of(line, text)[start:end]) if plain else None


def _written_to_files(
    line: Node,
    text: str,
    dotenv: tuple[str, ...],
    reader: Callable[[bytes, Callable[[str], str | None]], list[shell_env_files.Written]],
) -> list[tuple[int, str, str, Node | None]]:
    """The `NAME=value` lines a script writes to `$GITHUB_ENV`, `$GITHUB_OUTPUT` or a `dotenv` file, as
    `reader` finds them in its language, as `_variables_set` gives them: where each is written, the sink,
    the name, the value."""
    if "GITHUB_" not in text and not any(file in text for file in dotenv):
        return []
    source = text.encode("utf-8")
    ascii_only = len(source) == len(text)

    def at(byte: int) -> int:  # where a byte of the script is in its text
        return byte if ascii_only else len(source[:byte].decode("utf-8", "replace"))

    def sink_of(target: str) -> str | None:
        if "GITHUB_ENV" in target:
            return _SETS_VARIABLE
        if "GITHUB_OUTPUT" in target:
            return _SETS_OUTPUT
        stated = target.strip("'\"")
        return _SETS_DOTENV if any(stated.startswith(file) for file in dotenv) else None

    try:
        lines = reader(source, sink_of)
    except grammars.ParseTooSlow:  # the step's own read of this text is refused, at the step (MIG001 there)
        return []
    found = []
    for written in lines:
        start, end = (at(written.value[0]), at(written.value[1])) if written.value else (-1, -1)
        value = _value_node(line, text, start, end) if written.value else None
        found.append((at(written.at), written.sink, written.name, value))
    return found


def _set_in_line(written: str, dotenv: tuple[str, ...] = ()) -> list[tuple[str, str, int, int]]:
    """The variables one line of a script sets for later steps, each with where it sets it (`_SETS_*`) and
    where its value starts and ends in the line: Azure Pipelines' logging command (an output variable with
    `isOutput=true`, which later steps name by the step's name), a `NAME=value` the line writes to
    `$GITHUB_ENV` (`$GITHUB_OUTPUT`: an output), or to one of the job's `dotenv` report files."""
    logged = _logging_command(written)
    if logged is not None:
        return logged
    if "GITHUB_ENV" in written:
        sink = _SETS_VARIABLE
    elif "GITHUB_OUTPUT" in written:
        sink = _SETS_OUTPUT
    elif any(_writes_to(written, file) for file in dotenv):
        sink = _SETS_DOTENV
    else:
        return []
    if "=" not in written:
        return []
    equals = written.find("=")
    start = equals
    while start > 0 and (written[start - 1].isalnum() or written[start - 1] == "_"):
        start -= 1
    name = written[start:equals]
    return [(sink, name, equals + 1, _value_end(written, equals + 1))] if name.isidentifier() else []


def _logging_command(written: str) -> list[tuple[str, str, int, int]] | None:
    """Azure Pipelines' logging command in a line of a script (`##vso[task.setvariable variable=NAME]value`,
    whatever prints it), as `_set_in_line` gives it; None where the line has none."""
    marker = "##vso[task.setvariable "
    at = written.find(marker)
    if at == -1:
        return None
    closed = written.find("]", at)
    properties = written[at + len(marker) : closed].split(";") if closed != -1 else []
    given = dict(p.strip().partition("=")[::2] for p in properties)
    name = given.get("variable", "").strip()
    if not name:
        return []
    output = given.get("isOutput", given.get("isoutput", "")).strip().casefold() == "true"
    return [(_SETS_OUTPUT if output else _SETS_VARIABLE, name, closed + 1, _value_end(written, closed + 1))]


def _writes_to(written: str, file: str) -> bool:
    """Whether a line redirects its output to `file` (`>> build.env`, `> "build.env"`)."""
    at = written.find(">")
    return at != -1 and written[at:].lstrip(">").strip().strip("'\"").startswith(file)


def _value_end(written: str, start: int) -> int:
    """Where a value written after `start` ends: at a quote, a blank or a redirection, else at the line's end."""
    end = start
    while end < len(written) and written[end] not in "\"' \t\r>|;":
        end += 1
    return end


def _inherits(job: dict[str, Node], key: str) -> bool:
    """Whether a job runs the list of commands outside any job under `key`: it sets no list of its own
    there, and (GitLab CI) its `inherit: default:` is not false and, as a list, names `key`."""
    if key in job:
        return False
    inherit = job.get("inherit")
    chosen = _entry(inherit, "default") if _mapping(inherit) else None
    if chosen is None:
        return True
    if chosen.id == "sequence":
        return any(_scalar(item) and item.value == key for item in chosen.value)
    return not (_scalar(chosen) and chosen.value.strip().casefold() == "false")


def _in_job(step: _Step, job: _Context, gitlab: bool) -> _Step:
    """A step every job runs first as one job runs it: with the job's variables, only where the job runs,
    and in the job's shell: GitLab CI's `before_script:` is PowerShell in a job on a Windows runner."""
    context = replace(job, env={**step.context.env, **job.env}, runs=_both(step.context.runs, job.runs))
    powershell = _Walk.runs_powershell(step.key, {}, context, gitlab=gitlab) if gitlab else None
    return replace(step, context=context, powershell=step.powershell if powershell is None else powershell)


def _phase(step: _Step) -> int:
    """Where a step's list of commands runs in its job (a task's, or another key's, with the script)."""
    return _PHASES.get(step.key, _PHASES["script"])


def _read_job(
    path: str, files: dict[str, tuple[str, list[str]]], steps: list[_Step], data: bytes
) -> tuple[tuple[object, ...], FileProblem | None, tuple[tuple[str, str], ...]]:
    """The resources one job's steps describe, the shell ones read as one script and the PowerShell ones
    as another; why PowerShell would refuse its script, if it would."""
    shell_steps = [step for step in steps if not step.powershell]
    resources: tuple[object, ...] = ()
    ran: list[shell.CommandLines] = []  # the last run's (`shell.run_commands`), whose files run are said

    def program(lines: shell.CommandLines) -> None:
        ran.append(lines)
        _run_shell(lines, path, shell_steps)

    if shell_steps:
        resources = shell.run_commands(path, data, program)
    files_run = ran[-1].functions_run() if ran else ()
    refused = ran[-1].refused if ran else None
    held = _Held()
    root = _repository_root(path)
    started = False
    for step in steps:
        if step.powershell and root and not held.text:  # a job's steps run from the repository's root
            held.written_in(_file(step.node))
            held.add(f"Set-Location '{root}'\n", _place(step.node))
        if step.powershell:
            _add_powershell(held, step, new_process=started and _steps_run_apart(path, step))
            started = True
    if not held.text:
        return resources, refused, files_run
    document = powershell_read(path, held, files)
    return resources + document.resources, refused or document.problem, files_run + document.functions_run


def powershell_read(path: str, held: _Held, files: dict[str, tuple[str, list[str]]]) -> Document:
    from migcheck.readers import powershell

    written_in = [powershell.HeldFile(start, shown, files[shown][1]) for start, shown in held.files]
    # each step's inline script runs from a temporary file the runner writes (`STEP_SCRIPT_ROOT`)
    return powershell.read_held(
        path, held.joined(), held.places, files[path][1], written_in, held.filled, held.folders, True
    )


# --- the walk --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    """What the mappings around a step give it: the variables their `env:` and `variables:` state, the
    shell their `defaults:` or runner (`runs-on:`) runs `run:` steps in, the values the service puts in the
    script's text before it runs (Azure Pipelines' variables a `$(name)` macro or a template expression
    names, GitHub Actions' `${{ env.X }}`, `${{ matrix.x }}`, `${{ inputs.x }}`), whether the file is an
    Azure Pipelines one (elsewhere `$(...)` is the shell's), and whether their `condition:`/`if:` lets the
    step run: surely (True), never (False) or maybe (None)."""

    env: dict[str, tuple[Node, Node]]
    shell: str | None
    macros: dict[str, Node] | None = None
    runs: bool | None = True
    job: int = 0  # the job the steps are of, by its number in the file; 0 for steps outside any job
    azure: bool = False
    # The system the file states its steps run on (`_stated_system`): "linux", "macos", "windows", or None
    # where it states none (a self-hosted pool or runner chosen by name, a GitLab job with no `image:`).
    system: str | None = None
    # The folder its steps run in as the file states it, from the repository's root (`_working_directory`);
    # None for the root.
    folder: Node | None = None
    # A CircleCI job's `working_directory:` as written, where its `checkout` step puts the repository and a
    # `run:` step's own folder is named from; None for the service's default, `~/project`.
    checkout: str | None = None
    # Whether the service may give the steps variables the file does not list: an Azure Pipelines variable
    # group (`- group: infra`) or variables template of another repository (`- template: vars.yml@tools`)
    # of a `variables:` around them (GitLab CI's project and group variables: always, `_service_sets`).
    service_variables: bool = False


class _Walk:
    """Every step of the file, in the order it writes them; each node looked at once (an alias is not
    walked again), and no more nodes than the file's size warrants."""

    def __init__(self, path: str, size: int, text: str) -> None:
        self.path = path
        # Each file the walk reads (the pipeline's, the templates it includes), by display path: its folder
        # from the pipeline's, and its lines.
        self.files: dict[str, tuple[str, list[str]]] = {path: ("", text.splitlines())}
        self.including = [path]  # the files whose templates are read now, the pipeline's first
        self.templates = 0  # how many templates were read
        self.pipelines: set[str] = set()  # those of them that are pipelines of their own by their keys
        self.scripts_run: set[str] = set()  # the script files a PowerShell task runs (`script_file_run`)
        self.script_runs = 0  # how many times a task runs one: each is a function of its own name
        # The scripts of GitHub Actions' `shell: python` steps, with the folder each runs in (`_working_directory`).
        self.python_steps: list[tuple[Node, str | None]] = []
        # The values a caller's template expressions have in a list of steps it gives a template, by the
        # list's id: the caller's, not the template's.
        self.given_with: dict[int, dict[str, Node] | None] = {}
        self.template_room = _MOST_SHARED_READ * size + 65_536  # the text of templates yet to read
        self.unread: list[Mark] = []  # the parts not read (`TEMPLATE_NOT_READ`, `READ_AGAIN_CUT`)
        self.job_nodes: dict[int, Node] = {}  # each job's mapping, by its number
        self.steps: list[_Step] = []
        self.resources: list[object] = []  # what a task states apart from the calls it runs
        self.deployers: list[tuple[str, int, int, str]] = []  # see `model.Script.deployed_by`
        self.seen: set[int] = set()
        self.jobs: dict[int, int] = {}  # the number of each node that is a job, by the node's id
        # Each job's context and the keys its mapping sets, by its number (see `_shared_read_in`).
        self.job_contexts: dict[int, tuple[_Context, dict[str, Node]]] = {}
        # The mappings whose lists of commands every job runs first (GitLab CI's and Travis CI's top, GitLab
        # CI's `default:`), by id.
        self.shared: set[int] = set()
        self.budget = 4 * size + 1_000
        self.refused: FileProblem | None = None  # why the CI service refuses the whole file, where it does
        self.more_jobs = 1 << 30  # the numbers of the runs of a matrix job after its first
        self.unix_image = False  # an AppVeyor file's `image:` names Ubuntu or macOS: its lists run in bash

    def add_jobs(self, nodes: list[Node]) -> None:
        for job in nodes:
            self.jobs.setdefault(id(job), len(self.jobs) + 1)

    def node(self, node: Node, context: _Context, depth: int) -> None:
        if self.budget <= 0 and not self.unread:
            self.unread.append(_mark_of(node, self.path, READ_AGAIN_CUT))
        if id(node) in self.seen or depth > _MOST_DEPTH or self.budget <= 0:
            return
        self.seen.add(id(node))
        self.budget -= 1
        if id(node) in self.jobs:
            context = replace(context, job=self.jobs[id(node)])
        if node.id == "sequence":
            branches = _Branches()
            for item in node.value:
                directive = _directive(item.value[0][0]) if _mapping(item) and len(item.value) == 1 else ""
                if _loop(directive):
                    self.each(item.value[0][1], directive, context, depth)
                    continue
                if _conditional(directive):
                    runs = branches.runs(directive, context.macros)
                    self.node(item.value[0][1], replace(context, runs=_both(context.runs, runs)), depth + 1)
                    continue
                branches = _Branches()
                inserted = _inserted(item, context.macros)
                if inserted is not None:  # steps a caller gives: its expressions are the caller's
                    given_in = replace(context, macros=self.given_with.get(id(inserted), context.macros))
                    self.node(inserted, given_in, depth + 1)
                    continue
                self.node(item, context, depth + 1)
        elif node.id == "mapping":
            matrix_runs = _matrix_runs(node) if id(node) in self.jobs and _github(self.path) else []
            if matrix_runs:
                self.matrix_job(node, context, depth, matrix_runs)
            else:
                self.mapping(node, context, depth)

    def each(self, body: Node, directive: str, context: _Context, depth: int) -> None:
        """An Azure Pipelines loop (`${{ each x in parameters.list }}:`): its value inserted once per item of
        a list the file states, `${{ x }}` (`${{ x.name }}`) the item's, or per key of a mapping
        (`${{ x.key }}`, `${{ x.value }}`); once, the item not stated, for a list not stated or longer than
        `_MOST_LOOP_ITEMS`."""
        seen, budget, used = set(self.seen), self.budget, 0
        for number, bound in enumerate(_loop_items(directive, context.macros) or [{}]):
            if number:  # each item inserts the same text again
                self.seen = set(seen)
                self.budget += used
            self.node(body, replace(context, macros={**(context.macros or {}), **bound}), depth + 1)
            used = budget - self.budget

    def matrix_job(self, node: Node, context: _Context, depth: int, runs: list[dict[str, Node]]) -> None:
        """A GitHub Actions job of a stated matrix, read as the jobs GitHub runs: one per combination of its
        values (`${{ matrix.name }}`), each on a runner of its own."""
        seen, budget, used = set(self.seen), self.budget, 0
        keys = {key: _empty_like(value) for run in runs for key, value in run.items()}
        for number, values in enumerate(runs):
            job = context.job
            if number:  # each run is a job of its own, read from the job's text again
                self.seen = set(seen)
                self.budget += used
                job = self.more_jobs = self.more_jobs + 1
            # a key another run states and this one does not is the empty text in this one
            bound = {**(context.macros or {}), **{f"matrix:{k}": v for k, v in {**keys, **values}.items()}}
            self.mapping(node, replace(context, macros=bound, job=job), depth)
            used = budget - self.budget

    def mapping(self, node: Node, context: _Context, depth: int) -> None:
        entries = {key.value: value for key, value in node.value if _scalar(key)}
        self.budget -= len(entries)
        if _appveyor(self.path):
            entries = _appveyor_environment(entries)
            image = entries.get("image")
            names = [item.value.casefold() for item in _scalar_nodes(image)] if image is not None else []
            self.unix_image = self.unix_image or any(("ubuntu" in n or "macos" in n) for n in names)
        context = _within(entries, context, self.template_variables, job=id(node) in self.jobs)
        if id(node) in self.jobs:
            self.job_contexts[context.job] = (context, entries)
            self.job_nodes[context.job] = node
        template = entries.get("template")
        if context.azure and _scalar(template) and "task" not in entries:
            self.template(template, entries.get("parameters"), context, depth)
            return
        read = self.step(node, entries, context)
        branches = _Branches()
        for key, value in entries.items():
            directive = _directive_text(key)
            if _loop(directive):
                self.each(value, directive, context, depth)
                continue
            if _conditional(directive):
                runs = branches.runs(directive, context.macros)
                self.node(value, replace(context, runs=_both(context.runs, runs)), depth + 1)
                continue
            branches = _Branches()
            # a template's parameters are given to it, not run (a `stepList` default runs where inserted)
            if key not in read and key not in _STATED and not (key == "parameters" and context.azure):
                self.add_jobs(_jobs(key, value))
                self.node(value, context, depth + 1)

    def template(self, named: Node, given: Node | None, context: _Context, depth: int) -> None:
        """An Azure Pipelines template a `template:` includes (steps, jobs, stages, or the one a pipeline
        `extends:`), read where it is included, its `parameters:` bound to those the caller gives, else to
        their defaults; one the walk does not read is said not read."""
        root = self.template_root(named)
        if root is None:
            return
        outer = {k: v for k, v in (context.macros or {}).items() if not k.startswith("parameters:")}
        given_parameters = _given_parameters(given, context.macros or {})
        for value in given_parameters.values():
            if _given_steps(value):
                self.given_with[id(value)] = context.macros
        bound = {**_parameter_defaults(root), **given_parameters}
        self.including.append(_file(root))
        self.node(root, replace(context, macros={**outer, **bound}), depth + 1)
        self.including.pop()

    def template_root(self, named: Node) -> Node | None:
        """The top mapping of the Azure Pipelines template a `template:` names, from the folder of the file
        that names it; None, said not read, for one the walk does not read (`loaded`, another repository's)."""
        stated = named.value.strip()
        root = None
        if "@" not in stated and not stated.startswith("/") and _stated(stated):
            root = self.loaded(_file(named), stated, from_root=False)
        if root is None:
            self.unread.append(_mark_of(named, self.path, TEMPLATE_NOT_READ))
        return root

    def template_variables(self, named: Node) -> list[tuple[Node, Node]]:
        """The variables of the variables template a `variables:` item's `template:` names: those of its own
        `variables:`, the templates it names among them read alike."""
        root = self.template_root(named)
        if root is None:
            return []
        self.including.append(_file(root))
        try:
            return _variable_entries(_entry(root, "variables"), self.template_variables)
        finally:
            self.including.pop()

    def loaded(self, held_in: str, stated: str, *, from_root: bool) -> Node | None:
        """The top mapping of the template at `stated` (from the folder of the file at `held_in`, or from
        the pipeline's with `from_root`), when it is a file checked, within the limits on templates, and
        includes none of those that include it; else None."""
        import yaml

        folder = "" if from_root else self.files.get(held_in, ("", []))[0]
        relative = posixpath.normpath(posixpath.join(folder, stated))
        if len(self.including) > _MOST_TEMPLATE_DEPTH or self.templates >= _MOST_TEMPLATES:
            return None
        settings = beside.settings_file(relative)
        if settings is None or settings.path in self.including or len(settings.data) > self.template_room:
            return None
        self.templates += 1
        self.template_room -= len(settings.data)
        text = settings.data.decode("utf-8", "replace").removeprefix("\ufeff")
        try:
            roots = _composed(text, settings.path)
        except (yaml.YAMLError, RecursionError):
            return None
        self.files[settings.path] = (posixpath.dirname(relative), text.splitlines())
        if roots and _azure_pipelines_keys(roots[0]):  # a pipeline by its keys too: read here only
            self.pipelines.add(settings.path)
        return roots[0] if roots and _mapping(roots[0]) else None

    def script_file_run(self, task: Node, given: dict[str, Node], context: _Context) -> _Held | None:
        """A PowerShell task's script file (`filePath:`, from the repository's root) run with its
        `arguments:`, when it is a file checked: its text as the body of a function called with those
        arguments, which bind to its `param()` by name and by position as on a command line, each character
        shown where the script file or the pipeline writes it, its `$PSScriptRoot` its own folder, and run
        from the task's `workingDirectory:` where it states one (else the repository's root). The file's own
        read is then not said again (`_pipelines_included`). None for a file not stated or not checked."""
        named = next((given[k] for k in _POWERSHELL_FILE_INPUTS if k in given), None)
        stated = _stated_input(named, context.macros)
        settings = beside.settings_file(posixpath.normpath(stated)) if stated else None
        if named is None or settings is None or len(settings.data) > self.template_room:
            return None
        self.template_room -= len(settings.data)
        text = settings.data.decode("utf-8", "replace").removeprefix("\ufeff")
        self.files[settings.path] = (posixpath.dirname(settings.path), text.splitlines())
        self.scripts_run.add(settings.path)
        self.script_runs += 1
        function = f"{_SCRIPT_FILE_FUNCTION}{self.script_runs}"
        held = _Held(folders={function: posixpath.dirname(posixpath.normpath(stated.replace("\\", "/")))})
        held.written_in(_file(task))
        held.add(f"function {function} {{\n", _place(task))
        held.written_in(settings.path)
        held.add(text, _places_in(text))
        held.written_in(_file(task))
        held.add("\n}\n", _place(named))
        working = given.get("workingdirectory")
        folder = _stated_input(working, context.macros).replace("\\", "/")
        moved = bool(folder) and not folder.startswith("/") and ":" not in folder and "'" not in folder
        if moved:  # it runs from there: a path it names from where it runs is from there
            held.add(f"Push-Location '{folder}'\n", _place(working))
        held.add(f"{function} ", _place(named))
        arguments = next((given[k] for k in _POWERSHELL_ARGUMENT_INPUTS if k in given), None)
        if arguments is not None and _scalar(arguments):
            _add_expressions_as_variables(held, *_expanded(arguments, context.macros), context.azure)
        held.add("\n", _place(task))
        if moved:
            held.add("Pop-Location\n", _place(working))
        return held

    def gitlab_included(self, root: Node, depth: int) -> Node:
        """A `.gitlab-ci.yml` with the keys of the local files its `include:` names (from the repository's
        root, which holds the pipeline) under its own, as GitLab CI merges them, a later file's over an
        earlier's; an include from elsewhere (`remote:`, `project:`, `template:`, `component:`, a URL) or by
        a path not stated (a wildcard, a variable) is said not read."""
        include = _entry(root, "include")
        if include is None:
            return root
        entries: dict[str, tuple[Node, Node]] = {}
        for item in include.value if include.id == "sequence" else [include]:
            local = _entry(item, "local") if _mapping(item) else item
            stated = local.value.strip() if local is not None and _scalar(local) else ""
            found = None
            if stated and "://" not in stated and "*" not in stated and "$" not in stated:
                found = self.loaded(self.path, stated.lstrip("/"), from_root=True)
            if found is None:
                self.unread.append(_mark_of(item, self.path, TEMPLATE_NOT_READ))
                continue
            self.including.append(_file(found))
            found = self.gitlab_included(found, depth + 1)
            self.including.pop()
            for key, value in found.value:
                _merge_into(entries, key, value)
        for key, value in root.value:
            if key.value != "include":
                _merge_into(entries, key, value)
        return _mapping_like(root, list(entries.values()))

    def runs_in_cmd(self, key: str, entries: dict[str, Node], context: _Context) -> bool:
        """Whether a step's script runs in cmd: an AppVeyor `cmd:` item, or one of its lists of commands (not
        `sh:`) where its `image:` is not Ubuntu's or macOS's (its default is Windows); a GitHub Actions `run:`
        whose shell (its own, else its job's or workflow's default) is `cmd`; an Azure Pipelines `script:` on
        a pool the file states is Windows."""
        if _appveyor(self.path):
            return key == "cmd" or (key != "sh" and key in _SHELL_KEYS and not self.unix_image)
        if context.azure:
            return key == "script" and context.system == "windows"
        if key != "run" or not _github(self.path):
            return False
        stated = entries.get("shell")
        shell_name = stated.value if stated is not None and _scalar(stated) else context.shell
        return (shell_name or "").split(" ", 1)[0].casefold() == "cmd"

    def step(self, node: Node, entries: dict[str, Node], context: _Context) -> set[str]:
        """The step a mapping is, if it is one (added to `steps`); the keys read as its scripts."""
        read = set()
        for key, value in entries.items():
            if key == "run" and _python_shell(entries.get("shell")):
                if _scalar(value) and value.style == "|" and context.runs is not False:
                    self.python_steps.append((value, _working_directory(self.path, context)))
                read.add(key)
                continue
            # GitLab CI's and Bitbucket Pipelines' Windows runners run a list of commands in PowerShell
            powershell = self.runs_powershell(
                key, entries, context, gitlab=_gitlab(self.path) or _bitbucket(self.path)
            )
            if powershell is None:
                continue
            if key == "run" and value.id == "mapping":  # CircleCI: `run: {command: ..., shell: ...}`
                given = {k.value: v for k, v in value.value if _scalar(k)}
                command = given.get("command")
                value = command if command is not None else value
                powershell = _shell_is_powershell(given.get("shell"), context)
                folder = given.get("working_directory")  # from the job's, where it checked the repository out
                context = context if folder is None else replace(context, folder=folder)
            if _gitlab(self.path) and key in _SHELL_KEYS and self.refused is None:
                self.refused = _gitlab_refuses(value)
            lines = _lines(value)
            if lines:
                bash = not powershell and _runs_in_bash(self.path, key, value, entries, context)
                cmd = not powershell and self.runs_in_cmd(key, entries, context)
                self.steps.append(_Step(node, powershell, context, lines, key=key, bash=bash, cmd=cmd))
                read.add(key)
        task = entries.get("task")
        if task is not None and _scalar(task) and self.task(node, task.value, entries, context):
            read.add("inputs")
        provider = entries.get("provider")
        called = provider.value.strip().casefold() if provider is not None and _scalar(provider) else ""
        if called == _APPVEYOR_CLOUD_PROVIDER:
            self.appveyor_cloud_deployment(node, provider, entries, context)
        elif called == _APPVEYOR_EXTENDED_PROVIDER and context.runs is not False:
            name = _stated_input(entries.get("service"), context.macros)
            line, column = _place(provider)
            mark = Mark(self.path, line, column=column)
            self.resources.append(ExtendedSupportService(name, mark, _APPVEYOR_EXTENDED_VIA))
        return read

    def appveyor_cloud_deployment(
        self, node: Node, provider: Node, entries: dict[str, Node], context: _Context
    ) -> None:
        """AppVeyor's classic Cloud Services deployment (`deploy: provider: AzureCS`), read as the calls its
        deployment script runs, as the cloud deployment task's are: its settings given as the task's inputs,
        `recreate_deployment: true` as `AllowUpgrade: false`; under an `on:` (a branch, a variable) it may
        not run."""
        given = {
            task_input: entries[setting]
            for setting, task_input in _APPVEYOR_CLOUD_SETTINGS.items()
            if setting in entries
        }
        recreate = entries.get("recreate_deployment")
        upgrade = None if recreate is None or _condition_holds(recreate) is not True else recreate
        if "on" in entries:
            context = replace(context, runs=_both(context.runs, None))
        script = _cloud_deployment(provider, given, context.macros, upgrade_off=upgrade)
        self.steps.append(_Step(node, True, context, script=script))
        self.deploying(provider, "AppVeyor's AzureCS deployment provider", upgrade)
        account = _upload_account(self.path, given, context.macros)
        if account is not None and context.runs is not False:
            self.resources.append(account)

    def deploying(self, step: Node, words: str, upgrade: Node | None) -> None:
        """A step that deploys a classic cloud service itself (`model.Script.deployed_by`): its calls are
        at its name, and the upgrade's or removal's at the setting that chooses it."""
        for node in (step, upgrade):
            if node is not None:
                self.deployers.append((_file(node), *_place(node), words))

    @staticmethod
    def runs_powershell(
        key: str, entries: dict[str, Node], context: _Context, *, gitlab: bool
    ) -> bool | None:
        """Whether a key's script runs in PowerShell (False: in the shell); None for a key of no script. A
        GitLab CI job's lists of commands run in PowerShell on a Windows runner (`tags:`), and so do a
        Bitbucket Pipelines step's on one (`runs-on: [self.hosted, windows]`): `gitlab` for both."""
        if key == "run":
            return _shell_is_powershell(entries.get("shell"), context)
        if key in _POWERSHELL_KEYS:
            return True
        if key in _SHELL_KEYS:
            return gitlab and _shell_is_powershell(None, context)
        return None

    def task(self, node: Node, called: str, entries: dict[str, Node], context: _Context) -> bool:
        """An Azure Pipelines task (`Name@major`) that runs PowerShell or deploys a classic cloud service,
        added to `steps`; whether its inputs were read so (those of another task are walked as any mapping,
        so a `Bash@3` task's `script:` is read as a shell script)."""
        name, _, version = called.strip().lower().partition("@")
        major = version.strip().split(".", 1)[0]
        inputs = entries.get("inputs")
        given = (
            {k.value.lower(): v for k, v in inputs.value if _scalar(k)}
            if inputs is not None and _mapping(inputs)
            else {}
        )
        # where the task's inline script runs (a script file it runs goes there itself: `script_file_run`)
        in_folder = replace(context, folder=given.get("workingdirectory", context.folder))
        if name in _POWERSHELL_TASKS:
            inline = next((given[k] for k in _POWERSHELL_INLINE_INPUTS if k in given), None)
            if inline is not None and _scalar(inline):
                self.steps.append(_Step(node, True, in_folder, (inline,)))
            elif (script := self.script_file_run(entries["task"], given, context)) is not None:
                self.steps.append(_Step(node, True, context, script=script))
            return True
        if name == _AZURE_CLI_TASK:
            inline = given.get("inlinescript")
            if inline is not None and _scalar(inline):
                script_type = given.get("scripttype")
                stated = script_type.value if script_type is not None and _scalar(script_type) else ""
                powershell = stated.strip().lower() in _CLI_POWERSHELLS
                self.steps.append(_Step(node, powershell, in_folder, (inline,)))
            return True
        if (name, major) == _CLOUD_DEPLOYMENT_TASK:
            given = {_CLOUD_DEPLOYMENT_ALIASES.get(key, key): value for key, value in given.items()}
            upgrade = given.get("allowupgrade")
            upgrade_off = upgrade if upgrade is not None and _condition_holds(upgrade) is False else None
            script = _cloud_deployment(entries["task"], given, context.macros, upgrade_off=upgrade_off)
            self.steps.append(_Step(node, True, context, script=script))
            task = entries["task"]
            self.deploying(task, f"the {task.value.strip()} task", upgrade)
            account = _upload_account(self.path, given, context.macros)
            if account is not None and context.runs is not False:
                self.resources.append(account)
            return True
        if (name, major) == _EXTENDED_DEPLOYMENT_TASK:
            if context.runs is not False:
                self.resources.append(_extended_deployment(self.path, entries["task"], given, context.macros))
            return True
        if (name, major) == _WEBSITE_DEPLOYMENT_TASK:
            task = entries["task"]
            self.steps.append(
                _Step(node, True, context, script=_website_deployment(task, given, context.macros))
            )
            self.deploying(task, f"the {task.value.strip()} task", None)
            return True
        return False


def _website_deployment(task: Node, given: dict[str, Node], macros: dict[str, Node] | None) -> _Held:
    """The calls the classic App Service deployment task runs (its Publish-AzureWebDeployment.ps1), each at
    the task's name: where it is given a `WebSiteLocation`, `Get-AzureWebsite` of its `WebSiteName` and,
    where that finds none, `New-AzureWebsite` there; then `Publish-AzureWebsiteProject` of its `Package`;
    each in its `Slot` where given."""
    held = _Held()
    at = _place(task)
    site = _argument(given, "websitename", "-Name", macros)
    slot = _argument(given, "slot", "-Slot", macros)
    location = _argument(given, "websitelocation", "-Location", macros)
    if location.text:
        held.add("if (!(Get-AzureWebsite", at)
        for part in (site, slot):
            _extend(held, part)
        held.add(" -ErrorAction SilentlyContinue)) { New-AzureWebsite", at)
        for part in (site, location, slot):
            _extend(held, part)
        held.add(" }\n", at)
    held.add("Publish-AzureWebsiteProject", at)
    for part in (site, _argument(given, "package", "-Package", macros), slot):
        _extend(held, part)
    held.add("\n", at)
    return held


def _extended_deployment(
    path: str, task: Node, given: dict[str, Node], macros: dict[str, Node] | None
) -> ExtendedSupportService:
    """The `AzureCloudPowerShellDeployment@2` task as the evidence it is: the service it deploys (its
    `ServiceName` where the file states it) is of extended support, and so is the package of the
    configuration or definition it names (`CsCfg`, `CsDef`: a path from the repository's root, which holds
    the pipeline)."""
    name = _stated_input(given.get("servicename"), macros)
    package = ""
    for wanted in ("cscfg", "csdef"):
        package = package or _repository_file(path, _stated_input(given.get(wanted), macros))
    line, column = _place(task)
    return ExtendedSupportService(name, Mark(path, line, column=column), _EXTENDED_DEPLOYMENT_VIA, package)


def _repository_root(path: str) -> str:
    """The folder a CI job's steps run from, the repository's root, from the pipeline's: `../..` of a GitHub
    Actions workflow (`.github/workflows/`), `..` of a CircleCI configuration (`.circleci/`); for the
    others the pipeline's own folder, which holds it at the root (an Azure Pipelines file elsewhere is
    taken to be at the root too: its folder is the checkout's, `_with_checkout_root`)."""
    folder = posixpath.dirname(path).replace("\\", "/").casefold()
    if folder == ".github/workflows" or folder.endswith("/.github/workflows"):
        return "../.."
    if folder == ".circleci" or folder.endswith("/.circleci"):
        return ".."
    return ""


def _repository_file(path: str, written: str) -> str:
    """The display path of a file a pipeline names from the repository's root (the pipeline's folder); ""
    for none, a pattern (`**/*.cscfg`) or an absolute path, which are not these files."""
    written = written.replace("\\", "/")
    if not written or "*" in written or written.startswith("/") or ":" in written:
        return ""
    return posixpath.normpath(posixpath.join(posixpath.dirname(path), written))


def _stated_input(value: Node | None, macros: dict[str, Node] | None) -> str:
    """A task input's text where the file states it whole (its macros of stated variables replaced); ""."""
    if value is None or not _scalar(value):
        return ""
    text = _expanded(value, macros)[0].strip()
    return text if _stated(text) and not is_placeholder(text) else ""


def _matrix_runs(job: Node) -> list[dict[str, Node]]:
    """The runs a GitHub Actions job's `strategy: matrix:` makes, each the value of every key it states (a
    list of scalars; a key of objects or of an expression states none): every combination, less those an
    `exclude:` item matches, each `include:` item added to the combinations whose original values it agrees
    with, else a run of its own. None past `_MOST_MATRIX_RUNS`, nor for a matrix that states no value."""
    strategy = _entry(job, "strategy") if _mapping(job) else None
    matrix = _entry(strategy, "matrix") if _mapping(strategy) else None
    if matrix is None or not _mapping(matrix):
        return []
    runs: list[dict[str, Node]] = [{}]
    for key, values in matrix.value:
        if not _scalar(key) or key.value in ("include", "exclude") or values.id != "sequence":
            continue
        if values.value and all(_scalar(value) for value in values.value):
            runs = [{**run, key.value.casefold(): value} for run in runs for value in values.value]
        if len(runs) > _MOST_MATRIX_RUNS:
            return []
    original = set(runs[0])
    runs = [run for run in runs if original and not _matches_any(run, _entry(matrix, "exclude"))]
    combinations = len(runs)  # an `include:` item adds to these, not to the runs items made
    for item in _matrix_items(_entry(matrix, "include")):
        agreeing = [run for run in runs[:combinations] if _agrees(run, item, original)]
        for run in agreeing:
            run.update(item)
        if not agreeing:
            runs.append(dict(item))
        if len(runs) > _MOST_MATRIX_RUNS:
            return []
    return runs if any(runs) else []


def _empty_like(value: Node) -> Node:
    """The empty text, at `value`'s place."""
    return _held_scalar(value, "", [])


def _matrix_items(listed: Node | None) -> list[dict[str, Node]]:
    """The items of a matrix's `include:` or `exclude:`, each the scalar values it states by key."""
    items = listed.value if listed is not None and listed.id == "sequence" else []
    return [
        {key.value.casefold(): value for key, value in item.value if _scalar(key) and _scalar(value)}
        for item in items
        if _mapping(item)
    ]


def _agrees(run: dict[str, Node], item: dict[str, Node], original: set[str]) -> bool:
    """Whether an `include:` item adds to a run: it overwrites none of the run's original values."""
    return all(run[key].value == value.value for key, value in item.items() if key in original)


def _matches_any(run: dict[str, Node], exclude: Node | None) -> bool:
    """Whether an `exclude:` item names the run: each value it states is the run's."""
    return any(
        all(key in run and run[key].value == value.value for key, value in item.items())
        for item in _matrix_items(exclude)
        if item
    )


def _given_parameters(given: Node | None, macros: dict[str, Node]) -> dict[str, Node]:
    """The parameters a `template:` is given (a mapping of names to values), kept as `parameters:name`:
    a value that is only a reference to one the caller states is that value; a list (of steps) as given."""
    if given is None or not _mapping(given):
        return {}
    return {
        f"parameters:{key.value.casefold()}": _whole_reference(value, macros) if _scalar(value) else value
        for key, value in given.value
        if _scalar(key) and (_scalar(value) or _given_steps(value) or _mapping(value))
    }


def _given_steps(value: Node | None) -> bool:
    """Whether a template parameter's value is a list (of steps, jobs or stages: a `stepList`), which the
    template inserts where it writes `- ${{ parameters.name }}`."""
    return value is not None and value.id == "sequence"


def _inserted(item: Node, macros: dict[str, Node] | None) -> Node | None:
    """The list a list's item `${{ parameters.name }}` inserts (a `stepList` parameter), else None."""
    text = item.value.strip() if _scalar(item) and macros else ""
    found = _references(text)
    if not found or found[0][:2] != (0, len(text)) or not found[0][2].startswith("parameters:"):
        return None
    value = (macros or {}).get(found[0][2])
    return value if value is not None and value.id == "sequence" else None


def _file(node: Node) -> str:
    """The display path of the file a node is written in (the pipeline's, or a template's)."""
    return str(node.start_mark.name)


def _mark_of(node: Node | None, path: str, tag: str) -> Mark:
    """A mark of a part not read, at its node (in its file), else at the pipeline's first line."""
    if node is None:
        return Mark(path, 1, column=1, tag=tag)
    line, column = _place(node)
    return Mark(_file(node), line, column=column, tag=tag)


# The variables of the variables template a `template:` names (`_Walk.template_variables`).
_IncludedVariables = Callable[[Node], list[tuple[Node, Node]]]


def _within(
    entries: dict[str, Node], context: _Context, included: _IncludedVariables, *, job: bool = False
) -> _Context:
    """The context of a mapping's values: with its `env:` and `variables:` entries (`included`, those of a
    variables template an item names), the shell its
    `defaults:` or its Windows runner gives `run:` steps, and its `condition:` (`if:`); a job's, with its
    GitLab CI `rules:`, `when:`, `only:`/`except:` (at the top of the file, these are jobs' names)."""
    env = entries.get("env")
    if env is not None and _mapping(env):
        macros = dict(context.macros or {})
        stated = {}
        for k, v in env.value:
            if _scalar(k) and _scalar(v):
                v = _whole_reference(v, macros)  # GitHub Actions: `${{ matrix.vnet }}`, `${{ env.X }}`
                stated[k.value] = (k, v)
                macros[f"env:{k.value.casefold()}"] = v
        context = replace(context, env={**context.env, **stated}, macros=macros)
    variables = entries.get("variables")
    if variables is not None:
        context = _with_variables(variables, context, included)
    condition = entries.get("condition", entries.get("if"))
    if condition is not None:
        context = replace(context, runs=_both(context.runs, _condition_holds(condition, context.macros)))
    if job:
        context = replace(context, runs=_both(context.runs, _gitlab_rules_let_run(entries, context)))
    context = _with_stated_system(entries, context)
    defaults = entries.get("defaults")
    run = _entry(defaults, "run") if _mapping(defaults) else None
    context = _with_working_directory(entries, run, context)
    stated_shell = _entry(run, "shell") if _mapping(run) else None
    if stated_shell is not None and _scalar(stated_shell):
        return replace(context, shell=stated_shell.value)
    macros = context.macros or {}
    context = _with_runner_os(entries.get("runs-on"), context)
    if _windows_runner(entries.get("runs-on"), macros) or _windows_runner(entries.get("tags"), macros):
        return replace(context, shell="pwsh")
    return context


def _with_working_directory(entries: dict[str, Node], run: Node | None, context: _Context) -> _Context:
    """The context with the folder a mapping states its steps run in: a GitHub Actions step's
    `working-directory:` or the `defaults: run: working-directory:` of a job or workflow; an Azure Pipelines
    step's `workingDirectory:` or a task's input of that name (in any case). Each is from the repository's
    root, and a step's replaces its job's. (GitLab CI, Travis CI, Bitbucket Pipelines and AppVeyor run every
    command from the folder they clone the repository to; a CircleCI `run:` states its own, see `step`, from
    its job's `working_directory:`, where the job checks the repository out.)"""
    job_folder = entries.get("working_directory")
    if job_folder is not None and _scalar(job_folder) and isinstance(job_folder.value, str):
        context = replace(context, checkout=job_folder.value.strip().rstrip("/") or "/")
    if context.azure:
        stated = next((value for key, value in entries.items() if key.casefold() == "workingdirectory"), None)
    else:
        stated = entries.get("working-directory")
        if stated is None and _mapping(run):
            stated = _entry(run, "working-directory")
    return context if stated is None else replace(context, folder=stated)


def _working_directory(path: str, context: _Context) -> str | None:
    """The folder a step runs in, from the pipeline's (see `_with_working_directory`; the repository's root
    where none is stated: `_repository_root`); None where the file does not state it whole (`_stated_folder`)."""
    root = _repository_root(path)
    if context.folder is None:
        return root
    stated = _stated_folder(context)
    return None if stated is None else posixpath.normpath(posixpath.join(root, stated))


def _stated_folder(context: _Context) -> str | None:
    """The folder a step states it runs in, from the repository's root; None where the file does not state
    it whole, or states one outside the repository (an absolute path), from which no file of the repository
    is found."""
    named = _from_checkout(context.folder, context.checkout)
    stated = _stated_input(named, context.macros).replace("\\", "/")
    if not stated or stated.startswith(("/", "~")) or ":" in stated:
        return None
    return posixpath.normpath(stated)


# The folder GitHub Actions checks the repository out to, as a step's working directory names it
# (`${{ github.workspace }}/app`), casefolded, spaces aside; CircleCI's is its job's `working_directory:`,
# `~/project` by default. Azure Pipelines' are its checkout macros (`_CHECKOUT_ROOT_MACROS`).
_GITHUB_CHECKOUT = "${{github.workspace}}"
_CIRCLECI_CHECKOUT = "~/project"


def _from_checkout(folder: Node | None, checkout: str | None) -> Node | None:
    """A working directory named from the folder the service checks the repository out to (GitHub Actions'
    workspace, or `checkout`, a CircleCI job's folder), as the same folder from the repository's root
    (`./app`); any other as it is."""
    if folder is None or not _scalar(folder):
        return folder
    text: str = folder.value
    if text.startswith("${{"):
        cut = text.find("}}") + 2
        head, rest = text[:cut].replace(" ", "").casefold(), text[cut:]
        known = head == _GITHUB_CHECKOUT
    else:
        head = checkout or _CIRCLECI_CHECKOUT
        rest = text[len(head) :] if head != "/" else text
        known = text.startswith(head)
    if not known or rest[:1] not in ("", "/"):
        return folder
    relative = copy.copy(folder)
    relative.value = "." + rest
    return relative


def _with_stated_system(entries: dict[str, Node], context: _Context) -> _Context:
    """The context with the system a mapping states its steps run on, over what those around it state: an
    Azure Pipelines `pool:` (its `vmImage:`; a pool chosen by name alone states none), a GitLab CI job's
    `image:` (or the file's, or its `default:`'s), a Travis CI `os:`. Each key is one CI service's alone."""
    gitlab_default = _entry(entries.get("default"), "image") if _mapping(entries.get("default")) else None
    if context.azure and "pool" in entries:
        pool = entries["pool"]
        image = _entry(pool, "vmimage") or _entry(pool, "vmImage") if _mapping(pool) else None
        return replace(context, system=_image_system(image, context.macros) if image is not None else None)
    image = entries.get("image", gitlab_default)
    if image is not None and not context.azure:
        named = _entry(image, "name") if _mapping(image) else image
        return replace(context, system=_container_system(named, context.macros))
    travis_os = entries.get("os")
    if travis_os is not None and not context.azure:
        systems = {_image_system(one, context.macros) for one in _scalar_nodes(travis_os)}
        return replace(context, system=systems.pop() if len(systems) == 1 else None)
    return context


def _image_system(image: Node | None, macros: dict[str, Node] | None) -> str | None:
    """The system a hosted image or `os:` names (`ubuntu-latest`, `macOS-14`, `windows-2022`, `vs2017-win2016`,
    Travis' `linux`, `osx`); None for one not stated or of another name."""
    text = _named_text(image, macros)
    if text.startswith(("ubuntu", "linux")):
        return "linux"
    if text.startswith(("macos", "osx")):
        return "macos"
    if text.startswith(("windows", "vs20", "win")):
        return "windows"
    return None


def _named_text(node: Node | None, macros: dict[str, Node] | None) -> str:
    """The text a scalar states, through a reference to a value the file states; "" for any other node."""
    if not _scalar(node):
        return ""
    bound = _whole_reference(node, macros or {})
    return bound.value.strip().casefold() if _scalar(bound) else ""


def _container_system(image: Node | None, macros: dict[str, Node] | None) -> str | None:
    """The system of a container image a GitLab CI job runs in: Windows for one of Windows' base images
    (`mcr.microsoft.com/windows/servercore:ltsc2022`, `…:nanoserver-…`), else Linux; None for an image not
    stated (`$CI_IMAGE`)."""
    text = _named_text(image, macros)
    if not text or "$" in text:
        return None
    return "windows" if any(part in text for part in ("windows", "servercore", "nanoserver")) else "linux"


def _with_runner_os(runner: Node | None, context: _Context) -> _Context:
    """The context with GitHub Actions' `runner.os` (`Windows`, `Linux`, `macOS`) where the job's `runs-on:`
    labels name the system (`windows-latest`, `ubuntu-22.04`, `macos-14`, a self-hosted `[self-hosted,
    linux]`), so that a step's `if: runner.os == 'Linux'` is decided for that run."""
    macros = context.macros or {}
    labels = _entry(runner, "labels") if runner is not None and _mapping(runner) else runner
    if labels is None:
        return context
    systems = {
        system
        for label in _scalar_nodes(labels)
        if (system := _runner_system(_whole_reference(label, macros))) is not None
    }
    if len(systems) != 1 or runner is None:
        return context
    import yaml  # loaded with the file's YAML already

    (system,) = systems
    known = yaml.ScalarNode("tag:yaml.org,2002:str", system, runner.start_mark, runner.end_mark)
    return replace(context, macros={**macros, "runner:os": known})


def _runner_system(label: Node) -> str | None:
    """The system a runner label names, as `runner.os` says it: GitHub's hosted images and a self-hosted
    runner's default labels."""
    if _windows_label(label):
        return "Windows"
    text = label.value.casefold() if _scalar(label) else ""
    if text in ("linux", "ubuntu-latest") or text.startswith("ubuntu-"):
        return "Linux"
    if text in ("macos", "macos-latest") or text.startswith("macos-"):
        return "macOS"
    return None


def _windows_runner(runner: Node | None, macros: dict[str, Node]) -> bool:
    """Whether a job's runner is a Windows one, by the labels that choose it: GitHub Actions' `runs-on:` (a
    label, a list of labels, a `group:` with `labels:`, each maybe the value of a matrix run, `${{ matrix.os
    }}`), GitLab CI's `tags:`. GitHub runs `run:` steps on Windows in PowerShell, and GitLab's Windows runners
    run `script:` lines in PowerShell (`pwsh` or `powershell`, the shells they are registered with since
    GitLab Runner 12)."""
    labels = _entry(runner, "labels") if runner is not None and _mapping(runner) else runner
    if labels is None:
        return False
    return any(_windows_label(_whole_reference(label, macros)) for label in _scalar_nodes(labels))


def _windows_label(label: Node) -> bool:
    """Whether a runner label names a Windows runner: GitHub's hosted ones (`windows-latest`, `windows-2022`,
    `windows-11-arm`), a self-hosted runner's default label (`windows`, in any case), GitLab's hosted ones
    (`saas-windows-medium-amd64`, formerly `shared-windows`); not one that merely holds the word
    (`linux-windows-builds`, `cross-windows`), a label of the team's own naming."""
    text = label.value.casefold() if _scalar(label) else ""
    return text in ("windows", "shared-windows") or text.startswith(("windows-", "saas-windows-"))


def _with_variables(node: Node, context: _Context, included: _IncludedVariables) -> _Context:
    """The variables a `variables:` states (a mapping of names; Azure Pipelines' list of `name:`/`value:`
    items, whose `group:` items state nothing the file says, and whose `template:` items give the variables
    of that template, `included`; GitLab's `NAME: {value: ...}`) as the steps see
    them: Azure Pipelines replaces `$(name)` by the value before a step runs, and gives the script the
    variable as an environment variable named in capitals, `.` made `_` (`build.config` is
    `$BUILD_CONFIG`); GitLab CI gives it as an environment variable of its name."""
    env, macros = dict(context.env), dict(context.macros or {})
    if context.azure and _lists_service_variables(node):
        context = replace(context, service_variables=True)
    for key, value in _variable_entries(node, included if context.azure else None):
        if not context.azure:
            env[key.value] = (key, value)
        else:
            value = _whole_reference(value, macros)
            macros[key.value.casefold()] = value
            env[key.value.upper().replace(".", "_")] = (key, value)
    return replace(context, env=env, macros=macros)


def _lists_service_variables(node: Node | None) -> bool:
    """Whether an Azure Pipelines `variables:` list gives variables the file does not list: a variable
    group's (`- group: infra`, its values kept in the service) or a template's of another repository (`-
    template: vars.yml@tools`), which the reader does not read."""
    if node is None or node.id != "sequence":
        return False
    for item in filter(_mapping, node.value):
        template = _entry(item, "template")
        remote = template is not None and _scalar(template) and "@" in template.value
        if _entry(item, "group") is not None or remote:
            return True
    return False


def _service_sets(path: str, step: _Step) -> bool:
    """Whether the pipeline service may set a variable a step reads that the file sets nowhere: from a
    source the context lists (`_Context.service_variables`), or, in GitLab CI, from the project's and its
    groups' CI/CD variables (and the files an `include:` of a project or a remote file brings), which any
    job is given."""
    return step.context.service_variables or _gitlab(path)


def _variables_read(script: str) -> set[str]:
    """The names of the variables a shell script reads (`$VNET`, `${VNET:-x}`), by bash's grammar; not a
    positional or special parameter (`$1`, `$@`). Parsed within the CPU time its size allows
    (`grammars.ParseTooSlow` past it, the file's MIG001); none where it nests past what is walked
    (`grammars.bash_tree`), which the step's own read says (MIG001)."""
    tree = grammars.bash_tree(script.encode("utf-8"))
    names: set[str] = set()
    if tree is None:
        return names
    # Each node goes on the stack with whether its parent is an expansion: asking a node for its parent
    # makes tree-sitter walk down from the root to it, a cost of its depth for each node.
    stack = [(tree.root_node, False)]
    while stack:
        node, read = stack.pop()
        if node.type == "variable_name" and read and node.text is not None:
            name = node.text.decode("utf-8", "replace")
            if name.isidentifier():
                names.add(name)
        expansion = node.type in ("simple_expansion", "expansion")
        stack.extend((child, expansion) for child in node.children)
    return names


def _whole_reference(value: Node, macros: dict[str, Node]) -> Node:
    """A variable's (a template parameter's) value where it is bound: one that is only a reference to one the
    file states (`${{ parameters.region }}`, `$[ variables.region ]`) is that value; one partly made of
    references (`$(prefix)-web`, `vm-${{ parameters.env }}`) is its text with those the file states replaced,
    each character kept where it is shown (a reference to one not stated left as written, for the script to
    read as a value not stated); any other as written."""
    text = value.value.strip()
    found = _references(text)
    if len(found) == 1 and found[0][:2] == (0, len(text)):
        bound = macros.get(found[0][2])
        return bound if _scalar(bound) else value
    if not found:
        return value
    expanded, places = _expanded(value, macros)
    return value if expanded == value.value else _held_scalar(value, expanded, places)


def _held_scalar(value: Node, text: str, places: list[Place]) -> Node:
    """A scalar of text the reader builds, at `value`'s place, that keeps where each character is shown."""
    import yaml

    node = yaml.ScalarNode(value.tag, text, value.start_mark, value.end_mark, value.style)
    node.held_places = places
    return node


def _places_of(node: Node, text: str) -> list[Place]:
    """Where each character of a scalar's text is shown: as the reader built it, else as the file writes it."""
    held = getattr(node, "held_places", None)
    return list(held) if held is not None else ansible.places(node, text)


def _variable_entries(node: Node | None, included: _IncludedVariables | None) -> list[tuple[Node, Node]]:
    """Each variable's name and value node, where both are scalars, in the order they are given: an Azure
    Pipelines `- template:` item's where it is (`included`)."""
    if node is None:
        return []
    if _mapping(node):
        pairs = [(key, value) for key, value in node.value]
    elif node.id == "sequence":
        pairs = []
        for item in filter(_mapping, node.value):
            template = _entry(item, "template")
            if included is not None and _scalar(template):
                pairs.extend(included(template))
            else:
                pairs.append((_entry(item, "name"), _entry(item, "value")))
    else:
        return []
    found = []
    for key, value in pairs:
        if _mapping(value):  # GitLab CI: `NAME: {value: ..., description: ...}`
            prefilled = _entry(value, "description") is not None
            value = _entry(value, "value")
            if prefilled and value is not None and _scalar(value) and value.value == "":
                value = _left_blank(value)  # a field of the form that starts a run by hand, prefilled
        if _scalar(key) and _scalar(value):
            found.append((key, value))
    return found


def _condition_holds(node: Node, macros: dict[str, Node] | None = None) -> bool | None:
    """Whether a step's (job's, stage's) `condition:` or `if:` lets it run whatever the run: a literal
    `false` (`${{ false }}`) never does; `true` and the service's default conditions (`succeeded()`,
    `success()`, `always()`) let it run as a step without one runs; an expression of values the file states
    (`and(succeeded(), eq(variables.env, 'prod'))`, `'a' == 'b'`) is decided as the service decides it; any
    other may or may not."""
    if not _scalar(node):
        return None
    text = node.value.strip()
    if text.startswith("${{") and text.endswith("}}") and text.count("${{") == 1:
        text = text[3:-2]
    elif "${{" in text:  # the template expressions in it are replaced before it is decided
        text = _expanded(node, macros)[0]
    if not _stated(text):
        return None
    return expressions.decided(text, functools.partial(_stated_value, macros or {}))


def _stated_value(macros: dict[str, Node], kind: str, name: str) -> expressions.Value:
    """The value of a parameter or a variable the file states (GitHub Actions' env, matrix value or input), as
    an expression reads it; else not known."""
    value = macros.get(name.casefold() if kind == "variables" else f"{kind}:{name.casefold()}")
    if value is None or not _scalar(value) or not _stated(value.value):
        return expressions.UNKNOWN
    return str(value.value)


@dataclass
class _Branches:
    """The `${{ if }}`, `${{ elseif }}` and `${{ else }}` keys of one chain, as Azure Pipelines inserts their
    values: whether a branch before this one was taken surely (True), surely not (False), or maybe (None)."""

    taken: bool | None = False

    def runs(self, directive: str, macros: dict[str, Node] | None) -> bool | None:
        """Whether the value of a conditional key is inserted (the chain moved on past it)."""
        word, _, condition = directive.partition(" ")
        word = word.casefold()
        if word == "if":  # a chain of its own
            self.taken = False
        if word == "else":
            inserted = None if self.taken is None else not self.taken
            self.taken = True
            return inserted
        holds = expressions.decided(condition, functools.partial(_stated_value, macros or {}))
        if word == "elseif" and self.taken is not False:
            holds = False if self.taken else (None if holds is not False else False)
        self.taken = True if self.taken is True else expressions.truth(_either(self.taken, holds))
        return holds


def _either(one: bool | None, other: bool | None) -> expressions.Value:
    if one is True or other is True:
        return True
    return expressions.UNKNOWN if one is None or other is None else False


def _directive(key: Node | None) -> str:
    """The inside of a template expression a key is (`if eq(parameters.env, 'prod')`), "" for another key."""
    return _directive_text(key.value) if key is not None and _scalar(key) else ""


def _directive_text(text: str) -> str:
    text = text.strip()
    return text[3:-2].strip() if text.startswith("${{") and text.endswith("}}") else ""


def _loop(directive: str) -> bool:
    return directive.partition(" ")[0].casefold() == "each"


def _loop_items(directive: str, macros: dict[str, Node] | None) -> list[dict[str, Node]]:
    """The values a loop's variable takes (`each x in parameters.list`), each as the names its expressions
    keep them by (`loop:x`, `loop:x.name`): the items of a list the file states (a mapping item's scalar
    values by their keys), or the keys and values of a mapping; none for a list not stated or too long."""
    words = directive.split()
    if len(words) != 4 or words[2].casefold() != "in" or not words[1].isidentifier():
        return []
    name, source = words[1].casefold(), _expression_name(words[3], ("parameters", "variables"))
    listed = (macros or {}).get(source) if source else None
    if listed is None or _scalar(listed) or len(listed.value) > _MOST_LOOP_ITEMS:
        return []
    if _mapping(listed):
        return [
            {f"loop:{name}.key": key, f"loop:{name}.value": value}
            for key, value in listed.value
            if _scalar(key) and _scalar(value)
        ]
    return [
        {f"loop:{name}": item}
        if _scalar(item)
        else {f"loop:{name}.{k.value.casefold()}": v for k, v in item.value if _scalar(k) and _scalar(v)}
        for item in listed.value
        if _scalar(item) or _mapping(item)
    ]


def _conditional(directive: str) -> bool:
    return directive.partition(" ")[0].casefold() in ("if", "elseif", "else")


def _gitlab_rules_let_run(entries: dict[str, Node], context: _Context) -> bool | None:
    """Whether a GitLab CI job runs: its `when:` is `never` or not; its `rules:` are taken in order, the first
    that matches deciding (`when: never` never runs, `manual` may not, any other runs; none matching, the job
    is not added), a rule's `if:` of variables the file states decided, one of a variable it does not state
    (`$CI_COMMIT_BRANCH`) or a rule of `changes:`/`exists:` maybe matching. Its `only:`/`except:` (branches,
    refs, pipeline sources) cannot be decided from the file: such a job may run."""
    rules = entries.get("rules")
    if rules is not None and rules.id == "sequence" and rules.value:
        return _first_rule_decides(rules.value, context)
    if _when_runs(entries.get("when")) is False:
        return False
    return None if "only" in entries or "except" in entries else True


def _first_rule_decides(rules: list[Node], context: _Context) -> bool | None:
    outcomes: set[bool | None] = set()
    for rule in rules:
        if not _mapping(rule):
            continue
        matches = _rule_matches(rule, context)
        if matches is False:
            continue
        outcomes.add(_when_runs(_entry(rule, "when")))
        if matches is True:
            break
    else:
        outcomes.add(False)  # no rule surely matches: the job may not be added
    return outcomes.pop() if len(outcomes) == 1 else None


def _rule_matches(rule: Node, context: _Context) -> bool | None:
    condition = _entry(rule, "if")
    matches: bool | None = True
    if condition is not None:
        text = condition.value if _scalar(condition) else ""
        matches = expressions.decided(text, functools.partial(_gitlab_variable, context.env), exact=True)
    if matches is not False and (_entry(rule, "changes") is not None or _entry(rule, "exists") is not None):
        return None
    return matches


def _gitlab_variable(env: dict[str, tuple[Node, Node]], kind: str, name: str) -> expressions.Value:
    """The value of a `$NAME` the pipeline's `variables:` state (one made of other variables not known)."""
    found = env.get(name) if kind == "env" else None
    value = found[1] if found is not None else None
    if value is None or not _scalar(value) or "$" in value.value:
        return expressions.UNKNOWN
    return str(value.value)


def _when_runs(when: Node | None) -> bool | None:
    """Whether a `when:` lets a job run: `never` never does, `manual` may not, any other (`on_success`,
    `always`, `delayed`, none) does."""
    stated = when.value.strip().casefold() if when is not None and _scalar(when) else ""
    return False if stated == "never" else None if stated == "manual" else True


def _both(outer: bool | None, inner: bool | None) -> bool | None:
    """Whether a step runs under two conditions: never if either never holds, maybe if either may not."""
    if outer is False or inner is False:
        return False
    return None if outer is None or inner is None else True


def _entry(node: Node, name: str) -> Node | None:
    return next((v for k, v in node.value if _scalar(k) and k.value == name), None)


def _runs_in_bash(path: str, key: str, value: Node, entries: dict[str, Node], context: _Context) -> bool:
    """Whether a step's script runs in bash (or sh), which refuses what it cannot parse: an Azure Pipelines
    `bash:` step, or `script:` on a pool the file states is Linux or macOS (on Windows it is cmd's); a GitHub
    Actions `run:` whose shell (its own, else its job's or workflow's default) is bash or sh, or unstated on
    a runner that is not Windows'; a GitLab CI job's scripts in an `image:` not Windows'; Travis CI's
    scripts on an `os:` not Windows (or none stated: Linux); Bitbucket Pipelines' `script:` on a runner not
    Windows'. Where the shell is not known it is not this check's to parse: a GitLab job with no image may
    run on a shell executor of any system, an Azure Pipelines pool chosen by name on any agent, and
    AppVeyor's lists run in cmd on its Windows images."""
    if _gitlab(path) or _travis(path) or _bitbucket(path):
        return not _shell_is_powershell(None, context) and _runs_list_in_bash(path, key, context)
    if not _scalar(value):
        return False
    if key == "bash":
        return context.azure
    if key == "script" and context.azure:
        return context.system in ("linux", "macos")
    if key != "run" or context.azure:
        return False
    stated = entries.get("shell")
    shell_name = stated.value if stated is not None and _scalar(stated) else context.shell
    return (shell_name or "bash").split(" ", 1)[0].lower() in ("bash", "sh")


# The keys of a GitLab CI job whose lists of commands run in its shell.
_GITLAB_SCRIPT_KEYS = frozenset({"script", "before_script", "after_script"})


def _runs_list_in_bash(path: str, key: str, context: _Context) -> bool:
    """`_runs_in_bash` of the CI services whose scripts are lists of commands."""
    if _gitlab(path):
        return key in _GITLAB_SCRIPT_KEYS and context.system in ("linux", "macos")
    if _travis(path):
        return key in _SHELL_KEYS and context.system != "windows"
    return key == "script"


def _shell_is_powershell(stated: Node | None, context: _Context) -> bool:
    shell_name = stated.value if stated is not None and _scalar(stated) else context.shell
    return (shell_name or "bash").split(" ", 1)[0].lower() in _POWERSHELLS


def _gitlab_refuses(value: Node) -> FileProblem | None:
    """Why GitLab CI refuses a file for a list of commands with an item that is a mapping, not a command (an
    unquoted command with `: ` in it, which YAML reads as a key and its value): it runs no job of it."""
    items = value.value if value.id == "sequence" else []
    item = next((item for item in items if _mapping(item)), None)
    if item is None:
        return None
    line, column = _place(item)
    message = (
        "GitLab refuses this file: an item of a list of commands is a mapping, not a command (YAML reads an "
        "unquoted command with ': ' in it as a key and its value), so none of its jobs runs"
    )
    fix = (
        "Quote the whole command (- 'curl -H \"x-ms-version: 2016-03-01\" ...') or write it as a block "
        "scalar (- |), as GitLab CI's lint asks ('script config should be a string or a nested array of strings')."
    )
    return FileProblem("syntax", message, Mark(_file(item), line, column=column), fix)


def _lines(value: Node) -> tuple[Node, ...]:
    """A script written as one scalar, or a list of command lines, each a scalar."""
    if _scalar(value):
        return (value,) if value.value.strip() else ()
    if value.id == "sequence":
        return tuple(item for item in value.value if _scalar(item) and item.value.strip())
    return ()


def _cloud_deployment(
    task: Node, given: dict[str, Node], macros: dict[str, Node] | None, *, upgrade_off: Node | None
) -> _Held:
    """The calls the task runs (its Publish-AzureCloudDeployment.ps1), each value shown at its input, each
    call at the task's name: `New-AzureService` where the service does not exist, given an affinity group
    (`NewServiceAffinityGroup`) or a location (`ServiceLocation`); then `New-AzureDeployment` of its
    package and configuration where the slot holds no deployment, else `Set-AzureDeployment -Upgrade`
    (`AllowUpgrade`, true unless given false), or, where `upgrade_off` says no upgrade, `Remove-AzureDeployment`
    and `New-AzureDeployment` anew."""
    held = _Held()
    at = _place(task)
    service = _argument(given, "servicename", "-ServiceName", macros)
    region = _argument(given, "newserviceaffinitygroup", "-AffinityGroup", macros)
    if not region.text:  # the task prefers the affinity group to the location
        region = _argument(given, "servicelocation", "-Location", macros)
    if region.text:
        held.add("if (!(Get-AzureService", at)
        _extend(held, service)
        held.add(" -ErrorAction SilentlyContinue)) { New-AzureService", at)
        _extend(held, service)
        _extend(held, region)
        held.add(" }\n", at)
    slot = _argument(given, "slot", "-Slot", macros)
    if not slot.text:
        slot.add(" -Slot 'Production'", at)
    deployed = _Held()
    _extend(deployed, service)
    _extend(deployed, slot)
    for name, parameter in _CLOUD_DEPLOYMENT_INPUTS:
        _extend(deployed, _argument(given, name, parameter, macros))
    held.add("if (!(Get-AzureDeployment", at)
    _extend(held, service)
    _extend(held, slot)
    held.add(" -ErrorAction SilentlyContinue)) { New-AzureDeployment", at)
    _extend(held, deployed)
    held.add(" }\n", at)
    upgrade = given.get("allowupgrade")
    if upgrade_off is None:
        held.add("else { Set-AzureDeployment -Upgrade", _place(upgrade) if upgrade is not None else at)
        _extend(held, deployed)
        held.add(" }\n", at)
    else:
        held.add("else { Remove-AzureDeployment", _place(upgrade_off))
        _extend(held, service)
        _extend(held, slot)
        held.add(" -Force\nNew-AzureDeployment", at)
        _extend(held, deployed)
        held.add(" }\n", at)
    return held


def _argument(given: dict[str, Node], name: str, parameter: str, macros: dict[str, Node] | None) -> _Held:
    """` -Parameter 'value'` of an input the task is given as a scalar, shown where it is written; empty
    where it is not given."""
    held = _Held()
    value = given.get(name)
    if value is not None and _scalar(value) and value.value.strip():
        held.add(f" {parameter} ", _place(value))
        _add_quoted(held, value, macros)
    return held


def _extend(held: _Held, more: _Held) -> None:
    held.text += more.text
    held.places += more.places


def _upload_account(
    path: str, given: dict[str, Node], macros: dict[str, Node] | None
) -> StorageAccountType | None:
    """The classic storage account the task uploads the package to (`StorageAccount`), which must exist
    before it runs, of a type the file does not state; None where it names none the file states, or where
    `EnableAdvancedStorageOptions` uploads to a Resource Manager account instead."""
    advanced = given.get("enableadvancedstorageoptions")
    account = given.get("storageaccount")
    if advanced is not None and _condition_holds(advanced) is not False:
        return None
    if account is None or not _scalar(account):
        return None
    text, _ = _expanded(account, macros)
    if not text.strip() or not _stated(text) or is_placeholder(text):
        return None
    line, column = _place(account)
    return StorageAccountType(text.strip(), "", Mark(path, line, column=column))


def _jobs(key: str, value: Node) -> list[Node]:
    """The jobs a key's value holds, each run on a runner of its own: the values of a `jobs:` mapping
    (GitHub Actions, CircleCI), the items of a `jobs:` list (Azure Pipelines) or of the `include:` list of
    Travis CI's `jobs:` or `matrix:`, a Bitbucket Pipelines `step:`."""
    if key == "step" and _mapping(value):
        return [value]
    if key not in ("jobs", "matrix"):
        return []
    included = _entry(value, "include") if _mapping(value) else None
    if included is not None:
        return list(included.value) if included.id == "sequence" else []
    if key == "matrix":
        return []
    if _mapping(value):
        return [job for _, job in value.value]
    return list(value.value) if value.id == "sequence" else []


def _travis(path: str) -> bool:
    return posixpath.basename(path).casefold() == ".travis.yml"


def _bitbucket(path: str) -> bool:
    return posixpath.basename(path).casefold() in ("bitbucket-pipelines.yml", "bitbucket-pipelines.yaml")


def _appveyor(path: str) -> bool:
    return posixpath.basename(path).casefold() in ("appveyor.yml", ".appveyor.yml")


def _appveyor_environment(entries: dict[str, Node]) -> dict[str, Node]:
    """An AppVeyor mapping's entries with the variables its `environment:` gives every job (its own, and its
    `global:` ones) as the `env:` its steps see; a `matrix:`'s, one job's each, and a secure value (a
    mapping) are not stated."""
    import yaml

    environment = entries.get("environment")
    if environment is None or not _mapping(environment) or "env" in entries:
        return entries
    stated = [(k, v) for k, v in environment.value if _scalar(k) and _scalar(v)]
    given = _entry(environment, "global")
    if given is not None and _mapping(given):
        stated += [(k, v) for k, v in given.value if _scalar(k) and _scalar(v)]
    stated = [(k, v) for k, v in stated if k.value not in ("global", "matrix")]
    env = yaml.MappingNode("tag:yaml.org,2002:map", stated, environment.start_mark, environment.end_mark)
    return {**entries, "env": env}


def _gitlab(path: str) -> bool:
    return posixpath.basename(path).casefold() in (".gitlab-ci.yml", ".gitlab-ci.yaml")


# The keys at the top of an Azure Pipelines file (its YAML schema's `pipeline`), and those of them that hold
# what it runs: a YAML of these keys alone, with steps, jobs or stages, is one whatever its name (a pipeline is
# created from any YAML path of the repository; a steps template too is one).
_AZURE_PIPELINES_KEYS = frozenset(
    {
        "trigger",
        "pr",
        "pool",
        "stages",
        "jobs",
        "steps",
        "variables",
        "parameters",
        "resources",
        "name",
        "extends",
        "schedules",
        "lockbehavior",
        "appendcommitmessagetorunname",
        "workspace",
        "container",
        "services",
    }
)
_AZURE_PIPELINES_RUN = ("stages", "jobs", "steps", "extends")
# The words one of its steps is written with: a task, a script of some shell, a template of steps.
_AZURE_PIPELINES_STEPS = (b"task:", b"script:", b"powershell:", b"pwsh:", b"bash:", b"template:")


def azure_pipelines_content(data: bytes) -> bool:
    """Whether a YAML file is an Azure Pipelines one by its keys, whatever its name: its top mapping has
    only the keys of a pipeline, one of them a list of steps, jobs or stages (or the template it extends),
    and a step of some kind is written in it."""
    import yaml

    if not any(word in data for word in _AZURE_PIPELINES_STEPS) or b"\x00" in data:
        return False
    try:
        roots = _composed(data.decode("utf-8", "replace").removeprefix("\ufeff"), "")
    except (yaml.YAMLError, RecursionError):
        return False
    return bool(roots) and all(_azure_pipelines_keys(root) for root in roots)


def _azure_pipelines_keys(root: Node | None) -> bool:
    if root is None or not _mapping(root):
        return False
    keys = [key.value.casefold() if _scalar(key) else "" for key, _ in root.value]
    return all(key in _AZURE_PIPELINES_KEYS for key in keys) and any(
        key in keys for key in _AZURE_PIPELINES_RUN
    )


def _github(path: str) -> bool:
    return posixpath.dirname(path).casefold().endswith(".github/workflows")


def _azure_pipelines(path: str) -> bool:
    return posixpath.basename(path).casefold().startswith("azure-pipelines.")


# --- GitLab CI's templates --------------------------------------------------------------------------------


class _GitLabTemplates:
    """A `.gitlab-ci.yml` as GitLab runs it: its hidden jobs (a key starting with `.`) left out, as they never
    run; each job with the keys of the jobs it `extends:` (in order, the last winning) merged under its own
    (mappings merged key by key, any other value replaced), and of the mappings YAML's `<<:` merges into it
    (its own winning); each `!reference [job, key, ...]` replaced by the value it names, a list of commands
    holding one read as its items. Nodes are made anew only where keys are merged, and no more text is read
    again than `_MOST_SHARED_READ` times the file's size: past it a job is read as written."""

    def __init__(self, root: Node, size: int) -> None:
        self.root = root
        self.top = {key.value: value for key, value in root.value if _scalar(key)}
        self.merged: dict[str, Node] = {}
        self.room = _MOST_SHARED_READ * size + 65_536
        self.cut: list[Mark] = []  # where a job was read as written, the room spent (`READ_AGAIN_CUT`)

    def resolved(self) -> Node:
        kept = []
        for key, value in self.root.value:
            if _scalar(key) and key.value.startswith("."):
                continue
            if _scalar(key) and _mapping(value):
                value = self.job(key.value, 0)
            kept.append((key, self.referenced(value, 0)))
        return _mapping_like(self.root, kept)

    def job(self, name: str, depth: int) -> Node:
        """A top-level job (hidden or not) with what it extends merged in; its own mapping past
        `_MOST_EXTENDS` levels or where the room is spent."""
        own = self.top[name]
        if name in self.merged or depth > _MOST_EXTENDS:
            return self.merged.get(name, own)
        self.merged[name] = own  # a job that extends itself, through others, stops here
        written = _yaml_merged(own)
        merged = written
        extended = _entry(written, "extends")
        if extended is not None:
            base: Node | None = None
            for parent in _scalars(extended):
                if _mapping(self.top.get(parent)) and parent != name:
                    template = self.job(parent, depth + 1)
                    base = template if base is None else self.deep_merged(base, template)
            if base is not None:
                merged = self.deep_merged(base, written)
        self.merged[name] = merged
        return merged

    def deep_merged(self, base: Node, own: Node) -> Node:
        """`own`'s keys over `base`'s, two mappings merged key by key (`variables:`), any other value
        replaced (a job's `script:` replaces the one it extends)."""
        if self.room >= 0:  # once spent, no template's size is counted again
            self.room -= len(base.value) + sum(_text_size(value) for _, value in base.value)
        if self.room < 0:
            self.cut.append(_mark_of(own, _file(own), READ_AGAIN_CUT))
            return own
        own_entries = {key.value: value for key, value in own.value if _scalar(key)}
        entries = []
        for key, value in base.value:
            mine = own_entries.get(key.value) if _scalar(key) else None
            if mine is None:
                entries.append((key, value))
            elif _mapping(mine) and _mapping(value):
                entries.append((key, self.deep_merged(value, mine)))
        base_keys = {key.value for key, value in entries if _scalar(key)}
        entries += [
            (key, value)
            for key, value in own.value
            if not (_scalar(key) and (key.value == "extends" or key.value in base_keys))
        ]
        # the lists of commands in the order the job runs them, wherever the template or the job writes them
        entries.sort(key=lambda entry: _PHASES.get(entry[0].value, -1) if _scalar(entry[0]) else -1)
        return _mapping_like(own, entries)

    def referenced(self, node: Node, depth: int) -> Node:
        """A value with each `!reference [job, key, ...]` in it, at its top or as an item of its lists or of
        its mappings' lists, replaced by the value it names (a list of commands in a list is its items)."""
        if node.tag == "!reference" and node.id == "sequence":
            target = self.reference_target(node, depth)
            return node if target is None else target
        if node.id == "sequence" and any(item.tag == "!reference" for item in node.value):
            items: list[Node] = []
            for item in node.value:
                found = self.referenced(item, depth)
                items += found.value if found is not item and found.id == "sequence" else [found]
            return _sequence_like(node, items)
        if _mapping(node) and depth == 0:
            entries = [(key, self.referenced(value, depth + 1)) for key, value in node.value]
            return _mapping_like(node, entries)
        return node

    def reference_target(self, node: Node, depth: int) -> Node | None:
        names = _scalars(node)
        target = self.top.get(names[0]) if names and depth < _MOST_REFERENCE_DEPTH else None
        for name in names[1:]:
            target = _entry(target, name) if _mapping(target) else None
        if target is not None and self.room >= 0:
            self.room -= _text_size(target)
        if target is None or self.room < 0:
            self.cut += [_mark_of(node, _file(node), READ_AGAIN_CUT)] if target is not None else []
            return None
        return self.referenced(target, depth + 1)


def _merge_into(entries: dict[str, tuple[Node, Node]], key: Node, value: Node, depth: int = 0) -> None:
    """A key of an included file or of the pipeline put over the same key of those merged before it, as
    GitLab CI merges them: two mappings key by key (a job's `variables:`), any other value (a list of
    commands) replaced."""
    if not _scalar(key):
        return
    earlier = entries.get(key.value)
    if earlier is None or not (_mapping(earlier[1]) and _mapping(value)) or depth > _MOST_DEPTH:
        entries[key.value] = (key, value)
        return
    merged = {k.value: (k, v) for k, v in earlier[1].value if _scalar(k)}
    for inner_key, inner_value in value.value:
        _merge_into(merged, inner_key, inner_value, depth + 1)
    entries[key.value] = (key, _mapping_like(value, list(merged.values())))


def _yaml_merged(node: Node) -> Node:
    """A mapping with the keys of the mappings its `<<:` names (the first named winning) under its own, as
    YAML merges them where PyYAML's composer leaves the `<<:` key as it is."""
    merge_keys = [value for key, value in node.value if _scalar(key) and key.value == "<<"]
    if not merge_keys:
        return node
    sources = [s for v in merge_keys for s in ([v] if _mapping(v) else v.value if v.id == "sequence" else [])]
    entries: dict[str, tuple[Node, Node]] = {}
    for source in reversed([s for s in sources if _mapping(s)]):
        entries.update({key.value: (key, value) for key, value in source.value if _scalar(key)})
    for key, value in node.value:
        if _scalar(key) and key.value != "<<":
            entries[key.value] = (key, value)
    return _mapping_like(node, list(entries.values()))


def _mapping_like(node: Node, entries: list[tuple[Node, Node]]) -> Node:
    import yaml

    return yaml.MappingNode(node.tag, entries, node.start_mark, node.end_mark, node.flow_style)


def _sequence_like(node: Node, items: list[Node]) -> Node:
    import yaml

    return yaml.SequenceNode(node.tag, items, node.start_mark, node.end_mark, node.flow_style)


def _scalars(node: Node) -> list[str]:
    """A scalar's text, or the texts of a list's scalars."""
    if _scalar(node):
        return [node.value]
    return [item.value for item in node.value if _scalar(item)] if node.id == "sequence" else []


def _scalar_nodes(node: Node) -> list[Node]:
    """A scalar, or a list's scalars."""
    if _scalar(node):
        return [node]
    return [item for item in node.value if _scalar(item)] if node.id == "sequence" else []


def _text_size(node: Node) -> int:
    """How much text a value read again adds: its own, or its items' (a list of commands)."""
    if _scalar(node):
        return len(node.value)
    return sum(len(item.value) for item in node.value if _scalar(item)) if node.id == "sequence" else 1


# --- Azure Pipelines' macros -----------------------------------------------------------------------------


def _expanded(node: Node, macros: dict[str, Node] | None) -> tuple[str, list[Place]]:
    """A scalar's text with each `$(name)` of a variable the file states replaced by its value, as Azure
    Pipelines replaces it before the step runs, each of the value's characters shown where the macro is
    written; a macro of a variable the file does not state (a secret, a variable group's, one the service
    sets, an empty one left to fill in when a run starts) is left as written."""
    text: str = node.value
    places = _places_of(node, text)
    if not macros:
        return text, places
    pieces: list[str] = []
    shown: list[Place] = []
    start = 0
    room = _MOST_GROWTH * len(text) + 4_096  # a value repeated by many macros is not read past this
    for opened, closed, name in _references(text):
        value = macros.get(name)
        if value is None or not _scalar(value) or len(value.value) > room or opened < start:
            continue
        if getattr(value, "left_blank", False):  # a blank to fill in stays a value not stated
            continue
        room -= len(value.value)
        place = places[opened] if opened < len(places) else _place(node)
        pieces.append(text[start:opened] + value.value)
        shown += places[start:opened] + [place] * len(value.value)
        start = closed
    pieces.append(text[start:])
    shown += places[start:]
    return "".join(pieces), shown


def _cmd_variables(
    text: str, places: list[Place], env: dict[str, tuple[Node, Node]]
) -> tuple[str, list[Place]]:
    """A cmd script's text as the shell reader reads it: each `%NAME%` cmd fills in from its environment
    written `${NAME}`, the same variable of the step's environment, named as its `env` spells it (cmd
    matches names in any case), each character shown where the `%` is; one the environment does not state
    is a value not stated. `%%`, a batch file's `%1` and `%~dp0` stay as written."""
    spelled = {name.casefold(): name for name in env}
    pieces: list[str] = []
    shown: list[Place] = []
    start = at = 0
    while (opened := text.find("%", at)) != -1:
        closed = text.find("%", opened + 1)
        if closed == -1:
            break
        name = text[opened + 1 : closed]
        if not name.isidentifier():
            at = closed if name else closed + 1  # `%%`: an escaped `%`; else the second may open one
            continue
        name = spelled.get(name.casefold(), name)
        pieces.append(text[start:opened] + "${" + name + "}")
        shown += places[start:opened] + [places[opened]] * (len(name) + 3)
        start = at = closed + 1
    pieces.append(text[start:])
    shown += places[start:]
    return "".join(pieces), shown


def _references(text: str) -> list[tuple[int, int, str]]:
    """Where each reference to a variable or a parameter starts and ends, with the name its value is kept
    by: `$(name)`, the template expressions `${{ variables.name }}` (`variables['name']`) and
    `${{ parameters.name }}` (kept as `parameters:name`, which no variable is named), the runtime
    expression `$[ variables.name ]`; names in any case."""
    found = [(opened, closed, text[opened + 2 : closed - 1].casefold()) for opened, closed in _macros(text)]
    for opened, closed in _expressions(text):
        name = _expression_name(text[opened + 3 : closed - 2], _TEMPLATE_KINDS)
        if name:
            found.append((opened, closed, name))
    for opened, closed in _runtime_expressions(text):
        name = _expression_name(text[opened + 2 : closed - 1], ("variables",))
        if name:
            found.append((opened, closed, name))
    return sorted(found)


def _expression_name(inside: str, kinds: tuple[str, ...]) -> str:
    """The name an expression that is only `variables.name`, `variables['name']` or `parameters.name` (GitHub
    Actions' `env.NAME`, `matrix.name`, `inputs.name`, `github.event.inputs.name`) keeps its value by; "" for
    any other expression (a function, an operator, `variables.a.b` of an object)."""
    inside = inside.strip()
    if inside.casefold().startswith("github.event.inputs."):
        inside = inside[len("github.event.") :]
    kind, _, rest = inside.partition(".")
    if kind.casefold() in ("steps", "needs") and "env" in kinds:  # a step's or a job's output
        parts = rest.split(".")
        named = len(parts) == 3 and parts[1].casefold() == "outputs"
        plain = named and all(part.replace("-", "_").isidentifier() for part in (parts[0], parts[2]))
        return f"{kind.casefold()}:{parts[0]}.outputs.{parts[2]}".casefold() if plain else ""
    if "parameters" in kinds and kind.casefold() not in kinds and _loop_variable(kind, rest):
        return f"loop:{inside.casefold()}"  # a loop's variable (`${{ x }}`, `${{ x.name }}`)
    if not rest and "[" in kind:
        kind, _, rest = kind.partition("[")
        rest = rest.removesuffix("]").strip()
        rest = rest[1:-1] if len(rest) > 1 and rest[0] == rest[-1] and rest[0] in "'\"" else ""
    kind = kind.strip().casefold()
    if kind not in kinds or not rest or not all(c.isalnum() or c in "_-" for c in rest):
        return ""
    return rest.casefold() if kind == "variables" else f"{kind}:{rest.casefold()}"


def _loop_variable(name: str, rest: str) -> bool:
    """Whether an expression may be a loop variable's value: `x`, or `x.name` of an item."""
    return name.isidentifier() and (not rest or rest.isidentifier())


def _runtime_expressions(text: str) -> list[tuple[int, int]]:
    """Where each `$[ ... ]` starts and ends (past its `]`, one index inside it skipped)."""
    found, start = [], 0
    while (opened := text.find("$[", start)) != -1:
        closed = text.find("]", opened + 2, opened + 2 + _LONGEST_NAME)
        if closed != -1 and "[" in text[opened + 2 : closed]:
            closed = text.find("]", closed + 1, opened + 2 + _LONGEST_NAME)
        if closed == -1:
            break
        found.append((opened, closed + 1))
        start = closed + 1
    return found


def _parameter_defaults(root: Node) -> dict[str, Node]:
    """The values of a pipeline's top `parameters:` where it runs with none given: each one's `default:` (a
    list of `name:`/`default:` items; an older pipeline's mapping of names to values), kept as
    `parameters:name`."""
    parameters = _entry(root, "parameters")
    if parameters is None:
        return {}
    if _mapping(parameters):
        pairs = list(parameters.value)
    elif parameters.id == "sequence":
        pairs = [
            (_entry(item, "name"), _entry(item, "default")) for item in parameters.value if _mapping(item)
        ]
    else:
        return {}
    defaults = {}
    for key, value in pairs:
        if key is not None and _scalar(key) and (_scalar(value) or _given_steps(value) or _mapping(value)):
            defaults[f"parameters:{key.value.casefold()}"] = value
    return defaults


# Azure Pipelines' macros of the folder it checks the repository out to (a step's working folder), which the
# pipeline's folder is taken for. (`$(Pipeline.Workspace)` is the folder above it.)
_CHECKOUT_ROOT_MACROS = (
    "build.sourcesdirectory",
    "system.defaultworkingdirectory",
    "build.repository.localpath",
)


def _with_checkout_root(context: _Context, root: Node) -> _Context:
    """An Azure Pipelines file's context with the checkout's folder, the repository's root, as the
    pipeline's own folder: so that a file a task names from it (`$(Build.SourcesDirectory)/pkg/x.cscfg`) is
    the repository's file, as a relative path names it, where it was a value not stated whole."""
    import yaml

    if not context.azure:
        return context
    value = yaml.ScalarNode("tag:yaml.org,2002:str", ".", root.start_mark, root.start_mark)
    value.held_places = [_place(root)]
    return replace(context, macros={**(context.macros or {}), **dict.fromkeys(_CHECKOUT_ROOT_MACROS, value)})


def _filled_in_at_run(defaults: dict[str, Node]) -> dict[str, Node]:
    """A pipeline's values someone fills in when starting a run (a GitHub workflow's inputs, an Azure
    Pipelines runtime parameter), each empty default a blank left to fill in (`_left_blank`)."""
    return {
        name: _left_blank(value) if _scalar(value) and value.value == "" else value
        for name, value in defaults.items()
    }


def _left_blank(value: Node) -> Node:
    """An empty value that is a blank a person fills in (a run's form field with no default), not one the
    file states empty: a variable given it is left to fill in in the script, as a shell script's `VNET=""`."""
    blank = copy.copy(value)
    blank.left_blank = True
    return blank


def _blank_given(value: Node, macros: dict[str, Node] | None) -> bool:
    """Whether a variable's value is, or refers to, a blank left to fill in (`_left_blank`)."""
    referred = [(macros or {}).get(name) for _, _, name in _references(value.value)]
    return any(getattr(node, "left_blank", False) for node in [value, *referred])


def _input_defaults(root: Node) -> dict[str, Node]:
    """A GitHub Actions workflow's inputs (`on: workflow_dispatch: inputs:`, `workflow_call:`) where it runs
    with none given: each one's `default:`, kept as `inputs:name`."""
    on = _entry(root, "on")
    defaults: dict[str, Node] = {}
    for _, trigger in on.value if on is not None and _mapping(on) else ():
        inputs = _entry(trigger, "inputs") if _mapping(trigger) else None
        for key, given in inputs.value if inputs is not None and _mapping(inputs) else ():
            default = _entry(given, "default") if _mapping(given) else None
            if _scalar(key) and _scalar(default):
                defaults.setdefault(f"inputs:{key.value.casefold()}", default)
    return defaults


def _macros(text: str) -> list[tuple[int, int]]:
    """Where each `$(name)` starts and ends (past its `)`): a name of letters, digits, `.`, `_` and `-`,
    as Azure Pipelines names variables (so `$(date +%s)` is the shell's command substitution)."""
    found, start = [], 0
    while (opened := text.find("$(", start)) != -1:
        closed = text.find(")", opened + 2, opened + 2 + _LONGEST_NAME)
        name = text[opened + 2 : closed] if closed != -1 else ""
        if name and all(c.isalnum() or c in "._-" for c in name):
            found.append((opened, closed + 1))
            start = closed + 1
        else:
            start = opened + 2
    return found


# --- the shell's scripts ---------------------------------------------------------------------------------


def _run_shell(lines: shell.CommandLines, path: str, steps: list[_Step]) -> None:
    lines.runs_in(_repository_root(path))
    job_start = lines.shell_state() if _gitlab(path) else None
    for step in steps:
        run = functools.partial(_run_step, lines, path, step)
        if step.context.folder is not None:
            run = functools.partial(_run_in, lines, _working_directory(path, step.context), run)
        if _steps_run_apart(path, step):
            run = functools.partial(lines.in_own_process, run)
        elif job_start is not None and step.key == "after_script":
            # GitLab CI runs it in a shell of its own, which sees none of what the job's script set
            run = functools.partial(lines.in_own_process, run, job_start)
        if step.context.runs is None:
            lines.may_run(run)
        elif step.context.runs is False:  # `condition: false`: the service skips the step on every run
            lines.never_runs(run)
        else:
            run()


def _run_in(lines: shell.CommandLines, folder: str | None, run: Callable[[], None]) -> None:
    """`run` from the folder a step states it runs in (`_working_directory`), as after a `cd` to it."""
    with lines.in_folder(folder):
        run()


def _steps_run_apart(path: str, step: _Step) -> bool:
    """Whether each step of a job runs in a shell of its own, which starts with only the variables the
    service gives it (its `env:`, those earlier steps set through the service: see
    `_with_variables_steps_set`), from the repository's root: a GitHub Actions, Azure Pipelines or CircleCI
    step. GitLab CI, Travis CI and Bitbucket Pipelines run a job's lists of commands in one shell."""
    folder = posixpath.dirname(path).replace("\\", "/").casefold()
    return step.context.azure or _github(path) or folder == ".circleci" or folder.endswith("/.circleci")


def _run_step(lines: shell.CommandLines, path: str, step: _Step) -> None:
    macros, azure = step.context.macros, step.context.azure
    for name, (key, value) in step.env.items():
        if _stated(_expanded(value, macros)[0]) and name.isidentifier():
            held = _Held()
            held.add(f"{name}=", _place(key))
            _add_quoted(held, value, macros, shell_quotes=True)
            _run(lines, _file(key), held, azure, stating=not _blank_given(value, macros))
            lines.export(name)
        elif name.isidentifier():  # the service fills it in (`${{ secrets.VNET }}`): not the session's
            lines.export(name)
    if _service_sets(path, step) and not (step.powershell or step.cmd):
        # a variable the file sets nowhere that the service may set (a variable group's): not the session's
        for name in sorted(_variables_read("\n".join(str(node.value) for node in step.lines))):
            if name not in step.env:
                lines.export(name)
    for node in step.lines:
        held = _Held()
        text, places = _expanded(node, macros)
        held.add(*(_cmd_variables(text, places, step.env) if step.cmd else (text, places)))
        refused = _run(lines, _file(node), held, azure)
        if refused is not None and step.bash and lines.refused is None and _may_be_classic(node.value):
            lines.refused = refused if _refused_whole(step) else None


def _refused_whole(step: _Step) -> bool:
    """Whether bash refuses a step's list of commands as a whole too: GitLab CI writes them into one script,
    so an `if` item may be closed by a `fi` item after it; of one scalar, it is the same script."""
    return len(step.lines) == 1 or shell.refuses("\n".join(str(node.value) for node in step.lines))


def _may_be_classic(script: str) -> bool:
    """Whether a step's script names the classic tools or the API (`automation.names_the_api`): one bash
    refuses is then said (MIG001), as a script file of the same text is; a step of other tools is not this
    check's."""
    return automation.names_the_api(script.encode("utf-8"))


def _run(
    lines: shell.CommandLines, path: str, held: _Held, azure: bool, stating: bool = False
) -> FileProblem | None:
    """A script, each expression the CI service fills in (`${{ ... }}`, in Azure Pipelines a `$(name)` of a
    variable the file does not state) a value the file does not state; `stating` where it sets a variable of
    the file's `env:` (`shell.CommandLines.run_line`)."""
    text = held.joined()
    line = ansible.HeldLine(path)
    holes: list[tuple[str | None, Any]] = []
    start = 0
    for opened, closed in _filled_in(text, azure):
        line.add(text[start:opened], held.places[start:opened])
        place = held.places[opened] if opened < len(held.places) else (1, 1)
        filled = f"{HOLE}-{len(holes)}-"
        holes.append((text[opened:closed], Mark(path, place[0], column=place[1])))
        line.add(filled, [place] * len(filled))
        start = closed
    line.add(text[start:], held.places[start:])
    return lines.run_line("".join(line.pieces), line.anchors, holes, stating=stating)


def _filled_in(text: str, azure: bool) -> list[tuple[int, int]]:
    """Where each part of a script the CI service fills in starts and ends: `${{ ... }}`, and in Azure
    Pipelines each `$(name)` left (one inside an expression is part of it)."""
    found = sorted(_expressions(text) + (_macros(text) if azure else []))
    kept: list[tuple[int, int]] = []
    for opened, closed in found:
        if not kept or opened >= kept[-1][1]:
            kept.append((opened, closed))
    return kept


def _expressions(text: str) -> list[tuple[int, int]]:
    """Where each `${{ ... }}` starts and ends (past its `}}`); one never closed runs to the end."""
    found, start = [], 0
    while (opened := text.find("${{", start)) != -1:
        closed = text.find("}}", opened + 3)
        end = len(text) if closed == -1 else closed + 2
        found.append((opened, end))
        start = end
    return found


# --- PowerShell's scripts --------------------------------------------------------------------------------


def _add_powershell(held: _Held, step: _Step, new_process: bool = False) -> None:
    """A step's script, under `if ($false)` where its condition never holds and under a condition the
    reader cannot decide (`${condition}`, a variable no line assigns) where it may not; where it runs in a
    process of its own (`new_process`: a GitHub Actions or Azure Pipelines step after another), from the
    line that says so to the PowerShell reader (`shell.PROCESS_START`): the variables, functions and
    environment variables of the steps before are not its own."""
    runs = step.context.runs
    held.written_in(_file(step.node))
    if runs is not True:
        held.add("if ($false) {\n" if runs is False else "if (${condition}) {\n", _place(step.node))
    if new_process:
        held.add(shell.PROCESS_START + "\n", _place(step.node))
    folder = step.context.folder
    if folder is not None:  # from the job's folder, the repository's root, to the step's, and back after it
        moved = _stated_folder(step.context)
        held.written_in(_file(folder))
        # a folder not stated is a variable no line assigns, which leaves where the step runs unknown
        went = f"'{moved}'" if moved is not None and "'" not in moved else "${working-directory}"
        held.add(f"Push-Location {went}\n", _place(folder))
    macros = step.context.macros
    for name, (key, value) in step.env.items():
        if _stated(_expanded(value, macros)[0]) and name.isidentifier():
            held.written_in(_file(key))
            held.add(f"$env:{name} = ", _place(key))
            _add_quoted(held, value, macros)
            held.add("\n", _place(key))
    held.written_in(_file(step.node))
    if step.script is not None:
        _add_held(held, step.script)
        held.written_in(_file(step.node))
    for node in step.lines:
        _add_expressions_as_variables(held, *_expanded(node, macros), step.context.azure)
        held.add("\n", _place(node))
    if folder is not None:
        held.written_in(_file(folder))
        held.add("Pop-Location\n", _place(folder))
        held.written_in(_file(step.node))
    if runs is not True:
        held.add("}\n", _place(step.node))


def _add_held(held: _Held, script: _Held) -> None:
    """A script the reader wrote for a step, each run of its characters in the file it is written in."""
    text = script.joined()
    held.folders.update(script.folders)
    runs = script.files or [(0, "")]
    for (start, path), (end, _) in zip(runs, [*runs[1:], (len(text), "")], strict=True):
        if path:
            held.written_in(path)
        held.add(text[start:end], script.places[start:end])


def _add_expressions_as_variables(held: _Held, text: str, places: list[Place], azure: bool) -> None:
    """The script's text, each part the CI service fills in (`${{ ... }}`, in Azure Pipelines a `$(name)` of
    a variable the file does not state) written as a variable no line assigns (`${secrets.NAME}`), whose
    value the file does not state: one in single quotes too (`held.filled`, `powershell.read_held`)."""
    start = 0
    for opened, closed in _filled_in(text, azure):
        held.add(text[start:opened], places[start:opened])
        place = places[opened] if opened < len(places) else (1, 1)
        name = "".join(c for c in text[opened:closed] if c not in "${}()").strip() or "expression"
        start = len(held.places)
        held.add("${" + name + "}", place)
        held.filled.append((start, len(held.places)))  # filled in whatever quotes the script has around it
        start = closed
    held.add(text[start:], places[start:])


def _add_quoted(held: _Held, value: Node, macros: dict[str, Node] | None, shell_quotes: bool = False) -> None:
    """A value as one quoted word (Azure Pipelines' macros of variables the file states replaced), each of
    its characters shown where the file writes it; one the CI service fills in (`$(Build.Number)`,
    `${{ ... }}`) as a value the file does not state."""
    text, places = _expanded(value, macros)
    if not _stated(text):  # a variable no line assigns, named by what the service fills in
        name = "".join(c for c in text if c not in "${}()[] '\"") or "value"
        held.add("${" + name + "}", _place(value))
        return
    # The quotes are the reader's own, not the file's: the word is shown where its value starts.
    held.add("'", places[0] if places else _place(value))
    for character, place in zip(text, places, strict=False):
        quoted = "'\\''" if shell_quotes else "''"
        held.add(quoted if character == "'" else character, place)
    held.add("'", places[-1] if places else _place(value))


def _stated(text: str) -> bool:
    """Whether a value is written whole: none of it is filled in by the CI service."""
    return "$(" not in text and "${{" not in text and "$[" not in text


def _places_in(text: str) -> list[Place]:
    """Where each character of a file's text is, by line and column from 1."""
    places: list[Place] = []
    line, column = 1, 1
    for character in text:
        places.append((line, column))
        line, column = (line + 1, 1) if character == "\n" else (line, column + 1)
    return places


def _place(node: Node) -> Place:
    quoted = 1 if node.id == "scalar" and node.style in ("'", '"') else 0
    return node.start_mark.line + 1, node.start_mark.column + 1 + quoted


def _scalar(node: Node | None) -> bool:
    return node is not None and node.id == "scalar"


def _mapping(node: Node | None) -> bool:
    return node is not None and node.id == "mapping"
