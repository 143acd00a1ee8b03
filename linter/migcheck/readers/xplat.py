"""What the classic cross-platform CLI's commands (`azure`, node, in its Service Management mode: `azure
config mode asm`, the default before mid-2016) do to classic resources, as the typed resources the other
readers produce. The shell-script reader (`shell`) and the PowerShell reader hand each `azure` command
here as its words, each with its value (or None where the script does not state it) and where it is
written; nothing here knows a script's language.

Commands and options are those azure-xplat-cli defines under `lib/commands/asm` (research: AUTOMATION.md
§4), in every spelling its option parser (commander) accepts: `-w x`, `--virtual-network-name x`,
`--virtual-network-name=x`, short flags run together (`-Pq`, each a word of its own, as commander's
`normalize` makes them: in `-eSr`, `-S` takes `-r` as its value); an option that takes an optional value
(`-e, --ssh [port]`) takes the next word unless it starts with `-`, as commander does; words that are no
option are the command's positional arguments, in the order the command declares them. Command and option
names are matched as written: commander refuses `azure VM create`.

What is read:

- `vm create` (and `vm docker create`): a VM in the cloud service `<dns-name>` (its deployment of the same
  name), named `--vm-name` or after the service; its virtual network (`-w`; with `-c` and no `-w`, that
  of the deployment the VM joins, not known unless the script creates it), subnets (`-b a,b`, and those of
  `-f nic:subnet:ip,...`, whose interfaces are the VM's secondary ones), availability set (`-A`), reserved
  IP (`-R`), static private address (`-S`) and public IP (`-i`), size (`-z`), the OS disk's blob (`-u`; in
  an account of a stand-in name, one per value, where the script does not state the account's:
  `https://$SA.blob...`), the SSH and RDP endpoints it asks for (`-e`, `-r`), boot diagnostics turned off
  (`--disable-boot-diagnostics`) and the service's region (`-l`);
- what later commands change on a VM (`vm endpoint create|create-multiple|delete`, `vm endpoint acl-rule
  create|delete`, `vm extension set`, `vm static-ip set|remove`, `vm disk detach`, `vm delete`; a removal
  only where it runs whenever the VM as the script has it does): on the VM the same script creates under
  that name, or, given `-d <dns-name>`, as a change to the VM of that service (`Role.changes_existing`),
  whose network and reserved IP the script does not know; without `-d`, which only filters the services
  the CLI looks the VM up in, as a change to the VM of that name in a service the script does not state,
  which the linker takes for the one VM of that name the other files describe; a VM named by the item of a
  loop over a list the script does not write out (`while read svc vm; do azure vm endpoint create "$vm" …`)
  is one VM per item the loop changes, as its service is (`Role.looped_over`); one named by any other value
  the script does not state (`"$1"`, `$host`) is one VM of a stand-in name per value, in a service no file
  states, as PowerShell's `Get-AzureVM -Name $vm | ... | Update-AzureVM`; an ACL rule's endpoint named so is a
  stand-in endpoint of the VM, whose ACL is a blocker whichever endpoint it is;
- `service internal-load-balancer add|set` (an internal load balancer of the service's deployment, its
  frontend in the subnet `-t` names, as Add-AzureInternalLoadBalancer's) and `delete`;
- `service create` (the service's region), `service delete`, `storage account create --type`,
  `storage account delete`, `network reserved-ip create|delete` (one a VM of the script's is given stays:
  the platform refuses to delete a reserved IP in use), `network import <file>` (an upload of a network configuration, which
  changes every network), `network vnet create`, `network vnet subnet create` and `network vnet delete`
  (each writes the subscription's network configuration anew; the network `vnet create` makes, with its
  region or affinity group, address space and first subnet, is described), `network vpn-gateway create`
  (the network's gateway, with its type `-t` and SKU `-k`, as New-AzureVNetGateway's),
  `network nsg create|delete`, `network nsg rule create` (with the CLI's defaults for the values not
  given), `network nsg rule set` (the values given, the rule's others kept) and `rule delete`, `network nsg
  subnet add|remove`, `network vnet subnet create -o <nsg>`, `network route-table
  create|delete`, `network vnet subnet route-table add|delete` (the groups, tables, rules and subnet
  associations PowerShell's New-AzureNetworkSecurityGroup, Set-AzureNetworkSecurityRule,
  Set-AzureNetworkSecurityGroupToSubnet, New-AzureRouteTable and Set-AzureSubnetRouteTable make),
  `network local-network create|set|delete` (a local network site, with the prefixes the CLI keeps),
  `network vnet local-network add|remove` (the network's site-to-site connection), `network vnet subnet
  set|delete` (a subnet's prefix, the subnet; each of these, as `vnet create`, writes the whole network
  configuration again), `network application-gateway create|delete`, `vm disk attach-new` (a data disk
  in the blob it names) and `vm disk attach` (a registered disk, by name), at the LUN the CLI picks, `vm
  disk create|delete`, `vm image create|delete` and `vm capture` (disks and images of the script's own),
  and the migration steps
  (`service deployment|network vnet|storage account|network reserved-ip|network nsg|network route-table
  validate-|prepare-|commit-|abort-migration`; `storage account` has no validate-migration, and one written
  fails at once, see `_NO_SUCH_STEP`);
- a command that deletes (`vm delete`, `service delete`, `network vnet delete`, ...) deletes only when it
  surely runs: one on a branch or in a loop that may not run deletes nothing, as the cmdlets' removals;
- `config mode arm` makes the commands after it Resource Manager commands, which describe nothing, until
  `config mode asm`; so is a command given `--resource-group` (or a `-g` its classic form does not have).

A command given `-h` or `--help` only prints its help."""

from __future__ import annotations

import contextlib
import functools
import heapq
import json
import posixpath
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from migcheck import automation
from migcheck import inventory_model as inv
from migcheck.clouds import SignIns, cloud_of_environment
from migcheck.model import (
    EVERY_NETWORK,
    GATEWAY,
    MAYBE_RUNS,
    NEVER_RUNS,
    REMOVED,
    RESERVED_IP_NOT_APPLIED,
    SERVICE_OF_VM,
    SURPLUS_ARGUMENTS,
    UNSTATED_COMMAND_LINE,
    UNSTATED_SUBSCRIPTION,
    VM_FACTS,
    VPN,
    AclRule,
    AddressPrefix,
    AffinityGroupRegion,
    ClassicCall,
    CloudInUse,
    Deployment,
    Disk,
    DiskPlace,
    EndpointAcl,
    ExtendedSupportService,
    Extension,
    Gateway,
    GatewayConnection,
    Image,
    InputEndpoint,
    InternalLoadBalancer,
    LocalNetworkSite,
    Mark,
    MigrationStep,
    NamedAfterDelete,
    NameRef,
    NetworkSecurityGroup,
    ReservedIp,
    Role,
    RoleType,
    RouteTable,
    SecurityRule,
    ServiceRegion,
    StorageAccountType,
    Subnet,
    SubscriptionSelection,
    UnplacedDisk,
    VirtualNetwork,
    VnetGatewayFact,
    absent_on_some_path,
    account_stand_in,
    another_turn,
    apart,
    blob_host_account,
    held_by_no_subnet,
    in_no_network,
    is_placeholder_subscription,
    is_stand_in,
    joined_paths,
    left_to_session,
    lun_key,
    missing_value,
    network_stand_in,
    record,
    refused_option,
    refused_static_address,
    rules_after,
    subnet_holding,
    subscription_guid,
    subscription_in_scope,
    with_maybe_vips,
    without_path_in_none,
)
from migcheck.readers.programs import HOLE, Word

# The shape of a storage account named by the value a blob address starts with (`"${CONTAINER}vm1.vhd"`),
# told from one the value names as the host's first label or as the whole address.
_ADDRESS_START = f"{HOLE}://"


def _unnumbered(shape: str) -> str:
    """A shape with each of its holes as a bare `HOLE`. Readers that build a word of several pieces number
    its holes by their place in the word (Terraform's `"http://${var.sa}.blob..."` is `http://HOLE-0-.blob...`),
    where `storage account create` given `var.sa` alone has the bare `HOLE`: the account is one value
    wherever it sits, so the two must name one account. No account's name holds a hyphen, so one after a
    hole's number is the number's."""
    pieces = shape.split(f"{HOLE}-")
    out = [pieces[0]]
    for piece in pieces[1:]:
        number, dash, rest = piece.partition("-")
        out.append(f"{HOLE}{rest}" if number.isdigit() and dash else f"{HOLE}-{piece}")
    return "".join(out)


# What follows the holder of a value not stated in the holder of that value formatted (`printf %03d`).
_STYLED = "\0styled "


def _shown_value(word: Word) -> str:
    """How a message names a value the script does not state: by the variable that holds it (`$VNET`), or
    what gave it (`$1`); "" where neither tells."""
    if word.identity is None:
        return ""
    shown = word.names[0] if word.names else _unstyled(word.holder) or ""
    return shown if shown.startswith("$") else ""


def styled_holder(holder: str | None, style: str) -> str | None:
    """What holds a value not stated formatted with a width (`$(printf '%03d' "$i")`): a string of its own,
    other than the value, yet one per value, so one per turn of a loop whose counter it formats."""
    return f"{holder}{_STYLED}{style}" if holder is not None else None


def _unstyled(holder: str | None) -> str | None:
    """What holds the value a formatted one is made of (see `styled_holder`), any other holder as it is."""
    return holder.partition(_STYLED)[0] if holder is not None else None


# How an option takes its value: it takes the next word, takes it when it does not start with `-`
# (commander's `[value]`), or takes none.
VALUE, OPTIONAL, FLAG = "value", "optional", "flag"


@record
class _Spec:
    positionals: tuple[str, ...]
    options: tuple[tuple[str, str, str], ...]  # (long name, short letter or "", VALUE | OPTIONAL | FLAG)


_COMMON = (("subscription", "s", VALUE), ("verbose", "v", FLAG), ("json", "", FLAG), ("help", "h", FLAG))
_DNS = ("dns-name", "d", VALUE)
_QUIET = ("quiet", "q", FLAG)
_VM_CREATE = (
    ("userName", "g", VALUE),
    ("password", "p", VALUE),
    ("community", "o", FLAG),
    ("connect", "c", FLAG),
    ("location", "l", VALUE),
    ("affinity-group", "a", VALUE),
    ("blob-url", "u", VALUE),
    ("vm-size", "z", VALUE),
    ("vm-name", "n", VALUE),
    ("ssh", "e", OPTIONAL),
    ("ssh-cert", "t", VALUE),
    ("no-ssh-password", "P", FLAG),
    ("no-ssh-endpoint", "E", FLAG),
    ("generate-ssh-keys", "G", FLAG),
    ("rdp", "r", OPTIONAL),
    ("virtual-network-name", "w", VALUE),
    ("subnet-names", "b", VALUE),
    ("public-ip", "i", VALUE),
    ("static-ip", "S", VALUE),
    ("reserved-ip", "R", VALUE),
    ("availability-set", "A", VALUE),
    ("custom-data", "d", VALUE),
    ("nic-config", "f", VALUE),
    ("disable-boot-diagnostics", "", FLAG),
)
_DOCKER = (
    ("docker-port", "p", OPTIONAL),
    ("docker-cert-dir", "C", OPTIONAL),
    ("docker-cert-cn", "N", OPTIONAL),
)
_ENDPOINT = (
    _DNS,
    ("name", "n", VALUE),
    ("local-port", "k", VALUE),
    ("protocol", "o", VALUE),
    ("idle-timeout", "m", VALUE),
    ("probe-port", "t", VALUE),
    ("probe-protocol", "r", VALUE),
    ("probe-path", "p", VALUE),
    ("probe-interval", "e", VALUE),
    ("probe-timeout", "f", VALUE),
    ("direct-server-return", "u", VALUE),
    ("load-balanced-set-name", "b", VALUE),
    ("internal-load-balancer-name", "i", VALUE),
    ("load-balancer-distribution", "a", VALUE),
)
_ACL_RULE = (
    _DNS,
    ("vm-name", "n", VALUE),
    ("endpoint-name", "e", VALUE),
    ("order", "o", VALUE),
    ("action", "a", VALUE),
    ("remote-subnet", "t", VALUE),
    ("description", "r", VALUE),
)
_EXTENSION = (
    _DNS,
    ("reference-name", "r", VALUE),
    ("public-config", "i", VALUE),
    ("public-config-path", "c", VALUE),
    ("private-config", "t", VALUE),
    ("private-config-path", "e", VALUE),
    ("disable", "b", FLAG),
    ("uninstall", "u", FLAG),
)
_VNET = (
    ("vnet", "", VALUE),
    ("address-space", "e", VALUE),
    ("max-vm-count", "m", VALUE),
    ("cidr", "i", VALUE),
    ("subnet-start-ip", "p", VALUE),
    ("subnet-name", "n", VALUE),
    ("subnet-vm-count", "c", VALUE),
    ("subnet-cidr", "r", VALUE),
    ("location", "l", VALUE),
    ("affinity-group", "a", VALUE),
    ("dns-server-id", "d", VALUE),
)
_STORAGE = (
    ("label", "e", VALUE),
    ("description", "d", VALUE),
    ("location", "l", VALUE),
    ("affinity-group", "a", VALUE),
    ("type", "", VALUE),
    ("kind", "", VALUE),
    # The releases before `--type` took these instead (the CLI's command reference: "Indicates if
    # geo-replication is enabled / disabled"), and scripts of their time still give them.
    ("geoReplication", "", FLAG),
    ("disable-geoReplication", "", FLAG),
)
_SERVICE = (
    ("serviceName", "", VALUE),
    ("location", "l", VALUE),
    ("affinitygroup", "a", VALUE),
    ("label", "", VALUE),
    ("description", "d", VALUE),
    ("reserved-ip", "", VALUE),
)

_NAMED_IN_REGION = (("name", "n", VALUE), ("location", "l", VALUE), ("label", "b", VALUE))
_NAMED = (("name", "n", VALUE), _QUIET)
# `network nsg rule create`'s values, by `SecurityRule` field: the option that states each, and the value
# the CLI sends for one not given (its `_parseSecurityRule` with the defaults of `constants.nsg`).
_RULE_OPTIONS = {
    "protocol": ("protocol", "p", "Tcp"),
    "source": ("source-address-prefix", "f", "*"),
    "source_ports": ("source-port-range", "o", "80"),
    "destination": ("destination-address-prefix", "e", "*"),
    "destination_ports": ("destination-port-range", "u", "80"),
    "action": ("action", "c", "Allow"),
    "priority": ("priority", "y", "100"),
    "direction": ("type", "r", "Inbound"),
}
# `nsg rule set` takes the options of `nsg rule create`, and changes only the values it is given.
_RULE = (
    ("nsg-name", "a", VALUE),
    ("name", "n", VALUE),
    *((option, short, VALUE) for option, short, _ in _RULE_OPTIONS.values()),
)
_LOCAL_NETWORK = (("name", "n", VALUE), ("address-prefixes", "a", VALUE), ("vpn-gateway-address", "w", VALUE))
_VNET_LOCAL_NETWORK = (("name", "n", VALUE), ("local-network-name", "l", VALUE))
_SUBNET_TABLE = (
    ("vnet-name", "t", VALUE),
    ("subnet-name", "n", VALUE),
    ("route-table-name", "r", VALUE),
)
# `nsg subnet add` declares `-n` twice (`--vnet-name` and `--subnet-name`): commander takes the first.
_SUBNET_GROUP = (("nsg-name", "a", VALUE), ("vnet-name", "n", VALUE), ("subnet-name", "", VALUE))

# The network security groups, route tables, local network sites and Application Gateways of
# `lib/commands/asm/network/network._js`.
NETWORK_RESOURCES: dict[tuple[str, ...], _Spec] = {
    ("network", "nsg", "create"): _Spec(("name", "location"), _NAMED_IN_REGION),
    ("network", "nsg", "delete"): _Spec(("name",), _NAMED),
    ("network", "nsg", "rule", "create"): _Spec(("nsg-name", "name"), _RULE),
    ("network", "nsg", "rule", "set"): _Spec(("nsg-name", "name"), _RULE),
    ("network", "nsg", "rule", "delete"): _Spec(("nsg-name", "name"), (*_RULE[:2], _QUIET)),
    ("network", "nsg", "subnet", "add"): _Spec(("nsg-name", "vnet-name", "subnet-name"), _SUBNET_GROUP),
    ("network", "nsg", "subnet", "remove"): _Spec(
        ("nsg-name", "vnet-name", "subnet-name"), (*_SUBNET_GROUP, _QUIET)
    ),
    ("network", "route-table", "create"): _Spec(("name", "location"), _NAMED_IN_REGION),
    ("network", "route-table", "delete"): _Spec(("name",), _NAMED),
    ("network", "vnet", "subnet", "route-table", "add"): _Spec(
        ("vnet-name", "subnet-name", "route-table-name"), _SUBNET_TABLE
    ),
    ("network", "vnet", "subnet", "route-table", "delete"): _Spec(
        ("vnet-name", "subnet-name", "route-table-name"), (*_SUBNET_TABLE, _QUIET)
    ),
    ("network", "local-network", "create"): _Spec(("name", "address-prefixes"), _LOCAL_NETWORK),
    ("network", "local-network", "set"): _Spec(("name",), _LOCAL_NETWORK),
    ("network", "local-network", "delete"): _Spec(("name",), _NAMED),
    ("network", "vnet", "local-network", "add"): _Spec(("name", "local-network-name"), _VNET_LOCAL_NETWORK),
    ("network", "vnet", "local-network", "remove"): _Spec(
        ("name", "local-network-name"), _VNET_LOCAL_NETWORK
    ),
    ("network", "application-gateway", "create"): _Spec(
        ("name", "vnet-name", "subnet-names"),
        (
            ("name", "n", VALUE),
            ("vnet-name", "e", VALUE),
            ("subnet-names", "t", VALUE),
            ("instance-count", "c", VALUE),
            ("gateway-size", "z", VALUE),
            ("description", "d", VALUE),
        ),
    ),
    ("network", "application-gateway", "delete"): _Spec(("name",), _NAMED),
}


# The internal load balancers of a cloud service's deployment (`lib/commands/asm/service.internallb._js`):
# `add <service> <name>` and `set` put its private frontend in a subnet of the deployment's network (`-t`),
# as Add-AzureInternalLoadBalancer -SubnetName does; `-a` is its address in that subnet.
_BALANCER = (("serviceName", "r", VALUE), ("internalLBName", "n", VALUE))
_FRONTEND = (("subnet-name", "t", VALUE), ("static-virtualnetwork-ipaddress", "a", VALUE))
INTERNAL_LOAD_BALANCERS: dict[tuple[str, ...], _Spec] = {
    ("service", "internal-load-balancer", "list"): _Spec(("serviceName",), _BALANCER[:1]),
    ("service", "internal-load-balancer", "add"): _Spec(
        ("serviceName", "internalLBName"), _BALANCER + _FRONTEND
    ),
    ("service", "internal-load-balancer", "set"): _Spec(
        ("serviceName", "internalLBName"),
        (*_BALANCER, *_FRONTEND, ("remove-subnet", "d", FLAG), ("remove-vnetip", "e", FLAG)),
    ),
    ("service", "internal-load-balancer", "delete"): _Spec(
        ("serviceName", "internalLBName"), (*_BALANCER, _QUIET)
    ),
}


def _registered(os_option: str) -> tuple[tuple[str, str, str], ...]:
    """The options of `vm disk create` and `vm image create` (image.js's `create`), whose `--os` takes a
    value (`os_option`: VALUE for an image, OPTIONAL for a disk)."""
    return (
        ("blob-url", "u", VALUE),
        ("location", "l", VALUE),
        ("affinity-group", "a", VALUE),
        ("os", "o", os_option),
        ("parallel", "p", VALUE),
        ("md5-skip", "m", FLAG),
        ("force-overwrite", "f", FLAG),
        ("label", "e", VALUE),
        ("description", "d", VALUE),
        ("base-vhd", "b", VALUE),
        ("source-key", "k", VALUE),
    )


# The disks and images of `lib/commands/asm/vm._js`.
# The commands that fetch the subscription's network configuration, change it and set the whole of it
# again (as `network import` uploads one): each changes every network, as far as a migration in progress
# is concerned. A group's or route table's subnet association is an operation of its own.
_WRITE_THE_NETWORK_CONFIGURATION = frozenset(
    {
        ("network", "vnet", "create"),
        ("network", "vnet", "delete"),
        ("network", "vnet", "subnet", "create"),
        ("network", "vnet", "subnet", "set"),
        ("network", "vnet", "subnet", "delete"),
        ("network", "local-network", "create"),
        ("network", "local-network", "set"),
        ("network", "local-network", "delete"),
        ("network", "vnet", "local-network", "add"),
        ("network", "vnet", "local-network", "remove"),
    }
)
# The argument that names the existing network a command changes: those of the network configuration
# (`vnet create` makes a new one), and those of a network's gateway. After the network's Commit the
# command fails as any other change to it does: the Service Management API no longer finds the network.
_NETWORK_CHANGED_BY = {
    ("network", "vnet", "delete"): "vnet",
    ("network", "vnet", "subnet", "create"): "vnet-name",
    ("network", "vnet", "subnet", "set"): "vnet-name",
    ("network", "vnet", "subnet", "delete"): "vnet-name",
    ("network", "vnet", "local-network", "add"): "name",
    ("network", "vnet", "local-network", "remove"): "name",
    ("network", "vpn-gateway", "create"): "vnet-name",
    ("network", "vpn-gateway", "delete"): "vnet-name",
    ("network", "vpn-gateway", "shared-key", "set"): "vnet-name",
    ("network", "vpn-gateway", "shared-key", "reset"): "vnet-name",
}

# The commands that set or take off a subnet's security group or route table, by the position of the
# network's name among their arguments.
_SUBNET_ASSOCIATIONS = {
    ("network", "nsg", "subnet", "add"): 1,
    ("network", "nsg", "subnet", "remove"): 1,
    ("network", "vnet", "subnet", "route-table", "add"): 0,
    ("network", "vnet", "subnet", "route-table", "delete"): 0,
}
# The argument of those commands that names the security group or route table.
_SUBNET_ASSOCIATIONS_OF = {
    path: "route-table-name" if "route-table" in path else "nsg-name" for path in _SUBNET_ASSOCIATIONS
}
# The groups of the commands that manage a security group or route table, which the reader describes.
_GROUPS_AND_TABLES = frozenset({("network", "nsg"), ("network", "route-table")})

DISKS_AND_IMAGES: dict[tuple[str, ...], _Spec] = {
    ("vm", "disk", "attach-new"): _Spec(
        ("vm-name", "size-in-gb", "blob-url"), (("host-caching", "c", VALUE), _DNS)
    ),
    ("vm", "disk", "attach"): _Spec(("vm-name", "disk-image-name"), (("host-caching", "c", VALUE), _DNS)),
    ("vm", "disk", "create"): _Spec(("name", "source-path"), _registered(OPTIONAL)),
    ("vm", "disk", "delete"): _Spec(("name",), (("blob-delete", "b", FLAG),)),
    ("vm", "image", "create"): _Spec(("name", "source-path"), _registered(VALUE)),
    ("vm", "image", "delete"): _Spec(("name",), (("blob-delete", "b", FLAG),)),
    ("vm", "capture"): _Spec(
        ("vm-name", "target-image-name"),
        (_DNS, ("label", "e", VALUE), ("os-state", "o", VALUE), ("delete", "t", FLAG)),
    ),
}

# The commands that attach a data disk to a VM, at the LUN after the highest its data disks use.
_ATTACH = frozenset({("vm", "disk", "attach-new"), ("vm", "disk", "attach")})

