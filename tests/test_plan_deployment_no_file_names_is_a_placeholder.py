"""A deployment no file names (Export-AzureVM files with no disk list stating theirs) is named after its
folder by the estate: the plan's commands give a placeholder to fill in instead (`<deployment name>`), and
a note says how to find the name, as for other names the files do not state."""

from __future__ import annotations

from lint_support import lint_files
from test_estate_folder_named_service_is_the_stated_one import _exported_vm
from test_estate_folder_s_deployment_is_the_one_its_disks_state import CONFIGURATION, _disks

from migcheck.plan import StepKind, build_plan


def _service_step(tmp_path, monkeypatch, files):
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    [step] = [s for s in build_plan(result).steps if s.kind is StepKind.SERVICE]
    return step


def test_the_commands_give_a_placeholder_for_a_deployment_no_file_names(tmp_path, monkeypatch):
    step = _service_step(
        tmp_path,
        monkeypatch,
        {"svc1/vm1.xml": _exported_vm("vm1"), "svc1/ServiceConfiguration.cscfg": CONFIGURATION},
    )
    commands = [*step.powershell.validate, *step.powershell.prepare, *step.powershell.commit]
    commands += [*step.cli.validate, *step.cli.commit]
    commands = [c for c in commands if not c.startswith("# go on")]  # what Validate's messages must not say
    assert all(
        "'svc1' '<deployment name>'" in c or "-DeploymentName '<deployment name>'" in c for c in commands
    )
    assert not any("-DeploymentName 'svc1'" in c or "'svc1' 'svc1'" in c for c in commands)
    assert step.moves[0].startswith(
        "cloud service 'svc1', deployment 'svc1' (a stand-in: the files do not name the deployment): VMs vm1"
    )
    assert step.notes[0] == (
        "The files do not name this deployment ('svc1' stands for it here): fill in its name for "
        "'<deployment name>' in the commands. Get-AzureDeployment -ServiceName 'svc1' -Slot Production gives it "
        "(DeploymentName; -Slot Staging for a staging deployment)."
    )


def test_a_deployment_a_disk_list_names_is_named_in_the_commands(tmp_path, monkeypatch):
    step = _service_step(
        tmp_path,
        monkeypatch,
        {
            "svc1/vm1.xml": _exported_vm("vm1"),
            "svc1/ServiceConfiguration.cscfg": CONFIGURATION,
            "disks.xml": _disks(("svc1", "d1", "vm1", "vm1-os")),
        },
    )
    assert "-ServiceName 'svc1' -DeploymentName 'd1'" in step.powershell.prepare[0]
    assert "stand-in" not in step.moves[0]
    assert not any("<deployment name>" in str(note) for note in step.notes)
