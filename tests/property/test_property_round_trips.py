"""Round trips: random resources from the model, written in each format that can express them (REST
bodies, Export-AzureVM files, cscfg, csdef, netcfg) in any layout, read back as the same resources."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from property_models import (
    deployments,
    network_configurations,
    service_configurations,
    service_definitions,
    styles,
    vms,
)
from property_xml import PLAIN, Style, Written, cscfg, csdef, export_vm, netcfg, rest_deployment, unmarked

from migcheck.model import (
    Deployment,
    Document,
    NetworkConfiguration,
    Role,
    ServiceConfiguration,
    ServiceDefinition,
)
from migcheck.readers import read_document

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_back(path: str, written: Written, style: Style = PLAIN) -> Document:
    """The document read from `written` rendered in `style`; it must read without a problem."""
    doc = read_document(path, written.render(style), explicit=False)
    assert doc is not None
    assert doc.problem is None, doc.problem
    return doc


def _same(doc: Document, *expected: object) -> None:
    assert unmarked(doc.resources) == unmarked(expected)


@SETTINGS
@given(vm=vms(), typed_sets=st.booleans(), style=styles)
def test_export_azurevm_round_trip(vm: Role, typed_sets: bool, style: Style) -> None:
    written = export_vm(vm, typed_sets=typed_sets)
    _same(read_back("vm.xml", written), vm)
    _same(read_back("vm.xml", written, style), vm)


@SETTINGS
@given(deployment=deployments(), style=styles)
def test_rest_deployment_round_trip(deployment: Deployment, style: Style) -> None:
    written = rest_deployment(deployment)
    _same(read_back("d.xml", written), deployment)
    _same(read_back("d.xml", written, style), deployment)


@SETTINGS
@given(vm=vms(), style=styles)
def test_one_vm_reads_the_same_from_both_formats(vm: Role, style: Style) -> None:
    """A VM exported with Export-AzureVM and the same VM in a REST deployment are one VM."""
    deployment = Deployment("", "d", "Production", (vm,), (), None, None, vm.mark)
    (from_rest,) = read_back("d.xml", rest_deployment(deployment), style).resources
    (from_export,) = read_back("vm.xml", export_vm(vm), style).resources
    assert unmarked(from_rest.roles) == unmarked((from_export,))


@SETTINGS
@given(config=service_configurations(), style=styles)
def test_cscfg_round_trip(config: ServiceConfiguration, style: Style) -> None:
    _same(read_back("ServiceConfiguration.Cloud.cscfg", cscfg(config), style), config)


@SETTINGS
@given(definition=service_definitions(), style=styles)
def test_csdef_round_trip(definition: tuple[ServiceDefinition, int], style: Style) -> None:
    written, instance_endpoints = definition
    _same(read_back("ServiceDefinition.csdef", csdef(written, instance_endpoints), style), written)


@SETTINGS
@given(config=network_configurations, style=styles)
def test_netcfg_round_trip_with_sites_dns_and_gateways(config: NetworkConfiguration, style: Style) -> None:
    _same(read_back("NetworkConfig.netcfg", netcfg(config), style), config)


@SETTINGS
@given(count=st.text(alphabet="0123456789²³¹①", min_size=1, max_size=3))
def test_cscfg_reads_whatever_its_instance_count_says(count: str) -> None:
    text = f'<ServiceConfiguration serviceName="s"><Role name="Web"><Instances count="{count}"/></Role></ServiceConfiguration>'
    doc = read_document("s.cscfg", text.encode(), explicit=False)
    assert doc is not None and doc.problem is None, doc.problem
    ((role,),) = [c.roles for c in doc.resources]
    assert role.name == "Web"
    if count.isascii():
        assert role.instances == int(count)