COMMANDS: dict[tuple[str, ...], _Spec] = {
    ("vm", "create"): _Spec(("dns-name", "image", "userName", "password"), _VM_CREATE),
    ("vm", "docker", "create"): _Spec(("dns-name", "image", "userName", "password"), _VM_CREATE + _DOCKER),
    ("vm", "create-from"): _Spec(
        ("dns-name", "role-file"),
        (
            ("connect", "c", FLAG),
            ("location", "l", VALUE),
            ("affinity-group", "a", VALUE),
            ("ssh-cert", "t", VALUE),
            ("virtual-network-name", "w", VALUE),
        ),
    ),
    ("vm", "export"): _Spec(("vm-name", "file-path"), (_DNS,)),
    ("vm", "delete"): _Spec(("name",), (_DNS, ("blob-delete", "b", FLAG), _QUIET)),
    ("vm", "endpoint", "create"): _Spec(("vm-name", "public-port", "local-port"), _ENDPOINT),
    ("vm", "endpoint", "create-multiple"): _Spec(
        ("vm-name", "endpoints-config"), (_DNS, ("endpoints-config", "c", VALUE))
    ),
    ("vm", "endpoint", "delete"): _Spec(("vm-name", "endpoint-name"), (_DNS,)),
    ("vm", "endpoint", "acl-rule", "create"): _Spec(
        ("vm-name", "endpoint-name", "order", "action", "remote-subnet"), _ACL_RULE
    ),
    ("vm", "endpoint", "acl-rule", "delete"): _Spec(
        ("vm-name", "endpoint-name", "order"),
        (_DNS, ("vm-name", "n", VALUE), ("endpoint-name", "e", VALUE), ("order", "o", VALUE), _QUIET),
    ),
    ("vm", "extension", "set"): _Spec(("vm-name", "extension-name", "publisher-name", "version"), _EXTENSION),
    ("vm", "static-ip", "set"): _Spec(("vm-name", "ip-address"), (_DNS,)),
    ("vm", "static-ip", "remove"): _Spec(("vm-name",), (_DNS,)),
    # `vm disk detach <vm> <lun>` takes a data disk off the VM by its LUN (vm._js), as Remove-AzureDataDisk.
    ("vm", "disk", "detach"): _Spec(("vm-name", "lun"), (_DNS,)),
    # `vm set <vm> -B true|false` turns boot diagnostics on or off (AUTOMATION.md §4).
    ("vm", "set"): _Spec(
        ("vm-name",),
        (
            _DNS,
            ("boot-diagnostics", "B", VALUE),
            ("enable-boot-diagnostics", "", FLAG),
            ("disable-boot-diagnostics", "", FLAG),
            ("vm-size", "z", VALUE),
        ),
    ),
    ("service", "create"): _Spec(("serviceName",), _SERVICE),
    ("account", "affinity-group", "create"): _Spec(
        ("name",), (("location", "l", VALUE), ("label", "e", VALUE), ("description", "d", VALUE))
    ),
    ("service", "delete"): _Spec(("serviceName",), (("serviceName", "", VALUE), _QUIET)),
    ("storage", "account", "create"): _Spec(("name",), _STORAGE),
    ("storage", "account", "delete"): _Spec(("name",), (_QUIET,)),
    ("network", "reserved-ip", "create"): _Spec(("name", "location"), (("label", "e", VALUE),)),
    ("network", "reserved-ip", "delete"): _Spec(("name",), (_QUIET,)),
    # The reserved IP, the cloud service and its deployment (the Azure docs: "azure network reserved-ip
    # associate <name> <service-name> <deployment-name>").
    ("network", "reserved-ip", "associate"): _Spec(("name", "service-name", "deployment-name"), ()),
    ("network", "reserved-ip", "disassociate"): _Spec(("name", "service-name", "deployment-name"), (_QUIET,)),
    ("network", "import"): _Spec(("file-path",), ()),
    ("network", "vnet", "create"): _Spec(("vnet",), _VNET),
    ("network", "vnet", "delete"): _Spec(("vnet",), (("vnet", "", VALUE), _QUIET)),
    ("network", "vnet", "subnet", "create"): _Spec(
        ("vnet-name", "name"),
        (
            ("vnet-name", "t", VALUE),
            ("name", "n", VALUE),
            ("address-prefix", "a", VALUE),
            ("network-security-group-name", "o", VALUE),
        ),
    ),
    # `subnet set` changes the prefix of the subnet of that name, never its name; `subnet delete` names the
    # network by `-e`.
    ("network", "vnet", "subnet", "set"): _Spec(
        ("vnet-name", "name"),
        (("vnet-name", "t", VALUE), ("name", "n", VALUE), ("address-prefix", "a", VALUE)),
    ),
    ("network", "vnet", "subnet", "delete"): _Spec(
        ("vnet-name", "name"), (("vnet-name", "e", VALUE), ("name", "n", VALUE), _QUIET)
    ),
    **NETWORK_RESOURCES,
    **DISKS_AND_IMAGES,
    **INTERNAL_LOAD_BALANCERS,
    ("network", "vpn-gateway", "create"): _Spec(
        ("vnet-name",), (("vnet-name", "n", VALUE), ("type", "t", VALUE), ("sku", "k", VALUE))
    ),
    ("network", "vpn-gateway", "delete"): _Spec(("vnet-name",), (("vnet-name", "n", VALUE), _QUIET)),
    ("network", "vpn-gateway", "shared-key", "set"): _Spec(
        ("vnet-name", "key-value"),
        (("vnet-name", "n", VALUE), ("site-name", "t", VALUE), ("key-value", "k", VALUE)),
    ),
    ("network", "vpn-gateway", "shared-key", "reset"): _Spec(
        ("vnet-name", "key-length"),
        (("vnet-name", "n", VALUE), ("site-name", "t", VALUE), ("key-length", "l", VALUE)),
    ),
    ("config", "mode"): _Spec(("mode",), ()),
    ("account", "set"): _Spec(("subscriptionNameOrId",), ()),
    # `azure login -e AzureChinaCloud` signs in to that cloud (the CLI's login options, 0.10).
    ("login",): _Spec(
        (),
        (
            ("environment", "e", VALUE),
            ("username", "u", VALUE),
            ("password", "p", VALUE),
            ("service-principal", "", FLAG),
            ("tenant", "", VALUE),
            ("certificate-file", "", VALUE),
            ("thumbprint", "", VALUE),
            _QUIET,
        ),
    ),
}

# The command groups whose commands manage classic resources through the Service Management API: a script
# that runs any of them is a classic script. Storage data commands (`storage blob upload`) and the
# CLI's own settings are not: they work the same once everything is migrated. Of the `account` group, only
# affinity groups are classic resources (Resource Manager has none); the rest is the CLI's session.
CLASSIC_GROUPS = frozenset({"vm", "service", "network"})
_CLASSIC_PAIRS = frozenset({("storage", "account"), ("account", "affinity-group")})

# The groups of the migration steps (`azure <group> <step>-migration`) and the scope each moves.
MIGRATION: dict[tuple[str, ...], str] = {
    ("service", "deployment"): "cloud-service",
    ("network", "vnet"): "virtual-network",
    ("storage", "account"): "storage-account",
    ("network", "reserved-ip"): "reserved-ip",
    ("network", "nsg"): "network-security-group",
    ("network", "route-table"): "route-table",
}
STEPS = ("validate", "prepare", "commit", "abort")
# The steps a group does not have: the CLI's storage account commands are prepare-, commit- and
# abort-migration (its prepare validates the account first), as the CLI's migration walkthrough and its
# `storage account` commands list them. The CLI refuses the command, and nothing is validated.
_NO_SUCH_STEP: dict[tuple[tuple[str, ...], str], tuple[str, str]] = {
    (("storage", "account"), "validate"): (
        "the classic CLI has no `storage account validate-migration` (its storage account commands are "
        "prepare-, commit- and abort-migration), so it refuses the command and validates nothing",
        "Remove this command: `azure storage account prepare-migration` validates the account before it "
        "prepares it (PowerShell's `Move-AzureStorageAccount -Validate` or a POST to "
        "`.../storageservices/<account>/migration?comp=validate` validates it on its own).",
    )
}

# The `--type` of `storage account create`, as the CLI takes it, and the account type it creates.
_STORAGE_TYPES = {
    "lrs": "Standard_LRS",
    "zrs": "Standard_ZRS",
    "grs": "Standard_GRS",
    "ragrs": "Standard_RAGRS",
    "plrs": "Premium_LRS",
}

# The VM facts a change to a VM that exists leaves as they were: it adds to lists, never states them whole.
_CHANGE_UNKNOWN = frozenset({"availability_set", "endpoints", "subnets", "extensions", "public_ips"})
# What `vm create-from` leaves to its role file: every fact of the VM.
_ROLE_FILE_UNKNOWN = frozenset(VM_FACTS)


def _stated_path(word: Word | None) -> str:
    """The path of a file the command names as the script states it, without case; "" when it does not."""
    return word.text.replace("\\", "/").casefold() if word is not None and word.text else ""


def _file_name(word: Word | None) -> str:
    """The name (the path's last part) of a file the command names, "" when the script does not state it."""
    return posixpath.basename(word.text.replace("\\", "/")) if word is not None and word.text else ""


@dataclass
class Parsed:
    """A command's words bound as the CLI binds them."""

    path: tuple[str, ...]
    at: Mark  # where the command is written
    positionals: list[Word]
    options: dict[str, Word | bool]  # by long name: the value, or True for a flag given
    flags: dict[str, Mark] = field(default_factory=dict)  # where each option given with no value is written
    # Given an option the classic command does not have (`--image-urn`): commander refuses an option a
    # command does not declare, so it is not this command; one that names a resource group
    # (`--resource-group`, a `-g` the classic form lacks) is the Resource Manager form of the command.
    foreign: bool = False
    resource_manager: bool = False
    refused_at: Mark | None = None  # where the first option the classic command does not declare is written
    refused: str = ""  # that option as written (`--vnet-name`, `-I`)
    # Whether the refused option is one the command declares, which takes a value, written last with none
    # (`missing_value`), not one it does not declare.
    refused_for_no_value: bool = False
    surplus_at: Mark | None = None  # where the first positional word past those the command takes is written
    # Where the first words the script does not state (`Word.spread`) are: any option not given before may
    # be given there, and they take no positional argument's place, as the stated words after them do.
    unstated_words: Mark | None = None

    def value(self, name: str, position: int | None = None) -> Word | None:
        """The option `name`'s value, else the positional argument at `position`; a `<dns-name>` as the CLI
        takes it (`_dns_prefix`)."""
        given = self.options.get(name)
        if not isinstance(given, Word):
            given = (
                self.positionals[position]
                if position is not None and position < len(self.positionals)
                else None
            )
        if given is not None and given.text is not None and ('"' in given.text or "'" in given.text):
            # A quote in the value (`\"West US\"` split by bash, `'svc1'` of a `$cmd` split as bash splits
            # it): a quoting slip, never a name the CLI takes (names hold none), so a value not stated.
            return Word(None, given.mark)
        return _dns_prefix(given) if name == "dns-name" and given is not None else given

    def flag(self, name: str) -> bool:
        return name in self.options

    def value_at(self, name: str, position: int | None = None) -> Mark:
        """Where a finding about what the option `name` (else the positional argument at `position`)
        states points: at its value, where the command gives one; at the option itself where it is a flag
        (`--enable-boot-diagnostics`); else at the command."""
        given = self.value(name, position)
        return given.mark if given is not None else self.flags.get(name, self.at)


def _dns_prefix(word: Word) -> Word:
    """The cloud service a `<dns-name>` (or `-d`) names: the CLI keeps what follows the last `://` up to
    the first dot (utils.getDnsPrefix), so `svc.cloudapp.net` and `http://svc.cloudapp.net` are `svc`."""
    text = word.text
    if not text:
        return word
    host = text.rsplit("://", 1)[-1]
    prefix = host.split(".", 1)[0]
    if prefix == text:
        return word
    return replace(word, text=prefix, mark=word.at(len(text) - len(host)), shape=None, holes=(), text_at=None)


# The options of `vm set` that turn boot diagnostics on or off, in the order the CLI reads them.
_BOOT_OPTIONS = ("enable-boot-diagnostics", "disable-boot-diagnostics", "boot-diagnostics")


def _boot_diagnostics(parsed: Parsed) -> bool | None:
    """What `vm set` makes of the VM's boot diagnostics: on, off, or None (not stated, or not changed)."""
    if parsed.flag("enable-boot-diagnostics"):
        return True
    if parsed.flag("disable-boot-diagnostics"):
        return False
    given = parsed.value("boot-diagnostics")
    text = given.text.casefold() if given is not None and given.text else ""
    return {"true": True, "false": False}.get(text)


def command_path(words: Sequence[Word]) -> tuple[tuple[str, ...], int]:
    """The longest command path of `COMMANDS` (or migration step) the words start with, and how many words
    it takes; ((), 0) for none. Names are matched as written: the CLI's parser (commander) refuses
    `azure VM create` ("'VM' is not an azure command")."""
    said = [w.text if w.text is not None else "" for w in words[:5]]
    for length in (5, 4, 3, 2, 1):
        if tuple(said[:length]) in COMMANDS:
            return tuple(said[:length]), length
    if len(said) >= 3 and tuple(said[:2]) in MIGRATION and said[2].endswith("-migration"):
        return tuple(said[:3]), 3
    return (), 0


def parse(words: Sequence[Word], at: Mark) -> Parsed | None:
    """The command `words` (after `azure`) bound to its options and positional arguments; None for a
    command this module does not read, or one that only prints its help."""
    path, length = command_path(words)
    if not path:
        return None
    spec = COMMANDS.get(path) or _Spec(_step_positionals(path), ())
    parsed = Parsed(path, at, [], {})
    options = spec.options + _COMMON
    long_names = {name: (name, kind) for name, _, kind in options}
    short_names = {short: (name, kind) for name, short, kind in options if short}
    rest = _normalized(words[length:], long_names, short_names)
    index = 0
    while index < len(rest):
        word = rest[index]
        index += 1
        if word.spread:
            parsed.unstated_words = parsed.unstated_words or word.mark
            continue
        text = word.text if word.text is not None else _unstated_option(word)
        if text is None or not text.startswith("-") or text == "-":
            parsed.positionals.append(word)
            continue
        if text == "--":
            parsed.positionals.extend(rest[index:])
            break
        named = _named_options(word, long_names, short_names, parsed)
        for name, kind in named:
            if kind == FLAG:
                parsed.options[name], parsed.flags[name] = True, word.mark
            elif index < len(rest) and (kind == VALUE or not (rest[index].text or "x").startswith("-")):
                parsed.options[name] = rest[index]
                index += 1
            else:
                if kind == VALUE:
                    _refuse_for_no_value(parsed, word, name)
                parsed.options[name], parsed.flags[name] = True, word.mark
    taken = len(spec.positionals)
    _unbound_after_split(parsed, taken)
    # More positional words than it takes, stated up to the first surplus one (one not stated may be an
    # option, `-d svc`, or no word at all).
    if len(parsed.positionals) > taken and all(w.text is not None for w in parsed.positionals[: taken + 1]):
        parsed.surplus_at = parsed.positionals[taken].mark
    return None if parsed.flag("help") else parsed


def _unbound_after_split(parsed: Parsed, taken: int) -> None:
    """More positional words than the command takes, one of them an unquoted value the script does not
    state (`azure vm create $OPTS web img ops pass`): that value is not one word, but any number (options,
    `-l "West US"`, among them), so which place each word from it on fills is not known, and none of them
    is read as the argument its place would make it (`web` as the image). Each is a value not stated. A
    surplus a stated value makes, split where the script meant one word (`$1 $IMAGE` of `IMAGE="<your
    image>"`), tells nothing of the unstated one: it is read as one word, as bash gives it there."""
    meant = sum(1 for word in parsed.positionals if not word.split_on)
    if meant <= taken:
        return
    first = next((index for index, word in enumerate(parsed.positionals) if word.splits), None)
    if first is None:
        return
    parsed.positionals[first:] = [Word(None, word.mark) for word in parsed.positionals[first:]]


def _normalized(
    words: Sequence[Word], long_names: dict[str, tuple[str, str]], short_names: dict[str, tuple[str, str]]
) -> list[Word]:
    """The words as commander's `normalize` hands them on: short flags run together (`-eSr`) are one word
    each (`-e -S -r`), so that an option that takes a value takes the next of them (`-S` takes `-r`); a
    long option written with its value (`--name=value`, `--connect=$SVC`) is two words, the option and
    the value, whatever the option takes (a flag's is the next positional argument); a word after an
    option that takes a value (`-p -Secret1`, `-p --a=b`) is that value, whatever it looks like."""
    normalized: list[Word] = []
    for index, word in enumerate(words):
        text = word.text or ""
        previous = (words[index - 1].text or "") if index else ""
        given = long_names.get(previous[2:]) if previous.startswith("--") else short_names.get(previous[1:])
        if text == "--":
            normalized.extend(words[index:])
            break
        if given is not None and given[1] == VALUE and len(previous) > 1:
            normalized.append(word)
        elif len(text) > 2 and text[0] == "-" and text[1] != "-":
            normalized.extend(word.part(at, "-" + letter) for at, letter in enumerate(text[1:], 1))
        else:
            normalized.extend(_long_option_split(word))
    return normalized


def _long_option_split(word: Word) -> list[Word]:
    """`--name=value` as the two words commander makes of it (`--name`, `value`); any other word as it is.
    The value is held as the spaced form's word holds it (`_attached`)."""
    text = word.text if word.text is not None else _unstated_option(word)
    if text is None or not text.startswith("--"):
        return [word]
    name, equals, value = text.partition("=")
    if not equals:
        return [word]
    option = word.part(0, name) if word.text is not None else Word(name, word.mark)
    return [option, _attached(word, len(name) + 1, value)]


def _unstated_option(word: Word) -> str | None:
    """The shape of `--name=$VALUE`, a long option written whole whose value the script does not state,
    wholly or in part: an option as the spaced form (`--name $VALUE`) is, where its name is stated."""
    name, equals, _ = (word.shape or "").partition("=")
    return word.shape if name.startswith("--") and equals and HOLE not in name else None


def _attached(word: Word, start: int, value: str) -> Word:
    """The value written in an option's word from `start` on (`--name=value`): a value the script does
    not state held as the spaced form's word holds it, so that every use of one variable names one
    resource (`--virtual-network-name=$VNET` and `-w $VNET`)."""
    if word.text is not None:
        return word.part(start, value)
    if value == HOLE and len(word.holes) == 1:
        return Word(None, word.mark, holder=word.holes[0])
    return Word(None, word.mark, shape=value, holes=word.holes)


def _step_positionals(path: tuple[str, ...]) -> tuple[str, ...]:
    """A cloud service's validate- and prepare-migration also take where its VMs go, as the CLI's migration
    walkthrough writes them: `new "" "" ""`, or `existing <resource group> <subnet> <network>`."""
    if path[:2] != ("service", "deployment"):
        return ("name",)
    if path[2] in ("validate-migration", "prepare-migration"):
        return ("service-name", "deployment-name", "destination", "resource-group", "subnet", "network")
    return ("service-name", "deployment-name")


def _refuse(parsed: Parsed, at: Mark, option: str) -> None:
    """The first option the classic command does not declare is where, and as what, it is refused."""
    if parsed.refused_at is None:
        parsed.refused_at, parsed.refused = at, option


def _refuse_for_no_value(parsed: Parsed, word: Word, name: str) -> None:
    """An option that takes a value written as the command's last word, with none after it: commander
    refuses the command ("option argument missing") as it refuses an option the command does not declare,
    so it runs nothing. A value on the next line whose `\\` was lost is the likely slip."""
    parsed.foreign = True
    if parsed.refused_at is None:
        option = word.text if word.text is not None and word.text.startswith("-") else f"--{name}"
        parsed.refused_at, parsed.refused, parsed.refused_for_no_value = word.mark, option, True


def _named_options(
    word: Word,
    long_names: dict[str, tuple[str, str]],
    short_names: dict[str, tuple[str, str]],
    parsed: Parsed,
) -> list[tuple[str, str]]:
    """The options one word names: `--name`, `-x`, or short flags run together (`-Pq`) (`--name=value` is
    two words by now: `_normalized`). An option the classic command does not have that names a resource
    group marks the command as Resource Manager's."""
    text = word.text or ""
    if text.startswith("--"):
        name = text[2:]
        found = long_names.get(name)  # as written: commander refuses `--VM-Name` as an unknown option
        if found is None:
            parsed.foreign = True
            parsed.resource_manager |= name == "resource-group"
            _refuse(parsed, word.mark, "--" + name)
            return []
        return [found]
    named: list[tuple[str, str]] = []
    for letter in text[1:]:
        found = short_names.get(letter)
        if found is None:
            parsed.foreign = True
            parsed.resource_manager |= letter == "g"
            _refuse(parsed, word.mark, "-" + letter)
            continue
        named.append(found)
    return named


# --- what the commands describe ----------------------------------------------------------------------


@dataclass
class _Vm:
    """A VM as the script's commands describe it so far."""

    name: str
    mark: Mark
    existing: bool  # a change to a VM the script does not create
    size: str = ""
    availability_set: str = ""
    availability_set_mark: Mark | None = None
    subnets: list[NameRef] = field(default_factory=list)
    primary_subnets: tuple[NameRef, ...] = ()
    interfaces: list[tuple[str, tuple[NameRef, ...], NameRef | None]] = field(default_factory=list)
    static_ips: list[NameRef] = field(default_factory=list)
    public_ips: list[NameRef] = field(default_factory=list)
    subnet_of_address: NameRef | None = None  # as `Role.subnet_of_address`
    endpoints: dict[str, InputEndpoint] = field(default_factory=dict)
    # By endpoint: its name as first written, where the first rule is added, the rules, whether they are all.
    acl_rules: dict[str, tuple[str, Mark, list[AclRule], bool]] = field(default_factory=dict)
    extensions: list[Extension] = field(default_factory=list)
    disks: list[Disk] = field(default_factory=list)
    boot_diagnostics: bool | None = None
    boot_diagnostics_mark: Mark | None = None
    boot_diagnostics_default: str = ""
    removed_endpoints: list[str] = field(default_factory=list)
    removed_acl_rules: list[tuple[str, str]] = field(default_factory=list)
    removed_luns: list[str] = field(default_factory=list)
    deleted: bool = False
    unknown: set[str] = field(default_factory=set)
    # The branches of the script's choices it is created on (see `Reading.branches`), and the same VM as
    # created on branches apart from them, each of which never runs with this one (`if … else`).
    branches: tuple[tuple[str, int], ...] = ()
    other_paths: list[_Vm] = field(default_factory=list)
    outside_network_at: Mark | None = None  # where its path creates it with no virtual network named
    names_network: bool = False  # whether its path names a virtual network (`-w`) for its deployment
    # Where its path creates it in a network named by a value that may be empty (`-w "${VNET:-}"`): in that
    # network, or in none.
    maybe_outside_at: Mark | None = None
    network_unset: str = ""  # the variable assigned nowhere that network is (`Word.unset`), else ""
    # Where its path names its subnets by a value that may be empty (`-b "${SUBNET:-}"`): those, or none.
    subnets_maybe_none_at: Mark | None = None
    subnets_unset: str = ""  # the variable assigned nowhere those subnets are (`Word.unset`), else ""
    looped_over: str = ""  # the list of a loop it is created in each round of (see `Role.looped_over`)
    # The part of the script it is surely created in, past how many stops it may take (`Reading.stops`);
    # None where its creation may not run there (a branch, a loop).
    surely_past: int | None = None
    # The part of the script it is created in (see `Reading.may_not_run`): a command later in the same part
    # runs whenever its creation did (see `_with_its_creation`).
    part: tuple[int, ...] = ()
    role_file: str = ""  # the name of the role file `vm create-from` creates it from (`Role.imported_from`)
    security_group: NameRef | None = None  # the group set on the VM itself (`Role.security_group`)
    unplaced_disk: UnplacedDisk | None = None  # see `Role.unplaced_disk`

    def joined_role(self, in_network: bool, named: list[_Vm]) -> Role:
        """The VM whichever path creates it (see `model.joined_paths`); a path that names no virtual
        network for a deployment another path puts in one leaves it maybe in none. `named`: the paths
        that name the deployment's network, of any of its VMs."""
        paths = [*self.other_paths, self]
        outside = next((v.outside_network_at for v in paths if v.outside_network_at is not None), None)
        if len(paths) == 1 or not in_network or outside is None:
            joined = functools.reduce(joined_paths, _path_roles(paths, named))
            maybe = next((v for v in paths if v.maybe_outside_at is not None), None)
            if not in_network or maybe is None or maybe.maybe_outside_at is None:
                return joined
            return absent_on_some_path(joined, "virtual_network", maybe.maybe_outside_at, maybe.network_unset)
        roles = [
            in_no_network(role, v.outside_network_at) if v.outside_network_at is not None else role
            for v, role in zip(paths, _path_roles(paths, named), strict=True)
        ]
        joined = without_path_in_none(functools.reduce(joined_paths, roles))
        return absent_on_some_path(joined, "virtual_network", outside)

    def role(self) -> Role:
        role = self._role()
        if self.subnets_maybe_none_at is not None and not self.existing:
            return absent_on_some_path(role, "subnets", self.subnets_maybe_none_at, self.subnets_unset)
        return role

    def _role(self) -> Role:
        endpoints = []
        for key, endpoint in self.endpoints.items():
            acl = self.acl_rules.get(key)
            endpoints.append(replace(endpoint, acl=self._acl(acl)) if acl else endpoint)
        for key, acl in self.acl_rules.items():  # the ACL of an endpoint the script does not create
            # One named by a value not stated is one of the VM's, whichever: its ACL is shown all the same.
            if key not in self.endpoints and (is_stand_in(acl[0]) or not self.states_every_endpoint()):
                endpoints.append(InputEndpoint(acl[0], "", "", "", self._acl(acl), acl[1]))
        return Role(
            self.name,
            RoleType.PERSISTENT_VM,
            self.mark,
            size=self.size,
            availability_set=self.availability_set,
            availability_set_mark=self.availability_set_mark,
            endpoints=tuple(endpoints),
            subnets=tuple(self.subnets),
            primary_subnets=self.primary_subnets,
            interfaces=tuple(self.interfaces),
            extensions=tuple(self.extensions),
            disks=tuple(self.disks),
            boot_diagnostics=self.boot_diagnostics,
            boot_diagnostics_mark=self.boot_diagnostics_mark,
            boot_diagnostics_default=self.boot_diagnostics_default,
            static_ips=tuple(self.static_ips),
            public_ips=tuple(self.public_ips),
            subnet_of_address=self.subnet_of_address if "subnets" in self.unknown else None,
            unknown=frozenset(self.unknown),
            changes_existing=self.existing,
            removed_endpoints=tuple(self.removed_endpoints),
            removed_acl_rules=tuple(self.removed_acl_rules),
            removed_luns=tuple(self.removed_luns),
            deleted=self.deleted,
            looped_over=self.looped_over,
            imported_from=self.role_file,
            unplaced_disk=self.unplaced_disk if "disks" in self.unknown else None,
            security_group=self.security_group,
        )

    def states_every_endpoint(self) -> bool:
        """Whether the script creates the VM with endpoints it all states (`-e`, `-r`, `--no-ssh-endpoint`),
        each by a name it states, not from a role file: an ACL rule on an endpoint it lacks then names
        none, and the CLI refuses it."""
        stated = not any(is_stand_in(endpoint.name) for endpoint in self.endpoints.values())
        return not self.existing and not self.role_file and "endpoints" not in self.unknown and stated

    def _acl(self, acl: tuple[str, Mark, list[AclRule], bool]) -> EndpointAcl:
        endpoint, mark, rules, complete = acl
        return EndpointAcl(self.name, endpoint, "", tuple(rules), mark, all_rules_known=complete)


def _path_roles(paths: list[_Vm], named: list[_Vm]) -> list[Role]:
    """The VM of each path that creates it, for `joined_paths`: a path that joins the deployment its
    service has (`--connect`, no `-w`) apart from every path that names a network (`if [ "$VNET" ]; then vm
    create -w "$VNET" -b s1 ...; else vm create --connect ...; fi`) joins one the script does not place
    there, so it says nothing of its subnets: those of its path in a network stand."""
    roles = [v.role() for v in paths]
    own = [v for v in paths if v.names_network]
    if not own:
        return roles
    network = roles[paths.index(own[0])]
    return [
        replace(
            role,
            subnets=network.subnets,
            unknown=(role.unknown - {"subnets"}) | (network.unknown & {"subnets"}),
        )
        if _joins_apart(v, named)
        else role
        for v, role in zip(paths, roles, strict=True)
    ]


def _joins_apart(path: _Vm, named: list[_Vm]) -> bool:
    """Whether `path` adds its VM to a deployment the service has already, naming no network, on branches
    apart from every path in `named`."""
    joins = not path.names_network and path.outside_network_at is None and not path.existing
    return joins and not path.subnets and all(apart(path.branches, other.branches) for other in named)


class _VmHolders:
    """The script's deployments that were given a VM of a name, so that a command naming a VM without its
    service (no `-d`) finds the service as the CLI's own lookup would, the latest of `Reading.deployments`
    that holds the VM, without looking through every deployment: by the VM's name, and by the
    subscription the deployment was made in with the name. Each is a heap, latest place first; a
    deployment that no longer holds the VM (deleted, or the VM deleted) is dropped from it when it comes to
    the top, and one given the VM again is added again, so every lookup costs as many drops as adds."""

    def __init__(self) -> None:
        self.heaps: dict[object, list[tuple[int, int, _Deployment]]] = {}
        self.placed = 0  # the deployments that took a new place in `Reading.deployments` so far
        self.added = 0

    def add(self, deployment: _Deployment, name: str) -> None:
        self.added += 1  # breaks ties of one place: the deployment made in place of a deleted one
        entry = (-deployment.position, self.added, deployment)
        heapq.heappush(self.heaps.setdefault(name, []), entry)
        heapq.heappush(self.heaps.setdefault((deployment.working_in, name), []), entry)

    def latest(self, key: object, holds: Callable[[_Deployment], bool]) -> _Deployment | None:
        """The deployment latest in place under `key` that still `holds` the VM."""
        heap = self.heaps.get(key, [])
        while heap and not holds(heap[0][2]):
            heapq.heappop(heap)
        return heap[0][2] if heap else None


