"""Baselines and `--no-inline-suppressions`: report only what is new, count what is known."""

from __future__ import annotations

import json

import pytest
from report_support import CSCFG, edit, findings

from migcheck.baseline import Baseline, dumps, key
from migcheck.model import Finding, Mark, Severity

NEW_ACL = '      <EndpointAcl role="OrderProcessor" endPoint="Internal" accessControl="office-only" />\n'
CSDEF = "examples/contoso/webshop/ServiceDefinition.csdef"
HEALTH = '      <InternalEndpoint name="Health" protocol="http" port="8080" />\n'

# Known findings block the migration all the same: the closing line says how many of contoso's 30 do.
KNOWN = "known from baseline, 20 of them still block the migration"


def add_acl() -> None:
    """One more endpoint ACL, on an input endpoint the role defines: one new finding and nothing else."""
    edit(CSDEF, HEALTH, HEALTH + '      <InputEndpoint name="Internal" protocol="tcp" port="8081" />\n')
    edit(CSCFG, "    </EndpointAcls>", NEW_ACL + "    </EndpointAcls>")


@pytest.fixture
def baselined(contoso, run):
    """examples/contoso with a baseline of everything it reports today."""
    code, out, _ = run("check", "examples/contoso", "--write-baseline", "migcheck-baseline.json")
    assert code == 0
    assert out.startswith("Wrote ") and "migcheck-baseline.json" in out
    return len(findings(run, "examples/contoso"))


