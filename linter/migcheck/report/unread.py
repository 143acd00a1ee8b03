"""The parts of scripts, templates and Terraform configurations migcheck's parser could not read
(`Script.unread`), as `check` and `plan` say them.

PowerShell may well run such a part, so what it states (a VM, an endpoint, a service's name) is unknown: a
finding about it may be missing, and a plan may miss what it creates. No rule says so (the file is read,
and nothing in it is wrong for the platform), so every report that has a place for it does: a line before
`check`'s summary, a section of the plan, a key of the JSON plan and of `report-json`, and a tool
notification in SARIF. Nothing is said where every part was read.

A shell script's line that starts with an option right after a classic command (`LOST_CONTINUATION`) is
such a part of its own kind: bash runs it as a command, which fails, so the options it holds are not the
classic command's. Each report says so of it (`why`), and that the `\\` ending the line before may be lost.
A Python call of a classic service's method by a name the script does not state (`getattr(sms, name)(...)`)
is one too (`said_alone`): which operation it runs is unknown. So is a command line a Python script runs
through a shell that bash cannot parse (`UNPARSED_COMMAND_LINE`): the shell runs none of it.
So is a file a shell script sources after a `cd` to a folder it does not state or to an absolute path
(`SOURCED_AFTER_CD`): which file bash loads is unknown; and a script a PowerShell script runs by such a path
(`RUN_AFTER_CD`: `& .\\deploy-vm.ps1`), which script it runs. So is a shell script's loop whose body is in braces (`BRACED_LOOP`), which bash runs but the grammar does not
read, and where bash cannot parse a script whose `#!` line names another shell (`OTHER_SHELL`, zsh): the
commands from there on are not read. So is the `-ReservedIPName` of a New-AzureVM that adds VMs to a
deployment an earlier call created (`RESERVED_IP_NOT_APPLIED`): it is not applied. So is a command line a
script runs from a string it does not state (`UNSTATED_COMMAND_LINE`: PowerShell's `Invoke-Expression $cmd`,
bash's `eval "$cmd"`), and a classic CLI command whose words it does not state (`azure "${args[@]}"`), each said with an example of the script's own language (`_unstated`). So is a VM configuration pipeline's last stage that passes no VM on to the New-AzureVM
given its output (`VM_NOT_PASSED_ON`: `… | Set-AzureAclConfig …`): that call creates no VM. So is a file a PowerShell or shell script loads by a path from the folder it is run in that a folder
above the script's holds, not its own (`LOADED_FROM_ANOTHER_FOLDER`). So is a file a PowerShell script dot-sources by a path migcheck does not follow
(`DOT_SOURCE_NOT_FOLLOWED`: one it does not state, an absolute one, one to a file not checked), as is a
script it runs or a script module it imports by such a path (`LOAD_NOT_FOLLOWED`). So is Python code a shell script runs inline whose text it does not state as written
(`INLINE_PYTHON_NOT_READ`: `python3 -c "$CODE"`). So is the first value a Python script's reader left unread
when the work it may spend following the script's values ran out (`VALUES_NOT_FOLLOWED`), said once, and
the first value it built or took too long to keep (`VALUE_TOO_LONG`), and the first place a Python script's
commands are past what its reader follows (`PYTHON_COMMANDS_CUT`). So is a PowerShell backtick just before a parameter's dash (`ESCAPED_PARAMETER`): PowerShell gives the
parameter's name to the command as a value, by position, and each report says to remove the backtick. So is
a PowerShell call that gives a cmdlet more values by position than it takes (`EXTRA_POSITIONAL`:
`Set-AzureSubscription "a" "b"`), which PowerShell refuses.

A PowerShell script's part that starts at a construct the characters there name (`construct`: a lone `-`
before a parameter's name, a blank after a line-ending backtick, a line that starts with a parameter's name after
a command's line that lost its backtick) carries the construct's name as its mark's
tag, from the reader: JSON and SARIF say it (`"why"`) as they say the shell's lost continuation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from migcheck.model import (
    ANT_PROPERTIES_CUT,
    BICEPPARAM_FILES_CUT,
    BICEPPARAM_NOT_READ,
    BICEPPARAM_TOO_SLOW,
    BRACED_LOOP,
    CALLED_BY_UNSTATED_NAME,
    CLIENT_UPLOAD_NOT_FOLLOWED,
    DATA_DISK_SERVICE_MISSING,
    DOT_SOURCE_NOT_FOLLOWED,
    DYNAMIC_BLOCKS_CUT,
    ESCAPED_PARAMETER,
    EXTRA_POSITIONAL,
    GRAPHICAL_RUNBOOK,
    HANDED_ON_TOO_DEEP,
    INLINE_PYTHON_NOT_READ,
    INTERPRETER_NOT_READ,
    LOAD_NOT_FOLLOWED,
    LOADED_FROM_ANOTHER_FOLDER,
    LOOP_TURNS_CUT,
    LOST_CONTINUATION,
    MAKE_EXPANSION_SPENT,
    MISSING_VALUE,
    MODULE_CALLS_CUT,
    MODULE_NOT_CHECKED,
    MODULE_NOT_READ,
    NETWORK_WITHOUT_SUBNET,
    OTHER_SHELL,
    PYTHON_COMMANDS_CUT,
    READ_AGAIN_CUT,
    REFUSED_MODULE_OPTION,
    REFUSED_OPTION,
    REGISTERED_OUTPUT,
    REQUEST_ATTRIBUTE_UNDECIDED,
    REQUEST_URL_UNDECIDED,
    RESERVED_IP_NOT_APPLIED,
    RUN_AFTER_CD,
    RUNBOOK_NOT_FOLLOWED,
    SECOND_PROVIDER_DEPLOYMENT,
    SENDS_CERTIFICATE,
    SENDS_CLASSIC_BODY,
    SOURCED_AFTER_CD,
    STEP_SCRIPT_ROOT,
    SURPLUS_ARGUMENTS,
    TEMPLATE_FILE_NOT_CHECKED,
    TEMPLATE_FILE_NOT_READ,
    TEMPLATE_NOT_READ,
    UNPARSED_COMMAND_LINE,
    UNSTATED_COMMAND_LINE,
    URL_NAMES_THE_API,
    VALUE_TOO_LONG,
    VALUES_NOT_FOLLOWED,
    VM_NOT_PASSED_ON,
    XML_EDITS_NOT_FOLLOWED,
    undecided_url,
)
from migcheck.visible import visible

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from migcheck.model import Mark

# What to run to see why each part was not read, and how to have it read.
HOW_TO_SEE = "`migcheck check --verbose` says why, and how to write such a part so that it is read"
SHOWN_PER_FILE = 5  # positions a plan lists for one file's parts before it counts the rest


@dataclass(frozen=True, slots=True)
class UnreadParts:
    """The parts of one script the parser could not read, in the order they are written."""

    path: str
    marks: tuple[Mark, ...]


def unread_parts(resources: Iterable[object]) -> list[UnreadParts]:
    """The unread parts of each script among `resources`, one entry per file that has any, in file
    order; each part once, by its position and what it is, where two readings of the file meet it (a
    function read once alone and once at each call)."""
    from migcheck.model import Script

    found: dict[str, dict[tuple[int, int, str], Mark]] = {}
    for resource in resources:
        if isinstance(resource, Script) and resource.unread:
            marks = found.setdefault(resource.unread[0].path, {})
            for mark in resource.unread:
                marks.setdefault((mark.line, mark.column, mark.tag), mark)
    return [UnreadParts(path, tuple(marks.values())) for path, marks in found.items()]


def in_documents(documents: Iterable[object]) -> list[UnreadParts]:
    """`unread_parts` of every resource of `documents` (`Document`s)."""
    return unread_parts(resource for document in documents for resource in getattr(document, "resources", ()))


# A part each report says on its own, with what it is, not a part the parser could not read: a slip of the
# script read as its shell runs it (a shell line that lost its continuation, or whose classic command has an
# option it does not declare; a command line a Python script runs that bash cannot parse), a Python call by
# a method name the script does not state, edits of an XML document the script uploads that are not
# followed, a network configuration uploaded through the script's own client whose content is not followed. By its mark's tag (`migcheck.model`): the name JSON and SARIF give it, and what it is and what
# to do, said after "line N".
_SAID_ALONE: dict[str, tuple[str, str]] = {
    LOST_CONTINUATION: (
        "lost-continuation",
        "starts with an option, which bash runs as a command of its own (command not found): the classic "
        "command before it may have lost a `\\` at its line end, so its options here are not given to it; end "
        "each line the command goes on from with `\\`",
    ),
    REGISTERED_OUTPUT: (
        "registered-output",
        "gives a classic command a value from a task's registered result (`{{ out.stdout }}`): what a command "
        "printed when the playbook ran, which the files do not state, so migcheck reads it as a value not "
        "stated and findings about what it names may be missing; state the value in the play's `vars:` or a "
        "vars file, or check the command with the value it gets",
    ),
    CALLED_BY_UNSTATED_NAME: (
        "called-by-unstated-name",
        "takes a method of a classic service by a name the script does not state (`getattr`): which "
        "operation its call runs, and what that creates, changes or deletes, is unknown, so findings about it "
        "may be missing; call the method by its name (`sms.create_virtual_machine_deployment(...)`), or give "
        "`getattr` a string or a name the script binds only to strings",
    ),
    VALUES_NOT_FOLLOWED: (
        "values-not-followed",
        "is as far as migcheck follows the values this Python script builds (names bound to names, strings "
        "built from pieces, calls of its own functions): the work it spends on a script is bounded by the "
        "script's size, and this script's values took all of it, so this value and those read after it are "
        "read as values the script does not state (stand-ins such as <VM name, file:line>), and findings "
        "about them may be missing; state the names the classic calls take in fewer steps",
    ),
    PYTHON_COMMANDS_CUT: (
        "python-commands-cut",
        "is past what migcheck follows of the commands this Python script runs (statements nested more than "
        "40 deep, which are not read; a list of more than 1,000 words, or built of lists more than 8 deep; a "
        "loop over more than 32 numbers or rows written out, or whose body written once for each row grows "
        "too long): the words there are read as words the script does not state (stand-ins such as <VM name, "
        "file:line>), so findings about what they name may be missing; split the list or the loop, or run the "
        "commands from a shell script checked with it",
    ),
    MAKE_EXPANSION_SPENT: (
        "make-expansion-spent",
        "refers to a Makefile variable after the values the file's variables expand to have reached what "
        "migcheck expands of one Makefile (four times its size and 50,000 characters; long values, each built "
        "of the one before): from here on every variable's value is read as one the file does not state "
        "(stand-ins such as <virtual network name, Makefile:N>), though the file states it, so findings about "
        "what they name may be missing; build long values of fewer and shorter ones, or name the value in the "
        "recipe",
    ),
    VALUE_TOO_LONG: (
        "value-too-long",
        "builds or takes a value longer than migcheck keeps of a Python script's values (a REST body or other "
        "text with markup built past 256 KiB; a settings module's value past 256 KiB, or past the total its "
        "values may cost): that value is read as one the script does not state (stand-ins such as <VM name, file:line>), so "
        "findings about what it names may be missing; send a long body from a file checked with the script "
        "(`data=open('deploy.xml').read()`), or split the value",
    ),
    XML_EDITS_NOT_FOLLOWED: (
        "xml-edits-not-followed",
        "changes an XML document by its methods (CreateElement, SetAttribute, AppendChild, RemoveChild, "
        "SubElement and the like), and the script uploads a network configuration (Set-AzureVNetConfig, a PUT "
        "to .../services/networking/media): migcheck does not follow such edits, so the networks, subnets, "
        "sites and gateway connections they add to or take from the upload are not checked; check the "
        "configuration the script uploads (`Get-AzureVNetConfig -ExportToFile` after it runs, then migcheck "
        "on that file)",
    ),
    BICEPPARAM_NOT_READ: (
        "bicepparam-not-read",
        "gives a value to a parameter of a Bicep file migcheck reads (`param name = value` of the "
        "`.bicepparam` file whose `using` names it) written so that the Bicep grammar migcheck reads with does "
        "not parse it: that parameter is read as its default, or a value not stated where it has none, "
        "so findings about the resources it declares may be missing or name stand-ins; write the value as the "
        "parameter's default to have it read",
    ),
    BICEPPARAM_FILES_CUT: (
        "bicepparam-files-cut",
        "starts a `.bicepparam` file past the 64 that migcheck reads one Bicep file with (each a deployment "
        "of its own, in the order of their paths): the Bicep file is not read with the values of this file "
        "nor of those after it, so findings about the resources those deployments declare may be missing; "
        "check the parameters files a few at a time",
    ),
    BICEPPARAM_TOO_SLOW: (
        "bicepparam-too-slow",
        "starts a `.bicepparam` file that the Bicep grammar takes longer to parse than a file of its size may "
        "(an expression repeated thousands of times?): none of its values is read, nor which Bicep file its "
        "`using` names, so a Bicep file it deploys is read with its parameters' defaults and findings about "
        "the resources it declares may be missing or name stand-ins; split the long value into shorter ones",
    ),
    ANT_PROPERTIES_CUT: (
        "ant-properties-cut",
        "starts an Eclipse build file whose Ant properties migcheck did not all resolve: a target past the "
        "64 holding the tasks it reads, or past the 100,000 steps one file's targets may take to resolve their "
        "dependencies, is read with the project's own properties only, and a value longer than 4,096 "
        "characters, or past the million characters one file's properties may put in place of references, is "
        "not known; the tasks' values that refer to them are read as not stated, so findings about what they "
        "name may be missing; define the properties the publish task uses at the project's top",
    ),
    TEMPLATE_FILE_NOT_READ: (
        "template-file-not-read",
        "uses a file of a deployment template that migcheck does not read: a Bicep module from a registry or "
        "a template spec (`br:`, `ts:`), an ARM template linked by an address (`templateLink.uri`, which "
        "migcheck does not fetch), one by a path the file does not state, one that does not parse, or one "
        "past migcheck's bound on the modules a file uses (nested deeper than it follows, or using a file "
        "that uses it): the classic resources it declares are not read with the values passed to it, so "
        "findings about them may be missing; check the file with the template, by a path from the "
        "template's folder",
    ),
    TEMPLATE_FILE_NOT_CHECKED: (
        "template-file-not-checked",
        "uses a file of the repository (a Bicep module, an ARM template linked by its path) that this run "
        "does not check: it is missing, outside the folder checked, or excluded, so the classic resources it "
        "declares are not read with the values passed to it and findings about them may be missing; check "
        "the file with the template (from the folder that holds both, such as the repository's root)",
    ),
    TEMPLATE_NOT_READ: (
        "template-not-read",
        "includes a template migcheck does not read: one in another repository (`template: deploy.yml@tools`, "
        "GitLab CI's `include: remote:`, `project:`, `template:` or `component:`), one by a path the pipeline "
        "does not state (an expression, a wildcard) or from the repository's root (`/deploy.yml`), one that "
        "is not among the files checked or does not parse, or one past the CI service's limits on templates "
        "(a template that includes itself): the steps it holds are not read, so findings about what they "
        "create may be missing; check a copy of the template with the pipeline, by a path from the "
        "pipeline's folder",
    ),
    HANDED_ON_TOO_DEEP: (
        "handed-on-too-deep",
        "is a command line handed on through more levels than migcheck follows (`ssh`, `bash -c`, `eval`, "
        "`sudo`, a container, one inside another more than 8 deep): what the innermost runs is not read, so "
        "findings about what it creates or changes may be missing; hand the command on fewer times, or check "
        "the script it runs on its own",
    ),
    READ_AGAIN_CUT: (
        "read-again-cut",
        "is a job whose steps every job runs first (GitLab CI's `before_script:`, Travis CI's top phases), "
        "or the jobs it `extends:`, are not read in it: the text read again for the file's jobs reached "
        "migcheck's bound (a multiple of the file's size), so what they create in this job may be missing; "
        "write the shared steps in fewer jobs, or check the job in a pipeline of its own",
    ),
    CLIENT_UPLOAD_NOT_FOLLOWED: (
        "client-upload-not-followed",
        "uploads a network configuration (a PUT to .../services/networking/media) through a client of the "
        "script's own, with content migcheck does not follow (an XML document the script builds or edits, "
        "a response it changes): the networks, subnets and gateways it uploads are not checked; check the "
        "configuration the script uploads (`Get-AzureVNetConfig -ExportToFile` after it runs, then migcheck "
        "on that file), or write it as a file or string the script sends",
    ),
    REQUEST_ATTRIBUTE_UNDECIDED: (
        "request-url-undecided",
        "sends a request to an address an attribute holds (a URL, or the host of a connection; in PowerShell "
        "a property of the script's class, `$this.Url`) that the script sets to more than one value (a "
        "default in the class's body, and another in its constructor, `__init__` or `Client()`, or a "
        "method), one of them on the Service Management API's host, which migcheck counts as a request to "
        "the API (MIG601): migcheck does not read which cloud services, deployments or networks its path "
        "names, nor what its body creates, so findings about them may be missing; set the attribute in one "
        "place (in the constructor, with no default in the class's body)",
    ),
    BRACED_LOOP: (
        "braced-loop",
        "starts a `for` (or `select`) loop whose body is in braces (`for f in *.json; { ...; }`), which bash "
        "runs but migcheck's shell grammar does not read: the commands before it are read, not the loop's nor "
        "any after it, so what they create or migrate is missing; write the body as `do ...; done`",
    ),
    LOOP_TURNS_CUT: (
        "loop-turns-cut",
        "starts a loop over more turns than migcheck reads one by one (in a shell script, a `for` over more "
        "than 32 numbers or words written out, `$(seq 40)`, `{1..40}`, or a counter stated in numbers; in a "
        "Python script's calls of the SDK, `range()` of more than 64 numbers; in a PowerShell script, a "
        "`foreach` over more than 64 numbers or items written out, `1..100`, or a `for`, `while` or `do` "
        "counted past 64 turns): it surely runs, and its turns are read as one, its counter a value the "
        "script does not state (stand-ins such as <VM name, file:line>), so findings about what each turn "
        "names may be missing; split the loop into loops of at most that many turns, or list its names "
        "in at most that many words or items",
    ),
    SOURCED_AFTER_CD: (
        "sourced-after-cd",
        "sources a file by a relative path after a `cd` (PowerShell's Set-Location or Push-Location) the "
        "script may not make (in one branch), to a folder it does not state, or to an absolute one, which is "
        "the machine's and not one of the files checked: which file the shell loads is "
        "unknown, so migcheck does not read it and the values and functions it sets are not known; `cd` to "
        'a folder relative to the script\'s (`cd "$(dirname "$0")/../config"`, `Set-Location '
        '"$PSScriptRoot\\..\\config"`), or source the file by its path from the script\'s folder',
    ),
    RUN_AFTER_CD: (
        "run-after-cd",
        "runs a script by a relative path (`& .\\deploy-vm.ps1`, `.\\deploy-vm.ps1`) after a Set-Location or "
        "Push-Location the script may not make (in one branch), to a folder it does not state, or to an "
        "absolute one, which is the machine's and not one of the files checked: which script PowerShell runs "
        "is unknown, so migcheck does not read what it outputs; Set-Location to a folder relative to the "
        'script\'s (`Set-Location "$PSScriptRoot\\..\\tools"`), or run the script by its path from the '
        'script\'s folder (`& "$PSScriptRoot\\deploy-vm.ps1"`)',
    ),
    STEP_SCRIPT_ROOT: (
        "step-script-root",
        "names a file by a path from $PSScriptRoot (or $MyInvocation's path) in a CI step's inline "
        "PowerShell: the runner writes the step's script to a temporary file and runs it from there "
        "(GitHub Actions' `pwsh -command \". '<file>'\"`, Azure Pipelines' PowerShell task in the agent's "
        "temporary folder), so $PSScriptRoot is that temporary folder, not the repository, and migcheck does "
        "not read the file; name it from the folder the step runs in, the repository's root once checked out "
        "(`& ./scripts/deploy.ps1`), or run the script file itself as the step (`pwsh -File "
        "scripts/deploy.ps1`, a task's `filePath:`)",
    ),
    RESERVED_IP_NOT_APPLIED: (
        "reserved-ip-not-applied",
        "gives a reserved IP (New-AzureVM -ReservedIPName, `azure vm create -R`) to a command that adds a VM "
        "to a deployment an earlier command created: a reserved IP binds when the deployment is created "
        "(Create Virtual Machine Deployment takes one, Add Role does not), so this one is not the cloud "
        "service's VIP, which keeps the reserved IP it was created with (or none); give it to the command "
        "that creates the deployment, or associate it with Set-AzureReservedIPAssociation",
    ),
    LOADED_FROM_ANOTHER_FOLDER: (
        "loaded-from-another-folder",
        "loads a file by a path from the folder the script is run in (`. .\\lib.ps1`, `source ./lib.sh`), not "
        "from the script's own: the script's folder holds no such file, a folder above it does (the script is "
        "run from there, most likely), and which folder that is the files do not state, so migcheck does not "
        "read it and the values and functions it sets are not known; write the path from the script's folder "
        '(`. "$PSScriptRoot\\..\\<path>"`, `source "$(dirname "$0")/../<path>"` for a file of the folder '
        "above it)",
    ),
    UNPARSED_COMMAND_LINE: (
        "unparsed-command-line",
        "runs a classic `azure` command line that bash cannot parse (a quote or bracket left open): the shell "
        "refuses it with a syntax error and runs none of it, so migcheck does not read it and what it would "
        "create or migrate is missing; close the quote, or give the command as a list of words "
        '(`subprocess.call(["azure", ...])`)',
    ),
    SURPLUS_ARGUMENTS: (
        "surplus-arguments",
        "gives a classic `azure` command more positional words than it takes, from this one on (most often "
        'an escaped quote, `--description \\"Disks for VMs\\"`, which bash splits into words): the CLI takes '
        "its positionals in order and drops the rest, so the name it takes may not be the one meant, and a "
        'word holding a quote is read as a name not stated; quote the value (`--description "Disks for '
        'VMs"`)',
    ),
    SECOND_PROVIDER_DEPLOYMENT: (
        "second-provider-deployment",
        "declares an `azure_instance` in a cloud service another `azure_instance` of the configuration is "
        "already in: the classic provider creates each VM as a deployment of its own, named after the VM, in "
        "the service's Production slot, which the first one holds, so the platform refuses this one and "
        "Terraform's apply fails without making it; give each VM a `hosted_service_name` of its own (or none: "
        "the provider then makes a cloud service of the VM's name)",
    ),
    DATA_DISK_SERVICE_MISSING: (
        "data-disk-service-missing",
        "declares an `azure_data_disk` of a VM whose cloud service is not named after it: the classic provider "
        "attaches the disk in the cloud service and deployment of the VM's name (AddDataDisk(vm, vm, vm)), "
        "which the VM is not in, so Terraform's apply fails and the disk is not attached; attach it "
        "another way (Add-AzureDataDisk, `azure vm disk attach-new -d <service>`), or give the VM no "
        "`hosted_service_name`",
    ),
    NETWORK_WITHOUT_SUBNET: (
        "network-without-subnet",
        "declares an `azure_virtual_network` with no `subnet` block: the classic provider requires one and "
        "Terraform refuses the configuration, so the network is not made and its address space is not "
        "checked; give it its subnets (each a `subnet` block with `name` and `address_prefix`)",
    ),
    INTERPRETER_NOT_READ: (
        "interpreter-not-read",
        "runs a `local-exec` provisioner's command in an interpreter migcheck does not read (`cmd`, `perl`, "
        "one the module does not state), or a Python command with a value the module does not state: the "
        "classic calls it makes are not read, so findings about what it creates may be missing; run the "
        'command in a shell, PowerShell or Python (`interpreter = ["pwsh", "-Command"]`), with its '
        "values stated",
    ),
    MODULE_CALLS_CUT: (
        "module-calls-cut",
        "calls a Terraform module of a folder of the configuration's own that is not read here: past "
        "migcheck's bound on the module calls one configuration reads (nested calls counted), deeper than it "
        "follows them, or calling a folder among those that call it, which Terraform refuses; the classic "
        "resources it declares are read with values not stated where its folder is checked on its own, not "
        "with the values this call passes",
    ),
    DYNAMIC_BLOCKS_CUT: (
        "dynamic-blocks-cut",
        "is the `for_each` of a Terraform `dynamic` block of more items than migcheck writes blocks for (100 "
        "for one block, 1,000 for all of a resource's `dynamic` blocks together): the classic resources its "
        "items name are told once for each classic type, by a stand-in of the item, not one by one, so a "
        "finding about one of them names no resource; split the list, or check each classic id in a "
        "configuration of fewer items",
    ),
    MODULE_NOT_CHECKED: (
        "module-not-checked",
        "calls a Terraform module of a folder of the configuration's own that this run does not check (outside "
        "the folder checked, or excluded): the classic resources it declares are not read, so findings about "
        "them may be missing; check the module's folder with the configuration (from the folder that holds "
        "both, such as the repository's root)",
    ),
    MODULE_NOT_READ: (
        "module-not-read",
        "calls a Terraform module whose `source` is not a folder of the configuration's own (a registry's "
        "module, a git or HTTP address): migcheck does not fetch it, so the classic resources it declares "
        "are not read and findings about them may be missing; check a copy of the module's folder with the "
        "configuration (`terraform get` puts one under `.terraform/modules`)",
    ),
    INLINE_PYTHON_NOT_READ: (
        "inline-python-not-read",
        "runs Python code inline (`python3 -c`, `python - <<EOF`) whose text the script does not state as "
        "written: a value it does not state, or a here-document whose `$` or `\\` the shell replaces, so "
        "the classic calls it makes are not read and findings about what it creates may be missing; quote the "
        "here-document's delimiter (`<<'EOF'`), or put the code in a `.py` file checked with the script",
    ),
    VM_NOT_PASSED_ON: (
        "vm-not-passed-on",
        "ends a VM configuration pipeline whose output New-AzureVM is given with a cmdlet that passes no VM "
        "on (Set-AzureAclConfig changes the ACL it is given and outputs nothing; Get-AzureEndpoint and the "
        "like output what they read of the VM; Out-Null nothing): the variable holds no VM, so New-AzureVM "
        "fails and creates none, and migcheck does not check the VM the pipeline describes; end the pipeline "
        "with the last cmdlet that passes the VM on and run this one on its own line (`Set-AzureAclConfig "
        "-ACL $acl …` before `Add-AzureEndpoint … -ACL $acl`)",
    ),
    DOT_SOURCE_NOT_FOLLOWED: (
        "dot-source-not-followed",
        "dot-sources a file by a path migcheck does not follow: one the script does not state whole (a "
        "parameter, an environment variable, an expression it does not read, as in `. (Join-Path $Dir "
        "'config.ps1')`), an absolute one, which is the machine's, or one to a file that is not among those "
        "checked (`. .\\config.ps1` where no config.ps1 is beside it), so migcheck does not read "
        "it and the values and functions it sets are not known; write the path from the script's folder "
        '(`. "$PSScriptRoot\\config.ps1"`) and check that file with the script',
    ),
    LOAD_NOT_FOLLOWED: (
        "load-not-followed",
        "runs a script or imports a script module by a path migcheck does not follow: one the script does "
        "not state whole (a parameter, an environment variable, an expression it does not read, as in `& "
        "$Script`), an absolute one, which is the machine's, or one to a file that is not among those checked "
        "(`& .\\get-name.ps1`, `Import-Module .\\lib.psm1` where no such file is beside it), so migcheck "
        "does not read it and what the script outputs and the "
        "functions the module defines are not known; write the path from the script's folder (`& "
        '"$PSScriptRoot\\get-name.ps1"`, `Import-Module "$PSScriptRoot\\lib.psm1"`) and check that file '
        "with the script",
    ),
    GRAPHICAL_RUNBOOK: (
        "graphical-runbook",
        "starts a graphical runbook of Azure Automation: its activities are a binary graph (the base64 of "
        "`RunbookDefinition`) that migcheck does not read, so the cmdlets they run are not known and findings "
        "about what it creates may be missing; open it in Azure Automation's graphical editor and check the "
        "cmdlet each activity runs (those of the classic Azure module, `New-AzureVM` and the like, need "
        "rewriting), or check a PowerShell runbook that does the same work in its place",
    ),
    RUNBOOK_NOT_FOLLOWED: ("runbook-not-followed", ""),  # said in the script's own language (`_runbook`)
    UNSTATED_COMMAND_LINE: ("unstated-command-line", ""),  # said in the script's own language (`_unstated`)
}
# Why a request to a URL the script does not state may go to the Service Management API
# (`REQUEST_URL_UNDECIDED`), by the cause its mark's tag carries, with what the script names for it.
_UNDECIDED_CAUSES = {
    SENDS_CERTIFICATE: "it sends the management certificate `{}` in a file that names the API",
    SENDS_CLASSIC_BODY: "it sends the classic REST body `{}`, a file checked with the script",
    URL_NAMES_THE_API: "its URL is held by `{}`, a name of the API",
}
# Why a request to an address an attribute holds (`REQUEST_ATTRIBUTE_UNDECIDED`) goes to the API: its cause's
# word in the JSON reports, as `_UNDECIDED_CAUSES`' are, and what the reports say for it.
ATTRIBUTE_CAUSE = "attribute"
_ATTRIBUTE_CAUSE_SAID = "its address is held by an attribute the script sets to more than one value, one of them on the API's host"
# A certificate the script names by nothing migcheck can show (`cert=load_cert()`).
_UNNAMED_CERTIFICATE = "it sends a client certificate in a file that names the API"
_UNDECIDED_CONSEQUENCE = (
    ": migcheck does not read which cloud services, deployments or networks its path names, nor what its body "
    "creates, so findings about them may be missing; state the URL in the script "
    "(`https://management.core.windows.net/$SUB/services/...`)"
)


def _undecided_url(tag: str) -> str:
    """What a request to a URL not stated that may go to the API is, with the one cause its tag carries
    (`model.request_url_undecided`)."""
    why = _undecided_cause(tag)
    return (
        "sends a request to a URL the script does not state (a parameter, an environment variable) that may go "
        f"to the Service Management API, as {why}{_UNDECIDED_CONSEQUENCE}"
    )


def _undecided_cause(tag: str) -> str:
    """Why a request to a URL not stated may go to the API, as its tag carries it: the one cause, with what the
    script writes for it (`its URL is held by `$MGMT_URL`, a name of the API`)."""
    cause, _, named = tag.removeprefix(f"{REQUEST_URL_UNDECIDED}:").partition(":")
    said = _UNDECIDED_CAUSES.get(cause)
    if said is None:  # a tag without a cause this version knows (a reading kept from another): none to say
        return "its file names the API"
    return said.format(visible(named)) if named else _UNNAMED_CERTIFICATE


def cause_named(mark: Mark) -> str:
    """The word the JSON reports give for why the part at `mark` was said (`"cause"`): of a request to a URL
    not stated, the cause its tag carries (`SENDS_CERTIFICATE`, `SENDS_CLASSIC_BODY`, `URL_NAMES_THE_API`);
    `ATTRIBUTE_CAUSE` of one to an address an attribute holds (`REQUEST_ATTRIBUTE_UNDECIDED`); "" for any
    other part, and for a cause this version does not know (a reading kept from another)."""
    if mark.tag == REQUEST_ATTRIBUTE_UNDECIDED:
        return ATTRIBUTE_CAUSE
    if not undecided_url(mark.tag):
        return ""
    cause = mark.tag.removeprefix(f"{REQUEST_URL_UNDECIDED}:").partition(":")[0]
    return cause if cause in _UNDECIDED_CAUSES else ""


# What a command line a script runs from a string it does not state is, with its own language's example:
# PowerShell's, Python's, or else the shell's (a shell script, an Ansible task's command).
_UNSTATED_WHAT = {
    "powershell": "runs a command line from a string (`Invoke-Expression $cmd`, `iex`) whose text the script "
    "does not state, or that PowerShell cannot parse",
    "python": 'runs a classic `azure` command line from a string (`"azure vm create {} {}".format(...)`) whose '
    "words the script does not state",
    "shell": 'runs a command line from a string (`eval "$cmd"`), or the classic CLI with a command (`azure '
    '"${args[@]}"`), whose text the script does not state, or that bash cannot parse',
}
_UNSTATED_CONSEQUENCE = (
    ": which commands it runs, and what they create, change or migrate, is unknown, so findings about them "
    "may be missing; run the command itself, or build the string from values the script states"
)
_LANGUAGES = {".ps1": "powershell", ".psm1": "powershell", ".psd1": "powershell", ".py": "python"}


def _unstated(path: str) -> str:
    """What a command line a script runs from a string it does not state is (`UNSTATED_COMMAND_LINE`), in
    the language of the script at `path`."""
    return _UNSTATED_WHAT[_language(path)] + _UNSTATED_CONSEQUENCE


# What a runbook start migcheck does not follow is (`RUNBOOK_NOT_FOLLOWED`), in the script's own language:
# PowerShell's cmdlets, or the Automation SDK's call of a Python runbook.
_RUNBOOK_START = {
    "powershell": "starts a runbook (Start-AzureAutomationRunbook, Start-AzureRmAutomationRunbook, "
    "Start-AzAutomationRunbook, Start-AutomationRunbook) that migcheck does not follow: no file checked in the script's folder defines "
    "a workflow or function of that name, or the script does not state the name, or its -Parameters as a "
    "table whose every entry it states, so what the runbook creates with them is not checked; check the "
    "runbook's file with the script, in its folder (named after the runbook), and pass a table (`-Parameters "
    "@{ServiceName = $name}`)",
    "python": "starts a runbook through the Automation SDK (automation_client.job.create), which migcheck "
    "never follows from Python, so what the runbook creates is not checked; check the child runbook on its "
    "own",
}


def _runbook(path: str) -> str:
    """What a runbook start migcheck does not follow is, in the language of the script at `path`: Python's
    for a .py file, else PowerShell's (the only other reader that says one, also from a pipeline's inline
    script)."""
    return _RUNBOOK_START["python" if _language(path) == "python" else "powershell"]


def _language(path: str) -> str:
    """The language of the script at `path`, by its extension: "powershell", "python", else "shell"."""
    suffix = path[path.rfind(".") :].casefold() if "." in path.rsplit("/", 1)[-1] else ""
    return _LANGUAGES.get(suffix, "shell")


REFUSED_OPTION_WHY = "refused-option"
MISSING_VALUE_WHY = "missing-value"
ESCAPED_PARAMETER_WHY = "escaped-parameter"
EXTRA_POSITIONAL_WHY = "extra-positional"
OTHER_SHELL_WHY = "other-shell"
LONE_DASH = "lone-dash"
BLANK_AFTER_BACKTICK = "blank-after-backtick"
HTML_ESCAPED = "html-escaped"
LOST_BACKTICK = "lost-backtick"
_CONSTRUCTS = frozenset({LONE_DASH, BLANK_AFTER_BACKTICK, HTML_ESCAPED, LOST_BACKTICK})


def said_alone(mark: Mark) -> bool:
    """Whether `mark` is of a part each report says on its own, with what it is (`why`), not of a part the
    parser could not read (see `_SAID_ALONE`; also a PowerShell backtick before a parameter's dash)."""
    return (
        mark.tag in _SAID_ALONE
        or undecided_url(mark.tag)
        or refused(mark)
        or escaped_parameter(mark)
        or extra_positional(mark)
        or other_shell(mark)
    )


def refused(mark: Mark) -> bool:
    """Whether `mark` is of an option the classic CLI's command or Ansible's classic module does not
    declare, or of one the command is given last with no value."""
    return mark.tag.startswith((REFUSED_OPTION, REFUSED_MODULE_OPTION, MISSING_VALUE))


def other_shell(mark: Mark) -> bool:
    """Whether `mark` is where bash cannot parse a script whose `#!` line names another shell (zsh)."""
    return mark.tag.startswith(OTHER_SHELL)


def escaped_parameter(mark: Mark) -> bool:
    """Whether `mark` is of a PowerShell backtick that makes a value of a parameter's name."""
    return mark.tag.startswith(ESCAPED_PARAMETER)


def extra_positional(mark: Mark) -> bool:
    """Whether `mark` is of a PowerShell call giving a cmdlet more values by position than it takes."""
    return mark.tag.startswith(EXTRA_POSITIONAL)


def why_named(mark: Mark) -> str:
    """The name of what the part at `mark` is ("lost-continuation", "refused-option", "escaped-parameter",
    "lone-dash", ... : see `_SAID_ALONE`), or "" for a part the parser stopped at for a reason only it
    knows."""
    said = _SAID_ALONE.get(mark.tag)
    if said is not None:
        return said[0]
    if undecided_url(mark.tag):
        return REQUEST_URL_UNDECIDED
    if refused(mark):
        return MISSING_VALUE_WHY if mark.tag.startswith(MISSING_VALUE) else REFUSED_OPTION_WHY
    if escaped_parameter(mark):
        return ESCAPED_PARAMETER_WHY
    if extra_positional(mark):
        return EXTRA_POSITIONAL_WHY
    if other_shell(mark):
        return OTHER_SHELL_WHY
    return mark.tag if mark.tag in _CONSTRUCTS else ""


def why(mark: Mark) -> str:
    """What a part is, as a report says it after its position."""
    if mark.tag == UNSTATED_COMMAND_LINE:
        return f"this line {_unstated(mark.path)}"
    if mark.tag == RUNBOOK_NOT_FOLLOWED:
        return f"this line {_runbook(mark.path)}"
    said = _SAID_ALONE.get(mark.tag)
    if said is not None:
        return f"this line {said[1]}"
    if undecided_url(mark.tag):
        return f"this line {_undecided_url(mark.tag)}"
    if refused(mark):
        return f"this line {_refused(mark.tag)}"
    if escaped_parameter(mark):
        name = mark.tag[1:]
        return (
            f"the backtick before `{name}` escapes its dash, so PowerShell gives the command the string "
            f'"{name}" as a value, by position, not the parameter {name}: the call does not run as written; '
            "remove the backtick"
        )
    if extra_positional(mark):
        return _extra_positional(mark.tag)
    if other_shell(mark):
        shell = mark.tag.removeprefix(OTHER_SHELL)
        return (
            f"this line is {shell}, which the script's #! line names, and bash cannot parse it: migcheck "
            f"reads shell scripts as bash, so it reads the commands before this line and none from here on, "
            f"which {shell} may well run, so what they create or migrate is missing; write the classic "
            "commands in a bash script to have them checked"
        )
    return f"migcheck's parser cannot read this part of the script: findings about what it states may be missing; {HOW_TO_SEE}"


def _extra_positional(tag: str) -> str:
    """What a call giving a cmdlet a value by position past those it takes is, and what to do."""
    cmdlet, value, free = tag.removeprefix(EXTRA_POSITIONAL).split("\t")
    taken = f"{len(free.split())} value{'s' if len(free.split()) != 1 else ''} by position ({free})"
    return (
        f"{cmdlet} takes {taken if free else 'no value by position'} here, and the call gives it more: "
        f'PowerShell refuses it ("A positional parameter cannot be found that accepts argument '
        f"'{visible(value)}'\"), so the call does nothing; name the parameter each value is for"
    )


def _refused(tag: str) -> str:
    """What a refused option is, named with the command or module that refuses it, and what to do."""
    if tag.startswith(REFUSED_MODULE_OPTION):
        option = tag.removeprefix(REFUSED_MODULE_OPTION)
        return (
            f"gives Ansible's classic `azure` module the option `{visible(option)}`, which its argument_spec "
            "does not declare: Ansible refuses the whole task (Unsupported parameters) and runs nothing, so "
            "migcheck does not read it and the VM it would create is missing; remove the option, or write it as "
            "the module declares it (name, image, location, role_size, storage_account, virtual_network_name, "
            "endpoints, user, password, ...)"
        )
    if tag.startswith(MISSING_VALUE):
        command, _, option = tag.removeprefix(MISSING_VALUE).partition(":")
        return (
            f"gives the classic `azure {command}` the option `{visible(option)}` with no value after it: the CLI "
            "refuses the command (option argument missing) and runs nothing, so migcheck does not read it and what "
            "it would create is missing; give the option its value (if the value is on the next line, end this one "
            "with `\\`)"
        )
    command, _, option = tag.removeprefix(REFUSED_OPTION).partition(":")
    return (
        f"gives the classic `azure {command}` the option `{visible(option)}`, which it does not declare (the "
        "option table of the classic CLI, azure-xplat-cli 0.x; option letters are case-sensitive): the CLI "
        "refuses it as an unknown option and runs nothing, so migcheck does not read it and what it would "
        f"create is missing; write the option as the command declares it (`azure {command} --help` lists them)"
    )


@dataclass(frozen=True, slots=True)
class Construct:
    """What stopped the parser at an unread part, where the characters there say it: what PowerShell does
    with it (`does`), and what to write instead (`write`)."""

    does: str
    write: str
    line: int  # the line the construct is on, from 1
    kind: str  # LONE_DASH, BLANK_AFTER_BACKTICK, HTML_ESCAPED or LOST_BACKTICK


_BLANKS = " \t"


def construct(above: str, line: str, mark: Mark) -> Construct | None:
    """The construct a PowerShell script's unread part at `mark` starts at (`line`: the text of its line,
    `above`: of the line before), where the characters there say which: a lone `-` before a parameter's
    name, a blank after the backtick that ends a line, an HTML escape (`&quot;`), a line that starts with a
    parameter's name after a line that lost its backtick. None where they do not: only the grammar knows why
    it stopped."""
    return (
        _lone_dash(line, mark.column, mark.line)
        or _blank_after_backtick(above, line, mark.line)
        or _html_escaped(line, mark.column, mark.line)
        or _lost_backtick(above, line, mark.line)
    )


def _lone_dash(line: str, column: int, number: int) -> Construct | None:
    """`- Name`: the part starts at the dash, or at the word after it."""
    at = max(column - 1, 0)
    if line[at : at + 1] == "-" and line[at + 1 : at + 2] in tuple(_BLANKS):
        dash, rest = at, line[at + 1 :].lstrip(_BLANKS)
    else:
        head = line[:at].rstrip(_BLANKS)
        dash, rest = len(head) - 1, line[at:]
        if not head.endswith("-") or len(head) == at:
            return None
    if dash > 0 and line[dash - 1] not in _BLANKS:
        return None  # `Set-Azure -`, a word ending in a dash: no lone one
    word = rest.split(maxsplit=1)[0] if rest.strip() else ""
    if not word[:1].isalpha():
        return None
    return Construct(
        f'`-` followed by a blank is no parameter name: PowerShell passes the string "-" and then `{word}` '
        f"as values of their own, not the parameter -{word}, so the command is not given it",
        f"write `-{word}`, with no blank after the `-`",
        number,
        LONE_DASH,
    )


# The operators PowerShell writes as a dash and a word that may start a statement (`-not $done`): no
# parameter's name.
_UNARY_OPERATORS = frozenset({"-not", "-bnot", "-join", "-split"})
# How a line may end and still go on with the command on the next line: a backtick, a pipe, a comma.
_GOES_ON = ("`", "|", ",")


def _lost_backtick(above: str, line: str, number: int) -> Construct | None:
    """A line whose first word is a parameter's name (`-VNetName`) after a line of a command that ends with
    no backtick: PowerShell ends the command at that line's end, so the parameters are not given to it, as
    bash runs a line that lost its `\\` (see `LOST_CONTINUATION`). Not after a comment, a blank line or a
    line whose bracket is still open (a command in brackets may go on)."""
    words = line.split(maxsplit=1)
    word = words[0] if words else ""
    if not (word.startswith("-") and word[1:2].isalpha()) or word.casefold() in _UNARY_OPERATORS:
        return None
    kept = above.strip(_BLANKS)
    if not kept or kept.startswith("#") or kept.endswith(_GOES_ON) or _opens_a_bracket(kept):
        return None
    return Construct(
        f"line {number - 1} ends with no backtick, so PowerShell ends its command there and does not give it the "
        f"parameters on this line, from {word} on",
        f"end line {number - 1} with a backtick (`), as its last character",
        number - 1,
        LOST_BACKTICK,
    )


def _opens_a_bracket(text: str) -> bool:
    """Whether `text` opens more brackets than it closes: a command in brackets may go on past its line."""
    return any(text.count(opening) > text.count(closing) for opening, closing in ("()", "{}", "[]"))


def _blank_after_backtick(above: str, line: str, number: int) -> Construct | None:
    """A line that ends in a backtick and then blanks: the part is on it, or on the line after it."""
    for text, which, on in ((line, "this line", number), (above, "the line before", number - 1)):
        kept = text.rstrip(_BLANKS)
        if kept.endswith("`") and len(kept) < len(text):
            return Construct(
                f"the backtick at the end of {which} is followed by a blank, and a backtick continues a "
                "command on the next line only as the line's last character: PowerShell ends the command at "
                "that line's end, unless a bracket is still open",
                "remove the blank after the backtick",
                on,
                BLANK_AFTER_BACKTICK,
            )
    return None


# What an HTML page writes for the characters it escapes, and each character: a script copied from a page
# as its HTML source (`-AdminUsername &quot;ops&quot;`) has them where its quotes were.
_HTML_ESCAPES = {
    "&quot;": '"',
    "&#34;": '"',
    "&apos;": "'",
    "&#39;": "'",
    "&amp;": "&",
    "&lt;": "<",
    "&gt;": ">",
}


def _html_escaped(line: str, column: int, number: int) -> Construct | None:
    """An HTML escape in the word the part starts with (`&quot;ops&quot;`, `Done&quot;`): PowerShell does
    not allow the `&` there."""
    rest = line[max(column - 1, 0) :].split(maxsplit=1)
    word = rest[0] if rest else ""
    found = sorted((word.find(e), e) for e in _HTML_ESCAPES if e in word)
    if not found:
        return None
    escape = found[0][1]
    return Construct(
        f"`{escape}` is how an HTML page writes `{_HTML_ESCAPES[escape]}` (the file is a copy of a page's "
        "source), and Windows PowerShell, where the classic Azure module runs, does not allow an `&` there "
        '("The ampersand (&) character is not allowed"): it rejects the whole script at parse time and runs '
        "none of it",
        "write each escape as the character it stands for (`&quot;` as `\"`, `&#39;` as `'`, `&amp;` as `&`, "
        "`&lt;` as `<`, `&gt;` as `>`), as the script was before the page escaped it",
        number,
        HTML_ESCAPED,
    )


def position(mark: Mark) -> str:
    """`path:line:column`, as findings are located (the column when the reader knows it)."""
    return f"{visible(mark.path)}:{mark.line}" + (f":{mark.column}" if mark.column else "")


def summary_line(parts: Sequence[UnreadParts]) -> str:
    """The line `check` prints before its summary, or "" when every part was read: how many parts of
    which files (scripts, templates, Terraform configurations: `holders`), where the first of each is, and
    how to see them."""
    lost = [mark for p in parts for mark in p.marks if said_alone(mark)]
    parts = [
        kept
        for p in parts
        if (kept := UnreadParts(p.path, tuple(m for m in p.marks if not said_alone(m)))).marks
    ]
    said = "".join(f"Not read as written: {position(mark)}: {why(mark)}.\n" for mark in lost)
    if not parts:
        return said
    count = sum(len(p.marks) for p in parts)
    files = "; ".join(_file_words(p) for p in parts)
    which = _files_holding(parts)
    what = "what it states" if count == 1 else "what they state"
    return said + (
        f"Not read: {_parts(count)} of {which} that migcheck's parser cannot read ({files}): findings about "
        f"{what} may be missing; {HOW_TO_SEE}.\n"
    )


def _files_holding(parts: Sequence[UnreadParts]) -> str:
    """The files that hold `parts` (one entry each), counted in words: "a template", "2 scripts", "3 files
    (scripts and templates)"."""
    called = holders(parts)
    if len(parts) == 1:
        return f"a {called.removesuffix('s')}"
    return f"{len(parts)} {called}" if " and " not in called else f"{len(parts)} files ({called})"


def _file_words(parts: UnreadParts) -> str:
    first = parts.marks[0]
    where = (
        f"line {first.line}" if len(parts.marks) == 1 else f"{len(parts.marks)} parts from line {first.line}"
    )
    return f"{visible(parts.path)}, {where}"


def _parts(count: int) -> str:
    return f"{count} part" if count == 1 else f"{count} parts"


def heading(planned: bool, parts: Sequence[UnreadParts] = ()) -> str:
    """The plan's heading of the unread parts, named for the files that hold them (`holders`): what they
    state may be missing from the steps, or, in a plan without steps, may be what is to move."""
    said = (
        "what they state may be missing from the steps above" if planned else "they may describe what to move"
    )
    return f"Parts of {holders(parts)} migcheck could not read ({said}; {HOW_TO_SEE}, then plan again)"


# What a file whose parts were not read is called, by how its name ends: a Bicep file's modules and an ARM
# template's linked templates are parts of a template, a Terraform module's of a configuration; any other
# file with such parts is a script (PowerShell, Python, shell, a CI pipeline's or a Makefile's steps).
_HOLDERS = (
    ((".tf", ".tf.json", ".tfvars", ".tfvars.json"), "Terraform configurations"),
    ((".bicep", ".json"), "templates"),
)
_SCRIPTS = "scripts"


def holders(parts: Sequence[UnreadParts]) -> str:
    """The files that hold `parts`, in words ("scripts", "templates", "scripts and templates"); "scripts"
    when there are none to name."""
    called = {_holder(p.path) for p in parts} or {_SCRIPTS}
    named = [name for name in (_SCRIPTS, *(name for _, name in _HOLDERS)) if name in called]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


def _holder(path: str) -> str:
    lowered = path.lower()
    return next((name for ends, name in _HOLDERS if lowered.endswith(ends)), _SCRIPTS)


def listed(parts: UnreadParts) -> list[str]:
    """The positions a plan lists for one script's unread parts: the first few, then how many more. A
    request to a URL not stated says after its position why it may go to the API, in the words `check`
    says it with, since which of its causes applies is what tells how to have it read."""
    return [f"{where}: {cause}" if cause else where for where, cause in listed_apart(parts)]


def listed_apart(parts: UnreadParts) -> list[tuple[str, str]]:
    """`listed`, each entry's position and cause apart ("" for a part without one), for a format that shows
    the position as code and the cause as text."""
    shown = [(position(mark), _listed_cause(mark)) for mark in parts.marks[:SHOWN_PER_FILE]]
    more = len(parts.marks) - SHOWN_PER_FILE
    return shown + ([(f"and {_parts(more)} more in {visible(parts.path)}", "")] if more > 0 else [])


def _listed_cause(mark: Mark) -> str:
    """What a plan lists after a part's position: for a request to a URL not stated, or to an address an
    attribute holds, its cause; else ""."""
    if mark.tag == REQUEST_ATTRIBUTE_UNDECIDED:
        return _ATTRIBUTE_CAUSE_SAID
    return _undecided_cause(mark.tag) if undecided_url(mark.tag) else ""


def data(parts: Sequence[UnreadParts]) -> list[dict[str, object]]:
    """The parts as JSON data: one object per part, with its path, line and column (0 when not known),
    what it is where that has a name (`why_named`), and for a request to a URL not stated why it may go to
    the API: the cause's word (`cause_named`) and the words the other reports say it in (`cause_message`)."""
    return [
        {
            "path": mark.path,
            "line": mark.line,
            "column": mark.column,
            **({"why": named} if (named := why_named(mark)) else {}),
            **_cause_data(mark),
        }
        for p in parts
        for mark in p.marks
    ]


def _cause_data(mark: Mark) -> dict[str, str]:
    """`cause` and `cause_message` of a part whose cause is known, else nothing."""
    cause = cause_named(mark)
    return {"cause": cause, "cause_message": _listed_cause(mark)} if cause else {}
