"""The coverage notes that list where a rule's facts come from name every inventory export that gives them:
a user reads docs/coverage.md to learn what to export. Each export named here is linted on its own, so
that a note never names one the rule does not read."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files

from migcheck.coverage import COVERAGE

# (rule, what its note names, an export of that kind alone that gives the rule's finding)
EXPORTS = [
    (
        "MIG208",
        "`Get-AzureVM` through `ConvertTo-Json`",
        [
            {
                "ServiceName": "shop",
                "Name": "web01",
                "DeploymentName": "shop",
                "InstanceStatus": "RoleStateUnknown",
                "VM": {"RoleName": "web01", "ConfigurationSets": []},
            }
        ],
    ),
    (
        "MIG208",
        "`azure vm list --json`",
        [{"DNSName": "shop.cloudapp.net", "VMName": "web01", "InstanceStatus": "RoleStateUnknown"}],
    ),
    (
        "MIG208",
        "`azure vm show --json`",
        {"DNSName": "shop.cloudapp.net", "VMName": "web01", "InstanceStatus": "RoleStateUnknown"},
    ),
    (
        "MIG402",
        "`Get-AzureDisk` through `ConvertTo-Json`",
        [
            {
                "AttachedTo": None,
                "DiskName": "orphan",
                "MediaLink": "https://shopdisks.blob.core.windows.net/vhds/orphan.vhd",
                "IOType": "Standard",
            }
        ],
    ),
]


@pytest.mark.parametrize(("code", "named", "export"), EXPORTS, ids=[named for _, named, _ in EXPORTS])
def test_the_note_names_each_export_the_rule_reads(code, named, export, tmp_path, monkeypatch):
    result = lint_files(
        tmp_path, monkeypatch, {"export.json": json.dumps(export, indent=2)}, code, dedent=False
    )
    assert [f.code for f in result.findings] == [code]
    notes = [entry.note for entry in COVERAGE if code in entry.codes and entry.note]
    assert any(named in note for note in notes), (code, named)
