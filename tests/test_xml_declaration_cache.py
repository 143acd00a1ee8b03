"""Reading an XML file finds its encoding from its declaration: the same few declarations in file after
file, so each is matched once per run, and what the cached match gives is what matching gives."""

from __future__ import annotations

import random

import pytest

from migcheck.readers import xml

CONFIGURATION = """\
<?xml version="1.0" encoding="utf-8"?>
<!-- A comment before the root, as the emulator writes one. -->
<ServiceConfiguration serviceName="svc{n}">
  <Role name="Web"><Instances count="2"/></Role>
</ServiceConfiguration>
"""


class _CountingPattern:
    """`xml._DECLARED` with its matches counted."""

    def __init__(self, pattern: object) -> None:
        self.pattern = pattern
        self.matches = 0

    def match(self, *args: object) -> object:
        self.matches += 1
        return self.pattern.match(*args)  # type: ignore[attr-defined]


def test_a_declaration_met_in_file_after_file_is_matched_once(monkeypatch: pytest.MonkeyPatch) -> None:
    counting = _CountingPattern(xml._DECLARED)
    monkeypatch.setattr(xml, "_DECLARED", counting)
    cached = getattr(xml, "_declared_in", None)  # a run of other tests may have met these already
    if cached is not None:
        cached.cache_clear()
    for n in range(50):
        data = CONFIGURATION.format(n=n).encode()
        encoding = xml.encoding_of(data)
        xml.parse(data, xml.decode(data, encoding), encoding)
    assert counting.matches == 1


def _by_pattern(data: bytes) -> tuple[str, str | None]:
    """(encoding, mislabelled) of `data` as `encoding_of` and `_mislabelled` find them without the
    declaration's cache: the BOM, the wide `<`, else the declaration matched in the first 256 bytes."""
    for bom, name in xml._BOMS:
        if data.startswith(bom):
            return name, None
    if data[:4] in xml._WIDE:
        return xml._WIDE[data[:4]], None
    match = xml._DECLARED.match(data[:256])
    encoding = xml._declared(match.group(1)) if match else "utf-8"
    wide = encoding == "utf-8" and match is not None and xml._names_wide(match.group(1))
    return encoding, "utf-8" if wide else None


WRITTEN = [
    b'<?xml version="1.0" encoding="utf-8"?><a/>',
    b'<?xml version="1.0" encoding="utf-16"?><a/>',  # .NET's label on a file saved as UTF-8
    b"<?xml encoding='latin-1'?><a/>",
    b'<?xml version="1.0"?><a/>',
    b'<?xml version=">" encoding="latin-1"?><a/>',  # a `>` before the encoding: not a declaration's
    b'<?xml encoding="rot13"?><a/>',
    b"<?xml" + b" " * 300 + b'encoding="latin-1"?><a/>',  # past what the pattern looks at
    b'<?xml  version="1.0" encoding = "windows-1252" ?><a/>',
    b'<?xml encoding="UTF-16LE"?><a/>',
    b"<?xml",
    b"<?xml>",
    b' <?xml version="1.0" encoding="latin-1"?><a/>',
    b'\xef\xbb\xbf<?xml version="1.0" encoding="latin-1"?><a/>',
]


@pytest.mark.parametrize("data", WRITTEN)
def test_the_cached_declaration_gives_what_the_pattern_gives(data: bytes) -> None:
    encoding = xml.encoding_of(data)
    assert (encoding, xml._mislabelled(data, encoding)) == _by_pattern(data)


def test_the_cached_declaration_gives_what_the_pattern_gives_on_random_declarations() -> None:
    pieces = [
        b"<?xml",
        b" ",
        b"encoding",
        b"=",
        b'"',
        b"'",
        b"utf-16",
        b"latin-1",
        b">",
        b"?>",
        b'version="1.0"',
        b"x",
    ]
    chance = random.Random(14)
    for _ in range(3000):
        data = b"<?xml" + b"".join(chance.choice(pieces) for _ in range(chance.randint(0, 12)))
        encoding = xml.encoding_of(data)
        assert (encoding, xml._mislabelled(data, encoding)) == _by_pattern(data), data
