"""`--format sarif`: the run defines the base id every file's uri is relative to (`originalUriBaseIds`, as
SARIF 2.1.0 asks), by a description and no absolute uri, so that the log stays the same wherever the files
are checked out."""

from __future__ import annotations

import json
import shutil

from report_support import CSCFG, edit


def base_ids(node: object) -> set[str]:
    """Every `uriBaseId` the log uses, however deep."""
    if isinstance(node, dict):
        own = {node["uriBaseId"]} if isinstance(node.get("uriBaseId"), str) else set()
        return own.union(*(base_ids(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(base_ids(value) for value in node))
    return set()


def test_every_base_id_the_log_uses_is_defined_without_an_absolute_path(contoso, run):
    # A suppression comment, whose location is in the log too.
    edit(
        CSCFG,
        '      <EndpointAcl role="Storefront" endpoint="HttpIn"',
        "      <!-- migcheck: ignore[MIG201] removed by the cut-over runbook -->\n"
        '      <EndpointAcl role="Storefront" endpoint="HttpIn"',
    )
    (sarif_run,) = json.loads(run("check", "examples/contoso", "--format", "sarif")[1])["runs"]
    defined = sarif_run["originalUriBaseIds"]
    results = sarif_run["results"]
    assert base_ids(results) == set(defined) == {"%SRCROOT%"}
    assert any("suppressions" in result for result in results)
    assert defined["%SRCROOT%"] == {
        "description": {"text": "The working directory migcheck ran in: every file's uri is relative to it."}
    }
    assert str(contoso) not in json.dumps(sarif_run)


def test_the_log_is_the_same_wherever_the_files_are_checked_out(contoso, run, monkeypatch, tmp_path_factory):
    first = run("check", "examples/contoso", "--format", "sarif")[1]
    elsewhere = tmp_path_factory.mktemp("another-checkout")
    shutil.copytree(contoso / "examples", elsewhere / "examples")
    monkeypatch.chdir(elsewhere)
    assert run("check", "examples/contoso", "--format", "sarif")[1] == first
