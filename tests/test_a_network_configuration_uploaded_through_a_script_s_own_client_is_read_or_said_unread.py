"""A PowerShell script that calls the Service Management API through a client of its own
(`$restClient.ExecuteOperation2(@{ Verb = "PUT"; Resource = "services/networking/media"; Content = … })`)
uploads a network configuration: one written out, loaded into an XML document (`$doc.LoadXml($text)`, then
`$doc.OuterXml`), or built with the format operator (`'<…name="{0}"…>' -f $name`), is read as the same body
sent by Invoke-RestMethod is (MIG303 for a network bound to an affinity group); one it builds in a way the
reader does not follow (a response it changes with ImportNode/AppendChild) is said as an unread part. The
client's requests to the subscription's affinity groups (`"affinityGroups"`) are listed by MIG601."""

from __future__ import annotations

from lint_support import lint_files, run_cli, script_resources, where

from migcheck.model import CLIENT_UPLOAD_NOT_FOLLOWED, Script

NETCFG = """'<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="{0}" AffinityGroup="{1}">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>'"""

LOADED = (
    "$netcfg = "
    + NETCFG.format("appnet", "ag1")
    + """
$doc = New-Object Xml.XmlDocument
$doc.LoadXml($netcfg)
$restClient.ExecuteOperation2(@{ Verb = "PUT"; Resource = "services/networking/media"; Content = $doc.OuterXml })
"""
)

FORMATTED = (
    "param($networkName, $affinityGroup)\n$netcfg = "
    + NETCFG
    + """ -f $networkName, $affinityGroup
$restClient.ExecuteOperation("PUT", "services/networking/media", $netcfg)
"""
)

EDITED_RESPONSE = """\
$networkDef = $restClient.Request(@{ Verb = "GET"; Resource = "services/networking/media" })
$site = $networkDef.ImportNode($newSite, $true)
$networkDef.NetworkConfiguration.VirtualNetworkConfiguration.Item("VirtualNetworkSites").AppendChild($site)
$restClient.ExecuteOperation2(@{ Verb = "PUT"; Resource = "services/networking/media"; Content = $networkDef.OuterXml })
"""


def _findings(tmp_path, monkeypatch, script):
    return lint_files(tmp_path, monkeypatch, {"net.ps1": script}, "MIG303", "MIG601", dedent=False).findings


def _unread(script: str) -> list[int]:
    scripts = [r for r in script_resources(script, "net.ps1") if isinstance(r, Script)]
    return [m.line for s in scripts for m in s.unread if m.tag == CLIENT_UPLOAD_NOT_FOLLOWED]


def test_a_configuration_loaded_into_an_xml_document_is_read(tmp_path, monkeypatch):
    findings = _findings(tmp_path, monkeypatch, LOADED)
    assert where(findings) == ["MIG303 net.ps1:4:56", "MIG601 net.ps1:12:59"]
    assert "virtual network 'appnet' is bound to affinity group 'ag1'" in findings[0].message
    assert _unread(LOADED) == []


def test_a_configuration_built_with_the_format_operator_is_read(tmp_path, monkeypatch):
    findings = _findings(tmp_path, monkeypatch, FORMATTED)
    assert [f.code for f in findings] == ["MIG303", "MIG601"]
    assert _unread(FORMATTED) == []


def test_a_response_edited_and_sent_back_is_said_unread(tmp_path, monkeypatch):
    assert _unread(EDITED_RESPONSE) == [4]
    assert [f.code for f in _findings(tmp_path, monkeypatch, EDITED_RESPONSE)] == ["MIG601"]


def test_reading_the_configuration_is_no_upload():
    assert _unread('$restClient.Request(@{ Verb = "GET"; Resource = "services/networking/media" })\n') == []


def test_the_client_s_affinity_group_requests_are_listed(tmp_path, monkeypatch):
    script = (
        '$restClient.Request(@{ Verb = "GET"; Resource = "affinityGroups/$affinityGroup" })\n'
        '$restClient.ExecuteOperation("POST", "affinityGroups", $affinityGroupDef)\n' + EDITED_RESPONSE
    )
    [finding] = _findings(tmp_path, monkeypatch, script)
    assert "a request to management.core.<...>/<subscription-id>/affinityGroups/<...>" in finding.message
    assert "a request to management.core.<...>/<subscription-id>/affinityGroups," in finding.message
    assert where([finding]) == ["MIG601 net.ps1:1:1"]


PYTHON = '''\
from mgmt_client import ManagementClient

NETCFG = """<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="appnet" AffinityGroup="ag1">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>"""

client = ManagementClient("subscription-id")
client.execute_operation("POST", "affinityGroups", "<CreateAffinityGroup/>")
client.execute_operation("PUT", "services/networking/media", NETCFG)
'''


def _python_unread(script: str) -> list[int]:
    scripts = [r for r in script_resources(script, "net.py") if isinstance(r, Script)]
    return [m.line for s in scripts for m in s.unread if m.tag == CLIENT_UPLOAD_NOT_FOLLOWED]


def test_python_a_configuration_its_own_client_puts_is_read(tmp_path, monkeypatch):
    findings = lint_files(
        tmp_path, monkeypatch, {"net.py": PYTHON}, "MIG303", "MIG601", dedent=False
    ).findings
    assert [f.code for f in findings] == ["MIG303", "MIG601"]
    assert "virtual network 'appnet' is bound to affinity group 'ag1'" in findings[0].message
    assert "a request to management.core.<...>/<subscription-id>/affinityGroups," in findings[1].message
    assert _python_unread(PYTHON) == []


def test_python_a_configuration_its_own_client_puts_unfollowed_is_said_unread():
    script = PYTHON.replace("NETCFG)", "document.toxml())")
    assert _python_unread(script) == [15]


def test_python_reading_the_configuration_is_no_upload():
    assert (
        _python_unread(PYTHON.replace('"PUT", "services', '"GET", "services').replace(", NETCFG)", ")")) == []
    )


def test_check_says_why_the_upload_is_not_followed(tmp_path, monkeypatch, capsys):
    (tmp_path / "net.ps1").write_text(EDITED_RESPONSE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, err = run_cli(capsys, "check", "--verbose", ".")
    said = "net.ps1:4:1: this line uploads a network configuration (a PUT to .../services/networking/media)"
    assert f"Not read as written: {said}" in out
    assert f"migcheck: {said}" in err
    assert "through a client of the script's own" in out
