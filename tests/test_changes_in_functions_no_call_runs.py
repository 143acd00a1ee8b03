"""A change to a VM that exists, in a function the file defines and never calls, is read as a VM the same
function would create is: its parameters are values the script does not state, so the VM and its deployment
are named by stand-ins (`<VM name, Set-AzACL.ps1:3>`), and what the change gives the VM is there for the
rules. A tool function such as `Set-AzACL` (`Get-AzureVM ... | Set-AzureEndpoint -ACL $acl | Update-AzureVM`,
in a module or a script others dot-source) sets an ACL that blocks migration on whatever VM it is run for
(vm-migration-overview: "Endpoint ACLs. | Remove Endpoint ACLs and retry migration."). The Python reader reads
such a function's calls so already (`update_role`, a role body sent with `perform_put`)."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Role

PS_FUNCTION = """\
function Set-It {{
    param($ServiceName, $VMName)
    $vm = Get-AzureVM -ServiceName $ServiceName -Name $VMName
    {change}
}}
"""

# Each kind of change piped from Get-AzureVM to Update-AzureVM, with what the VM then has.
PS_CHANGES = {
    "acl": (
        "$acl = New-AzureAclConfig\n"
        "    Set-AzureAclConfig -AddRule -ACL $acl -Order 1 -Action Deny -RemoteSubnet '10.0.0.1/32'\n"
        "    Set-AzureEndpoint -ACL $acl -Name 'Web' -VM $vm | Update-AzureVM",
        "MIG201",
    ),
    "extension": (
        "$vm | Set-AzureVMExtension -ExtensionName 'VMSnapshot' -Publisher 'Microsoft.Azure.RecoveryServices' "
        "-Version '1.0' | Update-AzureVM",
        "MIG206",
    ),
    "subnets": ("$vm | Set-AzureSubnet -SubnetNames 'a','b' | Update-AzureVM", "MIG202"),
}

PS_FACTS = {
    "static IP": (
        "$vm | Set-AzureStaticVNetIP -IPAddress '10.0.0.4' | Update-AzureVM",
        lambda vm: [ip.name for ip in vm.static_ips] == ["10.0.0.4"],
    ),
    "endpoint": (
        "$vm | Add-AzureEndpoint -Name 'Web' -Protocol tcp -LocalPort 80 -PublicPort 80 | Update-AzureVM",
        lambda vm: [e.name for e in vm.endpoints] == ["Web"],
    ),
    "public IP": (
        "$vm | Set-AzurePublicIP -PublicIPName 'pip' | Update-AzureVM",
        lambda vm: [ip.name for ip in vm.public_ips] == ["pip"],
    ),
}


def _changed_vm(result) -> Role:
    (service,) = result.estate.cloud_services
    (vm,) = service.vms
    assert vm.changes_existing and vm.name.startswith("<VM name")
    return vm


@pytest.mark.parametrize("path", ["tools.ps1", "Tools.psm1"])
@pytest.mark.parametrize("kind", list(PS_CHANGES))
def test_a_blocker_a_function_no_call_runs_gives_a_vm_is_reported(tmp_path, monkeypatch, kind, path) -> None:
    change, code = PS_CHANGES[kind]
    result = lint_files(tmp_path, monkeypatch, {path: PS_FUNCTION.format(change=change)}, dedent=False)
    (finding,) = [f for f in result.findings if f.code == code]
    assert "<VM name, " in finding.message
    _changed_vm(result)


@pytest.mark.parametrize("kind", list(PS_FACTS))
def test_each_kind_of_change_is_read(tmp_path, monkeypatch, kind) -> None:
    change, has = PS_FACTS[kind]
    result = lint_files(tmp_path, monkeypatch, {"tools.ps1": PS_FUNCTION.format(change=change)}, dedent=False)
    assert has(_changed_vm(result))


def test_a_tool_function_with_begin_and_process_blocks(tmp_path, monkeypatch) -> None:
    # The shape of a published tool: an advanced function, its VM got in `Begin`, the ACL saved in `Process`.
    script = """\