@dataclass
class _Deployment:
    service: str
    mark: Mark
    existing: bool
    virtual_network: NameRef | None = None
    network_known: bool = True
    reserved_ip: NameRef | None = None
    reserved_ip_known: bool = True
    vms: dict[str, _Vm] = field(default_factory=dict)
    deleted: bool = False
    by_vm_name: bool = False  # of a VM the commands name without its service (see `Reading._changed_vm`)
    # Whether a `vm create` the script surely runs created it: its network is then fixed (the platform
    # refuses a VM of another network in it), and a later `vm create` of the service adds a VM to it.
    created: bool = False
    # Whether a `vm create --connect` may have added its VM to the deployment the service has already.
    joins: bool = False
    # The variable assigned nowhere that alone gives the place of the `vm create` that made it in no virtual
    # network (`--location "$LOCATION"`, see `_placed_by_session`), else "".
    placed_unset: str = ""
    # The list of a loop whose item names the service, one per turn (see `Deployment.service_looped_over`).
    looped_over: str = ""
    read_once_in: str = ""  # see `Reading.read_once_in`
    selected_in: str = ""  # see `Deployment.selected_in`
    # The name a command states for a deployment that exists (`reserved-ip associate <ip> <svc> <name>`);
    # "" where none does: the CLI names a deployment it creates after its service.
    name: str = ""
    # The reserved IPs `reserved-ip associate` calls that may not run give it, each with False (none takes
    # one off): its VIP may be one of them (see `model.with_maybe_vips`).
    maybe_reserved: list[tuple[NameRef, bool]] = field(default_factory=list)
    # Its internal load balancers (`service internal-load-balancer add`), by name without case.
    balancers: dict[str, InternalLoadBalancer] = field(default_factory=dict)
    # Its place among `Reading.deployments` (a later one's is greater) and the subscription the CLI worked
    # in when it was made (`Reading.working_in`): see `_VmHolders`.
    position: int = 0
    working_in: str = ""

    def _outside_on_some_path(self) -> bool:
        """Whether a path creates one of its VMs with no virtual network named (see `_Vm.joined_role`), or
        every path that names one names it by a variable the script assigns nowhere, none unless the session
        sets it (one a test proved set, `if [ -n "$VNET" ]`, is the network whatever the session sets)."""
        paths = [path for vm in self.vms.values() for path in (vm, *vm.other_paths)]
        if any(path.outside_network_at is not None for path in paths):
            return True
        named = [path for path in paths if path.names_network]
        return bool(named) and all(path.network_unset for path in named)

    def _naming_its_network(self) -> list[_Vm]:
        """The paths that create one of its VMs naming a virtual network for it (`-w`)."""
        return [path for vm in self.vms.values() for path in (vm, *vm.other_paths) if path.names_network]

    def _apart_from_its_network(self, vm: _Vm, named: list[_Vm]) -> bool:
        """Whether every path that creates `vm` names no virtual network and is on branches apart from every
        path that names the deployment's (`if [ "$VNET" ]; then vm create -w "$VNET" web; else vm create
        --connect svc db; fi`): the VM is never created in a run that puts the deployment in that network
        (see `Role.made_in_none`)."""
        if self.virtual_network is None or vm.existing:
            return False
        paths = (vm, *vm.other_paths)
        return not any(path.names_network for path in paths) and all(
            apart(path.branches, other.branches) for path in paths for other in named
        )

    def _role_of(self, vm: _Vm, named: list[_Vm]) -> Role:
        """`vm`'s role in the deployment; `named`: the paths that name its network (`_naming_its_network`),
        found once for all its VMs."""
        role = vm.joined_role(self.virtual_network is not None, named)
        return replace(role, made_in_none=True) if self._apart_from_its_network(vm, named) else role

    def reserving(self) -> _Reserving:
        """The deployment as `model.with_maybe_vips` reads the PowerShell and Python readers' drafts."""
        unknown = not self.reserved_ip_known
        return _Reserving(
            self.service, self.name or self.service, self.reserved_ip, unknown, self.maybe_reserved
        )

    def deployment(self) -> Deployment:
        vnet, known = self.virtual_network, self.network_known
        if vnet is not None and is_stand_in(vnet.name) and self._outside_on_some_path():
            # A network it does not name on one path and none on another: whether it is in any is not known.
            vnet, known = None, False
        named = self._naming_its_network()
        roles = tuple(self._role_of(vm, named) for vm in self.vms.values())
        if vnet is None and known and self.placed_unset:
            roles = tuple(left_to_session(role, "placed", self.placed_unset) for role in roles)
        return Deployment(
            self.service,
            self.name or self.service,
            "" if self.existing else "Production",
            roles,
            (),
            vnet,
            self.reserved_ip,
            self.mark,
            network_known=known,
            reserved_ip_known=self.reserved_ip_known,
            deleted=self.deleted,
            service_by_vm_name=self.by_vm_name,
            # One the script changes (`-d`) or may join holds VMs it may not describe.
            partly_described=self.existing or self.joins,
            # The CLI names a deployment it creates after its service; one that exists may be named otherwise.
            name_assumed=(self.existing or self.joins) and not self.name,
            read_once_in=self.read_once_in,
            service_looped_over=self.looped_over,
            selected_in=self.selected_in,
            internal_load_balancers=tuple(self.balancers.values()),
        )


@record
class _Reserving:
    """A deployment's reserved IPs, as `model.ReservingDraft` has them."""

    service: str
    name: str
    reserved_ip: NameRef | None
    reserved_ip_unknown: bool
    maybe_reserved: Sequence[tuple[NameRef, bool]]


@record
class Upload:
    """`network import <file>`: the network configuration file it uploads (None: not stated)."""

    call: ClassicCall
    file: Word | None


@record
class Meaning:
    """What one command is, for the reader that hands it here: a classic call (None for none), the
    migration step it runs, the network configuration it uploads, the mode it sets."""

    call: ClassicCall | None = None
    step: MigrationStep | None = None
    upload: Upload | None = None
    mode: str = ""


NOTHING = Meaning()


def _from_environment(holder: str) -> bool:
    """Whether a value the script does not state is read from a variable nothing in the script sets (see
    `Word.holder`: `$RIP`), not a parameter of the script (`$1`) nor a variable it sets."""
    return holder.startswith("$") and not holder[1:].isdigit()


