"""A PowerShell request that PUTs a file to `.../services/networking/media` (`Invoke-RestMethod` or
`Invoke-WebRequest -Method Put -InFile <file>`) uploads the network configuration that file holds, as
Set-AzureVNetConfig `-ConfigurationPath` does: after the script's own Commit of a network, MIG602 is said at
the upload whose file still defines it, with where the file defines it, and not at one whose file no longer
does, as one that no longer defines it is silent. The file is named relative to the script, from `$PSScriptRoot`, or by a variable that holds its path.
Before, such an upload was of a file the script does not name, judged by no file."""

from __future__ import annotations

import pytest
from test_a_network_configuration_uploaded_after_a_commit_that_still_defines_the_network_is_out_of_order import (
    NETCFG,
    PS,
    _uploads,
)

SET_VNET_CONFIG = 'Set-AzureVNetConfig -ConfigurationPath ".\\NetworkConfig.netcfg"\n'
MEDIA = "https://management.core.windows.net/$subscriptionId/services/networking/media"
PUTS = {
    "relative": f'Invoke-RestMethod -Method Put -InFile ".\\{{file}}" -Uri "{MEDIA}" -Certificate $cert\n',
    "script root": f'Invoke-WebRequest -Method Put -InFile "$PSScriptRoot\\{{file}}" -Uri "{MEDIA}" -Certificate $cert\n',
    "variable": f'$path = Join-Path $PSScriptRoot "{{file}}"\nInvoke-RestMethod -Method Put -InFile $path -Uri "{MEDIA}" -Certificate $cert\n',
}


def _script(put: str, *files: str) -> str:
    """The script that commits the network, then PUTs each of `files` as `put` writes it."""
    uploads = "".join(PUTS[put].format(file=file) for file in files)
    return "param($subscriptionId, $cert)\n" + PS.format(end="Commit").replace(SET_VNET_CONFIG, uploads)


@pytest.mark.parametrize("put", PUTS)
@pytest.mark.parametrize("defining", ["Old", "New"])
def test_the_file_a_request_puts_after_the_commit_is_judged_by_what_it_defines(
    tmp_path, monkeypatch, put, defining
):
    text = _script(put, "Old.netcfg", "New.netcfg")
    files = {
        "migrate.ps1": text,
        "Old.netcfg": NETCFG.format(network="prod-vnet" if defining == "Old" else "other-vnet"),
        "New.netcfg": NETCFG.format(network="prod-vnet" if defining == "New" else "other-vnet"),
    }
    found = _uploads(tmp_path, monkeypatch, files)
    assert len(found) == 1, found
    line = next(n for n, row in enumerate(text.splitlines(), 1) if f"{defining}.netcfg" in row)
    if put == "variable":
        line += 1  # the path is joined on one line and put on the next
    assert found[0].startswith(f"migrate.ps1:{line}:")
    assert f"still defines virtual network 'prod-vnet' ({defining}.netcfg:4) after " in found[0]
