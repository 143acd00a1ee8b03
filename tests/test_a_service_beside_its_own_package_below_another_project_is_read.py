"""A folder holding a built package (`.cspkg`) beside copies of its project's configurations is package
output, passed over (the Azure Toolkit for Eclipse's `deploy/`). A folder holding a service's own files
and its package, below the project of another service whose files bear the same names, is not such a copy:
that service is read, not lost."""

from __future__ import annotations

from lint_support import lint_files, run_cli

CSCFG = """\
<ServiceConfiguration serviceName="{name}" osFamily="2" osVersion="*" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="{role}"><Instances count="1" /></Role>
</ServiceConfiguration>
"""
PACKAGE = "PK\x03\x04"


def test_another_service_beside_its_package_is_read(tmp_path, monkeypatch, capsys):
    files = {
        "ServiceConfiguration.Cloud.cscfg": CSCFG.format(name="Front", role="Web"),
        "shop/ServiceConfiguration.Cloud.cscfg": CSCFG.format(name="Shop", role="Worker"),
        "shop/Shop.cspkg": PACKAGE,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG101")
    assert sorted(f.location.path for f in result.findings if f.location) == [
        "ServiceConfiguration.Cloud.cscfg",
        "shop/ServiceConfiguration.Cloud.cscfg",
    ]
    err = run_cli(capsys, "check", ".", "--verbose")[2]
    assert not [line for line in err.splitlines() if line.startswith("migcheck: skipped shop")]


def test_the_same_service_s_copy_beside_a_package_is_passed_over(tmp_path, monkeypatch):
    files = {
        "ServiceConfiguration.Cloud.cscfg": CSCFG.format(name="Shop", role="Worker"),
        "deploy/ServiceConfiguration.Cloud.cscfg": CSCFG.format(name="shop", role="Worker"),
        "deploy/WindowsAzurePackage.cspkg": PACKAGE,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG101")
    assert [f.location.path for f in result.findings if f.location] == ["ServiceConfiguration.Cloud.cscfg"]