class Reading:
    """The classic CLI's commands of one script, handed over in the order they run; `resources()` is what
    they describe. `maybe` is set while the commands handed over may not run (a branch, a loop), `never`
    while they cannot (`if false`, an Ansible task `when: false`)."""

    def __init__(self, path: str, arm: bool = False) -> None:
        self.path = path
        self.file = posixpath.basename(path)
        # The stand-ins given to values the script does not state, by what holds them (`Word.holder`).
        self.unstated: dict[str, str] = {}
        # How many values the stand-ins name at each place, so that two (a function called with "$1" then
        # "$2") are two (see `model.another_turn`).
        self.stand_in_turns: dict[str, int] = {}
        self.arm = arm  # Resource Manager mode: from the start, when `arm_from_start` says so
        self.maybe = False
        self.never = False
        # How many stops the script may take before the commands handed over (`[ "$1" = --keep ] && exit
        # 0`), and whether they surely run once past the last of them: `maybe` only for those stops.
        self.stops = 0
        self.sure_past_stops = False
        # While the commands handed over are in the body of a loop over a list the script does not write
        # out, that list as written (`$LIST`), or what else its turns are (see `Role.looped_over`); and what
        # holds the values each turn has its own of (its item `$x`, what the loop reads or assigns).
        self.looping_over = ""
        self.turn_holders: set[str] = set()
        # The branches of choices the commands handed over are on (a choice's name, the branch taken),
        # outermost first, as `model.Role.branches` says: two creations of one VM on branches apart are
        # two paths of one VM.
        self.branches: tuple[tuple[str, int], ...] = ()
        # Whether a command only Resource Manager mode runs came before any `config mode`: the script was
        # written for a CLI in that mode (the default since mid-2016), and is read again in it.
        self.arm_from_start = False
        self.mode_set = False
        self.deployments: dict[str, _Deployment] = {}
        self.vm_holders = _VmHolders()
        # The parts of the script that may not run the commands handed over are in, outermost first, each
        # by its number among those entered so far (see `may_not_run`): () where they surely run.
        self.part: tuple[int, ...] = ()
        self.parts = 0
        # The cloud services `service create` made, by `_service_key`, with the part of the script it ran
        # in: such a service has no deployment until a `vm create` makes one, `--connect` or not, in a
        # command that surely runs whenever that part did (in it, or in a part of it).
        self.empty_services: dict[str, tuple[int, ...]] = {}
        # Where the script places each cloud service, by `_here` of its `_service_key`: the location (or
        # "affinity group <name>") its `service create` states, else the first `vm create` that states one.
        # A `vm create` into it without either takes that place (see `_account_picked`).
        self.service_places: dict[str, str] = {}
        # Where the script first leaves a VM's OS disk to the account the CLI picks in a place (a location,
        # an affinity group), by `_here` of the place: every later such disk there is in that account, named
        # after that command even once its VM is captured and deleted (see `_first_pick`).
        self.first_picks: dict[str, Mark] = {}
        self.reserved: list[ReservedIp] = []
        self.regions: list[ServiceRegion | AffinityGroupRegion] = []
        # The subscriptions `account set` selects by an id or name the script states, by it and the place.
        self.subscriptions: dict[tuple[str, Mark], SubscriptionSelection] = {}
        # The clouds the script sends requests to and signs in to, where it names them (`CloudInUse`).
        self.clouds: dict[tuple[str, Mark], CloudInUse] = {}
        self.sign_ins = SignIns()
        # The subscription the CLI works in at the command being read, as `_here` keys the cloud services
        # (their deployments) of one: "" for the first the script selects, and before any.
        self.first_selected: str | None = None
        self.working_in = ""
        self.selected_name = ""  # that subscription as the script names it (`SubscriptionSelection.name`)
        # The subscription the Azure CLI (`az`, not this one) works in at the command being read, as
        # `az_account_set` writes it: "" where the script does not state it on every path there.
        self.az_logged_into = ""
        # By name, whatever subscription the CLI works in: a storage account's name is unique across Azure.
        self.storage: dict[str, StorageAccountType] = {}
        # Those `network vnet create` makes, by name in the subscription it works in (`_network_here`).
        self.networks: dict[str, VirtualNetwork] = {}
        # Those `network vpn-gateway create` makes, once each in each subscription the CLI works in (`_here`).
        self.gateways: dict[tuple[str, VnetGatewayFact], VnetGatewayFact] = {}
        # Those `network vnet delete` took away, by `_network_here`, until the script makes one of that name anew
        # (`VirtualNetwork.replaced`).
        self.deleted: dict[str, list[VirtualNetwork]] = {}
        # Where a deletion that surely runs took each network and reserved IP (by `_network_here`: a reserved
        # IP's name, as a network's, is unique within its subscription only) away, until the script makes one
        # of that name anew there: a command naming it then, in that subscription, fails.
        self.networks_deleted_at: dict[str, Mark] = {}
        self.reserved_deleted_at: dict[str, Mark] = {}
        self.named_after_delete: list[NamedAfterDelete] = []
        # What the REST bodies the script sends inline to the Service Management API describe (see
        # `shell_bodies`), read as body files are.
        self.sent_bodies: list[object] = []
        self.made = _Made()
        # The function of the script read once, with values it does not know, whose commands are handed
        # over now: the deployments they create are marked so (`Deployment.read_once_in`).
        self.read_once_in = ""
        # Said where written (`Script.unread`): see `REFUSED_OPTION`, `RESERVED_IP_NOT_APPLIED`.
        self.refused: list[Mark] = []
        self.not_applied_at: set[tuple[int, int]] = set()  # where RESERVED_IP_NOT_APPLIED marks are
        # The VM the latest `vm create` made, with its deployment: another tool that makes VMs as the CLI
        # does but names or configures them otherwise (Terraform's provider) changes it (`CommandLines`).
        self.last_created: tuple[_Deployment, _Vm] | None = None
        # Whether a name not stated is shown where its value is written, line and column, not at its command's
        # line: a file whose commands stand for declarations (Terraform's), each value at its own argument.
        self.stand_ins_at_values = False
        # The VM each role file `vm export` writes describes, by the file's path as stated, without case.
        self.exported: dict[str, str] = {}
        # How many commands run in the background (`cmd &`) the commands handed over now are within.
        self.backgrounded = 0
        # The deletions run in the background that no `wait` has waited for yet, in the order they ran.
        self.unwaited_deletions: list[Parsed] = []

    @contextlib.contextmanager
    def in_background(self) -> Iterator[None]:
        """Commands the shell runs in the background (`cmd &`): the script goes on without waiting for them,
        so what a deletion among them takes away may still be there when the next command runs (see
        `_describe`)."""
        self.backgrounded += 1
        try:
            yield
        finally:
            self.backgrounded -= 1

    @contextlib.contextmanager
    def may_not_run(self) -> Iterator[None]:
        """The commands handed over while in it are in a part of the script of its own that may not run
        (an arm of a choice, a loop's body, the rest after a stop), within the part they were in."""
        was = self.part
        self.parts += 1
        self.part = (*was, self.parts)
        try:
            yield
        finally:
            self.part = was

    def command(self, words: Sequence[Word], at: Mark) -> Meaning:
        """The meaning of `azure <words>` written at `at` (the command's name)."""
        if self.never:
            return self._never_run(words, at)
        if words and words[0].text is None:
            return self._unstated(at)
        parsed = parse(words, at)
        if parsed is None:
            return self._other(words, at)
        if parsed.path == ("config", "mode"):
            mode = (parsed.value("mode", 0) or Word(None, at)).text
            if mode is not None and mode.casefold() in ("arm", "asm"):
                self.arm, self.mode_set = mode.casefold() == "arm", True
                return Meaning(mode=mode.casefold())
            return NOTHING
        if parsed.path == ("account", "set"):
            self._account_set(parsed)
            return NOTHING
        if parsed.path == ("login",):
            self._login(parsed)
            return NOTHING
        if parsed.resource_manager:
            self._resource_manager_seen()
        if self.arm or parsed.foreign:
            if not self.arm and not parsed.resource_manager and parsed.refused_at is not None:
                # Said, not read: the CLI refuses an option the command does not declare, so it creates
                # nothing, though the script may well be meant to.
                tagged = missing_value if parsed.refused_for_no_value else refused_option
                tag = tagged(" ".join(parsed.path), parsed.refused)
                self.refused.append(replace(parsed.refused_at, tag=tag))
            return NOTHING
        if parsed.surplus_at is not None:  # read as the CLI binds it, the surplus said
            self.refused.append(replace(parsed.surplus_at, tag=SURPLUS_ARGUMENTS))
        return self._classic(parsed)

    def _never_run(self, words: Sequence[Word], at: Mark) -> Meaning:
        """A command in code that cannot run: still a classic call the script names, as PowerShell's in
        `if ($false)` is, but it changes, creates and steps nothing."""
        path = call_path(words)
        if self.arm or any(w.text in ("-h", "--help") for w in words) or not classic(path):
            return NOTHING
        return Meaning(ClassicCall("azure " + " ".join(path), at, runs=NEVER_RUNS))

    def _unstated(self, at: Mark) -> Meaning:
        """`azure "${args[@]}"`, `azure $cmd`: the classic CLI run with a command the script does not state
        (its first word not stated): a classic call, unless the CLI is in Resource Manager mode, whose
        command, and what it creates, changes or migrates, is a part not read (`UNSTATED_COMMAND_LINE`)."""
        if self.arm:
            return NOTHING
        self.refused.append(replace(at, tag=UNSTATED_COMMAND_LINE))
        return Meaning(ClassicCall("azure", at, runs=MAYBE_RUNS if self.maybe else ""))

    def _login(self, parsed: Parsed) -> None:
        """`azure login -e <environment>`: the script works in that cloud from here on (`CloudInUse`)."""
        named = parsed.value("environment")
        cloud = cloud_of_environment(named.text or "") if named is not None else ""
        self.sign_ins.signed_in(cloud, named.mark if named is not None else parsed.at, self.selected_name)

    def _account_set(self, parsed: Parsed) -> None:
        """`azure account set <id or name>`: the subscription the CLI works in from then on, in either mode,
        where the script states its id or name (`SubscriptionSelection`), once at each command; one it does
        not state, or leaves to fill in, is a subscription the files do not name (`UNSTATED_SUBSCRIPTION`)."""
        chosen = parsed.value("subscriptionNameOrId", 0)
        stated = (chosen.text or chosen.default or "").strip() if chosen is not None else ""
        if chosen is not None:
            guid = subscription_guid(stated)
            named = stated if stated and not is_placeholder_subscription(stated) else UNSTATED_SUBSCRIPTION
            selection = SubscriptionSelection(guid, chosen.mark, "" if guid else named)
            self.subscriptions.setdefault((selection.name, chosen.mark), selection)
            selected = selection.name.casefold()  # names in any case are one subscription
            self.selected_name = selection.name
            self.sign_ins.selected(selection.name)
            self.first_selected = selected if self.first_selected is None else self.first_selected
            self.working_in = "" if selected == self.first_selected else selected

    def az_selected(self, chosen: str) -> None:
        """`az account set` (or `az login`) selects `chosen` (see `az_account_set`): from here on, where it
        surely runs; where it may not, the one before it or this one, known only when they are one."""
        self.az_logged_into = chosen if not self.maybe or chosen == self.az_logged_into else ""

    def _here(self, key: str) -> str:
        """The key of a cloud service (its deployment) named by `key` in the subscription the CLI works in
        here: a script that selects another subscription and creates a service of the same name there
        creates another service, which the split by subscription sets apart."""
        return f"{self.working_in}\0\0{key}" if self.working_in else key

    def _works_in(self, selected_in: str) -> bool:
        """Whether a record made where the script had selected `selected_in` (`ReservedIp.selected_in`) is
        of the subscription the CLI works in here, as `_here` tells them apart."""
        selected = selected_in.casefold()
        return ("" if selected == self.first_selected else selected) == self.working_in

    def _network_here(self, name: str) -> str:
        """The key of the network of that name in the subscription the CLI works in here (`networks`,
        `deleted`): a network's name is unique within its subscription only, as a cloud service's is."""
        return self._here(name.casefold())

    def _site_here(self, name: str) -> str:
        """The key of the local network site of that name in the subscription the CLI works in here
        (`_Made.sites`): the site is an element of that subscription's network configuration, as its
        networks are."""
        return self._here(name.casefold())

    def _resource_manager_seen(self) -> None:
        self.arm_from_start |= not self.mode_set

    def _other(self, words: Sequence[Word], at: Mark) -> Meaning:
        """A command this module gives no meaning beyond being a classic call (`vm start`, `network vnet
        list`), when it manages classic resources and is not asking for its help."""
        path = call_path(words)
        helps = any(w.text in ("-h", "--help") for w in words)
        if _resource_manager_only(path) or any(_resource_group(w) for w in words):
            self._resource_manager_seen()
            return NOTHING
        if self.arm or helps or not classic(path):
            return NOTHING
        changes = self._other_changes(path, words[len(path) :])
        return Meaning(
            ClassicCall("azure " + " ".join(path), at, changes=changes, runs=MAYBE_RUNS if self.maybe else "")
        )

    def _other_changes(self, path: tuple[str, ...], rest: Sequence[Word]) -> tuple[tuple[str, str], ...]:
        """What a write command this module gives no meaning to changes (`storage account keys renew
        <name>`, `service cert create <dns-name>`, `vm restart <name> -d <service>`): the resource its
        group manages, by the name written first after the command, as the CLI's commands of those groups
        all take it (the cloud service of a VM, by `-d` or the VM's name). A command that reads (`list`,
        `show`) changes nothing; one whose name is not the first word is not known to change a named one."""
        if path[-1] not in _WRITE_VERBS:
            return ()
        first = rest[0] if rest and _positional(rest[0]) else None
        if path[:2] == ("storage", "account"):
            return _named("storage-account", first)
        if path[0] == "service":
            return _named("cloud-service", _dns_prefix(first) if first is not None else None)
        if path[0] == "vm" and (path[:2] not in _VM_STORAGE or path[-1] == "detach"):
            return self._vm_changes(first, _dns_option(rest))
        if path in _WRITE_THE_NETWORK_CONFIGURATION or path[:2] == ("network", "dns-server"):
            return (("virtual-network", EVERY_NETWORK),)
        scope = _OTHER_NETWORK_SCOPES.get(path[:2])
        return _named(scope, first) if scope is not None else ()

    def _vm_changes(self, vm: Word | None, dns: Word | None) -> tuple[tuple[str, str], ...]:
        """The cloud service a command on a VM changes: `-d`, else the one the script creates the VM in,
        else the service of the VM of that name (`SERVICE_OF_VM`)."""
        if dns is not None:
            return _named("cloud-service", _dns_prefix(dns))
        if vm is None or not vm.text:
            return ()
        named = vm.text.casefold()
        found = self.vm_holders.latest(named, lambda d: self._holds_vm(d, named))
        return (("cloud-service", found.service),) if found is not None else ((SERVICE_OF_VM, vm.text),)

    def _classic(self, parsed: Parsed) -> Meaning:
        name = "azure " + " ".join(parsed.path)
        runs = MAYBE_RUNS if self.maybe else ""
        if parsed.path[-1].endswith("-migration"):
            return self._step(parsed, name, runs)
        call = ClassicCall(name, parsed.at, changes=self._changes(parsed), runs=runs)
        if parsed.path == ("network", "import"):
            # The configuration it uploads may define again a network the script deleted: none is surely gone.
            self.networks_deleted_at.clear()
            return Meaning(call, upload=Upload(call, parsed.value("file-path", 0)))
        self._describe(parsed)  # on a branch too: whichever runs is what migrates
        return Meaning(call)

    def _step(self, parsed: Parsed, name: str, runs: str) -> Meaning:
        scope = MIGRATION[parsed.path[:2]]
        step = parsed.path[2].removesuffix("-migration")
        if step not in STEPS:
            return NOTHING
        target = parsed.value("", 0)
        stated = target is not None and target.text is not None
        group = "azure " + " ".join(parsed.path[:2])
        fails, fix = _NO_SUCH_STEP.get((parsed.path[:2], step), ("", ""))
        migration = MigrationStep(
            group,
            step,
            scope,
            target.text or "" if stated and target is not None else "",
            parsed.at,
            fails=fails,
            fails_fix=fix,
            target_mark=target.mark if stated and target is not None else None,
            runs=runs,
            unstated=(target.identity or "") if target is not None and not stated else "",
            unstated_shown=_shown_value(target) if target is not None and not stated else "",
        )
        return Meaning(ClassicCall(name, parsed.at, runs=runs), step=migration)

    def _changes(self, parsed: Parsed) -> tuple[tuple[str, str], ...]:
        """The cloud services, networks and storage accounts the command changes (`ClassicCall.changes`),
        by the names it states: for a VM it names without `-d`, the service of the VM of that name
        (`SERVICE_OF_VM`, see `_changed_vm`)."""
        path = parsed.path
        network = _NETWORK_CHANGED_BY.get(path)
        changed = _named("virtual-network", parsed.value(network, 0)) if network else ()
        if path[:2] == ("network", "import") or path in _WRITE_THE_NETWORK_CONFIGURATION:
            return (("virtual-network", EVERY_NETWORK), *changed)
        if changed:
            return changed
        if path in _SUBNET_ASSOCIATIONS:  # a subnet's group or route table: a change to its network and to it
            return _named("virtual-network", parsed.value("vnet-name", _SUBNET_ASSOCIATIONS[path])) + (
                self._group_or_table_changes(parsed, _SUBNET_ASSOCIATIONS_OF[path])
            )
        if path[:2] in _GROUPS_AND_TABLES and path in NETWORK_RESOURCES:
            return self._group_or_table_changes(parsed, NETWORK_RESOURCES[path].positionals[0])
        if path[:2] == ("storage", "account"):
            return _named("storage-account", parsed.value("name", 0))
        if path[0] == "service":
            return _named("cloud-service", parsed.value("serviceName", 0))
        if path in (("vm", "create"), ("vm", "docker", "create"), ("vm", "create-from")):
            return _named("cloud-service", parsed.value("dns-name", 0)) + _named(
                "virtual-network", parsed.value("virtual-network-name")
            )
        if (path[0] == "vm" and path not in DISKS_AND_IMAGES) or path in _ATTACH:
            service = self._service_of(parsed)
            if service:
                return (("cloud-service", service),)
            named = parsed.value("vm-name", 0) if path[-1] != "delete" else parsed.value("name", 0)
            if parsed.value("dns-name") is None and named is not None and named.text:
                return ((SERVICE_OF_VM, named.text),)
            return ()
        return ()

    def _group_or_table_changes(self, parsed: Parsed, option: str) -> tuple[tuple[str, str], ...]:
        """The security group or route table a command of its group changes (its rules, routes, subnets),
        by the argument `option` that names it: a Prepare of the group or table blocks its management
        plane too (see `ClassicCall.changes`)."""
        scope = "network-security-group" if parsed.path[1] == "nsg" else "route-table"
        position = NETWORK_RESOURCES[parsed.path].positionals.index(option)
        return _named(scope, parsed.value(option, position))

    # --- resources ---------------------------------------------------------------------------------

    def _describe(self, parsed: Parsed) -> None:
        """What a command makes, changes or deletes. A deletion run in the background is not known to be
        done by any later command: read as one that may not run, it leaves what it deletes in place, maybe
        gone, so no later command naming it is said to be refused."""
        if not self.backgrounded or parsed.path[-1] != "delete" or self.maybe:
            self._describe_command(parsed)
            return
        self.maybe = True
        try:
            self._describe_command(parsed)
        finally:
            self.maybe = False
        self.unwaited_deletions.append(parsed)

    def waited(self) -> None:
        """`wait` without operands: the shell waits for every command it runs in the background, so each
        deletion among them is done from here, as one the script runs in the foreground is. A `wait` that
        may not run, or that runs in the background itself, leaves them as they are."""
        if self.maybe or self.backgrounded:
            return
        for parsed in self.unwaited_deletions:
            self._describe_command(parsed)
        self.unwaited_deletions.clear()

    def _describe_command(self, parsed: Parsed) -> None:
        path = parsed.path
        made = _MADE_BY.get(path)
        if made is not None:
            made(self, parsed)
        elif path in (("vm", "create"), ("vm", "docker", "create")):
            self._vm_create(parsed)
        elif path == ("vm", "create-from"):
            self._vm_create_from(parsed)
        elif path == ("vm", "export"):
            self._vm_export(parsed)
        elif path == ("vm", "endpoint", "create"):
            self._endpoint(parsed)
        elif path == ("vm", "endpoint", "create-multiple"):
            self._endpoints(parsed)
        elif path == ("vm", "endpoint", "delete"):
            self._endpoint_delete(parsed)
        elif path == ("vm", "endpoint", "acl-rule", "create"):
            self._acl_rule(parsed)
        elif path == ("vm", "endpoint", "acl-rule", "delete"):
            self._acl_rule_delete(parsed)
        elif path == ("vm", "extension", "set"):
            self._extension(parsed)
        elif path == ("vm", "static-ip", "set"):
            self._static_ip(parsed)
        elif path == ("vm", "static-ip", "remove"):
            self._static_ip_remove(parsed)
        elif path == ("vm", "disk", "detach"):
            self._detach(parsed)
        elif path == ("vm", "set"):
            self._vm_set(parsed)
        elif path == ("vm", "delete"):
            self._vm_delete(parsed)
        elif path == ("service", "create"):
            self._service_create(parsed)
        elif path == ("account", "affinity-group", "create"):
            self._affinity_group_create(parsed)
        elif path == ("service", "delete"):
            self._service_delete(parsed)
        elif path == ("storage", "account", "create"):
            self._storage_account(parsed)
        elif path == ("storage", "account", "delete"):
            self._storage_account_delete(parsed)
        elif path == ("network", "reserved-ip", "create"):
            self._reserved_ip(parsed)
        elif path == ("network", "reserved-ip", "delete"):
            self._reserved_ip_delete(parsed)
        elif path == ("network", "reserved-ip", "associate"):
            self._reserved_ip_associate(parsed)
        elif path == ("network", "reserved-ip", "disassociate"):
            self._reserved_ip_disassociate(parsed)
        elif path == ("network", "vnet", "create"):
            self._vnet_create(parsed)
        elif path == ("network", "vnet", "subnet", "create"):
            self._subnet_create(parsed)
        elif path == ("network", "vnet", "subnet", "set"):
            self._subnet_set(parsed)
        elif path == ("network", "vnet", "subnet", "delete"):
            self._subnet_delete(parsed)
        elif path == ("network", "vnet", "delete"):
            self._vnet_delete(parsed)
        elif path == ("network", "vpn-gateway", "create"):
            self._gateway_create(parsed)
        elif path == ("network", "vpn-gateway", "delete"):
            self._gateway_delete(parsed)

    def _stand_in(self, what: str, mark: Mark) -> str:
        """The name shown for one the script does not state: what it names and where it is passed, by the
        file's name as every stand-in gives it (`model.network_stand_in`): the same from any working
        directory, and the file's own (`estate.join_key`), so two scripts of one name in two folders
        describe two services. The file is the one the value is passed in: a script file another runs
        (`bash create.sh web1`) names its own by its own name, not by the name of the one that runs it."""
        return f"<{what}, {self._file_of(mark)}:{mark.line}>"

    def _file_of(self, mark: Mark) -> str:
        return posixpath.basename(mark.path) if mark.path else self.file

    def _held(self, what: str, word: Word | None, at: Mark) -> str:
        """A name the script states, else the stand-in of the value that holds it: one for every command
        given the same variable (`$svc` twice is one service), else one where it is passed."""
        if word is not None and word.text:
            return word.text
        stand_in = self._stand_in(what, at)
        if word is not None and (self.stand_ins_at_values or word.named_at is not None):
            place = word.stand_in_mark
            stand_in = f"<{what}, {posixpath.basename(place.path)}:{place.line}:{place.column}>"
        if word is None or word.identity is None:
            return stand_in
        held = self._unstated_once(f"{what}\0{word.identity}", stand_in)
        shaped = _shape_identity(word)
        if shaped is not None:  # `$m` of `m="etcd$i"` names what `--vm-name=$m` does (`_held_before`)
            self.unstated.setdefault(f"{what}\0{shaped}", held)
        return held

    def _held_as_one(self, whats: tuple[str, ...], what: str, word: Word | None, at: Mark) -> str:
        """A name the script states, else one stand-in for the value `word` holds where it names several
        things (`whats`: a VM that takes its cloud service's DNS name): the one an earlier command gave it
        as any of them, else a stand-in of its own that says `what` it is (`<DNS name, x.sh:2>`), which
        later commands that name any of them by that value find (`_held_before`)."""
        if word is None or word.text:
            return self._held(what, word, at)
        earlier = next(
            (found for found in map(lambda named: self._held_before(named, word), whats) if found), ""
        )
        held = earlier or self._held(what, word, at)
        for identity in (word.identity, _shape_identity(word)):
            for named in whats if identity is not None else ():
                self.unstated.setdefault(f"{named}\0{identity}", held)
        return held

    def _looped_over(self, name: Word | None) -> str:
        """The list of the loop over items the script does not write out that the commands are in, when
        `name` is a value the script does not state that each turn has its own of (the loop's item, what
        it reads, `"$x-web"` built from them): each turn names a VM (or cloud service) of its own (see
        `Role.looped_over`). "" otherwise."""
        if name is None or name.text is not None or not self.looping_over:
            return ""
        each_turn = self.turn_holders.intersection(map(_unstyled, (name.holder, *name.holes)))
        return self.looping_over if each_turn else ""

    def _unstated_once(self, key: str, stand_in: str) -> str:
        """The stand-in of the value `key` tells (what holds it): the one it was given, else `stand_in`,
        numbered for its turn where another value was named there before (see `model.another_turn`)."""
        found = self.unstated.get(key)
        if found is None:
            found = self.unstated[key] = another_turn(stand_in, self.stand_in_turns)
        return found

    def _vm_create(self, parsed: Parsed) -> None:
        dns = parsed.value("dns-name", 0)
        uses = f"azure vm create {_text(dns) or '<service>'}"
        if self._refused_after_delete(parsed, uses) or self._address_in_no_subnet(parsed, uses):
            return
        named = parsed.value("vm-name")
        if named is None:  # the VM takes the service's DNS name: one value, shown as one
            service = vm_name = self._held_as_one(
                ("cloud service name", "VM name"), "DNS name", dns, parsed.at
            )
        else:
            service = self._held("cloud service name", dns, parsed.at)
            vm_name = self._held("VM name", named, parsed.at)
        deployment = self._deployment(service, parsed.at, existing=False)
        deployment.looped_over = deployment.looped_over or self._looped_over(dns)
        vm = self._new_vm(vm_name, parsed.at)
        vm.looped_over = self._looped_over(named if named is not None else dns)
        reserved = parsed.value("reserved-ip")
        if deployment.created and reserved is not None:  # a VM added to it: see `RESERVED_IP_NOT_APPLIED`
            place = (reserved.mark.line, reserved.mark.column)
            if not _same_reserved_ip(deployment.reserved_ip, reserved) and place not in self.not_applied_at:
                self.not_applied_at.add(place)  # a loop read turn by turn says it once
                self.refused.append(replace(reserved.mark, tag=RESERVED_IP_NOT_APPLIED))
        else:
            self._reserved(deployment, reserved)
        self._place(deployment, vm, parsed)
        vm.size = _text(parsed.value("vm-size"))
        self._availability_set(vm, parsed.value("availability-set"))
        self._subnets(vm, parsed.value("subnet-names"))
        self._static_ip_subnet(vm, parsed)
        self._nics(vm, parsed.value("nic-config"))
        for option, ips in (("static-ip", vm.static_ips), ("public-ip", vm.public_ips)):
            self._named_ip(vm, option, ips, parsed.value(option))
        self._create_endpoints(vm, parsed)
        if parsed.flag("disable-boot-diagnostics"):
            vm.boot_diagnostics, vm.boot_diagnostics_mark = False, parsed.value_at("disable-boot-diagnostics")
        else:  # the CLI turns it on unless told not to (AUTOMATION.md §4)
            vm.boot_diagnostics_default, vm.boot_diagnostics_mark = "azure vm create", parsed.at
        self._os_disk(vm, parsed.value("blob-url"), parsed, service)
        self._vm_service_region(service, dns, parsed)
        self._service_placed(dns, parsed, made=False)
        self._other_paths(vm, deployment.vms.get(vm_name.casefold()))
        self._hold(deployment, vm_name.casefold(), vm)
        self.last_created = (deployment, vm)

    def _place(self, deployment: _Deployment, vm: _Vm, parsed: Parsed) -> None:
        """The network of the deployment `vm create` or `vm create-from` adds `vm` to: `-w`'s, or none;
        `-c` adds the VM to the deployment the service has already, if any (AUTOMATION.md §4): without `-w`,
        in the network that one was created in, which the command does not say. Without `-w` but with words
        the script does not state (`Parsed.unstated_words`), which may give it, the network is not known."""
        vnet = parsed.value("virtual-network-name")
        connects = parsed.flag("connect") and not self._in_own_service(parsed)
        joins = vnet is None and (connects or parsed.unstated_words is not None)
        vm.outside_network_at = parsed.at if vnet is None and not joins else None
        vm.names_network = vnet is not None
        vm.maybe_outside_at = (
            parsed.at if vnet is not None and vnet.text is None and vnet.maybe_empty else None
        )
        vm.network_unset = vnet.unset if vm.maybe_outside_at is not None and vnet is not None else ""
        if not deployment.created:  # a deployment's network is fixed when it is created
            self._network(deployment, vnet)
            deployment.placed_unset = _placed_by_session(parsed) if vm.outside_network_at is not None else ""
            deployment.network_known &= not joins
            deployment.joins |= connects
        deployment.created |= not self.maybe

    def _in_own_service(self, parsed: Parsed) -> bool:
        """Whether a `vm create` puts its VM in a cloud service the script made empty (`service create`)
        whenever the command runs: the first such command (`--connect` or not) makes its deployment, in the
        network it names, and the others add to that one, so none joins a deployment that was there before
        (see `empty_services`)."""
        key = _service_key(parsed.value("dns-name", 0))
        made_in = self.empty_services.get(self._here(key)) if key is not None else None
        return made_in is not None and self.part[: len(made_in)] == made_in

    def _vm_create_from(self, parsed: Parsed) -> None:
        """`azure vm create-from <dns-name> <role-file>`: the VM a role file describes (the JSON `azure vm
        export` writes: `RoleName`, `ConfigurationSets`, ...), created in cloud service <dns-name>, in
        network `-w`, or in none (a create-from has no reserved IP option). What the file says of the VM
        the command does not: the VM is named by a stand-in and its subnets, endpoints, size and disks are
        unknown, unless the file is checked, which the linker then takes to describe it (see
        `Role.imported_from`), as it does an Export-AzureVM file a PowerShell script imports."""
        dns = parsed.value("dns-name", 0)
        service = self._held("cloud service name", dns, parsed.at)
        deployment = self._deployment(service, parsed.at, existing=False)
        deployment.looped_over = deployment.looped_over or self._looped_over(dns)
        role_file = parsed.value("role-file", 1)
        exported = self.exported.get(_stated_path(role_file))
        name = exported or self._stand_in("VM name", parsed.at)
        vm = self._new_vm(name, parsed.at)
        vm.unknown = set(_ROLE_FILE_UNKNOWN)
        vm.role_file = _file_name(role_file)
        # One VM per turn when each turn names a role file of its own (`for f in exports/*.json`).
        vm.looped_over = self._looped_over(role_file)
        self._place(deployment, vm, parsed)
        self._vm_service_region(service, dns, parsed)
        self._hold(deployment, name.casefold(), vm)

    def _vm_service_region(self, service: str, dns: Word | None, parsed: Parsed) -> None:
        """The region a `vm create`'s --location (or --affinity-group) gives cloud service `service`, kept only for a service no
        command placed before it: the CLI sets the location aside for a service that exists (see
        `_service_placed`), so that a script's `service create --location` (or the VM made first) says
        where the service is."""
        key = _service_key(dns)
        if dns is None or not dns.text or key is None:
            return
        if self._here(key) not in self.service_places:
            self._region(service, parsed.value("location"), parsed.value("affinity-group"), parsed)

    def _vm_export(self, parsed: Parsed) -> None:
        """`azure vm export <vm-name> <file-path>`: the role file it writes describes that VM, so that a
        `vm create-from` of the same path in the script creates it under its name (see `_vm_create_from`).
        Only a path and a name the script states, written by an export that surely runs."""
        name, path = parsed.value("vm-name", 0), _stated_path(parsed.value("file-path", 1))
        if not path:
            return
        if name is not None and name.text and name.text.strip() and not self.maybe:
            self.exported[path] = name.text.strip()
        else:
            self.exported.pop(path, None)

    def _other_paths(self, vm: _Vm, earlier: _Vm | None) -> None:
        """The same VM created before on branches apart from those `vm` is created on (every path that
        created it so far): `vm` is another path's, and keeps theirs."""
        if earlier is None or earlier.existing:
            return
        paths = [*earlier.other_paths, earlier]
        if all(apart(path.branches, vm.branches) for path in paths):
            earlier.other_paths = []
            vm.other_paths = paths

    def _os_disk(self, vm: _Vm, blob: Word | None, parsed: Parsed, service: str) -> None:
        """The OS disk of `-u <blob url>`: by its blob, or in the storage account of a stand-in where the
        script does not state the account's name (`-u "https://$SA.blob.core.windows.net/vhds/a.vhd"`), or
        in the account it states where it does not state the blob's name (`.../vhds/$VM.vhd`). Without
        `-u` the CLI puts the disk in a storage account of its own choosing (one of the location's, or one
        it creates), and an address whose account no word states (`-u "https://$HOST/vhds/a.vhd"`) names none: the
        VM's disks are then unknown (`Role.unknown`), its account in no file (`Role.unplaced_disk`)."""
        if blob is None:
            vm.unknown.add("disks")
            key = _service_key(parsed.value("dns-name", 0))
            placed = self.service_places.get(self._here(key), "") if key is not None else ""
            vm.unplaced_disk = self._first_pick(_account_picked(parsed, placed, service))
            return
        if blob.text:
            # The disk is the blob's, where its URL is written: what is found on the command (the VM's
            # findings) is not its storage account's, whose verdict is its own.
            vm.disks.append(Disk("", blob.text, "", vm.name, blob.mark, media_link_mark=blob.mark))
            return
        account = self.blob_account(blob) or _stated_account(blob)
        if account:
            vm.disks.append(
                replace(self.disk_in(account, "OS disk", vm.name, blob.mark), attached_to=vm.name)
            )
        else:
            vm.unknown.add("disks")
            vm.unplaced_disk = UnplacedDisk(DiskPlace.PASSED_BLOB, blob.mark)

    def disk_in(self, account: str, what: str, vm: str, blob: Mark) -> Disk:
        """The disk (`what`: OS disk, data disk) of VM `vm` in a blob of `account` whose address the script
        does not state whole (written at `blob`), named for what it is and where."""
        of = f"{what} of its VM" if is_stand_in(vm) else f"{what} of VM {vm}"
        return Disk(
            f"<{of}, {self._file_of(blob)}:{blob.line}:{blob.column}>", "", "", "", blob, account=account
        )

    def blob_account(self, blob: Word) -> str:
        """The stand-in of the storage account a blob address names by a value the script does not state
        (`https://$SA.blob...`), or of the one an address the script does not state at all is in (`-u $URL`:
        one for every use of the value), or of the one of an address that starts with such a value
        (`-u "${CONTAINER}vm1.vhd"`: one for every blob built on the value); "" for any other address it
        does not state."""
        if blob.text is None and blob.shape is None:
            return self._unstated_account(blob.holder, HOLE, blob.stand_in_mark)
        shape = blob.shape or ""
        if shape.startswith(HOLE) and blob.holes and "://" not in shape:
            # The value the address starts with holds its host (`"${CONTAINER}vm1.vhd"`): every blob built
            # on it is in the one account it names.
            return self._unstated_account(blob.holes[0], _ADDRESS_START, blob.stand_in_mark)
        scheme, _, rest = shape.rpartition("://")
        account = blob_host_account(rest.split("/", 1)[0], HOLE)
        if HOLE not in account:
            return ""
        before = scheme.count(HOLE)
        holder = blob.holes[before] if before < len(blob.holes) else None
        return self._unstated_account(holder, account, blob.stand_in_mark)

    def _unstated_account(self, holder: str | None, shape: str, at: Mark) -> str:
        """The stand-in of a storage account named by a value the script does not state, built as `shape`
        (`HOLE` for the value itself, `acct` and a HOLE for `acct$n`): one for every use of the value
        built alike (`model.account_stand_in`), named where it is first passed."""
        if holder is None:
            return account_stand_in(at)
        key = f"storage account\0{holder}\0{_unnumbered(shape)}"
        return self._unstated_once(key, account_stand_in(at))

    def _deployment(self, service: str, at: Mark, existing: bool) -> _Deployment:
        key = self._here(service.casefold())
        found = self.deployments.get(key)
        if found is None or found.deleted:
            # A deployment only changed here (`-d`) is one the script did not create: its network and
            # whether its VIP is reserved are what the platform holds, not "none".
            found = self.deployments[key] = _Deployment(
                service,
                at,
                existing,
                network_known=not existing,
                reserved_ip_known=not existing,
                read_once_in=self.read_once_in,
                selected_in=self.selected_name,
                # One made again in place of a deleted one keeps its place in the dict, as it keeps its key.
                position=found.position if found is not None else self.vm_holders.placed,
                working_in=self.working_in,
            )
            self.vm_holders.placed += found is None
        return found

    def _hold(self, deployment: _Deployment, name: str, vm: _Vm) -> None:
        """`vm`, named `name` without case, is now the deployment's (see `_VmHolders`)."""
        deployment.vms[name] = vm
        self.vm_holders.add(deployment, name)

    def _holds_vm(self, deployment: _Deployment, name: str) -> bool:
        """Whether a deployment the script created, still among `deployments`, holds a VM named `name`."""
        return (
            not deployment.existing
            and name in deployment.vms
            and self.deployments.get(self._key_of(deployment)) is deployment
        )

    def _key_of(self, deployment: _Deployment) -> str:
        key = deployment.service.casefold()
        return f"{deployment.working_in}\0\0{key}" if deployment.working_in else key

    def _network(self, deployment: _Deployment, vnet: Word | None) -> None:
        if vnet is None:
            return
        if vnet.text is None:  # a network all the same, that it names as the PowerShell reader does
            deployment.virtual_network = NameRef(self._unstated_network(vnet), vnet.mark)
        elif vnet.text:
            deployment.virtual_network = NameRef(vnet.text, vnet.mark)

    def _unstated_network(self, vnet: Word) -> str:
        """The stand-in of a network `-w` passes by a value the script does not state: one per value
        (`-w $VNET` twice is one network), named where it is first passed (`model.network_stand_in`)."""
        if vnet.identity is None:
            return network_stand_in(vnet.stand_in_mark)
        return self._unstated_once(f"virtual network\0{vnet.identity}", network_stand_in(vnet.stand_in_mark))

    def _network_name(self, vnet: Word | None) -> str:
        """The name of the network a command names: as stated, else the stand-in an earlier command gave
        the value (`network vnet create $VNET`), else ""."""
        return vnet.text or self._held_before("virtual network", vnet) if vnet is not None else ""

    def _reserved(self, deployment: _Deployment, ip: Word | None) -> None:
        """`vm create -R <name>`: the deployment's VIP is that reserved IP. One named by a value the script
        does not state is the one `network reserved-ip create` made under that value (its stand-in), else
        a reserved IP all the same, as under a name the script states (the command fails unless it
        exists), shown by the stand-in of the value: a parameter of the script (`"$1"`), or what a variable
        the script sets holds (`read NAME`). One from the environment (`"$RIP"`, which nothing in the
        script sets) may be empty: whether the VIP is reserved is not known."""
        if ip is None:
            return
        shown = ip.text if ip.text is not None else self._held_before("reserved IP name", ip)
        if not shown and ip.text is None and ip.holder is not None and not _from_environment(ip.holder):
            shown = self._held("reserved IP name", ip, ip.mark)
        if shown is None or (not shown and ip.text is None):
            deployment.reserved_ip_known, deployment.reserved_ip = False, None
        elif shown:
            deployment.reserved_ip = NameRef(shown, ip.mark)

    def _availability_set(self, vm: _Vm, avset: Word | None) -> None:
        if avset is None:
            return
        if avset.text is None:
            vm.unknown.add("availability_set")
        else:
            vm.availability_set, vm.availability_set_mark = avset.text, avset.mark

    def _subnets(self, vm: _Vm, names: Word | None) -> None:
        if names is None:
            return
        if names.text is None:
            vm.unknown.add("subnets")
            vm.subnets_maybe_none_at = names.mark if names.maybe_empty else None
            vm.subnets_unset = names.unset if names.maybe_empty else ""
            return
        vm.subnets.extend(NameRef(part.text or "", part.mark) for part in _split(names, ","))
        vm.primary_subnets = tuple(vm.subnets)

    def _static_ip_subnet(self, vm: _Vm, parsed: Parsed) -> None:
        """`vm create -w <vnet> -S <ip>`: the CLI ignores `-b` and puts the VM in the subnet of the network that
        holds the address, which it looks up in the network as it is then (lib/commands/asm/vm/vmclient.js,
        `getIPAddressSubnet`). That subnet when the script made the network with the subnet's prefix; else
        the VM is in a subnet the script does not state (not none: the platform refuses an address that no
        subnet of the network holds)."""
        address, vnet = parsed.value("static-ip"), parsed.value("virtual-network-name")
        if address is None or vnet is None:
            return
        network = self.networks.get(self._network_here(vnet.text)) if vnet.text else None
        holding = subnet_holding(network.subnets, address.text) if network and address.text else None
        vm.subnets.clear()
        vm.subnets_maybe_none_at, vm.subnets_unset = None, ""
        # A network the script does not make: the link stage looks the address up in its definition.
        made = network is not None or vnet.text is None or address.text is None
        vm.subnet_of_address = None if made else NameRef(address.text or "", address.mark)
        if holding is None:
            vm.unknown.add("subnets")
        else:
            vm.subnets.append(NameRef(holding.name, address.mark))
            vm.unknown.discard("subnets")
        vm.primary_subnets = tuple(vm.subnets)

    def _address_in_no_subnet(self, parsed: Parsed, uses: str) -> bool:
        """Whether a `vm create -w <vnet> -S <ip>` gives an address no subnet holds of a network the script
        made with every subnet's prefix stated: the CLI looks for the subnet that holds it (`getIPAddress-
        Subnet`) and finds none, and the platform refuses a static address outside the VM's subnets, so the
        command creates no VM; kept (`NamedAfterDelete`) for MIG003 to report."""
        address, vnet = parsed.value("static-ip"), parsed.value("virtual-network-name")
        if address is None or vnet is None or not address.text or not vnet.text:
            return False
        network = self.networks.get(self._network_here(vnet.text))
        if network is None or not held_by_no_subnet(network.subnets, address.text):
            return False
        made = f"made at line {network.mark.line}"
        refused = refused_static_address(
            network, address.text, address.mark, f"{uses} -S {address.text}", made
        )
        self.named_after_delete.append(refused)
        return True

    def _nics(self, vm: _Vm, config: Word | None) -> None:
        """`-f nic:subnet:[static-ip]:[nsg]:[ip-forwarding],...`: the VM's secondary network interfaces,
        each in one subnet, with the static address it asks for."""
        if config is None:
            return
        if config.text is None:
            vm.unknown.add("subnets")
            vm.subnet_of_address = None  # its interfaces' subnets stay not known, whatever `-S` gives
            return
        for nic in _split(config, ","):
            fields = _split(nic, ":")
            if len(fields) < 2 or not fields[1].text:
                continue
            subnet = NameRef(fields[1].text, fields[1].mark)
            ip = NameRef(fields[2].text, fields[2].mark) if len(fields) > 2 and fields[2].text else None
            if len(fields) > 3 and fields[3].text:  # the group of the interface: not unattached
                self.made.vm_groups.add(self._here(fields[3].text.casefold()))
            vm.subnets.append(subnet)
            if ip is not None:
                vm.static_ips.append(ip)
            vm.interfaces.append((fields[0].text or "", (subnet,), ip))

    def name_deployment_after_vm(self) -> None:
        """The deployment the latest `vm create` made is named after its VM, not its service."""
        if self.last_created is not None:
            deployment, vm = self.last_created
            deployment.name = vm.name

    def set_vm_group(self, group: Word) -> None:
        """A network security group set on the VM the latest `vm create` made: cloned with it by the
        migration (deep dive), so no resource to move on its own. Under a name the file does not state
        (`"${var.nsg}"`), the stand-in of the value that holds it (see `_held`), so the VM's step still says
        its group is cloned, and a group made under the same value is that group."""
        if self.last_created is None or group.text == "":
            return
        name = self._held("network security group name", group, group.mark)
        self.last_created[1].security_group = NameRef(name, group.mark)
        self.made.vm_groups.add(self._here(name.casefold()))

    def _named_ip(self, vm: _Vm, option: str, into: list[NameRef], value: Word | None) -> None:
        if value is None:
            return
        if value.text is None:
            vm.unknown.add("public_ips" if option == "public-ip" else "static_ips")
        elif value.text:
            into.append(NameRef(value.text, value.mark))

    def _create_endpoints(self, vm: _Vm, parsed: Parsed) -> None:
        """The SSH and RDP endpoints `-e [port]` and `-r [port]` ask for. Without either, what the VM gets
        depends on its image (a Linux image gets SSH unless `--no-ssh-endpoint`): not known; with
        `--no-ssh-endpoint` (`-E`) it gets none, as the CLI adds RDP only for `-r`."""
        asked = [("ssh", "SSH", "22"), ("rdp", "RDP", "3389")]
        given = [(option, name, port) for option, name, port in asked if parsed.flag(option)]
        if not given and not parsed.flag("no-ssh-endpoint"):
            vm.unknown.add("endpoints")
        for option, name, port in given:
            value = parsed.options[option]
            public = value.text if isinstance(value, Word) else port
            vm.endpoints[name.casefold()] = InputEndpoint(name, "tcp", public or "", port, None, parsed.at)

    # --- changes to a VM -----------------------------------------------------------------------------

    def _service_of(self, parsed: Parsed) -> str:
        """The cloud service of the VM a command names: `-d`, else the one the script creates it in, in
        the subscription the CLI works in here (the CLI looks VMs up in that one only)."""
        dns = parsed.value("dns-name")
        if dns is not None:
            return dns.text or self._held_before("cloud service name", dns)
        vm = self._vm_name(parsed).casefold()
        if not vm:
            return ""
        found = self.vm_holders.latest((self.working_in, vm), lambda d: self._holds_vm(d, vm))
        return found.service if found is not None else ""

    def _vm_name(self, parsed: Parsed) -> str:
        """The VM a command names: as stated, else by the stand-in of a VM (or of a service whose VM is
        named after it) that an earlier command created under the same unstated value."""
        named = parsed.value("name", 0) if parsed.path == ("vm", "delete") else parsed.value("vm-name", 0)
        if named is None:
            return ""
        return (
            named.text
            or self._held_before("VM name", named)
            or self._held_before("cloud service name", named)
        )

    def _first_pick(self, unplaced: UnplacedDisk) -> UnplacedDisk:
        """The CLI's pick of an account in the place `unplaced` is in (its `scope`), marked where the script
        first leaves a disk to it there: one account per place, so one stand-in, whichever of its VMs are
        left (a VM captured and deleted keeps naming the account its image is in, `os_disk_account`, as
        the plan names the account of the other VMs' disks after their first, `UnplacedDisk.mark`)."""
        if not unplaced.scope:
            return unplaced
        first = self.first_picks.setdefault(self._here(unplaced.scope.casefold()), unplaced.mark)
        return replace(unplaced, mark=first)

    def os_disk_account(self, parsed: Parsed, picked: bool = False) -> str:
        """The storage account of the OS disk of the script's VM a command names, where the script states it
        (by its name, or by the value that holds it: that value's stand-in), or, when `picked`, the one `vm
        create` without `-u` picked for it, by the stand-in the plan gives that account while the VM is
        there (`estate.unstated_disk_accounts`); "" for any other."""
        service = self._service_of(parsed)
        deployment = self.deployments.get(self._here(service.casefold())) if service else None
        vm = deployment.vms.get(self._vm_name(parsed).casefold()) if deployment is not None else None
        if vm is None:
            return ""
        disk = next((d for d in vm.disks if not d.data), None)
        if disk is not None:
            return disk.storage_account
        return self._picked_account(vm.unplaced_disk) if picked else ""

    def _picked_account(self, unplaced: UnplacedDisk | None) -> str:
        """The stand-in of the storage account `vm create` without `-u` put a VM's OS disk in, named as the
        plan names it (the classic CLI's pick in a location, where the command is written); "" where the
        disk is left unplaced otherwise (a blob address whose account no word states)."""
        if unplaced is None or unplaced.place is not DiskPlace.CURRENT_ACCOUNT or not unplaced.scope:
            return ""
        at = unplaced.mark
        return f"<storage account azure vm create picks in {unplaced.scope}, {self._file_of(at)}:{at.line}>"

    def _held_before(self, what: str, word: Word) -> str:
        """The stand-in an earlier command gave the value `word` holds, if any: by what holds it, else by
        the expression it is of the values the script does not state (`--vm-name=$m` is written out as
        `etcd$i`, `$m` is held by `m`: one value, the same VM in one turn of a loop)."""
        for identity in (word.identity, _shape_identity(word)):
            found = self.unstated.get(f"{what}\0{identity}", "") if identity is not None else ""
            if found:
                return found
        return ""

    def _changed_vm(self, parsed: Parsed) -> _Vm | None:
        """The VM a command changes: the script's own of that name, or one of the service `-d` names (the
        stand-in of a value the script does not state). Without `-d`, which only filters the VMs the CLI
        looks the name up in (vm._js: "filter VMs for the specified DNS name"), it is the VM of that name
        in any cloud service of the subscription: one of a service the script does not state, a stand-in
        for every command that names the VM so, which the linker puts in the service of the one VM of
        that name the files describe (`Deployment.service_by_vm_name`)."""
        named, looped = self._looped_vm(parsed)
        # A VM the script names by a value it does not state is one it changes all the same: a stand-in
        # for every command given that value, as Get-AzureVM -Name $vm | Set-AzureEndpoint ... makes one.
        name = self._vm_name(parsed) or (self._held("VM name", named, parsed.at) if named is not None else "")
        if not name:
            return None
        service, dns = self._service_of(parsed), parsed.value("dns-name")
        if not service and dns is not None:
            service = self._held("cloud service name", dns, parsed.at)
        by_name = not service
        if not service:
            service = self._unstated_once(
                self._here(f"cloud service of VM\0{name.casefold()}"),
                self._stand_in("cloud service name", parsed.at),
            )
        deployment = self.deployments.get(self._here(service.casefold()))
        if deployment is None or deployment.deleted:
            deployment = self._deployment(service, parsed.at, existing=True)
            deployment.by_vm_name = by_name
            # One service per turn where each turn names its own: by `-d`, or, without, by its VM's name.
            deployment.looped_over = self._looped_over(dns) if dns is not None else looped
        vm = deployment.vms.get(name.casefold())
        if vm is None:
            vm = _Vm(name, parsed.at, True, unknown=set(_CHANGE_UNKNOWN))
            self._hold(deployment, name.casefold(), vm)
            vm.looped_over = looped
        return vm

    def _looped_vm(self, parsed: Parsed) -> tuple[Word | None, str]:
        """The word that names the VM a command changes, with the list of the loop it names a VM of its own
        in each turn of (`while read svc vm; do azure vm endpoint create "$vm" …; done < vms.txt`): one VM
        per item, 1 or more, which the script changes but does not create (see `Role.looped_over`); "" for
        a VM it states, or one an earlier command created under the value."""
        named = parsed.value("name", 0) if parsed.path == ("vm", "delete") else parsed.value("vm-name", 0)
        if named is None or named.text is not None or self._vm_name(parsed):
            return named, ""
        return named, self._looped_over(named)

    def _endpoint(self, parsed: Parsed) -> None:
        vms = self._changed_vms(parsed)
        if not vms:
            return
        public = _text(parsed.value("", 1))
        local = _text(parsed.value("local-port")) or _text(parsed.value("", 2)) or public
        protocol = _text(parsed.value("protocol")) or "tcp"
        named = parsed.value("name")
        name = (named.text if named is not None else None) or self._stand_in("endpoint name", parsed.at)
        balancer = self._balancer_of(parsed.value("internal-load-balancer-name"), parsed.at)
        endpoint = InputEndpoint(name, protocol, public, local, None, parsed.at, balancer)
        for vm in vms:
            vm.endpoints[name.casefold()] = endpoint

    def _balancer_of(self, given: Word | None, at: Mark) -> str:
        """The internal load balancer `-i` puts an endpoint on: as stated, else the stand-in of the value that
        holds it (an endpoint on some internal load balancer, never on the VIP); "" for none given."""
        if given is None or given.text == "":
            return ""
        return self._held("load balancer name", given, at)

    def _endpoints(self, parsed: Parsed) -> None:
        """`create-multiple <vm> public:local:protocol:...,...`: endpoints the CLI names itself."""
        vms = self._changed_vms(parsed)
        config = parsed.value("endpoints-config", 1)
        if not vms or config is None or config.text is None:
            return
        for index, entry in enumerate(_split(config, ",")):
            fields = [f.text or "" for f in _split(entry, ":")]
            public = fields[0]
            local = fields[1] if len(fields) > 1 and fields[1] else public
            protocol = fields[2] if len(fields) > 2 and fields[2] else "tcp"
            balancer = fields[11] if len(fields) > 11 else ""
            name = self._stand_in(f"endpoint name {index + 1}", parsed.at)
            endpoint = InputEndpoint(name, protocol, public, local, None, entry.mark, balancer)
            for vm in vms:
                vm.endpoints[name.casefold()] = endpoint

    def _endpoint_delete(self, parsed: Parsed) -> None:
        endpoint = _text(parsed.value("", 1))
        if not endpoint:
            return
        for vm in self._changed_vms(parsed):
            vm.endpoints.pop(endpoint.casefold(), None)
            vm.acl_rules.pop(endpoint.casefold(), None)
            if vm.existing:
                vm.removed_endpoints.append(endpoint)

    def _acl_rule(self, parsed: Parsed) -> None:
        """An ACL rule on an endpoint of a VM: each rule the script adds to the endpoint's ACL is one of
        its rules; of a VM the script does not create, it may have more."""
        vm = self._changed_vm(parsed)
        endpoint = parsed.value("endpoint-name", 1)
        if vm is None or endpoint is None or endpoint.text == "":
            return
        # An endpoint named by a value the script does not state: its ACL is a blocker whichever it is, so
        # it is a stand-in endpoint of the VM, as Set-AzureEndpoint -Name $ep -ACL $acl's.
        named = endpoint.text or self._held("endpoint name", endpoint, parsed.at)
        rule = AclRule(
            _text(parsed.value("order", 2)),
            _text(parsed.value("action", 3)),
            _text(parsed.value("remote-subnet", 4)),
            _text(parsed.value("description")),
            parsed.at,
        )
        key = named.casefold()
        paths = self._paths_changed(vm)
        if endpoint.text and all(
            key not in path.endpoints and path.states_every_endpoint() for path in paths
        ):
            self._acl_rule_refused(vm, endpoint)
            return
        # On each path's VM that has the endpoint (the -e 22 one of an `if` whose `else` gives -r 3389).
        for path in [path for path in paths if key in path.endpoints] or [vm]:
            # Marked at the endpoint's name: the argument that puts the list on that endpoint.
            name, mark, rules, _ = path.acl_rules.get(key, (named, endpoint.mark, [], not path.existing))
            path.acl_rules[key] = (name, mark, [*rules, rule], not path.existing)

    def _changed_vms(self, parsed: Parsed) -> list[_Vm]:
        """The VM a command changes as each path that may run before it creates it (see `_paths_changed`):
        a change after an `if … else` that create the VM apart is a change to the VM of either branch."""
        vm = self._changed_vm(parsed)
        return [] if vm is None else self._paths_changed(vm)

    def _paths_changed(self, vm: _Vm) -> list[_Vm]:
        """The VM a command changes as each path that may run before it creates it: `vm`, and those other
        branches create under its name that the command is not apart from (it runs after the `if … else`)."""
        return [vm, *(path for path in vm.other_paths if not apart(path.branches, self.branches))]

    def _acl_rule_refused(self, vm: _Vm, endpoint: Word) -> None:
        """An ACL rule on an endpoint a VM the script creates, with every endpoint stated, does not have
        when the command runs: the CLI finds no endpoint of that name and refuses the command, which sets
        no ACL; kept (`NamedAfterDelete`) for MIG003 to report."""
        missing = f"which VM '{vm.name}' the file creates at line {vm.mark.line} does not have then"
        uses = f"azure vm endpoint acl-rule create of VM '{vm.name}'"
        self.named_after_delete.append(
            NamedAfterDelete(
                endpoint.text or "", "InputEndpoint", uses, endpoint.mark, vm.mark, "sets no ACL", missing
            )
        )

    def _acl_rule_delete(self, parsed: Parsed) -> None:
        """`vm endpoint acl-rule delete <vm> <endpoint> <order>`: the endpoint's ACL rule of that order is
        gone, when the deletion surely runs and states the endpoint and the order, as Remove-AzureAclConfig
        takes the ACL away: from the rules the script adds, and, of a VM the script does not create, from
        the ACL the VM had (`Role.removed_acl_rules`), for the linker to take off the VM a file describes."""
        endpoint, order = _text(parsed.value("endpoint-name", 1)), _text(parsed.value("order", 2))
        if self.maybe or not endpoint.strip() or not order.strip():
            return
        for vm in self._changed_vms(parsed):
            self._acl_rule_gone(vm, endpoint, order)

    @staticmethod
    def _acl_rule_gone(vm: _Vm, endpoint: str, order: str) -> None:
        """The ACL rule of that order on the endpoint of `vm` taken away (see `_acl_rule_delete`)."""
        key = endpoint.casefold()
        added = vm.acl_rules.get(key)
        if added is not None:
            name, mark, rules, complete = added
            kept = [rule for rule in rules if rule.order.strip() != order.strip()]
            if kept:
                vm.acl_rules[key] = (name, mark, kept, complete)
            else:
                del vm.acl_rules[key]
        if vm.existing:
            vm.removed_acl_rules.append((endpoint, order))

    def _extension(self, parsed: Parsed) -> None:
        vms = self._changed_vms(parsed)
        if not vms:
            return
        state = "Uninstall" if parsed.flag("uninstall") else "Disable" if parsed.flag("disable") else "Enable"
        name = _text(parsed.value("", 1))
        extension = Extension(
            _text(parsed.value("", 2)),
            name,
            _text(parsed.value("", 3)),
            state,
            parsed.value_at("", 1),  # the extension's name
            # `-r`, by which a later removal may name it; the CLI's default is the extension's name
            reference=(_text(parsed.value("reference-name")) or name).strip(),
        )
        for vm in vms:
            vm.extensions = [
                e for e in vm.extensions if (e.publisher, e.name) != (extension.publisher, extension.name)
            ] + [extension]

    def _static_ip(self, parsed: Parsed) -> None:
        """`vm static-ip set <vm> <ip>`: the address the VM's primary network interface asks for, in place of
        any before it, as Set-AzureStaticVNetIP; those of its other interfaces (`-f`) stay."""
        address = parsed.value("", 1)
        if address is None or not address.text:
            return
        for vm in self._changed_vms(parsed):
            vm.static_ips = [*self._of_interfaces(vm), NameRef(address.text, address.mark)]

    @staticmethod
    def _of_interfaces(vm: _Vm) -> list[NameRef]:
        """The static private addresses of a VM's secondary network interfaces (`-f nic:subnet:ip`)."""
        of_interfaces = [address for _, _, address in vm.interfaces if address is not None]
        return [address for address in vm.static_ips if address in of_interfaces]

    def _static_ip_remove(self, parsed: Parsed) -> None:
        """`vm static-ip remove <vm>`: the VM's primary network interface asks for no static private address
        any more, as Remove-AzureStaticVNetIP; those of its other interfaces (`-f`) stay."""
        for vm in self._removing_from(parsed):
            vm.static_ips = self._of_interfaces(vm)

    def _detach(self, parsed: Parsed) -> None:
        """`vm disk detach <vm> <lun>`: the data disk at that LUN goes, as Remove-AzureDataDisk's, with
        those whose LUN the script does not know (it may be one of them); every one where the script does
        not state the LUN. Of a VM the script does not create, the LUN is kept (`Role.removed_luns`) for
        the linker to take the disk off the VM a file describes."""
        lun = lun_key(_text(parsed.value("lun", 1)))
        for vm in self._removing_from(parsed):
            vm.disks = [disk for disk in vm.disks if not disk.data or (lun and disk.lun and disk.lun != lun)]
            if vm.existing and lun not in vm.removed_luns:
                vm.removed_luns.append(lun)

    def _removing_from(self, parsed: Parsed) -> list[_Vm]:
        """The VM a command that takes something off it changes, as each path that may run before it
        creates it (see `_changed_vms`), where the command runs whenever the VM as the script has it does:
        it surely runs, or the script creates the VM and the command runs past the same stops or later in
        the same part of the script (see `_with_its_creation`). None otherwise: a removal that may not run
        leaves what it removes, as Remove-AzureDataDisk's."""
        if not self.maybe:
            return self._changed_vms(parsed)
        service = self._service_of(parsed)
        deployment = self.deployments.get(self._here(service.casefold())) if service else None
        if deployment is None or deployment.existing:
            return []
        vm = deployment.vms.get(self._vm_name(parsed).casefold())
        past = self._surely_past()
        paths = self._paths_changed(vm) if vm is not None else []
        return [
            path
            for path in paths
            if path.part == self.part or (past is not None and path.surely_past == past)
        ]

    def _vm_set(self, parsed: Parsed) -> None:
        """`vm set <vm> -B false` (`--disable-boot-diagnostics`) turns the VM's boot diagnostics off, `-B
        true` (`--enable-boot-diagnostics`) on, as `Set-AzureVMBootDiagnostics` does; a set that may not run
        leaves it as it was, or may turn it on. `-z <size>` (`--vm-size`) sets the VM's size, as
        `Set-AzureVMSize` does; one that may not run leaves a size the VM had unknown."""
        for vm in self._changed_vms(parsed):
            self._set(vm, parsed)

    def _set(self, vm: _Vm, parsed: Parsed) -> None:
        """What `vm set` changes of one VM (see `_vm_set`)."""
        size = _text(parsed.value("vm-size"))
        if size and (not self.maybe or size.casefold() == vm.size.casefold()):
            vm.size = size
        elif size:
            vm.size = ""
        turned = _boot_diagnostics(parsed)
        if turned is None:
            return
        # `-B true`, else the flag that says it (`--enable-boot-diagnostics`)
        at = next((parsed.value_at(option) for option in _BOOT_OPTIONS if parsed.flag(option)), parsed.at)
        if not self.maybe:
            vm.boot_diagnostics, vm.boot_diagnostics_mark = turned, at
        elif turned and not vm.boot_diagnostics:
            vm.boot_diagnostics = None
            vm.boot_diagnostics_default, vm.boot_diagnostics_mark = "azure vm set", at

    def _with_its_vms(self, deployment: _Deployment | None) -> bool:
        """Whether a command surely runs whenever each VM of a deployment the script creates was created:
        all of them past the same stops as the command, where both surely run once past them."""
        past = self._surely_past()
        if deployment is None or deployment.existing or not deployment.vms or past is None:
            return False
        return all(vm.surely_past == past for vm in deployment.vms.values())

    def _new_vm(self, name: str, at: Mark) -> _Vm:
        """A VM a command creates at `at`, on the branches and past the stops the command runs on."""
        return _Vm(
            name,
            at,
            existing=False,
            public_ips=[],
            branches=self.branches,
            surely_past=self._surely_past(),
            part=self.part,
        )

    def _with_its_creation(self, deployment: _Deployment) -> bool:
        """Whether a command surely runs whenever each VM of a deployment the script creates was created:
        past the same stops (see `_with_its_vms`), or later in the same part of the script (a branch that
        creates a VM and then changes its deployment), as PowerShell's and Python's reserved IP calls are
        read."""
        if self._with_its_vms(deployment):
            return True
        vms = deployment.vms.values()
        return not deployment.existing and bool(vms) and all(vm.part == self.part for vm in vms)

    def _surely_past(self) -> int | None:
        """The part of the script past its stops a command surely runs in (see `_Vm.surely_past`)."""
        return self.stops if not self.maybe or self.sure_past_stops else None

    def _vm_delete(self, parsed: Parsed) -> None:
        """`vm delete <vm>`: the VM is gone (with its deployment, when it was the last), when the deletion
        surely runs, as Remove-AzureVM's, or surely runs whenever the VM's creation did (both past the same
        stops of the script, as a teardown after `[ "$1" = --keep ] && exit 0` deletes a VM created after
        the stop too); one that may not run deletes nothing."""
        name = self._vm_name(parsed).casefold()
        service = self._service_of(parsed)
        deployment = self.deployments.get(self._here(service.casefold())) if service else None
        created = deployment.vms.get(name) if deployment is not None and not deployment.existing else None
        past = self._surely_past()
        if self.maybe and (created is None or past is None or created.surely_past != past):
            return
        if deployment is not None and created is not None:
            del deployment.vms[name]
            if not deployment.vms:  # the CLI deletes a deployment with its last VM: nothing is left
                del self.deployments[self._here(service.casefold())]
            return
        vm = self._changed_vm(parsed)
        if vm is not None:
            vm.deleted = True

    def captured_by_request(self, service: str, vm: str, at: Mark, deletes: bool) -> str:
        """A capture request the script sends (`curl`, `wget`) to VM `vm` of cloud service `service`: the
        storage account of the VM's OS disk, which the image's copies go to, as `vm capture`'s do (""
        where the script states none); and with a Capture Role body of PostCaptureAction Delete
        (`deployment.deletes_the_vm_it_captures`) the platform deletes the VM once it is captured, as after
        `vm delete <vm> --dns-name <service>`."""
        parsed = parse([Word(word, at) for word in ("vm", "delete", vm, "--dns-name", service)], at)
        if parsed is None:
            return ""
        account = self.os_disk_account(parsed, picked=deletes)  # before the VM may be gone
        if deletes:
            self._vm_delete(parsed)
        return account

    # --- services, accounts, addresses ----------------------------------------------------------------

    def _service_create(self, parsed: Parsed) -> None:
        service, location = parsed.value("serviceName", 0), parsed.value("location")
        key = _service_key(service)
        if key is not None and (not self.maybe or self.part):
            self.empty_services[self._here(key)] = self.part if self.maybe else ()
        self._service_placed(service, parsed, made=True)
        if service is not None and service.text:
            self._region(service.text, location, parsed.value("affinitygroup"), parsed)

    def _region(self, service: str, location: Word | None, group: Word | None, parsed: Parsed) -> None:
        """The region a command creates cloud service `service` in (`ServiceRegion`): its --location, else
        the affinity group it places the service in, whose region an `account affinity-group create` of the
        script may state (`AffinityGroupRegion`)."""
        if location is not None and location.text:
            region = ServiceRegion(service, location.text, parsed.at, selected_in=self.selected_name)
        elif group is not None and group.text:
            region = ServiceRegion(
                service, "", parsed.at, selected_in=self.selected_name, affinity_group=group.text
            )
        else:
            return
        self.regions.append(region)

    def _affinity_group_create(self, parsed: Parsed) -> None:
        """`account affinity-group create <name> --location`: the region of the group (`AffinityGroupRegion`)."""
        name, location = parsed.value("name", 0), parsed.value("location")
        if name is not None and name.text and location is not None and location.text:
            self.regions.append(AffinityGroupRegion(name.text, location.text, parsed.at, self.selected_name))

    def _service_placed(self, service: Word | None, parsed: Parsed, made: bool) -> None:
        """Where the command places cloud service `service`, kept in `service_places`: a `service create`
        (`made`) places it whatever came before; a `vm create` only one no command placed yet, since the
        CLI takes an existing service's own place and sets a given --location aside."""
        key = _service_key(service)
        group = "affinitygroup" if made else "affinity-group"
        place = _stated_place(parsed.value("location"), parsed.value(group))
        if key is None or not place:
            return
        if made:
            self.service_places[self._here(key)] = place
        else:
            self.service_places.setdefault(self._here(key), place)

    def _service_delete(self, parsed: Parsed) -> None:
        """`service delete <service>`: its deployment is gone, when the deletion surely runs, as
        Remove-AzureService's, or surely runs whenever every VM of the deployment was created (see
        `_vm_delete`)."""
        service = parsed.value("serviceName", 0)
        # A name the script does not state deletes what the very value that named it created, if anything.
        named = (service.text or self._held_before("cloud service name", service)) if service else ""
        if not named:
            return
        created = self.deployments.get(self._here(named.casefold()))
        if self.maybe and not self._with_its_vms(created):
            return
        self.empty_services.pop(self._here(named.casefold()), None)
        if created is not None and not created.existing:
            del self.deployments[self._here(named.casefold())]
            return
        if service is not None and service.text:
            self._deployment(service.text, parsed.at, existing=True).deleted = True

    def _storage_account(self, parsed: Parsed) -> None:
        """`storage account create <name> --type <type>`: the account, under its name or the stand-in of
        a name the script does not state (see `_unstated_account`), with its type; without a type the
        script states (the CLI asks for one), of a type not known, but an account created all the same,
        which migrates by a step of its own as `New-AzureStorageAccount`'s does."""
        name, kind = parsed.value("name", 0), parsed.value("type")
        if name is None or name.text == "":
            return
        account = name.text or self._unstated_account(
            name.holes[0] if name.shape and name.holes else name.holder,
            name.shape or HOLE,
            name.stand_in_mark,
        )
        stated = kind.text if kind is not None and kind.text is not None else ""
        account_type = _STORAGE_TYPES.get(stated.casefold().replace("_", ""), stated)
        self.storage[account.casefold()] = StorageAccountType(
            account, account_type, parsed.at, self.read_once_in, self.selected_name
        )

    def named_account(self, name: Word) -> None:
        """A classic storage account a resource is made in by the name `name` passes, without creating it
        (Terraform's `azure_storage_container`, `_blob` and `_queue`, whose provider takes the key of the
        classic account `storage_service_name` names): one the subscription holds, migrated on its own as
        one the script creates, its type not stated; the one created here already, where one is."""
        if name.text == "":
            return
        account = name.text or self._unstated_account(
            name.holes[0] if name.shape and name.holes else name.holder,
            name.shape or HOLE,
            name.stand_in_mark,
        )
        self.storage.setdefault(
            account.casefold(),
            StorageAccountType(account, "", name.mark, self.read_once_in, self.selected_name),
        )

    def _storage_account_delete(self, parsed: Parsed) -> None:
        """`storage account delete <name>`: the account the script created under that name is gone, with
        its type, when the deletion surely runs (as Remove-AzureStorageAccount's); one created again after
        it is the new one."""
        name = parsed.value("name", 0)
        if name is not None and not self.maybe:
            self.storage.pop((name.text or self._account_held_before(name)).casefold(), None)

    def _account_held_before(self, name: Word) -> str:
        """The stand-in of the account an earlier command created under the very value `name` passes, built
        alike (see `_unstated_account`), if any."""
        holder = name.holes[0] if name.shape and name.holes else name.holder
        shape = name.shape or HOLE
        return self.unstated.get(f"storage account\0{holder}\0{shape}", "") if holder is not None else ""

    def _reserved_ip(self, parsed: Parsed) -> None:
        """`network reserved-ip create <name> <location>`: a reserved IP, unattached unless a VM's
        deployment is given it (`vm create -R`). Under a name the script does not state (`"$NAME"`), the
        stand-in of the value that holds it (see `_held`), which `vm create -R "$NAME"` gives the
        deployment (see `_reserved`): two values are two reserved IPs, one value passed twice one, as a
        name stated twice is."""
        name = parsed.value("name", 0)
        if name is None or name.text == "":
            return
        name_shown = self._held("reserved IP name", name, parsed.at)
        self.reserved_deleted_at.pop(self._network_here(name_shown), None)
        self.reserved.append(
            ReservedIp(
                name_shown, "", "", parsed.at, read_once_in=self.read_once_in, selected_in=self.selected_name
            )
        )

    def _reserved_ip_delete(self, parsed: Parsed) -> None:
        """`network reserved-ip delete <name>`: the reserved IP the script created under that name is gone,
        and no plan step moves it, when the deletion surely runs (as Remove-AzureReservedIP's). The platform
        refuses to delete a reserved IP in use, so one a deployment of the script's is given (`vm create
        -R`), or may be given (by a value the script does not state), stays."""
        name = parsed.value("name", 0)
        named = (name.text or self._held_before("reserved IP name", name)) if name is not None else ""
        if not named or self.maybe or self._may_hold_reserved_ip(named):
            return
        gone = named.casefold()  # of the subscription the CLI works in: a reserved IP's name is unique in one
        self.reserved_deleted_at[self._network_here(named)] = parsed.at
        self.reserved = [
            ip for ip in self.reserved if ip.name.casefold() != gone or not self._works_in(ip.selected_in)
        ]

    def _associated(self, parsed: Parsed) -> _Deployment | None:
        """The deployment `network reserved-ip associate|disassociate <name> <service> <deployment>` names:
        one the script created, else one that exists (which may hold what no file describes), under the
        deployment name the command states."""
        service, named = parsed.value("service-name", 1), parsed.value("deployment-name", 2)
        if service is None or service.text == "":
            return None
        deployment = self._deployment(self._held("cloud service name", service, parsed.at), parsed.at, True)
        if named is not None and named.text and deployment.existing:
            deployment.name = named.text
        return deployment

    def _reserved_ip_associate(self, parsed: Parsed) -> None:
        """`network reserved-ip associate <name> <service> <deployment>`: the deployment's VIP is that
        reserved IP when the command surely runs, or surely runs whenever its VMs were created (see
        `_with_its_creation`); one that may not run otherwise leaves it unknown, the VIP that reserved
        IP on the paths it runs on (as Set-AzureReservedIPAssociation's)."""
        name = parsed.value("name", 0)
        service = _text(parsed.value("service-name", 1))
        uses = "azure network reserved-ip associate" + (f" of cloud service '{service}'" if service else "")
        if self._named_after_delete(
            name, self.reserved_deleted_at, "ReservedIP", uses, "gives the deployment no reserved IP"
        ):
            return
        deployment = self._associated(parsed)
        if deployment is None:
            return
        if self.maybe and not self._with_its_creation(deployment):
            deployment.reserved_ip_known = deployment.reserved_ip_known and deployment.reserved_ip is not None
            name = parsed.value("name", 0)
            shown = (name.text or self._held_before("reserved IP name", name)) if name is not None else ""
            if shown and name is not None:
                deployment.maybe_reserved.append((NameRef(shown, name.mark), False))
            return
        deployment.reserved_ip = None
        self._reserved(deployment, parsed.value("name", 0))

    def _reserved_ip_disassociate(self, parsed: Parsed) -> None:
        """`network reserved-ip disassociate <name> <service> <deployment>`: the deployment keeps a dynamic
        VIP when the command surely runs, or surely runs whenever its VMs were created (see
        `_with_its_creation`, as Remove-AzureReservedIPAssociation's); one of another reserved IP than the one it holds (both stated)
        changes nothing. One that may not run, of the reserved IP the deployment holds
        (or may: a name the script does not state), leaves whether its VIP is reserved unknown: it may
        still hold that reserved IP, which the command may take off (see `model.with_maybe_vips`)."""
        deployment = self._associated(parsed)
        if deployment is None:
            return
        held = deployment.reserved_ip
        if held is not None and not self._may_name(parsed.value("name", 0), held.name):
            return  # another reserved IP than the deployment's: the platform refuses it
        if not self.maybe or self._with_its_creation(deployment):
            deployment.reserved_ip, deployment.reserved_ip_known = None, True
            return
        if held is None:
            return
        deployment.reserved_ip, deployment.reserved_ip_known = None, False
        deployment.maybe_reserved.append((NameRef(held.name, parsed.at), True))

    @staticmethod
    def _may_name(word: Word | None, name: str) -> bool:
        """Whether a word may be `name`: it states it (case aside), or states nothing (a value the script
        does not state), or `name` is the stand-in of one."""
        if word is None or not word.text or is_stand_in(name):
            return True
        return word.text.casefold() == name.casefold()

    def _may_hold_reserved_ip(self, name: str) -> bool:
        """Whether a deployment of the script's is given the reserved IP `name`, or one the script does not
        state."""
        return any(
            not d.reserved_ip_known
            or (d.reserved_ip is not None and d.reserved_ip.name.casefold() == name.casefold())
            for d in self.deployments.values()
        )

    def _vnet_create(self, parsed: Parsed) -> None:
        """`network vnet create <vnet> -l|-a ... -e <start> -i <cidr> -n <subnet> -p <start> -r <cidr>`: a
        network with one subnet, `Subnet-1` unless named (the CLI's `_parseVirtualNetwork`). An address
        space or prefix the script leaves to the CLI's defaults or to values it does not state is not
        known, and not compared with another description's (MIG004). A name the script does not state is
        the stand-in a VM's `-w` given that value has: the network is made all the same."""
        given = parsed.value("vnet", 0)
        if given is None or given.text == "":
            return
        name = given.text if given.text is not None else self._unstated_network(given)
        space = _prefix(parsed.value("address-space"), parsed.value("cidr"))
        subnet_name = parsed.value("subnet-name")
        subnet_prefix = _prefix(parsed.value("subnet-start-ip"), parsed.value("subnet-cidr"))
        group = parsed.value("affinity-group")
        subnet = Subnet(
            self._subnet_name(subnet_name),
            subnet_prefix,
            subnet_name.mark if subnet_name is not None else parsed.at,
            prefix_known=subnet_prefix is not None,
        )
        self.networks[self._network_here(name)] = VirtualNetwork(
            name,
            parsed.at,
            location=_text(parsed.value("location")),
            affinity_group=_text(group),
            affinity_group_mark=group.mark if group is not None else None,
            address_space=(space,) if space is not None else (),
            subnets=(subnet,) if subnet.name else (),
            address_space_known=space is not None,
            replaced=tuple(self._made_anew(name)),
            selected_in=self.selected_name,
        )

    def widen_network(self, given: Word, prefixes: Sequence[Word]) -> None:
        """More address space prefixes of the network `given` names, which a command made: a Terraform
        network's `address_space` after its first, each where it is written, for which `vnet create` has no
        option. One the file does not state leaves the address space not known."""
        name = given.text if given.text is not None else self._network_name(given)
        key = self._network_here(name)
        network = self.networks.get(key)
        if network is None or not prefixes:
            return
        stated = tuple(AddressPrefix(p.text, p.mark) for p in prefixes if p.text is not None)
        self.networks[key] = replace(
            network,
            address_space=(*network.address_space, *stated),
            address_space_known=network.address_space_known and len(stated) == len(prefixes),
        )

    def _made_anew(self, name: str) -> list[VirtualNetwork]:
        """The networks of `name` the script deleted, which the one it makes now replaces."""
        self.networks_deleted_at.pop(self._network_here(name), None)
        return self.deleted.pop(self._network_here(name), [])

    def _refused_after_delete(self, parsed: Parsed, uses: str) -> bool:
        """Whether a command names a network (`-w`) or reserved IP (`-R`) the script surely deleted before
        it and did not make anew: it does not exist then, so the platform refuses the command, which creates
        nothing; each such name is kept (`NamedAfterDelete`), for MIG003 to report."""
        network = self._named_after_delete(
            parsed.value("virtual-network-name"), self.networks_deleted_at, "VirtualNetwork", uses
        )
        reserved = self._named_after_delete(
            parsed.value("reserved-ip"), self.reserved_deleted_at, "ReservedIP", uses
        )
        return network or reserved

    def _named_after_delete(
        self,
        word: Word | None,
        deleted_at: dict[str, Mark],
        kind: str,
        uses: str,
        undone: str = "creates no VM",
    ) -> bool:
        """Whether `word` names what the script surely deleted (`deleted_at`) before the command that gives
        it, kept (`NamedAfterDelete`) for MIG003 to report with what the refused command does not do."""
        if word is None or not word.text:
            return False
        deleted = deleted_at.get(self._network_here(word.text))
        if deleted is not None:
            self.named_after_delete.append(
                NamedAfterDelete(word.text, kind, uses, word.mark, deleted, undone)
            )
        return deleted is not None

    def _subnet_name(self, name: Word | None) -> str:
        """The name of the subnet `network vnet create -n` gives the network: `Subnet-1` unless named, the
        stand-in of a value the script does not state (the network has that one subnet, whatever its name),
        "" for an empty one (the CLI's default is not known to apply)."""
        if name is None:
            return "Subnet-1"
        if name.text is None:
            return self._held("subnet name", name, name.mark)
        return name.text

    def _gateway_create(self, parsed: Parsed) -> None:
        """`network vpn-gateway create <vnet> -t <type> -k <sku>`: the network's gateway, as the cmdlets'
        New-AzureVNetGateway makes it (a classic network's one gateway serves VPN or ExpressRoute by what
        is connected to it, which this command does not say)."""
        vnet = parsed.value("vnet-name", 0)
        if vnet is None or vnet.text == "":
            return
        name = vnet.text if vnet.text is not None else self._unstated_network(vnet)
        fact = VnetGatewayFact(
            name,
            GATEWAY,
            "azure network vpn-gateway create",
            parsed.at,
            gateway_type=_text(parsed.value("type")),
            sku=_text(parsed.value("sku")),
            vnet_mark=vnet.mark,
            selected_in=self.selected_name,
        )
        self.gateways.setdefault((self.working_in, fact), fact)

    def _gateway_delete(self, parsed: Parsed) -> None:
        """`network vpn-gateway delete <vnet>`: the gateway the script created for that network in the
        subscription the CLI works in is gone, when the deletion surely runs (as Remove-AzureVNetGateway's);
        one that may not run, or of a network the script does not state, deletes nothing."""
        vnet = parsed.value("vnet-name", 0)
        if vnet is None or not vnet.text:
            return
        gone = (self.working_in, vnet.text.casefold())
        if not any((key[0], fact.vnet.casefold()) == gone for key, fact in self.gateways.items()):
            # A network the script names only by deleting its gateway: it exists, and has a step to migrate.
            how = "azure network vpn-gateway delete"
            fact = VnetGatewayFact(
                vnet.text, REMOVED, how, parsed.at, vnet_mark=vnet.mark, selected_in=self.selected_name
            )
            self.gateways.setdefault((self.working_in, fact), fact)
            return
        if self.maybe:
            return
        kept: dict[tuple[str, VnetGatewayFact], VnetGatewayFact] = {}
        for key, fact in self.gateways.items():
            if (key[0], fact.vnet.casefold()) == gone and not fact.removes_gateway:
                # The network the gateway was in is still there, without it.
                fact = fact.gateway_removed("azure network vpn-gateway delete")
                key = (key[0], fact)
            kept.setdefault(key, fact)
        self.gateways = kept

    def _vnet_delete(self, parsed: Parsed) -> None:
        """`network vnet delete <vnet>`: the network the script made is gone; kept as one that a network
        of its name made anew replaces. A network named by a value the script does not state is the one
        `vnet create` made under that value. One that may not run deletes nothing."""
        if self.maybe:
            return
        name = self._network_name(parsed.value("vnet", 0))
        key = self._network_here(name)
        gone = self.networks.pop(key, None) if name else None
        if name:
            self.networks_deleted_at[key] = parsed.at
        if gone is not None:
            self.deleted.setdefault(key, []).extend((*gone.replaced, replace(gone, replaced=())))

    def _named_subnet(self, name: Word | None) -> str:
        """The name of the subnet a `network vnet subnet` command names: as stated, else the stand-in an
        earlier command gave the value (`vnet create -n $SUBNET`, `subnet create ... $SUBNET`), else ""."""
        if name is None:
            return ""
        return name.text if name.text is not None else self._held_before("subnet name", name)

    def _subnet_create(self, parsed: Parsed) -> None:
        """`network vnet subnet create <vnet> <name> -a <prefix>`: a subnet more in a network the script
        creates (one it does not has subnets the files do not show: the subnet is described on its own, for
        its prefix, which the CLI writes into the network configuration as given). Names the script does not
        state are those `vnet create` made under the same values, and a subnet's own stand-in: the network
        has a subnet all the same, whatever its name."""
        vnet, name = parsed.value("vnet-name", 0), parsed.value("name", 1)
        group = parsed.value("network-security-group-name")
        _link_subnet(self, parsed.at, True, group, vnet, name)  # `-o <nsg>`: the subnet is made with it
        network_name = self._network_name(vnet)
        key = self._network_here(network_name)
        network = self.networks.get(key)
        if name is None or name.text == "":
            return
        prefix = parsed.value("address-prefix")
        stated = prefix is not None and bool(prefix.text)
        subnet = Subnet(
            name.text if name.text is not None else self._held("subnet name", name, name.mark),
            AddressPrefix(prefix.text or "", prefix.mark) if stated and prefix is not None else None,
            name.mark,
            prefix_known=stated,
        )
        if network is not None:
            self.networks[key] = replace(network, subnets=(*network.subnets, subnet))
        elif network_name and stated:  # its prefix, written as it is, on its own
            self.made.subnets.append(
                replace(subnet, virtual_network=network_name, selected_in=self.selected_name)
            )

    def _subnet_set(self, parsed: Parsed) -> None:
        """`network vnet subnet set <vnet> <name> -a <prefix>` (subnet.js's `set`): the subnet of that name
        has the prefix given (it keeps its name), on any path, as `subnet create` describes it: in a
        network the script creates, else on its own. Without a prefix it changes nothing, nor by a name
        the script does not state and gave no subnet before: which subnet it changes is not known."""
        vnet, name, prefix = (
            parsed.value("vnet-name", 0),
            parsed.value("name", 1),
            parsed.value("address-prefix"),
        )
        network_name, subnet_name = self._network_name(vnet), self._named_subnet(name)
        if not network_name or not subnet_name or name is None or prefix is None or prefix.text == "":
            return
        named = subnet_name.casefold()
        stated = AddressPrefix(prefix.text, prefix.mark) if prefix.text is not None else None
        key = self._network_here(network_name)
        network = self.networks.get(key)
        if network is not None:
            subnets = tuple(
                replace(s, prefix=stated, prefix_known=stated is not None)
                if s.name.casefold() == named
                else s
                for s in network.subnets
            )
            self.networks[key] = replace(network, subnets=subnets)
            return
        others = [s for s in self.made.subnets if not self._subnet_here(s, network_name, named)]
        if stated is not None:
            others.append(
                Subnet(
                    subnet_name,
                    stated,
                    name.mark,
                    virtual_network=network_name,
                    selected_in=self.selected_name,
                )
            )
        self.made.subnets = others

    def _subnet_delete(self, parsed: Parsed) -> None:
        """`network vnet subnet delete <vnet> <name>`: the subnet is gone from the network the script
        creates, or from those it describes on their own, when the deletion surely runs. By a name the
        script does not state and gave no subnet before, which subnet goes is not known: none does."""
        vnet, name = parsed.value("vnet-name", 0), parsed.value("name", 1)
        network_name, subnet_name = self._network_name(vnet), self._named_subnet(name)
        if not network_name or not subnet_name or self.maybe:
            return
        named = subnet_name.casefold()
        key = self._network_here(network_name)
        network = self.networks.get(key)
        if network is not None:  # kept as it was, for the commands that made its subnets (`replaced`)
            subnets = tuple(s for s in network.subnets if s.name.casefold() != named)
            before = (*network.replaced, replace(network, replaced=()))
            self.networks[key] = replace(network, subnets=subnets, replaced=before)
        self.made.subnets = [s for s in self.made.subnets if not self._subnet_here(s, network_name, named)]

    def _subnet_here(self, subnet: Subnet, vnet: str, name: str) -> bool:
        """Whether a subnet described on its own is the subnet `name` (casefolded) of the network `vnet` in
        the subscription the CLI works in here: the network of that name in another is another."""
        return _same_subnet(subnet, vnet, name) and self._works_in(subnet.selected_in)

    def resources(self) -> list[object]:
        """What the commands handed over describe."""
        described: list[object] = [d.deployment() for d in self.deployments.values()]
        return [
            *described,
            *self.subscriptions.values(),
            *self.clouds.values(),
            *self.sign_ins.clouds.values(),
            *with_maybe_vips(self.reserved, [d.reserving() for d in self.deployments.values()]),
            *self.regions,
            *self.storage.values(),
            *self.networks.values(),
            *self.gateways.values(),
            *self.made.resources(),
            *self.named_after_delete,
            *self.sent_bodies,
        ]


