"""Terraform configurations (`.tf`) of the classic `azure` provider (hashicorp/terraform-provider-azure, the
Service Management provider that came before `azurerm`), read into the resources the classic CLI's commands
that make the same resources describe: each resource goes through the shell reader (`shell.CommandLines`)
as those commands, each value shown where the configuration writes it, as the Ansible reader reads the
classic `azure` module.

What is read, by resource type (the provider's own arguments):

- `azure_hosted_service` (`name`, `location`): a cloud service, as `azure service create`.
- `azure_instance` (`name`, `hosted_service_name`, else a cloud service of the VM's name, as the provider
  makes one, in its `location`; `image`, `size`, `username`, `password`, `virtual_network`, `subnet`,
  `storage_service_name`, in which the provider puts the OS disk at `vhds/<name>.vhd`; each `endpoint`
  block's `name`, `protocol`, `public_port`, `private_port`; `security_group`, set on the VM itself): a VM,
  as `azure vm create` and `azure vm endpoint create`, in a deployment of its own named after the VM, as the
  provider makes it. A second one in a cloud service another holds is refused by the platform (the
  Production slot is taken): said, not read. One with arguments of AWS's `aws_instance` (`ami`,
  `instance_type`) is no classic VM.
- `azure_virtual_network` (`name`, `address_space`, `location`, each `subnet` block's `name`,
  `address_prefix` and `security_group`): as `azure network vnet create`, `vnet subnet create` and `nsg
  subnet add`. An `affinity_group` is not read: the provider's network has no such argument (Terraform
  refuses the file), so it binds the network to no affinity group.
- `azure_security_group` (`name`, `location`) and `azure_security_group_rule` (`security_group_names`,
  `type`, `priority`, `action`, `source_address_prefix`, `source_port_range`, `destination_address_prefix`,
  `destination_port_range`, `protocol`): as `azure network nsg create` and `nsg rule create`.
- `azure_storage_service` (`name`, `location`, `affinity_group`, `account_type`): as `azure storage account
  create`.
- `azure_data_disk` (`virtual_machine`, `name` of a registered disk, else a new one of `size` in
  `storage_service_name`): as `azure vm disk attach` or `attach-new`, in the cloud service of the VM's name;
  of a VM the configuration declares in a service of another name, however the disk names it (a reference,
  an index, `element` of a splat, a variable of its name), said not attached (the provider's apply fails).
- `azure_local_network_connection` (`name`, `vpn_gateway_address`, `address_space_prefixes`): as `azure
  network local-network create`.
- `azure_affinity_group` (`name`, `location`): as `azure account affinity-group create`.
- `azure_storage_container`, `azure_storage_blob`, `azure_storage_queue` (`storage_service_name`): made in
  the classic account it names, the module's `azure_storage_service` of that name, else an account the
  subscription holds that the module names without declaring it (its type not stated), migrated by a step
  of its own as one a script creates.

The other classic types (`azure_dns_server`, `azure_sql_database_*`) make a file classic but describe
nothing the rules check.
The `azapi` provider's `azapi_resource` and `azapi_update_resource` of a type the rules read are read as the
template resources their `type` and `body` write (`terraform_azapi`), the resources of one file as one
template's, each value marked where the file writes it (`_AzapiBody`), a body a local holds at the reference.
A configuration that needs Terraform 0.12 or later, for which the classic provider has no release (`terraform
init` finds no `azure` plugin compatible with the version), in any of its modules (`terraform_versions`: a
`features` block of its azurerm provider, which azurerm 2.0 and later require and 1.x refuses; a
`required_version` or `required_providers` that allows nothing older): its classic resource blocks were never
made by it, so they describe none (`_Module.refuses_classic`), in the root and the modules it calls alike.
A resource's `local-exec` provisioner's `command` (not one run `when = destroy`) is read as a shell script's
line after the resource is made, each character where the string writes it, `self.<argument>` the resource's (the instance's own, of a resource of `count` or `for_each`);
one its `interpreter` runs in PowerShell (`["PowerShell", "-Command"]`, pwsh) or Python (`["python3", "-c"]`)
is read by that language's reader, after the shell's lines, and one of another interpreter (cmd, perl) is said
not read (`INTERPRETER_NOT_READ`). Each command runs in a process of its own, as Terraform runs it: a shell
command in a child shell, a PowerShell or Python command as a script of its own, so a variable one sets is
not the next one's; the calls a shell command makes are the CLI's own (`Script.provisioner_calls`), advised in
its words, where the others are the provider's. Its `environment` map's variables are set for its command alone: a shell command's in
its child shell, a PowerShell command's as `$env:` variables before it. Terraform runs the provisioners of a
resource of any type (`null_resource`, `terraform_data`, `azurerm_*`): theirs are read alike, after the
classic resources' (`_ORDER`), while the resource itself makes nothing; a file whose only classic use they
are is read when their command names the classic CLI or a classic cmdlet (`sniff`).
A `module` block whose `source` is not a folder of the configuration's own (`./`, `../`: a registry's module,
a git or HTTP address) is said not read (`MODULE_NOT_READ`), where its source is written. One of a folder of
its own is read once per call, as Terraform makes one module of each: its `.tf` files' resources made with the
values the call passes as its variables (evaluated in the caller's module; its defaults where the call passes
none), each where the module's files declare it, the modules it calls in turn; `module.<call>.<output>` in the
caller is the value the called module's `output` block gives, as that call makes the module (not stated for a
call with `count` or `for_each`, or an output the module does not declare); a call's `count` or `for_each`
makes one module per index or key, as a resource's makes one resource of each (`count.index`, `each.key` in
the call's arguments each one's), one not stated one standing for all; past `_MOST_CALLS` calls for
a file, `_MOST_CALL_DEPTH` deep, or of a folder among those that call it, a call is said cut
(`MODULE_CALLS_CUT`); one of a folder none of whose `.tf` files the run checks (outside the folder checked,
or excluded: read only where the run checks it, as a settings file is) is said not checked
(`MODULE_NOT_CHECKED`), from a file of no classic resource too. A folder a configuration of another folder calls describes its resources through the
calls only, not read alone as well (`_called_from_elsewhere`).

All `.tf` files of a folder are one module: `var.x` is the `default` of its `variable "x"` block, or the
value a `terraform.tfvars` or `*.auto.tfvars` beside it gives, or their JSON twins' (`.tfvars.json`);
`local.x` the value its `locals` block writes (of variables, other locals, templates of them); a member of an
object or list (`var.x.y`, `var.x["k"]`, `local.l[0]`, `lookup(map, "k", "default")`, `element(list, i)`,
wrapped around the list's length as Terraform does) the value written there, a member of a function's result
(`lookup(local.m, "k").name`) too; `jsondecode(file("${path.module}/vms.json"))` the value the JSON file holds,
written there (`_Configuration.decoded_file`: a file the run checks, inside the project, through no symbolic
link, once a run), `templatefile("${path.module}/id.tftpl", {...})` the template a `.tftpl` file holds
rendered with the variables the object gives (`_template_file`, its `%{...}` directives as a string's),
`path.module` the module's folder; `==` and `!=` are false between values of two types
(`"1" == 1`), as Terraform converts neither side (`_Configuration.value_type`);
`azure_hosted_service.web.name` (bare or in `${...}`) is that resource's argument, and its `id` its name
(the provider's ids are the names); so are the attributes of Terraform's own resources that hold values
(`null_resource.x.triggers`, `terraform_data.x.input` and its `output`, `self.triggers` in their
provisioners: `_HOLDING`) and their members, of a block of no `count` or `for_each`; an `azurerm` resource's
`name` (`azurerm_virtual_network.hub.name`, an instance's `.hub[0].name`, a data source's
`data.azurerm_virtual_network.hub.name`) is its `name` argument. `count = N`
with N stated (at most `_MOST_COUNT`) makes N resources, `count.index` each one's number; a count not
stated makes one standing for all. `for_each` over a set or map the module states makes one resource per
key, `each.key` the key and `each.value` the set's item or the map's value; one not stated makes one
standing for all, as a `count` not stated. A `dynamic "endpoint"` or `dynamic "subnet"` block writes its
`content` as one such block for each item of its `for_each`, its iterator (the block's label, or its
`iterator`) `.key` and `.value` the item's: a list's index and item, a map's key and value (in the order of
the keys, as Terraform writes them); one not stated, one block standing for all. A `for_each` map a `for`
expression builds (`{ for vm in local.vms : vm.name => vm if vm.on }`) has the keys it keeps, each value its
item's. Terraform's functions that pass values through predictably are worked out where the module states what
they are given (`_FUNCTIONS`: `format`, `join`, `lower`, `replace`, `coalesce`, `one`, `try`, `cidrsubnet`, ...;
`merge` of maps; an index of a list a function builds), and so are a conditional whose condition it states
(`_Configuration.truth`) and a quoted string of `%{ if }` and `%{ for }` directives on values it states
(`_Configuration.rendered`); lists built by functions (`_LIST_REWRITES`, `concat`, `flatten`, `split`, `values`),
splats of a list of objects and `for` expressions (with an `if`, two names, `v.id`) item by item. Where
Terraform's value depends on one the module does not state, none is guessed. Any other value (another
function's result, an argument not written) is a value the file does not state, as a script's unstated values
are; an id built of an `azurerm` data source (`data.azurerm_resources.x.resources[0].id`,
`data.azurerm_subscription.x.id`) is built of what its block states (`_Configuration.data_id`). Each file describes the
resources it declares; the others of its folder give it values only. A value the module does not state,
written alike or referenced in several of its files, is named where the module first writes it
(`_Module.first_place`), so the files describe one resource (`estate.owner_of`).

The file is parsed with python-hcl2's grammar (lark), imported when a `.tf` file is read, its template escapes
(`$${`, `%%{`) stood in for it (`terraform_escapes`), each heredoc then made the quoted string of its
template (`_heredocs_read`); its tokens give each value's line and column. A `.tf.json` file (Terraform's JSON syntax) is turned into the same tree by
`terraform_json`, each value where the JSON writes it, and is one of its folder's module as a `.tf` is. A file lark cannot parse is a syntax finding at the place it stops. Its comment
tokens (`#`, `//`, `/* */`) hold `migcheck: ignore[...]` directives (`_suppressions`); a JSON file's
`"//"` keys do (`_json_suppressions`)."""

from __future__ import annotations

import bisect
import functools
import math
import posixpath
import shlex
import string
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from migcheck.automation import TERRAFORM_LANGUAGE
from migcheck.frames import with_frames_to_spare
from migcheck.model import (
    DATA_DISK_SERVICE_MISSING,
    DYNAMIC_BLOCKS_CUT,
    INTERPRETER_NOT_READ,
    MODULE_CALLS_CUT,
    MODULE_NOT_CHECKED,
    MODULE_NOT_READ,
    NETWORK_WITHOUT_SUBNET,
    SECOND_PROVIDER_DEPLOYMENT,
    ClassicCall,
    Deployment,
    DirectiveComment,
    DiskPlace,
    Document,
    FileKind,
    FileProblem,
    Mark,
    Role,
    Script,
    Suppression,
    UnplacedDisk,
)
from migcheck.readers import ansible, beside, shell, terraform_azapi, terraform_azurerm, terraform_versions
from migcheck.readers.inventory_shapes import Written
from migcheck.readers.numbers import whole_number
from migcheck.readers.suppressions import Directive, gathered, line_comment_text, placed
from migcheck.readers.template_values import Unknown
from migcheck.readers.xplat import HOLE, Word, styled_holder
from migcheck.source import SourceText

Node = Any  # a lark Tree or Token of python-hcl2's grammar

# The resource types of the classic provider (its provider.go's ResourcesMap).
CLASSIC_TYPES = frozenset(
    {
        *("azure_instance", "azure_hosted_service", "azure_virtual_network", "azure_security_group"),
        *("azure_security_group_rule", "azure_storage_service", "azure_data_disk", "azure_dns_server"),
        *("azure_local_network_connection", "azure_affinity_group", "azure_storage_container"),
        *("azure_storage_blob", "azure_storage_queue", "azure_sql_database_server"),
        *("azure_sql_database_server_firewall_rule", "azure_sql_database_service"),
    }
)
_AZURERM = "azurerm_"  # the prefix of the Resource Manager provider's resource types
# An `azure_instance` with one of these is AWS's `aws_instance` under a provider aliased `azure`.
_AWS_ARGUMENTS = frozenset({"ami", "instance_type", "subnet_id", "vpc_security_group_ids"})
# At most this many resources of one block by a `count` the module states; more are one standing for all.
_MOST_COUNT = 100
# At most this many blocks the `dynamic` blocks of an `azurerm` resource's block write, all its instances and
# nested levels together (`_Arguments.budget`): past it, a `dynamic` block writes one standing for all its
# items, as a `count` past `_MOST_COUNT` does, so that `dynamic` blocks nested in others' `content` (a
# profile's rules) cost no more than this, not the product of their items.
_MOST_DYNAMIC_BLOCKS = 10 * _MOST_COUNT
# The longest text a value is built to (references of references may double it at each step).
_MOST_TEXT = 4096
_VALUE_FILES = ("terraform.tfvars", "terraform.tfvars.json")
_JSON = ".tf.json"  # Terraform's JSON syntax, read as the `.tf` file that writes the same
_JSON_VALUES = ".tfvars.json"  # a `.tfvars` file in JSON: an object of the variables' values
_AUTO_VALUES = (".auto.tfvars", ".auto.tfvars.json")
_VALUES = (".tfvars", _JSON_VALUES)


def sniff(data: bytes) -> bool:
    """Whether a file met in a walk may be a classic configuration: it names a classic resource type or the
    classic provider, in quotes, as a block's label, or it may call a module of a folder of its own (`module`,
    and a quoted path that starts `./` or `../`), which may declare them, or it has a `local-exec`
    provisioner (of a resource of any type) whose command may run the classic CLI or cmdlets, in the words
    the shell and PowerShell readers' own sniffs look for."""
    if _may_call_a_folder(data) or _may_provision_classic(data) or _may_reach_into_classic(data):
        return True
    if _may_declare_by_azapi(data):
        return True
    if b'"azure' not in data:
        return False
    if b'provider "azure"' in data or (b'"provider"' in data and b'"azure"' in data):
        return True
    return any(f'"{kind}"'.encode() in data for kind in CLASSIC_TYPES)


def _may_reach_into_classic(data: bytes) -> bool:
    """Whether the file declares an `azurerm` resource of a type that may reach into a classic one (a peering
    with a classic network, a role assignment on a classic VM: `terraform_azurerm.READ`)."""
    return b'"azurerm_' in data and any(f'"{kind}"'.encode() in data for kind in terraform_azurerm.READ)


def _may_declare_by_azapi(data: bytes) -> bool:
    """Whether the file declares an `azapi` resource (`terraform_azapi.READ`) of a type of a namespace whose
    resources the rules read (`Microsoft.ClassicCompute/...`, `Microsoft.Compute/cloudServices`)."""
    if not any(f'"{kind}"'.encode() in data for kind in terraform_azapi.READ):
        return False
    lowered = data.lower()
    return any(namespace in lowered for namespace in terraform_azapi.NAMESPACES)


def _may_provision_classic(data: bytes) -> bool:
    if b"local-exec" not in data:
        return False
    from migcheck.readers import powershell

    return shell.sniff(data) or powershell.sniff(data)


def sniff_file(path: str, data: bytes) -> bool:
    """`sniff`, but never for a template (`.tftpl`), which the `.tf` file that renders it reads
    (`templatefile`), not a walk on its own."""
    return not path.lower().endswith(_TEMPLATE) and sniff(data)


_TEMPLATE = ".tftpl"


def read(path: str, data: bytes) -> Document:
    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    if path.lower().endswith(_TEMPLATE):  # named on its own: a template, of nothing to read alone
        return Document(path, None, "", text=text)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:  # Terraform reads only UTF-8, and refuses the file
        if _binary(data):  # shown by its first characters only: the rest is no text to show
            return Document(path, FileKind.SHELL, "", problem=_not_text(path), text=text[:_EXCERPT])
        return Document(path, FileKind.SHELL, "", problem=_not_utf8(path, data, error.start), text=text)
    body = _parsed(path, text)
    if isinstance(body, FileProblem):
        return Document(path, FileKind.SHELL, "", problem=body, text=text)
    suppressions, marked = _suppressions(path, text, body)
    if path.lower().endswith(_VALUES):
        return Document(path, None, "", (), suppressions, marked, text=text)
    module = _Module.of(path, body, text)
    own = [resource for resource in _runnable(module, module.made()) if resource.path == path]
    if own and _called_from_elsewhere(path):
        # Terraform makes a called module's resources once per call, with the values each passes, and the
        # calls' reading makes them so (`_Configuration.local_module`): this file describes them nowhere else,
        # as each resource of a module is described by one reading only (by the file that declares it, the
        # others of its folder giving it values), so no resource is told twice at one place, once of values
        # not stated.
        own = []
    if not own and not _calls_a_folder(module):
        return Document(path, None, "", (), suppressions, marked, text=text)

    held: list[_Held] = []
    reaching: list[object] = []
    called: list[_Resource] = []
    ran: list[shell.CommandLines] = []  # the last run's: the script files its commands ran are said
    calling: list[Mark] = []
    provisioner_calls: set[Mark] = set()
    undeclared: dict[Mark, str] = {}

    def program(lines: shell.CommandLines) -> None:
        ran.append(lines)
        configuration = _Configuration(module, lines)
        configuration.create(own)
        # the last run's: a run made again (`shell.run_commands`) is the one read
        held[:], called[:], calling[:] = configuration.held, configuration.called, configuration.calling
        reaching[:] = [*configuration.reaching, *terraform_azapi.records(configuration.azapi)]
        provisioner_calls.clear()
        provisioner_calls.update(configuration.provisioner_calls)
        undeclared.clear()
        undeclared.update(configuration.undeclared)

    try:
        resources = with_frames_to_spare(_EVALUATION_FRAMES, lambda: shell.run_commands(path, data, program))
    except (
        RecursionError
    ):  # values built of others, or expressions nested, deeper than the evaluation follows
        return Document(path, FileKind.SHELL, "", problem=_evaluated_too_deep(path, body), text=text)
    if not own and not called and not _modules_not_checked(resources):  # no module of classic resources
        return Document(path, None, "", (), suppressions, marked, text=text)
    named = f"Terraform configuration '{posixpath.basename(path)}'"
    instances = {r.mark: f"{r.kind}.{r.name}" for r in [*own, *called] if r.kind == "azure_instance"}
    # Said at its first resource, else at the first `module` block whose module made any: the file the
    # user owns, as the configuration is the one that declares them all (each module is its folder's).
    first = min(
        (r.mark for r in own) if own else calling,
        key=lambda mark: (mark.line, mark.column),
        default=Mark(path, 1, column=1),
    )
    named += _through_module(path, own, called)
    classic = (r.kind for r in [*own, *called] if r.kind in CLASSIC_TYPES)
    kinds = sorted(classic, key=lambda kind: _ORDER.get(kind, len(_ORDER)))
    declared = tuple(dict.fromkeys(kinds))
    resources = tuple(
        replace(
            r,
            called=named,
            written_in=TERRAFORM_LANGUAGE,
            mark=_first_in_source(r, first),
            declared_types=declared,
            provisioner_calls=frozenset(provisioner_calls),
        )
        if isinstance(r, Script)
        else _disks_by_provider(r, instances)
        for r in resources
    )
    resources += tuple(reaching) + _read_held(path, text, held)
    kind = FileKind.SHELL if resources else None
    files_run = ran[-1].functions_run() if ran else ()
    problem = _first_undeclared(path, undeclared)
    return Document(
        path, kind, "", resources, suppressions, marked, problem=problem, text=text, functions_run=files_run
    )


def _first_undeclared(path: str, undeclared: dict[Mark, str]) -> FileProblem | None:
    """MIG001 at the first reference of the file `path` to a resource of the classic provider its module
    does not declare (`_Configuration.undeclared_resource`); one in another file is said by that file's read."""
    own = sorted((at for at in undeclared if at.path == path), key=lambda at: (at.line, at.column))
    if not own:
        return None
    written = undeclared[own[0]]
    kind, name = written.split(".")[:2]
    return FileProblem(
        "syntax",
        f'`{written}` refers to a resource no block of the module declares (no `resource "{kind}" '
        f'"{name}"` in its files): Terraform refuses the configuration (Reference to undeclared resource), '
        "and the argument is read as not given",
        own[0],
        f'Declare the resource in a file of the module (`resource "{kind}" "{name}" {{ ... }}`), or make '
        "the reference name one the module declares: `terraform validate` fails until then.",
    )


# How deep the evaluation of a configuration's values may go below its reading: a value built of another
# takes about five frames (a chain of locals each the one before, of a resource's arguments, of triggers), so
# a chain of a thousand reads, where Python's default limit stopped one of about 150; one deeper still, or
# an expression nested past it, is said not read (`_too_deep`).
_EVALUATION_FRAMES = 6000


def _through_module(path: str, own: list[_Resource], called: list[_Resource]) -> str:
    """Where to find the classic blocks of a configuration whose file `path` declares none itself, said after
    its name: the file and line of the first classic block the modules it calls declare, from the file's folder
    as its `module` blocks' sources are (", through the modules it calls (VM/main.tf:8),"), since the file,
    where the finding is said, shows none of them."""
    block = next((r for r in called if r.kind in CLASSIC_TYPES), None)
    if own or block is None:
        return ""
    where = posixpath.relpath(block.path, posixpath.dirname(path) or ".")
    return f", through the modules it calls ({where}:{block.mark.line}),"


def _runnable(configuration: _Module, resources: list[_Resource]) -> list[_Resource]:
    """The resources Terraform can make for a configuration whose root module is `configuration`: all, but
    the classic provider's where it cannot run it (`_Module.refuses_classic`)."""
    if not configuration.refuses_classic():
        return resources
    return [resource for resource in resources if resource.kind not in CLASSIC_TYPES]


def _modules_not_checked(resources: tuple[object, ...]) -> bool:
    """Whether the configuration calls a module of a folder of its own that the run does not check: whether
    that module declares classic resources is not known, so the file says it is not read."""
    unread = (mark for r in resources if isinstance(r, Script) for mark in r.unread)
    return any(mark.tag == MODULE_NOT_CHECKED for mark in unread)


def _called_from_elsewhere(path: str) -> bool:
    """Whether a configuration file of another folder this run checks calls the folder of the file `path`
    as a module (`module "x" { source = "../modules/vm" }`)."""
    folder = posixpath.normpath(posixpath.dirname(path) or ".")
    return folder in beside.once_per_run("terraform-called-folders", _folders_called)


def _folders_called() -> frozenset[str]:
    """The folders (from the working directory) that a configuration file of another folder this run
    checks calls as modules: only files that may (`sniff`) are parsed, each once per run."""
    called: set[str] = set()
    for name in beside.files_in_run((".tf", _JSON)):
        # Only a file that may call a folder is one the read takes values from: the others are no files of
        # the document, or a check would count every configuration file of the run among those it describes.
        settings = beside.settings_file(name, wanted=_may_call_a_folder)
        if settings is None:
            continue
        caller = posixpath.normpath(posixpath.dirname(settings.path) or ".")
        body = beside.values_of(settings, _items_of) or []
        module = _Module(settings.path)
        module.add(settings.path, body)
        for call in module.calls:
            given = call.given
            source = _label(_unwrapped(given["source"])) if "source" in given else ""
            target = posixpath.normpath(posixpath.join(caller, source))
            # A module calling itself: Terraform refuses it, and its own folder is read.
            if source.startswith(_LOCAL_SOURCES) and target != caller:
                called.add(target)
    return frozenset(called)


def _may_call_a_folder(data: bytes) -> bool:
    """Whether a file's bytes may hold a `module` block of a source in a folder of the configuration's own."""
    return b"module" in data and (b'"./' in data or b'"../' in data)


def _calls_a_folder(module: _Module) -> bool:
    """Whether the module's file read calls a module of a folder of the configuration's own (`./`, `../`),
    whose resources it then makes."""
    for call in module.calls:
        source = call.given.get("source")
        if (
            call.path == module.path
            and source is not None
            and _label(_unwrapped(source)).startswith(_LOCAL_SOURCES)
        ):
            return True
    return False


def _read_held(path: str, text: str, held: list[_Held]) -> tuple[object, ...]:
    """What each provisioner's PowerShell or Python command describes, in the order they run, named as the
    configuration's provisioners: each read as a script of its own, as Terraform runs each in a process of
    its own, so the variables one sets (`$n`, `$env:X`) are not the next one's."""
    from migcheck.readers import powershell, python_script

    named = f"Terraform configuration '{posixpath.basename(path)}'"
    file_lines = text.splitlines()
    found: list[object] = []
    for command in held:
        if command.language == _POWERSHELL:
            places = [*command.places, command.places[-1]]
            document = powershell.read_held(path, command.text + "\n", places, file_lines, (), command.filled)
        else:
            document = python_script.read(path, _python_text(command).encode("utf-8"))
        found += _called(document, named, command.language)
    return tuple(found)


def _called(document: Document, named: str, language: str) -> tuple[object, ...]:
    """A document's resources, its scripts named as the configuration's provisioners in `language`."""
    called = f"{named}, in its {language} provisioners,"
    return tuple(replace(r, called=called) if isinstance(r, Script) else r for r in document.resources)


def _python_text(command: _Held) -> str:
    """A Python command as a file whose lines and columns are the configuration's: a one-line command at
    its line and column (in an `if 1:` block, as Python allows no indentation at the top), a longer one
    from its first line."""
    line, column = command.places[0]
    if "\n" in command.text or line < 2 or column < 2:
        return "\n" * (line - 1) + command.text + "\n"
    return "\n" * (line - 2) + "if 1:\n" + " " * (column - 1) + command.text + "\n"


