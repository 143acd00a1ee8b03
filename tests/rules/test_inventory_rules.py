"""MIG311 to MIG319 and MIG501 to MIG503 beyond their examples, and what an inventory export adds to the rules
about files: runtime state, Premium storage and boot diagnostics joined to the VMs the files describe, one
network however many inputs describe it, and subscriptions kept apart."""

from __future__ import annotations

import json
from pathlib import Path

from lint_support import lint_files as _lint
from lint_support import where as _where

from migcheck.config import Config
from migcheck.engine import ReadCache, lint
from migcheck.inventory_model import parse_id
from migcheck.plugins import load_rules
from migcheck.rules.inventory import migrated_id

RULES = load_rules(entry_points=False)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SUB = "3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d"
OTHER = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
STATE = '"instanceView": {"status": '  # a finding about a VM's state points at the value after it


def _id(group: str, type_: str, name: str, subscription: str = SUB) -> str:
    return f"/subscriptions/{subscription}/resourceGroups/{group}/providers/{type_}/{name}"


def _vm(name: str, service: str, subscription: str = SUB, **properties: object) -> dict:
    props = {"domainName": {"name": service}, "hardwareProfile": {"deploymentName": service}, **properties}
    return {
        "id": _id(service, "Microsoft.ClassicCompute/virtualMachines", name, subscription),
        "name": name,
        "type": "microsoft.classiccompute/virtualmachines",
        "subscriptionId": subscription,
        "properties": props,
    }


def _account(name: str, kind: str, subscription: str = SUB) -> dict:
    return {
        "id": _id(
            "Default-Storage-WestEurope", "Microsoft.ClassicStorage/storageAccounts", name, subscription
        ),
        "type": "microsoft.classicstorage/storageaccounts",
        "properties": {"accountType": kind},
    }


def _page(*rows: dict) -> str:
    """An `az graph query` page, one row per line so that each row's line is its index + 2."""
    body = ",\n".join("  " + json.dumps(row) for row in rows)
    return f'{{"count": {len(rows)}, "data": [\n{body}\n], "skip_token": null}}\n'


def _at(page: str, line: int, needle: str) -> str:
    """`line:column` of the first `needle` on a line of an export: where a finding about it points."""
    return f"{line}:{page.split(chr(10))[line - 1].index(needle) + 1}"


def _value_at(page: str, line: int, key: str) -> str:
    """`line:column` of the value of the first key `key` on a line of an export: where a finding about the
    field points."""
    written = f'"{key}": '
    return f"{line}:{page.split(chr(10))[line - 1].index(written) + len(written) + 1}"


def _state_at(page: str, line: int) -> str:
    """`line:column` of a VM's state (`instanceView.status`) on a line of an export: its value."""
    return f"{line}:{page.split(chr(10))[line - 1].index(STATE) + len(STATE) + 1}"


# --- runtime facts feed the rules about files -----------------------------------------------------------


def test_runtime_state_of_a_vm_only_the_export_knows(tmp_path, monkeypatch):
    stuck = _vm("ops01", "jump", instanceView={"status": "RoleStateUnknown"})
    ready = _vm(
        "jump01", "jump", instanceView={"status": "ReadyRole", "guestAgentStatus": {"status": "Ready"}}
    )
    page = _page(ready, stuck)
    result = _lint(tmp_path, monkeypatch, {"classic.json": page}, "MIG208")
    at = _state_at(page, 3)
    assert _where(result.findings) == [f"MIG208 classic.json:{at}"]
    assert "RoleStateUnknown" in result.findings[0].message
    [service] = result.estate.cloud_services
    assert (service.name, [vm.name for vm in service.vms]) == ("jump", ["jump01", "ops01"])


