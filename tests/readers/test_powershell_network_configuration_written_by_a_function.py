"""A network configuration a PowerShell function writes out and returns the path of, which its caller (or
another function the caller gives the path to) uploads, is read as the one written at the top level is: every
network rule applies to it. Runbooks are written so: a helper builds the netcfg in a here-string, writes it with
`Set-Content` or `Out-File` under `$env:TEMP` and returns the path; another uploads it with
`Set-AzureVNetConfig -ConfigurationPath`. In a workflow, such helpers are often defined below the calls."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="$NetworkName" AffinityGroup="lab-ag">
        <AddressSpace><AddressPrefix>10.0.0.0/24</AddressPrefix></AddressSpace>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>"""

WRITER = (
    "function New-NetCfgFile {\n"
    + "    param([string] $NetworkName)\n"
    + '    $NetCfg = @"\n'
    + NETCFG
    + '\n"@\n'
    + '    $path = "$env:Temp\\$NetworkName.xml"\n'
    + '    Write-Verbose "writing $path"\n'
    + "    Set-Content -Value $NetCfg -Path $path\n"
    + "    return $path\n"
    + "}\n"
)
UPLOADER = "function Publish-NetCfg {\n    param([string] $NetCfgFile)\n    Set-AzureVNetConfig -ConfigurationPath $NetCfgFile\n}\n"


def _findings(tmp_path, monkeypatch, script: str) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, {"net.ps1": script}, "MIG303", dedent=False).findings)


def _at_the_network(script: str) -> list[str]:
    """Where MIG303 points: the network's affinity group in the here-string, the value of its attribute."""
    [(line, column)] = [
        (at, text.index('AffinityGroup="') + len('AffinityGroup="') + 1)
        for at, text in enumerate(script.splitlines(), 1)
        if "<VirtualNetworkSite " in text
    ]
    return [f"MIG303 net.ps1:{line}:{column}"]


@pytest.mark.parametrize(
    "caller",
    [
        "$file = New-NetCfgFile -NetworkName labnet\nSet-AzureVNetConfig -ConfigurationPath $file\n",
        "$file = New-NetCfgFile -NetworkName $Name\nSet-AzureVNetConfig -ConfigurationPath $file\n",
        "$file = New-NetCfgFile -NetworkName labnet\nPublish-NetCfg -NetCfgFile $file\n",
        "$file = New-NetCfgFile -NetworkName $Name\nGet-AzureVNetConfig | Out-Null\nPublish-NetCfg -NetCfgFile $file\n",
    ],
    ids=[
        "returned-and-uploaded",
        "named-by-a-parameter",
        "uploaded-by-another-function",
        "config-read-between",
    ],
)
def test_a_configuration_a_function_writes_is_the_one_its_caller_uploads(tmp_path, monkeypatch, caller):
    script = "param([string] $Name)\n" + WRITER + UPLOADER + caller
    assert _findings(tmp_path, monkeypatch, script) == _at_the_network(script)


def test_out_file_in_the_function_is_read_too(tmp_path, monkeypatch):
    writer = WRITER.replace("Set-Content -Value $NetCfg -Path $path", "$NetCfg | Out-File -FilePath $path")
    script = writer + "$file = New-NetCfgFile -NetworkName labnet\nSet-AzureVNetConfig $file\n"
    assert _findings(tmp_path, monkeypatch, script) == _at_the_network(script)


def test_helpers_a_workflow_defines_below_their_calls_run_at_them(tmp_path, monkeypatch):
    script = (
        "workflow Deploy {\n"
        + "    param([string] $Name)\n"
        + "    $file = New-NetCfgFile -NetworkName $Name\n"
        + "    Publish-NetCfg -NetCfgFile $file\n"
        + WRITER  # not indented: a here-string ends at `"@` at the start of a line
        + UPLOADER
        + "}\n"
    )
    assert _findings(tmp_path, monkeypatch, script) == _at_the_network(script)


@pytest.mark.parametrize(
    "between",
    [
        "Get-AzureVNetConfig -ExportToFile $file\n",
        "Set-Content -Path $file -Value (Get-Date)\n",
    ],
    ids=["exported-over-it", "written-over"],
)
def test_a_file_written_over_before_the_upload_is_not_read(tmp_path, monkeypatch, between):
    script = WRITER + "$file = New-NetCfgFile -NetworkName labnet\n" + between + "Set-AzureVNetConfig $file\n"
    assert _findings(tmp_path, monkeypatch, script) == []


def test_a_function_that_outputs_more_than_the_path_gives_no_known_path(tmp_path, monkeypatch):
    writer = WRITER.replace("    return $path\n", '    "done"\n    return $path\n')
    script = writer + "$file = New-NetCfgFile -NetworkName labnet\nSet-AzureVNetConfig $file\n"
    assert _findings(tmp_path, monkeypatch, script) == []
