"""REST bodies and network configurations a PowerShell script puts together from constant strings, and the
network configuration it writes to a file and uploads.

A body joined with `+` (or `+=`), made with `-f` from a template, or put in a double-quoted string from
variables that hold constant strings is the string PowerShell makes, however long: its findings are at the
element inside the literal that writes it. A network configuration written to a file (`Out-File`,
`Set-Content`) and uploaded with `Set-AzureVNetConfig -ConfigurationPath` is read as the same string sent
with a PUT to `.../services/networking/media` is; a file that may hold something else when it is uploaded
(written on one branch only, appended to, written after the upload, or another file) is not read."""

from __future__ import annotations

import pytest
from lint_support import lint_files, run_cli, where

SUB = '$sub = "0000-1111"\n'
ROLE_URI = '"https://management.core.windows.net/$sub/services/hostedservices/svc/deployments/svc/roles/vm1"'
SEND = f"Invoke-RestMethod -Method Put -Uri {ROLE_URI} -Body $body\n"

HEAD = '<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure"><RoleName>vm1</RoleName>'
ENDPOINT = (
    "<ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
    "<InputEndpoints><InputEndpoint><Name>web</Name><Protocol>tcp</Protocol><Port>80</Port>"
    "<LocalPort>80</LocalPort>"
)
ACL = (
    "<EndpointAcl><Rules><Rule><Order>100</Order><Action>permit</Action>"
    "<RemoteSubnet>10.0.0.0/8</RemoteSubnet></Rule></Rules></EndpointAcl>"
)
TAIL = "</InputEndpoint></InputEndpoints></ConfigurationSet></ConfigurationSets></PersistentVMRole>"
# What makes a body longer than the longest name a script builds: real bodies are.
PADDING = "<!-- " + "x" * 1200 + " -->"


def _acl_findings(tmp_path, monkeypatch, script: str) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, {"acl.ps1": script}, "MIG201", dedent=False).findings)


def test_a_body_joined_with_plus_is_read_at_the_literal_that_writes_each_element(tmp_path, monkeypatch):
    script = (
        SUB
        + f"$body = '{HEAD}' +\n"
        + f"  '{PADDING}' +\n"
        + f"  '{ENDPOINT}' +\n"
        + f"  '{ACL}' +\n"
        + f"  '{TAIL}'\n"
        + SEND
    )
    assert _acl_findings(tmp_path, monkeypatch, script) == ["MIG201 acl.ps1:5:4"]


def test_a_body_joined_from_variables_and_plus_equals_is_read_where_the_variable_is_written(
    tmp_path, monkeypatch
):
    script = (
        SUB
        + f"$acl = '{ACL}'\n"
        + f"$body = '{HEAD}{PADDING}'\n"
        + f'$body += "{ENDPOINT}"\n'
        + "$body += $acl\n"
        + f"$body = $body + '{TAIL}'\n"
        + SEND
    )
    assert _acl_findings(tmp_path, monkeypatch, script) == ["MIG201 acl.ps1:2:9"]


def test_a_body_made_with_format_is_read_in_its_template_and_values(tmp_path, monkeypatch):
    template = HEAD.replace("vm1", "{0}") + PADDING + ENDPOINT + "{1}" + TAIL
    script = SUB + f"$acl = '{ACL}'\n" + f"$body = '{template}' -f 'vm1', $acl\n" + SEND
    result = lint_files(tmp_path, monkeypatch, {"acl.ps1": script}, "MIG201", dedent=False)
    assert where(result.findings) == ["MIG201 acl.ps1:2:9"]
    assert "endpoint 'web' of VM 'vm1' in cloud service 'svc'" in result.findings[0].message


def test_a_body_a_double_quoted_string_puts_together_from_variables_is_read_where_they_are_written(
    tmp_path, monkeypatch
):
    script = (
        SUB
        + f"$head = '{HEAD}{PADDING}'\n"
        + f"$acl = '{ACL}'\n"
        + f'$body = "$head{ENDPOINT}$acl{TAIL}"\n'
        + SEND
    )
    assert _acl_findings(tmp_path, monkeypatch, script) == ["MIG201 acl.ps1:3:9"]


def test_a_long_body_with_a_value_the_script_does_not_state_is_read_with_a_stand_in(tmp_path, monkeypatch):
    head = HEAD.replace("<RoleName>vm1</RoleName>", "<RoleName>")
    script = (
        "param([string]$Name)\n"
        + SUB
        + f"$body = '{head}' + $Name +\n"
        + f"  '</RoleName>{PADDING}{ENDPOINT}' +\n"
        + f"  '{ACL}{TAIL}'\n"
        + SEND
    )
    assert _acl_findings(tmp_path, monkeypatch, script) == ["MIG201 acl.ps1:5:4"]


