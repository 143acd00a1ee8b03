"""A cluster builder fills in the defaults argparse left after `parse_args()` (`args.ssh_cert =
'./ssh-cert.cer'`, `args.custom_data = ...`) and then passes `args.cloud_service_name` to
`create_virtual_machine_deployment` and to `add_role`: setting one attribute of the parsed arguments changes
what that attribute holds, not the others, so the two calls still describe one deployment of two VMs, where
they described two cloud services of one VM each. Setting the service's own attribute between the two calls
makes them two values, as before."""

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
{before}
sms = ServiceManagementService('sub', 'cert.pem')
sms.create_virtual_machine_deployment(args.cloud_service_name, deployment_name=args.cloud_service_name,
    deployment_slot='production', label='vm0', role_name='vm0', system_config=None,
    os_virtual_hard_disk=None, role_size='Small')
{between}
sms.add_role(args.cloud_service_name, deployment_name=args.cloud_service_name, role_name='vm1',
    system_config=None, os_virtual_hard_disk=None, role_size='Small')
"""


def _vms_by_deployment(before: str = "", between: str = "") -> list[list[str]]:
    text = BUILDER.format(before=before, between=between)
    document = read_document("builder.py", text.encode(), explicit=True)
    assert document is not None
    return [[vm.name for vm in r.roles] for r in document.resources if isinstance(r, Deployment)]


@pytest.mark.parametrize(
    ("before", "between"),
    [
        ("args.ssh_cert = './ssh-cert.cer'", ""),
        ("if args.ssh_cert is None:\n    args.ssh_cert = './ssh-cert.cer'", ""),
        ("", "args.custom_data = './user_data.yml'"),
        ("", "del args.custom_data"),
        ("", "args.tags.append('web')"),
    ],
)
def test_setting_another_argument_leaves_the_service_one_value(before: str, between: str) -> None:
    assert _vms_by_deployment(before, between) == [["vm0", "vm1"]]


@pytest.mark.parametrize(
    ("before", "between"),
    [
        # Near miss: the service's own attribute is set between the two calls.
        ("", "args.cloud_service_name = 'other'"),
        ("", "args.cloud_service_name += '-2'"),
        # Near miss: setting the other attribute runs code the script writes, which may set any.
        (
            "class Options:\n    def __setattr__(self, key, value):\n        object.__setattr__(self, key, value)\n"
            "args.ssh_cert = './ssh-cert.cer'",
            "",
        ),
        (
            "class Options:\n    @property\n    def ssh_cert(self):\n        return None\n"
            "args.ssh_cert = './ssh-cert.cer'",
            "",
        ),
    ],
)
def test_setting_the_service_argument_or_running_code_on_a_set_makes_two_values(
    before: str, between: str
) -> None:
    assert _vms_by_deployment(before, between) == [["vm0"], ["vm1"]]


def test_a_function_filling_in_its_own_arguments_leaves_the_service_one_value() -> None:
    text = BUILDER.format(before="", between="").replace("args = parser.parse_args()\n", "")
    body = "".join("    " + line + "\n" for line in text.splitlines()[3:])
    script = "\n".join(text.splitlines()[:3]) + "\ndef main():\n    args = parser.parse_args()\n"
    script += "    args.ssh_cert = './ssh-cert.cer'\n" + body + "main()\n"
    document = read_document("builder.py", script.encode(), explicit=True)
    assert document is not None
    vms = [[vm.name for vm in r.roles] for r in document.resources if isinstance(r, Deployment)]
    assert vms == [["vm0", "vm1"]]
