"""Errors a user meets on the command line say what is wrong, where, and what to do: a byte order mark in
a settings file or a baseline is read past, a file that cannot be written is explained in the user's
terms, a rule that crashes names the plugin it comes from, --stdin-filename refuses a folder, and
`migcheck server --help` says what the server is."""

from __future__ import annotations

import errno
import importlib.util
import io
import os
import sys
from pathlib import Path

import pytest
from doc_pages import all_text, section

from migcheck import output, plugins
from migcheck.cli import main
from migcheck.config import ConfigError, load_config
from migcheck.hookspecs import hookimpl
from migcheck.output import OutputError

BOM = b"\xef\xbb\xbf"
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
PLUGIN = Path(__file__).parents[1] / "examples" / "plugin" / "contoso_rules.py"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "vms").mkdir()
    (tmp_path / "vms" / "app01.xml").write_text(VM)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- a byte order mark in settings files and baselines ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("migcheck.toml", 'select = ["MIG3"]\n'),
        ("pyproject.toml", '[tool.migcheck]\nselect = ["MIG3"]\n'),
        ("settings.toml", 'select = ["MIG3"]\n'),  # named by --config
    ],
)
def test_a_settings_file_with_a_byte_order_mark_is_read(repo, name, text):
    (repo / name).write_bytes(BOM + text.encode())
    config = load_config(name if name == "settings.toml" else None, start=str(repo))
    assert config.select == ("MIG3",)


def test_an_error_after_a_byte_order_mark_is_where_an_editor_shows_it(repo, capsys):
    (repo / "migcheck.toml").write_bytes(BOM + b"select = 5x\n")
    code, _, err = run(capsys, "check", ".")
    assert code == 2
    assert "migcheck.toml:1:11: not valid TOML: " in err
    assert "Invalid statement" not in err


@pytest.mark.parametrize(("encoding", "name"), [("utf-16", "UTF-16"), ("utf-32", "UTF-32")])
def test_a_settings_file_in_utf16_or_utf32_says_so(repo, encoding, name):
    (repo / "migcheck.toml").write_bytes('select = ["MIG3"]\n'.encode(encoding))  # with its mark
    with pytest.raises(ConfigError) as raised:
        load_config(None, start=str(repo))
    message = str(raised.value)
    assert f"is not UTF-8 text (it is {name}: it starts with a {name} byte order mark)" in message
    assert "save it as UTF-8" in message


def _baseline_of(repo, capsys) -> bytes:
    assert run(capsys, "check", ".", "--write-baseline", "bl.json")[0] == 0
    return (repo / "bl.json").read_bytes()


def test_a_baseline_with_a_byte_order_mark_is_read(repo, capsys):
    (repo / "bl.json").write_bytes(BOM + _baseline_of(repo, capsys))
    code, out, err = run(capsys, "check", ".", "--baseline", "bl.json")
    assert (code, err) == (0, "")
    assert "known from baseline" in out


def test_an_error_in_a_baseline_after_its_byte_order_mark_is_placed_as_an_editor_shows_it(repo, capsys):
    (repo / "bl.json").write_bytes(BOM + b'{"version": 1, "findings": [}')
    code, _, err = run(capsys, "check", ".", "--baseline", "bl.json")
    assert code == 2
    assert "baseline bl.json is not valid JSON (Expecting value: line 1 column 29 (char 28))" in err
    assert "utf-8-sig" not in err and "BOM" not in err


def test_a_baseline_in_utf16_says_so(repo, capsys):
    (repo / "bl.json").write_bytes(_baseline_of(repo, capsys).decode().encode("utf-16"))
    code, _, err = run(capsys, "check", ".", "--baseline", "bl.json")
    assert code == 2
    assert "baseline bl.json is not UTF-8 text (it is UTF-16: it starts with a UTF-16 byte order mark)" in err
    assert "save it as UTF-8" in err


# --- files that cannot be written ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "target"),
    [
        (["check", ".", "--output-file", "afile/x.json", "--format", "json"], "afile/x.json"),
        (["check", ".", "--output-file", "afile/deeper/x.json"], "afile/deeper/x.json"),
        (["check", ".", "--write-baseline", "afile/bl.json"], "afile/bl.json"),
        (["badge", ".", "--output-file", "afile/b.svg"], "afile/b.svg"),
        (["plan", ".", "--output-file", "afile/plan.md"], "afile/plan.md"),
    ],
)
def test_a_file_where_a_folder_is_needed_is_named(repo, capsys, argv, target):
    (repo / "afile").write_text("")
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert f"cannot write {target}: afile is a file, not a folder; name a file in a folder" in err
    assert "File exists" not in err and "Not a directory" not in err


