"""The deployment of a folder of Export-AzureVM files is the one its VMs' listed disks state.

Export-AzureVM files name neither their service nor their deployment: the estate names a folder's after the
folder. A disk listed on its own (a List Disks body's, a Get-AzureDisk export's `AttachedTo`) states the
service, deployment and VM it is attached to. The stated service names the folder's service; the stated
deployment is the folder's deployment likewise: the folder's VMs join the service's deployment of that
name, or stand as a deployment of that name, so that messages and the plan's commands name the deployment
the platform knows, not the folder, and not a second deployment beside the stated one."""

from __future__ import annotations

from lint_support import lint_files
from test_estate_folder_named_service_is_the_stated_one import (
    _deployment,
    _exported_vm,
    _hosted_service,
    _role,
    _services,
)

from migcheck.plan import StepKind, build_plan


def _disks(*attached: tuple[str, str, str, str]) -> str:
    """A List Disks response: each disk (service, deployment, VM, disk name) attached to its VM."""
    rows = "".join(
        f"<Disk><AttachedTo><HostedServiceName>{service}</HostedServiceName>"
        f"<DeploymentName>{deployment}</DeploymentName><RoleName>{vm}</RoleName></AttachedTo><Name>{disk}</Name>"
        f"<MediaLink>https://acct.blob.core.windows.net/vhds/{disk}.vhd</MediaLink></Disk>"
        for service, deployment, vm, disk in attached
    )
    return f'<Disks xmlns="http://schemas.microsoft.com/windowsazure">{rows}</Disks>\n'


# A configuration of the folder's VM deployment: it says the deployment is in no virtual network.
CONFIGURATION = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="svc1" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="vm1"><Instances count="1" /></Role>
</ServiceConfiguration>
"""


def test_the_folder_s_deployment_takes_the_stated_name(tmp_path, monkeypatch):
    files = {"vms/vm1.xml": _exported_vm("vm1"), "disks.xml": _disks(("svc1", "prod", "vm1", "vm1-os"))}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert _services(result) == [("svc1", "files", [("prod", ["vm1"])])]
    [placement] = result.estate.cloud_services[0].placements
    assert placement.deployment_named


def test_the_folder_s_vms_join_the_stated_deployment_of_several(tmp_path, monkeypatch):
    files = {
        "svc1.xml": _hosted_service(
            _deployment("d1", "Production", _role("vm1")), _deployment("d2", "Staging", _role("vm3"))
        ),
        "svc1/vm2.xml": _exported_vm("vm2"),
        "disks.xml": _disks(("svc1", "d1", "vm2", "vm2-os")),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert _services(result) == [("svc1", "files", [("d1", ["vm1", "vm2"]), ("d2", ["vm3"])])]


def test_the_folder_s_vms_of_another_deployment_than_the_only_one_stand_apart(tmp_path, monkeypatch):
    files = {
        "svc1.xml": _hosted_service(_deployment("d2", "Production", _role("vm1"))),
        "svc1/vm2.xml": _exported_vm("vm2"),
        "disks.xml": _disks(("svc1", "d1", "vm2", "vm2-os")),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert _services(result) == [("svc1", "files", [("d2", ["vm1"]), ("d1", ["vm2"])])]


def test_disks_stating_two_deployments_name_none(tmp_path, monkeypatch):
    files = {
        "vms/vm1.xml": _exported_vm("vm1"),
        "vms/vm2.xml": _exported_vm("vm2"),
        "disks.xml": _disks(("svc1", "d1", "vm1", "vm1-os"), ("svc1", "d2", "vm2", "vm2-os")),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert _services(result) == [("svc1", "files", [("vms", ["vm1", "vm2"])])]
    assert not result.estate.cloud_services[0].placements[0].deployment_named


def test_messages_and_commands_name_the_stated_deployment(tmp_path, monkeypatch):
    files = {
        "svc1/vm1.xml": _exported_vm("vm1"),
        "svc1/ServiceConfiguration.cscfg": CONFIGURATION,
        "disks.xml": _disks(("svc1", "d1", "vm1", "vm1-os")),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    [mig105] = [f for f in result.findings if f.code == "MIG105"]
    assert mig105.message.startswith("deployment 'd1' of cloud service 'svc1' is in no virtual network")
    [step] = [s for s in build_plan(result).steps if s.kind is StepKind.SERVICE]
    assert "-ServiceName 'svc1' -DeploymentName 'd1'" in step.powershell.prepare[0]


GET_AZURE_DISK = """\
[
  {
    "DiskName": "vm1-os",
    "MediaLink": "https://acct.blob.core.windows.net/vhds/vm1-os.vhd",
    "AttachedTo": {"HostedServiceName": "svc1", "DeploymentName": "prod", "RoleName": "vm1"}
  }
]
"""


def test_a_get_azuredisk_export_states_the_deployment_alike(tmp_path, monkeypatch):
    files = {"vms/vm1.xml": _exported_vm("vm1"), "disks.json": GET_AZURE_DISK}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert _services(result) == [("svc1", "files", [("prod", ["vm1"])])]
