"""A cloud project whose repository holds the configuration Visual Studio published with its package
(`bin/Release/app.publish/ServiceConfiguration.Cloud.cscfg`) and not that configuration beside its .csdef
(only the Local one, which is never deployed): the published one is what the service runs with, so it is
read and joined to the project's definition, in the CLI and in pytest. A copy of one the project holds is
passed over with the rest of `bin/`."""

from __future__ import annotations

import pytest
from lint_support import lint_files, run_cli, where

pytest_plugins = ["pytester"]

DEFINITION = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="Shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small">
    <Endpoints><InputEndpoint name="Http" protocol="http" port="80" /></Endpoints>
  </WebRole>
</ServiceDefinition>
"""

LOCAL = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="Shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="1" /></Role>
</ServiceConfiguration>
"""

CLOUD = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="Shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2" /></Role>
  <NetworkConfiguration>
    <AccessControls>
      <AccessControl name="office"><Rule action="permit" order="100" remoteSubnet="203.0.113.0/24" /></AccessControl>
    </AccessControls>
    <EndpointAcls><EndpointAcl role="Web" endPoint="Http" accessControl="office" /></EndpointAcls>
  </NetworkConfiguration>
</ServiceConfiguration>
"""

PUBLISHED = "Shop/bin/Release/app.publish/ServiceConfiguration.Cloud.cscfg"
PROJECT = {
    "Shop/ServiceDefinition.csdef": DEFINITION,
    "Shop/ServiceConfiguration.Local.cscfg": LOCAL,
    PUBLISHED: CLOUD,
}


def test_the_published_configuration_is_the_project_s(tmp_path, monkeypatch, capsys):
    found = lint_files(tmp_path, monkeypatch, PROJECT, "MIG003", "MIG201", dedent=False).findings
    assert where(found) == [f"MIG201 {PUBLISHED}:8:19"]
    assert "in cloud service 'Shop'" in found[0].message  # joined to the definition: no second service
    _, out, _ = run_cli(capsys, "plan", ".")
    assert out.count("Cloud service with web/worker roles") == 1


def test_a_copy_of_the_project_s_own_configuration_is_passed_over(tmp_path, monkeypatch):
    files = {**PROJECT, "Shop/ServiceConfiguration.Cloud.cscfg": LOCAL}
    assert lint_files(tmp_path, monkeypatch, files, "MIG003", "MIG201", dedent=False).findings == []


def test_pytest_gives_the_published_configuration_its_items(pytester: pytest.Pytester) -> None:
    for name, text in PROJECT.items():
        path = pytester.path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = pytester.runpytest_inprocess(
        "--migcheck", "-p", "no:cacheprovider", "-q", "--migcheck-select", "MIG201"
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([f"FAILED {PUBLISHED}::MIG201*"])


def test_a_role_the_definition_lacks_is_a_dangling_name_not_a_second_service(tmp_path, monkeypatch):
    # The published configuration is the project's, however its roles differ from the definition's.
    files = {**PROJECT, PUBLISHED: CLOUD.replace('<Role name="Web">', '<Role name="Wbe">')}
    found = lint_files(tmp_path, monkeypatch, files, "MIG003", "MIG101", dedent=False).findings
    assert [(f.code, f.message) for f in found] == [
        ("MIG101", found[0].message),
        ("MIG003", "role 'Wbe' is not defined in the service definition of 'Shop'"),
    ]
    assert "has a WebRole 'Web'" in found[0].message
