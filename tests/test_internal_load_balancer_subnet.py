"""An internal load balancer's frontend is in a subnet of its deployment's network: one the network does not
define is a name that points nowhere (MIG003), as a VM's subnet is, whether a REST body's `LoadBalancers`
states it, a service configuration's (`<NetworkConfiguration><LoadBalancers><LoadBalancer name>
<FrontendIPConfiguration type="private" subnet>`, in a .cscfg or the base64 configuration a package
deployment body carries), or a script adds the load balancer (`Add-AzureInternalLoadBalancer -SubnetName`,
or `New-AzureInternalLoadBalancerConfig` given to New-AzureVM, the classic CLI's `azure service
internal-load-balancer add|set -t`); a script that moves its frontend (`Set-AzureInternalLoadBalancer
-SubnetName`, `azure service internal-load-balancer set -t`) puts it in that subnet, and one that surely
removes it (`Remove-AzureInternalLoadBalancer`, `... delete`) takes it off. The Python SDK has no method that adds one."""

from __future__ import annotations

import pytest
from lint_support import CONTOSO_NETCFG as NETCFG
from lint_support import encoded, lint_files, where


def rest_body(subnet: str) -> str:
    return f"""\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>sql</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>sql01</RoleName>
      <RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets>
        <ConfigurationSet>
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <SubnetNames><SubnetName>apps</SubnetName></SubnetNames>
        </ConfigurationSet>
      </ConfigurationSets>
    </Role>
  </RoleList>
  <VirtualNetworkName>contoso-vnet</VirtualNetworkName>
  <LoadBalancers>
    <LoadBalancer>
      <Name>sql-ilb</Name>
      <FrontendIpConfiguration>
        <Type>Private</Type>
        <SubnetName>{subnet}</SubnetName>
      </FrontendIpConfiguration>
    </LoadBalancer>
  </LoadBalancers>
</Deployment>
"""


def cscfg(subnet: str) -> str:
    """The configuration of a web role in subnet apps of contoso-vnet, with an internal load balancer."""
    return f"""\
<ServiceConfiguration serviceName="sql" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2" /></Role>
  <NetworkConfiguration>
    <VirtualNetworkSite name="contoso-vnet" />
    <AddressAssignments>
      <InstanceAddress roleName="Web"><Subnets><Subnet name="apps" /></Subnets></InstanceAddress>
    </AddressAssignments>
    <LoadBalancers>
      <LoadBalancer name="sql-ilb">
        <FrontendIPConfiguration type="private" subnet="{subnet}" staticVirtualNetworkIPAddress="10.1.1.10" />
      </LoadBalancer>
    </LoadBalancers>
  </NetworkConfiguration>
</ServiceConfiguration>
"""


def package_body(subnet: str) -> str:
    """A Create Deployment body carrying that configuration, as SDKs send it."""
    return (
        '<CreateDeployment xmlns="http://schemas.microsoft.com/windowsazure">\n'
        "  <Name>sql-prod</Name>\n"
        "  <PackageUrl>https://store1.blob.core.windows.net/packages/sql.cspkg</PackageUrl>\n"
        f"  <Configuration>{encoded(cscfg(subnet))}</Configuration>\n"
        "</CreateDeployment>\n"
    )


VM = """\
$vm = New-AzureVMConfig -Name sql01 -InstanceSize Small -ImageName "some-image" |
    Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password $password |
    Set-AzureSubnet -SubnetNames apps
"""


def added(subnet: str) -> str:
    return (
        VM
        + "New-AzureVM -ServiceName sql -VNetName contoso-vnet -VMs $vm\n"
        + f"Add-AzureInternalLoadBalancer -ServiceName sql -InternalLoadBalancerName sql-ilb -SubnetName {subnet}\n"
    )


def configured(subnet: str) -> str:
    return (
        f"$ilb = New-AzureInternalLoadBalancerConfig sql-ilb {subnet}\n"
        + VM
        + "New-AzureVM -ServiceName sql -VNetName contoso-vnet -VMs $vm -InternalLoadBalancerConfig $ilb\n"
    )


def moved(subnet: str) -> str:
    """Added in subnet apps, then moved to `subnet` by Set-AzureInternalLoadBalancer (positional arguments)."""
    return added("apps") + f"Set-AzureInternalLoadBalancer sql-ilb sql {subnet}\n"


SH_VM = (
    "azure config mode asm\n"
    "azure vm create sql img ops 'P@ss' --vm-name sql01 --virtual-network-name contoso-vnet --subnet-names apps\n"
)


def cli_added(subnet: str) -> str:
    return (
        SH_VM
        + f"azure service internal-load-balancer add sql -n sql-ilb --subnet-name {subnet} -a 10.1.1.10\n"
    )


def cli_moved(subnet: str) -> str:
    """Added in subnet apps, then moved to `subnet` by `set` (positional arguments, short options)."""
    return cli_added("apps") + f"azure service internal-load-balancer set sql sql-ilb -t {subnet}\n"


