"""A properties file an Eclipse `package.xml` loads is read in time linear in its size however it is written
(a line going on over thousands of lines, thousands of escapes), and a build file that loads one file of
thousands of properties thousands of times costs what its resolving steps allow (`ant.RESOLVING_STEPS`), not
their product: a file loaded again is read once, and each load's properties are steps."""

from __future__ import annotations

from collections.abc import Callable

from growth import assert_linear
from lint_support import lint_files

from migcheck.readers.ant import java_properties


def _going_on(size: int) -> Callable[[], object]:
    text = "k=" + "ab\\u0041\\t\\\n    " * size + "end\n"
    return lambda: java_properties(text)


def _many_lines(size: int) -> Callable[[], object]:
    text = "".join(f"key{i}\\ x : value\\=\\u0041{i}\n# comment\n" for i in range(size))
    return lambda: java_properties(text)


def test_a_properties_file_is_read_in_linear_time():
    assert_linear(_going_on, 20_000)
    assert_linear(_many_lines, 20_000)


def test_loading_one_file_of_many_properties_many_times_is_linear(tmp_path, monkeypatch):
    def make(size: int) -> Callable[[], object]:
        folder = tmp_path / str(size)
        loads = '<property file="p.properties"/>' * size
        package = (
            f'<project basedir="." name="p">{loads}<target name="publish">'
            '<azurepublish cloudservicename="${svc}"/></target></project>'
        )
        properties = "".join(f"p{i}=${{p{i - 1}}}x\n" for i in range(size))
        files = {"package.xml": package, "p.properties": properties}
        return lambda: lint_files(folder, monkeypatch, files, dedent=False)

    assert_linear(make, 2_000)
