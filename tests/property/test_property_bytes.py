"""Random bytes never raise out of `read_document`, whatever the file's extension and whether it was
named on the command line or met in a folder walk; every problem points at a real position."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migcheck.readers import read_document

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXTENSIONS = (".csdef", ".cscfg", ".netcfg", ".xml")

# Starts that take random bytes past the sniffer and into the parser and each reader: declarations,
# BOMs, wide text and the root elements of every format.
HEADS = (
    b"",
    b'<?xml version="1.0" encoding="utf-8"?>',
    b'<?xml version="1.0" encoding="utf-16"?>',
    b"\xef\xbb\xbf<",
    b"\xff\xfe<\x00",
    b"\xfe\xff\x00<",
    b"<!--",
    b"<ServiceConfiguration><Role name='a'><Instances count='",
    b"<ServiceDefinition><WebRole name='w'><Endpoints>",
    b'<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">',
    b'<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><RoleList><Role>',
    b"<PersistentVM><ConfigurationSets><ConfigurationSet>",
)
contents = st.builds(lambda head, tail: head + tail, st.sampled_from(HEADS), st.binary(max_size=600))


@SETTINGS
@given(data=contents, extension=st.sampled_from(EXTENSIONS), explicit=st.booleans())
def test_random_bytes_never_raise(data: bytes, extension: str, explicit: bool) -> None:
    path = "estate/file" + extension
    doc = read_document(path, data, explicit=explicit)
    # Only a walked `.xml` file that is not a classic file may be passed over; the rest are read.
    if explicit or extension != ".xml":
        assert doc is not None
    if doc is not None:
        assert doc.path == path
        assert doc.problem is None or (doc.problem.mark.line >= 1 and doc.problem.mark.path == path)


# Names `codecs.lookup` knows, text encodings and not (rot13, base64 are bytes-to-bytes transforms).
DECLARED = (
    "utf-8",
    "latin-1",
    "utf-7",
    "cp037",
    "no-such-encoding",
    "rot13",
    "base64",
    "hex",
    "idna",
    "punycode",
)


@SETTINGS
@given(encoding=st.sampled_from(DECLARED), explicit=st.booleans())
def test_any_declared_encoding_gets_a_plain_words_answer(encoding: str, explicit: bool) -> None:
    data = f'<?xml version="1.0" encoding="{encoding}"?><ServiceConfiguration serviceName="a"/>'.encode()
    doc = read_document("s.cscfg", data, explicit=explicit)
    assert doc is not None
    if doc.problem is not None:
        # The safety net's message is Python's, not the user's; and this file is not empty.
        assert not doc.problem.message.startswith("could not be read"), doc.problem.message
        assert not doc.problem.message.startswith("empty file"), doc.problem.message
