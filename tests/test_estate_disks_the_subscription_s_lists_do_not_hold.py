"""A disk in a storage account the subscription's list of storage accounts does not hold, or a disk a VM
has by a name its list of disks does not hold, does not exist: the migration's validation fails for the VM
("A storage exception occurred while validating data disk ... Make sure the disks for the VM exist",
migration errors). MIG003 says so at the disk's blob, or at the disk, naming the list; the plan moves no
account the list lacks. Whatever file describes the disk; only when a file lists them all (the API's
`StorageServices` or `Disks`, an inventory export's classic storage accounts, a `Get-AzureDisk` export).
Accounts and disks the files create or register are the subscription's too, and a name no file states
(a script's parameter, a pipeline token, a placeholder) may be any."""

from __future__ import annotations

import json

import pytest
from lint_support import graph_network, graph_page, graph_vm, lint_files, run_cli, where

SUBSCRIPTION = "11111111-2222-3333-4444-555555555555"

STORAGE_LIST = """\
<StorageServices xmlns="http://schemas.microsoft.com/windowsazure">
  <StorageService>
    <ServiceName>appstore</ServiceName>
    <StorageServiceProperties><Location>West Europe</Location><AccountType>Standard_LRS</AccountType></StorageServiceProperties>
  </StorageService>
</StorageServices>
"""

DISK_LIST = """\
<Disks xmlns="http://schemas.microsoft.com/windowsazure">
  <Disk>
    <AttachedTo><HostedServiceName>app-svc</HostedServiceName><DeploymentName>app-dep</DeploymentName><RoleName>app01</RoleName></AttachedTo>
    <MediaLink>https://appstore.blob.core.windows.net/vhds/app01-os.vhd</MediaLink>
    <Name>app01-os</Name>
  </Disk>
</Disks>
"""

DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>app-dep</Name>
  <RoleList>
    <Role>
      <RoleName>app01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <OSVirtualHardDisk>
        <DiskName>{name}</DiskName>
        <MediaLink>https://{account}.blob.core.windows.net/vhds/{blob}.vhd</MediaLink>
      </OSVirtualHardDisk>
    </Role>
  </RoleList>
</Deployment>
"""


def _deployment(account: str = "oldstore", name: str = "app01-os", blob: str = "app01-os") -> str:
    return DEPLOYMENT.format(account=account, name=name, blob=blob)


def _lint(tmp_path, monkeypatch, files: dict[str, str]):
    return lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings


# --- storage accounts --------------------------------------------------------------------------------

EXPORTED_VM = """\
<PersistentVM xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <OSVirtualHardDisk>
    <DiskName>app01-os</DiskName>
    <MediaLink>https://oldstore.blob.core.windows.net/vhds/app01-os.vhd</MediaLink>
  </OSVirtualHardDisk>
  <RoleName>app01</RoleName>
</PersistentVM>
"""

GET_AZURE_VM = """\
[{"ServiceName": "app-svc", "Name": "app01", "DeploymentName": "app-dep",
  "VM": {"RoleName": "app01",
         "OSVirtualHardDisk": {"DiskName": "app01-os", "MediaLink": "https://oldstore.blob.core.windows.net/vhds/app01-os.vhd"}}}]
"""

GET_AZURE_DISK = """\
[{"DiskName": "spare", "AttachedTo": null, "OS": "Linux",
  "MediaLink": "https://oldstore.blob.core.windows.net/vhds/spare.vhd"}]