def _disks_by_provider(record: object, instances: dict[Mark, str]) -> object:
    """A deployment's VMs whose OS disk the classic CLI's `vm create` without `-u` would put in an account
    it picks, as the provider places them instead: an `azure_instance` without `storage_service_name` is
    refused for a platform image, and a VM image keeps its disks in its own account (`PROVIDER_IMAGE`)."""
    if not isinstance(record, Deployment):
        return record
    roles = tuple(_placed_by_provider(role, instances) for role in record.roles)
    # `unplaced_disk` is not compared: a role placed anew is told by identity
    changed = any(new is not old for new, old in zip(roles, record.roles, strict=True))
    return replace(record, roles=roles) if changed else record


def _placed_by_provider(role: Role, instances: dict[Mark, str]) -> Role:
    unplaced = role.unplaced_disk
    if unplaced is None or unplaced.place is not DiskPlace.CURRENT_ACCOUNT:
        return role
    address = instances.get(replace(unplaced.mark, tag="", nth=0))
    if address is None:
        return role
    return replace(role, unplaced_disk=UnplacedDisk(DiskPlace.PROVIDER_IMAGE, unplaced.mark, address))


def _first_in_source(script: Script, declared: Mark) -> Mark:
    """The configuration's first classic call in the file's order, where a whole-file finding is said: the
    calls run in the order Terraform makes the resources (`_ORDER`), not the order the file declares them;
    with none in the file (its resources refused, or all made by the modules it calls), `declared`: its
    first resource, else its first `module` block whose module made any."""
    own = [call.mark for call in script.calls if call.mark.path == declared.path]
    return min(own, key=lambda mark: (mark.line, mark.column), default=declared)


def _suppressions(
    path: str, text: str, body: list[Node]
) -> tuple[tuple[Suppression, ...], tuple[DirectiveComment, ...]]:
    """`migcheck: ...` comments in any of Terraform's three comment styles (`#`, `//`, `/* */`), from the
    comment tokens of the parse: on a line of their own, they cover the argument or block that follows
    them in the same body (a block with all it holds), or the item of a list or call that follows them;
    at the end of a line, that line; `ignore-file`, the file. One with nothing after it in its body (before
    a block's `}`) applies to nothing, and the filter reports it."""
    if "migcheck" not in text.lower():
        return (), ()
    if path.lower().endswith((_JSON, _JSON_VALUES)):
        return _json_suppressions(path, text)
    lines = text.splitlines()

    def comments() -> Iterator[tuple[str, Mark, Callable[[Directive], Suppression]]]:
        for token, target in _comments(body):
            if "migcheck" in str(token).lower():
                mark = Mark(path, token.line, column=token.column)
                yield (
                    _comment_text(str(token)),
                    mark,
                    functools.partial(_suppression, mark=mark, lines=lines, target=target),
                )

    return gathered(comments())


def _json_suppressions(path: str, text: str) -> tuple[tuple[Suppression, ...], tuple[DirectiveComment, ...]]:
    """`migcheck: ...` directives in a JSON file's comments, the strings of its `"//"` keys (Terraform's
    JSON comment): one in a block's object covers the block, all it holds; one in the file's object, or
    `ignore-file`, the file. Its mark is the string's opening quote."""
    from migcheck.readers import terraform_json

    items = terraform_json.Items(text)
    try:
        root = terraform_json.parsed(text)
        items.values(root) if path.lower().endswith(_JSON_VALUES) else items.of(root)
    except terraform_json.Malformed:  # the file's own read says why
        return (), ()

    def suppression(parsed: Directive, mark: Mark, start: int, end: int) -> Suppression:
        kind, codes, reason = parsed
        if kind == "ignore-file":
            return Suppression(codes, reason, 0, 0, mark)
        return Suppression(codes, reason, items.position(start)[0], items.position(end)[0], mark)

    def comments() -> Iterator[tuple[str, Mark, Callable[[Directive], Suppression]]]:
        for value, start, end in items.comments:
            if isinstance(value.decoded, str) and "migcheck" in value.decoded.lower():
                line, column = items.position(value.start)
                mark = Mark(path, line, column=column)
                yield value.decoded, mark, functools.partial(suppression, mark=mark, start=start, end=end)

    return gathered(comments())


def _suppression(parsed: Directive, mark: Mark, lines: list[str], target: Node | None) -> Suppression:
    line = lines[mark.line - 1] if mark.line <= len(lines) else ""
    meta = getattr(target, "meta", None)
    span = None if meta is None or meta.empty else (meta.line, meta.end_line)  # None: nothing follows it
    return placed(parsed, mark, line[: mark.column - 1], span)


def _comments(body: list[Node]) -> list[tuple[Node, Node | None]]:
    """Each comment token of the file, with the node that follows the comment among its siblings (the next
    argument or block of its body, the next item of its list): None where a bracket or nothing follows.
    One walk over the tree: each list of siblings is read once, from its end."""
    found: list[tuple[Node, Node | None]] = []
    stack: list[list[Node]] = [body]
    while stack:
        siblings = stack.pop()
        following: Node | None = None
        for node in reversed(siblings):
            if _kind(node) == "new_line_or_comment":
                found += [(t, following) for t in node.children if _is_comment(t)]
                continue
            if hasattr(node, "data"):
                stack.append(list(node.children))
            following = node if hasattr(node, "data") else None
    return sorted(found, key=lambda pair: (pair[0].line, pair[0].column))


def _is_comment(token: Node) -> bool:
    return str(token).lstrip().startswith(("#", "//", "/*"))


def _comment_text(written: str) -> str:
    """A comment's text without its markers: `#`s or `/`s it starts with, or the `/*` and `*/` around it."""
    written = written.strip()
    if written.startswith("/*"):
        return written.removeprefix("/*").removesuffix("*/").strip("*")
    if written.startswith("//"):
        return written.lstrip("/")
    return line_comment_text(written)


def _parsed(path: str, text: str) -> list[Node] | FileProblem:
    """The top-level items (blocks, attributes) of a file, or the problem that stops its parse."""
    from lark.exceptions import LarkError, UnexpectedInput

    from migcheck.readers import terraform_escapes

    if path.lower().endswith((_JSON, _JSON_VALUES)):
        return _json_items(path, text)
    try:
        tree = terraform_escapes.parses_to_tree(text if text.endswith("\n") else text + "\n")
    except UnexpectedInput as error:
        return _unparsed(path, text, error)
    except (LarkError, RecursionError):
        return _too_deep(path)
    _heredocs_read(tree, text)
    return _trees(_child(tree, "body"))


_HEREDOCS = ("heredoc_template", "heredoc_template_trim")


def _heredocs_read(tree: Node, text: str) -> None:
    """Each heredoc of the tree (`<<EOT`, one token of the grammar's) made the quoted string that writes its
    template, each line's parts parsed on their own (`terraform_json.template_of`) so that each character
    is where the file writes it: its value is then read as a string's, its lines and each line's end,
    `<<-EOT`'s with the indent of its least indented line (not blank) taken off, as HCL takes it; `$${` a
    literal `${`, a backslash itself; its directives (`%{ for }`) as a quoted string's (`_directed`). One of
    an interpolation that goes on over lines stays a value not stated."""
    from migcheck.readers import terraform_json

    if "<<" not in text:  # no heredoc: the tree is not walked
        return
    heredocs = [t for t in tree.iter_subtrees() if t.data in _HEREDOCS and t.children]
    if not heredocs:
        return
    items = terraform_json.Items(text)  # the file's lines, once for all its heredocs
    for heredoc in heredocs:
        token = heredoc.children[0]
        lines = _heredoc_lines(str(token), token.start_pos, heredoc.data == _HEREDOCS[1])
        parts = [_heredoc_line_parts(line, places, items, token.start_pos) for line, places in lines]
        if all(line_parts is not None for line_parts in parts):
            quote = items.token(
                "DBLQUOTE", '"', start_pos=token.start_pos, line=token.line, column=token.column
            )
            heredoc.data = "string"
            heredoc.children = [quote, *(part for line_parts in parts for part in line_parts or []), quote]


def _heredoc_line_parts(line: str, places: list[int], items: Any, start: int) -> list[Node] | None:
    """The string parts of a heredoc's line: a literal line's made as they are (`literal_parts`), one of a
    `${` or `%{` parsed (`template_of`); None for one that does not parse alone."""
    from migcheck.readers import terraform_json

    if all(line[at - 2 : at] in ("$$", "%%") for at in _braces_opened(line)):
        return terraform_json.literal_parts(line, places, items)
    expression = terraform_json.template_of(line, places, items, start=start)
    string = _unwrapped(expression) if expression is not None else None
    return _trees(string) if string is not None and _kind(string) == "string" else None


def _braces_opened(line: str) -> Iterator[int]:
    """The index of each `{` after a `$` or `%` (a template's interpolation or directive, or its escape)."""
    return (at for at in range(1, len(line)) if line[at] == "{" and line[at - 1] in "$%")


def _heredoc_lines(written: str, start: int, trimmed: bool) -> list[tuple[str, list[int]]]:
    """A heredoc's lines between the opening and the closing marker, each with its line end (and the indent
    `<<-` takes off taken off), with the offset in the file of each of its characters, from the heredoc's
    text `written` at `start`."""
    lines = written.split("\n")[1:-2]  # the opening line, the marker's and the empty end after it left out
    at = start + written.index("\n") + 1
    indent = min((len(ln) - len(ln.lstrip()) for ln in lines if ln.strip()), default=0) if trimmed else 0
    found: list[tuple[str, list[int]]] = []
    for line in lines:
        cut = indent if line.strip() else 0
        found.append((line[cut:] + "\n", list(range(at + cut, at + len(line) + 1))))
        at += len(line) + 1
    return found


def _json_items(path: str, text: str) -> list[Node] | FileProblem:
    """The items of a `.tf.json` file, as its `.tf` twin's parse gives them (`terraform_json`); a
    `.tfvars.json` file's, the values it gives, as a `.tfvars` file's attributes."""
    from migcheck.readers import terraform_json

    try:
        items = terraform_json.Items(text)
        if path.lower().endswith(_JSON_VALUES):
            return items.values(terraform_json.parsed(text))
        return items.of(terraform_json.parsed(text))
    except terraform_json.Malformed as error:
        items = terraform_json.Items(text)
        line, column = items.position(min(error.pos, len(text)))
        where = "" if error.placed else " here"
        return FileProblem(
            "syntax",
            f"the Terraform JSON file cannot be parsed: {error.message}{where}, so it is not read",
            Mark(path, line, column=column),
            _refused_by("JSON", path),
        )
    except RecursionError:
        return _too_deep(path)


def _unparsed(path: str, text: str, error: Any) -> FileProblem:
    """Where and why Terraform refuses a file lark stops in: a string or a bracket left open, said where it
    opens, else the token lark stops at, in words."""
    unclosed = _unclosed(text)
    if unclosed is not None:
        what, line, column = unclosed
        return _syntax(path, what, line, column)
    line, column = getattr(error, "line", 1) or 1, getattr(error, "column", 1) or 1
    missing = _value_missing(text, line, column)
    if missing is not None:
        return _syntax(path, f"a value is missing after `{missing[0]} =`", line, missing[1])
    token = str(getattr(error, "token", "") or getattr(error, "char", "") or "").strip()
    if not token or getattr(getattr(error, "token", None), "type", "") == "$END":
        what = "the file ends inside a block or an expression"
    else:
        what = f"`{_short(token)}` is not expected here"
    return _syntax(path, what, line, column)


def _value_missing(text: str, line: int, column: int) -> tuple[str, int] | None:
    """The argument and the column of its `=` where lark stops at the end of a line that ends in
    `<argument> =` (`name =` then `}` or the next argument): a value left out. None for any other place."""
    lines = text.splitlines()
    if not 0 < line <= len(lines) or lines[line - 1][column - 1 :].strip():
        return None
    before = lines[line - 1][: column - 1].rstrip()
    if not before.endswith("=") or before.endswith(("==", "!=", "<=", ">=")):
        return None
    argument = before[:-1].strip()
    if not argument.replace("-", "_").isidentifier():
        return None
    return argument, len(before)


def _short(written: str) -> str:
    first = written.splitlines()[0] if written.splitlines() else written
    return first if len(first) <= 40 else first[:37] + "..."


_CLOSING = {"{": "}", "[": "]", "(": ")"}
_OPENED = {"{": "the block or object", "[": "the list", "(": "the parenthesis"}


def _unclosed(text: str) -> tuple[str, int, int] | None:
    """The first string left open on its line, else the first bracket never closed, with where it opens:
    one pass over the characters, skipping comments and heredocs (HCL's quoted strings end on their line)."""
    opened: list[tuple[str, int, int]] = []
    lines = text.splitlines()
    heredoc = ""
    for number, line in enumerate(lines, 1):
        if heredoc:
            heredoc = "" if line.strip() == heredoc else heredoc
            continue
        found, heredoc = _scan_line(line, number, opened)
        if found is not None:
            return found
    if opened:
        char, opened_on, column = opened[0]
        return f"{_OPENED[char]} opened here is not closed (`{_CLOSING[char]}` missing)", opened_on, column
    return None


def _scan_line(
    line: str, number: int, opened: list[tuple[str, int, int]]
) -> tuple[tuple[str, int, int] | None, str]:
    """One line's brackets onto `opened`; a string left open on it, and the heredoc marker it starts."""
    at = 0
    while at < len(line):
        char = line[at]
        if char == "#" or line.startswith("//", at):
            break
        if char == '"':
            end = _string_end(line, at + 1)
            if end is None:
                return ('the string opened here is not closed on its line (`"` missing)', number, at + 1), ""
            at = end
        elif line.startswith("<<", at):
            marker = line[at + 2 :].lstrip("-").strip()
            if marker.isidentifier():
                return None, marker
        elif char in _CLOSING:
            opened.append((char, number, at + 1))
        elif char in _CLOSING.values() and opened and _CLOSING[opened[-1][0]] == char:
            opened.pop()
        at += 1
    return None, ""


def _string_end(line: str, at: int) -> int | None:
    """The index of the quote that ends a string whose text starts at `at` (its `${ }` and `%{ }` may hold
    quotes; `$${` and `%%{` are text)."""
    depth = 0
    while at < len(line):
        if line[at] == "\\":
            at += 2
            continue
        if line.startswith(("$${", "%%{"), at):
            at += 3
            continue
        if line.startswith(("${", "%{"), at):
            depth += 1
            at += 2
            continue
        if line[at] == "}" and depth:
            depth -= 1
        elif line[at] == '"' and not depth:
            return at
        at += 1
    return None


def _not_utf8(path: str, data: bytes, at: int) -> FileProblem:
    before = data[:at]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
    return FileProblem(
        "syntax",
        "the Terraform file is not UTF-8 here (a byte no UTF-8 character starts or continues with): Terraform "
        "refuses it, so it is not read",
        Mark(path, line, column=column),
        "Save the file as UTF-8 (`iconv -f <its encoding> -t UTF-8`): Terraform reads configurations only in "
        "UTF-8.",
    )


# Of a file that is not text: the characters of it a report shows, and the bytes looked at to tell it.
_EXCERPT = 16
_SAMPLE = 4096
_TEXT_CONTROLS = frozenset(b"\t\n\r\f")


def _binary(data: bytes) -> bool:
    """Whether a file that is not UTF-8 is no text at all (an archive, an image, a compiled state file named
    `.tf`), not text in another encoding: a NUL byte, or more than one byte in twenty a control character, in
    its first `_SAMPLE` bytes."""
    sample = data[:_SAMPLE]
    controls = sum(1 for byte in sample if (byte < 0x20 or byte == 0x7F) and byte not in _TEXT_CONTROLS)
    return b"\x00" in sample or controls * 20 > len(sample)


def _not_text(path: str) -> FileProblem:
    return FileProblem(
        "syntax",
        "the Terraform file is not text (it holds a NUL byte or control characters no text holds): Terraform "
        "refuses it, and every `terraform plan` of its folder with it, so it is not read",
        Mark(path, 1, column=1),
        "Move the file out of the configuration's folder or give it another name, if it is not a "
        "configuration; else restore it from version control: it is not a configuration as it is.",
    )


def _too_deep(path: str) -> FileProblem:
    return FileProblem(
        "syntax",
        "the Terraform file nests expressions deeper than migcheck follows: it is not read",
        Mark(path, 1, column=1),
        "Write the nested lists or objects as variables or locals of their own, a level or two deep each, so "
        "that the file is read.",
    )


# How deep in the syntax tree a node may be before the evaluation that ran out of frames is said to have
# gone too deep there: no expression a person writes comes near it (each `[`, `(`, call or `${` is two to
# four levels of the tree), and the least nesting that runs out of `_EVALUATION_FRAMES` (a thousand nested
# calls) is three thousand.
_NESTING_SAID = 1000


def _evaluated_too_deep(path: str, body: list[Node]) -> FileProblem:
    """A configuration that parses but whose evaluation goes deeper than `_EVALUATION_FRAMES`: said at the
    first node deeper than `_NESTING_SAID` in the file's tree, where an expression nests that deep (lists,
    parentheses, calls, `${` in templates), else at the file's start as a chain of locals or variables each
    built of the next (a thousand and more), which `_too_deep`'s advice would not shorten."""
    nested = _first_deeper_than(body, _NESTING_SAID)
    if nested is not None:
        return FileProblem(
            "syntax",
            "the Terraform file nests expressions deeper than migcheck follows from here on: it is not read",
            _node_mark(path, nested),
            "Write the expression that nests from here as values of their own (locals or variables), a level "
            "or two deep each, so that the file is read.",
        )
    return FileProblem(
        "syntax",
        "the Terraform file nests expressions deeper than migcheck follows, or builds a value through as long a "
        "chain of locals or variables, each built of the next: it is not read",
        Mark(path, 1, column=1),
        "Build each value of the one it needs directly, not through a chain of a thousand locals or more, and "
        "write deeply nested lists or objects a level or two deep each, so that the file is read.",
    )


def _first_deeper_than(body: list[Node], depth: int) -> Node | None:
    """The first node, in the order of the text, more than `depth` levels down the trees of `body`, if
    any: walked with a stack of its own, as the trees are deeper than Python's recursion goes."""
    stack = [(node, 1) for node in reversed(body)]
    while stack:
        node, level = stack.pop()
        if level > depth:
            return node
        if hasattr(node, "data"):  # a Tree (lark is imported with the parse)
            stack.extend((child, level + 1) for child in reversed(node.children))
    return None


def _node_mark(path: str, node: Node) -> Mark:
    """Where a node of the tree starts: a token's own place, a tree's from its meta."""
    if hasattr(node, "data"):  # a Tree (lark is imported with the parse)
        return _mark(path, node)
    return Mark(path, getattr(node, "line", None) or 1, column=getattr(node, "column", None) or 1)


def _syntax(path: str, what: str, line: int, column: int) -> FileProblem:
    return FileProblem(
        "syntax",
        f"the Terraform file cannot be parsed: {what}, so it is not read",
        Mark(path, max(line, 1), column=max(column, 1)),
        _refused_by("HCL", path),
    )


def _refused_by(language: str, path: str) -> str:
    """Who refuses a file Terraform cannot parse: `terraform validate` reads the configuration's `.tf` and
    `.tf.json` files but not the variables' values, which only a plan or an apply loads."""
    if path.lower().endswith(_VALUES):
        return (
            f"Fix the {language} here: every `terraform plan` or `terraform apply` that loads these variables' "
            "values refuses the file as it is."
        )
    return f"Fix the {language} here: `terraform validate` refuses the file as it is, and so does every `terraform plan`."


# --- the module: its files' blocks -------------------------------------------------------------------


@dataclass
class _Resource:
    kind: str
    name: str
    path: str  # the file that declares it
    mark: Mark  # its `resource` keyword
    attributes: dict[str, Node]
    blocks: list[tuple[str, Node]]  # nested blocks (`endpoint`, `subnet`) in order, with their bodies


class _Call(NamedTuple):
    """A `module` block: the file that writes it, its arguments' expressions, its `module` keyword, and its
    name (`module "site"`), by which the caller reads its outputs (`module.site.network_name`)."""

    path: str
    given: dict[str, Node]
    mark: Mark
    name: str = ""


@dataclass
class _Module:
    path: str
    resources: dict[tuple[str, str], _Resource] = field(default_factory=dict)  # of the classic types
    # Of other types, with a `local-exec` provisioner: Terraform runs it whatever the resource's type.
    provisioned: dict[tuple[str, str], _Resource] = field(default_factory=dict)
    # Of the `azurerm` types that may reach into classic resources (`terraform_azurerm.READ`).
    reaching: dict[tuple[str, str], _Resource] = field(default_factory=dict)
    # Of Terraform's own types that hold values (`null_resource`, `terraform_data`), whose attributes are
    # what their blocks write, which the others' arguments and provisioners reference.
    holding: dict[tuple[str, str], _Resource] = field(default_factory=dict)
    # Of the `azurerm` types, all: another's argument names one by its `name` (`azurerm_virtual_network.hub.name`);
    # and their data sources, by `data.<type>` (`data.azurerm_virtual_network.hub.name`).
    named_blocks: dict[tuple[str, str], _Resource] = field(default_factory=dict)
    variables: dict[str, tuple[str, Node]] = field(default_factory=dict)  # its default, in its file
    given: dict[str, tuple[str, Node]] = field(default_factory=dict)  # a .tfvars file's value
    locals: dict[str, tuple[str, Node]] = field(default_factory=dict)  # a `locals` block's value, in its file
    provider: tuple[str, dict[str, Node]] | None = None
    calls: list[_Call] = field(default_factory=list)  # `module` blocks, in their files
    outputs: dict[str, tuple[str, Node]] = field(
        default_factory=dict
    )  # an `output` block's value, in its file
    files: set[str] = field(default_factory=set)  # the files whose blocks it holds
    # The text of each of its files read, by path, where its `azapi` resources' values are marked.
    texts: dict[str, str] = field(default_factory=dict)
    # Its folder, from the folder of the file read (`.`); a called module's, that of the call's source.
    folder: str = "."
    # Where the module first says it needs Terraform 0.12 or later (`terraform_versions`: a `features` block of
    # its azurerm provider, a `required_version`, a `required_providers` entry), which the classic provider has
    # no release for; None where it says nothing of it.
    needs_terraform_0_12: Mark | None = None
    _refuses: bool | None = None  # `refuses_classic`'s answer, once found
    # The type and name of each of its `resource` blocks, whatever the type.
    declared: set[tuple[str, str]] = field(default_factory=set)
    # Whether every file of its folder the run checks was read with it (beside the file read, each parses):
    # only then does a reference to a resource none declares name one the configuration lacks.
    whole: bool = False
    _first_places: dict[str, Mark] | None = None

    def made(self) -> list[_Resource]:
        """The resources the module makes that migcheck reads: its classic ones, then the others whose
        provisioners it runs."""
        return [*self.resources.values(), *self.reaching.values(), *self.provisioned.values()]

    def named(self, kind: str, name: str) -> tuple[str, Node] | None:
        """A variable's value (a `.tfvars` file's, else its `default`) or a local's, with its file."""
        if kind == "local":
            return self.locals.get(name)
        return self.given.get(name) or self.variables.get(name)

    def first_place(self, node: Node) -> Mark | None:
        """Where the module first writes an argument's expression as `node` writes it, in the order its
        resources are made (`_ORDER`, then by file and line), so that each of its files names the value
        the module does not state by one place: None for an expression of `count`, `each` or `self`,
        which each resource has its own of."""
        if self._first_places is None:
            self._first_places = {}
            resources = sorted(
                self.resources.values(), key=lambda r: (_ORDER.get(r.kind, len(_ORDER)), r.path)
            )
            for resource in resources:
                for path, value in _argument_values(resource):
                    if _module_wide(value):
                        self._first_places.setdefault(_written(value), _value_mark(path, value))
        return self._first_places.get(_written(node)) if _module_wide(node) else None

    @classmethod
    def of(cls, path: str, body: list[Node], text: str) -> _Module:
        """The module of the file `path`: its own blocks, and those of the files beside it that this run
        checks (`beside`: read once per run each)."""
        module = cls(path)
        module.add(path, body)
        module.texts[path] = text
        # Read alone (a test, the plugin), the file is read without the files beside it.
        module.whole = beside.finding()
        for name in beside.files_beside():
            if name == posixpath.basename(path) or not name.endswith((".tf", _JSON, *_VALUES)):
                continue
            # Read with the file as Terraform reads a module's files, not loaded by a line of it.
            settings = beside.settings_file(name, loaded=False)
            if settings is None:
                module.whole = False
                continue
            other = beside.values_of(settings, _items_of)
            if other is None:
                module.whole = False
            if other is not None and name.endswith((".tf", _JSON)):
                module.add(settings.path, other)
                module.texts[settings.path] = _settings_text(settings)
            elif other is not None and (name in _VALUE_FILES or name.endswith(_AUTO_VALUES)):
                module.given.update((key, (settings.path, node)) for key, node in _attributes(other).items())
        return module

    @classmethod
    def called(cls, folder: str, given: dict[str, Node], caller: str, at: Mark) -> _Module | None:
        """The module of the folder a `module` block calls (`folder`, from the folder of the file read): the
        blocks of its `.tf` and `.tf.json` files this run checks (not its `.tfvars` files: Terraform reads
        those for the root module only), its variables given the values the call passes (the caller's
        expressions, in `caller`, the file that writes them); None for a folder of no such file. `at`: the
        call's `source`, where a file of the folder the run cannot read is said (`beside.settings_file`)."""
        module: _Module | None = None
        for name in _module_files(folder):
            settings = beside.settings_file(name, at=at)
            body = beside.values_of(settings, _items_of) if settings is not None else None
            if settings is None or body is None:
                continue
            module = module or cls(settings.path, folder=folder)
            module.add(settings.path, body)
            module.texts[settings.path] = _settings_text(settings)
        if module is not None:
            passed = ((name, node) for name, node in given.items() if name not in _CALL_ARGUMENTS)
            module.given = {name: (caller, node) for name, node in passed}
        return module

    def add_resource(self, path: str, item: Node, labels: list[str], inner: list[Node]) -> None:
        """A classic resource into `resources`; one of another type (`null_resource`, `azurerm_*`, AWS's
        `aws_instance` under a provider aliased `azure`) into `provisioned` if it has a `local-exec`
        provisioner, which Terraform runs whatever the resource's type."""
        attributes = _attributes(inner)
        nested = [(_block_parts(b)[0], b) for b in inner if _kind(b) == "block"]
        resource = _Resource(labels[0], labels[1], path, _mark(path, item), attributes, nested)
        self.declared.add((labels[0], labels[1]))
        aws = labels[0] == "azure_instance" and not _AWS_ARGUMENTS.isdisjoint(attributes)
        if labels[0] in _HOLDING:
            self.holding.setdefault((labels[0], labels[1]), resource)
        if labels[0].startswith(_AZURERM):
            self.named_blocks.setdefault((labels[0], labels[1]), resource)
        if labels[0] in CLASSIC_TYPES and not aws:
            self.resources.setdefault((labels[0], labels[1]), resource)
        elif labels[0] in terraform_azurerm.READ or labels[0] in terraform_azapi.READ:
            self.reaching.setdefault((labels[0], labels[1]), resource)
        elif any(_block_parts(block)[1] == ["local-exec"] for kind, block in nested if kind == "provisioner"):
            self.provisioned.setdefault((labels[0], labels[1]), resource)

    def add(self, path: str, body: list[Node]) -> None:
        self.files.add(path)
        for item in body:
            if _kind(item) != "block":
                continue
            keyword, labels, inner = _block_parts(item)
            if keyword == "variable" and len(labels) == 1:
                default = _attributes(inner).get("default")
                if default is not None:
                    self.variables.setdefault(labels[0], (path, default))
            elif keyword == "locals" and not labels:
                for name, value in _attributes(inner).items():
                    self.locals.setdefault(name, (path, value))
            elif keyword == "resource" and len(labels) == 2:
                self.add_resource(path, item, labels, inner)
            elif keyword == "data" and len(labels) == 2 and labels[0].startswith(_AZURERM):
                kind = f"data.{labels[0]}"  # apart from a resource of its type and name
                found = _Resource(kind, labels[1], path, _mark(path, item), _attributes(inner), [])
                self.named_blocks.setdefault((kind, labels[1]), found)
            elif keyword == "module" and len(labels) == 1:
                self.calls.append(_Call(path, _attributes(inner), _mark(path, item), labels[0]))
            elif keyword == "output" and len(labels) == 1 and "value" in _attributes(inner):
                self.outputs.setdefault(labels[0], (path, _attributes(inner)["value"]))
            elif keyword == "provider" and labels == ["azure"] and path == self.path:
                self.provider = (path, _attributes(inner))
            elif keyword == "provider" and labels == ["azurerm"]:
                self.needs_terraform_0_12 = self.needs_terraform_0_12 or _azurerm_2(path, inner)
            elif keyword == "terraform" and not labels:
                self.needs_terraform_0_12 = self.needs_terraform_0_12 or _terraform_0_12(path, inner)

    def refuses_classic(self) -> bool:
        """Whether Terraform cannot run the classic provider for the configuration whose root module this is:
        it or a module it calls (of a folder of the configuration's own, at any depth) needs Terraform 0.12
        or later, and the classic provider's releases predate it (no `azure` plugin is compatible with
        0.12), so none of its classic blocks was applied. Terraform installs one version of each provider and
        runs one version for the whole configuration, so one module's need is all of theirs."""
        if self._refuses is None:
            # Of the folder read (each of its files reads this root module): found once per folder.
            found = functools.partial(any, (m.needs_terraform_0_12 is not None for m in self.configuration()))
            self._refuses = beside.once_per_folder("terraform-needs-0.12", found)
        return self._refuses

    def configuration(self) -> Iterator[_Module]:
        """This module, then each module of a folder of the configuration's own it calls, directly or through
        others, once each (its blocks alone: no values passed), at most `_MOST_CALLS` of them."""
        yield self
        seen = {posixpath.normpath(self.folder)}
        waiting = [self]
        while waiting and len(seen) <= _MOST_CALLS:
            caller = waiting.pop(0)
            for call in caller.calls:
                source = _label(_unwrapped(call.given["source"])) if "source" in call.given else ""
                folder = posixpath.normpath(posixpath.join(caller.folder, source))
                if not source.startswith(_LOCAL_SOURCES) or folder in seen:
                    continue
                seen.add(folder)
                called = _Module.called(folder, {}, call.path, _value_mark(call.path, call.given["source"]))
                if called is not None:
                    yield called
                    waiting.append(called)


