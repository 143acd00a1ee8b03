"""tomllib reads a dotted key in time that grows with the square of its names, so a TOML file of one key a
hundred thousand names long (a declarations file in a pull request, or its pyproject.toml) would take
minutes to read. Keys of more than 30 names are refused, where they are written, before the parser sees
them; the check costs a count of dots on files whose lines hold few."""

from __future__ import annotations

from pathlib import Path

import pytest
from growth import assert_linear
from lint_support import run_cli

from migcheck.readers import declarations

DECLARATION = '[[vnet-services]]\nservice = "dynamics-lcs"\nvnet = "contoso-vnet"\n'


def _problem(text: str) -> tuple[str, int, int]:
    problem = declarations.read("inventory.toml", text.encode()).problem
    assert problem is not None
    return problem.message, problem.mark.line, problem.mark.column


def test_a_key_of_too_many_names_is_refused_where_it_is_written() -> None:
    key = ".".join(f"k{i}" for i in range(40))
    assert _problem(f"{DECLARATION}\n  {key} = 1\n") == (
        "not readable TOML: a key of 40 dotted names (at most 30 are read)",
        5,
        3,
    )
    assert _problem(f"{DECLARATION}[{key}]\n")[1:] == (4, 2)


def test_a_line_of_thousands_of_dots_is_refused_without_a_parse() -> None:
    message, line, column = _problem(f"{DECLARATION}{'a.' * 5000}b = 1\n")
    assert (message, line, column) == (
        "not readable TOML: a line of 5,000 dots (a key may have at most 30 names)",
        4,
        1,
    )


def test_dots_in_strings_and_short_keys_are_read() -> None:
    text = f'{DECLARATION}name = "{"a." * 200}"\n'
    assert declarations.long_dotted_key(text) is None
    assert declarations.long_dotted_key("tool.migcheck.inventory.subscription = 'x'\n") is None
    assert declarations.read("inventory.toml", text.encode()).problem is None


def _read_afresh(data: bytes) -> object:
    declarations._load.cache_clear()  # each run parses: the cache keeps the last text read
    return declarations.read("inventory.toml", data)


def test_reading_a_long_key_grows_linearly() -> None:
    def make(n: int):
        data = f"{DECLARATION}{'a.' * n}b = 1\n".encode()
        return lambda: _read_afresh(data)

    assert_linear(make, 2_000)


def test_reading_many_keys_just_under_the_line_limit_grows_linearly() -> None:
    def make(n: int):
        line = "a." * 999 + "b{} = 1\n"
        data = (DECLARATION + "".join(line.format(i) for i in range(n))).encode()
        return lambda: _read_afresh(data)

    assert_linear(make, 100)


def test_a_settings_file_with_a_long_key_stops_the_run_with_its_position(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    key = ".".join("x" * 3 for _ in range(100))
    (tmp_path / "pyproject.toml").write_text(f'[tool.migcheck]\nselect = ["MIG201"]\n[{key}]\n')
    code, _, err = run_cli(capsys, "check", ".")
    assert code == 2
    assert "pyproject.toml:3:2: not readable TOML: a key of 100 dotted names (at most 30 are read)" in err