def test_premium_storage_from_the_export_completes_a_request_body(tmp_path, monkeypatch):
    """A REST body states boot diagnostics and the disk's blob, not that its account is Premium."""
    body = """
        <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
          <Name>ops</Name>
          <RoleList>
            <Role>
              <RoleName>ops01</RoleName><RoleType>PersistentVMRole</RoleType>
              <OSVirtualHardDisk>
                <DiskName>ops01-os</DiskName>
                <MediaLink>https://prodprem.blob.core.windows.net/vhds/ops01-os.vhd</MediaLink>
              </OSVirtualHardDisk>
              <DebugSettings><BootDiagnosticsEnabled>true</BootDiagnosticsEnabled></DebugSettings>
            </Role>
          </RoleList>
        </Deployment>
        """
    files = {"rest/ops.xml": body}
    assert _where(_lint(tmp_path, monkeypatch, files, "MIG205").findings) == []
    files["inventory/classic.json"] = _page(
        _account("prodprem", "Premium-LRS"), _account("std", "Standard-GRS")
    )
    assert _where(_lint(tmp_path, monkeypatch, files, "MIG205").findings) == ["MIG205 rest/ops.xml:10:7"]


def test_an_export_completes_an_export_azurevm_file(tmp_path, monkeypatch):
    """Export-AzureVM files carry no blob, no boot diagnostics and no service name: the export has them."""
    vm_file = """
        <PersistentVM>
          <RoleName>db01</RoleName>
          <OSVirtualHardDisk><DiskName>db01-os</DiskName></OSVirtualHardDisk>
        </PersistentVM>
        """
    exported = _vm(
        "db01",
        "contoso-db",
        debugProfile={"bootDiagnosticsEnabled": True},
        storageProfile={
            "operatingSystemDisk": {
                "diskName": "db01-os",
                "vhdUri": "https://dbprem.blob.core.windows.net/vhds/db01-os.vhd",
            }
        },
    )
    files = {"vms/db01.xml": vm_file, "classic.json": _page(exported, _account("dbprem", "Premium-LRS"))}
    result = _lint(tmp_path, monkeypatch, files, "MIG205")
    at = _value_at(files["classic.json"], 2, "bootDiagnosticsEnabled")
    assert _where(result.findings) == [f"MIG205 classic.json:{at}"]  # boot diagnostics are stated there
    [service] = result.estate.cloud_services
    assert service.name == "contoso-db"  # the folder's name stood in for it; the export names it
    [vm] = service.vms
    assert {m.path for m in vm.described_at} == {"vms/db01.xml", "classic.json"}
    assert vm.mark.path == "vms/db01.xml"  # the file's description is the one kept


def test_a_disk_without_its_blob_address_joins_its_account_by_name(tmp_path, monkeypatch):
    """A GET may leave `vhdUri` out: `storageAccount.name` (or `.id`) still says where the disk is."""
    for account in (
        {"name": "PremAcct"},
        {"id": _id("x", "Microsoft.ClassicStorage/storageAccounts", "premacct")},
    ):
        disk = {"diskName": "app01-os", "ioType": "Standard", "storageAccount": account}
        vm = _vm(
            "app01",
            "app",
            storageProfile={"operatingSystemDisk": disk},
            debugProfile={"bootDiagnosticsEnabled": True},
        )
        files = {"classic.json": _page(_account("premacct", "Premium-LRS"), vm)}
        result = _lint(tmp_path, monkeypatch, files, "MIG205")
        assert [f.code for f in result.findings] == ["MIG205"]
        assert "Premium storage disks (app01-os)" in result.findings[0].message
    standard = _page(_account("premacct", "Standard-GRS"), vm)
    assert _lint(tmp_path, monkeypatch, {"classic.json": standard}, "MIG205").findings == []


def test_a_premium_account_wins_over_the_io_type_a_disk_states(tmp_path, monkeypatch):
    """The value a GET gives a Premium disk's `ioType` is not known; the account's type is, and a Premium
    account holds only Premium disks."""

    def vm(account: str) -> dict:
        disk = {
            "diskName": "ops01-os",
            "ioType": "Standard",
            "vhdUri": f"https://{account}.blob.core.windows.net/vhds/os.vhd",
        }
        return _vm(
            "ops01",
            "ops",
            debugProfile={"bootDiagnosticsEnabled": True},
            storageProfile={"operatingSystemDisk": disk},
        )

    page = _page(vm("opsprem"), _account("opsprem", "Premium-LRS"))
    result = _lint(tmp_path, monkeypatch, {"classic.json": page}, "MIG205")
    at = _value_at(page, 2, "bootDiagnosticsEnabled")
    assert _where(result.findings) == [f"MIG205 classic.json:{at}"]
    page = _page(vm("opsstd"), _account("opsstd", "Standard-LRS"))
    assert _lint(tmp_path, monkeypatch, {"classic.json": page}, "MIG205").findings == []


