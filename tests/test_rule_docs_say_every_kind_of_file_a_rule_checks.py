"""A rule's docs say what it finds in every kind of file its "checks:" line names: `migcheck rule MIG202`
listed powershell, python, shell and inventory while its "What it finds" spoke of REST bodies, Export-AzureVM
files and .cscfg alone, and `migcheck rules` summed MIG001 up as XML though it reports scripts, exports,
binary and empty files too."""

from __future__ import annotations

from lint_support import RULES, run_cli


def _docs(capsys, code: str) -> str:
    _, out, _ = run_cli(capsys, "rule", code)
    return out


def test_mig202_says_what_it_finds_in_scripts_and_exports(capsys):
    out = _docs(capsys, "MIG202")
    assert "checks: cscfg, inventory, powershell, python, rest, shell, vmexport" in out
    what = out.split("### What it finds", 1)[1].split("###", 1)[0]
    for named in (
        "Set-AzureSubnet",
        "Add-AzureNetworkInterfaceConfig",
        "azure vm create",
        "subnet_names",
        "export",
    ):
        assert named in what, named


def test_mig001_s_summary_names_every_kind_of_file_it_reports(capsys):
    rule = RULES.get("MIG001")
    assert rule is not None
    summary = rule.summary
    for kind in ("XML", "script", "JSON", "binary", "empty"):
        assert kind in summary, kind
    what = _docs(capsys, "MIG001").split("### What it finds", 1)[1].split("###", 1)[0]
    for named in ("PowerShell script", "Python script", "shell script", "binary data", "inventory export"):
        assert named in what, named


def test_mig303_says_what_it_finds_in_scripts(capsys):
    what = _docs(capsys, "MIG303").split("### What it finds", 1)[1].split("###", 1)[0]
    assert "azure network vnet create -a" in what
    assert "Set-AzureVNetConfig" in what
