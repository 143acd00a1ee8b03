"""Terraform's `azurerm` resources that may reach into classic ones (`inventory_model.REACHING_INTO_CLASSIC`),
each read as the export row of the same Resource Manager resource, by the provider's own arguments:

- `azurerm_virtual_network_peering` (`name`, `virtual_network_name`, `remote_virtual_network_id`): a peering
  of a Resource Manager network (the `name` of the block `virtual_network_name` references, else a stand-in)
  with the network the id names.
- `azurerm_api_management` (`virtual_network_type`, `virtual_network_configuration { subnet_id }`, and each
  `additional_location`'s).
- `azurerm_app_service_environment`, `azurerm_app_service_environment_v3` (`subnet_id`).
- `azurerm_hdinsight_*_cluster` (`roles { head_node, worker_node, zookeeper_node, edge_node { subnet_id,
  virtual_network_id } }`).
- `azurerm_active_directory_domain_service` (`initial_replica_set { subnet_id }`) and
  `azurerm_active_directory_domain_service_replica_set` (`subnet_id`).
- `azurerm_monitor_metric_alert` (`scopes`, `enabled`), `azurerm_monitor_activity_log_alert` (`scopes`,
  `criteria { resource_id }`, `enabled`).
- `azurerm_monitor_autoscale_setting` and the older `azurerm_autoscale_setting` (`target_resource_id`,
  `enabled`, `profile { rule { metric_trigger { metric_resource_id } } }`).
- `azurerm_role_assignment` (`scope`, `role_definition_id` or `role_definition_name`, `principal_id`,
  `principal_type`).
- `azurerm_security_center_subscription_pricing` (`resource_type`, `tier`): the subscription's Defender for
  Cloud plan.

Each value is marked at the resource's argument that writes it (`terraform._Arguments`), so a finding points at
the resource's use of the classic id: one taken from a variable, a local or a module's input too, not where that
value is written. A `dynamic` block writes its `content` as one nested block for each item of its `for_each`. A
value the configuration does not state is left out of the row, as an export that does not write it; but an id
stated up to a classic type's name and named by a value not stated (`".../Microsoft.ClassicCompute/
virtualMachines/${var.vm}"`, `var.vm` given at `plan`) is an id of that type named by a stand-in (`<value of
var.vm, main.tf:8>`), as a template reads one named by a parameter with no value; so is one whose subscription
or resource group is not stated (`/subscriptions/${var.sub}/resourceGroups/...`), its subscription one stand-in
wherever it is written (`<value of var.sub>`, `<the azurerm provider's subscription>`)."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence
from typing import Protocol

from migcheck import inventory_model as inv
from migcheck.model import Mark
from migcheck.readers.xplat import HOLE, Word

# What holds the subscription an id names where the configuration does not state it: the one the `azurerm`
# provider works in (its `subscription_id`, or `ARM_SUBSCRIPTION_ID` at `plan`).
PROVIDER_SUBSCRIPTION = "the azurerm provider's subscription"


class Block(Protocol):
    """A resource's block, or a block nested in it, as the Terraform reader evaluates it."""

    mark: Mark

    def word(self, argument: str) -> Word | None:
        """The value of an argument the block writes; None for one it does not write."""

    def words(self, argument: str) -> list[Word]:
        """The items of a list argument the block writes."""

    def blocks(self, kind: str) -> Sequence[Block]:
        """The blocks of `kind` nested in it, in order."""


class _Row:
    """The properties of an export's row built from a block's values, and where each value is written."""

    def __init__(self) -> None:
        self.by_value: dict[str, Mark] = {}
        self.by_key: dict[str, Mark] = {}

    def text(self, word: Word | None, key: str) -> str | None:
        """A stated value's text, or a classic id's with stand-ins (`_stated`), noted as written where `word`
        is; None for a value not stated."""
        text = _stated(word)
        if word is None or text is None:
            return None
        self.by_value.setdefault(text, word.mark)
        self.by_key.setdefault(key, word.mark)
        return text

    def texts(self, words: list[Word], key: str) -> list[str]:
        return [t for t in (self.text(w, key) for w in words) if t is not None]


