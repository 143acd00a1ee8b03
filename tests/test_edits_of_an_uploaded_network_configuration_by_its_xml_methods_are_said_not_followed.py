"""A PowerShell script that changes a network configuration through its `[xml]` object (`CreateElement`,
`SetAttribute`, `AppendChild`, `RemoveChild`, then `Save` and `Set-AzureVNetConfig`; in Python, ElementTree's
`SubElement` or the DOM's methods before a PUT to `.../services/networking/media`) uploads content the
files do not show, and the edits are not followed: the unread-parts channel says so once for the script, at
its first edit, with why (`check` says it, `check --verbose` on its own line). A script that edits an XML
document it does not upload, or uploads a configuration it does not edit, says nothing of it."""

from __future__ import annotations

import pytest
from lint_support import run_cli, script_resources

from migcheck.model import XML_EDITS_NOT_FOLLOWED, Script

EDIT_AND_UPLOAD = """\
Get-AzureVNetConfig -ExportToFile c:\\temp\\net.xml
[xml]$config = Get-Content c:\\temp\\net.xml
$site = $config.CreateElement("LocalNetworkSite", $config.DocumentElement.NamespaceURI)
$site.SetAttribute("name", "branch")
$config.NetworkConfiguration.VirtualNetworkConfiguration.LocalNetworkSites.AppendChild($site)
$old = $config.NetworkConfiguration.VirtualNetworkConfiguration.Dns
$old.ParentNode.RemoveChild($old)
$config.Save("c:\\temp\\net.xml")
Set-AzureVNetConfig -ConfigurationPath c:\\temp\\net.xml
"""


def _tagged(text: str) -> list[tuple[int, int]]:
    scripts = [r for r in script_resources(text, "connect.ps1") if isinstance(r, Script)]
    return [(m.line, m.column) for s in scripts for m in s.unread if m.tag == XML_EDITS_NOT_FOLLOWED]


def test_edits_before_an_upload_are_said_once_at_the_first() -> None:
    assert _tagged(EDIT_AND_UPLOAD) == [(3, 9)]


def test_edits_of_a_document_the_script_does_not_upload_say_nothing() -> None:
    assert _tagged(EDIT_AND_UPLOAD.replace("Set-AzureVNetConfig -ConfigurationPath", "Write-Output")) == []


def test_an_upload_of_a_configuration_not_edited_says_nothing() -> None:
    kept = [line for line in EDIT_AND_UPLOAD.splitlines(keepends=True) if "Child" not in line]
    kept = [line for line in kept if "CreateElement" not in line and "SetAttribute" not in line]
    assert _tagged("".join(kept)) == []


def test_check_says_why_the_edits_are_not_followed(tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "connect.ps1").write_text(EDIT_AND_UPLOAD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, err = run_cli(capsys, "check", "--verbose", ".")
    said = "connect.ps1:3:9: this line changes an XML document by its methods"
    assert f"Not read as written: {said}" in out
    assert f"migcheck: {said}" in err
    assert "are not checked" in out


PYTHON = {
    "ElementTree": """\
import xml.etree.ElementTree as ET

from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
tree = ET.parse("NetworkConfig.xml")
site = ET.SubElement(tree.getroot().find("LocalNetworkSites"), "LocalNetworkSite", {"name": "branch"})
tree.write("NetworkConfig.xml")
sms.perform_put("sub/services/networking/media", open("NetworkConfig.xml").read())
""",
    "the DOM": """\
from xml.dom import minidom

from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("sub", "cert.pem")
doc = minidom.parse("NetworkConfig.xml")
site = doc.createElement("LocalNetworkSite")
site.setAttribute("name", "branch")
open("NetworkConfig.xml", "w").write(doc.toxml())
sms.perform_put("sub/services/networking/media", open("NetworkConfig.xml").read())
""",
}


def _python_tagged(text: str) -> list[int]:
    scripts = [r for r in script_resources(text, "connect.py") if isinstance(r, Script)]
    return [m.line for s in scripts for m in s.unread if m.tag == XML_EDITS_NOT_FOLLOWED]


@pytest.mark.parametrize("how", sorted(PYTHON))
def test_python_edits_before_an_upload_are_said_once_at_the_first(how) -> None:
    assert _python_tagged(PYTHON[how]) == [7]


@pytest.mark.parametrize("how", sorted(PYTHON))
def test_python_edits_of_a_document_the_script_does_not_upload_say_nothing(how) -> None:
    kept = PYTHON[how].replace('sms.perform_put("sub/services/networking/media"', 'print("sub"')
    assert _python_tagged(kept) == []
