"""Names a PowerShell script does not state (a parameter, a row of a CSV file, a package's roles) are shown as
stand-ins that say what they name and where the script passes them (`<VM name, deploy.ps1:3>`), never as the
expression that holds them: `$vmName` reads as a VM of that name in a message, and the plan would write it
into commands (`-ServiceName '$serviceName'`, which PowerShell does not expand inside single quotes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.model import Deployment, Document, Role
from migcheck.plan import build_plan
from migcheck.plugins import load_rules
from migcheck.report.plan_format import render_plan

PATH = "deploy/vm.ps1"


def _deployments(doc: Document) -> list[Deployment]:
    return [r for r in doc.resources if isinstance(r, Deployment)]


def _lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> LintResult:
    (tmp_path / "deploy.ps1").write_text(script, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return lint(["."], Config(), load_rules(entry_points=False))


def _messages(result: LintResult, *codes: str) -> list[tuple[int, str]]:
    return [(f.location.line, f.message) for f in result.findings if f.code in codes]


def test_a_vm_and_service_the_script_does_not_state(read):
    doc = read(
        PATH,
        """
        param($serviceName, $vmName)
        $vm = New-AzureVMConfig -Name $vmName -InstanceSize Small -ImageName "img"
        New-AzureVM -ServiceName $serviceName -VMs $vm -Location "West Europe"
        """,
    )
    (deployment,) = _deployments(doc)
    assert (deployment.service_name, deployment.name) == (
        "",
        "<deployment name, -serviceName of the script, vm.ps1:3>",
    )
    assert [vm.name for vm in deployment.roles] == ["<VM name, vm.ps1:2>"]


def test_the_restart_warning_keeps_its_place_and_names_no_expression(tmp_path, monkeypatch):
    script = (
        "param($serviceName, $vmName)\n"
        '$vm = New-AzureVMConfig -Name $vmName -InstanceSize Small -ImageName "img"\n'
        'New-AzureVM -ServiceName $serviceName -VMs $vm -Location "West Europe"\n'
    )
    result = _lint(tmp_path, monkeypatch, script)
    assert _messages(result, "MIG105") == [
        (
            3,
            "cloud service '<cloud service name, -serviceName of the script, deploy.ps1:3>' is in no virtual network: "
            "migration stops, deallocates "
            "and restarts '<VM name, deploy.ps1:2>', whose internal IP addresses change; it has no input "
            "endpoint, so its VIP is not migrated and it gets no public address",
        )
    ]
    text = render_plan(build_plan(result), "text")
    assert (
        "-ServiceName '<cloud service name, -serviceName of the script, deploy.ps1:3>' "
        "-DeploymentName '<deployment name, -serviceName of the script, deploy.ps1:3>'" in text
    )
    assert "'$" not in text


def test_an_acl_on_the_endpoints_of_a_csv_file(tmp_path, monkeypatch):
    script = (
        "Import-Csv addACL.csv | foreach {\n"
        "    $vm = Get-AzureVM -ServiceName $_.ServiceName -Name $_.VMName\n"
        "    $acl = $vm | Get-AzureAclConfig -EndpointName $_.EndpointName\n"
        "    Set-AzureAclConfig -AddRule -ACL $acl -Order 100 -Action Permit -RemoteSubnet $_.RemoteSubnet\n"
        "    $vm | Set-AzureEndpoint -ACL $acl -Name $_.EndpointName | Update-AzureVM\n"
        "}\n"
    )
    assert _messages(_lint(tmp_path, monkeypatch, script), "MIG201") == [
        (
            5,
            "endpoint '<endpoint name, deploy.ps1:5>' of VM '<VM name, deploy.ps1:2>' in cloud service "
            "'<cloud service name, deploy.ps1:2>' has an access control list",
        )
    ]


def test_an_acl_counts_its_rules_only_when_the_script_says_all_of_them(tmp_path, monkeypatch):
    """Rules added to an existing VM's ACL (Get-AzureAclConfig), in a loop or under a test the script does
    not decide are not all of them: the message does not count them."""
    made = (
        '$vm = New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName $image\n'
        "$acl = New-AzureAclConfig\n"
        'Set-AzureAclConfig -AddRule -ACL $acl -Order 100 -Action Permit -RemoteSubnet "10.0.0.0/8"\n'
        "{more}"
        'Add-AzureEndpoint -Name "RDP" -Protocol tcp -LocalPort 3389 -PublicPort 3389 -ACL $acl -VM $vm\n'
        'New-AzureVM -ServiceName "shop" -VMs $vm -Location "West Europe"\n'
    )
    second = 'Set-AzureAclConfig -AddRule -ACL $acl -Order 200 -Action Deny -RemoteSubnet "0.0.0.0/0"\n'
    counted = _messages(_lint(tmp_path, monkeypatch, made.format(more=second)), "MIG201")
    assert counted[0][1].endswith("has an access control list (2 rules)")
    for more in (f"if ($Strict) {{ {second} }}\n", f"foreach ($ip in $Blocked) {{ {second} }}\n"):
        uncounted = _messages(_lint(tmp_path, monkeypatch, made.format(more=more)), "MIG201")
        assert uncounted[0][1].endswith("has an access control list"), more


def test_the_roles_of_a_package_are_not_named_after_the_package_or_the_service(read):
    doc = read(
        PATH,
        """
        param($service)
        New-AzureDeployment -ServiceName "shop" -Slot Production -Package "C:\\out\\Shop.Web.Azure.cspkg" -Configuration c
        Set-AzureDeployment -Upgrade -ServiceName "shop" -Slot Production -Package "C:\\out\\Shop.Next.cspkg" -Configuration c
        Set-AzureDeployment -Upgrade -ServiceName $service -Slot Production `
            -Package $package -Configuration c
        Set-AzureDeployment -Upgrade -ServiceName "api" -Package p.cspkg -Configuration c -RoleName "WebRole1"
        """,
    )
    roles = {d.name: [(r.name, r.is_vm) for r in d.roles] for d in _deployments(doc)}
    assert roles == {
        "shop": [("<role name, vm.ps1:2>", False)],  # every package of the service, as one
        # where the package is named
        "<deployment name, -service of the script, vm.ps1:4>": [("<role name, vm.ps1:5>", False)],
        "api": [("WebRole1", False)],
    }


def test_a_web_role_deployment_the_script_does_not_name(tmp_path, monkeypatch):
    script = (
        "param($MyServiceName, $MyPackageFilePath)\n"
        "Set-AzureDeployment `\n"
        "    -ServiceName $MyServiceName `\n"
        "    -Slot Production `\n"
        "    -Package $MyPackageFilePath `\n"
        "    -Configuration c.cscfg -Mode Simultaneous -Upgrade\n"
    )
    ((line, message),) = _messages(_lint(tmp_path, monkeypatch, script), "MIG101")
    assert line == 2
    assert message.startswith(
        "cloud service '<cloud service name, -MyServiceName of the script, deploy.ps1:3>' has web or worker "
        "roles the files do not name "
        "(upgraded from a service package by Set-AzureDeployment -Upgrade"
    )


