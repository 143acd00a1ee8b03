"""A script that puts a Resource Manager resource on a classic one gives the finding the resource's export row
gives, at the id the script writes, as a peering with a classic network does: `az role assignment create
--scope` on a classic VM, or of a classic-only role (MIG501), `az monitor metrics alert create --scopes`
(MIG502), `az monitor alert create --target`, a classic alert rule (MIG502), `az monitor autoscale create --resource` on a classic role (MIG503), `az hdinsight create
--vnet-name/--subnet` in a classic network (MIG315), from a shell script or PowerShell, which runs `az` as a
native command; and the Az module's cmdlets that make the same resources, with `New-AzApiManagement`
(MIG319), `New-AzHDInsightCluster` (MIG315) and `New-AzADDomainService -ReplicaSet` (MIG317). Neither is a classic call (no MIG601); the same commands on Resource Manager ids are none of
the migration's business."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

SUB = "/subscriptions/11111111-2222-3333-4444-555555555555"
VNET = f"{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1"
VM = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/web01"
ROLE = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/domainNames/shop/slots/Production/roles/Web"
RM_VNET = f"{SUB}/resourceGroups/hub-rg/providers/Microsoft.Network/virtualNetworks/spoke"
RM_VM = f"{SUB}/resourceGroups/shop/providers/Microsoft.Compute/virtualMachines/web01"

AZ = [
    (
        "az role assignment create --assignee ops@contoso.com --role 'Virtual Machine Contributor' --scope {vm}",
        "MIG501",
        VM,
        "role 'Virtual Machine Contributor' is assigned to principal ops@contoso.com on classic VM 'web01'",
    ),
    (
        "az monitor metrics alert create -n web01-cpu -g mon-rg --scopes {vm} --condition 'avg Percentage CPU > 80'",
        "MIG502",
        VM,
        "metric alert 'web01-cpu' watches classic VM 'web01'",
    ),
    (
        "az monitor alert create -n web01-cpu -g mon-rg --target {vm} --condition 'avg Percentage CPU > 80'",
        "MIG502",
        VM,
        "classic alert rule 'web01-cpu' watches classic VM 'web01'",
    ),
    (
        "az monitor autoscale create -g mon-rg --resource {role} --name web-scale --min-count 2 --max-count 5",
        "MIG503",
        ROLE,
        "autoscale setting 'web-scale' scales classic role 'Web' of cloud service 'shop'",
    ),
    (
        "az hdinsight create -n shop-hdi -g hdi-rg -t spark --vnet-name {vnet} --subnet {vnet}/subnets/hdi",
        "MIG315",
        VNET,
        "HDInsight cluster 'shop-hdi' is in classic virtual network 'vnet1', subnet 'hdi'",
    ),
]
IDS = ["role assignment", "metric alert", "classic alert rule", "autoscale", "hdinsight"]


def _command(command: str, *, classic: bool = True) -> str:
    if classic:
        return command.format(vm=VM, role=ROLE, vnet=VNET)
    return command.format(vm=RM_VM, role=RM_VM, vnet=RM_VNET)


@pytest.mark.parametrize("name", ["setup.sh", "setup.ps1"])
@pytest.mark.parametrize(("command", "code", "at", "said"), AZ, ids=IDS)
def test_an_az_command_on_a_classic_id_is_found_at_that_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, command: str, code: str, at: str, said: str
) -> None:
    line = _command(command)
    column = line.index(at) + 1
    result = lint_files(tmp_path, monkeypatch, {name: line + "\n"})
    assert where(result.findings) == [f"{code} {name}:1:{column}"]
    assert said in result.findings[0].message


@pytest.mark.parametrize("name", ["setup.sh", "setup.ps1"])
@pytest.mark.parametrize("command", [case[0] for case in AZ], ids=IDS)
def test_the_same_az_command_on_a_resource_manager_id_is_not_classic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, command: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {name: _command(command, classic=False) + "\n"})
    assert result.findings == []
    assert result.described == ()


def test_a_classic_role_by_its_name_on_a_subscription_that_holds_classic_resources_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        f"az role assignment create --assignee ops@contoso.com --role 'Classic Virtual Machine Contributor' "
        f"--scope {SUB}\n" + _command(AZ[1][0]) + "\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"setup.sh": script})
    role = script.index("'Classic Virtual") + 1  # the role, which is what is classic, from its opening quote
    alert = script.split("\n")[1].index(VM) + 1
    assert where(result.findings) == [f"MIG501 setup.sh:1:{role}", f"MIG502 setup.sh:2:{alert}"]
    assert "Classic Virtual Machine Contributor" in result.findings[0].message


# The Az module's cmdlets that create the same resources, each given the classic id by a variable too.
CMDLETS = [
    (
        '$vm = "{vm}"\nNew-AzRoleAssignment -ObjectId "00000000-0000-0000-0000-0000000000aa" '
        '-RoleDefinitionName "Virtual Machine Contributor" -Scope $vm\n',
        "MIG501",
        "{vm}",
        "role 'Virtual Machine Contributor' is assigned to principal 00000000-0000-0000-0000-0000000000aa on classic VM",
    ),
    (
        'Add-AzMetricAlertRuleV2 -Name "web01-cpu" -ResourceGroupName "mon-rg" -WindowSize 00:05:00 '
        '-Frequency 00:01:00 -TargetResourceId "{vm}" -Condition $criteria -Severity 2\n',
        "MIG502",
        "{vm}",
        "metric alert 'web01-cpu' watches classic VM 'web01'",
    ),
    (
        'Add-AzMetricAlertRule -Name "web01-cpu" -ResourceGroupName "mon-rg" -Location "westeurope" '
        "-Operator GreaterThan -Threshold 80 -WindowSize 00:05:00 -MetricName 'Percentage CPU' "
        '-TargetResourceId "{vm}" -TimeAggregationOperator Average\n',
        "MIG502",
        "{vm}",
        "classic alert rule 'web01-cpu' watches classic VM 'web01'",
    ),
    (
        'New-AzAutoscaleSetting -Name "web-scale" -ResourceGroupName "mon-rg" -Location "West Europe" '
        '-Profile $profile -TargetResourceUri "{role}"\n',
        "MIG503",
        "{role}",
        "autoscale setting 'web-scale' scales classic role 'Web' of cloud service 'shop'",
    ),
    (
        '$net = New-AzApiManagementVirtualNetwork -SubnetResourceId "{vnet}/subnets/apim"\n'
        'New-AzApiManagement -ResourceGroupName "apim-rg" -Name "shop-apim" -Location "West Europe" '
        '-Organization "Shop" -AdminEmail "ops@example.com" -VirtualNetwork $net -VpnType External -Sku Developer\n',
        "MIG319",
        "{vnet}",
        "API Management service 'shop-apim' is in classic virtual network 'vnet1', subnet 'apim'",
    ),
    (
        'New-AzHDInsightCluster -ResourceGroupName "hdi-rg" -ClusterName "shop-hdi" -Location "westeurope" '
        '-ClusterType Spark -ClusterSizeInNodes 2 -HttpCredential $cred -VirtualNetworkId "{vnet}" '
        '-SubnetName "{vnet}/subnets/hdi"\n',
        "MIG315",
        "{vnet}",
        "HDInsight cluster 'shop-hdi' is in classic virtual network 'vnet1', subnet 'hdi'",
    ),
    (
        '$replica = New-AzADDomainServiceReplicaSetObject -Location "westeurope" -SubnetId "{vnet}/subnets/aadds"\n'
        '$other = New-AzADDomainServiceReplicaSetObject -Location "northeurope" -SubnetId $hub\n'
        'New-AzADDomainService -Name "corp.example.com" -ResourceGroupName "aadds-rg" '
        '-DomainName "corp.example.com" -ReplicaSet $replica, $other\n',
        "MIG317",
        "{vnet}",
        "managed domain 'corp.example.com' is created in classic virtual network 'vnet1', subnet 'aadds'",
    ),
]
CMDLET_IDS = [
    "New-AzRoleAssignment",
    "Add-AzMetricAlertRuleV2",
    "Add-AzMetricAlertRule",
    "New-AzAutoscaleSetting",
    "New-AzApiManagement",
    "New-AzHDInsightCluster",
    "New-AzADDomainService",
]


def _place(script: str, value: str) -> str:
    """`line:column` of the quote that opens the string `value` in `script`, where PowerShell's findings
    about a string are shown."""
    value = '"' + value
    before = script[: script.index(value)]
    return f"{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"


@pytest.mark.parametrize(("script", "code", "at", "said"), CMDLETS, ids=CMDLET_IDS)
def test_an_az_cmdlet_on_a_classic_id_is_found_at_that_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, code: str, at: str, said: str
) -> None:
    text = _command(script)
    result = lint_files(tmp_path, monkeypatch, {"setup.ps1": text})
    assert where(result.findings) == [f"{code} setup.ps1:{_place(text, _command(at))}"]
    assert said in result.findings[0].message


@pytest.mark.parametrize("script", [case[0] for case in CMDLETS], ids=CMDLET_IDS)
def test_the_same_cmdlet_on_a_resource_manager_id_is_not_classic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"setup.ps1": _command(script, classic=False)})
    assert result.findings == []


def test_a_classic_role_by_its_name_in_powershell_on_a_subscription_that_holds_classic_resources_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        f'New-AzRoleAssignment -SignInName "ops@contoso.com" -RoleDefinitionName "Classic Virtual Machine '
        f'Contributor" -Scope "{SUB}"\n' + _command(CMDLETS[1][0])
    )
    result = lint_files(tmp_path, monkeypatch, {"setup.ps1": script})
    assert [f.code for f in result.findings] == ["MIG501", "MIG502"]
    assert (
        "role 'Classic Virtual Machine Contributor' is assigned to principal ops@contoso.com on subscription"
        in (result.findings[0].message)
    )


def test_a_peering_added_to_the_network_get_azvirtualnetwork_names_is_of_that_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        '$hub = Get-AzVirtualNetwork -Name "hub-vnet" -ResourceGroupName "hub-rg"\n'
        f'Add-AzVirtualNetworkPeering -Name "hub-to-classic" -VirtualNetwork $hub -RemoteVirtualNetworkId "{VNET}"\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"peer.ps1": script})
    assert [f.code for f in result.findings] == ["MIG313"]
    assert (
        "peered with Resource Manager network 'hub-vnet' (peering 'hub-to-classic')"
        in result.findings[0].message
    )


def test_a_ci_step_that_runs_such_a_command_gives_the_same_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = _command(AZ[0][0])
    workflow = (
        "on: workflow_dispatch\njobs:\n  ops:\n    runs-on: ubuntu-latest\n    steps:\n"
        f"      - run: |\n          {command}\n"
    )
    result = lint_files(tmp_path, monkeypatch, {".github/workflows/ops.yml": workflow})
    column = 11 + command.index(VM)
    assert where(result.findings) == [f"MIG501 .github/workflows/ops.yml:7:{column}"]


PYTHON = """\
from azure.identity import DefaultAzureCredential
from azure.mgmt.authorization import AuthorizationManagementClient
from azure.mgmt.monitor import MonitorManagementClient
from azure.mgmt.monitor.models import MetricAlertResource

