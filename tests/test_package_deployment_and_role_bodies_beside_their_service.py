"""REST request bodies that name no cloud service, saved beside the files of the one they describe.

A Create Deployment, Upgrade Deployment or Change Configuration body is sent to a service its URL names,
never the body; its base64 `Configuration` is the package's service configuration, which names the
package's service and roles. Saved in the folder of that service's .cscfg (or .csdef and .cscfg), with the
same service and role names, it is that service's deployment: one cloud service, its roles reported once.
Elsewhere, or naming another service or other roles, it stays a deployment of a service no file names.

Two role bodies of one VM in one folder (an Add Role request and an Update Role request of the same
RoleName), tied to no other service, are one VM: MIG004 where they differ."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment
from migcheck.plan import StepKind, build_plan
from migcheck.readers import read_document

REST = 'xmlns="http://schemas.microsoft.com/windowsazure"'
CSCFG_NS = 'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration"'
CSDEF_NS = 'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition"'


def cscfg(service: str = "shop", roles: tuple[str, ...] = ("Storefront", "Orders")) -> str:
    written = "".join(f'<Role name="{r}"><Instances count="2"/></Role>' for r in roles)
    return f'<?xml version="1.0" encoding="utf-8"?>\n<ServiceConfiguration serviceName="{service}" {CSCFG_NS}>{written}</ServiceConfiguration>\n'


CSDEF = f"""\
<ServiceDefinition name="shop" {CSDEF_NS}>
  <WebRole name="Storefront" vmsize="Small"/>
  <WorkerRole name="Orders" vmsize="Small"/>
</ServiceDefinition>
"""


def body(root: str = "CreateDeployment", configuration: str | None = None) -> str:
    """A package deployment request body carrying `configuration` (a .cscfg) in base64, as SDKs send it."""
    encoded = base64.b64encode((configuration or cscfg()).encode("utf-8")).decode("ascii")
    package = "<PackageUrl>https://store1.blob.core.windows.net/packages/shop.cspkg</PackageUrl>"
    named = "<Name>shop-prod</Name>" if root == "CreateDeployment" else ""
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<{root} {REST}>\n  {named}\n'
        f"  {package if root != 'ChangeConfiguration' else ''}\n"
        f"  <Configuration>{encoded}</Configuration>\n</{root}>\n"
    )


# The plan's steps of a cloud service, whatever becomes of it.
SERVICE_STEPS = frozenset({StepKind.SERVICE, StepKind.WEB_WORKER, StepKind.UNKNOWN_NETWORK})


def service_steps(result) -> list[str]:
    return [s.name for s in build_plan(result).steps if s.kind in SERVICE_STEPS]


def test_the_reader_keeps_the_service_the_carried_configuration_names(tmp_path: Path) -> None:
    doc = read_document("create.xml", body().encode(), explicit=True)
    assert doc is not None
    (deployment,) = [r for r in doc.resources if isinstance(r, Deployment)]
    assert deployment.package_service == "shop"
    assert deployment.service_name == ""
    assert [r.name for r in deployment.roles] == ["Storefront", "Orders"]


@pytest.mark.parametrize("root", ["CreateDeployment", "UpgradeDeployment", "ChangeConfiguration"])
def test_a_package_body_beside_the_lone_configuration_of_its_service_is_that_service(
    tmp_path, monkeypatch: pytest.MonkeyPatch, root: str
) -> None:
    files = {"shop/ServiceConfiguration.Cloud.cscfg": cscfg(), "shop/request.xml": body(root)}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert [s.listed_name for s in result.estate.cloud_services] == ["shop"]
    mig101 = [f for f in result.findings if f.code == "MIG101"]
    # Each role once, where the configuration writes it, its kind told by the body beside it.
    assert where(mig101) == [
        "MIG101 shop/ServiceConfiguration.Cloud.cscfg:2:123",
        "MIG101 shop/ServiceConfiguration.Cloud.cscfg:2:176",
    ]
    assert all("shop/request.xml:" in f.message for f in mig101)
    assert service_steps(result) == ["shop"]


def test_a_create_deployment_body_beside_a_definition_and_configuration_is_their_service(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "shop/ServiceDefinition.csdef": CSDEF,
        "shop/ServiceConfiguration.Cloud.cscfg": cscfg(),
        "shop/create-deployment.xml": body(),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False)
    assert [s.listed_name for s in result.estate.cloud_services] == ["shop"]
    assert where(result.findings) == [
        "MIG101 shop/ServiceDefinition.csdef:2:3",
        "MIG101 shop/ServiceDefinition.csdef:3:3",
    ]


@pytest.mark.parametrize(
    "files",
    [
        # The carried configuration names another service: another package of the same roles.
        {
            "f/ServiceConfiguration.Cloud.cscfg": cscfg("shop"),
            "f/create.xml": body(configuration=cscfg("shop-test")),
        },
        # Other roles: another package of that name (Visual Studio names every service alike).
        {
            "f/ServiceConfiguration.Cloud.cscfg": cscfg("shop"),
            "f/create.xml": body(configuration=cscfg("shop", ("Storefront",))),
        },
        # Another folder: the names alone do not tie the body to the service.
        {"shop/ServiceConfiguration.Cloud.cscfg": cscfg(), "requests/create.xml": body()},
    ],
    ids=["other-service", "other-roles", "other-folder"],
)
def test_a_package_body_not_tied_to_the_service_beside_it_stands_alone(
    tmp_path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]
) -> None:
    result = lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False)
    names = [s.listed_name for s in result.estate.cloud_services]
    assert len(names) == 2
    assert any(name.startswith("<cloud service of deployment shop-prod,") for name in names)
    assert any(f.location.path.endswith("create.xml") for f in result.findings if f.location)


def role_body(size: str, source_image: bool) -> str:
    image = "<SourceImageName>base-image</SourceImageName>" if source_image else ""
    return f"""\
    <PersistentVMRole {REST}>
      <RoleName>web1</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <OSVirtualHardDisk>
        <MediaLink>http://store1.blob.core.windows.net/vhds/web1.vhd</MediaLink>{image}
      </OSVirtualHardDisk>
      <RoleSize>{size}</RoleSize>
    </PersistentVMRole>
    """


def test_two_role_bodies_of_one_vm_in_one_folder_are_one_vm_and_mig004_where_they_differ(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"vm/add-role.xml": role_body("Small", True), "vm/update-role.xml": role_body("Large", False)}
    result = lint_files(tmp_path, monkeypatch, files)
    assert [s.listed_name for s in result.estate.cloud_services] == ["<cloud service of VM web1>"]
    (conflict,) = [f for f in result.findings if f.code == "MIG004"]
    assert where([conflict]) == ["MIG004 vm/update-role.xml:1:1"]
    assert "size Large / Small" in conflict.message
    assert len(service_steps(result)) == 1


def test_role_bodies_of_one_vm_name_in_two_folders_stay_two_vms(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"test/web1.xml": role_body("Small", True), "prod/web1.xml": role_body("Small", True)}
    result = lint_files(tmp_path, monkeypatch, files)
    assert len(result.estate.cloud_services) == 2
    assert [f for f in result.findings if f.code == "MIG004"] == []
