"""An XML file (.cscfg, .csdef, .netcfg, a VM export) whose byte order mark names another encoding than its
text's was said so with no source line under the finding, where a .ps1 or .json showed its line 1: its text
was read again to be shown, decoded as the mark says. The line is now shown as the reader had it, the bytes
past the mark read as UTF-8, as for the other formats; a file whose mark is right shows its line as ever."""

from __future__ import annotations

import codecs

import pytest

from migcheck.cli import main

TEXT = '<?xml version="1.0"?>\n<ServiceConfiguration serviceName="shop">\n'


@pytest.mark.parametrize("name", ["ServiceConfiguration.cscfg", "ServiceDefinition.csdef", "vm.xml"])
@pytest.mark.parametrize("mark", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE], ids=["le", "be"])
def test_a_utf16_mark_before_utf8_text_shows_line_1(tmp_path, capsys, monkeypatch, name, mark):
    (tmp_path / name).write_bytes(mark + TEXT.encode())
    monkeypatch.chdir(tmp_path)
    main(["check", name])
    out = capsys.readouterr().out
    assert "the file starts with a UTF-16 byte order mark" in out
    assert '1 | <?xml version="1.0"?>\n' in out


def test_a_right_mark_shows_its_line_as_ever(tmp_path, capsys, monkeypatch):
    text = '<?xml version="1.0"?>\n<ServiceConfiguration serviceName="shop">\n<Role name="Web" & />\n</ServiceConfiguration>\n'
    (tmp_path / "ServiceConfiguration.cscfg").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    monkeypatch.chdir(tmp_path)
    main(["check", "ServiceConfiguration.cscfg"])
    out = capsys.readouterr().out
    assert "MIG001" in out
    assert '\n3 | <Role name="Web" & />\n' in out
