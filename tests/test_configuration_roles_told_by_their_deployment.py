"""A role only a service configuration names is of a kind another file may tell.

A .cscfg without its .csdef does not say whether its roles are web/worker roles or a VM deployment's: it is
taken for a package's, and MIG101 asks for the deployment's body. Where a file of the same service shows
the deployment (a script that deploys a package with it, `New-AzureDeployment`, `create_deployment`; a Get
Deployment body that lists the roles without disks), MIG101 says which file and line tells the kind, and
how, instead of asking for what the files hold already."""

from __future__ import annotations

from lint_support import lint_files, where

CONFIGURATION = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="billing" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="BillingWeb">
    <Instances count="2" />
  </Role>
</ServiceConfiguration>
"""

NEW_DEPLOYMENT = """\
Select-AzureSubscription -SubscriptionName "Contoso"
New-AzureDeployment -ServiceName "{service}" -Slot Production -Package ".\\billing.cspkg" -Configuration ".\\ServiceConfiguration.Cloud.cscfg" -Label "v2"
"""

SDK_DEPLOYMENT = """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("subscription-id", "management.pem")
sms.create_deployment(
    "{service}", "production", "billing-prod",
    "https://contoso.blob.core.windows.net/packages/billing.cspkg", "billing", configuration,
)
"""

GET_DEPLOYMENT = """\
<?xml version="1.0" encoding="utf-8"?>
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>billing-prod</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <Url>http://{service}.cloudapp.net/</Url>
  <RoleList>
    <Role>
      <RoleName>BillingWeb</RoleName>
      <OsVersion>WA-GUEST-OS-6.1</OsVersion>
    </Role>
  </RoleList>
</Deployment>
"""

UNTOLD = "no service definition says its kind"


def _mig101(tmp_path, monkeypatch, files: dict[str, str]) -> list:
    result = lint_files(
        tmp_path, monkeypatch, {"ServiceConfiguration.Cloud.cscfg": CONFIGURATION, **files}, "MIG101"
    )
    return result.findings


def test_a_script_deploying_a_package_with_it_tells_the_kind(tmp_path, monkeypatch):
    [found] = _mig101(tmp_path, monkeypatch, {"deploy.ps1": NEW_DEPLOYMENT.format(service="billing")})
    assert where([found]) == ["MIG101 ServiceConfiguration.Cloud.cscfg:3:3"]
    assert UNTOLD not in found.message
    assert (
        "'BillingWeb' (a service configuration names it, and deploy.ps1:2 tells its kind: deployed from a "
        "service package by New-AzureDeployment, and packages hold web and worker roles only)"
    ) in found.message


def test_a_python_script_deploying_a_package_tells_the_kind(tmp_path, monkeypatch):
    [found] = _mig101(tmp_path, monkeypatch, {"deploy.py": SDK_DEPLOYMENT.format(service="billing")})
    assert where([found]) == ["MIG101 ServiceConfiguration.Cloud.cscfg:3:3"]
    assert (
        "names it, and deploy.py:4 tells its kind: deployed from a service package by create_deployment"
        in (found.message)
    )


def test_a_deployment_body_listing_the_role_without_disks_tells_the_kind(tmp_path, monkeypatch):
    [found] = _mig101(tmp_path, monkeypatch, {"billing-prod.xml": GET_DEPLOYMENT.format(service="billing")})
    assert where([found]) == ["MIG101 ServiceConfiguration.Cloud.cscfg:3:3"]
    assert (
        "names it, and billing-prod.xml:7 tells its kind: its body does not state RoleType; it has no disks"
        in found.message
    )


def test_a_deployment_of_another_service_tells_nothing(tmp_path, monkeypatch):
    files = {
        # from a configuration of its own: one that names this configuration's file deploys it, as 'payroll'
        "deploy.ps1": NEW_DEPLOYMENT.format(service="payroll").replace(".\\", ".\\payroll\\"),
        "get.xml": GET_DEPLOYMENT.format(service="hr"),
    }
    found = [f for f in _mig101(tmp_path, monkeypatch, files) if f.location.path.endswith(".cscfg")]
    assert len(found) == 1
    assert UNTOLD in found[0].message


def test_a_configuration_alone_still_asks_for_the_deployment(tmp_path, monkeypatch):
    [found] = _mig101(tmp_path, monkeypatch, {})
    assert UNTOLD in found.message and "add that deployment's body" in found.message
