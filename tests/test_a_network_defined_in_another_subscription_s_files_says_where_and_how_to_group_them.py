"""Two network configurations in two folders make two subscriptions where no setting says which files are
one (`[tool.migcheck.subscriptions]`), and the files beside neither are a third, `default`. A network that
those files use and one of the network configurations defines is then not defined in its subscription's
files: the readiness summary and the plan's note say which file defines it and that the setting groups
them, where they said it was defined in none of the files checked, whatever the format that uses it."""

from __future__ import annotations

import json

import pytest
from lint_support import APP_VNET_NETCFG, CONTOSO_NETCFG, RULES, lint_files

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plan import build_plan
from migcheck.report import text
from migcheck.report.plan_format import render_plan

NETWORKS = {"network/NetworkConfig.netcfg": APP_VNET_NETCFG, "team/NetworkConfig.netcfg": CONTOSO_NETCFG}
IN_APP_VNET = {
    "powershell": (
        "scripts/deploy.ps1",
        "$vm = New-AzureVMConfig -Name vm1 -InstanceSize Small -ImageName img | Set-AzureSubnet -SubnetNames web\n"
        "New-AzureVM -ServiceName svc1 -VMs $vm -VNetName app-vnet -Location 'North Europe'\n",
    ),
    "classic cli": (
        "scripts/deploy.sh",
        "#!/bin/bash\nazure vm create svc1 img user pass -l 'North Europe' --virtual-network-name app-vnet "
        "--subnet-names web\n",
    ),
    "python": (
        "scripts/deploy.py",
        "from azure.servicemanagement import ServiceManagementService\n"
        "sms = ServiceManagementService('11111111-2222-4333-8444-555555555555', 'cert.pem')\n"
        "sms.create_virtual_machine_deployment('svc1', 'svc1', 'production', 'svc1', 'vm1', None, os,\n"
        "    virtual_network_name='app-vnet')\n",
    ),
    "service configuration": (
        "shop/ServiceConfiguration.Cloud.cscfg",
        '<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/'
        'ServiceConfiguration">\n  <Role name="Web"><Instances count="2" /></Role>\n'
        '  <NetworkConfiguration><VirtualNetworkSite name="app-vnet" />\n'
        '    <AddressAssignments><InstanceAddress roleName="Web"><Subnets><Subnet name="web" /></Subnets>'
        "</InstanceAddress></AddressAssignments>\n  </NetworkConfiguration>\n</ServiceConfiguration>\n",
    ),
}
DEFINED_APART = (
    "defined in network/NetworkConfig.netcfg, which is checked as another subscription's: group them with "
    "[tool.migcheck.subscriptions] of pyproject.toml ([subscriptions] of migcheck.toml)"
)  # with no settings file, the table as either file would write it
GROUPED = {"prod": ("network/**", "scripts/**")}


def notes_of(result) -> list[str]:
    plan = json.loads(render_plan(build_plan(result), "json"))
    steps = [step for s in plan["subscriptions"] for step in s["steps"]]
    return [note for step in steps if step["name"] == "app-vnet" for note in step["notes"]]


@pytest.mark.parametrize("form", IN_APP_VNET)
def test_the_summary_and_the_plan_name_the_file_that_defines_it(tmp_path, monkeypatch, form):
    path, used = IN_APP_VNET[form]
    result = lint_files(tmp_path, monkeypatch, {**NETWORKS, path: used}, dedent=False)
    report = text.render(result)
    assert f"app-vnet ({DEFINED_APART}; cloud services: " in report
    assert "not defined in the files checked" not in report
    (note,) = (note for note in notes_of(result) if note.startswith("No file checked here"))
    assert f"It is {DEFINED_APART} to decide 'app-vnet' if they are one subscription's" in note


def test_grouped_by_the_setting_the_network_is_defined(tmp_path, monkeypatch):
    path, used = IN_APP_VNET["powershell"]
    lint_files(tmp_path, monkeypatch, {**NETWORKS, path: used}, dedent=False)
    result = lint(["."], Config(subscriptions=GROUPED), RULES)
    report = text.render(result)
    assert "app-vnet (1 subnet; cloud services: svc1 (1 VM))" in report
    assert "checked as another subscription's" not in report
    assert not any(note.startswith("No file checked here") for note in notes_of(result))


def test_a_network_no_file_defines_is_still_not_defined_in_the_files_checked(tmp_path, monkeypatch):
    path, used = IN_APP_VNET["powershell"]
    files = {"team/NetworkConfig.netcfg": CONTOSO_NETCFG, "other/NetworkConfig.netcfg": CONTOSO_NETCFG}
    result = lint_files(tmp_path, monkeypatch, {**files, path: used}, dedent=False)
    report = text.render(result)
    assert "app-vnet (not defined in the files checked; cloud services: svc1 (1 VM))" in report
    assert "checked as another subscription's" not in report


def test_files_a_setting_leaves_out_of_the_subscription_that_defines_it_are_told_the_same(
    tmp_path, monkeypatch
):
    path, used = IN_APP_VNET["powershell"]
    files = {"network/NetworkConfig.netcfg": APP_VNET_NETCFG, path: used}
    lint_files(tmp_path, monkeypatch, files, dedent=False)
    result = lint(["."], Config(subscriptions={"prod": ("network/**",)}), RULES)
    assert f"app-vnet ({DEFINED_APART}; cloud services: svc1 (1 VM))" in text.render(result)
