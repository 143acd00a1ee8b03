"""`ssh jump -- 'azure vm shutdown web1'`: ssh reads its options again after the host it logs in to, and a
`--` there ends them; the other host's shell runs the command after it, a classic call of the script's, as
where no `--` is written."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

COMMANDS = ["ssh admin@jump -- 'azure vm shutdown web1'", "ssh -p 2222 jump -- azure vm shutdown web1"]


@pytest.mark.parametrize("command", COMMANDS)
def test_the_command_after_the_marker_is_the_script_s_classic_call(tmp_path, monkeypatch, command):
    result = lint_files(tmp_path, monkeypatch, {"stop.sh": command + "\n"}, "MIG601", dedent=False)
    assert [w.split(":")[0] for w in where(result.findings)] == ["MIG601 stop.sh"]
    host = "admin@jump" if "admin@" in command else "jump"  # the host before the `--`, named
    assert f"azure vm shutdown on {host})" in result.findings[0].message
