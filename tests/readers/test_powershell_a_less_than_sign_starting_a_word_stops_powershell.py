"""PowerShell's parser refuses `<` where it starts a token outside strings, here-strings and comments ("The
'<' operator is reserved for future use.", RedirectionNotSupported): a placeholder left in an argument
(`-LocalNetworkSiteName <localsitename>`) or a comparison written with `<`. A script with such a parse error
runs none of its lines, so it is MIG001 at the `<` and nothing else, where the grammar read the placeholder
as an argument and the script's calls as run. A `<` inside a word, a string, a here-string or a comment is a
character of it."""

from __future__ import annotations

import pytest

from tests.lint_support import lint_files, where

GATEWAY = 'New-AzureVNetGateway -VNetName "net1" -GatewayType DynamicRouting\n'

REFUSED = {
    "a placeholder argument": (
        "Get-AzureVNetGatewayKey -VNetName net1 -LocalNetworkSiteName <localsitename>\n",
        62,
    ),
    "a placeholder command": ("<run the gateway key step here>\n", 1),
    "a comparison": ("if ($count < 5) { Write-Output 'few' }\n", 12),
}


@pytest.mark.parametrize(("line", "column"), REFUSED.values(), ids=REFUSED)
def test_the_script_is_a_syntax_problem_there_and_nothing_else(tmp_path, monkeypatch, line, column):
    result = lint_files(tmp_path, monkeypatch, {"gateway.ps1": GATEWAY + line}, dedent=False)
    assert where(result.findings) == [f"MIG001 gateway.ps1:2:{column}"]
    assert "reserved for future use" in result.findings[0].message


KEPT = {
    "inside a word": "Write-Output a<b\n",
    "in strings and a comment": "Write-Output \"<a>\" '<b>' # <c>\n",
    "in a here-string": '$x = @"\n<NetworkConfiguration />\n"@\n',
    "a block comment": "<# <placeholder> #>\n",
}


@pytest.mark.parametrize("line", KEPT.values(), ids=KEPT)
def test_one_powershell_reads_as_text_leaves_the_script_read(tmp_path, monkeypatch, line):
    result = lint_files(tmp_path, monkeypatch, {"gateway.ps1": GATEWAY + line}, dedent=False)
    codes = [f.code for f in result.findings]
    assert "MIG001" not in codes and "MIG601" in codes
