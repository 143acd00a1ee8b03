"""A finding about a value a script takes from a settings file beside it points where the settings file
writes the value (MIG202 at config.ps1:3). The settings file describes nothing classic itself, yet it is
one of the files the run reports on: the summary counts it, its suppression comments hold its findings
back, the editor's buffer of it is what the script takes, and a document kept between runs of the editor
server stands for the script only while its settings files are unchanged."""

from __future__ import annotations

import pytest
from lint_support import PS_DEPLOY, PY_DEPLOY, SH_DEPLOY, lint_files, ps_settings, py_settings, sh_settings

from migcheck.config import Config
from migcheck.engine import ReadCache, lint
from migcheck.plugins import load_rules
from migcheck.report.text import summary
from migcheck.store import DocumentStore

SUPPRESSION = "# migcheck: ignore[MIG202] the second subnet goes before the migration (OPS-7)\n"

# The script languages whose findings about a value point into the settings file: the script, its
# settings file with two subnets, and that file's name.
SCRIPTS = {
    "powershell": ({"deploy.ps1": PS_DEPLOY, "config.ps1": ps_settings("Front", "Back")}, "config.ps1"),
    "shell": ({"deploy.sh": SH_DEPLOY, "env.sh": sh_settings("Front,Back")}, "env.sh"),
}


def mig202(result) -> list[str]:
    return [f.location.path for f in result.findings if f.code == "MIG202"]


@pytest.mark.parametrize("language", SCRIPTS)
def test_the_settings_file_a_finding_points_into_is_counted_among_the_files(tmp_path, monkeypatch, language):
    files, settings = SCRIPTS[language]
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", "MIG601", dedent=False)
    assert mig202(result) == [settings]
    assert settings in [d.path for d in result.documents]
    assert summary(result).startswith("Found 2 findings in 2 files")


def test_the_settings_modules_a_python_script_imports_are_counted_among_the_files(tmp_path, monkeypatch):
    # Its findings point into the script, where it imports the values; the modules are read all the same.
    files = {"deploy.py": PY_DEPLOY, **py_settings("Front", "Back")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    assert mig202(result) == ["deploy.py"]
    assert sorted(d.path for d in result.documents) == ["config.py", "deploy.py", "settings.py"]


@pytest.mark.parametrize("language", SCRIPTS)
def test_a_suppression_comment_in_the_settings_file_holds_its_finding_back(tmp_path, monkeypatch, language):
    files, settings = SCRIPTS[language]
    lines = files[settings].splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if "Front" in line)
    files = {**files, settings: "".join([*lines[:at], SUPPRESSION, *lines[at:]])}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    assert mig202(result) == []
    assert [s.finding.mark.path for s in result.suppressed] == [settings]


def write_ps(tmp_path, subnets: tuple[str, ...]) -> None:
    (tmp_path / "deploy.ps1").write_text(PS_DEPLOY, encoding="utf-8")
    (tmp_path / "config.ps1").write_text(ps_settings(*subnets), encoding="utf-8")


def test_the_editor_s_buffer_of_the_settings_file_is_what_the_script_takes(tmp_path, monkeypatch):
    write_ps(tmp_path, ("Front",))
    monkeypatch.chdir(tmp_path)
    rules, cache = load_rules(), ReadCache()
    edited = ps_settings("Front", "Back").encode()
    for each in (None, cache):  # the command line's --stdin-filename, and the editor server
        result = lint(["."], Config(), rules, stdin=edited, stdin_path="config.ps1", cache=each)
        assert mig202(result) == ["config.ps1"]
    saved = ps_settings("Front").encode()
    assert mig202(lint(["."], Config(), rules, stdin=saved, stdin_path="config.ps1", cache=cache)) == []


def test_the_script_s_kept_document_is_read_again_when_its_settings_file_changes(tmp_path, monkeypatch):
    write_ps(tmp_path, ("Front", "Back"))
    monkeypatch.chdir(tmp_path)
    rules, cache = load_rules(), ReadCache()
    assert mig202(lint(["."], Config(), rules, cache=cache)) == ["config.ps1"]
    (tmp_path / "config.ps1").write_text(ps_settings("Front"), encoding="utf-8")  # deploy.ps1 unchanged
    assert mig202(lint(["."], Config(), rules, cache=cache)) == []


def test_a_settings_file_the_watcher_reports_changed_reads_its_scripts_again(tmp_path, monkeypatch):
    write_ps(tmp_path, ("Front", "Back"))
    monkeypatch.chdir(tmp_path)
    rules, cache = load_rules(), ReadCache()
    assert mig202(lint(["."], Config(), rules, cache=cache)) == ["config.ps1"]
    cache.verify = False  # trusted until the watcher names a file
    (tmp_path / "config.ps1").write_text(ps_settings("Front"), encoding="utf-8")
    cache.forget([str(tmp_path / "config.ps1")])
    assert mig202(lint(["."], Config(), rules, cache=cache)) == []


def test_a_document_the_store_kept_stands_for_the_script_only_with_its_settings_file_unchanged(
    tmp_path, monkeypatch
):
    project = tmp_path / "project"
    project.mkdir()
    write_ps(project, ("Front", "Back"))
    monkeypatch.chdir(project)
    rules, store_path = load_rules(), str(tmp_path / "store" / "documents.json")
    first = ReadCache(DocumentStore(store_path))
    assert mig202(lint(["."], Config(), rules, cache=first)) == ["config.ps1"]
    first.save()
    (project / "config.ps1").write_text(ps_settings("Front"), encoding="utf-8")
    second = ReadCache(DocumentStore(store_path))  # the next server, with the store the last one wrote
    assert mig202(lint(["."], Config(), rules, cache=second)) == []
