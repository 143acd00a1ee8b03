"""A cloud service whose deployments a script swaps (Move-AzureDeployment, the SDK's swap_deployment), or
whose staging deployment it names (`-Slot Staging`), has a staging deployment, and only a package's
deployment is ever in that slot: New-AzureVM and New-AzureQuickVM have no `-Slot`, a VM deployment is the
production one. So the service has web or worker roles (MIG101), as one deployed by New-AzureDeployment
does. Only MIG601 was said."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

SDK_SWAP = """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
sms.swap_deployment("svc", "prod-dep", "stage-dep")
"""


@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        ("swap.ps1", 'Move-AzureDeployment -ServiceName "svc"\n', "swapped by Move-AzureDeployment"),
        (
            "stage.ps1",
            'Set-AzureReservedIPAssociation -ReservedIPName "rip-stage" -ServiceName "svc" -Slot Staging\n',
            "named by Set-AzureReservedIPAssociation -Slot Staging",
        ),
        ("swap.py", SDK_SWAP, "swapped by swap_deployment"),
    ],
)
def test_the_service_has_web_or_worker_roles(tmp_path, monkeypatch, name, text, said):
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG101", dedent=False)
    assert [f.location.path for f in result.findings if f.location] == [name]
    assert "cloud service 'svc' has web or worker roles the files do not name" in result.findings[0].message
    assert said in result.findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        'Get-AzureDeployment -ServiceName "svc" -Slot Production\n',
        'Set-AzureReservedIPAssociation -ReservedIPName "rip" -ServiceName "svc"\n',
        # VMs the script puts in the service: a swap of it is the script's mistake, not a web role.
        'New-AzureQuickVM -Windows -ServiceName "svc" -Name vm1 -ImageName img -Password p -AdminUsername a\n'
        'Move-AzureDeployment -ServiceName "svc"\n',
    ],
)
def test_the_production_slot_or_a_vm_service_proves_nothing(tmp_path, monkeypatch, text):
    result = lint_files(tmp_path, monkeypatch, {"a.ps1": text}, "MIG101", dedent=False)
    assert where(result.findings) == []


def test_a_read_of_the_staging_slot_proves_nothing(tmp_path, monkeypatch):
    # A probe for a staging deployment (a status loop over both slots) fails or returns nothing when the
    # slot is empty: the VMs of a service so probed are no web or worker roles.
    probe = (
        'New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img | New-AzureVM -ServiceName "svc" '
        '-VNetName vnet1\nGet-AzureDeployment -ServiceName "svc" -Slot Staging -ErrorAction SilentlyContinue\n'
    )
    files = {"vm.ps1": probe.splitlines(keepends=True)[0], "probe.ps1": probe.splitlines(keepends=True)[1]}
    assert lint_files(tmp_path, monkeypatch, files, "MIG101", dedent=False).findings == []
