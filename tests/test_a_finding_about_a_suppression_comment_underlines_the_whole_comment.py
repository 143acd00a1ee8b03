"""A finding about a suppression comment itself (MIG005, MIG006) underlines the whole comment, from its
opener to its end (`-->`, `#>`, the end of a line comment), in every format that shows a range: JSON's
end_line/end_column, SARIF's region, the text report's carets and the editor's diagnostic, where each
underlined only the opener's first character."""

from __future__ import annotations

import json

import pytest
from lint_support import APP_VNET_NETCFG, run_cli

TYPO = "migcheck: ignore[MIG2O4] typo"

CASES = {  # name: (text, the comment as written)
    "NetworkConfig.netcfg": (
        APP_VNET_NETCFG.replace("<Subnets>", f"<!-- {TYPO} -->\n      <Subnets>"),
        f"<!-- {TYPO} -->",
    ),
    "deploy.ps1": (f"Import-Module Azure\n  # {TYPO}   \nGet-AzureVM -ServiceName svc\n", f"# {TYPO}"),
    "block.ps1": (f"<# {TYPO} #>\nGet-AzureVM -ServiceName svc\n", f"<# {TYPO} #>"),
    "deploy.sh": (f"azure config mode asm\n# {TYPO}\nazure vm list\n", f"# {TYPO}"),
    "deploy.py": (
        f'import subprocess\nsubprocess.check_call(["azure", "vm", "list"])  # {TYPO}\n',
        f"# {TYPO}",
    ),
}


def _written_at(name: str) -> tuple[str, int, int]:
    """The comment of case `name`, and its 1-based line and column."""
    text, comment = CASES[name]
    line = next(n for n, written in enumerate(text.splitlines(), 1) if comment in written)
    return comment, line, text.splitlines()[line - 1].index(comment) + 1


@pytest.fixture
def checked(tmp_path, monkeypatch):
    for name, (text, _) in CASES.items():
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("name", sorted(CASES))
def test_json_and_sarif_give_the_comment_s_whole_range(checked, capsys, name):
    text, line, column = _written_at(name)
    _, out, _ = run_cli(capsys, "check", name, "--format", "json")
    (finding,) = [f for f in json.loads(out) if f["code"] == "MIG005"]
    where = (finding["line"], finding["column"], finding["end_line"], finding["end_column"])
    assert where == (line, column, line, column + len(text))
    _, out, _ = run_cli(capsys, "check", name, "--format", "sarif")
    (result,) = [r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "MIG005"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == where


def test_the_text_report_underlines_the_whole_comment(checked, capsys):
    _, out, _ = run_cli(capsys, "check", "NetworkConfig.netcfg")
    text, line, _ = _written_at("NetworkConfig.netcfg")
    shown = out.splitlines()
    at = shown.index(f"{line} |       {text}")
    assert shown[at + 1] == f"  |       {'^' * len(text)}"


def test_an_idle_comment_is_underlined_whole_too(tmp_path, monkeypatch, capsys):
    comment = "<!-- migcheck: ignore[MIG201] no acl here -->"
    (tmp_path / "NetworkConfig.netcfg").write_text(
        APP_VNET_NETCFG.replace("<Subnets>", f"{comment}\n<Subnets>")
    )
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".", "--format", "json")
    (finding,) = [f for f in json.loads(out) if f["code"] == "MIG006"]
    assert finding["end_column"] - finding["column"] == len(comment)


def test_a_comment_over_several_lines_is_underlined_to_its_end(tmp_path, monkeypatch, capsys):
    netcfg = APP_VNET_NETCFG.replace(
        "<Subnets>", "<!-- migcheck: ignore[MIG2O4]\n        typo -->\n      <Subnets>"
    )
    (tmp_path / "NetworkConfig.netcfg").write_text(netcfg)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".", "--format", "json")
    (finding,) = [f for f in json.loads(out) if f["code"] == "MIG005"]
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (5, 7, 6, 17)


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_a_line_comment_ends_at_its_line_s_end_whatever_the_ending(tmp_path, monkeypatch, capsys, ending):
    text, comment = CASES["deploy.sh"]
    (tmp_path / "deploy.sh").write_bytes(text.replace("\n", ending).encode())
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", "deploy.sh", "--format", "json")
    (finding,) = [f for f in json.loads(out) if f["code"] == "MIG005"]
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (
        2,
        1,
        2,
        1 + len(comment),
    )
