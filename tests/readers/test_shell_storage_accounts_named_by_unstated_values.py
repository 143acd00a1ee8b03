"""Storage accounts a shell script names by values it does not state (`SA=$1; azure storage account create
"$SA"`, `vm create ... -u "https://$SA.blob.core.windows.net/..."`) are kept under a stand-in per value, as
the PowerShell reader keeps them, so that the plan has a step for each."""

from __future__ import annotations

import textwrap

from migcheck.model import Deployment, StorageAccountType
from migcheck.readers import shell


def _accounts(text: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    """The accounts whose types the script gives, and each VM's disks as (VM, disk, account)."""
    doc = shell.read("deploy.sh", textwrap.dedent(text).encode())
    types = [r.name for r in doc.resources if isinstance(r, StorageAccountType)]
    disks = [
        (role.name, disk.name, disk.account)
        for deployment in doc.resources
        if isinstance(deployment, Deployment)
        for role in deployment.roles
        for disk in role.disks
    ]
    return types, disks


def test_one_stand_in_for_each_unstated_value_that_names_an_account():
    script = """\
    SA=$1
    azure storage account create "$SA" --type LRS -l "West Europe"
    azure vm create svc1 img u p -u "https://$SA.blob.core.windows.net/vhds/a.vhd"
    SA2=$2
    azure vm create svc2 img u p -u "https://${SA2}.blob.core.windows.net/vhds/b.vhd"
    azure vm create svc3 img u p -u https://${SA2}.blob.core.windows.net/vhds/c.vhd
    """
    types, disks = _accounts(script)
    first = "<storage account name, deploy.sh:2:30>"
    second = "<storage account name, deploy.sh:5:33>"
    assert types == [first]
    assert disks == [
        ("svc1", "<OS disk of VM svc1, deploy.sh:3:33>", first),
        ("svc2", "<OS disk of VM svc2, deploy.sh:5:33>", second),
        ("svc3", "<OS disk of VM svc3, deploy.sh:6:33>", second),
    ]


def test_an_account_built_from_an_unstated_value_is_its_own():
    script = """\
    azure vm create svc1 img u p -u "https://acct$1.blob.core.windows.net/vhds/a.vhd"
    azure vm create svc2 img u p -u "https://$1.blob.core.windows.net/vhds/b.vhd"
    azure vm create svc3 img u p -u "https://acct$1.blob.core.windows.net/vhds/c.vhd"
    azure vm create svc4 img u p -u "$URL"
    azure vm create svc5 img u p -u "https://acct.blob.core.windows.net/vhds/$1.vhd"
    """
    _, disks = _accounts(script)
    assert [(vm, account) for vm, _, account in disks] == [
        ("svc1", "<storage account name, deploy.sh:1:33>"),
        ("svc2", "<storage account name, deploy.sh:2:33>"),
        ("svc3", "<storage account name, deploy.sh:1:33>"),
        ("svc4", "<storage account name, deploy.sh:4:33>"),  # an address not stated at all: its own
        ("svc5", "acct"),  # the account is stated; only the blob's name is not
    ]


def test_the_plan_has_a_step_for_each_account(tmp_path, monkeypatch, capsys):
    from migcheck.cli import main

    (tmp_path / "deploy.sh").write_text(
        "SA=$1\nSA2=$2\n"
        'azure vm create svc1 img u p -u "https://$SA.blob.core.windows.net/vhds/a.vhd"\n'
        'azure vm create svc2 img u p -u "https://$SA2.blob.core.windows.net/vhds/b.vhd"\n'
    )
    monkeypatch.chdir(tmp_path)
    main(["plan", "."])
    steps = [line for line in capsys.readouterr().out.splitlines() if ". Storage account: " in line]
    assert len(steps) == 2