def test_a_vm_in_files_and_export_is_one_vm_and_reported_once(tmp_path, monkeypatch):
    body = """
        <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
          <Name>jump</Name>
          <RoleList>
            <Role>
              <RoleName>jump01</RoleName><RoleType>PersistentVMRole</RoleType>
              <ConfigurationSets><ConfigurationSet>
                <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
                <SubnetNames><SubnetName>FrontEnd</SubnetName><SubnetName>BackEnd</SubnetName></SubnetNames>
              </ConfigurationSet></ConfigurationSets>
            </Role>
          </RoleList>
          <VirtualNetworkName>prod-vnet</VirtualNetworkName>
        </Deployment>
        """
    network = {"virtualNetwork": {"name": "prod-vnet", "subnetNames": ["FrontEnd", "BackEnd"]}}
    exported = _vm("jump01", "jump", networkProfile=network)
    files = {"rest/jump.xml": body, "classic.json": _page(exported)}
    result = _lint(tmp_path, monkeypatch, files, "MIG202", "MIG004")
    assert _where(result.findings) == ["MIG202 rest/jump.xml:8:67"]
    [service] = result.estate.cloud_services
    assert [len(p.roles) for p in service.placements] == [1]


def test_an_export_that_disagrees_with_the_files_is_a_conflict(tmp_path, monkeypatch):
    body = """
        <PersistentVM>
          <RoleName>db01</RoleName>
          <AvailabilitySetName>db-as</AvailabilitySetName>
        </PersistentVM>
        """
    exported = _vm("db01", "contoso-db", hardwareProfile={"availabilitySet": "other-as"})
    result = _lint(tmp_path, monkeypatch, {"vms/db01.xml": body, "classic.json": _page(exported)}, "MIG004")
    assert _where(result.findings) == ["MIG004 classic.json:2:3"]
    assert "db-as" in result.findings[0].message and "other-as" in result.findings[0].message


NETCFG = """
    <NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
      <VirtualNetworkConfiguration>
        <VirtualNetworkSites>
          <VirtualNetworkSite name="prod-vnet" Location="West Europe">
            <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
            <Subnets><Subnet name="FrontEnd"><AddressPrefix>10.1.1.0/24</AddressPrefix></Subnet></Subnets>
          </VirtualNetworkSite>
        </VirtualNetworkSites>
      </VirtualNetworkConfiguration>
    </NetworkConfiguration>
    """


def _network(name: str, prefix: str, subscription: str = SUB) -> dict:
    return {
        "id": _id("Default-Networking", "Microsoft.ClassicNetwork/virtualNetworks", name, subscription),
        "type": "microsoft.classicnetwork/virtualnetworks",
        "location": "westeurope",
        "properties": {
            "addressSpace": {"addressPrefixes": ["10.1.0.0/16"]},
            "subnets": [{"name": "FrontEnd", "addressPrefix": prefix}],
        },
    }


def test_a_network_in_the_netcfg_and_the_export_is_one_network(tmp_path, monkeypatch):
    files = {
        "network/NetworkConfig.netcfg": NETCFG,
        "inventory/classic.json": _page(_network("prod-vnet", "10.1.1.0/24")),
    }
    result = _lint(tmp_path, monkeypatch, files)
    assert result.findings == []
    [network] = result.estate.virtual_networks
    assert network.mark.path == "network/NetworkConfig.netcfg"
    # The export sits in another folder and does not count as a second network configuration.
    assert [e.subscription for e in result.estates] == ["default"]
    files["inventory/classic.json"] = _page(_network("prod-vnet", "10.1.8.0/24"))
    assert _where(_lint(tmp_path, monkeypatch, files).findings) == ["MIG004 inventory/classic.json:2:3"]


