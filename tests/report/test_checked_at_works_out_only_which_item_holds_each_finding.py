"""JSON's `checked_at` asks only which item of the readiness summary holds each finding: the items it makes
own what the summary's do, but it works out none of what the summary says of them (where a service comes
from, whether it is partly described or in a network no file defines, a network's migration state, what
migrates before an account, the accounts no file states, which own nothing; what an account holds only
where two items own one element and the finding's names tell which). Those were a tenth of what it made;
its answers are the summary's."""

from __future__ import annotations

import pytest

from migcheck.report import readiness

# What only the summary shows of its items (what an item migrates is made when first asked, by the summary,
# or by `checked_at` where two items own one element).
DESCRIBING = (
    "_shown_names",
    "in_unnamed_networks",
    "_moved_before",
    "_unstated_account_drafts",
)


@pytest.fixture
def corpus(corpus_lint):
    """The session's check of the corpus (`corpus_lint`): `checked_at` memoizes nothing on it."""
    return corpus_lint


def test_checked_at_describes_no_item(corpus, monkeypatch):
    def refused(*_args, **_kwargs):
        raise AssertionError("checked_at worked out what only the summary shows")

    for name in DESCRIBING:
        monkeypatch.setattr(readiness, name, refused)
    steps = readiness.checked_at(corpus)
    assert {steps(finding) for finding in corpus.findings} == {"validate", "prepare", None}


def test_checked_at_answers_as_the_summary_does(corpus):
    alone = readiness.checked_at(corpus)
    summarized = readiness.checked_at(corpus, readiness.readiness(corpus))
    assert [alone(f) for f in corpus.findings] == [summarized(f) for f in corpus.findings]
