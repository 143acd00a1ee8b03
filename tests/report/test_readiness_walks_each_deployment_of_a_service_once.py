"""The readiness summary (and `checked_at`) finds what each item owns by walking the resources it moves. A
cloud service outside any network is walked as a network walks its services: its definition, its
deployments and the configurations they are made of, each deployment once. The placement of each
configuration (`CloudService.configured`) is made of those, and is nearly always the very tuple of its
deployments: walked with the rest of the service, every deployment was walked twice."""

from __future__ import annotations

from collections import Counter

from lint_support import lint_files
from test_texts import ACL

from migcheck.estate import Placement
from migcheck.report import readiness

DEFINITION = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small">
    <Endpoints><InputEndpoint name="HttpsIn" protocol="https" port="443"/></Endpoints>
  </WebRole>
</ServiceDefinition>
"""


def test_each_deployment_of_a_service_outside_networks_is_walked_once(tmp_path, monkeypatch):
    files = {
        "shop/ServiceDefinition.csdef": DEFINITION,
        "shop/ServiceConfiguration.Cloud.cscfg": ACL,
        "shop/ServiceConfiguration.Test.cscfg": ACL,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG201", dedent=False)
    (service,) = result.estate.cloud_services
    assert len(service.placements) == 2 and service.configured == service.placements
    walked: Counter[int] = Counter()
    parts = readiness._parts(Placement)
    assert parts is not None

    def counted(placement):
        walked[id(placement)] += 1
        return parts(placement)

    monkeypatch.setitem(readiness._PARTS, Placement, counted)
    (summary,) = readiness.readiness(result)
    assert sorted(walked.values()) == [1, 1]
    (item,) = [item for item in summary.items if item.type == "CloudService"]
    assert {f.code for f in item.findings} == {"MIG201"}
