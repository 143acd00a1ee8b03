"""An XML extension (MIG204) or Azure Backup's snapshot extension (MIG206) that the classic CLI sets on a VM
(`azure vm extension set <vm> <name> <publisher> <version>`, from a shell script, an Ansible playbook or a
Python script that runs it) is uninstalled in the fix with the same CLI (`-u`), where the fix gave only
PowerShell's Set-AzureVMExtension to a team whose automation is bash. One PowerShell sets keeps its
PowerShell fix."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from lint_support import lint_files

CREATE = "azure vm create app-svc img ops P@ss -n app01"
DEBUGGER = "azure vm extension set app01 VS2015Debugger Microsoft.VisualStudio.Azure.RemoteDebug 1.0"
SNAPSHOT = "azure vm extension set app01 VMSnapshot Microsoft.Azure.RecoveryServices 1.0"


def _script(kind: str, commands: list[str]) -> tuple[str, str]:
    lines = ["azure config mode asm", *commands]
    if kind == "sh":
        return "vm.sh", "#!/bin/sh\n" + "\n".join(lines) + "\n"
    if kind == "yml":
        return "site.yml", "- hosts: localhost\n  tasks:\n" + "".join(f"    - command: {x}\n" for x in lines)
    calls = "".join(f"subprocess.check_call({shlex.split(line)!r})\n" for line in lines)
    return "vm.py", "import subprocess\n" + calls


def _fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], code: str) -> str:
    (finding,) = lint_files(tmp_path, monkeypatch, files, code, dedent=False).findings
    return finding.fix


@pytest.mark.parametrize("kind", ["sh", "yml", "py"])
@pytest.mark.parametrize(
    ("command", "code", "uninstall"),
    [
        (
            DEBUGGER,
            "MIG204",
            "azure vm extension set '<VM>' VS2015Debugger Microsoft.VisualStudio.Azure.RemoteDebug 1.0 -u",
        ),
        (
            SNAPSHOT,
            "MIG206",
            "azure vm extension set '<VM>' VMSnapshot Microsoft.Azure.RecoveryServices 1.0 -u",
        ),
    ],
    ids=["xml", "backup"],
)
def test_the_fix_uninstalls_it_with_the_classic_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, command: str, code: str, uninstall: str
) -> None:
    name, text = _script(kind, [CREATE, command])
    fix = _fix(tmp_path, monkeypatch, {name: text}, code)
    assert uninstall in fix
    assert "Set-AzureVMExtension" not in fix


def test_bginfo_1_set_by_the_classic_cli_is_uninstalled_with_it(tmp_path, monkeypatch) -> None:
    name, text = _script(
        "sh", [CREATE, "azure vm extension set app01 BGInfo Microsoft.Compute 1.* -d app-svc"]
    )
    fix = _fix(tmp_path, monkeypatch, {name: text}, "MIG204")
    assert "(azure vm extension set '<VM>' BGInfo Microsoft.Compute '1.*' -u -d '<cloud service>')" in fix


def test_an_extension_powershell_sets_keeps_the_powershell_fix(tmp_path, monkeypatch) -> None:
    script = (
        "Get-AzureVM -ServiceName app-svc -Name app01 | Set-AzureVMExtension -ExtensionName VS2015Debugger "
        "-Publisher Microsoft.VisualStudio.Azure.RemoteDebug -Version 1.0 | Update-AzureVM\n"
    )
    fix = _fix(tmp_path, monkeypatch, {"vm.ps1": script}, "MIG204")
    assert "Set-AzureVMExtension -ExtensionName VS2015Debugger" in fix
    assert "azure vm extension set" not in fix
