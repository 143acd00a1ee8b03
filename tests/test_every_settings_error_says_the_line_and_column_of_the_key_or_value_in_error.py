"""Every error in the settings (`[tool.migcheck]` of pyproject.toml, a migcheck.toml) stops the run with
exit 2 and says the file, the line and the column of the value in error (of the key, for a key that is no
setting or a rule `severity` names that does not exist), as an inventory declaration in error does. A wrong
value of any setting is worded one way, naming what the setting accepts: `fail-on = 1` and
`fail-on = "bogus"` alike."""

from __future__ import annotations

import pytest
from lint_support import run_cli

SEVERITIES = "must be one of error, warning, info"

# (file, its text, what stderr says after `migcheck: error: `)
CASES = [
    (
        "pyproject.toml",
        "[tool.migcheck]\nfail-on = 1\n",
        f"pyproject.toml:2:11: `fail-on` {SEVERITIES}, got 1",
    ),
    ("migcheck.toml", 'fail-on = "bogus"\n', f"migcheck.toml:1:11: `fail-on` {SEVERITIES}, got 'bogus'"),
    (
        "pyproject.toml",
        '[tool.migcheck]\nselect = ["MIG1"]\n\n[tool.migcheck.severity]\nMIG101 = "loud"\n',
        f"pyproject.toml:5:10: `severity.MIG101` {SEVERITIES}, got 'loud'",
    ),
    (
        "pyproject.toml",
        '[tool.migcheck]\nlocal-configurations = "yes"\n',
        "pyproject.toml:2:24: `local-configurations` must be true or false, got 'yes'",
    ),
    ("migcheck.toml", "include = 3\n", "migcheck.toml:1:11: `include` must be a list of strings, got 3"),
    (
        "pyproject.toml",
        "[tool.migcheck]\nselect = []\n",
        "pyproject.toml:2:10: `select` must be a list naming",
    ),
    ("pyproject.toml", "[tool.migcheck]\nselct = []\n", "pyproject.toml:2:1: unknown setting `selct`"),
    (
        "pyproject.toml",
        '[tool.migcheck]\nselect = ["MIG1", "MIG999"]\n',
        "pyproject.toml:2:10: unknown rule 'MIG999' in `select`: ",
    ),
    (
        "migcheck.toml",
        'ignore = ["MIG101"]\n\n[severity]\nMIG999 = "error"\n',
        "migcheck.toml:4:1: unknown rule 'MIG999' in `severity`: ",
    ),
    (
        "pyproject.toml",
        '[tool.migcheck.per-file-ignores]\n"shop/*" = ["MIG999"]\n',
        "pyproject.toml:2:12: unknown rule 'MIG999' in per-file-ignores 'shop/*': ",
    ),
    (
        "pyproject.toml",
        '[tool.migcheck]\nbaseline = "../outside.json"\n',
        "pyproject.toml:2:12: `baseline`: '../outside.json' is outside the project",
    ),
    (
        "pyproject.toml",
        '[tool.migcheck]\nbaseline = "nope.json"\n',
        "pyproject.toml:2:12: `baseline`: cannot read baseline nope.json",
    ),
    (
        "pyproject.toml",
        "[tool]\nmigcheck = 3\n",
        "pyproject.toml:2:12: [tool.migcheck] must be a table, got 3",
    ),
    ("migcheck.toml", "select = 5x\n", "migcheck.toml:1:11: not valid TOML: "),
    ("pyproject.toml", 'tool = "x"\n', "pyproject.toml:1:8: `tool` must be a table ([tool]), got 'x'"),
]


@pytest.mark.parametrize(
    ("name", "text", "said"), CASES, ids=[case[2].partition(": ")[2][:40] for case in CASES]
)
def test_a_settings_error_stops_the_run_where_the_file_writes_it(
    tmp_path, monkeypatch, capsys, name, text, said
):
    project = tmp_path / "project"
    project.mkdir()
    (project / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(project)
    code, out, err = run_cli(capsys, "check", ".")
    assert code == 2 and out == ""
    assert err.startswith(f"migcheck: error: {said}"), err
    assert "Traceback" not in err


def test_fail_on_given_a_number_or_an_unknown_name_is_worded_alike(tmp_path, monkeypatch, capsys):
    said = []
    for value in ("1", '"bogus"', "true"):
        (tmp_path / "migcheck.toml").write_text(f"fail-on = {value}\n", encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        code, _, err = run_cli(capsys, "check", ".")
        assert code == 2
        said.append(err.rpartition(", got ")[0])
    assert said == [f"migcheck: error: migcheck.toml:1:11: `fail-on` {SEVERITIES}"] * 3
