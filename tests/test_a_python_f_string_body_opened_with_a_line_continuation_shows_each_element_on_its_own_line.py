"""A Python script whose REST body is an f-string opened with a line continuation (`BODY = f\"\"\"\\`, the
break taken out, then the network configuration with a field `name="{name}"`) shows a finding about an
element on the line that writes it, before the first field and after it, as a plain string opened so
does; it was shown at the f-string's opening."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

SCRIPT = '''\
from azure.servicemanagement import ServiceManagementService

name, space = "vnet1", "10.0.0.00/16"
BODY = {opening}
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="vnet1" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.00/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="{{name}}-a"><AddressPrefix>10.0.1.00/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
sms = ServiceManagementService("sub", "cert.pem")
sms.perform_put("/sub/services/networking/media", BODY)
'''


def _prefixes(text: str) -> list[str]:
    lines = text.split("\n")
    return [
        f"MIG304 net.py:{number}:{line.index('<AddressPrefix>') + 1}"
        for number, line in enumerate(lines, 1)
        if ".00/" in line and "<AddressPrefix>" in line
    ]


@pytest.mark.parametrize("opening", ['f"""\\', 'F"""\\'])
def test_each_prefix_is_shown_where_the_f_string_writes_it(tmp_path, monkeypatch, opening: str) -> None:
    text = SCRIPT.format(opening=opening)
    found = lint_files(tmp_path, monkeypatch, {"net.py": text}, "MIG304", dedent=False).findings
    assert sorted(where(found)) == sorted(_prefixes(text))  # lines 9 and 10: before the field and on its line


def test_a_prefix_after_a_field_on_a_line_of_its_own_is_shown_there(tmp_path, monkeypatch) -> None:
    text = SCRIPT.format(opening='f"""\\').replace(
        '<Subnet name="{name}-a">', '<Subnet name="{name}-a">\n          '
    )
    found = lint_files(tmp_path, monkeypatch, {"net.py": text}, "MIG304", dedent=False).findings
    assert sorted(where(found)) == sorted(_prefixes(text))
