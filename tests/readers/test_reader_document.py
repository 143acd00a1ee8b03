"""What kind a file is, and what happens to files that cannot be read: read_document never raises."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migcheck.model import FileKind, Mark
from migcheck.readers import read_document
from migcheck.readers.xml import sniff_root

AZURE = 'xmlns="http://schemas.microsoft.com/windowsazure"'


@pytest.mark.parametrize(
    ("path", "xml", "kind", "root"),
    [
        (
            "a/ServiceDefinition.csdef",
            '<ServiceDefinition name="s"/>',
            FileKind.SERVICE_DEFINITION,
            "ServiceDefinition",
        ),
        (
            "a/x.CSCFG",
            '<ServiceConfiguration serviceName="s"/>',
            FileKind.SERVICE_CONFIGURATION,
            "ServiceConfiguration",
        ),
        ("a/net.netcfg", "<NetworkConfiguration/>", FileKind.NETWORK_CONFIGURATION, "NetworkConfiguration"),
        (
            "a/NetworkConfig.xml",
            "<NetworkConfiguration/>",
            FileKind.NETWORK_CONFIGURATION,
            "NetworkConfiguration",
        ),
        ("a/def.xml", '<ServiceDefinition name="s"/>', FileKind.SERVICE_DEFINITION, "ServiceDefinition"),
        (
            "a/vm.xml",
            "<PersistentVM><RoleName>vm</RoleName></PersistentVM>",
            FileKind.VM_EXPORT,
            "PersistentVM",
        ),
        ("a/dep.xml", f"<Deployment {AZURE}/>", FileKind.REST, "Deployment"),
        (
            "a/role.xml",
            "<az:Role xmlns:az='http://schemas.microsoft.com/windowsazure'/>",
            FileKind.REST,
            "Role",
        ),
        ("a/sizes.xml", f"<RoleSizes {AZURE}/>", FileKind.REST, "RoleSizes"),
        ("-", f"<Deployment {AZURE}/>", FileKind.REST, "Deployment"),
        # As the REST reference pages print the namespace today.
        (
            "a/dep.xml",
            '<Deployment xmlns="https://schemas.microsoft.com/windowsazure"/>',
            FileKind.REST,
            "Deployment",
        ),
    ],
)
def test_kind_from_extension_and_root(read, path, xml, kind, root):
    doc = read(path, xml)
    assert (doc.kind, doc.root, doc.problem) == (kind, root, None)


def test_wrong_root_for_the_extension(read):
    doc = read("svc/ServiceConfiguration.Cloud.cscfg", '<?xml version="1.0"?>\n<Foo/>\n')
    assert doc.kind is None
    assert doc.root == "Foo"
    assert doc.problem is not None
    assert doc.problem.kind == "root"
    assert doc.problem.mark == Mark("svc/ServiceConfiguration.Cloud.cscfg", 2, "Foo")
    assert "<ServiceConfiguration>" in doc.problem.message and "<Foo>" in doc.problem.message


def test_classic_root_under_another_classic_extension(read):
    doc = read("net/prod.netcfg", '<ServiceDefinition name="s"/>')
    assert doc.kind is None
    assert doc.problem is not None and doc.problem.kind == "root"


def test_unknown_xml_is_skipped_under_a_folder_and_reported_when_named():
    pom = b'<?xml version="1.0"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0"/>\n'
    assert read_document("pom.xml", pom, explicit=False) is None
    doc = read_document("pom.xml", pom, explicit=True)
    assert doc is not None
    assert (doc.kind, doc.root) == (None, "project")
    assert doc.problem is not None and doc.problem.kind == "root"
    assert "not a classic Azure file" in doc.problem.message
    assert doc.problem.mark == Mark("pom.xml", 2, "project")


def test_unrelated_xml_is_skipped_without_parsing_it_all():
    # the root is known from the first bytes; what follows (not even XML) is never parsed
    big = b"<project>" + b"<a>\xff" * 100_000
    assert read_document("big.xml", big, explicit=False) is None
    assert read_document("broken.xml", b"<html><body></html>", explicit=False) is None
    assert read_document("notes.xml", b"just text", explicit=False) is None


def test_syntax_error_in_a_classic_file(read):
    doc = read(
        "svc/ServiceConfiguration.Cloud.cscfg",
        """
        <?xml version="1.0"?>
        <ServiceConfiguration serviceName="shop">
          <Role name="Web">
        </ServiceConfiguration>
        """,
    )
    assert doc.kind is FileKind.SERVICE_CONFIGURATION
    assert doc.problem is not None and doc.problem.kind == "syntax"
    assert doc.problem.mark == Mark("svc/ServiceConfiguration.Cloud.cscfg", 4, column=1)
    assert doc.problem.message == (
        "not well-formed XML: the end tag </ServiceConfiguration> does not close <Role>, open since line 3 "
        "(line 4, column 1)"
    )
    assert doc.problem.fix == (
        "Close <Role> (line 3) before </ServiceConfiguration>, or correct whichever of the two names is misspelt."
    )
    assert doc.resources == ()
    assert doc.text.split("\n")[3] == "</ServiceConfiguration>"


def test_syntax_error_in_an_xml_sniffed_as_classic_and_in_a_named_file():
    broken = b"<NetworkConfiguration>\n  <VirtualNetworkConfiguration>\n</NetworkConfiguration>"
    doc = read_document("NetworkConfig.xml", broken, explicit=False)
    assert doc is not None
    assert doc.kind is FileKind.NETWORK_CONFIGURATION
    assert doc.problem is not None and doc.problem.kind == "syntax"
    doc = read_document("odd.xml", b"<a><b></a>", explicit=True)
    assert doc is not None
    assert (doc.kind, doc.root) == (None, "a")
    assert doc.problem is not None and doc.problem.kind == "syntax"


@pytest.mark.parametrize(
    ("data", "words", "line", "column"),
    [
        (b"", "empty file", 1, 1),
        (b"  \n", "empty file", 1, 1),
        (b'<ServiceConfiguration a="<"/>', "a `<` inside an attribute's value", 1, 26),
        (b"\x00\x01\x02\x03binary", "not a text file", 1, 1),
        (b"<ServiceConfiguration>\n  ab\x00c", "NUL byte at line 2, column 5", 2, 5),
        (b'<ServiceConfiguration serviceName="a&#27;b"/>', "&#27; stands for U+001B", 1, 0),
        ("<ServiceConfiguration>é</ServiceConfiguration>".encode("latin-1"), "encoding", 1, 23),
        (
            b"<ServiceConfiguration>" + b"<a>" * 300 + b"</a>" * 300 + b"</ServiceConfiguration>",
            "depth",
            1,
            0,
        ),
        (b'<ServiceConfiguration a="1" a="2"/>', "the attribute a is written twice", 1, 0),
    ],
)
def test_unreadable_files_give_a_syntax_problem(data, words, line, column):
    doc = read_document("svc/x.cscfg", data, explicit=False)
    assert doc is not None
    assert doc.problem is not None and doc.problem.kind == "syntax"
    assert words in doc.problem.message
    assert doc.problem.mark.line == line
    assert doc.problem.mark.column == column if column else doc.problem.mark.column > 0


@pytest.mark.parametrize(
    "data",
    [
        b'<!DOCTYPE ServiceConfiguration [<!ENTITY x "boom">]><ServiceConfiguration a="&x;"/>',
        b'<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE ServiceConfiguration SYSTEM "http://example.com/x.dtd">\n'
        b"<ServiceConfiguration/>",
        b'<!DOCTYPE a [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><a>&b;</a>',
        b'<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>',
    ],
)
def test_dtds_and_entities_are_refused(data):
    doc = read_document("svc/x.cscfg", data, explicit=False)
    assert doc is not None
    assert doc.problem is not None and doc.problem.kind == "syntax"
    assert doc.problem.message.startswith("refused: the document declares a DTD")
    assert "never loads DTDs or expands entities" in doc.problem.message
    assert doc.resources == ()
    assert doc.problem.mark.line >= 1 and doc.problem.mark.column >= 1


def test_dtd_refusal_points_at_the_doctype():
    data = b'<?xml version="1.0"?>\n<!-- c -->\n  <!DOCTYPE x SYSTEM "x.dtd">\n<NetworkConfiguration/>'
    doc = read_document("NetworkConfig.xml", data, explicit=False)
    assert doc is not None and doc.problem is not None
    assert doc.kind is FileKind.NETWORK_CONFIGURATION
    assert (doc.problem.mark.line, doc.problem.mark.column) == (3, 3)


@pytest.mark.parametrize(
    ("encoding", "declared"),
    [
        ("utf-8-sig", "utf-8"),
        ("utf-16", "utf-16"),
        ("utf-16-be", None),
        ("latin-1", "iso-8859-1"),
        ("cp1252", "windows-1252"),
    ],
)
def test_text_is_decoded_and_its_lines_match_the_parser(encoding, declared):
    declaration = f'<?xml version="1.0" encoding="{declared}"?>' if declared else '<?xml version="1.0"?>'
    source = (
        declaration
        + '\r\n<ServiceDefinition name="café">\r\n  <WebRole name="Wéb"/>\r\n</ServiceDefinition>\r\n'
    )
    data = source.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    doc = read_document("s.csdef", data, explicit=False)
    assert doc is not None and doc.problem is None
    assert doc.text == source
    (definition,) = doc.resources
    assert definition.name == "café"
    role = definition.roles[0]
    assert role.name == "Wéb"
    assert '<WebRole name="Wéb"/>' in doc.text.split("\n")[role.mark.line - 1]


def test_lone_carriage_returns_do_not_count_as_lines():
    doc = read_document(
        "s.csdef",
        b'<ServiceDefinition name="s">\r<WebRole name="w"/>\n<WorkerRole name="x"/></ServiceDefinition>',
        explicit=False,
    )
    assert doc is not None
    assert [r.mark.line for r in doc.resources[0].roles] == [1, 2]
    assert doc.text.split("\n")[1].startswith("<WorkerRole")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<?xml version="1.0"?>\n<!-- <NotRoot/> -->\n<Deployment xmlns="urn:x">', ("Deployment", "urn:x")),
        ("<!DOCTYPE x [<!ENTITY a 'b'>]><p:Root xmlns:p='urn:p' xmlns='urn:d'>", ("Root", "urn:p")),
        ("<PersistentVM xmlns:xsi='urn:i'>", ("PersistentVM", "")),
        ("<!-- never closed", None),
        ("plain text", None),
    ],
)
def test_sniff_root(head, expected):
    assert sniff_root(head) == expected


@settings(max_examples=200, deadline=None)
@given(
    data=st.binary(max_size=300),
    explicit=st.booleans(),
    suffix=st.sampled_from([".cscfg", ".xml", ".csdef", ""]),
)
def test_never_raises_on_arbitrary_bytes(data, explicit, suffix):
    doc = read_document("f" + suffix, data, explicit=explicit)
    if doc is not None and doc.problem is not None:
        assert doc.problem.mark.line >= 1


@settings(max_examples=200, deadline=None)
@given(body=st.text(alphabet="<>/=\"' abcRoleNameWebRol&;!-?[]\n", max_size=200))
def test_never_raises_on_xml_like_text(body):
    data = ('<ServiceConfiguration serviceName="s">' + body).encode()
    doc = read_document("s.cscfg", data, explicit=False)
    assert doc is not None
    assert doc.kind is FileKind.SERVICE_CONFIGURATION or doc.problem is not None


def test_a_hostile_prolog_is_scanned_in_linear_time():
    # Many processing instructions and comments before the root: a backtracking scan would never end.
    prolog = "<?a?>" * 40 + "<!-- c -->" * 40
    data = (prolog + "<!DOCTYPE x><ServiceConfiguration/>").encode()
    doc = read_document("s.cscfg", data, explicit=False)
    assert doc is not None and doc.problem is not None
    assert doc.problem.message.startswith("refused")
    assert doc.problem.mark.column == len(prolog) + 1
    assert read_document("s.xml", (prolog + "<project/>").encode(), explicit=False) is None


@pytest.mark.parametrize(
    ("path", "line", "what"),
    [
        ("big.ps1", b"New-AzureVM -ServiceName x\n", "PowerShell scripts"),
        ("big.py", b"import azure.servicemanagement\n", "Python scripts"),
    ],
)
def test_scripts_have_a_smaller_size_limit(path, line, what):
    # Script parsers cost far more per byte than lxml: past 512 KB a script is one clear finding, not a
    # minute of parsing.
    data = line + b"#" * (512 * 1024)
    document = read_document(path, data, explicit=False)
    assert document is not None and document.problem is not None
    assert document.problem.message == f"file is larger than 512 KB; migcheck reads {what} up to 512 KB"


@pytest.mark.parametrize("path", ["deploy.py", "ServiceDefinition.csdef"])
def test_a_reader_that_fails_says_so_and_what_to_do(path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("migcheck.readers.python_script.read", broken)
    monkeypatch.setattr("migcheck.readers._read", broken)
    data = b"from azure.servicemanagement import *\n" if path.endswith(".py") else b"<ServiceDefinition/>"
    document = read_document(path, data, explicit=True)
    assert document is not None and document.problem is not None
    assert (
        document.problem.message
        == "migcheck failed to read this file (RuntimeError: boom); nothing in it was checked"
    )
    assert "fault in migcheck, not in the file" in document.problem.fix
