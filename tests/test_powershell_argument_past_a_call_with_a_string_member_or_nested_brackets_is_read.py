"""A command's argument that goes on past a method call with a member named by a string of a variable
(`$cfg.Clone()."$f"`) or with a later call whose arguments hold brackets (`$s.Trim().Substring($s.IndexOf("-"))`,
`.Replace("8", $s.Trim())`) is one expression for PowerShell: it is read as other arguments past a call are
(the call runs, the value is not known), not reported as a part the parser cannot read, and the statements
after it, which the parser's recovery lost, are read."""

from __future__ import annotations

import pytest
from growth import assert_linear
from lint_support import script_resources, unread_marks

from migcheck.model import ServiceRegion
from migcheck.readers import powershell

SCRIPT = (
    '$s = " web-8 "; $f = "Name"; $cfg = @{{ Name = "x" }}\n'
    'New-AzureService -ServiceName {argument} -Location "West US"\n'
    'New-AzureService -ServiceName svc2 -Location "West US"\n'
)


@pytest.mark.parametrize(
    "argument",
    [
        '$cfg.Clone()."$f"',
        '$s.Trim().Substring($s.IndexOf("-"))',
        '$s.Trim().Replace("8", $s.Trim())',
        "$s.Trim().Substring($s.Trim().Length - 4).ToUpper()",
    ],
)
def test_the_argument_and_the_statements_after_it_are_read(argument):
    resources = script_resources(SCRIPT.format(argument=argument), "deploy.ps1")
    assert unread_marks(resources) == []
    services = [r.service for r in resources if isinstance(r, ServiceRegion)]
    assert len(services) == 2 and services[0].startswith("<cloud service name") and services[1] == "svc2"


def test_cost_is_linear_in_the_number_of_such_arguments():
    def make(count):
        data = "".join(
            f'New-AzureService -ServiceName $s.T().S($s.I("-{i}")) -Label $c.C()."$f" -D $a.M().N((((\n'
            for i in range(count)
        ).encode()
        return lambda: powershell.read("deploy.ps1", data)

    assert_linear(make, 800)
