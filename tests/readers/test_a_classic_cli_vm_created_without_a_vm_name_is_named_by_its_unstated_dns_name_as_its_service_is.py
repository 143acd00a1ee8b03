"""`azure vm create <dns-name> image user password` makes the cloud service of that DNS name and a VM of the
same name unless `--vm-name` says otherwise. A DNS name the script does not state (`"$1"`) gave the service
and the VM two stand-ins, as if they were two unknown names; they are one value, shown as one, as a stated
name is (`myweb/myweb`), and a later command on the VM by that value finds it."""

from __future__ import annotations

from migcheck.model import Deployment
from migcheck.readers import shell


def _deployments(text: str) -> list[tuple[str, list[str]]]:
    doc = shell.read("create.sh", text.encode())
    return [(d.service_name, [vm.name for vm in d.roles]) for d in doc.resources if isinstance(d, Deployment)]


def test_a_vm_created_with_an_unstated_dns_name_is_named_as_its_service():
    [(service, vms)] = _deployments(
        '#!/bin/bash\nazure vm create -l "West Europe" "$1" img azureuser "$PW"\n'
    )
    assert service.startswith("<cloud service name")
    assert vms == [service]


def test_a_vm_name_given_still_names_the_vm():
    script = '#!/bin/bash\nazure vm create -l "West Europe" "$1" img azureuser "$PW" --vm-name "$2"\n'
    [(service, vms)] = _deployments(script)
    assert vms != [service] and vms[0].startswith("<VM name")


def test_a_stated_dns_name_names_both():
    assert _deployments('azure vm create -l "West Europe" myweb img azureuser "$PW"\n') == [
        ("myweb", ["myweb"])
    ]
