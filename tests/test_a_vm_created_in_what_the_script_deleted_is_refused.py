"""A classic CLI `vm create` that names a network (`-w`) or reserved IP (`-R`) the script surely deleted
before it, and did not create again, names nothing that exists when it runs: the platform refuses it, so it
creates no VM. MIG003 says so at the name, with or without a network configuration among the files, and
no plan step moves the deleted network or reserved IP, in a shell script and an Ansible playbook alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import APP_VNET_NETCFG, lint_files, where

from migcheck.engine import LintResult
from migcheck.plan import build_plan

SH_NETWORK = """\
azure config mode asm
azure network vnet create old-net -l "West Europe" -e 10.5.0.0 -i 16 -n front -p 10.5.1.0 -r 24
azure network vnet delete old-net -q
azure network vnet create new-net -l "West Europe" -e 10.6.0.0 -i 16 -n front -p 10.6.1.0 -r 24
azure vm create web9 img ops 'Pw!12345' -w new-net -b front -l "West Europe" -e 22
azure vm create web10 img ops 'Pw!12345' -w old-net -b front -l "West Europe" -e 22
"""

SH_RESERVED_IP = """\
azure config mode asm
azure network reserved-ip create rip-old "West Europe"
azure network reserved-ip delete rip-old -q
azure network reserved-ip create rip-new "West Europe"
azure vm create shvm img ops 'Pw!12345' -l "West Europe" -R rip-old -e 22
"""

PLAYBOOK = """\
- hosts: localhost
  gather_facts: false
  tasks:
    - name: temp network
      command: azure network vnet create tmp-net -l "West Europe" -e 10.7.0.0 -i 16 -n front -p 10.7.1.0 -r 24
    - name: drop temp network
      command: azure network vnet delete tmp-net -q
    - name: vm into it
      command: azure vm create tmpvm img ops Pw12345 -w tmp-net -b front -l "West Europe" -e 22
"""


def _moved(result: LintResult) -> str:
    """Every name the plan's steps move, as one text."""
    plan = build_plan(result)
    return " ".join(f"{step.name} {' '.join(step.moves)}" for step in plan.steps)


@pytest.mark.parametrize("netcfg", [False, True], ids=["alone", "with-netcfg"])
def test_a_vm_placed_in_a_network_the_script_deleted_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, netcfg: bool
) -> None:
    files = {"net.sh": SH_NETWORK, **({"NetworkConfig.netcfg": APP_VNET_NETCFG} if netcfg else {})}
    result = lint_files(tmp_path, monkeypatch, files)
    unresolved = [f for f in result.findings if f.code == "MIG003"]
    assert where(unresolved) == ["MIG003 net.sh:6:45"]
    assert "'old-net', which the file deletes before it, at line 3" in unresolved[0].message
    assert "old-net" not in _moved(result)
    assert "new-net" in _moved(result)


def test_a_vm_given_a_reserved_ip_the_script_deleted_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"rip.sh": SH_RESERVED_IP})
    unresolved = [f for f in result.findings if f.code == "MIG003"]
    assert where(unresolved) == ["MIG003 rip.sh:5:61"]
    assert "reserved IP 'rip-old'" in unresolved[0].message
    assert not any(f.code == "MIG105" for f in result.findings)
    assert "rip-old" not in _moved(result)
    assert "rip-new" in _moved(result)


def test_a_playbook_task_placing_a_vm_in_a_network_it_deleted_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"net.yml": PLAYBOOK, "NetworkConfig.netcfg": APP_VNET_NETCFG}
    result = lint_files(tmp_path, monkeypatch, files)
    assert where(f for f in result.findings if f.code == "MIG003") == ["MIG003 net.yml:9:57"]
    assert "tmp-net" not in _moved(result)


def test_a_network_created_again_after_its_deletion_takes_the_vm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    again = SH_NETWORK.replace("-w new-net", "-w old-net").replace("create new-net", "create old-net")
    result = lint_files(tmp_path, monkeypatch, {"net.sh": again})
    assert not any(f.code == "MIG003" for f in result.findings)
    assert "old-net" in _moved(result)


def test_a_network_configuration_imported_after_the_delete_may_define_the_network_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`azure network import` uploads a whole configuration, which may define the deleted network again."""
    script = (
        "azure network vnet delete old-net --quiet\nazure network import other.netcfg\n"
        'azure vm create web10 img user pass -w old-net -l "West US"\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"net.sh": script}, "MIG003", dedent=False)
    assert result.findings == []


def test_a_reserved_ip_deleted_in_another_subscription_is_the_vm_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A reserved IP's name is unique within its subscription only: rip-old deleted in dev is not prod's.
    other = SH_RESERVED_IP.replace(
        "azure network reserved-ip create rip-old",
        "azure account set prod\nazure network reserved-ip create rip-old",
    ).replace(
        "azure network reserved-ip delete rip-old -q",
        "azure account set dev\nazure network reserved-ip delete rip-old -q\nazure account set prod",
    )
    result = lint_files(tmp_path, monkeypatch, {"rip.sh": other})
    assert not any(f.code == "MIG003" for f in result.findings)
    assert "rip-old" in _moved(result)
