"""A file a Terraform configuration or Bicep file loads (`file(...)`, a module's source), saved as UTF-16
without a byte order mark, is said MIG001 at the place its reader found the load: the path's string in the
call, whatever the text around it names. Where the line was found by a text search for the file's name, a
path built of variables (`file("${local.name}.json")`) gave no finding, a name also written in a local was
said at the local, and a comment naming a file of the module read beside it was said as its load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import run_cli

_SERVICE = 'resource "azure_hosted_service" "s" {\n  name     = local.vms.svc\n  location = "West US"\n}\n'

CASES = {
    "a path built of variables": (
        {
            "main.tf": 'locals {\n  f   = "vms"\n  vms = jsondecode(file("${path.module}/${local.f}.json"))\n}\n'
            + _SERVICE,
            "vms.json!": '{"svc": "shop"}\n',
        },
        [("main.tf", 3, 25, "vms.json")],
    ),
    "a name also written in a local": (
        {
            "main.tf": 'locals {\n  f = "vms.json"\n}\nlocals {\n  vms = jsondecode(file("${path.module}/${local.f}"))\n}\n'
            + _SERVICE,
            "vms.json!": '{"svc": "shop"}\n',
        },
        [("main.tf", 5, 25, "vms.json")],
    ),
    "a module's file named in a comment": (
        {
            "main.tf": "# The service's name is set in names.tf beside this file.\n"
            'locals {\n  vms = { svc = "shop" }\n}\n' + _SERVICE,
            "names.tf!": 'variable "x" {\n  default = "y"\n}\n',
        },
        [],
    ),
    "a Bicep module of a module": (
        {
            "main.bicep": "module a './a.bicep' = {\n  name: 'a'\n}\n",
            "a.bicep": "module b './b.bicep' = {\n  name: 'b'\n}\n",
            "b.bicep!": "param name string = 'v'\noutput n string = name\n",
        },
        [("a.bicep", 1, 10, "b.bicep")],
    ),
}


def _written(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name.rstrip("!")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-16-le" if name.endswith("!") else "utf-8"))


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_file_loaded_is_said_at_the_load_its_reader_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], case: str
):
    files, expected = CASES[case]
    _written(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".", "--format", "json")
    said = [
        (f["path"], f["line"], f["column"], f["message"]) for f in json.loads(out) if f["code"] == "MIG001"
    ]
    assert said == [
        (
            path,
            line,
            column,
            f"it loads '{loaded}', which is saved as UTF-16 (little-endian) without a byte order mark, "
            "so it is not read: save it as UTF-8",
        )
        for path, line, column, loaded in expected
    ]
