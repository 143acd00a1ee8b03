"""A list of reserved IPs (List Reserved IP Addresses, `ReservedIPs`) names the deployment each is on by its
cloud service and its name (`ServiceName`, `DeploymentName`). A deployment whose service the files name
takes the entry of its service and name; one whose service no file names (a body without a `Url`) takes the
entry of its name when nothing else can be the one; no entry goes to a deployment of another name. The same
holds for the other joins by service name: a service named after its deployment is not a service of that
name."""

from __future__ import annotations

import json

from lint_support import graph_vm, lint_files, where

NS = 'xmlns="http://schemas.microsoft.com/windowsazure"'

# A deployment whose only endpoint is on an internal load balancer: a reserved IP on it is MIG106's.
ILB_ONLY = f"""\
<Deployment {NS}>
  <Name>{{name}}</Name>{{url}}
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>{{vm}}</RoleName><RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets>
        <ConfigurationSet>
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <InputEndpoints>
            <InputEndpoint>
              <LocalPort>80</LocalPort><Name>HTTP</Name><Port>80</Port><Protocol>tcp</Protocol>
              <LoadBalancerName>ilb</LoadBalancerName>
            </InputEndpoint>
          </InputEndpoints>
          <SubnetNames><SubnetName>Jobs</SubnetName></SubnetNames>
        </ConfigurationSet>
      </ConfigurationSets>
    </Role>
  </RoleList>
  <VirtualNetworkName>jobs-vnet</VirtualNetworkName>
  <LoadBalancers>
    <LoadBalancer>
      <Name>ilb</Name>
      <FrontendIpConfiguration>
        <Type>Private</Type>
        <SubnetName>Jobs</SubnetName>
        <StaticVirtualNetworkIPAddress>10.0.0.99</StaticVirtualNetworkIPAddress>
      </FrontendIpConfiguration>
    </LoadBalancer>
  </LoadBalancers>
</Deployment>
"""

# A deployment in no virtual network, with a public endpoint: MIG105 says whether its VIP is reserved.
NO_VNET = f"""\
<Deployment {NS}>
  <Name>jobs</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
    <Role>
      <RoleName>jobs01</RoleName><RoleType>PersistentVMRole</RoleType>
      <ConfigurationSets>
        <ConfigurationSet>
          <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>
          <InputEndpoints>
            <InputEndpoint>
              <LocalPort>80</LocalPort><Name>HTTP</Name><Port>80</Port><Protocol>tcp</Protocol>
            </InputEndpoint>
          </InputEndpoints>
        </ConfigurationSet>
      </ConfigurationSets>
    </Role>
  </RoleList>
</Deployment>
"""


def _entry(name: str, service: str, deployment: str) -> str:
    return f"""\
  <ReservedIP>
    <Name>{name}</Name>
    <Address>137.117.1.1</Address>
    <State>Created</State>
    <InUse>true</InUse>
    <ServiceName>{service}</ServiceName>
    <DeploymentName>{deployment}</DeploymentName>
    <Location>West Europe</Location>
  </ReservedIP>
"""


def _list(*entries: str) -> str:
    return f'<?xml version="1.0" encoding="utf-8"?>\n<ReservedIPs {NS}>\n{"".join(entries)}</ReservedIPs>\n'


def _ilb_only(name: str = "jobs", vm: str = "jobs01", url: str = "") -> str:
    return ILB_ONLY.format(name=name, vm=vm, url=f"\n  <Url>{url}</Url>" if url else "")


def test_a_body_without_url_takes_the_entry_of_its_deployment_name(tmp_path, monkeypatch):
    # The list says jobs-vip is on deployment `jobs` of service `jobs-svc`; the body names no service.
    files = {
        "jobs.deployment.xml": _ilb_only(),
        "reservedips.xml": _list(_entry("jobs-vip", "jobs-svc", "jobs")),
    }
    (finding,) = lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False).findings
    assert where([finding]) == ["MIG106 reservedips.xml:4:11"]
    assert finding.message.startswith(
        "reserved IP 'jobs-vip' of deployment 'jobs' is on a deployment with no"
    )


def test_mig105_says_the_vip_is_reserved_when_the_list_names_the_deployment(tmp_path, monkeypatch):
    files = {"jobs.deployment.xml": NO_VNET, "reservedips.xml": _list(_entry("jobs-vip", "jobs-svc", "jobs"))}
    (finding,) = lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False).findings
    assert where([finding]) == ["MIG105 jobs.deployment.xml:1:1"]
    assert "its VIP is reserved IP 'jobs-vip' and is kept" in finding.message


