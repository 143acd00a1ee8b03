"""A pipeline token written where a name belongs is no name: the estate links nothing through it.

Configurations kept for a release pipeline write variables the pipeline replaces (`#{ServiceName}#`,
Octopus Deploy's `#{ServiceName}`, `__VNetName__`, `$(VNetName)`, `{0}`). Two files that write one token may be given two values (a
development and a production configuration): the services and networks they name are joined only within
the file that writes them, a token is never dangling, and messages say the name is a token."""

from __future__ import annotations

import pytest
from lint_support import lint_files
from test_estate_folder_named_service_is_the_stated_one import _deployment, _hosted_service, _role

from migcheck.estate import is_pipeline_token
from migcheck.plan import StepKind, build_plan


@pytest.mark.parametrize(
    "name",
    [
        "#{ServiceName}#",
        "__VNetName__",
        "$(VNetName)",
        "{0}",
        "${VNET}",
        "{{ vnet }}",
        "app-#{Env}#",
        "__Release.EnvironmentName__",
        "__vnet-name__",
        "app-__Env__",
        "vnet-{0}",
        "#{VNetName}",
        "#{Environment}-vnet",
    ],
)
def test_tokens_are_told(name):
    assert is_pipeline_token(name)


@pytest.mark.parametrize(
    "name",
    ["prod-vnet", "my_vnet", "Group rg-1 vnet", "web.svc", "_x_", "{a}", "", "prod__vnet__01", "a__b__c"],
)
def test_names_are_not_tokens(name):
    assert not is_pipeline_token(name)


CONFIGURATION = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="{service}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="{role}"><Instances count="2" /></Role>
  <NetworkConfiguration>
    <VirtualNetworkSite name="{vnet}" />
  </NetworkConfiguration>
</ServiceConfiguration>
"""

NETWORK_CONFIGURATION = """\
<?xml version="1.0" encoding="utf-8"?>
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="other-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.9.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="App"><AddressPrefix>10.9.0.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


def _configuration(service: str, role: str, vnet: str) -> str:
    return CONFIGURATION.format(service=service, role=role, vnet=vnet)


def test_two_files_naming_one_token_service_describe_two_services(tmp_path, monkeypatch):
    files = {
        "dev/svc.xml": _hosted_service(
            _deployment("d1", "Production", _role("vm1", avset="a")), service="#{Svc}#"
        ),
        "prod/svc.xml": _hosted_service(
            _deployment("d1", "Production", _role("vm2", avset="b")), service="#{Svc}#"
        ),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG102", dedent=False)
    assert result.findings == []
    assert [len(s.vms) for s in result.estate.cloud_services] == [1, 1]


def test_one_file_naming_a_token_service_is_one_service_and_says_so(tmp_path, monkeypatch):
    body = _hosted_service(
        _deployment("d1", "Production", _role("vm1", avset="a") + _role("vm2", avset="b")), service="#{Svc}#"
    )
    result = lint_files(tmp_path, monkeypatch, {"svc.xml": body}, "MIG102", dedent=False)
    [found] = result.findings
    assert found.message.startswith("cloud service '#{Svc}#' (a pipeline token) has 2 availability sets")


def test_a_token_network_of_two_files_holds_neither_file_s_roles_with_the_other_s_vms(tmp_path, monkeypatch):
    vms = _hosted_service(
        _deployment("d1", "Production", _role("vm1")).replace("vnet1", "$(VNet)"), service="vms1"
    )
    files = {
        "web/ServiceConfiguration.Cloud.cscfg": _configuration("web1", "Web", "$(VNet)"),
        "vms/svc.xml": vms,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG104", dedent=False)
    assert result.findings == []


def test_a_token_network_is_not_dangling(tmp_path, monkeypatch):
    files = {
        "web/ServiceConfiguration.Cloud.cscfg": _configuration("web1", "Web", "__VNetName__"),
        "network.netcfg": NETWORK_CONFIGURATION,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False)
    assert result.findings == []


def test_a_token_service_name_does_not_differ_from_its_definition_s(tmp_path, monkeypatch):
    definition = (
        '<ServiceDefinition name="billing" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/'
        'ServiceDefinition"><WebRole name="Web" vmsize="Small" /></ServiceDefinition>\n'
    )
    files = {
        "svc/ServiceDefinition.csdef": definition,
        "svc/ServiceConfiguration.Cloud.cscfg": _configuration("#{ServiceName}#", "Web", "prod-vnet"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False)
    assert [f.message for f in result.findings if "names service" in f.message] == []


def test_the_plan_moves_each_file_s_token_network_apart(tmp_path, monkeypatch):
    files = {
        "a/ServiceConfiguration.Cloud.cscfg": _configuration("#{ServiceName}#", "Web", "$(VNet)"),
        "b/ServiceConfiguration.Cloud.cscfg": _configuration("#{ServiceName}#", "Worker", "$(VNet)"),
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    steps = [s for s in build_plan(result).steps if s.kind is StepKind.NETWORK]
    assert [s.id for s in steps] == [
        "network:$(VNet)@a/ServiceConfiguration.Cloud.cscfg",
        "network:$(VNet)@b/ServiceConfiguration.Cloud.cscfg",
    ]
    assert steps[0].moves[0] == "virtual network '$(VNet)' (a pipeline token)"


def test_two_files_on_one_token_network_do_not_share_static_addresses(tmp_path, monkeypatch):
    """MIG306 groups VMs by network as the estate links them: per file, for a token network."""

    def body(service: str, vm: str) -> str:
        role = _role(vm, static="10.0.0.4")
        return _hosted_service(
            _deployment("d1", "Production", role).replace("vnet1", "$(VNet)"), service=service
        )

    apart = {"dev/svc.xml": body("svc-dev", "vm1"), "prod/svc.xml": body("svc-prod", "vm2")}
    assert lint_files(tmp_path / "apart", monkeypatch, apart, "MIG306", dedent=False).findings == []
    role = _role("vm1", static="10.0.0.4") + _role("vm2", static="10.0.0.4")
    one = _hosted_service(_deployment("d1", "Production", role).replace("vnet1", "$(VNet)"), service="svc")
    [found] = lint_files(tmp_path / "one", monkeypatch, {"svc.xml": one}, "MIG306", dedent=False).findings
    assert "virtual network '$(VNet)' (a pipeline token)" in found.message


def test_octopus_variables_are_each_file_s_own_network(tmp_path, monkeypatch):
    """Octopus Deploy's `#{Name}` (no closing `#`) is a token as `#{Name}#` is: two environments' network
    configurations that write it are two networks, each moved by a step that names its file."""
    network = NETWORK_CONFIGURATION.replace(
        '"other-vnet" Location="West Europe"', '"#{Environment}-vnet" Location="#{Location}"'
    )
    files = {"network/dev.netcfg": network, "network/prod.netcfg": network}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert len(result.estate.virtual_networks) == 2
    steps = [s for s in build_plan(result).steps if s.kind is StepKind.NETWORK]
    assert [s.id for s in steps] == [
        "network:#{Environment}-vnet@network/dev.netcfg",
        "network:#{Environment}-vnet@network/prod.netcfg",
    ]


def test_an_octopus_variable_network_of_a_configuration_is_not_dangling(tmp_path, monkeypatch):
    files = {
        "web/ServiceConfiguration.Cloud.cscfg": _configuration("#{ServiceName}", "Web", "#{VNetName}"),
        "network.netcfg": NETWORK_CONFIGURATION,
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False)
    assert result.findings == []
