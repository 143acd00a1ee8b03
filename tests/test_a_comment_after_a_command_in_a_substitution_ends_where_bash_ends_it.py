"""A comment after a command in a substitution: in `$( )` it runs to the end of its line (as it was read),
and in backticks bash takes the substitution's text up to the closing backtick first, so `y=`echo a #note``
runs `echo a` and the comment ends at the backtick. tree-sitter-bash let that comment run past the backtick
to the end of the line, and a script bash runs was a syntax problem (MIG001) there, nothing after it read;
an `os.system` line holding one was not read. Each such comment now ends where bash ends it."""

from __future__ import annotations

from lint_support import lint_files, script_resources

from migcheck.model import Deployment, Script
from migcheck.readers import read_document

_CREATE = 'azure vm create shop img ops Passw0rd! -l "West US"'


def _read(script: str, path: str = "deploy.sh") -> tuple[list[Deployment], Script]:
    resources = script_resources(script, path)
    [script_read] = [r for r in resources if isinstance(r, Script)]
    return [r for r in resources if isinstance(r, Deployment)], script_read


def test_a_comment_after_a_command_in_backticks_ends_at_the_backtick(tmp_path, monkeypatch):
    script = f'#!/bin/bash\nstarted=`date #when it started`\nlabel="`hostname #here`"\n{_CREATE}\n'
    [shop], script_read = _read(script)
    assert shop.service_name == "shop" and script_read.unread == ()
    assert [call.mark.line for call in script_read.calls] == [4]
    assert lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG001").findings == []


def test_the_command_before_the_comment_in_backticks_runs():
    script = f"#!/bin/bash\nout=`{_CREATE} #make it`\nnested=$(echo `date #now`)\n"
    [shop], script_read = _read(script)
    assert shop.service_name == "shop" and script_read.unread == ()


def test_a_comment_in_a_dollar_substitution_runs_to_its_line_end():
    script = (
        f"#!/bin/bash\nvms=$( # every VM (with its state)\n  azure vm list )\n"
        f"names=$(azure vm list # the names :)\n)\n{_CREATE}\n"
    )
    [shop], script_read = _read(script)
    assert shop.service_name == "shop" and script_read.unread == ()
    assert [call.mark.line for call in script_read.calls] == [3, 4, 6]


def test_a_python_os_system_line_with_a_comment_in_backticks_is_run():
    script = f"import os\nos.system('stamp=`date #now`; {_CREATE}')\n"
    [shop], _ = _read(script, "deploy.py")
    assert shop.service_name == "shop"


def test_a_comment_outside_backticks_that_names_a_command_in_them_stays_a_comment(tmp_path, monkeypatch):
    script = f'#!/bin/bash\n# then run `azure vm delete shop` by hand\n{_CREATE}\necho "unclosed\n'
    [problem] = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG001").findings
    assert problem.location is not None and problem.location.line == 4
    document = read_document("deploy.sh", script.encode(), explicit=True)
    assert document is not None
    [script_read] = [r for r in document.resources if isinstance(r, Script)]
    assert [call.name for call in script_read.calls] == ["azure vm create"]
