"""Cloud services deployed as Cloud Services (extended support): a deployment template or a script says so,
the link stage keeps them out of the classic estate, and MIG101 alone reports them, once each."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from lint_support import lint_files, where

from migcheck.estate import ExtendedSupport, Grouping, LinkMemo, link, link_subscription
from migcheck.model import Severity
from migcheck.plan import build_plan
from migcheck.readers import read_document
from migcheck.report.readiness import ScopeKind, readiness
from migcheck.report.text import render

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
CSDEF = """\
<ServiceDefinition name="{name}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small">
    <Endpoints><{endpoint} name="HttpsIn" protocol="http" port="443"/></Endpoints>
  </WebRole>
  <WorkerRole name="Jobs" vmsize="Small"/>
</ServiceDefinition>
"""
# An input endpoint on an internal load balancer: the ACL is on an endpoint of the role, and no endpoint is
# on the public VIP (MIG106).
ILB_ENDPOINT = 'InputEndpoint loadBalancer="ilb"'
# A configuration with what the classic rules report: an endpoint ACL (MIG201), a role in two subnets
# (MIG202), a reserved IP (MIG106 when no role has an input endpoint), in network `prod`.
CSCFG = """\
<ServiceConfiguration serviceName="{name}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2"/></Role>
  <Role name="Jobs"><Instances count="1"/></Role>
  <NetworkConfiguration>
    <AccessControls>
      <AccessControl name="Office">
        <Rule action="permit" description="office" order="100" remoteSubnet="203.0.113.0/24"/>
      </AccessControl>
    </AccessControls>
    <EndpointAcls><EndpointAcl role="Web" endPoint="HttpsIn" accessControl="Office"/></EndpointAcls>
    <VirtualNetworkSite name="prod"/>
    <AddressAssignments>
      <InstanceAddress roleName="Web"><Subnets><Subnet name="FrontEnd"/><Subnet name="BackEnd"/></Subnets></InstanceAddress>
      <InstanceAddress roleName="Jobs"><Subnets><Subnet name="BackEnd"/></Subnets></InstanceAddress>
      <ReservedIPs><ReservedIP name="{name}-ip"/></ReservedIPs>
    </AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
"""
# VMs in the same network: with web/worker roles there, the network cannot be migrated (MIG104).
VMS = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>jump</Name>
  <RoleList><Role><RoleName>jump01</RoleName><RoleType>PersistentVMRole</RoleType></Role></RoleList>
  <VirtualNetworkName>prod</VirtualNetworkName>
</Deployment>
"""
CLASSIC_CODES = ("MIG101", "MIG104", "MIG106", "MIG201", "MIG202")


def template(*resources: dict, schema: str = SCHEMA) -> str:
    return json.dumps(
        {"$schema": schema, "contentVersion": "1.0.0.0", "resources": list(resources)}, indent=2
    )


def cloud_service(name: str = "[parameters('cloudServiceName')]") -> dict:
    return {
        "type": "Microsoft.Compute/cloudServices",
        "apiVersion": "2022-09-04",
        "name": name,
        "location": "[resourceGroup().location]",
        "properties": {"packageUrl": "[parameters('packageSasUri')]"},
    }


STORAGE = {
    "type": "Microsoft.Storage/storageAccounts",
    "apiVersion": "2023-01-01",
    "name": "shopdata",
    "kind": "StorageV2",
    "sku": {"name": "Standard_LRS"},
}


def package(folder: str, name: str = "shop", endpoint: str = "InputEndpoint") -> dict[str, str]:
    return {
        f"{folder}/ServiceDefinition.csdef": CSDEF.format(name=name, endpoint=endpoint),
        f"{folder}/ServiceConfiguration.Cloud.cscfg": CSCFG.format(name=name),
    }


def _lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], *codes: str):
    return lint_files(tmp_path, monkeypatch, files, *codes, dedent=False)


def _estate(files: dict[str, str], grouping: Grouping | None = None):
    docs = [read_document(p, textwrap.dedent(t).encode(), explicit=False) for p, t in files.items()]
    (estate,) = link([d for d in docs if d is not None], grouping)
    return estate


