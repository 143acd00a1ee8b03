"""A network configuration written to a file and uploaded from it, the path written both times as the same
double-quoted string of values the script does not state (`"$env:TEMP\\net.xml"`): each of those values is
one value however often it is read (an environment variable, a parameter, a variable not assigned again in
between), so the two strings name the same file, as one variable holding the path does. A part that may be
another value the second time (a variable assigned again, a `$( … )`) names no file the reader can follow."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="vnet-c" Location="West Europe">
        <AddressSpace><AddressPrefix>10.3.0.0/8</AddressPrefix></AddressSpace>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>"""


def _script(first: str, second: str, before: str = "", between: str = "") -> str:
    return (
        before
        + '$xml = @"\n'
        + NETCFG
        + '\n"@\n'
        + f'$xml | Out-File -FilePath "{first}" -Encoding utf8\n'
        + between
        + f'Set-AzureVNetConfig -ConfigurationPath "{second}"\n'
    )


def _findings(tmp_path, monkeypatch, script: str) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, {"up.ps1": script}, "MIG304", dedent=False).findings)


def _line_of_prefix(script: str) -> int:
    return script.splitlines().index(next(x for x in script.splitlines() if "10.3.0.0/8" in x)) + 1


@pytest.mark.parametrize(
    ("path", "before"),
    [
        ("$env:TEMP\\net.xml", ""),
        ("${env:TEMP}\\deploy\\net.xml", ""),
        ("$Root\\net.xml", "param([string] $Root)\n"),
        ("$dir\\net-$stamp.xml", "$dir = Get-Location\n$stamp = Get-Random\n"),
        ("$env:TEMP\\$name.xml", '$name = "net"\n'),
        ("$dir\\net.xml", ""),
    ],
    ids=[
        "environment",
        "braced",
        "parameter",
        "variables-assigned-once",
        "with-a-stated-part",
        "assigned-nowhere",
    ],
)
def test_the_same_string_of_unstated_values_names_the_same_file(tmp_path, monkeypatch, path, before):
    script = _script(path, path, before)
    assert _findings(tmp_path, monkeypatch, script) == [f"MIG304 up.ps1:{_line_of_prefix(script)}:23"]


@pytest.mark.parametrize(
    ("first", "second", "before", "between"),
    [
        ("$env:TEMP\\net.xml", "$env:TMP\\net.xml", "", ""),
        ("$env:TEMP\\net.xml", "$env:TEMP\\net2.xml", "", ""),
        ("$dir\\net.xml", "$dir\\net.xml", "$dir = Get-Location\n", "$dir = Get-Location\n"),
        (
            "$(Get-Date -Format yyyyMMddHHmmss)\\net.xml",
            "$(Get-Date -Format yyyyMMddHHmmss)\\net.xml",
            "",
            "",
        ),
    ],
    ids=["another-variable", "another-name", "assigned-again", "sub-expression"],
)
def test_a_string_that_may_name_another_file_is_not_followed(
    tmp_path, monkeypatch, first, second, before, between
):
    script = _script(first, second, before, between)
    assert _findings(tmp_path, monkeypatch, script) == []
