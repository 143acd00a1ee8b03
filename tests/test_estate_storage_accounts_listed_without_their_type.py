"""A storage account a list of the subscription's accounts holds is the subscription's whether or not the
list states its type: the API's `StorageServices` answered in versions before 2014-06-01 has no
`AccountType` (`GeoReplicationEnabled` instead), and a Create Storage Account body may leave the type to
its default. A disk in such an account exists; MIG003
speaks only of the accounts the list does not hold."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

SUBSCRIPTION = "11111111-2222-3333-4444-555555555555"

OLD_LIST = """\
<StorageServices xmlns="http://schemas.microsoft.com/windowsazure">
  <StorageService>
    <Url>https://management.core.windows.net/{subscription}/services/storageservices/appstore</Url>
    <ServiceName>appstore</ServiceName>
    <StorageServiceProperties>
      <Description>app disks</Description>
      <Location>West Europe</Location>
      <GeoReplicationEnabled>true</GeoReplicationEnabled>
    </StorageServiceProperties>
  </StorageService>
</StorageServices>
"""

CREATE_BODY = """\
<CreateStorageServiceInput xmlns="http://schemas.microsoft.com/windowsazure">
  <ServiceName>appstore</ServiceName>
  <Label>YXBwc3RvcmU=</Label>
  <Location>West Europe</Location>
</CreateStorageServiceInput>
"""

DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>app-dep</Name>
  <RoleList>
    <Role>
      <RoleName>app01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <OSVirtualHardDisk>
        <DiskName>app01-os</DiskName>
        <MediaLink>https://{account}.blob.core.windows.net/vhds/app01-os.vhd</MediaLink>
      </OSVirtualHardDisk>
    </Role>
  </RoleList>
</Deployment>
"""


LISTS = {"storageservices.xml": OLD_LIST.format(subscription=SUBSCRIPTION)}


@pytest.mark.parametrize("name", LISTS, ids=["rest-before-2014"])
def test_an_account_listed_without_its_type_is_the_subscription_s(tmp_path, monkeypatch, name):
    files = {name: LISTS[name], "deployment.xml": DEPLOYMENT.format(account="AppStore")}
    assert lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings == []
    # The list is still a list: an account it does not hold is reported.
    files["deployment.xml"] = DEPLOYMENT.format(account="oldstore")
    found = lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings
    assert where(found) == ["MIG003 deployment.xml:9:9"]
    assert f"list of storage accounts ({name}:" in found[0].message


def test_a_created_account_whose_type_is_left_to_its_default_is_the_subscription_s(tmp_path, monkeypatch):
    files = {
        "storageservices.xml": OLD_LIST.format(subscription=SUBSCRIPTION).replace("appstore", "logstore"),
        "create-storage.xml": CREATE_BODY,
        "deployment.xml": DEPLOYMENT.format(account="appstore"),
    }
    assert lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings == []
    # It names its account: the check still runs for the others.
    files["deployment.xml"] = DEPLOYMENT.format(account="oldstore")
    found = lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings
    assert where(found) == ["MIG003 deployment.xml:9:9"]
