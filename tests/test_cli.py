"""The command line's public contract: exit codes, formats, messages."""

from __future__ import annotations

import contextlib
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
    # The whole start tag is underlined.
    assert '2 |   <WebRole name="Web" vmsize="Small"/>\n  |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n' in out
    assert "= help: " in out
    assert out.rstrip().endswith("Found 2 findings in 2 files: 2 errors.")


def test_json_is_the_documented_contract(repo, capsys):
    code, out, _ = run(capsys, "check", "--format", "json")
    findings = json.loads(out)
    assert code == 1
    assert [(f["path"], f["line"], f["column"], f["code"]) for f in findings] == [
        ("shop/ServiceDefinition.csdef", 2, 3, "MIG101"),
        ("vms/app01.xml", 6, 46, "MIG202"),
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
    # A part of the rules: the summary says how many graded the run. The VM is in a subnet of a network
    # the files do not name: no finding, and not decided either.
    assert out.endswith(
        "vms (1 VM)  Not decided: the network's definition is not in the files\n\n"
        "No findings in 1 file, checked by 35 of 45 rules.\n"
    )


def test_explicit_non_classic_file_is_reported(repo, capsys):
    (repo / "notes.xml").write_text("<project/>")
    code, out, _ = run(capsys, "check", "notes.xml", "--format", "concise")
    assert "notes.xml:1:1: MIG002 [warning]" in out
    assert code == 0


@pytest.mark.parametrize("name", ["README", "notes.txt"])
def test_an_explicit_file_that_is_not_xml_is_not_classic_rather_than_broken(repo, capsys, name):
    (repo / name).write_text("import os\nprint(os.getcwd())\n")
    code, out, _ = run(capsys, "check", name, "--format", "concise")
    what = {
        "notes.txt": "a .txt file that does not hold XML",
        "README": "a file that does not hold XML",
    }[name]
    assert out.splitlines()[0] == f"{name}:1:1: MIG002 [warning] not a file migcheck reads: {what}"
    assert code == 0
    _, out, _ = run(capsys, "check", name)
    assert "Ansible playbooks and task files (.yml, .yaml)" in out  # the kinds it does read, each of them


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
    assert err == (
        f"migcheck: error: no such file or folder: typo.cscfg (from {repo}); check the path, or run "
        "migcheck from the folder it is relative to\n"
    )


@pytest.mark.parametrize("command", ["check", "plan", "badge"])
def test_an_empty_path_is_said_to_be_empty(repo, capsys, command):
    code, out, err = run(capsys, command, "shop", "")
    assert (code, out) == (2, "")
    assert "no file or folder named (an empty path, '')" in err
    assert "no such file or folder" not in err


@pytest.mark.parametrize(
    ("argv", "advice"),
    [
        (["check", "--config", "missing.toml"], "; check its path and that you may read it\n"),
        (
            ["check", "--config", "other.toml"],
            "has a [tool] table with no [tool.migcheck]; write the settings at the top of the file, or in "
            "[tool.migcheck]\n",
        ),
        (
            ["check", "--baseline", "ci"],
            "cannot read baseline ci: not a regular file (a folder); only regular files are read; name a baseline file migcheck can read\n",
        ),
    ],
)
def test_a_usage_error_says_what_to_do(repo, capsys, argv, advice):
    (repo / "other.toml").write_text("[tool.other]\n")
    (repo / "ci").mkdir()
    code, _, err = run(capsys, *argv, "shop")
    assert code == 2 and err.endswith(advice)


def test_a_folder_without_classic_files_warns(repo, capsys):
    (repo / "docs").mkdir()
    code, out, err = run(capsys, "check", "docs")
    assert code == 0
    assert out == "Nothing checked: no classic files, so no findings.\n"
    assert "migcheck: warning: no classic Azure files under docs" in err
    assert (
        "inventory .json exports of classic resources or of those that depend on them, .ps1, .psm1 and .py scripts "
        "that use the classic APIs, .sh, .bash and .py scripts that run the classic CLI, Ansible "
        "playbooks and task files (.yml, .yaml) that run it or the classic azure module, such scripts with no "
        "extension whose #! line runs sh, bash, python or pwsh" in err
    )


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


# --- quiet, verbose, show-files, show-settings -------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "concise", "github", "azure"])
def test_quiet_prints_the_findings_and_nothing_else(repo, capsys, fmt):
    code, loud, _ = run(capsys, "check", "--format", fmt)
    quiet_code, quiet, err = run(capsys, "check", "--format", fmt, "-q")
    assert quiet_code == code == 1
    assert "Found 2 findings" in loud and "Found 2 findings" not in quiet
    assert "Readiness by migration scope" not in quiet
    assert quiet and loud.startswith(quiet)  # the same findings, in the same order
    assert err == ""


def test_quiet_leaves_documents_whole_and_drops_the_summary_beside_an_output_file(repo, capsys):
    _, loud, _ = run(capsys, "check", "--format", "json")
    _, quiet, _ = run(capsys, "check", "--format", "json", "--quiet")
    assert json.loads(quiet) == json.loads(loud)
    _, out, _ = run(capsys, "check", "-q", "--output-file", "report.txt")
    assert out == ""
    assert "MIG101" in (repo / "report.txt").read_text() and "Found" not in (repo / "report.txt").read_text()


def test_quiet_statistics_are_the_counts_only(repo, capsys):
    _, out, _ = run(capsys, "check", "--statistics", "-q")
    assert out.splitlines() == ["1  MIG101  web-worker-role [error]", "1  MIG202  multiple-subnets [error]"]


def test_quiet_and_verbose_exclude_each_other(repo, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["check", "-q", "-v"])
    assert exit_.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_verbose_names_the_settings_and_times_each_file_on_stderr(repo, capsys):
    (repo / "migcheck.toml").write_text('ignore = ["MIG202"]\n')
    code, out, err = run(capsys, "check", "-v", "--format", "concise")
    assert code == 1
    assert out.startswith("shop/ServiceDefinition.csdef:2:3: MIG101")
    lines = err.splitlines()
    assert lines[0] == f"migcheck: settings from migcheck.toml (paths in it are relative to {repo})"
    # Every file the walk reads; not the settings file, which declares no inventory: it is migcheck's own.
    read = ["shop/ServiceDefinition.csdef", "vms/app01.xml"]
    for n, (line, path) in enumerate(zip(lines[1:3], read, strict=True), 1):
        assert line.startswith(f"migcheck: [{n}/2] {path} (") and line.endswith(" ms)")
    assert lines[3].startswith("migcheck: read 2 files in ")


def test_verbose_says_where_a_script_holds_a_part_that_could_not_be_read(repo, capsys):
    """A dash escaped with a backtick is valid PowerShell the grammar cannot read: the VM's name is unknown,
    which no finding says, so --verbose does; a script read whole gets no such line."""
    (repo / "deploy.ps1").write_text(
        'New-AzureService -ServiceName svc9 -Location "West US"\n'
        "New-AzureQuickVM -Windows -ServiceName svc9 -Name `$vm1 -ImageName img -Password p -AdminUsername a\n"
    )
    (repo / "whole.ps1").write_text('New-AzureService -ServiceName svc8 -Location "West US"\n')
    _, _, err = run(capsys, "check", "-v", "deploy.ps1", "whole.ps1")
    assert (
        "migcheck: deploy.ps1:2:52: migcheck's parser cannot read this part of the script, from `$vm1` on, "
        "which PowerShell may well run: the names and values it states are unknown"
    ) in err
    assert "a backtick before a dash" not in err  # no cause the part may not have
    assert "whole.ps1:" not in err.replace("] whole.ps1 (", "")
    assert "migcheck: read 2 files in " in err
    _, _, err = run(capsys, "check", "-v", "whole.ps1")
    assert "migcheck: read 1 file in " in err


def test_verbose_without_a_settings_file_says_the_defaults_apply(repo, capsys):
    _, _, err = run(capsys, "check", "--verbose")
    assert err.startswith(
        f"migcheck: no migcheck.toml, nor pyproject.toml with a [tool.migcheck] table, in {repo} or above "
        "it: the defaults\n"
    )


def test_verbose_says_where_the_search_for_settings_started(repo, capsys):
    """At the folder the command names, not the working directory: a migcheck.toml placed there is used."""
    (repo / "pyproject.toml").write_text(
        "[tool.black]\n"
    )  # a pyproject.toml of another tool is no settings file
    _, _, err = run(capsys, "check", "shop", "--verbose")
    assert err.startswith(
        f"migcheck: no migcheck.toml, nor pyproject.toml with a [tool.migcheck] table, in {repo / 'shop'} or above it"
    )


def test_show_files_lists_what_a_check_reads_with_the_config_applied(repo, capsys):
    (repo / "notes.txt").write_text("not read")
    (repo / "legacy").mkdir()
    (repo / "legacy" / "old.cscfg").write_text("<ServiceConfiguration/>")
    (repo / "migcheck.toml").write_text('exclude = ["legacy/"]\n')
    code, out, _ = run(capsys, "check", "--show-files")
    assert code == 0
    assert out.splitlines() == ["shop/ServiceDefinition.csdef", "vms/app01.xml"]  # not the settings file
    _, out, _ = run(capsys, "check", "--show-files", "vms")
    assert out.splitlines() == ["vms/app01.xml"]


def test_show_files_and_show_settings_exclude_each_other(repo, capsys):
    with pytest.raises(SystemExit):
        main(["check", "--show-files", "--show-settings"])
    capsys.readouterr()


SETTINGS = """\
select = ["MIG"]
ignore = "MIG402"
fail-on = " Warning "
exclude = ["legacy/", "*.Local.cscfg"]
baseline = "known.json"

[per-file-ignores]
"sandbox/**" = ["MIG201", "multiple-subnets"]
"tab\\tkey" = ["ALL"]

[severity]
MIG105 = "error"

[subscriptions]
prod = ["infra/prod/**"]

[inventory]
subscription = "prod"

[[inventory.vnet-peerings]]
vnet = "a"
peer = "b"
"""


def test_show_settings_prints_a_config_that_gives_the_same_settings(repo, capsys):
    from migcheck.config import load_config
    from migcheck.model import Severity

    (repo / "migcheck.toml").write_text(SETTINGS)
    code, out, _ = run(capsys, "check", "--show-settings", "--ignore", "MIG401", "--fail-on", "error")
    assert code == 0
    assert out.startswith(f"# settings from migcheck.toml (paths in it are relative to {repo})\n")
    assert "# rules that run: " in out
    expected = load_config("migcheck.toml").with_overrides(
        ignore=("MIG402", "MIG401"), fail_on=Severity.ERROR
    )
    # The same settings, from the file printed in its place: the baseline is written relative to the
    # settings' folder, as the header says its paths are, so the file holds on any checkout.
    (repo / "migcheck.toml").write_text(out)
    assert load_config("migcheck.toml") == expected
    assert '\nbaseline = "known.json"\n' in out


def test_show_settings_printed_and_saved_holds_no_declarations_to_check(repo, capsys):
    """`inventory = {}` declares nothing: a settings file saved from `--show-settings` is not counted as a
    file of declarations checked."""
    _, out, _ = run(capsys, "check", "--show-settings")
    assert "inventory = {}" in out
    _, before, _ = run(capsys, "check", "--format", "concise")
    (repo / "shown.toml").write_text(out)
    _, after, _ = run(capsys, "check", "--format", "concise")
    counted = [out.splitlines()[-1].split(" (of ")[0].split(":")[0] for out in (before, after)]
    assert counted[0] == counted[1]  # read, it describes nothing classic: not counted


def test_show_settings_with_defaults_is_valid_toml_of_every_key(repo, capsys):
    from migcheck.config import _KEYS, tomllib

    _, out, _ = run(capsys, "check", "--show-settings")
    assert out.startswith("# no migcheck.toml, nor pyproject.toml with a [tool.migcheck] table, in ")
    table = tomllib.loads(out)
    assert set(table) == set(_KEYS) - {"baseline"}  # no baseline: the key is left out
    assert table["fail-on"] == "error" and table["respect-gitignore"] is True


def test_show_settings_with_defaults_gives_the_same_run_when_saved(repo, capsys, tmp_path_factory):
    """No settings file selects every rule: shown as `select = ["ALL"]`, since the `select = []` it
    printed is refused in a config (an empty selection would read as none)."""
    from dataclasses import replace

    from migcheck.config import Config, enabled_codes, load_config
    from migcheck.plugins import load_rules

    _, out, _ = run(capsys, "check", "--show-settings", "--ignore", "MIG401")
    assert 'select = ["ALL"]' in out
    elsewhere = tmp_path_factory.mktemp("saved")
    (elsewhere / "migcheck.toml").write_text(out)
    assert (
        run(capsys, "check", "--config", str(elsewhere / "migcheck.toml"), ".")[:2]
        == run(capsys, "check", "--ignore", "MIG401", ".")[:2]
    )
    shown, rules = load_config(str(elsewhere / "migcheck.toml")), load_rules()
    assert enabled_codes(rules, shown.select, shown.ignore) == enabled_codes(rules, (), ("MIG401",))
    defaults = Config(ignore=("MIG401",))
    assert replace(shown, select=(), source="", root="") == replace(defaults, source="", root="")


def test_show_settings_breaks_a_ci_log_command_in_a_setting_and_reads_back_the_same(repo, capsys):
    """A pattern from a committed migcheck.toml holding `##vso[` is printed with its second `#` escaped:
    Azure Pipelines obeys the command anywhere in a line, even inside a quoted TOML string."""
    from migcheck.config import load_config

    command = "##vso[task.setvariable variable=P]1"
    (repo / "migcheck.toml").write_text(f"exclude = ['{command}', 'x/##[error]y']\n")
    _, out, _ = run(capsys, "check", "--show-settings")
    assert "##" not in out
    assert 'exclude = ["#\\u0023vso[task.setvariable variable=P]1", "x/#\\u0023[error]y"]' in out
    (repo / "shown.toml").write_text(out)
    assert load_config("shown.toml").exclude == (command, "x/##[error]y")


# --- which settings file a run reads -------------------------------------------------------------------


def _unnamed_left_out(out: str, code: str = "MIG101") -> str:
    """`out` but where it names `code` as the rule the settings left out (`checked by 44 of 45 rules (not
    MIG101)`, `the config left out MIG101`)."""
    return out.replace(f"not {code}", "").replace(f"left out {code}", "")


def test_settings_are_found_from_the_folder_checked_not_the_working_directory(repo, capsys):
    """`migcheck check shop` from the parent reads shop's own settings, as `cd shop && migcheck check`
    does; the parent's settings hold only when no nearer file does."""
    (repo / "migcheck.toml").write_text('ignore = ["MIG202"]\n')
    (repo / "shop" / "migcheck.toml").write_text('ignore = ["MIG101"]\n')
    for command in (("check", "shop"), ("plan", "shop"), ("check", "shop/ServiceDefinition.csdef")):
        code, out, _ = run(capsys, *command)
        assert "MIG101" not in _unnamed_left_out(out), command
    code, out, _ = run(capsys, "check", "vms")  # no settings in vms/: the parent's apply
    assert code == 0 and "MIG202" not in _unnamed_left_out(out, "MIG202")


def test_settings_of_paths_in_two_folders_are_those_of_the_folder_holding_both(repo, capsys):
    (repo / "shop" / "migcheck.toml").write_text('ignore = ["MIG101"]\n')
    code, out, _ = run(capsys, "check", "shop", "vms", "--show-settings")
    assert code == 0 and out.startswith(
        "# no migcheck.toml, nor pyproject.toml with a [tool.migcheck] table, in "
    )


def test_settings_of_an_editor_buffer_are_those_of_its_file(repo, capsys, monkeypatch):
    import sys

    (repo / "shop" / "migcheck.toml").write_text('ignore = ["MIG101"]\n')
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(CSDEF.encode())))
    code, out, _ = run(capsys, "check", "--stdin-filename", "shop/ServiceDefinition.csdef", "-")
    assert code == 0 and "MIG101" not in _unnamed_left_out(out)


