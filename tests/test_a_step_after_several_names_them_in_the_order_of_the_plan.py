"""A step that comes after several others names them in the order of the plan ("after step 1, step 2"),
whatever order the dependencies were found in, where a storage account's step read "after step 2, step 1"."""

from __future__ import annotations

from lint_support import lint_files, run_cli

TWO_NETWORKS = """\
import os
from azure.servicemanagement import ServiceManagementService, ConfigurationSet, OSVirtualHardDisk


class Deployer:
    def __init__(self, sub, cert):
        self.sms = ServiceManagementService(sub, cert)

    def create(self, name, vnet=None, subnet=None):
        net = ConfigurationSet()
        net.configuration_set_type = 'NetworkConfiguration'
        net.subnet_names.append(subnet)
        self.sms.create_virtual_machine_deployment(
            service_name=name, deployment_name=name, deployment_slot='production', label=name,
            role_name=name, system_config=None, os_virtual_hard_disk=OSVirtualHardDisk('img', 'https://a.blob.core.windows.net/v/a.vhd'),
            network_config=net, role_size='Small', virtual_network_name=vnet)


d = Deployer('sub', 'cert.pem')
d.create('svc1', 'appvnet', 'web')
d.create('svc3', vnet=os.environ.get('VNET', 'appvnet'), subnet='web')
"""


def test_the_storage_account_comes_after_step_1_then_step_2(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"tool.py": TWO_NETWORKS}, dedent=False)
    _, out, _ = run_cli(capsys, "plan", ".")
    (line,) = [line for line in out.splitlines() if "Storage account: a " in line]
    assert "; after step 1, step 2]" in line
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "markdown")
    assert "step 2, step 1" not in out and "step 1, step 2" in out
