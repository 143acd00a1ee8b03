"""A mistyped or idle suppression comment (MIG005, MIG006) is a problem of migcheck's own comment, which the
platform never sees: `check` lists it with the other findings, but it changes no readiness verdict, lists
no file under Files, and is no warning of the badge, in whatever file it is written."""

from __future__ import annotations

import json

import pytest
from lint_support import APP_VNET_NETCFG, run_cli

TYPO = "<!-- migcheck: ignore[MIG2O4] typo -->"
IDLE = "<!-- migcheck: ignore[MIG201] no acl here -->"

# Two networks in one file: a finding on neither of them belongs to the file, listed under Files.
TWO_NETWORKS = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="app-vnet" Location="North Europe">
      <AddressSpace><AddressPrefix>10.20.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="web"><AddressPrefix>10.20.1.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
    {comment}
    <VirtualNetworkSite name="db-vnet" Location="North Europe">
      <AddressSpace><AddressPrefix>10.30.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="data"><AddressPrefix>10.30.1.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

# One network: a finding on no element of it is the network's.
ONE_NETWORK = APP_VNET_NETCFG.replace("<Subnets>", "{comment}\n      <Subnets>")

SCRIPTS = {
    "deploy.ps1": '{comment}\nNew-AzureVM -ServiceName svc -VMs $vm -Location "West Europe"\n',
    "deploy.sh": "azure config mode asm\n{comment}\nazure vm create svc img ops 'P@ss' --vm-name v1 -l 'West Europe'\n",
    "deploy.py": (
        "import subprocess\n{comment}\n"
        'subprocess.check_call(["azure", "vm", "create", "svc", "img", "ops", "x", "--vm-name", "v1", "-l", "W"])\n'
    ),
}


def _check(tmp_path, monkeypatch, capsys, files: dict[str, str], *options: str) -> str:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".", *options)
    return out


@pytest.mark.parametrize("comment", [TYPO, IDLE], ids=["MIG005", "MIG006"])
def test_a_network_file_whose_only_finding_is_a_comment_s_is_no_file_apart(
    tmp_path, monkeypatch, capsys, comment
):
    out = _check(
        tmp_path, monkeypatch, capsys, {"NetworkConfig.netcfg": TWO_NETWORKS.format(comment=comment)}
    )
    assert f"NetworkConfig.netcfg:7:5: {'MIG005' if comment == TYPO else 'MIG006'} [warning]" in out  # listed
    assert "  Files\n" not in out
    assert "Fails" not in out and "Passes" not in out
    rows = [line for line in out.splitlines() if "-vnet (1 subnet)" in line]
    assert [row.split(")")[-1].strip() for row in rows] == ["Validation passed"] * 2


@pytest.mark.parametrize("comment", [TYPO, IDLE], ids=["MIG005", "MIG006"])
def test_a_comment_s_problem_in_a_network_s_file_leaves_it_passed(tmp_path, monkeypatch, capsys, comment):
    out = _check(tmp_path, monkeypatch, capsys, {"NetworkConfig.netcfg": ONE_NETWORK.format(comment=comment)})
    row = next(line for line in out.splitlines() if "app-vnet (1 subnet)" in line)
    assert row.endswith("Validation passed"), row


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_a_script_s_row_counts_its_own_findings_not_its_comment_s(tmp_path, monkeypatch, capsys, name):
    comment = "# migcheck: ignore[MIG6O1] typo"
    out = _check(
        tmp_path,
        monkeypatch,
        capsys,
        {name: SCRIPTS[name].format(comment=comment)},
        "--format",
        "report-json",
    )
    report = json.loads(out)
    assert "MIG005" in [f["code"] for f in report["findings"]]
    items = [item for s in report["subscriptions"] for scope in s["scopes"] for item in scope["items"]]
    codes = [report["findings"][at]["code"] for item in items for at in item["findings"]]
    assert "MIG601" in codes and "MIG005" not in codes
    assert sum(item["warnings"] for item in items if item["type"] == "File") == codes.count("MIG601")


def test_the_badge_counts_no_comment_s_problem_as_a_warning(tmp_path, monkeypatch, capsys):
    (tmp_path / "NetworkConfig.netcfg").write_text(TWO_NETWORKS.format(comment=TYPO))
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "badge", ".", "--format", "shields")
    assert json.loads(out)["message"] == "ready"
    _, out, _ = run_cli(capsys, "check", ".", "--format", "report-json")
    items = [
        item for s in json.loads(out)["subscriptions"] for scope in s["scopes"] for item in scope["items"]
    ]
    assert {item["verdict"] for item in items} == {"Validation passed"}
    assert "File" not in {item["type"] for item in items}
