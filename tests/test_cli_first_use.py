"""The command line as a new user met it: JUnit failures that follow the fail-on level as pytest's do,
reports that say how many rules graded them, paths after options, a grey badge when nothing was checked,
`select = []` refused like `--select ""`, `migcheck rule` that helps with a slip or a prefix, a pytest run
that ends beside a symbolic link loop, and file counts that agree."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from doc_pages import all_text, section
from lint_support import run_cli as run

from migcheck.config import ConfigError, load_config
from migcheck.plugins import load_rules

ROOT = Path(__file__).resolve().parents[1]
MANUAL = all_text()
TOTAL = len(load_rules())


@pytest.fixture
def examples(monkeypatch):
    monkeypatch.chdir(ROOT)


# --- (3) JUnit failures follow the fail-on level, as `pytest --migcheck --junitxml` does ------------------


def junit_cases(out: str) -> tuple[ET.Element, list[ET.Element]]:
    (suite,) = ET.fromstring(out.encode("utf-8"))
    return suite, suite.findall("testcase")


def test_junit_fails_only_cases_at_or_above_fail_on(examples, capsys):
    suite, cases = junit_cases(run(capsys, "check", "examples", "--format", "junit")[1])
    failed = [c for c in cases if c.find("failure") is not None]
    assert int(suite.get("failures")) == len(failed) == 17
    assert all(c.find("failure").get("type") == "error" for c in failed)
    # A case with warnings only passes, and shows them.
    affinity = next(c for c in cases if c.get("name") == "MIG303")
    assert affinity.find("failure") is None
    assert "MIG303 [warning]" in affinity.find("system-out").text
    suite, _ = junit_cases(run(capsys, "check", "examples", "--format", "junit", "--fail-on", "warning")[1])
    assert suite.get("failures") == "26"


def test_junit_fails_the_cases_pytest_fails(tmp_path):
    # Both run beside a copy of examples/ alone: pytest run in the repository checks every file of it
    # (the tests' own Python files too), 36 s of CPU where the examples take one.
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    command = [sys.executable, "-m", "pytest", "--migcheck", "examples", "-q", "-p", "no:cacheprovider"]
    command += ["-p", "no:xdist", f"--junitxml={tmp_path / 'pytest.xml'}"]
    subprocess.run(command, cwd=tmp_path, capture_output=True, check=False, timeout=300)
    by_pytest = ET.parse(tmp_path / "pytest.xml").getroot()
    failed_by_pytest = {
        (c.get("classname"), c.get("name"))
        for c in by_pytest.iter("testcase")
        if c.find("failure") is not None
    }
    cli = subprocess.run(
        [sys.executable, "-m", "migcheck", "check", "examples", "--format", "junit"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
        timeout=300,
    )
    failed_by_cli = {
        (c.get("classname"), c.get("name"))
        for c in ET.fromstring(cli.stdout).iter("testcase")
        if c.find("failure") is not None
    }
    assert failed_by_cli == failed_by_pytest and len(failed_by_cli) == 17


# --- (5) a partial rule set says how many rules graded the files ----------------------------------------


def test_a_clean_run_of_one_rule_is_not_all_clear(examples, capsys):
    code, out, _ = run(capsys, "check", "examples/ready", "--select", "MIG303")
    assert code == 0
    assert "All clear" not in out
    assert out.endswith(f"No findings in 5 files, checked by 2 of {TOTAL} rules.\n")
    assert f"Readiness by migration scope:\n  (checked by 2 of {TOTAL} rules:" in out


@pytest.mark.parametrize("options", [["--ignore", "ALL"], ["--select", "MIG201", "--ignore", "MIG201"]])
def test_a_run_of_no_rule_warns_and_says_nothing_was_checked(examples, capsys, options):
    code, out, err = run(capsys, "check", "examples/ready", "--format", "concise", *options)
    assert code == 0
    assert out.startswith("Nothing checked: no rule ran") and "All clear" not in out
    assert (
        f"migcheck: warning: no rule runs: --select, --ignore and the config's `select` and `ignore` leave out all {TOTAL} rules"
        in err
    )


def test_a_run_of_every_rule_is_still_all_clear(examples, capsys):
    out = run(capsys, "check", "examples/ready", "--ignore", "MIG105,MIG208", "--format", "concise")[1]
    assert "checked by" in out  # two rules left out
    clean = run(capsys, "check", "examples/ready/network", "--format", "concise")[1]
    assert clean == "All clear: no findings in 1 file.\n"


def test_the_badge_says_how_many_rules_graded_it(examples, capsys):
    out = run(capsys, "badge", "examples/ready", "--select", "MIG303", "--format", "shields")[1]
    assert json.loads(out)["message"] == f"ready (2 of {TOTAL} rules)"
    out = run(capsys, "badge", "examples/ready", "--ignore", "ALL", "--format", "shields")[1]
    assert json.loads(out) == {
        "schemaVersion": 1,
        "label": "migration",
        "message": "no rules",
        "color": "lightgrey",
    }


# --- (6) paths after options ------------------------------------------------------------------------------


def test_paths_may_follow_options(examples, capsys):
    code, out, _ = run(
        capsys, "check", "examples/contoso", "--select", "MIG201", "examples/ready", "--format", "concise"
    )
    assert code == 1
    assert "examples/contoso/vms/sql-tier/contoso-sql01.xml:24:11: MIG201" in out
    assert out.endswith("Found 4 findings in 20 files: 4 errors.\n")  # 15 files of contoso, 5 of ready
    code, out, _ = run(capsys, "plan", "--format", "json", "examples/ready")
    assert code == 0 and json.loads(out)["subscriptions"]


def test_standard_input_may_follow_an_option(examples, capsys, monkeypatch):
    netcfg = (ROOT / "examples/contoso/network/NetworkConfig.netcfg").read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(netcfg.encode("utf-8"))))
    code, out, err = run(capsys, "check", "examples/ready", "--diff", "-")
    assert code == 1 and "+            <AddressPrefix>10.3.0.0/24</AddressPrefix>" in out
    assert "Would fix 1 finding in 1 file." in err
    code, _, err = run(capsys, "check", "examples/ready", "--fix", "-")
    assert code == 2 and "--fix cannot write standard input" in err


def test_after_a_double_dash_everything_is_a_path(tmp_path, monkeypatch, capsys):
    netcfg = (ROOT / "examples/contoso/network/NetworkConfig.netcfg").read_text(encoding="utf-8")
    (tmp_path / "-odd.netcfg").write_text(netcfg, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", "--format", "concise", "--", "-odd.netcfg")
    assert code == 1 and "-odd.netcfg:74:13: MIG304" in out
    code, _, err = run(capsys, "check", "--", "--format")
    assert code == 2 and "no such file or folder: --format" in err


# --- (9) the badge of nothing -----------------------------------------------------------------------------


def test_the_badge_of_a_folder_without_classic_files_is_grey(tmp_path, monkeypatch, capsys):
    (tmp_path / "README.md").write_text("nothing classic\n")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "badge", ".", "--format", "shields")
    assert code == 0
    assert json.loads(out) == {
        "schemaVersion": 1,
        "label": "migration",
        "message": "no classic files",
        "color": "lightgrey",
    }
    assert "no classic Azure files" in err
    svg = run(capsys, "badge", ".")[1]
    assert "migration: no classic files" in svg and 'fill="#9f9f9f"' in svg and "#4c1" not in svg


# --- (13) the manual names the badge's option as it is --------------------------------------------------


def test_the_manual_writes_the_badge_with_output_file(examples, capsys, tmp_path):
    badge_lines = [line for line in MANUAL.splitlines() if "migcheck badge" in line or "`--output" in line]
    assert not [line for line in badge_lines if "--output " in line or "--output`" in line]
    assert "migcheck badge --output-file public/migration.svg" in MANUAL
    assert run(capsys, "badge", "examples/ready", "--output-file", str(tmp_path / "public" / "b.svg"))[0] == 0
    assert (tmp_path / "public" / "b.svg").read_text(encoding="utf-8").startswith("<svg")


# --- (14) an empty selection is refused in the config as on the command line ----------------------------


@pytest.mark.parametrize("value", ["[]", '""', '[""]'])
def test_an_empty_select_in_the_config_is_refused(tmp_path, monkeypatch, capsys, value):
    (tmp_path / "pyproject.toml").write_text(f"[tool.migcheck]\nselect = {value}\n")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match="`select` must be a list naming at least one rule"):
        load_config()
    code, out, err = run(capsys, "check", ".")
    assert code == 2 and out == ""
    assert (
        "pyproject.toml:2:10: `select` must be a list naming at least one rule" in err
        and "leave it out for every rule" in err
    )
    code, _, err = run(capsys, "check", ".", "--config", "pyproject.toml", "--select", "")
    assert code == 2 and "--select '' names no rule: give codes (MIG201)" in err


def test_an_empty_migcheck_select_is_refused_by_the_plugin(tmp_path):
    (tmp_path / "NetworkConfig.netcfg").write_text(
        (ROOT / "examples/ready/network/NetworkConfig.netcfg").read_text(encoding="utf-8")
    )
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--migcheck", "--migcheck-select=", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 4
    assert "--migcheck-select '' names no rule" in done.stderr


# --- (15) `migcheck rule` helps with a slip and lists a prefix --------------------------------------------


def test_rule_suggests_the_rule_meant(capsys):
    code, _, err = run(capsys, "rule", "mig2o1")
    assert code == 2
    assert "no rule 'mig2o1' (did you mean MIG201?)" in err


def test_rule_lists_the_rules_under_a_prefix(capsys):
    code, out, _ = run(capsys, "rule", "MIG2")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].startswith("MIG201  endpoint-acl ") and all(line.startswith("MIG2") for line in lines)
    assert len(lines) == sum(1 for rule in load_rules() if rule.code.startswith("MIG2"))
    code, out, _ = run(capsys, "rule", "MIG201")
    assert code == 0 and out.startswith("## MIG201 endpoint-acl")


# --- (16) a symbolic link loop does not stop `pytest --migcheck` -----------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_pytest_migcheck_ends_beside_a_symlink_loop(tmp_path):
    (tmp_path / "net").mkdir()
    (tmp_path / "net" / "NetworkConfig.netcfg").write_text(
        (ROOT / "examples/contoso/network/NetworkConfig.netcfg").read_text(encoding="utf-8")
    )
    (tmp_path / "self").symlink_to(".")
    (tmp_path / "net" / "up").symlink_to("..")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "--migcheck", "-q", "-p", "no:cacheprovider", "-p", "no:xdist"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("pytest --migcheck did not end beside a symbolic link loop")
    assert "net/NetworkConfig.netcfg::MIG304" in done.stdout
    assert "2 failed, 6 passed" in done.stdout


def test_the_manual_says_how_to_avoid_a_loop_without_the_plugin():
    plugin = section("# pytest plugin")
    assert "Symbolic link loops" in plugin and "norecursedirs" in plugin and "--ignore" in plugin


# --- (17) the file counts agree ---------------------------------------------------------------------------


def test_verbose_names_the_files_read_that_are_not_counted(examples, capsys):
    _, out, err = run(capsys, "check", "examples", "-v", "--format", "concise")
    assert "[23/23] examples/test_estate_policy.py" in err
    assert (
        "migcheck: 3 files read hold nothing classic and are not counted in the summary: "
        "examples/plugin/contoso_rules.py, examples/plugin/pyproject.toml, examples/test_estate_policy.py"
    ) in err
    assert " in 20 files (of 23 read: the others describe nothing classic): " in out


def test_text_and_concise_count_the_same_files_with_a_selection(examples, capsys):
    text = run(capsys, "check", "examples/contoso", "--select", "MIG303")[1].splitlines()[-1]
    concise = run(capsys, "check", "examples/contoso", "--select", "MIG303", "--format", "concise")[1]
    assert text == "Found 1 finding in 15 files: 1 warning."
    assert concise.splitlines()[-1] == (
        "Found 1 finding in 12 files: 1 warning (3 more files not read: the selected rules do not need them)."
    )
