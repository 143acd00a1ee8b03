"""Each network configuration upload after a script's own Commit of a network is judged by what that upload
sends (MIG602): a script that uploads two files after the Commit is told at the upload of the file that still
defines the committed network, and not at the one that no longer does, in every language that uploads a file
(Set-AzureVNetConfig, `azure network import`, a PUT of the file's text with `requests` or `perform_put`), and
where one upload sends a configuration the script writes itself. Before, the uploads were judged together, by
the networks every file uploaded defines, so such a script was told nothing."""

from __future__ import annotations

import pytest
from test_a_network_configuration_uploaded_after_a_commit_that_still_defines_the_network_is_out_of_order import (
    NETCFG,
    SCRIPTS,
    _uploads,
)

# The upload of each script, and what uploads a second file after it, by the script's name.
UPLOADS = {
    "migrate.ps1": (
        'Set-AzureVNetConfig -ConfigurationPath ".\\NetworkConfig.netcfg"\n',
        "Set-AzureVNetConfig",
    ),
    "migrate.sh": ("azure network import NetworkConfig.netcfg\n", "azure network import"),
    "migrate.py": (
        'with open("NetworkConfig.netcfg") as f:\n    requests.put(BASE + "/media", data=f.read(), cert="c.pem")\n',
        "PUT",
    ),
    "sdk.py": (
        'with open("NetworkConfig.netcfg") as f:\n    sms.perform_put(base + "/media", f.read())\n',
        "perform_put",
    ),
}


def _two_uploads(script: str, first: str, second: str) -> str:
    """The script of `SCRIPTS` committing the network, then uploading file `first` and then `second`."""
    text, (commit, _), _ = SCRIPTS[script]
    upload = UPLOADS[script][0]
    migrated = text.format(end=commit)
    assert migrated.endswith(upload)
    return migrated.replace(
        upload, upload.replace("NetworkConfig", first) + upload.replace("NetworkConfig", second)
    )


def _line_of(text: str, name: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if name in line)


@pytest.mark.parametrize("script", UPLOADS)
@pytest.mark.parametrize("defining", ["Old", "New"])
def test_of_two_files_uploaded_after_the_commit_the_one_that_still_defines_the_network_is_told(
    tmp_path, monkeypatch, script, defining
):
    text = _two_uploads(script, "Old", "New")
    files = {
        script: text,
        "Old.netcfg": NETCFG.format(network="prod-vnet" if defining == "Old" else "other-vnet"),
        "New.netcfg": NETCFG.format(network="prod-vnet" if defining == "New" else "other-vnet"),
    }
    found = _uploads(tmp_path, monkeypatch, files)
    assert len(found) == 1, found
    line = _line_of(text, f"{defining}.netcfg")
    if script.endswith(".py"):
        line += 1  # the file is read on one line and put on the next
    assert found[0].startswith(f"{script}:{line}:")
    assert f"still defines virtual network 'prod-vnet' ({defining}.netcfg:4) after " in found[0]


@pytest.mark.parametrize("script", UPLOADS)
def test_two_files_that_both_still_define_the_network_are_each_told(tmp_path, monkeypatch, script):
    files = {
        script: _two_uploads(script, "Old", "New"),
        "Old.netcfg": NETCFG.format(network="prod-vnet"),
        "New.netcfg": NETCFG.format(network="prod-vnet"),
    }
    found = _uploads(tmp_path, monkeypatch, files)
    assert [f.split(" after ")[0].rpartition("(")[2] for f in found] == ["Old.netcfg:4)", "New.netcfg:4)"]


def test_a_configuration_the_script_writes_is_judged_apart_from_a_file_it_uploads(tmp_path, monkeypatch):
    text, _, _ = SCRIPTS["migrate.ps1"]
    written = (
        '$config = @"\n'
        + NETCFG.format(network="prod-vnet")
        + '"@\n'
        + text.format(end="Commit")
        + 'Set-Content -Path "$env:TEMP\\net.netcfg" -Value $config\n'
        + 'Set-AzureVNetConfig -ConfigurationPath "$env:TEMP\\net.netcfg"\n'
    )
    files = {"migrate.ps1": written, "NetworkConfig.netcfg": NETCFG.format(network="other-vnet")}
    found = _uploads(tmp_path, monkeypatch, files)
    assert len(found) == 1, found
    assert found[0].startswith(f"migrate.ps1:{len(written.splitlines())}:1 ")
    assert "still defines virtual network 'prod-vnet' (migrate.ps1:5) after " in found[0]


def test_a_shell_request_that_puts_a_configuration_it_writes_inline_is_judged_by_it(tmp_path, monkeypatch):
    body = NETCFG.format(network="prod-vnet").replace("\n", "")
    text = (
        "#!/bin/bash\n"
        "API=https://management.core.windows.net/$SUB/services/networking\n"
        "azure network vnet validate-migration prod-vnet\n"
        "azure network vnet prepare-migration prod-vnet\n"
        "azure network vnet commit-migration prod-vnet\n"
        "azure network import NetworkConfig.netcfg\n"
        f"curl -X PUT --cert m.pem -d '{body}' \"$API/media\"\n"
    )
    files = {"migrate.sh": text, "NetworkConfig.netcfg": NETCFG.format(network="other-vnet")}
    found = _uploads(tmp_path, monkeypatch, files)
    assert len(found) == 1, found
    assert found[0].startswith("migrate.sh:7:1 ")
    assert "still defines virtual network 'prod-vnet' (migrate.sh:7) after " in found[0]
