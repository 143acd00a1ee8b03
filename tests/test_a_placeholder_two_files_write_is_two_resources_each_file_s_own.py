"""A name a file writes for its user to fill in (`'[MY VM NAME]'`, `'<your-service>'`, `'%s-web'`: no cloud
service, VM, storage account or network can be so named; nor `'Cloud Service Name'` a cloud service) is that
file's own, as the stand-ins migcheck makes
for names a script does not state are: two template scripts that write `'[UNIQUE SERVICE NAME]'` describe two
cloud services, each filled in by its user, and their VMs are two, where they were joined as one service and
one VM, described differently (a false MIG004). Each row says which file it is in. Like the stand-ins, such a
name is no finding of its own: the readiness rows and the plan's steps say it is a placeholder."""

from __future__ import annotations

import pytest
from lint_support import lint_files, rest_vm_deployment, where

SCRIPT = """\
$serviceName = '{service}'
$vm1 = New-AzureVMConfig -Name '{vm}' -InstanceSize Small -ImageName 'img' |
    Add-AzureEndpoint -Name '{endpoint}' -LocalPort {port} -Protocol tcp
New-AzureVM -ServiceName $serviceName -Location 'West US' -VMs $vm1
"""
ENDPOINT = (
    "<InputEndpoint><Name>{endpoint}</Name><Port>{port}</Port><LocalPort>{port}</LocalPort>"
    "<Protocol>tcp</Protocol></InputEndpoint>"
)
BODY = """\
<HostedService xmlns="http://schemas.microsoft.com/windowsazure">
  <ServiceName>{service}</ServiceName>
  <Deployments>
{deployment}
  </Deployments>
</HostedService>
"""


def _scripts(service: str, vm: str) -> dict[str, str]:
    return {
        "web.ps1": SCRIPT.format(service=service, vm=vm, endpoint="http", port=80),
        "rdp.ps1": SCRIPT.format(service=service, vm=vm, endpoint="Remote Desktop", port=3389),
    }


def _bodies(service: str, vm: str) -> dict[str, str]:
    return {
        f"{name}/service.xml": BODY.format(
            service=service,
            deployment=rest_vm_deployment(service, "Production", vm, ENDPOINT.format(endpoint=e, port=p), ""),
        )
        for name, e, p in (("web", "http", 80), ("rdp", "RDP", 3389))
    }


@pytest.mark.parametrize(
    ("service", "vm"),
    [
        ("[UNIQUE SERVICE NAME]", "[MY VM NAME]"),
        ("<your-service>", "<your-vm>"),
        ("%s-svc", "%s-vm"),
        ("Cloud Service Name", "VM Name"),  # no cloud service's DNS name holds a space
    ],
)
def test_two_scripts_that_write_one_placeholder_create_two_services(tmp_path, monkeypatch, service, vm):
    result = lint_files(tmp_path, monkeypatch, _scripts(service, vm), "MIG004", "MIG105", dedent=False)
    assert sorted(where(result.findings)) == ["MIG105 rdp.ps1:4:1", "MIG105 web.ps1:4:1"]
    (estate,) = result.estates
    assert [(s.name, s.mark.path, [vm.name for vm in s.vms]) for s in estate.cloud_services] == [
        (service, "rdp.ps1", [vm]),
        (service, "web.ps1", [vm]),
    ]


def test_two_request_bodies_that_write_one_placeholder_are_two_services(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, _bodies("[SERVICE NAME]", "[VM NAME]"), "MIG004", dedent=False)
    assert result.findings == []
    (estate,) = result.estates
    assert sorted(s.mark.path for s in estate.cloud_services) == ["rdp/service.xml", "web/service.xml"]


def test_two_files_that_write_one_name_still_describe_one_service(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, _scripts("shop", "web1"), "MIG004", dedent=False)
    assert [f.message.split(":")[0] for f in result.findings] == [
        "VM 'web1' of cloud service 'shop' is described differently here than at rdp.ps1"
    ]
