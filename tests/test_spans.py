"""Where findings start and end, as editors and SARIF viewers highlight them: a start tag written over
several lines with a `>` in a quoted value, and a PowerShell command named with its module."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules

CSCFG = """\
<ServiceConfiguration serviceName="shop"
    xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2" /></Role>
  <NetworkConfiguration>
    <AccessControls>
      <AccessControl name="office">
        <Rule action="permit" description="{description}" order="100" remoteSubnet="10.0.0.0/8" />
      </AccessControl>
    </AccessControls>
    <EndpointAcls>
      <EndpointAcl role="Web"
                   note="{note}"
                   endPoint="HttpIn" accessControl="office" />
    </EndpointAcls>
  </NetworkConfiguration>
</ServiceConfiguration>
"""


def _spans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, code: str) -> list[tuple]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(select=(code,)), load_rules(entry_points=False))
    return [
        (f.location.line, f.location.column, f.location.end_line, f.location.end_column)
        for f in result.findings
    ]


@pytest.mark.parametrize("note", ["a > b", "a &gt; b", "->", "plain"])
def test_a_start_tag_over_lines_with_a_closing_bracket_in_a_value_is_found_at_its_start(
    tmp_path, monkeypatch, note
):
    text = CSCFG.format(description="x", note=note)
    spans = _spans(tmp_path, monkeypatch, "ServiceConfiguration.Cloud.cscfg", text, "MIG201")
    assert spans == [(11, 7, 13, 63)]


def test_a_closing_bracket_in_a_value_of_an_earlier_tag_on_the_line_does_not_move_the_finding(
    tmp_path, monkeypatch
):
    text = CSCFG.format(description="x", note="a > b").replace(
        "<EndpointAcls>\n      <EndpointAcl", '<EndpointAcls t="1 > 0"><EndpointAcl'
    )
    spans = _spans(tmp_path, monkeypatch, "ServiceConfiguration.Cloud.cscfg", text, "MIG201")
    assert spans == [(10, 29, 12, 63)]


@pytest.mark.parametrize(
    ("script", "span"),
    [
        ('$vm = Azure\\Get-AzureVM -ServiceName "s" -Name "v"\n', (1, 7, 1, 24)),
        ('$vm = Get-AzureVM -ServiceName "s" -Name "v"\n', (1, 7, 1, 18)),
    ],
)
def test_a_command_named_with_its_module_is_spanned_whole(tmp_path, monkeypatch, script, span):
    assert _spans(tmp_path, monkeypatch, "s.ps1", script, "MIG601") == [span]
