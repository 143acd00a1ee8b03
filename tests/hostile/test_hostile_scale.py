"""Scale: the size limit (proved at a small size by lowering it), deep nesting, long lines, many
attributes, many files, and line numbers past 65,535. The full-size figures come from
benchmarks/hostile.py, not from the test run."""

from __future__ import annotations

import io

import pytest
from growth import assert_linear
from hostile_support import check_json

import migcheck.readers
from migcheck.cli import main
from migcheck.model import FileKind
from migcheck.readers import MAX_FILE_BYTES, read_document


def test_the_limit_is_16_mb():
    assert MAX_FILE_BYTES == 16 * 1024 * 1024
    doc = read_document("s.cscfg", b" " * (MAX_FILE_BYTES + 1), explicit=False)
    assert doc is not None and doc.problem is not None
    assert doc.problem.message == "file is larger than 16 MB; migcheck reads classic files up to 16 MB"


@pytest.fixture
def small_limit(monkeypatch):
    monkeypatch.setattr(migcheck.readers, "MAX_FILE_BYTES", 1000)


def test_a_file_over_the_limit_is_one_clear_finding(small_limit, tmp_path, monkeypatch, capsys):
    big = b'<ServiceConfiguration serviceName="s">' + b"<Role name='r'/>" * 100 + b"</ServiceConfiguration>"
    (tmp_path / "big.cscfg").write_bytes(big)
    (tmp_path / "NetworkConfig.xml").write_bytes(b"<NetworkConfiguration>" + b" " * 2000 + b"</x>")
    (tmp_path / "pom.xml").write_bytes(b"<project>" + b" " * 2000 + b"</project>")  # not classic: skipped
    (tmp_path / "small.cscfg").write_bytes(b"<ServiceConfiguration/>")
    monkeypatch.chdir(tmp_path)
    code, findings = check_json(capsys, ".")
    assert code == 1
    assert [(f["path"], f["code"], f["message"]) for f in findings] == [
        (
            "NetworkConfig.xml",
            "MIG001",
            "file is larger than 1,000 bytes; migcheck reads classic files up to 1,000 bytes",
        ),
        (
            "big.cscfg",
            "MIG001",
            "file is larger than 1,000 bytes; migcheck reads classic files up to 1,000 bytes",
        ),
    ]
    doc = read_document("NetworkConfig.xml", (tmp_path / "NetworkConfig.xml").read_bytes(), explicit=False)
    assert doc is not None and doc.kind is FileKind.NETWORK_CONFIGURATION


def test_no_more_than_the_limit_is_read(small_limit, monkeypatch, tmp_path, capsys):
    """A file that never ends (a device, /dev/zero) costs the limit, not memory until the machine dies."""
    requested: list[int] = []

    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            requested.append(len(buffer))
            buffer[:] = b" " * len(buffer)
            return len(buffer)

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(Endless())))
    monkeypatch.chdir(tmp_path)
    code, findings = check_json(capsys, "-")
    assert code == 1
    assert "larger than 1,000 bytes" in str(findings[0]["message"])
    assert sum(requested) < 64 * 1024


def _nested(depth: int) -> bytes:
    return b"<ServiceConfiguration>" + b"<a>" * depth + b"</a>" * depth + b"</ServiceConfiguration>"


def test_an_element_nested_10000_deep():
    doc = read_document("s.cscfg", _nested(10_000), explicit=False)
    assert doc is not None and doc.problem is not None
    assert doc.problem.message.startswith(
        "refused: the element depth exceeds 256 levels; migcheck reads classic files nested up to 256 levels deep"
    )
    assert "XML_PARSE_HUGE" not in doc.problem.message
    # 256 levels (the root and 255 below it) are read
    ok = b"<ServiceConfiguration>" + b"<a>" * 255 + b"</a>" * 255 + b"</ServiceConfiguration>"
    doc = read_document("s.cscfg", ok, explicit=False)
    assert doc is not None and doc.problem is None


