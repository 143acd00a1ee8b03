"""A subscription named after its folder is named relative to the project's root, the folder of the
settings file (as every path in the settings is): a run from the root, from a folder inside it and from
outside it name the subscriptions alike. With no settings file, names stay relative to the working
directory."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from migcheck.cli import main

NETCFG = Path(__file__).resolve().parent.parent / "examples" / "contoso" / "network" / "NetworkConfig.netcfg"


def subscriptions(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    main(["check", "--format", "report-json", *args])
    return [s["subscription"] for s in json.loads(capsys.readouterr().out)["subscriptions"]]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with two subscriptions' network configurations, in `subs/east` and `subs/west`."""
    root = tmp_path / "repo"
    for name in ("east", "west"):
        (root / "subs" / name / "network").mkdir(parents=True)
        shutil.copy(NETCFG, root / "subs" / name / "network" / "NetworkConfig.netcfg")
    (root / "pyproject.toml").write_text("[tool.migcheck]\n")
    return root


def test_named_from_the_settings_file_wherever_the_run_starts(repo: Path, monkeypatch, capsys):
    monkeypatch.chdir(repo)
    from_root = subscriptions(capsys, ".")
    assert from_root == ["subs/east", "subs/west"]  # as they always were, run from the root

    monkeypatch.chdir(repo.parent)
    assert subscriptions(capsys, "repo") == from_root

    monkeypatch.chdir(repo / "subs" / "east")
    assert subscriptions(capsys, "../..") == from_root
    assert subscriptions(capsys, "..") == from_root


def test_a_settings_file_named_on_the_command_line_is_the_root(repo: Path, monkeypatch, capsys):
    (repo / "pyproject.toml").unlink()
    settings = repo / "subs" / "migcheck.toml"
    settings.write_text("[tool.migcheck]\n")
    monkeypatch.chdir(repo)
    assert subscriptions(capsys, "--config", str(settings), ".") == ["east", "west"]


def test_without_a_settings_file_names_are_relative_to_the_working_directory(repo: Path, monkeypatch, capsys):
    (repo / "pyproject.toml").unlink()
    monkeypatch.chdir(repo)
    assert subscriptions(capsys, ".") == ["subs/east", "subs/west"]
