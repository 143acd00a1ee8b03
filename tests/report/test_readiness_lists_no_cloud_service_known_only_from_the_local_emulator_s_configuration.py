"""A cloud service the files know only from the local emulator's configuration
(`ServiceConfiguration.Local.cscfg`, with no service definition beside it, and no deployment that names the
file) is deployed nowhere: its roles are not reported, and the plan moves nothing of it. The readiness summary
lists it in no scope either, where it was a service "in no known network" of 0 VMs that passed validation. A
deployed configuration of the same service (`ServiceConfiguration.Cloud.cscfg`) is listed as before."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.report.readiness import readiness

LOCAL = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="site" osFamily="2" osVersion="*"
    xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web">
    <ConfigurationSettings />
    <Instances count="1" />
  </Role>
</ServiceConfiguration>
"""


def _listed(tmp_path, monkeypatch, files: dict[str, str]) -> list[tuple[str, str]]:
    (summary,) = readiness(lint_files(tmp_path, monkeypatch, files))
    return [(scope.scope.value, item.name) for scope in summary.scopes for item in scope.items]


def test_a_service_known_only_from_the_emulator_s_configuration_is_listed_nowhere(tmp_path, monkeypatch):
    assert _listed(tmp_path / "local", monkeypatch, {"ServiceConfiguration.Local.cscfg": LOCAL}) == []
    deployed = {"ServiceConfiguration.Local.cscfg": LOCAL, "ServiceConfiguration.Cloud.cscfg": LOCAL}
    assert [name for _, name in _listed(tmp_path / "deployed", monkeypatch, deployed)] == ["site"]
