"""Here-documents started on one line (`cat <<A <<B`, `cmd1 <<A; cmd2 <<B`, `a <<A && b <<B`) are read as bash
reads them, their bodies one after the other from the next line: of one command's, the last feeds it; each of
another command's feeds that command. The bash grammar reads only the first, so the script was MIG001 (cannot
be parsed) and nothing of it was read. Findings keep the line and column the script writes them at."""

from __future__ import annotations

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


def test_each_command_of_the_line_writes_its_own_body(tmp_path, monkeypatch):
    script = (
        "cat <<A > a.netcfg; cat <<'B' > b.netcfg\n"
        f"{_network('net1', 'front')}\n"
        "A\n"
        f"{_network('net2', 'back')}\n"
        "B\n"
        "azure network import a.netcfg\n"
        "azure vm create web img u p -w net1 -b back\n"
        "azure network import b.netcfg\n"
        "azure vm create app img u p -w net2 -b front\n"
    )
    assert _found(tmp_path, monkeypatch, script) == ["MIG003 deploy.sh:7:40", "MIG003 deploy.sh:9:40"]


def test_a_command_given_two_takes_the_last(tmp_path, monkeypatch):
    script = (
        "cat <<A <<B > net.netcfg\n"
        f"{_network('net1', 'front')}\n"
        "A\n"
        f"{_network('net1', 'back')}\n"
        "B\n"
        "azure network import net.netcfg\n"
        "azure vm create web img u p -w net1 -b front\n"
    )
    assert _found(tmp_path, monkeypatch, script) == ["MIG003 deploy.sh:7:40"]


def test_a_command_after_and_and_is_shown_where_the_line_writes_it(tmp_path, monkeypatch):
    script = (
        "cat <<A > notes.txt && bash <<B\n"
        "hello\n"
        "A\n"
        "azure vm create web img u p -w net1 -b a,b\n"
        "B\n"
        "azure vm create app img u p -w net1 -b c,d\n"
    )
    assert _found(tmp_path, monkeypatch, script) == ["MIG202 deploy.sh:1:24", "MIG202 deploy.sh:6:42"]


def test_a_command_after_a_here_document_and_a_semicolon_runs_after_its_body(tmp_path, monkeypatch):
    script = "cat <<EOF > notes.txt; azure vm create web img u p -w net1 -b a,b\nhello\nEOF\n"
    assert _found(tmp_path, monkeypatch, script) == ["MIG202 deploy.sh:1:65"]
