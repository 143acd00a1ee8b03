"""Lines of here-documents the bash grammar does not read (`if x; then cat <<A; fi` below another
here-document) are read as bash reads them up to migcheck's limit of such lines in one script. Past it the
script's MIG001 says that limit, at the here-document of the line where reading stopped, and what to write
instead. Before, it said the script "cannot be parsed here (a quote, bracket ... left open?)" at 1:1,
blaming a script bash runs for migcheck's own limit."""

from __future__ import annotations

from migcheck.readers.shell_heredocs import LINES_READ_APART
from tests.lint_support import lint_files, where


def _script(compounds: int) -> str:
    lines = "cat <<X\nx\nX\n"
    for n in range(compounds):
        lines += f"if true; then cat <<A{n}; fi\nbody{n}\nA{n}\n"
    return (
        lines
        + "azure vm create web img u p --vm-name web1 --virtual-network-name net1 --location 'West US'\n"
    )


def test_the_line_past_the_limit_is_where_the_script_says_migcheck_stopped(tmp_path, monkeypatch):
    script = _script(LINES_READ_APART + 2)
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG001", "MIG203", dedent=False)
    stopped = 4 + 3 * LINES_READ_APART  # the line of the first compound not read apart
    assert where(result.findings) == [f"MIG001 deploy.sh:{stopped}:21"]
    [problem] = result.findings
    assert f"more lines than migcheck reads the way bash does: it reads {LINES_READ_APART} such lines" in (
        problem.message
    )
    assert "stops at this one" in problem.message
    assert "left open" not in problem.message


def test_lines_up_to_the_limit_are_read(tmp_path, monkeypatch):
    script = _script(LINES_READ_APART - 1)  # with the plain here-document above, the limit's lines
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG001", "MIG203", dedent=False)
    assert where(result.findings) == [f"MIG203 deploy.sh:{4 + 3 * (LINES_READ_APART - 1)}:1"]


def test_a_quote_left_open_after_here_documents_is_still_the_script_s_own_error(tmp_path, monkeypatch):
    script = _script(2) + "echo 'open\n"
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG001", dedent=False)
    [problem] = result.findings
    assert "cannot be parsed here" in problem.message or "never closes" in problem.message
