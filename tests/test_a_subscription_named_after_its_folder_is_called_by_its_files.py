"""Two folders of network configurations are two subscriptions, which migcheck names after their folders
when no setting names them. A folder's path is no name the user gave, so the reports call each "the
subscription of the files under <folder>", and the placeholder for its id likewise; the JSON keeps the
group's name, which tools key on. A run of one subscription has no heading for it in the text plan."""

from __future__ import annotations

import json

import pytest
from lint_support import APP_VNET_NETCFG, CONTOSO_NETCFG, run_cli


@pytest.fixture
def two_folders(tmp_path, monkeypatch):
    (tmp_path / "prod").mkdir()
    (tmp_path / "test").mkdir()
    (tmp_path / "prod" / "NetworkConfig.netcfg").write_text(CONTOSO_NETCFG)
    (tmp_path / "test" / "NetworkConfig.netcfg").write_text(APP_VNET_NETCFG)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_readiness_summary_calls_each_by_its_files(two_folders, capsys):
    _, out, _ = run_cli(capsys, "check", ".")
    titles = [line for line in out.splitlines() if line.startswith("Readiness")]
    assert titles == [
        "Readiness by migration scope, the subscription of the files under prod:",
        "Readiness by migration scope, the subscription of the files under test:",
    ]


def test_the_plan_heads_each_by_its_files_and_asks_for_its_id_so(two_folders, capsys):
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "The subscription of the files under prod:" in out.splitlines()
    assert "The subscription of the files under test:" in out.splitlines()
    assert "Subscription 'prod'" not in out
    assert "Select-AzSubscription -SubscriptionId '<subscription id of the files under test>'" in out
    _, markdown, _ = run_cli(capsys, "plan", ".", "--format", "markdown")
    assert "## The subscription of the files under `prod`" in markdown


def test_the_json_plan_keeps_the_folder_s_name(two_folders, capsys):
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    assert [s["subscription"] for s in json.loads(out)["subscriptions"]] == ["prod", "test"]


def test_a_configured_name_is_the_user_s_and_stays(two_folders, capsys):
    (two_folders / "migcheck.toml").write_text(
        '[subscriptions]\nproduction = ["prod/**"]\nstaging = ["test/**"]\n'
    )
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "Subscription 'production':" in out.splitlines() and "Subscription 'staging':" in out.splitlines()
    assert "files under" not in out


def test_one_subscription_has_no_heading_in_the_text_plan(two_folders, capsys):
    _, out, _ = run_cli(capsys, "plan", "prod")
    assert not [line for line in out.splitlines() if "ubscription '" in line or line.startswith("The sub")]
    assert "0. Before the first step (once in this subscription)" in out


def test_folders_given_by_an_absolute_path_are_called_as_given(two_folders, capsys, monkeypatch):
    # Run from elsewhere, the folders are shown whole, as `check` shows their files, not by a `../..` path
    # from wherever the command was run.
    elsewhere = two_folders / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    _, out, _ = run_cli(capsys, "plan", str(two_folders))
    prod = (two_folders / "prod").as_posix()
    assert f"The subscription of the files under {prod}:" in out.splitlines()
    assert "files under ../" not in out


def test_with_a_settings_file_folders_are_named_from_its_folder_however_given(
    two_folders, capsys, monkeypatch
):
    (two_folders / "migcheck.toml").write_text("")
    elsewhere = two_folders / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    _, out, _ = run_cli(capsys, "plan", str(two_folders), "--config", str(two_folders / "migcheck.toml"))
    assert "The subscription of the files under prod:" in out.splitlines()
