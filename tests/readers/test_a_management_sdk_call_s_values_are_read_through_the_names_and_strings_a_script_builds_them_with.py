"""A management SDK call that puts a Resource Manager resource on a classic one is read for the values as a
real script passes them, not only as written in the call: a dict or a model held in a function's local, a
dict built key by key, a parameter a call of the function passes or leaves to its default, an id built
with an f-string or `+` of names it states (marked at the expression that builds it), and one built of a
value the script does not state, which names a stand-in (never a guess). So for a peering with a classic
network and a cloud service of extended support."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

SUB = "/subscriptions/11111111-2222-3333-4444-555555555555"
VNET = f"{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1"
ROLE = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/domainNames/shop/slots/Production/roles/Web"

HEAD = """\
import sys
from azure.identity import DefaultAzureCredential
from azure.mgmt.apimanagement.models import ApiManagementServiceResource, VirtualNetworkConfiguration
from azure.mgmt.web import WebSiteManagementClient

SUB = "{sub}"
"""
F_STRING = 'f"'  # where an f-string starts


def _column(script: str, line: int, text: str) -> int:
    return script.split("\n")[line - 1].index(text) + 1


def _lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> tuple[str, list[str], list[str]]:
    script = HEAD.format(sub=SUB) + body
    result = lint_files(tmp_path, monkeypatch, {"ops.py": script}, dedent=False)
    return script, where(result.findings), [f.message for f in result.findings]


def test_a_dict_held_in_a_function_s_local_is_read_at_its_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = f"""
def main():
    client = WebSiteManagementClient(DefaultAzureCredential(), "11111111-2222-3333-4444-555555555555")
    ase = {{"virtual_network": {{"id": "{VNET}", "subnet": "ase"}}}}
    client.app_service_environments.begin_create_or_update("g", "shop-ase", ase)


main()
"""
    script, found, messages = _lint(tmp_path, monkeypatch, body)
    assert found == [f"MIG314 ops.py:10:{_column(script, 10, chr(34) + VNET)}"]
    assert "App Service Environment 'shop-ase' is created in classic virtual network 'vnet1'" in messages[0]


def test_a_dict_built_key_by_key_of_a_model_held_in_a_local_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = f"""
def create(client):
    network = VirtualNetworkConfiguration(subnet_resource_id="{VNET}/subnets/apim")
    params = {{}}
    params["virtual_network_type"] = "External"
    params["virtual_network_configuration"] = network
    client.api_management_service.begin_create_or_update("apim-rg", "shop-apim", params)


create(object())
"""
    script, found, messages = _lint(tmp_path, monkeypatch, body)
    assert found == [f"MIG319 ops.py:9:{_column(script, 9, chr(34) + VNET)}"]
    assert (
        "API Management service 'shop-apim' is in classic virtual network 'vnet1', subnet 'apim'"
        in messages[0]
    )


def test_an_id_built_with_an_f_string_of_parameters_left_to_their_defaults_is_marked_at_the_f_string(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = """
def create(client, group="Default-Networking", vnet="vnet2"):
    vnet_id = f"{SUB}/resourceGroups/{group}/providers/Microsoft.ClassicNetwork/virtualNetworks/{vnet}"
    client.app_service_environments.begin_create_or_update("g", "ase2", {"virtual_network": {"id": vnet_id}})


create(object())
create(object(), vnet="vnet3")
"""
    script, found, messages = _lint(tmp_path, monkeypatch, body)
    column = _column(script, 9, F_STRING)
    assert found == [f"MIG314 ops.py:9:{column}", f"MIG314 ops.py:9:{column}"]
    assert "classic virtual network 'vnet2'" in messages[0]
    assert "classic virtual network 'vnet3'" in messages[1]


def test_an_id_joined_with_plus_to_a_module_s_name_is_marked_at_the_expression(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = """
BASE = SUB + "/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1"
apim = ApiManagementServiceResource(
    virtual_network_configuration=VirtualNetworkConfiguration(subnet_resource_id=BASE + "/subnets/apim")
)
object().api_management_service.begin_create_or_update("apim-rg", "shop-apim", apim)
"""
    script, found, messages = _lint(tmp_path, monkeypatch, body)
    assert found == [f"MIG319 ops.py:10:{_column(script, 10, 'BASE +')}"]
    assert "classic virtual network 'vnet1', subnet 'apim'" in messages[0]


@pytest.mark.parametrize("name", ["{sys.argv[1]}", "net-{sys.argv[1]}"], ids=["whole", "in part"])
def test_an_id_built_of_a_value_not_stated_names_a_stand_in_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    # a name built in part of a value not stated is none the script names: the stand-in is all of it
    body = """
