"""A rule's docs say what it finds in every kind of file its "checks:" line names: `migcheck rule MIG202`
listed powershell, python, shell and inventory while its "What it finds" spoke of REST bodies, Export-AzureVM
files and .cscfg alone, and `migcheck rules` summed MIG001 up as XML though it reports scripts, exports,
binary and empty files too. A format a rule reads nothing from is not among those it checks: an inventory
export states no network's affinity group (MIG303)."""

from __future__ import annotations

from lint_support import RULES, graph_page, graph_vm, lint_files, run_cli, where


def _docs(capsys, code: str) -> str:
    _, out, _ = run_cli(capsys, "rule", code)
    return out


def test_mig202_says_what_it_finds_in_scripts_and_exports(capsys):
    out = _docs(capsys, "MIG202")
    assert (
        "checks: .cscfg, Service Management REST bodies, Export-AzureVM files, PowerShell scripts, Python scripts, shell scripts, Makefiles, Dockerfiles, CI pipelines, Ansible, Terraform, inventory exports, ARM templates, Bicep"
        in out
    )
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


def _what(capsys, code: str) -> str:
    return _docs(capsys, code).split("### What it finds", 1)[1].split("###", 1)[0]


def test_mig104_checks_exports_and_says_what_it_finds_in_scripts_and_exports(capsys):
    assert (
        "checks: .csdef, .cscfg, Service Management REST bodies, publish profiles (.azurepubxml), Eclipse package.xml, PowerShell scripts, Python scripts, shell scripts, Makefiles, Dockerfiles, CI pipelines, Ansible, Terraform, inventory exports, ARM templates, Bicep\n"
        in _docs(capsys, "MIG104")
    )
    what = _what(capsys, "MIG104")
    for named in ("New-AzureVM -VNetName", "virtual_network_name", "azure vm create", "inventory export"):
        assert named in what, named


def test_a_vm_an_export_places_in_the_network_of_web_roles_is_mig104(tmp_path, monkeypatch):
    rule = RULES.get("MIG104")
    assert rule is not None
    shop = {path: text for path, text in rule.invalid[0].files.items() if path.startswith("shop/")}
    export = {"vms.json": graph_page(graph_vm("sub1", "jump", "jump01"))}
    found = lint_files(tmp_path, monkeypatch, {**shop, **export}, "MIG104").findings
    assert where(found) == ["MIG104 shop/ServiceConfiguration.Cloud.cscfg:4:5"]
    assert "VMs of 'jump'" in found[0].message


def test_mig209_and_mig401_say_what_they_find_in_scripts_and_exports(capsys):
    for code, named in (
        (
            "MIG209",
            ("Set-AzureVMExtension", "ResourceExtensionReference", "azure vm extension set", "extensions"),
        ),
        (
            "MIG401",
            ("Add-AzureDataDisk -MediaLocation", "add_data_disk", "azure vm disk attach-new", "vhdUri"),
        ),
    ):
        what = _what(capsys, code)
        for one in named:
            assert one in what, (code, one)


def test_mig303_does_not_say_it_checks_exports_which_state_no_affinity_group(capsys):
    out = _docs(capsys, "MIG303")
    assert (
        "checks: .netcfg, Service Management REST bodies, PowerShell scripts, Python scripts, shell scripts, Makefiles, Dockerfiles, CI pipelines, Ansible, Terraform\n"
        in out
    )
    assert "never its affinity group" in _what(capsys, "MIG303")


def test_mig305_says_what_it_reads_of_scripts_and_exports(capsys):
    what = _what(capsys, "MIG305")
    for named in (
        "Set-AzureVNetConfig",
        "Set Network Configuration",
        "network vnet local-network add",
        "inventory",
    ):
        assert named in what, named
