"""The classic CLI (`azure`, asm mode) in shell scripts and in PowerShell: each command family's blocker
reported where the script writes it, and the near-misses (Resource Manager mode, `--help`, a comment, a
command that only reads) silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.model import FileKind
from migcheck.readers import shell
from tests.lint_support import lint_files, where

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="corpnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="front"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet>
          <Subnet name="back"><AddressPrefix>10.0.2.0/24</AddressPrefix></Subnet>
        </Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, *codes: str) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, {name: text}, *codes).findings)


def test_two_subnets_reported_at_the_option_value_in_every_spelling(tmp_path, monkeypatch):
    script = """\
    #!/bin/bash
    SUBNETS="front,back"
    azure vm create web-svc img user pass -w corpnet -b front,back
    azure vm create app-svc img user pass --virtual-network-name corpnet --subnet-names=front,back
    azure vm create db-svc img user pass -w corpnet --subnet-names "$SUBNETS"
    """
    found = _lint(tmp_path, monkeypatch, "deploy.sh", script, "MIG202")
    assert found == [
        "MIG202 deploy.sh:2:16",
        "MIG202 deploy.sh:3:59",
        "MIG202 deploy.sh:4:91",
    ]


def test_values_followed_through_functions_loops_and_continuations(tmp_path, monkeypatch):
    script = """\
    VNET=corpnet
    make() {
      local svc=$1
      azure vm create "$svc-svc" img user pass \\
        -w $VNET -b "$2" -A "$svc-set"
    }
    make web front,back
    for tier in app db; do
      azure vm create $tier-svc img user pass -w ${VNET} -b front -n $tier
    done
    """
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG202")
    assert where(result.findings) == ["MIG202 deploy.sh:7:16"]
    assert "web-svc" in result.findings[0].message


def test_acl_rule_extension_and_reserved_ip_blockers(tmp_path, monkeypatch):
    script = """\
    azure network reserved-ip create webip "West Europe"
    azure vm create web-svc img user pass -w corpnet -b front -R webip
    azure vm endpoint create web-svc 80 80 -n http
    azure vm endpoint acl-rule create web-svc http 100 permit 10.0.0.0/8
    azure vm extension set web-svc VMSnapshot Microsoft.Azure.RecoveryServices 1.0
    """
    found = _lint(tmp_path, monkeypatch, "deploy.sh", script, "MIG201", "MIG206", "MIG106")
    # Each at the value that causes it: the endpoint the ACL is put on, the extension's name.
    assert found == ["MIG201 deploy.sh:4:43", "MIG206 deploy.sh:5:32"]


def test_reserved_ip_on_a_deployment_without_endpoints(tmp_path, monkeypatch):
    script = """\
    azure vm create web-svc img user pass -w corpnet -b front -R webip -e 22
    azure vm endpoint delete web-svc SSH
    """
    assert _lint(tmp_path, monkeypatch, "deploy.sh", script, "MIG106") == ["MIG106 deploy.sh:1:62"]


def test_subnet_missing_from_the_network_the_netcfg_defines(tmp_path, monkeypatch):
    files = {
        "net/NetworkConfig.netcfg": NETCFG,
        "deploy.sh": "azure vm create web-svc img user pass -w corpnet -b frontend\n",
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG003", "MIG202")
    assert where(result.findings) == ["MIG003 deploy.sh:1:53"]


def test_vm_in_a_network_without_a_subnet(tmp_path, monkeypatch):
    files = {"net/NetworkConfig.netcfg": NETCFG, "deploy.sh": "azure vm create web-svc img u p -w corpnet\n"}
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG203").findings) == ["MIG203 deploy.sh:1:1"]


def test_near_misses_stay_silent(tmp_path, monkeypatch):
    script = """\
    # azure vm create web-svc img user pass -w corpnet -b front,back
    azure vm create --help -w corpnet -b front,back
    echo azure vm create web-svc img user pass -w corpnet -b front,back
    azure vm show web-svc
    azure config mode arm
    azure vm create web-svc img user pass -w corpnet -b front,back
    azure config mode asm
    azure vm create rg-svc img user pass --resource-group rg -w corpnet -b front,back
    """
    assert _lint(tmp_path, monkeypatch, "deploy.sh", script, "MIG202", "MIG201") == []


def test_unstated_values_leave_the_facts_unknown(tmp_path, monkeypatch):
    files = {
        "net/NetworkConfig.netcfg": NETCFG,
        "deploy.sh": 'read SUBNET\nazure vm create "$1" img u p -w corpnet -b "$SUBNET" -R $(cat ip.txt)\n',
    }
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG003", "MIG106", "MIG203").findings) == []


def test_the_same_commands_in_powershell(tmp_path, monkeypatch):
    script = """\
    $net = "corpnet"
    azure vm create web-svc img user pass -w $net -b "front,back"
    azure vm endpoint acl-rule create web-svc http 100 permit 10.0.0.0/8
    azure config mode arm
    azure vm create app-svc img user pass -w $net -b "front,back"
    """
    found = _lint(tmp_path, monkeypatch, "deploy.ps1", script, "MIG202", "MIG201")
    assert found == ["MIG202 deploy.ps1:2:57", "MIG201 deploy.ps1:3:43"]  # at `back`, past the quote


def test_migration_step_then_a_change_to_the_prepared_service(tmp_path, monkeypatch):
    script = """\
    azure service deployment prepare-migration web-svc web-svc
    azure vm endpoint create web 8080 -d web-svc -n alt
    azure service deployment commit-migration web-svc web-svc
    """
    assert _lint(tmp_path, monkeypatch, "migrate.sh", script, "MIG602") == ["MIG602 migrate.sh:2:1"]


def test_a_script_that_runs_no_classic_command_is_not_classic(tmp_path):
    data = b"azure login\nazure config mode arm\nazure group create rg westeurope\n"
    assert shell.read(str(tmp_path / "arm.sh"), data).kind is None
    assert shell.sniff(b"echo hi\n") is False


def test_an_unclosed_quote_is_a_syntax_problem(tmp_path):
    document = shell.read(str(tmp_path / "bad.sh"), b'azure vm create "web img\n')
    assert document.kind is FileKind.SHELL
    assert document.problem is not None and document.problem.kind == "syntax"


def test_classic_calls_listed_for_migration_advice(tmp_path, monkeypatch):
    script = "azure storage account create --type PLRS -l 'West Europe' premacct\n"
    result = lint_files(tmp_path, monkeypatch, {"make.sh": script}, "MIG601")
    assert where(result.findings) == ["MIG601 make.sh:1:1"]
    assert "az storage account create" in (result.findings[0].fix or "")


def test_a_script_written_for_resource_manager_mode_is_not_classic(tmp_path):
    """The CLI's default mode is Resource Manager since mid-2016: a script whose first commands only that
    mode has (`--resource-group`, `network nic`) runs every command in it, `vm disk attach-new` included."""
    data = (
        b"azure network nic create --name nic1 --resource-group rg --location westus --subnet-id $SUBNET\n"
        b"azure vm create --resource-group rg --name vm1 --nic-names nic1 --os-type linux\n"
        b"azure vm disk attach-new rg vm1 128\n"
    )
    assert shell.read(str(tmp_path / "node.sh"), data).kind is None


def test_classic_commands_before_a_resource_manager_one_are_read_after_asm_mode(tmp_path, monkeypatch):
    script = """\
    azure config mode asm
    azure vm create web-svc img user pass -w corpnet -b front,back
    azure group create rg westus
    """
    assert _lint(tmp_path, monkeypatch, "mixed.sh", script, "MIG202") == ["MIG202 mixed.sh:2:59"]


def test_both_branches_and_a_command_after_or_are_read(tmp_path, monkeypatch):
    script = """\
    if [ "$ENV" = prod ]; then
      SUBNETS=front,back
      azure vm create web-svc img u p -w corpnet -b "$SUBNETS"
    else
      azure vm create web-test img u p -w corpnet -b front
    fi
    azure vm show app-svc || azure vm create app-svc img u p -w corpnet -b $SUBNETS
    """
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG202")
    assert where(result.findings) == ["MIG202 deploy.sh:2:17"]


def test_a_suppression_comment_covers_every_line_of_the_command_after_it(tmp_path, monkeypatch):
    script = """\
    # migcheck: ignore[MIG202] moved to one subnet before the migration
    azure vm create web-svc img user pass \\
      -w corpnet -b front,back
    azure vm create app-svc img user pass -w corpnet -b front,back  # migcheck: ignore[MIG202] same
    azure vm create db-svc img user pass -w corpnet -b front,back
    """
    assert _lint(tmp_path, monkeypatch, "deploy.sh", script, "MIG202") == ["MIG202 deploy.sh:5:58"]


def test_the_plan_has_a_step_for_a_cloud_service_a_shell_script_creates(plan_of):
    plan = plan_of({"deploy.sh": "azure vm create web-svc img user pass -l 'West Europe' -e 22\n"})
    step = {step.id: step for step in plan.steps}["service:web-svc/web-svc"]
    assert (
        step.cli.validate[0] == "azure service deployment validate-migration 'web-svc' 'web-svc' new '' '' ''"
    )


def test_a_malformed_suppression_comment_is_reported_as_in_other_scripts(tmp_path, monkeypatch):
    script = """\
    # migcheck: ignor[MIG202] typo
    azure vm create web-svc img u p -w corpnet -b front,back
    """
    assert _lint(tmp_path, monkeypatch, "deploy.sh", script, "MIG005") == ["MIG005 deploy.sh:1:1"]


def test_a_powershell_script_written_for_the_cli_s_resource_manager_mode_is_not_read_as_classic(
    tmp_path, monkeypatch
):
    script = """\
    azure network nic create --name nic1 --resource-group rg --location westus
    azure vm disk attach-new rg vm1 128
    azure vm create web-svc img user pass -w corpnet -b "front,back"
    """
    assert _lint(tmp_path, monkeypatch, "node.ps1", script, "MIG202", "MIG601") == []


def test_a_function_s_local_variables_and_shifted_arguments(tmp_path, monkeypatch):
    script = """\
    SUBNETS=front
    place() {
      local SUBNETS=$1; shift
      azure vm create "$1" img u p -w corpnet -b "$SUBNETS"
    }
    place front,back web-svc
    azure vm create app-svc img u p -w corpnet -b "$SUBNETS"
    """
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG202")
    assert where(result.findings) == ["MIG202 deploy.sh:6:13"]
    assert "'web-svc'" in result.findings[0].message


def test_a_command_line_built_as_a_string_and_run_by_eval(tmp_path, monkeypatch):
    script = """\
    cmd="azure vm create $1 img u p -w corpnet -b front,back -n web01"
    echo "running: $cmd"
    eval $cmd
    """
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG202", "MIG601")
    assert sorted(where(result.findings)) == ["MIG202 deploy.sh:3:1", "MIG601 deploy.sh:3:1"]
    assert any("VM 'web01'" in finding.message for finding in result.findings)


def test_a_rule_whose_example_is_a_shell_script_shows_it_as_bash():
    from migcheck.rules.virtual_machines import MultipleSubnets

    class ShownInShell(MultipleSubnets):
        invalid = tuple(e for e in MultipleSubnets.invalid if "deploy/jump.sh" in e.files)

    assert "`deploy/jump.sh`:\n\n```bash\n" in ShownInShell().documentation()


def test_a_network_import_while_a_network_is_prepared(tmp_path, monkeypatch):
    script = """\
    azure network vnet prepare-migration corpnet
    azure network import ./NetworkConfig.netcfg
    azure network vnet commit-migration corpnet
    """
    files = {"net/NetworkConfig.netcfg": NETCFG, "migrate.sh": script}
    result = lint_files(tmp_path, monkeypatch, files, "MIG602")
    assert where(result.findings) == ["MIG602 migrate.sh:2:1"]
    assert "azure network import" in result.findings[0].message


def test_a_powershell_runbook_s_cli_creation_in_a_function_nothing_calls_fails_nothing(tmp_path, monkeypatch):
    script = """\
    function Rebuild { azure vm create web-svc img user pass }
    azure service deployment prepare-migration web-svc web-svc
    azure service deployment commit-migration web-svc web-svc
    """
    assert _lint(tmp_path, monkeypatch, "runbook.ps1", script, "MIG601") == []


def test_a_command_run_through_sudo_or_a_function_that_runs_its_arguments(tmp_path, monkeypatch):
    script = """\
    run() { echo "+ $*"; "$@"; }
    run azure vm create web-svc img u p -w corpnet -b front,back
    sudo -E azure vm create app-svc img u p -w corpnet -b front,back
    """
    found = _lint(tmp_path, monkeypatch, "deploy.sh", script, "MIG202")
    assert found == ["MIG202 deploy.sh:2:57", "MIG202 deploy.sh:3:61"]
