"""A baseline, the settings file and the report or baseline a run writes are migcheck's own files: a walk
never reads them as inputs (a baseline's JSON as an inventory export, say), nor counts them among the files
read, named or walked. A settings file that declares an inventory is read for it, as ever, and a classic file
named as the file to write is still read, and refused."""

from __future__ import annotations

from lint_support import APP_VNET_NETCFG, run_cli

SETTINGS = '[tool.migcheck]\nbaseline = "migcheck-baseline.json"\n'


def _project(tmp_path, monkeypatch, settings: str = SETTINGS) -> None:
    (tmp_path / "NetworkConfig.netcfg").write_text(
        APP_VNET_NETCFG.replace('Location="North Europe"', 'AffinityGroup="ag"')
    )
    (tmp_path / "pyproject.toml").write_text(settings)
    monkeypatch.chdir(tmp_path)


def test_the_baseline_a_run_wrote_is_not_read_by_the_next(tmp_path, monkeypatch, capsys):
    _project(tmp_path, monkeypatch)
    code, out, _ = run_cli(capsys, "check", ".", "--write-baseline", "migcheck-baseline.json")
    assert code == 0 and out.startswith("Wrote ")
    for options in ((), ("--no-baseline",), ("--baseline", "migcheck-baseline.json")):
        _, out, _ = run_cli(capsys, "check", ".", *options)
        assert " in 1 file" in out.splitlines()[-1] and " read" not in out.splitlines()[-1], options
    _, out, _ = run_cli(capsys, "check", ".", "--show-files")
    assert out.splitlines() == ["NetworkConfig.netcfg"]


def test_a_baseline_named_on_the_command_line_is_no_input(tmp_path, monkeypatch, capsys):
    _project(tmp_path, monkeypatch)
    run_cli(capsys, "check", ".", "--write-baseline", "migcheck-baseline.json")
    _, out, _ = run_cli(capsys, "check", "NetworkConfig.netcfg", "migcheck-baseline.json", "--no-baseline")
    assert out.splitlines()[-1].startswith("Found 1 finding in 1 file: ")


def test_the_report_a_run_writes_is_not_read_by_it(tmp_path, monkeypatch, capsys):
    _project(tmp_path, monkeypatch, "[tool.migcheck]\n")
    for _ in range(2):  # the second run meets the first's report
        run_cli(capsys, "check", ".", "--format", "json", "--output-file", "report.json")
    run_cli(capsys, "check", ".", "--output-file", "report.json")
    last = (tmp_path / "report.json").read_text().splitlines()[-1]
    assert last.startswith("Found 1 finding in 1 file: "), last


def test_settings_that_declare_an_inventory_are_read_for_it(tmp_path, monkeypatch, capsys):
    declared = '[tool.migcheck.inventory]\n[[tool.migcheck.inventory.vnet-services]]\nvnet = "nowhere"\nservice = "hdinsight"\nname = "etl"\n'
    _project(tmp_path, monkeypatch, declared)
    _, out, _ = run_cli(capsys, "check", ".")
    assert "pyproject.toml:2:1: MIG003" in out


def test_a_classic_file_named_as_the_report_is_still_read_and_not_written(tmp_path, monkeypatch, capsys):
    _project(tmp_path, monkeypatch)
    code, _, err = run_cli(capsys, "check", ".", "--no-baseline", "--output-file", "NetworkConfig.netcfg")
    assert code == 2 and "cannot write NetworkConfig.netcfg: it is a file this run checks" in err
    assert (tmp_path / "NetworkConfig.netcfg").read_text().startswith("<NetworkConfiguration")
