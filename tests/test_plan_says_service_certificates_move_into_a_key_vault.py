"""A cloud service of VMs that holds service certificates: the migration creates a key vault for it and
moves its certificates into it (deep dive: "Virtual machine certificates"). The plan's step for the service
says so, naming where a file states a certificate, in every format; no rule reports it."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from migcheck.cli import main
from migcheck.model import ServiceCertificate
from migcheck.readers import read_document

SCRIPT = """\
New-AzureService -ServiceName "svc-a" -Location "West Europe"
Add-AzureCertificate -ServiceName "svc-a" -CertToDeploy "C:\\certs\\app.pfx" -Password $pw
New-AzureQuickVM -Windows -ServiceName "svc-a" -Name "vm1" -ImageName "img" -Password "p" -AdminUsername "a"
New-AzureQuickVM -Windows -ServiceName "svc-d" -Name "vm2" -ImageName "img" -Password "p" -AdminUsername "a" -Location "West Europe" -Certificates $settings
New-AzureQuickVM -Windows -ServiceName "svc-e" -Name "vm3" -ImageName "img" -Password "p" -AdminUsername "a" -Location "West Europe"
"""

NOTE_A = (
    "cloud service 'svc-a' holds service certificates (Add-AzureCertificate -CertToDeploy, deploy.ps1:2): "
    "the migration creates a key vault for the service and moves its certificates into it; the VMs then "
    "reference them from it. Do not delete that key vault: a VM can go into a failed state."
)


def _certificates(body: str) -> list[tuple[str, int, str]]:
    document = read_document("deploy.ps1", textwrap.dedent(body).encode(), explicit=True)
    assert document is not None
    return [
        (r.service, r.mark.line, r.stated_by) for r in document.resources if isinstance(r, ServiceCertificate)
    ]


def test_add_azurecertificate_by_name_and_by_position_and_a_vm_s_certificates():
    body = SCRIPT + 'Add-AzureCertificate "svc-b" "C:\\certs\\b.cer"\n'
    assert sorted(_certificates(body)) == [
        ("svc-a", 2, "Add-AzureCertificate -CertToDeploy"),
        ("svc-b", 6, "Add-AzureCertificate -CertToDeploy"),
        ("svc-d", 4, "-Certificates"),
    ]


def test_without_the_certificate_the_call_states_none():
    assert _certificates('Add-AzureCertificate -ServiceName "svc-a"\n') == []


def _plan(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> str:
    (tmp_path / "deploy.ps1").write_text(SCRIPT)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        main(["plan", "--format", fmt, "deploy.ps1"])
    return capsys.readouterr().out


def test_text_plan_notes_the_key_vault_on_the_service_step(tmp_path, capsys):
    out = _plan(tmp_path, capsys, "text")
    assert NOTE_A in out
    assert "'svc-d' holds service certificates (-Certificates, deploy.ps1:4)" in out
    assert "'svc-e' holds" not in out


def test_markdown_plan_notes_the_key_vault(tmp_path, capsys):
    assert f"**Note:** {NOTE_A}" in _plan(tmp_path, capsys, "markdown")


def test_html_plan_notes_the_key_vault(tmp_path, capsys):
    assert NOTE_A.replace("'", "&#x27;") in _plan(tmp_path, capsys, "html")


def test_json_plan_notes_the_key_vault_on_its_step(tmp_path, capsys):
    plan = json.loads(_plan(tmp_path, capsys, "json"))
    notes = {note for step in _json_steps(plan) for note in step.get("notes", [])}
    assert NOTE_A in notes


def _json_steps(node: object):
    if isinstance(node, dict):
        if "notes" in node and "becomes" in node:
            yield node
        for value in node.values():
            yield from _json_steps(value)
    elif isinstance(node, list):
        for value in node:
            yield from _json_steps(value)


def test_no_rule_reports_service_certificates(tmp_path, capsys):
    (tmp_path / "deploy.ps1").write_text(SCRIPT)
    main(["check", "--format", "json", str(tmp_path / "deploy.ps1")])
    findings = json.loads(capsys.readouterr().out)
    # Only MIG601's fix names the key vault, as Add-AzureCertificate's replacement: no finding is about the
    # certificates themselves.
    assert not [f for f in findings if "key vault" in f["message"].casefold()]
    assert [f["code"] for f in findings if "key vault" in (f["fix"] or "").casefold()] == ["MIG601"]


PYTHON = """\
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk

sms = ServiceManagementService("sub", "cert.pem")
sms.create_hosted_service("svc-a", "svc-a", location="West Europe")
sms.add_service_certificate("svc-a", open("c.pfx", "rb").read(), "pfx", "secret")
config = LinuxConfigurationSet("vm1", "azure", "pw", True)
disk = OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/vm1.vhd")
sms.create_virtual_machine_deployment("svc-a", "svc-a", "production", "svc-a", "vm1", config, disk)
# Refused by the SDK (its data, format and password are required), it raises: nothing runs after it.
sms.add_service_certificate(service_name="svc-b")
"""


def test_a_python_script_s_add_service_certificate(tmp_path, capsys):
    document = read_document("deploy.py", PYTHON.encode(), explicit=True)
    assert document is not None
    stated = [
        (r.service, r.mark.line, r.stated_by) for r in document.resources if isinstance(r, ServiceCertificate)
    ]
    assert stated == [("svc-a", 5, "add_service_certificate")]  # without its data, the call uploads nothing
    (tmp_path / "deploy.py").write_text(PYTHON)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        main(["plan", "deploy.py"])
    assert (
        "cloud service 'svc-a' holds service certificates (add_service_certificate, deploy.py:5): the migration "
        "creates a key vault for the service" in capsys.readouterr().out
    )


HOSTED_SERVICE = """\
<?xml version="1.0" encoding="utf-8"?>
<HostedService xmlns="http://schemas.microsoft.com/windowsazure">
  <ServiceName>svc-r</ServiceName>
  <Deployments>
    <Deployment>
      <Name>svc-r</Name>
      <RoleList>
        <Role>
          <RoleName>vm1</RoleName>
          <RoleType>PersistentVMRole</RoleType>
          <ConfigurationSets>
            <ConfigurationSet>
              <ConfigurationSetType>WindowsProvisioningConfiguration</ConfigurationSetType>
              <StoredCertificateSettings>
                <CertificateSetting><StoreLocation>LocalMachine</StoreLocation><StoreName>My</StoreName><Thumbprint>9C4E</Thumbprint></CertificateSetting>
                <CertificateSetting><StoreLocation>LocalMachine</StoreLocation><StoreName>Root</StoreName><Thumbprint>0A1B</Thumbprint></CertificateSetting>
              </StoredCertificateSettings>
            </ConfigurationSet>
          </ConfigurationSets>
          <RoleSize>Small</RoleSize>
        </Role>
      </RoleList>
    </Deployment>
  </Deployments>
</HostedService>
"""


def _rest_certificates(body: str) -> list[tuple[str, int, str]]:
    document = read_document("svc.xml", body.encode(), explicit=True)
    assert document is not None
    return [
        (r.service, r.mark.line, r.stated_by) for r in document.resources if isinstance(r, ServiceCertificate)
    ]


def test_a_rest_body_s_certificate_settings_are_its_service_s_certificates():
    """A VM's `StoredCertificateSettings` install certificates its cloud service holds, as
    `Add-AzureProvisioningConfig -Certificates` does: one per setting, of the deployment's service."""
    stated_by = "StoredCertificateSettings/CertificateSetting"
    assert _rest_certificates(HOSTED_SERVICE) == [("svc-r", 15, stated_by), ("svc-r", 16, stated_by)]


def test_a_rest_deployment_names_its_service_by_its_url():
    deployment = HOSTED_SERVICE.split("<Deployments>")[1].split("</Deployments>")[0]
    body = deployment.replace(
        "<Deployment>",
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Url>http://svc-u.cloudapp.net/</Url>',
    )
    assert [service for service, _, _ in _rest_certificates(body)] == ["svc-u", "svc-u"]


def test_a_rest_body_without_certificate_settings_states_none():
    start = HOSTED_SERVICE.index("<StoredCertificateSettings>")
    end = HOSTED_SERVICE.index("</StoredCertificateSettings>") + len("</StoredCertificateSettings>")
    assert _rest_certificates(HOSTED_SERVICE[:start] + HOSTED_SERVICE[end:]) == []


def test_the_plan_notes_the_key_vault_of_a_rest_body_s_service(tmp_path, capsys):
    (tmp_path / "svc.xml").write_text(HOSTED_SERVICE)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        main(["plan", "svc.xml"])
    assert (
        "cloud service 'svc-r' holds service certificates (StoredCertificateSettings/CertificateSetting, "
        "svc.xml:15): the migration creates a key vault for the service" in capsys.readouterr().out
    )
