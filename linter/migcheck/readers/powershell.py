"""PowerShell scripts (`.ps1`, `.psm1`) that manage classic resources with the classic `Azure` module, read
into the typed resources the XML readers produce, so that the rules fire on a script at its line and
column.

What is read, from a tree-sitter parse of the script (never from the text with patterns):

- every call of a classic cmdlet (`powershell_cmdlets.CLASSIC`) and every migration step (`Move-Azure*`
  `-Validate|-Prepare|-Commit|-Abort`, the classic CLI's `azure ... <step>-migration`), as a `Script`; so
  is every request the script sends to the Service Management API itself (`Invoke-RestMethod`,
  `Invoke-WebRequest`, `[System.Net.WebRequest]::Create`, an HttpClient's or a WebClient's methods) to a URL
  on its host (`management.core.windows.net` and the national clouds' hosts) that the script states or
  builds from strings it knows, the subscription id, say, aside: a call listed by its method and address,
  and a POST to a migration path (`.../migration?comp=prepare`) a migration step;
- the VMs a script creates (`New-AzureVMConfig … | … | New-AzureVM`, `New-AzureQuickVM`) or changes
  (`Get-AzureVM -ServiceName s -Name n | … | Update-AzureVM`: the one VM the script created in `s` under a
  name it does not state, if there is only one, is `n`; the configurations branches leave in one variable
  are one VM, even under different names; a VM picked by its name out of every VM, `Get-AzureVM |
  Where-Object Name -eq n`, or `$_` of `Get-AzureVM | ForEach-Object` in an `if ($_.Name -eq n)`, is
  each VM of that name, in a cloud service the script does not state, and `| Remove-AzureVM` deletes
  each of them),
  grouped by cloud service into `Deployment`s:
  availability set, subnets (secondary network interfaces included), endpoints with their ACLs,
  extensions, boot diagnostics, the disks whose VHD blob the script names (and the OS disk of one made from an
  image without `-MediaLocation`, which the platform puts in the subscription's current storage account:
  the one `Set-AzureSubscription -CurrentStorageAccountName` surely leaves current, see `CurrentAccount`,
  its blob named by the platform), the static private addresses
  its network interfaces ask for, the virtual network and reserved IP of the deployment (one the script
  reserves under a name it does not state, as a stand-in; `Remove-AzureReservedIPAssociation` takes it
  away; an association or removal that may not run, or a removal of a name that may not be the
  deployment's, leaves it unknown, but for associations on each branch of an `if` and its `else`, and
  one that surely runs whenever the command that created the deployment ran, as in a test suite's
  function no call runs (see `Interpreter._with_its_creation`); a
  reserved IP is shown where the call that associates it names it), each extension at the call that sets
  it (several, one call sets in a loop, told apart);
- the ACL `Set-AzureLoadBalancedEndpoint` puts on the endpoints of a load-balanced set;
- an endpoint's ACL read from the VM (`Get-AzureAclConfig -EndpointName`) and set back on the same endpoint
  (`Set-AzureEndpoint -ACL`): the rules the other files describe, without those `Set-AzureAclConfig
  -RemoveRule -RuleId` surely removes (`EndpointAcl.removed_from_vm`);
- web/worker role deployments (`New-AzureDeployment`, `Set-AzureDeployment -Upgrade|-Config`,
  `Publish-AzureServiceProject`) and reserved IPs (`New-AzureReservedIP`);
- the region of the cloud services it creates (`New-AzureService`, `New-AzureVM` or `New-AzureQuickVM`
  given `-Location` on every path to the call; `ServiceRegion`);
- what it creates or registers outside any deployment: the type of the storage accounts it creates, the
  last it surely gives each, or the one calls that may not run after it give (`New-AzureStorageAccount`,
  `Remove-AzureStorageAccount`; `StorageAccountType`), the disks and images it registers (`Add-AzureDisk`,
  `Add-AzureVMImage`, `Save-AzureVMImage`; the disks of the repository it gives VMs by name, listed as
  attached to them), its classic Application Gateways (`New-AzureApplicationGateway`, or a body it sends that describes
  one) and ExpressRoute link
  authorizations (`New-AzureDedicatedCircuitLinkAuthorization`, unless
  `Remove-AzureDedicatedCircuitLinkAuthorization` surely removes it by the id it output, on its circuit),
  as an inventory export states them;
- what the script says of the gateway of a virtual network it names (`VnetGatewayFact`): an ExpressRoute
  circuit linked to it (`New-AzureDedicatedCircuitLink`, unless a `Remove-AzureDedicatedCircuitLink` of
  the same network surely runs after it), a site-to-site gateway created beside ExpressRoute
  (`New-AzureVirtualNetworkGateway`), a site-to-site connection (`Set-AzureVNetGateway -Connect`, or the
  `UpdateConnection` Connect request it sends itself; to a site it may not state), the
  gateway it creates (`New-AzureVNetGateway`, with the `-GatewayType` and `-GatewaySKU` it states: whether
  that gateway serves ExpressRoute or VPN is what connects to it, which the call does not say); a network
  it names as a site of a loop over the network sites of a configuration file it reads into an `[xml]`
  document is each network of that file (`VnetGatewayFact.networks_of`); and a connection it disconnects
  (`Set-AzureVNetGateway -Disconnect`, or the `UpdateConnection` Disconnect request it sends itself) and
  does not connect again after on every path, a path a `return` ends before it included, as a
  `ConnectionState` at the call that disconnects it (see `LinkState`, `Interpreter._landing`).

Arguments are bound as PowerShell binds them: by name (any unambiguous prefix, any case, `-Name:value`, the en
dash PowerShell accepts as a dash), by the cmdlet's documented positions, and from splatted hashtables (built
entry by entry, or joined with `+`). A double-quoted string is known when every variable and `$( … )` in it
is, as is a `-f` format whose values are. Values are followed through the script in execution order, one scope
(script or function) at a time: a variable holds what was last assigned to it on every path that reaches the
use (`$i++` too); branches and loops join what they may leave behind, unless the reader knows the condition (a
flag, a string, `-not`, `-eq`/`-ne`/`-and`/`-or` of values it knows; a `switch` over a string it surely
gives runs the clauses that match it, equal to it or, with `-Wildcard` or `-Regex`, patterns it surely
reads, and no other). A `return`, `exit`, `throw`, `break` or
`continue` on a path known to run ends it there, but for a `break`, `return` or `exit` at the script's top
level (in no loop, `switch`, branch or function): what follows one never runs when the script is run whole
(F5), so it is there to be run a selection at a time, as a demo script that opens with `break` is. Such a
script is read as its selections run in order, each from the statement after the stop, for every fact alike
(a reservation or removal there is taken as made, as it would be without the stop), but for the deletion of a
deployment an earlier selection created, a teardown no run that builds the estate reaches (see `_remove`). The
script's functions, once their definition has run, run at each call with the values it passes (what they
output is the call's value, as what a `foreach`, `for`, `while`, `do`, `if`, `switch` or `try` outputs is the
value of the statement where it is assigned or sits in `@( … )` or `$( … )`; branches only one of which runs,
an `if` and its `else`, clauses of a `switch` over one string it knows that no value matches two of, a `try`
block and its `catch`, output one value that is either, as a variable assigned in each holds it, unless they
output several VM configurations each, which are each kept), and a `foreach` over a list of constants runs
once per item (never over an empty one), within bounds on the work repeated, as does the block of a
`ForEach-Object` given such a list, whose output is the command's value. A value the script does not state
that a call passes to a function is the caller's there (one variable, one parameter): the file a function
writes to the path it is given, or to one it builds and returns, is the one its caller uploads, the network
it is given the caller's; a workflow's functions may be called above their definitions. A script
block the script runs with arguments (`Start-Job` or `Invoke-Command` with `-ArgumentList`, `& $sb …`,
`$sb.Invoke(…)`) runs there with them bound to its `param (…)`, or as its `$args`, as a call of a function
binds them; one that declares parameters and that no such run binds is read once, with values it does not
know, and a gateway it creates for the network it is given names none. A function no call runs is read once,
with values it does not know: what it creates and what it changes in VMs that exist (`Get-AzureVM … |
Update-AzureVM`, run by whatever script imports or dot-sources it) alike, named by stand-ins. A script or function
dot-sourced (`. .\\settings.ps1`) may set any variable seen where it runs: one assigned before it names what it
named but decides no condition, and an array may hold other items; one assigned after it holds what it is
assigned. The runbooks of one Automation account kept as files of one folder are read as Azure Automation
runs them: a runbook another starts (`Start-AzureAutomationRunbook -Name New-AppVM -Parameters @{…}`,
AzureRM's and Az's alike) or a workflow calls inline by its name (`New-AppVM -ServiceName $x`) is the
workflow or function a file of the folder defines at its top level under that name (the file named after it
first), run there with the values the table or the call passes, as a dot-sourced file's function is; a start
of a runbook no file of the folder defines, or given parameters that are not a table the script states, is a
part not read (`RUNBOOK_NOT_FOLLOWED`). A value the script does not state (a parameter without a default, `$env:X`, a
property of an object read from a file, the variable of another loop) stays unknown, and the fact it would set
is recorded as unknown (`Role.unknown`) so that rules stay silent about it. The default of a parameter of the
script's own `param (…)`, or of a workflow's, is what a run as written uses, and a caller may pass another: a
name it gives names what it names, and decides no condition, and a finding about it is shown where the call
passes it, not at the default. A name the script does not state is shown as a stand-in that says what it names
and where the script passes it (`<VM name, deploy.ps1:12>`), never as the expression that holds it; a network
named by a string built from such values (`"$($Prefix)vNet1"`) that a network configuration the script
uploads names the same way is that configuration's network, as is
one named by one such value (`name="$NetworkName"` there, `-VNetName $NetworkName` in a call), whose
stand-in says which parameter of the script names it. A
script-level variable assigned once, and declared by no function, is also visible inside the script's
functions. A workflow's `InlineScript { }` runs once, in a scope of its own that sees the workflow's variables
only as `$using:x` (which is also, in the script block of `Invoke-Command` or `Start-Job`, the `$x` of the
code around it); a `return` in it, or in any script block, ends that block only.

A command line the script runs from a string (`Invoke-Expression`, `iex`: the string by position, by
`-Command` or piped) is parsed as PowerShell parses it and run there, in the caller's scope, every node of it
shown where the call is, when the script states the string (written out, or built from values it states);
one it does not state, or that does not parse, is a part not read (`UNSTATED_COMMAND_LINE`).

The classic CLI is read where the script runs it (`azure …`, `& azure.cmd …`) and where it starts it
through another program: `Start-Process azure.cmd -ArgumentList a` (a string, or an array Start-Process
joins with blanks, split as the CLI receives it on Windows: double quotes group, single quotes do not; a
word the script does not state, or that cmd.exe reads first, is not known), `cmd /c azure …`.

A classic call given `-WhatIf` (or `-WhatIf:$true`) only says what it would do: it is still a classic call,
but creates, changes, removes and migrates nothing, and what it outputs is not known; given a value the
reader does not know, it is read as code that may not run.

Scripts in the Resource Manager mode of Azure PowerShell 0.9 (after `Switch-AzureMode
AzureResourceManager`) and cmdlet calls with `-ResourceGroupName` are Resource Manager calls: they produce
nothing. A script that calls a cmdlet only that mode has, or gives `-ResourceGroupName` to one of a name
both modes share, before any switch (or making none), runs in that mode from its start.

A script PowerShell certainly refuses to parse (a string, here-string, comment or bracket never closed, two
parameters of a list without a comma between them) is a syntax problem (MIG001) at the place PowerShell
stops, and nothing is read from it: PowerShell runs none of its lines. A region the grammar could not read
in a script PowerShell may run is read as opaque code (`Interpreter.opaque`), and so is what follows it in
the node that holds it (`_Recovered`), where error recovery may have given a part to the wrong whole: the
values there are unknown, and the script's `Script.unread` says where. Everything here costs time linear in
the script's size."""

from __future__ import annotations

import bisect
import collections
import contextlib
import fnmatch
import functools
import itertools
import posixpath
import re
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, TypeVar

from migcheck import automation
from migcheck import inventory_model as inv
from migcheck.clouds import cloud_of_environment, cloud_of_url
from migcheck.extensions import is_xml_extension
from migcheck.model import (
    CLIENT_UPLOAD_NOT_FOLLOWED,
    DOT_SOURCE_NOT_FOLLOWED,
    ESCAPED_PARAMETER,
    EVERY_NETWORK,
    EXPRESSROUTE,
    GATEWAY,
    LOAD_NOT_FOLLOWED,
    LOADED_FROM_ANOTHER_FOLDER,
    MAYBE_RUNS,
    NEVER_RUNS,
    REQUEST_URL_UNDECIDED,
    RESERVED_IP_NOT_APPLIED,
    RUN_AFTER_CD,
    RUNBOOK_NOT_FOLLOWED,
    SECURITY_RULE_VALUES,
    SERVICES_OF_VMS,
    SOURCED_AFTER_CD,
    STAGE_CHOICE,
    UNCALLED_RUNS,
    UNSTATED_COMMAND_LINE,
    UNSTATED_SUBSCRIPTION,
    VM_FACTS,
    VM_NOT_PASSED_ON,
    VM_OF_REQUEST_URI,
    VPN,
    XML_EDITS_NOT_FOLLOWED,
    AclRule,
    AddressPrefix,
    AttributeMark,
    ClassicCall,
    CloudInUse,
    ConnectionState,
    Deployment,
    DirectiveComment,
    Disk,
    Document,
    EndpointAcl,
    ExtendedSupportService,
    Extension,
    FileKind,
    FileProblem,
    Image,
    InputEndpoint,
    InternalLoadBalancer,
    LocalNetworkSite,
    Mark,
    MigrationStep,
    NamedAfterDelete,
    NameRef,
    NetworkConfiguration,
    NetworkSecurityGroup,
    ReservedIp,
    Role,
    RoleInstance,
    RoleType,
    RouteTable,
    Script,
    SecurityRule,
    ServiceCertificate,
    ServiceRegion,
    StorageAccountType,
    SubscriptionSelection,
    Suppression,
    VirtualIp,
    VnetGatewayFact,
    absent_on_some_path,
    account_stand_in,
    another_turn,
    apart,
    common_branches,
    in_no_network,
    is_placeholder_subscription,
    is_stand_in,
    joined_paths,
    lun_key,
    network_stand_in,
    reserved_on_vips,
    rules_after,
    subscription_guid,
    with_maybe_vips,
    without_path_in_none,
)
from migcheck.readers import beside, grammars, shell_requests, xplat
from migcheck.readers import powershell_cmdlets as cmdlets
from migcheck.readers.suppressions import directive, line_comment_text, starts_like_directive

if TYPE_CHECKING:
    from tree_sitter import Language, Node, Parser, Query, Tree


# --- finding and decoding scripts ----------------------------------------------------------------------

# A cheap test that a file names a classic cmdlet (`-Azure` then a letter, not `-AzureRm`/`-AzureAD`), a
# migration command of the classic CLI, the Service Management API's host (`management.core.windows.net`,
# which a script may send requests to itself) or one of its request paths, or creates a cloud service of extended support (the Az
# module's `New-AzCloudService`: evidence that a package is not classic). A byte search, not a parse.
_HINT = (
    r"-azure(?!rm|ad)[a-z]|(?:validate|prepare|commit|abort)-migration|new-azcloudservice|management\.core\."
    # Azure Backup turned on for a classic VM (`Enable-AzRecoveryServicesBackupProtection -ServiceName`), a
    # classic network's id (the remote network of `Add-AzVirtualNetworkPeering`), a classic resource type
    # Resource Manager creates (`New-AzResource -ResourceType Microsoft.ClassicCompute/domainNames`)
    r"|recoveryservicesbackupprotection|classicnetwork/virtualnetworks|microsoft\.classic(?:compute|storage|network)/"
    # the classic CLI's commands on classic resources (`azure vm create`, see `xplat.CLASSIC_GROUPS`)
    r"|\bazure(?:\.cmd)?[ \t]+(?:vm|service|network|storage)[ \t]"
    # the classic CLI started by Start-Process (`Start-Process "azure.cmd" -ArgumentList $a`), on its line
    r"|\b(?:start-process|saps|start)[ \t][^\n]{0,200}?\bazure\b"
    # its name assigned, to run it by the variable (`$exe = "azure"; & $exe vm …`), or the call operator
    # running it with its words in a variable (`& azure $params`)
    r"|=[ \t]*[\"']azure(?:\.cmd)?[\"']|&[ \t]*[\"']?azure(?:\.cmd)?[\"']?[ \t]+[$@]"
    # a request path of the API itself, sent through a client that holds its host (see `request_path`)
    r"|services/(?:hostedservices|storageservices|networking)\b"
    # a script dot-sourced at the start of a line (`. .\lib.ps1`, `. (Join-Path $root x.ps1)`), whose
    # functions the script may call to create classic resources (see `_settings_functions`); the first line
    # may start with a byte order mark
    "|(?m:^(?:\ufeff)?"
    r"[ \t]*\.[ \t]+[^\n]{0,300}?\.ps1\b)"
    # a script module imported by its path (`Import-Module .\lib.psm1`), whose functions it may call alike
    r"|\bimport-module[ \t][^\n]{0,300}?\.psm1\b"
    # a classic ExpressRoute circuit's move by its service key (`Move-AzExpressRouteCircuit`, AzureRM's)
    r"|move-az(?:urerm)?expressroutecircuit\b"
    # a runbook that starts another (`Start-AzAutomationRunbook -Name …`), or a workflow, which may call one
    # inline by its name: the child, a file of the same folder, may create classic resources (see
    # `Interpreter._runbook`)
    r"|\bstart-az(?:urerm)?automationrunbook\b|(?m:^[ \t]*workflow[ \t])"
)
# Bytes are searched lowered, as bytes.lower() and a bytes pattern's IGNORECASE both fold ASCII letters
# alone: the same matches, with no case to fold at each byte. Every match holds one of `_HINT_WORDS` (most
# branches say "azure"), which a substring search finds far faster than the pattern's branches tried at
# each byte; most scripts hold none, and are done without the pattern.
_HINT_LOWERED = re.compile(_HINT.encode())
_HINT_WORDS = (
    b"azure",
    b"-migration",
    b"new-azcloudservice",
    b"management.core.",
    b"recoveryservicesbackupprotection",
    b"classicnetwork/virtualnetworks",
    b"microsoft.classic",
    b"services/",
    b".ps1",
    b".psm1",
    b"expressroutecircuit",
    b"automationrunbook",
    b"workflow",
)
_HINT_TEXT = re.compile(_HINT, re.IGNORECASE)
CliWord = xplat.Word  # a word of a classic CLI command (the interpreter's `xplat` method hides the module)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SNIFF_UTF16_BYTES = 1 << 20


def sniff(data: bytes) -> bool:
    """Whether a file met in a folder walk may use the classic module (or create a cloud service of extended
    support): most `.ps1` files do not."""
    if data.startswith(_UTF16_BOMS):
        return _HINT_TEXT.search(data[:_SNIFF_UTF16_BYTES].decode("utf-16", "replace")) is not None
    lowered = data.lower()
    return any(word in lowered for word in _HINT_WORDS) and _HINT_LOWERED.search(lowered) is not None


def decode(data: bytes) -> str:
    """The script's text as Windows PowerShell 5.1 reads it: UTF-8 with or without a BOM, UTF-16 with a
    BOM, and anything else (not valid UTF-8, no BOM) as Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _with_line_feeds(source: bytes) -> bytes:
    """`source` as the grammar can read it: it ends lines at `\n` only, PowerShell at a lone `\r` too
    (classic Mac OS line endings), which is written as a `\n`. Offsets stay, and marks count every line
    ending, as an editor does (see `texts.EVERY_ENDING`)."""
    if b"\r" not in source or source.count(b"\r") == source.count(b"\r\n"):
        return source
    return _LONE_CR.sub(b"\n", source)


_LONE_CR = re.compile(rb"\r(?!\n)")


_GRAMMAR = "tree_sitter_powershell"


def _language() -> Language:
    return grammars.language(_GRAMMAR)


def _parser() -> Parser:
    return grammars.parser(_GRAMMAR)


def syntax_tree(source: bytes) -> Tree:
    """The tree-sitter tree the reader reads `source` by (for the editor's quick fixes)."""
    return _parser().parse(_with_line_feeds(source))


@functools.cache
def _query(kinds: tuple[tuple[str, str], ...]) -> Query:
    import tree_sitter

    return tree_sitter.Query(_language(), " ".join(f"({kind}) @{name}" for kind, name in kinds))


def _captures(kinds: dict[str, str], node: Node) -> dict[str, list[Node]]:
    """The nodes of the types `kinds` names, under `node` and itself, by capture name, in document order.

    Queries run in tree-sitter itself: a walk over every node in Python would cost far more on a large
    script. But a query's cursor goes wrong on two shapes, where it costs time quadratic in their size:
    nesting deeper than 65,535 levels (it counts depth in 16 bits, and past that also misses nodes:
    `$($($(…)))` a few thousand times), and a region the grammar could not read with a long run of children
    (`((((…` never closed: error recovery leaves the parser's stack as one flat run, and for each of them
    the cursor looks through the ones after it). So a query descends `_DEEPEST` levels at most, and the
    nodes below are queried on their own; a wide error region is not queried whole, its children are, one
    by one."""
    import tree_sitter

    query = _query(tuple(kinds.items()))
    found: dict[str, list[Node]] = {}
    pieces = 0
    for piece, whole in _pieces(node):
        pieces += 1
        if not whole:
            if piece.type in kinds:
                found.setdefault(kinds[piece.type], []).append(piece)
            continue
        cursor = tree_sitter.QueryCursor(query)
        cursor.set_max_start_depth(_DEEPEST)
        for name, nodes in cursor.captures(piece).items():
            found.setdefault(name, []).extend(nodes)
    if pieces > 1:  # each piece's nodes are in order, and an outer node before the ones it holds
        for nodes in found.values():
            nodes.sort(key=lambda n: (n.start_byte, -n.end_byte))
    return found


_DEEPEST = 1 << 14  # levels a query descends; the nodes below start queries of their own
_WIDE = 64  # children of an error region past which its children are queried one by one


def _pieces(root: Node) -> Iterator[tuple[Node, bool]]:
    """The parts of a tree to query: (subtree, True) to query `_DEEPEST` levels deep, or (node, False) for
    a node that holds a wide error region, taken alone while its children are queried."""
    holding = _holding_wide_errors(root)
    stack = [root]
    while stack:
        node = stack.pop()
        if node.id in holding:
            yield node, False
            stack.extend(reversed(node.named_children))  # a node without a name is a token, a leaf
            continue
        yield node, True
        if node.descendant_count > _DEEPEST:  # else it cannot be deeper than that
            stack.extend(reversed(_below(node, _DEEPEST + 1)))


def _below(root: Node, depth: int) -> list[Node]:
    """The named nodes `depth` levels under `root`, in document order: where a query that starts no match
    deeper than `depth - 1` stops. Walked with a tree cursor, which makes node objects for those only."""
    found: list[Node] = []
    cursor = root.walk()
    level = 0
    while True:
        if level == depth:
            if cursor.node is not None and cursor.node.is_named:
                found.append(cursor.node)
        elif cursor.goto_first_child():
            level += 1
            continue
        while level > 0 and not cursor.goto_next_sibling():
            cursor.goto_parent()
            level -= 1
        if level == 0:
            return found


def _holding_wide_errors(root: Node) -> set[int]:
    """The ids of the error regions with more than `_WIDE` children, and of every node that holds one:
    found through the subtrees that hold errors only, each node marked once."""
    holding: set[int] = set()
    path: list[Node] = []
    stack = [(root, 0)] if root.has_error else []
    while stack:
        node, depth = stack.pop()
        del path[depth:]
        path.append(node)
        if node.type == "ERROR" and node.child_count > _WIDE:
            for held in reversed(path):
                if held.id in holding:
                    break
                holding.add(held.id)
        stack.extend((child, depth + 1) for child in node.children if child.has_error)
    return holding


# The cmdlets that sign in to the cloud their -Environment names (AzureChinaCloud, AzureUSGovernment), in the
# classic module, AzureRM and Az alike; Import-AzurePublishSettingsFile takes the file's cloud by it too.
_SIGN_INS = frozenset(
    {
        "add-azureaccount",
        "import-azurepublishsettingsfile",
        "add-azurermaccount",
        "login-azurermaccount",
        "connect-azurermaccount",
        "connect-azaccount",
        "login-azaccount",
        "add-azaccount",
    }
)
# What changes a variable by one: `$i++`, `++$i`, `$i--`, `--$i`.
_STEPPING = frozenset(
    {
        "post_increment_expression",
        "post_decrement_expression",
        "pre_increment_expression",
        "pre_decrement_expression",
    }
)
# What assigns a variable: `$x = …`, `$i++`, a `foreach` variable, a declared parameter, `$table.Add(…)`.
_ASSIGNING = dict.fromkeys(
    ("assignment_expression", *_STEPPING, "foreach_statement", "script_parameter", "invokation_expression"),
    "assignment",
)
# The statement lists: their statements are what suppressions cover.
_INDEX = {
    **_ASSIGNING,
    "comment": "comment",
    "function_statement": "function",
    "class_statement": "class",
    "command": "command",
    "statement_list": "statements",
    "flow_control_statement": "flow",
    "trap_statement": "trap",
    "cast_expression": "cast",
    "variable": "variable",
}
_OPAQUE = {**_ASSIGNING, "command": "command", "variable": "variable"}
_COMMANDS = {"command": "command"}
_NOT_RUN = {"command": "command", "function_statement": "function"}
_ENDING = {"command": "command", "flow_control_statement": "flow", "trap_statement": "trap"}


# PowerShell takes the typographic quotes for quotes (U+2018, U+2019, U+201A, U+201B as `'`; U+201C,
# U+201D, U+201E as `"`), and scripts pasted from documents and blogs hold them; the grammar knows only the
# straight ones. Each is parsed as its straight twin: one character for one, so every position (in
# characters) stays.
_TYPOGRAPHIC_QUOTES = str.maketrans(
    dict.fromkeys("\u2018\u2019\u201a\u201b", "'") | dict.fromkeys("\u201c\u201d\u201e", '"')
)


def read(path: str, data: bytes) -> Document:
    text = decode(data)
    parsed = _parse(path, text)
    if isinstance(parsed, FileProblem):
        return Document(path, FileKind.POWERSHELL, "", problem=parsed, text=text)
    tree, index, where = parsed
    comments = _directive_comments(index)
    suppressions = tuple(_suppressions(comments, index, where))
    interpreter = Interpreter(path, index, where)
    resources = interpreter.run(tree.root_node)
    if interpreter.defaults_kept and any(isinstance(r, Deployment) and r.roles for r in resources):
        on_defaults = Interpreter(path, index, where, on_defaults=True).run(tree.root_node)
        resources = _with_defaults_run(resources, on_defaults)
    marked = tuple(DirectiveComment(body, where.mark(comment)) for comment, body in comments)
    return Document(
        path,
        FileKind.POWERSHELL,
        "",
        resources,
        suppressions,
        marked,
        None,
        text=text,
        functions_run=interpreter.functions_run(),
    )


def _parse(path: str, text: str) -> tuple[Tree, SyntaxIndex, Positions] | FileProblem:
    """A script's syntax tree, as the grammar reads it once the forms it does not know are made readable,
    its index and its positions; or why PowerShell would not run it (too deep, too large, a parse error)."""
    source = _with_line_feeds(text.translate(_TYPOGRAPHIC_QUOTES).encode("utf-8", "surrogatepass"))
    where = Positions(path, source)
    deep = _too_deep(source)
    if deep >= 0:
        return _nesting_problem(where.at(deep))
    tree = _parser().parse(source)
    if tree.root_node.descendant_count > MAX_NODES:
        return _size_problem(tree.root_node.descendant_count, where.at(0))
    parsed = _with_known_operators(source, tree.root_node)
    if parsed is not source:
        tree = _parser().parse(parsed)
    for _ in range(2):  # a value glued by `=` is a word of its own, and its escaped comma seen, once parsed
        whole = _with_words_whole(parsed, tree.root_node)
        if whole is parsed:
            break
        parsed, tree = whole, _parser().parse(whole)
    # Plain lists after the calls made readable: the comma after an argument that goes on past a call
    # (`$a.M().P, $b.N().Q`) is one between arguments only once the grammar can read the argument.
    rewrites = (
        _with_dashed_operators_read,
        _with_leading_pipes_joined,
        _with_variable_attributes_blanked,
        _with_relative_paths_readable,
        _with_for_each_methods_readable,
        _with_where_blocks_piped,
        _with_output_types_blanked,
        _with_command_names_whole,
        _with_variable_words_whole,
        _with_quoted_tails_whole,
        _with_glued_strings_whole,
        _with_member_words_split,
        _with_subexpression_words_whole,
        _with_closers_on_their_line,
        _with_calls_readable,
        _with_plain_lists,
        _with_param_blocks_ended,
    )
    for rewrite in rewrites:
        rewritten = rewrite(parsed, tree.root_node)
        if rewritten is not parsed:
            parsed, tree = rewritten, _parser().parse(rewritten)
    slipped, escaped = _with_backtick_slips_read(parsed, tree.root_node)
    if slipped is not parsed:
        parsed, tree = slipped, _parser().parse(slipped)
    problem, _ = _syntax_problem(tree.root_node, where, parsed)
    if problem is not None:
        # PowerShell runs no line of a script it cannot parse: nothing is read from it, as from an XML
        # file that is not well-formed.
        return problem
    parsed, tree, cuts = _with_lines_ended(parsed, tree)
    return tree, SyntaxIndex(tree.root_node, source, cuts, escaped), where


# `$PSScriptRoot` as `_variable` keys it, and what it holds while the path of a dot-sourced file is read:
# the folder of the script, a string no script writes.
_SCRIPT_ROOT = ("", "psscriptroot")
# What `$PSScriptRoot` is at the script's top level, where no code assigns it (see `Interpreter._found`).
_SCRIPT_ROOT_HOLE = ("free", 0, "psscriptroot")
# The cmdlets (and their aliases) that change the folder the script runs in (see `Interpreter.working`).
_LOCATION_PUSH = frozenset({"push-location", "pushd"})
_LOCATION_BACK = frozenset({"pop-location", "popd"})
_LOCATION_CHANGES = frozenset({"set-location", "sl", "cd", "chdir", *_LOCATION_PUSH, *_LOCATION_BACK})
_FROM_CURRENT = (".\\", "./", "..\\", "../")  # a path from the folder the script runs in
_SCRIPT_FOLDER = "\0script folder\0"


class _Loaded(NamedTuple):
    """What a dot-sourced settings file gives the script that loads it: the values it states whole (see
    `_settings_values`), the variables it may set at all, by key (None: it may set any), and those it sets
    to a folder or file named from its own (`$cfg = Join-Path $PSScriptRoot 'net.netcfg'`), each with that
    path from the file's folder (see `SyntaxIndex.script_folders`)."""

    values: dict[str, Value]
    assigned: frozenset[str] | None
    folders: dict[str, str] = {}


def _settings_values(settings: beside.Settings) -> _Loaded:
    """The values a dot-sourced settings file assigns at its top level that it states whole (see
    `_stated_whole`), by variable: what the script that loads it holds from there. Only values: what its
    commands create or change is the file's own, checked with it, and is not read again here."""
    parsed = _parse(settings.path, decode(settings.data))
    if isinstance(parsed, FileProblem):
        return _Loaded({}, frozenset())  # PowerShell runs no line of a file it cannot parse
    tree, index, where = parsed
    values = Interpreter(settings.path, index, where).top_level_values(tree.root_node)
    if index.all_stale or _dot_sources_on_load(tree.root_node, index):  # it may set variables the reader
        return _Loaded(values, None)  # cannot name
    assigned = frozenset(index.script_assigned) | index.function_assigned | index.stale
    folders = {key: path for key, (_, path) in index.script_folders.items() if key not in values}
    return _Loaded(values, assigned, folders)


def _dot_sources_on_load(root: Node, index: SyntaxIndex) -> bool:
    """Whether a file dot-sources another as it is loaded: outside the functions it defines, which load
    theirs only when called (and are followed then, see `Interpreter._settings_loaded`)."""
    for at in index.dot_sources:
        node = root.descendant_for_byte_range(at, at + 1)
        while node is not None and node.type != "function_statement":
            node = node.parent
        if node is None:
            return True
    return False


class _Source(NamedTuple):
    """A file whose code the reader runs: its syntax index, its positions, the `Switch-AzureMode` calls in it
    (see `Interpreter.arm_at`), and the number its offsets are shifted by where they key what a call or
    step at a command is (`Interpreter.site`), so that a command of a dot-sourced file is never taken for
    one of the script's at the same offset. Its tree is held so that its nodes live as long as it does."""

    syntax: SyntaxIndex
    where: Positions
    modes: list[tuple[int, bool]]
    base: int = 0
    tree: Tree | None = None
    # A command line the script runs from a string (`Invoke-Expression`): its calls are the script's own.
    ran: bool = False


def _modes(index: SyntaxIndex) -> list[tuple[int, bool]]:
    """Where a file switches to or from Resource Manager mode (`Switch-AzureMode`), in order."""
    modes = sorted((n.start_byte, _arm_mode(n)) for n in index.mode_switches)
    if _started_in_resource_manager_mode(index):
        modes.insert(0, (0, True))
    return modes


class _Library(NamedTuple):
    """The functions a dot-sourced file defines at its top level, by name (see `_settings_functions`),
    and the file they are written in."""

    source: _Source
    functions: tuple[tuple[str, Node], ...]
    path: str  # the file's display path


def _settings_functions(settings: beside.Settings) -> _Library | None:
    """The functions a dot-sourced file defines at its top level (`function New-WPVM($VNetName, $Name)
    {…}`), which the script that loads it may call from there: each call runs the function's body where
    it is written, with the values the call passes (see `Interpreter._library_loaded`). None for a file
    PowerShell would not run."""
    parsed = _parse(settings.path, decode(settings.data))
    if isinstance(parsed, FileProblem):
        return None
    tree, index, where = parsed
    body = _first(tree.root_node, "statement_list")
    functions: list[tuple[str, Node]] = []
    for statement in _named(body) if body is not None else []:
        name = _first(statement, "function_name") if statement.type == "function_statement" else None
        if name is not None:
            functions.append((_text(name).casefold(), statement))
    return _Library(_Source(index, where, _modes(index), tree=tree), tuple(functions), settings.path)


def _stated_whole(value: Value) -> bool:
    """Whether a value is stated whole, on every path: a string or flag the file surely assigns, or an
    array or table of such values only. A value read from the environment, a parameter or a command, or one
    a branch alone assigns, is not (the script that loads the file reads it as it would without it)."""
    if isinstance(value, Text):
        return value.sure and not value.other
    if isinstance(value, Flag):
        return True
    if isinstance(value, Items):
        return all(_stated_whole(item) for item in value.values)
    if isinstance(value, Table):
        return not value.opaque and all(entry[3] and _stated_whole(entry[2]) for entry in value.entries)
    return False


# What a script that only states values is written with (see `_script_output`): the levels the grammar
# nests a value in, each with no operator, and the parts of strings, numbers, arrays and tables.
_VALUE_LEVELS = frozenset(
    {
        "pipeline",
        "pipeline_chain",
        "logical_expression",
        "bitwise_expression",
        "comparison_expression",
        "additive_expression",
        "multiplicative_expression",
        "format_expression",
        "range_expression",
        "unary_expression",
    }
)
_VALUE_PARTS = frozenset(
    {
        "statement_list",
        "comment",
        "array_literal_expression",
        "array_expression",
        "hash_literal_expression",
        "hash_literal_body",
        "hash_entry",
        "key_expression",
        "simple_name",
        "string_literal",
        "expandable_string_literal",
        "verbatim_string_characters",
        "expandable_here_string_literal",
        "verbatim_here_string_characters",
        "integer_literal",
        "decimal_integer_literal",
        "hexadecimal_integer_literal",
        "real_literal",
    }
)
_FLAG_WORDS = frozenset({"$true", "$false"})


def _script_output(settings: beside.Settings) -> Value | None:
    """What a script another runs by a path it states outputs (`$storage = .\\config\\storage.ps1`), when
    every statement at its top level is a value it states whole (strings, numbers, flags, arrays and tables
    of them: `@( @{ Name = 'a' }, @{ Name = 'b' } )`): the value, or an array of the values when it outputs
    several, as PowerShell collects them. None for any other script: what it outputs is not known."""
    parsed = _parse(settings.path, decode(settings.data))
    if isinstance(parsed, FileProblem):
        return None
    tree, index, where = parsed
    body = _first(tree.root_node, "statement_list")
    statements = [c for c in _named(body) if c.type != "comment"] if body is not None else []
    if not statements or not all(_states_only_values(s) for s in statements):
        return None
    return Interpreter(settings.path, index, where).output_of(statements)


def _states_only_values(statement: Node) -> bool:
    """Whether a statement is written only with strings, numbers, flags, arrays and tables: no command,
    variable, operator or sub-expression."""
    stack = [statement]
    while stack:
        node = stack.pop()
        if node.type in _VALUE_LEVELS:
            if node.child_count != 1:
                return False
        elif node.type == "variable":
            if _text(node).casefold() not in _FLAG_WORDS:
                return False
        elif node.type not in _VALUE_PARTS:
            return False
        stack.extend(node.named_children)
    return True


# The forms of `-in` and `-notin` that say whether case counts, which the grammar does not know (it knows
# them for every other comparison): it reads `-cin` as a minus and a word it cannot place.
_UNKNOWN_OPERATORS = re.compile(rb"-[ci](?:not)?in\b", re.IGNORECASE)


def _with_known_operators(source: bytes, root: Node) -> bytes:
    """The source to parse: `source` itself, or, where the grammar could not read a `-cin`, `-iin`,
    `-cnotin` or `-inotin`, a copy with each written as the `-in` or `-notin` it knows, padded with spaces
    to the same length (every offset stays). The comparison reads the operator as written (see
    `Interpreter._comparison`). The same word that the grammar did read, a command's parameter or one in a
    string or a comment, stays."""
    if not root.has_error:
        return source
    changed: bytearray | None = None
    for found in _UNKNOWN_OPERATORS.finditer(source):
        if not _unreadable_word(root, found.end() - 1):
            continue
        known = b"-notin" if found.group().lower().endswith(b"notin") else b"-in"
        changed = changed if changed is not None else bytearray(source)
        changed[found.start() : found.end()] = known.ljust(len(found.group()))
    return bytes(changed) if changed is not None else source


def _unreadable_word(root: Node, offset: int) -> bool:
    """Whether the character at `offset` is in a word the grammar could not place: in an error region,
    and not in a string or a comment it read there."""
    node: Node | None = root.descendant_for_byte_range(offset, offset + 1)
    if node is None or node.type in _TEXT_TOKENS:
        return False
    while node is not None and node.type != "ERROR":
        node = node.parent
    return node is not None


# Two words PowerShell reads whole that the grammar splits, each made readable by one byte: a parameter
# glued to its value by `=` (`--subnet-names=front`, one argument of a native command as written; the
# grammar knows only `:` there, so the `=` is parsed as that), and a bare word with an escaped comma
# (`front`,back`, the one word "front,back"; the comma is parsed as a letter, which the backtick escapes as
# it did the comma). The reader reads such a word as written (see `Interpreter._literal_token`).
_GLUED = b":"
_ESCAPED_COMMA_STAND_IN = b"x"
_WORDS = {"command_parameter": "parameter", "generic_token": "word"}


def _with_words_whole(source: bytes, root: Node) -> bytes:
    """The source to parse: `source` itself, or, in a tree with errors, a copy with each such `=` and
    escaped comma written as the byte the grammar reads as PowerShell reads the original (see `_GLUED`)."""
    if not root.has_error:
        return source
    found = _captures(_WORDS, root)
    changes = [
        (p.end_byte, _GLUED) for p in found.get("parameter", []) if _glued_by_equals(source, p.end_byte)
    ]
    changes += [
        (w.end_byte, _ESCAPED_COMMA_STAND_IN)
        for w in found.get("word", [])
        if source[w.end_byte : w.end_byte + 1] == b"," and _escaped(source, w.end_byte)
    ]
    if not changes:
        return source
    changed = bytearray(source)
    for at, byte in changes:
        changed[at : at + 1] = byte
    return bytes(changed)


def _glued_by_equals(source: bytes, at: int) -> bool:
    """Whether an `=` at `at`, just after a parameter's name, glues a value to it."""
    after = source[at + 1 : at + 2]
    return source[at : at + 1] == b"=" and after != b"" and after not in _BLANKS + _LINE_BREAKS


# A command's argument that starts with a variable and goes on with more characters (`-MediaLocation
# $ml/vhds/$vmName.vhd`, `$env:TEMP\setup.ps1`, `$prefix-web`): PowerShell reads one argument, the text as
# it would read it in double quotes (about_Parsing: characters after a simple variable reference are part
# of the same argument; after a member or an index, `$vm.Name-x`, they start a new one). The grammar reads
# the variable alone and cannot place the rest, or reads `-web` as a parameter. So the `$` and the first
# character of the name are parsed swapped (`m$l/vhds/…`), and a braced name (`${base}/vhds/x.vhd`) as
# letters as long as it (`xxxxxxx/vhds/x.vhd`, a `{` ends a bare word for the grammar): the grammar reads one
# bare word, and the reader reads the word as written (see `Interpreter._literal_token`). Every offset
# stays. Not before a quote, a backtick, a `#`, `<`, `>` or a `?` (which PowerShell takes for more of the
# name), nor with a braced name that runs over lines.
_NOT_IN_THE_WORD = frozenset(b" \t\r\n,;|&(){}[].'\"`#<>?")
_ELEMENTS = {"command_elements": "elements"}


def _with_variable_words_whole(source: bytes, root: Node) -> bytes:
    """The source to parse: `source` itself, or a copy with each argument that starts with a variable
    and goes on past its name written as the grammar reads it whole (see `_NOT_IN_THE_WORD`). A change
    the tree then reads otherwise is undone."""
    variables = [
        (leaf.start_byte, leaf.end_byte)
        for elements in _captures(_ELEMENTS, root).get("elements", [])
        for argument in elements.named_children
        if argument.type not in ("command_argument_sep", "command_parameter")
        for leaf in [_first_leaf(argument)]
        if _goes_on(source, leaf)
    ]
    if not variables:
        return source
    changed = _swapped(source, variables)
    words = _captures(_WORDS, _parser().parse(changed).root_node).get("word", [])
    read = {word.start_byte for word in words}
    kept = [variable for variable in variables if variable[0] in read]
    if len(kept) == len(variables):
        return changed
    return _swapped(source, kept) if kept else source


# An argument that is a variable and a quoted string right after it (`. $workingDir"Common\\CreateVm.ps1"`,
# `-FilePath $dir'setup.ps1'`): PowerShell reads one argument, the variable's value and the string's joined
# (about_Parsing: an argument that starts with a variable is read as an expandable string), the idiom of
# scripts that keep their folder with a separator after it. The grammar reads the quote as an error to the
# end of the script. So the whole argument, on one line and closed where the argument ends, is parsed as
# letters as long as it: the grammar reads one bare word (or the name of a command run with `.` or `&`), and
# the reader reads it as written (see `_variable_and_quoted`). Every offset stays.
_QUOTED_TAIL_STAND_IN = ord("x")
_VARIABLE_LEAVES = {"variable": "variable"}
_ARGUMENT_ENDS = frozenset(b" \t\r\n;|)}")


def _with_quoted_tails_whole(source: bytes, root: Node) -> bytes:
    """The source to parse: `source` itself, or, in a tree with errors, a copy with each argument that
    is a variable and a quoted string written as the grammar reads it whole (see `_QUOTED_TAIL_STAND_IN`).
    A change the tree then reads otherwise is undone."""
    if not root.has_error:
        return source
    spans = [
        span
        for leaf in _captures(_VARIABLE_LEAVES, root).get("variable", [])
        for span in [_quoted_tail_span(source, leaf)]
        if span is not None
    ]
    if not spans:
        return source
    changed = _stood_in(source, spans)
    kept = [span for span in spans if _read_whole(_parser().parse(changed).root_node, span)]
    if len(kept) == len(spans):
        return changed
    return _stood_in(source, kept) if kept else source


# A quoted string with characters run straight onto it, after its closing quote or before its opening one
# (`Read-Host "Enter the file "+ $p +", then press Enter"`): in argument mode PowerShell reads the string
# and the characters as one argument (about_Parsing: all input there is an expandable string; its
# `TestExe e" "f` passes `e f`), where the grammar reads an operator and wraps the command in an error.
# Such a string is parsed with its quote moved over the characters (`"a "+` as `"a +"`, `+", b"` as
# `"+, b"`), which keeps every offset: only characters that read the same inside the quotes as outside
# (no `$`, backtick or quote, nothing a member access or index starts with), up to the end of the argument.
# Only characters before the opening quote join the string, though: a string that starts the argument ends
# it (`'a'b` passes `a` and `b`; PowerShell issues 6467, 15888), which the tree cannot hold in the same
# bytes, so such a string is a value the script does not state (see `_leads_glued_characters`).
_STRING_LEAVES = {"expandable_string_literal": "string", "verbatim_string_characters": "string"}
_GLUED_STOPS = frozenset(b" \t\r\n;|)}(){}'\"`$,&<>@#")
_GLUED_STARTS_MEMBER = frozenset(b".[:")
# Trees read at most: a move undone (an operator in an expression, `$a = "x"+ $b`) may have kept the tree
# from reading another as the argument it is; the others are tried again without it.
_GLUED_ROUNDS = 3


def _with_glued_strings_whole(source: bytes, root: Node) -> bytes:
    """The source to parse: `source` itself, or, in a tree with errors, a copy with each quoted string that
    has characters run onto it written with its quotes moved over them (see `_STRING_LEAVES`). A change
    the tree does not then read as one argument of a command is undone."""
    if not root.has_error:
        return source
    found = _captures(_STRING_LEAVES, root)
    spans = [
        span
        for leaf in found.get("string", [])
        if _in_argument_mode(leaf)
        for span in [_glued_span(source, leaf)]
        if span is not None
    ]
    return _edits_the_tree_reads(source, spans, _quotes_moved, _read_as_argument, _GLUED_ROUNDS)


_Edit = TypeVar("_Edit")  # a change `_edits_the_tree_reads` makes: a span, a position


def _edits_the_tree_reads(
    source: bytes,
    edits: list[_Edit],
    apply: Callable[[bytes, list[_Edit]], bytes],
    reads: Callable[[Node, _Edit], bool],
    rounds: int,
) -> bytes:
    """`source` with `edits` applied (`apply`) where the tree of the result reads each as meant (`reads`):
    an edit it does not is undone and the others tried again, up to `rounds` trees; `source` itself when
    none is kept."""
    for _ in range(rounds):
        if not edits:
            return source
        changed = apply(source, edits)
        tree = _parser().parse(changed).root_node
        kept = [edit for edit in edits if reads(tree, edit)]
        if len(kept) == len(edits):
            return changed
        edits = kept
    return source


def _in_argument_mode(leaf: Node) -> bool:
    """Whether a string is an argument of a command, or in a statement the grammar starts where an error
    region ends on its line (`+ $p +", b"` after `Read-Host "a "`, the rest of that command's arguments);
    not in an expression (`$a = "x"+ $b`), where the characters after it are an operator."""
    node = leaf.parent
    while node is not None and node.type not in ("command_elements", "pipeline"):
        node = node.parent
    if node is None or node.type == "command_elements":
        return node is not None
    before = node.prev_sibling or (node.parent.prev_sibling if node.parent is not None else None)
    return (
        before is not None
        and before.type == "ERROR"
        and before.end_point.row == node.start_point.row
        and (node.parent is None or node.parent.type in ("statement_list", "program", "ERROR"))
    )


def _glued_span(source: bytes, leaf: Node) -> tuple[int, int] | None:
    """(start, end) of a quoted string and the characters run onto it: after its closing quote up to the
    end of the argument (`"a "+`), before its opening one from a blank (`+", b"`), not a parameter's name
    (`-x"…"`) nor a member access (`"…".Length`); None where none are, or the string holds its own quote."""
    start, end = leaf.start_byte, leaf.end_byte
    quote = source[start : start + 1]
    if quote not in (b'"', b"'") or end - start < 2 or source[start + 1 : end].find(quote) != end - start - 2:
        return None
    stop = end
    while stop < len(source) and source[stop] not in _GLUED_STOPS:
        stop += 1
    ended = stop == len(source) or source[stop] in _ARGUMENT_ENDS
    if stop > end and (source[end] in _GLUED_STARTS_MEMBER or not ended):
        stop = end
    begin = start
    while begin > 0 and source[begin - 1] not in _GLUED_STOPS:
        begin -= 1
    if begin < start and (source[begin - 1 : begin] not in (b" ", b"\t") or source[begin] == ord("-")):
        begin = start
    return (begin, stop) if (begin, stop) != (start, end) else None


def _leads_glued_characters(source: bytes, node: Node) -> bool:
    """Whether a string the tree reads was written as a quoted string with characters run onto its closing
    quote (`"acct"+`, read as `"acct+"`; see `_with_glued_strings_whole`): one that starts the argument,
    which PowerShell ends at its closing quote, the characters after it being the next argument."""
    written = source[node.start_byte : node.end_byte]
    quote = written[:1]
    return quote in (b'"', b"'") and written[-1:] != quote and written.count(quote) == 2


def _quotes_moved(source: bytes, spans: list[tuple[int, int]]) -> bytes:
    """The source with each span's string quoted from its first byte to its last (see
    `_with_glued_strings_whole`): the characters keep their order, the quotes move to the span's ends."""
    changed = bytearray(source)
    for start, end in spans:
        text = source[start:end]
        quote = next(c for c in text if c in b"'\"")
        changed[start:end] = bytes([quote]) + text.replace(bytes([quote]), b"") + bytes([quote])
    return bytes(changed)


def _read_as_argument(root: Node, span: tuple[int, int]) -> bool:
    """Whether the grammar reads a span whose quotes moved as one string that is an argument of a command."""
    node = root.descendant_for_byte_range(*span)
    while node is not None and node.parent is not None:
        if (node.parent.start_byte, node.parent.end_byte) != span:
            return node.parent.type == "command_elements" and node.type == "array_literal_expression"
        node = node.parent
    return False


def _quoted_tail_span(source: bytes, leaf: Node) -> tuple[int, int] | None:
    """(start, end) of a variable and the quoted string right after it, when they are a whole argument:
    a blank before, the string closed on its line with no quote of its kind or backtick in it, and the
    argument's end right after; None for any other variable."""
    at, end = leaf.start_byte, leaf.end_byte
    quote = source[end : end + 1]
    if source[at : at + 1] != b"$" or quote not in (b'"', b"'") or source[at - 1 : at] not in (b" ", b"\t"):
        return None
    line_end = source.find(b"\n", end)
    closing = source.find(quote, end + 1, line_end if line_end >= 0 else len(source))
    if closing < 0 or b"`" in source[end:closing]:
        return None
    after = source[closing + 1 : closing + 2]
    return (at, closing + 1) if after == b"" or after[0] in _ARGUMENT_ENDS else None


def _stood_in(source: bytes, spans: list[tuple[int, int]]) -> bytes:
    changed = bytearray(source)
    for start, end in spans:
        changed[start:end] = bytes([_QUOTED_TAIL_STAND_IN]) * (end - start)
    return bytes(changed)


def _read_whole(root: Node, span: tuple[int, int]) -> bool:
    """Whether the grammar reads a span as one argument of a command, or as the name of a command run
    with `.` or `&`."""
    word = root.descendant_for_byte_range(span[0], span[1])
    if word is None or (word.start_byte, word.end_byte) != span:
        return False
    if word.type == "generic_token":
        return word.parent is not None and word.parent.type == "command_elements"
    command = word.parent.parent if word.type == "command_name" and word.parent is not None else None
    return command is not None and _first(command, "command_invokation_operator") is not None


def _variable_and_quoted(written: str) -> str | None:
    """An argument written as a variable and a quoted string (see `_QUOTED_TAIL_STAND_IN`) as the text of
    the double-quoted string PowerShell reads it as (`$dir"lib.ps1"` as `${dir}lib.ps1`); None when it
    is written otherwise, or the string holds what that text would read otherwise."""
    quote = next((at for at, c in enumerate(written) if c in "'\""), -1)
    name, string = written[:quote], written[quote:]
    if quote < 2 or len(string) < 2 or string[-1] != string[0] or string[0] in string[1:-1]:
        return None
    held = string[1:-1]
    if "`" in held or '"' in held:
        return None
    if string[0] == "'":  # nothing in single quotes is expanded
        held = held.replace("$", "`$")
    braced = name if name.startswith("${") else "${" + name[1:] + "}"
    return braced + held


# An argument that starts with a variable's member (`-MediaLocation $cfg.Path/vhds/a.vhd`): PowerShell ends
# the member there and passes the rest as an argument of its own ("/vhds/a.vhd"), as it does after a `$( … )`
# (about_Parsing; `$a.Length$b.Length` is two arguments too). The grammar cannot place the rest, and the
# command was an unread part. So the path separator that starts the rest is parsed as a blank, which ends
# the argument as PowerShell ends it: the grammar reads the rest as a bare word, and the reader reads that
# word from the separator on (see `Interpreter._literal_token`). Every offset stays.
_PATH_SEPARATORS = frozenset(b"/\\")


def _with_member_words_split(source: bytes, root: Node) -> bytes:
    """The source to parse: `source` itself, or, in a tree with errors, a copy with a blank for the
    separator right after each argument that is a variable's member (see `_PATH_SEPARATORS`). A change the
    tree then reads otherwise is undone. An error the grammar recovers from may hide the next such argument
    in its region: each round finds those of the tree of the last, up to `_SUBEXPRESSION_ROUNDS` trees."""
    changed = source
    for round_ in range(_SUBEXPRESSION_ROUNDS):
        if round_:
            root = _parser().parse(changed).root_node
        split = _member_words_split_once(changed, root)
        if split == changed:
            break
        changed = split
    return changed


def _member_words_split_once(source: bytes, root: Node) -> bytes:
    if not root.has_error:
        return source
    ends = (
        _member_end(_unwrap(argument))
        for elements in _captures(_ELEMENTS, root).get("elements", [])
        for argument in elements.named_children
    )
    separators = [end for end in ends if end is not None and source[end] in _PATH_SEPARATORS]
    return _edits_the_tree_reads(source, separators, _split_at, _word_starts_after, 2)


def _split_at(source: bytes, separators: list[int]) -> bytes:
    """`source` with a blank for each separator, and a variable that starts the rest right after it
    (`$cfg.Blob/$name`) written as the grammar reads the start of a bare word (see `_swapped`): PowerShell
    passes the rest as one argument, the text it would read in double quotes ("/$name")."""
    tails = [(at + 1, _variable_end(source, at + 1)) for at in separators]
    changed = _with_bytes(source, separators, 0x20)
    return _swapped(changed, [(at, end) for at, end in tails if end > at])


def _variable_end(source: bytes, at: int) -> int:
    """The end of the plain or braced variable at `at` on its line (`$name`, `${name}`), else `at`."""
    if source[at : at + 1] != b"$":
        return at
    if source[at + 1 : at + 2] == b"{":
        closing = source.find(b"}", at + 2, at + _MAX_SUBEXPRESSION)
        return closing + 1 if closing > 0 and b"\n" not in source[at:closing] else at
    end = at + 1
    while end < len(source) and (source[end : end + 1].isalnum() or source[end] == ord("_")):
        end += 1
    return end if end > at + 1 else at


def _member_end(argument: Node) -> int | None:
    """Where the member an argument starts with ends: the argument's end, when it is a member, or the end
    of the member the grammar read before what it could not place (`$cfg.Path` of `$cfg.Path/vhds/a.vhd`,
    which it reads as a member `vhd` of that member with an error between, or as an error that holds
    that); None for any other argument."""
    if argument.type == "ERROR" and argument.named_children:
        argument = _unwrap(argument.named_children[0])
    if argument.type != "member_access":
        return None
    inner = argument.named_children[0] if argument.named_children else None
    if (
        inner is not None
        and inner.type == "member_access"
        and any(c.type == "ERROR" for c in argument.children)
    ):
        return inner.end_byte
    return argument.end_byte


def _word_starts_after(tree: Node, at: int) -> bool:
    """Whether the grammar reads a bare word of a command's arguments right after offset `at`."""
    word = tree.descendant_for_byte_range(at + 1, at + 2)
    return word is not None and word.type == "generic_token" and word.start_byte == at + 1


def _first_leaf(node: Node) -> Node:
    while node.child_count:
        node = node.children[0]
    return node


def _goes_on(source: bytes, leaf: Node) -> bool:
    """Whether a variable token, `$` and a plain name or a braced name on one line, has more of its
    argument right after it."""
    at, end = leaf.start_byte, leaf.end_byte
    if leaf.type == "braced_variable":
        plain = b"\n" not in source[at:end]
    else:
        name = source[at + 1 : at + 2]
        plain = leaf.type == "variable" and (name.isalnum() or name == b"_")
    after = source[end : end + 1]
    return source[at : at + 1] == b"$" and plain and after != b"" and after[0] not in _NOT_IN_THE_WORD


_BRACED_STAND_IN = ord("x")


def _swapped(source: bytes, variables: list[tuple[int, int]]) -> bytes:
    """`source` with each variable at (start, end) written as the grammar reads the start of a bare word
    (see `_NOT_IN_THE_WORD`)."""
    changed = bytearray(source)
    for at, end in variables:
        if changed[at + 1] == ord("{"):
            changed[at:end] = bytes([_BRACED_STAND_IN]) * (end - at)
        else:
            changed[at], changed[at + 1] = changed[at + 1], changed[at]
    return bytes(changed)


# A bare word with a `$( … )` in it after its first character (`-MediaLocation
# https://$($acct).blob.core.windows.net/vhds/a.vhd`, `web-$($i)`): PowerShell reads one argument, the text
# as it would read it in double quotes (about_Parsing). The grammar ends the word at the `$` and cannot place
# the rest, or, where the `$( … )` ends the word, reads the `( … )` as a method's arguments and the word
# as ending with `$` (`web-$`). So each `( … )` of such a `$( … )`, on one line and at most `_MAX_SUBEXPRESSION` bytes long, is
# parsed as letters as long as it: the grammar reads one bare word, and the reader reads the word as written
# (see `Interpreter._expanded_word`). One round finds the first `$( … )` of each word; a word with more of
# them is found again in the tree of the changed source, up to `_SUBEXPRESSION_ROUNDS` trees. A word the
# last tree does not read whole is left as written. Every offset stays. A word that starts with `$( … )` is
# two arguments for PowerShell (`$(2 + 2)/H` passes 4 and "/H"), and is left as the grammar reads it.
_MAX_SUBEXPRESSION = 1024
_SUBEXPRESSION_ROUNDS = 4
_SUBEXPRESSION_STAND_IN = ord("x")


def _with_subexpression_words_whole(source: bytes, root: Node) -> bytes:
    """The source to parse: `source` itself, or a copy with the subexpressions in bare words written as
    the grammar reads those words whole (see `_MAX_SUBEXPRESSION`)."""
    changed, words = source, set()
    for round_ in range(_SUBEXPRESSION_ROUNDS):
        if round_:
            root = _parser().parse(changed).root_node
        spans = _word_subexpressions(changed, root)
        if not spans:
            break
        edited = bytearray(changed)
        for word, start, end in spans:
            edited[start:end] = bytes([_SUBEXPRESSION_STAND_IN]) * (end - start)
            words.add(word)
        changed = bytes(edited)
    if changed is source:
        return source
    read = {word.start_byte for word in _captures(_WORDS, _parser().parse(changed).root_node).get("word", [])}
    return changed if words <= read else source


def _word_subexpressions(source: bytes, root: Node) -> list[tuple[int, int, int]]:
    """(start of the word, start, end) of the `( … )` of the first `$( … )` the grammar could not place in
    each bare word of a command's arguments (see `_MAX_SUBEXPRESSION`)."""
    spans = []
    for word in _captures(_WORDS, root).get("word", []):
        end = word.end_byte
        parent = word.parent
        if parent is None or parent.type != "command_elements" or word.end_byte - word.start_byte < 2:
            continue
        if source[end - 1 : end + 1] != b"$(":
            continue
        text = source[end : end + _MAX_SUBEXPRESSION]
        closed = _closing_bracket(text)
        if closed is not None and b"\n" not in text[:closed]:
            spans.append((word.start_byte, end, end + closed))
    return spans


# A command whose name starts with a keyword of the grammar's and a dash (`ForEach-Object { … }`,
# `$x = ForEach-Object { … }`, a function `Do-Deploy`, `Data-…`, `Class-…`, `Enum-…`): PowerShell reads a
# keyword only as a whole word, so this is the command; the grammar reads the keyword, and the whole
# statement is an error. Where a blank comes before the name, it is parsed as the call operator `&`, which
# runs the same command (see `_written_command_name`) and after which the grammar reads the name whole.
# Every offset stays; a name at the very start of its line is left as it is.
_KEYWORD_NAMES = re.compile(
    rb"(?<=[ \t])(?:foreach|param|do|data|class|enum|sequence|inlinescript)-\w", re.IGNORECASE
)
_CALL_OPERATOR = 0x26


def _with_command_names_whole(source: bytes, root: Node) -> bytes:
    """The source to parse: `source` itself, or, in a tree with errors, a copy with a `&` for the blank
    before each command name the grammar reads as a keyword (see `_KEYWORD_NAMES`). A change the tree then
    reads otherwise is undone."""
    if not root.has_error:
        return source
    names = [
        m.start()
        for m in _KEYWORD_NAMES.finditer(source)
        if _unreadable_word(root, m.start()) and not _listed_after_comma(source, m.start())
    ]
    if not names:
        return source
    blanks = [at - 1 for at in names]
    return _kept_rewrite(source, blanks, _CALL_OPERATOR, lambda tree, at: _called_by_name(tree, at + 1))


def _listed_after_comma(source: bytes, at: int) -> bool:
    """Whether the word at `at` follows a comma on its line, past blanks: an item of a list (`Front,
    Data-2`), which PowerShell reads as a bare word whatever it starts with, not a command's name."""
    before = _previous_word(source, at)
    return before >= 0 and source[before] == ord(",")


def _in_dot_source(node: Node) -> bool:
    """Whether `node` is in the name of a command dot-sourced (`. .\\config.ps1`), not one run (`&`, or by
    its path alone)."""
    command: Node | None = node
    while command is not None and command.type != "command":
        command = command.parent
    return command is not None and _dot_sourced(command)


def _with_bytes(source: bytes, offsets: Iterable[int], byte: int) -> bytes:
    """`source` with the byte at each of `offsets` replaced by `byte`: a rewrite that keeps every offset."""
    changed = bytearray(source)
    for at in offsets:
        changed[at] = byte
    return bytes(changed)


def _kept_rewrite(
    source: bytes, offsets: list[int], byte: int, read_as_meant: Callable[[Node, int], bool]
) -> bytes:
    """`source` with `byte` at each of `offsets`, but for the changes the tree of the result does not read
    as meant (one in a string or a comment), which are undone."""
    changed = _with_bytes(source, offsets, byte)
    tree = _parser().parse(changed).root_node
    kept = [at for at in offsets if read_as_meant(tree, at)]
    return changed if len(kept) == len(offsets) else _with_bytes(source, kept, byte)


# An operator written with an en dash, an em dash or a horizontal bar (U+2013, U+2014, U+2015) for its dash
# (`$_.Label -like "*W*"`, `-eq`, `-and`, `-not`, `-f`, each `-` one of those), as text copied from a web page
# writes it: PowerShell reads any of them as the dash, before an operator's name as before a parameter's (see
# `_DASHES`). The grammar knows the dash alone there and cannot place the operator: the error it recovers from
# can take the rest of the script with it. So each such dash, three bytes in UTF-8, is parsed as two blanks
# and a dash: the operator is read, two columns on (blanks are free before an operator), and every other
# offset stays, in a script the grammar could not read whole; a change the tree then does not read as an
# operator is undone.
_WIDE_DASHES = tuple(dash.encode("utf-8") for dash in ("\u2013", "\u2014", "\u2015"))
_DASH_READ = b"  -"


def _with_dashed_operators_read(source: bytes, root: Node) -> bytes:
    """The source to parse: `source` itself, or, in a tree with errors, a copy with each operator written
    with a wide dash written with `-` (see `_WIDE_DASHES`)."""
    if not root.has_error:
        return source
    # Every such dash, not only those in error regions: error recovery may read the next operators of the
    # same expression otherwise (the `and` of `-and` as a command's argument), which the grammar reads as
    # operators once the first is read. One that is no operator (a parameter's, one in a string) is undone.
    dashes = list(_wide_dashes_before_letters(source))
    if not dashes:
        return source
    changed = _with_dashes_read(source, dashes)
    tree = _parser().parse(changed).root_node
    kept = [at for at in dashes if _operator_at(tree, at + len(_DASH_READ) - 1)]
    if len(kept) == len(dashes):
        return changed
    return _with_dashes_read(source, kept) if kept else source


def _wide_dashes_before_letters(source: bytes) -> Iterator[int]:
    """The offset of each wide dash (see `_WIDE_DASHES`) that a letter follows."""
    at = source.find(b"\xe2\x80")
    while at >= 0:
        after = source[at + 3 : at + 4]
        if source[at : at + 3] in _WIDE_DASHES and after.isalpha():
            yield at
        at = source.find(b"\xe2\x80", at + 1)


def _with_dashes_read(source: bytes, dashes: list[int]) -> bytes:
    changed = bytearray(source)
    for at in dashes:
        changed[at : at + len(_DASH_READ)] = _DASH_READ
    return bytes(changed)


def _operator_at(tree: Node, at: int) -> bool:
    """Whether the grammar reads an operator (`-like`, `-and`, `-not`, `-f`, …) starting at offset `at`."""
    token = tree.descendant_for_byte_range(at, at + 1)
    return token is not None and token.start_byte == at and not token.is_named and token.type.startswith("-")


_OPERATORS = {"command_invokation_operator": "operator"}


def _with_relative_paths_readable(source: bytes, root: Node) -> bytes:
    """The source to parse: `source` itself, or, in a tree with errors, a copy in which a script run by a
    path from the current folder written with a slash (`$s = ./x.ps1`, `./x.ps1 -Name a`) is written with
    a backslash (`.\\x.ps1`), one byte for one: the grammar reads the `.` as the dot-source operator, which
    a blank always follows, and the rest as an error to the end of the script. PowerShell takes either
    separator (see `beside.settings_file`)."""
    if not root.has_error:
        return source
    slashes = [
        operator.end_byte
        for operator in _captures(_OPERATORS, root).get("operator", [])
        if _text(operator) == "." and source[operator.end_byte : operator.end_byte + 1] == b"/"
    ]
    if not slashes:
        return source
    return _with_bytes(source, slashes, ord("\\"))


# PowerShell 7's pipeline continued by a pipe that starts the next line (`New-AzureVMConfig -Name db1 …`,
# then `| Set-AzureSubnet …`, then `| New-AzureVM …`): one pipeline, as if the pipe ended the line before.
# The grammar reads each such line as a pipeline of its own that starts with a command of no name, and the
# VM config the first line makes goes nowhere. So the pipe is parsed as ending the line before: written at
# the blank or carriage return before the line break, or, where there is none, swapped with the line break
# (the line then starts one byte later: marks are taken from byte offsets, see `Positions.mark`). Only
# where blanks alone come between the pipe and the line before, which ends with code, not a comment, or
# lines that are a comment alone (`# then its subnet`), which PowerShell reads past; a change the tree then
# reads otherwise is undone.
def _with_leading_pipes_joined(source: bytes, root: Node) -> bytes:
    """The source to parse: `source` itself, or, in a tree with errors, a copy with each pipe that starts
    a line after a pipeline written at the end of the line before (see above)."""
    if not root.has_error:
        return source
    moves = [move for pipe in _leading_pipes(root) for move in [_pipe_moved(source, root, pipe)] if move]
    if not moves:
        return source
    changed = _with_moves(source, moves)
    tree = _parser().parse(changed).root_node
    kept = [move for move in moves if _pipe_continues(tree, move[1])]
    if len(kept) < len(moves):
        changed = _with_moves(source, kept) if kept else source
    return changed


def _with_moves(source: bytes, moves: list[tuple[int, int, int]]) -> bytes:
    """`source` with each (pipe, new place, line break) move made: the pipe at the new place, the line
    break (-1: none moves) where the pipe was, else a blank there."""
    changed = bytearray(source)
    for pipe, place, line_break in moves:
        changed[pipe] = 0x0A if line_break >= 0 else 0x20
        changed[place] = ord("|")
        if line_break >= 0 and line_break != place:
            changed[line_break] = 0x20
    return bytes(changed)


def _pipe_moved(source: bytes, root: Node, pipe: int) -> tuple[int, int, int] | None:
    """(pipe, where it goes, which line break moves) for the pipe at `pipe` that starts its line (see
    `_with_leading_pipes_joined`), or None when it stays: more than one line break or anything but blanks
    between it and the code before, or a comment ending that line."""
    line_break = pipe - 1
    while line_break >= 0 and source[line_break] in _BLANKS:
        line_break -= 1
    if line_break < 0 or source[line_break] != 0x0A:
        return None
    line_break = _past_comment_lines(source, root, line_break)
    code = line_break - 1
    while code >= 0 and source[code] in _BLANKS + b"\r":
        code -= 1
    ending = root.descendant_for_byte_range(code, code + 1) if code >= 0 else None
    if ending is None or ending.type == "comment" or source[code : code + 1] in (b"|", b"`", b"\n"):
        return None
    if code + 1 < line_break:  # a blank or a carriage return to write the pipe at
        return (pipe, code + 1, -1)
    return (pipe, line_break, line_break)


def _past_comment_lines(source: bytes, root: Node, line_break: int) -> int:
    """The line break that ends the line `line_break` ends, or, where that line is a comment alone, the
    nearest line above it that is not: PowerShell continues a pipeline past comment lines to a pipe that
    starts the line after them."""
    while line_break > 0:
        start = source.rfind(b"\n", 0, line_break) + 1
        first = start
        while first < line_break and source[first] in _BLANKS:
            first += 1
        comment = root.descendant_for_byte_range(first, first + 1) if source[first] in b"#<" else None
        end = line_break
        while end > first and source[end - 1] in _BLANKS + b"\r":
            end -= 1
        if (
            comment is None
            or comment.type != "comment"
            or not end <= comment.end_byte <= line_break
            or start == 0
        ):
            return line_break
        line_break = start - 1
    return line_break


def _leading_pipes(root: Node) -> list[int]:
    """The offsets of the pipes that follow a command of no name: a pipe that starts a pipeline."""
    pipes = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "command_name" and node.start_byte == node.end_byte:
            after = node.parent.next_sibling if node.parent is not None else None
            if after is not None and after.type == "|":
                pipes.append(after.start_byte)
        stack.extend(node.children)
    return pipes


def _pipe_continues(root: Node, place: int) -> bool:
    """Whether the pipe at `place` follows a command with a name, in `root`."""
    node = root.descendant_for_byte_range(place, place + 1)
    before = node.prev_sibling if node is not None and node.type == "|" else None
    return before is not None and before.end_byte > before.start_byte and not _empty_command(before)


def _empty_command(node: Node) -> bool:
    name = _first(node, "command_name") if node.type == "command" else None
    return name is not None and name.start_byte == name.end_byte


# PowerShell 4's `ForEach` method of every collection (`$vms.ForEach({ … })`): the grammar reads a member
# name that starts with `foreach` as the `foreach` keyword, and the rest of the script as an error. Its
# first letter is parsed as `_` instead, one byte for one; the reader names a member by the script's own
# text (see `Interpreter._member_name`), so the method is still `ForEach` there.
_FOR_EACH_MEMBER = b".foreach("


def _with_for_each_methods_readable(source: bytes, root: Node) -> bytes:
    """The source to parse: `source` itself, or, in a tree with errors, a copy in which each `.ForEach(`
    the grammar cannot read is written `._orEach(` (see `_FOR_EACH_MEMBER`). A change the tree then does
    not read as a member name (in a string or a comment) is undone."""
    if not root.has_error:
        return source
    lowered = source.lower()
    members = []
    at = lowered.find(_FOR_EACH_MEMBER)
    while at >= 0:
        members.append(at + 1)
        at = lowered.find(_FOR_EACH_MEMBER, at + len(_FOR_EACH_MEMBER))
    if not members:
        return source
    return _kept_rewrite(source, members, ord("_"), _read_as_member)


# `[OutputType([String])]` on a line of its own after a workflow's `param (…)`, as Azure Automation's
# runbooks write it: it declares what the workflow outputs and does nothing when it runs. The grammar knows
# the attribute only before a `param` block, and reads the rest of the body as an error; it is parsed as
# blanks, one byte for one.
_OUTPUT_TYPE = b"[outputtype("


def _with_output_types_blanked(source: bytes, root: Node) -> bytes:
    """The source to parse: `source` itself, or, in a tree with errors, a copy with each `[OutputType(…)]`
    that is the whole of its line, outside strings and comments, written as blanks (see `_OUTPUT_TYPE`);
    one the grammar could place declares no more than one it could not."""
    if not root.has_error:
        return source
    lowered = source.lower()
    spans = []
    at = lowered.find(_OUTPUT_TYPE)
    while at >= 0:
        end = _output_type_end(source, at)
        line_start = source.rfind(b"\n", 0, at) + 1
        line_end = source.find(b"\n", at)
        rest = source[end : line_end if line_end >= 0 else len(source)] if end is not None else b"#"
        alone = not source[line_start:at].strip() and rest.strip()[:1] in (b"", b"#")
        written = root.descendant_for_byte_range(at, at + 1)
        if end is not None and alone and written is not None and written.type not in _TEXT_TOKENS:
            spans.append((at, end))
        at = lowered.find(_OUTPUT_TYPE, at + len(_OUTPUT_TYPE))
    if not spans:
        return source
    changed = bytearray(source)
    for start, end in spans:
        changed[start:end] = b" " * (end - start)
    return bytes(changed)


def _output_type_end(source: bytes, at: int) -> int | None:
    """The offset after the `]` that closes the `[OutputType(…)]` at `at`, None when none does."""
    arguments = at + len(_OUTPUT_TYPE) - 1
    closed = _closing_bracket(source[arguments : arguments + _MAX_SUBEXPRESSION])
    if closed is None or source[arguments + closed : arguments + closed + 1] != b"]":
        return None
    return arguments + closed + 1


# PowerShell 4's `Where` method given its block with no parentheses (`$vms.Where{ … }`): the grammar reads
# `Where` as an error, and the block as a member's name. Where the call is the whole of a pipeline's first
# stage (`$up = $vms.Where{ … }`, `$vms.Where{ … } | …`), it picks what `$vms | Where { … }` does: its `.` is parsed as `|`, one byte for
# one, and Where-Object's reading reads it (a call in a longer expression is left as it is).
def _with_where_blocks_piped(source: bytes, root: Node) -> bytes:
    """The source to parse: `source` itself, or, in a tree with errors, a copy in which each `.Where{` that
    is a whole stage is written `|Where{` (see above)."""
    if not root.has_error:
        return source
    dots = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "ERROR" and _where_block(node):
            dots.append(node.start_byte - 1)
        stack.extend(child for child in node.children if child.has_error or child.type == "ERROR")
    if not dots:
        return source
    return _with_bytes(source, dots, ord("|"))


def _where_block(error: Node) -> bool:
    """Whether an error is the `Where` of `$x.Where{ … }` that is the whole of a pipeline's first stage."""
    access, before, after = error.parent, error.prev_sibling, error.next_sibling
    if access is None or access.type != "member_access" or (error.text or b"").lower() != b"where":
        return False
    if before is None or before.type != "." or after is None or after.type != "member_name":
        return False
    if _first(after, "script_block_expression") is None:
        return False
    whole = access
    while whole.parent is not None and _same_span(whole.parent, access):
        whole = whole.parent
        if whole.type == "pipeline":  # the whole of a pipeline
            return True
    chain = whole.parent  # else the first stage of a longer one (an expression is no later stage)
    return chain is not None and chain.type == "pipeline_chain" and chain.start_byte == whole.start_byte


def _same_span(one: Node, other: Node) -> bool:
    return one.start_byte == other.start_byte and one.end_byte == other.end_byte


def _read_as_member(root: Node, at: int) -> bool:
    """Whether the tree reads the name at `at` as the name of a member."""
    node = root.descendant_for_byte_range(at, at + 1)
    while node is not None and node.type == "simple_name":
        node = node.parent
    return node is not None and node.type == "member_name"


def _called_by_name(root: Node, at: int) -> bool:
    """Whether the tree reads the name at `at` as the name of a command, after the call operator."""
    node = root.descendant_for_byte_range(at, at + 1)
    if node is None or node.start_byte != at or node.type not in ("path_command_name_token", "command_name"):
        return False
    return not _unreadable_word(root, at)


# In a command's arguments a comma makes a list (`-SubnetNames FrontEnd, BackEnd` passes two strings), with
# blanks or a line break after it and blanks before it. The grammar knows such a list only when each item is
# an expression (`'FrontEnd', 'BackEnd'`): it reads `FrontEnd,BackEnd` as two words, the second with the
# comma, and `FrontEnd, BackEnd` as an error that runs to the end of the script. So each comma of such a
# list is parsed as a blank (a backtick before a line break, which continues the command as the comma does),
# one byte for one: every item is an argument of its own, every offset stays, and the reader joins the
# arguments a comma of the source separates (see `_list_end`).
_BLANKS = b" \t"
_LINE_BREAKS = b"\r\n"
# What may not start an item of a list as the grammar would read it once the comma is a blank: a parameter
# (`a,-b` passes the string "-b"), a comment, an operator or a closing bracket.
_NO_ITEM = frozenset(b"-#,;|&)}]<>") | {0xE2}  # 0xE2 starts the en dash, em dash and bar in UTF-8


def _with_plain_lists(source: bytes, root: Node) -> bytes:
    """The source to parse: `source` itself, or a copy with each comma between the arguments of a command
    written as a blank (see `_BLANKS`), when the tree then reads it as that: a comma the first tree could
    not place is judged on its lines parsed alone (see `_list_commas`), and a change the second tree reads
    otherwise (a comma in a string that runs over several lines) is undone."""
    rewrites = _list_commas(source, root)
    if not rewrites:
        return source
    changed = _rewritten(source, rewrites)
    tree = _parser().parse(changed)
    kept = [each for each in rewrites if _between_arguments(tree.root_node, each[0])]
    if len(kept) == len(rewrites):
        return changed
    return _rewritten(source, kept) if kept else source


def _rewritten(source: bytes, rewrites: list[tuple[int, int]]) -> bytes:
    """`source` with each (comma, backtick) written as a blank, and a backtick at the second offset, if
    any (-1), to continue the command on the next line."""
    changed = bytearray(source)
    for comma, backtick in rewrites:
        changed[comma] = 0x20
        if backtick >= 0:
            changed[backtick] = 0x60
    return bytes(changed)


def _list_commas(source: bytes, root: Node) -> list[tuple[int, int]]:
    """The commas that separate the items of a command's argument, each with where a backtick continues
    the command when the next item is on the next line (else -1). In a tree with errors, where the tree
    may read code as something else from some way before the error on (`FrontEnd, BackEnd` as the start of
    an expression), a comma it does not show as such is judged on a tree of its own lines (see `_chunk`).
    A change that the tree of the whole script then reads otherwise is undone (see `_with_plain_lists`)."""
    found: list[tuple[int, int]] = []
    commas: set[int] = set()
    chunk: tuple[int, int, Node | None] = (0, 0, None)
    comma = source.find(b",")
    while comma >= 0:
        backtick = _continuation(source, comma)
        before = _previous_word(source, comma)
        if backtick != -2 and before >= 0 and not _escaped(source, comma):
            listed = _comma_token(root, comma) and (
                _after_argument(root, before, commas) or _ends_listed_word(source, root, before, commas)
            )
            if not listed and root.has_error:
                if not chunk[0] <= comma < chunk[1]:
                    start, end = _chunk(source, comma)
                    chunk = (start, end, _parser().parse(source[start:end]).root_node)
                tree, base = chunk[2], chunk[0]
                listed = (
                    tree is not None
                    and _comma_token(tree, comma - base)
                    and _after_argument(tree, before - base, commas, base)
                )
            if listed:
                found.append((comma, backtick))
                commas.add(comma)
        comma = source.find(b",", comma + 1)
    return found


def _continuation(source: bytes, comma: int) -> int:
    """Where a backtick goes to continue the command when the item after a comma starts the next line:
    at a blank or carriage return before the line break, else at the comma itself when a blank comes
    before it (the grammar reads a backtick glued to a word as part of it); -1 when the item is on the
    same line; -2 when there is nowhere to put it, or nothing after the comma may be an item (see
    `_NO_ITEM`)."""
    at = comma + 1
    while at < len(source) and source[at] in _BLANKS:
        at += 1
    backtick = -1
    if at < len(source) and source[at] in _LINE_BREAKS:
        if at > comma + 1 or source[at] == 0x0D:
            backtick = at - 1 if at > comma + 1 else at
        elif comma > 0 and source[comma - 1] in _BLANKS:
            backtick = comma
        else:
            return -2
        at += 2 if source[at : at + 2] == b"\r\n" else 1
        while at < len(source) and source[at] in _BLANKS:
            at += 1
    if at >= len(source) or source[at] in _NO_ITEM or source[at] in _LINE_BREAKS:
        return -2
    if source[at] == 0x40 and source[at + 1 : at + 2].isalnum():  # `@args`: a splat is no item
        return -2
    return backtick


def _escaped(source: bytes, offset: int) -> bool:
    """Whether an odd run of backticks comes just before `offset`: the character is escaped (`a`,b` is the
    one word "a,b")."""
    at = offset - 1
    while at >= 0 and source[at] == 0x60:
        at -= 1
    return (offset - 1 - at) % 2 == 1


def _previous_word(source: bytes, comma: int) -> int:
    """The offset of the last character before a comma, past blanks, on its line; -1 when there is none."""
    at = comma - 1
    while at >= 0 and source[at] in _BLANKS:
        at -= 1
    return at if at >= 0 and source[at] not in _LINE_BREAKS else -1


def _chunk(source: bytes, offset: int) -> tuple[int, int]:
    """The lines around `offset` that a backtick, a comma or a pipe at their end joins into one command."""
    start = source.rfind(b"\n", 0, offset) + 1
    while start > 0 and _continues(source, source.rfind(b"\n", 0, start - 1) + 1, start - 1):
        start = source.rfind(b"\n", 0, start - 1) + 1
    line, end = start, source.find(b"\n", offset)
    while end >= 0 and _continues(source, line, end):
        line, end = end + 1, source.find(b"\n", end + 1)
    return start, (end if end >= 0 else len(source))


def _continues(source: bytes, start: int, end: int) -> bool:
    """Whether the line `source[start:end]` ends with a backtick, a comma or a pipe."""
    return source[start:end].rstrip(_BLANKS + b"\r")[-1:] in (b"`", b",", b"|")


def _comma_token(root: Node, offset: int) -> bool:
    """Whether the comma at `offset` is a token of code: not in a string or a comment."""
    node = root.descendant_for_byte_range(offset, offset + 1)
    return node is not None and (
        node.type == "," or (node.type == "generic_token" and node.start_byte == offset)
    )


def _after_argument(root: Node, offset: int, listed: set[int], base: int = 0) -> bool:
    """Whether the character at `offset` ends an argument of a command, not a parameter's name: the node
    that ends there follows a separator of the command's elements, or a comma of the same list (in
    `listed`, offsets in the script; the tree's offsets are `base` bytes into it)."""
    node: Node | None = root.descendant_for_byte_range(offset, offset + 1)
    while node is not None and node.end_byte == offset + 1:
        before, holder = node.prev_sibling, node.parent
        if before is not None and _call_list(before) == node:  # the call that ends an argument
            node, before = before, before.prev_sibling
        if before is not None and before.type == "," and before.start_byte + base in listed:
            return _parameter(node) is None
        if before is not None and before.type == "command_argument_sep" and holder is not None:
            return holder.type in ("command_elements", "ERROR") and _parameter(node) is None
        node = holder
    return False


def _ends_listed_word(source: bytes, root: Node, offset: int, listed: set[int]) -> bool:
    """Whether the character at `offset` ends a plain bare word with a dash in it that follows a comma of
    the same list (`a, Back-End,`): PowerShell reads one word, where the grammar, past the error the first
    comma makes, reads names, operators and numbers (`Back`, `-`, `End`; `-Ne`; `-2`) in whatever shape.
    The tree of the rewritten script says whether it is then read as an argument (see `_with_plain_lists`)."""
    start = offset
    while start >= 0 and source[start] in _PLAIN_WORD:
        start -= 1
    word = source[start + 1 : offset + 1]
    if b"-" not in word[1:] or word[:1] in b"-" or _in_text(root, start + 1):
        return False
    comma = start
    while comma >= 0 and source[comma] in _BLANKS:
        comma -= 1
    return comma < start and comma in listed


# The characters of a plain bare word in a list (`Back-End`, `Web-Asp-Net45`, `AS-NET-Framework`).
_PLAIN_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")


def _in_text(root: Node, offset: int) -> bool:
    """Whether the character at `offset` is in a string or a comment the tree read."""
    node = root.descendant_for_byte_range(offset, offset + 1)
    while node is not None and node.type not in _TEXT_TOKENS:
        node = node.parent
    return node is not None


def _between_arguments(root: Node, offset: int) -> bool:
    """Whether the blank at `offset` separates two arguments of a command in `root`."""
    node = root.descendant_for_byte_range(offset, offset + 1)
    if node is not None and node.type != "command_argument_sep":
        node = node.parent
    if node is None or node.type != "command_argument_sep" or node.parent is None:
        return False
    before, after = node.prev_sibling, node.next_sibling
    return (
        node.parent.type == "command_elements"
        and before is not None
        and after is not None
        and _parameter(before) is None
        and _parameter(after) is None
        and before.type != "command_argument_sep"
        and after.type != "command_argument_sep"
    )


# A line continuation just before a closing brace or parenthesis (`@{ "A9" = 16 `` ` ``, then `}` on the
# next line): PowerShell reads the closer as on the same line, where the grammar fails. Such a backtick is
# parsed as a blank: the line break then ends the line, which before a closer changes nothing.
_CONTINUED_TO_CLOSER = re.compile(rb"`(?=\r?\n[ \t\r\n]*[)}])")


def _with_closers_on_their_line(source: bytes, root: Node) -> bytes:
    """The source to parse: `source` itself, or, in a tree with errors, a copy with each backtick that
    continues a line onto a closing bracket written as a blank (see `_CONTINUED_TO_CLOSER`). A backtick in
    a string or a comment, or one escaped by another, stays."""
    if not root.has_error:
        return source
    backticks = [m.start() for m in _CONTINUED_TO_CLOSER.finditer(source)]
    backticks = [at for at in backticks if not _escaped(source, at)]
    kept = [at for at, held in zip(backticks, _innermost(root, backticks, _TEXT), strict=True) if not held]
    if not kept:
        return source
    changed = bytearray(source)
    for at in kept:
        changed[at] = 0x20
    return bytes(changed)


# A backtick the grammar takes for a line continuation where PowerShell's tokenizer (`NextToken`) does not:
# one followed by blanks and more of the command on its line (`-Linux `    -LinuxUser $user`, a script whose
# line breaks were lost, its lines joined) is a blank there, and the command goes on; one just before a
# parameter's dash (`` `-DeploymentName``) escapes the dash and starts a bare word: a value, not the
# parameter (see `ESCAPED_PARAMETER`). A backtick before the line's end (or only blanks, which end the
# command in PowerShell too) is none of these.
_BACKTICK_SLIP = re.compile(rb"`(?=[ \t]+[^ \t\r\n]|-[A-Za-z_?])")


def _with_backtick_slips_read(source: bytes, root: Node) -> tuple[bytes, dict[int, str]]:
    """The source to parse: `source` itself, or, in a tree with errors, a copy with each backtick of
    `_BACKTICK_SLIP` the grammar could not read (one in a string or a comment, or escaped by another,
    stays) written as PowerShell reads it: as a blank before blanks; as a letter before a dash, which makes
    a bare word of the same length (the reader takes the word from the source as written, where the
    backtick escapes the dash, see `_unescaped`). Every offset stays. And where each backtick before a dash
    is, with the parameter's name it makes a value of."""
    if not root.has_error:
        return source, {}
    backticks = [m.start() for m in _BACKTICK_SLIP.finditer(source)]
    backticks = [at for at in backticks if not _escaped(source, at) and _unreadable_word(root, at + 1)]
    kept = [at for at, held in zip(backticks, _innermost(root, backticks, _TEXT), strict=True) if not held]
    if not kept:
        return source, {}
    changed, escaped = bytearray(source), {}
    for at in kept:
        if source[at + 1] == 0x2D:  # `-`
            changed[at] = 0x78  # `x`: the bare word `x-DeploymentName`
            end = at + 1
            while end < len(source) and source[end] not in b" \t\r\n;|)}":
                end += 1
            escaped[at] = source[at + 1 : end].decode("utf-8", "replace")
        else:
            changed[at] = 0x20
    return bytes(changed), escaped


def _given_by_position(root: Node, at: int) -> bool:
    """Whether the bare word a backtick before a dash starts at `at` (`` `-DeploymentName``) is a slip that
    gives a classic cmdlet a parameter's name by position: it follows a value or a switch, not a parameter
    that takes it as its value (`-Name `-vm1`, a value that starts with a dash, as its author meant). Of
    another command the reader cannot tell which its author meant, and says nothing."""
    word = root.descendant_for_byte_range(at, at + 1)
    while word is not None and word.parent is not None and word.parent.type != "command_elements":
        word = word.parent
    command = word.parent.parent if word is not None and word.parent is not None else None
    if word is None or command is None or command.type != "command":
        return False
    key = _command_name(command).casefold()
    if key not in cmdlets.SPECS:
        return False
    before = word.prev_named_sibling
    while before is not None and before.type == "command_argument_sep":
        before = before.prev_named_sibling
    parameter = _parameter(before) if before is not None else None
    if parameter is None:
        return True
    written, inline = parameter
    return inline is not None or (_resolve(key, written) or written) in cmdlets.SPECS[key].switches


def _with_param_blocks_ended(source: bytes, root: Node) -> bytes:
    """The source to parse: `source` itself, or, in a tree with errors, a copy with a `;` for the blank
    after each `param (…)` block that code follows on its line (`function f { param($s) New-AzureVM … }`):
    PowerShell reads the block and then the code, the grammar only with a line break or `;` between them,
    and reads the whole function as an error. Every offset and line stays. A change the tree then reads
    otherwise is undone."""
    if not root.has_error:
        return source
    blanks = [
        block.end_byte
        for region in _error_regions(root)
        for block in region.named_children[:1]
        if block.type == "param_block" and source[block.end_byte : block.end_byte + 1] in (b" ", b"\t")
    ]
    if not blanks:
        return source
    changed = bytearray(source)
    for at in blanks:
        changed[at] = 0x3B
    ended = _captures(_PARAM_BLOCKS, _parser().parse(bytes(changed)).root_node).get("param_block", [])
    read = {block.end_byte for block in ended if block.parent is not None and block.parent.type != "ERROR"}
    kept = [at for at in blanks if at in read]
    if len(kept) != len(blanks):
        changed = bytearray(source)
        for at in kept:
            changed[at] = 0x3B
    return bytes(changed)


_PARAM_BLOCKS = {"param_block": "param_block"}


def _with_variable_attributes_blanked(source: bytes, root: Node) -> bytes:
    """The source to parse: `source` itself, or, in a tree with errors, a copy with blanks for the
    attributes a statement puts on the variable it assigns (`[ValidatePattern("…")]$ip = Read-Host`,
    `[ValidateNotNullOrEmpty()][string]$svc = "svc1"`): PowerShell checks each value assigned to the
    variable against them, the grammar reads no attribute there, and the assignment is lost. The value is
    what the statement assigns either way; a type (`[string]`) is kept. Every offset and line stays."""
    if not root.has_error:
        return source
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(source):
        end = source.find(b"\n", start)
        end = len(source) if end < 0 else end
        spans += _assigned_variable_attributes(source, start, end, root)
        start = end + 1
    if not spans:
        return source
    changed = bytearray(source)
    for first, last in spans:
        changed[first:last] = b" " * (last - first)
    return bytes(changed)


# Where an attribute at a line's start is not on an assignment the grammar lost: a parameter's (which the
# grammar reads), or text.
_NOT_STATEMENTS = ("param_block", "parameter_list", "comment", "string", "here_string")


def _assigned_variable_attributes(source: bytes, start: int, end: int, root: Node) -> list[tuple[int, int]]:
    """The (start, end) of each attribute (a bracket with a `(` in it, not a type) a statement on the line
    from `start` to `end` puts on the variable it assigns (`[A(…)][string]$x = …`)."""
    at = _after_blanks(source, start, end)
    if source[at : at + 1] != b"[" or _inside(root, at, _NOT_STATEMENTS):
        return []
    attributes = []
    while source[at : at + 1] == b"[":
        close = _bracket_end(source, at, end)
        if close < 0:
            return []
        if b"(" in source[at:close]:
            attributes.append((at, close + 1))
        at = _after_blanks(source, close + 1, end)
    if not attributes or source[at : at + 1] != b"$":
        return []
    name_end = at + 1
    while name_end < end and (chr(source[name_end]).isalnum() or source[name_end] in b"_:"):
        name_end += 1
    after = _after_blanks(source, name_end, end)
    if source[after : after + 1] != b"=" or source[after + 1 : after + 2] == b"=":
        return []
    return attributes


def _after_blanks(source: bytes, at: int, end: int) -> int:
    while at < end and source[at] in b" \t":
        at += 1
    return at


def _bracket_end(source: bytes, at: int, end: int) -> int:
    """Where the bracket opened at `at` closes on its line (brackets and parentheses nested, strings in
    quotes skipped), -1 where it does not."""
    depth, quote = 0, 0
    for index in range(at, end):
        byte = source[index]
        if quote:
            quote = 0 if byte == quote else quote
        elif byte in b"'\"":
            quote = byte
        elif byte in b"[(":
            depth += 1
        elif byte in b"])":
            depth -= 1
            if depth == 0:
                return index if byte == 0x5D else -1
    return -1


def _inside(root: Node, at: int, kinds: tuple[str, ...]) -> bool:
    """Whether the node at byte `at`, or one around it, is of a type that names one of `kinds`."""
    node: Node | None = root.descendant_for_byte_range(at, at + 1)
    while node is not None:
        if any(kind in node.type for kind in kinds):
            return True
        node = node.parent
    return False


# Error recovery may take the line after an unreadable part for more of the same command: in
# `New-AzureVM -ServiceName svc1 `-VNetName vnet1` (a dash escaped with a backtick, which the grammar does
# not know) it reads the next line's `New-AzureVMConfig …` as more arguments of that `New-AzureVM`, and
# PowerShell runs it as a command of its own. Such a part, from the start of its word to the end of its line,
# is parsed as one string in quotes (the first and last byte written as the quote: every offset and line
# stays), which ends the command where PowerShell ends it; the reader reads the string as the unread part
# it is (see `_Recovered.cuts`). Only where the line surely ends the statement: the command is one of a list
# of statements, the line is not continued (a backtick, comma or pipe at its end) and its brackets and
# strings all close on it.
_CUT_ROUNDS = 8  # trees read at most: a part that the cut of another one shows is cut in the next tree
_CUT_HOLDERS = frozenset({"pipeline", "pipeline_chain", "assignment_expression"})


def _with_lines_ended(source: bytes, tree: Tree) -> tuple[bytes, Tree, dict[int, int]]:
    """The source to read, its tree, and the parts written as strings in it (start -> end), where error
    recovery took the next line into a command (see `_CUT_ROUNDS`). A cut the tree then reads otherwise
    is undone."""
    cuts: dict[int, int] = {}
    for _ in range(_CUT_ROUNDS):
        found = [cut for cut in _line_cuts(source, tree.root_node) if cut[0] not in cuts]
        if not found:
            break
        changed = _quoted(source, found)
        changed_tree = _parser().parse(changed)
        kept = [cut for cut in found if _read_as_cut(changed_tree.root_node, cut)]
        if not kept:
            break
        if len(kept) != len(found):
            changed = _quoted(source, kept)
            changed_tree = _parser().parse(changed)
        source, tree = changed, changed_tree
        cuts.update((start, end) for start, end, _ in kept)
    return source, tree, cuts


def _quoted(source: bytes, cuts: list[tuple[int, int, int]]) -> bytes:
    changed = bytearray(source)
    for start, end, quote in cuts:
        changed[start] = changed[end - 1] = quote
    return bytes(changed)


def _line_cuts(source: bytes, root: Node) -> Iterator[tuple[int, int, int]]:
    """(start, end, quote) of each line's unreadable part that follows other text on its line: from the start
    of the word it is in to the end of the line, where that line ends the statement (see `_CUT_ROUNDS`).
    Each line's own, unless the tree already reads it among the arguments of a statement's command that
    ends on its line (what follows it there is read): a line after it may have a part of its own, which
    makes the whole file one error region. A cut the tree with it does not read as one argument of a
    command that is a statement is undone (see `_read_as_cut`)."""
    seen: set[int] = set()  # the lines cut, or that cannot be
    line_start = line_end = first_word = -1
    for problem in _error_nodes(root):  # in document order: a line is found once
        at = problem.start_byte
        if not line_start <= at < line_end:
            line_start = source.rfind(b"\n", 0, at) + 1
            line_end = source.find(b"\n", at)
            line_end = len(source) if line_end < 0 else line_end
            line = source[line_start:line_end]
            first_word = line_start + len(line) - len(line.lstrip())
        if line_start in seen:
            continue
        if problem.end_byte <= line_end and _in_a_statement(problem):
            seen.add(line_start)  # the tree ends the command with its line: what follows the part is read
            continue
        while at < line_end and source[at] in _BLANKS:
            at += 1
        start = at
        while start > first_word and source[start - 1] not in _BLANKS:
            start -= 1
        if at >= line_end or start <= first_word:
            continue  # blanks, or the line's first word: a problem after it on the line may be cut
        seen.add(line_start)
        end = line_end - 1 if source[line_end - 1 : line_end] == b"\r" else line_end
        text = source[start:end]
        if (
            len(text) < 2
            or _continues(source, line_start, line_end)
            or _open_brackets(source[line_start:end]) != []
            or _open_brackets(source[line_start:start]) != []  # the cut would take a closer
        ):
            continue
        if b'"' not in text and b"`" not in text[1:]:
            yield start, end, 0x22
        elif b"'" not in text:
            yield start, end, 0x27


def _in_a_statement(region: Node) -> bool:
    """Whether an error region is among the arguments of a command that is a statement of a list."""
    elements = region.parent
    if elements is not None and elements.type == "command_argument_sep":
        elements = elements.parent
    return (
        elements is not None
        and elements.type == "command_elements"
        and elements.parent is not None
        and _a_statement(elements.parent)
    )


def _error_nodes(root: Node) -> Iterator[Node]:
    """The error regions and the tokens the grammar could not place (which hold no error of their own, as
    the tree says: `_problems` finds no such token directly in a region), in document order."""
    stack = [root] if root.has_error else []
    while stack:
        node = stack.pop()
        if node.type == "ERROR":
            yield node
        stack.extend(child for child in reversed(node.children) if child.has_error or child.type == "ERROR")


def _a_statement(command: Node) -> bool:
    """Whether a command is (the pipeline of) a statement of a list: a line break after it ends it."""
    above = command.parent
    while above is not None and above.type in _CUT_HOLDERS:
        above = above.parent
    return above is not None and above.type in _Recovered._LISTS


def _read_as_cut(root: Node, cut: tuple[int, int, int]) -> bool:
    """Whether a tree reads a cut as one string among a command's arguments, and the line after it as
    no more of that command."""
    start, end, _ = cut
    node: Node | None = root.descendant_for_byte_range(start, end)
    while (
        node is not None
        and node.type != "string_literal"
        and (node.start_byte, node.end_byte) == (start, end)
    ):
        node = node.parent  # the string's text, which spans it too
    if node is None or node.type != "string_literal" or node.start_byte != start or node.end_byte != end:
        return False
    # Up to the command's arguments, and no further than a list of statements or an error region: a step
    # up costs a walk down from the root.
    while node is not None and node.type != "command_elements":
        if node.type in _Recovered._LISTS or node.type == "ERROR":
            return False
        node = node.parent
    if node is None or node.end_byte > end or node.has_error or node.parent is None:
        return False
    return _a_statement(node.parent)


def _innermost(root: Node, offsets: list[int], kinds: dict[str, str]) -> list[str]:
    """For each of `offsets` (in ascending order), the capture name (see `_captures`) of the innermost
    node of `kinds` that holds the byte there; "" for none. One query and one sweep over the nodes found,
    which nest: walking up from each offset would cost the width of each wide node on the way, as
    tree-sitter finds a node's parent from the root down."""
    found = _captures(kinds, root) if offsets else {}
    spans = sorted(
        (node.start_byte, -node.end_byte, name)
        for name, nodes in found.items()
        for node in nodes
        if node.end_byte > node.start_byte
    )
    held: list[str] = []
    holding: list[tuple[int, str]] = []  # (end, name) of the nodes that hold the offset, innermost last
    at = 0
    for offset in offsets:
        while at < len(spans) and spans[at][0] <= offset:
            start, end, name = spans[at]
            at += 1
            while holding and holding[-1][0] <= start:
                holding.pop()
            holding.append((-end, name))
        while holding and holding[-1][0] <= offset:
            holding.pop()
        held.append(holding[-1][1] if holding else "")
    return held


# A command's argument that goes on past a method call (`-Password $cred.GetNetworkCredential().Password`,
# `$names.Split(",")[0]`, `(Get-Date).AddDays(1).ToString("d")`): PowerShell reads one expression; the grammar
# reads no member access, index or static member after a call's parentheses among a command's arguments (it
# takes `$cred.GetNetworkCredential` for the argument and `()` for an argument list of its own), and cannot
# place what follows. Its error recovery may then read the rest of the line, and of the script, as tokens it
# cannot place, and lose every statement after it. So the call the grammar reads is parsed as ending where the
# argument ends, what goes on past it written as blanks: `$cred.GetNetworkCredential(        )`, which the
# grammar reads as it reads an argument that ends with a call (see `_call_list`): the call runs, and the
# argument's value is not known, as it would not be past a call. Every offset stays, and no byte around the
# argument is needed, wherever it stands. What goes on past the call is taken on one line: members (named as
# written, by a variable, by a string without `$` or a backtick, or by a string of one variable, `."$f"`),
# indexes without brackets or strings in them, and calls whose arguments hold no braces, strings without `$`
# or a backtick, and brackets only around such arguments (`.Substring($s.IndexOf("-"))`), up to a blank, a
# closing bracket, a comma, a pipe, a `;` or the line's end; anything else is left as it is.
_PLAIN_ARGUMENT = rb"[^()'\"{}\r\n`]|'[^'\r\n]*'|\"[^\"$`\r\n]*\""  # a character or a string
_CALL_ARGUMENTS = rb"\((?:" + _PLAIN_ARGUMENT + rb"|\((?:" + _PLAIN_ARGUMENT + rb")*\))*\)"
_MEMBER_NAME = rb"(?:[A-Za-z_]\w*|\$\w+|'[^'\r\n]*'|\"[^\"$`\r\n]*\"|\"\$\w+\")"
_MEMBER = rb"(?:(?:\.|::)" + _MEMBER_NAME + rb"(?:" + _CALL_ARGUMENTS + rb")?|\[[^\[\]()'\"\r\n]*\])"
_PAST_THE_CALL = re.compile(_MEMBER + rb"+(?=[ \t;|,)}]|\r?\n|\Z)")
_CALL_LISTS = {"argument_list": "list"}
_BLANK, _CLOSER = 0x20, 0x29


def _with_calls_readable(source: bytes, root: Node) -> bytes:
    """The source to parse: `source` itself, or, in a tree with errors, a copy where each argument that
    goes on past a method call is written as the grammar reads it (see `_PAST_THE_CALL`). The tree of the
    changed source may read another such argument that the error hid (one the error recovery read as an
    expression of its own): up to `_CALL_ROUNDS` trees are read."""
    changed = source
    for round_ in range(_CALL_ROUNDS):
        if round_:
            root = _parser().parse(changed).root_node
        if not root.has_error:
            break
        edits = _call_edits(changed, root)
        if not edits:
            break
        edited = bytearray(changed)
        for at, byte in edits:
            edited[at] = byte
        changed = bytes(edited)
    return changed


_CALL_ROUNDS = 4


def _call_edits(source: bytes, root: Node) -> list[tuple[int, int]]:
    """The bytes `_with_calls_readable` writes in `root`'s source, each with its offset: for each argument
    list of a command's argument that what goes on past the call follows, its closing parenthesis moved to
    where that ends, and blanks in between. The next such argument of the same command (`$a.M().P $b.N().Q`,
    or an item of a list, `$a.M().P, $b.N().Q`) is one too, though error recovery may read it as an
    expression of its own. Each byte is looked at once: a list in what is blanked is passed over."""
    # In document order, for `_innermost`: a query may give the nodes of error regions out of it.
    lists = sorted((n.start_byte, n.end_byte) for n in _captures(_CALL_LISTS, root).get("list", []))
    places = _innermost(root, [max(start - 1, 0) for start, _ in lists], _CALL_PLACES)
    edits: list[tuple[int, int]] = []
    item_after = -1  # where the previous such argument ends
    for (start, end), place in zip(lists, places, strict=True):
        if start < item_after:
            continue
        argument = place == "argument" or (
            item_after >= 0 and _NEXT_ITEM.fullmatch(source, item_after, start)
        )
        goes_on = _PAST_THE_CALL.match(source, end) if argument and source[end - 1 : end] == b")" else None
        if goes_on is None:
            item_after = -1
            continue
        item_after = goes_on.end()
        edits.extend((at, _BLANK) for at in range(end - 1, item_after - 1))
        edits.append((item_after - 1, _CLOSER))
    return edits


# What comes between an argument and the member called in the next argument, or the next item of a list:
# blanks or a comma, and a variable with its members (see `_call_edits`).
_NEXT_ITEM = re.compile(rb"(?:[ \t]*,[ \t]*|[ \t]+)\$(?:[A-Za-z]+:)?\w+(?:(?:\.|::)[A-Za-z_]\w*)+")


# Brackets open at once past which a script is refused before it is parsed (as Python scripts are past 100
# levels). tree-sitter's tree of deeply nested code grows to millions of nodes, which the reader walks in
# Python: half a megabyte of blocks 999 deep took 16 s and 1.1 GB. Real scripts nest a few dozen levels.
MAX_NESTING = 100
_BRACKET_STEPS = bytes.maketrans(b"([{)]}", b"\x01\x01\x01\x02\x02\x02")
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"()[]{}")


def _too_deep(source: bytes) -> int:
    """The byte offset of the first bracket opened while `MAX_NESTING` others are open, counted over the
    bytes without regard to strings or comments (a bound on the nesting, not a parse); -1 when there is
    none. Linear, and in C unless the script opens more than `MAX_NESTING` brackets in all."""
    steps = source.translate(_BRACKET_STEPS, _NOT_BRACKETS)
    if steps.count(1) <= MAX_NESTING:
        return -1
    depth = 0
    for index, step in enumerate(steps):
        depth += 1 if step == 1 else -1
        if depth > MAX_NESTING:
            return _nth_bracket(source, index)
    return -1


def _nth_bracket(source: bytes, nth: int) -> int:
    """The offset of the `nth` bracket (from 0) of `source`."""
    for offset, byte in enumerate(source):
        if byte in _BRACKET_BYTES:
            nth -= 1
            if nth < 0:
                return offset
    return -1


_BRACKET_BYTES = frozenset(b"()[]{}")


# Syntax nodes past which a parsed script is not read: every walk of the reader is in Python. Real scripts
# make under half a node per byte (a 512 KB one, under 250,000); code built to be dense or broken makes up
# to eight, and half a megabyte of it took tens of seconds.
MAX_NODES = 400_000


def _size_problem(nodes: int, mark: Mark) -> FileProblem:
    message = (
        f"refused: the script parses into {nodes:,} syntax nodes, more than the {MAX_NODES:,} migcheck "
        "reads (real scripts make under half a node per byte)"
    )
    fix = "Split the script, or exclude it in [tool.migcheck] exclude if it is generated."
    return FileProblem("syntax", message, mark, fix)


def _nesting_problem(mark: Mark) -> FileProblem:
    message = (
        f"refused: brackets nest more than {MAX_NESTING:,} levels deep (line {mark.line}, column "
        f"{mark.column}); migcheck reads PowerShell scripts nested up to {MAX_NESTING:,} levels"
    )
    fix = "Reduce the nesting, or exclude the file in [tool.migcheck] exclude if it is generated."
    return FileProblem("syntax", message, mark, fix)


class Positions:
    """Marks in characters of the decoded text: tree-sitter counts bytes of the UTF-8 it parsed. `exact`: a
    value's characters are at the columns after its mark (not so where every node has one mark)."""

    exact: ClassVar[bool] = True

    def __init__(self, path: str, source: bytes) -> None:
        self.path = path
        self.source = source
        starts, at = [0], source.find(b"\n")
        while at >= 0:
            starts.append(at + 1)
            at = source.find(b"\n", at + 1)
        self.starts = starts
        # Per line that is not ASCII, the byte offset where each character ends (built once per line).
        self._widths: dict[int, list[int] | None] = {}

    def mark(self, node: Node) -> Mark:
        # From the offset, not the tree's row and column: a rewrite for the grammar keeps every offset but
        # may move a line break by a byte (see `_with_leading_pipes_joined`).
        return self.at(node.start_byte)

    def line(self, number: int) -> str:
        """The text of line `number` (from 1), without its line ending."""
        start = self.starts[number - 1]
        end = self.starts[number] if number < len(self.starts) else len(self.source)
        return self.source[start:end].decode("utf-8", "replace").rstrip("\r\n")

    def at(self, offset: int) -> Mark:
        """The mark of a byte offset into the source."""
        row = bisect.bisect_right(self.starts, offset) - 1
        return Mark(self.path, row + 1, column=self._characters(row, offset - self.starts[row]) + 1)

    def _characters(self, row: int, column: int) -> int:
        """How many characters the first `column` bytes of line `row` hold."""
        if row not in self._widths:
            start = self.starts[row] if row < len(self.starts) else len(self.source)
            end = self.starts[row + 1] if row + 1 < len(self.starts) else len(self.source)
            line = self.source[start:end]
            ends = None
            if not line.isascii():
                ends = list(
                    itertools.accumulate(
                        len(c.encode("utf-8", "surrogatepass")) for c in line.decode("utf-8", "replace")
                    )
                )
            self._widths[row] = ends
        ends = self._widths[row]
        return column if ends is None else bisect.bisect_right(ends, column)

    @staticmethod
    def last_line(node: Node) -> int:
        """The 1-based line of the node's last character (a node may end just after a line break)."""
        row, column = node.end_point
        return row if column == 0 and row > node.start_point[0] else row + 1

    def own_line(self, node: Node) -> bool:
        """Whether only blanks precede the node on its line."""
        row, column = node.start_point
        return not self.source[self.starts[row] : self.starts[row] + column].strip()


class _AtOneMark(Positions):
    """The positions of a command line a script runs from a string (`Invoke-Expression`): every node of it is
    shown at `at`, where the call is, as the string's own lines are no lines of the file."""

    exact: ClassVar[bool] = False

    def __init__(self, parsed: Positions, at: Mark) -> None:
        super().__init__(parsed.path, parsed.source)
        self.fixed = at

    def mark(self, node: Node) -> Mark:
        return self.fixed

    def at(self, offset: int) -> Mark:
        return self.fixed


# --- one pass over the syntax tree -----------------------------------------------------------------------


class SyntaxIndex:
    """What the reader looks up by position: statements and comments (suppressions), functions, the
    variables each scope assigns, and every `Switch-AzureMode`."""

    def __init__(
        self,
        root: Node,
        source: bytes,
        cuts: dict[int, int] | None = None,
        escaped: dict[int, str] | None = None,
    ) -> None:
        self.recovered = _Recovered(root, cuts or {})
        # Where a backtick makes a value of a parameter's name, and the name (see `ESCAPED_PARAMETER`).
        self.escaped_parameters = {
            at: name for at, name in (escaped or {}).items() if _given_by_position(root, at)
        }
        self.escaped_at = sorted(self.escaped_parameters)
        found = _captures(_INDEX, root)
        self.comments = sorted(found.get("comment", []), key=lambda n: n.start_byte)
        self.statements = sorted(
            (n for lists in found.get("statements", []) for n in _named(lists) if n.type != "ERROR"),
            key=lambda n: n.start_byte,
        )
        self.functions: dict[str, Node] = {}
        for function in found.get("function", []):
            name = _first(function, "function_name")
            if name is not None:
                self.functions.setdefault(_text(name).casefold(), function)
        commands = [_command_name(c).casefold() for c in found.get("command", [])]
        self.mode_switches = [
            c
            for c, name in zip(found.get("command", []), commands, strict=True)
            if name == "switch-azuremode"
        ]
        # Where the script first shows that it runs in Resource Manager mode without switching to it: a
        # cmdlet only that mode has, or a cmdlet of a name both modes share given `-ResourceGroupName`,
        # which only the Resource Manager one takes (None when it shows none).
        self.resource_manager_shown = next(
            (
                c.start_byte
                for c, name in zip(found.get("command", []), commands, strict=True)
                if name in cmdlets.RESOURCE_MANAGER_ONLY
                or (cmdlets.canonical(name) and _given_resource_group(c))
            ),
            None,
        )
        # How often the script calls each of its functions, by name (case-folded), where it is written: a
        # classic cmdlet named by its module (`Azure\Get-AzureVM`) is no call of a function of its name.
        self.call_sites = collections.Counter(
            name
            for c, name in zip(found.get("command", []), commands, strict=True)
            if name in self.functions and not _module_qualified(c)
        )
        self.called = set(self.call_sites)  # functions the script calls
        self._index_classes(found)
        # (offset, variable key) of every assignment, and which scope assigns which keys.
        inside = _Spans(found.get("function", []))
        self.assignments: list[tuple[int, str]] = []
        self.script_assigned: dict[str, int] = {}
        self.function_assigned: set[str] = set()
        # Variables something may change where the reader does not see it (see `Interpreter._stale`).
        self.stale: set[str] = set()
        self.all_stale = False  # a `*-Variable` command names variables the reader cannot tell
        # The members the script sets on any object (`$cfg.Service = …`), case-folded, and whether it adds
        # members with a command that may replace one (`Add-Member -Force`): a member it never sets is what
        # it was wherever it is read (see `Interpreter._member_stays`).
        # Members a class's constructor sets on the object it makes (`$this.Service = $name`) are kept
        # apart: set there and nowhere else, such a member is one value in each run of the class's other
        # methods (see `Interpreter._member_stays`).
        self.members_set: set[str] = set()
        constructed: set[str] = set()
        for node in found.get("assignment", []):
            names = {_text(name).casefold() for name in _set_members(node)}
            (constructed if _sets_this_in_constructor(node) else self.members_set).update(names)
        self.constructor_members = constructed - self.members_set
        self.adds_members = "add-member" in commands
        # Whether the script's own `$args` are only ever read, an item or a property at a time (see
        # `_reads_arguments_only`): then nothing but assigning `$args` may change an item of them.
        self.arguments_read_only = all(
            _reads_arguments_only(v) for v in found.get("variable", []) if _variable(_text(v))[1] == "args"
        )
        for node in found.get("assignment", []):
            for variable, in_place in _assigned_variables(node):
                key = _variable(_text(variable))[1]
                self.assignments.append((node.start_byte, key))
                if inside(node.start_byte):
                    self.function_assigned.add(key)
                    # `$script:x = …` in a function, or `$x.Key = …` on a table it shares with its caller
                    if in_place or _text(variable)[1:].lstrip("{").casefold().startswith(_OUTER_SCOPES):
                        self.stale.add(key)
                else:
                    self.script_assigned[key] = self.script_assigned.get(key, 0) + 1
        for command, command_key in zip(found.get("command", []), commands, strict=True):
            removed = _removed_variables(command, command_key, source)
            if removed is not None and not inside(
                command.start_byte
            ):  # as `$x = $null` (see `_remove_variables`)
                self.assignments.extend((command.start_byte, key) for key in removed)
                for key in removed:
                    self.script_assigned[key] = self.script_assigned.get(key, 0) + 1
            elif command_key in _VARIABLE_COMMANDS:
                named = _variable_names(command, source)
                self.all_stale = self.all_stale or named is None
                self.stale.update(named or ())
            self.stale.update(_output_variables(command, command_key))
        for cast in found.get("cast", []):  # `[ref]$x`: a function given it may assign `$x`
            referenced = _referenced(cast)
            if referenced is not None:
                self.stale.add(referenced)
        # Where a script or function dot-sources (`. .\settings.ps1`, `. Set-Defaults`): what follows may
        # see any of its variables changed.
        self.dot_sources = sorted(c.start_byte for c in found.get("command", []) if _dot_sourced(c))
        # Whether the file defines a workflow, whose commands may call a child runbook by its name.
        self.workflows = any(_first(f, "workflow") is not None for f in found.get("function", []))
        # The scopes (a function, or the script: 0) that hold a `trap` that may let the script go on after an
        # error: one that does not surely `break`, `exit` or `throw`.
        going_on = [trap for trap in found.get("trap", []) if not _trap_ends(trap)]
        self.trapping = set(_scopes_of(going_on, found.get("function", [])))
        # Variables the script's top level sets once to its own folder, by key: where that assignment ends.
        self.script_folders = {} if self.all_stale else _script_folders(root, self)
        # Variables that hold the folder the script runs in (see `_current_folders`), by key: where that
        # assignment ends. Only where the script never moves to another folder, which they would not follow.
        moves = any(_command_name(c).casefold() in _LOCATION_CHANGES for c in found.get("command", []))
        self.current_folders = {} if self.all_stale or moves else _current_folders(root, self)
        self.by_key: dict[str, list[int]] = {}
        for offset, key in sorted(self.assignments):
            self.by_key.setdefault(key, []).append(offset)
        # The assignments that may give a variable another value: all but those that give it back the VM
        # configuration it holds (`$vm = $vm | Add-AzureDataDisk …`, see `_keeps_its_vm`).
        keeping = {node.start_byte for node in found.get("assignment", []) if _keeps_its_vm(node)}
        self.changing_by_key: dict[str, list[int]] = {}
        for offset, key in sorted(self.assignments):
            if offset not in keeping:
                self.changing_by_key.setdefault(key, []).append(offset)
        # Where a `break` or `continue` is: a loop that holds one may stop before its list ends. One in a
        # `catch` ends it only when a command fails, which may end any code (see `Interpreter._try`).
        self.loop_exits = sorted(
            n.start_byte
            for n in found.get("flow", [])
            if _text(n).casefold().startswith(("break", "continue"))
            and not _ends_a_switch(n)
            and not _ends_on_error(n)
        )

    def _index_classes(self, found: dict[str, list[Node]]) -> None:
        """The classes the script defines, by name (case-folded), and the methods of each that are not
        constructors, by class and name: what a call on `$this` or on an object the script makes
        (`[Deployer]::new(…)`, `New-Object Deployer`) runs. And the names of the methods the script calls
        anywhere (`$x.Create()`): a method of such a name is run at its calls, not read where its class is
        written (see `Interpreter._class_method`)."""
        self.classes: dict[str, Node] = {}
        self.classes_by_id: dict[int, Node] = {}
        self.methods: dict[tuple[int, str], list[Node]] = {}
        self.methods_named: dict[str, list[Node]] = {}
        for statement in found.get("class", []):
            name = _first(statement, "simple_name")
            if name is None:
                continue
            self.classes.setdefault(_text(name).casefold(), statement)
            self.classes_by_id[statement.id] = statement
            for method in _named(statement):
                written = _first(method, "simple_name") if method.type == "class_method_definition" else None
                if written is None or _is_constructor(method):
                    continue
                key = _text(written).casefold()
                self.methods.setdefault((statement.id, key), []).append(method)
                self.methods_named.setdefault(key, []).append(method)
        self._index_member_values(found)
        self.invoked_methods: set[str] = set()
        if self.methods_named:
            for node in found.get("assignment", []):
                member = _first(node, "member_name") if node.type == "invokation_expression" else None
                if member is not None:
                    self.invoked_methods.add(_text(member).casefold())

    def _index_member_values(self, found: dict[str, list[Node]]) -> None:
        """What each class of the script sets each of its properties to, by (class id, property name
        case-folded): the default its body gives it (`[string]$Url = ''`) and the value of each `$this.Url
        = …` of its methods, each with whether an object has it once made (a default, or a constructor's);
        the class of each method, by the method's id; and the members set anywhere but in a class's method
        on `$this` (`$client.Url = …`), which an object of any class may then hold (see
        `Interpreter._member_values`)."""
        self.member_values: dict[tuple[int, str], list[tuple[Node, bool]]] = {}
        self.method_class: dict[int, int] = {}
        for statement in found.get("class", []):
            for part in _named(statement):
                if part.type == "class_method_definition":
                    self.method_class[part.id] = statement.id
                default = _property_default(part)
                if default is not None:
                    self.member_values.setdefault((statement.id, default[0]), []).append((default[1], True))
        self.members_set_outside: set[str] = set()
        for node in found.get("assignment", []):
            set_on_this = _set_on_this(node)
            if set_on_this is not None:
                method, member, value = set_on_this
                key = (method.parent.id, member) if method.parent is not None else None
                if key is not None:
                    self.member_values.setdefault(key, []).append((value, _is_constructor(method)))
                    continue
            self.members_set_outside.update(_text(name).casefold() for name in _set_members(node))

    def exits(self, node: Node) -> bool:
        """Whether a `break` or `continue` lies inside a node."""
        at = bisect.bisect_left(self.loop_exits, node.start_byte)
        return at < len(self.loop_exits) and self.loop_exits[at] < node.end_byte

    def dot_sources_within(self, node: Node) -> bool:
        """Whether a dot-sourcing command lies inside a node (a loop)."""
        at = bisect.bisect_left(self.dot_sources, node.start_byte)
        return at < len(self.dot_sources) and self.dot_sources[at] < node.end_byte

    def assigns(self, key: str, start: int, end: int) -> bool:
        """Whether variable `key` is assigned somewhere between two offsets (inside a loop)."""
        return _any_between(self.by_key.get(key), start, end)

    def assignments_between(self, key: str, start: int, end: int) -> int:
        """How many assignments of variable `key` lie between two offsets (inside a loop)."""
        offsets = self.by_key.get(key, [])
        return bisect.bisect_left(offsets, end) - bisect.bisect_left(offsets, start)

    def changes(self, key: str, start: int, end: int) -> bool:
        """Whether variable `key` is assigned somewhere between two offsets (inside a loop) other than with
        the VM configuration it holds passed on (see `_keeps_its_vm`)."""
        return _any_between(self.changing_by_key.get(key), start, end)


def _owner_of_member(ident: object) -> object:
    """The value a member's value is read from (`$row.vmName` of the loop's `$row`: see
    `Interpreter._member`), or a styled value is made of (`{0:D3}` of the loop's `$i`: see
    `_styled_holes`), through members of members; any other ident as it is."""
    while isinstance(ident, tuple) and len(ident) == 3 and ident[0] in ("member", "styled"):
        ident = ident[1]
    return ident


def _holds_vm(value: Value) -> bool:
    """Whether a value is a VM configuration, or an array that holds one."""
    items = value.values if isinstance(value, Items) else (value,)
    return any(isinstance(item, Vms) for item in items)


def _any_between(offsets: list[int] | None, start: int, end: int) -> bool:
    """Whether a sorted list of offsets holds one between two offsets."""
    if not offsets:
        return False
    at = bisect.bisect_left(offsets, start)
    return at < len(offsets) and offsets[at] < end


def _keeps_its_vm(node: Node) -> bool:
    """Whether an assignment gives a variable back what it holds through cmdlets that pass on the VM
    configuration they are given (`cmdlets.VM_FILTERS`): `$vm = $vm | Add-AzureDataDisk … | Set-AzureSubnet
    …`, `$vm = Add-AzureEndpoint -VM $vm …`. Whatever round of a loop runs it, the variable then holds the
    VM configuration it held before the loop."""
    operator = next((c for c in node.children if c.type == "assignement_operator"), None)
    target = _operand(node) if node.type == "assignment_expression" else None
    if operator is None or _text(operator) != "=" or target is None or target.type != "variable":
        return False
    key = _variable(_text(target))
    chain = _named(node)[-1] if _named(node) else None
    while chain is not None and chain.type == "pipeline" and len(_named(chain)) == 1:
        chain = _named(chain)[0]
    if chain is None or chain.type != "pipeline_chain":
        return False
    stages = [stage for stage in _named(chain) if stage.type != "comment"]
    first = _unwrap(stages[0]) if stages else None
    if first is None or any(
        stage.type != "command" or _command_name(stage).casefold() not in cmdlets.VM_FILTERS
        for stage in stages[1:]
    ):
        return False
    if first.type == "variable":
        return len(stages) > 1 and _variable(_text(first)) == key
    if first.type != "command" or _command_name(first).casefold() not in cmdlets.VM_FILTERS:
        return False
    given = _vm_argument(first)
    return given is not None and given.type == "variable" and _variable(_text(given)) == key


def _vm_argument(command: Node) -> Node | None:
    """The expression a command gives its `-VM` (or `-InputObject`) parameter, under wrappers."""
    elements = command.child_by_field_name("command_elements")
    given = [c for c in _named(elements) if c.type != "command_argument_sep"] if elements is not None else []
    for parameter, argument in itertools.pairwise(given):
        if parameter.type == "command_parameter" and _text(parameter).casefold() in ("-vm", "-inputobject"):
            return _unwrap(argument)
    return None


class _Recovered:
    """The regions error recovery may have read wrong: in a node that holds an error region (or a token
    the grammar supposed missing), what follows it, up to the node's end. There the grammar may have given
    a part to the wrong whole (`[string]$A = "x" [string]$B = "y"` read as `$A` with the default "y"), so
    no value is read from it, as none is from the error region itself (see `Interpreter.opaque`). A block
    in it (`{ … }` a function's body, say) was read by its own brackets, and is read; so is what follows
    an error region in a list of statements, which starts a statement of its own. A part the reader wrote as
    a string to end its command at its line's end (`cuts`, start -> end: see `_with_lines_ended`) is read
    as the error region it was."""

    _LISTS = frozenset(
        {"program", "statement_list", "statement_block", "script_block", "script_block_body", "named_block"}
    )

    # Nodes whose error regions are read as they are: a region in a region, and the parameters of a
    # `switch` the grammar does not know (`switch -r`, see `_switch_mode`), which leave the rest as written.
    _READ_ERRORS = frozenset({"ERROR", "switch_statement"})

    def __init__(self, root: Node, cuts: dict[int, int]) -> None:
        spans = []
        for problem in _problems(root):
            holder = problem.parent
            if (
                holder is not None and holder.type == "command_argument_sep"
            ):  # the command's arguments hold it
                holder = holder.parent
            if holder is not None and holder.type not in self._LISTS and holder.type not in self._READ_ERRORS:
                spans.append((problem.end_byte, holder))
        self.regions = list(_error_regions(root))  # the outermost, in document order
        self.spans = spans
        # Where the first error region each holder holds ends: a node after it there may be read wrong.
        self.first_end: dict[int, int] = {}
        for end, holder in spans:
            self.first_end[holder.id] = min(end, self.first_end.get(holder.id, end))
        self.cuts = cuts
        # Where each unread part starts, in document order: the error regions and the cuts.
        self.unread = sorted([_code_start(region) for region in self.regions] + list(cuts))

    def __bool__(self) -> bool:
        return bool(self.spans or self.cuts)

    def holds(self, node: Node) -> bool:
        """Whether `node` lies after an error region in a node that holds both, outside any block there, or
        is a cut (see `_with_lines_ended`)."""
        cut_end = self.cuts.get(node.start_byte)
        if cut_end is not None and node.end_byte <= cut_end:
            return True
        # The holders that may hold it are its ancestors up to the nearest list of statements: one walk up,
        # not a look at every error region before it.
        above = node.parent
        while above is not None:
            end = self.first_end.get(above.id)
            if end is not None and end <= node.start_byte:
                return True
            if above.type in self._LISTS:
                return False
            above = above.parent
        return False


class _Spans:
    """Whether an offset lies inside any of some nodes (functions, which may nest)."""

    def __init__(self, nodes: list[Node]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted((n.start_byte, n.end_byte) for n in nodes):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def __call__(self, offset: int) -> bool:
        at = bisect.bisect_right(self.starts, offset) - 1
        return at >= 0 and offset < self.ends[at]


def _problems(root: Node) -> list[Node]:
    """Error and missing nodes in document order, found through the subtrees that hold errors only."""
    found: list[Node] = []
    stack = [root] if root.has_error else []
    while stack:
        node = stack.pop()
        if node.is_missing or node.type == "ERROR":
            found.append(node)
        stack.extend(child for child in reversed(node.children) if child.has_error or child.is_missing)
    return found


def _assigned_keys(node: Node) -> Iterator[str]:
    """The variables a node assigns: `$x = …`, `$x.Add(…)`/`$x[k] = …` (a table changed in place), a
    `foreach` variable, a declared parameter."""
    for variable, _ in _assigned_variables(node):
        yield _variable(_text(variable))[1]


def _set_members(node: Node) -> Iterator[Node]:
    """The names of the members an assignment sets on the way to the variable it changes in place
    (`Service` of `$cfg.Service = …`, `Name` and `Vm` of `$cfg.Vm.Name = …`)."""
    if node.type != "assignment_expression" and node.type not in _STEPPING:
        return
    target: Node | None = _operand(node)
    while target is not None and target.type in ("member_access", "element_access"):
        name = _first(target, "member_name") if target.type == "member_access" else None
        if name is not None:
            yield name
        target = target.named_children[0] if target.named_children else None


def _sets_this_in_constructor(node: Node) -> bool:
    """Whether the assignment `node` sets one member of `$this` (`$this.Service = …`) in the body of a
    constructor of a class (a method named as its class), outside any script block of its own, which may
    run on another object or after the object is made."""
    target = _operand(node)
    if node.type != "assignment_expression" or target is None or target.type != "member_access":
        return False
    inner = target.named_children[0] if target.named_children else None
    if inner is None or inner.type != "variable" or _variable(_text(inner)) != ("", "this"):
        return False
    block = node.parent
    while block is not None and block.type != "script_block":
        block = block.parent
    return block is not None and block.parent is not None and _is_constructor(block.parent)


def _makes_object(node: Node) -> bool:
    """Whether an expression is `[Type]::new(…)`, which makes an object of that type."""
    member = _first(node, "member_name") if node.type == "invokation_expression" else None
    named = _named(node)
    return (
        member is not None
        and _text(member).casefold() == "new"
        and bool(named)
        and named[0].type == "type_literal"
    )


def _one_value(values: list[tuple[str, Node]]) -> Text | None:
    """The string a property holds wherever it is read, when every value its class sets it to is that one
    string (see `Interpreter._class_member_values`); None when they differ or one is not stated."""
    first = values[0][0] if values else ""
    return Text(first) if first and all(value == first for value, _ in values) else None


def _property_default(part: Node) -> tuple[str, Node] | None:
    """The name (case-folded) of a class's property and the value its declaration gives it (`[string]$Url =
    'https://…'`); None for any other part of a class, and a property declared with no value."""
    if part.type != "class_property_definition" or not any(c.type == "=" for c in part.children):
        return None
    variable = _first(part, "variable")
    value = _named(part)[-1]
    if variable is None or value is variable:
        return None
    return _variable(_text(variable))[1], value


def _set_on_this(node: Node) -> tuple[Node, str, Node] | None:
    """The method of a class, the member (case-folded) and the value of an assignment that sets one member
    of `$this` (`$this.Url = …`) in the body of that method, outside any script block of its own (which may
    run on another object); None for any other assignment."""
    target = _operand(node)
    value = node.child_by_field_name("value") if node.type == "assignment_expression" else None
    if value is None or target is None or target.type != "member_access":
        return None
    inner = target.named_children[0] if target.named_children else None
    name = _first(target, "member_name")
    if inner is None or name is None or inner.type != "variable" or _variable(_text(inner)) != ("", "this"):
        return None
    block = node.parent
    while block is not None and block.type != "script_block":
        block = block.parent
    method = block.parent if block is not None else None
    if method is None or method.type != "class_method_definition":
        return None
    return method, _text(name).casefold(), value


def _is_constructor(method: Node) -> bool:
    """Whether `method` is a constructor of a class: a method named as its class."""
    if method.type != "class_method_definition" or method.parent is None:
        return False
    name, owner = _first(method, "simple_name"), _first(method.parent, "simple_name")
    return name is not None and owner is not None and _text(name).casefold() == _text(owner).casefold()


def _assigned_whole(block: Node) -> bool:
    """Whether a script block is the whole value an assignment gives a variable (`$task = { … }`)."""
    node = block.parent
    while node is not None and node.type != "assignment_expression":
        if len(node.named_children) != 1:
            return False
        node = node.parent
    return node is not None


def _reads_own_args(block: Node) -> bool:
    """Whether a script block reads `$args` in its own code, not in a function or script block within
    it (which have arguments of their own). Each node is looked at by the one block it is directly in."""
    stack = list(block.named_children)
    while stack:
        node = stack.pop()
        if node.type in ("script_block_expression", "function_statement", "class_statement"):
            continue
        if node.type == "variable" and _variable(_text(node))[1] == "args":
            return True
        stack.extend(node.named_children)
    return False


def _reads_arguments_only(variable: Node) -> bool:
    """Whether `$args` as written at `variable` reads one item (`$args[0]`) or a property (`$args.Count`),
    or passes its items to a command (`@args`): no alias of the array, and no method that may change it
    (`$args.SetValue(…)`, `[array]::Reverse($args)`)."""
    if _text(variable).startswith("@"):
        return True
    parent = variable.parent
    if parent is None or parent.named_children[:1] != [variable]:
        return False
    if parent.type == "element_access":
        return True
    return parent.type == "member_access" and (
        parent.parent is None or parent.parent.type != "invokation_expression"
    )


def _assigned_variables(node: Node) -> Iterator[tuple[Node, bool]]:
    """The variables a node assigns (see `_assigned_keys`), as written, each with whether the node changes
    what it holds in place (`$x.Add(…)`, `$x[k] = …`) rather than giving it a value."""
    kind = node.type
    if kind == "assignment_expression" or kind in _STEPPING:
        target: Node | None = _operand(node)
        in_place = False
        while target is not None and target.type in ("member_access", "element_access"):
            target = target.named_children[0] if target.named_children else None
            in_place = True
        targets = (
            _named(target) if target is not None and target.type == "array_literal_expression" else [target]
        )
        for each in targets:
            each = _target(each) if each is not None else None
            if each is not None and each.type == "variable":
                yield each, in_place
    elif kind in ("foreach_statement", "script_parameter"):
        variable = _first(node, "variable")
        if variable is not None:
            yield variable, False
    elif kind == "invokation_expression" and node.named_children:
        target, method = node.named_children[0], _first(node, "member_name")
        if target.type == "variable" and method is not None and _text(method).casefold() in _CHANGING:
            yield target, True


# The cmdlets and .NET methods that write a file in a way `Interpreter._file_write` does not follow: any
# file a later upload names may hold what they wrote (an `[xml]` document's `.Save`, `[IO.File]::Copy`).
# The methods of an XML document and its nodes that change it (`$xml.CreateElement(...)`), which the reader
# does not follow: a network configuration a script uploads after them holds what they add, unknown.
_XML_EDITS = frozenset(
    {
        "createelement",
        "createattribute",
        "setattribute",
        "removeattribute",
        "appendchild",
        "prependchild",
        "insertafter",
        "insertbefore",
        "removechild",
        "replacechild",
        "removeall",
    }
)
_UNFOLLOWED_FILE_WRITES = frozenset(
    {
        "add-content",
        "ac",
        "copy-item",
        "copy",
        "cp",
        "cpi",
        "move-item",
        "move",
        "mv",
        "mi",
        "save",
        "writealltext",
        "writealllines",
        "writeallbytes",
        "appendalltext",
        "appendalllines",
    }
)
# Methods that change a table or a list in place.
# Methods that read a table or list and never change it.
_READ_ONLY_METHODS = frozenset(
    {
        "tostring",
        "gettype",
        "equals",
        "contains",
        "containskey",
        "containsvalue",
        "indexof",
        "gethashcode",
        "startswith",
        "endswith",
    }
)
# A string's methods that test it for another (see `_string_test`).
_STRING_TESTS = frozenset({"startswith", "endswith", "contains"})
_BLOCK_INVOCATIONS = frozenset({"invoke", "invokereturnasis"})  # a script block's methods that run it here
_CHANGING = frozenset({"add", "remove", "clear", "set_item", "insert", "removeat", "addrange", "removerange"})
# Scopes a function's `$script:x = …` or `$global:x = …` assigns outside it.
_OUTER_SCOPES = ("script:", "global:")
# The commands that set, create, remove or clear a variable by name, and their aliases.
_VARIABLE_COMMANDS = frozenset(
    {"set-variable", "sv", "new-variable", "nv", "remove-variable", "rv", "clear-variable", "clv"}
)
_VARIABLE_SWITCHES = ("force", "passthru", "whatif", "confirm")  # their parameters that take no value


_VARIABLE_REMOVALS = frozenset({"remove-variable", "rv", "clear-variable", "clv"})


def _removed_variables(command: Node, key: str, source: bytes) -> list[str] | None:
    """The variables a `Remove-Variable` or `Clear-Variable` command removes from the scope it runs in, by
    the names it writes out; None for any other command, and for one that names others (a wildcard, a name
    the script does not write out) or another scope (`-Scope`)."""
    if key not in _VARIABLE_REMOVALS:
        return None
    elements = command.child_by_field_name("command_elements")
    for part in _named(elements) if elements is not None else []:
        parameter = _parameter(part)
        if parameter is not None and len(parameter[0]) > 1 and "scope".startswith(parameter[0].casefold()):
            return None
    return _variable_names(command, source)


# The switches of `Import-Module` that change nothing of the functions a script module gives.
_MODULE_SWITCHES = frozenset({"force", "global", "disablenamechecking", "verbose", "noclobber", "passthru"})


def _module_path(command: Node) -> Node | None:
    """The module an `Import-Module` command names by its only argument (`Import-Module .\\lib.psm1`,
    `Import-Module -Name "$PSScriptRoot\\lib.psm1"`); None where it gives more or other parameters."""
    elements = command.child_by_field_name("command_elements")
    parts = [c for c in _named(elements) if c.type != "command_argument_sep"] if elements is not None else []
    parts = [part for part in parts if _switch_name(part) not in _MODULE_SWITCHES]
    if len(parts) == 2 and _switch_name(parts[0]) == "name":
        parts = parts[1:]
    return parts[0] if len(parts) == 1 and _parameter(parts[0]) is None else None


def _switch_name(part: Node) -> str | None:
    """The name of a parameter written with no value in its token, folded; None for any other element."""
    parameter = _parameter(part)
    return parameter[0].casefold() if parameter is not None and parameter[1] is None else None


def _variable_names(command: Node, source: bytes) -> list[str] | None:
    """The variables a `Set-Variable`-like command names (`-Name`, else its first positional argument);
    None when it may name others: a name the script does not write out, or a wildcard. `source` is the
    script as written (see `_listed`)."""
    elements = command.child_by_field_name("command_elements")
    parts = [c for c in _named(elements) if c.type != "command_argument_sep"] if elements is not None else []
    named: Node | None = None
    index = 0
    while index < len(parts) and named is None:
        parameter = _parameter(parts[index])
        if parameter is None:
            named = parts[index]
        elif parameter[0] and "name".startswith(parameter[0].casefold()):
            if parameter[1] is not None:
                return None
            named = parts[index + 1] if index + 1 < len(parts) else None
            if named is None:
                return None
        elif parameter[1] is None and not parameter[0].casefold().startswith(_VARIABLE_SWITCHES):
            index += 1  # the parameter's value
        index += 1
    if named is None:
        return None
    listed = _list_items(_listed(named, source))
    names: list[str] = []
    for each in listed:
        each = _unwrap(each)
        if each.type not in ("generic_token", "verbatim_string_characters", "expandable_string_literal"):
            return None
        word = _text(each).strip("'\"")
        if not word or "$" in word or any(c in word for c in "*?[]`"):
            return None
        names.append(word.casefold())
    return names


# The common parameters that make a command fill a variable (`-ErrorVariable err`, `-ov +out`), by the name
# they are written with (an alias, or a prefix of the name); and Tee-Object's `-Variable`.
_OUTPUT_VARIABLES = (
    "errorvariable",
    "outvariable",
    "warningvariable",
    "informationvariable",
    "pipelinevariable",
)
_OUTPUT_ALIASES = frozenset({"ev", "ov", "wv", "iv", "pv"})
# Every start of those names PowerShell takes for one (four letters or more), to look a parameter up at once.
_OUTPUT_PREFIXES = frozenset(name[:end] for name in _OUTPUT_VARIABLES for end in range(4, len(name) + 1))


def _output_variables(command: Node, key: str) -> list[str]:
    """The variables a command fills as it runs, named by a common parameter (`-ErrorVariable err`) or,
    for Tee-Object, by `-Variable`: what they held before no longer tells what they hold after."""
    elements = command.child_by_field_name("command_elements")
    parts = [c for c in _named(elements) if c.type != "command_argument_sep"] if elements is not None else []
    names = []
    for at, part in enumerate(parts):
        parameter = _parameter(part)
        if parameter is None:
            continue
        written = parameter[0].casefold()
        fills = written in _OUTPUT_ALIASES or written in _OUTPUT_PREFIXES
        if not fills and not (
            key in ("tee-object", "tee") and len(written) >= 2 and "variable".startswith(written)
        ):
            continue
        value = (
            parameter[1] if parameter[1] is not None else _text(parts[at + 1]) if at + 1 < len(parts) else ""
        )
        word = value.strip("'\"").lstrip("+")
        if word and all(c.isalnum() or c in "_:" for c in word):
            names.append(word.rpartition(":")[2].casefold())
    return names


def _referenced(cast: Node) -> str | None:
    """The variable a `[ref]` cast passes by reference (`[ref]$x`), if it is one."""
    written = _first(cast, "type_literal")
    if written is None or _text(written)[1:-1].strip().casefold() not in ("ref", "system.ref"):
        return None
    operand = _unwrap(_named(cast)[-1]) if _named(cast) else None
    return _variable(_text(operand))[1] if operand is not None and operand.type == "variable" else None


def _script_folders(root: Node, index: SyntaxIndex) -> dict[str, tuple[int, str]]:
    """The variables that surely hold the script's own folder, a folder above it, or a folder the script
    names from one of those (see `_folder_of`), by key, with where the first assignment that sets them ends
    and the folder's path from the script's (`""`, `".."`, `"../config"`): each assigned only by statements
    of the script's top level (not in a branch, a loop or a function) that all give it that folder (a
    script that sets `$scriptFolder` to its own folder twice, alike), and nothing the reader does not follow
    (`Set-Variable`, `[ref]`) names it."""
    return _set_alike(root, index, lambda value, known: _folder_of(value, known))


def _set_alike(
    root: Node, index: SyntaxIndex, value_of: Callable[[Node, dict[str, str]], str | None]
) -> dict[str, tuple[int, str]]:
    """The variables of the script's scope each assignment of which is a statement of its top level with
    `=` and gives the same value, as `value_of` reads it (None: not one it knows) given those known before,
    by key, with where the first of them ends and that value. A variable assigned once more where the reader
    does not follow (in a function, a branch; `Set-Variable`, `[ref]`) is none of them."""
    assignments = _top_level_assignments(root)
    written = collections.Counter(key for key, _, _ in assignments)
    alike = {
        key
        for key, count in written.items()
        if index.script_assigned.get(key) == count
        and key not in index.function_assigned
        and key not in index.stale
    }
    found: dict[str, tuple[int, str]] = {}
    differ: set[str] = set()
    for key, end, value in assignments:
        if key not in alike or key in differ:
            continue
        read = value_of(value, {k: v for k, (_, v) in found.items()})
        if read is None or (key in found and found[key][1] != read):
            differ.add(key)  # what it holds depends on where it is read, which these variables do not say
            found.pop(key, None)
        elif key not in found:
            found[key] = (end, read)
    return found


def _top_level_assignments(root: Node) -> list[tuple[str, int, Node]]:
    """The statements of a script's top level that assign a variable of its scope with `=` (`$x = …`,
    `$script:x = …`): the variable's key, where the statement ends and the value it assigns."""
    statements = _first(root, "statement_list")
    found = []
    for statement in _named(statements) if statements is not None else ():
        assignment = _unwrap(statement)
        if assignment.type != "assignment_expression" or not assignment.children:
            continue
        target = _target(assignment.children[0])
        operator = next((c for c in assignment.children if c.type == "assignement_operator"), None)
        value = assignment.child_by_field_name("value")
        if target.type != "variable" or operator is None or _text(operator).strip() != "=" or value is None:
            continue
        scope, key = _variable(_text(target))
        if scope in ("", "script"):
            found.append((key, assignment.end_byte, value))
    return found


# The commands that output the folder the script runs in (`Get-Location`, `Resolve-Path .`), by the path
# they are given (none for `Get-Location`), and `$PWD`, which holds it.
_CURRENT_FOLDER_COMMANDS = frozenset(
    {"get-location", "gl", "pwd", "resolve-path", "rvpa", "convert-path", "cvpa"}
)
_CURRENT_FOLDER_PATHS = frozenset({".", ".\\", "./"})
_CURRENT_FOLDER_VARIABLE = ("", "pwd")
# The mark a variable holding the folder the script runs in holds while a dot-sourced path is read (see
# `Interpreter._settings_path`): a path under it is one from the current folder, as `.\\x.ps1` is.
_CURRENT_FOLDER = "\0current folder\0"


def _current_folders(root: Node, index: SyntaxIndex) -> dict[str, int]:
    """The variables the script's top level sets to the folder it runs in (`$currentDir = (Resolve-Path
    .)`, `$here = Get-Location`, `$dir = $PWD`, `(pwd).Path`), and sets to nothing else, by key, with where
    the first of those assignments ends (see `_set_alike`)."""
    found = _set_alike(root, index, lambda value, _: "." if _is_current_folder(value) else None)
    return {key: end for key, (end, _) in found.items()}


def _in_parentheses(node: Node) -> Node:
    """The expression a node holds, past the parentheses and one-stage pipelines around it."""
    inner = _unwrap(node)
    while (
        inner.type in ("parenthesized_expression", "pipeline", "pipeline_chain") and len(_named(inner)) == 1
    ):
        inner = _unwrap(_named(inner)[0])
    return inner


def _current_folder_key(node: Node) -> str | None:
    """The key of the variable a node is, of the script's scope (`$PWD`, `$currentDir`); None for any other."""
    inner = _unwrap(node)
    scope, key = _variable(_text(inner)) if inner.type == "variable" else ("?", "")
    return key if scope in ("", "script") else None


def _is_current_folder(node: Node | None) -> bool:
    """Whether an expression is the folder the script runs in: `$PWD`, `Get-Location` (`pwd`, `gl`),
    `Resolve-Path .` or `Convert-Path .`, in parentheses or not, or the `.Path` of one of those (once: the
    path is a string, whose own `.Path` is nothing)."""
    if node is None:
        return False
    inner = _in_parentheses(node)
    if inner.type == "member_access":  # (Get-Location).Path
        named = _named(inner)
        if len(named) != 2 or _text(named[1]).casefold() != "path":
            return False
        inner = _in_parentheses(named[0])
    if inner.type == "variable":
        return _variable(_text(inner)) == _CURRENT_FOLDER_VARIABLE
    if inner.type != "command" or _first(inner, "command_invokation_operator") is not None:
        return False
    name = _command_name(inner).casefold()
    elements = inner.child_by_field_name("command_elements")
    parts = [c for c in _command_parts(elements) if c.type != "command_argument_sep"]
    if len(parts) == 2 and _switch_name(parts[0]) in ("path", "literalpath"):
        parts = parts[1:]
    if name in ("get-location", "gl", "pwd"):
        return not parts
    given = [_stated_word(part) for part in parts]
    return name in _CURRENT_FOLDER_COMMANDS and len(given) == 1 and given[0] in _CURRENT_FOLDER_PATHS


def _folder_of(node: Node, folders: dict[str, str]) -> str | None:
    """The path from the script's folder of the folder an expression written at a script's top level
    holds: the script's or one above it (see `_folder_above`), or one the script names from such a folder
    or from a variable of `folders` that holds one (`Join-Path $root config`, `Join-Path $PSScriptRoot
    ..\\config`, `"$root\\config"`); None for any other expression."""
    above = _folder_above(node)
    if above is not None:
        return "/".join([".."] * above)
    inner = _unwrap(node)
    if inner.type == "variable":
        return _script_folder_path(inner, folders)
    command = _unwrap(_named(inner)[0]) if inner.type == "pipeline" and len(_named(inner)) == 1 else inner
    joined = _join_path_parts(command) if command.type == "command" else None
    added = _added_parts(inner)
    if joined is not None:
        base, child = _folder_of(joined[0], folders), _stated_word(joined[1])
    elif added is not None:  # (Split-Path -Parent $MyInvocation.MyCommand.Definition) + "\"
        base, child = _folder_of(added[0], folders), _stated_word(added[1])
        if base is not None and not base.endswith("/") and not child.startswith(("\\", "/")):
            return None  # `$PSScriptRoot + "x"` names another folder's file, not one under it
    elif inner.type == "string_literal" or inner.type == "expandable_string_literal":
        base, child = _folder_and_rest(inner, folders)
    else:
        return None
    if base is None or not child:
        return None
    joined_path = posixpath.normpath(posixpath.join(_bare_folder(base), child.replace("\\", "/").strip("/")))
    joined_path = "" if joined_path == "." else joined_path
    return _with_separator(joined_path) if child.endswith(("\\", "/")) else joined_path


def _added_parts(node: Node) -> tuple[Node, Node] | None:
    """The two parts of `<a> + <b>`, written at a script's top level; None for any other expression."""
    parts = _named(node) if node.type == "additive_expression" else []
    operators = [_text(c) for c in node.children if not c.is_named]
    return (parts[0], parts[1]) if len(parts) == 2 and operators == ["+"] else None


def _with_separator(path: str) -> str:
    """A folder's path from the script's (see `_folder_of`) as held by a value that ends with a separator
    (`$PSScriptRoot + "\\"`, `"$PSScriptRoot\\"`): with a "/" after it, "./" for the script's own folder. A
    file's name then follows such a value with no separator between (`"${here}lib.ps1"`, `$here +
    "lib.ps1"`), the idiom of scripts written before `$PSScriptRoot` and `Join-Path` were common."""
    return f"{path}/" if path else "./"


def _bare_folder(path: str) -> str:
    """A folder's path from the script's, without the separator it may be held with (see
    `_with_separator`)."""
    bare = path.rstrip("/")
    return "" if bare == "." else bare


def _folder_text(mark: str, path: str) -> str:
    """The text a variable holding a folder of the script's holds (see `_folder_of`), from `mark` written
    for the script's own folder: `mark\\..\\config`, and a separator after it when the value has one."""
    bare = _bare_folder(path)
    text = "\\".join([mark, *bare.split("/")]) if bare else mark
    return text + "\\" if path.endswith("/") else text


def _folder_and_rest(string: Node, folders: dict[str, str]) -> tuple[str | None, str]:
    """Of `"$root\\config"`: the folder the variable it starts with holds (see `_folder_of`), and the path
    written after it; (None, "") for any other string."""
    held = _first(string, "expandable_string_literal") if string.type == "string_literal" else string
    parts = _named(held) if held is not None else []
    if (
        held is None
        or len(parts) != 1
        or parts[0].type != "variable"
        or parts[0].start_byte != held.start_byte + 1
    ):
        return None, ""
    scope, key = _variable(_text(parts[0]))
    folder = 0 if (scope, key) == _SCRIPT_ROOT else None
    base = "" if folder == 0 else folders.get(key) if scope == "" else None
    rest = _text(held)[parts[0].end_byte - held.start_byte : -1]
    separated = rest.startswith(("\\", "/")) or (base is not None and base.endswith("/"))
    if base is None or not separated or any(c in rest for c in "$`\"'"):
        return None, ""
    return base, rest


def _stated_word(node: Node) -> str:
    """The text of an argument the script states whole, with nothing PowerShell expands in it: a bare word
    (`config`), or a quoted string (`'config'`, `"config"`); "" for any other."""
    inner = _unwrap(node)
    text = _text(inner)
    if inner.type == "generic_token":
        return text if not any(c in text for c in "$`@") else ""
    if inner.type in ("verbatim_string_characters", "expandable_string_literal") and len(text) >= 2:
        held = text[1:-1]
        return held if not any(c in held for c in "$`'\"") else ""
    return ""


# `$MyInvocation.MyCommand.Path` and the like, case-folded: at a script's top level, the script's own path.
_SCRIPT_PATHS = frozenset(
    {"$myinvocation.mycommand.path", "$myinvocation.mycommand.definition", "$pscommandpath"}
)
# The classes whose `GetDirectoryName` gives the folder of a path, case-folded as written in `[…]`.
_PATH_CLASSES = frozenset({"io.path", "system.io.path"})


def _folder_above(node: Node | None) -> int | None:
    """How many folders above the script's own an expression written at a script's top level is: 0 for
    `$PSScriptRoot`, or the folder of the script's path (`Split-Path -Parent $MyInvocation.MyCommand.Path`,
    of `.Definition` or `$PSCommandPath`, `-Parent` and `-Path` optional; `$PSCommandPath | Split-Path`;
    `[IO.Path]::GetDirectoryName($PSCommandPath)`), one more for the folder of such a folder (`Split-Path
    -Parent (Split-Path -Parent $MyInvocation.MyCommand.Definition)`, `Split-Path $PSScriptRoot`), in
    parentheses or not. None for any other expression, and for a path that is the script's own (its file,
    no folder)."""
    above = _path_above(node)
    return above if above is not None and above >= 0 else None


def _path_above(node: Node | None) -> int | None:
    """Of a path written at a script's top level: -1 for the script's own file, how many folders above
    the script's own one for a folder of it (see `_folder_above`); None for any other."""
    if node is None:
        return None
    inner = _unwrap(node)
    if inner.type == "parenthesized_expression" and len(_named(inner)) == 1:
        inner = _unwrap(_named(inner)[0])
    if _text(inner).casefold() in _SCRIPT_PATHS:
        return -1
    if inner.type == "variable":
        return 0 if _variable(_text(inner)) == _SCRIPT_ROOT else None
    if inner.type == "pipeline_chain" and len(_named(inner)) == 2:  # $PSCommandPath | Split-Path
        piped, command = _named(inner)
        inner_above = _path_above(piped)
        return inner_above + 1 if inner_above is not None and _splits_parent(command, piped=True) else None
    if inner.type == "invokation_expression":  # [IO.Path]::GetDirectoryName($PSCommandPath)
        return _directory_name_above(inner)
    if inner.type != "command" or not _splits_parent(inner, piped=False):
        return None
    elements = inner.child_by_field_name("command_elements")
    given = [
        c for c in _command_parts(elements) if c.type not in ("command_argument_sep", "command_parameter")
    ]
    inner_above = _path_above(given[0])
    return inner_above + 1 if inner_above is not None else None


def _splits_parent(command: Node, piped: bool) -> bool:
    """Whether a command is `Split-Path` giving the folder of the one path it is given (`-Parent` and
    `-Path` optional, `-Path` right before that path), piped to it or not."""
    name = command.child_by_field_name("command_name") if command.type == "command" else None
    if (
        name is None
        or _text(name).casefold() != "split-path"
        or _first(command, "command_invokation_operator")
    ):
        return False
    elements = command.child_by_field_name("command_elements")
    parts = [c for c in _command_parts(elements) if c.type != "command_argument_sep"]
    flags = [_text(c).casefold() for c in parts if c.type == "command_parameter"]
    given = [c for c in parts if c.type != "command_parameter"]
    allowed = ("-parent",) if piped else ("-parent", "-path")
    if (
        len(given) != (0 if piped else 1)
        or any(flag not in allowed for flag in flags)
        or len(set(flags)) != len(flags)
    ):
        return False
    return "-path" not in flags or _text(parts[parts.index(given[0]) - 1]).casefold() == "-path"


def _directory_name_above(call: Node) -> int | None:
    """Of `[IO.Path]::GetDirectoryName(<path>)` (or `[System.IO.Path]`): one folder above what the path
    is (see `_path_above`); None for any other static call."""
    named = _named(call)
    if len(named) != 3 or [n.type for n in named] != ["type_literal", "member_name", "argument_list"]:
        return None
    written = _text(named[0])[1:-1].strip().casefold()
    if written not in _PATH_CLASSES or _text(named[1]).casefold() != "getdirectoryname":
        return None
    if not any(c.type == "::" for c in call.children):
        return None
    arguments = _first(named[2], "argument_expression_list")
    listed = _named(arguments) if arguments is not None else []
    inner_above = _path_above(listed[0]) if len(listed) == 1 else None
    return inner_above + 1 if inner_above is not None else None


def _script_folder_path(node: Node, folders: dict[str, str]) -> str | None:
    """Of a variable that holds the script's own folder or one the script names from it (`$PSScriptRoot`,
    `$here`, `$cfg`): the path of that folder from the script's (`""`, `"../.."`, `"../config"`); None for
    any other node."""
    if node.type != "variable":
        return None
    scope, key = _variable(_text(node))
    if scope != "" or key not in folders:
        return None
    return folders[key]


def _from_folder(folder: str, stated: str) -> str:
    """A path stated from a folder (`folder`, from the script's: `""`, `".."`), from the script's folder."""
    return f"{folder}/{stated}" if folder else stated


def _from_current_location(invoked: Node) -> bool:
    """Whether the path a file is dot-sourced by is written from the current location (`.\\x.ps1`,
    `'..\\lib\\x.ps1'`), which PowerShell takes from the folder the script runs in, not from its own."""
    parts = _named(invoked)
    if len(parts) != 1:
        return False
    written = _bare_path(parts[0])
    written = _stated_word(parts[0]) if written is None else written
    return written.startswith(_FROM_CURRENT)


def _names_a_script_file(named: Node) -> bool:
    """Whether what `Import-Module` or `&` is given names a script module or a script by its file (`.\\lib.psm1`,
    `"$libDir\\deploy.psm1"`, `(Join-Path $dir x.ps1)`), not a module PowerShell looks up by name (`Azure`)
    nor a module's manifest or folder, which the classic module is installed as."""
    written = _text(_unwrap(named)).casefold()
    for closing in (")", " ", "'", '"'):  # `(Join-Path $dir 'x.ps1')`, `"$dir\\x.ps1"`
        written = written.rstrip(closing)
    return written.endswith((".psm1", ".ps1"))


def _names_a_path(invoked: Node) -> bool:
    """Whether what a command dot-sources is a file's path, not a command PowerShell looks up by name
    (`. Set-Defaults`, a function or a script on the PATH): a word with a separator in it (`.\\x.ps1`), or
    one built from a value (`$dir\\x.ps1`, `"$dir\\x.ps1"`, `(Join-Path $dir x.ps1)`)."""
    parts = _named(invoked)
    bare = _bare_path(parts[0]) if len(parts) == 1 else None
    return bare is None or any(separator in bare for separator in "\\/")


def _bare_path(part: Node) -> str | None:
    """The text of a command's name written as a bare word that is not a variable (`.\\config.ps1`,
    `.\\my-config.ps1`, `..\\lib\\x.ps1`), which PowerShell reads as a path from the folder it runs in
    when it starts with one: the grammar gives it as a `command_name`, or, with a `-` or a digit after a
    separator, as a `path_command_name` of a single token. None for any other shape."""
    if part.type == "path_command_name":
        named = _named(part)
        if len(named) != 1 or named[0].type != "path_command_name_token":
            return None
        part = named[0]
    elif part.type != "command_name":
        return None
    text = _text(part)
    return None if text.startswith("$") else text


def _dot_sourced(command: Node) -> bool:
    """Whether a command is run with `.`: in the scope that runs it, whose variables it may then set."""
    operator = _first(command, "command_invokation_operator")
    return operator is not None and _text(operator).strip() == "."


def _scopes_of(nodes: list[Node], functions: list[Node]) -> Iterator[int]:
    """The function each node is in, innermost (its id), or 0 for the script: one sweep over both in
    document order, with the functions open at each point on a stack."""
    events = sorted(
        [(f.start_byte, 0, f.end_byte, f.id) for f in functions]
        + [(n.start_byte, 1, n.end_byte, 0) for n in nodes]
    )
    open_functions: list[tuple[int, int]] = []  # (end, id)
    for start, is_node, end, ident in events:
        while open_functions and open_functions[-1][0] <= start:
            open_functions.pop()
        if is_node:
            yield open_functions[-1][1] if open_functions else 0
        else:
            open_functions.append((end, ident))


_LOOP_STATEMENTS = frozenset({"foreach_statement", "for_statement", "while_statement", "do_statement"})


def _ends_a_switch(flow: Node) -> bool:
    """Whether a `break` or `continue` ends (or moves on in) the `switch` it is in, not a loop around it:
    written without a label, with a `switch` nearer than any loop."""
    if len(_named(flow)) > 0:  # `break outer`: a label names the loop
        return False
    return _nearer_than_a_loop(flow, "switch_statement")


def _ends_on_error(flow: Node) -> bool:
    """Whether a `break` or `continue` lies in a `catch` nearer than any loop, script block or function
    around it: it runs only when a command of the `try` block fails."""
    return _nearer_than_a_loop(flow, "catch_clause")


def _nearer_than_a_loop(flow: Node, kind: str) -> bool:
    """Whether a node of `kind` holds `flow` nearer than any loop, function or script block around it."""
    parent = flow.parent
    while parent is not None and parent.type not in _LOOP_STATEMENTS:
        if parent.type == kind:
            return True
        if parent.type in ("function_statement", "script_block_expression"):
            return False
        parent = parent.parent
    return False


def _trap_ends(trap: Node) -> bool:
    """Whether a `trap` surely ends its scope on an error: its block, at its top level, `break`s, `exit`s
    or `throw`s. Any other trap lets the script go on after the statement that failed."""
    block = _first(trap, "statement_block")
    listed = _first(block, "statement_list") if block is not None else None
    for statement in _named(listed) if listed is not None else ():
        if statement.type == "flow_control_statement":
            word = _text(statement.children[0]).casefold() if statement.children else ""
            if word in ("break", "exit", "throw"):
                return True
    return False


def _operand(node: Node) -> Node | None:
    """What an assignment (`$x = …`) or a step by one (`$i++`, `--$i`) changes, under wrappers and a type
    constraint."""
    if node.type == "assignment_expression":
        return _target(node.children[0]) if node.children else None
    inner = _named(node)
    return _target(inner[0]) if inner else None


# --- tree helpers ---------------------------------------------------------------------------------------

# Expression levels the grammar nests every value in; a level with one child is only a wrapper.
_WRAPPERS = _VALUE_LEVELS | frozenset(
    {
        "array_literal_expression",
        "argument_expression",
        "logical_argument_expression",
        "bitwise_argument_expression",
        "comparison_argument_expression",
        "additive_argument_expression",
        "multiplicative_argument_expression",
        "format_argument_expression",
        "range_argument_expression",
        "left_assignment_expression",
        "key_expression",
        "string_literal",
        "integer_literal",
        "while_condition",
        "switch_condition",
    }
)


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "replace")


def _named(node: Node) -> list[Node]:
    return [c for c in node.named_children if c.type != "comment"]


def _first(node: Node, kind: str) -> Node | None:
    return next((c for c in node.children if c.type == kind), None)


def _only_child(node: Node, kind: str) -> Node | None:
    """What the child of `node` of type `kind` holds, when it holds one node (a `for` loop's condition)."""
    holder = _first(node, kind)
    inner = _named(holder) if holder is not None else []
    return inner[0] if len(inner) == 1 else None


# The commands that output the file a path names (`FileItem`).
_FILE_ITEMS = ("get-item", "resolve-path", "convert-path")


def _one_folder(files: list[str]) -> str:
    """The first of the files a value may name, when they are one file or files in one folder the script
    states (which holds one project's configurations); "" otherwise."""
    folders = {posixpath.dirname(file).casefold() for file in files}
    if "" in files or len(folders) != 1 or (len(set(files)) > 1 and folders == {""}):
        return ""
    return files[0]


def _path_of_resolved(node: Node) -> Node | None:
    """The path a `(Resolve-Path <path>)` or `(Convert-Path <path>)` argument names, by position or
    `-Path`: the same file, as a full path; None for any other argument."""
    inner = _unwrap(node)
    held = inner.named_child(0) if inner.type == "parenthesized_expression" else None
    command = _unwrap(held) if held is not None and inner.named_child_count == 1 else None
    command = command if command is not None and command.type == "command" else None
    return _item_path(command, ("resolve-path", "convert-path")) if command is not None else None


def _item_path(command: Node, names: Sequence[str] = _FILE_ITEMS) -> Node | None:
    """The path a command of `names` names, by position or `-Path`: `Get-Item ".\\x.cscfg"`; None for any
    other command, or one that names it otherwise."""
    name = command.child_by_field_name("command_name")
    elements = command.child_by_field_name("command_elements")
    if name is None or elements is None or _text(name).casefold() not in names:
        return None
    parts = [c for c in _command_parts(elements) if c.type != "command_argument_sep"]
    flags = [_text(c).casefold() for c in parts if c.type == "command_parameter"]
    if len(parts) == 1 and not flags:
        return parts[0]
    if len(parts) == 2 and flags == ["-path"] and parts[0].type == "command_parameter":
        return parts[1]
    return None


# What starts the holder of a value each turn of a loop has its own of (see `Interpreter._turn_holder`).
_TURN_OF = "turn of "


def _chained_flow(chain: Node) -> str:
    """The word of a part of a pipeline chain that ends the path (`exit`, `throw`, `return`: `a || exit
    1`), which the grammar reads as the name of a command there; "" for any other part."""
    named = _named(chain) if chain.type == "pipeline_chain" else []
    if len(named) != 1 or named[0].type != "command":
        return ""
    word = _written_command_name(named[0]).casefold()
    return word if word in ("exit", "throw", "return") else ""


def _ends_past_query(command: Node) -> bool:
    """Whether a command is a word that ends the path (`_chained_flow`) in a pipeline chain, after a query
    of a classic resource (`Get-AzureService -ServiceName web || exit 1`): the path ends where the query
    answered so (see `Interpreter._chain_ends_path`)."""
    chain, pipeline = command.parent, command.parent.parent if command.parent is not None else None
    if chain is None or pipeline is None or pipeline.type != "pipeline" or not _chained_flow(chain):
        return False
    parts = [part for part in _named(pipeline) if part.type != "comment"]
    at = next((index for index, part in enumerate(parts) if part.id == chain.id), 0)
    return at >= 2 and parts[at - 1].type == "pipeline_chain_tail" and _classic_query(parts[at - 2])


def _classic_query(chain: Node | None) -> bool:
    """Whether a part of a pipeline chain is one command, a query of classic resources (`Get-AzureVM`),
    which fails when there is none."""
    named = _named(chain) if chain is not None and chain.type == "pipeline_chain" else []
    if len(named) != 1 or named[0].type != "command":
        return False
    name = _command_name(named[0]).casefold()
    return name in cmdlets.CLASSIC and name.startswith("get-")


def _joined_child(node: Node) -> Node | None:
    """The child path of a `(Join-Path <path> <child>)` argument, by position or `-ChildPath`, when it is
    the last part the call joins; None for any other argument."""
    joined = _joined_parts(node)
    return joined[1] if joined is not None else None


def _joined_parts(node: Node) -> tuple[Node, Node] | None:
    """The path and the child path of a `(Join-Path <path> <child>)` argument (see `_join_path_parts`);
    None for any other argument."""
    inner = _unwrap(node)
    held = inner.named_child(0) if inner.type == "parenthesized_expression" else None
    command = _unwrap(held) if held is not None and inner.named_child_count == 1 else None
    return _join_path_parts(command) if command is not None and command.type == "command" else None


def _join_path_parts(command: Node) -> tuple[Node, Node] | None:
    """The path and the child path of a `Join-Path <path> <child>` command, by position or `-Path` and
    `-ChildPath`, when those are the two parts the call joins; None for any other command."""
    name = command.child_by_field_name("command_name")
    elements = command.child_by_field_name("command_elements")
    if name is None or elements is None or _text(name).casefold() != "join-path":
        return None
    parts = [c for c in _command_parts(elements) if c.type != "command_argument_sep"]
    flags = [_text(c).casefold() for c in parts if c.type == "command_parameter"]
    if len(parts) == 2 and not flags:
        return parts[0], parts[1]
    if len(parts) == 4 and flags == ["-path", "-childpath"] and parts[2].type == "command_parameter":
        return parts[1], parts[3]
    return None


def _unwrap(node: Node) -> Node:
    """The node under any one-child wrapper levels."""
    while node.type in _WRAPPERS and node.named_child_count == 1:
        inner = node.named_child(0)
        if inner is None or inner.type == "comment":
            break
        node = inner
    return node


_FOR_EACH_BLOCKS = ("-begin", "-process", "-end")


def _for_each_blocks(command: Node) -> tuple[Node | None, Node, Node | None] | None:
    """The begin, process and end script blocks of `ForEach-Object`, when the command is given script blocks
    alone: `{ p }`, `{ b } { p }`, `{ b } { p } { e }` (PowerShell takes two or three blocks given by
    position as begin, process and end), or the same by name (`-Begin { b } -Process { p } -End { e }`).
    None for anything else."""
    elements = command.child_by_field_name("command_elements")
    parts = [c for c in _named(elements) if c.type != "command_argument_sep"] if elements is not None else []
    named: dict[str, Node] = {}
    positional: list[Node] = []
    at = 0
    while at < len(parts):
        word = _text(parts[at]).casefold() if parts[at].type == "command_parameter" else None
        if word is None:
            positional.append(parts[at])
            at += 1
            continue
        if word not in _FOR_EACH_BLOCKS or word in named or at + 1 == len(parts):
            return None
        named[word] = parts[at + 1]
        at += 2
    if (len(positional) > 1 and named) or len(positional) > 3:
        return None
    if len(positional) > 1:
        named = dict(zip(("-begin", "-process", "-end"), positional, strict=False))
    elif positional:
        named.setdefault("-process", positional[0])
    blocks = {word: _script_block_of(part) for word, part in named.items()}
    process = blocks.get("-process")
    if process is None or any(block is None for block in blocks.values()):
        return None
    return blocks.get("-begin"), process, blocks.get("-end")


def _script_block_of(part: Node) -> Node | None:
    """The script block an argument writes out (`{ … }`), or None."""
    block = _unwrap(part)
    return _first(block, "script_block") if block.type == "script_block_expression" else None


def _where_filter(command: Node) -> Node | tuple[Node, str, Node] | None:
    """What a `Where-Object` command tests, as written: the condition of its script block (`{ … }`,
    `-FilterScript { … }`), or the property, comparison and value of its simplified form (`Name -eq 'x'`,
    `-Property Name -EQ -Value 'x'`, the parameters by name or position). None for anything else."""
    elements = command.child_by_field_name("command_elements")
    parts = [c for c in _named(elements) if c.type != "command_argument_sep"] if elements is not None else []
    given: dict[str, Node] = {}
    positional: list[Node] = []
    switches: list[str] = []
    at = 0
    while at < len(parts):
        word = _text(parts[at]).casefold() if parts[at].type == "command_parameter" else ""
        named = next(
            (n for n in ("-property", "-value", "-filterscript") if len(word) > 2 and n.startswith(word)), ""
        )
        if not word:
            positional.append(parts[at])
        elif not named:
            switches.append(word)
        elif at + 1 < len(parts) and named not in given:
            given[named] = parts[at + 1]
            at += 1
        else:
            return None
        at += 1
    block = given.get("-filterscript") or (positional[0] if len(positional) == 1 else None)
    if block is not None and _unwrap(block).type == "script_block_expression":
        alone = not switches and len(given) + len(positional) == 1
        return _block_condition(_unwrap(block)) if alone else None
    prop = given.get("-property") or (positional.pop(0) if positional else None)
    value = given.get("-value") or (positional.pop(0) if positional else None)
    if positional or prop is None or value is None or len(switches) != 1:
        return None
    return prop, switches[0], value


def _block_condition(block: Node) -> Node | None:
    """The one statement of a script block (`{ $_.Name -eq 'x' }`) that is nothing but that statement."""
    if block.type != "script_block_expression":
        return None
    inner = _first(block, "script_block")
    body = _first(inner, "script_block_body") if inner is not None else None
    statements = _first(body, "statement_list") if body is not None else None
    if inner is None or len(_named(inner)) != 1 or statements is None or len(_named(statements)) != 1:
        return None
    return _named(statements)[0]


def _equalities(node: Node) -> list[tuple[str, str, Node]] | None:
    """The tests a condition makes, when it is only equalities of a variable's property and a value,
    joined by `-and` (`$_.ServiceName -eq 's' -and $_.Name -eq 'x'`, the property on either side): each
    as the variable, the property (case-folded) and the value's node. None for any other condition."""
    node = _unwrap(node)
    if node.type == "logical_expression":
        joins = [c for c in node.children if not c.is_named and c.type != "comment"]
        if any(_text(join).casefold() != "-and" for join in joins):
            return None
        found: list[tuple[str, str, Node]] = []
        for part in _named(node):
            tests = _equalities(part)
            if tests is None:
                return None
            found.extend(tests)
        return found
    parts = _named(node) if node.type == "comparison_expression" else []
    operator = next((p for p in parts if p.type == "comparison_operator"), None)
    sides = [p for p in parts if p.type != "comparison_operator"]
    if operator is None or len(sides) != 2 or _text(operator).strip().casefold() not in _EQUALS:
        return None
    for own, other in (sides, sides[::-1]):
        tested = _tested_property(own)
        if tested is not None:
            return [(*tested, other)]
    return None


def _tested_property(node: Node) -> tuple[str, str] | None:
    """The variable and property a side of a test reads (`$_.Name`, `$vm.ServiceName`), case-folded."""
    node = _unwrap(node)
    parts = _named(node) if node.type == "member_access" else []
    if len(parts) != 2 or parts[0].type != "variable" or parts[1].type != "member_name":
        return None
    scope, key = _variable(_text(parts[0]))
    return (key, _text(parts[1]).casefold()) if not scope else None


def _partly_described(draft: DeploymentDraft) -> bool:
    """Whether the deployment may hold VMs the script does not describe: its first New-AzureVM may add to
    one that exists, or no New-AzureVM places it and the script changes VMs it has (`Update-AzureVM`), or
    names it without describing anything in it (`Set-AzureReservedIPAssociation -ServiceName pm917`: web
    or worker roles, or VMs, the script does not name)."""
    if draft.placed:
        return draft.joins_existing
    if not draft.roles and not draft.bodies and not draft.configuration_file:
        return True
    return any(role.base == "existing" for role in draft.roles.values())


def _by_vm_name(draft: DeploymentDraft, service: Value) -> None:
    """A deployment of VMs the script picks by name alone out of every VM (`VmObject.by_name`): of a
    cloud service it does not state, the stand-in `service` names (see `Deployment.service_by_vm_name`)."""
    draft.by_vm_name = True
    if not draft.service and isinstance(service, Unknown):
        draft.service = draft.name = service.text


def _target(node: Node) -> Node:
    """What an assignment assigns to: the variable under wrappers and type constraints (`[int]$x`)."""
    target = _cast_under(_unwrap(node))
    while target.type == "cast_expression" and _named(target):
        target = _cast_under(_unwrap(_named(target)[-1]))
    return target


def _cast_under(node: Node) -> Node:
    """The cast a unary expression of the grammar holds alone (`[int]$x`), else the node."""
    inner = _named(node) if node.type == "expression_with_unary_operator" else []
    return inner[0] if len(inner) == 1 and inner[0].type == "cast_expression" else node


def _constraint(node: Node) -> str:
    """The type an assignment's target is constrained to (`[int]$x = …`), case-folded; "" for none."""
    cast = _cast_under(_unwrap(node))
    written = _first(cast, "type_literal") if cast.type == "cast_expression" else None
    return _text(written)[1:-1].strip().casefold() if written is not None else ""


def _written_command_name(command: Node) -> str:
    """The name a call is written with; with the call operator (`& azure ...`, `& "azure" ...`, `. Cmdlet`)
    the name or string after it, as PowerShell runs the same command without it; "" for a command chosen
    at run time (`& $command`, `& "$tool"`) or a script block (`& { … }`)."""
    name = command.child_by_field_name("command_name")
    if name is None:
        return ""
    if name.type == "command_name_expr":
        inner = _named(name)
        if len(inner) != 1 or not _names_a_command(inner[0]):
            return ""
    return _text(name).strip().strip("'\"")


def _names_a_command(node: Node) -> bool:
    """Whether what the call operator is given names a command as written: a name (`azure`,
    `New-AzureVM`), or a string that holds no variable (`"azure"`, `'azure.cmd'`); not a variable (`& $sb`)."""
    if node.type == "command_name":
        return True
    if node.type == "path_command_name":
        return not any(part.type == "variable" for part in _named(node))
    inner = _named(node) if node.type == "string_literal" else []
    quoted = ("verbatim_string_characters", "expandable_string_literal")
    return len(inner) == 1 and inner[0].type in quoted and not _named(inner[0])


def _command_name(command: Node) -> str:
    """The command a call runs, as written; a classic cmdlet named by its module (`Azure\\Get-AzureVM`) by
    its own name (see `cmdlets.module_cmdlet`), and one of the classic module's aliases by the cmdlet it
    stands for (`Set-AzureBootDiagnostics`: "Set-AzureVMBootDiagnostics"), so that every reading of the
    call sees the cmdlet."""
    written = _written_command_name(command)
    return cmdlets.module_cmdlet(written) or cmdlets.ALIASES.get(written.casefold(), written)


def _module_qualified(command: Node) -> bool:
    """Whether a call names a classic cmdlet by its module: it runs the cmdlet, never a function of the
    script's of that name."""
    return bool(cmdlets.module_cmdlet(_written_command_name(command)))


_SCOPE_PREFIXES = frozenset({"script", "global", "local", "private", "variable"})


def _variable(text: str) -> tuple[str, str]:
    """(scope, key) of a variable as written: `$x`, `${x}`, `$script:x`, `$env:X`, `@splat`."""
    name = text[1:]
    if name.startswith("{") and name.endswith("}"):
        name = name[1:-1]
    scope, colon, rest = name.partition(":")
    if colon and rest:
        scope = scope.casefold()
        return ("" if scope in _SCOPE_PREFIXES else scope), rest.casefold()
    return "", name.casefold()


def _short(text: str, limit: int = 80) -> str:
    """An expression as messages show it: on one line, and not too long."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# --- parse errors -------------------------------------------------------------------------------------

# tree-sitter-powershell marks errors in scripts PowerShell runs (a method call inside a command argument,
# a parameter name with a digit, `[CmdletBinding()]` before a body without `param`): 7 of the 16 scripts of
# the corpus have such regions. So an error region alone proves nothing, nor does one that runs to the end
# of the file; what is reported is what the text proves as well: a string, here-string or block comment
# opened where the grammar could read no further and closed nowhere after, or a bracket whose missing
# closer tree-sitter puts at the very end of the file.

_CLOSERS = {"}": "{", ")": "(", "]": "["}
_SYNTAX_FIX = "PowerShell runs no part of a script that does not parse."
# Quotes by kind, the plain one first: PowerShell takes the typographic ones as quotes too.
_DOUBLE_QUOTES = tuple(q.encode() for q in ('"', "\u201c", "\u201d", "\u201e"))
_SINGLE_QUOTES = tuple(q.encode() for q in ("'", "\u2018", "\u2019", "\u201a", "\u201b"))
_QUOTE = re.compile(b"|".join(re.escape(q) for q in (*_DOUBLE_QUOTES, *_SINGLE_QUOTES)))
# Tokens whose text the grammar read as a string or a comment.
_TEXT_TOKENS = frozenset(
    {
        "expandable_string_literal",
        "expandable_here_string_literal",
        "verbatim_string_characters",
        "verbatim_here_string_characters",
        "comment",
    }
)
# The nodes whose text the grammar read as a string or a comment (see `_innermost`).
_TEXT = dict.fromkeys((*_TEXT_TOKENS, "string_literal"), "text")
# Where a token is, as the innermost of these nodes around it says: among a command's arguments, or in a
# region the grammar could not read (`argument`); in a string or a comment, or in an expression of its own.
_ARGUMENT_PLACES = {
    **_TEXT,
    "command_elements": "argument",
    "ERROR": "argument",
    **dict.fromkeys(("pipeline", "statement_list", "parenthesized_expression", "sub_expression"), "other"),
}
# Where a call's argument list is (see `_call_edits`), as the byte before it says: among a command's
# arguments, or in an expression or another call's arguments, where the grammar reads what follows.
_CALL_PLACES = {**_ARGUMENT_PLACES, "argument_list": "other"}
_MAX_OPENERS = 16  # openers after the last closer looked at in the tree: most sit in comments or strings


@dataclass(frozen=True, slots=True)
class _Block:
    """A here-string or block comment: what opens it (a here-string's header ends its line), what ends
    it, and how a message names it."""

    opener: re.Pattern[bytes]
    start: bytes
    end: bytes
    what: str
    fix: str


_BLOCKS = (
    _Block(
        re.compile(rb'@"(?=[ \t]*(?:\r?\n|\Z))'),
        b'@"',
        b'"@',
        'here-string opened here with @"',
        'End it with "@ at the start of a line.',
    ),
    _Block(
        re.compile(rb"@'(?=[ \t]*(?:\r?\n|\Z))"),
        b"@'",
        b"'@",
        "here-string opened here with @'",
        "End it with '@ at the start of a line.",
    ),
    _Block(re.compile(rb"<#"), b"<#", b"#>", "block comment opened here with <#", "End it with #>."),
)


def _syntax_problem(root: Node, where: Positions, parsed: bytes) -> tuple[FileProblem | None, int]:
    """A parse error PowerShell certainly reports, and where the code it reads ends: at a string or
    comment never closed (PowerShell reads the rest as its text), at a bracket never closed that the
    grammar could not place (see `_open_bracket`), else at the end of the file. `parsed` is the source the
    tree was parsed from."""
    size = len(where.source)
    listed = _list_glued_by_equals(root, where) if parsed != where.source else None
    if listed is not None:
        return listed, size
    if not root.has_error:
        return None, size
    unclosed = _unclosed(root, where.source)
    if unclosed is not None:
        offset, what, fix = unclosed
        return _problem(where.at(offset), f"the {what} is never closed", fix), offset
    comma = _missing_parameter_comma(root, parsed)
    if comma is not None:
        offset, what, fix = comma
        return _problem(where.at(offset), what, fix), size
    for node in _problems(root):
        if node.is_missing and node.type in _CLOSERS and not where.source[node.end_byte :].strip():
            if _open_brackets(parsed) == []:  # every bracket closes: the grammar lost its way before
                break
            return _missing(node, where), size
    opener = _open_bracket(parsed) or _first_open_bracket(parsed)
    if opener is not None:
        offset, token = opener
        fix = f"Close it with '{_CLOSING[token[-1:]].decode()}' where it should end."
        return _problem(where.at(offset), f"'{token.decode()}' is never closed", fix), offset
    return None, size


def _list_glued_by_equals(root: Node, where: Positions) -> FileProblem | None:
    """A parameter glued by `=` to a list (`--subnet-names=front,back`, see `_with_words_whole`), which
    PowerShell refuses: its tokenizer ends the parameter's word at the comma, and a comma after a parameter
    is no argument."""
    source = where.source
    for parameter in _captures({"command_parameter": "parameter"}, root).get("parameter", []):
        glue = parameter.next_sibling
        value = glue.next_sibling if glue is not None else None
        if glue is None or value is None or source[glue.start_byte : glue.end_byte] != b"=":
            continue
        if source[value.end_byte : value.end_byte + 1] == b",":
            written = source[parameter.start_byte : value.end_byte].decode("utf-8", "replace")
            return _problem(
                where.at(value.end_byte),
                f'a list after {written!r}: PowerShell stops with "Missing argument in parameter list" '
                "and runs no line of the script",
                f"Quote the whole argument ('{written},…'), as PowerShell then passes it as written.",
            )
    return None


def _unclosed(root: Node, source: bytes) -> tuple[int, str, str] | None:
    """The first string, here-string or block comment that nothing after it closes: (offset, what, fix).
    Only one that no loose quote comes before: past a quote the grammar read into no string or comment,
    which strings are open may differ between the grammar and PowerShell."""
    found = [
        _unclosed_quote(root, source, _DOUBLE_QUOTES, 'string opened here with "'),
        _unclosed_quote(root, source, _SINGLE_QUOTES, "string opened here with '"),
        *(_unclosed_block(root, source, block) for block in _BLOCKS),
    ]
    first = min((f for f in found if f is not None), default=None)
    if first is None or first[0] > _first_loose_quote(root, source):
        return None
    return first


def _unclosed_quote(
    root: Node, source: bytes, quotes: tuple[bytes, ...], what: str
) -> tuple[int, str, str] | None:
    """The last quote of a kind, when it opens a string: no quote after it can close it. Not decided when
    the file has typographic quotes of that kind (the grammar does not take them as quotes)."""
    quote = quotes[0]
    if any(q in source for q in quotes[1:]):
        return None
    at = source.rfind(quote)
    # A quote escaped with a backtick is a character; one after `@` is a here-string's (see `_BLOCKS`).
    if at < 0 or source[at - 1 : at] in (b"`", b"@") or not _unread(root, at, quote):
        return None
    return at, what, "Close the string with a matching quote."


def _unclosed_block(root: Node, source: bytes, block: _Block) -> tuple[int, str, str] | None:
    """An opener after the last text that could end its block, where the grammar could read no further."""
    last = source.rfind(block.end)
    start = last + len(block.end) if last >= 0 else 0
    openers = itertools.islice(block.opener.finditer(source, start), _MAX_OPENERS)
    at = next((m.start() for m in openers if _unread(root, m.start(), block.start)), None)
    return (at, block.what, block.fix) if at is not None else None


def _unread(root: Node, offset: int, opener: bytes) -> bool:
    """Whether the grammar could not read what starts at `offset`: it lies in an error region, outside any
    token or in a token of the opener (or its first character) alone. Text in a comment, a string or a
    word was read."""
    node: Node | None = root.descendant_for_byte_range(offset, offset + 1)
    if node is None:
        return False
    if node.type != "ERROR" and (node.child_count or (node.text or b"").strip() not in (opener, opener[:1])):
        return False
    while node is not None and node.type != "ERROR":
        node = node.parent
    return node is not None


def _first_loose_quote(root: Node, source: bytes) -> int:
    """The offset of the first quote, of any kind, that lies in an error region outside the strings and
    comments the grammar read there; the file's size when there is none."""
    for region in _error_regions(root):
        cursor, stack = region.start_byte, [region]
        while stack:
            node = stack.pop()
            if node.type in _TEXT_TOKENS:
                quote = _QUOTE.search(source, cursor, node.start_byte)
                if quote is not None:
                    return quote.start()
                cursor = max(cursor, node.end_byte)
            else:
                stack.extend(reversed(node.children))
        quote = _QUOTE.search(source, cursor, region.end_byte)
        if quote is not None:
            return quote.start()
    return len(source)


def _code_start(region: Node) -> int:
    """Where the code of an error region starts: past the comments the grammar took into it (the comment
    lines that open a script, before the statement it could not read), which are read whatever follows."""
    code = next((child for child in region.children if child.type != "comment"), region)
    return code.start_byte


def _error_regions(root: Node) -> Iterator[Node]:
    """The outermost error regions, in document order, found through the subtrees that hold errors."""
    stack = [root] if root.has_error else []
    while stack:
        node = stack.pop()
        if node.type == "ERROR":
            yield node
        else:
            stack.extend(child for child in reversed(node.children) if child.has_error)


# --- brackets never closed ------------------------------------------------------------------------------

# Where error recovery drops a bracket it cannot place (`New-AzureService -ServiceName x {` at the end of a
# file), the tree holds no missing closer. The brackets are then counted over the text, with PowerShell's
# rules for what is not code (strings, here-strings, comments, `${…}` names, characters escaped with a
# backtick), and a bracket left open is reported once the grammar reads the closers added at the end of the
# file as closing it: both readings agree that the script ends inside it. Parentheses and braces only: they
# end a word wherever they are, while `[` is a character of a command's argument (`dir [a-c]*`), which the
# grammar reads as a type or an index, so which ones open something needs the parse.

_CLOSING = {b"(": b")", b"{": b"}"}
_SINGLE = rb"(?:'|\xe2\x80[\x98-\x9b])"  # the single quotes, typographic ones too, as PowerShell takes them
_DOUBLE = rb'(?:"|\xe2\x80[\x9c-\x9e])'
# What changes the reading in code: an escape, a comment, a string, a here-string, a bracket, `--%` (the
# rest of the line is passed as it is written).
_IN_CODE = re.compile(
    rb"`|<#|#|@" + _DOUBLE + rb"|@" + _SINGLE + rb"|[@$][({]|[(){}]|--%|" + _SINGLE + b"|" + _DOUBLE
)
_IN_STRING = re.compile(rb"`|\$[({]|" + _DOUBLE)
_IN_HERE_STRING = re.compile(rb"`|\$[({]|[\r\n]" + _DOUBLE + b"@")
_SINGLE_QUOTE = re.compile(_SINGLE)
_DOUBLE_QUOTE = re.compile(_DOUBLE)
_HERE_HEADER = re.compile(rb"[ \t]*(?:\r?\n|\r)")
_SINGLE_HERE_END = re.compile(rb"[\r\n]" + _SINGLE + b"@")
_BRACED_NAME = re.compile(rb"(?:`[\s\S]|[^`}])*\}")
_LINE_END = re.compile(rb"[\r\n]")
_COMMENT_END = re.compile(rb"#>")
# What a comment may follow: `#` after other text is part of a word in a command's argument (`a#b`), and
# starts a comment after a variable (`$a#b`); which one needs the parse, so the count gives up there.
_BEFORE_COMMENT = frozenset(b" \t\f\v\r\n;(){}|,&")
_STRINGS = (b'"', b'@"')


def _open_bracket(source: bytes) -> tuple[int, bytes] | None:
    """The outermost bracket never closed, with its token (`{`, `@{`, `$(` …), when the count over the text
    (see `_open_brackets`) and the grammar agree on it: the closers of every open bracket, added at the end
    of the file, each close the bracket counted. PowerShell reads nothing from it on."""
    openers = _open_brackets(source)
    if not openers:
        return None
    completed = source + b"\n" + b"".join(_CLOSING[token[-1:]] for _, token in reversed(openers))
    root = _parser().parse(completed).root_node
    for at, (offset, token) in enumerate(reversed(openers), start=len(source) + 1):
        closer = root.descendant_for_byte_range(at, at + 1)
        parent = closer.parent if closer is not None else None
        if closer is None or parent is None or closer.is_missing or parent.type == "ERROR":
            return None
        if closer.type.encode() != _CLOSING[token[-1:]] or not any(
            child.start_byte == offset and child.type.encode() == token for child in parent.children
        ):
            return None
    return openers[0]


def _first_open_bracket(source: bytes) -> tuple[int, bytes] | None:
    """The outermost bracket the count over the text leaves open, where the grammar cannot say (what follows
    it does not parse either, closers added or not: `if ($x {`)."""
    openers = _open_brackets(source)
    return openers[0] if openers else None


def _open_brackets(source: bytes) -> list[tuple[int, bytes]] | None:
    """The brackets open at the end of the text, outermost first, each with its offset and token; None when
    the count cannot tell: a closer that closes no bracket, a string or comment never closed, `--%`, or a
    `#` or `<#` after other text. Linear: each step finds the next character that matters."""
    counted = _count_brackets(source, until_closed=False)
    return None if counted is None else counted[0]


def _closing_bracket(source: bytes) -> int | None:
    """The end of the bracket the text opens with (the offset after its closer), by the count of
    `_open_brackets`; None when the text does not close it or the count cannot tell."""
    counted = _count_brackets(source, until_closed=True)
    return None if counted is None or counted[0] else counted[1]


def _count_brackets(source: bytes, until_closed: bool) -> tuple[list[tuple[int, bytes]], int] | None:
    """The brackets open where the count stops, and where that is: at the end of the text, or, when
    `until_closed`, after the closer that leaves no bracket open (see `_open_brackets`)."""
    stack: list[tuple[int, bytes]] = []  # open brackets, and the strings a `$(…)` is within
    at = 0
    while True:
        top = stack[-1][1] if stack else b""
        if top in _STRINGS:
            found = (_IN_STRING if top == b'"' else _IN_HERE_STRING).search(source, at)
            if found is None:
                return None
            token, at = found.group(), found.end()
            if token == b"`":
                at += 1
            elif token == b"${":
                at = _past_braced_name(source, at)
            elif token == b"$(":
                stack.append((found.start(), token))
            elif top == b'"' and (doubled := _DOUBLE_QUOTE.match(source, at)) is not None:
                at = doubled.end()  # `""` is a quote in the string
            else:
                stack.pop()
            if at < 0:
                return None
            continue
        found = _IN_CODE.search(source, at)
        if found is None:
            return [(offset, token) for offset, token in stack], len(source)
        token, start, at = found.group(), found.start(), found.end()
        if token == b"`":
            at += 1
        elif token in (b"#", b"<#"):
            if start > 0 and source[start - 1] not in _BEFORE_COMMENT:
                return None
            end = (_LINE_END if token == b"#" else _COMMENT_END).search(source, at)
            at = end.end() if end is not None else (len(source) if token == b"#" else -1)
        elif token == b"--%":
            return None
        elif token[:1] == b"@" and token[1:2] not in b"({":
            at = _past_here_string(source, start, token, stack)
        elif token == b"${":
            at = _past_braced_name(source, at)
        elif token[-1:] in _CLOSING:
            stack.append((start, token))
        elif token in (b")", b"}"):
            if not stack or _CLOSING[stack[-1][1][-1:]] != token:
                return None
            stack.pop()
            if until_closed and not stack:
                return stack, at
        elif _DOUBLE_QUOTE.fullmatch(token):
            stack.append((start, b'"'))
        else:
            at = _past_single_quoted(source, at)
        if at < 0:
            return None


def _past_braced_name(source: bytes, at: int) -> int:
    """The end of a variable's name in braces (`${my var}`), the name starting at `at`; -1 if never closed."""
    found = _BRACED_NAME.match(source, at)
    return found.end() if found is not None else -1


def _past_single_quoted(source: bytes, at: int) -> int:
    """The end of a single-quoted string whose text starts at `at` (`''` is a quote in it); -1 if never
    closed."""
    while (found := _SINGLE_QUOTE.search(source, at)) is not None:
        at = found.end()
        doubled = _SINGLE_QUOTE.match(source, at)
        if doubled is None:
            return at
        at = doubled.end()
    return -1


def _past_here_string(source: bytes, start: int, token: bytes, stack: list[tuple[int, bytes]]) -> int:
    """Where the code goes on after `@"` or `@'` at `start`: past a single-quoted here-string; into an
    expandable one (its `$(…)` are code, so it goes on the stack); past the `@` of any other (`@"…"` is a
    string after a stray `@`). -1 for a here-string never closed."""
    header = _HERE_HEADER.match(source, start + len(token))
    if header is None:
        return start + 1
    if _DOUBLE_QUOTE.fullmatch(token[1:]):
        stack.append((start, b'@"'))
        return start + len(token)
    end = _SINGLE_HERE_END.search(source, header.end() - 1)
    return end.end() if end is not None else -1


# --- parameters without a comma between them ---------------------------------------------------------

# PowerShell separates the parameters of a `param (…)` block, or of a function's `(…)`, with commas: after a
# parameter it reads a comma or the closing `)`, and stops on anything else with "Missing ')' in function
# parameter list", before it runs any line. Error recovery reads such a list its own way (`[string]$A = "x"
# [string]$B = "y"` may give `$A` the default of `$B`), so a list with an error region is looked at token by
# token: where a parameter's first token (`[` or `$`) follows, after a blank, the last token of a value,
# directly in the list, a comma is missing there when the list with commas put at those places parses
# without error, each comma between two of its parameters.

_PARAMETER_LISTS = frozenset({"param_block", "function_parameter_declaration"})
_OPENERS = frozenset({"(", "@(", "$(", "{", "@{", "["})
_BRACKET_CLOSERS = frozenset({")", "}", "]"})
_PARAMETER_STARTS = frozenset({"[", "variable", "$"})
# The tokens a value ends with, in a parameter's default or as the parameter itself.
_VALUE_ENDS = frozenset(
    {
        "variable",
        "simple_name",
        ")",
        "}",
        '"',
        "'",
        "expandable_string_literal",
        "verbatim_string_characters",
        "expandable_here_string_literal",
        "verbatim_here_string_characters",
    }
)
_MAX_COMMAS = 256  # places looked at in one list; more, and the list is not decided


def _missing_parameter_comma(root: Node, source: bytes) -> tuple[int, str, str] | None:
    """The first place where a parameter list the grammar could not read surely lacks a comma: (offset of
    the parameter after it, what PowerShell refuses, how to fix it)."""
    for opener in _parameter_list_openers(root):
        missing = _commas_missing(source, opener.start_byte)
        if missing is None:
            continue
        more = missing.places - 1
        fix = (
            f"Put a comma after {_short(missing.before)!r} (line {opener.start_point[0] + missing.lines + 1}), "
            f"at the end of the declaration of {missing.first}"
            + (
                f", and at the {more} other place{'s' if more > 1 else ''} where the list lacks one"
                if more
                else ""
            )
            + "."
        )
        what = (
            f"no comma between the parameters {missing.first} and {missing.second} of the list opened at line "
            f"{opener.start_point[0] + 1}: PowerShell stops with \"Missing ')' in function parameter list\" "
            "and runs no line of the script"
        )
        return missing.after, what, fix
    return None


def _parameter_list_openers(root: Node) -> Iterator[Node]:
    """The `(` of each `param (…)` or function's parameter list in a subtree that holds an error: its parser
    node, or the tokens `param` `(` in an error region."""
    stack = [root] if root.has_error else []
    while stack:
        node = stack.pop()
        if node.type in _PARAMETER_LISTS or node.type == "ERROR":
            opener = _list_opener(node)
            if opener is not None:
                yield opener
        stack.extend(child for child in reversed(node.children) if child.has_error)


def _list_opener(node: Node) -> Node | None:
    """The `(` that opens a parameter list in `node`: a function's `(`, or the one after `param`."""
    previous = None
    for child in node.children:
        if child.type == "(" and (node.type == "function_parameter_declaration" or previous == "param"):
            return child
        previous = child.type
    return None


def _comma_places(root: Node, opener: Node) -> list[tuple[Node, Node]]:
    """The pairs of tokens, directly in the list `opener` opens, where the first ends a value, the second
    starts a parameter, and only blanks or comments lie between them."""
    places: list[tuple[Node, Node]] = []
    depth, last = 0, opener
    for token in _tokens_after(root, opener):
        kind = token.type
        if kind == "comment" or token.is_missing:  # a closer the grammar supposed is none written
            continue
        if depth == 0:
            if kind in _BRACKET_CLOSERS:
                return places
            if kind in _PARAMETER_STARTS and _ends_a_value(last) and last.end_byte < _start(token):
                places.append((last, token))
                if len(places) > _MAX_COMMAS:
                    return []
        if kind in _OPENERS:
            depth += 1
        elif kind in _BRACKET_CLOSERS:
            depth -= 1
        last = token
    return []  # the list is never closed: a bracket never closed is reported as such


def _ends_a_value(token: Node) -> bool:
    return token.type in _VALUE_ENDS or token.type.endswith("_literal")


def _start(token: Node) -> int:
    """Where a token's text starts: error recovery may give a token the blanks before it."""
    text = token.text or b""
    return token.start_byte + len(text) - len(text.lstrip())


def _tokens_after(root: Node, opener: Node) -> Iterator[Node]:
    """The tokens (leaves) of the tree after `opener`, in document order."""
    cursor = root.walk()
    while cursor.goto_first_child_for_byte(opener.end_byte) is not None:
        pass
    while True:
        node = cursor.node
        if node is not None and node.child_count == 0 and node.start_byte >= opener.end_byte:
            yield node
        if cursor.goto_first_child():
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return


class _MissingCommas(NamedTuple):
    """Where a parameter list lacks commas: the text before the first place (`before`, after `lines` line
    breaks in the list), where the parameter after it starts in the source, how many places lack one, and
    the names of the parameters the first place separates."""

    before: str
    lines: int
    after: int
    places: int
    first: str
    second: str


# A parameter list is read alone as a `param (…)` block, with a statement after it (the grammar reads a
# block with none as lacking one).
_LIST_HEAD = b"param"
_LIST_TAIL = b"\n0"
_MAX_LIST = 16_384  # bytes of one list read alone; a longer list is not decided


def _commas_missing(source: bytes, start: int) -> _MissingCommas | None:
    """Where the parameter list opened at `start` lacks commas, when the list, read alone with a comma at
    each place a parameter follows a value, parses without error, each comma between two of its parameters;
    None otherwise. Error recovery may show one place at a time (the rest of the list read as something
    else), so the list is read again, with the commas found so far, until it parses: only the list's own
    text is read each time, never the whole file."""
    window = source[start : start + _MAX_LIST]
    end = _closing_bracket(window)
    if end is None:
        return None  # a bracket never closed is reported as such
    text = window[:end]
    places: dict[int, tuple[bytes, int]] = {}  # comma's offset in the list -> (token before it, next start)
    while True:
        commas = sorted(places)
        root = _parser().parse(_LIST_HEAD + _with_commas(text, commas) + _LIST_TAIL).root_node
        if not root.has_error:
            break
        opener = root.descendant_for_byte_range(len(_LIST_HEAD), len(_LIST_HEAD) + 1)
        if opener is None or opener.type != "(":
            return None
        shifted = [len(_LIST_HEAD) + at + count for count, at in enumerate(commas)]
        found = {
            _unshifted(last.end_byte, shifted): (last.text or b"", _unshifted(_start(after), shifted))
            for last, after in _comma_places(root, opener)
        }
        if not found.keys() - places.keys() or len(places | found) > _MAX_COMMAS:
            return None
        places |= found
    if not places:
        return None
    names = _names_with_commas(root, [len(_LIST_HEAD) + at + count for count, at in enumerate(commas)])
    if names is None:
        return None
    before, after = places[commas[0]]
    return _MissingCommas(
        before.decode(errors="replace"),
        text.count(b"\n", 0, commas[0]),
        start + after,
        len(commas),
        *names,
    )


def _with_commas(text: bytes, commas: list[int]) -> bytes:
    """The text with a comma put at each offset (in ascending order)."""
    pieces, shift = [], 0
    for at in commas:
        pieces += [text[shift:at], b","]
        shift = at
    return b"".join([*pieces, text[shift:]])


def _unshifted(offset: int, shifted: list[int]) -> int:
    """The offset in the list as written of an offset in it with commas put at `shifted` (their offsets
    there, ascending)."""
    return offset - len(_LIST_HEAD) - bisect.bisect_left(shifted, offset)


def _names_with_commas(root: Node, commas: list[int]) -> tuple[str, str] | None:
    """The names of the parameters the first comma separates, when each comma (at its offset in the tree)
    separates two parameters of a list; None otherwise."""
    for at in commas:
        comma = root.descendant_for_byte_range(at, at + 1)
        if (
            comma is None
            or comma.type != ","
            or comma.parent is None
            or comma.parent.type != "parameter_list"
        ):
            return None
    first = root.descendant_for_byte_range(commas[0], commas[0] + 1)
    assert first is not None
    held = first.parent.named_children if first.parent is not None else []
    parameters = [p for p in held if p.type == "script_parameter"]
    before = [p for p in parameters if p.end_byte <= first.start_byte]
    after = [p for p in parameters if p.start_byte >= first.end_byte]
    names = (
        _first(before[-1], "variable") if before else None,
        _first(after[0], "variable") if after else None,
    )
    if names[0] is None or names[1] is None:
        return None
    return _text(names[0]), _text(names[1])


def _problem(mark: Mark, words: str, fix: str) -> FileProblem:
    message = f"not valid PowerShell: {words} (line {mark.line}, column {mark.column})"
    return FileProblem("syntax", message, mark, f"{fix} {_SYNTAX_FIX}")


def _missing(node: Node, where: Positions) -> FileProblem:
    """A bracket never closed, reported at the bracket that opens it."""
    opener = _CLOSERS[node.type]
    parent = node.parent
    start = (
        next((c for c in parent.children if c.type.endswith(opener)), None) if parent is not None else None
    )
    fix = f"Close it with '{node.type}' where it should end."
    if start is not None:
        return _problem(where.mark(start), f"'{_text(start)}' is never closed", fix)
    return _problem(where.mark(node), f"a '{node.type}' is missing at the end", fix)


# --- inline suppressions ------------------------------------------------------------------------------


def _directive_comments(index: SyntaxIndex) -> list[tuple[Node, str]]:
    """The comments that start like a directive, each with its text inside its markers: a line comment's
    after its `#`s, a block comment's (`<# … #>`) between them."""
    found = []
    for comment in index.comments:
        raw = _text(comment)
        body = _block_comment_text(raw) if raw.startswith("<#") else line_comment_text(raw)
        if starts_like_directive(body):
            found.append((comment, body))
    return found


def _block_comment_text(written: str) -> str:
    """A block comment's text between its markers, without the `#`s that widen them: a directive styled
    as a banner, `<## migcheck: ignore[MIG105] reason ##>`, is read as `<# migcheck: ... #>` is."""
    return written[2:].removesuffix("#>").lstrip("#").rstrip("#")


def _suppressions(
    comments: list[tuple[Node, str]], index: SyntaxIndex, where: Positions
) -> Iterator[Suppression]:
    """`# migcheck: ignore[...] reason` on its own line covers the next statement, all its lines, or,
    between the lines of a statement (the elements of a pipeline, the entries of a hashtable), that
    statement; at the end of a line it covers the statement it ends; `ignore-file[...]` anywhere covers
    the file. Block comments (`<# … #>`) count as well. One that applies to nothing (no statement
    follows it in its block: the end of the script, or a `}` or `)` that closes the block first) is kept all
    the same, so that the filter reports it."""
    starts = [s.start_byte for s in index.statements]
    ending = _Ending(index.statements, where)
    statements = set(index.statements)
    block_ends = grammars.BlockEnds(_BLOCK_CLOSERS)
    for comment, body in comments:
        found = directive(body)
        if found is None:
            continue
        kind, codes, reason = found
        mark = where.mark(comment)
        if kind == "ignore-file":
            yield Suppression(codes, reason, 0, 0, mark)
            continue
        covered = _covered(comment, where, index.statements, starts, ending, statements, block_ends)
        if covered is None:
            yield Suppression.nowhere(codes, reason, mark)
        else:
            yield Suppression(codes, reason, covered[0], covered[1], mark)


def _covered(
    comment: Node,
    where: Positions,
    statements: list[Node],
    starts: list[int],
    ending: _Ending,
    statement_set: set[Node],
    block_ends: grammars.BlockEnds,
) -> tuple[int, int] | None:
    line = comment.start_point[0] + 1
    if where.own_line(comment):
        around = _statement_around(comment, statement_set)
        if around is not None:
            return around.start_point[0] + 1, where.last_line(around)
        branch = _branch_of(block_ends.token_after(comment))
        if branch is not None:  # between a `}` and the `else`, `elseif`, `catch` or `finally` after it
            return branch.start_point[0] + 1, where.last_line(branch)
        at = bisect.bisect_left(starts, comment.end_byte)
        if at == len(statements) or block_ends.ends_block(comment):
            return None
        statement = statements[at]
        return statement.start_point[0] + 1, where.last_line(statement)
    first = ending.first_line(line, comment.start_byte)
    return (line if first is None else first), line


class _Ending:
    """The statements that end on each line, in the order they end, with the first line any of them up to
    each starts on: what a comment at the end of a line covers is found by bisection, not by looking at
    every statement that ends there (a script on one line, of many statements and block comments)."""

    def __init__(self, statements: list[Node], where: Positions) -> None:
        by_line: dict[int, list[Node]] = {}
        for statement in statements:
            by_line.setdefault(where.last_line(statement), []).append(statement)
        self._ends: dict[int, list[int]] = {}
        self._firsts: dict[int, list[int]] = {}
        for line, ending in by_line.items():
            ending.sort(key=lambda s: s.end_byte)
            self._ends[line] = [s.end_byte for s in ending]
            self._firsts[line] = list(itertools.accumulate((s.start_point[0] + 1 for s in ending), min))

    def first_line(self, line: int, before: int) -> int | None:
        """The first line of the statements that end on `line` by the byte `before`; None when none does."""
        at = bisect.bisect_right(self._ends.get(line, []), before)
        return self._firsts[line][at - 1] if at else None


# The tokens that close a block: a comment just before one is the last thing of its block.
_BLOCK_CLOSERS = frozenset({"}", ")"})

# The branches after the first of an `if` or a `try`, by the keyword that opens each: a comment just before
# one covers that branch, its header and its block, as one before an `if` covers the whole statement.
_BRANCHES = {
    "else": "else_clause",
    "elseif": "elseif_clause",
    "catch": "catch_clause",
    "finally": "finally_clause",
}


def _branch_of(keyword: Node | None) -> Node | None:
    """The branch `keyword` opens, or None when it opens none."""
    if keyword is None or keyword.parent is None:
        return None
    return keyword.parent if _BRANCHES.get(keyword.type) == keyword.parent.type else None


# Where a comment stands between statements: in a block or a list of statements, a script block, a
# param block, or directly in a compound statement (between `}` and `else`, before a function's `}`).
_BETWEEN_STATEMENTS = frozenset(
    {
        "program",
        "statement_list",
        "statement_block",
        "script_block",
        "script_block_body",
        "script_block_expression",
        "param_block",
        "named_block",
        "named_block_list",
        "switch_body",
        "switch_clauses",
        "class_statement",
        "enum_statement",
    }
)


def _statement_around(comment: Node, statements: set[Node]) -> Node | None:
    """The pipeline `comment` stands inside, between two of its lines (`New-AzureVMConfig … |`, the
    comment, `Set-AzureSubnet … |`; a hashtable's entries), or None when it stands between statements."""
    node = comment.parent
    while node is not None and node.type not in _BETWEEN_STATEMENTS:
        if node in statements:
            return node if node.type == "pipeline" else None
        node = node.parent
    return None


# --- values ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Written:
    """Where a string the script writes out stands in the file, so that what a REST body it sends says is
    reported inside the literal (see `_BodyPlace`): each run of the string copied unchanged from the
    source, as (offset in the string, byte offset in the source, length). What a variable puts in, and
    what an escape stands for, is in no run. Kept for strings that may hold markup (a `<`) only."""

    runs: tuple[tuple[int, int, int], ...]


@dataclass(frozen=True, slots=True)
class Text:
    """A string (or number) the script states; `mark` is where it is written. Not `sure` when it may be
    missing: a function outputs it on some paths only, or the script assigns it in a branch that may not
    run. Such a value still names what it names; it never decides a condition (see `_truth`). `number`:
    whether the script gives it as a number (`10`, `$i++`, `[int]$n`), which PowerShell's `+` adds when it
    is the left operand, rather than a string, which `+` joins; None when paths that meet give it as
    either. `other`: not `sure` only because a caller may pass another value in its place (the default of
    a parameter: see `Interpreter._defaults`), so it is never missing: where it is not this, it is a value
    the script does not state, not nothing."""

    value: str
    mark: Mark | None = field(default=None, compare=False)
    sure: bool = field(default=True, compare=False)
    number: bool | None = field(default=False, compare=False)
    written: Written | None = field(default=None, compare=False)  # for a REST body: see `Written`
    other: bool = field(default=False, compare=False)


@dataclass(frozen=True, slots=True)
class Unknown:
    """A value the script does not state. Two unknowns are the same value only when they come from the
    same definition (`ident`): one parameter read twice. `shape`: a string the script builds from pieces
    some of which it does not state (`"https://management.core.windows.net/$subscription/services"`), each
    of those as `automation.HOLE`, when that is all that is known of it; what a request's URL says is read
    from it. `maybe_null`: on some path the script gives $null for it (`$vnet = if (…) { $args[0] } else {
    $null }`), so that a call given it may be given nothing on that path (see `_maybe_nothing`)."""

    text: str
    ident: object = field(default=None)
    shape: str | None = field(default=None, compare=False)
    written: Written | None = field(default=None, compare=False)  # of `shape`, for a REST body
    maybe_null: bool = field(default=False, compare=False)
    # For a `shape`: the value (`ident`) each hole of it is, in order, None for one of no known definition
    # (`"https://$account.blob.core.windows.net/..."` names the storage account `$account` holds).
    holes: tuple[object, ...] = field(default=(), compare=False)
    # Where paths that gave a variable different unknown values meet (`if (…) { $sa = "acct" + (Get-Random)
    # } else { $sa = … }`): the definitions (`ident`) of those values, in the order of the paths, so that a
    # storage account it names after is the one a path named by them (see `_identity`).
    either: tuple[object, ...] = field(default=(), compare=False)
    # Where paths that gave a variable different strings meet (`if (…) { $service = "a" } elseif (…) {
    # $service = "b" }`), or $null on some of them: those strings, in the order of the paths, so that a call
    # given it names one of them (see `_alternatives`); () where a path gave anything else.
    alternatives: tuple[Text, ...] = field(default=(), compare=False)
    # A property of an object of the script's class that the class sets to several values, one of them a
    # URL on the Service Management API's host (a default `[string]$Url = ''` and `$this.Url = 'https://
    # management.core.windows.net/…'` in its constructor): that URL. A request sent to it is one to the API,
    # to a path not decided (see `Interpreter._request`); nothing is named by it.
    may_be_url: str = field(default="", compare=False)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Unknown) and self.ident is not None and self.ident == other.ident

    def __hash__(self) -> int:
        return hash(self.ident)


@dataclass(frozen=True, slots=True, eq=False)
class FileItem(Unknown):
    """What `Get-Item`, `Resolve-Path` or `Convert-Path` outputs for a path the script writes: the file, which
    a string parameter it is given to takes as that path (`shape`); an unknown value to all else. Where
    paths that meet each give one, the paths are the strings it may be (`Unknown.alternatives`), as a
    configuration file set in if/elseif branches is."""


@dataclass(frozen=True, slots=True, eq=False)
class EveryVm(Unknown):
    """What `Get-AzureVM` without `-ServiceName` outputs: every VM of the subscription, in whichever cloud
    service, none of which the reader follows as such; an unknown value to all else. What a filter on the
    VM's name picks of it is followed (see `Interpreter._picked_vm`)."""


@dataclass(frozen=True, slots=True)
class Items:
    values: tuple[Any, ...]
    # The values a walk over the array meets, counting those of the arrays and tables it holds (see `_size`).
    size: int = field(init=False, compare=False, repr=False)
    # Whether it holds only strings, flags and such arrays and tables (see `_literal`), found with `size`.
    literal: bool = field(init=False, compare=False, repr=False)
    # Found once per array, however often the script passes it: the array as a function's parameter holds
    # it (see `_passed`), and whether its VM configurations were let escape (see `Interpreter.escape`).
    unmarked: Items | None = field(init=False, default=None, compare=False, repr=False)
    escaped: bool = field(init=False, default=False, compare=False, repr=False)
    # Found once per array: the array as read where something may have changed it (see `_stale`), and as
    # read where it may be missing (see `_unsure`).
    stale: Items | None = field(init=False, default=None, compare=False, repr=False)
    unsure: Items | None = field(init=False, default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "size", 1 + sum(_size(v) for v in self.values))
        object.__setattr__(self, "literal", all(_literal(v) for v in self.values))


@dataclass(frozen=True, slots=True)
class Table:
    """A hashtable: (key as written, value, certainly present) by case-folded key. `opaque` when a key
    is not known."""

    entries: tuple[tuple[str, str, Any, bool], ...] = ()
    opaque: bool = False
    # Where each entry's value is written, by case-folded key, for the entries a table literal states: a
    # finding about a parameter splatted from the table points there.
    marks: tuple[tuple[str, Mark], ...] = field(default=(), compare=False)
    size: int = field(init=False, compare=False, repr=False)  # as `Items.size`
    literal: bool = field(init=False, compare=False, repr=False)  # as `Items.literal`
    escaped: bool = field(init=False, default=False, compare=False, repr=False)  # as `Items.escaped`
    stale: Table | None = field(init=False, default=None, compare=False, repr=False)  # as `Items.stale`

    def __post_init__(self) -> None:
        object.__setattr__(self, "size", 1 + sum(_size(e[2]) for e in self.entries))
        literal = not self.opaque and all(_literal(e[2]) and e[3] for e in self.entries)
        object.__setattr__(self, "literal", literal)

    def get(self, key: str) -> tuple[str, str, Any, bool] | None:
        return next((e for e in self.entries if e[0] == key.casefold()), None)

    def with_entry(self, key: str, value: Any, certain: bool = True, at: Mark | None = None) -> Table:
        folded = key.casefold()
        kept = tuple(e for e in self.entries if e[0] != folded)
        if len(kept) >= _MAX_ENTRIES:  # no cmdlet has this many parameters: not a table to splat
            return Table((), opaque=True)
        marks = tuple(m for m in self.marks if m[0] != folded) + (((folded, at),) if at is not None else ())
        return _bounded(Table((*kept, (folded, key, value, certain)), self.opaque, marks))

    def mark_of(self, key: str) -> Mark | None:
        """Where the entry `key` (case-folded) is written, when a table literal states it."""
        return next((m for k, m in self.marks if k == key), None)


def _size(value: Any) -> int:
    """The values a walk over `value` meets. An array or table held twice counts twice (`$b = $a, $a`
    holds `$a` once, but a walk meets it twice), so nesting one line after line doubles the size."""
    return value.size if isinstance(value, (Items, Table)) else 1


def _bounded(value: Any, text: str = "") -> Any:
    """An array or table, unless a walk over it would meet more than _MAX_ITEMS values: then an unknown
    value (`text` names it), or a table whose keys are not known."""
    if value.size <= _MAX_ITEMS:
        return value
    return Table((), opaque=True) if isinstance(value, Table) else Unknown(text)


@dataclass(frozen=True, slots=True)
class Vms:
    """VM configuration objects (several when branches leave different ones)."""

    ids: frozenset[int]


@dataclass(frozen=True, slots=True)
class Acls:
    ids: frozenset[int]


@dataclass(frozen=True, slots=True)
class Flag:
    value: bool


@dataclass(frozen=True, slots=True)
class Null:
    """$null, or nothing. `stated` when the script says so (`$null`, a parameter a call does not pass):
    false in a condition. Otherwise it is what the reader makes of a command's output it does not follow,
    which decides nothing. `dropped`: where a VM configuration pipeline ends in a stage that passes no VM
    on (`cmdlets.PASS_NO_VM_ON`: `… | Add-AzureEndpoint … | Set-AzureAclConfig …`), so that a New-AzureVM
    given it says the VM it meant unread (`VM_NOT_PASSED_ON`)."""

    stated: bool = False
    dropped: Mark | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Operation:
    """What New-AzureReservedIP outputs, as every version of the classic module writes it: a
    ManagementOperationContext. Its OperationDescription, OperationId and OperationStatus are not stated
    by the script, and it has no other property (`.ReservedIPName` of it is $null)."""


_OPERATION_PROPERTIES = frozenset({"operationdescription", "operationid", "operationstatus"})


@dataclass(frozen=True, slots=True)
class Authorization:
    """What New-AzureDedicatedCircuitLinkAuthorization outputs: the link authorization it creates (`record`,
    an `inventory_model.LinkAuthorization`). Its `LinkAuthorizationId`, which the platform makes up, is a
    value the script does not state, which names that authorization (see `Interpreter._unauthorize`)."""

    record: Any


@dataclass(frozen=True, slots=True)
class CircuitMade:
    """What New-AzureDedicatedCircuit outputs: the circuit it creates, by `name`; or, `found`, the circuit
    of that name a filter picks out of the subscription's (`Get-AzureDedicatedCircuit | Where-Object
    CircuitName -eq x`). Its `ServiceKey`, which the platform makes up, is a value the script does not
    state, which names that circuit (see `Interpreter._circuit_link`)."""

    name: str
    found: bool = False


@dataclass(frozen=True, slots=True, eq=False)
class EveryCircuit(Unknown):
    """What `Get-AzureDedicatedCircuit` without `-ServiceKey` outputs: every ExpressRoute circuit of the
    subscription, none of which the reader follows as such; an unknown value to all else. The one a filter
    on the circuit's name picks of it is followed (see `Interpreter._picked_circuit`)."""


@dataclass(frozen=True, slots=True)
class BalancerConfig:
    """What New-AzureInternalLoadBalancerConfig outputs: an internal load balancer (`record`, a
    `model.InternalLoadBalancer`), which the deployment a New-AzureVM given it (`-InternalLoadBalancerConfig`)
    creates has."""

    record: InternalLoadBalancer


@dataclass(frozen=True, slots=True)
class Block:
    """A script block held to run where the script runs it with arguments (`$sb = { param($vNetName) … }`
    then `Start-Job $sb -ArgumentList "vnetA"`): its arguments are bound to its parameters as a call of a
    function binds them (see `Interpreter._run_block`). A block that declares parameters is held so, and
    so is one written where such a command runs it (`& { $args[0] } "vnetA"`); any other is read where
    it is written. `node` is its `script_block_expression`; two blocks are one when they are one node."""

    node: Node = field(compare=False, hash=False)
    ident: int


@dataclass(frozen=True, slots=True)
class NetworkResource:
    """What New-/Get-AzureNetworkSecurityGroup and New-/Get-AzureRouteTable output: the group or table of
    that name (`security_group`: which of the two), which a script pipes to the cmdlet that associates it
    with a subnet (`Get-AzureNetworkSecurityGroup -Name g | Set-AzureNetworkSecurityGroupToSubnet ...`)."""

    name: str
    security_group: bool


@dataclass(frozen=True, slots=True)
class ReservedIpOf:
    """What Get-AzureReservedIP -ReservedIPName outputs: the reserved IP of that name (`name`, as the call
    passes it: stated or a value the script does not state; `certain` when the call surely passes it), whose
    ReservedIPName a cmdlet it is piped to takes (`Get-AzureReservedIP -ReservedIPName r | Remove-AzureReservedIP`)."""

    name: Value
    certain: bool


@dataclass(frozen=True, slots=True)
class LinkState:
    """What a script leaves of a gateway's connection to one local network site, kept under a key no
    variable has (see `Interpreter._link_key`), so that paths that meet join it as they join a variable:
    the disconnections (`Interpreter.disconnects`, by index) no connection follows on some path to here,
    and whether one of them does on every path (`everywhere`). The script's other paths leave the
    connection as they found it, which counts as connected."""

    down: frozenset[int]
    everywhere: bool


_CONNECTED = LinkState(frozenset(), everywhere=False)


@dataclass(frozen=True, slots=True)
class CurrentAccount:
    """The current storage account a script gives the subscription (`Set-AzureSubscription
    -CurrentStorageAccountName`), where a VM created without `-MediaLocation` has its OS disk put: the
    subscription named as `_named_by` names it (None when the reader cannot name it), and the account as the
    call passes it. Kept under a key no variable has (`_CURRENT_ACCOUNT`), so that paths that meet join it as
    they join a variable: two paths that leave different accounts, or one that sets none, leave it unknown."""

    subscription: str | None
    account: Value
    # Where the account is passed: not part of which account it is (two paths that set one leave it).
    at: Mark | None = field(default=None, compare=False)


_CURRENT_ACCOUNT = "\0current storage account"


@dataclass(eq=False, slots=True)
class WebRequest:
    """A request to the Service Management API the script makes at `node` (its method or command at `at`),
    to the `host` and `path` of a URL on the API's host: what `[System.Net.WebRequest]::Create(url)`
    outputs, which the script sends with the method it sets (`$request.Method = "PUT"`; GET until then)."""

    node: Node
    at: Node
    host: str
    path: str
    # Where the URL is written (the string that states it, else the argument that passes it): a migration
    # path's network is shown there (see `MigrationStep.target_mark`).
    url_mark: Mark | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class CloudServiceRole:
    """What New-AzCloudServiceRoleProfilePropertiesObject outputs: one role of a cloud service of extended
    support, of the name the script states."""

    name: str


def _cloud_service_roles(profile: Value) -> tuple[str, ...]:
    """The names of the roles a `-RoleProfile` value lists: such roles, alone, in arrays, or as the `role`
    entry of a table. None when any part of it is not one the script states: its roles are then not known."""
    names: list[str] = []
    pending = [profile]
    while pending:
        value = pending.pop()
        if isinstance(value, CloudServiceRole):
            names.append(value.name)
        elif isinstance(value, Items):
            pending.extend(reversed(value.values))
        elif isinstance(value, Table) and not value.opaque and len(value.entries) == 1:
            entry = value.get("role")
            if entry is None or not entry[3]:
                return ()
            pending.append(entry[2])
        else:
            return ()
    return tuple(names)


def _stated_null(value: Value) -> bool:
    """Whether `value` is surely nothing: `$null` or "" as the script states it."""
    return (isinstance(value, Null) and value.stated) or (isinstance(value, Text) and not value.value)


@dataclass(frozen=True, slots=True, eq=False)
class Changes:
    """The changes made to a VM configuration on one path, as a shared list: the last change and the
    list before it (paths that part keep their common past once)."""

    event: Event
    before: Changes | None

    def events(self) -> list[Event]:
        out: list[Event] = []
        cell: Changes | None = self
        while cell is not None:
            out.append(cell.event)
            cell = cell.before
        out.reverse()
        return out


@dataclass(frozen=True, slots=True)
class VmState:
    """What has been done to one VM configuration on the paths that reach a point: one list of changes
    per distinct path (an `if` that changes it in one branch leaves two)."""

    variants: tuple[Changes | None, ...]

    def then(self, event: Event) -> VmState:
        return VmState(tuple(Changes(event, variant) for variant in self.variants))

    @staticmethod
    def of(events: Iterable[Event]) -> VmState:
        cell: Changes | None = None
        for event in events:
            cell = Changes(event, cell)
        return VmState((cell,))


NULL = Null()
STATED_NULL = Null(stated=True)
Value = Any  # Text | Unknown | Items | Table | Vms | Acls | Flag | Null | VmState | Operation | Authorization | BalancerConfig | CircuitMade | LinkState | Block
_MAX_CANDIDATES = 16  # configurations one variable may hold after branches; past this, it is unknown
_MAX_STRING_ALTERNATIVES = 8  # strings one variable may hold after branches (`Unknown.alternatives`)
_MAX_ENTRIES = 64  # entries of a table the reader follows
# Values of an array the reader extends (`$a += …`), or of an array or table it builds, counting those of
# the arrays and tables inside it (`$b = $a, $a`): what every walk over one (`escape`, `_literal`) costs.
_MAX_ITEMS = 1024
# The longest string the reader builds from other values (`$a + $b`, "$prefix-$name"): far longer than any
# name a rule reads (cloud services take 63 characters), so a longer one is read as a value the script does
# not state, and a script that doubles a string line after line costs no more than any other script.
_MAX_TEXT = 1024
# The longest string holding markup (a `<`: a REST body, a network configuration) the reader builds from
# others (`$head + $acl`, `$template -f $name`, "…$acl…"): longer than any body a script sends, and each
# copy past `_MAX_TEXT` is paid for by its length (see `Interpreter._built`), so a script that doubles one
# line after line costs no more than one that writes it out.
_MAX_BODY = 256 * 1024
# The most pieces of the script a string built from others is followed in (see `Written`): a body joined
# from a literal per line has one per line; past this many, where its elements are written is not
# followed (they are shown where the string is made), and each copy costs no more than this.
_MAX_RUNS = 1024
# Paths followed apart for one configuration; past this many, the others are dropped and what the kept
# ones lack is no longer known (the `collapsed` change).
_MAX_VARIANTS = 32
# Choices (`if`s) a VM is created within that the reader tells apart (see `Role.branches`): real scripts
# nest a few; past this, deeper ones are read as if the VM were created on either branch.
_MAX_CHOICES = 16


def join(a: Value, b: Value) -> Value:
    """What a variable holds where two paths meet."""
    if a == b:
        if isinstance(a, Text) and isinstance(b, Text) and a.number != b.number:  # `10` and `"10"`
            a = replace(a, number=None)
        if isinstance(a, Text) and isinstance(b, Text) and not (a.sure and b.sure):
            # Missing on a path if either may be; else one may be another value a caller passes.
            return (
                _unsure(a) if _may_be_missing(a) or _may_be_missing(b) else replace(a, sure=False, other=True)
            )
        if isinstance(a, Unknown) and isinstance(b, Unknown) and b.maybe_null and not a.maybe_null:
            return replace(a, maybe_null=True)  # set in a branch that tested it, maybe $null past it
        return a
    if isinstance(a, LinkState) or isinstance(b, LinkState):
        return _join_links(a, b)
    if isinstance(a, Block) != isinstance(b, Block) and isinstance(
        b if isinstance(a, Block) else a, (Null, Unknown)
    ):
        # A held block on one path (`if ($x) { $task = { … $args[0] … } } else { $task = { Write-Host … } }`):
        # where the script runs the variable with arguments, that block's run is the one that does anything.
        return a if isinstance(a, Block) else b
    if isinstance(a, Null) or isinstance(b, Null):
        other = b if isinstance(a, Null) else a
        if isinstance(other, (Vms, Acls, VmState)):
            return other  # a configuration built on one path only is still the one used
    if isinstance(a, VmState) and isinstance(b, VmState):
        return _join_states(a, b)
    if isinstance(a, Vms) and isinstance(b, Vms):
        ids = a.ids | b.ids
        return Vms(ids) if len(ids) <= _MAX_CANDIDATES else Unknown("")
    if isinstance(a, Acls) and isinstance(b, Acls):
        return Acls(a.ids | b.ids)
    if isinstance(a, Table) and isinstance(b, Table):
        return _join_tables(a, b)
    if isinstance(a, Items) and isinstance(b, Items) and _configurations(a) and _configurations(b):
        # The VMs built on either path (as for `Vms`): an array a loop may or may not have added to.
        return _bounded(Items(tuple(dict.fromkeys((*a.values, *b.values)))))
    text = a.text if isinstance(a, Unknown) else b.text if isinstance(b, Unknown) else ""
    # Values the script does not state, names it states (`$sa = 'a'; if (…) { $sa = 'b' }`), or a name on
    # one path and a value it does not state or $null on another (`if (…) { $sa = 'prodstore' }`): one of
    # them, whichever path ran, so one account, named or not.
    defined = all(_definitions(v) or isinstance(v, (Null, Unknown)) for v in (a, b))
    either = tuple(dict.fromkeys((*_definitions(a), *_definitions(b)))) if defined else ()
    return Unknown(
        text,
        maybe_null=_null_on_a_path(a) or _null_on_a_path(b),
        either=either if len(either) <= 8 else (),
        alternatives=_joined_alternatives(a, b),
    )


def _joined_alternatives(a: Value, b: Value) -> tuple[Text, ...]:
    """The strings two paths that meet give a variable (see `Unknown.alternatives`), when each gives
    strings or $null (and one at least a string), at most `_MAX_STRING_ALTERNATIVES` of them; else ()."""
    found: dict[str, Text] = {}
    for value in (a, b):
        if isinstance(value, Text) and value.number is False and value.value.strip():
            found.setdefault(value.value.casefold(), value)
        elif isinstance(value, Unknown) and value.alternatives:
            for text in value.alternatives:
                found.setdefault(text.value.casefold(), text)
        elif isinstance(value, FileItem) and value.shape:
            found.setdefault(value.shape.casefold(), Text(value.shape))
        elif not _stated_null(value):
            return ()
    return tuple(found.values()) if 0 < len(found) <= _MAX_STRING_ALTERNATIVES else ()


def _alternatives(value: Value | None) -> tuple[Text, ...]:
    """The strings a value may be, each on some path (see `Unknown.alternatives`); () for any other."""
    return value.alternatives if isinstance(value, Unknown) else ()


def _definitions(value: Value) -> tuple[object, ...]:
    """The definitions a value joined where paths meet may be (see `Unknown.either`): a name the script
    states is one of its own (`_STATED`)."""
    if isinstance(value, Text):
        return ((_STATED, value.value),) if value.value.strip() else ()
    if not isinstance(value, Unknown):
        return ()
    return value.either or ((value.ident,) if value.ident is not None else ())


_STATED = "stated"  # the first item of the definition of a name the script states (see `_definitions`)


_EITHER = "either"  # the first item of the `_identity` of an unknown value of several definitions


def _identity(value: Unknown) -> object:
    """What tells the value apart: its definition, else the definitions paths that met gave it (tagged
    `_EITHER`), else None."""
    if value.ident is not None or not value.either:
        return value.ident
    return (_EITHER, *value.either)


def _built_identity(value: Unknown) -> object:
    """What tells the value apart: its definition, else, for a string built around values of known
    definitions (`"$($prefix)vnet"`, `$prefix + "vnet"`), how it is built of them, so that two calls
    that build it alike name one resource (as `Interpreter._passed` has a function's calls pass one
    value); else None."""
    if value.ident is not None or not value.shape or not value.holes or None in value.holes:
        return value.ident
    return ("built", value.shape, value.holes)


def _null_on_a_path(value: Value) -> bool:
    """Whether a value joined where paths meet is $null on a path: stated so, or so on one of its own."""
    return _stated_null(value) or (isinstance(value, Unknown) and value.maybe_null)


def _maybe_nothing(value: Value) -> bool:
    """Whether a value a call is given may be nothing on some path, though it names something on another:
    a string that may be missing (see `Text.sure`), or an unknown value that is $null on some path."""
    if isinstance(value, Text):
        return _may_be_missing(value) and bool(value.value.strip())
    return isinstance(value, Unknown) and value.maybe_null


def _may_be_missing(text: Text) -> bool:
    """Whether a string may be missing on some path: not `sure`, and not only because a caller may pass
    another value in its place (see `Text.other`)."""
    return not text.sure and not text.other


def _as_sure_as(text: Text, *parts: Text) -> Text:
    """`text`, made from `parts`, as sure as they are: missing where one may be, else another value where
    one may be (see `Text.other`)."""
    if all(p.sure for p in parts):
        return text
    return replace(text, sure=False, other=not any(_may_be_missing(p) for p in parts))


def _join_links(a: Value, b: Value) -> LinkState:
    """A gateway connection where two paths meet: down after the disconnections either leaves, and on
    every path when both do; a path that did not touch it leaves it connected."""
    x = a if isinstance(a, LinkState) else _CONNECTED
    y = b if isinstance(b, LinkState) else _CONNECTED
    return LinkState(x.down | y.down, x.everywhere and y.everywhere)


def _join_states(a: VmState, b: VmState) -> VmState:
    variants = tuple(dict.fromkeys((*a.variants, *b.variants)))  # cells compare by identity
    return VmState(_capped(variants))


def _capped(variants: tuple[Changes | None, ...]) -> tuple[Changes | None, ...]:
    """At most `_MAX_VARIANTS` paths are followed; when more meet, the others are dropped and what the
    kept ones lack is no longer known (a `collapsed` change ends each)."""
    if len(variants) <= _MAX_VARIANTS:
        return variants
    kept = variants[:_MAX_VARIANTS]
    marker = next((v.event for v in kept if v is not None), None)
    if marker is None:
        return kept
    collapsed = Event("collapsed", marker.mark, {})
    return tuple(v if v is not None and v.event.kind == "collapsed" else Changes(collapsed, v) for v in kept)


def _join_tables(a: Table, b: Table) -> Table:
    keys = dict.fromkeys([e[0] for e in a.entries] + [e[0] for e in b.entries])
    entries = []
    for key in keys:
        x, y = a.get(key), b.get(key)
        if x is not None and y is not None:
            entries.append((key, x[1], join(x[2], y[2]), x[3] and y[3]))
        else:
            present = x or y
            assert present is not None
            entries.append((key, present[1], present[2], False))
    # Where each entry is written: on the first path that writes it (a finding about the entry points there).
    written = {k for k, _ in a.marks}
    marks = a.marks + tuple(m for m in b.marks if m[0] not in written)
    return _bounded(Table(tuple(entries), a.opaque or b.opaque, marks))


# The native programs that send HTTP requests, as PowerShell names them (`curl` and `wget` alone are
# Invoke-WebRequest's aliases in Windows PowerShell): read as a shell script's (`shell_requests`).
_NATIVE_REQUESTS = {"curl.exe": "curl", "wget.exe": "wget"}
# `curl` and `wget` alone: Invoke-WebRequest in Windows PowerShell, the native programs in PowerShell 7, which
# dropped the aliases. Which one a script means is told by its arguments (see `_binds_as_web_request`).
_REQUEST_ALIASES = frozenset({"curl", "wget"})


def _native_list(value: Value, part: Node) -> str | None:
    """The one argument a native command gets from an array written in its place (`'front','back'`): its
    strings joined by commas, where the script states them all; None otherwise (an array a variable or
    `@(...)` holds is passed as an argument per item)."""
    items, complete = texts(value)
    written = part.type == "array_literal_expression" and len(_named(part)) > 1
    if not written or not isinstance(value, Items) or not complete:
        return None
    return ",".join(item.value for item in items)


def _after(parts: list[Node], skip: int) -> list[Node]:
    """The elements of a command past its first `skip` (separators aside)."""
    if not skip:
        return parts
    seen = 0
    for index, part in enumerate(parts):
        if part.type != "command_argument_sep":
            seen += 1
            if seen == skip:
                return parts[index + 1 :]
    return []


# The Azure CLI, as a script runs it (`az`, `az.cmd` on Windows).
_AZ = frozenset({"az", "az.cmd"})


def _is_cli(program: str) -> bool:
    """Whether a program a script starts is the classic CLI: `azure` or `azure.cmd`, in any folder."""
    name = program.strip().strip('"').replace("\\", "/").rsplit("/", 1)[-1]
    return name.casefold() in ("azure", "azure.cmd")


def _command_line(value: Value) -> str:
    """The command line a program is started with: a string as it is, an array's items joined with blanks
    (as Start-Process joins them), each piece the script does not state as `automation.HOLE` (its shape
    where it is built from pieces that are partly known)."""
    items = value.values if isinstance(value, Items) else (value,)
    pieces = []
    for item in items:
        if isinstance(item, Text):
            pieces.append(item.value)
        elif isinstance(item, Unknown) and item.shape is not None:
            pieces.append(item.shape)
        else:
            pieces.append(automation.HOLE)
    return " ".join(pieces)


# What cmd.exe, which runs `azure.cmd`, reads before the CLI does: a word holding one is not known.
_CMD_SPECIAL = frozenset("%^&|<>")


def _windows_words(line: str, at: Mark) -> list[xplat.Word]:
    """A command line split into the arguments a program gets on Windows (the C runtime's rules: blanks
    part words outside double quotes; a backslash escapes a double quote, 2n backslashes before one are n
    backslashes), each shown at `at`. A word holding a piece the script does not state, or a character
    cmd.exe reads before the CLI (`%`, `^`, `&`, ...), or a single quote (which quotes nothing there, as a
    script meant otherwise most likely) is not known."""
    words: list[xplat.Word] = []
    current: list[str] = []
    started = quoted = False
    index = 0
    while index < len(line):
        char = line[index]
        if char == "\\":
            run = 1
            while line[index + run : index + run + 1] == "\\":
                run += 1
            if line[index + run : index + run + 1] == '"':
                current.append("\\" * (run // 2) + ('"' if run % 2 else ""))
                quoted ^= run % 2 == 0
                index += run + 1
            else:
                current.append("\\" * run)
                index += run
            started = True
            continue
        if char == '"':
            quoted, started = not quoted, True
        elif char in " \t" and not quoted:
            if started:
                words.append(_windows_word("".join(current), at))
            current, started = [], False
        else:
            current.append(char)
            started = True
        index += 1
    if started:
        words.append(_windows_word("".join(current), at))
    return words


def _windows_word(text: str, at: Mark) -> xplat.Word:
    unsure = automation.HOLE in text or "'" in text or not _CMD_SPECIAL.isdisjoint(text)
    return xplat.Word(None if unsure else text, at)


def _glued(before: xplat.Word, glue: str, after: xplat.Word) -> xplat.Word:
    """The one argument a native command gets from elements written with no space between (`front,back`:
    PowerShell passes an array literal so written as its text): the texts together, where the script
    states both. A long option glued to a value the script does not state (`--virtual-network-name=$vnet`)
    is that option given such a value, as `-w $vnet` is."""
    if before.text is not None and after.text is None and glue == "=" and before.text.startswith("--"):
        return xplat.Word(None, before.mark, shape=f"{before.text}={xplat.HOLE}", holes=(None,))
    if before.text is None or after.text is None:
        return xplat.Word(None, before.mark)
    text = before.text
    if not glue and text.endswith("`"):  # front`,back: an escaped comma, written as it is
        text = text[:-1]
    exact = before.exact and after.exact and glue == ","
    return xplat.Word(text + glue + after.text, before.mark, exact=exact)


def _word_as_string(word: str) -> Node | None:
    """A bare word's text read as a double-quoted string, from a tree of its own: the string, if the
    grammar reads it whole, with no code but variables in it."""
    source = b'"' + word.encode("utf-8", "surrogatepass") + b'"'
    root = _parser().parse(source).root_node
    node = root
    while node.type != "expandable_string_literal" and node.named_child_count == 1:
        node = node.named_children[0]
    if (
        root.has_error
        or node.type != "expandable_string_literal"
        or node.end_byte - node.start_byte != len(source)
        or any(part.type != "variable" for part in _named(node))
    ):
        return None
    return node


@functools.cache
def _parser_in_place() -> Parser:
    """A parser of its own for `_word_as_string_in_place`, whose ranges change with each word read."""
    import tree_sitter

    return tree_sitter.Parser(_language())


def _word_as_string_in_place(source: bytes, word: Node) -> Node | None:
    """A bare word read as a double-quoted string, as `_word_as_string` reads it, in a tree whose every
    node is where the script writes it: the code of its `$( … )` runs, and is marked, where it is written.
    Only the word is parsed (from the character before it, read as the opening quote), so the cost is the
    word's. None for a word that starts a line, or that the grammar does not read as one string with no
    quote or `<` between its variables and subexpressions."""
    start, end = word.start_byte, word.end_byte
    row, column = word.start_point
    if column == 0:
        return None
    import tree_sitter

    quoted = b'"' + source[start:end] + b'"'
    base, after = start - 1, start - 1 + len(quoted)
    parser = _parser_in_place()
    parser.included_ranges = [
        tree_sitter.Range((row, column - 1), (row, column + len(quoted) - 1), base, after)
    ]
    root = parser.parse(lambda offset, _point: quoted[offset - base :] if offset >= base else b"").root_node
    node = root
    while node.type != "expandable_string_literal" and node.named_child_count == 1:
        node = node.named_children[0]
    if root.has_error or node.type != "expandable_string_literal" or node.start_byte != base:
        return None
    if node.end_byte != after:
        return None
    at = start
    for part in _named(node):
        if part.type not in ("variable", "sub_expression") or _quoted_or_markup(source[at : part.start_byte]):
            return None
        at = part.end_byte
    return None if _quoted_or_markup(source[at:end]) else node


def _quoted_or_markup(literal: bytes) -> bool:
    return any(c in literal for c in b"'\"<")


def _unescaped(word: str) -> str:
    """A bare word's text with each character a backtick escapes written as itself."""
    out: list[str] = []
    escaping = False
    for char in word:
        if char == "`" and not escaping:
            escaping = True
            continue
        out.append(char)
        escaping = False
    return "".join(out)


def texts(value: Value) -> tuple[list[Text], bool]:
    """The strings a value holds (an array's items), and whether they are all the value says."""
    items = value.values if isinstance(value, Items) else (value,)
    found = [v for v in items if isinstance(v, Text)]
    return found, len(found) == len(items)


class Env:
    """Variables of one scope on one path: a child holds what a branch changes, over its parent. A
    function's scope run at a call (`called`) sits over the caller's, whose variables it does not see: only
    what the reader keeps of the VM configurations (keys that start with NUL) is looked up through it. The
    scope of a unit of code run on its own (an InlineScript, a script block) has `using`: the scope it is
    written in, where its `$using:x` reads `$x`."""

    __slots__ = ("called", "constants", "depth", "loop", "parent", "using", "vars")

    def __init__(self, parent: Env | None = None, constants: dict[str, Value] | None = None) -> None:
        self.parent = parent
        # A loop body: (index, its node): a variable the loop assigns may hold a value from an earlier
        # round, so until this round assigns it, it reads as unknown.
        self.loop: tuple[SyntaxIndex, Node] | None = None
        self.depth: int = parent.depth + 1 if parent is not None else 1
        self.called = False
        self.using: Env | None = None
        self.vars: dict[str, Value] = {}
        inherited: dict[str, Value] = parent.constants if parent is not None else {}
        self.constants: dict[str, Value] = constants if constants is not None else inherited

    def lookup(self, key: str) -> Value | None:
        env: Env | None = self
        while env is not None:
            if key in env.vars:
                return env.vars[key]
            if env.loop is not None:
                index, node = env.loop
                if index.changes(key, node.start_byte, node.end_byte):
                    return Unknown("$" + key, ("loop", node.id, key))
            if env.called and not key.startswith("\0"):
                break
            env = env.parent
        return self.constants.get(key)

    def child(self) -> Env:
        return Env(self)

    def lookup_outside(self, key: str) -> Value | None:
        """`key` as the callers of the function whose scope this is see it, innermost first (a function's
        scope reads its caller's variables); None when none of them assigns it, or outside any call."""
        env: Env | None = self
        while env is not None:
            while env is not None and not env.called:
                env = env.parent
            if env is None or env.parent is None:
                return None
            value = env.parent.lookup(key)
            if value is not None:
                return value
            env = env.parent
        return None

    def arguments(self) -> Value | None:
        """`$args` here: the arguments given to no parameter of the function or script block being run at
        a call (see `Interpreter._run_call`); None in code that no call the reader runs, such as a script
        block read where it is written, whose `$args` are its own."""
        env: Env | None = self
        while env is not None:
            if env.called or env.using is not None:
                return env.vars.get("args")
            env = env.parent
        return None

    def outside_units(self, top: Env | None = None) -> bool:
        """Whether the code here runs in the scope `top` (None: the outermost) is read in, not in a
        function run at a call nor in a unit of its own (a script block) within it."""
        env: Env | None = self
        while env is not None and env is not top:
            if env.called or env.using is not None:
                return False
            env = env.parent
        return env is top

    def lookup_using(self, key: str) -> Value | None:
        """`$using:x`: `$x` of the scope the innermost unit of its own around here is written in; outside
        any, the variable itself."""
        env: Env | None = self
        while env is not None:
            if env.using is not None:
                return env.using.lookup(key)
            if env.called:  # a function's scope: a unit around the call is not around its code
                break
            env = env.parent
        return self.lookup(key)

    def merge(
        self,
        branches: list[Env],
        complete: bool,
        spend: Callable[[int], None],
        past: dict[str, Value] | None = None,
    ) -> None:
        """Join branches back: `complete` when one of them always runs (an `if` with an `else`); `past`, what
        variables hold where none runs, when the tests passed over tell more than before them (see
        `_set_past`). The work (every value looked up through the chain) is paid for before it is done."""
        keys = dict.fromkeys(key for branch in branches for key in branch.vars)
        spend(len(keys) * (len(branches) + 1) * self.depth)
        for key in keys:
            values = [b.lookup(key) for b in branches]
            if not complete:
                values.append(past[key] if past and key in past else self.lookup(key))
            result = values[0] if values[0] is not None else NULL
            for value in values[1:]:
                result = join(result, value if value is not None else NULL)
            self.vars[key] = result


# --- objects the script builds ----------------------------------------------------------------------------


@dataclass(eq=False, slots=True)
class Event:  # compared by identity: one change, made once
    """One change a cmdlet makes to a VM configuration, in execution order."""

    kind: str
    mark: Mark
    data: dict[str, Any]


@dataclass(slots=True)
class VmObject:
    """A VM configuration: made by New-AzureVMConfig, or an existing VM got with Get-AzureVM. What is
    done to it is path by path, in the environment (`VmState` under `key`)."""

    mark: Mark
    name: Value
    existing: tuple[Value, Value] | None  # (cloud service, VM name) of Get-AzureVM
    name_at: Mark | None = None  # where the name is written
    key: str = ""
    escaped: bool = False  # passed to code the reader cannot follow, which may change it
    every: bool = False  # every VM of the cloud service (`Get-AzureVM -ServiceName` without `-Name`)
    # Each VM of that name, in whichever cloud service (`Get-AzureVM | Where-Object Name -eq x`): its
    # service is one the script does not state (see `Deployment.service_by_vm_name`).
    by_name: bool = False
    branches: tuple[tuple[str, int], ...] | None = ()  # where it is made (see `Interpreter.branches`)
    # Read from an Export-AzureVM file (`Import-AzureVM`): the VM that file describes, which the reader
    # does not see, with what the script does to it; its name says which file, when the script states it,
    # or, for a file the script itself exports, is the name of the VM exported, and `from_file` the file's.
    imported: bool = False
    from_file: str = ""


@dataclass(slots=True)
class AclObject:
    """An ACL configuration: the rules known to be in it, and whether they are all of them. One read from
    a VM (`Get-AzureAclConfig`) holds the VM's rules, which the script does not know: `read_from` is the VM
    and endpoint it names (case-folded) when it surely states both, and `removed_ids` the RuleIds of those
    rules it surely removes (`Set-AzureAclConfig -RemoveRule -RuleId`); `rules` are those it adds."""

    rules: list[AclRule] = field(default_factory=list)
    exact: bool = True
    read_from: tuple[str, str] | None = None
    removed_ids: list[int] = field(default_factory=list)
    # The path it was made on (see `Interpreter._path_here`): a rule added on that very path is added each
    # time it is made, even in code that may not run (a function nothing in the file calls).
    made_on: object = None


# --- arguments ------------------------------------------------------------------------------------------

_DASHES = ("-", "\u2013", "\u2014", "\u2015")  # PowerShell takes the en dash, em dash and bar as a dash


@dataclass(slots=True)
class Arg:
    value: Value
    node: Node | None  # where the value is written
    certain: bool = True
    items: tuple[Node, ...] = ()  # a list written as several arguments (`FrontEnd, BackEnd`): its items
    # Where the value is written when `node` is not there: a splatted table literal's entry (`node` is the
    # `@table` of the call).
    at: Mark | None = None

    @property
    def text(self) -> str:
        return self.value.value if isinstance(self.value, Text) else ""


@dataclass(slots=True)
class Args:
    bound: dict[str, Arg] = field(default_factory=dict)
    opaque: bool = False  # splatted from a table the reader cannot see: any parameter may be given
    values: list[Value] = field(default_factory=list)  # every argument, for what escapes into the call
    resource_group: bool = False  # a -ResourceGroupName argument: a Resource Manager call

    def get(self, name: str) -> Arg | None:
        return self.bound.get(name)

    def given(self, name: str) -> bool | None:
        """True/False when the script certainly does or does not pass the parameter; None otherwise."""
        arg = self.bound.get(name)
        if arg is not None:
            return True if arg.certain else None
        return None if self.opaque else False

    def switch(self, name: str) -> bool | None:
        """A switch's value: True, False, or None when it is not knowable."""
        arg = self.bound.get(name)
        if arg is None:
            return None if self.opaque else False
        if not arg.certain:
            return None
        if isinstance(arg.value, Flag):
            return arg.value.value
        return (
            None if not isinstance(arg.value, Text) else arg.value.value.casefold() not in ("", "0", "false")
        )


@functools.cache
def _names_of(key: str) -> tuple[dict[str, str], dict[str, str]]:
    """A spec's parameters and aliases by case-folded name, for prefix matching."""
    spec = _spec_of(key)
    return {n.casefold(): n for n in spec.names}, {a.casefold(): t for a, t in spec.aliases.items()}


_GENERIC = cmdlets._spec("", loose=True)
_NEW_OBJECT = cmdlets._spec("TypeName:0 ArgumentList:1 ComObject Property Strict!")
_WRITE_OUTPUT_SPEC = cmdlets._spec("InputObject:0 NoEnumerate!")
_WRITE_OUTPUT = frozenset({"write-output", "write", "echo"})  # and its aliases
# Invoke-Expression and its alias, which run a command line given as a string (see `_expression_run`).
_INVOKE_EXPRESSION = frozenset({"invoke-expression", "iex"})
_INVOKE_EXPRESSION_SPEC = cmdlets._spec("Command:0")
# The cmdlets that start a runbook of an Automation account as a job (classic, AzureRM, Az), and what they
# are given: the runbook's name and a table of its parameters' values (see `Interpreter._runbook_started`).
# Each binds by position as its source declares: the classic cmdlet the account (0) then the runbook (1),
# AzureRM's and Az's the resource group (0), the account (1) then the runbook (2), so that the name a start
# gives with no parameter name (`Start-AzureAutomationRunbook New-VM -AutomationAccountName ops`) is the
# runbook's where PowerShell binds it there.
_RUNBOOK_STARTS = frozenset(
    {"start-azureautomationrunbook", "start-azurermautomationrunbook", "start-azautomationrunbook"}
)
_CLASSIC_RUNBOOK_START_SPEC = cmdlets._spec(
    "AutomationAccountName:0 Name:1 Parameters Id RunOn",
    aliases={"RunbookName": "Name", "HybridWorker": "RunOn"},
)
_RUNBOOK_START_SPEC = cmdlets._spec(
    "ResourceGroupName:0 AutomationAccountName:1 Name:2 Parameters RunOn MaxWaitSeconds Wait!",
    aliases={"RunbookName": "Name", "JobParameters": "Parameters", "HybridWorker": "RunOn"},
)
# The most files of one folder read for the runbooks they define (see `Interpreter._runbooks_beside`): past
# it, a runbook is found by its file's name alone, so that a folder of many scripts is not read again for
# each of them.
_MAX_RUNBOOK_FILES = 200
# The Az module's `New-AzCloudService` (Az.CloudService), which creates a cloud service of extended support:
# its parameters, so that abbreviations bind as PowerShell binds them. It binds nothing by position.
_NEW_CLOUD_SERVICE = "new-azcloudservice"
# The cmdlets that peer a Resource Manager network with another, a classic one too (Az.Network, AzureRM).
_PEERINGS = frozenset({"add-azvirtualnetworkpeering", "add-azurermvirtualnetworkpeering"})
# The cmdlets that turn on Azure Backup for a VM, a classic one with `-ServiceName`, by their names as the
# modules spell them (Az.RecoveryServices, AzureRM.RecoveryServices.Backup).
_BACKUP_PROTECTION = {
    name.casefold(): name
    for name in (
        "Enable-AzRecoveryServicesBackupProtection",
        "Enable-AzureRmRecoveryServicesBackupProtection",
    )
}
# How sure a call is to run (`ClassicCall.runs`), surer higher: a call recorded again keeps the surer.
_RUNS_SURER = {NEVER_RUNS: 0, UNCALLED_RUNS: 0, MAYBE_RUNS: 1, "": 2}
# The cmdlets that save a Resource Manager ExpressRoute circuit object (see `Interpreter._circuit_saved`).
# What tells a configuration Import-AzureVM reads from a file the script names (see `_import_vm`).
_IMPORTED = "imported"
# The commands that list the files of a folder (Get-ChildItem and its aliases): a script that imports each
# Export-AzureVM file of a folder lists them with one (see `Interpreter._listing`).
_LISTINGS = frozenset({"get-childitem", "gci", "dir", "ls"})
_LISTING_SPEC = cmdlets._spec(
    "Path:0 Filter:1 LiteralPath Include Exclude Depth Attributes Recurse! File! Force! Name! Directory!"
)
# What tells the files a listing of a pattern (`"$PSScriptRoot\*.xml"`) gives, each one, and the full path of
# each (`$_.FullName`), from any other value (see `_listed_files`).
_LISTED = "listed"
_LISTED_PATHS = frozenset({"fullname", "pspath"})


def _listed_files(value: Value | None) -> str:
    """The pattern of file names a listing gives (`*.xml`), for one of its files or its full path."""
    ident = value.ident if isinstance(value, Unknown) else None
    return ident[1] if isinstance(ident, tuple) and len(ident) == 2 and ident[0] == _LISTED else ""


def _imported_file(value: Value) -> str:
    """The name of the Export-AzureVM file a configuration is imported from, when the script states it."""
    ident = value.ident if isinstance(value, Unknown) else None
    return ident[1] if isinstance(ident, tuple) and len(ident) == 2 and ident[0] == _IMPORTED else ""


_CIRCUIT_SAVES = frozenset({"set-azexpressroutecircuit", "set-azurermexpressroutecircuit"})
# The cmdlets that move a classic ExpressRoute circuit to Resource Manager, by its `-ServiceKey` (see
# `Interpreter._circuit_moved`), as their documentation spells them.
# Resource Manager's calls that create a resource of any type (see `_classic_type_created`), by key.
_RESOURCE_CREATES = {name.casefold(): name for name in automation.RESOURCE_CREATES["PowerShell"]}
_CIRCUIT_MOVES = {
    "move-azexpressroutecircuit": "Move-AzExpressRouteCircuit",
    "move-azurermexpressroutecircuit": "Move-AzureRmExpressRouteCircuit",
}
_NEW_CLOUD_SERVICE_SPEC = cmdlets._spec(
    "Name ResourceGroupName Location SubscriptionId ConfigurationFile DefinitionFile PackageFile StorageAccount "
    "KeyVaultName Configuration ConfigurationUrl PackageUrl ExtensionProfile NetworkProfile OSProfile "
    "RoleProfile UpgradeMode Tag Zone DefaultProfile AllowModelOverride! StartCloudService! AsJob! NoWait!",
    aliases={"CloudServiceName": "Name"},
)


# What describes one role of such a service, which a script passes in its `-RoleProfile`, alone, in an
# array, or as the `role` of a table (`@{role = @($web, $worker)}`).
_NEW_CLOUD_SERVICE_ROLE = "new-azcloudserviceroleprofilepropertiesobject"
_NEW_CLOUD_SERVICE_ROLE_SPEC = cmdlets._spec("Name SkuCapacity SkuName SkuTier")


def _spec_of(key: str) -> cmdlets.Spec:
    if key in cmdlets.SPECS:
        return cmdlets.SPECS[key]
    if key in cmdlets.PROCESS_STARTERS:
        return cmdlets.START_PROCESS_SPEC
    if key == "new-object":
        return _NEW_OBJECT
    if key in _WRITE_OUTPUT:
        return _WRITE_OUTPUT_SPEC
    if key in _INVOKE_EXPRESSION:
        return _INVOKE_EXPRESSION_SPEC
    if key == "start-azureautomationrunbook":
        return _CLASSIC_RUNBOOK_START_SPEC
    if key in _RUNBOOK_STARTS:
        return _RUNBOOK_START_SPEC
    if key == _NEW_CLOUD_SERVICE:
        return _NEW_CLOUD_SERVICE_SPEC
    if key == _NEW_CLOUD_SERVICE_ROLE:
        return _NEW_CLOUD_SERVICE_ROLE_SPEC
    if key in cmdlets.WEB_REQUESTS:
        return cmdlets.WEB_REQUEST_SPEC
    if key in cmdlets.FILE_WRITE_SPECS:
        return cmdlets.FILE_WRITE_SPECS[key]
    if key in cmdlets.FILE_READS:
        return cmdlets.FILE_READ_SPEC
    if key in cmdlets.FILE_COPY_SPECS:
        return cmdlets.FILE_COPY_SPECS[key]
    if key in cmdlets.BLOCK_RUNNERS:
        return cmdlets.BLOCK_RUNNERS[key].spec
    if key in _LISTINGS:
        return _LISTING_SPEC
    return cmdlets.FILTER_SPEC if key in cmdlets.VM_FILTERS else _GENERIC


def _resolve(key: str, written: str) -> str | None:
    """The parameter an abbreviation names (PowerShell takes any unambiguous prefix), or None."""
    names, aliases = _names_of(key)
    wanted = written.casefold()
    if wanted in names:
        return names[wanted]
    if wanted in aliases:
        return aliases[wanted]
    found = {n for k, n in names.items() if k.startswith(wanted)}
    found |= {t for k, t in aliases.items() if k.startswith(wanted)}
    return found.pop() if len(found) == 1 else None


def _binds_as_web_request(node: Node) -> bool:
    """Whether `curl ...` or `wget ...` is Invoke-WebRequest by its arguments: each parameter it is given
    names one of Invoke-WebRequest's (`curl -Uri $u -Method Put -Body $b`), as Windows PowerShell binds it;
    one that names none (`-X`, `--data`, `-d`, which Invoke-WebRequest refuses) is the native program's, as
    PowerShell 7 runs it."""
    parts = _command_parts(node.child_by_field_name("command_elements"))
    named = (parameter[0] for part in parts if (parameter := _parameter(part)) is not None)
    return all(_resolve("invoke-webrequest", name) is not None for name in named)


def _parameter(node: Node) -> tuple[str, str | None] | None:
    """(name, value written in the same token) when the element is a parameter: `-Name`, and the
    same written with an en dash, which the grammar reads as a bare word (`\u2013Name`, `\u2013Name:value`)."""
    kind = node.type  # read once, and the text only of the two kinds that may be one (each crosses into C)
    if kind == "command_parameter":
        return _text(node)[1:].rstrip(":"), None
    if kind != "generic_token":
        return None
    text = _text(node)
    if text.startswith(_DASHES) and len(text) > 1 and text[1].isalpha():
        name, colon, value = text[1:].partition(":")
        return name, (value if colon else None)
    return None


def _failing_move(key: str, step: str, args: Args) -> tuple[str, str]:
    """Why PowerShell refuses a migration step as the script writes it, before it reaches the platform, and
    what to change in that call (`MigrationStep.fails`, `MigrationStep.fails_fix`); ("", "") when it may run.
    A parameter the cmdlet does not have (`-DestinationVNetName`), or the start of more than one of its
    names, fails any call; Move-AzureService's Validate and Prepare need -CreateNewVirtualNetwork or
    -UseExistingVirtualNetwork, the switch that picks its parameter set."""
    if args.opaque:  # splatted from a table the reader cannot see: any parameter may be given
        return "", ""
    cmdlet, call = cmdlets.canonical(key), f"this {step.capitalize()}"
    names, aliases = _names_of(key)
    unknown = [name for name in args.bound if name.casefold() not in names]
    ambiguous = [name for name in unknown if _starts_several(name, names, aliases)]
    if ambiguous:
        name = ambiguous[0]
        return (
            f'-{name} is the start of more than one parameter of {cmdlet} (PowerShell: "Parameter cannot be '
            f"processed because the parameter name '{name}' is ambiguous\")",
            f"Write -{name} in full in {call}: the name of the parameter it means. {_PLAN_PRINTS}",
        )
    if unknown:
        removed = " and ".join(f"-{name}" for name in unknown)
        _, parameter = cmdlets.MIGRATION[key]
        return (
            f'{cmdlet} has no parameter -{unknown[0]} (PowerShell: "A parameter cannot be found that matches '
            f"parameter name '{unknown[0]}'\")",
            f"Remove {removed} from {call}: {cmdlet} has no such parameter, and names what it migrates with "
            f"-{parameter} alone. {_PLAN_PRINTS}",
        )
    if key != "move-azureservice" or step not in ("validate", "prepare"):
        return "", ""
    if args.switch("CreateNewVirtualNetwork") is False and args.switch("UseExistingVirtualNetwork") is False:
        return (
            f"its {step.capitalize()} is given neither -CreateNewVirtualNetwork nor -UseExistingVirtualNetwork, "
            'one of which it needs (PowerShell: "Parameter set cannot be resolved")',
            f"Add -CreateNewVirtualNetwork to {call} (the platform creates a virtual network for the cloud "
            "service's VMs), or -UseExistingVirtualNetwork with -VirtualNetworkResourceGroupName, "
            "-VirtualNetworkName and -SubnetName (a Resource Manager network that exists); give its Validate "
            "and Prepare the same one. A cloud service whose VMs are in a classic virtual network migrates with "
            f"the network instead (Move-AzureVirtualNetwork). {_PLAN_PRINTS}",
        )
    return "", ""


_PLAN_PRINTS = "`migcheck plan` prints each step's commands."


def _starts_several(written: str, names: dict[str, str], aliases: dict[str, str]) -> bool:
    """Whether a parameter name is the start of more than one of a cmdlet's names (PowerShell refuses it)."""
    wanted = written.casefold()
    found = {n for k, n in names.items() if k.startswith(wanted)}
    found |= {t for k, t in aliases.items() if k.startswith(wanted)}
    return len(found) > 1


def _previewed(args: Args) -> bool | None:
    """Whether a call is given `-WhatIf` (or `-WhatIf:$true`), which makes a cmdlet say what it would do
    and do none of it; None when given a value the reader does not know. A table splatted into the call
    whose keys the reader cannot see is not read as giving it: a preview is asked for in so many words."""
    return args.switch("WhatIf") if "WhatIf" in args.bound else False


def _surely_ran_before(part: tuple[Any, ...], here: tuple[Any, ...]) -> bool:
    """Whether the code of `part` surely ran before the code at `here` (see `Interpreter._part_here`),
    run in another call, where both meet in the call they share (the common start of their call stacks):
    `part` on no branch of its own call (`maybe` none), and no call that may not run between that shared
    call and either of them (`maybe_calls` as it was there). A workflow that creates a cloud service then
    starts a runbook that creates its VMs runs the runbook wherever it created the service; so does one
    whose child runbook created the service and returned before the start."""
    shared = 0
    for part_call, here_call in zip(part[0], here[0], strict=False):
        if part_call != here_call:
            break
        shared += 1
    return part[3] == 0 and part[4] == _doubts_in(part, shared) == _doubts_in(here, shared) == here[4]


def _doubts_in(part: tuple[Any, ...], depth: int) -> int:
    """The calls that may not run around the code of `part` (see `Interpreter._part_here`) as they were
    in the call `depth` deep of its call stack: where it made the next call, or where `part` is."""
    return part[5][depth] if depth < len(part[5]) else part[4]


def _bare_preview(key: str, command: Node) -> bool:
    """Whether a call is written with `-WhatIf` and no value after a colon, read from the syntax alone: a
    value after a colon is not read, and may be `$false`."""
    parts = _command_parts(command.child_by_field_name("command_elements"))
    for at, part in enumerate(parts):
        parameter = _parameter(part)
        if parameter is None or (_resolve(key, parameter[0]) or parameter[0]) != "WhatIf":
            continue
        valued = parameter[1] is not None or (at + 1 < len(parts) and _text(parts[at + 1]).strip() == ":")
        if not valued:
            return True
    return False


def _package_path(script: str, arg: Arg | None) -> str:
    """The path of the file an argument names, taken from the script's folder, as a display path like the
    script's: "" unless the script states a relative path."""
    written = arg.text.strip().replace("\\", "/") if arg is not None and arg.certain else ""
    if not written or written.startswith("/") or ":" in written:  # none, or absolute: not in these files
        return ""
    return posixpath.normpath(posixpath.join(posixpath.dirname(script), written))


def _given_resource_group(command: Node) -> bool:
    """Whether a call is written with `-ResourceGroupName` (or a prefix of it that names no other)."""
    elements = command.child_by_field_name("command_elements")
    parameters = map(_parameter, elements.children if elements is not None else ())
    return any(p is not None and _is_resource_group(p[0]) for p in parameters)


def _started_in_resource_manager_mode(index: SyntaxIndex) -> bool:
    """Whether the script runs in the Resource Manager mode of Azure PowerShell 0.9 before any
    `Switch-AzureMode` it makes: it shows so (`SyntaxIndex.resource_manager_shown`) before the first
    switch, or makes none. A session is in one mode at a time, so such a script's `Get-AzureVM` with no
    `-ResourceGroupName` lists Resource Manager VMs too."""
    shown = index.resource_manager_shown
    first_switch = min((n.start_byte for n in index.mode_switches), default=None)
    return shown is not None and (first_switch is None or shown < first_switch)


def _is_resource_group(written: str) -> bool:
    name = written.casefold()
    return len(name) >= len("resourcegroup") and "resourcegroupname".startswith(name)


# --- drafts of what the script creates --------------------------------------------------------------------


@dataclass(slots=True)
class RoleDraft:
    """One role of a deployment: a VM (from one or several configurations that branches may leave) or a
    web/worker role deployed from a package."""

    name: str
    mark: Mark
    base: str  # "new" | "existing" | "imported" | "opaque" | "package"
    variants: list[tuple[list[Event], bool]] = field(default_factory=list)  # (events, escaped)
    kind_evidence: str = ""
    every: bool = False  # every VM of the cloud service (see `VmObject.every`)
    # The branches it is created on (see `Role.branches`): those every command creating it is on; None
    # before one has, and where code that may run several times creates it.
    branches: tuple[tuple[str, int], ...] | None = None
    created: bool = False
    imported_from: str = ""  # the Export-AzureVM file it is created from (see `Role.imported_from`)
    looped_over: str = ""  # the list of a loop it is created in each round of (see `Role.looped_over`)
    # The statement whose command created it, and the selection of the script it is in (see `_remove`).
    created_by: Node | None = None
    selection: int = 0

    def add(self, variants: list[tuple[list[Event], bool]]) -> None:
        """More descriptions of the VM (another command creating it): kept up to `_MAX_VARIANTS`."""
        for variant in variants:
            if len(self.variants) < _MAX_VARIANTS and variant not in self.variants:
                self.variants.append(variant)

    def created_on(self, branches: tuple[tuple[str, int], ...] | None) -> None:
        """One more command creates it, on `branches` (None: in code that may run several times)."""
        if not self.created:
            self.created, self.branches = True, branches
        elif self.branches is not None:
            self.branches = common_branches(self.branches, branches) if branches is not None else None


@dataclass(slots=True)
class DeploymentDraft:
    service: str
    name: str
    mark: Mark
    slot: str = "Production"
    slot_sure: bool = True  # False once a swap (Move-AzureDeployment) that may not run was read
    configuration_file: str = ""  # the .cscfg a package deployment names (`Deployment.configuration_file`)
    # The list of a loop whose item names the service it is in (see `Deployment.service_looped_over`).
    service_looped_over: str = ""
    vnet: NameRef | None = None
    network_known: bool = False
    placed: bool = False  # a VM-creating command has said where the deployment is
    # The first VM-creating command for it may add VMs to a deployment that exists (see `_creates_deployment`):
    # one that may hold VMs no file describes (`Deployment.partly_described`).
    joins_existing: bool = False
    placed_on: tuple[tuple[str, int], ...] | None = None  # the branches that command is on (see `_apart`)
    # Those branches within the code being read, even in a function read once (see `_apart_in_one_read`).
    placed_within: tuple[tuple[str, int], ...] | None = None
    # The statement (of a statement list) of the command that placed it and surely creates it (see
    # `_own_statement`, `Interpreter._with_its_creation`); None when no command of the script surely does.
    created_by: Node | None = None
    # Where a command creates the deployment in no virtual network on a path that never runs with one that
    # names `vnet` or passes a network the script does not state (see `_placed_either_way`), or passes a
    # value that is $null on some path: its VMs may be in none.
    outside_network_at: Mark | None = None
    # The command that placed it first names no virtual network (no -VNetName): on its path the deployment
    # is in none, or in whatever network one it joins has, never surely in one another path names.
    placed_unnamed: bool = False
    # That command names -Location or -AffinityGroup: it creates the cloud service (see `_placed_either_way`).
    placed_creating_service: bool = False
    reserved_ip: NameRef | None = None
    # The value (`Unknown.ident`) that names the reserved IP when the script does not state its name.
    reserved_by: object = None
    reserved_ip_unknown: bool = False  # a call passes a reserved IP name the script does not state
    # The reserved IPs calls that may not run give it, or take off it (True), each with that call: while
    # whether its VIP is reserved is not known, it may be one of them (see `Interpreter._maybe_vips`).
    maybe_reserved: list[tuple[NameRef, bool]] = field(default_factory=list)
    # The reserved IPs on its other virtual IPs (`-VirtualIPName`), by the VIP's name: each is that VIP's,
    # not the default one's, as a REST body's `VirtualIPs` say (`NameRef.virtual_ip`).
    vip_reserved: dict[str, NameRef] = field(default_factory=dict)
    roles: dict[object, RoleDraft] = field(default_factory=dict)
    # The VM stand-ins given (see `_vm_stand_in`), each with where its first VM is named and how many.
    stand_ins: dict[str, tuple[Mark, int]] = field(default_factory=dict)
    # The keys of the VMs the script creates here under names it does not state, in the order it creates
    # them: a later change of a VM it names may be of one of them (see `Interpreter._named_by_update`).
    unnamed: list[object] = field(default_factory=list)
    # The roles REST bodies the script sends describe here, each with the facts it changes when it updates
    # a VM (None when it describes one it adds), once each (see `Interpreter._rest_body`).
    bodies: dict[int, tuple[Role, frozenset[str] | None]] = field(default_factory=dict)
    # The state the script leaves a VM in (`StoppedVM`, `StoppedDeallocated`), by its key, with the call that
    # does: as a REST body's `InstanceStatus` says it (see `Interpreter._power`).
    states: dict[object, tuple[str, Mark]] = field(default_factory=dict)
    # The internal load balancers the script adds to it (`Add-AzureInternalLoadBalancer`).
    balancers: list[InternalLoadBalancer] = field(default_factory=list)
    # The virtual IPs the script adds to it besides the default one (`Add-AzureVirtualIP`), by name.
    other_vips: dict[str, NameRef] = field(default_factory=dict)
    by_vm_name: bool = False  # of VMs picked by name alone out of every VM (see `VmObject.by_name`)
    read_once_in: str = ""  # the function whose read once created it (`Deployment.read_once_in`)
    selection: int = 0  # the selection of the script that created it (see `Interpreter.selection`)
    # The subscription the script had selected where the call that created it ran, as it names it (see
    # `Deployment.selected_in`).
    selected_in: str = ""

    # The data disks requests attach to its VMs (a Disk) and the LUNs they detach (a str), by VM name, in
    # the order the script sends them (see `Interpreter._body_data_disk`, `_with_disk_requests`).
    disk_requests: list[tuple[str, Disk | str, Mark]] = field(default_factory=list)

    def add_body(self, role: Role, updates: frozenset[str] | None) -> None:
        self.bodies.setdefault(id(role), (role, updates))


def _vm_stand_in(draft: DeploymentDraft, place: Mark) -> str:
    """The name shown for a VM of a deployment whose name the script does not state (see `_stand_in`),
    named at `place`: by its line; by line and column when another VM named elsewhere on that line has the
    line's; numbered when others are named at the same place (a function run at several calls, a loop
    walked item by item), in the order they are met: `<VM name, deploy.ps1:8, 2nd>`."""
    shown = _stand_in("VM name", place)
    first = draft.stand_ins.get(shown)
    if first is not None and (first[0].line, first[0].column) != (place.line, place.column):
        shown = _stand_in("VM name", place, column=True)  # two on one line
        first = draft.stand_ins.get(shown)
    if first is None:
        draft.stand_ins[shown] = (place, 1)
        return shown
    count = first[1] + 1
    draft.stand_ins[shown] = (first[0], count)
    return f"{shown[:-1]}, {_ordinal(count)}>"


def _ordinal(number: int) -> str:
    """`2nd`, `3rd`, `11th`, `21st`."""
    suffix = "th" if number % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


_HARMLESS = frozenset(
    name.casefold()
    for name in cmdlets.words(
        """Out-Null Out-String Out-Default Out-Host Out-File Write-Output Write-Host Write-Verbose Write-Debug
        Write-Warning Write-Information Select-Object Format-Table Format-List Tee-Object Sort-Object Where-Object
        Measure-Object Get-Member ConvertTo-Json"""
    )
)
# Commands that write nothing to the pipeline (but given -PassThru): a function that logs or writes a file
# before it returns a value outputs that value alone.
_OUTPUTS_NOTHING = frozenset(
    name.casefold()
    for name in cmdlets.words(
        """Out-Null Out-Host Out-Default Out-File Set-Content sc Write-Host Write-Verbose Write-Debug
        Write-Warning Write-Information Write-Progress"""
    )
)
# The stages a VM configuration pipeline may end in that pass no VM on (see `Interpreter._passed_on`): the
# classic cmdlets that take one and output something else, and those that output nothing whatever they get
# (`Set-Content -PassThru` outputs the content: not one of them).
_PASS_NO_VM_ON = cmdlets.PASS_NO_VM_ON | (_OUTPUTS_NOTHING - {"set-content", "sc"})
_LOOPING = frozenset({"foreach-object", "%", "foreach", "where-object", "?", "where"})
_FOR_EACH_ITEM = frozenset({"foreach-object", "%", "foreach"})
_WHERE = frozenset({"where-object", "?", "where"})
# What stands for the service key of a circuit the script finds by its name (see `CircuitMade`), beside
# "circuit" for one it creates.
_FOUND_CIRCUIT = "found circuit"
# The tests that pick a VM by its name out of every VM (`Get-AzureVM | Where-Object Name -eq x`): a
# VM's Name, InstanceName and RoleName are its name, and its ServiceName is its cloud service's.
_EQUALS = frozenset({"-eq", "-ieq", "-ceq"})
_VM_NAMES = frozenset({"name", "instancename", "rolename"})
# The verbs of the classic cmdlets that change what they name (see `_changes_resources`).
_CHANGING_VERBS = frozenset(
    cmdlets.words(
        "new set remove add update start stop restart reset resize save move publish enable disable"
    )
)
# The cmdlets that upload a network configuration, which changes every network of the subscription, and
# the nouns of the storage account cmdlets, which name the account by `-StorageAccountName`.
_UPLOADS_NETWORKS = frozenset({"set-azurevnetconfig", "remove-azurevnetconfig"})
_STORAGE_NOUNS = tuple(f"{verb}-azurestorage" for verb in _CHANGING_VERBS)
# The cmdlets that change a network security group (True) or route table (False), by the parameter that
# names it or takes the object Get-AzureNetworkSecurityGroup or Get-AzureRouteTable outputs: a Prepare of
# the group or table blocks its management-plane operations until Commit or Abort (deep dive).
_GROUP_OR_TABLE_CHANGES = {
    "set-azurenetworksecurityrule": (True, "NetworkSecurityGroup"),
    "remove-azurenetworksecurityrule": (True, "NetworkSecurityGroup"),
    "remove-azurenetworksecuritygroup": (True, "Name"),
    "set-azurenetworksecuritygrouptosubnet": (True, "Name"),
    "remove-azurenetworksecuritygroupfromsubnet": (True, "Name"),
    "set-azurenetworksecuritygroupassociation": (True, "Name"),
    "remove-azurenetworksecuritygroupassociation": (True, "Name"),
    "set-azureroute": (False, "RouteTable"),
    "remove-azureroute": (False, "RouteTable"),
    "remove-azureroutetable": (False, "Name"),
    "set-azuresubnetroutetable": (False, "RouteTableName"),
}
_READING = ("get-", "test-", "export-")  # classic cmdlets with these verbs read a VM object, never change it
_PACKAGE_EVIDENCE = {
    "new-azuredeployment": "deployed from a service package by New-AzureDeployment, and packages hold web "
    "and worker roles only",
    "set-azuredeployment": "upgraded from a service package by Set-AzureDeployment -Upgrade, and packages hold "
    "web and worker roles only",
    "set-azuredeployment-config": "its service configuration (.cscfg) is changed from a file by "
    "Set-AzureDeployment -Config, as a package's deployment is configured (a VM deployment's configuration "
    "is the platform's: its VMs are changed with the VM cmdlets)",
    "publish-azureserviceproject": "published by Publish-AzureServiceProject, which deploys web and worker "
    "roles only",
}
# The key, beside that of a cloud service's deployment, of its deployment in the other slot (see
# `Interpreter._in_stated_slot`).
_OTHER_SLOT = "other slot"

# A staging deployment is a package's: New-AzureVM and New-AzureQuickVM have no `-Slot`, so a VM deployment
# is the production one (see `Interpreter._staging_evidence`).
_SWAP_EVIDENCE = (
    "its staging and production deployments are swapped by Move-AzureDeployment, and only a package's "
    "deployment (web and worker roles) is ever in the staging slot"
)
_STAGING_EVIDENCE = (
    "its staging deployment is named by {cmdlet} -Slot Staging, and only a package's deployment (web and "
    "worker roles) is ever in the staging slot"
)
# The cmdlets that manage the extensions of a cloud service's roles, which only web and worker roles take.
_EXTENSION_EVIDENCE = {
    "set-azureservicediagnosticsextension": "given the diagnostics extension by "
    "Set-AzureServiceDiagnosticsExtension, which acts on web and worker roles only",
    "remove-azureservicediagnosticsextension": "its diagnostics extension is removed by "
    "Remove-AzureServiceDiagnosticsExtension, which acts on web and worker roles only",
    "set-azureserviceextension": "given an extension by Set-AzureServiceExtension, which acts on web and "
    "worker roles only",
    "set-azureserviceremotedesktopextension": "given the remote desktop extension by "
    "Set-AzureServiceRemoteDesktopExtension, which acts on web and worker roles only",
}
_MAX_DEPTH = 100  # nesting past this is read as code the reader does not follow (no deep recursion)
# The statements whose output is a value when they are assigned or sit in `@( … )` or `$( … )`.
_OUTPUT_STATEMENTS = (
    "foreach_statement",
    "for_statement",
    "while_statement",
    "do_statement",
    "if_statement",
    "switch_statement",
    "try_statement",
)
# The blocks and lists of statements: the statements in them are statements of their own.
_STATEMENT_LISTS = frozenset(
    (
        "statement_block",
        "statement_list",
        "script_block",
        "script_block_body",
        "named_block_list",
        "named_block",
    )
)
_MAX_ROUNDS = 64  # items of a list of constants a `foreach` walks one by one; a longer list is one round
_RANGE = re.compile(r"\s*(-?\d+)\.\.(-?\d+)\s*")  # `1..3` read as a command's name
_RANGE_END = re.compile(r"-?\d{1,9}")
_MAX_CALL_DEPTH = 8  # calls of the script's functions run one inside another; a deeper one is not run
_MAX_CALLS_RUN = 64  # calls of one function run with their values; the others are not
_OWN_ARGUMENTS = re.compile(r"[$@](?:args|psboundparameters|input)\b", re.IGNORECASE)
_SWITCH = re.compile(r"\[\s*(?:system\.management\.automation\.)?switch(?:parameter)?\s*\]", re.IGNORECASE)


class _Exhausted(Exception):
    """The script needs more work than its size warrants (a hostile input): read its calls only."""


class Interpreter:
    """Runs a script in the abstract: statements in order, values as far as the script states them."""

    def __init__(self, path: str, index: SyntaxIndex, where: Positions, on_defaults: bool = False) -> None:
        self.path = path
        self.xplat_reading = xplat.Reading(path)  # what the classic CLI's commands describe
        self.index = index
        self.where = where
        # The variables that held the script's own folder (`SyntaxIndex.script_folders`) a file dot-sourced
        # so far may have set: those a settings file read sets, or None for all, once a file not read is.
        self.folders_lost: set[str] | None = set()
        # The variables a file dot-sourced so far sets to a folder or file named from its own folder, which
        # the script never assigns, each with that path from the script's folder (see `_folders_loaded`).
        self.loaded_folders: dict[str, str] = {}
        # The files dot-sourced from a folder the script cannot say (after a move to one, `SOURCED_AFTER_CD`;
        # from the folder it is run in, which a folder above holds, `LOADED_FROM_ANOTHER_FOLDER`), said as
        # not read, once each however often read.
        self.loads_not_followed: dict[tuple[int, int], Mark] = {}
        # The folder the script runs in from here, from its own ("" its own, "../shared" after `Set-Location
        # ..\shared`), or None after a move to a folder it does not state, to an absolute one, or one it may
        # not make; and those Push-Location left, for Pop-Location to go back to.
        self.working: str | None = ""
        self.locations: list[str | None] = []
        # The count of `maybe` in the branch of an `if` being run, when the `if` itself surely runs: a move
        # surely made in the branch is the branch's folder, which the `if` joins with its other branches'
        # (see `_joined_locations`); 0 outside such a branch.
        self.location_floor = 0
        # Whether the script's own parameters hold their defaults surely: the run as written, without
        # arguments (see `_defaults`). And whether a parameter has a default the reader keeps.
        self.on_defaults = on_defaults
        self.defaults_kept = False
        # The parameters given their defaults, each with the scope that declares it (0 for the script).
        self.defaulted: set[tuple[int, str]] = set()
        self.vms: list[VmObject] = []
        self.acls: list[AclObject] = []
        self.calls: dict[int, ClassicCall] = {}
        # The migration steps, by call site, then by target (case-folded): a site run for several targets
        # (a loop, a function called twice) takes a step for each. Each with where it falls in the order
        # of steps (see `_take_step`).
        self.steps: dict[int, dict[tuple[str, str, str], tuple[tuple[int, int], MigrationStep]]] = {}
        self.stepped: set[tuple[int, str, str]] = set()  # (site, step, scope) taken for a known target
        # The calls that change a cloud service, network or storage account the script states (see
        # `Script.changes`), by call site, what they change and where they fall in the order of steps: a
        # function called before a Prepare and again after it changes the resource at both places.
        self.changes: dict[tuple[int, tuple[str, str], tuple[int, int]], ClassicCall] = {}
        # The calls that move a classic ExpressRoute circuit, by site and place in the order of steps (as
        # `changes`), on the branches they run on (see `_circuit_moved`).
        self.circuit_moves: dict[tuple[int, tuple[int, int]], ClassicCall] = {}
        # The start of the outermost statement being run (one of the script's, or of a function read once
        # with values it does not know), whether one is, and the steps taken so far: steps are in the order
        # those statements are written and, within one, in the order they run in.
        self.statement_at = 0
        self.within_statement = False
        self.steps_taken = 0
        self.deployments: dict[object, DeploymentDraft] = {}
        # The networks New-AzureVM places deployments in by names the script does not state, each a stand-in
        # (see `_stand_in`), by the value (`Unknown.ident`) that names it: two services given one variable
        # are in one network (see `Interpreter._unstated_network`).
        self.unstated_networks: dict[object, NameRef] = {}
        # Uploaded configurations with the networks named by values the script does not state renamed to
        # their stand-ins, by the configuration read and those values (see `_networks_named_by_values`).
        self.renamed_configurations: dict[object, NetworkConfiguration] = {}
        # The parameters of the script's own `param (…)` and of its workflows, as declared, by scope and
        # name without case (see `_script_parameter`).
        self.declared_parameters: dict[tuple[int, str], str] = {}
        # The parameter of a workflow or function read once that a value it does not state is, by the
        # parameter's id (`Unknown.ident`): "-ServiceName of workflow New-TestVM", which a stand-in for a
        # name it gives says (see `_parameter_origin`).
        self.parameter_origins: dict[int, str] = {}
        self.mandatory_parameters: set[tuple[int, str]] = set()  # of the script's own, as declared_parameters
        # The stand-in of each storage account the script names by a value it does not state, by that value
        # (`Unknown.ident`), or by where it is passed when it has no known definition (see `_account_stand_in`).
        self.unstated_accounts: dict[object, str] = {}
        self.account_of_value: dict[object, str] = {}  # the first account a value named, by its definition
        self.reserved_ips: list[ReservedIp] = []
        # The values (`Unknown.ident`) that name the reserved IPs the script creates under names it does not
        # state, in the subscription it works in there (`_in_subscription`: a reserved IP's name is unique
        # within its subscription only), each with the reserved IP it is (see `_reserved_under_unstated_name`):
        # a deployment given one of them has its VIP reserved (see `_reserved_by_unstated_name`).
        self.reserved_names: dict[object, ReservedIp] = {}
        self.taken_reservations: set[object] = set()  # those a deployment is given, keyed alike
        # The -ReservedIPName of each call that adds VMs to a deployment an earlier call created: not applied.
        self.reserved_ips_not_applied: dict[tuple[int, int], Mark] = {}
        # Where a Remove-AzureReservedIP that surely runs took each reserved IP away, by the name it states in
        # the subscription the script works in (`_in_subscription`), until the script makes one of that name
        # anew: a deployment created with it then fails (`_refused_after_delete`), said once each.
        self.reserved_deleted_at: dict[object, Mark] = {}
        self.named_after_delete: dict[tuple[int, int], NamedAfterDelete] = {}
        # The stand-in of the reserved IP each value a deployment is given names, by place and value (see
        # `_reservation_stand_in`).
        self.reservation_stand_ins: dict[tuple[str, object], str] = {}
        # The lists the script does not write out that `foreach` loops walk, as written, by loop (see
        # `_looped_over`).
        self.loops_over: dict[int, str] = {}
        # How many values the stand-ins of storage accounts and reserved IPs name at each place, so that two
        # (a function called with two) are two (see `model.another_turn`).
        self.stand_in_turns: dict[str, int] = {}
        # The stand-ins of the network security groups and route tables the script creates under names it
        # does not state, by kind (a group or not) and value (see `_unstated_network_resource`).
        self.unstated_network_resources: dict[tuple[object, ...], str] = {}
        self.unresolved_links: set[bool] = set()  # see `_unresolved_link`
        # What the script says of the gateways of the networks it names, once each in each subscription it
        # works in (`working_in`) however often it runs the command there (a function called twice) with the
        # same values, in the order it runs them (see `_gateway_fact_once`).
        self.gateway_facts: dict[tuple[VnetGatewayFact, str], VnetGatewayFact] = {}
        # The subscriptions the script selects by an id or name it states, by it and the place of the call,
        # once each however often it runs the call (`_selected_subscription`).
        self.subscriptions: dict[tuple[str, Mark], SubscriptionSelection] = {}
        # The cloud the script signs in to or sends requests to, where it says which (`CloudInUse`).
        self.clouds: dict[tuple[str, Mark], CloudInUse] = {}
        # The subscription the script works in at the call being run, as `_in_subscription` keys what lives
        # in one (a cloud service and its deployment): "" for the first it selects, and before any.
        self.first_selected: str | None = None
        self.working_in = ""
        # That subscription as the script names it (`SubscriptionSelection.name`), "" before any.
        self.selected_name = ""
        # The circuit links among them by network (see `_name_key`) in the subscription the script works in
        # (`_in_subscription`), which a removal there takes away.
        self.circuit_links: dict[object, list[VnetGatewayFact]] = collections.defaultdict(list)
        # Where the script allows classic operations on a Resource Manager circuit (`$c.AllowClassicOperations
        # = $true`) not yet saved, and the saves that follow one (`Set-AzExpressRouteCircuit`, AzureRM's
        # too), each as the circuit it shows in Resource Manager (see `_circuit_of_link`).
        self.classic_allowed_at: Mark | None = None
        self.allowed_circuits: list[NameRef] = []
        # The gateway connections the script disconnects (`Set-AzureVNetGateway -Disconnect`), in the order
        # it runs them, each as it is found if left so; the keys their state is kept under (see `LinkState`),
        # with the network and site each names (see `_link_parts`); and those a path leaves down to the end,
        # with whether every path does (see `_left_down`).
        self.disconnects: dict[ConnectionState, int] = {}
        self.link_keys: dict[str, tuple[str, str]] = {}
        self.left_down: dict[int, bool] = {}
        # Per code a `return` leaves (a function, a script block, a `begin`/`process`/`end` block, an
        # InlineScript), innermost last: the state of each gateway connection on the paths a `return` in it
        # ended, which meet the path that goes on where that code ends (see `_landing`).
        self.returned_links: list[dict[str, LinkState]] = []
        # The cloud services of extended support the script creates, once each however often it runs the
        # command (a function called twice) with the same values.
        self.extended: dict[ExtendedSupportService, None] = {}
        # The peerings it adds from a Resource Manager network to a classic one (see `_peering`).
        self.peerings: dict[inv.VnetPeering, None] = {}
        # The cloud services New-AzureService creates, by `_service_key`: one named by a value the script
        # does not state is the one a later call names by the same value (one variable, one definition).
        self.created_services: set[object] = set()
        # Those it creates where the creation may not run, with the part of the script it runs in (see
        # `_part_here`): a New-AzureVM that runs only where it did creates the service's deployment.
        self.maybe_created_services: dict[object, object] = {}
        # The regions of the cloud services it creates (see `_service_region`), once each.
        self.service_regions: dict[ServiceRegion, None] = {}
        # The service certificates it uploads to a cloud service (Add-AzureCertificate), once each.
        self.service_certificates: dict[ServiceCertificate, None] = {}
        # What the REST bodies the script sends describe (see `_rest_body`): the bodies read, by their text
        # and where it is written; the deployments they create, by body and service.
        self.read_bodies: dict[tuple[str, Written | None], list[tuple[object, frozenset[str] | None]]] = {}
        self.body_deployments: dict[tuple[int, str], Deployment] = {}
        # The deployments bodies POSTed to a service create (Create Deployment), by `_name_key` of the
        # service in the subscription in force (`_in_subscription`), each with the branches the request is
        # sent on (see `_created_by_body`).
        self.body_creations: dict[object, list[tuple[Deployment, tuple[tuple[str, int], ...] | None]]] = {}
        # The network configurations it uploads (Set Network Configuration), once each.
        self.networks: dict[int, NetworkConfiguration] = {}
        self.uploaded_networks: dict[str, str] = {}  # their networks' names, by `_name_key`
        # The file names of the uploads whose content it does not show, once each (see `_upload_file_name`).
        self.uploaded_files: dict[str, None] = {}
        # Those named where the script had selected a subscription, with it (`Script.uploaded_in`).
        self.uploaded_in: dict[tuple[str, str], None] = {}
        # The deployment bodies it sends from a file, with the service each creates one in (`Script.posted_bodies`).
        self.posted_bodies: dict[tuple[str, str], None] = {}
        # The script's first edit of an XML document by its methods (see `_XML_EDITS`), tagged as unread.
        self.xml_edit: Mark | None = None
        # Its first upload of a network configuration through a client of its own whose content is not
        # followed (see `_sent_through_a_client`), tagged as unread.
        self.client_upload: Mark | None = None
        # Where the script runs a command line from a string it does not state (`_expression_run`); and
        # whether what is known of one names a classic cmdlet, which keeps the script, as an unread part does.
        self.lines_not_read: list[Mark] = []
        # The runbooks the files beside the script define at their top level, by name: read at the first
        # runbook the script starts or calls by name (see `_runbook`).
        self.runbooks_beside: dict[str, tuple[_Library, str]] | None = None
        # Where a VM configuration pipeline a New-AzureVM is given passes no VM on (see `Null.dropped`).
        self.vms_not_passed_on: dict[tuple[int, int], Mark] = {}
        self.classic_line_not_read = False
        # The calls recorded for request paths written without the API's host, by offset: the address
        # each names after the host (see `_written_path`).
        self.written_paths: dict[int, str] = {}
        # What the script writes to files (see `_file_write`): the values that name a file by what they
        # are rather than by what they hold, kept so that no other value takes their `id`; and how many
        # writes to a file the reader cannot name have run, each of which may have written over any file.
        self.file_names: list[Value] = []
        self.unnamed_writes = 0
        # The names (last parts of their paths, without case) of the files it writes or puts in place by a
        # means whose content the reader does not follow, or under another spelling (see `_file_replaced`).
        self.replaced_files: set[str] = set()
        # The VM each Export-AzureVM file the script writes describes, by the file's path as stated, without
        # case (see `_export_vm`).
        self.exported: dict[str, Text] = {}
        self._outside_deployments()
        self.constants: dict[str, Value] = {}
        self.constant_keys = {
            key for key, count in index.script_assigned.items() if count == 1
        } - index.function_assigned
        self.modes = _modes(index)
        # The file whose code runs now: the script's own, or a dot-sourced file whose function a call
        # runs (see `_in_source`), with the functions of such files, by id, and the file where each call
        # being run is written (as `call_stack`).
        self.own = self.source = _Source(index, where, self.modes)
        self.library_of: dict[int, _Source] = {}
        # The functions of dot-sourced files, by id: the file's display path and the function's name, told
        # to the link stage when every call of one is run (see `functions_run`).
        self.library_names: dict[int, tuple[str, str]] = {}
        # The folder each of them is written in, from the script's (`lib`): what `$PSScriptRoot` names in
        # its body, which is that file's folder, not the script's.
        self.library_folders: dict[int, str] = {}
        # The function read once, with values it does not know, whose code runs now (see `function_body`):
        # its name, "" for any other code. What it creates is marked so (`Deployment.read_once_in`).
        self.reading_once = ""
        self.call_sources: list[_Source] = []
        self.next_base = len(where.source) + 1
        # Functions defined, to read once with values they do not know unless every call of theirs was run
        # (see `run`): those the script never calls, and those it calls.
        self.pending: list[Node] = []
        self.pending_called: list[Node] = []
        # The script blocks held as values (see `Block`), each queued once in `pending_called` to be read
        # once if no run binds its arguments at every place the script runs it; those written where a
        # command runs them with arguments, while the command is bound; and the values the parameters of
        # held blocks hold where nothing binds them (`Unknown.ident`), which name nothing the script passes.
        self.blocks: set[int] = set()
        self.held: set[int] = set()
        self.held_for_arguments: dict[int, bool] = {}  # per script block: held as `_holds` says, found once
        self.unbound: set[object] = set()
        self.depth = 0
        self.scope = 0
        # The scope of the code whose calls are being run (the script's, or a function's read once): where
        # a variable no scope on the way to a call assigns is read (see `_found`).
        self.outer_scope = 0
        # Work allowed, in steps (statements, expressions, changes recorded per path): linear in the
        # script's size whatever its shape.
        self.budget = 4 * len(where.source) + 50_000
        # Code run more than once (a function at each call, a loop once per item), in syntax nodes: past
        # this, the code is read once, with values it does not know, as it would be without the repeats.
        self.repeats = len(where.source) + 20_000
        # What the function being run outputs (its statements' values, `return`): None outside one, and
        # while an expression is evaluated (what runs inside it outputs to the expression).
        self.output: list[Value] | None = None
        self.calling: list[int] = []  # the functions being run at a call, innermost last
        # The functions run at the calls being run (not those read once), with the call, innermost last.
        self.call_stack: list[tuple[Node, Node]] = []
        # For each of them, the calls that may not run (`maybe_calls`) in its caller where it was called.
        self.doubts_at_calls: list[int] = []
        # The parameters each function run at a call was given (by name, by position or piped), by
        # function: what `$PSBoundParameters` holds in its body (see `_bound`).
        self.passed: dict[int, frozenset[str]] = {}
        # The values tests and `switch` clauses compare each parameter declared as one string with, each
        # a branch of one choice per parameter (see `_on_value`).
        self.parameter_values: dict[str, dict[str, int]] = {}
        # The values each function run at a call was given by name or position, by function: what a call of
        # itself in it must pass again to do only what the run does (see `_repeats_its_run`).
        self.given: dict[int, dict[str, Value]] = {}
        self.followed: dict[int, int] = {}  # calls run per function
        self.unfollowed: set[int] = set()  # functions with a call that was not run
        self.own_arguments: dict[int, bool] = {}  # see `_reads_its_own_arguments`
        self.returned: dict[int, str | None] = {}  # the parameter each function returns, if any
        self.signatures: dict[int, _Signature] = {}  # see `_signature`
        # The functions whose definition has run, by name: PowerShell defines a function when it reaches its
        # definition, and the last one reached is the one a call runs.
        self.defined: dict[str, Node] = {}
        # The word (`return`, `exit`, `throw`, `break`, `continue`) that ended the path being run: the
        # statements after it do not run, up to the code it leaves (see `_sequence`, `_reach`).
        self.stopped: str | None = None
        # `$_` where a ForEach-Object block is run item by item (see `_each_item`); None elsewhere, and in
        # the blocks inside it that set `$_` themselves (script blocks, `switch` clauses, `catch`).
        self.item: Value | None = None
        # The class method being read, the scope it is read in and what tells apart the object it runs on
        # (see `_this`).
        self.method: tuple[Node, Env, object] | None = None
        # Code that may not run around the statement being run (a branch the reader cannot decide, a loop's
        # body, a `catch`), counted from the start of the function being run or of the script; `partial`
        # once a path may have ended before it. What the function outputs there may be missing.
        self.maybe = 0
        # How many script blocks run as jobs (Start-Job, Invoke-Command -AsJob) the code being run is in: the
        # script goes on without waiting for them (see `_classic`).
        self.in_jobs = 0
        self.partial = False
        # The arms of `if`s around it that surely run where the `if` does (a condition the reader knows),
        # counted as `maybe` is: each is a branch no code that may not run comes with (see `_part_here`).
        self.sure_arms = 0
        # The count of `maybe` where what is being output started to be collected: a statement whose output
        # is assigned collects it from code that may not run around it (see `_statement_output`); a
        # function's output, from its start (0).
        self.output_floor = 0
        # Calls being run (by the script) from code that may not run: 0 when every one surely runs.
        self.maybe_calls = 0
        # In the body of a loop over every VM of the subscription (`foreach ($vm in Get-AzureVM)`,
        # `Get-AzureVM | ForEach-Object`): the count of `maybe` there and the variable that holds each VM
        # (see `_picks_surely`); None elsewhere.
        self.every_vm_round: tuple[int, str] | None = None
        # Reserved IP associations that may not run, in order, for an `if` to find those each of its
        # branches makes (see `_associated_either_way`).
        self.maybe_associations: list[_MaybeAssociation] = []
        # The branches of `if`s being run, innermost last: where each's code is (see `_branch_path`) and the
        # classic calls (name, site) that surely run whenever it does, for the `if` to find the calls each
        # of its branches makes (see `_called_either_way`).
        self.branch_calls: list[tuple[tuple[int, bool, int, bool] | None, list[tuple[str, int]]]] = []
        self.sure_output = True  # whether what the function being run outputs is output on every path
        self.catching = 0  # `try` blocks with a `catch` around the code being run
        # Whether the calls that led to the code being run are known: not while a function is read once,
        # with values it does not know (see `_trapped`).
        self.callers_known = True
        # Whether the code being read runs when the script does: "" as far as the reader tells;
        # UNCALLED_RUNS in a function nothing calls, NEVER_RUNS in code a condition the reader knows keeps
        # from running (see `_not_run`). Its calls are still the script's (`ClassicCall.runs`).
        self.never_runs = ""
        # Functions the definitions being run replaced, innermost last: (name, the one it replaced, if
        # any). A definition holds in its scope only, and one that may not run does not replace a cmdlet
        # (see `_undefine`).
        self.replaced: list[tuple[str, Node | None]] = []
        # The `break`, `return` and `exit` statements at the script's top level, which it is read past, as
        # running its selections in order does (see `_selection_stops`).
        self.selection_stops: frozenset[int] = frozenset()
        # How many of them the statement being run is past: the selection it is in (see `_remove`).
        self.selection = 0
        # The branches of choices only one of which runs (an `if` and its `else`) around the code being run,
        # outermost first (see `Role.branches`): each run of an `if` is a choice of its own. None while code
        # read once may run several times (a loop's body), whose runs may take different branches of one
        # choice; what a function read once creates is created on none (see `creating_on`).
        self.branches: tuple[tuple[str, int], ...] | None = ()
        # The function read once with values it does not know whose migration steps are being taken, as a
        # branch of a choice among such functions (see `_stage_branches`); () in the script's own code.
        self.stage: tuple[tuple[str, int], ...] = ()
        self.choices = 0
        # The VMs New-AzureVM creates on branches from configurations the reader cannot see, by deployment
        # and the value's definition: (deployment, VM, the branches of each command that creates it).
        self.unseen_configurations: dict[
            tuple[int, object], tuple[DeploymentDraft, RoleDraft, list[tuple[tuple[str, int], ...]]]
        ] = {}
        # What New-AzureVM does to a configuration in the current storage account (see `_placed_in`).
        self.placements: dict[tuple[int, int, str], Event] = {}

    def _outside_deployments(self) -> None:
        """What the script creates or registers outside any deployment, once each however often it runs the
        command (a function called twice): the types of the storage accounts it creates; the disks and
        images it registers, by name (case-folded); where it first gives a VM a disk by a name it does not
        state, and the VMs it creates so (see `_registered_disks`); its classic Application Gateways, by
        name; its ExpressRoute link authorizations; its network security groups and route tables, and
        the subnets it associates them with; and what it removes from what other files describe (see
        `_removals`)."""
        # By account name (see `_name_key`), whatever subscription the script works in (a storage account's
        # name is unique across Azure, unlike a reserved IP's): the type the last call that surely runs
        # gives, None when the script does not state it; and the types calls that may not run give after it
        # (see `_storage_account_types`).
        self.storage_types: dict[str, StorageAccountType | None] = {}
        # The selection of the script each account it creates is created in (see `_remove_storage_account`).
        self.storage_selections: dict[str, int] = {}
        # The classic cmdlet whose handler is running: where a VM it makes is created (see `_role`).
        self.classic_call: Node | None = None
        self.maybe_storage_types: dict[str, list[StorageAccountType | None]] = {}
        self.registered: dict[str, Disk] = {}
        self.images: dict[str, Image] = {}
        self.unnamed_disk_at: Mark | None = None
        self.unnamed_disk_users: dict[str, None] = {}  # by the names findings show them by, in order
        # Where a VM is created from a configuration the reader cannot see, and the disks registered by then
        # (`_unseen_disks`): those may be its disks.
        self.unseen_disk_at: Mark | None = None
        self.unseen_may_hold: dict[str, None] = {}
        self.disk_uses: dict[Disk, None] = {}  # the disks of the repository VMs are given by name
        # The disks registered by a name the script does not state, by the value that names them (see
        # `Unknown.ident`): the keys of `registered` they are under.
        self.unstated_disks: dict[object, str] = {}
        self.unstated_images: dict[object, str] = {}  # the same, of images (keys of `images`)
        self.application_gateways: dict[str, inv.ApplicationGateway] = {}
        self.authorizations: dict[inv.LinkAuthorization, None] = {}
        # The local network gateways of the ExpressRoute and site-to-site coexistence, which no network
        # configuration holds (`New-AzureLocalNetworkGateway`), once each however often a call runs.
        self.local_gateways: dict[LocalNetworkSite, None] = {}
        # By name (see `_name_key`); the associations by network and subnet names, one each.
        self.security_groups: dict[str, NetworkSecurityGroup] = {}
        self.route_tables: dict[str, RouteTable] = {}
        self.subnet_groups: dict[tuple[str, str], NetworkSecurityGroup] = {}
        self.subnet_tables: dict[tuple[str, str], RouteTable] = {}
        # The groups it sets on a VM or role, by name -> the VMs that may use them (see `_on_vm`).
        self.vm_groups: dict[str, set[str]] = {}
        # The rules it sets in groups, by group and rule names (see `_security_rule`).
        # A rule set on a path that may not run may be there or not, as what it replaces (see `rules_after`).
        self.security_rules: dict[tuple[str, str], list[SecurityRule]] = {}
        # The reserved IPs it takes off cloud services, by service and reserved IP names; the VMs it deletes,
        # by service and VM names; the cloud services it deletes, by name (see `_removals`).
        self.released: dict[tuple[str, str], ReservedIp] = {}
        self.deleted_vms: dict[tuple[str, str], tuple[str, Role]] = {}
        self.deleted_by_name: dict[str, Role] = {}  # the VMs it deletes by name alone (see `_remove_by_name`)
        self.deleted_services: dict[str, Deployment] = {}

    def snippet(self, node: Node) -> str:
        """An expression as messages name a value it does not state (`$vmName`), cut short; only the
        start of a large node is decoded."""
        head = self.where.source[node.start_byte : min(node.end_byte, node.start_byte + 240)]
        return _short(head.decode("utf-8", "replace"))

    def spend(self, steps: int = 1) -> None:
        self.budget -= steps
        if self.budget < 0:
            raise _Exhausted

    # --- driver -------------------------------------------------------------------------------------

    def run(self, root: Node) -> tuple[object, ...]:
        self.selection_stops = _selection_stops(root)
        self.xplat_reading = xplat.Reading(self.path, arm=self._xplat_in_resource_manager_mode(root))
        try:
            script = Env(constants={})
            self.statements(root, script)
            self._left_down(script, surely=True)
            self.stopped = None
            self.callers_known = False
            done: set[int] = set()
            deferred: set[int] = set()
            while self.pending or self.pending_called:
                # Functions the script never calls first: they run the calls of the others.
                self.never_runs = UNCALLED_RUNS if self.pending else ""
                function = (self.pending or self.pending_called).pop(0)
                if self._call_unread(function, deferred):
                    deferred.add(function.id)  # once: the methods read after it may call it
                    self.pending_called.append(function)
                elif function.id not in done and not self._followed_at_every_call(function):
                    done.add(function.id)
                    self.function_body(function)
            self.never_runs = ""
            return self.resources()
        except (_Exhausted, RecursionError):
            self.library_names = {}  # no call of a dot-sourced file's function is run, as far as it says
            self.reading_once = ""
            return self.calls_only(root)

    def functions_run(self) -> tuple[tuple[str, str], ...]:
        """The functions of dot-sourced files the script ran at every call of theirs, with the values each
        passes (`Document.functions_run`): what each creates, the script says."""
        return tuple(
            sorted(
                {named for id_, named in self.library_names.items() if self._followed_at_every_call_id(id_)}
            )
        )

    def top_level_values(self, root: Node) -> dict[str, Value]:
        """The values the script's top level holds once it has run that it states whole (see
        `_stated_whole`), by variable: a settings file's, read for the script that dot-sources it."""
        self.selection_stops = _selection_stops(root)
        self.xplat_reading = xplat.Reading(self.path, arm=self._xplat_in_resource_manager_mode(root))
        script = Env(constants={})
        try:
            self.statements(root, script)
        except (_Exhausted, RecursionError):
            return {}
        return {k: v for k, v in script.vars.items() if not k.startswith("\0") and _stated_whole(v)}

    def output_of(self, statements: list[Node]) -> Value | None:
        """What the statements output at a script's top level, when each is a value stated whole (see
        `_stated_whole`): an array written out is its items, and several values are an array of them."""
        script = Env(constants={})
        written: list[Value] = []
        try:
            for statement in statements:
                value = self.evaluate(statement, script)
                written.extend(value.values if isinstance(value, Items) else (value,))
        except (_Exhausted, RecursionError):
            return None
        if not written or not all(_stated_whole(v) for v in written):
            return None
        return written[0] if len(written) == 1 else Items(tuple(written))

    def calls_only(self, root: Node) -> tuple[object, ...]:
        """The script's classic calls and migration steps, read from the syntax alone (no values)."""
        self.calls, self.steps, self.deployments, self.reserved_ips = {}, {}, {}, []
        self.reserved_names = {}
        self.stepped, self.changes, self.circuit_moves = set(), {}, {}
        self.statement_at = 0  # the commands come in the order they are written
        self.stage, self.branches = (), ()  # in one stage, on no branch: the syntax alone says none
        self.gateway_facts, self.circuit_links = {}, collections.defaultdict(list)
        self.classic_allowed_at, self.allowed_circuits = None, []
        self.left_down = {}
        self._outside_deployments()
        for command in _captures(_COMMANDS, root).get("command", []):
            self._syntactic_call(command)
        return self.resources()

    def _syntactic_call(self, node: Node, steps: bool = True) -> None:
        key = _command_name(node).casefold()
        elements = node.child_by_field_name("command_elements")
        written = [p[0] for p in map(_parameter, elements.children if elements else ()) if p is not None]
        args = Args(resource_group=any(_is_resource_group(w) for w in written))
        for name in written:
            args.bound[_resolve(key, name) or name] = Arg(Flag(True), None)
        self.record_call(node, _command_name(node), args)
        step = steps and key in cmdlets.MIGRATION and node.start_byte in self.calls
        # a step previewed (`-WhatIf`) is not taken, nor one PowerShell refuses (see `_given_escaped_parameter`)
        if step and not _bare_preview(key, node) and not self._given_escaped_parameter(node):
            self._move(node, args, None, Env())

    def _call_unread(self, function: Node, deferred: set[int]) -> bool:
        """Whether a class method the script calls is yet to meet any call of it, read or not: its calls
        may be in the methods still to be read once (`$this.CreateReservedIp(…)` in a method called only
        where the reader cannot tell the object), which then run it, so it waits for them, once. One the
        script never calls has none to wait for."""
        name = _first(function, "simple_name")
        return (
            function.type == "class_method_definition"
            and name is not None
            and _text(name).casefold() in self.index.invoked_methods
            and function.id not in deferred
            and function.id not in self.followed
            and function.id not in self.unfollowed
            and bool(self.pending_called)
        )

    def _followed_at_every_call(self, function: Node) -> bool:
        """Whether every call of a function was run with the values it passes: then what the function
        does is known at each, and it is not read again with values it does not know."""
        return self._followed_at_every_call_id(function.id)

    def _followed_at_every_call_id(self, function: int) -> bool:
        return function in self.followed and function not in self.unfollowed

    def function_body(self, function: Node) -> None:
        """A function read once, with values it does not know: one invocation of it, whose choices are told
        apart as the script's are, a stage of the runbook of its own (see `_stage_branches`)."""
        self.scope = self.outer_scope = function.id
        self.branches, self.stage = (), ((f"{self.path}{STAGE_CHOICE}", function.start_byte),)
        named = _first(function, "function_name") if function.type == "function_statement" else None
        self.reading_once = _text(named).casefold() if named is not None else ""
        self.xplat_reading.read_once_in = self.reading_once
        env = Env(constants=self.constants)
        self._mandatory_origins(function, named)
        for parameter in _parameters(function):
            key = _variable(_text(parameter))[1]
            # A parameter that defaults to $null (`$vnet = $null`) is $null where a caller passes none.
            maybe_null = _defaults_to_null(_default_of(parameter.parent))
            env.vars[key] = Unknown(_text(parameter), ("def", parameter.id), maybe_null=maybe_null)
        body = _first(function, "script_block")
        if body is not None:
            self.calling.append(function.id)  # a call of itself in it is not run again
            self.maybe, self.partial = 0, False
            defined = len(self.replaced)
            if _first(function, "workflow") is not None:
                self._defaults(function, env)
                self._hoist_functions(body)
            if function.type == "class_method_definition":  # `$this` is the object it runs on
                self.method = (function, env, ("this", function.id))
            with self._landing(env):
                self._declared_attribute_blocks(function, env)
                self.statements(body, env)
            self.method = None
            self._undefine(defined)
            self._left_down(env, surely=False)  # read once: it may run at any call, or at none
            self.stopped = None
            self.calling.pop()
        self.reading_once = self.xplat_reading.read_once_in = ""

    def _mandatory_origins(self, function: Node, named: Node | None) -> None:
        """The mandatory parameters of a workflow or function read once (a runbook's, which the job that
        starts it must be given), each as a stand-in for a name it gives says it (`_parameter_origin`)."""
        if named is None:
            return
        holder = f"{'workflow' if _first(function, 'workflow') is not None else 'function'} {_text(named)}"
        signature = self._signature(function)
        for at, parameter in enumerate(_parameters(function)):
            if at < len(signature.mandatory) and signature.mandatory[at]:
                self.parameter_origins[parameter.id] = f"-{_text(parameter).lstrip('$')} of {holder}"

    def _hoist_functions(self, body: Node) -> None:
        """A workflow is compiled whole before it runs: the functions it defines may be called above their
        definition (a runbook's helpers at its end), so each is defined from the workflow's start."""
        bodies = [part for part in _named(body) if part.type == "script_block_body"]
        lists = [part for each in bodies for part in _named(each) if part.type == "statement_list"]
        for statement in (statement for each in lists for statement in _named(each)):
            if statement.type == "function_statement":
                name = _first(statement, "function_name")
                if name is not None:
                    key = _text(name).casefold()
                    self.replaced.append((key, self.defined.get(key)))
                    self.defined[key] = statement

    # --- statements ---------------------------------------------------------------------------------

    def statements(self, node: Node, env: Env) -> None:
        self._sequence(_named(node), env)

    def _sequence(self, nodes: list[Node], env: Env) -> None:
        """Statements in order, until one ends the path (`return`, `exit`, …): those after it do not run."""
        for at, child in enumerate(nodes):
            if self.stopped is not None:
                for rest in nodes[at:]:
                    self._not_run(rest)
                return
            self.statement(child, env)

    def statement(self, node: Node, env: Env) -> None:
        self.spend()
        kind = node.type
        if self.depth > _MAX_DEPTH or kind == "ERROR":
            self.opaque(node, env)
            return
        self._errors_within(node, env)
        outermost = not self.within_statement and kind not in _STATEMENT_LISTS
        if outermost:
            self.statement_at, self.within_statement = node.start_byte, True
        self.depth += 1
        try:
            handler = self._STATEMENTS.get(kind)
            if handler is not None:
                handler(self, node, env)
            else:
                value = self.evaluate(node, env)
                if self.output is not None and kind == "pipeline" and not _assigns(node):
                    self._output(value)
        finally:
            self.depth -= 1
            self.within_statement = self.within_statement and not outermost

    def _output(self, value: Value) -> None:
        """A value the function being run outputs. Output by a statement that may not run, it may be
        missing: so may what the call gives (see `Text.sure`)."""
        assert self.output is not None
        self.output.append(value)
        self.sure_output = self.sure_output and not (self.maybe > self.output_floor or self.partial)

    def _function_statement(self, node: Node, env: Env) -> None:
        """A definition that runs defines the function from here on (a call before it fails in PowerShell:
        "the term is not recognized")."""
        name = _first(node, "function_name")
        if name is not None:
            key = _text(name).casefold()
            self.replaced.append((key, self.defined.get(key)))
            self.defined[key] = node
        self._queue(node)

    def _undefine(self, since: int, cmdlets_only: bool = False) -> None:
        """Undo the definitions run since the `since`-th: those of a function's scope when it returns, or,
        `cmdlets_only`, those in code that may not run (a branch the reader cannot decide, a loop) that
        replace a cmdlet: after that code, the cmdlet may still be what a call runs, and is read as such."""
        kept: list[tuple[str, Node | None]] = []
        for key, before in reversed(self.replaced[since:]):
            self.spend()
            if cmdlets_only and not cmdlets.canonical(key):
                kept.append((key, before))
            elif before is None:
                self.defined.pop(key, None)
            else:
                self.defined[key] = before
        del self.replaced[since:]
        self.replaced.extend(reversed(kept))

    def _queue(self, node: Node) -> None:
        """A function to read once, with values it does not know, unless every call of it is run."""
        name = _first(node, "function_name")
        called = name is not None and _text(name).casefold() in self.index.called
        (self.pending_called if called else self.pending).append(node)

    def _if(self, node: Node, env: Env) -> None:
        """Each branch may run, and what they leave is joined. A condition the reader knows (see `_truth`)
        decides: a branch after a true one, or under a false one, does not run. A branch that runs whenever
        the `if` does and ends the path (`return`, `exit`, …) ends it after the `if` too, as do branches
        that all end it when one of them always runs. One that may not run is joined with the others as if
        it went on."""
        branches: list[Env] = []
        ends: list[str | None] = []  # how each branch that may run ends the path, if it does
        outputs: list[list[Value]] = []  # what each branch outputs, apart (one of them runs)
        associated: list[list[_MaybeAssociation]] = []  # the associations each branch surely makes
        before, within = len(self.maybe_associations), self._branch_path(1)
        decided = False
        choice, around = self._choice(), self.branches
        sure_before = self.sure_output
        surely_output: list[bool] = []  # whether each branch's output is sure within the branch
        first = next(_branches(node), (None, None))[0]
        tested = self._value_tested(first)  # `if ($Phase -eq 'Commit')`: a choice of the parameter's value
        filled: dict[str, Value] = {}  # variables a branch's null test leaves set on the paths past it
        start_location = self.working, list(self.locations)
        left: list[tuple[str | None, list[str | None]]] = []  # the folder each branch that goes on leaves
        called: list[list[tuple[str, int]]] = []  # the classic calls each branch surely makes
        for taken, (condition, block) in enumerate(_branches(node)):
            if decided or self.stopped is not None:
                self._not_run(block)
                continue
            known = _truth(self.evaluate(condition, env)) if condition is not None else True
            if known is False or self.stopped is not None:
                self._not_run(block)
                continue
            certain = known is True and not ends  # no branch before it may have run
            self.working, self.locations = start_location[0], list(start_location[1])
            if block is not None:
                start = len(self.maybe_associations)
                self.branches = self._on_value(around, choice, taken, tested, self._value_tested(condition))
                branch, item, picked = self._narrowed(condition, env)
                branch.vars.update(filled)
                for variable in _set_tested(condition):  # `if ($vnet) { … }`: set in its own branch
                    branch.vars.update(_set_past(variable, env))
                outer = self.item
                self.item = item or outer
                self.branch_calls.append((within, []))
                # The branch runs for exactly the VM its test picks out of every VM the loop walks: for
                # that VM, it surely runs (`if ($vm.Name -eq 'x') { $vm | Remove-AzureVM }` removes `x`).
                sure = self._picks_surely(picked, condition) and not ends
                self.maybe -= int(sure)
                floor, self.location_floor = self.location_floor, self._branch_location(certain or sure)
                self.sure_arms += int(certain or sure)
                branches.append(self._own_output(outputs, surely_output, block, branch, certain or sure))
                self.sure_arms -= int(certain or sure)
                self.location_floor = floor
                self.maybe += int(sure)
                self.item = outer
                self.branches = around
                called.append(self.branch_calls.pop()[1])
                made = self.maybe_associations[start:]
                associated.append([made_one for made_one in made if made_one.path == within])
            else:
                associated.append([])
                called.append([])
            ends.append(self._leave() if block is not None else None)
            if ends[-1] is None:
                left.append((self.working, list(self.locations)))
            decided = known is True
            filled.update(_set_past(_null_tested(condition), env))
        self._output_one_of(outputs, complete=decided)
        self._joined_locations(start_location, left if decided else [*left, start_location])
        every_path = decided and len(outputs) == len(ends) and all(surely_output) and _alike(outputs)
        self.sure_output = sure_before and (every_path or not any(outputs))
        env.merge(branches, decided, self.spend, filled)
        del self.maybe_associations[before:]
        if decided and len(associated) > 1 and not any(end is not None for end in ends):
            self._associated_either_way(associated)
            self._called_either_way(called)
        ended = [end for end in ends if end is not None]
        if self.stopped is None and decided and ended and len(ended) == len(ends):
            self.stopped = min(ended, key=_reach)  # the path goes on past the `if` as far as the least goes
        elif ended:
            self.partial = True
        if not decided and ends in (["return"], ["exit"]) and sum(1 for _ in _branches(node)) == 1:
            # A guard (`if ($Single) { …; return }`): what follows runs only when its branch did not, as if
            # in its `else`, to the end of the function or script (a call restores its caller's).
            self.branches = _on_branch(around, choice, 1)

    @property
    def creating_on(self) -> tuple[tuple[str, int], ...] | None:
        """The branches what the code being run creates is created on: None in a function read once, which
        stands for any of its calls, however many (see `branches`)."""
        return self.branches if self.callers_known else None

    def _stage_branches(self) -> tuple[tuple[str, int], ...]:
        """The branches a migration step (or a change placed among the steps) taken here runs on: in a
        function read once with values it does not know (`stage`), that function's, outermost, then those
        of the code being run. Such a function runs when whatever imports or dot-sources the script calls
        it, after the script's own code, which runs first, and never in the same invocation as another:
        its steps are a stage of the runbook of their own (an `-Abort` helper is not an Abort of the
        Prepare of another function, nor of one the script runs later)."""
        return (*self.stage, *(self.branches or ()))  # code that may run several times runs whichever way

    def _step_order(self) -> tuple[int, int]:
        """Where a step (or a change) taken here comes among the script's: in the order the statements that
        take them are written, after the script's own code for a function read once (see
        `_stage_branches`), and within one statement in the order they run in."""
        past = len(self.where.source) if self.stage else 0
        return (past + self.statement_at, self.steps_taken)

    def _choice(self) -> str:
        """A choice only one of whose branches runs, made where the code being run is: its own each time
        an `if` runs (see `branches`)."""
        self.choices += 1
        return f"{self.path}#{self.choices}"

    def _apart(self, outputs: list[list[Value]], run: Callable[..., Any], *args: Any) -> Any:
        """`run(*args)`, one of branches only one of which runs (an `if` and its `else`, the clauses of a
        `switch` that no value matches two of, a `try` block and its `catch`): what it outputs, where output
        is collected, is collected apart, in `outputs`, for `_output_one_of`."""
        around = self.output
        own: list[Value] | None = [] if around is not None else None
        self.output = own
        try:
            return run(*args)
        finally:
            self.output = around
            if own is not None:
                outputs.append(own)

    def _own_output(
        self, outputs: list[list[Value]], surely_output: list[bool], block: Node, env: Env, certain: bool
    ) -> Env:
        """A branch of an `if` (see `_apart`), whose output is judged sure or not within the branch, added
        to `surely_output`: that the branch may not run is the `if`'s to weigh, which knows whether one of
        its branches always runs (`$vnet = if (…) { "prodnet" } else { "prodnet" }` surely gives one)."""
        saved = self.sure_output, self.output_floor
        self.sure_output, self.output_floor = True, self.maybe + (0 if certain else 1)  # as `_branch` runs it
        try:
            return self._apart(outputs, self._branch, block, env, certain)
        finally:
            surely_output.append(self.sure_output)
            self.sure_output, self.output_floor = saved

    def _output_one_of(self, outputs: list[list[Value]], complete: bool = True) -> None:
        """What branches only one of which runs output, each collected apart (see `_apart`), output as
        what one of them outputs (see `_one_of`); unless `complete`, none of them may run."""
        if self.output is not None:
            self.output.extend(_one_of(outputs, self.spend, complete))

    def _branch(self, block: Node, env: Env, certain: bool) -> Env:
        """Run a block that may not run (unless `certain`), in the environment of its branch."""
        maybe = 0 if certain else 1
        self.maybe += maybe
        defined = len(self.replaced)
        self.statements(block, env)
        if not certain:
            self._undefine(defined, cmdlets_only=True)
        self.maybe -= maybe
        return env

    def _leave(self) -> str | None:
        """How the code just run ended the path, if it did; the path goes on after it."""
        ended, self.stopped = self.stopped, None
        return ended

    def _left_maybe(self, loop: bool = False) -> None:
        """After code that may not run (a `loop` read once, a `catch`, a clause of `switch`): a path it
        ended is read as going on after it, and may have ended before what follows, unless a `break` or
        `continue` only ended a round of the loop."""
        ended = self._leave()
        if ended is not None and not (loop and ended in ("break", "continue")):
            self.partial = True

    def _not_run(self, node: Node | None) -> None:
        """Code a condition the reader knows keeps from running: its classic calls are still calls the
        script names (read from the syntax, as when the reader is cut short), and the functions it defines
        are read once, with values they do not know; it changes nothing and takes no migration step."""
        found = _captures(_NOT_RUN, node) if node is not None else {}
        self.spend(sum(len(nodes) for nodes in found.values()))
        never, self.never_runs = self.never_runs, NEVER_RUNS
        for command in found.get("command", []):
            self._syntactic_call(command, steps=False)
        self.never_runs = never
        for function in found.get("function", []):
            self._queue(function)

    def _loop(
        self,
        node: Node,
        env: Env,
        read: Node | None = None,
        block: bool = False,
        parts: list[Node] | None = None,
        bound: dict[str, Value] | None = None,
    ) -> None:
        """A loop's body runs any number of times: a variable it assigns may hold a value from an earlier
        round when it is read, so it starts unknown, and what the loop leaves is joined with before. A path
        the body ends (`break`, `return`, …) is read as going on after the loop, as the body may not run.
        `read`: the list of a `foreach`, already read. A script `block` is read the same way, as a unit of
        its own: a `return` in it ends only the block, and its `$using:x` is the `$x` of `env`. `parts`:
        the loop's parts in the order a round runs them, when that is not the order they are written in.
        `bound`: what a `foreach`'s variable holds in every round, when it is one value."""
        inner = env.child()
        inner.vars.update(bound or {})
        inner.loop = (self.index, node)
        inner.using = env if block else None
        around, self.branches = self.branches, None  # its rounds may take different branches
        self.maybe += 1
        rounds = self.every_vm_round
        every = [k for k, v in (bound or {}).items() if isinstance(v, EveryVm)]
        if every or (block and isinstance(self.item, EveryVm)):
            self.every_vm_round = (self.maybe, every[0] if every else "_")
        defined = len(self.replaced)
        if self.index.dot_sources_within(node):  # a later round reads what an earlier one dot-sourced
            self._dot_sourced_here(env)
        with self._landing(inner) if block else contextlib.nullcontext():
            for child in parts if parts is not None else _named(node):
                if child.type == "variable" and node.type == "foreach_statement":
                    continue
                if read is not None and child.id == read.id:
                    continue
                if self.stopped is not None:
                    self._not_run(child)
                elif child.type in ("statement_block", "script_block", "script_block_body", "statement_list"):
                    self.statements(child, inner)
                else:
                    self.statement(child, inner)
        self._undefine(defined, cmdlets_only=True)
        self.maybe -= 1
        self.every_vm_round = rounds
        self.branches = around
        if block and self.stopped == "return":
            self.stopped = None
        self._left_maybe(loop=True)
        env.merge([inner], False, self.spend)

    def _for(self, node: Node, env: Env) -> None:
        """`for (initializer; condition; step) { body }` as PowerShell runs it: the initializer once, then
        each round the condition, the body and the step, in that order. A loop whose rounds the reader can
        count (see `_for_rounds`) runs round by round, as `_foreach` walks a list of constants, when the
        body has no `break` or `continue` and the repeats are affordable: each round's body sees the
        counter's value in that round. Any other is read as `_loop` reads it, with the step after the
        body."""
        initializer = _first(node, "for_initializer")
        condition = _first(node, "for_condition")
        step = _first(node, "for_iterator")
        body = _first(node, "statement_block")
        for part in _named(initializer) if initializer is not None else ():
            self.statement(part, env)
        if self.stopped is not None:
            self._not_run(body)
            return
        rounds = self._for_rounds(node, env) if body is not None and not self.index.exits(body) else None
        if rounds is None or body is None or step is None or not self._repeat(node, max(rounds - 1, 0)):
            parts = [part for part in (condition, body, step) if part is not None]
            self._counted_loop(node, env, parts=parts)
            return
        self._run_rounds(body, rounds, env, step)

    def _while(self, node: Node, env: Env) -> None:
        """`while (condition) { body }`, `do { body } while (condition)` or `until`: a loop whose rounds the
        reader can count (see `_while_rounds`) runs round by round, as `_for` runs one, when the body has
        no `break` or `continue` and the repeats are affordable; any other is read once (see
        `_counted_loop`)."""
        body = _first(node, "statement_block")
        rounds = self._while_rounds(node, env) if body is not None and not self.index.exits(body) else None
        if rounds is None or body is None or not self._repeat(node, max(rounds - 1, 0)):
            self._counted_loop(node, env)
            return
        self._run_rounds(body, rounds, env)

    def _run_rounds(self, body: Node, rounds: int, env: Env, step: Node | None = None) -> None:
        """A counted loop's body `rounds` times (none: not run), each round then its `step` (a `for`'s)."""
        if rounds == 0:
            self._not_run(body)
            return
        for _ in range(rounds):
            self.statements(body, env)
            if self.stopped is not None:
                break
            if step is not None:
                self.statement(step, env)

    def _counted_loop(self, node: Node, env: Env, parts: list[Node] | None = None) -> None:
        """A `for`, `while` or `do` loop read once (see `_loop`): a VM named by a variable the loop
        assigns (`New-AzureVMConfig -Name "web$i"`) stands for one VM per turn, of turns the reader does
        not count (see `_looped_over`)."""
        body = _first(node, "statement_block")
        head = self.where.source[node.start_byte : body.start_byte if body is not None else node.end_byte]
        self.loops_over[node.id] = f"the turns of `{_short(head.decode('utf-8', 'replace')).rstrip(' {')}`"
        self._loop(node, env, parts=parts)

    def _for_rounds(self, node: Node, env: Env) -> int | None:
        """How many rounds a `for` loop runs, its initializer run: when its step changes one variable by a
        constant (see `_counter_step`) that its body does not assign, and its condition counts them (see
        `_rounds`); None otherwise."""
        step, body = _only_child(node, "for_iterator"), _first(node, "statement_block")
        stepping = _counter_step(step) if step is not None else None
        if stepping is None or body is None:
            return None
        key = stepping[0]
        if self.index.assigns(key, body.start_byte, body.end_byte):
            return None
        return self._rounds(node, _only_child(node, "for_condition"), stepping, env)

    def _while_rounds(self, node: Node, env: Env) -> int | None:
        """How many rounds a `while` or `do` loop runs: when one statement of its body, run in every round,
        changes a variable by a constant (`$i++`, `$i += 2`, see `_counter_step`), nothing else in the loop
        assigns it, and its condition counts the rounds (see `_rounds`); a `do` runs its body once before
        it tests, and `until` runs while its condition does not hold. None otherwise."""
        body = _first(node, "statement_block")
        statements = _first(body, "statement_list") if body is not None else None
        if body is None or statements is None:
            return None
        steps = [s for s in map(_counter_step, _named(statements)) if s is not None]
        counters = [
            s for s in steps if self.index.assignments_between(s[0], node.start_byte, node.end_byte) == 1
        ]
        if len(counters) != 1:
            return None
        keyword = next((c.type for c in node.children if c.type in ("while", "until")), "while")
        first = node.type == "do_statement"
        return self._rounds(node, _only_child(node, "while_condition"), counters[0], env, first, keyword)

    def _rounds(
        self,
        node: Node,
        compared: Node | None,
        stepping: tuple[str, int],
        env: Env,
        body_first: bool = False,
        keyword: str = "while",
    ) -> int | None:
        """How many rounds a loop runs whose counter `stepping` names (its variable and what each round
        adds to it), when its condition compares the counter with a whole number the script writes or a
        variable that holds one (`$i -le $count`, `$i -lt 10`), which nothing in the loop assigns, the
        counter holds a whole number the script surely gives, and the loop ends within `_MAX_ROUNDS`
        rounds; None otherwise. A number a parameter's default states does not count them: a caller may
        pass another, and the rounds past the default's would not be read."""
        compared = _unwrap(compared) if compared is not None else None
        if compared is None or compared.type != "comparison_expression" or len(_named(compared)) != 3:
            return None
        key, by = stepping
        left, comparing, right = _named(compared)
        word = _text(comparing).strip().casefold().removeprefix("-")
        word = word[1:] if word[:1] in ("i", "c") and word[1:] in _ORDERINGS else word
        sides = [_unwrap(left), _unwrap(right)]
        counter_at = [at for at, side in enumerate(sides) if _is_variable(side, key)]
        if word not in _ORDERINGS or len(counter_at) != 1:
            return None
        bound = sides[1 - counter_at[0]]
        if bound.type == "variable" and self.index.assigns(
            _variable(_text(bound))[1], node.start_byte, node.end_byte
        ):
            return None
        if bound.type not in ("variable", "integer_literal", "decimal_integer_literal"):
            return None
        values = [self.evaluate(side, env) for side in sides]
        # A bound the script surely gives: a parameter's default is one run's (a caller may pass more
        # rounds, whose VMs are then not read at all).
        if not all(isinstance(v, Text) and v.sure and _WHOLE.fullmatch(v.value) for v in values):
            return None
        if not (isinstance(values[0], Text) and values[0].number):  # PowerShell compares as the left side is
            return None
        numbers = [int(v.value) for v in values if isinstance(v, Text)]
        holds = (
            (lambda: _ORDERINGS[word](*numbers))
            if keyword == "while"
            else (lambda: not _ORDERINGS[word](*numbers))
        )
        for rounds in range(_MAX_ROUNDS + 1):
            if not (body_first and rounds == 0) and not holds():
                return rounds
            numbers[counter_at[0]] += by
        return None

    def _foreach(self, node: Node, env: Env) -> None:
        """`foreach ($x in …)`: the list is read once, before the loop. A list of constants the script
        writes out (`"a", "b"`, `@(…)`, `1..3`, or a variable that holds one) is walked item by item, as
        PowerShell runs it, when it holds at most `_MAX_ROUNDS` items, the body has no `break` or
        `continue` that could end it early (but in a `catch`: see `SyntaxIndex.loop_exits`), and the
        repeats are affordable; a round that ends the path (`return`, `exit`, `throw`) is the last, as is
        one that `break`s, after which the path goes on past the loop. Over an empty list (`@()`) the body
        never runs. Any other loop is read as `_loop` reads it."""
        variable = _first(node, "variable")
        listed = next((c for c in _named(node) if c.type == "pipeline"), None)
        body = _first(node, "statement_block")
        if variable is None or listed is None or body is None:
            self._loop(node, env)
            return
        value = self._range(listed, env)
        if value is None:
            value = self.evaluate(listed, env)
        items = _constant_items(value)
        if items == () or self.stopped is not None:
            self._not_run(body)
            return
        key = _variable(_text(variable))[1]
        if items is None and not isinstance(value, EveryVm):
            self.loops_over[node.id] = _short(_text(listed))
        if items is None or self.index.exits(body) or not self._repeat(body, len(items) - 1):
            # Every VM (`foreach ($vm in Get-AzureVM)`) is one a test on its name picks (see `_narrowed`),
            # and each network site of a configuration file the script reads is one of that file's, as
            # each of those Get-AzureVNetSite lists is one of the subscription's.
            each = value if isinstance(value, EveryVm) else _network_site_of(value, _text(variable))
            self._loop(node, env, read=listed, bound={key: each} if each is not None else None)
            return
        for item in items:
            env.vars[key] = item
            self.statements(body, env)
            if self.stopped in ("break", "continue"):  # of this loop: it ends, or goes on with the next item
                ended, self.stopped = self.stopped, None
                if ended == "break":
                    break
            if self.stopped is not None:
                break

    def _range(self, node: Node, env: Env) -> Value | None:
        """`1..3` (which the grammar reads as the name of a command) or `$first..$last`: its numbers, when
        they are known and at most `_MAX_ROUNDS`; None when the node is no range."""
        inner = _unwrap(node)
        while inner.type == "parenthesized_expression" and _named(inner):
            inner = _unwrap(_named(inner)[0])
        if inner.type == "command":
            written = _RANGE.fullmatch(_command_name(inner))
            elements = inner.child_by_field_name("command_elements")
            given = [c for c in _named(elements) if c.type != "command_argument_sep"] if elements else []
            if written is None or given:
                return None
            ends = [written[1], written[2]]
        elif inner.type == "range_expression" and any(c.type == ".." for c in inner.children):
            values = [self.evaluate(part, env) for part in _named(inner)]
            ends = [v.value.strip() if isinstance(v, Text) else "" for v in values]
        else:
            return None
        if len(ends) != 2 or not all(_RANGE_END.fullmatch(end) for end in ends):
            return Unknown(self.snippet(node))
        first, last = int(ends[0]), int(ends[1])
        if abs(last - first) >= _MAX_ROUNDS:
            return Unknown(self.snippet(node))
        step = 1 if last >= first else -1
        return Items(tuple(Text(str(number), number=True) for number in range(first, last + step, step)))

    def _repeat(self, node: Node, times: int, extra: int = 0) -> bool:
        """Whether running `node` `times` more times (and `extra` steps besides) fits in the work allowed
        for repeats; if it does, the work is counted."""
        cost = times * node.descendant_count + extra
        if cost > self.repeats:
            return False
        self.repeats -= cost
        return True

    def _flow(self, node: Node, env: Env) -> None:
        """`return`, `break`, `continue`, `throw`, `exit`: what they hold runs, what `return` gives is
        output, and the path ends (see `_sequence`); but not at one that stops the script at its top level,
        where the next selection starts (see `_selection_stops`)."""
        word = _text(node.children[0]).casefold() if node.children else ""
        for child in _named(node):
            if child.type in self._STATEMENTS:
                self.statement(child, env)
                continue
            value = self.evaluate(child, env)
            if word == "return" and self.output is not None and child.type == "pipeline":
                self._output(value)
        if node.id in self.selection_stops:
            self.selection += 1
            return
        if word == "throw" and self._trapped():
            self.partial = True  # a `trap` takes the error, and the script may go on after the statement
        elif word in _REACH and self.stopped is None:
            self.stopped = word
            if word == "return":
                self._returning(env)
            if _ends_the_script(word, self.catching, bool(self.calling or self.returned_links)):
                self._left_down(env, surely=False)

    def _trapped(self) -> bool:
        """Whether a `trap` that may let the script go on is in a scope an error here reaches: the function
        being run, those that called it, the script. Reading a function once, with values it does not
        know, its callers are not known: any such trap of the script may be in one."""
        trapping = self.index.trapping
        if not trapping or self.catching:  # a `catch` takes the error first
            return False
        if not self.callers_known:
            return True
        return 0 in trapping or any(function in trapping for function in self.calling)

    def _try(self, node: Node, env: Env) -> None:
        """The `try` block runs; each `catch` may run; the `finally` block runs. A `throw` that ends the
        `try` block is caught when a `catch` follows it (before any `trap`): when it surely ends it and one
        `catch` takes any error, that `catch` runs, and how it ends the path holds after the `try`. Any
        other end of the path takes effect after the `finally` block. What the `try` block outputs and what
        a `catch` that may run outputs are read as one or the other (see `_one_of`): a script's `catch`
        gives what the `try` block failed to, its call that fails being the one that outputs."""
        handlers: list[Env] = []
        outputs: list[list[Value]] = []  # what the `try` block and each `catch` output, apart
        ended: str | None = None
        catches = _first(node, "catch_clauses") is not None
        thrown = False
        for child in _named(node):
            if child.type == "statement_block":
                self.catching += catches
                self._apart(outputs, self.statements, child, env)
                self.catching -= catches
                ended = self._leave()
                if ended == "throw" and catches:
                    ended, thrown = None, True
            elif child.type == "catch_clauses":
                clauses = _named(child)
                block = _first(clauses[0], "statement_block") if len(clauses) == 1 else None
                if thrown and block is not None and _first(clauses[0], "catch_type_list") is None:
                    self._output_one_of(outputs)  # output before the error, then by the `catch`
                    outputs = []
                    outer, self.item = self.item, None
                    self.statements(block, env)  # the only `catch`, of any error: it runs
                    self.item = outer
                    ended = self._leave()
                    continue
                outer, self.item = self.item, None  # in a `catch`, `$_` is the error
                for clause in clauses:
                    block = _first(clause, "statement_block")
                    if block is not None:
                        handlers.append(self._apart(outputs, self._branch, block, env.child(), False))
                        self._left_maybe()
                self.item = outer
            elif child.type == "finally_clause":
                self._output_one_of(outputs)
                outputs = []
                env.merge(handlers, False, self.spend)
                handlers = []
                block = _first(child, "statement_block")
                if block is not None:
                    self.statements(block, env)
        self._output_one_of(outputs)
        env.merge(handlers, False, self.spend)
        self.stopped = self.stopped or ended

    def _one_value_parameter(self, subject: Node) -> bool:
        """Whether an expression is only a parameter of the script declared as one string or number
        (`[ValidateSet("Validate", "Prepare")][string]$Step`) that nothing else in it assigns, read at the
        script's level: one value, whichever a run passes."""
        inner = _unwrap(subject)
        while inner.type == "parenthesized_expression" and len(_named(inner)) == 1:
            inner = _unwrap(_named(inner)[0])
        if self.scope != 0 or inner.type != "variable":
            return False
        key = _variable(_text(inner))[1]
        program = subject
        while program.parent is not None:
            program = program.parent
        signature = self._signature(program)
        if key not in self.constant_keys or key not in signature.known:
            return False
        declared = signature.types[signature.names.index(key)].removeprefix("system.")
        return declared == "string" or declared in _WHOLE_TYPES

    def _value_tested(self, condition: Node | None) -> tuple[str, str] | None:
        """The parameter and value an `if` tests (`$Phase -eq 'Commit'`, `'Commit' -eq $Phase`), when the
        parameter is one of the script's declared as one string (see `_one_value_parameter`)."""
        node = _unwrap(condition) if condition is not None else None
        parts = _named(node) if node is not None and node.type == "comparison_expression" else []
        operator = next((p for p in parts if p.type == "comparison_operator"), None)
        sides = [p for p in parts if p.type != "comparison_operator"]
        if operator is None or len(sides) != 2 or _text(operator).strip().casefold() not in ("-eq", "-ieq"):
            return None
        for own, other in (sides, sides[::-1]):
            constant = _clause_constant(_unwrap(other))
            if constant is not None and constant != _DEFAULT_CLAUSE and self._one_value_parameter(own):
                return _variable(_text(_unwrap(own)))[1], constant.casefold()
        return None

    def _value_switched(
        self, mode: SwitchMode | None, subject: Node | None, clause: Node
    ) -> tuple[str, str] | None:
        """The parameter and value a clause of a `switch` on a parameter declared as one string matches
        (`switch ($Phase) { 'Prepare' { … } }`), compared as `-eq` does (no `-CaseSensitive`); None for
        `default`, which matches what no other clause does."""
        if mode is None or mode.case or subject is None or not self._one_value_parameter(subject):
            return None
        constant = _clause_constant(_first(clause, "switch_clause_condition"))
        if constant is None or constant == _DEFAULT_CLAUSE:
            return None
        return _variable(_text(_unwrap(subject)))[1], constant.casefold()

    def _on_value(
        self,
        around: tuple[tuple[str, int], ...] | None,
        choice: str,
        taken: int,
        chosen: tuple[str, str] | None,
        value: tuple[str, str] | None,
    ) -> tuple[tuple[str, int], ...] | None:
        """The branches branch `taken` of `choice` runs on (see `_on_branch`). In the script's own code,
        outside any other choice, an `if` or `switch` that tests a parameter declared as one string
        (`chosen`: the parameter and the value its first test compares with) is a choice of that
        parameter's value, one for the whole script: a branch run only when it holds `value` is that
        value's branch, any other branch (an `else`, `default`) one of its own. So a `switch ($Phase)`
        clause and a later `if ($Phase -eq 'Commit')` of another value are two runs of the script, never
        one (the stages of a runbook), and two tests of one value run together."""
        if chosen is None or around != ():
            return _on_branch(around, choice, taken)
        key = chosen[0]
        values = self.parameter_values.setdefault(key, {})
        written = value[1] if value is not None and value[0] == key else f"\0{choice}#{taken}"
        return ((f"{self.path}#${key}", values.setdefault(written, len(values))),)

    def _switch(self, node: Node, env: Env) -> None:
        """Each clause may run; a `break` or `continue` in one ends the `switch`. Clauses no value matches
        two of (see `_exclusive_clauses`) output one or the other (see `_one_of`). Over a string the script
        surely gives, a clause it surely does not match does not run, and when every clause is decided the
        `switch` is (see `_decided_switch`)."""
        branches: list[Env] = []
        outputs: list[list[Value]] = []  # what each clause outputs, apart, when one clause at most runs
        subject: list[Value] = []
        subject_node: Node | None = None  # the expression switched on, when it is one
        one_string = False  # the subject is one string (known or not): no item runs the clauses again
        choice, around = self._choice(), self.branches
        for child in _named(node):
            if child.type == "switch_body":
                clauses = [c for clauses in _named(child) for c in _named(clauses)]
                mode = _switch_mode(node)
                exclusive = _exclusive_clauses(mode, clauses, one_string)
                values = (self._value_switched(mode, subject_node, clause) for clause in clauses)
                switched = next((value for value in values if value is not None), None)
                matched = self._matched_clauses(mode, clauses, subject[0]) if one_string else None
                if matched is not None and None not in matched:
                    self._decided_switch(clauses, matched, subject[0], env)
                    return
                for at, clause in enumerate(clauses):
                    if self.stopped is not None or (matched is not None and matched[at] is False):
                        self._not_run(clause)
                        continue
                    self.maybe += 1
                    defined, outer, self.item = len(self.replaced), self.item, None
                    if exclusive:
                        value = self._value_switched(mode, subject_node, clause)
                        self.branches = self._on_value(around, choice, len(branches), switched, value)
                        branches.append(self._apart(outputs, self._clause, clause, env.child()))
                        self.branches = around
                    else:
                        branches.append(self._clause(clause, env.child()))
                    self._undefine(defined, cmdlets_only=True)
                    self.maybe, self.item = self.maybe - 1, outer
                    self._left_maybe(loop=True)
            elif child.type == "switch_condition":
                subject = [self.evaluate(part, env) for part in _named(child)]
                subject_node = _named(child)[0] if len(_named(child)) == 1 else None
                one_string = len(subject) == 1 and (
                    isinstance(subject[0], Text)
                    or _environment_variable(_named(child)[0])
                    or self._one_value_parameter(_named(child)[0])
                )
            else:
                self.evaluate(child, env)
        self._output_one_of(outputs)
        env.merge(branches, False, self.spend)

    def _matched_clauses(
        self, mode: SwitchMode | None, clauses: list[Node], subject: Value
    ) -> list[bool | None] | None:
        """Whether each clause matches `subject`, one string: True, False, or None when the reader cannot
        tell (a script block, a variable, a pattern it does not surely read); None for all when the subject
        is not a string the script surely gives, or the `switch` compares in a way the reader does not
        follow (`-File`, `-Parallel`). `default` matches when no other clause does."""
        if mode is None or not isinstance(subject, Text) or not subject.sure:
            return None
        constants = [_clause_constant(_first(clause, "switch_clause_condition")) for clause in clauses]
        matched = [
            None if c is None or c == _DEFAULT_CLAUSE else _clause_matches(mode, subject, c, self.spend)
            for c in constants
        ]
        others = [m for m, c in zip(matched, constants, strict=True) if c != _DEFAULT_CLAUSE]
        default = False if True in others else True if None not in others else None
        return [default if c == _DEFAULT_CLAUSE else m for m, c in zip(matched, constants, strict=True)]

    def _decided_switch(
        self, clauses: list[Node], matched: list[bool | None], subject: Text, env: Env
    ) -> None:
        """A `switch` over a string the script surely gives, whose clauses are each known to match it or
        not: those that match run, in order (`default` when no other does), as surely as the `switch`
        does, until one ends it with `break` or `continue`; the others do not run."""
        ended = False
        for clause, runs in zip(clauses, matched, strict=True):
            if not runs or ended or self.stopped is not None:
                self._not_run(clause)
                continue
            outer, self.item = self.item, subject  # `$_` in a clause is the value switched on
            self._clause(clause, env)
            self.item = outer
            if self.stopped in ("break", "continue"):
                self.stopped, ended = None, True  # ends the switch only

    def _clause(self, clause: Node, env: Env) -> Env:
        for child in _named(clause):
            if self.stopped is not None:
                self._not_run(child)
            elif child.type == "statement_block":
                self.statements(child, env)
            else:
                self.statement(child, env)
        return env

    def _trap(self, node: Node, env: Env) -> None:
        """A `trap` block runs when an error occurs, if one does: as a branch that may not run."""
        block = _first(node, "statement_block")
        if block is not None:
            env.merge([self._branch(block, env.child(), certain=False)], False, self.spend)
            self._left_maybe()

    def _body(self, node: Node, env: Env) -> None:
        self.statements(node, env)

    def _named_block(self, node: Node, env: Env) -> None:
        """`begin`, `process`, `end`: a `return` ends the block it is in, and the next block still runs."""
        with self._landing(env):
            self.statements(node, env)
        if self.stopped == "return":
            self.stopped = None

    def _skip(self, node: Node, env: Env) -> None:
        pass

    def _param_block(self, node: Node, env: Env) -> None:
        """The script's own `param (…)` gives its parameters their defaults (see `_defaults`); a function's,
        or a script block's, is bound where it is called. The script blocks of its attributes run either
        way (see `_attribute_blocks`)."""
        self._attribute_blocks(node, env)
        if node.parent is not None and node.parent.type == "program":
            self._defaults(node.parent, env)

    def _declared_attribute_blocks(self, function: Node, env: Env) -> None:
        """The attributes' script blocks of the parameters a function or script block declares outside
        its body's statements: `function f([ValidateScript({…})]$a)`, or a script block's `param (…)` that
        the grammar puts before its body."""
        self._attribute_blocks(_first(function, "function_parameter_declaration"), env)
        if function.type == "script_block_expression":
            self._attribute_blocks(_first(function, "param_block"), env)

    def _attribute_blocks(self, holder: Node | None, env: Env) -> None:
        """The script blocks written as arguments of the attributes of the parameters `holder` declares
        (`[ValidateScript({ Get-AzureService -ServiceName $_ })]`): PowerShell runs a validation block
        each time the parameter is given, so its commands are the script's commands, as any script
        block's are. Read before the body, which they run before, as code that may not run (a call need
        not give the parameter); `$_` is the value given, not known."""
        blocks = _attribute_script_blocks(holder) if holder is not None else []
        self.maybe += 1
        for block in blocks:
            self._script_block(block, env)
        self.maybe -= 1

    def _defaults(self, holder: Node, env: Env) -> None:
        """The defaults of the parameters of code that no call the reader sees runs: the script's own `param
        (…)`, a workflow (which Azure Automation starts). Run as written, it uses them, and a caller may
        pass others: a parameter with a default holds it as a value the script states but is not sure of
        (see `Text.sure`), which names what it names and decides no condition. Only a name, or names, are
        kept (see `_stated_default`); a parameter that may be mandatory has no default (a run without it
        prompts), and a switch none the reader keeps. The defaults are read in order (one may use the
        parameters before it), as code that may not run: a caller that passes the parameter runs none. A
        default that ends the path (`$(throw "-Name is required")`, the mandatory parameter of PowerShell 1)
        makes the parameter one a run must be given: the script goes on with the value it is given."""
        signature = self._signature(holder)
        for at, parameter in enumerate(_parameters(holder)):
            declared = _variable(_text(parameter))[1]
            self.declared_parameters[(self.scope, declared)] = _text(parameter).lstrip("$")
            if at < len(signature.mandatory) and signature.mandatory[at]:
                self.mandatory_parameters.add((self.scope, declared))
        maybe = 0 if self.on_defaults else 1
        self.maybe += maybe
        for at, name in enumerate(signature.names):
            given = signature.defaults[at]
            if given is None or signature.mandatory[at] or signature.is_switch[at]:
                continue
            partial = self.partial
            value = self.evaluate(given, env)
            if self.stopped is not None or self.partial != partial:
                self.stopped, self.partial = None, partial
                continue
            if signature.types[at]:  # `[string]$Name = …`: the value as the parameter holds it
                value = _typed(value, signature.types[at])
            kept = _stated_default(value, sure=self.on_defaults)
            if kept is None:
                continue
            self.defaults_kept = True
            self.defaulted.add((self.scope, name))
            env.vars[name] = kept
            if self.scope == 0 and name in self.constant_keys:  # seen by the script's functions too
                self._constant(name, kept)
        self.maybe -= maybe

    def _inline_statement(self, node: Node, env: Env) -> None:
        """An InlineScript as a statement: what it outputs is what the function being run outputs."""
        value = self._inline_script(node, env)
        if self.output is not None:
            self._output(value)

    def _inline_script(self, node: Node, env: Env) -> Value:
        """A workflow's `InlineScript { … }`: its block runs once, there, in a session of its own. It sees
        the workflow's variables only through `$using:`, and what it assigns stays in it; what it does to
        VM configurations carries back. A `return`, `exit`, `break` or `continue` ends the block only (a
        `throw` fails the workflow's activity); its value is what it outputs (see `_call_value`)."""
        block = _first(node, "statement_block")
        if block is None:
            return NULL
        scope = Env(env, self.constants)
        scope.called, scope.using = True, env
        saved = self.output, self.maybe, self.partial, self.sure_output, self.item, self.output_floor
        uncertain = bool(self.maybe or self.partial)  # kept in `maybe_calls`, as for a call (`_run_call`)
        self.output, self.maybe, self.partial, self.sure_output, self.item = [], 0, False, True, None
        sure_arms, self.sure_arms = self.sure_arms, 0
        self.output_floor = 0
        self.maybe_calls += uncertain
        defined = len(self.replaced)
        try:
            with self._landing(scope):
                self.statements(block, scope)
            outputs, sure = self.output, self.sure_output
        finally:
            self._undefine(defined)
            self.maybe_calls -= uncertain
            self.output, self.maybe, self.partial, self.sure_output, self.item, self.output_floor = saved
            self.sure_arms = sure_arms
        if self.stopped != "throw":
            self.stopped = None
        return self._returned(node, scope, env, outputs, sure)

    _STATEMENTS: dict[str, Callable[[Interpreter, Node, Env], None]] = {
        "function_statement": _function_statement,
        "if_statement": _if,
        "foreach_statement": _foreach,
        "flow_control_statement": _flow,
        "for_statement": _for,
        "while_statement": _while,
        "do_statement": _while,
        "try_statement": _try,
        "switch_statement": _switch,
        "statement_block": _body,
        "statement_list": _body,
        "script_block": _body,
        "script_block_body": _body,
        "named_block_list": _body,
        "named_block": _named_block,
        "trap_statement": _trap,
        "comment": _skip,
        "empty_statement": _skip,
        "param_block": _param_block,
        "block_name": _skip,
        "inlinescript_statement": _inline_statement,
    }

    def _errors_within(self, node: Node, env: Env) -> None:
        """A region the grammar could not read, right under a node whose handler reads other parts."""
        if node.has_error:
            for child in node.children:
                if child.type == "ERROR":
                    self.opaque(child, env)

    def opaque(self, node: Node, env: Env) -> Value:
        """Code the reader does not follow (a parse error region, or nesting too deep): its classic calls
        are still calls, what it assigns becomes unknown, and objects it mentions may be changed."""
        found = _captures(_OPAQUE, node)
        self.spend(sum(len(nodes) for nodes in found.values()))
        for command in found.get("command", []):
            self.record_call(command, _command_name(command), Args())
        for variable in found.get("variable", []):
            self.escape(env.lookup(_variable(_text(variable))[1]))
        for assignment in found.get("assignment", []):
            for key in _assigned_keys(assignment):
                env.vars[key] = Unknown("$" + key)
        return Unknown(self.snippet(node))

    # --- expressions --------------------------------------------------------------------------------

    def evaluate(self, node: Node, env: Env) -> Value:
        self.spend()
        node = _unwrap(node)
        if (
            self.depth > _MAX_DEPTH
            or node.type == "ERROR"
            or (self.index.recovered and self.index.recovered.holds(node))
        ):
            return self.opaque(node, env)
        self._errors_within(node, env)
        self.depth += 1
        output, self.output = self.output, None
        try:
            handler = self._EXPRESSIONS.get(node.type)
            if handler is not None:
                return handler(self, node, env)
            return self._other(node, env)
        finally:
            self.depth -= 1
            self.output = output

    def _other(self, node: Node, env: Env) -> Value:
        """An expression the reader has no value for: its parts still run (commands inside it)."""
        for child in _named(node):
            if child.type in self._STATEMENTS and child.type not in ("comment",):
                self.statement(child, env)
            else:
                self.evaluate(child, env)
        return Unknown(self.snippet(node))

    def _chain(self, node: Node, env: Env) -> Value:
        """`a | b | c`: each command gets what the one before it outputs."""
        value: Value | None = None
        for child in _named(node):
            if child.type == "command":
                value = self._passed_on(child, value, self.command(child, env, value))
            elif child.type == "pipeline_chain_tail":
                self.evaluate(child, env)
            else:
                value = self.evaluate(child, env)
        return value if value is not None else NULL

    def _chained(self, node: Node, env: Env) -> Value:
        """PowerShell 7's pipeline chains, `a && b` and `a || b`, read as the shell reader reads bash's: what
        follows `||` runs only when what comes before fails (`Test-AzureName -Service web || New-AzureService
        web`), so it may not run; what follows `&&` runs only when what comes before succeeds, which an
        action the script expects to succeed does, so it runs where that does, but a query of a classic
        resource (`Get-AzureService -ServiceName web && Remove-AzureService web`) fails when there is none:
        after one, as in the branch of an `if`, it may not run."""
        parts = [part for part in _named(node) if part.type != "comment"]
        if not any(part.type == "pipeline_chain_tail" for part in parts):
            return self._other(node, env)
        operator, before = "", None
        for part in parts:
            query_before = _classic_query(before)
            if part.type == "pipeline_chain_tail":
                operator = _text(part).strip()
            elif (operator == "||" or (operator == "&&" and query_before)) and _chained_flow(part):
                self._chain_ends_path(part, query_before, env)
            elif operator == "||" or (operator == "&&" and query_before):
                self._may_not_run(part, env)
            else:
                self.evaluate(part, env)
            before = part if part.type != "pipeline_chain_tail" else before
        return Unknown(self.snippet(node))

    def _chain_ends_path(self, part: Node, query_before: bool, env: Env) -> None:
        """`a || exit 1`, `a || throw "x"` (`_chained_flow`, which the grammar reads as a command named
        `exit`): the word ends the path where `a` failed, and what it holds runs there. After an action the
        script means to succeed, what follows runs on the path the script means, surely, as after bash's `cd
        "$dir" || exit 1`; after a query of a classic resource, which fails when there is none (`Get-AzureService
        -ServiceName web || exit 1`, or `&& exit 0`), the path may have ended before what follows, which runs
        only where the query answered so, as after `if (-not (Get-AzureService …)) { exit 1 }` (see `_if`)."""
        word = _chained_flow(part)
        elements = _named(part)[0].child_by_field_name("command_elements")
        branch = env.child()
        self.maybe += 1
        for element in _named(elements) if elements is not None else []:
            if element.type != "command_argument_sep":
                self.evaluate(element, branch)
        self.maybe -= 1
        env.merge([branch], False, self.spend)
        if not query_before:
            return
        self.partial = True
        if word != "throw":  # a guard: what follows runs on the other branch of a choice of its own
            self.branches = _on_branch(self.branches, self._choice(), 1)

    def _may_not_run(self, node: Node, env: Env) -> None:
        """Code run on one path only, a branch the reader cannot decide: what it creates or changes may be
        there, what it removes may not be gone, what it assigns is joined with what was there."""
        branch = env.child()
        self.maybe += 1
        self.evaluate(node, branch)
        self.maybe -= 1
        env.merge([branch], False, self.spend)

    def _passed_on(self, stage: Node, piped: Value | None, output: Value) -> Value:
        """What a pipeline's stage given VM configurations passes on: from a cmdlet that takes one and passes
        no VM on (`cmdlets.PASS_NO_VM_ON`: Set-AzureAclConfig outputs nothing, Get-AzureEndpoint the
        endpoint it reads; Out-Null), nothing, said where (`Null.dropped`); else its output, which for a
        cmdlet the reader does not know is a VM it cannot see (see `_unseen_configuration`)."""
        if piped is None or not _holds_vm(piped) or isinstance(output, (Vms, Acls)):
            return output
        key = _command_name(stage).casefold()
        if key in self.defined or key not in _PASS_NO_VM_ON:
            return output
        return Null(dropped=self._at_call(stage))

    def _assignment(self, node: Node, env: Env) -> Value:
        parts = node.children
        target = _target(parts[0]) if parts else None
        operator = next((c for c in parts if c.type == "assignement_operator"), None)
        source = node.child_by_field_name("value")
        value = self.evaluate(source, env) if source is not None else Unknown("")
        op = _text(operator).strip() if operator is not None else "="
        if target is None:
            return value
        if target.type == "variable":
            scope, key = _variable(_text(target))
            if op == "+=":
                value = self._appended(self._before_appending(key, env), value, node)
            elif op == "-=":
                value = _less(env.lookup(key), value)
            elif op != "=":
                value = Unknown(self.snippet(node))
            constraint = _constraint(parts[0])
            if constraint:  # `[string]$x = …`: the value as the variable holds it
                value = _typed(value, constraint) or Unknown(self.snippet(node))
            if constraint.removeprefix("system.") in _XML_TYPES and source is not None:
                value = self._read_document(source, env) or value
            if key not in ("null",) and scope in ("", "script", "global"):
                copied = op == "=" and not constraint and source is not None and _plain_copy(source)
                env.vars[key] = _stamp(value, key, node, copied)
                if self.scope == 0 and key in self.constant_keys:
                    self._constant(key, value)
        elif target.type in ("member_access", "element_access"):
            self._set_member(target, value, env, op, self.where.mark(source) if source is not None else None)
        else:
            for key in _assigned_keys(node):
                env.vars[key] = Unknown("$" + key)
        return value

    def _before_appending(self, key: str, env: Env) -> Value | None:
        """What `$x` holds before `$x += y`: its value, or a caller's in a function run at a call (scopes
        are dynamic); None where nothing assigned it before, when it is $null."""
        before = env.lookup(key)
        if before is None and self.call_stack:
            before = env.lookup_outside(key)
        return before

    def _appended(self, before: Value | None, added: Value, node: Node) -> Value:
        """`x += y`, as `x + y` (see `_add`); a string it joins is marked at the `+=`, where the string is
        made, rather than where `x` was first written, which names only its start. `$null + y` is `y`, so a
        variable nothing set (or set to $null) takes what the first `+=` adds: a VM configuration, not an
        array of one. A VM configuration has no `+` (PowerShell says op_Addition is missing): a second
        `$vms += $vm` fails, and the variable keeps the first."""
        if before is None or (isinstance(before, Null) and before.stated):
            return added
        if isinstance(before, Vms):
            return before
        value = self._built(_add(before, added))
        if isinstance(value, Text) and isinstance(before, Text) and before.number is False:
            return replace(value, mark=self.where.mark(node))
        return value

    def _constant(self, key: str, value: Value) -> None:
        """A script variable assigned once in the text holds its value in the functions too; unless that
        assignment runs again (a loop walked item by item) and gives it another value. Assigned in code
        that may not run, it may be missing: it names what it names, and decides no condition."""
        if self.maybe:
            if isinstance(value, Flag):
                return
            if isinstance(value, Items) and value.unsure is None:
                self.spend(len(value.values))  # the copy is made once per array (see `_unsure`)
            value = _unsure(value)
        known = self.constants.get(key)
        if known is None:
            if _literal(value):
                self.constants[key] = value
        elif known is not value and known != value:
            del self.constants[key]
            self.constant_keys.discard(key)

    def _set_member(
        self, target: Node, value: Value, env: Env, op: str = "=", at: Mark | None = None
    ) -> None:
        """`$table[k] = v`, `$table.k = v`, and `+=` adding to the entry the table surely holds (other
        operators, or an entry that may be missing, leave it unknown), the entry marked `at` (where `v` is
        written); on a VM object, a change the reader does not follow."""
        inner = _named(target)
        if not inner or inner[0].type != "variable":
            return
        key = _variable(_text(inner[0]))[1]
        current = env.lookup(key)
        member = self._member_key(target, inner, env)
        if member is not None and member.casefold() == "allowclassicoperations" and value == Flag(True):
            self.classic_allowed_at = self.where.mark(target)
        if isinstance(current, Table) and member is not None:
            if op != "=":
                entry = current.get(member)
                if op == "+=" and entry is not None and entry[3]:
                    value = self._appended(entry[2], value, target)
                else:
                    value = Unknown(self.snippet(target))
            env.vars[key] = current.with_entry(member, value, at=at)
        elif isinstance(current, WebRequest) and member is not None and member.casefold() == "method":
            self._sent(current, _http_method(value, None), _WEB_REQUEST)
        elif isinstance(current, Table):  # `$table[$unknown] = …` may replace any entry
            self._changed_in_place(key, env)
        else:
            self.escape(current)
            self._changed_in_place(key, env)  # `$list[0] = …`

    def _member_key(self, target: Node, inner: list[Node], env: Env) -> str | None:
        """The member a member access or an item access names: as written (`$t.web`), or the string a
        quoted name or a variable in its place holds (`$t."$k"`, `$t.'web'`, `$t.$k`); None when the reader
        does not know it."""
        if target.type == "member_access":
            name = _first(target, "member_name")
            written = _named(name) if name is not None else []
            if name is None or (len(written) == 1 and written[0].type == "simple_name") or not written:
                return _text(name) if name is not None else None
            value = self.evaluate(written[0], env)
            return value.value if isinstance(value, Text) else None
        key = self.evaluate(inner[1], env) if len(inner) > 1 else None
        return key.value if isinstance(key, Text) else None

    def _variable_value(self, node: Node, env: Env) -> Value:
        text = _text(node)
        scope, key = _variable(text)
        if scope == "using":  # the variable of the code a unit of its own is written in
            return self._found(text, key, env.lookup_using(key), env)
        if scope:
            return Unknown(text, (scope, key) if scope == "env" else None)
        if key in ("true", "false"):
            return Flag(key == "true")
        if key == "null":
            return STATED_NULL
        if key in ("_", "psitem"):
            return self.item if self.item is not None else Unknown(text)
        if key == "args":  # the arguments of the call being run, given to no parameter
            given = env.arguments()
            return given if given is not None else Unknown(text, self._own_arguments(env))
        if key == "this":
            return Unknown(text, self._this(env))
        if key in ("input", "matches", "error"):
            return Unknown(text)
        return self._found(text, key, env.lookup(key), env)

    def _own_arguments(self, env: Env) -> object:
        """What tells `$args` read where no call the reader runs gives them (see `Env.arguments`) from other
        values: in the script's own code, or a function's read once, the arguments of that one run, whose
        items (`$args[0]`) are each one value wherever that code reads them, when the script never assigns
        `$args` and only reads items of them (see `SyntaxIndex.arguments_read_only`). None in a script
        block, read where it is written or item by item (`_each_item`), which has arguments of its own."""
        if self.item is not None or not env.outside_units() or not self.index.arguments_read_only:
            return None
        return None if "args" in self.index.by_key or self._stale("args") else ("args", self.scope)

    def _this(self, env: Env) -> object:
        """What tells `$this` in a class's method from other values: the object the method runs on, one in
        a run of it, whose members (`$this.Service`) are each one value there as a variable's are (see
        `_member_stays`). None elsewhere, and in a script block of the method's, which may be run on
        another object (`Add-Member -MemberType ScriptMethod -Value { $this … }`)."""
        if self.method is None or not env.outside_units(self.method[1]):
            return None
        return self._this_object()

    def _this_object(self) -> object:
        """The object the class method being read runs on: the one its call was made on (see
        `_run_method`), else, read once, its own."""
        return self.method[2] if self.method is not None else None

    def _class_method(self, node: Node, env: Env) -> Value:
        """A constructor of a class, read where the class is written, once, with values it does not know: in
        it `$this` is the object it runs on (see `_this`). Another method is read as a function is: one the
        script calls (`$this.Create()`, `$env.Create()`) is run at its calls, and read once at the end only
        if a call of it was not run; one it never calls is read once at the end, as code that runs only
        when something else calls it (`UNCALLED_RUNS`, see `run`)."""
        name = _first(node, "simple_name")
        if not _is_constructor(node) and name is not None:
            called = _text(name).casefold() in self.index.invoked_methods
            (self.pending_called if called else self.pending).append(node)
            return Unknown(self.snippet(node))
        around, self.method = self.method, (node, env, ("this", node.id))
        try:
            return self._other(node, env)
        finally:
            self.method = around

    def _found(self, text: str, key: str, value: Value | None, env: Env) -> Value:
        """What a variable written `text` holds, `value` as looked up (None when nothing assigns it). One
        the function being run at a call does not assign is its callers' (PowerShell's scopes are dynamic):
        a value they do not state is theirs (the parameter `$serviceName` of the function that calls two
        others that read it is one value in both), and one no scope on the way assigns is one value for
        every function the same code calls, and one the script assigns nowhere is one value for the whole
        script, in every function read once too. A string a caller holds is not taken: the function is read
        as given what its own code states."""
        if value is None:
            outside = env.lookup_outside(key) if self.call_stack else None
            if isinstance(outside, Unknown):
                value = outside
            else:
                scope = self.outer_scope if self.call_stack and outside is None else self.scope
                if key not in self.index.by_key:
                    # Assigned nowhere in the script: the session's value, one for every function that
                    # reads it, as for the script's own code (the same value is one resource).
                    scope = 0
                return Unknown(text, ("free", scope, key))
        if isinstance(value, EveryVm) and not self._stale(key):
            return value
        if isinstance(value, Unknown):
            return Unknown(
                text,
                value.ident,
                value.shape,
                value.written,
                value.maybe_null,
                value.holes,
                value.either,
                value.alternatives,
            )
        return _stale(value, text) if self._stale(key) else value

    def _stale(self, key: str) -> bool:
        """Whether something the reader does not follow may have changed a variable: a `Set-Variable`-like
        command names it, or a function assigns it in the script's scope (`$script:x = …`) or changes the
        table it holds in place. What a dot-sourced script or function may set is made so where it runs
        (see `_dot_sourced_here`)."""
        return self.index.all_stale or key in self.index.stale

    def _dot_sourced_here(self, env: Env) -> None:
        """A script or function dot-sourced here (`. .\\settings.ps1`) may set any variable the code here
        sees, or the script's (`$script:x`): each holds from here what it held, as `_stale` reads it (an
        array keeps its items and may hold others), until the script assigns it again. One assigned after
        the dot-source holds what it is assigned: `$vms = @()` then `$vms += …` holds the configurations
        added, and no other. The scopes around a branch that dot-sources change too: a value that may have
        been set there is one whether or not the branch runs."""
        scope: Env | None = env
        while scope is not None:
            self.spend(len(scope.vars))
            for key, value in scope.vars.items():
                if not key.startswith("\0"):
                    scope.vars[key] = _stale(value, "$" + key)
            scope = scope.parent
        self.spend(len(self.constants))
        for key, value in self.constants.items():
            self.constants[key] = _stale(value, "$" + key)

    def _location_changed(self, node: Node, key: str, env: Env) -> None:
        """Set-Location (Push-Location, Pop-Location): the folder the script runs in from here (`working`),
        which a path dot-sourced from the current folder (`. .\\config.ps1`) starts at. One that may not run
        leaves it unknown."""
        surely = self._surely_moves()
        if key in _LOCATION_BACK:
            self.working = self.locations.pop() if self.locations and surely else None
            return
        if key in _LOCATION_PUSH:
            self.locations.append(self.working)
        self.working = self._moved_to(node, env) if surely else None

    def _surely_moves(self) -> bool:
        """Whether a move of folder here surely runs when the branch of the `if` it is in does, that `if`
        surely running (see `location_floor`), or when the script does."""
        return (
            not (self.maybe > self.location_floor or self.partial or self.maybe_calls) and self.callers_known
        )

    def _branch_location(self, certain: bool) -> int:
        """The `location_floor` for a branch about to run (as `_branch` counts `maybe` in it), when a move
        here would surely run; else the one there is."""
        return self.maybe + (0 if certain else 1) if self._surely_moves() else self.location_floor

    def _joined_locations(
        self, start: tuple[str | None, list[str | None]], left: list[tuple[str | None, list[str | None]]]
    ) -> None:
        """The folder past an `if`, from `start` (the folder and the Push-Location stack before it) and
        what each branch that ran and went on `left`: the one they all leave (`Set-Location ..\\shared` on
        both arms), else unknown, as is each folder Push-Location left."""
        if not left:  # no path goes on past the `if`
            left = [start]
        if all(each == left[0] for each in left):
            self.working, self.locations = left[0][0], list(left[0][1])
        else:
            self.working, self.locations = None, [None] * max(len(each[1]) for each in left)

    def _moved_to(self, node: Node, env: Env) -> str | None:
        """The folder Set-Location moves to, from the script's: one the script states relative to the folder
        it runs in, or to its own (`$PSScriptRoot\\..\\shared`, a variable the script sets to its folder as
        `$scriptDir = Split-Path -Parent $MyInvocation.MyCommand.Path` does, that expression itself); None for
        any other (an absolute path, which is the machine's, not one of the files checked; a value the script
        does not state)."""
        parts = [
            part
            for part in _command_parts(node.child_by_field_name("command_elements"))
            if part.type != "command_argument_sep"
        ]
        named = [_parameter(part) for part in parts]
        if len(parts) == 2 and named[0] is not None and named[0][0].casefold() in ("path", "literalpath"):
            parts = parts[1:]
        elif len(parts) != 1 or named[0] is not None:
            return None
        above = _folder_above(parts[0]) if self.scope == 0 else None
        if above is not None:  # Set-Location (Split-Path -Parent $MyInvocation.MyCommand.Path)
            return _bare_folder("/".join([".."] * above))
        scope = env.child()  # the script's folder as a mark that only it starts with
        for key, path in self._script_folders_at(node).items():
            scope.vars[key] = Text(_folder_text(_SCRIPT_FOLDER, path))
        value = self.evaluate(parts[0], scope)
        if not isinstance(value, Text) or not value.sure or value.number is not False:
            return None
        text, start = value.value.replace("\\", "/"), self.working
        if text.startswith(_SCRIPT_FOLDER):
            text, start = text[len(_SCRIPT_FOLDER) :].lstrip("/"), ""
        if start is None or not (text or start == "") or text.startswith(("/", "~")) or ":" in text:
            return None
        moved = posixpath.normpath(posixpath.join(start, text))
        return "" if moved == "." else moved

    def _settings_loaded(self, invoked: Node, env: Env) -> None:
        """A settings file the script dot-sources by a path it states (see `_settings_path`), when it is
        one to read (`beside.settings_file`): the values it assigns are the script's from here, as if
        assigned here."""
        stated = self._settings_path(invoked, env)
        settings = beside.settings_file(stated) if stated else None
        if not stated or settings is None:
            self.folders_lost = None
            self.loaded_folders.clear()
            if stated and self.source is self.own and _from_current_location(invoked):
                self._loaded_from_another_folder(invoked, stated)
            if self.source is self.own and beside.finding() and _names_a_path(invoked):
                self._load_not_followed(invoked, DOT_SOURCE_NOT_FOLLOWED)  # unless said so already
            return
        loaded = beside.values_of(settings, _settings_values)
        if loaded.assigned is None:
            self.folders_lost = None
            self.loaded_folders.clear()
        elif self.folders_lost is not None:
            self.folders_lost |= loaded.assigned
        for key, value in loaded.values.items():
            env.vars[key] = value
        self._folders_loaded(loaded, stated, env)
        library = beside.values_of(settings, _settings_functions)
        if library is not None:  # read once; its own dot-sources are followed as its functions run
            self._library_loaded(library, stated)

    def _folders_loaded(self, loaded: _Loaded, stated: str, env: Env) -> None:
        """The variables a file dot-sourced at `stated` sets to a folder or file named from its own folder
        (`$cfg = Join-Path $PSScriptRoot 'net.netcfg'`: PowerShell sets `$PSScriptRoot` to the folder of the
        file being run, a dot-sourced one too): from here they name that path from the script's folder
        (`lib/net.netcfg`), as a folder a dot-source or Set-Location names (see `_script_folders_at`) and as
        a path a cmdlet is given, the script's folder a piece not stated, as `$PSScriptRoot` is. Only those
        the script never assigns itself, whose value is this one wherever it reads them."""
        for key in loaded.assigned or ():
            self.loaded_folders.pop(key, None)
        folder = posixpath.dirname(posixpath.normpath(stated.replace("\\", "/")))
        own = self.own.syntax
        for key, path in loaded.folders.items():
            if key in own.script_assigned or key in own.function_assigned or key in own.stale:
                continue
            held = _bare_folder(posixpath.normpath(posixpath.join(folder, _bare_folder(path))))
            held = _with_separator(held) if path.endswith("/") else held
            self.loaded_folders[key] = held
            shape = _folder_text(automation.HOLE, held)
            env.vars[key] = Unknown(
                f"${key}", ("loaded", stated, key), shape=shape, holes=(_SCRIPT_ROOT_HOLE,)
            )

    def _module_loaded(self, node: Node, env: Env) -> None:
        """`Import-Module .\\lib.psm1`: a script module the script loads by a path it states, a checked file
        inside the root, one level (as a dot-sourced file, see `_settings_loaded`): the functions it defines
        are the script's from here, each call running the body where the module writes it with the values
        the call passes. A module imports no variable into the script, so none of its values is taken."""
        named = _module_path(node)
        if named is not None and named.type == "generic_token":  # a bare path: from the current folder
            stated: str | None = _text(named)
            stated = stated if stated and stated.startswith((".\\", "./", "..\\", "../")) else None
        else:
            stated = self._settings_path(named, env) if named is not None else None
        settings = beside.settings_file(stated) if stated and stated.casefold().endswith(".psm1") else None
        if settings is None and named is not None and _names_a_script_file(named):
            self._load_unread(named)
        library = beside.values_of(settings, _settings_functions) if settings is not None else None
        if library is not None and self.source is self.own:
            self._library_loaded(library, stated or "")

    def _load_unread(self, named: Node) -> None:
        """A script or script module the script's own code loads by a path `named` that migcheck does not
        follow: said as a part not read (`LOAD_NOT_FOLLOWED`) where files are looked for, unless said
        already (after a Set-Location, `RUN_AFTER_CD`)."""
        if self.source is self.own and beside.finding():
            self._load_not_followed(named, LOAD_NOT_FOLLOWED)

    def _loaded_from_another_folder(self, invoked: Node, stated: str) -> None:
        """A file dot-sourced by a path from the current location (`. .\\pslib\\common.ps1`) that the
        script's folder does not hold, while a folder above it does (the repository's root, run from
        there): marked as a part not read, as which folder the script runs from is not stated."""
        if beside.found_above(stated) is not None:
            self._load_not_followed(invoked, LOADED_FROM_ANOTHER_FOLDER)

    def _load_not_followed(self, node: Node, tag: str) -> None:
        mark = replace(self.where.mark(node), tag=tag)
        self.loads_not_followed.setdefault((mark.line, mark.column), mark)

    def _library_loaded(self, library: _Library, stated: str) -> None:
        """The functions a dot-sourced file defines are the script's from here, as if defined here: a
        call runs the body where the file writes it (see `_in_source`), with the values the call passes,
        and its `$PSScriptRoot` the folder of the file, at `stated` from the script's (see
        `_script_folders_at`). They are not read once here with values they do not know: the file's own
        check reads them so."""
        folder = posixpath.dirname(posixpath.normpath(stated.replace("\\", "/")))
        source = library.source
        if not any(self.library_of.get(node.id) is not None for _, node in library.functions):
            source = source._replace(base=self.next_base)  # loaded again: its offsets keep their base
            self.next_base += len(source.where.source) + 1
        for key, node in library.functions:
            self.spend()
            source = self.library_of.setdefault(node.id, source)
            self.library_names[node.id] = (library.path, key)
            self.library_folders.setdefault(node.id, folder)
            self.replaced.append((key, self.defined.get(key)))
            self.defined[key] = node

    @contextlib.contextmanager
    def _in_source(self, function: Node) -> Iterator[None]:
        """While a function's body runs: the file it is written in is the one whose positions mark what
        it does (a dot-sourced file's, see `_library_loaded`, or the script's)."""
        caller = self.source
        self.call_sources.append(caller)
        self.source = self.library_of.get(function.id, caller)
        self.index, self.where, self.modes = self.source.syntax, self.source.where, self.source.modes
        try:
            yield
        finally:
            self.call_sources.pop()
            self.source = caller
            self.index, self.where, self.modes = caller.syntax, caller.where, caller.modes

    def site(self, node: Node) -> int:
        """What keys a command's call or step: its offset, shifted past the script's for a command of a
        dot-sourced file (see `_Source.base`)."""
        return node.start_byte + self.source.base

    def _script_run(self, node: Node, invoked: Node, env: Env) -> Value | None:
        """What a script run here by a path the script states (`.\\config\\storage.ps1`, `& "$PSScriptRoot\\
        x.ps1"`) outputs, when it is one to read (`beside.settings_file`) that states only values (see
        `_script_output`); None for any other command."""
        name = _command_name(node).casefold()
        if _dot_sourced(node) or (name and not name.endswith(".ps1")):
            return None  # a command looked up by name, or a script dot-sourced (see `_settings_loaded`)
        bare = _bare_path(invoked)
        if bare is not None:  # a bare path: one that starts at the current folder
            stated = self._from_working(bare, invoked) if bare.startswith(_FROM_CURRENT) else None
        else:
            stated = self._settings_path(invoked, env)
        settings = beside.settings_file(stated) if stated and stated.casefold().endswith(".ps1") else None
        if settings is None and _names_a_script_file(invoked) and _names_a_path(invoked):
            self._load_unread(invoked)
        return beside.values_of(settings, _script_output) if settings is not None else None

    def _settings_path(self, invoked: Node, env: Env) -> str | None:
        """The path of a dot-sourced file from the script's folder, when the script states it: `.\\x.ps1`,
        `'.\\x.ps1'`, `$PSScriptRoot\\x.ps1`, `"$PSScriptRoot\\x.ps1"`, `(Join-Path $PSScriptRoot 'x.ps1')`,
        or so from a variable that holds a folder above the script's (`"$root\\Shared\\f.ps1"`, `../Shared/f.ps1`
        from the script's folder); None for a command looked up by name, or a path the script does not state
        whole."""
        parts = _named(invoked)
        if len(parts) != 1:
            return None
        part = parts[0]
        written = self.where.source[part.start_byte : part.end_byte].decode("utf-8", "replace")
        bare = _bare_path(part) if not written.startswith("$") else None
        if bare is not None:  # a path from the current folder
            return self._from_working(bare, part) if bare.startswith(_FROM_CURRENT) else None
        folders = self._script_folders_at(invoked)
        if part.type == "path_command_name":  # $PSScriptRoot\x.ps1
            named = _named(part)
            folder = _script_folder_path(named[0], folders) if len(named) == 2 else None
            if (
                len(named) == 2
                and folder is None
                and _current_folder_key(named[0]) in self._current_folders_at(invoked)
            ):
                return self._from_working("./" + _text(named[1]).lstrip("\\/"), part)  # $PWD\x.ps1
            stated = _text(named[1]).lstrip("\\/") if folder is not None else ""
            return _from_folder(_bare_folder(folder), stated) if folder is not None and stated else None
        joined = _joined_parts(part)
        folder = ""
        if joined is not None:  # (Join-Path $PSScriptRoot 'x.ps1')
            joined_folder = _script_folder_path(_unwrap(joined[0]), folders)
            above = _folder_above(joined[0]) if joined_folder is None and self.scope == 0 else None
            if above is not None:  # (Join-Path (Split-Path -Parent $MyInvocation.MyCommand.Path) x.ps1)
                joined_folder = "/".join([".."] * above)
            if joined_folder is None and _current_folder_key(joined[0]) in self._current_folders_at(invoked):
                joined_folder = _CURRENT_FOLDER  # (Join-Path $PWD 'x.ps1')
            if joined_folder is None:
                return None
            folder, part = _bare_folder(joined_folder), joined[1]
        scope = env.child()  # $PSScriptRoot as a mark that only the script's folder starts with
        for key, path in folders.items():
            scope.vars[key] = Text(_folder_text(_SCRIPT_FOLDER, path))
        for key in self._current_folders_at(invoked):  # and the current folder, as one only it starts with
            scope.vars[key] = Text(_CURRENT_FOLDER)
        if part.type == "command_name":  # $dir"lib.ps1" (see `_QUOTED_TAIL_STAND_IN`)
            value = self._expanded_word(part, written, scope)
        else:
            value = self.evaluate(part, scope)
        if not isinstance(value, Text) or not value.sure or value.number is not False:
            return None
        if value.value.startswith(_SCRIPT_FOLDER):
            # `"${here}lib.ps1"` with no separator held after the folder names a file beside it, not in it
            rest = value.value[len(_SCRIPT_FOLDER) :]
            return rest.lstrip("\\/") or None if rest.startswith(("\\", "/")) else None
        if value.value.startswith(_CURRENT_FOLDER):  # "$currentDir\\x.ps1": as `.\\x.ps1` is read
            rest = value.value[len(_CURRENT_FOLDER) :]
            return (
                self._from_working("./" + rest.lstrip("\\/"), part) if rest.startswith(("\\", "/")) else None
            )
        if folder == _CURRENT_FOLDER:
            return self._from_working("./" + value.value.lstrip("\\/"), part)
        if joined is not None:
            return _from_folder(folder, value.value)
        return self._from_working(value.value, part) if value.value.startswith(_FROM_CURRENT) else None

    def _current_folders_at(self, invoked: Node) -> list[str]:
        """The variables that hold the folder the script runs in where a file is dot-sourced: `$PWD`, where
        the script does not assign it, and those its top level sets to it before (see `current_folders`),
        unless a file dot-sourced since may have set them. Only in the script's own code, whose current
        folder `working` follows."""
        if self.source is not self.own:
            return []
        own = self.own.syntax
        pwd = _CURRENT_FOLDER_VARIABLE[1]
        keys = [] if pwd in own.script_assigned or pwd in own.function_assigned else [pwd]
        lost = self.folders_lost
        at = invoked.start_byte if self.scope == 0 else self.statement_at
        return keys + [
            key
            for key, end in own.current_folders.items()
            if end <= at and lost is not None and key not in lost
        ]

    def _from_working(self, path: str, node: Node) -> str | None:
        """A path stated from the folder the script runs in, from the script's folder: from the one it
        moved to (see `working`). None from a folder the script cannot say: which file PowerShell loads
        is unknown, and the path is said as not read: as a dot-source (`SOURCED_AFTER_CD`), or as a script
        run (`& .\\x.ps1`, `RUN_AFTER_CD`)."""
        if self.working is None:
            self._load_not_followed(node, SOURCED_AFTER_CD if _in_dot_source(node) else RUN_AFTER_CD)
            return None
        return posixpath.join(self.working, path.replace("\\", "/")) if self.working else path

    def _script_folders_at(self, invoked: Node) -> dict[str, str]:
        """The variables that hold the script's own folder, or one above it, where a file is dot-sourced,
        with how many folders above the script's: `$PSScriptRoot`, and each the script sets to such a
        folder before (see `_script_folders`), unless a file dot-sourced since may have set it (see
        `folders_lost`). In a function of a dot-sourced file the script runs (`function Common { .
        $workingDir"Common\\Settings.ps1" }`), those the script sets before the statement that runs it, and
        `$PSScriptRoot` the folder of that file (see `library_folders`)."""
        folders = {_SCRIPT_ROOT[1]: self.library_folders.get(self.scope, "")}
        if self.folders_lost is None:
            return folders
        own = self.source is self.own
        index, at = (self.index, invoked.start_byte) if own else (self.own.syntax, self.statement_at)
        for key, (end, path) in index.script_folders.items():
            if end <= at and key not in self.folders_lost:
                folders[key] = path
        folders.update(self.loaded_folders)
        return folders

    def _string(self, node: Node, env: Env) -> Value:
        value = self._string_value(node, env)
        path = request_path(value)
        if path is not None:
            self._written_path(node, path)
        return value

    def _sent_through_a_client(self, node: Node, values: list[Value]) -> None:
        """A method of a client the reader does not follow (`$client.ExecuteOperation("PUT",
        "services/networking/media", $body)`, `.Send(@{Resource = …; Content = …})`) given the path of Set
        Network Configuration and a network configuration document: the upload it is, read as a PUT of it
        (see `_rest_body`). That path takes a body only so (a GET of it sends none), and a
        NetworkConfiguration document names what it configures: no other pairing of path and body is read
        without the request's method."""
        given = [value for value in _given_values(values) if isinstance(value, (Text, Unknown))]
        self._affinity_group_requests(node, given)
        paths = [path for path in map(request_path, given) if path is not None]
        if not any(_sets_network_configuration(path) for path in paths):
            return
        # A document written out, or built with values the script does not state (`'<…>' -f $name`).
        documents = [v for v in given if _is_network_configuration(_document_text(v))]
        for value in documents:
            self._rest_body(
                node, next(p for p in paths if _sets_network_configuration(p)), "PUT", Arg(value, None)
            )
        put = any(isinstance(v, Text) and v.value.strip().casefold() == "put" for v in given)
        if put and not documents and self.client_upload is None:
            # A PUT of it is an upload (a GET sends no body): one whose content is not followed.
            self.client_upload = replace(self.where.mark(node), tag=CLIENT_UPLOAD_NOT_FOLLOWED)

    def _affinity_group_requests(self, node: Node, given: list[Value]) -> None:
        """A request to the affinity groups of the subscription (`affinityGroups`, `affinityGroups/<name>`)
        a client of the script's own is given (`$client.ExecuteOperation("POST", "affinityGroups", $body)`):
        listed among its classic calls as a path written without the host is, once for the call."""
        if node.start_byte in self.calls:
            return
        for value in given:
            text = (
                value.value
                if isinstance(value, Text)
                else value.shape
                if isinstance(value, Unknown)
                else None
            )
            if text and _names_affinity_groups(text):
                name = automation.path_request_name(f"/{automation.HOLE}/{text.strip('/')}")
                self.calls[node.start_byte] = ClassicCall(name, _mark_of(value) or self.where.mark(node))
                return

    def _written_path(self, node: Node, path: str) -> None:
        """A string that is a request path of the Service Management API written without the API's host
        (see `request_path`): the script sends requests through a client that holds the host (a function of
        another file, a module), and is listed among its classic calls by the path, as a request it sends
        itself is by its URL (see `_request`), where the string is written."""
        if node.start_byte not in self.calls:
            name = automation.path_request_name(path)
            self.calls[node.start_byte] = ClassicCall(name, self.where.mark(node), runs=self._runs())
            self.written_paths[node.start_byte] = automation.requested_address(name)

    def _paths_not_sent(self) -> None:
        """Drop the calls of request paths that a request the script sends on the API's host names too
        (`Invoke-RestMethod -Uri ($host + "/services/networking/media")`): one request, listed by its URL.
        So is a path that starts such a request's address, up to a `/` (the piece `"/services/hostedservices/"`
        of `"https://management.core.windows.net/" + $sub + "/services/hostedservices/" + $cs`)."""
        if not self.written_paths:
            return
        sent = {
            started
            for at, call in self.calls.items()
            if at not in self.written_paths
            for host in automation.MANAGEMENT_HOSTS
            if host in call.name
            for started in _address_starts(call.name.split(host, 1)[1])
        }
        for at, address in self.written_paths.items():
            if address in sent:
                self.calls.pop(at, None)

    def _string_value(self, node: Node, env: Env) -> Value:
        if _leads_glued_characters(self.where.source, node):
            # `'acct'x`: PowerShell passes the string and the characters as two arguments, which the tree
            # cannot hold in the same bytes (see `_with_glued_strings_whole`): neither value is stated.
            return Unknown(self.snippet(node))
        kind = node.type
        raw = _text(node)
        if kind == "verbatim_string_characters":
            text = raw[1:-1].replace("''", "'")
            return Text(
                text, self.where.mark(node), written=_verbatim_written(raw, node) if "<" in text else None
            )
        if kind == "verbatim_here_string_characters":
            text = _here(raw)
            start = node.start_byte + len(raw[: raw.find("\n") + 1].encode("utf-8", "surrogatepass"))
            return Text(
                text,
                self.where.mark(node),
                written=Written(((0, start, len(text)),)) if "<" in text else None,
            )
        return self._expandable(node, env)

    def _expandable(self, node: Node, env: Env, word: Node | None = None) -> Value:
        """A double-quoted string: known when every variable and `$( … )` in it is a string the reader
        knows (`"$($cfg.Prefix)-web01"`, `"10.60.0.$(10 + $i)"`), and the string it makes is no longer than
        `_MAX_TEXT` (a string written out in full is known whatever its length); else a value the script
        does not state, of the shape the pieces the reader knows give it (see `Unknown.shape`). A bare word
        read as one (see `_expanded_word`) is `word`, and `node` its text in quotes, in a tree of its own."""
        place = word or node  # where the string is written in the script
        here = node.type == "expandable_here_string_literal"
        source = node.text or b""
        pieces, known, sure, at, inserted, markup = [], True, True, 0, 0, b"<" in source
        holes: list[object] = []  # the value of each hole, in order (see `Unknown.holes`)
        missing = False  # whether a string it inserts may be missing (see `Text.other`)
        copies = _Copies()  # where a REST body's pieces stand (see `Written`)
        parts = _named(node)
        for part in parts:
            literal = source[at : part.start_byte - node.start_byte].decode("utf-8", "replace")
            pieces.append(_unescape(literal))
            copies.unescaped(literal, node.start_byte + at)
            at = part.end_byte - node.start_byte
            value = (
                self.evaluate(part, env) if part.type == "sub_expression" else self._variable_value(part, env)
            )
            written = _in_string(value) if isinstance(value, Text) else None
            if written is None:
                known = False
                shaped = isinstance(value, Unknown) and value.shape
                written = value.shape if shaped else automation.HOLE
                placed = value.written if shaped else None
                holes += _holes_of(value)
            else:
                sure, missing = sure and value.sure, missing or _may_be_missing(value)
                placed = value.written if written == value.value else None
            pieces.append(written)
            copies.inserted(written, placed)  # a variable's string is where it is written, if it is
            inserted += len(written)
            markup = markup or "<" in written
        literal = source[at:].decode("utf-8", "replace")
        pieces.append(_unescape(literal))
        # What the variables insert is measured before it is copied: the string holds all of it.
        longest = _MAX_BODY if markup else _MAX_TEXT
        if inserted > longest:
            return Unknown(self.snippet(place))
        copies.unescaped(literal, node.start_byte + at)
        whole = "".join(pieces)
        located = copies.content(whole, here) if markup and word is None else None
        whole = _here(whole) if here else whole[1:-1].replace('""', '"')
        if parts and len(whole) > longest:
            return Unknown(self.snippet(place))
        if parts:
            self._pay_for(len(whole))
        alone = len(parts) == 1 and whole == pieces[1]
        if not known and alone and isinstance(value, Unknown) and not isinstance(value, EveryVm):
            # `"$name"`, `"${name}"`, `"$($name)"`: the string is the value itself, one value wherever the
            # script reads it (a cloud service it names twice so is one service); never $null.
            return replace(value, maybe_null=False) if value.maybe_null else value
        if not known:
            return Unknown(self.snippet(place), shape=whole, written=located, holes=tuple(holes))
        return Text(whole, self.where.mark(place), sure, written=located, other=not (sure or missing))

    def _literal_token(self, node: Node, env: Env) -> Value:
        """A bare word, as a command's argument: a number when it reads as one (as PowerShell reads `10`
        there), else a string; with a variable in it, the string it makes (see `_expanded_word`)."""
        text = _text(node)
        start = node.start_byte
        before = node.prev_sibling
        if before is not None and before.type == "command_argument_sep" and before.end_byte == start:
            # A path separator parsed as a blank (see `_with_member_words_split`): the word starts there.
            start -= 1 if self.where.source[start - 1] in _PATH_SEPARATORS else 0
        written = self.where.source[start : node.end_byte].decode("utf-8", "replace")
        if "$" in written:
            return self._expanded_word(node, written, env)
        if written != text:  # a word the grammar reads by a stand-in (see `_with_words_whole`)
            text = _unescaped(written)
        return Text(text, self.where.mark(node), number=_is_number(text))

    def _expanded_word(self, node: Node, written: str, env: Env) -> Value:
        """A bare word with a variable or a `$( … )` in it (`$ml/vhds/$vmName.vhd`, `vm$i`,
        `https://$($acct).blob.core.windows.net`): PowerShell reads it as it reads the same text in double
        quotes (about_Parsing). One with a quote or a `<` in it outside its `$( … )`, which PowerShell reads
        otherwise or the reader does not follow there, is not known."""
        quoted = _variable_and_quoted(written) if written.startswith("$") else None
        if "$(" in written:
            string = _word_as_string_in_place(self.where.source, node)
        elif quoted is not None:  # $dir"lib.ps1" (see `_QUOTED_TAIL_STAND_IN`)
            string = _word_as_string(quoted)
        else:
            string = None if any(c in written for c in "'\"<") else _word_as_string(written)
        return self._expandable(string, env, word=node) if string is not None else Unknown(written)

    def _array(self, node: Node, env: Env) -> Value:
        parts = _named(node)
        if len(parts) == 1:
            return self.evaluate(parts[0], env)
        return _bounded(Items(tuple(self.evaluate(p, env) for p in parts)), self.snippet(node))

    def _array_expression(self, node: Node, env: Env) -> Value:
        values = self._statement_values(node, env)
        if len(values) == 1 and isinstance(values[0], Items):
            return values[0]
        return _bounded(Items(_enumerated(values)), self.snippet(node))

    def _sub_expression(self, node: Node, env: Env) -> Value:
        values = self._statement_values(node, env)
        return values[0] if len(values) == 1 else _bounded(Items(_enumerated(values)), self.snippet(node))

    def _statement_values(self, node: Node, env: Env) -> list[Value]:
        values: list[Value] = []
        for child in _named(node):
            for statement in _named(child) if child.type == "statement_list" else [child]:
                if self.stopped is not None:
                    self._not_run(statement)
                elif statement.type == "pipeline" or statement.type in _OUTPUT_STATEMENTS:
                    values.append(self.evaluate(statement, env))
                else:
                    self.statement(statement, env)
                    values.append(Unknown(self.snippet(statement)))
        return values

    def _statement_output(self, node: Node, env: Env) -> Value:
        """What a statement outputs, where its output is a value: assigned (`$configs = foreach (…) { … }`),
        or in `@( … )` or `$( … )`. It runs as a statement does, and what its pipelines output is collected
        as a function's output is (see `_call_value`); output in code that may not run each time the
        statement does (a branch, a loop read once), it may be missing. Whether the statement itself runs
        is the business of the code around it: a path that may have ended before it is kept apart, as a
        call keeps it (`maybe_calls`)."""
        return self._collected(node, self._STATEMENTS[node.type], node, env)

    def _collected(self, node: Node, run: Callable[..., Any], *args: Any) -> Value:
        """What `run(*args)` outputs, as the value of `node` (see `_statement_output`)."""
        saved = self.output, self.sure_output, self.output_floor, self.partial
        uncertain = bool(self.partial)
        self.output, self.sure_output, self.output_floor, self.partial = [], True, self.maybe, False
        self.maybe_calls += uncertain
        try:
            run(self, *args)
            outputs, sure, ended_inside = self.output, self.sure_output, self.partial
        finally:
            self.maybe_calls -= uncertain
            self.output, self.sure_output, self.output_floor, self.partial = saved
        self.partial = self.partial or ended_inside
        value = _call_value(outputs, self.spend)
        if value is None:
            maybe_null = len(outputs) == 1 and isinstance(outputs[0], Unknown) and outputs[0].maybe_null
            return Unknown(self.snippet(node), maybe_null=maybe_null)
        return value if sure else _unsure(value)

    def _parenthesized(self, node: Node, env: Env) -> Value:
        inner = _named(node)
        return self.evaluate(inner[0], env) if inner else NULL

    def _hashtable(self, node: Node, env: Env) -> Value:
        table = Table()
        body = _first(node, "hash_literal_body")
        for entry in _named(body) if body is not None else ():
            parts = _named(entry)
            if len(parts) < 2:
                continue
            key = (
                self.evaluate(parts[0], env)
                if parts[0].type != "key_expression"
                else self._key(parts[0], env)
            )
            value = self.evaluate(parts[-1], env)
            if isinstance(key, Text):
                table = table.with_entry(key.value, value, at=self.where.mark(parts[-1]))
            else:
                table = Table(table.entries, opaque=True)
        return table

    def _key(self, node: Node, env: Env) -> Value:
        inner = _unwrap(node)
        if inner.type == "simple_name":
            return Text(_text(inner))
        return self.evaluate(inner, env)

    def _additive(self, node: Node, env: Env) -> Value:
        parts = _named(node)
        operators = [_text(c) for c in node.children if not c.is_named]
        values = [self.evaluate(p, env) for p in parts]
        if len(values) == 2 and operators == ["+"]:
            return self._built(_add(values[0], values[1]))
        return Unknown(self.snippet(node))

    def _built(self, value: Value) -> Value:
        """A string built from others, paid for (see `_pay_for`)."""
        shape = _shape(value)
        if shape is not None:
            self._pay_for(len(shape))
        return value

    def _pay_for(self, length: int) -> None:
        """A string `length` long built from others: paid for by its length when it is longer than
        `_MAX_TEXT` (see `_MAX_BODY`)."""
        if length > _MAX_TEXT:
            self.spend(length // 256)

    def _format(self, node: Node, env: Env) -> Value:
        """`"…{0}…" -f $a, $b`: the string with each `{n}` in its place (see `_formatted`)."""
        parts = _named(node)
        if len(parts) != 3 or parts[1].type != "format_operator":
            return self._other(node, env)
        template = self.evaluate(parts[0], env)
        given = self.evaluate(parts[2], env)
        if not isinstance(template, Text):
            return Unknown(self.snippet(node))
        values = given.values if isinstance(given, Items) else (given,)
        return self._built(_formatted(template, values, self.snippet(node)))

    def _cast(self, node: Node, env: Env) -> Value:
        """`[type]value`: a string stays as it is written, as a string, or as a whole number when it is
        one and the type is one; as another type, what `+` does with it is not known."""
        parts = _named(node)
        value = self.evaluate(parts[-1], env) if parts else NULL
        written = _first(node, "type_literal")
        kind = _text(written)[1:-1].strip().casefold().removeprefix("system.") if written is not None else ""
        if kind in _XML_TYPES and parts and not isinstance(value, Text):
            return self._read_document(parts[-1], env) or Unknown(self.snippet(node))
        if not isinstance(value, Text):
            return Unknown(self.snippet(node))
        whole = kind in _WHOLE_TYPES and _WHOLE.fullmatch(value.value) is not None
        return replace(value, number=False if kind == "string" else True if whole else None)

    def _member(self, node: Node, env: Env) -> Value:
        inner = _named(node)
        base = self.evaluate(inner[0], env) if inner else NULL
        member = self._member_key(node, inner, env)
        if isinstance(base, Table) and member is not None:
            entry = base.get(member)
            if entry is not None and entry[3]:
                return entry[2]
        if _own_arguments(base) and node.type == "element_access" and member is not None:
            return Unknown(self.snippet(node), ("item", base.ident, member))  # type: ignore[union-attr]
        if isinstance(base, Items) and node.type == "element_access" and len(inner) > 1:
            # `-1` is an expression the reader does not evaluate; as written, it is the index.
            found = _item_at(base, member if member is not None else _text(inner[1]))
            return found if found is not None else Unknown(self.snippet(node))
        # What Get-AzureVM returns (a PersistentVMRoleContext) holds the VM configuration in `.VM`, which
        # is what the Set-* cmdlets change: `Update-AzureVM -VM $vm.VM` updates that VM.
        # Its `.ServiceName` and `.Name` are the names Get-AzureVM was given.
        existing = [self.vms[i].existing for i in sorted(base.ids)] if isinstance(base, Vms) else []
        wanted = member.casefold() if member is not None else ""
        if existing and all(pair is not None for pair in existing):
            if wanted == "vm":
                return base
            if wanted in ("servicename", "name"):
                at = 0 if wanted == "servicename" else 1
                return functools.reduce(join, [pair[at] for pair in existing if pair is not None])
        if (
            isinstance(base, Operation)
            and node.type == "member_access"
            and wanted not in _OPERATION_PROPERTIES
        ):
            return STATED_NULL  # a property the object does not have
        if _listed_files(base) and wanted in _LISTED_PATHS:  # the full path of a file a listing gives
            return Unknown(self.snippet(node), base.ident)  # type: ignore[union-attr]
        if isinstance(base, Authorization) and wanted == "linkauthorizationid":
            return Unknown(self.snippet(node), ("authorization", base.record))
        if isinstance(base, CircuitMade) and wanted == "servicekey":
            return Unknown(self.snippet(node), (_FOUND_CIRCUIT if base.found else "circuit", base.name))
        if isinstance(base, NetworkResource) and wanted == "name":
            return self._network_resource_named(base, node)
        if wanted == "length" and node.type == "member_access":
            length = _length(base)
            if length is not None:
                return length
        if wanted == "outerxml" and isinstance(base, (Text, Unknown)) and _is_xml_text(base):
            return base  # an XML document's text (`([xml]'<…>').OuterXml`), which a string has not
        values = self._class_member_values(base, wanted) if node.type == "member_access" else None
        agreed = _one_value(values) if values is not None else None
        if agreed is not None:
            return replace(agreed, mark=self.where.mark(values[0][1])) if values else agreed
        url = next((text for text, _ in values or () if automation.management_url(text) is not None), "")
        if (
            isinstance(base, Unknown)
            and base.ident is not None
            and node.type == "member_access"
            and self._member_stays(wanted, base.ident)
        ):
            return Unknown(self.snippet(node), ("member", base.ident, wanted), may_be_url=url)
        return Unknown(self.snippet(node), may_be_url=url)

    def _class_member_values(self, base: Value, wanted: str) -> list[tuple[str, Node]] | None:
        """The values a property of an object of the script's class may hold (`$this.Url` in its method, or
        `$client.Url` of a `[Client]::new()`), as the class sets it (see `SyntaxIndex.member_values`): the
        strings it states, "" for a value it does not state, the first of them one an object has once
        made (its default, or a constructor's). None where that is not all it may hold: for any other
        object, a property the class does not set, one set elsewhere (`$client.Url = …`) or by a command
        that may add members, and one the object may not have once made."""
        ident = base.ident if isinstance(base, Unknown) else None
        made = _instance_class(ident)
        owner = made if made is not None else self._method_class(ident)
        index = self.index
        if owner is None or wanted in index.members_set_outside or index.adds_members:
            return None
        values = index.member_values.get((owner, wanted), [])
        if not any(first for _, first in values):
            return None
        return [(_stated_word(value), value) for value, _ in sorted(values, key=lambda value: not value[1])]

    def _method_class(self, ident: object) -> int | None:
        """The class (its node's id) of the method whose own object `ident` is: `$this` of a method read
        once (see `_class_method`); None for any other value."""
        if isinstance(ident, tuple) and len(ident) == 2 and ident[0] == "this" and isinstance(ident[1], int):
            return self.index.method_class.get(ident[1])
        return None

    def _member_stays(self, wanted: str, ident: object) -> bool:
        """Whether a member of a value the script does not state (told apart by `ident`) holds one value
        wherever it is read on that value (`$cfg.Service` given to two New-AzureVM names one cloud
        service): the script never sets a member of that name on any object, nor adds members with a
        command that may replace one. A member of `$this` that only constructors set stays too in a method
        that is not a constructor, as does one of an object the script makes of its class: the object was
        made before the method runs."""
        if not wanted or wanted in self.index.members_set or self.index.adds_members:
            return False
        if wanted not in self.index.constructor_members or _instance_class(ident) is not None:
            return True
        method = self.method[0] if self.method is not None else None
        return method is not None and ident == self._this_object() and not _is_constructor(method)

    def _network_resource_named(self, resource: NetworkResource, node: Node) -> Value:
        """`$nsg.Name` of the group or table a New- or Get- call output: its name as the script states it,
        else the value that names the stand-in it was created under (see `_network_resource_name`)."""
        if not is_stand_in(resource.name):
            return Text(resource.name, self.where.mark(node))
        ident = ("network resource", resource.security_group, resource.name)
        self.unstated_network_resources.setdefault((resource.security_group, ident), resource.name)
        return Unknown(self.snippet(node), ident)

    def _for_each_block(self, node: Node, env: Env) -> Value:
        """`$names.ForEach{ … }`, the method given its block with no parentheses: as `$names.ForEach({ … })`
        (see `_for_each_method`)."""
        parts = _named(node)
        block = _first(parts[-1], "script_block") if len(parts) == 2 else None
        if block is None:
            return Unknown(self.snippet(node))
        return self._for_each_run(node, (None, block, None), self.evaluate(parts[0], env), env, parts[0])

    def _styled_string(
        self, node: Node, target: Node | None, name: str, values: list[Value], env: Env
    ) -> Value | None:
        """`[string]::Format("{0}{1:D3}", $a, $b)`, as `-f` formats (see `_formatted`), and `$i.ToString("000")`
        of a value the script does not state: that value styled so, a value of its own per value (see
        `_styled_holes`), as a loop's counter is one per round. None for any other method call."""
        if target is None:
            return None
        static = any(c.type == "::" for c in node.children)
        if name == "format" and static and _is_string_type(target) and values and isinstance(values[0], Text):
            return self._built(_formatted(values[0], tuple(values[1:]), self.snippet(node)))
        if name != "tostring" or target.type != "variable" or len(values) > 1:
            return None
        value = self.evaluate(target, env)
        if isinstance(value, Text) and value.number:  # `$i.ToString("000")` is `"{0:000}" -f $i`
            style = values[0] if values else Text("")
            if isinstance(style, Text) and "}" not in style.value:
                template = Text(f"{{0:{style.value}}}" if style.value else "{0}")
                return self._built(_formatted(template, (value,), self.snippet(node)))
        ident = _identity(value) if isinstance(value, Unknown) else None
        return Unknown(self.snippet(node), ("styled", ident, "tostring")) if ident is not None else None

    def _invoke(self, node: Node, env: Env) -> Value:
        return self._method_call(node, _first(node, "argument_list"), env)

    def _method_call(self, node: Node, arguments: Node | None, env: Env) -> Value:
        """A method call, `node` its invocation or, among a command's arguments, the member it calls and
        `arguments` the list the grammar reads after it (see `_call_list`). `$table.Add(key, value)` adds
        to a table; other methods are not followed, and a VM object whose method is called may change."""
        inner = _named(node)
        target = inner[0] if inner else None
        method = _first(node, "member_name")
        name = self._member_name(method) if method is not None else ""
        base: Value | None = None  # what it is called on, once read
        if name == "foreach" and target is not None:
            ran = self._for_each_method(node, target, arguments, env)
            if ran is not None:
                return ran
        if name == "where" and target is not None:
            base, picked = self._where_method(target, arguments, env)
            if picked is not None:
                return picked
        written = _arguments(arguments) if arguments is not None else []
        values = [self.evaluate(a, env) for a in written]
        key = _variable(_text(target))[1] if target is not None and target.type == "variable" else ""
        current = env.lookup(key) if key else None
        if name in self.index.methods_named or (name == "new" and target is not None):
            made = self._class_call(node, target, name, values, env)
            if made is not None:
                return made
        if name in _UNFOLLOWED_FILE_WRITES:
            self.unnamed_writes += 1  # `$xml.Save($path)`: may write the file a later upload reads
        if name in _XML_EDITS and self.xml_edit is None:
            self.xml_edit = replace(self.where.mark(node), tag=XML_EDITS_NOT_FOLLOWED)
        request = self._dotnet_request(node, target, method, arguments, values) if values else None
        if request is not None:
            return request
        styled = self._styled_string(node, target, name, values, env)
        if styled is not None:
            return styled
        if isinstance(current, Block) and name in _BLOCK_INVOCATIONS:
            return self._invoke_block(node, current, values, env)
        if key == "psboundparameters" and name == "containskey" and len(values) == 1:
            bound = self._bound(values[0], env)
            if bound is not None:
                return bound
        if name in _NULL_OR_EMPTY_TESTS and _is_string_type(target) and len(values) == 1:
            tested = _null_or_empty(values[0], blank=name == "isnullorwhitespace")
            if tested is not None:
                return Flag(tested)
        if name in _STRING_TESTS and target is not None and key and len(values) == 1:
            known = _string_test(name, self._variable_value(target, env), values[0])
            if known is not None:
                return Flag(known)
        self._sent_through_a_client(node, values)
        if name == "loadxml" and key and len(values) == 1 and _is_xml_text(values[0]):
            env.vars[key] = values[0]  # `$doc.LoadXml($text)`: the document `[xml]$text` is
            return NULL
        listed = isinstance(current, Items) or _earlier_rounds(current)
        if listed and name == "add" and len(values) == 1 and isinstance(values[0], Vms):
            env.vars[key] = _add(current, values[0])  # a list of VM configurations: `$vms.Add($vm)`
            return Unknown(self.snippet(node))  # the index it was added at
        for value in values:
            self.escape(value)
        if target is None or target.type != "variable":
            if target is not None and base is None:
                self.evaluate(target, env)
            return Unknown(self.snippet(node))
        if isinstance(current, Table) and name == "add" and len(values) == 2:
            if isinstance(values[0], Text):
                env.vars[key] = current.with_entry(values[0].value, values[1], at=self.where.mark(written[1]))
            else:
                env.vars[key] = _stale(current)
            return NULL
        if name not in _READ_ONLY_METHODS:
            self.escape(current)
            self._changed_in_place(key, env)  # `.Set_Item(…)`, `.Remove(…)`, a list's `.Add(…)`
        return Unknown(self.snippet(node))

    def _member_name(self, member: Node) -> str:
        """A member's name as the script writes it, in lower case: the name the grammar read may be one
        made readable (see `_with_for_each_methods_readable`)."""
        return self.where.source[member.start_byte : member.end_byte].decode("utf-8", "replace").casefold()

    def _for_each_method(self, node: Node, target: Node, arguments: Node | None, env: Env) -> Value | None:
        """`$names.ForEach({ … })`: the block runs over the collection the method is called on, as in
        `$names | ForEach-Object { … }` (see `_for_each_run`), and what it outputs is the call's value. None,
        and nothing read, for another argument (a property name, a type)."""
        given = _arguments(arguments) if arguments is not None else []
        block = _script_block_of(given[0]) if len(given) == 1 else None
        if block is None:
            return None
        return self._for_each_run(node, (None, block, None), self.evaluate(target, env), env, target)

    def _class_call(
        self, node: Node, target: Node | None, name: str, values: list[Value], env: Env
    ) -> Value | None:
        """A call of a class of the script's: `[Deployer]::new(…)` makes an object of it (see
        `_instance`); `$this.Create(…)` in a method of the class, or `$d.Create(…)` of an object the
        script made of it, runs the method there (see `_run_method`). None for any other call; a method
        of the script's of that name called on an object the reader cannot tell is then read once at the
        end, as a function with a call not run is."""
        if target is None:
            self._unfollowed_methods(name)
            return None
        if name == "new" and target.type == "type_literal":
            made = self.index.classes.get(_text(target)[1:-1].strip().casefold())
            return self._instance(node, made) if made is not None else None
        this, owner = self._object_called_on(target, env)
        methods = self.index.methods.get((owner.id, name), []) if owner is not None else []
        method = next((m for m in methods if len(self._signature(m).parameters) == len(values)), None)
        if method is None:
            self._unfollowed_methods(name)
            return None
        return self._run_method(node, method, values, Unknown("$this", this), env)

    def _made_object(self, node: Node, args: Args) -> Value:
        """`New-Object Deployer` of a class of the script's: an object of it (see `_instance`); any other
        object as `_new_object` makes it."""
        kind = _arg_value(args, "TypeName")
        made = self.index.classes.get(kind.value.strip().casefold()) if isinstance(kind, Text) else None
        return self._instance(node, made) if made is not None else _new_object(args)

    def _object_called_on(self, target: Node, env: Env) -> tuple[object, Node | None]:
        """What tells apart the object a method is called on, and the script's class it is of: `$this` in
        a method of the class, a variable that holds an object the script made of it (see `_instance`), or
        such an object made where it is called (`[Deployer]::new('web').Deploy()`); (None, None) for any
        other."""
        if target.type != "variable" and not _makes_object(target):
            return None, None
        if _variable(_text(target)) == ("", "this"):
            this = self._this(env)
            return (
                (this, self.method[0].parent)
                if this is not None and self.method is not None
                else (None, None)
            )
        value = self.evaluate(target, env)
        this = value.ident if isinstance(value, Unknown) else None
        made = _instance_class(this)
        return this, self.index.classes_by_id.get(made) if made is not None else None

    def _unfollowed_methods(self, name: str) -> None:
        """A call of a method of `name` the reader does not run: any of the script's methods so named may
        be what it runs, each read once at the end (see `run`)."""
        self.unfollowed.update(method.id for method in self.index.methods_named.get(name, ()))

    def _instance(self, node: Node, made: Node) -> Value:
        """An object the script makes of its class `made` (`[Deployer]::new(…)`, `New-Object Deployer`):
        one value, told apart by where it is made, whose methods a call runs (see `_class_call`). Its
        constructor is read where the class is written, with values it does not know."""
        return Unknown(self.snippet(node), ("instance", made.id, node.id))

    def _run_method(self, node: Node, method: Node, values: list[Value], this: Unknown, env: Env) -> Value:
        """A method of the script's class run at its call, its parameters bound by position to what the
        call passes, `$this` the object it is called on: its members are those of that object (one value
        each, see `_member_stays`). What a `[void]` method gives is nothing."""
        signature = self._signature(method)
        if not self._may_run(method, len(signature.parameters)):
            self.unfollowed.add(method.id)
            for value in values:
                self.escape(value)
            return Unknown(self.snippet(node))
        args = Args()
        given = _bind_in_order(args, signature.order, values)
        args.values.extend(values)
        around, self.method = self.method, (method, env, this.ident)
        try:
            value = self._run_call(node, method, signature, args, None, env, values[given:], this=True)
        finally:
            self.method = around
        returns = _first(method, "type_literal")
        return NULL if returns is not None and _text(returns).casefold() == "[void]" else value

    def _bound(self, parameter: Value, env: Env) -> Flag | None:
        """`$PSBoundParameters.ContainsKey("Tier")`: in a function run at a call, whether that call passed
        the parameter; in the script's own code, see `_bound_on_defaults`. So a function that ends unless
        the parameter is passed (`if (-not $PSBoundParameters.ContainsKey("Tier")) { throw … }`) ends at a
        call without it. None when not known, and for a variable the script assigns itself."""
        if (
            not (isinstance(parameter, Text) and parameter.sure)
            or env.lookup("psboundparameters") is not None
        ):
            return None
        passed = self.passed.get(self.scope)
        if passed is not None:
            return Flag(parameter.value.casefold() in passed)
        return self._bound_on_defaults(parameter.value.casefold())

    def _bound_on_defaults(self, name: str) -> Flag | None:
        """Whether the script's own parameter `name` is bound, in the run on the parameters' defaults: not
        for a parameter that run gives its default, as a run that passes the parameter is not that run. So a
        script that ends unless the parameter is passed never runs on its default. None when not known: in
        the first run, where a caller may pass it; for a parameter of another scope (a function read once,
        with values it does not know)."""
        if not self.on_defaults:
            return None
        return Flag(False) if (self.scope, name) in self.defaulted else None

    def _script_block(self, node: Node, env: Env) -> Value:
        """A script block runs here any number of times (ForEach-Object, Where-Object) or elsewhere; its
        commands are the script's commands either way. Its `$_` is its own pipeline's item, not known. One
        that takes arguments is held instead, to run where the script runs it (see `Block`)."""
        if self._holds(node):
            return self._hold(node)
        outer, self.item = self.item, None
        self._loop(node, env, block=True)
        self.item = outer
        return Unknown(self.snippet(node))

    def _holds(self, node: Node) -> bool:
        """Whether a script block is held as a value rather than run where it is written (see `_hold`): one
        that declares parameters, or that a variable holds and that reads `$args` (`$task = { Set-Azure…
        -ServiceName $args[0] }`, for `Start-Job $task -ArgumentList $Svc`), whose arguments only a run of
        it gives."""
        if node.id in self.held or self._signature(node).parameters:
            return True
        found = self.held_for_arguments.get(node.id)
        if found is None:
            found = _assigned_whole(node) and _reads_own_args(node)
            self.held_for_arguments[node.id] = found
        return found

    def _hold(self, node: Node) -> Block:
        """A script block as a value (see `Block`). Queued once, to be read once with values it does not
        know, as a function is, unless the script runs it with its arguments bound at every place it runs
        it (see `run`)."""
        if node.id not in self.blocks:
            self.blocks.add(node.id)
            self.pending_called.append(node)
            self.unbound.update(parameter.ident for parameter in self._signature(node).unstated)
        return Block(node, node.id)

    def _call_block(self, node: Node, block: Block, env: Env, piped: Value | None) -> Value:
        """`& $sb "vnetA"`, `& { param($Name) … } -Name "vnetA"`: the block runs here, its arguments bound
        by name and position as a function's call binds them (see `_user_args`)."""
        signature = self._signature(block.node)
        args, extra, splatted = self._user_args(node, signature, env)
        if splatted:  # `& $sb @params`: what the table binds is not followed, as for a function
            return self._unbound_run(node, block, args, extra, piped)
        return self._run_block(node, block, args, extra, env, piped, own_session=False)

    def _run_given_block(self, node: Node, key: str, env: Env, piped: Value | None) -> Value:
        """Start-Job, Invoke-Command: the script block the command is given (`-ScriptBlock`, or by
        position) runs with the values of `-ArgumentList` bound to its parameters in order, those left over
        as its `$args`. A block written in the call is held for it when the call passes arguments (a block
        that takes none is read where it is written, as before). The job, or the remote session, is a
        session of its own: the block sees the script's constants and, as `$using:x`, the `$x` of the code
        that runs it; Invoke-Command on this computer runs it in a scope of its own under the caller's,
        which it sees. What Invoke-Command gives is what the block outputs; Start-Job gives a job."""
        runner = cmdlets.BLOCK_RUNNERS[key]
        passes = any(_resolve(key, p[0]) == "ArgumentList" for p in _parameters_written(node))
        written = [b.id for b in _written_blocks(node)] if passes else []
        self.held.update(written)
        args = self.bind(node, key, env)
        self.held.difference_update(written)
        block = _block_run(args)
        for value in args.values:
            if value is not block:
                self.escape(value)  # as a command the reader does not know would be given them
        self.escape(piped)  # the block's `$input`, not followed
        if block is None:
            return Unknown(self.snippet(node))
        listed = _argument_list(args.get("ArgumentList"))
        if listed is None:
            return self._unbound_run(node, block, Args(), [], None)
        signature = self._signature(block.node)
        bound = Args()
        given_count = _bind_in_order(bound, signature.order, listed)
        bound.values.extend(listed)
        given = args.get("ScriptBlock")
        elsewhere = (
            runner.elsewhere
            or given is None
            or given.value != block  # after a computer or session given by position
            or any(args.get(name) is not None for name in cmdlets.RUN_ELSEWHERE)
        )
        job = bool(runner.elsewhere or args.switch("AsJob"))
        self.in_jobs += job
        try:
            value = self._run_block(
                node, block, bound, listed[given_count:], env, None, own_session=elsewhere
            )
        finally:
            self.in_jobs -= job
        return Unknown(self.snippet(node)) if job else value

    def _invoke_block(self, node: Node, block: Block, values: list[Value], env: Env) -> Value:
        """`$sb.Invoke("vnetA")`: the block runs here, each argument of the method bound to its parameters
        in order, those left over as its `$args`."""
        signature = self._signature(block.node)
        args = Args()
        given = _bind_in_order(args, signature.order, values)
        args.values.extend(values)
        return self._run_block(node, block, args, values[given:], env, None, own_session=False)

    def _run_block(
        self,
        node: Node,
        block: Block,
        args: Args,
        extra: list[Value],
        env: Env,
        piped: Value | None,
        own_session: bool,
    ) -> Value:
        """Run a held script block where the script runs it, as a call of a function runs (see
        `_run_call`), while the repeats are affordable; else it is read once, with values it does not
        know (see `_unbound_run`). Its `$_` is not the caller's."""
        signature = self._signature(block.node)
        if not self._may_run(block.node, len(signature.parameters)):
            return self._unbound_run(node, block, args, extra, piped)
        outer, self.item = self.item, None
        value = self._run_call(
            node, block.node, signature, args, piped, env, extra, using=env, sees_caller=not own_session
        )
        self.item = outer
        return value

    def _unbound_run(
        self, node: Node, block: Block, args: Args, extra: list[Value], piped: Value | None
    ) -> Value:
        """A run of a held block the reader does not follow: what it is given may change, and the block is
        read once, with values it does not know (see `run`)."""
        self.unfollowed.add(block.ident)
        self.escape_all(args)
        for value in (*extra, piped):
            self.escape(value)
        return Unknown(self.snippet(node))

    def _for_each_object(self, node: Node, piped: Value, env: Env) -> Value | None:
        """`… | ForEach-Object { … }`, given its block alone: what the block outputs is the command's value
        (`$vms = "a", "b" | ForEach-Object { New-AzureVMConfig -Name $_ … }` holds both configurations), as
        what a `foreach` statement outputs is the statement's. Over a list of constants the block runs once
        per item (see `_each_item`); over any other list, and when the block has a `break` or `continue`
        that could leave it (they end the enclosing loop, or the script), but in a `catch` (see
        `SyntaxIndex.loop_exits`), it is read once, as any script block is (see `_script_block`). Begin and
        end blocks run once around it (see `_for_each_blocks`). None, and nothing read, for a command given
        more than its blocks."""
        blocks = _for_each_blocks(node)
        return self._for_each_run(node, blocks, piped, env) if blocks is not None else None

    def _for_each_run(
        self,
        node: Node,
        blocks: tuple[Node | None, Node, Node | None],
        piped: Value,
        env: Env,
        listed: Node | None = None,
    ) -> Value | None:
        """The begin, process and end blocks of `ForEach-Object` (see `_for_each_blocks`), or the block of the
        `ForEach` method, run over `piped` (see `_for_each_object`); None when the block is not written.
        `listed`: what the method is called on, which is what its turns are over."""
        begin, block, end = blocks
        written = block.parent
        if written is None:
            return None
        if (
            isinstance(piped, EveryVm)
            and written.id not in self.held
            and not self._signature(written).parameters
        ):
            run: Callable[..., None] = Interpreter._every_vm_block
            given: tuple[Any, ...] = (written, piped, env)
        else:
            items = piped.values if isinstance(piped, Items) else (piped,)
            walked = len(items) <= _MAX_ROUNDS and all(_walkable(item) for item in items)
            if walked and not self.index.exits(block) and self._repeat(block, len(items) - 1):
                run, given = Interpreter._each_item, (block, items, env)
            elif not isinstance(piped, Items) and not walked and not self._holds(written):
                # over a list the script does not write out (`$Names | ForEach-Object { … }`)
                over = _text(listed) if listed is not None else self._piped_text(node)
                self.loops_over[written.id] = _short(over)
                site = _network_site_of(piped, "$_")
                run, given = Interpreter._each_unknown_item, (written, env, site)
            else:
                run, given = Interpreter._script_block, (written, env)
        return self._collected(node, Interpreter._begun_and_ended, begin, end, env, run, given)

    def _piped_text(self, node: Node) -> str:
        """What a command of a pipeline is given, as written: the stages before it."""
        before = (
            [stage for stage in _named(node.parent) if stage.end_byte <= node.start_byte]
            if node.parent
            else []
        )
        if not before:
            return ""
        return self.where.source[before[0].start_byte : before[-1].end_byte].decode("utf-8", "replace")

    def _each_unknown_item(self, node: Node, env: Env, site: Unknown | None) -> None:
        """`$Names | ForEach-Object { … }` over a list the script does not write out: the block is read
        once (see `_script_block`), its `$_` the item of any turn, so that a VM named by it stands for one
        VM per item (see `_looped_over`), as one named by the variable of a `foreach` over such a list; or
        the network `site` of a configuration file each item is (see `_network_site_of_file`)."""
        outer, self.item = self.item, site or Unknown("$_", ("loop", node.id, "_"))
        self._loop(node, env, block=True)
        self.item = outer

    def _begun_and_ended(
        self, begin: Node | None, end: Node | None, env: Env, run: Callable[..., Any], given: tuple[Any, ...]
    ) -> None:
        """`ForEach-Object { b } { p } { e }`: the begin block runs once before the items, in the script's
        scope (`$i = 1` is seen by the process block), and the end block once after them; `$_` is no item
        in either."""
        self._run_once(begin, env)
        if self.stopped is None:
            run(self, *given)
        else:
            self._not_run(given[0])
        if end is not None and self.stopped is not None:
            self._not_run(end)
        else:
            self._run_once(end, env)

    def _run_once(self, block: Node | None, env: Env) -> None:
        if block is None:
            return
        outer, self.item = self.item, None
        with self._landing(env):
            self.statements(block, env)
        if self.stopped == "return":  # ends the block's run alone
            self.stopped = None
        self.item = outer

    def _every_vm_block(self, node: Node, every: EveryVm, env: Env) -> None:
        """`Get-AzureVM | ForEach-Object { … }`: the block is read once, as any script block is (see
        `_script_block`), with `$_` every VM of the subscription, of which a test on its name picks that
        VM in the branch it guards (see `_narrowed`)."""
        outer, self.item = self.item, every
        self._loop(node, env, block=True)
        self.item = outer

    def _each_item(self, block: Node, items: tuple[Value, ...], env: Env) -> None:
        """`"a", "b" | ForEach-Object { … }`: the block runs once per item of a list of constants, as a
        `foreach` over it does (see `_foreach`), in the script's scope with `$_` the item; `return` ends
        only that item's run, and a `break` or `continue` the walk, going on as the loop around the
        pipeline (or the script) does."""
        outer = self.item
        for item in items:
            self.item = item
            with self._landing(env):
                self.statements(block, env)
            if self.stopped == "return":
                self.stopped = None
            if self.stopped is not None:
                break
        self.item = outer

    def _number(self, node: Node, env: Env) -> Value:
        return Text(_text(node), self.where.mark(node), number=True)

    def _step(self, node: Node, env: Env) -> Value:
        """`$i++`, `++$i`, `$i--`, `--$i` assign the variable: a whole number the reader knows becomes the
        next (or the one before), any other value one the script does not state. The expression's value is
        the variable's before (`$i++`) or after (`++$i`)."""
        target = _operand(node)
        after: Value = Unknown(self.snippet(node))
        if target is None or target.type != "variable":
            if target is not None and target.type in ("member_access", "element_access"):
                self._set_member(target, after, env)
            return after
        scope, key = _variable(_text(target))
        before = self._variable_value(target, env)
        step = 1 if node.type.endswith("increment_expression") else -1
        # A loop's counter stepped in its body (`$i++` then `"web$i"`) still differs round by round.
        counter = isinstance(before, Unknown) and _earlier_rounds(before)
        if isinstance(before, Text) and _WHOLE.fullmatch(before.value):
            after = Text(str(int(before.value) + step), self.where.mark(node), before.sure, number=True)
        elif counter and isinstance(before, Unknown):
            after = Unknown("$" + key, ("styled", before.ident, f"{step:+d}"))
        if key != "null" and scope in ("", "script", "global"):
            env.vars[key] = after if counter else _stamp(after, key, node)
            if self.scope == 0 and key in self.constant_keys:
                self._constant(key, after)
        return before if node.type.startswith("post_") else after

    def _unary(self, node: Node, env: Env) -> Value:
        """`-not x` and `!x`: decided when `x` is (see `_truth`); `++$i` and `--$i` (see `_step`); `,x`, the
        array of the one item `x`, which a statement outputs as that item (`@( @{…}` then `, @{…}` on the
        next line is a list of both tables, see `_enumerated`)."""
        parts = _named(node)
        if len(parts) == 1 and node.children and _text(node.children[0]) == ",":
            return Items((self.evaluate(parts[0], env),))
        if len(parts) == 1 and parts[0].type in _STEPPING:
            return self._step(parts[0], env)
        if len(parts) == 1 and parts[0].type == "cast_expression" and node.child_count == 1:
            return self._cast(parts[0], env)  # `$d = [xml]'<…>'`, which the grammar holds so
        word = _text(node.children[0]).casefold() if node.children else ""
        if word not in ("-not", "!") or len(parts) != 1:
            return self._other(node, env)
        known = _truth(self.evaluate(parts[0], env))
        return Flag(not known) if known is not None else Unknown(self.snippet(node))

    def _comparison(self, node: Node, env: Env) -> Value:
        """`a -eq b`, `-ne`, `-like`, `-notlike`, `-match`, `-notmatch`, `-in`, `-notin`, `-contains` and
        `-notcontains` (and their `-i`/`-c` forms): decided when the reader knows both sides well enough
        (see `_compared`); other comparisons are not."""
        parts = _named(node)
        operator = next((p for p in parts if p.type == "comparison_operator"), None)
        values = [self.evaluate(p, env) for p in parts if p.type != "comparison_operator"]
        if operator is None or len(values) != 2:
            return Unknown(self.snippet(node))
        known = _compared(self._operator(operator), values[0], values[1], self.spend)
        return Flag(known) if known is not None else Unknown(self.snippet(node))

    def _operator(self, operator: Node) -> str:
        """A comparison operator as the script writes it, case-folded: `-in` and `-notin` may stand for
        a `-cin`, `-iin`, `-cnotin` or `-inotin` the grammar did not know (see `_with_known_operators`)."""
        word = _text(operator).strip().casefold()
        if word in ("-in", "-notin"):
            written = _UNKNOWN_OPERATORS.match(self.where.source, operator.start_byte)
            if written is not None:
                return written.group().decode("ascii").casefold()
        return word

    def _logical(self, node: Node, env: Env) -> Value:
        """`a -and b`, `a -or b`, from left to right: decided as far as the sides the reader knows decide
        (`$false -and x` is false whatever `x` is); every side is read."""
        result: bool | None = None
        operator = ""
        for at, child in enumerate(c for c in node.children if c.type != "comment"):
            if not child.is_named:
                operator = _text(child).casefold()
                continue
            known = _truth(self.evaluate(child, env))
            if at == 0:
                result = known
            elif operator == "-and":
                result = False if False in (result, known) else True if result and known else None
            elif operator == "-or":
                result = (
                    True if True in (result, known) else False if (result, known) == (False, False) else None
                )
            else:
                result = None
        return Flag(result) if result is not None else Unknown(self.snippet(node))

    _EXPRESSIONS: dict[str, Callable[[Interpreter, Node, Env], Value]] = {
        "pipeline": _chained,
        "pipeline_chain": _chain,
        "assignment_expression": _assignment,
        "variable": _variable_value,
        "verbatim_string_characters": _string,
        "verbatim_here_string_characters": _string,
        "expandable_string_literal": _string,
        "expandable_here_string_literal": _string,
        "generic_token": _literal_token,
        "decimal_integer_literal": _number,
        "hexadecimal_integer_literal": _number,
        "real_literal": _number,
        "array_literal_expression": _array,
        "array_expression": _array_expression,
        "sub_expression": _sub_expression,
        "parenthesized_expression": _parenthesized,
        "hash_literal_expression": _hashtable,
        "additive_expression": _additive,
        "format_expression": _format,
        "cast_expression": _cast,
        "member_access": _member,
        "element_access": _member,
        "invokation_expression": _invoke,
        "invokation_foreach_expression": _for_each_block,
        "script_block_expression": _script_block,
        "class_method_definition": _class_method,
        **dict.fromkeys(_STEPPING, _step),
        "expression_with_unary_operator": _unary,
        "comparison_expression": _comparison,
        "logical_expression": _logical,
        "command": lambda self, node, env: self.command(node, env, None),
        "inlinescript_statement": _inline_script,
        **dict.fromkeys(_OUTPUT_STATEMENTS, _statement_output),
    }

    # --- commands -----------------------------------------------------------------------------------

    def command(self, node: Node, env: Env, piped: Value | None) -> Value:
        name = _command_name(node)
        key = name.casefold()
        invoked = node.child_by_field_name("command_name")
        block = self._invoked_block(node, invoked, env) if not name and invoked is not None else None
        runs_here = (
            _dot_sourced(node) and key in self.defined and block is None and not _module_qualified(node)
        )
        if key in _LOCATION_CHANGES:
            self._location_changed(node, key, env)
        if _dot_sourced(node):
            self._dot_sourced_here(env)
            # `. Settings` runs here (see `user_call`): what it assigns, and each file it dot-sources as it
            # runs, is followed there
            if not runs_here and invoked is not None and block is None:
                self._settings_loaded(invoked, env)
            elif not runs_here:
                self.folders_lost = None
        if block is not None:
            return self._call_block(node, block, env, piped)
        if key == "import-module":
            self._module_loaded(node, env)
        output = (
            self._script_run(node, invoked, env) if invoked is not None and key not in self.defined else None
        )
        if output is not None:
            return output
        if key not in self.defined and self._runbook_called_inline(node, key):
            self._runbook(key)
        if key in self.defined and not _module_qualified(node):
            value = self.user_call(node, key, env, piped, in_caller_scope=runs_here)
            self._shared(node, env)
            return value
        if key in ("azure", "azure.cmd") or (not name and self._invokes_the_cli(invoked, env)):
            return self.xplat(node, env)
        if key in _REQUEST_ALIASES:
            key = "invoke-webrequest" if _binds_as_web_request(node) else key + ".exe"
        if key in _NATIVE_REQUESTS:
            self._native_request(node, _NATIVE_REQUESTS[key], env)
            return NULL
        started = self._cli_started(node, key, env)
        if started is not None:
            return started
        numbers = self._range(node, env) if _RANGE.fullmatch(name) else None
        if numbers is not None:  # `1..3`, which the grammar reads as the name of a command
            return numbers
        each = (
            self._for_each_object(node, piped, env) if key in _FOR_EACH_ITEM and piped is not None else None
        )
        if each is not None:
            return each
        picked = (
            self._where_vm(node, piped, env) or self._where_circuit(node, piped, env)
            if key in _WHERE
            else None
        )
        if picked is not None:
            return picked
        if key in cmdlets.BLOCK_RUNNERS:
            value = self._run_given_block(node, key, env, piped)
            self._shared(node, env)
            return value
        if key in _INVOKE_EXPRESSION:
            return self._expression_run(node, key, env, piped)
        if self._remove_variables(node, key, env):
            return NULL
        args = self.bind(node, key, env)
        if key in _RUNBOOK_STARTS:
            self._runbook_started(node, args, env)
        if key in cmdlets.WEB_REQUESTS:
            self._web_request(node, cmdlets.WEB_REQUESTS[key], args, env)
            if "OutFile" in args.bound and not _previewed(args):
                self._file_replaced(args.get("OutFile"), None, env)  # the response, saved to the file
        if key in cmdlets.FILE_WRITES:
            self._file_write(key, args, piped, env)
        elif key in cmdlets.FILE_COPIES:
            self._file_copy(key, args, env)
        elif key == "get-azurevnetconfig":
            self._configuration_exported(args, env)
        elif key in _UNFOLLOWED_FILE_WRITES:
            self.unnamed_writes += 1  # may write the file a later upload reads
        classic = cmdlets.canonical(name)
        if key == "new-object":
            return self._made_object(node, args)
        if key in _WRITE_OUTPUT:
            return _written(args, piped)
        if key == _NEW_CLOUD_SERVICE:
            self._extended_support(node, args)
        if key in _BACKUP_PROTECTION:
            self._backup_protection(node, key, args)
        if key in _PEERINGS:
            self._peering(args)
        if key in _SIGN_INS:
            self._sign_in(node, args)
        if key in _AZ:
            self._az(node, env)
        if key in _CIRCUIT_SAVES:
            self._circuit_saved(node)
        if key in _CIRCUIT_MOVES:
            self._circuit_moved(node, key, args)
        if key in _RESOURCE_CREATES:
            self._classic_type_created(node, _RESOURCE_CREATES[key], args)
        if key == _NEW_CLOUD_SERVICE_ROLE:
            role = args.get("Name")
            stated = role.text if role is not None and role.certain else ""
            return CloudServiceRole(stated) if stated else Unknown(self.snippet(node))
        if not classic or args.resource_group or self.arm_at(node.start_byte):
            value = self.unknown_command(node, key, args, piped)
            if key in _FILE_ITEMS:
                value = self._file_item(node, env) or value
            if key == "join-path":
                value = self._joined_path(node, env) or value
            if key in _OUTPUTS_NOTHING and args.switch("PassThru") is False:
                return NULL  # what a function outputs is what else it writes (see `_call_value`)
            if key in _LISTINGS:
                value = self._listing(node, args, env) or value
            if key not in _HARMLESS and key not in _LOOPING:
                self._shared(node, env)
            return value
        self.record_call(node, classic, args)
        if self._given_escaped_parameter(node):  # refused as it binds its arguments: it makes nothing
            return Unknown(self.snippet(node))
        previewed = _previewed(args)
        if previewed:  # it only says what it would do
            return Unknown(self.snippet(node))
        if previewed is None:
            return self._perhaps_previewed(node, key, args, piped, env)
        return self._classic(node, key, args, piped, env)

    def _expression_run(self, node: Node, key: str, env: Env, piped: Value | None) -> Value:
        """`Invoke-Expression "New-AzureService -ServiceName $name"` (`iex`, the string given by `-Command`, by
        position or piped): a command line the script builds as a string, parsed as PowerShell parses it and
        run here, in the caller's scope, every node of it shown where the call is. One whose text the script
        does not state, or that does not parse, is a part not read (`UNSTATED_COMMAND_LINE`)."""
        args = self.bind(node, key, env)
        given = args.get("Command")
        value = given.value if given is not None else piped
        at = self.where.mark(node)
        parsed = _parse(self.path, value.value) if isinstance(value, Text) and value.sure else None
        if parsed is None or isinstance(parsed, FileProblem) or self.depth > _MAX_DEPTH:
            self.escape(value)
            self.lines_not_read.append(replace(at, tag=UNSTATED_COMMAND_LINE))
            known = value.value if isinstance(value, Text) else getattr(value, "shape", None) or ""
            self.classic_line_not_read |= sniff(known.encode("utf-8", "surrogatepass"))
            return Unknown(self.snippet(node))
        tree, index, where = parsed
        self.spend(len(where.source))  # parsed again at each run: paid for by its length
        line = _Source(index, _AtOneMark(where, at), _modes(index), self.next_base, tree, ran=True)
        self.next_base += len(where.source) + 1
        with self._running(line):
            self.statements(tree.root_node, env)
        return Unknown(self.snippet(node))

    @contextlib.contextmanager
    def _running(self, source: _Source) -> Iterator[None]:
        """While code of `source` runs (a command line `Invoke-Expression` runs): its positions mark what it
        does, and its offsets key its calls."""
        caller = self.source
        self.source = source
        self.index, self.where, self.modes = source.syntax, source.where, source.modes
        try:
            yield
        finally:
            self.source = caller
            self.index, self.where, self.modes = caller.syntax, caller.where, caller.modes

    def _remove_variables(self, node: Node, key: str, env: Env) -> bool:
        """`Remove-Variable -Name VMConfig,NewVMConfig` in the script's own code (not a function's): each
        variable it names is $null from here, as after `$VMConfig = $null`, and what it held before is read
        as it was (see `SyntaxIndex`), where any variable such a command named was one something may change
        unseen. False for any other command."""
        if self.scope != 0 or self.call_stack:
            return False
        removed = _removed_variables(node, key, self.where.source)
        if removed is None:
            return False
        for name in removed:
            env.vars[name] = STATED_NULL
        return True

    def _invokes_the_cli(self, invoked: Node | None, env: Env) -> bool:
        """Whether the call operator runs the classic CLI by a variable that surely holds its name
        (`$exe = "azure"; & $exe vm disk upload …`)."""
        inner = _named(invoked) if invoked is not None else []
        names = _named(inner[0]) if len(inner) == 1 and inner[0].type == "path_command_name" else []
        if len(names) != 1 or names[0].type != "variable":
            return False
        value = self.evaluate(names[0], env)
        return isinstance(value, Text) and _is_cli(value.value)

    def _invoked_block(self, node: Node, invoked: Node, env: Env) -> Block | None:
        """What the call operator runs here (`& { … }`, `& $sb`, `. $sb`): the held script block it names
        (see `Block`), if any; a block written there is held when the call passes it arguments."""
        elements = node.child_by_field_name("command_elements")
        passes = elements is not None and any(c.type != "command_argument_sep" for c in _named(elements))
        found: Block | None = None
        for part in _named(invoked):
            inner = _named(part)[0] if part.type == "path_command_name" and len(_named(part)) == 1 else part
            holding = passes and inner.type == "script_block_expression"
            if holding:
                self.held.add(inner.id)
            value = self.evaluate(inner, env)
            if holding:
                self.held.discard(inner.id)
            found = value if isinstance(value, Block) else found
        return found

    def _classic(self, node: Node, key: str, args: Args, piped: Value | None, env: Env) -> Value:
        """What a call of a classic cmdlet that runs does: what its handler records, else the VM
        configuration it passes on, else what it may change of the objects it is given."""
        self._record_changes(node, key, args, piped)
        handler = self._COMMANDS.get(key)
        if handler is not None:
            outer, self.classic_call = self.classic_call, node
            # A removal in a job is not known to be done by any later statement of the script, which goes
            # on without waiting: read as one that may not run, what it removes stays, maybe gone.
            removal_in_job = bool(self.in_jobs) and key.startswith("remove-azure")
            self.maybe += removal_in_job
            try:
                done = handler(self, node, args, piped, env)
            finally:
                self.classic_call = outer
                self.maybe -= removal_in_job
            self._staging_evidence(node, key, args)
            return done
        self._staging_evidence(node, key, args)
        if key in cmdlets.VM_FILTERS:
            return self._vm_input(args, piped)
        if not key.startswith(_READING):
            self.escape_all(args)
        return Unknown(self.snippet(node))

    def _record_changes(self, node: Node, key: str, args: Args, piped: Value | None) -> None:
        """A cmdlet that changes a cloud service, virtual network or storage account the script states (see
        `_changed_by`): what it changes, at the call, where it falls among the migration steps."""
        if not _changes_resources(key):
            return
        changed = self._changed_by(key, args, piped)
        if changed:
            at = node.child_by_field_name("command_name") or node
            self._change_at(node, ClassicCall(cmdlets.canonical(key), self.where.mark(at), changed))

    def _changed_by(self, key: str, args: Args, piped: Value | None) -> tuple[tuple[str, str], ...]:
        """What a changing cmdlet changes that a Prepare locks, as far as the script states it: every
        network for a network configuration upload; the storage account a storage cmdlet names; else the
        cloud service `-ServiceName` names or, without it, that of the existing VMs it is given
        (`Get-AzureVM -ServiceName s -Name n | … | Update-AzureVM`), and the network `-VNetName` or
        `-VirtualNetworkName` names."""
        if key in _UPLOADS_NETWORKS:
            return (("virtual-network", EVERY_NETWORK),)
        if key.startswith(_STORAGE_NOUNS):
            account = _stated_name(args, "StorageAccountName")
            return (("storage-account", account),) if account else ()
        groups_or_tables = self._groups_or_tables_changed(key, args, piped)
        service = _stated_name(args, "ServiceName")
        found = (
            [("cloud-service", service)] if service else self._services_of_vms(self._vm_input(args, piped))
        )
        vnet = _stated_name(args, "VNetName") or _stated_name(args, "VirtualNetworkName")
        if vnet:
            found.append(("virtual-network", vnet))
        return (*found, *groups_or_tables)

    def _groups_or_tables_changed(self, key: str, args: Args, piped: Value | None) -> list[tuple[str, str]]:
        """The network security group or route table a cmdlet changes (its rules, routes, subnets, the
        group or table itself: see `_GROUP_OR_TABLE_CHANGES`), by its name or by the group or table piped
        or passed in (`Get-AzureNetworkSecurityGroup -Name g | Set-AzureNetworkSecurityRule ...`)."""
        changed = _GROUP_OR_TABLE_CHANGES.get(key)
        if changed is None:
            return []
        group, parameter = changed
        arg = args.get(parameter)
        given = arg.value if arg is not None and arg.certain else piped
        if isinstance(given, NetworkResource) and given.security_group == group:
            name = given.name
        else:
            name = self._network_resource_name(args, parameter, group)
        return [("network-security-group" if group else "route-table", name)] if name else []

    def _services_of_vms(self, value: Value) -> list[tuple[str, str]]:
        """The cloud service of each existing VM a value holds (`Get-AzureVM -ServiceName s`), one VM for
        each item of an array, as a change names it: for an item that may be any of several VMs (branches
        that leave different ones), only when all are of one service the script states. Of a VM picked by
        its name out of every VM, the service of each VM of that name (`SERVICES_OF_VMS`)."""
        found: list[tuple[str, str]] = []
        for item in value.values if isinstance(value, Items) else (value,):
            if not isinstance(item, Vms):
                continue
            named = {_changed_service_of_vm(self.vms[index]) for index in item.ids}
            if len({(scope, name.casefold()) for scope, name in named}) == 1 and ("", "") not in named:
                found.append(named.pop())
        return found

    def _change_at(self, node: Node, call: ClassicCall) -> None:
        """A call that changes what `call.changes` names, run at `node` on the branches being run, once
        for each place in the order of steps however often it runs there; in a function read once with
        values it does not know, among the steps of that function alone (see `stage`)."""
        order = self._step_order()
        branches = self._stage_branches()
        for changed in call.changes:
            site = (node.start_byte, (changed[0], changed[1].casefold()), order)
            earlier = self.changes.get(site)
            shared = branches if earlier is None else common_branches(earlier.branches, branches)
            self.changes[site] = replace(call, changes=(changed,), branches=shared)

    def _circuit_moved(self, node: Node, key: str, args: Args) -> None:
        """Move-AzExpressRouteCircuit (or AzureRM's): the classic circuit of its `-ServiceKey` moves to
        Resource Manager here, which the platform requires before the networks linked to it migrate (MIG602
        compares it with their steps). Placed among the steps as a change is (see `_change_at`); one given
        `-WhatIf` moves nothing."""
        if _previewed(args):
            return
        order = self._step_order()
        branches = self._stage_branches()
        stated = _arg_value(args, "ServiceKey")
        service_key = stated.value.strip() if isinstance(stated, Text) else ""
        mark = self.where.mark(node.child_by_field_name("command_name") or node)
        moved = ClassicCall(_CIRCUIT_MOVES[key], mark, (("expressroute-circuit", service_key),))
        earlier = self.circuit_moves.get((node.start_byte, order))
        shared = branches if earlier is None else common_branches(earlier.branches, branches)
        self.circuit_moves[(node.start_byte, order)] = replace(moved, branches=shared)

    def _classic_type_created(self, node: Node, cmdlet: str, args: Args) -> None:
        """New-AzResource of a classic resource type (`-ResourceType Microsoft.ClassicCompute/domainNames`,
        or a `-ResourceId` of one): it creates the classic resource through Resource Manager, a classic
        call (`automation.CLASSIC_RESOURCE_TYPES`) that fails where the classic API's does."""
        given = _arg_value(args, "ResourceType")
        stated = given.value if isinstance(given, Text) else ""
        if not stated:
            given = _arg_value(args, "ResourceId")
            stated = automation.resource_id_type(given.value) if isinstance(given, Text) else ""
        name = automation.classic_type_call(cmdlet, stated)
        if name is None or not self._own_code() or _previewed(args):
            return
        at = node.child_by_field_name("command_name") or node
        self.calls[self.site(node)] = ClassicCall(name, self.where.mark(at), runs=self._runs())

    def _perhaps_previewed(self, node: Node, key: str, args: Args, piped: Value | None, env: Env) -> Value:
        """A classic call given `-WhatIf` with a value the reader does not know (`-WhatIf:$preview`): it
        may run, or only say what it would do. Read as code that may not run (a branch the reader cannot
        decide): what it creates or changes may be there, what it removes may not be gone, a migration step
        it takes may be taken; what it outputs is not known."""
        branch = env.child()
        self.maybe += 1
        self._classic(node, key, args, piped, branch)
        self.maybe -= 1
        env.merge([branch], False, self.spend)
        return Unknown(self.snippet(node))

    def _backup_protection(self, node: Node, key: str, args: Args) -> None:
        """`Enable-AzRecoveryServicesBackupProtection` (AzureRM's too) given `-ServiceName`, its parameter
        set for a classic VM (AzureVMClassicComputeEnableProtection): Azure Backup protects the VM `-Name`
        names in that cloud service, and installs its snapshot extension on it (the migration overview: "These
        extensions are installed on a Virtual Machine configured with the Azure Backup service"). Which of
        the two (VMSnapshot, VMSnapshotLinux) is the VM's platform's, which the call does not say."""
        service, name = args.get("ServiceName"), args.get("Name")
        if service is None or name is None:
            return
        mark = self.where.mark(node.child_by_field_name("command_name") or node)
        draft = self._deployment(service.value, mark, node, self._written_at(service))
        role = self._role(draft, name.value, mark, "existing", self._written_at(name))
        data = {
            "publisher": Text("Microsoft.Azure.RecoveryServices"),
            "name": Text("VMSnapshot"),  # or VMSnapshotLinux: the rule names both
            "version": NULL,
            "reference": NULL,
            "state": "Enable",
            "installed_by": _BACKUP_PROTECTION[key],
        }
        event = Event("extension", mark, data)
        if not role.variants:
            role.add([([event], False)])
        else:  # a VM the script creates or changes before: protected as it is then
            role.variants = [([*events, event], escaped) for events, escaped in role.variants]

    def _peering(self, args: Args) -> None:
        """`Add-AzVirtualNetworkPeering` (AzureRM's too) whose `-RemoteVirtualNetworkId` is a classic
        network's id the script states (`.../Microsoft.ClassicNetwork/virtualNetworks/<name>`): a peering
        of that network, as an export of the Resource Manager network shows it, marked at the id. The
        Resource Manager network is the object `-VirtualNetwork` passes, which states no name here."""
        # The export reader's, loaded only for such a peering.
        from migcheck.readers.inventory_shapes import classic_peering

        remote = args.get("RemoteVirtualNetworkId")
        if remote is None or not remote.certain or not isinstance(remote.value, Text):
            return
        at = self._written_at(remote) or self.where.at(0)
        name = args.get("Name")
        peer = args.get("VirtualNetwork")
        peering = classic_peering(
            remote.value.value,
            name.value.value if name is not None and isinstance(name.value, Text) else "",
            _stand_in("Resource Manager network", self._written_at(peer) or at) if peer is not None else "",
            at,
        )
        if peering is not None:
            self.peerings.setdefault(peering)

    def _extended_support(self, node: Node, args: Args) -> None:
        """`New-AzCloudService`: the service it creates is of extended support, not classic. Its name when
        the script states it, and the folder of its package when `-ConfigurationFile` or `-DefinitionFile`
        is a relative path the script states (taken from the script's folder)."""
        name = args.get("Name")
        stated = name.text if name is not None and name.certain else ""
        package = ""
        for parameter in ("ConfigurationFile", "DefinitionFile"):
            package = package or _package_path(self.path, args.get(parameter))
        mark = self.where.mark(node.child_by_field_name("command_name") or node)
        profile = args.get("RoleProfile")
        roles = _cloud_service_roles(profile.value) if profile is not None and profile.certain else ()
        record = ExtendedSupportService(stated, mark, "creates it with New-AzCloudService", package, roles)
        self.extended.setdefault(record)

    def _shared(self, node: Node, env: Env) -> None:
        """A table or array a command is given as a variable (`Set-Defaults $config`) is the same object in
        the code it runs, which may change what it holds: the variable no longer tells (see `_stale`)."""
        elements = node.child_by_field_name("command_elements")
        list_end = 0
        for part in _named(elements) if elements is not None else ():
            if part.start_byte < list_end or part.type in _NOT_ITEMS:
                continue  # an item of a list the command is given (`$a, $b`): a new array, as `@($a, $b)`
            listed = _listed(part, self.where.source)
            list_end = listed[-1].end_byte
            inner = _unwrap(part)
            if len(listed) == 1 and inner.type == "variable" and _text(inner).startswith("$"):
                self._changed_in_place(_variable(_text(inner))[1], env)

    def _changed_in_place(self, key: str, env: Env) -> None:
        """A table or array a variable holds may have changed where the reader does not see it: its items
        are no longer known, nor are they in the functions that read it as a constant."""
        current = env.lookup(key)
        if isinstance(current, (Table, Items)):
            env.vars[key] = _stale(current)
            self.constants.pop(key, None)
            self.constant_keys.discard(key)

    def _file_item(self, node: Node, env: Env) -> FileItem | None:
        """The file `Get-Item <path>` (`Resolve-Path`, `Convert-Path`) outputs, when the script states the
        path; None otherwise."""
        path = _item_path(node)
        value = self.evaluate(path, env) if path is not None else None
        if not isinstance(value, Text) or value.number is not False or not value.value.strip():
            return None
        return FileItem(self.snippet(node), shape=value.value)

    def _joined_path(self, node: Node, env: Env) -> Unknown | None:
        """The path `Join-Path <path> <child>` outputs, as a string known in part (see `Unknown.shape`),
        `$PSScriptRoot` a piece not stated (`Join-Path $PSScriptRoot 'net.netcfg'`): so that a variable it
        is assigned to names that file where a cmdlet is given it, as the string `"$PSScriptRoot\net.netcfg"`
        does. None when either part is not a string known at least in part."""
        parts = _join_path_parts(node)
        if parts is None:
            return None
        base, child = (self.evaluate(part, env) for part in parts)
        if not isinstance(base, (Text, Unknown)) or not isinstance(child, (Text, Unknown)):
            return None
        head = _shape(base)
        if head is None and not isinstance(base, Unknown):
            return None
        head_holes = _holes_of(base) if head is None or isinstance(base, Unknown) else []
        head = automation.HOLE if head is None else head
        tail = _shape(child)
        if tail is None and isinstance(child, Text):
            return None
        # Join-Path puts one separator between the two (`C:\deploy\` and `\net.netcfg` join to one)
        separated = head.endswith(("\\", "/")) or (tail or "").startswith(("\\", "/"))
        joined = _joined_shape(head + ("" if separated else "\\"), child, head_holes=head_holes)
        return Unknown(self.snippet(node), shape=joined.shape, holes=joined.holes) if joined.shape else None

    def unknown_command(self, node: Node, key: str, args: Args, piped: Value | None) -> Value:
        """A command the reader does not know: the objects given to it may change."""
        if key not in _HARMLESS:
            self.escape_all(args)
            if key not in _LOOPING:
                self.escape(piped)
        return Unknown(self.snippet(node))

    def record_call(self, node: Node, name: str, args: Args) -> None:
        classic = cmdlets.canonical(name)
        if not classic or args.resource_group or self.arm_at(node.start_byte):
            return
        if not self._own_code():  # a dot-sourced file's command: its own check reports the call
            return
        at = node.child_by_field_name("command_name") or node
        runs = self._runs()
        known = self.calls.get(self.site(node))
        if known is None or _RUNS_SURER[runs] > _RUNS_SURER[known.runs]:  # run once surely, it is a sure call
            queried = _arg_value(args, "ServiceName") if classic in automation.DEPLOYMENT_QUERIES else None
            service = queried.value.strip() if isinstance(queried, Text) else ""
            self.calls[self.site(node)] = ClassicCall(
                classic, self.where.mark(at), runs=runs, service=service
            )
        self._in_branch(classic, self.site(node))

    def _in_branch(self, name: str, site: int) -> None:
        """A classic call made here: one that surely runs whenever the branch of the `if` being run does."""
        if self.branch_calls and self.branch_calls[-1][0] == self._branch_path(0):
            self.branch_calls[-1][1].append((name, site))

    def _called_either_way(self, called: list[list[tuple[str, int]]]) -> None:
        """After an `if` one of whose branches surely runs (it has an `else`), none ending the path: a
        classic call each branch surely makes (`called`: the same function's, or calls of one cmdlet) is
        made whenever the `if` runs, as surely as the `if` does (see `_runs`)."""
        first, *others = called
        each_makes = set.intersection({name for name, _ in first}, *({name for name, _ in o} for o in others))
        runs = self._runs()
        for name, site in dict((name, site) for name, site in reversed(first) if name in each_makes).items():
            known = self.calls[site]
            if _RUNS_SURER[runs] > _RUNS_SURER[known.runs]:
                self.calls[site] = replace(known, runs=runs)
            self._in_branch(name, site)

    def _own_code(self) -> bool:
        """Whether the code running now is the script's: its own file's, or a command line it runs from a
        string; not a dot-sourced file's, which that file's own check reports."""
        return self.source is self.own or self.source.ran

    def _runs(self) -> str:
        """Whether the call being recorded runs when the script does (`ClassicCall.runs`): not in code that
        never runs; maybe, on a path the reader cannot decide in code whose callers it follows; else as far
        as the reader tells, surely (a function read once with values it does not know)."""
        if self.never_runs:
            return self.never_runs
        if self.callers_known and (self.maybe or self.partial or self.maybe_calls):
            return MAYBE_RUNS
        return ""

    def arm_at(self, offset: int) -> bool:
        """Whether the script is in Resource Manager mode (`Switch-AzureMode`) at `offset`."""
        at = bisect.bisect_right(self.modes, (offset, True))
        return at > 0 and self.modes[at - 1][1]

    def escape(self, value: Value | None) -> None:
        """The VM configurations a value holds are given to code the reader does not follow, which may
        change them. An array or table is walked once: what it holds never changes, and a configuration
        once escaped stays so, so passing it again changes nothing."""
        if isinstance(value, Vms):
            for index in value.ids:
                self.vms[index].escaped = True
        elif isinstance(value, (Items, Table)) and not value.escaped:
            object.__setattr__(value, "escaped", True)
            held = value.values if isinstance(value, Items) else [entry[2] for entry in value.entries]
            self.spend(len(held))
            for item in held:
                self.escape(item)

    def escape_all(self, args: Args) -> None:
        for value in args.values:
            self.escape(value)

    # --- binding ------------------------------------------------------------------------------------

    def bind(self, node: Node, key: str, env: Env) -> Args:
        """Bind a command's arguments as PowerShell does: named (any unambiguous prefix, `-Name:value`),
        then positional in the documented order, and splatted tables. A list written as several arguments
        (`-SubnetNames FrontEnd, BackEnd`) is one value, the array it passes."""
        spec = _spec_of(key)
        args = Args()
        parts = _command_parts(node.child_by_field_name("command_elements"))
        positional: list[list[Node]] = []
        index = 0
        while index < len(parts):
            part = parts[index]
            index += 1
            if part.type in ("command_argument_sep", "redirection", "redirections"):
                continue
            parameter = _parameter(part)
            if parameter is None:
                inner = _unwrap(part)
                if inner.type == "variable" and _text(inner).startswith("@"):
                    self._splat(inner, key, args, env, positional)
                else:
                    listed = _listed(part, self.where.source)
                    positional.append(listed)
                    index += 2 * len(listed) - 2  # past the items and the separators between them
                continue
            written, inline = parameter
            if _is_resource_group(written):
                args.resource_group = True
            name = _resolve(key, written) or written
            colon = inline is not None or _glued_by_colon(parts, index)
            if inline is not None:
                self._bind(args, name, self._inline(inline, part, env), part)
                continue
            if name in spec.switches and not colon:
                self._bind(args, name, Flag(True), part)
                continue
            value_at = _next_value(parts, index)
            takes = colon or name in spec.values or (name not in spec.switches and value_at is not None)
            if takes and value_at is not None and _parameter(parts[value_at]) is None:
                listed = _listed(parts[value_at], self.where.source)
                index = value_at + 2 * len(listed) - 1
                self._bind_listed(args, name, listed, env)
            else:
                self._bind(args, name, Flag(True), part)
        self._positional(spec, args, positional, env)
        return args

    def _bind(
        self,
        args: Args,
        name: str,
        value: Value,
        node: Node | None,
        certain: bool = True,
        at: Mark | None = None,
    ) -> None:
        args.bound[name] = Arg(value, node, certain, at=at)
        args.values.append(value)

    def _bind_listed(self, args: Args, name: str, listed: list[Node], env: Env) -> None:
        """Bind the value of arguments that pass one list (one argument, most often)."""
        value = self._listed_value(listed, env)
        items = tuple(_list_items(listed)) if len(listed) > 1 else ()
        args.bound[name] = Arg(value, listed[0], items=items)
        args.values.append(value)

    def _listed_value(self, listed: list[Node], env: Env) -> Value:
        """The value of arguments that pass one list: the array of their items."""
        if len(listed) == 1:
            return self._argument_value(listed[0], env)
        items = tuple(self._argument_value(item, env) for item in _list_items(listed))
        return _bounded(Items(items), self.snippet(listed[0]))

    def _argument_value(self, argument: Node, env: Env) -> Value:
        """The value of a command's argument; of one that ends with a method call (`$name.Trim()`), the
        call's, named as written when not known. Where the script's argument goes on past that call (the
        source parsed ends the call there, its argument list not as written: see `_call_edits`) the call
        runs, and the value is not known."""
        arguments = _call_list(argument)
        if arguments is None:
            return self.evaluate(argument, env)
        member = _unwrap(argument)
        value = self._method_call(member, arguments, env)
        unstated = isinstance(value, Unknown) and value.ident is None and value.shape is None
        as_written = arguments.text == self.where.source[arguments.start_byte : arguments.end_byte]
        if as_written and not unstated:
            return value
        written = self.where.source[argument.start_byte : arguments.end_byte]  # the member and the list
        return Unknown(_short(written.decode("utf-8", "replace")))

    def _inline(self, text: str, node: Node, env: Env) -> Value:
        """The value of `-Name:value` written with an en dash, which the grammar reads as one bare word."""
        if text.startswith("$"):
            scope, key = _variable(text)
            value = env.lookup(key) if not scope else None
            return value if value is not None and not isinstance(value, Unknown) else Unknown(text)
        return Text(text, self.where.mark(node)) if text else Unknown(text)

    def _splat(self, part: Node, key: str, args: Args, env: Env, positional: list[list[Node]]) -> None:
        scope, name = _variable(_text(part))
        # `@_`, `@PSItem`: the item of the pipeline being walked (`$list | % { New-AzureStorageAccount @_ }`)
        value = self.item if not scope and name in ("_", "psitem") else env.lookup(name)
        if isinstance(value, Table):
            for folded, written, item, certain in value.entries:
                if _is_resource_group(written):
                    args.resource_group = True
                self._bind(
                    args, _resolve(key, written) or written, item, part, certain, value.mark_of(folded)
                )
            args.opaque = args.opaque or value.opaque
        else:
            args.opaque = True
            self.escape(value)

    def _positional(self, spec: cmdlets.Spec, args: Args, lists: list[list[Node]], env: Env) -> None:
        chosen = next((s for s in spec.positional_by_switch if args.switch(s)), None)
        order = spec.positional_by_switch[chosen] if chosen else spec.positional
        free = [name for name in order if name not in args.bound]
        for at, listed in enumerate(lists):
            if at < len(free):
                self._bind_listed(args, free[at], listed, env)
            else:
                args.values.append(self._listed_value(listed, env))

    # --- calls of the script's own functions and of the classic CLI -----------------------------------

    def user_call(
        self, node: Node, key: str, env: Env, piped: Value | None, *, in_caller_scope: bool = False
    ) -> Value:
        """A function of this file, run here with the values the call passes (see `_run_call`) while the
        repeats are affordable. Past that, what it is given may change; when it returns one of its
        parameters (`return $VM`), the call's value is what was passed for it. Dot-sourced (`. Settings`,
        `in_caller_scope`), it runs in the caller's scope: what it assigns is the caller's after it."""
        function = self.defined[key]
        signature = self._signature(function)
        args, extra, splatted = self._user_args(node, signature, env)
        return self._function_called(node, function, args, extra, splatted, piped, env, in_caller_scope)

    def _function_called(
        self,
        node: Node,
        function: Node,
        args: Args,
        extra: list[Value],
        splatted: bool,
        piped: Value | None,
        env: Env,
        in_caller_scope: bool = False,
    ) -> Value:
        """A function called at `node` with the arguments bound to its parameters (`args`), the values
        bound to none (`extra`), and whether a table the reader cannot see is splatted into the call: run
        there while the repeats are affordable (see `user_call`)."""
        signature = self._signature(function)
        if not splatted and self._may_run(function, len(signature.parameters)):
            for value in extra:  # given to no parameter: the function reads it as `$args`, if at all
                self.escape(value)
            run = functools.partial(self._run_call, in_caller_scope=in_caller_scope)
            if piped is None:  # the function sees the `$_` of the block that calls it
                return run(node, function, signature, args, piped, env, extra)
            outer, self.item = self.item, None  # its own `$_` is what is piped to it
            value = run(node, function, signature, args, piped, env, extra)
            self.item = outer
            return value
        if not self._repeats_its_run(function.id, args):
            self.unfollowed.add(function.id)
        self.escape_all(args)
        self.escape(piped)
        if function.id not in self.returned:  # found once: the walk costs the function's size
            self.returned[function.id] = _returned_parameter(function, signature.known)
        returned = self.returned[function.id]
        if returned is not None:
            arg = args.bound.get(returned)
            if arg is not None:
                return arg.value
            if piped is not None and signature.takes_pipeline.get(returned, False):
                return piped
        return Unknown(self.snippet(node))

    def _runbook_called_inline(self, node: Node, key: str) -> bool:
        """Whether a command may be a child runbook a workflow calls inline by its name (`New-CloudService
        -Name $ProjectName`), as Azure Automation runs one: a command of a workflow's own code (not of an
        InlineScript, which runs as PowerShell), by a name no cmdlet the reader knows has."""
        if not key or _dot_sourced(node) or _module_qualified(node) or cmdlets.canonical(key):
            return False
        if not self.index.workflows:  # most scripts: no walk up the tree at each command
            return False
        parent = node.parent
        while parent is not None and parent.type != "inlinescript_statement":
            if parent.type == "function_statement" and _first(parent, "workflow") is not None:
                return True
            parent = parent.parent
        return False

    def _runbook(self, key: str) -> bool:
        """Whether a file checked beside the script defines the runbook `key` at its top level, as a
        workflow or function (see `_runbooks_beside`): then it is defined here, as one of a dot-sourced
        file is (`_library_loaded`), each call running it where that file writes it."""
        if self.runbooks_beside is None:
            self.runbooks_beside = self._runbooks_beside()
        found = self.runbooks_beside.get(key)
        if found is not None:
            self._library_loaded(*found)
        return key in self.defined

    def _runbooks_beside(self) -> dict[str, tuple[_Library, str]]:
        """The workflows and functions each PowerShell file checked in the script's folder defines at its
        top level, by name, with the file: an Automation account's runbooks, named as the file
        (`New-CloudService.ps1`) or as the workflow it defines (`workflow New-CloudService.ps1` holding
        `workflow New-CloudService {…}`). A file named after its runbook comes first; else the first in
        order. In a folder of more than `_MAX_RUNBOOK_FILES` such files, only the file named after it."""
        own = posixpath.basename(self.path.replace("\\", "/")).casefold()
        names = [n for n in beside.files_beside() if n.casefold().endswith(".ps1") and n.casefold() != own]
        if len(names) > _MAX_RUNBOOK_FILES:
            names = []
        found: dict[str, tuple[_Library, str]] = {}
        named: dict[str, tuple[_Library, str]] = {}
        for name in names:
            self.spend()
            settings = beside.settings_file(name)
            library = beside.values_of(settings, _settings_functions) if settings is not None else None
            if library is None:
                continue
            for key, _ in library.functions:
                found.setdefault(key, (library, name))
                if f"{key}.ps1" == name.casefold():
                    named[key] = (library, name)
        return {**found, **named}

    def _runbook_started(self, node: Node, args: Args, env: Env) -> None:
        """`Start-AzureAutomationRunbook -Name New-AvailabilityGroupVM -Parameters @{ServiceName = …}`
        (AzureRM's and Az's alike): a runbook started as a job, run here as a call of the workflow or
        function a file beside the script defines under that name (see `_runbook`), each entry of the
        table given to the parameter it names. One the files checked do not define, or given parameters
        other than in a table whose every entry the script states, is a part not read
        (`RUNBOOK_NOT_FOLLOWED`): what it creates with them is not known."""
        named, given = args.get("Name"), args.get("Parameters")
        name = named.value if named is not None and named.certain else None
        key = name.value.casefold() if isinstance(name, Text) and name.sure else ""
        table = given.value if given is not None else Table()  # none given: each parameter's default
        stated = (given is None or given.certain) and isinstance(table, Table) and not table.opaque
        if not (key and stated and all(entry[3] for entry in table.entries) and self._runbook(key)):
            self.lines_not_read.append(replace(self.where.mark(node), tag=RUNBOOK_NOT_FOLLOWED))
            return
        function = self.defined[key]
        bound = Args()
        extra = _bind_entries(bound, self._signature(function), table)
        self._function_called(node, function, bound, extra, False, None, env)

    def _repeats_its_run(self, function: int, args: Args) -> bool:
        """Whether a call of a function in a run of it (recursion, which is not run) passes again what
        that run was given for each parameter its caller gave (a retry, `New-ThingVm -Name $Name -Attempt
        ($Attempt + 1)`, whose count starts at its default): it does what that run does, so the function
        is not also read once with values it does not know. One that passes other values (`New-Web -N ($N
        + 1)`) may create what no run names, and the function is read once."""
        given = self.given.get(function)
        if function not in self.calling or given is None or args.opaque:
            return False
        return all(name in args.bound and args.bound[name].value == value for name, value in given.items())

    def _signature(self, function: Node) -> _Signature:
        """A function's parameters, read once: a call costs what it passes, not what the function
        declares."""
        found = self.signatures.get(function.id)
        if found is None:
            found = self.signatures[function.id] = _Signature.of(function)
        return found

    def _user_args(self, node: Node, signature: _Signature, env: Env) -> tuple[Args, list[Value], bool]:
        """The arguments of a call of the script's function, bound to its parameters by name (exact, else
        an unambiguous prefix; a switch takes a value only after a colon) and by position; the values
        bound to none of them; and whether a table is splatted into the call."""
        args = Args()
        parts = _command_parts(node.child_by_field_name("command_elements"))
        positional: list[Value] = []
        extra: list[Value] = []
        splatted = False
        index = 0
        while index < len(parts):
            part = parts[index]
            index += 1
            if part.type == "command_argument_sep":
                continue
            parameter = _parameter(part)
            if parameter is None:
                inner = _unwrap(part)
                if inner.type == "variable" and _text(inner).startswith("@"):
                    table = self._splatted_table(inner, env)
                    if table is not None:  # `New-AppVM @params`: its entries by name, as a cmdlet's are
                        extra.extend(_bind_entries(args, signature, table))
                        continue
                    splatted = True
                listed = _listed(part, self.where.source)
                positional.append(self._listed_value(listed, env))
                index += 2 * len(listed) - 2
                continue
            self.spend()
            written, inline = parameter[0].casefold(), parameter[1]
            match = signature.resolve(written)
            colon = inline is not None or _glued_by_colon(parts, index)
            value_at = _next_value(parts, index)
            value: Value = Flag(True)
            if inline is not None:
                value = self._inline(inline, part, env)
            elif (
                (colon or match is None or match not in signature.switches)
                and value_at is not None
                and _parameter(parts[value_at]) is None
            ):
                listed = _listed(parts[value_at], self.where.source)
                value = self._listed_value(listed, env)
                index = value_at + 2 * len(listed) - 1
            args.bound[match if match is not None else written] = Arg(value, None)
            args.values.append(value)
            if match is None:
                extra.append(value)
        given = _bind_in_order(args, signature.order, positional)
        args.values.extend(positional)  # those bound by position too: all escape where the call is not run
        return args, [*extra, *positional[given:]], splatted

    def _splatted_table(self, part: Node, env: Env) -> Table | None:
        """The table a call splats (`@params`), when the reader knows each of its entries: one it builds
        on some paths only, or cannot see all of, is not bound (the call is not run with its values)."""
        scope, name = _variable(_text(part))
        value = None if scope or name in ("_", "psitem", "args") else env.lookup(name)
        if not isinstance(value, Table) or value.opaque or not all(entry[3] for entry in value.entries):
            return None
        return value

    def _may_run(self, function: Node, parameters: int) -> bool:
        """Whether a call of a function is run with its values: not inside a call of the same function
        (recursion), nor deeper than `_MAX_CALL_DEPTH` calls, for at most `_MAX_CALLS_RUN` calls of one
        function, and while the work allowed for repeats lasts (a run gives each parameter a value)."""
        body = _first(function, "script_block")
        if body is None or function.id in self.calling or len(self.calling) >= _MAX_CALL_DEPTH:
            return False
        return self.followed.get(function.id, 0) < _MAX_CALLS_RUN and self._repeat(body, 1, parameters)

    def _run_call(
        self,
        node: Node,
        function: Node,
        signature: _Signature,
        args: Args,
        piped: Value | None,
        env: Env,
        extra: list[Value] | tuple[()] = (),
        *,
        using: Env | None = None,
        sees_caller: bool = False,
        this: bool = False,
        in_caller_scope: bool = False,
    ) -> Value:
        """Run a function's body at a call: each parameter holds what the call passes for it (piped input
        for the one that takes it), else its default, else a value the script does not state; `$args`,
        the values `extra` given to none. The body sees the script's constants and not the caller's
        variables (as when it is read once, with values it does not know); what it does to VM
        configurations carries back to the caller. The call's value is what the function outputs (see
        `_call_value`). A script block runs so too (see `_run_block`), its `$using:x` the `$x` of `using`,
        and, run here by the call operator or `.Invoke()` (`sees_caller`), in a scope under the caller's,
        whose variables it sees. A class's method (`this`) reads `$this` in that scope (see `_this`).
        Dot-sourced (`in_caller_scope`), it sees the caller's variables, and what it assigns (its
        parameters too) is the caller's once it returns, as PowerShell runs it in the caller's scope."""
        self.followed[function.id] = self.followed.get(function.id, 0) + 1
        scope = Env(env, self.constants)
        scope.called, scope.using = not (sees_caller or in_caller_scope), using
        if this and self.method is not None:
            self.method = (self.method[0], scope, self.method[2])
        unstated = Unknown("$args")
        scope.vars["args"] = _bounded(Items(tuple(self._passed(v, unstated) for v in extra)), "$args")
        if self._reads_its_own_arguments(function):  # `$args`, `@PSBoundParameters`: passed on unfollowed
            self.escape_all(args)
        saved = self.scope, self.output, self.maybe, self.partial, self.sure_output, self.output_floor
        branches = self.branches  # a guard in the function ends at its end (see `_if`)
        uncertain = bool(self.maybe or self.partial)
        in_branch = self.branch_calls and self.branch_calls[-1][0] == self._branch_path(0)
        self.scope, self.output, self.maybe, self.partial, self.sure_output = function.id, [], 0, False, True
        sure_arms, self.sure_arms = self.sure_arms, 0
        self.output_floor = 0
        self.doubts_at_calls.append(self.maybe_calls)
        self.maybe_calls += uncertain
        # What the function surely calls, the branch it is surely called in surely calls.
        self.branch_calls.append(
            (self._branch_path(0) if in_branch else None, self.branch_calls[-1][1] if in_branch else [])
        )
        self.calling.append(function.id)
        self.call_stack.append((function, node))
        defined = len(self.replaced)
        try:
            with self._in_source(function):
                piped_to = self._bind_parameters(scope, signature, args, piped)
                if piped is not None and piped_to is None:
                    self.escape(piped)  # read as `$_` or `$input`, which the reader does not follow
                self.passed[function.id] = frozenset(args.bound).union([piped_to] if piped_to else [])
                self.given[function.id] = {name: arg.value for name, arg in args.bound.items()}
                self._declared_attribute_blocks(function, scope)
                body = _first(function, "script_block")
                if body is not None:
                    with self._landing(scope):
                        self.statements(body, scope)
            outputs, sure = self.output, self.sure_output
        finally:
            self._undefine(defined)  # a function it defines is gone when it returns
            self.passed.pop(function.id, None)
            self.given.pop(function.id, None)
            self.calling.pop()
            self.call_stack.pop()
            self.doubts_at_calls.pop()
            self.maybe_calls -= uncertain
            self.branch_calls.pop()
            self.scope, self.output, self.maybe, self.partial, self.sure_output, self.output_floor = saved
            self.sure_arms = sure_arms
            self.branches = branches
        # The function ends where its path ended; `exit` ends the script, and a `throw` the caller too.
        self.stopped = self.stopped if _reach(self.stopped) else None
        if in_caller_scope:
            self.spend(len(scope.vars))
            env.vars.update((k, v) for k, v in scope.vars.items() if not k.startswith("\0") and k != "args")
        return self._returned(node, scope, env, outputs, sure)

    def _returned(self, node: Node, scope: Env, env: Env, outputs: list[Value], sure: bool) -> Value:
        """What a call of a function or an InlineScript gives back: the markers it set (`\0` keys) carried
        to `env`, and its output as its value (see `_call_value`); not sure when it may not run."""
        for key, value in scope.vars.items():
            if key.startswith("\0"):
                env.vars[key] = value
        value = _call_value(outputs, self.spend)
        if value is None:
            return Unknown(self.snippet(node))
        return value if sure else _unsure(value)

    def _reads_its_own_arguments(self, function: Node) -> bool:
        """Whether a function reads its arguments other than through its parameters (`$args`,
        `$PSBoundParameters`, `$input`), to pass them on where the reader does not follow them. Found
        once per function."""
        found = self.own_arguments.get(function.id)
        if found is None:
            found = self.own_arguments[function.id] = _OWN_ARGUMENTS.search(_text(function)) is not None
        return found

    def _bind_parameters(
        self, scope: Env, signature: _Signature, args: Args, piped: Value | None
    ) -> str | None:
        """Give each parameter its value in the function's scope; the name of the one piped input went
        to, if any."""
        self.spend(len(signature.parameters))
        piped_to = None
        for at, name in enumerate(signature.names):
            arg = args.bound.get(name)
            unstated = signature.unstated[at]
            if arg is not None:
                value = self._passed(arg.value, unstated)
            elif piped is not None and piped_to is None and signature.from_pipeline[at]:
                value, piped_to = self._passed(piped, unstated), name
            elif (given := signature.defaults[at]) is not None:
                value = self._passed(self.evaluate(given, scope), unstated)
            elif signature.is_switch[at]:  # a switch not given is $false
                value = Flag(False)
            elif signature.mandatory[at] or (piped is not None and signature.takes_pipeline.get(name)):
                value = unstated  # prompted for, or taken from a property of what is piped
            else:  # any other parameter is $null
                value = STATED_NULL
            if signature.types[at]:  # `[string]$Name`: the value as the parameter holds it
                value = _typed(value, signature.types[at]) or unstated
            scope.vars[name] = value
        return piped_to

    def _passed(self, value: Value, unstated: Unknown) -> Value:
        """A value given to a function's parameter, as its body reads it. A value the script does not
        state is the caller's, whatever it is, when it has an identity (a variable, a parameter: see
        `Unknown.ident`): the file a function writes to the path it is given is the one its caller uploads
        from the same variable, and the network it is given is the one its caller names. One without (what
        an expression gives) is the parameter's own: one value wherever the body reads it, as when the
        function is read once with values it does not know. A string is marked where the body passes it
        on, where findings about what the body builds with it point. An array's strings are unmarked once
        per array, and the copy shared by every call that passes it (values never change): a call costs
        what it passes, not the length of the arrays it passes. A string built from values the script
        does not state (`"${Base}a"`) is the value it is built as: calls that pass `"${Base}a"` then
        `"${Base}b"` (a loop's two items) pass two values, each VM or reserved IP the body names by it its
        own, and calls that build it alike pass one."""
        if isinstance(value, Unknown):
            if value.ident is not None:
                return value
            if value.alternatives:  # one of the strings the caller's paths give it
                return replace(unstated, alternatives=value.alternatives, maybe_null=value.maybe_null)
            if not value.shape:
                return unstated
            told = all(hole is not None for hole in value.holes)
            ident = ("built", value.shape, value.holes) if told else ("built", unstated.ident, value.shape)
            return replace(unstated, ident=ident, shape=value.shape, written=value.written)
        if isinstance(value, Text):
            return _unmarked(value)
        if isinstance(value, Items):
            if value.unmarked is None:
                self.spend(len(value.values))
                copy = Items(tuple(_unmarked(v) if isinstance(v, Text) else v for v in value.values))
                object.__setattr__(copy, "unmarked", copy)  # passed on again, it stays as it is
                object.__setattr__(value, "unmarked", copy)
            return value.unmarked
        return value

    def _cli_started(self, node: Node, key: str, env: Env) -> Value | None:
        """The classic CLI started through another program: `Start-Process azure.cmd -ArgumentList a`
        (a string, or an array Start-Process joins with blanks), `cmd /c azure …` (each argument as
        written) and `cmd /c "azure …"` (one string). A command line is split as the CLI receives it (see
        `_windows_words`). None when the command starts no classic CLI the script states."""
        if key in cmdlets.PROCESS_STARTERS:
            args = self.bind(node, key, env)
            program = _arg_value(args, "FilePath")
            if not isinstance(program, Text) or not _is_cli(program.value):
                return None
            listed = args.get("ArgumentList")
            at = self._written_at(listed) or self._at_call(node)
            line = _command_line(listed.value) if listed is not None else ""
            return self._xplat_words(node, _windows_words(line, at), {}, env)
        if key not in ("cmd", "cmd.exe"):
            return None
        elements = node.child_by_field_name("command_elements")
        parts = [p for p in _named(elements) if p.type != "command_argument_sep"] if elements else []
        if len(parts) < 2 or _text(parts[0]).casefold() not in ("/c", "/k"):
            return None
        if _is_cli(_text(parts[1])):
            return self.xplat(node, env, skip=2)
        value = self.evaluate(parts[1], env)
        line = _command_line(value) if len(parts) == 2 else ""
        words = _windows_words(line, self.where.mark(parts[1]))
        if not words or words[0].text is None or not _is_cli(words[0].text):
            return None
        return self._xplat_words(node, words[1:], {}, env)

    def xplat(self, node: Node, env: Env, skip: int = 0) -> Value:
        """`azure …`: the classic CLI, whose commands `xplat` gives their meaning, fed the words the
        script states (a parameter-like `-w` as its text, a value where it is written, None for one the
        script does not state). A migration step is taken as `Move-Azure*`'s is, an upload read as
        Set-AzureVNetConfig's, and what the other commands create or change joins the script's resources."""
        words, given = self._native_words(node, env, skip)
        return self._xplat_words(node, words, given, env)

    def _native_words(self, node: Node, env: Env, skip: int = 0) -> tuple[list[CliWord], dict[int, Arg]]:
        """The words PowerShell gives a native command (`azure …`, `az …`) after its first `skip` elements:
        a parameter-like `-w` as its text, a value where it is written, None for one the script does not
        state; and the argument each word comes from."""
        elements = node.child_by_field_name("command_elements")
        words: list[xplat.Word] = []
        given: dict[int, Arg] = {}
        # The comma (as written, blanks and all) between an element and the one before: PowerShell passes
        # such a list to a native command as one argument, `-b front,back` (the tree reads the comma as a
        # blank: see `_with_plain_lists`); None after a blank alone.
        glue: str | None = None
        for part in _after(_named(elements) if elements is not None else [], skip):
            if part.type == "stop_parsing":  # `--% …`: the rest of the line, as the CLI splits it
                for word in _verbatim_words(part, self.where):
                    words.append(word)
                    verbatim = Text(word.text, word.mark) if word.text is not None else None
                    given[id(word)] = Arg(verbatim or Unknown(self.snippet(part)), part)
                continue
            if part.type == "command_argument_sep":
                written = self.where.source[part.start_byte : part.end_byte]
                glued = b"," in written or not written or written == b"="  # `=`: see `_with_words_whole`
                glue = written.decode("utf-8", "replace") if glued else None
                continue
            if _parameter(part) is not None:
                words.append(xplat.Word(_text(part), self.where.mark(part), exact=self.where.exact))
                continue
            value = self.evaluate(part, env)
            arg = Arg(value, part)
            if isinstance(value, Items) and _unwrap(part).type == "variable":
                # `[Array]$params = "vm", "disk", …; & azure $params`: an argument per item
                for item in value.values:
                    item_arg = Arg(item, part)
                    mark = _value_mark(item, item_arg, self.where) or self.where.mark(part)
                    stated_item = item.value if isinstance(item, Text) else None
                    words.append(
                        xplat.Word(stated_item, mark, exact=isinstance(item, Text) and self.where.exact)
                    )
                    given[id(words[-1])] = item_arg
                glue = None
                continue
            stated = value.value if isinstance(value, Text) else _native_list(value, part)
            mark = _value_mark(value, arg, self.where) or self.where.mark(part)
            # A word read from what is written, escapes and all (see `_with_words_whole`), is not its text.
            unescaped = self.where.source[part.start_byte : part.end_byte] != part.text
            exact = isinstance(value, Text) and value.mark is not None and not unescaped and self.where.exact
            word = xplat.Word(stated, mark, exact=exact, holder=self._turn_holder(value))
            if glue is not None and words and (id(words[-1]) in given) == (glue != "="):
                word = _glued(words.pop(), glue, word)  # `front,back`; `--subnet-names=front` after a name
            words.append(word)
            given[id(words[-1])] = arg
        return words, given

    def _turn_holder(self, value: Value) -> str | None:
        """What holds a value each turn of a loop over a list the script does not write out has its own of
        (the loop's item, `"$vm-web"` built from it: see `_looped_over`), as the classic CLI's reader keys
        such a value (`xplat.Word.holder`): the list, then the value's definition. None for any other."""
        looped = self._looped_over(value)
        return f"{_TURN_OF}{looped}\0{value.ident!r}" if looped and isinstance(value, Unknown) else None

    def _az(self, node: Node, env: Env) -> None:
        """`az network vnet peering create … --remote-vnet <a classic network's id>`, the Azure CLI run as a
        native command: a peering of that classic network, as the shell reader reads it (`xplat.az_peering`).
        Only that command's words are read: the Azure CLI's others call no classic API."""
        elements = node.child_by_field_name("command_elements")
        parts = [p for p in _named(elements) if p.type != "command_argument_sep"] if elements else []
        if [_text(part) for part in parts[: len(xplat.AZ_PEERING_CREATE)]] != list(xplat.AZ_PEERING_CREATE):
            return
        words, _ = self._native_words(node, env)
        peering = xplat.az_peering(words[len(xplat.AZ_PEERING_CREATE) :])
        if peering is not None:
            self.peerings.setdefault(peering)

    def _xplat_words(self, node: Node, words: list[CliWord], given: dict[int, Arg], env: Env) -> Value:
        """What the classic CLI command `node` runs with `words` means (see `xplat`); `given`: the
        argument each word comes from, where the script writes it."""
        self.xplat_reading.maybe = self._runs() != ""
        self.xplat_reading.branches = self.creating_on or ()  # one VM created on two branches: two paths
        # A VM or service named by a loop's item is one per item (`foreach ($vm in Get-Content vms.txt) {
        # azure vm endpoint create $vm … }`), as the shell reader tells its loops (`Reading.looping_over`).
        holders = {
            word.holder for word in words if word.holder is not None and word.holder.startswith(_TURN_OF)
        }
        self.xplat_reading.turn_holders = holders
        listed = min(holders).split("\0")[0] if holders else ""
        self.xplat_reading.looping_over = listed.removeprefix(_TURN_OF)
        meaning = self.xplat_reading.command(words, self._at_call(node))
        call = meaning.call
        if call is None:
            return Unknown(self.snippet(node))
        if meaning.upload is not None:
            path = meaning.upload.file
            return self._xplat_network_import(node, given.get(id(path)) if path is not None else None, env)
        if meaning.step is not None:
            self.calls.setdefault(node.start_byte, replace(call, runs=""))
            self._take_step(node, meaning.step)
            return Unknown(self.snippet(node))
        self.calls.setdefault(node.start_byte, replace(call, changes=(), runs=self._runs()))
        if call.changes:
            self._change_at(node, call)
        return Unknown(self.snippet(node))

    def _xplat_in_resource_manager_mode(self, root: Node) -> bool:
        """Whether the script's classic CLI commands run in its Resource Manager mode from the start: one
        only that mode has comes before any `azure config mode` (see `xplat.Reading.arm_from_start`), read
        from the words as written, in the order they are written."""
        probe = xplat.Reading(self.path)
        for command in _captures(_COMMANDS, root).get("command", []):
            if _command_name(command).casefold() in ("azure", "azure.cmd"):
                probe.command(_xplat_words_written(command, self.where), self.where.mark(command))
        return probe.arm_from_start

    def _xplat_network_import(self, node: Node, path: Arg | None, env: Env) -> Value:
        """`azure network import <file>`: the classic CLI's upload of a network configuration, which
        changes every network as Set-AzureVNetConfig does, its file read as that cmdlet's is."""
        call = ClassicCall("azure network import", self._at_call(node))
        self.calls.setdefault(node.start_byte, call)
        self._change_at(node, replace(call, changes=(("virtual-network", EVERY_NETWORK),)))
        return self._uploaded_from(node, path, env, self.xplat_reading.selected_name)

    # --- the cmdlets that say something about resources -----------------------------------------------

    def _vm_input(self, args: Args, piped: Value | None) -> Value:
        arg = args.get("VM")
        value = arg.value if arg is not None else piped
        return value if value is not None else NULL

    def _vm_event(
        self, kind: str, node: Node, args: Args, piped: Value | None, env: Env, **data: Any
    ) -> Value:
        """Record a change on the VM configuration(s) the cmdlet gets, and pass them on."""
        return self._change(Event(kind, self._at_call(node), data), args, piped, env)

    def _change(self, event: Event, args: Args, piped: Value | None, env: Env) -> Value:
        """Record a change on the VM configuration(s) a cmdlet gets: one (which may be either of several a
        variable holds after branches), or each of an array of them, which a pipeline gives one by one."""
        vm = self._vm_input(args, piped)
        held = vm.values if isinstance(vm, Items) else (vm,)
        self.spend(len(held))
        for index in {index for item in held if isinstance(item, Vms) for index in item.ids}:
            key = self.vms[index].key
            state = env.lookup(key)
            self.spend(len(state.variants) if isinstance(state, VmState) else 1)
            env.vars[key] = (state if isinstance(state, VmState) else VmState((None,))).then(event)
        return vm

    def _new_object(self, obj: VmObject, events: list[Event], env: Env) -> Vms:
        obj.key = f"\0vm{len(self.vms)}"
        self.vms.append(obj)
        env.vars[obj.key] = VmState.of(events)
        return Vms(frozenset({len(self.vms) - 1}))

    def _variants(self, obj: VmObject, env: Env) -> list[tuple[list[Event], bool]]:
        state = env.lookup(obj.key)
        variants = state.variants if isinstance(state, VmState) else (None,)
        return [(v.events() if v is not None else [], obj.escaped) for v in variants]

    def _new_vm_config(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        name = args.get("Name")
        mark = self._at_call(node)
        events = []
        size = args.get("InstanceSize")
        if size is not None:
            events.append(Event("size", mark, {"value": size.value}))
        if args.given("AvailabilitySetName") is not False:
            events.append(self._avset_event(args.get("AvailabilitySetName"), mark))
        disabled = args.switch("DisableBootDiagnostics")
        if disabled is not False:
            arg = args.get("DisableBootDiagnostics")
            at = (self._written_at(arg) if arg else None) or mark
            events.append(Event("boot", at, {"value": None if disabled is None else False}))
        else:  # its later revisions turn boot diagnostics on unless told not to (AUTOMATION.md §2)
            events.append(Event("boot_default", mark, {"value": "New-AzureVMConfig"}))
        disk = self._disk_event(args, mark)
        if disk is None and args.given("MediaLocation") is False:
            disk = self._disk_by_name(args, mark)
        if disk is not None:
            events.append(disk)
        elif args.given("MediaLocation") is False and args.given("DiskName") is False:
            # From an image, with no blob named: New-AzureVM puts the OS disk in the current storage account.
            events.append(self._platform_os_disk(args, mark))
        vm = VmObject(self._made_at(node), name.value if name else Unknown(""), None, self._written_at(name))
        vm.branches = self.creating_on
        return self._new_object(vm, events, env)

    def _made_at(self, node: Node) -> Mark:
        """Where a VM the command `node` makes is shown: there; but in a function the script calls more
        than once, run at one of those calls, at that call (the innermost such), so that the findings of
        the VMs each call makes are told apart."""
        for at in range(len(self.call_stack) - 1, -1, -1):
            name = _first(self.call_stack[at][0], "function_name")
            if name is not None and self.call_sources[at].syntax.call_sites[_text(name).casefold()] > 1:
                return self._called_at(at)
        return self._at_call(node)

    def _called_at(self, at: int) -> Mark:
        """Where the `at`-th call being run is written, in the file that calls (see `_in_source`)."""
        call = self.call_stack[at][1]
        return self.call_sources[at].where.mark(call.child_by_field_name("command_name") or call)

    def _disk_event(self, args: Args, mark: Mark, lun: Value | None = None) -> Event | None:
        """A disk whose VHD blob the script names with `-MediaLocation`: the OS disk, or the data disk at
        `lun`. None when it names no blob, or one it does not state."""
        arg = args.get("MediaLocation")
        if arg is not None and arg.certain and isinstance(arg.value, Unknown):
            return self._unstated_account_disk(arg, args, mark, lun)
        if arg is None or not arg.certain or not isinstance(arg.value, Text):
            return None
        # A label is not the disk's name: the platform names a disk it creates (MIG401 says which disk by
        # its LUN, or as the OS disk, and its blob).
        name = _arg_text(args, "DiskName")
        at = _value_mark(arg.value, arg, self.where) or mark
        return Event("disk", at, {"link": arg.value.value, "name": name, "os": lun is None, "lun": lun})

    def _unstated_account_disk(self, arg: Arg, args: Args, mark: Mark, lun: Value | None) -> Event | None:
        """A disk whose blob the script names in a storage account it does not state (`-MediaLocation
        "https://$account.blob.core.windows.net/vhds/vm1.vhd"`): its account is a stand-in (see
        `_account_stand_in`), one for every blob named by the same value. None for any other blob address
        the script does not state."""
        account = self._blob_account_stand_in(arg, mark)
        if not account:
            return None
        at = self._written_at(arg) or mark
        data = {
            "link": "",
            "name": _arg_text(args, "DiskName"),
            "os": lun is None,
            "lun": lun,
            "account": account,
        }
        return Event("disk", at, data)

    def _blob_account_stand_in(self, arg: Arg, mark: Mark) -> str:
        """The stand-in for the storage account of a blob the script names in an account it does not state
        (`"https://$account.blob.core.windows.net/vhds/vm1.vhd"`, see `_account_stand_in`); "" for any
        other address."""
        value = arg.value
        if not arg.certain or not isinstance(value, Unknown) or not value.shape or not value.holes:
            return ""
        host = value.shape.split("://", 1)[-1].split("/", 1)[0].split(".")
        if len(host) < 3 or automation.HOLE not in host[0] or host[1].casefold() != "blob":
            return ""
        return self._account_stand_in(value.holes[0], host[0], self._written_at(arg) or mark)

    def _account_stand_in(self, ident: object, shape: str, at: Mark) -> str:
        """The stand-in for a storage account the script names by a value it does not state, built as
        `shape` (`automation.HOLE` for the value itself, `acct` and a HOLE for `"acct$n"`): named where the
        script first passes it (`<storage account name, deploy.ps1:3>`, see `_stand_in`), one for every use
        of the same value built alike (see `Unknown.ident`); one of no known definition is its own."""
        key = ("ident", ident, shape) if ident is not None else ("at", at.line, at.column)
        found = self.unstated_accounts.get(key)
        if found is None and isinstance(ident, tuple) and ident[:1] == (_EITHER,):
            # A value one of several: the account one of them named first (the shell reader's alike).
            found = next((self.account_of_value[d] for d in ident[1:] if d in self.account_of_value), None)
        if found is None:
            found = another_turn(account_stand_in(at), self.stand_in_turns)
        self.unstated_accounts[key] = found
        if ident is not None:
            self.account_of_value.setdefault(ident, found)
        return found

    def _disk_by_name(self, args: Args, mark: Mark, lun: Value | None = None) -> Event | None:
        """A disk of the subscription's repository a VM is given by name (`New-AzureVMConfig -DiskName`,
        `Add-AzureDataDisk -Import -DiskName`): the OS disk, or the data disk at `lun`, whose blob the script
        does not name. It is listed on its own, attached to the VM (see `_Facts.by_name`), and the link
        stage joins it to the disk of that name another description lists (one the script registers, see
        `_add_disk`), among the VM's disks. None when the call gives no name; a `disk_unnamed` change when it
        gives one the script does not state, which may be that of any disk it registers (see
        `_registered_disks`)."""
        arg = args.get("DiskName")
        if arg is None or _stated_null(arg.value):
            return None
        if not arg.certain or not isinstance(arg.value, Text) or not arg.value.value.strip():
            at = self._written_at(arg) or mark
            self.unnamed_disk_at = self.unnamed_disk_at or at
            return Event("disk_unnamed", at, {})
        at = _value_mark(arg.value, arg, self.where) or mark
        return Event("disk", at, {"link": "", "name": arg.value.value, "os": lun is None, "lun": lun})

    def _data_disk(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Add-AzureDataDisk: a new disk or one from a blob (`-CreateNew`, `-ImportFrom`); one from the
        disk repository (`-Import`) is known by its name only (see `_disk_by_name`)."""
        lun = _arg_value(args, "LUN")
        mark = self._at_call(node)
        event = (
            self._disk_by_name(args, mark, lun)
            if args.switch("Import")
            else self._disk_event(args, mark, lun)
        )
        if event is None and args.switch("CreateNew") and args.given("MediaLocation") is False:
            # A new disk with no blob named: the platform puts it in the current storage account, as it
            # does the OS disk of a VM made from an image (see `_platform_os_disk`).
            event = Event("platform_data_disk", mark, {"lun": lun})
        if event is None:
            return self._vm_input(args, piped)
        return self._change(event, args, piped, env)

    def _remove_data_disk(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Remove-AzureDataDisk. From a VM that exists already, only when the call surely runs: the disk
        may be one the script does not describe (the linker takes it off the VM a file creates, see
        `_Facts._disk_remove`), and a removal that may not run leaves it, as for an ACL (`_remove_acl`)."""
        vm = self._vm_input(args, piped)
        if not self._may_remove_from(vm):
            return vm
        return self._vm_event("disk_remove", node, args, piped, env, lun=_arg_value(args, "LUN"))

    def _avset_event(self, arg: Arg | None, mark: Mark) -> Event:
        value = arg.value if arg is not None and arg.certain else Unknown("")
        return Event("avset", _value_mark(value, arg, self.where) or mark, {"value": value})

    def _provisioning(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        linux = args.switch("Linux")
        return self._vm_event(
            "provision",
            node,
            args,
            piped,
            env,
            linux=linux,
            rdp=_negated(args.switch("NoRDPEndpoint")),
            winrm=_negated(_either(args.switch("NoWinRMEndpoint"), args.switch("DisableWinRMHttps"))),
            ssh=_negated(_either(args.switch("NoSSHEndpoint"), args.switch("DisableSSH"))),
            certificates=self._certificates_stated(args, self._at_call(node)),
        )

    def _certificates_stated(self, args: Args, call: Mark) -> ServiceCertificate | None:
        """A VM's `-X509Certificates` (certificates uploaded to its cloud service) or `-Certificates`
        (settings of certificates its service holds already), surely passed: the service the VM is created
        in holds service certificates. Its name is the deployment's, known at New-AzureVM (see
        `_service_certificates`); "" here."""
        for name, stated_by in (("X509Certificates", "-X509Certificates"), ("Certificates", "-Certificates")):
            arg = args.get(name)
            if arg is not None and arg.certain:
                return ServiceCertificate("", self._written_at(arg) or call, stated_by)
        return None

    def _add_certificate(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Add-AzureCertificate uploads a service certificate to the cloud service -ServiceName names (a
        stand-in where the script does not state it)."""
        certificate = args.get("CertToDeploy")
        if certificate is None or not certificate.certain:
            return NULL  # mandatory: the call fails without it
        mark = self._at_call(node)
        name = _stated_name(args, "ServiceName") or _stand_in(
            "cloud service name", self._written_at(args.get("ServiceName")) or mark
        )
        at = self._written_at(certificate) or mark
        self.service_certificates.setdefault(
            ServiceCertificate(name, at, "Add-AzureCertificate -CertToDeploy")
        )
        return NULL

    def _subnet(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        arg = args.get("SubnetNames")
        value = arg.value if arg is not None and arg.certain else Unknown("")
        return self._vm_event(
            "subnets",
            node,
            args,
            piped,
            env,
            value=value,
            arg=arg,
            marks=self._item_marks(arg),
            at=self._written_at(arg),
        )

    def _item_marks(self, arg: Arg | None) -> tuple[Mark, ...]:
        """Where each item of an array argument is written (`-SubnetNames $a, $b`, `-VMs @($a, $b)`); none
        when the array is not written in the argument itself."""
        if arg is not None and arg.items:
            return tuple(self.where.mark(item) for item in arg.items)
        inner = _unwrap(arg.node) if arg is not None and arg.node is not None else None
        if inner is not None and inner.type == "array_expression":  # `@(…)` of one list of items
            statements = [s for lists in _named(inner) for s in _named(lists)]
            inner = _unwrap(statements[0]) if len(statements) == 1 else None
        if inner is None or inner.type != "array_literal_expression":
            return ()
        return tuple(self.where.mark(item) for item in _named(inner))

    def _nic(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        arg = args.get("SubnetName")
        value = arg.value if arg is not None and arg.certain else Unknown("")
        address = self._address(args.get("StaticVNetIPAddress"), node)
        name = _arg_value(args, "Name")
        return self._vm_event(
            "nic",
            node,
            args,
            piped,
            env,
            value=value,
            arg=arg,
            address=address,
            name=name,
            at=self._written_at(arg),
        )

    def _remove_nic(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Remove-AzureNetworkInterfaceConfig. From a VM that exists already, only when the call surely
        runs, as for a data disk (`_remove_data_disk`): the interface may be one the script does not
        describe (see `_Facts._nic_remove`)."""
        vm = self._vm_input(args, piped)
        if not self._may_remove_from(vm):
            return vm
        return self._vm_event("nic_remove", node, args, piped, env, name=_arg_value(args, "Name"))

    def _static_ip(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Set-AzureStaticVNetIP: the private address the VM's primary network interface asks for, in place
        of any before it; Remove-AzureStaticVNetIP: none."""
        removed = _command_name(node).casefold() == "remove-azurestaticvnetip"
        address = None if removed else self._address(args.get("IPAddress"), node)
        return self._vm_event("static_ip", node, args, piped, env, address=address)

    def _public_ip(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Set-AzurePublicIP: the VM's own public IP, by the name the script states, in place of any before
        it (the cmdlet renames the one the VM has, else adds it); Remove-AzurePublicIP: the one of the name
        it states, or every one when it names none. A VM given one by a name the script does not state
        (`-PublicIPName ($VMName + 'PIP')`, built at run time) has one all the same: named by a stand-in
        where the name is written (see `_stand_in`), so that the plan says what it becomes."""
        removed = _command_name(node).casefold() == "remove-azurepublicip"
        every = removed and args.given("PublicIPName") is False
        arg = args.get("PublicIPName")
        name = self._address(arg, node)  # where its name is written, as an address
        if (
            name is None
            and not removed
            and arg is not None
            and arg.certain
            and isinstance(arg.value, Unknown)
        ):
            at = self._written_at(arg) or self._at_call(node)
            name = NameRef(_stand_in("public IP name", at, column=True), at)
        return self._vm_event("public_ip", node, args, piped, env, name=name, removed=removed, every=every)

    def _address(self, arg: Arg | None, node: Node) -> NameRef | None:
        """A static private address the script states, where it is written (else at the call `node`); None
        for one it does not state."""
        if arg is None or not arg.certain or not isinstance(arg.value, Text) or not arg.value.value.strip():
            return None
        at = _value_mark(arg.value, arg, self.where) or self._at_call(node)
        return NameRef(arg.value.value.strip(), at)

    def _endpoint(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        kind = "endpoint" if _command_name(node).casefold() == "add-azureendpoint" else "endpoint_set"
        return self._vm_event(
            kind, node, args, piped, env, **self._endpoint_data(args, _arg_value(args, "Name"))
        )

    def _endpoint_data(self, args: Args, name: Value) -> dict[str, Any]:
        """What an endpoint cmdlet says of the endpoint it adds or changes."""
        acl = args.get("ACL")
        return {
            "name": name,
            "protocol": _arg_value(args, "Protocol"),
            "local_port": _arg_value(args, "LocalPort"),
            "port": _arg_value(args, "PublicPort"),
            "load_balancer": _arg_value(args, "InternalLoadBalancerName"),
            "virtual_ip": _arg_value(args, "VirtualIPName"),  # one of several VIPs; none: the default
            "acl": acl.value if acl is not None else None,
            "acl_mark": _value_mark(acl.value, acl, self.where, prefer_node=True)
            if acl is not None
            else None,
            "escaped": args.opaque,
        }

    def _internal_load_balancer(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Add-AzureInternalLoadBalancer: an internal load balancer of the deployment this script describes in
        the service it names, its frontend in the subnet `-SubnetName` names (of the deployment's network).
        Added with a subnet to a service the script does not describe, it is one of the deployment there,
        which is so in a virtual network (one with that subnet); with none, nothing here says which network
        it is in, and it is left alone. New-AzureInternalLoadBalancerConfig: the same load balancer, as a
        value for New-AzureVM's `-InternalLoadBalancerConfig` (see `_balancer_config`)."""
        mark = self._at_call(node)
        name = _arg_value(args, "InternalLoadBalancerName")
        shown = name.value if isinstance(name, Text) else _stand_in("load balancer name", mark)
        balancer = InternalLoadBalancer(shown, mark, self._address(args.get("SubnetName"), node))
        if _command_name(node).casefold() == "new-azureinternalloadbalancerconfig":
            return BalancerConfig(balancer)
        service = _arg_value(args, "ServiceName")
        draft = self._described(service)
        if (
            draft is None
            and balancer.subnet is not None
            and isinstance(service, Text)
            and service.value.strip()
        ):
            draft = self._deployment(service, mark, node, self._written_at(args.get("ServiceName")))
        if draft is not None:
            draft.balancers.append(balancer)
        return NULL

    def _move_load_balancer(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Set-AzureInternalLoadBalancer -SubnetName: the load balancer's frontend moves to that subnet, where
        the call surely runs (to a subnet not known where the script does not state it); one the script does
        not add is one of the deployment there, as Add-AzureInternalLoadBalancer reads it. One that may not
        run leaves the script's own where it was: its frontend is there on the paths that skip the call. A
        call without -SubnetName says nothing of the subnet."""
        if not args.given("SubnetName"):
            return NULL
        mark = self._at_call(node)
        name = _arg_value(args, "InternalLoadBalancerName")
        draft = self._described(_arg_value(args, "ServiceName"))
        held = _balancer_named(draft, name) if draft is not None else None
        if held is not None and not self._surely_runs():
            return NULL
        if held is None:
            return self._internal_load_balancer(node, args, piped, env)
        assert draft is not None
        moved = InternalLoadBalancer(held.name, mark, self._address(args.get("SubnetName"), node))
        draft.balancers[draft.balancers.index(held)] = moved
        return NULL

    def _remove_load_balancer(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Remove-AzureInternalLoadBalancer: the internal load balancer of the deployment in the service it
        names is gone, where the removal surely runs (the cmdlet names no load balancer: it removes the
        deployment's). One that may not run leaves it: it is there on the paths that skip the call."""
        draft = self._described(_arg_value(args, "ServiceName"))
        if draft is not None and self._surely_runs():
            draft.balancers.clear()
        return NULL

    def _virtual_ip(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Add-AzureVirtualIP: a virtual IP of the deployment in the service it names, besides its default
        one (`Deployment.other_vips`), by the name the script states. Remove-AzureVirtualIP that surely runs
        takes one the script added off it again."""
        name, service = _arg_value(args, "VirtualIPName"), _arg_value(args, "ServiceName")
        if not isinstance(name, Text) or not name.value.strip():
            return NULL
        if _command_name(node).casefold() == "remove-azurevirtualip":
            draft = self._described(service)
            if draft is not None and self._surely_runs():
                draft.other_vips.pop(_name_key(name.value), None)
            return NULL
        draft = self._described(service)
        if draft is None and isinstance(service, Text) and service.value.strip():
            draft = self._deployment(
                service, self._at_call(node), node, self._written_at(args.get("ServiceName"))
            )
        if draft is not None:
            draft.other_vips.setdefault(_name_key(name.value), NameRef(name.value, self._at_call(node)))
        return NULL

    def _balancer_config(self, draft: DeploymentDraft, args: Args) -> None:
        """New-AzureVM `-InternalLoadBalancerConfig`: the deployment it creates has that internal load
        balancer (a value the reader does not see says nothing of one)."""
        config = _arg_value(args, "InternalLoadBalancerConfig")
        if isinstance(config, BalancerConfig) and config.record not in draft.balancers:
            draft.balancers.append(config.record)

    def _lb_endpoint(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Set-AzureLoadBalancedEndpoint -ACL: every endpoint of a load-balanced set gets the ACL, on VMs
        of the service the script does not name. They stand as one VM of the service, named after the set,
        whose endpoint is the set."""
        acl = args.get("ACL")
        if acl is None or not acl.certain or not isinstance(acl.value, Acls):
            return NULL
        mark = self._at_call(node)
        service = _arg_value(args, "ServiceName", Unknown(""))
        draft = self._deployment(service, mark, node, self._written_at(args.get("ServiceName")))
        vms, endpoints = self._lb_names(args.get("LBSetName"), mark)
        role = self._role(draft, Text(vms), mark, "opaque")
        event = Event("endpoint_set", mark, self._endpoint_data(args, Text(endpoints)))
        # Calls for one set run one after the other: each changes what the ones before it set.
        role.variants = [([*events, event], True) for events, _ in role.variants] or [([event], True)]
        return NULL

    def _lb_names(self, arg: Arg | None, mark: Mark) -> tuple[str, str]:
        """How messages name the VMs and the endpoints of a load-balanced set: by what they are, since their
        own names are not in the call."""
        if arg is not None and arg.certain and isinstance(arg.value, Text):
            return (
                f"<VMs of load-balanced set {arg.value.value}>",
                f"<endpoints of load-balanced set {arg.value.value}>",
            )
        at = self._written_at(arg) or mark
        return _stand_in("VMs of a load-balanced set", at), _stand_in("endpoints of a load-balanced set", at)

    def _remove_endpoint(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Remove-AzureEndpoint. From a VM that exists already, only when the call surely runs, as for a
        data disk (`_remove_data_disk`): the endpoint may be one the script does not describe (see
        `_Facts._endpoint_remove`)."""
        vm = self._vm_input(args, piped)
        if not self._may_remove_from(vm):
            return vm
        return self._vm_event("endpoint_remove", node, args, piped, env, name=_arg_value(args, "Name"))

    def _remove_acl(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Remove-AzureAclConfig. From a VM that exists already, only when the call surely runs: the ACL
        that VM held is not in the script (the linker takes it from the file that creates the VM), so no
        path stands for it as it was, and a removal that may not run would take it away on every path
        (see `_Facts._acl_remove`). A VM the script creates keeps a path without the removal."""
        vm = self._vm_input(args, piped)
        if not self._may_remove_from(vm):
            return vm
        return self._vm_event("acl_remove", node, args, piped, env, name=_arg_value(args, "EndpointName"))

    def _any_existing(self, vm: Value) -> bool:
        """Whether a VM configuration a cmdlet gets may be that of a VM that exists (`Get-AzureVM`), named by
        values the script surely gives: a removal from it takes away what another file describes, and a
        VM named by a parameter's default (one run's value) may be another VM on another run."""
        held = vm.values if isinstance(vm, Items) else (vm,)
        return any(
            self.vms[index].existing is not None
            for item in held
            if isinstance(item, Vms)
            for index in item.ids
        )

    def _may_remove_from(self, vm: Value) -> bool:
        """Whether a removal from `vm` may take effect: the call surely runs, or the VM is one the script
        creates (which keeps a path without the removal); and an existing VM is named by values the script
        surely gives, not a parameter's default that another run may replace."""
        if not self._any_existing(vm):
            return True
        held = vm.values if isinstance(vm, Items) else (vm,)
        named_surely = all(
            all(isinstance(v, Text) and v.sure for v in existing if v is not None)
            for item in held
            if isinstance(item, Vms)
            for existing in (self.vms[index].existing for index in item.ids)
            if existing is not None
        )
        return self._surely_runs() and named_surely

    def _extension(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """`-Publisher $null` is read as `-Publisher ""`: the reference states no publisher either way, and
        is still the extension it names (an Azure Backup one is MIG206), as a Python script's is."""
        publisher = _arg_value(args, "Publisher")
        return self._vm_event(
            "extension",
            node,
            args,
            piped,
            env,
            publisher=Text("") if _stated_null(publisher) else publisher,
            name=_arg_value(args, "ExtensionName"),
            name_at=self._name_at(args, "ExtensionName"),
            version=_arg_value(args, "Version"),
            reference=_arg_value(args, "ReferenceName"),
            state=_state(args),
        )

    def _remove_extension(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """`Remove-AzureVMExtension`: by name and publisher, by reference name (one positional alone is
        that), or every extension with `-RemoveAll`. A named wrapper's (`Remove-AzureVMBGInfoExtension`, …)
        removes its extension, whatever its version or reference name."""
        named = cmdlets.NAMED_REMOVALS.get(_command_name(node).casefold())
        if named is not None:
            if named[0] == cmdlets.CHEF_LINUX[0]:  # the name of the VM's platform: drop either
                self._vm_event("extension_remove", node, args, piped, env, **_removal_of(cmdlets.CHEF_LINUX))
            return self._vm_event("extension_remove", node, args, piped, env, **_removal_of(named))
        name, publisher = _arg_value(args, "ExtensionName"), _arg_value(args, "Publisher")
        reference = _arg_value(args, "ReferenceName")
        if args.given("Publisher") is False and args.given("ReferenceName") is False:
            name, publisher, reference = NULL, NULL, name
        every = args.switch("RemoveAll")
        data = {"publisher": publisher, "name": name, "reference": reference, "every": every}
        return self._vm_event("extension_remove", node, args, piped, env, **data)

    def _named_extension(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """The extension a named wrapper installs (`Set-AzureVMCustomScriptExtension`, …), in place of any
        of the same publisher and name the configuration had. Without `-Version` it is the wrapper's
        default version (BGInfo's is 2.* in the module's source): not stated, so not an XML extension."""
        key = _command_name(node).casefold()
        linux = args.switch("Linux") if key == "set-azurevmchefextension" else False
        name: Value = Text(cmdlets.NAMED_EXTENSIONS[key][1])
        if linux or linux is None:
            name = Text(cmdlets.CHEF_LINUX[1]) if linux else Unknown(self.snippet(node))
        if key == "set-azurevmmicrosoftantimalwareextension":
            self._antimalware_monitoring(node, args, piped, env)
            if args.switch("NoConfig"):  # only the monitoring changes
                return self._vm_input(args, piped)
        publisher, version = Text(cmdlets.NAMED_EXTENSIONS[key][0]), _arg_value(args, "Version")
        # The wrapper states no name: where its version makes the extension an XML one (BGInfo 1.*), a
        # finding about it points at that version; else at the wrapper.
        xml = (
            isinstance(name, Text)
            and isinstance(version, Text)
            and is_xml_extension(publisher.value, name.value, version.value)
        )
        return self._vm_event(
            "extension",
            node,
            args,
            piped,
            env,
            publisher=publisher,
            name=name,
            name_at=self._name_at(args, "Version") if xml else None,
            version=version,
            reference=_arg_value(args, "ReferenceName"),
            state=_state(args),
        )

    def _antimalware_monitoring(self, node: Node, args: Args, piped: Value | None, env: Env) -> None:
        """`-Monitoring ON` of the antimalware wrapper adds the diagnostics extension too (the module's
        source: InitializeMonitoringSettings), to send the antimalware events to storage."""
        monitoring = _arg_value(args, "Monitoring")
        if isinstance(monitoring, Text) and monitoring.value.strip().casefold() == "on":
            publisher, name = cmdlets.NAMED_EXTENSIONS["set-azurevmdiagnosticsextension"]
            data = {"publisher": Text(publisher), "name": Text(name), "version": NULL, "reference": NULL}
            self._vm_event("extension", node, args, piped, env, **data, state="Enable")

    def _boot(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        enable, disable = args.switch("Enable"), args.switch("Disable")
        value = True if enable else False if disable else None
        return self._vm_event("boot", node, args, piped, env, value=value)

    def _set_size(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """`Set-AzureVMSize -InstanceSize`: the size of the VM configuration it gets, as New-AzureVMConfig's
        -InstanceSize sets it (of a VM created, imported or updated with Update-AzureVM)."""
        size = args.get("InstanceSize")
        return self._vm_event("size", node, args, piped, env, value=size.value if size else Unknown(""))

    def _set_avset(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        return self._change(
            self._avset_event(args.get("AvailabilitySetName"), self._at_call(node)), args, piped, env
        )

    def _remove_avset(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        return self._vm_event("avset", node, args, piped, env, value=NULL)

    def _get_vnet_sites(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Get-AzureVNetSite without -VNetName: every network site of the subscription, one value wherever
        the script lists them, so that two loops over them go over the same networks (see
        `_subscription_site`): a gateway one loop creates for each is the one the other sets keys of."""
        if args.given("VNetName") is False:
            return Unknown(self.snippet(node), (_SUBSCRIPTION_SITES,))
        return Unknown(self.snippet(node))

    def _get_vm(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """A VM that exists: one the script names; every VM of a cloud service it names, as one VM of a
        name that says so (what the script does to them is done to each); not followed for every VM of
        the subscription."""
        service, name = args.get("ServiceName"), args.get("Name")
        if service is None:
            return (
                EveryVm(self.snippet(node))
                if args.given("ServiceName") is False
                else Unknown(self.snippet(node))
            )
        mark = self._at_call(node)
        if name is None:
            return self._every_vm_of(service.value, mark, self._written_at(service), env)
        vm = VmObject(mark, name.value, (service.value, name.value), self._written_at(name))
        return self._new_object(vm, [], env)

    def _every_vm_of(self, service: Value, mark: Mark, written_at: Mark | None, env: Env) -> Value:
        """Every VM of the cloud service `service`, as one VM of a name that says so (what the script does
        to it is done to each), got at `mark`; `written_at` is where the service's name is written."""
        written = service.value if isinstance(service, Text) else ""
        every = f"<VMs of cloud service {written}>" if written else _stand_in("VMs of a cloud service", mark)
        vm = VmObject(mark, Text(every), (service, Text(every)), written_at, every=True)
        return self._new_object(vm, [], env)

    def _where_vm(self, node: Node, piped: Value | None, env: Env) -> Value | None:
        """`Get-AzureVM | Where-Object …`: the VM a filter of every VM picks by its name (see `_picked_vm`),
        written as a script block (`{ $_.Name -eq 'x' }`, `-FilterScript`) or in the simplified form
        (`Name -eq 'x'`, `-Property Name -EQ -Value 'x'`); None for any other filter, or input."""
        if not isinstance(piped, EveryVm):
            return None
        written = _where_filter(node)
        if isinstance(written, tuple):
            prop, operator, value = written
            named = self.evaluate(prop, env)
            if operator not in _EQUALS or not isinstance(named, Text):
                return None
            return self._picked_vm([("_", named.value.casefold(), value)], node, env)
        tests = _equalities(written) if written is not None else None
        if tests is None or any(variable not in ("_", "psitem") for variable, _, _ in tests):
            return None
        return self._picked_vm(tests, node, env)

    def _where_circuit(self, node: Node, piped: Value | None, env: Env) -> Value | None:
        """`Get-AzureDedicatedCircuit | Where-Object …`: the circuit a filter of every circuit picks by its
        name (see `_picked_circuit`), in either form `_where_vm` reads; None for any other filter, or input."""
        if not isinstance(piped, EveryCircuit):
            return None
        written = _where_filter(node)
        if isinstance(written, tuple):
            prop, operator, value = written
            named = self.evaluate(prop, env)
            tested = named.value.casefold() if isinstance(named, Text) else ""
            return self._picked_circuit([("_", tested, value)], operator, env)
        tests = _equalities(written) if written is not None else None
        return self._picked_circuit(tests, "-eq", env) if tests is not None else None

    def _picked_circuit(self, tests: list[tuple[str, str, Node]], operator: str, env: Env) -> Value | None:
        """The circuit one equality of `$_`'s CircuitName with a name the script states picks out of every
        circuit of the subscription: that circuit, found by its name; None for any other test."""
        if len(tests) != 1 or operator not in _EQUALS:
            return None
        ((variable, tested, at),) = tests
        name = self.evaluate(at, env) if variable in ("_", "psitem") and tested == "circuitname" else None
        if not isinstance(name, Text) or not name.value.strip():
            return None
        return CircuitMade(name.value.strip(), found=True)

    def _where_method(self, target: Node, arguments: Node | None, env: Env) -> tuple[Value, Value | None]:
        """`(Get-AzureVM).Where({ $_.Name -eq 'x' })`: what the method is called on, and the VM its script
        block picks by its name out of every VM (see `_picked_vm`), None when it picks none so."""
        base = self.evaluate(target, env)
        given = _arguments(arguments) if arguments is not None else []
        block = _unwrap(given[0]) if len(given) == 1 and isinstance(base, EveryVm) else None
        condition = _block_condition(block) if block is not None else None
        tests = _equalities(condition) if condition is not None else None
        if tests is None or any(variable not in ("_", "psitem") for variable, _, _ in tests):
            return base, None
        return base, self._picked_vm(tests, target, env)

    def _picked_vm(self, tests: list[tuple[str, str, Node]], node: Node, env: Env) -> Value | None:
        """The VM equalities on a VM's name (see `_equalities`) pick out of every VM of the subscription: of
        the cloud service a `ServiceName` test names, as `Get-AzureVM -ServiceName s -Name x` gets it; else
        each VM of that name, in whichever service (`VmObject.by_name`), as PowerShell passes on every one;
        every VM of the service a `ServiceName` test alone names, as `Get-AzureVM -ServiceName s` gets them.
        None when the tests pick VMs the reader cannot know: two names, or a property it does not read."""
        names = [at for _, tested, at in tests if tested in _VM_NAMES]
        services = [at for _, tested, at in tests if tested == "servicename"]
        if not (names or services) or len(names) + len(services) != len(tests) or len(services) > 1:
            return None
        values = {at.id: self.evaluate(at, env) for _, _, at in tests}
        if any(isinstance(v, Null) or (isinstance(v, Text) and not v.value.strip()) for v in values.values()):
            return None
        mark = self.where.mark(node.child_by_field_name("command_name") or node)
        if not names:  # every VM of the service, as `Get-AzureVM -ServiceName s` gets them
            return self._every_vm_of(values[services[0].id], mark, self.where.mark(services[0]), env)
        name, name_at = values[names[0].id], self.where.mark(names[0])
        if any(_role_key(values[other.id]) != _role_key(name) for other in names):
            return None
        if services:
            vm = VmObject(mark, name, (values[services[0].id], name), name_at)
        else:
            service = Unknown(_stand_in("cloud service name", mark), ("cloud service of VM", _role_key(name)))
            vm = VmObject(mark, name, (service, name), name_at, by_name=True)
        return self._new_object(vm, [], env)

    def _picks_surely(self, picked: str | None, condition: Node | None) -> bool:
        """Whether an `if`'s test picks a VM by the variable `picked` (see `_narrowed`) out of the VMs of a
        loop over every VM whose body the `if` is directly in, no branch, loop or early end between, and
        nothing else in the test: its branch runs once for that VM, whenever the loop runs."""
        if picked is None or self.every_vm_round is None or self.partial or condition is None:
            return False
        level, variable = self.every_vm_round
        return self.maybe == level and (picked == variable or {picked, variable} <= {"_", "psitem"})

    def _narrowed(self, condition: Node | None, env: Env) -> tuple[Env, Value | None, str | None]:
        """The environment of a branch, and its `$_` where that is not the one around it: where its
        condition picks a VM by its name out of every VM a variable holds (`foreach ($vm in Get-AzureVM)
        { if ($vm.Name -eq 'x') { … } }`), or `$_` is (`Get-AzureVM | ForEach-Object { if ($_.Name -eq
        'x') { … } }`), the variable holds that VM in it (see `_picked_vm`). Last, the variable that
        picks the VM, None when none does."""
        inner = env.child()
        tests = _equalities(condition) if condition is not None else None
        held = {variable for variable, _, _ in tests or ()}
        if condition is None or not tests or len(held) != 1:
            return inner, None, None
        variable = held.pop()
        of_item = variable in ("_", "psitem")
        every = self.item if of_item else env.lookup(variable)
        picked = self._picked_vm(tests, condition, inner) if isinstance(every, EveryVm) else None
        if picked is None:
            return inner, None, None
        if of_item:
            return inner, picked, variable
        inner.vars[variable] = picked
        return inner, None, variable

    def _update_vm(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Update-AzureVM of an existing VM: a role of its service, with the facts the pipeline sets; the VM
        the script created there unnamed when it can only be that one (see `_named_by_update`)."""
        vm = self._vm_input(args, piped)
        if not isinstance(vm, Vms):
            return NULL
        for index in sorted(vm.ids):
            obj = self.vms[index]
            if obj.existing is None:
                continue
            service = _arg_value(args, "ServiceName", obj.existing[0])
            name = _arg_value(args, "Name", obj.existing[1])
            # The VM's service as Get-AzureVM got it: one deployment however many updates change the VM.
            made = (obj.mark.line, obj.mark.column) if args.get("ServiceName") is None else None
            draft = self._deployment(service, obj.mark, node, self._written_at(args.get("ServiceName")), made)
            if obj.by_name and args.get("ServiceName") is None:
                _by_vm_name(draft, obj.existing[0])
            name_at = self._written_at(args.get("Name")) or obj.name_at
            role = self._named_by_update(draft, name, obj) or self._role(
                draft, name, obj.mark, "existing", name_at
            )
            role.every = role.every or obj.every
            changes = self._placed_by_update(self._variants(obj, env), node, env)
            if not role.variants or (role.base == "existing" and not self._surely_runs()):
                role.add(changes)  # the VM as this update leaves it, or as it was
            else:  # changed after what the script did to it before: a VM it creates, or one it surely updated
                role.variants = [
                    (events + more, escaped or later)
                    for events, escaped in role.variants
                    for more, later in changes
                ][:_MAX_VARIANTS]
        return NULL

    def _placed_by_update(
        self, changes: list[tuple[list[Event], bool]], node: Node, env: Env
    ) -> list[tuple[list[Event], bool]]:
        """The changes an Update-AzureVM makes, with its new data disks that name no blob (`Add-AzureDataDisk
        -CreateNew` without `-MediaLocation`) put in the subscription's current storage account, as New-AzureVM
        puts those of a VM it creates (see `_add_vms`): when the script surely states which; else none is."""
        account = self._current_account(env)
        if not account:
            return changes
        placed = self._placed_in(account, self._at_call(node))
        return [([*events, placed], escaped) for events, escaped in changes]

    def _named_by_update(self, draft: DeploymentDraft, name: Value, obj: VmObject) -> RoleDraft | None:
        """The VM an update of a VM the script names is of, when the script has created exactly one VM in the
        deployment under a name it does not state (imported from a file, named by a parameter) and none
        under this name: that VM, which takes the name, so that findings name it and a later change by the
        name is of it. When several could be it, the update is of none of them (None): it stays a VM of its
        own, so that what it does is reported once, under the name the script gives, not once for each."""
        if obj.every or not isinstance(name, Text) or len(draft.unnamed) != 1:
            return None
        key = _role_key(name)
        if key in draft.roles:
            return None
        unnamed = draft.unnamed.pop()  # named from now on
        role = draft.roles[unnamed]  # not gone: removals go by stated names
        role.name = name.value
        # Keyed by its name from now on, in the place it was created (the order roles are reported in).
        draft.roles = {key if old == unnamed else old: each for old, each in draft.roles.items()}
        return role

    def _surely_runs(self) -> bool:
        """Whether the statement being run surely runs when the script does (its selections in order, past
        a stop at its top level: see `_selection_stops`): no branch the reader cannot decide, loop read
        once, `catch` or early end around it, in the functions being run or their calls."""
        return not (self.maybe or self.partial or self.maybe_calls) and self.callers_known

    def _new_vm(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        arg = args.get("VMs")
        vms = arg.value if arg is not None else piped
        if vms is None:  # `-VMs` is mandatory: without it, or a configuration piped in, the call fails
            return NULL
        if self._refused_after_delete(node, args):
            return NULL
        self._vms_not_passed_on(vms)
        self._service_region(node, args)
        draft = self._placed(node, args)
        self._balancer_config(draft, args)
        items = vms.values if isinstance(vms, Items) else (vms,) if vms is not None else ()
        marks = self._item_marks(arg)
        # A call that creates the deployment in no network: its VMs' lack of a subnet is none on its path.
        in_none = args.given("VNetName") is False and self._creates_deployment(args) is True
        for at, item in enumerate(items):
            if isinstance(item, Vms):
                written = marks[at] if at < len(marks) else self._written_at(arg)
                call = self._at_call(node)
                self._add_vms(draft, item, env, written or call, call, in_none)
            elif _earlier_rounds(item):
                continue  # those a loop read once added in its other rounds: the configurations beside it
            elif not isinstance(item, Null):  # a configuration the reader cannot see: a VM of its own
                written = marks[at] if at < len(marks) else self._written_at(arg)
                role = self._unseen_configuration(draft, item, node, written)
                role.add([([self._unseen_disks(written or self._at_call(node))], True)])
                role.imported_from = role.imported_from or _imported_file(item)
                role.created_on(self.creating_on)
        return NULL

    def _vms_not_passed_on(self, vms: Value) -> None:
        """The VM configuration pipelines whose output a New-AzureVM is given that end in a stage passing
        no VM on (`Null.dropped`): said as parts not read, once each however often the call runs. Given
        nothing there, the call fails and creates no VM."""
        for item in vms.values if isinstance(vms, Items) else (vms,):
            if isinstance(item, Null) and item.dropped is not None:
                at = item.dropped
                self.vms_not_passed_on.setdefault((at.line, at.column), replace(at, tag=VM_NOT_PASSED_ON))

    def _unseen_configuration(
        self, draft: DeploymentDraft, item: Value, node: Node, written: Mark | None
    ) -> RoleDraft:
        """The VM New-AzureVM creates from a configuration the reader cannot see: a VM of its own, but the
        one an earlier New-AzureVM created from the same value (one definition of it: see `Unknown.ident`)
        on another branch of a choice this one is on, as only one of them runs (`if ($wait) { New-AzureVM
        -VMs $VM -WaitForBoot } else { New-AzureVM -VMs $VM }`)."""
        ident = item.ident if isinstance(item, Unknown) else None
        key = (id(draft), ident)
        earlier = self.unseen_configurations.get(key) if ident is not None else None
        branches = self.creating_on
        if (
            branches
            and earlier is not None
            and earlier[0] is draft
            and len(earlier[2]) < _MAX_ALTERNATIVES
            and all(_apart(made, branches) for made in earlier[2])
        ):
            earlier[2].append(branches)
            return earlier[1]
        role = self._role(draft, Unknown(""), self._at_call(node), "opaque", written)
        if ident is not None and branches:  # only code on a branch has others it never runs with
            self.unseen_configurations[key] = (draft, role, [branches])
        return role

    def _unseen_disks(self, at: Mark) -> Event:
        """The disks of a VM created `at` from a configuration the reader cannot see (`Import-AzureVM` of
        an XML file it does not read, a parameter): not known, so any disk the script has registered by then
        may be one of them, as when it gives a VM a disk by a name it does not state (see
        `_registered_disks`). One it registers later cannot be: the VM is created already."""
        self.unseen_disk_at = self.unseen_disk_at or at
        self.unseen_may_hold.update(dict.fromkeys(self.registered))
        return Event("disk_unnamed", at, {})

    def _add_vms(
        self, draft: DeploymentDraft, vms: Vms, env: Env, at: Mark, call: Mark, in_none: bool = False
    ) -> None:
        """The configuration the New-AzureVM at `call` creates, passed `at`: one VM, even when branches leave several
        candidates for it (a variable assigned on each branch, one branch of an `if` assigned whole): their
        descriptions are joined, as of one VM built differently on different paths. Candidates that name
        different VMs are still one VM, whose name is one of theirs (see `_either_name`), so that no rule
        counts two VMs where one is created."""
        objects = [self.vms[index] for index in sorted(vms.ids)]
        first = objects[0]
        base = "existing" if first.existing is not None else "imported" if first.imported else "new"
        # An imported VM is shown at the New-AzureVM that creates it: its own description is in its file.
        mark, name_at = (call, at) if first.imported else (first.mark, first.name_at)
        names = {_role_key(obj.name): obj.name for obj in objects}
        if len(names) == 1:
            role = self._role(draft, first.name, mark, base, name_at)
        else:
            role = self._either_name(draft, names, mark, base, at)
        variants = [v for o in objects for v in self._variants(o, env)]
        if first.imported:  # its disks are the file's, which the reader does not see
            unseen = self._unseen_disks(at)
            variants = [([*events, unseen], escaped) for events, escaped in variants]
            role.imported_from = role.imported_from or _imported_file(first.name) or first.from_file
        # New-AzureVM puts the disks a configuration it creates a VM from leaves to the platform in the
        # current storage account; a VM that exists has its own already.
        account = self._current_account(env) if base != "existing" else ""
        if account:
            placed = self._placed_in(account, at)
            variants = [([*events, placed], escaped) for events, escaped in variants]
        if in_none:  # see `_facts`
            variants = [([*events, Event("in_no_network", at, {})], escaped) for events, escaped in variants]
        role.add(variants)
        role.created_on(
            () if base == "existing" else _made_on(self.creating_on, [o.branches for o in objects])
        )

    def _platform_os_disk(self, args: Args, mark: Mark) -> Event:
        """A configuration whose OS disk, made from the image it names, the platform puts in the current
        storage account (see `_Facts._current_account`): shown where the image is named (the call's own
        mark is the VM's, or its deployment's)."""
        return Event("platform_os_disk", self._written_at(args.get("ImageName")) or mark, {})

    def _placed_in(self, account: str, at: Mark) -> Event:
        """The change New-AzureVM makes to a configuration it creates a VM from, passed `at`, when the
        subscription's current storage account is `account`: an OS disk the configuration leaves to the
        platform (`platform_os_disk`) goes there. One event per call and account, so that a configuration
        passed again on another round of a loop is one description of the VM."""
        key = (at.line, at.column, account.casefold())
        event = self.placements.get(key)
        if event is None:
            event = self.placements[key] = Event("current_account", at, {"account": account})
        return event

    def _either_name(
        self, draft: DeploymentDraft, names: dict[object, Value], mark: Mark, base: str, at: Mark
    ) -> RoleDraft:
        """The VM of configurations branches leave under different names: shown as a stand-in for a name
        the script does not state, which says the names it may have (`<VM sql01 or web01, deploy.ps1:6>`)
        when the script states them all, where the configuration is passed (`at`). The same candidates
        passed again are the same VM."""
        key = ("either", frozenset(names))
        role = draft.roles.get(key)
        if role is None:
            stated = [name.value for name in names.values() if isinstance(name, Text)]
            what = " or ".join(stated) if len(stated) == len(names) else ""
            shown = _vm_stand_in(draft, at)
            if what and ", " not in what:
                shown = shown.replace("<VM name, ", f"<VM {what}, ", 1)
            role = draft.roles[key] = RoleDraft(shown, mark, base)
        return role

    def _quick_vm(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        if self._refused_after_delete(node, args):
            return NULL
        self._service_region(node, args)
        draft = self._placed(node, args)
        mark = self._at_call(node)
        named = args.get("Name") or args.get("ServiceName")
        vm_name = named.value if named is not None else Unknown("")
        events = (
            [self._avset_event(args.get("AvailabilitySetName"), mark)]
            if args.given("AvailabilitySetName") is not False
            else []
        )
        size = args.get("InstanceSize")
        if size is not None:
            events.append(Event("size", mark, {"value": size.value}))
        if args.given("SubnetNames") is not False:
            subnets = args.get("SubnetNames")
            value = subnets.value if subnets is not None and subnets.certain else Unknown("")
            events.append(
                Event(
                    "subnets",
                    mark,
                    {
                        "value": value,
                        "arg": subnets,
                        "marks": self._item_marks(subnets),
                        "at": self._written_at(subnets),
                    },
                )
            )
        disk = self._disk_event(args, mark)
        if disk is not None:
            events.append(disk)
        elif args.given("MediaLocation") is False and self._current_account(env):
            events += [self._platform_os_disk(args, mark), self._placed_in(self._current_account(env), mark)]
        linux = args.switch("Linux")
        events.append(
            Event(
                "provision",
                mark,
                {
                    "linux": linux,
                    "rdp": True,  # New-AzureQuickVM always adds the remote desktop endpoint to a Windows VM
                    "winrm": _negated(
                        _either(args.switch("NoWinRMEndpoint"), args.switch("DisableWinRMHttps"))
                    ),
                    "ssh": True,
                    "certificates": self._certificates_stated(args, mark),
                },
            )
        )
        role = self._role(draft, vm_name, self._made_at(node), "new", self._written_at(named))
        role.add([(events, False)])
        role.created_on(self.creating_on)
        return NULL

    def _refused_after_delete(self, node: Node, args: Args) -> bool:
        """Whether a New-AzureVM/New-AzureQuickVM that creates its deployment names (`-ReservedIPName`) a
        reserved IP the script surely removed before it and did not create again: it does not exist then,
        so the platform refuses to create the deployment, and the call creates no VM; the name is kept
        (`NamedAfterDelete`) for MIG003 to report. One that adds VMs to a deployment an earlier call
        created does not apply its reserved IP (see `_placed`): it is not refused for it."""
        named = args.get("ReservedIPName")
        stated = _surely_stated(named)
        deleted = self.reserved_deleted_at.get(self._in_subscription(_name_key(stated))) if stated else None
        if named is None or deleted is None or self._adds_to_placed(args):
            return False
        at = self._written_at(named) or self._at_call(node)
        service = _surely_stated(args.get("ServiceName"))
        uses = _command_name(node) + (f" of cloud service '{service}'" if service else "")
        self.named_after_delete.setdefault(
            (at.line, at.column), NamedAfterDelete(stated, "ReservedIP", uses, at, deleted)
        )
        return True

    def _association_refused(self, node: Node, args: Args, name: Arg) -> bool:
        """Whether a Set-AzureReservedIPAssociation names a reserved IP the script surely removed before it
        and did not create again: it does not exist then, so the platform refuses the call, which gives the
        deployment no reserved IP; the name is kept (`NamedAfterDelete`) for MIG003 to report."""
        stated = _surely_stated(name)
        deleted = self.reserved_deleted_at.get(self._in_subscription(_name_key(stated))) if stated else None
        if deleted is None:
            return False
        at = self._written_at(name) or self._at_call(node)
        service = _surely_stated(args.get("ServiceName"))
        uses = _command_name(node) + (f" of cloud service '{service}'" if service else "")
        refused = NamedAfterDelete(
            stated, "ReservedIP", uses, at, deleted, "gives the deployment no reserved IP"
        )
        self.named_after_delete.setdefault((at.line, at.column), refused)
        return True

    def _adds_to_placed(self, args: Args) -> bool:
        """Whether a New-AzureVM/New-AzureQuickVM adds VMs to a deployment an earlier call of the script
        created (the service it states, as `_deployment` keys it), rather than creating one."""
        service = _surely_stated(args.get("ServiceName"))
        draft = (
            self.deployments.get(self._in_subscription(("service", service.casefold()))) if service else None
        )
        return draft is not None and draft.placed and not _apart(draft.placed_on, self.creating_on)

    def _created_with_reserved_ip(self, draft: DeploymentDraft, reserved: Arg | None, node: Node) -> None:
        """`-ReservedIPName` of the New-AzureVM/New-AzureQuickVM that creates the deployment: its VIP is that
        reserved IP. A reserved IP binds when the deployment is created (Create Virtual Machine Deployment
        has `ReservedIPName`, Add Role has none), so the one a later call that adds VMs to the deployment
        names is not applied: it is left to whatever else the script does with it."""
        if reserved is None:
            return
        if isinstance(reserved.value, Text) and reserved.value.value and reserved.certain:
            at = self._written_at(reserved) or self._at_call(node)  # where the call associates it
            draft.reserved_ip = NameRef(reserved.value.value, at)
        elif not _stated_null(reserved.value):
            self._reserved_by_unstated_name(draft, reserved, node, associates=False)

    def _placed(self, node: Node, args: Args) -> DeploymentDraft:
        """The deployment a New-AzureVM/New-AzureQuickVM puts VMs in. The first such command for a
        service that creates the deployment says its network: one that names `-Location`,
        `-AffinityGroup` or `-VNetName`, or that follows New-AzureService for the same service (named by
        the same value, even one the script does not state: see `_service_key`). One that
        does none of these may add VMs to a deployment that already exists, whose network the script
        does not state."""
        service = args.get("ServiceName")
        value = service.value if service is not None else Unknown("")
        draft = self._deployment(value, self._at_call(node), node, self._written_at(service))
        name = args.get("DeploymentName")
        if name is not None and isinstance(name.value, Text) and not draft.roles:
            draft.name = name.value.value
        reserved = args.get("ReservedIPName")
        if not draft.placed or _apart(draft.placed_on, self.creating_on):
            self._created_with_reserved_ip(draft, reserved, node)
        elif (
            reserved is not None and not _stated_null(reserved.value) and not _same_ip(draft, reserved.value)
        ):
            at = self._written_at(reserved) or self._at_call(node)
            # A loop read turn by turn says it once.
            self.reserved_ips_not_applied.setdefault(
                (at.line, at.column), replace(at, tag=RESERVED_IP_NOT_APPLIED)
            )
        if draft.placed:
            if _apart(draft.placed_on, self.creating_on) or self._apart_in_one_read(draft):
                self._placed_either_way(draft, args, node)
            return draft
        draft.placed, draft.placed_on, draft.placed_within = True, self.creating_on, self.branches
        draft.mark = self._at_call(node)
        vnet = args.given("VNetName")
        draft.placed_unnamed = vnet is False
        draft.placed_creating_service = _creates_service(args)
        creates = self._creates_deployment(args)
        draft.joins_existing = creates is not True
        if creates is True:
            draft.created_by = _own_statement(node)
        arg = args.get("VNetName")
        # Given on some paths only (`if (…) { $p += @{ VNetName = … } }`, then `New-AzureVM @p`): on the
        # others this call creates it in none, as where an `if` and its `else` call it each way.
        on_some_paths = vnet is None and arg is not None and not arg.certain
        if (
            (vnet or on_some_paths)
            and arg is not None
            and isinstance(arg.value, Text)
            and arg.value.value.strip()
        ):
            at = _value_mark(arg.value, arg, self.where) or draft.mark
            draft.vnet, draft.network_known = NameRef(arg.value.value, at), True
        elif vnet and arg is not None and isinstance(arg.value, Unknown):
            # `-VNetName $name` from a parameter, Read-Host or `$env:VNET`: a network it does not name,
            # never none (a caller, or the person running it, gives one name or another). Given on some
            # paths only, it may be in none on the others: which, or whether any, is not known.
            draft.vnet, draft.network_known = self._unstated_network(arg, draft.mark), True
        elif vnet and arg is not None and isinstance(arg.value, Text):
            # `$VnetName = ''` left for the reader to fill in: which network is not known.
            draft.vnet, draft.network_known = None, False
        else:
            # `-VNetName $null` (a parameter a call does not pass, or defaults to $null) names none, as
            # leaving it out does.
            in_none = vnet is False or (arg is not None and isinstance(arg.value, Null) and arg.value.stated)
            draft.vnet, draft.network_known = None, in_none and creates is True
            if vnet is False and creates is None and self._service_maybe_created(args):
                # On the path where the creation of its service runs, this call creates it in none; on
                # the other it may add to a deployment the service has, in a network no file states.
                draft.outside_network_at = draft.mark
        if on_some_paths and creates is True:
            draft.outside_network_at = draft.mark
        if vnet and arg is not None and creates is True and _maybe_nothing(arg.value):
            # `$vnet = if (…) { "prodnet" } else { $null }`: on that path this call creates it in none.
            draft.outside_network_at = draft.mark
        return draft

    def _apart_in_one_read(self, draft: DeploymentDraft) -> bool:
        """Whether, in a function read once (whose calls are not told apart: see `creating_on`), the
        command being run and the one that placed the deployment are on two arms of one `if` of it (`if
        ($VNetName) { New-AzureVM -VNetName … } else { New-AzureVM … }`): each call runs one of them, and
        whichever runs first places it, so it is placed either way, as in the script's own code."""
        return (
            self.creating_on is None
            and draft.placed_on is None
            and _apart(draft.placed_within, self.branches)
        )

    def _placed_either_way(self, draft: DeploymentDraft, args: Args, node: Node) -> None:
        """A deployment placed again on a branch that never runs with the one that placed it (`if (…) {
        New-AzureVM … -Location …} else { New-AzureVM … -VNetName … }`): one of the two creates it, so it is
        joined as a VM built on two paths is (see `joined_paths`). A virtual network one path names is
        kept, with what a VM in it must have (a subnet, MIG203); being in none is known only when every
        path says so; where one path creates it in none, its VMs may be in none (`outside_network_at`),
        whether another names their network or passes one the script does not state."""
        arg = args.get("VNetName")
        # Whether the command that placed it first put it in none.
        in_none = draft.network_known and draft.vnet is None
        if args.given("VNetName") is False:
            if not in_none and draft.outside_network_at is None and self._into_none(draft, args):
                draft.outside_network_at = self._at_call(node)
            return
        stated = arg is not None and isinstance(arg.value, Text) and bool(arg.value.value.strip())
        # A network the script names is kept over one it does not (a stand-in): it is the one it can state.
        if (
            arg is None
            or not args.given("VNetName")
            or (draft.vnet is not None and not _unstated(draft.vnet))
        ):
            return
        if draft.vnet is not None and not stated:
            return
        if in_none or (
            draft.placed_unnamed and draft.outside_network_at is None and not _creates_service(args)
        ):
            draft.outside_network_at = draft.mark
        if stated and isinstance(arg.value, Text):
            at = _value_mark(arg.value, arg, self.where) or draft.mark
            draft.vnet, draft.network_known = NameRef(arg.value.value, at), True
        elif isinstance(arg.value, Unknown):  # a network the script does not name: one, never none
            draft.vnet, draft.network_known = self._unstated_network(arg, self._at_call(node)), True
        else:  # `-VNetName ''` left for the reader to fill in: which network, or whether any, is not known
            draft.network_known = False

    def _into_none(self, draft: DeploymentDraft, args: Args) -> bool:
        """Whether a New-AzureVM naming no network, on another branch than the one that placed `draft` in
        a network, may put the deployment in none: it creates it, or it may (one without -Location on
        a service that has no deployment yet) and the other branch does not create the service either, so
        the two differ on the network alone. Beside one that creates the service (`if (-not
        $existingService) { New-AzureVM -Location … -VNetName … } else { New-AzureVM … }`) it adds VMs to
        the deployment the service has, whose network the other branch says."""
        return bool(self._creates_deployment(args)) or not draft.placed_creating_service

    def _unstated_network(self, arg: Arg, at: Mark) -> NameRef:
        """The network a call names by a value the script does not state (`-VNetName $VNetName`): a
        stand-in named where the first call passes it (`<virtual network name, ops/deploy.ps1:12:40>`, see
        `network_stand_in`), one for every call given the same value (one variable, one definition: see
        `Unknown.ident`); a string built from such values that names a network the script uploads, that
        network (see `_uploaded_network`)."""
        mark = self._written_at(arg) or at
        uploaded = self._uploaded_network(arg.value)
        if uploaded:
            return NameRef(uploaded, mark)
        ident = _built_identity(arg.value) if isinstance(arg.value, Unknown) else None
        key = ("ident", ident) if ident is not None else ("at", mark.line, mark.column)
        found = self.unstated_networks.get(key)
        if found is None:
            # Two values passed there (`Deploy $A` then `Deploy $B` of a function that passes its parameter
            # on) are two networks: the second named for its turn, as two deployments are.
            taken = sum(held.mark == mark for held in self.unstated_networks.values())
            name = network_stand_in(mark)
            name = f"{name[:-1]}, turn {taken + 1}>" if taken else name
            found = self.unstated_networks[key] = NameRef(name, mark)
        return found

    def _part_here(self) -> object:
        """The part of the script the code being run is in: the calls that led to it, the stage, the
        branches of choices around it and how much code that may not run is around it. None in code read
        once that may run several times (a loop's body), an arm that surely runs counted with them (see
        `sure_arms`); the calls that may not run around it (see `maybe_calls`), and those there were in
        each caller where it made its call, last. See `_runs_only_after`."""
        if self.branches is None:
            return None
        calls = tuple((function.id, call.id) for function, call in self.call_stack)
        doubts = tuple(self.doubts_at_calls)
        return (calls, self.stage, self.branches, self.maybe + self.sure_arms, self.maybe_calls, doubts)

    def _runs_only_after(self, part: object) -> bool:
        """Whether the code being run runs only where code of `part` (see `_part_here`) ran before it: in
        the same call, or in another where it surely ran before (a call made after it, or one that made
        it and returned: see `_surely_ran_before`), on the same branches or a branch within them, with no
        other code that may not run around it (a loop, a `catch`) than those branches'."""
        here = self._part_here()
        if not isinstance(part, tuple) or not isinstance(here, tuple) or here[1] != part[1]:
            return False
        if here[0] != part[0] and not _surely_ran_before(part, here):
            return False
        branches, maybe = here[2], here[3]
        deeper = len(branches) - len(part[2])
        return branches[: len(part[2])] == part[2] and deeper >= 0 and maybe - part[3] == deeper

    def _service_maybe_created(self, args: Args) -> bool:
        """Whether the script creates the call's cloud service where the creation may not run."""
        service = args.get("ServiceName")
        return (
            self._in_subscription(_service_key(service.value if service is not None else None))
            in self.maybe_created_services
        )

    def _creates_deployment(self, args: Args) -> bool | None:
        """Whether a New-AzureVM creates its deployment rather than adding VMs to one that may exist: it
        names `-Location`, `-AffinityGroup` or `-VNetName`, or follows New-AzureService for its service,
        whenever that ran (in the arm of an `if` it is in, after it)."""
        service = args.get("ServiceName")
        created = self._in_subscription(_service_key(service.value if service is not None else None))
        # One created where the creation may not run may be there before the script, with a deployment.
        made_in = self.maybe_created_services.get(created)
        if created in self.created_services or self._runs_only_after(made_in):
            made: bool | None = True  # the service is empty wherever this runs: this creates its deployment
        elif self._service_maybe_created(args):
            made = None
        else:
            made = False
        return _any(args.given("Location"), args.given("AffinityGroup"), args.given("VNetName"), made)

    def _deployment(
        self, service: Value, mark: Mark, node: Node, at: Mark | None = None, made: object = None
    ) -> DeploymentDraft:
        """The draft deployment of a cloud service (one per service in a file; a service the script does
        not name is one per definition it comes from: the command, or what `made` the value, as one
        Get-AzureVM is for every Update-AzureVM of the VM it gets). New-AzureVM names the deployment after
        its service; one whose service the script does not state has no service name, and a stand-in for
        its own (see `_stand_in`) where the service is passed (`at`), for its turn where another value was
        passed there before (calls of a function given two values, `"$Prefix-svc"` built of each)."""
        if isinstance(service, Text) and service.value.strip():
            key: object = ("service", service.value.casefold())
            name, label = service.value, service.value
        else:
            ident = _built_identity(service) if isinstance(service, Unknown) else None
            key = ("ident", ident) if ident is not None else ("node", made or node.start_byte)
            origin = self._parameter_origin(ident)
            name, label = (
                "",
                _stand_in(f"deployment name, {origin}" if origin else "deployment name", at or mark),
            )
        key = self._in_subscription(key)
        draft = self.deployments.get(key)
        if draft is None and not name:  # another value passed where one was (a function's two calls)
            label = another_turn(label, self.stand_in_turns)
        if draft is None:
            draft = DeploymentDraft(
                name, label, mark, read_once_in=self.reading_once, selection=self.selection
            )
            draft.selected_in = self.selected_name
            draft.service_looped_over = "" if name else self._looped_over(service)
            self.deployments[key] = draft
        return draft

    def _role(
        self,
        draft: DeploymentDraft,
        name: Value,
        mark: Mark,
        base: str,
        at: Mark | None = None,
        shown: str = "",
    ) -> RoleDraft:
        """The role `name` of a deployment: shown as `shown`, else by its name, or a stand-in when the
        script does not state it, where the name is written (`at`)."""
        key = _role_key(name)
        role = draft.roles.get(key)
        if role is None:
            shown = shown or (name.value if isinstance(name, Text) else "") or _vm_stand_in(draft, at or mark)
            role = draft.roles[key] = RoleDraft(shown, mark, base, looped_over=self._looped_over(name))
            role.selection = self.selection
            role.created_by = _own_statement(self.classic_call) if self.classic_call is not None else None
            if base in ("new", "opaque", "imported") and not isinstance(name, Text):
                draft.unnamed.append(key)
        return role

    def _looped_over(self, name: Value) -> str:
        """The list, as written, of a loop over items the script does not write out whose item names a VM
        (`foreach ($n in $Names) { New-AzureVMConfig -Name $n … }`, `"$n-web"` too): the VM stands for one
        per item (see `Role.looped_over`); the files of a listing of a pattern a VM configuration is
        imported from (`Get-ChildItem $ExportPath -Filter *.xml | ForEach-Object { Import-AzureVM -Path
        $_.FullName }`): one VM per file, however many the folder holds. "" for a name no such loop's item
        gives."""
        if not isinstance(name, Unknown):
            return ""
        pattern = _imported_file(name)
        if any(mark in pattern for mark in "*?"):  # a pattern only a listing gives (see `_listing`)
            return f"the files {pattern}"
        for ident in (name.ident, *name.holes):
            ident = _owner_of_member(ident)
            if (
                isinstance(ident, tuple)
                and len(ident) == 3
                and ident[0] == "loop"
                and ident[1] in self.loops_over
            ):
                return self.loops_over[ident[1]]
        return ""

    def _remove(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Remove-AzureVM, Remove-AzureDeployment (of the slot `-Slot` names, Production without it: the
        script's deployment there, see `_in_slot`) and Remove-AzureService (each of its deployments): what
        this script created in that cloud service and surely removes afterwards (or whenever the command
        that created it ran, see `_with_its_creation`) is gone: of a service it states, or names by the
        very value that named it at its creation (`Unknown.ident`, see `_described`). A removal that may not
        run, or of a service the script does not state otherwise, removes nothing. A VM or service it does
        not create is removed from what other files describe (see `_deleted`); a deployment is not, as the
        linker does not know which slot theirs are in. A removal in a later selection of the script than the
        one that created the deployment (past a `break`, `return` or `exit` at its top level, see
        `_selection_stops`) removes nothing of it: it is the teardown of what the script builds, which no run
        of the whole script reaches and which the estate to migrate has not been through while it stands."""
        kind = _command_name(node).casefold()
        service, name = _arg_value(args, "ServiceName"), _arg_value(args, "Name")
        if isinstance(piped, Vms) and len(piped.ids) == 1:  # `Get-AzureVM … | Remove-AzureVM`
            vm = self.vms[next(iter(piped.ids))]
            if vm.existing is not None and not args.given("ServiceName"):
                service, name = vm.existing if not vm.every else (vm.existing[0], NULL)
                if vm.by_name and kind == "remove-azurevm":
                    return self._remove_by_name(_arg_value(args, "Name", name), node)
        stated = isinstance(service, Text) and bool(service.value.strip())
        draft = self._described(service) if stated or isinstance(service, Unknown) else None
        slot = _arg_value(args, "Slot", Text("Production"))
        if kind == "remove-azuredeployment" and draft is not None:
            draft = self._in_slot(draft, slot)
        created, selection = _creation(draft, name if kind == "remove-azurevm" else None)
        if not (self._surely_runs() or (draft is not None and self._runs_with(created, node))):
            return NULL
        if stated and not _created_here(draft, kind, name) and self._surely_runs():
            self._deleted(kind, service.value, name, self._at_call(node))
        if draft is None or selection < self.selection:
            return NULL
        key = self._key_of(draft)
        if kind == "remove-azurevm":
            if isinstance(name, Text):
                draft.roles.pop(_role_key(name), None)
        elif kind == "remove-azureservice":
            self.deployments.pop((key, _OTHER_SLOT), None)
            del self.deployments[key]
        elif draft.slot_sure and isinstance(slot, Text) and _name_key(slot.value) == _name_key(draft.slot):
            del self.deployments[key]
        return NULL

    def _in_slot(self, draft: DeploymentDraft, slot: Value) -> DeploymentDraft:
        """Of the deployments the script made in a cloud service (`draft`, and the one in its other slot,
        see `_in_stated_slot`), the one in `slot`, where it is surely there; else `draft`."""
        other = self._other_slot(draft)
        if other is not None and other.slot_sure and isinstance(slot, Text):
            return other if _name_key(other.slot) == _name_key(slot.value) else draft
        return draft

    def _remove_by_name(self, name: Value, node: Node) -> Value:
        """`Get-AzureVM | Where-Object Name -eq x | Remove-AzureVM`: each VM of that name, in whichever cloud
        service (see `_picked_vm`), when the removal surely runs: those this script describes are gone, and
        those other files describe are taken off them (`_removals`, `Deployment.every_vm_of_name`). A name
        the script does not state removes nothing."""
        if not self._surely_runs() or not isinstance(name, Text) or not name.value.strip():
            return NULL
        for draft in self.deployments.values():
            draft.roles.pop(_role_key(name), None)
        mark = self._at_call(node)
        role = Role(name.value, RoleType.PERSISTENT_VM, mark, changes_existing=True, deleted=True)
        self.deleted_by_name[_name_key(name.value)] = role
        return NULL

    def _power(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Stop-AzureVM, Start-AzureVM, Restart-AzureVM: the state the script leaves the VMs it creates in,
        as the Python reader reads `shutdown_role`. Stop-AzureVM leaves a VM stopped and deallocated
        (`StoppedDeallocated`), with -StayProvisioned stopped and still allocated (`StoppedVM`); a start or
        restart brings it back to running, as a script's VMs are once made. Only a call that surely runs
        after the creation, or whenever the command that created the deployment did (see
        `_with_its_creation`), states the state of the VMs it names (by name, a wildcard such as `*`, or a
        VM piped in from Get-AzureVM); one that may not run, or a stop given -StayProvisioned by a value the
        reader does not know, leaves them as made, running. A VM it does not name is not changed."""
        service, names = _arg_value(args, "ServiceName"), _arg_value(args, "Name")
        if isinstance(piped, Vms) and len(piped.ids) == 1:  # `Get-AzureVM … | Stop-AzureVM`
            vm = self.vms[next(iter(piped.ids))]
            if vm.existing is not None:
                service = service if args.given("ServiceName") else vm.existing[0]
                names = Text("*") if vm.every else vm.existing[1]
        draft = (
            self.deployments.get(self._in_subscription(("service", service.value.casefold())))
            if isinstance(service, Text)
            else None
        )
        if draft is None:
            return NULL
        status = None
        if _command_name(node).casefold() == "stop-azurevm":
            stay = args.switch("StayProvisioned")
            status = None if stay is None else "StoppedVM" if stay else "StoppedDeallocated"
        surely = self._surely_runs() or self._with_its_creation(draft, node)
        for key in _named_roles(draft, names):
            if status is not None and surely:
                draft.states[key] = (status, self._at_call(node))
            else:
                draft.states.pop(key, None)
        return NULL

    def _deleted(self, kind: str, service: str, name: Value, mark: Mark) -> None:
        """A VM (`Remove-AzureVM`) or cloud service (`Remove-AzureService`) the script surely deletes and
        does not create, which other files may describe: recorded by name (see `_removals`)."""
        if kind == "remove-azurevm" and isinstance(name, Text) and name.value.strip():
            role = Role(name.value, RoleType.PERSISTENT_VM, mark, changes_existing=True, deleted=True)
            self.deleted_vms[(_name_key(service), _name_key(name.value))] = (service, role)
        elif kind == "remove-azureservice":
            record = Deployment(service, service, "", (), (), None, None, mark, deleted=True)
            self.deleted_services[_name_key(service)] = record

    def _swap(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Move-AzureDeployment swaps a cloud service's production and staging deployments (it is no
        migration cmdlet): each deployment this script made in one slot of the service is in the other
        afterwards (see `_in_stated_slot`), when the swap surely runs; otherwise which slot each is in is no
        longer known (its slot is "", see `_build`)."""
        service = _arg_value(args, "ServiceName")
        draft = (
            self.deployments.get(self._in_subscription(("service", service.value.casefold())))
            if isinstance(service, Text)
            else None
        )
        other = self._other_slot(draft) if draft is not None else None
        for swapped in (draft, other):
            if swapped is not None and self._surely_runs():
                swapped.slot = (
                    "Staging" if (swapped.slot or "Production").casefold() == "production" else "Production"
                )
            elif swapped is not None:
                swapped.slot_sure = False
        return NULL

    def _written_at(self, arg: Arg | None) -> Mark | None:
        """Where an argument's value is written: in the call, or in the table literal splatted into it."""
        return _written_at(arg, self.where) if arg is not None else None

    def _name_at(self, args: Args, parameter: str) -> Mark | None:
        """Where the name a call gives by `parameter` is written: the literal that states it (a variable's
        value where it is assigned), else the argument. A finding that the name points at nothing is shown
        there, where it is corrected."""
        arg = args.get(parameter)
        return _value_mark(arg.value, arg, self.where) if arg is not None else None

    def _new_service(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        name = args.get("ServiceName")
        created = self._in_subscription(_service_key(name.value if name is not None else None))
        if created is not None:
            # A creation that may not run (under a condition the reader cannot decide) leaves the service
            # possibly there before the script: a later New-AzureVM may add to a deployment it has.
            if self._surely_runs():
                self.created_services.add(created)
            elif created not in self.maybe_created_services:
                self.maybe_created_services[created] = self._part_here()
            elif self.maybe_created_services[created] != self._part_here():
                self.maybe_created_services[created] = None  # created in two parts: either may run
        self._service_region(node, args)
        return NULL

    def _service_region(self, node: Node, args: Args) -> None:
        """New-AzureService, and New-AzureVM/New-AzureQuickVM (which create the service when it does not
        exist): the region the service is created in (`ServiceRegion`), as a Create Cloud Service body
        states it, when the script states `-Location` on every path it may take to the call: a string it
        writes, or one it binds alike on every branch, never one that may be missing (see `_surely_stated`).
        A service placed in an affinity group, on some path or with a location too (which the cmdlets
        refuse), says no region here. A name the script does not state is a stand-in: the region is still
        one the subscription's services are in (step 0's quotas)."""
        location = _surely_stated(args.get("Location"))
        if not location or args.given("AffinityGroup") is not False:
            return
        mark = self._at_call(node)
        service = args.get("ServiceName")
        name = _stated_name(args, "ServiceName") or _stand_in(
            "cloud service name", self._written_at(service) or mark
        )
        self.service_regions.setdefault(ServiceRegion(name, location, mark))

    def _package(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """A deployment from a service package: web and worker roles only."""
        key = _command_name(node).casefold()
        if key == "set-azuredeployment":
            if args.switch("Config"):
                key = "set-azuredeployment-config"
            elif not args.switch("Upgrade"):
                return NULL
        service = args.get("ServiceName")
        package = args.get("Package")
        if service is None and package is None:
            return NULL
        mark = self._at_call(node)
        value = service.value if service else Unknown("")
        # A service that is one of the strings the paths to the call give (`$service` set in if/elseif
        # branches): a deployment of each, as a call on each path would make.
        for named in _alternatives(value) or (value,):
            draft = self._deployment(named, mark, node, self._written_at(service))
            draft = self._in_stated_slot(draft, args, mark)
            role = self._package_role(draft, args, mark)
            role.kind_evidence = role.kind_evidence or _PACKAGE_EVIDENCE[key]
            draft.configuration_file = draft.configuration_file or self._configuration_file(args, env)
        return NULL

    def _in_stated_slot(self, draft: DeploymentDraft, args: Args, mark: Mark) -> DeploymentDraft:
        """The deployment a package call makes or upgrades in the slot it states (`-Slot`; New-AzureDeployment
        deploys to Production without one): a cloud service has one deployment per slot, so where the
        script already deployed to the other slot of the service (New-AzureDeployment -Slot Staging, then
        -Slot Production), this is the other deployment, kept beside it (see `_other_slot`). A slot the
        script does not state, or a first deployment, is the service's one deployment, in that slot."""
        given = args.get("Slot")
        slot = given.value if given is not None else Text("Production")
        if not isinstance(slot, Text) or not slot.value.strip():
            return draft
        if not draft.roles or not draft.slot_sure or _name_key(draft.slot) == _name_key(slot.value):
            if given is not None:
                draft.slot = slot.value
            return draft
        other = self._other_slot(draft)
        if other is None:
            other = DeploymentDraft(
                draft.service, draft.name, mark, read_once_in=self.reading_once, selection=self.selection
            )
            other.selected_in, other.service_looped_over = self.selected_name, draft.service_looped_over
            self.deployments[(self._key_of(draft), _OTHER_SLOT)] = other
        other.slot = slot.value
        return other

    def _key_of(self, draft: DeploymentDraft) -> object:
        return next(k for k, d in self.deployments.items() if d is draft)

    def _other_slot(self, draft: DeploymentDraft) -> DeploymentDraft | None:
        """The deployment in the other slot of the cloud service whose deployment `draft` is (see
        `_in_stated_slot`), where the script made one; None otherwise."""
        return self.deployments.get((self._key_of(draft), _OTHER_SLOT))

    def _staging_evidence(self, node: Node, key: str, args: Args) -> None:
        """A swap of a cloud service's deployments (Move-AzureDeployment, which fails when the service has
        no staging deployment), or a call on its staging deployment (`-Slot Staging`): the service has a
        staging deployment, and only a package's deployment is ever in that slot (New-AzureVM and
        New-AzureQuickVM have no `-Slot`: a VM deployment is the production one). So it has web or worker
        roles, named as a package's are (see `_package_role`)."""
        if key == "move-azuredeployment":
            evidence = _SWAP_EVIDENCE
        elif key.startswith(("remove-", "get-", "test-")):
            # A removal (the staging deployment goes: the production one may be anything), or a read, which
            # fails or returns nothing where the slot is empty: neither says a package was deployed there.
            return
        else:
            slot = args.get("Slot")
            if slot is None or not slot.certain or not isinstance(slot.value, Text):
                return
            if slot.value.value.strip().casefold() != "staging":
                return
            evidence = _STAGING_EVIDENCE.format(cmdlet=_command_name(node))
        service = args.get("ServiceName")
        if service is None or not service.certain:
            return
        mark = self._at_call(node)
        draft = self._deployment(service.value, mark, node, self._written_at(service))
        if draft.roles:  # VMs the script puts in the service (its mistake), or roles it names already
            return
        role = self._role(draft, Text("\0package"), mark, "package", shown=_stand_in("role name", mark))
        role.kind_evidence = role.kind_evidence or evidence

    def _configuration_file(self, args: Args, env: Env) -> str:
        """The service configuration file a package deployment names by `-Configuration` (see
        `Deployment.configuration_file`): a path the script states relative to its own folder (`.\\x.cscfg`,
        `"$PSScriptRoot\\pkg\\x.cscfg"`, through `Join-Path $PSScriptRoot` or `Resolve-Path`), as a display
        path like the script's; else the file's name, when the script states it; else "". A path set in
        if/elseif branches (`$cscfg = Get-Item ".\\pkg\\ServiceConfiguration.QA.cscfg"`) is the first of
        them, when all are in one folder: that of the one project they configure (see `_ConfigurationFiles`)."""
        arg = args.get("Configuration")
        alternatives = _alternatives(arg.value) if arg is not None else ()
        if alternatives:
            return _one_folder([automation.deployed_file(text.value) for text in alternatives])
        if arg is None or not arg.certain or arg.node is None:
            return ""
        inner = _path_of_resolved(arg.node) or _joined_child(arg.node)
        shape = _shape(self.evaluate(inner, env) if inner is not None else arg.value)
        return automation.deployed_file(shape or "")

    def _package_role(self, draft: DeploymentDraft, args: Args, mark: Mark) -> RoleDraft:
        """The role a package deployment names (`Set-AzureDeployment -Upgrade -RoleName`), else its roles
        as one: their names are in the package's service definition, which the script does not state, so
        they stand under a stand-in where the package is named (every package of the deployment alike)."""
        named = args.get("RoleName")
        if named is not None and named.certain and isinstance(named.value, Text):
            return self._role(draft, named.value, mark, "package")
        at = self._written_at(args.get("Package")) or mark
        return self._role(draft, Text("\0package"), mark, "package", shown=_stand_in("role name", at))

    def _role_extension(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """A cmdlet that manages the extensions of a cloud service's roles (see `_EXTENSION_EVIDENCE`): the
        service it names has web or worker roles, those `-Role` names (see `_extension_roles`). Its slot is
        the deployment's when the call is the first to name the deployment."""
        service = args.get("ServiceName")
        if service is None:
            return NULL
        mark = self._at_call(node)
        draft = self._deployment(service.value, mark, node, self._written_at(service))
        slot = args.get("Slot")
        if not draft.roles and slot is not None and isinstance(slot.value, Text) and slot.value.value.strip():
            draft.slot = slot.value.value
        evidence = _EXTENSION_EVIDENCE[_command_name(node).casefold()]
        for role in self._extension_roles(draft, args.get("Role"), mark):
            if role.base == "package":  # a VM of that name is the script's mistake, not a web role
                role.kind_evidence = role.kind_evidence or evidence
        return NULL

    def _extension_roles(self, draft: DeploymentDraft, named: Arg | None, mark: Mark) -> list[RoleDraft]:
        """The roles an extension cmdlet acts on: each `-Role` names, by its name, or by a stand-in where it
        is passed when the script does not state it; without `-Role` (or with none in it), every role of
        the deployment, which stand as a package's roles do (see `_package_role`)."""
        value = named.value if named is not None else NULL
        items = value.values if isinstance(value, Items) else () if isinstance(value, Null) else (value,)
        if not items:
            return [self._role(draft, Text("\0package"), mark, "package", shown=_stand_in("role name", mark))]
        assert named is not None
        marks = self._item_marks(named)
        roles: list[RoleDraft] = []
        for at, item in enumerate(items):
            if named.certain and isinstance(item, Text) and item.value.strip():
                roles.append(self._role(draft, item, mark, "package"))
                continue
            written = (marks[at] if at < len(marks) else None) or self._written_at(named) or mark
            unstated = item if isinstance(item, Unknown) else Unknown("")
            roles.append(self._role(draft, unstated, mark, "package", shown=_stand_in("role name", written)))
        return roles

    def _reserved_ip(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        name = args.get("ReservedIPName")
        created = _command_name(node).casefold() == "new-azurereservedip"
        output = Operation() if created else NULL
        if name is None or not isinstance(name.value, Text):
            if created:  # it may be any of those removed: none is surely gone any more
                self.reserved_deleted_at.clear()
            if created and name is not None and name.certain and isinstance(name.value, Unknown):
                self._reserved_under_unstated_name(node, args, name)
            self._unknown_reserved_ip(node, args, name)
            return output
        mark = self._at_call(node)
        if created:  # one of that name again: a deployment given it from here on has it
            self.reserved_deleted_at.pop(self._in_subscription(_name_key(name.value.value)), None)
        elif self._association_refused(node, args, name):
            return output
        service = args.get("ServiceName")
        in_production = service is not None and _production_slot(args)
        vip = _reserved_vip(args)
        # Only a reservation of the default VIP is bound: a list of reserved IPs gives no other VIP.
        bound = self._undescribed_service(service) if created and in_production and vip == "" else ""
        if created:
            # Bound, it is found where the call names it, as the association of a deployment of the script's is.
            at = (self._written_at(name) or mark) if bound else mark
            self.reserved_ips.append(
                ReservedIp(
                    name.value.value,
                    "",
                    bound,
                    at,
                    read_once_in=self.reading_once,
                    selected_in=self.selected_name,
                )
            )
        if service is not None and in_production:
            if bound:
                return output  # it reserves the VIP of a deployment that exists: its own files describe it
            draft = self._deployment(service.value, mark, node, self._written_at(service))
            at = self._written_at(name) or mark  # where the call associates it
            # A service named by a parameter's default is one run's: another may reserve another's VIP.
            uncertain = isinstance(service.value, Text) and not service.value.sure
            self.maybe += uncertain
            self._associate(draft, NameRef(name.value.value, at), call=node, vip=vip)
            self.maybe -= uncertain
        return output

    def _reserved_under_unstated_name(self, node: Node, args: Args, name: Arg) -> None:
        """New-AzureReservedIP -ReservedIPName $name: a reserved IP the script creates, as under a name it
        states (unattached unless a deployment takes it, bound to a service it names that the script does
        not describe), named by a stand-in where the call passes the name: one for every call given the same
        value, so that a deployment given it (`New-AzureVM -ReservedIPName $name`) is given this one (see
        `_reserved_by_unstated_name`, which names it where the deployment is given it, and lists it so)."""
        assert isinstance(name.value, Unknown)
        at = self._written_at(name) or self._at_call(node)
        key = self._in_subscription(
            name.value.ident if name.value.ident is not None else ("at", at.line, at.column)
        )
        if key in self.reserved_names:
            return
        service = args.get("ServiceName")
        in_production = service is not None and _production_slot(args)
        bound = self._undescribed_service(service) if in_production and _reserved_vip(args) == "" else ""
        shown = another_turn(_stand_in("reserved IP name", at), self.stand_in_turns)
        self.reserved_names[key] = ReservedIp(
            shown, "", bound, at, read_once_in=self.reading_once, selected_in=self.selected_name
        )

    def _remove_reserved_ip(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Remove-AzureReservedIP: the reserved IP the script created under the name it passes (stated alike,
        or the very value it does not state) is gone, and no plan step moves it, when the removal surely
        runs (as for `_remove`). The platform refuses to delete a reserved IP in use, so one a deployment of
        the script's holds or may hold, or one reserved for the VIP of a service, stays; so does any other."""
        arg = args.get("ReservedIPName")
        if arg is None and isinstance(piped, ReservedIpOf):  # `Get-AzureReservedIP -ReservedIPName r | …`
            arg = Arg(piped.name, None, piped.certain)
        if arg is None or not arg.certain or not self._surely_runs() or self._may_be_held(arg.value):
            return Unknown(self.snippet(node))
        stated = _surely_stated(arg)
        if stated:
            gone = _name_key(stated)
            self.reserved_deleted_at[self._in_subscription(gone)] = self._at_call(node)
            self.reserved_ips = [
                ip
                for ip in self.reserved_ips
                if ip.service_name or _name_key(ip.name) != gone or not self._works_in(ip.selected_in)
            ]
        elif isinstance(arg.value, Unknown) and arg.value.ident is not None:
            kept = self.reserved_names.get(self._in_subscription(arg.value.ident))
            if kept is not None and not kept.service_name:
                self.reserved_names.pop(self._in_subscription(arg.value.ident))
        return Unknown(self.snippet(node))

    def _get_reserved_ip(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Get-AzureReservedIP -ReservedIPName: the reserved IP of that name, for the removal it may be piped
        to. Without a name it lists every reserved IP of the subscription, which the reader does not follow."""
        arg = args.get("ReservedIPName")
        return ReservedIpOf(arg.value, arg.certain) if arg is not None else Unknown(self.snippet(node))

    def _may_be_held(self, named: Value) -> bool:
        """Whether a deployment of the script's holds, or may hold, the reserved IP `named` names: as its
        VIP's, another VIP's, or by a call that may not run (see `_same_reservation`)."""
        for draft in self.deployments.values():
            held = [
                (draft.reserved_ip, draft.reserved_by),
                *((ref, None) for ref in draft.vip_reserved.values()),
            ]
            held += [(ref, None) for ref, _ in draft.maybe_reserved]
            if any(ref is not None and _same_reservation(named, ref, by) is not False for ref, by in held):
                return True
        return False

    def _undescribed_service(self, service: Arg | None) -> str:
        """The cloud service New-AzureReservedIP surely reserves the VIP of (`-ServiceName`, stated surely, the
        call surely run) when the script describes no deployment in it: the reserved IP is bound to that
        service, whose deployment the files that describe it take it on (`estate._with_associated_ips`),
        and no deployment of the script's stands for it. "" otherwise: a reservation that may not happen
        leaves the VIP of the service's deployment unknown, which only a deployment of the script says."""
        if service is None or not isinstance(service.value, Text) or not service.value.sure:
            return ""
        if not self._surely_runs():
            return ""
        return service.value.value if self._described(service.value) is None else ""

    def _associate(
        self,
        draft: DeploymentDraft,
        reserved: NameRef,
        by: object = None,
        call: Node | None = None,
        vip: str | None = "",
    ) -> None:
        """A `call` that gives a deployment that exists a reserved IP (`Set-AzureReservedIPAssociation`,
        `New-AzureReservedIP -ServiceName`): its VIP is that reserved IP when the call surely runs, or
        surely runs whenever the command that created the deployment did (`by`: the value that names one
        the script does not state, see `Unknown.ident`); one that may not run leaves whether it is reserved
        unknown, unless it is already. One on another virtual IP (`vip`, see `_reserved_vip`) is that
        VIP's (see `_associate_other_vip`)."""
        if vip != "":
            self._associate_other_vip(draft, reserved, vip, call)
            return
        if draft.reserved_ip is not None:
            return
        if self._surely_runs() or self._with_its_creation(draft, call):
            draft.reserved_ip, draft.reserved_by = reserved, by
        else:
            path = self._branch_path(0)
            self.maybe_associations.append(
                _MaybeAssociation(draft, reserved, by, draft.reserved_ip_unknown, path)
            )
            draft.reserved_ip_unknown = True
            draft.maybe_reserved.append((reserved, False))

    def _associate_other_vip(
        self, draft: DeploymentDraft, reserved: NameRef, vip: str | None, call: Node | None
    ) -> None:
        """A reserved IP given to a virtual IP of the deployment the call names (`vip`): not the default
        VIP's, whose address still changes. When the call surely runs (or with the deployment's creation),
        it is that VIP's, which keeps it only with an input endpoint on it (MIG106); one that may not run
        gives the default VIP nothing either. A VIP the script does not state (None) may be the default
        one: whether that is reserved is no longer known."""
        if vip is None and draft.reserved_ip is None:
            draft.reserved_ip_unknown = True
            unnamed = VirtualIp("", reserved.mark, default=False)  # see `NameRef.virtual_ip`
            draft.maybe_reserved.append((replace(reserved, virtual_ip=unnamed), False))
        elif vip is not None and (self._surely_runs() or self._with_its_creation(draft, call)):
            on = VirtualIp(vip, reserved.mark, default=False)
            draft.vip_reserved[_name_key(vip)] = replace(reserved, virtual_ip=on)

    def _branch_path(self, deeper: int) -> tuple[int, bool, int, bool]:
        """Where the code being run is, as far as whether it runs goes, or code `deeper` branches within it:
        the branches, loops and such that may not run around it, whether an early end may have come
        before it, the calls that may not run around it, and whether its callers are known."""
        return (self.maybe + deeper, self.partial, self.maybe_calls, self.callers_known)

    def _with_its_creation(self, draft: DeploymentDraft, call: Node | None) -> bool:
        """Whether a `call` that changes a deployment surely runs whenever the command that created it ran
        (see `_runs_with`)."""
        return self._runs_with(draft.created_by, call)

    def _runs_with(self, created: Node | None, call: Node | None) -> bool:
        """Whether a `call` surely runs whenever the statement `created` ran, though neither may (in a
        function no call runs, as a test suite's are, or in one branch): the two are statements of one
        list, the call's after, with nothing between that may end the path early (a `return`, `exit`,
        `throw`, `break` or `continue`, a `trap`, a call of one of the script's functions). Whatever decides
        whether the creation runs then decides the call alike."""
        statement = _own_statement(call) if call is not None else None
        if created is None or statement is None or statement.parent is None:
            return False
        if created.parent is None or created.parent.id != statement.parent.id:
            return False
        if created.start_byte >= statement.start_byte or self._may_end_the_path(created):
            return False
        between = (
            s for s in _named(statement.parent) if created.end_byte <= s.start_byte < statement.start_byte
        )
        return not any(self._may_end_the_path(s) for s in between)

    def _may_end_the_path(self, node: Node) -> bool:
        """Whether code may end the path it runs on before the statement after it: it holds a `return`,
        `exit`, `throw`, `break`, `continue` or `trap`, or calls a function of the script."""
        found = _captures(_ENDING, node)
        if found.get("flow") or found.get("trap"):
            return True
        commands = found.get("command", [])
        return any(
            _command_name(c).casefold() in self.index.functions or _ends_past_query(c) for c in commands
        )

    def _associated_either_way(self, associated: list[list[_MaybeAssociation]]) -> None:
        """After an `if` one of whose branches surely runs (it has an `else`), none ending the path: a
        deployment each branch gives a reserved IP (`associated`: those each makes, none in code that may
        not run within it) has a reserved VIP whichever runs, as if the `if` gave it one. Its name is
        the one they all give, else a stand-in that says the names they give (`<reserved IP a or b,
        deploy.ps1:5>`). A path with no association leaves the reservation unknown."""
        first, *others = associated
        for made in first:
            draft = made.draft
            if draft.reserved_ip is not None:
                continue
            found = [next((m for m in branch if m.draft is draft), None) for branch in others]
            each = [made, *(m for m in found if m is not None)]
            if len(each) != len(associated):
                continue
            draft.reserved_ip_unknown = made.unknown_before
            self._associate(draft, _either_reservation([m.reserved for m in each]), _same_by(each))

    def _unknown_reserved_ip(self, node: Node, args: Args, name: Arg | None) -> None:
        """`Set-AzureReservedIPAssociation` (or New-AzureReservedIP for a service) with a name the script
        does not state: the VIP of the service it names is reserved (see `_reserved_by_unstated_name`). A
        service named by a variable is the one a VM-creating command named by the same variable (one
        definition of it); one the script does not state otherwise is none it describes."""
        service = args.get("ServiceName")
        if name is None or _stated_null(name.value) or service is None:
            return
        if isinstance(service.value, Text):
            draft: DeploymentDraft | None = self._deployment(
                service.value, self._at_call(node), node, self._written_at(service)
            )
        else:
            draft = self._described(service.value)
        if draft is not None:
            self._reserved_by_unstated_name(draft, name, node, vip=_reserved_vip(args))

    def _reserved_by_unstated_name(
        self, draft: DeploymentDraft, name: Arg, node: Node, associates: bool = True, vip: str | None = ""
    ) -> None:
        """A reserved IP a call gives a deployment by a name the script does not state (not `$null`, not
        empty): the deployment's VIP is a reserved IP, shown by a stand-in where the name is passed (see
        `_stand_in`), as VM names are, whether the call `associates` one with it (New-AzureReservedIP
        -ServiceName, Set-AzureReservedIPAssociation) or creates the deployment with it (`New-AzureVM …
        -ReservedIPName $VIP`, $VIP a parameter or read from the user), as it is under a name the script
        states: the call fails unless that reserved IP exists. The very value the script creates a reserved
        IP under (`New-AzureReservedIP -ReservedIPName $name`) gives that one. A name that may not be passed
        at all (from a table some path fills), or a value that is not a name, leaves whether it is reserved
        unknown. On another virtual IP (`vip`), it is that VIP's (see `_associate_other_vip`)."""
        value = name.value
        reserved = isinstance(value, Unknown) and (
            associates
            or self._in_subscription(value.ident) in self.reserved_names
            or not self._assigned_nowhere(value)
        )
        if not name.certain or not reserved:
            draft.reserved_ip_unknown = draft.reserved_ip_unknown or not vip
            return
        at = self._written_at(name) or self._at_call(node)
        stand_in = NameRef(self._reservation_stand_in(value, at), at)
        self.taken_reservations.add(self._in_subscription(value.ident))
        if associates:
            self._associate(draft, stand_in, value.ident, node, vip)
        elif draft.reserved_ip is None:
            draft.reserved_ip, draft.reserved_by = stand_in, value.ident

    def _assigned_nowhere(self, value: Unknown) -> bool:
        """Whether `value` is no variable's the script gives a value (see `Unknown.ident`): read from one
        that nothing the reader sees assigns and the script does not declare as a parameter (see `_found`),
        which, unlike a parameter or what Read-Host gives, may well be $null where the script runs, or what
        an expression gives, which need not be a name (a string built of pieces, `"$svc-ip"`, is one)."""
        ident = value.ident
        if ident is None:  # what an expression gives (`$r.OperationId`), unless a string built of pieces
            return value.shape is None
        return isinstance(ident, tuple) and ident[:1] == ("free",) and not self._script_parameter(ident)

    def _reservation_stand_in(self, value: Unknown, at: Mark) -> str:
        """The stand-in of the reserved IP a deployment is given by the value `value` at `at`: one per
        value, the later ones named for their turn (see `model.another_turn`), so that a function that
        gives each of two services the reserved IP its call passes gives them two. A value nothing tells
        apart (what an expression gives) is one per place."""
        place = _stand_in("reserved IP name", at)
        key = (place, _built_identity(value))
        shown = self.reservation_stand_ins.get(key)
        if shown is None:
            made = self.reserved_names.get(self._in_subscription(value.ident))  # by the call that creates it
            named = made is not None and made.mark == at
            shown = made.name if made is not None and named else another_turn(place, self.stand_in_turns)
            self.reservation_stand_ins[key] = shown
        return shown

    def _described(self, service: Value) -> DeploymentDraft | None:
        """The deployment this script describes in the cloud service a call names: by its name, or by the
        variable that names it (one definition of it, `Unknown.ident`); None for one it does not describe,
        or names by nothing it can match (a value without an ident)."""
        if isinstance(service, Text):
            return self.deployments.get(self._in_subscription(("service", service.value.casefold())))
        built = _built_identity(service) if isinstance(service, Unknown) else None
        return self.deployments.get(self._in_subscription(("ident", built))) if built is not None else None

    def _disassociate(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Remove-AzureReservedIPAssociation: the deployment of the service it names keeps a dynamic VIP,
        reserved no longer, when the removal surely runs and surely names the deployment's reserved IP (see
        `_same_reservation`); otherwise whether its VIP is reserved is no longer known. A removal of another
        reserved IP than the deployment's (both stated), or of one on another virtual IP of the deployment
        (`-VirtualIPName`), changes nothing. Of a deployment whose reserved IP the script does not give, one
        that surely runs and states both names takes the reserved IP off the service as other files
        describe it (see `_release`)."""
        service, reserved = _arg_value(args, "ServiceName"), _arg_value(args, "ReservedIPName")
        vip = _reserved_vip(args)
        if vip != "":
            self._disassociate_other_vip(self._described(service), reserved, vip)
            return Operation()
        draft = self._described(service)
        if draft is None or draft.reserved_ip is None:
            self._release(service, reserved, node)  # a reservation other files may make
        if draft is None:
            return Operation()
        same = _same_reservation(reserved, draft.reserved_ip, draft.reserved_by)
        if same is False:
            return Operation()
        held = draft.reserved_ip
        draft.reserved_ip, draft.reserved_by = None, None
        draft.reserved_ip_unknown = not (
            same and (self._surely_runs() or self._with_its_creation(draft, node))
        )
        if draft.reserved_ip_unknown and held is not None:  # it may still hold it
            draft.maybe_reserved.append((NameRef(held.name, self._at_call(node)), True))
        return Operation()

    def _disassociate_other_vip(
        self, draft: DeploymentDraft | None, reserved: Value, vip: str | None
    ) -> None:
        """Remove-AzureReservedIPAssociation of another virtual IP than the default one (`vip`): the
        reserved IP the deployment holds there is held no longer, where the removal may name it (whether
        or not the removal runs: none is said to be stranded on it). One on a VIP the script does not state
        (None) may be the default one's: whether that is reserved is no longer known, where it may hold it."""
        if draft is None:
            return
        for name, held in list(draft.vip_reserved.items()):
            if (vip is None or name == _name_key(vip)) and _same_reservation(
                reserved, held, None
            ) is not False:
                del draft.vip_reserved[name]
        if vip is None and _same_reservation(reserved, draft.reserved_ip, draft.reserved_by) is not False:
            draft.reserved_ip_unknown = draft.reserved_ip_unknown or draft.reserved_ip is not None
            draft.reserved_ip, draft.reserved_by = None, None

    def _release(self, service: Value, reserved: Value, node: Node) -> None:
        """A reserved IP surely taken off a cloud service, both named as the script states them: recorded
        for the linker, which takes it off that service whichever file associates it (see `_removals`)."""
        if not (self._surely_runs() and isinstance(service, Text) and isinstance(reserved, Text)):
            return
        if service.value.strip() and reserved.value.strip():
            released = ReservedIp(
                reserved.value,
                "",
                "",
                self._at_call(node),
                released_from=service.value,
                selected_in=self.selected_name,
            )
            self.released[(_name_key(service.value), _name_key(reserved.value))] = released

    def _new_acl(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        exact = _command_name(node).casefold() == "new-azureaclconfig"
        read_from = None if exact else self._acl_read_from(args, piped)
        self.acls.append(AclObject([], exact, read_from, made_on=self._path_here()))
        return Acls(frozenset({len(self.acls) - 1}))

    def _path_here(self) -> object:
        """What tells apart the path the code being run is on: the calls that led to it, the branches and
        the code that may not run around it, in the stage it is in. Two statements of one path run
        together, or neither does. None where a path may have ended before it, or in code read once that
        may run several times (a loop's body)."""
        if self.partial or self.branches is None:
            return None
        calls = tuple((function.id, call.id) for function, call in self.call_stack)
        return (calls, self.branches, self.maybe, self.maybe_calls, self.stage)

    def _acl_read_from(self, args: Args, piped: Value | None) -> tuple[str, str] | None:
        """The VM and endpoint (case-folded) Get-AzureAclConfig reads the ACL of, where the script surely
        states both: an existing VM, by name, and one endpoint, by `-EndpointName`; else None."""
        endpoint = _surely_stated(args.get("EndpointName"))
        vm = self._vm_input(args, piped)
        if not endpoint or not isinstance(vm, Vms) or len(vm.ids) != 1:
            return None
        existing = self.vms[next(iter(vm.ids))].existing
        name = existing[1] if existing is not None else None
        if not isinstance(name, Text) or not name.sure or not name.value.strip():
            return None
        return name.value.strip().casefold(), endpoint.casefold()

    def _set_acl(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        arg = args.get("ACL")
        acl = arg.value if arg is not None else piped
        if not isinstance(acl, Acls):
            return NULL
        for index in acl.ids:
            target = self.acls[index]
            if args.switch("AddRule"):
                # once, or never, or many times; but whenever the ACL is made, if on its very path
                with_it = target.made_on is not None and target.made_on == self._path_here()
                target.exact = target.exact and (self._surely_runs() or with_it)
                target.rules.append(
                    AclRule(
                        _arg_text(args, "Order"),
                        _arg_text(args, "Action"),
                        _arg_text(args, "RemoteSubnet"),
                        _arg_text(args, "Description"),
                        self._at_call(node),
                    )
                )
            elif args.switch("RemoveRule") and target.read_from is not None:
                self._remove_rule_read(target, args)
            elif not args.switch("SetRule"):
                target.rules, target.exact = [], False  # a rule removed, or a change not followed
        return NULL

    def _remove_rule_read(self, acl: AclObject, args: Args) -> None:
        """Set-AzureAclConfig -RemoveRule -RuleId on an ACL read from a VM: the VM's rule of that RuleId
        (its place among the VM's rules, from 0: Get-AzureAclConfig numbers them so, and a removal does
        not renumber the others) is gone, where the removal surely runs and states a number, and the
        script added no rule to the ACL first (which takes a RuleId after the VM's, whose count it does
        not know). A removal it cannot follow takes nothing away: the VM keeps the rules it had."""
        rule_id = _surely_stated(args.get("RuleId"))
        if not (self._surely_runs() and rule_id.isascii() and rule_id.isdigit()) or acl.rules:
            return
        if int(rule_id) not in acl.removed_ids:
            acl.removed_ids.append(int(rule_id))

    def _move(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        key = _command_name(node).casefold()
        scope, parameter = cmdlets.MIGRATION[key]
        steps = [s for s in cmdlets.STEPS if args.switch(s.capitalize())]
        if len(steps) == 1:
            target = _arg_text(args, parameter)
            mark = self._at_call(node)
            fails, fix = _failing_move(key, steps[0], args)
            if not fails:
                fails, fix = self._unassigned_name(steps[0], parameter, args.get(parameter))
            step = MigrationStep(
                cmdlets.canonical(key),
                steps[0],
                scope,
                target,
                mark,
                fails=fails,
                fails_fix=fix,
                target_mark=self._name_at(args, parameter),
            )
            self._take_step(node, step)
        return NULL

    def _given_escaped_parameter(self, node: Node) -> bool:
        """Whether a backtick makes a value of a parameter's name in the call `node` (see
        `SyntaxIndex.escaped_parameters`): PowerShell gives the cmdlet that name, and the value after it, by
        position, where it has no parameter left to take them ("A positional parameter cannot be found that
        accepts argument '-DeploymentName'"), so the call never runs: a migration step is not taken, a VM,
        service or account is not made. The part is said where it is written (see `_unread`)."""
        return _any_between(self.index.escaped_at, node.start_byte, node.end_byte)

    def _unassigned_name(self, step: str, parameter: str, arg: Arg | None) -> tuple[str, str]:
        """Why a migration step given its resource by a variable nothing in the script assigns fails
        (`-VirtualNetworkName $vnetName` where the loop around it names each network `$vnet`): the variable
        is $null, unless the session that runs the script set it, and PowerShell refuses $null for the
        name, which the cmdlet requires. ("", "") for any other argument, and where something may set the
        variable unseen (a dot-sourced file, `Set-Variable`, a function's `$script:` assignment)."""
        node = _unwrap(arg.node) if arg is not None and arg.node is not None else None
        if arg is None or node is None or node.type != "variable":
            return "", ""
        ident = arg.value.ident if isinstance(arg.value, Unknown) else None
        scope, key = _variable(_text(node))
        if not (isinstance(ident, tuple) and ident[:1] == ("free",)) or scope:
            return "", ""
        if (
            key in self.index.by_key
            or self._stale(key)
            or self.index.dot_sources
            or self.source is not self.own
        ):
            return "", ""
        written = _text(node)
        return (
            f"it is given -{parameter} {written}, which nothing in the script assigns: {written} is $null, "
            f'unless the session that runs the script set it, and PowerShell refuses it ("Cannot bind '
            f"argument to parameter '{parameter}' because it is null\")",
            f"Give this {step.capitalize()} the variable that holds the name of what the script migrates, as "
            f"its other steps are given it, or assign {written} before it. {_PLAN_PRINTS}",
        )

    def _take_step(self, node: Node, step: MigrationStep) -> None:
        """A migration step run at `node`: once per target however often the site runs for it. A loop
        runs Validate a, Prepare a, Validate b, Prepare b, and the steps keep that order, which a sort by
        site would turn into Validate a, Validate b, Prepare a, Prepare b; so does a function's step, at
        the statement that calls it rather than where the function is written. It is shown at the command
        that takes it, with the call that runs it, the outermost in the script's own code, as context
        (`MigrationStep.called_at`), so that the steps each call runs are told apart. A function read once with values it does not know is a stage of its own (see
        `stage`): its steps are in the order it runs them, apart from the script's (an `-Abort` helper
        defined first is not an Abort before the Prepare); it takes no step of a target it does not know
        at a site already run with values: the site's steps are known."""
        at_site = self.steps.setdefault(self.site(node), {})
        target = step.target.strip().casefold()
        taken = (step.step, step.scope, target)  # a site may run several steps (`-$step` in a loop)
        kind = (self.site(node), step.step, step.scope)
        branches = self._stage_branches()
        earlier = at_site.get(taken)
        if earlier is not None:  # run again (a function called twice): on the branches both runs share
            shared = common_branches(earlier[1].branches, branches)
            at_site[taken] = (earlier[0], replace(earlier[1], branches=shared))
            return
        if not target and kind in self.stepped and not self.callers_known:
            return
        called_at = self._called_at(0) if self.call_stack else None
        step = replace(step, branches=branches, called_at=called_at, runs=self._runs())
        if target:
            self.stepped.add(kind)
        at_site[taken] = (self._step_order(), step)
        self.steps_taken += 1

    # --- requests the script sends to the Service Management API itself --------------------------------

    def _web_request(self, node: Node, name: str, args: Args, env: Env) -> None:
        """Invoke-RestMethod, Invoke-WebRequest (`name`): a request to its `-Uri` (see `_request`), of its
        `-Method` (or `-CustomMethod`), GET when it is given none."""
        method = args.get("Method") or args.get("CustomMethod")
        verb = (
            "GET" if method is None else _http_method(method.value, method.node) if method.certain else None
        )
        uri = args.get("Uri")
        at = node.child_by_field_name("command_name") or node
        found = (
            self._request(node, at, verb, uri.value, name, url_at=_value_mark(uri.value, uri, self.where))
            if uri is not None and uri.certain
            else None
        )
        body = args.get("Body")
        if found is not None and verb == "DELETE":
            self._request_detach(node, found[1])
            self._request_delete_role(found[1])
        if found is not None and verb == "POST" and body is not None and body.certain:
            self._reserved_ip_request(node, found[1], body, env)
        if found is not None and verb in ("PUT", "POST") and body is not None and body.certain:
            looped = self._looped_over(uri.value) if uri is not None else ""
            self._rest_body(node, found[1], verb, body, looped)
            if uri is not None:
                self._connection_request(node, found[1], verb, body, uri, env)
        in_file = args.get("InFile")
        if found is not None and body is None and in_file is not None and in_file.certain:
            self._posted_body_file(found[1], verb, in_file)

    def _native_request(self, node: Node, command: str, env: Env) -> None:
        """`curl.exe`, `wget.exe`: a request to the API read from its words as a shell script's is
        (`shell_requests`: method, URL, body file), then as Invoke-RestMethod's (`_request`)."""
        words, given = self._native_words(node, env)
        at = node.child_by_field_name("command_name") or node
        sent = shell_requests.request([xplat.Word(command, self.where.mark(at)), *words])
        if sent is None:
            return
        for url in sent.urls:
            argument = given.get(id(url))
            found = (
                self._request(node, at, sent.verb, argument.value, command, url_at=url.mark)
                if argument
                else None
            )
            if found is None:
                continue
            service = automation.deployment_created_in(sent.verb, found[1])
            file = sent.body_file.text if sent.body_file is not None else None
            if service is not None and file and automation.deployed_file(file):
                self.posted_bodies.setdefault((automation.deployed_file(file), service), None)
            return

    def _posted_body_file(self, path: str, verb: str | None, in_file: Arg) -> None:
        """A request that sends a file (`-InFile deploy.xml`) to create a deployment: the file and the
        service the path names (`Script.posted_bodies`)."""
        service = automation.deployment_created_in(verb, path)
        file = automation.deployed_file(_shape(in_file.value) or "") if service is not None else ""
        if service is not None and file:
            self.posted_bodies.setdefault((file, service), None)

    def _connection_request(self, node: Node, path: str, verb: str, body: Arg, uri: Arg, env: Env) -> None:
        """A request to a gateway's connection to a local network site (an `UpdateConnection` body, PUT to
        `.../services/networking/<network>/gateway/connection/<site>`), read as Set-AzureVNetGateway is:
        with `Operation` Connect, the network's gateway connects to the site by VPN and a connection the
        script disconnected is up again; with Disconnect, the connection is down until one of the same
        network and site follows. A network or site the path holds as one value the script does not state
        (`.../$vnet/gateway/connection/$site`) is that value, as the cmdlet's parameter given it is."""
        keyed = automation.gateway_shared_key(verb, path)
        if keyed is not None:
            self._shared_key_request(node, keyed, uri)
            return
        spans = automation.gateway_connection_spans(verb, path)
        if spans is None or not isinstance(body.value, Text):
            return
        operation = automation.connection_operation(body.value.value)
        if operation not in ("connect", "disconnect"):
            return
        network, site = (urllib.parse.unquote(path[start:end]).strip() for start, end in spans)
        keys = [self._request_part(path, span, uri.value) for span in spans]
        url_at = _value_mark(uri.value, uri, self.where)
        if operation == "disconnect":
            mark = self._at_call(node)
            shown_network, shown_site = (
                part if automation.HOLE not in part else _stand_in(what, url_at or mark)
                for part, what in ((network, "network name"), (site, "local site name"))
            )
            made = ConnectionState(shown_site, "NotConnected", mark, shown_network, network_mark=url_at)
            self._link_down(made, keys[0], keys[1], env)
            return
        self._link_up(keys[0], keys[1], env)
        if not network or automation.HOLE in network:
            return  # a network the path does not state is none the reader can name
        how = automation.GATEWAY_CONNECT_REQUEST
        local_site = "" if automation.HOLE in site else site
        fact = VnetGatewayFact(
            network,
            VPN,
            how,
            self._at_call(node),
            local_site,
            vnet_mark=url_at,
            selected_in=self.selected_name,
        )
        self._gateway_fact_once(fact)

    def _shared_key_request(self, node: Node, parts: tuple[str, str], uri: Arg) -> None:
        """A request that sets or resets the shared key of a gateway's connection to a local network site
        (`.../gateway/connection/<site>/sharedkey`), read as Set-AzureVNetGatewayKey is: the network's
        gateway is connected to the site by VPN. A network the path does not state is none the reader can
        name."""
        network, site = (urllib.parse.unquote(part).strip() for part in parts)
        if not network or automation.HOLE in network:
            return
        url_at = _value_mark(uri.value, uri, self.where)
        local_site = "" if automation.HOLE in site else site
        how = automation.SHARED_KEY_REQUEST
        self._gateway_fact_once(
            VnetGatewayFact(
                network,
                VPN,
                how,
                self._at_call(node),
                local_site,
                vnet_mark=url_at,
                selected_in=self.selected_name,
            )
        )

    @staticmethod
    def _request_part(path: str, span: tuple[int, int], url: Value) -> str | None:
        """A network or site a request's path names at `span`, as a gateway connection's key holds it (see
        `_named_by`): the name the path states, or the one value the script does not state that the URL
        holds there (`Unknown.holes`); None when the reader cannot name it."""
        part = urllib.parse.unquote(path[span[0] : span[1]]).strip()
        if part and automation.HOLE not in part:
            return "name " + _name_key(part)
        shape = _shape(url)
        if (
            part != automation.HOLE
            or not isinstance(url, Unknown)
            or shape is None
            or not shape.endswith(path)
        ):
            return None
        if len(url.holes) != shape.count(automation.HOLE):
            return None
        ident = url.holes[shape.count(automation.HOLE, 0, len(shape) - len(path) + span[0])]
        return f"value {ident!r}" if ident is not None else None

    # --- REST bodies the script sends -------------------------------------------------------------------

    def _rest_body(self, node: Node, path: str, verb: str, body: Arg, looped: str = "") -> None:
        """A REST body the script sends to the API itself, for what the cmdlets cannot express (an endpoint
        ACL, boot diagnostics), read as the Python reader reads one a script sends (and as the REST reader
        reads a body file), in the service and deployment its path names: a role PUT to `.../roles/<name>`
        (Update Role) changes that VM, which exists already, in the facts the body states; a role POSTed
        (Add Role), a load-balanced set's endpoints, a deployment (Create Deployment) describe what they
        create. A network configuration PUT (Set Network Configuration, to `.../services/networking/media`)
        is read as a .netcfg. A body built with values the script does not state is read with a stand-in
        for each of them. A role PUT to a path a loop's item fills in (`looped`, see `_looped_over`) changes
        one VM, and cloud service, per item."""
        from migcheck.readers import python_script as bodies

        read = self._body_resources(node, body)
        service, deployment, role_name = bodies.path_names(path)
        for resource, stated in read:
            if isinstance(resource, Role):
                draft = self._body_deployment(node, service, deployment)
                self._created_by_body(draft, deployment)
                if verb == "PUT" and stated is not None:
                    unknown = (resource.unknown | bodies.UNKNOWABLE) - stated
                    name = role_name or resource.name
                    resource = replace(
                        resource, name=name, unknown=unknown, changes_existing=True, looped_over=looped
                    )
                    if looped and not service and not draft.service_looped_over:
                        draft.service_looped_over = looped
                if not resource.name:
                    resource = replace(resource, name=_stand_in("VM name", self._at_call(node)))
                draft.add_body(resource, stated if verb == "PUT" else None)
            elif isinstance(resource, Deployment):
                named = replace(
                    resource,
                    service_name=resource.service_name or service or "",
                    selected_in=self.selected_name,
                )
                self.body_deployments.setdefault((id(resource), named.service_name), named)
                if verb == "POST" and named.service_name:
                    created = self._in_subscription(_name_key(named.service_name))
                    self.body_creations.setdefault(created, []).append((named, self.creating_on))
            elif isinstance(resource, NetworkConfiguration):
                if verb == "PUT":
                    self._uploaded(self._networks_named_by_values(resource, body.value))
            elif isinstance(resource, inv.ApplicationGateway):  # as New-AzureApplicationGateway creates one
                gateway = self._body_gateway(resource, node)
                self.application_gateways[_name_key(gateway.name)] = gateway
            elif isinstance(resource, NetworkSecurityGroup):
                self._body_group(node, resource, path, verb, service, deployment, role_name)
            elif isinstance(resource, Disk) and resource.attached_to == VM_OF_REQUEST_URI:
                self._body_data_disk(node, resource, verb, path)
            elif isinstance(resource, (Image, Disk)):
                self._body_registration(node, resource, bodies.registers_in_repository(verb, path), body)

    def _reserved_ip_request(self, node: Node, path: str, body: Arg, env: Env) -> None:
        """An Associate or Disassociate Reserved IP request (see `python_script.reserved_ip_request`), read
        as the Set-AzureReservedIPAssociation or Remove-AzureReservedIPAssociation it sends is, given the
        names its path and body state, the reserved IP's shown at the request."""
        from migcheck.readers import python_script as bodies

        text = body.value.value if isinstance(body.value, Text) else ""
        found = bodies.reserved_ip_request("POST", path, text)
        if found is None:
            return
        at = self._at_call(node)
        named = {
            "ReservedIPName": found.name,
            "ServiceName": found.service,
            "VirtualIPName": found.virtual_ip,
        }
        args = Args({parameter: Arg(Text(value, at), None) for parameter, value in named.items() if value})
        if found.disassociates:
            self._disassociate(node, args, None, env)
        else:
            self._reserved_ip(node, args, None, env)

    def _body_data_disk(self, node: Node, disk: Disk, verb: str, path: str) -> None:
        """A `DataVirtualHardDisk` body POSTed to `.../roles/<vm>/DataDisks` (Add Data Disk) or PUT to
        `.../DataDisks/<lun>` (Update Data Disk): a data disk of the VM the path names, as Add-AzureDataDisk
        gives one, when the path states the service, deployment and VM and the body its blob (a disk made
        from its size alone gets its blob name from the platform)."""
        from migcheck.readers import python_script as bodies

        service, deployment, vm = bodies.path_names(path)
        if bodies.data_disk_path(path) is None or verb not in ("POST", "PUT") or not (service and vm):
            return
        if not disk.media_link or bodies.UNSTATED_TEXT in disk.media_link:
            return
        draft = self._body_deployment(node, service, deployment)
        name = disk.name or disk.media_link.rsplit("/", 1)[-1]
        vm = urllib.parse.unquote(vm)
        draft.disk_requests.append((vm, replace(disk, name=name, attached_to=vm), self._at_call(node)))

    def _request_detach(self, node: Node, path: str) -> None:
        """Delete Data Disk (DELETE `.../roles/<vm>/DataDisks/<lun>`): the data disk at that LUN detached
        from the VM the path names, as Remove-AzureDataDisk detaches it, when the request surely runs (on no
        branch) and its path states the service, VM and LUN."""
        from migcheck.readers import python_script as bodies

        service, deployment, vm = bodies.path_names(path)
        lun = (bodies.data_disk_path(path) or (None, None))[1]
        if not (service and vm and lun) or self.creating_on is None or self.creating_on:
            return
        draft = self._body_deployment(node, service, deployment)
        draft.disk_requests.append((urllib.parse.unquote(vm), lun_key(lun), self._at_call(node)))

    def _request_delete_role(self, path: str) -> None:
        """Delete Role (DELETE `.../deployments/<d>/roles/<vm>`) that surely runs (on no branch): the VM an
        Add Role body of the script added to the service's deployment before is gone, unless it is the
        deployment's last VM (Azure refuses that delete), counting those of the Create Deployment body that
        made it."""
        from migcheck.readers import python_script as bodies

        service, _, vm = bodies.path_names(path)
        if (
            not (service and vm)
            or not bodies.is_role_path(path)
            or self.creating_on is None
            or self.creating_on
        ):
            return
        draft = self.deployments.get(self._in_subscription(("service", service.casefold())))
        if draft is None:
            return
        name = _name_key(urllib.parse.unquote(vm))
        added = [
            k
            for k, (role, updates) in draft.bodies.items()
            if updates is None and _name_key(role.name) == name
        ]
        created = self.body_creations.get(self._in_subscription(_name_key(service)), [])
        made = max((len(d.roles) for d, _ in created), default=0)
        if added and len(draft.roles) + len(draft.bodies) + made - len(added) > 0:
            for key in added:
                del draft.bodies[key]

    def _created_by_body(self, draft: DeploymentDraft, deployment: str | None) -> None:
        """A role body sent to a deployment no command has placed yet, which a Create Deployment body the
        script POSTs to its service made before, on the branches this request is on too (an Add Role body
        POSTed to `.../deployments/<name>/roles` after it): the VM is in that deployment, in the network the
        body states or in none, as after New-AzureVM with -VNetName or -Location."""
        if draft.placed or not draft.service:
            return
        on = self.creating_on
        created = self.body_creations.get(self._in_subscription(_name_key(draft.service)), [])
        for made, made_on in created:
            named = deployment is None or _name_key(made.name) == _name_key(deployment)
            if named and on is not None and made_on is not None and set(made_on) <= set(on):
                draft.placed, draft.placed_on = True, made_on
                draft.vnet, draft.network_known = made.virtual_network, made.network_known
                return

    def _body_registration(self, node: Node, resource: Image | Disk, repository: str, body: Arg) -> None:
        """An `OSImage` body POSTed to `.../services/images` (Add OS Image) or a `Disk` body POSTed to
        `.../services/disks` (Add Disk): an image or a disk of the script's own in the subscription's
        repository, as Add-AzureVMImage and Add-AzureDisk register one. A blob the body names in a storage
        account the script does not state (`https://$sa.blob...` in a here-string) is in that value's
        stand-in account, as Add-AzureVMImage's `-MediaLocation` is."""
        from migcheck.readers import python_script as bodies

        kind = "images" if isinstance(resource, Image) else "disks"
        if repository != kind or not resource.name.strip() or bodies.UNSTATED_TEXT in resource.name:
            return
        if bodies.UNSTATED_TEXT in resource.media_link:  # a blob the script names in part: not one it states
            resource = replace(resource, media_link="", account=self._body_blob_account(body, node))
        if isinstance(resource, Image):
            self.images.setdefault(_name_key(resource.name), resource)
        else:
            self.registered.setdefault(_name_key(resource.name), resource)

    def _body_blob_account(self, body: Arg, node: Node) -> str:
        """The stand-in for the storage account of the one blob a body names by a value the script does not
        state for its account (see `_blob_account_stand_in`): the body read again with a marker for each
        such value, so that the blob's host tells which value names the account; "" for none."""
        from migcheck.readers import deployment as rest
        from migcheck.readers import python_script as bodies
        from migcheck.readers.xml import Marker

        value = body.value
        if not isinstance(value, Unknown) or not value.shape:
            return ""
        pieces = value.shape.split(automation.HOLE)
        if len(value.holes) != len(pieces) - 1:
            return ""
        mark = bodies.HOLE_MARK
        marked = "".join(f"{piece}{mark}{at}{mark}" for at, piece in enumerate(pieces[:-1])) + pieces[-1]
        root = bodies.body_root(marked)
        read = rest.read(root, Marker(self.path, marked)) if root is not None else ()
        links = [r.media_link for r in read if isinstance(r, (Image, Disk))]
        label = bodies.marked_host_label(links[0]) if len(links) == 1 else None
        if label is None:
            return ""
        before, hole, after = label
        at = self._written_at(body) or self._at_call(node)
        return self._account_stand_in(value.holes[hole], before + automation.HOLE + after, at)

    def _body_group(
        self,
        node: Node,
        group: NetworkSecurityGroup,
        path: str,
        verb: str,
        service: str | None,
        deployment: str | None,
        role_name: str | None,
    ) -> None:
        """A `NetworkSecurityGroup` body: POSTed to `.../services/networking/networksecuritygroups` (Create
        Network Security Group), the script creates the group, as New-AzureNetworkSecurityGroup does; to
        `.../subnets/<subnet>/networksecuritygroups` (Add Network Security Group to Subnet), the subnet uses
        it, as Set-AzureNetworkSecurityGroupToSubnet says; to `.../roles/<name>/networksecuritygroups` (Add
        Network Security Group to Role), it sets the group on that VM, as
        Set-AzureNetworkSecurityGroupAssociation -VM does."""
        from migcheck.readers import python_script as bodies

        subnet = bodies.adds_group_to_subnet(verb, path)
        if bodies.creates_security_group(verb, path):
            self.security_groups.setdefault(_name_key(group.name), group)
        elif subnet is not None:
            at = (_name_key(subnet[0]), _name_key(subnet[1]))
            self.subnet_groups[at] = bodies.group_on_subnet(group, *subnet)
        elif role_name and bodies.adds_group_to_role(verb, path):
            self._on_vm(group.name, None)
            draft = self._body_deployment(node, service, deployment)
            draft.add_body(bodies.group_on_role(group, role_name), bodies.ROLE_GROUP)

    # --- files the script writes, and the network configuration it uploads from one ----------------------

    def _file_write(self, key: str, args: Args, piped: Value | None, env: Env) -> None:
        """Out-File, Set-Content: the string it writes is what the file holds after it, as a variable
        holds what is assigned to it, so that paths that meet join what they leave in it (see
        `_upload_network_file`). A write that appends (`-Append`), or of something other than one string,
        leaves what the file holds unknown; one given `-WhatIf` writes nothing. A write to a file the
        reader cannot name may be to any file: no file written before it is known to hold what it did."""
        path_parameter, content_parameter = cmdlets.FILE_WRITES[key]
        previewed = _previewed(args)
        if previewed:
            return
        path = args.get(path_parameter) or args.get("LiteralPath")
        file = self._file_key(path, env) if path is not None and path.certain else None
        if file is None or path is None:
            self.unnamed_writes += 1
            return
        # An upload that names the file otherwise (`.\net.netcfg` for `net.netcfg`) does not see what the
        # reader keeps of it under this name: what it sends is not known to be the file checked by its name.
        self.replaced_files.add((self._file_leaf(path, env) or "").casefold())
        given = args.get(content_parameter)
        content = given.value if given is not None and given.certain else piped if given is None else None
        written = isinstance(content, Text) or (isinstance(content, Unknown) and content.shape is not None)
        appends = args.switch("Append") if key == "out-file" else False
        if previewed is None or appends is not False or not written or content is None:
            content = Unknown(self.snippet(path.node) if path.node is not None else "")
        env.vars[file] = content

    def _file_copy(self, key: str, args: Args, env: Env) -> None:
        """Copy-Item, Move-Item, Rename-Item, Start-BitsTransfer: the file it puts in place holds what the
        reader does not follow. Copied or moved into a folder, it keeps the name of the file it comes from."""
        if _previewed(args):
            return
        source_parameter, destination_parameter = cmdlets.FILE_COPIES[key]
        source = args.get(source_parameter) or args.get("LiteralPath")
        into = source if destination_parameter != "NewName" else None  # a new name is the file's own
        self._file_replaced(args.get(destination_parameter), into, env)

    def _file_replaced(self, destination: Arg | None, source: Arg | None, env: Env) -> None:
        """A file the script puts in place by a means the reader does not follow (a copy, a move, a rename,
        a download saved with `-OutFile`) at `destination`, from the file `source` names when the
        destination may be a folder: an upload of a file of its name is not known to be of the file checked
        by that name (see `_upload_file_name`), and what a write before left in it is gone. One the reader
        cannot name may be any file."""
        leaf = self._file_leaf(destination, env) if destination is not None else None
        if destination is None or leaf is None:
            self.unnamed_writes += 1
            return
        self.replaced_files.add(leaf.casefold())
        file = self._file_key(destination, env) if destination.certain else None
        if file is not None:
            env.vars[file] = Unknown(self.snippet(destination.node) if destination.node is not None else "")
        if source is not None and "." not in leaf:  # a folder, maybe: the file is named as its source is
            named = self._file_leaf(source, env)
            if named is None:
                self.unnamed_writes += 1
            else:
                self.replaced_files.add(named.casefold())

    def _configuration_exported(self, args: Args, env: Env) -> None:
        """Get-AzureVNetConfig: given `-ExportToFile`, the subscription's configuration, which the reader
        does not know, is written to that file; without it, no file is written (a script that keeps the
        configuration it reads as a backup changes no file it uploads)."""
        if "ExportToFile" in args.bound:
            self._file_replaced(args.get("ExportToFile"), None, env)
        elif args.opaque or args.values:
            self.unnamed_writes += 1

    def _file_leaf(self, path: Arg | None, env: Env) -> str | None:
        """The last part of the path an argument names, when the script states it
        (`.\\NetworkConfig.netcfg`, `"$PSScriptRoot\\x.netcfg"`, `(Join-Path $PSScriptRoot 'x.netcfg')`); None
        when it does not."""
        if path is None or not path.certain:
            return None
        child = _joined_child(path.node) if path.node is not None else None
        shape = _shape(self.evaluate(child, env) if child is not None else path.value)
        if shape is None:
            return None
        last = shape.replace("\\", "/").rstrip("/").rpartition("/")[2].strip()
        return None if automation.HOLE in last or last in ("", ".", "..") else last

    def _file_key(self, path: Arg, env: Env) -> str | None:
        """The key under which what a file holds is kept among the variables (a key no variable has):
        the file's name as the script states it, without case; else the value that names it, when one
        variable holds it (`$path = "$env:TEMP/netcfg.xml"`, used for the write and for the upload) or it
        is the script's own (a parameter); None for a file the reader cannot name."""
        named = _string_of_known_values(path.value) or _named_by(path.value)
        named = named or self._path_of_unstated_parts(path, env)
        if named is None:
            held = self._held(path, env)
            if held is None:
                return None
            self.file_names.append(held)
            named = f"held {id(held)}"
        # A key that starts with NUL, as the reader's own markers do: a file is the script's, not a scope's,
        # so what a function writes is there for its caller too.
        return f"\0file {self.unnamed_writes} {named}"

    def _path_of_unstated_parts(self, path: Arg, env: Env) -> str | None:
        """What names a file written as a string of values the script does not state, each one value however
        often it is read (`"$env:TEMP\\net.xml"`, `"$root\\net.xml"` while `$root` is not assigned again):
        its text with those values, so that the same string written again names the same file. None when a
        part may be another value each time (`$(Get-Date)`, a variable the script does not follow)."""
        node = _unwrap(path.node) if path.node is not None else None
        value = path.value
        if node is None or node.type != "expandable_string_literal" or not isinstance(value, Unknown):
            return None
        if value.shape is None:  # too long to be kept: another string may have the same parts
            return None
        values: list[object] = []
        for part in _named(node):
            identity = self._part_identity(part, env) if part.type == "variable" else None
            if identity is None:
                return None
            values.append(identity)
        return f"string {value.shape!r} {values!r}"

    def _part_identity(self, part: Node, env: Env) -> object | None:
        """The value a variable in a string holds, as one value: a string's text, an unstated value's
        definition, else the value assigned to it (not a copy: assigned again, it is another)."""
        value = self._variable_value(part, env)
        if isinstance(value, Text):
            return value.value
        if isinstance(value, Unknown) and value.ident is not None:
            return value.ident
        scope, key = _variable(_text(part))
        held = env.lookup(key) if scope == "" and not self._stale(key) else None
        if held is None:
            return None
        self.file_names.append(held)  # kept, so that its id is not another value's
        return ("held", id(held))

    def _held(self, arg: Arg, env: Env) -> Value | None:
        """The value the one variable an argument is written as holds, as assigned (not a copy); None for
        an argument written otherwise, or a variable nothing assigns."""
        node = _unwrap(arg.node) if arg.node is not None else None
        if node is None or node.type != "variable":
            return None
        scope, key = _variable(_text(node))
        return env.lookup(key) if scope in ("", "script", "global") else None

    def _read_document(self, source: Node, env: Env) -> Unknown | None:
        """`[xml]` of the text Get-Content reads from a file the script names and does not write
        (`[xml]$cfg = Get-Content "$PSScriptRoot\\net.netcfg"`): the document that file holds, a value
        the script does not state told by the file's name, whose members are each one value too (see
        `_member_stays`), so that a loop over its network sites is over that file's (see
        `_network_site_of_file`). None for any other value, and for a file the script writes, or one a write
        the reader does not follow may change (see `_upload_file_name`)."""
        command = _unwrap(source)
        while command.type in ("parenthesized_expression", "pipeline") and len(_named(command)) == 1:
            command = _unwrap(_named(command)[0])
        if command.type != "command" or _command_name(command).casefold() not in cmdlets.FILE_READS:
            return None
        args = self.bind(command, _command_name(command).casefold(), env)
        path = args.get("Path") or args.get("LiteralPath")
        file = self._file_key(path, env) if path is not None and path.certain else None
        if file is not None and env.lookup(file) is not None:
            return None  # what the script wrote to it, which the reader does not read as a document
        leaf = self._upload_file_name(path, env)
        return Unknown(self.snippet(source), (_READ_DOCUMENT, leaf)) if leaf else None

    def _upload_network_file(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Set-AzureVNetConfig: the network configuration it uploads from the file `-ConfigurationPath`
        names, read as a PUT of it to `.../services/networking/media` is (see `_rest_body`), when the
        script wrote the file with a string it surely leaves there (see `_file_write`): the elements a
        string literal writes out are shown where they are written."""
        return self._uploaded_from(node, args.get("ConfigurationPath"), env, self.selected_name)

    def _uploaded_from(self, node: Node, path: Arg | None, env: Env, selected_in: str) -> Value:
        """The network configuration a call at `node` uploads from the file `path` names (see
        `_upload_network_file`), where the script had selected the subscription `selected_in`."""
        file = self._file_key(path, env) if path is not None and path.certain else None
        content = env.lookup(file) if file is not None else None
        if content is None:
            name = self._upload_file_name(path, env)
            self.uploaded_files.setdefault(name, None)
            if name and selected_in:
                self.uploaded_in.setdefault((name, selected_in), None)
            return Unknown(self.snippet(node))
        read = [
            r
            for r, _ in self._body_resources(node, Arg(content, None))
            if isinstance(r, NetworkConfiguration)
        ]
        for resource in read:
            self._uploaded(self._networks_named_by_values(resource, content))
        if not read:
            self.uploaded_files.setdefault("", None)
        return Unknown(self.snippet(node))

    def _networks_named_by_values(
        self, configuration: NetworkConfiguration, content: Value
    ) -> NetworkConfiguration:
        """An uploaded configuration built from values the script does not state (`content`), each network
        named by one of them (`<VirtualNetworkSite name="$NetworkName">`) renamed to the stand-in of that
        value: the network a call names by the same value (`New-AzureVM -VNetName $NetworkName`) is it (see
        `_unstated_network`), whichever comes first. The same configuration uploaded with the same values is
        the same one (see `_uploaded`)."""
        from migcheck.readers import python_script as bodies

        if not isinstance(content, Unknown) or not content.shape:
            return configuration
        if not any(bodies.UNSTATED_TEXT in n.name for n in configuration.virtual_networks):
            return configuration
        key = (id(configuration), content.holes)
        if key not in self.renamed_configurations:
            values = _network_name_values(content.shape, content.holes)
            networks = configuration.virtual_networks
            if len(values) == len(networks):
                renamed = tuple(
                    n if v is None else replace(n, name=self._network_of_value(v, n.mark).name)
                    for n, v in zip(networks, values, strict=True)
                )
                configuration = replace(configuration, virtual_networks=renamed)
            self.renamed_configurations[key] = configuration
        return self.renamed_configurations[key]

    def _network_of_value(self, ident: object, mark: Mark) -> NameRef:
        """The network named by one value the script does not state (`Unknown.ident`), first named at
        `mark`: the stand-in every call given the value names (see `_unstated_network`), which says the
        parameter of the script it is, when it is one."""
        key = ("ident", ident)
        found = self.unstated_networks.get(key)
        if found is None:
            parameter = self._script_parameter(ident)
            name = network_stand_in(mark)
            if parameter:
                name = f"<virtual network name, the value of parameter -{parameter}, {name[1:].partition(', ')[2]}"
            found = self.unstated_networks[key] = NameRef(name, mark)
        return found

    def _each_network_of(self, file: str, mark: Mark) -> NameRef:
        """The stand-in for each network of the configuration file `file` the script reads, first named at
        `mark` (`<each virtual network of net.netcfg, x.ps1:4:36>`): one for every call given the name of
        a network site of that file in a loop over them. The link stage gives what is said of it to each
        network of the configuration checked by that name (`VnetGatewayFact.networks_of`)."""
        key = ("each network of", file.casefold())
        found = self.unstated_networks.get(key)
        if found is None:
            name = _stand_in(f"each virtual network of {file}", mark, column=True)
            found = self.unstated_networks[key] = NameRef(name, mark)
        return found

    def _parameter_origin(self, ident: object) -> str:
        """The parameter a value the script does not state is, as a stand-in says it: "-ServiceName of
        workflow New-TestVM" for one of a workflow or function read once (a runbook's, which the job that
        starts it is given), "-ServiceName of the script" for one of the script's own `param (…)`; "" for
        any other value."""
        if isinstance(ident, tuple) and len(ident) == 2 and ident[0] == "def" and isinstance(ident[1], int):
            return self.parameter_origins.get(ident[1], "")
        parameter = self._script_parameter(ident)
        if (
            parameter
            and isinstance(ident, tuple)
            and ident[1] == 0
            and (0, ident[2]) in self.mandatory_parameters
        ):
            return f"-{parameter} of the script"
        return ""

    def _script_parameter(self, ident: object) -> str:
        """The name of the parameter of the script's own `param (…)`, or of a workflow's, that a value the
        script does not state is (`Unknown.ident` of a variable no code assigns), as declared; "" for any
        other value."""
        if not (isinstance(ident, tuple) and len(ident) == 3 and ident[0] == "free"):
            return ""
        return self.declared_parameters.get((ident[1], ident[2]), "")

    def _upload_file_name(self, path: Arg | None, env: Env) -> str:
        """The name of the file an upload the script does not write reads (see `_uploaded_from`): the last
        part of its path, when the script states it (`.\\NetworkConfig.netcfg`, `"$PSScriptRoot\\x.netcfg"`,
        `(Join-Path $PSScriptRoot 'x.netcfg')`); "" when it does not, or when a write the reader does not
        follow may have changed the file: one to a file the reader cannot name, or to one of its name (see
        `_file_replaced`)."""
        leaf = self._file_leaf(path, env) if not self.unnamed_writes else None
        return "" if leaf is None or leaf.casefold() in self.replaced_files else leaf

    def _uploaded(self, configuration: NetworkConfiguration) -> None:
        """A network configuration the script uploads, once, its networks indexed by name (see
        `_uploaded_network`)."""
        if id(configuration) in self.networks:
            return
        self.networks[id(configuration)] = configuration
        for network in configuration.virtual_networks:
            self.uploaded_networks.setdefault(_name_key(network.name), network.name)

    def _uploaded_network(self, value: Value) -> str:
        """The network a configuration the script uploads names by the string `value` is, when the script
        builds both from values it does not state (`"$($Prefix)vNet1"`, and `<VirtualNetworkSite
        name="$($Prefix)vNet1">` in the here-string it uploads): the reader names the network of the
        configuration with each such value as not stated (see `_body_resources`), and `value` so written
        names the same one. "" for any other value."""
        from migcheck.readers import python_script as bodies

        if not isinstance(value, Unknown) or not value.shape or automation.HOLE not in value.shape:
            return ""
        shown = value.shape.replace(automation.HOLE, f"<{bodies.UNSTATED_TEXT}>")
        return self.uploaded_networks.get(_name_key(shown), "")

    def _body_gateway(self, gateway: inv.ApplicationGateway, node: Node) -> inv.ApplicationGateway:
        """An Application Gateway a body describes, with a stand-in for a name or network the script does
        not state (as for New-AzureApplicationGateway), and without the subnets it does not state."""
        from migcheck.readers import python_script as bodies

        mark = self._at_call(node)
        unstated = bodies.UNSTATED_TEXT
        name = _stand_in("Application Gateway name", mark) if unstated in gateway.name else gateway.name
        vnet = _stand_in("virtual network name", mark) if unstated in gateway.vnet else gateway.vnet
        subnets = tuple(subnet for subnet in gateway.subnets if unstated not in subnet)
        return replace(gateway, name=name, vnet=vnet, subnets=subnets)

    def _body_deployment(self, node: Node, service: str | None, deployment: str | None) -> DeploymentDraft:
        """The deployment a body's path names: the script's draft of that cloud service, named as the path
        names it when nothing else has named it yet."""
        mark = self._at_call(node)
        draft = self._deployment(Text(service) if service else Unknown(""), mark, node)
        if deployment and not draft.roles and not draft.bodies:
            draft.name = deployment
        return draft

    def _body_resources(self, node: Node, body: Arg) -> list[tuple[object, frozenset[str] | None]]:
        """The roles and deployments a body describes, each role with the facts it
        states (None for any other), marked in the script (see `_BodyPlace`). Read once for each body,
        however often the script sends it."""
        from migcheck.readers import python_script as bodies

        value = body.value
        if isinstance(value, Text):
            text, written, fallback = value.value, value.written, value.mark
        elif isinstance(value, Unknown) and value.shape and automation.HOLE in value.shape:
            text, written, fallback = _with_stand_ins(value.shape, value.written, bodies.UNSTATED)
        else:
            return []
        key = (text, written)
        if key not in self.read_bodies:
            at = fallback or self._written_at(body) or self._at_call(node)
            self.read_bodies[key] = self._read_body(text, _BodyPlace(text, written, self.where, at), node)
        return self.read_bodies[key]

    def _read_body(
        self, text: str, place: _BodyPlace, node: Node
    ) -> list[tuple[object, frozenset[str] | None]]:
        from migcheck.readers import deployment as rest
        from migcheck.readers import netcfg
        from migcheck.readers import python_script as bodies
        from migcheck.readers.xml import Marker, local_name

        root = bodies.body_root(text)
        if root is None:
            return []
        marker = Marker(self.path, text)
        if local_name(root) == "NetworkConfiguration":
            networks = [bodies.remarked(r, place.mark) for r in netcfg.read(root, marker)]
            if bodies.UNSTATED_TEXT in text:
                networks = [bodies.without_unstated_values(r) for r in networks]
            return [(r, None) for r in networks]
        kept = (Role, Deployment, inv.ApplicationGateway, Image, Disk)
        described = [
            r
            for r in rest.read(root, marker)
            if isinstance(r, kept) or bodies.named_group(r, local_name(root))
        ]
        read = [bodies.remarked(r, place.mark) for r in described]
        if bodies.UNSTATED_TEXT in text:
            read = [bodies.without_unstated_values(self._unstated(r, node)) for r in read]
        stated = bodies.stated_facts(root)
        return [(r, stated if isinstance(r, Role) else None) for r in read]

    def _unstated(self, resource: object, node: Node) -> object:
        """A role of a body built with values the script does not state, or a deployment's roles, with
        what those are unknown (as the Python reader reads one): a name a stand-in, where the script sends
        the body; the subnets and availability set the role may be in, and the endpoints and extensions it
        may have more of, unknown."""
        if isinstance(resource, Deployment):
            return replace(resource, roles=tuple(self._unstated_role(r, node) for r in resource.roles))
        return self._unstated_role(resource, node) if isinstance(resource, Role) else resource

    def _unstated_role(self, resource: Role, node: Node) -> Role:
        from migcheck.readers import python_script as bodies

        mark = self._at_call(node)
        return bodies.unstated_role(resource, lambda what: _stand_in(f"{what} name", mark))

    def _dotnet_request(
        self,
        node: Node,
        target: Node | None,
        method: Node | None,
        arguments: Node | None,
        values: list[Value],
    ) -> Value | None:
        """A request sent through .NET (see `_request`): a WebClient's or an HttpClient's method that sends one
        to the URL it is given first (`DownloadString(url)`, `UploadString(url, [method,] body)`,
        `PutAsync(url, content)`, …: `_SENDS`); an `HttpRequestMessage` made with its method and URL
        (`[System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Put, $url)`), which is made
        to be sent; and `[System.Net.WebRequest]::Create(url)` (`HttpWebRequest`, `CreateHttp`), whose method
        is GET until the script sets its `.Method` (see `WebRequest`). What `::Create` outputs for a URL on
        the API's host is that request; None for anything else, whose value the caller works out."""
        if method is None or target is None:
            return None
        name = _text(method).casefold()
        kind = _type_name(target) if target.type == "type_literal" else ""
        given = _arguments(arguments) if arguments is not None else []
        if kind in ("webrequest", "httpwebrequest") and name in ("create", "createhttp", "createdefault"):
            url_at = self._url_at(values, given, 0)
            found = self._request(node, method, "GET", values[0], _WEB_REQUEST, made=True, url_at=url_at)
            return WebRequest(node, method, *found, url_at) if found is not None else None
        if kind == "httprequestmessage" and name == "new" and len(values) >= 2:
            verb = _http_method(values[0], given[0])
            self._request(
                node, method, verb, values[1], "HttpRequestMessage", url_at=self._url_at(values, given, 1)
            )
        elif name in _SENDS and not kind:
            sends = _sends_method(name, values, given)
            self._request(
                node, method, sends, values[0], _text(method), url_at=self._url_at(values, given, 0)
            )
        return None

    def _url_at(self, values: list[Value], given: list[Node], at: int) -> Mark | None:
        """Where the URL a .NET call is given as its argument `at` is written (see `_value_mark`)."""
        node = given[at] if at < len(given) else None
        return _value_mark(values[at], Arg(values[at], node), self.where)

    def _request(
        self,
        node: Node,
        at: Node,
        verb: str | None,
        url: Value,
        how: str,
        made: bool = False,
        url_at: Mark | None = None,
    ) -> tuple[str, str] | None:
        """A request the script sends to the Service Management API itself: to a URL on its host that the
        script states, or builds from strings it knows (a piece it does not state, such as the subscription
        id, may come after the host: see `Unknown.shape`). A classic call, listed by its method and address
        (`PUT management.core.windows.net/<subscription-id>/services/networking/media`), by `how` it is sent
        when the method (`verb`) is not stated; a POST, or one of a method not stated, to a migration path
        (`.../migration?comp=prepare`) runs that step of the platform migration, as the Move-Azure* cmdlets
        do, unless the request is only `made`, to be sent with the method the script sets (see `WebRequest`).
        `url_at`: where the URL is written. (host, path) of the URL; None for a URL that is not on the host."""
        shape = _shape(url)
        found = automation.management_url(shape) if shape is not None else None
        if found is not None:
            self._sent(WebRequest(node, at, *found, url_at), verb, how, made)
        elif isinstance(url, Unknown) and url.may_be_url:  # sent to the API, to a path not decided
            may_be = automation.management_url(url.may_be_url)
            if may_be is not None:
                self._sent(WebRequest(node, at, *may_be, url_at), verb, how, made)
                self._load_not_followed(at, REQUEST_URL_UNDECIDED)
        return found

    def _sent(self, request: WebRequest, verb: str | None, how: str, made: bool = False) -> None:
        """`request`, sent with method `verb` (None: one the script does not state; `how` it is sent then)
        or only `made`: listed among the script's calls, by the first request a call site sends, as a classic
        call site is, or by the method the script sets on a WebRequest it made there; and the migration step
        it runs taken (see `_request`)."""
        mark = self.where.mark(request.at)
        cloud = cloud_of_url(request.host)
        if cloud:
            self.clouds.setdefault((cloud, mark), CloudInUse(cloud, mark))
        name = automation.request_name(verb or how, request.host, request.path)
        if how == _WEB_REQUEST or request.node.start_byte not in self.calls:
            self.calls[request.node.start_byte] = ClassicCall(name, mark)
        step = automation.migration_step(request.path) if not made and verb in (None, "POST") else None
        if step is not None:
            taken = MigrationStep(automation.MIGRATION_API, *step, mark, target_mark=request.url_mark)
            self._take_step(request.node, taken)
        changed = automation.changed_by_request(verb, request.path) if not made else None
        if changed is not None:
            self._change_at(request.node, ClassicCall(name, mark, (changed,)))
        if changed == ("virtual-network", EVERY_NETWORK):  # a body's file is not followed to its name
            self.uploaded_files.setdefault("", None)
        linked = automation.circuit_link(verb, request.path) if not made else None
        if linked is not None:
            self._circuit_request(request, mark, *linked)

    def _circuit_request(self, request: WebRequest, mark: Mark, kind: str, network: str, key: str) -> None:
        """A request that links a network to an ExpressRoute circuit (`kind` "link") or removes the link
        ("unlink"), as New- and Remove-AzureDedicatedCircuitLink do: the same fact about the network's
        gateway, or the same removal of the links this script made to it. A network the path does not
        state is none the reader can name."""
        if automation.HOLE in network or not network.strip():
            return
        if kind == "unlink":
            if self._surely_runs():
                for fact in self.circuit_links.pop(self._in_subscription(_name_key(network)), []):
                    self.gateway_facts.pop((fact, self.working_in), None)
            return
        service_key = "" if automation.HOLE in key else key
        how = automation.CIRCUIT_LINK_REQUEST
        fact = VnetGatewayFact(
            network,
            EXPRESSROUTE,
            how,
            mark,
            service_key=service_key,
            vnet_mark=request.url_mark,
            selected_in=self.selected_name,
        )
        if self._gateway_fact_once(fact):
            self.circuit_links[self._in_subscription(_name_key(network))].append(fact)

    def _import_vm(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Import-AzureVM: the configuration an Export-AzureVM file holds, which the reader does not see: a
        VM configuration as New-AzureVMConfig makes one, whose properties are the file's, so that what the
        script does to it before New-AzureVM (Set-AzureSubnet, Add-AzureEndpoint -ACL, ...) is recorded on
        top of them. When the script states the file's name (see `_upload_file_name`), or the pattern of a
        listing of the folder it is one of (`Get-ChildItem "$PSScriptRoot\\*.xml" | ForEach-Object {
        Import-AzureVM -Path $_.FullName }`), its name carries it, so that the VM New-AzureVM creates from
        it says which file describes it (`Role.imported_from`)."""
        path = args.get("Path")
        listed = _listed_files(path.value) if path is not None and path.certain else ""
        name = listed or self._upload_file_name(path, env)
        file = Unknown(self.snippet(node), ident=(_IMPORTED, name) if name else None)
        exported = self.exported.get(self._exported_path(path) or "") if name else None
        vm = VmObject(self._at_call(node), exported or file, None, imported=True, from_file=name)
        vm.branches = self.creating_on
        return self._new_object(vm, [], env)

    def _export_vm(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Export-AzureVM: the file it writes describes the VM it names (`-Name`, or the one of a Get-AzureVM
        piped to it), so that an Import-AzureVM of the same path in the script is that VM's configuration,
        under its name (see `_import_vm`). Only a path the script states whole, written by an export that
        surely runs; a file of that path the script writes again by other means is not followed."""
        name = _arg_value(args, "Name")
        if isinstance(piped, Vms) and len(piped.ids) == 1 and not args.given("Name"):
            vm = self.vms[next(iter(piped.ids))]
            name = vm.existing[1] if vm.existing is not None and not vm.every else NULL
        where = self._exported_path(args.get("Path"))
        if where is None:
            return NULL
        if isinstance(name, Text) and name.value.strip() and self._surely_runs():
            self.exported[where] = name
        else:
            self.exported.pop(where, None)
        return NULL

    def _exported_path(self, path: Arg | None) -> str | None:
        """The path of an Export-AzureVM file, as the script states it whole, without case; None for one it
        does not state whole, or whose file it may write by a means the reader does not follow."""
        shape = _shape(path.value) if path is not None and path.certain else None
        if not shape or automation.HOLE in shape or self.unnamed_writes:
            return None
        leaf = shape.replace("\\", "/").rstrip("/").rpartition("/")[2].strip()
        return None if leaf.casefold() in self.replaced_files else shape.replace("\\", "/").casefold()

    def _listing(self, node: Node, args: Args, env: Env) -> Value | None:
        """Get-ChildItem of the files of one folder that match a pattern (`"$PSScriptRoot\\*.xml"`, or a
        folder and `-Filter *.xml`): what stands for each of them (a loop over it runs once, for all), when
        the script states the pattern; None for any other listing (of a folder whole, of its subfolders)."""
        if args.switch("Recurse") is not False:
            return None
        given = args.get("Filter")
        pattern = given.text if given is not None and given.certain else ""
        pattern = pattern or self._upload_file_name(args.get("Path") or args.get("LiteralPath"), env)
        if not any(mark in pattern for mark in "*?"):
            return None
        return Unknown(self.snippet(node), ident=(_LISTED, pattern))

    def _circuit_link(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """New-AzureDedicatedCircuitLink: the network it names is connected to ExpressRoute, by the circuit
        whose service key it states (the plan's commands need it)."""
        key = _arg_value(args, "ServiceKey")
        stated = key.value.strip() if isinstance(key, Text) else ""
        ident = key.ident if isinstance(key, Unknown) else None
        created = ident[1] if isinstance(ident, tuple) and ident[:1] == ("circuit",) else ""
        found = ident[1] if isinstance(ident, tuple) and ident[:1] == (_FOUND_CIRCUIT,) else ""
        self._gateway_fact(
            node,
            args,
            EXPRESSROUTE,
            "New-AzureDedicatedCircuitLink",
            service_key=stated,
            created=created,
            found=found,
        )
        return Unknown(self.snippet(node))

    def _get_circuits(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Get-AzureDedicatedCircuit without -ServiceKey: every circuit of the subscription, of which a
        filter on the name picks one (see `_where_circuit`)."""
        if args.given("ServiceKey") is False:
            return EveryCircuit(self.snippet(node))
        return Unknown(self.snippet(node))

    def _new_circuit(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """New-AzureDedicatedCircuit: the circuit it creates, in this subscription, whose `ServiceKey` the
        platform makes up (see `CircuitMade`); a value of no circuit when the script does not state its
        name."""
        name = _arg_value(args, "CircuitName")
        if isinstance(name, Text) and name.value.strip():
            return CircuitMade(name.value.strip())
        return Unknown(self.snippet(node))

    def _circuit_saved(self, node: Node) -> None:
        """Set-AzExpressRouteCircuit (or AzureRM's) after classic operations were allowed on a circuit
        object: the script shows that circuit in Resource Manager, classic operations allowed. The cmdlet
        takes Resource Manager circuits only; the name the reader does not follow is a stand-in."""
        if self.classic_allowed_at is None:
            return
        mark = self._at_call(node)
        self.allowed_circuits.append(NameRef(_stand_in("circuit name", mark), mark))
        self.classic_allowed_at = None

    def _gateway_fact_once(self, fact: VnetGatewayFact) -> bool:
        """Records `fact` in the subscription the script works in unless it is there already
        (`gateway_facts`): whether it is new there."""
        key = (fact, self.working_in)
        new = key not in self.gateway_facts
        self.gateway_facts.setdefault(key, fact)
        return new

    def _circuit_links_made(self) -> list[VnetGatewayFact]:
        """The gateway facts, the one circuit link of a script that allows classic operations on one
        Resource Manager circuit and links one network given that circuit (`circuit_in_resource_manager`):
        a script that does both in one run shows the circuit it links in Resource Manager, whatever key it
        links it by (one it gets from the circuit, or from the classic cmdlets in another subscription)."""
        facts = list(self.gateway_facts.values())
        links = [fact for fact in facts if fact.is_expressroute]
        if len(links) != 1 or len(self.allowed_circuits) != 1:
            return facts
        shown = replace(links[0], circuit_in_resource_manager=self.allowed_circuits[0])
        return [shown if fact is links[0] else fact for fact in facts]

    def _remove_circuit_link(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Remove-AzureDedicatedCircuitLink: the links this script made to the network it names are gone,
        when the removal surely runs (as for `_remove`); one that may not run, or of a network the script
        does not state, removes nothing."""
        vnet = _stated_vnet(args)
        if vnet and self._surely_runs():
            for fact in self.circuit_links.pop(self._in_subscription(_name_key(vnet)), []):
                self.gateway_facts.pop((fact, self.working_in), None)
        return Unknown(self.snippet(node))

    def _remove_gateway(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Remove-AzureVNetGateway: the gateway this script created for the network it names is gone, with
        its connections and circuit links, when the removal surely runs (as for `_remove`); one that may
        not run, or of a network the script does not state, removes nothing. A VPN gateway made beside an
        ExpressRoute one (New-AzureVirtualNetworkGateway) is another gateway, which it leaves."""
        vnet = _stated_vnet(args)
        if vnet and self._surely_runs():
            gone = _name_key(vnet)
            self.circuit_links.pop(self._in_subscription(gone), None)
            for key, fact in list(self.gateway_facts.items()):
                here = (_name_key(fact.vnet), key[1]) == (gone, self.working_in)
                if here and fact.how != "New-AzureVirtualNetworkGateway":
                    self.gateway_facts.pop(key)
        return Unknown(self.snippet(node))

    def _local_gateway(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """`New-AzureLocalNetworkGateway`, `Reset-AzureLocalNetworkGateway`: the on-premises address space
        of the local site of a site-to-site connection beside ExpressRoute, which the coexistence guide
        says no network configuration can hold, as a local network site of its own. Named by `-GatewayName`
        (the reset names it by `-GatewayId`), or by a stand-in; the prefixes the script states are kept."""
        name = _arg_text(args, "GatewayName") or _arg_text(args, "GatewayId")
        mark = self._at_call(node)
        value = _arg_value(args, "AddressSpace")
        items = value.values if isinstance(value, Items) else (value,)
        prefixes = tuple(AddressPrefix(v.value, v.mark or mark) for v in items if isinstance(v, Text))
        site = LocalNetworkSite(
            name or _stand_in("local network gateway name", mark),
            prefixes,
            _arg_text(args, "IpAddress"),
            mark,
            address_space_known=len(prefixes) == len(items),
        )
        self.local_gateways.setdefault(site)
        return Unknown(self.snippet(node))

    def _vpn_gateway(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """New-AzureVirtualNetworkGateway: a site-to-site VPN gateway beside the network's ExpressRoute
        one."""
        self._gateway_fact(node, args, VPN, "New-AzureVirtualNetworkGateway")
        return Unknown(self.snippet(node))

    def _new_gateway(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """New-AzureVNetGateway: the network has a gateway, of the routing type and SKU the call states
        (`-GatewayType`, `-GatewaySKU`). A classic network's one gateway serves ExpressRoute or VPN by what
        is connected to it, which this call does not state (the ExpressRoute documentation creates its
        ExpressRoute gateway with the same call as a VPN gateway is created)."""
        kind, sku = (_arg_value(args, name) for name in ("GatewayType", "GatewaySKU"))
        self._gateway_fact(
            node,
            args,
            GATEWAY,
            "New-AzureVNetGateway",
            gateway_type=kind.value.strip() if isinstance(kind, Text) else "",
            sku=sku.value.strip() if isinstance(sku, Text) else "",
        )
        return Unknown(self.snippet(node))

    def _connect_gateway(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Set-AzureVNetGateway -Connect: the network's gateway connects to a local site by VPN, and the
        connection the script may have disconnected is up again. With `-Disconnect`, the connection is
        down until a connection of the same network and site follows (see `LinkState`). With a switch the
        reader cannot tell, it states nothing."""
        connects, disconnects = args.switch("Connect"), args.switch("Disconnect")
        if connects is True and disconnects is False:
            site = _arg_value(args, "LocalNetworkSiteName")
            shown = site.value if isinstance(site, Text) else ""
            self._gateway_fact(node, args, VPN, "Set-AzureVNetGateway -Connect", shown)
            self._reconnect(args, env)
        elif disconnects is True and connects is False:
            self._disconnect(node, args, env)
        return Unknown(self.snippet(node))

    def _gateway_key(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Set-AzureVNetGatewayKey: a pre-shared key exists only for an IPsec connection of the network's
        gateway to a local network site, so the gateway is a VPN gateway with a site-to-site connection to
        that site, as Set-AzureVNetGateway -Connect states. Setting the key connects nothing: a connection
        the script disconnected stays down."""
        site = _arg_value(args, "LocalNetworkSiteName")
        shown = site.value if isinstance(site, Text) else ""
        self._gateway_fact(node, args, VPN, automation.SHARED_KEY_CMDLET, shown)
        return Unknown(self.snippet(node))

    def _disconnect(self, node: Node, args: Args, env: Env) -> None:
        """Set-AzureVNetGateway -Disconnect of a network and site the script states, or passes as values it
        does not state but a later call may pass again (a parameter, a loop's item): the connection is down
        from here on every path, until a connection of the same network and site."""
        network, site = _link_parts(args)
        mark = self._at_call(node)
        shown_network, shown_site = (  # as the script states them, else stand-ins
            _shown(_arg_value(args, name), what, self._written_at(args.get(name)) or mark)
            for name, what in (("VNetName", "network name"), ("LocalNetworkSiteName", "local site name"))
        )
        named_at = self._name_at(args, "VNetName")
        made = ConnectionState(shown_site, "NotConnected", mark, shown_network, network_mark=named_at)
        self._link_down(made, network, site, env)

    def _link_down(self, made: ConnectionState, network: str | None, site: str | None, env: Env) -> None:
        """The connection `made` (of the `network` and `site` a gateway connection's key holds, see
        `_named_by`) is down from here on every path, until a connection of the same network and site. One
        whose network or site the reader cannot name is not followed."""
        if network is None or site is None:
            return
        index = self.disconnects.setdefault(made, len(self.disconnects))
        key = _link_key(network, site)
        self.link_keys.setdefault(key, (network, site))
        env.vars[key] = LinkState(frozenset({index}), everywhere=True)

    def _reconnect(self, args: Args, env: Env) -> None:
        """After Set-AzureVNetGateway -Connect: the connection of the network and site it names is up."""
        self._link_up(*_link_parts(args), env)

    def _link_up(self, network: str | None, site: str | None, env: Env) -> None:
        """The connection of `network` and `site` is up (see `_link_down`). One whose network or site the
        reader cannot name may be any the script disconnected on the network or site it does name: those
        may be up, so are no longer down on every path."""
        if network is not None and site is not None:
            env.vars[_link_key(network, site)] = _CONNECTED
            return
        for held, (held_network, held_site) in self.link_keys.items():
            state = env.lookup(held)
            if isinstance(state, LinkState) and network in (None, held_network) and site in (None, held_site):
                env.vars[held] = LinkState(state.down, everywhere=False)

    def _left_down(self, env: Env, surely: bool) -> None:
        """Where a path ends (the script's end, an `exit`, the end of a function read once): the
        disconnections it leaves down, and on every path when the state says so and the code `surely`
        runs whenever the script does."""
        for key in self.link_keys:
            state = env.lookup(key)
            if not isinstance(state, LinkState):
                continue
            for index in state.down:
                self.left_down[index] = self.left_down.get(index, False) or (state.everywhere and surely)

    def _returning(self, env: Env) -> None:
        """At a `return`: the state of each gateway connection on the path it ends, kept for where the code
        it leaves ends (see `_landing`). A `return` of the script itself ends it (see `_left_down`)."""
        if not self.returned_links:
            return
        returned = self.returned_links[-1]
        for key in self.link_keys:
            state = env.lookup(key)
            if isinstance(state, LinkState):
                returned[key] = _join_links(returned[key], state) if key in returned else state

    @contextlib.contextmanager
    def _landing(self, env: Env) -> Iterator[None]:
        """Run code a `return` leaves (a function, a script block, …) in `env`: where it ends, the paths its
        `return`s ended meet the one that went on, so that a connection a function disconnects and returns
        before connecting again is down after the call on those paths (`Set-AzureVNetGateway -Disconnect …;
        if ($failed) { return }; Set-AzureVNetGateway -Connect …`)."""
        returned: dict[str, LinkState] = {}
        self.returned_links.append(returned)
        try:
            yield
        finally:
            self.returned_links.pop()
        for key, state in returned.items():
            env.vars[key] = _join_links(env.lookup(key), state)

    def _disconnected(self) -> list[ConnectionState]:
        """The connections the script leaves disconnected on some path, at the call that disconnects each."""
        return [
            replace(made, every_path=self.left_down[index])
            for made, index in self.disconnects.items()
            if index in self.left_down
        ]

    def _gateway_fact(
        self,
        node: Node,
        args: Args,
        side: str,
        how: str,
        local_site: str = "",
        service_key: str = "",
        *,
        gateway_type: str = "",
        sku: str = "",
        created: str = "",
        found: str = "",
    ) -> None:
        """Record what a call says of the gateway of the network it names: by the name the script states,
        else, for New-AzureVNetGateway, by the stand-in a deployment given the same value is in (one of its
        own otherwise: see `_unstated_network`), so that the two are one network, and for a connection, by
        the stand-in the same value already gives. A circuit link to a network the script does not state
        states nothing: Remove-AzureDedicatedCircuitLink cannot be matched with it."""
        mark = self._at_call(node)
        vnet = _stated_vnet(args)
        if not vnet and side in (GATEWAY, VPN) and how != "New-AzureVirtualNetworkGateway":
            vnet = self._unstated_gateway_network(args, mark, new=side == GATEWAY)
        if not vnet:
            return
        fact = VnetGatewayFact(
            vnet,
            side,
            how,
            mark,
            local_site,
            service_key,
            gateway_type=gateway_type,
            sku=sku,
            vnet_mark=self._name_at(args, "VNetName"),
            created_circuit=created,
            found_circuit=found,
            networks_of=_file_of_network_name(_arg_value(args, "VNetName")),
            selected_in=self.selected_name,
        )
        if self._gateway_fact_once(fact) and fact.is_expressroute:
            self.circuit_links[self._in_subscription(_name_key(vnet))].append(fact)

    def _unstated_gateway_network(self, args: Args, at: Mark, new: bool) -> str:
        """The stand-in for the network a gateway call passes by a value the script does not state
        (`New-AzureVNetGateway -VNetName $name`), a `new` one when no call gave the value one before, or the
        network of a configuration the script uploads that the value names (see `_uploaded_network`); ""
        when it passes none or a string it states blank, and for a parameter of a script block that no run
        binds (see `Block`): the script passes that network where it runs the block, and it may be one the
        files define, so it is no network of its own to migrate."""
        arg = args.get("VNetName")
        if arg is None or not isinstance(arg.value, Unknown) or arg.value.ident in self.unbound:
            return ""
        file = _file_of_network_name(arg.value)
        if file:
            return self._each_network_of(file, at).name
        uploaded = self._uploaded_network(arg.value)
        if uploaded:
            return uploaded
        if not new and ("ident", arg.value.ident) not in self.unstated_networks:
            return ""
        return self._unstated_network(arg, at).name

    # --- what the script creates or registers outside any deployment ---------------------------------

    def _at_call(self, node: Node) -> Mark:
        """Where a call is written: at its command's name (after the call operator of `& New-AzureVM`, as
        for the same call without it): every finding about what the call does is shown there."""
        return self.where.mark(node.child_by_field_name("command_name") or node)

    def _storage_account(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """New-AzureStorageAccount: the type of the account it creates (`StorageAccountType`), under the
        name the script states, or a stand-in for one it does not (see `_unstated_account`): `-Type` as stated, Standard_GRS without it (the cmdlet's
        default). The last type a script surely gives an account is its type, and a call that surely runs
        with a type the script does not state leaves the type unknown. One that may not run (a branch the
        reader cannot decide, `if (!(Test-AzureName …))`, a loop) gives it a type too, unless another call
        may give it another (see `_storage_account_types`). Set-AzureStorageAccount
        is not read: its `-Type` cannot change an account to or from Premium_LRS (the cmdlet reference),
        the one type the link stage reads."""
        name = _stated_name(args, "StorageAccountName") or self._unstated_account(args, node)
        given = _arg_value(args, "Type")
        kind = (
            given.value if isinstance(given, Text) else "Standard_GRS" if args.given("Type") is False else ""
        )
        if not name:
            return Unknown(self.snippet(node))
        at = self._at_call(node)
        record = (
            StorageAccountType(name, kind.strip(), at, self.reading_once, self.selected_name)
            if kind.strip()
            else None
        )
        self.storage_selections.setdefault(_name_key(name), self.selection)
        if self._surely_runs():
            self.storage_types[_name_key(name)] = record
            self.maybe_storage_types.pop(_name_key(name), None)
        else:
            self.maybe_storage_types.setdefault(_name_key(name), []).append(record)
        return Unknown(self.snippet(node))

    def _unstated_account(self, args: Args, node: Node) -> str:
        """The stand-in for an account a call creates under a name the script does not state (see
        `_account_stand_in`), "" when it passes none."""
        arg = args.get("StorageAccountName")
        if not self._names_unstated(arg) or arg is None or not isinstance(arg.value, Unknown):
            return ""
        shape = arg.value.shape or automation.HOLE
        return self._account_stand_in(
            _identity(arg.value), shape, self._written_at(arg) or self._at_call(node)
        )

    def _storage_account_types(self) -> list[StorageAccountType]:
        """The type of each storage account the script creates: the one the calls that may give it one
        give (the last that surely runs, and those that may not run after it), when they give but one
        (`if (!(Test-AzureName -Storage x)) { New-AzureStorageAccount x -Type Premium_LRS }` creates it
        Premium); none when they give two, or one the script does not state (Premium_LRS on one branch,
        Standard_LRS on the other)."""
        found = dict(self.storage_types)
        for account, maybe in self.maybe_storage_types.items():
            given = [*([found[account]] if account in found else []), *maybe]
            types = {record.account_type.casefold() if record is not None else None for record in given}
            found[account] = given[0] if len(types) == 1 else None
        return [record for record in found.values() if record is not None]

    def _remove_storage_account(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Remove-AzureStorageAccount: the account the script created under that name is gone, and so is
        its type, when the removal surely runs (as for `_remove`): one created again has the type it is
        created with."""
        name = _stated_name(args, "StorageAccountName")
        created_in = self.storage_selections.get(_name_key(name), 0) if name else 0
        if name and self._surely_runs() and created_in == self.selection:
            self.storage_types.pop(_name_key(name), None)
            self.maybe_storage_types.pop(_name_key(name), None)
        return Unknown(self.snippet(node))

    def _set_subscription(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Set-AzureSubscription -CurrentStorageAccountName: the subscription's current storage account from
        here on this path (see `CurrentAccount`); one the script does not state, or passes on some paths
        only (a splatted table it cannot see), leaves it unknown. A call that sets no account leaves it. It
        selects no subscription: it sets the properties of the one it names, which Select-AzureSubscription
        makes the one the script works in."""
        given = args.given("CurrentStorageAccountName")
        if given is False:
            return NULL
        arg = args.get("CurrentStorageAccountName")
        account = arg.value if given and arg is not None else Unknown("")
        named = _named_by(_arg_value(args, "SubscriptionName"))
        env.vars[_CURRENT_ACCOUNT] = CurrentAccount(
            named, account, self._written_at(arg) or self._at_call(node)
        )
        return NULL

    def _select_subscription(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Select-AzureSubscription: a subscription chosen after the current storage account was set keeps
        it only when it is the one that account was set for, named alike (`Set-AzureSubscription -Subscription
        Name $s …; Select-AzureSubscription -SubscriptionName $s`); any other may have another account."""
        self._selected_subscription(node, args)
        held = env.lookup(_CURRENT_ACCOUNT)
        if held is None:
            return NULL
        named = _named_by(_arg_value(args, "SubscriptionName"))
        if not isinstance(held, CurrentAccount) or named is None or named != held.subscription:
            env.vars[_CURRENT_ACCOUNT] = Unknown("")
        return NULL

    def _sign_in(self, node: Node, args: Args) -> None:
        """A sign-in to the cloud `-Environment` names (`Add-AzureAccount -Environment AzureChinaCloud`): the
        script works in that cloud from here on (`CloudInUse`)."""
        arg = args.get("Environment")
        self._cloud_at(cloud_of_environment(_stated_or_default(arg)), arg, node)

    def _cloud_at(self, cloud: str, arg: Arg | None, node: Node) -> None:
        if cloud:
            at = self._written_at(arg) or self._at_call(node)
            self.clouds.setdefault((cloud, at), CloudInUse(cloud, at))

    def _selected_subscription(self, node: Node, args: Args) -> None:
        """Select-AzureSubscription: the subscription the script works in from here on, where
        `-SubscriptionId` states a well-formed id on every path to the call, or `-SubscriptionName` a name
        (`SubscriptionSelection`): once at each call. A parameter's default (`param($SubscriptionName =
        "Contoso Prod")`) is the one the script selects as written, a caller may pass another. One by a
        value the script does not state, or states differently by path (a default an `if` may reassign),
        or leaves to fill in, selects a subscription the files do not name (`UNSTATED_SUBSCRIPTION`)."""
        by_id, by_name = args.get("SubscriptionId"), args.get("SubscriptionName")
        guid = subscription_guid(_stated_or_default(by_id))
        arg = by_id if guid else by_name
        called = "" if guid else _stated_or_default(by_name)
        if not guid and (not called or is_placeholder_subscription(called)) and (by_id or by_name):
            arg = by_name or by_id
            called = UNSTATED_SUBSCRIPTION  # not stated, or left to fill in: some other subscription
        if guid or called:
            at = self._written_at(arg) or self._at_call(node)
            self.subscriptions.setdefault((guid or called, at), SubscriptionSelection(guid, at, called))
            selected = (guid or called).casefold()  # names in any case are one subscription
            self.selected_name = guid or called
            self.first_selected = selected if self.first_selected is None else self.first_selected
            self.working_in = "" if selected == self.first_selected else selected

    def _in_subscription(self, key: object) -> object:
        """The key of a cloud service (its deployment) named by `key` in the subscription the script works
        in here: a script that selects another subscription and creates a service of the same name there
        creates another service, which the split by subscription sets apart."""
        return None if key is None else (key, self.working_in)

    def _works_in(self, selected_in: str) -> bool:
        """Whether a record made where the script had selected `selected_in` (`ReservedIp.selected_in`) is
        of the subscription the script works in here, as `_in_subscription` tells them apart."""
        selected = selected_in.casefold()
        return ("" if selected == self.first_selected else selected) == self.working_in

    def _current_account(self, env: Env) -> str:
        """The storage account the subscription surely has as its current one here (see `CurrentAccount`):
        as the script states it, or a stand-in for the one value it does not state (`-CurrentStorageAccountName
        $StorageAccountName`, see `_account_stand_in`); "" otherwise."""
        held = env.lookup(_CURRENT_ACCOUNT)
        account = held.account if isinstance(held, CurrentAccount) else None
        if isinstance(held, CurrentAccount) and isinstance(account, Unknown) and account.ident is not None:
            return self._account_stand_in(
                account.ident, account.shape or automation.HOLE, held.at or Mark("", 0)
            )
        return account.value.strip() if isinstance(account, Text) and account.sure else ""

    def _add_disk(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Add-AzureDisk: a disk the script registers in the subscription's disk repository, named as the
        script states it, listed on its own as a REST `Disk` body lists one: a VM given it by name in any
        file checked is attached to it (the link stage joins them), else it is attached to none (MIG402)."""
        name, key = _stated_name(args, "DiskName"), ""
        if name:
            key = _name_key(name)
        elif self._names_unstated(args.get("DiskName")) or _blank(args.get("DiskName")):
            # Still a disk: shown by a stand-in where its name is passed (see `_stand_in`), which no
            # platform name matches, as the Python reader shows a body's unstated disk name; a blank left
            # to fill in (`$d = ""`) is a name the script does not state, as for an image.
            named = args.get("DiskName")
            name = key = _stand_in("disk name", self._written_at(named) or self._at_call(node))
            ident = _ident_of(named)
            self.unstated_disks.setdefault(key if ident is None else ident, key)
        if key:
            link = args.get("MediaLocation")
            media = (
                link.value.value if link is not None and link.certain and isinstance(link.value, Text) else ""
            )
            blob = _value_mark(link.value, link, self.where) if media and link is not None else None
            account = self._blob_account_stand_in(link, self._at_call(node)) if link is not None else ""
            disk = Disk(
                name,
                media,
                "",
                "",
                self._at_call(node),
                media_link_mark=blob,
                account=account,
                read_once_in=self.reading_once,
            )
            self.registered.setdefault(key, disk)
        return Unknown(self.snippet(node))

    @staticmethod
    def _names_unstated(arg: Arg | None) -> bool:
        """Whether a name is passed that the script does not state (a parameter, a value it reads): not
        one it states, blank or $null."""
        return arg is not None and not isinstance(arg.value, (Text, Null)) and not _stated_null(arg.value)

    def _add_image(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Add-AzureVMImage (an OS image from a VHD blob, or a VM image from disk configurations) and
        Save-AzureVMImage (an image captured from a VM): an image of the script's own in the subscription's
        image repository, named as the script states it, listed on its own as a REST `OSImage` body lists
        one (MIG402)."""
        name, key = _stated_name(args, "ImageName"), ""
        if name:
            key = _name_key(name)
        elif self._names_unstated(args.get("ImageName")) or _blank(args.get("ImageName")):
            # Still an image: shown by a stand-in where its name is passed (see `_stand_in`), as a disk is
            # (`Save-AzureVMImage -ImageName $imagename`, the name a parameter or a blank left to fill).
            named = args.get("ImageName")
            name = key = _stand_in("image name", self._written_at(named) or self._at_call(node))
            ident = _ident_of(named)
            self.unstated_images.setdefault(key if ident is None else ident, key)
        if key:
            link = _arg_value(args, "MediaLocation")
            media = link.value if isinstance(link, Text) else ""
            blob = args.get("MediaLocation")
            account = self._blob_account_stand_in(blob, self._at_call(node)) if blob is not None else ""
            image = Image(name, media, self._at_call(node), account=account, read_once_in=self.reading_once)
            self.images.setdefault(key, image)
        return Unknown(self.snippet(node))

    def _unregister(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Remove-AzureDisk, Remove-AzureVMImage: the disk or image the script registered under that name
        is gone, when the removal surely runs (as for `_remove`)."""
        disk = _command_name(node).casefold() == "remove-azuredisk"
        name = _stated_name(args, "DiskName" if disk else "ImageName")
        ident = _ident_of(args.get("DiskName" if disk else "ImageName")) if not name else None
        unstated = (
            (self.unstated_disks if disk else self.unstated_images).get(ident) if ident is not None else None
        )
        if unstated is not None and self._surely_runs():  # the disk or image it registered by that value
            (self.registered if disk else self.images).pop(unstated, None)
        elif name and self._surely_runs() and disk:
            self.registered.pop(_name_key(name), None)
        elif name and self._surely_runs():
            self.images.pop(_name_key(name), None)
        return Unknown(self.snippet(node))

    def _application_gateway(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """New-AzureApplicationGateway: a classic Application Gateway in the virtual network and subnets it
        names, as `Get-AzureApplicationGateway` output states one (MIG312), at the call. A name the script
        does not state is shown as a stand-in; subnets it does not state are not listed."""
        mark = self._at_call(node)
        name = _shown(
            _arg_value(args, "Name"), "Application Gateway name", self._written_at(args.get("Name")) or mark
        )
        vnet = _shown(
            _arg_value(args, "VnetName"),
            "virtual network name",
            self._written_at(args.get("VnetName")) or mark,
        )
        found, _ = texts(_arg_value(args, "Subnets"))
        named = {
            t.value: _value_mark(t, args.get("Subnets"), self.where) or mark for t in found if t.value.strip()
        }
        self.application_gateways[_name_key(name)] = inv.ApplicationGateway(
            name,
            vnet,
            mark,
            subnets=tuple(named),
            vnet_mark=self._name_at(args, "VnetName"),
            subnet_marks=tuple(named.values()),
        )
        return Unknown(self.snippet(node))

    def _remove_application_gateway(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Remove-AzureApplicationGateway: the gateway the script created under that name is gone, when the
        removal surely runs (as for `_remove`)."""
        name = _stated_name(args, "Name")
        if name and self._surely_runs():
            self.application_gateways.pop(_name_key(name), None)
        return Unknown(self.snippet(node))

    def _new_network_resource(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """New-AzureNetworkSecurityGroup, New-AzureRouteTable: a resource of its own, named as the script
        states it, at the call; one named by a value the script does not state is named by a stand-in, the
        same for every call given that value (see `_network_resource_name`)."""
        group = _command_name(node).casefold() == "new-azurenetworksecuritygroup"
        name = _stated_name(args, "Name") or self._unstated_network_resource(node, args, group)
        if name:
            mark = self._at_call(node)
            if group:
                self.security_groups.setdefault(_name_key(name), NetworkSecurityGroup(name, mark))
            else:
                self.route_tables.setdefault(_name_key(name), RouteTable(name, mark))
        return NetworkResource(name, group) if name else Unknown(self.snippet(node))

    def _unstated_network_resource(self, node: Node, args: Args, group: bool) -> str:
        """The stand-in for a network security group (`group`) or route table a call creates under a name
        the script does not state (`-Name $NsgName`), named where the call passes it: one for every call
        given the same value (see `Unknown.ident`), as for a storage account; "" when the call passes no
        such value."""
        arg = args.get("Name")
        if arg is None or not arg.certain or not isinstance(arg.value, Unknown):
            return ""
        at = self._written_at(arg) or self._at_call(node)
        ident = arg.value.ident
        key = (group, ident) if ident is not None else (group, "at", at.line, at.column)
        what = "network security group name" if group else "route table name"
        return self.unstated_network_resources.setdefault(key, _stand_in(what, at, column=True))

    def _unresolved_link(self, group: bool) -> str:
        """An association of a network security group (`group`) or route table the reader cannot name: any
        the script creates under a name it does not state may be the one associated, so none of them is
        listed as unattached (see `resources`). ""."""
        self.unresolved_links.add(group)
        return ""

    def _listed_network_resource(self, name: str, group: bool) -> bool:
        """Whether a network security group (`group`) or route table the script creates is listed: not one
        created under a name it does not state when it associates one it cannot name (see
        `_unresolved_link`)."""
        return not (is_stand_in(name) and group in self.unresolved_links)

    def _network_resource_name(self, args: Args, parameter: str, group: bool) -> str:
        """The name a call gives a network security group (`group`) or route table: as the script states
        it, else the stand-in of the value the script created one under (see `_unstated_network_resource`);
        "" for any other."""
        name = _stated_name(args, parameter)
        arg = args.get(parameter)
        if name or arg is None or not arg.certain or not isinstance(arg.value, Unknown):
            return name
        return self.unstated_network_resources.get((group, arg.value.ident), "")

    def _get_network_resource(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Get-AzureNetworkSecurityGroup, Get-AzureRouteTable: the group or table of the name the script
        states, or of the value it created one under, for the association it may be piped to."""
        group = _command_name(node).casefold() == "get-azurenetworksecuritygroup"
        name = self._network_resource_name(args, "Name", group)
        return NetworkResource(name, group) if name else Unknown(self.snippet(node))

    def _remove_network_resource(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Remove-AzureNetworkSecurityGroup, Remove-AzureRouteTable: the one the script created under that
        name is gone when the removal surely runs (as for `_remove`), unless the script associates it with
        a subnet: the platform refuses to remove a route table a subnet uses."""
        group = _command_name(node).casefold() == "remove-azurenetworksecuritygroup"
        name = self._network_resource_name(args, "Name", group)
        if not name or not self._surely_runs():
            return Unknown(self.snippet(node))
        created: dict[str, Any] = self.security_groups if group else self.route_tables
        links: dict[tuple[str, str], Any] = self.subnet_groups if group else self.subnet_tables
        if not any(_name_key(link.name) == _name_key(name) for link in links.values()):
            created.pop(_name_key(name), None)
        return Unknown(self.snippet(node))

    def _to_subnet(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Set-AzureNetworkSecurityGroupToSubnet (and Set-AzureNetworkSecurityGroupAssociation of a subnet),
        Set-AzureSubnetRouteTable: the subnet uses the group or table from then on, in place of any before,
        when the script states every name. Recorded when the call may run, as what the script creates is
        (after an early `return` on some path, both the group and its association may be made): a group
        the script associates is not called unattached. The association is recorded on its own
        (`NetworkSecurityGroup.subnet`, `RouteTable.subnet`) for the linker to give the subnet of that
        network, whichever file defines it. One set on a VM is read as `_vm_association` reads it; one set on
        a role is not read."""
        if _of_vm_or_role(args) and args.given("VM") is not False and _names_group(node):
            return self._vm_association(node, args, env)
        if _of_vm_or_role(args):
            self._on_vm(self._network_resource_name(args, "Name", True) or self._unresolved_link(True), None)
            return self._classic_unread(node, args)
        group = _command_name(node).casefold() != "set-azuresubnetroutetable"
        name = self._network_resource_name(args, "Name" if group else "RouteTableName", group)
        if not name and isinstance(piped, NetworkResource) and piped.security_group == group:
            name = piped.name  # the group or table piped in (`Get-AzureNetworkSecurityGroup -Name g | ...`)
        if not name:
            self._unresolved_link(group)
        vnet, subnet = _stated_name(args, "VirtualNetworkName"), _stated_name(args, "SubnetName")
        if not (name and vnet and subnet):
            return Unknown(self.snippet(node))
        at, mark = (_name_key(vnet), _name_key(subnet)), self._at_call(node)
        names_at = {
            "network_mark": self._name_at(args, "VirtualNetworkName"),
            "subnet_mark": self._name_at(args, "SubnetName"),
        }
        if group:
            self.subnet_groups[at] = NetworkSecurityGroup(
                name, mark, virtual_network=vnet, subnet=subnet, **names_at
            )
        else:
            self.subnet_tables[at] = RouteTable(name, mark, virtual_network=vnet, subnet=subnet, **names_at)
        return Unknown(self.snippet(node))

    def _vm_association(self, node: Node, args: Args, env: Env) -> Value:
        """Set-AzureNetworkSecurityGroupAssociation -Name g -VM $vm -ServiceName svc: the group is set on the
        VM there and then, as Set-AzureNetworkSecurityGroupConfig then Update-AzureVM set it, so the VM's
        role in that service has it (the migration clones it with the VM). Given a VM the reader does not
        follow, the group is not read as unattached, and the VM's change is not read."""
        name = self._network_resource_name(args, "Name", True)
        self._on_vm(name or self._unresolved_link(True), self._vm_input(args, None))
        if not isinstance(self._vm_input(args, None), Vms):
            return self._classic_unread(node, args)
        at = self._written_at(args.get("Name")) or self._at_call(node)
        group = NameRef(name, at) if name else None
        self._vm_event("security_group", node, args, None, env, group=group, removed=False)
        on = {key: arg for key, arg in args.bound.items() if key in ("VM", "ServiceName")}
        self._update_vm(node, Args(on, args.opaque, args.values), None, env)
        return Unknown(self.snippet(node))

    def _vm_association_removed(self, node: Node, args: Args, env: Env) -> Value:
        """Remove-AzureNetworkSecurityGroupAssociation -Name g -VM $vm -ServiceName svc: the group is taken off
        the VM there and then, as Remove-AzureNetworkSecurityGroupConfig then Update-AzureVM take it off (see
        `_off_vm`). Given a VM the reader does not follow, the VM's change is not read."""
        vm = self._vm_input(args, None)
        self._off_vm(self._network_resource_name(args, "Name", True), vm)
        if not isinstance(vm, Vms):
            return self._classic_unread(node, args)
        self._vm_event("security_group", node, args, None, env, group=None, removed=True)
        on = {key: arg for key, arg in args.bound.items() if key in ("VM", "ServiceName")}
        self._update_vm(node, Args(on, args.opaque, args.values), None, env)
        return Unknown(self.snippet(node))

    def _from_subnet(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Remove-AzureNetworkSecurityGroupFromSubnet (and Remove-AzureNetworkSecurityGroupAssociation of a
        subnet), Remove-AzureSubnetRouteTable: the subnet the script associated a group or table with uses
        none from then on, when the removal surely runs. Remove-AzureNetworkSecurityGroupAssociation of a VM
        is read as `_vm_association_removed` reads it; of a role, it is not read."""
        if _of_vm_or_role(args) and args.given("VM") is not False and _names_association(node):
            return self._vm_association_removed(node, args, env)
        if _of_vm_or_role(args):
            return self._classic_unread(node, args)
        vnet, subnet = _stated_name(args, "VirtualNetworkName"), _stated_name(args, "SubnetName")
        if vnet and subnet and self._surely_runs():
            links: dict[tuple[str, str], Any] = (
                self.subnet_tables
                if _command_name(node).casefold() == "remove-azuresubnetroutetable"
                else self.subnet_groups
            )
            links.pop((_name_key(vnet), _name_key(subnet)), None)
        return Unknown(self.snippet(node))

    def _security_rule(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Set-AzureNetworkSecurityRule: the rule of that name in the group piped in or given as
        `-NetworkSecurityGroup` (what Get-/New-AzureNetworkSecurityGroup output), in place of any the
        script set before under that name; each value as stated, None for one the script passes but does
        not state (see `SecurityRule`). Recorded when the call may run, as a group's association is: one
        that may not run may be there or not, as the rule it would replace (`SecurityRule.runs`). A rule
        of a group or by a name the script does not state is not recorded."""
        group, name = self._rule_group(args, piped), _stated_name(args, "Name")
        if group and name:
            values = {
                field_name: _rule_value(_arg_value(args, parameter))
                for field_name, parameter in SECURITY_RULE_VALUES.items()
            }
            rule = SecurityRule(group, name, self._at_call(node), **values, runs=self._runs_surely_or_maybe())
            key = (_name_key(group), _name_key(name))
            self.security_rules[key] = rules_after(self.security_rules.get(key, []), rule)
        return Unknown(self.snippet(node))

    def _security_rule_removed(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Remove-AzureNetworkSecurityRule: the rule the script set under that name is gone, when the
        removal surely runs; one that may not run leaves it a rule that may not be there."""
        group, name = self._rule_group(args, piped), _stated_name(args, "Name")
        key = (_name_key(group), _name_key(name))
        if not group or not name or key not in self.security_rules:
            pass
        elif self._surely_runs():
            del self.security_rules[key]
        else:
            self.security_rules[key] = [replace(rule, runs=MAYBE_RUNS) for rule in self.security_rules[key]]
        return Unknown(self.snippet(node))

    def _runs_surely_or_maybe(self) -> str:
        """ "" when the statement being run surely runs (see `_surely_runs`), MAYBE_RUNS otherwise."""
        return "" if self._surely_runs() else MAYBE_RUNS

    def _rule_group(self, args: Args, piped: Value | None) -> str:
        """The name of the group a rule cmdlet changes: given as `-NetworkSecurityGroup`, else piped in."""
        for value in (_arg_value(args, "NetworkSecurityGroup"), piped):
            if isinstance(value, NetworkResource) and value.security_group:
                return value.name
        return ""

    def _vm_group(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Set-AzureNetworkSecurityGroupConfig: the group is set on the VM configuration it passes on
        (`Role.security_group`), by the name the script states; one it does not state changes nothing the
        reader records."""
        name = self._network_resource_name(args, "NetworkSecurityGroupName", True)
        self._on_vm(name or self._unresolved_link(True), self._vm_input(args, piped))
        at = self._written_at(args.get("NetworkSecurityGroupName")) or self._at_call(node)
        group = NameRef(name, at) if name else None
        return self._vm_event("security_group", node, args, piped, env, group=group, removed=False)

    def _vm_group_removed(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Remove-AzureNetworkSecurityGroupConfig: the VM configuration it passes on has no group."""
        self._off_vm(
            self._network_resource_name(args, "NetworkSecurityGroupName", True), self._vm_input(args, piped)
        )
        return self._vm_event("security_group", node, args, piped, env, group=None, removed=True)

    def _on_vm(self, name: str, vm: Value | None) -> None:
        """A network security group the script sets on a VM or role (`vm`: the VM configuration given, None
        for a role), whether or not the call runs: the migration clones it with the VM (deep dive), so one
        the script creates is no resource to move on its own, and is not listed (see `resources`) while a
        VM may use it. One another file creates is not matched."""
        if name:
            self.vm_groups.setdefault(_name_key(name), set()).add(self._vm_identity(vm))

    def _off_vm(self, name: str, vm: Value) -> None:
        """A network security group the script surely takes off a VM it can tell apart (see `_vm_identity`):
        that VM no longer uses it, so once no VM (and no subnet) does, one the script creates is unattached,
        a resource of its own again. A group the call does not name is taken off that VM whichever it is."""
        identity = self._vm_identity(vm)
        if not identity or not self._surely_runs():
            return
        for group, users in self.vm_groups.items():
            if not name or group == _name_key(name):
                users.discard(identity)

    def _vm_identity(self, vm: Value | None) -> str:
        """Which one VM a configuration is, to tell a group set on it from one taken off it: an existing VM
        by its cloud service and name as the script states them (each Get-AzureVM of it gives the same), one
        the script makes by its configuration; "" for any other (a role, several VMs, one the script does
        not name), whose group is never taken off."""
        if not isinstance(vm, Vms) or len(vm.ids) != 1:
            return ""
        obj = self.vms[next(iter(vm.ids))]
        if obj.existing is None:
            return obj.key
        service, name = obj.existing
        if obj.every or obj.by_name or not isinstance(service, Text) or not isinstance(name, Text):
            return ""
        return f"{_name_key(service.value)}\0{_name_key(name.value)}"

    def _classic_unread(self, node: Node, args: Args) -> Value:
        """A classic call whose effect is not read: what it is given may change (see `_classic`)."""
        self.escape_all(args)
        return Unknown(self.snippet(node))

    def _maybe_vips(self) -> list[ReservedIp]:
        """The reserved IPs the script creates, each with the deployment whose VIP it may be
        (`ReservedIp.maybe_service`): one that calls that may not run give it or take off it
        (`DeploymentDraft.maybe_reserved`), while whether its VIP is reserved is not known at the end. Not
        one the script surely gives a deployment, nor one it reserves for a service it does not describe."""
        return with_maybe_vips(self._reserved_ips(), self.deployments.values())

    def _reserved_ips(self) -> list[ReservedIp]:
        """The reserved IPs the script creates: under the names it states, and under those it does not that
        no deployment of the script's is given (one that is, is its reserved IP: see
        `_reserved_by_unstated_name`)."""
        unstated = [ip for key, ip in self.reserved_names.items() if key not in self.taken_reservations]
        return [*self.reserved_ips, *unstated]

    def _removals(self) -> list[object]:
        """What the script surely removes from what other files may describe, for the linker to take off
        them: the reserved IPs it takes off cloud services (`ReservedIp.released_from`), the VMs it deletes
        (a `Role.deleted` change in a deployment of their service; of a service it does not state, for
        each VM of the name, those it deletes by name alone: `Deployment.every_vm_of_name`) and the cloud services it deletes
        (`Deployment.deleted`). Not what it creates again afterwards: a VM or service it describes at the
        end, a reserved IP it associates again with the service."""
        found: list[object] = []
        # By the name of the service, whichever subscription the script created it in (see `_in_subscription`).
        named = {
            key[0][1]: draft
            for key, draft in self.deployments.items()
            if isinstance(key, tuple) and key[0][0] == "service"
        }
        for (_, name), released in self.released.items():
            draft = named.get(released.released_from.casefold())
            held = draft.reserved_ip if draft is not None else None
            if held is None or _name_key(held.name) != name:
                found.append(released)
        deleted: dict[str, list[Role]] = {}
        for written, role in self.deleted_vms.values():
            draft = named.get(written.casefold())
            if draft is None or _role_key(Text(role.name)) not in draft.roles:
                deleted.setdefault(written, []).append(role)
        for written, roles in deleted.items():
            found.append(Deployment(written, written, "", tuple(roles), (), None, None, roles[0].mark))
        for role in self.deleted_by_name.values():
            if not any(_role_key(Text(role.name)) in draft.roles for draft in self.deployments.values()):
                service = _stand_in("cloud service name", role.mark)
                found.append(
                    Deployment(
                        service,
                        service,
                        "",
                        (role,),
                        (),
                        None,
                        None,
                        role.mark,
                        service_by_vm_name=True,
                        every_vm_of_name=True,
                    )
                )
        for record in self.deleted_services.values():
            if record.service_name.casefold() not in named:
                found.append(record)
        return found

    def _link_authorization(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """New-AzureDedicatedCircuitLinkAuthorization: the circuit it names by service key is shared with
        another subscription, whose networks link to it through the authorization: reported as one in use
        (MIG311), as a declared one is, since that is what it is made for (the count of links using it is
        not known here). A service key the script does not state is shown as a stand-in."""
        mark = self._at_call(node)
        key = args.get("ServiceKey")
        circuit = _shown(_arg_value(args, "ServiceKey"), "service key", self._written_at(key) or mark)
        description = _arg_text(args, "Description").strip()
        limit = _arg_text(args, "Limit").strip()
        record = inv.LinkAuthorization(
            description or circuit,
            mark,
            description=description,
            limit=int(limit) if limit.isdecimal() else None,
            microsoft_ids=_arg_text(args, "MicrosoftIds").strip(),
            circuit=circuit,
            declared=True,
        )
        self.authorizations.setdefault(record)
        return Authorization(record)

    def _unauthorize(self, node: Node, args: Args, piped: Value | None, env: Env) -> Value:
        """Remove-AzureDedicatedCircuitLinkAuthorization: the authorization the script created is gone when
        the removal surely runs and names it by the id the creating call output (`-AuthorizationId
        $auth.LinkAuthorizationId`, see `Authorization`) of the circuit it was created on. An id the script
        states, or gets otherwise, names no authorization it creates: the platform makes the id up at
        creation. A service key the script states that is not the circuit's, or names a circuit it does not
        state, is another circuit's, or may be: that removal fails, and the authorization stays."""
        named = _arg_value(args, "AuthorizationId")
        ident = named.ident if isinstance(named, Unknown) else None
        if not (isinstance(ident, tuple) and ident[:1] == ("authorization",) and self._surely_runs()):
            return Unknown(self.snippet(node))
        if _same_circuit(_arg_value(args, "ServiceKey"), ident[1].circuit):
            self.authorizations.pop(ident[1], None)
        return Unknown(self.snippet(node))

    _COMMANDS: dict[str, Callable[[Interpreter, Node, Args, Value | None, Env], Value]] = {
        "new-azurevmconfig": _new_vm_config,
        "add-azureprovisioningconfig": _provisioning,
        "set-azuresubnet": _subnet,
        "add-azurenetworkinterfaceconfig": _nic,
        "remove-azurenetworkinterfaceconfig": _remove_nic,
        "remove-azurevm": _remove,
        "remove-azuredeployment": _remove,
        "move-azuredeployment": _swap,
        "remove-azureservice": _remove,
        "stop-azurevm": _power,
        "start-azurevm": _power,
        "restart-azurevm": _power,
        "set-azurestaticvnetip": _static_ip,
        "set-azurevnetconfig": _upload_network_file,
        "remove-azurestaticvnetip": _static_ip,
        "set-azurepublicip": _public_ip,
        "remove-azurepublicip": _public_ip,
        "add-azureendpoint": _endpoint,
        "set-azureendpoint": _endpoint,
        "remove-azureendpoint": _remove_endpoint,
        "set-azureloadbalancedendpoint": _lb_endpoint,
        "add-azureinternalloadbalancer": _internal_load_balancer,
        "add-azurevirtualip": _virtual_ip,
        "remove-azurevirtualip": _virtual_ip,
        "new-azureinternalloadbalancerconfig": _internal_load_balancer,
        "set-azureinternalloadbalancer": _move_load_balancer,
        "remove-azureinternalloadbalancer": _remove_load_balancer,
        "add-azuredatadisk": _data_disk,
        "remove-azuredatadisk": _remove_data_disk,
        "remove-azureaclconfig": _remove_acl,
        "set-azurevmextension": _extension,
        **dict.fromkeys(cmdlets.NAMED_EXTENSIONS, _named_extension),
        "remove-azurevmextension": _remove_extension,
        **dict.fromkeys(cmdlets.NAMED_REMOVALS, _remove_extension),
        "set-azurevmbootdiagnostics": _boot,
        "set-azureavailabilityset": _set_avset,
        "set-azurevmsize": _set_size,
        "remove-azureavailabilityset": _remove_avset,
        "get-azurevm": _get_vm,
        "get-azurevnetsite": _get_vnet_sites,
        "update-azurevm": _update_vm,
        "new-azurevm": _new_vm,
        "new-azurequickvm": _quick_vm,
        "new-azureservice": _new_service,
        "add-azurecertificate": _add_certificate,
        "new-azuredeployment": _package,
        "set-azuredeployment": _package,
        "publish-azureserviceproject": _package,
        **dict.fromkeys(_EXTENSION_EVIDENCE, _role_extension),
        "new-azurereservedip": _reserved_ip,
        "set-azurereservedipassociation": _reserved_ip,
        "remove-azurereservedipassociation": _disassociate,
        "remove-azurereservedip": _remove_reserved_ip,
        "get-azurereservedip": _get_reserved_ip,
        "new-azureaclconfig": _new_acl,
        "get-azureaclconfig": _new_acl,
        "set-azureaclconfig": _set_acl,
        "import-azurevm": _import_vm,
        "export-azurevm": _export_vm,
        "new-azurededicatedcircuit": _new_circuit,
        "get-azurededicatedcircuit": _get_circuits,
        "new-azurededicatedcircuitlink": _circuit_link,
        "remove-azurededicatedcircuitlink": _remove_circuit_link,
        "new-azurevirtualnetworkgateway": _vpn_gateway,
        "new-azurelocalnetworkgateway": _local_gateway,
        "reset-azurelocalnetworkgateway": _local_gateway,
        "new-azurevnetgateway": _new_gateway,
        "remove-azurevnetgateway": _remove_gateway,
        "set-azurevnetgateway": _connect_gateway,
        "set-azurevnetgatewaykey": _gateway_key,
        "new-azurestorageaccount": _storage_account,
        "remove-azurestorageaccount": _remove_storage_account,
        "set-azuresubscription": _set_subscription,
        "select-azuresubscription": _select_subscription,
        "add-azuredisk": _add_disk,
        "add-azurevmimage": _add_image,
        "save-azurevmimage": _add_image,
        "remove-azuredisk": _unregister,
        "remove-azurevmimage": _unregister,
        "new-azureapplicationgateway": _application_gateway,
        "remove-azureapplicationgateway": _remove_application_gateway,
        "new-azurenetworksecuritygroup": _new_network_resource,
        "new-azureroutetable": _new_network_resource,
        "get-azurenetworksecuritygroup": _get_network_resource,
        "get-azureroutetable": _get_network_resource,
        "remove-azurenetworksecuritygroup": _remove_network_resource,
        "remove-azureroutetable": _remove_network_resource,
        "set-azurenetworksecuritygrouptosubnet": _to_subnet,
        "set-azurenetworksecuritygroupassociation": _to_subnet,
        "set-azuresubnetroutetable": _to_subnet,
        "set-azurenetworksecurityrule": _security_rule,
        "remove-azurenetworksecurityrule": _security_rule_removed,
        "set-azurenetworksecuritygroupconfig": _vm_group,
        "remove-azurenetworksecuritygroupconfig": _vm_group_removed,
        "remove-azurenetworksecuritygroupfromsubnet": _from_subnet,
        "remove-azurenetworksecuritygroupassociation": _from_subnet,
        "remove-azuresubnetroutetable": _from_subnet,
        "new-azurededicatedcircuitlinkauthorization": _link_authorization,
        "remove-azurededicatedcircuitlinkauthorization": _unauthorize,
        **dict.fromkeys(cmdlets.MIGRATION, _move),
    }

    # --- the resources ------------------------------------------------------------------------------

    def _unread_mark(self, offset: int) -> Mark:
        """The mark of the unread part at `offset`, tagged with the construct that stopped the parser
        there where the characters say which (a lone `-` before a parameter's name, a blank after a
        line-ending backtick), so that every report can name it, as `check --verbose` does."""
        from migcheck.report.unread import construct

        mark = self.where.at(offset)
        above = self.where.line(mark.line - 1) if mark.line > 1 else ""
        found = construct(above, self.where.line(mark.line), mark)
        return replace(mark, tag=found.kind) if found is not None else mark

    def _unread(self) -> tuple[Mark, ...]:
        """Where the parser could not read a part of the script (see `_unread_mark`), where a backtick
        makes a value of a parameter's name (tagged `ESCAPED_PARAMETER` and the name), and where the
        classic CLI is given an option its command does not declare (`xplat.Reading.refused`), in document
        order."""
        escaped = self.index.escaped_parameters
        parts = (
            replace(self.where.at(at), tag=ESCAPED_PARAMETER + escaped[at][1:])
            if at in escaped
            else self._unread_mark(at)
            for at in sorted([*self.index.recovered.unread, *escaped])
        )
        said = [
            *parts,
            *self.xplat_reading.refused,
            *self.reserved_ips_not_applied.values(),
            *self.vms_not_passed_on.values(),
            *self.lines_not_read,
            *self.loads_not_followed.values(),
        ]
        return tuple(sorted(said, key=lambda mark: (mark.line, mark.column)))

    def _unread_part_names_classic(self) -> bool:
        """Whether a part the parser could not read names a classic cmdlet (see `sniff`)."""
        recovered = self.index.recovered
        parts = [(r.start_byte, r.end_byte) for r in recovered.regions] + list(recovered.cuts.items())
        return any(sniff(self.where.source[start:end]) for start, end in parts)

    def resources(self) -> tuple[object, ...]:
        self._paths_not_sent()
        calls = [self.calls[k] for k in sorted(self.calls)]
        taken = sorted((s for at_site in self.steps.values() for s in at_site.values()), key=lambda s: s[0])
        steps = [step for _, step in taken]
        orders = [order for order, _ in taken]
        changes = tuple(
            replace(call, after=bisect.bisect_left(orders, site[2]))
            for site, call in sorted(self.changes.items(), key=lambda item: (item[0][2], item[0][0]))
        )
        circuit_moves = tuple(
            replace(call, after=bisect.bisect_left(orders, site[1]))
            for site, call in sorted(self.circuit_moves.items(), key=lambda item: (item[0][1], item[0][0]))
        )
        extended = tuple(self.extended)
        unread = self._unread()
        if self.xml_edit is not None and self.uploaded_files:  # one line for the script, at its first edit
            unread = tuple(sorted((*unread, self.xml_edit), key=lambda mark: (mark.line, mark.column)))
        if self.client_upload is not None:
            unread = tuple(sorted((*unread, self.client_upload), key=lambda mark: (mark.line, mark.column)))
        # A circuit's move is a migration step of its own (MIG602 and the plan's circuit step read it).
        neutral = not steps and not circuit_moves and all(c.name.casefold() in cmdlets.NEUTRAL for c in calls)
        if neutral and self.functions_run():
            # What the functions of a dot-sourced file it runs create, their calls that file's to report.
            return self._described_apart()
        if neutral:
            # Signing in and choosing a subscription manage no resources; Azure Backup, which the script
            # turns on for classic VMs (`_backup_protection`), installs an extension on them, and a
            # peering it adds to a classic network is one of that network. The classic calls may also be
            # in what the parser could not read: then the script is kept, with no call, to say where.
            built = (self._build(draft) for draft in self.deployments.values())
            found = (*extended, *built, *self.peerings, *self.subscriptions.values(), *self.clouds.values())
            said = self.index.escaped_parameters or self.xplat_reading.refused or self.classic_line_not_read
            if not self._unread_part_names_classic() and not said:
                return found
            first = replace(unread[0], tag="")  # the script's own mark is a position, never a construct
            script = Script(posixpath.basename(self.path), "PowerShell", (), (), first, unread=unread)
            return (script, *found)
        script = Script(
            posixpath.basename(self.path),
            "PowerShell",
            tuple(calls),
            tuple(steps),
            _first_run(self.calls).mark if self.calls else circuit_moves[0].mark,
            changes,
            unread,
            tuple(self.uploaded_files),
            circuit_moves,
            posted_bodies=tuple(self.posted_bodies),
            uploaded_in=tuple(self.uploaded_in),
        )
        return (script, *self._described_apart())

    def _described_apart(self) -> tuple[object, ...]:
        """The resources the script describes, apart from its calls and steps (`Script`)."""
        deployments = [self._build(draft) for draft in self.deployments.values()]
        return (
            *deployments,
            *self.subscriptions.values(),
            *self.clouds.values(),
            *self.xplat_reading.resources(),
            *self.body_deployments.values(),
            *self.networks.values(),
            *self._maybe_vips(),
            *self._circuit_links_made(),
            *self._disconnected(),
            *self.extended,
            *self.peerings,
            *self.service_regions,
            *self.service_certificates,
            *self._service_certificates(),
            *self._storage_account_types(),
            *self._registered_disks(),
            *self.disk_uses,
            *self.images.values(),
            *self.application_gateways.values(),
            *self.authorizations,
            *self.local_gateways,
            *(
                group
                for name, group in self.security_groups.items()
                if not self.vm_groups.get(name) and self._listed_network_resource(group.name, True)
            ),
            *self.subnet_groups.values(),
            *(rule for rules in self.security_rules.values() for rule in rules),
            *(
                table
                for table in self.route_tables.values()
                if self._listed_network_resource(table.name, False)
            ),
            *self.subnet_tables.values(),
            *self._removals(),
            *self.named_after_delete.values(),
        )

    def _registered_disks(self) -> list[Disk]:
        """The disks the script registers: attached to none as far as the script says (a VM given one by
        name is joined to it by the link stage), unless it gives a VM a disk by a name it does not state, or
        creates one from a configuration it does not show (see `_unseen_disks`), which may be any of them:
        then each may be attached to that VM (`Disk.maybe_attached`), the first the script creates so, by
        its name, or to a VM shown as a stand-in where the disk's name is passed when it creates none (the
        configuration goes where the reader does not follow it)."""
        at = self.unnamed_disk_at or self.unseen_disk_at
        if at is None:
            return [self._maybe_given(name, disk) for name, disk in self.registered.items()]
        user = next(iter(self.unnamed_disk_users), "") or _stand_in("VM name", at)
        return [
            replace(disk, attached_to=user, maybe_attached=True)
            if self.unnamed_disk_at is not None or name in self.unseen_may_hold
            else self._maybe_given(name, disk)
            for name, disk in self.registered.items()
        ]

    def _maybe_given(self, key: str, disk: Disk) -> Disk:
        """A disk registered by a name the script does not state may be the one it gives a VM by a name it
        states: then it may be attached to the first VM given one so, and is not said to be attached to
        none."""
        if key not in self.unstated_disks.values() or not self.disk_uses:
            return disk
        return replace(disk, attached_to=next(iter(self.disk_uses)).attached_to, maybe_attached=True)

    def _service_certificates(self) -> Iterator[ServiceCertificate]:
        """The service certificates of the VMs' cloud services: a VM configuration given `-X509Certificates`
        or `-Certificates` on any path, once the deployment it is created in names its service."""
        for draft in self.deployments.values():
            for role in draft.roles.values():
                for events, _ in role.variants:
                    for event in events:
                        stated = event.data.get("certificates") if event.kind == "provision" else None
                        if stated is not None:
                            yield replace(stated, service=draft.service)

    def _build(self, draft: DeploymentDraft) -> Deployment:
        roles = _with_body_roles([self._build_role(r) for r in draft.roles.values()], draft.bodies.values())
        roles = _with_disk_requests(roles, draft.disk_requests)
        # One path creates it in none, another in a network, named or not: only that all agree on none says
        # more (MIG105's finding that it is in none).
        in_none = draft.network_known and draft.vnet is None
        roles = tuple(without_path_in_none(r) for r in roles)
        if draft.outside_network_at is not None and not in_none:
            roles = tuple(absent_on_some_path(r, "virtual_network", draft.outside_network_at) for r in roles)
            # A VM only the call creating the deployment in none makes is in none, whatever path puts the
            # deployment elsewhere for the VMs of other calls.
            made = {r.name for r in draft.roles.values() if _made_in_none(r)}
            roles = tuple(replace(r, made_in_none=True) if r.name in made else r for r in roles)
        vnet, known = draft.vnet, draft.network_known
        if draft.outside_network_at is not None and _unstated(vnet):
            # A network it does not name on one path and none on another: whether it is in any is not known.
            vnet, known = None, False
        reserved = reserved_on_vips(draft.reserved_ip, draft.reserved_ip_unknown, draft.vip_reserved.values())
        return Deployment(
            draft.service,
            draft.name,
            draft.slot if draft.slot_sure else "",  # a swap ran on some paths only: either slot
            roles,
            _instances(draft),
            vnet,
            reserved[0] if reserved else None,
            draft.mark,
            network_known=known,
            reserved_ip_known=draft.reserved_ip is not None or not draft.reserved_ip_unknown,
            other_reserved_ips=reserved[1:],
            internal_load_balancers=tuple(draft.balancers),
            other_vips=tuple(draft.other_vips.values()),
            service_by_vm_name=draft.by_vm_name,
            every_vm_of_name=draft.by_vm_name,
            configuration_file=draft.configuration_file,
            service_looped_over=draft.service_looped_over,
            partly_described=_partly_described(draft),
            name_assumed=_partly_described(draft) and draft.name == draft.service,
            read_once_in=draft.read_once_in,
            selected_in=draft.selected_in,
        )

    def _build_role(self, draft: RoleDraft) -> Role:
        if draft.base == "package":
            return Role(draft.name, RoleType.WEB_OR_WORKER, draft.mark, kind_evidence=draft.kind_evidence)
        built = [self._facts(draft, events, escaped) for events, escaped in draft.variants]
        if not built:  # a VM named by a command whose configuration the reader never saw
            built = [self._facts(replace(draft, base="opaque"), [], True)]
        role = functools.reduce(joined_paths, _one_platform_os_disk(built))
        extensions = _marked_apart(role.extensions)
        role = replace(role, **_removed_on_every_path(built))
        return replace(
            role,
            extensions=extensions,
            every_vm=draft.every,
            branches=draft.branches or (),
            imported_from=draft.imported_from,
            imported=draft.base == "imported",
            looped_over=draft.looped_over,
        )

    def _facts(self, draft: RoleDraft, events: list[Event], escaped: bool) -> Role:
        facts = _Facts(draft.name, draft.base, self.acls)
        for event in events:
            facts.apply(event)
        if facts.unnamed_disk:
            self.unnamed_disk_users.setdefault(draft.name)
        self.disk_uses.update(dict.fromkeys(facts.by_name()))
        for endpoint, at in facts.refused_endpoints:
            missing = f"which VM '{draft.name}' the file creates at line {draft.mark.line} does not have then"
            refused = NamedAfterDelete(
                endpoint,
                "InputEndpoint",
                f"Set-AzureEndpoint of VM '{draft.name}'",
                at,
                draft.mark,
                "sets no ACL",
                missing,
            )
            self.named_after_delete.setdefault((at.line, at.column), refused)
        role = facts.role(draft.mark, escaped)
        # The VM as a New-AzureVM that creates its deployment in no network leaves it (see `joined_paths`).
        in_none = next((event.mark for event in events if event.kind == "in_no_network"), None)
        return in_no_network(role, in_none) if in_none is not None else role


def _made_in_none(role: RoleDraft) -> bool:
    """Whether every description of a VM is one a New-AzureVM creating its deployment in no network gives
    it (see `_add_vms`): the VM is in none, in the deployment that call makes."""
    return bool(role.variants) and all(
        any(event.kind == "in_no_network" for event in events) for events, _ in role.variants
    )


def _one_platform_os_disk(variants: list[Role]) -> list[Role]:
    """The configurations paths only one of which runs leave for one VM (see `RoleDraft.variants`), each
    disk whose blob the platform makes up (its OS disk from an image, a new data disk at a LUN the script
    states) named as the first path names it: the VM has one OS disk, and one disk at a LUN, however many
    calls on exclusive paths may create it, in the storage account current on the path that runs (one
    disk in each, when they differ)."""
    first: dict[str, Disk] = {}
    for role in variants:
        for disk in role.disks:
            slot = _platform_disk_slot(disk)
            if slot:
                first.setdefault(slot, disk)
    if not first:
        return variants
    return [replace(role, disks=tuple(_named_as_first(d, first) for d in role.disks)) for role in variants]


def _named_as_first(disk: Disk, first: dict[str, Disk]) -> Disk:
    earliest = first.get(_platform_disk_slot(disk))
    if earliest is None or earliest is disk:
        return disk
    return replace(disk, name=earliest.name, mark=earliest.mark)


def _platform_disk_slot(disk: Disk) -> str:
    """Which disk of its VM a disk whose blob the platform makes up in the current storage account is (see
    `_Facts._current_account`): "os", or the LUN of a data disk, when the script states it; "" for any
    other disk."""
    if not disk.account or disk.media_link:
        return ""
    if disk.name.startswith("<OS disk ") and not disk.lun:
        return "os"
    return f"lun {disk.lun}" if disk.lun and disk.name.startswith("<data disk ") else ""


# --- from events to a role ----------------------------------------------------------------------------


class _Facts:
    """What a VM configuration says once its events have run."""

    def __init__(self, name: str, base: str, acls: list[AclObject]) -> None:
        self.name = name
        self.acls = acls
        self.unknown: set[str] = set()
        if base != "new":
            self.unknown |= {"subnets", "availability_set", "endpoints", "extensions", "public_ips"}
        self.existing = base != "new"
        self.updates = base == "existing"  # a VM the script fetches with Get-AzureVM and updates
        # What it removes from a VM a file describes (Get-AzureVM's, Import-AzureVM's) is kept for the
        # linker to make to that VM's description.
        self.removes_described = base in ("existing", "imported")
        self.size = ""
        self.avset = ""
        self.avset_mark: Mark | None = None
        self.primary: list[NameRef] = []
        # The secondary network interfaces, by name (case-folded; the event that adds one whose name the
        # script does not state): the subnets each is in, and the private address it asks for.
        self.nics: dict[object, tuple[list[NameRef], NameRef | None]] = {}
        self.nic_names: dict[object, str] = {}  # the names of those the script names, as first written
        self.subnets_known = [True, True]  # primary, secondary interfaces
        # Where its subnets are given by a value that is $null on some path (`-SubnetNames $subnet` of a
        # parameter that defaults to $null): on that path it has none.
        self.subnets_maybe_none_at: Mark | None = None
        self.primary_set = False  # whether Set-AzureSubnet stated the primary interface's subnets
        self.endpoints: dict[object, InputEndpoint] = {}
        # Each endpoint Set-AzureEndpoint names that the VM surely lacks (see `_endpoint`), with where: the
        # cmdlet fails.
        self.refused_endpoints: list[tuple[str, Mark]] = []
        # By publisher and name, case-folded: the reference name (case-folded) and the reference. And the
        # keys each reference name was given to (some may have been set again since under another).
        self.extensions: dict[tuple[str, str], tuple[str, Extension]] = {}
        self.referenced: dict[str, list[tuple[str, str]]] = {}
        self.boot: bool | None = None
        self.boot_mark: Mark | None = None
        self.boot_default = ""  # the command that turns boot diagnostics on unless told not to
        self.static_ip: NameRef | None = None  # of the primary network interface
        self.security_group: NameRef | None = None  # set on the VM itself
        self.public_ips: dict[str, NameRef] = {}  # the VM's own, by name (case-folded)
        self.os_disk: Disk | None = None
        self.data_disks: dict[object, Disk] = {}  # by LUN; by the event that adds it when not stated
        # The LUNs of the data disks a change to an existing VM removes ("" for one not stated), in order;
        # the endpoints and network interfaces it removes by name (case-folded: as first written).
        self.removed_luns: dict[str, None] = {}
        self.removed_endpoints: dict[str, str] = {}
        self.removed_nics: dict[str, str] = {}
        self.unnamed_disk = False  # given a disk by a name the script does not state
        # Where a configuration leaves its OS disk's blob to the platform (`platform_os_disk`), and its new
        # data disks' (`platform_data_disk`), by LUN as `data_disks` are.
        self.platform_os_disk: Mark | None = None
        self.platform_data_disks: dict[object, Mark] = {}

    def apply(self, event: Event) -> None:
        getattr(self, "_" + event.kind)(event)

    def _in_no_network(self, event: Event) -> None:
        """Read with the role (see `Interpreter._facts`): no fact of the configuration."""

    def _size(self, event: Event) -> None:
        value = event.data["value"]
        self.size = value.value if isinstance(value, Text) else ""

    def _avset(self, event: Event) -> None:
        value = event.data["value"]
        self.avset = value.value if isinstance(value, Text) else ""
        # Where the VM is put in its set, or taken out of any (Remove-AzureAvailabilitySet,
        # `-AvailabilitySetName $null`): what MIG103 points at for a VM in none.
        self.avset_mark = event.mark if isinstance(value, (Text, Null)) else None
        if isinstance(value, (Text, Null)):
            self.unknown.discard("availability_set")
        else:
            self.unknown.add("availability_set")

    def _subnets(self, event: Event) -> None:
        value = event.data["value"]
        complete = texts(value)[1]
        marks, at = event.data.get("marks", ()), event.data.get("at") or event.mark
        written = None if complete else _written_subnets(value, marks, at)
        self.primary = written or _subnet_refs(value, marks, at)
        self.subnets_known[0] = complete
        self.primary_set = complete
        self.subnets_maybe_none_at = at if isinstance(value, Unknown) and value.maybe_null else None

    def _nic(self, event: Event) -> None:
        complete = texts(event.data["value"])[1]
        name = event.data["name"]
        nic = name.value.casefold() if isinstance(name, Text) else event
        # Each subnet is marked at the call, not where a variable got the name: the call adds the
        # interface, which is what to remove to leave the VM in one subnet (MIG202).
        at = event.data.get("at") or event.mark
        refs = [NameRef(ref.name, at) for ref in _subnet_refs(event.data["value"], (), at)]
        self.nics[nic] = (refs, event.data["address"])
        if isinstance(name, Text):
            self.nic_names.setdefault(nic, name.value)
        self.subnets_known[1] = self.subnets_known[1] and complete

    def _nic_remove(self, event: Event) -> None:
        """Remove-AzureNetworkInterfaceConfig: the interface of that name goes; when the script does not
        state which, any may have, and the subnets are no longer known. On a VM the script gets with
        Get-AzureVM, the interface may be one it does not describe: the removal is kept
        (`Role.removed_interfaces`) for the linker to make to the VM a file creates, as a data disk's is."""
        name = event.data["name"]
        if isinstance(name, Text):
            self.nics.pop(name.value.casefold(), None)
            self.nic_names.pop(name.value.casefold(), None)
            if self.removes_described:
                self.removed_nics.setdefault(name.value.casefold(), name.value)
        else:
            self.subnets_known[1] = False

    def _static_ip(self, event: Event) -> None:
        self.static_ip = event.data["address"]

    def _public_ip(self, event: Event) -> None:
        """Set-AzurePublicIP names the VM's public IP; by a name the script does not state, the VM has one
        whose name is not known. Remove-AzurePublicIP takes off the one it names, or every one; one it
        names by a name the script does not state may be any of them."""
        name, removed = event.data["name"], event.data["removed"]
        if removed and name is not None:
            self.public_ips.pop(name.name.casefold(), None)
            return
        self.public_ips = {name.name.casefold(): name} if name is not None else {}
        if name is not None or event.data["every"]:
            self.unknown.discard("public_ips")
        else:
            self.unknown.add("public_ips")

    def _security_group(self, event: Event) -> None:
        """The group set on the VM, or taken off it; one set by a name the script does not state leaves
        what was said as it was."""
        if event.data["removed"] or event.data["group"] is not None:
            self.security_group = event.data["group"]

    def _provision(self, event: Event) -> None:
        """The endpoints a provisioning configuration adds unless told not to."""
        data = event.data
        if data["linux"] is None:
            wanted = []
        elif data["linux"]:
            wanted = [(cmdlets.SSH_ENDPOINT, data["ssh"])]
        else:
            wanted = [(cmdlets.RDP_ENDPOINT, data["rdp"]), (cmdlets.WINRM_ENDPOINT, data["winrm"])]
        if data["linux"] is None or any(flag is None for _, flag in wanted):
            self.unknown.add("endpoints")
        for (name, port), flag in wanted:
            if flag:
                self.endpoints[_role_key(Text(name))] = InputEndpoint(name, "tcp", "", port, None, event.mark)

    def _endpoint(self, event: Event) -> None:
        """Add-AzureEndpoint adds an endpoint; Set-AzureEndpoint changes one (on an existing VM, one the
        script does not otherwise describe). Set on one a VM the script creates lacks, while every endpoint
        it has is known, the cmdlet finds none and fails: it adds none."""
        data = event.data
        name = _shown(data["name"], "endpoint name", event.mark)
        key = _role_key(data["name"])
        kept = self.endpoints.get(key)
        if event.kind == "endpoint_set" and kept is None and self._lacks_endpoint(data["name"]):
            self.refused_endpoints.append((name, event.mark))
            return
        if event.kind == "endpoint_set" and kept is not None:
            endpoint = replace(
                kept,
                protocol=_word(data["protocol"]) or kept.protocol,
                port=_word(data["port"]) or kept.port,
                local_port=_word(data["local_port"]) or kept.local_port,
                **_endpoint_vip(data["virtual_ip"], kept),
            )
        else:
            protocol = _word(data["protocol"]) or ("tcp" if event.kind == "endpoint" else "")
            endpoint = InputEndpoint(
                name,
                protocol,
                _word(data["port"]),
                _word(data["local_port"]),
                None,
                event.mark,
                _reference(data["load_balancer"], "internal load balancer name", event.mark),
                **_endpoint_vip(data["virtual_ip"], None),
            )
        acl = self._acl(data, name, event.mark) if data["acl"] is not None else endpoint.acl
        self.endpoints[key] = replace(endpoint, acl=acl)
        if data.get("escaped"):
            self.unknown.add("endpoints")

    _endpoint_set = _endpoint

    def _lacks_endpoint(self, name: object) -> bool:
        """Whether the VM surely has no endpoint of that name: one the script creates (New-AzureVMConfig),
        every endpoint of which it states, each by its name, and a name it states that none of them has."""
        stated = isinstance(name, Text) and bool(name.value.strip())
        named = not any(is_stand_in(endpoint.name) for endpoint in self.endpoints.values())
        return stated and named and not self.existing and "endpoints" not in self.unknown

    def _acl(self, data: dict[str, Any], endpoint: str, mark: Mark) -> EndpointAcl | None:
        """The ACL an endpoint is given, with the rules its configuration holds at the end of the script
        (the endpoint keeps a reference to it); rules the script may have removed are not counted."""
        acl = data["acl"]
        if not isinstance(acl, Acls):
            return None
        rules = [tuple(self.acls[i].rules) for i in sorted(acl.ids)]
        common = rules[0] if all(r == rules[0] for r in rules) else ()
        known = all(self.acls[i].exact for i in acl.ids)
        return EndpointAcl(
            self.name,
            endpoint,
            "",
            common,
            data["acl_mark"] or mark,
            all_rules_known=known,
            removed_from_vm=self._removed_from_vm(acl, endpoint),
        )

    def _removed_from_vm(self, acl: Acls, endpoint: str) -> tuple[int, ...] | None:
        """The RuleIds of the VM's rules an ACL read from this VM's endpoint of that name lacks (see
        `EndpointAcl.removed_from_vm`); None for an ACL built by the script, read from another VM or
        endpoint, or one of several the script may set."""
        if len(acl.ids) != 1 or not self.updates:
            return None
        read = self.acls[next(iter(acl.ids))]
        if read.read_from != (self.name.strip().casefold(), endpoint.strip().casefold()):
            return None
        return tuple(read.removed_ids)

    def _endpoint_remove(self, event: Event) -> None:
        """Remove-AzureEndpoint: the endpoint of that name goes. On a VM the script gets with Get-AzureVM,
        it may be one the script does not describe: the removal is kept (`Role.removed_endpoints`) for the
        linker to make to the VM a file creates, as a data disk's is."""
        name = event.data["name"]
        if self.endpoints.pop(_role_key(name), None) is None and not isinstance(name, Text):
            self.unknown.add("endpoints")
        if self.removes_described and isinstance(name, Text) and name.value.strip():
            self.removed_endpoints.setdefault(name.value.casefold(), name.value)

    def _acl_remove(self, event: Event) -> None:
        """Remove-AzureAclConfig: the endpoint of that name has no ACL. On a VM that exists already, one
        the script does not describe stays as an endpoint that states its name alone, without an ACL: the
        linker takes the rest from the VM a file creates (see `estate._Updated`), as it does an extension
        removed by name."""
        name = event.data["name"]
        key = _role_key(name)
        if key in self.endpoints:
            self.endpoints[key] = replace(self.endpoints[key], acl=None)
        elif self.existing and isinstance(name, Text):
            self.endpoints[key] = InputEndpoint(name.value, "", "", "", None, event.mark)

    def _extension(self, event: Event) -> None:
        """A reference replaces those of the same extension (publisher and name), as the cmdlets do; one
        set by reference name alone replaces the reference of that name, with an extension not stated."""
        data = event.data
        publisher, name, version, reference = (
            data["publisher"],
            data["name"],
            data["version"],
            data["reference"],
        )
        if isinstance(publisher, Text) and isinstance(name, Text):
            self._drop(publisher, name, NULL)
            referenced = (reference.value if isinstance(reference, Text) else name.value).casefold()
            by = data.get("installed_by", "")
            at = data.get("name_at") or event.mark  # where the name is given; a wrapper's is its own
            extension = Extension(publisher.value, name.value, _stated(version), data["state"], at, by)
            key = (publisher.value.casefold(), name.value.casefold())
            self.extensions[key] = (referenced, extension)
            self.referenced.setdefault(referenced, []).append(key)
            return
        if publisher is NULL and name is NULL:
            self._drop(NULL, NULL, reference)
        self.unknown.add("extensions")

    def _extension_remove(self, event: Event) -> None:
        """What a removal names goes; one the script does not state may be any of them. On a VM that
        exists already, an extension removed by name stays as a reference that uninstalls it: what the
        VM held before is not known here, and the linker puts the change on the VM a file creates."""
        data = event.data
        publisher, name = data["publisher"], data["name"]
        if data["every"]:
            self.extensions.clear()
            self.referenced.clear()
        elif data["every"] is None or not self._drop(publisher, name, data["reference"]):
            self.unknown.add("extensions")
        elif self.existing and isinstance(publisher, Text) and isinstance(name, Text):
            key = (publisher.value.casefold(), name.value.casefold())
            self.extensions[key] = ("", Extension(publisher.value, name.value, "", "Uninstall", event.mark))

    def _drop(self, publisher: Value, name: Value, reference: Value) -> bool:
        """Drop the references to an extension (publisher and name) or of a reference name, as the cmdlets
        match them (case-insensitive). False when the script does not state which."""
        if isinstance(publisher, Text) and isinstance(name, Text):
            self.extensions.pop((publisher.value.casefold(), name.value.casefold()), None)
            return True
        if publisher is NULL and name is NULL and isinstance(reference, Text):
            referenced = reference.value.casefold()
            for key in self.referenced.pop(referenced, ()):
                held = self.extensions.get(key)
                if held is not None and held[0] == referenced:
                    del self.extensions[key]
            return True
        return False

    def _disk(self, event: Event) -> None:
        data = event.data
        lun = "" if data["os"] else _lun(data["lun"])
        account = data.get("account", "")
        name = data["name"] or (self._unnamed_disk(lun, event.mark) if account else "")
        disk = Disk(
            name, data["link"], "", self.name, event.mark, lun=lun, account=account, data=not data["os"]
        )
        if data["os"]:
            self.os_disk = disk
        else:
            self.data_disks[lun or event] = disk
            self.platform_data_disks.pop(lun or event, None)

    def _platform_os_disk(self, event: Event) -> None:
        self.platform_os_disk = event.mark

    def _unnamed_disk(self, lun: str, at: Mark) -> str:
        """The stand-in for a disk of the VM whose blob the script does not name in full: its OS disk, or
        its data disk at `lun`, where the blob is named (see `_stand_in`), and the VM's name, a stand-in
        too when the script does not state it: the VMs a loop makes at one place are told apart by theirs
        (`<VM name, deploy.ps1:5, 2nd>`), and so are their disks."""
        vm = f"VM {self.name}"
        return _stand_in(f"data disk of {vm} at LUN {lun}" if lun else f"OS disk of {vm}", at, column=True)

    def _platform_data_disk(self, event: Event) -> None:
        """Add-AzureDataDisk -CreateNew without `-MediaLocation`: a data disk whose blob the platform puts in
        the current storage account, known once New-AzureVM says which (see `_current_account`)."""
        lun = _lun(event.data["lun"])
        self.data_disks.pop(lun or event, None)
        self.platform_data_disks[lun or event] = event.mark

    def _current_account(self, event: Event) -> None:
        """New-AzureVM in a subscription whose current storage account the script states: the OS disk the
        configuration leaves to the platform is a blob there, whose name the platform makes up. It is named
        by a stand-in, told apart by the VM and where its configuration is made."""
        account = event.data["account"]
        vm = f"VM {self.name}"
        for key, mark in self.platform_data_disks.items():
            lun = key if isinstance(key, str) else ""
            what = f"data disk of {vm} at LUN {lun}" if lun else f"data disk of {vm}"
            name = _stand_in(what, mark, column=True)
            self.data_disks[key] = Disk(name, "", "", self.name, mark, lun=lun, account=account, data=True)
        self.platform_data_disks.clear()
        at = self.platform_os_disk
        if at is None or self.os_disk is not None:
            return
        name = _stand_in(f"OS disk of {vm}", at, column=True)
        self.os_disk = Disk(name, "", "", self.name, at, account=account)

    def _disk_remove(self, event: Event) -> None:
        """The data disk at a LUN goes, and those whose LUN the script does not state (it may be one of
        them); every one when the script does not state the LUN it removes. On a VM the script gets with
        Get-AzureVM, the disk may be one it does not describe: the removal is kept (`Role.removed_luns`)
        for the linker to make to the VM a file creates, as an extension removed by name is."""
        lun = _lun(event.data["lun"])
        self.data_disks = {
            k: d for k, d in self.data_disks.items() if lun and isinstance(k, str) and k != lun
        }
        self.platform_data_disks = {
            k: m for k, m in self.platform_data_disks.items() if lun and isinstance(k, str) and k != lun
        }
        if self.removes_described:
            self.removed_luns[lun] = None

    def _boot(self, event: Event) -> None:
        self.boot = event.data["value"]
        self.boot_mark = event.mark if self.boot is not None else None
        self.boot_default = ""  # stated, or set to a value the script does not state

    def _boot_default(self, event: Event) -> None:
        self.boot_default, self.boot_mark = event.data["value"], event.mark

    def _collapsed(self, event: Event) -> None:
        """Changes of too many paths taken together: what they set stays, what they lack is unknown."""
        self.unknown |= {"subnets", "availability_set", "endpoints", "extensions", "public_ips"}

    def _disk_unnamed(self, event: Event) -> None:
        """A disk of the repository given by a name the script does not state: which one is not known (see
        `Interpreter._registered_disks`)."""
        self.unnamed_disk = True

    def _disks(self) -> tuple[Disk, ...]:
        return (*([self.os_disk] if self.os_disk else []), *self.data_disks.values())

    def by_name(self) -> tuple[Disk, ...]:
        """The disks of the repository the VM is given by name (see `Interpreter._disk_by_name`): not among
        its own disks, whose blobs the files name, but listed on their own as attached to it, as a REST
        `Disks` list lists a disk with its `AttachedTo`; the link stage makes them its disks, joined to
        their blobs (see `estate._with_listed_disks`)."""
        return tuple(disk for disk in self._disks() if not disk.media_link and not disk.account)

    def role(self, mark: Mark, escaped: bool) -> Role:
        unknown = set(self.unknown)
        subnets = (*self.primary, *(subnet for nic, _ in self.nics.values() for subnet in nic))
        if not self.existing and not all(self.subnets_known):
            unknown.add("subnets")
        if escaped:
            # Code the reader does not follow may add to the VM: what it says stays said, what it does
            # not say is no longer known to be absent.
            unknown |= {"endpoints", "extensions"}
            unknown |= {"subnets"} if not subnets else set()
            unknown |= {"availability_set"} if not self.avset else set()
            unknown |= {"public_ips"} if not self.public_ips else set()
        role = Role(
            self.name,
            RoleType.PERSISTENT_VM,
            mark,
            size=self.size,
            availability_set=self.avset,
            endpoints=tuple(self.endpoints.values()),
            subnets=subnets,
            extensions=tuple(extension for _, extension in self.extensions.values()),
            disks=tuple(disk for disk in self._disks() if disk.media_link or disk.account),
            boot_diagnostics=self.boot,
            boot_diagnostics_default=self.boot_default,
            static_ips=(
                *([self.static_ip] if self.static_ip else []),
                *(address for _, address in self.nics.values() if address is not None),
            ),
            security_group=self.security_group,
            public_ips=tuple(self.public_ips.values()),
            availability_set_mark=self.avset_mark,
            boot_diagnostics_mark=self.boot_mark,
            unknown=frozenset(unknown),
            changes_existing=self.updates,
            primary_subnets=tuple(self.primary) if self.primary_set else (),
            removed_luns=tuple(self.removed_luns),
            removed_endpoints=tuple(self.removed_endpoints.values()),
            interfaces=tuple(
                (written, tuple(self.nics[nic][0]), self.nics[nic][1])
                for nic, written in self.nic_names.items()
            ),
            removed_interfaces=tuple(self.removed_nics.values()),
        )
        if self.subnets_maybe_none_at is not None and not self.existing:
            return absent_on_some_path(role, "subnets", self.subnets_maybe_none_at)
        return role


def _with_body_roles(
    roles: list[Role], bodies: Iterable[tuple[Role, frozenset[str] | None]]
) -> tuple[Role, ...]:
    """The roles of a deployment with those the REST bodies the script sends describe there: a role the
    script describes already is one role, whose facts a body that updates it (`updates`) changes, and
    whose facts unsaid another body fills in, as the Python reader merges them."""
    from migcheck.readers import python_script as bodies_read

    merged = list(roles)
    at = {_role_key(Text(role.name)): index for index, role in enumerate(merged)}
    for role, updates in bodies:
        index = at.get(_role_key(Text(role.name)))
        if index is None:
            at[_role_key(Text(role.name))] = len(merged)
            merged.append(role)
            continue
        kept = merged[index]
        taken = updates if updates is not None else {f for f in VM_FACTS if bodies_read.unsaid(kept, f)}
        merged[index] = bodies_read.take_facts(kept, role, taken)
    return tuple(merged)


def _with_disk_requests(
    roles: tuple[Role, ...], requests: list[tuple[str, Disk | str, Mark]]
) -> tuple[Role, ...]:
    """The roles of a deployment with the data disks requests attach (a Disk) and detach (a LUN) applied in
    the order the script sends them, as the Python reader applies add_data_disk and delete_data_disk: a VM
    the script does not describe otherwise is one that exists, changed so (`Role.changes_existing`); a
    detach from it is kept as a change (`Role.removed_luns`) the link stage makes to the VM another file
    creates."""
    from migcheck.readers import python_script as bodies

    merged = list(roles)
    at = {_role_key(Text(role.name)): index for index, role in enumerate(merged)}
    for vm, change, mark in requests:
        index = at.get(_role_key(Text(vm)))
        if index is None:
            index = at[_role_key(Text(vm))] = len(merged)
            merged.append(
                Role(vm, RoleType.PERSISTENT_VM, mark, unknown=bodies.UNKNOWABLE, changes_existing=True)
            )
        kept = merged[index]
        if isinstance(change, Disk):
            merged[index] = replace(kept, disks=(*kept.disks, change))
            continue
        removed = (*kept.removed_luns, change) if kept.changes_existing else kept.removed_luns
        disks = tuple(disk for disk in kept.disks if not (disk.data and disk.lun == change))
        merged[index] = replace(kept, disks=disks, removed_luns=tuple(dict.fromkeys(removed)))
    return tuple(merged)


def _removed_on_every_path(paths: list[Role]) -> dict[str, Any]:
    """What a change removes on every path the script may take (the LUNs of data disks, the endpoints and
    network interfaces it names): a removal that may not run leaves what it would remove. And the network
    interfaces any path names (see `Role.interfaces`)."""
    first, *others = paths

    def common(name: str, key: Callable[[str], str]) -> tuple[str, ...]:
        held = [{key(item) for item in getattr(other, name)} for other in others]
        return tuple(item for item in getattr(first, name) if all(key(item) in each for each in held))

    return {
        "removed_luns": common("removed_luns", str),
        "removed_endpoints": common("removed_endpoints", str.casefold),
        "removed_interfaces": common("removed_interfaces", str.casefold),
        "interfaces": tuple(dict.fromkeys(nic for path in paths for nic in path.interfaces)),
    }


def _marked_apart(extensions: tuple[Extension, ...]) -> tuple[Extension, ...]:
    """A VM's extensions, each at a mark of its own. One call the script runs for several (a loop over the
    tables of a list of extensions it writes out) sets them all at the call, and the rules report an
    extension once per VM and mark: the second and later ones set at one call are told apart by
    `Mark.nth`, which a script's marks (exact columns) use for nothing else."""
    seen: collections.Counter[Mark] = collections.Counter()
    marked = []
    for extension in extensions:
        earlier = seen[extension.mark]
        seen[extension.mark] += 1
        marked.append(replace(extension, mark=replace(extension.mark, nth=earlier)) if earlier else extension)
    return tuple(marked)


def _subnet_refs(value: Value, marks: tuple[Mark, ...], at: Mark) -> list[NameRef]:
    """The subnets a call is given that the script states, each where its name is written (a variable's
    value where it is assigned); one a caller may replace (a parameter's, see `Interpreter._passed`) where
    the call passes it, as a virtual network is: the item of an array written in the argument (`marks`),
    else the argument (`at`)."""
    items = value.values if isinstance(value, Items) else (value,)
    passed = marks if len(marks) == len(items) else (at,) * len(items)
    return [
        NameRef(item.value, item.mark or mark)
        for item, mark in zip(items, passed, strict=True)
        if isinstance(item, Text)
    ]


def _written_subnets(value: Value, marks: tuple[Mark, ...], fallback: Mark) -> list[NameRef] | None:
    """The subnets of an array the script does not state in full (`-SubnetNames $a, $b`), named as
    written, when they are two or more that are not provably one: equal stated names (without regard to
    case) and one variable read twice are one subnet. None for anything else."""
    if not isinstance(value, Items) or not all(isinstance(v, (Text, Unknown)) for v in value.values):
        return None
    refs: dict[object, NameRef] = {}
    for at, item in enumerate(value.values):
        mark = marks[at] if at < len(marks) else fallback
        if isinstance(item, Text):
            refs.setdefault(("text", item.value.strip().casefold()), NameRef(item.value, item.mark or mark))
        elif not item.text:
            return None  # a value without a written form to name it by
        else:
            same = item.ident if item.ident is not None else ("text", item.text.casefold())
            refs.setdefault(same, NameRef(f"<subnet named by {item.text}>", mark))
    return list(refs.values()) if len(refs) > 1 else None


def _lun(value: Value) -> str:
    """A data disk's LUN as the script states it (a number), or "" when it does not."""
    return lun_key(value.value) if isinstance(value, Text) else ""


# --- small helpers ----------------------------------------------------------------------------------------


def _arm_mode(node: Node) -> bool:
    """Whether a `Switch-AzureMode` switches to Resource Manager: its -Name, or its first argument."""
    elements = node.child_by_field_name("command_elements")
    parts = [c for c in _named(elements) if c.type != "command_argument_sep"] if elements is not None else []
    for index, part in enumerate(parts):
        parameter = _parameter(part)
        if parameter is None:
            return _bare(part) == "azureresourcemanager"
        if parameter[0] and "name".startswith(parameter[0].casefold()):
            if parameter[1] is not None:
                return parameter[1].strip("'\"").casefold() == "azureresourcemanager"
            return index + 1 < len(parts) and _bare(parts[index + 1]) == "azureresourcemanager"
    return False


def _bare(node: Node) -> str:
    """A literal word or string as written, without quotes, case-folded."""
    return _text(_unwrap(node)).strip("'\"").casefold()


def _parameters(function: Node) -> list[Node]:
    """The variables a function declares: `function f($a, $b)` or its `param(...)` block; given the root
    of a script, those of the script's own `param(...)` block; given a script block, those of its
    `param(...)`, which the grammar puts before its body or in it."""
    found: list[Node] = []
    declaration = _first(function, "function_parameter_declaration")
    body = function if function.type == "program" else _first(function, "script_block")
    block = _first(body, "param_block") if body is not None else None
    if block is None and function.type == "script_block_expression":
        block = _first(function, "param_block")
    for holder in (declaration, block):
        parameters = _first(holder, "parameter_list") if holder is not None else None
        for parameter in _named(parameters) if parameters is not None else ():
            variable = _first(parameter, "variable")
            if variable is not None:
                found.append(variable)
    if function.type == "class_method_definition":  # `[void] Create([string] $name) { … }`
        listed = _first(function, "class_method_parameter_list")
        for parameter in _named(listed) if listed is not None else ():
            variable = _first(parameter, "variable")
            if variable is not None:
                found.append(variable)
    return found


def _attribute_script_blocks(holder: Node) -> list[Node]:
    """The outermost script blocks among the arguments of the attributes of the parameters a `param (…)`
    block or a function's parameter declaration declares, in document order."""
    parameters = _first(holder, "parameter_list")
    found: list[Node] = []
    for parameter in _named(parameters) if parameters is not None else ():
        attributes = _first(parameter, "attribute_list")
        for attribute in _named(attributes) if attributes is not None else ():
            arguments = _first(attribute, "attribute_arguments")
            blocks = _captures(_SCRIPT_BLOCKS, arguments).get("block", []) if arguments is not None else []
            end = -1
            for block in blocks:  # in order, an outer block before those it holds
                if block.start_byte >= end:
                    found.append(block)
                    end = block.end_byte
    return found


_SCRIPT_BLOCKS = {"script_block_expression": "block"}


def request_path(value: Value) -> str | None:
    """The request path a string value states without the API's host (`automation.written_request_path`
    of its text, or of its shape where the script does not state all of it); None for any other value."""
    text = value.value if isinstance(value, Text) else value.shape if isinstance(value, Unknown) else None
    return automation.written_request_path(text) if text else None


def _given_values(values: list[Value]) -> Iterator[Value]:
    """The values a call is given, with those of the small tables among them (`@{ Verb = …; Resource = …;
    Content = … }`, one level down): a request's parts. Not an array's items, nor a large table's entries,
    which a call given them many times would look through each time."""
    for value in values:
        yield value
        if isinstance(value, Table) and len(value.entries) <= _REQUEST_PARTS:
            yield from (entry[2] for entry in value.entries)


_REQUEST_PARTS = 16  # entries of a table looked at for a request's path and body


def _is_xml_text(value: Value) -> bool:
    """Whether a value is a string of markup, which an XML document is read from (`[xml]$text`,
    `$doc.LoadXml($text)`), written out or built with values the script does not state."""
    return (_markup(value) or "").lstrip().startswith("<")


def _document_text(value: Value) -> str:
    """The text a body is read from (see `Interpreter._body_resources`): a string's, or the shape of one
    built with values the script does not state, a stand-in for each; "" for any other value."""
    from migcheck.readers import python_script as bodies

    if isinstance(value, Unknown) and value.shape and automation.HOLE in value.shape:
        return _with_stand_ins(value.shape, value.written, bodies.UNSTATED)[0]
    return value.value if isinstance(value, Text) else ""


def _markup(value: Value) -> str | None:
    """The text of a string, or the shape of one built with values the script does not state; None for
    any other value."""
    if isinstance(value, Text):
        return value.value
    return value.shape if isinstance(value, Unknown) and value.shape else None


def _names_affinity_groups(text: str) -> bool:
    """Whether a string is a request path of the subscription's affinity groups, written without the
    API's host and subscription (`affinityGroups`, `affinityGroups/<name>`)."""
    lowered = text.strip("/").casefold()
    head = lowered.split("/", 1)[0]
    return (
        head == "affinitygroups"
        and len(text) <= automation.LONGEST_PATH
        and not any(c.isspace() for c in text)
    )


def _mark_of(value: Value) -> Mark | None:
    """Where a string the script states is written; None for any other value."""
    return value.mark if isinstance(value, Text) else None


def _sets_network_configuration(path: str) -> bool:
    """Whether a request path is Set Network Configuration's (`.../services/networking/media`)."""
    return path.rstrip("/").casefold().endswith("/services/networking/media")


def _is_network_configuration(text: str) -> bool:
    """Whether a string is a network configuration document (its root a NetworkConfiguration element)."""
    from migcheck.readers import python_script as bodies
    from migcheck.readers.xml import local_name

    if "NetworkConfiguration" not in text[: automation.LONGEST_PATH]:
        return False
    root = bodies.body_root(text)
    return root is not None and local_name(root) == "NetworkConfiguration"


def _address_starts(address: str) -> Iterator[str]:
    """A request's address, and each start of it that ends at a `/`."""
    yield address
    at = address.find("/")
    while at >= 0:
        yield address[: at + 1]
        at = address.find("/", at + 1)


def _stated_default(value: Value, sure: bool = False) -> Value | None:
    """What a parameter of the script's own holds from its default (see `Interpreter._defaults`): a name,
    or a list of names, as values that may be missing (unless `sure`: the run on the defaults); None for
    anything else, which stays unknown. An empty string or list is none: it would say that the script names
    nothing (no reserved IP, a loop that never runs), which a caller may not mean. Its strings are unmarked:
    a finding about what a call does with one points at the call that passes it, as a function's parameter
    does (see `Interpreter._passed`), not at a default a caller may replace."""

    def held(text: Text) -> Text:
        return _unmarked(text if sure else replace(text, sure=False, other=True))

    if isinstance(value, Text):
        return held(value) if value.value.strip() else None
    if isinstance(value, Items) and value.values:
        named = all(isinstance(v, Text) and v.value.strip() for v in value.values)
        return Items(tuple(held(v) for v in value.values)) if named else None
    return None


def _with_defaults_run(resources: tuple[object, ...], on_defaults: tuple[object, ...]) -> tuple[object, ...]:
    """The script's resources, each VM joined with the same VM as the run on the parameters' defaults
    builds it (see `joined_paths`): that run is one the script surely allows, so a blocker it sets is one
    the script can create, even where the reader, not knowing what a caller passes, knows no value (a
    `switch` on a parameter that sets the subnets). Only the VMs both runs build are joined; all else is
    the first run's, in which a choice on a parameter stays one (its branches exclusive)."""
    built: dict[tuple[str, str, str], Role] = {}
    for resource in on_defaults:
        if isinstance(resource, Deployment):
            for role in resource.roles:
                built[_placed_role(resource, role)] = role
    if not built:
        return resources
    joined: list[object] = []
    for resource in resources:
        if isinstance(resource, Deployment):
            roles = tuple(
                joined_paths(role, built[place]) if (place := _placed_role(resource, role)) in built else role
                for role in resource.roles
            )
            resource = replace(resource, roles=roles)
        joined.append(resource)
    return tuple(joined)


def _placed_role(deployment: Deployment, role: Role) -> tuple[str, str, str]:
    """A role's key in both runs. Not by slot: a script makes one deployment of a service, and the run on
    the parameters' defaults may decide a swap (`Move-AzureDeployment`) the other leaves unknown."""
    return (deployment.service_name.casefold(), deployment.name.casefold(), role.name.casefold())


def _defaults_to_null(default: Node | None) -> bool:
    """Whether a parameter's default is written `$null`."""
    return default is not None and _text(default).strip().casefold() == "$null"


def _default_of(declared: Node | None) -> Node | None:
    """The expression a parameter's declaration gives as its default, if any."""
    default = _first(declared, "script_parameter_default") if declared is not None else None
    given = _named(default) if default is not None else []
    return given[-1] if given else None


@dataclass(frozen=True, slots=True)
class _Signature:
    """The parameters a function declares, as each call of it binds them."""

    parameters: list[Node]  # the declared variables, in order
    names: list[str]  # the key of each (a name declared twice is there twice)
    is_switch: list[bool]  # whether each is a switch (`[switch]$Force`)
    types: list[str]  # the type each is constrained to (`[string]$Name`), "" for none
    from_pipeline: list[bool]  # whether each takes piped input (`ValueFromPipeline`, not by property name)
    # Whether each may be declared mandatory (`[Parameter(Mandatory)]`): a call that does not pass it
    # prompts for it, where any other parameter not given is $null.
    mandatory: list[bool]
    known: frozenset[str]
    switches: frozenset[str]  # the names of the switches
    order: tuple[str, ...]  # the names once each, in order: the order positional arguments fill them
    # The names and aliases (`[Alias("WithAcl")]`) sorted, each with the name it stands for, to find those
    # an abbreviation starts without a scan.
    ordered: tuple[tuple[str, str], ...]
    aliases: dict[str, str]  # the name each alias stands for (the first parameter that declares it)
    repeated: frozenset[str]  # the names declared twice or more
    # Whether the parameter of each name (the first declared) says "ValueFromPipeline" anywhere, by
    # property name too: what a call returns when the function returns that parameter unfollowed.
    takes_pipeline: dict[str, bool]
    # Per parameter, found once: the expression of its default (`$Size = "Small"`), if any, and the value
    # the body reads when a call gives it nothing the script states (the parameter's own unknown).
    defaults: list[Node | None]
    unstated: list[Unknown]

    @staticmethod
    def of(function: Node) -> _Signature:
        parameters = _parameters(function)
        names = [_variable(_text(p))[1] for p in parameters]
        is_switch = [_is_switch(p.parent) for p in parameters]
        takes_pipeline: dict[str, bool] = {}
        aliases: dict[str, str] = {}
        declared = frozenset(names)
        for name, parameter in zip(names, parameters, strict=True):
            if parameter.parent is not None and name not in takes_pipeline:
                takes_pipeline[name] = _parameter_says(
                    parameter.parent, "valuefrompipeline"
                ) or _parameter_says(parameter.parent, "valuefrompipelinebypropertyname")
            for alias in _aliases(parameter.parent):
                if alias not in declared:
                    aliases.setdefault(alias, name)
        return _Signature(
            parameters=parameters,
            names=names,
            is_switch=is_switch,
            types=[_declared_type(p.parent) for p in parameters],
            from_pipeline=[_from_pipeline(p.parent) for p in parameters],
            mandatory=[_may_be_mandatory(p.parent) for p in parameters],
            known=declared,
            switches=frozenset(n for n, switch in zip(names, is_switch, strict=True) if switch),
            order=tuple(dict.fromkeys(names)),
            ordered=tuple(sorted([(name, name) for name in names] + list(aliases.items()))),
            aliases=aliases,
            repeated=frozenset(name for name, count in collections.Counter(names).items() if count > 1),
            takes_pipeline=takes_pipeline,
            defaults=[_default_of(p.parent) for p in parameters],
            unstated=[Unknown(_text(p), ("def", p.id)) for p in parameters],
        )

    def resolve(self, written: str) -> str | None:
        """The parameter a named argument (case-folded) names: the one of that name or alias, else the only
        one it abbreviates a name or alias of; None when it names none, or abbreviates several (a name
        declared twice counts twice; past `_MAX_SPELLINGS` names and aliases it starts, it is not
        resolved)."""
        if written in self.known:
            return written
        if written in self.aliases:
            return self.aliases[written]
        at = bisect.bisect_left(self.ordered, (written, ""))  # those it starts follow one another from here
        starting = [
            (spelling, name)
            for spelling, name in self.ordered[at : at + _MAX_SPELLINGS + 1]
            if spelling.startswith(written)
        ]
        # One parameter by several of its spellings is one parameter; a name declared twice is two.
        meant = {name for _, name in starting}
        distinct = len(meant) == 1 and not meant & self.repeated
        return starting[0][1] if starting and distinct and len(starting) <= _MAX_SPELLINGS else None


_MAX_SPELLINGS = 8  # names and aliases one abbreviation may start and still be resolved


def _aliases(declared: Node | None) -> list[str]:
    """The aliases a declared parameter has (`[Alias("WithAcl", "W")]`), case-folded."""
    attributes = _first(declared, "attribute_list") if declared is not None else None
    found: list[str] = []
    for attribute in _named(attributes) if attributes is not None else ():
        name = _first(attribute, "attribute_name")
        if name is None or _text(name).strip().casefold() not in ("alias", "aliasattribute"):
            continue
        arguments = _first(attribute, "attribute_arguments")
        for argument in _named(arguments) if arguments is not None else ():
            inner = _unwrap(_named(argument)[0]) if _named(argument) else argument
            listed = _named(inner) if inner.type == "array_literal_expression" else [inner]
            for each in listed:
                each = _unwrap(each)
                if each.type in ("verbatim_string_characters", "expandable_string_literal", "generic_token"):
                    found.append(_text(each).strip("'\"").casefold())
    return found


def _parameters_written(command: Node) -> Iterator[tuple[str, str | None]]:
    """The parameters a command's arguments name, as written (see `_parameter`)."""
    for part in _command_parts(command.child_by_field_name("command_elements")):
        parameter = _parameter(part)
        if parameter is not None:
            yield parameter


def _written_blocks(command: Node) -> list[Node]:
    """The script blocks written as a command's arguments (`Start-Job { … }`)."""
    elements = command.child_by_field_name("command_elements")
    inner = (_unwrap(part) for part in _named(elements)) if elements is not None else ()
    return [node for node in inner if node.type == "script_block_expression"]


def _block_run(args: Args) -> Block | None:
    """The held script block a Start-Job or Invoke-Command call runs: the one it binds to -ScriptBlock,
    else one it is given by position (`Invoke-Command server1 { … }`), never its -InitializationScript."""
    given, first = args.get("ScriptBlock"), args.get("InitializationScript")
    before = first.value if first is not None else None
    candidates = (given.value if given is not None else None, *args.values)
    return next((v for v in candidates if isinstance(v, Block) and v != before), None)


def _argument_list(arg: Arg | None) -> list[Value] | None:
    """The values `-ArgumentList` passes to a script block, in order: an array's items, one by one, as
    PowerShell passes them; none when it is not given. None when the call may pass values the reader does
    not know (an entry of a splatted table that may be missing)."""
    if arg is None:
        return []
    if not arg.certain:
        return None
    return list(arg.value.values) if isinstance(arg.value, Items) else [arg.value]


def _bind_in_order(args: Args, order: Iterable[str], positional: list[Value]) -> int:
    """Give positional arguments to the parameters not bound by name, in declaration order; how many
    were given. Stops at the last argument: a parameter skipped was bound by name, so the walk costs
    what the call passes."""
    given = 0
    for name in order:
        if given == len(positional):
            break
        if name not in args.bound:
            args.bound[name] = Arg(positional[given], None)
            given += 1
    return given


def _returned_parameter(function: Node, names: frozenset[str]) -> str | None:
    """The parameter a function returns (`return $VM`), if it returns one of them."""
    stack = list(function.children)
    while stack:
        node = stack.pop()
        if node.type == "function_statement":
            continue
        if node.type == "flow_control_statement" and _text(node).casefold().startswith("return"):
            value = _named(node)
            target = _unwrap(value[-1]) if value else None
            if target is not None and target.type == "variable" and _variable(_text(target))[1] in names:
                return _variable(_text(target))[1]
        stack.extend(node.children)
    return None


def _creation(draft: DeploymentDraft | None, vm: Value | None) -> tuple[Node | None, int]:
    """Where what a removal takes away was created, and in which selection of the script: the VM `vm` names,
    when the script creates it in that deployment (a teardown may remove one VM made past a stop, and keep
    another made before it); else the deployment."""
    if draft is None:
        return None, 0
    role = draft.roles.get(_role_key(vm)) if isinstance(vm, Text) else None
    if role is not None and role.base != "existing" and role.created_by is not None:
        return role.created_by, role.selection
    return draft.created_by, draft.selection


def _own_statement(command: Node) -> Node | None:
    """The statement of a statement list that runs a command whenever it runs: the command's pipeline, or
    the assignment of its output (`$ip = New-AzureReservedIP …`). None when an expression around it may
    not run it (`$ok -and (New-AzureReservedIP …)`) or it is in a list of its own (`@( … )`)."""
    node = command
    while node.parent is not None and node.parent.type != "statement_list":
        if node.parent.type not in _RUNNING_WHAT_IT_HOLDS:
            return None
        node = node.parent
    return node if node.parent is not None else None


# What runs every command it holds, and nothing else, around a command in a statement list.
_RUNNING_WHAT_IT_HOLDS = frozenset({"pipeline_chain", "pipeline", "assignment_expression"})


def _selection_stops(root: Node) -> frozenset[int]:
    """The ids of the `break`, `return` and `exit` statements at a script's top level (with a value or
    not), which stop it unconditionally: what follows one never runs when the script is run whole (F5), so
    it is there to be run a selection at a time, as a demo or course script is, most often after a `break`
    first thing. Such a script is read as running its selections in order: past each, as if the next
    selection started there. One in a block (a loop, a `switch`, an `if`, a function) is not one of them."""
    return frozenset(s.id for s in _top_statements(root) if _stops_the_script(s))


def _top_statements(root: Node) -> Iterator[Node]:
    """The statements of a script's top level, in order, until its top level holds other than lists of
    statements (its `param` block aside)."""
    for child in _named(root):
        if child.type == "param_block":
            continue
        if child.type != "statement_list":
            return
        yield from _named(child)


def _stops_the_script(statement: Node) -> bool:
    """A `break`, `return` or `exit`, not in a block: `break outer` too, which stops the script when no
    loop of the script is labelled `outer` around it (none is at its top level)."""
    if statement.type != "flow_control_statement" or not statement.children:
        return False
    return _text(statement.children[0]).casefold() in ("break", "return", "exit")


def _same_reservation(named: Value, held: NameRef | None, held_by: object) -> bool | None:
    """Whether a removal of the reserved IP `named` removes the one a deployment holds (`held`, named by
    the value `held_by` when the script does not state its name): True when it holds none, or the names
    are one (stated alike, or the same value the script does not state); False when both are stated and
    differ; None when the reader cannot tell (a name stated on one side only, or two values it does not
    state), which leaves the VIP's reservation unknown."""
    if held is None:
        return True
    if isinstance(named, Text) and not is_stand_in(held.name):
        return _name_key(named.value) == _name_key(held.name)
    if isinstance(named, Unknown) and held_by is not None and named.ident == held_by:
        return True
    return None


def _created_here(draft: DeploymentDraft | None, kind: str, name: Value) -> bool:
    """Whether what a removal names (`kind`: Remove-AzureVM, else the whole deployment) is something the
    script creates: a VM of the deployment it makes in the service, not one it only changes
    (`Get-AzureVM … | Update-AzureVM`); a deployment holding one."""
    if draft is None:
        return False
    if kind != "remove-azurevm":
        return any(role.base != "existing" for role in draft.roles.values())
    role = draft.roles.get(_role_key(name)) if isinstance(name, Text) else None
    return role is not None and role.base != "existing"


def _names_group(node: Node) -> bool:
    """Whether an association cmdlet is Set-AzureNetworkSecurityGroupAssociation (not a route table's)."""
    return _command_name(node).casefold() == "set-azurenetworksecuritygroupassociation"


def _names_association(node: Node) -> bool:
    """Whether a removal cmdlet is Remove-AzureNetworkSecurityGroupAssociation (which takes a VM too)."""
    return _command_name(node).casefold() == "remove-azurenetworksecuritygroupassociation"


def _of_vm_or_role(args: Args) -> bool:
    """Whether a network security group association cmdlet is given a VM or a role, not a subnet."""
    return any(args.given(name) is not False for name in ("VM", "RoleName", "ServiceName"))


def _same_circuit(key: Value, circuit: str) -> bool:
    """Whether a removal's service key (`key`) may be that of the circuit an authorization was created on
    (`circuit`: its key, or a stand-in for one the script does not state): a key the script does not
    state may be; a key it states is when it is the circuit's, and may be another when the circuit's key
    is not stated."""
    if not isinstance(key, Text):
        return True
    return not is_stand_in(circuit) and key.value.strip().casefold() == circuit.strip().casefold()


@dataclass(frozen=True, slots=True)
class _MaybeAssociation:
    """A reserved IP association that may not run (see `Interpreter._associate`): the deployment, the
    reserved IP and the value that names it (`by`, when the script does not state its name), whether the
    deployment's reservation was unknown before it, and where it is (see `Interpreter._branch_path`)."""

    draft: DeploymentDraft
    reserved: NameRef
    by: object
    unknown_before: bool
    path: tuple[int, bool, int, bool]


def _either_reservation(reserved: list[NameRef]) -> NameRef:
    """The reserved IP of branches one of which runs, each giving one (`reserved`): the one they all name,
    else a stand-in where the first is named, which says the names when the script states them all."""
    first = reserved[0]
    names = dict.fromkeys(_name_key(r.name) for r in reserved)
    if len(names) == 1:
        return first
    shown = _stand_in("reserved IP name", first.mark)
    stated = list(dict.fromkeys(r.name for r in reserved))
    if not any(is_stand_in(name) or ", " in name for name in stated):
        shown = shown.replace("<reserved IP name, ", f"<reserved IP {' or '.join(stated)}, ", 1)
    return NameRef(shown, first.mark)


def _same_by(made: list[_MaybeAssociation]) -> object:
    """The value that names the reserved IP every association gives, when it is one; else None."""
    return made[0].by if all(m.by == made[0].by for m in made) else None


def _enumerated(outputs: list[Value]) -> tuple[Value, ...]:
    """What several statements output, item by item: PowerShell sends an array a statement outputs down
    the pipeline one item at a time, so `@(@("a", "b"); @("c", "d"))` holds four strings, not two arrays
    (as `@(@("a", "b"), @("c", "d"))`, one statement, does)."""
    return tuple(
        item for output in outputs for item in (output.values if isinstance(output, Items) else (output,))
    )


def _item_at(items: Items, index: str) -> Value | None:
    """`$list[1]`, `$list[-1]`: the item at a whole-number index of an array the reader knows; None for
    another index, one past its end, or an array a loop read once may have added to."""
    if not _WHOLE.fullmatch(index) or any(_earlier_rounds(value) for value in items.values):
        return None  # a loop's earlier rounds may have put more items before these
    at = int(index)
    return items.values[at] if -len(items.values) <= at < len(items.values) else None


def _environment_variable(node: Node) -> bool:
    """Whether an expression is only an environment variable (`$env:DEPLOY_ENV`): always one string."""
    inner = _unwrap(node)
    while inner.type == "parenthesized_expression" and len(_named(inner)) == 1:
        inner = _unwrap(_named(inner)[0])
    return inner.type == "variable" and _text(inner).casefold().startswith(("$env:", "${env:"))


@dataclass(frozen=True, slots=True)
class SwitchMode:
    """How a `switch` compares its value with its clauses: `exact` (the default, and `-Exact`), `like`
    (`-Wildcard`) or `match` (`-Regex`), and whether `case` counts (`-CaseSensitive`)."""

    compare: str
    case: bool


# The parameters a `switch` takes, each by any prefix of its name, as PowerShell's parser reads them; the
# grammar knows them written in full only, and reads a prefix (`-r`) as an error.
_SWITCH_PARAMETERS = ("regex", "wildcard", "exact", "casesensitive", "parallel", "file")


def _switch_mode(switch: Node) -> SwitchMode | None:
    """How a `switch` compares (see `SwitchMode`), from the parameters written between `switch` and its
    value; None when it reads a file (`-File`), runs in parallel, or is written in a way the reader does
    not follow."""
    written: list[str] = []
    for child in _named(switch):
        if child.type == "switch_condition":
            if _first(child, "switch_filename") is not None:
                return None  # `-File`, which the grammar reads as part of the value
            break
        if child.type not in ("switch_parameters", "ERROR"):
            continue
        written += _text(child).split()
    compare, case = "exact", False
    for word in written:
        name = word.casefold().removeprefix("-")
        known = next(
            (p for p in _SWITCH_PARAMETERS if name and word.startswith("-") and p.startswith(name)), None
        )
        if known is None or known in ("parallel", "file"):
            return None
        if known in ("regex", "wildcard"):
            compare = "match" if known == "regex" else "like"  # the last of the two written counts
        case = case or known == "casesensitive"
    return SwitchMode(compare, case)


def _clause_matches(
    mode: SwitchMode, subject: Text, constant: str, spend: Callable[[int], None]
) -> bool | None:
    """Whether a clause that compares with the string `constant` matches the string `subject`: equal to it,
    or matched by it as a wildcard or regular expression is (see `_pattern_holds`)."""
    if mode.compare == "exact":
        wanted = subject.value if mode.case else subject.value.casefold()
        return wanted == (constant if mode.case else constant.casefold())
    return _pattern_holds(mode.compare, subject, Text(constant), mode.case, spend)


def _exclusive_clauses(mode: SwitchMode | None, clauses: list[Node], one_string: bool) -> bool:
    """Whether at most one clause of a `switch` runs: it compares `one_string`, a string the reader knows
    or an environment variable (not an array, whose items each run the clauses, nor a value it does not
    know, which may be one: a parameter, a variable the script does not assign), as written (`mode`: no
    `-Regex`, `-Wildcard` or `-File`), with constants no value equals two of (`"web"`, `sql`, `1`; `default`
    runs when no other does)."""
    if mode is None or mode.compare != "exact" or not one_string:
        return False
    constants = [_clause_constant(_first(clause, "switch_clause_condition")) for clause in clauses]
    if any(constant is None for constant in constants):
        return False
    compared = [c if mode.case else c.casefold() for c in constants if c is not None]
    return len(set(compared)) == len(compared)


def _clause_constant(condition: Node | None) -> str | None:
    """The constant a `switch` clause compares with (`"web"`, `'web'`, `web`, `1`), `default` as a value
    none equals; None when the clause tests anything else (a script block, a variable, a string that
    expands one)."""
    if condition is None:
        return None
    text = _text(condition).strip()
    if text.casefold() == "default":
        return _DEFAULT_CLAUSE
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1]
    if len(text) >= 2 and text[0] == text[-1] == '"' and not any(c in text[1:-1] for c in '$`"'):
        return text[1:-1]
    return text if _BARE_CONSTANT.fullmatch(text) else None


_BARE_CONSTANT = re.compile(r"[\w.-]+")
_DEFAULT_CLAUSE = "\0default"  # `default`, as a constant no string equals


def _branches(node: Node) -> Iterator[tuple[Node | None, Node | None]]:
    """The (condition, block) of each branch of an `if`, in order; the `else` has no condition."""
    condition: Node | None = None
    for child in _named(node):
        if child.type == "pipeline":
            condition = child
        elif child.type == "statement_block":
            yield condition, child
        elif child.type == "elseif_clauses":
            for clause in _named(child):
                yield clause.child_by_field_name("condition"), _first(clause, "statement_block")
        elif child.type == "else_clause":
            yield None, _first(child, "statement_block")


# The static methods of [string] that test for a missing value (`[string]::IsNullOrEmpty($vnet)`): the
# commonest way a script fills in a parameter left to its $null default.
_NULL_OR_EMPTY_TESTS = frozenset({"isnullorempty", "isnullorwhitespace"})


def _is_string_type(node: Node | None) -> bool:
    """Whether a node is the type `[string]` (`[String]`, `[System.String]`)."""
    if node is None or node.type != "type_literal":
        return False
    return _text(node).strip("[] ").casefold() in ("string", "system.string")


def _null_or_empty(value: Value, blank: bool) -> bool | None:
    """Whether `[string]::IsNullOrEmpty(value)` (IsNullOrWhiteSpace when `blank`) holds, when the reader
    knows: $null the script states, or a string it surely gives."""
    if isinstance(value, Null):
        return True if value.stated else None
    if isinstance(value, Text) and value.sure:
        return not (value.value.strip() if blank else value.value)
    return None


def _null_tested(condition: Node | None) -> str | None:
    """The variable a condition tests for a missing value, in the forms scripts fill in a parameter left
    to its $null default with: `-not $x`, `!$x`, `$x -eq $null` (either side), `$x -eq ''`,
    `[string]::IsNullOrEmpty($x)` (IsNullOrWhiteSpace), `$x.Length -eq 0` and `-not $x.Length`. Where it
    does not hold, the variable is not $null. None for any other condition."""
    node = _unwrap(condition) if condition is not None else None
    parts = _named(node) if node is not None else []
    if node is None or not parts:
        return None
    if node.type == "expression_with_unary_operator" and len(parts) == 1:
        negated = _text(node.children[0]).casefold() in ("-not", "!")
        return _tested_variable(parts[0], length=True) if negated else None
    if node.type == "invokation_expression" and _is_string_type(parts[0]):
        method = _first(node, "member_name")
        listed = _first(node, "argument_list")
        written = _arguments(listed) if listed is not None else []
        tests = method is not None and _text(method).casefold() in _NULL_OR_EMPTY_TESTS
        return _tested_variable(written[0], length=False) if tests and len(written) == 1 else None
    return _compared_with_missing(parts, _EQUALS)


def _compared_with_missing(parts: list[Node], operators: frozenset[str]) -> str | None:
    """The variable the parts of a comparison compare, by one of `operators`, with a missing value: `$x`
    with $null or '' (either side), `$x.Length` with 0. None for any other comparison."""
    operator = next((p for p in parts if p.type == "comparison_operator"), None)
    sides = [p for p in parts if p.type != "comparison_operator"]
    if operator is None or len(sides) != 2 or _text(operator).strip().casefold() not in operators:
        return None
    for own, other in (sides, sides[::-1]):
        written_value = _text(other).strip().casefold()
        if written_value in ("$null", "''", '""'):
            return _tested_variable(own, length=False)
        if written_value == "0":
            return _tested_variable(own, length=True, only_length=True)
    return None


_NOT_EQUALS = frozenset({"-ne", "-ine", "-cne"})


def _set_tested(condition: Node | None) -> list[str]:
    """The variables a condition holds only when they are set, in the forms scripts guard a parameter left
    to its $null default with: `$x`, `$x.Length`, `$x -ne $null` (either side), `$x -ne ''`, `$x.Length -ne
    0`, the negation of a null test (`-not [string]::IsNullOrEmpty($x)`, see `_null_tested`), and each side
    of an `-and` of them. In the branch such a condition runs, they are not $null."""
    node = _unparenthesized(condition) if condition is not None else None
    parts = _named(node) if node is not None else []
    if node is None:
        return []
    if node.type == "logical_expression":
        joins = [c for c in node.children if not c.is_named and c.type != "comment"]
        if any(_text(join).casefold() != "-and" for join in joins):
            return []
        return [variable for part in parts for variable in _set_tested(part)]
    if node.type == "expression_with_unary_operator" and len(parts) == 1:
        negated = _text(node.children[0]).casefold() in ("-not", "!")
        tested = _null_tested(_unparenthesized(parts[0])) if negated else None
        return [tested] if tested else []
    tested = _tested_variable(node, length=True)
    if tested is None and node.type == "comparison_expression":
        tested = _compared_with_missing(parts, _NOT_EQUALS)
    return [tested] if tested else []


def _unparenthesized(node: Node) -> Node:
    """The expression inside any parentheses written around it (`-not ($x -eq $null)`)."""
    inner = _unwrap(node)
    while inner.type == "parenthesized_expression" and len(_named(inner)) == 1:
        inner = _unwrap(_named(inner)[0])
    return inner


def _tested_variable(node: Node, length: bool, only_length: bool = False) -> str | None:
    """The variable (case-folded, of no scope) a side of a null test reads: `$x`, unless `only_length`, or
    its `.Length` when `length`."""
    node = _unwrap(node)
    if node.type == "variable" and not only_length:
        scope, key = _variable(_text(node))
        return key if not scope else None
    parts = _named(node) if node.type == "member_access" else []
    if not length or len(parts) != 2 or _text(parts[1]).casefold() != "length":
        return None
    return _tested_variable(parts[0], length=False)


def _bind_entries(args: Args, signature: _Signature, table: Table) -> list[Value]:
    """Bind a table splatted into a call of the script's function to its parameters by name (exact, else
    an unambiguous prefix), as PowerShell binds `-Name value`; the values bound to none of them."""
    unbound: list[Value] = []
    for folded, written, value, _ in table.entries:
        match = signature.resolve(folded)
        args.bound[match if match is not None else written] = Arg(value, None)
        args.values.append(value)
        if match is None:
            unbound.append(value)
    return unbound


def _set_past(variable: str | None, env: Env) -> dict[str, Value]:
    """What a variable a branch's condition tests for a missing value (see `_null_tested`) holds on the
    paths past that branch: not $null, where it may have been (`if ([string]::IsNullOrEmpty($vnet)) {
    $vnet = 'appvnet' }` leaves a network in every path)."""
    value = env.lookup(variable) if variable else None
    if variable and isinstance(value, Unknown) and value.maybe_null:
        return {variable: replace(value, maybe_null=False)}
    return {}


def _length(value: Value) -> Text | None:
    """`.Length` of a value, when the reader knows it: of a string it surely gives, and of $null the
    script states (0, as PowerShell gives every object a Length)."""
    if isinstance(value, Null):
        return Text("0", number=True) if value.stated else None
    if isinstance(value, Text) and value.sure and value.number is False:
        return Text(str(len(value.value)), number=True)
    return None


def _truth(value: Value) -> bool | None:
    """Whether a condition holds, when the reader knows; None otherwise. $true and $false; a string is true
    unless empty (a number false when zero, and the reader does not tell `"0"`, which is true, from `0`: one
    that reads as zero is not decided); an array is true when it holds two elements or more, or one that
    is, as far as its first items tell."""
    if isinstance(value, Flag):
        return value.value
    if isinstance(value, Null):
        return False if value.stated else None
    if isinstance(value, Text):
        if not value.sure:
            return None
        if value.number is True:  # a number the reader counted (`.Length`): zero is false
            return not _is_zero(value.value)
        return None if _is_zero(value.value) else value.value != ""
    if isinstance(value, Items):  # items the reader knows are one element each: others may be none, or many
        first = value.values[:2]
        if not all(isinstance(v, Flag) or (isinstance(v, Text) and v.sure) for v in first):
            return None
        return len(first) == 2 or (_truth(first[0]) if first else False)
    return None


# The longest string read as a number: far longer than any a script writes (a decimal holds 29 digits), so
# a longer one is none, decided before a pattern runs over it.
_MAX_NUMBER = 64


def _is_zero(text: str) -> bool:
    return len(text) <= _MAX_NUMBER and _ZERO.fullmatch(text) is not None


# A string that reads as a number equal to zero (`0`, `0.0`, `0x0`, `-0`, `0kb`, ` 0 `). No part of it can
# match what the part after it does (`0+(?:\.0*)?`, not `0+\.?0*`), so a string that is none fails in one
# pass, without trying each split of its zeros.
_ZERO = re.compile(r"\s*[+-]?(?:0x0+|(?:0+(?:\.0*)?|\.0+)(?:e[+-]?\d+)?)[a-z]{0,2}\s*", re.IGNORECASE)
# How far a word that ends the path reaches: `return`, `break` and `continue` end the function at most,
# `throw` its caller too (unless a `catch` takes it), `exit` the script.
_REACH = {"return": 0, "break": 0, "continue": 0, "throw": 1, "exit": 2}


def _reach(word: str | None) -> int:
    return _REACH.get(word, 0) if word is not None else 0


def _unsure(value: Value) -> Value:
    """A value that may be missing (see `Text.sure`): its strings, or those of an array, are marked. An
    array is copied once, however often it is assigned where it may be missing."""
    if isinstance(value, Text) and (value.sure or value.other):
        return replace(value, sure=False, other=False)
    if isinstance(value, Items):
        if value.unsure is None:
            copy = value
            if any(isinstance(v, Text) and (v.sure or v.other) for v in value.values):
                copy = Items(tuple(_unsure(v) if isinstance(v, Text) else v for v in value.values))
            object.__setattr__(copy, "unsure", copy)
            object.__setattr__(value, "unsure", copy)
        return value.unsure
    return value


def _stale(value: Value, text: str = "") -> Value:
    """A value as read where something the reader does not follow may have changed it (`Set-Variable`, a
    dot-sourced script, a function given the table): what it holds still names what it names, but decides
    no condition. A flag or $null becomes unknown; a string may be missing (see `Text.sure`); an array or
    table may hold other items (an unknown item is added to an array; a table's keys are no longer known
    nor its entries certain). VM configurations are kept: what may change them is followed apart (see
    `Interpreter.escape`). `text` names the value, as messages show it."""
    if isinstance(value, (Flag, Null)):
        return Unknown(text)
    if isinstance(value, Text):
        return _unsure(value)
    if isinstance(value, Items):
        if value.stale is None:  # found once per array: a read costs the same whatever its length
            held = (_stale(v) if isinstance(v, (Flag, Null, Text)) else v for v in value.values)
            copy = Items((*held, Unknown("")))
            object.__setattr__(copy, "stale", copy)
            object.__setattr__(value, "stale", copy)
        return value.stale
    if isinstance(value, Table):
        if value.stale is None:  # found once per table: a command given it costs the same however often
            entries = tuple((key, written, item, False) for key, written, item, _ in value.entries)
            table = Table(entries, opaque=True)
            object.__setattr__(table, "stale", table)
            object.__setattr__(value, "stale", table)
        return value.stale
    return value


def _typed(value: Value, name: str) -> Value | None:
    """A value as a variable of a type (`[string]$x = $false`) holds it, where the reader follows the
    conversion: to a flag, a string or a whole number; None when it does not. A value the script does not
    state stays as it is, and one of another type too, unless it is a flag."""
    name = name.removeprefix("system.")
    if isinstance(value, Unknown):
        return value
    if name in _FLAG_TYPES:
        known = _truth(value)
        return Flag(known) if known is not None else None
    if name == "string":
        if isinstance(value, Flag):
            return Text("True" if value.value else "False")
        if isinstance(value, Null):
            return Text("", number=False)  # `[string]$x = $null` holds the empty string
        return replace(value, number=False) if isinstance(value, Text) else None
    if name in _WHOLE_TYPES:
        if isinstance(value, Flag):
            return Text("1" if value.value else "0", number=True)
        if isinstance(value, Null):
            return Text("0", number=True)
        whole = isinstance(value, Text) and _WHOLE.fullmatch(value.value)
        return (
            Text(str(int(value.value)), value.mark, value.sure, number=True, other=value.other)
            if whole
            else None
        )
    if isinstance(value, Items) and not (name.endswith("[]") or name in ("array", "object")):
        return None  # `[System.Collections.ArrayList]$x = @()`: a list its methods change in place
    if isinstance(value, Text) and (name.endswith("[]") or name == "array"):
        return Items((value,))  # `[string[]]$x = 'test'` holds an array of one, and a caller may pass more
    return None if isinstance(value, Flag) else value


_FLAG_TYPES = frozenset(
    {"bool", "boolean", "switch", "switchparameter", "management.automation.switchparameter"}
)
_WHOLE_TYPES = frozenset(
    {"int", "int32", "int64", "long", "int16", "short", "byte", "sbyte", "uint16", "uint32", "uint64"}
)


def _declared_type(declared: Node | None) -> str:
    """The type a declared parameter is constrained to (`[string]$Name`), case-folded; "" for none."""
    if declared is not None and declared.type == "class_method_parameter":  # a method's: `[string] $name`
        written = _first(declared, "type_literal")
        return _text(written)[1:-1].strip().casefold() if written is not None else ""
    attributes = _first(declared, "attribute_list") if declared is not None else None
    found = ""
    for attribute in _named(attributes) if attributes is not None else ():
        written = _first(attribute, "type_literal")
        if written is not None:
            found = _text(written)[1:-1].strip().casefold()
    return found


def _production_slot(args: Args) -> bool:
    """Whether a call that names a cloud service's deployment by its slot (`-Slot`) names the production
    one, which is what the files' deployments are (New-AzureVM deploys to production): the default, or
    `Production` stated. A staging deployment's reserved IP is not production's."""
    slot = args.get("Slot")
    return slot is None or (
        isinstance(slot.value, Text) and slot.value.value.strip().casefold() == "production"
    )


def _may_be_mandatory(declared: Node | None) -> bool:
    """Whether a declared parameter may be mandatory (`[Parameter(Mandatory)]`, see `_parameter_says`)."""
    return _parameter_says(declared, "mandatory")


def _parameter_says(declared: Node | None, flag: str) -> bool:
    """Whether an argument of a `[Parameter(…)]` of a declared parameter sets `flag` (`Mandatory`,
    `ValueFromPipeline`): written alone, `= $true` or `= 1`, or set to a value the reader does not decide
    (one of several, for parameter sets, is enough). `= $false` (or 0) sets it off, as leaving it out does;
    the word anywhere else (a help message, a comment, `ValueFromPipelineByPropertyName`) says nothing."""
    attributes = _first(declared, "attribute_list") if declared is not None else None
    for attribute in _named(attributes) if attributes is not None else ():
        name = _first(attribute, "attribute_name")
        written = _text(name).strip().casefold().removeprefix("system.management.automation.") if name else ""
        arguments = _first(attribute, "attribute_arguments")
        if written not in ("parameter", "parameterattribute") or arguments is None:
            continue
        for argument in _named(arguments):
            parts = _named(argument)
            if not parts or parts[0].type != "simple_name" or _text(parts[0]).casefold() != flag:
                continue
            if len(parts) == 1 or _attribute_flag(parts[-1]) is not False:
                return True
    return False


def _attribute_flag(node: Node) -> bool | None:
    """The value an attribute's argument sets, when it is `$true`, `$false` or a whole number (true unless
    zero); None for anything else."""
    inner = _unwrap(node)
    while inner.type == "integer_literal" and inner.named_child_count == 1:
        inner = _named(inner)[0]
    text = _text(inner).strip().casefold()
    if inner.type == "variable" and text in ("$true", "$false"):
        return text == "$true"
    if inner.type == "decimal_integer_literal" and text.isdigit():
        return text.strip("0") != ""
    return None


def _from_pipeline(declared: Node | None) -> bool:
    """Whether a declared parameter takes piped input (`[Parameter(ValueFromPipeline = $true)]`)."""
    return _parameter_says(declared, "valuefrompipeline")


def _is_switch(declared: Node | None) -> bool:
    """Whether a declared parameter is a switch (`[switch]$Force`)."""
    return declared is not None and _SWITCH.search(_text(declared)) is not None


def _unmarked(text: Text) -> Text:
    return Text(text.value, sure=text.sure, number=text.number, written=text.written, other=text.other)


def _call_value(outputs: list[Value], spend: Callable[[int], None]) -> Value | None:
    """What a call of the script's function gives, from what the function outputs (an array item by
    item, as PowerShell writes it): the VM configurations it outputs, else the one value it outputs when
    the reader knows it; None for anything else. What else a function that builds VMs outputs (a count, a
    status, a message) is not what the caller hands to New-AzureVM. A function may output a value on some
    paths only: so never $true or $false, which would decide the caller's `if` (see `Interpreter._if`)."""
    items = [
        i for v in outputs for i in (v.values if isinstance(v, Items) else (v,)) if not isinstance(i, Null)
    ]
    spend(len(items))
    vms = list(dict.fromkeys(item for item in items if isinstance(item, Vms)))
    if vms:
        return vms[0] if len(vms) == 1 else _bounded(Items(tuple(vms)))
    if len(items) == 1 and not isinstance(items[0], (Unknown, Flag)):
        return items[0]
    if len(items) == 1 and isinstance(items[0], Unknown) and items[0].shape:
        # A string built from values the script does not state (`return "$env:TEMP\net.xml"`): the path
        # of the file the function wrote is the one the caller uploads.
        return items[0]
    return None


def _one_of(outputs: list[list[Value]], spend: Callable[[int], None], complete: bool = True) -> list[Value]:
    """What code outputs where one of several branches runs (see `Interpreter._apart`), from what each
    outputs (arrays item by item, as PowerShell writes them): when the branches that output VM
    configurations each output one, they are joined into one that is either (as a variable assigned on
    each branch holds one, see `join`); when they output several, which of one branch's is which of
    another's is not known (`web01, sql01` or `node01, node02`), so all are kept, one after the other, as
    VMs that may each be created. Their other values are joined place by place when every branch gives as
    many. `$vm = if ($big) { New-AzureVMConfig … Large } else { New-AzureVMConfig … Small }` is one
    configuration, never two. One value the script does not state, where another branch outputs nothing
    or $null, is $null on that path (`$vnet = if (…) { $args[0] } else { $null }`: see `Unknown.maybe_null`),
    as it is where no branch runs (unless `complete`: one always does)."""
    if len(outputs) < 2:
        values = [value for output in outputs for value in output]
        return values if complete else _null_on_another_path(values)
    flat = [_flat(output) for output in outputs]
    spend(sum(map(len, flat)))
    vms = [[item for item in items if isinstance(item, Vms)] for items in flat]
    others = [[item for item in items if not isinstance(item, Vms)] for items in flat]
    if any(len(configurations) > 1 for configurations in vms):
        return [*(vm for configurations in vms for vm in configurations), *_placewise(others)]
    values = _placewise(others)
    silent = not complete or any(all(_stated_null(v) for v in output) for output in outputs)
    if silent and not any(vms):
        values = _null_on_another_path(values)
    return [*_placewise(vms), *values]


def _alike(outputs: list[list[Value]]) -> bool:
    """Whether branches one of which runs each output as many values, $null aside, as `_one_of` counts
    them: joined place by place, each value is output on every path."""
    return len({len(_flat(output)) for output in outputs}) == 1


def _flat(output: list[Value]) -> list[Value]:
    """What a branch outputs, arrays item by item as PowerShell writes them, $null aside."""
    return [
        i for v in output for i in (v.values if isinstance(v, Items) else (v,)) if not isinstance(i, Null)
    ]


def _null_on_another_path(values: list[Value]) -> list[Value]:
    """What one branch outputs where another outputs nothing: one value the script does not state is
    $null on that path (see `Unknown.maybe_null`)."""
    if len(values) == 1 and isinstance(values[0], Unknown):
        return [replace(values[0], ident=None, maybe_null=True)]
    return values


def _on_branch(
    around: tuple[tuple[str, int], ...] | None, choice: str, taken: int
) -> tuple[tuple[str, int], ...] | None:
    """The branches code is run on: those `around` it and branch `taken` of `choice`, unless code around
    it may run several times (None); past _MAX_CHOICES choices deep, those around it only."""
    if around is None or len(around) >= _MAX_CHOICES:
        return around
    return (*around, (choice, taken))


_MAX_ALTERNATIVES = 16  # branches one VM of a configuration the reader cannot see is created on, at most


def _apart(a: tuple[tuple[str, int], ...] | None, b: tuple[tuple[str, int], ...] | None) -> bool:
    """Whether code on branches `a` and code on branches `b` never both run (see `model.apart`); code whose
    branches are not told apart (None: read once, it may run on any) may run with any."""
    return a is not None and b is not None and apart(a, b)


def _made_on(
    around: tuple[tuple[str, int], ...] | None, made: list[tuple[tuple[str, int], ...] | None]
) -> tuple[tuple[str, int], ...] | None:
    """The branches a VM is created on by a command on `around` from configurations `made` on branches of
    their own (one of them: those they all lie on): theirs when they lie within `around` (`$vm = if (…)
    { New-AzureVMConfig … } else { … }` before New-AzureVM), else `around`."""
    known = [branches for branches in made if branches is not None]
    if around is None or len(known) < len(made):
        return around
    shared = functools.reduce(common_branches, known)
    return shared if shared[: len(around)] == around else around


def _placewise(outputs: list[list[Value]]) -> list[Value]:
    """The values of branches one of which runs, joined place by place when every branch that gives any
    gives as many; else all of them, one after the other."""
    given = [output for output in outputs if output]
    if given and all(len(output) == len(given[0]) for output in given):
        return [functools.reduce(join, column) for column in zip(*given, strict=True)]
    return [value for output in given for value in output]


def _assigns(statement: Node) -> bool:
    """Whether a statement is an assignment (`$x = …`, `$i++`), whose value is not output."""
    inner = _named(statement)
    if not inner:
        return False
    if inner[0].type == "assignment_expression":
        return True
    node = _unwrap(statement)
    if node.type == "expression_with_unary_operator" and len(_named(node)) == 1:
        node = _named(node)[0]
    return node.type in _STEPPING


def _same(a: Value, b: Value, case: bool) -> bool | None:
    """Whether `a -eq b` holds, when the reader knows: two flags, $null the script states and a known
    value, or two strings as PowerShell compares them, without regard to case unless `case`. Strings that may be numbers and are equal as numbers but
    not as text (`"10"`, `"010"`, `"1e1"`) are not decided, nor different strings outside ASCII compared
    without regard to case (the culture decides what is equal)."""
    if isinstance(a, Flag) and isinstance(b, Flag):
        return a.value == b.value
    if isinstance(a, Null) or isinstance(b, Null):  # $null equals $null only (`"" -eq $null` is false)
        other = b if isinstance(a, Null) else a
        if not (a if isinstance(a, Null) else b).stated:
            return None
        if isinstance(other, Null):
            return True if other.stated else None
        return False if isinstance(other, Flag) or (isinstance(other, Text) and other.sure) else None
    if not (isinstance(a, Text) and isinstance(b, Text) and a.sure and b.sure):
        return None
    x, y = a.value, b.value
    if x == y or (not case and x.isascii() and y.isascii() and x.lower() == y.lower()):
        return True
    if not case and not (x.isascii() and y.isascii()):
        return None
    if _WHOLE.fullmatch(x) and _WHOLE.fullmatch(y):
        return None if int(x) == int(y) else False
    if _is_number(x) and _is_number(y):
        return None
    return False


# The comparison operators `_compared` decides, by what they ask, with their `-not…` forms.
_COMPARISONS = frozenset(
    {"eq", "ne", "like", "notlike", "match", "notmatch", "in", "notin", "contains", "notcontains"}
)
_NEGATED = {"ne": "eq", "notlike": "like", "notmatch": "match", "notin": "in", "notcontains": "contains"}


# The comparisons a `for` loop's condition may count its rounds by (see `Interpreter._for_rounds`).
_ORDERINGS: dict[str, Callable[[int, int], bool]] = {
    "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b,
    "gt": lambda a, b: a > b,
    "ge": lambda a, b: a >= b,
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
}


def _counter_step(node: Node) -> tuple[str, int] | None:
    """The variable a statement changes by a constant, and by how much: `$i++` and `++$i` by 1, `$i--` by
    -1, `$i += 2` by 2, `$i -= 3` by -3; None for any other statement."""
    stepping = _unwrap(node)
    if stepping.type == "pipeline" and len(_named(stepping)) == 1:
        stepping = _unwrap(_named(stepping)[0])
    if stepping.type == "expression_with_unary_operator" and len(_named(stepping)) == 1:
        stepping = _named(stepping)[0]
    if stepping.type in _STEPPING:
        by = 1 if stepping.type.endswith("increment_expression") else -1
    elif stepping.type == "assignment_expression":
        operator = next((_text(c) for c in stepping.children if c.type == "assignement_operator"), "")
        amount = _unwrap(stepping.children[-1]) if operator in ("+=", "-=") else None
        if amount is None or amount.type != "decimal_integer_literal" or not _WHOLE.fullmatch(_text(amount)):
            return None
        by = int(_text(amount)) * (1 if operator == "+=" else -1)
    else:
        return None
    target = _operand(stepping)
    if target is None or target.type != "variable" or by == 0 or _variable(_text(target))[0]:
        return None
    return _variable(_text(target))[1], by


def _is_variable(node: Node, key: str) -> bool:
    """Whether `node` is the variable `key` of the scope being run (`$i`, `$script:i`)."""
    return node.type == "variable" and _variable(_text(node)) == ("", key)


def _compared(operator: str, left: Value, right: Value, spend: Callable[[int], None]) -> bool | None:
    """Whether `left <operator> right` holds, when the reader knows; None otherwise. The operators compare
    without regard to case unless written `-c…`. A collection on the left of any but `-contains` filters
    it rather than answering yes or no, so only a string there decides."""
    word = operator.removeprefix("-")
    case = False
    if word not in _COMPARISONS and word[:1] in ("i", "c") and word[1:] in _COMPARISONS:
        word, case = word[1:], word[0] == "c"
    if word not in _COMPARISONS:
        return None
    asked = _NEGATED.get(word, word)
    if asked == "eq":
        held = _same(left, right, case)
    elif asked == "in":
        held = _member_of(right, left, case, spend)
    elif asked == "contains":
        held = _member_of(left, right, case, spend)
    else:
        held = _pattern_holds(asked, left, right, case, spend)
    if held is None:
        return None
    return held if asked == word else not held


def _member_of(collection: Value, value: Value, case: bool, spend: Callable[[int], None]) -> bool | None:
    """Whether `collection -contains value`: some item equals it (see `_same`); a string is a collection
    of one. Decided when an item surely equals it, or every item surely does not."""
    if not isinstance(collection, (Items, Text)):
        return None
    items = collection.values if isinstance(collection, Items) else (collection,)
    spend(len(items))
    answers = [_same(item, value, case) for item in items]
    if True in answers:
        return True
    return False if None not in answers else None


def _pattern_holds(
    asked: str, subject: Value, pattern: Value, case: bool, spend: Callable[[int], None]
) -> bool | None:
    """Whether the string `subject` matches the wildcard (`like`) or regular expression (`match`)
    `pattern`: decided only for strings (not numbers, which PowerShell writes its own way) the script
    surely states, in ASCII unless the case counts, and patterns whose meaning the reader surely knows."""
    if not (_plain_string(subject) and _plain_string(pattern)):
        return None
    assert isinstance(subject, Text) and isinstance(pattern, Text)
    text, written = subject.value, pattern.value
    if not case:
        if not (text.isascii() and written.isascii()):
            return None  # what equals what without regard to case is the culture's to say
        text, written = text.lower(), written.lower()
    spend(len(text) + len(written))
    if asked == "like":
        return _like(text, written)
    expression = _plain_regex(written)
    return expression.search(text) is not None if expression is not None else None


def _string_test(name: str, subject: Value, argument: Value) -> bool | None:
    """`$s.Contains(x)`, `$s.StartsWith(x)`, `$s.EndsWith(x)` on strings the script surely states: .NET's,
    which count case. `Contains` compares character by character; the others as the culture sorts, which
    the reader follows for printable ASCII only (elsewhere some characters count for none)."""
    if not (_plain_string(subject) and _plain_string(argument)):
        return None
    assert isinstance(subject, Text) and isinstance(argument, Text)
    text, part = subject.value, argument.value
    if name == "contains":
        return part in text
    if not all(_PRINTABLE_ASCII.fullmatch(written) for written in (text, part)):
        return None
    return text.startswith(part) if name == "startswith" else text.endswith(part)


_PRINTABLE_ASCII = re.compile(r"[ -~]*")


def _plain_string(value: Value) -> bool:
    return isinstance(value, Text) and value.sure and value.number is False


def _like(text: str, pattern: str) -> bool | None:
    """Whether `text` matches the wildcard `pattern` as `-like` reads it (`*` any characters, `?` one, `[…]`
    one of a set or range); None for a pattern with an escape or a set the reader does not read surely.
    The parts between stars each match a fixed number of characters, so each is found at the first place
    it fits (the first part at the start, the last at the end), without backtracking."""
    parts = [_wildcard_part(part) for part in pattern.split("*")]
    if any(part is None for part in parts):
        return None
    compiled = [(re.compile(part[0], re.DOTALL), part[1]) for part in parts if part is not None]
    if len(compiled) == 1:
        return compiled[0][0].fullmatch(text) is not None
    (first, first_width), (last, last_width) = compiled[0], compiled[-1]
    if first.match(text) is None:
        return False
    at, end = first_width, len(text) - last_width
    for middle, _width in compiled[1:-1]:
        found = middle.search(text, at)
        if found is None:
            return False
        at = found.end()
    return end >= at and last.match(text, end) is not None


def _wildcard_part(part: str) -> tuple[str, int] | None:
    """A run of a wildcard without stars as a regular expression, and how many characters it matches;
    None when it holds an escape (`` ` ``) or a set other than letters, digits and ranges of one kind
    of them (`[a-c0-9]`)."""
    pieces: list[str] = []
    at = 0
    while at < len(part):
        char = part[at]
        if char == "`" or char == "]":
            return None
        if char == "?":
            pieces.append(".")
        elif char == "[":
            close = part.find("]", at)
            chosen = _wildcard_set(part[at + 1 : close]) if close > at else None
            if chosen is None:
                return None
            pieces.append(chosen)
            at = close
        else:
            pieces.append(re.escape(char))
        at += 1
    return "".join(pieces), len(pieces)


def _wildcard_set(inside: str) -> str | None:
    """`[…]` of a wildcard as a regular expression's set, when it holds letters and digits, and ranges
    from one to another of the same kind, in order."""
    if not inside.isascii() or re.fullmatch(r"(?:[a-z0-9](?:-[a-z0-9])?)+", inside, re.IGNORECASE) is None:
        return None
    for low, high in re.findall(r"([a-z0-9])-([a-z0-9])", inside, re.IGNORECASE):
        kinds = {kind for kind in (str.isdigit, str.islower, str.isupper) if kind(low) and kind(high)}
        if not kinds or low > high:
            return None
    return f"[{inside}]"


# A regular expression `-match` reads the same way as Python's `re`: alternatives of characters that stand
# for themselves (or escaped ASCII punctuation but `_`, which .NET refuses), `.`, and `^` and `$` at their
# ends. Sets, classes, quantifiers and groups differ between the two, or could take long to run: such a
# pattern is not decided.
_PLAIN_ALTERNATIVE = re.compile(r"\^?(?:[^\\^$.|?*+()\[\]{}]|\\[!-/:-@\[-^`{-~]|\.)*\$?")


def _plain_regex(pattern: str) -> re.Pattern[str] | None:
    if not all(_PLAIN_ALTERNATIVE.fullmatch(part) for part in pattern.split("|")):
        return None
    return re.compile(pattern)


_WHOLE = re.compile(r"\s*[+-]?\d{1,18}\s*")  # a whole number, as `++` and `-eq` read it
# A string PowerShell may read as a number: decimal, hexadecimal, with an exponent or a type or size suffix
# (written as `_ZERO` is, so that it cannot backtrack).
_NUMBER = re.compile(
    r"\s*[+-]?(?:0x[0-9a-f]+|(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)[a-z]{0,2}\s*", re.IGNORECASE
)


def _is_number(text: str) -> bool:
    return len(text) <= _MAX_NUMBER and _NUMBER.fullmatch(text) is not None


def _arguments(node: Node) -> list[Node]:
    listed = _first(node, "argument_expression_list")
    return _named(listed) if listed is not None else []


def _command_parts(elements: Node | None) -> list[Node]:
    """A command's elements as its arguments are bound: not its comments, nor the argument list of a method
    call that ends an argument (see `_call_list`), which is part of that argument."""
    parts: list[Node] = []
    for child in elements.children if elements is not None else ():
        if child.type != "comment" and not (parts and _call_list(parts[-1]) == child):
            parts.append(child)
    return parts


def _call_list(argument: Node) -> Node | None:
    """The argument list of the method call that ends a command's argument (`$name.Trim()`): the grammar
    reads the member called as the argument and the list as an element of its own, glued to it. None for
    any other argument: a list after a variable or a string (`$a("b")`) is bound as the grammar reads it."""
    after = argument.next_sibling
    if (
        after is None
        or after.type != "argument_list"
        or after.start_byte != argument.end_byte
        or _unwrap(argument).type != "member_access"
    ):
        return None
    return after


def _glued_by_colon(parts: list[Node], index: int) -> bool:
    """Whether the script glues a parameter's name to its value with a colon (`-Force:$false`): the tree
    reads the colon before `parts[index]`."""
    return index < len(parts) and _text(parts[index]).strip() == ":"


def _next_value(parts: list[Node], index: int) -> int | None:
    while index < len(parts) and parts[index].type == "command_argument_sep":
        index += 1
    return index if index < len(parts) else None


def _listed(first: Node, source: bytes) -> list[Node]:
    """The arguments of a command that one list passes, from `first`: it, and each after it that a comma
    separates from the one before in `source`, the script as written (the grammar reads the comma as a
    blank: see `_with_plain_lists`)."""
    found = [first]
    separator = (_call_list(first) or first).next_sibling
    while (
        separator is not None
        and separator.type == "command_argument_sep"
        and b"," in source[separator.start_byte : separator.end_byte]
    ):
        item = separator.next_sibling
        if item is None or item.type in _NOT_ITEMS or _parameter(item) is not None:
            break
        found.append(item)
        separator = (_call_list(item) or item).next_sibling
    return found


_NOT_ITEMS = frozenset({"command_argument_sep", "comment", "redirection", "redirections"})


def _list_items(arguments: list[Node]) -> list[Node]:
    """The items of a list written as several arguments, each array among them by its own items
    (`'a', 'b', c` is one array of three)."""
    if len(arguments) == 1:
        inner = _unwrap(arguments[0])
        return _named(inner) if inner.type == "array_literal_expression" else [inner]
    items: list[Node] = []
    for argument in arguments:
        inner = _unwrap(argument)
        items.extend(_named(inner) if inner.type == "array_literal_expression" else [argument])
    return items


def _written(args: Args, piped: Value | None) -> Value:
    """What `Write-Output` outputs: what it is given (`-InputObject`, every value after the first position
    too), else what is piped to it."""
    given = args.get("InputObject")
    if given is None:
        return piped if piped is not None else NULL
    rest = args.values[len(args.bound) :]  # positional values past the first, after the bound ones
    return _bounded(Items((given.value, *rest))) if rest else given.value


def _new_object(args: Args) -> Value:
    """`New-Object Hashtable` is an empty table, `New-Object System.Collections.ArrayList` (or a generic
    list) an empty array; other objects are not followed."""
    kind = args.get("TypeName")
    written = kind.value.value.casefold().strip() if kind is not None and isinstance(kind.value, Text) else ""
    if written in ("hashtable", "system.collections.hashtable"):
        return Table()
    if written in _LISTS or written.startswith(_GENERIC_LISTS):
        return Items(())
    return Unknown("New-Object")


_LISTS = frozenset({"system.collections.arraylist", "collections.arraylist", "arraylist"})
_GENERIC_LISTS = ("system.collections.generic.list[", "collections.generic.list[")


def _instance_class(ident: object) -> int | None:
    """The class (its node's id) of an object the script makes of its own class (see
    `Interpreter._instance`), told apart by `ident`; None for any other value."""
    if isinstance(ident, tuple) and len(ident) == 3 and ident[0] == "instance":
        return ident[1] if isinstance(ident[1], int) else None
    return None


def _own_arguments(value: Value) -> bool:
    """Whether a value is the `$args` of the script or of a function read once (see
    `Interpreter._own_arguments`)."""
    ident = value.ident if isinstance(value, Unknown) else None
    return isinstance(ident, tuple) and ident[:1] == ("args",)


def _styled_holes(value: Value, style: str) -> list[object]:
    """The value of the hole a value given a format of its own (`{0:D3}`) leaves in a string: that value
    styled so, when it has a definition; else a hole of no definition."""
    ident = _identity(value) if isinstance(value, Unknown) else None
    return [("styled", ident, style) if ident is not None else None]


def _holes_of(value: Value) -> list[object]:
    """The values of the holes a value inserted into a string leaves (see `Unknown.holes`): the value
    itself for each, when it has a definition (`$account`, however it was built); else those of the
    string it was built from, if known."""
    ident = _identity(value) if isinstance(value, Unknown) else None
    if not isinstance(value, Unknown) or not value.shape:
        return [ident]
    count = value.shape.count(automation.HOLE)
    if ident is not None:
        return [ident] * count
    return list(value.holes) if len(value.holes) == count else [None] * count


def _stamp(value: Value, key: str, node: Node, copied: bool = False) -> Value:
    """A variable given a value the script does not state holds that one value wherever it is read; the
    files of a listing still say which (see `Interpreter._listing`), as does a document read from one (see
    `Interpreter._read_document`), and every network site of the subscription (see
    `Interpreter._get_vnet_sites`), and the service key of a circuit (see `_circuit_key`). One `copied` whole from another variable (`$same = $name`) is the very value that one holds, which names
    what it names (the reserved IP, service or account the script made under it). An object the script
    makes of its own class is that object, whose methods a call runs (see `Interpreter._class_call`)."""
    if isinstance(value, EveryVm):
        return value  # every VM of the subscription, whatever holds it
    if isinstance(value, Unknown):
        kept = (copied and (value.ident is not None or bool(value.either))) or _instance_class(
            value.ident
        ) is not None
        told = (
            _listed_files(value)
            or _read_document_of(value)
            or value.ident == (_SUBSCRIPTION_SITES,)
            or _circuit_key(value)
        )
        ident = value.ident if kept or told else ("def", node.id)
        either = value.either if ident is value.ident else ()
        return replace(value, text="$" + key, ident=ident, either=either)  # a `FileItem` stays one
    return value


def _circuit_key(value: Unknown) -> bool:
    """Whether `value` is the service key of a circuit the script creates or finds by its name (see
    `CircuitMade`), which names that circuit whatever variable holds it."""
    ident = value.ident
    return isinstance(ident, tuple) and ident[:1] in (("circuit",), (_FOUND_CIRCUIT,))


def _plain_copy(source: Node) -> bool:
    """Whether an assignment's value is another variable, read as it is (`$same = $name`)."""
    return _unwrap(source).type == "variable"


def _literal(value: Value) -> bool:
    """Whether `value` is stated whole in the script: strings, flags, and arrays and tables of them."""
    if isinstance(value, (Text, Flag)):
        return True
    return isinstance(value, (Items, Table)) and value.literal


def _add(a: Value | None, b: Value) -> Value:
    """`a + b` and `a += b` on numbers, strings, arrays and tables; long results are not followed (each
    copy costs). PowerShell's `+` follows the type of its left operand: a number adds (a string on the
    right is read as a number), a string joins, a table takes the entries of another (see `_merged`)."""
    if isinstance(a, Text) and a.number is not False:
        return _sum(a, b) if a.number else Unknown("")
    if (
        isinstance(a, Text)
        and isinstance(b, Text)
        and len(a.value) + len(b.value) <= _longest(a.value, b.value)
    ):
        written = _joined_written(a.written, len(a.value), b.written)
        return _as_sure_as(Text(a.value + b.value, a.mark, written=written), a, b)
    head = _shape(a)
    if head is not None and isinstance(b, (Text, Unknown)):  # a string some of which is not stated
        head_holes = _holes_of(a) if isinstance(a, Unknown) else []
        return _joined_shape(head, b, a.written if isinstance(a, (Text, Unknown)) else None, head_holes)
    if isinstance(a, Table) and isinstance(b, Table):
        return _merged(a, b)
    if isinstance(a, Items) and len(a.values) < _MAX_ITEMS:
        return _bounded(Items(a.values + (b.values if isinstance(b, Items) else (b,))))
    if _earlier_rounds(a) and isinstance(b, Vms):  # `$vms += $vm` in a loop read once
        return Items((a, b))
    if _earlier_rounds(a) and isinstance(b, Items) and b.values and _configurations(b):
        return Items((a, *b.values))  # `$vms += ,$vm` or `$vms += @($vm)`: the configurations it holds
    return Unknown("")


def _formatted(template: Text, values: tuple[Value, ...], text: str) -> Value:
    """What .NET's composite formatting makes of `template` and `values` (PowerShell's `-f`): each `{n}`
    replaced by the n-th value, `{{` and `}}` by a brace. Known when every value it inserts is a string the
    reader knows; else a value the script does not state (`text` names it), of the shape the rest gives it
    (see `Unknown.shape`), as is a value given an alignment or a format of its own (`{0,5}`, `{0:D2}`). A
    template .NET refuses (an index past the values, a brace not closed) is not followed. Where the
    template and the strings it inserts are written out, so is the string it makes (see `Written`)."""
    written, pieces, known, sure, at, length = template.value, [], True, template.sure, 0, 0
    missing = _may_be_missing(template)  # whether a string in it may be missing (see `Text.other`)
    longest = _longest(written, *(v.value for v in values if isinstance(v, Text)))
    runs: list[tuple[int, int, int]] = []
    holes: list[object] = []  # the value of each hole, in order (see `Unknown.holes`)
    for brace in _BRACES.finditer(written):  # one pass: braces inside a placeholder are passed over
        start = brace.start()
        if start < at:
            continue
        if length > longest:
            return Unknown(text)
        piece = written[at:start]
        runs += _runs_within(written, template.written, at, len(piece), length)
        if written.startswith(("{{", "}}"), start):
            runs += _runs_within(written, template.written, start, 1, length + len(piece))
            piece, at = piece + written[start], start + 2
        else:
            value, style, at = _placeholder(written, start, values)
            if value is None:
                return Unknown(text)
            inserted = _styled(value, style) if isinstance(value, Text) else None
            styled = bool(style) and inserted is None
            if inserted is None:
                known = False
                shaped = isinstance(value, Unknown) and value.shape and not styled
                inserted = value.shape if shaped else automation.HOLE
                placed = value.written if shaped and isinstance(value, Unknown) else None
                # A value styled (`{0:D2}`) is another string than the value, one per value all the same:
                # a loop's counter styled still differs from round to round (see `_looped_over`).
                holes += _styled_holes(value, style) if styled else _holes_of(value)
            else:
                sure, missing = sure and value.sure, missing or _may_be_missing(value)
                placed = value.written if inserted == value.value else None
            runs += _runs_within(inserted, placed, 0, len(inserted), length + len(piece))
            piece += inserted
        pieces.append(piece)
        length += len(piece)
    pieces.append(written[at:])
    runs += _runs_within(written, template.written, at, len(pieces[-1]), length)
    if length + len(pieces[-1]) > longest and not (known and len(pieces) == 1):
        return Unknown(text)
    whole = "".join(pieces)
    located = Written(tuple(runs)) if 0 < len(runs) <= _MAX_RUNS else None
    if known:
        return Text(whole, template.mark, sure, written=located, other=not (sure or missing))
    holes_known = len(holes) == whole.count(automation.HOLE)  # a template that writes a hole itself: none
    return Unknown(text, shape=whole, written=located, holes=tuple(holes) if holes_known else ())


_BRACES = re.compile(r"[{}]")


def _placeholder(written: str, brace: int, values: tuple[Value, ...]) -> tuple[Value | None, str, int]:
    """The value the placeholder at `brace` inserts (None for one .NET refuses), the alignment or format it
    gives it (`,5` of `{0,5}`, `:D3` of `{0:D3}`; "" for none), and where the template goes on after it."""
    end = written.find("}", brace)
    if written[brace] != "{" or end < 0:
        return None, "", brace
    inside = written[brace + 1 : end]
    cut = min((at for at in (inside.find(","), inside.find(":")) if at >= 0), default=len(inside))
    item, style = inside[:cut], inside[cut:]
    if not item.strip().isdecimal() or int(item) >= len(values):
        return None, "", brace
    return values[int(item)], style, end + 1


def _styled(value: Text, style: str) -> str | None:
    """How a placeholder of `style` writes a value (see `_placeholder`): as in a string where it gives none;
    a whole number given as one padded with zeros by the format `D` and a width (`{0:D3}` of 7 is `007`)
    or by one of zeros only (`{0:00}`), as .NET pads it. None for any other style, whose string the reader
    does not follow, and for a string, which .NET writes as it is under any format but is not padded."""
    if not style:
        return _in_string(value)
    shown = _in_string(value) if value.number is True else None
    code = style[1:].strip()
    if shown is None or not style.startswith(":") or not code:
        return None
    if code[0] in "Dd" and (code[1:].isdecimal() or not code[1:]) and len(code) <= 3:
        width = int(code[1:] or 0)
    elif set(code) == {"0"} and len(code) <= 99:
        width = len(code)
    else:
        return None
    digits = shown.removeprefix("-")
    return shown[: len(shown) - len(digits)] + digits.zfill(width)


# .NET methods that send a request to the URL they are given first, by the method they send: HttpClient's,
# and WebClient's (and their `…Async` and `…TaskAsync` forms), whose `Upload…` take a method after the URL
# when given three values, as `OpenWrite` does when given two.
_SENDS = {
    **dict.fromkeys(("getasync", "getstringasync", "getstreamasync", "getbytearrayasync"), "GET"),
    "postasync": "POST",
    "putasync": "PUT",
    "patchasync": "PATCH",
    "deleteasync": "DELETE",
    **{
        name + form: verb
        for base, verb in (
            ("downloadstring", "GET"),
            ("downloaddata", "GET"),
            ("downloadfile", "GET"),
            ("openread", "GET"),
            ("uploadstring", "POST"),
            ("uploaddata", "POST"),
            ("uploadfile", "POST"),
            ("uploadvalues", "POST"),
            ("openwrite", "POST"),
        )
        for name, form in ((base, ""), (base, "async"), (base, "taskasync"))
    },
}


def _sends_method(name: str, values: list[Value], given: list[Node]) -> str | None:
    """The HTTP method a .NET method of `_SENDS` sends its request with: the one it is named for, or the one
    it is given after the URL (`UploadString(url, "PUT", body)`, `OpenWrite(url, "PUT")`)."""
    takes_method = (name.startswith("openwrite") and len(values) >= 2) or (
        name.startswith("upload") and len(values) >= 3
    )
    return _http_method(values[1], given[1]) if takes_method else _SENDS[name]


def _http_method(value: Value, node: Node | None) -> str | None:
    """The HTTP method a value names, upper case: a string (`"PUT"`, `-Method Put`) or a static property
    of a type of methods (`[System.Net.Http.HttpMethod]::Put`, `([Microsoft.PowerShell.Commands.
    WebRequestMethod]::Put)`); None when the script does not state it."""
    if isinstance(value, Text) and value.value.strip().isalpha():
        return value.value.strip().upper()
    inner = _unwrap(node) if node is not None else None
    while inner is not None and inner.type == "parenthesized_expression" and _named(inner):
        inner = _unwrap(_named(inner)[0])
    if inner is not None and inner.type == "member_access":
        parts = _named(inner)
        kind = _type_name(parts[0]) if parts and parts[0].type == "type_literal" else ""
        member = _first(inner, "member_name")
        if kind in _METHOD_TYPES and member is not None and _text(member).isalpha():
            return _text(member).upper()
    return None


_METHOD_TYPES = frozenset({"httpmethod", "webrequestmethod"})
# How a request `[System.Net.WebRequest]::Create` makes is sent, as the script's calls list it while the
# method the script sets on it is not known.
_WEB_REQUEST = "WebRequest"


def _type_name(literal: Node) -> str:
    """The name of the type a type literal names, without its namespace, case-folded:
    `[System.Net.WebRequest]` is `webrequest`."""
    return _text(literal).strip("[] \t").rpartition(".")[2].casefold()


def _shape(value: Value | None) -> str | None:
    """What is known of a string: the string, or the shape of one the script builds from pieces some of
    which it does not state (see `Unknown.shape`); None for any other value."""
    if isinstance(value, Text) and value.number is False:
        return value.value
    return value.shape if isinstance(value, Unknown) else None


def _joined_shape(
    head: str, tail: Text | Unknown, written: Written | None = None, head_holes: Sequence[object] = ()
) -> Unknown:
    """`a + b` of a string `a` known only in part (its shape, `head`, where it is `written`, the values of
    its holes `head_holes`), or of a `b` the script does not state: the shape of the string it makes and
    the values of its holes (see `Unknown.shape`), none when it is longer than `_longest`."""
    added = tail.value if isinstance(tail, Text) else tail.shape or automation.HOLE
    if len(head) + len(added) > _longest(head, added):
        return Unknown("")
    added_written = tail.written if isinstance(tail, Text) or tail.shape else None
    shape = head + added
    holes = (*head_holes, *(_holes_of(tail) if isinstance(tail, Unknown) else ()))
    known = len(holes) == shape.count(automation.HOLE)  # a string that writes a hole itself: none
    joined = _joined_written(written, len(head), added_written)
    return Unknown("", shape=shape, written=joined, holes=holes if known else ())


def _longest(*pieces: str) -> int:
    """The longest string the reader builds from `pieces`: a REST body's length when one holds markup."""
    return _MAX_BODY if any("<" in piece for piece in pieces) else _MAX_TEXT


def _joined_written(head: Written | None, length: int, tail: Written | None) -> Written | None:
    """Where the string made of a string `length` long written at `head` and one written at `tail` stands
    (see `Written`); None when neither is written out."""
    if head is None and tail is None:
        return None
    if len(head.runs if head is not None else ()) + len(tail.runs if tail is not None else ()) > _MAX_RUNS:
        return None
    moved = tuple((at + length, byte, count) for at, byte, count in tail.runs) if tail is not None else ()
    return Written((head.runs if head is not None else ()) + moved)


def _runs_within(
    text: str, written: Written | None, start: int, length: int, to: int
) -> list[tuple[int, int, int]]:
    """The runs of `text`, written at `written` (see `Written`), within `length` characters from `start`,
    moved to stand at `to`: where a piece copied from a written string stands in the string it is copied
    into."""
    if written is None or len(written.runs) > _MAX_RUNS:
        return []
    runs = []
    for at, byte, count in written.runs:
        low, high = max(at, start), min(at + count, start + length)
        if low < high:
            runs.append((to + low - start, byte + _utf8_length(text[at:low]), high - low))
    return runs


def _merged(a: Table, b: Table) -> Value:
    """`$h + @{ K = … }` (and `$h += …`): a new table with the entries of both. PowerShell refuses a key
    both hold, and the statement fails: a key of `b` that `a` may hold (one of its entries, or any key of
    a table whose keys are not known) makes the result one the reader does not know."""
    if (a.opaque and b.entries) or any(a.get(entry[0]) is not None for entry in b.entries):
        return Unknown("")
    if len(a.entries) + len(b.entries) > _MAX_ENTRIES:  # not a table to splat (see `Table.with_entry`)
        return Table((), opaque=True)
    return _bounded(Table(a.entries + b.entries, a.opaque or b.opaque, a.marks + b.marks))


def _constant_items(value: Value) -> tuple[Value, ...] | None:
    """The items of a list of constants (none for an empty array), or None when the list is anything
    else."""
    items = value.values if isinstance(value, Items) else (value,)
    if len(items) > _MAX_ROUNDS or not all(_walkable(item) for item in items):
        return None
    return items


def _walkable(item: Value) -> bool:
    """An item of a list a loop is run over item by item: a string, a table or an array the script writes
    out whole (`@{ Name = "web01"; Size = "Small" }`, `@("prod-vnet", "prodvhds")`, whose `$pair[0]` is
    then known in each round), the VMs of `Get-AzureVM -ServiceName` (one item for all), or a string built
    from a value the script does not state (`@("${Base}a", "${Base}b")`: one string each, two rounds, in
    which each VM named by it is one of its own)."""
    listing = bool(_listed_files(item))  # one round for every file a listing gives (see `_listing`)
    if listing or isinstance(item, (Text, Vms)) or (isinstance(item, Unknown) and item.shape is not None):
        return True
    return isinstance(item, (Table, Items)) and item.literal


def _earlier_rounds(value: Value | None) -> bool:
    """Whether a value is what a variable the loop being read once assigns holds from its earlier rounds
    (see `Env.lookup`): in an array the loop builds, the items those rounds added, which are the
    configurations this round adds (the round is read once, for all of them)."""
    return isinstance(value, Unknown) and isinstance(value.ident, tuple) and value.ident[:1] == ("loop",)


def _configurations(items: Items) -> bool:
    """An array of VM configurations (and of those a loop's earlier rounds added), empty or not."""
    return all(isinstance(v, Vms) or _earlier_rounds(v) for v in items.values)


def _sum(a: Text, b: Value) -> Value:
    """A whole number plus a value: their sum when both are whole numbers, else a value the reader does
    not follow (a fraction, a hexadecimal number, or PowerShell's error on a word)."""
    if isinstance(b, Text) and _WHOLE.fullmatch(a.value) and _WHOLE.fullmatch(b.value):
        return Text(str(int(a.value) + int(b.value)), a.mark, a.sure and b.sure, number=True)
    return Unknown("")


def _less(a: Value | None, b: Value) -> Value:
    """`a -= b` on whole numbers (a loop's counter stepping down): their difference; else a value the reader
    does not follow."""
    if isinstance(a, Text) and a.number and isinstance(b, Text) and _WHOLE.fullmatch(b.value):
        return _sum(a, replace(b, value=str(-int(b.value))))
    return Unknown("")


def _in_string(value: Text) -> str | None:
    """How a value reads inside a double-quoted string: a string as it is, a whole number as PowerShell
    writes it (`007` as `7`); None for another number (`0x10`, `1.50`), whose form the reader does not
    follow."""
    if value.number is False:
        return value.value
    if _DECIMAL.fullmatch(value.value):
        shown = str(int(value.value))
        return shown if value.number or shown == value.value else None
    return None


_DECIMAL = re.compile(r"-?\d{1,18}")


def _with_stand_ins(shape: str, written: Written | None, stand_in: str) -> tuple[str, Written | None, None]:
    """A body the script builds with values it does not state (`Unknown.shape`): the text with `stand_in`
    for each of them, where its pieces stand (their runs moved past the stand-ins), and no mark of its own."""
    holes = [at for at, char in enumerate(shape) if char == automation.HOLE]
    longer = len(stand_in) - len(automation.HOLE)
    runs = None
    if written is not None:
        runs = Written(
            tuple((at + longer * bisect.bisect_left(holes, at), byte, n) for at, byte, n in written.runs)
        )
    return shape.replace(automation.HOLE, stand_in), runs, None


class _BodyPlace:
    """Where the marks of a REST body the script sends go: an element a string literal writes out (see
    `Written`) at its `<` in the script, which a fix may edit there only when the literal holds it whole
    (not one a variable's value ends, whose edit would change the script's code); any other element, put in
    by a variable or an escape, at `fallback` (where the string, or the argument, is written)."""

    def __init__(self, text: str, written: Written | None, where: Positions, fallback: Mark) -> None:
        from migcheck.source import SourceText

        self.text = text
        self.runs = written.runs if written is not None else ()
        self.starts = [run[0] for run in self.runs]
        self.where = where
        self.fallback = fallback
        self.body = SourceText(text)
        self.ends: dict[int, int] | None = None  # see `_element_ends`
        # The UTF-8 length of the text before each character, when it is not ASCII (found once).
        self.ascii = text.isascii()
        self.bytes_before: list[int] | None = None

    def mark(self, mark: Mark) -> Mark:
        start = self.body.start_of(mark) if mark.tag and self.runs else None
        index = bisect.bisect_right(self.starts, start) - 1 if start is not None else -1
        if start is None or index < 0 or start >= self.runs[index][0] + self.runs[index][2]:
            return self.fallback
        at, byte, count = self.runs[index]
        placed = self.where.at(byte + self._bytes_before(start) - self._bytes_before(at))
        if type(mark) is AttributeMark:  # where the script writes the value, when it does
            return self._attribute_value(mark, start) or placed
        end = self._element_ends().get(start)
        whole = mark.tag == "!--" or (end is not None and end <= at + count)
        return replace(placed, tag=mark.tag) if whole else placed

    def _attribute_value(self, mark: AttributeMark, start: int) -> Mark | None:
        """Where the script writes the value of `mark`'s attribute of the element whose `<` is at `start` in
        the body: None where a literal does not write it as the body holds it (a variable fills it in)."""
        from migcheck import scan

        values = scan.attribute_values(self.text, start, scan.start_tag_end(self.text, start))
        value = values.get(mark.attribute.lower())
        index = bisect.bisect_right(self.starts, value[0]) - 1 if value is not None else -1
        if value is None or index < 0 or value[1] > self.runs[index][0] + self.runs[index][2]:
            return None
        at, byte, _ = self.runs[index]
        return self.where.at(byte + self._bytes_before(value[0]) - self._bytes_before(at))

    def _bytes_before(self, offset: int) -> int:
        if self.ascii:
            return offset
        if self.bytes_before is None:
            widths = (_utf8_length(char) for char in self.text)
            self.bytes_before = list(itertools.accumulate(widths, initial=0))
        return self.bytes_before[offset]

    def _element_ends(self) -> dict[int, int]:
        """Where each element of the body ends, by where it starts: one pass over its tags."""
        if self.ends is None:
            from migcheck import scan

            ends: dict[int, int] = {}
            opened: list[int] = []
            for kind, start, end in scan.markup(self.text, 0):
                if kind == "start":
                    opened.append(start)
                elif kind == "empty":
                    ends[start] = end
                elif opened:
                    ends[opened.pop()] = end
            self.ends = ends
        return self.ends


def _verbatim_written(raw: str, node: Node) -> Written:
    """Where the text of a single-quoted string (`raw`, as written) stands: all of it but each `''`, which
    stands for one quote."""
    copies, byte = _Copies(), node.start_byte + 1
    for index, piece in enumerate(raw[1:-1].split("''")):
        if index:
            copies.put("'")
            byte += 2
        copies.copied(piece, byte)
        byte += _utf8_length(piece)
    return Written(tuple(copies.runs))


def _utf8_length(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


class _Copies:
    """A `Written` as a double-quoted string is put together, piece by piece: what it copies from the
    source, and what it puts in (a variable's value, an escape)."""

    def __init__(self) -> None:
        self.runs: list[tuple[int, int, int]] = []
        self.length = 0

    def copied(self, text: str, byte: int) -> None:
        if text:
            self.runs.append((self.length, byte, len(text)))
        self.length += len(text)

    def put(self, text: str) -> None:
        self.length += len(text)

    def inserted(self, text: str, written: Written | None) -> None:
        """A value put in, copied from where the string it holds is written (`written`), if it is and the
        string is followed in few enough pieces (see `_MAX_RUNS`)."""
        if len(self.runs) <= _MAX_RUNS:
            self.runs += _runs_within(text, written, 0, len(text), self.length)
        self.length += len(text)

    def unescaped(self, raw: str, byte: int) -> None:
        """A piece written between the variables (`raw`, at `byte`): copied, but for its escapes."""
        start, at = 0, raw.find("`")
        while at >= 0:
            self.copied(raw[start:at], byte)
            byte += _utf8_length(raw[start : at + 2])
            self.put(_unescape(raw[at : at + 2]))
            start = at + 2
            at = raw.find("`", start)
        self.copied(raw[start:], byte)

    def content(self, whole: str, here: bool) -> Written | None:
        """Where the string's content stands: `whole` without its quotes, or the lines of a here-string
        between its first and last (see `_here`). None for a string that doubles a quote (`""`), which the
        content writes once."""
        if here:
            start, end = whole.find("\n"), whole.rfind("\n")
            return self._within(whole, start + 1, len(_here(whole))) if 0 <= start < end else None
        return None if '""' in whole[1:-1] else self._within(whole, 1, len(whole) - 2)

    def _within(self, whole: str, start: int, length: int) -> Written:
        runs = []
        for at, byte, count in self.runs:
            low, high = max(at, start), min(at + count, start + length)
            if low < high:
                runs.append((low - start, byte + _utf8_length(whole[at:low]), high - low))
        return Written(tuple(runs))


def _here(text: str) -> str:
    """The content of a here-string: between the line after `@"`/`@'` and the line of `"@`/`'@`."""
    start = text.find("\n")
    end = text.rfind("\n")
    return text[start + 1 : end].removesuffix("\r") if 0 <= start < end else ""


_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "e": "\x1b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
}


def _unescape(text: str) -> str:
    """PowerShell's backtick escapes in a double-quoted string."""
    if "`" not in text:
        return text
    out, chars = [], iter(text)
    for char in chars:
        if char == "`":
            following = next(chars, "")
            out.append(_ESCAPES.get(following, following))
        else:
            out.append(char)
    return "".join(out)


def _balancer_named(draft: DeploymentDraft, name: Value) -> InternalLoadBalancer | None:
    """The internal load balancer of that name the script adds to the deployment; None for a name it does
    not state or did not add."""
    if not isinstance(name, Text):
        return None
    return next((b for b in draft.balancers if _name_key(b.name) == _name_key(name.value)), None)


def _service_key(name: Value | None) -> object | None:
    """A cloud service as a name identifies it: a name the script states, without case; a value it does
    not state, by where it is defined (see `Unknown.ident`); None for one that identifies no service."""
    if isinstance(name, Text) and name.value.strip():
        return ("name", name.value.casefold())
    if isinstance(name, Unknown) and name.ident is not None:
        return ("ident", name.ident)
    return None


def _named_roles(draft: DeploymentDraft, names: Value) -> list[object]:
    """The keys of the deployment's VMs that names (`-Name vm1`, `-Name vm1, vm2`, `-Name *`) match, as
    PowerShell's wildcards do (any case); none for a name the script does not state."""
    items = names.values if isinstance(names, Items) else (names,)
    found: list[object] = []
    for item in items:
        if not isinstance(item, Text):
            continue
        pattern = item.value.strip().casefold()
        found.extend(
            key
            for key, role in draft.roles.items()
            if isinstance(role.name, str) and fnmatch.fnmatchcase(role.name.casefold(), pattern)
        )
    return found


def _instances(draft: DeploymentDraft) -> tuple[RoleInstance, ...]:
    """The VMs the script leaves in a state of its stating, as instances in that state."""
    instances = []
    for key, (status, mark) in draft.states.items():
        role = draft.roles.get(key)
        if role is not None and isinstance(role.name, str):
            instances.append(RoleInstance(role.name, role.name, status, "", mark))
    return tuple(instances)


def _role_key(name: Value) -> object:
    if isinstance(name, Text):
        return ("name", name.value.casefold())
    if isinstance(name, Unknown) and name.ident is not None:
        return ("ident", name.ident)
    # A name the script does not state is a VM of its own: the key holds the object, so that its `id` is
    # not reused by another one while the key is in use (a freed object's is, at once).
    return ("id", id(name), name)


def _unstated(network: NameRef | None) -> bool:
    """Whether a deployment's network is a stand-in for one the script does not name (see `_stand_in`)."""
    return network is not None and is_stand_in(network.name)


def _stand_in(what: str, mark: Mark, column: bool = False) -> str:
    """The name shown for one the script does not state (a parameter, a row of a file it reads): what it
    names and where the script passes it, in angle brackets as the plan writes `<cloud service name>`:
    `<VM name, deploy.ps1:12>`. Never the expression that holds it: `$vmName` reads as a VM of that name,
    and the plan would write it into commands (`-ServiceName '$vmName'`, where PowerShell does not expand
    it). The file's name is the last part of its path as shown (`/`-separated, escaped once where it
    enters: see `discover.shown`): a `\\` in it is an escape (`\\x0a`), never a folder's end."""
    file = posixpath.basename(mark.path)
    where = f"{mark.line}:{mark.column}" if column else f"{mark.line}"
    return f"<{what}, {file}:{where}>"


def _shown(value: Value, what: str, mark: Mark) -> str:
    """A name the script gives: as it states it, else a stand-in (see `_stand_in`)."""
    return value.value if isinstance(value, Text) else _stand_in(what, mark)


def _reference(value: Value, what: str, mark: Mark) -> str:
    """A name the script may give (an endpoint's internal load balancer): as it states it, a stand-in when
    it passes one it does not state, "" when it passes none."""
    if isinstance(value, Text):
        return value.value
    return _stand_in(what, mark) if isinstance(value, Unknown) and value.text else ""


def _rule_value(value: Value) -> str | None:
    """A rule's value as the script states it; None when it passes one it does not state, "" when it
    passes none (every parameter is mandatory: the call fails)."""
    if isinstance(value, Text):
        return value.value
    return "" if isinstance(value, Null) else None


def _stated(value: Value) -> str:
    """A value as the script states it, "" when it does not (an extension's version)."""
    return value.value if isinstance(value, Text) else ""


def _reserved_vip(args: Args) -> str | None:
    """The virtual IP a reserved IP call is about (`-VirtualIPName`), as an endpoint names its own (see
    `_endpoint_vip`): "" for the deployment's default one (none passed, `$null` or ""), its name where the
    script states it, None where it passes one it does not state, which may be the default one or another."""
    value = _arg_value(args, "VirtualIPName")
    if isinstance(value, Null) or (isinstance(value, Text) and not value.value.strip()):
        return ""
    return value.value if isinstance(value, Text) else None


def _endpoint_vip(value: Value, kept: InputEndpoint | None) -> dict[str, Any]:
    """The VIP an endpoint cmdlet puts the endpoint on (`-VirtualIPName`), as the REST reader gives it
    (`InputEndpoint.virtual_ip`; "" for the default VIP): a name the script does not state may be any
    VIP (`vip_unknown`); none given keeps the VIP the endpoint had."""
    if isinstance(value, Text) and value.value.strip():
        return {"virtual_ip": value.value, "vip_unknown": False}
    if value is not NULL and not isinstance(value, Text):
        return {"virtual_ip": "", "vip_unknown": True}
    if kept is not None:
        return {"virtual_ip": kept.virtual_ip, "vip_unknown": kept.vip_unknown}
    return {}


def _word(value: Value) -> str:
    """A value as a resource field no message shows as a name (a port, a protocol): its text, or how the
    script writes what it does not state."""
    if isinstance(value, Text):
        return value.value
    if isinstance(value, Unknown):
        return value.text
    return ""


def _arg_value(args: Args, name: str, default: Value | None = None) -> Value:
    arg = args.get(name)
    if arg is None or not arg.certain:
        return default if default is not None else Unknown("") if arg is not None or args.opaque else NULL
    return arg.value


def _arg_text(args: Args, name: str) -> str:
    value = _arg_value(args, name)
    return value.value if isinstance(value, Text) else ""


def _ident_of(arg: Arg | None) -> object:
    """The definition an argument's unstated value comes from (see `Unknown.ident`), or None."""
    value = arg.value if arg is not None else None
    return value.ident if isinstance(value, Unknown) else None


def _surely_stated(arg: Arg | None) -> str:
    """The string an argument gives on every path to its call (surely passed, not blank, not one that may
    be missing on some path, nor a parameter's default a caller may replace: see `Text.sure`), else ""."""
    if arg is None or not arg.certain or not isinstance(arg.value, Text) or not arg.value.sure:
        return ""
    return arg.value.value.strip()


def _stated_or_default(arg: Arg | None) -> str:
    """The string an argument gives on every path to its call, as `_surely_stated`, or the default of a
    parameter it passes, which a caller may replace (see `Text.other`); else ""."""
    if arg is None or not arg.certain or not isinstance(arg.value, Text):
        return ""
    return arg.value.value.strip() if arg.value.sure or arg.value.other else ""


def _blank(arg: Arg | None) -> bool:
    """Whether an argument passes a blank string (`$imagename = ""` at the top, to be filled in)."""
    return arg is not None and isinstance(arg.value, Text) and not arg.value.value.strip()


def _stated_name(args: Args, name: str) -> str:
    """The name an argument gives when the script states it (surely passed, not blank), else ""."""
    return _arg_text(args, name).strip()


def _xplat_words_written(command: Node, where: Positions) -> list[xplat.Word]:
    """The words of an `azure` command as written: a bare word or a string with no variable in it is its
    text, anything else a value not stated."""
    elements = command.child_by_field_name("command_elements")
    words = []
    for part in _named(elements) if elements is not None else ():
        if part.type == "stop_parsing":
            words += _verbatim_words(part, where)
            continue
        if part.type == "command_argument_sep":
            continue
        text = _text(part)
        literal = part.type in ("generic_token", "command_parameter") or (
            len(text) > 1 and text[0] == text[-1] == "'"
        )
        words.append(xplat.Word(text.strip("'") if literal and "$" not in text else None, where.mark(part)))
    return words


# After the stop-parsing token `--%` PowerShell passes the rest of the line, up to a `|`, to a native
# command as written: it reads no quote, comma, backtick or variable there, and expands only `%NAME%`, an
# environment variable's value (about_Parsing). The program splits that text into its arguments as the
# Windows C runtime does: at blanks outside double quotes, a quote only opening or closing a quoted part.
_STOP_PARSING = "--%"
_PIPE = "|"
_ENVIRONMENT_MARK = "%"


def _verbatim_words(node: Node, where: Positions) -> list[xplat.Word]:
    """The arguments a native command gets from what follows `--%` (`node`, the grammar's `stop_parsing`,
    which also holds any `|` and what follows it on the line): each a word of its text, where written; a
    word with an environment variable in it is a value the script does not state."""
    written = where.source[node.start_byte : node.end_byte].decode("utf-8", "replace")
    rest = written[len(_STOP_PARSING) :].split(_PIPE, 1)[0]
    offset = node.start_byte + len(_STOP_PARSING.encode())
    words = []
    for start, end, text in _native_split(rest):
        mark = where.at(offset + len(rest[:start].encode()))
        if _names_environment_variable(rest[start:end]):
            words.append(xplat.Word(None, mark))
        else:
            words.append(xplat.Word(text, mark, exact=text == rest[start:end]))
    return words


def _native_split(line: str) -> list[tuple[int, int, str]]:
    """The arguments a Windows program reads from its command line `line`: (start, end, text) of each.
    A blank outside quotes ends one; a double quote opens or closes a quoted part and is dropped, and a
    backslash is a character of its own except before a quote, where each pair makes one backslash and
    one left over makes the quote a character."""
    found: list[tuple[int, int, str]] = []
    text: list[str] = []
    start, quoted, at = -1, False, 0
    while at < len(line):
        char = line[at]
        if char in " \t" and not quoted:
            if start >= 0:
                found.append((start, at, "".join(text)))
            start, text = -1, []
            at += 1
            continue
        start = at if start < 0 else start
        slashes = 0
        while line[at + slashes : at + slashes + 1] == "\\":
            slashes += 1
        if slashes and line[at + slashes : at + slashes + 1] == '"':
            text.append("\\" * (slashes // 2) + ('"' if slashes % 2 else ""))
            at += slashes + slashes % 2
        elif char == '"':
            quoted = not quoted
            at += 1
        else:
            text.append(line[at : at + max(slashes, 1)])
            at += max(slashes, 1)
    if start >= 0:
        found.append((start, len(line), "".join(text)))
    return found


def _names_environment_variable(word: str) -> bool:
    """Whether a word after `--%` holds a `%NAME%` PowerShell may replace by an environment variable."""
    first = word.find(_ENVIRONMENT_MARK)
    return first >= 0 and word.find(_ENVIRONMENT_MARK, first + 2) > first


def _value_mark(value: Value, arg: Arg | None, where: Positions, prefer_node: bool = False) -> Mark | None:
    """Where a value is written: the literal itself (a variable's value where it is assigned), else the
    argument that passes it."""
    if not prefer_node and isinstance(value, Text) and value.mark is not None:
        return value.mark
    written = _written_at(arg, where) if arg is not None else None
    if written is not None:
        return written
    return value.mark if isinstance(value, Text) else None


def _written_at(arg: Arg, where: Positions) -> Mark | None:
    """Where an argument's value is written: in the call, or in the table literal splatted into it (at the
    entry's value, not at the `@table` that passes the whole table)."""
    if arg.at is not None:
        return arg.at
    return where.mark(arg.node) if arg.node is not None else None


def _changes_resources(key: str) -> bool:
    """Whether a classic cmdlet changes what it names: by its verb, but not the cmdlets that change a VM
    configuration object only (`Add-AzureEndpoint`, which `Update-AzureVM` sends), make a configuration
    object (`New-AzureVMConfig`), run a migration step, or sign in and choose a subscription."""
    verb, _, noun = key.partition("-")
    return (
        verb in _CHANGING_VERBS
        and key not in cmdlets.VM_FILTERS
        and key not in cmdlets.MIGRATION
        and key not in cmdlets.NEUTRAL
        and not (verb == "new" and noun.endswith("config"))
    )


def _changed_service_of_vm(vm: VmObject) -> tuple[str, str]:
    """The cloud service of an existing VM as a change to it names it (`ClassicCall.changes`): the one the
    script states; for a VM it picks by its name alone, the service of each VM of that name; ("", "")
    when the script does not state either."""
    name = vm.existing[1] if vm.existing is not None else None
    if vm.by_name and isinstance(name, Text) and name.value.strip():
        return SERVICES_OF_VMS, name.value.strip()
    service = _service_of_vm(vm)
    return ("cloud-service", service) if service else ("", "")


def _service_of_vm(vm: VmObject) -> str:
    """The cloud service of an existing VM (`Get-AzureVM -ServiceName`), when the script states it."""
    service = vm.existing[0] if vm.existing is not None else None
    return service.value.strip() if isinstance(service, Text) else ""


def _stated_vnet(args: Args) -> str:
    """The virtual network a call names by `-VNetName`, when the script states it; "" otherwise."""
    value = _arg_value(args, "VNetName")
    return value.value if isinstance(value, Text) and value.value.strip() else ""


def _first_run(calls: dict[int, ClassicCall]) -> ClassicCall:
    """The classic call that runs first: the calls are kept in the order the reader meets them, which is
    the order they run (a function's where the call that runs it is, one no call runs after the script's
    own code), under the place each is written."""
    return next(iter(calls.values()))


def _link_parts(args: Args) -> tuple[str | None, str | None]:
    """The network and the local site a `Set-AzureVNetGateway` call names, as a gateway connection's key
    holds them (see `_named_by`); None for one the reader cannot name."""
    return _named_by(_arg_value(args, "VNetName")), _named_by(_arg_value(args, "LocalNetworkSiteName"))


def _link_key(network: str, site: str) -> str:
    """The key a gateway connection's state is kept under among the variables (see `LinkState`): a key
    no variable has, as a file's is (see `Interpreter._file_key`)."""
    return f"\0link\0{network}\0{site}"


# The `[xml]` types (`[xml]`, `[System.Xml.XmlDocument]`, without `system.` and case) a document is read as.
_XML_TYPES = frozenset({"xml", "xml.xmldocument"})
# What tells a document read from a file (see `Interpreter._read_document`): (_READ_DOCUMENT, file name).
_READ_DOCUMENT = "document of file"
# The members from a network configuration document to its networks, as PowerShell's XML adapter names them.
_NETWORK_SITES_PATH = (
    "networkconfiguration",
    "virtualnetworkconfiguration",
    "virtualnetworksites",
    "virtualnetworksite",
)
_NETWORK_SITE = "network site of file"


def _read_document_of(value: Value) -> str:
    """The name of the file a document is read from (see `Interpreter._read_document`); "" for any other."""
    ident = value.ident if isinstance(value, Unknown) else None
    return ident[1] if isinstance(ident, tuple) and len(ident) == 2 and ident[0] == _READ_DOCUMENT else ""


# What tells every network site of the subscription (Get-AzureVNetSite without -VNetName), and each of them:
# the item of a loop over them (see `_network_site_of`).
_SUBSCRIPTION_SITES = "network sites of the subscription"
_SUBSCRIPTION_SITE = "network site of the subscription"


def _network_site_of(listed: Value, variable: str) -> Unknown | None:
    """What the variable (as written) of a `foreach` over network sites holds in every round: a site of
    the configuration file they are read from (see `_network_site_of_file`), or of the subscription, one
    value in every loop over them (`foreach ($site in Get-AzureVNetSite)`); None for a loop over anything
    else."""
    if isinstance(listed, Unknown) and listed.ident == (_SUBSCRIPTION_SITES,):
        return Unknown(variable, (_SUBSCRIPTION_SITE,))
    return _network_site_of_file(listed, variable)


def _network_site_of_file(listed: Value, variable: str) -> Unknown | None:
    """What the variable (as written) of a `foreach` over the network sites of a configuration document read
    from a file holds (`foreach ($v in $cfg.NetworkConfiguration.VirtualNetworkConfiguration.
    VirtualNetworkSites.VirtualNetworkSite)`), or `$_` of a `ForEach-Object` they are piped to: a site of that
    file's in every round; None for a loop over anything else."""
    ident = listed.ident if isinstance(listed, Unknown) else None
    for member in reversed(_NETWORK_SITES_PATH):
        if not (isinstance(ident, tuple) and len(ident) == 3 and ident[0] == "member" and ident[2] == member):
            return None
        ident = ident[1]
    if not (isinstance(ident, tuple) and len(ident) == 2 and ident[0] == _READ_DOCUMENT):
        return None
    return Unknown(variable, (_NETWORK_SITE, ident[1]))


def _file_of_network_name(value: Value) -> str:
    """The file whose network configuration a value names one network of (`$v.name` of a loop's network
    site, see `_network_site_of_file`), as the script writes its name; "" for any other value."""
    ident = value.ident if isinstance(value, Unknown) else None
    if not (isinstance(ident, tuple) and len(ident) == 3 and ident[0] == "member" and ident[2] == "name"):
        return ""
    site = ident[1]
    return site[1] if isinstance(site, tuple) and len(site) == 2 and site[0] == _NETWORK_SITE else ""


def _named_by(value: Value) -> str | None:
    """What names a file or a gateway connection's network or site in the key the reader keeps its state
    under: the name the script states, without case; else the value that names it, which a later call may
    pass again (a parameter, a loop's item); None when the reader cannot name it."""
    if isinstance(value, Text) and value.value.strip():
        return "name " + _name_key(value.value)
    if isinstance(value, Unknown) and value.ident is not None:
        return f"value {value.ident!r}"
    return None


@functools.lru_cache(maxsize=64)
def _network_name_values(shape: str, holes: tuple[object, ...]) -> tuple[object, ...]:
    """For each network a network configuration built from values the script does not state names (its
    `shape`, see `Unknown.shape`), the one value (`Unknown.holes`) its name is, None for one named
    otherwise; () when the text is no configuration. The text is read with a token of its own in place of
    each value, so that a name tells which value it is."""
    from migcheck.readers import netcfg
    from migcheck.readers import python_script as bodies
    from migcheck.readers.xml import Marker

    if len(holes) != shape.count(automation.HOLE):
        return ()
    pieces = shape.split(automation.HOLE)
    tokens = [_HOLE_TOKEN.format(at) for at in range(len(holes))]
    text = pieces[0] + "".join(token + piece for token, piece in zip(tokens, pieces[1:], strict=True))
    root = bodies.body_root(text)
    read = netcfg.read(root, Marker("", text)) if root is not None else ()
    configuration = next((r for r in read if isinstance(r, NetworkConfiguration)), None)
    if configuration is None:
        return ()
    by_token = {token: holes[at] for at, token in enumerate(tokens)}
    return tuple(by_token.get(n.name.strip()) for n in configuration.virtual_networks)


# What stands for the value at a hole of a string while its text is read (see `_network_name_values`):
# characters of Unicode's private use area, which no script's text holds.
_HOLE_TOKEN = "\ue000{}\ue001"


def _string_of_known_values(value: Value) -> str | None:
    """What names a file written as a string built from values the script does not state, each of which
    is one value however often it is read (`"$env:TEMP\\$Name.xml"`, see `Unknown.holes`): its shape with
    those values, whichever variable holds it and wherever it is read, so that the path a function
    writes to and returns is the one its caller uploads from. None for any other value."""
    if not isinstance(value, Unknown) or not value.shape:
        return None
    holes = value.holes
    if len(holes) != value.shape.count(automation.HOLE) or not holes or None in holes:
        return None
    return f"string {value.shape!r} {list(holes)!r}"


def _ends_the_script(word: str, catching: int, within: bool) -> bool:
    """Whether a flow statement that ends the path ends the script: `exit`; a `throw` no `catch` takes;
    a `return` `within` no code it leaves (a function, a script block, …) but the script."""
    return word == "exit" or (word == "throw" and not catching) or (word == "return" and not within)


def _name_key(name: str) -> str:
    """A network's name as the platform compares names: without case or surrounding blanks."""
    return name.strip().casefold()


def _removal_of(extension: tuple[str, str]) -> dict[str, Value | bool]:
    """What a named wrapper's `Remove-` removes: its extension, whatever its version or reference name."""
    return {"publisher": Text(extension[0]), "name": Text(extension[1]), "reference": NULL, "every": False}


def _state(args: Args) -> str:
    if args.switch("Uninstall"):
        return "Uninstall"
    return "Disable" if args.switch("Disable") else "Enable"


def _negated(value: bool | None) -> bool | None:
    return None if value is None else not value


def _either(a: bool | None, b: bool | None) -> bool | None:
    if a or b:
        return True
    return None if a is None or b is None else False


def _creates_service(args: Args) -> bool:
    """Whether a New-AzureVM creates its cloud service: it names -Location or -AffinityGroup."""
    return bool(args.given("Location") or args.given("AffinityGroup"))


def _any(*values: bool | None) -> bool | None:
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False


def _same_ip(draft: DeploymentDraft, given: Value) -> bool:
    """Whether a reserved IP given to a New-AzureVM that adds VMs is the one the deployment has already (a
    loop that gives every VM the deployment's reserved IP): nothing is left unapplied."""
    held = draft.reserved_ip
    return held is not None and isinstance(given, Text) and held.name.casefold() == given.value.casefold()
