"""A file a shell script sources that defines no function and whose commands depend on the script runs
where it is sourced, as bash runs it, in the script's shell: sourced with words (`source ./create.sh
shopsvc`), its `$1` is shopsvc; calling a function the script has from a file it sourced before (main.sh
sources lib.sh, then steps.sh, whose `deploy_vm shopsvc` is lib.sh's), that function runs. Its commands are
the script's, shown where the file writes them, and its own read, alone, is not said again; so for a file
that defines functions too. A library of functions whose top level depends on nothing of the script is
loaded as before: its values and functions, its own commands checked with it."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Deployment

LIB = 'deploy_vm() {\n  azure vm create "$1" img user pass -l "West Europe"\n}\n'
CREATE = 'azure vm create "$1" img user pass -l "West Europe"\n'


def _services(tmp_path, monkeypatch, files: dict[str, str]) -> list[tuple[str, str]]:
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    return [
        (d.path, r.service_name) for d in result.documents for r in d.resources if isinstance(r, Deployment)
    ]


@pytest.mark.parametrize("source", ["source", "."])
def test_a_file_sourced_with_words_runs_with_them(tmp_path, monkeypatch, source):
    files = {"create.sh": CREATE, "main.sh": f"#!/bin/bash\n{source} ./create.sh shopsvc\n"}
    assert _services(tmp_path, monkeypatch, files) == [("main.sh", "shopsvc")]


def test_a_function_of_a_file_sourced_before_runs_in_a_file_sourced_after(tmp_path, monkeypatch):
    files = {
        "lib.sh": LIB,
        "steps.sh": "deploy_vm shopsvc\n",
        "main.sh": "#!/bin/bash\nsource ./lib.sh\nsource ./steps.sh\n",
    }
    assert _services(tmp_path, monkeypatch, files) == [("main.sh", "shopsvc")]


def test_a_file_that_defines_functions_sourced_with_words_runs_too(tmp_path, monkeypatch):
    files = {
        "lib.sh": LIB + "deploy_vm libsvc\n",
        "main.sh": "#!/bin/bash\nsource ./lib.sh shopsvc\ndeploy_vm mainsvc\n",
    }
    assert sorted(_services(tmp_path, monkeypatch, files)) == [("main.sh", "libsvc"), ("main.sh", "mainsvc")]


def test_a_library_whose_commands_depend_on_nothing_of_the_script_is_loaded_as_before(tmp_path, monkeypatch):
    files = {
        "lib.sh": LIB + "deploy_vm libsvc\n",
        "main.sh": "#!/bin/bash\nsource ./lib.sh\ndeploy_vm mainsvc\n",
    }
    assert sorted(_services(tmp_path, monkeypatch, files)) == [("lib.sh", "libsvc"), ("main.sh", "mainsvc")]
