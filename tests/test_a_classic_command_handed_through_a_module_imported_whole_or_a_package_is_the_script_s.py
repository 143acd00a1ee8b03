"""A Python script's classic command handed on through a module a module in the chain imports whole (lib.py's
`import util`, then `util.execute(command)`; `from . import helper`, then `helper.execute(command)` inside a
package), or through a package's `__init__.py` that imports the function from one of its modules (`from
.helper import execute`, `from pkg.helper import execute`), runs at the script's call, as one handed on by
`from util import execute` does. Those modules were not followed and the script described nothing. The
forms the script itself writes (`import pkg.helper as h`, `from pkg.helper import execute`) stay read."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files, where

WORDS = '["azure", "vm", "create", "contoso-cli", "img", "ops", "-w", "app-vnet", "-b", "web,data"]'
EXECUTE = "import subprocess\n\n\ndef execute(command):\n    subprocess.check_call(command)\n"
RUN = f"from {{module}} import run\n\nrun({WORDS})\n"
SHAPES = {
    "import util in the middle": {
        "main.py": RUN.format(module="lib"),
        "lib.py": "import util\n\n\ndef run(command):\n    util.execute(command)\n",
        "util.py": EXECUTE,
    },
    "import util as an alias in the middle": {
        "main.py": RUN.format(module="lib"),
        "lib.py": "import util as u\n\n\ndef run(command):\n    u.execute(command)\n",
        "util.py": EXECUTE,
    },
    "from . import helper in a package": {
        "main.py": RUN.format(module="pkg.lib"),
        "pkg/__init__.py": "",
        "pkg/lib.py": "from . import helper\n\n\ndef run(command):\n    helper.execute(command)\n",
        "pkg/helper.py": EXECUTE,
    },
    "a package's __init__ importing relatively": {
        "main.py": f"from pkg import execute\n\nexecute({WORDS})\n",
        "pkg/__init__.py": "from .helper import execute\n",
        "pkg/helper.py": EXECUTE,
    },
    "a package's __init__ importing by the package's name": {
        "main.py": f"from pkg import execute\n\nexecute({WORDS})\n",
        "pkg/__init__.py": "from pkg.helper import execute\n",
        "pkg/helper.py": EXECUTE,
    },
}
FOUND = {
    "import util in the middle": ["MIG202 main.py:3:84", "MIG601 main.py:3:6"],
    "import util as an alias in the middle": ["MIG202 main.py:3:84", "MIG601 main.py:3:6"],
    "from . import helper in a package": ["MIG202 main.py:3:84", "MIG601 main.py:3:6"],
    "a package's __init__ importing relatively": ["MIG202 main.py:3:88", "MIG601 main.py:3:10"],
    "a package's __init__ importing by the package's name": ["MIG202 main.py:3:88", "MIG601 main.py:3:10"],
}
SCRIPT_S_OWN = {
    "import pkg.helper as h": f"import pkg.helper as h\n\nh.execute({WORDS})\n",
    "from pkg.helper import": f"from pkg.helper import execute\n\nexecute({WORDS})\n",
}


def _findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> list[str]:
    files = {"NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG, **files}
    return sorted(where(lint_files(tmp_path, monkeypatch, files, "MIG202", "MIG601", dedent=False).findings))


@pytest.mark.parametrize("shape", list(SHAPES))
def test_a_command_handed_through_the_module_runs_at_the_script_s_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shape: str
) -> None:
    assert _findings(tmp_path, monkeypatch, SHAPES[shape]) == FOUND[shape]


@pytest.mark.parametrize("shape", list(SCRIPT_S_OWN))
def test_a_package_s_module_the_script_imports_runs_its_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shape: str
) -> None:
    files = {"main.py": SCRIPT_S_OWN[shape], "pkg/__init__.py": "", "pkg/helper.py": EXECUTE}
    found = _findings(tmp_path, monkeypatch, files)
    assert [finding.split(":")[0] for finding in found] == ["MIG202 main.py", "MIG601 main.py"]


def test_a_module_imported_whole_that_runs_no_command_gives_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "main.py": RUN.format(module="lib"),
        "lib.py": "import util\n\n\ndef run(command):\n    util.execute(command)\n",
        "util.py": "def execute(command):\n    print(command)\n",
    }
    assert _findings(tmp_path, monkeypatch, files) == []