auth = AuthorizationManagementClient(DefaultAzureCredential(), "11111111-2222-3333-4444-555555555555")
auth.role_assignments.create(
    "{vm}",
    "0b7a3f0e-0000-0000-0000-000000000001",
    {{"role_definition_id": "{definition}", "principal_id": "00000000-0000-0000-0000-0000000000aa"}},
)
monitor = MonitorManagementClient(DefaultAzureCredential(), "11111111-2222-3333-4444-555555555555")
monitor.metric_alerts.create_or_update(
    "mon-rg", "web01-cpu", MetricAlertResource(location="global", scopes=["{vm}"], enabled=True)
)
monitor.autoscale_settings.create_or_update(
    "mon-rg", "web-scale", {{"location": "westeurope", "target_resource_uri": "{role}", "profiles": []}}
)
"""
DEFINITION = f"{SUB}/providers/Microsoft.Authorization/roleDefinitions/9980e02c-c2be-4d73-94e8-173b1dc7cf3c"


def test_the_management_sdk_s_role_assignment_alert_and_autoscale_setting_on_classic_ids_are_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = PYTHON.format(vm=VM, role=ROLE, definition=DEFINITION)
    result = lint_files(tmp_path, monkeypatch, {"ops.py": script}, dedent=False)
    lines = script.split("\n")
    alert, autoscale = lines[13].index('"' + VM) + 1, lines[16].index('"' + ROLE) + 1  # at the string's quote
    assert where(result.findings) == [
        "MIG501 ops.py:8:5",
        f"MIG502 ops.py:14:{alert}",
        f"MIG503 ops.py:17:{autoscale}",
    ]
    assert "role 'Virtual Machine Contributor' is assigned to" in result.findings[0].message


def test_the_same_sdk_calls_on_resource_manager_ids_are_not_classic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = PYTHON.format(vm=RM_VM, role=RM_VM, definition=DEFINITION)
    result = lint_files(tmp_path, monkeypatch, {"ops.py": script}, dedent=False)
    assert result.findings == []


SERVICES = """\
from azure.identity import DefaultAzureCredential
from azure.mgmt.apimanagement import ApiManagementClient
from azure.mgmt.apimanagement.models import ApiManagementServiceResource, VirtualNetworkConfiguration
from azure.mgmt.domainservices import DomainServicesResourceProvider
from azure.mgmt.hdinsight import HDInsightManagementClient
from azure.mgmt.web import WebSiteManagementClient

