"""Linting a few files written into a test's temporary folder, as the rule and reader tests do."""

from __future__ import annotations

import base64
import json
import sys
import textwrap
from collections.abc import Iterable
from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.model import Finding
from migcheck.plugins import load_rules

# The benchmarks' hostile inputs, which some growth tests measure too: one builder for both.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from hostile import accounts_waiting_on_every_vm as accounts_waiting_on_every_vm

RULES = load_rules(entry_points=False)


def lint_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], *codes: str, dedent: bool = True
) -> LintResult:
    """Write `files` (relative path -> text, dedented unless told not to) under `tmp_path` and lint the
    folder from there, with only the rules `codes` when given."""
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n") if dedent else text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return lint(["."], Config(select=codes) if codes else Config(), RULES)


def where(findings: Iterable[Finding]) -> list[str]:
    """`CODE path:line:column` of each finding."""
    return [
        f"{f.code} {f.location.path}:{f.location.line}:{f.location.column}" for f in findings if f.location
    ]


def graph_vm(
    subscription: str,
    service: str,
    name: str,
    availability_set: str = "",
    vnet: str = "prod-vnet",
    subnet: str = "web",
) -> dict:
    """A classic VM row as a Resource Graph export writes it: in cloud service `service`, subnet `subnet` of
    network `vnet`, in `availability_set` ("" for none)."""
    return {
        "id": f"/subscriptions/{subscription}/resourceGroups/{service}/providers/"
        f"Microsoft.ClassicCompute/virtualMachines/{name}",
        "name": name,
        "type": "microsoft.classiccompute/virtualmachines",
        "subscriptionId": subscription,
        "properties": {
            "domainName": {"name": service},
            "hardwareProfile": {
                "size": "Small",
                "deploymentName": service,
                "availabilitySet": availability_set,
            },
            "networkProfile": {"virtualNetwork": {"name": vnet, "subnetNames": [subnet]}},
        },
    }


def graph_network(subscription: str, name: str, subnet: str = "AppGw") -> dict:
    """A classic virtual network row as a Resource Graph export writes it: 10.0.0.0/16, one subnet."""
    return {
        "id": f"/subscriptions/{subscription}/resourceGroups/Default-Networking/providers/"
        f"Microsoft.ClassicNetwork/virtualNetworks/{name}",
        "name": name,
        "type": "microsoft.classicnetwork/virtualnetworks",
        "subscriptionId": subscription,
        "properties": {
            "addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
            "subnets": [{"name": subnet, "addressPrefix": "10.0.0.0/24"}],
        },
    }


def graph_reserved_ip(subscription: str, name: str, service: str, slot: str = "") -> dict:
    """A classic reserved IP row as a Resource Graph export writes it, attached to cloud service `service`
    (to its `slot` when given: the export's id names it for a deployment's VIP)."""
    slotted = f"/slots/{slot}" if slot else ""
    return {
        "id": f"/subscriptions/{subscription}/resourceGroups/Default-Networking/providers/"
        f"Microsoft.ClassicNetwork/reservedIps/{name}",
        "name": name,
        "type": "microsoft.classicnetwork/reservedips",
        "location": "westeurope",
        "resourceGroup": "default-networking",
        "subscriptionId": subscription,
        "properties": {
            "ipAddress": "40.113.9.9",
            "inUse": True,
            "attachedTo": {
                "id": f"/subscriptions/{subscription}/resourceGroups/{service}/providers/"
                f"Microsoft.ClassicCompute/domainNames/{service}{slotted}"
            },
        },
    }


def graph_page(*rows: dict, indent: int | None = None) -> str:
    """One page of `az graph query` output holding `rows`, the last (`indent` as `json.dumps` takes it)."""
    page = {"count": len(rows), "data": list(rows), "skip_token": None, "total_records": len(rows)}
    return json.dumps(page, indent=indent)


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`migcheck ARGV` in this process: its exit code, standard output and standard error."""
    from migcheck.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# A web and a worker role's service configuration that says where the deployment goes (network, subnet,
# reserved IP, DNS server) and an endpoint ACL: what a deployment body carries in base64 (`encoded`).
SHOP_CSCFG = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="shopsvc" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="WebFrontend"><Instances count="2" /></Role>
  <Role name="Worker"><Instances count="1" /></Role>
  <NetworkConfiguration>
    <Dns><DnsServers><DnsServer name="dc1" IPAddress="10.0.0.4" /></DnsServers></Dns>
    <AccessControls>
      <AccessControl name="office">
        <Rule action="permit" description="office" order="100" remoteSubnet="203.0.113.0/24" />
      </AccessControl>
    </AccessControls>
    <EndpointAcls>
      <EndpointAcl role="WebFrontend" endPoint="HttpIn" accessControl="office" />
    </EndpointAcls>
    <VirtualNetworkSite name="shop-vnet" />
    <AddressAssignments>
      <InstanceAddress roleName="WebFrontend"><Subnets><Subnet name="web" /></Subnets></InstanceAddress>
      <ReservedIPs><ReservedIP name="shop-ip" /></ReservedIPs>
    </AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
"""


