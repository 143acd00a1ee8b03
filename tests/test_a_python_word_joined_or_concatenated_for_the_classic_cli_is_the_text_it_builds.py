"""A Python script that runs the classic CLI with a word it builds from strings it states
(`",".join(["web", "data"])`, a join of a list a variable holds, `"contoso-" + name`, a command line joined
by `" ".join(words)`) gives the command that text, as a shell script given the text does: a VM given two
subnets so is in both (MIG202). The word was a value the script does not state."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files, script_resources, where

from migcheck.model import Deployment

START = '"azure", "vm", "create", "shop", "img", "ops", "-w", "app-vnet"'

BUILT = {
    "a join of a list": f'subprocess.check_call([{START}, "-b", ",".join(["web", "data"])])',
    "a join of a list a variable holds": (
        f'SUBNETS = ["web", "data"]\nsubprocess.check_call([{START}, "-b", ",".join(SUBNETS)])'
    ),
    "a variable assigned a join": (
        f'SUBNETS = ",".join(["web", "data"])\nsubprocess.check_call([{START}, "-b", SUBNETS])'
    ),
    "a concatenation": f'subprocess.check_call([{START}, "-b", "web," + "data"])',
    "a variable assigned a concatenation": (
        f'first = "web"\nSUBNETS = first + ",data"\nsubprocess.check_call([{START}, "-b", SUBNETS])'
    ),
    "a command line joined from words": (
        f'WORDS = [{START}, "-b", "web,data"]\nsubprocess.check_call(" ".join(WORDS), shell=True)'
    ),
}


@pytest.mark.parametrize("how", BUILT)
def test_the_vm_is_in_the_subnets_the_built_word_names(how: str) -> None:
    resources = script_resources(f"import subprocess\n{BUILT[how]}\n", "deploy.py")
    vms = [
        (d.service_name, tuple(s.name for s in r.subnets))
        for d in resources
        if isinstance(d, Deployment)
        for r in d.roles
    ]
    assert vms == [("shop", ("web", "data"))]


def test_mig202_is_shown_at_the_join(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {
        "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG,
        "deploy.py": f"import subprocess\n{BUILT['a variable assigned a join']}\n",
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG202")
    assert where(result.findings) == ["MIG202 deploy.py:2:11"]


def test_a_join_of_words_the_script_does_not_state_is_one_value() -> None:
    text = f"import subprocess, sys\nsubprocess.check_call([{START}, '-b', ','.join(sys.argv[1:])])\n"
    resources = script_resources(text, "deploy.py")
    (vm,) = [r for d in resources if isinstance(d, Deployment) for r in d.roles]
    assert vm.subnets == () and "subnets" in vm.unknown
