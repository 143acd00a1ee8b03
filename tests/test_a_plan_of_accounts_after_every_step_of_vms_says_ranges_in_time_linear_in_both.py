"""A storage account that may hold disks the files do not show comes after every step that moves VMs. The
plan said each such account's `after` as "after step 1, step 2, ... step n", and its note as "It waits on
step 1, step 2, ...", and each account's step walked every one of those steps again to place itself, to find
what it waits on and to count, for the overview, which steps it waits on: 800 to 6,400 of each took 0.19,
0.42, 1.08 and 3.10 s, and the HTML picture drew an arrow for each account and step. Now the formats say three
or more consecutive steps as a range ("after steps 1-3"), and steps that share one `after` tuple share the
work done on it, so doubling both the accounts and the steps of VMs only doubles the cost of the plan in the
text, Markdown and HTML formats; the JSON plan still lists every id each step comes after (its schema says
so), which doubles with either count alone."""

from __future__ import annotations

import json
import re

import pytest
from growth import assert_linear
from lint_support import accounts_waiting_on_every_vm, lint_files, run_cli

from migcheck.plan import build_plan, step_runs, steps_words
from migcheck.report.plan_format import render_plan


@pytest.mark.parametrize(
    ("numbers", "said"),
    [
        ([4], "step 4"),
        ([5, 4], "step 4 and step 5"),
        ([3, 1, 2], "steps 1-3"),
        ([1, 2, 3, 5, 7, 8, 9, 10, 12, 13], "steps 1-3, step 5, steps 7-10, step 12 and step 13"),
        ([9, 9, 8, 7], "steps 7-9"),
    ],
)
def test_three_or_more_consecutive_step_numbers_are_said_as_a_range(numbers, said):
    assert steps_words(numbers) == said
    assert [str(run) for run in step_runs(numbers)] == said.replace(" and ", ", ").split(", ")


def test_each_format_says_the_steps_an_account_comes_after_as_a_range(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, accounts_waiting_on_every_vm(4, 2), dedent=False)
    text = run_cli(capsys, "plan", ".")[1]
    assert "6. Storage account: spare0 [wave 2; after steps 1-4] — ready" in text.splitlines()
    assert "step 2, step 3" not in text
    markdown = run_cli(capsys, "plan", ".", "--format", "markdown")[1]
    assert "- **Wave** 2; after steps 1-4" in markdown.splitlines()
    page = run_cli(capsys, "plan", ".", "--format", "html")[1]
    assert '<dt>Wave</dt><dd>2; after <a href="#s1-1">steps 1-4</a></dd>' in page
    # The ids stay in the JSON plan, for tools.
    (subscription,) = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])["subscriptions"]
    by_id = {step["id"]: step for step in subscription["steps"]}
    assert by_id["storage:spare0"]["after"] == [f"service:svc{i}/d{i}" for i in range(4)]


def test_a_ready_account_says_it_waits_on_a_range_of_steps_not_ready(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, accounts_waiting_on_every_vm(4, 2, blocked=True), dedent=False)
    text = run_cli(capsys, "plan", ".")[1]
    assert (
        "   note: It waits on steps 1-4, which are not ready: it can start only once those steps are unblocked "
        "and committed."
    ) in text.splitlines()
    # The overview counts each account once as waiting on each of the steps of VMs.
    (subscription,) = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])["subscriptions"]
    assert subscription["overview"]["waited_by"] == 3  # `disks`, spare0 and spare1


def test_the_html_runbook_links_each_step_an_account_comes_after_to_that_step(tmp_path, monkeypatch, capsys):
    """The steps of VMs of twelve services are numbered as their services are listed (svc0, svc1, svc2, ...),
    and the account of their disks lists their ids sorted as text (svc0, svc1, svc10, svc11, svc2, ...):
    each number, or range, links to the step it starts with, where the n-th number linked to the step of
    the n-th id (step 3 to svc10's)."""
    files = accounts_waiting_on_every_vm(12, 0)
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    page = run_cli(capsys, "plan", ".", "--format", "html")[1]
    anchors = dict(re.findall(r'<article class="step \w+" id="([^"]+)" data-step="([^"]+)"', page))
    (after,) = re.findall(r"<dt>Wave</dt><dd>2; after (.*?)</dd>", page)
    for anchor, words in re.findall(r'<a href="#([^"]+)">([^<]+)</a>', after):
        first = int(words.split()[1].split("-")[0])
        assert list(anchors).index(anchor) + 1 == first, (anchor, words)


def test_the_mermaid_diagram_says_the_arrows_of_steps_after_the_same_steps_once(
    tmp_path, monkeypatch, capsys
):
    lint_files(tmp_path, monkeypatch, accounts_waiting_on_every_vm(3, 2), dedent=False)
    markdown = run_cli(capsys, "plan", ".", "--format", "markdown")[1]
    arrows = [line.strip() for line in markdown.splitlines() if " --> " in line]
    # `disks` has a tuple of its own; the two accounts no disk is in share one, said in one line.
    assert arrows == ["s1 --> s4", "s2 --> s4", "s3 --> s4", "s1 & s2 & s3 --> s5 & s6"]


def test_the_html_picture_draws_an_arrow_per_step_of_accounts_after_the_same_steps(
    tmp_path, monkeypatch, capsys
):
    lint_files(tmp_path, monkeypatch, accounts_waiting_on_every_vm(3, 4), dedent=False)
    page = run_cli(capsys, "plan", ".", "--format", "html")[1]
    # Three arrows into `disks`; three lines to the dot, and an arrow from it into each of four accounts.
    assert (page.count("<path "), page.count("<polygon "), page.count("<circle ")) == (3 + 3 + 4, 3 + 4, 1)


def _planned(tmp_path, monkeypatch, services: int, accounts: int, blocked: bool = False):
    folder = tmp_path / f"s{services}a{accounts}{'b' if blocked else ''}"
    return lint_files(
        folder, monkeypatch, accounts_waiting_on_every_vm(services, accounts, blocked), dedent=False
    )


@pytest.mark.parametrize("blocked", [False, True], ids=["ready", "not ready"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_the_plan_of_many_accounts_and_steps_of_vms_in_each_format(fmt, blocked, tmp_path, monkeypatch):
    def make(n: int):
        result = _planned(tmp_path, monkeypatch, n, n, blocked)
        return lambda: render_plan(build_plan(result), fmt)

    assert_linear(make, 400)


@pytest.mark.parametrize("doubled", ["accounts", "services"])
def test_the_json_plan_of_many_accounts_and_steps_of_vms(doubled, tmp_path, monkeypatch):
    def make(n: int):
        counts = (n, 100) if doubled == "services" else (100, n)
        result = _planned(tmp_path, monkeypatch, *counts, blocked=True)
        return lambda: render_plan(build_plan(result), "json")

    assert_linear(make, 400)
