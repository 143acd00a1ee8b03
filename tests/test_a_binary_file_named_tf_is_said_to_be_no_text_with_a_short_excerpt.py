"""A binary file named `.tf` (an archive, a state file saved under the wrong name) was said to be not UTF-8, with a
screenful of replacement characters under it and `iconv` to convert it: it is no text in any encoding. It is
MIG001 saying the file is not text, shown by its first characters only; a configuration in another encoding
is still told to be converted."""

from __future__ import annotations

import hashlib

from lint_support import lint_files, run_cli

NETWORK = 'resource "azure_virtual_network" "app" {\n  name = "app-vnet"\n}\n'


def _check(tmp_path, monkeypatch, name: str, data: bytes):
    (tmp_path / name).write_bytes(data)
    result = lint_files(tmp_path, monkeypatch, {"main.tf": NETWORK}, "MIG001")
    return [f for f in result.findings if f.mark.path.endswith(name)], result


def test_a_binary_tf_is_said_to_be_no_text(tmp_path, monkeypatch, capsys):
    noise = b"".join(hashlib.sha256(bytes([i])).digest() for i in range(100))  # bytes as an archive's
    (finding,), _ = _check(tmp_path, monkeypatch, "binary.tf", b"\xbc\x88" + noise)
    assert "is not text" in finding.message and "iconv" not in (finding.fix or "")
    assert "UTF-8" not in finding.message
    _, out, _ = run_cli(capsys, "check", "binary.tf", "--select", "MIG001")
    (excerpt,) = [line for line in out.splitlines() if line.startswith("1 |")]
    assert len(excerpt) < 80


def test_a_latin_1_configuration_is_still_told_to_be_converted(tmp_path, monkeypatch):
    latin = 'resource "azure_virtual_network" "app" {\n  name = "caf\xe9"\n}\n'.encode("latin-1")
    (finding,), _ = _check(tmp_path, monkeypatch, "latin.tf", latin)
    assert "not UTF-8" in finding.message and "iconv" in (finding.fix or "")
