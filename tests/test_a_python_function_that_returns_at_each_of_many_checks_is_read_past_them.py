"""A Python function that checks its arguments one by one and returns on each (`if not args.name: return
1`), then stops on a dry run (`if DRY_RUN: return 0`) before it creates a VM, is read with every one of
those exits: the deployment after the dry run's return never runs. Past sixteen exits in a function, none
was asked about, and the deployment was read as made (a MIG105 of a script that makes nothing). The work
of asking is bounded by the function's size, not by how many exits it holds: a function of 1,000 exits
and 1,000 calls after them costs twice what one of 500 does."""

from __future__ import annotations

from pathlib import Path

import pytest
from growth import assert_linear
from lint_support import RULES, lint_files

from migcheck.config import Config
from migcheck.engine import lint


def _script(checks: int, dry_run: bool) -> str:
    options = "".join(
        f'    if not args.option{i}:\n        print("--option{i} is required")\n        return 1\n'
        for i in range(checks)
    )
    return (
        "import argparse\n"
        "import sys\n"
        "from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk,"
        " ServiceManagementService\n\n"
        f"DRY_RUN = {dry_run}\n\n\n"
        "def main():\n"
        "    args = argparse.ArgumentParser().parse_args()\n"
        f"{options}"
        "    if DRY_RUN:\n"
        '        print("dry run: nothing created")\n'
        "        return 0\n"
        '    sms = ServiceManagementService("sub", "cert.pem")\n'
        '    disk = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/web1.vhd")\n'
        '    system = LinuxConfigurationSet("web1", "azureuser", "secret", False)\n'
        '    sms.create_virtual_machine_deployment("svc1", "svc1", "production", "web1", "web1", system, disk)\n'
        "    return 0\n\n\n"
        'if __name__ == "__main__":\n'
        "    sys.exit(main())\n"
    )


def _deployments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> int:
    return len(lint_files(tmp_path, monkeypatch, {"deploy.py": script}, "MIG105", dedent=False).findings)


@pytest.mark.parametrize("checks", [2, 16, 17, 40])
def test_the_dry_run_s_return_after_many_checks_ends_the_function(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checks: int
) -> None:
    assert _deployments(tmp_path, monkeypatch, _script(checks, dry_run=True)) == 0


@pytest.mark.parametrize("checks", [2, 40])
def test_without_the_dry_run_the_deployment_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checks: int
) -> None:
    assert _deployments(tmp_path, monkeypatch, _script(checks, dry_run=False)) == 1


def _many_exits(count: int) -> str:
    exits = "".join(f"    if args.option{i}:\n        return {i}\n" for i in range(count))
    calls = "".join(f'    sms.delete_deployment("svc{i}", "dep{i}")\n' for i in range(count))
    return (
        "import argparse\n"
        "from azure.servicemanagement import ServiceManagementService\n\n"
        'sms = ServiceManagementService("sub", "cert.pem")\n\n\n'
        "def main():\n"
        "    args = argparse.ArgumentParser().parse_args()\n"
        f"{exits}{calls}\n\n"
        "main()\n"
    )


def test_a_function_of_many_exits_and_calls_after_them_costs_linear_time(tmp_path: Path) -> None:
    def make(count: int):
        folder = tmp_path / f"exits{count}"
        folder.mkdir()
        (folder / "main.py").write_text(_many_exits(count), encoding="utf-8")
        return lambda: lint([str(folder)], Config(), RULES)

    assert_linear(make, 500)
