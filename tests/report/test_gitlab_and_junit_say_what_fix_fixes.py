"""`--format gitlab` and `--format junit` did not say which findings `--fix` fixes, which the text format
marks `[*]` (and `[*?]`: with `--unsafe-fixes`). GitLab's Code Quality issue says it in its details
(`content.body`), its `description` and `fingerprint` as they were, so merge requests still match the issues
of earlier runs; a JUnit failure's message starts with the mark, as the text format's line has it."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

SUBNET = "examples/contoso/network/NetworkConfig.netcfg"  # MIG304 at line 74: a safe fix
JUMP = "examples/contoso/rest/contoso-jump.hostedservice.xml"  # MIG201 at line 90: an unsafe fix


def _issue(issues: list[dict], path: str, code: str) -> dict:
    return next(i for i in issues if i["location"]["path"] == path and i["check_name"] == code)


def test_a_gitlab_issue_says_in_its_details_what_fix_fixes(contoso, run):
    issues = json.loads(run("check", "examples/contoso", "--format", "gitlab")[1])
    safe, unsafe = _issue(issues, SUBNET, "MIG304"), _issue(issues, JUMP, "MIG201")
    assert safe["content"]["body"].endswith("\n\n[*] `migcheck check --fix` fixes it.")
    assert unsafe["content"]["body"].endswith("\n\n[*?] `migcheck check --fix --unsafe-fixes` fixes it.")
    assert safe["description"].startswith("MIG304 invalid-address-prefix: '10.3.0.00/24'")
    assert "[*" not in safe["description"]
    fixed = [i for i in issues if "fixes it." in i.get("content", {}).get("body", "")]
    text = run("check", "examples/contoso")[1]
    assert len(fixed) == sum(" [*] " in line or " [*?] " in line for line in text.splitlines())


def test_a_junit_failure_message_starts_with_the_mark_of_what_fix_fixes(contoso, run):
    root = ET.fromstring(run("check", "examples/contoso", "--format", "junit")[1].encode("utf-8"))
    failures = {(c.get("file"), c.get("name")): c.find("failure") for c in root.iter("testcase")}
    assert failures[SUBNET, "MIG304"].get("message").startswith("[*] '10.3.0.00/24', the prefix of subnet")
    assert failures[JUMP, "MIG201"].get("message").startswith("[*?] endpoint 'RemoteDesktop'")
