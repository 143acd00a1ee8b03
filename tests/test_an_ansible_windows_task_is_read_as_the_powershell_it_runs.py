"""An Ansible task that runs PowerShell on a Windows host (`win_shell:`, whose default executable is
PowerShell, `ansible.windows.win_powershell:`'s `script:`) is read by the PowerShell reader, each call where the
playbook writes it, its `{{ var }}` the play's value (one the play does not state, a value not stated), as a
`shell:` task is read by the shell reader; `win_command:` runs a program with no shell, as `command:` does, so
`powershell.exe -Command "..."` there is PowerShell given a command. A `win_shell:` with `executable: cmd`
runs no PowerShell, and a task under `when: false` never runs. Before, none of these tasks was read, and a
playbook whose only classic calls were in them was not read at all."""

from __future__ import annotations

from lint_support import lint_files

_VM = '-Name vm1 -ImageName img -AdminUsername u -Password p -Location "West US"'
PLAYBOOK = f"""\
- hosts: jump
  vars:
    svc: web9
  tasks:
    - name: shell
      win_shell: New-AzureQuickVM -Windows -ServiceName "web1" {_VM}
    - name: script
      ansible.windows.win_powershell:
        script: |
          New-AzureQuickVM -Windows -ServiceName "{{{{ svc }}}}" {_VM}
          New-AzureQuickVM -Windows -ServiceName "{{{{ other }}}}" {_VM.replace("vm1", "vm2")}
    - name: command
      win_command: powershell.exe -Command "New-AzureQuickVM -Windows -ServiceName web3 {_VM.replace('"', "'")}"
    - name: in cmd
      win_shell: New-AzureQuickVM -Windows -ServiceName "web4" {_VM}
      args:
        executable: cmd
    - name: never
      win_shell: New-AzureQuickVM -Windows -ServiceName "web5" {_VM}
      when: false
"""


def _found(tmp_path, monkeypatch) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {"site.yml": PLAYBOOK}, "MIG105", "MIG601", dedent=False)
    return [
        f"{f.code} {f.location.line}:{f.location.column} {f.message}" for f in result.findings if f.location
    ]


def test_each_windows_task_s_powershell_creates_what_it_names(tmp_path, monkeypatch) -> None:
    found = [f for f in _found(tmp_path, monkeypatch) if f.startswith("MIG105")]
    assert [f.split(" ", 2)[1] for f in found] == ["6:18", "10:11", "11:11", "13:45"]
    assert "cloud service 'web1'" in found[0]
    assert "cloud service 'web9'" in found[1]  # the play's `svc`
    assert "'<cloud service name, site.yml:11>'" in found[2]  # `other`: a value the play does not state
    assert "cloud service 'web3'" in found[3]


def test_the_playbook_is_said_to_use_the_classic_module(tmp_path, monkeypatch) -> None:
    found = [f for f in _found(tmp_path, monkeypatch) if f.startswith("MIG601")]
    assert len(found) == 1
    assert found[0].startswith(
        "MIG601 6:18 Ansible playbook 'site.yml' uses the classic Azure PowerShell module"
    )


def test_a_task_file_s_windows_task_is_shown_in_the_task_file(tmp_path, monkeypatch) -> None:
    files = {
        "site.yml": "- hosts: jump\n  tasks:\n    - include_tasks: tasks/make.yml\n",
        "tasks/make.yml": f'# made\n\n\n- name: make\n  win_shell: New-AzureQuickVM -Windows -ServiceName "web1" {_VM}\n',
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False)
    assert {(f.location.path, f.location.line, f.location.column) for f in result.findings if f.location} == {
        ("tasks/make.yml", 5, 14)
    }
