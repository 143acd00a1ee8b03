"""A shell script that moves to a folder named from its own (`cd "$(dirname "$0")/.."`, `cd "$(dirname
"$0")"/..`, `cd "$SCRIPT_DIR/.."` where `SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"`, `cd
"$(dirname "$0")/../config"`) runs in that folder from there on: a file it then sources by a path from where
it runs (`. ./vnet.sh`) is the one of that folder, whether the script is checked alone, run by another script
(`bash scripts/migrate.sh`, `./scripts/migrate.sh`) or by a CI step. Before, the folder was unknown after such
a `cd`, and the file not read."""

from __future__ import annotations

import pytest
from lint_support import lint_files

MIGRATE = """\
azure config mode asm
azure network vnet validate-migration "$VNET"
azure network vnet commit-migration "$VNET"
azure network vnet prepare-migration "$VNET"
"""
MOVES = {
    "dirname-parent": ('cd "$(dirname "$0")/.."\n', "hub-vnet"),
    "dirname-quoted-then-parent": ('cd "$(dirname "$0")"/..\n', "hub-vnet"),
    "script-dir-parent": ('SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"\ncd "$SCRIPT_DIR/.."\n', "hub-vnet"),
    "bash-source-parent": ('HERE="$(dirname "${BASH_SOURCE[0]}")"\ncd "$HERE/.."\n', "hub-vnet"),
    "sibling-folder": ('cd "$(dirname "$0")/../config"\n', "config-vnet"),
}
RUNNERS = {
    "alone": None,
    "bash": ("deploy.sh", "#!/bin/bash\nbash scripts/migrate.sh\n"),
    "by-path": ("deploy.sh", "#!/bin/bash\n./scripts/migrate.sh\n"),
    "github": (
        ".github/workflows/migrate.yml",
        "on: push\njobs:\n  move:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n      - run: bash scripts/migrate.sh\n",
    ),
    "azure": ("azure-pipelines.yml", "steps:\n- script: ./scripts/migrate.sh\n"),
    "gitlab": (".gitlab-ci.yml", "move:\n  script:\n    - bash scripts/migrate.sh\n"),
}


@pytest.mark.parametrize("runner", list(RUNNERS))
@pytest.mark.parametrize("move", list(MOVES))
def test_a_file_sourced_after_the_move_is_the_one_of_that_folder(tmp_path, monkeypatch, move, runner):
    cd, network = MOVES[move]
    files = {
        "scripts/migrate.sh": "#!/bin/bash\n" + cd + ". ./vnet.sh\n" + MIGRATE,
        "scripts/vnet.sh": "VNET=scripts-vnet\n",
        "vnet.sh": "VNET=hub-vnet\n",
        "config/vnet.sh": "VNET=config-vnet\n",
    }
    if RUNNERS[runner] is not None:
        name, text = RUNNERS[runner]
        files[name] = text
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    found = [f.message.partition("virtual network ")[2].partition(" in ")[0] for f in result.findings]
    assert found == [f"'{network}'"]
