"""A classic file whose namespace name is no URI, most often one wrapped onto the next line
(`...NetworkConf` + line break + `iguration`), is well-formed XML: MIG001 says what is wrong with the name, at
its declaration, and for the default namespace names the one the file's kind expects and how to write it."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

NETCFG_NS = "http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration"
CSCFG_NS = "http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration"

WRAPPED_NETCFG = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<NetworkConfiguration xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
    'xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConf\n'
    'iguration">\n'
    "  <VirtualNetworkConfiguration />\n"
    "</NetworkConfiguration>\n"
)
WRAPPED_CSCFG = (
    '<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/\n'
    '  ServiceConfiguration">\n'
    '  <Role name="Web"><Instances count="2" /></Role>\n'
    "</ServiceConfiguration>\n"
)


@pytest.mark.parametrize(
    ("name", "text", "expected", "kind", "at"),
    [
        ("NetworkConfig.netcfg", WRAPPED_NETCFG, NETCFG_NS, "a network configuration (.netcfg)", "2:68"),
        ("ServiceConfiguration.cscfg", WRAPPED_CSCFG, CSCFG_NS, "a service configuration (.cscfg)", "1:42"),
    ],
)
def test_a_wrapped_default_namespace_names_the_one_its_kind_expects(
    tmp_path, monkeypatch, name, text, expected, kind, at
):
    result = lint_files(tmp_path, monkeypatch, {name: text}, "MIG001", dedent=False)
    [finding] = result.findings
    assert where([finding]) == [f"MIG001 {name}:{at}"]  # at the declaration, `xmlns=`
    assert "not well-formed" not in finding.message
    assert "is not a valid URI: it holds a line break" in finding.message
    assert finding.message.endswith(f"; the namespace of {kind} is '{expected}'")
    assert finding.fix.startswith(f'Write the namespace on one line, as xmlns="{expected}"')


def test_a_prefixed_namespace_holding_a_blank_is_said_to_hold_one(tmp_path, monkeypatch):
    text = (
        '<NetworkConfiguration xmlns:xsi="http://www.w3.org/2001/XMLSchema instance" '
        f'xmlns="{NETCFG_NS}">\n'
        "  <VirtualNetworkConfiguration />\n"
        "</NetworkConfiguration>\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"NetworkConfig.netcfg": text}, "MIG001", dedent=False)
    [finding] = result.findings
    assert finding.message.startswith(
        "the namespace name of the prefix xsi: 'http://www.w3.org/2001/XMLSchema instance' is not a valid URI: "
        "it holds a blank (line 1, column 23)"
    )
    assert "the namespace of a network configuration" not in finding.message
    assert finding.fix.startswith("Write the namespace name as one URI, with no line break or blank in it")
