"""The folder walk asks a project's Eclipse `package.xml` which folder its package is built into. The file is
stat-ed first (a regular file, not a link) and opened after: one replaced in between by a named pipe with no
writer blocked the run on its open, and one replaced by a link was followed out of the folder. It is now
opened as every file the walk reads is (`guarded.read_bytes`): not through a link, and without waiting."""

from __future__ import annotations

import os
from pathlib import Path

from hostile_support import python_limited

PACKAGE = '<project basedir="."><target name="t"><windowsazurepackage packagedir="/x"/></target></project>\n'
ASK = "import sys; from migcheck import discover; print(sorted(discover._package_folders_of(sys.argv[1], (0, 0, 0, 0))))"


def test_a_named_pipe_in_place_of_the_file_is_not_waited_on(tmp_path: Path):
    os.mkfifo(tmp_path / "package.xml")
    done = python_limited(ASK, str(tmp_path / "package.xml"))
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stderr[-2000:]


def test_a_link_in_place_of_the_file_is_not_followed(tmp_path: Path):
    (tmp_path / "elsewhere.xml").write_text(PACKAGE, encoding="utf-8")
    (tmp_path / "package.xml").symlink_to(tmp_path / "elsewhere.xml")
    assert python_limited(ASK, str(tmp_path / "elsewhere.xml")).stdout.strip() == "['/x']"
    done = python_limited(ASK, str(tmp_path / "package.xml"))
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stderr[-2000:]
