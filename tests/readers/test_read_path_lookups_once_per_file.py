"""Looking up what each file read needs once: its kind by extension without splitting its path, and its
encoding together with whether its declaration mislabels it. Each gives what the longer way gives."""

from __future__ import annotations

import posixpath
import random
from pathlib import Path

import pytest

from migcheck import readers
from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules
from migcheck.readers import BY_EXTENSION, kind_by_extension, read_document, xml

PATHS = [
    "a.cscfg",
    "A.CSCFG",
    "svc/ServiceDefinition.csdef",
    "net/NetworkConfig.NetCfg",
    ".cscfg",  # a name that is all leading dots has no extension
    "a/.cscfg",
    "a/..cscfg",
    "...csdef",
    "a/.x.cscfg",
    "a/b..netcfg",
    "a.cscfg/b",  # the dot is in a folder's name
    "a.b/cscfg",
    "a/b.cscfg.bak",
    "a\\b.csdef",  # a backslash is part of a name, as posixpath reads it
    "cscfg",
    "",
    ".",
    "a/.",
    "a/b.",
]


@pytest.mark.parametrize("path", PATHS)
def test_the_kind_by_extension_is_the_one_splitext_gives(path: str) -> None:
    assert kind_by_extension(path) == BY_EXTENSION.get(posixpath.splitext(path)[1].lower())


def test_the_kind_by_extension_is_the_one_splitext_gives_on_random_paths() -> None:
    pieces = ["a", ".", "/", "cscfg", "csdef", "NETCFG", "\\", "x."]
    chance = random.Random(15)
    for _ in range(3000):
        path = "".join(chance.choice(pieces) for _ in range(chance.randint(0, 8)))
        assert kind_by_extension(path) == BY_EXTENSION.get(posixpath.splitext(path)[1].lower()), path


def test_a_check_looks_up_each_file_s_kind_by_extension_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The engine asks it to know whether the file is read with settings files beside it, and the reader
    takes its answer rather than asking again (two look-ups a file before)."""
    (tmp_path / "a.cscfg").write_text('<ServiceConfiguration serviceName="a"/>')
    (tmp_path / "b.csdef").write_text('<ServiceDefinition name="a"/>')
    (tmp_path / "c.ps1").write_text("New-AzureVM -ServiceName a\n")
    asked: list[str] = []

    def counted(path: str) -> object:
        asked.append(path)
        return kind_by_extension(path)

    monkeypatch.setattr(readers, "kind_by_extension", counted)
    lint([str(tmp_path)], Config(), load_rules(entry_points=False), jobs=1)
    assert sorted(asked) == [str(tmp_path / name) for name in ("a.cscfg", "b.csdef", "c.ps1")]


def test_a_dotfile_named_like_a_configuration_is_not_read_as_one() -> None:
    data = b'<?xml version="1.0"?><ServiceDefinition name="s"/>'
    assert read_document("svc/.cscfg", data, explicit=False) is not None  # a service definition by its root
    document = read_document("svc/.cscfg", data, explicit=True)
    assert document is not None and document.problem is None


DECLARED = [
    b'<?xml version="1.0" encoding="utf-8"?><a/>',
    b'<?xml version="1.0" encoding="utf-16"?><a/>',  # .NET's label on a file saved as UTF-8
    b"<?xml encoding='latin-1'?><a/>",
    b'<?xml version="1.0"?><a/>',
    b"<?xml" + b" " * 300 + b'encoding="latin-1"?><a/>',
    b'<?xml encoding="UTF-16LE"?><a/>',
    b"<?xml",
    b' <?xml version="1.0" encoding="utf-16"?><a/>',
    b'\xef\xbb\xbf<?xml version="1.0" encoding="utf-16"?><a/>',
    "<?xml version='1.0' encoding='utf-16'?><a/>".encode("utf-16"),
    "<a/>".encode("utf-16-le"),
    b"<a/>",
    b"",
]


@pytest.mark.parametrize("data", DECLARED)
def test_the_encodings_are_those_found_one_by_one(data: bytes) -> None:
    encoding = xml.encoding_of(data)
    assert xml.encodings(data) == (encoding, xml._mislabelled(data, encoding))


def _outcome(read: object) -> str:
    try:
        return read()  # type: ignore[operator,no-any-return]
    except xml.Unreadable as error:
        return f"{error} {error.line}:{error.column}"


@pytest.mark.parametrize("data", DECLARED)
def test_parse_as_reads_what_parse_reads(data: bytes) -> None:
    encoding, read_as = xml.encodings(data)
    text = xml.decode(data, encoding)
    by_parse = _outcome(lambda: xml.parse(data, text, encoding).tag)
    assert _outcome(lambda: xml.parse_as(data, text, read_as).tag) == by_parse
