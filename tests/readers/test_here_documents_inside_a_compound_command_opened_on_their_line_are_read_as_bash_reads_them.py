"""A here-document inside a compound command opened and closed on its line (`if ...; then cat <<A; fi`,
`{ cat <<A; }`, `for ...; do cat <<A; done`, `while ...; do bash <<B; done`) is read as bash reads it: its
body is the lines that follow, and the command after it on the line (`fi`, `}`, `done`) closes the compound
once the body is read. The bash grammar took the line for an error, so the script was MIG001 (cannot be
parsed) and nothing of it was read. Findings keep the line and column the script writes them at."""

from __future__ import annotations

import pytest

from tests.lint_support import lint_files, where


def _network(name: str, subnet: str) -> str:
    return (
        '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
        f'<VirtualNetworkConfiguration><VirtualNetworkSites><VirtualNetworkSite name="{name}" Location="West Europe">'
        "<AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace><Subnets>"
        f'<Subnet name="{subnet}"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>'
        "</VirtualNetworkSite></VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>"
    )


def _found(tmp_path, monkeypatch, script: str) -> list[str]:
    result = lint_files(
        tmp_path, monkeypatch, {"deploy.sh": script}, "MIG001", "MIG003", "MIG202", dedent=False
    )
    return where(result.findings)


WRITERS = {
    "if": "if true; then cat <<A > a.netcfg; fi\n",
    "braces": "{ cat <<A > a.netcfg; }\n",
    "for": "for n in 1; do cat <<A > a.netcfg; done\n",
}


@pytest.mark.parametrize("writer", list(WRITERS))
def test_the_body_written_inside_the_compound_is_the_file_s(tmp_path, monkeypatch, writer):
    script = (
        WRITERS[writer]
        + f"{_network('net1', 'front')}\n"
        + "A\n"
        + "azure network import a.netcfg\n"
        + "azure vm create web img u p -w net1 -b back\n"
    )
    assert _found(tmp_path, monkeypatch, script) == ["MIG003 deploy.sh:5:40"]


def test_a_script_fed_to_bash_in_a_loop_runs_its_commands_shown_at_bash(tmp_path, monkeypatch):
    script = (
        'while [ -n "$GO" ]; do bash <<B; done\n'
        "azure vm create web img u p -w net1 -b a,b\n"
        "B\n"
        "azure vm create app img u p -w net1 -b c,d\n"
    )
    assert _found(tmp_path, monkeypatch, script) == ["MIG202 deploy.sh:1:24", "MIG202 deploy.sh:4:42"]