def _azurerm_2(path: str, inner: list[Node]) -> Mark | None:
    """Where a `provider "azurerm"` block's body says it needs azurerm 2.0 or later (so Terraform 0.12 or
    later): its `features` block (a block in the native syntax; a member in the JSON syntax, which writes a
    block as an object), or a `version` allowing no version below 2.0."""
    features = [b for b in inner if _kind(b) == "block" and _block_parts(b)[0] == "features"]
    written = features[0] if features else _attributes(inner).get("features")
    if written is not None:
        return _mark(path, written)
    version = _attributes(inner).get("version")
    if version is not None and terraform_versions.needs_at_least(
        _constant(version), terraform_versions.AZURERM_2_0
    ):
        return _mark(path, version)
    return None


def _terraform_0_12(path: str, inner: list[Node]) -> Mark | None:
    """Where a `terraform` block's body says it needs Terraform 0.12 or later (`terraform_versions`): its
    `required_version`, or its `required_providers` (a block in the native syntax, an object in the JSON
    syntax) naming azurerm 2.0 or later or writing an entry of a `source`."""
    attributes = _attributes(inner)
    required = attributes.get("required_version")
    if required is not None and terraform_versions.needs_at_least(
        _constant(required), terraform_versions.TERRAFORM_0_12
    ):
        return _mark(path, required)
    entries = [
        entry
        for block in inner
        if _kind(block) == "block" and _block_parts(block)[0] == "required_providers"
        for entry in _attributes(_block_parts(block)[2]).items()
    ]
    if "required_providers" in attributes:
        entries += _constant_members(attributes["required_providers"]).items()
    for name, entry in entries:
        members = _constant_members(entry)
        if "source" in members:
            return _mark(path, members["source"])
        version = members.get("version", entry)
        if name == "azurerm" and terraform_versions.needs_at_least(
            _constant(version), terraform_versions.AZURERM_2_0
        ):
            return _mark(path, version)
    return None


def _constant(node: Node) -> str:
    """A string written as a constant (`">= 0.12"`), else "" (a version constraint is never an expression)."""
    node = _unwrapped(node)
    parts = _trees(node)
    if _kind(node) != "string" or any(_kind(p) != "string_part" for p in parts):
        return ""
    return "".join(_literal(p)[0] for p in parts)


def _constant_members(node: Node) -> dict[str, Node]:
    """An object's members of a name or constant string key (`{ source = "...", version = "..." }`), each its
    expression; none for another expression."""
    node = _unwrapped(node)
    members: dict[str, Node] = {}
    if _kind(node) != "object":
        return members
    for element in (e for e in _trees(node) if _kind(e) == "object_elem"):
        parts = _trees(element)
        key = _unwrapped(_trees(parts[0])[0]) if parts and _trees(parts[0]) else None
        if key is not None and len(parts) >= 2:
            members.setdefault(_name(key) if _kind(key) == "identifier" else _constant(key), parts[-1])
    return members


def _folder_from(base: str, folder: str) -> str:
    """`folder`, named from the folder `base`, named as `base` is named (from the same folder)."""
    return posixpath.normpath(posixpath.join(base, folder))


def _module_files(folder: str) -> list[str]:
    """The `.tf` and `.tf.json` files of the folder `folder` (not of its subfolders) this run checks, in order."""
    return [name for name in beside.files_in(folder) if name.endswith((".tf", _JSON))]


def _argument_values(resource: _Resource) -> list[tuple[str, Node]]:
    """The expressions of a resource's arguments and of its nested blocks' arguments, in order."""
    nested = [v for _, b in resource.blocks for v in _attributes(_block_parts(b)[2]).values()]
    return [(resource.path, value) for value in [*resource.attributes.values(), *nested]]


_OWN_VALUES = frozenset({"count", "each", "self"})
# Terraform's own resource types that hold the values their blocks write, by the attributes that give them:
# each the argument of that name, but `terraform_data`'s `output`, which is its `input`.
_HOLDING = {
    "null_resource": {"triggers": "triggers"},
    "terraform_data": {"input": "input", "output": "input", "triggers_replace": "triggers_replace"},
}
_OWN_ONE = frozenset({"count", "for_each"})  # the arguments that make a block more than one resource


def _module_wide(node: Node) -> bool:
    """Whether an expression means the same in every resource of the module: one of no `count.index`,
    `each.key` or `self.name`."""
    stack = [node]
    while stack:
        here = stack.pop()
        if _kind(here) == "identifier" and _name(here) in _OWN_VALUES:
            return False
        stack.extend(_trees(here))
    return True


def _written(node: Node) -> str:
    return "".join(str(t) for t in node.scan_values(lambda _: True))


def _value_mark(path: str, node: Node) -> Mark:
    """Where a value is shown (as `_Configuration.word` shows it): a quoted string's at its opening quote
    (`"${var.x}"` too), which marks it as a value shown whole with its quotes, as every format shows one
    (`SourceText.locate`); any other at the expression."""
    return _mark(path, _unwrapped(node))


def _items_of(settings: beside.Settings) -> list[Node] | None:
    """The top-level items of a file beside the one read, or None for one that does not parse."""
    try:
        text = _settings_text(settings)
    except UnicodeDecodeError:  # refused by Terraform: its own check says so
        return None
    parsed = _parsed(settings.path, text)
    return None if isinstance(parsed, FileProblem) else parsed


def _settings_text(settings: beside.Settings) -> str:
    return settings.data.decode("utf-8").removeprefix("\ufeff")


# --- the lark tree -------------------------------------------------------------------------------------


def _kind(node: Node) -> str:
    return str(getattr(node, "data", ""))


def _trees(node: Node | None) -> list[Node]:
    return [c for c in getattr(node, "children", ()) if hasattr(c, "data")]


def _items(collection: Node) -> list[Node]:
    """A list's items (a `tuple`'s expressions), or a call's arguments: not the line breaks and comments of
    one written over lines."""
    return [item for item in _trees(collection) if _kind(item) != "new_line_or_comment"]


def _child(node: Node, kind: str) -> Node | None:
    return next((c for c in _trees(node) if _kind(c) == kind), None)


def _name(node: Node) -> str:
    """An identifier's name."""
    return "".join(str(t) for t in node.scan_values(lambda _: True))


def _block_parts(block: Node) -> tuple[str, list[str], list[Node]]:
    """A block's keyword, its labels (quoted or bare), and the items of its body."""
    parts = _trees(block)
    keyword = _name(parts[0]) if parts and _kind(parts[0]) == "identifier" else ""
    labels = [_label(p) for p in parts[1:] if _kind(p) in ("string", "identifier")]
    body = _child(block, "body")
    return keyword, labels, _trees(body) if body is not None else []


def _label(node: Node) -> str:
    if _kind(node) == "identifier":
        return _name(node)
    return "".join(str(t) for part in _trees(node) for t in part.children if not hasattr(t, "data"))


def _attributes(items: list[Node]) -> dict[str, Node]:
    """A body's attributes by their names, each its value's expression."""
    found = {}
    for item in items:
        if _kind(item) == "attribute":
            parts = _trees(item)
            if len(parts) >= 2:
                found[_name(parts[0])] = parts[-1]
    return found


def _mark(path: str, node: Node) -> Mark:
    meta = node.meta
    return Mark(path, meta.line if not meta.empty else 1, column=meta.column if not meta.empty else 1)


def _unwrapped(node: Node) -> Node:
    while _kind(node) == "expr_term" and len(_trees(node)) == 1 and len(node.children) == 1:
        node = node.children[0]
    return node


def _path(node: Node) -> list[str] | None:
    """A reference's names (`var.size` → ["var", "size"]), each index or splat a `*`, which of several is
    not told by the name, the attributes after a splat kept (`azure_instance.web[0].name`,
    `azure_instance.web.*.name` and `azure_instance.web[*].name` → [..., "*", "name"]); None for any other
    expression."""
    return _walked(node, keep_indexes=False)


# The named values of a module whose members are read (`var.x.y`, `local.m["k"]`), and the functions that
# pick a member of an object or list.
_NAMED = ("var", "local")
_PICKING = ("lookup", "element")
_LOCAL_SOURCES = ("./", "../")  # a module source in a folder of the configuration (Terraform's local paths)
# The arguments of a `module` block that are Terraform's own, not values of the module's variables.
_CALL_ARGUMENTS = frozenset({"source", "version", "providers", "depends_on", "count", "for_each"})
# At most this many module calls are read for one file, nested ones counted, and at most this deep: a folder
# called from many places is read once per call, so a chain of modules each calling the next twice would
# otherwise read the last an exponential number of times.
_MOST_CALLS = 32
_MOST_CALL_DEPTH = 8
# The functions whose value is a list built of the lists or texts given, that `_Configuration.listed` reads.
_LIST_FUNCTIONS = (
    "concat",
    "flatten",
    "tolist",
    "distinct",
    "compact",
    "reverse",
    "sort",
    "split",
    "values",
    "keys",
)
_SETS = ("toset", "tomap")
# The expressions of a collection, whose members a value's reference may take (`each.value.subnet`).
_COLLECTIONS = ("object", "tuple", "for_tuple_expr", "for_object_expr")
# The data sources that give the subscription the `azurerm` provider works in.
_SUBSCRIPTION_SOURCES = ("azurerm_subscription", "azurerm_client_config")
_PROVIDER_SUBSCRIPTION = (
    "the azurerm provider's subscription"  # the functions a `for_each` value is written in that keep its keys
)


def _steps(node: Node) -> list[str | Node] | None:
    """A reference's steps: each name (`var`, `x`, `.y`, `.0`) as a string, each index in brackets
    (`["k"]`, `[count.index]`) as its expression; None for any other expression, and for a splat."""
    return _walked(node, keep_indexes=True)


def _walked(node: Node, keep_indexes: bool) -> list[Any] | None:
    """A reference's steps from its root name on (`_path`, `_steps`): each attribute's name; each index
    and splat as `_step` takes it with `keep_indexes`, None where it takes none."""
    node = _unwrapped(node)
    kind = _kind(node)
    if kind == "identifier":
        return [_name(node)]
    if kind not in ("get_attr_expr_term", "index_expr_term") and (keep_indexes or kind not in _SPLATS):
        return None
    parts = _trees(node)
    head = _walked(parts[0], keep_indexes) if parts else None
    if head is None:
        return None
    for part in parts[1:]:
        step = _step(part, keep_indexes)
        if step is None:
            return None
        head.append(step)
        if _kind(part) in _SPLAT_PARTS:  # `.*.name`, `[*].name`: the splat's attributes and indexes
            head += [_step(inner, keep_indexes) for inner in _trees(part)]
    return head


# A splat (`azure_instance.web.*.name`, Terraform 0.11's, and `azure_instance.web[*].name`), and its part
# that holds the attributes it takes of each instance.
_SPLATS = ("attr_splat_expr_term", "full_splat_expr_term")
_SPLAT_PARTS = ("attr_splat", "full_splat")


def _step(part: Node, keep_indexes: bool) -> str | Node | None:
    """An attribute's name; with `keep_indexes`, an index as written (`.0` its digits, `["k"]` its
    expression) and None for a splat; else `*` for an index or a splat alike."""
    if _kind(part) == "get_attr":
        return _name(_trees(part)[0])
    if not keep_indexes:
        return "*"
    if _kind(part) == "short_index":
        return "".join(str(t) for t in part.children if str(t) != ".")
    if _kind(part) == "braces_index" and _trees(part):
        return _trees(part)[0]
    return None


# An item's value, of a `for_each`, a `dynamic` block or a `for` expression: its expression with the file that
# writes it; the value itself, of an item of a list a function builds (`concat(...)`), which no expression
# writes; an object a `for` expression writes for each item (`v.name => { id = v.id }`), its members worked
# out with the item; None where the module does not state it.
_Value = tuple[str, Node] | Word | dict[str, Word] | None


def _value_word(c: _Configuration, value: tuple[str, Node] | Word) -> Word:
    """An item's value (`_Value`) as a word: its expression's, or the value itself."""
    return value if isinstance(value, Word) else c.word(*value, _mark(*value))


def _at_position(
    keyed: list[tuple[Word, _Value]] | None, position: str | None, wraps: bool
) -> tuple[None, Word, _Value] | None:
    """The `each.key` and `each.value` of the instance at `position` among a `for_each` block's `keyed`
    instances, in the order of their keys, as Terraform lists them; past their number, counted on from the
    first where `wraps`, else none. None where a key is not stated: the order is not known."""
    number = whole_number(position) if position is not None else None
    if not keyed or number is None or any(key.text is None for key, _ in keyed):
        return None
    ordered = sorted(keyed, key=lambda pair: str(pair[0].text))
    if number >= len(ordered) and not wraps:
        return None
    key, value = ordered[number % len(ordered)]
    return None, key, value


def _values_picked(node: Node) -> tuple[tuple[str, str], str | Node, str] | None:
    """Of `values(azure_instance.web)[i].name`: the resource's type and name, the index (`.0` its digits,
    `[i]` its expression) and the attribute; None for any other expression."""
    node = _unwrapped(node)
    parts = _trees(node) if _kind(node) == "get_attr_expr_term" else []
    indexed = _unwrapped(parts[0]) if len(parts) == 2 else None
    inner = _trees(indexed) if indexed is not None and _kind(indexed) == "index_expr_term" else []
    call = _unwrapped(inner[0]) if len(inner) == 2 else None
    if call is None or _kind(call) != "function_call" or _function(call)[0] != "values":
        return None
    arguments = _function(call)[1]
    names = _path(arguments[0]) if len(arguments) == 1 else None
    index, attribute = _step(inner[1], keep_indexes=True), _step(parts[1], keep_indexes=True)
    if names is None or len(names) != 2 or index is None or not isinstance(attribute, str):
        return None
    return (names[0], names[1]), index, attribute


class _For(NamedTuple):
    """A `for` expression's parts: its names, the collection it goes over, the key expression (of one that
    builds a map) and the value's, its `if`, and whether it groups values of one key (`...`)."""

    names: list[str]
    collection: Node
    key: Node | None
    value: Node
    condition: Node | None
    grouped: bool


def _for_parts(node: Node) -> _For | None:
    """The parts of a `for` expression (`[for i, v in l : v if v != ""]`, `{for k, v in m : k => v}`)."""
    intro = _child(node, "for_intro")
    names = [_name(t) for t in _trees(intro) if _kind(t) == "identifier"]
    collection = [t for t in _trees(intro) if _kind(t) not in ("identifier", "new_line_or_comment")]
    condition = _child(node, "for_cond")
    built = [t for t in _trees(node) if _kind(t) not in ("for_intro", "for_cond", "new_line_or_comment")]
    wanted = 2 if _kind(node) == "for_object_expr" else 1
    if intro is None or len(names) not in (1, 2) or len(collection) != 1 or len(built) != wanted:
        return None
    tested = [t for t in _trees(condition) if _kind(t) != "new_line_or_comment"] if condition else []
    grouped = any(str(t) == "..." for t in node.children if not hasattr(t, "data"))
    key = built[0] if wanted == 2 else None
    return _For(names, collection[0], key, built[-1], tested[0] if tested else None, grouped)


def _is_list(node: Node) -> bool:
    """Whether an expression is written as a list: `[...]`, a `for` expression's, or a function's of lists."""
    kind = _kind(node)
    return kind in ("tuple", "for_tuple_expr") or (
        kind == "function_call" and _function(node)[0] in _LIST_FUNCTIONS
    )


def _merge(node: Node) -> bool:
    """Whether an expression is a call of `merge` (of maps)."""
    return _kind(node) == "function_call" and _function(node)[0] == "merge"


# The type of the value each of these functions gives, whatever its arguments.
_FUNCTION_TYPES = {
    **dict.fromkeys(
        ("tostring", "format", "join", "lower", "upper", "replace", "trimspace", "substr"), "string"
    ),
    **dict.fromkeys(("cidrsubnet", "cidrhost", "formatdate", "jsonencode", "base64encode"), "string"),
    **dict.fromkeys(("tonumber", "length", "max", "min", "abs", "ceil", "floor", "parseint"), "number"),
    **dict.fromkeys(("tobool", "contains", "can", "startswith", "endswith", "alltrue", "anytrue"), "bool"),
}


def _call_steps(node: Node) -> tuple[Node, list[str | Node]] | None:
    """A member of a function's result (`jsondecode(...).vms[0].name`, `lookup(var.m, "k").id`): the call,
    and the steps after it, each as `_steps` has it; None for any other expression."""
    node = _unwrapped(node)
    if _kind(node) not in ("get_attr_expr_term", "index_expr_term"):
        return None
    parts = _trees(node)
    base = _unwrapped(parts[0]) if parts else None
    if base is None:
        return None
    head = (base, []) if _kind(base) == "function_call" else _call_steps(base)
    if head is None:
        return None
    for part in parts[1:]:
        step = _step(part, keep_indexes=True)
        if step is None or _kind(part) in _SPLAT_PARTS:
            return None
        head[1].append(step)
    return head


def _decodes_a_file(node: Node) -> bool:
    return _kind(node) == "function_call" and _function(node)[0] in _DECODING


_DECODING = ("jsondecode", "yamldecode")


def _yaml_value(settings: beside.Settings) -> Node | None:
    """`_json_value` of a YAML file (`yamldecode`), each value taken as YAML decodes it."""
    from migcheck.readers import terraform_json

    try:
        text = settings.data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None
    root = terraform_json.yaml_value(text)
    if root is None:
        return None
    items = terraform_json.Items(text)
    items.literal = items.decoded_only = True
    try:
        return items.expression(root)
    except RecursionError:
        return None


def _json_value(settings: beside.Settings) -> Node | None:
    """The value a JSON file holds as the expression that writes it, each string a literal (`jsondecode`
    reads no template in it), each value where the file writes it; None for a file that is not UTF-8 JSON."""
    from migcheck.readers import terraform_json

    try:
        text = settings.data.decode("utf-8").removeprefix("\ufeff")
        items = terraform_json.Items(text)
        items.literal = True
        return items.expression(terraform_json.parsed(text))
    except (UnicodeDecodeError, terraform_json.Malformed, RecursionError):
        return None


def _function(node: Node) -> tuple[str, list[Node]]:
    """A function call's name and its arguments' expressions."""
    parts = _trees(node)
    name = _name(parts[0]) if parts and _kind(parts[0]) == "identifier" else ""
    arguments = _child(node, "arguments")
    return name, _items(arguments) if arguments is not None else []


def _referenced(node: Node) -> list[str] | None:
    """The names of the reference an expression is, bare or alone in a string (`"${azure_instance.web.id}"`),
    a resource's attribute taken through a splat as the attribute (`_unsplatted`)."""
    node = _unwrapped(node)
    inner = _interpolated(node)
    if inner is node and _kind(node) == "string":
        return None
    names = _path(inner)
    return _unsplatted(names) if names is not None else None


def _interpolated(node: Node) -> Node:
    """The expression a string is only the `${...}` of (`"${var.endpoints}"`, which is that value itself,
    not a string of it: the form older configurations and JSON's write), else the expression as it is."""
    node = _unwrapped(node)
    parts = _trees(node) if _kind(node) == "string" else []
    inner = (
        _child(parts[0], "interpolation") if len(parts) == 1 and _kind(parts[0]) == "string_part" else None
    )
    expression = next(iter(_trees(inner)), None) if inner is not None else None
    return _unwrapped(expression) if expression is not None else node


def _unsplatted(names: list[str]) -> list[str]:
    """A reference to an attribute of a resource's instances (`azure_instance.web.*.name`,
    `azure_instance.web[0].name`) as one to the attribute of the resource (`azure_instance.web.name`): the
    same value where its block makes one resource, where a block of `count` or `for_each` has a value for
    each instance (`_Configuration.argument` says it not stated)."""
    resource = names[0] not in (*_NAMED, "self", "count", "each", "path", "module", "data")
    return [*names[:2], names[3]] if resource and len(names) == 4 and names[2] == "*" else names


def _unescaped(chars: str) -> str:
    """A quoted string's characters as Terraform reads them: its escapes and `$${` taken."""
    if "\\" not in chars and "$${" not in chars and "%%{" not in chars:
        return chars
    return _unescaped_at(chars)[0]


def _unescaped_at(chars: str) -> tuple[str, list[int]]:
    """`_unescaped`, with the offset in `chars` of each character read: an escape's characters where it
    starts (the `$` of `$${`, the `\\` of `\\u0041`)."""
    out: list[str] = []
    offsets: list[int] = []
    at = 0
    escapes = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
    while at < len(chars):
        code = _code_point(chars, at)
        if code is not None:  # `\uNNNN`, `\UNNNNNNNN`: the character they name
            read, taken = chr(code), 6 if chars[at + 1] == "u" else 10
        elif chars[at] == "\\" and at + 1 < len(chars):
            read, taken = escapes.get(chars[at + 1], chars[at + 1]), 2
        elif chars.startswith(("$${", "%%{"), at):
            read, taken = chars[at] + "{", 3
        else:
            read, taken = chars[at], 1
        out.append(read)
        offsets += [at] * len(read)
        at += taken
    return "".join(out), offsets


