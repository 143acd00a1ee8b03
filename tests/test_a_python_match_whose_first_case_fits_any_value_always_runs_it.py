"""A `match` whose first case fits any value (`case _:`, `case name:`, no guard) runs that case whatever its
subject is: a create in it surely runs, for the classic CLI as for the SDK, where it was said to run only
under a condition ("fail today whenever they run"). A case that fits some values only still may not run."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CLI = 'subprocess.check_call(["azure", "vm", "create", "svc", "img", "ops", "--vm-name", "web1"])'
SDK = (
    'ServiceManagementService("sub", "cert.pem").add_role("shop", "shop", "web1", '
    'LinuxConfigurationSet("web1", "o", "p"), OSVirtualHardDisk("img", "https://acct.blob.core.windows.net/v/web1.vhd"))'
)
HEAD = (
    "import subprocess\nimport sys\n"
    "from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk\n\n"
)


def _mig601(tmp_path, monkeypatch, pattern: str, create: str) -> str:
    script = HEAD + f"match sys.argv[1]:\n    case {pattern}:\n        {create}\n"
    (finding,) = lint_files(tmp_path, monkeypatch, {"deploy.py": script}, "MIG601").findings
    return finding.message


@pytest.mark.parametrize("create", [CLI, SDK], ids=["classic CLI", "SDK"])
@pytest.mark.parametrize("pattern", ["_", "region"])
def test_a_case_that_fits_any_value_surely_runs(tmp_path, monkeypatch, pattern: str, create: str) -> None:
    message = _mig601(tmp_path, monkeypatch, pattern, create)
    assert "fail today, since IaaS VMs (classic) were retired" in message


@pytest.mark.parametrize("create", [CLI, SDK], ids=["classic CLI", "SDK"])
@pytest.mark.parametrize("pattern", ['"prod"', "_ if len(sys.argv) > 2"])
def test_a_case_that_fits_some_values_may_not_run(tmp_path, monkeypatch, pattern: str, create: str) -> None:
    message = _mig601(tmp_path, monkeypatch, pattern, create)
    assert "fail today whenever they run (they may not: they run only on some paths" in message
