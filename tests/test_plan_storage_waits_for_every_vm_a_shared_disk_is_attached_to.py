"""A storage account's step waits for every step that moves a VM with a disk in it: where conflicting files
attach one blob to two VMs (MIG004), both VMs' steps, since the files do not say which one has it."""

from __future__ import annotations

DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>unknown_yet</Name>
  <RoleList>
    <Role>
      <RoleName>vm01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <OSVirtualHardDisk>
        <DiskName>disk004</DiskName>
        <MediaLink>http://storageaccount001.blob.core.windows.net/vhds/disk004.vhd</MediaLink>
      </OSVirtualHardDisk>
    </Role>
  </RoleList>
  {network}
</Deployment>
"""


def test_the_account_of_one_blob_two_vms_have_waits_for_both_steps(plan_of) -> None:
    plan = plan_of(
        {
            "assets/create_deployment_key.xml": DEPLOYMENT.format(network=""),
            "assets/create_deployment_virtual_network.xml": DEPLOYMENT.format(
                network="<VirtualNetworkName>test-network</VirtualNetworkName>"
            ),
        }
    )
    (subscription,) = plan.subscriptions
    steps = {step.id: step for step in subscription.steps}
    moving = [step.id for step in subscription.steps if step.kind.name in ("NETWORK", "SERVICE")]
    assert len(moving) == 2
    assert sorted(steps["storage:storageaccount001"].after) == sorted(moving)
