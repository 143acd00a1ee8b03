"""A deployment body that names no cloud service (a Create Deployment request, a trimmed GET) but names its
reserved IP is of the service a saved list of reserved IPs associates that IP with, for a deployment of
the body's name: a reserved IP's name is its subscription's alone, and it is the VIP of one deployment at
most. So the plan and the readiness summary name the service, where they asked for its name."""

from __future__ import annotations

import json

from lint_support import lint_files

from migcheck.plan import build_plan

DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>svc53</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList><Role><RoleName>svc53-vm1</RoleName><RoleType>PersistentVMRole</RoleType></Role></RoleList>
  <ReservedIPName>svc53-vip</ReservedIPName>
</Deployment>
"""


def _listed(*entries: tuple[str, str]) -> str:
    """A `GET .../services/networking/reservedips` body: svc53-vip in use by each (service, deployment)."""
    listed = "".join(
        "<ReservedIP><Name>svc53-vip</Name><Address>40.1.1.10</Address><InUse>true</InUse>"
        f"<ServiceName>{service}</ServiceName><DeploymentName>{deployment}</DeploymentName></ReservedIP>"
        for service, deployment in entries
    )
    return f'<ReservedIPs xmlns="http://schemas.microsoft.com/windowsazure">{listed}</ReservedIPs>\n'


def _services(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, files)
    return [s.listed_name for s in result.estate.cloud_services]


def test_the_listed_reserved_ip_names_the_service(tmp_path, monkeypatch):
    files = {"vm.xml": DEPLOYMENT, "reservedips.xml": _listed(("svc53", "svc53"))}
    result = lint_files(tmp_path, monkeypatch, files)
    assert [s.listed_name for s in result.estate.cloud_services] == ["svc53"]
    [step] = [step for step in build_plan(result).steps if "svc53-vm1" in " ".join(step.moves)]
    assert step.name == "svc53/svc53"  # the service, and its deployment
    assert not any("the files do not state the name" in note for note in step.notes)


def test_a_list_entry_for_another_deployment_name_says_nothing(tmp_path, monkeypatch):
    files = {"vm.xml": DEPLOYMENT, "reservedips.xml": _listed(("svc53", "other"))}
    assert _services(tmp_path, monkeypatch, files) == ["<cloud service of deployment svc53, vm.xml>"]


def test_entries_naming_two_services_say_nothing(tmp_path, monkeypatch):
    files = {
        "vm.xml": DEPLOYMENT,
        "a/reservedips.xml": _listed(("svc53", "svc53")),
        "b/reservedips.xml": _listed(("svc54", "svc53")),
    }
    assert "<cloud service of deployment svc53, vm.xml>" in _services(tmp_path, monkeypatch, files)


def test_a_get_azure_reserved_ip_export_names_the_service_too(tmp_path, monkeypatch):
    context = {
        "ReservedIPName": "svc53-vip",
        "Address": "40.1.1.10",
        "Location": "West Europe",
        "State": "Created",
        "InUse": True,
        "ServiceName": "svc53",
        "DeploymentName": "svc53",
        "OperationDescription": "Get-AzureReservedIP",
    }
    files = {"vm.xml": DEPLOYMENT, "reservedips.json": json.dumps([context])}
    assert _services(tmp_path, monkeypatch, files) == ["svc53"]
