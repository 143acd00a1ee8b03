"""`## migcheck: ignore[...] reason`, styled as scripts often style section comments, is a directive as
`# migcheck: ...` is: applied where it stands, or reported; never passed over as prose."""

from __future__ import annotations

import pytest
from lint_support import lint_files
from test_suppression_comments_wherever_they_stand_are_applied_or_reported import (
    NETWORK,
    PYTHON_CREATE,
    PYTHON_HEAD,
    SHELL_CREATE,
    _script,
)

RULES = ("MIG005", "MIG006", "MIG202")


def _scripts(comment: str) -> dict[str, str]:
    return {
        "a.ps1": _script(comment),
        "a.sh": f"azure config mode asm\n{comment}\n{SHELL_CREATE}",
        "a.py": f"{PYTHON_HEAD}{comment}\n{PYTHON_CREATE}",
    }


def _lint(tmp_path, monkeypatch, name: str, text: str) -> tuple[list[str], list[str]]:
    result = lint_files(tmp_path, monkeypatch, {name: text, "NetworkConfig.netcfg": NETWORK}, *RULES)
    reported = [f"{f.code}@{f.mark.line}" for f in result.findings if f.mark.path == name]
    suppressed = [f"{s.finding.code}@{s.finding.mark.line}" for s in result.suppressed]
    return reported, suppressed


@pytest.mark.parametrize("hashes", ["##", "###"])
@pytest.mark.parametrize("name", ["a.ps1", "a.py", "a.sh"])
def test_a_directive_after_several_hashes_is_applied(tmp_path, monkeypatch, name, hashes):
    text = _scripts(f"{hashes} migcheck: ignore[MIG202] secondary subnet removed by OPS-7")[name]
    reported, suppressed = _lint(tmp_path, monkeypatch, name, text)
    assert reported == []
    assert [code.split("@")[0] for code in suppressed] == ["MIG202"]


@pytest.mark.parametrize("name", ["a.ps1", "a.py", "a.sh"])
def test_a_directive_after_several_hashes_naming_no_rule_is_reported(tmp_path, monkeypatch, name):
    text = _scripts("## migcheck: ignore[MIG2O2] secondary subnet removed by OPS-7")[name]
    reported, suppressed = _lint(tmp_path, monkeypatch, name, text)
    assert suppressed == []
    assert any(code.startswith("MIG005@") for code in reported)
