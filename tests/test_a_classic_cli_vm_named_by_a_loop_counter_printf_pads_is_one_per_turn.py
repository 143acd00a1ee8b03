"""A classic CLI VM created in each turn of a shell loop the script does not count, named by the loop's
counter padded by `printf` (`for ((i=1; i<=N; i++)); do azure vm create ... --vm-name "web$(printf '%03d'
$i)"`), stands for one VM per turn ("1 or more VMs"), as one named by the counter itself does, where the
padded counter was a value of no holder and the loop made "1 VM". A padded number the script states is still
padded (`printf '%03d' 7` is `007`), and one it does not state is still a name it does not state."""

from __future__ import annotations

import pytest
from lint_support import run_cli

CREATE = 'azure vm create svc1 img ops Passw0rd --vm-name {name} --location "West US" --connect'
LOOPS = {
    "for ((;;))": "for ((i=1; i<=N; i++)); do\n  {body}\ndone\n",
    "for over seq": "for i in $(seq 1 $N); do\n  {body}\ndone\n",
    "while": "i=0\nwhile [ $i -lt $N ]; do\n  i=$((i+1))\n  {body}\ndone\n",
}
NAMED = {
    "printf in the word": ("", "\"web$(printf '%03d' $i)\""),
    "printf -v": ('printf -v name "web%03d" "$i"\n  ', '"$name"'),
    "the counter": ("", '"web$i"'),
}


def _summary(tmp_path, monkeypatch, capsys, loop: str, named: str) -> str:
    before, word = NAMED[named]
    body = before + CREATE.format(name=word)
    (tmp_path / "deploy.sh").write_text('#!/bin/bash\nN="$1"\n' + LOOPS[loop].replace("{body}", body))
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    return out


@pytest.mark.parametrize("named", sorted(NAMED))
@pytest.mark.parametrize("loop", sorted(LOOPS))
def test_a_vm_named_by_the_padded_counter_is_one_per_turn(tmp_path, monkeypatch, capsys, loop, named):
    assert "svc1 (1 or more VMs)" in _summary(tmp_path, monkeypatch, capsys, loop, named)