vnet_id = f"{SUB}/resourceGroups/rg/providers/Microsoft.ClassicNetwork/virtualNetworks/NAME"
object().app_service_environments.create_or_update("g", "ase", {"virtual_network": {"id": vnet_id}})
""".replace("NAME", name)
    script, found, messages = _lint(tmp_path, monkeypatch, body)
    assert found == [f"MIG314 ops.py:8:{_column(script, 8, F_STRING)}"]
    assert "classic virtual network '<value not stated, ops.py:8>'" in messages[0]


def test_an_id_whose_classic_type_is_not_stated_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = """
vnet_id = f"{SUB}/resourceGroups/rg/providers/{sys.argv[1]}/virtualNetworks/vnet1"
object().app_service_environments.create_or_update("g", "ase", {"virtual_network": {"id": vnet_id}})
NOTE = "Microsoft.ClassicNetwork/virtualNetworks/"
"""
    _, found, _ = _lint(tmp_path, monkeypatch, body)
    assert found == []


def test_a_peering_and_an_extended_support_service_are_read_through_locals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = f"""
def peer(network, cloud_services):
    remote = {{"id": "{VNET}"}}
    peering = {{"remote_virtual_network": remote}}
    name = "hub-to-classic"
    network.virtual_network_peerings.begin_create_or_update("hub-rg", "hub-vnet", name, peering)
    service = "shop-cses"
    cloud_services.begin_create_or_update("cses-rg", service, {{}})


peer(object(), object())
"""
    script, found, messages = _lint(tmp_path, monkeypatch, body)
    assert f"MIG313 ops.py:9:{_column(script, 9, chr(34) + VNET)}" in found
    peering = messages[found.index(f"MIG313 ops.py:9:{_column(script, 9, chr(34) + VNET)}")]
    assert "peered with Resource Manager network 'hub-vnet' (peering 'hub-to-classic')" in peering


UPDATES = f"""
from azure.mgmt.apimanagement.models import ApiManagementServiceUpdateParameters

NETWORK = VirtualNetworkConfiguration(subnet_resource_id="{VNET}/subnets/apim")
object().api_management_service.begin_update(
    "apim-rg", "shop-apim", ApiManagementServiceUpdateParameters(virtual_network_configuration=NETWORK)
)
object().app_service_environments.update(
    "ase-rg", "shop-ase", hosting_environment_envelope={{"virtual_network": {{"id": "{VNET}"}}}}
)
object().domain_services.begin_update(
    "aadds-rg", "corp.example.com", domain_service={{"replica_sets": [{{"subnet_id": "{VNET}/subnets/aadds"}}]}}
)
object().autoscale_settings.update(
    "mon-rg", "web-scale", autoscale_setting_resource={{"target_resource_uri": "{ROLE}"}}
)
object().app_service_environments.update_tags("ase-rg", "shop-ase", {{"virtual_network": {{"id": "{VNET}"}}}})
"""


def test_an_update_that_puts_a_service_in_a_classic_network_is_read_as_its_creation_is_and_told_as_an_update(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script, found, messages = _lint(tmp_path, monkeypatch, UPDATES)
    apim, ase, aadds = (_column(script, line, chr(34) + VNET) for line in (10, 15, 18))
    scale = _column(script, 21, chr(34) + ROLE)
    assert found == [
        f"MIG319 ops.py:10:{apim}",
        f"MIG314 ops.py:15:{ase}",
        f"MIG317 ops.py:18:{aadds}",
        f"MIG503 ops.py:21:{scale}",  # the model by its keyword; `update_tags` changes tags only
    ]
    assert "API Management service 'shop-apim' is in classic virtual network 'vnet1'" in messages[0]
    assert "App Service Environment 'shop-ase' is updated to sit in classic virtual network" in messages[1]
    assert "so the update fails today" in messages[1]
    assert "managed domain 'corp.example.com' is updated to sit in classic virtual network" in messages[2]
    assert "autoscale setting 'web-scale' scales classic role 'Web' of cloud service 'shop'" in messages[3]
