"""The Azure CLI's commands that put a Resource Manager resource on a classic one, run from a GitHub Actions
step or an Ansible `shell:` task as from a shell script: an HDInsight cluster in a classic subnet (MIG315), a
role assignment (MIG501), a metric alert (MIG502) and an autoscale setting (MIG503) on classic ids, each found
at the id the step or task writes (no test pinned these cells but the CI step's role assignment)."""

from __future__ import annotations

import textwrap

import pytest
from lint_support import lint_files

SUB = "/subscriptions/00000000-0000-0000-0000-000000000000"
VNET = f"{SUB}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1"
VM = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/web01"
ROLE = f"{SUB}/resourceGroups/shop/providers/Microsoft.ClassicCompute/domainNames/shop/slots/Production/roles/Web"

COMMANDS = [
    (
        f"az hdinsight create -n shop-hdi -g hdi-rg -t hadoop -p $PASSWORD --storage-account hdistore "
        f"--vnet-name {VNET} --subnet {VNET}/subnets/hdi",
        "MIG315",
        "HDInsight cluster 'shop-hdi' is in classic virtual network 'vnet1', subnet 'hdi'",
        VNET,
    ),
    (
        f'az role assignment create --assignee ops@contoso.com --role "Virtual Machine Contributor" --scope {VM}',
        "MIG501",
        "role 'Virtual Machine Contributor' is assigned to principal ops@contoso.com on classic VM 'web01'",
        VM,
    ),
    (
        f'az monitor metrics alert create -n web01-cpu -g mon-rg --scopes {VM} --condition "avg Percentage CPU > 80"',
        "MIG502",
        "metric alert 'web01-cpu' watches classic VM 'web01'",
        VM,
    ),
    (
        f"az monitor autoscale create -g mon-rg --resource {ROLE} --name web-scale --min-count 2 --max-count 6 "
        "--count 2",
        "MIG503",
        "autoscale setting 'web-scale' scales classic role 'Web' of cloud service 'shop'",
        ROLE,
    ),
]


def _workflow(command: str) -> tuple[str, str]:
    text = (
        "name: ops\non: workflow_dispatch\njobs:\n  ops:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - name: classic ids\n        run: |\n" + textwrap.indent(command + "\n", " " * 10)
    )
    return ".github/workflows/ops.yml", text


def _playbook(command: str) -> tuple[str, str]:
    text = (
        "- hosts: localhost\n  connection: local\n  tasks:\n    - name: classic ids\n      shell: |\n"
        + textwrap.indent(command + "\n", " " * 8)
    )
    return "site.yml", text


@pytest.mark.parametrize("wrap", [_workflow, _playbook], ids=["github-actions-step", "ansible-shell-task"])
@pytest.mark.parametrize(("command", "code", "message", "at"), COMMANDS, ids=[c[1] for c in COMMANDS])
def test_the_command_in_a_step_or_a_task_is_found_at_the_id(
    tmp_path, monkeypatch, wrap, command, code, message, at
):
    name, text = wrap(command)
    [finding] = lint_files(tmp_path, monkeypatch, {name: text}, code, dedent=False).findings
    assert finding.message.startswith(message)
    line = text.splitlines().index(next(written for written in text.splitlines() if "az " in written)) + 1
    assert finding.location is not None
    assert (finding.location.path, finding.location.line) == (name, line)
    assert text.splitlines()[line - 1][finding.location.column - 1 :].startswith(at)
