"""A settings file or baseline saved as UTF-16 without a byte order mark (Windows tools write it) decodes as
UTF-8 with a NUL after each character, and the parser then blamed a key: `migcheck.toml:1:2: not valid TOML:
Expected '=' after a key`, the baseline "not valid JSON: Expecting property name". Either is now said not to be
UTF-8 text, with the NUL's offset and what writes such bytes, and to be saved as UTF-8."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import run_cli

NETCFG = '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration"/>\n'
SAID = (
    "is not UTF-8 text (it holds a NUL byte at offset 1, as UTF-16 text saved without a byte order mark does)"
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "NetworkConfig.netcfg").write_text(NETCFG)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("name", ["migcheck.toml", "pyproject.toml"])
def test_a_settings_file_in_utf16_without_a_mark_is_said_not_utf8(
    project: Path, capsys: pytest.CaptureFixture[str], name: str
):
    table = "[tool.migcheck]\n" if name == "pyproject.toml" else ""
    (project / name).write_bytes(f'{table}exclude = ["x"]\n'.encode("utf-16-le"))
    code, out, err = run_cli(capsys, "check", ".")
    assert (code, out) == (2, "")
    assert err.startswith(
        f"migcheck: error: config file {name} {SAID}; TOML files are UTF-8: save it as UTF-8"
    )


def test_a_baseline_in_utf16_without_a_mark_is_said_not_utf8(
    project: Path, capsys: pytest.CaptureFixture[str]
):
    (project / "known.json").write_bytes(b'{"version": 1, "findings": []}'.decode().encode("utf-16-le"))
    code, out, err = run_cli(capsys, "check", ".", "--baseline", "known.json")
    assert (code, out) == (2, "")
    assert err.startswith(
        f"migcheck: error: baseline known.json {SAID}; a baseline is UTF-8 JSON: save it as UTF-8"
    )
