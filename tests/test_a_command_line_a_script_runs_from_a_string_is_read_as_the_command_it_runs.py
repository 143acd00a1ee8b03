"""A command line a script builds as a string and runs, PowerShell's `Invoke-Expression` (`iex`, the string given
by position, by `-Command` or piped) and bash's `printf -v cmd ...; eval "$cmd"`, is read as the command it runs,
parsed as the shell parses it, where the string's value is known (written out, or built from values the script
states), and shown where it is run; where nothing was read. PowerShell's `Invoke-Expression` of a string the
script does not state is a part not read, which each report says with why."""

from __future__ import annotations

import pytest
from lint_support import lint_files, script_resources, where

from migcheck.model import UNSTATED_COMMAND_LINE, Script

TWO_SUBNETS = "azure vm create contoso-iex img ops Passw0rd! -w ProdVNet -b web,data"


@pytest.mark.parametrize(
    ("script", "column"),
    [
        (f'Invoke-Expression "{TWO_SUBNETS}"\n', 1),
        (f"iex '{TWO_SUBNETS}'\n", 1),
        (f'Invoke-Expression -Command "{TWO_SUBNETS}"\n', 1),
        (
            f'"{TWO_SUBNETS}" | Invoke-Expression\n',
            len(TWO_SUBNETS) + 6,
        ),  # the command the string is piped to
        (
            '$svc = "contoso-iex"\n'
            'Invoke-Expression ("azure vm create {0} img ops Passw0rd! -w ProdVNet -b {1}" -f $svc, "web,data")\n',
            1,
        ),
        (
            '$svc = "contoso-iex"\n$cmd = "azure vm create $svc img ops Passw0rd! -w ProdVNet -b web,data"\niex $cmd\n',
            1,
        ),
    ],
)
def test_a_powershell_string_invoke_expression_runs_is_read_as_its_command(
    tmp_path, monkeypatch, script, column
) -> None:
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG202", "MIG601")
    run_at = f"deploy.ps1:{script.count(chr(10))}:{column}"  # the last line runs the string
    assert sorted(where(result.findings)) == [f"MIG202 {run_at}", f"MIG601 {run_at}"]
    [vm_finding] = [f for f in result.findings if f.code == "MIG202"]
    assert "VM 'contoso-iex'" in vm_finding.message


def test_a_classic_cmdlet_invoke_expression_runs_is_one_of_the_script_s_calls(tmp_path, monkeypatch) -> None:
    script = '$name = "shop"\nInvoke-Expression "New-AzureService -ServiceName $name -Location West Europe"\n'
    [finding] = lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG601").findings
    assert where([finding]) == ["MIG601 deploy.ps1:2:1"]
    assert "(New-AzureService) fail today" in finding.message


def test_a_string_the_script_does_not_state_is_a_part_not_read(tmp_path, monkeypatch) -> None:
    script = (
        'New-AzureService -ServiceName "shop" -Location "West Europe"\n$cmd = Get-Content cmd.txt\niex $cmd\n'
    )
    [script_read] = [r for r in script_resources(script, "deploy.ps1") if isinstance(r, Script)]
    assert [(m.line, m.column, m.tag) for m in script_read.unread] == [(3, 1, UNSTATED_COMMAND_LINE)]


def test_a_string_naming_a_classic_cmdlet_with_a_value_not_stated_keeps_the_script(
    tmp_path, monkeypatch
) -> None:
    script = 'param($name)\nInvoke-Expression "New-AzureService -ServiceName $name -Location West"\n'
    [script_read] = [r for r in script_resources(script, "deploy.ps1") if isinstance(r, Script)]
    assert [(m.line, m.tag) for m in script_read.unread] == [(2, UNSTATED_COMMAND_LINE)]


@pytest.mark.parametrize(
    ("script", "vm"),
    [
        (
            'printf -v cmd "azure vm create %s img ops Passw0rd! -w ProdVNet -b %s\\n" contoso-pf web,data\n'
            'eval "$cmd"\n',
            "VM 'contoso-pf'",
        ),
        (
            'svc=$1\nprintf -v cmd "azure vm create %s img ops Passw0rd! -w ProdVNet -b %s" "$svc" web,data\n'
            "eval $cmd\n",
            "VM '<DNS name, deploy.sh:",
        ),
    ],
)
def test_a_bash_command_line_printf_builds_is_what_eval_runs(tmp_path, monkeypatch, script, vm) -> None:
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": "#!/bin/bash\n" + script}, "MIG202")
    [finding] = result.findings
    assert where([finding]) == [f"MIG202 deploy.sh:{script.count(chr(10)) + 1}:1"]
    assert vm in finding.message


def test_a_printf_format_not_followed_sets_a_value_not_stated(tmp_path, monkeypatch) -> None:
    script = '#!/bin/bash\nprintf -v cmd "azure vm create %x img ops Passw0rd! -w ProdVNet -b %s" 10 web,data\neval "$cmd"\n'
    assert lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG202").findings == []


def test_a_bash_eval_of_a_string_the_script_does_not_state_is_a_part_not_read() -> None:
    script = '#!/bin/bash\nazure service create shop\neval "$(cat steps.txt)"\neval "$1"\n'
    [script_read] = [r for r in script_resources(script, "deploy.sh") if isinstance(r, Script)]
    assert [(m.line, m.column, m.tag) for m in script_read.unread] == [
        (3, 1, UNSTATED_COMMAND_LINE),
        (4, 1, UNSTATED_COMMAND_LINE),
    ]


@pytest.mark.parametrize(
    "settings",
    [
        'eval "$(ssh-agent -s)"',
        "eval $(ssh-agent)",
        "eval `docker-machine env build`",
        'eval "$(/usr/bin/ssh-agent -s)"',
    ],
)
def test_a_bash_eval_of_the_settings_a_tool_prints_is_read_as_running_no_classic_command(settings) -> None:
    # What ssh-agent prints sets SSH_AUTH_SOCK and SSH_AGENT_PID: nothing of it is left unread.
    script = f"#!/bin/bash\n{settings}\nazure service create shop\n"
    [script_read] = [r for r in script_resources(script, "deploy.sh") if isinstance(r, Script)]
    assert script_read.unread == ()
    assert [call.name for call in script_read.calls] == ["azure service create"]


def test_a_bash_eval_of_a_tool_s_output_with_a_command_line_in_it_is_still_a_part_not_read() -> None:
    script = '#!/bin/bash\nazure service create shop\neval "$(ssh-agent -s)" "$1"\neval "$(cat cmds | ssh-agent)"\n'
    [script_read] = [r for r in script_resources(script, "deploy.sh") if isinstance(r, Script)]
    assert [(m.line, m.tag) for m in script_read.unread] == [
        (3, UNSTATED_COMMAND_LINE),
        (4, UNSTATED_COMMAND_LINE),
    ]