def test_a_network_only_the_export_describes_resolves_the_names_in_it(tmp_path, monkeypatch):
    vm = _vm(
        "app01", "app", networkProfile={"virtualNetwork": {"name": "prod-vnet", "subnetNames": ["Backend"]}}
    )
    result = _lint(
        tmp_path, monkeypatch, {"classic.json": _page(_network("prod-vnet", "10.1.1.0/24"), vm)}, "MIG003"
    )
    page = _page(_network("prod-vnet", "10.1.1.0/24"), vm)
    at = _at(page, 3, '"Backend"')
    assert _where(result.findings) == [f"MIG003 classic.json:{at}"]
    assert "subnet 'Backend'" in result.findings[0].message


def test_each_subscription_of_an_export_is_checked_on_its_own(tmp_path, monkeypatch):
    """Rows of two subscriptions: no declaration says which one the files describe, so neither is joined
    to them, and each is an estate of its own (a VM of one name in both is two VMs)."""
    ours = _vm("ops01", "jump", instanceView={"status": "RoleStateUnknown"})
    theirs = _vm("ops01", "jump", OTHER, instanceView={"status": "ProvisioningTimeout"})
    files = {"classic.json": _page(ours, theirs)}
    result = _lint(tmp_path, monkeypatch, files, "MIG208")
    page = files["classic.json"]
    assert _where(result.findings) == [
        f"MIG208 classic.json:{_state_at(page, 2)}",
        f"MIG208 classic.json:{_state_at(page, 3)}",
    ]
    assert [e.subscription for e in result.estates] == ["default", SUB, OTHER]
    assert [len(e.documents) for e in result.estates] == [1, 0, 0]  # the file is counted once
    assert [[s.name for s in e.cloud_services] for e in result.estates] == [[], ["jump"], ["jump"]]


def test_a_declared_subscription_is_joined_to_the_files_and_the_others_kept_apart(tmp_path, monkeypatch):
    ours = _vm("ops01", "jump", instanceView={"status": "RoleStateUnknown"})
    theirs = _vm("ops01", "jump", OTHER, instanceView={"status": "ProvisioningTimeout"})
    files = {
        "classic.json": _page(ours, theirs, _network("prod-vnet", "10.1.8.0/24", OTHER)),
        "network/NetworkConfig.netcfg": NETCFG,
        "pyproject.toml": f'[tool.migcheck.inventory]\nsubscription = "{SUB.upper()}"\n',
    }
    result = _lint(tmp_path, monkeypatch, files, "MIG208", "MIG004")
    page = files["classic.json"]
    # The other subscription's network of the same name is no second description of the netcfg's.
    assert _where(result.findings) == [
        f"MIG208 classic.json:{_state_at(page, 2)}",
        f"MIG208 classic.json:{_state_at(page, 3)}",
    ]
    home, other = result.estates
    assert (home.subscription, home.inventory.subscription, other.subscription) == ("default", SUB, OTHER)
    assert [n.mark.path for n in home.virtual_networks] == ["network/NetworkConfig.netcfg"]
    assert [n.name for n in other.virtual_networks] == ["prod-vnet"]


def test_a_declared_subscription_no_export_holds_is_reported(tmp_path, monkeypatch):
    """A typo in the declared id chose nothing, and every finding of the export was silently lost."""
    files = {
        "classic.json": _page(_vm("ops01", "jump", instanceView={"status": "RoleStateUnknown"})),
        "pyproject.toml": '[tool.migcheck.inventory]\nsubscription = "00000000-0000-0000-0000-000000000001"\n',
    }
    result = _lint(tmp_path, monkeypatch, files)
    assert _where(result.findings) == [
        f"MIG208 classic.json:{_state_at(files['classic.json'], 2)}",
        "MIG003 pyproject.toml:2:1",
    ]
    message = result.findings[1].message
    assert "'00000000-0000-0000-0000-000000000001' is in none of the inventory exports checked" in message
    assert f"hold subscription {SUB}" in message
    assert "correct the id, or export that subscription" in message
    # Without exports that name a subscription, nothing contradicts the declaration.
    del files["classic.json"]
    (tmp_path / "classic.json").unlink()
    assert _lint(tmp_path, monkeypatch, files).findings == []


