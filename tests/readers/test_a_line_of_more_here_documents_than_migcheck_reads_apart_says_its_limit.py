"""A line that starts more here-documents than migcheck reads the way bash does on one line (`cat <<A <<B
<<C <<D <<E`) makes the script's MIG001 say that limit, at the line's first here-document, and what to write
instead, as the limit of such lines in one script does. Before, it said the script "cannot be parsed here
(a quote, bracket ... left open?)", blaming a script bash runs for migcheck's own limit."""

from __future__ import annotations

from migcheck.readers.shell_heredocs import ON_A_LINE
from tests.lint_support import lint_files, where

CREATE = "azure vm create web img u p --vm-name web1 --virtual-network-name net1 --location 'West US'\n"


def _script(heredocs: int) -> str:
    words = [f"H{n}" for n in range(heredocs)]
    return "cat " + " ".join(f"<<{w}" for w in words) + "\n" + "".join(f"x\n{w}\n" for w in words) + CREATE


def test_a_line_past_the_limit_says_the_limit_where_it_starts(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": _script(ON_A_LINE + 1)}, "MIG001", dedent=False)
    assert where(result.findings) == ["MIG001 deploy.sh:1:5"]
    [problem] = result.findings
    assert f"it reads {ON_A_LINE} `<<` on one line and stops at this line" in problem.message
    assert "left open" not in problem.message
    assert problem.fix is not None and "a line of its own" in problem.fix


def test_a_line_up_to_the_limit_is_read(tmp_path, monkeypatch):
    result = lint_files(
        tmp_path, monkeypatch, {"deploy.sh": _script(ON_A_LINE)}, "MIG001", "MIG203", dedent=False
    )
    assert where(result.findings) == [f"MIG203 deploy.sh:{2 + 2 * ON_A_LINE}:1"]


def test_a_syntax_error_of_the_script_s_own_keeps_its_wording(tmp_path, monkeypatch):
    script = "echo '<<a <<b <<c <<d <<e' )\n" + CREATE
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG001", dedent=False)
    [problem] = result.findings
    assert "cannot be parsed here" in problem.message