@pytest.mark.parametrize(
    ("name", "text", "at"),
    [
        ("deployment.xml", rest_body("data"), "deployment.xml:22:9"),
        ("ServiceConfiguration.Cloud.cscfg", cscfg("data"), "ServiceConfiguration.Cloud.cscfg:10:57"),
        ("request.xml", package_body("data"), "request.xml:4:3"),
        ("ilb.ps1", added("data"), "ilb.ps1:5:94"),
        ("ilb.ps1", configured("data"), "ilb.ps1:1:52"),
        ("ilb.sh", cli_added("data"), "ilb.sh:3:71"),
        ("ilb.sh", cli_moved("data"), "ilb.sh:4:57"),
        ("ilb.ps1", moved("data"), "ilb.ps1:6:43"),
        # Set on a load balancer the script does not add, of the deployment it creates.
        (
            "ilb.ps1",
            VM
            + "New-AzureVM -ServiceName sql -VNetName contoso-vnet -VMs $vm\n"
            + "Set-AzureInternalLoadBalancer -ServiceName sql -InternalLoadBalancerName sql-ilb -SubnetName data\n",
            "ilb.ps1:5:94",
        ),
    ],
)
def test_a_load_balancer_subnet_the_network_lacks_is_reported(
    tmp_path, monkeypatch, name: str, text: str, at: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG, name: text}, "MIG003")
    assert where(result.findings) == [f"MIG003 {at}"]
    assert result.findings[0].message == (
        "internal load balancer 'sql-ilb' is in subnet 'data', which is not a subnet of virtual network "
        "'contoso-vnet'"
    )


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deployment.xml", rest_body("apps")),
        ("ServiceConfiguration.Cloud.cscfg", cscfg("apps")),
        ("request.xml", package_body("apps")),
        ("ilb.ps1", added("apps")),
        ("ilb.ps1", configured("APPS")),
        ("ilb.sh", cli_added("apps")),
        # Moved out of the subnet the network lacks, or deleted, before the script ends.
        ("ilb.sh", cli_added("data") + "azure service internal-load-balancer set sql sql-ilb -t apps\n"),
        ("ilb.sh", cli_added("data") + "azure service internal-load-balancer delete sql sql-ilb -q\n"),
        # A `set` that may not run leaves the frontend where `add` put it, a subnet of the network.
        (
            "ilb.sh",
            cli_added("apps") + 'if [ "$1" = move ]; then\n' + cli_moved("data").splitlines()[-1] + "\nfi\n",
        ),
        ("ilb.ps1", added("data") + "Set-AzureInternalLoadBalancer sql-ilb sql -SubnetName apps\n"),
        ("ilb.ps1", added("data") + "Remove-AzureInternalLoadBalancer -ServiceName sql\n"),
        ("ilb.ps1", configured("data") + "Remove-AzureInternalLoadBalancer sql\n"),
        # A set or removal that may not run leaves the frontend where it was.
        (
            "ilb.ps1",
            added("apps") + "if ($args[0]) {\n    Set-AzureInternalLoadBalancer sql-ilb sql data\n}\n",
        ),
        # A service the script does not create: nothing says which network it is in.
        (
            "ilb.ps1",
            "Add-AzureInternalLoadBalancer -ServiceName other -InternalLoadBalancerName x -SubnetName data\n",
        ),
        ("ilb.sh", "azure service internal-load-balancer add other x -t data\n"),
    ],
)
def test_a_load_balancer_in_a_subnet_of_its_network_is_not(
    tmp_path, monkeypatch, name: str, text: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG, name: text}, "MIG003")
    assert where(result.findings) == []


@pytest.mark.parametrize(
    "text",
    [
        added("data") + "if ($args[0]) { Remove-AzureInternalLoadBalancer -ServiceName sql }\n",
        added("data") + "Remove-AzureInternalLoadBalancer -ServiceName other\n",
        added("data") + "Set-AzureInternalLoadBalancer sql-ilb sql\n",
    ],
    ids=["a removal that may not run", "a removal of another service's", "a set naming no subnet"],
)
def test_a_load_balancer_a_powershell_call_may_leave_in_place_is_still_reported(
    tmp_path, monkeypatch, text: str
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": NETCFG, "ilb.ps1": text}, "MIG003")
    assert where(result.findings) == ["MIG003 ilb.ps1:5:94"]


def test_the_plan_names_a_load_balancer_a_script_puts_an_endpoint_on(plan_of) -> None:
    """As for a REST body: the load balancer an endpoint is on, with what becomes of its rules."""
    endpoint = (
        "Get-AzureVM -ServiceName sql -Name sql01 | Add-AzureEndpoint -Name SQL -Protocol tcp -LocalPort 1433 "
        "-PublicPort 1433 -LBSetName sql -DefaultProbe -InternalLoadBalancerName sql-ilb | Update-AzureVM\n"
    )
    plan = plan_of({"NetworkConfig.netcfg": NETCFG, "ilb.ps1": added("apps") + endpoint})
    becomes = [line for s in plan.subscriptions for step in s.steps for line in step.becomes]
    assert any(line.startswith("internal load balancer 'sql-ilb' of cloud service 'sql'") for line in becomes)
