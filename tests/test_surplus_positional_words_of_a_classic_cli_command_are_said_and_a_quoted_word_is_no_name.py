"""A quoting slip (`--description \\"Disks for MongoDB\\"`, whose escaped quotes bash splits into words) gives
a classic `azure` command more positional words than it takes: the CLI binds them in order and drops the
rest, so migcheck took `for` as the storage account's name and a word such as `US"` as a name, and said
nothing. The first surplus word is now a part not read (`surplus-arguments`), and a word holding a quote is
never a name: it is a name the script does not state."""

from __future__ import annotations

from lint_support import lint_files, script_resources

from migcheck.model import SURPLUS_ARGUMENTS, Script
from migcheck.report.unread import why, why_named

SLIP = 'azure storage account create -l "West Europe" --description \\"Disks for VMs\\" "$storage"\n'


def _script(text: str) -> Script:
    (found,) = [r for r in script_resources("#!/bin/bash\n" + text, "create.sh") if isinstance(r, Script)]
    return found


def test_the_first_surplus_word_is_said_where_it_is_written():
    (mark,) = _script(SLIP).unread
    assert (mark.line, mark.column, mark.tag) == (2, 73, SURPLUS_ARGUMENTS)  # `VMs\\"`, after the name `for`
    assert why_named(mark) == "surplus-arguments"
    assert "more positional words than it takes" in why(mark)


def test_a_command_given_the_words_it_takes_says_nothing():
    assert (
        _script('azure storage account create -l "West Europe" --description "Disks for VMs" st1\n').unread
        == ()
    )


def test_a_word_holding_a_quote_is_no_name(tmp_path, monkeypatch):
    text = '#!/bin/bash\nazure vm create -w net1 -b s1 \\"svc1\\" img user\n'
    result = lint_files(tmp_path, monkeypatch, {"create.sh": text})
    (estate,) = result.estates
    names = [s.name for s in estate.cloud_services]
    assert len(names) == 1 and '"' not in names[0] and names[0].startswith("<DNS name")