# --- MIG101 reports a service of extended support once, as such ----------------------------------------------


def test_a_template_beside_the_package_makes_it_a_service_of_extended_support(tmp_path, monkeypatch):
    files = {**package("shop"), "shop/shop.template.json": template(STORAGE, cloud_service())}
    found = _lint(tmp_path, monkeypatch, files, "MIG101").findings
    assert where(found) == ["MIG101 shop/ServiceDefinition.csdef:2:3"]  # once, at its first role
    (finding,) = found
    assert finding.resource_type == "CloudService" and finding.resource_name == "shop"
    assert finding.message == (
        "cloud service 'shop' is deployed as Cloud Services (extended support), not as a classic cloud "
        "service (shop/shop.template.json:15 declares it as a Microsoft.Compute/cloudServices resource): this "
        "migration does not apply to it, and Cloud Services (extended support) retires on 2027-03-31"
    )
    assert "App Service" in finding.fix and "2027-03-31" in finding.fix


def test_a_template_elsewhere_names_the_service_by_its_literal_name(tmp_path, monkeypatch):
    files = {
        **package("src/shop"),
        **package("src/billing", name="billing"),
        "infra/main.json": template(cloud_service("SHOP")),  # names compare without regard to case
    }
    found = _lint(tmp_path, monkeypatch, files, "MIG101").findings
    assert where(found) == [
        "MIG101 src/billing/ServiceDefinition.csdef:2:3",
        "MIG101 src/billing/ServiceDefinition.csdef:5:3",
        "MIG101 src/shop/ServiceDefinition.csdef:2:3",
    ]
    assert [("extended support" in f.message.split(":")[0]) for f in found] == [False, False, True]
    assert "infra/main.json:6 declares it" in found[2].message


def test_a_template_that_names_another_service_leaves_the_package_classic(tmp_path, monkeypatch):
    files = {
        **package("shop"),
        **package("billing", name="billing"),
        "shop/billing.template.json": template(cloud_service("billing")),
    }
    found = _lint(tmp_path, monkeypatch, files, *CLASSIC_CODES).findings
    alone = {**package("shop"), **package("billing", name="billing")}
    classic = _lint(tmp_path, monkeypatch, alone, *CLASSIC_CODES).findings
    shop = [f for f in found if f.mark.path.startswith("shop/")]
    assert [f for f in classic if f.mark.path.startswith("shop/")] == shop
    assert "MIG201" in [f.code for f in shop]


def test_an_unrelated_template_changes_nothing(tmp_path, monkeypatch):
    plain = _lint(tmp_path, monkeypatch, {**package("shop"), "vms/jump.xml": VMS}).findings
    files = {**package("shop"), "vms/jump.xml": VMS, "shop/storage.template.json": template(STORAGE)}
    assert _lint(tmp_path, monkeypatch, files).findings == plain


def test_the_classic_rules_do_not_check_a_service_of_extended_support(tmp_path, monkeypatch):
    """The configuration's ACL, subnets and reserved IP, and the network it shares with VMs, are what the
    classic migration would refuse: said of a service of extended support, none of it applies."""
    classic = {**package("shop", endpoint=ILB_ENDPOINT), "vms/jump.xml": VMS}
    before = sorted({f.code for f in _lint(tmp_path, monkeypatch, classic, *CLASSIC_CODES).findings})
    assert before == sorted(CLASSIC_CODES)  # each is reported of the classic service
    files = {**classic, "shop/azuredeploy.json": template(cloud_service())}
    found = _lint(tmp_path, monkeypatch, files, *CLASSIC_CODES).findings
    assert where(found) == ["MIG101 shop/ServiceDefinition.csdef:2:3"]


