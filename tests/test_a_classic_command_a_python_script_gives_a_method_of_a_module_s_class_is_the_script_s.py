"""A Python script that gives a method of a class of a module beside it a classic command to run (lib.py's
`class Runner: def run(self, cmd): subprocess.check_call(cmd)`, then `Runner().run(["azure", ...])`, `r =
Runner(); r.run(...)`, a `@staticmethod` or `@classmethod` called on the class, `self.run(...)` in a method of
a class the script derives from it) runs that command itself, read where the script writes it, as it reads one
it gives a function of the module or a method of its own class. A method of the class that states the command
(`def create_vm(self, name): self.run(["azure", "vm", "create", name, ...])`) runs with the name the script
gives it, and is not read once more with a name not stated. So is a classic client the class keeps on its
instance (`self.sms = ServiceManagementService(...)`): the script's calls through it (`d.sms.add_role(...)`)
are classic calls. The class was an object of the module's the script did not follow: the script described
nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files, where

RUNNER = """\
import subprocess


class Runner:
    def run(self, command):
        subprocess.check_call(command)

    @staticmethod
    def run_static(command):
        subprocess.check_call(command)

    @classmethod
    def run_by_class(cls, command):
        subprocess.check_call(command)
"""
WORDS = '["azure", "vm", "create", "contoso-cli", "img", "ops", "-w", "app-vnet", "-b", "web,data"]'
# By the script's code, the call that gives the command, on the script's last line.
CALLS = {
    "from lib import Runner\n\nRunner().run": "Runner().run",
    "from lib import Runner\n\nr = Runner()\nr.run": "r.run",
    "from lib import Runner\n\nRunner.run_static": "Runner.run_static",
    "from lib import Runner\n\nRunner.run_by_class": "Runner.run_by_class",
    "import lib\n\nlib.Runner().run": "lib.Runner().run",
    "import lib\n\nlib.Runner.run_static": "lib.Runner.run_static",
    "from lib import Runner\n\n\nclass Deploy(Runner):\n    def go(self):\n        self.run": "        self.run",
}


def _files(main: str, lib: str = RUNNER) -> dict[str, str]:
    return {"NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG, "lib.py": lib, "main.py": main}


@pytest.mark.parametrize("code", CALLS)
def test_the_command_is_read_at_the_script_s_call(
    code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = f"{code}({WORDS})\n" + ("\n\nDeploy().go()\n" if "class Deploy" in code else "")
    result = lint_files(tmp_path, monkeypatch, _files(main), "MIG202", "MIG601", dedent=False)
    line = code.count("\n") + 1
    first = len(CALLS[code]) + 3  # past `(["`
    subnets = first + WORDS.index('"web,data"') - 1
    assert sorted(where(result.findings)) == [
        f"MIG202 main.py:{line}:{subnets}",
        f"MIG601 main.py:{line}:{first}",
    ]
    services = [s.name for estate in result.estates for s in estate.cloud_services]
    assert services == ["contoso-cli"]


def test_a_method_stating_the_command_runs_with_the_script_s_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = (
        RUNNER
        + f"""
    def create_vm(self, name):
        self.run({WORDS.replace('"contoso-cli"', "name")})
"""
    )
    main = "from lib import Runner\n\nRunner().create_vm('contoso-cli')\n"
    result = lint_files(tmp_path, monkeypatch, _files(main, lib), "MIG202", dedent=False)
    assert where(result.findings) == ["MIG202 lib.py:17:88"]
    assert "VM 'contoso-cli' of cloud service 'contoso-cli'" in result.findings[0].message
    services = [s.name for estate in result.estates for s in estate.cloud_services]
    assert services == ["contoso-cli"]


DEPLOYER = """\
from azure.servicemanagement import ServiceManagementService


class Deployer:
    def __init__(self):
        self.sms = ServiceManagementService("sub", "cert.pem")
"""


@pytest.mark.parametrize(
    "code",
    ["from lib import Deployer\n\nd = Deployer()\nd.sms", "import lib\n\nd = lib.Deployer()\nd.sms"],
    ids=["by name", "whole"],
)
def test_the_script_s_calls_of_a_client_the_class_keeps_are_classic_calls(
    code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = f"{code}.add_role('svc1', 'dep1', 'web2', None, None, None, role_size='Small')\n"
    result = lint_files(tmp_path, monkeypatch, {"lib.py": DEPLOYER, "main.py": main}, "MIG601", dedent=False)
    assert sorted(where(result.findings)) == ["MIG601 lib.py:6:20", "MIG601 main.py:4:7"]
    (called,) = [f.message for f in result.findings if f.location and f.location.path == "main.py"]
    assert "(add_role)" in called
