"""The deployment a service configuration describes is named after its file, and the configurations of
every service share a few file names: one string each, however many services (a copy per service was
1 MB of a 40,000-file check's peak)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

CSCFG = """\
<ServiceConfiguration serviceName="{0}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2" /></Role>
</ServiceConfiguration>
"""


def test_two_services_deployed_from_cloud_configurations_share_the_deployment_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {f"{name}/ServiceConfiguration.Cloud.cscfg": CSCFG.format(name) for name in ("shop", "blog")}
    result = lint_files(tmp_path, monkeypatch, files)
    names = [p.name for estate in result.estates for s in estate.cloud_services for p in s.placements]
    assert names == ["ServiceConfiguration.Cloud.cscfg"] * 2
    assert names[0] is names[1]
