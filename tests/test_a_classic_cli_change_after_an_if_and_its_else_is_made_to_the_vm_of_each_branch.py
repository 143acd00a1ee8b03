"""A shell script that creates one VM differently in an `if` and its `else` (`azure vm create ... -e 22` in one,
`... -r 3389` in the other) and changes it after `fi` (`azure vm set`, `vm extension set`, `vm endpoint
delete`, `vm endpoint acl-rule delete`, `vm static-ip set`, `vm disk detach`) changes the VM whichever branch
created it, as the CLI finds the VM of that name whichever it is. Only the VM the `else` created was
changed: the size set after both was not known, an extension was said to be on one path only, and an
endpoint or an ACL rule deleted after both was still on the `if`'s VM (MIG201)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, script_resources, where

from migcheck.model import Deployment, Role

BRANCHES = """\
azure config mode asm
if [ "$1" = linux ]; then
  azure vm create svc1 img user 'P@ss1' -l "West US" -e 22 -z Small {linux} -u https://acct.blob.core.windows.net/vhds/a.vhd
  {in_linux}
else
  azure vm create svc1 img user 'P@ss1' -l "West US" -r 3389 -z Medium {windows} -u https://acct.blob.core.windows.net/vhds/a.vhd
  {in_windows}
fi
{after}
"""


def _script(after: str, linux: str = "", windows: str = "", in_linux: str = "", in_windows: str = "") -> str:
    return BRANCHES.format(
        linux=linux, windows=windows, in_linux=in_linux, in_windows=in_windows, after=after
    )


def _vm(script: str) -> Role:
    roles = [r for d in script_resources(script, "vm.sh") if isinstance(d, Deployment) for r in d.roles]
    assert len(roles) == 1
    return roles[0]


def test_a_size_set_after_both_branches_is_the_vm_s_size() -> None:
    assert _vm(_script("azure vm set svc1 -z Large")).size == "Large"


def test_a_size_set_in_one_branch_only_leaves_the_size_unknown() -> None:
    assert _vm(_script("", in_windows="azure vm set svc1 -z Large")).size == ""


def test_an_extension_set_after_both_branches_is_on_the_vm_whichever_branch_created_it() -> None:
    vm = _vm(_script("azure vm extension set svc1 VMSnapshot Microsoft.Azure.RecoveryServices 1.0"))
    assert [e.name for e in vm.extensions] == ["VMSnapshot"]
    assert "extensions" not in vm.unknown


def test_an_address_set_after_both_branches_replaces_each_branch_s_own() -> None:
    vm = _vm(_script("azure vm static-ip set svc1 10.0.0.5", "--static-ip 10.0.0.4", "--static-ip 10.0.0.6"))
    assert [address.name for address in vm.static_ips] == ["10.0.0.5"]


def test_a_data_disk_detached_after_both_branches_is_gone_from_the_vm_of_each() -> None:
    attach = "azure vm disk attach-new svc1 10 https://acct.blob.core.windows.net/vhds/{}.vhd"
    script = _script(
        "azure vm disk detach svc1 0", in_linux=attach.format("linux"), in_windows=attach.format("windows")
    )
    assert [disk for disk in _vm(script).disks if disk.data] == []


ACL = "azure vm endpoint acl-rule create svc1 {} 100 permit 10.0.0.0/8"


@pytest.mark.parametrize(
    "after",
    ["azure vm endpoint delete svc1 {}", "azure vm endpoint acl-rule delete svc1 {} 100"],
    ids=["endpoint delete", "acl-rule delete"],
)
def test_an_acl_each_branch_sets_and_a_deletion_after_both_takes_away_is_on_neither_vm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, after: str
) -> None:
    with_acl = f"azure vm endpoint create svc1 80 -n web; {ACL.format('web')}"
    script = _script(after.format("web"), in_linux=with_acl, in_windows=with_acl)
    result = lint_files(tmp_path, monkeypatch, {"vm.sh": script}, "MIG003", "MIG201")
    assert where(result.findings) == []


def test_an_endpoint_created_after_both_branches_takes_an_acl_on_the_vm_of_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _script(f"azure vm endpoint create svc1 80 -n web\n{ACL.format('web')}")
    result = lint_files(tmp_path, monkeypatch, {"vm.sh": script}, "MIG003", "MIG201")
    assert where(result.findings) == ["MIG201 vm.sh:10:40"]
