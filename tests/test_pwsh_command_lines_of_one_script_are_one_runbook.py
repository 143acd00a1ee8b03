"""The PowerShell commands one shell script, CI job or Ansible playbook runs inline, one `pwsh -Command` line
(or `win_shell:` task) per migration step, are read as one runbook, in the order they run, each on the branches
of the script's choices it runs on: a Commit before the Prepare is out of order (MIG602), a change between the
Prepare and the Commit is a change while prepared, and a Commit and an Abort on the two arms of an `if` are
the two ways out of one Prepare. Before, each line was a script of its own, taken as one stage of a runbook
split in several files, and nothing was said; and each line that used a classic cmdlet was its own MIG601."""

from __future__ import annotations

from growth import assert_linear
from lint_support import lint_files, where

OUT_OF_ORDER = """\
#!/bin/bash
pwsh -Command "Move-AzureVirtualNetwork -Validate -VirtualNetworkName prod-vnet"
pwsh -Command "Move-AzureVirtualNetwork -Commit -VirtualNetworkName prod-vnet"
pwsh -Command "Move-AzureVirtualNetwork -Prepare -VirtualNetworkName prod-vnet"
"""
CHANGED_WHILE_PREPARED = """\
#!/bin/bash
pwsh -Command "Move-AzureVirtualNetwork -Validate -VirtualNetworkName prod-vnet"
pwsh -Command "Move-AzureVirtualNetwork -Prepare -VirtualNetworkName prod-vnet"
pwsh -Command "Set-AzureVNetConfig -ConfigurationPath ./net.xml"
pwsh -Command "Move-AzureVirtualNetwork -Commit -VirtualNetworkName prod-vnet"
"""
TWO_WAYS_OUT = """\
#!/bin/bash
pwsh -Command "Move-AzureVirtualNetwork -Validate -VirtualNetworkName prod-vnet"
pwsh -Command "Move-AzureVirtualNetwork -Prepare -VirtualNetworkName prod-vnet"
if [ "$1" = commit ]; then
  pwsh -Command "Move-AzureVirtualNetwork -Commit -VirtualNetworkName prod-vnet"
else
  pwsh -Command "Move-AzureVirtualNetwork -Abort -VirtualNetworkName prod-vnet"
fi
pwsh -Command "Set-AzureVNetConfig -ConfigurationPath ./net.xml"
pwsh -Command "Move-AzureService -Validate -ServiceName jump -DeploymentName jump -CreateNewVirtualNetwork"
case "$2" in
  new) pwsh -Command "Move-AzureService -Prepare -ServiceName jump -DeploymentName jump -CreateNewVirtualNetwork" ;;
  *) pwsh -Command "Move-AzureService -Prepare -ServiceName jump -DeploymentName jump -CreateNewVirtualNetwork" ;;
esac
"""
NEVER = """\
#!/bin/bash
if false; then
  pwsh -Command "Move-AzureVirtualNetwork -Commit -VirtualNetworkName prod-vnet"
fi
pwsh -Command "Move-AzureVirtualNetwork -Validate -VirtualNetworkName prod-vnet"
pwsh -Command "Move-AzureVirtualNetwork -Prepare -VirtualNetworkName prod-vnet"
pwsh -Command "Move-AzureVirtualNetwork -Commit -VirtualNetworkName prod-vnet"
"""


def _mig602(tmp_path, monkeypatch, files: dict[str, str]):
    return lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False).findings


def test_a_commit_line_before_the_prepare_line_is_out_of_order(tmp_path, monkeypatch) -> None:
    found = _mig602(tmp_path, monkeypatch, {"m.sh": OUT_OF_ORDER})
    assert where(found) == ["MIG602 m.sh:3:16"]
    assert "Commit comes before any Prepare of virtual network 'prod-vnet'" in found[0].message
    assert "run by the call" not in found[0].message


def test_a_change_line_between_the_prepare_and_commit_lines_is_refused(tmp_path, monkeypatch) -> None:
    found = _mig602(tmp_path, monkeypatch, {"m.sh": CHANGED_WHILE_PREPARED})
    assert where(found) == ["MIG602 m.sh:4:16"]
    assert "Set-AzureVNetConfig changes the network configuration of the subscription" in found[0].message


def test_lines_on_the_arms_of_a_choice_never_run_together(tmp_path, monkeypatch) -> None:
    assert _mig602(tmp_path, monkeypatch, {"m.sh": TWO_WAYS_OUT}) == []


def test_a_line_that_never_runs_ends_nothing(tmp_path, monkeypatch) -> None:
    assert _mig602(tmp_path, monkeypatch, {"m.sh": NEVER}) == []


def test_a_ci_job_s_pwsh_lines_are_one_runbook(tmp_path, monkeypatch) -> None:
    lines = OUT_OF_ORDER.splitlines()[1:]
    workflow = "on: push\njobs:\n  migrate:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n"
    workflow += "".join(f"          {line}\n" for line in lines)
    found = _mig602(tmp_path, monkeypatch, {".github/workflows/migrate.yml": workflow})
    assert where(found) == ["MIG602 .github/workflows/migrate.yml:8:26"]


def test_an_ansible_playbook_s_windows_tasks_are_one_runbook(tmp_path, monkeypatch) -> None:
    steps = ("Validate", "Commit", "Prepare")
    playbook = "- hosts: jump\n  tasks:\n" + "".join(
        f"    - win_shell: Move-AzureVirtualNetwork -{step} -VirtualNetworkName prod-vnet\n" for step in steps
    )
    found = _mig602(tmp_path, monkeypatch, {"site.yml": playbook})
    assert where(found) == ["MIG602 site.yml:4:18"]


def test_the_script_s_classic_cmdlets_are_said_once(tmp_path, monkeypatch) -> None:
    script = "".join(
        f'pwsh -Command "New-AzureService -ServiceName {name} -Location westus"\n'
        for name in ("web1", "web2")
    )
    found = lint_files(tmp_path, monkeypatch, {"m.sh": script}, "MIG601", dedent=False).findings
    assert where(found) == ["MIG601 m.sh:1:16"]


def test_a_script_of_many_pwsh_lines_costs_time_linear_in_their_number(tmp_path, monkeypatch) -> None:
    def make(lines: int):
        folder = tmp_path / str(lines)
        script = "#!/bin/bash\n" + "".join(
            f'if [ "$1" = "{n}" ]; then\n  pwsh -Command "New-AzureService -ServiceName web{n} -Location westus"\nfi\n'
            for n in range(lines)
        )
        return lambda: lint_files(folder, monkeypatch, {"m.sh": script}, "MIG601", dedent=False)

    assert_linear(make, 40)


def test_the_pwsh_lines_of_a_file_the_script_runs_are_shown_in_that_file(tmp_path, monkeypatch) -> None:
    files = {"main.sh": "#!/bin/bash\n\n\n\n\nbash ./step.sh\n", "step.sh": OUT_OF_ORDER}
    assert where(_mig602(tmp_path, monkeypatch, files)) == ["MIG602 step.sh:3:16"]