def _stated(word: Word | None) -> str | None:
    """A word's text; of one not stated, the id it builds when that is a classic type's id stated up to the
    type's name (`/providers/Microsoft.ClassicCompute/virtualMachines/` and a value not stated, a name or a
    child's path after it), or one whose subscription or resource group is not stated (`_classic_shape`),
    each value not stated written as its stand-in (`_value_stand_in`; a subscription's, the same wherever
    the configuration writes it: `_subscription_stand_in`); else None."""
    if word is None or word.text is not None:
        return None if word is None else word.text
    if word.shape is None or not (
        _classic_up_to(word.shape.partition(HOLE)[0]) or _classic_shape(word.shape)
    ):
        return None
    segments = word.shape.split("/")
    subscription = 2 if len(segments) > 2 and segments[1].casefold() == "subscriptions" else -1
    return "/".join(_filled(segment, word, index == subscription) for index, segment in enumerate(segments))


def _filled(segment: str, word: Word, subscription: bool) -> str:
    """A segment of an id's shape, each value not stated in it written as its stand-in."""
    pieces = segment.split(f"{HOLE}-")
    written = [pieces[0]]
    for piece in pieces[1:]:
        number, _, rest = piece.partition("-")
        holder = word.holes[int(number)] if number.isdigit() and int(number) < len(word.holes) else None
        stand_in = _subscription_stand_in(holder) if subscription else _value_stand_in(holder, word.mark)
        written.append(stand_in + rest)
    return "".join(written)


def _subscription_stand_in(holder: str | None) -> str:
    """What names a subscription the configuration does not state, the same wherever it is written (one
    subscription, not one for each id): `<the azurerm provider's subscription>`, `<value of var.sub>`."""
    if holder == PROVIDER_SUBSCRIPTION:
        return f"<{holder}>"
    return f"<value of {holder}>" if holder else "<subscription not stated>"


def _classic_up_to(stated: str) -> bool:
    """Whether the stated start of an id ends at a classic type's name, or a child type's of one (`.../
    providers/Microsoft.ClassicCompute/domainNames/shop/slots/`), so that what follows is a name."""
    from migcheck.readers.template_values import classic_type

    _, found, after = stated.casefold().rpartition("/providers/")
    if not found or not after.endswith("/"):
        return False
    kinds = stated[len(stated) - len(after) : -1].split("/")  # namespace, type, name, type, ...
    return len(kinds) >= 2 and not len(kinds) % 2 and bool(classic_type("/".join([kinds[0], *kinds[1::2]])))


def classic_start(text: str) -> str | None:
    """The start of a classic resource's id up to its type's name (`/subscriptions/.../providers/
    Microsoft.ClassicCompute/virtualMachines/` of `.../virtualMachines/web01`), which names the resource's
    type and not which one; None for another text."""
    parent, slash, name = text.rstrip("/").rpartition("/")
    start = parent + slash
    return start if slash and name and _classic_up_to(start) else None


def _classic_shape(shape: str) -> bool:
    """Whether a shape is a classic resource's id whose subscription, resource group or names are values not
    stated, its provider's namespace and types stated (`/subscriptions/${var.sub}/resourceGroups/
    ${var.group}/providers/Microsoft.ClassicCompute/virtualMachines/web01`)."""
    from migcheck.readers.template_values import classic_type

    segments = shape.split("/")
    if len(segments) < 9 or not len(segments) % 2:  # its levels, then a name for each type
        return False
    if [segments[i].casefold() for i in (0, 1, 3, 5)] != ["", "subscriptions", "resourcegroups", "providers"]:
        return False
    kinds = [segments[6], *segments[7::2]]  # the namespace, then each type
    return not any(HOLE in kind for kind in kinds) and bool(classic_type("/".join(kinds)))


def _value_stand_in(holder: str | None, at: Mark) -> str:
    """What names a value the configuration does not state, where it is used: `<value of var.vm, main.tf:8>`."""
    what = f"value of {holder}" if holder else "value not stated"
    return f"<{what}, {posixpath.basename(at.path)}:{at.line}>"


def _name(block: Block, label: str) -> str:
    named = block.word("name")
    return named.text if named is not None and named.text else label


def _enabled(row: _Row, block: Block) -> bool | None:
    stated = row.text(block.word("enabled"), "enabled")
    return None if stated is None else stated.strip().casefold() == "true"