def test_an_entry_of_another_deployment_name_is_not_the_bodys(tmp_path, monkeypatch):
    # The service name is the body's deployment name, but the list puts the IP on deployment jobs-prod-2.
    for url in ("", "http://jobs.cloudapp.net/"):  # the service not named, and named
        files = {
            "jobs.deployment.xml": _ilb_only(url=url),
            "reservedips.xml": _list(_entry("jobs-vip", "jobs", "jobs-prod-2")),
        }
        assert lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False).findings == [], url
    files["jobs.deployment.xml"] = NO_VNET
    (finding,) = lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False).findings
    assert "its VIP is not reserved" in finding.message


def test_a_named_service_takes_the_entry_on_the_deployment_of_its_name(tmp_path, monkeypatch):
    files = {
        "jobs.deployment.xml": _ilb_only(url="http://jobs-svc.cloudapp.net/"),
        "reservedips.xml": _list(_entry("jobs-vip", "jobs-svc", "jobs")),
    }
    found = lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False).findings
    assert where(found) == ["MIG106 reservedips.xml:4:11"]


def test_an_entry_two_unnamed_deployments_may_hold_goes_to_neither(tmp_path, monkeypatch):
    # Two bodies of deployment `jobs` that name no service (and say nothing else of it): either may be the one.
    files = {
        "a/jobs.deployment.xml": _ilb_only(vm="jobs01"),
        "b/jobs.deployment.xml": _ilb_only(vm="batch01"),
        "reservedips.xml": _list(_entry("jobs-vip", "jobs-svc", "jobs")),
    }
    assert lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False).findings == []


def test_entries_of_two_services_for_one_unnamed_deployment_go_to_neither(tmp_path, monkeypatch):
    files = {
        "jobs.deployment.xml": _ilb_only(),
        "reservedips.xml": _list(_entry("jobs-vip", "jobs-a", "jobs"), _entry("other-vip", "jobs-b", "jobs")),
    }
    assert lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False).findings == []


def test_an_entry_of_a_named_service_goes_to_its_unnamed_deployment_of_that_name(tmp_path, monkeypatch):
    # The service's production deployment names it (its Url); the list names its other deployment, which a
    # body without a Url describes.
    files = {
        "prod.deployment.xml": _ilb_only(name="jobs", url="http://jobs-svc.cloudapp.net/"),
        "staging.deployment.xml": _ilb_only(name="jobs-staging", vm="jobs02"),
        "reservedips.xml": _list(_entry("jobs-vip", "jobs-svc", "jobs-staging")),
    }
    (finding,) = lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False).findings
    assert where([finding]) == ["MIG106 reservedips.xml:4:11"]
    assert "of deployment 'jobs-staging'" in finding.message


def test_a_script_releasing_a_services_ip_leaves_an_unnamed_deployment_of_that_name(tmp_path, monkeypatch):
    body = _ilb_only().replace(
        "</LoadBalancers>", "</LoadBalancers>\n  <ReservedIPName>jobs-vip</ReservedIPName>"
    )
    files = {
        "jobs.deployment.xml": body,
        "release.ps1": 'Remove-AzureReservedIPAssociation -ReservedIPName "jobs-vip" -ServiceName "jobs" -Force\n',
    }
    found = lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False).findings
    assert [f.code for f in found] == ["MIG106"]


def test_exported_vms_of_a_service_do_not_join_a_deployment_named_alike(tmp_path, monkeypatch):
    # The export's web01 is in service `jobs`; the body's deployment `jobs` names no service.
    row = graph_vm("5f1c2a3b-0000-4c1d-9e8f-123456789abc", "jobs", "web01", vnet="jobs-vnet", subnet="Jobs")
    files = {
        "jobs.deployment.xml": _ilb_only(),
        "classic.json": json.dumps({"count": 1, "data": [row], "skip_token": None}),
    }
    estate = lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False).estate
    services = sorted((s.named_by, s.name, [vm.name for vm in s.vms]) for s in estate.cloud_services)
    assert services == [("deployment", "jobs", ["jobs01"]), ("files", "jobs", ["web01"])]


def test_an_unnamed_body_may_describe_a_named_services_deployment_of_its_name(tmp_path, monkeypatch):
    # Service jobs-a has a deployment `jobs`, which the body without a Url may describe: the entry of
    # service jobs-b for a deployment `jobs` is not known to be the body's.
    files = {
        "a.deployment.xml": _ilb_only(url="http://jobs-a.cloudapp.net/", vm="jobs02"),
        "jobs.deployment.xml": _ilb_only(),
        "reservedips.xml": _list(_entry("jobs-vip", "jobs-b", "jobs")),
    }
    assert lint_files(tmp_path, monkeypatch, files, "MIG106", dedent=False).findings == []
