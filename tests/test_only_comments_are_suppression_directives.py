"""Only a comment can be a suppression directive, or a malformed one: text that looks like a directive in a
PowerShell here-string, a Python string, a shell here-document or an XML CDATA section (a script that
writes such a comment into a file it generates) is data, and no MIG005 is reported on it. A malformed
comment is still reported, at its opener."""

from __future__ import annotations

import pytest
from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files

RULES = ("MIG005", "MIG006", "MIG201", "MIG202")
TYPO = "migcheck: ignore[MIG2O2 never closed"

NETWORK = APP_VNET_TWO_SUBNETS_NETCFG

POWERSHELL = """\
{data}
New-AzureVMConfig -Name 'app01' -InstanceSize Small -ImageName 'img' |
    Set-AzureSubnet -SubnetNames 'web', 'data' |
    New-AzureVM -ServiceName 'app-svc' -VNetName 'app-vnet'
"""

PYTHON = """\
from azure.servicemanagement import ServiceManagementService, ConfigurationSet, OSVirtualHardDisk
sms = ServiceManagementService("s", "c.pem")
{data}
net = ConfigurationSet()
net.subnet_names.extend(["web", "data"])
sms.create_virtual_machine_deployment(
    "py-svc", "py-svc", "production", "l", "py01", None,
    OSVirtualHardDisk("img", "https://stdacct.blob.core.windows.net/vhds/py01.vhd"),
    network_config=net, virtual_network_name="app-vnet",
)
"""

SHELL = """\
#!/bin/bash
azure config mode asm
{data}
azure vm create sh-svc img ops 'P@ss' -w app-vnet -b web,data -n sh01
"""

SERVICE = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2" /></Role>
  <NetworkConfiguration>
    <AccessControls>
      <AccessControl name="office">
        <Rule order="100" action="permit" remoteSubnet="198.51.100.0/24" description="office" />
      </AccessControl>
    </AccessControls>
    <EndpointAcls>
      {data}
      <EndpointAcl role="Web" endpoint="HttpIn" accessControl="office" />
    </EndpointAcls>
  </NetworkConfiguration>
</ServiceConfiguration>
"""

# Text a script writes, or an XML file holds, that looks like a malformed directive but is no comment.
NOT_COMMENTS = {
    "double-quoted here-string": ("a.ps1", POWERSHELL, f'$note = @"\n# {TYPO}\n<# {TYPO} #>\n"@'),
    "single-quoted here-string": ("a.ps1", POWERSHELL, f"$note = @'\n# {TYPO}\n'@"),
    "PowerShell string": ("a.ps1", POWERSHELL, f"$note = '# {TYPO}'"),
    "Python triple-quoted string": ("a.py", PYTHON, f'NOTE = """\n# {TYPO}\n"""'),
    "Python string": ("a.py", PYTHON, f'NOTE = "# {TYPO}"'),
    "shell here-document": ("a.sh", SHELL, f"cat > generated.sh <<EOF\n# {TYPO}\nEOF"),
    "quoted shell here-document": ("a.sh", SHELL, f"cat > generated.sh <<'EOF'\n  # {TYPO}\nEOF"),
    "shell string": ("a.sh", SHELL, f"echo '# {TYPO}' > generated.sh"),
    "XML CDATA section": ("s.cscfg", SERVICE, f"<![CDATA[<!-- {TYPO} -->]]>"),
    "XML processing instruction": ("s.cscfg", SERVICE, f"<?note <!-- {TYPO} -->?>"),
}

# A malformed comment in each format, its line and the column of its opener.
COMMENTS = {
    "PowerShell line comment": ("a.ps1", POWERSHELL, f"$x = 1  # {TYPO}", 1, 9),
    "PowerShell block comment": ("a.ps1", POWERSHELL, f"<#\n  {TYPO}\n#>", 1, 1),
    "Python comment": ("a.py", PYTHON, f"    # {TYPO}", 3, 5),
    "shell comment": ("a.sh", SHELL, f"echo hi  # {TYPO}", 3, 10),
    "XML comment": ("s.cscfg", SERVICE, f"<!-- {TYPO} -->", 11, 7),
}


def _malformed(tmp_path, monkeypatch, name: str, text: str) -> list[tuple[int, int, str]]:
    result = lint_files(tmp_path, monkeypatch, {name: text, "NetworkConfig.netcfg": NETWORK}, *RULES)
    return [(f.mark.line, f.mark.column, f.message) for f in result.findings if f.code == "MIG005"]


@pytest.mark.parametrize("case", sorted(NOT_COMMENTS))
def test_text_that_looks_like_a_directive_outside_a_comment_is_no_suppression(tmp_path, monkeypatch, case):
    name, template, data = NOT_COMMENTS[case]
    assert _malformed(tmp_path, monkeypatch, name, template.format(data=data)) == []


@pytest.mark.parametrize("case", sorted(COMMENTS))
def test_a_malformed_comment_is_still_reported_at_its_opener(tmp_path, monkeypatch, case):
    name, template, data, line, column = COMMENTS[case]
    [(at_line, at_column, message)] = _malformed(tmp_path, monkeypatch, name, template.format(data=data))
    assert (at_line, at_column) == (line, column)
    assert message.startswith(f"malformed suppression comment `{TYPO}")


def test_a_malformed_comment_beside_a_string_that_looks_like_one_is_reported_once(tmp_path, monkeypatch):
    data = f'$note = @"\n# {TYPO}\n"@\n# {TYPO}'
    found = _malformed(tmp_path, monkeypatch, "a.ps1", POWERSHELL.format(data=data))
    assert [(line, column) for line, column, _ in found] == [(4, 1)]
