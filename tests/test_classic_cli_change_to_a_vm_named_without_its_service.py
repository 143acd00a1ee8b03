"""A classic CLI command that changes a VM named without its cloud service (`azure vm endpoint acl-rule
create jump01 ...` with no `-d`) changes the VM of that name: `-d, --dns-name` only filters the VMs the CLI
looks the name up in (vm._js: "filter VMs for the specified DNS name"), every cloud service of the
subscription without it. So the change is made to the one VM of that name the other files describe, else
to a VM of a cloud service no file states, which the rules see all the same; a name the files give VMs of
two services is one the CLI refuses ("VM name is not unique"), which MIG003 says. Each from a shell script,
and from a PowerShell script that runs the CLI."""

from __future__ import annotations

import json

import pytest
from lint_support import APP_VNET_NETCFG, lint_files, where

SCRIPTS = ["ops.sh", "ops.ps1"]

ACL = "azure vm endpoint acl-rule create jump01 ssh 100 permit 198.51.100.0/24\n"
BGINFO = "azure vm extension set jump01 BGInfo Microsoft.Compute 1.1\n"
# Where the findings are: at the endpoint the ACL is put on, at the extension's name.
ACL_AT, BGINFO_AT = ACL.index("ssh") + 1, BGINFO.index("BGInfo") + 1

# A GET of the deployment that holds the one VM jump01, in app-vnet: a body that names no cloud service.
DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>jump-svc</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>jump01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets>
        <ConfigurationSet>
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <InputEndpoints>
            <InputEndpoint><LocalPort>22</LocalPort><Name>SSH</Name><Port>22</Port><Protocol>tcp</Protocol></InputEndpoint>
          </InputEndpoints>
          <SubnetNames><SubnetName>web</SubnetName></SubnetNames>
        </ConfigurationSet>
      </ConfigurationSets>
      <RoleSize>Small</RoleSize>
    </Role>
  </RoleList>
  <VirtualNetworkName>app-vnet</VirtualNetworkName>
