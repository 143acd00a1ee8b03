"""A file read again to locate its findings is known to be the one its document was read from by the size
and the keyed hash of its bytes, and the length of their text (`migcheck.texts._check`): one pass over the
bytes, not a checksum of them and a hash of the decoded text besides."""

from __future__ import annotations

from migcheck import texts
from migcheck.texts import _check, _OnDisk, _read_again


def test_the_check_hashes_the_bytes_and_not_the_text():
    data = b'<ServiceConfiguration serviceName="shop"/>\n'
    text = data.decode()
    assert _check(data, text) == _check(data, text.upper())  # the same length: only the bytes are hashed
    assert _check(data, text) != _check(data.replace(b"shop", b"shoq"), text)
    assert _check(data, text) != _check(data, text + "x")


def test_a_file_is_used_again_only_with_the_same_bytes(tmp_path, monkeypatch):
    path = tmp_path / "ServiceConfiguration.Cloud.cscfg"
    data = b'<ServiceConfiguration serviceName="shop"/>\n'
    path.write_bytes(data)
    monkeypatch.chdir(tmp_path)
    entry = _OnDisk(path.name, (True, str(tmp_path), False), _check(data, data.decode()))
    assert _read_again(entry) == data.decode()
    path.write_bytes(data.replace(b"shop", b"shoq"))  # the same size, other bytes
    assert _read_again(entry) == ""
    path.write_bytes(data + b" ")
    assert _read_again(entry) == ""


def test_reading_again_takes_no_checksum():
    assert not hasattr(texts, "zlib")
