"""A hand-edited classic XML file (a network configuration, a service configuration or definition, a REST
body) with a common mistake is one MIG001 that says the mistake in plain words, at the character to change,
with what to write instead: not libxml2's own words (`xmlParseEntityRef: no name`), and not "the file ends
before ... are closed" for a stray `&` in the middle of the file, which libxml2 reports only when it closes."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import APP_VNET_NETCFG, lint_files

from migcheck.readers import read_document


def _only_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str
) -> tuple[str, str, str]:
    (finding,) = lint_files(tmp_path, monkeypatch, {name: text}, dedent=False).findings
    assert finding.code == "MIG001"
    assert finding.location is not None
    return f"{finding.location.line}:{finding.location.column}", finding.message, finding.fix


def test_a_stray_ampersand_in_a_network_configuration_is_said_at_the_ampersand(tmp_path, monkeypatch):
    text = "<NetworkConfiguration>\n<X>a & b</X>\n</NetworkConfiguration>\n"
    where, message, fix = _only_problem(tmp_path, monkeypatch, "net/NetworkConfig.netcfg", text)
    assert where == "2:6"
    assert message == "not well-formed XML: a `&` that starts no entity (line 2, column 6)"
    assert fix.startswith("Write `&amp;` for a `&` that is text")


def test_a_stray_ampersand_in_a_real_network_name_is_not_a_file_cut_short(tmp_path, monkeypatch):
    text = APP_VNET_NETCFG.replace('name="app-vnet"', 'name="sales & ops"')
    where, message, _ = _only_problem(tmp_path, monkeypatch, "net/NetworkConfig.netcfg", text)
    assert where == "3:37"
    assert "the file ends" not in message
    assert "a `&` that starts no entity" in message


def test_an_entity_html_knows_and_xml_does_not_is_named_at_its_ampersand(tmp_path, monkeypatch):
    text = APP_VNET_NETCFG.replace('name="app-vnet"', 'name="app&nbsp;vnet"')
    where, message, fix = _only_problem(tmp_path, monkeypatch, "net/NetworkConfig.netcfg", text)
    assert where == "3:34"
    assert message == "not well-formed XML: `&nbsp;` is no entity XML knows (line 3, column 34)"
    assert "`&#160;` for `&nbsp;`" in fix


def test_a_stray_ampersand_in_a_rest_body_is_said_at_the_ampersand(tmp_path, monkeypatch):
    body = (
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure">\n'
        "  <Name>web & api</Name>\n"
        "  <DeploymentSlot>Production</DeploymentSlot>\n"
        "</Deployment>\n"
    )
    where, message, _ = _only_problem(tmp_path, monkeypatch, "bodies/create-deployment.xml", body)
    assert where == "2:13"
    assert "a `&` that starts no entity" in message


CONFIG = '<ServiceConfiguration serviceName="a">\n{}\n</ServiceConfiguration>\n'


@pytest.mark.parametrize(
    "line, where, words, fix",
    [
        ('<Role name="a&b"/>', "2:14", "a `&` that starts a reference no `;` ends", "a&b is written a&amp;b"),
        ('<Role name="<YourRole>"/>', "2:13", "a `<` inside an attribute's value", "Write `&lt;`"),
        ('<Role name="a">x < y</Role>', "2:18", "a `<` that no element name follows", "Write `&lt;`"),
        ('< Role name="a"/>', "2:1", "a `<` that no element name follows", "starting with a letter"),
        (
            '<Role name="a" <Instances count="1"/></Role>',
            "2:16",
            "something in the start tag <Role> that is no attribute: is the tag's `>` missing before it?",
            'Write each attribute as name="value"',
        ),
        (
            '<Role name="a"vmsize="Small"/>',
            "2:15",
            'an attribute of the start tag <Role> not written name="value" with a blank before it',
            "with a blank before it",
        ),
        ("<Role name=a/>", "2:12", "an attribute's value not in quotes", 'name="value"'),
        ("<Role name/>", "2:7", "the attribute name has no value", 'Write it as name="value"'),
        (
            '<Role name="a" name="b"/>',
            "2:16",
            "the attribute name is written twice in one start tag",
            "Keep one",
        ),
        ('<Role name="a"></Role x>', "2:23", "a tag not ended by `>` here", "</Role>"),
        ("<!-- old -- role -->", "2:10", "`--` inside a comment", "may not hold `--`"),
        ("<? ?>", "2:1", "a `<?` that starts no processing instruction", "Write `&lt;?`"),
        ("<x:Role/>", "2:1", "the prefix x: is declared on no element around it", 'xmlns:x="..."'),
        (
            '<Role name="a" i:type="WebRole"/>',
            "2:16",
            "the prefix i: of the attribute i:type is declared on no element around it",
            "remove `i:` from the attribute's name",
        ),
        ("<a:b:Role/>", "2:1", "the name a:b:Role holds more than one `:`", "at most one `:`"),
    ],
)
def test_common_mistakes_are_said_in_plain_words_with_the_edit_that_fixes_them(line, where, words, fix):
    doc = read_document("svc/ServiceConfiguration.Cloud.cscfg", CONFIG.format(line).encode(), explicit=True)
    assert doc is not None and doc.problem is not None
    mark = doc.problem.mark
    assert f"{mark.line}:{mark.column}" == where
    assert doc.problem.message == f"not well-formed XML: {words} (line {mark.line}, column {mark.column})"
    assert fix in doc.problem.fix


# A start tag written over several lines, as configurations often write their root's: libxml2 reports
# what it learns at the end of the tag (or at what follows an attribute) on that line.
SPREAD = (
    '<ServiceConfiguration serviceName="a"\n'
    '    xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration"\n'
    "    {}\n"
    '    osVersion="*">\n'
    '  <Role name="a"><Instances count="1"/></Role>\n'
    "</ServiceConfiguration>\n"
)


@pytest.mark.parametrize(
    "attributes, where, words",
    [
        (
            'x:osFamily="6"',
            "3:5",
            "the prefix x: of the attribute x:osFamily is declared on no element around it",
        ),
        ("osFamily", "3:5", "the attribute osFamily has no value"),
        ('osFamily="6" osFamily="5"', "3:18", "the attribute osFamily is written twice in one start tag"),
        ('osFamily="a&b"', "3:16", "a `&` that starts a reference no `;` ends"),
    ],
)
def test_a_mistake_in_a_start_tag_over_several_lines_is_said_on_the_line_to_change(attributes, where, words):
    doc = read_document(
        "svc/ServiceConfiguration.Cloud.cscfg", SPREAD.format(attributes).encode(), explicit=True
    )
    assert doc is not None and doc.problem is not None
    mark = doc.problem.mark
    assert f"{mark.line}:{mark.column}" == where
    assert doc.problem.message == f"not well-formed XML: {words} (line {where.replace(':', ', column ')})"


def test_a_mistake_in_a_start_tag_over_several_lines_ending_in_crlf_is_said_on_the_line_to_change():
    text = SPREAD.format('x:osFamily="6"').replace("\n", "\r\n").encode()
    doc = read_document("svc/ServiceConfiguration.Cloud.cscfg", text, explicit=True)
    assert doc is not None and doc.problem is not None
    assert (doc.problem.mark.line, doc.problem.mark.column) == (3, 5)


@pytest.mark.parametrize(
    "text, where, words",
    [
        (
            '\n<?xml version="1.0"?>\n<ServiceDefinition name="a"/>\n',
            "2:1",
            "is not at the start of the file",
        ),
        (
            '<ServiceDefinition name="a"/>\n<WebRole name="w"/>\n',
            "2:1",
            "after the end tag of the root element",
        ),
        ("</ServiceDefinition>\n", "1:1", "an end tag before any start tag"),
    ],
)
def test_mistakes_outside_the_root_element_are_said_in_plain_words(text, where, words):
    doc = read_document("svc/ServiceDefinition.csdef", text.encode(), explicit=True)
    assert doc is not None and doc.problem is not None
    assert f"{doc.problem.mark.line}:{doc.problem.mark.column}" == where
    assert words in doc.problem.message
    assert doc.problem.fix


def test_a_hostile_name_is_quoted_in_part():
    name = "a:" * 5000 + "b"
    doc = read_document("svc/x.cscfg", CONFIG.format(f"<{name}/>").encode(), explicit=True)
    assert doc is not None and doc.problem is not None
    assert len(doc.problem.message) < 200
    assert "holds more than one `:`" in doc.problem.message


def test_a_file_cut_short_after_a_bare_ampersand_is_still_a_file_cut_short():
    doc = read_document("net/NetworkConfig.netcfg", b"<NetworkConfiguration>\n<X>a &", explicit=True)
    assert doc is not None and doc.problem is not None
    assert doc.problem.message.startswith("not well-formed XML: the file ends before <X> (line 2)")