def _code_point(chars: str, at: int) -> int | None:
    """The character a `\\uNNNN` or `\\UNNNNNNNN` escape at `at` names, or None where none is written there (or
    the number names no character)."""
    if chars[at] != "\\" or chars[at + 1 : at + 2] not in ("u", "U"):
        return None
    size = 4 if chars[at + 1] == "u" else 8
    digits = chars[at + 2 : at + 2 + size]
    if len(digits) != size or not all(c in string.hexdigits for c in digits):
        return None
    code = int(digits, 16)
    return code if code <= sys.maxunicode and not 0xD800 <= code <= 0xDFFF else None


# --- values --------------------------------------------------------------------------------------------


class _Configuration:
    """Evaluates the module's values and runs its file's resources as the classic CLI's commands."""

    def __init__(
        self, module: _Module, lines: shell.CommandLines, caller: _Configuration | None = None
    ) -> None:
        self.module = module
        self.lines = lines
        # The configuration of the module whose `module` block called this one: its files' expressions (the
        # values the call passes) are evaluated there, with its variables.
        self.caller = caller
        self.index: Word | None = None  # `count.index` of the resource made now
        # The item made now, by the name of what iterates over it: `each` of a resource of `for_each`, and
        # the iterator of a `dynamic` block (`endpoint`, or its `iterator`) whose `content` is made now: its
        # key (`each.key`), and its value's expression (`each.value`; None where the module does not state it).
        self.iterators: dict[str, tuple[Word, _Value]] = {}
        # The names of the `for` expressions whose items are made now, each the item's `key` or `value`.
        self.for_roles: dict[str, str] = {}
        # The lists of expressions that name nothing bound (`listed`), by their file, node and the most items
        # read; and the names each expression's references start with, by its node.
        self.named_lists: dict[tuple[str, str, str], list[Word] | None] = {}
        self.roots: dict[int, frozenset[str]] = {}
        self.evaluating: set[tuple[str, str, str]] = set()
        self.known: dict[tuple[str, str, str], Word] = {}
        self.followed: dict[tuple[str, str, str], tuple[str, Node] | None] = {}  # `named_written`'s
        self.objects: dict[int, dict[str, Node]] = {}  # each object's members, by the object node's id
        self.text = ""  # the source of the file whose value is evaluated, for a value's holder
        # The cloud services an `azure_instance` has made its deployment in (by name without case): the
        # provider puts each in the Production slot, so a second one in a service is refused.
        self.deployed: set[str] = caller.deployed if caller is not None else set()
        # The cloud service each `azure_instance` of the configuration is declared in, by the VM's name (both
        # stated, without case), refused or not: a data disk of one in a service of another name is not
        # attached, however its `virtual_machine` names the VM.
        self.vm_services: dict[str, str] = caller.vm_services if caller is not None else {}
        self.current: _Resource | None = None  # the resource whose provisioners run now, `self` in them
        # Provisioners' commands in PowerShell and Python, read after the shell's, each as a script of its own.
        self.held: list[_Held] = caller.held if caller is not None else []
        # The records the `azurerm` resources that reach into classic ones give (`terraform_azurerm`).
        self.reaching: list[object] = caller.reaching if caller is not None else []
        # The `azapi` resources of types the rules read, worked out (`terraform_azapi`).
        self.azapi: list[terraform_azapi.Resource] = caller.azapi if caller is not None else []
        # The module calls yet to read for the file (shared by the modules it calls), and the resources of
        # the modules read.
        self.calls_left: list[int] = caller.calls_left if caller is not None else [_MOST_CALLS]
        self.called: list[_Resource] = caller.called if caller is not None else []
        # Where the calls a provisioner's shell command makes are marked (`Script.provisioner_calls`).
        self.provisioner_calls: set[Mark] = caller.provisioner_calls if caller is not None else set()
        # The `module` blocks of the file read whose modules made resources, in the order they are read.
        self.calling: list[Mark] = []
        # The folders of the modules whose outputs are being evaluated, outermost first (`module_output`): a
        # module whose output is the output of a module that calls it back is refused by Terraform.
        self.outputs_of: tuple[str, ...] = caller.outputs_of if caller is not None else ()
        # How many more blocks each `azurerm` resource's `dynamic` blocks may write (`_MOST_DYNAMIC_BLOCKS`).
        self.dynamic_left: dict[tuple[str, str, str], list[int]] = {}
        # Each reference to a resource of the classic provider no block of its module declares, which
        # Terraform refuses, where it is written, as written (`undeclared_resource`).
        self.undeclared: dict[Mark, str] = caller.undeclared if caller is not None else {}

    # --- expressions

    def word(self, path: str, node: Node | None, at: Mark) -> Word:
        """The value of an expression as one word: its text where the module states it, else a value not
        stated, held by the expression's source (`var.x`, `format(...)`)."""
        if node is None:
            return Word(None, at)
        if self.caller is not None and path not in self.module.files:  # a value the call passes
            return self.caller.word(path, node, at)
        node = _unwrapped(node)
        kind = _kind(node)
        mark = _mark(path, node)
        if kind in ("int_lit", "float_lit"):
            return Word(_name(node), mark, exact=True)
        if kind == "string":
            return self.string(path, node)
        if kind in ("identifier", "literal_value") and _name(node) in ("true", "false"):
            return Word(_name(node), mark, exact=True)
        if kind == "conditional":
            return self.conditional(path, node, mark)
        if kind in ("binary_op", "unary_op"):
            return self.operated(path, node, mark)
        if _parenthesised(node):
            return self.word(path, _trees(node)[0], at)
        steps = self.for_steps(_steps(node))
        made = self.made_member(steps, mark) if steps is not None else None
        if made is not None:  # `each.value.id` of an object a `for` expression wrote for the item
            return made
        if steps is not None and self.followable(steps, members=True):  # `var.x.y`, `local.m["k"]`
            return self.member_word(path, node, mark)
        instance = self.instance_word(path, node, steps, mark)
        if instance is not None:  # `azure_instance.web[count.index].name`, `element(....*.name, i)`
            return instance
        if kind == "function_call" and _function(node)[0] in _PICKING:
            picked = self.member_word(path, node, mark)
            return self.item_of_listed(path, node, mark) or picked if picked.text is None else picked
        if steps is None and (_call_steps(node) is not None or _decodes_a_file(node)):
            found = self.member_word(path, node, mark)  # `jsondecode(file(...)).vms[0].name`
            if found.text is not None or found.shape is not None or kind != "index_expr_term":
                return found
        if kind == "index_expr_term" and steps is None:  # `split(",", x)[0]`, `local.vms[*].id[1]`
            return self.item_of_listed(path, node, mark) or Word(None, mark, holder=_source(node))
        if kind == "function_call" and _function(node)[0] in _FUNCTIONS:
            return _FUNCTIONS[_function(node)[0]](self, path, _function(node)[1], mark) or Word(
                None, mark, holder=_source(node)
            )
        reference = self.for_steps(_path(node))
        if reference is not None:
            return self.reference(reference, mark)
        return Word(None, mark, holder=_source(node))

    def instance_word(self, path: str, node: Node, steps: list[str | Node] | None, at: Mark) -> Word | None:
        """An attribute of one instance of a resource whose block has `count`: by its index
        (`azure_hosted_service.svc[count.index].name`, `azure_instance.web[0].name`) or picked from all of
        them (`element(azure_hosted_service.svc.*.name, count.index)`, which wraps around their number), its
        argument as that instance's `count.index` makes it; None for any other expression."""
        picked = _values_picked(node) if steps is None else None
        if picked is not None:  # `values(azure_instance.web)[count.index].name`: the instances by key
            (kind, name), written, attribute = picked
            resource = self.module.resources.get((kind, name))
            if resource is None or "for_each" not in resource.attributes:
                return None
            position = Word(written, at) if isinstance(written, str) else self.word(path, written, at)
            return self.instance_argument(resource, attribute, position, False, at, by_position=True)
        if steps is None and _kind(node) == "function_call" and _function(node)[0] == "element":
            arguments = _function(node)[1]
            names = _path(arguments[0]) if len(arguments) == 2 else None
            if names is None or len(names) != 4 or names[2] != "*" or _steps(arguments[0]) is not None:
                return None  # not a splat of a resource's attribute (`.*.name`, `[*].name`)
            resource = self.module.resources.get((names[0], names[1]))
            if resource is not None and not {"count", "for_each"} & resource.attributes.keys():
                # one instance: the splat is a list of its one value, which `element` gives at any index
                return self.reference([names[0], names[1], names[3]], at)
            index = self.word(path, arguments[1], at) if resource is not None else None
            return self.instance_argument(resource, names[3], index, True, at) if index is not None else None
        if steps is None or len(steps) != 4 or not all(isinstance(step, str) for step in steps[:2]):
            return None
        attribute, written = steps[3], steps[2]
        key = (str(steps[0]), str(steps[1]))
        resource = self.module.resources.get(key) or (
            self.module.named_blocks.get(key) if attribute == "name" else None
        )
        if resource is None or not isinstance(attribute, str):
            return None
        index = Word(written, at) if isinstance(written, str) else self.word(path, written, at)
        return self.instance_argument(resource, attribute, index, False, at)

    def instance_argument(
        self,
        resource: _Resource | None,
        attribute: str,
        index: Word,
        wraps: bool,
        at: Mark,
        by_position: bool = False,
    ) -> Word | None:
        """The argument `attribute` of instance `index` of a resource whose block has a `count` the module
        states (`wraps`: an index past their number counts on from the first, as `element` does), or of the
        instance of key `index` of one whose block has a `for_each` (`svc["a"].name`, `svc[each.key].name`),
        or of the instance at position `index` among them (`by_position`, or `wraps`: `values(svc)[0].name`,
        `element(svc.*.name, 1)`); a value not stated for an index not stated, past their number or of no
        key; None for a resource of neither."""
        if resource is None or not ("count" in resource.attributes or "for_each" in resource.attributes):
            return None
        written = f"{resource.kind}.{resource.name}[{index.text or '*'}].{attribute}"
        argument = "name" if attribute == "id" and resource.kind in CLASSIC_TYPES else attribute
        node = resource.attributes.get(argument)
        instance = (
            self.instance(resource, index, wraps, at, by_position)
            if node is not None and index.text
            else None
        )
        key = (resource.kind, resource.name, f"{argument}[{index.text}]")
        if node is None or instance is None or key in self.evaluating:
            return Word(None, at, holder=written)
        # that instance's values, built of its own `count.index` or `each`, apart from the instance made now
        saved = self.index, self.iterators, self.known, self.for_roles
        self.index, each, value = instance
        self.iterators = {"each": (each, value)} if each is not None else {}
        self.known, self.for_roles = {}, {}
        self.evaluating.add(key)
        try:
            found = self.argument_word(resource.path, node)
        finally:
            self.evaluating.discard(key)
            self.index, self.iterators, self.known, self.for_roles = saved
        return found if found.text is not None else replace(found, mark=at)

    def instance(
        self, resource: _Resource, index: Word, wraps: bool, at: Mark, by_position: bool = False
    ) -> tuple[Word | None, Word | None, _Value] | None:
        """The `count.index`, `each.key` and `each.value` of the instance `index` (a number, or a key) of a
        resource whose block has `count` or `for_each`; None where the module does not state it. Of a
        `for_each` block's, `index` is a position where `wraps` or `by_position` say so: Terraform lists
        the instances in the order of their keys (`values`, a splat), `element` counting on from the first
        past their number."""
        count = resource.attributes.get("count")
        if count is not None:
            number = whole_number(index.text) if index.text is not None else None
            total = self.word(resource.path, count, at).text
            instances = whole_number(total) if total is not None else None
            if number is None or not instances or (number >= instances and not wraps):
                return None
            return Word(str(number % instances), _mark(resource.path, count)), None, None
        keyed = self.keyed(resource.path, resource.attributes["for_each"])
        if wraps or by_position:
            return _at_position(keyed, index.text, wraps)
        found = next(((key, value) for key, value in keyed or () if key.text == index.text), None)
        return None if found is None else (None, found[0], found[1])

    def member_word(self, path: str, node: Node | list[str | Node], at: Mark) -> Word:
        """A member of an object or list the module writes (`var.x.y`, `local.m["k"]`, `lookup(var.m, "k",
        "d")`, `element(var.l, 1)`), shown where the member is written; a value not stated where the module
        does not state the object, the list or the member's key."""
        found = self.written(path, node)
        # None too where the member is written as itself (`for_each = { a = each.value }`, which Terraform
        # refuses): its value is the one being found
        key = ("member", found[0], str(id(found[1]))) if found is not None else None
        if found is None or key is None or key in self.evaluating:
            if isinstance(node, list):  # `each.value`, or a `dynamic` block's iterator's
                return Word(None, at, holder=f"{node[0]}.value")
            each = (_steps(node) or [""])[0] == "each"
            return Word(None, at, holder="each.value" if each else _source(node))
        if key not in self.known:  # once each: members built of members twice each stay linear
            self.evaluating.add(key)
            try:
                self.known[key] = self.word(found[0], found[1], at)
            finally:
                self.evaluating.discard(key)
        value = self.known[key]
        return value if value.text is not None or value.shape is not None else replace(value, mark=at)

    def words(self, path: str, node: Node | None, at: Mark) -> list[Word]:
        """A list's items (`["10.0.0.0/16"]`), or the one value that is not a list written out."""
        if node is not None and _kind(_unwrapped(node)) == "tuple":
            return [self.word(path, item, at) for item in _items(_unwrapped(node))]
        return [self.word(path, node, at)] if node is not None else []

    def listed(self, path: str, node: Node, at: Mark, most: int = _MOST_DYNAMIC_BLOCKS) -> list[Word] | None:
        """The items of a list the module states: written out (`[local.a]`), held by a variable or a local,
        or built of such lists by a function (`concat`, `flatten`, `toset`, `split`: `list_items`) or by a
        `for` expression over one (`[for v in local.vms : "${v}/x" if v != ""]`), each evaluated with its
        item; None for any other value, or a list of more than `most` items (`concat(local.l, local.l)` each
        step doubles). A list whose expression names nothing bound now (`count`, `each`, `self`, an iterator,
        a `for` expression's names; Terraform's locals and variables name none of them) is listed once, as it
        is the same for every item: a `for` whose `if` looks in `local.big` for each item stays linear."""
        named = (path, str(id(node)), str(most)) if self.unbound(node) else None
        if named is not None and named in self.named_lists:
            return self.named_lists[named]
        found = self.written(path, node)
        key = ("listing", found[0], str(id(found[1]))) if found is not None else None
        if found is None or key is None or key in self.evaluating:  # a list built of itself: a cycle
            return None
        self.evaluating.add(key)
        try:
            items = self.list_items(found[0], _unwrapped(found[1]), at, most)
        finally:
            self.evaluating.discard(key)
        listed = items if items is None or len(items) <= most else None
        if named is not None:
            self.named_lists[named] = listed
        return listed

    def unbound(self, node: Node) -> bool:
        """Whether an expression names nothing bound now: no `count`, `each`, `self`, iterator or `for`
        expression's name, so its value is the same whatever item is made."""
        names = self.roots.get(id(node))
        if names is None:
            found, stack = set(), [node]
            while stack:
                here = stack.pop()
                if _kind(here) == "identifier":
                    found.add(_name(here))
                stack.extend(_trees(here))
            names = self.roots[id(node)] = frozenset(found)
        return (
            names.isdisjoint(_OWN_VALUES)
            and names.isdisjoint(self.iterators)
            and names.isdisjoint(self.for_roles)
        )

    def list_items(self, path: str, node: Node, at: Mark, most: int) -> list[Word] | None:
        """`listed` of the expression a list is written as, in its file."""
        kind = _kind(node)
        if kind == "tuple":
            return [self.word(path, item, _mark(path, item)) for item in _items(node)][: most + 1]
        if kind == "for_tuple_expr":
            return self.for_items(path, node, most)
        if kind == "conditional" or _parenthesised(node):
            branch = self.branch(path, node) if kind == "conditional" else _trees(node)[0]
            return self.listed(path, branch, at, most) if branch is not None else None
        if kind in _SPLATS:
            return self.splatted(path, node, most)
        name, arguments = _function(node) if kind == "function_call" else ("", [])
        if name in _LIST_REWRITES and len(arguments) == 1:
            items = self.listed(path, arguments[0], at, most)
            return _LIST_REWRITES[name](items) if items is not None else None
        if name in ("values", "keys") and len(arguments) == 1:
            return self.map_items(path, arguments[0], name == "keys")
        if name == "split" and len(arguments) == 2:
            return self.split(path, arguments, at)
        if name == "flatten" and len(arguments) == 1:
            return self.flattened(path, arguments[0], at, most)
        if name != "concat":
            return None
        joined: list[Word] = []
        for argument in arguments:
            part = self.listed(path, argument, at, most - len(joined))
            if part is None:
                return None
            joined += part
        return joined

    def item_of_listed(self, path: str, node: Node, at: Mark) -> Word | None:
        """An item of a list a function, `for` expression or splat builds of lists the module states, by its
        index: `split(",", x)[0]`, or `element(concat(...), i)`, which wraps around the list's length; None
        where the list or the index is not stated, or the index is past the list's end."""
        if _kind(node) == "function_call":  # `element(list, index)`; `lookup` of a map is `picked`'s alone
            name, arguments = _function(node)
            element = name == "element" and len(arguments) == 2
            base, index, wraps = (arguments[0], arguments[1], True) if element else (None, None, True)
        else:
            parts = _trees(node)
            base, index, wraps = parts[0], _step(parts[-1], keep_indexes=True), False
        items = self.listed(path, base, at) if base is not None else None
        written = (
            self.word(path, index, at).text if index is not None and not isinstance(index, str) else index
        )
        number = whole_number(written) if isinstance(written, str) else None
        if not items or number is None or (number >= len(items) and not wraps):
            return None
        return items[number % len(items)]

    def splatted(self, path: str, node: Node, most: int) -> list[Word] | None:
        """A splat of a list the module states (`local.vms[*].id`, `local.vms.*.id`): the member the splat
        takes of each item; None for any other (a resource's instances are `reference`'s)."""
        base, part = _trees(node)[0], _trees(node)[-1]
        found = self.written(path, base)
        steps = [_step(inner, keep_indexes=True) for inner in _trees(part)]
        if found is None or _kind(_unwrapped(found[1])) != "tuple" or None in steps:
            return None
        items: list[Word] = []
        for item in _items(_unwrapped(found[1]))[: most + 1]:
            member: tuple[str, Node] | None = (found[0], item)
            for step in steps:
                member = self.member(member, step, path) if member is not None else None
                member = self.written(*member) if member is not None else None
            at = _mark(found[0], item)
            items.append(
                self.word(*member, at) if member is not None else Word(None, at, holder=_source(node))
            )
        return items

    def map_items(self, path: str, node: Node, keys: bool) -> list[Word] | None:
        """`values(map)` or `keys(map)` of a map the module states: in the order of its keys, as Terraform
        lists them."""
        found = self.written(path, node)
        if found is None or _kind(_unwrapped(found[1])) not in ("object", "for_object_expr"):
            return None
        keyed = self.keyed(path, node)
        if keyed is None:
            return None
        ordered = sorted(keyed, key=lambda item: str(item[0].text))
        if keys:
            return [key for key, _ in ordered]
        # an object a `for` expression wrote is no word: a value not stated, at its key
        return [
            _value_word(self, value)
            if value is not None and not isinstance(value, dict)
            else Word(None, key.mark)
            for key, value in ordered
        ]

    def split(self, path: str, arguments: list[Node], at: Mark) -> list[Word] | None:
        """`split(separator, text)` of a stated text: its pieces, each shown where the text is."""
        separator = self.word(path, arguments[0], at).text
        text = self.word(path, arguments[1], at)
        if not separator or text.text is None:
            return None
        return [Word(piece, text.mark) for piece in text.text.split(separator)]

    def conditional(self, path: str, node: Node, at: Mark) -> Word:
        """`condition ? a : b`: the value of the branch the condition takes where the module states it; the
        value both branches give alike where it does not; else a value not stated."""
        branch = self.branch(path, node)
        if branch is not None:
            return self.word(path, branch, _mark(path, branch))
        _, yes, no = _conditional_parts(node)
        first, second = self.word(path, yes, at), self.word(path, no, at)
        if first.text is not None and first.text == second.text:
            return first
        return Word(None, at, holder=_source(node))

    def branch(self, path: str, node: Node) -> Node | None:
        """The branch a conditional takes, where the module states its condition."""
        condition, yes, no = _conditional_parts(node)
        taken = self.truth(path, condition)
        return None if taken is None else yes if taken else no

    def truth(self, path: str, node: Node) -> bool | None:
        """A condition's value where the module states it (`var.env == "prod"`, `!local.on && true`,
        `contains(local.l, "x")`, `length(local.l) > 0`); None where it does not."""
        node = _unwrapped(node)
        if _parenthesised(node):
            return self.truth(path, _trees(node)[0])
        kind = _kind(node)
        if kind == "unary_op" and str(node.children[0]) == "!":
            inner = self.truth(path, _trees(node)[0])
            return None if inner is None else not inner
        if kind == "binary_op":
            return self.operation(path, node)
        if kind == "conditional":
            branch = self.branch(path, node)
            return self.truth(path, branch) if branch is not None else None
        if kind == "function_call" and _function(node)[0] == "contains":
            return self.contains(path, _function(node)[1])
        if kind == "function_call" and _function(node)[0] in _TESTS and len(_function(node)[1]) == 2:
            texts = [self.word(path, argument, _mark(path, argument)).text for argument in _function(node)[1]]
            return None if None in texts else _TESTS[_function(node)[0]](str(texts[0]), str(texts[1]))
        text = self.word(path, node, _mark(path, node)).text
        return {"true": True, "false": False}.get(text or "")

    def operated(self, path: str, node: Node, at: Mark) -> Word:
        """An operation's value where the module states its operands: a number of `+`, `-`, `*`, `/`, `%`
        (`count.index + 1`), or `true`/`false` of a comparison or logic; else a value not stated."""
        parts = [t for t in _trees(node) if _kind(t) != "new_line_or_comment"]
        term = parts[1] if _kind(node) == "binary_op" and len(parts) == 2 else None
        operator = _name(_trees(term)[0]) if term is not None else str(node.children[0])
        if operator in _ARITHMETIC and term is not None:
            right = next(
                t for t in _trees(term) if _kind(t) not in ("binary_operator", "new_line_or_comment")
            )
            words = [self.word(path, side, at) for side in (parts[0], right)]
            operands = [_numeric(word.text) for word in words]
            found = _arithmetic(operator, operands[0], operands[1])
            return (
                Word(found, at) if found is not None else Word(None, at, holder=_derived_holder(node, words))
            )
        if operator == "-" and term is None:
            number = _numeric(self.word(path, parts[0], at).text)
            return (
                Word(_number_text(-number), at)
                if number is not None
                else Word(None, at, holder=_source(node))
            )
        truth = self.truth(path, node)
        return Word(str(truth).lower(), at) if truth is not None else Word(None, at, holder=_source(node))

    def operation(self, path: str, node: Node) -> bool | None:
        """A binary operation's truth: `&&`, `||`, `==`, `!=`, `<`, `>`, `<=`, `>=`."""
        left, term = [t for t in _trees(node) if _kind(t) != "new_line_or_comment"][:2]
        operator = _name(_trees(term)[0])
        right = next(t for t in _trees(term) if _kind(t) not in ("binary_operator", "new_line_or_comment"))
        if operator in ("&&", "||"):
            found = {self.truth(path, left), self.truth(path, right)}
            decides = operator == "||"  # the value of one side that decides the whole
            return decides if decides in found else None if None in found else not decides
        if operator in ("==", "!="):
            same = self.equal(path, left, right)
            return None if same is None else same == (operator == "==")
        first, second = (_numeric(self.word(path, side, _mark(path, side)).text) for side in (left, right))
        if first is None or second is None:
            return None
        return {"<": first < second, ">": first > second, "<=": first <= second, ">=": first >= second}.get(
            operator
        )

    def equal(self, path: str, left: Node, right: Node) -> bool | None:
        """Whether two values the module states are equal (a `null` equal only to `null`)."""
        nulls = self.is_null(path, left), self.is_null(path, right)
        if any(nulls):
            other = right if nulls[0] else left
            return (
                True
                if all(nulls)
                else (False if self.word(path, other, _mark(path, other)).text is not None else None)
            )
        types = self.value_type(path, left), self.value_type(path, right)
        if None not in types and types[0] != types[1]:
            return False  # Terraform converts neither side of `==`: "1" == 1 is false
        first, second = (self.word(path, side, _mark(path, side)).text for side in (left, right))
        if first is None or second is None:
            return None
        numbers = _numeric(first), _numeric(second)
        if types[0] == "number" and None not in numbers:
            return numbers[0] == numbers[1]  # 1.0 == 1
        return first == second

    def value_type(self, path: str, node: Node) -> str | None:
        """The type of an expression's value where the expression says it (`number`, `string`, `bool`): a
        literal's, a template's (a string, but one that is only `${x}` is x's), a function's that always
        gives one type, a local's value's; None where it does not (a variable, whose declared type may
        convert the value it is given)."""
        node = _unwrapped(node)
        kind = _kind(node)
        if kind in ("int_lit", "float_lit"):
            return "number"
        if kind == "string":
            inner = _interpolated(node)
            return "string" if inner is node else self.value_type(path, inner)
        if kind in ("identifier", "literal_value") and _name(node) in ("true", "false"):
            return "bool"
        if kind == "function_call":
            return _FUNCTION_TYPES.get(_function(node)[0])
        steps = _steps(node)
        found = self.written(path, node) if steps is not None and steps[0] == "local" else None
        return self.value_type(*found) if found is not None and found[1] is not node else None

    def contains(self, path: str, arguments: list[Node]) -> bool | None:
        """`contains(list, value)` of a list whose items the module all states."""
        items = self.listed(path, arguments[0], _mark(path, arguments[0])) if len(arguments) == 2 else None
        wanted = self.word(path, arguments[1], _mark(path, arguments[1])).text if items is not None else None
        if items is None or wanted is None:
            return None
        texts = [item.text for item in items]
        return True if wanted in texts else None if None in texts else False

    def is_null(self, path: str, node: Node) -> bool:
        """Whether a value is written as `null` (`default = null`), followed to where the module writes it."""
        found = self.written(path, node)
        literal = _unwrapped(found[1]) if found is not None else None  # JSON's `null` is an identifier
        return _kind(literal) in ("literal_value", "identifier") and _name(literal) == "null"

    def fails(self, path: str, node: Node) -> bool:
        """Whether a reference names a member of an object or list the module states that it does not hold
        (`local.settings.vm_id` of settings with no `vm_id`), or a member of a text or number, which
        Terraform refuses and `try` steps past: each step followed once from the one before."""
        steps = self.for_steps(_steps(_interpolated(node))) or []
        start = next((n for n in range(2, len(steps)) if self.followable(steps[:n])), len(steps))
        parent = self.written(path, steps[:start]) if start < len(steps) else None
        for step in steps[start:]:
            kind = _kind(_unwrapped(parent[1])) if parent is not None else ""
            if kind in ("string", "int_lit", "float_lit"):
                return True
            if parent is None or kind not in ("object", "tuple"):
                return False  # not stated, or a collection not written out: not known to fail
            member = self.member(parent, step, path)
            if member is None:  # a key not held fails; one not stated is not known to
                return isinstance(step, str) or self.word(path, step, _mark(path, step)).text is not None
            parent = self.written(*member)
        return False

    def flattened(self, path: str, node: Node, at: Mark, most: int) -> list[Word] | None:
        """`flatten` of a list: each of its items that is a list the module states replaced by its own
        items, flattened too, each other item kept."""
        found = self.written(path, node)
        if found is None or _kind(_unwrapped(found[1])) != "tuple":
            return self.listed(path, node, at, most)
        written_in, collection = found[0], _unwrapped(found[1])
        flat: list[Word] = []
        for item in _items(collection):
            inner = self.written(written_in, item)
            listy = inner is not None and _is_list(_unwrapped(inner[1]))
            part = self.flattened(written_in, item, at, most - len(flat)) if listy else None
            if listy and part is None:  # too long, or a list not stated: its items are not known
                return None
            flat += part if part is not None else [self.word(written_in, item, _mark(written_in, item))]
            if len(flat) > most:
                return None
        return flat

    def for_items(self, path: str, node: Node, most: int) -> list[Word] | None:
        """A `for` expression's items (`[for v in local.vms : v.id if v.classic]`): its value for each item of
        a list or map the module states, its names bound to that item (`for i, v in ...`: the index or key,
        and the value; `v.id` a member of the value); an item its `if` leaves out is not in it, one whose
        `if` the module does not state decide a value not stated. None for a collection not stated."""
        written = _for_parts(node)
        listed = self.dynamic_items(path, written.collection) if written is not None else None
        if written is None or listed is None or len(listed) > most:
            return None
        made: list[Word] = []

        def item() -> None:
            kept = self.truth(path, written.condition) if written.condition is not None else True
            value = self.word(path, written.value, _mark(path, written.value))
            if kept is None:
                made.append(Word(None, value.mark, holder=_source(node)))
            elif kept:
                made.append(value)

        for key, value in listed:
            self.bound_for(written.names, key, value, item)
        return made

    def for_keyed(self, path: str, node: Node) -> list[tuple[Word, _Value]] | None:
        """A `for` expression that builds a map (`{ for vm in local.vms : vm.name => vm }`), as `keyed` has a
        map: each key its key expression's text for an item, with the value expression's (followed while the
        item is bound, so that `vm` and `vm.id` are the item's own); None where a key or an `if` is not
        stated, and for a map of grouped values (`...`)."""
        written = _for_parts(node)
        listed = self.dynamic_items(path, written.collection) if written is not None else None
        if written is None or written.key is None or written.grouped or listed is None:
            return None
        keyed: list[tuple[Word, _Value]] = []
        known = [True]

        def item() -> None:
            kept = self.truth(path, written.condition) if written.condition is not None else True
            key = self.word(path, written.key, _mark(path, written.key)) if kept else None
            if kept is None or (key is not None and key.text is None):
                known[0] = False
            elif key is not None:
                keyed.append((replace(key, exact=False), self.item_value(path, written.value)))

        for key, value in listed[: _MOST_DYNAMIC_BLOCKS + 1]:
            self.bound_for(written.names, key, value, item)
        return list({key.text: (key, value) for key, value in keyed}.values()) if known[0] else None

    def made_member(self, steps: list[str | Node], at: Mark) -> Word | None:
        """A member of the object a `for` expression wrote for the item bound now (`each.value.id`); a value
        not stated for one it does not hold; None for any other reference."""
        item = self.iterators.get(str(steps[0])) if len(steps) == 3 and steps[1] == "value" else None
        if item is None or not isinstance(item[1], dict) or not isinstance(steps[2], str):
            return None
        found = item[1].get(steps[2])
        return found if found is not None else Word(None, at, holder=".".join(str(step) for step in steps))

    def item_value(self, path: str, node: Node) -> _Value:
        """The value a `for` expression gives for the item bound now: an object or list followed to where
        the module writes it (its members read later, as each item's); an object the expression writes itself
        (`{ id = v.id }`) and any other value worked out now, while the item's names are bound."""
        found = self.written(path, node)
        if found is not None and _unwrapped(found[1]) is _unwrapped(node) and _kind(found[1]) == "object":
            members = self.object_members(path, found[1])  # written here, of the item's names: its own
            return {key: self.word(path, value, _mark(path, value)) for key, value in members.items()}
        if found is not None and _kind(_unwrapped(found[1])) in _COLLECTIONS:
            return found
        return self.word(path, node, _mark(path, node))

    def bound_for(self, names: list[str], key: Word, value: _Value, make: Callable[[], None]) -> None:
        """`make` with a `for` expression's names bound to an item: one name its value; of two, the first its
        key (a list's index) and the second its value."""
        roles = dict(zip(names, ("key", "value") if len(names) == 2 else ("value",), strict=True))
        saved = self.for_roles
        self.for_roles = {**saved, **roles}
        try:
            if len(names) == 2:
                self.bound(names[0], key, None, lambda: self.bound(names[1], key, value, make))
            else:
                self.bound(names[0], key, value, make)
        finally:
            self.for_roles = saved

    def for_steps(self, steps: list[str | Node] | None) -> list[str | Node] | None:
        """A reference's steps with a `for` expression's name read as its item's key or value (`v.id` is
        `v.value.id`, `i` is `i.key`), as the iterators of `dynamic` blocks are written."""
        if not steps or not isinstance(steps[0], str) or steps[0] not in self.for_roles:
            return steps
        return [steps[0], self.for_roles[steps[0]], *steps[1:]]

    def string(self, path: str, node: Node) -> Word:
        """A quoted string: its text, or the shape of the text it builds with a hole for each value in it
        the module does not state (`"web-${var.n}"`)."""
        parts = [p for p in _trees(node) if _kind(p) == "string_part"]
        at = _value_mark(path, node)
        if _directives_in(parts):
            # a template of directives (`%{ if var.on }a%{ else }b%{ endif }`, `%{ for }`): the text it renders
            template = _directed(parts)
            rendered = self.rendered(path, template, at) if template is not None else None
            return rendered if rendered is not None else Word(None, at, holder=_source(node))
        pieces: list[Word] = []
        exact = True
        for part in parts:
            inner = _child(part, "interpolation")
            if inner is None:
                chars = "".join(str(t) for t in part.children)
                text = _unescaped(chars)
                exact = exact and text == chars
                pieces.append(Word(text, at))
            else:
                exact = False
                expression = next((t for t in _trees(inner)), None)
                pieces.append(self.word(path, expression, at))
        if len(pieces) == 1 and parts and _child(parts[0], "interpolation") is not None:
            # `"${var.x}"`: the value itself, shown as the string is where it is shown at the expression
            word = pieces[0]
            return replace(word, mark=at) if word.mark == _mark(path, _interpolated(node)) else word
        return _joined(pieces, at, exact)

    def rendered(self, path: str, template: list[_TemplatePart], at: Mark) -> Word | None:
        """The text a template of directives renders, as Terraform renders it: each `%{ if }` the arm its
        condition takes, each `%{ for }` its body once for each item of the collection, its names bound to
        the item; None where a condition or a collection is not stated, or past `_MOST_TEXT` parts rendered
        (a `for` in a `for` multiplies them)."""
        pieces = self.rendered_pieces(path, template, at)
        return _joined(pieces, at, False) if pieces is not None else None

    def rendered_pieces(self, path: str, template: list[_TemplatePart], at: Mark) -> list[Word] | None:
        """The pieces of text `rendered` joins, each literal where the template writes it, each value at its
        interpolation."""
        pieces: list[Word] = []
        budget = [_MOST_TEXT]
        return pieces if self.render(path, template, at, pieces, budget) else None

    def render(
        self, path: str, template: list[_TemplatePart], at: Mark, pieces: list[Word], budget: list[int]
    ) -> bool:
        """`template`'s parts rendered onto `pieces`; False where one cannot be (see `rendered`)."""
        for part in template:
            budget[0] -= 1
            if budget[0] < 0:
                return False
            if isinstance(part, _Literal):
                pieces.append(Word(part.text, Mark(path, part.place[0], column=part.place[1])))
            elif isinstance(part, _IfDirective):
                taken = self.truth(path, part.condition)
                if taken is None or not self.render(
                    path, part.then if taken else part.otherwise, at, pieces, budget
                ):
                    return False
            elif isinstance(part, _ForDirective):
                if not self.render_for(path, part, at, pieces, budget):
                    return False
            else:
                where = _mark(path, part)  # an interpolation's value, shown where the template writes it
                value = self.word(path, part, where)
                pieces.append(replace(value, mark=where) if value.text is not None else value)
        return True

    def render_for(
        self, path: str, directive: _ForDirective, at: Mark, pieces: list[Word], budget: list[int]
    ) -> bool:
        """A `%{ for }` directive's body, once for each item of a collection the module states."""
        items = self.dynamic_items(path, directive.collection)
        if items is None or len(items) > budget[0]:
            return False
        rendered = [True]

        def item() -> None:
            rendered[0] = rendered[0] and self.render(path, directive.body, at, pieces, budget)

        for key, value in items:
            self.bound_for(directive.names, key, value, item)
            if not rendered[0]:
                return False
        return True

    def reference(self, names: list[str], at: Mark) -> Word:
        """`var.x`, `count.index`, `<type>.<name>.<argument>`; a value not stated for any other."""
        written = ".".join(names)
        names = _unsplatted(names)
        if names[0] in _NAMED and len(names) == 2:
            return self.variable(names[1], at, names[0])
        if names[0] == "module" and len(names) == 3:
            return self.module_output(names[1], names[2], at)
        held = self.held_by(list(names)) if names[0] == "self" and len(names) == 2 else None
        if held is not None:
            return self.own_argument(*held, at, written)
        if names == ["count", "index"]:
            return replace(self.index, mark=at) if self.index is not None else Word(None, at, holder=written)
        if names in (["path", "module"], ["path", "root"]):  # a folder, from the folder of the file read
            return Word(self.module.folder if names[1] == "module" else ".", at)
        if len(names) == 1 and names[0] in self.iterators:  # a `for` expression's item (`[for v in l : v]`)
            names = [names[0], "value"]
        item = self.iterators.get(names[0]) if len(names) == 2 else None
        if item is not None and names[1] == "key":
            return item[0] if item[0].text is not None else replace(item[0], mark=at)
        if item is not None and names[1] == "value" and isinstance(item[1], Word):
            return item[1]  # an item of a list a function builds: its value itself
        if item is not None and names[1] == "value":
            return self.member_word(item[0].mark.path, [names[0], "value"], at)
        if len(names) == 3 and (names[0], names[1]) in self.module.resources:
            argument = "name" if names[2] == "id" else names[2]
            return self.argument(self.module.resources[(names[0], names[1])], argument, at, written)
        named = self.module.named_blocks.get((names[0], names[1])) if names[2:] == ["name"] else None
        if names[0] == "data" and names[3:] == ["name"]:
            named = self.module.named_blocks.get((f"data.{names[1]}", names[2]))
        if (
            named is not None
        ):  # an `azurerm` resource's or data source's `name` attribute is its `name` argument
            return self.argument(named, "name", at, written)
        holding = self.module.holding.get((names[0], names[1])) if len(names) == 3 else None
        if holding is not None and names[2] in _HOLDING[holding.kind]:
            return self.argument(holding, _HOLDING[holding.kind][names[2]], at, written)
        looked_up = self.data_id(names, at) if names[0] == "data" and len(names) >= 4 else None
        if looked_up is None and self.undeclared_resource(names):
            self.undeclared.setdefault(at, written)
        return looked_up or Word(None, at, holder=written)

    def undeclared_resource(self, names: list[str]) -> bool:
        """Whether a reference names a resource of the classic provider's types that no `resource` block of
        the module declares, where all its files are read (`_Module.whole`): Terraform refuses the
        configuration ("Reference to undeclared resource"), and no such resource is made."""
        return (
            len(names) >= 3
            and names[0] in CLASSIC_TYPES
            and self.module.whole
            and (names[0], names[1]) not in self.module.declared
        )

    def data_id(self, names: list[str], at: Mark) -> Word | None:
        """An id an `azurerm` data source gives, built of what its block states: `data.azurerm_subscription.
        x.id` (`/subscriptions/<its subscription_id>`) and `.subscription_id`, `data.azurerm_client_config.
        x.subscription_id`, and `data.azurerm_resources.x.resources[0].id` (the id of the resource of its
        `type`, `resource_group_name` and `name`); what it does not state (the provider's subscription, a
        name it does not filter on) a value not stated. None for any other attribute."""
        block = self.module.named_blocks.get((f"data.{names[1]}", names[2]))
        if block is None or not _OWN_ONE.isdisjoint(block.attributes):
            return None
        base = ".".join(names[:3])
        subscription = (
            self.argument(block, "subscription_id", at, f"{base}.subscription_id")
            if "subscription_id" in block.attributes
            else Word(None, at, holder=terraform_azurerm.PROVIDER_SUBSCRIPTION)
        )
        if names[1] in _SUBSCRIPTION_SOURCES and names[3:] == ["subscription_id"]:
            return subscription
        if names[1] == "azurerm_subscription" and names[3:] == ["id"]:
            return _joined([Word("/subscriptions/", at), subscription], at, exact=False)
        if names[1] != "azurerm_resources" or names[3:] != ["resources", "*", "id"]:
            return None
        kind = self.argument(block, "type", at, f"{base}.type")
        if kind.text is None:
            return None
        group = self.argument(block, "resource_group_name", at, f"{base}.resource_group_name")
        name = self.argument(block, "name", at, f"{base}.resources[0].name")
        pieces = [Word("/subscriptions/", at), subscription, Word("/resourceGroups/", at), group]
        return _joined([*pieces, Word("/providers/", at), kind, Word("/", at), name], at, exact=False)

    def followable(self, steps: list[str | Node], members: bool = False) -> bool:
        """Whether a reference's value is one `written` follows to what the module writes: a variable's, a
        local's, `each.value`, an argument of the resource made now (`self.triggers`) or of a resource of
        `_HOLDING` (`null_resource.x.triggers`); with `members`, only a member of one (`var.x.y`)."""
        more = 1 if members else 0
        if steps[0] in (*_NAMED, "each", "self") or steps[0] in self.iterators:
            return len(steps) > 1 + more
        return len(steps) > 2 + more and self.held_by(steps) is not None

    def held_by(self, steps: list[str | Node]) -> tuple[_Resource, str] | None:
        """The resource and argument a reference to an attribute of a resource names: `self.<argument>`, the
        one made now; `<type>.<name>.<attribute>` of a `_HOLDING` type, that resource's (of one block that
        makes one resource only, as `argument` reads another resource's)."""
        if steps[0] == "self":
            resource = self.current
            argument = steps[1] if len(steps) > 1 and isinstance(steps[1], str) else None
            if resource is None or argument is None:
                return None
            if resource.kind in CLASSIC_TYPES and argument == "id":  # the classic provider's ids are names
                return resource, "name"
            return resource, _HOLDING.get(resource.kind, {}).get(argument, argument)
        names = steps[:3]
        if len(names) < 3 or not all(isinstance(name, str) for name in names):
            return None
        holding = self.module.holding.get((str(names[0]), str(names[1])))
        attribute = _HOLDING[holding.kind].get(str(names[2])) if holding is not None else None
        if holding is None or attribute is None or not _OWN_ONE.isdisjoint(holding.attributes):
            return None
        return holding, attribute

    def variable(self, name: str, at: Mark, kind: str = "var") -> Word:
        """`var.x` (a `.tfvars` file's value, else the variable's `default`) or `local.x` (a `locals` block's)."""
        stated = self.module.named(kind, name)
        key = (kind, name, "")
        if stated is None or key in self.evaluating:
            return Word(None, at, holder=f"{kind}.{name}")
        return self.once(key, lambda: self.word(stated[0], stated[1], at), at)

    def written(self, path: str, node: Node | list[str | Node]) -> tuple[str, Node] | None:
        """The expression a value is written as, with the file that writes it: a variable's or a local's
        followed to the object, list or literal the module writes, and a member of one (`var.x.y`,
        `var.x["k"]`, `local.l[0]`, `lookup(...)`, `element(...)`) taken from it; any other expression as it
        is. None where the module does not state it (a variable of no value, a key not in the object), or
        where following it leads back to it (`svc = { name = local.svc.name }`, which Terraform refuses as a
        cycle): each member's expression leads on to another, so only this check ends such a loop."""
        if self.caller is not None and path not in self.module.files:  # a value the call passes
            return self.caller.written(path, node)
        key = ("following", path, str(id(node)))
        if key in self.evaluating:
            return None
        self.evaluating.add(key)
        try:
            return self.followed_to(path, node)
        finally:
            self.evaluating.discard(key)

    def followed_to(self, path: str, node: Node | list[str | Node]) -> tuple[str, Node] | None:
        """What `written` finds for an expression it is not already following."""
        if isinstance(node, list):
            steps: list[str | Node] | None = node
        else:
            node = _interpolated(node)
            steps = self.for_steps(_steps(node))
            if _kind(node) == "function_call" and _function(node)[0] in _PICKING:
                return self.picked(path, node)
            if (
                _kind(node) == "function_call"
                and _function(node)[0] in _KEEPING
                and len(_function(node)[1]) == 1
            ):
                return self.written(path, _function(node)[1][0])  # `tomap({...})`: the value itself
            if _kind(node) == "function_call" and _function(node)[0] in _DECODING:
                return self.decoded_file(path, *_function(node))
            off_a_call = _call_steps(node) if steps is None else None
            if off_a_call is not None:  # `jsondecode(...).vms[0].name`, `lookup(...).id`
                found = self.written(path, off_a_call[0])
                for step in off_a_call[1]:
                    found = self.member(found, step, path) if found is not None else None
                    found = self.written(*found) if found is not None else None
                return found
        if steps is None or not self.followable(steps):
            return path, node
        if len(steps) < 2 or not isinstance(steps[1], str):
            return None
        rest = steps[2:]
        if steps[0] in self.iterators:
            value = self.iterators[str(steps[0])][1] if steps[1] == "value" else None
            found = value if isinstance(value, tuple) else None  # a value no expression writes has no members
        elif steps[0] == "each":  # of a resource of no `for_each`
            found = None
        elif steps[0] in _NAMED:
            found = self.named_written(str(steps[0]), steps[1])
        else:
            found, rest = self.attribute_written(steps), steps[2 if steps[0] == "self" else 3 :]
        for step in rest:
            found = self.member(found, step, path) if found is not None else None
            found = self.written(*found) if found is not None else None
        return found

    def decoded_file(self, path: str, decoding: str, arguments: list[Node]) -> tuple[str, Node] | None:
        """`jsondecode(file("${path.module}/vms.json"))`, `yamldecode(file(...))`: the value the file holds, as the expression
        that writes it where the file writes it (its strings literals, as `jsondecode` takes them), when the
        path is stated and the file is one the run checks, inside the project and reached through no
        symbolic link (`beside.settings_file`, which reads each file once a run and no larger than a script
        may be); None for any other."""
        call = _unwrapped(arguments[0]) if len(arguments) == 1 else None
        if call is None or _kind(call) != "function_call" or _function(call)[0] != "file":
            return None
        given = _function(call)[1]
        stated = self.word(path, given[0], _mark(path, given[0])).text if len(given) == 1 else None
        # Not listed among the files the module takes values from: a file of data, which is no file of
        # anything classic (nor an export a report says it cannot read) when it is read alone.
        at = _value_mark(path, given[0]) if stated else None
        settings = beside.settings_file(stated, listed=False, at=at) if stated else None
        reading = _yaml_value if decoding == "yamldecode" else _json_value
        decoded = beside.values_of(settings, reading) if settings is not None else None
        return (settings.path, decoded) if settings is not None and decoded is not None else None

    def attribute_written(self, steps: list[str | Node]) -> tuple[str, Node] | None:
        """The expression of the argument a reference to a resource's attribute names (`held_by`), followed
        to what it is written as; None where its block does not write it."""
        held = self.held_by(steps)
        node = held[0].attributes.get(held[1]) if held is not None else None
        return self.written(held[0].path, node) if held is not None and node is not None else None

    def named_written(self, kind: str, name: str) -> tuple[str, Node] | None:
        """A variable's or local's expression, followed to what it is written as: once each (a chain of
        locals stays linear), None for one that leads back to itself."""
        key = ("written", kind, name)
        if key in self.followed:
            return self.followed[key]
        stated = self.module.named(kind, name)
        if stated is None or key in self.evaluating:
            return None
        self.evaluating.add(key)
        try:
            self.followed[key] = self.written(*stated)
        finally:
            self.evaluating.discard(key)
        return self.followed[key]

    def member(self, found: tuple[str, Node], step: str | Node, path: str) -> tuple[str, Node] | None:
        """An object's member or a list's item by its key or index: a name (`.y`, `.0`), or an index
        expression of the file `path` (`["k"]`, `[count.index]`); None where the module does not state it."""
        key = step if isinstance(step, str) else self.word(path, step, _mark(path, step)).text
        if key is None:
            return None
        written_in, node = found[0], _unwrapped(found[1])
        if _kind(node) == "tuple":
            items = _items(node)
            index = whole_number(key)
            return (written_in, items[index]) if index is not None and index < len(items) else None
        if _merge(node):
            return self.merged_member(written_in, node, key)
        if _kind(node) != "object":
            return None
        members = self.objects.get(id(node))
        if members is None:
            members = self.objects[id(node)] = self.object_members(written_in, node)
        value = members.get(key)
        return (written_in, value) if value is not None else None

    def merged_member(self, path: str, node: Node, key: str) -> tuple[str, Node] | None:
        """The member of `key` of `merge(a, b, ...)`: the last map's that holds it, as Terraform merges them;
        None where a map after it is not stated (it may hold the key)."""
        for argument in reversed(_function(node)[1]):
            found = self.written(path, argument)
            if found is None or _kind(_unwrapped(found[1])) not in ("object", "function_call"):
                return None
            member = self.member(found, key, path)
            if member is not None:
                return member
            if _kind(_unwrapped(found[1])) != "object":  # a map a function builds, not known to lack it
                return None
        return None

    def merged_keyed(self, path: str, node: Node) -> list[tuple[Word, _Value]] | None:
        """`keyed` of `merge(a, b, ...)` of maps the module states: each key with the last value given it."""
        merged: dict[str, tuple[Word, _Value]] = {}
        for argument in _function(node)[1]:
            found = self.written(path, argument)
            if found is None or _kind(_unwrapped(found[1])) not in (
                "object",
                "for_object_expr",
                "function_call",
            ):
                return None
            keyed = self.keyed(path, argument)
            if keyed is None:
                return None
            merged.update((str(key.text), (key, value)) for key, value in keyed)
        return list(merged.values())

    def object_members(self, path: str, node: Node) -> dict[str, Node]:
        """An object's members by their keys (a name, or a string the module states), each its expression."""
        members: dict[str, Node] = {}
        for key, _, value in self.object_elements(path, node):
            members.setdefault(key, value)
        return members

    def object_elements(self, path: str, node: Node) -> Iterator[tuple[str, Node, Node]]:
        """An object's members in the order written, each its key (a name, or a string the module states),
        the key's node and its expression."""
        for element in (e for e in _trees(node) if _kind(e) == "object_elem"):
            parts = _trees(element)
            key_node = _trees(parts[0])[0] if parts and _trees(parts[0]) else None
            if key_node is None or len(parts) < 2:
                continue
            key_node = _unwrapped(key_node)
            key = _name(key_node) if _kind(key_node) == "identifier" else None
            if _kind(key_node) == "string":
                key = self.word(path, key_node, _mark(path, key_node)).text
            if key is not None:
                yield key, key_node, parts[-1]

    def picked(self, path: str, node: Node) -> tuple[str, Node] | None:
        """`lookup(map, key, default)`: the map's member of that key, else the default; `element(list,
        index)`: the list's item at the index, which Terraform wraps around the list's length."""
        name, arguments = _function(node)
        if name == "lookup" and len(arguments) in (2, 3):
            found = self.written(path, arguments[0])
            merged = found is not None and _merge(found[1])  # no default: a map not stated may hold the key
            if found is not None and (_kind(found[1]) == "object" or merged):
                member = self.member(found, arguments[1], path)
                if member is not None:
                    return self.written(*member)
                if merged:
                    return None
                if len(arguments) == 3 and self.word(path, arguments[1], _mark(path, node)).text is not None:
                    return self.written(path, arguments[2])
            return None
        if name == "element" and len(arguments) == 2:
            found = self.written(path, arguments[0])
            index = self.word(path, arguments[1], _mark(path, node)).text
            number = whole_number(index) if index is not None else None
            if found is None or _kind(found[1]) != "tuple" or number is None:
                return None
            items = _items(found[1])
            return self.written(found[0], items[number % len(items)]) if items else None
        return None

    def argument(self, resource: _Resource, argument: str, at: Mark, written: str) -> Word:
        """An argument of another resource, where its block writes it and makes one resource."""
        node = resource.attributes.get(argument)
        key = (resource.kind, resource.name, argument)
        if node is None or not _OWN_ONE.isdisjoint(resource.attributes) or key in self.evaluating:
            return Word(None, at, holder=written)
        return self.once(key, lambda: self.argument_word(resource.path, node), at)

    def own_argument(self, resource: _Resource, argument: str, at: Mark, written: str) -> Word:
        """`self.<argument>` in a provisioner of the resource made now: its argument, of a block with `count`
        or `for_each` too, where it is the instance's own (`"web-${count.index}"`): each instance's values
        are evaluated again (`indexed`, `bound`)."""
        node = resource.attributes.get(argument)
        key = (resource.kind, resource.name, argument)
        if node is None or key in self.evaluating:
            return Word(None, at, holder=written)
        return self.once(key, lambda: self.argument_word(resource.path, node), at)

    def once(self, key: tuple[str, str, str], evaluate: Callable[[], Word], at: Mark) -> Word:
        """A variable's or argument's value, evaluated once (references of references stay linear), shown
        where it is written when it is stated, else at the reference."""
        if key not in self.known:
            self.evaluating.add(key)
            try:
                self.known[key] = evaluate()
            finally:
                self.evaluating.discard(key)
        found = self.known[key]
        return found if found.text is not None else replace(found, mark=at)

    # --- resources

    def create(self, own: list[_Resource]) -> None:
        self.lines.show_stand_ins_at_values()
        provider = self.module.provider
        if provider is not None and "subscription_id" in provider[1]:
            at = _mark(provider[0], provider[1]["subscription_id"])
            subscription = self.word(provider[0], provider[1]["subscription_id"], at)
            self.lines.azure([Word("account", at), Word("set", at), subscription], at)
        self.made(own, [call for call in self.module.calls if call.path == self.module.path], (".",))

    def made(self, resources: list[_Resource], calls: list[_Call], chain: tuple[str, ...]) -> None:
        """The module's `resources`, then the modules its `calls` call (`chain`: the folders of the modules
        that call this one, its own last)."""
        for resource in sorted(resources, key=lambda r: _ORDER.get(r.kind, len(_ORDER))):
            make = _MAKERS.get(resource.kind)
            if make is None and resource.kind not in CLASSIC_TYPES:  # its provisioners alone touch classic
                make = _made_elsewhere
            if make is not None:
                self.each(resource, functools.partial(_made_and_provisioned, make, self, resource))
            else:  # a classic type the rules check nothing of: the provider still calls the API for it
                self.lines.declared(resource.kind, resource.mark)
        for path, given, mark, _ in calls:
            source = given.get("source")
            text = self.word(path, source, _mark(path, source)).text if source is not None else None
            if source is None:
                continue
            if text is None or not text.startswith(_LOCAL_SOURCES):
                self.lines.unread(replace(_value_mark(path, source), tag=MODULE_NOT_READ))
            else:
                folder = self.called_folder(text)
                call = functools.partial(self.local_module, path, given, folder, chain)
                # Terraform makes one module per index or key of the call's `count` or `for_each`, as it
                # makes one resource of each: `count.index`, `each.key` in its arguments are each one's.
                made_before = len(self.called)
                self.instances(path, given, _value_mark(path, source), call)
                if self.caller is None and len(self.called) > made_before:
                    self.calling.append(mark)

    def called_folder(self, source: str) -> str:
        """The folder a `module` block's local `source` names, from the folder of the file read."""
        return posixpath.normpath(posixpath.join(self.module.folder, source))

    def among(self, folder: str, folders: Iterable[str]) -> bool:
        """Whether `folder` is one of `folders` (each from the folder of the file read), however each names
        it: `../m` read from `m/main.tf` is its own folder, `.`."""
        base = posixpath.dirname(self.root().module.path)
        return _folder_from(base, folder) in {_folder_from(base, other) for other in folders}

    def module_output(self, call_name: str, output: str, at: Mark) -> Word:
        """`module.<call>.<output>`: the value the `output` block of the module a call of this module makes
        gives (`value = azure_virtual_network.default.name`), evaluated as the call makes the module; a
        value not stated for a call of no local folder, one with `count` or `for_each` (whose outputs are
        per instance), or an output the module does not declare."""
        written = f"module.{call_name}.{output}"
        call = next((c for c in self.module.calls if c.name == call_name), None)
        source = call.given.get("source") if call is not None else None
        if call is None or source is None or not _OWN_ONE.isdisjoint(call.given):
            return Word(None, at, holder=written)
        text = self.word(call.path, source, _mark(call.path, source)).text
        folder = self.called_folder(text) if text is not None and text.startswith(_LOCAL_SOURCES) else None
        # The module's own folder is the first of those whose outputs are being read, as of the chain of
        # calls (`made`): a call of it (`source = "./"`) is a cycle, which Terraform refuses.
        looping = len(self.outputs_of) > _MOST_CALL_DEPTH or (
            folder is not None and self.among(folder, (self.module.folder, *self.outputs_of))
        )
        module = (
            _Module.called(folder, call.given, call.path, _value_mark(call.path, source))
            if folder is not None and not looping
            else None
        )
        stated = module.outputs.get(output) if module is not None else None
        key = ("module", call_name, output)
        if module is None or stated is None or key in self.evaluating:
            return Word(None, at, holder=written)
        callee = _Configuration(module, self.lines, caller=self)
        callee.outputs_of = (*self.outputs_of, folder or "")
        return self.once(key, lambda: callee.word(stated[0], stated[1], at), at)

    def local_module(self, path: str, given: dict[str, Node], folder: str, chain: tuple[str, ...]) -> None:
        """The module of a folder of the configuration's own a `module` block of the file `path` calls, read
        as Terraform reads it: its resources made with the values the call passes as its variables (its
        defaults where it passes none), each where the module's files declare it; one call of the folder
        each, as Terraform makes one module of each call. Past `_MOST_CALLS` calls, `_MOST_CALL_DEPTH` deep,
        or of a folder among those that call it (Terraform refuses a module that calls itself), said cut."""
        at = replace(_value_mark(path, given["source"]), tag=MODULE_CALLS_CUT)
        if len(chain) > _MOST_CALL_DEPTH or self.calls_left[0] <= 0 or self.among(folder, chain):
            self.lines.unread(at)
            return
        module = _Module.called(folder, given, path, _value_mark(path, given["source"]))
        if module is None and not _module_files(folder):
            # Outside the folder checked, or excluded: read only where the run checks it, as a settings
            # file is (`beside`), so said, not passed over as a module of no classic resources.
            self.lines.unread(replace(at, tag=MODULE_NOT_CHECKED))
        if module is None:  # its files do not parse: each says so itself
            return
        self.calls_left[0] -= 1
        made = _runnable(self.root().module, module.made())
        self.called.extend(made)
        callee = _Configuration(module, self.lines, caller=self)
        callee.made(made, module.calls, (*chain, folder))

    def root(self) -> _Configuration:
        """The configuration of the file read, whose module calls this one (directly or through others)."""
        return self if self.caller is None else self.caller.root()

    def each(self, resource: _Resource, make: Callable[[], None]) -> None:
        """`make` once for each resource a block makes (`instances`)."""
        self.instances(resource.path, resource.attributes, resource.mark, make)

    def instances(self, path: str, attributes: dict[str, Node], at: Mark, make: Callable[[], None]) -> None:
        """`make` once for each instance a `resource` or `module` block of the file `path` makes, of its
        `attributes`: `count` of them, `count.index` each one's number, or one per key of its `for_each`;
        for a count not stated, once, standing for all, as a loop over a list not written out."""
        if "for_each" in attributes:
            self.for_each(path, attributes["for_each"], make)
            return
        node = attributes.get("count")
        if node is None:
            make()
            return
        count = self.word(path, node, at)
        number = whole_number(count.text) if count.text is not None else None
        if number is not None and number <= _MOST_COUNT:
            for index in range(number):
                self.indexed(Word(str(index), count.mark), make)
        else:
            unlisted = Word(None, count.mark, holder="count.index")
            self.lines.each_unlisted(
                "count",
                f"count = {count.text or _source(node)}",
                lambda: self.indexed(unlisted, make),
                holders=frozenset({"count.index"}),
            )

    def for_each(self, path: str, node: Node, make: Callable[[], None]) -> None:
        """`make` once for each key of a `for_each` set or map the module states (`each.key` the key,
        `each.value` the set's item or the map's value); for one it does not state, once, standing for all,
        as a `count` not stated."""
        self.over(path, node, self.keyed(path, node), "each", make)

    def over(
        self,
        path: str,
        node: Node,
        listed: list[tuple[Word, _Value]] | None,
        name: str,
        make: Callable[[], None],
    ) -> None:
        """`make` once for each item a `for_each` (`node`) lists (`listed`: each key with its value's
        expression), `name` (`each`, a `dynamic` block's iterator) that item; for a collection the module
        does not state, or of more than `_MOST_COUNT` items, once, standing for all, as a loop over a list
        not written out."""
        if listed is not None and len(listed) <= _MOST_COUNT:
            for key, value in listed:
                self.bound(name, key, value, make)
            return
        unlisted = Word(None, _mark(path, node), holder=f"{name}.key")
        self.lines.each_unlisted(
            name,
            f"for_each = {_source(node)}",
            lambda: self.bound(name, unlisted, None, make),
            holders=frozenset({f"{name}.key", f"{name}.value"}),
        )

    def keyed(self, path: str, node: Node) -> list[tuple[Word, _Value]] | None:
        """The keys of a `for_each` value, each with its value's expression: a set's items (`toset([...])`,
        a list), each its own value, or a map's keys and values; None where the module does not state them
        all. Of a conditional whose condition the module states, its branch's."""
        found = self.written(path, node)
        if found is not None and _kind(_unwrapped(found[1])) == "conditional":
            branch = self.branch(found[0], _unwrapped(found[1]))
            return self.keyed(found[0], branch) if branch is not None else None
        while found is not None and _kind(found[1]) == "function_call" and _function(found[1])[0] in _SETS:
            arguments = _function(found[1])[1]
            found = self.written(found[0], arguments[0]) if len(arguments) == 1 else None
        if found is not None and _kind(found[1]) == "for_object_expr":
            return self.for_keyed(*found)
        if found is not None and _merge(found[1]):
            return self.merged_keyed(*found)
        if found is None or _kind(found[1]) not in ("tuple", "object"):
            return self.set_of_listed(path, node)
        written_in, collection = found
        if _kind(collection) == "object":
            members = self.object_members(written_in, collection)
            return [
                (Word(key, _mark(written_in, value), exact=True), (written_in, value))
                for key, value in members.items()
            ]
        keyed: list[tuple[Word, _Value]] = []
        for item in _items(collection):
            key = self.word(written_in, item, _mark(written_in, item))
            if key.text is None:
                return None
            keyed.append((key, (written_in, item)))
        return list({key.text: (key, value) for key, value in keyed}.values())  # a set holds each once

    def set_of_listed(self, path: str, node: Node) -> list[tuple[Word, _Value]] | None:
        """The keys of a set built of a list the module states by a function or `for` expression
        (`toset(concat(...))`, `toset([for v in l : v.name])`): each item, its own value; None where an
        item is not stated."""
        listed = self.listed(path, node, _mark(path, node), _MOST_COUNT)
        if listed is None or any(word.text is None for word in listed):
            return None
        return [(word, word) for word in {word.text: word for word in listed}.values()]

    def nested(self, r: _Resource, kind: str, make: Callable[[Node], None]) -> None:
        """`make` with each block of `kind` nested in the resource's (`endpoint`, `subnet`), in order: one
        written out, and the `content` of a `dynamic "<kind>"` block once for each item of its `for_each`, as
        Terraform writes a block of it for each."""
        for named, block in r.blocks:
            if named == kind:
                make(block)
            elif named == "dynamic" and _block_parts(block)[1] == [kind]:
                self.dynamic(r.path, block, make)

    def dynamic(self, path: str, block: Node, make: Callable[[Node], None], most: int = _MOST_COUNT) -> None:
        """`make` with a `dynamic` block's `content` for each item of its `for_each`, its iterator (the
        block's label, or its `iterator`) `.key` and `.value` that item's: a list's index and item, a map's
        key and value, a set's item as both; for a collection the module does not state, or of more than
        `most` items, once, standing for every item, as a resource's `for_each` not stated."""
        _, labels, items = _block_parts(block)
        given = _attributes(items)
        content = next((b for b in items if _kind(b) == "block" and _block_parts(b)[0] == "content"), None)
        node = given.get("for_each")
        if content is None or node is None:
            return
        name = self.iterator_name(path, given.get("iterator")) or labels[0]
        made = self.dynamic_items(path, node)
        if made is not None and len(made) > min(most, _MOST_COUNT):
            self.past_the_cap(path, node, made, name, lambda: make(content))
            return
        self.over(path, node, made, name, lambda: make(content))

    def past_the_cap(
        self, path: str, node: Node, made: list[tuple[Word, _Value]], name: str, make: Callable[[], None]
    ) -> None:
        """`make` for the items of a `dynamic` block's `for_each` past the cap (`_MOST_COUNT` items, or the
        blocks the resource's `dynamic` blocks may still write, `_MOST_DYNAMIC_BLOCKS`), said where the
        `for_each` is written (`DYNAMIC_BLOCKS_CUT`): once for each classic type the items' ids name, its
        value an id of that type named by a stand-in, so that the resource is told it is on resources of the
        type; once, standing for every item, where they name none."""
        self.lines.unread(replace(_mark(path, node), tag=DYNAMIC_BLOCKS_CUT))
        starts: dict[str, str] = {}
        for _, value in made:
            word = _value_word(self, value) if isinstance(value, (Word, tuple)) else None
            start = terraform_azurerm.classic_start(word.text) if word is not None and word.text else None
            if start is not None:
                starts.setdefault(start.casefold(), start)
        if not starts:
            self.over(path, node, None, name, make)
            return
        at = _mark(path, node)
        key = Word(None, at, holder=f"{name}.key")
        held = f"{name}.value"
        stand_ins = [Word(None, at, shape=f"{start}{HOLE}-0-", holes=(held,)) for start in starts.values()]

        def each_type() -> None:
            for stand_in in stand_ins:
                self.bound(name, key, stand_in, make)

        self.lines.each_unlisted(
            name, f"for_each = {_source(node)}", each_type, holders=frozenset({f"{name}.key", held})
        )

    def iterator_name(self, path: str, node: Node | None) -> str | None:
        """The name a `dynamic` block's `iterator` gives (`iterator = ep`; in JSON, the string `"ep"`)."""
        if node is None:
            return None
        named = _referenced(node)
        if named is not None:
            return named[0] if len(named) == 1 else None
        return self.word(path, node, _mark(path, node)).text

    def dynamic_items(self, path: str, node: Node) -> list[tuple[Word, _Value]] | None:
        """The items of a `dynamic` block's `for_each`, each key with its value's expression, in the order
        Terraform writes their blocks: a list's (written as one, not through `toset`) by index; a map's or
        a set's as a resource's `for_each` has them (`keyed`), by key. None where the module does not state
        them. Of a conditional whose condition the module states (`var.on ? [1] : []`), its branch's."""
        found = self.written(path, node)
        kind = _kind(_unwrapped(found[1])) if found is not None else ""
        if found is not None and kind == "conditional":
            branch = self.branch(found[0], _unwrapped(found[1]))
            return self.dynamic_items(found[0], branch) if branch is not None else None
        if found is not None and kind != "tuple" and _is_list(_unwrapped(found[1])):
            listed = self.listed(path, node, _mark(path, node))  # a list a function or `for` builds
            if listed is None:
                return None
            return [(Word(str(i), w.mark, exact=True), w) for i, w in enumerate(listed)]
        if found is None or kind != "tuple":
            keyed = self.keyed(path, node)
            return sorted(keyed, key=lambda item: str(item[0].text)) if keyed is not None else None
        written_in, collection = found
        return [
            (Word(str(index), _mark(written_in, item), exact=True), (written_in, item))
            for index, item in enumerate(_items(collection))
        ]

    def bound(self, name: str, key: Word, value: _Value, make: Callable[[], None]) -> None:
        """`make` with `name` (`each`, an iterator) this `key` and `value`: the values built of it are built
        again."""
        held = self.iterators.get(name)
        self.iterators[name] = (key, value)
        self.known.clear()
        try:
            make()
        finally:
            if held is None:
                del self.iterators[name]
            else:
                self.iterators[name] = held
            self.known.clear()

    def indexed(self, index: Word, make: Callable[[], None]) -> None:
        """`make` with `count.index` this `index`: the values built of it are built again."""
        self.index = index
        self.known.clear()
        try:
            make()
        finally:
            self.index = None
            self.known.clear()

    def value(self, resource: _Resource, argument: str) -> Word | None:
        """An argument's value; None where the block does not write it, or gives it a reference to a resource
        the module does not declare (`undeclared_resource`), which names no resource to make or look up."""
        node = resource.attributes.get(argument)
        if node is None:
            return None
        found = self.argument_word(resource.path, node)
        return None if found.text is None and found.holder in self.undeclared.values() else found

    def argument_word(self, path: str, node: Node) -> Word:
        """An argument's value; one the module does not state named where the module first writes it
        (`_Module.first_place`), as each file of the module names it."""
        found = self.word(path, node, _mark(path, node))
        if found.text is not None or found.named_at is not None:
            return found
        return replace(found, named_at=self.module.first_place(node))

    def call(self, resource: _Resource, words: list[Word]) -> ClassicCall | None:
        return self.lines.azure(words, resource.mark)