def test_refusing_deep_nesting_takes_linear_time():
    assert_linear(lambda n: lambda: read_document("s.cscfg", _nested(n), explicit=False), 20_000)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"x" * 10_000_001, "text node is longer than 10,000,000 characters"),
        (b"<!--" + b"x" * 10_000_001 + b"-->", "comment is longer than 10,000,000 characters"),
        (b"<" + b"x" * 50_001 + b"/>", "name is longer than 50,000 characters"),
    ],
)
def test_parser_limits_are_said_in_plain_words(body, words):
    doc = read_document(
        "s.cscfg", b"<ServiceConfiguration>" + body + b"</ServiceConfiguration>", explicit=False
    )
    assert doc is not None and doc.problem is not None
    assert doc.problem.message.startswith("refused: ") and words in doc.problem.message


def _one_line(roles: int) -> bytes:
    text = "".join(f'<Role name="r{i}"><Instances count="1"/></Role>' for i in range(roles))
    return f'<ServiceConfiguration serviceName="s">{text}</ServiceConfiguration>'.encode()


def test_a_one_line_file_of_a_million_characters():
    data = _one_line(25_000)
    assert b"\n" not in data and len(data) > 1_000_000
    doc = read_document("s.cscfg", data, explicit=False)
    assert doc is not None and doc.problem is None
    assert len(doc.resources[0].roles) == 25_000
    assert doc.resources[0].roles[-1].mark.nth == 24_999


def test_a_one_line_file_is_read_in_linear_time():
    """Positions on one long line are found from the n-th start tag: once per line, not once per tag."""
    assert_linear(lambda n: lambda: read_document("s.cscfg", _one_line(n), explicit=False), 4_000)


def _attributes(count: int) -> bytes:
    attrs = b" ".join(b"a%d='1'" % i for i in range(count))
    return b"<ServiceConfiguration " + attrs + b" ServiceName='s'/>"


def test_many_attributes_on_one_element_take_linear_time():
    doc = read_document("s.cscfg", _attributes(100_000), explicit=False)
    assert doc is not None and doc.resources[0].name == "s"
    # Quadratic, 100,000 attributes took minutes.
    assert_linear(lambda n: lambda: read_document("s.cscfg", _attributes(n), explicit=False), 20_000)


def test_positions_past_line_65535_are_exact():
    """libxml2 keeps a node's line in 16 bits; past line 65,535 the readers find the element in the text
    instead (the n-th `<Role` start tag, comments skipped), so lines and columns stay exact."""
    data = (
        b"<ServiceConfiguration>"
        + b"\n" * 99_999
        + b"<!-- <Role name='commented'/> -->\n"
        + b"  <Role name='a'/>\n" * 3
        + b"<Role name='b'/><Role name='c'/></ServiceConfiguration>"
    )
    doc = read_document("s.cscfg", data, explicit=False)
    assert doc is not None and doc.problem is None
    marks = [(r.mark.line, r.mark.column) for r in doc.resources[0].roles]
    assert marks == [(100_001, 3), (100_002, 3), (100_003, 3), (100_004, 1), (100_004, 17)]
    exact = (
        b"<ServiceConfiguration>" + b"\n" * 65_000 + b"<Role name='a'/>\n" * 3 + b"</ServiceConfiguration>"
    )
    doc = read_document("s.cscfg", exact, explicit=False)
    assert doc is not None and [r.mark.line for r in doc.resources[0].roles] == [65_001, 65_002, 65_003]
    broken = read_document("s.cscfg", data.replace(b"</ServiceConfiguration>", b"<"), explicit=False)
    assert broken is not None and broken.problem is not None
    assert broken.problem.mark.line == 100_004  # parser errors carry exact lines


def _folder(root, count: int):  # type: ignore[no-untyped-def]
    root.mkdir()
    for i in range(count):
        (root / f"vm{i:04}.cscfg").write_bytes(b"<ServiceConfiguration/>" if i % 100 else b"<x")
    return root


def test_a_folder_of_many_files(tmp_path, monkeypatch, capsys):
    """A thousand files here; benchmarks/hostile.py measures 100,000."""
    monkeypatch.chdir(_folder(tmp_path / "many", 1000))
    code, findings = check_json(capsys, ".")
    assert code == 1
    assert [f["path"] for f in findings] == [f"vm{i:04}.cscfg" for i in range(0, 1000, 100)]


def test_a_folder_is_checked_in_time_linear_in_its_files(tmp_path, capsys):
    def make(n: int):  # type: ignore[no-untyped-def]
        folder = _folder(tmp_path / str(n), n)

        def work() -> None:
            main(["check", "--format", "json", str(folder)])
            capsys.readouterr()

        return work

    assert_linear(make, 300)
