"""Amplification: what migcheck writes, and the memory it takes to write it, stay proportional to what it
reads. A dense file (one bad prefix every 75 bytes) once made 170 times its size in SARIF and held all of
it in memory; now a file reports at most `MAX_FINDINGS_PER_FILE` findings of one rule and one finding for
the rest, and every format is written one finding at a time."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from hostile_support import HANG_SECONDS, check_json

import migcheck.rule
from migcheck.cli import main
from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.model import Finding, Mark, Severity
from migcheck.plugins import load_rules
from migcheck.report import FORMATS, write
from migcheck.rule import capped

NETCFG = "http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration"


def _netcfg(prefixes: int, network: str = "v") -> str:
    """A network configuration with `prefixes` subnets whose prefixes have host bits set: one MIG304 each."""
    subnets = "".join(
        f'<Subnet name="s{i}"><AddressPrefix>10.{i % 250}.{i // 250 % 250}.1/16</AddressPrefix></Subnet>\n'
        for i in range(prefixes)
    )
    return (
        f'<NetworkConfiguration xmlns="{NETCFG}"><VirtualNetworkConfiguration><VirtualNetworkSites>'
        f'<VirtualNetworkSite name="{network}" Location="West Europe"><AddressSpace>'
        f"<AddressPrefix>10.0.0.0/8</AddressPrefix></AddressSpace><Subnets>\n{subnets}</Subnets>"
        "</VirtualNetworkSite></VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>\n"
    )


def _estate(folder: Path, files: int, prefixes: int) -> int:
    """`files` network configurations of `prefixes` bad prefixes each; the bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for k in range(files):
        text = _netcfg(prefixes, f"v{k}")
        (folder / f"n{k:04}.netcfg").write_text(text)
        size += len(text)
    return size


# --- the cap on findings of one rule per file ------------------------------------------------------------


