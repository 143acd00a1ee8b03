"""AppVeyor's classic Cloud Services deployment provider (`deploy: provider: AzureCS`) is read as the calls its
deployment script makes, as the Azure Pipelines cloud deployment task is: `New-AzureDeployment` of its
`service:` in its `slot:` where the slot holds none, else `Set-AzureDeployment -Upgrade`, or, under
`recreate_deployment: true`, `Remove-AzureDeployment` and a new deployment; its `storage_account_name:` is the
classic storage account the package is uploaded to. It creates no service."""

from __future__ import annotations

from lint_support import lint_files, where

from migcheck.model import Deployment, Script, ServiceRegion, StorageAccountType

APPVEYOR = """\
build:
  publish_azure: true
deploy:
  provider: AzureCS
  subscription_id: 0C8CCAAC-03F4-4659-B927-EFAB8874BE8D
  subscription_certificate:
    secure: WJjB4oIJKDRXRkaP2hB5Dnoaq1AXOPxf
  storage_account_name: shopstore
  storage_access_key:
    secure: XMdn4xfPcYlZFYgvbytc8Q==
  service: shop-web
  slot: Staging
  deployment_label: $(appveyor_build_version)
  artifact: Shop.cspkg
  target_profile: Cloud
"""


def _read(tmp_path, monkeypatch, text: str = APPVEYOR, name: str = "appveyor.yml"):
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG101", "MIG601", dedent=False)
    document = next(d for d in result.documents if d.path == name)
    calls = [c.name for r in document.resources if isinstance(r, Script) for c in r.calls]
    return result, document.resources, calls


def test_the_appveyor_cloud_service_deployment_upgrades_the_deployment_its_slot_holds(tmp_path, monkeypatch):
    result, resources, calls = _read(tmp_path, monkeypatch)
    assert calls == ["Get-AzureDeployment", "New-AzureDeployment", "Set-AzureDeployment"]
    deployments = {(d.service_name, d.slot) for d in resources if isinstance(d, Deployment)}
    assert deployments == {("shop-web", "Staging")}
    assert not [r for r in resources if isinstance(r, ServiceRegion)]  # its script creates no service
    assert sorted(where(result.findings)) == ["MIG101 appveyor.yml:4:13", "MIG601 appveyor.yml:4:13"]


def test_the_appveyor_cloud_service_deployment_s_storage_account_is_one_to_migrate(tmp_path, monkeypatch):
    _, resources, _ = _read(tmp_path, monkeypatch)
    accounts = [(r.name, r.mark.line, r.mark.column) for r in resources if isinstance(r, StorageAccountType)]
    assert accounts == [("shopstore", 8, 25)]


def test_an_appveyor_deployment_recreated_is_removed_and_made_anew(tmp_path, monkeypatch):
    _, _, calls = _read(tmp_path, monkeypatch, APPVEYOR + "  recreate_deployment: true\n")
    assert calls == [
        "Get-AzureDeployment",
        "New-AzureDeployment",
        "Remove-AzureDeployment",
        "New-AzureDeployment",
    ]


def test_an_appveyor_deployment_in_a_list_of_providers_in_the_production_slot_by_default(
    tmp_path, monkeypatch
):
    listed = APPVEYOR.replace("  provider:", "  - provider:").replace("\n  ", "\n    ")
    listed = listed.replace("    - provider:", "  - provider:").replace("    slot: Staging\n", "")
    _, resources, calls = _read(tmp_path, monkeypatch, listed, ".appveyor.yml")
    assert "New-AzureDeployment" in calls
    assert {(d.service_name, d.slot) for d in resources if isinstance(d, Deployment)} == {
        ("shop-web", "Production")
    }


def _runs(resources) -> dict[str, str]:
    return {c.name: c.runs for r in resources if isinstance(r, Script) for c in r.calls}


def test_an_appveyor_deployment_on_a_branch_may_not_run(tmp_path, monkeypatch):
    _, resources, _ = _read(tmp_path, monkeypatch)
    assert _runs(resources)["Get-AzureDeployment"] == ""
    _, resources, _ = _read(tmp_path, monkeypatch, APPVEYOR + "  on:\n    branch: main\n")
    assert _runs(resources)["Get-AzureDeployment"] == "maybe"


def test_another_appveyor_deployment_provider_makes_no_classic_call(tmp_path, monkeypatch):
    text = APPVEYOR.replace("AzureCS", "AzureCSExtended")
    result = lint_files(tmp_path, monkeypatch, {"appveyor.yml": text}, "MIG601", dedent=False)
    assert not result.findings