def test_a_classic_service_beside_one_of_extended_support_keeps_its_findings(tmp_path, monkeypatch):
    billing = package("billing", name="billing", endpoint=ILB_ENDPOINT)
    alone = _lint(tmp_path, monkeypatch, {**billing, "vms/jump.xml": VMS}, *CLASSIC_CODES).findings
    files = {
        **billing,
        **package("shop", endpoint=ILB_ENDPOINT),
        "vms/jump.xml": VMS,
        "shop/azuredeploy.json": template(cloud_service()),
    }
    found = _lint(tmp_path, monkeypatch, files, *CLASSIC_CODES).findings
    shop = [f for f in found if f.mark.path.startswith("shop/")]
    assert where(shop) == ["MIG101 shop/ServiceDefinition.csdef:2:3"]
    assert sorted(where(f for f in found if f not in shop)) == sorted(where(alone))
    assert {f.code for f in alone} == set(CLASSIC_CODES)


# --- which package a template or script names ------------------------------------------------------------------


def _extended(files: dict[str, str]) -> list[str]:
    """The packaged services the files deploy as extended support (not those known from evidence alone)."""
    estate = _estate(files)
    return [e.service.name for e in estate.extended_support if e.packaged]


def _unaccompanied(files: dict[str, str]) -> list[str]:
    """The services of extended support that evidence naming no packaged service deploys."""
    return [e.service.name for e in _estate(files).extended_support if not e.packaged]


def test_an_expression_name_names_the_one_service_of_its_folder_and_below():
    files = {
        **package("apps/shop"),
        **package("tools/admin", name="admin"),
        "apps/azuredeploy.json": template(cloud_service()),
    }
    assert _extended(files) == ["shop"]


def test_a_resource_that_may_be_any_of_several_services_names_none():
    """One resource deploys one package: taking a classic one for extended support would hide its blockers."""
    two = {**package("apps/shop"), **package("apps/billing", name="billing")}
    assert _extended({**two, "apps/azuredeploy.json": template(cloud_service())}) == []
    assert _extended({**two, "azuredeploy.json": template(cloud_service("other"))}) == []
    # It deploys a service of extended support all the same: known from the template alone.
    assert _unaccompanied({**two, "azuredeploy.json": template(cloud_service("other"))}) == ["other"]


def test_an_expression_name_elsewhere_names_no_service():
    """A template in another folder whose name the files do not state may deploy another service."""
    files = {**package("src/shop"), "infra/azuredeploy.json": template(cloud_service())}
    assert _extended(files) == []
    assert _unaccompanied(files) == ["<cloud service name, azuredeploy.json:6>"]


def test_a_literal_name_of_no_service_still_names_the_package_beside_it():
    """The resource's name need not be the definition's: beside the package, it deploys that package."""
    assert _extended({**package("shop"), "shop/azuredeploy.json": template(cloud_service("shop-prod"))}) == [
        "shop"
    ]


def test_a_template_names_a_package_whose_configuration_is_in_a_folder_of_its_own():
    files = {
        "src/ServiceDefinition.csdef": CSDEF.format(name="shop", endpoint="InputEndpoint"),
        "src/billing/ServiceDefinition.csdef": CSDEF.format(name="billing", endpoint="InputEndpoint"),
        "deploy/prod/ServiceConfiguration.Cloud.cscfg": CSCFG.format(name="shop"),
        "deploy/prod/azuredeploy.json": template(cloud_service()),
    }
    assert _extended(files) == ["shop"]


def test_a_service_of_extended_support_is_out_of_the_classic_estate():
    estate = _estate(
        {**package("shop"), "vms/jump.xml": VMS, "shop/azuredeploy.json": template(cloud_service())}
    )
    (extended,) = estate.extended_support
    assert isinstance(extended, ExtendedSupport) and extended.service.definition is not None
    assert extended.evidence.mark.path == "shop/azuredeploy.json"
    assert [s.name for s in estate.cloud_services] == ["jump"]
    (network,) = estate.virtual_networks
    assert [s.name for s in network.services] == ["jump"]  # the network holds the VMs only


