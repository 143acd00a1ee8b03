"""`--fix` writes the classic XML files it checks, never a script: XML a PowerShell or Python script holds
in a string is reported where the script writes it, with no `[*]`, and the summary counts only the fixes
`--fix` makes. A script may be signed (an Authenticode block that an edit would break) or build the XML
at run time, so the change is the author's to make."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import run_cli

SUBNET = '<Subnet name="a"><AddressPrefix>10.0.1.00/24</AddressPrefix></Subnet>'
NETWORK = (
    '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
    "<VirtualNetworkConfiguration><VirtualNetworkSites>"
    '<VirtualNetworkSite name="{name}" Location="West Europe">'
    "<AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>"
    "<Subnets>{subnets}</Subnets></VirtualNetworkSite>"
    "</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>"
)

SIGNED_PS1 = f"""\
$xml = @"
{NETWORK.format(name="psnet", subnets=SUBNET)}
"@
$xml | Out-File c:\\temp\\net.netcfg
Set-AzureVNetConfig -ConfigurationPath c:\\temp\\net.netcfg

# SIG # Begin signature block
# MIIFuQYJKoZIhvcNAQcCoIIFqjCCBaYCAQExCzAJBgUrDgMCGgUAMGkGCisGAQQB
# SIG # End signature block
"""

CONCATENATED_PS1 = f"""\
$sub = '{SUBNET}'
$xml = '{NETWORK.format(name="psnet2", subnets="' + $sub + '")}'
$xml | Out-File c:\\temp\\net.netcfg
Set-AzureVNetConfig -ConfigurationPath c:\\temp\\net.netcfg
"""

PYTHON = f"""\
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService("sub", "cert.pem")
BODY = '{NETWORK.format(name="pynet", subnets=SUBNET)}'
sms.perform_put('/sub/services/networking/media', BODY)
"""

SCRIPTS = {"setnet.ps1": SIGNED_PS1, "concat.ps1": CONCATENATED_PS1, "net.py": PYTHON}


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text("[tool.migcheck]\n")
    for name, text in SCRIPTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_scripts_prefix_finding_is_not_marked_fixable(repo: Path, capsys):
    _, out, _ = run_cli(capsys, "check", "--format", "concise", "--select", "MIG304", ".")
    reported = [line for line in out.splitlines() if "MIG304" in line]
    assert sorted(line.split(":")[0] for line in reported) == sorted(SCRIPTS)
    assert not any("[*]" in line for line in reported)
    assert "fixable" not in out


def test_json_offers_no_autofix_in_a_script(repo: Path, capsys):
    _, out, _ = run_cli(capsys, "check", "--format", "json", "--select", "MIG304", ".")
    findings = json.loads(out)
    assert len(findings) == len(SCRIPTS)
    assert [f["autofix"] for f in findings] == [None] * len(SCRIPTS)


def test_fix_leaves_every_script_byte_for_byte(repo: Path, capsys):
    before = {name: (repo / name).read_bytes() for name in SCRIPTS}
    _, diff, err = run_cli(capsys, "check", "--diff", ".")
    assert diff == ""
    assert "Would fix 0 findings" in err
    run_cli(capsys, "check", "--fix", "--unsafe-fixes", ".")
    assert {name: (repo / name).read_bytes() for name in SCRIPTS} == before


def test_a_network_configuration_beside_the_scripts_is_still_fixed_and_counted_alone(repo: Path, capsys):
    (repo / "NetworkConfig.netcfg").write_text(
        NETWORK.format(name="filenet", subnets=SUBNET), encoding="utf-8"
    )
    _, out, _ = run_cli(capsys, "check", "--format", "concise", "--select", "MIG304", ".")
    assert [line.split(":")[0] for line in out.splitlines() if "] [*]" in line] == ["NetworkConfig.netcfg"]
    assert "[*] 1 fixable with --fix." in out
    run_cli(capsys, "check", "--fix", ".")
    assert "10.0.1.0/24" in (repo / "NetworkConfig.netcfg").read_text(encoding="utf-8")


def test_the_editor_offers_no_quick_fix_in_a_script_it_places_findings_in(tmp_path):
    from migcheck.model import Edit, Fix, Mark, Part
    from migcheck.server import _buffer_source

    line = "Set-Content net.netcfg '<AddressPrefix>10.0.1.00/24</AddressPrefix>'\n"
    fix = Fix("Replace", (Edit(Mark("net.ps1", 1, "AddressPrefix"), Part.TEXT, "10.0.1.0/24"),), safe=True)
    assert _buffer_source(str(tmp_path / "net.ps1"), line).resolve(fix) is None
    netcfg = "<AddressPrefix>10.0.1.00/24</AddressPrefix>\n"
    placed = _buffer_source(str(tmp_path / "net.netcfg"), netcfg).resolve(fix)
    assert placed is not None and placed.resolved