def test_settings_of_another_repository_are_its_own(repo, capsys, tmp_path_factory, monkeypatch):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.chdir(elsewhere)
    (repo / "pyproject.toml").write_text('[tool.migcheck]\nignore = ["MIG101", "MIG202"]\n')
    code, out, _ = run(capsys, "check", str(repo))
    assert code == 0, out


# --- rules --format json ----------------------------------------------------------------------------


def test_rules_json_lists_every_rule_with_its_documentation(capsys):
    from migcheck.plugins import load_rules

    code, out, _ = run(capsys, "rules", "--format", "json")
    rules = json.loads(out)
    assert code == 0
    assert [r["code"] for r in rules] == [r.code for r in load_rules()]
    acl = next(r for r in rules if r["code"] == "MIG201")
    assert acl["name"] == "endpoint-acl" and acl["severity"] == "error"
    assert acl["scope"] in {
        "cloud-services",
        "virtual-networks",
        "files",
        "storage",
        "unattached",
        "automation",
    }
    assert acl["docs"] == "docs/rules.md#mig201-endpoint-acl"
    assert acl["documentation"].startswith("## MIG201 endpoint-acl")
    assert set(acl) == {
        "code",
        "name",
        "severity",
        "scope",
        "found_at",
        "summary",
        "file_kinds",
        "docs",
        "documentation",
    }
    found_at = {rule["code"]: rule["found_at"] for rule in rules}
    assert found_at["MIG201"] == "Validate" and found_at["MIG301"] == found_at["MIG306"] == "Prepare"


