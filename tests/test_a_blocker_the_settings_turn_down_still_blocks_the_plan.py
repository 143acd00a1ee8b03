"""The settings file grades findings for the exit code; what the platform refuses stays refused. An endpoint
ACL (MIG201, an error) turned down to a warning or to info still blocks the migration in the plan, the
readiness summary and the text report; a warning turned up to an error fails the run but no Validate."""

from __future__ import annotations

import pytest

from tests.lint_support import rest_vm_deployment, run_cli

ACL = (
    "<InputEndpoint><Name>SSH</Name><Port>22</Port><LocalPort>22</LocalPort><Protocol>tcp</Protocol>"
    "<EndpointAcl><Rules><Rule><Order>1</Order><Action>permit</Action><RemoteSubnet>1.2.3.0/24</RemoteSubnet>"
    "</Rule></Rules></EndpointAcl></InputEndpoint>"
)
BODY = f"""\
<HostedService xmlns="http://schemas.microsoft.com/windowsazure">
  <ServiceName>shop</ServiceName>
  <Deployments>
{rest_vm_deployment("shop", "Production", "vm1", ACL, "")}
  </Deployments>
</HostedService>
"""


@pytest.fixture
def shop(tmp_path, monkeypatch):
    (tmp_path / "shop.hostedservice.xml").write_text(BODY)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("severity", ["warning", "info"])
def test_an_acl_turned_down_still_blocks_its_step(shop, capsys, severity):
    (shop / "migcheck.toml").write_text(f'select = ["MIG201"]\n[severity]\nMIG201 = "{severity}"\n')
    code, out, _ = run_cli(capsys, "check", ".")
    assert code == 0  # the exit code goes by the settings' severity
    assert f"MIG201 [{severity}] [blocker] [*?] endpoint 'SSH' of VM 'vm1'" in out  # [*?]: an unsafe fix
    counted = "" if severity == "info" else f": 1 {severity}"  # information is never counted
    assert f"Validation failed{counted} (1 error the settings turn down to {severity})" in out
    assert out.rstrip().endswith(f"1 blocks the migration: 1 {severity} marked [blocker].")
    _, plan, _ = run_cli(capsys, "plan", ".")
    step = next(line for line in plan.splitlines() if line.startswith("1. "))
    assert step.endswith("NOT READY (1 blocker)")
    assert "   blocker: shop.hostedservice.xml:" in plan


def test_a_warning_turned_up_to_an_error_fails_the_run_but_no_validate(shop, capsys):
    # The deployment is in no virtual network (MIG105, a warning): the migration restarts its VMs.
    (shop / "migcheck.toml").write_text('select = ["MIG105"]\n[severity]\nMIG105 = "error"\n')
    code, out, _ = run_cli(capsys, "check", ".")
    assert code == 1
    assert "MIG105 [error] deployment 'shop'" in out and "[blocker]" not in out
    assert "Validation passed with warnings: 1 error (1 warning the settings turn up to error)" in out
    _, plan, _ = run_cli(capsys, "plan", ".")
    assert "— ready" in next(line for line in plan.splitlines() if line.startswith("1. "))


def test_a_script_s_own_finding_fails_its_row_as_the_settings_grade_it(tmp_path, monkeypatch, capsys):
    # No Validate sees a script: its row in the readiness summary goes by the severity the settings give.
    (tmp_path / "launch.sh").write_text("azure config mode asm\nazure vm list\n")
    (tmp_path / "migcheck.toml").write_text('[severity]\nMIG601 = "error"\n')
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(capsys, "check", ".")
    assert code == 1
    row = next(line for line in out.splitlines() if "launch.sh  " in line)
    assert row.split("launch.sh", 1)[1].strip() == "Fails: 1 error"
