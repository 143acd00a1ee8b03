"""A PowerShell loop whose turns the script counts, one or more, surely runs its first turn up to a `break` or
`continue` that may end it, as shell and Python loops are read: a creation before an `if (…) { break }` fails
today with no "they may not", one after it may not run, and what follows the loop runs wherever the loop
does. A list of items walked one by one is walked so, its turns after one that may `break` turns that may
not run."""

from __future__ import annotations

import pytest
from lint_support import lint_files, script_resources, unread_tags

from migcheck.model import Deployment

CREATE = 'azure vm create "web$i" img azureuser -l "West US"'
BREAK = "if ($i -gt $limit) { break }"
HEADS = {
    "foreach over a range past the turns": "foreach ($i in 1..100) {{\n{}\n}}\n",
    "for past the turns": "for ($i = 0; $i -lt 100; $i++) {{\n{}\n}}\n",
    "while past the turns": "$i = 0\nwhile ($i -lt 100) {{\n$i++\n{}\n}}\n",
    "for under the turns": "for ($i = 0; $i -lt 3; $i++) {{\n{}\n}}\n",
}


def _said(tmp_path, monkeypatch, text: str) -> str:
    result = lint_files(tmp_path, monkeypatch, {"make.ps1": text}, "MIG601", dedent=False)
    (finding,) = result.findings
    return finding.message


@pytest.mark.parametrize("head", HEADS)
@pytest.mark.parametrize("exit", ["break", "continue"])
def test_a_creation_before_a_break_surely_runs_and_one_after_it_may_not(tmp_path, monkeypatch, head, exit):
    text = HEADS[head].format(f"{CREATE}\n{BREAK.replace('break', exit)}")
    message = _said(tmp_path, monkeypatch, text)
    assert "fail today, since" in message and "may not" not in message
    assert unread_tags(text, "make.ps1") == (["loop-turns-cut"] if "past" in head else [])
    after = HEADS[head].format(f"{BREAK.replace('break', exit)}\n{CREATE}")
    assert "may not" in _said(tmp_path / "after", monkeypatch, after)


def test_what_follows_a_loop_that_may_break_runs_wherever_the_loop_does(tmp_path, monkeypatch):
    text = f"foreach ($x in $list) {{\n  {BREAK}\n}}\n{CREATE}\n"
    message = _said(tmp_path, monkeypatch, text)
    assert "fail today, since" in message and "may not" not in message


def test_a_list_walked_one_by_one_that_may_break_is_walked():
    text = f"foreach ($i in 1..3) {{\n  {CREATE}\n  {BREAK}\n}}\n"
    services = [r.service_name for r in script_resources(text, "make.ps1") if isinstance(r, Deployment)]
    assert sorted(services) == ["web1", "web2", "web3"]
