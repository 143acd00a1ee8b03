"""`migcheck check --fix`, `--unsafe-fixes` and `--diff`: each fix changes the text it names and nothing
else, byte for byte (line endings, comments, encoding), makes its finding go away, and is never applied
where it must not be (suppressed or baselined findings, links, read-only files, standard input)."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from migcheck.cli import main
from migcheck.fixes import apply_edits, plan
from migcheck.model import Edit, Finding, Fix, Mark, Part, Severity
from migcheck.visible import visible

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "contoso"
NETCFG = "network/NetworkConfig.netcfg"
SQL01 = "vms/sql-tier/contoso-sql01.xml"
JUMP = "rest/contoso-jump.hostedservice.xml"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The Contoso example, copied: fixes write to it."""
    shutil.copytree(EXAMPLES, tmp_path / "contoso")
    (tmp_path / "pyproject.toml").write_text("[tool.migcheck]\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "contoso"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def codes(capsys: pytest.CaptureFixture[str], path: Path) -> list[tuple[int, str]]:
    """(line, code) of every finding in the file at `path`."""
    main(["check", str(path), "--format", "json"])
    return [(f["line"], f["code"]) for f in json.loads(capsys.readouterr().out)]


def assert_only_changed(before: bytes, after: bytes, old: bytes, new: bytes) -> None:
    """`after` is `before` with its one occurrence of `old` replaced by `new`: every other byte kept."""
    assert before.count(old) == 1
    at = before.index(old)
    assert after[:at] == before[:at]
    assert after[at : at + len(new)] == new
    assert after[at + len(new) :] == before[at + len(old) :]


# --- safe fixes ---------------------------------------------------------------------------------------


def test_fix_rewrites_the_prefix_and_keeps_every_other_byte(repo: Path, capsys):
    netcfg = repo / NETCFG
    before = netcfg.read_bytes()
    assert (74, "MIG304") in codes(capsys, netcfg)

    code, out, err = run(capsys, str(netcfg), "--fix")

    assert_only_changed(before, netcfg.read_bytes(), b">10.3.0.00/24<", b">10.3.0.0/24<")
    assert "Fixed 1 finding in 1 file." in err
    assert "MIG304" not in out  # the report is of the file as fixed
    assert (74, "MIG304") not in codes(capsys, netcfg)
    assert code == 1  # the gateway findings of the same file remain


def test_a_second_fix_changes_nothing(repo: Path, capsys):
    run(capsys, str(repo), "--fix", "--unsafe-fixes")
    after = {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()}
    _, _, err = run(capsys, str(repo), "--fix", "--unsafe-fixes")
    assert "Fixed 0 findings in 0 files." in err
    assert {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()} == after


def test_crlf_line_endings_are_kept(repo: Path, capsys):
    netcfg = repo / NETCFG
    netcfg.write_bytes(netcfg.read_bytes().replace(b"\n", b"\r\n"))
    before = netcfg.read_bytes()
    run(capsys, str(netcfg), "--fix")
    after = netcfg.read_bytes()
    assert_only_changed(before, after, b">10.3.0.00/24<", b">10.3.0.0/24<")
    assert after.count(b"\r\n") == after.count(b"\n")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-8-sig"])
def test_the_encoding_and_its_byte_order_mark_are_kept(repo: Path, capsys, encoding: str):
    netcfg = repo / NETCFG
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    text = netcfg.read_text(encoding="utf-8").replace('encoding="utf-8"', 'encoding="utf-16"' if bom else "")
    netcfg.write_bytes(bom + text.encode(encoding))
    before = netcfg.read_bytes()

    run(capsys, str(netcfg), "--fix")

    after = netcfg.read_bytes()
    wide = encoding.removesuffix("-sig")
    assert_only_changed(before, after, ">10.3.0.00/24<".encode(wide), ">10.3.0.0/24<".encode(wide))
    assert after.startswith(bom or codecs.BOM_UTF8)
    assert (74, "MIG304") not in codes(capsys, netcfg)


def test_comments_attribute_order_and_quotes_are_kept(repo: Path, capsys):
    netcfg = repo / NETCFG
    text = netcfg.read_text(encoding="utf-8").replace(
        "<AddressPrefix>10.3.0.00/24</AddressPrefix>",
        "<!-- the <reporting> subnet --><AddressPrefix\n   >  10.3.0.00/24 </AddressPrefix><!-- kept -->",
    )
    text = text.replace('name="Reporting"', "name='Reporting' b=\"2\" a='1'")
    netcfg.write_text(text, encoding="utf-8")
    before = netcfg.read_bytes()
    run(capsys, str(netcfg), "--fix")
    assert_only_changed(before, netcfg.read_bytes(), b"  10.3.0.00/24 <", b"  10.3.0.0/24 <")


def test_a_bginfo_1_reference_is_set_to_its_json_version(repo: Path, capsys):
    sql01 = repo / SQL01
    before = sql01.read_bytes()
    assert (84, "MIG204") in codes(capsys, sql01)
    # Unsafe: BGInfo 2.* reports through the VM agent, which BGInfo 1.* did not need.
    run(capsys, str(sql01), "--fix")
    assert sql01.read_bytes() == before
    run(capsys, str(sql01), "--fix", "--unsafe-fixes", "--select", "MIG204")
    assert_only_changed(before, sql01.read_bytes(), b"<Version>1.*</Version>", b"<Version>2.*</Version>")
    assert (84, "MIG204") not in codes(capsys, sql01)


def test_xml_extensions_without_a_json_version_get_no_fix(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    vm = tmp_path / "dev03.xml"
    vm.write_text(
        "<PersistentVM>\n  <RoleName>dev03</RoleName>\n  <ResourceExtensionReferences>\n"
        "    <ResourceExtensionReference>\n"
        "      <Publisher>Microsoft.VisualStudio.WindowsAzure.RemoteDebug</Publisher>\n"
        "      <Name>RemoteDebugVS2017</Name>\n      <Version>1.*</Version>\n"
        "    </ResourceExtensionReference>\n  </ResourceExtensionReferences>\n</PersistentVM>\n"
    )
    code, out, err = run(capsys, "dev03.xml", "--diff", "--unsafe-fixes")
    assert (code, out) == (0, "")
    assert "Would fix 0 findings in 0 files." in err


def test_an_octal_looking_prefix_is_an_unsafe_fix(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    netcfg = tmp_path / "NetworkConfig.netcfg"
    netcfg.write_text((EXAMPLES / NETCFG).read_text().replace("10.3.0.00/24", "10.3.010.0/24"))
    code, out, err = run(capsys, "NetworkConfig.netcfg", "--diff")
    assert (code, out) == (0, "")
    assert "(1 more with --unsafe-fixes)" in err
    code, out, _ = run(capsys, "NetworkConfig.netcfg", "--diff", "--unsafe-fixes")
    assert code == 1
    assert "+            <AddressPrefix>10.3.10.0/24</AddressPrefix>\n" in out


# --- unsafe fixes -------------------------------------------------------------------------------------


def test_unsafe_fixes_need_their_option(repo: Path, capsys):
    jump, sql01 = repo / JUMP, repo / SQL01
    before = jump.read_bytes()
    run(capsys, str(jump), "--fix")
    assert jump.read_bytes() == before  # endpoint ACL and boot diagnostics: both unsafe

    run(capsys, str(jump), str(sql01), "--fix", "--unsafe-fixes")

    after = jump.read_text()
    assert "<EndpointAcl>" not in after and "<BootDiagnosticsEnabled>false<" in after
    found = codes(capsys, jump)
    assert not {"MIG201", "MIG205"} & {code for _, code in found}
    # The ACL is removed with its lines: the element before it is followed by the one after it.
    assert (
        "<EnableDirectServerReturn>false</EnableDirectServerReturn>\n                </InputEndpoint>"
        in after
    )
    assert "EndpointAccessControlList" not in sql01.read_text()


def test_keeping_one_subnet_removes_the_others_from_subnet_names(repo: Path, capsys):
    sql02 = repo / "vms" / "sql-tier" / "contoso-sql02.xml"
    before = sql02.read_bytes()
    run(capsys, str(sql02), "--select", "MIG202", "--fix")
    assert sql02.read_bytes() == before  # unsafe: the VM leaves a subnet
    run(capsys, str(sql02), "--select", "MIG202", "--fix", "--unsafe-fixes")
    assert_only_changed(
        before,
        sql02.read_bytes(),
        b"<string>BackEnd</string>\n        <string>Data</string>\n",
        b"<string>BackEnd</string>\n",
    )
    assert "MIG202" not in {code for _, code in codes(capsys, sql02)}


def test_a_secondary_interface_in_another_subnet_gets_no_fix(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    vm = tmp_path / "fw01.xml"
    vm.write_text(
        "<PersistentVM><RoleName>fw01</RoleName><ConfigurationSets><ConfigurationSet>"
        "<ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
        "<SubnetNames><string>FrontEnd</string></SubnetNames><NetworkInterfaces><AssignNetworkInterface>"
        "<Name>nic-back</Name><IPConfigurations><AssignIPConfiguration><SubnetName>BackEnd</SubnetName>"
        "</AssignIPConfiguration></IPConfigurations></AssignNetworkInterface></NetworkInterfaces>"
        "</ConfigurationSet></ConfigurationSets></PersistentVM>\n"
    )
    assert [code for _, code in codes(capsys, vm)] == ["MIG202"]
    assert run(capsys, str(vm), "--diff", "--unsafe-fixes")[:2] == (0, "")


def test_role_acls_in_a_service_configuration_get_no_fix(repo: Path, capsys):
    cscfg = repo / "webshop" / "ServiceConfiguration.Cloud.cscfg"
    code, out, _ = run(capsys, str(repo / "webshop"), "--diff", "--unsafe-fixes")
    assert (code, out) == (0, "")
    before = cscfg.read_bytes()
    run(capsys, str(repo / "webshop"), "--fix", "--unsafe-fixes")
    assert cscfg.read_bytes() == before


# --- what is never fixed ------------------------------------------------------------------------------


def test_suppressed_and_baselined_findings_are_not_fixed(repo: Path, capsys):
    netcfg, sql01 = repo / NETCFG, repo / SQL01
    netcfg.write_text(
        netcfg.read_text().replace(
            "<AddressPrefix>10.3.0.00/24",
            "<!-- migcheck: ignore[MIG304] kept for the audit -->\n<AddressPrefix>10.3.0.00/24",
        )
    )
    assert main(["check", str(sql01), "--write-baseline", "baseline.json"]) == 0
    before = {p: p.read_bytes() for p in (netcfg, sql01)}
    run(capsys, str(netcfg), str(sql01), "--fix", "--baseline", "baseline.json")
    assert {p: p.read_bytes() for p in (netcfg, sql01)} == before


def test_a_linked_file_is_refused(repo: Path, capsys):
    target = repo / NETCFG
    link = repo / "network" / "Linked.netcfg"
    link.symlink_to(target.name)
    before = target.read_bytes()
    code, _, err = run(capsys, str(link), "--fix")
    assert code == 2
    assert "Linked.netcfg: it is a symbolic link, and migcheck does not write through links" in err
    assert target.read_bytes() == before and link.is_symlink()


def test_a_read_only_file_is_an_error_and_the_others_are_fixed(repo: Path, capsys):
    netcfg, sql01 = repo / NETCFG, repo / SQL01
    before = netcfg.read_bytes()
    netcfg.chmod(0o444)
    try:
        code, _, err = run(capsys, str(netcfg), str(sql01), "--fix", "--unsafe-fixes")
    finally:
        netcfg.chmod(0o644)
    assert code == 2
    assert (
        f"migcheck: error: cannot fix {netcfg.relative_to(repo.parent).as_posix()}: the file is read-only"
        in err
    )
    assert "Traceback" not in err
    assert netcfg.read_bytes() == before
    assert b"<Version>2.*</Version>" in sql01.read_bytes()


def test_the_file_keeps_its_permissions(repo: Path, capsys):
    netcfg = repo / NETCFG
    netcfg.chmod(0o640)
    run(capsys, str(netcfg), "--fix")
    assert (netcfg.stat().st_mode & 0o777) == 0o640


def test_fix_refuses_standard_input(repo: Path, capsys, monkeypatch):
    code, _, err = run(capsys, "-", "--fix")
    assert code == 2
    assert "--fix cannot write standard input; use --diff" in err


def test_diff_works_on_standard_input(repo: Path, capsys, monkeypatch):
    data = (repo / NETCFG).read_bytes()
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    code, out, _ = run(capsys, "-", "--diff")
    assert code == 1
    assert out.startswith("--- a/<stdin>\n+++ b/<stdin>\n")
    assert "-            <AddressPrefix>10.3.0.00/24</AddressPrefix>\n" in out


class _Stdin:
    def __init__(self, data: bytes) -> None:
        import io

        self.buffer = io.BytesIO(data)


# --- --diff -------------------------------------------------------------------------------------------


def test_diff_prints_the_fixes_and_writes_nothing(repo: Path, capsys):
    netcfg = repo / NETCFG
    before = netcfg.read_bytes()
    code, out, err = run(capsys, str(netcfg), "--diff")
    assert code == 1
    assert out == (
        "--- a/contoso/network/NetworkConfig.netcfg\n"
        "+++ b/contoso/network/NetworkConfig.netcfg\n"
        "@@ -71,7 +71,7 @@\n"
        "         </AddressSpace>\n"
        "         <Subnets>\n"
        '           <Subnet name="Reporting">\n'
        "-            <AddressPrefix>10.3.0.00/24</AddressPrefix>\n"
        "+            <AddressPrefix>10.3.0.0/24</AddressPrefix>\n"
        "           </Subnet>\n"
        "         </Subnets>\n"
        "         <DnsServersRef>\n"
    )
    assert "Would fix 1 finding in 1 file." in err
    assert netcfg.read_bytes() == before
    assert run(capsys, str(netcfg), "--diff", "--exit-zero")[:2] == (0, out)
    run(capsys, str(netcfg), "--fix")
    assert run(capsys, str(netcfg), "--diff")[:2] == (0, "")


def test_diff_escapes_control_characters_and_keeps_line_endings(repo: Path, capsys):
    """A diff goes to a terminal or a CI log: what the file holds must not drive it (an escape sequence,
    a carriage return hiding the line), yet a CRLF file's diff still applies as a patch."""
    netcfg = repo / NETCFG
    # XML allows C1 controls (U+009B starts a terminal sequence), bidi overrides and a bare CR in a comment.
    hostile = "<!-- \u009b2J\u202eoops\rhidden -->"
    text = netcfg.read_text().replace("<AddressPrefix>10.3", hostile + "<AddressPrefix>10.3")
    netcfg.write_bytes(text.replace("\n", "\r\n").encode())
    code, out, _ = run(capsys, str(netcfg), "--diff")
    assert code == 1
    assert not set(out) & {"\u009b", "\u202e"} and visible(hostile) in out
    changed = [line for line in out.splitlines(keepends=True) if line.startswith(("-  ", "+  "))]
    assert len(changed) == 2 and all(line.endswith("\r\n") and "\r" not in line[:-2] for line in changed)


def test_text_output_marks_what_fix_fixes(repo: Path, capsys):
    _, out, _ = run(capsys, str(repo), "--format", "concise")
    assert "NetworkConfig.netcfg:74:13: MIG304 [error] [*] '10.3.0.00/24'" in out
    # Only --unsafe-fixes fixes it: marked apart, so that the 8 the summary counts can be found.
    assert "contoso-jump.hostedservice.xml:90:19: MIG201 [error] [*?] endpoint" in out
    assert out.count(" [*?] ") == 8
    assert "[*] 1 fixable with --fix (8 more, marked [*?], with --unsafe-fixes).\nFound 30 findings" in out


def test_json_reports_end_positions_and_the_fix(repo: Path, capsys):
    main(["check", str(repo / NETCFG), str(repo / JUMP), "--format", "json"])
    findings = {f["code"]: f for f in json.loads(capsys.readouterr().out)}
    prefix = findings["MIG304"]
    # `<AddressPrefix>` at 74:13 ends just past its `>`.
    assert (prefix["line"], prefix["column"], prefix["end_line"], prefix["end_column"]) == (74, 13, 74, 28)
    assert prefix["autofix"] == {"description": "Replace '10.3.0.00/24' with '10.3.0.0/24'", "safe": True}
    assert findings["MIG201"]["autofix"]["safe"] is False
    assert findings["MIG206"]["autofix"] is None


def test_sarif_regions_have_their_end(repo: Path, capsys):
    main(["check", str(repo / NETCFG), "--format", "sarif"])
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    region = next(r for r in results if r["ruleId"] == "MIG304")["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 74, "startColumn": 13, "endLine": 74, "endColumn": 28}


# --- the applier --------------------------------------------------------------------------------------


def _finding(start: int, end: int, replacement: str, line: int = 1) -> Finding:
    mark = Mark("a.xml", line, "X")
    edit = Edit(mark, Part.TEXT, replacement, start=start, end=end)
    return Finding("MIG304", "n", Severity.ERROR, "m", "", mark, "T", "r", autofix=Fix("d", (edit,)))


def test_edits_are_applied_from_the_end_and_keep_the_text_between():
    text = "0123456789"
    edits = [_finding(1, 3, "ab"), _finding(5, 5, "+"), _finding(8, 10, "")]
    assert apply_edits(text, [f.autofix.edits[0] for f in edits]) == "0ab34+567"


def test_overlapping_edits_wait_for_the_next_round():
    from migcheck.engine import LintResult
    from migcheck.rule import RuleSet
    from migcheck.source import SourceText

    first, overlapping, apart = _finding(2, 6, "x"), _finding(4, 8, "y", 2), _finding(8, 9, "z", 3)
    result = LintResult(
        [first, overlapping, apart],
        [],
        (),
        RuleSet(),
        frozenset(),
        {"a.xml": SourceText("0123456789")},
    )
    (fixed,) = plan(result)
    assert fixed.after == "01x67z9"
    assert fixed.fixed == (first, apart)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_file_in_a_read_only_folder_is_an_error(repo: Path, capsys):
    folder = repo / "network"
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running with privileges that ignore folder permissions")
        code, _, err = run(capsys, str(folder / "NetworkConfig.netcfg"), "--fix")
    finally:
        folder.chmod(0o755)
    assert code == 2 and "cannot fix" in err and "Traceback" not in err


def test_a_file_that_cannot_be_written_is_named_once_with_why(repo: Path, capsys, monkeypatch):
    from migcheck import output
    from migcheck.output import OutputError

    def refuse(path: str, data: bytes, *, mode: int | None = None) -> None:  # CI runs as root
        raise OutputError(f"cannot write {path}: Permission denied")

    monkeypatch.setattr(output, "write_bytes", refuse)
    code, _, err = run(capsys, "contoso/network/NetworkConfig.netcfg", "--fix")
    assert code == 2
    assert "error: cannot fix contoso/network/NetworkConfig.netcfg: Permission denied" in err, err


NETCFG_NS = "http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration"


def _applied(before: str, diff: str) -> str:
    """`diff` (one file's, as `unified_diff` writes it) applied to `before`, checking every context and
    removed line against it, as `patch` does."""
    import re

    parts = before.split("\n")
    old = [line + "\n" for line in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    out: list[str] = []
    at, previous = 0, ""
    for row in diff.splitlines(keepends=True)[2:]:  # after the --- and +++ lines
        head = re.match(r"@@ -(\d+)(?:,(\d+))? ", row)
        if head:
            start = int(head.group(1)) - (head.group(2) != "0")
            out += old[at:start]
            at = start
        elif row.startswith("\\ No newline"):
            if previous == "+":
                out[-1] = out[-1].removesuffix("\n")
        elif row[0] in " -":
            assert old[at].removesuffix("\n") == row[1:].removesuffix("\n"), (at, row)
            out += [old[at]] if row[0] == " " else []
            at += 1
        else:
            out.append(row[1:])
        previous = row[0]
    return "".join(out + old[at:])


def test_a_diff_applies_to_the_file_as_checked_and_gives_the_fixed_text(tmp_path, monkeypatch):
    """Fixed and unfixed lines in every arrangement (next to each other, a few lines apart, at the start
    and the end of the file, with and without a last line ending)."""
    import random

    from migcheck.config import Config
    from migcheck.engine import lint
    from migcheck.fixes import plan, unified_diff
    from migcheck.plugins import load_rules

    rules = load_rules(entry_points=False)
    monkeypatch.chdir(tmp_path)
    rng = random.Random(7)
    for _ in range(40):
        subnets = "".join(
            f'<Subnet name="s{i}"><AddressPrefix>10.{i}.0.{rng.choice(["0", "00"])}/24</AddressPrefix></Subnet>\n'
            + "\n" * rng.randint(0, 8)
            for i in range(rng.randint(1, 40))
        )
        (tmp_path / "NetworkConfig.netcfg").write_text(
            f'<NetworkConfiguration xmlns="{NETCFG_NS}"><VirtualNetworkConfiguration><VirtualNetworkSites>\n'
            '<VirtualNetworkSite name="v" Location="x"><AddressSpace><AddressPrefix>10.0.0.0/8</AddressPrefix>'
            f"</AddressSpace><Subnets>\n{subnets}</Subnets></VirtualNetworkSite></VirtualNetworkSites>"
            "</VirtualNetworkConfiguration></NetworkConfiguration>" + rng.choice(["", "\n"])
        )
        for file in plan(lint(["."], Config(), rules, jobs=1)):
            assert _applied(file.before, unified_diff([file])) == file.after


def test_diff_costs_time_linear_in_the_file_whose_fixed_and_unfixed_lines_alternate(tmp_path, monkeypatch):
    """difflib, which had to find the changed lines again, was quadratic here (2,000 -> 4,000: 3.2x)."""
    from growth import assert_linear

    from migcheck.config import Config
    from migcheck.engine import lint
    from migcheck.fixes import plan, unified_diff
    from migcheck.plugins import load_rules

    rules = load_rules(entry_points=False)

    def make(n: int):
        subnets = "".join(
            f'<Subnet name="s{i}"><AddressPrefix>10.{i % 250}.{i // 250}.{"00" if i % 2 else "0"}/24'
            "</AddressPrefix></Subnet>\n"
            for i in range(n)
        )
        folder = tmp_path / f"n{n}"
        folder.mkdir()
        (folder / "NetworkConfig.netcfg").write_text(
            f'<NetworkConfiguration xmlns="{NETCFG_NS}"><VirtualNetworkConfiguration><VirtualNetworkSites>\n'
            '<VirtualNetworkSite name="v" Location="x"><AddressSpace><AddressPrefix>10.0.0.0/8</AddressPrefix>'
            f"</AddressSpace><Subnets>\n{subnets}</Subnets></VirtualNetworkSite></VirtualNetworkSites>"
            "</VirtualNetworkConfiguration></NetworkConfiguration>\n"
        )
        monkeypatch.chdir(folder)
        files = plan(lint(["."], Config(), rules, jobs=1))
        return lambda: unified_diff(files)

    assert_linear(make, 2000)