SUBSCRIPTION = "11111111-2222-3333-4444-555555555555"
web = WebSiteManagementClient(DefaultAzureCredential(), SUBSCRIPTION)
web.app_service_environments.begin_create_or_update(
    "ase-rg", "shop-ase", {{"kind": "ASEV1", "virtual_network": {{"id": "{vnet}", "subnet": "ase"}}}}
).result()
profile = {{"id": "{vnet}", "subnet": "{vnet}/subnets/hdi"}}
hdi = HDInsightManagementClient(DefaultAzureCredential(), SUBSCRIPTION)
hdi.clusters.create(
    "hdi-rg",
    "shop-hdi",
    {{"properties": {{"compute_profile": {{"roles": [{{"name": "headnode", "virtual_network_profile": profile}}]}}}}}},
)
aadds = DomainServicesResourceProvider(DefaultAzureCredential(), SUBSCRIPTION)
aadds.domain_services.create_or_update(
    "aadds-rg", "corp.example.com", {{"replica_sets": [{{"subnet_id": "{vnet}/subnets/aadds"}}]}}
)
apim = ApiManagementClient(DefaultAzureCredential(), SUBSCRIPTION)
apim.api_management_service.begin_create_or_update(
    resource_group_name="apim-rg",
    service_name="shop-apim",
    parameters=ApiManagementServiceResource(
        virtual_network_type="External",
        virtual_network_configuration=VirtualNetworkConfiguration(subnet_resource_id="{vnet}/subnets/apim"),
    ),
)
"""


def test_the_management_sdk_s_services_in_a_classic_network_are_found_at_the_ids_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The model as a dict or as the SDK's classes, given by place or by name, to the methods of today's
    # SDK (begin_...) and of older ones; a value assigned at the module's top read where it is written.
    script = SERVICES.format(vnet=VNET)
    result = lint_files(tmp_path, monkeypatch, {"svc.py": script}, dedent=False)
    lines = script.split("\n")
    ase, hdi = lines[10].index('"' + VNET) + 1, lines[12].index('"' + VNET) + 1
    aadds, apim = lines[21].index('"' + VNET) + 1, lines[29].index('"' + VNET) + 1
    assert where(result.findings) == [
        f"MIG314 svc.py:11:{ase}",
        f"MIG315 svc.py:13:{hdi}",
        f"MIG317 svc.py:22:{aadds}",
        f"MIG319 svc.py:30:{apim}",
    ]
    messages = [f.message for f in result.findings]
    assert "App Service Environment 'shop-ase' is created in classic virtual network 'vnet1'" in messages[0]
    assert "HDInsight cluster 'shop-hdi' is in classic virtual network 'vnet1', subnet 'hdi'" in messages[1]
    assert "managed domain 'corp.example.com' is created in classic virtual network 'vnet1'" in messages[2]
    assert (
        "API Management service 'shop-apim' is in classic virtual network 'vnet1', subnet 'apim'"
        in messages[3]
    )


def test_the_same_services_in_a_resource_manager_network_are_not_classic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = SERVICES.format(vnet=RM_VNET)
    result = lint_files(tmp_path, monkeypatch, {"svc.py": script}, dedent=False)
    assert result.findings == []


@pytest.mark.parametrize("wrapped", ["[{inner}]", "[{inner}, {inner}]"])
def test_parameters_built_through_thousands_of_names_are_read_without_failing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wrapped: str
) -> None:
    # Each name wraps the one before it, once (deeper than Python's calls go) or twice (2**3000 values).
    names = "".join(f"a{i} = {wrapped.format(inner=f'a{i - 1}')}\n" for i in range(1, 3000))
    script = (
        "from azure.mgmt.web import WebSiteManagementClient\n"
        f'a0 = {{"id": "{VNET}"}}\n{names}'
        'web = WebSiteManagementClient(None, "11111111-2222-3333-4444-555555555555")\n'
        'web.app_service_environments.create_or_update("g", "ase", {"virtual_network": a2999})\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"deep.py": script}, dedent=False)
    assert [f.code for f in result.findings] == []


MONITORING = """\
from azure.identity import DefaultAzureCredential
from azure.mgmt.monitor import MonitorManagementClient
from azure.mgmt.monitor.models import AlertRuleResource, RuleMetricDataSource, ThresholdRuleCondition
from azure.mgmt.network import NetworkManagementClient

