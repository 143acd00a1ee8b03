"""A step whose commands hold a stand-in for the name of what it moves (a reserved IP, network security group,
route table, storage account or virtual network a script creates under a name it gets only when it runs,
`<reserved IP name, ip.py:4>`) cannot run as written: its first note says to fill the name in and how to
find it, and its verdict says so (NOT READY (fill in the reserved IP's name first)), in text, Markdown and
JSON (`"name_unstated": true`), as for a cloud service the files do not name, where it read "ready"."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli

PY_RESERVED_IP = """\
import sys
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
sms.create_reserved_ip_address(name=sys.argv[1], label="ip", location="West Europe")
"""
PS_RESERVED_IP = 'param($ipName)\nNew-AzureReservedIP -ReservedIPName $ipName -Location "West Europe"\n'
PS_NSG = 'param($nsgName)\nNew-AzureNetworkSecurityGroup -Name $nsgName -Location "West Europe"\n'
PS_ROUTE_TABLE = 'param($rt)\nNew-AzureRouteTable -Name $rt -Location "West Europe"\n'
PS_STORAGE = 'param($acct)\nNew-AzureStorageAccount -StorageAccountName $acct -Location "West Europe"\n'
SH_NETWORK = 'azure network vnet create --location "West Europe" --address-space 10.0.0.0 "$1"\n'
SH_RESERVED_IP = 'azure network reserved-ip create "$1" "West Europe"\n'

CASES = [
    ("ip.py", PY_RESERVED_IP, "reserved IP"),
    ("ip.ps1", PS_RESERVED_IP, "reserved IP"),
    ("ip.sh", SH_RESERVED_IP, "reserved IP"),
    ("nsg.ps1", PS_NSG, "network security group"),
    ("rt.ps1", PS_ROUTE_TABLE, "route table"),
    ("store.ps1", PS_STORAGE, "storage account"),
    ("net.sh", SH_NETWORK, "virtual network"),
]


def _only_step(out: str) -> dict:
    (subscription,) = json.loads(out)["subscriptions"]
    (step,) = subscription["steps"]
    return step


@pytest.mark.parametrize(("name", "text", "words"), CASES)
def test_the_step_says_to_fill_the_name_in_first_in_every_format(
    tmp_path, monkeypatch, capsys, name, text, words
):
    lint_files(tmp_path, monkeypatch, {name: text}, dedent=False)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    step = _only_step(out)
    assert (step["ready"], step.get("name_unstated")) == (False, True)
    stand_in = step["name"]
    prefix = f"<{words} name, "
    assert stand_in.startswith(f"{prefix}{name}:")
    assert step["notes"][0].startswith(
        f"Fill in first: the files do not state the name of this {words}, which the command at "
        f"{stand_in.removeprefix(prefix)[:-1]} acts on when it runs. '{stand_in}' stands for it in this step"
    )
    verdict = f"(fill in the {words}'s name first)"
    _, out, _ = run_cli(capsys, "plan", ".")
    assert f"{stand_in} [wave 1] — NOT READY {verdict}" in out
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "markdown")
    assert f"— ⛔ not ready {verdict}" in out
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "html")
    assert f"not ready: fill in the {words}&#x27;s name first" in out


@pytest.mark.parametrize(("name", "text", "words"), CASES)
def test_a_name_the_script_states_keeps_the_step_ready(tmp_path, monkeypatch, capsys, name, text, words):
    stated = text.replace("sys.argv[1]", '"prodip"').replace('"$1"', "prodnet")
    for variable in ("$ipName", "$nsgName", "$rt", "$acct"):
        stated = stated.replace(f"{variable} ", "prodres ")
    lint_files(tmp_path, monkeypatch, {name: stated}, dedent=False)
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    step = _only_step(out)
    assert (step["ready"], "name_unstated" in step) == (True, False)
    assert not any(note.startswith("Fill in first") for note in step["notes"])
