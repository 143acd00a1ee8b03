"""A script that builds the SDK's classes by their full name (`azure.servicemanagement.ConfigurationSet()`)
uses the SDK whether or not the file shows its import (salt-cloud's azure driver, cut from its module); and
a loop over `range()` with written-out bounds runs a known number of turns, each adding a VM of its own."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment
from migcheck.readers import read_document

CREATE = """
def create(vm_):
    conn = get_conn()
    service_kwargs = {'service_name': vm_['name'], 'label': vm_['name'], 'location': vm_['location']}
    network_config = azure.servicemanagement.ConfigurationSet()
    network_config.configuration_set_type = 'NetworkConfiguration'
    linux_config = azure.servicemanagement.LinuxConfigurationSet(host_name=vm_['name'])
    os_hd = azure.servicemanagement.OSVirtualHardDisk(vm_['image'], vm_['media_link'])
    vm_kwargs = {
        'service_name': vm_['name'],
        'deployment_name': vm_['name'],
        'deployment_slot': 'production',
        'label': vm_['name'],
        'role_name': vm_['name'],
        'system_config': linux_config,
        'os_virtual_hard_disk': os_hd,
        'role_size': 'Small',
        'network_config': network_config,
    }
    conn.create_hosted_service(**service_kwargs)
    conn.create_virtual_machine_deployment(**vm_kwargs)
"""


def findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, code: str) -> list[str]:
    result = lint_files(
        tmp_path, monkeypatch, {"azure.py": textwrap.dedent(text).lstrip("\n")}, code, dedent=False
    )
    return where(result.findings)


def deployments(text: str) -> list[Deployment]:
    document = read_document("mig.py", textwrap.dedent(text).lstrip("\n").encode(), explicit=True)
    assert document is not None and document.problem is None
    return [r for r in document.resources if isinstance(r, Deployment)]


def test_a_file_that_builds_the_sdk_classes_by_full_name_describes_its_vm_without_the_import(
    tmp_path, monkeypatch
):
    assert findings(tmp_path, monkeypatch, CREATE, "MIG105") == ["MIG105 azure.py:20:10"]
    assert findings(tmp_path, monkeypatch, "import azure.servicemanagement\n" + CREATE, "MIG105") == [
        "MIG105 azure.py:22:10"
    ]


def test_a_file_that_binds_azure_to_something_else_is_not_the_sdk(tmp_path, monkeypatch):
    rebound = CREATE.replace("    conn = get_conn()\n", "    conn = get_conn()\n    azure = make_client()\n")
    assert findings(tmp_path, monkeypatch, rebound, "MIG105") == []
    assert findings(tmp_path, monkeypatch, "import mylib as azure\n" + CREATE, "MIG105") == []


def test_a_resource_manager_script_stays_silent(tmp_path, monkeypatch):
    text = """
    from azure.mgmt.compute import ComputeManagementClient
    client = ComputeManagementClient(credential, subscription)
    params = azure.mgmt.compute.models.VirtualMachine(location='westeurope')
    client.virtual_machines.begin_create_or_update('rg', 'vm', params)
    """
    assert findings(tmp_path, monkeypatch, text, "ALL") == []


LOOP = """
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService(subscription_id, certificate_path)
serv_name = pick_service()
name = 'myvm' + random_str()
sms.create_virtual_machine_deployment(service_name=serv_name, deployment_name='myvm',
                                      deployment_slot='production', label=name, role_name=name + '1',
                                      system_config=None, os_virtual_hard_disk=None, role_size='Small')
for i in RANGE:
    sms.add_role(service_name=serv_name, deployment_name='myvm', role_name=name + str(i),
                 system_config=None, os_virtual_hard_disk=None, role_size='Small')
"""


@pytest.mark.parametrize(("loop", "count"), [("range(2, 9)", 8), ("range(3)", 4), ("range(8, 2, -2)", 4)])
def test_a_loop_over_range_with_written_bounds_adds_a_vm_at_each_turn(loop, count):
    (deployment,) = deployments(LOOP.replace("RANGE", loop))
    assert len(deployment.roles) == count


def test_a_loop_over_range_of_unknown_bounds_is_read_once():
    (deployment,) = deployments(LOOP.replace("RANGE", "range(count)"))
    assert len(deployment.roles) == 2


def test_a_loop_over_an_empty_range_adds_no_vm():
    (deployment,) = deployments(LOOP.replace("RANGE", "range(0)"))
    assert len(deployment.roles) == 1
