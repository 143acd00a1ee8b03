"""`--format sarif` for a code-scanning service: the driver lists the rules the run reported, not every
rule migcheck has; each has a one-sentence title (`shortDescription`), what it finds and what to do
(`fullDescription`) and its docs cut to a page (`help`). Every rule's docs made a 556 KB log for thirty
findings."""

from __future__ import annotations

import json

import pytest

from migcheck.docs import builtin_rules
from migcheck.report.sarif import HELP_CHARS, TITLE_CHARS, help_markdown, title

RULES = {rule.code: rule for rule in builtin_rules()}


def test_the_driver_lists_only_the_rules_the_results_name(contoso, run):
    code, out, _ = run("check", "examples/contoso", "--format", "sarif")
    assert code == 1
    log = json.loads(out)["runs"][0]
    ids = [rule["id"] for rule in log["tool"]["driver"]["rules"]]
    assert set(ids) == {result["ruleId"] for result in log["results"]}
    assert "MIG002" not in ids  # enabled, but nothing in contoso is a stray file
    for result in log["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]


def test_a_clean_run_lists_no_rule(contoso, run):
    code, out, _ = run("check", "examples/contoso", "--select", "MIG002", "--format", "sarif")
    assert code == 0
    log = json.loads(out)["runs"][0]
    assert log["tool"]["driver"]["rules"] == [] and log["results"] == []


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_s_title_is_one_short_sentence(code):
    text = title(RULES[code].summary)
    assert len(text) <= TITLE_CHARS, text
    assert text.endswith((".", "?", "…")), text
    assert ". " not in text.replace("1.*", ""), text


def test_a_long_summary_s_title_is_its_head_clause():
    # MIG001's summary is two sentences, 294 characters; what comes before its colon says it.
    assert title(RULES["MIG001"].summary) == "A file cannot be read."
    assert title(RULES["MIG402"].summary) == "A disk attached to no VM, or one of your images."


def test_a_title_is_never_cut_inside_brackets():
    cut = title(RULES["MIG204"].summary)
    assert cut.count("(") == cut.count(")"), cut


def test_the_full_description_is_the_summary_and_what_to_do(contoso, run):
    out = run("check", "examples/contoso", "--format", "sarif")[1]
    rules = {rule["id"]: rule for rule in json.loads(out)["runs"][0]["tool"]["driver"]["rules"]}
    acl = RULES["MIG201"]
    assert (
        rules["MIG201"]["fullDescription"]["text"] == f"{acl.summary} Fix: {' '.join(acl.fix_hint.split())}"
    )
    assert "migcheck rule MIG201" in rules["MIG201"]["help"]["text"]


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_s_page_is_a_few_kilobytes_of_whole_markdown(code):
    page = help_markdown(RULES[code])
    assert len(page) <= HELP_CHARS
    assert page.count("```") % 2 == 0  # no code block left open
    docs = RULES[code].documentation()
    headings = [line for line in docs.splitlines() if line.startswith("#") and not line.startswith("#!")]
    assert [line for line in page.splitlines() if line in headings] == headings


def test_a_long_page_says_where_the_whole_text_is():
    # MIG601's table of every classic call's replacement alone is 18 KB.
    rule = RULES["MIG601"]
    assert len(rule.documentation()) > HELP_CHARS
    page = help_markdown(rule)
    assert "…(see docs/rules.md#mig601-classic-automation)" in page
    assert page.startswith(rule.documentation()[:1000])
