"""What a Python script leaves its VMs as: a VM it shuts down is in that state after it (stopped
(deallocated) with `post_shutdown_action='StoppedDeallocated'`, stopped and allocated with the SDK's default),
and MIG105 and the plan say each VM by it. A virtual network read with `.get()` from a table the script does
not state may be None: the VMs may be in no virtual network (MIG105) and, given no subnet, may be in one
without a subnet (MIG203)."""

from __future__ import annotations

from lint_support import lint_files

HEAD = """\
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService

sms = ServiceManagementService("subscription-id", "management.pem")


def linux():
    return LinuxConfigurationSet("host", "user", "password", False)


def disk(name):
    return OSVirtualHardDisk("image", "https://store.blob.core.windows.net/vhds/%s.vhd" % name)


sms.create_virtual_machine_deployment("jump", "jump", "production", "jump", "jump01", linux(), disk("jump01"))
sms.add_role("jump", "jump", "jump02", linux(), disk("jump02"))
"""


def _mig105(tmp_path, monkeypatch, tail: str) -> str:
    files = {"deploy.py": HEAD + tail}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG105").findings
    return finding.message


def test_a_vm_shut_down_deallocated_moves_so_and_one_stopped_is_not_restarted(tmp_path, monkeypatch):
    message = _mig105(
        tmp_path,
        monkeypatch,
        'sms.shutdown_role("jump", "jump", "jump01", post_shutdown_action="StoppedDeallocated")\n'
        'sms.shutdown_role("jump", "jump", "jump02")\n',
    )
    assert "deallocates 'jump02', stopped, without starting it" in message
    assert "moves 'jump01', stopped (deallocated) already, into one" in message


def test_shutdown_roles_names_each_vm_and_a_start_brings_one_back(tmp_path, monkeypatch):
    message = _mig105(
        tmp_path,
        monkeypatch,
        'sms.shutdown_roles("jump", "jump", ["jump01", "jump02"], "StoppedDeallocated")\n'
        'sms.start_role("jump", "jump", "jump02")\n',
    )
    assert "stops, deallocates and restarts 'jump02'" in message
    assert "moves 'jump01', stopped (deallocated) already, into one" in message


def test_the_plan_step_says_the_same(plan_of):
    tail = 'sms.shutdown_roles("jump", "jump", ["jump01", "jump02"], post_shutdown_action="StoppedDeallocated")\n'
    [step] = [s for s in plan_of({"deploy.py": HEAD + tail}).steps if s.id.startswith("service:")]
    assert step.downtime.startswith("The VMs are stopped (deallocated) already and move so")


def test_a_shutdown_that_may_not_run_or_of_an_unstated_action_says_nothing_of_the_state(
    tmp_path, monkeypatch
):
    tail = (
        "import sys\n"
        "if len(sys.argv) > 1:\n"
        '    sms.shutdown_role("jump", "jump", "jump01", post_shutdown_action="StoppedDeallocated")\n'
        'sms.shutdown_role("jump", "jump", "jump02", post_shutdown_action=sys.argv[2])\n'
    )
    message = _mig105(tmp_path, monkeypatch, tail)
    assert "stops, deallocates and restarts 'jump01', 'jump02', whose" in message


NETWORK_FROM_PARAMS = """\
from azure.servicemanagement import ConfigurationSet, ServiceManagementService


def create(module, sms):
    vnet = module.params.get("virtual_network_name")
    network = ConfigurationSet()
    network.subnet_names = []
    sms.create_virtual_machine_deployment(
        "web", "web", "production", "web", "web01", None, None, network, virtual_network_name=vnet
    )


def main():
    module = AnsibleModule(argument_spec=dict(virtual_network_name=dict(default=None)))
    create(module, ServiceManagementService("subscription-id", "management.pem"))
"""


def test_a_network_read_with_get_may_be_none(tmp_path, monkeypatch):
    files = {"vm.py": NETWORK_FROM_PARAMS}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG105").findings
    assert "may be in no virtual network" in finding.message
    assert finding.location.line == 8


def test_with_no_subnet_it_may_be_in_a_network_without_one(tmp_path, monkeypatch):
    files = {"vm.py": NETWORK_FROM_PARAMS}
    [finding] = lint_files(tmp_path, monkeypatch, files, "MIG203").findings
    assert finding.severity.name == "WARNING"
    assert (
        "VM 'web01' of cloud service 'web' has no subnet and may be in a virtual network" in finding.message
    )
    # A warning of what may be: the fix starts with giving the VM a subnet, not deleting it.
    assert finding.fix.startswith("Give the VM a subnet wherever the script puts its deployment in a network")


def test_a_get_whose_default_is_written_none_may_be_none_too(tmp_path, monkeypatch):
    script = NETWORK_FROM_PARAMS.replace('"virtual_network_name")\n', '"virtual_network_name", None)\n', 1)
    script = script.replace("dict(default=None)", "dict(required=True)")
    findings = lint_files(tmp_path, monkeypatch, {"vm.py": script}, "MIG105").findings
    assert [f.location.line for f in findings] == [8]


def test_a_get_the_script_states_no_none_default_for_is_no_path_into_no_network(tmp_path, monkeypatch):
    # A default that names a network, an option the spec requires or gives no default of None, a plain
    # parameter: each is a network the script does not state, never none (as `os.environ.get(key)` is):
    # no MIG105, and its VM, given no subnet, is surely in a network without one (MIG203).
    for old, new in (
        (
            'module.params.get("virtual_network_name")',
            'module.params.get("virtual_network_name", "prod-vnet")',
        ),
        ("dict(default=None)", "dict(required=True)"),
        ("dict(default=None)", 'dict(default="prod-vnet")'),
        ('module.params.get("virtual_network_name")', "module"),
    ):
        files = {"vm.py": NETWORK_FROM_PARAMS.replace(old, new)}
        findings = lint_files(tmp_path, monkeypatch, files, "MIG105", "MIG203").findings
        assert [(f.code, f.severity.name) for f in findings] == [("MIG203", "ERROR")], new
        assert "is in virtual network '<virtual network name, vm.py:" in findings[0].message
