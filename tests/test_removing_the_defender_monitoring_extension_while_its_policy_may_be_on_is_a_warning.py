"""A script that removes Defender for Cloud's monitoring extension from a VM (`Remove-AzureVMExtension`, the
classic CLI's `vm extension set ... --uninstall`) took MIG207 off the VM,
although the planning guide says the policy that installed it must be stopped first, or it reinstalls the
extension, and MIG207's own fix says that removing it by hand is not enough. The removal is now a warning of
its own, at the removal, saying to disable the policy before it runs; another extension's removal is not,
and an export that shows the extension uninstalled records a state, not a removal to run."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

EXPORTED = """\
<PersistentVM xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <RoleName>app01</RoleName>
  <RoleType>PersistentVMRole</RoleType>
  <ResourceExtensionReferences>
    <ResourceExtensionReference>
      <ReferenceName>Monitoring</ReferenceName>
      <Publisher>{publisher}</Publisher>
      <Name>Monitoring</Name>
      <Version>1.*</Version>
      <State>Enable</State>
    </ResourceExtensionReference>
  </ResourceExtensionReferences>
</PersistentVM>
"""
REMOVE_PS1 = (
    "Get-AzureVM -ServiceName svc -Name app01 |\n"
    "    Remove-AzureVMExtension -ExtensionName Monitoring -Publisher {publisher} | Update-AzureVM\n"
)
MONITORING = "Microsoft.Azure.Security.Monitoring"


def _mig207(tmp_path, monkeypatch, files: dict[str, str]):
    return lint_files(tmp_path, monkeypatch, files, "MIG207", dedent=False).findings


@pytest.mark.parametrize("exported", [True, False], ids=["exported-vm", "script-alone"])
def test_the_removal_is_reported_where_the_script_makes_it(tmp_path, monkeypatch, exported: bool) -> None:
    files = {"fix.ps1": REMOVE_PS1.format(publisher=MONITORING)}
    if exported:
        files["svc/app01.xml"] = EXPORTED.format(publisher=MONITORING)
    [finding] = _mig207(tmp_path, monkeypatch, files)
    assert where([finding]) == ["MIG207 fix.ps1:2:5"]
    assert "installs it again" in finding.message and "app01" in finding.message
    assert "before" in finding.fix and "policy" in finding.fix


def test_the_classic_cli_s_removal_is_reported_too(tmp_path, monkeypatch) -> None:
    line = f"azure vm extension set app01 Monitoring {MONITORING} 1.* --uninstall"
    found = _mig207(tmp_path, monkeypatch, {"fix.sh": f"#!/bin/sh\n{line}\n"})
    assert where(found) == ["MIG207 fix.sh:2:30"]


def test_an_export_whose_reference_is_uninstalled_says_nothing(tmp_path, monkeypatch) -> None:
    body = EXPORTED.format(publisher=MONITORING).replace("<State>Enable</State>", "<State>Uninstall</State>")
    assert _mig207(tmp_path, monkeypatch, {"svc/app01.xml": body}) == []


def test_removing_another_security_extension_says_nothing(tmp_path, monkeypatch) -> None:
    files = {
        "svc/app01.xml": EXPORTED.format(publisher="Microsoft.Azure.Security"),
        "fix.ps1": REMOVE_PS1.format(publisher="Microsoft.Azure.Security"),
    }
    assert _mig207(tmp_path, monkeypatch, files) == []
