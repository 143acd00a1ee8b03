"""A blob address names its storage account by its host's first label only where the host is a blob
endpoint of a cloud (`<account>.blob.core.windows.net`, `.core.chinacloudapi.cn`, `.core.usgovcloudapi.net`,
`.core.cloudapi.de`, in any case). Any host whose second label was `blob` counted:
`https://shopdisks.blob.core.windows.net.evil.com/vhds/web1.vhd` put the disk in account shopdisks, though
that host is another site's, in every format a disk's address is written in."""

from __future__ import annotations

import pytest
from lint_support import lint_files
from test_a_disk_s_blob_is_in_the_storage_account_its_host_states_however_the_blob_s_name_is_built import (
    SCRIPTS,
)

from migcheck import automation
from migcheck.model import storage_account

ENDPOINT = "shopdisks.blob.core.windows.net"


@pytest.mark.parametrize("path", SCRIPTS)
def test_a_disk_on_another_site_s_host_is_in_no_account_the_host_starts_with(tmp_path, monkeypatch, path):
    # Terraform's VM states its own disks' account by name: another one than the data disk's address.
    text = SCRIPTS[path].replace(ENDPOINT, ENDPOINT + ".evil.com").replace('= "shopdisks"', '= "webdisks"')
    result = lint_files(tmp_path, monkeypatch, {path: text})
    accounts = {disk.storage_account for estate in result.estates for disk in estate.disks}
    assert "shopdisks" not in accounts


@pytest.mark.parametrize(
    "host",
    [
        "shopdisks.blob.core.windows.net",
        "ShopDisks.BLOB.Core.Windows.Net",
        "shopdisks.blob.core.chinacloudapi.cn",
        "shopdisks.blob.core.usgovcloudapi.net",
        "shopdisks.blob.core.cloudapi.de",
        "shopdisks.blob.core.windows.net.:443",
    ],
)
def test_each_cloud_s_blob_endpoint_names_its_account(host: str):
    assert storage_account(f"https://{host}/vhds/web1.vhd") == "shopdisks"
    assert (
        automation.stated_blob_account(f"https://{host}/vhds/web1-{automation.HOLE}.vhd").casefold()
        == "shopdisks"
    )


@pytest.mark.parametrize(
    "host",
    ["shopdisks.blob.core.windows.net.evil.com", "shopdisks.blob.example.com", "shopdisks.blob.windows.net"],
)
def test_a_host_of_no_cloud_names_no_account(host: str):
    assert storage_account(f"https://{host}/vhds/web1.vhd") == ""
    assert automation.stated_blob_account(f"https://{host}/vhds/web1-{automation.HOLE}.vhd") == ""


def test_a_cloud_the_script_does_not_state_still_names_the_account():
    shape = f"https://shopdisks.blob.{automation.HOLE}/vhds/web1.vhd"
    assert automation.stated_blob_account(shape) == "shopdisks"
