"""An Ansible Windows task's PowerShell (`win_shell:`, `win_powershell:`'s `script:`) runs in the folder its
`chdir:` names, as a `command:` task's line does: `win_shell: . .\\lib.ps1; New-Web` with `chdir: sub` reads
sub/lib.ps1 and runs its function (the service it creates is the playbook's), where the file beside the
playbook was looked for and none was read. The function's own read, with values it does not know, is then
not said again, as where a PowerShell script dot-sources the file itself. After a folder the playbook does
not state, no file is read and the dot-source is said as not read."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import SOURCED_AFTER_CD, Deployment, Script

LIB = (
    "function New-Web {\n"
    '    $vm = New-AzureVMConfig -Name "vm1" -InstanceSize Small -ImageName "img"\n'
    '    New-AzureVM -ServiceName "subsvc" -VMs $vm -Location "West Europe"\n'
    "}\n"
)
TASKS = {
    "win_shell": "      win_shell: . .\\lib.ps1; New-Web\n      args:\n        chdir: {chdir}\n",
    "win_powershell": (
        "      win_powershell:\n        script: . .\\lib.ps1; New-Web\n        chdir: {chdir}\n"
    ),
}


def _lint(tmp_path, monkeypatch, module: str, chdir: str):
    playbook = "- hosts: windows\n  tasks:\n    - name: create\n" + TASKS[module].replace("{chdir}", chdir)
    return lint_files(tmp_path, monkeypatch, {"site.yml": playbook, "sub/lib.ps1": LIB}, dedent=False)


@pytest.mark.parametrize("module", sorted(TASKS))
def test_the_file_in_the_folder_chdir_names_is_read(tmp_path, monkeypatch, module):
    result = _lint(tmp_path, monkeypatch, module, "sub")
    found = [
        (d.path, r.service_name) for d in result.documents for r in d.resources if isinstance(r, Deployment)
    ]
    assert found == [("site.yml", "subsvc")]


@pytest.mark.parametrize("module", sorted(TASKS))
def test_after_a_folder_not_stated_the_dot_source_is_said_not_read(tmp_path, monkeypatch, module):
    result = _lint(tmp_path, monkeypatch, module, '"{{ deploy_dir }}"')
    unread = [
        m.tag
        for d in result.documents
        if d.path == "site.yml"
        for r in d.resources
        if isinstance(r, Script)
        for m in r.unread
    ]
    assert unread == [SOURCED_AFTER_CD]