def test_every_rules_json_docs_link_names_a_heading_of_docs_rules_md(capsys):
    from pathlib import Path

    headings = Path(__file__).resolve().parents[1].joinpath("docs", "rules.md").read_text(encoding="utf-8")
    _, out, _ = run(capsys, "rules", "--format", "json")
    for rule in json.loads(out):
        assert f"\n## {rule['code']} {rule['name']}\n" in headings
        # GitHub's anchor of that heading: codes are letters and digits, names kebab-case
        assert rule["docs"] == f"docs/rules.md#{rule['code'].lower()}-{rule['name']}"


def test_rules_text_is_unchanged_by_default(capsys):
    _, out, _ = run(capsys, "rules")
    assert out.splitlines()[0].startswith("MIG001  xml-syntax-error")


# --- progress on standard error ----------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self):
        return True


class _Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_the_progress_line_is_throttled_and_cleared():
    from migcheck.progress import CLEAR_LINE, ProgressLine

    stream, clock = _Terminal(), _Clock()
    line = ProgressLine(stream, clock)
    line(1, 4001, "a.cscfg")
    assert stream.getvalue() == ""  # a run shorter than the interval draws nothing
    clock.now = 0.1
    line(1200, 4001, "b.cscfg")
    assert stream.getvalue() == f"{CLEAR_LINE}checked 1,200 of 4,001 files"
    clock.now = 0.15
    line(1201, 4001, "c.cscfg")  # within the interval of the last redraw
    assert stream.getvalue().count("checked") == 1
    clock.now = 0.3
    line(4001, 4001, "d.cscfg")
    line.clear()
    assert stream.getvalue().endswith(f"checked 4,001 of 4,001 files{CLEAR_LINE}")
    assert "\n" not in stream.getvalue()