# --- network security groups, route tables, local sites, disks, images, Application Gateways ------------


@dataclass
class _Made:
    """What a script's commands make beside its VMs and networks, as the PowerShell reader's twins of
    those commands make it: network security groups and route tables with the subnets they are associated
    with and the groups' rules, local network sites, the disks and images it registers and its classic
    Application Gateways. Each by its name as stated (a value the script does not state names none)."""

    groups: dict[str, NetworkSecurityGroup] = field(default_factory=dict)
    tables: dict[str, RouteTable] = field(default_factory=dict)
    # By (network, subnet): the group or table the subnet uses from then on.
    subnet_groups: dict[tuple[str, str], NetworkSecurityGroup] = field(default_factory=dict)
    subnet_tables: dict[tuple[str, str], RouteTable] = field(default_factory=dict)
    rules: dict[tuple[str, str], list[SecurityRule]] = field(default_factory=dict)
    vm_groups: set[str] = field(default_factory=set)  # the groups a VM's network interface is given
    sites: dict[str, LocalNetworkSite] = field(default_factory=dict)
    connections: list[VnetGatewayFact] = field(default_factory=list)  # of networks the script does not make
    disks: dict[str, Disk] = field(default_factory=dict)
    images: dict[str, Image] = field(default_factory=dict)
    application_gateways: dict[str, inv.ApplicationGateway] = field(default_factory=dict)
    subnets: list[Subnet] = field(default_factory=list)  # added to networks the script does not create

    def resources(self) -> list[object]:
        return [
            *self.subnets,
            *(group for name, group in self.groups.items() if name not in self.vm_groups),
            *self.subnet_groups.values(),
            *(rule for rules in self.rules.values() for rule in rules),
            *self.tables.values(),
            *self.subnet_tables.values(),
            *self.sites.values(),
            *self.connections,
            *self.disks.values(),
            *self.images.values(),
            *self.application_gateways.values(),
        ]