def test_a_load_balanced_set_the_script_does_not_name(read):
    doc = read(
        PATH,
        """
        param($set)
        $acl = New-AzureAclConfig
        Set-AzureLoadBalancedEndpoint -ServiceName "svc1" -LBSetName $set -ACL $acl
        """,
    )
    (vms,) = _deployments(doc)[0].roles
    assert vms.name == "<VMs of a load-balanced set, vm.ps1:3>"
    assert [e.name for e in vms.endpoints] == ["<endpoints of a load-balanced set, vm.ps1:3>"]


def test_endpoints_extensions_and_load_balancers_the_script_does_not_name(read):
    doc = read(
        PATH,
        """
        param($name, $ilb, $version)
        $vm = New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName "img" |
            Add-AzureEndpoint -Name $name -Protocol tcp -LocalPort 80 -PublicPort 80 -InternalLoadBalancerName $ilb |
            Set-AzureVMExtension -ExtensionName "WebDeployForVSDevTest" -Publisher "Microsoft.VisualStudio.WindowsAzure.DevTest" -Version $version
        New-AzureVM -ServiceName "svc1" -VMs $vm -Location "West Europe"
        """,
    )
    (vm,) = _deployments(doc)[0].roles
    (endpoint,) = vm.endpoints
    assert (endpoint.name, endpoint.load_balancer) == (
        "<endpoint name, vm.ps1:3>",
        "<internal load balancer name, vm.ps1:3>",
    )
    assert not endpoint.is_public  # on an internal load balancer, whichever
    assert vm.extensions[0].version == ""  # not `$version`


def test_each_name_the_script_does_not_state_is_a_vm_of_its_own_in_the_summary(tmp_path, monkeypatch):
    """Two files that create a VM of a service they do not state: two services, told apart by where each is
    passed (they may well be one, which the files do not say)."""
    vm = '$vm = New-AzureVMConfig -Name $vmName -InstanceSize Small -ImageName "img"\n'
    (tmp_path / "a.ps1").write_text(vm + "New-AzureVM -ServiceName $serviceName -VMs $vm\n", encoding="utf-8")
    (tmp_path / "b.ps1").write_text(vm + "New-AzureVM -ServiceName $serviceName -VMs $vm\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint(["."], Config(), load_rules(entry_points=False))
    services = [(s.label, [vm.name for vm in s.vms]) for s in result.estate.cloud_services]
    assert services == [
        ("cloud service '<cloud service name, a.ps1:2>'", ["<VM name, a.ps1:1>"]),
        ("cloud service '<cloud service name, b.ps1:2>'", ["<VM name, b.ps1:1>"]),
    ]


def test_a_name_the_script_states_is_its_own(read):
    doc = read(
        PATH,
        """
        $service = "shop"
        New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName "img" | New-AzureVM -ServiceName $service -Location l
        """,
    )
    (deployment,) = _deployments(doc)
    assert (deployment.service_name, deployment.name) == ("shop", "shop")
    assert [r.name for r in deployment.roles if isinstance(r, Role)] == ["web01"]


def test_two_services_of_unstated_names_keep_their_stand_ins_in_the_plan(tmp_path, monkeypatch):
    script = (
        "param($web, $db)\n"
        'New-AzureQuickVM -Windows -ServiceName $web -Name "web1" -ImageName "img" -Location "West Europe"\n'
        'New-AzureQuickVM -Windows -ServiceName $db -Name "db1" -ImageName "img" -Location "West Europe"\n'
    )
    text = render_plan(build_plan(_lint(tmp_path, monkeypatch, script)), "text")
    for name, line in (("web", 2), ("db", 3)):
        assert (
            f"resource group '<cloud service name, -{name} of the script, deploy.ps1:{line}>-Migrated'"
            in text
        )
    assert "'<cloud service name>-Migrated'" not in text