def test_the_progress_line_is_cut_to_a_narrow_terminal_s_width(monkeypatch):
    from migcheck import progress

    class Narrow(_Terminal):
        def fileno(self):
            return 2

    monkeypatch.setattr(progress.os, "get_terminal_size", lambda fd: progress.os.terminal_size((20, 24)))
    stream, clock = Narrow(), _Clock()
    line = progress.ProgressLine(stream, clock)
    clock.now = 0.1
    line(1200, 4001, "b.cscfg")
    # 19 columns: the line never wraps, so erasing it erases all of it.
    assert stream.getvalue() == f"{progress.CLEAR_LINE}checked 1,200 of 4,"


def test_a_progress_line_never_drawn_is_never_cleared():
    from migcheck.progress import ProgressLine

    stream = _Terminal()
    line = ProgressLine(stream, _Clock())
    line.clear()
    assert stream.getvalue() == ""


@pytest.mark.parametrize(
    ("tty", "env", "wanted"),
    [
        (True, {}, True),
        (False, {}, False),  # a pipe or a file
        (True, {"CI": "true"}, False),
        (True, {"CI": "1"}, False),
        (True, {"CI": "false"}, True),
        (True, {"TERM": "dumb"}, False),
    ],
)
def test_progress_only_on_a_terminal_outside_ci(tty, env, wanted):
    from migcheck.progress import wanted as progress_wanted

    stream = _Terminal() if tty else io.StringIO()
    assert progress_wanted(stream, env) is wanted


