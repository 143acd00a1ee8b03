"""bash runs a `for` loop whose body is in braces (`for f in a b; { ...; }`) as it runs one in `do ... done`,
but tree-sitter-bash does not parse it: the loop and everything after it were a part not read
(`braced-loop`), its VMs unknown. Such a loop is now read as the `do ... done` loop it is: once per word it
lists, once as code that may run over a list it does not state, nested or not, and what follows it is read."""

from __future__ import annotations

from lint_support import lint_files, script_resources

from migcheck.model import Deployment, Script


def _read(script: str) -> tuple[list[str], Script]:
    resources = script_resources("#!/bin/bash\n" + script, "deploy.sh")
    [script_read] = [r for r in resources if isinstance(r, Script)]
    return [r.service_name for r in resources if isinstance(r, Deployment)], script_read


def test_a_braced_loop_over_words_creates_a_vm_per_word():
    services, script_read = _read(
        'for t in web api; { azure vm create "shop-$t" img ops Passw0rd! -l "West US"; }\n'
    )
    assert services == ["shop-web", "shop-api"]
    assert script_read.unread == ()
    assert [call.runs for call in script_read.calls] == ["", ""]


def test_braced_loops_on_several_lines_nested_and_followed_are_read():
    script = """\
for f in $(ls exports); {
  azure vm create-from shop "exports/$f"
  for n in 1 2; {
    azure vm create "node-$n" img ops Passw0rd! -l "West US"
  }
}
azure vm create after img ops Passw0rd! -l "West US"
"""
    services, script_read = _read(script)
    assert services == ["shop", "node-1", "node-2", "after"]
    assert script_read.unread == ()
    assert [(call.name, call.runs) for call in script_read.calls] == [
        ("azure vm create-from", "maybe"),
        ("azure vm create", "maybe"),
        ("azure vm create", "maybe"),
        ("azure vm create", ""),
    ]


def test_a_vm_a_braced_loop_creates_is_checked_where_it_is_written(tmp_path, monkeypatch):
    script = (
        '#!/bin/bash\nfor t in web api; {\n  azure vm create "shop-$t" img ops Passw0rd! -l "West US"\n}\n'
    )
    findings = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG105").findings
    assert sorted((f.location.line, f.location.column) for f in findings if f.location) == [(3, 3), (3, 3)]
