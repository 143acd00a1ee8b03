"""A cloud service whose name a script does not state (`-ServiceName $ServiceName`) is what findings and the
plan speak of, by its stand-in (`<cloud service name, -ServiceName of the script, deploy.ps1:2>`), as the
plan's step title does: not of a deployment the script never named (New-AzureDeployment names none;
New-AzureVM names the deployment after the service). A stated service reads the same way."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.plan import build_plan

DEPLOY = """\
param([string]$ServiceName)
New-AzureDeployment -ServiceName $ServiceName -Slot Production -Package "app.cspkg" -Configuration "c.cscfg"
New-AzureDeployment -ServiceName "known-svc" -Slot Production -Package "app.cspkg" -Configuration "c.cscfg"
"""

VMS_PY = """\
import sys
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService(sys.argv[1], "cert.pem")
name = sys.argv[2]
sms.create_virtual_machine_deployment(name, name, "production", name, "vm1", None, None, role_size="Small")
"""


def test_mig101_and_the_plan_s_note_name_the_unstated_cloud_service(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": DEPLOY}, dedent=False)
    messages = sorted(f.message for f in result.findings if f.code == "MIG101")
    assert messages[0].startswith(
        "cloud service '<cloud service name, -ServiceName of the script, deploy.ps1:2>' has web or worker roles the files do not name"
    )
    assert messages[1].startswith("cloud service 'known-svc' has web or worker roles the files do not name")
    notes = {step.name: step.notes for step in build_plan(result).steps}
    assert (
        "Not moved: cloud service '<cloud service name, -ServiceName of the script, deploy.ps1:2>': web/worker roles the files do not name."
        in (notes["<cloud service name, -ServiceName of the script, deploy.ps1:2>"])
    )


def test_a_python_script_s_unstated_service_is_named_so_too(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"vms.py": VMS_PY}, "MIG105", dedent=False)
    (finding,) = result.findings
    assert finding.message.startswith(
        "cloud service '<cloud service name, vms.py:5>' is in no virtual network"
    )
