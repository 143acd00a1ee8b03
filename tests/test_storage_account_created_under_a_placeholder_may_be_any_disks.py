"""An account a file creates under a name it does not state may be the account of any disk.

A Create Storage Account body whose `ServiceName` is a placeholder (`[ACCOUNT NAME]`), like a script's
creation under a value it does not state, creates an account whose name is filled in where it runs: a disk
in an account the subscription's list of them lacks may be in that one, so the list does not show the
disk's account missing (no MIG003), as for a body that states no name at all."""

from __future__ import annotations

from lint_support import lint_files, where

LIST = """\
<StorageServices xmlns="http://schemas.microsoft.com/windowsazure">
  <StorageService><ServiceName>accta</ServiceName><StorageServiceProperties><AccountType>Standard_LRS</AccountType></StorageServiceProperties></StorageService>
</StorageServices>
"""

CREATE = """\
<CreateStorageServiceInput xmlns="http://schemas.microsoft.com/windowsazure">
  <ServiceName>{name}</ServiceName>
  <Label>bGFiZWw=</Label>
  <Location>West US</Location>
  <AccountType>Standard_LRS</AccountType>
</CreateStorageServiceInput>
"""

DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>svc1</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>vm1</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <OSVirtualHardDisk>
        <MediaLink>https://acctb.blob.core.windows.net/vhds/vm1.vhd</MediaLink>
        <SourceImageName>img</SourceImageName>
      </OSVirtualHardDisk>
    </Role>
  </RoleList>
</Deployment>
"""


def _lint(tmp_path, monkeypatch, name: str):
    files = {"list.xml": LIST, "create.xml": CREATE.format(name=name), "body.xml": DEPLOYMENT}
    return lint_files(tmp_path, monkeypatch, files, "MIG003")


def test_a_disk_may_be_in_the_account_created_under_a_placeholder(tmp_path, monkeypatch):
    assert _lint(tmp_path, monkeypatch, "[ACCOUNT NAME]").findings == []


def test_a_disk_is_not_in_an_account_created_under_another_stated_name(tmp_path, monkeypatch):
    assert where(_lint(tmp_path, monkeypatch, "acctc").findings) == ["MIG003 body.xml:9:9"]