def test_a_file_reports_at_most_the_cap_of_one_rule_and_says_how_many_more(tmp_path, monkeypatch, capsys):
    (tmp_path / "n.netcfg").write_text(_netcfg(250))
    monkeypatch.chdir(tmp_path)
    code, findings = check_json(capsys, "n.netcfg")
    assert code == 1
    assert len(findings) == 101 and {f["code"] for f in findings} == {"MIG304"}
    assert [f["message"] for f in findings[:100]] == [
        f"'10.{i}.0.1/16', the prefix of subnet 's{i}' in virtual network 'v', is not a strict CIDR range: "
        f"host bits are set: the network of 10.{i}.0.1/16 is 10.{i}.0.0/16"
        for i in range(100)
    ]
    more = findings[100]
    assert more["message"] == (
        "150 more MIG304 findings in this file are not shown: migcheck reports at most 100 findings of one "
        "rule per file"
    )
    assert more["line"] == 102 and more["severity"] == "error"
    assert more["resource"] == {"type": "Findings", "name": "MIG304"}
    assert main(["check", "--statistics", "n.netcfg"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("250  MIG304  invalid-address-prefix [error]\n")
    assert out.endswith(
        "Found 250 findings in 1 file: 250 errors (150 of them not shown: migcheck reports at most 100 "
        "findings of one rule per file).\n"
    )


def test_the_finding_for_the_rest_is_as_severe_as_the_worst_of_them():
    """The exit code follows the findings held back: one error among them fails the run."""

    def finding(line: int, severity: Severity) -> Finding:
        return Finding("X001", "x", severity, "m", "", Mark("f", line), "T", f"r{line}")

    findings = [finding(n, Severity.INFO) for n in range(1, 5)] + [finding(9, Severity.ERROR)]
    reported, held = capped(reversed(findings), limit=3)
    assert [f.mark.line for f in reported] == [1, 2, 3, 4]
    assert [f.severity for f in reported] == [Severity.INFO] * 3 + [Severity.ERROR]
    assert reported[-1].message.startswith("2 more X001 findings") and held == findings[3:]
    assert capped(findings, limit=5) == (findings, [])


def test_the_exit_code_follows_findings_past_the_cap(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(migcheck.rule, "MAX_FINDINGS_PER_FILE", 2)
    (tmp_path / "n.netcfg").write_text(_netcfg(5))
    (tmp_path / "pyproject.toml").write_text('[tool.migcheck]\nfail-on = "error"\n')
    monkeypatch.chdir(tmp_path)
    code, findings = check_json(capsys, "n.netcfg")
    assert code == 1 and len(findings) == 3
    assert findings[2]["message"].startswith("3 more MIG304 findings")


def test_a_baseline_records_the_findings_past_the_cap(tmp_path, monkeypatch, capsys):
    """The cap shortens reports; a baseline written from a capped run still knows every finding, so the
    next run is clean, and one new finding past the cap is new."""
    (tmp_path / "n.netcfg").write_text(_netcfg(250))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--write-baseline", "baseline.json", "n.netcfg"]) == 0
    assert "Wrote 250 findings" in capsys.readouterr().out
    assert len(json.loads((tmp_path / "baseline.json").read_text())["findings"]) == 250
    assert check_json(capsys, "--baseline", "baseline.json", "n.netcfg") == (0, [])
    (tmp_path / "n.netcfg").write_text(_netcfg(251))
    code, findings = check_json(capsys, "--baseline", "baseline.json", "n.netcfg")
    assert code == 1 and [f["line"] for f in findings] == [252]


def test_sarif_caps_suppressed_findings_too(tmp_path, monkeypatch, capsys):
    text = _netcfg(250).replace("<Subnets>", "<!-- migcheck: ignore-file[MIG304] rebuilt -->\n<Subnets>", 1)
    (tmp_path / "n.netcfg").write_text(text)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "sarif", "n.netcfg"]) == 0
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert len(results) == 101
    assert all(r["suppressions"][0]["kind"] == "inSource" for r in results)
    assert results[-1]["message"]["text"].startswith("150 more MIG304 findings")


# --- messages ----------------------------------------------------------------------------------------------


def test_a_listed_name_is_cut(tmp_path, monkeypatch, capsys):
    """A member named in a message is cut to 100 characters: a name can be megabytes long."""
    long_set = "s" * 5000
    vms = "".join(
        f"<Role><RoleName>vm{i}</RoleName><RoleType>PersistentVMRole</RoleType>{s}</Role>"
        for i, s in enumerate(["", f"<AvailabilitySetName>{long_set}</AvailabilitySetName>"] * 50)
    )
    (tmp_path / "d.xml").write_text(
        '<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>d</Name>'
        f"<RoleList>{vms}</RoleList></Deployment>"
    )
    monkeypatch.chdir(tmp_path)
    code, findings = check_json(capsys, "--select", "MIG103", "d.xml")
    assert code == 1 and len(findings) == 50
    assert all(len(str(f["message"])) < 300 for f in findings)
    assert f"'{'s' * 99}…'" in str(findings[0]["message"])


def test_conflicting_descriptions_name_a_handful_of_subnets(tmp_path, monkeypatch, capsys):
    """MIG004 named every subnet of both descriptions, in each of its findings; and every file that
    disagrees with the one checked, in the one finding they make."""
    for n in range(3):
        (tmp_path / f"n{n}.netcfg").write_text(_netcfg(300 + n).replace("/16<", "/16 <"))
    monkeypatch.chdir(tmp_path)
    code, findings = check_json(capsys, "--select", "MIG004", ".")
    assert code == 0 and len(findings) == 1  # a warning, naming n1 and n2
    assert len(str(findings[0]["message"])) < 1000
    assert str(findings[0]["message"]).count("and 295 more") == 2


def test_conflicting_descriptions_in_many_files_name_a_handful_of_files(tmp_path, monkeypatch, capsys):
    for n in range(40):
        (tmp_path / f"n{n:02}.netcfg").write_text(_netcfg(3 + n % 2))
    monkeypatch.chdir(tmp_path)
    code, findings = check_json(capsys, "--select", "MIG004", ".")
    assert code == 0 and len(findings) == 1
    assert len(str(findings[0]["message"])) < 1000
    assert "and 16 more than at n00.netcfg" in str(findings[0]["message"])  # 20 disagree: here, 3, 16


# --- output and memory grow with the input, by a constant factor -----------------------------------------


def _lint(folder: Path) -> LintResult:
    return lint([str(folder)], Config(), load_rules())


@pytest.mark.parametrize("name", list(FORMATS))
def test_a_dense_file_adds_less_output_than_input(tmp_path, name):
    """Each bad prefix was a finding in every format (5 to 14 bytes of output per byte of input); past
    the cap, more of them add less output than input (report-json lists the subnets that migrate)."""
    inputs, sizes = [], []
    for prefixes in (1_000, 2_000):
        (tmp_path / f"{prefixes}").mkdir()
        inputs.append(len(_netcfg(prefixes)))
        (tmp_path / f"{prefixes}" / "n.netcfg").write_text(_netcfg(prefixes))
        stream = io.StringIO()
        write(_lint(tmp_path / f"{prefixes}"), name, stream)
        sizes.append(len(stream.getvalue()))
    assert sizes[1] - sizes[0] < inputs[1] - inputs[0]


@pytest.mark.parametrize("name", list(FORMATS))
def test_the_output_grows_linearly_with_the_files(tmp_path, name):
    """Each file adds the same to the report, however many come before it."""
    sizes = []
    for files in (5, 10, 15):
        _estate(tmp_path / f"{files}", files, 50)
        stream = io.StringIO()
        write(_lint(tmp_path / f"{files}"), name, stream)
        sizes.append(len(stream.getvalue()))
    first, second = sizes[1] - sizes[0], sizes[2] - sizes[1]
    assert 0.95 * first <= second <= 1.05 * first


@pytest.fixture(scope="module")
def many_findings(tmp_path_factory: pytest.TempPathFactory) -> tuple[LintResult, int]:
    """30 files of 90 findings each, all under the cap: 2,700 findings to write."""
    folder = tmp_path_factory.mktemp("dense")
    size = _estate(folder, 30, 90)
    return _lint(folder), size


class _Counting:
    """A stream that keeps nothing: what `write` holds is all that is measured."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, text: str, /) -> int:
        self.size += len(text)
        return len(text)


@pytest.mark.parametrize("name", list(FORMATS))
def test_writing_a_report_holds_one_finding_at_a_time(many_findings, name):
    """What each writer allocates while writing is at most 10x the input (plus what the first call
    imports), and less than the report: it is never held whole."""
    result, size = many_findings
    write(result, name, _Counting())  # imports and caches out of the way
    tracemalloc.start()
    try:
        out = _Counting()
        write(result, name, out)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak <= 10 * size + 1_000_000, f"{peak:,} bytes held to write {out.size:,} from {size:,}"
    assert peak < out.size


IMPORTS = 8 * 2**20  # the report modules and what they import, which `--statistics` does not need

_CHILD = """
import resource, sys
from migcheck.cli import main
code = main(sys.argv[1:])
sys.stdout.flush()
print(code, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, file=sys.stderr)
"""


def _peak(folder: Path, *argv: str) -> int:
    """The peak resident memory of `migcheck check ARGV` in a process of its own, in bytes."""
    run = subprocess.run(
        [sys.executable, "-c", _CHILD, "check", *argv, "--output-file", "out", "estate"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
        check=False,
    )
    code, peak = run.stderr.split()[-2:]
    assert code == "1", run.stderr
    return int(peak)


def test_a_report_costs_no_more_memory_than_10x_the_input_beyond_the_check(tmp_path):
    """100 files of 90 bad prefixes (0.7 MB, 9,000 findings): SARIF built whole took 100 MB more than
    the check itself, the text report 20 MB. Each format now takes at most 10x the input beyond what
    reading and checking the files take (`--statistics` writes no report), plus the code it imports."""
    size = _estate(tmp_path / "estate", 100, 90)
    checked = _peak(tmp_path, "--statistics")
    for name in ("sarif", "text"):
        assert _peak(tmp_path, "--format", name) <= checked + 10 * size + IMPORTS, name
