"""A name from a file never reaches a CI log as a command. Azure Pipelines' agent runs a `##vso[` found
anywhere in a line, GitHub's runner a `##[` anywhere and a `::` that starts a line after white space: in
role and service names, in file names (the first column of the text and concise reports, the readiness
summary's indented rows, `--show-files`), in source lines, plans, JUnit and the JSON reports, each is
escaped. The writers' own commands (`--format github`, `--format azure`) still start their lines."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest

from migcheck.cli import main
from migcheck.report.stream import json_text
from migcheck.visible import visible

AZURE_NAME = "Web##vso[task.setvariable variable=MIGCHECK_FORGED]yes"
GITHUB_NAME = "::error title=Forged::all clear"
CSCFG = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<ServiceConfiguration serviceName="{service}" osFamily="6" osVersion="*"\n'
    '    xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">\n'
    '  <Role name="{role}">\n'
    '    <Instances count="1" />\n'
    "  </Role>\n"
    "</ServiceConfiguration>\n"
)
# A script that creates a VM outside any network: the plan quotes the service's name in its commands.
SCRIPT = (
    "Import-Module Azure\n"
    '$vm = New-AzureVMConfig -Name "vm01" -InstanceSize Small -ImageName $img\n'
    'New-AzureVM -ServiceName "{service}" -VMs $vm -Location "West Europe"\n'
)
AZURE_FILE = "x##vso[task.complete result=Failed]y.cscfg"
GITHUB_FILE = "::notice title=n::forged.cscfg"
CHECK_FORMATS = ["text", "concise", "github", "azure", "junit", "json", "report-json", "sarif", "gitlab"]
needs_colons = pytest.mark.skipif(sys.platform == "win32", reason="Windows file names cannot hold `:`")


def forged(line: str, fmt: str) -> list[str]:
    """The CI log commands in `line` that the writer of `fmt` did not put there itself."""
    found = []
    own_azure = fmt == "azure" and line.startswith("##vso[task.logissue ")
    vso = [m.start() for m in re.finditer(r"(?i)##vso\[", line)]
    found += [f"##vso[ at {at}" for at in vso if not (own_azure and at == 0)]
    found += [f"##[ at {m.start()}" for m in re.finditer(r"##\[", line)]
    own_github = fmt == "github" and re.match(r"::(error|warning|notice) file=", line)
    if line.lstrip().startswith("::") and not own_github:
        found.append("a leading ::")
    return found


def forged_lines(out: str, fmt: str) -> list[str]:
    return [line for line in out.splitlines() if forged(line, fmt)]


@pytest.fixture
def hostile_names(tmp_path: Path, monkeypatch) -> Path:
    """Services and roles named as commands of both CI services, in a folder that is the working one."""
    (tmp_path / "vso").mkdir()
    (tmp_path / "gh").mkdir()
    (tmp_path / "vso" / "ServiceConfiguration.Cloud.cscfg").write_text(
        CSCFG.format(service="shop", role=AZURE_NAME), encoding="utf-8"
    )
    (tmp_path / "gh" / "ServiceConfiguration.Cloud.cscfg").write_text(
        CSCFG.format(service=GITHUB_NAME, role="::warning::role"), encoding="utf-8"
    )
    (tmp_path / "deploy.ps1").write_text(SCRIPT.format(service=AZURE_NAME), encoding="utf-8")
    (tmp_path / "create.ps1").write_text(SCRIPT.format(service=GITHUB_NAME), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def hostile_file_names(hostile_names: Path) -> Path:
    """And files named so: one at the top of the working folder, whose name starts the report's lines."""
    (hostile_names / "vso" / AZURE_FILE).write_text(
        CSCFG.format(service="other", role="Worker"), encoding="utf-8"
    )
    (hostile_names / GITHUB_FILE).write_text("<x\n", encoding="utf-8")
    return hostile_names


@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_no_report_carries_a_command_from_a_name(hostile_names, capsys, fmt):
    main(["check", ".", "--format", fmt])
    out = capsys.readouterr().out
    assert "MIGCHECK_FORGED" in out and "Forged" in out  # the names are shown, escaped
    assert forged_lines(out, fmt) == []


