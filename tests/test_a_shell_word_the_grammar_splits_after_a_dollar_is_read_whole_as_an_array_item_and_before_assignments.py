"""A word tree-sitter-bash splits after a `$` (`$A/$B/x`, see `shell._split_off`) is the one word bash reads
where it is a keyed array item (`declare -A m=([k]=$A/$B/x)`: the item is `net/one/x`), and an assignment
so split that runs no command (`URL=$A/$B/x B=2`) assigns the variables written after it as well (`B`)."""

from __future__ import annotations

from lint_support import lint_files

CREATE = 'azure vm create svc img u p --vm-name vm1 -w "{network}"'


def network_of(tmp_path, monkeypatch, script: str) -> str:
    [finding] = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG203", dedent=False).findings
    return finding.message.split("virtual network '")[1].split("'")[0]


def test_a_keyed_item_built_of_values_is_their_text(tmp_path, monkeypatch):
    script = (
        "A=net\nB=one\ndeclare -A m=([k]=$A/$B/x [j]=$A/y)\n"
        + CREATE.format(network="${m[k]}-${m[j]}")
        + "\n"
    )
    assert network_of(tmp_path, monkeypatch, script) == "net/one/x-net/y"


def test_an_assignment_the_grammar_splits_assigns_the_ones_after_it(tmp_path, monkeypatch):
    script = "A=net\nURL=$A/$B/x B=2\n" + CREATE.format(network="$B") + "\n"
    assert network_of(tmp_path, monkeypatch, script) == "2"
