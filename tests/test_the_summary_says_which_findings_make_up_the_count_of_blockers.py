"""The closing line counts the findings that block the migration, and says which they are so that the count
adds up beside the counts by severity: the errors (less a file migcheck could not read, which the plan lists
apart) and the warnings of a state Validate refuses, which the text report marks `[blocker]`. The CI formats,
whose findings carry no such mark, name the warnings' codes instead."""

from __future__ import annotations

import pytest
from lint_support import JUMP_VM_STATE_DEPLOYMENT, rest_vm_deployment, run_cli

ACL = (
    "<InputEndpoint><Name>SSH</Name><Port>22</Port><LocalPort>22</LocalPort><Protocol>tcp</Protocol>"
    "<EndpointAcl><Rules><Rule><Order>1</Order><Action>permit</Action><RemoteSubnet>1.2.3.0/24</RemoteSubnet>"
    "</Rule></Rules></EndpointAcl></InputEndpoint>"
)
SHOP = f"""\
<HostedService xmlns="http://schemas.microsoft.com/windowsazure">
  <ServiceName>shop</ServiceName>
  <Deployments>
{rest_vm_deployment("shop", "Production", "vm1", ACL, "")}
  </Deployments>
</HostedService>
"""


@pytest.fixture
def estate(tmp_path, monkeypatch):
    (tmp_path / "jump.deployment.xml").write_text(JUMP_VM_STATE_DEPLOYMENT.format(state="RoleStateUnknown"))
    (tmp_path / "shop.hostedservice.xml").write_text(SHOP)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_blockers_are_the_errors_and_the_warnings_marked_blocker(estate, capsys):
    _, out, _ = run_cli(capsys, "check", ".")
    assert out.splitlines()[-1] == (
        "Found 4 findings in 2 files: 1 error, 3 warnings; 2 block the migration: the error and 1 warning "
        "marked [blocker]."
    )


def test_an_error_that_blocks_nothing_is_counted_apart_from_those_that_do(estate, capsys):
    (estate / "broken.netcfg").write_text("<NetworkConfiguration>")
    _, out, _ = run_cli(capsys, "check", ".")
    assert out.splitlines()[-1] == (
        "Found 5 findings in 3 files: 2 errors, 3 warnings; 2 block the migration: 1 of the 2 errors and "
        "1 warning marked [blocker]."
    )


@pytest.mark.parametrize("style", ["github", "azure"])
def test_a_ci_format_names_the_code_of_the_warnings_that_block(estate, capsys, style):
    _, out, _ = run_cli(capsys, "check", ".", "--format", style)
    assert out.splitlines()[-1].endswith("; 2 block the migration: the error and 1 warning (MIG208).")
