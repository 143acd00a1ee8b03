"""A shell script saved with a UTF-8 byte order mark (as Windows editors write) was read as though bash ran
its first line. bash takes the mark's three bytes as part of the first word, so that command fails, and a
`#!` line after the mark is no `#!` line to the kernel. Such a script is now said to start with the mark,
at 1:1, and told to be saved without it. PowerShell and Python read past the mark: nothing is said there."""

from __future__ import annotations

import codecs

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules
from migcheck.readers import read_document

MARK = codecs.BOM_UTF8


@pytest.mark.parametrize(
    ("text", "said"),
    [
        pytest.param("azure service create shop\n", "the command on its first line fails", id="command"),
        pytest.param(
            "#!/bin/bash\nazure service create shop\n", "its `#!` line is no `#!` line", id="shebang"
        ),
    ],
)
def test_the_mark_is_said_at_1_1_with_what_bash_does(text, said):
    document = read_document("deploy.sh", MARK + text.encode(), explicit=True)
    assert document is not None and document.problem is not None
    problem = document.problem
    assert problem.message.startswith("the file starts with a UTF-8 byte order mark (bytes 0xef 0xbb 0xbf)")
    assert said in problem.message
    assert (problem.mark.line, problem.mark.column) == (1, 1)
    assert (problem.fix or "").startswith("Save the file as UTF-8 without a byte order mark")
    assert document.resources, "the script is read as ever"


def test_a_script_without_the_mark_is_read_as_ever():
    document = read_document("deploy.sh", b"azure service create shop\n", explicit=True)
    assert document is not None and document.problem is None


def test_a_script_with_nothing_classic_is_said_nothing():
    document = read_document("build.sh", MARK + b"make all\n", explicit=False)
    assert document is None or document.problem is None


@pytest.mark.parametrize(
    ("name", "text"),
    [
        pytest.param("deploy.ps1", "New-AzureService -ServiceName shop\n", id="powershell"),
        pytest.param(
            "deploy.py",
            "from azure.servicemanagement import ServiceManagementService\n"
            "ServiceManagementService('s', 'c').create_hosted_service('shop', 'shop')\n",
            id="python",
        ),
    ],
)
def test_powershell_and_python_read_past_the_mark_and_say_nothing_of_it(name, text):
    document = read_document(name, MARK + text.encode(), explicit=True)
    assert document is not None and document.resources and document.problem is None


@pytest.mark.parametrize(
    ("head", "found"),
    [
        pytest.param("#!/bin/bash", True, id="bash"),
        pytest.param("#!/usr/bin/env sh", True, id="env sh"),
        # A shell runs the file as a shell script: a Python or PowerShell one fails there, unread as before.
        pytest.param("#!/usr/bin/env python3", False, id="python"),
        pytest.param("#!/usr/bin/env pwsh", False, id="pwsh"),
    ],
)
def test_a_file_without_an_extension_whose_marked_first_line_names_a_shell_is_read_as_shell(
    tmp_path, monkeypatch, head, found
):
    (tmp_path / "deploy").write_bytes(MARK + f"{head}\nazure service create shop\n".encode())
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(), load_rules(entry_points=False))
    expected = [("MIG001", 1, 1), ("MIG601", 2, 1)] if found else []
    assert [(f.code, f.mark.line, f.mark.column) for f in result.findings] == expected