def _source(node: Node) -> str:
    """An expression as written (its tokens, joined), for the holder of a value it does not state."""
    written = "".join(str(t) for t in node.scan_values(lambda _: True)).strip()
    return written if len(written) <= 80 else written[:77] + "..."


@dataclass(frozen=True, slots=True)
class _IfDirective:
    """`%{ if condition }then%{ else }otherwise%{ endif }` of a template."""

    condition: Node
    then: list[_TemplatePart]
    otherwise: list[_TemplatePart]


@dataclass(frozen=True, slots=True)
class _ForDirective:
    """`%{ for names in collection }body%{ endfor }` of a template (one name, the item; two, its key or
    index and the item)."""

    names: list[str]
    collection: Node
    body: list[_TemplatePart]


@dataclass(frozen=True, slots=True)
class _Literal:
    """A template's literal text (unescaped, the blanks a `~` takes off gone) and the line and column where
    the file writes its first character."""

    text: str
    place: tuple[int, int]


# A part of a template: its literal text, an interpolation's expression, or a directive.
_TemplatePart = _Literal | Node | _IfDirective | _ForDirective
# The deepest directives are nested in one template that are worked out: past it, a value not stated.
_DEEPEST_DIRECTIVES = 32
_DIRECTIVES = (
    "template_if_start",
    "template_else",
    "template_endif",
    "template_for_start",
    "template_endfor",
)


