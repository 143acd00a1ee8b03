"""A Terraform configuration whose value is built through a chain of 5,000 locals, each of the next, is
evaluated deeper than migcheck follows and not read. Its MIG001 said only that the file nests expressions too
deep, with the advice to write nested values as locals of their own: what the file already does. It now names
the chain too, and advises building each value of the one it needs directly."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_support import check_json

CHAIN = 5_000
MAIN = (
    'provider "azure" {}\nlocals {\n'
    + "".join(f"  v{i} = local.v{i + 1}\n" for i in range(CHAIN))
    + f'  v{CHAIN} = "web"\n}}\nresource "azure_virtual_network" "net" {{\n  name = local.v0\n}}\n'
)


def test_a_chain_of_thousands_of_locals_is_told_to_shorten_the_chain(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    (tmp_path / "main.tf").write_text(MAIN)
    code, findings = check_json(capsys, str(tmp_path))
    assert code == 1
    [finding] = findings
    assert (finding["code"], finding["line"], finding["column"]) == ("MIG001", 1, 1)
    assert finding["path"].endswith("main.tf")
    assert "chain of locals or variables, each built of the next: it is not read" in finding["message"]
    assert finding["fix"].startswith("Build each value of the one it needs directly")