def test_the_readiness_summary_lists_it_apart_and_the_plan_leaves_it_out(tmp_path, monkeypatch):
    files = {**package("shop"), "vms/jump.xml": VMS, "shop/azuredeploy.json": template(cloud_service())}
    result = _lint(tmp_path, monkeypatch, files)
    (summary,) = readiness(result)
    apart = (ScopeKind.FILES, ScopeKind.EXTENDED_SUPPORT)
    classic = [item for scope in summary.scopes if scope.scope not in apart for item in scope.items]
    assert [item.name for item in classic] == ["prod"]  # the network, holding the VMs alone
    assert [f.code for item in classic for f in item.findings] == ["MIG203"]  # a VM of no subnet: not MIG104
    by_scope = {s.scope: [(i.name, [f.code for f in i.findings]) for i in s.items] for s in summary.scopes}
    assert by_scope[ScopeKind.EXTENDED_SUPPORT] == [("shop", ["MIG101"])]
    assert by_scope[ScopeKind.FILES] == []
    assert "shop (2 web/worker roles)  Retires on 2027-03-31: 1 warning" in render(result)
    moved = [name for step in build_plan(result).steps for name in (step.name, *step.moves)]
    assert "shop" not in " ".join(moved)


def test_it_is_a_warning_that_blocks_neither_the_check_nor_the_plan(tmp_path, monkeypatch):
    """There is no migration to block: the retirement is worth a warning, not a failed check."""
    files = {**package("shop"), "shop/azuredeploy.json": template(cloud_service())}
    result = _lint(tmp_path, monkeypatch, files)
    assert [(f.code, f.severity.name) for f in result.findings] == [("MIG101", "WARNING")]
    assert not result.failed(Severity.ERROR)
    plan = build_plan(result)
    assert not [f for s in plan.subscriptions for f in s.other_blockers if f.code == "MIG101"]
    assert [n for s in plan.subscriptions for n in s.other_notes]  # the retirement is said all the same


# --- Az PowerShell ------------------------------------------------------------------------------------------

SCRIPT = """\
param($name)
New-AzCloudService -Name {name} -ResourceGroupName "shop-rg" -Location "West Europe" `
    -ConfigurationFile "..\\pkg\\ServiceConfiguration.Cloud.cscfg" -PackageFile "../pkg/Shop.cspkg"
"""


def test_a_script_that_creates_the_service_names_it_by_name_or_by_its_configuration(tmp_path, monkeypatch):
    files = {**package("pkg"), **package("other", name="billing")}
    by_name = {**files, "deploy/create.ps1": SCRIPT.format(name='"shop"')}
    by_file = {**files, "deploy/create.ps1": SCRIPT.format(name="$name")}
    for case in (by_name, by_file):
        found = _lint(tmp_path, monkeypatch, case, "MIG101", "MIG601").findings
        extended = [f for f in found if "extended support), not" in f.message]
        assert where(extended) == ["MIG101 pkg/ServiceDefinition.csdef:2:3"]
        assert "deploy/create.ps1:2 creates it with New-AzCloudService" in extended[0].message
        assert where(f for f in found if f not in extended) == [
            "MIG101 other/ServiceDefinition.csdef:2:3",
            "MIG101 other/ServiceDefinition.csdef:5:3",
        ]  # an Az script calls no classic cmdlet: no MIG601 either


# --- the editor's kept link ------------------------------------------------------------------------------------


def test_the_editor_s_kept_link_sets_a_service_apart_when_a_template_comes_and_goes():
    files = {**package("shop"), "shop/azuredeploy.json": template(STORAGE)}
    docs = [read_document(p, t.encode(), explicit=True) for p, t in files.items()]
    cses = read_document("shop/azuredeploy.json", template(cloud_service()).encode(), explicit=True)
    assert all(d is not None for d in docs) and cses is not None
    memo = LinkMemo()
    first = link_subscription("s", tuple(docs), Grouping(), memo)
    (service,) = first.cloud_services
    swapped = link_subscription("s", (*docs[:2], cses), Grouping(), memo)  # the same places: kept folders
    assert swapped.cloud_services == ()
    (extended,) = swapped.extended_support
    assert extended.service is service  # the folder's service, taken from the memo
    again = link_subscription("s", tuple(docs), Grouping(), memo)
    assert again.cloud_services == (service,) and again.extended_support == ()