def test_a_real_pseudo_terminal_is_a_terminal():
    import os

    from migcheck.progress import wanted

    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    try:
        with os.fdopen(follower, "w", closefd=False) as stream:
            assert wanted(stream, {})
    finally:
        os.close(leader)
        os.close(follower)


def _check_on_a_terminal(repo, capsys, monkeypatch, *argv):
    import migcheck.progress

    monkeypatch.setattr(migcheck.progress, "INTERVAL", 0.0)  # redraw after every file
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    code = main(["check", "--format", "concise", *argv])
    return code, capsys.readouterr().out, terminal.getvalue()


def test_check_shows_progress_on_a_terminal_and_erases_it_before_the_report(repo, capsys, monkeypatch):
    from migcheck.progress import CLEAR_LINE

    code, out, err = _check_on_a_terminal(repo, capsys, monkeypatch)
    assert code == 1
    assert f"{CLEAR_LINE}checked 1 of 2 files" in err and f"{CLEAR_LINE}checked 2 of 2 files" in err
    assert err.endswith(CLEAR_LINE)
    assert "checked" not in out


@pytest.mark.parametrize("argv", [["-q"], ["-v"]])
def test_no_progress_line_when_quiet_or_verbose(repo, capsys, monkeypatch, argv):
    from migcheck.progress import CLEAR_LINE

    _, _, err = _check_on_a_terminal(repo, capsys, monkeypatch, *argv)
    assert CLEAR_LINE not in err and "checked 1 of 2" not in err


