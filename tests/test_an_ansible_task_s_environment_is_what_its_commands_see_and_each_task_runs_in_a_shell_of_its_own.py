"""An Ansible play's or task's `environment:` gives its tasks' commands those environment variables
(`environment: SVC: "{{ svc }}"` then `shell: azure service create "$SVC" …`, `$env:SVC` in a PowerShell
script a task runs), where they were values not stated. Each task's command runs in a shell of its own, as
Ansible runs it: a variable one task's line sets or exports, or a task's `environment:`, is gone for the
tasks after it, where it carried over."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import Deployment, ServiceRegion

PLAYBOOK = """\
- hosts: localhost
  environment:
    PLAYSVC: playsvc
  vars:
    svc: tasksvc
  tasks:
    - name: in the task's environment
      shell: azure service create "$SVC" --location 'West US'
      environment:
        SVC: "{{ svc }}"
    - name: in the play's environment
      shell: azure service create "$PLAYSVC" --location 'West US'
    - name: a script the task runs
      shell: pwsh -File ./y.ps1
      environment:
        SVC: scriptsvc
    - name: sets a variable for no other task
      shell: export LEAK=leak
    - name: sees neither that nor another task's environment
      shell: azure service create "leak$LEAK$SVC" --location 'West US'
"""
Y_PS1 = (
    '$vm = New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName "img"\n'
    'New-AzureVM -ServiceName $env:SVC -VMs $vm -Location "West Europe"\n'
)


def test_each_service_is_named_by_the_environment_its_task_runs_in(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"site.yml": PLAYBOOK, "y.ps1": Y_PS1}, dedent=False)
    regions = sorted(r.service for d in result.documents for r in d.resources if isinstance(r, ServiceRegion))
    assert [name for name in regions if not name.startswith("<")] == ["playsvc", "scriptsvc", "tasksvc"]
    deployments = [r.service_name for d in result.documents for r in d.resources if isinstance(r, Deployment)]
    assert deployments == ["scriptsvc"]
