"""A role body that names no service, and a disk blob two VMs have: joined only by what ties them, and a
disagreement is MIG004, never a silent merge.

A `PersistentVMRole` body on its own (an Add Role request, a GET of one VM) names no cloud service, and a VM
name is unique only within one: the body is the VM of its name in a deployment only when a file in the
body's folder describes that VM; when it is, and the two state other disks or other endpoints, one of them is
stale (MIG004 at the body). One blob is one VM's disk: two VMs in two deployments the files keep apart that
have the same disk are reported (MIG004 at the second), and the estate gives both VMs for what waits for the
disk's storage account."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

ROLE_BODY = """\
<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
  <RoleName>vm01</RoleName>
  <RoleType>PersistentVMRole</RoleType>
  <ConfigurationSets>
    <ConfigurationSet>
      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <InputEndpoints>
        <InputEndpoint><LocalPort>22</LocalPort><Name>SSH</Name><Port>22</Port><Protocol>TCP</Protocol></InputEndpoint>
        <InputEndpoint><LocalPort>80</LocalPort><Name>web</Name><Port>80</Port><Protocol>TCP</Protocol></InputEndpoint>
      </InputEndpoints>
    </ConfigurationSet>
  </ConfigurationSets>
  <OSVirtualHardDisk>
    <DiskName>disk004</DiskName>
    <MediaLink>http://{account}.blob.core.windows.net/vhds/disk004.vhd</MediaLink>
  </OSVirtualHardDisk>
</PersistentVMRole>
"""


def deployment(account: str, endpoints: str = "SSH", network: str = "") -> str:
    listed = "".join(
        f"<InputEndpoint><LocalPort>22</LocalPort><Name>{name}</Name><Port>22</Port><Protocol>TCP</Protocol>"
        "</InputEndpoint>"
        for name in endpoints.split()
    )
    return f"""\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>unknown_yet</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>vm01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets>
        <ConfigurationSet>
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <InputEndpoints>{listed}</InputEndpoints>
        </ConfigurationSet>
      </ConfigurationSets>
      <OSVirtualHardDisk>
        <DiskName>disk004</DiskName>
        <MediaLink>http://{account}.blob.core.windows.net/vhds/disk004.vhd</MediaLink>
      </OSVirtualHardDisk>
    </Role>
  </RoleList>
  {f"<VirtualNetworkName>{network}</VirtualNetworkName>" if network else ""}
