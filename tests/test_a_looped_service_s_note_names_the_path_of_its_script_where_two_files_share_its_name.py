"""Two scripts of one name in two folders (`a/deploy.ps1`, `b/deploy.ps1`) that each create a cloud service in
each round of a loop over a list the files do not hold: the note that says the step stands for one service per
item names the script by its path from the folder that holds both (`at a/deploy.ps1:3`), as the plan's other
notes name such a file, where both said `at deploy.ps1:3` and a reader could not tell which loop it meant. Of
VMs' services and of web/worker roles' services alike; a script whose name is its own is named by its name."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.plan import build_plan

SCRIPTS = {
    "vms": """\
$names = Get-Content services.txt
foreach ($name in $names) {
    New-AzureQuickVM -Windows -ServiceName $name -Name web01 -ImageName img -Password p -Location 'West Europe'
}
""",
    "roles": """\
$services = Import-Csv services.csv
foreach ($svc in $services) {
    New-AzureDeployment -ServiceName $svc.Name -Package "$PSScriptRoot\\app.cspkg" `
        -Configuration "$PSScriptRoot\\ServiceConfiguration.Cloud.cscfg" -Slot Production
}
""",
}


def _loop_notes(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    plan = build_plan(lint_files(tmp_path, monkeypatch, files, dedent=False))
    return sorted(n for step in plan.steps for n in step.notes if n.startswith("One step for each"))


@pytest.mark.parametrize("kind", SCRIPTS)
def test_each_note_names_its_script_s_path(tmp_path, monkeypatch, kind):
    notes = _loop_notes(tmp_path, monkeypatch, {"a/deploy.ps1": SCRIPTS[kind], "b/deploy.ps1": SCRIPTS[kind]})
    assert len(notes) == 2
    assert "(at a/deploy.ps1:" in notes[0]
    assert "(at b/deploy.ps1:" in notes[1]


@pytest.mark.parametrize("kind", SCRIPTS)
def test_a_script_of_its_own_name_is_named_by_its_name(tmp_path, monkeypatch, kind):
    notes = _loop_notes(tmp_path, monkeypatch, {"a/deploy.ps1": SCRIPTS[kind], "b/other.ps1": SCRIPTS[kind]})
    assert len(notes) == 2
    assert "(at deploy.ps1:" in notes[0]
    assert "(at other.ps1:" in notes[1]
