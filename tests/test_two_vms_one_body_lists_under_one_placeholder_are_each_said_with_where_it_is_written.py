"""A REST deployment body that lists two roles named by one placeholder (`[VM NAME]`) describes two VMs, each
filled in on its own. The plan's step says each with where it is written (`'[VM NAME]' (rest.xml:5)`), in what
it moves and in its first note, and its commands look each up by the placeholder with a comment saying which
one it is (`# VM '[VM NAME]' of rest.xml:5: ...`), where the step read `VMs [VM NAME], [VM NAME]` and gave two
identical commands, one name said twice; its computer-name line speaks of its VMs, not of one VM. One VM of a
placeholder is said as before, without its place."""

from __future__ import annotations

import json

from lint_support import lint_files, run_cli

BODY = """\
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>dep</Name>
  <DeploymentSlot>Production</DeploymentSlot>
  <RoleList>
{roles}
  </RoleList>
</Deployment>
"""
ROLE = "    <Role><RoleName>{name}</RoleName><RoleType>PersistentVMRole</RoleType><RoleSize>Small</RoleSize></Role>"


def _step(tmp_path, monkeypatch, capsys, *names: str) -> dict:
    roles = "\n".join(ROLE.format(name=name) for name in names)
    lint_files(tmp_path, monkeypatch, {"rest.xml": BODY.format(roles=roles)}, dedent=False)
    (subscription,) = json.loads(run_cli(capsys, "plan", ".", "--format", "json")[1])["subscriptions"]
    (step,) = [s for s in subscription["steps"] if s["kind"] == "service"]
    return step


def test_each_vm_of_the_placeholder_is_said_with_its_line(tmp_path, monkeypatch, capsys):
    step = _step(tmp_path, monkeypatch, capsys, "[VM NAME]", "[VM NAME]")
    assert step["moves"][0].endswith(": VMs '[VM NAME]' (rest.xml:5), '[VM NAME]' (rest.xml:6)")
    (fill_in,) = [note for note in step["notes"] if "named by a placeholder" in note]
    assert fill_in.startswith(
        "Fill in first: VMs '[VM NAME]' (rest.xml:5), '[VM NAME]' (rest.xml:6) in this step"
    )
    assert next(line for line in step["becomes"] if "computer name" in line).startswith(
        "no computer name in Resource Manager for its VMs"
    )


def test_each_command_says_which_vm_it_looks_up(tmp_path, monkeypatch, capsys):
    step = _step(tmp_path, monkeypatch, capsys, "[VM NAME]", "[VM NAME]")
    assert [line for line in step["commands"]["cli"]["check"] if line.startswith("azure vm show")] == [
        "azure vm show '[VM NAME]' -vv  # VM '[VM NAME]' of rest.xml:5: put its name in place of '[VM NAME]'",
        "azure vm show '[VM NAME]' -vv  # VM '[VM NAME]' of rest.xml:6: put its name in place of '[VM NAME]'",
    ]
    checks = [line for line in step["commands"]["powershell"]["check"] if "-Name '[VM NAME]'" in line]
    assert [line.split("  # ")[1].split(":")[0] for line in checks] == [
        "VM '[VM NAME]' of rest.xml",
        "VM '[VM NAME]' of rest.xml",
    ]
    assert len(set(checks)) == 2


def test_one_vm_of_a_placeholder_is_said_as_before(tmp_path, monkeypatch, capsys):
    step = _step(tmp_path, monkeypatch, capsys, "[VM NAME]", "web1")
    assert step["moves"][0].endswith(": VMs [VM NAME], web1")
    assert "azure vm show '[VM NAME]' -vv" in step["commands"]["cli"]["check"]
