"""XML attacks: external entities, parameter entities, external DTDs, XInclude, billion laughs and
quadratic blow-up are refused with MIG001 saying why, and nothing outside the inputs is read or contacted.

The proof that nothing is read or contacted does not rely on the refusal message: a secret file whose
content must appear nowhere, its access time (on file systems that keep it), Python's audit hook for opens,
a socket guard, and a local listener that must receive no connection (libxml2 would connect in C, past
any Python guard)."""

from __future__ import annotations

import os
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_support import check_json, python_limited

from migcheck.cli import main
from migcheck.readers import read_document

SECRET = "s3cr3t-8f1c2b7e-value-that-must-never-appear"
_watched: list[str] = []  # paths whose Python-level opens are recorded while a test runs
_opened: list[str] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    if event == "open" and _watched and args and isinstance(args[0], str | bytes | os.PathLike):
        path = os.fsdecode(args[0])
        if any(path.endswith(w) for w in _watched):
            _opened.append(path)


sys.addaudithook(_audit)  # hooks cannot be removed; it records nothing unless a test watches a path


@pytest.fixture
def secret(tmp_path: Path) -> Iterator[Path]:
    """A file outside the inputs, with an access time older than its modification time, so that any
    read of it moves the access time (relatime) and is visible afterwards."""
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir()
    path.write_text(SECRET + "\n")
    past = time.time() - 3600
    os.utime(path, (past - 60, past))
    _watched.append(path.name)
    yield path
    _watched.clear()
    assert _opened == [], f"a file outside the inputs was opened: {_opened}"


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A local server that must see no connection: libxml2's own HTTP client would bypass Python."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield server
    try:
        connection, _ = server.accept()
    except BlockingIOError:
        pass
    else:
        connection.close()
        pytest.fail("a network connection was attempted")
    finally:
        server.close()


def _attacks(secret: Path, port: int) -> dict[str, tuple[str, str]]:
    """name -> (document, the refusal's reason as the message words it)."""
    file_url = secret.as_uri()
    http_url = f"http://127.0.0.1:{port}/x"
    dtd_entities = "a DTD with entity declarations"
    laughs = '<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    big = "x" * 100_000
    return {
        "file-entity": (
            f'<!DOCTYPE S [<!ENTITY e SYSTEM "{file_url}">]><ServiceConfiguration serviceName="&e;">&e;'
            "</ServiceConfiguration>",
            dtd_entities,
        ),
        "http-entity": (
            f'<!DOCTYPE S [<!ENTITY e SYSTEM "{http_url}">]><ServiceConfiguration>&e;</ServiceConfiguration>',
            dtd_entities,
        ),
        "parameter-entity": (
            f'<!DOCTYPE S [<!ENTITY % p SYSTEM "{file_url}"> %p; <!ENTITY % q SYSTEM "{http_url}"> %q;]>'
            "<ServiceConfiguration/>",
            dtd_entities,
        ),
        "external-dtd-file": (f'<!DOCTYPE S SYSTEM "{file_url}"><ServiceConfiguration/>', "a DTD"),
        "external-dtd-http": (
            f'<?xml version="1.0"?>\n<!DOCTYPE S PUBLIC "-//x//y" "{http_url}">\n<ServiceConfiguration/>',
            "a DTD",
        ),
        "xinclude-text": (
            '<ServiceConfiguration xmlns:xi="http://www.w3.org/2001/XInclude">\n'
            f'  <xi:include href="{file_url}" parse="text"/>\n</ServiceConfiguration>',
            "uses XInclude",
        ),
        "xinclude-http": (
            '<ServiceConfiguration><include xmlns="http://www.w3.org/2003/XInclude" '
            f'href="{http_url}"/></ServiceConfiguration>',
            "uses XInclude",
        ),
        "billion-laughs": (
            f"<!DOCTYPE S [{laughs}]><ServiceConfiguration>&j;</ServiceConfiguration>",
            dtd_entities,
        ),
        "quadratic-blowup": (
            f'<!DOCTYPE S [<!ENTITY a "{big}">]><ServiceConfiguration>{"&a;" * 10_000}</ServiceConfiguration>',
            dtd_entities,
        ),
    }


def _write_estate(root: Path, secret: Path, port: int) -> dict[str, str]:
    root.mkdir()
    reasons = {}
    for name, (xml, reason) in _attacks(secret, port).items():
        (root / f"{name}.cscfg").write_text(xml, encoding="utf-8")
        reasons[f"estate/{name}.cscfg"] = reason
    return reasons


def _assert_secret_untouched(secret: Path, accessed_before: int) -> None:
    assert secret.stat().st_atime_ns == accessed_before, "the secret file was read"


def _atime_is_kept(tmp_path: Path) -> bool:
    """Whether this file system moves the access time on a read (not with noatime mounts)."""
    probe = tmp_path / "atime-probe"
    probe.write_text("x")
    past = time.time() - 3600
    os.utime(probe, (past - 60, past))
    before = probe.stat().st_atime_ns
    probe.read_bytes()
    return probe.stat().st_atime_ns != before


@pytest.mark.parametrize("name", list(_attacks(Path("/x"), 1)))
def test_each_attack_is_refused_and_says_why(name, secret, listener, no_network):
    xml, reason = _attacks(secret, listener.getsockname()[1])[name]
    doc = read_document("svc/x.cscfg", xml.encode(), explicit=False)
    assert doc is not None and doc.problem is not None
    assert doc.problem.kind == "syntax"  # reported as MIG001
    assert doc.problem.message.startswith("refused: ")
    assert reason in doc.problem.message
    assert doc.resources == ()
    assert doc.problem.mark.line >= 1 and doc.problem.mark.column >= 1
    assert SECRET not in repr(doc) and SECRET not in doc.text


_READ = """
import sys
from migcheck.readers import read_document
with open(sys.argv[1], "rb") as handle:
    doc = read_document("svc/x.cscfg", handle.read(), explicit=False)
print(doc.problem.message if doc is not None and doc.problem is not None else "read")
"""


@pytest.mark.parametrize("name", list(_attacks(Path("/x"), 1)))
def test_no_attack_is_expanded(name, tmp_path):
    """Read in a child process with 10 s of CPU and 256 MB of memory: an expanded billion laughs or
    quadratic blow-up needs gigabytes and minutes, so the child would die instead of finishing."""
    attack = tmp_path / "attack.cscfg"
    attack.write_text(_attacks(tmp_path / "absent", 9)[name][0], encoding="utf-8")
    run = python_limited(_READ, str(attack), cpu=10, memory=256 * 1024 * 1024)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("refused: ")


def test_a_run_over_attacks_reads_nothing_outside_and_connects_nowhere(
    tmp_path, monkeypatch, capsys, secret, listener, no_network
):
    reasons = _write_estate(tmp_path / "estate", secret, listener.getsockname()[1])
    monkeypatch.chdir(tmp_path)
    keeps_atime = _atime_is_kept(tmp_path)
    accessed = secret.stat().st_atime_ns
    for output in ("json", "text", "sarif"):
        code = main(["check", "--format", output, "estate"])
        out, err = capsys.readouterr()
        assert code == 1
        assert SECRET not in out and SECRET not in err
    code, findings = check_json(capsys, "estate")
    assert {f["path"] for f in findings} == set(reasons)
    for finding in findings:
        assert finding["code"] == "MIG001"
        assert str(finding["message"]).startswith("refused: ")
        assert reasons[str(finding["path"])] in str(finding["message"])
    if keeps_atime:
        _assert_secret_untouched(secret, accessed)
