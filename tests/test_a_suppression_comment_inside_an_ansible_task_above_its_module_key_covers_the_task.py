"""A suppression comment inside a task, after its `name:` and above the key that runs the command
(`shell:`, the classic module's `azure:`), covered nothing: MIG006 said no statement follows it, though the
task's command is on the next line. A comment inside a task's mapping, before any key of it, covers that
task, as one before its `- name:` does; one past the last task still applies to nothing. A comment of the
task's script (`shell: |`) covers the command after it, as in a shell script."""

from __future__ import annotations

from lint_support import lint_files, where

ABOVE_THE_COMMAND = """\
- hosts: localhost
  tasks:
    - name: asm mode
      command: azure config mode asm
    - name: create vm
      # migcheck: ignore[MIG202] legacy, the second subnet goes before Prepare
      shell: azure vm create ansvc img admin 'P@ss' --vm-name an1 --virtual-network-name contoso-prod-vnet --subnet-names FrontEnd,BackEnd --location "West Europe"
    - name: create vm2
      shell: azure vm create ansvc2 img admin 'P@ss' --vm-name an2 --virtual-network-name contoso-prod-vnet --subnet-names FrontEnd,BackEnd --location "West Europe"
"""


def test_a_comment_above_the_shell_key_holds_back_that_task_s_finding_only(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"site.yml": ABOVE_THE_COMMAND}, "MIG202", "MIG005", "MIG006")
    assert where(result.findings) == ["MIG202 site.yml:9:133"]
    assert [(s.finding.code, s.finding.mark.line) for s in result.suppressed] == [("MIG202", 7)]


def test_a_comment_between_the_task_s_keys_after_its_command_covers_the_task(tmp_path, monkeypatch):
    playbook = """\
    - hosts: localhost
      tasks:
        - name: web vm
          shell: azure vm create shop img u p -n web1 -l 'North Europe'
          # migcheck: ignore[MIG105] one VM, downtime agreed
          when: true
    """
    result = lint_files(tmp_path, monkeypatch, {"site.yml": playbook}, "MIG105", "MIG006")
    assert where(result.findings) == []
    assert [s.finding.code for s in result.suppressed] == ["MIG105"]


def test_a_comment_above_the_classic_module_s_key_covers_its_vm(tmp_path, monkeypatch):
    playbook = """\
    - hosts: localhost
      tasks:
        - name: web vm
          # migcheck: ignore[MIG105] one VM, downtime agreed
          azure:
            name: web1
            image: img
            location: North Europe
    """
    result = lint_files(tmp_path, monkeypatch, {"site.yml": playbook}, "MIG105", "MIG006")
    assert where(result.findings) == []
    assert [s.finding.code for s in result.suppressed] == ["MIG105"]


def test_a_comment_after_the_last_task_still_applies_to_nothing(tmp_path, monkeypatch):
    playbook = """\
    - hosts: localhost
      tasks:
        - name: web vm
          shell: azure vm create shop img u p -n web1 -l 'North Europe'
    # migcheck: ignore[MIG105] one VM, downtime agreed
    """
    result = lint_files(tmp_path, monkeypatch, {"site.yml": playbook}, "MIG105", "MIG006")
    assert sorted(f.code for f in result.findings) == ["MIG006", "MIG105"]


def test_a_comment_inside_a_task_s_script_covers_the_command_after_it_only(tmp_path, monkeypatch):
    playbook = """\
    - hosts: localhost
      tasks:
        - name: web vms
          shell: |
            azure vm create shop1 img u p -n web1 -l "North Europe"
            # migcheck: ignore[MIG105] one VM, downtime agreed
            azure vm create shop2 img u p -n web2 \\
              -l "North Europe"
            azure vm create shop3 img u p -n web3 -l "North Europe"
    """
    result = lint_files(tmp_path, monkeypatch, {"site.yml": playbook}, "MIG105", "MIG006")
    assert where(result.findings) == ["MIG105 site.yml:5:9", "MIG105 site.yml:9:9"]
    assert [(s.finding.code, s.finding.mark.line) for s in result.suppressed] == [("MIG105", 7)]