def _service_key(service: Word | None) -> str | None:
    """What names a cloud service in every command given it: its name, else what holds the value that
    names it (`$svc`); None where nothing tells."""
    if service is None:
        return None
    if service.text:
        return service.text.casefold()
    return f"\0{service.identity}" if service.identity is not None else None


def _same_subnet(subnet: Subnet, vnet: str, name: str) -> bool:
    """Whether a subnet described on its own is the subnet `name` (casefolded) of the network `vnet`."""
    return subnet.virtual_network.casefold() == vnet.casefold() and subnet.name.casefold() == name


def _stated(*words: Word | None) -> bool:
    return all(word is not None and bool(word.text) for word in words)


def _network_resource(reading: Reading, parsed: Parsed) -> None:
    """`network nsg create <name> <location>`, `network route-table create <name> <location>`: a group or
    table of its own, at the command, until a subnet is associated with it (New-AzureNetworkSecurityGroup,
    New-AzureRouteTable). Under a name the script does not state (`$1-nsg`), the stand-in of the value that
    holds it (see `_held`): made all the same, it migrates on its own (Move-AzureNetworkSecurityGroup), as
    PowerShell's and a reserved IP's of such a name do."""
    name = parsed.value("name", 0)
    if name is None or name.text == "":
        return
    group = parsed.path[1] == "nsg"
    shown = reading._held("network security group name" if group else "route table name", name, parsed.at)
    # Its name is unique within its subscription only: one made of that name in another is another.
    key, selected = reading._here(shown.casefold()), reading.selected_name
    if group:
        reading.made.groups.setdefault(key, NetworkSecurityGroup(shown, parsed.at, selected_in=selected))
    else:
        reading.made.tables.setdefault(key, RouteTable(shown, parsed.at, selected_in=selected))


def _network_resource_delete(reading: Reading, parsed: Parsed) -> None:
    """`network nsg delete`, `network route-table delete`: the one the script made is gone, when the
    deletion surely runs and the script associates no subnet with it (the platform refuses that)."""
    name = parsed.value("name", 0)
    if name is None or not name.text or reading.maybe:
        return
    group = parsed.path[1] == "nsg"
    made = reading.made
    links = made.subnet_groups.values() if group else made.subnet_tables.values()
    here = [link for link in links if reading._works_in(link.selected_in)]
    if all(link.name.casefold() != name.text.casefold() for link in here):
        (made.groups if group else made.tables).pop(reading._here(name.text.casefold()), None)


def _subnet_link(reading: Reading, parsed: Parsed) -> None:
    """`network nsg subnet add <nsg> <vnet> <subnet>`, `network vnet subnet route-table add <vnet> <subnet>
    <table>`: the subnet uses the group or table from then on, in place of any before, when the script
    states every name (Set-AzureNetworkSecurityGroupToSubnet, Set-AzureSubnetRouteTable); recorded when
    the command may run, as PowerShell's is."""
    group = parsed.path[1] == "nsg"
    if group:
        name, vnet, subnet = (
            parsed.value(o, i) for i, o in enumerate(("nsg-name", "vnet-name", "subnet-name"))
        )
    else:
        vnet, subnet, name = (
            parsed.value(o, i) for i, o in enumerate(("vnet-name", "subnet-name", "route-table-name"))
        )
    _link_subnet(reading, parsed.at, group, name, vnet, subnet)


def _link_subnet(
    reading: Reading, at: Mark, group: bool, name: Word | None, vnet: Word | None, subnet: Word | None
) -> None:
    linked = _linked_name(reading, group, name)
    if not linked or vnet is None or subnet is None or not _stated(vnet, subnet):
        return
    made, where = reading.made, (reading._network_here(_text(vnet)), _text(subnet).casefold())
    network, named, selected = _text(vnet), _text(subnet), reading.selected_name
    if group:
        made.subnet_groups[where] = NetworkSecurityGroup(
            linked, at, network, named, vnet.mark, subnet.mark, selected_in=selected
        )
    else:
        made.subnet_tables[where] = RouteTable(
            linked, at, network, named, vnet.mark, subnet.mark, selected_in=selected
        )


def _linked_name(reading: Reading, group: bool, name: Word | None) -> str:
    """The name of the group or table a subnet is given: as the script states it, else the stand-in of
    the value the script created one under (`nsg create "$NSG"`, then `nsg subnet add "$NSG" ...`: that
    group, which is then no longer unattached), as PowerShell's `_network_resource_name` finds it. "" for
    a value no command created one under, which may name any group or table of the subscription."""
    if name is None or name.text:
        return _text(name)
    return reading._held_before("network security group name" if group else "route table name", name)


def _subnet_unlink(reading: Reading, parsed: Parsed) -> None:
    """`network nsg subnet remove`, `network vnet subnet route-table delete`: the subnet uses none from
    then on, when the removal surely runs."""
    group = parsed.path[1] == "nsg"
    vnet, subnet = (
        (parsed.value("vnet-name", 1), parsed.value("subnet-name", 2))
        if group
        else (
            parsed.value("vnet-name", 0),
            parsed.value("subnet-name", 1),
        )
    )
    if reading.maybe or not _stated(vnet, subnet):
        return
    where = (reading._network_here(_text(vnet)), _text(subnet).casefold())
    if group:
        reading.made.subnet_groups.pop(where, None)
    else:
        reading.made.subnet_tables.pop(where, None)


def _security_rule(reading: Reading, parsed: Parsed) -> None:
    """`network nsg rule create <nsg> <name> -r <type> -y <priority> -e <destination> -c <action> ...`: the
    rule of that name in the group, as Set-AzureNetworkSecurityRule sets one; a value not given is the
    CLI's default (`_RULE_OPTIONS`), one the script gives but does not state is None (any it may be)."""
    group, name = parsed.value("nsg-name", 0), parsed.value("name", 1)
    if group is None or name is None or not _stated(group, name):
        return
    values: dict[str, str | None] = {}
    for field_name, (option, _, default) in _RULE_OPTIONS.items():
        given = parsed.value(option)
        values[field_name] = default if given is None else given.text
    runs = MAYBE_RUNS if reading.maybe else ""
    selected = reading.selected_name
    rule = SecurityRule(_text(group), _text(name), parsed.at, **values, runs=runs, selected_in=selected)
    at = _rule_here(reading, group, name)
    reading.made.rules[at] = rules_after(reading.made.rules.get(at, []), rule)


def _security_rule_set(reading: Reading, parsed: Parsed) -> None:
    """`network nsg rule set <nsg> <name> -c <action> ...`: the rule of that name, which the CLI requires to
    be in the group, with each value the command is given (and does not leave empty) in place of the
    rule's own, the others kept (nsg.js's `setRule`). Of a rule the script sets before, each it may be is
    changed; of another, the values not given are not known (None, any they may be). One that may not run
    leaves the rule it changes one that may be there, as Set-AzureNetworkSecurityRule's does."""
    group, name = parsed.value("nsg-name", 0), parsed.value("name", 1)
    if group is None or name is None or not _stated(group, name):
        return
    given: dict[str, str | None] = {}
    for field_name, (option, _, _) in _RULE_OPTIONS.items():
        word = parsed.value(option)
        if word is not None and word.text != "":
            given[field_name] = word.text
    at = _rule_here(reading, group, name)
    earlier = reading.made.rules.get(at, [])
    runs = MAYBE_RUNS if reading.maybe else ""
    unknown: dict[str, str | None] = dict.fromkeys(_RULE_OPTIONS, None)
    changed = [
        SecurityRule(
            rule.group,
            rule.name,
            parsed.at,
            **{**{f: getattr(rule, f) for f in _RULE_OPTIONS}, **given},
            runs=rule.runs or runs,
            selected_in=reading.selected_name,
        )
        for rule in earlier
    ] or [
        SecurityRule(
            _text(group),
            _text(name),
            parsed.at,
            **{**unknown, **given},
            runs=runs,
            selected_in=reading.selected_name,
        )
    ]
    kept = [replace(rule, runs=MAYBE_RUNS) for rule in earlier] if reading.maybe else []
    reading.made.rules[at] = [*kept, *changed]


def _security_rule_delete(reading: Reading, parsed: Parsed) -> None:
    """`network nsg rule delete <nsg> <name>`: the rule the script set under that name is gone, when the
    deletion surely runs; one that may not run leaves it a rule that may not be there (as
    Remove-AzureNetworkSecurityRule)."""
    group, name = parsed.value("nsg-name", 0), parsed.value("name", 1)
    at = _rule_here(reading, group, name)
    if not _stated(group, name) or at not in reading.made.rules:
        return
    if reading.maybe:
        reading.made.rules[at] = [replace(rule, runs=MAYBE_RUNS) for rule in reading.made.rules[at]]
    else:
        del reading.made.rules[at]


def _rule_here(reading: Reading, group: Word | None, name: Word | None) -> tuple[str, str]:
    """The key of the rule `name` of the group `group` in the subscription the CLI works in here: the
    group's name is unique within its subscription only (`_network_resource`), and so its rules are."""
    return reading._here(_text(group).casefold()), _text(name).casefold()