@needs_colons
@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_no_report_carries_a_command_from_a_file_name(hostile_file_names, capsys, fmt):
    main(["check", ".", "--format", fmt])
    out = capsys.readouterr().out
    assert "forged.cscfg" in unquote(out) and "result=Failed" in unquote(out)  # SARIF writes URIs
    assert forged_lines(out, fmt) == []


@needs_colons
def test_a_file_name_that_starts_a_line_is_shown_escaped(hostile_file_names, capsys):
    main(["check", ".", "--format", "concise"])
    out = capsys.readouterr().out
    assert ":\\x3anotice title=n::forged.cscfg:2:1: MIG001" in out
    assert "vso/x#\\x23vso[task.complete result=Failed]y.cscfg" in out


def test_the_readiness_summary_row_of_a_service_named_as_a_command_is_escaped(hostile_names, capsys):
    main(["check", "gh"])
    out = capsys.readouterr().out
    assert "    :\\x3aerror title=Forged::all clear (1 web/worker role)" in out
    assert forged_lines(out, "text") == []


def test_source_lines_show_a_command_escaped(hostile_names, capsys):
    main(["check", "vso"])
    out = capsys.readouterr().out
    assert '<Role name="Web#\\x23vso[task.setvariable variable=MIGCHECK_FORGED]yes">' in out


@needs_colons
def test_show_files_lists_a_name_that_starts_a_line_escaped(hostile_file_names, capsys):
    main(["check", ".", "--show-files"])
    out = capsys.readouterr().out
    assert ":\\x3anotice title=n::forged.cscfg\n" in out
    assert forged_lines(out, "text") == []


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_no_plan_carries_a_command_from_a_name(hostile_names, capsys, fmt):
    main(["plan", ".", "--format", fmt])
    out = capsys.readouterr().out
    assert "MIGCHECK_FORGED" in out and "Forged" in out
    assert forged_lines(out, fmt) == []


def test_the_ci_writers_own_commands_still_start_their_lines(hostile_names, capsys):
    main(["check", "vso", "gh", "--format", "azure"])
    azure = capsys.readouterr().out.splitlines()
    main(["check", "vso", "gh", "--format", "github"])
    github = capsys.readouterr().out.splitlines()
    assert sum(line.startswith("##vso[task.logissue type=error;") for line in azure) == 2
    assert sum(line.startswith("::error file=") for line in github) == 2
    assert any("Web#\\x23vso[task.setvariable" in line for line in azure)
    # In a command's data, not at a line's start: shown as it is.
    assert any("cloud service '::error title=Forged::all clear'" in line for line in github)


def test_json_reports_escape_a_command_as_json_and_read_back_the_same():
    value = {"role": AZURE_NAME, "legacy": "a##[error]b", "case": "##VSO[x]"}
    text = json_text(value, indent=2)
    assert "##" not in text.replace("#\\u0023", "")
    assert json.loads(text) == value


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (AZURE_NAME, "Web#\\x23vso[task.setvariable variable=MIGCHECK_FORGED]yes"),
        ("a##[error]b", "a#\\x23[error]b"),
        ("###vso[x]", "##\\x23vso[x]"),
        ("##VSO[x]", "#\\x23VSO[x]"),
        (GITHUB_NAME, ":\\x3aerror title=Forged::all clear"),
        ("  ::warning::x", "  :\\x3awarning::x"),
        ("\t\u00a0::x", "\t\u00a0:\\x3ax"),
        ("\n::x", "\\x0a::x"),  # the line break is escaped: the `::` no longer starts a line
        ("gh/::notice", "gh/::notice"),  # not at a line's start
        ("a # b ## c [d]", "a # b ## c [d]"),
    ],
)
def test_visible_breaks_every_ci_log_command_and_nothing_else(text, shown):
    assert visible(text) == shown
    assert visible(shown) == shown  # showing twice shows the same