def _directed(parts: list[Node]) -> list[_TemplatePart] | None:
    """A quoted string's parts as a template of directives (`_TemplatePart`), each `if` and `for` holding
    its own parts; None where the directives do not nest as Terraform requires."""
    flat = _template_parts(parts)
    if flat is None:
        return None
    # each directive open now: what it is, and the parts its arm being read takes
    open_now: list[tuple[Node, list[_TemplatePart], list[_TemplatePart] | None]] = []
    top: list[_TemplatePart] = []
    current = top
    for part in flat:
        kind = _kind(part) if not isinstance(part, _Literal) else ""
        if kind in ("template_if_start", "template_for_start"):
            if len(open_now) >= _DEEPEST_DIRECTIVES:
                return None
            open_now.append((part, current, None))
            current = []
        elif kind == "template_else" and open_now and _kind(open_now[-1][0]) == "template_if_start":
            start, outer, then = open_now[-1]
            if then is not None:
                return None  # a second `else`
            open_now[-1] = (start, outer, current)
            current = []
        elif kind in ("template_endif", "template_endfor") and open_now:
            start, outer, then = open_now.pop()
            made = _directive(start, kind, then, current)
            if made is None:
                return None
            outer.append(made)
            current = outer
        elif kind in _DIRECTIVES:
            return None
        else:
            current.append(part)
    return top if not open_now else None


def _directive(
    start: Node, end: str, then: list[_TemplatePart] | None, last: list[_TemplatePart]
) -> _TemplatePart | None:
    """The `if` or `for` that `start` opens and `end` closes, of its arms' parts; None where they differ."""
    expressions = [t for t in _trees(start) if _kind(t) not in ("identifier", "new_line_or_comment")]
    if len(expressions) != 1:
        return None
    if _kind(start) == "template_if_start" and end == "template_endif":
        return _IfDirective(
            expressions[0], then if then is not None else last, last if then is not None else []
        )
    names = [_name(t) for t in _trees(start) if _kind(t) == "identifier"]
    if _kind(start) == "template_for_start" and end == "template_endfor" and len(names) in (1, 2):
        return _ForDirective(names, expressions[0], last)
    return None


def _template_parts(parts: list[Node]) -> list[_TemplatePart | Node] | None:
    """A quoted string's parts in order: literal text (unescaped), an interpolation's expression, or a
    directive's node; the blanks a `~` of a directive takes off the text beside it gone (`%{~ if` those at
    the end of the text before it, `~}` those at the start of the text after it). None for a part not
    read (an interpolation of no expression)."""
    flat: list[_TemplatePart | Node] = []
    strip_next = False
    for part in parts:
        inner = _child(part, "interpolation")
        directive = next((t for t in _trees(part) if _kind(t) in _DIRECTIVES), None)
        if directive is not None:
            tokens = [str(t) for t in directive.children if not hasattr(t, "data")]
            if tokens[1:2] == ["~"] and flat and isinstance(flat[-1], _Literal):
                flat[-1] = replace(flat[-1], text=flat[-1].text.rstrip(_TEMPLATE_BLANKS))
            flat.append(directive)
            strip_next = tokens[-2:-1] == ["~"]
            continue
        if inner is not None:
            expression = next(iter(_trees(inner)), None)
            if expression is None:
                return None
            flat.append(expression)
        else:
            text, places = _literal(part)
            kept = text.lstrip(_TEMPLATE_BLANKS) if strip_next else text
            cut = len(text) - len(kept)
            placed = len(places) == len(text) and cut < len(text)  # each character at its own column
            flat.append(_Literal(kept, places[cut] if placed else places[0] if places else (1, 1)))
        strip_next = False
    return flat


_TEMPLATE_BLANKS = " \t\r\n"  # what a template's `~` takes off the text beside it


def _joined(pieces: list[Word], at: Mark, exact: bool) -> Word:
    """The text `pieces` build: stated whole, or a shape with a hole for each piece not stated."""
    if all(piece.text is not None for piece in pieces):
        text = "".join(piece.text or "" for piece in pieces)
        return Word(text, at, exact=exact) if len(text) <= _MOST_TEXT else Word(None, at)
    holes: list[str | None] = []
    shape = []
    for piece in pieces:
        if piece.text is not None:
            shape.append(piece.text)
        elif piece.shape is not None:
            shape.append(_renumbered(piece.shape, len(holes)))
            holes.extend(piece.holes)
        else:
            shape.append(f"{HOLE}-{len(holes)}-")
            holes.append(piece.holder)
    built = "".join(shape)
    if len(built) > _MOST_TEXT:
        return Word(None, at)
    # A word built around one value is told by its text too (`"${each.value}-${var.x}"` for two keys is two
    # words, see `Word.identity`): only the value alone is told by what holds it.
    alone = len(holes) == 1 and built == f"{HOLE}-0-"
    return Word(None, at, holder=holes[0] if alone else None, shape=built, holes=tuple(holes))


def _parenthesised(node: Node) -> bool:
    """Whether an expression is another in parentheses (`(var.x)`)."""
    return _kind(node) == "expr_term" and len(_trees(node)) == 1 and str(node.children[0]) == "("


def _conditional_parts(node: Node) -> tuple[Node, Node, Node]:
    """A conditional's condition and its two branches (`condition ? a : b`)."""
    condition, yes, no = [t for t in _trees(node) if _kind(t) != "new_line_or_comment"][:3]
    return condition, yes, no


def _numeric(text: str | None) -> float | None:
    """A number Terraform reads in a text (`2`, `2.5`, `-1`); None for any other (`nan`, `inf`, `1_000`)."""
    try:
        number = float(text) if text is not None and len(text) <= 40 and "_" not in text else None
    except ValueError:
        return None
    return number if number is not None and math.isfinite(number) else None


_ARITHMETIC = ("+", "-", "*", "/", "%")
# The functions whose value is the value they are given, as its members are (`tomap({...}).key`).
_KEEPING = ("tomap", "tolist", "tostring", "tonumber", "sensitive", "nonsensitive")
# The functions that test a text, by what each says of two stated texts.
_TESTS: dict[str, Callable[[str, str], bool]] = {
    "startswith": str.startswith,
    "endswith": str.endswith,
    "strcontains": lambda text, part: part in text,
}


def _arithmetic(operator: str, left: float | None, right: float | None) -> str | None:
    """An arithmetic operation of two numbers, written as Terraform writes the number (`2`, `2.5`); None for
    an operand not stated, a division by zero, or a number too large to write."""
    if left is None or right is None or (operator in "/%" and right == 0):
        return None
    if operator == "%":
        found = math.fmod(left, right)
    else:
        found = {"+": left + right, "-": left - right, "*": left * right, "/": left / right}[operator]
    return _number_text(found) if math.isfinite(found) and abs(found) < 1e15 else None


