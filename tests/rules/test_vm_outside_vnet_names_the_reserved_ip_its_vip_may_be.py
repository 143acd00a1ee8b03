"""MIG105 on a deployment in no virtual network whose VIP a script may give a reserved IP it creates, or take
one off, by a call that may not run (an association or removal under an `if`): the finding names that
reserved IP and the call, as the plan's step does (`model.maybe_vips`), instead of saying only that the files
do not say whether the VIP is reserved."""

from __future__ import annotations

import pytest
from lint_support import lint_files

RESERVE = 'New-AzureReservedIP -ReservedIPName MyReservedIP -Location "Central US"\n'
CREATE = (
    "New-AzureVMConfig -Name TestVM -InstanceSize Small -ImageName img |\n"
    "    Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password pw |\n"
    '    New-AzureVM -ServiceName TestService -Location "Central US"\n'
)
ASSOCIATE = "Set-AzureReservedIPAssociation -ReservedIPName MyReservedIP -ServiceName TestService\n"
REMOVE = "Remove-AzureReservedIPAssociation -ReservedIPName MyReservedIP -ServiceName TestService -Force\n"
HEDGE = "its VIP changes unless it is a reserved IP (the files do not say whether it is)"


def _if(body: str) -> str:
    return "if ($env:KEEP) {\n" + "".join(f"    {line}\n" for line in body.splitlines()) + "}\n"


def _mig105(tmp_path, monkeypatch, script: str) -> str:
    result = lint_files(tmp_path, monkeypatch, {"a.ps1": script}, "MIG105", dedent=False)
    [finding] = result.findings
    return finding.message


@pytest.mark.parametrize(
    ("script", "does"),
    [
        (RESERVE + CREATE + _if(ASSOCIATE), "associates with it (a.ps1:6)"),
        (RESERVE + CREATE + ASSOCIATE + _if(REMOVE), "removes from it (a.ps1:7)"),
    ],
    ids=["association under an if", "removal under an if"],
)
def test_the_finding_names_the_reserved_ip_and_what_the_call_that_may_not_run_does(
    tmp_path, monkeypatch, script, does
):
    message = _mig105(tmp_path, monkeypatch, script)
    assert message.endswith(
        f"its VIP changes unless it is reserved IP 'MyReservedIP', which a call that may not run {does}"
    )
    assert HEDGE not in message


def test_two_reserved_ips_it_may_be_are_both_named(tmp_path, monkeypatch):
    other = RESERVE.replace("MyReservedIP", "OtherIP")
    either = _if(ASSOCIATE) + _if(ASSOCIATE.replace("MyReservedIP", "OtherIP"))
    message = _mig105(tmp_path, monkeypatch, RESERVE + other + CREATE + either)
    assert message.endswith(
        "its VIP changes unless it is reserved IP 'MyReservedIP' or 'OtherIP', which calls that may not run "
        "associate with it (a.ps1:7; a.ps1:10)"
    )


def test_an_association_and_a_removal_that_may_not_run_are_each_said(tmp_path, monkeypatch):
    # OtherIP is surely associated, then may be removed; MyReservedIP may be associated.
    other = RESERVE.replace("MyReservedIP", "OtherIP")
    script = (
        RESERVE
        + other
        + CREATE
        + ASSOCIATE.replace("MyReservedIP", "OtherIP")
        + _if(REMOVE.replace("MyReservedIP", "OtherIP"))
        + _if(ASSOCIATE)
    )
    message = _mig105(tmp_path, monkeypatch, script)
    assert message.endswith(
        "its VIP changes unless it is reserved IP 'MyReservedIP' or 'OtherIP', which calls that may not run "
        "associate with it ('MyReservedIP' at a.ps1:11) or remove from it ('OtherIP' at a.ps1:8)"
    )


def test_one_the_script_does_not_create_leaves_the_hedge(tmp_path, monkeypatch):
    # The reserved IP is not among the files: whether the VIP is reserved is all that can be said.
    message = _mig105(tmp_path, monkeypatch, CREATE + _if(ASSOCIATE))
    assert message.endswith(HEDGE)


def test_a_reserved_ip_surely_associated_is_the_vip(tmp_path, monkeypatch):
    message = _mig105(tmp_path, monkeypatch, RESERVE + CREATE + ASSOCIATE)
    assert "its VIP is reserved IP 'MyReservedIP' and is kept" in message
