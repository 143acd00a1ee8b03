"""The classic CLI's `azure service deployment validate-migration` and `prepare-migration` take where the cloud
service's VMs go after its service and deployment names, as the CLI's migration walkthrough writes them (`new
"" "" ""`, or `existing <resource group> <subnet> <network>`): migcheck took two positional words and said the
destination was a surplus word not read, even in the command its own plan writes. Commit and abort still take
two."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Script


def _unread(text: str) -> tuple:
    (found,) = [r for r in script_resources("#!/bin/bash\n" + text, "migrate.sh") if isinstance(r, Script)]
    return found.unread


@pytest.mark.parametrize(
    "command",
    [
        'azure service deployment validate-migration shop shop new "" "" ""',
        'azure service deployment prepare-migration shop shop new "" "" ""',
        "azure service deployment prepare-migration shop shop existing rg1 web vnet1",
    ],
)
def test_the_destination_words_of_a_cloud_service_step_are_read(command):
    assert _unread(command + "\n") == ()


@pytest.mark.parametrize(
    ("command", "column"),
    [
        ("azure service deployment prepare-migration shop shop existing rg1 web vnet1 extra", 77),
        ("azure service deployment commit-migration shop shop new", 53),
    ],
)
def test_a_word_past_what_the_step_takes_is_still_said(command, column):
    (mark,) = _unread(command + "\n")
    assert (mark.line, mark.column) == (2, column)
