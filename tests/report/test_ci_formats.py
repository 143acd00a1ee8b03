"""`--format github`, `gitlab` and `junit`, and `--output-file`: real output over examples/contoso."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from report_support import CSCFG, edit, findings

from migcheck.model import Finding, Location, Mark, Severity
from migcheck.report.github import annotation
from migcheck.report.junit import test_names as junit_names  # not a test of this file


def test_github_annotation_line(contoso, run):
    code, out, _ = run("check", "examples/contoso", "--format", "github")
    assert code == 1
    assert (
        "::error file=examples/contoso/vms/sql-tier/contoso-sql01.xml,line=24,col=11,"
        "title=MIG201 endpoint-acl [*?]::endpoint 'RemoteDesktop' of VM 'contoso-sql01' in cloud service "
        "'sql-tier' has an access control list (2 rules)%0AFix: Remove the endpoint "
        "ACL before migrating"
    ) in out
    lines = out.splitlines()
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines[:-2])
    # The text report's lines before its summary, as plain log lines too; the annotations carry the
    # marks it counts.
    assert lines[-2] == "[*] 1 fixable with --fix (8 more, marked [*?], with --unsafe-fixes)."
    assert sum("title=" in line and line.split("::")[1].endswith(" [*?]") for line in lines) == 8
    assert sum(line.split("::")[1].endswith(" [*]") for line in lines[:-2]) == 1
    assert lines[-1].startswith("Found ")


def test_github_escapes_data_and_properties():
    finding = Finding(
        code="MIG105",
        name="vm-outside-vnet",
        severity=Severity.WARNING,
        message="50% of VMs\nrestart",
        fix="",
        mark=Mark("odd,dir/a:b.xml", 3),
        resource_type="Role",
        resource_name="vm",
        location=Location("odd,dir/a:b.xml", 3, 5),
    )
    assert annotation(finding, None) == (
        # A line break in a message (names come from files) is shown as an escape, never obeyed.
        "::warning file=odd%2Cdir/a%3Ab.xml,line=3,col=5,title=MIG105 vm-outside-vnet::50%25 of VMs\\x0arestart"
    )


def test_gitlab_code_quality_shape(contoso, run):
    code, out, _ = run("check", "examples/contoso", "--format", "gitlab")
    issues = json.loads(out)
    assert code == 1
    assert len(issues) == len(findings(run, "examples/contoso"))
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location", "content"}
        assert issue["content"]["body"]  # what to do
        assert issue["severity"] in {"blocker", "major", "info"}
        assert re.fullmatch(r"[0-9a-f]{32}", issue["fingerprint"])
        assert set(issue["location"]) == {"path", "lines"} and isinstance(
            issue["location"]["lines"]["begin"], int
        )
    acl = next(i for i in issues if "contoso-sql01" in i["description"] and i["check_name"] == "MIG201")
    assert acl["severity"] == "blocker"
    assert acl["description"].startswith("MIG201 endpoint-acl: endpoint 'RemoteDesktop'")
    assert acl["location"] == {
        "path": "examples/contoso/vms/sql-tier/contoso-sql01.xml",
        "lines": {"begin": 24},
    }
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_fingerprints_survive_an_edit_above(contoso, run):
    before = {i["fingerprint"] for i in json.loads(run("check", "examples/contoso", "--format", "gitlab")[1])}
    edit(CSCFG, '  <Role name="Storefront">', '  <!-- moved -->\n\n  <Role name="Storefront">')
    after = {i["fingerprint"] for i in json.loads(run("check", "examples/contoso", "--format", "gitlab")[1])}
    assert before == after


def test_junit_is_xml_with_a_case_per_file_and_rule(contoso, run):
    code, out, _ = run("check", "examples/contoso", "--format", "junit")
    root = ET.fromstring(out.encode("utf-8"))
    assert code == 1
    assert root.tag == "testsuites"
    (suite,) = root
    cases = suite.findall("testcase")
    assert int(suite.get("tests")) == len(cases) > 0
    failed = [c for c in cases if c.find("failure") is not None]
    assert int(suite.get("failures")) == len(failed)
    classname = CSCFG.replace("/", ".")  # as pytest's JUnit writer names the item CSCFG::MIG201
    acl = next(c for c in cases if c.get("classname") == classname and c.get("name") == "MIG201")
    assert acl.get("file") == CSCFG
    failure = acl.find("failure")
    assert failure.get("type") == "error"
    assert failure.get("message").endswith("(and 1 more)")
    assert f"{CSCFG}:52:7: MIG201 [error]" in failure.text and f"{CSCFG}:55:7: MIG201" in failure.text
    # A rule that found nothing in a file it inspects is a passing case.
    assert any(c.get("classname") == classname and len(c) == 0 for c in cases)


SCRIPT = """\
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("subscription", "management.pem")
sms.create_hosted_service("contoso-batch", "batch", location="West Europe")
"""


def test_junit_names_the_cases_as_pytest_names_its_items(contoso, run):
    """`--format junit` and `pytest --migcheck --junitxml` write the same (classname, name) pairs, so a CI
    system that tracks tests by name sees one history whichever wrote the report."""
    (contoso / "pyproject.toml").write_text("[tool.migcheck]\n")
    (contoso / "scripts").mkdir()
    (contoso / "scripts" / "deploy.py").write_text(SCRIPT)
    (contoso / ".gitlab-ci.yml").write_text(GITLAB_CI)
    cli = ET.fromstring(run("check", ".", "--format", "junit")[1].encode("utf-8"))
    command = [sys.executable, "-m", "pytest", "--migcheck", "-p", "no:cacheprovider", "-p", "no:xdist"]
    subprocess.run(
        [*command, "-q", "--junitxml=junit.xml"],
        cwd=contoso,
        capture_output=True,
        check=False,
        timeout=300,
    )
    by_pytest = ET.parse(contoso / "junit.xml").getroot()
    names = {(c.get("classname"), c.get("name")) for c in cli.iter("testcase")}
    assert names == {(c.get("classname"), c.get("name")) for c in by_pytest.iter("testcase")}
    assert ("examples.contoso.webshop.ServiceConfiguration.Cloud.cscfg", "MIG201") in names
    assert ("scripts.deploy", "MIG601") in names  # pytest drops a `.py` ending
    # No part of a classname starts with a dot, which CI systems read as a package with no name; the
    # case's file says which file it is.
    assert ("gitlab-ci.yml", "MIG601") in names
    assert {c.get("file") for c in cli.iter("testcase") if c.get("classname") == "gitlab-ci.yml"} == {
        ".gitlab-ci.yml"
    }


GITLAB_CI = """\
deploy:
  script:
    - azure config mode asm
    - azure vm create contoso-batch img ops 'P@ss' -l 'West Europe'