def test_no_progress_line_in_ci(repo, capsys, monkeypatch):
    import migcheck.progress

    monkeypatch.setattr(migcheck.progress, "INTERVAL", 0.0)
    monkeypatch.setenv("CI", "true")
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["check"]) == 1
    assert terminal.getvalue() == ""
    capsys.readouterr()


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "café", "--format", "json"],
        ["check", "café", "--format", "sarif"],
        ["check", "café", "--format", "report-json"],
        ["plan", "café", "--format", "json"],
        ["rules", "--format", "json"],
    ],
    ids=lambda argv: " ".join(a for a in argv if a != "café"),
)
def test_documents_on_standard_output_are_utf8_whatever_the_locale(tmp_path, monkeypatch, argv):
    """With an ASCII locale, the stream's codec escaped "é" as `\\xe9` inside JSON strings: not JSON."""
    import json

    (tmp_path / "café").mkdir()
    (tmp_path / "café" / "ServiceConfiguration.Cloud.cscfg").write_text(
        '<ServiceConfiguration serviceName="café"><Role name="Wéb"><Instances count="1"/></Role>'
        "</ServiceConfiguration>",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    out = io.BytesIO()
    stream = io.TextIOWrapper(out, encoding="ascii")
    monkeypatch.setattr("sys.stdout", stream)
    main(argv)
    stream.flush()
    document = json.loads(out.getvalue().decode("utf-8"))
    assert document
    if argv[0] != "rules":
        assert "café" in out.getvalue().decode("utf-8")


# --- what a first-time user runs into ------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--write-baseline", ""],
        ["check", "--baseline", ""],
        ["check", "--config", ""],
        ["check", "--output-file", ""],
        ["check", "--stdin-filename", "", "-"],
        ["badge", "--config", ""],
        ["badge", "--output-file", ""],
        ["plan", "--config", ""],
        ["plan", "--output-file", ""],
    ],
    ids=lambda argv: " ".join(argv[:2]),
)
def test_an_empty_file_name_is_a_usage_error_naming_the_option(repo, capsys, argv):
    code, out, err = run(capsys, *argv)
    option = next(word for word in argv if word.startswith("--"))
    assert (code, out) == (2, "")
    first, second = err.splitlines()
    assert first.startswith(f"migcheck: error: {option}: no file named (an empty path); name ")
    assert second == f"Run 'migcheck {argv[0]} --help' for its options."
    assert not list(repo.glob(".migcheck-*"))


@pytest.mark.parametrize("command", ["check", "badge", "plan"])
def test_every_command_warns_when_it_finds_no_classic_file(repo, capsys, command):
    (repo / "docs").mkdir()
    code, _, err = run(capsys, command, "docs")
    assert code == 0
    assert "migcheck: warning: no classic Azure files under docs" in err


