"""Each rule a shell script can trigger is found when the same command lines are a Makefile's recipe (each line
after a tab, run by make in a shell of its own) or a Dockerfile's `RUN` lines, at the line and column where
that file writes each word: neither file was read before, so none of them was found."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

SUB = "/subscriptions/11111111-2222-3333-4444-555555555555"
CLASSIC_VNET = (
    f"{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1"
)
CLASSIC_VM = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/web01"
CLASSIC_ROLE = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/domainNames/shop/slots/Production/roles/Web"
MANAGEMENT = "curl --cert mgmt.pem -H 'x-ms-version: 2015-04-01'"
SMAPI = "https://management.core.windows.net/11111111-2222-3333-4444-555555555555/services"
DISCONNECT = (
    '<UpdateConnection xmlns="http://schemas.microsoft.com/windowsazure">'
    "<Operation>Disconnect</Operation></UpdateConnection>"
)
VM = "azure vm create shop img ops P@ss -n web1 -w app-vnet -b web -l 'West US'"

# Command lines, one command a line, that trigger each rule a shell script can trigger.
CASES = {
    "MIG001": ["azure vm create shop img ops 'P@ss -n web1"],
    "MIG003": [
        "azure network vnet create app-vnet -l 'West US' -e 10.0.0.0 -i 16 -n web -p 10.0.1.0 -r 24",
        "azure vm create shop img ops P@ss -n web1 -w app-vnet -b nosuch -l 'West US'",
    ],
    "MIG005": ["# migcheck: ignore[MIG999] no such rule", VM],
    "MIG006": ["# migcheck: ignore[MIG201] nothing to silence", VM],
    # a Swap Deployment request: only a package's deployment is ever in the staging slot
    "MIG101": [f"{MANAGEMENT} -X POST {SMAPI}/hostedservices/shop"],
    "MIG102": [
        "azure vm create shop img ops P@ss -n web1 -w app-vnet -b web -A set1 -l 'West US'",
        "azure vm create shop img ops P@ss -n web2 -w app-vnet -b web -A set2 -c -l 'West US'",
    ],
    "MIG103": [
        "azure vm create shop img ops P@ss -n web1 -w app-vnet -b web -A set1 -l 'West US'",
        "azure vm create shop img ops P@ss -n web2 -w app-vnet -b web -c -l 'West US'",
    ],
    "MIG105": ["azure vm create shop img ops P@ss -n web1 -l 'West US'"],
    "MIG106": [
        "azure vm create shop img ops P@ss -n web1 -w app-vnet -b web -R shop-ip -e 22 -l 'West US'",
        "azure vm endpoint delete web1 SSH",
    ],
    "MIG201": [
        VM,
        "azure vm endpoint create web1 80 -n http",
        "azure vm endpoint acl-rule create web1 http 100 permit 10.0.0.0/8",
    ],
    "MIG202": ["azure vm create shop img ops P@ss -n web1 -w app-vnet -b web,data -l 'West US'"],
    "MIG203": ["azure vm create shop img ops P@ss -n web1 -w app-vnet -l 'West US'"],
    "MIG204": [VM, "azure vm extension set web1 BGInfo Microsoft.Compute 1.1"],
    "MIG205": [
        "azure storage account create premacct --type PLRS -l 'West US'",
        "azure vm create shop img ops P@ss -n web1 -w app-vnet -b web"
        " -u https://premacct.blob.core.windows.net/vhds/web1.vhd -l 'West US'",
    ],
    "MIG206": [VM, "azure vm extension set web1 VMSnapshotLinux Microsoft.Azure.RecoveryServices 1.0"],
    "MIG207": [
        VM,
        "azure vm extension set web1 AzureSecurityLinuxAgent Microsoft.Azure.Security.Monitoring 2.0",
    ],
    "MIG209": [
        VM,
        "azure vm extension set web1 LinuxAgent Microsoft.Azure.RecoveryServices.SiteRecovery 1.0",
    ],
    "MIG210": [
        VM,
        "azure vm extension set web1 CustomScript Microsoft.Azure.Extensions 2.0",
        "azure network nsg create web-nsg westus",
        "azure network nsg rule create web-nsg no-internet -r Outbound -y 200 -c Deny -f '*' -o '*' -e Internet"
        " -u '*' -p '*'",
        "azure network nsg subnet add web-nsg app-vnet web",
    ],
    "MIG303": ["azure network vnet create app-vnet -a myag -e 10.0.0.0 -i 16 -n web"],
    "MIG304": ["azure network vnet create app-vnet -l 'West US' -e 10.0.0.00 -i 16 -n web"],
    "MIG306": [
        "azure vm create shop img ops P@ss -n web1 -w app-vnet -b web -S 10.0.0.4 -l 'West US'",
        "azure vm create shop2 img ops P@ss -n web2 -w app-vnet -b web -S 10.0.0.4 -l 'West US'",
    ],
    "MIG307": [
        f"{MANAGEMENT} -X PUT -d '{DISCONNECT}' {SMAPI}/networking/app-vnet/gateway/connection/onprem"
    ],
    "MIG312": ["azure network application-gateway create -n shop-agw -e vnet1 -t agw -c 2 -z Medium"],
    "MIG313": [
        "az network vnet peering create -g hub-rg -n hub-to-app --vnet-name hub-vnet"
        f" --remote-vnet {CLASSIC_VNET} --allow-vnet-access"
    ],
    "MIG315": [
        f"az hdinsight create -n shop-hdi -g hdi-rg -t spark --vnet-name {CLASSIC_VNET} --subnet {CLASSIC_VNET}/subnets/hdi"
    ],
    "MIG401": [VM, "azure vm disk attach-new web1 256 https://acct.blob.core.windows.net/vhds/2016/d.vhd"],
    "MIG402": ["azure vm disk create orphan-os -u https://acct.blob.core.windows.net/vhds/o.vhd --os Linux"],
    "MIG501": [
        "az role assignment create --assignee ops@contoso.com --role 'Virtual Machine Contributor'"
        f" --scope {CLASSIC_VM}"
    ],
    "MIG502": [
        f"az monitor metrics alert create -n web01-cpu -g mon-rg --scopes {CLASSIC_VM}"
        " --condition 'avg Percentage CPU > 80'"
    ],
    "MIG503": [
        f"az monitor autoscale create -g mon-rg --resource {CLASSIC_ROLE} --name web-scale --min-count 2 --max-count 5"
    ],
    "MIG601": [VM],
    "MIG602": [
        "azure network vnet commit-migration app-vnet",
        "azure network vnet prepare-migration app-vnet",
    ],
}
LINES = ["azure config mode asm"]


def _found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, code: str
) -> list[tuple[int, int]]:
    result = lint_files(tmp_path, monkeypatch, {name: text}, code, dedent=False)
    return [(f.location.line, f.location.column) for f in result.findings if f.location is not None]


def _shell_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str) -> list[tuple[int, int]]:
    found = _found(tmp_path / "sh", monkeypatch, "deploy.sh", "\n".join([*LINES, *CASES[code]]) + "\n", code)
    assert found, f"{code}: the shell script gives no finding to compare with"
    return found


@pytest.mark.parametrize("code", sorted(CASES))
def test_a_makefile_recipe_gives_the_shell_script_s_finding_where_it_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str
) -> None:
    lines = [*LINES, *CASES[code]]
    # make's own comment at the start of its line, each command after the tab that makes it a recipe line
    makefile = "deploy:\n" + "".join(line + "\n" if line.startswith("#") else f"\t{line}\n" for line in lines)
    expected = [
        (line + 1, column + (0 if lines[line - 1].startswith("#") else 1))
        for line, column in _shell_found(tmp_path, monkeypatch, code)
    ]
    assert _found(tmp_path / "make", monkeypatch, "Makefile", makefile, code) == expected


@pytest.mark.parametrize("code", sorted(CASES))
def test_a_dockerfile_s_run_lines_give_the_shell_script_s_finding_where_they_write_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str
) -> None:
    lines = [*LINES, *CASES[code]]
    dockerfile = "FROM mcr.microsoft.com/azure-cli\n" + "".join(
        line + "\n" if line.startswith("#") else f"RUN {line}\n" for line in lines
    )
    expected = [
        (line + 1, column + (0 if lines[line - 1].startswith("#") else 4))
        for line, column in _shell_found(tmp_path, monkeypatch, code)
    ]
    assert _found(tmp_path / "docker", monkeypatch, "Dockerfile", dockerfile, code) == expected
