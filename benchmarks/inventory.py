"""Benchmark migcheck on an inventory-heavy repository: the JSON exports of a large classic estate, paged
as `az graph query` writes them, beside Resource Manager resources that reach into classic networks and the
role assignments on classic scopes.

Usage::

    python benchmarks/inventory.py [--pages 40] [--records 500] [--runs 3] [--seed 2020]

Each subscription folder holds pages of classic resources (``classic-NNN.json``: VMs, virtual networks,
storage accounts, reserved IPs, cloud services, in the shapes of ``/work/shared/research``'s inventory
notes and the inventory reader's tests), one page of Resource Manager dependents (networks peered with
classic ones, ExpressRoute circuits, API Management in a classic subnet) and one of role assignments.
Two commands are measured, each in a fresh process, best of the runs:

(a) the floor: ``benchmarks/floor.py --of inventory``, ``json.loads`` of every ``.json`` file;
(b) ``migcheck check REPO --format json``.

A measurement, not a test: it exits 0 whatever the figures are. Standard library only; deterministic for
a seed and a set of counts.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

SUBSCRIPTIONS = 4
NETWORKS = 12  # per subscription, written on its first page
MIN_RECORDS = NETWORKS + 1  # a page holds at least the networks and one more record
REGIONS = ("westeurope", "northeurope", "eastus", "westus")
SIZES = ("Small", "Medium", "Large", "ExtraLarge", "Standard_D2", "Standard_D3_v2")
STATUSES = ("ReadyRole", "ReadyRole", "ReadyRole", "StoppedVM", "StoppedDeallocated")
CLASSIC_CONTRIBUTOR = "d73bb868-a0df-4d4d-bd69-98a00b01fccb"


def subscription_id(number: int) -> str:
    """A fixed GUID per subscription number."""
    return f"{number:08x}-8a7e-4c1d-9b2a-5e6f7a8b9c0d"


def classic_id(sub: str, group: str, provider: str, kind: str, name: str) -> str:
    """A resource id under a classic provider."""
    return f"/subscriptions/{sub}/resourceGroups/{group}/providers/Microsoft.Classic{provider}/{kind}/{name}"


class Estate:
    """The records of one subscription, drawn from one random generator."""

    def __init__(self, rng: random.Random, sub: str, networks: int) -> None:
        self.rng, self.sub = rng, sub
        self.networks = [f"vnet-{i:03d}" for i in range(networks)]
        self.made = 0  # records so far: each has a name of its own

    def vm(self, index: int) -> dict[str, object]:
        """A classic VM as Azure Resource Graph returns it (`microsoft.classiccompute/virtualmachines`)."""
        rng, service = self.rng, f"svc-{index // 2:05d}"
        name = f"vm{index:05d}"
        account = f"disks{index % 40:02d}"
        network: dict[str, object] = {"inputEndpoints": self.endpoints()}
        if rng.random() < 0.8:
            vnet = rng.choice(self.networks)
            network["virtualNetwork"] = {
                "id": classic_id(self.sub, "Default-Networking", "Network", "virtualNetworks", vnet),
                "name": vnet,
                "type": "Microsoft.ClassicNetwork/virtualNetworks",
                "subnetNames": rng.sample(["Web", "App", "Data"], rng.choice((1, 1, 1, 2))),
            }
        extensions = [{"publisher": "Microsoft.Compute", "extension": "BGInfo", "version": "2.*"}]
        if rng.random() < 0.3:
            extensions.append(
                {
                    "publisher": "Microsoft.Azure.Security.Monitoring",
                    "extension": "AzureSecurityWindowsAgent",
                    "version": "1.*",
                }
            )
        return {
            "id": classic_id(self.sub, service, "Compute", "virtualMachines", name),
            "name": name,
            "type": "microsoft.classiccompute/virtualmachines",
            "location": rng.choice(REGIONS),
            "resourceGroup": service,
            "subscriptionId": self.sub,
            "properties": {
                "domainName": {
                    "id": classic_id(self.sub, service, "Compute", "domainNames", service),
                    "name": service,
                    "type": "Microsoft.ClassicCompute/domainNames",
                },
                "hardwareProfile": {
                    "size": rng.choice(SIZES),
                    "platformGuestAgent": True,
                    "deploymentName": service,
                    "deploymentId": f"{rng.getrandbits(128):032x}",
                    "deploymentLocked": False,
                    "availabilitySet": rng.choice(("", "", "web-set", "sql-set")),
                },
                "networkProfile": network,
                "storageProfile": {
                    "operatingSystemDisk": {
                        "diskName": f"{name}-os",
                        "caching": "ReadWrite",
                        "operatingSystem": "Windows",
                        "ioType": rng.choice(("Standard", "Standard", "Provisioned")),
                        "vhdUri": f"https://{account}.blob.core.windows.net/vhds/{name}-os.vhd",
                        "storageAccount": {
                            "id": classic_id(
                                self.sub, "Default-Storage", "Storage", "storageAccounts", account
                            ),
                            "name": account,
                            "type": "Microsoft.ClassicStorage/storageAccounts",
                        },
                    },
                    "dataDisks": [
                        {
                            "diskName": f"{name}-data{d}",
                            "lun": d,
                            "vhdUri": f"https://{account}.blob.core.windows.net/vhds/{name}-data{d}.vhd",
                        }
                        for d in range(rng.choice((0, 1, 2)))
                    ],
                },
                "instanceView": {
                    "status": rng.choice(STATUSES),
                    "powerState": "Started",
                    "privateIpAddress": f"10.{index // 250 % 250}.{index % 250}.4",
                    "fullyQualifiedDomainName": f"{service}.cloudapp.net",
                    "computerName": name,
                    "guestAgentStatus": {"status": "Ready", "guestAgentVersion": "2.7.41491.1010"},
                },
                "debugProfile": {"bootDiagnosticsEnabled": rng.random() < 0.5},
                "extensions": extensions,
                "provisioningState": "Succeeded",
            },
        }

    def endpoints(self) -> list[dict[str, object]]:
        """The VM's public endpoints."""
        ports = self.rng.sample([22, 80, 443, 1433, 3389, 5986], 2)
        return [
            {"endpointName": f"ep{p}", "privatePort": p, "publicPort": p, "protocol": "tcp"} for p in ports
        ]

    def network(self, name: str, index: int) -> dict[str, object]:
        """A classic virtual network (`microsoft.classicnetwork/virtualnetworks`)."""
        prefix = f"10.{index % 250}"
        return {
            "id": classic_id(self.sub, "Default-Networking", "Network", "virtualNetworks", name),
            "name": name,
            "type": "microsoft.classicnetwork/virtualnetworks",
            "location": self.rng.choice(REGIONS),
            "subscriptionId": self.sub,
            "properties": {
                "addressSpace": {"addressPrefixes": [f"{prefix}.0.0/16"]},
                "dhcpOptions": {"dnsServers": [f"{prefix}.2.4", "192.168.10.4"]},
                "subnets": [
                    {"name": s, "addressPrefix": f"{prefix}.{k}.0/24"}
                    for k, s in enumerate(("Web", "App", "Data"), 1)
                ],
                "siteId": f"{self.rng.getrandbits(128):032x}",
                "inUse": True,
                "status": "Created",
            },
        }

    def storage(self, index: int) -> dict[str, object]:
        """A classic storage account (`microsoft.classicstorage/storageaccounts`)."""
        name = f"disks{index:02d}" if index < 40 else f"data{index:05d}"
        return {
            "id": classic_id(self.sub, "Default-Storage", "Storage", "storageAccounts", name),
            "name": name,
            "type": "microsoft.classicstorage/storageaccounts",
            "location": self.rng.choice(REGIONS),
            "subscriptionId": self.sub,
            "properties": {
                "provisioningState": "Succeeded",
                "status": "Created",
                "accountType": self.rng.choice(("Standard-GRS", "Standard-LRS", "Premium-LRS")),
                "endpoints": [f"https://{name}.blob.core.windows.net/"],
                "creationTime": "2016-03-01T10:00:00Z",
            },
        }

    def reserved_ip(self, index: int) -> dict[str, object]:
        """A classic reserved IP (`microsoft.classicnetwork/reservedips`)."""
        name = f"rip-{index:04d}"
        return {
            "id": classic_id(self.sub, "Default-Networking", "Network", "reservedIps", name),
            "name": name,
            "type": "microsoft.classicnetwork/reservedips",
            "subscriptionId": self.sub,
            "properties": {
                "ipAddress": f"203.0.{index // 250 % 250}.{index % 250}",
                "status": "Created",
                "inUse": self.rng.random() < 0.6,
            },
        }

    def records(self, count: int) -> list[dict[str, object]]:
        """`count` classic records, VMs most of them, in the order a query returns them."""
        makers = [self.vm] * 14 + [self.storage] * 3 + [self.reserved_ip] * 2
        self.made += count
        return [self.rng.choice(makers)(i) for i in range(self.made - count, self.made)]

    def dependents(self) -> list[dict[str, object]]:
        """Resource Manager resources that reach into the classic networks."""
        found: list[dict[str, object]] = []
        for i, vnet in enumerate(self.networks):
            remote = classic_id(self.sub, "Default-Networking", "Network", "virtualNetworks", vnet)
            found.append(
                {
                    "id": f"/subscriptions/{self.sub}/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/arm-{i}",
                    "name": f"arm-{i}",
                    "type": "microsoft.network/virtualnetworks",
                    "subscriptionId": self.sub,
                    "properties": {
                        "virtualNetworkPeerings": [
                            {
                                "name": f"to-{vnet}",
                                "properties": {
                                    "remoteVirtualNetwork": {"id": remote},
                                    "peeringState": "Connected",
                                },
                            }
                        ]
                    },
                }
            )
        found.append(
            {
                "id": f"/subscriptions/{self.sub}/resourceGroups/er/providers/Microsoft.Network/expressRouteCircuits/er-1",
                "name": "er-1",
                "type": "microsoft.network/expressroutecircuits",
                "subscriptionId": self.sub,
                "properties": {
                    "allowClassicOperations": True,
                    "serviceKey": f"{self.rng.getrandbits(128):032x}",
                    "authorizations": [{"name": "a1", "properties": {"authorizationUseStatus": "InUse"}}],
                },
            }
        )
        return found

    def role_assignments(self, count: int) -> list[dict[str, object]]:
        """Role assignments on classic scopes (`authorizationresources`)."""
        found: list[dict[str, object]] = []
        for i in range(count):
            scope = classic_id(self.sub, f"svc-{i:05d}", "Compute", "domainNames", f"svc-{i:05d}")
            found.append(
                {
                    "id": f"{scope}/providers/Microsoft.Authorization/roleAssignments/{i:08x}",
                    "name": f"{i:08x}",
                    "subscriptionId": self.sub,
                    "type": "microsoft.authorization/roleassignments",
                    "properties": {
                        "scope": scope,
                        "roleDefinitionId": f"/providers/Microsoft.Authorization/roleDefinitions/{CLASSIC_CONTRIBUTOR}",
                        "principalId": f"{self.rng.getrandbits(128):032x}",
                        "principalType": "User",
                    },
                }
            )
        return found