def test_the_editor_cache_checks_every_exported_subscription(tmp_path, monkeypatch):
    files = {
        "classic.json": _page(
            _vm("ops01", "jump", instanceView={"status": "RoleStateUnknown"}),
            _vm("ops01", "jump", OTHER, instanceView={"status": "ProvisioningTimeout"}),
        )
    }
    _lint(tmp_path, monkeypatch, files)
    cache = ReadCache()
    for _ in range(2):  # linked, then kept
        result = lint(["."], Config(select=("MIG208",)), RULES, cache=cache)
        assert len(result.findings) == 2
        assert [e.subscription for e in result.estates] == ["default", SUB, OTHER]


def _reserved_ip(name: str, service: str) -> dict:
    attached = {"id": _id(service, "Microsoft.ClassicCompute/domainNames", service)} if service else None
    return {
        "id": _id("Default-Networking", "Microsoft.ClassicNetwork/reservedIps", name),
        "name": name,
        "type": "microsoft.classicnetwork/reservedips",
        "subscriptionId": SUB,
        "properties": {"ipAddress": "40.1.2.3", "inUse": bool(service), "attachedTo": attached},
    }


def test_a_reserved_ip_the_export_lists_on_a_deployment_without_endpoints(tmp_path, monkeypatch):
    """MIG106 read neither the export's reserved IPs nor its VMs' endpoints."""
    rdp = {"endpointName": "RDP", "privatePort": 3389, "publicPort": 53389, "protocol": "tcp"}
    closed = _vm("batch01", "batch", networkProfile={"inputEndpoints": []})
    page = _page(_reserved_ip("batch-vip", "batch"), closed)
    result = _lint(tmp_path, monkeypatch, {"classic.json": page}, "MIG106")
    assert _where(result.findings) == ["MIG106 classic.json:2:164"]  # the row's name
    assert "reserved IP 'batch-vip' of cloud service 'batch'" in result.findings[0].message
    [vm] = result.estate.cloud_services[0].vms
    assert vm.endpoints == ()
    opened = _vm("batch01", "batch", networkProfile={"inputEndpoints": [rdp]})
    result = _lint(tmp_path, monkeypatch, {"classic.json": _page(_reserved_ip("batch-vip", "batch"), opened)})
    assert [f.code for f in result.findings if f.code == "MIG106"] == []
    [vm] = result.estate.cloud_services[0].vms
    assert [(e.name, e.protocol, e.port, e.local_port) for e in vm.endpoints] == [
        ("RDP", "tcp", "53389", "3389")
    ]
    # Without `inputEndpoints`, the VM's endpoints are not known: silent.
    unknown = _vm("batch01", "batch")
    page = _page(_reserved_ip("batch-vip", "batch"), unknown)
    assert _lint(tmp_path, monkeypatch, {"classic.json": page}, "MIG106").findings == []


def test_mig105_says_whether_the_vip_is_reserved_only_when_the_export_can(tmp_path, monkeypatch):
    rdp = {"endpointName": "RDP", "privatePort": 3389, "publicPort": 3389, "protocol": "tcp"}
    jump = _vm("jump01", "jump", networkProfile={"inputEndpoints": [rdp]})
    closed = _vm("jump01", "jump", networkProfile={"inputEndpoints": []})
    cases = [
        ([_reserved_ip("jump-vip", "jump")], jump, "its VIP is reserved IP 'jump-vip' and is kept"),
        ([_reserved_ip("jump-vip", "jump")], closed, "its reserved IP 'jump-vip' cannot be migrated with it"),
        ([_reserved_ip("other-vip", "other")], jump, "its VIP is not reserved and will change"),
        ([], jump, "its VIP changes unless it is a reserved IP (the files do not say whether it is)"),
    ]
    for ips, vm, says in cases:
        [finding] = _lint(tmp_path, monkeypatch, {"classic.json": _page(*ips, vm)}, "MIG105").findings
        assert says in finding.message


# --- the inventory rules ------------------------------------------------------------------------------


def test_a_service_in_a_network_of_another_subscription_says_so(tmp_path, monkeypatch):
    vnet = _id("Default-Networking", "Microsoft.ClassicNetwork/virtualNetworks", "shared-vnet", OTHER)
    apim = {
        "id": _id("api", "Microsoft.ApiManagement/service", "apim"),
        "type": "microsoft.apimanagement/service",
        "properties": {"virtualNetworkConfiguration": {"subnetResourceId": f"{vnet}/subnets/apim"}},
    }
    files = {"dependents.json": _page(apim), "classic.json": _page(_network("prod-vnet", "10.1.1.0/24"))}
    [finding] = _lint(tmp_path, monkeypatch, files, "MIG319").findings
    assert f"'shared-vnet' (subscription {OTHER}), subnet 'apim'" in finding.message


