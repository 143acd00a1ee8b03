"""Deployment bodies that name no cloud service (no `Url`, no hosted service around them) are one deployment
when the files say so: the same private ID (`PrivateID`, or the host of a staging deployment's `Url`). A
deployment name and VM names alike do not say it: a deployment is named within its service, so one request
body sent to two services describes two deployments."""

from __future__ import annotations

from lint_support import lint_files, where

PRIVATE_ID = "4f1bc0e2a6b94d1e8c2a7f00d15e9a01"

BODY = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>app</Name>{extra}
  <RoleList>
    <Role>
      <RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType>
      <AvailabilitySetName>{availability_set}</AvailabilitySetName>
      <RoleSize>Small</RoleSize>
    </Role>
  </RoleList>
  <VirtualNetworkName>app-vnet</VirtualNetworkName>
</Deployment>
"""


def _body(availability_set: str, *extra: str) -> str:
    return BODY.format(availability_set=availability_set, extra="".join(f"\n  {e}" for e in extra))


def _private_id(value: str = PRIVATE_ID) -> str:
    return f"<PrivateID>{value}</PrivateID>"


def test_two_bodies_with_one_private_id_are_one_deployment(tmp_path, monkeypatch):
    files = {"2016/app.xml": _body("as1", _private_id()), "2017/app.xml": _body("as9", _private_id())}
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False)
    (finding,) = result.findings
    assert where([finding]) == ["MIG004 2017/app.xml:5:5"]
    assert finding.message == (
        "VM 'app01' is described differently here than at 2016/app.xml:5: availability set 'as9' / 'as1' "
        "(here / there)"
    )
    (service,) = result.estate.cloud_services
    assert service.label == "deployment 'app'" and len(service.placements) == 1


def test_a_body_takes_the_service_a_body_with_its_private_id_names(tmp_path, monkeypatch):
    # The Get response names its service by its Url; the other body, by its private ID only, is of it.
    files = {
        "a/app.xml": _body("as1", _private_id()),
        "b/app.xml": _body(
            "as1", "<Url>http://contoso-app.cloudapp.net/</Url>", _private_id(PRIVATE_ID.upper())
        ),
    }
    (service,) = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False).estate.cloud_services
    assert service.label == "cloud service 'contoso-app'" and len(service.placements) == 1


def test_a_staging_url_gives_the_private_id(tmp_path, monkeypatch):
    files = {
        "a/app.xml": _body("as1", _private_id()),
        "b/app.xml": _body("as2", f"<Url>http://{PRIVATE_ID}.cloudapp.net/</Url>"),
    }
    found = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False).findings
    assert where(found) == ["MIG004 b/app.xml:5:5"]


def test_bodies_alike_without_a_private_id_stand_apart(tmp_path, monkeypatch):
    # One request body sent to two services, or two deployments named alike: nothing says they are one.
    for extra in ((), (_private_id(),)):
        files = {"dev/app.xml": _body("as1"), "prod/app.xml": _body("as9", *extra)}
        result = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False)
        assert result.findings == []
        assert len(result.estate.cloud_services) == 2


def test_a_private_id_not_of_32_hexadecimal_digits_joins_nothing(tmp_path, monkeypatch):
    # The reference pages' placeholder, copied into two bodies, is no deployment's ID.
    files = {
        "a/app.xml": _body("as1", _private_id("deployment-id")),
        "b/app.xml": _body("as9", _private_id("deployment-id")),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False)
    assert result.findings == [] and len(result.estate.cloud_services) == 2


def _renamed(body: str, name: str) -> str:
    return body.replace("<Name>app</Name>", f"<Name>{name}</Name>")


def test_bodies_with_one_private_id_that_name_two_deployments_stand_apart(tmp_path, monkeypatch):
    # An ID copied from one body into another (a test fixture, an edited copy) does not make deployment004
    # a second description of deployment001: findings name each by its own name.
    files = {
        "a/app.xml": _renamed(_body("as1", _private_id()), "deployment001"),
        "b/app.xml": _renamed(_body("as9", _private_id()), "deployment004"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False)
    assert result.findings == []
    labels = sorted(service.label for service in result.estate.cloud_services)
    assert labels == ["deployment 'deployment001'", "deployment 'deployment004'"]


def test_a_body_does_not_take_the_service_of_another_deployment_with_its_private_id(tmp_path, monkeypatch):
    files = {
        "a/app.xml": _renamed(_body("as1", _private_id()), "other"),
        "b/app.xml": _body("as1", "<Url>http://contoso-app.cloudapp.net/</Url>", _private_id()),
    }
    services = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False).estate.cloud_services
    assert sorted(s.label for s in services) == ["cloud service 'contoso-app'", "deployment 'other'"]


def test_a_body_without_a_name_joins_the_one_deployment_its_private_id_names(tmp_path, monkeypatch):
    files = {
        "a/app.xml": _renamed(_body("as1", _private_id()), ""),
        "b/app.xml": _body("as9", _private_id()),
    }
    services = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False).estate.cloud_services
    assert len(services) == 1