def encoded(text: str = SHOP_CSCFG) -> str:
    """`text` in base64, as a deployment body carries its service configuration."""
    return base64.b64encode(text.encode()).decode()


def package_deployments(configuration: str) -> dict[str, tuple[str, str]]:
    """The two package deployments that carry a service configuration in their own text, by id: a template's
    deployment slot of cloud service `shop` (`configuration` written as a string) and a REST Create Deployment
    body (base64 `Configuration`), each as (path, text)."""
    slot = {
        "type": "Microsoft.ClassicCompute/domainNames/slots",
        "apiVersion": "2016-11-01",
        "name": "shop/Production",
        "properties": {
            "packageLink": {"uri": "https://acct.blob.core.windows.net/pkg/shop.cspkg"},
            "configuration": configuration,
        },
    }
    template = {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "resources": [slot],
    }
    rest = (
        '<CreateDeployment xmlns="http://schemas.microsoft.com/windowsazure">\n'
        "  <Name>shop</Name>\n"
        "  <PackageUrl>https://acct.blob.core.windows.net/pkg/shop.cspkg</PackageUrl>\n"
        "  <Label>c2hvcA==</Label>\n"
        f"  <Configuration>{encoded(configuration)}</Configuration>\n"
        "</CreateDeployment>\n"
    )
    return {"template": ("azuredeploy.json", json.dumps(template, indent=1)), "rest": ("create.xml", rest)}


def rest_vm_deployment(name: str, slot: str, vm: str, endpoints: str, network: str) -> str:
    """A `<Deployment>` of a REST hosted-service body: VM `vm` with `endpoints` (InputEndpoint elements),
    in subnet `app` of `network` ("" for none), in `slot` ("" states none)."""
    where = f"<VirtualNetworkName>{network}</VirtualNetworkName>" if network else ""
    stated = f"<DeploymentSlot>{slot}</DeploymentSlot>" if slot else ""
    subnet = "<SubnetName>app</SubnetName>" if network else ""
    return f"""\
    <Deployment>
      <Name>{name}</Name>
      {stated}
      <RoleList>
        <Role>
          <RoleName>{vm}</RoleName><RoleType>PersistentVMRole</RoleType>
          <ConfigurationSets>
            <ConfigurationSet>
              <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
              <InputEndpoints>{endpoints}</InputEndpoints>
              <SubnetNames>{subnet}</SubnetNames>
            </ConfigurationSet>
          </ConfigurationSets>
        </Role>
      </RoleList>
      {where}
    </Deployment>
"""


# A Python script that creates reserved IP MyReservedIP and a VM deployment TestService, and the SDK calls
# that associate the one with the other or take it off.
PY_RESERVED_IP_DEPLOYMENT = """\
import os
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
sms.create_reserved_ip_address("MyReservedIP", location="Central US")
sms.create_virtual_machine_deployment(
    service_name="TestService",
    deployment_name="TestService",
    deployment_slot="production",
    label="TestService",
    role_name="TestVM",
    system_config=LinuxConfigurationSet("TestVM", "user", "pw", True),
    os_virtual_hard_disk=OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/vhds/a.vhd"),
    role_size="Small",
)
"""
PY_RESERVED_IP_ASSOCIATE = 'sms.associate_reserved_ip_address("MyReservedIP", "TestService", "TestService")\n'
PY_RESERVED_IP_REMOVE = 'sms.disassociate_reserved_ip_address("MyReservedIP", "TestService", "TestService")\n'


# A network configuration of one network, `app-vnet` in North Europe, with one subnet, `web`.
APP_VNET_NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="app-vnet" Location="North Europe">
      <AddressSpace><AddressPrefix>10.20.0.0/16</AddressPrefix></AddressSpace>
      <Subnets><Subnet name="web"><AddressPrefix>10.20.1.0/24</AddressPrefix></Subnet></Subnets>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