def _cli_accepts(prefix: str) -> bool:
    """Whether the CLI keeps an address prefix of `local-network create` (vnet.util's `parseIPv4Cidr`: four
    octets of one to three ASCII digits up to 255, a prefix length from 8 to 29); it warns and drops any
    other. Host bits and zero-padded octets pass, as they did on the classic platform."""
    address, slash, length = prefix.partition("/")
    octets = address.split(".")
    if not slash or "/" in length or len(octets) != 4:
        return False
    digits = length[: len(length) - len(length.lstrip("0123456789"))] or "x"
    ascii_octets = all(0 < len(o) <= 3 and all(c in "0123456789" for c in o) for o in octets)
    return digits.isdigit() and 8 <= int(digits) <= 29 and ascii_octets and all(int(o) <= 255 for o in octets)


def _local_network(reading: Reading, parsed: Parsed) -> None:
    """`network local-network create <name> <prefix,...> -w <address>`: a local network site the CLI adds
    to the subscription's network configuration, with the prefixes it keeps (see `_cli_accepts`); none
    kept, the command fails."""
    name, prefixes = parsed.value("name", 0), parsed.value("address-prefixes", 1)
    if name is None or not name.text or prefixes is None or prefixes.text == "":
        return
    kept = _kept_prefixes(prefixes) if prefixes.text else ()
    if prefixes.text and not kept:
        return
    site = LocalNetworkSite(
        name.text,
        kept,
        _text(parsed.value("vpn-gateway-address")),
        parsed.at,
        address_space_known=prefixes.text is not None,
        selected_in=reading.selected_name,
        in_network_configuration=True,
    )
    reading.made.sites.setdefault(reading._site_here(name.text), site)


def _shape_identity(word: Word) -> str | None:
    """What tells a value built around values the script does not state apart by its expression alone
    (`Word.identity` without its holder): the same for `$m` after `m="etcd$i"` as for the word `etcd$i`
    written out. None where it has no such expression, or a part whose holder is not known."""
    if word.shape is None or not word.holes or None in word.holes:
        return None
    return "\0".join((word.shape, *(hole or "" for hole in word.holes)))


def _kept_prefixes(prefixes: Word) -> tuple[AddressPrefix, ...]:
    """The prefixes of `-a <prefix,...>` the CLI keeps (see `_cli_accepts`), each where it is written."""
    return tuple(
        AddressPrefix(p.text or "", p.mark) for p in _split(prefixes, ",") if _cli_accepts(p.text or "")
    )


def _local_network_set(reading: Reading, parsed: Parsed) -> None:
    """`network local-network set <name> -a <prefix,...> -w <address>` (localNetwork.js's `set`): the site
    the script made, with the prefixes the CLI keeps in place of its own (none kept, the command fails)
    and the gateway address given; a value not given, or left empty, is kept. As the site's definition,
    on any path (whichever runs is what migrates); a site the script does not make is not described."""
    name = parsed.value("name", 0)
    site = reading.made.sites.get(reading._site_here(_text(name)))
    if site is None:
        return
    changed = site
    prefixes = parsed.value("address-prefixes")
    if prefixes is not None and prefixes.text is None:
        changed = replace(changed, address_space=(), address_space_known=False)
    elif prefixes is not None and prefixes.text:
        kept = _kept_prefixes(prefixes)
        if not kept:
            return
        changed = replace(changed, address_space=kept, address_space_known=True)
    address = parsed.value("vpn-gateway-address")
    if address is not None and address.text != "":
        changed = replace(changed, vpn_gateway_address=address.text or "")
    reading.made.sites[reading._site_here(site.name)] = changed
    for key, network in list(reading.networks.items()):  # the site written in full beside its connections
        if site in network.inline_local_sites and reading._works_in(network.selected_in):
            own = tuple(changed if each == site else each for each in network.inline_local_sites)
            reading.networks[key] = replace(network, inline_local_sites=own)


def _connected(reading: Reading, site: str) -> bool:
    """Whether a network's gateway connects to the local site `site` (by name, casefolded) in the
    subscription the CLI works in, as far as the script's own networks and connections tell."""
    return any(
        c.local_site.casefold() == site
        for network in reading.networks.values()
        if network.gateway is not None and reading._works_in(network.selected_in)
        for c in network.gateway.connections
    ) or any(
        fact.local_site.casefold() == site and reading._works_in(fact.selected_in)
        for fact in reading.made.connections
    )


def _local_network_delete(reading: Reading, parsed: Parsed) -> None:
    """`network local-network delete <name>`: the site the script made is gone, when the deletion surely
    runs and no network's gateway connects to it (localNetwork.js's `delete` refuses that)."""
    site = _text(parsed.value("name", 0)).casefold()
    if site and not reading.maybe and not _connected(reading, site):
        reading.made.sites.pop(reading._site_here(site), None)


def _local_network_remove(reading: Reading, parsed: Parsed) -> None:
    """`network vnet local-network remove <vnet> <site>`: the network's gateway no longer connects to the
    site (the CLI takes the `LocalNetworkSiteRef` out of the network configuration), when the removal
    surely runs: the connection `vnet local-network add` made is gone, of a network the script makes with
    the site written beside it, of another with what the script states of its gateway."""
    vnet, site = parsed.value("name", 0), parsed.value("local-network-name", 1)
    if not _stated(vnet, site) or reading.maybe:
        return
    gone = _text(site).casefold()
    network = reading.networks.get(reading._network_here(_text(vnet)))
    if network is None:
        reading.made.connections = [
            fact
            for fact in reading.made.connections
            if (fact.vnet.casefold(), fact.local_site.casefold()) != (_text(vnet).casefold(), gone)
            or not reading._works_in(fact.selected_in)
        ]
        return
    if network.gateway is None:
        return
    kept = tuple(c for c in network.gateway.connections if c.local_site.casefold() != gone)
    own = tuple(s for s in network.inline_local_sites if s.name.casefold() != gone)
    reading.networks[reading._network_here(_text(vnet))] = replace(
        network, gateway=replace(network.gateway, connections=kept), inline_local_sites=own
    )


def _shared_key(reading: Reading, parsed: Parsed) -> None:
    """`network vpn-gateway shared-key set|reset <vnet> [-t <site>]`: a pre-shared key exists only for an
    IPsec connection of the network's gateway to a local network site (the network's default site where
    `-t` is not given), so the gateway is a VPN gateway connected to that site, as Set-AzureVNetGatewayKey
    shows it. The command connects nothing and changes no network configuration."""
    vnet, site = parsed.value("vnet-name", 0), parsed.value("site-name")
    if vnet is None or vnet.text == "":
        return
    how = next(command for command in automation.SHARED_KEY_COMMANDS if command.endswith(parsed.path[-1]))
    fact = VnetGatewayFact(
        vnet.text if vnet.text is not None else reading._unstated_network(vnet),
        VPN,
        how,
        parsed.at,
        (site.text or "") if site is not None else "",
        vnet_mark=vnet.mark,
        selected_in=reading.selected_name,
    )
    reading.made.connections.append(fact)


def _local_network_add(reading: Reading, parsed: Parsed) -> None:
    """`network vnet local-network add <vnet> <site>`: the network's gateway connects to the site by
    site-to-site VPN (the CLI writes the `LocalNetworkSiteRef`, of type IPsec, into the network
    configuration). Of a network the script makes, the connection is its network configuration's, with
    the site the script made written in full beside it; of another, what a script states of the network's
    gateway, as Set-AzureVNetGateway -Connect does. A network or site the script does not state is the
    stand-in of its value (`vpn-gateway create $VNET`'s network): a connection all the same."""
    vnet, site = parsed.value("name", 0), parsed.value("local-network-name", 1)
    if vnet is None or site is None or "" in (vnet.text, site.text):
        return
    site_name = reading._held("local site name", site, site.mark)
    key = reading._network_here(reading._network_name(vnet))
    network = reading.networks.get(key)
    if network is None:  # a site the script does not state is "", as the cmdlets' connection has it
        fact = VnetGatewayFact(
            vnet.text if vnet.text is not None else reading._unstated_network(vnet),
            VPN,
            "azure network vnet local-network add",
            parsed.at,
            site.text or "",
            vnet_mark=vnet.mark,
            selected_in=reading.selected_name,
        )
        reading.made.connections.append(fact)
        return
    gateway = network.gateway or Gateway((), (), parsed.at)
    connection = GatewayConnection(site_name, "IPsec", site.mark, site_mark=site.mark)
    defined = reading.made.sites.get(reading._site_here(site_name))
    own = network.inline_local_sites + (
        (defined,) if defined and defined not in network.inline_local_sites else ()
    )
    reading.networks[key] = replace(
        network,
        gateway=replace(gateway, connections=(*gateway.connections, connection)),
        inline_local_sites=own,
    )


def _attach_new(reading: Reading, parsed: Parsed) -> None:
    """`vm disk attach-new <vm> <size> <blob-url>`: a data disk of the VM in that blob (a full address; the
    CLI puts one it is given in part beside the OS disk), as `vm create -u` gives its OS disk one: in the
    storage account the address names where the script does not state all of it (`_os_disk`)."""
    blob = parsed.value("blob-url", 2)
    if blob is None or (blob.text and "://" not in blob.text):  # a name alone: beside the OS disk
        return
    if blob.text:
        disk = Disk("", blob.text, "", "", parsed.at, media_link_mark=blob.mark)
        _attach(reading, parsed, lambda vm: disk)
        return
    account = reading.blob_account(blob) or _stated_account(blob)
    if account:
        _attach(reading, parsed, lambda vm: reading.disk_in(account, "data disk", vm.name, blob.mark))


def _attach_registered(reading: Reading, parsed: Parsed) -> None:
    """`vm disk attach <vm> <disk>`: the disk of that name in the subscription's repository, a data disk of
    the VM from then on (Add-AzureDataDisk -Import -DiskName)."""
    name = parsed.value("disk-image-name", 1)
    if name is not None:
        # One the script does not state is one disk all the same: a stand-in, the same for every command
        # given the same variable, as `vm disk create` registers it by (see `_registered_name`).
        shown = _registered_name(reading, "disk name", name)
        _attach(reading, parsed, lambda vm: Disk(shown, "", "", "", name.mark))


def _attach(reading: Reading, parsed: Parsed, disk_of: Callable[[_Vm], Disk]) -> None:
    """The disk `disk_of` gives the VM the command names, attached to it at the LUN the CLI picks
    (vmclient.js: the one after the highest its data disks use, 0 for none): of a VM the script creates,
    the script shows them all; of another, the VM's description (another file's) says which, at the link
    stage."""
    for vm in reading._changed_vms(parsed):  # each path's VM, at the LUN after its own disks'
        disk = disk_of(vm)
        luns = [int(d.lun) for d in vm.disks if d.lun.isdigit()]
        lun = "" if vm.existing else str(max(luns, default=-1) + 1)
        vm.disks.append(replace(disk, attached_to=vm.name, lun=lun, lun_after_highest=vm.existing, data=True))


def _registered_blob(parsed: Parsed) -> tuple[bool, Word | None]:
    """Whether `vm disk create` or `vm image create` registers its disk or image (image.js's `create`: a
    source to upload or copy needs `--blob-url`, `--location` or `--affinity-group`, none needs
    `--blob-url`), and the full blob address it registers, where the script states it (`-u`; the CLI names
    the blob itself otherwise), or one the script builds around values it does not state (text None)."""
    blob = parsed.value("blob-url")
    placed = blob is not None or parsed.value("location") is not None or parsed.value("affinity-group")
    runs = placed if parsed.value("source-path", 1) is not None else blob is not None
    if blob is not None and (blob.text is None or "://" in blob.text):
        return bool(runs), blob
    return bool(runs), None


def _register(reading: Reading, parsed: Parsed) -> None:
    """`vm disk create <name> [source] -u <blob>` (Add-AzureDisk) and `vm image create <name> [source] -u
    <blob> --os <os>` (Add-AzureVMImage): a disk or image of the script's own in the subscription's
    repository, attached to no VM unless a file gives one the disk by name (MIG402). An image needs `--os`
    linux or windows, or the CLI refuses it."""
    name = parsed.value("name", 0)
    runs, blob = _registered_blob(parsed)
    if name is None or not runs:
        return
    media = blob.text or "" if blob is not None else ""
    # A blob in an account the script does not state (`-u "https://$SA.blob..."`) is in that value's
    # stand-in account, as a VM's disk there is.
    account = (reading.blob_account(blob) or _stated_account(blob)) if blob is not None and not media else ""
    mark = blob.mark if blob is not None and (media or account) else None
    if parsed.path[1] == "disk":
        shown = _registered_name(reading, "disk name", name)
        disk = Disk(
            shown,
            media,
            "",
            "",
            parsed.at,
            media_link_mark=mark,
            account=account,
            read_once_in=reading.read_once_in,
            selected_in=reading.selected_name,
        )
        # A disk's or image's name is unique within its subscription only.
        reading.made.disks.setdefault(reading._here(shown.casefold()), disk)
        return
    os = parsed.value("os")
    if os is None or (os.text is not None and os.text.strip().casefold() not in ("linux", "windows")):
        return
    shown = _registered_name(reading, "image name", name)
    image = Image(
        shown,
        media,
        parsed.at,
        account=account,
        read_once_in=reading.read_once_in,
        selected_in=reading.selected_name,
    )
    reading.made.images.setdefault(reading._here(shown.casefold()), image)


def _stated_account(blob: Word) -> str:
    """The storage account a blob address names where the script states the account but not the whole
    address (`https://acct.blob.core.windows.net/vhds/$VM.vhd`); "" for any other."""
    return automation.stated_blob_account(blob.shape or "", HOLE)


def _capture(reading: Reading, parsed: Parsed) -> None:
    """`vm capture <vm> <image>` (Save-AzureVMImage): an image of the script's own, copied from the VM's disks
    into the storage account they are in, where the script states it. With `-t` (`--delete`, which the
    capture of an OS image asks for) the platform deletes the VM once it is captured, as `vm delete` does:
    the image is then all the account `vm create` without `-u` picked for the VM's OS disk holds of it, and
    is in that account's step, where the VM's OS disk was while the VM was kept."""
    image = parsed.value("target-image-name", 1)
    if image is not None:
        shown = _registered_name(reading, "image name", image)
        captured = Image(
            shown,
            "",
            parsed.at,
            account=reading.os_disk_account(parsed, picked=parsed.flag("delete")),
            read_once_in=reading.read_once_in,
            selected_in=reading.selected_name,
        )
        reading.made.images.setdefault(reading._here(shown.casefold()), captured)
    if parsed.flag("delete"):
        reading._vm_delete(parsed)


def _registered_name(reading: Reading, what: str, word: Word) -> str:
    """The name a disk or image is registered under: as the script states it, else a stand-in where the
    name is passed (`<image name, capture.sh:3>`: a parameter, a blank left to fill in), one for every
    command given the same variable, so that `vm image delete "$NAME"` takes away what `vm capture vm1
    "$NAME"` made."""
    stated = word.text if word.text and word.text.strip() else None
    return reading._held(what, replace(word, text=stated), word.mark)


def _unregister(reading: Reading, parsed: Parsed) -> None:
    """`vm disk delete`, `vm image delete`: the disk or image the script registered is gone, when the
    deletion surely runs. One by a name the script does not state: the one registered by the same
    variable."""
    name = parsed.value("name", 0)
    if name is None or reading.maybe:
        return
    disk = parsed.path[1] == "disk"
    unstated = not (name.text and name.text.strip())
    what = "disk name" if disk else "image name"
    held = reading.unstated.get(f"{what}\0{name.identity}") if unstated and name.identity else None
    shown = held if unstated else name.text
    if shown:
        (reading.made.disks if disk else reading.made.images).pop(reading._here(shown.casefold()), None)


def _application_gateway(reading: Reading, parsed: Parsed) -> None:
    """`network application-gateway create <name> <vnet> <subnet,...>` (New-AzureApplicationGateway): a
    classic Application Gateway in that network and those subnets (MIG312), at the command; a name the
    script does not state is shown as a stand-in."""
    name, vnet = parsed.value("name", 0), parsed.value("vnet-name", 1)
    subnets = parsed.value("subnet-names", 2)
    parts = _split(subnets, ",") if subnets is not None and subnets.text else []
    shown = _text(name) or reading._stand_in("Application Gateway name", parsed.at)
    reading.made.application_gateways[shown.casefold()] = inv.ApplicationGateway(
        shown,
        _text(vnet) or reading._stand_in("virtual network name", parsed.at),
        parsed.at,
        subnets=tuple(p.text or "" for p in parts),
        vnet_mark=vnet.mark if vnet is not None else None,
        subnet_marks=tuple(p.mark for p in parts),
    )


def _application_gateway_delete(reading: Reading, parsed: Parsed) -> None:
    name = parsed.value("name", 0)
    if name is not None and name.text and not reading.maybe:
        reading.made.application_gateways.pop(name.text.casefold(), None)


def _balanced_deployment(reading: Reading, parsed: Parsed, subnet: NameRef | None) -> _Deployment | None:
    """The deployment whose internal load balancers a `service internal-load-balancer` command changes: the
    one the script describes in the service it names (by name, or by the value that holds it), else, where
    the command puts a frontend in a subnet of a service it names, the deployment there, which is then in a
    virtual network with that subnet (as Add-AzureInternalLoadBalancer -SubnetName is read); None where
    nothing says which deployment, or where it is in any network."""
    service = parsed.value("serviceName", 0)
    if service is None:
        return None
    name = service.text or reading._held_before("cloud service name", service)
    found = reading.deployments.get(reading._here(name.casefold())) if name else None
    if found is not None and not found.deleted:
        return found
    if subnet is None or not service.text:
        return None
    return reading._deployment(service.text, parsed.at, existing=True)


def _frontend_subnet(parsed: Parsed) -> NameRef | None:
    """The subnet `-t` puts an internal load balancer's frontend in, where the script states it."""
    subnet = parsed.value("subnet-name")
    if subnet is None or not subnet.text or not subnet.text.strip():
        return None
    return NameRef(subnet.text.strip(), subnet.mark)


def _balancer_name(reading: Reading, parsed: Parsed) -> str:
    return reading._held("load balancer name", parsed.value("internalLBName", 1), parsed.at)


def _balancer_add(reading: Reading, parsed: Parsed) -> None:
    """`service internal-load-balancer add <service> <name> -t <subnet>`: an internal load balancer of the
    service's deployment, its frontend in that subnet of the deployment's network."""
    subnet = _frontend_subnet(parsed)
    deployment = _balanced_deployment(reading, parsed, subnet)
    if deployment is not None:
        name = _balancer_name(reading, parsed)
        deployment.balancers[name.casefold()] = InternalLoadBalancer(name, parsed.at, subnet)


def _balancer_set(reading: Reading, parsed: Parsed) -> None:
    """`service internal-load-balancer set <service> <name> -t <subnet>`: the load balancer's frontend moves
    to that subnet (`-d` takes it out of any), where the command surely runs; one the script does not add
    is one of the deployment there, as `add` reads it. One that may not run leaves the script's own as it
    was: the frontend is in its subnet on the paths that skip the command."""
    subnet = _frontend_subnet(parsed)
    if subnet is None and not parsed.flag("remove-subnet"):
        return
    deployment = _balanced_deployment(reading, parsed, subnet)
    if deployment is None:
        return
    name = _balancer_name(reading, parsed)
    if name.casefold() not in deployment.balancers or not reading.maybe:
        deployment.balancers[name.casefold()] = InternalLoadBalancer(name, parsed.at, subnet)


def _balancer_delete(reading: Reading, parsed: Parsed) -> None:
    """`service internal-load-balancer delete <service> <name>`: the script's load balancer of that name is
    gone, where the deletion surely runs."""
    deployment = _balanced_deployment(reading, parsed, None)
    if deployment is not None and not reading.maybe:
        deployment.balancers.pop(_balancer_name(reading, parsed).casefold(), None)


_MADE_BY = {
    ("service", "internal-load-balancer", "add"): _balancer_add,
    ("service", "internal-load-balancer", "set"): _balancer_set,
    ("service", "internal-load-balancer", "delete"): _balancer_delete,
    ("network", "nsg", "create"): _network_resource,
    ("network", "route-table", "create"): _network_resource,
    ("network", "nsg", "delete"): _network_resource_delete,
    ("network", "route-table", "delete"): _network_resource_delete,
    ("network", "nsg", "rule", "create"): _security_rule,
    ("network", "nsg", "rule", "set"): _security_rule_set,
    ("network", "nsg", "rule", "delete"): _security_rule_delete,
    ("network", "nsg", "subnet", "add"): _subnet_link,
    ("network", "vnet", "subnet", "route-table", "add"): _subnet_link,
    ("network", "nsg", "subnet", "remove"): _subnet_unlink,
    ("network", "vnet", "subnet", "route-table", "delete"): _subnet_unlink,
    ("network", "local-network", "create"): _local_network,
    ("network", "local-network", "set"): _local_network_set,
    ("network", "local-network", "delete"): _local_network_delete,
    ("network", "vnet", "local-network", "add"): _local_network_add,
    ("network", "vpn-gateway", "shared-key", "set"): _shared_key,
    ("network", "vpn-gateway", "shared-key", "reset"): _shared_key,
    ("network", "vnet", "local-network", "remove"): _local_network_remove,
    ("network", "application-gateway", "create"): _application_gateway,
    ("network", "application-gateway", "delete"): _application_gateway_delete,
    ("vm", "disk", "attach-new"): _attach_new,
    ("vm", "disk", "attach"): _attach_registered,
    ("vm", "disk", "create"): _register,
    ("vm", "image", "create"): _register,
    ("vm", "disk", "delete"): _unregister,
    ("vm", "image", "delete"): _unregister,
    ("vm", "capture"): _capture,
}


def _text(word: Word | None) -> str:
    return word.text or "" if word is not None else ""


def _prefix(start: Word | None, cidr: Word | None) -> AddressPrefix | None:
    """`-e 10.0.0.0 -i 16` as the prefix `10.0.0.0/16`, where the script states both."""
    if start is None or cidr is None or not start.text or not cidr.text:
        return None
    return AddressPrefix(f"{start.text}/{cidr.text}", start.mark)


# The verbs of the classic CLI's commands that change what they name; the others (`list`, `show`, `export`,
# `check`) read it.
_WRITE_VERBS = frozenset(
    {
        "create",
        "set",
        "delete",
        "add",
        "remove",
        "renew",
        "start",
        "stop",
        "restart",
        "shutdown",
        "attach",
        "detach",
        "associate",
        "disassociate",
        "register",
        "unregister",
        "reset",
        "update",
        "swap",
        "capture",
        "enable",
        "disable",
    }
)
# The groups of `vm` whose commands name a disk, an image or a blob, not a VM (but `vm disk detach <vm> <lun>`).
_VM_STORAGE = frozenset({("vm", "disk"), ("vm", "image")})
# The network groups whose other commands change a resource a migration moves, by the name they give first:
# a network's VPN gateway (`vpn-gateway set <vnet>`), a reserved IP's association, a group's or route
# table's settings (`route-table route set <table> <route>`).
_OTHER_NETWORK_SCOPES: dict[tuple[str, ...], str] = {
    ("network", "vpn-gateway"): "virtual-network",
    **{group: scope for group, scope in MIGRATION.items() if group[0] == "network" and group[1] != "vnet"},
}


def _positional(word: Word) -> bool:
    """Whether a word is an argument, not an option."""
    text = word.text if word.text is not None else _unstated_option(word)
    return text is None or not text.startswith("-") or text == "-"


def _dns_option(words: Sequence[Word]) -> Word | None:
    """The value of `-d` / `--dns-name` (`--dns-name=svc`) among the words, which every command on a VM
    takes."""
    split = [part for word in words for part in _long_option_split(word)]
    for index, word in enumerate(split):
        if word.text in ("-d", "--dns-name") and index + 1 < len(split):
            return split[index + 1]
    return None


def _named(scope: str, word: Word | None) -> tuple[tuple[str, str], ...]:
    return ((scope, word.text),) if word is not None and word.text else ()


def _split(word: Word, separator: str) -> list[Word]:
    """The parts of a stated value a separator divides (`a,b`), each placed at its column."""
    text = word.text or ""
    parts, start = [], 0
    for piece in text.split(separator):
        stripped = piece.strip()
        if stripped:
            parts.append(word.part(start + piece.index(stripped), stripped))
        start += len(piece) + 1
    return parts


# The CLI's command groups under `vm`, `network`, `service` and `storage`: a command's path is the groups it
# names, then its verb.
_SUBGROUPS = frozenset(
    {
        "endpoint",
        "acl-rule",
        "extension",
        "static-ip",
        "public-ip",
        "disk",
        "image",
        "docker",
        "location",
        "vnet",
        "subnet",
        "reserved-ip",
        "nsg",
        "rule",
        "route-table",
        "route",
        "vpn-gateway",
        "connection",
        "local-network",
        "dnsserver",
        "application-gateway",
        "traffic-manager",
        "deployment",
        "cert",
        "internal-load-balancer",
        "load-balanced-set",
        "account",
        "affinity-group",
        "keys",
        "connectionstring",
        "vm",
    }
)


def call_path(words: Sequence[Word]) -> tuple[str, ...]:
    """A command's path (`vm endpoint list`): its group, the subgroups it names, and its verb; none where a
    name is not written in lowercase, as every command's is (see `command_path`)."""
    path: list[str] = []
    for word in words:
        text = word.text or ""
        if not text or text.startswith("-"):
            break
        if text != text.lower():
            return ()
        path.append(text)
        if len(path) > 1 and text not in _SUBGROUPS:
            break
    return tuple(path)


def names_a_verb(path: tuple[str, ...]) -> bool:
    """Whether a command's path (`call_path`) goes on to its verb (`vm create`), not stopping at a group
    (`vm`, `network vnet`), for which the CLI runs nothing and shows its help."""
    return len(path) > 1 and path[-1] not in _SUBGROUPS


# Commands only the CLI's Resource Manager mode has: a script that runs one before any `config mode` was
# written for that mode.
_RESOURCE_MANAGER_ONLY = frozenset(
    {"group", "availset", "resource", "deployment", "role", "ad", "tag", "vmss"}
)
_RESOURCE_MANAGER_NETWORK = frozenset({"nic", "public-ip", "lb", "dns", "vnet-gateway", "local-gateway"})


def _resource_manager_only(path: tuple[str, ...]) -> bool:
    if not path:
        return False
    if path[0] in _RESOURCE_MANAGER_ONLY or path[:2] == ("vm", "quick-create"):
        return True
    return path[0] == "network" and len(path) > 1 and path[1] in _RESOURCE_MANAGER_NETWORK