"""

LISTED_DISK = DISK_LIST.replace("appstore", "oldstore")

POWERSHELL = """\
$vm = New-AzureVMConfig -Name "app01" -InstanceSize Small -ImageName "img" -MediaLocation "https://oldstore.blob.core.windows.net/vhds/app01.vhd"
New-AzureVM -ServiceName "app-svc" -VMs $vm -Location "West Europe"
"""

PYTHON = """\
from azure.servicemanagement import ServiceManagementService, OSVirtualHardDisk
sms = ServiceManagementService("sub", "cert.pem")
disk = OSVirtualHardDisk("img", "https://oldstore.blob.core.windows.net/vhds/app01.vhd")
sms.create_virtual_machine_deployment("app-svc", "app-dep", "production", "app-dep", "app01", None, disk, role_size="Small")
"""


@pytest.mark.parametrize(
    ("name", "text", "at", "said"),
    [
        (
            "deployment.xml",
            _deployment(),
            "deployment.xml:9:9",
            "VM 'app01' in deployment 'app-dep' has disk 'app01-os'",
        ),
        (
            "app-svc/app01.xml",
            EXPORTED_VM,
            "app-svc/app01.xml:4:5",
            "VM 'app01' in cloud service 'app-svc' (named after its folder) has disk 'app01-os'",
        ),
        (
            "vms.json",
            GET_AZURE_VM,
            "vms.json:3:69",
            "VM 'app01' in cloud service 'app-svc' has disk 'app01-os'",
        ),
        ("disks.json", GET_AZURE_DISK, "disks.json:2:16", "disk 'spare' is"),
        (
            "disks.xml",
            LISTED_DISK,
            "disks.xml:4:5",
            "VM 'app01' in cloud service 'app-svc' has disk 'app01-os'",
        ),
        (
            "deploy.ps1",
            POWERSHELL,
            "deploy.ps1:1:91",
            "VM 'app01' in cloud service 'app-svc' has its OS disk (https://oldstore.blob.core.windows.net/vhds/app01.vhd)",
        ),
        (
            "deploy.py",
            PYTHON,
            "deploy.py:3:33",
            "VM 'app01' in cloud service 'app-svc' has its OS disk (https://oldstore.blob.core.windows.net/vhds/app01.vhd)",
        ),
    ],
    ids=["rest", "export-azurevm", "get-azurevm", "get-azuredisk", "disks-list", "powershell", "python"],
)
def test_a_disk_in_an_account_the_list_lacks_in_every_format(tmp_path, monkeypatch, name, text, at, said):
    found = _lint(tmp_path, monkeypatch, {"storageservices.xml": STORAGE_LIST, name: text})
    assert where(found) == [f"MIG003 {at}"]
    assert found[0].message == (
        f"{said} in storage account 'oldstore', which the subscription's list of storage accounts "
        "(storageservices.xml:2) does not hold"
    )


def test_an_account_the_list_holds_written_in_another_case_is_that_account(tmp_path, monkeypatch):
    files = {"storageservices.xml": STORAGE_LIST, "deployment.xml": _deployment(account="AppStore")}
    assert _lint(tmp_path, monkeypatch, files) == []


def _account_row(name: str, subscription: str = SUBSCRIPTION) -> dict:
    return {
        "id": f"/subscriptions/{subscription}/resourceGroups/Default-Storage-WestEurope/providers/"
        f"Microsoft.ClassicStorage/storageAccounts/{name}",
        "name": name,
        "type": "microsoft.classicstorage/storageaccounts",
        "subscriptionId": subscription,
        "properties": {"accountType": "Standard-LRS"},
    }


def test_an_inventory_export_of_the_subscription_s_accounts_is_its_list(tmp_path, monkeypatch):
    export = graph_page(_account_row("appstore"), indent=2)
    found = _lint(tmp_path, monkeypatch, {"classic.json": export, "deployment.xml": _deployment()})
    assert where(found) == ["MIG003 deployment.xml:9:9"]
    assert "list of storage accounts (classic.json:4) does not hold" in found[0].message
    # The accounts of another subscription say nothing of this one's.
    other = _account_row("appstore", "99999999-2222-3333-4444-555555555555")
    export = graph_page(graph_network(SUBSCRIPTION, "vnet1"), other, indent=2)
    declared = f'[tool.migcheck.inventory]\nsubscription = "{SUBSCRIPTION}"\n'
    files = {"classic.json": export, "deployment.xml": _deployment(), "pyproject.toml": declared}
    assert where(_lint(tmp_path, monkeypatch, files)) == []


def test_an_exported_vm_s_disk_against_its_export_s_accounts(tmp_path, monkeypatch):
    vm = graph_vm(SUBSCRIPTION, "app-svc", "app01")
    blob = "https://oldstore.blob.core.windows.net/vhds/app01-os.vhd"
    vm["properties"]["storageProfile"] = {"operatingSystemDisk": {"diskName": "app01-os", "vhdUri": blob}}
    found = _lint(tmp_path, monkeypatch, {"classic.json": graph_page(_account_row("appstore"), vm, indent=2)})
    assert [f.message.split(" in storage account")[0] for f in found] == [
        "VM 'app01' in cloud service 'app-svc' has disk 'app01-os'"
    ]
    assert found[0].location is not None and found[0].location.path == "classic.json"


def test_one_page_of_an_export_whose_other_pages_are_missing_is_not_the_list(tmp_path, monkeypatch):
    page = json.loads(graph_page(_account_row("appstore")))
    page.update(skip_token="ew0KICAiJGlkIjogIjEiLA0K", total_records=2)
    found = _lint(tmp_path, monkeypatch, {"classic.json": json.dumps(page), "deployment.xml": _deployment()})
    assert len(found) == 1  # the missing page only
    assert "paged Resource Graph query" in found[0].message


def test_one_account_s_properties_are_no_list(tmp_path, monkeypatch):
    one = """\
