"""An assignment of an empty value written against a redirection (`pass=</dev/urandom tr -dc a-z0-9 | head -c
8`, `x=>out.log`, `LOG=<<<text cat`) is valid bash: the assignment of "", then the redirection. tree-sitter-bash
reads it as an error, and the whole script was a syntax problem (MIG001), none of its classic commands read.
Such a line is now read as the redirection and its command, the rest of the script as written; a process
substitution (`x=<(ls)`) and a quoted empty value are read as before."""

from __future__ import annotations

import pytest
from lint_support import lint_files, script_resources

from migcheck.model import Deployment

_SCRIPT = """\
#!/bin/bash
{line}
azure config mode asm
azure vm create --vm-name web1 --virtual-network-name appnet shop img ops Passw0rd! -l "West US"
"""

LINES = [
    "pass=</dev/urandom tr -dc A-Za-z0-9 | head -c 8",
    "x=>created.log",
    "x=>>created.log echo start",
    "LOG=<<<text cat",
    "a=1 x=</dev/null cat",
    'echo "$(x=</dev/null cat)"',
    "x=<(ls)",
    "x='' </dev/null cat",
]


@pytest.mark.parametrize("line", LINES)
def test_the_script_is_read_past_the_line(line: str, tmp_path, monkeypatch) -> None:
    script = _SCRIPT.format(line=line)
    [shop] = [r for r in script_resources(script, "deploy.sh") if isinstance(r, Deployment)]
    assert [role.name for role in shop.roles] == ["web1"]
    assert shop.virtual_network is not None and shop.virtual_network.name == "appnet"
    assert (shop.virtual_network.mark.line, shop.virtual_network.mark.column) == (4, 55)
    assert lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG001").findings == []


def test_a_redirection_without_an_assignment_before_it_is_still_a_syntax_problem(
    tmp_path, monkeypatch
) -> None:
    script = _SCRIPT.format(line="x=<")
    [finding] = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG001").findings
    assert finding.mark.line == 2
