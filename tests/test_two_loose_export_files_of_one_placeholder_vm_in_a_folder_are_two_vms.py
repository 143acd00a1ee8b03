"""Two Export-AzureVM files in one folder (the cloud service the estate names after it) that both name their
VM by the placeholder `[VM NAME]` describe two VMs, whose users fill in two names: each is said with its
file ('[VM NAME]' of a.xml, '[VM NAME]' of b.xml), as two files' placeholder VMs in a stated service are, and
each keeps its disks, so the second file's storage account is in the summary and the plan. Before, they were
one VM: the second file's account was lost from both."""

from __future__ import annotations

import json

from lint_support import run_cli

EXPORT = """\
<?xml version="1.0" encoding="utf-8"?>
<PersistentVM xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <ConfigurationSets />
  <DataVirtualHardDisks />
  <OSVirtualHardDisk>
    <HostCaching>ReadWrite</HostCaching>
    <DiskName>disk-{n}</DiskName>
    <MediaLink>https://acct{n}.blob.core.windows.net/vhds/{n}.vhd</MediaLink>
    <OS>Windows</OS>
  </OSVirtualHardDisk>
  <RoleName>{name}</RoleName>
  <RoleSize>Small</RoleSize>
  <RoleType>PersistentVMRole</RoleType>
</PersistentVM>
"""


def _exports(tmp_path, monkeypatch, names: dict[str, str]) -> None:
    folder = tmp_path / "svc"
    folder.mkdir()
    for n, name in names.items():
        (folder / f"{n}.xml").write_text(EXPORT.format(n=n, name=name))
    monkeypatch.chdir(tmp_path)


def test_the_plan_moves_two_vms_each_with_its_file_and_its_account(tmp_path, monkeypatch, capsys) -> None:
    _exports(tmp_path, monkeypatch, {"a": "[VM NAME]", "b": "[VM NAME]"})
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    steps = json.loads(out)["subscriptions"][0]["steps"]
    [service] = [s for s in steps if "cloud service 'svc'" in s["moves"][0]]
    assert service["moves"][0] == (
        "cloud service 'svc' (named after its folder): VMs '[VM NAME]' of a.xml, '[VM NAME]' of b.xml"
    )
    accounts = sorted(s["name"] for s in steps if s["kind"] == "storage")
    assert accounts == ["accta", "acctb"]


def test_the_summary_counts_two_vms_and_both_accounts(tmp_path, monkeypatch, capsys) -> None:
    _exports(tmp_path, monkeypatch, {"a": "[VM NAME]", "b": "[VM NAME]"})
    _, out, _ = run_cli(capsys, "check", ".")
    assert "    svc (2 VMs)" in out
    assert "    accta (1 disk)" in out and "    acctb (1 disk)" in out


def test_two_exports_of_one_stated_name_are_still_one_vm(tmp_path, monkeypatch, capsys) -> None:
    _exports(tmp_path, monkeypatch, {"a": "web1", "b": "web1"})
    _, out, _ = run_cli(capsys, "check", ".")
    assert "    svc (1 VM)" in out
