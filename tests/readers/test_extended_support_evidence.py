"""Evidence of Cloud Services (extended support) that states the roles it deploys: a template's
`properties.roleProfile.roles[].name`, a script's `New-AzCloudServiceRoleProfilePropertiesObject -Name`. It is
about no packaged service none of whose roles it names: that service stays classic, with its blockers."""

from __future__ import annotations

import json
import textwrap

import pytest

from migcheck.estate import link
from migcheck.model import ExtendedSupportService
from migcheck.readers import powershell, read_document

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
CSDEF = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Storefront" vmsize="Small"/>
  <WorkerRole name="Jobs" vmsize="Small"/>
</ServiceDefinition>
"""


def _template(roles: object | None) -> str:
    properties: dict = {"packageUrl": "[parameters('pkg')]"}
    if roles is not None:
        properties["roleProfile"] = {"roles": roles}
    resource = {
        "type": "Microsoft.Compute/cloudServices",
        "apiVersion": "2022-04-04",
        "name": "[parameters('csName')]",
        "properties": properties,
    }
    return json.dumps({"$schema": SCHEMA, "contentVersion": "1.0.0.0", "resources": [resource]}, indent=2)


def _roles(names: list[str]) -> list[dict]:
    return [{"name": name, "sku": {"name": "Standard_D1_v2", "capacity": 1}} for name in names]


def _extended(files: dict[str, str]) -> list[str]:
    docs = [read_document(p, textwrap.dedent(t).encode(), explicit=False) for p, t in files.items()]
    (estate,) = link([d for d in docs if d is not None])
    return [e.service.name for e in estate.extended_support if e.packaged]  # not one of the evidence alone


def _script_evidence(script: str) -> ExtendedSupportService:
    document = powershell.read("deploy.ps1", textwrap.dedent(script).encode())
    assert document.problem is None
    (record,) = [r for r in document.resources if isinstance(r, ExtendedSupportService)]
    return record


# --- what the readers read ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("roles", "read"),
    [
        (_roles(["ReportsApi", "Jobs"]), ("ReportsApi", "Jobs")),
        (_roles(["[[Bracketed]"]), ("[Bracketed]",)),  # `[[` starts a literal
        (_roles(["Web", "[parameters('role')]"]), ()),  # a name it does not state: its roles are not known
        ("[variables('roles')]", ()),
        (None, ()),
    ],
)
def test_a_template_states_the_roles_of_its_role_profile(roles, read):
    document = read_document("azuredeploy.json", _template(roles).encode(), explicit=False)
    (record,) = document.resources
    assert record.roles == read


def test_a_template_s_keys_compare_without_case():
    text = (
        _template(_roles(["Api"]))
        .replace('"roleProfile"', '"RoleProfile"')
        .replace('"name": "Api"', '"NAME": "Api"')
    )
    (record,) = read_document("azuredeploy.json", text.encode(), explicit=False).resources
    assert record.roles == ("Api",)


def test_a_script_states_the_roles_of_its_role_profile():
    direct = _script_evidence(
        """\
        $role = New-AzCloudServiceRoleProfilePropertiesObject -Name "Api" -SkuName "Standard_D1_v2" -SkuCapacity 2
        New-AzCloudService -Name $Name -ResourceGroupName rg -RoleProfile $role
        """
    )
    assert direct.roles == ("Api",)
    table = _script_evidence(
        """\
        $web = New-AzCloudServiceRoleProfilePropertiesObject -Name Storefront -SkuName Standard_D1_v2
        $jobs = New-AzCloudServiceRoleProfilePropertiesObject -Name "Jobs" -SkuName Standard_D1_v2
        $profile = @{role = @($web, $jobs)}
        New-AzCloudService -Name shop -ResourceGroupName rg -RoleProfile $profile
        """
    )
    assert table.roles == ("Storefront", "Jobs")


@pytest.mark.parametrize(
    "profile",
    [
        "-RoleProfile $given",  # a parameter: not stated
        "-RoleProfile @($web, (New-AzCloudServiceRoleProfilePropertiesObject -Name $roleName))",
        "",  # none
    ],
)
def test_a_script_whose_roles_are_not_known_states_none(profile):
    record = _script_evidence(
        f"""\
        param($given, $roleName)
        $web = New-AzCloudServiceRoleProfilePropertiesObject -Name Storefront
        New-AzCloudService -Name shop -ResourceGroupName rg {profile}
        """
    )
    assert record.roles == ()


# --- which service the evidence is about ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("roles", "extended"),
    [
        (_roles(["ReportsApi"]), []),  # another package's roles: shop stays classic
        (_roles(["STOREFRONT"]), ["shop"]),  # role names compare without case
        (_roles(["ReportsApi", "Jobs"]), ["shop"]),  # one of shop's roles
        (_roles(["[parameters('role')]"]), ["shop"]),  # not known: as before, the one service of the folder
        (None, ["shop"]),
    ],
)
def test_a_template_is_about_the_service_of_its_folder_only_when_their_roles_meet(roles, extended):
    files = {"shop/ServiceDefinition.csdef": CSDEF, "shop/azuredeploy.json": _template(roles)}
    assert _extended(files) == extended


def test_a_template_naming_the_service_is_not_about_it_when_no_role_meets():
    text = _template(_roles(["ReportsApi"])).replace("[parameters('csName')]", "shop")
    assert _extended({"shop/ServiceDefinition.csdef": CSDEF, "infra/azuredeploy.json": text}) == []


@pytest.mark.parametrize(("role", "extended"), [("Api", []), ("jobs", ["shop"])])
def test_a_script_is_about_the_service_of_its_folder_only_when_their_roles_meet(role, extended):
    script = f"""\
        param([string]$Name)
        $roleProfile = New-AzCloudServiceRoleProfilePropertiesObject -Name "{role}" -SkuName "Standard_D1_v2"
        New-AzCloudService -Name $Name -ResourceGroupName "rg" -RoleProfile $roleProfile
        """
    assert _extended({"shop/ServiceDefinition.csdef": CSDEF, "shop/deploy-es.ps1": script}) == extended


def test_a_template_s_cloud_service_written_not_deployed_is_no_evidence():
    template = json.loads(_template(_roles(["Storefront", "Jobs"])))
    template["resources"][0]["condition"] = False
    document = read_document("azuredeploy.json", json.dumps(template).encode(), explicit=False)
    assert document is None or not document.resources
