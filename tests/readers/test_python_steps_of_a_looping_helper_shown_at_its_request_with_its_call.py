"""A Python helper that loops over the migration steps of the one resource it is given (`def migrate(path):
for step in ('validate', 'prepare', 'commit'): sms.perform_post(...)`) runs the steps of that resource at
each of its calls: each step is shown at the helper's request, as PowerShell shows a function's steps at its
command, with the call that names its resource as context (`MigrationStep.called_at`), which a MIG602
message names. A call that leads to the steps of several resources (a `main()`) is not that call."""

from __future__ import annotations

from lint_support import lint_files, where

from migcheck.model import Script

PATH = "deploy/migrate.py"

NETWORK = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="Shared-VNet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.5.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="Web"><AddressPrefix>10.5.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

HELPER = """\
from azure.servicemanagement import ServiceManagementService

SUB = "00000000-0000-0000-0000-000000000000"
sms = ServiceManagementService(SUB, "mgmt.pem")

def migrate(path):
    for step in ("validate", "prepare", "commit"):
        sms.perform_post("/%s/%s/migration?comp=%s" % (SUB, path, step), "")

"""


def _steps(read, script: str) -> list[tuple[str, str, int]]:
    """(step, target, the line of the call that runs it) of each step, all sent by the request on line 8."""
    (found,) = [r for r in read(PATH, script).resources if isinstance(r, Script)]
    assert {s.mark.line for s in found.migration} == {8}
    return [(s.step, s.target, s.called_at.line if s.called_at else 0) for s in found.migration]


def test_each_step_of_a_looping_helper_is_run_by_the_call_that_names_its_resource(read):
    steps = _steps(
        read,
        HELPER
        + 'migrate("services/storageservices/appstore")\n'
        + 'migrate("services/networking/virtualnetwork/Shared-VNet")\n',
    )
    assert steps == [
        ("validate", "appstore", 10),
        ("prepare", "appstore", 10),
        ("commit", "appstore", 10),
        ("validate", "Shared-VNet", 11),
        ("prepare", "Shared-VNet", 11),
        ("commit", "Shared-VNet", 11),
    ]


def test_a_call_that_runs_several_resources_is_passed_over_for_the_one_inside(read):
    steps = _steps(
        read,
        HELPER
        + "def main():\n"
        + '    migrate("services/storageservices/appstore")\n'
        + '    migrate("services/networking/virtualnetwork/Shared-VNet")\n'
        + "main()\n",
    )
    assert [line for _, _, line in steps] == [11, 11, 11, 12, 12, 12]


def test_mig602_of_a_storage_account_moved_first_is_at_the_request_with_its_call(tmp_path, monkeypatch):
    disks = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>app</Name><DeploymentSlot>Production</DeploymentSlot><VirtualNetworkName>Shared-VNet</VirtualNetworkName>
  <RoleList><Role><RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType>
    <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
      <SubnetNames><SubnetName>Web</SubnetName></SubnetNames></ConfigurationSet></ConfigurationSets>
    <OSVirtualHardDisk><MediaLink>https://appstore.blob.core.windows.net/vhds/app01.vhd</MediaLink>
    </OSVirtualHardDisk></Role></RoleList>
</Deployment>
"""
    files = {
        "NetworkConfig.netcfg": NETWORK,
        "app.deployment.xml": disks,
        "migrate.py": HELPER
        + 'migrate("services/storageservices/appstore")\n'
        + 'migrate("services/networking/virtualnetwork/Shared-VNet")\n',
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False)
    assert where(result.findings) == ["MIG602 migrate.py:8:13"]
    assert result.findings[0].message.endswith("(run by the call at line 10)")
