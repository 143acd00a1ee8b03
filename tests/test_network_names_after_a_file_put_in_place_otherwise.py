"""An upload of a network configuration by the name of a file checked here (`NetworkConfig.netcfg`) is of
that file only while the script does not put another file of that name in place by a means the readers do
not follow: a copy, a move or a rename over it, a download saved to it, a write of content they do not
follow (Python's `shutil.copy*`, `shutil.move`, `os.rename`, `os.replace`, `urlretrieve`, `pathlib.Path.
write_text`/`write_bytes`/`replace`; PowerShell's `Copy-Item`/`Move-Item -Destination`, `Rename-Item`,
`Start-BitsTransfer`, `Invoke-WebRequest -OutFile`, `Set-Content`/`Out-File` under another spelling of the
path). What it uploads then is not known, and a network name no checked file defines is not MIG003. Put in
place under another name, the file leaves the upload the checked one, and the names checked."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="CoreVNet" Location="East US">
      <AddressSpace><AddressPrefix>10.4.0.0/16</AddressPrefix></AddressSpace>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

PS_UPLOAD = 'Set-AzureVNetConfig -ConfigurationPath .\\NetworkConfig.netcfg\nNew-AzureVNetGateway -VNetName "ProdVNet"\n'
PY_HEAD = (
    "import os, shutil, sys, pathlib, urllib.request\n"
    "from pathlib import Path\n"
    "from shutil import copyfile as cf\n"
    "from azure.servicemanagement import ServiceManagementService\n"
    'sms = ServiceManagementService("sub", "cert.pem")\n'
)
PY_UPLOAD = (
    'sms.perform_put("/sub/services/networking/media", open("NetworkConfig.netcfg").read())\n'
    'sms.create_virtual_machine_deployment("app", "app", "production", "app", "app01", None, None, '
    'virtual_network_name="ProdVNet")\n'
)

PS_PUT_IN_PLACE = {
    "download": 'Invoke-WebRequest -Uri "https://example.com/n.xml" -OutFile NetworkConfig.netcfg',
    "download-abbreviated": "iwr https://example.com/n.xml -OutF .\\NetworkConfig.netcfg",
    "rest-download": 'Invoke-RestMethod -Uri "https://example.com/n.xml" -OutFile "$PSScriptRoot\\NetworkConfig.netcfg"',
    "bits": "Start-BitsTransfer -Source https://example.com/n.xml -Destination NetworkConfig.netcfg",
    "copy": "Copy-Item -Path \\\\share\\n.xml -Destination NetworkConfig.netcfg",
    "copy-into-a-folder": "cp \\\\share\\NetworkConfig.netcfg .\\",
    "move": "Move-Item \\\\share\\n.xml .\\NetworkConfig.netcfg",
    "rename": "Rename-Item new.xml NetworkConfig.netcfg",
    "copy-to-a-parameter": "param($To)\nCopy-Item \\\\share\\n.xml -Destination $To",
    "written-under-another-spelling": "Set-Content -Path NetworkConfig.netcfg -Value (Get-Content $args[0])",
    "piped-under-another-spelling": "Get-Content $args[0] | Out-File NetworkConfig.netcfg",
}

PY_PUT_IN_PLACE = {
    "copy": 'shutil.copy("/share/n.xml", "NetworkConfig.netcfg")',
    "copy2-by-keyword": 'shutil.copy2(src="/share/n.xml", dst="./NetworkConfig.netcfg")',
    "copy-into-a-folder": 'shutil.copy("/share/NetworkConfig.netcfg", ".")',
    "copyfile-imported-by-name": 'cf(sys.argv[1], "NetworkConfig.netcfg")',
    "move": 'shutil.move(sys.argv[1], "NetworkConfig.netcfg")',
    "rename": 'os.rename("new.xml", "NetworkConfig.netcfg")',
    "replace": 'os.replace("new.xml", "NetworkConfig.netcfg")',
    "copytree": 'shutil.copytree("/share/cfg", ".", dirs_exist_ok=True)',
    "download": 'urllib.request.urlretrieve("https://example.com/n.xml", "NetworkConfig.netcfg")',
    "path-write-text": 'Path("NetworkConfig.netcfg").write_text(sys.stdin.read())',
    "path-write-bytes": 'pathlib.Path(".", "NetworkConfig.netcfg").write_bytes(sys.stdin.buffer.read())',
    "path-joined": '(Path(".") / "NetworkConfig.netcfg").write_text(sys.argv[1])',
    "path-replace": 'Path("new.xml").replace("NetworkConfig.netcfg")',
    "copy-to-a-parameter": "shutil.copy(sys.argv[1], sys.argv[2])",
}


def _mig003(tmp_path, monkeypatch, name: str, script: str) -> list[str]:
    files = {"NetworkConfig.netcfg": NETCFG, name: script}
    return where(lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings)


@pytest.mark.parametrize("line", PS_PUT_IN_PLACE.values(), ids=PS_PUT_IN_PLACE.keys())
def test_a_powershell_upload_of_a_file_put_in_place_otherwise_leaves_names_unchecked(
    tmp_path, monkeypatch: pytest.MonkeyPatch, line: str
) -> None:
    assert _mig003(tmp_path, monkeypatch, "deploy.ps1", f"{line}\n{PS_UPLOAD}") == []


@pytest.mark.parametrize("line", PY_PUT_IN_PLACE.values(), ids=PY_PUT_IN_PLACE.keys())
def test_a_python_upload_of_a_file_put_in_place_otherwise_leaves_names_unchecked(
    tmp_path, monkeypatch: pytest.MonkeyPatch, line: str
) -> None:
    assert _mig003(tmp_path, monkeypatch, "deploy.py", f"{PY_HEAD}{line}\n{PY_UPLOAD}") == []


@pytest.mark.parametrize(
    "line",
    [
        "# nothing",
        'Invoke-WebRequest -Uri "https://example.com/n.xml" -OutFile other.netcfg',
        "Copy-Item \\\\share\\n.xml other.netcfg",
        "Copy-Item -Path \\\\share\\n.xml -Destination NetworkConfig.netcfg -WhatIf",
        "Set-Content -Path other.netcfg -Value $args[0]",
    ],
    ids=["nothing", "downloaded-elsewhere", "copied-elsewhere", "previewed", "written-elsewhere"],
)
def test_a_powershell_file_put_in_place_under_another_name_keeps_names_checked(
    tmp_path, monkeypatch: pytest.MonkeyPatch, line: str
) -> None:
    found = _mig003(tmp_path, monkeypatch, "deploy.ps1", f"{line}\n{PS_UPLOAD}")
    assert [f.split(":")[0] for f in found] == ["MIG003 deploy.ps1"]


@pytest.mark.parametrize(
    "line",
    [
        "pass",
        'shutil.copy("/share/n.xml", "other.netcfg")',
        'os.replace("new.xml", "other.xml")',
        'Path("other.netcfg").write_text(sys.argv[1])',
        'text = "NetworkConfig.netcfg".replace("Config", "Cfg")',
    ],
    ids=["nothing", "copied-elsewhere", "replaced-elsewhere", "written-elsewhere", "a-string-s-replace"],
)
def test_a_python_file_put_in_place_under_another_name_keeps_names_checked(
    tmp_path, monkeypatch: pytest.MonkeyPatch, line: str
) -> None:
    found = _mig003(tmp_path, monkeypatch, "deploy.py", f"{PY_HEAD}{line}\n{PY_UPLOAD}")
    assert [f.split(":")[0] for f in found] == ["MIG003 deploy.py"]


WRITTEN = (
    "CFG = '''<NetworkConfiguration xmlns=\"http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration\">"
    '<VirtualNetworkConfiguration><VirtualNetworkSites><VirtualNetworkSite name="CoreVNet" Location="East US">'
    "<AddressSpace><AddressPrefix>10.4.0.0/16</AddressPrefix></AddressSpace></VirtualNetworkSite>"
    "</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>'''\n"
    "open('NetworkConfig.netcfg', 'w').write(CFG)\n"
)


def test_a_python_file_written_then_copied_over_is_not_what_the_write_left(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The configuration the script writes defines CoreVNet only: read back, ProdVNet is not in it.
    written = _mig003(tmp_path, monkeypatch, "deploy.py", f"{PY_HEAD}{WRITTEN}{PY_UPLOAD}")
    assert [f.split(":")[0] for f in written] == ["MIG003 deploy.py"]
    copied = f'{PY_HEAD}{WRITTEN}shutil.copy(sys.argv[1], "NetworkConfig.netcfg")\n{PY_UPLOAD}'
    assert _mig003(tmp_path, monkeypatch, "deploy.py", copied) == []