monitor = MonitorManagementClient(DefaultAzureCredential(), "11111111-2222-3333-4444-555555555555")
monitor.activity_log_alerts.create_or_update(
    "mon-rg", "web01-restarts", {{"location": "global", "scopes": ["{vm}"], "enabled": True}}
)
monitor.alert_rules.create_or_update(
    "mon-rg",
    "web01-cpu-classic",
    AlertRuleResource(
        is_enabled=True,
        condition=ThresholdRuleCondition(data_source=RuleMetricDataSource(resource_uri="{vm}", metric_name="CPU")),
    ),
)
network = NetworkManagementClient(DefaultAzureCredential(), "11111111-2222-3333-4444-555555555555")
network.virtual_networks.begin_create_or_update(
    "hub-rg",
    "hub-vnet",
    {{"virtual_network_peerings": [{{"name": "hub-to-classic", "remote_virtual_network": {{"id": "{vnet}"}}}}]}},
)
"""


def test_the_management_sdk_s_other_alerts_and_a_network_peered_with_a_classic_one_are_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = MONITORING.format(vm=VM, vnet=VNET)
    result = lint_files(tmp_path, monkeypatch, {"mon.py": script}, dedent=False)
    lines = script.split("\n")
    activity, classic = lines[7].index('"' + VM) + 1, lines[14].index('"' + VM) + 1
    peering = lines[21].index('"' + VNET) + 1
    assert where(result.findings) == [
        f"MIG502 mon.py:8:{activity}",
        f"MIG502 mon.py:15:{classic}",
        f"MIG313 mon.py:22:{peering}",
    ]
    assert "activity log alert 'web01-restarts' watches classic VM 'web01'" in result.findings[0].message
    assert "classic alert rule 'web01-cpu-classic'" in result.findings[1].message
    assert (
        "peered with Resource Manager network 'hub-vnet' (peering 'hub-to-classic')"
        in result.findings[2].message
    )
    rm = lint_files(
        tmp_path, monkeypatch, {"mon.py": MONITORING.format(vm=RM_VM, vnet=RM_VNET)}, dedent=False
    )
    assert rm.findings == []
