"""A storage account name is lower-cased only where it is one the platform accepts (3 to 24 letters and
digits: `MyAccount01` is account `myaccount01`); a script's placeholder (`"[STORAGE ACCOUNT NAME]"`) is no
account's name, and the summary, the plan's step and its commands show it as the script writes it."""

from __future__ import annotations

import pytest

from migcheck.cli import main
from migcheck.model import account_name, storage_account

SCRIPT = """\
$storageAccountName = "{account}"
Set-AzureSubscription -SubscriptionName 'dev' -CurrentStorageAccount $storageAccountName
$vm = New-AzureVMConfig -Name 'vm1' -InstanceSize Small -ImageName 'image'
New-AzureVM -ServiceName 'svc' -VMs $vm
"""


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("MyAccount01", "myaccount01"),
        ("  abc ", "abc"),
        ("[STORAGE ACCOUNT NAME]", "[STORAGE ACCOUNT NAME]"),
        ("AB", "AB"),  # too short to be an account
        ("A" * 25, "A" * 25),  # too long
        ("my-account", "my-account"),  # no hyphens in account names
        ("ÄCCOUNT", "ÄCCOUNT"),  # letters of a-z only
    ],
)
def test_only_a_valid_account_name_is_lower_cased(written, shown):
    assert account_name(written) == shown


def test_a_blob_address_names_its_account_in_lower_case_when_it_is_one():
    assert storage_account("https://StdAcct.blob.core.windows.net/vhds/a.vhd") == "stdacct"
    assert storage_account("https://[ACCOUNT].blob.core.windows.net/vhds/a.vhd") == "[ACCOUNT]"


@pytest.mark.parametrize(
    ("account", "shown"),
    [("[STORAGE ACCOUNT NAME]", "[STORAGE ACCOUNT NAME]"), ("MyAccount01", "myaccount01")],
)
def test_the_plan_and_the_summary_show_a_placeholder_as_the_script_writes_it(
    tmp_path, monkeypatch, capsys, account, shown
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deploy.ps1").write_text(SCRIPT.format(account=account), encoding="utf-8")
    main(["check", "."])
    summary = capsys.readouterr().out
    said = " (a placeholder the file leaves to fill in)" if shown.startswith("[") else ""
    assert f"    {shown}{said} (1 disk)" in summary
    assert main(["plan", "."]) == 0
    plan = capsys.readouterr().out
    assert f"Storage account: {shown} [" in plan
    assert f"Move-AzureStorageAccount -Validate -StorageAccountName '{shown}'" in plan
    assert f"azure storage account prepare-migration '{shown}'" in plan
    if shown != account:
        assert account not in plan and account not in summary
    else:
        assert account.lower() not in plan and account.lower() not in summary