def test_each_service_row_has_its_own_rule(tmp_path, monkeypatch):
    services = ("app-service-environment", "hdinsight", "dynamics-lcs", "aad-domain-services", "remoteapp")
    text = "".join(f'[[vnet-services]]\nvnet = "v"\nservice = "{s}"\n\n' for s in services)
    result = _lint(tmp_path, monkeypatch, {"inventory.toml": text})
    assert _where(result.findings) == [
        "MIG314 inventory.toml:1:1",
        "MIG315 inventory.toml:5:1",
        "MIG316 inventory.toml:9:1",
        "MIG317 inventory.toml:13:1",
        "MIG318 inventory.toml:17:1",
    ]


def test_declared_peering_gateway_and_link(tmp_path, monkeypatch):
    text = """
        [tool.migcheck]
        fail-on = "error"

        [[tool.migcheck.inventory.vnet-peerings]]
        vnet = "prod-vnet"
        peer = "hub-vnet"

        [[tool.migcheck.inventory.application-gateways]]
        name = "appgw"
        vnet = "web-vnet"

        [[tool.migcheck.inventory.expressroute-authorization-links]]
        circuit = "er-frankfurt"
        """
    result = _lint(tmp_path, monkeypatch, {"pyproject.toml": text})
    assert _where(result.findings) == [
        "MIG313 pyproject.toml:4:1",
        "MIG312 pyproject.toml:8:1",
        "MIG311 pyproject.toml:12:1",
    ]
    assert "'prod-vnet' is peered with Resource Manager network 'hub-vnet'" in result.findings[0].message


def test_role_assignments_name_the_ids_after_migration(tmp_path, monkeypatch):
    def assignment(n: int, scope: str, role: str) -> dict:
        return {
            "id": f"{scope}/providers/Microsoft.Authorization/roleAssignments/a{n}",
            "name": f"a{n}",
            "type": "microsoft.authorization/roleassignments",
            "properties": {
                "scope": scope,
                "roleDefinitionId": f"/providers/Microsoft.Authorization/roleDefinitions/{role}",
                "principalId": "p1",
                "principalType": "User",
            },
        }

    classic_vm = _id("odd-group", "Microsoft.ClassicCompute/virtualMachines", "db01")
    reserved = _id("Default-Networking", "Microsoft.ClassicNetwork/reservedIps", "vip1")
    rows = (
        assignment(1, classic_vm, "d73bb868-a0df-4d4d-bd69-98a00b01fccb"),
        assignment(2, reserved, "acdd72a7-3385-48ef-bd42-f606fba81ae7"),
        _vm("db01", "contoso-db"),
    )
    result = _lint(tmp_path, monkeypatch, {"rbac.json": _page(*rows)}, "MIG501")
    first, second = result.findings
    expected = f"/subscriptions/{SUB}/resourceGroups/contoso-db-Migrated/providers/Microsoft.Compute/virtualMachines/db01"
    assert first.message.endswith(f"after migration it is {expected}")  # the VM's service, from the export
    assert "'Classic Virtual Machine Contributor' is assigned to User p1" in first.message
    assert "'Virtual Machine Contributor'" in first.fix
    assert "known only after migration" in second.message and "reserved IP 'vip1'" in second.message


def test_migrated_ids():
    def id_(type_: str, name: str) -> str:
        return migrated_id(parse_id(_id("rg", type_, name)))

    base = f"/subscriptions/{SUB}/resourceGroups"
    assert id_("Microsoft.ClassicCompute/domainNames", "shop") == f"{base}/shop-Migrated"
    assert id_("Microsoft.ClassicNetwork/virtualNetworks", "v") == (
        f"{base}/v-Migrated/providers/Microsoft.Network/virtualNetworks/v"
    )
    assert id_("Microsoft.ClassicStorage/storageAccounts", "st") == (
        f"{base}/st-Migrated/providers/Microsoft.Storage/storageAccounts/st"
    )
    assert id_("Microsoft.ClassicCompute/virtualMachines", "vm") == (
        f"{base}/rg-Migrated/providers/Microsoft.Compute/virtualMachines/vm"
    )
    assert id_("Microsoft.ClassicCompute/domainNames", "shop/slots/Production") == ""


