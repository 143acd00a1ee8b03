"""The readiness summary lists under "Unattached resources" what no file shows in use. An export row that
does not say what uses a resource leaves it maybe attached: a security group whose row writes no subnets, a
reserved IP whose row writes neither `attachedTo` nor `inUse`, or says it is in use without naming a cloud
service. Its row says so, as its plan step does ("if nothing uses it"); one known to be free says nothing
more."""

from __future__ import annotations

import json

from lint_support import graph_page, lint_files

from migcheck.report.readiness import readiness
from migcheck.report.readiness_text import readiness_summary

SUB = "11111111-2222-3333-4444-555555555555"
NETWORK = f"/subscriptions/{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork"


def _row(kind: str, name: str, properties: dict) -> dict:
    return {
        "id": f"{NETWORK}/{kind}/{name}",
        "name": name,
        "type": f"microsoft.classicnetwork/{kind.lower()}",
        "subscriptionId": SUB,
        "properties": properties,
    }


ROWS = graph_page(
    _row("networkSecurityGroups", "nsg-unsaid", {"rules": []}),
    _row("reservedIps", "ip-unsaid", {"ipAddress": "40.1.1.1", "status": "Created"}),
    _row("reservedIps", "ip-in-use", {"ipAddress": "40.1.1.2", "inUse": True}),
    _row("reservedIps", "ip-free", {"ipAddress": "40.1.1.3", "inUse": False}),
)


def test_the_summary_says_which_unattached_resources_may_be_attached(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"inventory/classic.json": ROWS})
    lines = readiness_summary(result).splitlines()
    section = lines[lines.index("  Unattached resources") + 1 :]
    rows = [line.strip() for line in section if line.startswith("    ") and line.strip()[:1] != "V"]
    assert rows == [
        "nsg-unsaid (network security group; may be attached: the export does not say whether anything "
        "uses it)",
        "ip-unsaid (reserved IP; may be attached: the export does not say whether anything uses it)",
        "ip-in-use (reserved IP; may be attached: the export says it is in use, not by which cloud service)",
        "ip-free (reserved IP)  Validation passed",
    ]


def test_the_report_json_items_say_it_as_attachment(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"inventory/classic.json": ROWS})
    [summary] = readiness(result)
    [scope] = [s for s in summary.scopes if s.scope == "Unattached resources"]
    attachment = {item.name: item.migrates.get("attachment") for item in scope.items}
    assert attachment == {
        "nsg-unsaid": "unknown",
        "ip-unsaid": "unknown",
        "ip-in-use": "in use",
        "ip-free": None,
    }
    json.dumps([item.migrates for item in scope.items])  # as `--format report-json` writes it
