"""Every command of the classic CLI that changes a resource is a change to it (MIG602 between its Prepare
and its Commit), not only those the reader describes: `storage account keys renew` and `storage account
set` change the account they name, `service cert create` and `service internal-load-balancer add` the
cloud service, `vm restart` the VM's service, `network vpn-gateway set` the network. Commands that read
(`list`, `show`) change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import APP_VNET_NETCFG, lint_files, where

STORAGE = """\
azure config mode asm
azure storage account prepare-migration shoplogs
{command}
azure storage account commit-migration shoplogs
"""

NETWORK = """\
azure config mode asm
azure vm create shop-svc img-ubuntu ops 'P@ssw0rd!' --vm-name lin01 --virtual-network-name app-vnet --subnet-names web --no-ssh-endpoint --disable-boot-diagnostics
azure network vnet validate-migration app-vnet
azure network vnet prepare-migration app-vnet
{command}
azure network vnet commit-migration app-vnet
"""

CHANGES = [
    (STORAGE, "azure storage account keys renew shoplogs --primary", "storage account 'shoplogs'"),
    (STORAGE, "azure storage account set shoplogs --label logs", "storage account 'shoplogs'"),
    (NETWORK, "azure service cert create shop-svc ./tls.pfx secret", "cloud service 'shop-svc'"),
    (
        NETWORK,
        "azure service internal-load-balancer add shop-svc --internalLBName ilb --subnet-name web",
        "cloud service 'shop-svc'",
    ),
    (NETWORK, "azure vm restart lin01", "cloud service 'shop-svc'"),
    (NETWORK, "azure vm shutdown -d shop-svc lin01", "cloud service 'shop-svc'"),
    (NETWORK, "azure vm disk detach lin01 0", "cloud service 'shop-svc'"),
    (NETWORK, "azure network vpn-gateway set app-vnet --sku HighPerformance", "virtual network 'app-vnet'"),
]


@pytest.mark.parametrize(("script", "command", "changed"), CHANGES, ids=[c[1][6:40] for c in CHANGES])
def test_a_write_command_between_prepare_and_commit_changes_what_it_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, command: str, changed: str
) -> None:
    line = script.splitlines().index("{command}") + 1
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, "m.sh": script.format(command=command)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG602")
    assert where(result.findings) == [f"MIG602 m.sh:{line}:1"]
    assert f"changes {changed}" in result.findings[0].message


READS = [
    (STORAGE, "azure storage account keys list shoplogs"),
    (STORAGE, "azure storage account show shoplogs"),
    (NETWORK, "azure service cert list shop-svc"),
    (NETWORK, "azure vm show lin01 -d shop-svc"),
    (NETWORK, "azure network vpn-gateway show app-vnet"),
]


@pytest.mark.parametrize(("script", "command"), READS, ids=[c[1][6:40] for c in READS])
def test_a_command_that_reads_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, command: str
) -> None:
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, "m.sh": script.format(command=command)}
    assert lint_files(tmp_path, monkeypatch, files, "MIG602").findings == []


def test_a_write_command_on_another_account_changes_nothing_prepared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = STORAGE.format(command="azure storage account keys renew otherlogs --secondary")
    assert lint_files(tmp_path, monkeypatch, {"m.sh": script}, "MIG602").findings == []


def test_powershell_running_the_classic_cli_changes_what_the_command_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        "& azure storage account prepare-migration shoplogs\n"
        "& azure storage account keys renew shoplogs --primary\n"
        "& azure storage account commit-migration shoplogs\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"m.ps1": script}, "MIG602")
    assert where(result.findings) == ["MIG602 m.ps1:2:3"]
    assert "changes storage account 'shoplogs'" in result.findings[0].message
