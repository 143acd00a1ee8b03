"""MIG001 said of a shell script the grammar cannot parse that "bash ... stops here, so no command from here
on runs". That is not so of a script whose #! line names zsh, which zsh runs: it is no MIG001 now. The
commands before are read, and the rest is a part not read, said as what it is (zsh, not bash). A `for` loop
whose body is in braces (`for f in *.json; { ...; }`), which bash runs although tree-sitter-bash does not
parse it, is read as the loop it is (see
test_a_shell_for_loop_whose_body_is_in_braces_runs_as_one_with_do_and_done.py). A syntax error in a bash
script is MIG001 as before."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.cli import main

BEFORE = 'azure vm create svc1 img u p -n vm1 -l "West US"\n'
AFTER = "azure vm create svc2 img u p -n vm2 -c\n"
SCRIPTS = {
    "zsh": f"#!/bin/zsh\n{BEFORE}for i ({{2..3}}) azure vm create svc1 img u p -n vm$i -c\n{AFTER}",
    "zsh by env": f"#!/usr/bin/env zsh\n{BEFORE}for i ({{2..3}}) azure vm create svc1 img u p -n vm$i -c\n",
}


@pytest.mark.parametrize("shape", list(SCRIPTS))
def test_the_commands_before_are_read_and_no_mig001_is_said(tmp_path, monkeypatch, shape):
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": SCRIPTS[shape]})
    assert "MIG001" not in {f.code for f in result.findings}
    (estate,) = result.estates
    assert [s.name for s in estate.cloud_services] == ["svc1"]


@pytest.mark.parametrize(
    "shape, said",
    [("zsh", "deploy.sh:3:1: this line is zsh"), ("zsh by env", "this line is zsh")],
)
def test_the_rest_is_a_part_not_read_said_as_what_it_is(tmp_path, monkeypatch, capsys, shape, said):
    (tmp_path / "deploy.sh").write_text(SCRIPTS[shape])
    monkeypatch.chdir(tmp_path)
    main(["check", "."])
    out = capsys.readouterr().out
    assert said in out and "stops here" not in out


def test_a_syntax_error_in_a_bash_script_is_still_mig001(tmp_path, monkeypatch):
    script = f"#!/bin/bash\n{BEFORE}if [ -n x ]; then\n{AFTER}"
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": script})
    (finding,) = [f for f in result.findings if f.code == "MIG001"]
    assert "stops here" in finding.message


def test_the_plan_s_json_names_what_the_part_is(tmp_path, monkeypatch, capsys):
    (tmp_path / "deploy.sh").write_text(SCRIPTS["zsh"])
    monkeypatch.chdir(tmp_path)
    main(["plan", ".", "--format", "json"])
    assert '"other-shell"' in json.dumps(json.loads(capsys.readouterr().out))