def _resource_group(word: Word) -> bool:
    text = (word.text or "").casefold()
    return text == "--resource-group" or text.startswith("--resource-group=") or text == "-g"


def classic(path: Iterable[str]) -> bool:
    """Whether a command path manages classic resources (see `CLASSIC_GROUPS`)."""
    words = tuple(path)
    return bool(words) and (words[0] in CLASSIC_GROUPS or words[:2] in _CLASSIC_PAIRS)


# The Azure CLI's command that peers a Resource Manager network with another (`az network vnet peering create`).
AZ_PEERING_CREATE = ("network", "vnet", "peering", "create")


# The Azure CLI's command that creates a cloud service of extended support (`az cloud-service create`): evidence
# that a package is not classic, as the Az module's `New-AzCloudService` is.
AZ_CLOUD_SERVICE_CREATE = ("cloud-service", "create")
_EXTENDED_VIA = "creates it with az cloud-service create"


def az_cloud_service(
    words: list[Word], script: str, mark: Mark, working: str | None = ""
) -> ExtendedSupportService:
    """The cloud service of extended support `az cloud-service create` creates, given its options (`words`,
    after the command's name) and the path of the script that runs it, marked at the command (`mark`): its
    name (`--name`, `-n`) when the script states it; the configuration `--configuration @<file>` loads (the
    CLI reads an argument written `@path` from that file), taken when relative from the folder the command
    runs in, `working` from the script's ("" the script's own, "../.." a CI job's at the repository's root;
    None one the script does not state, where the file is not known); the roles `--roles` lists (each
    `name:size:count:tier`), none when one of them is not stated."""
    options = az_options(words)
    name = options.get("--name") or options.get("-n")
    given = options.get("--configuration")
    configuration = given.text or "" if given is not None else ""
    package = ""
    relative = not configuration[1:].startswith("/") and ":" not in configuration
    if configuration.startswith("@") and relative and working is not None:
        folder = posixpath.join(posixpath.dirname(script), working)
        package = posixpath.normpath(posixpath.join(folder, configuration[1:]))
    stated = name.text if name is not None and name.text is not None else ""
    return ExtendedSupportService(stated, mark, _EXTENDED_VIA, package, _az_roles(words))


def _az_roles(words: list[Word]) -> tuple[str, ...]:
    """The names of the roles `--roles` lists (each value `name:size:count:tier`, up to the next option);
    none when the command gives none, or one the script does not state."""
    texts = [word.text for word in words]
    if "--roles" not in texts:
        return ()
    listed: list[str] = []
    for text in texts[texts.index("--roles") + 1 :]:
        if text is None:
            return ()
        if text.startswith("-"):
            break
        listed.append(text.split(":", 1)[0])
    return tuple(listed)


def az_options(words: list[Word]) -> dict[str, Word]:
    """The options of an `az` command given a value (`--name value`, `--name=value`), by name as written.
    A word after an option that starts with `-` is another option: the one before it is a flag."""
    options: dict[str, Word] = {}
    for index, word in enumerate(words):
        text = word.text or ""
        if not text.startswith("-"):
            continue
        name, equals, value = text.partition("=")
        if equals:
            options[name] = word.part(len(name) + 1, value)
        elif index + 1 < len(words) and not (words[index + 1].text or "").startswith("-"):
            options[name] = words[index + 1]
    return options


def az_peering(words: list[Word]) -> inv.VnetPeering | None:
    """The peering `az network vnet peering create` adds, given its options (`words`, after the command's
    name), from a Resource Manager network (`--vnet-name`) to a classic one (`--remote-vnet <a classic
    network's id>`, as a shell script or PowerShell runs it), as an export of the Resource Manager network
    shows it, marked at the id; None for a peering of another network, or one whose id the script does not
    state."""
    from migcheck.readers.inventory_shapes import classic_peering  # the export reader's

    options = az_options(words)
    remote = options.get("--remote-vnet") or options.get("--remote-vnet-id")
    remote_id = (remote.text or classic_id_stated_so(remote)) if remote is not None else None
    if remote is None or not remote_id:
        return None
    name, peer = options.get("--name") or options.get("-n"), options.get("--vnet-name")
    group = options.get("--resource-group") or options.get("-g")
    return classic_peering(
        remote_id,
        _az_name(name, "peering name"),
        _az_name(peer, "Resource Manager network"),
        remote.mark,
        group.text or "" if group is not None else "",
    )


def _az_name(word: Word | None, what: str) -> str:
    """A name an `az` command is given: as the script states it, else a stand-in of `what` it names, at
    the word; "" where it is given none."""
    if word is None:
        return ""
    return word.text or f"<{what}, {posixpath.basename(word.mark.path)}:{word.mark.line}>"


def _az_lists(words: list[Word]) -> dict[str, list[Word]]:
    """The values of each option of an `az` command, by name as written: the words after it up to the next
    option (`--scopes <id> <id>`, the CLI's lists), or the one after `=` (`--scopes=<id>`)."""
    options: dict[str, list[Word]] = {}
    current: list[Word] | None = None
    for word in words:
        text = word.text or ""
        if text.startswith("-"):
            name, equals, value = text.partition("=")
            current = options.setdefault(name, [])
            if equals:
                current.append(word.part(len(name) + 1, value))
                current = None
        elif current is not None:
            current.append(word)
    return options


def az_account_set(words: list[Word]) -> str | None:
    """The subscription `az account set --subscription <id or name>` (`words`, after `az`) selects, as
    `subscription_in_scope` writes it ("" for one the script does not state), and `az login`'s, one the
    script does not state (the account's default); None for another command."""
    texts = tuple(w.text for w in words[:2])
    if texts == ("login",):
        return ""
    if texts != ("account", "set"):
        return None
    options = az_options(words[2:])
    chosen = next((options[o] for o in ("--subscription", "-s", "--name", "-n") if o in options), None)
    return subscription_in_scope(chosen.text or "") if chosen is not None else ""


# What a part of a classic id names, in the stand-in of one a script does not state (`classic_id_stated_so`):
# by the segment before it, a type's name by its own (lower-cased); any other type's is a resource's.
_ID_PARTS = {
    "subscriptions": "subscription id",
    "resourcegroups": "resource group",
    "virtualmachines": "VM name",
    "domainnames": "cloud service name",
    "slots": "slot name",
    "roles": "role name",
    "virtualnetworks": "network name",
    "subnets": "subnet name",
    "storageaccounts": "storage account name",
    "reservedips": "reserved IP name",
    "networksecuritygroups": "security group name",
}


def classic_id_stated_so(word: Word) -> str | None:
    """The classic id a word the script does not state whole builds, where it states the id's provider
    and types (`"/subscriptions/$SUB/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/
    $VM"`): each value it does not state, in the subscription, the resource group or a name, as a stand-in
    that says what it names and where the word is written (`<VM name, deploy.sh:4>`, never the expression,
    which a command would expand); None for any other word."""
    from migcheck.readers.template_values import classic_type

    if word.text is not None or word.shape is None or HOLE not in word.shape:
        return None
    segments = _unnumbered(word.shape).split("/")
    folded = [segment.casefold() for segment in segments]
    if "providers" not in folded:
        return None
    start = folded.index("providers") + 1  # the namespace; then a type, a name, a type, ...
    kinds = [*segments[start : start + 1], *segments[start + 1 :: 2]]
    if len(segments) - start < 3 or HOLE in "".join(kinds) or not classic_type("/".join(kinds)):
        return None
    where = f"{posixpath.basename(word.mark.path)}:{word.mark.line}"
    written = []
    for at, segment in enumerate(segments):
        if HOLE in segment:
            before = folded[at - 1] if at > 0 else ""
            if at < start and before not in ("subscriptions", "resourcegroups"):
                return None  # a value in the path's own words (`/$PREFIX/providers/...`)
            segment = segment.replace(HOLE, f"<{_ID_PARTS.get(before, 'resource name')}, {where}>")
        written.append(segment)
    return "/".join(written)


class _AzRow:
    """An `az` command's options put into the properties of the row its resource's export writes, each value
    noted where the script writes it (`inventory_shapes.resource_records`). `subscription`: the one the
    script selected before the command (`az_account_set`), "" where it is not known."""

    def __init__(self, words: list[Word], subscription: str = "") -> None:
        self.options = _az_lists(words)
        self.subscription = subscription
        self.by_value: dict[str, Mark] = {}
        self.by_key: dict[str, Mark] = {}

    def texts(self, key: str, *names: str) -> list[str]:
        """The stated values of the first of the options `names` the command gives, noted under `key`."""
        given = next((self.options[n] for n in names if n in self.options), [])
        stated = [word.text or classic_id_stated_so(word) for word in given]
        for word, text in zip(given, stated, strict=True):
            if text:
                self.by_value.setdefault(text, word.mark)
                self.by_key.setdefault(key, word.mark)
        return [text for text in stated if text]

    def text(self, key: str, *names: str) -> str | None:
        return next(iter(self.texts(key, *names)), None)

    def records(self, rtype: str, name: str, properties: dict, at: Mark) -> tuple[object, ...]:
        from migcheck.readers.inventory_shapes import resource_records  # the export reader's

        stated = {k: v for k, v in properties.items() if v is not None}
        group = self.text("resourceGroup", "--resource-group", "-g")
        return resource_records(rtype, name, stated, at, self.by_value, self.by_key, group)


def _az_role_assignment(row: _AzRow, at: Mark) -> tuple[object, ...]:
    """`az role assignment create --scope <id> --role <name or id> --assignee <who>`."""
    from migcheck.rules.inventory import built_in_role

    role = row.text("roleDefinitionId", "--role") or ""
    definition = role if "/" in role or role.count("-") == 4 else built_in_role(role)
    properties = {
        "scope": row.text("scope", "--scope")
        or (_az_default_scope(row) if "--scope" not in row.options else None),
        "roleDefinitionId": definition or None,
        "principalId": row.text("principalId", "--assignee-object-id"),
        "principalType": row.text("principalType", "--assignee-principal-type"),
        "principalName": row.text("principalName", "--assignee"),
    }
    # One the command does not name (`--name`, the GUID an export names it by) is told apart from another on
    # the same scope by its principal and role (`estate._IDENTITY_FIELDS`).
    name = row.text("name", "--name") or ""
    return row.records("microsoft.authorization/roleassignments", name, properties, at)


def _az_default_scope(row: _AzRow) -> str | None:
    """The scope `az role assignment create` gives an assignment without `--scope`: the resource group
    `--resource-group` (`-g`) names, else the whole subscription, of the subscription `--subscription`
    names, else of the one the CLI is logged into: the one the script selected before (`az account set`),
    else, where the script does not state it, a placeholder (no place: every such command of the files is in
    that one subscription, the one of the files' classic resources). None where the group is given a value
    the script does not state."""
    group = row.options.get("--resource-group") or row.options.get("-g")
    if group is not None and not (len(group) == 1 and group[0].text):
        return None
    stated = row.text("subscription", "--subscription")
    subscription = stated or row.subscription or "<subscription az is logged into>"
    scope = f"/subscriptions/{subscription}"
    if group is None:
        return scope
    row.by_key.setdefault("scope", group[0].mark)  # shown where the group is written
    return f"{scope}/resourceGroups/{group[0].text}"


def _az_alert(rtype: str, *scopes: str) -> Callable[[_AzRow, Mark], tuple[object, ...]]:
    """`az monitor metrics alert create --scopes <id>...`, `az monitor activity-log alert create --scope`."""

    def read(row: _AzRow, at: Mark) -> tuple[object, ...]:
        name = row.text("name", "--name", "-n") or ""
        return row.records(rtype, name, {"scopes": row.texts("scopes", *scopes)}, at)

    return read


def _az_classic_alert(row: _AzRow, at: Mark) -> tuple[object, ...]:
    """`az monitor alert create --target <id>`: a classic alert rule (retired with classic alerts)."""
    target = row.text("resourceUri", "--target")
    properties = {"condition": {"dataSource": {"resourceUri": target}}} if target else {}
    return row.records(
        "microsoft.insights/alertrules", row.text("name", "--name", "-n") or "", properties, at
    )


def _az_autoscale(row: _AzRow, at: Mark) -> tuple[object, ...]:
    """`az monitor autoscale create --resource <id>`, named `--name`, else after the resource as the CLI names it."""
    target = row.text("targetResourceUri", "--resource")
    name = row.text("name", "--name", "-n") or (target or "").rstrip("/").rsplit("/", 1)[-1]
    return row.records("microsoft.insights/autoscalesettings", name, {"targetResourceUri": target}, at)


def _az_hdinsight(row: _AzRow, at: Mark) -> tuple[object, ...]:
    """`az hdinsight create --vnet-name <network id> --subnet <subnet id>`: every role of the cluster there."""
    profile = {"id": row.text("id", "--vnet-name") or "", "subnet": row.text("subnet", "--subnet") or ""}
    properties = {"computeProfile": {"roles": [{"virtualNetworkProfile": profile}]}}
    return row.records("microsoft.hdinsight/clusters", row.text("name", "--name", "-n") or "", properties, at)


def _az_domain_service(row: _AzRow, at: Mark) -> tuple[object, ...]:
    """`az ad ds create --replica-sets location=<region> subnet-id=<subnet id>` (the option once for each
    replica set): a managed domain with a replica set in each subnet, as its export row lists them."""
    subnets = []
    for word in row.options.get("--replica-sets", []):
        key, equals, value = (word.text or "").partition("=")
        if equals and key.strip().casefold() == "subnet-id" and value:
            row.by_value.setdefault(value, word.part(len(key) + 1, value).mark)
            subnets.append(value)
    if not subnets:
        return ()
    properties = {
        "domainName": row.text("domainName", "--domain"),
        "replicaSets": [{"subnetId": subnet} for subnet in subnets],
    }
    return row.records("microsoft.aad/domainservices", row.text("name", "--name", "-n") or "", properties, at)


def _az_domain_service_update(row: _AzRow, at: Mark) -> tuple[object, ...]:
    """`az ad ds update --replica-sets ...`: the replica sets it gives the managed domain, read as `az ad ds
    create` reads them, in an update."""
    return inv.as_updates(_az_domain_service(row, at))


def _az_set(row: _AzRow) -> dict:
    """The properties the generic update arguments of an `az ... update` command give its resource, as its
    export row holds them: `--set <path>=<value>` (`virtualNetworkConfiguration.subnetResourceId=<id>`,
    `remoteVirtualNetwork.id=<id>`; `properties.<path>` as `az resource update` writes it) and `--add <path>
    <value>` (an item added to the list at the path). A value written as JSON is that JSON, as the CLI
    reads it; each string in it noted where the word is written."""
    properties: dict = {}
    for word in row.options.get("--set", []):
        path, equals, value = (word.text or "").partition("=")
        if equals and path:
            _put(properties, path, _az_value(row, word.part(len(path) + 1, value)), listed=False)
    added = row.options.get("--add", [])
    if len(added) > 1 and added[0].text:
        _put(properties, added[0].text, _az_added(row, added[1:]), listed=True)
    return properties


def _az_added(row: _AzRow, words: list[Word]) -> object:
    """The item `--add <path>` adds: the object its `key=value` words build, else the value of its one
    word (JSON or a string)."""
    pairs = [(word, (word.text or "").partition("=")) for word in words]
    if len(words) == 1 and not pairs[0][1][1]:
        return _az_value(row, words[0])
    item: dict = {}
    for word, (path, equals, value) in pairs:
        if equals and path:
            _put(item, path, _az_value(row, word.part(len(path) + 1, value)), listed=False)
    return item


def _az_value(row: _AzRow, word: Word) -> object:
    """A value of a generic update argument, as the CLI reads it (JSON where it parses as JSON, else the
    string), each string in it noted where `word` is written."""
    text = word.text or ""
    value: object = text
    if text[:1] in ("{", "["):
        with contextlib.suppress(ValueError, RecursionError):
            value = json.loads(text)
    from migcheck.readers.inventory_shapes import strings_in  # the export reader's

    for found in strings_in(value):
        row.by_value.setdefault(found, word.mark)
    return value


def _put(properties: dict, path: str, value: object, listed: bool) -> None:
    """`value` put at a generic update argument's `path` (`a.b[0].c`; a leading `properties.` is where the
    export row's properties are), in a list there when `listed`. An index makes the value the list's item."""
    steps = [step for step in path.split(".") if step]
    if steps and steps[0].casefold() == "properties":
        steps = steps[1:]
    if not steps:
        return
    here = properties
    for step in steps[:-1]:
        name, _, index = step.partition("[")
        below = here.setdefault(name, [{}] if index else {})
        below = below[0] if isinstance(below, list) and below and isinstance(below[0], dict) else below
        if not isinstance(below, dict):
            return
        here = below
    name, _, index = steps[-1].partition("[")
    here[name] = [value] if listed or index else value


def _az_updated(rtype: str) -> Callable[[_AzRow, Mark], tuple[object, ...]]:
    """`az apim update --set virtualNetworkConfiguration.subnetResourceId=<id>` and the like: the resource's
    export row as the generic update arguments put it (`_az_set`)."""

    def read(row: _AzRow, at: Mark) -> tuple[object, ...]:
        properties = _az_set(row)
        scopes = row.texts("scopes", "--add-scopes")
        if scopes:
            properties["scopes"] = scopes
        name = row.text("name", "--name", "-n") or ""
        return inv.as_updates(row.records(rtype, name, properties, at)) if properties else ()

    return read


def _az_peering_update(row: _AzRow, at: Mark) -> tuple[object, ...]:
    """`az network vnet peering update --vnet-name hub -n <name> --set remoteVirtualNetwork.id=<a classic
    network's id>`: a peering of that classic network, as `az network vnet peering create` adds it."""
    name = _az_name(
        next(iter(row.options.get("--name") or row.options.get("-n") or []), None), "peering name"
    )
    peer = _az_name(next(iter(row.options.get("--vnet-name", [])), None), "Resource Manager network")
    return _az_classic_peering(row, _az_set(row), name, peer, at)


def _az_classic_peering(row: _AzRow, properties: dict, name: str, peer: str, at: Mark) -> tuple[object, ...]:
    """The peering of Resource Manager network `peer` whose properties a command gives, when its remote
    network is a classic one, marked where the command writes its id."""
    from migcheck.readers.inventory_shapes import classic_peering  # the export reader's

    remote = properties.get("remoteVirtualNetwork")
    remote_id = remote.get("id") if isinstance(remote, dict) else None
    if not isinstance(remote_id, str):
        return ()
    peering = classic_peering(remote_id, name, peer, row.by_value.get(remote_id, at))
    return (peering,) if peering is not None else ()


def _az_resource(row: _AzRow, at: Mark) -> tuple[object, ...]:
    """`az resource create --resource-type <type> --properties <JSON>` (or `--id <id>`; the whole object with
    `--is-full-object`) and `az resource update ... --set properties.<path>=<value>` of a Resource Manager
    type that may reach into a classic one: its export row as the command gives it."""
    rtype, name, parent = _az_resource_type(row)
    if rtype not in inv.REACHING_INTO_CLASSIC:
        return ()
    properties = _az_set(row)
    given = row.options.get("--properties") or row.options.get("-p") or []
    if len(given) == 1:
        written = _az_value(row, given[0])
        if "--is-full-object" in row.options and isinstance(written, dict):
            written = written.get("properties")
        if isinstance(written, dict):
            properties = {**written, **properties}
    if rtype.endswith("/virtualnetworkpeerings"):  # a peering of the network it is a child of
        return _az_classic_peering(row, properties, name, parent, at)
    return row.records(rtype, name, properties, at) if properties else ()


def _az_resource_update(row: _AzRow, at: Mark) -> tuple[object, ...]:
    """`az resource update`: as `az resource create` of the same properties, a service it puts in a classic
    network being one the update puts there."""
    return inv.as_updates(_az_resource(row, at))


def _az_resource_type(row: _AzRow) -> tuple[str, str, str]:
    """The type (lower-cased) and name of the resource `az resource` names, and the name of its parent: by
    `--resource-type` (with `--namespace` and `--parent`), else by its id (`--id`, `--ids`)."""
    written = row.text("type", "--resource-type") or ""
    namespace = row.text("namespace", "--namespace") or ""
    parents = (row.text("parent", "--parent") or "").split("/")
    if written and "/" not in written and namespace:
        types = [part for part in parents[::2] if part]
        written = "/".join((namespace, *types, written))
    name = row.text("name", "--name", "-n") or ""
    parent = parents[-1] if len(parents) > 1 else ""
    if not written:
        rid = inv.parse_id(row.text("id", "--id", "--ids") or "")
        written, name = rid.type, rid.names[-1] if rid.names else ""
        parent = rid.names[-2] if len(rid.names) > 1 else ""
    return written.casefold(), name, parent


# The Azure CLI's commands that create a Resource Manager resource that may reach into a classic one, or put
# one there by the generic update arguments, by the words of the command's name (the peering is
# `az_peering`'s), each read as its resource's export row.
def _az_defender_plan(row: _AzRow, at: Mark) -> tuple[object, ...]:
    """`az security pricing create -n VirtualMachines --tier Standard`: the subscription's Defender for Cloud
    plan, whose Standard tier for VMs installs its monitoring extension on the classic ones too."""
    name = row.text("name", "--name", "-n") or ""
    return row.records(inv.DEFENDER_PRICINGS, name, {"pricingTier": row.text("pricingTier", "--tier")}, at)


_AZ_REACHING: dict[tuple[str, ...], Callable[[_AzRow, Mark], tuple[object, ...]]] = {
    ("role", "assignment", "create"): _az_role_assignment,
    ("monitor", "metrics", "alert", "create"): _az_alert("microsoft.insights/metricalerts", "--scopes"),
    ("monitor", "metrics", "alert", "update"): _az_updated("microsoft.insights/metricalerts"),
    ("monitor", "activity-log", "alert", "create"): _az_alert(
        "microsoft.insights/activitylogalerts", "--scope", "--scopes", "-s"
    ),
    ("monitor", "alert", "create"): _az_classic_alert,
    ("monitor", "activity-log", "alert", "update"): _az_updated("microsoft.insights/activitylogalerts"),
    ("monitor", "autoscale", "create"): _az_autoscale,
    ("monitor", "autoscale", "update"): _az_updated("microsoft.insights/autoscalesettings"),
    ("hdinsight", "create"): _az_hdinsight,
    ("ad", "ds", "create"): _az_domain_service,
    ("ad", "ds", "update"): _az_domain_service_update,
    ("apim", "update"): _az_updated("microsoft.apimanagement/service"),
    ("network", "vnet", "peering", "update"): _az_peering_update,
    ("resource", "create"): _az_resource,
    ("resource", "update"): _az_resource_update,
    ("security", "pricing", "create"): _az_defender_plan,
}
AZ_LONGEST = max(len(command) for command in (*_AZ_REACHING, AZ_PEERING_CREATE))


def reads_az_command(texts: Sequence[str | None]) -> bool:
    """Whether the `az` command whose first words are `texts` is one `az_reaching` reads."""
    return any(tuple(texts[: len(c)]) == c for c in (*_AZ_REACHING, AZ_PEERING_CREATE))


def az_reaching(words: list[Word], at: Mark, subscription: str = "") -> tuple[object, ...]:
    """What an `az` command (`words`, after `az`) that creates a Resource Manager resource on a classic one
    says of it, as the export row of that resource says it (a role assignment on a classic VM, a metric
    alert that watches one, a peering with a classic network: `az_peering`), each value marked where the
    script writes it, any other finding at the command (`at`); none for a command of another resource.
    `subscription`: the one the script selected before (`az_account_set`), "" where it is not known."""
    texts = [w.text for w in words[:AZ_LONGEST]]
    if tuple(texts[: len(AZ_PEERING_CREATE)]) == AZ_PEERING_CREATE:
        peering = az_peering(words[len(AZ_PEERING_CREATE) :])
        return (peering,) if peering is not None else ()
    for command, read in _AZ_REACHING.items():
        if tuple(texts[: len(command)]) == command:
            return read(_AzRow(words[len(command) :], subscription), at)
    return ()


def _account_picked(parsed: Parsed, service_place: str, service: str) -> UnplacedDisk:
    """The storage account `vm create` without `-u` puts the OS disk in: the first one the subscription
    lists in the VM's location, or affinity group, else one it creates there (`getOrCreateBlobStorage` of
    the xplat CLI's lib/util/utils.js), so one account for every such VM of one location. The location is
    the one the command states (`-l`, `-a`); without either, the CLI makes no new cloud service ("location
    or affinity group is required for a new cloud service"), so the VM goes into one that exists, and takes
    its place, as it does where the service exists and the command states one (`service_place`: the one
    the script states for cloud service `service` before, else its own, which no file states)."""
    place = _stated_place(parsed.value("location"), parsed.value("affinity-group"))
    scope = service_place or place or _place_of_service(service)
    return UnplacedDisk(DiskPlace.CURRENT_ACCOUNT, parsed.at, scope)


def _placed_by_session(parsed: Parsed) -> str:
    """The variable assigned nowhere (`Word.unset`) whose value alone gives the place of a `vm create` that
    names no virtual network (`--location "$LOCATION"`, `--affinity-group "$GROUP"`): in a session that does
    not set it the command names no place, as PowerShell's `-Location $Location` then does. "" where a
    stated place, or none, is given."""
    places = [word for word in (parsed.value("location"), parsed.value("affinity-group")) if word is not None]
    return places[0].unset if places and all(word.unset for word in places) else ""


def _stated_place(location: Word | None, group: Word | None) -> str:
    """The location, else "affinity group <name>", a command states; "" where it states neither."""
    if location is not None and location.text and location.text.strip():
        return location.text.strip()
    if group is not None and group.text and group.text.strip():
        return f"affinity group {group.text.strip()}"
    return ""


def _place_of_service(service: str) -> str:
    """The place of cloud service `service` (its name, or the stand-in of one not stated), where no file
    states it: the location or affinity group the service was created in. A service the script does not
    state is told by where its stand-in says it is (`<cloud service name, deploy.sh:4>`: the one not stated
    at deploy.sh:4), not by the stand-in itself, which the account's stand-in would hold inside its own (a
    stand-in ends at its first `>`): two such services keep two places, one given twice (`$svc`) one."""
    _, placed, place = service[1:-1].partition(", ")
    if placed and service.startswith("<") and service.endswith(">"):
        return f"the location of the cloud service not stated at {place}"
    return f"the location of cloud service '{service}'"


def _same_reserved_ip(held: NameRef | None, given: Word) -> bool:
    """Whether a reserved IP given to a command that adds a VM is the one its deployment already has (a loop
    that gives every VM the deployment's reserved IP): nothing is left unapplied."""
    return held is not None and given.text is not None and held.name.casefold() == given.text.casefold()
