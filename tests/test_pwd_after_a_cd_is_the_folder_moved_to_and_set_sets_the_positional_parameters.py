"""`$PWD` is the folder a shell script runs in, as the reader follows it: after `cd config` a path made of it
(`. "$PWD/vnet.sh"`, `"$PWD"/vnet.sh`, `cd "$PWD/config"`) is found in config, and a variable set from it
before the move (`HERE=$PWD`) keeps the folder it was set in. `set -- a b` (also `set -e -- a b`, `set a b`)
makes `a` and `b` the script's `$1`, `$2` and `$@`, which `shift` moves on. Before, `$PWD` was a value of
the session, so the file was not read, and `set --` left `$1` the script's own parameter."""

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
    "sourced-after-cd": ('cd config\n. "$PWD/vnet.sh"\n', "config-vnet"),
    "quoted-pwd-then-path": ('cd config\nsource "$PWD"/vnet.sh\n', "config-vnet"),
    "cd-below-pwd": ('cd "$PWD/config"\n. ./vnet.sh\n', "config-vnet"),
    "set-before-cd": ('HERE=$PWD\ncd config\n. "$HERE/vnet.sh"\n', "hub-vnet"),
    "no-cd": ('. "$PWD/vnet.sh"\n', "hub-vnet"),
}


def _networks(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    return [f.message.partition("virtual network ")[2].partition(" in ")[0] for f in result.findings]


@pytest.mark.parametrize("move", list(MOVES))
def test_a_path_made_of_pwd_is_found_in_the_folder_the_script_runs_in(tmp_path, monkeypatch, move):
    cd, network = MOVES[move]
    files = {
        "migrate.sh": "#!/bin/bash\n" + cd + MIGRATE,
        "vnet.sh": "VNET=hub-vnet\n",
        "config/vnet.sh": "VNET=config-vnet\n",
    }
    assert _networks(tmp_path, monkeypatch, files) == [f"'{network}'"]


SETS = {
    "set --": "set -- hub-vnet\nVNET=$1\n",
    "set -e --": "set -e -- spoke-vnet hub-vnet\nVNET=$2\n",
    "set words": "set other-vnet hub-vnet\nshift\nVNET=$1\n",
    "set -- then $@": 'set -- hub-vnet\nfor VNET in "$@"; do :; done\n',
}


@pytest.mark.parametrize("sets", list(SETS))
def test_set_makes_its_words_the_positional_parameters(tmp_path, monkeypatch, sets):
    files = {"migrate.sh": "#!/bin/bash\nset -euo pipefail\n" + SETS[sets] + MIGRATE}
    assert _networks(tmp_path, monkeypatch, files) == ["'hub-vnet'"]
