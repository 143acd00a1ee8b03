"""MIG602 of a step that comes after the migration of its resource ended: an Abort rolls the Prepare back, so
a Commit or Abort after it (with no Prepare between) has nothing prepared; after a Commit the resource is no
longer classic, so a Validate, Prepare, Commit or Abort of it fails. A storage account prepared after the
Abort of the network whose VMs keep disks in it comes before those VMs are migrated. The same in
PowerShell (its cmdlets and requests of its own), Python (requests, the legacy SDK's perform_post) and the
classic CLI; a Commit and an Abort on the two branches of a test, an Abort that runs when the Commit fails,
and a fresh Prepare after an Abort stay clean."""

from __future__ import annotations

import pytest
from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files, where

from migcheck.model import Severity

SUB = "11111111-2222-3333-4444-555555555555"
BASE = f"https://management.core.windows.net/{SUB}/services"
REST_PATHS = {"virtual-network": "networking/virtualnetwork", "storage-account": "storageservices"}
PS_CMDLETS = {
    "virtual-network": "Move-AzureVirtualNetwork -{step} -VirtualNetworkName '{name}'",
    "storage-account": "Move-AzureStorageAccount -{step} -StorageAccountName '{name}'",
}
CLI_GROUPS = {"virtual-network": "network vnet", "storage-account": "storage account"}

# The VM back1 of cloud service back-svc, in app-vnet, with its disk in storage account stdacct.
BACK_DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>back-svc</Name><DeploymentSlot>Production</DeploymentSlot>
  <RoleList><Role><RoleName>back1</RoleName><RoleType>PersistentVMRole</RoleType>
    <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <SubnetNames><SubnetName>data</SubnetName></SubnetNames></ConfigurationSet></ConfigurationSets>
    <OSVirtualHardDisk><MediaLink>https://stdacct.blob.core.windows.net/vhds/back1.vhd</MediaLink></OSVirtualHardDisk>
  </Role></RoleList>
  <VirtualNetworkName>app-vnet</VirtualNetworkName>