def test_a_folder_as_output_file_says_what_to_name(repo, capsys):
    (repo / "out").mkdir()
    code, _, err = run(capsys, "check", ".", "--output-file", "out")
    assert code == 2
    assert "cannot write out: it is a folder; name a file" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["check", ".", "--output-file", "outdir/"],
        ["check", ".", "--write-baseline", "outdir/"],
        ["plan", ".", "--output-file", "outdir/"],
        ["badge", ".", "--output-file", "outdir/"],
    ],
)
def test_an_output_name_ending_in_a_slash_is_refused_before_anything_is_made(repo, capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "cannot write outdir/: a name that ends in '/' names a folder; name a file" in err
    assert "Not a directory" not in err
    assert not (repo / "outdir").exists()


@pytest.mark.skipif(not os.path.isfile("/proc/version"), reason="Linux's /proc")
def test_a_file_in_a_folder_that_takes_no_new_file_is_not_said_to_be_missing(repo, capsys):
    code, _, err = run(capsys, "check", ".", "--output-file", "/proc/version")
    assert code == 2
    assert "cannot write /proc/version: the folder /proc takes no new files" in err
    assert "name a file in a folder you can write to" in err


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (errno.EACCES, "permission denied (in the folder reports, or on the file); name a file in a folder"),
        (errno.EROFS, "the folder reports is on a read-only file system; name a file in a folder"),
        (
            errno.ENOSPC,
            "No space left on device: the disk, or your quota on it, is full; free some space, or name a file",
        ),
        (errno.ENAMETOOLONG, "the name is too long for the file system; name a file with a shorter path"),
    ],
)
def test_each_reason_a_report_cannot_be_written_says_what_to_do(tmp_path, monkeypatch, error, words):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()

    def refused(*args, **kwargs):
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr("tempfile.mkstemp", refused)
    with pytest.raises(OutputError) as raised:
        output.write_text("reports/r.json", "{}")
    assert str(raised.value).startswith(f"cannot write reports/r.json: {words}")


def test_a_fix_that_cannot_be_written_gets_no_advice_about_naming_another_file(tmp_path, monkeypatch):
    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refused)
    with pytest.raises(OutputError) as raised:
        output.write_bytes(str(tmp_path / "a.cscfg"), b"x")
    assert str(raised.value).endswith(
        "permission denied (in the folder " + str(tmp_path) + ", or on the file)"
    )


# --- a rule that crashes ------------------------------------------------------------------------------


class FakeEntryPoint:
    def __init__(self, name, load):
        self.name, self.load = name, load
        self.dist = type("Dist", (), {"name": "migcheck-contoso-rules"})()


@pytest.fixture
def crashing_plugin(monkeypatch):
    spec = importlib.util.spec_from_file_location("contoso_rules", PLUGIN)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    class Crashing(module.BasicTierVm):
        code = "CTS901"
        name = "crashing-rule"

        def check(self, estate):
            raise KeyError("rule boom")

    module.migcheck_rules = hookimpl(lambda: [Crashing])
    monkeypatch.setitem(sys.modules, "contoso_rules", module)
    monkeypatch.setattr(plugins, "_entry_points", lambda: [FakeEntryPoint("contoso", lambda: module)])
    return module


def test_a_plugin_rule_that_crashes_names_its_plugin_and_what_to_do(repo, capsys, crashing_plugin):
    code, _, err = run(capsys, "check", ".")
    assert code == 2
    assert "rule CTS901 (crashing-rule) of plugin migcheck-contoso-rules[contoso] crashed at " in err
    assert "KeyError: 'rule boom'" in err
    assert "leave it out with --ignore CTS901" in err
    assert "report the crash, with the files that trigger it, to the plugin's authors" in err
    assert "Traceback" not in err
    # Left out, it no longer stops the run.
    assert run(capsys, "check", ".", "--ignore", "CTS901")[0] == 1


def test_a_plugin_rule_that_gives_what_is_no_finding_names_its_plugin_and_what_to_do(
    repo, capsys, crashing_plugin
):
    def gives_a_string(self, estate):
        yield "not a finding"

    (rule,) = crashing_plugin.migcheck_rules()
    crashing_plugin.migcheck_rules = hookimpl(lambda: [type("Giving", (rule,), {"check": gives_a_string})])
    code, _, err = run(capsys, "check", ".")
    assert code == 2
    assert "rule CTS901 (crashing-rule) of plugin migcheck-contoso-rules[contoso] crashed: " in err
    assert "TypeError: its check gave 'not a finding' (a str), not a Finding" in err
    assert "leave it out with --ignore CTS901" in err and "Traceback" not in err


def test_a_builtin_rule_that_crashes_is_reported_to_migcheck(repo, capsys, monkeypatch):
    from migcheck.plugins import load_rules

    def boom(self, estate):
        raise ValueError("no such thing")

    monkeypatch.setattr(type(load_rules(entry_points=False).get("MIG101")), "check", boom)
    code, _, err = run(capsys, "check", ".")
    assert code == 2
    assert "rule MIG101 (" in err and ") crashed at test_cli_error_messages.py:" in err
    assert "of plugin" not in err
    assert "--ignore MIG101" in err and "to migcheck's maintainers (migcheck " in err


# --- --stdin-filename and `server --help` -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "words"),
    [("vms", "it is a folder"), ("new/", "it ends with a separator, so it names a folder")],
)
def test_stdin_filename_refuses_a_folder(repo, capsys, monkeypatch, name, words):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(VM.encode())))
    code, out, err = run(capsys, "check", "--stdin-filename", name, "-")
    assert (code, out) == (2, "")
    assert f"--stdin-filename {name}: {words}; name the file standard input holds" in err


def test_server_help_says_what_the_server_is_and_where_it_is_documented(capsys):
    with pytest.raises(SystemExit):
        main(["server", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "The language server for editors" in text and "standard input and output" in text
    assert "docs/editor.md, section 'Language server'" in text
    assert "## Language server" in section("# In the editor")


def test_the_manual_says_settings_and_baselines_may_start_with_a_byte_order_mark():
    assert "Settings files and baselines are UTF-8, with or without BOM." in all_text()
