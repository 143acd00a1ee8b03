"""A classic CLI command that changes an existing VM the script names by a value it does not state (`azure vm
endpoint acl-rule create "$1" ssh ...`, `host=$1` then `$host`) changes a VM all the same: one the files do
not name, shown by a stand-in where the value is passed, in a cloud service no file states, as
`Get-AzureVM -Name $vm | Set-AzureEndpoint ... -ACL $acl | Update-AzureVM` changes one. An endpoint ACL, an
extension, a disk in an account on a retired path are blockers whatever the VM is called. Each from a shell
script, and from a PowerShell script that runs the CLI."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

SCRIPTS = ["ops.sh", "ops.ps1"]

ACL = 'azure vm endpoint acl-rule create "$1" ssh 100 permit 198.51.100.0/24\n'
ACL_AT = ACL.index("ssh") + 1


def _lint(tmp_path, monkeypatch, files: dict[str, str], *codes: str):
    return lint_files(tmp_path, monkeypatch, files, *codes, dedent=False).findings


@pytest.mark.parametrize("name", SCRIPTS)
def test_an_acl_on_a_vm_named_by_a_parameter_is_a_blocker_of_a_stand_in_vm(
    tmp_path, monkeypatch, name
) -> None:
    found = _lint(tmp_path, monkeypatch, {name: ACL}, "MIG201")
    assert where(found) == [f"MIG201 {name}:1:{ACL_AT}"]
    assert f"VM '<VM name, {name}:1>' in cloud service '<cloud service name, {name}:1>'" in found[0].message


@pytest.mark.parametrize("name", SCRIPTS)
@pytest.mark.parametrize(
    ("change", "code", "at"),
    [
        ('azure vm extension set "$VM" BGInfo Microsoft.Compute 1.1\n', "MIG204", "BGInfo"),
        (
            'azure vm disk attach-new "$VM" 256 https://acct.blob.core.windows.net/vhds/2016/d.vhd\n',
            "MIG401",
            "https",
        ),
    ],
)
def test_other_changes_to_a_vm_named_by_a_value_not_stated_are_seen_by_the_rules(
    tmp_path, monkeypatch, name, change, code, at
) -> None:
    found = _lint(tmp_path, monkeypatch, {name: change}, code)
    assert where(found) == [f"{code} {name}:1:{change.index(at) + 1}"]


def test_one_variable_names_one_vm_in_every_command(tmp_path, monkeypatch) -> None:
    script = "host=$1\nazure vm endpoint acl-rule create $host ssh 100 permit 198.51.100.0/24\n"
    script += "azure vm extension set $host BGInfo Microsoft.Compute 1.1\n"
    found = _lint(tmp_path, monkeypatch, {"acl.sh": script}, "MIG201", "MIG204")
    assert [f.code for f in found] == ["MIG201", "MIG204"]
    assert "VM '<VM name, acl.sh:2>'" in found[0].message
    assert "'<VM name, acl.sh:2>'" in found[1].message


def test_an_endpoint_named_by_a_value_not_stated_has_the_acl_all_the_same(tmp_path, monkeypatch) -> None:
    script = 'azure vm endpoint acl-rule create "$1" "$2" 100 permit 198.51.100.0/24\n'
    found = _lint(tmp_path, monkeypatch, {"acl.sh": script}, "MIG201")
    assert where(found) == [f"MIG201 acl.sh:1:{script.index('$2')}"]
    assert "endpoint '<endpoint name, acl.sh:1>' of VM '<VM name, acl.sh:1>'" in found[0].message


def test_an_endpoint_named_by_a_value_not_stated_on_a_vm_created_with_its_endpoints(
    tmp_path, monkeypatch
) -> None:
    # The endpoint is one of those the VM was created with (else the CLI refuses): its ACL is a blocker.
    script = "azure vm create -e 22 svc1 img ops pass -l 'West Europe'\n"
    script += 'azure vm endpoint acl-rule create svc1 "$EP" 100 permit 198.51.100.0/24\n'
    found = _lint(tmp_path, monkeypatch, {"acl.sh": script}, "MIG201", "MIG003")
    assert where(found) == ["MIG201 acl.sh:2:40"]


def test_the_plan_has_a_step_for_the_vm_s_cloud_service(plan_of) -> None:
    plan = plan_of({"acl.sh": ACL})
    step = next(step for step in plan.steps if "cloud service name, acl.sh:1" in step.id)
    assert where(step.blockers) == [f"MIG201 acl.sh:1:{ACL_AT}"]
