"""A function of a loaded file that captures or registers an image (`azure vm capture "$1" "$2"`,
`Save-AzureVMImage -ImageName $image`) was reported twice when a script runs it: once with the name the call gives
(`web-image`), once as the stand-in of the file's own read of the function with values it does not know
(`<image name, lib.sh:2>`). That read once is left out, as the VMs it creates are (the disks a function
registers too); a function no script runs is still read once."""

from __future__ import annotations

import pytest
from lint_support import lint_files

SHELL = {
    "lib.sh": 'capture_vm() {\n  azure vm capture "$1" "$2"\n}\n',
    "deploy.sh": ". ./lib.sh\ncapture_vm web1 web-image\n",
}
POWERSHELL = {
    "lib.ps1": (
        "function Save-Image($vm, $image) {\n"
        "  Save-AzureVMImage -ServiceName shop -Name $vm -ImageName $image -OSState Generalized\n}\n"
    ),
    "deploy.ps1": '. "$PSScriptRoot\\lib.ps1"\nSave-Image web1 web-image\n',
}


def _named(result, code: str) -> list[str]:
    return sorted(f.message.split("'")[1] for f in result.findings if f.code == code)


@pytest.mark.parametrize("files", [SHELL, POWERSHELL], ids=["shell", "powershell"])
def test_an_image_a_script_captures_through_a_loaded_function_is_reported_once(tmp_path, monkeypatch, files):
    result = lint_files(tmp_path, monkeypatch, files, "MIG402", dedent=False)
    assert _named(result, "MIG402") == ["web-image"]


def test_a_function_no_script_runs_still_registers_its_stand_in(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"lib.sh": SHELL["lib.sh"]}, "MIG402", dedent=False)
    assert _named(result, "MIG402") == ["<image name, lib.sh:2>"]
