"""A file named on the command line that migcheck does not read (a .txt, a README) is MIG002, whose fix lists
the kinds of file migcheck reads. That list had fallen behind the one the warning of a folder with nothing
classic gives: it left out CI pipelines, deployment templates and Bicep, and Terraform's .tf.json, so a user
told "name those" did not learn those are read. Both now say the same list."""

from __future__ import annotations

from lint_support import run_cli

from migcheck.formats import KINDS_READ


def test_mig002_names_every_kind_of_file_read_as_the_nothing_classic_warning_does(
    tmp_path, monkeypatch, capsys
):
    (tmp_path / "notes.txt").write_text("azure vm create web\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", "notes.txt")
    (fix,) = [line for line in out.splitlines() if line.lstrip().startswith("= help:")]
    for kind in (
        "build pipelines (azure-pipelines.yml",
        "deployment templates (ARM .json, .bicep)",
        ".tf.json",
    ):
        assert kind in fix
    _, _, err = run_cli(capsys, "check", "empty")
    assert f"({KINDS_READ})" in err and f"migcheck reads {KINDS_READ}: name those" in fix