def _records(
    rtype: str, name: str, properties: dict, row: _Row, at: Mark, group: Word | None = None
) -> tuple[object, ...]:
    from migcheck.readers.inventory_shapes import resource_records

    properties = {k: v for k, v in properties.items() if v is not None}
    stated = row.text(group, "resourceGroup") if group is not None else None  # `resource_group_name`
    return resource_records(rtype, name, properties, at, row.by_value, row.by_key, stated)


def _peering(block: Block, label: str) -> tuple[object, ...]:
    """As `az network vnet peering create` adds it (`xplat.az_peering`), from the Resource Manager network
    `virtual_network_name` names (`azurerm_virtual_network.hub.name`: that block's `name`), else a
    stand-in where the peering names it, as the script readers name one they are not told."""
    from migcheck.readers.inventory_shapes import classic_peering

    remote = block.word("remote_virtual_network_id")
    remote_id = _stated(remote)
    if remote is None or not remote_id:
        return ()
    peer, group = block.word("virtual_network_name"), block.word("resource_group_name")
    named = peer.text if peer is not None and peer.text else _stand_in(peer.mark if peer else block.mark)
    found = classic_peering(
        remote_id, _name(block, label), named, remote.mark, group.text or "" if group else ""
    )
    return (found,) if found is not None else ()


def _stand_in(at: Mark) -> str:
    """The name shown for a Resource Manager network the configuration does not state, named at `at`:
    `<Resource Manager network, main.tf:12>`, by the file's name as every stand-in names it."""
    return f"<Resource Manager network, {posixpath.basename(at.path)}:{at.line}>"


def _subnet_configuration(row: _Row, block: Block) -> dict | None:
    configs = block.blocks("virtual_network_configuration")
    subnet = row.text(configs[0].word("subnet_id"), "subnetResourceId") if configs else None
    return {"subnetResourceId": subnet} if subnet else None


def _api_management(block: Block, label: str) -> tuple[object, ...]:
    row = _Row()
    properties = {
        "virtualNetworkType": row.text(block.word("virtual_network_type"), "virtualNetworkType"),
        "virtualNetworkConfiguration": _subnet_configuration(row, block),
        "additionalLocations": [
            {"virtualNetworkConfiguration": _subnet_configuration(row, location)}
            for location in block.blocks("additional_location")
        ],
    }
    return _records("microsoft.apimanagement/service", _name(block, label), properties, row, block.mark)


def _app_service_environment(block: Block, label: str) -> tuple[object, ...]:
    row = _Row()
    subnet = row.text(block.word("subnet_id"), "virtualNetwork")
    properties = {"virtualNetwork": {"id": subnet} if subnet else None}
    return _records("microsoft.web/hostingenvironments", _name(block, label), properties, row, block.mark)


_HDINSIGHT_NODES = ("head_node", "worker_node", "zookeeper_node", "edge_node")


def _hdinsight(block: Block, label: str) -> tuple[object, ...]:
    row = _Row()
    nodes = [
        node for roles in block.blocks("roles") for kind in _HDINSIGHT_NODES for node in roles.blocks(kind)
    ]
    profiles = [
        {
            "virtualNetworkProfile": {
                "id": row.text(node.word("virtual_network_id"), "id") or "",
                "subnet": row.text(node.word("subnet_id"), "subnet") or "",
            }
        }
        for node in nodes
    ]
    properties = {"computeProfile": {"roles": profiles}}
    return _records("microsoft.hdinsight/clusters", _name(block, label), properties, row, block.mark)


def _domain_services(block: Block, label: str) -> tuple[object, ...]:
    row = _Row()
    subnets = [row.text(each.word("subnet_id"), "subnetId") for each in block.blocks("initial_replica_set")]
    properties = {"replicaSets": [{"subnetId": subnet} for subnet in subnets if subnet]}
    return _records("microsoft.aad/domainservices", _name(block, label), properties, row, block.mark)


def _replica_set(block: Block, label: str) -> tuple[object, ...]:
    """A replica set of its own resource: of the domain service its `domain_service_id` names."""
    row = _Row()
    properties = {"replicaSets": [{"subnetId": row.text(block.word("subnet_id"), "subnetId")}]}
    domain = block.word("domain_service_id")
    name = (domain.text or "").rstrip("/").rsplit("/", 1)[-1] if domain is not None else ""
    return _records("microsoft.aad/domainservices", name or label, properties, row, block.mark)


