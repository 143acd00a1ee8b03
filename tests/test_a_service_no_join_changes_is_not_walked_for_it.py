"""The linker's joins that change a few VMs of an estate (a VM made from a registered disk, a disk given by
name alone) walk the roles of the services that deploy one of those VMs only, and which services an export
shows in a migration is told from their deployments' roles as they are: a service none of whose roles is in
a migration is not sorted into VMs and web and worker roles for it. Most services of an estate are neither
(1,300 cloud service packages beside the VM), and walking each of them was a tenth of linking 4,000 files.
The services concerned are still found."""

from __future__ import annotations

import json

from lint_support import WEB_ROLE_PACKAGE, lint_files

from migcheck import estate

# A REST deployment body whose VM is made from a registered disk it names without its blob.
FROM_A_REGISTERED_DISK = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>shop-vms</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>web01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <OSVirtualHardDisk>
        <DiskName>web01-os</DiskName>
      </OSVirtualHardDisk>
    </Role>
  </RoleList>
</Deployment>
"""


def _export(state: object) -> str:
    """A Get-AzureVM export of one VM, with its migration state."""
    vm = {
        "ServiceName": "svc1",
        "Name": "vm1",
        "DeploymentName": "svc1",
        "VM": {"RoleName": "vm1", "MigrationState": state},
    }
    return json.dumps([vm], indent=1)


def _refused(*args, **kwargs):
    raise AssertionError("walked a service for a join that changes none of its roles")


def _walked_by_joins(monkeypatch) -> list[str]:
    """The names of the services whose roles a join walks, as `_with_roles` is called for each."""
    walked: list[str] = []
    with_roles = estate._with_roles

    def recorded(service, change):
        walked.append(service.name)
        return with_roles(service, change)

    monkeypatch.setattr(estate, "_with_roles", recorded)
    return walked


def test_only_the_service_of_a_vm_made_from_a_registered_disk_is_walked_for_it(tmp_path, monkeypatch):
    walked = _walked_by_joins(monkeypatch)
    files = {**WEB_ROLE_PACKAGE, "vms/deployment.xml": FROM_A_REGISTERED_DISK}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    by_name = {service.name: service for service in result.estate.cloud_services}
    assert "shop" in by_name  # the package, whose web role no join changes
    assert "shop" not in walked
    (vm,) = by_name["shop-vms"].vms
    assert vm.unplaced_disk is not None  # in the account of the disk it names, which no file states
    assert walked  # the VM's service was walked, and changed


def test_a_service_no_export_shows_in_a_migration_is_not_sorted_for_it(tmp_path, monkeypatch):
    monkeypatch.setattr(estate, "_roles_of", _refused)
    files = {**WEB_ROLE_PACKAGE, "vms.json": _export(None)}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert len(result.estate.cloud_services) == 2
    assert result.estate.exported_states == ()


def test_a_service_an_export_shows_in_a_migration_is_found(tmp_path, monkeypatch):
    files = {**WEB_ROLE_PACKAGE, "vms.json": _export("Prepared")}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert [service.name for service in result.estate.exported_states] == ["svc1"]


def test_whether_a_services_file_is_a_script_is_asked_once_per_file_name(monkeypatch):
    asked: list[str] = []
    is_script = estate.is_script

    def counted(path):
        asked.append(path)
        return is_script(path)

    monkeypatch.setattr(estate, "is_script", counted)
    script = estate._script_by_name()
    packages = [f"svc{n}/ServiceDefinition.csdef" for n in range(50)]
    assert not any(script(path) for path in packages)
    assert script("a/deploy.ps1") and script("b/deploy.ps1") and script("tools/create-cluster")
    assert not script("<stdin>") and not script("b/net.netcfg")
    assert asked == [packages[0], "a/deploy.ps1", "tools/create-cluster", "<stdin>", "b/net.netcfg"]
    # A script is told by its file's name, whatever folder it is in: no format's extension holds a `/`.
    from migcheck.formats import FORMATS

    assert not any("/" in suffix for f in FORMATS for suffix in f.suffixes)


def test_services_are_not_walked_for_configurations_apart_where_every_network_they_name_is_defined(
    tmp_path, monkeypatch
):
    """A configuration is set apart where it alone places its service in a network no file defines
    (`ConfigurationApart`): where the files define every network they name, or several placements name
    each, no service is walked for one."""
    files = {
        **WEB_ROLE_PACKAGE,
        "other/ServiceDefinition.csdef": WEB_ROLE_PACKAGE["shop/ServiceDefinition.csdef"],
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    services = result.estate.cloud_services
    monkeypatch.setattr(estate, "_network_key", _refused)
    assert estate._configurations_apart(services, set()) == (services, ())
