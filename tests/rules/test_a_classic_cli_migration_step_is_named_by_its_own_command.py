"""A message names a classic CLI migration step by the command the script runs (`azure network vnet
commit-migration`), not by a command the CLI does not have (`azure network vnet Commit`): in MIG602, for the
step reported and the one it comes after, and in MIG003, for a step that names a network no configuration
defines. A cmdlet's step keeps its switch's name (`Move-AzureVirtualNetwork -Commit`)."""

from __future__ import annotations

from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files, where

ABORTED_TWICE = """\
azure config mode asm
azure network vnet validate-migration app-vnet
azure network vnet prepare-migration app-vnet
azure network vnet abort-migration app-vnet
azure network vnet abort-migration app-vnet
"""


def test_a_step_out_of_order_and_the_one_before_it_are_named_by_their_commands(tmp_path, monkeypatch):
    files = {"runbook.sh": ABORTED_TWICE, "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG602").findings
    assert where([finding]) == ["MIG602 runbook.sh:5:1"]
    assert finding.message.startswith(
        "runbook.sh: azure network vnet abort-migration comes after azure network vnet abort-migration at line 4"
    )


def test_a_step_on_a_network_no_configuration_defines_is_named_by_its_command(tmp_path, monkeypatch):
    files = {
        "runbook.sh": "azure config mode asm\nazure service deployment validate-migration shop shop new '' '' ''\n"
        "azure network vnet validate-migration no-such-vnet\n",
        "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG,
    }
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG003").findings
    assert finding.message.startswith(
        "azure network vnet validate-migration names virtual network 'no-such-vnet'"
    )


def test_a_cmdlet_step_keeps_the_name_of_its_switch(tmp_path, monkeypatch):
    files = {
        "runbook.ps1": "Move-AzureVirtualNetwork -Commit -VirtualNetworkName app-vnet\n"
        "Move-AzureVirtualNetwork -Prepare -VirtualNetworkName app-vnet\n",
        "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG,
    }
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG602").findings
    assert finding.message.startswith(
        "runbook.ps1: Move-AzureVirtualNetwork -Commit comes before any Prepare"
    )