</Deployment>
"""


def powershell(steps: list[tuple[str, str, str]]) -> tuple[str, str]:
    lines = [PS_CMDLETS[scope].format(step=step.capitalize(), name=name) for scope, name, step in steps]
    return "runbook.ps1", "\n".join(lines) + "\n"


def python_requests(steps: list[tuple[str, str, str]]) -> tuple[str, str]:
    lines = ["import requests", 'H = {"x-ms-version": "2015-04-01"}']
    lines += [
        f'requests.post("{BASE}/{REST_PATHS[scope]}/{name}/migration?comp={step.capitalize()}", '
        'headers=H, cert="mgmt.pem")'
        for scope, name, step in steps
    ]
    return "migrate.py", "\n".join(lines) + "\n"


def python_sdk(steps: list[tuple[str, str, str]]) -> tuple[str, str]:
    lines = [
        "from azure.servicemanagement import ServiceManagementService",
        'sms = ServiceManagementService("sub", "mgmt.pem")',
    ]
    lines += [
        f'sms.perform_post("/sub/services/{REST_PATHS[scope]}/{name}/migration?comp={step.capitalize()}", "")'
        for scope, name, step in steps
    ]
    return "migrate_sdk.py", "\n".join(lines) + "\n"


def powershell_rest(steps: list[tuple[str, str, str]]) -> tuple[str, str]:
    lines = [
        f'Invoke-RestMethod -Uri "{BASE}/{REST_PATHS[scope]}/{name}/migration?comp={step.capitalize()}" '
        "-Method Post -Certificate $cert"
        for scope, name, step in steps
    ]
    return "migrate_rest.ps1", "\n".join(lines) + "\n"


def classic_cli(steps: list[tuple[str, str, str]]) -> tuple[str, str]:
    lines = ["azure config mode asm"]
    lines += [f"azure {CLI_GROUPS[scope]} {step}-migration {name}" for scope, name, step in steps]
    return "runbook.sh", "\n".join(lines) + "\n"


WRITERS = [powershell, powershell_rest, python_requests, python_sdk, classic_cli]
# The line of the first step in the file each writer writes.
FIRST_STEP_LINE = {powershell: 1, powershell_rest: 1, python_requests: 3, python_sdk: 3, classic_cli: 2}


def network(*steps: str) -> list[tuple[str, str, str]]:
    return [("virtual-network", "app-vnet", step) for step in steps]


def storage(writer, *steps: str) -> list[tuple[str, str, str]]:
    # The classic CLI has no Validate for a storage account (its prepare validates first).
    said = [step for step in steps if not (writer is classic_cli and step == "validate")]
    return [("storage-account", "stdacct", step) for step in said]


def check(tmp_path, monkeypatch, writer, steps, *extra: tuple[str, str]):
    name, text = writer(steps)
    files = {name: text, "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG, **dict(extra)}
    return lint_files(tmp_path, monkeypatch, files, "MIG602").findings


def lines(findings) -> list[str]:
    return [f"{f.location.path}:{f.location.line}" for f in findings if f.location]


def at_step(writer, number: int) -> str:
    """Where the `number`-th step (from 1) of a file `writer` writes is."""
    return f"{writer([])[0]}:{FIRST_STEP_LINE[writer] + number - 1}"


@pytest.mark.parametrize("writer", WRITERS)
def test_a_commit_after_the_abort_has_nothing_prepared(tmp_path, monkeypatch, writer):
    findings = check(tmp_path, monkeypatch, writer, network("validate", "prepare", "abort", "commit"))
    assert lines(findings) == [at_step(writer, 4)]
    # the classic CLI's step is its own command (`azure network vnet commit-migration`)
    assert any(f"{said} comes after" in findings[0].message for said in ("Commit", "commit-migration"))
    assert any(f"{said} at line" in findings[0].message for said in ("Abort", "abort-migration"))
    assert "nothing of it is prepared" in findings[0].message


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("ends", [("abort", "commit"), ("commit", "abort")])
def test_the_other_way_out_written_right_after_the_first_is_a_warning(tmp_path, monkeypatch, writer, ends):
    # A walkthrough run a line at a time keeps Abort and Commit one after the other as alternatives: run
    # whole, the script fails at the second, which is said, but as a warning.
    [finding] = check(tmp_path, monkeypatch, writer, network("validate", "prepare", *ends))
    assert finding.severity is Severity.WARNING
    assert "alternatives to run by hand" in finding.message


@pytest.mark.parametrize("writer", WRITERS)
def test_an_end_after_another_step_since_the_first_end_is_an_error(tmp_path, monkeypatch, writer):
    steps = [*network("validate", "prepare", "abort"), *storage(writer, "validate"), *network("commit")]
    if writer is classic_cli:  # the classic CLI validates no storage account: another network's step
        steps = [*network("validate", "prepare", "abort"), ("virtual-network", "other-vnet", "validate")]
        steps += network("commit")
    [finding] = [f for f in check(tmp_path, monkeypatch, writer, steps) if "comes after" in f.message]
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize("writer", WRITERS)
def test_an_abort_after_the_commit_finds_nothing_classic(tmp_path, monkeypatch, writer):
    findings = check(tmp_path, monkeypatch, writer, network("validate", "prepare", "commit", "abort"))
    assert lines(findings) == [at_step(writer, 4)]
    assert "no longer classic" in findings[0].message


@pytest.mark.parametrize("writer", WRITERS)
def test_a_second_prepare_and_commit_after_the_commit_is_told_once(tmp_path, monkeypatch, writer):
    steps = network("validate", "prepare", "commit", "prepare", "commit")
    findings = check(tmp_path, monkeypatch, writer, steps)
    assert lines(findings) == [at_step(writer, 4)]
    assert any(f"{said} comes after" in findings[0].message for said in ("Prepare", "prepare-migration"))


@pytest.mark.parametrize("writer", WRITERS)
def test_a_fresh_prepare_after_the_abort_is_in_order(tmp_path, monkeypatch, writer):
    steps = network("validate", "prepare", "abort", "validate", "prepare", "commit")
    assert check(tmp_path, monkeypatch, writer, steps) == []


@pytest.mark.parametrize("writer", WRITERS)
def test_a_storage_account_prepared_after_the_abort_of_its_vms_network(tmp_path, monkeypatch, writer):
    steps = network("validate", "prepare", "abort") + storage(writer, "validate", "prepare", "commit")
    findings = check(tmp_path, monkeypatch, writer, steps, ("back.deployment.xml", BACK_DEPLOYMENT))
    prepare = steps.index(("storage-account", "stdacct", "prepare")) + 1
    assert lines(findings) == [at_step(writer, prepare)]
    assert "which the Abort left classic" in findings[0].message


@pytest.mark.parametrize("writer", WRITERS)
def test_a_storage_account_prepared_after_the_commit_of_its_vms_network_is_in_order(
    tmp_path, monkeypatch, writer
):
    steps = network("validate", "prepare", "commit") + storage(writer, "validate", "prepare", "commit")
    assert check(tmp_path, monkeypatch, writer, steps, ("back.deployment.xml", BACK_DEPLOYMENT)) == []


def test_a_commit_and_an_abort_on_the_two_branches_of_a_test_are_the_two_ways_out(tmp_path, monkeypatch):
    files = {
        "runbook.ps1": """\
        Move-AzureVirtualNetwork -Validate -VirtualNetworkName 'app-vnet'
        $prepared = Move-AzureVirtualNetwork -Prepare -VirtualNetworkName 'app-vnet'
        if ($prepared.Result -eq 'Succeeded') {
            Move-AzureVirtualNetwork -Commit -VirtualNetworkName 'app-vnet'
        } else {
            Move-AzureVirtualNetwork -Abort -VirtualNetworkName 'app-vnet'
        }
        Move-AzureStorageAccount -Validate -StorageAccountName 'stdacct'
        Move-AzureStorageAccount -Prepare -StorageAccountName 'stdacct'
        """,
        "migrate.py": f"""\
        import requests
        url = "{BASE}/networking/virtualnetwork/app-vnet/migration?comp="
        requests.post(url + "Validate", cert="mgmt.pem")
        done = requests.post(url + "Prepare", cert="mgmt.pem")
        if done.ok:
            requests.post(url + "Commit", cert="mgmt.pem")
        else:
            requests.post(url + "Abort", cert="mgmt.pem")
        """,
        "runbook.sh": """\
        azure config mode asm
        azure network vnet validate-migration app-vnet
        if azure network vnet prepare-migration app-vnet; then
          azure network vnet commit-migration app-vnet
        else
          azure network vnet abort-migration app-vnet
        fi
        """,
        "back.deployment.xml": BACK_DEPLOYMENT,
    }
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG602").findings) == []


def test_a_step_after_a_commit_that_may_not_have_run_is_not_reported(tmp_path, monkeypatch):
    # The Commit runs only when the test holds (and the script may stop there): the Abort after the `if`
    # is the way out when it does not.
    script = """\
    param([switch]$Finish)
    Move-AzureVirtualNetwork -Validate -VirtualNetworkName 'app-vnet'
    Move-AzureVirtualNetwork -Prepare -VirtualNetworkName 'app-vnet'
    if ($Finish) {
        Move-AzureVirtualNetwork -Commit -VirtualNetworkName 'app-vnet'
        return
    }
    Move-AzureVirtualNetwork -Abort -VirtualNetworkName 'app-vnet'
    """
    assert where(lint_files(tmp_path, monkeypatch, {"runbook.ps1": script}, "MIG602").findings) == []


def test_the_commit_after_the_abort_on_one_branch_is_reported(tmp_path, monkeypatch):
    script = """\
    param([switch]$Retry)
    if ($Retry) {
        Move-AzureVirtualNetwork -Validate -VirtualNetworkName 'app-vnet'
        Move-AzureVirtualNetwork -Prepare -VirtualNetworkName 'app-vnet'
        Move-AzureVirtualNetwork -Abort -VirtualNetworkName 'app-vnet'
        Move-AzureVirtualNetwork -Commit -VirtualNetworkName 'app-vnet'
    }
    """
    findings = lint_files(tmp_path, monkeypatch, {"runbook.ps1": script}, "MIG602").findings
    assert where(findings) == ["MIG602 runbook.ps1:6:5"]


def test_an_abort_that_runs_when_the_commit_fails_is_the_way_out(tmp_path, monkeypatch):
    # A Commit that fails ends nothing: the Abort of a `catch`, of an `except` or after `||` runs then.
    files = {
        "runbook.ps1": """\
        Move-AzureVirtualNetwork -Validate -VirtualNetworkName 'app-vnet'
        Move-AzureVirtualNetwork -Prepare -VirtualNetworkName 'app-vnet'
        try {
            Move-AzureVirtualNetwork -Commit -VirtualNetworkName 'app-vnet' -ErrorAction Stop
        } catch {
            Move-AzureVirtualNetwork -Abort -VirtualNetworkName 'app-vnet'
        }
        """,
        "migrate.py": f"""\
        import requests
        url = "{BASE}/networking/virtualnetwork/app-vnet/migration?comp="
        requests.post(url + "Validate", cert="mgmt.pem")
        requests.post(url + "Prepare", cert="mgmt.pem")
        try:
            requests.post(url + "Commit", cert="mgmt.pem").raise_for_status()
        except Exception:
            requests.post(url + "Abort", cert="mgmt.pem")
        """,
        "runbook.sh": """\
        azure config mode asm
        azure network vnet validate-migration app-vnet
        azure network vnet prepare-migration app-vnet
        azure network vnet commit-migration app-vnet || azure network vnet abort-migration app-vnet
        """,
    }
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG602").findings) == []


def test_a_loop_that_retries_until_the_commit_succeeds_is_in_order(tmp_path, monkeypatch):
    # Each turn of the loop runs the same commands again; the `break` after a Commit that succeeds ends it.
    files = {
        "retry.sh": """\
        azure config mode asm
        azure network vnet validate-migration app-vnet
        azure network vnet prepare-migration app-vnet
        for i in 1 2 3; do
          azure network vnet commit-migration app-vnet && break
          sleep 30
        done
        """,
        "again.sh": """\
        azure config mode asm
        for i in 1 2 3; do
          azure network vnet validate-migration front-vnet
          azure network vnet prepare-migration front-vnet && azure network vnet commit-migration front-vnet && break
        done
        """,
    }
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG602").findings) == []
