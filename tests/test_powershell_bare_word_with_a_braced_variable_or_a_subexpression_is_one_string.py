"""A command's argument written as a bare word with a braced variable at its start (`${base}/vhds/x.vhd`)
or a `$( … )` after its first character (`https://$($acct).blob.core.windows.net/vhds/a.vhd`,
`web-$($i)`) is one argument, the string its text makes in double quotes, as PowerShell reads it
(about_Parsing): the blob of a VM's disk, and so its storage account, is read, not reported as a part the
parser cannot read. A word that starts with `$( … )` is two arguments for PowerShell and stays as it was."""

from __future__ import annotations

import pytest
from growth import assert_linear
from lint_support import lint_files, script_resources, unread_marks, where

from migcheck.model import Deployment, ServiceRegion
from migcheck.readers import powershell

VM = (
    '$base = "https://acct1.blob.core.windows.net"\n'
    '$acct = "acct1"\n'
    "$i = 7\n"
    "$c = New-AzureVMConfig -Name {name} -InstanceSize Small -ImageName img -MediaLocation {media}\n"
    '$c | New-AzureVM -ServiceName svc1 -Location "West US"\n'
)


def _vm(name: str = "vm1", media: str = "https://acct1.blob.core.windows.net/vhds/vm1.vhd") -> tuple:
    resources = script_resources(VM.format(name=name, media=media), "deploy.ps1")
    (deployment,) = [r for r in resources if isinstance(r, Deployment)]
    (role,) = deployment.roles
    return role.name, [d.media_link for d in role.disks], unread_marks(resources)


@pytest.mark.parametrize(
    ("media", "link"),
    [
        ("${base}/vhds/x.vhd", "https://acct1.blob.core.windows.net/vhds/x.vhd"),
        ("${base}-$i/x.vhd", "https://acct1.blob.core.windows.net-7/x.vhd"),
        (
            "https://$($acct).blob.core.windows.net/vhds/a.vhd",
            "https://acct1.blob.core.windows.net/vhds/a.vhd",
        ),
        (
            "https://$acct.blob.core.windows.net/vhds/$($i + 1)-$('os').vhd",
            "https://acct1.blob.core.windows.net/vhds/8-os.vhd",
        ),
        (
            "https://acct1.blob.core.windows.net/vhds/vm-$($i)",
            "https://acct1.blob.core.windows.net/vhds/vm-7",
        ),
    ],
)
def test_the_os_disk_s_blob_named_by_such_a_word_is_read(media, link):
    assert _vm(media=media)[1:] == ([link], [])


def test_a_vm_named_by_a_word_that_ends_with_a_subexpression_is_read():
    assert _vm(name="web-$($i)") == ("web-7", ["https://acct1.blob.core.windows.net/vhds/vm1.vhd"], [])


def test_a_subexpression_the_script_does_not_state_leaves_the_word_unknown_but_read():
    resources = script_resources(
        'New-AzureService -ServiceName svc-$(Get-Date) -Location "West US"\n', "a.ps1"
    )
    (region,) = [r for r in resources if isinstance(r, ServiceRegion)]
    assert region.service.startswith("<cloud service name")
    assert unread_marks(resources) == []


def test_a_word_that_starts_with_a_subexpression_is_not_read_as_one_string():
    resources = script_resources(
        '$a = "A"\nNew-AzureService -ServiceName $($a)/b -Location "West US"\n', "a.ps1"
    )
    assert [r.service for r in resources if isinstance(r, ServiceRegion)] != ["A/b"]


DATA_DISK_IN_A_FOLDER = (
    '$acct = "acct1"\n'
    '$base = "https://acct1.blob.core.windows.net"\n'
    "$c = New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img -MediaLocation {os}\n"
    "$c | Add-AzureDataDisk -CreateNew -DiskSizeInGB 10 -DiskLabel d -LUN 0 -MediaLocation {data}\n"
    '$c | New-AzureVM -ServiceName svc1 -Location "West US"\n'
)


@pytest.mark.parametrize(
    ("os", "data"),
    [
        (
            "https://$($acct).blob.core.windows.net/vhds/os.vhd",
            "https://$($acct).blob.core.windows.net/vhds/old/d.vhd",
        ),
        ("${base}/vhds/os.vhd", "${base}/vhds/old/d.vhd"),
    ],
)
def test_a_data_disk_s_blob_in_a_folder_named_by_such_a_word_is_mig401(tmp_path, monkeypatch, os, data):
    files = {"deploy.ps1": DATA_DISK_IN_A_FOLDER.format(os=os, data=data)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG401", dedent=False)
    assert where(result.findings) == ["MIG401 deploy.ps1:4:87"]
    assert "old/d.vhd" in result.findings[0].message


def test_cost_is_linear_in_the_number_of_such_words():
    def make(count):
        data = "".join(
            f"New-AzureService -ServiceName a-$($i)-{i} -Label ${{b}}/x{i} -Description x$(1)$(2)$(3)$(4)$(5)\n"
            for i in range(count)
        ).encode()
        return lambda: powershell.read("deploy.ps1", data)

    assert_linear(make, 1500)