def _alert(rtype: str) -> Callable[[Block, str], tuple[object, ...]]:
    def build(block: Block, label: str) -> tuple[object, ...]:
        row = _Row()
        resources = [row.text(c.word("resource_id"), "equals") for c in block.blocks("criteria")]
        properties = {
            "scopes": row.texts(block.words("scopes"), "scopes"),
            "enabled": _enabled(row, block),
            "condition": {"allOf": [{"field": "resourceId", "equals": r} for r in resources if r]},
        }
        return _records(
            rtype, _name(block, label), properties, row, block.mark, block.word("resource_group_name")
        )

    return build


def _autoscale(block: Block, label: str) -> tuple[object, ...]:
    row = _Row()
    target = row.text(block.word("target_resource_id"), "targetResourceUri")
    profiles = [
        {
            "rules": [
                {"metricTrigger": {"metricResourceUri": row.text(trigger.word("metric_resource_id"), "uri")}}
                for rule in profile.blocks("rule")
                for trigger in rule.blocks("metric_trigger")
            ]
        }
        for profile in block.blocks("profile")
    ]
    properties = {"targetResourceUri": target, "enabled": _enabled(row, block), "profiles": profiles}
    group = block.word("resource_group_name")
    return _records(
        "microsoft.insights/autoscalesettings", _name(block, label), properties, row, block.mark, group
    )


def _role_assignment(block: Block, label: str) -> tuple[object, ...]:
    from migcheck.rules.inventory import built_in_role

    row = _Row()
    definition = row.text(block.word("role_definition_id"), "roleDefinitionId")
    named = row.text(block.word("role_definition_name"), "roleDefinitionId")
    properties = {
        "scope": row.text(block.word("scope"), "scope"),
        "roleDefinitionId": definition or (built_in_role(named) if named else None),
        "principalId": row.text(block.word("principal_id"), "principalId"),
        "principalType": row.text(block.word("principal_type"), "principalType"),
    }
    return _records(
        "microsoft.authorization/roleassignments", _name(block, label), properties, row, block.mark
    )


def _defender_plan(block: Block, label: str) -> tuple[object, ...]:
    """`azurerm_security_center_subscription_pricing`: the subscription's Defender for Cloud plan of its
    `resource_type` (`VirtualMachines` where the block writes none, the provider's default) on its `tier`."""
    row = _Row()
    kind = block.word("resource_type")
    name = "VirtualMachines" if kind is None else row.text(kind, "name") or ""
    properties = {"pricingTier": row.text(block.word("tier"), "pricingTier")}
    return _records(inv.DEFENDER_PRICINGS, name, properties, row, block.mark)


# The nested blocks the readers above read (`Block.blocks`), by the names the provider's schemas give them:
# the keys of a resource of `READ` that are blocks in Terraform's JSON syntax (`terraform_json`).
NESTED_BLOCKS = frozenset(
    {
        *("virtual_network_configuration", "additional_location", "roles", *_HDINSIGHT_NODES),
        *("initial_replica_set", "criteria", "profile", "rule", "metric_trigger"),
    }
)

# By resource type, what reads one of its blocks (and the block's label, its name where it writes none).
READ: dict[str, Callable[[Block, str], tuple[object, ...]]] = {
    "azurerm_virtual_network_peering": _peering,
    "azurerm_api_management": _api_management,
    "azurerm_app_service_environment": _app_service_environment,
    "azurerm_app_service_environment_v3": _app_service_environment,
    **{
        f"azurerm_hdinsight_{kind}_cluster": _hdinsight
        for kind in (
            "hadoop",
            "hbase",
            "interactive_query",
            "kafka",
            "spark",
            "storm",
            "ml_services",
            "rserver",
        )
    },
    "azurerm_active_directory_domain_service": _domain_services,
    "azurerm_active_directory_domain_service_replica_set": _replica_set,
    "azurerm_monitor_metric_alert": _alert("microsoft.insights/metricalerts"),
    "azurerm_monitor_activity_log_alert": _alert("microsoft.insights/activitylogalerts"),
    "azurerm_monitor_autoscale_setting": _autoscale,
    "azurerm_autoscale_setting": _autoscale,
    "azurerm_role_assignment": _role_assignment,
    "azurerm_security_center_subscription_pricing": _defender_plan,
}
