"""A deployment slot's `configuration`, the .cscfg an ARM template or a Bicep file writes as one string, is
read with each of its elements marked where the string writes the element's `<` in the template: a JSON
string's escapes (`\\n`, `\\"`, `\\u003c`) and a Bicep string's (`\\n`, `\\'`) counted, a Bicep `'''` string
over several lines followed line by line. A finding about a reserved IP, an access control list or a role's
settings then points at that element, not at the string's start."""

from __future__ import annotations

import json

import pytest
from growth import assert_linear
from lint_support import lint_files, where

from migcheck.model import Deployment, FileKind
from migcheck.readers import bicep, inventory

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
CSCFG = """\
<ServiceConfiguration serviceName="Shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2" /></Role>
  <NetworkConfiguration>
    <AccessControls>
      <AccessControl name="ops">
        <Rule action="permit" description="it's ops" order="100" remoteSubnet="10.0.0.0/8" />
      </AccessControl>
    </AccessControls>
    <EndpointAcls>
      <EndpointAcl role="Web" endPoint="HttpIn" accessControl="ops" />
    </EndpointAcls>
    <VirtualNetworkSite name="legacy-vnet" />
    <AddressAssignments>
      <ReservedIPs><ReservedIP name="shop-ip" /></ReservedIPs>
    </AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
"""


TWO_ROLES = CSCFG.replace(
    '<Role name="Web"><Instances count="2" /></Role>',
    '<Role name="Web"><Instances count="2" /></Role>\n  <Role name="Worker"><Instances count="1" /></Role>',
)


def _template(configuration: str) -> str:
    slot = {"type": "slots", "apiVersion": "2016-04-01", "name": "production"}
    slot["properties"] = {"configuration": configuration}
    service = {"type": "Microsoft.ClassicCompute/domainNames", "apiVersion": "2016-04-01", "name": "shop"}
    return json.dumps(
        {"$schema": SCHEMA, "resources": [{**service, "location": "westeurope", "resources": [slot]}]}
    )


def _bicep(literal: str) -> str:
    return (
        "resource svc 'Microsoft.ClassicCompute/domainNames@2016-04-01' = {\n"
        "  name: 'shop'\n  location: 'westeurope'\n}\n\n"
        "resource prod 'Microsoft.ClassicCompute/domainNames/slots@2016-04-01' = {\n"
        "  parent: svc\n  name: 'production'\n  properties: {\n"
        f"    configuration: {literal}\n  }}\n}}\n"
    )


def _position(text: str, written: str) -> tuple[int, int]:
    """(line, column) of the first `written` in `text`."""
    offset = text.index(written)
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def _deployment(path: str, text: str) -> Deployment:
    reader = bicep if path.endswith(".bicep") else inventory
    document = reader.read(path, text.encode())
    assert document.kind is FileKind.INVENTORY and document.problem is None
    [deployment] = [r for r in document.resources if isinstance(r, Deployment)]
    return deployment


def _where_written(deployment: Deployment) -> tuple[tuple[int, int], tuple[int, int]]:
    reserved, network = deployment.reserved_ip, deployment.virtual_network
    assert reserved is not None and network is not None
    return (reserved.mark.line, reserved.mark.column), (network.mark.line, network.mark.column)


def test_a_json_slot_s_configuration_on_one_line_marks_each_element_where_the_string_writes_it():
    text = _template(CSCFG)
    assert text.count("\n") == 0 and '\\"' in text  # one line, its quotes and line breaks escaped
    deployment = _deployment("azuredeploy.json", text)
    assert _where_written(deployment) == (
        _position(text, "<ReservedIP name"),
        _position(text, "<VirtualNetworkSite"),
    )


def test_a_json_configuration_that_escapes_its_angle_brackets_marks_each_element_at_its_escape():
    text = _template(CSCFG).replace("<", "\\u003c")
    deployment = _deployment("azuredeploy.json", text)
    assert _where_written(deployment) == (
        _position(text, "\\u003cReservedIP name"),
        _position(text, "\\u003cVirtualNetworkSite"),
    )


def test_a_bicep_multi_line_configuration_marks_each_element_on_its_own_line():
    text = _bicep(f"'''\n{CSCFG}'''")
    deployment = _deployment("main.bicep", text)
    assert _where_written(deployment) == (
        _position(text, "<ReservedIP name"),
        _position(text, "<VirtualNetworkSite"),
    )
    assert _position(text, "<ReservedIP name")[0] > _position(text, "configuration:")[0] + 1


def test_a_bicep_string_with_escapes_marks_each_element_where_it_writes_it():
    escaped = CSCFG.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n")
    text = _bicep(f"'{escaped}'")
    deployment = _deployment("main.bicep", text)
    assert _where_written(deployment) == (
        _position(text, "<ReservedIP name"),
        _position(text, "<VirtualNetworkSite"),
    )


@pytest.mark.parametrize(
    ("name", "text"), [("azuredeploy.json", _template(CSCFG)), ("main.bicep", _bicep(f"'''\n{CSCFG}'''"))]
)
def test_an_acl_of_a_slot_s_configuration_is_mig201_at_its_endpoint_acl(tmp_path, monkeypatch, name, text):
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG201", dedent=False)
    line, column = _position(text, "<EndpointAcl ")
    assert where(result.findings) == [f"MIG201 {name}:{line}:{column}"]


@pytest.mark.parametrize(
    ("name", "text"),
    [("azuredeploy.json", _template(TWO_ROLES)), ("main.bicep", _bicep(f"'''\n{TWO_ROLES}'''"))],
)
def test_each_role_of_a_slot_s_configuration_is_mig101_at_its_role_element(tmp_path, monkeypatch, name, text):
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG101", dedent=False)
    quote = '\\"' if name.endswith(".json") else '"'  # as the string writes it
    expected = [_position(text, f"<Role name={quote}{role}{quote}") for role in ("Web", "Worker")]
    assert sorted(where(result.findings)) == sorted(
        f"MIG101 {name}:{line}:{column}" for line, column in expected
    )


def test_a_configuration_the_template_works_out_keeps_the_string_s_mark():
    text = _bicep("'${'<'}ServiceConfiguration serviceName=\"Shop\" />'")
    deployment = _deployment("main.bicep", text)
    assert all(role.mark.line == _position(text, "configuration:")[0] for role in deployment.roles)


def _many_reserved_ips(count: int) -> str:
    reserved = "".join(f'<ReservedIP name="ip-{n}" />\n' for n in range(count))
    return CSCFG.replace('<ReservedIP name="shop-ip" />', reserved)


@pytest.mark.parametrize("literal", ["json", "bicep"])
def test_marking_a_long_configuration_costs_in_line_with_its_length(literal):
    def make(n: int):
        cscfg = _many_reserved_ips(n)
        if literal == "json":
            text, path = _template(cscfg), "azuredeploy.json"
        else:
            text, path = _bicep(f"'''\n{cscfg}'''"), "main.bicep"
        return lambda: _deployment(path, text)

    assert_linear(make, 400)


def test_a_configuration_read_without_its_byte_order_mark_keeps_the_string_s_mark():
    # The text read is one character shorter than the string: the string's characters do not end where the
    # text does, so nothing is placed by them.
    text = _template("\ufeff" + CSCFG)
    reserved = _deployment("azuredeploy.json", text).reserved_ip
    assert reserved is not None
    assert (reserved.mark.line, reserved.mark.column) == _position(text, '"\\ufeff')