# A REST body of deployment `jump` with one VM, `ops01`, in the instance state `{state}` fills in.
JUMP_VM_STATE_DEPLOYMENT = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>jump</Name>
  <RoleInstanceList>
    <RoleInstance>
      <RoleName>ops01</RoleName>
      <InstanceName>ops01</InstanceName>
      <InstanceStatus>{state}</InstanceStatus>
    </RoleInstance>
  </RoleInstanceList>
  <RoleList>
    <Role><RoleName>ops01</RoleName><RoleType>PersistentVMRole</RoleType></Role>
  </RoleList>
</Deployment>
"""

# A network configuration of one network, `prod` in West Europe, with no subnet.
PROD_NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="prod" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

# A network configuration of one network, `app-vnet` in North Europe, with two subnets, `web` and `data`.
APP_VNET_TWO_SUBNETS_NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="app-vnet" Location="North Europe">
        <AddressSpace><AddressPrefix>10.20.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="web"><AddressPrefix>10.20.1.0/24</AddressPrefix></Subnet>
          <Subnet name="data"><AddressPrefix>10.20.2.0/24</AddressPrefix></Subnet>
        </Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

# A network configuration of one network, `contoso-vnet` in West Europe, with one subnet, `apps`.
CONTOSO_NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="contoso-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="apps"><AddressPrefix>10.1.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def script_resources(text: str, path: str = "script.py") -> tuple[object, ...]:
    """What the reader of its kind (by the name's suffix) makes of the script `text` named `path`, which must
    parse."""
    from migcheck.readers import read_document

    document = read_document(path, text.encode(), explicit=True)
    assert document is not None and document.problem is None
    return document.resources


def unread_marks(resources: tuple[object, ...]) -> list[tuple[int, int]]:
    """(line, column) of each part of the scripts among `resources` that their reader could not read."""
    from migcheck.model import Script

    return [(m.line, m.column) for r in resources if isinstance(r, Script) for m in r.unread]


def unread_tags(text: str, path: str) -> list[str]:
    """Why each part of the script `text` named `path` was not read (each unread mark's tag)."""
    from migcheck.model import Script

    return [m.tag for r in script_resources(text, path) if isinstance(r, Script) for m in r.unread]


# A script that takes its values from a settings file beside it, in each script language, and the
# settings file (two subnets given: MIG202 where the settings file writes the second).
PS_DEPLOY = """\
Import-Module Azure
. "$PSScriptRoot\\config.ps1"
$vm = New-AzureVMConfig -Name "app1" -InstanceSize Small -ImageName img | Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password x
$vm = $vm | Set-AzureSubnet -SubnetNames $Subnets
New-AzureVM -ServiceName $ServiceName -VMs $vm -VNetName $VNet -Location "West Europe"
"""


def ps_settings(*subnets: str) -> str:
    listed = ", ".join(f'"{s}"' for s in subnets)
    return f'$VNet = "hub"\n$ServiceName = "shop-svc"\n$Subnets = @({listed})\n'


SH_DEPLOY = """\
#!/bin/bash
source ./env.sh
azure config mode asm
azure vm create "$SERVICE" img-ubuntu ops 'P@ss' -n app1 -w "$VNET" -b "$SUBNETS" -l "West Europe" -z Small
"""


def sh_settings(subnets: str) -> str:
    return f"SERVICE=shop-svc\nexport VNET=hub\nSUBNETS={subnets}\n"


PY_DEPLOY = """\
from azure.servicemanagement import ConfigurationSet, OSVirtualHardDisk, ServiceManagementService
from config import SERVICE_NAME, SUBNETS
import settings

sms = ServiceManagementService("sub", "cert.pem")
net = ConfigurationSet()
net.configuration_set_type = "NetworkConfiguration"
for subnet in SUBNETS:
    net.subnet_names.append(subnet)
disk = OSVirtualHardDisk("img", "https://a.blob.core.windows.net/v/a.vhd")
sms.create_virtual_machine_deployment(SERVICE_NAME, SERVICE_NAME, "production", SERVICE_NAME, "app1", None, disk, network_config=net, virtual_network_name=settings.VNET)
"""


def py_settings(*subnets: str) -> dict[str, str]:
    return {
        "config.py": f'PREFIX = "shop"\nSERVICE_NAME = f"{{PREFIX}}-svc"\nSUBNETS = {list(subnets)!r}\n',
        "settings.py": 'VNET = "hub"\n',
    }


def acl_rules(orders: tuple[int, ...]) -> list[dict]:
    """An endpoint ACL's rules as exports write them: one permit rule of each order in `orders`."""
    return [
        {"Order": order, "Action": "permit", "RemoteSubnet": f"10.{order % 250}.0.0/16"} for order in orders
    ]


def vm_list_with_rdp_acl(orders: tuple[int, ...]) -> str:
    """`azure vm list --json` of VM web1 in cloud service svc, whose RDP endpoint has one ACL rule of each
    order in `orders`."""
    vm = {
        "DNSName": "svc.cloudapp.net",
        "VMName": "web1",
        "InstanceStatus": "ReadyRole",
        "OSDisk": {
            "DiskName": "web1-os",
            "MediaLink": "https://svcstd.blob.core.windows.net/vhds/web1-os.vhd",
        },
        "DataDisks": [],
        "Network": {
            "Endpoints": [
                {
                    "LocalPort": 3389,
                    "Name": "RDP",
                    "Port": 3389,
                    "Protocol": "tcp",
                    "EndpointAcl": {"Rules": acl_rules(orders)},
                }
            ]
        },
    }
    return json.dumps([vm], indent=2)


def hub_peered_with_classic(subscription: str, remote: str = "prod-vnet") -> dict:
    """A Resource Graph row of the Resource Manager network 'hub' of `subscription`, peered (as 'p1') with
    the classic network `remote` of the same subscription."""
    remote_id = (
        f"/subscriptions/{subscription}/resourceGroups/Default-Networking/providers/"
        f"Microsoft.ClassicNetwork/virtualNetworks/{remote}"
    )
    return {
        "id": f"/subscriptions/{subscription}/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub",
        "name": "hub",
        "type": "microsoft.network/virtualnetworks",
        "subscriptionId": subscription,
        "properties": {
            "virtualNetworkPeerings": [
                {
                    "name": "p1",
                    "properties": {"peeringState": "Connected", "remoteVirtualNetwork": {"id": remote_id}},
                }
            ]
        },
    }


# An Application Gateway as `Get-AzureApplicationGateway | ConvertTo-Json` writes it: in 'web-vnet', subnet 'AppGw'.
CMDLET_APP_GATEWAY = {
    "Name": "web-appgw",
    "Description": "",
    "VnetName": "web-vnet",
    "Subnets": ["AppGw"],
    "InstanceCount": 2,
    "GatewaySize": "Medium",
    "State": "Running",
    "VirtualIPs": [],
    "DnsName": "web-appgw.cloudapp.net",
}


# A Terraform configuration of the classic provider: storage account disksstd and VM db01 (in no network) whose
# OS disk the provider puts in it.
TERRAFORM_VM_IN_DISKSSTD = """\
resource "azure_storage_service" "disks" {
  name         = "disksstd"
  location     = "West US"
  account_type = "Standard_LRS"
}
resource "azure_instance" "db" {
  name                 = "db01"
  image                = "Ubuntu Server 14.04 LTS"
  size                 = "Basic_A2"
  storage_service_name = "disksstd"
  location             = "West US"
  username             = "u"
  password             = "p"
}
"""


# A cloud service package of one web role, the files of a service of extended support when a script deploys it so.
WEB_ROLE_CSDEF = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small">
    <Endpoints><InputEndpoint name="HttpIn" protocol="http" port="80"/></Endpoints>
  </WebRole>
</ServiceDefinition>
"""
WEB_ROLE_CSCFG = """\
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2"/></Role>
</ServiceConfiguration>
"""
WEB_ROLE_PACKAGE = {
    "shop/ServiceDefinition.csdef": WEB_ROLE_CSDEF,
    "shop/ServiceConfiguration.Cloud.cscfg": WEB_ROLE_CSCFG,
}


def quota_regions(plan: object) -> list[str]:
    """The quota checks of a plan of one subscription: step 0's `Get-AzVMUsage` lines, one a region."""
    [subscription] = plan.subscriptions  # type: ignore[attr-defined]
    return [line for line in subscription.preamble.powershell if line.startswith("Get-AzVMUsage")]


def reserve_step(plan: object, service: str = "shop") -> str:
    """What the plan's step of cloud service `service` says of its downtime: where it reserves the VIP."""
    [step] = [s for s in plan.steps if s.name.startswith(f"{service}/")]  # type: ignore[attr-defined]
    return step.downtime
