"""An `EndpointAcl` of a .cscfg on an endpoint its .csdef does not define names nothing (MIG003): it controls no
traffic, so it is no endpoint ACL the migration has to drop (no MIG201). Without the .csdef the endpoint may be
one the package defines, and its ACL is reported."""

from __future__ import annotations

from lint_support import lint_files, where

CSDEF = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small">
    <Endpoints><InputEndpoint name="HttpIn" protocol="http" port="80" /></Endpoints>
  </WebRole>
</ServiceDefinition>
"""


def cscfg(endpoint: str) -> str:
    return f"""\
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2" /></Role>
  <NetworkConfiguration>
    <AccessControls>
      <AccessControl name="office-only">
        <Rule order="100" action="permit" remoteSubnet="203.0.113.0/24" description="office" />
      </AccessControl>
    </AccessControls>
    <EndpointAcls>
      <EndpointAcl role="Web" endpoint="{endpoint}" accessControl="office-only" />
    </EndpointAcls>
  </NetworkConfiguration>
</ServiceConfiguration>
"""


def test_an_acl_on_an_undefined_endpoint_is_a_dangling_name_only(tmp_path, monkeypatch) -> None:
    files = {"shop/ServiceDefinition.csdef": CSDEF, "shop/ServiceConfiguration.Cloud.cscfg": cscfg("HttpsIn")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG003", "MIG201")
    assert where(result.findings) == ["MIG003 shop/ServiceConfiguration.Cloud.cscfg:10:41"]


def test_an_acl_on_a_defined_endpoint_is_reported(tmp_path, monkeypatch) -> None:
    files = {"shop/ServiceDefinition.csdef": CSDEF, "shop/ServiceConfiguration.Cloud.cscfg": cscfg("httpin")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG003", "MIG201")
    assert where(result.findings) == ["MIG201 shop/ServiceConfiguration.Cloud.cscfg:10:7"]


def test_without_the_definition_the_acl_is_reported(tmp_path, monkeypatch) -> None:
    files = {"shop/ServiceConfiguration.Cloud.cscfg": cscfg("HttpsIn")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG003", "MIG201")
    assert where(result.findings) == ["MIG201 shop/ServiceConfiguration.Cloud.cscfg:10:7"]
