"""A deployment body that names no service, saved beside a body that names it, and disks of other names on
one blob: each resource once, and a disagreement is MIG004, never a silent merge.

A Create Deployment request names no cloud service (the service is in its URL); the GET of the service it
created, saved in the same folder, describes the deployment of its name with its VMs: they are one
deployment, moved by one step of the plan. Elsewhere, or where the request holds a VM the GET does not,
the name alone does not tie them. One blob is one registered disk: descriptions that give it other disk
names are MIG004, and MIG401 is said of each disk, at its own blob."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.plan import StepKind, build_plan

REST = 'xmlns="http://schemas.microsoft.com/windowsazure"'


def role(vm: str, blob: str = "vhds/web1.vhd", disk_name: str = "") -> str:
    named = f"<DiskName>{disk_name}</DiskName>" if disk_name else ""
    return (
        f"<Role><RoleName>{vm}</RoleName><RoleType>PersistentVMRole</RoleType><OSVirtualHardDisk>{named}"
        f"<MediaLink>http://store1.blob.core.windows.net/{blob}</MediaLink></OSVirtualHardDisk></Role>"
    )


def request(*roles: str) -> str:
    return f"<Deployment {REST}><Name>web</Name><RoleList>{''.join(roles)}</RoleList></Deployment>"


def service_get(*roles: str, name: str = "shop") -> str:
    deployment = f"<Deployment><Name>web</Name><RoleList>{''.join(roles)}</RoleList></Deployment>"
    return (
        f"<HostedService {REST}><ServiceName>{name}</ServiceName>"
        f"<Deployments>{deployment}</Deployments></HostedService>"
    )


def test_a_request_body_beside_the_get_of_its_service_is_that_service_s_deployment(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "fixtures/create-deployment.xml": request(role("web1")),
        "fixtures/running-server.xml": service_get(role("web1", disk_name="shop-web1-0")),
    }
    result = lint_files(tmp_path, monkeypatch, files)
    estate = result.estate
    assert [s.listed_name for s in estate.cloud_services] == ["shop"]
    assert [f for f in result.findings if f.code == "MIG004"] == []
    assert [f.code for f in result.findings if f.code == "MIG105"] == ["MIG105"]
    (disk,) = estate.disks
    assert len(estate.vms_of(disk)) == 1
    steps = [s for s in build_plan(result).steps if s.kind is StepKind.SERVICE]
    assert [s.name for s in steps] == ["shop/web"]


def test_a_request_body_beside_its_service_that_states_another_disk_is_mig004(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "fixtures/create-deployment.xml": request(role("web1", blob="vhds/other.vhd")),
        "fixtures/running-server.xml": service_get(role("web1")),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG004")
    assert [s.listed_name for s in result.estate.cloud_services] == ["shop"]
    (finding,) = result.findings
    assert (
        "VM 'web1' of cloud service 'shop' is described differently here than at fixtures/create-deployment.xml"
        in finding.message
    )
    assert "disks http://store1.blob.core.windows.net/vhds/web1.vhd / " in finding.message


@pytest.mark.parametrize(
    "files",
    [
        # Another folder: the deployment name and VM names alone do not tie a body to a service.
        {"requests/create.xml": request(role("web1")), "services/shop.xml": service_get(role("web1"))},
        # A VM the service's deployment does not hold: another deployment of that name.
        {
            "f/create.xml": request(role("web1"), role("web2", "vhds/web2.vhd")),
            "f/shop.xml": service_get(role("web1")),
        },
        # Two services beside it with a deployment of its name and VMs: either may be its.
        {
            "f/create.xml": request(role("web1")),
            "f/shop.xml": service_get(role("web1")),
            "f/test.xml": service_get(role("web1"), name="shop-test"),
        },
    ],
    ids=["other-folder", "vm-not-held", "two-services"],
)
def test_a_request_body_not_tied_to_one_service_stands_alone(
    tmp_path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]
) -> None:
    result = lint_files(tmp_path, monkeypatch, files)
    names = [s.listed_name for s in result.estate.cloud_services]
    assert any(name.startswith("<cloud service of deployment web,") for name in names)


DISKS_ON_ONE_BLOB = f"""\
<Deployment {REST}>
  <Name>deployment_name</Name>
  <Url>http://neotysss.cloudapp.net</Url>
  <RoleList>
    <Role>
      <RoleName>testVM</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <DataVirtualHardDisks>
        <DataVirtualHardDisk>
          <DiskName>testimage1</DiskName>
          <Lun>10</Lun>
          <MediaLink>http://blobs/disks/neotysss/base.vhd</MediaLink>
        </DataVirtualHardDisk>
        <DataVirtualHardDisk>
          <DiskName>testimage2</DiskName>
          <Lun>11</Lun>
          <MediaLink>http://blobs/disks/neotysss/base.vhd</MediaLink>
        </DataVirtualHardDisk>
      </DataVirtualHardDisks>
      <OSVirtualHardDisk>
        <DiskName>testosimage1</DiskName>
        <MediaLink>http://blobs/disks/neotysss/base.vhd</MediaLink>
      </OSVirtualHardDisk>
    </Role>
  </RoleList>
</Deployment>
"""


def test_disks_of_other_names_on_one_blob_are_mig004_and_each_is_mig401_at_its_blob(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"deployment.xml": DISKS_ON_ONE_BLOB}, "MIG004", "MIG401")
    assert sorted(where(result.findings)) == [
        "MIG004 deployment.xml:14:9",
        "MIG004 deployment.xml:9:9",
        "MIG401 deployment.xml:12:11",
        "MIG401 deployment.xml:17:11",
        "MIG401 deployment.xml:22:9",
    ]
    named = sorted(f.message.split(" whose ")[0] for f in result.findings if f.code == "MIG401")
    assert named == [
        "VM 'testVM' in cloud service 'neotysss' has disk 'testimage1'",
        "VM 'testVM' in cloud service 'neotysss' has disk 'testimage2'",
        "VM 'testVM' in cloud service 'neotysss' has disk 'testosimage1'",
    ]
    conflict = next(f.message for f in result.findings if f.code == "MIG004")
    assert "disk name of blob http://blobs/disks/neotysss/base.vhd: 'testimage1' / 'testosimage1'" in conflict
    (disk,) = result.estate.disks
    assert [d.name for d in result.estate.namesakes(disk)] == ["testimage1", "testimage2"]


def test_one_blob_of_one_disk_name_in_two_files_has_no_namesakes(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "f/create.xml": request(role("web1", disk_name="web1-os")),
        "f/shop.xml": service_get(role("web1", disk_name="WEB1-OS")),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG004")
    assert result.findings == []
    (disk,) = result.estate.disks
    assert result.estate.namesakes(disk) == ()
