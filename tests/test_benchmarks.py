"""The benchmarks still run: their generators write inputs migcheck reads as intended, the floors parse
what the generators write, the growth measurement runs end to end, and the tables of docs/performance.md come
out with a row for every command. Inputs are the smallest that do; no figure is compared with anything."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import floor  # noqa: E402
import hostile  # noqa: E402
import inventory  # noqa: E402
import run  # noqa: E402
import scripts  # noqa: E402

from migcheck.cli import main  # noqa: E402


@pytest.mark.parametrize("case", hostile.GROWTH_CASES, ids=lambda case: case.name)
def test_each_growth_input_is_read_as_intended(case, tmp_path, monkeypatch, capsys):
    """No input of the growth table is refused or silences nothing: each measures its dimension."""
    monkeypatch.chdir(tmp_path)
    paths = case.make(8)(tmp_path)
    out = tmp_path / "out.json"
    code = main(["check", *case.options, "--format", "json", "--output-file", str(out), *paths])
    capsys.readouterr()
    assert code in (0, 1)
    codes = {finding["code"] for finding in json.loads(out.read_text())}
    assert not codes & {"MIG001", "MIG006"}  # unreadable file, suppression that silences nothing


def test_the_growth_table_measures_every_doubling_in_a_child(tmp_path):
    (row,) = hostile.growth_rows(scale=0.001, only="suppression filter", runs=1)
    assert not row.error and row.n == 2
    assert len(row.times) == hostile.DOUBLINGS + 1 and min(row.times) > 0
    assert len(row.factors) == hostile.DOUBLINGS
    table = list(hostile.growth_table([row]))
    assert table[0].count("time at") == hostile.DOUBLINGS + 1
    assert table[-1].startswith(f"| {row.name} | 2 | ")
    assert table[-1].count("x") >= hostile.DOUBLINGS


def test_the_growth_per_doubling_is_each_size_against_the_one_before():
    row = hostile.GrowthRow("x", 2, (0.1, 0.2, 0.8, 1.6))
    assert [round(f, 2) for f in row.factors] == [2.0, 4.0, 2.0]
    assert hostile.GrowthRow("x", 2, (0.0, 0.2)).factors == ()


def test_a_failing_growth_run_is_a_row_saying_why():
    row = hostile.GrowthRow("x", 2, (), "migcheck check failed: boom")
    assert row.factors == ()
    last = list(hostile.growth_table([row]))[-1]
    assert last.startswith("| x | 2 | error: migcheck check failed: boom |")
    assert last.count("|") == next(hostile.growth_table([])).count("|")


@pytest.mark.parametrize("kind", ["xml", "scripts", "inventory"])
def test_each_floor_parses_every_file_its_generator_writes(kind, tmp_path, capsys):
    if kind == "xml":
        command = [sys.executable, str(BENCHMARKS / "generate.py"), str(tmp_path / "estate")]
        counts = ["--services", "3", "--vms", "2", "--vnets", "2"]
        subprocess.run([*command, *counts], check=True, capture_output=True)
        folder, expected = tmp_path / "estate", run.classic_files(tmp_path / "estate")[0]
    elif kind == "scripts":
        folder, _, expected = scripts.generate(tmp_path, 40, 0.5, seed=1)
    else:
        expected, _ = inventory.generate(tmp_path / "repo", 5, inventory.MIN_RECORDS, seed=1)
        folder = tmp_path / "repo"
    assert expected > 0
    assert floor.main(["--of", kind, str(folder)]) == 0
    assert capsys.readouterr().out == f"parsed {expected} files, 0 did not parse\n"


def test_the_floor_explains_its_usage(capsys):
    assert floor.main(["--of", "yaml", "x"]) == 2
    assert "usage: floor.py [-h] [--of xml|scripts|inventory] FOLDER" in capsys.readouterr().err


def _run_script(name: str, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / name), *argv],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("name", sorted(path.name for path in BENCHMARKS.glob("*.py")))
def test_each_benchmark_script_s_help_prints_its_usage(name):
    """`--help` is never taken for a folder or a count, and measures nothing."""
    run = _run_script(name, "--help")
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout.startswith("usage")


@pytest.mark.parametrize(
    ("name", "argv", "said"),
    [
        ("floor.py", ["MISSING"], "floor.py: error: MISSING: not a folder"),
        ("floor.py", ["--of", "inventory", "MISSING"], "floor.py: error: MISSING: not a folder"),
        ("run.py", ["--estate", "MISSING"], "run.py: error: --estate MISSING: not a folder"),
        ("run.py", ["--large-estate", "MISSING"], "run.py: error: --large-estate MISSING: not a folder"),
        ("editor.py", ["--estate", "MISSING"], "editor.py: error: --estate MISSING: not a folder"),
        ("generate.py", ["MISSING/estate"], "generate.py: MISSING: not a folder"),  # it makes the last only
        ("shares.py", ["MISSING"], "shares.py: error: MISSING: not a folder"),
    ],
)
def test_a_folder_that_is_not_there_is_said_in_one_line(name, argv, said, tmp_path):
    missing = str(tmp_path / "missing")
    run = _run_script(name, *(arg.replace("MISSING", missing) for arg in argv))
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == said.replace("MISSING", missing) + "\n"


def test_the_inventory_repository_is_read_as_inventory(tmp_path, monkeypatch, capsys):
    inventory.generate(tmp_path, 4, 40, seed=3)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--show-files", "."]) == 0
    listed = capsys.readouterr().out
    assert listed.count(".json") == len(list(tmp_path.rglob("*.json"))) == 4 * 3


def _measured(wall: float, rss: float, label: str) -> run.Measurement:
    m = run.Measurement(label, frozenset({0, 1}), findings=3)
    m.samples.append(run.Sample(wall, rss, 0, b"", b""))
    return m


def test_findings_are_counted_from_the_kept_output_and_pytest_items_from_its_tail(tmp_path):
    output = tmp_path / "check.out"
    code = "import json; print(json.dumps([{'code': 'MIG101'}] * 5))"
    check = run.measure("(b) check", [sys.executable, "-c", code], tmp_path, 1, {0}, {}, output=output)
    items = "for i in range(5000): print(f'x.cscfg::MIG{i} PASSED')\nprint('2 failed, 5000 passed in 1.0s')"
    plugin = run.measure("(e) pytest", [sys.executable, "-c", items], tmp_path, 1, {0}, {})
    run.count_outputs({"check": check, "pytest": plugin})
    assert (check.findings, plugin.findings) == (5, None)
    assert run.count_findings(check) == "  (5 findings)"
    assert len(plugin.samples[-1].stdout) == run.TAIL_BYTES  # the rest is never held
    assert run.count_items(plugin) == 5002


def test_the_pytest_rows_run_with_every_other_installed_pytest_plugin_turned_off():
    from importlib.metadata import entry_points

    others = {ep.name for ep in entry_points(group="pytest11")} - {"migcheck"}
    assert others  # the test suite's own dependencies install some (hypothesis, pytest-xdist)
    for command in (run.pytest_command(), run.noop_command()):
        pairs = itertools.pairwise(command)
        turned_off = {b.removeprefix("no:") for a, b in pairs if a == "-p" and b.startswith("no:")}
        assert turned_off == others | {"cacheprovider"}


def test_the_performance_tables_have_a_row_for_every_command_and_ratio():
    keys = [
        "floor", "check", "version", "empty", "pytest", "noop", "select", "select_network",
        "large_floor", "large", "scripts_floor", "scripts", "inventory_floor", "inventory",
        "check_one", "large_one",
    ]  # fmt: skip
    letters = "abcdefghijklmnop"
    measured = {k: _measured(1.0 + i, 10.0, f"({letters[i]}) {k}") for i, k in enumerate(keys)}
    measured["pytest"].samples[0].stdout = b"...\n2 failed, 5 passed in 1.00s\n"
    notes = {"large": "40 classic files", "scripts": "9 scripts", "inventory": "3 export files"}
    lines = run.markdown(measured, run.titles_of(measured, notes), ["| growth |"])
    rows = [line.split(" | ")[0].removeprefix("| ") for line in lines if line.startswith("| (")]
    assert rows == [
        "(a) floor: import lxml, parse every file",
        "(b) `migcheck check --format json` (3 findings)",
        "(b)/(a)",
        "(o) (b) reading in one process: `--jobs 1`",
        "(o)/(a)",
        "(c) `migcheck --version`",
        "(d) `migcheck check` on an empty folder",
        "(e) `pytest --migcheck -q` (7 items)",
        "(e)/(b)",
        "(f) pytest, the same items doing nothing",
        "(e)/((f)+(b))",
        "(g) `check --format json --select MIG201` (cloud services: every file but the `.netcfg`)",
        "(g)/(b)",
        "(h) `check --format json --select MIG303` (networks: the `.netcfg` and `.xml` files)",
        "(h)/(b)",
        "(i) floor on 40 classic files",
        "(j) `migcheck check --format json` on the same (3 findings)",
        "(j)/(i)",
        "(p) (j) reading in one process: `--jobs 1`",
        "(p)/(i)",
        "(k) floor: parse the classic scripts (`ast`, tree-sitter) of 9 scripts",
        "(l) `migcheck check --format json` on all of them (3 findings)",
        "(l)/(k)",
        "(m) floor: `json.loads` of 3 export files",
        "(n) `migcheck check --format json` on them (3 findings)",
        "(n)/(m)",
    ]
    assert "| (b)/(a) | 2.00\u00d7 | | \u2264 1.5\u00d7: **not met** |" in lines
    assert "| (c) `migcheck --version` | 3000 ms | 10 MB | \u2264 100 ms: **not met** |" in lines
    assert lines[-2:] == ["", "| growth |"]
