"""A command's argument that starts with a variable and goes on with more characters
(`-MediaLocation $ml/vhds/$vmName.vhd`) is one argument, the string its text makes in double quotes, as
PowerShell reads it (about_Parsing): read whole, not reported as a part the parser cannot read; one that
goes on past a member (`$vm.Name/x`) is the two arguments PowerShell reads, and one past an index is not read."""

from __future__ import annotations

import pytest
from growth import assert_linear
from lint_support import script_resources, unread_marks

from migcheck.model import Deployment, ServiceRegion
from migcheck.readers import powershell

VM = (
    '$ml = "https://acct1.blob.core.windows.net"\n'
    '$vmName = "vm1"\n'
    "$c = New-AzureVMConfig -Name $vmName -InstanceSize Small -ImageName img -MediaLocation {argument}\n"
    '$c | New-AzureVM -ServiceName svc1 -Location "West US"\n'
)


def _read(text: str) -> tuple[object, ...]:
    return script_resources(text, "deploy.ps1")


@pytest.mark.parametrize(
    ("argument", "media_link"),
    [
        ("$ml/vhds/$vmName.vhd", "https://acct1.blob.core.windows.net/vhds/vm1.vhd"),
        ('"$ml/vhds/$vmName.vhd"', "https://acct1.blob.core.windows.net/vhds/vm1.vhd"),
        ("$ml/vhds/$vmName-os.vhd", "https://acct1.blob.core.windows.net/vhds/vm1-os.vhd"),
    ],
)
def test_the_os_disk_s_blob_named_by_a_bare_word_is_read(argument, media_link):
    resources = _read(VM.format(argument=argument))
    (deployment,) = [r for r in resources if isinstance(r, Deployment)]
    assert [d.media_link for d in deployment.roles[0].disks] == [media_link]
    assert unread_marks(resources) == []


SERVICE = '$a = "A"; $b = "B"\nNew-AzureService -ServiceName {argument} -Location "West US"\n'


@pytest.mark.parametrize(
    ("argument", "name"),
    [
        ("$a/b", "A/b"),
        ("$a\\b", "A\\b"),
        ("$a-b", "A-b"),  # the grammar alone reads `-b` as a parameter
        ("$a+b", "A+b"),
        ("$a$b", "AB"),
        ("$a-$b", "A-B"),
        ("$a-`$b", "A-$b"),
        ("x$a", "xA"),
    ],
)
def test_a_bare_word_with_variables_is_the_string_they_make(argument, name):
    resources = _read(SERVICE.format(argument=argument))
    assert [r.service for r in resources if isinstance(r, ServiceRegion)] == [name]
    assert unread_marks(resources) == []


@pytest.mark.parametrize("argument", ["$c/b", "$a/$c", "$env:TEMP\\x"])
def test_a_bare_word_with_a_variable_the_script_does_not_state_is_not_known(argument):
    resources = _read(SERVICE.format(argument=argument))
    (region,) = [r for r in resources if isinstance(r, ServiceRegion)]
    assert region.service.startswith("<cloud service name")
    assert unread_marks(resources) == []


def test_a_variable_s_index_followed_by_more_is_still_not_read():
    resources = _read(SERVICE.format(argument="$a[0]/b"))
    assert unread_marks(resources) == [(2, 31)]


def test_a_variable_s_member_followed_by_a_path_is_the_member_s_value_then_the_path():
    # PowerShell passes `$a.Length/b` as two arguments: the member's value ("A".Length, 1) and `/b`.
    resources = _read(SERVICE.format(argument="$a.Length/b"))
    (region,) = [r for r in resources if isinstance(r, ServiceRegion)]
    assert region.service == "1"
    assert unread_marks(resources) == []


def test_cost_is_linear_in_the_number_of_such_arguments():
    def make(count):
        data = "".join(
            f"New-AzureService -ServiceName $a-{i}/b$c -Label $a/x{i}\n" for i in range(count)
        ).encode()
        return lambda: powershell.read("deploy.ps1", data)

    assert_linear(make, 1500)
