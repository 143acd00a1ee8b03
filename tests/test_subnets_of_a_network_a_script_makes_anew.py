"""A shell script that deletes the network it made and makes it anew (`azure network vnet delete`, then `vnet
create` again) leaves the network as the last creation writes it: a VM placed in a subnet only the deleted
network had is MIG003. Made anew only on some paths, the network is not known, and nothing is reported."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

CREATE = 'azure network vnet create myvnet -l "West Europe" -e 10.0.0.0 -i 16 -n {subnet}\n'
DELETE = "azure network vnet delete myvnet -q\n"
VM_IN_FRONT = "azure vm create svc1 img user pass -w myvnet -b front\n"


def _mig003(tmp_path, monkeypatch: pytest.MonkeyPatch, script: str) -> list[str]:
    files = {"deploy.sh": script}
    return where(lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings)


def test_a_subnet_only_the_deleted_network_had_is_reported(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = CREATE.format(subnet="front") + DELETE + CREATE.format(subnet="other") + VM_IN_FRONT
    assert _mig003(tmp_path, monkeypatch, script) == ["MIG003 deploy.sh:4:49"]


def test_made_anew_twice_the_last_network_is_the_one(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = (
        CREATE.format(subnet="front")
        + DELETE
        + CREATE.format(subnet="back")
        + DELETE
        + CREATE.format(subnet="front")
        + VM_IN_FRONT
        + "azure vm create svc2 img user pass -w myvnet -b back\n"
    )
    assert _mig003(tmp_path, monkeypatch, script) == ["MIG003 deploy.sh:7:49"]


def test_made_anew_on_some_paths_the_network_is_not_known(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = (
        CREATE.format(subnet="front")
        + 'if [ -n "$1" ]; then\n  '
        + DELETE
        + "  "
        + CREATE.format(subnet="other")
        + "fi\n"
        + "azure vm create svc1 img user pass -w myvnet -b back\n"
    )
    assert _mig003(tmp_path, monkeypatch, script) == []
