"""Python scripts that delete, or change before creating, what they create in the same file, in an order
the file shows (at module level): a VM, a deployment or a cloud service deleted after its creation is gone,
and an update_role before the VM's creation does not override what the creation states. What a function
does, a call that may not run, and what another file deletes leave the creation as it is."""

from __future__ import annotations

import pytest
from test_reader_python_updates import check, codes, deployments

CREATE = """
net = ConfigurationSet()
net.subnet_names.append('front')
sms.create_virtual_machine_deployment('shop', 'shop', 'production', 'l', 'web01', None, None,
    network_config=net, availability_set_name='web-as', virtual_network_name='vnet')
sms.add_role('shop', 'shop', 'web02', None, None, network_config=net)
"""


def vms(text: str) -> list[str]:
    return [role.name for deployment in deployments(text) for role in deployment.roles]


@pytest.mark.parametrize(
    ("text", "left"),
    [
        (CREATE + "sms.delete_role('shop', 'shop', 'web02')\n", ["web01"]),
        (
            CREATE
            + "sms.delete_role(service_name='SHOP', deployment_name='shop', role_name='web02', complete=True)\n",
            ["web01"],
        ),
        (CREATE + "DRY = False\nif not DRY:\n    sms.delete_role('shop', 'shop', 'web02')\n", ["web01"]),
        (
            CREATE + "sms.delete_role('shop', 'shop', 'web02')\nsms.delete_role('shop', 'shop', 'web01')\n",
            ["web01"],
        ),
        (CREATE + "sms.delete_deployment('shop', 'shop')\n", []),
        (CREATE + "sms.delete_hosted_service('shop', complete=True)\n", []),
        # Not surely run, not surely after the creation, or refused: the VMs stay.
        (CREATE + "sms.delete_hosted_service('shop')\n", ["web01", "web02"]),
        (
            CREATE + "DRY = True\nif not DRY:\n    sms.delete_role('shop', 'shop', 'web02')\n",
            ["web01", "web02"],
        ),
        (CREATE + "if unknown():\n    sms.delete_role('shop', 'shop', 'web02')\n", ["web01", "web02"]),
        (CREATE + "for name in names():\n    sms.delete_role('shop', 'shop', 'web02')\n", ["web01", "web02"]),
        (
            CREATE + "try:\n    pass\nexcept Exception:\n    sms.delete_deployment('shop', 'shop')\n",
            ["web01", "web02"],
        ),
        (CREATE + "def teardown():\n    sms.delete_role('shop', 'shop', 'web02')\n", ["web01", "web02"]),
        (
            "def deploy():\n"
            + CREATE.replace("\n", "\n    ")
            + "\nsms.delete_role('shop', 'shop', 'web02')\ndeploy()\n",
            ["web01", "web02"],
        ),
        (CREATE + "sms.delete_role('shop', 'other', 'web02')\n", ["web01", "web02"]),
        (CREATE + "sms.delete_role('shop', 'shop', ROLE)\n", ["web01", "web02"]),
        (CREATE + "import sys\nsys.exit(0)\nsms.delete_role('shop', 'shop', 'web02')\n", ["web01", "web02"]),
        ("sms.delete_role('shop', 'shop', 'web02')\n" + CREATE, ["web01", "web02"]),
        (CREATE + "sms.delete_role('shop', 'shop', 'web01')\n", ["web02"]),
    ],
)
def test_what_the_script_surely_deletes_after_creating_it_is_gone(text, left):
    assert vms(text) == left


def test_a_vm_deleted_then_created_again_is_the_new_one():
    text = CREATE + "sms.delete_role('shop', 'shop', 'web02')\n" + CREATE.splitlines()[-1] + "\n"
    assert vms(text) == ["web01", "web02"]


def test_the_findings_of_a_deleted_vm_are_gone(tmp_path, monkeypatch):
    text = CREATE.replace("network_config=net)", "network_config=net, availability_set_name='web-as')")
    text += "sms.update_role('shop', 'shop', 'web02', availability_set_name='other-as')\n"
    assert codes(check(tmp_path, monkeypatch, text)) == ["MIG102"]
    assert codes(check(tmp_path, monkeypatch, text + "sms.delete_role('shop', 'shop', 'web02')\n")) == []


def test_a_teardown_script_beside_the_deploy_script_hides_none_of_its_findings(tmp_path, monkeypatch):
    (tmp_path / "teardown.py").write_text(
        "from azure.servicemanagement import *\nsms = ServiceManagementService('sub', 'cert.pem')\n"
        "sms.delete_role('shop', 'shop', 'web02')\n",
        encoding="utf-8",
    )
    assert codes(check(tmp_path, monkeypatch, CREATE)) == ["MIG103"]


@pytest.mark.parametrize(
    ("update", "expected"),
    [
        ("sms.update_role('shop', 'shop', 'web01', availability_set_name='old-as')\n", "web-as"),
        (
            "sms.update_role('shop', 'shop', 'web01', availability_set_name=None, role_size='Large')\n",
            "web-as",
        ),
    ],
)
def test_an_update_before_the_creation_does_not_override_it(update, expected):
    (deployment,) = deployments(update + CREATE)
    vm = deployment.roles[0]
    assert (vm.name, vm.availability_set, vm.size, vm.changes_existing) == ("web01", expected, "", False)


def test_an_update_before_the_creation_in_a_function_is_still_part_of_it():
    text = "def resize():\n    sms.update_role('shop', 'shop', 'web01', role_size='Large')\n" + CREATE
    (deployment,) = deployments(text)
    assert (deployment.roles[0].size, deployment.roles[0].availability_set) == ("Large", "web-as")


def test_an_update_before_the_creation_no_longer_makes_a_second_availability_set(tmp_path, monkeypatch):
    text = "sms.update_role('shop', 'shop', 'web01', availability_set_name='old-as')\n" + CREATE.replace(
        "network_config=net)", "network_config=net, availability_set_name='web-as')"
    )
    assert codes(check(tmp_path, monkeypatch, text)) == []
