"""A VM `azure vm create` makes without `--vm-name` is named after its cloud service; where the script does
not state the service's name, the VM and the service are shown by one stand-in that names both, the DNS name
(`<DNS name, create.sh:2>`): one value, where two stand-ins (`<VM name, ...>`, `<cloud service name, ...>`)
showed it as two; later commands given the same value change that VM."""

from __future__ import annotations

from migcheck.model import Deployment
from migcheck.readers import shell


def _vms(text: str) -> list[tuple[str, list[str], list[str]]]:
    doc = shell.read("create.sh", text.encode())
    return [
        (d.service_name, [vm.name for vm in d.roles], [e.name for vm in d.roles for e in vm.endpoints])
        for d in doc.resources
        if isinstance(d, Deployment)
    ]


def test_the_vm_of_an_unstated_service_is_a_vm_of_an_unstated_name():
    ((service, vms, _),) = _vms('azure vm create --virtual-network-name net1 "$PREFIX$1" img user pass\n')
    assert service == "<DNS name, create.sh:1>"
    assert vms == ["<DNS name, create.sh:1>"]


def test_a_later_command_given_the_same_value_changes_that_vm():
    text = 'SVC=$1\nazure vm create "$SVC" img u p\nazure vm endpoint create "$SVC" 80 -n web\n'
    ((service, vms, endpoints),) = _vms(text)
    assert service == "<DNS name, create.sh:2>" and vms == ["<DNS name, create.sh:2>"]
    assert endpoints == ["web"]


def test_the_vm_of_a_stated_service_is_named_after_it():
    assert _vms("azure vm create mysvc img u p\n") == [("mysvc", ["mysvc"], [])]


def test_a_service_created_before_under_the_value_is_the_vm_s_one_stand_in():
    text = 'azure service create "$1" --location "West US"\nazure vm create "$1" img u p\n'
    ((service, vms, _),) = _vms(text)
    assert service == "<DNS name, create.sh:2>" and vms == [service]


def test_a_vm_given_its_own_name_keeps_a_stand_in_of_its_own():
    ((service, vms, _),) = _vms('azure vm create "$1" img u p --vm-name "$2"\n')
    assert service == "<cloud service name, create.sh:1>" and vms == ["<VM name, create.sh:1>"]
