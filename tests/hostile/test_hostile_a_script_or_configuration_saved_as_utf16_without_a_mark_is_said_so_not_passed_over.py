"""A script, Makefile, Dockerfile, pipeline, Terraform or Bicep file saved as UTF-16 without a byte order
mark (Windows tools write it) has a NUL byte beside each letter, so the sniff that looks for `New-AzureVM`
or `azure vm create` in its bytes found none and the walk passed it over as describing nothing classic. None
of the tools that run such a file reads it as UTF-16 either (without a mark, PowerShell, bash, make, Docker,
Terraform and Bicep read UTF-8 or a code page), so it is now MIG001 at its start, saying to save it as UTF-8;
a JSON export, which Python's json module and the Azure CLI decode from its NULs, is still read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import run_cli

CLASSIC = {
    "deploy.ps1": "New-AzureVM -ServiceName 'a' -VMs $vm\n",
    "deploy.sh": "#!/bin/bash\nazure vm create a img u p\n",
    "deploy.py": "from azure.servicemanagement import ServiceManagementService\n",
    "Makefile": "all:\n\tazure vm create a img u p\n",
    "Dockerfile": "FROM x\nRUN azure vm create a img u p\n",
    "azure-pipelines.yml": "steps:\n- script: azure vm create a img u p\n",
    "main.tf": 'resource "azure_virtual_network" "v" { name = "x" }\n',
    "main.bicep": "resource v 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {\n name: 'v'\n}\n",
}


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("name", sorted(CLASSIC))
def test_a_file_in_utf16_without_a_mark_is_mig001_saying_to_save_it_as_utf8(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str, codec: str
):
    (tmp_path / name).write_bytes(CLASSIC[name].encode(codec))
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(capsys, "check", ".", "--format", "json")
    findings = [
        (f["code"], f["path"], f["line"], f["column"], f["message"], f["fix"]) for f in json.loads(out)
    ]
    endian, iconv = ("little-endian", "UTF-16LE") if codec.endswith("le") else ("big-endian", "UTF-16BE")
    assert code == 1
    assert len(findings) == 1
    assert findings[0][:5] == (
        "MIG001",
        name,
        1,
        1,
        f"the file is saved as UTF-16 ({endian}) without a byte order mark, so it is not read: save it as UTF-8",
    )
    assert findings[0][5].startswith(
        f"Save the file as UTF-8 (in your editor, or `iconv -f {iconv} -t UTF-8`)"
    )


def test_a_file_without_classic_calls_in_utf16_without_a_mark_is_still_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    (tmp_path / "build.sh").write_bytes("#!/bin/bash\nmake all\n".encode("utf-16-le"))
    (tmp_path / "deploy.sh").write_text(CLASSIC["deploy.sh"])
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".", "--format", "json")
    assert {f["path"] for f in json.loads(out)} == {"deploy.sh"}


def test_binary_16_bit_numbers_are_not_taken_for_utf16_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    (tmp_path / "main.tf").write_bytes(b"\x01\x00\x02\x00" * 40)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", "main.tf", "--format", "json")
    assert "UTF-16" not in out


def test_an_inventory_export_in_utf16_without_a_mark_is_still_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    rows = [{"type": "Microsoft.ClassicNetwork/virtualNetworks", "name": "v", "location": "westeurope"}]
    (tmp_path / "resources.json").write_bytes(json.dumps(rows).encode("utf-16-le"))
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".", "--format", "json")
    # read: its row is named, for the properties column the export left out
    assert "classic virtual network 'v'" in json.loads(out)[0]["message"]
