"""Benchmark migcheck on a script-heavy repository: thousands of Python, PowerShell and shell files, most of
them unrelated to Azure, a few hundred that build classic resources.

Usage::

    python benchmarks/scripts.py [--scripts 3000] [--classic 0.1] [--runs 3] [--seed 2015]

Three commands are measured, each in a fresh process, best of the runs:

(a) the floor: ``benchmarks/floor.py --of scripts``, which imports the parsers migcheck's script readers use
    (Python's ``ast``, tree-sitter's PowerShell and bash grammars) and parses every *classic* script once (the files
    migcheck has to read: no checker can do less);
(b) ``migcheck check ESTATE --format json``: the walk sniffs every script and reads the classic ones;
(c) the same walk over the unrelated scripts alone: what a repository full of unrelated code costs.

It prints the cost per classic script of (a) and (b), and (c) per unrelated file. A measurement, not a test:
it exits 0 whatever the figures are. ``benchmarks/run.py`` measures (a) and (b) on the same repository.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

FLOOR = Path(__file__).resolve().with_name("floor.py")
CLASSIC_SHARE = 0.1  # of the scripts, those that use the classic APIs

PYTHON_CLASSIC = '''"""Provision the {team} tier."""
from azure.servicemanagement import (
    ConfigurationSet,
    ConfigurationSetInputEndpoint,
    LinuxConfigurationSet,
    OSVirtualHardDisk,
    ServiceManagementService,
)

SERVICE = "{service}"


def provision(subscription_id, cert):
    sms = ServiceManagementService(subscription_id, cert)
    sms.create_hosted_service(SERVICE, SERVICE, location="West Europe")
    network = ConfigurationSet()
    network.configuration_set_type = "NetworkConfiguration"
    network.subnet_names.append("{subnet}")
    network.input_endpoints.input_endpoints.append(ConfigurationSetInputEndpoint("ssh", "tcp", "22", "22"))
    system = LinuxConfigurationSet("{vm}", "azureuser", None, True)
    disk = OSVirtualHardDisk("ubuntu", "https://{account}.blob.core.windows.net/vhds/{vm}.vhd")
    sms.create_virtual_machine_deployment(
        SERVICE,
        SERVICE,
        "production",
        SERVICE,
        "{vm}",
        system,
        disk,
        network_config=network,
        availability_set_name="{aset}",
        role_size="Small",
        virtual_network_name="{vnet}",
    )
'''

POWERSHELL_CLASSIC = """# Provision the {team} tier.
param([string]$ImageName)

$acl = New-AzureAclConfig
Set-AzureAclConfig -AddRule -ACL $acl -Order 100 -Action Permit -RemoteSubnet "10.0.0.0/8" -Description "corp"
$vm = New-AzureVMConfig -Name "{vm}" -InstanceSize Small -ImageName $ImageName -AvailabilitySetName "{aset}"
$vm | Add-AzureProvisioningConfig -Windows -AdminUsername "ops" -Password $env:VM_PASSWORD |
    Set-AzureSubnet -SubnetNames "{subnet}" |
    Add-AzureEndpoint -Name "https" -Protocol tcp -LocalPort 443 -PublicPort 443 -ACL $acl
