"""A Python script that runs the classic CLI through a helper of its own (`def azure(*args):
subprocess.check_call(["azure", *args])`, `["azure"] + list(args) + ["--json"]`, as Microsoft's `az(*args)`
helper does for az) or splits a command line written out (`"azure vm create ...".split()`) was passed over
with no message: the words of `*args` were dropped, a list joined by `+` was no list, and `str.split()`
with no argument was not read. Each now runs the command its call names, as the shell script running
`azure "$@"` in a function does (which also dropped the words of `"$@"` given as arguments)."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CREATE = '"vm", "create", "shop", "img", "u", "p", "-n", "web1", "-l", "West US"'
SCRIPTS = {
    "starred": f'def azure(*args):\n    subprocess.check_call(["azure", *args])\n\nazure({CREATE})\n',
    "joined": (
        "def azure(*args):\n"
        '    cmd = ["azure"] + list(args) + ["--json"]\n'
        "    return subprocess.check_output(cmd)\n\n"
        f"azure({CREATE})\n"
    ),
    "named first": (
        "def create(service, *args):\n"
        '    subprocess.check_call(["azure", "vm", "create", service, *args])\n\n'
        'rest = ["img", "u", "p", "-n", "web1"]\n'
        'create("shop", *rest, "-l", "West US")\n'
    ),
    "split": 'subprocess.check_call("azure vm create shop img u p -n web1 -l NorthEurope".split())\n',
    "split by blank": 'line = "azure vm create shop img u p -n web1 -l NorthEurope"\nsubprocess.call(line.split(" "))\n',
}


def _vms(tmp_path, monkeypatch, files: dict[str, str]) -> list[tuple[str, list[str]]]:
    result = lint_files(tmp_path, monkeypatch, files)
    assert [f.code for f in result.findings if f.code == "MIG601"] == ["MIG601"]
    (estate,) = result.estates
    return [(s.name, [r.name for p in s.placements for r in p.roles]) for s in estate.cloud_services]


@pytest.mark.parametrize("shape", list(SCRIPTS))
def test_the_python_helper_s_call_creates_the_vm_it_names(tmp_path, monkeypatch, shape):
    script = "import subprocess\n\n" + SCRIPTS[shape]
    assert _vms(tmp_path, monkeypatch, {"provision.py": script}) == [("shop", ["web1"])]


def test_the_shell_function_running_azure_with_its_arguments_creates_the_vm_its_call_names(
    tmp_path, monkeypatch
):
    script = 'azure_run() {\n  azure "$@" --json\n}\nazure_run vm create shop img u p -n web1 -l "West US"\n'
    assert _vms(tmp_path, monkeypatch, {"provision.sh": script}) == [("shop", ["web1"])]