def test_baseline_file_is_versioned_sorted_and_line_free(baselined, contoso):
    data = json.loads((contoso / "migcheck-baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    entries = data["findings"]
    assert len(entries) == baselined
    assert entries == sorted(
        entries,
        key=lambda e: (e["path"], e["code"], e["resource"]["type"], e["resource"]["name"], e["message"]),
    )
    assert not any("line" in e or "column" in e for e in entries)
    assert {"path", "code", "name", "resource", "message"} == set(entries[0])


def test_a_baselined_estate_passes_and_counts_what_is_known(baselined, run):
    code, out, _ = run("check", "examples/contoso", "--baseline", "migcheck-baseline.json")
    assert code == 0
    assert out.endswith(f"No new findings in 15 files ({baselined} {KNOWN}).\n")
    # The readiness summary still tells the truth: known blockers block.
    assert "Validation failed" in out


def test_an_unrelated_edit_keeps_the_baseline_valid(baselined, run):
    lines_before = [f["line"] for f in findings(run, "examples/contoso") if f["path"] == CSCFG]
    # Lines and elements added above every finding in the file.
    edit(
        CSCFG,
        '  <Role name="Storefront">\n',
        '  <!-- blue/green\n       switch -->\n  <Role name="Storefront">\n'
        '    <Setting name="unrelated" value="1" />\n',
    )
    lines_after = [f["line"] for f in findings(run, "examples/contoso") if f["path"] == CSCFG]
    assert lines_after == [line + 3 for line in lines_before]
    code, out, _ = run("check", "examples/contoso", "--baseline", "migcheck-baseline.json")
    assert code == 0
    assert f"({baselined} {KNOWN})" in out


def test_a_new_finding_of_the_same_rule_is_reported(baselined, run):
    add_acl()
    code, out, _ = run(
        "check", "examples/contoso", "--baseline", "migcheck-baseline.json", "--format", "concise"
    )
    assert code == 1
    (reported,) = out.splitlines()[:-1]
    assert reported.startswith(f"{CSCFG}:56:7: MIG201 [error] endpoint 'Internal' of ")
    assert "'OrderProcessor'" in reported
    assert out.splitlines()[-1] == f"Found 1 finding in 15 files: 1 error ({baselined} more {KNOWN})."


def test_known_findings_are_skipped_cases_in_junit(baselined, run):
    out = run("check", "examples/contoso", "--baseline", "migcheck-baseline.json", "--format", "junit")[1]
    assert 'failures="0"' in out
    assert 'known from baseline" />' in out


def test_writing_the_same_findings_twice_gives_the_same_file(baselined, contoso, run):
    first = (contoso / "migcheck-baseline.json").read_bytes()
    run("check", "examples/contoso", "--write-baseline", "again.json")
    assert (contoso / "again.json").read_bytes() == first


def test_identical_keys_are_counted():
    def acl(line: int) -> Finding:
        mark = Mark("net.netcfg", line, "AddressPrefix")
        return Finding(
            "MIG304",
            "invalid-address-prefix",
            Severity.ERROR,
            "bad",
            "",
            mark,
            "AddressPrefix",
            "10.0.0.00/24",
        )

    baseline = Baseline({key(acl(3)): 2})
    new, known = baseline.split([acl(3), acl(9), acl(12)])
    assert (known, new) == ([acl(3), acl(9)], [acl(12)])
    assert json.loads(dumps([acl(3), acl(9)]))["findings"][0]["resource"] == {
        "type": "AddressPrefix",
        "name": "10.0.0.00/24",
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read baseline bad.json"),
        ("{not json", "baseline bad.json is not valid JSON"),
        ('{"version": 7, "findings": []}', "has version 7; this migcheck reads version 1"),
        ("[]", "baseline bad.json is not a baseline: it holds an array, not an object with `version`"),
        ('"findings"', "baseline bad.json is not a baseline: it holds a single value, not an object"),
        ('{"findings": []}', "baseline bad.json has no `version`; this migcheck reads version 1"),
        ('{"version": 1}', "has no `findings` list"),
        ('{"version": 1, "findings": [{"path": "a.xml", "code": "MIG201"}]}', "finding #1 needs string"),
    ],
)
def test_a_bad_baseline_is_exit_2(contoso, run, content, message):
    if content is not None:
        (contoso / "bad.json").write_text(content)
    code, out, err = run("check", "examples/contoso", "--baseline", "bad.json")
    assert code == 2
    assert out == ""
    assert message in err


def test_no_inline_suppressions_reports_what_comments_silence(contoso, run):
    edit(
        CSCFG,
        '      <EndpointAcl role="Storefront" endpoint="HttpIn"',
        "      <!-- migcheck: ignore[MIG201] removed by the cut-over runbook -->\n"
        '      <EndpointAcl role="Storefront" endpoint="HttpIn"',
    )
    honoured = findings(run, "examples/contoso")
    ignored = findings(run, "examples/contoso", "--no-inline-suppressions")
    (extra,) = [f for f in ignored if f not in honoured]
    assert (extra["path"], extra["line"], extra["code"]) == (CSCFG, 56, "MIG201")
    assert "(1 more suppressed)" in run("check", "examples/contoso")[1]  # beside the counts shown
    assert "suppressed" not in run("check", "examples/contoso", "--no-inline-suppressions")[1]


# --- `baseline` in the config --------------------------------------------------------------------------


def test_the_config_names_the_baseline(baselined, contoso, run):
    (contoso / "pyproject.toml").write_text('[tool.migcheck]\nbaseline = "migcheck-baseline.json"\n')
    code, out, _ = run("check", "examples/contoso")
    assert code == 0
    assert out.endswith(f"No new findings in 15 files ({baselined} {KNOWN}).\n")


def test_a_relative_baseline_is_relative_to_the_config_file(contoso, run, monkeypatch):
    # Run from a subfolder: the config above it names ci/baseline.json, beside itself, not below the cwd.
    (contoso / "pyproject.toml").write_text('[tool.migcheck]\nbaseline = "ci/baseline.json"\n')
    monkeypatch.chdir(contoso / "examples")
    # Writing the first baseline needs no baseline to exist yet.
    code, out, _ = run("check", "contoso", "--write-baseline", "../ci/baseline.json")
    assert (code, out.startswith("Wrote ")) == (0, True)
    assert (contoso / "ci" / "baseline.json").is_file()
    assert not (contoso / "examples" / "ci").exists()
    code, out, _ = run("check", "contoso", "--format", "concise")
    assert code == 0
    assert out.startswith("No new findings in 15 files (") and f"{KNOWN})" in out


def test_without_a_config_a_baseline_is_relative_to_its_own_folder(baselined, contoso, run, monkeypatch):
    # Recorded from the project's root, used from a subfolder (and from outside the project): the same
    # findings are known, where paths relative to the working directory would have matched none.
    monkeypatch.chdir(contoso / "examples")
    code, out, _ = run("check", "contoso", "--baseline", "../migcheck-baseline.json")
    assert code == 0
    assert out.endswith(f"No new findings in 15 files ({baselined} {KNOWN}).\n")
    monkeypatch.chdir(contoso.parent)
    code, out, _ = run(
        "check", f"{contoso.name}/examples/contoso", "--baseline", f"{contoso.name}/migcheck-baseline.json"
    )
    assert (code, out.endswith(f"({baselined} {KNOWN}).\n")) == (0, True)


def test_the_command_line_baseline_wins_over_the_config(baselined, contoso, run):
    (contoso / "pyproject.toml").write_text('[tool.migcheck]\nbaseline = "missing.json"\n')
    code, out, _ = run("check", "examples/contoso", "--baseline", "migcheck-baseline.json")
    assert code == 0
    assert f"({baselined} {KNOWN})" in out


def test_a_config_baseline_that_cannot_be_read_is_exit_2(contoso, run):
    (contoso / "pyproject.toml").write_text('[tool.migcheck]\nbaseline = "ci/missing.json"\n')
    for command in ("check", "badge"):
        code, out, err = run(command, "examples/contoso")
        assert (code, out) == (2, "")
        assert "cannot read baseline ci/missing.json" in err
        assert "Traceback" not in err


def test_writing_a_baseline_records_what_the_old_one_knew(baselined, contoso, run):
    # A refresh starts from every finding the config and comments let through, not from the new ones.
    add_acl()
    everything = len(findings(run, "examples/contoso"))
    assert everything > baselined
    (contoso / "pyproject.toml").write_text('[tool.migcheck]\nbaseline = "migcheck-baseline.json"\n')
    code, out, _ = run("check", "examples/contoso", "--write-baseline", "again.json")
    assert (code, out) == (0, f"Wrote {everything} findings to baseline again.json.\n")
    assert len(json.loads((contoso / "again.json").read_text(encoding="utf-8"))["findings"]) == everything


def test_a_stand_in_name_is_keyed_without_its_line(tmp_path, monkeypatch):
    """A script's unnamed VM is `<VM name, deploy.ps1:4>`: lines added above it keep it known."""
    script = tmp_path / "deploy.ps1"
    acl = (
        "param($svc, $vmName)\n$acl = New-AzureAclConfig\n"
        'Set-AzureAclConfig -AddRule -ACL $acl -Order 100 -Action Permit -RemoteSubnet "10.0.0.0/8"\n'
        "Get-AzureVM -ServiceName $svc -Name $vmName | Set-AzureEndpoint -Name HTTP -Protocol tcp "
        "-LocalPort 80 -PublicPort 80 -ACL $acl | Update-AzureVM\n"
    )
    script.write_text(acl)
    monkeypatch.chdir(tmp_path)
    from migcheck.cli import main

    assert main(["check", ".", "--select", "MIG201", "--write-baseline", "b.json", "-q"]) == 0
    written = json.loads((tmp_path / "b.json").read_text())["findings"]
    assert [e["resource"]["name"] for e in written] == ["<VM name, deploy.ps1>/HTTP"]
    script.write_text("# provisioning\n\n" + acl)
    assert main(["check", ".", "--select", "MIG201", "--baseline", "b.json", "-q"]) == 0
    # A baseline written before keys had no lines still matches.
    written[0]["resource"]["name"] = "<VM name, deploy.ps1:4>/HTTP"
    (tmp_path / "b.json").write_text(json.dumps({"version": 1, "findings": written}))
    assert main(["check", ".", "--select", "MIG201", "--baseline", "b.json", "-q"]) == 0


@pytest.mark.parametrize(
    ("name", "keyed"),
    [
        ("<VM name, deploy.ps1:12>", "<VM name, deploy.ps1>"),
        ("<VM name, deploy.ps1:12:5>", "<VM name, deploy.ps1>"),
        ("<VM name, a.ps1:4>/HTTP", "<VM name, a.ps1>/HTTP"),
        ("<VM name, s.py:10, turn 2>", "<VM name, s.py, turn 2>"),
        (
            "<VMs of a load-balanced set, a.ps1:3>/<endpoints of a load-balanced set, a.ps1:3>",
            "<VMs of a load-balanced set, a.ps1>/<endpoints of a load-balanced set, a.ps1>",
        ),
        ("web<1>", "web<1>"),
        ("<<", "<<"),
        ("<deployment name, a:b.py:7>", "<deployment name, a:b.py>"),
        ("web", "web"),
        ("<odd>", "<odd>"),
    ],
)
def test_stand_in_keys(name, keyed):
    finding = Finding("MIG201", "n", Severity.ERROR, "m", "f", Mark("a.ps1", 1), "VirtualMachine", name)
    assert key(finding)[3] == keyed


@pytest.mark.parametrize("piece", ["<>", ":1", "<a, f:1>"])
def test_keying_a_name_costs_its_length(piece):
    from growth import assert_linear

    def make(n: int):
        name = ("<a, f" + piece * n + ">") if piece == ":1" else piece * n
        finding = Finding("MIG202", "n", Severity.ERROR, "m", "f", Mark("a.json", 1), "VirtualMachine", name)
        return lambda: key(finding)

    assert_linear(make, 20_000)


def test_a_missing_baseline_named_by_the_config_says_where_it_was_looked_for(contoso, run, monkeypatch):
    (contoso / "migcheck.toml").write_text('baseline = "missing.json"\n')
    monkeypatch.chdir(contoso / "examples")
    code, out, err = run("check", "contoso")
    assert (code, out) == (2, "")
    assert err == (
        "migcheck: error: ../migcheck.toml:1:12: `baseline`: cannot read baseline missing.json (looked for at "
        "../missing.json): No such file or directory; record the current findings in it with "
        "--write-baseline ../missing.json (or pass it over for this run with --no-baseline)\n"
    )
    # What it says to run makes the baseline the config names.
    assert run("check", "contoso", "--write-baseline", "../missing.json")[0] == 0
    assert run("check", "contoso")[0] == 0


def test_a_missing_baseline_named_by_the_option_is_not_blamed_on_the_config(contoso, run):
    (contoso / "migcheck.toml").write_text("")
    code, _, err = run("check", "examples/contoso", "--baseline", "missing.json")
    assert code == 2
    assert err.startswith("migcheck: error: cannot read baseline missing.json: No such file or directory; ")


@pytest.mark.parametrize("command", ["badge", "plan"])
def test_badge_and_plan_name_the_config_of_a_missing_baseline(contoso, run, command):
    (contoso / "migcheck.toml").write_text('baseline = "missing.json"\n')
    code, _, err = run(command, "examples/contoso")
    assert code == 2
    assert err.startswith(
        "migcheck: error: migcheck.toml:1:12: `baseline`: cannot read baseline missing.json: "
    )
