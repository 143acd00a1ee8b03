"""A classic command a script gives a wrapper function that runs `azure` with its arguments (`azure_call() {
azure "$@"; }`, as kubernetes' classic Azure provider writes it, there copying them into an array first) is
the script's call where the script writes it: its findings and the stand-ins of the names it does not state
point at the call, not at the wrapper's one line, which every call shares. With the wrapper in a sourced file
the command is the calling script's too (its MIG601 lists it), as one given to a sourced `"$@"` wrapper is;
the sourced file's own check reads the wrapper with no words, which runs nothing."""

from __future__ import annotations

from lint_support import lint_files, where

WRAPPER = 'azure_call() {\n    azure "$@"\n}\n'
COPIES = 'azure_call() {\n  local -a params=()\n  for param; do params+=("${param}"); done\n  azure "${params[@]}"\n}\n'
CALLS = (
    "azure config mode asm\n"
    'azure_call vm create -l "West US" -n web1 "$1" img user pass\n'
    'azure_call vm create -l "West US" -n web2 "$2" img user pass\n'
)


def test_calls_through_a_wrapper_of_the_script_are_shown_at_the_calls(tmp_path, monkeypatch):
    files = {"deploy.sh": "#!/bin/bash\n" + WRAPPER + CALLS}
    findings = lint_files(tmp_path, monkeypatch, files, "MIG601", "MIG105").findings
    assert sorted(where(findings)) == ["MIG105 deploy.sh:6:1", "MIG105 deploy.sh:7:1", "MIG601 deploy.sh:6:1"]
    messages = " ".join(f.message for f in findings if f.code == "MIG105")
    assert "<cloud service name, deploy.sh:6>" in messages
    assert "<cloud service name, deploy.sh:7>" in messages


def test_calls_through_a_wrapper_that_copies_its_arguments_are_shown_at_the_calls(tmp_path, monkeypatch):
    files = {"util.sh": "#!/bin/bash\n" + COPIES + CALLS}
    findings = lint_files(tmp_path, monkeypatch, files, "MIG601", "MIG105").findings
    assert sorted(where(findings)) == ["MIG105 util.sh:8:1", "MIG105 util.sh:9:1", "MIG601 util.sh:8:1"]


def test_calls_through_a_sourced_wrapper_are_the_calling_script_s(tmp_path, monkeypatch):
    files = {"lib.sh": WRAPPER, "deploy.sh": "#!/bin/bash\nsource ./lib.sh\n" + CALLS}
    findings = lint_files(tmp_path, monkeypatch, files, "MIG601", "MIG105").findings
    assert sorted(where(findings)) == ["MIG105 deploy.sh:4:1", "MIG105 deploy.sh:5:1", "MIG601 deploy.sh:4:1"]
    [mig601] = [f for f in findings if f.code == "MIG601"]
    assert (
        "Shell script 'deploy.sh' uses the classic Azure CLI in asm mode (azure vm create)" in mig601.message
    )
    messages = " ".join(f.message for f in findings if f.code == "MIG105")
    assert "<cloud service name, deploy.sh:4>" in messages
    assert "lib.sh" not in messages


def test_a_command_the_wrapper_writes_itself_stays_in_the_wrapper(tmp_path, monkeypatch):
    library = 'create_vm() {\n    azure vm create -n "$1" -c "$2" img u p\n}\n'
    files = {"lib.sh": library, "deploy.sh": "#!/bin/bash\nsource ./lib.sh\ncreate_vm web1 shop\n"}
    findings = lint_files(tmp_path, monkeypatch, files, "MIG601").findings
    assert where(findings) == ["MIG601 lib.sh:2:5"]
