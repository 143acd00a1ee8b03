"""A classic file cut short (a copy interrupted, a merge that lost its end) is one MIG001 that names, in plain
words, every element still open, innermost first, with the line its start tag is on, and points at the end
of the file: libxml2's own words name only the innermost, without its prefix."""

from __future__ import annotations

from migcheck.model import Mark
from migcheck.readers import FileKind, read_document

CSCFG = (
    '<?xml version="1.0"?>\n'
    '<ServiceConfiguration serviceName="a" '
    'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">\n'
    '  <Role name="web">\n'
    '    <Instances count="1" />\n'
)


def test_a_truncated_configuration_names_its_open_elements_at_the_end_of_the_file():
    doc = read_document("svc/ServiceConfiguration.Cloud.cscfg", CSCFG.encode(), explicit=False)
    assert doc is not None and doc.kind is FileKind.SERVICE_CONFIGURATION
    assert doc.problem is not None and doc.problem.kind == "syntax"
    assert doc.problem.message == (
        "not well-formed XML: the file ends before <Role> (line 3) and <ServiceConfiguration> (line 2) are "
        "closed (line 5, column 1)"
    )
    assert doc.problem.mark == Mark("svc/ServiceConfiguration.Cloud.cscfg", 5, column=1)
    assert doc.problem.fix == (
        "Close <Role> (line 3) and <ServiceConfiguration> (line 2) at the end of the file, innermost first, "
        "or restore the part of the file that is missing."
    )


def test_a_truncated_network_configuration_names_its_prefixed_elements_as_written():
    netcfg = (
        '<n:NetworkConfiguration xmlns:n="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">\n'
        "  <n:VirtualNetworkConfiguration>\n"
        "    <n:Dns>\n"
        "      <n:DnsServers>"
    )
    doc = read_document("net/NetworkConfig.netcfg", netcfg.encode(), explicit=False)
    assert doc is not None and doc.problem is not None
    assert doc.problem.message == (
        "not well-formed XML: the file ends before <n:DnsServers> (line 4), <n:Dns> (line 3), "
        "<n:VirtualNetworkConfiguration> (line 2) and <n:NetworkConfiguration> (line 1) are closed "
        "(line 4, column 20)"
    )
    assert doc.problem.mark == Mark("net/NetworkConfig.netcfg", 4, column=20)


def test_a_truncated_one_line_file_points_at_its_last_character():
    doc = read_document(
        "svc/ServiceDefinition.csdef", b'<ServiceDefinition name="a"><WebRole name="w">', explicit=True
    )
    assert doc is not None and doc.problem is not None
    assert doc.problem.message == (
        "not well-formed XML: the file ends before <WebRole> (line 1) and <ServiceDefinition> (line 1) are "
        "closed (line 1, column 46)"
    )
    assert doc.problem.fix.startswith("Close <WebRole> (line 1) and <ServiceDefinition> (line 1) at the end")


def test_a_deeply_truncated_file_names_the_innermost_and_counts_the_rest():
    doc = read_document("odd.cscfg", b"<a><b><c><d><e><f>\n", explicit=True)
    assert doc is not None and doc.problem is not None
    assert doc.problem.message == (
        "not well-formed XML: the file ends before <f> (line 1), <e> (line 1), <d> (line 1), <c> (line 1) "
        "and 2 enclosing elements are closed (line 2, column 1)"
    )


def test_lines_ending_in_a_lone_carriage_return_leave_the_start_lines_out():
    doc = read_document("odd.cscfg", b"<a>\r<b>\r", explicit=True)
    assert doc is not None and doc.problem is not None
    assert doc.problem.message.startswith("not well-formed XML: the file ends before <b> and <a> are closed")


def test_a_file_cut_inside_a_value_or_a_comment_names_its_open_elements_too():
    # libxml2 speaks of the value alone ("AttValue: ' expected"), though the file is cut short.
    for cut, line, column in (('  <Role name="web', 2, 17), ("  <Role name='web'>\n   <!-- a", 3, 9)):
        text = '<ServiceConfiguration serviceName="a">\n' + cut
        doc = read_document("ServiceConfiguration.Cloud.cscfg", text.encode(), explicit=False)
        assert doc is not None and doc.problem is not None
        assert doc.problem.message.startswith("not well-formed XML: the file ends before "), (
            doc.problem.message
        )
        assert "<ServiceConfiguration> (line 1)" in doc.problem.message
        assert doc.problem.mark == Mark("ServiceConfiguration.Cloud.cscfg", line, column=column)


def test_a_file_with_an_error_before_its_end_keeps_the_words_of_that_error():
    text = '<ServiceConfiguration serviceName="a">\n  <Role name="web">\n  </Rol>\n  <Role name="'
    doc = read_document("ServiceConfiguration.Cloud.cscfg", text.encode(), explicit=False)
    assert doc is not None and doc.problem is not None
    assert "does not close <Role>" in doc.problem.message


def test_a_file_cut_short_past_ten_million_bytes_names_its_open_elements():
    # libxml2 refuses one buffer of over 10,000,000 bytes without XML_PARSE_HUGE: fed whole, the second
    # reading of the file raised, and the finding called it a fault in migcheck.
    comment = "<!-- " + "x" * 70 + " -->\n"
    body = comment * (10_100_000 // len(comment))
    text = (
        '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
        "<VirtualNetworkConfiguration>\n" + body
    )
    doc = read_document("big.netcfg", text.encode(), explicit=False)
    assert doc is not None and doc.problem is not None
    assert doc.problem.message.startswith(
        "not well-formed XML: the file ends before <VirtualNetworkConfiguration> (line 1) and "
        "<NetworkConfiguration> (line 1) are closed"
    ), doc.problem.message
