"""The readiness summary's text heads the networks' scope for what its rows hold (a network of web/worker
roles alone holds no VM), and a row not decided for a name the files do not state says which name, and
where the platform lists it, as the plan's step does when it asks for the name first."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import run_cli
from test_estate_folder_named_service_is_the_stated_one import _deployment, _hosted_service, _role

DEFINITION = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="Bot" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WorkerRole name="BotWorker" vmsize="Small" />
</ServiceDefinition>
"""

CONFIGURATION = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="Bot" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="BotWorker"><Instances count="2" /></Role>
  <NetworkConfiguration>
    <VirtualNetworkSite name="BotNet" />
  </NetworkConfiguration>
</ServiceConfiguration>
"""

VMS = _hosted_service(_deployment("d1", "Production", _role("vm1")).replace("vnet1", "BotNet"), service="vms")


def _headings(root: Path, files: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys) -> list[str]:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    monkeypatch.chdir(root)
    _, out, _ = run_cli(capsys, "check", ".")
    summary = out[out.index("Readiness by migration scope:") :].splitlines()
    return [line.strip() for line in summary if line.startswith("  ") and not line.startswith("    ")]


def test_a_network_of_web_worker_roles_alone_is_headed_for_them(tmp_path, monkeypatch, capsys):
    files = {"bot/ServiceDefinition.csdef": DEFINITION, "bot/ServiceConfiguration.Cloud.cscfg": CONFIGURATION}
    headings = _headings(tmp_path, files, monkeypatch, capsys)
    assert headings[0] == "Cloud services with web/worker roles in a virtual network"


def test_a_network_of_vms_and_roles_is_headed_for_both(tmp_path, monkeypatch, capsys):
    files = {
        "bot/ServiceDefinition.csdef": DEFINITION,
        "bot/ServiceConfiguration.Cloud.cscfg": CONFIGURATION,
        "vms/svc.xml": VMS,
    }
    headings = _headings(tmp_path, files, monkeypatch, capsys)
    assert headings[0] == "VMs and web/worker roles in a virtual network"


def test_a_network_of_vms_alone_keeps_its_heading(tmp_path, monkeypatch, capsys):
    headings = _headings(tmp_path, {"vms/svc.xml": VMS}, monkeypatch, capsys)
    assert headings[0] == "VMs in a virtual network"


def test_a_reserved_ip_a_script_names_by_a_parameter_says_where_its_name_is_listed(
    tmp_path, monkeypatch, capsys
):
    script = 'param([string]$Name)\nNew-AzureReservedIP -ReservedIPName $Name -Location "West Europe"\n'
    (tmp_path / "ip.ps1").write_text(script)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".")
    (row,) = [line for line in out.splitlines() if line.strip().startswith("<reserved IP name, ip.ps1:2>")]
    assert row.endswith(
        "Not decided: the files do not state the reserved IP's name (Get-AzureReservedIP lists the "
        "subscription's reserved IPs (ReservedIPName))"
    )
