"""A folder walk reads a `.ps1` file only when its bytes hint at the classic module: each kind of hint is
found however the script capitalises it, and a word that only looks like one is not."""

import pytest

from migcheck.readers import powershell

HINTS = [
    "Get-AzureVM -ServiceName svc",
    "Validate-Migration",  # not a cmdlet, but the step's name the hint looks for
    "Move-AzureService -Prepare",
    "New-AzCloudService -Name cs",
    "$uri = 'https://management.core.windows.net/'",
    "azure vm create web image",
    "azure.cmd\tservice list",
]

NOT_HINTS = [
    "Get-AzureRmVM -Name vm",
    "Get-AzureADUser",
    "Get-AzVM -Name vm",
    "az vm create --name vm",
    "$azure = 1; azurevm list",
    "management core",
]


@pytest.mark.parametrize("text", HINTS)
@pytest.mark.parametrize("case", [str, str.upper, str.lower, str.swapcase])
def test_a_hint_is_found_in_any_case(text, case):
    assert powershell.sniff(case(text).encode())


@pytest.mark.parametrize("text", HINTS)
def test_a_hint_is_found_in_utf16(text):
    assert powershell.sniff(b"\xff\xfe" + text.upper().encode("utf-16-le"))


@pytest.mark.parametrize("text", NOT_HINTS)
@pytest.mark.parametrize("case", [str, str.upper])
def test_a_lookalike_is_not_a_hint(text, case):
    assert not powershell.sniff(case(text).encode())


def test_bytes_that_are_not_ascii_do_not_hide_a_hint():
    assert powershell.sniff("# Café\nGET-AZUREVM".encode("cp1252"))
    assert not powershell.sniff("# Café\nGET-AZ".encode("cp1252"))
