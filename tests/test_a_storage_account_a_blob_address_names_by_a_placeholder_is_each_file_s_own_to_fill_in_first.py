"""A disk's blob address whose account part is a placeholder in any of the ways samples write one
(`https://YOUR_STORAGE_ACCOUNT.blob.core.windows.net/...`, `yourstorageaccount`, `<account>`, `{account}`,
`%s`) names an account each file leaves its own user to fill in: two scripts that write it are two accounts,
two plan steps, each not ready until its name is put in and saying so first, where the upper-case and
second-person ones were one account of both files, ready as if the platform knew the name. A real name two
files write is still one account."""

from __future__ import annotations

import pytest

from migcheck.model import cannot_name, is_placeholder

SCRIPT = """\
$vm = New-AzureVMConfig -Name "{vm}" -InstanceSize Small -ImageName "img" -MediaLocation "https://{account}.blob.core.windows.net/vhds/{vm}.vhd"
New-AzureVM -ServiceName "contoso-web" -VMs $vm -Location "West Europe"
"""


def _storage_steps(plan_of, account: str) -> list:
    files = {f"{team}/deploy.ps1": SCRIPT.format(vm=f"{team}vm", account=account) for team in ("a", "b")}
    (subscription,) = plan_of(files).subscriptions
    return [step for step in subscription.steps if step.kind.name == "STORAGE"]


@pytest.mark.parametrize(
    "account", ["YOUR_STORAGE_ACCOUNT", "MY_ACCOUNT", "yourstorageaccount", "<account>", "{account}", "%s"]
)
def test_each_file_s_placeholder_account_is_its_own_step_to_fill_in_first(plan_of, account):
    steps = _storage_steps(plan_of, account)
    assert [step.name for step in steps] == [f"{account} (a/deploy.ps1)", f"{account} (b/deploy.ps1)"]
    for step in steps:
        assert not step.ready and step.name_unstated
        assert step.notes[0].startswith(f"Fill in first: the name of this storage account is '{account}'")


def test_a_real_account_two_files_write_is_one_ready_step(plan_of):
    [step] = _storage_steps(plan_of, "contosodata")
    assert step.name == "contosodata" and step.ready


@pytest.mark.parametrize("name", ["YOUR_STORAGE_ACCOUNT", "MY_VM_NAME", "yourstorageaccount", "Your-Service"])
def test_names_in_placeholder_words_are_placeholders_of_any_kind(name):
    assert cannot_name("", name) and is_placeholder(name)


@pytest.mark.parametrize("name", ["contosodata", "mystorage", "My_Vm", "york01", "your", "shop-your-web"])
def test_real_names_are_not_placeholders(name):
    assert not cannot_name("StorageAccount", name) and not is_placeholder(name)
