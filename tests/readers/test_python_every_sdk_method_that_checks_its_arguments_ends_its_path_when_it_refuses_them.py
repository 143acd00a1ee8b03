"""Every method of the SDK's service that checks its arguments before it sends a request (azure-servicemanagement-
legacy 0.20.8: Python's check of those without a default, `_validate_not_none` of those it names) ends the
path it is on when it refuses them, whichever it is: what the script creates after it on that path is not
created. One left out, or given None where the SDK checks it, is refused; one the SDK gives a default of its
own (shutdown_role's `post_shutdown_action`) may be left out, and one it does not check may be None."""

from __future__ import annotations

import pytest
from test_python_a_call_the_sdk_refuses_ends_its_path import VM, _deployments

# The methods of the service ../shared/research/AUTOMATION.md names that create or change what the migration
# moves, and the two a script waits with.
CHECKING = [
    "create_storage_account",
    "update_storage_account",
    "delete_storage_account",
    "regenerate_storage_account_keys",
    "create_hosted_service",
    "update_hosted_service",
    "delete_hosted_service",
    "add_service_certificate",
    "create_deployment",
    "upgrade_deployment",
    "change_deployment_configuration",
    "swap_deployment",
    "update_deployment_status",
    "walk_upgrade_domain",
    "rollback_update_or_upgrade",
    "reboot_role_instance",
    "reimage_role_instance",
    "rebuild_role_instance",
    "delete_role_instances",
    "delete_deployment",
    "create_virtual_machine_deployment",
    "add_role",
    "update_role",
    "delete_role",
    "capture_role",
    "capture_vm_image",
    "start_role",
    "start_roles",
    "restart_role",
    "shutdown_role",
    "shutdown_roles",
    "add_dns_server",
    "update_dns_server",
    "delete_dns_server",
    "add_data_disk",
    "update_data_disk",
    "delete_data_disk",
    "add_disk",
    "update_disk",
    "delete_disk",
    "add_os_image",
    "update_os_image",
    "delete_os_image",
    "create_vm_image",
    "update_vm_image",
    "delete_vm_image",
    "replicate_vm_image",
    "unreplicate_vm_image",
    "share_vm_image",
    "create_affinity_group",
    "update_affinity_group",
    "delete_affinity_group",
    "add_management_certificate",
    "create_reserved_ip_address",
    "delete_reserved_ip_address",
    "associate_reserved_ip_address",
    "disassociate_reserved_ip_address",
    "get_operation_status",
    "wait_for_operation_status",
]


def _after(statement: str) -> list[str]:
    return _deployments(statement + "\n" + VM.format(name="front", label="'l'"))


@pytest.mark.parametrize("method", CHECKING)
def test_a_call_that_leaves_out_what_the_method_requires_ends_the_path(method) -> None:
    assert _after(f"sms.{method}()") == []


@pytest.mark.parametrize(
    ("statement", "made"),
    [
        ("sms.shutdown_role('front', 'front', 'web')", True),
        ("sms.shutdown_role('front', 'front', 'web', None)", False),
        ("sms.delete_deployment('front', None)", False),
        ("sms.update_disk('disk1')", False),
        ("sms.update_disk('disk1', label='data')", True),
        (
            "sms.create_virtual_machine_deployment('front', 'front', 'production', 'l', 'web', None, None)",
            True,
        ),
        ("sms.create_virtual_machine_deployment('front', 'front', 'production', 'l', 'web', None)", False),
    ],
    ids=[
        "sdk default",
        "sdk default passed none",
        "checked none",
        "checked left to none",
        "checked given",
        "unchecked none",
        "unchecked left out",
    ],
)
def test_what_the_sdk_checks_and_what_python_requires_are_told_apart(statement, made) -> None:
    assert _after(statement) == (["front"] if made else [])
