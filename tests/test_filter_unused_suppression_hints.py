"""A suppression comment that silences nothing says where the rule it names is reported in the file, and its
fix where to move the comment (or how to silence the rule in the whole file)."""

from __future__ import annotations

from lint_support import lint_files

SCRIPT = """\
from azure.servicemanagement import ServiceManagementService, ConfigurationSet
sms = ServiceManagementService("sub", "cert.pem")
net = ConfigurationSet()
net.subnet_names.append("App")
net.subnet_names.append("Data")
# migcheck: ignore[{token}] the second NIC goes before Prepare
sms.create_virtual_machine_deployment(
    "svc", "svc", "production", "vm1", "vm1", None, None, net, virtual_network_name="prod"
)
"""


def _unused(tmp_path, monkeypatch, token: str) -> str:
    result = lint_files(tmp_path, monkeypatch, {"a.py": SCRIPT.format(token=token)}, "MIG202", "MIG006")
    [finding] = [f for f in result.findings if f.code == "MIG006"]
    return finding.message


def test_a_comment_before_the_wrong_line_is_told_where_its_rule_is_reported(tmp_path, monkeypatch):
    message = _unused(tmp_path, monkeypatch, "MIG202")
    assert message.endswith(
        "; MIG202 is reported at line 5 of this file: a comment covers only the element or statement that "
        "follows it"
    )


def test_the_rule_may_be_named_by_its_name(tmp_path, monkeypatch):
    assert "; MIG202 is reported at line 5" in _unused(tmp_path, monkeypatch, "multiple-subnets")


def test_no_hint_for_a_rule_the_file_does_not_report(tmp_path, monkeypatch):
    files = {"a.py": SCRIPT.format(token="MIG201")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG201", "MIG202", "MIG006")
    [finding] = [f for f in result.findings if f.code == "MIG006"]
    assert finding.message == "`ignore[MIG201]` silences nothing: no finding it names is in its scope"


LOCAL = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="1" /></Role>
  <NetworkConfiguration>
    <AccessControls>
      <AccessControl name="office"><Rule order="100" action="permit" remoteSubnet="203.0.113.0/24"/></AccessControl>
    </AccessControls>
    <EndpointAcls>
      <!-- migcheck: ignore[MIG201] kept in sync with Cloud.cscfg -->
      <EndpointAcl role="Web" endpoint="HttpsIn" accessControl="office"/>
    </EndpointAcls>
  </NetworkConfiguration>
</ServiceConfiguration>
"""
CSDEF = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WorkerRole name="Web"><Endpoints><InputEndpoint name="HttpsIn" protocol="tcp" port="443"/></Endpoints></WorkerRole>
</ServiceDefinition>
"""


def test_a_comment_in_the_local_configuration_is_told_why_it_silences_nothing(tmp_path, monkeypatch):
    files = {"shop/ServiceConfiguration.Local.cscfg": LOCAL, "shop/ServiceDefinition.csdef": CSDEF}
    result = lint_files(tmp_path, monkeypatch, files, "MIG201", "MIG006")
    [finding] = result.findings
    assert (finding.code, finding.location.line, finding.location.column) == ("MIG006", 9, 7)
    assert finding.message.endswith(
        "; this file configures the local emulator, which is never deployed, so migcheck reports no "
        "deployment findings on it (set local-configurations = true in [tool.migcheck] to check it too)"
    )


def test_the_same_comment_in_a_deployed_configuration_silences_its_finding(tmp_path, monkeypatch):
    files = {"shop/ServiceConfiguration.Cloud.cscfg": LOCAL, "shop/ServiceDefinition.csdef": CSDEF}
    result = lint_files(tmp_path, monkeypatch, files, "MIG201", "MIG006")
    assert list(result.findings) == []
    assert [s.finding.code for s in result.suppressed] == ["MIG201"]


CLOUD_WITH_FILE_COMMENT = """\
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <!-- migcheck: ignore-file[MIG101] the roles are rebuilt on App Service -->
  <Role name="Web"><Instances count="1" /></Role>
</ServiceConfiguration>
"""


def test_a_file_comment_in_the_configuration_is_told_its_rule_is_reported_in_the_definition(
    tmp_path, monkeypatch
):
    """MIG101 (web and worker roles) is reported on the .csdef: the cloud service's .cscfg beside it
    cannot silence it, and the message says which file to put the comment in."""
    files = {
        "shop/ServiceConfiguration.Cloud.cscfg": CLOUD_WITH_FILE_COMMENT,
        "shop/ServiceDefinition.csdef": CSDEF,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG101", "MIG006")
    [unused] = [f for f in result.findings if f.code == "MIG006"]
    [roles] = [f for f in result.findings if f.code == "MIG101"]
    assert unused.message == (
        "`ignore-file[MIG101]` silences nothing: no finding it names is in its scope; MIG101 is reported in "
        f"ServiceDefinition.csdef, line {roles.location.line}: a comment silences findings of its own file "
        "only, so put it there"
    )


def test_a_comment_in_the_definition_is_told_its_rule_is_reported_in_the_configuration(tmp_path, monkeypatch):
    definition = CSDEF.replace(
        "  <WorkerRole", "  <!-- migcheck: ignore-file[MIG201] office only -->\n  <WorkerRole"
    )
    cloud = LOCAL.replace("      <!-- migcheck: ignore[MIG201] kept in sync with Cloud.cscfg -->\n", "")
    files = {"shop/ServiceConfiguration.Cloud.cscfg": cloud, "shop/ServiceDefinition.csdef": definition}
    result = lint_files(tmp_path, monkeypatch, files, "MIG201", "MIG006")
    [unused] = [f for f in result.findings if f.code == "MIG006"]
    assert unused.location.path.endswith("ServiceDefinition.csdef")
    assert unused.message.endswith(
        "; MIG201 is reported in ServiceConfiguration.Cloud.cscfg, line 9: a comment silences findings of its own "
        "file only, so put it there"
    )


def test_no_hint_from_the_files_of_another_cloud_service(tmp_path, monkeypatch):
    files = {
        "shop/ServiceConfiguration.Cloud.cscfg": CLOUD_WITH_FILE_COMMENT,
        "other/ServiceDefinition.csdef": CSDEF,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG101", "MIG006")
    [unused] = [f for f in result.findings if f.code == "MIG006"]
    assert unused.message == "`ignore-file[MIG101]` silences nothing: no finding it names is in its scope"


def test_the_fix_says_where_to_move_the_comment_or_to_silence_the_file(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"a.py": SCRIPT.format(token="MIG202")}, "MIG202", "MIG006")
    [finding] = [f for f in result.findings if f.code == "MIG006"]
    assert finding.fix == (
        "Move the comment to just before the element or statement at line 5, or write "
        "`migcheck: ignore-file[MIG202] reason` to silence MIG202 in the whole file; or delete it."
    )


def test_a_comment_naming_nothing_the_file_reports_keeps_the_rule_s_fix(tmp_path, monkeypatch):
    files = {"a.py": SCRIPT.format(token="MIG201")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG201", "MIG202", "MIG006")
    [finding] = [f for f in result.findings if f.code == "MIG006"]
    assert finding.fix.startswith("Delete the comment")
