"""A script that registers an OS image or a disk by sending the request itself (Add OS Image: an `OSImage`
body POSTed to `.../services/images`; Add Disk: a `Disk` body POSTed to `.../services/disks`) registers it as
Add-AzureVMImage and Add-AzureDisk do: the storage account of its blob holds a registered image or disk,
which the account's step says must be removed before the account migrates (MIG402). A body built around a
value the script does not state for the account (`https://$sa.blob...` in a here-string) puts it in that
value's stand-in account, the one `New-AzureStorageAccount -StorageAccountName $sa` creates, as
`Add-AzureVMImage -MediaLocation "https://$sa.blob..."` does. Reference, vm-migration-deep-dive: a storage
account that holds registered classic disks or images fails to migrate until they are removed. So for Python:
a body an f-string builds around the account's value (`https://{storage_name}.blob...`) is in the account
`create_storage_account(storage_name, ...)` creates."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli

IMAGE = """<OSImage xmlns="http://schemas.microsoft.com/windowsazure">
  <Label>lbl</Label>
  <MediaLink>https://ACCOUNT.blob.core.windows.net/vhds/image.vhd</MediaLink>
  <Name>myimg</Name>
  <OS>Linux</OS>
</OSImage>"""
DISK = """<Disk xmlns="http://schemas.microsoft.com/windowsazure">
  <OS>Linux</OS>
  <Label>lbl</Label>
  <MediaLink>https://ACCOUNT.blob.core.windows.net/vhds/data.vhd</MediaLink>
  <Name>mydisk</Name>
</Disk>"""
URI = "https://management.core.windows.net/0000/services/"


def _powershell(body: str, account: str, repository: str) -> str:
    return f"""\
$sa = "acct" + (Get-Random)
New-AzureStorageAccount -StorageAccountName $sa -Location "West US"
$body = @"
{body.replace("ACCOUNT", account)}
"@
Invoke-RestMethod -Method POST -Uri "{URI}{repository}" -Body $body -Certificate $cert -ContentType "application/xml"
"""


def _python(body: str, account: str, repository: str) -> str:
    text = body.replace("ACCOUNT", account)
    return f"""\
import requests
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService(sub, cert)
storage_name = 'acct' + suffix()
sms.create_storage_account(storage_name, 'd', 'l', location='West US')
body = f\"\"\"{text}\"\"\"
requests.post("{URI}{repository}", data=body, cert=("c", "k"))
"""


def _python_template(body: str, account: str, repository: str) -> str:
    """The body a template's `.format(storage_name)` fills (`{0}` for the account)."""
    text = body.replace("ACCOUNT", account)
    return f"""\
import requests
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService(sub, cert)
storage_name = 'acct' + suffix()
sms.create_storage_account(storage_name, 'd', 'l', location='West US')
TEMPLATE = \"\"\"{text}\"\"\"
requests.post("{URI}{repository}", data=TEMPLATE.format(storage_name), cert=("c", "k"))
"""


SCRIPTS = [
    pytest.param("deploy.ps1", _powershell, "$sa", "<storage account name, deploy.ps1:2:45>", id="ps1"),
    pytest.param("deploy.py", _python, "{storage_name}", "<storage account name, deploy.py:6>", id="py"),
    pytest.param("deploy.py", _python_template, "{0}", "<storage account name, deploy.py:6>", id="format"),
]
STATED = [pytest.param("deploy.ps1", _powershell, id="ps1"), pytest.param("deploy.py", _python, id="py")]
BODIES = [
    pytest.param(IMAGE, "images", "1 image", id="image"),
    pytest.param(DISK, "disks", "1 disk", id="disk"),
]


def _storage_steps(tmp_path, monkeypatch, capsys, name: str, script: str) -> list[dict]:
    (tmp_path / name).write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    return [s for s in json.loads(out)["subscriptions"][0]["steps"] if s["kind"] == "storage"]


@pytest.mark.parametrize(("name", "write", "value", "account"), SCRIPTS)
@pytest.mark.parametrize(("body", "repository", "held"), BODIES)
def test_a_body_in_the_account_a_variable_names_is_registered_on_that_account(
    tmp_path, monkeypatch, capsys, name, write, value, account, body, repository, held
):
    steps = _storage_steps(tmp_path, monkeypatch, capsys, name, write(body, value, repository))
    assert [s["name"] for s in steps] == [account]
    assert steps[0]["moves"] == [f"storage account '{account}' ({held})"]


@pytest.mark.parametrize(("name", "write"), STATED)
@pytest.mark.parametrize(("body", "repository", "held"), BODIES)
def test_a_body_in_an_account_it_states_is_registered_on_that_account(
    tmp_path, monkeypatch, capsys, name, write, body, repository, held
):
    steps = _storage_steps(tmp_path, monkeypatch, capsys, name, write(body, "acct1", repository))
    assert f"storage account 'acct1' ({held})" in [move for step in steps for move in step["moves"]]
