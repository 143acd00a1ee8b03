"""A function that passes its arguments on to the classic CLI for the command to run (`vm() { azure vm "$@";
}`, `az_classic() { azure "$@"; }`) runs whatever command its caller gives it: the command is the caller's,
shown at the call. In a library that nothing in its file calls, such a wrapper runs nothing, and MIG601 no
longer counts `azure vm` as a classic command of the file; a function that writes its command whole and
takes only values (`azure vm create "$@"`) still runs that command whenever another file calls it."""

from __future__ import annotations

import pytest
from lint_support import lint_files


@pytest.mark.parametrize(
    "body", ['azure vm "$@"', "azure $*", 'azure network vnet "$@"', 'azure vm "${@:1}"']
)
def test_a_wrapper_nothing_calls_is_no_classic_command(tmp_path, monkeypatch, body: str) -> None:
    library = f"#!/bin/bash\nwrap() {{\n  {body}\n}}\n"
    assert lint_files(tmp_path, monkeypatch, {"lib.sh": library}, "MIG601").findings == []


def test_its_calls_are_the_classic_commands(tmp_path, monkeypatch) -> None:
    library = '#!/bin/bash\nvm() {\n  azure vm "$@"\n}\nvm create web img u p\n'
    (finding,) = lint_files(tmp_path, monkeypatch, {"lib.sh": library}, "MIG601").findings
    assert finding.location is not None and finding.location.line == 5
    assert "(azure vm create)" in finding.message


def test_a_function_that_writes_its_command_whole_still_runs_it(tmp_path, monkeypatch) -> None:
    library = '#!/bin/bash\nmake_vm() {\n  azure vm create "$@"\n}\n'
    (finding,) = lint_files(tmp_path, monkeypatch, {"lib.sh": library}, "MIG601").findings
    assert "(azure vm create)" in finding.message
