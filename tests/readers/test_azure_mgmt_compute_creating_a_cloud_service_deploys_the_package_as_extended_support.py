"""A Python script that creates a cloud service with azure-mgmt-compute (`cloud_services.begin_create_or_update`)
creates one of extended support, as `New-AzCloudService` and `az cloud-service create` do: the package it
deploys is not classic, and MIG101 reports it once, as a warning about the retirement."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import ExtendedSupportService, Severity
from migcheck.readers import python_script

CSDEF = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small"/>
</ServiceDefinition>
"""
SCRIPT = """\
from azure.identity import DefaultAzureCredential
from azure.mgmt.compute import ComputeManagementClient

NAME = "shop"
client = ComputeManagementClient(DefaultAzureCredential(), "8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c")
poller = client.cloud_services.{call}
"""
CALLS = {
    "positional": 'begin_create_or_update("shop-rg", "shop", {"location": "westeurope"})',
    "keywords": 'begin_create_or_update(resource_group_name="shop-rg", cloud_service_name=NAME, parameters={})',
    "older-sdk": 'create_or_update("shop-rg", NAME, {"location": "westeurope"})',
}


def _evidence(text: str) -> list[ExtendedSupportService]:
    data = text.encode()
    assert python_script.sniff(data)  # no classic SDK: read for this all the same
    document = python_script.read("deploy/create.py", data)
    assert document.problem is None
    return [r for r in document.resources if isinstance(r, ExtendedSupportService)]


@pytest.mark.parametrize("call", sorted(CALLS))
def test_the_call_names_its_service_by_a_string_or_a_module_constant(call):
    (record,) = _evidence(SCRIPT.format(call=CALLS[call]))
    assert record.name == "shop" and record.mark.line == 6
    method = CALLS[call].split("(")[0]
    assert record.via == f"creates it with azure-mgmt-compute's cloud_services.{method}"


def test_a_name_the_script_does_not_state_names_none_and_reads_leave_nothing():
    (record,) = _evidence(SCRIPT.format(call="begin_create_or_update(group, name, parameters)"))
    assert record.name == ""
    assert _evidence(SCRIPT.format(call='get("shop-rg", "shop")')) == []


def test_mig101_says_the_package_is_of_extended_support(tmp_path, monkeypatch):
    files = {
        "shop/ServiceDefinition.csdef": CSDEF,
        "deploy/create.py": SCRIPT.format(call=CALLS["positional"]),
    }
    found = lint_files(tmp_path, monkeypatch, files, dedent=False).findings
    assert where(found) == ["MIG101 shop/ServiceDefinition.csdef:2:3"]
    assert found[0].severity is Severity.WARNING
    assert "(deploy/create.py:6 creates it with azure-mgmt-compute's" in found[0].message
