"""The link stage: the resources every reader produced become one `Estate` per subscription, where each
resource is held once, with every place that describes it, and every name is resolved once.

This is the only module that joins names (case-insensitively, as the platform does). Rules read the
result; they never look a name up, never merge two descriptions, and never ask which format a fact came
from. What link does, in order:

1. **Subscriptions.** Documents are split into subscriptions (`subscriptions.py`); nothing is linked
   across two of them. Inventory exports that hold the classic resources of further subscriptions give
   each of those an estate of its own (`Estate.exported`).
2. **Networks.** Every definition of a virtual network (a netcfg `VirtualNetworkSite`, a REST
   `VirtualNetworkSite`) is grouped by name into one `Network`, with its local network sites and DNS
   servers resolved. Definitions that disagree are a `Conflict`.
3. **Cloud services and placements.** A `.csdef` and the `.cscfg` files beside it, a REST deployment, and a
   folder of Export-AzureVM files each describe a cloud service. Every deployed configuration or deployment
   becomes a `Placement`: its roles with every fact joined (csdef role ↔ cscfg settings ↔ endpoint ACLs ↔
   instance subnets; REST role ↔ Export-AzureVM file), its network, reserved IPs and DNS servers.
4. **Storage.** Disks and images are held once each (a disk in a VM's body and in a `Disks` list is one
   disk), grouped into storage accounts by their blob URL.
5. **Dangling names.** Every reference that resolves to nothing is recorded once, for MIG003.

A packaged service that a deployment template or a script deploys as Cloud Services (extended support) is
not classic: it is set apart (`Estate.extended_support`) before anything else joins the cloud services,
and takes no part in what follows (see `_extended_support`). Its own files are still checked against each
other (a configuration's role its definition lacks is dangling whichever platform deploys it). One such
service that no file checked defines is set apart likewise, known from the template or script alone.

Where a link cannot be made because the files do not say (a VNet named but no netcfg checked, a cscfg
without its csdef), it is left open and rules that need it stay silent: they never guess.
"""

from __future__ import annotations

import bisect
import fnmatch
import functools
import itertools
import os
import posixpath
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import field, replace
from itertools import chain, compress
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, TypeVar

from migcheck import inventory_model as inv
from migcheck import model, stand_in_files
from migcheck.automation import VPN_SITE_EVIDENCE
from migcheck.clouds import cloud_of_url
from migcheck.config import one_slip
from migcheck.discover import published_project, written_tail
from migcheck.formats import byte_format, is_script, no_extension
from migcheck.inventory_model import Inventory, own_type
from migcheck.model import (
    EVERY_NETWORK,
    UNSTATED_SUBSCRIPTION,
    VM_FACTS,
    AddressPrefix,
    AffinityGroupRegion,
    ClassicCall,
    CloudInUse,
    ConnectionState,
    Deployment,
    Disk,
    DiskPlace,
    DnsServer,
    Document,
    EndpointAcl,
    ExtendedSupportService,
    Extension,
    FileKind,
    Gateway,
    GatewayConnection,
    Image,
    InputEndpoint,
    InstanceAddress,
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
    RoleSettings,
    RoleType,
    RouteTable,
    Script,
    ServiceConfiguration,
    ServiceDefinition,
    StorageAccountType,
    Subnet,
    SubscriptionSelection,
    UnplacedDisk,
    VirtualNetwork,
    VnetGatewayFact,
    common_branches,
    held_by_no_subnet,
    is_placeholder,
    is_stand_in,
    refused_static_address,
    says_where,
    stand_in_file,
    subnet_holding,
)
from migcheck.retirements import EXTENDED_SUPPORT_DEPRECATED, EXTENDED_SUPPORT_RETIRES
from migcheck.rule import listed
from migcheck.stand_in_files import file_at, shown_file
from migcheck.subscriptions import (
    DEFAULT_SUBSCRIPTION,
    folder_of,
    named_folder,
    selected_where,
    split_subscriptions,
)

if TYPE_CHECKING:
    from migcheck.discover import FirstMatch

T = TypeVar("T")


def key(name: str) -> str:
    """Names compare as the platform compares them. A name already so written is its own key: keys are
    kept in the estate's indexes, and most names are written in lower case."""
    folded = name.strip().casefold()
    return name if folded == name else folded


# The marks of the variables deployment pipelines replace in a file before it is deployed: Octopus Deploy
# (`#{VNetName}`) and Azure DevOps' replace-tokens (`#{VNetName}#`, which the first mark covers), others
# (`__VNetName__`), Azure DevOps macros (`$(VNetName)`), shell and template substitution (`${VNetName}`,
# `{{VNetName}}`), .NET format items (`{0}`).
_TOKEN_MARKS = (("#{", "}"), ("$(", ")"), ("${", "}"), ("{{", "}}"))


def is_pipeline_token(name: str) -> bool:
    """Whether `name` is, or holds, a pipeline token (see `_TOKEN_MARKS`): a variable the file's pipeline
    replaces, not a name. Two files that write one token may be given two values (a development and a
    production configuration): the estate links nothing through it (see `join_key`)."""
    # Every token holds one of these (a `{`, `$(` or `__`), nearly every name none: such a name is not
    # looked up in the cache, which an inventory's tens of thousands of disk names and blobs overran.
    if "{" not in name and "$(" not in name and "__" not in name:
        return False
    return _holds_pipeline_token(name)


@functools.lru_cache(maxsize=4096)  # the same few names in file after file; bounded against a hostile one
def _holds_pipeline_token(name: str) -> bool:
    name = name.strip()
    for start, end in _TOKEN_MARKS:
        at = name.find(start)
        if at >= 0 and name.find(end, at + len(start) + 1) > at:
            return True
    return _holds_format_item(name) or _holds_underscore_token(name)


def _holds_format_item(name: str) -> bool:
    """`{0}`, alone or in a name (`vnet-{0}`): digits between a `{` and the next `}`."""
    if "}" not in name:  # nearly every name: not walked character by character
        return False
    opened = -1
    for at, char in enumerate(name):
        if char == "{":
            opened = at
        elif char == "}" and opened >= 0:
            if at > opened + 1 and name[opened + 1 : at].isdigit():
                return True
            opened = -1
    return False


# What a variable's name between double underscores may hold (`__Release.EnvironmentName__`, `__vnet-name__`).
_TOKEN_NAME = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")


def _holds_underscore_token(name: str) -> bool:
    """`__Name__`, the whole name or a part set off by a character that is no letter or digit
    (`app-__Env__`): between letters or digits (`prod__vnet__01`) double underscores are part of a name."""
    start = name.find("__")
    while start >= 0:
        end = name.find("__", start + 3)
        if end < 0:
            return False
        inner = name[start + 2 : end]
        before = name[start - 1] if start else ""
        after = name[end + 2] if end + 2 < len(name) else ""
        if (
            inner[0] not in "_.-"
            and set(inner) <= _TOKEN_NAME
            and not before.isalnum()
            and not after.isalnum()
        ):
            return True
        start = name.find("__", start + 2)
    return False


def join_key(name: str, mark: Mark, kind: str = "") -> str:
    """What names join by across the files: `key`, but for a name that is its file's own (`file_own`),
    which joins only what the same file writes with it (its own deployments, its own references to one
    network). `kind`: the type of resource named (`SERVICE_KIND`), where a name it cannot have is a
    placeholder too (`model.cannot_name`: `'Cloud Service Name'`)."""
    return f"{key(name)}\0{owner_of(mark, name)}" if file_own(name, kind) else key(name)


# The kind `join_key` and `model.cannot_name` know a cloud service's name by.
SERVICE_KIND = "CloudService"


# Terraform reads every configuration file of a folder as one module: a value one of them does not state is
# the module's, named alike in each (`readers.terraform`).
_MODULE_FILES = (".tf", ".tf.json")


def owner_of(mark: Mark, name: str = "") -> str:
    """What a file's own name (`file_own`) names things of: the file, but a Terraform configuration's
    module, all the configuration files of its folder; a script beside them stays its own. A stand-in
    `name` that says another file than `mark`'s (`<virtual network name, common.sh:3:1>`, a blank a settings
    file leaves, which the scripts beside it source) is that file's, one value for each of them."""
    if mark.path.endswith(_MODULE_FILES):
        return f"{posixpath.dirname(mark.path)}/*.tf"
    said = stand_in_file(name)
    if said and said != posixpath.basename(mark.path):
        return posixpath.join(posixpath.dirname(mark.path), said)
    return mark.path


# Asked of the same few names again and again (each network's name by every placement and script that names
# it, each service's by the link and the summary): 3,738 times for 1,577 names on a 4,000-file estate, each
# answer a dozen string tests. Bounded against a hostile estate's names.
@functools.lru_cache(maxsize=4096)
def file_own(name: str, kind: str = "") -> bool:
    """Whether `name` names only what its own file writes with it: a pipeline token, which is no name
    (two files that write one may be given two values), a stand-in that says where a script passes a
    value it does not state (`model.says_where`), which names the file by its name only, so that it reads
    alike from any working directory: a copy of the script in another folder passes a value of its own;
    or a placeholder the file leaves to fill in (`model.is_placeholder`: `'[MY VM NAME]'`,
    `'<your-service>'`, `'%s-vnet'`), which no resource can be named: two template scripts that write one
    are filled in by their users, each with names of its own; so is a name a resource of `kind` cannot
    have (`'Cloud Service Name'`)."""
    return is_pipeline_token(name) or says_where(name) or is_placeholder(name, kind)


def named(name: str, kind: str = "") -> str:
    """A name quoted for a message, said to be a pipeline token, or a placeholder (`'<<CONFIGURE>>'`, a
    name a resource of `kind` cannot have: see `model.is_placeholder`), where it is one: not a name the
    platform knows."""
    if is_placeholder(name, kind):
        return f"'{name}' (a placeholder the file leaves to fill in)"
    return f"'{name}' (a pipeline token)" if is_pipeline_token(name) else f"'{name}'"


# --- linked resources ------------------------------------------------------------------------------


@model.record
class Dangling:
    """A name that points at nothing: `ref` is where it is written, `target` the type it should name."""

    kind: ClassVar[str] = "Reference"
    ref: NameRef
    target: str  # "VirtualNetwork", "Subnet", "AccessControl", "Role", "InputEndpoint", "DnsServer", ...
    message: str
    fix: str = ""  # what to do, where it is more than the rule's own advice (MIG003's)

    @property
    def name(self) -> str:
        return self.ref.name

    @property
    def mark(self) -> Mark:
        """Where the name is written: the value of the attribute that writes it, in the XML files that name
        things by attributes (a .cscfg, a .netcfg), else where the reader marked it."""
        mark = self.ref.mark
        attribute = _NAMED_BY.get((mark.tag.rpartition(":")[2], self.target)) if mark.tag else None
        return model.at_attribute(mark, attribute) if attribute else mark


def _subnet_names(network: Network) -> frozenset[str] | None:
    """The names (by `key`) of a network's subnets; None where one is a name the script that makes it does
    not state (`network vnet create -n $SUBNET`): that subnet may be any name another file gives."""
    if network.definitions and not any(v.subnets_known for v in network.definitions):
        return None  # described only by an export's row that leaves its subnets out: any may be the network's
    names = frozenset(key(s.name) for s in network.subnets)
    return None if any(is_stand_in(s.name) for s in network.subnets) else names


# The attribute that names a target of a kind in an element (local name, target kind): a .cscfg's and a
# .netcfg's references are attributes, which a finding about the name points at.
_NAMED_BY = {
    ("ServiceConfiguration", "ServiceDefinition"): "serviceName",
    ("Role", "Role"): "name",
    ("InstanceAddress", "Role"): "roleName",
    ("EndpointAcl", "Role"): "role",
    ("EndpointAcl", "AccessControl"): "accessControl",
    ("EndpointAcl", "InputEndpoint"): "endpoint",
    ("VirtualNetworkSite", "VirtualNetwork"): "name",
    ("Subnet", "Subnet"): "name",
    ("FrontendIPConfiguration", "Subnet"): "subnet",
    ("ReservedIP", "ReservedIp"): "name",
    ("DnsServerRef", "DnsServer"): "name",
    ("LocalNetworkSiteRef", "LocalNetworkSite"): "name",
}


@model.record
class Conflict:
    """Two descriptions of one resource that disagree. `mark` is the description that was not kept (the
    finding points there), `kept` the one the estate uses; each of the `differences` gives the value
    written at `mark` first, then the kept one."""

    kind: str  # the resource type
    name: str
    mark: Mark
    kept: Mark
    differences: tuple[str, ...]
    called: str = ""  # what a message calls it where its type's words do not: a role that is a VM
    # The cloud service a role, VM or deployment is of, where the files name it (see `service_named`): two
    # services may each hold a VM of one name, so a message says which.
    service: str = ""


@model.record
class Placement:
    """One deployment of a cloud service, as the platform would validate it: a deployed `.cscfg` with the
    `.csdef` beside it, a REST deployment, or VMs whose files do not say how they are deployed
    (Export-AzureVM files, a lone `.csdef`).

    `network_known` says whether the files state the virtual network either way (a cscfg or REST
    deployment without one means none); `endpoints_known` whether they list every input endpoint of
    every role (not for a cscfg without its csdef, nor for REST bodies of web/worker roles, which list
    endpoints per instance)."""

    kind: ClassVar[str] = "Deployment"
    name: str
    mark: Mark
    roles: tuple[Role, ...]
    network_known: bool
    endpoints_known: bool
    virtual_network: NameRef | None = None
    reserved_ips: tuple[NameRef, ...] = ()
    dns_servers: tuple[DnsServer, ...] = ()
    instances: tuple[RoleInstance, ...] = ()
    # Whether `reserved_ips` is the whole list: not for VMs only an inventory export describes when it
    # lists no reserved IP at all (it may have left them out).
    reserved_ips_known: bool = True
    # Subnets a configuration assigns to a role its definition lacks (that role is MIG003's): still
    # names to resolve in the placement's network.
    stray_subnets: tuple[NameRef, ...] = ()
    # Its internal load balancers, whose frontends are in subnets of its network too.
    internal_load_balancers: tuple[model.InternalLoadBalancer, ...] = ()
    other_vips: tuple[NameRef, ...] = ()  # `Deployment.other_vips`
    # Whether `name` is the deployment's name as the platform knows it (a REST body's or a script's
    # `Name`, an export's), not a file's or a folder's: what a list naming the deployment is matched with.
    deployment_named: bool = False
    # Whether `name` is its service's, taken by a script's reader for a deployment that may exist before
    # the script under another name (`Deployment.name_assumed`): a placeholder of the service's is then none
    # of the deployment's.
    name_assumed: bool = False
    # The deployment's slot (Production, Staging) where the files state it (`Deployment.slot`: a REST
    # body's `DeploymentSlot`, a script's), "" where they do not (a .cscfg says nothing of slots): what an
    # export's reserved IP bound to a slot joins (see `_InventoryVms._join_reserved_ips`).
    slot: str = ""
    # The subnets its network was inferred from, when no file states the network (an Export-AzureVM file)
    # and one network of the files alone defines the subnets its VMs are in (`_in_networks_of_subnets`).
    network_inferred_from: tuple[NameRef, ...] = ()
    # The files may not hold all its VMs (`Deployment.partly_described`): every description of it is a
    # script's addition to, or change of, a deployment it does not create; none creates it, lists it
    # whole (a REST body) or shows it as it stands (an export).
    partly_described: bool = False
    # The file that describes it, where that is not the one its mark is in (`Deployment.described_in`).
    described_in: str = ""
    # Created by a file that names no network though its VMs name subnets (`Deployment.subnets_without_network`):
    # its network is not inferred from the subnets' names.
    subnets_without_network: bool = False
    # What `vms`, `web_worker_roles` and `listed_vms` computed: every rule asks, and the editor keeps the
    # object. Slots, not a dict of them: a dict was 184 bytes of each of 13,000 placements at 40,000 files.
    _vms: tuple[Role, ...] | None = field(default=None, init=False, repr=False, compare=False)
    _web_worker_roles: tuple[Role, ...] | None = field(default=None, init=False, repr=False, compare=False)
    _listed_vms: tuple[Role, ...] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def vms(self) -> tuple[Role, ...]:
        vms = self._vms
        if vms is None:
            vms = _all_or_some(self.roles, tuple(r for r in self.roles if r.is_vm))
            object.__setattr__(self, "_vms", vms)
        return vms

    @property
    def listed_vms(self) -> tuple[Role, ...]:
        """Its VMs as lists and counts say them. A load-balanced set groups endpoints of the deployment's own
        VMs, so the stand-in for the VMs of a set a change names (`Role.stands_for_set`) is none of them
        where the files hold every VM of the deployment and show some: those VMs are the set's. Where they
        may not (`partly_described`), or show none, it stays, said as what it is, never counted as one VM."""
        vms = self._listed_vms
        if vms is None:
            own = tuple(vm for vm in self.vms if not vm.stands_for_set)
            vms = own if own and not self.partly_described else self.vms
            object.__setattr__(self, "_listed_vms", vms)
        return vms

    @property
    def imports_unseen_export(self) -> bool:
        """Whether a script creates a VM of it from an Export-AzureVM file that is not among the files
        checked, or from a classic CLI role file it lacks (`Role.from_unseen_file`): what Validate reads of
        that VM (endpoints, subnets, availability set, extensions) no file shows."""
        return any(vm.from_unseen_file for vm in self.vms)

    @property
    def vm_instances(self) -> Iterator[tuple[Role, RoleInstance]]:
        """Each runtime instance a body reports, with the VM it is an instance of."""
        vms = {key(vm.name): vm for vm in self.vms}
        for instance in self.instances:
            vm = vms.get(key(instance.role))
            if vm is not None:
                yield vm, instance

    @property
    def web_worker_roles(self) -> tuple[Role, ...]:
        roles = self._web_worker_roles
        if roles is None:
            roles = _all_or_some(
                self.roles, tuple(r for r in self.roles if not r.is_vm and not r.kind_unsaid)
            )
            object.__setattr__(self, "_web_worker_roles", roles)
        return roles

    @property
    def unsorted_roles(self) -> tuple[Role, ...]:
        """Its roles an export lists without saying whether each is a VM or a web or worker role, and no
        other file tells (`Role.kind_unsaid`): neither its VMs nor its web/worker roles."""
        return tuple(r for r in self.roles if r.kind_unsaid)

    @property
    def may_hold_undescribed_vms(self) -> bool:
        """Whether the files may not describe every VM of it: a script's partial description
        (`partly_described`), or roles of a kind no file says, any of which may be a VM."""
        return self.partly_described or bool(self.unsorted_roles)


def _all_or_some(roles: tuple[Role, ...], kept: tuple[Role, ...]) -> tuple[Role, ...]:
    """`kept`, some of `roles` in their order, as the very tuple `roles` where it is all of them: a
    placement's roles are most often all web/worker roles or all VMs, and one tuple is held, not two."""
    return roles if len(kept) == len(roles) else kept


# A role body on its own names neither its deployment nor its service: the service stands in under the
# name of its VM ("role") or of its file ("file"), which no message or command may present as the service's.
UNNAMED_BY_ROLE = frozenset({"role", "file"})


@model.record
class BoundReservedIp(NameRef):
    """A reserved IP an inventory export binds to a cloud service and not to one of its deployments
    (`CloudService.bound_reserved_ips`), with the slot the export's id names (`.../slots/Staging`), ""
    when it names none: the files then do not say which deployment is in that slot."""

    slot: str = ""


@model.record
class CloudService:
    """One cloud service, from every file that describes it, with its placements."""

    kind: ClassVar[str] = "CloudService"
    name: str
    mark: Mark
    placements: tuple[Placement, ...] = ()
    definition: ServiceDefinition | None = None
    configurations: tuple[ServiceConfiguration, ...] = ()  # every one, the local emulator's too
    # The other definitions of the service's name in its project (`ServiceDefinition.Original.csdef`
    # beside `ServiceDefinition.csdef`): copies, not deployed; `definition` is the one that is (see
    # `_deployed_first`). Compared with it (MIG004), never checked themselves.
    definition_copies: tuple[ServiceDefinition, ...] = ()
    # "files", or what the service is named after when no file names it: "deployment", "folder" (the
    # Export-AzureVM files of a folder), "role" or "file" (a role body on its own: its VM, or its file)
    named_by: str = "files"
    # Of a service named after its deployment, where the script passes the service's name it does not
    # state: its stand-in there (`Deployment.service_stand_in`), in place of the deployment's.
    service_stand_in: str = ""
    # Of such a service a script creates in each round of a loop, named by the loop's item: the list it
    # loops over (`Deployment.service_looped_over`). It stands for one service per item, 1 or more.
    looped_over: str = ""
    # Where the service comes from (`origins`), when what stands in for its name no file states is
    # another's too (two REST bodies of deployment `prod`, each `deployment.xml`, in folders `svc1` and
    # `svc2`): told apart in that stand-in, so that one label names one service everywhere.
    told_apart: str = ""
    # The path its file is named by where another file of the run has its name (`stand_in_files`): what
    # stands in for its name names the file by it (`<cloud service of deployment prod, a/deploy.py:4>`).
    file_shown: str = ""
    # The reserved IPs an inventory export binds to the service (`attachedTo`) that no deployment of the
    # files names, where the service has several: the VIP of one of them, the export does not say which
    # slot's, or the files do not say which deployment is in the slot it names (see
    # `_InventoryVms._join_reserved_ips`). They move with the service's migration all the same.
    bound_reserved_ips: tuple[BoundReservedIp, ...] = ()
    # Of a packaged service: a placement for each of its configurations, the local emulator's too, in their
    # order. A deployment that names one of them (a publish profile's `AzureServiceConfiguration`, a script's
    # `-Configuration`) is made of that one (see `_named_as_deployed`), whatever its name.
    configured: tuple[Placement, ...] = field(default=(), compare=False, repr=False)
    # What `label`, `roles`, `vms` and `listed_vms` computed: every rule asks, and the editor keeps the object. Slots, not
    # a dict of them: a dict was 184 bytes of each of 13,000 services at 40,000 files.
    _label_computed: str | None = field(default=None, init=False, repr=False, compare=False)
    _roles: tuple[Role, ...] | None = field(default=None, init=False, repr=False, compare=False)
    _vms: tuple[Role, ...] | None = field(default=None, init=False, repr=False, compare=False)
    _listed_vms: tuple[Role, ...] | None = field(default=None, init=False, repr=False, compare=False)

    def deploys(self, configuration: ServiceConfiguration) -> bool:
        """Whether a deployment of the service is made of `configuration`: one of its placements is."""
        return any(p.mark == configuration.mark for p in self.placements)

    @property
    def reserved_ip_refs(self) -> Iterator[NameRef]:
        """The reserved IPs the service uses: those its deployments name, then those an inventory export
        binds to the service whatever its slot (`bound_reserved_ips`)."""
        yield from (ref for placement in self.placements for ref in placement.reserved_ips)
        yield from self.bound_reserved_ips

    @property
    def name_kind(self) -> str:
        """The kind `model.cannot_name` tells the service's name as: a cloud service's where the files name
        the service; none where a service definition or configuration states it, whose name is the service
        model's (a project's), not the one the service is deployed under, or where no file names it."""
        stated = self.named_by == "files" and self.definition is None and not self.configurations
        return "CloudService" if stated else ""

    @property
    def label(self) -> str:
        """How messages name the service: by its name, or say what it is named after instead."""
        label = self._label_computed
        if label is None:  # asked of every service by the rules, the readiness summary and the plan
            label = self._label()
            object.__setattr__(self, "_label_computed", label)
        return label

    def _label(self) -> str:
        if self.stand_in:  # a script that does not state the service's name: the service is what is unknown
            return f"cloud service '{self.stand_in}'"
        if self.named_by == "deployment":  # a body that names no service may name no deployment either
            return f"deployment '{self.name}'" if self.name.strip() else "a deployment its body does not name"
        if self.named_by in UNNAMED_BY_ROLE:
            return "a cloud service the files do not name"
        if self.named_by == "folder":  # Export-AzureVM files do not name their service
            return f"cloud service '{self.name}' (named after its folder)"
        return f"cloud service {named(self.name, self.name_kind)}"

    @property
    def stand_in(self) -> str:
        """The stand-in of a service a script creates the deployment of under a name it does not state
        (New-AzureVM names the deployment after the service): `<cloud service name, deploy.ps1:3>`, one per
        value, for lists, resource groups and commands; "" for any other service."""
        return self._told_apart(self._stand_in())

    def _stand_in(self) -> str:
        if self.named_by == "deployment" and self.service_stand_in:
            return self.service_stand_in
        if self.named_by == "deployment" and self.name.startswith(_UNSTATED_DEPLOYMENT):
            return "<cloud service name" + self.name.removeprefix(_UNSTATED_DEPLOYMENT)
        return ""

    def _told_apart(self, stand_in: str) -> str:
        """`stand_in` with where the service comes from, when another's reads alike (`told_apart`): its
        folder (`<cloud service of deployment prod, deployment.xml in svc1>`), or its file's line in place
        of the file it names (`<cloud service of deployment prod, deploy.py:12>`)."""
        if not (stand_in and self.told_apart and stand_in.endswith(">")):
            return stand_in
        file = posixpath.basename(self.mark.path)
        if stand_in.endswith(f", {file}>") and posixpath.basename(self.told_apart).partition(":")[0] == file:
            return f"{stand_in.removesuffix(f'{file}>')}{self.told_apart}>"
        return f"{stand_in[:-1]} in {self.told_apart}>"

    @property
    def listed_name(self) -> str:
        """How lists (the readiness summary, the plan's steps) name the service: by its name, or by what
        stands in for it when no file names it (the VM or the file of a role body, the deployment of a
        deployment body), told apart from another's of the same words (`told_apart`)."""
        if self.stand_in:
            return self.stand_in
        return self._told_apart(self._listed_name())

    def _listed_name(self) -> str:
        if self.named_by == "role":
            # A VM no file names stands as what it is (`<VMs of load-balanced set web>`): not nested.
            if self.name.startswith("<") and self.name.endswith(">"):
                return f"<cloud service of the {self.name[1:-1]}>"
            return f"<cloud service of VM {self.name}>"
        if self.named_by == "file":
            return f"<cloud service of {self.file_shown or posixpath.basename(self.mark.path)}>"
        if self.named_by == "deployment":
            # No file names the service (a REST body that names none, a script that builds the name at run
            # time): the deployment's name is no service's. The file tells apart two of one deployment name
            # (request bodies reuse sample names); in a script, the line too, as its other stand-ins say it:
            # where to fill the name in, and which of two calls it is (deployments of one name in services
            # given by sys.argv[1] and sys.argv[2]).
            where = self.file_shown or posixpath.basename(self.mark.path)
            if is_script(self.mark.path) and self.mark.line:
                where = f"{where}:{self.mark.line}"
            return (
                f"<cloud service of deployment {self.name}, {where}>"
                if self.name.strip()
                else f"<cloud service of {where}>"
            )
        return self.name

    @property
    def roles(self) -> tuple[Role, ...]:
        """The service's web/worker roles, once each however many placements deploy them."""
        roles = self._roles
        if roles is None:
            roles = _once_each([p.web_worker_roles for p in self.placements])
            object.__setattr__(self, "_roles", roles)
        return roles

    @property
    def looped_changes_only(self) -> bool:
        """Of a service a script names by the item of a loop (`looped_over`): whether each round only changes
        VMs it takes from a query (`Get-AzureVM -ServiceName $r.Svc -Name $r.Vm | … | Update-AzureVM`,
        `Role.changes_existing`), so the services are changed in the loop, not created there."""
        return bool(self.looped_over and self.vms and not self.roles) and all(
            vm.changes_existing for vm in self.vms
        )

    @property
    def vms(self) -> tuple[Role, ...]:
        vms = self._vms
        if vms is None:
            vms = _once_each([p.vms for p in self.placements])
            object.__setattr__(self, "_vms", vms)
        return vms

    @property
    def listed_vms(self) -> tuple[Role, ...]:
        """Its VMs as lists and counts say them (`Placement.listed_vms`), each once."""
        vms = self._listed_vms
        if vms is None:
            vms = _once_each([p.listed_vms for p in self.placements])
            object.__setattr__(self, "_listed_vms", vms)
        return vms

    @property
    def availability_sets(self) -> dict[str, tuple[Role, ...]]:
        """The service's VMs by availability set (names compared without regard to case, keyed as first
        written), in the order first met; VMs in none are not listed."""
        sets: dict[str, list[Role]] = {}
        names: dict[str, str] = {}
        for vm in self.vms:
            if vm.availability_set:
                name = names.setdefault(key(vm.availability_set), vm.availability_set)
                sets.setdefault(name, []).append(vm)
        return {name: tuple(vms) for name, vms in sets.items()}

    @property
    def network_known(self) -> bool:
        return any(p.network_known for p in self.placements)

    @property
    def partly_described(self) -> bool:
        """Whether a deployment of the service may hold VMs no file describes (`Placement.partly_described`):
        what needs all of them (availability sets, the VIP, addresses) the files cannot decide. Roles of a
        kind no file says (`Placement.unsorted_roles`) may be such VMs too."""
        return any(p.may_hold_undescribed_vms for p in self.placements)

    @property
    def unsorted_roles(self) -> tuple[Role, ...]:
        """Its roles of a kind no file says (`Placement.unsorted_roles`), each once."""
        return unique_by_name(r for p in self.placements for r in p.unsorted_roles)

    @property
    def imports_unseen_export(self) -> bool:
        """Whether a VM of the service is created from an Export-AzureVM file the files checked lack
        (`Placement.imports_unseen_export`): whether Validate passes it the files cannot decide."""
        return any(p.imports_unseen_export for p in self.placements)

    @property
    def virtual_network_refs(self) -> tuple[NameRef, ...]:
        """Every place that puts this service in a virtual network."""
        return tuple(p.virtual_network for p in self.placements if p.virtual_network is not None)


@model.record
class ExtendedSupport:
    """A cloud service that a deployment template or a script deploys as Cloud Services (extended support),
    with the first evidence of it: a packaged service (a .csdef and the .cscfg files beside it), or, where
    the evidence names none of the files checked, one known from the evidence alone (`packaged` false: no
    definition, no configuration, no roles). It is not a classic resource: it is kept out of
    `Estate.cloud_services`, so that no rule about the classic migration, nor the readiness summary or the
    plan, sees it, and one rule reports it (MIG101)."""

    kind: ClassVar[str] = "CloudService"
    service: CloudService
    evidence: ExtendedSupportService

    @property
    def name(self) -> str:
        return self.service.name

    @property
    def packaged(self) -> bool:
        """Whether a definition or configuration of the service is among the files checked."""
        return self.service.definition is not None or bool(self.service.configurations)

    @property
    def mark(self) -> Mark:
        return self.service.mark


@model.record
class Network:
    """A virtual network: every definition of it (the first is the one its address space and which
    subnets it has are read from), its gateway and DNS servers as all of them state them, what that gateway
    connects to (resolved), its subnets with what each description says of them, and the placements in it.
    A network that a service is placed in but no file defines has no definitions."""

    kind: ClassVar[str] = "VirtualNetwork"
    name: str
    mark: Mark
    definitions: tuple[VirtualNetwork, ...] = ()
    local_sites: tuple[LocalNetworkSite, ...] = ()  # the sites its gateway connects to, once each
    # Every DNS server the definitions state (resolved), once each, marked where it is defined (see
    # `_Linker._network_dns_servers`).
    dns_servers: tuple[DnsServer, ...] = ()
    members: tuple[tuple[CloudService, Placement], ...] = ()
    vpn_sites: tuple[LocalNetworkSite, ...] = ()  # those reached by site-to-site VPN (not ExpressRoute)
    # Every connection and client pool prefix the definitions state, each marked where it is written
    # (see `_merged_gateway`), so that each fact either states is checked, naming its file. MIG301 looks
    # at each definition's gateway apart: two definitions are alternatives, not one gateway with both.
    gateway: Gateway | None = None
    # The first definition's subnets, with the security group and route table another states (see
    # `_merged_subnets`).
    subnets: tuple[Subnet, ...] = ()
    # Those of `definitions` that an inventory export gives: a snapshot of the network as deployed, which
    # no one edits to fix it, unlike a network configuration or a REST body (see MIG304).
    exported_definitions: tuple[VirtualNetwork, ...] = ()
    # Of a network bound to an affinity group (its `definition`'s `AffinityGroup`): where the files create
    # that group, in the region the network is in (see `affinity_group_regions`); None where they create it
    # in no region, or in several.
    group_region: AffinityGroupRegion | None = None
    # The VPN connections scripts make to local sites the files define that no definition's gateway
    # connects to (`Set-AzureVNetGateway -Connect`, `azure network vnet local-network add`, the request
    # either sends, or a shared key set, which only such a connection has), each marked at its first call:
    # their sites are among `local_sites` and `vpn_sites`, as a network configuration's connections are.
    scripted_connections: tuple[GatewayConnection, ...] = ()

    @property
    def defined(self) -> bool:
        return bool(self.definitions)

    @property
    def connections(self) -> tuple[GatewayConnection, ...]:
        """Every connection of the network's gateway: its definitions' (`gateway`), then the scripts'."""
        described = self.gateway.connections if self.gateway is not None else ()
        return (*described, *self.scripted_connections)

    @property
    def definition(self) -> VirtualNetwork | None:
        """The definition that says where the network is (a region or an affinity group): the first that
        states either, else the first. One that leaves both out says less, it does not disagree (MIG004)."""
        return _placing(self.definitions)

    @property
    def regions(self) -> tuple[str, ...]:
        """The regions the files place the network in, as written: each definition's `Location`, and that of
        the affinity group it is bound to (`group_region`)."""
        written = (v.location for v in self.definitions)
        group = (self.group_region.location,) if self.group_region is not None else ()
        return tuple(dict.fromkeys(r.strip() for r in (*written, *group) if r.strip()))

    @property
    def address_space(self) -> tuple:
        return self.definitions[0].address_space if self.definitions else ()

    @property
    def services(self) -> tuple[CloudService, ...]:
        """The cloud services placed in it, once each (by identity: hashing a service would walk it)."""
        seen: dict[int, CloudService] = {}
        for service, _ in self.members:
            seen.setdefault(id(service), service)
        return tuple(seen.values())


# How a script's stand-in for a deployment name it does not state begins (`<deployment name, deploy.ps1:4>`).
_UNSTATED_DEPLOYMENT = "<deployment name"


@model.record
class ScriptedGateway:
    """What scripts say of the gateway of one virtual network they name (`VnetGatewayFact`), whether or
    not a file defines the network: named as its first fact writes it, the facts in file order, each
    script's in the order it states them."""

    kind: ClassVar[str] = "VirtualNetwork"
    name: str
    mark: Mark  # the first fact
    facts: tuple[VnetGatewayFact, ...]


@model.record
class StorageAccount:
    """A storage account, known from the blob URLs of the disks and images in it."""

    kind: ClassVar[str] = "StorageAccount"
    name: str
    mark: Mark
    disks: tuple[Disk, ...] = ()
    images: tuple[Image, ...] = ()


# How a reader's stand-in describes a VM a file does not name (`<the VM its request URI names>`); no VM's
# name holds a space, so none begins so.
DESCRIBED_VM = "the VM "


class VmElsewhere(NamedTuple):
    """A VM no file checked describes that a disk in a storage account is attached to: its name, and its
    cloud service and deployment where a disk's description states them ("" where none does). A VM a file
    describes without naming it (an Add Data Disk body's, which its request URI names) has no name, and
    the words that describe it instead."""

    name: str
    service: str
    deployment: str
    description: str = ""

    @property
    def said(self) -> str:
        """The VM's name, or what describes it."""
        return self.name or self.description


class Circuit(NamedTuple):
    """An ExpressRoute circuit the subscription's networks are linked to, that the platform moves to
    Resource Manager before them (see `Estate.circuits`)."""

    name: str  # the local network site its networks' connections name, else its service key, else a file
    behind: str  # the words that say which circuit it is: "behind local network site 'x'"
    networks: tuple[Network, ...]  # each once, in the order they were found linked to it
    # (service key, where a script writes it) of each key the scripts link its networks with, in file order.
    service_keys: tuple[tuple[str, str], ...]
    authorizations: tuple[inv.LinkAuthorization, ...]  # the link authorizations that are its
    # The file that creates it in this subscription (`New-AzureDedicatedCircuit`) and links its networks by
    # the service key that call outputs, "" for none: `name` is then the circuit's own.
    created_by: str = ""
    # Whether its one service key is the one a script moves a circuit with (`Move-AzExpressRouteCircuit
    # -ServiceKey`), no script linking its networks by a key (see `_moved_key`), not a link's.
    key_moved: bool = False
    # The file that links its networks by the service key it finds by the circuit's name
    # (`(Get-AzureDedicatedCircuit | Where-Object CircuitName -eq x).ServiceKey`), "" for none: `name` is
    # then the circuit's own, of this subscription (the cmdlet lists its circuits only).
    found_by: str = ""

    @property
    def named_by(self) -> str:
        """The file that names the circuit by its own name, creating it or finding its key by it; "" for none."""
        return self.created_by or self.found_by

    @property
    def listed_name(self) -> str:
        """How the plan's step and the readiness summary name it: by the name the files identify it by (a
        service key is stated, or a file creates it or finds its key by its name), else by what it is
        linked to."""
        if self.service_keys or self.named_by:
            return self.name
        return f"<circuit linked to {', '.join(n.name for n in self.networks)}>"


@model.record
class ConfigurationApart:
    """A deployed configuration of a cloud service that places it in a virtual network no file defines and
    nothing else names, while another deployed configuration of the service (`others`) places it in none or
    in another (`ServiceConfiguration.Cloud.ARM.cscfg` for Cloud Services (extended support), whose network
    is a Resource Manager one, beside the classic `ServiceConfiguration.Cloud.cscfg`). The files do not say
    which is deployed in the classic service, nor that the network is classic: no step moves it; the plan
    says so in a note. Its roles are the other configurations' deployment's."""

    service: str  # the service's label
    network: NameRef
    mark: Mark  # the configuration's
    others: tuple[Mark, ...]  # the service's other deployed configurations
    other_networks: tuple[str, ...]  # the networks they place it in, "" for none, in their order


def _configurations_apart(
    services: tuple[CloudService, ...], defined: set[str]
) -> tuple[tuple[CloudService, ...], tuple[ConfigurationApart, ...]]:
    """The services, without each deployed configuration that is a `ConfigurationApart`, and those."""
    named = Counter(key(p.virtual_network.name) for s in services for p in s.placements if p.virtual_network)
    # The networks no file defines that one placement alone names: most estates define every network they
    # name, and a service placed in none of these has no configuration apart.
    lonely = {n for n, placed in named.items() if placed == 1 and n and n not in defined}
    if not lonely and not any(_in_resource_manager_network(p) for s in services for p in s.placements):
        return services, ()
    kept: list[CloudService] = []
    apart: list[ConfigurationApart] = []
    for service in services:
        if not any(_network_key(p) in lonely or _in_resource_manager_network(p) for p in service.placements):
            kept.append(service)
            continue
        configured = {c.mark for c in service.configurations}
        placed = [p for p in service.placements if p.mark in configured]
        # A configuration that names its network by its Resource Manager id is set apart whatever the others
        # name: no classic network has that name.
        alone = [p for p in placed if _in_resource_manager_network(p)] or [
            p for p in placed if _network_key(p) in lonely
        ]
        set_apart = {id(p) for p in alone}
        others = [p for p in placed if id(p) not in set_apart]
        if not alone or not others or len({_network_key(p) for p in placed}) < 2:
            kept.append(service)
            continue
        other_networks = tuple(p.virtual_network.name if p.virtual_network else "" for p in others)
        for p in alone:
            assert p.virtual_network is not None  # in a network of `lonely`
            apart.append(
                ConfigurationApart(
                    service.label, p.virtual_network, p.mark, tuple(o.mark for o in others), other_networks
                )
            )
        kept.append(
            replace(service, placements=tuple(p for p in service.placements if id(p) not in set_apart))
        )
    return tuple(kept), tuple(apart)


def _network_key(placement: Placement) -> str:
    return key(placement.virtual_network.name) if placement.virtual_network else ""


def _resource_manager_ips(placement: Placement) -> tuple[NameRef, ...]:
    """The reserved IPs a placement names by a Resource Manager id (`Microsoft.Network/publicIPAddresses`, as a
    configuration of Cloud Services (extended support) names its public IP)."""
    return tuple(
        r for r in placement.reserved_ips if own_type(r.name) == "microsoft.network/publicipaddresses"
    )


def _in_resource_manager_network(placement: Placement) -> bool:
    """Whether a placement names its virtual network by a Resource Manager id (Cloud Services (extended
    support) names one of another resource group so)."""
    network = placement.virtual_network
    return network is not None and own_type(network.name) == "microsoft.network/virtualnetworks"


class _CircuitIndex(NamedTuple):
    circuits: tuple[Circuit, ...]
    by_name: Mapping[str, Circuit]  # by casefolded name: as an authorization names its circuit


@model.record
class Estate:
    """One subscription, linked: what rules read."""

    subscription: str
    documents: tuple[Document, ...]
    # The folder the subscription is named after when no setting names it (`subscriptions.named_folder`):
    # reports call it "the subscription of the files under <folder>"; "" otherwise.
    folder: str = ""
    cloud_services: tuple[CloudService, ...] = ()
    virtual_networks: tuple[Network, ...] = ()  # defined ones first, in file order; then named-only
    local_sites: tuple[LocalNetworkSite, ...] = ()  # once each by name, inline REST sites included
    dns_servers: tuple[DnsServer, ...] = ()  # network-level servers, once each by name
    reserved_ips: tuple[ReservedIp, ...] = ()  # declared ones, once each by name
    disks: tuple[Disk, ...] = ()  # every disk once: VMs' and listed ones
    images: tuple[Image, ...] = ()
    storage_accounts: tuple[StorageAccount, ...] = ()
    network_security_groups: tuple[NetworkSecurityGroup, ...] = ()
    route_tables: tuple[RouteTable, ...] = ()
    dangling: tuple[Dangling, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    inventory: Inventory = field(default_factory=Inventory)  # what only exports and declarations show
    # The packaged services deployed as Cloud Services (extended support): in none of the fields above.
    extended_support: tuple[ExtendedSupport, ...] = ()
    # The estates of the other subscriptions whose classic resources the exports hold, one each, holding
    # nothing of this one (nor any document: the files are this estate's). `link` lists them after it.
    exported: tuple[Estate, ...] = ()
    # What scripts say of the gateways of the networks they name, one entry per network name, in file order.
    scripted_gateways: tuple[ScriptedGateway, ...] = ()
    # The subscription ids the scripts select (or make their classic clients for), once each, in file
    # order: the subscription's own, where an inventory export does not state it (the plan's step 0). The
    # first selection of one they do not state (`UNSTATED_SUBSCRIPTION`, a placeholder) is among them: the
    # id another script states is then not surely theirs.
    selected_subscriptions: tuple[SubscriptionSelection, ...] = ()
    # The names the scripts select subscriptions by, where they give no id (`-SubscriptionName 'Prod'`), once
    # each, in file order: the plan's step 0 selects by the one name where the files state no id.
    selected_by_name: tuple[str, ...] = ()
    # For each of `selected_by_name`, in its order, the files that select it, once each in file order: step
    # 0 says what names it (the scripts, a Visual Studio publish profile's `<AzureCredentials>`).
    selected_by_name_in: tuple[tuple[str, ...], ...] = ()
    # The clouds the files work in (`CloudInUse`: a sign-in to one, a host of its API, a disk's or an image's
    # blob there), once each where first said, in file order: the plan's step 0 signs in to the one.
    clouds: tuple[CloudInUse, ...] = ()
    # The networks (by `key`) scripts name that the files, which define the subscription's networks, do not
    # define: MIG003 reports each name. The platform refuses what a script asks of a network that does not
    # exist, so no rule reads those requests (`scripted_gateways` holds none of them; see `refuses`).
    refused_networks: frozenset[str] = frozenset()
    # The records of another estate's exports that sit in this one's networks though they name no
    # subscription (an Application Gateway, a circuit link): see `placed_elsewhere`. Its rules read them
    # where they were exported; its networks hold them.
    placed_in_networks: tuple[Any, ...] = ()
    # The deployed configurations of a service set apart for a network only they name, which no file
    # defines, where another deployed configuration of the service places it elsewhere (`ConfigurationApart`).
    configurations_apart: tuple[ConfigurationApart, ...] = ()
    # The names of the cloud services that hold a VM of each name (by `key`), once each, before scripts
    # delete any: those a change to a VM named without its service is made to (`SERVICE_OF_VM`, MIG602).
    services_by_vm_name: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    # The virtual networks the files or scripts place each cloud service the files name in (by the service's
    # `key`), before scripts delete any: a service a script empties while its network is prepared was in it
    # when the Prepare locked it (MIG602), though the linker no longer holds it.
    networks_by_service: Mapping[str, tuple[NameRef, ...]] = field(default_factory=dict, repr=False)
    # The cloud services with a role whose state an export gives (`Role.migration_state`: prepared, locked),
    # as they were before scripts deleted any: a script that deletes a VM an export says is prepared is
    # refused by the platform (MIG602), though the linker no longer holds the VM.
    exported_states: tuple[CloudService, ...] = ()
    # Each file of the run that shares its name with another, by its path relative to the folder that holds
    # them (`stand_in_files.files_apart`): how a stand-in built of a mark names its file.
    files_apart: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)
    # Where the subscription's list of every disk it has starts (`_Linker.disk_list`: a Get-AzureDisk
    # export, the API's `Disks`), None for none: a disk it lacks does not exist (MIG003).
    disk_list: Mark | None = None
    # Where the files create each affinity group (by `key` of its name) in one region only (see
    # `affinity_group_regions`): a network or cloud service placed in the group is in that region.
    affinity_groups: Mapping[str, AffinityGroupRegion] = field(default_factory=dict, repr=False)
    _networks: Mapping[str, Network] = field(default_factory=dict, repr=False)
    _scripted_gateways: Mapping[str, ScriptedGateway] = field(default_factory=dict, repr=False)
    # Each disk's VMs: the one `vm_of` gives first, then any other the files keep apart (a MIG004 conflict).
    _disk_vms: Mapping[Disk, tuple[tuple[CloudService, Role], ...]] = field(default_factory=dict, repr=False)
    # Each disk's descriptions that give its blob another disk name (a MIG004 conflict): see `namesakes`.
    _disk_namesakes: Mapping[Disk, tuple[Disk, ...]] = field(default_factory=dict, repr=False)
    # The documents' top-level resources by their type, built when `resources` is first called.
    _by_type: dict[type, list[object]] = field(default_factory=dict, repr=False, compare=False)
    # The networks whose gateways connect to each local site (by `key`), built when first asked for.
    _site_gateways: dict[str, list[Network]] = field(default_factory=dict, repr=False, compare=False)
    # The networks named by stand-ins, by the name's `key` (see `virtual_network`), built when first asked for.
    _by_stand_in: dict[str, Network | None] = field(default_factory=dict, repr=False, compare=False)
    # The scripts' disconnections of gateway connections, by the network's `key`, built when first asked for.
    _disconnections: dict[str, list[ConnectionState]] = field(default_factory=dict, repr=False, compare=False)
    # `_scripted_gateways` by `key` alone, the first of each name, built when first asked for by a name.
    _gateways_by_name: dict[str, ScriptedGateway | None] = field(
        default_factory=dict, repr=False, compare=False
    )
    # The ExpressRoute circuits, and them by name, built when `circuits` is first called (one entry).
    _circuit_index: list[_CircuitIndex] = field(default_factory=list, repr=False, compare=False)
    _maybe_vips: list[dict[tuple[str, str], list[ReservedIp]]] = field(
        default_factory=list, repr=False, compare=False
    )
    # Every installed extension of every VM with its VM, built when `installed_extensions` is first called.
    _installed: list[list[tuple[Role, Extension]]] = field(default_factory=list, repr=False, compare=False)
    # The reserved IPs the deployments name, built when `_used_reserved_ip_names` is first called (one entry).
    _used_ips: list[frozenset[str]] = field(default_factory=list, repr=False, compare=False)

    def records_in_networks(self) -> list[Any]:
        """The records that sit in or link to this subscription's classic networks: those of its own
        inventory (`records_in_networks`) and those placed in it from another estate's exports."""
        return [*records_in_networks(self.inventory), *self.placed_in_networks]

    def circuit_links(self) -> list[inv.CircuitLink]:
        """The exported circuit links of this subscription's networks (see `records_in_networks`)."""
        return [r for r in self.records_in_networks() if isinstance(r, inv.CircuitLink)]

    @property
    def knows_networks(self) -> bool:
        """True when some file defines virtual networks, so a VNet name that matches none is dangling."""
        return any(n.defined for n in self.virtual_networks)

    def virtual_network(self, name: str) -> Network | None:
        """The network of that name the files define or place. A stand-in's (`<virtual network name,
        deploy.ps1:12:7>`) is kept under its file's path (`join_key`), which the name alone does not give:
        it is the network of that name in whichever file (copies of one script define it alike)."""
        found = self._networks.get(key(name))
        if found is not None or not says_where(name):
            return found
        return self._stand_in_networks().get(key(name))

    def _stand_in_networks(self) -> dict[str, Network | None]:
        """The networks named by stand-ins, by the name's `key`: the first in file order of each."""
        if not self._by_stand_in:
            self._by_stand_in["\0"] = None  # no name's key: says the index is built, even when empty
            for joined, network in self._networks.items():
                name, _, path = joined.partition("\0")
                if path and says_where(network.name):
                    self._by_stand_in.setdefault(name, network)
        return self._by_stand_in

    def network_named_at(self, ref: NameRef) -> Network | None:
        """The network a reference names, as the link joined it: a pipeline token names the network of
        its own file's references only (see `join_key`)."""
        return self._networks.get(join_key(ref.name, ref.mark))

    def network_of_connection(self, connection: ConnectionState) -> Network | None:
        """The network whose gateway a connection state is of, when the repository says which: the one a
        script's disconnection names; for the state the platform reported (which names no network), the one
        its file is named after (`<network>-connections.json`), else the only network whose gateway the
        files give a connection to that local site. None when nothing says, or the network is none the
        files describe."""
        if connection.virtual_network:
            return self.virtual_network(connection.virtual_network)
        named = network_of_connections_file(connection.mark.path)
        network = self.virtual_network(named) if named else None
        if network is not None:
            return network
        if not self._site_gateways:
            for each in self.virtual_networks:
                sites = {key(c.local_site) for c in each.gateway.connections} if each.gateway else set()
                for site in sites:
                    self._site_gateways.setdefault(site, []).append(each)
        connecting = self._site_gateways.get(key(connection.local_site), []) if connection.local_site else []
        return connecting[0] if len(connecting) == 1 else None

    def disconnections(self, network: Network | ScriptedGateway | str) -> list[ConnectionState]:
        """The connections of the gateway of the network `network` to local sites that scripts disconnect and
        may leave so (`ConnectionState.virtual_network`), in file order: each shows the gateway connected to
        that site by VPN, as Set-AzureVNetGateway and the `UpdateConnection` request connect and disconnect
        site-to-site connections only. Matched as `scripted_gateway` matches."""
        if not self._disconnections:
            self._disconnections["\0"] = []  # no network's key: says the index is built, even when empty
            for state in self.resources(ConnectionState):
                if state.virtual_network:
                    named = join_key(state.virtual_network, state.mark)
                    self._disconnections.setdefault(named, []).append(state)
                    if named != key(state.virtual_network):  # a name alone still finds it
                        self._disconnections.setdefault(key(state.virtual_network), []).append(state)
        if isinstance(network, str):
            return self._disconnections.get(key(network), [])
        return self._disconnections.get(join_key(network.name, network.mark), [])

    def refuses(self, network: str) -> bool:
        """Whether the network `network` a script names does not exist (see `refused_networks`)."""
        return key(network) in self.refused_networks

    def scripted_gateway(self, network: Network | ScriptedGateway | str) -> ScriptedGateway | None:
        """What scripts say of the gateway of `network`, if any says anything: matched as the link matches
        the network's descriptions (`join_key`), so a network whose name is its file's own (a placeholder, a
        pipeline token) has only what that file says of it. A name alone has what the scripts say of the
        first network of that name (by `key`)."""
        if not isinstance(network, str):
            return self._scripted_gateways.get(join_key(network.name, network.mark))
        if not self._gateways_by_name:
            self._gateways_by_name["\0"] = None  # no network's key: says the index is built, even when empty
            for each in self._scripted_gateways.values():
                self._gateways_by_name.setdefault(key(each.name), each)
        return self._gateways_by_name.get(key(network))

    def circuit_in_resource_manager(self, service_key: str) -> inv.ExpressRouteCircuit | None:
        """The ExpressRoute circuit of `service_key` that an inventory export shows in Resource Manager
        (moved there, or made there), whichever subscription holds it: a service key is its circuit's
        alone. None when no export shows it, or `service_key` is empty."""
        return self.inventory.circuit_of_key(service_key)

    def moved_circuits(self, network: str) -> tuple[inv.ExpressRouteCircuit, ...]:
        """The circuits scripts link the network `network` to (`New-AzureDedicatedCircuitLink
        -ServiceKey`), each once, when an inventory export shows every one in Resource Manager with classic
        operations allowed: moved already, and still usable by the classic network until it migrates. Empty
        when a script links it without a key the files state, or to a circuit no export shows so."""
        scripted = self.scripted_gateway(network)
        links = [f for f in scripted.facts if f.is_expressroute] if scripted is not None else []
        found: dict[str, inv.ExpressRouteCircuit] = {}
        for link in links:
            circuit = self.moved_circuit(link.service_key) or _scripted_moved_circuit(link)
            if circuit is None:
                return ()
            found.setdefault(key(circuit.service_key) or key(circuit.name), circuit)
        return tuple(found.values())

    def moved_circuit(self, service_key: str) -> inv.ExpressRouteCircuit | None:
        """The circuit of `service_key` when an inventory export shows it in Resource Manager with classic
        operations allowed: moved already, and still usable by classic networks (it needs no step)."""
        circuit = self.circuit_in_resource_manager(service_key)
        return circuit if circuit is not None and circuit.allow_classic_operations is True else None

    def maybe_vips(self) -> dict[tuple[str, str], list[ReservedIp]]:
        """The reserved IPs that may be a deployment's VIP, by the compared names of its service and its own
        (`model.maybe_vips`). Found once: MIG105, the plan and the readiness summary all read them."""
        if not self._maybe_vips:
            self._maybe_vips.append(model.maybe_vips(self.cloud_services, self.resources(ReservedIp)))
        return self._maybe_vips[0]

    def installed_extensions(self) -> list[tuple[Role, Extension]]:
        """Every installed extension of every VM, with its VM, once per VM and element: a VM the links reach
        twice is listed once, and VMs a script creates in a loop or through a function, whose extensions are
        written in one place, are each listed. Found once: five rules about extensions read them."""
        if not self._installed:
            self._installed.append(_installed_extensions(self.cloud_services))
        return self._installed[0]

    def circuits(self) -> tuple[Circuit, ...]:
        """The ExpressRoute circuits the networks are linked to, that the platform moves first, each with
        its networks and its link authorizations: by the local network site their `Dedicated` connections
        name; for a network whose configuration the files do not show so connected, by the link a script
        makes (`New-AzureDedicatedCircuitLink`) or an export of a circuit's links lists
        (`Get-AzureDedicatedCircuitLink`). None for a network whose circuits an export shows moved already
        (`moved_circuits`). Found once: the plan and the readiness summary both read them."""
        if not self._circuit_index:
            circuits = _linked_circuits(self)
            self._circuit_index.append(_CircuitIndex(circuits, {c.name.casefold(): c for c in circuits}))
        return self._circuit_index[0].circuits

    def circuit_of(self, authorization: inv.LinkAuthorization | None) -> Circuit | None:
        """The circuit (of `circuits`) an ExpressRoute link authorization belongs to: the circuit it names,
        else the one circuit of the subscription (the cmdlet's export does not name its circuit)."""
        if authorization is None:
            return None
        self.circuits()
        return _named_circuit(self._circuit_index[0].by_name, authorization)

    def service_keys(self, networks: Iterable[Network]) -> tuple[tuple[str, str], ...]:
        """(service key, where it is written) of the circuit the networks link to, as scripts state it
        (`New-AzureDedicatedCircuitLink -ServiceKey`): each key once, in file order."""
        found: dict[str, str] = {}
        for network in networks:
            scripted = self.scripted_gateway(network)
            for fact in scripted.facts if scripted is not None else ():
                if fact.is_expressroute and fact.service_key:
                    found.setdefault(fact.service_key, f"{fact.mark.path}:{fact.mark.line}")
        return tuple(found.items())

    def members(self, network: Network) -> tuple[CloudService, ...]:
        """The cloud services placed in `network`."""
        return network.services

    def vm_of(self, disk: Disk) -> tuple[CloudService, Role] | None:
        """The cloud service and VM a disk is attached to, when a file says so and the VM is described."""
        found = self._disk_vms.get(disk)
        return found[0] if found else None

    def vms_of(self, disk: Disk) -> tuple[tuple[CloudService, Role], ...]:
        """Every VM the files attach a disk to, with its cloud service: `vm_of`'s first, then any other one
        that conflicting files attach it to (one blob is one VM's disk: MIG004 reports the others). What
        waits for the disk's VMs (its storage account's migration) waits for each."""
        return tuple(self._disk_vms.get(disk, ()))

    def looped_disks(self, account: StorageAccount) -> dict[str, str]:
        """The account's disks of VMs a script creates in each turn of a loop whose turns the files do
        not count (`Role.looped_over`), each with that loop's list: such a disk stands for one or more,
        as its VM does."""
        return {
            disk.name: vms[0][1].looped_over
            for disk in account.disks
            if (vms := self.vms_of(disk)) and vms[0][1].looped_over
        }

    def namesakes(self, disk: Disk) -> tuple[Disk, ...]:
        """The descriptions that give `disk`'s blob another disk name, each name once, as written (its own
        name and marks). One blob is one registered disk, so the files describe a stale disk or the wrong
        blob (MIG004 says which); the platform validates every disk a VM has, so what is said of the blob
        (MIG401) is said of each."""
        return tuple(self._disk_namesakes.get(disk, ()))

    def vms_elsewhere(self, account: StorageAccount) -> list[VmElsewhere]:
        """The VMs that disks in `account` are attached to and that no file checked describes, each once,
        with the cloud service and deployment a disk's description states (a name the files do not state as
        its stand-in has it, without the brackets). The platform migrates an account only after the VMs of
        its attached disks (overview: only one without associated disks or VM data migrates standalone),
        and the files do not show when those VMs migrate: their cloud service is what to migrate first."""
        found: dict[tuple[str, str], VmElsewhere] = {}
        for disk in account.disks:
            if disk.attached_to and not disk.maybe_attached and self.vm_of(disk) is None:
                words = disk.attached_to.strip("<>")
                described = words.startswith(DESCRIBED_VM)
                vm = VmElsewhere(
                    "" if described else words,
                    disk.attached_service.strip(),
                    disk.attached_deployment.strip(),
                    words if described else "",
                )
                found.setdefault((key(vm.said), key(vm.service)), vm)
        # Two VMs of one name in two cloud services are two VMs; one named without its service is the one
        # of that name another disk names with it.
        with_service = {name for name, service in found if service}
        return [vm for (name, service), vm in found.items() if service or name not in with_service]

    def resources(self, type_: type) -> Iterator:
        """Every top-level resource of `type_` read from any file of the subscription, in file order."""
        by_type = self._by_type
        if not by_type:  # built on the first call: one pass over every document, not one per rule that asks
            for doc in self.documents:
                for resource in doc.resources:
                    by_type.setdefault(type(resource), []).append(resource)
            by_type[type(None)] = []  # no resource is None: says the index is built, even when it is empty
        matching = [t for t in by_type if issubclass(t, type_)]
        if len(matching) > 1:  # several concrete types: only a pass over the documents keeps file order
            return (r for doc in self.documents for r in doc.resources if isinstance(r, type_))
        return iter(by_type[matching[0]] if matching else ())

    # --- what is migrated on its own, or with what the files do not describe -----------------------------

    def of_subscription(self, record: Any) -> bool:
        """Whether an inventory record is one of the subscription's own: of the subscription the exports
        were joined to the files by (records of others are checked as estates of their own)."""
        return key(getattr(record, "subscription", "") or "") == key(self.inventory.subscription)

    def standalone_storage_accounts(self) -> list[inv.ClassicStorageAccount | StorageAccountType]:
        """The storage accounts the files show with no disk or image in them: a classic account of an
        inventory export of the subscription, or one a script or REST body creates. Each is migrated on its
        own (one record per account, the first); those that hold disks or images are `storage_accounts`."""
        found: dict[str, inv.ClassicStorageAccount | StorageAccountType | None] = {
            join_key(account.name, account.mark): None for account in self.storage_accounts
        }
        exported = (a for a in self.inventory.storage_accounts if self.of_subscription(a))
        for account in (*exported, *self.resources(StorageAccountType)):
            found.setdefault(join_key(account.name, account.mark), account)
        return [account for account in found.values() if account is not None]

    def exported_free_ips(self) -> list[inv.ClassicReservedIp]:
        """The reserved IPs of the subscription that an inventory export shows attached to no cloud
        service, and that no file declares or names on a deployment: each is migrated on its own."""
        free: dict[str, inv.ClassicReservedIp] = {}
        for ip in self._exported_reserved_ips():
            if not ip.service:
                free.setdefault(key(ip.name), ip)
        return list(free.values())

    def reserved_ips_of_undescribed_services(self) -> list[ReservedIp | inv.ClassicReservedIp]:
        """The reserved IPs bound to a cloud service that no file describes: one a script or REST body
        associates with it (`New-AzureReservedIP -ServiceName`), one an inventory export of the
        subscription shows attached to it. Each moves with that service's migration, not on its own, and
        the files do not show that migration. Each once by name; those a deployment of the files uses are
        its service's."""
        described = {key(service.name) for service in self.cloud_services}
        # Not one known from its evidence alone: a classic reserved IP is never a Resource Manager one's.
        described |= {key(extended.name) for extended in self.extended_support if extended.packaged}
        used = self._used_reserved_ip_names()
        found: dict[str, ReservedIp | inv.ClassicReservedIp] = {}
        for ip in self.reserved_ips:
            if ip.service_name and key(ip.service_name) not in described and key(ip.name) not in used:
                found.setdefault(key(ip.name), ip)
        for exported in self._exported_reserved_ips():
            if exported.service and key(exported.service) not in described:
                found.setdefault(key(exported.name), exported)
        return list(found.values())

    def _used_reserved_ip_names(self) -> frozenset[str]:
        """The reserved IPs the deployments of the files name, or their service whatever its slot, by key.
        Found once: the readiness summary, the plan and the rules ask for it through several methods."""
        if not self._used_ips:
            used = {key(ref.name) for service in self.cloud_services for ref in service.reserved_ip_refs}
            self._used_ips.append(frozenset(used))
        return self._used_ips[0]

    def exported_reserved_ips(self) -> Iterator[inv.ClassicReservedIp]:
        """The subscription's reserved IPs the inventory exports show, in file order: what every rule, the
        plan and the readiness summary read them from. Not from `resources`: the estate of another
        subscription an export holds keeps no document (see `_other_subscriptions`), and the files' own
        documents hold the reserved IPs of every subscription their exports list."""
        return (ip for ip in self.inventory.reserved_ips if self.of_subscription(ip))

    def _exported_reserved_ips(self) -> Iterator[inv.ClassicReservedIp]:
        """The subscription's exported reserved IPs (`exported_reserved_ips`) that no file declares or
        names on a deployment, in file order."""
        known = {key(ip.name) for ip in self.reserved_ips} | self._used_reserved_ip_names()
        return (ip for ip in self.exported_reserved_ips() if key(ip.name) not in known)


def _scripted_moved_circuit(link: VnetGatewayFact) -> inv.ExpressRouteCircuit | None:
    """The circuit of a link whose script shows it in Resource Manager with classic operations allowed
    (`VnetGatewayFact.circuit_in_resource_manager`), as an export would show it; None when it does not."""
    shown = link.circuit_in_resource_manager
    if shown is None:
        return None
    return inv.ExpressRouteCircuit(shown.name, shown.mark, link.service_key, allow_classic_operations=True)


def _linked_circuits(estate: Estate) -> tuple[Circuit, ...]:
    """`Estate.circuits`: found by connection first, then by link, each with its authorizations."""
    if not estate.virtual_networks:  # a circuit is found through the networks linked to it
        return ()
    found: dict[str, tuple[str, str, dict[int, Network]]] = {}  # by key: name, words, networks by id()
    for network in estate.virtual_networks:
        if estate.moved_circuits(network.name):
            continue  # its circuits are in Resource Manager already, with classic operations allowed
        for connection in network.gateway.connections if network.gateway else ():
            if connection.is_expressroute:
                site = connection.local_site
                found.setdefault(key(site), (site, f"behind local network site '{site}'", {}))[2].setdefault(
                    id(network), network
                )
    connected = {id(n) for _, _, networks in found.values() for n in networks.values()}
    unconnected = {
        key(n.name): n
        for n in estate.virtual_networks
        if id(n) not in connected and not estate.moved_circuits(n.name)
    }
    for network, name, behind in _links_elsewhere(estate, unconnected):
        found.setdefault(key(name), (name, behind, {}))[2].setdefault(id(network), network)
    linked = [(name, behind, tuple(networks.values())) for name, behind, networks in found.values()]
    by_name = {name.casefold(): n for n, (name, _, _) in enumerate(linked)}
    owned: dict[int, list[inv.LinkAuthorization]] = defaultdict(list)
    for authorization in estate.inventory.link_authorizations:
        at = _named_circuit(by_name, authorization)
        if at is not None:
            owned[at].append(authorization)
    made, looked_up = _named_circuits(estate, created=True), _named_circuits(estate, created=False)
    circuits = tuple(
        Circuit(
            name,
            behind,
            networks,
            _own_keys(name, estate.service_keys(networks)),
            tuple(owned[n]),
            made.get(key(name), ""),
            found_by="" if key(name) in made else looked_up.get(key(name), ""),
        )
        for n, (name, behind, networks) in enumerate(linked)
    )
    return _moved_key(estate, circuits)


def _own_keys(name: str, keys: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """Of the service keys the scripts link a circuit's networks by (`Estate.service_keys`), the circuit's
    own: the one it is named by, where a script links it by that key (two `New-AzureDedicatedCircuitLink
    -ServiceKey` to one network are two circuits, each its key's), else all of them (a circuit found behind
    a local network site, whose key the links say)."""
    own = tuple(entry for entry in keys if key(entry[0]) == key(name))
    return own or keys


def _moved_key(estate: Estate, circuits: tuple[Circuit, ...]) -> tuple[Circuit, ...]:
    """`circuits`, the one no script links by a key given the one key the scripts move a circuit with that
    none links by (`Move-AzExpressRouteCircuit -ServiceKey`, `express_route_circuits.create_or_update`):
    that key is the circuit's. Several circuits without a key, or several such keys, say not which is
    whose; nor do they for a circuit a script creates (its commands find its key by its name), nor for a
    key an export shows moved already (the step's note says what the export shows)."""
    unkeyed = [n for n, circuit in enumerate(circuits) if not circuit.service_keys]
    if len(unkeyed) != 1 or circuits[unkeyed[0]].named_by:
        return circuits
    linked = {key(k) for circuit in circuits for k, _ in circuit.service_keys}
    moved: dict[str, tuple[str, str]] = {}
    for script in estate.resources(Script):
        for call in script.circuit_moves:
            stated = next((name for scope, name in call.changes if scope == "expressroute-circuit"), "")
            if stated and key(stated) not in linked and estate.moved_circuit(stated) is None:
                moved.setdefault(key(stated), (stated, f"{call.mark.path}:{call.mark.line}"))
    if len(moved) != 1:
        return circuits
    at = unkeyed[0]
    keyed = circuits[at]._replace(service_keys=tuple(moved.values()), key_moved=True)
    return (*circuits[:at], keyed, *circuits[at + 1 :])


def _named_circuits(estate: Estate, *, created: bool) -> dict[str, str]:
    """The circuits scripts create (`created`), or find by their name (see `VnetGatewayFact.created_circuit`
    and `found_circuit`), and link networks by, by name (`key`): the file that does."""
    named = (
        (fact, fact.created_circuit if created else fact.found_circuit) for fact in _scripted_facts(estate)
    )
    return {key(name): fact.mark.path for fact, name in named if name}


def _scripted_facts(estate: Estate) -> Iterator[VnetGatewayFact]:
    """What the scripts say of each network's gateway, network by network."""
    for scripted in estate.scripted_gateways:
        yield from scripted.facts


def _named_circuit(by_name: Mapping[str, T], authorization: inv.LinkAuthorization) -> T | None:
    """Of the circuits `by_name` (casefolded: of two names alike, the later), the one an authorization
    belongs to: the circuit it names, else the only one (the cmdlet's export does not name its circuit)."""
    named = authorization.circuit.casefold()
    if named in by_name:
        return by_name[named]
    return next(iter(by_name.values())) if len(by_name) == 1 and not named else None


def _links_elsewhere(estate: Estate, networks: Mapping[str, Network]) -> Iterator[tuple[Network, str, str]]:
    """(network, circuit name, words naming the circuit) for each circuit link of `networks` (by key) that
    a script makes or an export lists. A circuit is named by its service key; else by the file: an export
    of `Get-AzureDedicatedCircuitLink -ServiceKey <key>` lists the links of one circuit (without its key),
    and a script that does not state its key is taken to link one. A link by no key to a network another
    links by its key is that one, most likely."""
    keyed: set[str] = set()
    unkeyed: list[tuple[Network, str, str]] = []
    for network in networks.values():
        scripted = estate.scripted_gateway(network)
        for fact in scripted.facts if scripted is not None else ():
            if fact.is_expressroute and fact.service_key:
                keyed.add(key(network.name))
                if estate.moved_circuit(fact.service_key) is None:
                    yield network, fact.service_key, f"with service key '{fact.service_key}'"
            elif fact.is_expressroute and fact.created_circuit:
                created = f"'{fact.created_circuit}', which {fact.mark.path} creates and links"
                unkeyed.append((network, fact.created_circuit, created))
            elif fact.is_expressroute and fact.found_circuit:
                found = f"'{fact.found_circuit}', which {fact.mark.path} finds by its name and links"
                unkeyed.append((network, fact.found_circuit, found))
            elif fact.is_expressroute:
                unkeyed.append((network, fact.mark.path, f"that {fact.mark.path} links to without its key"))
    for link in estate.circuit_links():  # the export does not state the circuit's key
        linked = networks.get(key(link.vnet))
        if linked is not None:
            unkeyed.append((linked, link.mark.path, f"whose links {link.mark.path} lists"))
    yield from (entry for entry in unkeyed if key(entry[0].name) not in keyed)


@model.record
class Grouping:
    """Settings of the link stage: cloud service name → path globs (for Export-AzureVM files, which carry
    no service name; files no glob matches are grouped by folder), whether the local emulator's
    configuration is deployed, and subscription name → path globs."""

    services: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    include_local: bool = False
    subscriptions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    root: str = ""  # the settings file's folder, which subscriptions named after a folder are named from

    # The `services` patterns compiled together, when first asked (`migcheck.discover.FirstMatch`).
    _services_by_path: FirstMatch | None = field(default=None, init=False, repr=False, compare=False)

    def service_for(self, path: str) -> str | None:
        matcher = self._services_by_path
        if matcher is None:
            from migcheck.discover import FirstMatch

            matcher = FirstMatch(self.services)
            object.__setattr__(self, "_services_by_path", matcher)  # frozen: a cache, not a setting
        return matcher.first(path)


# Per document, what `without_functions_run` made of it for the functions run: (the document, those
# functions, the document without what their reads once created). Kept by a caller that links again and
# again (the editor server), so that an unchanged document stays the very object it was.
RunMemo = dict[int, tuple[Document, frozenset[str], Document]]


def without_functions_run(documents: list[Document], memo: RunMemo | None = None) -> list[Document]:
    """The documents, less what a settings file's read of a function once, with values it does not know,
    created (`Deployment.read_once_in`) when a script that loads the file runs that function at every call
    of its (`Document.functions_run`): the script says what each call creates, and the stand-ins of the
    read once (`<VM name, lib.ps1:2>` on `<virtual network name, lib.ps1:4:48>`) are no resource of the
    estate. The file's other functions, and what its own code creates, are kept. Linear: one pass over
    the functions run, one over each loaded file's resources."""
    run: dict[str, set[str]] = {}
    for document in documents:
        for path, name in document.functions_run:
            run.setdefault(path, set()).add(name)
    if not run:
        if memo:
            memo.clear()  # what it holds is of documents no script's run leaves out any more
        return documents
    kept: RunMemo = {}
    result = []
    for document in documents:
        names = run.get(document.path)
        if names is None:
            result.append(document)
            continue
        done = memo.get(id(document)) if memo is not None else None
        if done is None or done[0] is not document or done[1] != names:
            done = (document, frozenset(names), _without_read_once(document, names))
        kept[id(document)] = done
        result.append(done[2])
    if memo is not None:
        memo.clear()
        memo.update(kept)
    return result


def _without_read_once(document: Document, names: set[str]) -> Document:
    """The document less the resources the reads once of functions `names` created: deployments (with
    their VMs), reserved IPs and storage accounts (`read_once_in`)."""
    if model.WHOLE_FILE_RUN in names:  # read whole where a pipeline includes it
        return replace(document, resources=()) if document.resources else document
    resources = tuple(r for r in document.resources if getattr(r, "read_once_in", "") not in names)
    return document if len(resources) == len(document.resources) else replace(document, resources=resources)


def link(documents: Iterable[Document], grouping: Grouping | None = None) -> tuple[Estate, ...]:
    """One estate per subscription, in a stable order: each group of files, then the other subscriptions
    its exports hold (`Estate.exported`). An empty run still has one (empty) estate."""
    grouping = grouping or Grouping()
    documents = tuple(documents)
    split = split_subscriptions(documents, grouping.subscriptions, grouping.root)
    if not split:
        return (Estate(DEFAULT_SUBSCRIPTION, ()),)
    with stand_in_files.linking(d.path for d in documents):  # the files of every subscription's documents
        linked = [link_subscription(name, docs, grouping) for name, docs in split]
    return tuple(one for estate in linked for one in (estate, *estate.exported))


def link_subscription(
    name: str, documents: tuple[Document, ...], grouping: Grouping, memo: LinkMemo | None = None
) -> Estate:
    """The estate of one subscription's documents (as `split_subscriptions` groups them): `link`'s unit
    of work, which the editor server repeats only for the subscription an edit is in. With `memo`, kept
    from the last link of the same subscription, the cloud services of folders whose files are the very
    objects they were are taken from it rather than joined again: the same estate, sooner."""
    with stand_in_files.linking(d.path for d in documents):
        estate = _Linker(name, documents, grouping, memo).estate()
        apart = stand_in_files.linked()
    folder = named_folder(name, grouping.subscriptions, documents)  # not for the exports' other subscriptions
    return replace(estate, folder=folder or estate.folder, files_apart=apart) if folder or apart else estate


class LinkMemo:
    """What one link of a subscription leaves for the next (the editor server links again on every
    change): each folder's packaged cloud services (a `.csdef` and the `.cscfg` files beside it, joined),
    with the names they leave dangling. They are a pure function of the definitions and configurations
    of the folder's documents, in order (and of the grouping's `include_local` and the working directory,
    which are kept with them): when the documents are those of the last link, the very objects at the
    same places but for a few, only the folders of those few are joined again, and the others give the
    same services, as the same objects, which lets what is computed from them be kept too."""

    def __init__(self) -> None:
        self._docs: tuple[Document, ...] = ()
        self._settings: tuple[str, bool] | None = None  # the working directory, `include_local`
        self._folder: list[str] = []  # per document: its folder when it holds a package's files, else ""
        self._members: dict[str, list[int]] = {}  # folder -> the places of its documents, in order
        self._services: dict[str, _FolderServices] = {}
        self._order: list[str] = []  # the folders, sorted

    def packaged(self, linker: _Linker, cwd: str) -> Iterator[tuple[str, _FolderServices]]:
        """Each folder, with its services and what they leave dangling, in the order of the folders."""
        try:
            return self._packaged(linker, cwd)
        except BaseException:
            self._settings = None  # half updated: start again next time
            raise

    def _packaged(self, linker: _Linker, cwd: str) -> Iterator[tuple[str, _FolderServices]]:
        docs, settings = linker.docs, (cwd, linker.grouping.include_local)
        if settings != self._settings or len(docs) != len(self._docs):
            self._settings, self._services = settings, {}
            self._folder = _package_folders(docs, cwd)
            self._members = defaultdict(list)
            for at, folder in enumerate(self._folder):
                if folder:
                    self._members[folder].append(at)
            touched = set(self._members)
            self._order = []  # sorted below, when there is any folder
        else:
            touched = self._moved(docs, cwd)
        for folder in touched:
            places = self._members.get(folder)
            if places:
                self._services[folder] = linker.folder_services(folder, [docs[at] for at in places])
            else:
                self._members.pop(folder, None)
                self._services.pop(folder, None)
        if touched:  # a folder may have come or gone
            self._order = sorted(self._members)
        self._docs = docs
        return ((folder, self._services[folder]) for folder in self._order)

    def documents(self, folder: str) -> list[Document]:
        """The documents of `folder` that hold a package's files, in order, as of the last link."""
        return [self._docs[at] for at in self._members.get(folder, ())]

    def _moved(self, docs: tuple[Document, ...], cwd: str) -> set[str]:
        """The folders whose documents are not all the very objects of the last link, in place."""
        touched: set[str] = set()
        for at, (before, now) in enumerate(zip(self._docs, docs, strict=True)):
            if before is now:
                continue
            old, new = self._folder[at], _package_folder(now, cwd)
            touched.update(f for f in (old, new) if f)
            if old != new:
                self._folder[at] = new
                if old:
                    self._members[old].remove(at)
                if new:
                    bisect.insort(self._members.setdefault(new, []), at)
        return touched


_FolderServices = tuple[tuple["CloudService", ...], tuple["Dangling", ...]]


def _joined_by_service_name(
    folders: list[tuple[str, _FolderServices]],
    documents: Callable[[str], list[Document]],
    folder_services: Callable[[str, list[Document]], _FolderServices],
) -> list[tuple[str, _FolderServices]]:
    """`folders` with each configuration kept in a folder of its own (no service definition beside it,
    as a deployment pipeline's `Configs/` folder) joined to the definition its serviceName names, when
    exactly one folder holds a definition of that name that defines every role it configures (Visual
    Studio names every new service `AzureCloudService1`). Otherwise it would be a second service with roles
    of no known type, and the definition's roles would be checked without its configuration."""
    # Most estates have no such folder: then nothing else is looked at (the editor links at every change).
    alone = [folder for folder, (services, _) in folders if all(s.definition is None for s in services)]
    if not alone:
        return folders
    defined: dict[str, list[tuple[str, frozenset[str]]]] = defaultdict(list)  # name -> (folder, its roles)
    for folder, (services, _) in folders:
        for service in services:
            if service.definition is not None:
                roles = frozenset(key(role.name) for role in service.definition.roles)
                defined[key(service.definition.name)].append((folder, roles))
    joining: dict[str, list[Document]] = defaultdict(list)  # a definition's folder -> documents joining it
    left: dict[str, set[int]] = defaultdict(set)  # a folder of configurations -> ids of those that left
    for folder in alone:
        for doc in documents(folder):
            target = _definition_folder(doc, defined)
            if target is not None and target != folder:
                joining[target].append(doc)
                left[folder].add(id(doc))
    if not joining:
        return folders
    joined = []
    for folder, entry in folders:
        if folder in joining:
            entry = folder_services(folder, [*documents(folder), *joining[folder]])
        elif folder in left:
            rest = [doc for doc in documents(folder) if id(doc) not in left[folder]]
            if not rest:
                continue
            entry = folder_services(folder, rest)
        joined.append((folder, entry))
    return joined


def _copies_joined(
    folders: list[tuple[str, _FolderServices]],
    documents: Callable[[str], list[Document]],
    folder_services: Callable[[str, list[Document]], _FolderServices],
) -> tuple[list[tuple[str, _FolderServices]], Callable[[str], list[Document]]]:
    """`folders` with each folder whose definitions are all copies by their files' names (a solution's
    `ServiceDefinition.Template.csdef` beside the `.Template.cscfg` it is packaged with, see `_is_copy`)
    joined to the one folder that defines each of their services in a file not named as a copy: a
    service name is one cloud service, and a copy is not what is deployed. So is a folder whose
    definitions have no configuration beside them (an old `ServiceDefinition.csdef` kept in a subfolder):
    a definition is deployed with a configuration, so it joins the one folder that holds both for each of
    its services. Folders that define a service each in a file of its own name (copies of a whole
    solution, a course's labs) are left apart. Returned with the documents of each folder, those joined
    to it with them: a configuration joined later (`_joined_by_service_name`) is one more of them, and the
    copies stay compared (MIG004) with the definition they joined."""
    copies = [
        folder for folder, (services, _) in folders if services and all(_undeployed(s) for s in services)
    ]
    if not copies:
        return folders, documents
    deployed: dict[str, set[str]] = defaultdict(set)  # a service's name -> the folders deploying it
    configured: dict[str, set[str]] = defaultdict(set)  # those of them that hold its configuration too
    for folder, (services, _) in folders:
        for service in services:
            if service.definition is not None and not _is_copy(service.definition):
                deployed[key(service.definition.name)].add(folder)
                if service.configurations:
                    configured[key(service.definition.name)].add(folder)
    entries = dict(folders)
    joining: dict[str, list[Document]] = defaultdict(list)
    left = set()
    for folder in copies:
        targets = {
            frozenset((deployed if _of_copies(s) else configured).get(key(s.name), ()))
            for s in entries[folder][0]
        }
        target = next(iter(targets)) if len(targets) == 1 else frozenset()
        if len(target) == 1:
            joining[next(iter(target))].extend(documents(folder))
            left.add(folder)
    if not joining:
        return folders, documents
    joined = {folder: [*documents(folder), *docs] for folder, docs in joining.items()}
    return [
        (folder, folder_services(folder, joined[folder]) if folder in joined else entry)
        for folder, entry in folders
        if folder not in left
    ], lambda folder: joined[folder] if folder in joined else documents(folder)


def _of_copies(service: CloudService) -> bool:
    """Whether a folder's service is defined by copies only (its deployed-first definition is one)."""
    return service.definition is not None and _is_copy(service.definition)


def _undeployed(service: CloudService) -> bool:
    """Whether a folder's service is not what is deployed: defined by copies only, or by a definition with
    no configuration beside it."""
    return _of_copies(service) or (service.definition is not None and not service.configurations)


# The calls that upload a network configuration, whatever the reader could tell of the path they upload it
# from (see `_uploads_networks`).
_NETWORK_UPLOADS = frozenset({"set-azurevnetconfig", "azure network import"})


def _uploads_networks(script: Script, made: Sequence[VirtualNetwork] = ()) -> bool:
    """Whether a script uploads a network configuration: Set-AzureVNetConfig, the classic CLI's `azure
    network import`, or a request (the SDK's perform_put, one of its own) that changes every network, as
    Set Network Configuration does; not Remove-AzureVNetConfig, which leaves no network, nor a classic CLI
    command whose one change the networks the script makes (`made`) show (see
    `_described_network_commands`)."""
    if any(call.name.casefold() in _NETWORK_UPLOADS for call in script.calls):
        return True
    every = ("virtual-network", EVERY_NETWORK)
    changes = [c for c in script.changes if every in c.changes and not c.name.startswith("Remove-")]
    if not changes:
        return False
    described = _described_network_commands(script, made)
    return any(call.mark not in described for call in changes)


# The classic CLI writes the subscription's network configuration anew for each of these, with one change
# to one network: `vnet create` makes the network the reader describes (`xplat`), `vnet subnet create` adds
# a subnet to it, `vnet delete` takes a network away.
_VNET_CREATE = "azure network vnet create"
_SUBNET_CREATE = "azure network vnet subnet create"
_VNET_DELETE = "azure network vnet delete"
# And for these, with no subnet or network added: a local network site made, changed or taken away, a
# gateway's connection to one made or taken away, a subnet's prefix changed (`subnet set` keeps its name),
# a subnet taken away.
_SITE_COMMANDS = frozenset(
    {
        "azure network local-network create",
        "azure network local-network set",
        "azure network local-network delete",
        "azure network vnet local-network add",
        "azure network vnet local-network remove",
        "azure network vnet subnet set",
        "azure network vnet subnet delete",
    }
)


def _described_network_commands(script: Script, networks: Iterable[VirtualNetwork]) -> frozenset[Mark]:
    """Where `script` runs a classic CLI command that changes one network in a way its own definitions
    (`networks`, those the script makes) show in full: a delete, which only takes a network away; a `vnet
    create` that surely runs, of a network the reader describes with its subnet (one that may not run is
    the create-if-missing idiom: the network may be there already, with subnets no file shows); a `vnet
    subnet create` whose subnet the reader adds to a network the script makes. So are those of a network
    the script deleted and made anew (`VirtualNetwork.replaced`). A command's subnet is written from the
    command's name on and before the next classic call. A local site, a gateway's connection to one, a
    subnet's prefix or a subnet taken away adds no network or subnet name (`_SITE_COMMANDS`). Any other (a subnet added to a
    network the script does not make, a name the script does not state) changes a network the files do
    not show."""
    every = [*networks, *(gone for v in networks for gone in v.replaced)]
    made = {(v.mark.line, v.mark.column) for v in every}
    subnets = sorted((s.mark.line, s.mark.column) for v in every for s in v.subnets)
    starts = sorted({(c.mark.line, c.mark.column) for c in script.calls})
    described: set[Mark] = set()
    for call in script.calls:
        at = (call.mark.line, call.mark.column)
        with_subnet = _holds_between(subnets, at, _next_start(starts, at))
        if call.name == _VNET_CREATE:
            shown = not call.runs and at in made and with_subnet
        else:
            shown = call.name == _VNET_DELETE or call.name in _SITE_COMMANDS
            shown = shown or (call.name == _SUBNET_CREATE and with_subnet)
        if shown:
            described.add(call.mark)
    return frozenset(described)


def _next_start(starts: Sequence[tuple[int, int]], at: tuple[int, int]) -> tuple[int, int] | None:
    """The first of the sorted positions `starts` after `at`, if any."""
    index = bisect.bisect_right(starts, at)
    return starts[index] if index < len(starts) else None


def _holds_between(
    positions: Sequence[tuple[int, int]], start: tuple[int, int], end: tuple[int, int] | None
) -> bool:
    """Whether one of the sorted `positions` is at or after `start` and before `end` (None: the file's end)."""
    index = bisect.bisect_left(positions, start)
    return index < len(positions) and (end is None or positions[index] < end)


def upload_name(path: str) -> str:
    """A network configuration document's file name as an upload names it: without its folder or case;
    "" for a file no upload is taken to name (a `.netcfg` or an `.xml` only)."""
    name = path.replace("\\", "/").rpartition("/")[2].casefold()
    return name if name.endswith((".netcfg", ".xml")) else ""


def _given_each_network(
    fact: VnetGatewayFact, configurations: dict[str, list[NetworkConfiguration]]
) -> list[VnetGatewayFact]:
    """A gateway fact of each network of a configuration file a script reads (`networks_of`), as a fact of
    each network of the configuration checked under that name: the one in the script's folder, else the
    only one of that name. The fact as it is (its network a stand-in) when no such file is checked, or
    several are and none is beside the script."""
    chosen = configuration_named(fact.networks_of, fact.mark.path, configurations)
    if chosen is None:
        return [fact]
    return [replace(fact, vnet=network.name, networks_of="") for network in chosen.virtual_networks]


def configuration_named(
    name: str, script: str, configurations: Mapping[str, list[NetworkConfiguration]]
) -> NetworkConfiguration | None:
    """The checked network configuration a script at path `script` means by the file name `name` it
    reads or uploads (`configurations`: by `upload_name`): the one of that name in the script's folder,
    else the only one of that name; None when none is checked, or several are and none is beside it."""
    named = configurations.get(name.casefold(), []) if name else []
    folder = script.rpartition("/")[0]
    beside = [c for c in named if c.mark.path.rpartition("/")[0] == folder]
    chosen = beside if len(beside) == 1 else named if len(named) == 1 else []
    return chosen[0] if chosen else None


def configurations_by_file(
    configurations: Iterable[NetworkConfiguration],
) -> dict[str, list[NetworkConfiguration]]:
    """The network configurations of the files checked (not those scripts upload), by the file name an
    upload or a read names them by (`upload_name`)."""
    found: dict[str, list[NetworkConfiguration]] = defaultdict(list)
    for configuration in configurations:
        name = upload_name(configuration.mark.path)
        if name and not is_script(configuration.mark.path):
            found[name].append(configuration)
    return found


def _uploads_only(uploaded_files: tuple[str, ...], checked: set[str]) -> bool:
    """Whether every upload a script names a file for is of one of the `checked` network configurations
    (by `upload_name`): not when it uploads none the reader names, nor one of a name it does not state."""
    names = {name.casefold() for name in uploaded_files}
    return bool(names) and "" not in names and names <= checked - {""}


def _definition_folder(doc: Document, defined: dict[str, list[tuple[str, frozenset[str]]]]) -> str | None:
    """The one folder holding the definition every configuration of `doc` names and whose roles it
    configures, if there is one."""
    folders: set[str] = set()
    for config in (r for r in doc.resources if isinstance(r, ServiceConfiguration)):
        # A token is no name: a configuration that writes one names no definition elsewhere.
        candidates = () if is_pipeline_token(config.name) else defined.get(key(config.name), ())
        if len(candidates) != 1 or not {key(r.name) for r in config.roles} <= candidates[0][1]:
            return None  # several definitions of the name (copies of one solution), or not this one
        folders.add(candidates[0][0])
    return next(iter(folders)) if len(folders) == 1 else None


def _definitions_by_name(defs: list[ServiceDefinition]) -> dict[str, list[ServiceDefinition]]:
    """The definitions of one project by the service each names (in the order first named), each group's
    deployed one first (`_deployed_first`): a service name is one cloud service."""
    groups: dict[str, list[ServiceDefinition]] = {}
    for definition in defs:
        groups.setdefault(key(definition.name), []).append(definition)
    return {name: sorted(group, key=_deployed_first) for name, group in groups.items()}


def _definition_differences(copy: ServiceDefinition, kept: ServiceDefinition) -> tuple[str, ...]:
    """What a copy of a service definition states otherwise than the deployed one, as MIG004 lists it
    (`here / there`): the roles each defines, then each role both define by its kind, size and input
    endpoints."""
    mine, theirs = _roles_by_name(copy), _roles_by_name(kept)
    differences = []
    if mine.keys() != theirs.keys():
        differences.append(f"roles {_listed_names(mine.values())} / {_listed_names(theirs.values())}")
    for name, role in mine.items():
        if name in theirs:
            here, there = _role_facts(role), _role_facts(theirs[name])
            differences += [
                f"role '{role.name}' {fact}: {here[fact]} / {there[fact]}"
                for fact in here
                if here[fact] != there[fact]
            ]
    return tuple(differences)


def _roles_by_name(definition: ServiceDefinition) -> dict[str, Role]:
    return {key(role.name): role for role in definition.roles}


def _listed_names(roles: Iterable[Role]) -> str:
    """Role names as a message lists them, in the order compared: `'Web', 'Worker'`, or `none`."""
    names = sorted((role.name for role in roles), key=key)
    return ", ".join(f"'{name}'" for name in names) or "none"


def _role_facts(role: Role) -> dict[str, str]:
    """What the rules read of a role a definition defines, in the words of a MIG004 difference."""
    endpoints = sorted(
        f"{e.name} {e.protocol.lower()}:{e.port}" + (f" on {e.load_balancer}" if e.load_balancer else "")
        for e in role.endpoints
    )
    return {
        "kind": role.type.value,
        "size": f"'{role.size}'" if role.size else "unstated",
        "input endpoints": ", ".join(f"'{e}'" for e in endpoints) or "none",
    }


# The file a cloud project's `.ccproj` names as its definition, by Visual Studio's convention: the one
# packaged and deployed. `ServiceDefinition.Original.csdef`, `ServiceDefinition.Template.csdef` beside it
# are copies a tool or a person keeps.
DEPLOYED_DEFINITION = "servicedefinition.csdef"


def _deployed_first(definition: ServiceDefinition) -> int:
    """How likely a definition's file is the one deployed, least first: `ServiceDefinition.csdef`, then
    a file of another single name (`Web.csdef`), then a copy's (`ServiceDefinition.Template.csdef`). A
    stable sort keeps the file order among equals."""
    name = posixpath.basename(definition.mark.path).lower()
    if name == DEPLOYED_DEFINITION:
        return 0
    return 1 if "." not in name.removesuffix(".csdef") else 2


def _is_copy(definition: ServiceDefinition) -> bool:
    """Whether a definition's file is named as a copy of another (`ServiceDefinition.Original.csdef`)."""
    return _deployed_first(definition) == 2


def _is_variant(definition: ServiceDefinition, deployed: ServiceDefinition) -> bool:
    """Whether `definition` is a build variant of the deployed one: beside it, named after it with a suffix
    (`ServiceDefinition_Large.csdef` beside `ServiceDefinition.csdef`, or beside `ServiceDefinition_Medium`):
    a build packages the one it is told to, as a service keeps a configuration per environment
    (`ServiceConfiguration.Cloud.cscfg`), so one differing (in its VM sizes) is no stale description. A copy
    in a folder of its own is no variant: the build does not choose it."""
    here, there = definition.mark.path, deployed.mark.path
    if posixpath.dirname(here) != posixpath.dirname(there):
        return False
    mine, theirs = _variant_name(here), _variant_name(there)
    if mine == theirs or _kept_aside(mine) or _kept_aside(theirs):
        return False
    suffixed = mine.startswith(f"{theirs}_") or theirs.startswith(f"{mine}_")
    return suffixed or mine.rpartition("_")[0] == theirs.rpartition("_")[0] != ""


# The words a copy kept aside is named by (`ServiceDefinition_Old.csdef`, `_bak`): a stale description, which
# MIG004 is for, not a variant a build chooses.
_ASIDE_WORDS = frozenset(
    {
        "old",
        "bak",
        "backup",
        "copy",
        "orig",
        "original",
        "template",
        "tmp",
        "temp",
        "prev",
        "previous",
        "save",
        "saved",
        "unused",
        "obsolete",
        "deprecated",
        "archive",
        "archived",
    }
)


def _kept_aside(name: str) -> bool:
    """Whether a definition's name ends in a word that says it is a copy kept aside (`_old`, `_backup2`)."""
    last = name.rpartition("_")[2].rstrip("0123456789")
    return last in _ASIDE_WORDS


def _variant_name(path: str) -> str:
    """A definition's file name as variants are told apart: `servicedefinition_large` of
    `ServiceDefinition_Large.csdef` and of `ServiceDefinition-Large.csdef`."""
    return posixpath.basename(path).lower().removesuffix(".csdef").replace("-", "_")


def _by_service_name(configs: list[ServiceConfiguration]) -> list[tuple[ServiceConfiguration, ...]]:
    """Configurations grouped by the service they name, in the order first named. Those that name none go
    with the only named group, if there is one, and are a group of their own beside several."""
    groups: dict[str, list[ServiceConfiguration]] = {}
    unnamed = []
    for config in configs:
        if config.name:
            groups.setdefault(key(config.name), []).append(config)
        else:
            unnamed.append(config)
    listed = list(groups.values())
    if len(listed) == 1:
        listed[0].extend(unnamed)
    elif unnamed:
        listed.append(unnamed)
    return [tuple(group) for group in listed]


def _package_folder(doc: Document, cwd: str) -> str:
    """The folder of a document holding a service definition or configuration, else "": for a
    configuration published with a cloud project's package, the project's (see `_published_from`)."""
    if _holds_package(doc):
        return _published_from(folder_of(doc.path, cwd))
    return ""


def _package_folders(docs: Iterable[Document], cwd: str) -> list[str]:
    """`_package_folder` of each document, worked out once per folder: a package's definition and its
    configurations are files of one folder, and resolving a folder is most of the cost."""
    by_folder: dict[str, str] = {}
    found: list[str] = []
    for doc in docs:
        if not _holds_package(doc):
            found.append("")
            continue
        # A path's folder (`folder_of`) depends only on what precedes its last `/`.
        written = doc.path[: doc.path.rfind("/") + 1]
        folder = by_folder.get(written)
        if folder is None:
            folder = by_folder[written] = _published_from(folder_of(doc.path, cwd))
        found.append(folder)
    return found


def _holds_package(doc: Document) -> bool:
    # A loop, not `any` over a generator (twice the cost): this is asked of every document.
    for resource in doc.resources:  # noqa: SIM110
        if isinstance(resource, _PACKAGE_TYPES):
            return True
    return False


_PACKAGE_TYPES = (ServiceDefinition, ServiceConfiguration)


def _published_from(folder: str) -> str:
    """`folder`, or the cloud project whose package Visual Studio publishes into it (`discover.published_project`):
    a configuration there is the project's, joined to its definition as one beside it would be, so a role the
    definition lacks is MIG003 and not a second service."""
    return published_project(folder) or folder


# --- what a selection of rules needs read --------------------------------------------------------------
# A rule reads what the link stage made of the types it looks at, so its findings depend on every file
# whose resources are joined to those: an endpoint ACL of a .cscfg is reported on a role its .csdef
# defines, in a service an inventory export may rename. Nearly everything is joined to the cloud services,
# so a rule about them needs every file. These families are joined only among themselves:
#
# - networks: each network's definitions (netcfg, REST, an inventory export's, joined in the subscription
#   the exports' records choose) with their subnets, prefixes, gateways and the local sites they reach. A
#   network's members (the services placed in it) come from every file: a rule that reads them looks at
#   the services' types too, and so reads every file.
# - what only inventory exports and declarations show (`Estate.inventory`);
# - scripts as scripts: the classic calls and migration steps of each, read from that script alone;
# - what scripts say of the gateways of the networks they name, which changes no network: the rules that
#   read it beside the networks' own gateways look at both families.
_NETWORKS = frozenset(
    {
        NetworkConfiguration,
        VirtualNetwork,
        Subnet,
        AddressPrefix,
        Gateway,
        GatewayConnection,
        LocalNetworkSite,
        inv.ClassicNetwork,
    }
)
_FAMILIES = (
    _NETWORKS,
    inv.INVENTORY_TYPES,
    frozenset({Script, ClassicCall, MigrationStep}),
    frozenset({VnetGatewayFact}),
)
# The files that tell subscriptions apart (see `migcheck.subscriptions`): read whatever is selected, since
# nothing is linked across subscriptions.
_SUBSCRIPTIONS = frozenset({NetworkConfiguration, VirtualNetwork})


def kinds_to_read(looked_at: Iterable[frozenset[type]]) -> frozenset[FileKind] | None:
    """The kinds of file a run of rules that look at `looked_at` (one set of types per rule) must read to
    give the findings it gives over every file; None when that is every kind. Whole kinds, not single
    files: every file of a kind may hold what any file of that kind holds."""
    from migcheck.readers import kinds_producing  # lxml is imported only when there is reading to do

    wanted = set(_SUBSCRIPTIONS)
    for types in looked_at:
        families = [family for family in _FAMILIES if types & family]
        if not families or not types <= frozenset().union(*families):
            return None  # a rule about the cloud services, or about the files themselves
        wanted.update(*families)
    return kinds_producing(wanted)


_SCRIPT_KINDS = frozenset({FileKind.POWERSHELL, FileKind.PYTHON, FileKind.SHELL})

# The calls that create a reserved IP, in scripts.
_CREATES_RESERVED_IPS = frozenset(
    {"New-AzureReservedIP", "create_reserved_ip_address", "azure network reserved-ip create"}
)
# The calls that create a storage account, in scripts.
_CREATES_STORAGE_ACCOUNTS = frozenset(
    {"New-AzureStorageAccount", "create_storage_account", "azure storage account create"}
)


class _NetworkUse(NamedTuple):
    """A name of a network, besides a placement's, that must be one a file defines (see
    `_Linker._network_uses`): what the message says names it ("route table 'rt' is associated with subnet
    'a' of"), and the subnets of that network it names, each with what the message says names it."""

    network: NameRef
    uses: str
    subnets: tuple[tuple[NameRef, str], ...] = ()
    declared: bool = False  # written by hand in the declarations, not shown by an export


# --- the linker --------------------------------------------------------------------------------------


class _DefinedRoles:
    """A service definition's roles with their names keyed once, for every configuration beside it to
    join and check against (a definition is shared by a folder's configurations)."""

    def __init__(self, definition: ServiceDefinition) -> None:
        self.definition = definition
        self.keyed = tuple((key(r.name), r) for r in definition.roles)  # every role, in order
        self.by_key = dict(self.keyed)  # of two roles of one name, the last
        self._endpoints: dict[int, frozenset[str]] = {}  # per role, not per ACL: a role may have thousands

    def endpoints(self, role: Role) -> frozenset[str]:
        """The keys of `role`'s input endpoints."""
        found = self._endpoints.get(id(role))
        if found is None:
            found = self._endpoints[id(role)] = frozenset(key(e.name) for e in role.endpoints)
        return found


class _Linker:
    """Links the documents of one subscription. Every join goes through a dict built once."""

    def __init__(
        self,
        subscription: str,
        docs: tuple[Document, ...],
        grouping: Grouping,
        memo: LinkMemo | None = None,
        records_once: bool = False,
    ) -> None:
        self.subscription = subscription
        self.docs = docs
        self.grouping = grouping
        self.memo = memo
        # Whether the exports' records are each of one resource already: those of a subscription split from
        # the exports linked with the files (`_other_subscriptions`), taken once each there (`_once`).
        self.records_once = records_once
        self.dangling: list[Dangling] = []
        # The network and subnet names that point nowhere, each with every use a file makes of it (a
        # placement, a migration call, a gateway, a declaration): one finding each, see `_once_per_file`.
        self.named_nowhere: dict[tuple[str, ...], list[Dangling]] = defaultdict(list)
        self.conflicts: list[Conflict] = []
        self.exported: tuple[Estate, ...] = ()  # see `Estate.exported`, set by `_link_inventory`
        # The network definitions exports give, by identity (see `_join_inventory_networks`).
        self.exported_networks: set[int] = set()
        self.extended_support: tuple[ExtendedSupport, ...] = ()  # set by `_cloud_services`
        # Top-level resources by type, in file order: one pass over the documents serves every lookup.
        self.by_type: dict[type, list[object]] = defaultdict(list)
        self.role_docs: list[Document] = []  # the documents holding top-level roles, in order
        # The Export-AzureVM files a script creates its VM from, by path, with that script's cloud service
        # (see `_with_imported_vms`): their VM is the script's, not one of a service named after the folder.
        self.imported: dict[str, str] = {}
        # The scripts' files: what they say of a VM is how they create it, not the VM as it is.
        self.scripts = frozenset(doc.path for doc in docs if doc.kind in _SCRIPT_KINDS)
        for doc in docs:
            for resource in doc.resources:
                if type(resource) is Deployment and resource.mark.path != doc.path:
                    resource = replace(resource, described_in=doc.path)  # run from another file's function
                self.by_type[type(resource)].append(resource)
                if isinstance(resource, Role) and not (self.role_docs and self.role_docs[-1] is doc):
                    self.role_docs.append(doc)
        # The JSON role files of one VM each, of no cloud service, that `azure vm export` writes and `azure
        # vm create-from` creates a VM from (see `_export_files`).
        inventory = FileKind.INVENTORY  # looked up once: a member looked up on its class costs a hook call
        self.role_files = [doc for doc in docs if doc.kind is inventory and _one_vm_of_no_service(doc)]
        # The deployment templates (ARM JSON, Bicep) and Terraform configurations: each declares the classic
        # resources it deploys, not the subscription's, so none is a list of its networks or storage accounts.
        self.declaring = frozenset(s.mark.path for s in self._all(Script) if s.declared_types)

    def estate(self) -> Estate:
        netcfgs = list(self._all(NetworkConfiguration))
        sites = _unique(
            [
                *(s for n in netcfgs for s in n.local_sites),
                *(s for v in self._definitions() for s in v.inline_local_sites),
                *self._created_sites(),
            ],
            self.conflicts,
        )
        services = _with_associated_ips(self._cloud_services(), self._all(ReservedIp))
        self._check_reserved_ips(services)
        services, inventory, exported_premium = _link_inventory(self, services)
        defined = {key(v.name) for v in self._definitions()} | {key(n.name) for n in inventory.networks}
        services, configurations_apart = _configurations_apart(services, defined)
        # A classic deployment left with no other configuration to place it.
        services = tuple(self._in_no_resource_manager_network(service) for service in services)
        # Once every description of a VM has joined its service: a configuration may be its deployment's.
        services = _with_vm_configurations(services, self.conflicts)
        services = _with_configured_kinds_told(services)
        # Again for the deployments only an inventory export describes, which a script may reserve the VIP of.
        services = _with_associated_ips(services, self._all(ReservedIp))
        services = _with_reservations_joined(services)
        # What scripts delete or disassociate, made after every description of what they change is joined;
        # a VM a script names without its service is of the services that held one of that name before, and
        # a service is in the networks it was in before (its subnets then say which, for one left unstated).
        services_by_vm_name = _services_by_vm_name(services)
        networks_by_service = _networks_by_service(_in_networks_of_subnets(services, self._definitions()))
        exported_states = tuple(s for s in services if _in_migration(s))
        services = _deleted(services, self._all(Deployment), self.dangling)
        services = _released(services, self._all(ReservedIp))
        # Every server a definition writes in full (REST, an export's) too: one named alike at another
        # address is a conflict, as two network configurations' are.
        dns = _unique(
            [
                *(d for n in netcfgs for d in n.dns_servers),
                *(d for v in self._definitions() for d in v.inline_dns_servers),
            ],
            self.conflicts,
        )
        services = _with_listed_disks(services, self._all(Disk))
        # A Premium account marks the disks whose blob is in it: only once every join that may give a disk
        # its blob (the export's, a disk list's) is made.
        services = _in_premium_accounts(
            services, exported_premium | _created_premium(self._all(StorageAccountType))
        )
        services = tuple(_made_to_every_vm(s) for s in services)
        services = _in_networks_of_subnets(services, self._definitions())
        refused_addresses: list[NamedAfterDelete] = []
        services = _in_subnets_of_addresses(services, self._definitions(), refused_addresses)
        services = _stand_ins_told_apart(services)
        gateways = self._scripted_gateways()
        networks = self._networks(netcfgs, services, gateways)
        disks, disk_vms, namesakes = self._disks(services)
        images = _unique_images(self._all(Image))
        unlisted = self._check_listed_storage(disks, images, disk_vms, inventory)
        in_networks = records_in_networks(inventory)
        undefined = self._check_network_references(networks, in_networks)
        self.dangling.extend(_once_per_file(each) for each in self.named_nowhere.values())
        self.dangling.extend(_named_after_delete([*self._all(NamedAfterDelete), *refused_addresses]))
        gateways = {named: each for named, each in gateways.items() if key(each.name) not in undefined}
        inventory = _without_refused_records(inventory, undefined, self.scripts)
        _add_named_networks(
            networks, [*gateways.values(), *self._networks_without_gateway(), *in_networks], undefined
        )
        _add_scripted_associations(networks, self._grouped_and_routed(), undefined)
        return Estate(
            subscription=self.subscription,
            documents=self.docs,
            cloud_services=services,
            virtual_networks=tuple(networks.values()),
            local_sites=sites,
            dns_servers=dns,
            reserved_ips=_freed(_unique(self._all(ReservedIp), self.conflicts), self._all(ReservedIp)),
            disks=disks,
            images=images,
            storage_accounts=_storage_accounts(disks, images, unlisted),
            network_security_groups=_unique(self._all(NetworkSecurityGroup)),
            route_tables=_unique(self._all(RouteTable)),
            dangling=tuple(self.dangling),
            conflicts=tuple(self.conflicts),
            inventory=inventory,
            extended_support=self.extended_support,
            exported=self.exported,
            scripted_gateways=tuple(gateways.values()),
            selected_subscriptions=_first_of_each_id(self._all(SubscriptionSelection)),
            selected_by_name=_names_selected(self._all(SubscriptionSelection)),
            selected_by_name_in=_files_selecting_names(self._all(SubscriptionSelection)),
            clouds=_first_of_each_cloud(self._all(CloudInUse), disks, images),
            refused_networks=frozenset(undefined),
            configurations_apart=configurations_apart,
            services_by_vm_name=services_by_vm_name,
            networks_by_service=networks_by_service,
            exported_states=exported_states,
            affinity_groups=self.affinity_groups,
            _networks=networks,
            _scripted_gateways=gateways,
            _disk_vms=disk_vms,
            _disk_namesakes=namesakes,
            disk_list=self.disk_list,
        )

    def _all(self, type_: type[T]) -> list[T]:
        return self.by_type.get(type_, [])  # type: ignore[return-value]

    @functools.cached_property
    def affinity_groups(self) -> dict[str, AffinityGroupRegion]:
        return affinity_group_regions(self._all(AffinityGroupRegion))

    @functools.cached_property
    def _configurations_named(self) -> bool:
        """Whether a deployment of the files names a service configuration file it is made of
        (`Deployment.configuration_file`: a profile's, a script's `-Configuration`)."""
        return any(d.deployed_file for d in self._all(Deployment))

    def _created_sites(self) -> Iterator[LocalNetworkSite]:
        """The local network sites scripts create into the subscription's network configuration (the
        classic CLI's `network local-network create`), which a gateway connects to as to one a network
        configuration defines; not a local network gateway made for one connection beside ExpressRoute."""
        return (site for site in self._all(LocalNetworkSite) if site.in_network_configuration)

    def _definitions(self) -> Iterator[VirtualNetwork]:
        """Every virtual network definition, netcfg ones first (they are the network's own document)."""
        for n in self._all(NetworkConfiguration):
            yield from n.virtual_networks
        yield from self._all(VirtualNetwork)

    # --- networks ---------------------------------------------------------------------------------

    def _networks(
        self,
        netcfgs: list[NetworkConfiguration],
        services: tuple[CloudService, ...],
        scripted: Mapping[str, ScriptedGateway],
    ) -> dict[str, Network]:
        definitions: dict[str, list[VirtualNetwork]] = defaultdict(list)
        for vnet in self._definitions():
            definitions[join_key(vnet.name, vnet.mark)].append(vnet)
        # By name, the first description kept, as in the estate's lists (`_unique`).
        sites: dict[str, LocalNetworkSite] = {}
        for s in (s for n in netcfgs for s in n.local_sites):
            sites.setdefault(key(s.name), s)
        for s in self._created_sites():
            sites.setdefault(key(s.name), s)
        servers: dict[str, DnsServer] = {}
        for d in (d for n in netcfgs for d in n.dns_servers):
            servers.setdefault(key(d.name), d)
        in_netcfg = {id(v) for n in netcfgs for v in n.virtual_networks}
        netcfg_connections = {
            id(c) for n in netcfgs for v in n.virtual_networks if v.gateway for c in v.gateway.connections
        }
        members: dict[str, list[tuple[CloudService, Placement]]] = defaultdict(list)
        names: dict[str, NameRef] = {}
        for service in services:
            for placement in service.placements:
                ref = placement.virtual_network
                if ref is not None:
                    members[join_key(ref.name, ref.mark)].append((service, placement))
                    names.setdefault(join_key(ref.name, ref.mark), ref)
        networks: dict[str, Network] = {}
        for name_key, defs in definitions.items():
            self._compare_networks(defs)
            first = defs[0]
            own_sites: dict[str, LocalNetworkSite] = {}
            for site in (s for v in defs for s in v.inline_local_sites):
                own_sites.setdefault(key(site.name), site)
            gateway = _merged_gateway(defs)
            bound = _placing(defs).affinity_group  # type: ignore[union-attr]
            connects = _scripted_connections(gateway, scripted.get(name_key), own_sites, sites)
            local_sites = self._gateway_sites(first.name, gateway, own_sites, sites, netcfg_connections)
            vpn_sites = _vpn_sites(gateway, own_sites, sites)
            networks[name_key] = Network(
                name=first.name,
                mark=first.mark,
                definitions=tuple(defs),
                local_sites=_with_scripted_sites(local_sites, connects, own_sites, sites),
                vpn_sites=_with_scripted_sites(vpn_sites, connects, own_sites, sites),
                dns_servers=self._network_dns_servers(defs, servers, in_netcfg),
                members=tuple(members.get(name_key, ())),
                gateway=gateway,
                subnets=_merged_subnets(defs),
                exported_definitions=tuple(v for v in defs if id(v) in self.exported_networks),
                group_region=self.affinity_groups.get(key(bound)) if bound.strip() else None,
                scripted_connections=connects,
            )
        for name_key, ref in names.items():
            if name_key not in networks:
                networks[name_key] = Network(ref.name, ref.mark, members=tuple(members[name_key]))
        if definitions and self._networks_stated():
            self._check_placements(networks, self._defines_every_network())
        return networks

    def _check_reserved_ips(self, services: tuple[CloudService, ...]) -> None:
        """Each reserved IP a deployment uses must be one of the subscription's, when a list of them (the
        API's `ReservedIPs`) is among the files: those that scripts create and that exports describe are
        the subscription's too."""
        # A list (List Reserved IP Addresses), not one reserved IP's GET.
        lists = self._rest_bodies("ReservedIPs")
        listed = next((ip for ip in self._all(ReservedIp) if ip.mark.path in lists), None)
        if listed is None:
            return
        if self._creates_unnamed_reserved_ips():
            return  # a script creates one under a name it does not state: any may be that one
        known = {key(ip.name) for ip in self._all(ReservedIp)}
        known.update(key(ip.name) for ip in self._all(inv.ClassicReservedIp))
        for service in services:
            for placement in service.placements:
                for ref in placement.reserved_ips:
                    # A token is no name: the pipeline gives it one the list may hold.
                    if key(ref.name) not in known and not is_pipeline_token(ref.name):
                        self._dangle(
                            ref,
                            "ReservedIp",
                            f"{service.label} uses reserved IP '{ref.name}', which the subscription's list "
                            f"of reserved IPs ({listed.mark.path}) does not hold",
                        )

    def _creates_unnamed_reserved_ips(self) -> bool:
        """Whether a script creates more reserved IPs than it names (`New-AzureReservedIP -ReservedIPName
        $name`): each name it states is a `ReservedIp` of its file, and one it does not state a stand-in."""
        named = Counter(
            ip.mark.path
            for ip in self._all(ReservedIp)
            if not ip.released_from and not is_stand_in(ip.name, "ReservedIP")
        )
        return self._creates_more(_CREATES_RESERVED_IPS, named)

    def _creates_more(self, calls: frozenset[str], named: Counter[str]) -> bool:
        """Whether a script makes more calls of `calls` than `named` counts resources of its file: it
        creates one by a name it does not state, which may be any."""
        for script in self._all(Script):
            made = sum(1 for call in script.calls if call.name in calls)
            if made > named[script.mark.path]:
                return True
        return False

    def _check_listed_storage(
        self,
        disks: tuple[Disk, ...],
        images: tuple[Image, ...],
        disk_vms: Mapping[Disk, tuple[tuple[CloudService, Role], ...]],
        inventory: Inventory,
    ) -> set[str]:
        """Each disk must be in one of the subscription's storage accounts, and each disk a VM has by name
        one of its disks, when a file lists them all: the platform's validation fails for a VM whose disks
        do not exist (migration errors: "Make sure the disks for the VM exist"). A disk reported for its
        account is not reported again for its name. Gives the accounts the list lacks, by `key`."""
        # The disks' accounts, and their VMs by the disk's identity: each is read once for both checks, where
        # each check read every disk's account from its blob's address again, and hashed every disk (all
        # its fields, and its mark's) to find its VMs (29,000 disks in an export of four subscriptions).
        accounts = [disk.storage_account for disk in disks]
        vms_of = {id(disk): vms for disk, vms in disk_vms.items()}
        unlisted = self._check_storage_accounts(disks, accounts, images, vms_of, inventory)
        self._check_disk_names(
            [d for d, account in zip(disks, accounts, strict=True) if key(account) not in unlisted], vms_of
        )
        return unlisted

    def _check_storage_accounts(
        self,
        disks: tuple[Disk, ...],
        accounts: list[str],
        images: tuple[Image, ...],
        vms_of: Mapping[int, tuple[tuple[CloudService, Role], ...]],
        inventory: Inventory,
    ) -> set[str]:
        """The disks, and your images, whose blob is in a storage account that the subscription's list of
        them does not hold, when one is among the files (see `_storage_account_list`): those that scripts and
        REST bodies create and that exports of any subscription describe are the subscription's too. Gives
        the accounts the list lacks, by `key`. `accounts`: each disk's storage account; `vms_of`: the VMs
        of each disk, by its `id`."""
        listed = self._storage_account_list(inventory)
        if listed is None or self._creates_unnamed_storage_accounts():
            return set()
        known = {key(a.name) for a in self._all(StorageAccountType)}
        known.update(key(a.name) for a in inventory.storage_accounts)
        where = f"{listed.path}:{listed.line}"
        holds = f"which the subscription's list of storage accounts ({where}) does not hold"
        unlisted = set()
        # By account, the end of its disks' messages, or None for one the list holds: a few accounts hold
        # thousands of disks.
        verdicts: dict[str, str | None] = {}
        for disk, account in zip(disks, accounts, strict=True):
            if account not in verdicts:
                lacks = _unlisted(account, known)
                verdicts[account] = f"in storage account '{account}', {holds}" if lacks else None
                if lacks:
                    unlisted.add(key(account))
            said = verdicts[account]
            if said is not None:
                vms = vms_of.get(id(disk), ())
                which = _which_disk(disk, vms)
                words = f"{_disk_owner(disk, vms)} has {which}" if disk.attached_to or vms else f"{which} is"
                self._dangle(
                    NameRef(account, disk.media_link_mark or disk.mark), "StorageAccount", f"{words} {said}"
                )
        for image in (i for i in images if i.is_yours):
            for account in image.storage_accounts:
                if _unlisted(account, known):
                    unlisted.add(key(account))
                    message = f"image '{image.name}' has a VHD in storage account '{account}', {holds}"
                    self._dangle(NameRef(account, image.mark), "StorageAccount", message)
        return unlisted

    def _storage_account_list(self, inventory: Inventory) -> Mark | None:
        """Where the files list the subscription's storage accounts, all of them: the first account of the
        API's list (`StorageServices`, not one account's GET), else the first classic storage account an
        inventory export of the subscription shows, when none of its pages is missing; not one a template
        declares, which is only the accounts it deploys. None when no file lists them."""
        lists = self._rest_bodies("StorageServices")
        listed = next((a.mark for a in self._all(StorageAccountType) if a.mark.path in lists), None)
        if listed is not None or any(d.target in ("ExportPage", "ListPage") for d in self.dangling):
            return listed
        # Rows that name no subscription are of the one the files are joined to, as `_link_inventory` says.
        ours = key(inventory.subscription)
        exported = (
            a
            for a in inventory.storage_accounts
            if key(a.subscription or ours) == ours and a.mark.path not in self.declaring
        )
        return next((a.mark for a in exported), None)

    def _creates_unnamed_storage_accounts(self) -> bool:
        """Whether a script or a Create Storage Account body (`CreateStorageServiceInput`) creates an
        account whose name or type it does not state: each it states both of is a `StorageAccountType` of
        its file, and any other may be the account a disk is in. One named by a placeholder, or by a
        stand-in for a value a script does not state, is such an other: it is named where it runs."""
        named = Counter(
            a.mark.path for a in self._all(StorageAccountType) if not is_stand_in(a.name, "StorageAccount")
        )
        if any(not named[path] for path in self._rest_bodies("CreateStorageServiceInput")):
            return True
        return self._creates_more(_CREATES_STORAGE_ACCOUNTS, named)

    def _check_disk_names(
        self, disks: Iterable[Disk], vms_of: Mapping[int, tuple[tuple[CloudService, Role], ...]]
    ) -> None:
        """Each disk a VM has by name must be one of the subscription's, when a list of them all (the API's
        `Disks`, a `Get-AzureDisk` export) is among the files: the disks files register (`Add-AzureDisk`,
        an Add Disk body) are the subscription's too. A disk the list holds by its blob is that disk,
        whatever name another description gives it (MIG004 says so). A disk only scripts describe with its
        blob is one they create, named anew."""
        listed = self.disk_list
        if listed is None:
            return
        lists = self._disk_lists()
        known = {key(d.name) for d in self._all(Disk) if d.media_link.strip() or d.mark.path in lists}
        holds = f"which the subscription's list of disks ({listed.path}:{listed.line}) does not hold"
        for disk in disks:
            if not (disk.attached_to or id(disk) in vms_of) or disk.maybe_attached:
                continue  # only what a VM has is validated as its disk
            if not _names_a_disk(disk) or key(disk.name) in known:
                continue
            described = disk.described_at
            if any(m.path in lists for m in described):
                continue
            if all(m.path in self.scripts for m in described) and (disk.media_link.strip() or disk.account):
                continue
            owner = _disk_owner(disk, vms_of.get(id(disk), ()))
            self._dangle(NameRef(disk.name, disk.mark), "Disk", f"{owner} has disk '{disk.name}', {holds}")

    @functools.cached_property
    def disk_list(self) -> Mark | None:
        """Where the subscription's list of every disk it has starts (its first disk), when the files hold
        one (`_disk_lists`) and register no disk by a name they do not state, which may be any: the
        disks it lacks do not exist. None otherwise."""
        lists = self._disk_lists()
        if not lists or self._registers_unnamed_disks():
            return None
        return next(d.mark for d in self._all(Disk) if d.mark.path in lists)

    def _disk_lists(self) -> set[str]:
        """The files that list every disk of the subscription, and list one at least: the API's `Disks`
        list, and `Get-AzureDisk` exports (the inventory exports that hold disks of their own)."""
        inventory = FileKind.INVENTORY  # looked up once (see `_rest_bodies`)
        lists = {d.path for d in self.docs if d.kind is inventory} | self._rest_bodies("Disks")
        return {d.mark.path for d in self._all(Disk) if d.mark.path in lists}

    def _rest_bodies(self, root: str) -> set[str]:
        """The paths of the REST bodies whose root element is `root`. The root is compared first, and the
        kind looked up once: a member looked up on its enum class goes through `EnumType.__getattr__`'s
        hook on Python 3.11, for every document of every estate otherwise."""
        rest = FileKind.REST
        return {d.path for d in self.docs if d.root == root and d.kind is rest}

    def _registers_unnamed_disks(self) -> bool:
        """Whether a file registers a disk by a name it does not state (`Add-AzureDisk -DiskName $name`, a
        pipeline token): that disk may be any a VM names."""
        return any(
            is_stand_in(d.name) or is_pipeline_token(d.name)
            for d in self._all(Disk)
            if d.media_link.strip() or not d.attached_to
        )

    def _gateway_sites(
        self,
        network: str,
        gateway: Gateway | None,
        own: Mapping[str, LocalNetworkSite],
        defined: Mapping[str, LocalNetworkSite],
        netcfg_connections: set[int],
    ) -> tuple[LocalNetworkSite, ...]:
        """The local sites the gateway of `network` connects to, once each. A site a network configuration
        connects to (`netcfg_connections`, by `id`) must be one it defines: one only a script creates
        (`LocalNetworkSite.in_network_configuration`) is the connection's site all the same, but the
        configuration that names it is refused as it is written. A REST body writes its sites inside the
        network, so a name it gives is never dangling."""
        found: dict[str, LocalNetworkSite] = {}
        dangling: set[tuple[str, Mark]] = set()  # one site's connections are named at one LocalNetworkSiteRef
        for connection in gateway.connections if gateway else ():
            site = _site(connection.local_site, own, defined)
            named_at = (key(connection.local_site), connection.site_mark or connection.mark)
            if site is not None:
                found.setdefault(key(site.name), site)
            undefined = site is None or site.in_network_configuration
            if undefined and id(connection) in netcfg_connections and named_at not in dangling:
                dangling.add(named_at)
                self._dangle(
                    NameRef(connection.local_site, named_at[1]),
                    "LocalNetworkSite",
                    f"the gateway of virtual network '{network}' connects to local network site "
                    f"'{connection.local_site}', which the network configuration does not define",
                )
        return tuple(found.values())

    def _network_dns_servers(
        self, definitions: Sequence[VirtualNetwork], defined: Mapping[str, DnsServer], in_netcfg: set[int]
    ) -> tuple[DnsServer, ...]:
        """The DNS servers of a network as every description states them: a network configuration by
        reference (resolved to the server it defines, whose mark it keeps), a REST body or an export in
        full, each where it writes it. A server is one name at one address, held once, at its first
        description; an export names servers by their address only, so one it states at an address a
        named server has is that server. Two descriptions that give one name two addresses disagree
        (MIG004, see `estate`): both addresses are kept, so a rule about either sees it."""
        found: list[DnsServer] = []
        held: set[tuple[str, str]] = set()  # (name, address)
        addresses: set[str] = set()
        for vnet in definitions:
            for server in self._dns_servers(vnet, defined, id(vnet) in in_netcfg):
                address = server.address.strip()
                unnamed = server.name.strip() == address
                if (key(server.name), address) in held or (unnamed and address in addresses):
                    continue
                held.add((key(server.name), address))
                addresses.add(address)
                found.append(server)
        return tuple(found)

    def _dns_servers(
        self, vnet: VirtualNetwork, defined: Mapping[str, DnsServer], from_netcfg: bool
    ) -> tuple[DnsServer, ...]:
        """The DNS servers one description of a network states: written in full inside it, else named
        and defined beside it (a reference a network configuration does not resolve is dangling)."""
        found = list(vnet.inline_dns_servers)
        for ref in () if vnet.inline_dns_servers else vnet.dns_servers:
            server = defined.get(key(ref.name))
            if server is not None:
                found.append(server)
            elif from_netcfg:
                self._dangle(
                    ref,
                    "DnsServer",
                    f"virtual network '{vnet.name}' uses DNS server '{ref.name}', which the network "
                    "configuration does not define",
                )
        return tuple(found)

    def _networks_stated(self) -> bool:
        """Whether the network configurations checked here may be taken to hold every network of the
        subscription: not when a script uploads one whose content it does not show (a file given by a
        parameter, one it edits through an `[xml]` object and saves, a body read from a file), since that
        upload replaces every network, and a name no file defines may be one of those it uploads. An upload
        of a file by the name of a network configuration checked here (`.\\NetworkConfig.netcfg` beside it)
        is of that file, whose networks are checked."""
        configurations = self._all(NetworkConfiguration)
        shown = {configuration.mark.path for configuration in configurations}
        checked = {upload_name(c.mark.path) for c in configurations if not is_script(c.mark.path)}
        made = self._script_networks()
        return not any(
            _uploads_networks(script, made.get(script.mark.path, ()))
            and script.mark.path not in shown
            and not _uploads_only(script.uploaded_files, checked)
            for script in self._all(Script)
        )

    def _script_networks(self) -> dict[str, list[VirtualNetwork]]:
        """The networks scripts make (the classic CLI's `vnet create`), by the script's path."""
        made: dict[str, list[VirtualNetwork]] = defaultdict(list)
        for network in self._all(VirtualNetwork):
            if network.mark.path in self.scripts:
                made[network.mark.path].append(network)
        return made

    def _defines_every_network(self) -> bool:
        """Whether some file describes the subscription's networks as a whole: a network configuration
        (which holds every network), a REST body or an export of one. Not the networks scripts make, nor
        those a template declares: a file that creates one network says nothing of the others."""
        return bool(self._all(NetworkConfiguration)) or any(
            network.mark.path not in self.scripts and network.mark.path not in self.declaring
            for network in self._all(VirtualNetwork)
        )

    def _compare_networks(self, defs: list[VirtualNetwork]) -> None:
        first = defs[0]
        for other in defs[1:]:
            differences = _network_differences(other, first, self.affinity_groups)
            if differences:
                self.conflicts.append(
                    Conflict("VirtualNetwork", first.name, other.mark, first.mark, differences)
                )

    def _check_placements(self, networks: Mapping[str, Network], knows_every_network: bool) -> None:
        """Each placement's network must be defined (when some file defines the subscription's networks,
        see `_defines_every_network`), and each subnet its roles are in must be a subnet of that network
        (of one a script makes too). A name that points nowhere is reported once in each file (see
        `_once_per_file`): two services a script places in one misspelt network, two roles a
        configuration puts in one subnet the network lacks. Each use joins `named_nowhere`, where the
        other uses of the name (`_check_network_references`) join it too."""
        portal = _portal_names(networks.values())
        found = self.named_nowhere
        for network in networks.values():
            subnets = _subnet_names(network)
            for service, placement in network.members:
                ref = placement.virtual_network
                assert ref is not None
                if not network.defined:
                    if not knows_every_network:
                        continue
                    dangling = self._undefined_network(ref, f"{service.label} is placed in", portal)
                    if dangling is not None:
                        found[(ref.mark.path, "VirtualNetwork", key(ref.name))].append(dangling)
                    continue
                used = (*(s for role in placement.roles for s in role.subnets), *placement.stray_subnets)
                for subnet, said in (*((s, "") for s in used), *_balancer_subnets(placement)):
                    if (
                        subnets is not None
                        and key(subnet.name) not in subnets
                        and not is_stand_in(subnet.name)
                    ):
                        message = (
                            f"{said}subnet '{subnet.name}', which is not a subnet of virtual network "
                            f"'{network.name}'"
                            if said
                            else f"subnet '{subnet.name}' is not a subnet of virtual network '{network.name}'"
                        )
                        at = (subnet.mark.path, "Subnet", key(network.name), key(subnet.name))
                        found[at].append(Dangling(subnet, "Subnet", message))

    def _check_network_references(self, networks: Mapping[str, Network], records: Iterable[Any]) -> set[str]:
        """Every other name of a network or subnet (`_network_uses`: what scripts run on a network, the
        Application Gateways in one) must be a network a file defines, and a subnet of it, when some file
        defines networks (a network configuration holds every network of its subscription). A name that
        points nowhere is reported once in each file, where the file first writes it, placements included:
        each use joins `named_nowhere` (see `_once_per_file`). Returns the names (by `key`) of the networks
        scripts and declarations name that dangle: the platform refuses what a script asks of a network
        that does not exist, and a declaration of one describes nothing there; neither makes a network of
        the estate (see `_add_named_networks`)."""
        if not any(network.defined for network in networks.values()) or not self._networks_stated():
            return set()
        knows_every_network = self._defines_every_network()
        portal = _portal_names(networks.values())
        subnets: dict[
            int, frozenset[str] | None
        ] = {}  # by id() of each defined network named, built once each
        undefined: set[str] = set()
        found = self.named_nowhere
        for use in self._network_uses(records):
            network = networks.get(join_key(use.network.name, use.network.mark))
            if network is not None and network.defined:
                for subnet in self._dangling_subnets(use, network, subnets):
                    at = (subnet.mark.path, "Subnet", key(network.name), key(subnet.name))
                    found[at].append(subnet)
                continue
            if not knows_every_network:
                continue
            dangling = self._undefined_network(use.network, use.uses, portal)
            if dangling is not None:
                found[(dangling.mark.path, "VirtualNetwork", key(dangling.name))].append(dangling)
                if use.declared or use.network.mark.path in self.scripts:
                    undefined.add(key(use.network.name))
        return undefined

    def _dangling_subnets(
        self, use: _NetworkUse, network: Network, subnets: dict[int, frozenset[str] | None]
    ) -> Iterator[Dangling]:
        """The subnets `use` names that are not subnets of `network` (`subnets` holds each network's subnet
        names, by id(), once found)."""
        if id(network) not in subnets:
            subnets[id(network)] = _subnet_names(network)
        held = subnets[id(network)]
        if held is None:
            return
        for subnet, said in use.subnets:
            if (
                key(subnet.name) not in held
                and not is_pipeline_token(subnet.name)
                and not is_stand_in(subnet.name)
            ):
                message = f"{said} subnet '{subnet.name}', which is not a subnet of virtual network '{network.name}'"
                yield Dangling(subnet, "Subnet", message)

    def _network_uses(self, records: Iterable[Any]) -> Iterator[_NetworkUse]:
        """The names of networks and subnets besides placements: the networks scripts migrate, whose
        gateways they create, link to a circuit, connect or disconnect, and the subnets they associate a
        network security group or route table with; the network and subnets of each Application Gateway of
        `records` (created by a script or a request body, exported, declared), and the network (and subnet)
        of every other declaration of `records`. Move-AzureService's `-VirtualNetworkName` is none of them:
        it names a Resource Manager network."""
        for script in self._all(Script):
            for step in script.migration:
                if step.scope == "virtual-network" and step.target.strip():
                    said = f"{step.shown} names"
                    yield _NetworkUse(NameRef(step.target, step.target_mark or step.mark), said)
        for fact in self._all(VnetGatewayFact):
            yield _NetworkUse(NameRef(fact.vnet, fact.vnet_mark or fact.mark), f"{fact.how} names")
        for state in self._all(ConnectionState):
            if state.virtual_network:
                said = "the script disconnects the gateway of"
                yield _NetworkUse(NameRef(state.virtual_network, state.network_mark or state.mark), said)
        for associated in self._grouped_and_routed():
            if associated.virtual_network.strip() and associated.subnet.strip():
                what = (
                    "network security group"
                    if isinstance(associated, NetworkSecurityGroup)
                    else "route table"
                )
                said = f"{what} '{associated.name}' is associated with"
                subnet = NameRef(associated.subnet, associated.subnet_mark or associated.mark)
                network = NameRef(associated.virtual_network, associated.network_mark or associated.mark)
                yield _NetworkUse(network, f"{said} subnet '{subnet.name}' of", ((subnet, said),))
        for gateway in records:
            if isinstance(gateway, inv.ApplicationGateway) and gateway.vnet.strip():
                said = f"classic Application Gateway '{gateway.name}' is in"
                subnets = tuple(
                    (NameRef(s, gateway.subnet_mark(at)), said)
                    for at, s in enumerate(gateway.subnets)
                    if s.strip()
                )
                network = NameRef(gateway.vnet, gateway.vnet_mark or gateway.mark)
                yield _NetworkUse(network, said, subnets, declared=gateway.declared)
        # Not an authorization link's network: the one linked through it is most often another
        # subscription's, which this one's network configuration does not define.
        for record in records:
            if isinstance(record, (inv.ServiceInVnet, inv.VnetPeering)) and record.declared:
                yield _declared_use(record)

    def _grouped_and_routed(self) -> list[NetworkSecurityGroup | RouteTable]:
        """The network security groups and route tables: those a script associates with a subnet name it."""
        return [*self._all(NetworkSecurityGroup), *self._all(RouteTable)]

    @staticmethod
    def _undefined_network(ref: NameRef, uses: str, portal: Mapping[str, str]) -> Dangling | None:
        """`ref`, a network name no definition joins, as a name that points at nothing, `uses` saying what
        names it ("cloud service 'x' is placed in"), with the full name of a network created in the Azure
        portal that it may stand for (`portal`). None for a pipeline token, which names the network the
        pipeline gives it, or a stand-in, which may name any network."""
        if is_pipeline_token(ref.name) or is_stand_in(ref.name):
            return None
        full = portal.get(key(ref.name))
        hint = (
            f"; '{full}' is a network created in the Azure portal, whose classic name is "
            "'Group <resource group> <name>': refer to it by that full name"
            if full
            else ""
        )
        message = (
            f"{uses} virtual network '{ref.name}', which no network configuration checked here defines{hint}"
        )
        return Dangling(ref, "VirtualNetwork", message)

    def _scripted_gateways(self) -> dict[str, ScriptedGateway]:
        """The scripts' gateway facts grouped by network name, matched as placements are matched to
        networks (`join_key`: a name that is its file's own groups that file's facts only), in one pass."""
        grouped: dict[str, list[VnetGatewayFact]] = defaultdict(list)
        configurations = self._checked_configurations_by_file()
        for fact in self._all(VnetGatewayFact):
            if fact.removes_gateway:  # no gateway: the network alone (see `_networks_without_gateway`)
                continue
            for each in _given_each_network(fact, configurations):
                grouped[join_key(each.vnet, each.mark)].append(each)
        return {
            name_key: ScriptedGateway(facts[0].vnet, facts[0].mark, tuple(facts))
            for name_key, facts in grouped.items()
        }

    def _networks_without_gateway(self) -> list[VnetGatewayFact]:
        """The networks whose gateway a script removed after it created or linked it: each a network all
        the same, named where the script first named it (`VnetGatewayFact.removes_gateway`)."""
        configurations = self._checked_configurations_by_file()
        return [
            each
            for fact in self._all(VnetGatewayFact)
            if fact.removes_gateway
            for each in _given_each_network(fact, configurations)
        ]

    def _checked_configurations_by_file(self) -> dict[str, list[NetworkConfiguration]]:
        """The network configurations of the files checked (not those scripts upload), by file name."""
        return configurations_by_file(self._all(NetworkConfiguration))

    def _dangle(self, ref: NameRef, target: str, message: str, fix: str = "") -> bool:
        """Record `ref` as pointing at nothing, unless it is a stand-in: a name the script does not state
        may be any, it points nowhere known. Whether it was recorded."""
        if is_stand_in(ref.name):
            return False
        self.dangling.append(Dangling(ref, target, message, fix))
        return True

    # --- cloud services ---------------------------------------------------------------------------

    def _cloud_services(self) -> tuple[CloudService, ...]:
        """Packaged services (csdef + cscfg) but those deployed as Cloud Services (extended support), then
        REST deployments (joined to a packaged service of the same name, whose definition names the roles
        of a package they do not name, and to each other by service name, or, for bodies that name no
        service, as `_UnnamedJoin` tells), then Export-AzureVM groups and bare role bodies (joined to the
        deployment that holds VMs of the same names)."""
        services, self.extended_support = _extended_support(
            list(self._packaged_services()), self._all(ExtendedSupportService), self._all(Deployment)
        )
        by_name: dict[str, int] = {}
        for index, service in enumerate(services):
            by_name.setdefault(join_key(service.name, service.mark, SERVICE_KIND), index)
        opened = _Opened(services, self.conflicts, self.scripts)
        deployments = _placeholder_vms_told_apart(
            _one_per_stand_in(
                [
                    _network_of_its_subnets(kept, self.scripts)
                    for d in self._all(Deployment)
                    if (kept := _without_deletions(d)) is not None
                ],
                self.scripts,
            )
        )
        packaged = _PackagedBeside(list(services), self.scripts)
        listed = _ListedIps(
            [
                *((ip.name, ip.service_name, ip.deployment_name, ip.mark) for ip in self._all(ReservedIp)),
                *((ip.name, ip.service, ip.deployment, ip.mark) for ip in self._all(inv.ClassicReservedIp)),
            ],
            self.scripts,
        )
        posted = _PostedBodies(self._all(Script), deployments)
        unnamed = _UnnamedJoin(deployments, self.scripts, packaged, listed, posted)
        packaged.deployed = _named_as_deployed(services, deployments, by_name)
        for deployment in deployments:
            if not deployment.service_by_vm_name:
                self._add_deployment(opened, by_name, unnamed.named(deployment), unnamed)
        services = opened.closed()
        opened = _Opened(services, self.conflicts, self.scripts)
        self._add_loose_vms(opened, by_name)
        by_vm_name = [d for d in deployments if d.service_by_vm_name]
        self._add_changes_by_vm_name(opened, by_name, by_vm_name, unnamed)
        return tuple(opened.closed())

    def _in_no_resource_manager_network(self, service: CloudService) -> CloudService:
        """A classic deployment that names its virtual network or a reserved IP by a Resource Manager id (a
        configuration meant for Cloud Services (extended support), deployed with New-AzureDeployment, and no
        other configuration of the service to deploy instead, see `_configurations_apart`): a classic
        deployment joins only a classic network and takes only a classic reserved IP, named as the
        subscription names them, so the platform refuses it. That is said (MIG003) where the id is written,
        and no classic network or reserved IP is made of the id for the plan to move: which the service has,
        if any, is not known."""
        if not any(_in_resource_manager_network(p) or _resource_manager_ips(p) for p in service.placements):
            return service
        configurations = {c.mark.path for c in service.configurations}
        placements = list(service.placements)
        for at, placement in enumerate(service.placements):
            ref = placement.virtual_network
            if ref is not None and _in_resource_manager_network(placement):
                placements[at] = replace(placements[at], virtual_network=None, network_known=False)
                self._dangle_resource_manager_id(service, ref, "virtual network", configurations)
            public = _resource_manager_ips(placement)
            if public:
                kept = tuple(r for r in placement.reserved_ips if r not in public)
                placements[at] = replace(placements[at], reserved_ips=kept, reserved_ips_known=bool(kept))
            for ip in public:
                self._dangle_resource_manager_id(service, ip, "reserved IP", configurations)
        return replace(service, placements=tuple(placements))

    def _dangle_resource_manager_id(
        self, service: CloudService, ref: NameRef, what: str, configurations: set[str]
    ) -> None:
        """MIG003 at a Resource Manager id a classic deployment names its virtual network or reserved IP by."""
        written = "its configuration" if ref.mark.path in configurations else "its deployment"
        found = "VirtualNetwork" if what == "virtual network" else "ReservedIP"
        asked = "VNetName" if what == "virtual network" else "its VirtualIPs' ReservedIPName"
        joins = (
            "joins only a classic virtual network, named as the network configuration names it"
            if what == "virtual network"
            else "takes only a classic reserved IP, named as New-AzureReservedIP names it"
        )
        self._dangle(
            ref,
            found,
            f"cloud service '{service_named(service)}' is deployed as a classic cloud service, but "
            f"{written} names {what} '{ref.name}' by its Resource Manager id: a classic deployment {joins}, "
            f"so the platform refuses the deployment, and the files do not say which classic {what} the "
            "service has, if any",
            f"Name the classic {what} the service is deployed with (Get-AzureDeployment gives it as {asked}) "
            "where the id is written. A configuration meant for Cloud Services (extended support), which was "
            f"deprecated on {EXTENDED_SUPPORT_DEPRECATED} and retires on {EXTENDED_SUPPORT_RETIRES}, is not "
            f"the classic service's: deploy the classic one with a configuration that names its classic {what}.",
        )

    def _add_changes_by_vm_name(
        self, opened: _Opened, by_name: dict[str, int], changes: Sequence[Deployment], unnamed: _UnnamedJoin
    ) -> None:
        """A script's changes to VMs it names without their cloud service (`Deployment.service_by_vm_name`),
        once every other description has joined its service: made to the one VM of that name the files
        describe, as a change to a VM they create is (`_Roles.merge`). A name the files give VMs of several
        services is refused by the CLI ("VM name is not unique"): MIG003, and the change is made to none;
        PowerShell picks every one of them (`Deployment.every_vm_of_name`), and each is changed.
        A VM they describe nowhere is one of a service they do not state: the first change's stand-in
        service, which every other such change of that VM joins."""
        if not changes:
            return
        # As joined so far: an Export-AzureVM file's VM may have joined a service that held none of its name.
        holders = {name: sorted(found) for name, found in opened.vm_holders().items()}
        alone: dict[str, int] = {}  # the stand-in service of each VM the files describe nowhere, by name
        for change in changes:
            for vm in change.roles:
                found = holders.get(key(vm.name), [])
                if len(found) > 1 and not change.every_vm_of_name:
                    self.dangling.append(_not_unique(vm, [opened.current(i) for i in found]))
                    continue
                targets = found or ([alone[key(vm.name)]] if key(vm.name) in alone else [])
                for target in targets:
                    opened[target].join_vm(vm)
                if targets:
                    continue
                alone[key(vm.name)] = len(opened.services)
                self._add_deployment(opened, by_name, replace(change, roles=(vm,)), unnamed)

    def _packaged_services(self) -> Iterator[CloudService]:
        """A csdef and the cscfgs in its folder; cscfgs with no csdef beside them, grouped by folder."""
        cwd = os.getcwd().replace(os.sep, "/")
        folders: list[tuple[str, _FolderServices]]
        documents: Callable[[str], list[Document]]
        if self.memo is not None:
            folders = list(self.memo.packaged(self, cwd))
            documents = self.memo.documents
        else:
            docs: dict[str, list[Document]] = defaultdict(list)
            for doc, folder in zip(self.docs, _package_folders(self.docs, cwd), strict=True):
                if folder:
                    docs[folder].append(doc)
            folders = [(folder, self.folder_services(folder, docs[folder])) for folder in sorted(docs)]
            documents = docs.__getitem__
        folders, documents = _copies_joined(folders, documents, self.folder_services)
        for _, (services, dangling) in _joined_by_service_name(folders, documents, self.folder_services):
            self.dangling.extend(dangling)
            for service in services:
                self._compare_definitions(service)
            yield from services

    def _compare_definitions(self, service: CloudService) -> None:
        """Each copy of a service's definition that differs from the deployed one in what the rules read
        (its roles, their kinds, sizes and input endpoints) is a conflicting definition (MIG004)."""
        kept = service.definition
        for copy in service.definition_copies:
            if kept is not None and _is_variant(copy, kept):
                continue
            differences = _definition_differences(copy, kept) if kept is not None else ()
            if kept is not None and differences:
                self.conflicts.append(Conflict(copy.kind, copy.name, copy.mark, kept.mark, differences))

    def folder_services(
        self, folder: str, docs: list[Document]
    ) -> tuple[tuple[CloudService, ...], tuple[Dangling, ...]]:
        """The services of one folder, and the names they leave dangling, for `LinkMemo` to keep (the
        link records them when it takes the services, in the order of the folders)."""
        start = len(self.dangling)
        services = tuple(self._folder_services(folder, docs))
        dangling = tuple(self.dangling[start:])
        del self.dangling[start:]
        return services, dangling

    def _folder_services(self, folder: str, docs: list[Document]) -> Iterator[CloudService]:
        """The cloud services of the definitions and configurations of one folder's documents."""
        resources = [r for doc in docs for r in doc.resources]
        defs = [r for r in resources if isinstance(r, ServiceDefinition)]
        configs = [r for r in resources if isinstance(r, ServiceConfiguration)]
        if not defs:
            # Configurations alone (test fixtures, a pipeline's Configs/ folder): one service per
            # serviceName, not every configuration under the first one's name.
            for group in _by_service_name(configs):
                yield self._packaged_service(folder, None, group)
            return
        if len(defs) == 1:
            yield self._packaged_service(folder, defs[0], tuple(configs))
            return
        # Several definitions in one folder: each name is a service of its own (a second one was once
        # dropped unchecked), defined by the definition deployed, the others of its name kept as copies; a
        # configuration belongs to the service its serviceName names, else the first.
        named = _definitions_by_name(defs)
        first = key(defs[0].name)
        paired: dict[str, list[ServiceConfiguration]] = defaultdict(list)
        for config in configs:
            paired[key(config.name) if key(config.name) in named else first].append(config)
        for name, (definition, *copies) in named.items():
            service = self._packaged_service(folder, definition, tuple(paired[name]))
            yield replace(service, definition_copies=tuple(copies)) if copies else service

    def _packaged_service(
        self, folder: str, definition: ServiceDefinition | None, configs: tuple[ServiceConfiguration, ...]
    ) -> CloudService:
        anchor = definition.mark if definition else configs[0].mark
        written = definition.name if definition else configs[0].name
        defined = _DefinedRoles(definition) if definition is not None else None
        # Unless a deployment names it, the local emulator's configuration is not deployed: its placement is
        # built only where some deployment names a configuration file (most estates: none, and a placement
        # per service less to hold).
        local = self.grouping.include_local
        deploys = [local or not c.is_local for c in configs]
        every = all(deploys)
        built = configs if every or self._configurations_named else tuple(compress(configs, deploys))
        configured = tuple(self._configured(defined, c) for c in built)
        # Nearly always every configuration built is deployed: one tuple of them, not two alike.
        placements = (
            configured if every or len(built) < len(configs) else tuple(compress(configured, deploys))
        )
        if not placements and definition is not None:
            # A definition with no deployed configuration: its roles, in a network no file states.
            placements = (Placement(definition.name, definition.mark, definition.roles, False, True),)
        for config in configs:
            self._check_configuration(defined, config)
        return CloudService(
            written or posixpath.basename(folder) or ".",
            anchor,
            placements,
            definition,
            configs,
            named_by="files" if written else "folder",
            configured=configured,
        )

    def _configured(self, defined: _DefinedRoles | None, config: ServiceConfiguration) -> Placement:
        """A deployed configuration: the definition's roles with the configuration's facts joined in. A
        definition that defines no role (a stub, `<ServiceDefinition name="x"/>`) says no role's kind: the
        roles the configuration names are then taken for a package's web and worker roles, as where there
        is no definition, not for a deployment of no VM (MIG003 says the definition lacks them)."""
        if defined is not None and not defined.keyed and config.roles:
            defined = None
        # Most configurations bind no ACL and place no instance in a subnet: nothing to index then.
        acls = config.acls_by_role() if config.endpoint_acls else {}
        addresses = config.addresses_by_role() if config.instance_addresses else {}
        if defined is not None:
            settings = {key(r.name): r for r in config.roles}
            keyed, placed = defined.keyed, defined.by_key
        else:
            keyed = tuple((key(r.name), _unknown_role(r)) for r in config.roles)
            placed = dict(keyed)
        joined = tuple(
            model.configured_role(
                role,
                settings.get(name) if defined is not None else None,
                _defined_acls(acls.get(name, ()), defined, role),
                addresses.get(name, ()),
            )
            for name, role in keyed
        )
        return Placement(
            # Interned: the configurations of every service share a few file names (`.Cloud.cscfg`).
            name=sys.intern(config.mark.path.rsplit("/", 1)[-1]),
            mark=config.mark,
            roles=joined,
            network_known=True,
            endpoints_known=defined is not None,
            virtual_network=config.virtual_network,
            reserved_ips=config.reserved_ips,
            dns_servers=config.dns_servers,
            internal_load_balancers=config.internal_load_balancers,
            stray_subnets=tuple(
                s for a in config.instance_addresses if key(a.role) not in placed for s in a.subnets
            )
            if config.instance_addresses
            else (),
        )

    def _check_configuration(self, defined: _DefinedRoles | None, config: ServiceConfiguration) -> None:
        """Names a configuration uses that its definition (or the configuration itself) does not define."""
        definition = defined.definition if defined is not None else None
        named_otherwise = key(config.name) != key(definition.name) if definition is not None else False
        if definition is not None and config.name and named_otherwise and not is_pipeline_token(config.name):
            # Packaging and deployment refuse a configuration whose serviceName is not the definition's: a
            # stale copy, or a configuration meant for another service's folder.
            self._dangle(
                NameRef(config.name, config.mark),
                "ServiceDefinition",
                f"the configuration names service '{config.name}', but the service definition in its "
                f"folder is '{definition.name}'",
                _rename_service_name(config.name, definition.name),
            )
        roles = defined.by_key if defined is not None else None
        if definition is not None and roles is not None:
            named: tuple[RoleSettings | InstanceAddress, ...] = (*config.roles, *config.instance_addresses)
            for item in named:
                if key(item.name) not in roles:
                    self._dangle(
                        NameRef(item.name, item.mark),
                        "Role",
                        f"role '{item.name}' is not defined in the service definition of '{definition.name}'",
                    )
        controls = {key(a.name) for a in config.access_controls} if config.endpoint_acls else set()
        for acl in config.endpoint_acls:
            if acl.access_control and key(acl.access_control) not in controls:
                self._dangle(
                    NameRef(acl.access_control, acl.mark),
                    "AccessControl",
                    f"EndpointAcl for {acl.name} names access control '{acl.access_control}', which this "
                    "file does not define",
                )
            role = roles.get(key(acl.role)) if roles is not None else None
            if roles is not None and role is None and definition is not None:
                self._dangle(
                    NameRef(acl.role, acl.mark),
                    "Role",
                    f"EndpointAcl names role '{acl.role}', which is not defined in the service definition of "
                    f"'{definition.name}'",
                )
            if role is not None and defined is not None and key(acl.endpoint) not in defined.endpoints(role):
                self._dangle(
                    NameRef(acl.endpoint, acl.mark),
                    "InputEndpoint",
                    f"EndpointAcl names endpoint '{acl.endpoint}', which role '{role.name}' does not define "
                    "as an input endpoint",
                )

    def _add_deployment(
        self, opened: _Opened, by_name: dict[str, int], d: Deployment, unnamed: _UnnamedJoin
    ) -> None:
        """A deployment joined to its cloud service: the one of the service name it gives, else, for a body
        that names none, the one `unnamed` tells (see `_UnnamedJoin`), else a service of its own."""
        d = self._with_imported_vms(d)
        named = join_key(d.service_name, d.mark, SERVICE_KIND) if d.service_name else ""
        index = by_name.get(named) if named else unnamed.index_of(d)
        roles = (
            d.roles
            if index is None
            else _kinds_from_package(_package_roles(d.roles, opened.services[index]), opened.services[index])
        )
        placement = Placement(
            name=d.name,
            mark=d.mark,
            roles=roles,
            network_known=d.network_known,
            # A deployment the files only name (a reserved IP associated with it) may have endpoints none
            # shows, on VMs or roles none describes.
            endpoints_known=_lists_every_endpoint(roles) and bool(roles or not d.partly_described),
            virtual_network=d.virtual_network,
            reserved_ips=(d.reserved_ip, *d.other_reserved_ips) if d.reserved_ip else (),
            dns_servers=d.dns_servers,
            instances=d.instances,
            reserved_ips_known=d.reserved_ip is not None or d.reserved_ip_known,
            deployment_named=_deployment_named(d) and not d.name_assumed,
            name_assumed=d.name_assumed,
            slot=d.slot.strip(),
            internal_load_balancers=d.internal_load_balancers,
            other_vips=d.other_vips,
            partly_described=d.partly_described,
            subnets_without_network=d.subnets_without_network,
            described_in=d.described_in,
        )
        if index is None:
            if d.service_name:
                by_name[named] = len(opened.services)
            else:
                unnamed.opened(d, len(opened.services))
            named_by = "files" if d.service_name else "deployment"
            opened.services.append(
                CloudService(
                    d.service_name or d.name,
                    d.mark,
                    (placement,),
                    named_by=named_by,
                    service_stand_in="" if d.service_name else d.service_stand_in,
                    looped_over=d.service_looped_over,  # set only where the name is not stated
                )
            )
            return
        joined = opened[index]
        if d.service_name and joined.service.named_by == "folder":  # the body states what a folder guessed
            joined.service = replace(joined.service, name=d.service_name, named_by="files")
        joined.add_placement(placement)

    def _with_imported_vms(self, d: Deployment) -> Deployment:
        """A script's deployment with each VM it creates from Export-AzureVM files it names
        (`Role.imported_from`) named as the files name their VMs: the one checked file of that name (the
        one in the script's folder, of several), or each file of the script's folder that a pattern it lists
        them by matches (`*.xml`), each describing one VM. The files' descriptions then join those VMs, in
        the script's cloud service and network (see `_loose_groups`), as a GET joins the VM a script
        creates. What the script does to the VM it imports before creating it (Set-AzureSubnet,
        Add-AzureEndpoint, Set-AzureAvailabilitySet) is a change made to the file's VM (`changes_existing`,
        see `_Roles.merge`): what it states replaces what the file says, what it leaves unsaid is the file's."""
        if not d.service_name or not any(role.imported_from for role in d.roles):
            return d
        roles: list[Role] = []
        for role in d.roles:
            named = []
            for export in self._export_files(role.imported_from, d.mark.path) if role.imported_from else ():
                vms = [r for r in export.resources if isinstance(r, (Role, inv.ClassicVm))]
                if len(vms) == 1 and self.imported.setdefault(export.path, d.service_name) == d.service_name:
                    named.append(replace(role, name=vms[0].name, changes_existing=True))
            roles.extend(named or [role])
        return replace(d, roles=tuple(roles))

    def _export_files(self, name: str, script: str) -> list[Document]:
        """The checked Export-AzureVM files a script names by `name` (its path's last part, in any case): for
        a pattern (`*.xml`), each of the script's folder that matches it; else the only one of that name,
        or the one in the script's folder; none when there is no telling which."""
        exports = [doc for doc in self.role_docs if doc.kind is FileKind.VM_EXPORT] + self.role_files
        beside = [doc for doc in exports if posixpath.dirname(doc.path) == posixpath.dirname(script)]
        if any(mark in name for mark in "*?["):
            return [
                doc for doc in beside if fnmatch.fnmatchcase(key(posixpath.basename(doc.path)), key(name))
            ]
        found = [doc for doc in exports if key(posixpath.basename(doc.path)) == key(name)]
        if len(found) > 1:
            found = [doc for doc in found if doc in beside]
        return found if len(found) == 1 else []

    def _add_loose_vms(self, opened: _Opened, by_name: dict[str, int]) -> None:
        """Export-AzureVM files in one folder (or one configured group) are one cloud service; a bare REST
        role body is a VM of a service the file does not name. Either joins the service that already holds
        VMs of the same names, or the configured service of that name, else stands alone.

        Export-AzureVM files name no service: a folder's is named after the folder, a guess that a name a
        file states beats. A disk listed on its own (a `Disks` list's `AttachedTo`) may state the service
        of one of their VMs (`_DiskServices`); a service of the folder's name that a file states (a REST
        body's `ServiceName`, a configuration's, a script's) is the folder's. So no rule, nor the summary,
        sees one service twice: once as the files state it, once as its folder guesses it. Two role
        bodies of one VM name in one folder that no other service's files tie (an Add Role request and an
        Update Role request of that VM) are one VM: the second joins the first's service, MIG004 where
        they differ."""
        services = opened.services
        vm_owner: dict[str, int] = {}
        for index, service in enumerate(services):
            for placement in service.placements:
                for name in _vm_or_unsaid_names(placement):
                    vm_owner.setdefault(name, index)
        stated_by_disks = _DiskServices(self._all(Disk))
        cwd = os.getcwd().replace(os.sep, "/")
        # The service a role body that no other service's files tie opened, by its folder and VM name: a
        # second body of that VM in the folder (a create and an update request) describes the same VM.
        alone: dict[tuple[str, str], int] = {}
        for group_name, named_by, vms in self._loose_groups():
            stated, deployment = stated_by_disks.of(vms) if named_by == "folder" else ("", "")
            name = stated or group_name
            owners = {vm_owner.get(key(vm.name)) for vm in vms}
            beside: tuple[str, str] | None = None
            if named_by in ("role", "file") and vms[0].mark.path not in self.scripts:
                # A role body names no service, and VM names are unique only within one: its namesake is
                # this VM only when a file in the body's folder describes it (a GET of the deployment
                # saved beside the GET of the role) or the folder is named after its service (as
                # Export-AzureVM files are kept). Elsewhere the name alone ties them: a guess.
                owners = {o for o in owners if o is None or _described_in(services[o], vms[0], cwd)}
                if named_by == "role" and owners <= {None}:
                    beside = (folder_of(vms[0].mark.path, cwd), key(group_name))
            target = by_name.get(key(group_name)) if named_by == "config" else None
            if target is None and len(owners) == 1 and None not in owners:
                target = owners.pop()
            if target is None and beside is not None:
                target = alone.get(beside)
            if target is None and named_by == "folder":
                target = _stated_service(opened, by_name, name)
            if target is None:
                placement = Placement(
                    deployment or group_name,
                    vms[0].mark,
                    tuple(vms),
                    False,
                    True,
                    deployment_named=bool(deployment),
                )
                by_name.setdefault(key(name), len(services))
                if beside is not None:
                    alone[beside] = len(services)
                services.append(
                    CloudService(
                        name,
                        vms[0].mark,
                        (placement,),
                        named_by="files" if named_by == "config" or stated else named_by,
                    )
                )
                continue
            _join_vms(opened[target], group_name, vms, deployment)

    def _loose_groups(self) -> Iterator[tuple[str, str, list[Role]]]:
        """The VMs of Export-AzureVM files by folder (or configured group), and of each other role body on
        its own, each with its name and what it is named after ("folder", "config", "role", "file")."""
        groups: dict[tuple[str, str], list[Role]] = defaultdict(list)
        cwd = os.getcwd().replace(os.sep, "/")
        for doc in self.role_docs:
            vms = [r for r in doc.resources if isinstance(r, Role)]
            if doc.kind is FileKind.VM_EXPORT:
                configured = self.grouping.service_for(doc.path) or self.imported.get(doc.path, "")
                folder = folder_of(doc.path, cwd)
                group = ("", configured) if configured else (folder, posixpath.basename(folder) or ".")
                groups[group].extend(vms)
            else:
                name = vms[0].name or posixpath.splitext(posixpath.basename(doc.path))[0]
                yield name, "role" if vms[0].name else "file", vms
        for (folder, name), vms in sorted(groups.items()):
            yield name, "folder" if folder or name == "." else "config", _loose_placeholders_told_apart(vms)

    # --- storage ----------------------------------------------------------------------------------

    def _disks(
        self, services: tuple[CloudService, ...]
    ) -> tuple[
        tuple[Disk, ...], dict[Disk, tuple[tuple[CloudService, Role], ...]], dict[Disk, tuple[Disk, ...]]
    ]:
        """Every disk once: a VM's own disks first (the most specific description), then listed disks.
        One disk is one blob (its MediaLink), or one name when the file gives no MediaLink. A disk named
        without its blob (a VM given a disk of the repository by name, `New-AzureVMConfig -DiskName`) is the
        disk of that name another description gives a blob: disk names are unique in a subscription. A
        disk in a VM's body is attached to that VM, whether the body names it or not (`_attached`). A blob
        that descriptions give other disk names is one disk, with the others as its namesakes (MIG004)."""
        found: list[tuple[Disk, tuple[CloudService, Role] | None]] = [
            (disk, (service, vm)) for service in services for vm in service.vms for disk in vm.disks
        ]
        found += [(disk, None) for disk in self._all(Disk)]
        blobs = _NamedBlobs(disk for disk, _ in found)
        described: dict[str, list[Disk]] = defaultdict(list)
        owners: dict[str, tuple[CloudService, Role]] = {}
        first_held: dict[str, Disk] = {}
        others: dict[str, list[tuple[CloudService, Role]]] = defaultdict(list)
        for disk, owner in found:
            k = _described_disk(disk, blobs)
            if owner is not None:
                held = owners.setdefault(k, owner)
                first_held.setdefault(k, disk)
                if _another_vm(owner, held, others[k]):
                    if _kept_apart(owner, held):
                        self._two_vms_one_disk(disk, owner, first_held[k], held)
                    others[k].append(owner)
            described[k].append(disk)
        disks = {k: _merged_disk(group) for k, group in described.items()}
        for k, (_, vm) in owners.items():
            disks[k] = _attached(disks[k], vm)
        maybe = {k: disk for k, disk in disks.items() if k not in owners and disk.maybe_attached}
        if maybe:
            in_files = _vms_by_file(services)
            for k, disk in maybe.items():
                owner = _named_in_file(in_files, disk)
                if owner is not None:
                    owners[k] = owner
        by_disk = {disks[k]: (owner, *others.get(k, ())) for k, owner in owners.items()}
        namesakes = {}
        for k, group in described.items():
            renamed = _other_names(group, self.scripts)
            if renamed:
                namesakes[disks[k]] = renamed
                self._one_blob_two_names(renamed, disks[k])
        return tuple(disks.values()), by_disk, namesakes

    def _one_blob_two_names(self, renamed: tuple[Disk, ...], disk: Disk) -> None:
        """A blob is registered as one disk (its lease): descriptions that give it other disk names
        describe a stale disk or another disk's blob by mistake."""
        for other in renamed:
            self.conflicts.append(
                Conflict(
                    other.kind,
                    other.name,
                    other.mark,
                    disk.mark,
                    (f"disk name of blob {disk.media_link.strip()}: '{other.name}' / '{disk.name}'",),
                )
            )

    def _two_vms_one_disk(
        self, disk: Disk, owner: tuple[CloudService, Role], kept: Disk, holder: tuple[CloudService, Role]
    ) -> None:
        """One blob is one VM's disk at a time (its lease): two VMs the files keep apart (other cloud
        services or deployments) that both have it are one VM described twice or a stale description."""
        self.conflicts.append(
            Conflict(
                disk.kind,
                disk.name or disk.media_link,
                disk.mark,
                kept.mark,
                (f"attached to {_vm_words(*owner)} / {_vm_words(*holder)}",),
            )
        )


def _other_names(descriptions: list[Disk], scripts: frozenset[str]) -> tuple[Disk, ...]:
    """The descriptions of one blob (`_disk_key`) that give it a disk name other than the first, each name
    once. A script's is none of them (what it registers may be named anew where it runs), nor a name it
    does not state or a pipeline token writes (any name)."""
    if len(descriptions) < 2:  # nearly every blob is described once: no other name
        return ()
    named = [
        d
        for d in descriptions
        if d.media_link.strip()
        and d.name.strip()
        and d.mark.path not in scripts
        and not is_stand_in(d.name)
        and not is_pipeline_token(d.name)
    ]
    if not named:
        return ()
    seen = {key(named[0].name)}
    found = []
    for d in named[1:]:
        if key(d.name) not in seen:
            seen.add(key(d.name))
            found.append(d)
    return tuple(found)


def _described_in(service: CloudService, vm: Role, cwd: str) -> bool:
    """Whether the folder of `vm`'s file is named after `service`, or a file in it describes the VM of
    `vm`'s name that `service` holds."""
    folder = folder_of(vm.mark.path, cwd)
    if service.named_by == "files" and key(posixpath.basename(folder)) == key(service.name):
        return True
    return any(
        folder_of(mark.path, cwd) == folder
        for held in service.vms
        if key(held.name) == key(vm.name)
        for mark in held.described_at
    )


def _another_vm(
    owner: tuple[CloudService, Role], held: tuple[CloudService, Role], others: list[tuple[CloudService, Role]]
) -> bool:
    """Whether `owner`'s VM is not the one holding a disk first, nor one already told, and can exist with
    it (a script may create one VM or the other, never both: `model.apart`)."""
    vm = owner[1]
    if vm is held[1] or any(vm is other for _, other in others):
        return False
    return not model.apart(held[1].branches, vm.branches)


def _kept_apart(a: tuple[CloudService, Role], b: tuple[CloudService, Role]) -> bool:
    """Whether the files say two VMs are two: of other names, or both in cloud services a file names or
    tells apart by their deployments. A role body on its own names no service: it and a VM of its name
    with the same disk may well be one VM described twice, which is no conflict (what waits for the disk's
    VMs waits for both all the same)."""
    (service_a, vm_a), (service_b, vm_b) = a, b
    unstated = service_a.named_by in UNNAMED_BY_ROLE or service_b.named_by in UNNAMED_BY_ROLE
    return key(vm_a.name) != key(vm_b.name) or not unstated


def _unlisted(account: str, known: set[str]) -> bool:
    """Whether a storage account is one the subscription's list of them (`known`, by key) lacks. A stand-in
    or placeholder is no name, nor is a pipeline token: the pipeline gives it one the list may hold."""
    if not account or key(account) in known:
        return False
    return not is_stand_in(account, "StorageAccount") and not is_pipeline_token(account)


def _names_a_disk(disk: Disk) -> bool:
    """Whether a disk's description states its name: not a stand-in or a pipeline token, nor only its blob's
    file name (what a Python script's disk without `disk_name` is known by: the platform names a disk it
    creates)."""
    name = disk.name.strip()
    if not name or is_stand_in(name) or is_pipeline_token(name):
        return False
    return disk.name != disk.media_link.rsplit("/", 1)[-1]


def _disk_owner(disk: Disk, vms: Sequence[tuple[CloudService, Role]]) -> str:
    """The VM a disk is attached to, as MIG401 names it: in its cloud service where a file describes the
    VM, or where the disk's description states it (a disk list's `AttachedTo`)."""
    if vms:
        service, vm = vms[0]
        named = f"VM '{vm.name}'" if vm.name else "a VM its body does not name"
        return f"{named} in {service.label}"
    if disk.attached_to.startswith("<the VM "):  # an Add Data Disk body's, or one an export cut short
        return disk.attached_to.strip("<>")
    stated = disk.attached_service.strip()
    return f"VM '{disk.attached_to}'" + (f" in cloud service '{stated}'" if stated else "")


def _which_disk(disk: Disk, vms: Sequence[tuple[CloudService, Role]]) -> str:
    """Which disk `disk` is, as MIG401 says it: by its name where its description states one; else as its
    VM's data disk at a LUN, or as a data disk (one added as such, at a LUN the file does not state), or its
    OS disk (the first, at no LUN, not added as a data disk), or "a disk", with its blob's address (for a
    disk the platform creates in the current storage account, that)."""
    if _names_a_disk(disk):
        return f"disk '{disk.name}'"
    first = vms[0][1].disks[:1] if vms else ()
    if disk.lun:
        which = f"its data disk at LUN {disk.lun}"
    elif disk.data:
        which = "a data disk"
    elif first and not first[0].lun and not first[0].data and first[0].media_link == disk.media_link:
        which = "its OS disk"
    else:
        which = "a disk"
    return f"{which} ({disk.media_link.strip() or 'created in the current storage account'})"


def _not_unique(vm: Role, services: Sequence[CloudService], does: str = "changes") -> Dangling:
    """A change to VM `vm` (a deletion: `does`), named without its cloud service, that the files give VMs
    of that name in each of `services`."""
    labels = [service.label for service in services]
    message = (
        f"the command {does} VM '{vm.name}' without naming its cloud service, and the files describe a VM "
        f"of that name in {', '.join(labels[:-1])} and {labels[-1]}: the classic CLI refuses a VM name that "
        f"is not unique in the subscription, so the command {does} none of them"
    )
    return Dangling(NameRef(vm.name, vm.mark), "VmName", message)


def _vm_words(service: CloudService, vm: Role) -> str:
    """A VM as a conflict names it: with its service and the file that describes it."""
    return f"VM '{vm.name}' of {service.label} ({vm.mark.path}:{vm.mark.line})"


def _stated_service(opened: _Opened, by_name: Mapping[str, int], name: str) -> int | None:
    """The service of `name` that a file names (not one named after a folder or a deployment), if any."""
    index = by_name.get(key(name))
    return index if index is not None and opened.current(index).named_by == "files" else None


def _join_vms(service: _OpenService, group: str, vms: Sequence[Role], deployment: str = "") -> None:
    """The VMs of Export-AzureVM files (of a folder, or a configured group) joined to a service another
    file describes: each to the VM of its name the service holds, else to the service's deployment when it
    has exactly one the VMs may be in (`_vm_deployments`); with none or several, the files do not say
    which: the VMs are a deployment of their own in it, named after their group, as they are alone.

    Where listed disks state the VMs' deployment (`_DiskServices`), they are in the service's deployment
    of that name, else in one of their own of that name: not in another the files name otherwise."""
    deployments = _vm_deployments(service)
    if deployment:
        named = [at for at in deployments if key(service.placement(at).name) == key(deployment)]
        # A deployment a file does not name (a script's, under a stand-in) may be the stated one.
        unnamed = [at for at in deployments if not service.placement(at).deployment_named]
        deployments = named or (unnamed if len(deployments) == 1 else [])
    if len(deployments) == 1:
        for vm in vms:
            service.join_vm(vm, deployments[0])
        return
    new: list[Role] = []
    for vm in vms:
        if service.vm_at(vm.name) is None:
            new.append(vm)
        else:
            service.join_vm(vm)
    if new:
        name = deployment or group
        service.add_placement(
            Placement(name, new[0].mark, tuple(new), False, True, deployment_named=bool(deployment))
        )


def _vm_deployments(service: _OpenService) -> list[int]:
    """The placements of a service that VMs its files do not place may be in: its deployments, but a
    script's reservation of its VIP alone (`_reservation_only`) and a configuration with no definition
    beside it (its roles join the deployment of the VMs they are: see `_vm_configurations_joined`)."""
    configured = {c.mark for c in service.service.configurations}
    return [
        at
        for at in range(len(service.placements))
        if not _reservation_only(service.placement(at)) and service.placements[at].mark not in configured
    ]


class _DiskServices:
    """The cloud services and deployments disks listed on their own state their VMs are in (a `Disks`
    list's `AttachedTo`: `HostedServiceName`, `DeploymentName` and `RoleName`), by VM and disk name: a VM
    name alone is no VM's (two services may each have a VM of that name), a disk name is the
    subscription's one disk."""

    def __init__(self, disks: Iterable[Disk]) -> None:
        # (VM, disk) -> the (service, deployment) each disk of that name states, by key ("" when unstated)
        self._services: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        self._written: dict[str, str] = {}  # a service's or deployment's name as first written, by key
        for disk in disks:
            service = disk.attached_service.strip()
            if service and not is_stand_in(service) and disk.name.strip() and not disk.maybe_attached:
                deployment = disk.attached_deployment.strip()
                deployment = "" if is_stand_in(deployment) else deployment
                self._services[(key(disk.attached_to), key(disk.name))].add((key(service), key(deployment)))
                for name in (service, deployment):
                    self._written.setdefault(key(name), name)

    def of(self, vms: Iterable[Role]) -> tuple[str, str]:
        """The one service the disks state any of `vms` is in, and the one deployment of it they state
        (each "" when they state none, or several: so is the deployment of a service they do not state)."""
        if not self._services:
            return "", ""
        stated: set[tuple[str, str]] = set()
        for vm in vms:
            for disk in vm.disks:
                stated |= self._services.get((key(vm.name), key(disk.name)), set())
        services = {service for service, _ in stated}
        if len(services) != 1:
            return "", ""
        deployments = {deployment for _, deployment in stated if deployment}
        deployment = next(iter(deployments)) if len(deployments) == 1 else ""
        return self._written[next(iter(services))], self._written.get(deployment, "")


class _UnnamedJoin:
    """The cloud service of each deployment body that names none (no `Url`, no hosted service around it: a
    trimmed Get Deployment, a Create Virtual Machine Deployment request), where the files say which.

    They say it by the deployment's private ID (`Deployment.private_id`), which is the deployment's alone:
    a body that names no service joins the service a body with that ID names, else the other bodies with
    that ID. A deployment name and VM names do not say it: a deployment is named within its service, and a
    VM within its deployment, so one request body sent to two services (a test and a production one)
    describes two deployments alike, and such bodies stand alone. Bodies with one ID that name different
    deployments are not one deployment either (an ID copied from one body into another): the ID joins only
    bodies of one deployment name, or a body that states none to the one name the others give.

    A body the ID does not join joins the service a script sends it to (`_PostedBodies`), else the service
    of a body saved beside it (`_NamedBeside`), as a role
    body joins the VM of its name only where its folder ties them: a request body kept next to the GET of
    the service it created is that service's deployment, not a second one of its name."""

    def __init__(
        self,
        deployments: Sequence[Deployment],
        scripts: frozenset[str] = frozenset(),
        packaged: _PackagedBeside | None = None,
        listed: _ListedIps | None = None,
        posted: _PostedBodies | None = None,
    ) -> None:
        self._packaged = packaged or _PackagedBeside((), scripts)
        self._service: dict[int, str] = {}  # by body (`id`): the service name it takes
        # By body: its deployment (`_identity`), which the bodies that join share.
        self._first: dict[int, tuple[str, str]] = {}
        self._index: dict[tuple[str, str], int] = {}  # by deployment: the index of the service it opened
        with_id = [d for d in deployments if d.private_id]
        names: dict[str, set[str]] = defaultdict(set)  # by private ID: the deployment names its bodies give
        for d in with_id:
            if _deployment_named(d):
                names[key(d.private_id)].add(key(d.name))
        named: dict[tuple[str, str], str] = {}  # deployment: the service a body of it names
        for d in with_id:
            if d.service_name and not is_stand_in(d.service_name):
                named.setdefault(_identity(d, names), d.service_name)
        beside = _NamedBeside(deployments, scripts)
        for d in deployments:
            if d.service_name:
                continue
            identity = _identity(d, names) if d.private_id else None
            service = named.get(identity) if identity is not None else None
            if service is None and posted is not None:
                service = posted.service_of(d)
            if service is None:
                service = beside.service_of(d)
            if service is None and listed is not None:
                service = listed.service_of(d)
            if service is not None:
                self._service[id(d)] = service
            elif identity is not None:
                self._first[id(d)] = identity

    def named(self, d: Deployment) -> Deployment:
        """`d` with the service name a body of its deployment gives, where it names none."""
        service = self._service.get(id(d))
        return replace(d, service_name=service) if service else d

    def index_of(self, d: Deployment) -> int | None:
        """The service another body of `d`'s deployment opened, when no body of it names one; else the
        packaged service beside it whose package it deploys (`_PackagedBeside`)."""
        identity = self._first.get(id(d))
        if identity is None:
            return self._packaged.index_of(d)
        return self._index.get(identity)

    def opened(self, d: Deployment, index: int) -> None:
        """`d`, of a deployment no body names the service of, opened the service at `index`."""
        identity = self._first.get(id(d))
        if identity is not None:
            self._index.setdefault(identity, index)


class _ListedIps:
    """The cloud service of a deployment body that names none, where the reserved IP it names is listed as
    associated with a deployment of the body's name (a saved `GET .../services/networking/reservedips`
    entry, a `Get-AzureReservedIP` export: `ServiceName`, `DeploymentName`): a reserved IP's name is its
    subscription's alone, and it is associated with one deployment at most, so the entry names the body's
    service. Only where the entries for that IP name one service and one deployment (a Resource Graph row
    names no deployment). Neither a script's body (its deployment is one it creates where it runs) nor a
    script's reserved IP (whose association is one it makes) is tied so."""

    def __init__(self, ips: Iterable[tuple[str, str, str, Mark]], scripts: frozenset[str]) -> None:
        """`ips`: each entry's reserved IP, service, deployment and where it is."""
        self.scripts = scripts
        # By reserved IP: the (service, deployment) pairs its entries associate it with.
        self.entries: dict[str, dict[tuple[str, str], str]] = defaultdict(dict)
        for name, service, deployment, mark in ips:
            service, deployment = service.strip(), deployment.strip()
            if service and deployment and not is_stand_in(service) and mark.path not in scripts:
                self.entries[key(name)][(key(service), key(deployment))] = service

    def service_of(self, d: Deployment) -> str | None:
        if d.reserved_ip is None or d.mark.path in self.scripts or not _deployment_named(d):
            return None
        found = self.entries.get(key(d.reserved_ip.name), {})
        if len(found) != 1:
            return None
        ((_, deployment), service), *_ = found.items()
        return service if deployment == key(d.name) else None


class _PostedBodies:
    """The cloud service of a deployment body file that names none, where a script sends that file to create
    a deployment (`Script.posted_bodies`: `Invoke-RestMethod -Method Post -Uri .../hostedservices/shop/
    deployments -InFile deploy.xml`): the service the request's path names. The file is the one of that path
    from the script's folder, else the one body file of that name that names no service. Only where each
    request that sends it names the one service, as the script states it: one it does not state (`$svc` a
    parameter) may be any, and the body keeps its stand-in; a body sent to two services is a deployment in
    each, which one body's facts do not tell apart."""

    def __init__(self, scripts: Sequence[Script], deployments: Sequence[Deployment]) -> None:
        self.cwd = os.getcwd().replace(os.sep, "/")
        # Each body file that names no service, by its path (`_absolute`), and those paths by file name.
        paths = {
            self._absolute(d.mark.path)
            for d in deployments
            if not d.service_name and not is_script(d.mark.path)
        }
        by_file: dict[str, set[str]] = defaultdict(set)
        for path in paths:
            by_file[posixpath.basename(path)].add(path)
        # By body path: the services the requests that send it name, by `key` ("" for one not stated).
        self.services: dict[str, dict[str, str]] = defaultdict(dict)
        for script in scripts:
            folder = posixpath.dirname(script.mark.path)
            for file, service in script.posted_bodies:
                path = self._absolute(posixpath.join(folder, file))
                named = {path} if path in paths else by_file.get(posixpath.basename(path), set())
                if len(named) == 1:
                    self.services[next(iter(named))][key(service)] = service

    def service_of(self, d: Deployment) -> str | None:
        found = self.services.get(self._absolute(d.mark.path)) if not d.service_name else None
        if not found or len(found) != 1 or "" in found:
            return None
        return next(iter(found.values()))

    def _absolute(self, path: str) -> str:
        """A path as one string whatever the working directory, in lower case (Windows paths ignore case)."""
        return posixpath.normpath(posixpath.join(self.cwd, path)).casefold()


class _NamedBeside:
    """The service of a deployment body that names none, where a body in its folder that names its service
    describes a deployment of its name holding every VM of the body (a Create Deployment request saved
    beside the GET of the service it created), and no other such body names another service. A private ID
    each body states tells them apart when they differ. A script's body is not tied so: its deployment is
    one it creates where it runs, whatever is saved beside it."""

    def __init__(self, deployments: Sequence[Deployment], scripts: frozenset[str]) -> None:
        self.scripts = scripts
        self.cwd = os.getcwd().replace(os.sep, "/")
        self.named: dict[tuple[str, str], list[Deployment]] = defaultdict(list)
        for d in deployments:
            stated = d.service_name and not is_stand_in(d.service_name) and d.mark.path not in scripts
            if stated and _deployment_named(d):
                self.named[(folder_of(d.mark.path, self.cwd), key(d.name))].append(d)

    def service_of(self, d: Deployment) -> str | None:
        if d.mark.path in self.scripts or not _deployment_named(d) or not self.named:
            return None
        vms = {key(role.name) for role in d.roles if role.is_vm}
        if not vms or len(vms) < len(d.roles):
            return None
        found = {
            key(other.service_name): other.service_name
            for other in self.named.get((folder_of(d.mark.path, self.cwd), key(d.name)), ())
            if vms <= {key(role.name) for role in other.roles if role.is_vm}
            and not (d.private_id and other.private_id and key(d.private_id) != key(other.private_id))
        }
        return next(iter(found.values())) if len(found) == 1 else None


def _named_as_deployed(
    services: list[CloudService], deployments: Sequence[Deployment], by_name: dict[str, int]
) -> dict[int, int]:
    """Each packaged service a script deploys by naming one of its configuration files
    (`Deployment.configuration_file`: `New-AzureDeployment -ServiceName ILL-demo -Configuration
    .\\Web\\bin\\Release\\app.publish\\ServiceConfiguration.Cloud.cscfg`) takes the name the script deploys it
    under: the name a project gives its package is the project's, and the cloud service is the one the script
    names, so the script's deployment and every other description of that service join the project's
    roles, one service. A script that does not state the service's name deploys it all the same: the
    service is named by the stand-in of its deployment, and the deployment joins it (returned: the index
    of the service, by deployment, `id`). The first script to deploy a project names it; a deployment of
    the same project under another name the script states (a staging service and a QA one) is another
    service of the project's roles, appended to `services`. One whose service name the files give another
    packaged service, or that names no project alone, leaves it as it is. Each service so deployed is
    made of the configurations its deployments name (`_deployed_configurations`)."""
    deploying = [d for d in deployments if d.deployed_file]
    if not deploying:
        return {}
    files = _ConfigurationFiles(services)
    projects = list(services)  # each packaged service as its files describe it
    claimed: set[int] = set()
    unnamed: dict[int, int] = {}
    named: dict[int, _NamedConfigurations] = {}  # by the index of the service deployed
    for d in deploying:
        index, path = files.index_of(d)
        name = join_key(d.service_name, d.mark, SERVICE_KIND) if d.service_name else ""
        if index is not None and index in claimed and not name:
            _deployed_unnamed_again(services, d, index, path, unnamed, named)
            continue
        if index is not None and index in claimed and name and name not in by_name:
            services.append(replace(services[index], name=d.service_name))
            by_name[name] = len(services) - 1
            named[len(services) - 1] = _NamedConfigurations(index, [path])
            continue
        earlier = named.get(by_name[name]) if index is not None and index in claimed and name else None
        if earlier is not None and earlier.project == index:
            earlier.paths.append(path)  # another deployment of that service: its other slot's
            continue
        if index is None or index in claimed or (name and by_name.get(name, index) != index):
            continue
        claimed.add(index)
        named[index] = _NamedConfigurations(index, [path])
        if name:
            services[index] = replace(services[index], name=d.service_name)
            by_name[name] = index
        else:
            services[index] = replace(
                services[index],
                name=d.name,
                named_by="deployment",
                service_stand_in=d.service_stand_in,
                looped_over=d.service_looped_over,
            )
            unnamed[id(d)] = index
    left = _deployed_configurations(services, projects, named, files)
    for d in deploying:
        _slot_of_configuration(services, by_name, unnamed, files, d)
    for project_index, rest in left.items():
        project = projects[project_index]
        index = by_name.get(join_key(project.name, project.mark))
        deployed_as_named = index is not None and key(services[index].name) == key(project.name)
        if not deployed_as_named or index not in named or named[index].project != project_index:
            services.append(rest)  # deployed under other names only: the project's own service is another
        else:
            services[index] = _with_other_slots(services[index], rest)
    return unnamed


def _deployed_unnamed_again(
    services: list[CloudService],
    d: Deployment,
    index: int,
    path: str,
    unnamed: dict[int, int],
    named: dict[int, _NamedConfigurations],
) -> None:
    """A project another script deployed first, deployed by `d` under a service name its script does not
    state either: the service of that unstated name (the service's stand-in, one for each value a script
    passes) is made of the project's roles too, as one deployed under a name stated is; one the same
    stand-in names already is that service, in another slot."""
    for at, earlier in named.items():
        service = services[at]
        if earlier.project == index and d.service_stand_in and service.service_stand_in == d.service_stand_in:
            earlier.paths.append(path)
            unnamed[id(d)] = at
            return
    services.append(
        replace(
            services[index],
            name=d.name,
            named_by="deployment",
            service_stand_in=d.service_stand_in,
            looped_over=d.service_looped_over,
        )
    )
    unnamed[id(d)] = len(services) - 1
    named[len(services) - 1] = _NamedConfigurations(index, [path])


# The slots of a cloud service: one deployment in each at most.
_SLOTS = frozenset({"production", "staging"})


def _with_other_slots(service: CloudService, rest: CloudService) -> CloudService:
    """The service a script deploys under the name its project's files give it, with the project's
    configurations no deployment names (`rest`): the deployments of the slots the scripts leave free, as
    where no script deploys the project. Where the scripts fill both slots, those configurations are no
    deployment of it: a service holds one deployment per slot."""
    taken = {key(p.slot) for p in service.placements}
    if taken >= _SLOTS:
        return service
    return replace(service, placements=(*service.placements, *rest.placements))


class _NamedConfigurations(NamedTuple):
    """The configuration files the deployments of one service name: of packaged service `project`, each
    as `_ConfigurationFiles.index_of` finds it ("" for one the files lack)."""

    project: int
    paths: list[str]


def _deployed_configurations(
    services: list[CloudService],
    projects: Sequence[CloudService],
    named: Mapping[int, _NamedConfigurations],
    files: _ConfigurationFiles,
) -> dict[int, CloudService]:
    """A service deployed with the configurations its deployments name is placed by those alone, the local
    emulator's too (a publish profile's `<AzureServiceConfiguration>Local`): another configuration of the
    project (`ServiceConfiguration.Production.cscfg` beside the `Cloud` one a profile deploys) is not that
    service's. One named but not among the files (kept out of the repository) says nothing of the others:
    the service keeps the project's. Returned: what no deployment names of each project deployed (its
    configurations but the local emulator's, as where no deployment names one), the project's own service
    under the name its files give it, by the project's index."""
    used: dict[int, set[str]] = defaultdict(set)
    for index, found in named.items():
        project = projects[found.project]
        if "" in found.paths:
            continue
        chosen = _with_copies_elsewhere(project, set(found.paths), files)
        used[found.project] |= chosen
        placements = tuple(p for p in project.configured if files.path_key(p.mark.path) in chosen)
        services[index] = replace(services[index], placements=placements)
    left: dict[int, CloudService] = {}
    for project_index, chosen in used.items():
        project = projects[project_index]
        configured = {c.mark for c in project.configurations}
        others = tuple(
            p
            for p in project.placements
            if p.mark in configured and files.path_key(p.mark.path) not in chosen
        )
        if others:
            left[project_index] = replace(project, placements=others)
    return left


def _with_copies_elsewhere(project: CloudService, chosen: set[str], files: _ConfigurationFiles) -> set[str]:
    """The configuration files a deployment of `project` names (`chosen`, by `path_key`), with each copy of
    one of them kept in another folder than the project's definition (`Backup/<project>/ServiceConfiguration.
    Cloud.cscfg`, joined to the project by `_joined_by_service_name`): a copy of a file deploys what the
    file deploys, not one more service under the project's own name."""
    if project.definition is None:
        return chosen
    home = posixpath.dirname(files.path_key(project.definition.mark.path))
    names = {posixpath.basename(path) for path in chosen}
    copies = {
        path
        for path in map(files.path_key, (c.mark.path for c in project.configurations))
        if posixpath.dirname(path) != home and posixpath.basename(path) in names
    }
    return chosen | copies


def _slot_of_configuration(
    services: list[CloudService],
    by_name: dict[str, int],
    unnamed: dict[int, int],
    files: _ConfigurationFiles,
    d: Deployment,
) -> None:
    """The deployment of the configuration file `d` deploys is in the slot `d` states (a publish profile's
    `AzureSlot` Staging, `New-AzureDeployment -Slot Staging -Configuration <file>`): what a rule says of the
    configuration (an endpoint's ACL) is said of that slot's deployment. The file is the one the service is
    deployed from (`index_of`): one named by a path outside the files checked (the build's `app.publish`
    copy) is the project's configuration of its name, as for the service it deploys."""
    path = files.index_of(d)[1] if d.slot.strip() else ""
    name = join_key(d.service_name, d.mark, SERVICE_KIND) if d.service_name else ""
    index = by_name.get(name) if name else unnamed.get(id(d))
    if path and index is not None:
        services[index] = files.in_slot(services[index], path, d.slot.strip())


class _ConfigurationFiles:
    """The packaged services by the configuration files that configure them, for a script that names one
    (`Deployment.configuration_file`): the file of that path from the script's folder (a configuration
    Visual Studio publishes with a project's package, in `<project>/bin/<configuration>/app.publish`, is
    the project's own of that name); else the one checked file whose path ends with the one written (a
    script run from another folder than its own); else, for a file named alone, the one checked
    configuration of that name; else, for one the files lack in a folder that holds one packaged service's
    definition or configurations, or in the published package folder of such a project (`<project>/bin/
    Release/app.publish`, not committed), that service (a configuration per environment, kept out of the
    repository, is one more of the project's)."""

    def __init__(self, services: Sequence[CloudService]) -> None:
        self.cwd = os.getcwd().replace(os.sep, "/")
        self.by_path: dict[str, set[int]] = defaultdict(set)
        self.by_file: dict[str, list[tuple[str, int]]] = defaultdict(list)  # by name: (path, service)
        self.by_folder: dict[str, set[int]] = defaultdict(set)
        for index, service in enumerate(services):
            if service.named_by != "files":
                continue
            for config in service.configurations:
                path = self.path_key(config.mark.path)
                self.by_path[path].add(index)
                self.by_file[posixpath.basename(path)].append((path, index))
                self.by_folder[posixpath.dirname(path)].add(index)
            if service.definition is not None:
                self.by_folder[posixpath.dirname(self.path_key(service.definition.mark.path))].add(index)

    def in_slot(self, service: CloudService, path: str, slot: str) -> CloudService:
        """`service`, the deployment of its configuration file `path` (`index_of`'s) in `slot`. Deployed to a
        slot where it is in another already (a Production and a Staging publish profile of one project),
        it is two deployments, one in each slot, as two New-AzureDeployment -Slot calls make."""
        configured = [p for p in service.placements if self.path_key(p.mark.path) == path]
        if not configured or any(key(p.slot) == key(slot) for p in configured):
            return service
        unslotted = next((p for p in configured if not p.slot.strip()), None)
        if unslotted is None:  # in another slot already: this slot's deployment is one more
            return replace(service, placements=(*service.placements, replace(configured[0], slot=slot)))
        placements = tuple(replace(p, slot=slot) if p is unslotted else p for p in service.placements)
        return replace(service, placements=placements)

    def index_of(self, d: Deployment) -> tuple[int | None, str]:
        """The one packaged service the configuration file `d` names configures, with that file's key
        (`path_key`; "" for a file the files lack in the folder of a service's project); None when no
        checked configuration is that file, or several may be. Where the configuration does not tell, the
        package `d` deploys does, by the project it is published from (`<project>/bin/Release/app.publish/
        <project>.cspkg`, its configuration `-Configuration $cfg`)."""
        folder = posixpath.dirname(d.mark.path)
        for written in dict.fromkeys(filter(None, (d.configuration_file, d.package_file))):
            found = self._configured_by(written.casefold(), folder, anywhere=not d.configuration_beside)
            if found[0] is not None:
                return found
        return None, ""

    def _configured_by(self, written: str, folder: str, anywhere: bool) -> tuple[int | None, str]:
        """`index_of` the file a deployment in `folder` writes as `written` (in lower case); a file of that
        name in another folder only where the path may be from another folder than `folder` (`anywhere`)."""
        forms = _written_forms(written)
        for form in forms:
            path = self.path_key(posixpath.join(folder, form))
            found = self.by_path.get(path, set())
            if len(found) == 1:
                return next(iter(found)), path
        for form in forms if anywhere else ():
            tail = written_tail(form)
            named = self.by_file.get(posixpath.basename(form), ())
            matched = [(index, path) for path, index in named if path.endswith(tail)]
            if matched:
                return matched[0] if len({index for index, _ in matched}) == 1 else (None, "")
        written_folder = posixpath.dirname(written)
        # The project's own folder for a file of its published package (`<project>/bin/Release/app.publish`,
        # which holds no checked file where the build output is not committed): that project's service. A
        # file named alone is in the deployment's own folder only where its path is from there (not
        # `anywhere`: a template's `loadTextContent('ServiceConfiguration.Cloud.cscfg')`).
        for in_folder in dict.fromkeys((written_folder, published_project(written_folder))):
            found = self.by_folder.get(self.path_key(posixpath.join(folder, in_folder)), set())
            if (in_folder or not anywhere) and len(found) == 1:
                return next(iter(found)), ""
        return None, ""

    def path_key(self, path: str) -> str:
        """A path as one string whatever the working directory, in lower case (Windows paths ignore case)."""
        return posixpath.normpath(posixpath.join(self.cwd, path)).casefold()


def _written_forms(written: str) -> tuple[str, ...]:
    """A file a deployment names (`written`, in lower case), as written, and, where written under the
    project's published package (`bin/Release/app.publish`), as the project's own file of that name."""
    project = published_project(posixpath.dirname(written))
    return (written, posixpath.join(project, posixpath.basename(written))) if project else (written,)


class _PackagedBeside:
    """The packaged service (a .csdef, or .cscfg files alone) a package deployment body that names no
    service deploys: a Create Deployment, Upgrade Deployment or Change Configuration body whose
    configuration (`Deployment.package_service`) names the service of a definition or configuration in
    the body's folder, and names the same roles. The body is then that service's deployment, not a second
    service of its name, and its roles are the package's. Elsewhere, or where the roles differ, the body
    carries the configuration of another package of that name (Visual Studio names every service
    `AzureCloudService1`), and stands alone. A script's body is not tied so: it deploys where it runs."""

    def __init__(self, services: Sequence[CloudService], scripts: frozenset[str]) -> None:
        self.services = tuple(services)  # the packaged ones: those deployments open come after
        self.scripts = scripts
        self.cwd = os.getcwd().replace(os.sep, "/")
        # (folder, service name) -> the packaged services there of that name, with their roles' names: made
        # when a package body first asks (most estates have none)
        self.beside: dict[tuple[str, str], list[tuple[int, frozenset[str]]]] | None = None
        # By deployment (`id`): the packaged service a script that does not state its name deploys by
        # naming its configuration file (see `_named_as_deployed`).
        self.deployed: dict[int, int] = {}

    def index_of(self, d: Deployment) -> int | None:
        """The index of the one packaged service `d` deploys, if the files beside it tie them, or a
        script names its configuration file."""
        deployed = self.deployed.get(id(d))
        if deployed is not None:
            return deployed
        if not d.package_service or d.mark.path in self.scripts:
            return None
        if self.beside is None:
            self.beside = self._by_folder_and_name()
        roles = frozenset(key(role.name) for role in d.roles)
        named = self.beside.get((folder_of(d.mark.path, self.cwd), key(d.package_service)), ())
        found = {index for index, packaged in named if packaged == roles}
        return found.pop() if len(found) == 1 else None

    def _by_folder_and_name(self) -> dict[tuple[str, str], list[tuple[int, frozenset[str]]]]:
        beside: dict[tuple[str, str], list[tuple[int, frozenset[str]]]] = defaultdict(list)
        for index, service in enumerate(self.services):
            if service.named_by != "files" or is_pipeline_token(service.name):
                continue
            roles = frozenset(key(role.name) for role in _packaged_roles(service))
            for folder in _service_folders(service, self.cwd):
                beside[(folder, key(service.name))].append((index, roles))
        return beside


def _one_per_stand_in(deployments: list[Deployment], scripts: frozenset[str]) -> list[Deployment]:
    """The deployments, with those a script describes under one stand-in for a name it does not state
    (`<deployment name, vm.py:157>`) in one service joined (`_one_deployment`). A stand-in says where the
    script writes the value, so the calls that pass it name one deployment: `add_role(**record)` if the
    deployment exists, else `create_virtual_machine_deployment(**record)`, is one deployment that its
    cloud service migrates once, not two. Bodies of other files are not joined so (a stand-in names the
    file by its base name only), nor descriptions that change VMs: the link applies those to the VMs as
    created (see `_Roles.merge`)."""
    joined: list[Deployment] = []
    first: dict[tuple[str, str, str], int] = {}
    for d in deployments:
        if d.mark.path in scripts and is_stand_in(d.name) and _creates_its_vms(d):
            identity = (d.mark.path, key(d.service_name), key(d.name))
            at = first.get(identity)
            if at is not None:
                joined[at] = _one_deployment(joined[at], d)
                continue
            first[identity] = len(joined)
        joined.append(d)
    return joined


def _placeholder_vms_told_apart(deployments: list[Deployment]) -> list[Deployment]:
    """The deployments, each VM a file names by a placeholder of its own (`'<vm-name>'`, `'[MY VM]'`: see
    `file_own`) in a cloud service of a stated name named with its file (`<vm-name> (web.ps1)`) where another
    file writes the same placeholder in that service: their users fill in two names, so they are two VMs.
    A VM's name is what everything after this knows it by (its deployment's roles, its disks, the counts and
    steps), so the file is made part of it here, once; the VMs one file writes so stay one VM, as written."""
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for d in deployments:
        for vm in _placeholder_vms(d):
            owners[(key(d.service_name), key(vm.name))].add(owner_of(vm.mark, vm.name))
    shared = {at: files for at, files in owners.items() if len(files) > 1}
    if not shared:
        return deployments
    return [_vms_named_with_files(d, shared) for d in deployments]


def _placeholder_vms(d: Deployment) -> Iterator[Role]:
    """The VMs of `d` named by a placeholder their file leaves to fill in, in a service whose name is stated."""
    if not d.service_name.strip() or file_own(d.service_name, SERVICE_KIND):
        return
    yield from (vm for vm in d.roles if vm.is_vm and is_placeholder(vm.name, "VM"))


def _loose_placeholders_told_apart(vms: list[Role]) -> list[Role]:
    """The VMs of the Export-AzureVM files of one group (the service the estate names after their folder),
    each VM a file names by a placeholder another file of the group writes too (two exports of
    `[VM NAME]`) named with its file, as `_placeholder_vms_told_apart` names those of a stated service:
    their users fill in two names, so they are two VMs, each with its own disks."""
    owners: dict[str, set[str]] = defaultdict(set)
    for vm in vms:
        if vm.is_vm and is_placeholder(vm.name, "VM"):
            owners[key(vm.name)].add(owner_of(vm.mark, vm.name))
    shared = {name: files for name, files in owners.items() if len(files) > 1}
    if not shared:
        return vms
    return [
        replace(vm, name=_named_with_file(vm, shared[key(vm.name)]))
        if vm.is_vm and key(vm.name) in shared and is_placeholder(vm.name, "VM")
        else vm
        for vm in vms
    ]


def _named_with_file(vm: Role, files: set[str]) -> str:
    """`<vm-name> (web.ps1)`: the VM's placeholder name with the file that writes it, by its base name, or
    its path where two of `files` (those that write the placeholder) share one."""
    owner = owner_of(vm.mark, vm.name)
    bases = Counter(posixpath.basename(f) for f in files)
    shown = posixpath.basename(owner) if bases[posixpath.basename(owner)] == 1 else owner
    return f"{vm.name} ({shown})"


def _vms_named_with_files(d: Deployment, shared: Mapping[tuple[str, str], set[str]]) -> Deployment:
    """`d`, its VMs of a placeholder other files write in its service too (`shared`) named with their file:
    its base name, or its path where two of them share one."""
    renamed: dict[str, str] = {}
    for vm in _placeholder_vms(d):
        files = shared.get((key(d.service_name), key(vm.name)))
        if files is not None:
            renamed[key(vm.name)] = _named_with_file(vm, files)
    if not renamed:
        return d
    return replace(
        d,
        roles=tuple(replace(r, name=renamed.get(key(r.name), r.name)) if r.is_vm else r for r in d.roles),
        instances=tuple(replace(i, role=renamed.get(key(i.role), i.role)) for i in d.instances),
    )


def _network_of_its_subnets(d: Deployment, scripts: frozenset[str]) -> Deployment:
    """`d`, with its network not known when it names none but a VM of it names a subnet (Set-AzureSubnet,
    `subnet_names`, `SubnetNames`, --subnet-names) and joins a deployment that may exist (`partly_described`:
    New-AzureVM without `-Location`, `-AffinityGroup` or `-VNetName`, `add_role`, `vm create --connect`): a
    subnet is only ever one of a virtual network's, so that deployment is in a network the files do not
    name, or the platform refuses the call. Either way its VMs are not moved as those of a deployment in no
    network are (MIG105). A deployment a script creates names its network or is in none (New-AzureVM
    -Location, `create_virtual_machine_deployment`, `vm create --location`): a subnet without one is
    refused, so which network it is in is not known, and is not inferred from the subnet's name
    (`subnets_without_network`). A REST body file describes a deployment as it stands, whose network is
    still inferred from its subnets, as an Export-AzureVM file's is."""
    if d.virtual_network is not None or not any(role.is_vm and role.subnets for role in d.roles):
        return d
    created = d.network_known and not d.partly_described and d.mark.path in scripts
    return replace(d, network_known=False, subnets_without_network=created)


def _creates_its_vms(d: Deployment) -> bool:
    return bool(d.roles) and not any(_changes_only(role) for role in d.roles)


def _changes_only(role: Role) -> bool:
    """Whether a description only changes a VM that exists (`Role.changes_existing`): not a script's VM
    created from an Export-AzureVM file, whose changes are made to the file's description of it (see
    `_Linker._with_imported_vms`), in the deployment the script creates."""
    return role.changes_existing and not role.imported_from


def _one_deployment(first: Deployment, other: Deployment) -> Deployment:
    """One deployment two calls of a script describe (see `_one_per_stand_in`), as the script readers join
    the calls they tell name one deployment. Where both may run, the first that states the network creates
    it there (or in none) and the other adds VMs to it. Where only one of them runs (they are on two
    branches of one choice: `model.apart`), or the first states no network (it may add VMs to a deployment
    that exists: `add_role`, New-AzureVM without -Location), either may be the deployment that migrates:
    they join as the paths of one VM do (`joined_paths`). Being in none is then known only when both say
    so; a network one names is kept beside the other's none, unknown beside one not stated or another
    network; and where one creates it in none, its VMs may be in none (`Role.absent_on_some_paths`), as
    MIG105 says. Two branches of one choice are no conflict (MIG004): only one of them runs."""
    either = _apart(first, other) or not first.network_known
    roles = (
        _roles_either_way(_path_in_none(first, other), _path_in_none(other, first))
        if either
        else _roles_either_way(first.roles, other.roles)
    )
    vnet, known, none_at = (
        _network_either_way(first, other) if either else (first.virtual_network, True, None)
    )
    if none_at is not None:
        roles = tuple(model.absent_on_some_path(role, "virtual_network", none_at) for role in roles)
    reserved = first if first.reserved_ip is not None or not either else other
    return replace(
        first,
        slot=_joined_slot(first.slot, other.slot),
        roles=roles,
        instances=(*first.instances, *other.instances),
        virtual_network=vnet,
        network_known=known,
        reserved_ip=reserved.reserved_ip,
        other_reserved_ips=reserved.other_reserved_ips,
        reserved_ip_known=(
            first.reserved_ip_known and other.reserved_ip_known if either else first.reserved_ip_known
        ),
        dns_servers=first.dns_servers or other.dns_servers,
        private_id=first.private_id or other.private_id,
    )


def _path_in_none(d: Deployment, beside: Deployment) -> tuple[Role, ...]:
    """The VMs of `d`, marked as of a path in no virtual network (`model.in_no_network`) when it creates
    the deployment in none and `beside`, the other path, does not: their lack of a subnet is no lack there."""
    in_none = [x.network_known and x.virtual_network is None for x in (d, beside)]
    if not in_none[0] or in_none[1]:
        return d.roles
    return tuple(model.in_no_network(role, d.mark) for role in d.roles)


def _apart(a: Deployment, b: Deployment) -> bool:
    """Whether two descriptions never both run: each VM of one is created on another branch of a choice
    than each of the other's (see `Role.branches`)."""
    return all(model.apart(one.branches, two.branches) for one in a.roles for two in b.roles)


def _roles_either_way(held: tuple[Role, ...], other: tuple[Role, ...]) -> tuple[Role, ...]:
    """The roles of two descriptions of one deployment: those of one name joined as one VM built on two
    paths (`joined_paths`), created where either is."""
    roles = {key(role.name): role for role in held}
    for role in other:
        kept = roles.get(key(role.name))
        roles[key(role.name)] = (
            role
            if kept is None
            else replace(
                model.joined_paths(kept, role), branches=common_branches(kept.branches, role.branches)
            )
        )
    return tuple(roles.values())


def _network_either_way(a: Deployment, b: Deployment) -> tuple[NameRef | None, bool, Mark | None]:
    """The network of a deployment that `a` or `b` creates, whether it is known, and where one of them
    creates it in none when the other may not (see `_one_deployment`)."""
    none_at = next((d.mark for d in (a, b) if d.network_known and d.virtual_network is None), None)
    if not (a.network_known and b.network_known):
        return None, False, none_at
    if a.virtual_network is None or b.virtual_network is None:
        vnet = a.virtual_network or b.virtual_network
        if vnet is not None and is_stand_in(vnet.name):
            # A network one does not name beside none: whether it is in any is not known, as the script
            # readers tell the paths of one call (MIG203 is then the warning that it may be in one).
            return None, False, none_at
        return vnet, True, none_at if vnet is not None else None
    if key(a.virtual_network.name) == key(b.virtual_network.name):
        return a.virtual_network, True, None
    return None, False, None


def _deployment_named(d: Deployment) -> bool:
    return bool(d.name.strip()) and not is_stand_in(d.name)


def _identity(d: Deployment, names: Mapping[str, set[str]]) -> tuple[str, str]:
    """What tells `d`'s deployment apart: its private ID and its name. A body that states no name is of
    the one deployment the other bodies with its ID name, if they name one; "" when they name several."""
    private_id = key(d.private_id)
    if _deployment_named(d):
        return private_id, key(d.name)
    given = names.get(private_id, set())
    return private_id, next(iter(given)) if len(given) == 1 else ""


# --- Cloud Services (extended support) ------------------------------------------------------------------


def _extended_support(
    services: list[CloudService],
    evidence: Sequence[ExtendedSupportService],
    deployments: Sequence[Deployment] = (),
) -> tuple[list[CloudService], tuple[ExtendedSupport, ...]]:
    """The packaged services that are classic, and those the evidence says are deployed as Cloud Services
    (extended support), each with the first evidence that names it, in the order of the services. Evidence
    names a service, the first of these that finds one:

    - when a script names the service's configuration or definition file, the service of that folder;
    - its literal name (compared as the platform compares names; a service whose files write no name is
      named by none). The resource's name need not be the definition's, so one that names no service
      falls through;
    - the one service in the evidence's own folder or below it. None when there are several: a resource
      deploys one package, and taking a classic one for extended support would hide every blocker of it.

    Evidence that states the names of the roles it deploys is about no service none of whose roles it
    names: an extended-support deployment carries its package's roles, so it deploys another package.

    Evidence that names the same thing as an earlier one adds nothing, and is not looked at again. A
    service a script (a pipeline's classic deployment task) also deploys as a classic one, by naming its
    configuration file, stays classic: that deployment is a classic cloud service the migration is about.

    Evidence that names no service is of one the files checked do not define (a Bicep module library, a
    script kept apart from its project): it is deployed as Cloud Services (extended support) all the same,
    and is known from the evidence alone (`_unaccompanied`), after the packaged ones."""
    if not evidence:
        return services, ()
    classic_too = _classically_deployed(services, deployments)
    kept_classic = _classically_configured_too(services, evidence)
    cwd = os.getcwd().replace(os.sep, "/")
    by_name: dict[str, list[int]] = defaultdict(list)
    in_folder: dict[str, list[int]] = defaultdict(list)  # a folder -> the services whose files are in it
    under: dict[str, list[int]] = defaultdict(list)  # a folder -> the services in it or below it
    for index, service in enumerate(services):
        if service.named_by == "files":
            by_name[join_key(service.name, service.mark)].append(index)
        for folder in _service_folders(service, cwd):
            in_folder[folder].append(index)
            for above in _folder_and_ancestors(folder):
                under[above].append(index)
    found: dict[int, ExtendedSupportService] = {}
    looked_at: set[tuple[str, str]] = set()
    unjoined: list[ExtendedSupportService] = []
    for record in evidence:
        targets = (
            ("folder", folder_of(record.package, cwd), in_folder) if record.package else None,
            ("name", join_key(record.literal_name, record.mark), by_name) if record.literal_name else None,
            ("under", folder_of(record.mark.path, cwd), under),
        )
        for how, where, named in filter(None, targets):
            indices = named.get(where, ())
            if how == "under" and len(indices) > 1:
                indices = ()
            indices = [index for index in indices if _roles_agree(record, services[index])]
            if indices:
                break
        if not indices:
            unjoined.append(record)
            continue
        if (how, where) in looked_at:
            continue
        looked_at.add((how, where))
        for index in indices:
            if index not in classic_too and not (
                index in kept_classic and record.package == record.mark.path
            ):
                found.setdefault(index, record)
    classic = [service for index, service in enumerate(services) if index not in found]
    extended = tuple(ExtendedSupport(services[index], found[index]) for index in sorted(found))
    return classic, extended + _unaccompanied(unjoined, cwd)


def _unaccompanied(evidence: Sequence[ExtendedSupportService], cwd: str) -> tuple[ExtendedSupport, ...]:
    """The services of extended support that evidence naming no packaged service deploys, each once, with
    its first evidence: evidence of one literal name (as the platform compares names) is of one service;
    evidence that states none is of the one named service whose evidence is in the folder of the package
    it names, else in its own (a Bicep file and the template it compiles to, beside it, deploy one
    service), else of one service of that folder's."""
    first: dict[tuple[str, str], int] = {}  # a service -> the position of its first evidence
    named_in: dict[str, set[str]] = defaultdict(set)  # a folder -> the names its evidence states
    for at, record in enumerate(evidence):
        if name := join_key(record.literal_name, record.mark) if record.literal_name else "":
            first.setdefault(("name", name), at)
            for path in filter(None, (record.mark.path, record.package)):
                named_in[folder_of(path, cwd)].add(name)
    for at, record in enumerate(evidence):
        folder = folder_of(record.package or record.mark.path, cwd)
        if not record.literal_name and len(named_in.get(folder, ())) != 1:
            first.setdefault(("folder", folder), at)
    ordered = (evidence[at] for at in sorted(first.values()))
    return tuple(ExtendedSupport(_service_of_evidence(record), record) for record in ordered)


def _service_of_evidence(record: ExtendedSupportService) -> CloudService:
    """The cloud service the evidence alone tells of: its name, or a stand-in for the one it does not
    state (`<cloud service name, main.json:7>`), where the evidence is; with the web/worker roles it
    names (what the readiness summary counts), in one deployment, where it names any."""
    mark = record.mark
    name = record.literal_name or f"<cloud service name, {posixpath.basename(mark.path)}:{mark.line}>"
    if not record.roles:
        return CloudService(name, mark)
    roles = tuple(Role(role, RoleType.WEB_OR_WORKER, mark) for role in record.roles)
    return CloudService(
        name, mark, (Placement(name, mark, roles, network_known=False, endpoints_known=False),)
    )


def _classically_deployed(services: list[CloudService], deployments: Sequence[Deployment]) -> set[int]:
    """The packaged services a classic deployment deploys by naming one of their configuration files
    (`New-AzureDeployment -Configuration`, the classic cloud deployment task's `CsCfg`), by index."""
    deploying = [d for d in deployments if d.deployed_file]
    if not deploying:
        return set()
    files = _ConfigurationFiles(services)
    return {index for d in deploying if (index := files.index_of(d)[0]) is not None}


def _classically_configured_too(
    services: list[CloudService], evidence: Sequence[ExtendedSupportService]
) -> set[int]:
    """The packaged services, by index, one of whose configurations is evidence of extended support of its
    own (it names its network by its Resource Manager id: the evidence's `package` is its own path) while
    another deployed one is not: a project that keeps a classic configuration beside the one it deploys as
    Cloud Services (extended support) is still a classic service, which that configuration does not take out
    of the migration (it is set apart instead, `_configurations_apart`)."""
    own = {record.package for record in evidence if record.package == record.mark.path}
    if not own:
        return set()
    return {
        index
        for index, service in enumerate(services)
        if any(c.mark.path in own for c in service.configurations)
        and any(c.mark.path not in own and not c.is_local for c in service.configurations)
    }


def _roles_agree(record: ExtendedSupportService, service: CloudService) -> bool:
    """Whether the evidence may deploy the service by its roles: it names one of the service's roles (as
    the platform compares names), or one side states none."""
    stated = {key(name) for name in record.roles}
    known = {key(role.name) for role in service.roles}
    return not stated or not known or not stated.isdisjoint(known)


def _service_folders(service: CloudService, cwd: str) -> list[str]:
    """The folders of a packaged service's definition and configurations, once each."""
    marks = [service.mark, *(c.mark for c in service.configurations)]
    if service.definition is not None:
        marks.append(service.definition.mark)
    return list(dict.fromkeys(folder_of(mark.path, cwd) for mark in marks))


def _folder_and_ancestors(folder: str) -> Iterator[str]:
    while True:
        yield folder
        parent = posixpath.dirname(folder)
        if parent == folder or not parent:
            return
        folder = parent


# --- joining roles -------------------------------------------------------------------------------------


def _rename_service_name(written: str, meant: str) -> str:
    """What to do about a configuration whose serviceName is not its folder's definition's: packaging
    refuses the pair (`cspack`), so either the name or the place of the file is wrong. A name one slip of
    the keys away from the definition's (`cloud-ddd-cml` for `cloud-ddd-clm`, in any case) is asked about
    first: another name may be another service's on purpose."""
    rename = f"rename serviceName '{written}' to '{meant}', the name of the service definition beside it"
    elsewhere = (
        "if the configuration is another service's, move it to the folder of that service's definition"
    )
    if one_slip(written.strip().lower(), meant.strip().lower()):
        return f"Did you mean '{meant}'? Then {rename}; or, {elsewhere}."
    return f"{rename[0].upper()}{rename[1:]}, or, {elsewhere}."


def _unknown_role(settings: RoleSettings) -> Role:
    """A role known only from a configuration: taken for a web or worker role, since a configuration kept in
    a repository is a package's. A VM deployment has one too (the platform's): where another description of
    the service shows the role to be a VM, `_vm_configurations_joined` makes it that VM."""
    return Role(
        settings.name,
        RoleType.WEB_OR_WORKER,
        settings.mark,
        instances=settings.instances,
        kind_evidence=_CONFIGURED_ONLY,
    )


# Why a role only a configuration names is taken for a web or worker role, in words MIG101's message quotes.
_CONFIGURED = "a service configuration names it, and "
_CONFIGURED_ONLY = (
    f"{_CONFIGURED}no service definition says its kind: the configuration is taken for a package's; if it is "
    "a VM deployment's, add that deployment's body or an inventory export of its VMs"
)


def _kind_told(role: Role, by: Role) -> Role:
    """`role`, known only from a configuration (`_unknown_role`), as another description of it tells its
    kind: a package deployment of its service (a script's, a REST body's), or a body that lists it among
    its deployment's roles. Messages then say which file and line told it, and how, instead of asking for
    what the files hold already."""
    if by.kind_evidence.startswith(_CONFIGURED):  # a configuration's role told already (`_package_roles`)
        evidence = by.kind_evidence
    else:
        where = f"{by.mark.path}:{by.mark.line}"
        evidence = f"{_CONFIGURED}{where} " + (
            f"tells its kind: {by.kind_evidence}" if by.kind_evidence else "states its kind"
        )
    return replace(role, type=by.type, kind_evidence=evidence, kind_known=True)


def _tells_kind(role: Role) -> bool:
    """Whether a description of a role tells it to be a web or worker role, as no configuration alone does."""
    return not role.is_vm and role.kind_known and role.kind_evidence != _CONFIGURED_ONLY


def _with_configured_kinds_told(services: tuple[CloudService, ...]) -> tuple[CloudService, ...]:
    """Services whose configuration, with no definition beside it, names roles that another description of
    the service tells the kind of (see `_configured_kinds_told`)."""
    return tuple(
        _configured_kinds_told(s)
        if s.definition is None and s.configurations and len(s.placements) > 1
        else s
        for s in services
    )


def _configured_kinds_told(service: CloudService) -> CloudService:
    """A service no definition describes, whose roles a configuration names and another of its deployments
    shows to be web or worker roles (a script or REST body deploys a package to it, a Get Deployment body
    lists them): the configuration's roles are told so, with where (see `_kind_told`). A configuration of
    a VM deployment is joined to it before (`_vm_configurations_joined`)."""
    configured = {c.mark for c in service.configurations}
    telling: dict[str, Role] = {}
    for placement in service.placements:
        if placement.mark not in configured:
            for role in placement.roles:
                if _tells_kind(role):
                    telling.setdefault(key(role.name), role)
    if not telling:
        return service
    placements = []
    for placement in service.placements:
        if placement.mark in configured:
            roles = tuple(
                _kind_told(role, by)
                if role.kind_evidence == _CONFIGURED_ONLY and (by := telling.get(key(role.name))) is not None
                else role
                for role in placement.roles
            )
            placement = replace(placement, roles=roles)
        placements.append(placement)
    return replace(service, placements=tuple(placements))


def _role_differences(a: Role, b: Role) -> tuple[str, ...]:
    """What two descriptions of one role say differently, among facts both state."""
    out = []
    if a.type is not b.type and RoleType.WEB_OR_WORKER not in (a.type, b.type):
        out.append(f"role type {a.type.value} / {b.type.value}")
    if a.availability_set and b.availability_set and key(a.availability_set) != key(b.availability_set):
        out.append(f"availability set '{a.availability_set}' / '{b.availability_set}'")
    if _subnets_disagree(a, b):
        out.append(f"subnets {_listed(a.subnets)} / {_listed(b.subnets)}")
    if a.size and b.size and key(a.size) != key(b.size):
        out.append(f"size {a.size} / {b.size}")
    return tuple(out)


def _subnets_disagree(a: Role, b: Role) -> bool:
    """Whether two descriptions of a role name other subnets (a partly known list is not a disagreement)."""
    subnets_a, subnets_b = _names(a.subnets), _names(b.subnets)
    stated = "subnets" not in a.unknown | b.unknown
    return stated and bool(subnets_a) and bool(subnets_b) and subnets_a != subnets_b


def _stated_list_differences(a: Role, b: Role) -> tuple[str, ...]:
    """Where two descriptions that create one VM (two bodies, two scripts: not a script and an export of
    the VM as it is) state other disks, endpoints, extensions or IPs: one blob is one VM's disk, and a VM's
    endpoints (extensions, addresses) are one list; two that disagree on them are two VMs' descriptions or
    a stale one, not parts of one VM to add together. One that creates a VM in no availability set says so, as one that names a set does."""
    found = (
        _disk_difference(a, b),
        _endpoint_difference(a, b),
        _availability_set_stated_by_one(a, b),
        *(_vm_list_difference(a, b, name) for name in _VM_LISTS),
    )
    return tuple(difference for difference in found if difference)


# The VM's own lists, beside disks and endpoints, that two creations of it state otherwise: how MIG004
# words each, and how it names an entry (an extension as its handler is named, `Microsoft.Compute.BGInfo`,
# with its version, which tells BGInfo 1.* from 2.*, and whether it is installed; an address as written).
_VM_LISTS: dict[str, tuple[str, Callable[[Any], str]]] = {
    "extensions": ("extensions", lambda e: _extension_words(e)),
    "static_ips": ("private IPs", lambda ip: ip.name.strip()),
    "public_ips": ("public IPs", lambda ip: ip.name.strip()),
}


def _extension_words(extension: Extension) -> str:
    handler = ".".join(part for part in (extension.publisher.strip(), extension.name.strip()) if part)
    return f"{handler} {extension.version.strip()}".strip() + ("" if extension.installed else " uninstalled")


def _vm_list_difference(a: Role, b: Role, name: str) -> str:
    """How two creations of a VM state its list `name` (extensions, static private IPs, public IPs)
    otherwise, or "": where both state entries, all of them known (a stand-in, `<public IP name,
    deploy.ps1:4>`, may be the other's), and one holds an entry the other cannot have, as disks and
    endpoints are compared. Not stating any is not stating none: a script's description of a VM holds
    what its later commands set on it too (`azure vm static-ip set`, `Set-AzureStaticVNetIP | Update-AzureVM`,
    `azure vm extension set`), which would change the other's VM as well, and a creating command may
    install extensions unasked (`_BY_DEFAULT`). The VM checked holds what either states (`_either`)."""
    words, entry = _VM_LISTS[name]
    listed_a, listed_b = _names_once(map(entry, getattr(a, name))), _names_once(map(entry, getattr(b, name)))
    if not (a.is_vm and b.is_vm) or name in a.unknown | b.unknown or not (listed_a and listed_b):
        return ""
    if any("<" in each or is_pipeline_token(each) for each in (*listed_a, *listed_b)):
        return ""  # a stand-in (`<public IP name, deploy.ps1:4:37>`): no name or address holds a `<`
    if not (_not_held(a, b, name) or _not_held(b, a, name)):
        return ""
    return f"{words} {', '.join(listed_a)} / {', '.join(listed_b)}"


# The extensions a command that creates a VM may install without the script asking, by handler
# (`_handler`): Add-AzureProvisioningConfig -Windows and New-AzureQuickVM -Windows give the VM BGInfo unless
# told -DisableGuestAgent, at the module's default version (2.* in the source read, AUTOMATION.md §2; older
# modules' not verified), and the classic CLI's defaults are not verified either: the VM access extension,
# for Windows or Linux, is the other a new VM was given unasked. A REST body or a Python call lists every
# reference the VM gets.
_BY_DEFAULT = frozenset(
    {
        ("microsoft.compute", "bginfo"),
        ("microsoft.compute", "vmaccessagent"),
        ("microsoft.ostcextensions", "vmaccessforlinux"),
    }
)


def _handler(extension: Extension) -> tuple[str, str]:
    return key(extension.publisher.strip()), key(extension.name.strip())


def _not_held(vm: Role, other: Role, name: str) -> bool:
    """Whether `vm`'s list `name` holds an entry that `other`'s creation cannot have given it: one its list
    lacks, and not an extension its command may have installed unasked (of a handler it does not state)."""
    entry = _VM_LISTS[name][1]
    held = {key(entry(each)) for each in getattr(other, name)}
    unasked: frozenset[tuple[str, str]] = frozenset()
    if name == "extensions" and _installs_unasked(other):
        unasked = _BY_DEFAULT - {_handler(each) for each in other.extensions}
    return any(
        key(entry(each)) not in held and not (unasked and _handler(each) in unasked)
        for each in getattr(vm, name)
    )


def _installs_unasked(vm: Role) -> bool:
    """Whether the command that created `vm` may install extensions of its own (`_BY_DEFAULT`): a PowerShell
    or classic CLI script's (a file without an extension may be either), not a Python script's or a body's."""
    if no_extension(vm.mark.path):
        return True
    found = byte_format(vm.mark.path)
    return found is not None and found.kind in (FileKind.POWERSHELL, FileKind.SHELL)


def _availability_set_stated_by_one(a: Role, b: Role) -> str:
    """Where one creation of a VM puts it in an availability set and the other in none, how they differ."""
    named = bool(a.availability_set) != bool(b.availability_set)
    if not named or not (a.is_vm and b.is_vm) or "availability_set" in a.unknown | b.unknown:
        return ""
    return f"availability set {_set_or_none(a)} / {_set_or_none(b)}"


def _set_or_none(vm: Role) -> str:
    return f"'{vm.availability_set}'" if vm.availability_set else "none"


def _disk_difference(a: Role, b: Role) -> str:
    """How two descriptions of a VM's disks differ, or "": by their blobs where both write them, else by
    the LUNs of their data disks (a script's disks are named by the platform: `vhds/<service>-<VM>-<date>.vhd`)."""
    blobs_a, blobs_b = _blobs(a.disks), _blobs(b.disks)
    if blobs_a and blobs_b:
        if blobs_a.keys() == blobs_b.keys():
            return ""
        return f"disks {', '.join(blobs_a.values())} / {', '.join(blobs_b.values())}"
    if a.disks and b.disks and _data_luns(a) != _data_luns(b):
        return f"data disks {_luns_listed(a)} / {_luns_listed(b)}"
    return ""


def _os_disk_difference(a: Role, b: Role) -> tuple[str, ...]:
    """Where a script's creation of a VM and an export of it give its OS disk other blobs: a classic VM
    keeps the OS disk it was created with (data disks are attached and detached since, and endpoints
    added and removed), so the two are two VMs' descriptions or a stale one."""
    disk_a, disk_b = _os_disk(a), _os_disk(b)
    if disk_a is None or disk_b is None or _disk_key(disk_a) == _disk_key(disk_b):
        return ()
    return (f"OS disk {disk_a.media_link.strip()} / {disk_b.media_link.strip()}",)


def _os_disk(vm: Role) -> Disk | None:
    """The VM's OS disk where the description writes its blob: its one disk at no LUN (a data disk's LUN
    unstated leaves it unknown which one), unless a pipeline token or a stand-in (`<storage account name,
    deploy.ps1:3>`: no address holds a `<`) writes part of the blob."""
    unnumbered = [disk for disk in vm.disks if not disk.lun.strip()]
    link = unnumbered[0].media_link if len(unnumbered) == 1 else ""
    if not link.strip() or is_pipeline_token(link) or "<" in link or "[" in link:
        return None
    return unnumbered[0]


def _endpoint_difference(a: Role, b: Role) -> str:
    """How two descriptions of a VM's endpoints differ (by name), or "" when either does not know them."""
    stated = "endpoints" not in a.unknown | b.unknown
    ends_a, ends_b = _endpoint_names(a), _endpoint_names(b)
    if stated and ends_a and ends_b and set(map(key, ends_a)) != set(map(key, ends_b)):
        return f"endpoints {', '.join(ends_a)} / {', '.join(ends_b)}"
    return ""


def _blobs(disks: Iterable[Disk]) -> dict[str, str]:
    """The blobs of the disks that name one, by `_disk_key`, each as first written."""
    found: dict[str, str] = {}
    for disk in disks:
        if disk.media_link.strip():
            found.setdefault(_disk_key(disk), disk.media_link.strip())
    return found


def _data_luns(vm: Role) -> list[str]:
    """The LUNs of a VM's data disks, each as often as the description attaches a disk there."""
    return sorted(disk.lun.strip() for disk in vm.disks if disk.lun.strip())


def _luns_listed(vm: Role) -> str:
    luns = _data_luns(vm)
    return f"at LUN {', '.join(luns)}" if luns else "none"


def _endpoint_names(role: Role) -> tuple[str, ...]:
    return _names_once(e.name for e in role.endpoints)


def _either(kept: Role, other: Role) -> Role:
    """The VM checked where two descriptions create it: `kept`'s facts, with what it leaves unsaid taken
    from `other` (`_fill`); where they disagree (MIG004 reports it), the disks, endpoints, extensions,
    static private IPs and public IPs of both where they state other ones, and the subnets of the one that
    puts it in more. Either may be what is deployed, so a blocker either shows is reported, naming its file
    (an endpoint's ACL, a blob's name, a second subnet, an extension, an address another VM asks for), and
    the storage account of either's disks waits for the VM."""
    filled = _fill(kept, other)
    changes: dict[str, object] = {}
    if _disk_difference(kept, other):
        changes["disks"] = (*filled.disks, *_disks_not_held(kept, other.disks))
    if _endpoint_difference(kept, other):
        changes["endpoints"] = _together(filled.endpoints, other.endpoints, "endpoints")
    for name in _VM_LISTS:
        if getattr(kept, name) and getattr(other, name):  # what only one states is filled in already
            changes[name] = _listed_by_either(getattr(filled, name), getattr(other, name), name)
    if _subnets_disagree(kept, other) and len(other.distinct_subnets) > len(kept.distinct_subnets):
        changes.update(subnets=other.subnets, primary_subnets=other.primary_subnets)
    return replace(filled, **changes) if changes else filled  # type: ignore[arg-type]


def _listed_by_either(kept: tuple[Any, ...], other: tuple[Any, ...], name: str) -> tuple[Any, ...]:
    """The entries of either creation's list `name`: either may be what is deployed, and one need not
    disagree to hold an entry the other lacks (an extension a command may install unasked). A stand-in
    for an IP's name (`<public IP name, deploy.ps1:4:37>`) may be any of the other's, so where either
    names one, the names are kept and the stand-ins left out."""
    if name == "extensions":  # one extension as both name it (a state of "" and "Enable" are one)
        held = {key(_extension_words(each)) for each in kept}
        return _together(kept, tuple(e for e in other if key(_extension_words(e)) not in held), name)
    both = _together(kept, other, name)
    named = tuple(ip for ip in both if "<" not in ip.name and not is_pipeline_token(ip.name))
    return named or both


def _fill(kept: Role, other: Role) -> Role:
    """`kept` with what it leaves unsaid taken from `other`, and `other`'s sources added."""
    changes: dict[str, object] = {"sources": (*kept.described_at, *other.described_at)}
    if kept.branches:  # created where either says
        changes["branches"] = common_branches(kept.branches, other.branches)
    for name in VM_FACTS:
        if (not getattr(kept, name) or name in kept.unknown) and getattr(other, name):
            changes[name] = getattr(other, name)
    for name in _ADDED_TO:
        if name in kept.unknown | other.unknown and getattr(kept, name) and getattr(other, name):
            changes[name] = _together(getattr(kept, name), getattr(other, name), name)
    if kept.unknown:
        # A fact one description cannot state is known once the other states it (even as "none").
        changes["unknown"] = kept.unknown & other.unknown
    if kept.boot_diagnostics is None and other.boot_diagnostics is not None:
        changes["boot_diagnostics"] = other.boot_diagnostics
        changes["boot_diagnostics_mark"] = other.boot_diagnostics_mark
    if kept.availability_set_mark is None and other.availability_set_mark is not None:
        changes["availability_set_mark"] = other.availability_set_mark
    if kept.instances is None and other.instances is not None:
        changes["instances"] = other.instances
    if kept.security_group is None and other.security_group is not None:
        changes["security_group"] = other.security_group
    if kept.migration_state is None and other.migration_state is not None:
        changes["migration_state"] = other.migration_state
    if other.removed_luns:  # two changes to one VM: the disks either removes
        changes["removed_luns"] = tuple(dict.fromkeys((*kept.removed_luns, *other.removed_luns)))
    for name in ("removed_endpoints", "removed_interfaces"):  # and the endpoints and interfaces
        if getattr(other, name):
            changes[name] = _names_once((*getattr(kept, name), *getattr(other, name)))
    if other.removed_acl_rules:  # and the ACL rules
        changes["removed_acl_rules"] = tuple(
            dict.fromkeys((*kept.removed_acl_rules, *other.removed_acl_rules))
        )
    if not kept.interfaces and other.interfaces:
        changes["interfaces"] = other.interfaces
    if _kind_certainty(other) > _kind_certainty(kept):
        # A kind the files state beats one inferred from what a body carries, which beats none.
        changes.update(type=other.type, kind_evidence=other.kind_evidence, kind_known=other.kind_known)
    return replace(kept, **changes)  # type: ignore[arg-type]


def _disks_not_held(vm: Role, disks: Iterable[Disk]) -> tuple[Disk, ...]:
    """Those of `disks` that `vm`'s description does not hold: of another blob, and of another name where
    either leaves out its blob (an Export-AzureVM file writes none)."""
    blobs = {_disk_key(d) for d in vm.disks}
    names = {key(d.name) for d in vm.disks if d.name}
    names_without_blob = {key(d.name) for d in vm.disks if d.name and not d.media_link.strip()}
    return tuple(
        d
        for d in disks
        if _disk_key(d) not in blobs
        and not (d.name and key(d.name) in (names_without_blob if d.media_link.strip() else names))
    )


# What names an entry of a VM's endpoints and extensions (an extension: publisher and name): a change that
# sets one replaces the entry of that name (see `_Updated`).
_NAMED_IN: dict[str, Callable[[Any], object]] = {
    "endpoints": lambda e: key(e.name),
    "extensions": lambda e: (key(e.publisher), key(e.name)),
    "static_ips": lambda ip: ip.name.strip(),
    "public_ips": lambda ip: key(ip.name),
}
# The lists two descriptions of one VM add to, and what else two entries of one name must share to be one.
# Where either does not know the whole list (a script that changes a VM it did not create), and neither is
# known to run after the other, what each sets may be on the VM: an extension one installs and another
# uninstalls are both kept, as is an endpoint with the ACL one sets and without it.
_ADDED_TO: dict[str, Callable[[Any], object]] = {
    "endpoints": lambda e: e.acl is not None,
    "extensions": lambda e: (e.version.strip(), key(e.state)),
}


def _removed_by_reference(by_name: dict[object, list[Any]], entries: tuple[Any, ...]) -> tuple[Any, ...]:
    """Take off `by_name` (a VM's extensions by publisher and name) those whose reference name a removal
    by reference name alone names (`Remove-AzureVMExtension -ReferenceName` on a VM that exists: a reference
    stating no extension), as the platform matches names (case-insensitive); the other entries."""
    removed = {key(e.reference) for e in entries if not (e.publisher or e.name) and e.reference}
    if not removed:
        return entries
    for named, held in list(by_name.items()):
        kept = [each for each in held if key(each.reference) not in removed]
        if kept:
            by_name[named] = kept
        else:
            del by_name[named]
    return tuple(e for e in entries if e.publisher or e.name or not e.reference)


def _nothing_else(entry: object) -> None:
    """What else two entries of one name share to be one, of a list whose entries are their names (static
    private and public IPs): nothing."""


def _names_once(names: Iterable[str]) -> tuple[str, ...]:
    """Names once each, compared as the platform compares them, each as first written."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(key(name), name)
    return tuple(seen.values())


def _together(kept: tuple[Any, ...], other: tuple[Any, ...], name: str) -> tuple[Any, ...]:
    """`kept`'s entries of the list `name`, then those of `other` that none of them is (see `_ADDED_TO`)."""
    named, alike = _NAMED_IN[name], _ADDED_TO.get(name, _nothing_else)
    known = {(named(entry), alike(entry)) for entry in kept}
    return (*kept, *(entry for entry in other if (named(entry), alike(entry)) not in known))


def _in_networks_of_subnets(
    services: tuple[CloudService, ...], definitions: Iterable[VirtualNetwork]
) -> tuple[CloudService, ...]:
    """A deployment whose files do not state its network (Export-AzureVM files) but whose VMs are in
    subnets is in a virtual network: a VM outside any network has no subnet (overview: only a VM in a
    network may have none). A deployment is in one network (cscfg schema: "A cloud service can only be a
    member of one Virtual Network"), which defines every subnet its VMs name: when only one network of the
    files does, it is that network, whatever other networks define some of them: the placement joins it,
    saying the subnets it was inferred from (`Placement.network_inferred_from`), unless they are all
    default names (`_DEFAULT_SUBNETS`), or the file creates it naming no network (a subnet without one is
    refused: `Placement.subnets_without_network`). Otherwise its network stays unstated (the plan says which
    networks it may be)."""
    networks = subnet_networks(definitions)
    if not networks:
        return services
    return tuple(_in_network_of_subnets(service, networks) for service in services)


def subnet_networks(definitions: Iterable[VirtualNetwork | Network]) -> dict[str, dict[str, str]]:
    """The networks that define each subnet, by the subnet's `key`: {network's `join_key`: its name}."""
    networks: dict[str, dict[str, str]] = defaultdict(dict)
    for vnet in definitions:
        for subnet in vnet.subnets:
            if not is_pipeline_token(subnet.name):
                networks[key(subnet.name)].setdefault(join_key(vnet.name, vnet.mark), vnet.name)
    return networks


def networks_defining_all(networks: Mapping[str, dict[str, str]], subnets: Sequence[NameRef]) -> list[str]:
    """The names of the networks that define every one of `subnets` (`networks` as `subnet_networks` gives
    them), in the order of their definitions: those a deployment whose VMs are in `subnets` may be in."""
    holders = [networks.get(key(subnet.name), {}) for subnet in subnets]
    common = set(holders[0]).intersection(*holders[1:]) if holders else set()
    return [name for network_key, name in holders[0].items() if network_key in common] if holders else []


def placement_subnets(placement: Placement) -> tuple[NameRef, ...]:
    """The subnets a placement's VMs are in, and those its internal load balancers' frontends are in
    (`Add-AzureInternalLoadBalancer -SubnetName`: subnets of the deployment's network too), once each by
    name (pipeline tokens left out: no name)."""
    first: dict[str, NameRef] = {}
    in_vms = (s for vm in placement.vms for s in vm.subnets)
    in_balancers = (subnet for b in placement.internal_load_balancers for subnet in balancer_subnets(b))
    for subnet in itertools.chain(in_vms, in_balancers):
        if not is_pipeline_token(subnet.name):
            first.setdefault(key(subnet.name), subnet)
    return tuple(first.values())


def deployed_local(estates: Iterable[Estate]) -> frozenset[str]:
    """The paths of the local emulator's configurations (`ServiceConfiguration.Local.cscfg`) a deployment is
    made of: one a publish profile or a script names is deployed like any other."""
    return frozenset(
        c.mark.path
        for estate in estates
        for s in estate.cloud_services
        for c in s.configurations
        if c.is_local and s.deploys(c)
    )


class UnstatedAccount(NamedTuple):
    """The storage account that holds the OS disks of VMs the files create, where no file states which
    (`Role.unknown` holds "disks", `Role.unplaced_disk` says why). Validate of the VMs' cloud services does
    not depend on it, but the account migrates after the VMs (Move-AzureStorageAccount): the plan has a step
    for it, named by a stand-in to fill in. As many as the platform would use: one for every VM whose disk
    the subscription's current storage account takes (`<current storage account of the subscription,
    deploy.ps1:12>`), one per location for the classic CLI's, one per registered disk; one per VM whose
    blob is a value the files pass (`<storage account of the disks of VM web01, deploy.py:5>`, where the
    value is written), since each VM's may be another account, but the VMs one statement makes at each turn
    of a loop share it; one per export whose rows all leave the disks out."""

    name: str
    mark: Mark  # where the first VM's disk is left unplaced (`UnplacedDisk.mark`), else the first VM's
    vms: tuple[tuple[CloudService, Role], ...]  # the VMs whose OS disks it holds, each with its cloud service
    place: DiskPlace | None = None  # why no file states it (`UnplacedDisk.place`); None where not said
    # Of the account of a registered data disk the VMs are given by name alone: that disk, where it is
    # given (the account holds the VMs' data disk, not their OS disks); None for an OS disk's account.
    data_disk: UnplacedDisk | None = None
    # Of the subscription's current storage account: the new data disks of the VMs the platform puts there
    # with their OS disks (`Role.unplaced_data_disks`).
    data_disks: tuple[Disk, ...] = ()


def every_disk_listed(estate: Estate) -> Mark | None:
    """Where the subscription's list of every disk it has starts (`Estate.disk_list`), when no VM the
    files create has its disks in an account they do not state (`unstated_disk_accounts`), which may be
    any: then a storage account the files show no disk in holds none, and migrates without waiting on
    any VM's step. None otherwise."""
    if estate.disk_list is None or unstated_disk_accounts(estate):
        return None
    return estate.disk_list


def unstated_disk_accounts(estate: Estate) -> list[UnstatedAccount]:
    """The storage accounts of the created VMs' OS disks that no file states (see `UnstatedAccount`). A VM
    that changes one that exists has its disks already: they are not its script's."""
    vms = [
        (service, vm)
        for service in estate.cloud_services
        for vm in service.vms
        if "disks" in vm.unknown and not vm.changes_existing
    ]
    whole_exports = _exports_without_disks(estate, vms)
    selected = selected_where(estate.documents) if vms else _no_selection
    found: dict[tuple[str, ...], list[tuple[CloudService, Role]]] = {}
    for service, vm in vms:
        found.setdefault(_unstated_account_key(vm, whole_exports, selected), []).append((service, vm))
    apart = estate.files_apart
    accounts = _told_apart(
        [_unstated_account(group, whole_exports, apart) for group in found.values()], apart
    )
    picked = _picked_image_accounts(estate, selected) if accounts else {}
    return [
        *(_named_as_images(account, picked, selected) for account in accounts),
        *_data_disk_accounts(estate),
    ]


# How the stand-in of the account the classic CLI picks in a location starts (`xplat.Reading._picked_account`,
# `_unstated_account`): the location follows, then where the script first leaves a disk to it.
_PICKED_IN = "<storage account azure vm create picks in "


def _picked_image_accounts(
    estate: Estate, selected: Callable[[Mark], str]
) -> dict[tuple[str, str], tuple[str, Mark]]:
    """The accounts the classic CLI picks that hold the images of VMs captured and deleted (`Image.account`),
    each its stand-in and where the files first give it, by location and the subscription the capturing
    script has selected there (`selected_where`); the first image's, where several name one location's
    in one subscription."""
    given = {key(account.name): account.mark for account in estate.storage_accounts}
    found: dict[tuple[str, str], tuple[str, Mark]] = {}
    for image in estate.images:
        at = given.get(key(image.storage_account))
        if image.account.startswith(_PICKED_IN) and image.account.endswith(">") and at is not None:
            location = image.account[len(_PICKED_IN) : -1].rpartition(", ")[0]
            found.setdefault((key(location), selected(image.mark)), (image.storage_account, at))
    return found


def _named_as_images(
    account: UnstatedAccount,
    picked: Mapping[tuple[str, str], tuple[str, Mark]],
    selected: Callable[[Mark], str],
) -> UnstatedAccount:
    """`account`, named as the image of a VM captured and deleted is where both are the account the
    classic CLI picks in one location of one subscription: the image's script may be another than the one
    that makes the VMs kept there, each naming the account where it first leaves a disk to it, and one
    name, given where the image's is, puts the image and those disks in one step."""
    unplaced = account.vms[0][1].unplaced_disk if account.data_disk is None else None
    if account.place is not DiskPlace.CURRENT_ACCOUNT or unplaced is None or not unplaced.scope:
        return account
    image = picked.get((key(unplaced.scope), selected(unplaced.mark)))
    return account._replace(name=image[0], mark=image[1]) if image is not None else account


def _data_disk_accounts(estate: Estate) -> list[UnstatedAccount]:
    """The storage account of each registered data disk the created VMs are given by name alone (a REST
    body's or an Export-AzureVM file's `<DataVirtualHardDisk>` with a `<DiskName>` and no `<MediaLink>`,
    Add-AzureDataDisk -Import -DiskName, `vm disk attach`, an inventory row's data disk), which no file
    places (no Disks list, Get-AzureDisk export or script gives its blob): that disk's account, as a VM
    made from a registered disk has its OS disk in that disk's. One per disk, however many files name it."""
    found: dict[str, dict[tuple[str, str], tuple[CloudService, Role, Disk]]] = {}
    for disk in estate.disks:
        if not _named_only_data_disk(disk):
            continue
        for service, vm in estate.vms_of(disk):
            if not vm.changes_existing:
                given = found.setdefault(join_key(disk.name, disk.mark), {})
                given.setdefault((key(service.name), key(vm.name)), (service, vm, disk))
    return [_data_disk_account(list(group.values()), estate.files_apart) for group in found.values()]


def _named_only_data_disk(disk: Disk) -> bool:
    """Whether `disk` is a data disk given by its name alone: neither its blob nor its account."""
    return disk.data and bool(disk.name.strip()) and not disk.media_link.strip() and not disk.account


def _data_disk_account(
    group: list[tuple[CloudService, Role, Disk]], apart: Mapping[str, str]
) -> UnstatedAccount:
    """The account of the data disk of `group`'s VMs, named for the disk and where it is first given (its
    file as `shown_file` names it, by `apart`)."""
    disk = group[0][2]
    unplaced = UnplacedDisk(DiskPlace.REGISTERED_DISK, disk.mark, disk.name)
    named = f"disk {disk.name}" if disk_to_look_up(unplaced) else "the registered data disk of a VM"
    name = f"<storage account of {named}, {shown_file(disk.mark.path, apart)}:{disk.mark.line}>"
    vms = tuple((service, vm) for service, vm, _ in group)
    return UnstatedAccount(name, disk.mark, vms, DiskPlace.REGISTERED_DISK, unplaced)


def _no_selection(_: Mark) -> str:
    return ""


def _unstated_account_key(
    vm: Role, whole_exports: frozenset[str], selected: Callable[[Mark], str]
) -> tuple[str, ...]:
    """What the VMs that share one unstated account share: the account the platform picks in the
    subscription their scripts have selected where they leave it to pick (`selected_where`: a script that
    states one and one that states none may work in two, each with its current account), the registered
    disk, the export; else the VM's own stand-in and file (a loop's VMs, made by one statement, share it)."""
    unplaced = vm.unplaced_disk
    if unplaced is not None and unplaced.place is DiskPlace.CURRENT_ACCOUNT:
        return (unplaced.place.value, key(unplaced.scope), selected(unplaced.mark))
    if unplaced is not None and unplaced.place is DiskPlace.REGISTERED_DISK:  # by name, else where given
        disk = join_key(unplaced.scope, unplaced.mark) if unplaced.scope.strip() else ""
        return (unplaced.place.value, disk or f"{unplaced.mark.path}:{unplaced.mark.line}")
    if vm.mark.path in whole_exports:
        return (DiskPlace.LEFT_OUT.value, vm.mark.path)
    return (vm.mark.path, str(vm.mark.line), _unstated_account_name(vm, {}))


def _told_apart(accounts: list[UnstatedAccount], apart: Mapping[str, str]) -> list[UnstatedAccount]:
    """The accounts, those of one name (the VMs of a helper that passes each the blob at one place, each
    VM's own account) told apart by where their first VM is made."""
    names = Counter(account.name for account in accounts)
    return [
        account._replace(name=_unstated_account_name(account.vms[0][1], apart, made_at=True))
        if names[account.name] > 1
        else account
        for account in accounts
    ]


def _unstated_account(
    group: list[tuple[CloudService, Role]], whole_exports: frozenset[str], apart: Mapping[str, str]
) -> UnstatedAccount:
    """The account the VMs of `group` share, named for why no file states it, where the first VM's disk is
    left unplaced."""
    first = group[0][1]
    unplaced = first.unplaced_disk
    place = unplaced.place if unplaced is not None else None
    at = _unplaced_at(first)
    where = f"{shown_file(at.path, apart)}:{at.line}"
    if place is DiskPlace.CURRENT_ACCOUNT and unplaced is not None:
        # The classic CLI's pick in a location (`scope`), else PowerShell's current storage account.
        whose = f"storage account azure vm create picks in {unplaced.scope}" if unplaced.scope else ""
        name = f"<{whose or 'current storage account of the subscription'}, {where}>"
        data_disks = tuple(disk for _, vm in group for disk in vm.unplaced_data_disks)
        return UnstatedAccount(name, at, tuple(group), place, data_disks=data_disks)
    if place is DiskPlace.PROVIDER_IMAGE and unplaced is not None:
        return UnstatedAccount(f"<storage account of {unplaced.scope}, {where}>", at, tuple(group), place)
    if place is DiskPlace.REGISTERED_DISK and unplaced is not None:
        # A disk the files name by a value they do not state is one disk, shown where the VM is made.
        disk = f"disk {unplaced.scope}" if disk_to_look_up(unplaced) else "the registered disk of a VM"
        return UnstatedAccount(f"<storage account of {disk}, {where}>", at, tuple(group), place)
    if first.mark.path in whole_exports:
        name = f"<storage accounts of the disks of the VMs of {posixpath.basename(first.mark.path)}>"
        return UnstatedAccount(name, first.mark, tuple(group), DiskPlace.LEFT_OUT)
    kept = None if place is DiskPlace.LEFT_OUT else place  # a row of an export whose other rows state it
    return UnstatedAccount(_unstated_account_name(first, apart), at, tuple(group), kept)


def disk_to_look_up(unplaced: UnplacedDisk) -> str:
    """The name of the registered disk a VM is made from (REGISTERED_DISK), to look up with Get-AzureDisk;
    "" where the files do not state it: a value a script does not state, a template's placeholder."""
    scope = unplaced.scope.strip()
    return "" if not scope or is_stand_in(scope) or is_pipeline_token(scope) else scope


def _exports_without_disks(estate: Estate, unplaced: list[tuple[CloudService, Role]]) -> frozenset[str]:
    """The inventory exports (by path) every VM row of which leaves the disks out (no storageProfile): the
    export's query left the field out, so one stand-in stands for the accounts of all their disks."""
    left_out: dict[str, int] = defaultdict(int)
    for _, vm in unplaced:
        if vm.unplaced_disk is not None and vm.unplaced_disk.place is DiskPlace.LEFT_OUT:
            left_out[vm.mark.path] += 1
    if not left_out:
        return frozenset()
    rows: dict[str, int] = defaultdict(int)
    for service in estate.cloud_services:
        for vm in service.vms:
            if vm.mark.path in left_out:
                rows[vm.mark.path] += 1
    return frozenset(path for path, count in left_out.items() if count == rows[path] and count > 1)


def _unplaced_at(vm: Role) -> Mark:
    """Where the VM's OS disk is left unplaced: the blob's value, the disk's name, the command (see
    `UnplacedDisk.mark`), else where the VM is described."""
    return vm.unplaced_disk.mark if vm.unplaced_disk is not None else vm.mark


def _unstated_account_name(vm: Role, apart: Mapping[str, str], made_at: bool = False) -> str:
    """The stand-in for the storage account of `vm`'s disks: named after the VM, and where its disk is left
    unplaced (a VM a loop makes, or one of a stand-in name, may not be told apart by its name); `made_at`
    says where the VM is made too, for VMs whose disks are left unplaced at one place."""
    at = _unplaced_at(vm)
    where = f"{shown_file(at.path, apart)}:{at.line}"
    whose = "a VM" if is_stand_in(vm.name) else f"VM {vm.name}"  # no quote: the commands quote the name
    if made_at:
        whose = f"{'the VM' if is_stand_in(vm.name) else whose} made at line {vm.mark.line}"
    return f"<storage account of the disks of {whose}, {where}>"


def in_unnamed_networks(estate: Estate) -> frozenset[int]:
    """The services (by `id`) whose VMs are in subnets, so in a virtual network, that the files do not name
    and none of their networks defines (Export-AzureVM files alone): the network's definition is not in the
    files, so the checks of the network (its gateway, the other services in it) cannot run, and whether
    Validate passes the service is not decided, as for the members of a network no file defines."""
    networks = subnet_networks(n for n in estate.virtual_networks if n.defined)
    found: set[int] = set()
    for service in estate.cloud_services:
        if service.network_known or service.roles:
            continue
        subnets = [s for p in service.placements for s in placement_subnets(p)]
        if subnets and not networks_defining_all(networks, subnets):
            found.add(id(service))
    return frozenset(found)


# The names a subnet gets where its network's maker names none (the classic portal's and the classic CLI's
# `Subnet-1`, the Resource Manager portal's `default`): many networks of a subscription have one, so that
# only one network of the files does tells not which holds a VM in it.
_DEFAULT_SUBNETS = frozenset({key("Subnet-1"), key("default")})


def _in_subnets_of_addresses(
    services: tuple[CloudService, ...], definitions: Iterable[VirtualNetwork], refused: list[NamedAfterDelete]
) -> tuple[CloudService, ...]:
    """A VM the classic CLI creates with a static address in a network its script does not make (`azure vm
    create -w net1 -S 10.0.9.5`, `Role.subnet_of_address`) is in the subnet of that network that holds the
    address, as the CLI looks it up in the network: the subnet of the network's definition (another file's)
    whose prefix holds it. Where no definition's subnet holds it, its subnet stays not stated; where the
    definition states every subnet's prefix and none holds it, the platform refuses the command, added to
    `refused` (`model.refused_static_address`), and creates no VM: the VM is not in the estate, nor a
    service that holds no other, as where the script makes the network itself (`xplat`)."""
    if not any(role.subnet_of_address for s in services for p in s.placements for role in p.roles):
        return services  # most estates: no such VM
    defined: dict[str, list[VirtualNetwork]] = defaultdict(list)
    for vnet in definitions:
        defined[join_key(vnet.name, vnet.mark)].append(vnet)
    placed = (_service_in_subnets_of_addresses(service, defined, refused) for service in services)
    return tuple(service for service in placed if service is not None)


def _service_in_subnets_of_addresses(
    service: CloudService, defined: Mapping[str, list[VirtualNetwork]], refused: list[NamedAfterDelete]
) -> CloudService | None:
    """`_in_subnets_of_addresses` of one service: its network's definitions are `defined` by the network's
    key. None where every VM of it is refused."""
    placements = list(service.placements)
    changed = False
    for at, placement in enumerate(placements):
        ref = placement.virtual_network
        if ref is None or not any(role.subnet_of_address for role in placement.roles):
            continue
        held = defined.get(join_key(ref.name, ref.mark), [])
        subnets = [subnet for vnet in held for subnet in vnet.subnets]
        created = []
        for role in placement.roles:
            address = role.subnet_of_address
            if held and subnets and address is not None and held_by_no_subnet(subnets, address.name):
                network = replace(held[0], subnets=tuple(subnets))
                made = f"defined in {held[0].mark.path} at line {held[0].mark.line}"
                uses = f"azure vm create {service.name} -S {address.name}"
                refused.append(refused_static_address(network, address.name, address.mark, uses, made))
            else:
                created.append(_in_subnet_of_address(role, subnets))
        placements[at] = replace(placement, roles=tuple(created))
        changed = True
    if not changed:
        return service
    kept = tuple(placement for placement in placements if placement.roles)
    return replace(service, placements=kept) if kept else None


def _in_subnet_of_address(role: Role, subnets: Sequence[Subnet]) -> Role:
    """`role` in the first of `subnets` whose prefix holds its `subnet_of_address`, as the CLI picks it; as
    it is where none is known to hold it."""
    address = role.subnet_of_address
    holding = subnet_holding(subnets, address.name) if address is not None else None
    if address is None or holding is None:
        return role
    found = NameRef(holding.name, address.mark)
    return replace(
        role,
        subnets=(found, *role.subnets),
        primary_subnets=(found,),
        unknown=role.unknown - {"subnets"},
        subnet_of_address=None,
    )


def _in_network_of_subnets(service: CloudService, networks: Mapping[str, dict[str, str]]) -> CloudService:
    placements = list(service.placements)
    changed = False
    for at, placement in enumerate(placements):
        if (
            placement.network_known
            or placement.virtual_network is not None
            or placement.subnets_without_network
        ):
            continue
        subnets = placement_subnets(placement)
        if not subnets or all(key(subnet.name) in _DEFAULT_SUBNETS for subnet in subnets):
            continue
        candidates = networks_defining_all(networks, subnets)
        if len(candidates) != 1:
            continue
        [name] = candidates
        placements[at] = replace(
            placement,
            network_known=True,
            virtual_network=NameRef(name, subnets[0].mark),
            network_inferred_from=subnets,
        )
        changed = True
    return replace(service, placements=tuple(placements)) if changed else service


def _made_to_every_vm(service: CloudService) -> CloudService:
    """Changes made to every VM of the service at once (`Role.every_vm`) made to each VM the files
    describe, in every placement; kept as they are when the files describe none."""
    roles = [r for p in service.placements for r in p.roles]
    changes = [r for r in roles if r.every_vm]
    if not changes or not any(r.is_vm and not r.every_vm for r in roles):
        return service
    placements = []
    for placement in service.placements:
        kept = []
        for role in placement.roles:
            if role.is_vm and not role.every_vm:
                updated = _Updated(role)
                for change in changes:
                    updated.apply(change)
                role = updated.build()
            if not role.every_vm:
                kept.append(role)
        placements.append(replace(placement, roles=tuple(kept)))
    return replace(service, placements=tuple(placements))


class _Updated:
    """A VM as created, with the changes made to it later (`changes_existing`: an update runs after the VM
    exists) put in place, one at a time: what a change states replaces what was said before, what it
    leaves unsaid stays. Endpoints and extensions it sets replace those of the same name (an extension:
    publisher and name); the others stay. Kept by name, so that a change costs what it sets, not what the
    VM holds (a thousand files each adding an endpoint to one VM)."""

    def __init__(self, created: Role) -> None:
        self.created = created
        self.fields: dict[str, Any] = {}
        self.sources = list(created.described_at)
        self.lists: dict[str, dict[object, list[Any]]] = {}
        for name, named in _NAMED_IN.items():
            by_name: dict[object, list[Any]] = {}
            for entry in getattr(created, name):
                by_name.setdefault(named(entry), []).append(entry)
            self.lists[name] = by_name
        self.disks = dict.fromkeys(created.disks)
        # The network interfaces the descriptions name (`Role.interfaces`), by name, which a later change may
        # remove; those of a name added again replace the ones before.
        self.interfaces = {key(nic[0]): nic for nic in created.interfaces}
        # Whether the VM's endpoints are all known, so that one it lacks surely does not exist: an ACL set on
        # it then (`vm endpoint acl-rule create`, `Set-AzureAclConfig`) is refused and adds no endpoint.
        # Each, by name, until a later change makes an endpoint of that name (files have no order between
        # them), when it is that endpoint's ACL.
        self.every_endpoint_known = _states_every_endpoint(created)
        self.acl_without_endpoint: dict[str, InputEndpoint] = {}

    def apply(self, change: Role) -> None:
        fields = self.fields
        self.sources += change.described_at
        if change.size:
            fields["size"] = change.size
        if "availability_set" not in change.unknown:
            fields.update(
                availability_set=change.availability_set, availability_set_mark=change.availability_set_mark
            )
        if change.removed_interfaces:
            self._remove_interfaces(change.removed_interfaces)
        if "subnets" not in change.unknown:
            fields.update(subnets=change.subnets, primary_subnets=change.primary_subnets)
        elif change.subnets:  # of a VM whose other network interfaces the change does not know
            self._subnets(change)
        self.interfaces.update((key(nic[0]), nic) for nic in change.interfaces)
        for removed in change.removed_endpoints:  # before the endpoints the change sets, which may be alike
            self.lists["endpoints"].pop(key(removed), None)
        for endpoint, order in change.removed_acl_rules:  # likewise
            self._remove_acl_rule(endpoint, order)
        for name, named in _NAMED_IN.items():
            if name not in change.unknown:  # the change states the whole list
                self.lists[name] = {}
            by_name = self.lists[name]
            entries = getattr(change, name)
            if name == "endpoints":
                entries = self._endpoints_changed(by_name, entries)
            elif name == "extensions":
                entries = _removed_by_reference(by_name, entries)
            for entry in entries:
                by_name.pop(named(entry), None)
            for entry in entries:
                by_name.setdefault(named(entry), []).append(entry)
        if change.boot_diagnostics is not None:
            fields.update(
                boot_diagnostics=change.boot_diagnostics, boot_diagnostics_mark=change.boot_diagnostics_mark
            )
        if change.removed_luns:
            self._remove_disks(change.removed_luns)
        for disk in change.disks:
            self.disks[self._at_next_lun(disk) if disk.lun_after_highest else disk] = None
        if change.static_ips:
            fields["static_ips"] = change.static_ips
        if change.security_group is not None:
            fields["security_group"] = change.security_group
        if "public_ips" not in change.unknown:  # the change states them, even as none
            fields["public_ips"] = change.public_ips

    def _endpoints_changed(
        self, by_name: dict[object, list[Any]], entries: Sequence[InputEndpoint]
    ) -> list[InputEndpoint]:
        """The endpoints a change sets, as they replace those of their names (see `_acl_changed`); an ACL
        alone on an endpoint the VM surely lacks is kept apart (`acl_without_endpoint`). An endpoint the
        change names by a value it does not state may be any: the VM's endpoints are no longer all known."""
        if any(model.is_stand_in(entry.name) for entry in entries):
            self.every_endpoint_known = False
        changed = []
        for entry in entries:
            before = by_name.get(key(entry.name), [])
            if not before and self.every_endpoint_known and _acl_only(entry):
                self.acl_without_endpoint[key(entry.name)] = entry
                continue
            changed += _acl_changed(before, entry)
        return changed

    def _at_next_lun(self, disk: Disk) -> Disk:
        """A data disk the classic CLI attaches, at the LUN after the highest the VM's data disks use so
        far (0 for none), as the CLI picks it (see `Disk.lun_after_highest`)."""
        luns = [int(d.lun) for d in self.disks if d.lun.isdigit()]
        self.disks.pop(disk, None)  # a disk equal to it is the same disk: it takes the new LUN
        return replace(disk, lun=str(max(luns, default=-1) + 1), lun_after_highest=False)

    def _remove_disks(self, luns: tuple[str, ...]) -> None:
        """The data disks a change removes (`Role.removed_luns`) taken off: those at the LUNs it names, or
        every one whose LUN is known when it removes one it does not name (as a script's own removal does).
        A disk whose description states no LUN stays: it may be the OS disk, or at another LUN."""
        every = "" in luns
        self.disks = {d: None for d in self.disks if not d.lun or not (every or d.lun in luns)}

    def _remove_acl_rule(self, endpoint: str, order: str) -> None:
        """The ACL rule of that order taken off the endpoints of that name (`Role.removed_acl_rules`); an
        ACL left with no rule is gone, as the platform keeps no empty one. An ACL whose rules the
        description does not all know keeps what it knows: the rule may not have been among them."""
        by_name = self.lists["endpoints"]
        endpoints = by_name.get(key(endpoint))
        if endpoints:
            by_name[key(endpoint)] = [_without_acl_rule(e, order) for e in endpoints]

    def _remove_interfaces(self, names: tuple[str, ...]) -> None:
        """The network interfaces a change removes by name (`Role.removed_interfaces`) taken off, with the
        subnets they are in and the static addresses they ask for, as the VM's description names them
        (`Role.interfaces`). One it does not name stays: the VM may not have it, or its file does not say
        which subnets are its."""
        popped = (self.interfaces.pop(key(name), None) for name in names)
        removed = [nic for nic in popped if nic is not None]
        if not removed:
            return
        subnets = list(self.fields.get("subnets", self.created.subnets))
        addresses = list(self.fields.get("static_ips", self.created.static_ips))
        for _, refs, address in removed:
            for ref in refs:
                if ref in subnets:
                    subnets.remove(ref)
            if address is not None and address in addresses:
                addresses.remove(address)
        self.fields.update(subnets=tuple(subnets), static_ips=tuple(addresses))

    def _subnets(self, change: Role) -> None:
        """The primary interface's subnets the change sets (Set-AzureSubnet) in place of those before it,
        the other interfaces' kept; the interfaces it adds (Add-AzureNetworkInterfaceConfig) added."""
        subnets = self.fields.get("subnets", self.created.subnets)
        primary = self.fields.get("primary_subnets", self.created.primary_subnets) or subnets
        added = [s for s in change.subnets if s not in change.primary_subnets]
        if change.primary_subnets:
            before = {key(s.name) for s in primary}
            others = [s for s in subnets if key(s.name) not in before]
            self.fields.update(
                subnets=(*change.primary_subnets, *others, *added), primary_subnets=change.primary_subnets
            )
        else:
            self.fields["subnets"] = (*subnets, *added)

    def build(self) -> Role:
        """The VM with every change applied so far."""
        fields = self.fields
        endpoints = self.lists["endpoints"]
        for name, acl_only in self.acl_without_endpoint.items():  # an endpoint a later change made
            if name in endpoints:
                endpoints[name] = _acl_changed(endpoints[name], acl_only)
        built: dict[str, Any] = {
            name: tuple(chain.from_iterable(by_name.values())) for name, by_name in self.lists.items()
        }
        built.update(fields, disks=tuple(self.disks), sources=tuple(self.sources))
        built["interfaces"] = tuple(self.interfaces.values())
        return replace(self.created, **built)


def _without_acl_rule(endpoint: InputEndpoint, order: str) -> InputEndpoint:
    """The endpoint without its ACL's rule of that order (orders compared as numbers are: "0100" is 100),
    and without the ACL when no rule is left of all it knows."""
    acl = endpoint.acl
    if acl is None:
        return endpoint
    rules = tuple(rule for rule in acl.rules if _order(rule.order) != _order(order))
    if rules == acl.rules:
        return endpoint
    if not rules and acl.all_rules_known:
        return replace(endpoint, acl=None)
    return replace(endpoint, acl=replace(acl, rules=rules))


def _order(order: str) -> str:
    """An ACL rule's order as the platform reads it: a number, so "0100" and "100" are one order."""
    text = order.strip()
    return (text.lstrip("0") or "0") if text.isdigit() else key(text)


def _states_every_endpoint(created: Role) -> bool:
    """Whether a VM's description states every endpoint it has: one that describes the VM whole (not a
    change, not one created from a file not checked), with no endpoint left to values it does not state."""
    return (
        created.is_vm
        and not created.changes_existing
        and not created.every_vm
        and not created.from_unseen_file
        and "endpoints" not in created.unknown
        and not any(model.is_stand_in(endpoint.name) for endpoint in created.endpoints)
    )


def _acl_only(change: InputEndpoint) -> bool:
    """Whether a change names an endpoint only to set or remove its ACL: no protocol, no port."""
    return not (change.protocol or change.port or change.local_port)


def _acl_changed(before: list[InputEndpoint], change: InputEndpoint) -> list[InputEndpoint]:
    """An endpoint a change names without a protocol or port, only to set or remove its ACL (a script's
    `Get-AzureVM | Remove-AzureAclConfig -EndpointName … | Update-AzureVM`): the endpoints of that name as
    they were, with the change's ACL. Any other replaces them. An ACL the change read from the VM
    (`EndpointAcl.removed_from_vm`) is the ACL each had, without the rules removed from it and with those
    added to it."""
    acl = change.acl
    if acl is not None and acl.removed_from_vm is not None and before:
        if change.protocol or change.port or change.local_port:
            return [replace(change, acl=_read_acl(before[0].acl, acl))]
        return [replace(endpoint, acl=_read_acl(endpoint.acl, acl)) for endpoint in before]
    if change.protocol or change.port or change.local_port or not before:
        return [change]
    return [replace(endpoint, acl=change.acl) for endpoint in before]


def _read_acl(had: EndpointAcl | None, read: EndpointAcl) -> EndpointAcl | None:
    """The ACL a script read from an endpoint (Get-AzureAclConfig) and set back (`read`): the rules the
    endpoint had (`had`, in the order its description lists them, as the platform numbers them), without
    those whose RuleId the script removed, and the rules it added; none when no rule is left of all of
    them, as the platform sets no ACL with no rule."""
    if had is None:
        return read if read.rules else None
    removed = set(read.removed_from_vm or ())
    kept = tuple(rule for rule_id, rule in enumerate(had.rules) if rule_id not in removed)
    rules = (*kept, *read.rules)
    if not rules and had.all_rules_known:
        return None
    return replace(had, rules=rules, all_rules_known=had.all_rules_known and not read.rules)


def _with_associated_ips(
    services: tuple[CloudService, ...], ips: Sequence[ReservedIp]
) -> tuple[CloudService, ...]:
    """Services with the reserved IPs a list of them (REST `ReservedIPs`) says are associated with their
    deployments, where the deployment's own body names none. An entry names a deployment by its service
    and its name (`ServiceName`, `DeploymentName`). A service the files name takes it on the deployment
    of that name, or on its only deployment when the files do not state its deployment's name (a
    configuration); a deployment whose service no file names (a body without a `Url`, see
    `CloudService.named_by`) takes it when the entry's deployment name is its name and nothing else can be
    the one: no other such deployment of that name, no entry of another service for that name, and no
    deployment of that name in a service the files name (the body may describe that one). No entry goes
    to a deployment of another name."""
    entries = [ip for ip in ips if ip.service_name.strip()]
    if not entries:
        return services
    named = _named_services(services)
    found: dict[tuple[int, int], ReservedIp] = {}
    by_deployment: dict[str, list[ReservedIp]] = defaultdict(list)  # the entries no named service takes
    for ip in entries:
        listed_at = _listed_deployment(services, named, ip)
        for place in listed_at:
            found.setdefault(place, ip)
        if not listed_at and ip.deployment_name.strip():
            by_deployment[key(ip.deployment_name)].append(ip)
    if by_deployment:
        found.update(_unnamed_listed(services, by_deployment, found))
    return _associated(services, found)


def _unnamed_listed(
    services: tuple[CloudService, ...],
    by_deployment: Mapping[str, list[ReservedIp]],
    found: Mapping[tuple[int, int], ReservedIp],
) -> Iterator[tuple[tuple[int, int], ReservedIp]]:
    """The placements (service and placement index) of deployments whose service no file names that list
    entries (`by_deployment`, by deployment name) name, each with its entry: only where one such deployment
    has the name, the entries for it name one service, and no service the files name has a deployment of
    that name (the body may describe that one)."""
    holders: dict[str, list[tuple[int, int]]] = defaultdict(list)
    named_deployments: set[str] = set()
    for i, service in enumerate(services):
        for at, placement in enumerate(service.placements):
            if service.named_by == "deployment":
                holders[key(placement.name)].append((i, at))
            elif service.named_by in _NAMED_SERVICES and placement.deployment_named:
                named_deployments.add(key(placement.name))
    for name, claims in by_deployment.items():
        held = holders.get(name, [])
        one_service = len({key(ip.service_name) for ip in claims}) == 1
        if len(held) == 1 and one_service and name not in named_deployments and held[0] not in found:
            yield held[0], claims[0]


def _listed_deployment(
    services: tuple[CloudService, ...], named: Mapping[str, int], ip: ReservedIp
) -> list[tuple[int, int]]:
    """The placements (service and placement index) a list's entry names in the service of its name
    (`named`: the services the files name, by name): those of its deployment name, else the only one when
    the files do not state its deployment's name, or the entry states none."""
    index = named.get(key(ip.service_name))
    if index is None:
        return []
    placements = services[index].placements
    wanted = key(ip.deployment_name)
    if wanted:
        ats = [at for at, p in enumerate(placements) if p.deployment_named and key(p.name) == wanted]
        if not ats and len(placements) == 1 and not placements[0].deployment_named:
            ats = [0]
    else:
        ats = [0] if len(placements) == 1 else []
    return [(index, at) for at in ats]


def _associated(
    services: tuple[CloudService, ...], found: Mapping[tuple[int, int], ReservedIp]
) -> tuple[CloudService, ...]:
    """`services` with the reserved IP `found` gives each placement (by service and placement index) on
    it, unless its own description names one."""
    if not found:
        return services
    placements = {i: list(services[i].placements) for i, _ in found}
    for (i, at), ip in found.items():
        if not placements[i][at].reserved_ips:
            placements[i][at] = replace(placements[i][at], reserved_ips=(NameRef(ip.name, ip.mark),))
    return tuple(
        replace(s, placements=tuple(placements[i])) if i in placements else s for i, s in enumerate(services)
    )


def _without_deletions(deployment: Deployment) -> Deployment | None:
    """A deployment without the deletions a script records in it (`Deployment.deleted`, `Role.deleted`,
    made by `_deleted`), which describe nothing of their own; None when they are all it holds."""
    if deployment.deleted:
        return None
    if not any(role.deleted for role in deployment.roles):
        return deployment
    roles = tuple(role for role in deployment.roles if not role.deleted)
    return replace(deployment, roles=roles) if roles else None


def _in_migration(service: CloudService) -> bool:
    """Whether an export gives a role of the service a migration state (`Role.migration_state`), among its
    roles once each (`_roles_of`). Those are some of its deployments' roles: nearly every service has no
    role in a migration, told by its deployments' roles as they are, without sorting each service's roles
    into VMs and web and worker roles by name (a tenth of linking a large estate)."""
    if all(role.migration_state is None for p in service.placements for role in p.roles):
        return False
    return any(role.migration_state is not None for role in _roles_of(service))


def _roles_of(service: CloudService) -> tuple[Role, ...]:
    """Every role of a cloud service: its VMs, its web and worker roles, and those of a kind not said."""
    return (*service.vms, *service.unsorted_roles, *service.roles)


def _services_by_vm_name(services: Sequence[CloudService]) -> dict[str, tuple[str, ...]]:
    """VM name (by `key`) -> the names of the cloud services that hold a VM of that name, once each."""
    found: dict[str, list[str]] = defaultdict(list)
    for service in services:
        for name in {key(vm.name) for placement in service.placements for vm in placement.vms}:
            found[name].append(service.name)
    return {name: tuple(held) for name, held in found.items()}


def _networks_by_service(services: Sequence[CloudService]) -> dict[str, tuple[NameRef, ...]]:
    """Cloud service name (by `key`) -> the virtual networks the files or scripts place it in, for each
    service the files name that is in any."""
    return {
        key(service.name): service.virtual_network_refs
        for service in services
        if service.named_by == "files" and service.virtual_network_refs
    }


def _deleted(
    services: tuple[CloudService, ...], records: Sequence[Deployment], dangling: list[Dangling]
) -> tuple[CloudService, ...]:
    """`services` without the cloud services and VMs scripts delete (`Deployment.deleted`, `Role.deleted`):
    the service of that name, and the VM of that name in the service of that name, as a REST body, an
    export or an Export-AzureVM file describes them. One that another script creates stays: nothing says
    which of the two scripts runs last (a repository's teardown script does not mean its deployment is
    gone), and the script that deletes what it creates itself is read in order already. A service the
    files do not name (named after a folder or a deployment) is none of them; a deployment left without
    roles is gone with its last VM, and so is a service left with none (of no package).

    A VM deleted by its name alone (`Deployment.service_by_vm_name`) is each VM of that name the files
    describe, in whichever service, as a change to it is (`_Linker._add_changes_by_vm_name`): the one,
    for the classic CLI, which refuses a name several services give a VM (MIG003, into `dangling`, and
    nothing is deleted); every one for PowerShell (`Deployment.every_vm_of_name`)."""
    gone: set[str] = set()
    vms: dict[str, set[str]] = defaultdict(set)
    anywhere: list[tuple[Role, bool]] = []  # the VMs deleted by name alone, each with `every_vm_of_name`
    for record in records:
        if record.deleted:
            gone.add(key(record.service_name))
        for role in record.roles:
            if role.deleted and record.service_by_vm_name:
                anywhere.append((role, record.every_vm_of_name))
            elif role.deleted:
                vms[key(record.service_name)].add(key(role.name))
    if not gone and not vms and not anywhere:
        return services
    held = [{key(vm.name) for p in service.placements for vm in p.vms} for service in services]
    wanted = {key(role.name) for role, _ in anywhere}
    holders: dict[str, list[int]] = defaultdict(list)  # the services of each VM deleted by name alone
    for index, names in enumerate(held):
        for name in names & wanted:
            holders[name].append(index)
    by_name: dict[int, set[str]] = defaultdict(set)  # the VMs deleted by name alone, by their service's index
    for role, every in anywhere:
        found = holders.get(key(role.name), [])
        if len(found) > 1 and not every:
            dangling.append(_not_unique(role, [services[index] for index in found], "deletes"))
            continue
        for index in found:
            by_name[index].add(key(role.name))
    kept = []
    for index, service in enumerate(services):
        named = service.named_by == "files"
        scripted = any(is_script(p.mark.path) for p in service.placements)
        if named and key(service.name) in gone and not scripted:
            continue
        names = set(vms.get(key(service.name), ())) if named else set()
        names |= by_name.get(index, set())
        left = _without_vms(service, names) if names else service
        if left.placements or service.definition is not None or service.configurations:
            kept.append(left)  # else gone with its last VM: nothing of it is left to move
    return tuple(kept)


def _without_vms(service: CloudService, names: set[str]) -> CloudService:
    placements = []
    for placement in service.placements:
        roles = tuple(
            r
            for r in placement.roles
            if not (r.is_vm and key(r.name) in names and not is_script(r.mark.path))
        )
        if len(roles) == len(placement.roles):
            placements.append(placement)
        elif roles:
            instances = tuple(i for i in placement.instances if key(i.role) not in names)
            placements.append(replace(placement, roles=roles, instances=instances))
    return replace(service, placements=tuple(placements))


def _released(services: tuple[CloudService, ...], ips: Sequence[ReservedIp]) -> tuple[CloudService, ...]:
    """`services` without the reserved IPs scripts take off them (`ReservedIp.released_from`), on the
    deployment's own virtual IP, whichever file associates them. A service the files do not name (named
    after a deployment or a VM) is none of them, as for `_deleted`."""
    freed: dict[str, set[str]] = defaultdict(set)
    for ip in ips:
        if ip.released_from:
            freed[key(ip.released_from)].add(key(ip.name))
    if not freed:
        return services
    return tuple(
        _without_ips(s, freed[key(s.name)]) if s.named_by == "files" and key(s.name) in freed else s
        for s in services
    )


def _without_ips(service: CloudService, names: set[str]) -> CloudService:
    bound = tuple(ref for ref in service.bound_reserved_ips if key(ref.name) not in names)
    placements = []
    for placement in service.placements:
        kept = tuple(
            ref
            for ref in placement.reserved_ips
            if key(ref.name) not in names or not (ref.virtual_ip is None or ref.virtual_ip.default)
        )
        placements.append(
            placement if len(kept) == len(placement.reserved_ips) else replace(placement, reserved_ips=kept)
        )
    return replace(service, placements=tuple(placements), bound_reserved_ips=bound)


def _freed(declared: tuple[ReservedIp, ...], ips: Sequence[ReservedIp]) -> tuple[ReservedIp, ...]:
    """The declared reserved IPs, those a script takes off the service they name (see `_released`)
    associated with none."""
    freed = {(key(ip.released_from), key(ip.name)) for ip in ips if ip.released_from}
    if not freed:
        return declared
    return tuple(
        replace(ip, service_name="", deployment_name="")
        if ip.service_name and (key(ip.service_name), key(ip.name)) in freed
        else ip
        for ip in declared
    )


def _add_scripted_associations(
    networks: dict[str, Network], records: Sequence[NetworkSecurityGroup | RouteTable], undefined: set[str]
) -> None:
    """The subnets scripts associate a network security group or route table with (`subnet` of either)
    given it, as a REST body of the network would, where no description of the network gives the subnet
    one: the subnet of that name of a network a file defines (the platform refuses one it lacks), or of a
    network no file defines, which the script shows exists: it is added, as the script names it. Not of a
    network the script names that does not exist (`undefined`, see `_add_named_networks`): refused too."""
    linked: dict[str, dict[str, tuple[str, str, NetworkSecurityGroup | RouteTable]]] = defaultdict(dict)
    for record in records:
        if not (record.virtual_network.strip() and record.subnet.strip()):
            continue
        if key(record.virtual_network) in undefined:
            continue
        subnets = linked[join_key(record.virtual_network, record.mark)]
        group, table, first = subnets.get(key(record.subnet), ("", "", record))
        if isinstance(record, NetworkSecurityGroup):
            group = group or record.name
        else:
            table = table or record.name
        subnets[key(record.subnet)] = (group, table, first)
    for name_key, subnets in linked.items():
        first = next(iter(subnets.values()))[2]
        network = networks.get(name_key) or Network(first.virtual_network, first.mark)
        if network.defined:
            changed = tuple(_linked(s, subnets.get(key(s.name))) for s in network.subnets)
        else:
            held = {key(s.name) for s in network.subnets}
            added = (
                Subnet(r.subnet, None, r.mark, security_group=g, route_table=t, prefix_known=False)
                for k, (g, t, r) in subnets.items()
                if k not in held
            )
            changed = (*network.subnets, *added)
        networks[name_key] = replace(network, subnets=changed)


def _linked(subnet: Subnet, link: tuple[str, str, object] | None) -> Subnet:
    if link is None:
        return subnet
    group = subnet.security_group or link[0]
    table = subnet.route_table or link[1]
    if (group, table) == (subnet.security_group, subnet.route_table):
        return subnet
    return replace(subnet, security_group=group, route_table=table)


def _kind_certainty(role: Role) -> int:
    return 2 if not role.kind_evidence else 1 if role.kind_known else 0


def _site(
    name: str, own: Mapping[str, LocalNetworkSite], defined: Mapping[str, LocalNetworkSite]
) -> LocalNetworkSite | None:
    """The local site a connection names: the one written inside the network (REST), unless it says no
    more than its name and the network configuration defines the site in full."""
    inline, full = own.get(key(name)), defined.get(key(name))
    if inline is None or (not inline.address_space and full is not None):
        return full
    return inline


def _vpn_sites(
    gateway: Gateway | None, own: Mapping[str, LocalNetworkSite], defined: Mapping[str, LocalNetworkSite]
) -> tuple[LocalNetworkSite, ...]:
    found: dict[str, LocalNetworkSite] = {}
    for connection in gateway.connections if gateway else ():
        site = _site(connection.local_site, own, defined)
        if site is not None and not connection.is_expressroute:
            found.setdefault(key(site.name), site)
    return tuple(found.values())


def _scripted_connections(
    gateway: Gateway | None,
    scripted: ScriptedGateway | None,
    own: Mapping[str, LocalNetworkSite],
    defined: Mapping[str, LocalNetworkSite],
) -> tuple[GatewayConnection, ...]:
    """The VPN connections scripts make from the network's gateway to local sites the files define, one per
    site, at the first call that shows it (a connect, or a shared key set, which only an IPsec connection
    has): each as the `LocalNetworkSiteRef` of type IPsec the connect writes into the network configuration
    (the classic CLI writes it so), named as the site is defined. A site the gateway's definitions connect
    to already is theirs (a Dedicated one stays ExpressRoute), and one the files do not define, or the
    script does not state, is left to what the scripts say (`Estate.scripted_gateway`)."""
    held = {key(c.local_site) for c in gateway.connections} if gateway is not None else set()
    found: dict[str, GatewayConnection] = {}
    for fact in scripted.facts if scripted is not None else ():
        if fact.how not in VPN_SITE_EVIDENCE or not fact.local_site:
            continue
        site = _site(fact.local_site, own, defined)
        if site is None or key(site.name) in held or key(site.name) in found:
            continue
        found[key(site.name)] = GatewayConnection(site.name, "IPsec", fact.mark)
    return tuple(found.values())


def _with_scripted_sites(
    sites: tuple[LocalNetworkSite, ...],
    connections: tuple[GatewayConnection, ...],
    own: Mapping[str, LocalNetworkSite],
    defined: Mapping[str, LocalNetworkSite],
) -> tuple[LocalNetworkSite, ...]:
    """`sites`, then the sites of the scripts' `connections` (see `_scripted_connections`), once each."""
    found = {key(site.name): site for site in sites}
    for connection in connections:
        site = _site(connection.local_site, own, defined)
        if site is not None:
            found.setdefault(key(site.name), site)
    return tuple(found.values())


def _merged_gateway(definitions: Sequence[VirtualNetwork]) -> Gateway | None:
    """A network's gateway as every description of it states it: the first gateway stated (its `mark`
    is the gateway's), with the connections and client pool prefixes the others add. Each keeps the mark
    of the file that writes it, so rules point at the fact and say where it is. Descriptions that state a
    gateway in part (a network configuration its client pool, a REST body its ExpressRoute site) describe
    one gateway, not two that disagree: nothing is dropped. A connection already held (the same site,
    ExpressRoute or not) or a prefix already held is not added again, so a fact both files state is one
    fact, at its first description."""
    gateways = [v.gateway for v in definitions if v.gateway is not None]
    if len(gateways) < 2:
        return gateways[0] if gateways else None
    first, *others = gateways
    connections = list(first.connections)
    pool = list(first.client_address_pool)
    held = {_connection_key(c) for c in connections}
    prefixes = {p.text.strip() for p in pool}
    for other in others:
        for connection in other.connections:
            if _connection_key(connection) not in held:
                held.add(_connection_key(connection))
                connections.append(connection)
        for prefix in other.client_address_pool:
            if prefix.text.strip() not in prefixes:
                prefixes.add(prefix.text.strip())
                pool.append(prefix)
    if len(connections) == len(first.connections) and len(pool) == len(first.client_address_pool):
        return first
    return replace(first, connections=tuple(connections), client_address_pool=tuple(pool))


def _connection_key(connection: GatewayConnection) -> tuple[str, bool]:
    """A connection is its site and whether it is ExpressRoute: `IPsec` and an unstated type are both a
    site-to-site VPN."""
    return key(connection.local_site), connection.is_expressroute


def _merged_subnets(definitions: Sequence[VirtualNetwork]) -> tuple[Subnet, ...]:
    """A network's subnets: the first description's, each with the network security group and route table
    that a later description gives the subnet of its name where the first leaves them out (a REST body
    states them, a network configuration never does), so they migrate with the network. Which subnets the
    network has, and their prefixes, stay the first description's: descriptions that list others disagree
    (MIG004)."""
    # The first description that lists them: an export's row that leaves them out says none of them.
    subnets = next((v.subnets for v in definitions if v.subnets_known), ())
    groups: dict[str, str] = {}
    tables: dict[str, str] = {}
    for later in (s for v in definitions[1:] for s in v.subnets):
        if later.security_group.strip():
            groups.setdefault(key(later.name), later.security_group)
        if later.route_table.strip():
            tables.setdefault(key(later.name), later.route_table)
    if not groups and not tables:
        return subnets

    def filled(subnet: Subnet) -> Subnet:
        group = subnet.security_group or groups.get(key(subnet.name), "")
        table = subnet.route_table or tables.get(key(subnet.name), "")
        if (group, table) == (subnet.security_group, subnet.route_table):
            return subnet
        return replace(subnet, security_group=group, route_table=table)

    return tuple(filled(s) for s in subnets)


def _network_differences(
    a: VirtualNetwork, b: VirtualNetwork, groups: Mapping[str, AffinityGroupRegion] | None = None
) -> tuple[str, ...]:
    """Where two descriptions of a network disagree. An address space or a subnet prefix one of them does
    not know (a script leaves it to a value it does not state) says less, it does not disagree. `groups`:
    where the files create the affinity groups (`affinity_group_regions`)."""
    out = []
    space_a, space_b = _prefixes(a.address_space), _prefixes(b.address_space)
    if a.address_space_known and b.address_space_known and space_a != space_b:
        out.append(f"address space {_spaces(space_a)} / {_spaces(space_b)}")
    if a.subnets_known and b.subnets_known and _subnets_differ(a.subnets, b.subnets):
        out.append(f"subnets {_subnet_list(a.subnets)} / {_subnet_list(b.subnets)}")
    out.extend(_place_differences(a, b, groups or {}))
    out.extend(_gateway_differences(a.gateway, b.gateway))
    return tuple(out)


def _gateway_differences(a: Gateway | None, b: Gateway | None) -> list[str]:
    """Where two descriptions that both state the network's gateway disagree on what it serves. A
    description that states the gateway states all of it (a network configuration's
    `ConnectionsToLocalNetwork` and `VPNClientAddressPool`, a REST body's `Sites` and pool): an empty or
    absent list says "none", as the ExpressRoute preparation's emptied `ConnectionsToLocalNetwork` does.
    One that states no gateway (an inventory export of the network) says nothing of it. Both are
    checked as a whole (MIG301 looks at each description apart); the merged gateway (`_merged_gateway`)
    keeps what either states for the other rules, naming its file."""
    if a is None or b is None:
        return []
    out = []
    connections_a, connections_b = _connections(a), _connections(b)
    if connections_a.keys() != connections_b.keys():
        out.append(
            f"gateway connections {_connection_list(connections_a)} / {_connection_list(connections_b)}"
        )
    pool_a, pool_b = _prefixes(a.client_address_pool), _prefixes(b.client_address_pool)
    if pool_a != pool_b:
        out.append(f"VPN client address pool {_spaces(pool_a)} / {_spaces(pool_b)}")
    return out


def _connections(gateway: Gateway) -> dict[tuple[str, bool], GatewayConnection]:
    """The gateway connections a description lists, by `_connection_key`."""
    return {_connection_key(c): c for c in gateway.connections}


def _connection_list(connections: Mapping[tuple[str, bool], GatewayConnection]) -> str:
    if not connections:
        return "none"
    return listed(
        (f"{c.local_site} ({'ExpressRoute' if c.is_expressroute else 'VPN'})" for c in connections.values()),
        quote="",
    )


def _placing(definitions: Sequence[VirtualNetwork]) -> VirtualNetwork | None:
    """The definition of a network that says where it is (see `Network.definition`)."""
    placed = (v for v in definitions if v.location.strip() or v.affinity_group.strip())
    return next(placed, definitions[0] if definitions else None)


def affinity_group_regions(groups: Iterable[AffinityGroupRegion]) -> dict[str, AffinityGroupRegion]:
    """Where the files create each affinity group, by `key` of its name: the first creation of a group they
    create in one region only (as Resource Manager names it: `East US` and `eastus` are one), the first that
    writes the classic API's name where one does. A group created in two is in neither (which one the
    subscription holds is not known), and a creation whose region the file does not state (a body built
    with a value the script does not state, a template's field) says none."""
    found: dict[str, AffinityGroupRegion | None] = {}
    for group in groups:
        region = region_key(group.location)
        if not region_name(group.location):
            continue
        first = found.setdefault(key(group.name), group)
        if first is not None and region_key(first.location) != region:
            found[key(group.name)] = None
        elif first is not None and " " in group.location.strip() and " " not in first.location.strip():
            found[key(group.name)] = group  # the classic API's name (`East US`), which a .netcfg takes
    return {name: group for name, group in found.items() if group is not None}


def region_name(written: str) -> bool:
    """Whether `written` may name a region: ASCII letters, digits and spaces (`West Europe`, `westeurope`;
    Azure names none otherwise), not a template's field (`{3}`, `$(location)`) saved in a body, nor nothing."""
    return bool(written.strip()) and written.isascii() and all(c.isalnum() or c == " " for c in written)


def region_key(written: str) -> str:
    """A region as Resource Manager names it, which tells regions apart: `West Europe` is `westeurope`."""
    return "".join(written.split()).casefold()


def _subnets_differ(a: Iterable[Subnet], b: Iterable[Subnet]) -> bool:
    """Whether two descriptions name other subnets, or give one of them other prefixes where both know it."""
    prefixes_a, prefixes_b = _subnet_prefixes(a), _subnet_prefixes(b)
    if prefixes_a.keys() != prefixes_b.keys():
        return True
    return any(
        prefixes is not None and prefixes_b[name] is not None and prefixes != prefixes_b[name]
        for name, prefixes in prefixes_a.items()
    )


def _subnet_prefixes(subnets: Iterable[Subnet]) -> dict[str, frozenset[str] | None]:
    """Each subnet's prefix by name, None where the description does not know it."""
    return {
        key(s.name): (_prefixes((s.prefix,) if s.prefix else ()) if s.prefix_known else None) for s in subnets
    }


def _place_differences(
    a: VirtualNetwork, b: VirtualNetwork, groups: Mapping[str, AffinityGroupRegion]
) -> Iterator[str]:
    """Where two descriptions of a network put it differently. A region and an affinity group are each
    compared with their own kind: a network bound to an affinity group is in the group's region, and a
    REST body may state both where a .netcfg states the group; that region is compared with the one the
    files create the group in (`groups`). One that states only a region and one that states only an
    affinity group disagree on whether the network is regional, whatever the group's region: Resource
    Manager moves regional networks only (MIG303)."""
    for kind, place_a, place_b in (
        ("location", a.location, b.location),
        ("affinity group", a.affinity_group, b.affinity_group),
    ):
        if key(place_a) and key(place_b) and key(place_a) != key(place_b):
            yield f"{kind} '{place_a}' / '{place_b}'"
    regional = [bool(key(v.location)) and not key(v.affinity_group) for v in (a, b)]
    grouped = [bool(key(v.affinity_group)) and not key(v.location) for v in (a, b)]
    if regional[0] and grouped[1]:
        yield f"location '{a.location}' / affinity group '{b.affinity_group}'"
    elif grouped[0] and regional[1]:
        yield f"affinity group '{a.affinity_group}' / location '{b.location}'"
    group = groups.get(key(a.affinity_group)) if key(a.affinity_group) == key(b.affinity_group) else None
    if group is not None and bool(key(a.location)) != bool(key(b.location)):
        place_a, place_b = (v.location.strip() or group.location for v in (a, b))
        if region_key(place_a) != region_key(place_b):
            stated = f"{group.mark.path}:{group.mark.line}"
            yield f"location '{place_a}' / '{place_b}' (the region of affinity group '{group.name}', stated at {stated})"


def _prefixes(prefixes: Iterable) -> frozenset[str]:
    return frozenset(p.text.strip() for p in prefixes)


# The differences are MIG004's message: a handful of members each (`listed`), not every subnet of a
# network described twice, once per finding.
def _spaces(prefixes: frozenset[str]) -> str:
    return listed(sorted(prefixes)) or "none"


def _subnet_list(subnets: Iterable[Subnet]) -> str:
    return (
        listed((f"{s.name} {s.prefix.text if s.prefix else '(no prefix)'}" for s in subnets), quote="")
        or "none"
    )


def _names(refs: Iterable[NameRef]) -> frozenset[str]:
    return frozenset(key(r.name) for r in refs)


def _listed(refs: Iterable[NameRef]) -> str:
    return listed((r.name for r in refs), quote="")


# --- storage ---------------------------------------------------------------------------------------------


def _disk_key(disk: Disk) -> str:
    """One blob is one disk, whichever scheme its address is written with (`Add-AzureDisk` examples use
    http://, the platform reports https://). A blob or name a pipeline token writes is its file's own
    (`join_key`): another file's token may be given another account."""
    if not disk.media_link.strip():
        return "name:" + join_key(disk.name, disk.mark)
    address = join_key(disk.media_link, disk.mark)
    return "blob:" + address.split("://", 1)[-1]


def _described_disk(disk: Disk, blobs: _NamedBlobs) -> str:
    """Which disk a description describes (`_disk_key`): its blob, or when it gives none the blob that
    another description of its name gives (`_NamedBlobs`), else its name."""
    if not disk.media_link.strip():
        blob = blobs.of(disk)
        if blob is not None:
            return _disk_key(blob)
    return _disk_key(disk)


def _vms_by_file(
    services: tuple[CloudService, ...],
) -> dict[tuple[str, str], list[tuple[CloudService, Role]]]:
    """The VMs by the files that describe them and their names (case-folded), with their services."""
    found: dict[tuple[str, str], list[tuple[CloudService, Role]]] = defaultdict(list)
    for service in services:
        for vm in service.vms:
            for path in dict.fromkeys(mark.path for mark in vm.described_at):
                found[(path, key(vm.name))].append((service, vm))
    return found


def _named_in_file(
    vms: dict[tuple[str, str], list[tuple[CloudService, Role]]], disk: Disk
) -> tuple[CloudService, Role] | None:
    """The VM a disk listed on its own is attached to, or may be (`Disk.maybe_attached`): the one VM of the
    name it gives that the file describing the disk describes (a script that gives a VM a disk by name, or
    registers disks and gives a VM one by a name it does not state), with its cloud service (`vms`: see
    `_vms_by_file`); None when there is no such VM, or several."""
    found = {
        id(vm): (service, vm)
        for path in dict.fromkeys(mark.path for mark in disk.described_at)
        for service, vm in vms.get((path, key(disk.attached_to)), ())
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _in_registered_disk(vm: Role, disk: Disk) -> Role:
    """The VM made from registered disk `disk`, whose blob no file gives: its OS disk is in the storage
    account of that disk, which no file states (`Role.unplaced_disk`)."""
    if any(not d.data for d in vm.disks):
        return vm
    unplaced = UnplacedDisk(DiskPlace.REGISTERED_DISK, disk.mark, disk.name)
    return replace(vm, unknown=vm.unknown | {"disks"}, unplaced_disk=unplaced)


def _in_registered_os_disks(
    services: tuple[CloudService, ...], listed: Sequence[Disk]
) -> tuple[CloudService, ...]:
    """`services` with each VM the files create from a registered disk they name in its own description
    (a REST body's `<OSVirtualHardDisk>` with a `<DiskName>` and no `<MediaLink>`) in that disk's storage
    account, which no file states, as one a script gives a disk by name (`_with_named_disks`): unless a
    description of that disk (a Disks list, a Get-AzureDisk export, a script that registers it) gives its
    blob, whose account it then is."""
    unplaced = {
        id(vm): disk for s in services for vm in s.vms if (disk := _registered_os_disk(vm)) is not None
    }
    if not unplaced:
        return services
    blobs = _NamedBlobs([*(d for s in services for vm in s.vms for d in vm.disks), *listed])
    described = {vm: blobs.of(disk) for vm, disk in unplaced.items()}

    def role(r: Role) -> Role:
        disk = unplaced.get(id(r))
        if disk is None:
            return r
        blob = described[id(r)]
        if blob is None:
            at = UnplacedDisk(DiskPlace.REGISTERED_DISK, disk.mark, disk.name)
            return replace(r, unknown=r.unknown | {"disks"}, unplaced_disk=at)
        if blob.media_link.strip():  # its blob is joined to it as every description of it is
            return r
        # A script registers it in an account it does not state whole: the disk is in that account.
        return replace(r, disks=tuple(replace(d, account=blob.account) if d is disk else d for d in r.disks))

    return _with_roles_of(services, unplaced.keys(), role)


def _registered_os_disk(vm: Role) -> Disk | None:
    """The OS disk of created VM `vm` its description gives by name only: neither its blob nor its account
    (see `_in_registered_os_disks`); None where there is none, or the VM's disks are otherwise unplaced."""
    if vm.changes_existing or vm.unplaced_disk is not None or "disks" in vm.unknown:
        return None
    os_disk = next((d for d in vm.disks if not d.data), None)
    if os_disk is None or os_disk.media_link.strip() or os_disk.account or not os_disk.name.strip():
        return None
    return os_disk


class _NamedBlobs:
    """The disks whose descriptions give a blob, by name, for the disks named without one: a disk named in
    a file is the one of that name the same file gives a blob, else the one blob of that name in any file.
    Two blobs of one name (folders of two subscriptions no file tells apart) name neither. A disk no
    description gives the blob of, but one gives the storage account of (a script's `Add-AzureDisk` of a
    blob in an account it does not state whole: `Disk.account`, a stand-in), is that description's: it
    places the disk in that account."""

    def __init__(self, disks: Iterable[Disk]) -> None:
        self.by_file: dict[str, dict[str, Disk]] = defaultdict(dict)
        in_accounts: list[Disk] = []
        for disk in disks:
            if disk.media_link.strip() and disk.name.strip():
                self.by_file[join_key(disk.name, disk.mark)].setdefault(disk.mark.path, disk)
            elif disk.account.strip() and disk.name.strip():
                in_accounts.append(disk)
        with_blobs = set(self.by_file)
        for disk in in_accounts:  # only where no description of the name gives its blob
            name = join_key(disk.name, disk.mark)
            if name not in with_blobs:
                self.by_file[name].setdefault(disk.mark.path, disk)
        self.only: dict[str, Disk | None] = {}
        for name, by_file in self.by_file.items():
            # Nearly every name is described in one file: its one description is its blob, with no key made.
            blobs = {_disk_key(disk): disk for disk in by_file.values()} if len(by_file) > 1 else by_file
            self.only[name] = next(iter(blobs.values())) if len(blobs) == 1 else None

    def of(self, disk: Disk) -> Disk | None:
        """The description with a blob of the disk `disk` names without one; None when there is none."""
        name = join_key(disk.name, disk.mark)
        return self.by_file.get(name, {}).get(disk.mark.path) or self.only.get(name)


def _attached(disk: Disk, vm: Role) -> Disk:
    """`disk`, found in the body of `vm`, as attached to it: a disk inside a role body is that role's
    whether or not the body names the role (a `PersistentVMRole` body sent to Add Role, a script's
    `perform_put` whose URL names it), so it is never a disk attached to none. A VM no file names is
    named by a stand-in (`is_stand_in`), which no platform name matches."""
    if disk.attached_to.strip():
        return disk
    name = vm.name.strip() or f"<the VM of {file_at(vm.mark)}:{vm.mark.line}>"
    return replace(disk, attached_to=name)


def _merged_disk(descriptions: list[Disk]) -> Disk:
    """One disk from every description of it, in order: the first, with what it leaves empty taken from
    the others, and every source. Merged at once: merging one description at a time copied the sources
    each time, quadratic in the times one blob is described."""
    first, *others = descriptions
    if not others:
        return first

    def earliest(field: str) -> str:
        return next((value for d in descriptions if (value := getattr(d, field))), "")

    # The VM a description says it is attached to comes before one that says it may be.
    attached = sorted((d for d in descriptions if d.attached_to), key=lambda d: d.maybe_attached)
    return replace(
        first,
        name=earliest("name"),
        media_link=earliest("media_link"),
        io_type=earliest("io_type"),
        attached_to=attached[0].attached_to if attached else "",
        maybe_attached=attached[0].maybe_attached if attached else False,
        attached_service=attached[0].attached_service if attached else "",
        attached_deployment=attached[0].attached_deployment if attached else "",
        sources=(*first.described_at, *(d.mark for d in others)),
    )


def _storage_accounts(
    disks: Iterable[Disk], images: Iterable[Image], unlisted: set[str]
) -> tuple[StorageAccount, ...]:
    """The storage accounts the disks and images are in, but those the subscription's list of them lacks
    (`unlisted`, by `key`): they do not exist, so nothing migrates them (MIG003 says so of each disk)."""
    found: dict[str, tuple[str, Mark, list[Disk], list[Image]]] = {}
    for disk in disks:
        if disk.storage_account:
            name = disk.storage_account
            found.setdefault(_account_key(name, disk.mark), (name, disk.mark, [], []))[2].append(disk)
    for image in images:
        for name in image.storage_accounts:  # a VM image's data disks may be in other accounts
            found.setdefault(_account_key(name, image.mark), (name, image.mark, [], []))[3].append(image)
    return tuple(
        StorageAccount(name, mark, tuple(d), tuple(i))
        for name, mark, d, i in _by_key(found)
        if key(name) not in unlisted
    )


def _account_key(name: str, mark: Mark) -> str:
    """A storage account as its disks' blobs name it (`model.storage_account`, already lower-cased where it
    is an account's name), but one a file's own name names (`file_own`) is that file's (see `join_key`)."""
    return f"{name}\0{owner_of(mark, name)}" if file_own(name) else name


def _by_key(found: Mapping[str, Any]) -> list[Any]:
    return [found[k] for k in sorted(found)]


# --- helpers -------------------------------------------------------------------------------------------


def _unique(resources: Iterable[Any], conflicts: list[Conflict] | None = None) -> tuple:
    """Resources by name, once each (the first description kept). With `conflicts`, two descriptions
    with different addresses (a local site, a DNS server, a reserved IP) are recorded there."""
    kept: dict[str, Any] = {}
    for resource in resources:
        # A name a pipeline token writes is its file's own (`join_key`): it joins no other file's.
        first = kept.setdefault(join_key(resource.name, resource.mark), resource)
        if first is not resource and conflicts is not None:
            differences = _address_differences(resource, first)
            if differences:
                conflicts.append(
                    Conflict(resource.kind, resource.name, resource.mark, first.mark, differences)
                )
    return tuple(kept.values())


def _address_differences(a: object, b: object) -> tuple[str, ...]:
    out = []
    for name in ("address", "vpn_gateway_address"):
        x, y = getattr(a, name, ""), getattr(b, name, "")
        if x and y and x.strip() != y.strip():
            out.append(f"{name.replace('_', ' ')} {x} / {y}")
    # A local site whose address space one description does not know (see `_network_differences`).
    if getattr(a, "address_space_known", False) and getattr(b, "address_space_known", False):
        x, y = _prefixes(a.address_space), _prefixes(b.address_space)  # type: ignore[attr-defined]
        if x != y:
            out.append(f"address space {sorted(x) or 'none'} / {sorted(y) or 'none'}")
    return tuple(out)


def records_in_networks(inventory: Inventory) -> list[Any]:
    """The exported or scripted records that name a classic network they sit in or link to."""
    records: tuple[Any, ...] = (
        *inventory.application_gateways,
        *inventory.services_in_vnets,
        *inventory.peerings,
        *inventory.circuit_links,
        *inventory.link_authorizations,
    )
    # A network an export places in another subscription (`vnet_subscription`) is that subscription's, as
    # is one that only another subscription's exports show (see `placed_elsewhere`).
    mine = ("", inventory.subscription)
    elsewhere = {id(record) for placed in placed_elsewhere(inventory).values() for record in placed}
    return [
        r
        for r in records
        if r.vnet and getattr(r, "vnet_subscription", "") in mine and id(r) not in elsewhere
    ]


def placed_elsewhere(inventory: Inventory) -> dict[str, list[Any]]:
    """By subscription, the Application Gateways and circuit links of the exports that are another
    subscription's than the files' (`inventory.subscription`, "" when none is joined to them). What the
    classic cmdlets write of them names no subscription: when the exports span several, theirs is the one
    whose exported classic network, or VMs in it, bear their network's name, as their findings say (see
    `rules.inventory.network_subscription`). Where several or none do, they stay the files'."""
    if len(inventory.classic_subscriptions) < 2:
        return {}
    placed: dict[str, list[Any]] = defaultdict(list)
    unsubscribed: tuple[inv.ApplicationGateway | inv.CircuitLink, ...] = (
        *inventory.application_gateways,
        *inventory.circuit_links,
    )
    for record in unsubscribed:
        holders: tuple[str, ...] = (record.subscription,) if record.subscription else ()
        holders = holders or (inventory.subscriptions_of_network(record.vnet) if record.vnet else ())
        if len(holders) == 1 and holders[0] != inventory.subscription:
            placed[holders[0]].append(record)
    return placed


def _defined_acls(
    acls: Sequence[EndpointAcl], defined: _DefinedRoles | None, role: Role
) -> Sequence[EndpointAcl]:
    """The ACLs a configuration binds to `role`'s endpoints, but one on an endpoint the role's definition
    does not define as an input endpoint: that one names nothing (MIG003 reports it) and controls no
    traffic. Without the definition, each may be on an endpoint the package defines."""
    if defined is None or not acls:
        return acls
    endpoints = defined.endpoints(role)
    return [acl for acl in acls if key(acl.endpoint) in endpoints]


def _balancer_subnets(placement: Placement) -> Iterator[tuple[NameRef, str]]:
    """The subnets a placement's internal load balancers have their frontends in, each with what names it
    ("internal load balancer 'x' is in "): the deep dive's check that "all load balancer rules are valid
    across deployment and the virtual network" is not one Validate makes."""
    for balancer in placement.internal_load_balancers:
        for subnet in balancer_subnets(balancer):  # each subnet the files put it in (MIG004 if several)
            if not is_pipeline_token(subnet.name):
                yield subnet, f"internal load balancer '{balancer.name}' is in "


def _once_per_file(uses: list[Dangling]) -> Dangling:
    """One name that points at nothing, as the uses of one file give it (the Validate, Prepare and Commit
    of one network, each call of a loop): reported once, where the file first writes it, the message
    saying on which other lines the file names it too. A name every use takes from one literal is written
    in one place, which is all the finding points at."""
    first = min(uses, key=lambda dangling: (dangling.mark.line, dangling.mark.column, dangling.mark.nth))
    lines = sorted({dangling.mark.line for dangling in uses} - {first.mark.line})
    if not lines:
        return first
    # The name, not "also named": the message is about the resource that gives it, which the other lines
    # (another service placed in the same misspelt network) need not be.
    return replace(
        first, message=f"{first.message} (the file names '{first.name}' on {_lines_words(lines)} too)"
    )


def _lines_words(lines: list[int]) -> str:
    """Lines of a file, in words: "line 4", "lines 4, 7 and 9"; past five, how many more there are."""
    if len(lines) == 1:
        return f"line {lines[0]}"
    if len(lines) > 6:
        return f"lines {', '.join(str(line) for line in lines[:5])} and {len(lines) - 5} more"
    return f"lines {', '.join(str(line) for line in lines[:-1])} and {lines[-1]}"


def _declared_use(record: inv.ServiceInVnet | inv.VnetPeering) -> _NetworkUse:
    """The network (and subnet) a declared service or peering names, with what the message says names
    it, worded as the rules that read the declaration word it."""
    if isinstance(record, inv.ServiceInVnet):
        label = record.service.label
        said = (
            f"{label} '{record.name}' (declared) is in"
            if record.named
            else f"a declared {label} without a name is in"
        )
        subnet = ((NameRef(record.subnet, record.mark), said),) if record.subnet else ()
        return _NetworkUse(NameRef(record.vnet, record.mark), said, subnet, declared=True)
    named = f"peering '{record.name}'" if record.named else "a peering"
    said = f"{named} with Resource Manager network '{record.peer}' (declared) joins"
    return _NetworkUse(NameRef(record.vnet, record.mark), said, declared=True)


def _without_refused_records(inventory: Inventory, refused: set[str], scripts: frozenset[str]) -> Inventory:
    """`inventory` without what is said to be in a network that does not exist (`refused`, by `key`): the
    Application Gateways scripts create there, which the platform refuses to create, and the services,
    peerings and Application Gateways declared there, which are then in no network the files describe
    (MIG003 reports the name). An export's record is there all the same: it shows that its network exists.
    An authorization link is the circuit's, and most often for another subscription's network: it stays."""
    if not refused:
        return inventory

    def refused_record(record: Any) -> bool:
        return key(record.vnet) in refused and (record.declared or record.mark.path in scripts)

    gateways = tuple(g for g in inventory.application_gateways if not refused_record(g))
    services = tuple(s for s in inventory.services_in_vnets if not refused_record(s))
    peerings = tuple(p for p in inventory.peerings if not refused_record(p))
    if len(gateways) + len(services) + len(peerings) == len(inventory.application_gateways) + len(
        inventory.services_in_vnets
    ) + len(inventory.peerings):
        return inventory
    return replace(inventory, application_gateways=gateways, services_in_vnets=services, peerings=peerings)


def _named_after_delete(named: Iterable[NamedAfterDelete]) -> Iterator[Dangling]:
    """Each name a script's command gives after the script surely deleted what it names (`NamedAfterDelete`),
    as a name that points at nothing: whether or not a network configuration is among the files, the
    script itself shows it does not exist when the command runs."""
    what = {
        "VirtualNetwork": "virtual network",
        "ReservedIP": "reserved IP",
        "InputEndpoint": "endpoint",
        "CloudService": "cloud service",
    }
    for each in named:
        thing = what.get(each.target, each.target)
        gone = each.missing or (
            f"which the file deletes before it, at line {each.deleted_at.line}, and does not create again"
        )
        message = (
            f"{each.uses} names {thing} '{each.name}', {gone}: the platform refuses the command, which "
            f"fails and {each.undone}"
        )
        remedy = "create it before the command" if each.missing else "run the command before the deletion"
        fix = each.fix or (
            f"Name {'an' if thing[0] in 'aeiou' else 'a'} {thing} that exists when the command runs, or {remedy}."
        )
        yield Dangling(NameRef(each.name, each.mark), each.target, message, fix)


def _add_named_networks(networks: dict[str, Network], naming: Iterable[Any], undefined: set[str]) -> None:
    """Add to `networks` those that only a script's gateway call or an export's record names: they are
    classic networks of the subscription all the same, to migrate like the others (named and marked as
    the first record that names them). Not one a script names that the files do not define when they
    define the subscription's networks (`undefined`, by `key`: MIG003 reports it): it does not exist."""
    for record in naming:
        name = getattr(record, "vnet", "") or record.name
        if key(name) not in undefined:
            networks.setdefault(join_key(name, record.mark), Network(name, record.mark))


def _unique_images(images: Iterable[Image]) -> tuple[Image, ...]:
    """Each image once: a REST body that lists it and the script that registers it describe one image
    (image names are unique in a subscription). The first description is kept, in the storage account a
    later one states where it states none (a capture body file, which names no account, and the script that
    sends it, which knows the captured VM's); unnamed ones all are."""
    seen: dict[str, Image] = {}
    unnamed = []
    for image in images:
        if image.name.strip():
            held = seen.setdefault(key(image.name), image)
            if not held.storage_account and image.storage_account:
                seen[key(image.name)] = replace(held, account=image.storage_account)
        else:
            unnamed.append(image)
    return (*seen.values(), *unnamed)


def _package_roles(roles: tuple[Role, ...], service: CloudService) -> tuple[Role, ...]:
    """A deployment's roles, in a service whose definition (.csdef) or configurations (.cscfg) the files
    hold: the roles of a package it does not name (`New-AzureDeployment`, an SDK deployment: a stand-in
    where the package is named) are the definition's, which the package is built from, else those the
    configurations name (a configuration configures every role of its package). So each is one role,
    reported where the definition (else the configuration) writes it, not once more at the script. Without
    either, or for a role the deployment names, the deployment's word stands."""
    if not any(_unnamed_package_role(r) for r in roles):
        return roles
    packaged = _packaged_roles(service)
    if not packaged:
        return roles
    named = {key(r.name) for r in roles if not _unnamed_package_role(r)}
    defined = [r for r in packaged if key(r.name) not in named]
    kept: list[Role] = []
    for role in roles:
        if not _unnamed_package_role(role):
            kept.append(role)
        elif defined:  # the first stand-in gives way to every role the package adds, the others to none
            # A definition states their kinds; the configuration's roles are the package's by this deployment.
            kept.extend(r if service.definition is not None else _kind_told(r, role) for r in defined)
            defined = []
    return tuple(kept)


def _kinds_from_package(roles: tuple[Role, ...], service: CloudService) -> tuple[Role, ...]:
    """A deployment's roles of a kind its export does not say (`Role.kind_unsaid`), of the kind the
    service's package says of the role of that name: its definition's, else a web or worker role, as its
    configurations' roles are taken for (`_packaged_roles`)."""
    if not any(r.kind_unsaid for r in roles):
        return roles
    packaged = {key(r.name): r for r in _packaged_roles(service)}
    return tuple(_kind_of_package(r, packaged.get(key(r.name))) for r in roles)


def _kind_of_package(role: Role, packaged: Role | None) -> Role:
    if packaged is None or not role.kind_unsaid:
        return role
    return replace(
        role, type=packaged.type, kind_evidence=packaged.kind_evidence, kind_known=packaged.kind_known
    )


def _packaged_roles(service: CloudService) -> tuple[Role, ...]:
    """The roles of a service's package as its files state them: its definition's, else those its
    configurations name (a local emulator's too: it configures the same package), as a configuration's
    placement holds them (`_unknown_role`)."""
    if service.definition is not None:
        return service.definition.roles
    settings = (s for config in service.configurations for s in config.roles)
    return unique_by_name(_unknown_role(s) for s in settings)


def _unnamed_package_role(role: Role) -> bool:
    """A role known to be a web or worker role (a package's) under a stand-in: its name is not stated."""
    return role.type is RoleType.WEB_OR_WORKER and role.kind_known and is_stand_in(role.name)


def _once_each(placed: list[tuple[Role, ...]]) -> tuple[Role, ...]:
    """The roles of the placements' tuples `placed`, each once by name (`unique_by_name`): the one tuple
    itself where it is the only one and holds each once, as nearly every service's, not a copy of it."""
    if len(placed) == 1 and len(placed[0]) < 2:  # one role or none: once each as it is, not keyed
        return placed[0]
    roles = unique_by_name(role for held in placed for role in held)
    return placed[0] if len(placed) == 1 and len(roles) == len(placed[0]) else roles


def unique_by_name(roles: Iterable[Role]) -> tuple[Role, ...]:
    """Each role once by name (names compare as `key` compares them), the first met kept. The roles a
    package deploys without naming them (`<role name, deploy.ps1:3>`) are one role wherever the evidence is
    written: a package deployed by one file and swapped by another is one service's one set of roles."""
    seen: dict[str, Role] = {}
    for role in roles:
        seen.setdefault("\0unnamed" if model.is_unnamed_role(role.name) else key(role.name), role)
    return tuple(seen.values())


# --- inventory -------------------------------------------------------------------------------------------
# Inventory exports and declarations (readers/inventory.py, readers/declarations.py) describe the running
# subscription. Their classic VMs and networks are the resources the files describe, joined by name within
# one subscription: the files' description is kept and the export fills in what the files leave unsaid
# (runtime state, boot diagnostics, disks' storage), so the existing rules fire on it. Resources only an
# export knows join the estate as their own cloud services and networks.


def _link_inventory(
    linker: _Linker, services: tuple[CloudService, ...]
) -> tuple[tuple[CloudService, ...], Inventory, set[str]]:
    """`services` with the exported VMs of the files' subscription joined, the inventory, and the storage
    accounts the exports show as Premium (by name): the caller marks the disks in them once every join
    that may give a disk its blob is made (see `_in_premium_accounts`)."""
    portal = _portal_networks(linker._definitions())
    found = {t: _as_defined(linker._all(t), portal) for t in inv.INVENTORY_TYPES}
    found[inv.ClassicNetwork], declared_again = _declarations_apart(linker, found[inv.ClassicNetwork])
    _subscribe_cmdlet_records(linker, found)
    _subscribe_cmdlet_rows(linker, found)
    records = (
        found if linker.records_once else {t: _once(found[t], linker.conflicts) for t in inv.INVENTORY_TYPES}
    )
    if not any(records.values()):
        return services, Inventory(), set()
    premium: set[str] = set()
    reserved: list[inv.ClassicReservedIp] = records[inv.ClassicReservedIp]
    vms: list[inv.ClassicVm] = _with_subscriptions(records[inv.ClassicVm], reserved)
    networks: list[inv.ClassicNetwork] = records[inv.ClassicNetwork]
    accounts: list[inv.ClassicStorageAccount] = records[inv.ClassicStorageAccount]
    groups: list[inv.ClassicNetworkSecurityGroup] = records[inv.ClassicNetworkSecurityGroup]
    classic: list[Any] = [*vms, *networks, *accounts, *reserved, *groups]
    joined = _joined_subscription(linker, records, classic)
    if joined:
        # A classic row that names no subscription (Get-AzureVM's, of a cloud service no other export
        # holds) is checked with the files: like them, it is of the one the declaration or the rows name.
        vms = _in_subscription(vms, joined)
        networks = _in_subscription(networks, joined)
        accounts = _in_subscription(accounts, joined)
        reserved = _in_subscription(reserved, joined)
        groups = _in_subscription(groups, joined)
        classic = [*vms, *networks, *accounts, *reserved, *groups]
    if joined is not None:
        again = _in_subscription(declared_again, joined) if joined else declared_again
        _join_inventory_networks(linker, [n for n in (*networks, *again) if n.subscription == joined])
        # The subscription's security groups are the estate's, as a script's or a REST body's are, each
        # of the subnets its export says use it, as a script's association gives it.
        linker.by_type[NetworkSecurityGroup] += [
            NetworkSecurityGroup(g.name, g.mark, vnet, subnet)
            for g in groups
            if g.subscription == joined
            for vnet, subnet in g.subnets or [("", "")]
        ]
        ips = [ip for ip in reserved if ip.subscription == joined]
        premium = {key(a.name) for a in accounts if a.premium and a.subscription == joined}
        ours = [_premium_by_account(vm, premium) for vm in vms if vm.subscription == joined]
        services = _InventoryVms(linker, services, ips).join(ours)
    linker.dangling.extend(_missing_pages(linker._all(inv.ExportPage)))
    linker.dangling.extend(_missing_list_pages(linker._all(inv.ListPage)))
    records[inv.ServiceInVnet] = _without_declared_copies(records[inv.ServiceInVnet], joined)
    records[inv.ClassicNetworkSecurityGroup] = [g for g in groups if g.subscription == joined]
    inventory = _inventory_view(records, joined or "", reserved)
    as_exported = _as_exported(vms, records[inv.ClassicVm])
    linker.exported = _other_subscriptions(linker, classic, joined, inventory, as_exported)
    return services, inventory, premium


# What the classic cmdlets export of a network's features: their objects name no subscription.
_UNSUBSCRIBED = (inv.ApplicationGateway, inv.CircuitLink, inv.LinkAuthorization)
# The classic rows whose subscription tells that of the folder they are exported to.
_CLASSIC_ROWS = (
    inv.ClassicVm,
    inv.ClassicNetwork,
    inv.ClassicStorageAccount,
    inv.ClassicReservedIp,
    inv.ClassicNetworkSecurityGroup,
)


def _subscribe_cmdlet_records(linker: _Linker, records: dict[type, list[Any]]) -> None:
    """Each Application Gateway, circuit link and link authorization an export holds, given its subscription
    where the exports span several, before records are taken once each (see `_once`): two subscriptions'
    gateways of one name in networks of one name are two, each reported. A gateway's or link's is the only
    subscription whose exported classic network, or VMs in it, bear its network's name (as
    `placed_elsewhere` tells it); else, and for an authorization, which names no network, the only one of
    those the classic rows exported to its folder name. Where neither tells one, it stays unknown."""
    holders: dict[str, set[str]] = defaultdict(set)
    for network in records[inv.ClassicNetwork]:
        holders[key(network.name)].add(network.subscription)
    for vm in records[inv.ClassicVm]:
        holders[key(vm.virtual_network)].add(vm.subscription)
    if len(set().union(*holders.values()) - {""}) < 2:
        return
    cwd = os.getcwd().replace(os.sep, "/")
    by_folder: dict[str, set[str]] = defaultdict(set)
    for row in chain.from_iterable(records[t] for t in _CLASSIC_ROWS):
        by_folder[folder_of(row.mark.path, cwd)].add(row.subscription)
    exported = {doc.path for doc in linker.docs if doc.kind is FileKind.INVENTORY}
    for unsubscribed in _UNSUBSCRIBED:
        records[unsubscribed] = [
            _subscribed(r, holders, by_folder[folder_of(r.mark.path, cwd)])
            if r.mark.path in exported and not r.subscription
            else r
            for r in records[unsubscribed]
        ]


# The classic rows a cmdlet exports without a subscription (`Get-AzureReservedIP`'s) that a Resource Graph row
# of the same resource names one for. A cmdlet's VM rows are joined to the graph's as VMs (`_with_subscriptions`).
_ROWS_OF_ONE_NAME = (
    inv.ClassicNetwork,
    inv.ClassicStorageAccount,
    inv.ClassicReservedIp,
    inv.ClassicNetworkSecurityGroup,
)


def _subscribe_cmdlet_rows(linker: _Linker, records: dict[type, list[Any]]) -> None:
    """Each classic row that names no subscription given the subscription of the rows of its type and name
    that name one, when they all name the same and the files' own (declared, or the group's id) is none or
    that one:
    the two exports of one resource are then taken once (`_once`), and compared (MIG004), where they were two
    resources, each reported. Where rows of several subscriptions bear its name, which it is is unknown."""
    declared = records[inv.DeclaredSubscription]
    group = key(linker.subscription)
    own = key(declared[0].name) if declared else group if group in _subscriptions_named(records) else ""
    for type_ in _ROWS_OF_ONE_NAME:
        holders: dict[str, set[str]] = defaultdict(set)
        for row in records[type_]:
            if row.subscription:
                holders[key(row.name)].add(row.subscription)
        if holders:
            records[type_] = [_of_the_only_holder(row, holders, own) for row in records[type_]]


def _of_the_only_holder(row: Any, holders: Mapping[str, set[str]], own: str) -> Any:
    """`row` given the one subscription `holders` name for its name (see `_subscribe_cmdlet_rows`)."""
    told = holders.get(key(row.name), set())
    if row.subscription or len(told) != 1:
        return row
    (subscription,) = told
    return replace(row, subscription=subscription) if own in ("", key(subscription)) else row


def _subscribed(record: Any, holders: Mapping[str, set[str]], in_folder: set[str]) -> Any:
    """`record` given the one subscription its network's holders, else its folder's rows, tell (see
    `_subscribe_cmdlet_records`)."""
    vnet = key(getattr(record, "vnet", ""))
    of_network = holders.get(vnet, set()) - {""} if vnet else set()
    told = of_network if len(of_network) == 1 else (in_folder - {""}) & (of_network or in_folder)
    return replace(record, subscription=next(iter(told))) if len(told) == 1 else record


def _in_subscription(records: list[Any], subscription: str) -> list[Any]:
    """`records`, each that names no subscription taken to be of `subscription`."""
    return [r if r.subscription else replace(r, subscription=subscription) for r in records]


def _as_exported(vms: list[inv.ClassicVm], exported: list[inv.ClassicVm]) -> dict[int, inv.ClassicVm]:
    """The VMs as their export wrote them, by the identity of each of `vms` (the same VMs, in order) given
    a subscription the export does not name."""
    return {id(vm): record for vm, record in zip(vms, exported, strict=True) if vm is not record}


def _missing_pages(pages: list[inv.ExportPage]) -> Iterator[Dangling]:
    """The skip tokens of a paged query whose pages checked hold fewer rows than it has: the pages they
    ask for are not among the files. Pages of one query are told by their total, one per file (a token
    does not tell pages apart: some tools write the same one on every page)."""
    queries: dict[int, dict[str, inv.ExportPage]] = defaultdict(dict)
    for page in pages:
        queries[page.total].setdefault(page.mark.path, page)
    for total, found in queries.items():
        held = sum(page.rows for page in found.values())
        # Pages that state no total (Search-AzGraph's) are complete once the last one, without a token, is
        # among them.
        if held >= total if total >= 0 else any(not page.token for page in found.values()):
            continue
        for page in found.values():
            if page.token:
                yield Dangling(
                    NameRef(page.name, page.mark), "ExportPage", _missing_page_message(held, total)
                )


def _missing_list_pages(pages: list[inv.ListPage]) -> Iterator[Dangling]:
    """The `nextLink`s of Resource Manager lists whose last page is not among the files: a page of the list
    without a link, holding a row of it. A last page with no rows names no list: it completes those whose
    pages are in its folder."""
    last = [page for page in pages if not page.name]
    held = frozenset().union(*(page.lists for page in last))
    empty = {page.mark.path.rpartition("/")[0] for page in last if not page.rows}
    for page in pages:
        if (
            page.name
            and page.list
            and page.list not in held
            and page.mark.path.rpartition("/")[0] not in empty
        ):
            yield Dangling(NameRef(page.name, page.mark), "ListPage", _missing_list_page_message(page))


def _missing_list_page_message(page: inv.ListPage) -> str:
    return (
        f"the export is one page of a Resource Manager list ('{page.list}'): its '{page.name}' asks for the "
        "next page, which no file checked holds, and the rows of the pages after it are not checked; `az "
        f"rest` fetches one page and does not follow '{page.name}': fetch each next page (`az rest --method "
        f"get --url '<{page.name}>'`) until a page has none, or export the list with the resource type's "
        "`az ... list` command, which follows the links, and check the pages together"
    )


def _missing_page_message(held: int, total: int) -> str:
    rows = (
        f"the pages checked hold {held} of its {total} rows"
        if total >= 0
        else f"the pages checked hold {held} row{'s' if held != 1 else ''} and none is its last (each names a "
        "token for the next)"
    )
    return (
        f"the export is one page of a paged Resource Graph query: {rows}, and the rest are not checked; "
        "export every page (`az graph query --first 1000 "
        "--skip-token <skip_token>` until the token is null, or `Search-AzGraph -First 1000 -SkipToken "
        "$r.SkipToken`) and check the pages together"
    )


def _joined_subscription(
    linker: _Linker, records: Mapping[type, list[Any]], classic: list[Any]
) -> str | None:
    """The subscription whose classic resources are the files' own: the declared one, else the group's
    when `[tool.migcheck.subscriptions]` names it by an id the exports name, else the only one the classic
    rows name, else (no classic row naming any) the only one any row names, the subscription of a service
    in a classic network, of a peered classic network, of an alert rule's target... None when they name
    several and nothing chooses: nothing is joined to the files then, and when the files describe something,
    that is reported. A declared subscription that no exported row names is reported, and chooses nothing."""
    exported = {r.subscription for t in _SUBSCRIBED for r in records[t]} - {""}
    declared = records[inv.DeclaredSubscription]
    if declared and (declared[0].name in exported or not exported):
        return declared[0].name
    if declared:
        linker.dangling.append(_unmatched_declaration(declared[0], exported))
    named = _subscriptions_named(records)
    if key(linker.subscription) in named:
        return key(linker.subscription)
    found = {r.subscription for r in classic} - {""} or named
    if len(found) > 1:
        if _joinable(records):
            linker.dangling.extend(_files_of_unknown_subscription(linker, found))
        return None
    return found.pop() if found else ""


def _joinable(records: Mapping[type, list[Any]]) -> bool:
    """Whether the exports hold what would be joined to the files' resources in their subscription: its
    classic resources, or services and peerings in its classic networks."""
    classic = (
        inv.ClassicVm,
        inv.ClassicNetwork,
        inv.ClassicStorageAccount,
        inv.ClassicReservedIp,
        inv.ClassicNetworkSecurityGroup,
    )
    in_networks = (*records[inv.ServiceInVnet], *records[inv.VnetPeering])
    return any(records[t] for t in classic) or any(r.vnet_subscription for r in in_networks)


def _subscriptions_named(records: Mapping[type, list[Any]]) -> set[str]:
    """Every subscription an exported row names (lower-cased, as the readers keep them): its own, or that
    of a resource one of its ids points at."""
    found: set[str] = set()
    for type_, named in _NAMING.items():
        for record in records[type_]:
            found.update(named(record))
    return found - {""}


def _ids(*ids: inv.ResourceId | None) -> tuple[str, ...]:
    return tuple(i.subscription for i in ids if i is not None)


# What each record names a subscription by.
_NAMING: Mapping[type, Callable[[Any], Iterable[str]]] = {
    inv.ClassicVm: lambda r: (r.subscription,),
    inv.ClassicNetwork: lambda r: (r.subscription,),
    inv.ClassicStorageAccount: lambda r: (r.subscription,),
    inv.ClassicReservedIp: lambda r: (r.subscription,),
    inv.ClassicNetworkSecurityGroup: lambda r: (r.subscription,),
    inv.ServiceInVnet: lambda r: (r.subscription, r.vnet_subscription),
    inv.VnetPeering: lambda r: (r.vnet_subscription,),
    inv.ExpressRouteCircuit: lambda r: (r.subscription,),
    inv.DefenderPlan: lambda r: (r.subscription,),
    inv.RoleAssignment: lambda r: _ids(r.scope),
    inv.AlertRule: lambda r: _ids(*r.targets),
    inv.AutoscaleSetting: lambda r: _ids(r.target, *r.metric_sources),
}


def _files_of_unknown_subscription(linker: _Linker, named: set[str]) -> Iterator[Dangling]:
    """When the exports name several subscriptions and nothing says which one the other files describe:
    one finding, at the first of those files that describes a resource."""
    described = next(
        (
            d
            for d in linker.docs
            if d.kind not in (None, FileKind.INVENTORY) and d.resources and not d.problem
        ),
        None,
    )
    if described is None:
        return
    message = (
        "the files checked do not say which subscription they describe, and the inventory exports name "
        f"several ({', '.join(sorted(named))}): nothing the exports hold is joined to what the files "
        "describe, which is checked and planned on its own; declare the files' subscription (`subscription "
        '= "<id>"` under `[inventory]` of a migcheck.toml, or `[tool.migcheck.inventory]` of pyproject.toml), '
        "or map the files to subscriptions named by their ids in `[tool.migcheck.subscriptions]`"
    )
    first = described.resources[0]
    yield Dangling(NameRef("subscription", first.mark), "Subscription", message)  # type: ignore[attr-defined]


def _with_subscriptions(
    vms: list[inv.ClassicVm], reserved: Sequence[inv.ClassicReservedIp] = ()
) -> list[inv.ClassicVm]:
    """`vms` with the subscription of those whose export does not say it (`Get-AzureVM`) taken from the
    other exports: the one subscription that holds a VM of the same cloud service, or a reserved IP
    attached to it (cloud service names are unique in Azure). Without one, it stays unsaid: such VMs are
    checked with the files, of the subscription they are joined to (see `_in_subscription`), and on their
    own only when the exports name several and nothing chooses among them."""
    if all(vm.subscription for vm in vms):
        return vms
    holders: dict[str, set[str]] = defaultdict(set)
    for vm in vms:
        if vm.subscription:
            holders[key(vm.service)].add(vm.subscription)
    for ip in reserved:
        if ip.subscription and ip.service:  # one attached to no service says nothing of a VM's
            holders[key(ip.service)].add(ip.subscription)
    out = []
    for vm in vms:
        found = holders.get(key(vm.service), set()) if not vm.subscription else set()
        out.append(replace(vm, subscription=next(iter(found))) if len(found) == 1 else vm)
    return out


# The records that name the subscription they are in (the `subscriptionId` of their row, or of their id).
_SUBSCRIBED = (
    inv.ClassicVm,
    inv.ClassicNetwork,
    inv.ClassicStorageAccount,
    inv.ServiceInVnet,
    inv.ExpressRouteCircuit,
)


def _unmatched_declaration(declared: inv.DeclaredSubscription, exported: set[str]) -> Dangling:
    held = ", ".join(sorted(exported))
    message = (
        f"declared subscription '{declared.name}' is in none of the inventory exports checked, which hold "
        f"{'subscription' if len(exported) == 1 else 'subscriptions'} {held}: the declaration is ignored "
        "and each exported subscription is checked on its own; correct the id, or export that subscription"
    )
    return Dangling(NameRef(declared.name, declared.mark), "Subscription", message)


def _other_subscriptions(
    linker: _Linker,
    classic: list[Any],
    joined: str | None,
    inventory: Inventory,
    as_exported: Mapping[int, Any],
) -> tuple[Estate, ...]:
    """An estate for each subscription other than the joined one whose classic VMs, networks or storage
    accounts the exports hold: each is checked on its own, as the exports describe it, and nothing of it
    is linked to the files or to another subscription, but the records the exports place in its networks
    (`placed_elsewhere`, and the peerings and services whose id names one of its networks, `_reaching_into`),
    so that its network's step and readiness hold what they report. Named
    after the subscription id (after the files' group too, when the files are split into several). A VM
    is given to its estate as its export wrote it (`as_exported`): the estate tells its subscription
    again, and joins a `Get-AzureVM` row to the Resource Graph row of the same VM, whatever the order of
    their files, rather than keep the first of two records that name one subscription. The records are
    those of every subscription taken once each (`_once`): the estate's link does not take them once again
    (most of the records of a large export of several subscriptions are other subscriptions')."""
    placed, reaching = placed_elsewhere(inventory), _reaching_into(inventory, joined)
    by_subscription: dict[str, list[Any]] = defaultdict(list)
    for record in classic:
        if record.subscription != joined:
            by_subscription[record.subscription].append(as_exported.get(id(record), record))
    estates = []
    # By id, not in the order their files are read: the plan and the summary list them alike whatever the
    # files are named.
    for subscription, found in sorted(by_subscription.items()):
        name = subscription or "(no subscription id)"
        if linker.subscription != DEFAULT_SUBSCRIPTION:
            name = f"{linker.subscription}: {name}"
        export = Document(found[0].mark.path, FileKind.INVENTORY, "", tuple(found))
        estate = _Linker(name, (export,), linker.grouping, records_once=True).estate()
        in_networks = (*placed.get(subscription, ()), *reaching.get(key(subscription), ()))
        estates.append(replace(estate, documents=(), placed_in_networks=in_networks))
    return tuple(estates)


def _reaching_into(inventory: Inventory, joined: str | None) -> dict[str, list[Any]]:
    """By subscription (`key`), the peerings and services the exports place in a classic network of a
    subscription other than the files' (`joined`), as the network's id names it (`vnet_subscription`): that
    network is the one that cannot migrate while they last, whichever subscription exported them."""
    reaching: dict[str, list[Any]] = defaultdict(list)
    records: tuple[inv.VnetPeering | inv.ServiceInVnet, ...] = (
        *inventory.peerings,
        *inventory.services_in_vnets,
    )
    for record in records:
        held = key(record.vnet_subscription)
        if record.vnet and held and held != key(joined or ""):
            reaching[held].append(record)
    return reaching


def _declarations_apart(
    linker: _Linker, networks: list[inv.ClassicNetwork]
) -> tuple[list[inv.ClassicNetwork], list[inv.ClassicNetwork]]:
    """The network records the inventory holds (every export's, and the first declaration of each network
    in a template or Bicep file), and each other file's declaration of a network declared already: a file
    the user edits, as a network configuration is, each a definition of its own (`_join_inventory_networks`)
    whose prefixes are checked where it writes them (MIG304), and compared with the first (MIG004)."""
    if not linker.declaring or len(networks) < 2:
        return networks, []
    kept: list[inv.ClassicNetwork] = []
    again: list[inv.ClassicNetwork] = []
    seen: set[tuple] = set()
    has = _identity_readers(inv.ClassicNetwork)
    for record in networks:
        if record.network is None or record.mark.path not in linker.declaring:
            kept.append(record)
            continue
        identity = _record_identity(record, has)
        (again if identity in seen else kept).append(record)
        seen.add(identity)
    return kept, again


def _join_inventory_networks(linker: _Linker, networks: list[inv.ClassicNetwork]) -> None:
    """Each network an export describes in full is a definition of it, after the files' (which are
    the networks' own documents): a network the files define stays the files' (an export that describes
    it differently is a conflict, see `_Linker._compare_networks`), and what only the export states (the
    DNS servers it uses) is the network's too; one only an export describes is the export's. A template's
    or Bicep file's declaration is a definition too, but no export: the user edits it (see MIG304)."""
    for record in networks:
        if record.network is not None:
            linker.by_type[VirtualNetwork].append(record.network)
            if record.mark.path not in linker.declaring:
                linker.exported_networks.add(id(record.network))


def _once(records: Iterable[Any], conflicts: list[Conflict]) -> list[Any]:
    """Records once each: two pages or two exports of one resource are one record (the first kept). Two
    exports of one VM that disagree are a conflict (see `_exports_conflict`)."""
    kept: dict[tuple, Any] = {}
    held: dict[type, tuple[Callable[[Any], Any], ...]] = {}  # by record type, the readers of its identity
    for record in records:
        readers = held.get(type(record))
        if readers is None:
            readers = held[type(record)] = _identity_readers(type(record))
        first = kept.setdefault(_record_identity(record, readers), record)
        if first is not record and type(record) in _EXPORT_DIFFERENCES:
            conflicts.extend(_exports_conflict(first, record))
    return list(kept.values())


def _exports_conflict(kept: Any, other: Any) -> Iterator[Conflict]:
    """A conflict at `other` where two exports of one classic resource disagree on what both state (a VM's
    size, role type, availability set, subnets, network, whether it runs; a network's address space and
    subnets; a reserved IP's address and what it is attached to; a storage account's type): the platform
    holds one of each, so one export is stale, and the one kept is checked. Unlike a script and an export,
    neither is the resource as it stands more than the other: one in an availability set and one in none
    disagree."""
    differences = tuple(d for d in _EXPORT_DIFFERENCES[type(other)](other, kept) if d)
    if differences:
        if isinstance(other, inv.ClassicVm):
            role = other.role
            named = other.service.strip() and not is_stand_in(other.service, CloudService.kind)
            service = other.service if named else ""
            yield Conflict(role.kind, other.name, other.mark, kept.mark, differences, _called(role), service)
        else:
            yield Conflict(other.kind, other.name, other.mark, kept.mark, differences)


def _vm_differences(a: inv.ClassicVm, b: inv.ClassicVm) -> tuple[str, ...]:
    return (
        *_role_differences(a.role, b.role),
        _availability_set_stated_by_one(a.role, b.role),
        _network_difference(a, b),
        _state_difference(a, b),
    )


def _exported_network_differences(a: inv.ClassicNetwork, b: inv.ClassicNetwork) -> tuple[str, ...]:
    """Where two exports that each describe a network in full disagree (one that only says it exists says
    less, it does not disagree)."""
    return _network_differences(a.network, b.network) if a.network and b.network else ()


def _reserved_ip_differences(a: inv.ClassicReservedIp, b: inv.ClassicReservedIp) -> tuple[str, ...]:
    address = (
        f"address {a.address} / {b.address}" if a.address and b.address and a.address != b.address else ""
    )
    used_a, used_b = _attachment(a), _attachment(b)
    attached = used_a is not None and used_b is not None and _attachments_differ(used_a, used_b)
    return address, f"attached to {_vip_words(a)} / {_vip_words(b)}" if attached else ""


# What an export says a reserved IP is attached to (see `_attachment`): nothing, or something it does not name.
_ATTACHED_TO_NOTHING, _ATTACHED_UNNAMED = "", "(unnamed)"  # no cloud service's name has brackets


def _attachment(ip: inv.ClassicReservedIp) -> str | None:
    """The cloud service whose VIP the export says the address is (by `key`), `_ATTACHED_UNNAMED` when it
    says the address is in use without naming by what, `_ATTACHED_TO_NOTHING` when it says nothing uses it,
    None when it does not say."""
    if ip.service:
        return key(ip.service)
    if ip.in_use:
        return _ATTACHED_UNNAMED
    return _ATTACHED_TO_NOTHING if ip.use_known else None


def _attachments_differ(a: str, b: str) -> bool:
    """Whether two exports' attachments of one address disagree: one attached and one not, or to two cloud
    services. One that says it is in use without naming by what says less than one that names it."""
    if (a == _ATTACHED_TO_NOTHING) != (b == _ATTACHED_TO_NOTHING):
        return True
    return _ATTACHED_UNNAMED not in (a, b) and a != b


def _vip_words(ip: inv.ClassicReservedIp) -> str:
    if ip.service:
        return f"cloud service '{ip.service}'"
    return "something the export does not name" if ip.in_use else "nothing"


def _storage_account_differences(
    a: inv.ClassicStorageAccount, b: inv.ClassicStorageAccount
) -> tuple[str, ...]:
    """Where two exports of a storage account state its type otherwise: `Standard-GRS` (Resource Graph) and
    `Standard_GRS` (Get-AzureStorageAccount) are one type."""
    stated = a.account_type and b.account_type
    if not stated or _account_type_key(a.account_type) == _account_type_key(b.account_type):
        return ()
    return (f"account type {a.account_type} / {b.account_type}",)


def _account_type_key(account_type: str) -> str:
    return key(account_type).replace("-", "_")


# How two exports of one classic resource of each type that states what can disagree are compared, the later
# first: each difference written as the later's value / the earlier's ("" for none).
_EXPORT_DIFFERENCES: Mapping[type, Callable[[Any, Any], Iterable[str]]] = {
    inv.ClassicVm: _vm_differences,
    inv.ClassicNetwork: _exported_network_differences,
    inv.ClassicReservedIp: _reserved_ip_differences,
    inv.ClassicStorageAccount: _storage_account_differences,
}


def _network_difference(a: inv.ClassicVm, b: inv.ClassicVm) -> str:
    """How two exports of a VM that both state its network (or that it is in none) name it otherwise."""
    if not (a.network_known and b.network_known) or key(a.virtual_network) == key(b.virtual_network):
        return ""
    return f"virtual network {_network_or_none(a)} / {_network_or_none(b)}"


def _network_or_none(vm: inv.ClassicVm) -> str:
    return f"'{vm.virtual_network}'" if vm.virtual_network else "none"


def _state_difference(a: inv.ClassicVm, b: inv.ClassicVm) -> str:
    """How two exports of a VM that both state its state say it otherwise: a VM that runs is `ReadyRole` in
    an instance status and `Started` in a power state, which is no difference."""
    if a.instance is None or b.instance is None or not (a.instance.status and b.instance.status):
        return ""
    if _state_key(a.instance.status) == _state_key(b.instance.status):
        return ""
    return f"state {a.instance.status} / {b.instance.status}"


def _state_key(status: str) -> str:
    return "readyrole" if key(status) in ("readyrole", "started", "running") else key(status)


# What tells two records of one type apart beside their names, when the type has it, each as it is compared.
# Looked up on the type once, not on each record: a record without a field raised and dropped an
# AttributeError for each. The subscription of a record's network, or the resource it scales, tells two
# records of one name apart that two subscriptions' exports hold (a peering 'p1' of a hub peered with the
# classic 'prod-vnet' of each): a name is unique only within one subscription.
_IDENTITY_FIELDS: Mapping[str, Callable[[Any], Any]] = {
    "subscription": lambda r: r.subscription,
    "vnet_subscription": lambda r: r.vnet_subscription,
    "vnet": lambda r: key(r.vnet),
    "subnet": lambda r: key(r.subnet),  # a service in two subnets of a network is named in each
    "peer": lambda r: key(r.peer),
    "scope": lambda r: _id_key(r.scope),
    "targets": lambda r: tuple(_id_key(t) for t in r.targets),
    "target": lambda r: _id_key(r.target),
    "metric_sources": lambda r: tuple(_id_key(s) for s in r.metric_sources),
    "service": lambda r: str(r.service),
    # An assignment an export lists has its GUID for a name; one a script or template makes may have none, and
    # two of those on one scope are told apart by whom they grant which role.
    "principal_id": lambda r: (
        "" if r.name else (key(r.principal_id), key(r.principal_name), key(r.role_definition))
    ),
}


def _identity_readers(type_: type) -> tuple[Callable[[Any], Any], ...]:
    """The readers of those of `_IDENTITY_FIELDS` that tell records of `type_` apart. A reserved IP's name is
    unique in its subscription: its `service` is what it is attached to, which two exports of it may say
    otherwise (a conflict, see `_exports_conflict`), not another reserved IP."""
    has = [f for f in _IDENTITY_FIELDS if hasattr(type_, f)]
    if type_ is inv.ClassicReservedIp:
        has.remove("service")
    return tuple(_IDENTITY_FIELDS[f] for f in has)


def _id_key(resource: inv.ResourceId | None) -> str:
    return key(resource.text) if resource is not None else ""


def _record_identity(record: Any, readers: tuple[Callable[[Any], Any], ...]) -> tuple:
    """Which resource `record` is, of the fields `readers` read (see `_once`): only records of one type are
    compared, so the fields its type lacks are left out rather than written as empty."""
    return (key(record.name), *[read(record) for read in readers])


def _without_declared_copies(records: list[Any], joined: str | None) -> list[Any]:
    """`records` without the declared services an export shows too: a declaration states no subscription
    (it is of the files' own, `joined`), and one of the same kind of service in the same network of that
    subscription, of the same name (or naming none), is the exported one, whose record is kept for it says
    more. An exported service in another subscription's network of the same name is another service."""
    exported: set[tuple[str, str, str]] = set()
    for record in records:
        ours = record.vnet_subscription in ("", joined) if isinstance(record, inv.ServiceInVnet) else False
        if ours and not record.declared:
            exported.update((record.service, key(record.vnet), name) for name in (key(record.name), ""))
    if not exported:
        return records
    return [r for r in records if not _declared_copy(r, exported)]


def _declared_copy(record: Any, exported: set[tuple[str, str, str]]) -> bool:
    if not (isinstance(record, inv.ServiceInVnet) and record.declared and not record.subscription):
        return False
    return (record.service, key(record.vnet), key(record.name) if record.named else "") in exported


def _inventory_view(
    records: Mapping[type, list[Any]], joined: str, reserved: Sequence[inv.ClassicReservedIp]
) -> Inventory:
    """The inventory of an estate; `reserved` are its exported reserved IPs, each of the subscription it is
    of (that of the files when the rows name none)."""
    return Inventory(
        subscription=joined,
        services_in_vnets=tuple(records[inv.ServiceInVnet]),
        peerings=tuple(records[inv.VnetPeering]),
        application_gateways=tuple(records[inv.ApplicationGateway]),
        link_authorizations=tuple(records[inv.LinkAuthorization]),
        # A deprovisioned link links nothing: the network is not linked to the circuit, nor known from it.
        circuit_links=tuple(link for link in records[inv.CircuitLink] if link.linked),
        circuits=tuple(records[inv.ExpressRouteCircuit]),
        role_assignments=tuple(records[inv.RoleAssignment]),
        alert_rules=tuple(records[inv.AlertRule]),
        autoscale_settings=tuple(records[inv.AutoscaleSetting]),
        vms=tuple(records[inv.ClassicVm]),
        networks=tuple(records[inv.ClassicNetwork]),
        storage_accounts=tuple(records[inv.ClassicStorageAccount]),
        reserved_ips=tuple(reserved),
        network_security_groups=tuple(records[inv.ClassicNetworkSecurityGroup]),
        vm_services={(vm.subscription, key(vm.name)): vm.service for vm in records[inv.ClassicVm]},
    )


# What a service's name is taken from when it can be an exported record's cloud service: the files, or the
# folder of its Export-AzureVM files.
_NAMED_SERVICES = frozenset({"files", "folder"})


def _named_services(services: Sequence[CloudService]) -> dict[str, int]:
    """The services named by the files or after a folder, by name, for a list or an export naming a
    service to join: of two of one name, the one a file names, not the one its folder's name guesses."""
    named: dict[str, int] = {}
    for index, service in enumerate(services):
        if service.named_by in _NAMED_SERVICES:
            held = named.get(key(service.name))
            if held is None or service.named_by == "files" or services[held].named_by != "files":
                named[key(service.name)] = index
    return named


class _InventoryVms:
    """Classic VMs an export describes, joined to the cloud services the files describe: by service and
    VM name, or by VM name alone when one service the files do not name otherwise holds a VM of that name
    (Export-AzureVM files do not name their service, nor a script its own when it does not state it). A
    service the files name only after a folder takes the export's name for it."""

    def __init__(
        self,
        linker: _Linker,
        services: tuple[CloudService, ...],
        reserved: Sequence[inv.ClassicReservedIp] = (),
    ) -> None:
        self.linker = linker
        # The reserved IPs each service's VIP is, by service name; whether the exports list reserved IPs
        # at all (an export without any may have left them out: whether a VIP is reserved is not known),
        # each saying whose VIP it is if anyone's (one that does not may be any deployment's).
        self.reserved: dict[str, list[inv.ClassicReservedIp]] = defaultdict(list)
        for ip in reserved:
            self.reserved[key(ip.service)].append(ip)
        self.reserved_known = bool(reserved) and not any(ip.attachment_unknown for ip in reserved)
        self.opened = _Opened(list(services), linker.conflicts, linker.scripts)
        # A service no file names goes by its deployment's or VM's name, which is not the service's.
        self.by_name = _named_services(services)
        self.holders: dict[str, set[int]] = defaultdict(set)
        # The services that list a role of each name without its kind (Get-AzureDeployment's): a VM of that
        # name an export of no service describes (Get-AzureVM's `VM` on its own) is that role.
        self.listing: dict[str, set[int]] = defaultdict(set)
        for index, service in enumerate(services):
            for placement in service.placements:
                for role in placement.roles:
                    if role.is_vm:
                        self.holders[key(role.name)].add(index)
                    elif role.kind_unsaid:
                        self.listing[key(role.name)].add(index)
        # The placements where an exported VM took a script's change (see `_fill`): once every VM is
        # joined, whether they list every endpoint is told again (see `_settle_endpoints`).
        self.changed: set[tuple[int, int]] = set()
        # The services an exported VM joins (see `_shown_whole`): each told once, however many VMs join it.
        self.shown: set[int] = set()
        # The first export of each of the files' VMs joined, by service and VM name (see `_fill`).
        self.exported: dict[tuple[int, str], inv.ClassicVm] = {}

    def join(self, vms: list[inv.ClassicVm]) -> tuple[CloudService, ...]:
        alone: dict[tuple[str, str, str], list[inv.ClassicVm]] = defaultdict(list)
        changes: list[inv.ClassicVm] = []
        for record in vms:
            if _change_by_vm_name(record):
                changes.append(record)
                continue
            index = self._holder(record)
            if index is None:
                # VMs of an export that names no service (`Get-AzureVM`'s `VM` on its own) are the service
                # of their file, as the Export-AzureVM files of a folder are one service.
                unnamed = "" if record.service.strip() else record.mark.path
                alone[(key(record.service), key(record.deployment), unnamed)].append(record)
            else:
                self._fill(index, record)
        for group in _deployments_named(alone).values():
            self._add(group)
        self._join_changes_by_vm_name(changes)
        self._settle_endpoints()
        self._settle_reservations()
        self._join_reserved_ips()
        return tuple(self.opened.closed())

    def _join_changes_by_vm_name(self, changes: list[inv.ClassicVm]) -> None:
        """Changes to a VM a file knows only by its name (a template's `web01/BGInfo` extension, a Bicep
        `existing` VM's), once every other VM has joined its service: made to the one VM of that name the
        files describe (`_Roles.merge` applies the change to it), so that the VM is not shown twice, once
        in a stand-in service of its own. Where several services hold a VM of that name, or none does, which
        VM it changes is not known: the change stays a VM of its file's stand-in service."""
        if not changes:
            return
        holders = self.opened.vm_holders()
        alone: dict[tuple[str, str, str], list[inv.ClassicVm]] = defaultdict(list)
        for record in changes:
            found = holders.get(key(record.name), set())
            if len(found) == 1:
                index = next(iter(found))
                self.opened[index].join_vm(record.role)
                self._shown_whole(index)
                continue
            alone[("", key(record.deployment), record.mark.path)].append(record)
        for group in alone.values():
            self._add(group)

    def _settle_endpoints(self) -> None:
        """Placements that hold a script's changes to VMs that exist list every endpoint once the export
        describes each of those VMs: a change states only what it sets (`Role.unknown`), and the export
        states the rest. What the change adds is on the VM (see `_changed_after_export`); a change that
        adds no endpoint leaves the VM's as exported."""
        for index, at in sorted(self.changed):
            service = self.opened[index]
            placement = service.placement(at)
            if not placement.endpoints_known and _lists_every_endpoint(service.roles(at).built()):
                service.change(at, endpoints_known=True)

    def _settle_reservations(self) -> None:
        """Placements that only hold a script's changes to VMs the export describes say of their VIP what
        the export says: a change does not state whether the deployment's VIP is reserved, unless it
        reserves it (see `_reserved_as`)."""
        for index, at in sorted(self.changed):
            service = self.opened[index]
            placement = service.placement(at)
            if _only_changes(placement) and not placement.reserved_ips and placement.reserved_ips_known:
                service.change(at, reserved_ips_known=self.reserved_known)

    def _join_reserved_ips(self) -> None:
        """Each exported reserved IP on the deployment of its service that the files describe (a REST body,
        Export-AzureVM files, a `Get-AzureVM` export, a script), at the export's row, as `_add` puts it on
        the VMs only the export knows: the service's only deployment, once (not where a deployment names
        it already). A service the files do not name (only its deployment or VM does) is not matched by
        name. Of a service of several deployments, the IP joins the one in the slot the export names
        (`ClassicReservedIp.slot`, or that of the deployment it names, `_slot_of_deployment`), where the
        files state the slot of exactly one that is in it; otherwise the export does not say which
        deployment's VIP it is, and it is bound to the service
        (`_bind_to_service`). So is one whose slot is not the one the only deployment states: it is the
        VIP of a deployment the files do not describe (`_deployment_of`)."""
        for name, ips in self.reserved.items():
            index = self.by_name.get(name)
            if index is None:
                continue
            service = self.opened[index]  # as joined so far: `_fill` may have named it after the export
            # A script's reservation alone is no deployment (it joins the one there is: see
            # `_reservations_joined`).
            deployments = [
                at for at in range(len(service.placements)) if not _reservation_only(service.placement(at))
            ]
            if service.service.named_by not in _NAMED_SERVICES or not deployments:
                continue
            named = {key(ref.name) for at in deployments for ref in service.placement(at).reserved_ips}
            added = [ip for ip in ips if key(ip.name) not in named]
            unplaced = []
            for ip in added:
                slot = ip.slot or _slot_of_deployment(service, deployments, ip.deployment)
                at = _deployment_of(service, deployments, slot)
                if at is None:
                    unplaced.append(BoundReservedIp(ip.name, ip.mark, slot=slot))
                else:
                    _join_to(service, at, [ip])
            if unplaced:
                # The only deployment is in another slot than the IP's: its VIP is known not to be it.
                unsure = deployments if len(deployments) > 1 else []
                _bind_to_service(service, unsure, tuple(unplaced))

    def _holder(self, record: inv.ClassicVm) -> int | None:
        index = self.by_name.get(key(record.service))
        holders = self.holders.get(key(record.name), set())
        if not record.service.strip():
            holders = holders | self.listing.get(key(record.name), set())
        if index is not None and index in holders:
            return index
        # A VM of the same name in a service the files name otherwise is another VM (a script's change to
        # VM jump01 of fab-other is not made to jump01 of fab-jump).
        candidates = [i for i in holders if not self._named_otherwise(i, record.service)]
        return candidates[0] if len(candidates) == 1 else None

    def _named_otherwise(self, index: int, service: str) -> bool:
        """Whether the files name the service at `index` (not after a folder or a deployment, nor by a
        name the script does not state), and not `service`."""
        named = self.opened.current(index)
        return (
            bool(service.strip())
            and named.named_by == "files"
            and not is_stand_in(named.name)
            and key(named.name) != key(service)
        )

    def _fill(self, index: int, record: inv.ClassicVm) -> None:
        """The files' VM with what they leave unsaid taken from the export, and its runtime state. Where the
        files only change the VM (`Role.changes_existing`: a script's `Get-AzureVM | ... | Update-AzureVM`,
        `update_role`), the export is the VM as it stands and the change is made to it (see
        `_changed_after_export`)."""
        service = self.opened[index]
        found = service.vm_at(record.name)
        listed = service.listing_at(record.name) if found is None else None
        if listed is not None:
            # A role the service's export lists without its kind (Get-AzureDeployment's role instance)
            # is this VM: the record tells its kind (`join_vm`), and then joins it as it joins a VM.
            service.join_vm(record.role, listed)
            found = service.vm_at(record.name)
        if found is not None:
            at, roles, position = found
            role = roles.built()[position]
            if role.changes_existing:
                roles.roles[position] = _changed_after_export(record.role, role)
                self.changed.add((index, at))
            else:
                if _scripted(role, self.linker.scripts):  # reported at the script: the export stands
                    differences = _role_differences(role, record.role) + _os_disk_difference(
                        role, record.role
                    )
                    here, there = role.mark, record.mark
                else:
                    differences, here, there = _role_differences(record.role, role), record.mark, role.mark
                earlier = self.exported.setdefault((index, key(record.name)), record)
                if earlier is not record:
                    # The files' VM holds what the earlier export said: two exports that disagree are
                    # compared with each other, the later naming the earlier.
                    differences = ()
                    self.linker.conflicts.extend(_exports_conflict(earlier, record))
                if differences:
                    of = service_named(service.service)
                    self.linker.conflicts.append(
                        Conflict(role.kind, role.name, here, there, differences, _called(role), of)
                    )
                if _scripted(role, self.linker.scripts):  # the export is the VM as it is
                    roles.roles[position] = _as_it_is(record.role, role)
                else:
                    roles.roles[position] = replace(
                        _fill(role, record.role), disks=_fill_disks(role.disks, record.role.disks)
                    )
            if record.instance:
                service.add_instance(at, record.name, record.instance)
            self._shown_whole(index)
            if self.exported.get((index, key(record.name)), record) is record:  # else compared with it
                self.linker.conflicts.extend(_network_differs(service, at, record))
            if not service.placement(at).network_known and record.network_known:  # VM files do not say
                vnet = (
                    NameRef(record.virtual_network, record.virtual_network_mark or record.mark)
                    if record.virtual_network
                    else None
                )
                service.change(at, network_known=True, virtual_network=vnet)
        # A service no file names, or named by a stand-in for a script's value (its VM found by name).
        unnamed = service.service.named_by != "files" or is_stand_in(service.service.name)
        renamed = unnamed and key(record.service) not in self.by_name
        if renamed and record.service:
            self.by_name[key(record.service)] = index
            service.service = replace(service.service, name=record.service, named_by="files")

    def _add(self, group: list[inv.ClassicVm]) -> None:
        """VMs only the export knows: a placement of their own, in the files' service of that name if any."""
        first = group[0]
        named = next((r for r in group if r.virtual_network), None)
        self.linker.conflicts.extend(_vms_in_other_networks(group))
        placement = Placement(
            # An export that does not name the deployment (`azure vm list --json`) has it stand for the
            # service's, under the service's name, for the plan's commands to leave to fill in.
            name=first.deployment or first.service,
            mark=first.mark,
            roles=_one_role_per_vm(group, self.linker.conflicts),
            network_known=all(r.network_known for r in group),
            endpoints_known=all("endpoints" not in r.role.unknown for r in group),
            virtual_network=(
                NameRef(named.virtual_network, named.virtual_network_mark or named.mark) if named else None
            ),
            reserved_ips=tuple(NameRef(ip.name, ip.mark) for ip in self.reserved.get(key(first.service), ())),
            instances=tuple(r.instance for r in group if r.instance),
            reserved_ips_known=self.reserved_known,
            deployment_named=bool(first.deployment.strip()),
        )
        if not first.service.strip():
            # A stand-in named by the file, which no other description joins by name (see `join`).
            stem = posixpath.splitext(posixpath.basename(first.mark.path))[0]
            placement = replace(placement, name=placement.name or stem)
            self.opened.services.append(CloudService(stem, first.mark, (placement,), named_by="file"))
            return
        index = self.by_name.get(key(first.service))
        if index is None:
            self.by_name[key(first.service)] = len(self.opened.services)
            self.opened.services.append(CloudService(first.service, first.mark, (placement,)))
            return
        self._shown_whole(index)
        service = self.opened[index]
        # A Get-AzureDeployment export of the same deployment lists these VMs as roles of a kind it does
        # not say: they are one deployment, whose roles the VMs' records tell.
        service.add_placement(replace(placement, name=_deployment_of_vms(service, placement.name, first)))

    def _shown_whole(self, index: int) -> None:
        """A service an export lists VMs of: it shows the service's deployments as they stand, so that the
        files hold every VM of those a script adds VMs to (`Placement.partly_described`)."""
        if index in self.shown:
            return
        self.shown.add(index)
        service = self.opened[index]
        for at in range(len(service.placements)):
            if service.placement(at).partly_described:
                service.change(at, partly_described=False)


# --- joining the descriptions of one cloud service -------------------------------------------------------
# Deployments, VM files and export records join a service one at a time. Rebuilding its tuples at each
# addition, and looking for a deployment or VM by walking them, was quadratic in what the service holds;
# these keep it open, indexed by name, and build each tuple once.


class _Roles:
    """One placement's roles while further descriptions of them join it, by name."""

    def __init__(
        self, roles: Iterable[Role], conflicts: list[Conflict], scripts: frozenset[str], service: str
    ) -> None:
        self.roles = list(roles)
        self.service = service  # its cloud service's name, where the files name it (see `service_named`)
        self.by_name = {key(r.name): i for i, r in enumerate(self.roles)}  # the last of a name, as merged
        self.conflicts = conflicts
        self.scripts = scripts  # the scripts' files (see `_scripted`)
        # The VMs with changes to apply, by index: `roles` holds them as created until `built`.
        self.updated: dict[int, _Updated] = {}

    def built(self) -> list[Role]:
        """The roles with every change applied."""
        for index, updated in self.updated.items():
            self.roles[index] = updated.build()
        self.updated.clear()
        return self.roles

    def merge(self, role: Role) -> None:
        """A role described again: one role with every source; facts the first description leaves empty
        are taken from the other, and disagreements are conflicts. A role of a new name is added."""
        index = self.by_name.get(key(role.name))
        if index is None:
            self.append(role)
            return
        updated = self.updated.get(index)
        if updated is not None:  # the VM as created, with changes to apply
            if role.changes_existing:
                updated.apply(role)
                return
            self.roles[index] = updated.build()
            del self.updated[index]
        kept = self.roles[index]
        if kept.changes_existing != role.changes_existing:  # a VM as created, and a change made to it later
            created, change = (role, kept) if kept.changes_existing else (kept, role)
            self.updated[index] = _Updated(created)
            self.updated[index].apply(change)
            self.roles[index] = created  # its name and kind, until `built`
            return
        if kept.kind_unsaid != role.kind_unsaid:
            self.roles[index] = _told_by(*((role, kept) if kept.kind_unsaid else (kept, role)))
            return
        scripted = _scripted(kept, self.scripts)
        if scripted != _scripted(role, self.scripts):
            # A script's VM and an export of it (a GET, an Export-AzureVM file) may differ in what changes
            # after the script runs without either being stale: the export is the VM as it is (`_as_it_is`),
            # with the OS disk it was created with. A disagreement is reported at the script, not used.
            here, there = (kept, role) if scripted else (role, kept)
            differences = _role_differences(here, there) + _os_disk_difference(here, there)
            joined = _as_it_is(role, kept) if scripted else _fill(kept, role)
        else:  # two creations (two scripts, two bodies): either may be what is deployed
            here, there = role, kept
            differences = _role_differences(here, there) + _stated_list_differences(here, there)
            joined = _either(kept, role)
        if differences:
            self.conflicts.append(
                Conflict(
                    role.kind, role.name, here.mark, there.mark, differences, _called(role), self.service
                )
            )
        self.roles[index] = joined

    def append(self, role: Role) -> None:
        self.by_name[key(role.name)] = len(self.roles)
        self.roles.append(role)


def _file_of(placement: Placement) -> tuple[str, str]:
    """The file that describes a placement: descriptions of one deployment in two files are one placement,
    two in one file are two. That is the file its mark is in, with the document that holds it where that is
    another (`Deployment.described_in`): two scripts that run one library's function describe one
    deployment twice, and a CI pipeline's jobs that run two script files describe it in each file."""
    return placement.described_in, placement.mark.path


class _OpenService:
    """A cloud service while deployments, VM files and export records join it."""

    def __init__(self, service: CloudService, conflicts: list[Conflict], scripts: frozenset[str]) -> None:
        self.service = service
        self.placements = list(service.placements)
        self.conflicts = conflicts
        self.scripts = scripts
        self._roles: dict[int, _Roles] = {}  # of the placements whose roles changed
        self._changes: dict[int, dict[str, Any]] = defaultdict(dict)  # other fields, by placement
        self._instances: dict[int, tuple[list[RoleInstance], set[str]]] = {}
        # A deployment name's first placement, and the first of that name in another file (bodies of one
        # deployment in two files are one placement; two in one file are two).
        self._by_deployment: dict[str, tuple[int, int | None]] = {}
        for at, placement in enumerate(self.placements):
            self._index_deployment(at, placement)
        self._vms: dict[str, tuple[int, int]] | None = None  # see `_vm_index`, built when first asked

    def roles(self, at: int) -> _Roles:
        roles = self._roles.get(at)
        if roles is None:
            service = service_named(self.service)
            roles = self._roles[at] = _Roles(self.placements[at].roles, self.conflicts, self.scripts, service)
        return roles

    def placement(self, at: int) -> Placement:
        """The placement at `at` as it stands, for its fields other than roles and instances."""
        changes = self._changes.get(at)
        return replace(self.placements[at], **changes) if changes else self.placements[at]

    def change(self, at: int, **fields: Any) -> None:
        self._changes[at].update(fields)

    def add_placement(self, new: Placement) -> None:
        """A deployment of this service: merged into the placement of that name that another file
        describes, if any, else one more placement."""
        named = join_key(new.name, new.mark)
        first, other = self._by_deployment.get(named, (None, None)) if new.name else (None, None)
        target = first if first is not None and _file_of(self.placements[first]) != _file_of(new) else other
        if target is None:
            self.placements.append(new)
            self._index_deployment(len(self.placements) - 1, new)
            if self._vms is not None:  # its VMs, where no placement before it holds one of their name
                for position, role in enumerate(new.roles):
                    if role.is_vm:
                        self._vms.setdefault(key(role.name), (len(self.placements) - 1, position))
            return
        roles = self.roles(target)
        held = self.placements[target]
        if _creates_nothing(held) and not _creates_nothing(new):
            # A script's changes to VMs that exist, or its reservation of the service's VIP, say nothing
            # else of their deployment (its network, endpoints): the description that creates it does,
            # whichever file comes first.
            self.placements[target] = _reserved_as(replace(new, roles=held.roles), held)
        elif _creates_nothing(new):
            self.placements[target] = _reserved_as(held, new)
        elif new.network_known and not held.network_known:
            # Where it goes is the stating description's: its DNS servers and reserved IPs too (a template's
            # slot or a REST body's configuration joining its service's definition, which says nothing of them).
            self.placements[target] = _reserved_as(_in_network_of(held, new), new)
        if self.placements[target].partly_described and not new.partly_described:
            # Another file creates the deployment or describes it whole: the service is described whole.
            self.placements[target] = replace(self.placements[target], partly_described=False)
        slot = _joined_slot(held.slot, new.slot)
        if slot != self.placements[target].slot:
            self.placements[target] = replace(self.placements[target], slot=slot)
        if new.internal_load_balancers or held.internal_load_balancers:
            # A script adds one to a deployment another file describes, or an export lists the balancers
            # of a deployment whose description (a Get-AzureVM export's VMs) took its place above.
            # Two descriptions of the deployment that disagree conflict; a script that only adds or moves
            # one in a deployment another file describes changes it.
            told: list[Conflict] = []
            balancers = _joined_balancers(held.internal_load_balancers, new.internal_load_balancers, told)
            if not (_creates_nothing(new) or _creates_nothing(held)):
                self.conflicts.extend(_of_service(told, self.service))
            self.placements[target] = replace(self.placements[target], internal_load_balancers=balancers)
        if new.other_vips or held.other_vips:  # a script adds one to a deployment another file describes
            vips = _joined_vips(held.other_vips, new.other_vips)
            self.placements[target] = replace(self.placements[target], other_vips=vips)
        for role in new.roles:
            roles.merge(role)
        self._endpoints_told(target, new, roles)
        for instance in new.instances:
            self.add_instance(target, instance.role, instance)

    def _index_deployment(self, at: int, placement: Placement) -> None:
        if not placement.name:
            return
        name = join_key(placement.name, placement.mark)
        first, other = self._by_deployment.get(name, (at, None))
        if other is None and _file_of(self.placements[first]) != _file_of(placement):
            other = at
        self._by_deployment[name] = (first, other)

    def join_vm(self, vm: Role, at: int = 0) -> None:
        """A loose VM file: merged into the placement that holds a VM of its name, else added to the
        placement at `at` (the first)."""
        found = self.vm_at(vm.name)
        if found is not None:
            found[1].merge(vm)
            # The file may describe a VM a script creates from it (Import-AzureVM), whose endpoints
            # the script left unsaid: the file lists them all.
            self._endpoints_told(found[0], vm, found[1])
            return
        roles = self.roles(at)
        listed = roles.by_name.get(key(vm.name))
        if listed is not None and roles.roles[listed].kind_unsaid:
            # A role an export lists without its kind (Get-AzureDeployment's) is this VM: one role, as
            # when the VM's description joins in the same file as its deployment (`add_placement`).
            roles.merge(vm)
            self._vm_index()[key(vm.name)] = (at, listed)
            self._endpoints_told(at, vm, roles)
            return
        roles.append(vm)
        self._vm_index()[key(vm.name)] = (at, len(roles.roles) - 1)

    def _endpoints_told(self, at: int, new: Role | Placement, roles: _Roles) -> None:
        """A description that lists every endpoint of its VMs (a Get-AzureVM export, an Export-AzureVM
        file) joining one that does not say their kind (Get-AzureDeployment's roles): the deployment's
        endpoints are known when every VM it then holds lists its own."""
        known = new.endpoints_known if isinstance(new, Placement) else "endpoints" not in new.unknown
        unknown = not self.placements[at].endpoints_known
        if known and unknown and _lists_every_endpoint(roles.built()):
            self.placements[at] = replace(self.placements[at], endpoints_known=True)

    def listing_at(self, name: str) -> int | None:
        """The placement that lists a role of `name` without saying its kind (Get-AzureDeployment's role
        instances), if any: the VM of that name another file describes is that role."""
        wanted = key(name)
        for at in range(len(self.placements)):
            roles = self.roles(at) if at in self._roles else None
            current = roles.roles if roles is not None else self.placements[at].roles
            if any(role.kind_unsaid and key(role.name) == wanted for role in current):
                return at
        return None

    def vm_at(self, name: str) -> tuple[int, _Roles, int] | None:
        """Where the first VM of `name` is: its placement, that placement's roles and its index in them.
        A merge can make a role of unknown kind a web or worker role: the index is checked, and built
        again in that rare case."""
        wanted = key(name)
        found = self._vm_index().get(wanted)
        if found is not None and not _is_vm_named(self._current_roles(found[0])[found[1]], wanted):
            self._vms = None
            found = self._vm_index().get(wanted)
        return None if found is None else (found[0], self.roles(found[0]), found[1])

    def _vm_index(self) -> dict[str, tuple[int, int]]:
        """Each VM name's first placement, and its index in that placement's roles."""
        if self._vms is None:
            self._vms = {}
            for at in range(len(self.placements)):
                for position, role in enumerate(self._current_roles(at)):
                    if role.is_vm:
                        self._vms.setdefault(key(role.name), (at, position))
        return self._vms

    def add_instance(self, at: int, vm: str, instance: RoleInstance) -> None:
        """A runtime instance of the VM `vm`, unless the placement already reports one of it."""
        held = self._instances.get(at)
        if held is None:
            instances = self.placements[at].instances
            held = self._instances[at] = (list(instances), {key(i.role) for i in instances})
        if key(vm) not in held[1]:
            held[0].append(instance)
            held[1].add(key(instance.role))

    def _current_roles(self, at: int) -> list[Role] | tuple[Role, ...]:
        roles = self._roles.get(at)
        return roles.roles if roles is not None else self.placements[at].roles

    def closed(self) -> CloudService:
        """The service with every addition, each changed placement built once."""
        placements = [self._closed(at, p) for at, p in enumerate(self.placements)]
        return replace(self.service, placements=tuple(placements))

    def _closed(self, at: int, placement: Placement) -> Placement:
        changes = dict(self._changes.get(at, {}))
        if at in self._roles:
            changes["roles"] = tuple(self._roles[at].built())
        if at in self._instances:
            changes["instances"] = tuple(self._instances[at][0])
        return replace(placement, **changes) if changes else placement


def _told_by(described: Role, listed: Role) -> Role:
    """A role an export lists by its instances alone (`Role.kind_unsaid`), as another file describes it (a
    Get-AzureVM export, a script): that description, with the listing's sources and the state it says
    (`Locked`). The listing states none of the role's facts, so what the description cannot know stays
    unknown."""
    return replace(_fill(described, listed), unknown=described.unknown)


def _deployment_of_vms(service: _OpenService, name: str, record: inv.ClassicVm) -> str:
    """The name of the service's deployment an export's VMs join (`_OpenService.add_placement`): the one
    it names; where it names none, the service's only deployment in the Production slot or of a slot
    the files do not state (a VM is only ever deployed to Production), if there is exactly one."""
    if record.deployment.strip():
        return name
    held = [p for p in service.placements if p.name and key(p.slot) in ("", "production")]
    return held[0].name if len(held) == 1 else name


def _joined_slot(held: str, new: str) -> str:
    """The slot of a deployment two descriptions give: the one either states, "" (not known) when they
    state different ones."""
    if not held or not new:
        return held or new
    return held if key(held) == key(new) else ""


def _lists_every_endpoint(roles: Iterable[Role]) -> bool:
    """Whether the roles are VMs whose descriptions state every input endpoint (`Placement.endpoints_known`)."""
    return all(r.is_vm and "endpoints" not in r.unknown for r in roles)


def _only_changes(placement: Placement) -> bool:
    """Whether a placement only changes VMs that exist (`Role.changes_existing`), creating none."""
    return bool(placement.roles) and all(_changes_only(role) for role in placement.roles)


def _joined_vips(held: Sequence[NameRef], new: Sequence[NameRef]) -> tuple[NameRef, ...]:
    """The other virtual IPs of a deployment two files describe: each name once, where it is first given."""
    joined: dict[str, NameRef] = {}
    for vip in (*held, *new):
        joined.setdefault(key(vip.name), vip)
    return tuple(joined.values())


def _joined_balancers(
    held: Sequence[model.InternalLoadBalancer],
    new: Sequence[model.InternalLoadBalancer],
    conflicts: list[Conflict],
) -> tuple[model.InternalLoadBalancer, ...]:
    """The internal load balancers of a deployment two files describe (a Get-AzureDeployment export's
    `LoadBalancers` and a Get-AzureInternalLoadBalancer export, a .cscfg and a script that adds one): a
    deployment has one of each name, so each stated name once, where it is first given, or where its subnet
    is first given if the first does not give it; one whose name the files do not state may be any, and is
    kept apart. One that states another subnet than the kept one is a conflicting definition (MIG004)."""
    joined: dict[str, model.InternalLoadBalancer] = {}
    apart: list[model.InternalLoadBalancer] = []
    for balancer in (*held, *new):
        if not balancer.name.strip() or is_stand_in(balancer.name):
            apart.append(balancer)
            continue
        first = joined.setdefault(key(balancer.name), balancer)
        if first.subnet is None and balancer.subnet is not None:
            joined[key(balancer.name)] = replace(balancer, other_subnets=first.other_subnets)
        elif first.subnet is not None and balancer.subnet is not None:
            joined[key(balancer.name)] = _balancer_subnets_differ(balancer, first, conflicts)
    return (*joined.values(), *apart)


def _balancer_subnets_differ(
    balancer: model.InternalLoadBalancer, kept: model.InternalLoadBalancer, conflicts: list[Conflict]
) -> model.InternalLoadBalancer:
    """`kept`, where another description of it (`balancer`) puts it in another subnet: a conflict (MIG004),
    and that subnet among those the rules check it in (`other_subnets`): either may be what is deployed."""
    here, there = balancer.subnet, kept.subnet
    if here is None or there is None or key(here.name) == key(there.name) or balancer.mark == kept.mark:
        return kept
    if any(key(other.name) == key(here.name) for other in kept.other_subnets):
        return kept  # said already: a deployment joined again with what it holds
    difference = f"subnet '{here.name}' / '{there.name}'"
    conflicts.append(Conflict(balancer.kind, balancer.name, balancer.mark, kept.mark, (difference,)))
    return replace(kept, other_subnets=(*kept.other_subnets, here, *balancer.other_subnets))


def balancer_subnets(balancer: model.InternalLoadBalancer) -> tuple[NameRef, ...]:
    """Every subnet the files put an internal load balancer's frontend in: the one kept, and those other
    descriptions give (`InternalLoadBalancer.other_subnets`)."""
    return (
        (balancer.subnet, *balancer.other_subnets) if balancer.subnet is not None else balancer.other_subnets
    )


def _creates_nothing(placement: Placement) -> bool:
    """Whether a placement creates no VM and says nothing of its deployment's network: a script's changes
    to VMs that exist, or its reservation of the service's VIP alone (`New-AzureReservedIP -ServiceName`
    in a file that describes no VM of the service)."""
    return _only_changes(placement) or not (placement.roles or placement.network_known)


def _join_to(service: _OpenService, at: int, ips: Sequence[inv.ClassicReservedIp]) -> None:
    """Exported reserved IPs on the VIP of the service's deployment at `at`."""
    if ips:
        held = service.placement(at).reserved_ips
        service.change(at, reserved_ips=(*held, *(NameRef(ip.name, ip.mark) for ip in ips)))


def _deployment_of(service: _OpenService, deployments: list[int], slot: str) -> int | None:
    """The one of the service's `deployments` whose VIP an exported reserved IP of `slot` is: the only
    one, unless the export and the files state different slots (the IP is then the VIP of a deployment
    the files do not describe); of several, the one in `slot` (`_in_slot`). None: it is bound to the
    service."""
    if len(deployments) > 1:
        return _in_slot(service, deployments, slot)
    stated = service.placement(deployments[0]).slot
    return None if slot and stated and key(slot) != key(stated) else deployments[0]


def _slot_of_deployment(service: _OpenService, deployments: list[int], name: str) -> str:
    """The slot the files state of the one of the service's `deployments` named `name` (the deployment an
    exported reserved IP names, Get-AzureReservedIP's `DeploymentName`); "" when they describe none or
    several of that name, or state no slot of it."""
    if not name.strip():
        return ""
    found = [at for at in deployments if key(service.placement(at).name) == key(name)]
    return service.placement(found[0]).slot if len(found) == 1 else ""


def _in_slot(service: _OpenService, deployments: list[int], slot: str) -> int | None:
    """The one of the service's `deployments` the files state is in `slot`, None when the export names no
    slot, or the files state it of none or of several (two descriptions the linker could not join)."""
    if not slot:
        return None
    found = [at for at in deployments if key(service.placement(at).slot) == key(slot)]
    return found[0] if len(found) == 1 else None


def _bind_to_service(service: _OpenService, deployments: list[int], ips: tuple[BoundReservedIp, ...]) -> None:
    """Reserved IPs an export binds to a service of several `deployments`, none of which names them: on
    the service (`CloudService.bound_reserved_ips`), and whether the VIP of each deployment that names no
    reserved IP of its own is reserved is not known any more (it may be one of them)."""
    held = service.service.bound_reserved_ips
    names = {key(ref.name) for ref in held}
    kept = tuple(ref for ref in ips if key(ref.name) not in names)
    service.service = replace(service.service, bound_reserved_ips=(*held, *kept))
    for at in deployments:
        placement = service.placement(at)
        if placement.roles and not placement.reserved_ips:
            service.change(at, reserved_ips_known=False)


def _in_network_of(held: Placement, stating: Placement) -> Placement:
    """`held`, a description of a deployment that does not say its virtual network (VMs added to the
    deployment that exists, `New-AzureVM` without `-Location`, `add_role`), in the network or none that
    `stating`, another file's description of it, states: a deployment's network is fixed when it is
    created, and a description that says nothing of it does not unsay it, whichever file comes first. The
    DNS servers its VMs or roles are given are set with it (a configuration's `Dns`, a body's), where `held`
    names none."""
    dns_servers = held.dns_servers or stating.dns_servers
    return replace(held, network_known=True, virtual_network=stating.virtual_network, dns_servers=dns_servers)


def _reservation_only(placement: Placement) -> bool:
    """Whether a placement is only a script's reservation of its service's VIP, or one that may run: no
    role, no network, a reserved IP or whether there is one left unknown."""
    return not (placement.roles or placement.network_known) and (
        bool(placement.reserved_ips) or not placement.reserved_ips_known
    )


def _reserved_as(kept: Placement, reservation: Placement) -> Placement:
    """`kept` with the reservation of its VIP another description of the deployment makes (a script's
    `New-AzureReservedIP -ServiceName` in another file), where `kept` names no reserved IP, as in one file
    (the PowerShell reader's `_associate`): the reserved IP it gives, or, from one that may not run,
    whether the VIP is reserved left unknown."""
    if kept.reserved_ips or (reservation.reserved_ips_known and not reservation.reserved_ips):
        return kept
    return replace(
        kept, reserved_ips=reservation.reserved_ips, reserved_ips_known=reservation.reserved_ips_known
    )


def _with_reservations_joined(services: tuple[CloudService, ...]) -> tuple[CloudService, ...]:
    """Services whose VIP a script reserves in a file that describes no VM of theirs, with the reservation
    on the deployment other files describe (see `_reservations_joined`)."""
    return tuple(_reservations_joined(s) if len(s.placements) > 1 else s for s in services)


def _reservations_joined(service: CloudService) -> CloudService:
    """A service's reservations that stand apart from its deployment (`_reservation_only`: the deployment
    another file names otherwise, or an export describes) joined to it, as an export's reserved IPs join
    it (`_InventoryVms._join_reserved_ips`): to its only deployment, where that names no reserved IP. A
    service of several deployments keeps them apart: the files do not say which one's VIP is reserved."""
    reservations = [p for p in service.placements if _reservation_only(p)]
    deployments = [p for p in service.placements if not _reservation_only(p)]
    if not reservations or len(deployments) != 1:
        return service
    joined = deployments[0]
    for reservation in reservations:
        joined = _reserved_as(joined, reservation)
    return replace(service, placements=(joined,))


def _with_vm_configurations(
    services: tuple[CloudService, ...], conflicts: list[Conflict]
) -> tuple[CloudService, ...]:
    """Services whose configuration, with no definition beside it, is their VM deployment's (see
    `_vm_configurations_joined`)."""
    return tuple(
        _vm_configurations_joined(s, conflicts)
        if s.definition is None and s.configurations and len(s.placements) > 1
        else s
        for s in services
    )


def _vm_configurations_joined(service: CloudService, conflicts: list[Conflict]) -> CloudService:
    """A service no definition describes, whose configuration names a role that another description of
    the service (a REST body, an inventory export, a script) shows to be a VM: the configuration is its VM
    deployment's (the platform keeps one for every deployment: Get Deployment's `Configuration`), not a
    package's, and a deployment holds either VMs or web and worker roles. So the configuration is no
    second deployment: its roles and facts join the deployment that holds the VM (`_configuration_joined`)."""
    configured = {c.mark for c in service.configurations}
    vm_placements: dict[str, int] = {}
    for at, placement in enumerate(service.placements):
        if placement.mark not in configured:
            for vm in placement.vms:
                vm_placements.setdefault(key(vm.name), at)
    placements = list(service.placements)
    joined: set[int] = set()
    for at, placement in enumerate(service.placements):
        if placement.mark not in configured:
            continue
        held = next((vm_placements[k] for r in placement.roles if (k := key(r.name)) in vm_placements), None)
        if held is not None:
            told: list[Conflict] = []
            placements[held] = _configuration_joined(placements[held], placement, vm_placements, told)
            conflicts.extend(_of_service(told, service))
            joined.add(at)
    if not joined:
        return service
    return replace(service, placements=tuple(p for at, p in enumerate(placements) if at not in joined))


def _configuration_joined(
    deployment: Placement, configuration: Placement, described: Mapping[str, int], conflicts: list[Conflict]
) -> Placement:
    """A VM deployment with what its configuration says: each VM takes what the configuration says of it
    where its own description leaves it unsaid (what both state and differ in is a conflict); a role no
    other file describes joins the deployment as a role of kind unknown (likely a VM the files do not
    describe); the deployment takes the configuration's network, reserved IPs and DNS servers where it
    states none. VMs described in another deployment of the service are left to it."""
    roles = list(deployment.roles)
    vms = {key(r.name): at for at, r in enumerate(roles) if r.is_vm}
    evidence = _VM_CONFIGURATION.format(vm=next(r.name for r in roles if r.is_vm))
    for role in configuration.roles:
        at = vms.get(key(role.name))
        if at is not None:
            roles[at] = _configured_vm(roles[at], role, conflicts)
        elif key(role.name) not in described:
            roles.append(replace(role, kind_evidence=evidence, kind_known=False))
    changes: dict[str, Any] = {
        "roles": tuple(roles),
        "stray_subnets": (*deployment.stray_subnets, *configuration.stray_subnets),
        "endpoints_known": deployment.endpoints_known and _lists_every_endpoint(roles),
    }
    if not deployment.network_known:  # an Export-AzureVM file or an export row that does not say
        changes.update(network_known=True, virtual_network=configuration.virtual_network)
    elif different := _different_networks(configuration, deployment):
        here, there = different
        difference = f"virtual network '{here.name}' / '{there.name}'"
        conflicts.append(Conflict(Placement.kind, deployment.name, here.mark, there.mark, (difference,)))
    if not deployment.reserved_ips and configuration.reserved_ips:
        changes.update(reserved_ips=configuration.reserved_ips, reserved_ips_known=True)
    if not deployment.dns_servers:
        changes["dns_servers"] = configuration.dns_servers
    return replace(deployment, **changes)


def _different_networks(a: Placement, b: Placement) -> tuple[NameRef, NameRef] | None:
    """The virtual networks two descriptions of one deployment name, when both name one and not the same."""
    first, second = a.virtual_network, b.virtual_network
    if first is None or second is None or key(first.name) == key(second.name):
        return None
    return first, second


# Why a role a VM deployment's configuration names, and no other file describes, is of unknown kind.
_VM_CONFIGURATION = (
    "a service configuration names it with VM '{vm}', so it is the configuration of a VM deployment, which "
    "holds VMs only, but no file describes it as a VM"
)


def service_named(service: CloudService) -> str:
    """A service's name where the files name it: not one named after its deployment or folder, nor a name
    that stands in for one a script does not state."""
    return service.name if service.named_by == "files" and not is_stand_in(service.name, service.kind) else ""


def _of_service(conflicts: Iterable[Conflict], service: CloudService) -> Iterator[Conflict]:
    """Conflicts of the roles, deployments or internal load balancers of `service`, saying so."""
    named = service_named(service)
    return (replace(c, service=named) for c in conflicts)


def _called(role: Role) -> str:
    """What MIG004 calls a role two files describe differently where it is a VM (else its type's words)."""
    return "VM" if role.is_vm else ""


def _configured_vm(vm: Role, configured: Role, conflicts: list[Conflict]) -> Role:
    """A VM with what its deployment's configuration says of it (its subnets, the ACLs of its endpoints),
    where its own description leaves that unsaid; its kind and instances stay as described."""
    as_vm = replace(
        configured, type=vm.type, kind_evidence=vm.kind_evidence, kind_known=vm.kind_known, instances=None
    )
    differences = _role_differences(as_vm, vm)
    if differences:
        conflicts.append(Conflict(vm.kind, vm.name, configured.mark, vm.mark, differences, _called(vm)))
    return _fill(vm, as_vm)


def _is_vm_named(role: Role, wanted: str) -> bool:
    return role.is_vm and key(role.name) == wanted


class _Opened:
    """The cloud services of a link, each opened (`_OpenService`) when something first joins it."""

    def __init__(
        self, services: list[CloudService], conflicts: list[Conflict], scripts: frozenset[str]
    ) -> None:
        self.services = services
        self.conflicts = conflicts
        self.scripts = scripts  # the scripts' files (see `_scripted`)
        self._open: dict[int, _OpenService] = {}

    def __getitem__(self, index: int) -> _OpenService:
        service = self._open.get(index)
        if service is None:
            service = self._open[index] = _OpenService(self.services[index], self.conflicts, self.scripts)
        return service

    def vm_holders(self) -> dict[str, set[int]]:
        """The services that hold a VM of each name, as joined so far."""
        holders: dict[str, set[int]] = defaultdict(set)
        for index, service in enumerate(self.services):
            opened = self._open.get(index)
            names = opened._vm_index() if opened is not None else {key(vm.name) for vm in service.vms}
            for name in names:
                holders[name].add(index)
        return holders

    def current(self, index: int) -> CloudService:
        """The service at `index` as joined so far, for its name (`_InventoryVms._fill` may rename it):
        not opened for that."""
        service = self._open.get(index)
        return service.service if service is not None else self.services[index]

    def closed(self) -> list[CloudService]:
        return [self._open[i].closed() if i in self._open else s for i, s in enumerate(self.services)]


def _vm_or_unsaid_names(placement: Placement) -> Iterator[str]:
    """The names (keyed) of a placement's VMs and of the roles it lists without their kind: a VM of one of
    those names that a file of no service describes (a Get-AzureVM export of its VMs alone) is that one."""
    for role in placement.roles:
        if role.is_vm or role.kind_unsaid:
            yield key(role.name)


def _change_by_vm_name(record: inv.ClassicVm) -> bool:
    """Whether a record is a change to a VM its file knows by name alone, in no cloud service it states
    (a template's extension of a VM it does not declare: `Role.changes_existing`)."""
    return record.role.changes_existing and not record.service.strip() and not record.role.imported_from


def _changed_after_export(exported: Role, change: Role) -> Role:
    """The VM an export describes, with the change a script of the repository makes to it. An export is a
    snapshot of the VM as it is; the script is what will be run, or was: either way its change stands
    after the snapshot (a change already run before the export sets again what it set), as a change stands
    after the VM a file creates (`_Updated`). What the change states replaces what the export says, and
    what it leaves unsaid stays as exported, so the two are not a conflict."""
    updated = _Updated(exported)
    updated.apply(change)
    return updated.build()


def _deployments_named(
    groups: dict[tuple[str, str, str], list[inv.ClassicVm]],
) -> dict[tuple[str, str, str], list[inv.ClassicVm]]:
    """`groups` (VMs by service, deployment and file, see `_InventoryVms.join`) with those of an export that
    names no deployment (`azure vm list --json`) in the one deployment of their service that another
    export names, after its VMs: that export's rows are of the same deployment, whichever file is read
    first. Beside several named deployments, which one is not known: they stay a deployment of their own."""
    named: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for service, deployment, unnamed in groups:
        if deployment:
            named[(service, unnamed)].append((service, deployment, unnamed))
    joined = {at: list(group) for at, group in groups.items() if not _joins_named(at, named)}
    for at, group in groups.items():
        if _joins_named(at, named):
            joined[named[(at[0], at[2])][0]] += group  # after the named deployment's own VMs
    return joined


def _joins_named(at: tuple[str, str, str], named: Mapping[tuple[str, str], list[Any]]) -> bool:
    """Whether the VMs at `at` name no deployment and their service has one other exports name."""
    service, deployment, unnamed = at
    return not deployment and len(named.get((service, unnamed), ())) == 1


def _network_differs(service: _OpenService, at: int, record: inv.ClassicVm) -> Iterator[Conflict]:
    """A conflict at the export's network where `record` places its VM in another virtual network than the
    deployment it joins (at `at` of `service`) is in: the one its files state, or the one an earlier row
    of its VMs named (see `_fill`). A deployment is in one network with all its VMs, as `_vms_in_other_networks`
    says of VMs only exports know. Nothing where either does not say, or the files leave it to a value they
    do not state (a script's `$VNet`)."""
    placed = service.placement(at)
    if not (placed.network_known and record.network_known):
        return
    network = placed.virtual_network
    if network is not None and is_stand_in(network.name):
        return
    if key(network.name if network else "") == key(record.virtual_network):
        return
    there = f"'{network.name}'" if network else "none"
    yield Conflict(
        Placement.kind,
        placed.name,
        record.virtual_network_mark or record.mark,
        network.mark if network else placed.mark,
        (f"virtual network {_network_or_none(record)} / {there}",),
        service=service_named(service.service),
    )


def _vms_in_other_networks(vms: list[inv.ClassicVm]) -> Iterator[Conflict]:
    """A deployment's VMs are all in one virtual network, or all in none: where the exports place VMs of one
    deployment (other VMs, not two exports of one) in two, a conflict at each VM's network that is not the
    one the deployment is placed in (the first VM's that names one, as `_add` places it), as a deployment
    whose configuration and own description name two networks is one."""
    stated = [vm for vm in vms if vm.network_known]
    kept = next((vm for vm in stated if vm.virtual_network), None)
    if kept is None:
        return
    seen = {key(kept.name)}
    for vm in stated:
        if key(vm.name) in seen:  # two exports of one VM are compared with each other (`_exports_conflict`)
            continue
        seen.add(key(vm.name))
        if key(vm.virtual_network) != key(kept.virtual_network):
            difference = (
                f"virtual network {_network_or_none(vm)} (VM '{vm.name}') / {_network_or_none(kept)} (VM "
                f"'{kept.name}')"
            )
            yield Conflict(
                Placement.kind,
                kept.deployment or kept.service,
                vm.virtual_network_mark or vm.mark,
                kept.virtual_network_mark or kept.mark,
                (difference,),
                service=kept.service,
            )


def _one_role_per_vm(vms: list[inv.ClassicVm], conflicts: list[Conflict]) -> tuple[Role, ...]:
    """One role for each VM several exports describe (a Resource Graph row and a `Get-AzureVM` object of it,
    read in either order): what one leaves unsaid the other states, and a blocker either shows is kept,
    since either may be the VM as it stands now. Where they disagree, that is a conflict at the later."""
    by_name: dict[str, Role] = {}
    first: dict[str, inv.ClassicVm] = {}
    for vm in vms:
        held = by_name.get(key(vm.name))
        if held is None:
            by_name[key(vm.name)], first[key(vm.name)] = vm.role, vm
        else:
            by_name[key(vm.name)] = _one_vm(held, vm.role)
            conflicts.extend(_exports_conflict(first[key(vm.name)], vm))
    return tuple(by_name.values())


def _one_vm(a: Role, b: Role) -> Role:
    return _extensions_once(model.joined_paths(_fill(a, b), _fill(b, a)))


def _extensions_once(role: Role) -> Role:
    """`role`, which two exports describe, with each extension they both list once, where first read:
    it is one extension of the VM, and a finding about it (MIG204, MIG206, ...) is made once. A state one
    leaves unsaid is `Enable`; one the exports list in other versions, or installed and uninstalled, stays
    one of each."""
    once: dict[tuple[str, ...], Extension] = {}
    for extension in role.extensions:
        said = (extension.publisher, extension.name, extension.version)  # a state unsaid is Enable
        once.setdefault((*(key(part) for part in said), str(extension.installed)), extension)
    if len(once) == len(role.extensions):
        return role
    return replace(role, extensions=tuple(once.values()))


def _fill_disks(kept: tuple[Disk, ...], other: tuple[Disk, ...]) -> tuple[Disk, ...]:
    """The files' disks with their blob and IOType taken from the export's disk of the same name, where
    the files leave them out (Export-AzureVM files have no MediaLink)."""
    if not kept:
        return other
    by_name = {key(d.name): d for d in other if d.name}
    return tuple(_blob_from(disk, by_name.get(key(disk.name))) for disk in kept)


def _blob_from(disk: Disk, match: Disk | None) -> Disk:
    """`disk` with the blob and IOType it leaves out taken from `match`, another file's view of it."""
    if match is None or (disk.media_link and disk.io_type):
        return disk
    return replace(
        disk,
        media_link=disk.media_link or match.media_link,
        io_type=disk.io_type or match.io_type,
        sources=(*disk.described_at, match.mark),
    )


def _scripted(role: Role, scripts: frozenset[str]) -> bool:
    """Whether only scripts (`scripts`, their files) describe `role`: how they create it, or change it."""
    return all(mark.path in scripts for mark in role.described_at)


def _as_it_is(exported: Role, created: Role) -> Role:
    """A VM a script creates, which an export also describes (a GET of its deployment, an Export-AzureVM
    file, an inventory export's row). The export is the VM as it is: what it states stands (its disks above
    all, data disks attached since or left out of the script), and what it leaves unsaid is taken from the
    script, as are the blob and IOType of a disk it states without them (Export-AzureVM files write no
    MediaLink)."""
    return replace(_fill(exported, created), disks=_disks_as_they_are(exported.disks, created.disks))


def _disks_as_they_are(exported: tuple[Disk, ...], created: tuple[Disk, ...]) -> tuple[Disk, ...]:
    """The export's disks, or the script's when the export states none. An exported disk without its blob
    takes it from the script's disk of the same name, else at the same LUN, else, for the one disk each
    states no LUN of (the OS disk), from that one."""
    if not exported:
        return created
    by_name = {key(d.name): d for d in created if d.name}
    by_lun = {d.lun: d for d in created if d.lun}
    unnumbered = [d for d in created if not d.lun]
    os_disk = unnumbered[0] if len(unnumbered) == 1 and sum(not d.lun for d in exported) == 1 else None
    out = []
    for disk in exported:
        match = by_name.get(key(disk.name)) if disk.name else None
        if match is None:
            match = by_lun.get(disk.lun) if disk.lun else os_disk
        out.append(_blob_from(disk, match))
    return tuple(out)


def _premium_by_account(vm: inv.ClassicVm, premium: set[str]) -> inv.ClassicVm:
    """`vm` with the disks whose blob address the export leaves out, and whose `storageAccount` is a
    Premium one, marked Provisioned (`_with_premium` joins the others by their address)."""
    disks = vm.role.disks
    marked = tuple(
        replace(d, io_type="Provisioned") if not d.media_link and account in premium and not d.premium else d
        for d, account in zip(disks, vm.disk_accounts, strict=False)  # as many, unless built by hand
    )
    if marked == disks[: len(marked)]:
        return vm
    return replace(vm, role=replace(vm.role, disks=(*marked, *disks[len(marked) :])))


def _with_listed_disks(
    services: tuple[CloudService, ...], listed: Sequence[Disk]
) -> tuple[CloudService, ...]:
    """`services` with what the disks listed on their own say of their VMs' disks: the disks a file names
    for a VM it describes, added to that VM (`_with_named_disks`), and the blob and IOType a listing gives
    a disk the VM's own description leaves out (`_with_listed_facts`). Rules about a VM's disks (MIG205)
    see them as every file describes them, as the estate's disks are (`_Linker._disks`)."""
    placed = _with_listed_facts(_with_named_disks(services, listed), listed)
    return _in_registered_os_disks(placed, listed)


def _with_named_disks(services: tuple[CloudService, ...], listed: Sequence[Disk]) -> tuple[CloudService, ...]:
    """`services` with the disks listed on their own, by name only, as attached to a VM the same file
    describes (a script's VM given a disk of the repository by name, `New-AzureVMConfig -DiskName`) among
    that VM's disks, joined to the description of the disk of that name that gives its blob (see
    `_NamedBlobs`): its blob, where that is written, and its IOType when the listing says none. Rules about
    a VM's disks (MIG205) see them as the files describe them, and the storage account their blob is in
    marks them Premium (see `_in_premium_accounts`). A blob the VM has already is not added again. A VM
    created from a registered disk no file gives the blob of has its OS disk in that disk's storage account,
    which no file states (`UnplacedDisk`, REGISTERED_DISK); a data disk of that kind is among its disks,
    without a blob."""
    uses = [d for d in listed if d.attached_to and not d.maybe_attached and not d.media_link.strip()]
    if not uses:
        return services
    vms = _vms_by_file(services)
    blobs = _NamedBlobs([*(d for s in services for vm in s.vms for d in vm.disks), *listed])
    added: dict[int, list[Disk]] = defaultdict(list)  # by the VM (its `id`)
    unplaced: dict[int, Disk] = {}  # the registered OS disk no file places, by the VM (its `id`)
    for use in uses:
        owner, blob = _named_in_file(vms, use), blobs.of(use)
        if owner is not None and blob is not None:
            at = blob.media_link_mark or blob.mark
            joined = replace(
                use,
                media_link=blob.media_link,
                io_type=use.io_type or blob.io_type,
                account=use.account or blob.account,
            )
            added[id(owner[1])].append(replace(joined, media_link_mark=at))
        elif owner is not None and not use.data and not use.account and not owner[1].changes_existing:
            unplaced.setdefault(id(owner[1]), use)
        elif owner is not None and not use.account:
            # A registered data disk no file places is the VM's all the same, in that disk's account, as
            # a REST body's data disk named without its blob (see `_data_disk_accounts`).
            added[id(owner[1])].append(use)
    if not added and not unplaced:
        return services

    def role(r: Role) -> Role:
        more = added.get(id(r), [])
        held = {_disk_key(d) for d in r.disks}
        new = tuple({_disk_key(d): d for d in more if _disk_key(d) not in held}.values())
        disk = unplaced.get(id(r))
        r = replace(r, disks=(*r.disks, *new)) if new else r
        return _in_registered_disk(r, disk) if disk is not None else r

    return _with_roles_of(services, added.keys() | unplaced.keys(), role)


def _with_listed_facts(
    services: tuple[CloudService, ...], listed: Sequence[Disk]
) -> tuple[CloudService, ...]:
    """`services` with each VM disk's blob and IOType, where its own description leaves them out, taken
    from the first disk listed on its own that is the same disk (one blob, as `_Linker._disks` joins
    them): a `Disks` list that says a VM's disk is `Provisioned` makes it Premium for the rules that read
    the VM's disks, and a blob it gives an Export-AzureVM disk (which has none) places the disk in its
    storage account. What the VM's description states is kept, as when the descriptions are merged."""
    stating = [d for d in listed if d.media_link.strip() or d.io_type.strip()]
    if not stating:
        return services
    blob_of: dict[str, Disk] = {}  # by disk (`_described_disk`): the first listing giving its blob
    io_type_of: dict[str, Disk] = {}  # and the first giving its IOType
    blobs = _NamedBlobs([*(d for s in services for vm in s.vms for d in vm.disks), *listed])
    for disk in stating:
        k = _described_disk(disk, blobs)
        if disk.media_link.strip():
            blob_of.setdefault(k, disk)
        if disk.io_type.strip():
            io_type_of.setdefault(k, disk)

    def filled(d: Disk) -> Disk:
        if d.media_link.strip() and d.io_type.strip():
            return d
        k = _described_disk(d, blobs)
        blob, io_type = blob_of.get(k), io_type_of.get(k)
        # The blob's mark stays the VM's: MIG401 points at the disk it finds the blob of, as it did when
        # only the estate's merged disk held the listing's blob.
        if blob is not None and not d.media_link.strip():
            d = replace(d, media_link=blob.media_link)
        if io_type is not None and not d.io_type.strip():
            d = replace(d, io_type=io_type.io_type)
        return d

    # Only the services with a role that has disks are walked (a VM's): a web or worker role has none, and
    # walking every role of every service was most of the join at 4,000 files.
    with_disks = {id(r) for s in services for p in s.placements for r in p.roles if r.disks}
    return _with_roles_of(services, with_disks, lambda role: _with_disks_changed(role, filled))


def _with_disks_changed(role: Role, change: Callable[[Disk], Disk]) -> Role:
    """`role` with `change` made to its disks; the very same role when it changes none."""
    disks = tuple(change(d) for d in role.disks)
    same = all(new is old for new, old in zip(disks, role.disks, strict=True))
    return role if same else replace(role, disks=disks)


def _with_roles_of(
    services: tuple[CloudService, ...], changed: Collection[int], change: Callable[[Role], Role]
) -> tuple[CloudService, ...]:
    """`services` with `change` made to the roles whose `id` is among `changed` (`change` leaves any other
    as it is): only the services that deploy one of them are copied, the others not walked. A join that
    changes a few VMs of a large estate walked every role of every service (1,300 services, 2,500 roles
    of web and worker services, for one VM created from a registered disk)."""
    return tuple(
        _with_roles(s, change) if any(id(r) in changed for p in s.placements for r in p.roles) else s
        for s in services
    )


def _with_roles(service: CloudService, change: Callable[[Role], Role]) -> CloudService:
    """`service` with `change` made to the roles of its deployments; the very same service, and the very
    same deployments, where it changes none: a join that changes a few VMs of a large estate copied every
    service and deployment (5 MB at 40,000 files, made and let go)."""
    placements = []
    for placement in service.placements:
        roles = tuple(change(role) for role in placement.roles)
        same = all(new is old for new, old in zip(roles, placement.roles, strict=True))
        placements.append(placement if same else replace(placement, roles=roles))
    if all(new is old for new, old in zip(placements, service.placements, strict=True)):
        return service
    return replace(service, placements=tuple(placements))


def _created_premium(created: Sequence[StorageAccountType]) -> set[str]:
    """The storage accounts scripts create as Premium, by name: storage account names are unique in Azure,
    so the account a script creates is the one any file's blob address names."""
    return {key(account.name) for account in created if account.premium}


def _in_premium_accounts(services: tuple[CloudService, ...], premium: set[str]) -> tuple[CloudService, ...]:
    """`services` with their disks in the Premium storage accounts `premium` (those an export shows, or a
    script creates, as Premium) marked Premium (see `_with_premium`)."""
    return tuple(_with_premium(s, premium) for s in services) if premium else services


def _with_premium(service: CloudService, premium: set[str]) -> CloudService:
    """`service` with the disks it has in Premium storage accounts (an export says which accounts are)
    marked Provisioned, whatever IOType a file or the export states for them: a Premium account holds
    only Premium disks, its `accountType` is the surer evidence (the value a GET gives a Premium disk's
    `ioType` is not known), and a disk stated Standard in such an account is wrong about it."""

    def disk(d: Disk) -> Disk:
        return replace(d, io_type="Provisioned") if not d.premium and d.storage_account in premium else d

    def role(r: Role) -> Role:
        disks = tuple(disk(d) for d in r.disks)
        # Compared by identity: `disk` gives back the disk it was given when it changes nothing, and records
        # compared by value compare every field of every disk.
        return replace(r, disks=disks) if any(d is not o for d, o in zip(disks, r.disks, strict=True)) else r

    def placement(p: Placement) -> Placement:
        roles = tuple(role(r) for r in p.roles)
        return replace(p, roles=roles) if any(r is not o for r, o in zip(roles, p.roles, strict=True)) else p

    placements = tuple(placement(p) for p in service.placements)
    changed = any(p is not o for p, o in zip(placements, service.placements, strict=True))
    return replace(service, placements=placements) if changed else service


def _installed_extensions(services: Iterable[CloudService]) -> list[tuple[Role, Extension]]:
    """See `Estate.installed_extensions`: names keyed once per service and VM, not once per extension."""
    seen: set[tuple[Mark, str, str]] = set()
    found = []
    for service in services:
        service_key = key(service.name)
        for vm in service.vms:
            vm_key = key(vm.name)
            for ext in vm.installed_extensions():
                where = (ext.mark, service_key, vm_key)
                if where not in seen:
                    seen.add(where)
                    found.append((vm, ext))
    return found


def portal_short_name(name: str) -> str:
    """The name a network was given in the Azure portal, when `name` is the classic name of one created
    there, `Group <resource group> <name>` (the errors page: "The virtual network ... doesn't exist ... The
    actual Virtual Network name follows the pattern 'Group * <VNET name>'"); "" for any other name."""
    return _portal_parts(name)[1]


def _portal_parts(name: str) -> tuple[str, str]:
    """(resource group, name given in the portal) of a network's classic name `Group <group> <name>`;
    ("", "") for any other name. A resource group's name holds no space; the network's may."""
    words = name.split(" ", 2)
    return (words[1], words[2]) if len(words) == 3 and words[0].casefold() == "group" else ("", "")


def _portal_networks(definitions: Iterable[VirtualNetwork]) -> dict[tuple[str, str], str]:
    """The networks the files define that were created in the Azure portal, by (resource group, name) as
    their Resource Manager id writes them (`.../resourceGroups/<group>/providers/Microsoft.ClassicNetwork/
    virtualNetworks/<name>`), mapped to their classic name, the one migration commands take."""
    found: dict[tuple[str, str], str] = {}
    for vnet in definitions:
        group, short = _portal_parts(vnet.name)
        if short:
            found.setdefault((key(group), key(short)), vnet.name)
    return found


def _as_defined(records: list[Any], portal: Mapping[tuple[str, str], str]) -> list[Any]:
    """`records` with each classic network an export names by its Resource Manager id (its row, a VM's,
    a peering's or a service's network) named as the files define it, when they define it by the classic
    name of a network created in the portal."""
    if not portal:
        return records
    return [_named_as_defined(r, portal) for r in records]


def _named_as_defined(record: Any, portal: Mapping[tuple[str, str], str]) -> Any:
    if isinstance(record, (inv.ServiceInVnet, inv.VnetPeering)):
        full = portal.get((key(record.vnet_group), key(record.vnet)))
        return replace(record, vnet=full) if full else record
    if isinstance(record, inv.ClassicVm):
        full = portal.get((key(record.virtual_network_group), key(record.virtual_network)))
        return replace(record, virtual_network=full) if full else record
    if isinstance(record, inv.ClassicNetwork):
        full = portal.get((key(record.resource_group), key(record.name)))
        if full:
            network = replace(record.network, name=full) if record.network is not None else None
            return replace(record, name=full, network=network)
    return record


def _portal_names(networks: Iterable[Network]) -> dict[str, str]:
    """The defined networks created in the Azure portal, by the short name they were given there."""
    found: dict[str, str] = {}
    for network in networks:
        short = portal_short_name(network.name)
        if network.defined and short:
            found.setdefault(key(short), network.name)
    return found


# How docs/inventory.md has a gateway's connections saved: `Get-AzureVNetConnection -VNetName <network> |
# ConvertTo-Json > <network>-connections.json` (a List Connections body saved likewise, as `.xml`). Neither
# names the network inside: the file's name is where the repository says which one it is.
_CONNECTIONS_FILE_SUFFIXES = ("-connections.json", "-connections.xml")


def origins(
    services: Iterable[CloudService], name: Callable[[CloudService], str] = lambda s: s.name
) -> dict[int, str]:
    """Where each cloud service that shares its `name` with another comes from, by `id()` of the service:
    the folder of the file that first describes it, else the file, else the file and line (one script can
    deploy two services it names alike), each relative to the folder all of them are in (`apart`), so
    that a run from any working directory says alike. Services of a name of their own are not listed:
    lists and steps tell them apart by the name. What the plan's steps and the readiness summary add to a
    name."""
    by_name: dict[str, list[CloudService]] = defaultdict(list)
    for service in services:
        by_name[key(name(service))].append(service)
    found: dict[int, str] = {}
    for alike in by_name.values():
        if len(alike) < 2:
            continue
        paths = apart([s.mark.path for s in alike])
        candidates = [
            _folders_shown([path.rpartition("/")[0] for path in paths], alike),
            paths,
            [f"{path}:{s.mark.line}" for path, s in zip(paths, alike, strict=True)],
        ]
        described = next((c for c in candidates if len(set(c)) == len(alike)), candidates[-1])
        found.update((id(s), where) for s, where in zip(alike, described, strict=True))
    return found


def _stand_ins_told_apart(services: tuple[CloudService, ...]) -> tuple[CloudService, ...]:
    """`services`, each that no file names whose stand-in reads as another's (`listed_name`) with where it
    comes from (`CloudService.told_apart`); the others as they are. Each a script deploys whose file shares
    its name with another file of the run names it by its path first (`CloudService.file_shown`), as the
    script's stand-ins do (`<cloud service of deployment prod, a/deploy.py:4>`, by file and line); a request
    body's names the file alone, told apart by its folder."""
    apart = stand_in_files.linked()
    if apart:
        script = _script_by_name()
        services = tuple(
            replace(s, file_shown=apart[s.mark.path]) if s.mark.path in apart and script(s.mark.path) else s
            for s in services
        )
    stood_in = [s for s in services if s.listed_name != s.name]
    where = origins(stood_in, lambda service: service.listed_name)
    if not where:
        return services
    return tuple(replace(s, told_apart=where[id(s)]) if id(s) in where else s for s in services)


def _script_by_name() -> Callable[[str], bool]:
    """`is_script`, asked once per file name of the paths given it: a script is told by its file's name
    (no format's extension holds a `/`), and the paths asked about share a few (every cloud service
    package's `ServiceDefinition.csdef`: 1,300 at 4,000 files, each as costly to tell as a line of the
    link). A path of no folder (standard input's `<stdin>`) is asked itself."""
    scripts: dict[str, bool] = {}

    def script(path: str) -> bool:
        folder, _, name = path.rpartition("/")
        if not folder:
            return is_script(path)
        found = scripts.get(name)
        if found is None:
            found = scripts[name] = is_script(path)
        return found

    return script


def _folders_shown(folders: list[str], alike: Sequence[CloudService]) -> list[str]:
    """`folders`, relative to the one all of them are in, as a reader understands them: where one is that
    folder itself ("" relative to it, `.` to a shell), each is shown from that folder's own name
    (`ScaleDemo` and `ScaleDemo/PerformanceScaleDemo`, for a service at the root of the folder checked and
    one below it), the same from any working directory; "the folder checked" where that folder has no name
    (the root of a drive)."""
    if all(folders):
        return folders
    top = posixpath.basename(_shared_folder(_absolute([s.mark.path for s in alike]))) or "the folder checked"
    return [posixpath.join(top, folder) if folder else top for folder in folders]


def _absolute(paths: Sequence[str], cwd: str | None = None) -> list[str]:
    """`paths` (display paths, relative to the working directory `cwd`, the current one by default) as
    absolute paths, normalized."""
    cwd = (os.getcwd() if cwd is None else cwd).replace(os.sep, "/")
    return [posixpath.normpath(posixpath.join(cwd, path)) for path in paths]


def _shared_folder(full: Sequence[str]) -> str:
    """The deepest folder that holds every one of `full` (absolute paths); "" on two drives."""
    try:
        return posixpath.commonpath([posixpath.dirname(path) for path in full])
    except ValueError:  # on two drives: nothing is shared
        return ""


def _one_vm_of_no_service(doc: Document) -> bool:
    """Whether `doc`, an inventory file, is a role file: it describes one VM alone, naming no cloud service
    (the JSON form of an export of one VM, as `azure vm export` writes it)."""
    if len(doc.resources) != 1:
        return False
    vm = doc.resources[0]
    return isinstance(vm, inv.ClassicVm) and not vm.service.strip()


def apart(paths: Sequence[str], cwd: str | None = None) -> list[str]:
    """Each of `paths` (display paths, relative to the working directory `cwd`, the current one by default)
    relative to the deepest folder that holds them all: what tells apart things of one name that several
    files describe, said alike from any working directory (`teamA/deploy.ps1` and `teamB/deploy.ps1`,
    whether run in the repository or above it, where the display paths are `repo/teamA/deploy.ps1`...)."""
    full = _absolute(paths, cwd)
    shared = _shared_folder(full)
    if not shared:
        return list(paths)
    # Every path is under `shared`: what follows it is the relative path (`relpath` works it out again
    # from the working directory for each, the most of the cost where thousands of files share a name).
    start = len(shared.rstrip("/")) + 1
    return [path[start:] for path in full]


def network_of_connections_file(path: str) -> str:
    """The network a connections file is named after (`vnet1-connections.json`: `vnet1`), "" for none."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    folded = name.casefold()
    suffix = next((s for s in _CONNECTIONS_FILE_SUFFIXES if folded.endswith(s)), "")
    return name[: -len(suffix)] if suffix else ""


def _first_of_each_cloud(
    said: list[CloudInUse], disks: Iterable[Disk], images: Iterable[Image]
) -> tuple[CloudInUse, ...]:
    """Each cloud the files work in once, where first said: by a script's sign-in or host, else by the
    blob address of a disk or an image (`https://zym.blob.core.chinacloudapi.cn/...` is Azure China's)."""
    first: dict[str, CloudInUse] = {}
    for cloud in said:
        first.setdefault(cloud.environment, cloud)
    blobs = [(d.media_link, d.media_link_mark or d.mark) for d in disks]
    blobs += [(i.media_link, i.mark) for i in images]
    # Each host's cloud told once: the disks of a storage account share its host (29,000 disks of a few
    # hundred accounts in a large inventory export).
    clouds_of_hosts: dict[str, str] = {}
    for link, at in blobs:
        host = link.strip().split("://", 1)[-1].split("/", 1)[0]
        environment = clouds_of_hosts.get(host)
        if environment is None:
            environment = clouds_of_hosts[host] = cloud_of_url(host)
        if environment:
            first.setdefault(environment, CloudInUse(environment, at))
    return tuple(first.values())


def _names_selected(selections: list[SubscriptionSelection]) -> tuple[str, ...]:
    """Each name the scripts select a subscription by, with no id, once, in file order; not a value the
    script does not state (`UNSTATED_SUBSCRIPTION`)."""
    return tuple(
        dict.fromkeys(
            s.called for s in selections if not s.id and s.called and s.called != UNSTATED_SUBSCRIPTION
        )
    )


def _files_selecting_names(selections: list[SubscriptionSelection]) -> tuple[tuple[str, ...], ...]:
    """For each name of `_names_selected`, in its order, the files that select the subscription by it."""
    files: dict[str, dict[str, None]] = {name: {} for name in _names_selected(selections)}
    for s in selections:
        if not s.id and s.called in files:
            files[s.called][s.mark.path] = None
    return tuple(tuple(paths) for paths in files.values())


def _first_of_each_id(selections: list[SubscriptionSelection]) -> tuple[SubscriptionSelection, ...]:
    """Each subscription id the scripts select once, where it is first selected, in file order, and where
    they first select one they do not state."""
    first: dict[str, SubscriptionSelection] = {}
    for selection in selections:
        if selection.id or selection.called == UNSTATED_SUBSCRIPTION:  # one by name has none to select by
            first.setdefault(selection.id, selection)
    return tuple(first.values())
