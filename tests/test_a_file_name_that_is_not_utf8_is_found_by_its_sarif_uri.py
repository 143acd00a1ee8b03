"""A file name is bytes, which need not be UTF-8 (`caf\xe9/Net\xff\xfe.netcfg`, written on a Latin-1
system). Reports meant to be read (text, JSON `path`, GitHub `file=`, GitLab `path`, JUnit) show each such
byte as the escape `\\xe9`, as they show control characters, so no raw byte reaches a terminal or a log;
a SARIF uri is for a viewer to open the file, so it percent-encodes the name's bytes (RFC 3986)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from lint_support import SHOP_CSCFG, run_cli

# A network configuration with findings (MIG304 among them).
NETCFG = (Path(__file__).parents[1] / "examples" / "contoso" / "network" / "NetworkConfig.netcfg").read_text()
pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="a file name of any bytes: Linux file systems"
)


@pytest.fixture
def latin1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = os.fsencode(tmp_path) + b"/caf\xe9"
    os.mkdir(folder)
    with open(folder + b"/Net\xff\xfe.netcfg", "w") as handle:
        handle.write(NETCFG)
    with open(os.fsencode(tmp_path) + b"/bad\xe9 #1.cscfg", "w") as handle:
        handle.write(SHOP_CSCFG)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def sarif_uris(out: str) -> set[str]:
    log = json.loads(out)
    return {
        place["physicalLocation"]["artifactLocation"]["uri"]
        for result in log["runs"][0]["results"]
        for place in result["locations"]
    }


def test_the_sarif_uri_encodes_the_bytes_of_the_name(latin1, capsys):
    _, out, _ = run_cli(capsys, "check", ".", "--format", "sarif")
    uris = sarif_uris(out)
    assert "caf%E9/Net%FF%FE.netcfg" in uris and "bad%E9%20%231.cscfg" in uris
    assert not any("%5C" in uri for uri in uris)  # never the escape's backslash
    for uri in uris:  # each one opens the file it names
        from urllib.parse import unquote_to_bytes

        assert os.path.isfile(unquote_to_bytes(uri))


def test_a_utf8_name_is_encoded_as_before(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "café").mkdir()
    (tmp_path / "café" / "NetworkConfig.netcfg").write_text(NETCFG)
    _, out, _ = run_cli(capsys, "check", ".", "--format", "sarif")
    assert sarif_uris(out) == {"caf%C3%A9/NetworkConfig.netcfg"}


def test_reports_to_be_read_show_each_byte_as_an_escape(latin1, capsys):
    _, out, _ = run_cli(capsys, "check", ".", "--format", "json")
    assert {finding["path"] for finding in json.loads(out)} == {
        "bad\\xe9 #1.cscfg",
        "caf\\xe9/Net\\xff\\xfe.netcfg",
    }
    _, out, _ = run_cli(capsys, "check", ".", "--format", "github")
    assert "file=caf\\xe9/Net\\xff\\xfe.netcfg," in out
