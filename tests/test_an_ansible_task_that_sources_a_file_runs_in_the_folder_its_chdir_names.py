"""An Ansible task that runs the classic CLI after sourcing a settings file by a relative path (`shell: source
./env.sh && azure vm create ...`) with `chdir: ../shared` had the file beside the playbook read, whose
values are not the ones the shell loads: the task's `chdir:` is now the folder the line runs in, as a `cd`
before the source is in a shell script. A folder stated relative to the playbook (`{{ playbook_dir
}}/../shared` too) is read; after an absolute one, or one the playbook does not state, no file is read and
the source is said as not read (sourced-after-cd)."""

from __future__ import annotations

import pytest
from lint_support import lint_files, script_resources, sh_settings

from migcheck.model import SOURCED_AFTER_CD, Script

PLAYBOOK = """\
- hosts: localhost
  tasks:
    - name: create the VM
      shell: source ./env.sh && azure vm create "$SERVICE" img ops 'P@ss' -n app1 -w "$VNET" -b "$SUBNETS" -l "West Europe"
      args:
        chdir: {chdir}
"""


def _lint(tmp_path, monkeypatch, chdir: str, two_subnets: str = "shared"):
    files = {
        "deploy/playbooks/site.yml": PLAYBOOK.replace("{chdir}", chdir),
        "deploy/playbooks/env.sh": sh_settings("Front,Back" if two_subnets == "playbooks" else "Front"),
        "deploy/shared/env.sh": sh_settings("Front,Back" if two_subnets == "shared" else "Front"),
    }
    return lint_files(tmp_path, monkeypatch, files, dedent=False)


def _mig202(result) -> list[str]:
    return [f"{f.location.path}:{f.location.line}" for f in result.findings if f.code == "MIG202"]


@pytest.mark.parametrize("chdir", ["../shared", '"{{ playbook_dir }}/../shared"', "../lib/../shared"])
def test_the_file_in_the_folder_chdir_names_is_read(tmp_path, monkeypatch, chdir):
    assert _mig202(_lint(tmp_path, monkeypatch, chdir)) == ["deploy/shared/env.sh:3"]


@pytest.mark.parametrize("chdir", ["/opt/deploy", '"{{ deploy_dir }}"'])
def test_no_file_is_read_in_a_folder_the_playbook_does_not_state(tmp_path, monkeypatch, chdir):
    assert _mig202(_lint(tmp_path, monkeypatch, chdir)) == []
    assert _mig202(_lint(tmp_path / "beside", monkeypatch, chdir, two_subnets="playbooks")) == []


def test_the_source_in_an_unstated_folder_is_said_as_not_read():
    text = PLAYBOOK.replace("{chdir}", "/opt/deploy")
    (found,) = [r for r in script_resources(text, "site.yml") if isinstance(r, Script)]
    assert [(m.line, m.tag) for m in found.unread] == [(4, SOURCED_AFTER_CD)]
