"""The parsed arguments of a cluster builder (`args = parser.parse_args()`) are passed to helpers that only
read them (`linux_config(vm_name, args)`, `get_vm_name(args, i)`): `args.cloud_service_name`, given to
`create_virtual_machine_deployment` and then to `add_role`, is still one value, so the two calls describe
one deployment of two VMs, not two deployments of one each. A helper that may change the object, or hands
it back for the caller to change, leaves them apart."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment
from migcheck.readers import read_document

BUILDER = """\
import argparse
from azure.servicemanagement import ServiceManagementService
parser = argparse.ArgumentParser()
parser.add_argument('cloud_service_name')
args = parser.parse_args()
{helper}
sms = ServiceManagementService('sub', 'cert.pem')
sms.create_virtual_machine_deployment(args.cloud_service_name, deployment_name=args.cloud_service_name,
    deployment_slot='production', label='vm0', role_name='vm0', system_config=None,
    os_virtual_hard_disk=None, role_size='Small')
{use}
sms.add_role(args.cloud_service_name, deployment_name=args.cloud_service_name, role_name='vm1',
    system_config=None, os_virtual_hard_disk=None, role_size='Small')
"""

READS = "def linux_config(hostname, opts):\n    return hostname + opts.cloud_service_name\n"


def _deployments(helper: str, use: str) -> list[Deployment]:
    text = BUILDER.format(helper=helper, use=use)
    document = read_document("builder.py", text.encode(), explicit=True)
    assert document is not None
    return [r for r in document.resources if isinstance(r, Deployment)]


@pytest.mark.parametrize(
    "use",
    [
        "system = linux_config('vm0', args)",
        "linux_config('vm0', opts=args)",
        "system = linux_config('vm0', args) if args.cloud_service_name else None",
    ],
)
def test_arguments_passed_to_a_helper_that_reads_them_name_one_deployment(use: str):
    (deployment,) = _deployments(READS, use)
    assert [vm.name for vm in deployment.roles] == ["vm0", "vm1"]
    assert deployment.virtual_network is None


@pytest.mark.parametrize(
    ("helper", "use"),
    [
        # Near miss: the helper hands the object back, and the caller changes it through what it got.
        ("def same(opts):\n    return opts\n", "copy = same(args)\ncopy.cloud_service_name = 'other'"),
        # Near miss: the helper changes the attribute itself.
        ("def rename(opts):\n    opts.cloud_service_name = 'other'\n", "rename(args)"),
    ],
)
def test_a_helper_that_may_change_the_arguments_leaves_the_calls_apart(helper: str, use: str):
    assert len(_deployments(helper, use)) == 2


# A copy of a builder cut off above `args = parser.parse_args()` reads `args` without binding it: the file
# cannot bind it again, so `args.svc` is one value wherever it is read, unless the file changes it.
UNBOUND = """\
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService('sub', 'cert.pem')
sms.create_virtual_machine_deployment(args.svc, deployment_name=args.svc, deployment_slot='production',
    label='vm0', role_name='vm0', system_config=None, os_virtual_hard_disk=None, role_size='Small')
{between}
sms.add_role(args.svc, deployment_name=args.svc, role_name='vm1', system_config=None,
    os_virtual_hard_disk=None, role_size='Small')
"""


def _unbound_deployments(between: str) -> list[Deployment]:
    document = read_document("deploy.py", UNBOUND.format(between=between).encode(), explicit=True)
    assert document is not None
    return [r for r in document.resources if isinstance(r, Deployment)]


@pytest.mark.parametrize(
    "between", ["", "print(args.svc)", "def show(opts):\n    print(opts.svc)\nshow(args)"]
)
def test_a_path_on_a_name_the_file_never_binds_is_one_value(between: str):
    (deployment,) = _unbound_deployments(between)
    assert [vm.name for vm in deployment.roles] == ["vm0", "vm1"]


@pytest.mark.parametrize("between", ["args.svc = 'other'", "refresh(args)", "setattr(args, 'svc', 'x')"])
def test_a_name_the_file_never_binds_but_may_change_leaves_the_calls_apart(between: str):
    # Near miss: the file sets the attribute, or passes the object where the reader does not follow it.
    assert len(_unbound_deployments(between)) == 2


PASSES_PARTS = (
    "def linux_config(hostname, opts):\n"
    "    pk = PublicKey(opts.ssh_thumb, '/home/core/.ssh/authorized_keys')\n"
    "    return hostname\n"
)


def test_a_helper_that_passes_on_attributes_of_the_arguments_leaves_them_one_value():
    # `PublicKey` is a class of the SDK the reader does not list: it may keep `opts.ssh_thumb`, which does
    # not change which value `args.cloud_service_name` is.
    (deployment,) = _deployments(PASSES_PARTS, "system = linux_config('vm0', args)")
    assert [vm.name for vm in deployment.roles] == ["vm0", "vm1"]


def test_a_helper_that_passes_on_the_arguments_whole_leaves_the_calls_apart():
    # Near miss: the object itself goes where the reader does not follow it.
    helper = "def linux_config(hostname, opts):\n    keep(opts)\n    return hostname\n"
    assert len(_deployments(helper, "system = linux_config('vm0', args)")) == 2
