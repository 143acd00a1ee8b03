"""A class whose methods create a deployment and add a role to it, both on `self.service_name`, named one
cloud service until a method read an attribute of the class itself (`finally: C.lock.release()`, a lock
the class keeps): the name of the class read anywhere was taken for an instance made of it, so each
method's `self.service_name` was a value of its own, two services, two contradictory plan steps. Reading
an attribute the class keeps makes no instance, nor does one call of the class at the top of the module
make more than one; two calls of it still may hold two names."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CLASS = """\
import threading
from azure.servicemanagement import ServiceManagementService
import settings

class Deployer:
    lock = threading.Lock()

    def __init__(self, service_name=settings.service_name):
        self.service_name = service_name
        self.sms = ServiceManagementService('sub', 'c.pem')

    def first(self, cfg, os_hd):
        Deployer.lock.acquire()
        try:
            self.sms.create_virtual_machine_deployment(
                service_name=self.service_name, deployment_name=self.service_name,
                deployment_slot='production', label='l', role_name='vm1', system_config=cfg,
                os_virtual_hard_disk=os_hd)
        finally:
            {release}

    def more(self, cfg, os_hd):
        self.sms.add_role(service_name=self.service_name, deployment_name=self.service_name,
                          role_name='vm2', system_config=cfg, os_virtual_hard_disk=os_hd)
"""


def _services(tmp_path, monkeypatch, script: str) -> list[list[str]]:
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": script})
    (estate,) = result.estates
    return [sorted(r.name for p in s.placements for r in p.roles) for s in estate.cloud_services]


@pytest.mark.parametrize(
    "release", ["Deployer.lock.release()", "print(Deployer.lock)", "self.lock.release()"]
)
def test_the_class_s_own_lock_leaves_one_service(tmp_path, monkeypatch, release):
    script = CLASS.format(release=release)
    assert _services(tmp_path, monkeypatch, script) == [["vm1", "vm2"]]


def test_one_instance_made_at_the_top_of_the_module_is_one_service(tmp_path, monkeypatch):
    script = CLASS.format(release="Deployer.lock.release()") + "\napp = Deployer()\n"
    assert _services(tmp_path, monkeypatch, script) == [["vm1", "vm2"]]


def test_two_instances_may_name_two_services(tmp_path, monkeypatch):
    script = (
        CLASS.format(release="Deployer.lock.release()") + "\nweb = Deployer('web')\ndb = Deployer('db')\n"
    )
    assert len(_services(tmp_path, monkeypatch, script)) == 2
