"""Rules about automation scripts: what stops working once their resources are in Resource Manager, and
migration runbooks that run the platform's steps out of order."""

from __future__ import annotations

import bisect
import functools
import posixpath
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import NamedTuple, TypeVar

from migcheck.automation import (
    ANSIBLE_VM,
    ANSIBLE_VM_ABSENT,
    AZAPI_LANGUAGE,
    CLASSIC_RESOURCE_TYPES,
    CLASSIC_TYPE_CALLS,
    CREATES_RETIRED,
    DEPLOYMENT_QUERIES,
    EXPRESSROUTE_GATEWAY_CREATES,
    MANAGES_RETIRED_ROLES,
    STARTS_RETIRED_VMS,
    TEMPLATE_LANGUAGES,
    TERRAFORM,
    TERRAFORM_COMMANDS,
    TERRAFORM_CREATES,
    TERRAFORM_LANGUAGE,
    TERRAFORM_REPLACEMENTS,
    created_by_request,
    deleted_by,
    deploys_packages,
    manages_roles_by_request,
    modules_for,
    replacement,
    replacements_markdown,
    retired_services,
    serves_roles_only,
    services_of,
    terraform_call,
    unreplaced_services,
)
from migcheck.estate import (
    Circuit,
    CloudService,
    Estate,
    configuration_named,
    configurations_by_file,
    key,
    named,
)
from migcheck.inventory_model import CircuitLink, ClassicReservedIp, ExpressRouteCircuit
from migcheck.model import (
    EVERY_NETWORK,
    GATEWAY,
    NEVER_RUNS,
    SERVICE_OF_VM,
    SERVICES_OF_VMS,
    SOME_PATHS_ONLY,
    STAGE_CHOICE,
    UNCALLED,
    WRITTEN_CONFIGURATION,
    ClassicCall,
    Deployment,
    Finding,
    Mark,
    MigrationStep,
    NameRef,
    NetworkConfiguration,
    NetworkSecurityGroup,
    Role,
    RouteTable,
    Script,
    ServiceConfiguration,
    Severity,
    Together,
    VirtualNetwork,
    VnetGatewayFact,
    apart,
    is_package_roles,
    is_stand_in,
    is_unnamed_role,
    may_be_prepared,
)
from migcheck.quoting import ps_quoted, sh_quoted
from migcheck.retirements import (
    CLASSIC_STORAGE,
    CLASSIC_VMS,
    CLOUD_SERVICES_CLASSIC,
    EXTENDED_SUPPORT_DEPRECATED,
    EXTENDED_SUPPORT_RETIRES,
    VMS_START_ONLY_MIGRATED,
)
from migcheck.rule import Docs, Example, Rule, Scope

SHOWN = 6  # calls named in one message; the rest are counted
MAPPED = 8  # calls a fix maps to their replacements; `migcheck rule MIG601` lists every one

_T = TypeVar("_T")


