"""A reserved IP association (New-AzureReservedIP -ServiceName, Set-AzureReservedIPAssociation) or removal
(Remove-AzureReservedIPAssociation) that may not run, but surely runs whenever the command that created the
deployment did: the two are statements of one list, the association after, with nothing between that may
end the path early. A test suite's function no call runs, or a branch that creates a deployment and then
reserves its VIP, is so: relative to the deployment it describes, the association is sure."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan

CREATE = (
    "New-AzureVMConfig -ImageName img -Name web01 -InstanceSize Small |\n"
    "    Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password p |\n"
    '    New-AzureVM -ServiceName $service -Location "West US"\n'
)
RESERVE = 'New-AzureReservedIP -ReservedIPName "web-ip" -ServiceName $service -Location "West US"\n'
ASSOCIATE = (
    'New-AzureReservedIP -ReservedIPName "web-ip" -Location "West US"\n'
    "{create}"
    'Set-AzureReservedIPAssociation -ReservedIPName "web-ip" -ServiceName $service\n'
)
HEDGE = "its VIP changes unless it is"  # not known: a reserved IP, or the one it may be
KEPT = "its VIP is reserved IP 'web-ip' and is kept"


def _function(body: str) -> str:
    """`body` in a function of a test suite, which no call in the file runs."""
    inner = "".join(f"    {line}\n" for line in body.splitlines())
    return f"function Test-ReservedIP\n{{\n    $service = getAssetName\n{inner}}}\n"


def _message(tmp_path, monkeypatch, script: str) -> str:
    (finding,) = lint_files(tmp_path, monkeypatch, {"tests.ps1": script}, "MIG105", dedent=False).findings
    return finding.message


@pytest.mark.parametrize(
    "script",
    [
        _function(CREATE + RESERVE),
        _function(ASSOCIATE.format(create=CREATE)),
        _function(CREATE + "$ip = " + RESERVE),
        _function(CREATE + "$vm = Get-AzureVM -ServiceName $service\n" + RESERVE),
        # In a branch at the script's level, with the service named there.
        '$service = "fab-web"\nif ($env:WITH_WEB) {\n' + CREATE + RESERVE + "}\n",
    ],
)
def test_an_association_after_the_creation_is_sure_with_it(tmp_path, monkeypatch, script):
    message = _message(tmp_path, monkeypatch, script)
    assert KEPT in message and HEDGE not in message


def test_the_plan_moves_the_reserved_ip_with_the_service(tmp_path, monkeypatch):
    script = '$service = "fab-web"\nif ($env:WITH_WEB) {\n' + CREATE + RESERVE + "}\n"
    result = lint_files(tmp_path, monkeypatch, {"tests.ps1": script}, dedent=False)
    steps = list(build_plan(result).steps)
    assert not [step for step in steps if step.name == "web-ip"]
    (service,) = [step for step in steps if step.name.startswith("fab-web")]
    assert "reserved IP 'web-ip'" in service.moves
    assert "Its VIP is reserved IP 'web-ip' and is kept" in service.downtime


@pytest.mark.parametrize(
    "script",
    [
        # Something between that may end the path: a `return` on a branch, a call of one of its functions.
        _function(CREATE + "if ($quick) { return }\n" + RESERVE),
        _function(CREATE + "foreach ($n in $names) { if ($n) { break } }\n" + RESERVE),
        "function Stop-Early { if ($env:STOP) { exit } }\n" + _function(CREATE + "Stop-Early\n" + RESERVE),
        # The association on a branch of its own, or in an expression that may not run it.
        _function(CREATE + "if ($reserve) {\n" + RESERVE + "}\n"),
        _function(CREATE + "$ok = $reserve -and (" + RESERVE.strip() + ")\n"),
        # A creation in a block of its own: the association does not follow it in one list.
        _function("if ($create) {\n" + CREATE + "}\n" + RESERVE),
        # A deployment the script creates elsewhere, which a function that may never run adds VMs to.
        '$service = "fab-web"\n'
        + CREATE
        + "function Add-Web {\n"
        + CREATE.replace("web01", "web02").replace(' -Location "West US"', "")
        + RESERVE
        + "}\n",
    ],
)
def test_an_association_that_may_not_follow_the_creation_stays_unknown(tmp_path, monkeypatch, script):
    assert HEDGE in _message(tmp_path, monkeypatch, script)


def test_a_removal_after_the_creation_is_sure_with_it(tmp_path, monkeypatch):
    """The test creates the deployment on a reserved IP and takes it off: its VIP is not reserved."""
    created = CREATE.replace("-Location", '-ReservedIPName "web-ip" -Location')
    removal = 'Remove-AzureReservedIPAssociation -ReservedIPName "web-ip" -ServiceName $service -Force\n'
    message = _message(tmp_path, monkeypatch, _function(created + removal))
    assert "its VIP is not reserved and will change" in message
    # A removal on a branch of its own may not run.
    maybe = _function(created + "if ($clean) {\n" + removal + "}\n")
    assert HEDGE in _message(tmp_path / "maybe", monkeypatch, maybe)