<StorageService xmlns="http://schemas.microsoft.com/windowsazure">
  <ServiceName>appstore</ServiceName>
  <StorageServiceProperties><AccountType>Standard_LRS</AccountType></StorageServiceProperties>
</StorageService>
"""
    files = {"storageservice.xml": one, "deployment.xml": _deployment()}
    assert _lint(tmp_path, monkeypatch, files) == []


@pytest.mark.parametrize(
    "script",
    [
        'New-AzureStorageAccount -StorageAccountName "OldStore" -Location "West Europe"\n',
        'from azure.servicemanagement import ServiceManagementService\nsms = ServiceManagementService("s", "c")\n'
        'sms.create_storage_account("oldstore", "d", "l", location="West Europe")\n',
    ],
    ids=["powershell", "python"],
)
def test_an_account_a_script_creates_is_the_subscription_s(tmp_path, monkeypatch, script):
    name = "create.py" if "import" in script else "create.ps1"
    files = {"storageservices.xml": STORAGE_LIST, "deployment.xml": _deployment(), name: script}
    assert _lint(tmp_path, monkeypatch, files) == []


@pytest.mark.parametrize(
    "script",
    [
        'param($Name)\nNew-AzureStorageAccount -StorageAccountName $Name -Location "West Europe"\n',
        'param($Type)\nNew-AzureStorageAccount -StorageAccountName "x" -Location "West Europe" -Type $Type\n',
    ],
    ids=["name", "type"],
)
def test_an_account_a_script_creates_without_stating_it_may_be_any(tmp_path, monkeypatch, script):
    files = {"storageservices.xml": STORAGE_LIST, "deployment.xml": _deployment(), "create.ps1": script}
    assert _lint(tmp_path, monkeypatch, files) == []


@pytest.mark.parametrize(
    "location",
    [
        "https://#{StorageAccount}#.blob.core.windows.net/vhds/app01.vhd",
        "https://[STORAGE].blob.core.windows.net/vhds/a.vhd",
    ],
    ids=["pipeline-token", "placeholder"],
)
def test_an_account_no_file_states_is_not_reported(tmp_path, monkeypatch, location):
    script = POWERSHELL.replace("https://oldstore.blob.core.windows.net/vhds/app01.vhd", location)
    files = {"storageservices.xml": STORAGE_LIST, "deploy.ps1": script}
    assert _lint(tmp_path, monkeypatch, files) == []


def test_the_plan_moves_no_account_the_list_lacks(tmp_path, monkeypatch, capsys):
    files = {"storageservices.xml": STORAGE_LIST, "deployment.xml": _deployment()}
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "Storage account: oldstore" not in out and "-StorageAccountName 'oldstore'" not in out
    assert "Storage account: appstore" in out  # the list's own account moves on its own
    assert "note: deployment.xml:9:9: MIG003" in out  # on the step that moves the VM
    _, out, _ = run_cli(capsys, "check", ".")
    summary = out.split("Readiness by migration scope:")[1]
    assert "oldstore" not in summary and "appstore" in summary


# --- disk names --------------------------------------------------------------------------------------

NAMED = """\
New-AzureVMConfig -Name "app01" -InstanceSize Small -DiskName "{os}" |
    Add-AzureDataDisk -Import -DiskName "{data}" -LUN 0 |
    New-AzureVM -ServiceName "app-svc" -Location "West Europe"