def _number_text(number: float) -> str:
    return str(int(number)) if number == int(number) else repr(number)


def _set_of(items: list[Word]) -> list[Word]:
    """`toset` of a list: each stated item once, in the order of their texts, as Terraform orders a set of
    strings; items not stated kept (which of them are equal is not known)."""
    stated = {word.text: word for word in items if word.text is not None}
    return [stated[text] for text in sorted(stated)] + [word for word in items if word.text is None]


def _distinct(items: list[Word]) -> list[Word]:
    """`distinct` of a list: each stated item at its first place; items not stated kept."""
    seen: set[str] = set()
    kept = []
    for word in items:
        if word.text is None or word.text not in seen:
            kept.append(word)
            seen.add(word.text or "")
    return kept


def _sorted(items: list[Word]) -> list[Word] | None:
    """`sort` of a list whose items are all stated (the place of one not stated is not known)."""
    if any(word.text is None for word in items):
        return None
    return sorted(items, key=lambda word: str(word.text))


# The functions that make a list of one list, each from that list's items.
_LIST_REWRITES: dict[str, Callable[[list[Word]], list[Word] | None]] = {
    "tolist": lambda items: items,
    "toset": _set_of,
    "distinct": _distinct,
    "compact": lambda items: [word for word in items if word.text != ""],
    "reverse": lambda items: items[::-1],
    "sort": _sorted,
}


def _text_function(change: Callable[..., str], more: int = 0) -> Callable[..., Word | None]:
    """A function of a text (and `more` stated texts after it) that gives a text: `lower(x)`,
    `trimsuffix(x, "/")`; its value where the module states them all."""

    def apply(c: _Configuration, path: str, arguments: list[Node], at: Mark) -> Word | None:
        if len(arguments) != 1 + more:
            return None
        texts = [c.word(path, argument, at).text for argument in arguments]
        if None in texts:
            return None
        text = change(*texts)
        return Word(text, at) if len(text) <= _MOST_TEXT else None

    return apply


def _replaced(text: str, old: str, new: str) -> str:
    if len(old) > 1 and old.startswith("/") and old.endswith("/"):  # a regular expression: not worked out
        raise _NotWorkedOut
    if old and len(text) + text.count(old) * (len(new) - len(old)) > _MOST_TEXT:
        raise _NotWorkedOut  # longer than any value is built to: not built at all
    return text.replace(old, new) if old else text


class _NotWorkedOut(Exception):
    """A function's value migcheck does not work out (a regular expression's replacement)."""


def _replace(c: _Configuration, path: str, arguments: list[Node], at: Mark) -> Word | None:
    try:
        return _text_function(_replaced, 2)(c, path, arguments, at)
    except _NotWorkedOut:
        return None


def _cidr_subnet(c: _Configuration, path: str, arguments: list[Node], at: Mark) -> Word | None:
    """`cidrsubnet(prefix, newbits, netnum)`: the `netnum`th subnet of `newbits` more bits of a stated
    prefix (`cidrsubnet("10.0.0.0/16", 8, 2)` is `10.0.2.0/24`), as Terraform works it out."""
    import ipaddress

    texts = [c.word(path, argument, at).text for argument in arguments] if len(arguments) == 3 else []
    bits, number = (whole_number(texts[1] or ""), whole_number(texts[2] or "")) if texts else (None, None)
    try:
        network = ipaddress.ip_network(texts[0] or "", strict=False) if texts else None
    except ValueError:
        return None
    if network is None or bits is None or number is None:
        return None
    length = network.prefixlen + bits
    if length > network.max_prefixlen or number >= 2**bits:
        return None
    start = int(network.network_address) + (number << (network.max_prefixlen - length))
    return Word(str(ipaddress.ip_network((start, length))), at)


def _to_string(c: _Configuration, path: str, arguments: list[Node], at: Mark) -> Word | None:
    """`tostring(x)`: the value itself."""
    return c.word(path, arguments[0], at) if len(arguments) == 1 else None


def _format(c: _Configuration, path: str, arguments: list[Node], at: Mark) -> Word | None:
    """`format(spec, values...)` of a stated spec of `%s`, `%v`, `%d` (with a width and flags: `%02d`,
    `%-8s`) and `%%`: the text it builds, a hole for each value not stated (so an id built so is an id named
    by a stand-in, and `format("web-%02d", count.index + 1)` is `web-01`); None for another verb."""
    spec = c.word(path, arguments[0], at).text if arguments else None
    if spec is None:
        return None
    pieces: list[Word] = []
    given = iter(arguments[1:])
    for literal, verb in _format_parts(spec):
        value = next(given, None) if verb else None
        if verb and value is None:
            return None  # too few values: Terraform refuses it
        pieces.append(Word(literal, at))
        if value is not None:
            word = c.word(path, value, at)
            formatted = _formatted(verb, word.text) if word.text is not None else None
            pieces.append(Word(formatted, at) if formatted is not None else replace(word, text=None))
    if any(piece.text is None and piece.shape is None and piece.holder is None for piece in pieces):
        return None  # a verb migcheck does not work out
    return _joined(pieces, at, exact=False)


def _derived_holder(node: Node, operands: list[Word]) -> str:
    """What holds an operation's value not stated: the expression, as the value of the one operand the module
    does not state made into another (`count.index + 1`), so that each instance's index gives each its own,
    as `count.index` does (see `styled_holder`); the expression alone where more than one is not stated."""
    unstated = [word for word in operands if word.text is None]
    if len(unstated) == 1 and unstated[0].holder is not None:
        return styled_holder(unstated[0].holder, _source(node)) or _source(node)
    return _source(node)


def _format_parts(spec: str) -> Iterator[tuple[str, str]]:
    """A format spec's literal texts, each with the verb after it (`%02d`; "" after the last)."""
    literal: list[str] = []
    at = 0
    while at < len(spec):
        if spec[at] != "%":
            literal.append(spec[at])
            at += 1
            continue
        end = at + 1
        while end < len(spec) and (spec[end] in "-+ 0#." or spec[end].isdigit()):
            end += 1
        verb = spec[at : end + 1]
        at = end + 1
        if verb == "%%":
            literal.append("%")
            continue
        yield "".join(literal), verb
        literal = []
    yield "".join(literal), ""


def _formatted(verb: str, text: str) -> str | None:
    """A stated value as a `format` verb writes it (`%s`, `%v`, `%d`, with flags and a width of at most two
    digits); None for another verb or a value it cannot write (`%d` of a text)."""
    flags, kind = verb[1:-1], verb[-1:]
    if kind not in ("s", "v", "d") or not all(char in "-0" or char.isdigit() for char in flags):
        return None
    if len(flags.lstrip("-0")) > 2:
        return None  # a width past 99: not built
    if kind == "d":
        number = whole_number(text.removeprefix("-"))
        return f"%{flags}d" % (-number if text.startswith("-") else number) if number is not None else None
    return f"%{flags}s" % text


def _join(c: _Configuration, path: str, arguments: list[Node], at: Mark) -> Word | None:
    """`join(separator, list...)` of stated lists: their items with the separator between, a hole for each
    item not stated."""
    separator = c.word(path, arguments[0], at) if len(arguments) >= 2 else None
    if separator is None or separator.text is None:
        return None
    items: list[Word] = []
    for argument in arguments[1:]:
        listed = c.listed(path, argument, at, _MOST_COUNT)
        if listed is None:
            return None
        items += listed
    pieces = [piece for item in items for piece in (Word(separator.text, at), item)][1:]
    return _joined(pieces, at, exact=False) if pieces else Word("", at)


def _coalesce(c: _Configuration, path: str, arguments: list[Node], at: Mark) -> Word | None:
    """`coalesce(a, b, ...)`: the first value that is neither `null` nor empty; not stated where a value
    before it is not stated (it may be either)."""
    for argument in arguments:
        if c.is_null(path, argument):
            continue
        word = c.word(path, argument, at)
        if word.text is None:
            return None
        if word.text:
            return word
    return None


def _one(c: _Configuration, path: str, arguments: list[Node], at: Mark) -> Word | None:
    """`one(list)`: the item of a list of one item the module states."""
    items = c.listed(path, arguments[0], at, _MOST_COUNT) if len(arguments) == 1 else None
    return items[0] if items is not None and len(items) == 1 else None


def _try(c: _Configuration, path: str, arguments: list[Node], at: Mark) -> Word | None:
    """`try(a, b, ...)`: the first value Terraform can work out, stepping past a member the module's object
    or list does not hold (`try(local.settings.vm_id, "")`)."""
    for argument in arguments:
        if not c.fails(path, argument):
            return c.word(path, argument, at)
    return None


def _length(c: _Configuration, path: str, arguments: list[Node], at: Mark) -> Word | None:
    """`length(x)` of a list, map or text the module states."""
    if len(arguments) != 1:
        return None
    found = c.written(path, arguments[0])
    if found is not None and _kind(_unwrapped(found[1])) == "object":
        return Word(str(len(c.object_members(found[0], _unwrapped(found[1])))), at)
    items = c.listed(path, arguments[0], at)
    if items is not None:
        return Word(str(len(items)), at)
    text = c.word(path, arguments[0], at).text
    return Word(str(len(text)), at) if text is not None else None


# Terraform's functions of values that `_Configuration.word` works out, by name (the others' values are not
# stated): what each gives of its arguments' expressions, None where the module does not state it.
def _template_file(c: _Configuration, path: str, arguments: list[Node], at: Mark) -> Word | None:
    """`templatefile("${path.module}/id.tpl", { vm = "web01" })`: the template the file holds (a file the run
    checks, read as `jsondecode`'s is), rendered with the variables the object the module writes gives (each
    name bound as a `for` expression's item is, its directives as a string's); a value not stated for
    variables the module does not write as an object. Shown at the call."""
    if len(arguments) != 2:
        return None
    stated = c.word(path, arguments[0], at).text
    settings = (
        beside.settings_file(stated, listed=False, at=_value_mark(path, arguments[0])) if stated else None
    )
    template = beside.values_of(settings, _template_node) if settings is not None else None
    given = c.written(path, arguments[1]) if template is not None else None
    if template is None or given is None or _kind(_unwrapped(given[1])) != "object":
        return None
    variables = list(c.object_members(given[0], _unwrapped(given[1])).items())
    rendered: list[Word] = []

    def bind(index: int) -> None:
        if index == len(variables):
            rendered.append(c.word(path, template, at))
            return
        name, value = variables[index]
        c.bound_for([name], Word(name, at), (given[0], value), lambda: bind(index + 1))

    bind(0)
    return replace(rendered[0], mark=at, exact=False) if rendered else None


def _template_node(settings: beside.Settings) -> Node | None:
    from migcheck.readers import terraform_json

    try:
        return terraform_json.template_file(settings.data.decode("utf-8").removeprefix("\ufeff"))
    except (UnicodeDecodeError, RecursionError):
        return None


_FUNCTIONS: dict[str, Callable[[_Configuration, str, list[Node], Mark], Word | None]] = {
    "lower": _text_function(str.lower),
    "upper": _text_function(str.upper),
    "trimspace": _text_function(str.strip),
    "chomp": _text_function(lambda text: text.rstrip("\r\n")),
    "trimprefix": _text_function(str.removeprefix, 1),
    "trimsuffix": _text_function(str.removesuffix, 1),
    "trim": _text_function(str.strip, 1),
    "replace": _replace,
    "tostring": _to_string,
    "cidrsubnet": _cidr_subnet,
    "format": _format,
    "join": _join,
    "coalesce": _coalesce,
    "one": _one,
    "try": _try,
    "length": _length,
    "templatefile": _template_file,
}


def _renumbered(shape: str, after: int) -> str:
    """A shape's holes numbered from `after` on, to sit in a longer shape."""
    if not after:
        return shape
    pieces = shape.split(f"{HOLE}-")
    out = [pieces[0]]
    for piece in pieces[1:]:
        number, dash, rest = piece.partition("-")
        out.append(f"{HOLE}-{int(number) + after}{dash}{rest}" if number.isdigit() else f"{HOLE}-{piece}")
    return "".join(out)


# --- each type, as the classic CLI's commands ----------------------------------------------------------


def _made_and_provisioned(
    make: Callable[[_Configuration, _Resource], None], c: _Configuration, r: _Resource
) -> None:
    """A resource, then the command lines its `local-exec` provisioners run on the machine that applies the
    configuration once it is created (not those `when = destroy`), each read in its interpreter."""
    make(c, r)
    for kind, block in r.blocks:
        if kind != "provisioner":
            continue
        _, labels, inner = _block_parts(block)
        given = _attributes(inner)
        if labels == ["local-exec"] and "command" in given and _on_create(c, r.path, given.get("when")):
            c.current = r
            try:
                _provision(c, r.path, given)
            finally:
                c.current = None


class _Arguments:
    """A resource's block, or one nested in it, as `terraform_azurerm` reads it: its arguments evaluated,
    each stated value shown at the argument that writes it (`_at_argument`)."""

    def __init__(
        self,
        c: _Configuration,
        r: _Resource,
        mark: Mark,
        items: list[Node] | None = None,
        budget: list[int] | None = None,
    ) -> None:
        self.c, self.r, self.mark = c, r, mark
        self.given = r.attributes if items is None else _attributes(items)
        nested = (
            r.blocks if items is None else [(_block_parts(b)[0], b) for b in items if _kind(b) == "block"]
        )
        self.nested = nested
        # How many more blocks the resource's `dynamic` blocks may write (`_MOST_DYNAMIC_BLOCKS`).
        key = (r.path, r.kind, r.name)
        self.budget = budget if budget is not None else c.dynamic_left.setdefault(key, [_MOST_DYNAMIC_BLOCKS])

    def word(self, argument: str) -> Word | None:
        node = self.given.get(argument)
        if node is None:
            return None
        return _at_argument(self.c.argument_word(self.r.path, node), _value_mark(self.r.path, node))

    def words(self, argument: str) -> list[Word]:
        """The items of a list the argument writes (`[local.vm]`), each at its item, or the list a variable
        or local holds (`local.vms`) or a function or `for` expression builds of stated lists (`concat(...)`,
        `_Configuration.listed`), each at the argument; the one value of any other."""
        node = self.given.get(argument)
        if node is None:
            return []
        path, at = self.r.path, _value_mark(self.r.path, node)
        if _kind(_unwrapped(node)) == "tuple":
            items = _items(_unwrapped(node))
            return [
                _at_argument(self.c.word(path, i, _value_mark(path, i)), _value_mark(path, i)) for i in items
            ]
        listed = self.c.listed(path, node, at)
        if listed is not None:
            return [_at_argument(word, at) for word in listed]
        return [_at_argument(self.c.word(path, node, at), at)]

    def blocks(self, kind: str) -> list[_Arguments | _Evaluated]:
        """The blocks of `kind` nested in it, in order: each written out, and a `dynamic "<kind>"` block's
        `content` once for each item of its `for_each`, evaluated with that item (`_Evaluated`)."""
        found: list[_Arguments | _Evaluated] = []
        for named, block in self.nested:
            if named == kind:
                found.append(self.inner(block))
            elif named == "dynamic" and _block_parts(block)[1] == [kind]:
                most = max(self.budget[0], 0)
                self.c.dynamic(
                    self.r.path, block, lambda content: found.append(self.evaluated(content)), most
                )
        return found

    def inner(self, block: Node) -> _Arguments:
        return _Arguments(self.c, self.r, _mark(self.r.path, block), _block_parts(block)[2], self.budget)

    def evaluated(self, content: Node) -> _Evaluated:
        self.budget[0] -= 1
        return _Evaluated.of(self.inner(content))


@dataclass
class _Evaluated:
    """A block a `dynamic` block writes, its values evaluated while its iterator is that item's: read after
    the item, as `_Arguments` is."""

    mark: Mark
    given: dict[str, tuple[Word, list[Word]]]
    nested: dict[str, list[_Evaluated]]

    @classmethod
    def of(cls, block: _Arguments) -> _Evaluated:
        given = {argument: (block.word(argument), block.words(argument)) for argument in block.given}
        kinds = [
            _block_parts(b)[1][0] if k == "dynamic" and _block_parts(b)[1] else k for k, b in block.nested
        ]
        read = [kind for kind in dict.fromkeys(kinds) if kind in terraform_azurerm.NESTED_BLOCKS]
        nested = {kind: [cls.of_any(b) for b in block.blocks(kind)] for kind in read}
        return cls(block.mark, {k: (w, ws) for k, (w, ws) in given.items() if w is not None}, nested)

    @classmethod
    def of_any(cls, block: _Arguments | _Evaluated) -> _Evaluated:
        return block if isinstance(block, _Evaluated) else cls.of(block)

    def word(self, argument: str) -> Word | None:
        found = self.given.get(argument)
        return found[0] if found is not None else None

    def words(self, argument: str) -> list[Word]:
        found = self.given.get(argument)
        return found[1] if found is not None else []

    def blocks(self, kind: str) -> list[_Evaluated]:
        return self.nested.get(kind, [])


def _at_argument(word: Word, at: Mark) -> Word:
    """A stated value shown at the argument (`at`) that puts the resource on it, not where a variable's
    default, a local or a module's caller writes it: the finding is about the resource's use of the id."""
    if word.text is None or word.mark == at:
        return word
    return replace(word, mark=at, exact=False, placed=None)


def _reaching_into_classic(c: _Configuration, r: _Resource) -> None:
    """An `azurerm` resource that may reach into a classic one: the records its export row would give."""
    c.reaching.extend(terraform_azurerm.READ[r.kind](_Arguments(c, r, r.mark), r.name))


def _azapi(c: _Configuration, r: _Resource) -> None:
    """An `azapi` resource of a type the rules read: the records of the template resource its `type` and
    `body` write (`terraform_azapi`)."""
    text = c.module.texts.get(r.path)
    rtype = _stated_argument(c, r, "type")
    if text is None or not terraform_azapi.declares(rtype.text):
        return
    source = SourceText(text)
    body = _AzapiBody(c, r.path, source)
    value = body.value(r.attributes["body"]) if "body" in r.attributes else {}
    if isinstance(value, str):  # azapi 1.x's body as JSON text (a heredoc)
        value = body.decoded(value, r.attributes["body"])
    ends = [_end_offset(source, node) for node in r.attributes.values()]
    # The block's own arguments are the template resource's members beside its body (a role assignment's
    # `scope`, its `parent_id`), each written where the argument's value is.
    arguments = [_stated_argument(c, r, name) for name in terraform_azapi.ARGUMENTS]
    for member, word in zip(terraform_azapi.ARGUMENTS.values(), arguments, strict=True):
        if word.text is not None:
            at = _offset(source, word.mark)
            body.keys.append((at, member, at))
            body.strings.append((at, word.text))
    name, parent_id, resource_id, location = (argument.text for argument in arguments)
    resource = terraform_azapi.Resource(
        r.path,
        text,
        r.mark,
        rtype.text,
        rtype.mark,
        name,
        parent_id,
        resource_id,
        location,
        value,
        Written(tuple(sorted(body.keys)), tuple(sorted(body.strings))),
        _offset(source, r.mark),
        max(ends, default=_offset(source, r.mark)),
        _value_mark(r.path, r.attributes["name"]) if "name" in r.attributes else None,
    )
    c.azapi.append(resource)


def _stated_argument(c: _Configuration, r: _Resource, argument: str) -> Word:
    node = r.attributes.get(argument)
    if node is None:
        return Word(None, r.mark)
    return _at_argument(c.argument_word(r.path, node), _value_mark(r.path, node))


# At most this many values of an `azapi` body are read, for each character of its file (a local's object
# written once may be used many times over), and a floor for small files: past it, a value is not known.
_BODY_VALUES_PER_CHAR = 2
_BODY_VALUES_FLOOR = 10_000


class _AzapiBody:
    """An `azapi` resource's `body` (an object, or `jsonencode` of one) as the plain value a template's
    resource writes: objects and lists as dicts and lists, a value the module states as its text (a number
    or `true` and `false` as JSON's), any other `Unknown`; and where the file writes each key (`keys`: its
    offset, the key, its value's offset) and each string (`strings`), as `inventory_shapes.Written` holds
    them. An object or list a local or variable of any file of the module holds, or a JSON file's
    (`jsondecode(file(...))`), is followed to it, marked at the reference."""

    def __init__(self, c: _Configuration, path: str, source: SourceText) -> None:
        self.c, self.path, self.source = c, path, source
        self.keys: list[tuple[int, str, int]] = []
        self.strings: list[tuple[int, str]] = []
        self.left = _BODY_VALUES_FLOOR + _BODY_VALUES_PER_CHAR * len(source.text)
        # The nodes followed to now: one that leads back to itself is a cycle, which Terraform refuses.
        self.following: set[int] = set()
        # Where a value followed to elsewhere (`local.body`) is marked: at the reference the body writes,
        # which is what puts the value in the resource, as a template marks a variable's value where it is used.
        self.at: int | None = None

    def value(self, node: Node) -> object:
        self.left -= 1
        node = _unwrapped(node)
        kind = _kind(node)
        if self.left < 0 or id(node) in self.following:
            return Unknown()
        if kind == "function_call" and _function(node)[0] == "jsonencode" and len(_function(node)[1]) == 1:
            return self.value(_function(node)[1][0])
        if kind == "object":
            return self.members(node)
        if kind == "tuple":
            return [self.value(item) for item in _items(node)]
        if kind == "function_call" and _function(node)[0] in ("merge", "file"):
            return self.merged(node) if _function(node)[0] == "merge" else self.file_text(node)
        found = self.c.written(self.path, node)
        if found is not None and _kind(_unwrapped(found[1])) in ("object", "tuple"):
            # a local of any file of the module, a JSON file's value: marked at the reference
            self.following.add(id(node))
            outer, self.at = self.at, self.at if self.at is not None else self.offset(node)
            path, self.path = self.path, found[0]
            try:
                return self.value(found[1])
            finally:
                self.following.discard(id(node))
                self.at, self.path = outer, path
        return self.scalar(node)

    def merged(self, node: Node) -> object:
        """`merge(a, b, ...)` of objects the module states: their members, a later one's over an earlier
        one's of the same key (Terraform merges one level deep); `Unknown` where one is no object."""
        merged: dict[str, object] = {}
        for argument in _function(node)[1]:
            value = self.value(argument)
            if not isinstance(value, dict):
                return Unknown(mark=_value_mark(self.path, node))
            merged.update(value)
        return merged

    def file_text(self, node: Node) -> object:
        """`file("body.json")`: the text a file of the repository holds (azapi 1.x's body as JSON text), where
        its path is stated and the run checks it (`beside.settings_file`); `Unknown` else."""
        given = _function(node)[1]
        at = _value_mark(self.path, node)
        stated = self.c.word(self.path, given[0], at).text if len(given) == 1 else None
        settings = (
            beside.settings_file(stated, listed=False, at=_value_mark(self.path, given[0]))
            if stated
            else None
        )
        if settings is None:
            return Unknown(mark=at)
        return settings.data.decode("utf-8", "replace").removeprefix("\ufeff")

    def offset(self, node: Node) -> int:
        return self.at if self.at is not None else _offset(self.source, _value_mark(self.path, node))

    def decoded(self, text: str, node: Node) -> object:
        """A body written as JSON text, its keys and strings all marked at the text, whose characters are
        not placed one by one; `Unknown` for text that is no JSON."""
        import json

        try:
            value = json.loads(text)
        except (ValueError, RecursionError):
            return Unknown()
        at = self.offset(node)
        stack = [value]
        while stack:
            current = stack.pop()
            if isinstance(current, dict):
                self.keys += [(at, key, at) for key in current]
                stack.extend(current.values())
            elif isinstance(current, list):
                stack.extend(current)
            elif isinstance(current, str):
                self.strings.append((at, current))
        return value

    def members(self, node: Node) -> dict[str, object]:
        found: dict[str, object] = {}
        for key, key_node, value in self.c.object_elements(self.path, node):
            at = self.at if self.at is not None else _offset(self.source, _mark(self.path, key_node))
            self.keys.append((at, key, self.offset(value)))
            found.setdefault(key, self.value(value))
        return found

    def scalar(self, node: Node) -> object:
        at = _value_mark(self.path, node)
        word = self.c.word(self.path, node, at)
        if word.text is None:
            return Unknown(mark=at)
        kind = _kind(node)
        if kind in ("int_lit", "float_lit"):
            number = float(word.text)
            return int(number) if number.is_integer() and kind == "int_lit" else number
        if word.exact and word.text in ("true", "false") and kind != "string":
            return word.text == "true"
        self.strings.append((self.offset(node), word.text))
        return word.text


def _offset(source: SourceText, mark: Mark) -> int:
    return source.offset_of_line(mark.line) + max(mark.column - 1, 0)


def _end_offset(source: SourceText, node: Node) -> int:
    meta = node.meta
    return _offset(source, Mark("", meta.end_line, column=meta.end_column)) if not meta.empty else 0


def _made_elsewhere(c: _Configuration, r: _Resource) -> None:
    """A resource of another provider (`null_resource`, `azurerm_*`): nothing classic, its provisioners
    aside."""


def _on_create(c: _Configuration, path: str, when: Node | None) -> bool:
    """Whether a provisioner runs when its resource is created: `when` not given, or `create` (Terraform
    0.11 writes it in quotes, `"create"`); only `destroy` runs it on destroy instead."""
    if when is None:
        return True
    word = c.word(path, when, _mark(path, when))
    return (word.text or word.holder) != "destroy"


