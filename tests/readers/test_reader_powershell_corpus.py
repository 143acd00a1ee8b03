"""The PowerShell scripts of ../shared/corpus/scripts: each is read as the script it is, and the findings on
them are a reviewed snapshot.

Every line of tests/snapshots/powershell-corpus-findings.txt was checked by hand against its script: a change
is either a new true finding or a regression. After a deliberate change, regenerate with
`MIGCHECK_UPDATE_SNAPSHOTS=1 pytest tests/readers/test_reader_powershell_corpus.py` and review the diff line
by line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import Deployment, FileKind, Script
from migcheck.plugins import load_rules
from migcheck.readers import read_document

SCRIPTS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "scripts"
SNAPSHOT = Path(__file__).parents[1] / "snapshots" / "powershell-corpus-findings.txt"
NEGATIVE = "robotechredmond__Azure-PowerShell-Snippets/Azure Resource Manager - Create V2 environment w VNET GW demo.ps1"
PHASE_3 = "Alejandrolmeida__azurebootcamp/Solution/AzureRM/Phase 3 - Migracion de VM (CloudService).ps1"
PHASE_4 = "Alejandrolmeida__azurebootcamp/Solution/AzureRM/Phase 4 - Migracion de VNet.ps1"

pytestmark = pytest.mark.skipif(not SCRIPTS.is_dir(), reason="../shared/corpus/scripts is not present")


def _scripts() -> list[str]:
    if not SCRIPTS.is_dir():
        return []
    found = [p for p in SCRIPTS.rglob("*") if p.suffix.lower() in (".ps1", ".psm1")]
    return sorted(p.relative_to(SCRIPTS).as_posix() for p in found)


def _read(relative: str):
    doc = read_document(relative, (SCRIPTS / relative).read_bytes(), explicit=False)
    assert doc is not None, f"{relative} was skipped"
    return doc


@pytest.mark.parametrize("relative", _scripts())
def test_every_script_is_read_without_a_problem(relative):
    doc = _read(relative)
    assert doc.kind is FileKind.POWERSHELL
    assert doc.problem is None, doc.problem
    if relative != NEGATIVE:
        assert [r for r in doc.resources if isinstance(r, Script)], "no classic call found"


def test_the_resource_manager_script_holds_nothing_classic():
    assert _read(NEGATIVE).resources == ()


def test_the_windows_1252_runbooks_run_the_migration_in_order():
    phase3 = next(r for r in _read(PHASE_3).resources if isinstance(r, Script))
    assert [(s.step, s.scope, s.target) for s in phase3.migration] == [
        ("validate", "cloud-service", "AloneCorp"),
        ("prepare", "cloud-service", "AloneCorp"),
        ("abort", "cloud-service", "AloneCorp"),
        ("commit", "cloud-service", "AloneCorp"),
    ]
    (deployment,) = [r for r in _read(PHASE_3).resources if isinstance(r, Deployment)]
    (vm,) = deployment.roles
    assert (vm.name, vm.extensions[0].version, vm.extensions[0].state) == ("Alone-VM01", "1.*", "Uninstall")
    phase4 = next(r for r in _read(PHASE_4).resources if isinstance(r, Script))
    assert {(s.scope, s.target) for s in phase4.migration} == {("virtual-network", "EnterpriseVnet")}


def _snapshot_lines(monkeypatch) -> list[str]:
    monkeypatch.chdir(SCRIPTS)
    result = lint(_scripts(), Config(), load_rules(entry_points=False))
    return [
        f"{f.location.path}:{f.location.line}:{f.location.column}: {f.code} {f.resource_type} {f.resource_name!r}"
        for f in result.findings
    ]


def test_findings_match_the_reviewed_snapshot(monkeypatch):
    lines = _snapshot_lines(monkeypatch)
    if os.environ.get("MIGCHECK_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == SNAPSHOT.read_text(encoding="utf-8").splitlines()
    assert not [line for line in lines if line.startswith(NEGATIVE)]
