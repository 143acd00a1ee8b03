"""A Python script that runs the classic CLI in a `for` over tuples it writes out (`for name, ip in
[("db1", "10.1.2.10"), ("db2", "10.1.2.10")]`) runs each turn with that tuple's values, and a word built
from the loop's name (`"contoso-" + name`) is each turn's own: two VMs asking for the same private IP in one
network are in conflict (MIG306). The loop ran once with values the script does not state."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files, script_resources, where

from migcheck.model import Deployment

CREATE = '"azure", "vm", "create", "contoso-" + name, "img", "ops", "-w", "app-vnet", "-b", "data"'


def _vms(text: str) -> list[tuple[str, tuple[str, ...]]]:
    resources = script_resources(text, "deploy.py")
    return [
        (d.service_name, tuple(ip.name for ip in r.static_ips))
        for d in resources
        if isinstance(d, Deployment)
        for r in d.roles
    ]


def test_each_tuple_is_a_turn_with_its_values() -> None:
    text = (
        "import subprocess\n"
        'for name, ip in [("db1", "10.20.2.10"), ("db2", "10.20.2.11")]:\n'
        f'    subprocess.call([{CREATE}, "--static-ip", ip])\n'
    )
    assert _vms(text) == [("contoso-db1", ("10.20.2.10",)), ("contoso-db2", ("10.20.2.11",))]


def test_two_tuples_of_one_private_ip_are_in_conflict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG,
        "deploy.py": (
            "import subprocess\n"
            'for name, ip in [("db1", "10.20.2.10"), ("db2", "10.20.2.10")]:\n'
            f'    subprocess.call([{CREATE}, "--static-ip", ip])\n'
        ),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG306")
    assert where(result.findings) == ["MIG306 deploy.py:2:49"]
    assert "'contoso-db2'" in result.findings[0].message and "'contoso-db1'" in result.findings[0].message


def test_a_name_built_from_the_loops_name_is_each_turns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG,
        "deploy.py": (
            'import subprocess\nfor name in ["db1", "db2"]:\n'
            f'    subprocess.call([{CREATE}, "--static-ip", "10.20.2.10"])\n'
        ),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG306")
    assert [f.code for f in result.findings] == ["MIG306"]
    assert "'contoso-db1'" in result.findings[0].message


def test_a_loop_over_tuples_in_such_a_loop_runs_its_turns() -> None:
    text = (
        "import subprocess\n"
        'for name, ip in [("db1", "10.20.2.10"), ("db2", "10.20.2.11")]:\n'
        '    for size, n in [("Small", 1), ("Large", 2)]:\n'
        f'        subprocess.call([{CREATE}, "--static-ip", ip])\n'
    )
    assert [ips for _, ips in _vms(text)] == [("10.20.2.10",), ("10.20.2.11",)]


def test_a_loop_too_large_to_write_out_runs_once_with_values_it_does_not_state() -> None:
    # 300 commands of a dozen nodes each, twice, are past the nodes a loop over tuples is written out as.
    body = "".join(f'    subprocess.call([{CREATE}, "--static-ip", ip, "-n", "vm{n}"])\n' for n in range(300))
    text = f'import subprocess\nfor name, ip in [("db1", "10.20.2.10"), ("db2", "10.20.2.11")]:\n{body}'
    vms = _vms(text)
    assert len(vms) == 300
    assert all(service.startswith("<cloud service name") and not ips for service, ips in vms)