function Set-AzACL {
    [CmdletBinding(ConfirmImpact='High')]
    Param(
        [Parameter(Mandatory=$true)] [String]$VMName,
        [Parameter(Mandatory=$true)] [String]$EndPointName
    )
    Begin {
        $ServiceName = (Get-AzureVM -ErrorAction Stop | where { $_.Name -eq $VMName }).ServiceName
        $objVM = Get-AzureVM -Name $VMName -ServiceName $ServiceName
    }
    Process {
        $ACL = Get-AzureAclConfig -EndpointName $EndPointName -VM $objVM
        Set-AzureAclConfig -AddRule Deny -RemoteSubnet "10.0.0.1/32" -Description "x" -ACL $ACL | Out-Null
        $Result = Set-AzureEndpoint \u2013ACL $ACL \u2013Name $EndPointName -VM $objVM | Update-AzureVM
    }
}
"""
    result = lint_files(tmp_path, monkeypatch, {"Set-AzACL.ps1": script}, dedent=False)
    (mig201,) = [f for f in result.findings if f.code == "MIG201"]
    assert mig201.location.line == 14
    _changed_vm(result)


def test_called_or_not_the_function_changes_the_vm_alike(tmp_path, monkeypatch) -> None:
    change, _ = PS_CHANGES["acl"]
    uncalled = PS_FUNCTION.format(change=change)
    called = uncalled + "Set-It -ServiceName 'svc1' -VMName 'vm1'\n"
    found = []
    for name, text in (("uncalled", uncalled), ("called", called)):
        result = lint_files(tmp_path / name, monkeypatch, {"tools.ps1": text}, dedent=False)
        found.append(sorted((f.code, str(f.severity)) for f in result.findings))
    assert found[0] == found[1]


PY_FUNCTIONS = {
    "subnets": (
        "def move(sms: ServiceManagementService, service, vm):\n"
        "    network = ConfigurationSet()\n"
        "    network.subnet_names.append('a')\n"
        "    network.subnet_names.append('b')\n"
        "    sms.update_role(service, service, vm, network_config=network)\n",
        "MIG202",
    ),
    "extension": (
        "def protect(sms: ServiceManagementService, service, vm):\n"
        "    ext = ResourceExtensionReference('VMSnapshot', 'Microsoft.Azure.RecoveryServices', 'VMSnapshot', "
        "'1.0')\n"
        "    sms.update_role(service, service, vm, resource_extension_references=[ext])\n",
        "MIG206",
    ),
    "acl": (
        "def set_acl(sms: ServiceManagementService, service, vm):\n"
        "    path = '/sub/services/hostedservices/{0}/deployments/{0}/roles/{1}'.format(service, vm)\n"
        "    sms.perform_put(path, BODY)\n",
        "MIG201",
    ),
}

PY_HEAD = """\
from azure.servicemanagement import ConfigurationSet, ResourceExtensionReference, ServiceManagementService

BODY = (
    '<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure"><RoleName>vm</RoleName>'
    '<ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>'
    '<InputEndpoints><InputEndpoint><LocalPort>80</LocalPort><Name>web</Name><Port>80</Port>'
    '<Protocol>tcp</Protocol><EndpointAcl><Rules><Rule><Order>1</Order><Action>permit</Action>'
    '<RemoteSubnet>10.0.0.0/8</RemoteSubnet></Rule></Rules></EndpointAcl></InputEndpoint></InputEndpoints>'
    '</ConfigurationSet></ConfigurationSets></PersistentVMRole>'
)


"""


@pytest.mark.parametrize("kind", list(PY_FUNCTIONS))
def test_python_reads_a_change_in_a_function_no_call_runs(tmp_path, monkeypatch, kind) -> None:
    function, code = PY_FUNCTIONS[kind]
    in_a_method = "class Tool:\n" + "".join(
        f"    {line}\n" if line else "\n" for line in function.split("\n")
    )
    for name, text in (("function", function), ("method", in_a_method.replace("(sms:", "(self, sms:"))):
        result = lint_files(tmp_path / name, monkeypatch, {"tool.py": PY_HEAD + text}, dedent=False)
        assert [f.code for f in result.findings if f.code == code] == [code], name
