"""A Terraform `local-exec` provisioner that runs a script file of the repository (`command = "./deploy.sh"`,
or `interpreter = ["bash"]` and the script's path) has its classic CLI calls reported by MIG601 in the script,
at its first classic call, in the words of a shell script's, with the configuration that runs it named, where
they were said at the configuration's first line (1:1) without the script. A command the provisioner writes
inline is still the configuration's, said at that command, as are the classic resources it declares."""

from __future__ import annotations

from lint_support import lint_files, where

BY_PATH = """\
resource "null_resource" "vm" {
  provisioner "local-exec" {
    command = "./deploy.sh"
  }
}
"""
BY_INTERPRETER = """\
resource "null_resource" "net" {
  provisioner "local-exec" {
    interpreter = ["bash"]
    command     = "scripts/net.sh"
  }
}
"""
INLINE = """\
resource "null_resource" "ip" {
  provisioner "local-exec" {
    command = "azure network reserved-ip create shop-ip westus"
  }
}
"""
DEPLOY = "#!/bin/bash\nazure vm create shop img u p --vm-name web1\n"
NET = "echo making the network\nazure network vnet create corpnet -l westus\n"


def _mig601(tmp_path, monkeypatch, files: dict[str, str]) -> list:
    return sorted(
        (f for f in lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False).findings),
        key=lambda f: f.location.path,
    )


def test_each_script_a_provisioner_runs_is_reported_in_the_script(tmp_path, monkeypatch):
    files = {
        "infra/main.tf": BY_PATH + BY_INTERPRETER,
        "infra/deploy.sh": DEPLOY,
        "infra/scripts/net.sh": NET,
    }
    found = _mig601(tmp_path, monkeypatch, files)
    assert where(found) == ["MIG601 infra/deploy.sh:2:1", "MIG601 infra/scripts/net.sh:2:1"]
    assert found[0].message.startswith(
        "Shell script 'deploy.sh' uses the classic Azure CLI in asm mode (azure vm create)"
    )
    for finding in found:
        assert finding.message.endswith(
            "`terraform apply` runs it, from a local-exec provisioner of Terraform configuration 'main.tf'"
        )


def test_an_inline_command_stays_the_configuration_s(tmp_path, monkeypatch):
    files = {"infra/main.tf": BY_PATH + INLINE, "infra/deploy.sh": DEPLOY}
    found = _mig601(tmp_path, monkeypatch, files)
    assert where(found) == ["MIG601 infra/deploy.sh:2:1", "MIG601 infra/main.tf:8:16"]
    assert "(azure network reserved-ip create)" in found[1].message
    assert "azure vm create" not in found[1].message
