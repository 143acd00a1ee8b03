"""A folder holding nothing classic is warned about with the kinds of file migcheck reads, each of them: a
Terraform configuration of another provider (IBM Cloud's "classic" VMs) is read and holds nothing classic,
and the warning must not read as if .tf files were never looked at, nor leave out CI pipelines, publish
profiles and deployment templates, which are read too."""

from __future__ import annotations

from migcheck.cli import main

TERRAFORM = """\
resource "ibm_compute_vm_instance" "bulk" {
  os_reference_code = "CENTOS_7_64"
  datacenter        = "dal09"
}
"""


def test_the_warning_names_terraform_pipelines_and_publish_profiles(tmp_path, monkeypatch, capsys):
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "main.tf").write_text(TERRAFORM, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "infra"])
    err = capsys.readouterr().err
    assert code == 0
    assert "no classic Azure files under infra" in err
    for kind in (
        "Terraform configurations (.tf, .tf.json) of the classic azure provider",
        "build pipelines (azure-pipelines.yml, GitHub workflows, .gitlab-ci.yml and the like) whose steps run",
        "Visual Studio publish profiles (.azurePubxml) of cloud service projects",
        "deployment templates (ARM .json, .bicep) that declare classic resources or resources that depend on them",
    ):
        assert kind in err