def test_alerts_and_autoscale_list_what_to_recreate(tmp_path, monkeypatch):
    role = _id("shop", "Microsoft.ClassicCompute/domainNames", "shop") + "/slots/Production/roles/Worker"
    queue = _id("st", "Microsoft.ClassicStorage/storageAccounts", "orders") + "/services/queue/queues/jobs"
    scale = {
        "id": _id("mon", "microsoft.insights/autoscalesettings", "s1"),
        "type": "microsoft.insights/autoscalesettings",
        "properties": {
            "enabled": False,
            "targetResourceUri": _id("apps", "Microsoft.Web/serverfarms", "plan"),
            "profiles": [{"rules": [{"metricTrigger": {"metricResourceUri": queue}}]}],
        },
    }
    alert = {
        "id": _id("mon", "microsoft.insights/metricalerts", "m1"),
        "type": "microsoft.insights/metricalerts",
        "properties": {"scopes": [role], "enabled": True},
    }
    result = _lint(tmp_path, monkeypatch, {"dependents.json": _page(scale, alert)}, "MIG502", "MIG503")
    assert [f.message for f in result.findings] == [
        "autoscale setting 's1', disabled reads the metrics of classic storage account 'orders': the setting "
        "stays, but its rules keep the classic id, which no longer exists once that is migrated",
        "metric alert 'm1' watches classic role 'Worker' of cloud service 'shop': the migration drops it",
    ]
    # Where to recreate the alert is what to do: the help says it, the message does not.
    assert result.findings[1].fix.endswith(
        "then recreate it as a metric alert for the roles' new home once they are rebuilt (web/worker roles "
        "are not migrated, MIG101) (`Add-AzMetricAlertRuleV2`, `az monitor metrics alert create` or the "
        "portal), and delete the old rule."
    )


# --- the sample estate --------------------------------------------------------------------------------


def test_the_contoso_inventory(monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    codes = ("MIG3", "MIG5", "MIG004", "MIG003", "MIG205", "MIG208")
    result = lint(["examples/contoso"], Config(select=codes), RULES)
    found = [w for w in _where(result.findings) if "/inventory/" in w]
    assert found == [
        "MIG502 examples/contoso/inventory/alertrules.json:17:28",  # the classic VM's id
        "MIG313 examples/contoso/inventory/dependents.json:23:23",  # the classic network's id
        "MIG319 examples/contoso/inventory/dependents.json:42:31",  # the subnet id in the classic network
        "MIG503 examples/contoso/inventory/dependents.json:90:30",
        "MIG311 examples/contoso/inventory/er-authorizations.json:7:18",  # "Used": 1
        "MIG501 examples/contoso/inventory/rbac.json:12:18",  # the classic scopes
        "MIG501 examples/contoso/inventory/rbac.json:25:18",
    ]
    # The export agrees with the files: no conflict, no dangling name, and the files' findings unchanged.
    assert not [f for f in result.findings if f.code in ("MIG003", "MIG004")]
    assert _where(f for f in result.findings if f.code in ("MIG205", "MIG208")) == [
        "MIG208 examples/contoso/rest/contoso-jump.hostedservice.xml:60:9",
        "MIG205 examples/contoso/rest/contoso-jump.hostedservice.xml:204:11",
    ]
    assert result.estate.inventory.subscription == "8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c"


def test_the_rules_that_fire_on_exports_say_they_check_them():
    """`migcheck rule MIG105` listed "checks: powershell, python, rest" though it fires on exports."""
    from migcheck.model import FileKind

    by_code = {rule.code: rule for rule in RULES}
    for code in ("MIG105", "MIG106"):
        assert FileKind.INVENTORY in by_code[code].file_kinds(), code
    # Resource Graph rows hold no endpoint ACL, but `Get-AzureVM | ConvertTo-Json` exports do.
    assert FileKind.INVENTORY in by_code["MIG201"].file_kinds()
