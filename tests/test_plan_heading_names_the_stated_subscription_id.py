"""A plan's heading names a subscription as its step 0 selects it: the files' one group, which no setting
names ('default'), by the subscription id an export states, in Markdown and HTML alike (the text plan of one
subscription has no heading); a named group keeps its name, and the JSON plan keeps the group's name, which
tools key on."""

from __future__ import annotations

import json

from lint_support import graph_page, graph_vm, lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

ID = "11111111-1111-4111-8111-111111111111"


def plan(tmp_path, monkeypatch):
    files = {"classic.json": graph_page(graph_vm(ID, "svca", "vma01"), indent=2)}
    return build_plan(lint_files(tmp_path, monkeypatch, files, dedent=False))


def test_text_markdown_and_html_headings_name_the_id(tmp_path, monkeypatch):
    built = plan(tmp_path, monkeypatch)
    text = render_plan(built, "text")
    # The text plan of one subscription has no heading: its step 0 names the subscription it selects.
    assert f"Select subscription {ID} and register" in text
    assert "Subscription '" not in text
    assert f"## Subscription `{ID}`" in render_plan(built, "markdown")
    assert f"<h2>Subscription <code>{ID}</code></h2>" in render_plan(built, "html")


def test_the_json_plan_keeps_the_group_s_name(tmp_path, monkeypatch):
    data = json.loads(render_plan(plan(tmp_path, monkeypatch), "json"))
    [subscription] = data["subscriptions"]
    assert (subscription["subscription"], subscription["before"]["subscription_id"]) == ("default", ID)


def test_files_stating_no_id_keep_default(tmp_path, monkeypatch):
    netcfg = (
        '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
        "<VirtualNetworkConfiguration><VirtualNetworkSites>"
        '<VirtualNetworkSite name="net" Location="West Europe"><AddressSpace>'
        "<AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace></VirtualNetworkSite>"
        "</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": netcfg}, dedent=False)
    assert "Subscription 'default'" not in render_plan(build_plan(result), "text")  # no heading for one
    assert "## Subscription `default`" in render_plan(build_plan(result), "markdown")
