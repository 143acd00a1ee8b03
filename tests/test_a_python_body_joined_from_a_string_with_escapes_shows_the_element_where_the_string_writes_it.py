"""A Python body joined with `+` from strings, one of which holds escapes that stand for characters on its
own line (`HEAD + "<Subnet\\tname='a'>..." + TAIL`), shows a finding about an element of that string where
the string writes it; it was shown at the expression that joins them. An escape that stands for a line
break (`\\n`) makes the string's lines other than the file's: its elements stay at the expression."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

HEAD = (
    '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
    "<VirtualNetworkConfiguration><VirtualNetworkSites>"
    '<VirtualNetworkSite name="pynet" Location="West Europe">'
    "<AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace><Subnets>"
)
TAIL = "</Subnets></VirtualNetworkSite></VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>"


def _script(subnet: str) -> str:
    return (
        "from azure.servicemanagement import ServiceManagementService\n"
        f"HEAD = '{HEAD}'\n"
        f"TAIL = '{TAIL}'\n"
        'sms = ServiceManagementService("sub", "cert.pem")\n'
        f'sms.perform_put("/sub/services/networking/media", HEAD + "{subnet}" + TAIL)\n'
    )


@pytest.mark.parametrize("escape", ["\\t", "\\x20", "\\N{SPACE}", "\\u0020"])
def test_the_prefix_is_shown_in_the_string_that_writes_it(tmp_path, monkeypatch, escape: str) -> None:
    text = _script(f"<Subnet{escape}name='a'><AddressPrefix>10.0.1.00/24</AddressPrefix></Subnet>")
    found = lint_files(tmp_path, monkeypatch, {"net.py": text}, "MIG304").findings
    column = text.split("\n")[4].index("<AddressPrefix>") + 1
    assert where(found) == [f"MIG304 net.py:5:{column}"]


def test_a_string_whose_escape_breaks_a_line_is_shown_at_the_expression(tmp_path, monkeypatch) -> None:
    text = _script("<Subnet name='a'>\\n<AddressPrefix>10.0.1.00/24</AddressPrefix></Subnet>")
    found = lint_files(tmp_path, monkeypatch, {"net.py": text}, "MIG304").findings
    assert where(found) == [f"MIG304 net.py:5:{text.split(chr(10))[4].index('HEAD +') + 1}"]