class ClassicAutomation(Rule):
    code = "MIG601"
    name = "classic-automation"
    severity = Severity.WARNING
    scope = Scope.AUTOMATION
    looks_at = frozenset({Script})
    # Which networks are linked to an ExpressRoute circuit, whose gateway a script's create is the
    # ExpressRoute one (its replacement is not a VPN gateway's).
    also_reads = frozenset({VirtualNetwork, VnetGatewayFact, CircuitLink, ExpressRouteCircuit})
    summary = "A script manages resources through the classic Service Management API, which migration leaves behind."
    fix_hint = "Rewrite the script against Resource Manager before the resources it manages are migrated."
    source = (
        "Migration overview: after commit, the resources are Resource Manager resources, managed with the "
        "Resource Manager APIs, PowerShell and CLI; the classic deployment model is retired."
    )
    reference = replacements_markdown()
    docs = Docs(
        what="A Python script that calls the legacy Service Management SDK (`azure.servicemanagement`, or "
        "`azure` before 1.0), or a PowerShell script that calls cmdlets of the classic `Azure` module "
        "(`New-AzureVM`, `Set-AzureSubnet`, `Get-AzureVM`, ...), or either that sends requests to the Service "
        "Management REST API itself (`perform_put`/`perform_post`, `Invoke-RestMethod`, `Invoke-WebRequest`, a "
        "`WebRequest` or `HttpClient` to `management.core.windows.net` or a sovereign cloud's counterpart). "
        "Reported once per script, at its first classic "
        "call, with the Resource Manager replacement of each call it makes; the calls a script file it runs "
        "makes (`bash scripts/create.sh`, `& .\\create-vms.ps1`, a CI step's `python tools/create.py`) are its "
        "own, listed after the path of the file that holds them (`azure vm list; in scripts/create.sh: azure vm "
        "create`). Scripts that run the migration "
        "itself (`Move-AzureService`, `Move-AzureVirtualNetwork`, ..., or migration requests to the Service "
        "Management API) are runbooks, checked by MIG602 instead; one that also creates classic VMs, cloud "
        "services or storage accounts (a lab script that builds what it then migrates) is reported for those "
        "creating calls alone, at the first that surely runs, since they fail today. In either, a call that "
        "fails today (below) but runs only on some paths (a create-if-missing, a loop over rows that may be "
        "none) is said to fail whenever it runs, one that every branch of an `if` with an `else` makes is "
        "said to fail today as one outside it is, and one in code that never runs (under `if ($false)`, `if false; then`, `if False:`, "
        "`when: false`; in a runbook, in a function nothing calls, PowerShell, Python or shell) is left out. PowerShell "
        "written for the Resource Manager mode of Azure PowerShell 0.9 "
        "(`Switch-AzureMode AzureResourceManager`, `-ResourceGroupName`) is not classic and is not reported. A "
        "deployment template (ARM JSON, or Bicep) that declares resources of the classic types "
        "(`Microsoft.ClassicCompute/virtualMachines`, `.../domainNames`, `Microsoft.ClassicNetwork/virtualNetworks`, "
        "`.../reservedIps`, `.../networkSecurityGroups`, `Microsoft.ClassicStorage/storageAccounts`) manages "
        "classic resources through Resource Manager: it is reported once, at its first classic resource, with "
        "the Resource Manager type of each type it declares; so is a Terraform file whose `azapi_resource`s "
        "declare them, said by what `terraform apply` of it does.",
        why="Migration does not move scripts. Once committed, the VMs, networks and storage accounts are "
        "Resource Manager resources: the Service Management API no longer finds them, so every create, change "
        "or query in the script fails, often halfway through a deployment. The classic deployment model it "
        f"targets is retired: IaaS VMs (classic) on {CLASSIC_VMS}, Cloud Services (classic) and classic storage "
        f"accounts on {CLASSIC_STORAGE}. So the calls that create them (`New-AzureVM`, `New-AzureQuickVM`, "
        "`New-AzureService`, `New-AzureDeployment`, `Publish-AzureServiceProject`, `New-AzureStorageAccount`; "
        "`create_virtual_machine_deployment`, `add_role`, `create_hosted_service`, `create_deployment`, "
        "`create_storage_account`; the requests that do their work, POSTs to `.../services/hostedservices`, "
        "`.../hostedservices/<service>/deployments`, `.../deploymentslots/<slot>`, `.../deployments/<deployment>/"
        "roles` and `.../services/storageservices`) fail already, whatever is migrated (the FAQ's "
        "NewClassicVMCreationNotAllowedForSubscription), and the message says so when a script makes them, "
        "naming what they create. So do the calls that manage the web/worker roles a classic cloud service "
        "runs, since the product they manage is retired (`Set-AzureDeployment`, `Move-AzureDeployment`, "
        "`Set-AzureRole`, `Reset-AzureRoleInstance`, `Set-AzureWalkUpgradeDomain`; `upgrade_deployment`, "
        "`change_deployment_configuration`, `update_deployment_status`, `swap_deployment`, "
        "`walk_upgrade_domain`, `rollback_update_or_upgrade`, `reimage_role_instance`, "
        "`rebuild_role_instance`; the requests that do their work, POSTs to a deployment with "
        "`?comp=upgrade`, `config`, `status`, `walkupgradedomain` or `rollback`, to a role instance with "
        "`?comp=reimage` or `rebuild`, and to `.../hostedservices/<service>` to swap its slots, where a POST "
        "to `.../deploymentslots/<slot>` with no `comp` creates a deployment); not those a deployment of VMs takes too (`Remove-AzureDeployment`, "
        "`delete_deployment`, `reboot_role_instance`), said to stop working once migrated as the calls on VMs "
        f"are. So do the calls that start or restart classic VMs (`Start-AzureVM`, `Restart-AzureVM`; `azure vm "
        f"start`, `azure vm restart`; `start_role`, `start_roles`, `restart_role`): Microsoft stopped and "
        f"deallocated the classic VMs not migrated when it retired them, and {VMS_START_ONLY_MIGRATED}. "
        "The script's other calls that create classic resources are not said to fail: "
        "no retirement ends a reserved IP (`New-AzureReservedIP`, which reserving a cloud service's VIP before "
        "Prepare needs), a network configuration (`Set-AzureVNetConfig`), a gateway (`New-AzureVNetGateway`), "
        "an affinity group (`New-AzureAffinityGroup`) or a disk or image registered from a blob "
        "(`Add-AzureDisk`, `Add-AzureVMImage`), until their resources are migrated.",
        fix="Rewrite the script with the Az PowerShell module or the `azure-mgmt-*` Python clients (with "
        "`azure-identity` for sign-in): the finding maps the classic calls nearest it (up to 8) to their "
        "replacements, and Replacements below lists every one; the gateway a script creates for a network "
        "linked to an ExpressRoute circuit (a `Dedicated` connection, a circuit link) is its ExpressRoute "
        "gateway, replaced by an ExpressRoute gateway (`New-AzVirtualNetworkGateway -GatewayType ExpressRoute`, "
        "`az network vnet-gateway create --gateway-type ExpressRoute`) with an ExpressRoute SKU, not a VPN SKU. "
        "Keep the "
        "classic version only for as long as the resources are classic, and retire it in the same change that "
        "commits their migration. Resource names change in the move (a cloud service becomes the resource group "
        "`<service>-Migrated`), so update names as well as calls. In a runbook, take out the calls that "
        "create classic resources: it can only migrate those that exist already.",
    )
    invalid = (
        Example(
            {
                "deploy.ps1": """
                Select-AzureSubscription -SubscriptionName "Contoso"
                New-AzureQuickVM -Windows -ServiceName "contoso-app" -Name "app01" `
                    -ImageName $image -AdminUsername $user -Password $password -VNetName "prod-vnet" -SubnetNames "app"
                """
            },
            expect=("deploy.ps1:1:1",),
        ),
        Example(
            {
                "provision.py": """
                from azure.servicemanagement import ServiceManagementService

                sms = ServiceManagementService(subscription_id, "mgmt.pem")
                sms.create_hosted_service("contoso-app", "contoso-app", location="West Europe")
                """
            },
            expect=("provision.py:3:7",),
        ),
        Example(
            {
                "lab.ps1": """
                New-AzureService -ServiceName "lab-app" -Location "West Europe"
                New-AzureVM -ServiceName "lab-app" -VMs $vm
                Move-AzureService -Validate -ServiceName "lab-app" -DeploymentName "lab-app" -CreateNewVirtualNetwork
                Move-AzureService -Prepare -ServiceName "lab-app" -DeploymentName "lab-app" -CreateNewVirtualNetwork
                Move-AzureService -Commit -ServiceName "lab-app" -DeploymentName "lab-app"
                """
            },
            expect=("lab.ps1:1:1",),
            note="A runbook that creates what it migrates: the creating calls fail today.",
        ),
        Example(
            {
                "azuredeploy.json": """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#",
                  "resources": [
                    {
                      "type": "Microsoft.ClassicStorage/storageAccounts",
                      "apiVersion": "2016-11-01",
                      "name": "contosodisks",
                      "location": "West Europe",
                      "properties": {"accountType": "Standard-LRS"}
                    }
                  ]
                }
                """
            },
            expect=("azuredeploy.json:4:5",),
            note="A template of classic resources: no classic storage account can be created any more.",
        ),
    )
    valid = (
        Example(
            {
                "deploy.ps1": """
                Connect-AzAccount
                New-AzVM -ResourceGroupName "contoso-app" -Name "app01" -Location "westeurope"
                """
            },
            note="The Az module: Resource Manager already.",
        ),
        Example(
            {
                "runbook.ps1": """
                Move-AzureVirtualNetwork -Validate -VirtualNetworkName "prod-vnet"
                Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "prod-vnet"
                Move-AzureVirtualNetwork -Commit -VirtualNetworkName "prod-vnet"
                """
            },
            note="A migration runbook: MIG602 checks it.",
        ),
        Example(
            {
                "arm.ps1": """
                Switch-AzureMode -Name AzureResourceManager
                New-AzureResourceGroup -Name "app" -Location "West Europe"
                New-AzureVM -ResourceGroupName "app" -Location "West Europe" -VM $vm
                """
            },
            note="Azure PowerShell 0.9 in Resource Manager mode: the cmdlet names are shared, the resources are not.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        scripts = list(estate.resources(Script))
        if not scripts:  # what follows walks every cloud service and every file's resources for them
            return
        queried = _queried_services(estate)
        expressroute = _expressroute_gateway_creates(estate)
        files = _script_files(estate)
        for script in scripts:
            own = files.get(id(script), script.mark.path)
            if script.written_in in TEMPLATE_LANGUAGES:
                yield self.finding(script, _template_message(script), fix=_template_fix(script))
            elif _declares_classic(script):
                yield from self._terraform(script, queried, expressroute)
            elif script.calls and not script.migration and script.deployed_by:
                yield self._deploying_steps(script, own, queried, expressroute)
            elif script.calls and not script.migration:
                script = _as_written(script)
                fix = _fix(script, script.mark, queried, expressroute)
                yield self.finding(script, _message(script, own), fix=fix)
            elif script.migration:
                yield from self._runbook_creates(script, own)

    def _terraform(
        self, script: Script, queried: Mapping[str, bool], expressroute: frozenset[Mark]
    ) -> Iterator[Finding]:
        """A Terraform configuration's MIG601, and one in each script file of the repository its `local-exec`
        provisioners run (`command = "./deploy.sh"`), at the script's first classic call and naming the
        configuration, where those calls were said of the configuration's first line without the script."""
        configuration, run = _provisioned_scripts(script)
        for ran in run:
            message = f"{_message(ran, ran.mark.path)}; `terraform apply` runs it, from a local-exec provisioner of {_script_named(script)}"
            yield self.finding(ran, message, fix=_fix(ran, ran.mark, queried, expressroute))
        if configuration.calls or configuration.declared_types:
            yield self.finding(
                configuration, _terraform_message(configuration), fix=_terraform_fix(configuration)
            )

    def _deploying_steps(
        self, script: Script, own: str, queried: Mapping[str, bool], expressroute: frozenset[Mark]
    ) -> Finding:
        """A CI pipeline whose steps deploy classic cloud services themselves (the classic cloud deployment
        task, AppVeyor's AzureCS provider): said by those steps, whose calls the file does not write, then
        the calls of the scripts it writes, as any script's."""
        steps = _DeployingSteps(script)
        others = replace(script, calls=steps.others)
        message, fix = steps.message(), steps.fix()
        if others.calls:
            message += "; " + _message(others, own, subject="it also")
            fix += " " + _fix(others, others.mark, queried, expressroute)
        return self.finding(script, message, fix=fix)

    def _runbook_creates(self, script: Script, own: str) -> Iterator[Finding]:
        """A runbook (MIG602 checks its steps) that also creates classic resources, as a lab script does
        before migrating them: the creating calls fail today whatever the runbook does after them, so they
        are reported, at the first that surely runs, else the first that may; the rest of the script is the
        runbook's. A create that never runs (in a function nothing calls) fails nothing; one that may not
        run (a create-if-missing, under `if (-not $s)`) is said to fail whenever it runs."""
        creating = _creating(script, runbook=True)
        if not creating:
            return
        creates = list(dict.fromkeys(call.name for call in creating))
        surely = _surely(creating)
        kinds = _kinds(creates)
        named = all(_created(name) for name in creates)
        message = (
            f"{_script_named(script)} runs the migration (MIG602 checks its steps), and its "
            f"calls that create classic {_and(kinds) if named else 'resources'} ({_named_calls(creating, own)}) "
            f"{_fail_when_run(creates, surely)}, since {_retired(kinds)}: it can migrate only classic "
            "resources that exist already"
        )
        at = next((call for call in creating if call.runs not in SOME_PATHS_ONLY), creating[0])
        # One per script, at its first creating call: about the script, whichever call shows it.
        yield self.finding(script, message, at=at, fix=_runbook_fix(script, creates), subject=script)


def _declares_classic(script: Script) -> bool:
    """Whether a script is a Terraform configuration that declares classic resources: those it makes, or
    only those the provider or the platform refuses (an `azure_data_disk` of a VM in a service of another
    name), which it still declares, and whose types the state holds until they are rewritten."""
    declares = bool(script.calls or script.declared_types)
    return declares and not script.migration and script.written_in == TERRAFORM_LANGUAGE


# The files of a Terraform module: a provisioner's call marked in any other file is in a script it runs.
_TERRAFORM_FILES = (".tf", ".tf.json")


def _provisioned_scripts(script: Script) -> tuple[Script, list[Script]]:
    """A Terraform configuration without the calls its `local-exec` provisioners make in script files they
    run (`command = "./deploy.sh"`, `interpreter = ["bash"]` and a script's path), which the reader follows
    where the repository holds them; and each such file as a script of its own, of its calls, marked at the
    first (the configuration's first line names neither the script nor the line that calls it)."""
    by_file: dict[str, list[ClassicCall]] = {}
    for call in script.calls:
        if call.mark in script.provisioner_calls and not call.mark.path.endswith(_TERRAFORM_FILES):
            by_file.setdefault(call.mark.path, []).append(call)
    if not by_file:
        return script, []
    ran = {id(call) for calls in by_file.values() for call in calls}
    configuration = replace(
        script,
        calls=tuple(call for call in script.calls if id(call) not in ran),
        changes=tuple(call for call in script.changes if call.mark.path not in by_file),
    )
    return configuration, [_run_script(script, path, calls) for path, calls in by_file.items()]


def _run_script(configuration: Script, path: str, calls: list[ClassicCall]) -> Script:
    """The script file at `path` a configuration's provisioner runs, as a script of `calls`, its own."""
    return replace(
        configuration,
        name=posixpath.basename(path),
        calls=tuple(calls),
        mark=calls[0].mark,
        changes=tuple(call for call in configuration.changes if call.mark.path == path),
        written_in="",
        declared_types=(),
        provisioner_calls=frozenset(),
        called="",
    )


def _as_written(script: Script) -> Script:
    """A script as its messages name its calls: a Terraform configuration's by the resource types that make
    them (`terraform_call`), where the reader and the link stage know them as the classic CLI's commands."""
    if script.written_in != TERRAFORM_LANGUAGE:
        return script
    return replace(
        script, calls=tuple(replace(call, name=terraform_call(call.name)) for call in script.calls)
    )


def _terraform_named(script: Script) -> Iterator[str]:
    """Each call of a configuration, in the order they run, by the resource type of the classic provider
    that makes it where the configuration declares that type, else by the classic CLI's command (one its
    `local-exec` provisioners run: `azure vm create` in a `null_resource`'s is no `azure_instance`)."""
    declared = set(script.declared_types)
    for call in script.calls:
        kind = TERRAFORM_COMMANDS.get(call.name)
        yield kind if kind is not None and (kind in declared or " " in kind) else call.name


def _terraform_types(script: Script) -> list[str]:
    """The resource types of the classic provider a configuration declares, in the order its calls run,
    then those of the resources that make no call (the provider or the platform refuses them)."""
    named = _terraform_named(script)
    return list(dict.fromkeys([*(name for name in named if " " not in name), *script.declared_types]))


def _provisioner_commands(script: Script) -> list[str]:
    """The classic CLI's commands a configuration's `local-exec` provisioners run (no resource type it
    declares makes them), in the order they run."""
    return list(dict.fromkeys(name for name in _terraform_named(script) if " " in name))


def _terraform_message(script: Script) -> str:
    """MIG601 of a Terraform configuration, in a Terraform user's words: the types Terraform can no longer
    create, and what the provider does with what is migrated (its Read finds nothing and clears the
    resource from the state, so the next apply creates it again)."""
    types = _terraform_types(script)
    creates = [kind for kind in types if kind in TERRAFORM_CREATES]
    made = [TERRAFORM_CREATES[kind] for kind in creates]
    kinds = [kind for kind in _RETIRED if kind in made]
    said = (
        f": `terraform apply` can no longer create its {_and(kinds)} ({_shown(creates)}), since {_retired(kinds)}, "
        "and once the classic resources are migrated to Resource Manager"
        if creates
        else ": once the classic resources are migrated to Resource Manager"
    )
    commands = _provisioner_commands(script)
    runs = f"runs the classic CLI in its provisioners ({_shown(commands)})" if commands else ""
    if not types:  # its only classic use is what its provisioners run
        creating = [c for c in commands if TERRAFORM_CREATES.get(TERRAFORM_COMMANDS.get(c, ""))]
        made = list(dict.fromkeys(TERRAFORM_CREATES[TERRAFORM_COMMANDS[c]] for c in creating))
        fails = (
            f": `terraform apply` runs them whenever it creates their resources, and those that create classic "
            f"{_and(made)} ({_shown(creating)}) fail today, since {_retired([k for k in _RETIRED if k in made])}"
            if made
            else ": `terraform apply` runs them whenever it creates their resources"
        )
        return f"{_script_named(script)} {runs}{fails}"
    return (
        f"{_script_named(script)} declares resources of the {_TERRAFORM_PROVIDER} ({_shown(types)})"
        f"{' and ' + runs if runs else ''}{said} the provider no longer finds them, drops them from the state, "
        "and the next `terraform apply` tries to create them again"
    )


class _Deploying(NamedTuple):
    """How a message says the document that declares classic resources and what deploys it: a template's
    deployment, or `terraform apply` of a configuration whose azapi resources write a template's."""

    document: str  # "the template"
    deploys: str  # "a deployment of it", as a sentence's subject
    rewrite: str  # what the fix says to rewrite
    deploy: str  # the fix's verb for deploying the rewritten document


_TEMPLATE_DEPLOYING = _Deploying("the template", "a deployment of it", "the template", "Deploy")
_AZAPI_DEPLOYING = _Deploying(
    "the configuration", "`terraform apply`", "the configuration's azapi resources", "Apply"
)


def _deploying(script: Script) -> _Deploying:
    return _AZAPI_DEPLOYING if script.written_in == AZAPI_LANGUAGE else _TEMPLATE_DEPLOYING


def _template_message(script: Script) -> str:
    """MIG601 of a deployment template that declares classic resources: the types it declares, which of
    them no one can create any more, and what deploying it does once they are migrated; and what it does to
    the classic resources it changes without declaring them (`_template_changes`). A Terraform file's azapi
    resources are said by `terraform apply`, as a configuration of the classic provider is."""
    types = [t for t in script.declared_types if " " not in t]
    changes = _template_changes(script)
    words = _deploying(script)
    if not types:
        return f"{_script_named(script)} {_changes_said(changes, words)}"
    made = {CLASSIC_RESOURCE_TYPES[t.casefold()][2] for t in types}
    kinds = [kind for kind in _RETIRED if kind in made]
    retired = (
        f": {words.deploys} can no longer create its {_and(kinds)}, since {_retired(kinds)}, and once "
        if kinds
        else ": once "
    )
    also = f"; it also {_changes_said(changes, words)}" if changes else ""
    return (
        f"{_script_named(script)} declares classic resources ({_shown(types)}){retired}the classic resources "
        f"are migrated to Resource Manager it no longer describes them: {words.deploys} tries to create them "
        f"again as classic resources{also}"
    )


class _Change(NamedTuple):
    """A child resource a template declares on a classic resource it does not declare: what it does, in a
    sentence's words, the child's type as written, what replaces it in Resource Manager, and the kind of
    retired resource whose deployments it makes ("cloud services"; "" for none)."""

    does: str
    written: str
    instead: str
    kind: str


# What a template does with a child of a classic resource it does not declare, by the child's type: the
# words, with `{child}` and `{parent}` for their names, and the child's Resource Manager type ("" for a
# cloud service's slot and roles: a deployment of a package of web and worker roles, whose replacement is
# the cloud service's, `CLASSIC_RESOURCE_TYPES`).
_CHILD_TYPES = {
    "microsoft.classiccompute/virtualmachines/extensions": (
        "installs extension {child} on classic VM {parent}",
        "Microsoft.Compute/virtualMachines/extensions",
    ),
    "microsoft.classiccompute/domainnames/slots": (
        "deploys a package to the {child} slot of classic cloud service {parent}",
        "",
    ),
    "microsoft.classiccompute/domainnames/slots/roles": (
        "declares role {child} of the deployment in slot {parent} of a classic cloud service",
        "",
    ),
    "microsoft.classicnetwork/virtualnetworks/subnets": (
        "adds subnet {child} to classic virtual network {parent}",
        "Microsoft.Network/virtualNetworks/subnets",
    ),
    "microsoft.classicnetwork/networksecuritygroups/securityrules": (
        "adds security rule {child} to classic network security group {parent}",
        "Microsoft.Network/networkSecurityGroups/securityRules",
    ),
}


# What a message calls a classic resource of each type a child can be declared under.
_PARENT_NOUNS = {
    "microsoft.classiccompute/virtualmachines": "VM",
    "microsoft.classiccompute/domainnames": "cloud service",
    "microsoft.classicstorage/storageaccounts": "storage account",
    "microsoft.classicnetwork/reservedips": "reserved IP",
    "microsoft.classicnetwork/virtualnetworks": "virtual network",
    "microsoft.classicnetwork/networksecuritygroups": "network security group",
}


def _template_changes(script: Script) -> list[_Change]:
    """The children of classic resources a template declares without declaring their parents (listed as
    `<type> <name>` in `declared_types`, see `readers.template_values`), each as a `_Change`."""
    changes = []
    for declared in script.declared_types:
        written, space, name = declared.partition(" ")
        if not space:
            continue
        parent, _, child = name.rpartition("/")
        top = next(t for t in CLASSIC_RESOURCE_TYPES if written.casefold().startswith(t + "/"))
        _, replaced, kind = CLASSIC_RESOURCE_TYPES[top]
        words, instead = _CHILD_TYPES.get(written.casefold(), ("", ""))
        if not words:  # a child type no rule reads: said by its type, under its parent's replacement
            own = written.rpartition("/")[2]
            noun = _PARENT_NOUNS.get(written.rpartition("/")[0].casefold(), "resource")
            words = f"declares {{child}} ({written}) of classic {noun} {{parent}}"
            instead = f"{replaced}/{own}" if " " not in replaced else ""
        said = words.format(child=_quoted(child), parent=_quoted(parent))
        changes.append(
            _Change(said, written, instead or replaced, kind if kind in _RETIRED and not instead else "")
        )
    return changes


def _quoted(name: str) -> str:
    return f"'{name}'" if name else "(its name not stated)"


def _changes_said(changes: list[_Change], words: _Deploying) -> str:
    """What a template does to classic resources it does not declare, and what that becomes: a deployment
    of a retired kind fails today; the others change the resource while it is classic, and name nothing
    once it is migrated."""
    does = _and(change.does for change in changes[:SHOWN]) + (
        f" and {len(changes) - SHOWN} more" if len(changes) > SHOWN else ""
    )
    kinds = [kind for kind in _RETIRED if any(change.kind == kind for change in changes)]
    what = "a classic resource" if len(changes) == 1 else "classic resources"
    said = f"{does}, which it does not declare: it changes {what} and creates none"
    if kinds:
        said += f", and {words.deploys} of it fails today, since {_retired(kinds)}"
    migrated = [c for c in changes if not c.kind]
    if not migrated:
        return said
    becomes = _shown(list(dict.fromkeys(f"{c.written} is then {c.instead}" for c in migrated)))
    return (
        f"{said}; once {'that resource is' if len(changes) == 1 else 'they are'} migrated to Resource Manager, "
        f"{words.document}'s classic types name nothing and {words.deploys} of it fails ({becomes})"
    )


def _template_fix(script: Script) -> str:
    """What to do with a deployment template of classic resources: the Resource Manager type of each."""
    replaced = [
        f"{CLASSIC_RESOURCE_TYPES[t.casefold()][0]} → {CLASSIC_RESOURCE_TYPES[t.casefold()][1]}"
        for t in script.declared_types
        if " " not in t
    ]
    replaced += list(dict.fromkeys(f"{c.written} → {c.instead}" for c in _template_changes(script)))
    words = _deploying(script)
    rewritten = words.document.replace("the ", "the rewritten ", 1)
    return (
        f"Rewrite {words.rewrite} with Resource Manager's types ({'; '.join(replaced)}), describing the resources "
        "as the migration leaves them: in the resource groups it makes, `<cloud service>-Migrated` for a cloud "
        f"service's VMs and `<network>-Migrated` for a virtual network. {words.deploy} {rewritten} only after "
        f"the migration's Commit, and until then {words.deploy.lower()} no change to the classic resources."
    )


def _provisioners_fix(script: Script) -> str:
    """The Azure CLI's commands for the classic CLI's that the configuration's provisioners run, as a shell
    script's MIG601 gives them; "" for a configuration whose provisioners run none."""
    commands = _provisioner_commands(script)
    if not commands:
        return ""
    mapped = [name for name in commands if replacement(script.language, name)]
    others = [name for name in commands if name not in mapped]
    said = [_replaced(script.language, name, {}) for name in mapped]
    if others:
        said.append(f"for {_shown(others)}, {modules_for(script.language, others)}")
    return f", and the classic CLI's commands its provisioners run with the Azure CLI's ({'; '.join(said)})"


def _terraform_fix(script: Script) -> str:
    """What to do with a configuration of the classic provider: each type's azurerm resource, and the state."""
    replaced = [
        f"{kind} → {TERRAFORM_REPLACEMENTS[kind]}"
        for kind in _terraform_types(script)
        if kind in TERRAFORM_REPLACEMENTS
    ]
    if not _terraform_types(script):  # only provisioners run the classic CLI
        return f"Replace{_provisioners_fix(script).removeprefix(', and')}."
    return (
        f"Rewrite the configuration with the azurerm provider's resources ({'; '.join(replaced)})"
        f"{_provisioners_fix(script)}. After "
        "the migration's Commit, take the classic resources out of the state (`terraform state rm "
        "<type>.<name>` of each) and `terraform import` the migrated ones into the azurerm resources that "
        "describe them: they are in the resource groups the migration makes, `<cloud service>-Migrated` for a "
        "cloud service's VMs and `<network>-Migrated` for a virtual network. Until then, plan no change to the "
        "classic resources."
    )


def _creating(
    script: Script, runbook: bool = False, of: Mapping[str, frozenset[str]] = CREATES_RETIRED
) -> list[ClassicCall]:
    """The calls of `script` that fail today and may run: those that create classic resources no one can
    create any more (`CREATES_RETIRED`), or those `of` names (`MANAGES_RETIRED_ROLES`). One that never runs
    (under a condition that is always false, as `if ($false)`, `if false; then`, `if False:` and
    `when: false` are) fails nothing; nor does one in a function nothing calls in a `runbook`, whose calls
    are its steps. A library of functions is run by what calls them, so their calls fail whenever they are
    called."""
    failing = of[script.language]
    left_out = {NEVER_RUNS, *UNCALLED} if runbook else {NEVER_RUNS}
    # A request that does the same work fails as the SDK's call does.
    by_request = (
        created_by_request
        if of is CREATES_RETIRED
        else manages_roles_by_request
        if of is MANAGES_RETIRED_ROLES
        else _no_request
    )
    return [
        call
        for call in script.calls
        if (call.name in failing or by_request(call.name)) and call.runs not in left_out
    ]


def _no_request(_: str) -> bool:
    """Of the calls that start classic VMs (`STARTS_RETIRED_VMS`), no listed request is counted."""
    return False


def _surely(creating: list[ClassicCall]) -> set[str]:
    """The names of the creating calls `creating` of which one runs whenever the script does."""
    return {call.name for call in creating if call.runs not in SOME_PATHS_ONLY}


def _fail_when_run(creates: list[str], surely: set[str]) -> str:
    """That the creating calls `creates` fail today: whenever they run, for those not in `surely`, which
    run only on some paths (under a condition, as a create-if-missing does, or in a loop over rows a file
    may not hold: the readers take a loop's body as code that may not run, as an `if`'s is)."""
    maybe = [name for name in creates if name not in surely]
    if not maybe:
        return "fail today"
    if len(maybe) == len(creates):
        return f"fail today whenever they run (they may not: they run {_SOME_PATHS})"
    return (
        f"fail today ({_shown(maybe)} whenever {'it runs' if len(maybe) == 1 else 'they run'}: {_SOME_PATHS})"
    )


_SOME_PATHS = "only on some paths, under a condition or in a loop that may run no times"


class _DeployingSteps:
    """The steps of a CI pipeline that deploy classic cloud services themselves (`Script.deployed_by`), and
    the pipeline's other calls, those of the scripts it writes."""

    def __init__(self, script: Script) -> None:
        places = {(path, line, column): words for path, line, column, words in script.deployed_by}
        self.named = _script_named(script)
        self.words: dict[str, bool] = {}  # what runs them, and whether it surely runs
        others = []
        for call in script.calls:
            words = places.get((call.mark.path, call.mark.line, call.mark.column))
            if words is None:
                others.append(call)
            elif call.runs != NEVER_RUNS:
                self.words[words] = self.words.get(words, False) or call.runs not in SOME_PATHS_ONLY
        self.others = tuple(others)

    def message(self) -> str:
        if not self.words:  # steps that never run: their calls fail nothing
            return f"{self.named} holds classic deployments that never run"
        services = {words: surely for words, surely in self.words.items() if not _deploys_websites(words)}
        sites = [words for words in self.words if _deploys_websites(words)]
        said = [_services_said(services)] if services else []
        if sites:
            said.append(_WEBSITES_SAID.format(steps=_and(sites), also="also " if services else ""))
        return f"{self.named} {'; it '.join(said)}"

    def fix(self) -> str:
        services = [words for words in self.words if not _deploys_websites(words)]
        fixes = [_services_fix(services)] if services else []
        if len(services) < len(self.words):
            fixes.append(_WEBSITES_FIX)
        return " ".join(fixes)


def _deploys_websites(words: str) -> bool:
    """Whether a deploying step (`Script.deployed_by`) is the classic App Service deployment task, which
    deploys a website, not a cloud service's package."""
    return words.startswith("the AzureWebPowerShellDeployment@")


def _services_said(words: dict[str, bool]) -> str:
    """That the steps deploying classic cloud services fail today (`words`: whether each surely runs)."""
    one = len(words) == 1
    maybe = "" if all(words.values()) else f" whenever {'it runs' if one else 'they run'} ({_UNDER})"
    return (
        f"deploys classic cloud services with {_and(words)}: {'it fails' if one else 'they fail'} today{maybe}, "
        f"since Cloud Services (classic) was retired on {CLOUD_SERVICES_CLASSIC}"
    )


def _services_fix(words: list[str]) -> str:
    successors = [_EXTENDED_SUCCESSOR["appveyor" if w.startswith("AppVeyor") else "task"] for w in words]
    named = list(dict.fromkeys(successors))
    return (
        f"No classic deployment can be made since Cloud Services (classic) was retired on "
        f"{CLOUD_SERVICES_CLASSIC}. Nor is {_and(named)}, which {'deploys' if len(named) == 1 else 'deploy'} "
        f"Cloud Services (extended support), a destination: it was deprecated on {EXTENDED_SUPPORT_DEPRECATED} "
        f"and retires on {EXTENDED_SUPPORT_RETIRES}. Rebuild the roles on Azure App Service, Azure Kubernetes "
        "Service (AKS) or Virtual Machine Scale Sets, and deploy them with that platform's own task."
    )


# The classic App Service deployment task: its website cmdlets (Get-AzureWebsite, New-AzureWebsite,
# Publish-AzureWebsiteProject) through a classic service connection, said as a script's calls of them are.
_WEBSITES_SAID = (
    "{also}deploys App Service (websites) with {steps}, which runs the classic Azure PowerShell module's "
    "website cmdlets through a classic service connection: the migration of IaaS resources does not move App "
    "Service, the classic API is deprecated, and Resource Manager manages these services"
)
_WEBSITES_FIX = (
    "Deploy the website with the AzureWebApp@1 or AzureRmWebAppDeployment@4 task, through a Resource Manager "
    "service connection."
)


_UNDER = "it may not: it runs under a condition"
# What deploys Cloud Services (extended support) in place of each kind of deploying step.
_EXTENDED_SUCCESSOR = {
    "task": "the task's version 2 (AzureCloudPowerShellDeployment@2)",
    "appveyor": "AppVeyor's AzureCSExtended provider",
}


def _message(script: Script, own: str, subject: str = "") -> str:
    """MIG601's message of a script's classic calls, the script being the file `own` (see `_named_calls`);
    `subject` in place of the script's name, for one said after what else the file does."""
    subject = subject or _script_named(script)
    names = list(dict.fromkeys(call.name for call in script.calls))
    api = _api(script, names)
    shown = _named_calls(script.calls, own, dict(script.run_on))
    creating = _creating(script)
    managing = _creating(script, of=MANAGES_RETIRED_ROLES)
    starting = _creating(script, of=STARTS_RETIRED_VMS)
    creates = list(dict.fromkeys(call.name for call in creating))
    manages = list(dict.fromkeys(call.name for call in managing))
    starts = list(dict.fromkeys(call.name for call in starting))
    if creates or manages or starts:
        others = (
            ", and the others stop working once their resources are migrated to Resource Manager"
            if len(creates) + len(manages) + len(starts) < len(names)
            else ""
        )
        failing = _fail_when_run([*creates, *manages, *starts], _surely([*creating, *managing, *starting]))
        kinds = _kinds(creates, bool(manages)) if creates or manages else []
        kinds += ["VMs"] if starts and "VMs" not in kinds else []
        started = f" ({VMS_START_ONLY_MIGRATED})" if starts else ""
        return (
            f"{subject} uses the {api} ({shown}): {_failing_calls(creating, managing, own, starting)} {failing}, "
            f"since {_retired([kind for kind in _RETIRED if kind in kinds])}{started}{others}"
        )
    services, iaas = services_of(script.language, names)
    retired = retired_services(services)
    if not iaas:
        live = [s.what for s in services if not s.retired]
        said = [retired] if retired else []
        if live:
            said.append(
                f"the classic API of {_and(live)} is deprecated, and Resource Manager manages "
                f"{'it' if len(live) == 1 else 'them'}"
                if retired
                else "the classic API is deprecated, and Resource Manager manages these services"
            )
        return (
            f"{subject} uses the {api} ({shown}) for "
            f"{_and(s.what for s in services)}, which the migration of IaaS resources does not move: "
            + "; ".join(said)
        )
    return (
        f"{subject} uses the {api} ({shown}): it stops working once the classic "
        "resources it manages are migrated to Resource Manager" + (f"; {retired}" if retired else "")
    )


# What each call of `CREATES_RETIRED` creates, and when that kind of classic resource was retired (its
# product's name, the date), in the order the message names them.
_RETIRED = {
    "VMs": ("IaaS VMs (classic)", CLASSIC_VMS),
    "cloud services": ("Cloud Services (classic)", CLOUD_SERVICES_CLASSIC),
    "storage accounts": ("classic storage accounts", CLASSIC_STORAGE),
}
_SINGULAR = {"Cloud Services (classic)"}  # a product's name, as Microsoft writes it: "was retired"
_CREATES = {
    **dict.fromkeys(
        ("New-AzureVM", "New-AzureQuickVM", "create_virtual_machine_deployment", "add_role"), "VMs"
    ),
    **dict.fromkeys(
        (
            "New-AzureService",
            "New-AzureDeployment",
            "Publish-AzureServiceProject",
            "create_hosted_service",
            "create_deployment",
        ),
        "cloud services",
    ),
    **dict.fromkeys(("New-AzureStorageAccount", "create_storage_account"), "storage accounts"),
    **dict.fromkeys(("azure vm create", "azure vm docker create", "azure vm create-from"), "VMs"),
    "azure service create": "cloud services",
    ANSIBLE_VM: "VMs",
    **{kind + TERRAFORM: made for kind, made in TERRAFORM_CREATES.items()},
    "azure storage account create": "storage accounts",
    **{name: kind for name, (_, kind) in CLASSIC_TYPE_CALLS.items() if kind},
}


def _created(call: str) -> str:
    """The kind of classic resource (`_RETIRED`) a creating call makes; "" for one not known to make one."""
    return _CREATES.get(call) or created_by_request(call)


def _kinds(creates: list[str], manages_roles: bool = False) -> list[str]:
    """The kinds of classic resources (`_RETIRED`) the creating calls `creates` make, and cloud services when
    the script `manages_roles` (`MANAGES_RETIRED_ROLES`), in the order messages name them; every kind when
    one of the calls is not known to `_CREATES`."""
    named = all(_created(name) for name in creates)
    made = {_created(name) for name in creates} if named else set(_RETIRED)
    return [kind for kind in _RETIRED if kind in made or (manages_roles and kind == "cloud services")]


def _failing_calls(
    creating: list[ClassicCall], managing: list[ClassicCall], own: str, starting: Sequence[ClassicCall] = ()
) -> str:
    """The calls of the script (the file `own`) that fail today, in words: those that create classic
    resources of a retired kind, those that manage the roles a classic cloud service runs, and those that
    start or restart classic VMs (`starting`)."""
    creates = list(dict.fromkeys(call.name for call in creating))
    said = []
    if creates:
        named = all(_created(name) for name in creates)
        said.append(
            f"its calls that create classic {_and(_kinds(creates)) if named else 'resources'} "
            f"({_named_calls(creating, own)})"
        )
    if managing:
        said.append(
            f"{'those' if said else 'its calls'} that manage a classic cloud service's deployed roles "
            f"({_named_calls(managing, own)})"
        )
    if starting:
        said.append(
            f"{'those' if said else 'its calls'} that start classic VMs ({_named_calls(starting, own)})"
        )
    return _and(said)


# The Resource Manager requests that create what a Service Management request created (`created_by_request`).
_RM_CREATES = {
    "VMs": "a PUT to .../resourceGroups/<group>/providers/Microsoft.Compute/virtualMachines/<name>",
    "cloud services": "a resource group (PUT .../resourceGroups/<group>), which holds Resource Manager VMs in "
    "place of a cloud service",
    "storage accounts": "a PUT to .../resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>",
    "": "its Resource Manager request",
}


def _runbook_fix(script: Script, creates: list[str]) -> str:
    """What a runbook that creates classic resources does instead: leave the creating calls out, and create
    what it still needs in Resource Manager (the replacement of each)."""
    pairs = [
        f"{name} → {replacement(script.language, name) or _RM_CREATES[_created(name)]}" for name in creates
    ]
    return (
        "Take these calls out of the runbook: no classic resource can be created any more, so it can only "
        "migrate those that exist. Create what is still needed in Resource Manager instead, after the "
        f"migration: {'; '.join(pairs)}."
    )


def _retired(kinds: list[str]) -> str:
    """When the kinds of classic resources `kinds` were retired, a date once: `IaaS VMs (classic) were retired
    on 2023-09-06 and classic storage accounts on 2024-08-31`."""
    by_date: dict[str, list[str]] = {}
    for kind in kinds:
        product, date = _RETIRED[kind]
        by_date.setdefault(date, []).append(product)
    return " and ".join(
        f"{_and(products)}{_verb(products) if not index else ''} on {date}"
        for index, (date, products) in enumerate(by_date.items())
    )


def _verb(products: list[str]) -> str:
    return " was retired" if len(products) == 1 and products[0] in _SINGULAR else " were retired"


def _and(words: Iterable[str]) -> str:
    words = list(words)
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else words[0]


def _api(script: Script, names: list[str]) -> str:
    """What the script calls: the classic PowerShell module, the legacy Python SDK, or the Service
    Management REST API itself (a request to management.core.*, named by its method and address), or
    both."""
    direct = any("management.core." in name for name in names)
    wrapped = any("management.core." not in name for name in names)
    client = _client(script.language, [name for name in names if "management.core." not in name])
    if direct and wrapped:
        return f"{client} and the Service Management API"
    return "Service Management API" if direct else client


_CLIENTS = {
    "PowerShell": "classic Azure PowerShell module",
    "Shell": "classic Azure CLI in asm mode",
}


def _script_named(script: Script) -> str:
    """What a message calls a script, its name included: a Python script or an Ansible playbook or task file
    that runs the classic CLI is read as the shell script running the same commands, but its author knows
    it as what it is."""
    return script.called or f"{_script_words(script)} '{script.name}'"


def _script_words(script: Script) -> str:
    if script.written_in:  # a Python script that runs the classic CLI, read as the commands it runs
        return f"{script.written_in} script"
    if script.language == "Shell" and script.mark.path.lower().endswith((".yml", ".yaml")):
        return "Ansible playbook"
    return f"{script.language} script"


_TYPED = "classic resource types through Resource Manager"


_ANSIBLE_MODULE = "classic azure module of Ansible"
_ANSIBLE_MODULE_CALLS = frozenset({ANSIBLE_VM, ANSIBLE_VM_ABSENT})
_TERRAFORM_PROVIDER = "classic azure provider of Terraform"


def _client(language: str, names: list[str]) -> str:
    """The client a script's calls go through: a PowerShell or Python script that runs the classic CLI
    (`azure vm create`, a command, not a cmdlet or a method) uses the CLI, or both."""
    typed = [name for name in names if name in CLASSIC_TYPE_CALLS]
    if typed:  # `New-AzResource -ResourceType Microsoft.ClassicCompute/...`: not the classic client
        rest = [name for name in names if name not in CLASSIC_TYPE_CALLS]
        return f"{_client(language, rest)} and the {_TYPED}" if rest else _TYPED
    modules = [name for name in names if name in _ANSIBLE_MODULE_CALLS]
    if modules:  # an Ansible task of the classic `azure` module: the module, not the CLI, calls the API
        rest = [name for name in names if name not in _ANSIBLE_MODULE_CALLS]
        return f"{_client(language, rest)} and the {_ANSIBLE_MODULE}" if rest else _ANSIBLE_MODULE
    provided = [name for name in names if name.endswith(TERRAFORM)]
    if provided:  # a Terraform resource of the classic provider: the provider calls the API
        rest = [name for name in names if not name.endswith(TERRAFORM)]
        return f"{_client(language, rest)} and the {_TERRAFORM_PROVIDER}" if rest else _TERRAFORM_PROVIDER
    cli = [name for name in names if name.startswith("azure ")]
    own = _CLIENTS.get(language, "Service Management SDK")
    if not cli or len(cli) == len(names):
        return _CLIENTS["Shell"] if cli else own
    return f"{own} and the {_CLIENTS['Shell']}"


def _shown(names: list[str]) -> str:
    return ", ".join(names[:SHOWN]) + (f" and {len(names) - SHOWN} more" if len(names) > SHOWN else "")


def _script_files(estate: Estate) -> dict[int, str]:
    """The file each script (by `id`) is read from: its calls may be written in others, files it runs."""
    return {id(r): doc.path for doc in estate.documents for r in doc.resources if isinstance(r, Script)}


def _named_calls(calls: Iterable[ClassicCall], own: str, run_on: Mapping[Mark, str] | None = None) -> str:
    """The names of `calls`, once each, as a message lists them (the first `SHOWN`, the rest counted): those
    written in a file other than the script's own `own` (a script file it runs, one a CI step runs) after
    that file's path, so that each is found: "azure vm list; in scripts/create.sh: azure vm create"; one
    the script has another machine run after that machine (`run_on`, see `Script.run_on`): "azure vm
    shutdown on admin@jump"."""
    files: dict[str, list[str]] = {own: []}
    for call in calls:
        names = files.setdefault(call.mark.path, [])
        named = _on_host(call.name, run_on.get(call.mark)) if run_on else call.name
        if named not in names:
            names.append(named)
    if len(files) == 1:
        return _shown(files[own])
    parts, room = [], SHOWN
    for path, names in files.items():
        if names and room > 0:
            listed = ", ".join(names[:room])
            parts.append(listed if path == own else f"in {path}: {listed}")
            room -= len(names[:room])
    total = sum(len(names) for names in files.values())
    return "; ".join(parts) + (f" and {total - SHOWN} more" if total > SHOWN else "")


def _on_host(name: str, host: str | None) -> str:
    """A call's name, with the machine it runs on where that is not the script's (`ssh`)."""
    if host is None:
        return name
    return f"{name} on {host}" if host else f"{name} on another machine (ssh)"


def _queried_services(estate: Estate) -> dict[str, bool]:
    """The cloud services (by `key`) the files give web/worker roles or VMs, each with whether a query of
    its deployments (`ClassicCall.service`) asks after web/worker roles (roles and no VM), whichever file
    deploys them."""
    return {key(s.name): not s.vms for s in estate.cloud_services if s.roles or s.vms}


def _expressroute_gateway_creates(estate: Estate) -> frozenset[Mark]:
    """Where scripts create the gateway of a network linked to an ExpressRoute circuit (a `Dedicated`
    connection, a script's circuit link): the network's ExpressRoute gateway. Only the circuits are
    looked for where a script creates a gateway."""
    creates = [
        fact
        for fact in estate.resources(VnetGatewayFact)
        if fact.side == GATEWAY and fact.how in EXPRESSROUTE_GATEWAY_CREATES
    ]
    if not creates:
        return frozenset()
    linked = _linked_networks(estate)
    return frozenset(fact.mark for fact in creates if key(fact.vnet) in linked)


def _fix(
    script: Script,
    at: Mark,
    queried: Mapping[str, bool] | None = None,
    expressroute: frozenset[Mark] = frozenset(),
) -> str:
    """The fix of a script's finding at `at`: the replacements of the `MAPPED` classic calls nearest it (a
    script of forty calls made a fix of 3,000 characters), then how many more `migcheck rule MIG601` lists.
    A query of a deployment is replaced for the roles' new platform or by a VM query, call by call, from
    the service it queries (see `_asks_after_roles`)."""
    names = list(dict.fromkeys(call.name for call in script.calls))
    services, iaas = services_of(script.language, names)
    gone = unreplaced_services(services)
    if gone and not iaas and len(gone) == len(services):
        return f"Remove these calls: nothing in Azure replaces {_and(gone)}."
    queries = _deployment_queries(script, queried or {})
    mapped = [name for name in _nearest_first(script.calls, at) if replacement(script.language, name)]
    if iaas and serves_roles_only(script.language, names):
        # Its roles are never migrated: there is no "until" to keep it for.
        text = (
            "Rewrite it for the platform its web/worker roles are rebuilt on, since no migration moves them"
        )
    elif iaas:
        text = "Rewrite it for Resource Manager, or retire it if it only serves the classic resources until they are migrated"
    else:
        text = "Rewrite it for Resource Manager"
    if mapped:
        text += ": " + "; ".join(
            _gateway_replaced(script, name, expressroute) or _replaced(script.language, name, queries)
            for name in mapped[:MAPPED]
        )
    if len(mapped) > MAPPED:
        text += f"; and {len(mapped) - MAPPED} more: `migcheck rule MIG601` lists every replacement"
    if len(mapped) < len(names):
        others = (
            "; for the calls that have no one replacement,"
            if len(mapped) > MAPPED
            else "; for the other calls,"
        )
        text += f"{others if mapped else ', with'} {modules_for(script.language, names)}"
    if gone:
        text += f". Remove the calls of {_and(gone)}: nothing in Azure replaces {'it' if len(gone) == 1 else 'them'}"
    return text + "."


def _gateway_replaced(script: Script, name: str, expressroute: frozenset[Mark]) -> str:
    """`name → its replacement` for a create of a network's gateway some of whose calls create the gateway
    of a network linked to an ExpressRoute circuit (`expressroute`, where): an ExpressRoute gateway, and
    where others create a VPN gateway, that one's too; "" where none does."""
    if name not in EXPRESSROUTE_GATEWAY_CREATES:
        return ""
    linked = [call.mark in expressroute for call in script.calls if call.name == name]
    if not any(linked):
        return ""
    instead = EXPRESSROUTE_GATEWAY_CREATES[name]
    if all(linked):
        return f"{name} → {instead} (the network is linked to an ExpressRoute circuit)"
    vpn = replacement(script.language, name)
    return f"{name} → {instead} for a network linked to an ExpressRoute circuit, else {vpn}"


def _deployment_queries(script: Script, queried: Mapping[str, bool]) -> dict[str, dict[bool, list[str]]]:
    """A script's queries of a deployment: by call name, then by whether they ask after web/worker roles
    (`_asks_after_roles`), the services they name ("" for one they do not)."""
    packages = deploys_packages(call.name for call in script.calls)
    queries: dict[str, dict[bool, list[str]]] = {}
    for call in script.calls:
        if call.name in DEPLOYMENT_QUERIES:
            roles = _asks_after_roles(call, queried, packages)
            queries.setdefault(call.name, {}).setdefault(roles, []).append(call.service)
    return queries


def _asks_after_roles(call: ClassicCall, queried: Mapping[str, bool], packages: bool) -> bool:
    """Whether a query of a deployment asks after web/worker roles: those of the service it names, where
    the files give that service roles or VMs; else whether its script deploys a package (`packages`)."""
    return queried.get(key(call.service), packages) if call.service else packages


def _replaced(language: str, name: str, queries: Mapping[str, Mapping[bool, list[str]]]) -> str:
    """`name → its replacement`; for a query of a deployment of services of both kinds, one replacement
    for the services of VMs and one for those of web/worker roles, each naming its services."""
    kinds = queries.get(name, {})
    if len(kinds) < 2:
        return f"{name} → {replacement(language, name, any(kinds))}"
    return "; ".join(
        f"{name} of {_services(kinds[roles])} → {replacement(language, name, roles)}"
        for roles in (False, True)
    )


def _services(services: list[str]) -> str:
    named = [f"'{service}'" for service in dict.fromkeys(services) if service]
    if not named:
        return "the other services"
    return _shown(named) + (" and the others" if "" in services else "")


def _nearest_first(calls: Iterable[ClassicCall], at: Mark) -> list[str]:
    """The names of `calls`, once each, the one at `at` and the nearest to it (in lines, then columns)
    first, in file order where as near."""

    def distance(call: ClassicCall) -> tuple[int, int]:
        return abs(call.mark.line - at.line), abs(call.mark.column - at.column)

    return list(dict.fromkeys(call.name for call in sorted(calls, key=distance)))


class MigrationOutOfOrder(Rule):
    code = "MIG602"
    name = "migration-out-of-order"
    severity = Severity.ERROR
    scope = Scope.AUTOMATION
    looks_at = frozenset({Script, ClassicReservedIp})  # and the reserved IPs exports attach to services
    # A finding is at a script's migration step: a template or Bicep file that declares classic resources is
    # a script (MIG601) that runs none, and an export's reserved IPs only say which services they move with.
    fires_on = frozenset({MigrationStep})
    # Which networks the files place cloud services in, which accounts hold their VMs' disks, which
    # reserved IPs their deployments use, which subnets use which security groups and route tables, and
    # which networks are linked to classic ExpressRoute circuits (and which circuits are moved already).
    also_reads = frozenset(
        {
            Role,
            ServiceConfiguration,
            Deployment,
            VirtualNetwork,
            NetworkSecurityGroup,
            RouteTable,
            VnetGatewayFact,
            CircuitLink,
            ExpressRouteCircuit,
            NetworkConfiguration,  # what a network configuration upload defines
        }
    )
    summary = "A migration runbook runs the platform's steps out of order."
    fix_hint = "Run Validate, then Prepare, then Commit (or Abort) for each scope, and storage accounts last."
    source = (
        "Migration deep dive: Validate, Prepare, then Commit or Abort; a prepared resource is locked until it "
        "is committed or aborted. Storage accounts migrate after the VMs whose disks they hold."
    )
    docs = Docs(
        what="In a script that runs the migration (`Move-AzureService`, `Move-AzureVirtualNetwork`, "
        "`Move-AzureStorageAccount`, `Move-AzureReservedIP`, `Move-AzureNetworkSecurityGroup`, "
        "`Move-AzureRouteTable`, or the classic CLI's `... validate-migration`/`prepare-migration`/"
        "`commit-migration`/`abort-migration`; or the Service Management API's migration requests, which "
        "the legacy Python SDK has no method for: a POST, with `perform_post`, `Invoke-RestMethod` or a "
        "request of the script's own, to "
        "`<subscription-id>/services/hostedservices/<service>/deployments/<deployment>/migration`, "
        "`.../services/networking/virtualnetwork/<vnet>/migration` or "
        "`.../services/storageservices/<account>/migration` with `?comp=validate`, `prepare`, `commit` or "
        "`abort`), in the order the steps are written: a Commit or Abort of a "
        "resource that the script prepares only later, or never while preparing others (error); a Commit or "
        "Abort of a resource after the script's own Commit or Abort of it, with no Prepare between, and a "
        "Validate or Prepare of one after its Commit (error: an Abort rolls the Prepare back, a Commit leaves "
        "nothing classic to migrate; only a Commit or Abort that surely ran counts, not one on a branch of an "
        "`if` the step is outside of (or after `&&`, the same branch), and a step that runs only when it may have failed, in a `catch` or "
        "`except` or after `||`, is not reported; the other way out written as the very next step, an Abort "
        "right after a Commit or a Commit right after an Abort, is a warning: most often the two "
        "alternatives of a walkthrough run a line at a time, which the script run whole runs both of); a "
        "Validate or Prepare of a resource the script's own Prepare left prepared, with no Commit or Abort "
        "of it between (error: the resource is locked in the Prepared state; of a cloud service written "
        "right after that Prepare, a warning, below); a "
        "Prepare of a "
        "resource the script does not validate first while validating others (warning; for one whose name it "
        "does not state, each account of a loop over `Get-AzureStorageAccount`, when it validates no resource "
        "of that kind); and a storage account "
        "prepared before a cloud service or virtual network that the same script prepares later (an error when "
        "the files show the account holds disks of that service's or network's VMs, else a warning: an "
        "account without VM disks migrates on its own; none where the files show what it holds, images or "
        "disks attached to no VM, and place every disk of each VM they describe, in deployments they show "
        "whole, in an account they name), or after such a service's or network's Prepare but "
        "before its Commit (error: its VMs are not migrated yet), or after such a service's or network's Abort "
        "with no Prepare of it since (error: the Abort left its VMs classic).\n\n"
        "A Prepare of a cloud service written right after a Prepare of it, with at most Validates of it "
        "between, is a warning: most often the second of two alternatives of a walkthrough run a line at a "
        "time (`-CreateNewVirtualNetwork`, or `-UseExistingVirtualNetwork`), which the script run whole still "
        "runs both of; so is a Validate of a cloud service there, which begins that second alternative (one "
        "when no Validate came before the Prepare is the Prepare's own warning, and not said again). A "
        "Validate or Prepare of a virtual network, storage account or other resource there is an error: it "
        "takes no network option, so it begins no alternative; it is the first step again, which the "
        "platform refuses while the resource is locked in the Prepared state (also a Validate the script "
        "writes only after the Prepare, which the Prepare is told too).\n\n"
        "Also a step PowerShell refuses before it "
        "reaches the platform (error): a parameter the cmdlet does not have (`-DestinationVNetName`), or "
        "`Move-AzureService -Validate` or `-Prepare` given neither `-CreateNewVirtualNetwork` nor "
        '`-UseExistingVirtualNetwork` ("Parameter set cannot be resolved"), or the resource named by a variable '
        "nothing in the script assigns (`-VirtualNetworkName $vnetName` in a loop over `$vnet`: $null, unless "
        "the session that runs the script set it); likewise `azure storage account validate-migration`, which "
        "the classic CLI refuses: its storage account commands are prepare-, commit- and abort-migration, and "
        "its prepare validates the account first (so the CLI's storage Prepare is never told it comes with no "
        "Validate).\n\n"
        "Steps that name their resource by a value the script does not state (a runbook's "
        '`param($VNet)`, `VNET="$1"`, `sys.argv[1]`, also in a request\'s URL) are judged as the steps of one '
        "resource when every step of that kind is given that one value; where they are given two such values, "
        "or a name too, any two may be one resource, and they are not judged against each other. A "
        "script that only commits, or only prepares, is taken to be one stage of a runbook split in several "
        "files, and is not reported for the steps it leaves to the others.\n\n"
        "A CI pipeline's jobs are judged as one "
        "run in the order the file states they run (GitLab CI's `stages:` and `needs:`, GitHub Actions' "
        "`needs:`, Azure Pipelines' stages in order or their `dependsOn:` and its jobs' `dependsOn:`), its "
        "changes to prepared resources and its circuit moves too; jobs that may run at once are not judged "
        "against each other, and the other way out in the next job is an error: a pipeline is no walkthrough "
        "run a line at a time. The order is judged only among the "
        "steps that can run in the same invocation: steps on different branches of one choice (an `if`, "
        "`elseif` and `else`; the clauses of a `switch` on a parameter declared as one string, such as "
        "`[ValidateSet(...)][string]$Step`; a Python `if` and `elif`) never run together, so a runbook that "
        "picks its stage by a `-Step` or `-Finish` parameter or an argument is taken as the stages of a split "
        "runbook; a Commit and an Abort on the two branches of a test after the Prepare are the two ways out of "
        "it.\n\n"
        "Also a call that changes or deletes a cloud service, virtual network, storage account, network "
        "security group or route table after the script's own Commit of it (of a cloud service, also of the "
        "virtual network the files place it in), with no Prepare of it since, the Commit surely run first as "
        "for the steps after a Commit (error: the Commit completed its migration, and the Service Management "
        "API no longer finds it). A network configuration upload (`Set-AzureVNetConfig`, `azure network "
        "import`, a PUT to `.../services/networking/media`) is one when the configuration that upload sends "
        "(a checked file of the name it gives, or one the script writes; every one it may send) still "
        "defines a network the script committed: the Commit took the network out of the subscription's classic configuration, which an "
        "upload replaces whole, so the upload asks for a classic network of that name again; said at the "
        "upload, with where the file defines the network. An upload of a configuration that no longer "
        "defines it is what the platform holds after the Commit, and is not reported.\n\n"
        "Also a call that changes a cloud service, virtual network, storage account, network security "
        "group or route table after the script's Prepare of it and before its Commit or Abort, on a path that "
        "runs both (error; a group or table also while the virtual network a subnet that uses it is in, or the "
        "cloud service of a VM that uses it, is so prepared: it is cloned with them, and the deep dive blocks "
        "its management plane while they migrate): a create, update, delete, start or stop, a group's rule or a table's route, an endpoint, extension, disk or ACL sent with `Update-AzureVM`, "
        "`Set-AzureSubnetRouteTable -VirtualNetworkName`, `New-AzureStorageKey`, the legacy SDK's "
        "`update_role`/`delete_role`/`add_data_disk`/... on its `service_name`, or a request of the script's "
        "own that changes a resource under `.../hostedservices/<service>`, `.../storageservices/<account>` "
        "or a network's gateway; reads (`Get-*`, `get_*`, `list_*`) are not changes; a delete of a VM, a deployment or the "
        "whole resource (`Remove-AzureVM`, `azure service delete`, `delete_role`, a DELETE of "
        "`.../deployments/<name>`) is said to be one, the platform refusing it until an Abort (which rolls the "
        "Prepare back) or a Commit unlocks what it deletes. The call names the "
        "resource by `-ServiceName`, `-VNetName`, `-VirtualNetworkName` or `-StorageAccountName`, or is given "
        "a VM got with `Get-AzureVM -ServiceName`, or names a VM without its cloud service (the classic CLI "
        "without `-d`, `Get-AzureVM | Where-Object Name -eq x`): the service of the VM of that name the files "
        "describe (of each, for PowerShell); a VM's cloud service counts when its own Prepare or that "
        "of the virtual network the files or scripts place it in holds it (the one it was in before any "
        "script deleted its VMs: deleting a service's last VM while its network is prepared is such a "
        "change); a network configuration upload "
        "(`Set-AzureVNetConfig`, a PUT to `.../services/networking/media`) changes every network (said with "
        "where the configuration it uploads defines the prepared one, when it does). A call "
        "whose resource the script does not state is not reported. Also such a call, wherever it comes in the "
        "script, to a cloud service whose VM an export says is prepared (Get-AzureVM's `VM.MigrationState` "
        "`Prepared`) or whose deployment an export says is locked, perhaps by a Prepare (a Resource Graph row's "
        "`deploymentLocked`, a Get-AzureDeployment export's `Locked`, whatever its roles are; also a delete of "
        "that VM or service, though the files then no longer hold it), or to the "
        "virtual network it is in, unless the script commits or aborts it first "
        "(warning: an export is a snapshot, and the migration may have been committed or aborted since).\n\n"
        "Also a cloud service moved on its "
        "own (`Move-AzureService`) that the files place in a virtual network (error): the deep dive validates "
        "the virtual network, or a cloud service only if it is in none. And a cloud service the files show "
        "has web or worker roles (a .csdef, a Get-AzureDeployment export, a script that deploys or swaps "
        "its package), taken through the migration at all (`Move-AzureService`, the classic CLI's `azure "
        "service deployment ...-migration`, a request to its `.../migration`) (error): the platform migrates "
        "VMs only and refuses it as a PaaS deployment; reported at its first step, not also as moved on "
        "its own. And a reserved IP moved on its own "
        "(`Move-AzureReservedIP`) that a deployment of the files uses (error): an associated reserved IP "
        "migrates with its cloud service; Move-AzureReservedIP is for the unassociated ones. Likewise a "
        "network security group or route table moved on its own (`Move-AzureNetworkSecurityGroup`, "
        "`Move-AzureRouteTable`) that the files associate with a subnet (a REST body of the network, "
        "`Set-AzureNetworkSecurityGroupToSubnet`, `Set-AzureSubnetRouteTable`, a POST to "
        "`.../virtualnetwork/<network>/subnets/<subnet>/networksecuritygroups`) or, a group, with a VM "
        "(`Set-AzureNetworkSecurityGroupConfig`, `Set-AzureNetworkSecurityGroupAssociation -VM`) (error): it "
        "is cloned with its virtual network or VM. And the Prepare of a virtual network linked to a classic ExpressRoute circuit (a "
        "`Dedicated` connection, a script's circuit link, an export of the circuit's links; not one whose "
        "circuits an export shows moved) before the script moves a circuit to Resource Manager "
        "(`Move-AzExpressRouteCircuit`, AzureRM's `Move-AzureRmExpressRouteCircuit`, or azure-mgmt-network's "
        "`express_route_circuits.create_or_update`/`begin_create_or_update` given a circuit with a service "
        "key), on a path that runs both, when it moves none before (error): the circuit moves first. A "
        "script that moves no circuit is not reported for it (MIG302 says the circuit moves first).",
        why="The platform runs each migration in three steps. Validate reports what blocks. Prepare turns the "
        "resources into Resource Manager ones and locks their classic management plane. Commit finishes, or "
        "Abort rolls back. A Commit or Abort of a resource that is not prepared fails. A change to a prepared "
        'resource fails too ("... is in the process of being migrated and hence cannot be changed", '
        '"Management operations on VM are disallowed because migration is in progress"). A Prepare without '
        "Validate meets every blocker only at Prepare time, possibly part-way through. A storage account "
        "cannot migrate while classic VMs still have disks in it, so storage accounts come last. Classic "
        'ExpressRoute circuits "need to be migrated to Azure Resource Manager before beginning IaaS '
        'migration" (overview, 2018 and later).',
        fix="Order the steps per resource: Validate, read its messages, Prepare, check the result, then Commit "
        "(or Abort). Make changes to the resources before their Prepare, or after their Commit in Resource "
        "Manager, or Abort first. Migrate virtual networks and cloud services first and storage accounts after every VM "
        "whose disks they hold; move classic ExpressRoute circuits before the networks linked to them. "
        "`migcheck plan` prints the whole order for the checked estate.",
    )
    invalid = (
        Example(
            {
                "migrate.ps1": """
                Move-AzureService -Validate -ServiceName "jump" -DeploymentName "jump" -CreateNewVirtualNetwork
                Move-AzureService -Commit -ServiceName "jump" -DeploymentName "jump"
                Move-AzureService -Prepare -ServiceName "jump" -DeploymentName "jump" -CreateNewVirtualNetwork
                """
            },
            expect=("migrate.ps1:2:1",),
        ),
        Example(
            {
                "migrate.ps1": """
                Move-AzureVirtualNetwork -Validate -VirtualNetworkName "prod-vnet"
                Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "prod-vnet"
                Move-AzureVirtualNetwork -Abort -VirtualNetworkName "prod-vnet"
                Move-AzureVirtualNetwork -Commit -VirtualNetworkName "prod-vnet"
                """
            },
            expect=("migrate.ps1:4:1",),
            note="The Abort rolled the Prepare back: nothing is prepared for the Commit after it.",
        ),
        Example(
            {
                "migrate.ps1": """
                Move-AzureStorageAccount -Validate -StorageAccountName "contosovhds"
                Move-AzureStorageAccount -Prepare -StorageAccountName "contosovhds"
                Move-AzureVirtualNetwork -Validate -VirtualNetworkName "prod-vnet"
                Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "prod-vnet"
                """
            },
            expect=("migrate.ps1:2:1",),
        ),
        Example(
            {
                "migrate.ps1": """
                azure service deployment commit-migration "jump" "jump"
                azure service deployment prepare-migration "jump" "jump" new "" "" ""
                """
            },
            expect=("migrate.ps1:1:1",),
            note="The classic CLI's migration commands, run from a PowerShell script.",
        ),
        Example(
            {
                "shop/ServiceDefinition.csdef": """
                <ServiceDefinition name="shop">
                  <WebRole name="Web" vmsize="Small"/>
                </ServiceDefinition>
                """,
                "migrate.ps1": """
                Move-AzureService -Validate -ServiceName "shop" -DeploymentName "shop" -CreateNewVirtualNetwork
                Move-AzureService -Prepare -ServiceName "shop" -DeploymentName "shop" -CreateNewVirtualNetwork
                """,
            },
            expect=("migrate.ps1:1:1",),
            note="A cloud service with a web role: the platform refuses its Validate as a PaaS deployment.",
        ),
        Example(
            {
                "migrate.ps1": """
                Move-AzureService -Validate -ServiceName "jump" -DeploymentName "jump" -CreateNewVirtualNetwork
                Move-AzureService -Prepare -ServiceName "jump" -DeploymentName "jump" -CreateNewVirtualNetwork
                Get-AzureVM -ServiceName "jump" -Name "jump01" | Remove-AzureVMBGInfoExtension | Update-AzureVM
                Move-AzureService -Commit -ServiceName "jump" -DeploymentName "jump"
                """
            },
            expect=("migrate.ps1:3:82",),
            note="Prepare locks the cloud service: the change of its VM fails until Commit or Abort.",
        ),
        Example(
            {
                "ServiceConfiguration.Cloud.cscfg": """
                <ServiceConfiguration serviceName="shop"
                    xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
                  <Role name="Web"><Instances count="2" /></Role>
                  <NetworkConfiguration>
                    <AddressAssignments><ReservedIPs><ReservedIP name="shop-ip" /></ReservedIPs></AddressAssignments>
                  </NetworkConfiguration>
                </ServiceConfiguration>
                """,
                "migrate.ps1": """
                Move-AzureReservedIP -ReservedIPName "shop-ip" -Validate
                Move-AzureReservedIP -ReservedIPName "shop-ip" -Prepare
                Move-AzureReservedIP -ReservedIPName "shop-ip" -Commit
                """,
            },
            expect=("migrate.ps1:1:1",),
            note="The deployment of `shop` uses the reserved IP: it migrates with the cloud service.",
        ),
        Example(
            {
                "routes.ps1": """
                New-AzureRouteTable -Name "app-routes" -Location "West Europe"
                Set-AzureSubnetRouteTable -VirtualNetworkName "prod-vnet" -SubnetName "app" -RouteTableName "app-routes"
                """,
                "migrate.ps1": """
                Move-AzureRouteTable -Validate -RouteTableName "app-routes"
                Move-AzureRouteTable -Prepare -RouteTableName "app-routes"
                Move-AzureRouteTable -Commit -RouteTableName "app-routes"
                """,
            },
            expect=("migrate.ps1:1:1",),
            note="Subnet `app` uses the route table: it is cloned with virtual network `prod-vnet`.",
        ),
        Example(
            {
                "migrate.ps1": """
                New-AzureDedicatedCircuitLink -ServiceKey $ServiceKey -VNetName "hub-vnet"
                Move-AzureVirtualNetwork -Validate -VirtualNetworkName "hub-vnet"
                Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "hub-vnet"
                Move-AzureVirtualNetwork -Commit -VirtualNetworkName "hub-vnet"
                Move-AzExpressRouteCircuit -Name "hq" -ResourceGroupName "net-rg" -Location "East US" -ServiceKey $ServiceKey
                """
            },
            expect=("migrate.ps1:3:1",),
            note="The network is linked to the circuit, which moves only after the network's Prepare.",
        ),
    )
    valid = (
        Example(
            {
                "migrate.ps1": """
                Move-AzureVirtualNetwork -Validate -VirtualNetworkName "prod-vnet"
                $prepared = Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "prod-vnet"
                if ($prepared.Result -eq "Succeeded") {
                    Move-AzureVirtualNetwork -Commit -VirtualNetworkName "prod-vnet"
                } else {
                    Move-AzureVirtualNetwork -Abort -VirtualNetworkName "prod-vnet"
                }
                Move-AzureStorageAccount -Validate -StorageAccountName "contosovhds"
                Move-AzureStorageAccount -Prepare -StorageAccountName "contosovhds"
                Move-AzureStorageAccount -Commit -StorageAccountName "contosovhds"
                """
            },
            note="Commit or Abort, by the Prepare's result: the two ways out of a Prepare.",
        ),
        Example(
            {
                "commit.ps1": """
                Move-AzureVirtualNetwork -Commit -VirtualNetworkName "prod-vnet"
                """
            },
            note="One stage of a runbook: the Prepare is in another script.",
        ),
        Example(
            {
                "migrate.ps1": """
                param([switch]$Finish)
                if ($Finish) {
                    Move-AzureService -Commit -ServiceName "jump" -DeploymentName "jump"
                } else {
                    Move-AzureService -Validate -ServiceName "jump" -DeploymentName "jump" -CreateNewVirtualNetwork
                    Move-AzureService -Prepare -ServiceName "jump" -DeploymentName "jump" -CreateNewVirtualNetwork
                }
                """
            },
            note="One stage per run, chosen by a parameter: no run commits before preparing.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        scripts = list(estate.resources(Script))
        if not scripts:  # what follows walks every cloud service for what scripts do to them
            return
        # Cloud services the files place in a virtual network, by name: those migrate with their network,
        # named as the file that defines it spells it (a script may write 'SHARED-VNET' for 'Shared-VNet').
        in_network = {
            name: _defined_name(estate, refs[0]) for name, refs in estate.networks_by_service.items()
        }
        # Cloud services the files show have web/worker roles, by name: the VM migration refuses them,
        # wherever they are (said of them alone, not of their network as well).
        with_roles = _services_with_roles(estate)
        in_network = {name: network for name, network in in_network.items() if name not in with_roles}
        # Which accounts hold which services' disks matters only to a script that moves a storage account.
        moves_storage = any(s.scope == "storage-account" for script in scripts for s in script.migration)
        holders = _disk_holders(estate) if moves_storage else {}
        without_vm_disks = _accounts_without_vm_disks(estate) if moves_storage else frozenset()
        moves_ips = any(s.scope == "reserved-ip" for script in scripts for s in script.migration)
        associated = _associated_reserved_ips(estate) if moves_ips else {}
        moves_subnet_links = any(s.scope in _OF_SUBNETS for script in scripts for s in script.migration)
        of_subnets = _subnet_associations(estate) if moves_subnet_links else {}
        # Reserved IPs of services with web/worker roles, which no Move-AzureService migrates (MIG101).
        of_roles = {
            key(ref.name)
            for service in estate.cloud_services
            if service.roles
            for ref in service.reserved_ip_refs
        }
        # What each security group and route table is cloned with, for a script that changes one while
        # the network or cloud service it is cloned with is prepared.
        changes_groups = any(
            scope in _OF_SUBNETS for s in scripts for c in s.changes for scope, _ in c.changes
        )
        cloned = _cloned_with(estate) if changes_groups else {}
        # What an export says is prepared already (Get-AzureVM's `VM.MigrationState`), for a script that
        # changes it: the platform refuses the change until Commit or Abort, whoever ran the Prepare.
        exported = _exported_prepared(estate) if any(script.changes for script in scripts) else {}
        # The networks linked to a classic ExpressRoute circuit, for a script that moves a circuit.
        linked = _linked_networks(estate) if any(script.circuit_moves for script in scripts) else {}
        # The services of the VMs a script changes by their names alone, as the linker joined the changes.
        by_name = any(scope in _OF_VMS for s in scripts for c in s.changes for scope, _ in c.changes)
        if by_name:
            scripts = [_with_services_of_vms(script, estate.services_by_vm_name) for script in scripts]
        uploads = _Uploads(estate, scripts)
        pipelines = _PipelineJobs(scripts)
        for script in scripts:
            yield from self._check_in_run_order(script, pipelines, holders, without_vm_disks)
            # A CI pipeline's job is judged with the jobs around it as one run: a change in a job after the
            # one that prepares, before the one that commits, is a change while prepared.
            run, own_marks = _run_of_jobs(script, pipelines)
            uploaded = functools.partial(uploads.defined, script)
            own = [
                found
                for found in self._changes_while_prepared(run, estate.networks_by_service, cloned, uploaded)
                if found.mark in own_marks
            ]
            yield from own
            told = {(f.mark.line, f.mark.column) for f in own if f.mark is not None}
            committed = [
                found
                for found in self._changes_after_commit(run, estate.networks_by_service, uploaded)
                if found.mark in own_marks and found.mark is not None
            ]
            yield from committed
            told |= {(f.mark.line, f.mark.column) for f in committed if f.mark is not None}
            yield from (
                found
                for found in self._changes_to_exported_prepared(run, exported, told)
                if found.mark in own_marks
            )
            yield from self._services_in_networks(script, in_network)
            yield from self._services_of_roles(script, with_roles)
            yield from self._associated_ips(script, associated, of_roles)
            yield from self._associated_with_subnets(script, of_subnets)
            yield from (
                found for found in self._networks_before_circuits(run, linked) if found.mark in own_marks
            )

    def _check_in_run_order(
        self,
        script: Script,
        pipelines: _PipelineJobs,
        holders: dict[str, set[tuple[str, str]]],
        without_vm_disks: frozenset[str],
    ) -> Iterator[Finding]:
        """The order of a script's steps; of a CI pipeline's job, its steps between those of the jobs that
        surely finish before it starts and those of the jobs that surely start after it finishes
        (`Script.follows`), as one run in that order: a job that commits what an earlier stage prepares is
        the pipeline's next stage, and one that commits before the stage that prepares is out of order.
        Jobs that may run at once with it are left out. Only the job's own steps are reported here; each
        other job is judged where it is the job."""
        before, after = _jobs_around(script, pipelines)
        if not before and not after:
            yield from self._check_script(script, holders, without_vm_disks)
            return
        own = {step.mark for step in script.migration}
        jobs = [*before, script, *after]
        steps = tuple(step for number, job in enumerate(jobs) for step in _branches_apart(job, number))
        job_of = {step.mark: job.job[1] for job in jobs for step in job.migration}
        run = replace(script, migration=steps)
        for found in self._check_script(run, holders, without_vm_disks, job_of):
            if found.mark in own:
                yield found

    def _networks_before_circuits(self, script: Script, linked: dict[str, Circuit]) -> Iterator[Finding]:
        """The Prepare of a virtual network linked to a classic ExpressRoute circuit (`linked`) that comes
        before the script moves a circuit to Resource Manager (`Move-AzExpressRouteCircuit`), on a path
        that runs both, when it moves none before it: the circuits "need to be migrated to Azure Resource
        Manager before beginning IaaS migration" (overview), and moving one "is a prerequisite to move
        resources connected to the virtual network" (gateway migration). Once per network, at its first
        such Prepare."""
        told: set[str] = set()
        for index, step in enumerate(script.migration):
            target = key(step.target.strip())
            circuit = linked.get(target) if step.scope == "virtual-network" else None
            if circuit is None or step.step != "prepare" or target in told:
                continue
            runs_with = [m for m in script.circuit_moves if not apart(m.branches, step.branches)]
            later = next((m for m in runs_with if m.after > index), None)
            if later is None or any(m.after <= index for m in runs_with):
                continue
            told.add(target)
            yield self._network_before_circuit(script, step, later, circuit)

    def _network_before_circuit(
        self, script: Script, step: MigrationStep, move: ClassicCall, circuit: Circuit
    ) -> Finding:
        network = step.target.strip()
        message = (
            f"{_call(step)} of virtual network '{network}' comes before {move.name} at line "
            f"{move.mark.line}: the network is linked to a classic ExpressRoute circuit ({circuit.behind}), "
            'and classic circuits "need to be migrated to Azure Resource Manager before beginning IaaS '
            'migration" (the migration of a network whose circuit is still classic is not supported)'
        )
        fix = (
            f"Move the circuit first ({move.name}, which keeps classic operations allowed), then migrate "
            f"virtual network '{network}' ({_network_migration(script, network)}); `migcheck plan` gives "
            "the order."
        )
        return self._finding(script, step, message, fix=fix)

    def _associated_ips(
        self, script: Script, associated: dict[str, str], of_roles: set[str]
    ) -> Iterator[Finding]:
        """`Move-AzureReservedIP` of a reserved IP the files associate with a deployment: the deep dive
        migrates such an IP with its cloud service (or the network it is in); Move-AzureReservedIP moves
        only the unassociated ones."""
        if any(call.name in _FREES_RESERVED_IPS for call in script.calls):
            return  # the runbook frees an IP first: which one, the call may not say
        for step, service in _first_steps(script, "reserved-ip", associated):
            roles = key(step.target.strip()) in of_roles
            instead = (
                "disassociate it first"
                if roles
                else "disassociate it first, or leave it to its cloud service's migration"
            )
            yield self._finding(
                script,
                step,
                f"{_call(step)} takes reserved IP '{step.target.strip()}' on its own, but {service} uses it: an "
                "associated reserved IP migrates with its cloud service, and only those no deployment uses move "
                f"on their own ({instead})",
                fix=_ROLES_IP_FIX if roles else _ASSOCIATED_IP_FIX,
            )

    def _associated_with_subnets(
        self, script: Script, of_subnets: dict[str, dict[str, _Use]]
    ) -> Iterator[Finding]:
        """`Move-AzureNetworkSecurityGroup` or `Move-AzureRouteTable` of one the files associate with a
        subnet, or (a group) with a VM: the deep dive clones those with the virtual network or the VM, and
        moves only the unassociated ones with these cmdlets."""
        if any(call.name in _FREES_SUBNETS for call in script.calls):
            return  # the runbook takes one off a subnet or VM first: which one, the call may not say
        for scope, found in of_subnets.items():
            what = scope.replace("-", " ")
            for step, use in _first_steps(script, scope, found):
                moves_with = _scope_migration(script, use.moves_with)
                yield self._finding(
                    script,
                    step,
                    f"{_call(step)} takes {what} '{step.target.strip()}' on its own, but {use.user} uses it: one "
                    f"associated with a {use.kind} is cloned with its {_CLONED_WITH[use.kind]}, and only those "
                    f"nothing uses move on their own",
                    fix=f"Leave {what} '{step.target.strip()}' to the migration of {_named_scope(use.moves_with)} "
                    f"({moves_with}); or take it off the {use.kind} first, then move it on its own.",
                )

    def _services_in_networks(self, script: Script, in_network: dict[str, str]) -> Iterator[Finding]:
        """`Move-AzureService` (or the CLI's service commands) on a cloud service in a virtual network: the
        deep dive validates "the virtual network or a cloud service (if it's not in a virtual network)"."""
        for step, network in _first_steps(script, "cloud-service", in_network):
            yield self._finding(
                script,
                step,
                f"{_call(step)} takes cloud service '{step.target.strip()}' on its own, but it is in virtual "
                f"network '{network}': a cloud service in a virtual network migrates with the network "
                f"({_network_migration(script, network)}), not on its own",
                fix=f"Migrate virtual network '{network}' instead ({_network_migration(script, network)}): its "
                "cloud services go with it.",
            )

    def _services_of_roles(self, script: Script, with_roles: dict[str, CloudService]) -> Iterator[Finding]:
        """`Move-AzureService` (or the CLI's `service deployment` steps, or a request of the script's own)
        on a cloud service with web/worker roles: the platform migrates VMs only, and its Validate fails
        ("... because it's a PaaS deployment (Web/Worker)", errors page); no later step can succeed."""
        for step, service in _first_steps(script, "cloud-service", with_roles):
            target = step.target.strip()
            yield self._finding(
                script,
                step,
                f"{_call(step)} takes cloud service '{target}', which has {_roles_said(service)}: the "
                "platform migrates the deployments of VMs only, and refuses one with web or worker roles as "
                "a PaaS deployment (MIG101), so no step of this migration succeeds",
                fix=f"Take the steps of cloud service '{target}' out of the script: rebuild its roles on a "
                f"service that remains after {EXTENDED_SUPPORT_RETIRES} (MIG101) instead of "
                "migrating them.",
            )

    def _check_script(
        self,
        script: Script,
        holders: dict[str, set[tuple[str, str]]],
        without_vm_disks: frozenset[str] = frozenset(),
        job_of: Mapping[Mark, str] | None = None,
    ) -> Iterator[Finding]:
        """The order of the steps, judged among those that can run in one invocation of the script: a step
        on a branch of a choice (`if ($Finish) { Commit } else { Validate; Prepare }`, a `switch` on a
        `-Step` parameter) never runs with the steps on the other branches, which are other stages of the
        runbook, as if written in other files. A storage account the files show holds no VM disk
        (`without_vm_disks`) may go first. `job_of`, for a CI pipeline's jobs in the order they run: the
        job each step is written in, by its mark, for the messages to name."""
        steps = _named_by_one_value(script.migration)
        run = _PipelineRun(steps, job_of) if job_of is not None else None
        every = {name: Together(s for s in steps if s.step == name) for name in ("validate", "prepare")}
        by_target: dict[str, dict[tuple[str, str], Together]] = {"validate": {}, "prepare": {}}
        for step in steps:
            if step.step in by_target:
                by_target[step.step].setdefault(_target(step), Together()).add(step)
        seen: dict[str, dict[tuple[str, str], Together]] = {"validate": {}, "prepare": {}}
        validated_scopes: dict[str, Together] = {}
        for step in steps:
            if step.step == "validate":
                validated_scopes.setdefault(step.scope, Together()).add(step)
        moving_vms = _VmPrepares(steps)
        commits = _VmCommits(steps)
        ended = _Ended()
        for index, step in enumerate(steps):
            target = _target(step)
            if step.fails:
                yield self._finding(
                    script,
                    step,
                    f"{_call(step)} fails at once: {step.fails}",
                    fix=step.fails_fix or _FAILS_FIX,
                )
            # A name the script does not state may be any resource the script prepared or validated.
            known = _known(step)
            # A Prepare with no Validate of a resource named by a value the script does not state is judged
            # by its kind (below): any Validate of that kind may be of the same resource.
            named = bool(step.target.strip())
            # A Commit or Abort after the end of the migration, or anything after its Commit.
            end = ended.last(target, step) if known else None
            late = (
                end
                if end is not None and (step.step in ("commit", "abort") or end.step == "commit")
                else None
            )
            if late is not None:
                # The other way out written right after the first (Abort, then Commit): most often the two
                # alternatives of a walkthrough run a line at a time, so a warning, not an error.
                # Jobs of a CI pipeline are no walkthrough: the run that reaches the later job ran both.
                # Only a Commit and an Abort are two ways out of one Prepare: a Validate or Prepare right
                # after the Commit is no alternative to it, and fails whenever the script runs.
                alternative = (
                    index > 0
                    and steps[index - 1] is late
                    and {late.step, step.step} == {"commit", "abort"}
                    and (run is None or run.same_job(late, step))
                )
                yield self._after_end(script, step, late, alternative)
            elif (
                step.step in ("validate", "prepare")
                and known
                and (locked := ended.in_prepare(target, step))
                and (
                    not _may_be_alternative(step)
                    or step.step == "prepare"
                    or _validated_before(steps, target, locked[0])
                )
            ):
                # A Validate of a cloud service after a Prepare that none came before is the Prepare's
                # warning ("validates it only after the Prepare"), not a second finding: it may begin the
                # other alternative. Of any other resource it is no alternative, and the platform refuses it.
                alternative = (
                    _may_be_alternative(step)
                    and _only_validates_between(steps, locked[0], index)
                    and (run is None or run.same_job(locked[1], step))
                )
                yield self._while_prepared(script, step, locked[1], alternative)
            elif step.step in ("commit", "abort") and known and every["prepare"].with_(step):
                if not _may_be_with(seen["prepare"], target, step):
                    yield self._finding(
                        script,
                        step,
                        f"{_call(step)} comes before any Prepare of {_what(step)} "
                        + (run.prepared_later(index, step) if run is not None else "in this script"),
                    )
            elif (
                step.step == "prepare"
                and named
                and every["validate"].with_(step)
                and not _may_be_with(seen["validate"], target, step)
                and _validates(step)
            ):
                later = _with(by_target["validate"], target, step)
                why = (
                    ": this script validates it only after the Prepare"
                    if later
                    else ", although this script validates other resources"
                )
                message = f"{_call(step)} is not preceded by a Validate of {_what(step)}{why}"
                yield self._finding(script, step, message, Severity.WARNING)
            elif (
                step.step == "prepare"
                and not named
                and every["validate"].with_(step)
                and not _scope_validated(validated_scopes, step)
                and _validates(step)
            ):
                # A name the script does not state (each account a loop lists) may be any resource of
                # its kind, but the script validates none of that kind: the same mistake as a named one.
                scope = step.scope.replace("-", " ")
                message = (
                    f"{_call(step)} of a {scope} this script does not name is not preceded by a Validate of "
                    f"any {scope}, although this script validates other resources"
                )
                yield self._finding(script, step, message, Severity.WARNING)
            if step.step == "prepare" and step.scope == "storage-account":
                # Only the Prepares after it that can run with it: one on another branch of a choice it is
                # on is another stage of the runbook, however the script is written.
                first_moving = moving_vms.first_after(index, step)
                held = holders.get(step.target.strip().casefold(), set())
                blocked = moving_vms.last_held_after(index, step, held) if first_moving is not None else None
                committed_later = commits.held_after(index, step, held) if blocked is None else None
                aborted = ended.last_abort(held, step) if first_moving is None else None
                if committed_later is not None:
                    yield self._committed_first(script, step, committed_later)
                elif first_moving is not None and (
                    blocked is not None or key(step.target) not in without_vm_disks
                ):
                    yield self._storage_first(script, step, first_moving, blocked)
                elif aborted is not None:
                    yield self._aborted_first(script, step, aborted)
            # Only a Commit or Abort after a Prepare of its resource ends a migration: one that fails for
            # want of it, or for coming after the end, changes nothing.
            if late is None and step.step in ("commit", "abort") and _with(seen["prepare"], target, step):
                ended.add_end(index, step)
            if step.step in seen:
                seen[step.step].setdefault(target, Together()).add(step)
            if step.step == "prepare":
                ended.add_prepare(index, step)

    def _after_end(
        self, script: Script, step: MigrationStep, end: MigrationStep, alternative: bool = False
    ) -> Finding:
        """A step of a resource whose migration the script's Commit or Abort (`end`) ended before it, with no
        Prepare between: after an Abort nothing of it is prepared; after a Commit it is no longer classic.
        An `alternative` (the other way out, the very next step) is a warning: run whole, the script fails
        there, but it is most often the second of two alternatives kept for a run by hand."""
        what = _what(step)
        if end.step == "abort":
            message = (
                f"{_call(step)} comes after {_call(end)} at line {_line(end)}, with no Prepare of {what} "
                "between: Abort rolled the Prepare back, so nothing of it is prepared, and the platform "
                "refuses a Commit or Abort of a resource that is not prepared"
            )
            fix = (
                f"Remove this {step.step.capitalize()}, or Validate and Prepare {what} again before it. An "
                "Abort and a Commit are the two ways out of one Prepare: to keep both, put them on the two "
                "branches of a test of the Prepare's result (a walkthrough run a line at a time that "
                "keeps them as alternatives can say so with a suppression comment and its reason)."
            )
        else:
            message = (
                f"{_call(step)} comes after {_call(end)} at line {_line(end)}: the Commit completed the "
                f"migration of {what}, which is then a Resource Manager resource and no longer classic, so "
                f"the platform refuses {'an' if step.step == 'abort' else 'a'} {step.step.capitalize()} of it"
            )
            fix = (
                f"Remove this {step.step.capitalize()}: the migration of {what} is complete after the Commit "
                "(to roll a migration back, Abort before the Commit)."
            )
        if alternative:
            message += " (if the two are alternatives to run by hand, the script run whole still runs both)"
        return self._finding(script, step, message, Severity.WARNING if alternative else None, fix=fix)

    def _while_prepared(
        self, script: Script, step: MigrationStep, prepare: MigrationStep, alternative: bool
    ) -> Finding:
        """A Validate or Prepare of a resource the script's own Prepare left prepared, with no Commit or
        Abort of it between: the platform refuses it, the resource being locked in the Prepared state. An
        `alternative` (written right after that Prepare, with at most Validates of the resource between) is
        a warning, as the other way out written as the very next step is: most often the second of two
        alternatives of a walkthrough (`-CreateNewVirtualNetwork`, or `-UseExistingVirtualNetwork`) kept
        for a run by hand, which the script run whole still runs both of."""
        what = _what(step)
        message = (
            f"{_call(step)} comes after {_call(prepare)} at line {_line(prepare)}, with no Commit or Abort of "
            f"{what} between: the Prepare left it prepared, locked until it is committed or aborted, and the "
            f"platform refuses a {step.step.capitalize()} of a resource in the Prepared state"
        )
        if alternative:
            message += " (if the two are alternatives to run by hand, the script run whole still runs both)"
        fix = (
            f"Remove this {step.step.capitalize()}, or end the first Prepare before it (Abort it to prepare "
            f"{what} again with other options). A walkthrough run a line at a time that keeps two Prepares as "
            "alternatives can say so with a suppression comment and its reason."
        )
        return self._finding(script, step, message, Severity.WARNING if alternative else None, fix=fix)

    def _aborted_first(self, script: Script, step: MigrationStep, abort: MigrationStep) -> Finding:
        """A storage account prepared after the Abort of a cloud service or network whose VMs hold disks in
        it, with no Prepare of that scope since: the Abort left those VMs classic."""
        message = (
            f"{_call(step)} comes after {_call(abort)} at line {_line(abort)}: storage account "
            f"'{step.target.strip()}' holds disks of the VMs of {_what(abort)}, which the Abort left classic, "
            "and storage accounts migrate after the VMs whose disks they hold are migrated (committed)"
        )
        fix = (
            f"Migrate {_what(abort)} first (Validate, Prepare and Commit it), then storage account "
            f"'{step.target.strip()}'; `migcheck plan` gives the order."
        )
        return self._finding(script, step, message, fix=fix)

    def _changes_while_prepared(
        self,
        script: Script,
        networks_of: Mapping[str, tuple[NameRef, ...]],
        cloned: Mapping[tuple[str, str], tuple[_Use, ...]],
        uploaded: Callable[[ClassicCall], Mapping[str, VirtualNetwork]],
    ) -> Iterator[Finding]:
        """A call that changes a cloud service, virtual network or storage account after the script's
        Prepare of it and before its Commit or Abort, on a path that runs both: Prepare locks the resource's
        classic management plane, and the platform refuses the change. A VM's cloud service counts, and so
        does a network it is in (`networks_of`), and a network configuration upload changes every network
        (said with where what that call uploads defines the prepared one, `uploaded`, when it does).
        So does a security group or route table cloned with the network or cloud service prepared
        (`cloned`): the deep dive blocks its management plane while the migration is in progress.
        Each Prepare is judged from the last one of its resource up to the first Commit or Abort that can
        run with it (a Commit or Abort whose resource the script does not state may end any of its scope)."""
        if not script.changes or not any(s.step == "prepare" for s in script.migration):
            return
        prepared: dict[str, dict[str, tuple[MigrationStep, Together]]] = {scope: {} for scope in _LOCKED}
        changes = iter(script.changes)
        change = next(changes, None)
        told: set[tuple[Mark, str]] = set()
        # A call that also changes a network or cloud service (one that associates a group or table with a
        # subnet or VM) is judged by that network's or service's own lock, not again through the clone.
        holders = {c.mark for c in script.changes for scope, _ in c.changes if scope in _HOLDERS}
        for index in range(len(script.migration) + 1):
            # The calls due here are judged together: a reader may give one call an entry per resource it
            # changes (New-AzureVM's cloud service and network), which `_once_per_lock` tells as one.
            due = []
            while change is not None and change.after <= index:
                due.append(change)
                change = next(changes, None)
            locked = [
                (call, prepare, what, through)
                for call in due
                for prepare, what, through in _locked(
                    call, prepared, networks_of, {} if call.mark in holders else cloned, uploaded
                )
            ]
            for call, prepare, what, through in _once_per_lock(locked):
                if (call.mark, what) not in told:
                    told.add((call.mark, what))
                    yield self._changed_while_prepared(script, call, prepare, what, through)
            if index < len(script.migration):
                _follow_lock(script.migration[index], prepared)

    def _changed_while_prepared(
        self, script: Script, call: ClassicCall, prepare: MigrationStep, changed: str, through: str
    ) -> Finding:
        """The finding of `call`, which changes `changed` while `prepare` holds it (or, `through`, the
        network it is in) locked."""
        locked = _what(prepare)
        what = f"{changed}, in {locked}," if through else changed
        locks = locked
        if through == _CLONED:  # a group or table `changed` names with what uses it
            what, locks = changed, f"{locked} and what is cloned with it"
        instead = replacement(script.language, call.name)
        deleted = deleted_by(call.name)
        if deleted:
            message = (
                f"{call.name} {_deletes(deleted, what)} after {_call(prepare)} at line {_line(prepare)} and "
                f"before its Commit or Abort: Prepare locks {locks} against any update or delete until then, "
                f"and the platform refuses the delete ({_refused_delete(deleted)})"
            )
            fix = (
                f"Delete it before the Prepare of {locked} (and validate again); or Abort the migration "
                f"first, which rolls the Prepare back and unlocks it, then delete it; {_deleted_after_commit(instead, deleted, what)}."
            )
            return self.finding(script, f"{script.name}: {message}", at=call, fix=fix)
        message = (
            f"{call.name} changes {what} after {_call(prepare)} at line {_line(prepare)} and before its "
            f"Commit or Abort: Prepare locks {locks} against any change until then, and the platform "
            'refuses the call ("is in the process of being migrated and hence cannot be changed")'
        )
        after = (
            f"after the Commit, in Resource Manager ({instead})"
            if instead
            else "after the Commit, in Resource Manager"
        )
        fix = (
            f"Make the change before the Prepare of {locked} (and validate again), or {after}; or Abort "
            "the migration first and prepare again once the change is made."
        )
        return self.finding(script, f"{script.name}: {message}", at=call, fix=fix)

    def _changes_after_commit(
        self,
        script: Script,
        networks_of: Mapping[str, tuple[NameRef, ...]],
        uploaded: Callable[[ClassicCall], Mapping[str, VirtualNetwork]],
    ) -> Iterator[Finding]:
        """A call that changes or deletes a cloud service, virtual network, storage account, security group
        or route table after the script's own Commit of it (or, a cloud service, of the virtual network
        the files place it in), on a path where that Commit surely ran first and with no Prepare of it
        since: the Commit completed its migration, so the Service Management API no longer finds it, and
        the call fails. Judged as the other steps after a Commit are (see `_Ended`). A network
        configuration upload is one when what that call uploads still defines a network so committed
        (`uploaded`, see `_Uploads.defined`): a script that uploads two files is told of each apart."""
        if not script.changes or not any(s.step == "commit" for s in script.migration):
            return
        commits: dict[tuple[str, str], dict[tuple[tuple[str, int], ...], tuple[int, MigrationStep]]] = {}
        prepares: dict[tuple[str, str], list[tuple[int, MigrationStep]]] = {}
        changes = iter(script.changes)
        change = next(changes, None)
        for index in range(len(script.migration) + 1):
            while change is not None and change.after <= index:
                found = _committed_before(change, commits, prepares, networks_of)
                if found is not None:
                    yield self._changed_after_commit(script, change, *found)
                upload = _upload_after_commit(change, commits, prepares, uploaded(change))
                if upload is not None:
                    yield self._uploaded_after_commit(script, change, *upload)
                change = next(changes, None)
            if index < len(script.migration):
                step = script.migration[index]
                if step.step == "commit" and _known(step) and not step.fails:
                    commits.setdefault(_target(step), {})[step.branches] = (index, step)
                elif step.step == "prepare" and _known(step):
                    prepares.setdefault(_target(step), []).append((index, step))

    def _changed_after_commit(
        self, script: Script, call: ClassicCall, commit: MigrationStep, changed: str, through: str
    ) -> Finding:
        """The finding of `call`, which changes `changed` after `commit` completed its migration (or, `through`,
        that of the network it is in)."""
        committed = _what(commit)
        what = f"{changed}, in {committed}," if through else changed
        deleted = deleted_by(call.name)
        does = _does(deleted, what)
        message = (
            f"{call.name} {does} after {_call(commit)} at line {_line(commit)}: the Commit completed the "
            f"migration of {committed}, which is then a Resource Manager resource and no longer classic, so "
            "the Service Management API no longer finds it and the call fails"
        )
        instead = replacement(script.language, call.name)
        there = f" ({instead})" if instead else ""
        _, quoted, rest = changed.partition("'")
        if changed.startswith("cloud service '") and quoted:
            there = f", in resource group '{rest.partition(chr(39))[0]}-Migrated'{there}"
        fix = (
            f"{'Delete it' if deleted else 'Make the change'} before the Prepare of {committed} (and validate "
            f"again), or after the Commit in Resource Manager{there}."
        )
        return self.finding(script, f"{script.name}: {message}", at=call, fix=fix)

    def _uploaded_after_commit(
        self, script: Script, call: ClassicCall, commit: MigrationStep, network: VirtualNetwork
    ) -> Finding:
        """The finding of `call`, a network configuration upload whose configuration still defines
        `network` after `commit` completed its migration."""
        name, defined = network.name, _defined_at(network)
        message = (
            f"{call.name} uploads a network configuration that still defines virtual network "
            f"{named(name)} ({defined}) after {_call(commit)} at line {_line(commit)}: the Commit made the "
            "network a Resource Manager one, which the subscription's classic network configuration no longer "
            "holds, and an upload replaces that configuration whole, so it asks the platform for a classic "
            "network of that name once more, beside the migrated one"
        )
        fix = (
            f"Take virtual network {named(name)} out of the configuration uploaded ({defined}), or upload "
            f"the configuration as the subscription holds it after the Commit ({_network_export(script)}); "
            "change the migrated network in Resource Manager."
        )
        return self.finding(script, f"{script.name}: {message}", at=call, fix=fix)

    def _changes_to_exported_prepared(
        self,
        script: Script,
        exported: dict[tuple[str, str], _Prepared],
        told: set[tuple[int, int]],
    ) -> Iterator[Finding]:
        """A call that changes a cloud service or virtual network whose VM an export says is prepared
        (`exported`), unless the script's own Prepare of it already told (`told`), or the script commits
        or aborts it first on a path that runs the call. A warning: the export is a snapshot, and the
        migration may have been committed or aborted since."""
        if not exported:
            return
        # The Commits and Aborts before each change, counted as the changes come (in script order, as
        # `_changes_while_prepared` takes them): not the steps before it searched again for each.
        ended: dict[tuple[str, str], Together] = {}
        index = 0
        for change in script.changes:
            while index < min(change.after, len(script.migration)):
                _count_end(script.migration[index], ended)
                index += 1
            if change.runs == NEVER_RUNS or change.runs in UNCALLED:
                continue
            where = (change.mark.line, change.mark.column)
            for scope, name in change.changes:
                found = _exported_lock(scope, name, exported)
                if found is None or where in told or _ended_first(change, found[1], ended):
                    continue
                told.add(where)
                yield self._changed_while_exported_prepared(script, change, found[0], found[1])

    def _changed_while_exported_locked(
        self, script: Script, call: ClassicCall, what: str, locked: _Prepared
    ) -> Finding:
        """The finding of `call`, which changes `what`, whose deployment an export says is locked
        (`DEPLOYMENT_LOCKED`: a Resource Graph row's `deploymentLocked`, a Get-AzureDeployment export's
        `Locked`, shown where it is written): perhaps prepared for migration, perhaps held by another
        operation."""
        service, vm = locked.service, locked.vm
        state = vm.migration_state
        assert state is not None
        deleted = deleted_by(call.name)
        does = _does(deleted, what)
        message = (
            f"{call.name} {does}, but an export says the deployment of {_role_noun(vm)} {named(vm.name)} "
            f"of cloud service {named(service)} is locked (at {state.mark.path}:{state.mark.line}): "
            "it may be prepared for migration, which locks it against any change until Commit or Abort, or "
            f"another operation may be updating it; while it is locked, the platform refuses the "
            f"{'delete' if deleted else 'call'}"
        )
        fix = (
            "Find why it is locked first (`Get-AzureVM` shows the VM's MigrationState): if it is prepared, "
            "Commit or Abort the migration (`migcheck plan` gives the commands), then make the change; if "
            "another operation holds it, let it finish. If the lock has ended since the export was taken, "
            "export again."
        )
        return self.finding(script, f"{script.name}: {message}", at=call, severity=Severity.WARNING, fix=fix)

    def _changed_while_exported_prepared(
        self, script: Script, call: ClassicCall, what: str, prepared: _Prepared
    ) -> Finding:
        """The finding of `call`, which changes `what`, which an export says is prepared."""
        service, vm = prepared.service, prepared.vm
        state = vm.migration_state
        assert state is not None
        if may_be_prepared(state.name):
            return self._changed_while_exported_locked(script, call, what, prepared)
        instead = replacement(script.language, call.name)
        deleted = deleted_by(call.name)
        if deleted:
            return self._deleted_while_exported_prepared(script, call, what, prepared, deleted, instead)
        message = (
            f"{call.name} changes {what}, but an export says VM {named(vm.name)} of cloud service "
            f"{named(service)} is prepared for migration (MigrationState {state.name} at "
            f"{state.mark.path}:{state.mark.line}): while it is, Prepare locks {what} against any change, "
            'and the platform refuses the call ("is in the process of being migrated and hence cannot be '
            'changed", "Management operations on VM are disallowed because migration is in progress")'
        )
        after = f"in Resource Manager ({instead})" if instead else "in Resource Manager"
        fix = (
            f"Commit or Abort the migration first (`migcheck plan` gives the commands; an Abort rolls it "
            f"back), then make the change: after a Commit, {after}. If the migration was committed or "
            "aborted since the export was taken, export again."
        )
        return self.finding(script, f"{script.name}: {message}", at=call, severity=Severity.WARNING, fix=fix)

    def _deleted_while_exported_prepared(
        self, script: Script, call: ClassicCall, what: str, prepared: _Prepared, deleted: str, instead: str
    ) -> Finding:
        """The finding of `call`, which deletes (`deleted`) `what`, which an export says is prepared: a
        prepared VM is locked for any update or delete until Abort (which unlocks it) or Commit."""
        service, vm = prepared.service, prepared.vm
        state = vm.migration_state
        assert state is not None
        message = (
            f"{call.name} {_deletes(deleted, what)}, but an export says VM {named(vm.name)} of cloud service "
            f"{named(service)} is prepared for migration (MigrationState {state.name} at "
            f"{state.mark.path}:{state.mark.line}): while it is, Prepare locks {what} against any update or "
            f"delete, and the platform refuses the delete ({_refused_delete(deleted)})"
        )
        fix = (
            "Abort the migration first (`migcheck plan` gives the commands), which rolls the Prepare back and "
            f"unlocks it, then delete it; {_deleted_after_commit(instead, deleted, what)}. If the migration was committed or "
            "aborted since the export was taken, export again."
        )
        return self.finding(script, f"{script.name}: {message}", at=call, severity=Severity.WARNING, fix=fix)

    def _storage_first(
        self, script: Script, step: MigrationStep, later: MigrationStep, blocked: MigrationStep | None
    ) -> Finding:
        """A storage account prepared before cloud services or networks the script prepares later: an error
        when the files show the account holds disks of VMs that move in `blocked`, a later Prepare;
        otherwise the script may be right (an account without VM disks migrates on its own), so a warning
        that says what to check, naming `later`, the next Prepare."""
        account = step.target.strip()
        if blocked is not None:
            message = (
                f"{_call(step)} comes before the Prepare of {_what(blocked)}: storage account '{account}' "
                "holds disks of its VMs, and storage accounts migrate after the VMs whose disks they hold"
            )
            return self._finding(script, step, message)
        named = f"storage account '{account}'" if account else "the storage account it names"
        message = (
            f"{_call(step)} comes before the Prepare of {_what(later)}: if {named} holds disks of VMs that "
            "are still classic, the platform refuses it; storage accounts migrate after the VMs whose disks "
            "they hold"
        )
        return self._finding(script, step, message, Severity.WARNING)

    def _committed_first(self, script: Script, step: MigrationStep, commit: MigrationStep) -> Finding:
        """A storage account prepared after a cloud service or network whose VMs hold disks in it is
        prepared, but before that scope's Commit: its VMs are not migrated yet."""
        message = (
            f"{_call(step)} comes before the Commit of {_what(commit)}: storage account "
            f"'{step.target.strip()}' holds disks of its VMs, and storage accounts migrate after the VMs "
            "whose disks they hold are migrated (committed)"
        )
        return self._finding(script, step, message)

    def _finding(
        self,
        script: Script,
        step: MigrationStep,
        message: str,
        severity: Severity | None = None,
        fix: str = "",
    ) -> Finding:
        # A step a function runs is shown at its command; which call of the function runs it is context.
        called = f" (run by the call at {_call_line(step)})" if step.called_at is not None else ""
        # About the step's target: two steps of one cmdlet on different networks are two findings.
        about = ("MigrationStep", f"{step.step} {step.scope} {step.target.strip() or step.unstated_shown}")
        return self.finding(
            script, f"{script.name}: {message}{called}", at=step, severity=severity, fix=fix, subject=about
        )


# The most migration steps of the jobs before and after a CI pipeline's job judged with its own: beyond it
# the job is judged alone, so that judging every job stays linear in the pipeline's size.
_MOST_STEPS_AROUND_A_JOB = 500


class _PipelineJobs:
    """The scripts of CI pipelines' jobs that run migration steps, change resources or move ExpressRoute
    circuits, by pipeline and job name, and by the job each follows: found for each job once, without a
    walk of every other job of its pipeline."""

    def __init__(self, scripts: Iterable[Script]) -> None:
        self.named: dict[tuple[str, str], list[Script]] = defaultdict(list)
        self.following: dict[tuple[str, str], list[Script]] = defaultdict(list)
        for script in scripts:
            if script.job[1] and _takes_part(script):
                self.named[script.job].append(script)
                for name in script.follows:
                    self.following[script.job[0], name].append(script)


def _takes_part(script: Script) -> bool:
    """Whether a job's order against the migration steps of others matters: it runs some, or changes a
    resource a Prepare may lock, or moves a circuit the networks wait for."""
    return bool(script.migration or script.changes or script.circuit_moves)


def _jobs_around(script: Script, pipelines: _PipelineJobs) -> tuple[list[Script], list[Script]]:
    """The scripts of the jobs of `script`'s pipeline that surely finish before it starts, and those that
    surely start after it finishes, each in an order they may run in (a job follows more jobs than each
    job it follows does). None where their steps and calls exceed `_MOST_STEPS_AROUND_A_JOB`."""
    if not script.job[1] or not _takes_part(script):
        return [], []
    path = script.job[0]
    before = [job for name in dict.fromkeys(script.follows) for job in pipelines.named.get((path, name), [])]
    after = pipelines.following.get(script.job, [])
    if sum(_size(job) for job in (*before, *after)) > _MOST_STEPS_AROUND_A_JOB:
        return [], []
    return sorted(before, key=_run_rank), sorted(after, key=_run_rank)


def _size(job: Script) -> int:
    return len(job.migration) + len(job.changes) + len(job.circuit_moves)


def _run_of_jobs(script: Script, pipelines: _PipelineJobs) -> tuple[Script, frozenset[Mark]]:
    """`script`, and where it is a CI pipeline's job, the jobs that surely run before and after it as one
    script of their steps, changes and circuit moves in that order (each job's choices its own, see
    `_branches_apart`); with the marks of `script`'s own steps and calls, the only ones to report here:
    each other job is judged where it is the job."""
    own = frozenset(
        [
            *(step.mark for step in script.migration),
            *(c.mark for c in (*script.changes, *script.circuit_moves)),
        ]
    )
    before, after = _jobs_around(script, pipelines)
    if not before and not after:
        return script, own
    steps: list[MigrationStep] = []
    changes: list[ClassicCall] = []
    moves: list[ClassicCall] = []
    for number, job in enumerate([*before, script, *after]):
        ran = len(steps)
        steps.extend(_branches_apart(job, number))
        changes.extend(_call_in_run(call, ran, number) for call in job.changes)
        moves.extend(_call_in_run(call, ran, number) for call in job.circuit_moves)
    run = replace(script, migration=tuple(steps), changes=tuple(changes), circuit_moves=tuple(moves))
    return run, own


def _call_in_run(call: ClassicCall, ran: int, number: int) -> ClassicCall:
    """A job's call in a run of jobs (`_run_of_jobs`): after the steps of the jobs before it (`ran`), and on
    its job's own choices."""
    return replace(call, after=call.after + ran, branches=_job_choices(call.branches, number))


class _PipelineRun:
    """A CI pipeline's jobs' steps as one run (`MigrationOutOfOrder._check_in_run_order`), each with the job
    it is written in: where a message says a step of one job comes before one of another, it names that
    job, since each job's steps are read where that job is."""

    def __init__(self, steps: Sequence[MigrationStep], job_of: Mapping[Mark, str]) -> None:
        self.steps = steps
        self.job_of = job_of
        # The run's Prepares by target, in order, so that the first after a step is found without a scan
        # of every step after it.
        self.prepares: dict[tuple[str, str], list[int]] = defaultdict(list)
        for index, step in enumerate(steps):
            if step.step == "prepare":
                self.prepares[_target(step)].append(index)

    def same_job(self, one: MigrationStep, other: MigrationStep) -> bool:
        return self.job_of.get(one.mark, "") == self.job_of.get(other.mark, "")

    def prepared_later(self, index: int, step: MigrationStep) -> str:
        """Where the step at `index` comes, before any Prepare of its target: in the pipeline's run, and
        where the first Prepare of it after the step that can run with it is another job's, which job."""
        target = _target(step)
        later = [
            at for named in (target, (target[0], "")) if (at := self._first_after(named, index, step)) >= 0
        ]
        job = self.job_of.get(self.steps[min(later)].mark, "") if later else ""
        if not job or job == self.job_of.get(step.mark, ""):
            return "in this pipeline's run"
        return f"in this pipeline's run (job '{job}', which runs after it)"

    def _first_after(self, target: tuple[str, str], index: int, step: MigrationStep) -> int:
        """The index of the first Prepare of `target` after `index` that can run with `step`; -1 if none."""
        prepares = self.prepares.get(target, [])
        for at in prepares[bisect.bisect_right(prepares, index) :]:
            if not apart(step.branches, self.steps[at].branches):
                return at
        return -1


def _run_rank(job: Script) -> tuple[int, int, int]:
    return (len(job.follows), job.mark.line, job.mark.column)


def _branches_apart(script: Script, number: int) -> list[MigrationStep]:
    """A job's steps with the choices of their branches told apart from another job's: each script counts
    its choices from one, and an `if` of one job is no choice of another's."""
    return [replace(step, branches=_job_choices(step.branches, number)) for step in script.migration]


def _job_choices(branches: tuple[tuple[str, int], ...], number: int) -> tuple[tuple[str, int], ...]:
    """The branches of choices a step or call of the `number`th job of a run is on, named for that job."""
    return tuple((f"{choice}@{number}", branch) for choice, branch in branches)


def _linked_networks(estate: Estate) -> dict[str, Circuit]:
    """The virtual networks linked to a classic ExpressRoute circuit (see `Estate.circuits`: not those whose
    circuits an export shows moved already), by name as names are compared, with the circuit."""
    return {key(network.name): circuit for circuit in estate.circuits() for network in circuit.networks}


def _services_with_roles(estate: Estate) -> dict[str, CloudService]:
    """The cloud services with web/worker roles, by the name the files give the service (not those named
    after a deployment body, which names no service: its name is not the one a script's steps give)."""
    return {
        key(s.name): s
        for s in estate.cloud_services
        if s.named_by == "files" and any(role.kind_known for role in s.roles)
    }


def _roles_said(service: CloudService) -> str:
    """The service's web/worker roles, as a message says them: by name where the files name them (not a
    script's stand-in for roles it deploys without naming them, nor a body's for its package's)."""
    named = [
        f"'{role.name}'"
        for role in service.roles
        if role.kind_known and not is_unnamed_role(role.name) and not is_package_roles(role.name)
    ]
    if not named:
        return "web or worker roles"
    return f"web or worker role{'s' if len(named) > 1 else ''} {', '.join(named[:3])}" + (
        f" and {len(named) - 3} more" if len(named) > 3 else ""
    )


def _first_steps(script: Script, scope: str, found: Mapping[str, _T]) -> Iterator[tuple[MigrationStep, _T]]:
    """The first step of `scope` the script takes on each target that `found` holds (by name, compared as
    names are), with what `found` says of it: a finding per resource, not per step."""
    told: set[str] = set()
    for step in script.migration:
        target = key(step.target.strip())
        said = found.get(target) if step.scope == scope else None
        if said is not None and target not in told:
            told.add(target)
            yield step, said


# The scopes a Prepare locks against changes the scripts make (see `ClassicCall.changes`): a network
# security group's and a route table's management-plane operations "are blocked when the migration is in
# progress" (deep dive), as those of cloud services, networks and storage accounts are. A change of any
# other scope a reader gives (a reserved IP's) is judged by no lock.
_LOCKED = ("cloud-service", "virtual-network", "storage-account", "network-security-group", "route-table")


def _follow_lock(step: MigrationStep, prepared: dict[str, dict[str, tuple[MigrationStep, Together]]]) -> None:
    """The locks after `step`: a Prepare locks its resource; a Commit or Abort that can run with the Prepare
    ends the lock, and one whose resource the script does not state ends every lock of its scope."""
    held = prepared.get(step.scope)
    if held is None:
        return
    target = key(step.target)
    if step.step == "prepare" and target:
        held[target] = (step, Together((step,)))
    elif step.step in ("commit", "abort") and not target:
        held.clear()
    elif step.step in ("commit", "abort") and target in held and held[target][1].with_(step):
        del held[target]


_HOLDERS = ("virtual-network", "cloud-service")

# What `_locked` says a change is locked through when it changes a security group or route table cloned
# with the resource prepared (its message names what uses it).
_CLONED = "\x00cloned"


def _does(deleted: str, what: str) -> str:
    """What a call does to `what`: deletes it (`deleted`, the kind `deleted_by` says it deletes) or changes it."""
    return _deletes(deleted, what) if deleted else f"changes {what}"


def _deletes(deleted: str, what: str) -> str:
    """What a call that deletes a `deleted` ("VM", "cloud service", ...: `deleted_by`) does to `what`, the
    locked resource as a message names it: "deletes cloud service 'x'", "deletes a VM of cloud service
    'x'"."""
    if what.startswith(f"{deleted} '"):
        return f"deletes {what}"
    if deleted == "deployment":
        return f"deletes the deployment of {what}"
    if what.startswith("the network configuration"):
        return f"deletes a {deleted} from {what}"
    return f"deletes a {deleted} of {what}"


def _refused_delete(deleted: str) -> str:
    """How the platform refuses to delete a `deleted` a Prepare holds (errors 2023): a VM, and so its
    deployment and cloud service, "is in Prepare state and therefore locked for any update/delete
    operation"; any other resource is "in the process of being migrated"."""
    if deleted in ("VM", "deployment", "cloud service"):
        return '"Management operations on VM are disallowed because migration is in progress"'
    return '"is in the process of being migrated and hence cannot be changed"'


def _deleted_after_commit(instead: str, deleted: str, what: str) -> str:
    """The fix's last way of a delete of a prepared resource: a Commit unlocks it too, as a Resource Manager
    resource (errors 2023), deleted there; a cloud service's resources are then in the resource group the
    Prepare made for it, `<service>-Migrated` (deep dive)."""
    there = f" ({instead})" if instead else ""
    _, quoted, rest = what.partition("'")
    if deleted == "cloud service" and what.startswith("cloud service '") and quoted:
        group = rest.partition("'")[0]
        there = f", in resource group '{group}-Migrated'{there}"
    return f"a Commit unlocks it too, but makes it a Resource Manager resource, to delete there{there}"


def _locked(
    change: ClassicCall,
    prepared: dict[str, dict[str, tuple[MigrationStep, Together]]],
    networks_of: Mapping[str, tuple[NameRef, ...]],
    cloned: Mapping[tuple[str, str], tuple[_Use, ...]],
    uploaded: Callable[[ClassicCall], Mapping[str, VirtualNetwork]],
) -> Iterator[tuple[MigrationStep, str, str]]:
    """For each resource `change` changes that a Prepare holds locked on a path that runs both: the
    Prepare, the resource as a message names it, and the network it is locked through ("" when locked
    itself, `_CLONED` when it is a security group or route table cloned with what is prepared). A network
    configuration upload changes the subscription's configuration, which still defines the prepared
    network where `uploaded` says of the upload."""
    uploads = ("virtual-network", EVERY_NETWORK) in change.changes
    for scope, name in change.changes:
        held = prepared.get(scope)
        if held is None or (uploads and scope == "virtual-network" and name != EVERY_NETWORK):
            # A network the upload names is locked with the network configuration, which says it once.
            continue
        if scope == "virtual-network" and name == EVERY_NETWORK:
            found = next((s for s, runs in reversed(held.values()) if runs.with_(change)), None)
            if found is not None:
                yield found, _configuration_uploaded(found, uploaded(change)), ""
            continue
        what = f"{scope.replace('-', ' ')} '{name}'"
        own = held.get(key(name))
        if own is not None and own[1].with_(change):
            yield own[0], what, ""
            continue
        found_use = _locked_with(scope, name, change, prepared, cloned)
        if found_use is not None:
            yield found_use[0], f"{what} (used by {found_use[1].user}, and cloned with it)", _CLONED
            continue
        networks = prepared["virtual-network"]
        for network in networks_of.get(key(name), ()) if scope == "cloud-service" else ():
            found_network = networks.get(key(network.name))
            if found_network is not None and found_network[1].with_(change):
                yield found_network[0], what, network.name
                break


def _once_per_lock(
    locked: list[tuple[ClassicCall, MigrationStep, str, str]],
) -> list[tuple[ClassicCall, MigrationStep, str, str]]:
    """The calls `_locked` finds changing what a Prepare holds, less a cloud service locked through a network
    that the same call (by its place in the script) changes itself under the same Prepare: a VM created or
    changed in the network (`New-AzureVM -VNetName`, `azure vm create -w`) changes both, and the network's
    own finding says the one lock the platform refuses the call for."""
    itself = {
        (call.mark, id(prepare), what.casefold()) for call, prepare, what, through in locked if not through
    }
    return [
        (call, prepare, what, through)
        for call, prepare, what, through in locked
        if through in ("", _CLONED)
        or (call.mark, id(prepare), f"virtual network '{through}'".casefold()) not in itself
    ]


def _committed_before(
    change: ClassicCall,
    commits: Mapping[tuple[str, str], Mapping[tuple[tuple[str, int], ...], tuple[int, MigrationStep]]],
    prepares: Mapping[tuple[str, str], list[tuple[int, MigrationStep]]],
    networks_of: Mapping[str, tuple[NameRef, ...]],
) -> tuple[MigrationStep, str, str] | None:
    """The Commit that completed, before `change` and on its path, the migration of a resource it changes
    (see `MigrationOutOfOrder._changes_after_commit`): the Commit, the resource as a message names it, and
    the network it was committed with ("" when committed itself)."""
    for scope, name in change.changes:
        if name == EVERY_NETWORK or not name.strip():
            continue
        what = f"{scope.replace('-', ' ')} '{name}'"
        held = [((scope, name.strip().casefold()), "")]
        if scope == "cloud-service":
            held += [
                (("virtual-network", n.name.strip().casefold()), n.name)
                for n in networks_of.get(key(name), ())
            ]
        for target, through in held:
            found = _last_on_branches(commits.get(target), change)
            if found is not None and _surely_after(change, found, prepares.get(target, [])):
                return found[1], what, through
    return None


def _upload_after_commit(
    change: ClassicCall,
    commits: Mapping[tuple[str, str], Mapping[tuple[tuple[str, int], ...], tuple[int, MigrationStep]]],
    prepares: Mapping[tuple[str, str], list[tuple[int, MigrationStep]]],
    uploaded: Mapping[str, VirtualNetwork],
) -> tuple[MigrationStep, VirtualNetwork] | None:
    """The Commit that completed, before network configuration upload `change` and on its path, the
    migration of a network the configuration it uploads still defines (`uploaded`), and that network."""
    if ("virtual-network", EVERY_NETWORK) not in change.changes:
        return None
    for network in uploaded.values():
        target = ("virtual-network", network.name.strip().casefold())
        found = _last_on_branches(commits.get(target), change)
        if found is not None and _surely_after(change, found, prepares.get(target, [])):
            return found[1], network
    return None


def _configuration_uploaded(prepare: MigrationStep, uploaded: Mapping[str, VirtualNetwork]) -> str:
    """The network configuration an upload changes while `prepare` holds a network of it, as a message
    names it: with where it still defines that network, when `uploaded` says."""
    network = uploaded.get(key(prepare.target))
    if network is None:
        return "the network configuration of the subscription"
    return (
        "the network configuration of the subscription, which still defines virtual network "
        f"{named(network.name)} ({_defined_at(network)}),"
    )


def _defined_at(network: VirtualNetwork) -> str:
    """Where a network configuration defines `network`, as a message says it: `file:line`, or `line N` of
    a script that writes the configuration it uploads."""
    return f"{network.mark.path}:{network.mark.line}"


def _surely_after(
    change: ClassicCall, commit: tuple[int, MigrationStep], prepares: list[tuple[int, MigrationStep]]
) -> bool:
    """Whether `change` runs after the Commit `commit` (with its place among the steps) took effect: written
    after it (not a later turn of a loop around both), not only where it may have failed (a `catch`), and
    with no Prepare of its resource since that can run with `change`."""
    at, step = commit
    if change.runs in SOME_PATHS_ONLY and step.runs not in SOME_PATHS_ONLY:
        return False
    written, before = change.mark, step.called_at or step.mark
    if written.path == before.path and (written.line, written.column) <= (before.line, before.column):
        return False
    return not any(where > at and not apart(change.branches, p.branches) for where, p in prepares)


def _locked_with(
    scope: str,
    name: str,
    change: ClassicCall,
    prepared: dict[str, dict[str, tuple[MigrationStep, Together]]],
    cloned: Mapping[tuple[str, str], tuple[_Use, ...]],
) -> tuple[MigrationStep, _Use] | None:
    """The Prepare holding locked, on a path that runs `change`, the network or cloud service that the
    security group or route table (`scope`, `name`) is cloned with, and the use that clones it."""
    for use in cloned.get((scope, key(name)), ()):
        with_scope, with_name = use.moves_with
        held = prepared.get(with_scope, {}).get(key(with_name))
        if held is not None and held[1].with_(change):
            return held[0], use
    return None


class _Uploads:
    """What the network configurations scripts upload define, for their uploads MIG602 judges against a
    script's own Prepare and Commit of a network: the checked configurations by file name, and those
    scripts write themselves by the script's path."""

    def __init__(self, estate: Estate, scripts: Sequence[Script]) -> None:
        every = ("virtual-network", EVERY_NETWORK)
        uploads = any(every in call.changes for script in scripts for call in script.changes)
        configurations = list(estate.resources(NetworkConfiguration)) if uploads else []
        self.checked = configurations_by_file(configurations)
        self.written: dict[str, list[NetworkConfiguration]] = defaultdict(list)
        for configuration in configurations:
            self.written[configuration.mark.path].append(configuration)

    def defined(self, script: Script, call: ClassicCall | None = None) -> dict[str, VirtualNetwork]:
        """The networks every network configuration upload `call` of `script` uploads defines (each of
        `call.uploaded`), by name as compared (`key`); of one that does not say what it uploads, or with no
        call, every one the script uploads: the checked ones it names by their file name
        (`Script.uploaded_files`, see `configuration_named`), and those it writes itself. Empty when it
        uploads one whose content no file shows: its networks are not known."""
        uploaded = call.uploaded if call is not None and call.uploaded else None
        configurations: list[NetworkConfiguration] = []
        if uploaded is None or WRITTEN_CONFIGURATION in uploaded:
            configurations.extend(self.written.get(script.mark.path, ()))
        for name in script.uploaded_files if uploaded is None else uploaded:
            if name == WRITTEN_CONFIGURATION:
                continue
            found = configuration_named(name, script.mark.path, self.checked)
            if found is None:
                return {}
            configurations.append(found)
        each = [{key(network.name): network for network in c.virtual_networks} for c in configurations]
        if not each:
            return {}
        return {name: network for name, network in each[0].items() if all(name in d for d in each[1:])}


class _Prepared(NamedTuple):
    """A cloud service an export says is prepared: its name, its first prepared VM, its networks."""

    service: str
    vm: Role
    networks: tuple[str, ...]


def _exported_prepared(estate: Estate) -> dict[tuple[str, str], _Prepared]:
    """(scope, name compared as names are) -> (cloud service, first role) of each cloud service with a VM an
    export says is prepared (`Role.migration_state`), or a role of a deployment a Get-AzureDeployment export
    says is locked (a VM's, a web or worker role's, one of a kind it does not say: a Prepare locks the whole
    deployment), and of each virtual network such a service is in: a cloud service in a virtual network
    migrates with it, so the network is prepared with it."""
    found: dict[tuple[str, str], _Prepared] = {}
    # Those scripts delete too (`exported_states`): a delete of a prepared VM is refused as any change is.
    for service in (*estate.cloud_services, *estate.exported_states):
        roles = (*service.vms, *service.unsorted_roles, *service.roles)
        vm = next((role for role in roles if _prepared(role)), None)
        if vm is None or ("cloud-service", key(service.name)) in found:
            continue
        refs = service.virtual_network_refs or estate.networks_by_service.get(key(service.name), ())
        networks = tuple(ref.name for ref in refs)
        prepared = _Prepared(service.name, vm, networks)
        found.setdefault(("cloud-service", key(service.name)), prepared)
        for network in networks:
            found.setdefault(("virtual-network", key(network)), prepared)
    return found


def _role_noun(role: Role) -> str:
    """A role as a message names it: a VM, else a role (a web or worker role, or one of a kind not said)."""
    return "VM" if role.is_vm else "role"


def _prepared(vm: Role) -> bool:
    """Whether an export says the VM is prepared, or that its deployment is locked (perhaps prepared)."""
    state = vm.migration_state
    return state is not None and (state.name.strip().casefold() == "prepared" or may_be_prepared(state.name))


def _exported_lock(
    scope: str, name: str, exported: dict[tuple[str, str], _Prepared]
) -> tuple[str, _Prepared] | None:
    """(the resource as a message names it, what the export says is prepared) of a change of (`scope`,
    `name`); None when no export says it is prepared."""
    if scope == "virtual-network" and name == EVERY_NETWORK:
        network = next((n for s, n in exported if s == "virtual-network"), None)
        if network is None:
            return None
        return "the network configuration of the subscription", exported[("virtual-network", network)]
    found = exported.get((scope, key(name)))
    return None if found is None else (f"{scope.replace('-', ' ')} '{name}'", found)


def _count_end(step: MigrationStep, ended: dict[tuple[str, str], Together]) -> None:
    """Counts a Commit or Abort of a cloud service or virtual network in `ended`, by its scope and target;
    one whose target the script does not state under ("", "")."""
    if step.step in ("commit", "abort") and step.scope in ("cloud-service", "virtual-network"):
        target = step.target.strip()
        ended.setdefault((step.scope, key(target)) if target else ("", ""), Together()).add(step)


def _ended_first(change: ClassicCall, prepared: _Prepared, ended: dict[tuple[str, str], Together]) -> bool:
    """Whether the script commits or aborts the migration of the prepared cloud service or its network
    (or of any, by a name it does not state) before `change` (`ended`: those before it), on a path that
    runs both."""
    targets = {("cloud-service", key(prepared.service)), ("", "")}
    targets.update(("virtual-network", key(network)) for network in prepared.networks)
    return any(target in ended and ended[target].with_(change) for target in targets)


# The scopes of a change to a VM named without its cloud service (see `_with_services_of_vms`).
_OF_VMS = frozenset({SERVICE_OF_VM, SERVICES_OF_VMS})


def _with_services_of_vms(script: Script, services_of_vms: Mapping[str, tuple[str, ...]]) -> Script:
    """`script` with each change to a VM it names without its cloud service (`SERVICE_OF_VM`) made a
    change to the service of that VM, as the linker finds it (`Estate.services_by_vm_name`): the one
    service that holds a VM of that name (the classic CLI refuses a name several services give a VM:
    MIG003 says so, and the command changes none), each of them for PowerShell's filter of every VM
    (`SERVICES_OF_VMS`)."""
    changes = []
    for call in script.changes:
        found: list[tuple[str, str]] = []
        for scope, name in call.changes:
            services = services_of_vms.get(key(name), ()) if scope in _OF_VMS else ()
            if scope not in _OF_VMS:
                found.append((scope, name))
            elif scope == SERVICES_OF_VMS or len(services) == 1:
                found.extend(("cloud-service", service) for service in services)
        changes.append(replace(call, changes=tuple(found)))
    return replace(script, changes=tuple(changes))


def _with(runs: dict[tuple[str, str], Together], target: tuple[str, str], step: MigrationStep) -> bool:
    """Whether any step counted for `target` can run with `step`."""
    counted = runs.get(target)
    return counted is not None and counted.with_(step) > 0


def _may_be_with(runs: dict[tuple[str, str], Together], target: tuple[str, str], step: MigrationStep) -> bool:
    """Whether any step counted for `target`, or for a resource of its kind the script does not name (a
    step given `$VNet` may be of hub-vnet, whatever value it is given), can run with `step`."""
    return _with(runs, target, step) or _with(runs, (target[0], ""), step)


def _scope_validated(validated: dict[str, Together], step: MigrationStep) -> bool:
    """Whether the script validates any resource of the step's scope in a run that also runs the step."""
    counted = validated.get(step.scope)
    return counted is not None and counted.with_(step) > 0


def _target(step: MigrationStep) -> tuple[str, str]:
    """The resource a step moves: its name, or where the script does not state it, the one value that
    names it (two steps given `$VNet` move one network, whatever its name), kept apart from any name."""
    name = step.target.strip().casefold()
    return step.scope, name if name or not step.unstated else "\0" + step.unstated


def _named_by_one_value(steps: tuple[MigrationStep, ...]) -> tuple[MigrationStep, ...]:
    """`steps`, those of a scope every step of which the script names by one and the same value it does
    not state (a runbook's `param($VNet)`) keeping that value (`MigrationStep.unstated`), so that their
    order is judged as that of one resource; the others' dropped: where a scope's steps are given two
    such values, or a name too, or one of no known value, two of them may be one resource, and which is not
    known."""
    values: dict[str, set[str]] = defaultdict(set)
    for step in steps:
        values[step.scope].add("\0name" if step.target.strip() else step.unstated)
    one = {scope for scope, found in values.items() if len(found) == 1 and not found & {"", "\0name"}}
    return tuple(s if s.scope in one or not s.unstated else replace(s, unstated="") for s in steps)


def _known(step: MigrationStep) -> bool:
    """Whether the step says which resource it moves: by name, or by the one value the script names it by."""
    return bool(step.target.strip() or step.unstated)


def _validates(step: MigrationStep) -> bool:
    """Whether the tool the step is run with has a Validate for its scope: the classic CLI's storage
    account commands are prepare, commit and abort only (its prepare validates first)."""
    return not (step.scope == "storage-account" and step.name.startswith("azure "))


# The migration scopes that move VMs, whose disks keep a storage account from migrating before them.
_HOLDS_DISKS = ("cloud-service", "virtual-network")


class _VmPrepares:
    """The script's Prepares of scopes that move VMs, as a storage account's Prepare asks after them: those
    after it that can run with it. Which can run with it depends only on its branches, so each answer is
    worked out once per branches (and account): a runbook that prepares many accounts, or one again and
    again, is checked in linear time."""

    def __init__(self, steps: tuple[MigrationStep, ...]) -> None:
        self.steps = [
            (at, s) for at, s in enumerate(steps) if s.step == "prepare" and s.scope in _HOLDS_DISKS
        ]
        self.by_branches: dict[tuple[tuple[str, int], ...], tuple[list[int], list[MigrationStep]]] = {}
        self.last_held: dict[tuple[tuple[tuple[str, int], ...], str], tuple[int, MigrationStep] | None] = {}

    def first_after(self, index: int, step: MigrationStep) -> MigrationStep | None:
        """The first of them after `index` that can run with `step`."""
        positions, prepares = self._with(step)
        at = bisect.bisect_right(positions, index)
        return prepares[at] if at < len(prepares) else None

    def last_held_after(
        self, index: int, step: MigrationStep, held: set[tuple[str, str]]
    ) -> MigrationStep | None:
        """The last of them that can run with `step`, of a scope `held` names (whose VMs keep disks in the
        account `step` prepares), when it comes after `index`."""
        memo = (step.branches, step.target.strip().casefold())
        if memo not in self.last_held:
            positions, prepares = self._with(step)
            pairs = zip(reversed(positions), reversed(prepares), strict=True)
            self.last_held[memo] = next(((at, s) for at, s in pairs if _target(s) in held), None)
        last = self.last_held[memo]
        return last[1] if last is not None and last[0] > index else None

    def _with(self, step: MigrationStep) -> tuple[list[int], list[MigrationStep]]:
        found = self.by_branches.get(step.branches)
        if found is None:
            pairs = [(at, s) for at, s in self.steps if not apart(step.branches, s.branches)]
            found = self.by_branches[step.branches] = ([at for at, _ in pairs], [s for _, s in pairs])
        return found


class _VmCommits:
    """The script's Commits of scopes that move VMs, by target, as a storage account's Prepare asks after
    them: a Prepare of the account between a Prepare of a cloud service or network whose VMs hold disks in
    it and that scope's Commit comes before those VMs are migrated."""

    def __init__(self, steps: tuple[MigrationStep, ...]) -> None:
        self.by_target: dict[tuple[str, str], tuple[list[int], list[MigrationStep]]] = {}
        for at, step in enumerate(steps):
            if step.step == "commit" and step.scope in _HOLDS_DISKS and step.target.strip():
                positions, commits = self.by_target.setdefault(_target(step), ([], []))
                positions.append(at)
                commits.append(step)

    def held_after(self, index: int, step: MigrationStep, held: set[tuple[str, str]]) -> MigrationStep | None:
        """The first Commit after `index` that can run with `step`, of a scope `held` names."""
        found: tuple[int, MigrationStep] | None = None
        for target in held & self.by_target.keys():
            positions, commits = self.by_target[target]
            after = bisect.bisect_right(positions, index)
            at, commit = next(
                (
                    (p, c)
                    for p, c in zip(positions[after:], commits[after:], strict=True)
                    if not apart(step.branches, c.branches)
                ),
                (-1, None),
            )
            if commit is not None and (found is None or at < found[0]):
                found = (at, commit)
        return found[1] if found is not None else None


class _Ended:
    """The Commits and Aborts a script has run so far, by target, and its Prepares, as a later step of the
    same resource asks after them: the last Commit or Abort that surely ran before that step (on no branch
    the step is not on: one on a branch of an `if` the step is outside of may not have run), unless a
    Prepare that can run with the step came after it. The steps are added in script order."""

    def __init__(self) -> None:
        # target -> the branches of each Commit or Abort -> the last such, with its place among the steps.
        self.ends: dict[tuple[str, str], dict[tuple[tuple[str, int], ...], tuple[int, MigrationStep]]] = {}
        self.prepares: dict[tuple[str, str], tuple[list[int], list[MigrationStep]]] = {}
        # target -> every Commit or Abort that ends its migration, with its place among the steps.
        self.ended_at: dict[tuple[str, str], list[tuple[int, MigrationStep]]] = {}

    def add_end(self, index: int, step: MigrationStep) -> None:
        """Counts a Commit or Abort that ends the migration of its resource, `index` its place."""
        if _known(step):  # one whose resource the script does not state tells of none for sure
            self.ends.setdefault(_target(step), {})[step.branches] = (index, step)
            self.ended_at.setdefault(_target(step), []).append((index, step))

    def add_prepare(self, index: int, step: MigrationStep) -> None:
        if _known(step):
            positions, prepares = self.prepares.setdefault(_target(step), ([], []))
            positions.append(index)
            prepares.append(step)

    def in_prepare(self, target: tuple[str, str], step: MigrationStep) -> tuple[int, MigrationStep] | None:
        """The last Prepare of `target` that surely ran before `step` (as `last` finds an end) and left it
        prepared: no Commit or Abort of it after that can run with `step`; with its place among the steps. None
        when there is none."""
        positions, prepares = self.prepares.get(target, ([], []))
        by_branches = {p.branches: (at, p) for at, p in zip(positions, prepares, strict=True) if not p.fails}
        found = _last_on_branches(by_branches, step)
        if found is None or not _written_after(step, found[1]):
            return None
        if step.runs in SOME_PATHS_ONLY and found[1].runs not in SOME_PATHS_ONLY:
            return None  # in the `catch` of a Prepare that failed, which prepared nothing
        ended = self.ended_at.get(target, [])
        if any(at > found[0] and not apart(step.branches, end.branches) for at, end in ended):
            return None
        return found

    def last(self, target: tuple[str, str], step: MigrationStep) -> MigrationStep | None:
        """The last Commit or Abort of `target` that surely ran before `step`, with no Prepare of it after
        that can run with `step`; None when there is none."""
        found = self._unprepared_end(target, step)
        return None if found is None else found[1]

    def last_abort(self, held: set[tuple[str, str]], step: MigrationStep) -> MigrationStep | None:
        """The Abort that last ended the migration of one of the scopes `held` names before `step` (see
        `last`), when no Commit of another of them came after it."""
        found = (self._unprepared_end(target, step) for target in held & self.ends.keys())
        last = max((end for end in found if end is not None), key=lambda end: end[0], default=None)
        return last[1] if last is not None and last[1].step == "abort" else None

    def _unprepared_end(
        self, target: tuple[str, str], step: MigrationStep
    ) -> tuple[int, MigrationStep] | None:
        """The last end of `target` before `step` (see `last`), with its place among the steps."""
        found = self._last_end(target, step)
        if found is None:
            return None
        if step.runs in SOME_PATHS_ONLY and found[1].runs not in SOME_PATHS_ONLY:
            # A step that may not run where the end surely does (in the `catch` of a `try` that commits,
            # after `commit-migration ... ||`) may run only when that end failed, which ended nothing.
            return None
        if not _written_after(step, found[1]):
            return None  # a later turn of a loop that retries (`for i in 1 2 3; do ... && break; done`)
        positions, prepares = self.prepares.get(target, ([], []))
        after = bisect.bisect_right(positions, found[0])
        if any(not apart(step.branches, prepare.branches) for prepare in prepares[after:]):
            return None
        return found

    def _last_end(self, target: tuple[str, str], step: MigrationStep) -> tuple[int, MigrationStep] | None:
        """The last Commit or Abort of `target` whose branches are all branches of `step` (the choices
        around a step, outermost first, so those are the beginnings of its own), in the stage of the
        runbook `step` is in: a function no call runs (an `Undo-Migration` helper that aborts) is a stage
        of its own, run instead of the script's own steps as often as after them."""
        return _last_on_branches(self.ends.get(target), step)


def _last_on_branches(
    by_branches: Mapping[tuple[tuple[str, int], ...], tuple[int, MigrationStep]] | None,
    step: MigrationStep | ClassicCall,
) -> tuple[int, MigrationStep] | None:
    """Of the last steps by their branches, the last whose branches are all branches of `step`, in the stage
    of the runbook `step` is in (see `_Ended._last_end`)."""
    if not by_branches:
        return None
    staged = bool(step.branches) and step.branches[0][0].endswith(STAGE_CHOICE)
    depths = range(1 if staged else 0, len(step.branches) + 1)
    found = (by_branches.get(step.branches[:depth]) for depth in depths)
    return max((one for one in found if one is not None), key=lambda one: one[0], default=None)


def _may_be_alternative(step: MigrationStep) -> bool:
    """Whether a step written right after a Prepare of its resource may be part of a second alternative of
    a walkthrough: a Validate or Prepare of a cloud service, which Move-AzureService runs with the network
    option (`-CreateNewVirtualNetwork` or `-UseExistingVirtualNetwork`) the alternatives differ by. The
    Validate and Prepare of a network, storage account or other resource take no such option: the second
    is the first again, which the platform refuses while the resource is locked in the Prepared state
    ("is in the process of being migrated and hence cannot be changed", the migration errors page)."""
    return step.scope == "cloud-service"


def _only_validates_between(steps: Sequence[MigrationStep], start: int, index: int) -> bool:
    """Whether the steps between the Prepare at `start` and the step at `index` are at most Validates of
    the same resource: the second of two alternatives written one after the other."""
    target = _target(steps[start])
    return all(
        steps[at].step == "validate" and _target(steps[at]) == target for at in range(start + 1, index)
    )


def _validated_before(steps: Sequence[MigrationStep], target: tuple[str, str], end: int) -> bool:
    """Whether a Validate of `target` comes among the first `end` steps."""
    return any(s.step == "validate" and _target(s) == target for s in steps[:end])


def _written_after(step: MigrationStep, earlier: MigrationStep) -> bool:
    """Whether `step` is written after `earlier` in the script, each at the call of the script's own code
    that runs it (a helper's steps are all written in the helper): a step that runs after another but is
    written at or before it is a later turn of a loop around both. Steps of different files are taken to be
    in the order they run."""
    at, before = step.called_at or step.mark, earlier.called_at or earlier.mark
    return at.path != before.path or (at.line, at.column) > (before.line, before.column)


_FAILS_FIX = (
    "Give the step only parameters its cmdlet has; Move-AzureService's Validate and Prepare need "
    "-CreateNewVirtualNetwork, or -UseExistingVirtualNetwork with -VirtualNetworkResourceGroupName, "
    "-VirtualNetworkName and -SubnetName. `migcheck plan` prints each step's commands."
)


# The scopes of the resources a subnet may use, and the calls that take one off a subnet.
_OF_SUBNETS = ("network-security-group", "route-table")
_FREES_SUBNETS = frozenset(
    {
        "Remove-AzureNetworkSecurityGroupFromSubnet",
        "Remove-AzureNetworkSecurityGroupAssociation",
        "Remove-AzureNetworkSecurityGroupConfig",
        "Remove-AzureSubnetRouteTable",
    }
)


class _Use(NamedTuple):
    """What uses a network security group or route table: as a message names it, the kind ("subnet" or
    "VM"), and the migration scope it is cloned with (scope, name)."""

    user: str
    kind: str
    moves_with: tuple[str, str]


# What a group or table associated with each kind of user is cloned with (deep dive).
_CLONED_WITH = {"subnet": "virtual network", "VM": "VM"}


def _subnet_associations(estate: Estate) -> dict[str, dict[str, _Use]]:
    """By scope (`_OF_SUBNETS`), the name of each security group or route table a subnet uses (compared as
    names are) -> the first such subnet; and of each security group set on a VM the files describe, the
    first such VM (cloned with it, in its virtual network or its cloud service)."""
    found: dict[str, dict[str, _Use]] = {scope: {} for scope in _OF_SUBNETS}
    for network in estate.virtual_networks:
        for subnet in network.subnets:
            for scope, name in zip(_OF_SUBNETS, (subnet.security_group, subnet.route_table), strict=True):
                if name.strip():
                    user = f"subnet '{subnet.name}' of virtual network '{network.name}'"
                    found[scope].setdefault(
                        key(name), _Use(user, "subnet", ("virtual-network", network.name))
                    )
    groups = found["network-security-group"]
    for service in estate.cloud_services:
        networks = service.virtual_network_refs
        moves_with = ("virtual-network", networks[0].name) if networks else ("cloud-service", service.name)
        for vm in service.vms:
            if vm.security_group is not None and vm.security_group.name.strip():
                user = f"VM '{vm.name}' of cloud service '{service.name}'"
                groups.setdefault(key(vm.security_group.name), _Use(user, "VM", moves_with))
    return found


def _cloned_with(estate: Estate) -> dict[tuple[str, str], tuple[_Use, ...]]:
    """(scope, name compared as names are) of each security group and route table -> every use the files
    show of it, each with what it is cloned with: a subnet's network, a VM's network or cloud service."""
    found: dict[tuple[str, str], list[_Use]] = {}
    for network in estate.virtual_networks:
        for subnet in network.subnets:
            for scope, name in zip(_OF_SUBNETS, (subnet.security_group, subnet.route_table), strict=True):
                if name.strip():
                    user = f"subnet '{subnet.name}' of virtual network '{network.name}'"
                    use = _Use(user, "subnet", ("virtual-network", network.name))
                    found.setdefault((scope, key(name)), []).append(use)
    for service in estate.cloud_services:
        networks = service.virtual_network_refs
        moves_with = ("virtual-network", networks[0].name) if networks else ("cloud-service", service.name)
        for vm in service.vms:
            if vm.security_group is not None and vm.security_group.name.strip():
                use = _Use(f"VM '{vm.name}' of cloud service '{service.name}'", "VM", moves_with)
                found.setdefault(("network-security-group", key(vm.security_group.name)), []).append(use)
    return {name: tuple(uses) for name, uses in found.items()}


def _associated_reserved_ips(estate: Estate) -> dict[str, str]:
    """Reserved IP name (compared as names are) -> what uses it: the label of the cloud service whose
    deployment the files show using it or that an export binds it to, or else the cloud service an inventory
    export of the subscription attaches it to (`Estate.exported_reserved_ips`: a reserved IP of another
    subscription of the same name is not the one the script moves)."""
    found = {
        key(ref.name): service.label for service in estate.cloud_services for ref in service.reserved_ip_refs
    }
    for ip in estate.exported_reserved_ips():
        if ip.service:
            found.setdefault(key(ip.name), f"cloud service '{ip.service}'")
    return found


_ASSOCIATED_IP_FIX = (
    "Leave the reserved IP to its cloud service's migration (Move-AzureService, or Move-AzureVirtualNetwork "
    "for a service in a network); or free it first (Remove-AzureReservedIPAssociation) and then move it on "
    "its own with Move-AzureReservedIP."
)

_ROLES_IP_FIX = (
    "Free the reserved IP first (Remove-AzureReservedIPAssociation), then move it on its own with "
    "Move-AzureReservedIP: its cloud service has web/worker roles, which no migration moves (MIG101)."
)

# Calls that free a reserved IP a deployment uses: a runbook that makes one may move the IP afterwards.
_FREES_RESERVED_IPS = frozenset(
    {
        "Remove-AzureReservedIPAssociation",
        "Remove-AzureDeployment",
        "Remove-AzureService",
        "disassociate_reserved_ip_address",
        "delete_deployment",
        "delete_hosted_service",
    }
)


def _disk_holders(estate: Estate) -> dict[str, set[tuple[str, str]]]:
    """Storage account (casefolded) -> the migration scopes ("cloud-service" or "virtual-network", and the
    casefolded name) of the VMs whose disks the files place in it."""
    holders: dict[str, set[tuple[str, str]]] = {}
    for disk in estate.disks:
        owner = estate.vm_of(disk)
        if owner is None or not disk.storage_account:
            continue
        service = owner[0]
        scopes = holders.setdefault(disk.storage_account.casefold(), set())
        scopes.add(("cloud-service", service.name.casefold()))
        scopes.update(("virtual-network", ref.name.casefold()) for ref in service.virtual_network_refs)
    return holders


def _accounts_without_vm_disks(estate: Estate) -> frozenset[str]:
    """The storage accounts (by `key`) the files show hold no VM disk: what they show in each is images or
    disks attached to none, and every VM they describe, in deployments they show whole, has its disks in
    accounts they name, so none of its disks can be in such an account unseen. Such an account "does not
    have any associated disks or Virtual Machines data" and migrates "as a standalone migration without
    dependencies" (overview), before the VMs' Prepares as well as after. None where a VM's disks may be
    anywhere (a deployment a script only changes, a VM whose OS disk or a disk's account the files do not
    state)."""
    if not all(_disks_placed(service) for service in estate.cloud_services):
        return frozenset()
    return frozenset(
        key(account.name)
        for account in estate.storage_accounts
        if not any(disk.attached_to.strip() or estate.vms_of(disk) for disk in account.disks)
    )


def _disks_placed(service: CloudService) -> bool:
    """Whether the files show every VM of `service` and the storage account of each of its disks."""
    if service.partly_described:
        return False
    return all(
        any(not disk.data for disk in vm.disks)
        and all(disk.storage_account and not is_stand_in(disk.storage_account) for disk in vm.disks)
        for vm in service.vms
    )


def _network_migration(script: Script, network: str) -> str:
    """How the script's own API migrates a virtual network."""
    if script.language == "Python":
        return (
            f"POST .../services/networking/virtualnetwork/{network}/migration?comp=Validate, then Prepare "
            "and Commit"
        )
    if script.language == "Shell":
        return f"azure network vnet validate-migration {sh_quoted(network)}, then prepare-migration and commit-migration"
    return f"Move-AzureVirtualNetwork -VirtualNetworkName {ps_quoted(network)} with -Validate, then -Prepare and -Commit"


def _network_export(script: Script) -> str:
    """How the script's own API gets the subscription's network configuration as the platform holds it."""
    if script.language == "Python":
        return "a GET of .../services/networking/media"
    if script.language == "Shell":
        return "azure network export <path>"
    return "Get-AzureVNetConfig -ExportToFile <path>"


def _scope_migration(script: Script, scope: tuple[str, str]) -> str:
    """How the script's own API migrates a virtual network or a cloud service not in one."""
    kind, name = scope
    if kind == "virtual-network":
        return _network_migration(script, name)
    if script.language == "Python":
        return (
            f"POST .../services/hostedservices/{name}/deployments/<deployment>/migration?comp=Validate, then "
            "Prepare and Commit"
        )
    if script.language == "Shell":
        return (
            f"azure service deployment validate-migration {sh_quoted(name)} <deployment>, then prepare-migration and "
            "commit-migration"
        )
    return (
        f"Move-AzureService -ServiceName {ps_quoted(name)} -DeploymentName <deployment> with -Validate and -Prepare "
        "(each with -CreateNewVirtualNetwork), then -Commit"
    )


def _named_scope(scope: tuple[str, str]) -> str:
    return f"{scope[0].replace('-', ' ')} '{scope[1]}'"


def _call(step: MigrationStep) -> str:
    return step.shown


def _line(step: MigrationStep) -> str:
    """The line of a step's command, and of the call that runs it when a function of the script does."""
    if step.called_at is None:
        return str(step.mark.line)
    at = (
        f"{step.mark.line}"
        if step.called_at.path == step.mark.path
        else f"{step.mark.path} line {step.mark.line}"
    )
    return f"{at} (run by the call at {_call_line(step)})"


def _call_line(step: MigrationStep) -> str:
    """The line of the call that runs a step's function, with its file when the function is written in
    another (a file the script dot-sources)."""
    called = step.called_at
    assert called is not None
    return f"line {called.line}" if called.path == step.mark.path else f"{called.path} line {called.line}"


def _what(step: MigrationStep) -> str:
    scope = step.scope.replace("-", " ")
    if step.target:
        return f"{scope} '{step.target}'"
    return f"the {scope} {step.unstated_shown} names" if step.unstated_shown else f"the {scope}"


def _defined_name(estate: Estate, ref: NameRef) -> str:
    """A network's name as the file that defines it spells it; as `ref` writes it when no file does."""
    network = estate.network_named_at(ref)
    return network.name if network is not None and network.defined else ref.name
