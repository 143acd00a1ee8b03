"""MIG101 reports each web and worker role of a service, and each finding names the service
(`Finding.names`). At 40,000 files that is tens of thousands of findings: they name their service with one
tuple per service, not one per role, and say the same as before."""

from __future__ import annotations

from lint_support import lint_files

CSDEF = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small" />
  <WorkerRole name="Jobs" vmsize="Small" />
</ServiceDefinition>
"""
CSCFG = """\
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2" /></Role>
  <Role name="Jobs"><Instances count="2" /></Role>
</ServiceConfiguration>
"""


def test_the_findings_on_a_service_s_roles_share_the_names_they_give(tmp_path, monkeypatch):
    files = {"shop/ServiceDefinition.csdef": CSDEF, "shop/ServiceConfiguration.Cloud.cscfg": CSCFG}
    jobs, web = sorted(
        lint_files(tmp_path, monkeypatch, files, "MIG101").findings, key=lambda f: f.resource_name
    )
    assert (jobs.resource_name, web.resource_name) == ("Jobs", "Web")
    assert web.names == jobs.names == (("cloud service", "shop"),)
    assert web.names is jobs.names
