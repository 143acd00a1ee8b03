"""A Python test class whose test methods are decorated (`@record`, `@unittest.skip(...)`), which the
reader does not run, builds a VM's parts with a helper of the class that returns them as a tuple
(`system, os_hd, network = self._linux_role(role_name)`), the OS disk's blob in the account the settings
name (`self._make_blob_url(self.settings.STORAGE_ACCOUNT_NAME, ...)`). The VMs a test method creates from
that tuple are in that one account, as those a helper creating the VM puts there, and have the endpoint the
network part opens; each VM's disks were in an account of their own no file names, and the VM had no
endpoints. What calls a decorated method is still not followed: a helper it calls makes its one VM."""

from __future__ import annotations

from lint_support import lint_files

TESTS = """\
import unittest

from azure.servicemanagement import (
    ConfigurationSet,
    ConfigurationSetInputEndpoint,
    LinuxConfigurationSet,
    OSVirtualHardDisk,
    ServiceManagementService,
)
from testutils import record


class VmTest(unittest.TestCase):
    def setUp(self):
        self.sms = ServiceManagementService("sub", "cert.pem")
        self.container_name = "vhds"

    def _make_blob_url(self, storage_account_name, container_name, blob_name):
        return "http://{0}.blob.core.windows.net/{1}/{2}".format(storage_account_name, container_name, blob_name)

    def _os_hd(self, image_name, target_blob_name):
        media_link = self._make_blob_url(self.settings.STORAGE_ACCOUNT_NAME, self.container_name, target_blob_name)
        return OSVirtualHardDisk(image_name, media_link, disk_label=target_blob_name)

    def _network_config(self, port):
        network = ConfigurationSet()
        network.configuration_set_type = "NetworkConfiguration"
        network.input_endpoints.input_endpoints.append(ConfigurationSetInputEndpoint("ssh", "tcp", port, "22"))
        return network

    def _linux_role(self, role_name, port="59913"):
        system = LinuxConfigurationSet(role_name, "u", "p", True)
        os_hd = self._os_hd("img", role_name + ".vhd")
        network = self._network_config(port)
        return (system, os_hd, network)

    def _create_vm_linux(self, service_name, role_name):
        system, os_hd, network = self._linux_role(role_name)
        self.sms.create_virtual_machine_deployment(service_name, service_name, "production", "l", role_name, system, os_hd, network, role_size="Small")

    @record
    def test_create_vm(self):
        self._create_vm_linux(self.hosted_service_name, self.hosted_service_name)

    @record
    def test_create_vm_again(self):
        self._create_vm_linux(self.hosted_service_name, self.hosted_service_name)

    @unittest.skip("slow")
    @record
    def test_create_web(self):
        system, os_hd, network = self._linux_role("web1")
        self.sms.create_virtual_machine_deployment("shop", "shop", "production", "l", "web1", system, os_hd, network, role_size="Small")

    @record
    def test_create_api(self):
        system, os_hd, network = self._linux_role("api1", port="59914")
        self.sms.create_virtual_machine_deployment("api", "api", "production", "l", "api1", system, os_hd, network, role_size="Small")
"""


def _roles(result):
    (estate,) = result.estates
    return {r.name: r for s in estate.cloud_services for p in s.placements for r in p.roles}


def test_every_vm_s_disk_is_in_the_one_account_the_settings_name(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"test_vms.py": TESTS})
    roles = _roles(result)
    assert {"web1", "api1"} <= set(roles)
    assert len(roles) == 3  # the helper that creates a VM makes one, whichever test calls it
    accounts = {d.storage_account for r in roles.values() for d in r.disks}
    assert len(accounts) == 1
    assert [r.name for r in roles.values() if r.unplaced_disk is not None] == []


def test_a_vm_has_the_endpoint_its_network_part_opens(tmp_path, monkeypatch):
    roles = _roles(lint_files(tmp_path, monkeypatch, {"test_vms.py": TESTS}))
    assert [e.port for e in roles["web1"].endpoints] == ["59913"]
    assert [e.port for e in roles["api1"].endpoints] == ["59914"]
