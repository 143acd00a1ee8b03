"""The command line's public contract: exit codes, formats, messages."""

from __future__ import annotations

import io
import json
import textwrap

import pytest

from migcheck.cli import main

CSDEF = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small"/>
</ServiceDefinition>
"""
VM = """\
<PersistentVM>
  <RoleName>app01</RoleName>
  <ConfigurationSets>
    <ConfigurationSet>
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <SubnetNames><string>A</string><string>B</string></SubnetNames>
    </ConfigurationSet>
  </ConfigurationSets>
</PersistentVM>
"""


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "ServiceDefinition.csdef").write_text(CSDEF)
    (tmp_path / "vms").mkdir()
    (tmp_path / "vms" / "app01.xml").write_text(VM)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_findings_exit_1_with_text_report(repo, capsys):
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert "shop/ServiceDefinition.csdef:2:3: MIG101 [error] cloud service 'shop' has a WebRole 'Web'" in out
    assert '2 |   <WebRole name="Web" vmsize="Small"/>\n  |   ^\n' in out
    assert "= help: " in out
    assert out.rstrip().endswith("Found 2 findings in 2 files: 2 errors.")


def test_json_is_the_documented_contract(repo, capsys):
    code, out, _ = run(capsys, "check", "--format", "json")
    findings = json.loads(out)
    assert code == 1
    assert [(f["path"], f["line"], f["column"], f["code"]) for f in findings] == [
        ("shop/ServiceDefinition.csdef", 2, 3, "MIG101"),
        ("vms/app01.xml", 6, 38, "MIG202"),
    ]
    assert findings[1]["resource"] == {"type": "Role", "name": "app01"}
    assert set(findings[0]) >= {
        "code",
        "name",
        "severity",
        "message",
        "path",
        "line",
        "column",
        "resource",
        "fix",
    }


def test_fail_on_and_ignore_change_the_exit_code(repo, capsys):
    assert run(capsys, "check", "--ignore", "MIG101,multiple-subnets")[0] == 0
    assert run(capsys, "check", "--select", "MIG202", "--fail-on", "error")[0] == 1


def test_severity_override_below_fail_on_passes(repo, capsys):
    (repo / "pyproject.toml").write_text('[tool.migcheck.severity]\nMIG1 = "warning"\nMIG2 = "info"\n')
    code, out, _ = run(capsys, "check")
    assert code == 0
    assert "[warning]" in out and "[info]" in out


def test_clean_run_says_so(repo, capsys):
    code, out, _ = run(capsys, "check", "vms", "--ignore", "MIG2")
    assert code == 0
    assert out.endswith("vms (1 VM)  Validation passed\n\nAll clear: no findings in 1 file.\n")


def test_explicit_non_classic_file_is_reported(repo, capsys):
    (repo / "notes.xml").write_text("<project/>")
    code, out, _ = run(capsys, "check", "notes.xml", "--format", "concise")
    assert "notes.xml:1:1: MIG002 [warning]" in out
    assert code == 0


@pytest.mark.parametrize("name", ["deploy.py", "README", "notes.txt"])
def test_an_explicit_file_that_is_not_xml_is_not_classic_rather_than_broken(repo, capsys, name):
    (repo / name).write_text("import os\nprint(os.getcwd())\n")
    code, out, _ = run(capsys, "check", name, "--format", "concise")
    what = {
        "deploy.py": "a .py file that does not use the Service Management SDK",
        "notes.txt": "a .txt file that does not hold XML",
        "README": "a file that does not hold XML",
    }[name]
    assert out.splitlines()[0] == f"{name}:1:1: MIG002 [warning] not a classic Azure file: {what}"
    assert code == 0


@pytest.mark.parametrize("name", ["broken.xml", "broken.txt", "-"])
def test_an_explicit_file_holding_broken_xml_is_a_syntax_error(repo, capsys, monkeypatch, name):
    text = "<ServiceConfiguration>\n  <Role>\n"
    if name == "-":
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    else:
        (repo / name).write_text(text)
    code, out, _ = run(capsys, "check", name, "--format", "concise")
    assert " MIG001 [error] not well-formed XML" in out.splitlines()[0]
    assert code == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "--format", "yaml"], "unknown format 'yaml'"),
        (["check", "--select", "MIG999"], "unknown rule 'MIG999'"),
        (["rule", "no-such-rule"], "no rule 'no-such-rule'"),
        (["check", "--config", "missing.toml"], "cannot read config file missing.toml"),
    ],
)
def test_usage_errors_exit_2_with_a_message(repo, capsys, argv, message):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.startswith("migcheck: error: ") and message in err
    assert "Traceback" not in err


def test_bad_config_exits_2(repo, capsys):
    (repo / "pyproject.toml").write_text("[tool.migcheck]\nfail_on = 'error'\n")
    code, _, err = run(capsys, "check")
    assert code == 2
    assert "unknown setting `fail_on` (did you mean `fail-on`?)" in err


def test_rule_docs_and_list(capsys):
    code, out, _ = run(capsys, "rule", "endpoint-acl")
    assert code == 0
    for section in (
        "## MIG201 endpoint-acl",
        "### What it finds",
        "### Why it blocks migration",
        "### How to fix",
    ):
        assert section in out
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "MIG201  endpoint-acl" in out


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("migcheck ")


def test_inline_suppression_is_counted(repo, capsys):
    (repo / "shop" / "ServiceDefinition.csdef").write_text(
        textwrap.dedent(
            """\
            <ServiceDefinition name="shop">
              <!-- migcheck: ignore[MIG101] moving to extended support next quarter -->
              <WebRole name="Web" vmsize="Small"/>
            </ServiceDefinition>
            """
        )
    )
    code, out, _ = run(capsys, "check", "shop")
    assert code == 0
    assert "(1 suppressed)" in out


def test_refused_dtd_says_what_to_do(repo, capsys):
    (repo / "shop" / "ServiceDefinition.csdef").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<ServiceDefinition name="shop"/>\n'
    )
    code, out, _ = run(capsys, "check", "shop")
    assert code == 1
    assert "shop/ServiceDefinition.csdef:2:1: MIG001 [error] refused: the document declares a DTD" in out
    assert "= help: Remove the <!DOCTYPE> declaration: classic files never need one." in out


def test_a_path_that_is_not_there_is_a_usage_error(repo, capsys):
    code, out, err = run(capsys, "check", "shop", "typo.cscfg")
    assert (code, out) == (2, "")
    assert err == "migcheck: error: no such file or folder: typo.cscfg\n"


def test_a_folder_without_classic_files_warns(repo, capsys):
    (repo / "docs").mkdir()
    code, out, err = run(capsys, "check", "docs")
    assert code == 0
    assert out.startswith("All clear: no findings in 0 files.")
    assert "migcheck: warning: no classic Azure files under docs" in err


def test_colour_only_for_terminals_and_never_with_no_color(repo, capsys, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    _, plain, _ = run(capsys, "check", "shop")  # captured output is not a terminal
    assert "\x1b[" not in plain
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, coloured, _ = run(capsys, "check", "shop", "--format", "concise")
    assert "\x1b[1;31mMIG101 [error]\x1b[0m" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    _, plain_again, _ = run(capsys, "check", "shop")
    assert plain_again == plain


# --- paths relative to the config file, and .gitignore ---------------------------------------------------


def _findings(capsys, *argv):
    code = main(["check", "--format", "json", *argv])
    return code, json.loads(capsys.readouterr().out)


def test_a_run_from_a_subfolder_gives_the_findings_of_a_run_from_the_root(repo, capsys, monkeypatch):
    (repo / "pyproject.toml").write_text(
        textwrap.dedent(
            """\
            [tool.migcheck]
            exclude = ["/legacy/"]
            baseline = "ci/baseline.json"
            [tool.migcheck.per-file-ignores]
            "vms/*.xml" = ["MIG202"]
            """
        )
    )
    (repo / "legacy").mkdir()
    (repo / "legacy" / "old.csdef").write_text(CSDEF)
    (repo / "other").mkdir()
    (repo / "other" / "ServiceDefinition.csdef").write_text(CSDEF.replace("shop", "other"))
    # The baseline is written from the root and knows the other service's role.
    (repo / "ci").mkdir()
    main(["check", "other", "--write-baseline", "ci/baseline.json"])
    capsys.readouterr()
    assert '"path": "other/ServiceDefinition.csdef"' in (repo / "ci" / "baseline.json").read_text()

    from_root = _findings(capsys, ".")
    monkeypatch.chdir(repo / "shop")
    from_sub = _findings(capsys, "..")
    assert from_root[0] == from_sub[0] == 1
    assert [f["path"] for f in from_root[1]] == ["shop/ServiceDefinition.csdef"]
    assert [f["path"].removeprefix("../") for f in from_sub[1]] == ["shop/ServiceDefinition.csdef"]
    # and a baseline written from a subfolder records the same paths
    main(["check", "..", "--write-baseline", "../ci/again.json"])
    capsys.readouterr()
    assert (repo / "ci" / "again.json").read_text() == _rewritten(repo)


def _rewritten(repo):
    main(["check", "..", "--write-baseline", "../ci/check.json"])
    return (repo / "ci" / "check.json").read_text()


def test_gitignore_is_respected_unless_switched_off(repo, capsys):
    (repo / ".git").mkdir()
    (repo / ".gitignore").write_text("vms/\n")
    assert {f["path"] for f in _findings(capsys, ".")[1]} == {"shop/ServiceDefinition.csdef"}
    everything = {f["path"] for f in _findings(capsys, "--no-respect-gitignore", ".")[1]}
    assert everything == {"shop/ServiceDefinition.csdef", "vms/app01.xml"}
    (repo / "pyproject.toml").write_text("[tool.migcheck]\nrespect-gitignore = false\n")
    assert {f["path"] for f in _findings(capsys, ".")[1]} == everything
    # named explicitly, an ignored file is checked
    assert {f["path"] for f in _findings(capsys, "vms/app01.xml")[1]} == {"vms/app01.xml"}
