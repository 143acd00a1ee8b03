"""A data disk `azure vm disk attach-new <vm> <size> <blob-url>` puts at an address the script does not
state whole is in the storage account the address names: written out
(`https://acct2.blob.core.windows.net/vhds/$1_data.vhd`) or by a value it does not state
(`https://$sa.blob...`, the stand-in of that value, one account with the OS disk `vm create -u` puts there),
as the OS disk of `vm create --blob-url` already was, and a disk `vm disk create -u` registers the same. The
account is listed with its disks and has its plan step after the VM's network. The data disk was dropped,
and with it an account no other disk is in: not listed, no step, nothing said. Shell scripts and Python
scripts that run the CLI alike."""

from __future__ import annotations

import json

import pytest
from lint_support import run_cli

OS_DISK = "https://acct1.blob.core.windows.net/vhds/vm1_os.vhd"
VM = f"azure vm create --vm-name vm1 -w net1 --subnet-names s1 --blob-url {OS_DISK} svc1 img user\n"

SCRIPTS = {
    "deploy.sh": VM
    + "azure vm disk attach-new vm1 50 https://acct2.blob.core.windows.net/vhds/$1_data.vhd\n",
    "deploy.py": f"""\
import subprocess, sys
subprocess.check_call({VM.split()!r})
name = sys.argv[1]
subprocess.check_call(["azure", "vm", "disk", "attach-new", "vm1", "50",
                       f"https://acct2.blob.core.windows.net/vhds/{{name}}_data.vhd"])
""",
    "register.sh": VM + "azure vm disk create data1 -u https://acct2.blob.core.windows.net/vhds/$1.vhd\n",
}


def _run(tmp_path, monkeypatch, capsys, name: str, text: str) -> tuple[str, list[dict]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, summary, _ = run_cli(capsys, "check", ".")
    _, plan, _ = run_cli(capsys, "plan", ".", "--format", "json")
    return summary, json.loads(plan)["subscriptions"][0]["steps"]


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_account_an_address_names_holds_the_disk(tmp_path, monkeypatch, capsys, script):
    summary, steps = _run(
        tmp_path, monkeypatch, capsys, script.replace("register", "deploy"), SCRIPTS[script]
    )
    assert "    acct1 (1 disk)" in summary
    assert "    acct2 (1 disk)" in summary
    (network,) = [s for s in steps if s["kind"] == "network"]
    (account,) = [s for s in steps if s["kind"] == "storage" and s["name"] == "acct2"]
    # An attached disk moves after its VM's network; a registered one, attached to none, at any time.
    assert account["after"] == ([] if script == "register.sh" else [network["id"]])


def test_a_data_disk_of_an_account_named_by_a_value_not_stated_is_in_the_os_disks_one(
    tmp_path, monkeypatch, capsys
):
    script = (
        'sa="$1"\n'
        "azure vm create -n vm1 -w net1 -b s1 -u https://$sa.blob.core.windows.net/vhds/vm1_os.vhd svc1 img u\n"
        "azure vm disk attach-new vm1 50 https://$sa.blob.core.windows.net/vhds/vm1_$2.vhd\n"
    )
    summary, steps = _run(tmp_path, monkeypatch, capsys, "deploy.sh", script)
    (account,) = [s for s in steps if s["kind"] == "storage"]
    assert account["name"] == "<storage account name, deploy.sh:2:41>"
    assert f"    {account['name']} (2 disks)" in summary