"""


def test_a_vm_s_disk_the_list_of_disks_lacks(tmp_path, monkeypatch):
    files = {"disks.xml": DISK_LIST, "deployment.xml": _deployment("appstore", "app01-data", "app01-data")}
    found = _lint(tmp_path, monkeypatch, files)
    assert where(found) == ["MIG003 deployment.xml:7:7"]
    assert found[0].message == (
        "VM 'app01' in deployment 'app-dep' has disk 'app01-data', which the subscription's list of disks "
        "(disks.xml:2) does not hold"
    )


@pytest.mark.parametrize(
    ("name", "blob"),
    [("APP01-OS", "moved"), ("renamed", "app01-os")],
    ids=["name-in-another-case", "blob-the-list-holds"],
)
def test_a_disk_the_list_holds_by_its_name_or_blob(tmp_path, monkeypatch, name, blob):
    files = {"disks.xml": DISK_LIST, "deployment.xml": _deployment("appstore", name, blob)}
    assert _lint(tmp_path, monkeypatch, files) == []


def test_an_exported_vm_s_disk_the_list_of_disks_lacks(tmp_path, monkeypatch):
    exported = EXPORTED_VM.replace("oldstore", "appstore").replace("app01-os", "app01-old")
    found = _lint(tmp_path, monkeypatch, {"disks.xml": DISK_LIST, "app-svc/app01.xml": exported})
    assert where(found) == ["MIG003 app-svc/app01.xml:2:3"]
    assert "has disk 'app01-old', which the subscription's list of disks (disks.xml:2)" in found[0].message


def test_a_script_s_disks_by_name_against_a_get_azuredisk_export(tmp_path, monkeypatch):
    export = GET_AZURE_DISK.replace("oldstore", "appstore")
    files = {"disks.json": export, "deploy.ps1": NAMED.format(os="app01-os", data="spare")}
    found = _lint(tmp_path, monkeypatch, files)
    assert where(found) == ["MIG003 deploy.ps1:1:63"]
    assert found[0].message.startswith("VM 'app01' has disk 'app01-os', which")
    assert "list of disks (disks.json:1) does not hold" in found[0].message


def test_a_disk_a_file_registers_is_the_subscription_s(tmp_path, monkeypatch):
    register = 'Add-AzureDisk -DiskName "app01-data" -MediaLocation "https://appstore.blob.core.windows.net/vhds/d.vhd"\n'
    script = register + NAMED.format(os="app01-os", data="app01-data")
    assert _lint(tmp_path, monkeypatch, {"disks.xml": DISK_LIST, "deploy.ps1": script}) == []
    unstated = (
        "param($Disk)\n" + register.replace('"app01-data"', "$Disk") + NAMED.format(os="app01-os", data="x")
    )
    assert _lint(tmp_path, monkeypatch, {"disks.xml": DISK_LIST, "deploy.ps1": unstated}) == []


def test_a_new_disk_a_script_names_is_not_looked_up(tmp_path, monkeypatch):
    # A disk the script creates from an image, named anew, is in no list yet; one it attaches by name is.
    script = (
        PYTHON.replace('"img", "https://oldstore', '"img", "https://appstore').replace(
            '/app01.vhd")', '/app01.vhd", disk_name="app01-new")'
        )
        + 'sms.add_data_disk("app-svc", "app-dep", "app01", 0, disk_name="app01-gone")\n'
    )
    found = _lint(tmp_path, monkeypatch, {"disks.xml": DISK_LIST, "deploy.py": script})
    assert where(found) == ["MIG003 deploy.py:5:63"]
    assert "disk 'app01-gone', which the subscription's list of disks" in found[0].message


def test_a_disk_in_an_account_the_list_lacks_is_reported_once(tmp_path, monkeypatch):
    files = {
        "storageservices.xml": STORAGE_LIST,
        "disks.xml": DISK_LIST,
        "deployment.xml": _deployment(name="x"),
    }
    found = _lint(tmp_path, monkeypatch, files)
    assert where(found) == ["MIG003 deployment.xml:9:9"]
    assert "list of storage accounts" in found[0].message


IMAGES = """\
<Images xmlns="http://schemas.microsoft.com/windowsazure">
  <OSImage>
    <Category>{category}</Category>
    <MediaLink>https://oldstore.blob.core.windows.net/vhds/golden.vhd</MediaLink>
    <Name>golden</Name>
  </OSImage>
</Images>
"""


def test_your_image_in_an_account_the_list_lacks(tmp_path, monkeypatch):
    files = {"storageservices.xml": STORAGE_LIST, "images.xml": IMAGES.format(category="User")}
    found = _lint(tmp_path, monkeypatch, files)
    assert where(found) == ["MIG003 images.xml:2:3"]
    assert found[0].message.startswith("image 'golden' has a VHD in storage account 'oldstore', which")
    # A publisher's image is in the publisher's storage, not the subscription's.
    files["images.xml"] = IMAGES.format(category="Public")
    assert _lint(tmp_path, monkeypatch, files) == []
