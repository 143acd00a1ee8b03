"""A package deployment body whose service configuration cannot be read (a script fills it in from a file
it encodes) deploys web or worker roles no file names. MIG101 and the plan say so in the words they use for
a package a publish profile or script publishes whole ("web or worker roles the files do not name"), naming
the package, not quoting a stand-in as if it were a role's name."""

from __future__ import annotations

from lint_support import lint_files, run_cli

REQUESTS = """\
import base64
import requests

SUB = "a3942dfc-1111-2222-3333-444455556666"
URL = f"https://management.core.windows.net/{SUB}/services/hostedservices/contoso-orders/deploymentslots/staging"
cfg = base64.b64encode(open("ServiceConfiguration.Cloud.cscfg", "rb").read()).decode()
body = f\"\"\"<CreateDeployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>orders-42</Name>
  <PackageUrl>https://contosodeploy.blob.core.windows.net/packages/Orders.cspkg</PackageUrl>
  <Label>b3JkZXJzLTQy</Label>
  <Configuration>{cfg}</Configuration>
  <StartDeployment>true</StartDeployment>
</CreateDeployment>\"\"\"
requests.post(URL, data=body, cert=("mgmt.cer", "mgmt.key"), headers={"x-ms-version": "2014-06-01"})
"""


def test_mig101_says_the_package_s_roles_are_not_named(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"release.py": REQUESTS}, "MIG101", dedent=False)
    (finding,) = result.findings
    assert finding.message.startswith(
        "cloud service 'contoso-orders' has web or worker roles the files do not name "
        "(the roles of package Orders.cspkg, deployed from a service package"
    )
    assert "'<roles of" not in finding.message


def test_the_plan_s_step_says_the_roles_are_not_named(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"release.py": REQUESTS}, dedent=False)
    out = run_cli(capsys, "plan", ".")[1]
    assert "note: Not moved: cloud service 'contoso-orders': web/worker roles the files do not name." in out
