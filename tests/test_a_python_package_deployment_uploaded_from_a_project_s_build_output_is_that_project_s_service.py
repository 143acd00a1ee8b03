"""A Python script that uploads a package from a cloud project's build output (`create_blob_from_path("pkgs",
"Proj.cspkg", r"Proj\\bin\\Release\\app.publish\\Proj.cspkg")`) and deploys the blob it uploaded it to
(`create_deployment(..., "https://acct.blob.core.windows.net/pkgs/Proj.cspkg", ...)`) with a configuration
it does not state deploys the project the package is published from, as PowerShell's `New-AzureDeployment
-Package` does: the deployment is that project's service, under the script's name, with the project's
roles; it was a second service of roles the files do not name beside the project's. A package the script
uploads elsewhere, or from another folder, leaves the project alone."""

from __future__ import annotations

import pytest
from lint_support import lint_files

DEFINITION = """\
<ServiceDefinition name="Proj" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="WebRole1" vmsize="Small">
    <Endpoints><InputEndpoint name="Http" protocol="http" port="80" /></Endpoints>
  </WebRole>
</ServiceDefinition>
"""

CONFIGURATION = """\
<ServiceConfiguration serviceName="Proj" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="WebRole1"><Instances count="1" /></Role>
</ServiceConfiguration>
"""

PROJECT = {"Proj/ServiceDefinition.csdef": DEFINITION, "Proj/ServiceConfiguration.Cloud.cscfg": CONFIGURATION}

SCRIPT = """\
import sys
from base64 import b64encode
from azure.servicemanagement import ServiceManagementService
from azure.storage.blob import BlockBlobService

cfg = sys.argv[1]
blob = BlockBlobService("acct", "key")
blob.{upload}("pkgs", "Proj.cspkg", {path})
sms = ServiceManagementService("sub", "cert.pem")
sms.{deploy}
"""
PACKAGE = r'r"Proj\bin\Release\app.publish\Proj.cspkg"'
URL = '"https://acct.blob.core.windows.net/pkgs/Proj.cspkg"'
CREATE = 'create_deployment("shop", "production", "prod", {url}, "label", b64encode(open(cfg).read()))'


def _services(tmp_path, monkeypatch: pytest.MonkeyPatch, script: str) -> list[tuple[str, list[str]]]:
    result = lint_files(tmp_path, monkeypatch, {**PROJECT, "deploy.py": script}, "MIG101", dedent=False)
    services = [s for estate in result.estates for s in estate.cloud_services]
    return sorted((s.name, sorted(r.name for r in s.roles)) for s in services)


@pytest.mark.parametrize(
    ("upload", "path", "deploy"),
    [
        ("create_blob_from_path", PACKAGE, CREATE.format(url=URL)),
        ("put_block_blob_from_path", PACKAGE, CREATE.format(url=URL)),
        (
            "create_blob_from_path",
            "os.path.join(HERE, 'Proj', 'bin', 'Release', 'app.publish', 'Proj.cspkg')",
            CREATE.format(url='f"https://{sys.argv[2]}.blob.core.windows.net/pkgs/Proj.cspkg"'),
        ),
        (
            "create_blob_from_path",
            PACKAGE,
            f'upgrade_deployment("shop", "prod", "auto", {URL}, b64encode(open(cfg).read()), "l", True)',
        ),
    ],
    ids=["create_blob_from_path", "put_block_blob_from_path", "joined path, account not stated", "upgrade"],
)
def test_the_deployment_is_the_project_s_service_under_the_script_s_name(
    tmp_path, monkeypatch: pytest.MonkeyPatch, upload: str, path: str, deploy: str
) -> None:
    script = SCRIPT.format(upload=upload, path=path, deploy=deploy)
    script = script.replace("import sys\n", "import os\nimport sys\n\nHERE = os.path.dirname(__file__)\n")
    assert _services(tmp_path, monkeypatch, script) == [("shop", ["WebRole1"])]


@pytest.mark.parametrize(
    ("path", "url"),
    [
        (PACKAGE, '"https://acct.blob.core.windows.net/other/Proj.cspkg"'),
        (r'r"out\Proj.cspkg"', URL),
        (PACKAGE, '"https://[acct/pkgs/Proj.cspkg"'),
    ],
    ids=["another container", "another folder", "no URL"],
)
def test_a_package_uploaded_elsewhere_or_from_no_project_leaves_the_project_alone(
    tmp_path, monkeypatch: pytest.MonkeyPatch, path: str, url: str
) -> None:
    script = SCRIPT.format(upload="create_blob_from_path", path=path, deploy=CREATE.format(url=url))
    services = _services(tmp_path, monkeypatch, script)
    assert [name for name, _ in services] == ["Proj", "shop"]
    assert dict(services)["Proj"] == ["WebRole1"]
