"""The real Python scripts of ../shared/corpus/scripts: every one is read without a problem, and the findings
on them are a reviewed snapshot (tests/snapshots/python-scripts-findings.txt).

Each line of the snapshot was checked by hand against its script: MIG101 at the calls that deploy a service
package (the inline configuration names WorkerRole1), MIG105 at the create_virtual_machine_deployment calls
that pass no virtual_network_name, MIG601 at the first classic call of each script, MIG402 at the images the
SDK's tests register under names they pass in (add_os_image, capture_role, capture_vm_image, create_vm_image:
each call one image, shown by a stand-in). Everything else those scripts pass through parameters, settings
or helpers stays unknown, so no other rule speaks. After a deliberate
change, regenerate with `MIGCHECK_UPDATE_SNAPSHOTS=1 pytest tests/readers/test_reader_python_corpus.py` and
review the diff line by line."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.model import Deployment, FileKind, Script
from migcheck.plugins import load_rules
from migcheck.readers import read_document

SCRIPTS = (Path(__file__).parents[2] / ".." / "shared" / "corpus" / "scripts").resolve()
SNAPSHOT = Path(__file__).parents[1] / "snapshots" / "python-scripts-findings.txt"

pytestmark = pytest.mark.skipif(
    not (SCRIPTS / "PROVENANCE.tsv").is_file(), reason="the shared corpus is absent"
)

# Scripts a folder walk does not read: none since a file that calls a method only the classic SDK has
# (`create_virtual_machine_deployment` through the script's own adapter classes) is read without the
# SDK's import.
NOT_IMPORTING: set[str] = set()
# Written for Python 3.6 or older: `async` used as a name (read all the same, at unchanged positions).
ASYNC_AS_A_NAME = {
    "Azure__azure-sdk-for-python/azure-servicemanagement-legacy/tests/test_legacy_mgmt_misc.py",
    "ab77__cloud-harness/cloud-harness.py",
}


def _scripts() -> list[str]:
    if not (SCRIPTS / "PROVENANCE.tsv").is_file():
        return []
    with open(SCRIPTS / "PROVENANCE.tsv", newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return sorted(
            f"{r['owner/repo'].replace('/', '__')}/{r['path']}" for r in rows if r["language"] == "python"
        )


FILES = _scripts()


@pytest.mark.parametrize("relative", FILES)
def test_every_script_is_read(relative):
    data = (SCRIPTS / relative).read_bytes()
    walked = read_document(relative, data, explicit=False)
    if relative in NOT_IMPORTING:
        assert walked is None
        return
    assert walked is not None and walked.kind is FileKind.PYTHON and walked.problem is None
    assert walked.text.count("\n") == data.decode("utf-8", "replace").count("\n")


def test_scripts_of_python_36_and_older_keep_their_calls():
    for relative in sorted(ASYNC_AS_A_NAME):
        document = read_document(relative, (SCRIPTS / relative).read_bytes(), explicit=False)
        assert document is not None
        assert any(isinstance(r, Script) for r in document.resources)
        assert any(isinstance(r, Deployment) for r in document.resources)


def _findings(monkeypatch) -> list[str]:
    monkeypatch.chdir(SCRIPTS)
    read = [relative for relative in FILES if relative not in NOT_IMPORTING]
    result = lint(read, Config(), load_rules(entry_points=False))
    return [
        f"{f.location.path}:{f.location.line}:{f.location.column}: {f.code} {f.resource_type} {f.resource_name!r}"
        for f in result.findings
    ]


def test_findings_match_the_reviewed_snapshot(monkeypatch):
    lines = _findings(monkeypatch)
    if os.environ.get("MIGCHECK_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == SNAPSHOT.read_text(encoding="utf-8").splitlines()
