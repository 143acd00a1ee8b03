"""ssh reads its options again after the host it logs in to (OpenSSH: `ssh jump -t 'azure …'`), unless a
`--` ended them before the host: the command after them is the one the other host's shell runs, said on the
host the script names."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CREATE = "'azure vm create web1 img azureuser -l \"West US\"'"


def _said(tmp_path, monkeypatch, command: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {"make.sh": command + "\n"}, "MIG601", dedent=False)
    return [f.message for f in result.findings]


@pytest.mark.parametrize(
    "command",
    [f"ssh jump -t {CREATE}", f"ssh -i key.pem jump -p 2222 -t {CREATE}", f"ssh jump -tt -- {CREATE}"],
)
def test_the_command_after_the_options_past_the_host_is_run_there(tmp_path, monkeypatch, command):
    (message,) = _said(tmp_path, monkeypatch, command)
    assert "azure vm create on jump" in message
