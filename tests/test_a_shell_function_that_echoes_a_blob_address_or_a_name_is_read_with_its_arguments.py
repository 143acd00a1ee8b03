"""A shell function of the script whose body only echoes one word built from its arguments (`blob_url() {
echo "https://$1.blob.core.windows.net/vhds/$2.vhd"; }`), called in a command substitution, gives that word
read with `$1`... the call's words, as if written out at the call: VMs whose blobs it builds on one value the
script does not state are in one stand-in storage account, one it is given stated is in that account, and a
VM name it builds is the stated name, where each was a stand-in of its own. Another value names another
account; a function that does more than echo keeps today's reading."""

from __future__ import annotations

import json

from lint_support import run_cli

SCRIPT = """\
#!/bin/bash
blob_url() {
  # the OS disk's blob
  echo "https://$1.blob.core.windows.net/vhds/$2.vhd"
}
vm_name() { echo "web-$1"; }
noisy_url() {
  date
  echo "https://$1.blob.core.windows.net/vhds/$2.vhd"
}
ACCOUNT=$VHD_ACCOUNT
URL=$(blob_url "$ACCOUNT" vm1)
azure vm create svc1 img u p -n "$(vm_name 1)" -u "$URL"
azure vm create svc2 img u p -n "$(vm_name 2)" -u "$(blob_url "$ACCOUNT" vm2)"
azure vm create svc3 img u p -n vm3 -u "$(blob_url "$1" vm3)"
azure vm create svc4 img u p -n vm4 -u "$(blob_url prodvhds vm4)"
azure vm create svc5 img u p -n vm5 -u "$(noisy_url "$ACCOUNT" vm5)"
"""


def test_a_shell_function_echoing_a_blob_address_or_a_name_is_read_with_its_arguments(
    tmp_path, monkeypatch, capsys
):
    (tmp_path / "deploy.sh").write_text(SCRIPT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    steps = [s for sub in json.loads(out)["subscriptions"] for s in sub["steps"]]
    assert sorted(m for s in steps if s["kind"] == "storage" for m in s["moves"]) == [
        "storage account '<storage account name, deploy.sh:15:40>' (1 disk)",  # vm3, on $1
        "storage account '<storage account name, deploy.sh:17:40>' (1 disk)",  # vm5: noisy_url runs `date`
        "storage account '<storage account name, deploy.sh:4:8>' (2 disks)",  # vm1 and vm2, on $ACCOUNT
        "storage account 'prodvhds' (1 disk)",
    ]
    services = [
        m for s in steps if s["kind"] != "storage" for m in s["moves"] if m.startswith("cloud service")
    ]
    assert "cloud service 'svc1', deployment 'svc1': VMs web-1" in services
    assert "cloud service 'svc2', deployment 'svc2': VMs web-2" in services
