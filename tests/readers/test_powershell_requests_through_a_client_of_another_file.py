"""A script that drives the Service Management API through a client whose host lives in another file
(`. "$PSScriptRoot\\lib\\management_rest_client.ps1"`, then `$client.ExecuteOperation("POST",
"services/networking/$name/gateway", …)`) states only the API's request paths. Each is the API's own
(`<subscription>/services/networking/media`, `.../services/hostedservices/<service>/...`): MIG601 names the
requests, and a network configuration document the script sends to Set Network Configuration's path is
read as the .netcfg it is. Before, such a script was "no classic file"."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Script
from migcheck.readers import read_document
from migcheck.readers.powershell import sniff

HEAD = (
    "param($subscriptionId, $networkName, $serviceName)\n"
    '. "$PSScriptRoot\\lib\\management_rest_client.ps1"\n'
    "$client = new_management_rest_client $subscriptionId\n"
)

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="testnet" AffinityGroup="testuswest">
        <AddressSpace><AddressPrefix>192.168.0.0/24</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="Subnet-1"><AddressPrefix>192.168.0.0/27</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>"""

PATHS = {
    "a network configuration upload": (
        '$client.ExecuteOperation2(@{ Verb = "PUT"; Resource = "services/networking/media" })',
        "a request to management.core.<...>/<subscription-id>/services/networking/media",
    ),
    "a gateway of a network the script names": (
        '$client.ExecuteOperation("POST", "services/networking/$networkName/gateway", "")',
        "a request to management.core.<...>/<subscription-id>/services/networking/<...>/gateway",
    ),
    "a deployment, with the subscription": (
        '$path = "$subscriptionId/services/hostedservices/$serviceName/deployments"\n'
        '$client.ExecuteOperation("GET", $path, "")',
        "a request to management.core.<...>/<subscription-id>/services/hostedservices/<...>/deployments",
    ),
    "sent to a host the script does not state": (
        'Invoke-RestMethod -Uri "$base/services/networking/media" -Method Put',
        "a request to management.core.<...>/<subscription-id>/services/networking/media",
    ),
    "a storage account, in single quotes": (
        "$client.Get('services/storageservices/acct1/keys')",
        "a request to management.core.<...>/<subscription-id>/services/storageservices/acct1/keys",
    ),
}


def _calls(text: str) -> list[str]:
    doc = read_document("deploy/net.ps1", text.encode(), explicit=False)
    scripts = [r for r in doc.resources if isinstance(r, Script)] if doc is not None else []
    return [call.name for script in scripts for call in script.calls]


@pytest.mark.parametrize("case", PATHS)
def test_a_request_path_is_a_classic_call(case):
    line, name = PATHS[case]
    text = HEAD + line + "\n"
    assert sniff(text.encode())
    assert _calls(text) == [name]


@pytest.mark.parametrize(
    "line",
    [
        'Write-Output "see services/networking/media in the docs"',  # prose, not a path
        '$client.Get("services/other/thing")',  # no collection of the API
        '$client.Get("myservices/networking/media")',  # another word
        '$client.Get("services/networkingx")',
    ],
)
def test_other_strings_are_no_request(line):
    assert _calls(HEAD + line + "\n") == []


def test_mig601_names_the_api_and_the_uploaded_configuration_is_read(tmp_path, monkeypatch):
    text = (
        HEAD
        + f"$networkDef = [xml]'{NETCFG}'\n"
        + '$client.ExecuteOperation2(@{ Verb = "PUT"; Resource = "services/networking/media"; '
        + "Content = $networkDef.OuterXml })\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"add-vnet.ps1": text}, dedent=False)
    found = {(f.code, f.resource_name) for f in result.findings}
    assert ("MIG303", "testnet") in found  # the network is bound to an affinity group
    (mig601,) = [f for f in result.findings if f.code == "MIG601"]
    assert "uses the Service Management API (a request to management.core.<...>/<subscription-id>/" in (
        mig601.message
    )


def test_a_configuration_not_sent_to_the_upload_path_is_not_read(tmp_path, monkeypatch):
    text = (
        HEAD
        + f"$networkDef = '{NETCFG}'\n"
        + '$client.Send("services/networking/testnet/gateway", $networkDef)\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"add-vnet.ps1": text}, dedent=False)
    assert [f.code for f in result.findings] == ["MIG601"]


def test_a_string_cast_keeps_its_value():
    """`$name = [string]'svc1'` holds the string, as `[string]$name = 'svc1'` does."""
    doc = read_document(
        "deploy/s.ps1", b"$name = [string]'svc1'\nNew-AzureService -ServiceName $name\n", explicit=True
    )
    assert doc is not None
    (script,) = [r for r in doc.resources if isinstance(r, Script)]
    assert [change for call in script.changes for change in call.changes] == [("cloud-service", "svc1")]


def test_a_path_the_script_sends_to_the_api_s_host_is_one_request():
    """Joined to the host where it is sent, the path is that request's, listed once by its URL."""
    text = (
        'Invoke-RestMethod -Method PUT -Uri ("https://management.core.windows.net/" + $sub + '
        '"/services/networking/media") -Body $body\n'
    )
    assert _calls(text) == ["PUT management.core.windows.net/<subscription-id>/services/networking/media"]


def test_a_url_on_another_host_is_no_request_path():
    assert _calls(HEAD + 'Invoke-RestMethod -Uri "https://example.com/services/hostedservices"\n') == []
