"""The HTML plan shows the code its messages, notes and advice quote (`&lt;`, `migcheck check --verbose`) in
<code>, as the Markdown plan shows it as code spans, where a reader saw the backticks: in blockers and their
fix, in a step's notes and the notes outside the steps, in the words before the first step and in the
heading of the parts not read. A backtick that opens no span stays as it is, and text from the files never
becomes HTML: a name holding backticks and tags is shown as written."""

from __future__ import annotations

import pytest
from lint_support import run_cli
from test_a_markdown_plan_shows_the_code_in_its_messages_as_code import HOSTILE_NETCFG, UNREAD

from migcheck.report.plan_html import _prose

# A script whose request to a URL not stated is a part not read: the heading of those parts quotes a command.
UNREAD_PART = (
    '$mgmtUrl = $args[0]\nInvoke-RestMethod -Uri "$mgmtUrl/services/hostedservices/shop" -Method Delete\n'
)


def _html(tmp_path, monkeypatch, capsys, files: dict[str, str]) -> str:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "html")
    return out


def _outside_commands(page: str) -> str:
    """The page without its command blocks, whose code is shown as written, backticks and all."""
    return "".join(part.split("</pre>", 1)[-1] for part in page.split("<pre"))


def test_a_blocker_and_its_fix_show_their_code_as_code(tmp_path, monkeypatch, capsys):
    page = _html(tmp_path, monkeypatch, capsys, {"NetworkConfig.netcfg": UNREAD})
    assert "not well-formed XML: a <code>&lt;</code> inside an attribute&#x27;s value" in page
    assert "Fix: Write <code>&amp;lt;</code> for a <code>&lt;</code> in a value" in page
    assert "`" not in _outside_commands(page)


def test_the_heading_of_the_parts_not_read_shows_its_command_as_code(tmp_path, monkeypatch, capsys):
    page = _html(tmp_path, monkeypatch, capsys, {"deploy.ps1": UNREAD_PART})
    assert "<code>migcheck check --verbose</code> says why" in page
    assert "`" not in _outside_commands(page)


def test_a_name_from_the_files_in_a_note_stays_as_written(tmp_path, monkeypatch, capsys):
    page = _html(tmp_path, monkeypatch, capsys, {"NetworkConfig.netcfg": HOSTILE_NETCFG})
    note = next(line for line in page.splitlines() if "MIG303" in line)
    assert "virtual network &#x27;`&lt;b&gt;hi&lt;/b&gt;` (`&lt;i&gt;x&lt;/i&gt;`)&#x27; is bound" in note
    assert "<b>" not in page and "<i>" not in page


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("run `az graph query`, or export", "run <code>az graph query</code>, or export"),
        ("(`New-AzMetricAlertRuleV2` or the portal)", "(<code>New-AzMetricAlertRuleV2</code> or the portal)"),
        ("a lone ` backtick", "a lone ` backtick"),
        ("inside a`word` only", "inside a`word` only"),
        ("a quoted '`<b>`' name", "a quoted &#x27;`&lt;b&gt;`&#x27; name"),
        ("two ``runs`` of them", "two ``runs`` of them"),
        ("`<script>` first", "<code>&lt;script&gt;</code> first"),
    ],
)
def test_only_a_balanced_span_of_words_is_code(text, shown):
    assert _prose(text) == shown