</Deployment>
"""

NETCFG = APP_VNET_NETCFG


def _lint(tmp_path, monkeypatch, files: dict[str, str], *codes: str):
    return lint_files(tmp_path, monkeypatch, files, *codes, dedent=False).findings


@pytest.mark.parametrize("name", SCRIPTS)
@pytest.mark.parametrize(
    ("change", "code", "column"),
    [
        (ACL, "MIG201", ACL_AT),
        (BGINFO, "MIG204", BGINFO_AT),
        (
            "azure vm extension set jump01 VMSnapshotLinux Microsoft.Azure.RecoveryServices 1.0\n",
            "MIG206",
            31,
        ),
        (
            "azure vm disk attach-new jump01 256 https://acct.blob.core.windows.net/vhds/2016/d.vhd\n",
            "MIG401",
            37,
        ),
    ],
)
def test_a_change_to_a_vm_no_file_describes_is_seen_by_the_rules(
    tmp_path, monkeypatch, name, change, code, column
) -> None:
    found = _lint(tmp_path, monkeypatch, {name: "azure config mode asm\n" + change}, code, "MIG003")
    assert where(found) == [f"{code} {name}:2:{column}"]


@pytest.mark.parametrize("name", SCRIPTS)
def test_every_change_to_the_vm_is_of_one_vm_of_a_service_no_file_states(tmp_path, monkeypatch, name) -> None:
    found = _lint(tmp_path, monkeypatch, {name: ACL + BGINFO}, "MIG201", "MIG204")
    assert where(found) == [f"MIG201 {name}:1:{ACL_AT}", f"MIG204 {name}:2:{BGINFO_AT}"]
    assert f"cloud service '<cloud service name, {name}:1>'" in found[0].message


@pytest.mark.parametrize("name", SCRIPTS)
def test_the_change_is_made_to_the_one_vm_of_that_name_another_file_describes(plan_of, name) -> None:
    files = {"jump-svc.deployment.xml": DEPLOYMENT, "NetworkConfig.netcfg": NETCFG, name: ACL + BGINFO}
    plan = plan_of(files)
    step = next(step for step in plan.steps if step.id == "network:app-vnet")
    assert where(step.blockers) == [f"MIG201 {name}:1:{ACL_AT}"]
    assert "VM 'jump01' in deployment 'jump-svc'" in step.blockers[0].message
    # No service of a stand-in holds a VM jump01 of its own.
    assert not any("cloud service name" in step.id for step in plan.steps), [step.id for step in plan.steps]


@pytest.mark.parametrize("name", SCRIPTS)
def test_changes_from_two_scripts_are_of_one_vm(tmp_path, monkeypatch, name) -> None:
    found = _lint(tmp_path, monkeypatch, {name: ACL, "more.sh": BGINFO}, "MIG201", "MIG204")
    services = {f.message.split("cloud service ")[-1] for f in found if f.code == "MIG201"}
    assert where(found) == sorted(
        [f"MIG201 {name}:1:{ACL_AT}", f"MIG204 more.sh:1:{BGINFO_AT}"], key=lambda w: w.split()[1]
    )
    assert len(services) == 1


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_name_the_files_give_vms_of_two_services_is_refused(tmp_path, monkeypatch, name) -> None:
    made = (
        "azure vm create svc-a img user pass --vm-name jump01 -l 'North Europe'\n"
        "azure vm create svc-b img user pass --vm-name jump01 -l 'North Europe'\n"
    )
    found = _lint(tmp_path, monkeypatch, {"make.sh": made, name: ACL}, "MIG201", "MIG003")
    assert where(found) == [f"MIG003 {name}:1:1"]
    assert "cloud service 'svc-a' and cloud service 'svc-b'" in found[0].message
    assert "-d <cloud service>" in found[0].fix


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_service_the_script_does_not_state_is_a_stand_in(tmp_path, monkeypatch, name) -> None:
    script = ACL.replace("create jump01", 'create -d "$SVC" jump01')
    found = _lint(tmp_path, monkeypatch, {name: script}, "MIG201")
    assert where(found) == [f"MIG201 {name}:1:{script.index('ssh') + 1}"]
    assert f"cloud service '<cloud service name, {name}:1>'" in found[0].message


def _vms(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    estates = lint_files(tmp_path, monkeypatch, files, dedent=False).estates
    return [vm.name for e in estates for s in e.cloud_services for p in s.placements for vm in p.vms]


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_vm_deleted_by_its_name_alone_is_the_one_another_file_describes(
    tmp_path, monkeypatch, name
) -> None:
    files = {"jump-svc.deployment.xml": DEPLOYMENT, "NetworkConfig.netcfg": NETCFG}
    assert _vms(tmp_path, monkeypatch, files) == ["jump01"]
    assert _vms(tmp_path, monkeypatch, {**files, name: "azure vm delete jump01 -q\n"}) == []


def test_a_service_whose_last_vm_a_script_deletes_is_gone(plan_of) -> None:
    named = DEPLOYMENT.replace(
        "<Name>jump-svc</Name>", "<Name>jump-svc</Name><Url>http://jump-svc.cloudapp.net/</Url>"
    )
    files = {
        "jump-svc.deployment.xml": named,
        "NetworkConfig.netcfg": NETCFG,
        "rm.sh": "azure vm delete -d jump-svc jump01 -q\n",
    }
    plan = plan_of(files)
    assert [step.id for step in plan.steps if step.id.startswith(("network:", "service:"))] == [
        "network:app-vnet"
    ]


# A Resource Graph row of VM jump01 of cloud service jump-svc, in app-vnet.
INVENTORY = {
    "count": 1,
    "data": [
        {
            "id": "/subscriptions/0000/resourceGroups/jump-svc/providers/Microsoft.ClassicCompute/virtualMachines/jump01",
            "name": "jump01",
            "type": "microsoft.classiccompute/virtualmachines",
            "location": "northeurope",
            "subscriptionId": "0000",
            "properties": {
                "domainName": {"name": "jump-svc", "type": "Microsoft.ClassicCompute/domainNames"},
                "hardwareProfile": {"size": "Small", "deploymentName": "jump-svc"},
                "networkProfile": {
                    "inputEndpoints": [
                        {"endpointName": "ssh", "privatePort": 22, "publicPort": 22, "protocol": "tcp"}
                    ],
                    "virtualNetwork": {"name": "app-vnet", "subnetNames": ["web"]},
                },
                "instanceView": {"status": "ReadyRole", "powerState": "Started"},
                "provisioningState": "Succeeded",
            },
        }
    ],
}


@pytest.mark.parametrize("name", SCRIPTS)
def test_the_vm_an_inventory_export_describes_takes_the_change_and_names_its_service(
    tmp_path, monkeypatch, name
) -> None:
    files = {"classic.json": json.dumps(INVENTORY), name: ACL}
    found = _lint(tmp_path, monkeypatch, files, "MIG201")
    assert where(found) == [f"MIG201 {name}:1:{ACL_AT}"]
    assert "VM 'jump01' in cloud service 'jump-svc'" in found[0].message


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_vm_deleted_by_a_name_the_files_give_vms_of_two_services_is_refused(
    tmp_path, monkeypatch, name
) -> None:
    made = (
        "azure vm create svc-a img user pass --vm-name jump01 -l 'North Europe'\n"
        "azure vm create svc-b img user pass --vm-name jump01 -l 'North Europe'\n"
    )
    found = _lint(tmp_path, monkeypatch, {"make.sh": made, name: "azure vm delete jump01 -q\n"}, "MIG003")
    assert where(found) == [f"MIG003 {name}:1:1"]
    assert "deletes VM 'jump01'" in found[0].message
    assert "cloud service 'svc-a' and cloud service 'svc-b'" in found[0].message
    assert _vms(tmp_path, monkeypatch, {"make.sh": made, name: "azure vm delete jump01 -q\n"}) == [
        "jump01",
        "jump01",
    ]
