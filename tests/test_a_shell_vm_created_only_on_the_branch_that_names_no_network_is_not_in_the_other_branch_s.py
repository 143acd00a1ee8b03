"""A classic CLI `vm create` on a branch apart from every branch that puts its cloud service's deployment in a
virtual network (`if [ "$VNET" ]; then azure vm create --connect svc -w "$VNET" ...; else azure vm create
--connect svc --location ...; fi`, the shape of Aloja's azure provider) is never run with those: the VM it
makes is not in that network, so it is no VM without a subnet there (MIG203), in a script, in a function of
one, and in a CI step's lines. A VM on the network's branch without a subnet is still one, and so is a VM
on a branch that runs together with the network's (after the `if`)."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Severity

BRANCHES = """\
if [ "$virtualNetworkName" ] ; then
  azure vm create --connect "$dnsName" --vm-name web --virtual-network-name "$virtualNetworkName" {subnet}img u p
else
  azure vm create --connect "$dnsName" --vm-name db --location "West US" img u p
fi
"""


def no_subnet(tmp_path, monkeypatch, files: dict[str, str]):
    return lint_files(tmp_path, monkeypatch, files, "MIG203", dedent=False).findings


@pytest.mark.parametrize(
    "script",
    [
        "#!/bin/bash\n" + BRANCHES.format(subnet="-b Subnet-1 "),
        "#!/bin/bash\nvm_create() {\n" + BRANCHES.format(subnet="-b Subnet-1 ") + "}\nvm_create\n",
        "#!/bin/bash\nvm_create() {\n" + BRANCHES.format(subnet="-b Subnet-1 ") + "}\n",
    ],
    ids=["script", "called-function", "uncalled-function"],
)
def test_the_vm_of_the_branch_without_a_network_has_no_missing_subnet(tmp_path, monkeypatch, script):
    assert no_subnet(tmp_path, monkeypatch, {"deploy.sh": script}) == []


def test_the_vm_of_the_network_s_branch_without_a_subnet_is_still_found(tmp_path, monkeypatch):
    script = "#!/bin/bash\n" + BRANCHES.format(subnet="")
    [finding] = no_subnet(tmp_path, monkeypatch, {"deploy.sh": script})
    assert where([finding]) == ["MIG203 deploy.sh:3:3"]
    assert finding.severity == Severity.ERROR
    assert "VM 'web'" in finding.message


def test_a_vm_made_after_the_branches_is_in_the_network(tmp_path, monkeypatch):
    script = (
        "#!/bin/bash\n"
        + BRANCHES.format(subnet="-b Subnet-1 ")
        + 'azure vm create --connect "$dnsName" --vm-name cache img u p\n'
    )
    [finding] = no_subnet(tmp_path, monkeypatch, {"deploy.sh": script})
    assert "VM 'cache'" in finding.message


def test_a_ci_step_s_branches_are_read_so(tmp_path, monkeypatch):
    step = "".join(f"          {line}\n" for line in BRANCHES.format(subnet="-b Subnet-1 ").splitlines())
    workflow = (
        "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: azure config mode asm\n      - run: |\n" + step
    )
    assert no_subnet(tmp_path, monkeypatch, {".github/workflows/deploy.yml": workflow}) == []


ONE_VM = """\
if [ "$virtualNetworkName" ] ; then
  azure vm create "$dnsName" --vm-name "$1" -w "$virtualNetworkName" -b Subnet-1 --location "West US" img u p
else
  azure vm create "$dnsName" --vm-name "$1" --connect img u p
fi
"""


@pytest.mark.parametrize(
    "script",
    ["#!/bin/bash\n" + ONE_VM, "#!/bin/bash\nvm_create() {\n" + ONE_VM + "}\nvm_create web\nvm_create db\n"],
    ids=["script", "function-called-twice"],
)
def test_one_vm_joining_apart_from_the_network_s_branch_says_nothing_of_its_subnets(
    tmp_path, monkeypatch, script
):
    assert no_subnet(tmp_path, monkeypatch, {"deploy.sh": script}) == []


def test_one_vm_joining_a_deployment_the_script_put_in_a_network_before_may_have_no_subnet(
    tmp_path, monkeypatch
):
    script = (
        '#!/bin/bash\nazure vm create "$dnsName" --vm-name web -w net1 -b Subnet-1 --location "West US" img u p\n'
        + ONE_VM.replace('"$1"', "db")
    )
    [finding] = no_subnet(tmp_path, monkeypatch, {"deploy.sh": script})
    assert (finding.severity, "VM 'db'" in finding.message) == (Severity.WARNING, True)
