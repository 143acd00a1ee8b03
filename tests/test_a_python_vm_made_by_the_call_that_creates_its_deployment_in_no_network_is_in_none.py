"""A script that adds a VM to a deployment when it exists and creates the deployment when it does not
(`try: get_deployment_by_name(...); add_role(...)` / `except WindowsAzureMissingResourceError:
create_virtual_machine_deployment(...)`, naming no network) said the VM the creation makes "may be in a
virtual network" (MIG203), naming the very call that puts it in none. That VM is in the deployment the
call makes, in none; the VM added on the other path may be in a network the script does not state."""

from __future__ import annotations

from lint_support import lint_files

SCRIPT = """\
import azure
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService('sub', 'c.pem')

def create(service_name, os_hd, cfg):
    try:
        sms.get_deployment_by_name(service_name, service_name)
        sms.add_role(service_name, service_name, 'vm-b', cfg, os_hd, role_size='Small')
    except azure.WindowsAzureMissingResourceError:
        sms.create_virtual_machine_deployment(
            service_name, service_name, 'production', service_name, 'vm-a', cfg, os_hd, role_size='Small')
"""


def test_only_the_vm_added_to_a_deployment_that_may_exist_may_be_in_a_network(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": SCRIPT})
    maybe_in_a_network = [f.message.split("'")[1] for f in result.findings if f.code == "MIG203"]
    assert maybe_in_a_network == ["vm-b"]


def test_the_path_in_none_moves_both_vms(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": SCRIPT})
    (moved,) = [f.message for f in result.findings if f.code == "MIG105"]
    assert "on the path in none, migration stops, deallocates and restarts 'vm-b', 'vm-a'" in moved