def _provision(c: _Configuration, path: str, given: dict[str, Node]) -> None:
    """A `local-exec` provisioner's `command`, read as its `interpreter` runs it: by the shell reader (the
    default, `/bin/sh -c`, or a shell named), the PowerShell reader (PowerShell and pwsh, given it with
    `-Command`) or the Python reader (`python3 -c`), after the shell's lines (`_Configuration.held`); one of
    another interpreter (cmd, perl), or one not stated, is said not read."""
    stated = given.get("interpreter")
    language = _SHELL if stated is None else _interpreter_language(c, path, stated)
    environment = _environment(c, path, given)
    if language == _SHELL:
        _run_command(c, path, given["command"], environment)
        return
    held = _held_command(c, path, given["command"], language, environment) if language else None
    if held is None:
        c.lines.unread(replace(_mark(path, stated or given["command"]), tag=INTERPRETER_NOT_READ))
    elif held.text:
        c.held.append(held)


_SHELL, _POWERSHELL, _PYTHON = "Shell", "PowerShell", "Python"
# The programs, by their names without folder and `.exe`, that run a provisioner's command in each language.
_INTERPRETERS = {
    **dict.fromkeys(("sh", "bash", "dash", "ksh", "zsh"), _SHELL),
    **dict.fromkeys(("powershell", "pwsh"), _POWERSHELL),
    **dict.fromkeys(("python", "python2", "python3", "py"), _PYTHON),
}


def _interpreter_language(c: _Configuration, path: str, node: Node) -> str | None:
    """The language an `interpreter` list's program reads (`["PowerShell", "-Command"]`, `["/bin/bash",
    "-c"]`, `["/usr/bin/env", "bash", "-c"]`): one of `_INTERPRETERS`, else None (a program migcheck does
    not read, one not stated)."""
    program = _program_name(word.text for word in c.words(path, node, _mark(path, node)))
    return _INTERPRETERS.get(program) if program is not None else None


# `env`'s options that take the next word as their value (GNU `-u NAME`, `-C DIR`; BSD `-P PATH`).
_ENV_VALUED_OPTIONS = frozenset(("-u", "-C", "-P", "--unset", "--chdir"))


def _program_name(texts: Iterable[str | None]) -> str | None:
    """The base name of the program a command's words run (`C:\\...\\powershell.exe` is `powershell`), past
    `env` and its options and `NAME=value` words, as env finds the program it runs; None where a word on
    the way is not stated."""
    words = iter(texts)
    after_env = False
    for text in words:
        if text is None:
            return None
        if after_env and (text.startswith("-S") or text.startswith("--split-string")):
            return _program_name(_split_string(text, words) + list(words))
        if after_env and text in _ENV_VALUED_OPTIONS:
            next(words, None)
        elif not (after_env and (text.startswith("-") or "=" in text)):
            name = text.replace("\\", "/").rsplit("/", 1)[-1].casefold().removesuffix(".exe")
            if name != "env":
                return name
            after_env = True
    return None


def _split_string(option: str, words: Iterator[str | None]) -> list[str | None]:
    """The words of `env -S`'s string (`-S "pwsh -NoProfile"`, `-Sbash`, `--split-string=bash -e`), which env
    splits at blanks into the command it runs."""
    value = option.partition("=")[2] if option.startswith("--") else option[2:]
    if not value and "=" not in option:
        value = next(words, None) or ""
    return list(value.split())


@dataclass
class _Held:
    """A provisioner's command for the PowerShell or Python reader: its text, each character's place."""

    language: str
    path: str
    text: str = ""
    places: list[tuple[int, int]] = field(default_factory=list)
    # Where a value the module does not state is written as a PowerShell variable no line assigns.
    filled: list[tuple[int, int]] = field(default_factory=list)

    def add(self, text: str, places: list[tuple[int, int]]) -> None:
        last = places[-1] if places else (1, 1)
        self.text += text
        self.places += [places[i] if i < len(places) else last for i in range(len(text))]


def _held_command(
    c: _Configuration, path: str, node: Node, language: str, environment: list[tuple[str, Word]]
) -> _Held | None:
    """A command as its interpreter is given it, Terraform's values put in: one the module does not state a
    PowerShell variable no line assigns (`${var.name}`, PowerShell's braced name), whose value the file does
    not state; None for a Python command with such a value, which Python has no way to write."""
    node = _unwrapped(node)
    held = _Held(language, path)
    if language == _POWERSHELL:  # its `environment` variables, set before it runs
        for name, value in environment:
            place = [(value.mark.line, value.mark.column)]
            quoted = "'" + value.text.replace("'", "''") + "'" if value.text is not None else None
            held.add(f"$env:{name} = {quoted or _unassigned(value.holder or name)}\n", place)
    parts = [p for p in _trees(node) if _kind(p) == "string_part"] if _kind(node) == "string" else []
    if not parts:
        word = c.word(path, node, _mark(path, node))
        if word.text is None:
            return None
        held.add(word.text, [(word.mark.line, word.mark.column)])
        return held
    for part in parts:
        inner = _child(part, "interpolation")
        if inner is None:
            text, places = _literal(part)
            held.add(text, places)
            continue
        at = _mark(path, inner)
        word = c.word(path, next(iter(_trees(inner)), None), at)
        if word.text is None and language != _POWERSHELL:
            return None
        if word.text is None:  # Terraform puts the value in, whatever quotes the command has around it
            start = len(held.text)
            held.add(_unassigned(_source(inner)), [(at.line, at.column)])
            held.filled.append((start, len(held.text)))
        else:
            held.add(word.text, [(at.line, at.column)])
    return held


def _unassigned(source: str) -> str:
    """A PowerShell variable no line assigns, named after the expression whose value it stands for
    (`var.svc` as `${var_svc}`: the grammar reads braced names of word characters only)."""
    return "${" + "".join(c if c.isalnum() else "_" for c in source) + "}"


def _environment(c: _Configuration, path: str, given: dict[str, Node]) -> list[tuple[str, Word]]:
    """A provisioner's `environment` map: each variable's name (one a shell can name) and value."""
    node = given.get("environment")
    found = c.written(path, node) if node is not None else None
    if found is None or _kind(found[1]) != "object":
        return []
    members = c.object_members(*found).items()
    return [
        (name, c.word(found[0], value, _mark(found[0], value)))
        for name, value in members
        if name.isidentifier()
    ]


def _run_command(c: _Configuration, path: str, node: Node, environment: list[tuple[str, Word]]) -> None:
    """A provisioner's `command`, each character shown where the configuration writes it, each value in it
    the module does not state a hole; in a child shell of its own, as Terraform runs each command in a
    process of its own (what one sets or defines is not the next one's), its `environment` variables set
    there for it alone."""
    line = ansible.HeldLine(path)
    holes: list[tuple[str | None, Mark | None]] = []
    at = _mark(path, node)
    line.add("(\n", [(at.line, at.column)])
    for name, value in environment:
        line.add(f"{name}=", [(value.mark.line, value.mark.column)])
        _add_value(line, holes, value, value.holder or f"environment.{name}")
        line.add("\n", [(value.mark.line, value.mark.column)])
    if _add_command(c, path, node, line, holes):
        line.add("\n)", [(at.line, at.column)])
        before = c.lines.calls_made()
        c.lines.run_line("".join(line.pieces), line.anchors, holes)
        c.provisioner_calls.update(call.mark for call in c.lines.calls_from(before))


def _add_value(
    line: ansible.HeldLine, holes: list[tuple[str | None, Mark | None]], value: Word, holder: str
) -> None:
    """A value as one shell word: its text quoted, or a hole where the module does not state it."""
    place = [(value.mark.line, value.mark.column)]
    if value.text is not None:
        line.add(shlex.quote(value.text), place)
        return
    line.add(f"{HOLE}-{len(holes)}-", place)
    holes.append((holder, value.mark))


def _add_command(
    c: _Configuration,
    path: str,
    node: Node,
    line: ansible.HeldLine,
    holes: list[tuple[str | None, Mark | None]],
) -> bool:
    """A command's characters onto `line`; False for a command that is no string and is not stated."""
    node = _unwrapped(node)
    parts = [p for p in _trees(node) if _kind(p) == "string_part"] if _kind(node) == "string" else []
    if parts and _directives_in(parts):
        return _add_rendered(c, path, node, parts, line, holes)
    if not parts:
        word = c.word(path, node, _mark(path, node))
        if word.text is not None:
            line.add(word.text, [(word.mark.line, word.mark.column)])
        return word.text is not None
    for part in parts:
        inner = _child(part, "interpolation")
        if inner is None:
            line.add(*_literal(part))
            continue
        at = _mark(path, inner)
        word = c.word(path, next(iter(_trees(inner)), None), at)
        place = [(at.line, at.column)]
        if word.text is not None:
            line.add(word.text, place)
        else:
            filled = f"{HOLE}-{len(holes)}-"
            holes.append((word.holder or _source(inner), at))
            line.add(filled, place)
    return True


def _add_rendered(
    c: _Configuration,
    path: str,
    node: Node,
    parts: list[Node],
    line: ansible.HeldLine,
    holes: list[tuple[str | None, Mark | None]],
) -> bool:
    """A command that is a template of directives: the text it renders, each piece where the template
    writes it, a value not stated a hole; False where a condition or collection is not stated."""
    template = _directed(parts)
    pieces = c.rendered_pieces(path, template, _mark(path, node)) if template is not None else None
    if pieces is None:
        return False
    for piece in pieces:
        place = [(piece.mark.line, piece.mark.column)]
        if piece.text is not None:
            line.add(piece.text, place)
        else:
            filled = f"{HOLE}-{len(holes)}-"
            holes.append((piece.holder, piece.mark))
            line.add(filled, place)
    return True


def _directives_in(parts: list[Node]) -> bool:
    """Whether a string's parts hold a template's directives (`%{ if }`, `%{ for }`)."""
    return any(_kind(child).startswith("template_") for part in parts for child in _trees(part))


def _literal(part: Node) -> tuple[str, list[tuple[int, int]]]:
    """A string's literal part, each character at its column (an escape's where the escape starts) where
    the part is on one line."""
    tokens = [t for t in part.children if not hasattr(t, "data")]
    chars = "".join(str(t) for t in tokens)
    text, offsets = _unescaped_at(chars)
    first = tokens[0] if tokens else None
    start = (getattr(first, "line", 1) or 1, getattr(first, "column", 1) or 1)
    if "\n" in chars:
        return text, [start]
    return text, [(start[0], start[1] + offset) for offset in offsets]


def _option(option: str, value: Word | None) -> list[Word]:
    return [Word(option, value.mark), value] if value is not None else []


def _text(text: str, at: Mark) -> list[Word]:
    return [Word(word, at) for word in text.split()]


def _hosted_service(c: _Configuration, r: _Resource) -> None:
    name = c.value(r, "name") or Word(None, r.mark, holder="name")
    c.call(r, [*_text("service create", r.mark), name, *_option("-l", c.value(r, "location"))])


def _instance(c: _Configuration, r: _Resource) -> None:
    """A VM as the provider makes it: a deployment of its own, named after the VM (CreateDeployment's
    DeploymentRequest{Name: role.RoleName, DeploymentSlot: "Production"}), in `hosted_service_name`, else
    in a cloud service of the VM's name, which the provider makes (resource_azure_instance)."""
    at = r.mark
    name = c.value(r, "name") or Word(None, at, holder="name")
    service = c.value(r, "hosted_service_name") or name
    # Of VMs of one name, the one in the service of its name is the one a data disk finds.
    if name.text and service.text:
        own = service.text.casefold() == name.text.casefold()
        if own or name.text.casefold() not in c.vm_services:
            c.vm_services[name.text.casefold()] = service.text
    taken = _service_key(service)
    if taken is not None:
        if taken in c.deployed:  # the Production slot is taken: the platform refuses it
            c.lines.unread(replace(_argument_mark(r, "hosted_service_name"), tag=SECOND_PROVIDER_DEPLOYMENT))
            return
        c.deployed.add(taken)
    words = [*_text("vm create", at), service]
    for argument in ("image", "username", "password"):
        words.append(c.value(r, argument) or Word(None, at, holder=argument))
    words += _option("-n", name)
    # `location` is where the provider creates the instance's own service: one named is not moved.
    placed = () if c.value(r, "hosted_service_name") else (("location", "-l"),)
    for argument, option in (("size", "-z"), *placed, ("virtual_network", "-w"), ("subnet", "-b")):
        words += _option(option, c.value(r, argument))
    account = c.value(r, "storage_service_name")
    if account is not None:
        words += _option("-u", _os_disk_blob(account, name))
    # The provider's role has no DebugSettings: boot diagnostics stays off, where the CLI turns it on.
    words.append(Word("--disable-boot-diagnostics", at))
    if c.call(r, words) is None:
        return
    c.lines.name_deployment_after_vm()
    group = c.value(r, "security_group")
    if group is not None:  # vmutils.ConfigureWithSecurityGroup: the group is set on the VM itself
        c.lines.set_vm_group(group)
    c.nested(r, "endpoint", lambda block: _endpoint(c, r, block, name, service))


def _service_key(service: Word) -> str | None:
    """What tells the cloud service a VM is deployed in: its name, else what holds the name the module does
    not state, so that two VMs given `${azure_hosted_service.web.name}` of a variable with no value are in
    one service, as two given its stated name are. None where nothing tells, and for a value each instance
    of a `count` or `for_each` block has its own of (`each.value`), which may name a service apiece."""
    if service.text:
        return service.text.casefold()
    # the shape first: a name built around a value (`"${each.value}-${var.x}"`) is told by its text too
    held = (service.shape, *service.holes) if service.shape is not None else (service.holder,)
    if None in held or any(part.startswith(("each.", "count.")) for part in held if part is not None):
        return None
    return "\0".join(part or "" for part in ("", *held))


def _argument_mark(r: _Resource, argument: str) -> Mark:
    """Where the resource's block writes `argument`'s value, else its `resource` keyword."""
    node = r.attributes.get(argument)
    return _mark(r.path, node) if node is not None else r.mark


def _os_disk_blob(account: Word, name: Word) -> Word:
    """The provider's OS disk: `http://<storage_service_name>.blob.core.windows.net/vhds/<name>.vhd`."""
    pieces = [Word("http://", account.mark), account, Word(".blob.core.windows.net/vhds/", account.mark)]
    blob = _joined([*pieces, name, Word(".vhd", account.mark)], account.mark, exact=False)
    return replace(blob, named_at=account.named_at)  # its account's stand-in is the account's own


def _endpoint(c: _Configuration, r: _Resource, block: Node, vm: Word, service: Word) -> None:
    value = _block_values(c, r, block)
    at = _mark(r.path, block)
    public = value("public_port") or Word(None, at, holder="public_port")
    private = value("private_port") or public
    words = [*_text("vm endpoint create", at), vm, public, private]
    words += _option("-n", value("name")) + _option("-o", value("protocol")) + _option("-d", service)
    c.call(replace(r, mark=at), words)


def _virtual_network(c: _Configuration, r: _Resource) -> None:
    at = r.mark
    name = c.value(r, "name") or Word(None, at, holder="name")
    words = [*_text("network vnet create", at), name]
    spaces = c.words(r.path, r.attributes.get("address_space"), at)
    if spaces:
        words += _prefix_options("-e", "-i", spaces[0])
    words += _option("-l", c.value(r, "location"))  # no `affinity_group`: the provider's network has none
    created = False  # with its first subnet: the provider refuses a network of none

    def subnet(block: Node) -> None:
        nonlocal created
        if created:
            _subnet(c, r, block, name)
            return
        created = True
        c.call(r, words + _subnet_options(c, r, block))
        _subnet_group(c, r, block, name)

    c.nested(r, "subnet", subnet)
    if created:  # the prefixes after the first, which the provider puts in the address space too
        c.lines.widen_network(name, spaces[1:])
    else:
        c.lines.unread(replace(at, tag=NETWORK_WITHOUT_SUBNET))


def _prefix_options(start: str, size: str, prefix: Word) -> list[Word]:
    """A prefix (`10.1.0.0/16`) as the CLI's start address and CIDR size options."""
    if prefix.text is None or "/" not in prefix.text:
        return []
    address, _, bits = prefix.text.partition("/")
    return [
        Word(start, prefix.mark),
        Word(address, prefix.mark),
        Word(size, prefix.mark),
        Word(bits, prefix.mark),
    ]


def _block_values(c: _Configuration, r: _Resource, block: Node) -> Callable[[str], Word | None]:
    """The value of each argument a nested block (`subnet`, `endpoint`) writes, None for one it does not."""
    given = _attributes(_block_parts(block)[2])

    def value(argument: str) -> Word | None:
        node = given.get(argument)
        return c.argument_word(r.path, node) if node is not None else None

    return value


def _subnet_name(r: _Resource, block: Node, value: Callable[[str], Word | None]) -> Word:
    return value("name") or Word(None, _mark(r.path, block), holder="name")


def _subnet_options(c: _Configuration, r: _Resource, block: Node) -> list[Word]:
    """The network's first subnet, as `vnet create` takes it (`-n <name> -p <start> -r <cidr>`)."""
    value = _block_values(c, r, block)
    name = _subnet_name(r, block, value)
    prefix = value("address_prefix")
    return [Word("-n", name.mark), name, *(_prefix_options("-p", "-r", prefix) if prefix is not None else [])]


def _subnet(c: _Configuration, r: _Resource, block: Node, network: Word) -> None:
    value = _block_values(c, r, block)
    at = _mark(r.path, block)
    name = _subnet_name(r, block, value)
    words = [*_text("network vnet subnet create", at), network, name, *_option("-a", value("address_prefix"))]
    c.call(replace(r, mark=at), words)
    _subnet_group(c, r, block, network)


def _subnet_group(c: _Configuration, r: _Resource, block: Node, network: Word) -> None:
    """A subnet's `security_group`, as `network nsg subnet add <group> <network> <subnet>`."""
    value = _block_values(c, r, block)
    group = value("security_group")
    if group is not None:
        at = _mark(r.path, block)
        words = [*_text("network nsg subnet add", at), group, network, _subnet_name(r, block, value)]
        c.call(replace(r, mark=at), words)


def _security_group(c: _Configuration, r: _Resource) -> None:
    name = c.value(r, "name") or Word(None, r.mark, holder="name")
    location = c.value(r, "location") or Word(None, r.mark, holder="location")
    c.call(r, [*_text("network nsg create", r.mark), name, location])


_RULE_ARGUMENTS = (
    ("protocol", "-p"),
    ("source_address_prefix", "-f"),
    ("source_port_range", "-o"),
    ("destination_address_prefix", "-e"),
    ("destination_port_range", "-u"),
    ("action", "-c"),
    ("priority", "-y"),
    ("type", "-r"),
)


def _security_group_rule(c: _Configuration, r: _Resource) -> None:
    """A rule in each group `security_group_names` lists (or the one `security_group_name` names)."""
    at = r.mark
    name = c.value(r, "name") or Word(None, at, holder="name")
    groups = c.words(r.path, r.attributes.get("security_group_names"), at) or [
        c.value(r, "security_group_name") or Word(None, at, holder="security_group_name")
    ]
    options: list[Word] = []
    for argument, option in _RULE_ARGUMENTS:
        options += _option(option, c.value(r, argument))
    for group in groups:
        c.call(r, [*_text("network nsg rule create", at), group, name, *options])


def _storage_service(c: _Configuration, r: _Resource) -> None:
    name = c.value(r, "name") or Word(None, r.mark, holder="name")
    words = [*_text("storage account create", r.mark), name]
    words += _option("-l", c.value(r, "location")) + _option("-a", c.value(r, "affinity_group"))
    words += _option("--type", c.value(r, "account_type"))
    c.call(r, words)


def _data_disk(c: _Configuration, r: _Resource) -> None:
    """A registered disk (`name`) attached, or a new one of `size` GB, to the VM `virtual_machine` names, in
    the cloud service of that name (the provider's AddDataDisk(vm, vm, vm)); a new one's blob is the VHD
    `source_media_link` names, which the disk is made of (the provider sends it as the request's
    `SourceMediaLink`, whose disk the platform registers from that VHD, leaving `MediaLink` aside), else
    `media_link`, else `http://<storage_service_name>.blob.core.windows.net/disks/<virtual_machine>-<lun>.vhd`
    (the provider's mediaLink)."""
    at = r.mark
    vm = c.value(r, "virtual_machine") or Word(None, at, holder="virtual_machine")
    if _in_another_service(c, r):
        c.lines.unread(replace(_argument_mark(r, "virtual_machine"), tag=DATA_DISK_SERVICE_MISSING))
        return
    registered = c.value(r, "name")
    if registered is not None:
        c.call(r, [*_text("vm disk attach", at), vm, registered, *_option("-d", vm)])
        return
    size = c.value(r, "size") or Word(None, at, holder="size")
    blob = c.value(r, "source_media_link") or c.value(r, "media_link")
    account = c.value(r, "storage_service_name")
    if blob is None and account is not None:
        lun = c.value(r, "lun") or Word("0", at)  # the provider's default LUN
        host = [Word("http://", account.mark), account, Word(".blob.core.windows.net/disks/", account.mark)]
        name = [vm, Word("-", account.mark), lun, Word(".vhd", account.mark)]
        blob = replace(_joined([*host, *name], account.mark, exact=False), named_at=account.named_at)
    words = [*_text("vm disk attach-new", at), vm, size, *([blob] if blob is not None else [])]
    c.call(r, [*words, *_option("-d", vm)])


def _in_another_service(c: _Configuration, r: _Resource) -> bool:
    """Whether the disk's `virtual_machine` names an `azure_instance` of the configuration whose stated
    `hosted_service_name` is not the VM's name: the provider's AddDataDisk(vm, vm, vm) looks for the VM in a
    cloud service of its own name, so the disk is not attached. The VM is the one of the name the argument's
    value states (`element(azure_instance.web.*.id, count.index)`, `azure_instance.web[0].id`, a variable),
    else the instance the argument refers to."""
    vm = c.value(r, "virtual_machine")
    name = vm.text if vm is not None else None
    declared_in = c.vm_services.get(name.casefold()) if name else None
    if name and declared_in is not None:
        return declared_in.casefold() != name.casefold()
    return _referenced_in_another_service(c, r)


def _referenced_in_another_service(c: _Configuration, r: _Resource) -> bool:
    """Whether the disk's `virtual_machine` refers to an `azure_instance` of the module (`"${azure_instance.
    web.id}"`) whose stated `hosted_service_name` is not its stated name."""
    names = _referenced(r.attributes["virtual_machine"]) if "virtual_machine" in r.attributes else None
    if names is None or len(names) != 3 or names[0] != "azure_instance":
        return False
    instance = c.module.resources.get((names[0], names[1]))
    if instance is None:
        return False
    service, vm = c.value(instance, "hosted_service_name"), c.value(instance, "name")
    if service is None or not service.text or vm is None or not vm.text:
        return False
    return service.text.casefold() != vm.text.casefold()


def _local_network(c: _Configuration, r: _Resource) -> None:
    at = r.mark
    name = c.value(r, "name") or Word(None, at, holder="name")
    prefixes = c.words(r.path, r.attributes.get("address_space_prefixes"), at)
    listed = _comma_listed(prefixes) or Word(None, at, holder="address_space_prefixes")
    words = [*_text("network local-network create", at), name, listed]
    c.call(r, words + _option("-w", c.value(r, "vpn_gateway_address")))


def _comma_listed(values: list[Word]) -> Word | None:
    """Values stated, as the one word of them `a,b` the CLI takes, each character of it placed where the
    file writes it (a finding about the second prefix points at the second); None where one is not
    stated, or there are none."""
    if not values or any(value.text is None for value in values):
        return None
    starts = [0]
    for value in values[:-1]:
        starts.append(starts[-1] + len(value.text or "") + 1)

    def place(offset: int) -> Mark:
        index = bisect.bisect_right(starts, offset) - 1
        return values[index].at(offset - starts[index])

    return Word(",".join(value.text or "" for value in values), values[0].mark, placed=place)


def _affinity_group(c: _Configuration, r: _Resource) -> None:
    name = c.value(r, "name") or Word(None, r.mark, holder="name")
    c.call(r, [*_text("account affinity-group create", r.mark), name, *_option("-l", c.value(r, "location"))])


def _in_account(c: _Configuration, r: _Resource) -> None:
    """A container, blob or queue, made in the classic storage account `storage_service_name` names (the
    provider takes its key by GetStorageServiceKeys): the module's `azure_storage_service` of that name, else
    an account the subscription holds, which the module names without declaring it."""
    c.lines.declared(r.kind, r.mark)
    account = c.value(r, "storage_service_name")
    if account is not None and not _declared_account(c, r, account):
        c.lines.named_account(account)


def _declared_account(c: _Configuration, r: _Resource, account: Word) -> bool:
    """Whether `storage_service_name` names an `azure_storage_service` of the module: by a reference to it,
    or by the name it states."""
    names = _referenced(r.attributes["storage_service_name"])
    if names is not None and len(names) == 3 and names[0] == "azure_storage_service":
        return (names[0], names[1]) in c.module.resources
    if not account.text:
        return False
    services = [s for s in c.module.resources.values() if s.kind == "azure_storage_service"]
    stated = (c.value(s, "name") for s in services)
    return any(
        name is not None and (name.text or "").casefold() == account.text.casefold() for name in stated
    )


_MAKERS: dict[str, Callable[[_Configuration, _Resource], None]] = {
    "azure_affinity_group": _affinity_group,
    "azure_storage_service": _storage_service,
    "azure_hosted_service": _hosted_service,
    "azure_security_group": _security_group,
    "azure_security_group_rule": _security_group_rule,
    "azure_local_network_connection": _local_network,
    "azure_virtual_network": _virtual_network,
    "azure_instance": _instance,
    "azure_data_disk": _data_disk,
    "azure_storage_container": _in_account,
    "azure_storage_blob": _in_account,
    "azure_storage_queue": _in_account,
    **dict.fromkeys(terraform_azurerm.READ, _reaching_into_classic),
    **dict.fromkeys(terraform_azapi.READ, _azapi),
}
# The order Terraform's graph makes them in where one names another: what a VM is placed in first.
_ORDER = {kind: number for number, kind in enumerate(_MAKERS)}
