"""The Markdown plan shows the code its messages and advice quote (`&lt;`, `New-AzMetricAlertRuleV2`) as code
spans, where a reader saw escaped backticks around it; a backtick that opens no such span stays escaped, and
text from the files never becomes Markdown or HTML: a name holding backticks and tags is shown as written."""

from __future__ import annotations

import re

import pytest
from lint_support import APP_VNET_NETCFG, run_cli

from migcheck.report.plan_format import _md_prose

# A value with a `<` in it: MIG001, whose message and advice quote `<` and `&lt;`.
UNREAD = APP_VNET_NETCFG.replace('name="web"', 'name="web<1>"')
# A network whose name holds backticks around tags, bound to an affinity group: MIG303 quotes the name.
HOSTILE = "`&lt;b&gt;hi&lt;/b&gt;` (`&lt;i&gt;x&lt;/i&gt;`)"
HOSTILE_NETCFG = APP_VNET_NETCFG.replace('Location="North Europe"', 'AffinityGroup="ag"').replace(
    "app-vnet", HOSTILE
)
SPANS = re.compile(r"(`+) .*? \1|(`+)[^`]+?\2")


def _markdown(tmp_path, monkeypatch, capsys, text: str) -> list[str]:
    (tmp_path / "NetworkConfig.netcfg").write_text(text)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "markdown")
    return out.splitlines()


def test_a_message_and_its_advice_show_their_code_as_code(tmp_path, monkeypatch, capsys):
    lines = _markdown(tmp_path, monkeypatch, capsys, UNREAD)
    unread = next(line for line in lines if " MIG001: " in line)
    assert "not well-formed XML: a `<` inside an attribute's value" in unread
    fix = next(line for line in lines if line.startswith("  - **Fix:** "))
    assert fix.startswith(
        "  - **Fix:** Write `&lt;` for a `<` in a value (a placeholder such as \\<YourValue\\> "
    )
    assert "\\`" not in "\n".join(lines)


def test_a_name_from_the_files_stays_escaped_backticks_and_tags_alike(tmp_path, monkeypatch, capsys):
    lines = _markdown(tmp_path, monkeypatch, capsys, HOSTILE_NETCFG)
    note = next(line for line in lines if " MIG303 " in line)
    assert "virtual network '\\`\\<b\\>hi\\</b\\>\\` (\\`\\<i\\>x\\</i\\>\\`)' is bound" in note
    prose = [line for line in lines if line.startswith(("- ", "  - ", "### "))]
    for line in prose:  # outside code spans, no tag is left to a renderer
        assert "<" not in SPANS.sub("", line.replace("\\<", "")), line


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("run `az graph query`, or export", "run `az graph query`, or export"),
        ("(`New-AzMetricAlertRuleV2` or the portal)", "(`New-AzMetricAlertRuleV2` or the portal)"),
        ("a lone ` backtick", "a lone \\` backtick"),
        ("inside a`word` only", "inside a\\`word\\` only"),
        ("a quoted '`<b>`' name", "a quoted '\\`\\<b\\>\\`' name"),
        ("two ``runs`` of them", "two \\`\\`runs\\`\\` of them"),
        ("an empty `` span", "an empty \\`\\` span"),
        ("`<script>` first", "`<script>` first"),
        ("a line\nbreak `x\ny`", "a line\\\\x0abreak `x\\x0ay`"),  # no line break: shown as \x0a
    ],
)
def test_only_a_balanced_span_of_words_is_code(text, shown):
    assert _md_prose(text) == shown