</Deployment>
"""


def _accounts(estate) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(a.name for a in estate.storage_accounts)


def test_a_role_body_beside_a_deployment_of_its_vm_that_states_other_disks_and_endpoints_is_mig004(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(
        tmp_path,
        monkeypatch,
        {
            "assets/create_role.xml": ROLE_BODY.format(account="storageaccount001"),
            "assets/create_deployment.xml": deployment("imagestore"),
        },
        "MIG004",
    )
    assert where(result.findings) == ["MIG004 assets/create_role.xml:1:1"]
    message = result.findings[0].message
    assert "VM 'vm01' is described differently here than at assets/create_deployment.xml" in message
    assert (
        "disks http://storageaccount001.blob.core.windows.net/vhds/disk004.vhd / "
        "http://imagestore.blob.core.windows.net/vhds/disk004.vhd" in message
    )
    assert "endpoints SSH, web / SSH (here / there)" in message


def test_a_role_body_beside_a_deployment_that_describes_its_vm_alike_is_that_vm(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(
        tmp_path,
        monkeypatch,
        {
            "assets/create_role.xml": ROLE_BODY.format(account="store1"),
            "assets/create_deployment.xml": deployment("store1", endpoints="web SSH"),
        },
    )
    assert [f for f in result.findings if f.code == "MIG004"] == []
    assert [s.listed_name for s in result.estate.cloud_services] == [
        "<cloud service of deployment unknown_yet, create_deployment.xml>"
    ]


def test_a_role_body_in_another_folder_is_not_joined_by_its_vm_name_alone(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(
        tmp_path,
        monkeypatch,
        {
            "roles/create_role.xml": ROLE_BODY.format(account="storageaccount001"),
            "deployments/create_deployment.xml": deployment("imagestore"),
        },
    )
    assert [f for f in result.findings if f.code == "MIG004"] == []
    services = sorted(s.listed_name for s in result.estate.cloud_services)
    assert services == [
        "<cloud service of VM vm01>",
        "<cloud service of deployment unknown_yet, create_deployment.xml>",
    ]
    assert _accounts(result.estate) == ["imagestore", "storageaccount001"]


def test_one_blob_as_the_disk_of_vms_in_two_deployments_is_mig004_and_both_vms_have_it(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(
        tmp_path,
        monkeypatch,
        {
            "assets/create_deployment_key.xml": deployment("storageaccount001"),
            "assets/create_deployment_virtual_network.xml": deployment(
                "storageaccount001", network="test-network"
            ),
        },
    )
    conflicts = [f for f in result.findings if f.code == "MIG004"]
    assert where(conflicts) == ["MIG004 assets/create_deployment_virtual_network.xml:14:7"]
    message = conflicts[0].message
    assert (message[0].lower() + message[1:]).startswith(
        "disk 'disk004' is described differently here than at assets/create_deployment_key.xml:14: "
        "attached to VM 'vm01' of deployment 'unknown_yet' (assets/create_deployment_virtual_network.xml:5) "
        "/ VM 'vm01' of deployment 'unknown_yet' (assets/create_deployment_key.xml:5)"
    )
    estate = result.estate
    (disk,) = estate.disks
    vms = estate.vms_of(disk)
    assert [vm.mark.path for _, vm in vms] == [
        "assets/create_deployment_key.xml",
        "assets/create_deployment_virtual_network.xml",
    ]
    assert estate.vm_of(disk) == vms[0]


def test_one_blob_in_two_descriptions_of_one_vm_is_no_disk_conflict(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(
        tmp_path,
        monkeypatch,
        {
            "rest/create_deployment.xml": deployment("store1"),
            "rest/vm01.xml": ROLE_BODY.format(account="store1"),
        },
        "MIG004",
    )
    # The role body lists endpoint web, the deployment does not: the endpoints differ, the disk is one.
    assert [f.message.split(": ", 1)[1] for f in result.findings] == [
        "endpoints SSH, web / SSH (here / there)"
    ]
    (disk,) = result.estate.disks
    assert len(result.estate.vms_of(disk)) == 1


def test_a_role_body_in_a_folder_named_after_a_service_is_that_service_s_vm_of_its_name(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stated = deployment("store1", endpoints="web SSH").replace(
        "<Name>unknown_yet</Name>", "<Name>shop</Name><Url>http://shop.cloudapp.net/</Url>"
    )
    result = lint_files(
        tmp_path,
        monkeypatch,
        {"rest/shop.deployment.xml": stated, "shop/vm01.xml": ROLE_BODY.format(account="store1")},
    )
    assert [s.listed_name for s in result.estate.cloud_services] == ["shop"]


@pytest.mark.parametrize(
    ("paths", "vms"),
    [
        # One folder ties them: the create and the update request of one VM.
        (("rest/role.xml", "rest/role-update-body.xml"), 1),
        # Two folders: VMs of one name in services the files do not name, which may be one VM.
        (("test/role.xml", "prod/role.xml"), 2),
    ],
    ids=["one-folder", "two-folders"],
)
def test_two_role_bodies_of_one_vm_name_with_one_disk_may_be_one_vm_no_conflict(
    tmp_path, monkeypatch: pytest.MonkeyPatch, paths: tuple[str, str], vms: int
) -> None:
    body = ROLE_BODY.format(account="store1")
    result = lint_files(tmp_path, monkeypatch, dict.fromkeys(paths, body))
    assert [f for f in result.findings if f.code == "MIG004"] == []
    (disk,) = result.estate.disks
    assert len(result.estate.vms_of(disk)) == vms
