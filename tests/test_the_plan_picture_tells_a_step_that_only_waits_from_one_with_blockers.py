"""The plan's pictures (the HTML page's SVG and the Markdown plan's Mermaid chart) colour a step that is
not ready only because a step before it is not (contoso's storage accounts after contoso-prod-vnet) apart
from a step with blockers of its own, and say so in the legend; the picture says each verdict whole, and
its legend says what the orange role chips inside a network's box are."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plan import Plan, build_plan
from migcheck.plugins import load_rules
from migcheck.report.plan_format import render_plan
from migcheck.report.plan_html import _verdict_words

ROOT = Path(__file__).resolve().parents[1]
SVG = "{http://www.w3.org/2000/svg}"
ONLY_WAITING = {"storage:contosojumpprem", "storage:contososqlprem"}


@pytest.fixture
def contoso(monkeypatch: pytest.MonkeyPatch) -> Plan:
    monkeypatch.chdir(ROOT)
    return build_plan(lint(["examples/contoso"], Config(), load_rules(entry_points=False)))


def _boxes(page: str) -> dict[str, ET.Element]:
    [svg] = [ET.fromstring(svg) for svg in re.findall(r"<svg .*?</svg>", page, re.S)]
    return {g.attrib["data-step"]: g for g in svg.iter(f"{SVG}g") if "data-step" in g.attrib}


def _legend(page: str) -> str:
    return re.search(r'<div class="legend">(.*?)</div>', page).group(1)


def test_the_storage_accounts_that_only_wait_on_their_network_are_not_drawn_as_blocked(contoso: Plan) -> None:
    page = render_plan(contoso, "html")
    boxes = _boxes(page)

    waiting = {step for step, box in boxes.items() if box.attrib["class"] == "step waiting"}
    assert waiting == ONLY_WAITING
    assert boxes["storage:contosojumpstd"].attrib["class"] == "step blocked"  # 1 blocker, and waits
    assert boxes["network:contoso-prod-vnet"].attrib["class"] == "step blocked"
    rect = boxes["storage:contososqlprem"].find(f"{SVG}rect")
    assert rect is not None and "stroke-dasharray" in rect.attrib
    assert '<span class="waiting">not ready: waits on a step before it</span>' in _legend(page)
    assert 'id="s1-9" data-step="storage:contososqlprem"' in page
    assert '<article class="step waiting" id="s1-9"' in page


def test_the_mermaid_chart_gives_a_step_that_only_waits_a_class_of_its_own(contoso: Plan) -> None:
    chart = render_plan(contoso, "markdown")

    classes = dict(re.findall(r'^  (s\d+)\[".*"\]:::(\w+)$', chart, re.M))
    assert [classes[f"s{n}"] for n in range(1, 10)] == [
        "blocked",  # the circuit: 1 blocker
        "blocked",
        "blocked",
        "blocked",
        "ready",  # contosojumpdiag: no disk of the whole disk list is in it, it waits on nothing
        "blocked",  # contoso-er-vnet: 2 blockers, and waits on the circuit
        "waiting",  # contosojumpprem
        "blocked",  # contosojumpstd: 1 blocker
        "waiting",  # contososqlprem
    ]
    assert "  classDef waiting fill:#fff3cd,stroke:#bf8700,stroke-dasharray:5 3" in chart


def test_the_picture_says_each_verdict_whole(contoso: Plan) -> None:
    page = render_plan(contoso, "html")
    boxes = _boxes(page)

    for step in contoso.subscriptions[0].steps:
        texts = ["".join(t.itertext()) for t in boxes[step.id].iter(f"{SVG}text")]
        verdict = " ".join(texts[2:])  # after the kind and the name
        assert _verdict_words(step) in verdict, step.id
        assert "…" not in verdict


def test_the_legend_says_what_the_orange_role_chips_are(contoso: Plan) -> None:
    page = render_plan(contoso, "html")

    chips = {
        rect.attrib["stroke"]
        for rect in _boxes(page)["network:contoso-web-vnet"].iter(f"{SVG}rect")
        if rect.attrib.get("height") == "16"
    }
    assert len(chips) == 1  # the two roles, Storefront and OrderProcessor
    [colour] = chips
    assert '<span class="role">role: a web/worker role, not migrated with its network</span>' in _legend(page)
    assert f".legend span.role::before {{ background: #ffffff; border: 1px solid {colour}; }}" in page


def test_a_long_command_in_the_runbook_wraps_rather_than_being_cut(contoso: Plan) -> None:
    page = render_plan(contoso, "html")

    [pre] = re.findall(r"^pre \{[^}]*\}", page, re.M)
    assert "white-space: pre-wrap" in pre and "overflow-wrap: anywhere" in pre
    assert "overflow-x" not in pre
