"""A wrapper function that writes the first words of a classic command and takes the rest from its caller
(`azure_vm() { azure vm "$@"; }; azure_vm create ...`) runs the caller's command: it is shown where the
caller writes the call, as one given whole to `azure "$@"` is, not at the wrapper's one line every call
shares. A wrapper that writes the whole command and takes only values (`azure vm create -n "$1"`) keeps it."""

from __future__ import annotations

from lint_support import lint_files, where

WRAPPER = 'azure_vm() {\n    azure vm "$@"\n}\n'
CALLS = (
    "azure config mode asm\n"
    'azure_vm create -l "West US" -n web1 "$1" img user pass\n'
    'azure_vm create -l "West US" -n web2 "$2" img user pass\n'
)


def test_calls_through_a_wrapper_that_writes_the_group_are_shown_at_the_calls(tmp_path, monkeypatch):
    files = {"deploy.sh": "#!/bin/bash\n" + WRAPPER + CALLS}
    findings = lint_files(tmp_path, monkeypatch, files, "MIG601", "MIG105").findings
    assert sorted(where(findings)) == ["MIG105 deploy.sh:6:1", "MIG105 deploy.sh:7:1", "MIG601 deploy.sh:6:1"]
    messages = " ".join(f.message for f in findings if f.code == "MIG105")
    assert "<cloud service name, deploy.sh:6>" in messages
    assert "<cloud service name, deploy.sh:7>" in messages


def test_through_a_sourced_wrapper_they_are_the_calling_script_s(tmp_path, monkeypatch):
    files = {"lib.sh": WRAPPER, "deploy.sh": "#!/bin/bash\nsource ./lib.sh\n" + CALLS}
    findings = lint_files(tmp_path, monkeypatch, files, "MIG601", "MIG105").findings
    # the library's own check finds no call of the wrapper there: it runs no command of the library's own
    assert sorted(where(findings)) == ["MIG105 deploy.sh:4:1", "MIG105 deploy.sh:5:1", "MIG601 deploy.sh:4:1"]
    [mig601] = [
        f for f in findings if f.code == "MIG601" and f.location and f.location.path.endswith("deploy.sh")
    ]
    assert "(azure vm create)" in mig601.message
    assert "lib.sh" not in " ".join(f.message for f in findings if f.code == "MIG105")
