"""A run does not hold the source text of the files it read (`migcheck.texts`): it reads a file again for
its findings' positions and snippets, and only uses what it reads if it is the text the findings were found
in."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from migcheck import engine, guarded
from migcheck import texts as texts_module
from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules
from migcheck.report.text import format_finding

RULES = load_rules(entry_points=False)

ACL = """\
<ServiceConfiguration serviceName="shop">
  <Role name="Web"><Instances count="2"/></Role>
  <NetworkConfiguration>
    <AccessControls>
      <AccessControl name="office">
        <Rule order="100" action="permit" remoteSubnet="203.0.113.0/24" description="office"/>
      </AccessControl>
    </AccessControls>
    <EndpointAcls>
      <EndpointAcl role="Web" endPoint="HttpsIn" accessControl="office"/>
    </EndpointAcls>
  </NetworkConfiguration>
</ServiceConfiguration>
"""
CLEAN = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="ok-vnet" Location="West Europe">
      <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""


@pytest.fixture(autouse=True)
def _texts_read_again(monkeypatch):
    """What is tested here is a text read again: a check of files as small as these holds them instead
    (`migcheck.texts.HELD_BYTES`)."""
    monkeypatch.setattr(texts_module, "HELD_BYTES", -1)


@pytest.fixture
def estate(tmp_path, monkeypatch) -> Path:
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "ServiceConfiguration.Cloud.cscfg").write_text(ACL, encoding="utf-8")
    (tmp_path / "network").mkdir()
    (tmp_path / "network" / "NetworkConfig.netcfg").write_text(CLEAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _only_mig201(result):
    return [f for f in result.findings if f.code == "MIG201"]


def test_no_text_is_held_and_a_finding_is_located_in_the_file_read_again(estate):
    result = lint(["."], Config(), RULES)
    assert all(d.text == "" for d in result.documents)
    (finding,) = _only_mig201(result)
    loc = finding.location
    assert (loc.path, loc.line, loc.column) == ("shop/ServiceConfiguration.Cloud.cscfg", 10, 7)
    assert result.sources["shop/ServiceConfiguration.Cloud.cscfg"].text == ACL
    assert "10 |       <EndpointAcl" in format_finding(finding, result.sources.get(loc.path))


def test_only_the_files_with_findings_are_read_again(estate, monkeypatch):
    read: list[str] = []
    real = guarded.read_bytes

    def counting(path: str, limit: int, **options: object) -> bytes:
        read.append(path.replace("\\", "/"))
        return real(path, limit, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(guarded, "read_bytes", counting)
    lint(["."], Config(), RULES)
    assert sorted(read) == sorted(
        ["./network/NetworkConfig.netcfg", *["./shop/ServiceConfiguration.Cloud.cscfg"] * 2]
    )


def test_a_file_that_changed_since_it_was_read_is_not_located_in_its_new_text(estate, monkeypatch):
    """Its findings keep the line its reader gave, with no snippet and no fix: positions found in other
    text than the findings were found in would point at the wrong place."""
    path = estate / "shop" / "ServiceConfiguration.Cloud.cscfg"
    real_link = engine.link

    def link_then_edit(documents, grouping):
        path.write_text("<!-- moved -->\n\n\n" + ACL, encoding="utf-8")  # the ACL now starts on line 13
        return real_link(documents, grouping)

    monkeypatch.setattr(engine, "link", link_then_edit)
    result = lint(["."], Config(), RULES)
    (finding,) = _only_mig201(result)
    assert (finding.location.line, finding.location.column) == (10, 1)
    assert result.sources[finding.mark.path].text == ""
    assert "|" not in format_finding(finding, result.sources.get(finding.mark.path))


def test_the_same_bytes_decoded_alike_are_the_same_text(estate, monkeypatch):
    """A script with a BOM decodes to the same text in its reader and in the XML front end: it is read
    again like any other file."""
    script = textwrap.dedent(
        """\
        $acl = New-AzureAclConfig
        Set-AzureAclConfig -AddRule -ACL $acl -Action Permit -RemoteSubnet "203.0.113.0/24" -Order 100
        Get-AzureVM -ServiceName "shop" -Name "web01" |
            Set-AzureEndpoint -Name "HTTPS" -ACL $acl |
            Update-AzureVM
        """
    )
    (estate / "restrict.ps1").write_bytes(b"\xef\xbb\xbf" + script.encode("utf-8"))  # a BOM
    result = lint(["."], Config(), RULES)
    located = {(f.location.path, f.location.line, f.location.column) for f in _only_mig201(result)}
    assert ("restrict.ps1", 4, 42) in located
    assert result.sources["restrict.ps1"].text == script


def test_a_script_its_reader_decodes_otherwise_keeps_its_text(estate, monkeypatch):
    """A Python script in Latin-1, as its coding cookie says, decodes otherwise in the XML front end: it
    keeps its text, since reading it again would mean parsing it again, and is never parsed twice."""
    from migcheck import readers

    script = (
        "# -*- coding: latin-1 -*-\n# Déploiement\n"
        "from azure.servicemanagement import ServiceManagementService\n"
        'sms = ServiceManagementService(subscription_id, "mgmt.pem")\n'
    )
    (estate / "provision.py").write_bytes(script.encode("latin-1"))
    parsed: list[str] = []
    real = readers.read_document

    def counting(path: str, data: bytes, *, explicit: bool):
        parsed.append(path)
        return real(path, data, explicit=explicit)

    monkeypatch.setattr(readers, "read_document", counting)
    result = lint(["."], Config(), RULES)
    (finding,) = [f for f in result.findings if f.code == "MIG601"]
    assert (finding.location.line, finding.location.column) == (4, 7)
    assert {d.path: d.text for d in result.documents}["provision.py"] == script
    assert result.sources["provision.py"].text == script
    assert parsed.count("provision.py") <= 1


def test_a_file_with_suppression_comments_is_read_again_like_any_other(estate):
    """The filter reads the comments its reader handed over, not the text: the text is dropped, and read
    again only to locate what is reported, an unused comment among them."""
    suppressed = ACL.replace(
        "      <EndpointAcl",
        "      <!-- migcheck: ignore[MIG201] kept until the move -->\n      <EndpointAcl",
    ).replace("  <Role", "  <!-- migcheck: ignore[MIG303] nothing to silence here -->\n  <Role")
    (estate / "shop" / "ServiceConfiguration.Cloud.cscfg").write_text(suppressed, encoding="utf-8")
    result = lint(["."], Config(), RULES)
    assert all(d.text == "" for d in result.documents)
    assert not _only_mig201(result) and [s.finding.code for s in result.suppressed] == ["MIG201"]
    (unused,) = [f for f in result.findings if f.code == "MIG006"]
    assert (unused.location.line, unused.location.column) == (2, 3)
    assert "2 |   <!-- migcheck: ignore[MIG303]" in format_finding(
        unused, result.sources.get(unused.location.path)
    )


def test_a_document_without_its_text_keeps_every_other_field():
    import dataclasses

    from migcheck.model import Document, FileKind, FileProblem, Mark

    values = {
        "path": "a/b.cscfg",
        "kind": FileKind.SERVICE_CONFIGURATION,
        "root": "ServiceConfiguration",
        "resources": (object(),),
        "suppressions": (object(),),
        "directive_comments": (object(),),
        "problem": FileProblem("syntax", "bad", Mark("a/b.cscfg", 1)),
        "text": "<ServiceConfiguration/>",
        "settings_files": ("config.ps1",),
        "functions_run": (("lib.ps1", "new-wpvm"),),
    }
    assert {f.name for f in dataclasses.fields(Document)} == set(values)  # a new field must be kept too
    shed = Document(**values).without_text()
    assert {name: getattr(shed, name) for name in values} == {**values, "text": ""}
