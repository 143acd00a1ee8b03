"""A VM the classic CLI creates in a loop over items the script does not write out, named by a variable built
from the loop's item (`m="etcd$i"`, `--vm-name=$m`), and changed in the same pass by that variable
(`azure vm endpoint delete $m ssh`), is the VM the pass created: not a VM of a cloud service the files do
not state, which would be a migration step of its own."""

from __future__ import annotations

import textwrap

from migcheck.model import Deployment
from migcheck.readers import shell

SCRIPT = """\
azure config mode asm
VM_IPS=(10.0.20.11 10.0.20.12)
for i in `seq ${#VM_IPS[@]}`; do
  m="etcd$i"
  azure vm create --vm-name=$m --connect=etcdsyd --ssh "1001$i" img core pass \\
  && azure vm endpoint delete $m ssh;
done
"""


def _deployments(text: str) -> list[Deployment]:
    doc = shell.read("peers.sh", textwrap.dedent(text).encode())
    return [r for r in doc.resources if isinstance(r, Deployment)]


def test_the_endpoint_is_deleted_from_the_vm_the_same_pass_created():
    (deployment,) = _deployments(SCRIPT)
    (vm,) = deployment.roles
    assert (deployment.service_name, vm.name) == ("etcdsyd", "<VM name, peers.sh:5>")
    assert vm.looped_over == "`seq ${#VM_IPS[@]}`"
    assert vm.endpoints == ()


def test_the_spaced_option_and_the_variable_name_one_vm_too():
    spaced = SCRIPT.replace("--vm-name=$m", "--vm-name $m").replace(
        "endpoint delete $m", "endpoint delete etcd$i"
    )
    (deployment,) = _deployments(spaced)
    assert [vm.endpoints for vm in deployment.roles] == [()]
