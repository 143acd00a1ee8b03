"""A chain of thousands of commands joined by `&&` or `||` (`a && b && … && azure service create shop`) is
read, in a script, a Dockerfile's RUN line and a Makefile's recipe alike. The bash grammar gives such a
chain a tree as deep as it is long (each `&&` a list holding the one before), and past 4,000 the script was
said to nest commands deeper than migcheck follows and read not at all; a chain is no nesting, and is walked
one command after another."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CHAIN = " && ".join(["echo a"] * 5_000 + ["azure service create --location 'West US' shop"])

FILES = {
    "deploy.sh": "#!/bin/bash\n" + CHAIN + "\n",
    "Dockerfile": "FROM ubuntu\nRUN " + CHAIN + "\n",
    "Makefile": "all:\n\t" + CHAIN + "\n",
}


@pytest.mark.parametrize("name", FILES)
def test_the_classic_command_at_the_end_of_a_long_chain_is_read(tmp_path, monkeypatch, name: str) -> None:
    found = lint_files(tmp_path, monkeypatch, {name: FILES[name]}, "MIG001", "MIG601").findings
    assert [finding.code for finding in found] == ["MIG601"]
    assert "azure service create" in found[0].message
