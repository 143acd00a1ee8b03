"""Two packages of one service name, one at the root of the folder checked and one in a folder below it (a
solution's copy of its cloud project), are told apart by their folders, the root by its own name: the
plan's steps, their ids and the readiness summary say `shop (ScaleDemo)` and `shop (ScaleDemo/Cloud)`,
never `shop (.)`, from the folder itself or from above it. The summary's row says where the service comes
from beside what it moves, in one pair of brackets."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli

CSDEF = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small" />
  <WorkerRole name="Worker" vmsize="Small" />
</ServiceDefinition>
"""
CSCFG = """\
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2" /></Role>
  <Role name="Worker"><Instances count="1" /></Role>
  <NetworkConfiguration><VirtualNetworkSite name="net" /></NetworkConfiguration>
</ServiceConfiguration>
"""


@pytest.fixture
def solution(tmp_path):
    root = tmp_path / "ScaleDemo"
    (root / "Cloud").mkdir(parents=True)
    (root / "ServiceDefinition.csdef").write_text(CSDEF)
    (root / "Cloud" / "ServiceDefinition.csdef").write_text(CSDEF)
    return root


def _steps(capsys, *paths: str) -> list[tuple[str, str]]:
    _, out, _ = run_cli(capsys, "plan", *paths, "--format", "json")
    steps = json.loads(out)["subscriptions"][0]["steps"]
    return [(s["id"], s["name"]) for s in steps if s["kind"] != "prerequisites"]


@pytest.mark.parametrize("run_from", ["the folder", "above it"])
def test_the_plan_names_the_root_by_the_folder_s_name(solution, monkeypatch, capsys, run_from):
    monkeypatch.chdir(solution if run_from == "the folder" else solution.parent)
    path = "." if run_from == "the folder" else "ScaleDemo"
    assert _steps(capsys, path) == [
        ("web-worker:shop@ScaleDemo", "shop (ScaleDemo)"),
        ("web-worker:shop@ScaleDemo/Cloud", "shop (ScaleDemo/Cloud)"),
    ]
    for form in ("text", "markdown", "html"):
        _, out, _ = run_cli(capsys, "plan", path, "--format", form)
        assert "shop (ScaleDemo)" in out and "shop (ScaleDemo/Cloud)" in out
        assert "(.)" not in out


def test_the_readiness_row_says_where_the_service_comes_from_beside_what_it_moves(
    solution, monkeypatch, capsys
):
    monkeypatch.chdir(solution)
    _, out, _ = run_cli(capsys, "check", ".")
    assert "    shop (2 web/worker roles; in ScaleDemo)  " in out
    assert "    shop (2 web/worker roles; in ScaleDemo/Cloud)  " in out
    assert "(.)" not in out and ") (" not in out
    _, out, _ = run_cli(capsys, "check", ".", "--format", "report-json")
    items = [i for s in json.loads(out)["subscriptions"][0]["scopes"] for i in s["items"]]
    assert [i["name"] for i in items if i["type"] == "CloudService"] == [
        "shop (ScaleDemo)",
        "shop (ScaleDemo/Cloud)",
    ]


def test_a_network_s_services_say_where_they_come_from_in_one_pair_of_brackets(solution, monkeypatch, capsys):
    (solution / "ServiceConfiguration.Cloud.cscfg").write_text(CSCFG)
    (solution / "Cloud" / "ServiceConfiguration.Cloud.cscfg").write_text(CSCFG)
    monkeypatch.chdir(solution)
    _, out, _ = run_cli(capsys, "check", ".")
    assert (
        "cloud services: shop (2 web/worker roles; in ScaleDemo), shop (2 web/worker roles; in ScaleDemo/Cloud))"
        in out
    )
    _, out, _ = run_cli(capsys, "check", ".", "--format", "report-json")
    items = [i for s in json.loads(out)["subscriptions"][0]["scopes"] for i in s["items"]]
    (network,) = [i for i in items if i["name"] == "net"]
    listed = [(s["name"], s["origin"]) for s in network["migrates"]["cloud_services"]]
    assert listed == [("shop (ScaleDemo)", "ScaleDemo"), ("shop (ScaleDemo/Cloud)", "ScaleDemo/Cloud")]


def test_folders_below_the_one_checked_are_named_as_before(tmp_path, monkeypatch, capsys):
    """Near miss: no service at the root, so each folder is named from there, as it was."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "ServiceDefinition.csdef").write_text(CSDEF)
    monkeypatch.chdir(tmp_path)
    assert [name for _, name in _steps(capsys, ".")] == ["shop (a)", "shop (b)"]
