"""A PowerShell request that PUTs a network configuration checked here to `.../services/networking/media`
by its name (`Invoke-RestMethod -Method Put -InFile .\\NetworkConfig.netcfg`) uploads that file, as
Set-AzureVNetConfig `-ConfigurationPath` does: a network no checked file defines is MIG003, where the upload
was of a file the script does not name and left every name unchecked. A file put in place otherwise first
(a download saved to it) still leaves them unchecked."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where
from test_network_names_after_a_file_put_in_place_otherwise import NETCFG

PUT = (
    "param($sub, $cert)\n"
    'Invoke-RestMethod -Method Put -InFile {file} -Uri "https://management.core.windows.net/$sub/services/'
    'networking/media" -Certificate $cert\n'
    'New-AzureVNetGateway -VNetName "ProdVNet"\n'
)


def _mig003(tmp_path, monkeypatch, script: str) -> list[str]:
    files = {"NetworkConfig.netcfg": NETCFG, "deploy.ps1": script}
    return where(lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings)


@pytest.mark.parametrize("file", [".\\NetworkConfig.netcfg", '"$PSScriptRoot\\NetworkConfig.netcfg"'])
def test_a_network_the_file_put_does_not_define_is_mig003(tmp_path, monkeypatch, file):
    found = _mig003(tmp_path, monkeypatch, PUT.format(file=file))
    assert [f.split(":")[0] for f in found] == ["MIG003 deploy.ps1"]


def test_a_file_downloaded_over_first_leaves_the_names_unchecked(tmp_path, monkeypatch):
    download = 'Invoke-WebRequest -Uri "https://example.com/n.xml" -OutFile NetworkConfig.netcfg\n'
    script = PUT.format(file=".\\NetworkConfig.netcfg").replace(
        "\nInvoke-RestMethod", f"\n{download}Invoke-RestMethod"
    )
    assert _mig003(tmp_path, monkeypatch, script) == []
