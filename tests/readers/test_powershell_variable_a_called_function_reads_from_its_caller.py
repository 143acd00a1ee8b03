"""A function reads a variable it does not assign from the scope that calls it (PowerShell's scopes are
dynamic): two functions one function calls, each deploying to `$serviceName`, its parameter, deploy to
one cloud service, not to two a script's one value would otherwise be shown as; so do two functions the
script calls that read a variable nothing assigns. Values that may differ stay apart: a variable the
caller sets anew between the calls, and the callers' own parameters of two functions no call in the file
runs."""

from __future__ import annotations

import pytest
from lint_support import lint_files

NEW = "function Create { New-AzureDeployment -Slot Production -Package $pkg -Configuration $cfg -ServiceName $serviceName }\n"
UPGRADE = (
    "function Upgrade { Set-AzureDeployment -Upgrade -Slot Production -Package $pkg -Configuration $cfg "
    "-ServiceName $serviceName -Force }\n"
)


def _services(tmp_path, monkeypatch, script: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {"publish.ps1": script})
    [estate] = result.estates
    return sorted(service.listed_name for service in estate.cloud_services)


@pytest.mark.parametrize(
    "caller",
    [
        "function Publish($serviceName, $pkg, $cfg) { if ($x) { Upgrade } else { Create } }\n",
        "function Publish($serviceName, $pkg, $cfg) { Create; Upgrade }\n",
        "Create\nUpgrade\n",  # a variable nothing in the script assigns: the session's, one for both
        "$serviceName = Read-Host\nCreate\nUpgrade\n",
    ],
    ids=["a-parameter-on-two-branches", "a-parameter-twice", "assigned-nowhere", "read-once"],
)
def test_the_same_value_reaching_calls_in_two_functions_is_one_service(tmp_path, monkeypatch, caller):
    assert len(_services(tmp_path, monkeypatch, NEW + UPGRADE + caller)) == 1


@pytest.mark.parametrize(
    "caller",
    [
        "$serviceName = Read-Host\nCreate\n$serviceName = Read-Host\nUpgrade\n",
        "function A($serviceName) { Create }\nfunction B($serviceName) { Upgrade }\n",
    ],
    ids=["read-again-between-the-calls", "parameters-of-two-callers"],
)
def test_values_that_may_differ_are_two_services(tmp_path, monkeypatch, caller):
    assert len(_services(tmp_path, monkeypatch, NEW + UPGRADE + caller)) == 2
