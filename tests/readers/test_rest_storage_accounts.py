"""REST bodies of storage accounts: a Premium account's type makes the disks in it Premium (MIG205)."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import StorageAccountType
from migcheck.readers import read_document

NS = 'xmlns="http://schemas.microsoft.com/windowsazure"'

VM = f"""\
<Deployment {NS}>
  <Name>db</Name>
  <RoleList>
    <Role>
      <RoleName>db01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <OSVirtualHardDisk>
        <MediaLink>https://fabrikamdisks.blob.core.windows.net/vhds/db01-os.vhd</MediaLink>
      </OSVirtualHardDisk>
      <DebugSettings><BootDiagnosticsEnabled>true</BootDiagnosticsEnabled></DebugSettings>
    </Role>
  </RoleList>
</Deployment>
"""
PROPERTIES = f"""\
<StorageService {NS}>
  <ServiceName>fabrikamdisks</ServiceName>
  <StorageServiceProperties>
    <Location>North Europe</Location>
    <AccountType>{{account_type}}</AccountType>
  </StorageServiceProperties>
</StorageService>
"""
LIST = f"<StorageServices {NS}>\n  <StorageService><ServiceName>other</ServiceName></StorageService>\n" + (
    PROPERTIES.replace(f" {NS}", "").replace("\n", "\n  ") + "</StorageServices>\n"
)
CREATE = f"""\
<CreateStorageServiceInput {NS}>
  <ServiceName>fabrikamdisks</ServiceName>
  <Label>ZmFicmlrYW1kaXNrcw==</Label>
  <Location>North Europe</Location>
  <AccountType>{{account_type}}</AccountType>
</CreateStorageServiceInput>
"""
AT_BOOT_DIAGNOSTICS = "MIG205 db.xml:10:7"


@pytest.mark.parametrize("body", [PROPERTIES, LIST, CREATE], ids=["properties", "list", "create"])
def test_a_premium_account_a_rest_body_states_makes_its_disks_premium(tmp_path, monkeypatch, body):
    for n, (account_type, expected) in enumerate(
        (("Premium_LRS", [AT_BOOT_DIAGNOSTICS]), ("Standard_GRS", []), ("", []))
    ):
        files = {"db.xml": VM, "storage.xml": body.format(account_type=account_type)}
        found = lint_files(tmp_path / str(n), monkeypatch, files, "MIG205", dedent=False).findings
        assert where(found) == expected, account_type


def test_an_account_body_is_read_as_the_account_s_type():
    doc = read_document("storage.xml", LIST.format(account_type="Premium_LRS").encode(), explicit=True)
    assert doc is not None and doc.problem is None
    # An account the list states no type of is still listed, of a type that says nothing.
    assert [(a.name, a.account_type, a.premium) for a in doc.resources] == [
        ("other", "", False),
        ("fabrikamdisks", "Premium_LRS", True),
    ]
    assert all(isinstance(a, StorageAccountType) for a in doc.resources)
