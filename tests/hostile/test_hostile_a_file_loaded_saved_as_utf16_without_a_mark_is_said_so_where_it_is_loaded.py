"""A file a script, Makefile, Bicep file or Terraform configuration loads (`source ./common.conf`, `.
"$PSScriptRoot\\common.ps1"`, `include config.mk`, a module) saved as UTF-16 without a byte order mark was
read for its values with a NUL beside each letter, and said by no check where no check of its own reads
it. It is now not read, as a file checked on its own is not, and MIG001 says so: on the file, where the
run's own check of it says so, else where it is loaded, naming it and saying to save it as UTF-8. A UTF-8
byte order mark is taken off a loaded file's bytes, as off those of a file read on its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import run_cli

# Each case: the files (those whose name ends in `!` saved as UTF-16 LE without a mark), and where MIG001 is.
LOADED = {
    "shell": (
        {
            "deploy.sh": '#!/bin/bash\nset -e\nsource ./common.conf\nazure vm create "$SERVICE" img u p\n',
            "common.conf!": "SERVICE=shop\n",
        },
        ("deploy.sh", 3, 10, "common.conf"),
    ),
    "powershell": (
        {
            "deploy.ps1": '. "$PSScriptRoot\\common.ps1"\nNew-AzureVM -ServiceName $svc -VMs $vm\n',
            "common.ps1!": '$svc = "shop"\n',
        },
        ("deploy.ps1", 1, 18, "common.ps1"),
    ),
    "makefile": (
        {
            "Makefile": "include config.mk\nall:\n\tazure vm create $(SERVICE) img u p\n",
            "config.mk!": "SERVICE = s\n",
        },
        ("Makefile", 1, 9, "config.mk"),
    ),
    "bicep": (
        {
            "main.bicep": "module net './net.bicep' = {\n  name: 'net'\n}\n",
            "net.bicep!": "param name string = 'v'\noutput n string = name\n",
        },
        ("main.bicep", 1, 12, "net.bicep"),
    ),
    "terraform": (
        {
            "main.tf": 'module "vm" {\n  source = "./modules/vm"\n}\n',
            "modules/vm/main.tf!": 'variable "x" {}\n',
        },
        ("main.tf", 2, 12, "modules/vm/main.tf"),
    ),
}


def _written(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name.rstrip("!")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-16-le" if name.endswith("!") else "utf-8"))


@pytest.mark.parametrize("case", sorted(LOADED))
def test_a_loaded_file_in_utf16_without_a_mark_is_mig001_where_it_is_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], case: str
):
    files, (path, line, column, loaded) = LOADED[case]
    _written(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".", "--format", "json")
    said = [f for f in json.loads(out) if f["code"] == "MIG001"]
    assert [(f["path"], f["line"], f["column"], f["message"]) for f in said] == [
        (
            path,
            line,
            column,
            f"it loads '{loaded}', which is saved as UTF-16 (little-endian) without a byte order mark, "
            "so it is not read: save it as UTF-8",
        )
    ]
    assert said[0]["fix"].startswith(
        "Save the file as UTF-8 (in your editor, or `iconv -f UTF-16LE -t UTF-8`)"
    )
    assert "\\u0000" not in out and "<NUL>" not in out


def test_a_loaded_file_its_own_check_says_is_in_utf16_is_said_there_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    _written(
        tmp_path,
        {
            "deploy.sh": "#!/bin/bash\nsource ./lib.sh\ncreate_vm\n",
            "lib.sh!": "#!/bin/bash\ncreate_vm() {\n  azure vm create shop img u p\n}\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".", "--format", "json")
    said = [(f["code"], f["path"], f["line"]) for f in json.loads(out)]
    assert said == [("MIG001", "lib.sh", 1)]


def test_a_file_only_looked_through_beside_a_script_is_not_said_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    _written(
        tmp_path,
        {
            "main.tf": 'resource "azure_virtual_network" "v" { name = "x" }\n',
            "other.tf!": 'variable "x" {}\n',
        },
    )
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".", "--format", "json")
    assert [f for f in json.loads(out) if f["code"] == "MIG001"] == []


def test_a_makefile_made_with_a_utf8_mark_is_read_as_one_without(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    (tmp_path / "sub").mkdir()
    (tmp_path / "Makefile").write_text("all:\n\t$(MAKE) -C sub\n")
    made = "SERVICE = shop\nall:\n\tazure vm create $(SERVICE) img u p\n"
    (tmp_path / "sub" / "Makefile").write_bytes(b"\xef\xbb\xbf" + made.encode())
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".", "--format", "json")
    # made from the Makefile, its first line's variable is `SERVICE` (not a name that starts with U+FEFF),
    # as where it is read on its own: the one deployment it creates is 'shop'
    assert [f["message"].split(" of ")[0] for f in json.loads(out) if f["code"] == "MIG105"] == [
        "deployment 'shop'"
    ]
