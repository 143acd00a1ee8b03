"""`azure vm set <vm> -B false` (`--disable-boot-diagnostics`) turns a VM's boot diagnostics off, so MIG205's
warning that it may be on goes; `-B true` (`--enable-boot-diagnostics`) turns it on, the certain error on
Premium storage, as `Set-AzureVMBootDiagnostics` does. A set that may not run leaves the warning."""

from __future__ import annotations

import pytest

from tests.lint_support import lint_files

CREATE = """\
azure storage account create premacct --type PLRS -l "West Europe"
azure vm create db img user pass -u https://premacct.blob.core.windows.net/vhds/db01.vhd -l "West Europe"
"""


def _mig205(tmp_path, monkeypatch, after: str) -> list[tuple[str, int]]:
    files = {"deploy.sh": CREATE + after + "\n"}
    findings = lint_files(tmp_path, monkeypatch, files, "MIG205", dedent=False).findings
    return [(f.severity.name.lower(), f.location.line) for f in findings]


@pytest.mark.parametrize(
    "after",
    [
        "azure vm set db -B false",
        "azure vm set db --boot-diagnostics=false",
        "azure vm set db --disable-boot-diagnostics",
    ],
)
def test_boot_diagnostics_turned_off_after_create(tmp_path, monkeypatch, after):
    assert _mig205(tmp_path, monkeypatch, after) == []


@pytest.mark.parametrize(
    "after", ["azure vm set db -B true", "azure vm set -d db db --enable-boot-diagnostics"]
)
def test_boot_diagnostics_turned_on_is_the_error(tmp_path, monkeypatch, after):
    assert _mig205(tmp_path, monkeypatch, after) == [("error", 3)]


@pytest.mark.parametrize(
    "after", ["", "azure vm set other -B false", 'if [ -n "$X" ]; then azure vm set db -B false; fi']
)
def test_boot_diagnostics_left_on_is_the_warning(tmp_path, monkeypatch, after):
    assert _mig205(tmp_path, monkeypatch, after) == [("warning", 2)]