@pytest.mark.parametrize("command", ["check", "badge", "plan", "rules"])
def test_an_unknown_option_is_one_line_that_names_the_command_s_help(repo, capsys, command):
    with pytest.raises(SystemExit) as exited:
        main([command, "--bogus"])
    err = capsys.readouterr().err
    assert exited.value.code == 2
    assert err.splitlines() == [
        "migcheck: error: unrecognized arguments: --bogus",
        f"Run 'migcheck {command} --help' for its options.",
    ]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (
            ["check", "--fail-on", "bogus"],
            "migcheck: error: argument --fail-on: invalid choice: 'bogus'",
        ),
        (["check", "--jobs", "0"], "migcheck: error: argument --jobs: expected a number of processes"),
        (["rules", "--format", "pdf"], "migcheck: error: argument --format: invalid choice: 'pdf'"),
        (["bogus"], "migcheck: error: argument COMMAND: invalid choice: 'bogus'"),
    ],
)
def test_a_bad_argument_is_said_first_without_the_usage_block(repo, capsys, argv, said):
    with pytest.raises(SystemExit) as exited:
        main(argv)
    first, *rest = capsys.readouterr().err.splitlines()
    assert exited.value.code == 2
    assert first.startswith(said)
    assert len(rest) == 1 and rest[0].endswith("--help' for its options.")


def test_argparse_s_refusals_and_migcheck_s_own_begin_alike(repo, capsys):
    # Two options that cannot go together, refused by argparse (-q -v) and by migcheck (--fix --diff).
    said = []
    for argv in (["check", "-q", "-v"], ["check", "--fix", "--diff"]):
        with pytest.raises(SystemExit) if "-q" in argv else contextlib.nullcontext():
            main(argv)
        said.append(capsys.readouterr().err.splitlines())
    assert [lines[0].split(": ", 2)[:2] for lines in said] == [["migcheck", "error"]] * 2
    assert [lines[1] for lines in said] == ["Run 'migcheck check --help' for its options."] * 2


def test_a_broken_link_named_on_the_command_line_says_so(repo, capsys):
    (repo / "dangling.cscfg").symlink_to("nowhere.cscfg")
    code, out, err = run(capsys, "check", "dangling.cscfg")
    assert (code, out) == (2, "")
    assert err == (
        "migcheck: error: broken symbolic link: dangling.cscfg points to nowhere.cscfg, which does not exist\n"
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--diff", "--write-baseline", "b.json"], "--diff and --write-baseline cannot be used together"),
        (["--show-files", "--write-baseline", "b.json"], "--show-files and --write-baseline cannot be"),
        (["--show-settings", "--diff"], "--show-settings and --diff cannot be used together"),
        (["--show-files", "--format", "json"], "--show-files and --format cannot be used together"),
        (["--statistics", "--format", "json"], "--statistics and --format cannot be used together"),
        (["--fix", "--diff"], "--fix and --diff cannot be used together"),
        (["--diff", "--output-file", "d.txt"], "--diff and --output-file cannot be used together"),
        (["--write-baseline", "b.json", "--format", "sarif"], "--write-baseline and --format cannot be"),
        (["--unsafe-fixes"], "--unsafe-fixes adds to --fix or --diff"),
        (["--select", ""], "--select '' names no rule"),
        (["--select", ","], "--select ',' names no rule"),
    ],
)
def test_options_that_cannot_both_be_honoured_are_refused(repo, capsys, options, message):
    code, out, err = run(capsys, "check", *options)
    assert (code, out) == (2, "")
    assert err.startswith("migcheck: error: ") and message in err
    assert not (repo / "b.json").exists() and not (repo / "d.txt").exists()


@pytest.mark.parametrize(
    "options",
    [
        ["--statistics", "--format", "text"],
        ["--statistics", "--output-file", "s.txt"],
        ["--show-settings", "-q"],
    ],
)
def test_options_that_work_together_still_do(repo, capsys, options):
    assert run(capsys, "check", *options)[0] in (0, 1)


def test_a_select_option_naming_no_rule_is_refused_by_plan_and_badge(repo, capsys):
    for command in ("plan", "badge"):
        code, _, err = run(capsys, command, "--select", ",")
        assert code == 2 and "--select ',' names no rule" in err


def test_an_unknown_rule_on_the_command_line_names_the_option(repo, capsys):
    code, _, err = run(capsys, "check", "--ignore", "MIG2O1")
    assert code == 2
    assert err.startswith("migcheck: error: unknown rule 'MIG2O1' in --ignore (did you mean MIG201?): ")