def test_no_fix_takes_the_acl_out_of_the_literal_a_joined_body_holds_it_in(tmp_path, capsys):
    script = SUB + f"$body = '{HEAD}{PADDING}{ENDPOINT}' +\n  '{ACL}' +\n  '{TAIL}'\n" + SEND
    path = tmp_path / "acl.ps1"
    path.write_text(script, encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", str(path), "--select", "MIG201", "--unsafe-fixes", "--diff")
    assert (code, out) == (0, "")  # a script is reported, not rewritten


def test_a_string_doubled_line_after_line_is_not_followed_past_the_longest_body(tmp_path, monkeypatch):
    script = SUB + "$body = '<x>'\n" + "$body += $body\n" * 24 + SEND
    assert _acl_findings(tmp_path, monkeypatch, script) == []


# --- a network configuration written to a file and uploaded ----------------------------------------------

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="prod" AffinityGroup="prod-ag">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>"""

WRITE_AND_UPLOAD = (
    '$path = "$env:TEMP\\netcfg.xml"\n'
    + '$netcfg = @"\n'
    + NETCFG
    + '\n"@\n'
    + "$netcfg | Out-File -Encoding utf8 $path\n"
    + "Set-AzureVNetConfig -ConfigurationPath $path\n"
)


def _network_findings(tmp_path, monkeypatch, script: str) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, {"net.ps1": script}, "MIG303", dedent=False).findings)


def test_a_network_configuration_written_to_a_file_and_uploaded_is_read_in_the_here_string(
    tmp_path, monkeypatch
):
    assert _network_findings(tmp_path, monkeypatch, WRITE_AND_UPLOAD) == ["MIG303 net.ps1:6:54"]


@pytest.mark.parametrize(
    "write",
    [
        "Set-Content -Path $path -Value $netcfg",
        "Set-Content $path $netcfg",
        "$netcfg | Set-Content -LiteralPath $path",
        "Out-File -FilePath $path -InputObject $netcfg",
        "Out-File -Pa $path -InputObject $netcfg",
    ],
)
def test_each_way_of_writing_the_file_is_read(tmp_path, monkeypatch, write):
    script = WRITE_AND_UPLOAD.replace("$netcfg | Out-File -Encoding utf8 $path", write)
    assert _network_findings(tmp_path, monkeypatch, script) == ["MIG303 net.ps1:6:54"]


def test_a_file_named_as_written_and_written_by_a_function_is_read(tmp_path, monkeypatch):
    script = (
        "function Save-Config([string]$Path, [string]$Xml) { Set-Content -Path $Path -Value $Xml }\n"
        + '$netcfg = @"\n'
        + NETCFG
        + '\n"@\n'
        + "Save-Config -Path C:\\deploy\\netcfg.xml -Xml $netcfg\n"
        + "Set-AzureVNetConfig C:\\Deploy\\NetCfg.xml\n"
    )
    assert _network_findings(tmp_path, monkeypatch, script) == ["MIG303 net.ps1:6:54"]


@pytest.mark.parametrize(
    "change",
    [
        ("$netcfg | Out-File", "if ($write) { $netcfg | Out-File", "$path\n", "$path }\n"),
        ("Encoding utf8 $path\n", "Encoding utf8 $path\n'<x/>' | Out-File $path -Append\n"),
        ("Encoding utf8 $path\n", "Encoding utf8 $path\nSet-Content -Path (Get-Item $other) -Value 'x'\n"),
        ("Encoding utf8 $path\n", "Encoding utf8 $path -WhatIf\n"),
        ("Encoding utf8 $path\n", 'Encoding utf8 $path\n$path = "$env:TEMP\\other.xml"\n'),
        ("Set-AzureVNetConfig -ConfigurationPath $path\n", ""),
    ],
    ids=["on-one-branch", "appended-to", "any-file-written", "whatif", "another-file", "not-uploaded"],
)
def test_a_file_that_may_hold_something_else_when_uploaded_is_not_read(tmp_path, monkeypatch, change):
    script = WRITE_AND_UPLOAD
    for old, new in zip(change[::2], change[1::2], strict=True):
        assert old in script
        script = script.replace(old, new, 1)
    assert _network_findings(tmp_path, monkeypatch, script) == []


def test_a_file_uploaded_before_it_is_written_is_not_read(tmp_path, monkeypatch):
    lines = WRITE_AND_UPLOAD.splitlines(keepends=True)
    script = "".join([*lines[:-2], lines[-1], lines[-2]])
    assert _network_findings(tmp_path, monkeypatch, script) == []


# --- what it costs --------------------------------------------------------------------------------------


def _doubling(lines: int, step: str) -> bytes:
    """A script that builds a string holding markup from itself line after line (`step`, with `{0}` for
    the string), then sends it."""
    body = ["$body = '<x/>'", *(f"$body = {step.format('$body')}" for _ in range(lines))]
    return ("\n".join([SUB.strip(), *body, SEND.strip()]) + "\n").encode()


@pytest.mark.parametrize(
    "step", ['"{0}{0}"', "{0} + {0}", "{0} + ('{{0}}' -f {0})", '{0} + "{0}{0}"', "{0} + $env:X"]
)
def test_a_string_holding_markup_doubled_line_after_line_costs_what_any_line_costs(step):
    """Past the longest body, the string is one the script does not state; and however many pieces of the
    script it is copied from, each copy costs no more than a body's length."""
    from growth import LINEAR, assert_costs_at_most

    from migcheck.readers import read_document

    fifteen, thirty = (_doubling(lines, step) for lines in (15, 30))
    assert_costs_at_most(
        lambda: read_document("s.ps1", thirty, explicit=True),
        LINEAR,
        lambda: read_document("s.ps1", fifteen, explicit=True),
    )
