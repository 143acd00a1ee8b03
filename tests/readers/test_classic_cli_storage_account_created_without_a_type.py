"""`azure storage account create <name>` without `--type` still creates the account: it is listed
(`StorageAccountType`, of a type not known) and so gets its migration step, as an account
`New-AzureStorageAccount` creates does; with `--type` it has that type."""

from __future__ import annotations

import pytest

from migcheck.model import StorageAccountType
from migcheck.readers import shell


def _accounts(text: str) -> list[tuple[str, str]]:
    doc = shell.read("create.sh", ("azure config mode asm\n" + text + "\n").encode())
    return [(r.name, r.account_type) for r in doc.resources if isinstance(r, StorageAccountType)]


@pytest.mark.parametrize(
    "text",
    [
        'azure storage account create --location "West US" mystore',
        "azure storage account create mystore -l westus --label store",
        'azure storage account create mystore --type "$T" -l westus',
    ],
)
def test_an_account_created_without_a_stated_type_is_listed(text):
    assert _accounts(text) == [("mystore", "")]


def test_an_account_created_with_a_type_has_it():
    assert _accounts("azure storage account create mystore --type PLRS -l westus") == [
        ("mystore", "Premium_LRS")
    ]


def test_an_account_of_an_unstated_name_is_a_stand_in():
    ((name, kind),) = _accounts('azure storage account create "$SA" -l westus')
    assert name.startswith("<storage account name") and kind == ""


def test_an_account_created_without_a_type_gets_its_migration_step(tmp_path, monkeypatch):
    from migcheck import cli

    (tmp_path / "create.sh").write_text(
        "azure config mode asm\nazure storage account create mystore -l westus\n"
    )
    monkeypatch.chdir(tmp_path)
    assert "Storage account: mystore" in _plan(cli, tmp_path)


def _plan(cli, path) -> str:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        cli.main(["plan", str(path)])
    return out.getvalue()
