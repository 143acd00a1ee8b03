"""A Get-AzureDeployment export of a deployment made from a service package shows it: a non-empty `SdkVersion`
(the Azure SDK the package was built with) or a `Configuration` that sets the Guest OS (`osFamily`,
`osVersion`). Its roles are then web or worker roles (MIG101, not migrated), where an export that shows
neither, as a VM deployment's does, leaves their kind undecided."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan
from migcheck.report.readiness import readiness

_PACKAGE_CONFIGURATION = (
    '<?xml version="1.0" encoding="utf-8"?>\r\n<ServiceConfiguration serviceName="Contoso.Web" '
    'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration" osFamily="5" '
    'osVersion="*" schemaVersion="2015-04.2.6">\r\n  <Role name="WebRole1">\r\n    <Instances count="2" />'
    "\r\n  </Role>\r\n</ServiceConfiguration>"
)
# The configuration the platform keeps for a VM deployment: its roles and instances, no Guest OS.
_VM_CONFIGURATION = (
    '<ServiceConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">'
    '<Role name="WebRole1"><Instances count="1" /></Role></ServiceConfiguration>'
)


def _export(sdk: str | None, configuration: object, instances: tuple[str, ...]) -> dict[str, str]:
    context = {
        "SdkVersion": sdk,
        "Slot": "Production",
        "DeploymentName": "3f1c2a0d7e5b4c1f",
        "Status": "Running",
        "Configuration": configuration,
        "VNetName": None,
        "RoleInstanceList": [
            {"RoleName": "WebRole1", "InstanceName": name, "InstanceStatus": "ReadyRole"}
            for name in instances
        ],
        "ServiceName": "contoso-web",
        "OperationDescription": "Get-AzureDeployment",
    }
    return {"deployment.json": json.dumps(context, indent=4)}


_WEB_INSTANCES = ("WebRole1_IN_0", "WebRole1_IN_1")


def _role_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]):
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    return result, [f for f in result.findings if f.code == "MIG101"]


def test_an_export_stating_the_sdk_of_its_package_has_a_web_or_worker_role(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _export("2.9.6", _PACKAGE_CONFIGURATION, _WEB_INSTANCES)
    result, [finding] = _role_findings(tmp_path, monkeypatch, files)
    assert "has a web or worker role 'WebRole1'" in finding.message
    assert "SdkVersion 2.9.6" in finding.message
    lines = files["deployment.json"].splitlines()
    [line] = [n for n, written in enumerate(lines, 1) if "WebRole1_IN_0" in written]
    assert (finding.mark.line, finding.mark.column) == (line, lines[line - 1].index('"WebRole1_IN_0"') + 1)
    [item] = [i for sub in readiness(result) for s in sub.scopes for i in s.items if i.name == "contoso-web"]
    assert "roles_of_unsaid_kind" not in item.migrates


def test_an_export_whose_configuration_sets_the_guest_os_has_a_web_or_worker_role(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, [finding] = _role_findings(tmp_path, monkeypatch, _export("", _PACKAGE_CONFIGURATION, _WEB_INSTANCES))
    assert 'sets osFamily="5", the Guest OS of web and worker role instances' in finding.message
    configuration = _PACKAGE_CONFIGURATION.replace(' osFamily="5"', "")
    _, [finding] = _role_findings(
        tmp_path / "version", monkeypatch, _export(None, configuration, _WEB_INSTANCES)
    )
    assert 'sets osVersion="*"' in finding.message


def test_the_plan_of_a_package_s_deployment_is_not_a_service_of_vms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = lint_files(
        tmp_path, monkeypatch, _export("2.9.6", _PACKAGE_CONFIGURATION, _WEB_INSTANCES), dedent=False
    )
    plan = build_plan(result)
    [step] = [s for s in plan.steps if "contoso-web" in s.name]
    assert not step.ready
    text = render_plan(plan, "text")
    assert "Cloud service with web/worker roles (not migrated by this process): contoso-web" in text
    assert "with the VMs" not in text
    assert "of a kind the export does not say" not in text


@pytest.mark.parametrize(
    ("sdk", "configuration"),
    [
        (None, _VM_CONFIGURATION),
        ("", _VM_CONFIGURATION),
        ("  ", None),
        (None, "not a configuration <<"),
        (None, '<NetworkConfiguration osFamily="5" />'),
        (None, ["<ServiceConfiguration osFamily='5'/>"]),
    ],
)
def test_an_export_showing_a_vm_deployment_s_signs_leaves_the_kind_undecided(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sdk: str | None, configuration: object
) -> None:
    result, findings = _role_findings(tmp_path, monkeypatch, _export(sdk, configuration, ("WebRole1",)))
    assert findings == []
    [item] = [i for sub in readiness(result) for s in sub.scopes for i in s.items if i.name == "contoso-web"]
    assert item.migrates["roles_of_unsaid_kind"] == ["WebRole1"]
