"""An argument that starts with a variable's member and goes on with a path (`-MediaLocation
$cfg.Blob/vhds/web.vhd`, `Deploy $cfg.Service\\web`) is two arguments for PowerShell: the member's value, and
the rest as a string of its own given by position (about_Parsing; `$a.Length$b.Length` is two arguments as
`$(2 + 2)/H` is). The grammar could not place the rest, and the whole command was a part not read: the VM it
created vanished. Both arguments are now read as PowerShell passes them, a rest that starts with a variable
(`$cfg.Service/$name`) as the text PowerShell expands it to; a rest that is no plain word (`$cfg.Service/@x`)
is still a part not read, and does not hide the commands after it."""

from __future__ import annotations

from lint_support import script_resources, unread_marks

from migcheck.model import Deployment

CONFIG = '$cfg = @{ Service = "shop"; Blob = "https://acct.blob.core.windows.net" }\n'
DEPLOY = (
    'function Deploy { param($Service, $Suffix) New-AzureQuickVM -Windows -ServiceName "$Service$Suffix" '
    '-Name vm1 -ImageName img -Password p -AdminUsername u -Location "West US" }\n'
)


def _read(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    resources = script_resources(text, "deploy.ps1")
    return [d.service_name for d in resources if isinstance(d, Deployment)], unread_marks(resources)


def test_the_member_and_the_path_after_it_are_two_arguments() -> None:
    text = CONFIG + DEPLOY + "Deploy -Service $cfg.Service/web\nDeploy $cfg.Service\\app\n"
    assert _read(text) == (["shop/web", "shop\\app"], [])


def test_a_vm_whose_media_location_goes_on_past_a_member_is_created() -> None:
    text = CONFIG + (
        "New-AzureVMConfig -Name web -InstanceSize Small -ImageName img -MediaLocation $cfg.Blob/vhds/web.vhd "
        '| New-AzureVM -ServiceName shop -Location "North Europe"\n'
    )
    resources = script_resources(text, "deploy.ps1")
    (deployment,) = [d for d in resources if isinstance(d, Deployment)]
    assert [role.name for role in deployment.roles] == ["web"]
    assert [disk.media_link for disk in deployment.roles[0].disks] == ["https://acct.blob.core.windows.net"]
    assert unread_marks(resources) == []


def test_a_rest_that_starts_with_a_variable_is_the_text_it_expands_to() -> None:
    text = CONFIG + DEPLOY + '$name = "db"\nDeploy $cfg.Service/$name\nDeploy $cfg.Service\\${name}-2\n'
    assert _read(text) == (["shop/db", "shop\\db-2"], [])


def test_a_disk_named_by_a_variable_after_a_member_is_in_the_member_s_folder() -> None:
    text = CONFIG + (
        '$disk = "web.vhd"\n'
        "New-AzureVMConfig -Name web -InstanceSize Small -ImageName img -MediaLocation $cfg.Blob/$disk "
        '| New-AzureVM -ServiceName shop -Location "North Europe"\n'
    )
    resources = script_resources(text, "deploy.ps1")
    (deployment,) = [d for d in resources if isinstance(d, Deployment)]
    assert [role.name for role in deployment.roles] == ["web"]
    assert unread_marks(resources) == []


def test_a_rest_that_is_no_plain_word_is_still_not_read_and_hides_nothing_after_it() -> None:
    text = CONFIG + DEPLOY + "Deploy $cfg.Service/@x\nDeploy $cfg.Service/app\n"
    services, unread = _read(text)
    assert "shop/app" in services and unread == [(3, 8)]