New-AzureVM -ServiceName "{service}" -VMs $vm -VNetName "{vnet}" -Location "West Europe"
"""

PYTHON_OTHER = '''"""Utility module {index}."""
import json
import os


def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


class Report{index}:
    def __init__(self, rows):
        self.rows = [row for row in rows if row.get("enabled")]

    def totals(self):
        return {{key: sum(row.get(key, 0) for row in self.rows) for key in ("cpu", "memory", "disk")}}


if __name__ == "__main__":
    print(Report{index}(load(os.environ.get("REPORT", "report.json"))).totals())
'''

SHELL_CLASSIC = """#!/bin/bash
# Provision the {team} tier with the classic CLI.
SERVICE={service}
VNET={vnet}
azure config mode asm
create_vm() {{
  azure vm create "$SERVICE" ubuntu azureuser "$1" --vm-name "$2" --connect \\
    -w "$VNET" -b {subnet} -A {aset} -e 22 -u https://{account}.blob.core.windows.net/vhds/$2.vhd
}}
create_vm "$PASSWORD" {vm}
azure vm endpoint create {vm} 80 80 -n http
"""

SHELL_OTHER = """#!/bin/bash
# Housekeeping task {index}.
LOGS=${{1:-/var/log/app}}
for file in "$LOGS"/*.log; do
  if [ "$(find "$file" -mtime +14)" ]; then
    echo "removing $file" && rm -f "$file"
  fi
done
tar czf "summary-{index}.tgz" "$LOGS" || echo "nothing to archive"
"""

POWERSHELL_OTHER = """# Housekeeping task {index}.
param([string]$Path = "C:\\logs")

Get-ChildItem -Path $Path -Filter *.log |
    Where-Object {{ $_.LastWriteTime -lt (Get-Date).AddDays(-14) }} |
    ForEach-Object {{
        Write-Verbose "removing $($_.FullName)"
        Remove-Item $_.FullName -WhatIf
    }}
$summary = @{{ Folder = $Path; Checked = (Get-Date) }}
$summary | ConvertTo-Json | Set-Content -Path (Join-Path $Path "summary-{index}.json")
"""


CLASSIC = {"py": PYTHON_CLASSIC, "ps1": POWERSHELL_CLASSIC, "sh": SHELL_CLASSIC}
OTHER = {"py": PYTHON_OTHER, "ps1": POWERSHELL_OTHER, "sh": SHELL_OTHER}


def generate(root: Path, scripts: int, classic_share: float, seed: int) -> tuple[Path, Path, int]:
    """Write the estate: `root/repo` holds everything, `root/classic` the classic scripts alone (for the
    floor), `root/other` the unrelated ones alone. Returns the two folders and the classic count."""
    rng = random.Random(seed)
    repo, classic, other = root / "repo", root / "classic", root / "other"
    count = 0
    for index in range(scripts):
        folder = f"team{index % 40:02d}"
        language = "sh" if index % 10 == 9 else "py" if index % 2 == 0 else "ps1"  # a tenth are shell
        name = f"task{index:05d}.{language}"
        if rng.random() < classic_share:
            values = {
                "team": folder,
                "service": f"svc-{index % 150:03d}",
                "vm": f"vm{index:05d}",
                "subnet": f"subnet-{index % 4}",
                "vnet": f"vnet-{index % 12:02d}",
                "aset": f"aset-{index % 3}",
                "account": f"acct{index % 20:02d}",
            }
            text = CLASSIC[language].format(**values)
            targets = (repo, classic)
            count += 1
        else:
            text = OTHER[language].format(index=index)
            targets = (repo, other)
        for base in targets:
            path = base / folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return classic, other, count


def main(argv: list[str] | None = None) -> int:
    """Generate the repository, measure (a), (b) and (c), print them."""
    from run import child_environment, fmt_rss, fmt_wall, measure, migcheck_command

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scripts", type=int, default=3000, help="scripts in all (.py, .ps1, a tenth .sh)")
    parser.add_argument(
        "--classic", type=float, default=CLASSIC_SHARE, help="share of scripts that use classic APIs"
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2015)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="migcheck-scripts-") as tmp:
        root = Path(tmp)
        classic, other, count = generate(root, args.scripts, args.classic, args.seed)
        walked = other.relative_to(root)
        env = child_environment(root / "pycache")
        floor_command = [sys.executable, str(FLOOR), "--of", "scripts", str(classic)]
        floor = measure("floor", floor_command, root, args.runs, {0}, env)
        check_command = [*migcheck_command(), "check", "repo", "--format", "json"]
        check = measure("check", check_command, root, args.runs, {0, 1}, env)
        walk_command = [*migcheck_command(), "check", str(walked), "--format", "json"]
        walk = measure("walk", walk_command, root, args.runs, {0, 1}, env)
    unrelated = args.scripts - count
    print(f"{args.scripts:,} scripts, {count:,} of them classic, {unrelated:,} unrelated")
    for label, run, per, what in (
        ("(a) floor: parse the classic scripts", floor, count, "classic script"),
        ("(b) migcheck check, everything", check, count, "classic script"),
        ("(c) migcheck check, unrelated only", walk, unrelated, "unrelated file"),
    ):
        each = f"{run.wall / per * 1000:.2f} ms per {what}" if run.wall and per else (run.error or "")
        print(f"{label:40} {fmt_wall(run):>10} {fmt_rss(run):>10}   {each}")
    if floor.wall and check.wall:
        print(f"(b)/(a): {check.wall / floor.wall:.2f}x")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(FLOOR.parent))
    sys.exit(main())
