"""A shell script that runs another script file of the repository (`bash create_vm.sh $name`) is read with
that file where it runs it, and what the file does not state is named by the file that passes it
(`<cloud service name, create_vm.sh:4>`), where it was named by the running script with the file's line
(`<cloud service name, build.sh:4>`, a line of build.sh that says nothing of it); and the running script's
MIG601 is shown at its own first classic call, where it was shown in the file it runs."""

from __future__ import annotations

from lint_support import lint_files, where

CREATE_VM = """\
#!/bin/bash
azure config mode asm
azure vm image list
azure vm create "$1" ubuntu-14 admin -l "West Europe"
"""
BUILD = """\
#!/bin/bash
vmname=$1
ssh-keygen -R "$vmname.cloudapp.net"
bash create_vm.sh "$vmname"
sleep 120
azure vm shutdown "$vmname"
azure vm capture "$vmname" template
"""


def test_a_value_the_run_file_passes_is_named_by_that_file(tmp_path, monkeypatch):
    result = lint_files(
        tmp_path, monkeypatch, {"build.sh": BUILD, "create_vm.sh": CREATE_VM}, "MIG105", dedent=False
    )
    assert [f.resource_name for f in result.findings] == ["<DNS name, create_vm.sh:4>"]
    assert where(result.findings) == ["MIG105 create_vm.sh:4:1"]


def test_the_running_script_is_told_at_its_own_first_classic_call(tmp_path, monkeypatch):
    result = lint_files(
        tmp_path, monkeypatch, {"build.sh": BUILD, "create_vm.sh": CREATE_VM}, "MIG601", dedent=False
    )
    assert where(result.findings) == ["MIG601 build.sh:6:1"]
    assert "'build.sh'" in result.findings[0].message
