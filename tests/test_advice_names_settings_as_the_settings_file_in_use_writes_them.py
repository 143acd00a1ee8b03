"""Advice that names a setting (exclude a file, group exported VMs by service, tell subscriptions apart) names
it as the settings file in use writes it: `[tool.migcheck] exclude` of a pyproject.toml, a top-level
`exclude` of a migcheck.toml (or of a file given with --config), both forms when there is none. An empty
XML file's MIG001 offers to exclude it, as a binary or broken one does."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli

from migcheck.config import in_settings_file

# A file that cannot be read, in each format migcheck reads: the advice of each offers to exclude it.
UNREADABLE = {
    "empty.cscfg": b"",
    "binary.netcfg": b"\x00\x01\x02binary\x00",
    # Larger than a script may be (512 KB).
    "large.ps1": b"New-AzureVM -ServiceName svc -VMs $vm\n" + b"# padding\n" * 60_000,
}


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "infra").mkdir()
    for name, data in UNREADABLE.items():
        (tmp_path / "infra" / name).write_bytes(data)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _advice(capsys, *argv: str) -> dict[str, str]:
    _, out, _ = run_cli(capsys, "check", "--format", "json", *argv)
    return {finding["path"].rpartition("/")[2]: finding["fix"] for finding in json.loads(out)}


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_without_a_settings_file_the_advice_gives_both_forms(repo, capsys, name):
    assert (
        "exclude it in [tool.migcheck] exclude of pyproject.toml (`exclude` of migcheck.toml)"
        in _advice(capsys, "infra")[name]
    )


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_with_a_migcheck_toml_the_advice_names_its_top_level_key(repo, capsys, name):
    (repo / "migcheck.toml").write_text("fail-on = 'error'\n")
    advice = _advice(capsys, "infra")[name]
    assert "exclude it in `exclude` of migcheck.toml" in advice
    assert "tool.migcheck" not in advice


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_with_a_pyproject_toml_the_advice_names_its_table(repo, capsys, name):
    (repo / "pyproject.toml").write_text("[tool.migcheck]\nfail-on = 'error'\n")
    assert "exclude it in [tool.migcheck] exclude of pyproject.toml." in _advice(capsys, "infra")[name]


def test_a_settings_file_given_with_config_is_named_with_its_top_level_key(repo, capsys):
    (repo / "ci.toml").write_text("fail-on = 'error'\n")
    advice = _advice(capsys, "--config", "ci.toml", "infra")["empty.cscfg"]
    assert advice.endswith("or exclude it in `exclude` of ci.toml.")


def test_an_empty_xml_file_is_offered_exclude(repo, capsys):
    assert _advice(capsys, "infra/empty.cscfg")["empty.cscfg"] == (
        "Write the document the file should hold, delete the file, or exclude it in [tool.migcheck] "
        "exclude of pyproject.toml (`exclude` of migcheck.toml)."
    )


@pytest.mark.parametrize(
    ("source", "said"),
    [
        ("", "under [tool.migcheck.cloud-services] of pyproject.toml ([cloud-services] of migcheck.toml): "),
        ("infra/migcheck.toml", "under [cloud-services] of infra/migcheck.toml: "),
        ("pyproject.toml", "under [tool.migcheck.cloud-services] of pyproject.toml: "),
    ],
)
def test_a_table_is_named_as_the_settings_file_writes_it(source, said):
    written = "say which files are of which service under [tool.migcheck.cloud-services]: migcheck groups"
    assert said in in_settings_file(written, source)


def test_a_quoted_table_stays_quoted_and_the_file_follows_it():
    written = 'make it an error: `MIG204 = "error"` under `[tool.migcheck.severity]`.'
    assert in_settings_file(written, "migcheck.toml") == (
        'make it an error: `MIG204 = "error"` under `[severity]` of migcheck.toml.'
    )
