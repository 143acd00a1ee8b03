"""A shell loop over the numbers `seq` prints in a format (`for i in $(seq -f "%02g" 1 $N)` with `N=3`
stated; `-w`, `--format=`, `-s`) runs once per word seq prints, each VM named by its word (web01, web02,
web03), and its create surely runs, where such a loop was one over words the script does not state, that
may run no times."""

from __future__ import annotations

import pytest
from lint_support import run_cli

LOOP = "#!/bin/bash\nN=3\nfor i in $(seq {options} 1 $N); do\n  azure vm create svc img ops Passw0rd --vm-name web$i\ndone\n"
PRINTED = {
    '-f "%02g"': "web01, web02, web03",
    "-w": "web1, web2, web3",
    '--format="%03.0f"': "web001, web002, web003",
    "-s ' ' -f %g": "web1, web2, web3",
}


@pytest.mark.parametrize("options", sorted(PRINTED))
def test_each_word_seq_prints_is_a_turn(tmp_path, monkeypatch, capsys, options):
    (tmp_path / "deploy.sh").write_text(LOOP.format(options=options))
    monkeypatch.chdir(tmp_path)
    _, plan, _ = run_cli(capsys, "plan", ".")
    _, check, _ = run_cli(capsys, "check", ".")
    assert f"VMs {PRINTED[options]}\n" in plan
    assert "fail today, since" in check


def test_a_separator_that_is_no_blank_makes_one_word(tmp_path, monkeypatch, capsys):
    (tmp_path / "deploy.sh").write_text(LOOP.format(options="-s , -f %02g"))
    monkeypatch.chdir(tmp_path)
    _, plan, _ = run_cli(capsys, "plan", ".")
    assert "VMs web01,02,03\n" in plan