def page(records: list[dict[str, object]], total: int, last: bool) -> str:
    """One page of `az graph query -o json` (resource-graph extension 2.x)."""
    envelope = {
        "count": len(records),
        "data": records,
        "skip_token": None if last else "ew0KICAiJGlkIjogIjEiLA0KICAiTWF4Um93cyI6IDUwMA0KfQ==",
        "total_records": total,
    }
    return json.dumps(envelope, indent=2) + "\n"


def generate(root: Path, pages: int, records: int, seed: int) -> tuple[int, int]:
    """Write the repository under ROOT: `pages` pages of `records` classic records, spread over the
    subscriptions, each with its networks, dependents and role assignments. Returns (files, records)."""
    rng = random.Random(seed)
    files, written = 0, 0
    for number in range(SUBSCRIPTIONS):
        sub = subscription_id(number)
        folder = root / "inventory" / sub
        folder.mkdir(parents=True)
        estate = Estate(rng, sub, networks=NETWORKS)
        own = [p for p in range(pages) if p % SUBSCRIPTIONS == number]
        total = len(own) * records + len(estate.networks)
        for k, _ in enumerate(own):
            batch = (
                estate.records(records)
                if k
                else estate.records(records - NETWORKS)
                + [estate.network(n, i) for i, n in enumerate(estate.networks)]
            )
            (folder / f"classic-{k:03d}.json").write_text(page(batch, total, k == len(own) - 1))
            written += len(batch)
        extras = {"dependents.json": estate.dependents(), "rbac.json": estate.role_assignments(records // 10)}
        for name, batch in extras.items():
            (folder / name).write_text(page(batch, len(batch), True))
            written += len(batch)
        files += len(own) + len(extras)
    return files, written


def main(argv: list[str] | None = None) -> int:
    """Generate the repository, measure the floor and migcheck, print both and their ratio."""
    from run import child_environment, fmt_rss, fmt_wall, measure, migcheck_command

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pages", type=int, default=40, help="pages of classic records, over 4 subscriptions"
    )
    parser.add_argument("--records", type=int, default=500, help=f"records per page (at least {MIN_RECORDS})")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args(argv)
    if args.records < MIN_RECORDS or args.pages < 1:
        parser.error(f"--records must be at least {MIN_RECORDS} and --pages at least 1")
    with tempfile.TemporaryDirectory(prefix="migcheck-inventory-") as tmp:
        root = Path(tmp)
        files, records = generate(root / "repo", args.pages, args.records, args.seed)
        env = child_environment(root / "pycache")
        floor_command = [
            sys.executable,
            str(Path(__file__).with_name("floor.py")),
            "--of",
            "inventory",
            "repo",
        ]
        floor = measure("floor", floor_command, root, args.runs, {0}, env)
        check_command = [*migcheck_command(), "check", "repo", "--format", "json"]
        check = measure("check", check_command, root, args.runs, {0, 1}, env)
    print(f"{files:,} export files, {records:,} records")
    for label, run in (("(a) floor: json.loads every file", floor), ("(b) migcheck check", check)):
        print(f"{label:40} {fmt_wall(run):>10} {fmt_rss(run):>10}   {run.error or ''}")
    if floor.wall and check.wall:
        print(f"(b)/(a): {check.wall / floor.wall:.2f}x")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
