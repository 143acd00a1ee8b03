"""MIG105 and the plan's step say what Prepare does to each VM of a deployment in no virtual network by its
state: a VM stopped and not deallocated (`StoppedVM`) is deallocated and not started again."""

from __future__ import annotations

from lint_support import lint_files

STOPPED = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>svc15</Name>
  <RoleInstanceList>
    <RoleInstance><RoleName>vm1</RoleName><InstanceName>vm1</InstanceName>
      <InstanceStatus>StoppedVM</InstanceStatus><PowerState>Stopped</PowerState></RoleInstance>
    <RoleInstance><RoleName>vm2</RoleName><InstanceName>vm2</InstanceName>
      <InstanceStatus>ReadyRole</InstanceStatus><PowerState>Started</PowerState></RoleInstance>
  </RoleInstanceList>
  <RoleList>
    <Role><RoleName>vm1</RoleName><RoleType>PersistentVMRole</RoleType></Role>
    <Role><RoleName>vm2</RoleName><RoleType>PersistentVMRole</RoleType></Role>
  </RoleList>
</Deployment>
"""


def test_mig105_does_not_say_a_stopped_vm_is_restarted(tmp_path, monkeypatch):
    [finding] = lint_files(tmp_path, monkeypatch, {"svc15.deployment.xml": STOPPED}, "MIG105").findings
    assert "stops, deallocates and restarts 'vm2'; deallocates 'vm1', stopped, without starting it;" in (
        finding.message
    )


def test_the_plan_step_says_the_same_of_each_vm(plan_of):
    [step] = [s for s in plan_of({"svc15.deployment.xml": STOPPED}).steps if s.id.startswith("service:")]
    assert step.downtime.startswith(
        "'vm2' is stopped, deallocated and started again during Prepare; 'vm1', stopped, is deallocated "
        "during Prepare and not started"
    )


def test_a_body_trimmed_of_the_instance_status_is_read_by_its_power_state(tmp_path, monkeypatch):
    """A REST body saved by hand without `InstanceStatus` still says the VM is stopped by its `PowerState`;
    where both are written, the instance status (which tells deallocated apart) is the one read."""
    trimmed = STOPPED.replace("<InstanceStatus>StoppedVM</InstanceStatus>", "")
    [finding] = lint_files(tmp_path, monkeypatch, {"svc15.deployment.xml": trimmed}, "MIG105").findings
    assert "deallocates 'vm1', stopped, without starting it" in finding.message
