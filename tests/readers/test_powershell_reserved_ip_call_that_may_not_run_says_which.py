"""A reserved IP a script creates that may be a deployment's VIP (`ReservedIp.maybe_service`) records what
the call that may not run does (`ReservedIp.maybe_removed`): Set-AzureReservedIPAssociation and
New-AzureReservedIP -ServiceName give it to the deployment, Remove-AzureReservedIPAssociation takes it off,
so that MIG105 says which, not "associates or removes"."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import ReservedIp

RESERVE = 'New-AzureReservedIP -ReservedIPName MyReservedIP -Location "Central US"\n'
CREATE = (
    "New-AzureVMConfig -Name TestVM -InstanceSize Small -ImageName img |\n"
    "    Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password pw |\n"
    '    New-AzureVM -ServiceName TestService -Location "Central US"\n'
)
ASSOCIATE = "Set-AzureReservedIPAssociation -ReservedIPName MyReservedIP -ServiceName TestService\n"
REMOVE = "Remove-AzureReservedIPAssociation -ReservedIPName MyReservedIP -ServiceName TestService -Force\n"
RESERVE_ITS_VIP = (
    'New-AzureReservedIP -ReservedIPName MyReservedIP -Location "Central US" -ServiceName TestService\n'
)


def _if(body: str) -> str:
    return "if ($env:KEEP) {\n" + "".join(f"    {line}\n" for line in body.splitlines()) + "}\n"


@pytest.mark.parametrize(
    ("script", "line", "removed"),
    [
        (RESERVE + CREATE + _if(ASSOCIATE), 6, False),
        (CREATE + _if(RESERVE_ITS_VIP), 5, False),
        (RESERVE + CREATE + ASSOCIATE + _if(REMOVE), 7, True),
    ],
    ids=["association under an if", "reservation of its VIP under an if", "removal under an if"],
)
def test_the_reserved_ip_records_what_the_call_that_may_not_run_does(
    tmp_path, monkeypatch, script, line, removed
):
    result = lint_files(tmp_path, monkeypatch, {"a.ps1": script}, dedent=False)
    [ip] = [r for doc in result.documents for r in doc.resources if isinstance(r, ReservedIp)]
    assert ip.maybe_service == "TestService"
    assert ip.maybe_at is not None and ip.maybe_at.line == line
    assert ip.maybe_removed is removed
