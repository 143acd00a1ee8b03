"""A join of the linker that changes a few VMs of an estate (a disk given by name alone, a VM made from a
registered disk, a blob a disk list gives) copies the services and deployments of those VMs, and keeps
every other service as the very object it was: copying every service and deployment to change a few was
5 MB made and let go at 40,000 files, which a check's peak kept."""

from __future__ import annotations

from dataclasses import replace

from lint_support import lint_files

from migcheck import estate

TWO_VMS = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>shop</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>web01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
    </Role>
    <Role>
      <RoleName>web02</RoleName>
      <RoleType>PersistentVMRole</RoleType>
    </Role>
  </RoleList>
</Deployment>
"""


def _service(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"shop.xml": TWO_VMS}, dedent=False)
    (service,) = result.estate.cloud_services
    (placement,) = service.placements
    assert [r.name for r in placement.roles] == ["web01", "web02"]
    return service


def test_a_service_whose_roles_do_not_change_is_the_same_object(tmp_path, monkeypatch):
    service = _service(tmp_path, monkeypatch)
    assert estate._with_roles(service, lambda role: role) is service
    assert (
        estate._with_roles(service, lambda role: estate._with_disks_changed(role, lambda disk: disk))
        is service
    )


def test_a_changed_role_copies_its_deployment_and_keeps_the_other_roles(tmp_path, monkeypatch):
    service = _service(tmp_path, monkeypatch)
    web01, web02 = service.placements[0].roles
    changed = estate._with_roles(service, lambda role: replace(role, size="Large") if role is web01 else role)
    assert changed is not service
    (placement,) = changed.placements
    assert placement.roles[0].size == "Large"
    assert placement.roles[1] is web02