"""


@pytest.mark.parametrize(
    ("path", "classname"),
    [
        (".gitlab-ci.yml", "gitlab-ci.yml"),
        ("ci/.gitlab-ci.yml", "ci.gitlab-ci.yml"),
        ("../ops/.github/workflows/deploy.yml", "ops.github.workflows.deploy.yml"),
        ("./deploy.py", "deploy"),
        ("vms/web.xml", "vms.web.xml"),
    ],
)
def test_a_junit_classname_has_no_part_that_starts_with_a_dot(path, classname):
    assert junit_names(path, "MIG601") == (classname, "MIG601")


def test_junit_stays_valid_xml_with_control_characters_in_a_file(contoso, run):
    (contoso / "broken.cscfg").write_bytes(b"<ServiceConfiguration>\x01\x02</Service")
    out = run("check", "broken.cscfg", "--format", "junit")[1]
    case = ET.fromstring(out.encode("utf-8")).find(".//testcase[@name='MIG001']")
    assert case.find("failure") is not None


def test_output_file_gets_the_report_and_stdout_the_summary(contoso, run):
    code, out, _ = run(
        "check", "examples/contoso", "--format", "sarif", "--output-file", "reports/migcheck.sarif"
    )
    assert code == 1
    assert out.startswith("Found ") and out.count("\n") == 1
    log = json.loads((contoso / "reports" / "migcheck.sarif").read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"


def test_output_file_that_cannot_be_written_is_exit_2(contoso, run):
    (contoso / "taken").write_text("a file, not a folder")
    code, _, err = run("check", "examples/contoso", "--output-file", "taken/report.txt")
    assert code == 2
    assert "cannot write taken/report.txt" in err


def test_unknown_format_lists_the_new_ones(contoso, run):
    code, _, err = run("check", "--format", "checkstyle")
    assert code == 2
    assert "sarif, github, azure, gitlab, junit" in err


def test_azure_pipelines_logissue_lines(contoso, run):
    code, out, _ = run("check", "examples/contoso", "--format", "azure", "--select", "MIG201,MIG303")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        "##vso[task.logissue type=warning;sourcepath=examples/contoso/network/NetworkConfig.netcfg;"
        "linenumber=68;columnnumber=69;code=MIG303]MIG303 affinity-group-vnet: virtual network "
        "'contoso-legacy-vnet' is bound to affinity group 'contoso-ag', not to a region: Resource Manager "
        "knows regions only%0AFix: Make the virtual network regional (a Location instead of an AffinityGroup), "
        "then update each deployment in it (add an endpoint or a data disk) so that it moves to the regional "
        "scope too, and migrate."
    )
    assert all(line.startswith("##vso[task.logissue type=") for line in lines[:-2])
    assert (
        sum("code=MIG201]MIG201 endpoint-acl [*?]: endpoint 'RemoteDesktop'" in line for line in lines) == 2
    )
    assert lines[-2] == "[*?] 2 fixable with --fix --unsafe-fixes."
    assert lines[-1].startswith("Found ")


def test_azure_escapes_data_and_properties():
    from migcheck.report.azure import logissue

    finding = Finding(
        code="MIG105",
        name="vm-outside-vnet",
        severity=Severity.WARNING,
        message="50% of VMs\n##vso[task.complete result=Succeeded]",
        fix="",
        mark=Mark("odd;dir/a].xml", 3),
        resource_type="Role",
        resource_name="vm",
        location=Location("odd;dir/a].xml", 3, 5),
    )
    assert logissue(finding, None) == (  # type: ignore[arg-type]
        "##vso[task.logissue type=warning;sourcepath=odd%3Bdir/a%5D.xml;linenumber=3;columnnumber=5;"
        "code=MIG105]MIG105 vm-outside-vnet: 50%AZP25 of VMs\\x0a#\\x23vso[task.complete result=Succeeded]"
    )


def test_exit_zero_and_short_version(contoso, run, capsys):
    code, out, _ = run("check", "examples/contoso", "--exit-zero", "--format", "concise")
    assert code == 0 and out.splitlines()[-1].startswith("Found 30 findings")
    with pytest.raises(SystemExit) as exited:
        run("-V")
    assert exited.value.code == 0


def test_statistics_count_findings_per_rule(contoso, run):
    code, out, _ = run("check", "examples/contoso", "--statistics")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "4  MIG201  endpoint-acl [error]"
    assert sum(int(line.split()[0]) for line in lines[:-1]) == 30
    assert lines[-1] == (
        "Found 30 findings in 15 files: 19 errors, 11 warnings; 20 block the migration: the 19 errors and "
        "1 warning (MIG208)."
    )
    # One line per rule, whatever severities its findings have (MIG602 reports one order as an error and
    # another as a warning).
    codes = [line.split()[1] for line in lines[:-1]]
    assert len(codes) == len(set(codes))
    assert "2  MIG602  migration-out-of-order [1 error, 1 warning]" in lines


def test_what_to_do_follows_the_message_in_every_annotation_format(contoso, run):
    """The text report's `help:` line has no place in one-line CI annotations: it follows on a second line."""
    for name in ("github", "azure"):
        out = run("check", "examples/contoso", "--format", name, "--select", "MIG202")[1]
        annotations = [line for line in out.splitlines() if line.startswith(("::", "##vso"))]
        assert annotations and all("%0AFix: " in line for line in annotations)
    issues = json.loads(run("check", "examples/contoso", "--format", "gitlab", "--select", "MIG202")[1])
    assert issues and all(issue["content"]["body"] for issue in issues)
