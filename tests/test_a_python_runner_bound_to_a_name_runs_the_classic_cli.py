"""A Python script that binds a function that runs commands to a name of its own (`run =
subprocess.check_call`, `sh = os.system`) runs the classic CLI through that name as through the function:
its commands are read (MIG601, the VMs they create). Nothing was read."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment, Script

LINE = "azure vm create shop img ops -w appvnet -b web,app"
WORDS = '["azure", "vm", "create", "shop", "img", "ops", "-w", "appvnet", "-b", "web,app"]'

BOUND = {
    "run = subprocess.check_call": f"import subprocess\nrun = subprocess.check_call\nrun({WORDS})\n",
    "sh = os.system": f'import os\nsh = os.system\nsh("{LINE}")\n',
    "a name bound to an imported runner": f"from subprocess import call\nrun = call\nrun({WORDS})\n",
    "under an imported module name": f"import subprocess as sp\nrun = sp.call\nrun({WORDS})\n",
}


@pytest.mark.parametrize("how", BOUND)
def test_the_command_run_by_the_bound_name_is_read(how: str) -> None:
    resources = script_resources(BOUND[how], "deploy.py")
    (script,) = [r for r in resources if isinstance(r, Script)]
    assert [c.name for c in script.calls] == ["azure vm create"]
    vms = [tuple(s.name for s in r.subnets) for d in resources if isinstance(d, Deployment) for r in d.roles]
    assert vms == [("web", "app")]


def test_a_name_bound_to_another_function_runs_nothing() -> None:
    text = f"import subprocess\nrun = print\nrun({WORDS})\n"
    assert script_resources(text, "deploy.py") == ()
