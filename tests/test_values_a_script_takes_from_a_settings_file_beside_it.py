"""A script that loads a settings file beside it (`. "$PSScriptRoot\\config.ps1"`) holds the values that
file assigns at its top level from there, as if assigned there: a VM given the subnets a settings file
lists is in each of them (MIG202), and the plan names a cloud service by the name the settings file states,
not by a stand-in. Only values: what the settings file itself creates is its own, checked with it once (no
MIG004 of one VM against itself). A settings file outside the project, reached through a symbolic link, or
not checked, is not read; nor is one a settings file loads in turn."""

from __future__ import annotations

import os

import pytest
from lint_support import PS_DEPLOY, PY_DEPLOY, SH_DEPLOY, lint_files, ps_settings, py_settings, sh_settings

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plan import build_plan
from migcheck.plugins import load_rules


def services(result) -> list[str]:
    """The cloud services the plan moves, as it names them."""
    return [member.label for step in build_plan(result).steps for member in step.members]


def mig202(result) -> list[str]:
    return [f"{f.location.path}:{f.location.line}" for f in result.findings if f.code == "MIG202"]


def test_a_vm_given_two_subnets_a_dot_sourced_settings_file_lists_is_mig202(tmp_path, monkeypatch):
    files = {"deploy.ps1": PS_DEPLOY, "config.ps1": ps_settings("Front", "Back")}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    # Where the second subnet is written.
    assert mig202(result) == ["config.ps1:3"]


def test_one_subnet_in_the_settings_file_is_no_mig202(tmp_path, monkeypatch):
    files = {"deploy.ps1": PS_DEPLOY, "config.ps1": ps_settings("Front")}
    assert mig202(lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)) == []


@pytest.mark.parametrize(
    "load",
    [
        ". .\\config.ps1",
        ". ./config.ps1",
        ". '.\\config.ps1'",
        ". $PSScriptRoot\\config.ps1",
        ". (Join-Path $PSScriptRoot 'config.ps1')",
        ". (Join-Path (Split-Path -Parent $MyInvocation.MyCommand.Path) config.ps1)",
        '. "$PSScriptRoot/config.ps1"',
    ],
)
def test_each_way_of_stating_the_settings_file_s_path_is_read(tmp_path, monkeypatch, load):
    deploy = PS_DEPLOY.replace('. "$PSScriptRoot\\config.ps1"', load)
    files = {"scripts/deploy.ps1": deploy, "scripts/config.ps1": ps_settings("Front", "Back")}
    assert mig202(lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)) == [
        "scripts/config.ps1:3"
    ]


def test_the_plan_names_the_cloud_service_by_the_name_the_settings_file_states(tmp_path, monkeypatch):
    files = {"deploy.ps1": PS_DEPLOY, "config.ps1": ps_settings("Front")}
    assert services(lint_files(tmp_path, monkeypatch, files, dedent=False)) == ["cloud service 'shop-svc'"]


def test_a_settings_file_that_branches_or_reads_the_environment_leaves_those_values_unknown(
    tmp_path, monkeypatch
):
    settings = (
        '$VNet = "hub"\n'
        "$ServiceName = $env:SERVICE_NAME\n"
        'if ($env:WIDE) { $Subnets = @("Front", "Back") } else { $Subnets = @("Front") }\n'
    )
    files = {"deploy.ps1": PS_DEPLOY, "config.ps1": settings}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert mig202(result) == []
    # Not stated: a stand-in, named where config.ps1 takes it from the environment, one for every script
    # that loads it.
    assert services(result) == ["cloud service '<cloud service name, config.ps1:2:1>'"]


def test_a_settings_file_outside_the_project_is_not_read(tmp_path, monkeypatch):
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "config.ps1").write_text(ps_settings("Front", "Back"))
    deploy = PS_DEPLOY.replace('"$PSScriptRoot\\config.ps1"', '"$PSScriptRoot\\..\\shared\\config.ps1"')
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "deploy.ps1").write_text(deploy)
    monkeypatch.chdir(tmp_path / "project")
    # Checked too, named on the command line: still outside the folder the script is checked in.
    result = lint([".", "../shared/config.ps1"], Config(select=("MIG202",)), load_rules(entry_points=False))
    assert mig202(result) == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
@pytest.mark.parametrize("linked", ["file", "folder"])
def test_a_settings_file_reached_through_a_symbolic_link_is_not_read(tmp_path, monkeypatch, linked):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "config.ps1").write_text(ps_settings("Front", "Back"))
    if linked == "file":
        (tmp_path / "config.ps1").symlink_to(tmp_path / "real" / "config.ps1")
        load = '. "$PSScriptRoot\\config.ps1"'
    else:
        (tmp_path / "conf").symlink_to(tmp_path / "real", target_is_directory=True)
        load = '. "$PSScriptRoot\\conf\\config.ps1"'
    files = {"deploy.ps1": PS_DEPLOY.replace('. "$PSScriptRoot\\config.ps1"', load)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    # The real file, checked on its own, describes no VM.
    assert mig202(result) == []


def test_a_settings_file_not_checked_is_not_read(tmp_path, monkeypatch):
    files = {"deploy.ps1": PS_DEPLOY, "config.ps1": ps_settings("Front", "Back")}
    lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    result = lint(["."], Config(select=("MIG202",), exclude=("config.ps1",)), load_rules(entry_points=False))
    assert mig202(result) == []


def test_a_settings_file_another_settings_file_loads_is_not_followed(tmp_path, monkeypatch):
    files = {
        "deploy.ps1": PS_DEPLOY,
        "config.ps1": '. "$PSScriptRoot\\subnets.ps1"\n$VNet = "hub"\n$ServiceName = "shop-svc"\n',
        "subnets.ps1": '$Subnets = @("Front", "Back")\n',
    }
    assert mig202(lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)) == []


def test_a_vm_the_settings_file_creates_is_its_own_and_no_mig004(tmp_path, monkeypatch):
    settings = (
        ps_settings("Front")
        + '$db = New-AzureVMConfig -Name "db1" -InstanceSize Large -ImageName img\n'
        + "$db = $db | Set-AzureSubnet -SubnetNames $Subnets\n"
        + 'New-AzureVM -ServiceName $ServiceName -VMs $db -VNetName $VNet -Location "West Europe"\n'
    )
    files = {"deploy.ps1": PS_DEPLOY, "config.ps1": settings}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert [f for f in result.findings if f.code == "MIG004"] == []
    members = [m for step in build_plan(result).steps for m in step.members]
    assert "db1" in str(members) and "app1" in str(members)


# --- shell: `source ./env.sh`, `. "$(dirname "$0")/vars.sh"` -------------------------------------------


def test_a_vm_given_two_subnets_a_sourced_settings_file_lists_is_mig202(tmp_path, monkeypatch):
    files = {"deploy.sh": SH_DEPLOY, "env.sh": sh_settings("Front,Back")}
    assert mig202(lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)) == ["env.sh:3"]


def test_one_subnet_in_the_sourced_settings_file_is_no_mig202(tmp_path, monkeypatch):
    files = {"deploy.sh": SH_DEPLOY, "env.sh": sh_settings("Front")}
    assert mig202(lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)) == []


@pytest.mark.parametrize(
    "load",
    [
        "source env.sh",
        ". ./env.sh",
        '. "$(dirname "$0")/env.sh"',
        'source "$(dirname "${BASH_SOURCE[0]}")"/env.sh',
    ],
)
def test_each_way_of_stating_the_sourced_file_s_path_is_read(tmp_path, monkeypatch, load):
    files = {
        "scripts/deploy.sh": SH_DEPLOY.replace("source ./env.sh", load),
        "scripts/env.sh": sh_settings("Front,Back"),
    }
    assert mig202(lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)) == ["scripts/env.sh:3"]


def test_the_plan_names_the_cloud_service_the_sourced_settings_file_names(tmp_path, monkeypatch):
    files = {"deploy.sh": SH_DEPLOY, "env.sh": sh_settings("Front")}
    assert services(lint_files(tmp_path, monkeypatch, files, dedent=False)) == ["cloud service 'shop-svc'"]


def test_a_sourced_file_that_branches_or_reads_the_environment_leaves_those_values_unknown(
    tmp_path, monkeypatch
):
    settings = 'VNET=hub\nSERVICE="$DEPLOY_SERVICE"\nif [ -n "$WIDE" ]; then SUBNETS=Front,Back; else SUBNETS=Front; fi\n'
    files = {"deploy.sh": SH_DEPLOY, "env.sh": settings}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert mig202(result) == []
    assert "cloud service name" in str(services(result))


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_a_sourced_file_outside_the_project_or_through_a_link_is_not_read(tmp_path, monkeypatch):
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "env.sh").write_text(sh_settings("Front,Back"))
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "deploy.sh").write_text(SH_DEPLOY.replace("./env.sh", "../shared/env.sh"))
    (tmp_path / "project" / "linked.sh").write_text(SH_DEPLOY.replace("./env.sh", "./env-link.sh"))
    (tmp_path / "project" / "env-link.sh").symlink_to(tmp_path / "project" / "real-env.sh")
    (tmp_path / "project" / "real-env.sh").write_text(sh_settings("Front,Back"))
    monkeypatch.chdir(tmp_path / "project")
    result = lint([".", "../shared/env.sh"], Config(select=("MIG202",)), load_rules(entry_points=False))
    assert mig202(result) == []


def test_a_vm_the_sourced_settings_file_creates_is_its_own_and_no_mig004(tmp_path, monkeypatch):
    settings = sh_settings("Front") + (
        'azure vm create "$SERVICE" img-ubuntu ops "P@ss" -n db1 -w "$VNET" -b Front -l "West Europe" -z Large\n'
    )
    files = {"deploy.sh": SH_DEPLOY, "env.sh": settings}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert [f for f in result.findings if f.code == "MIG004"] == []
    vms = [vm for step in build_plan(result).steps for member in step.members for vm in member.vms]
    assert sorted(vms) == ["app1", "db1"]


# --- Python: `from config import SERVICE_NAME`, `import settings` then `settings.VNET` -------------------


def test_a_vm_given_two_subnets_a_settings_module_lists_is_mig202(tmp_path, monkeypatch):
    files = {"deploy.py": PY_DEPLOY, **py_settings("Front", "Back")}
    assert len(mig202(lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False))) == 1


def test_one_subnet_in_the_settings_module_is_no_mig202(tmp_path, monkeypatch):
    files = {"deploy.py": PY_DEPLOY, **py_settings("Front")}
    assert mig202(lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)) == []


def test_the_plan_names_the_cloud_service_and_network_the_settings_modules_state(tmp_path, monkeypatch):
    files = {"deploy.py": PY_DEPLOY, **py_settings("Front")}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert services(result) == ["cloud service 'shop-svc'"]
    assert [step.name for step in build_plan(result).steps if step.members] == ["hub"]


def test_a_settings_module_that_branches_or_reads_the_environment_leaves_those_values_unknown(
    tmp_path, monkeypatch
):
    config = (
        'import os\nSERVICE_NAME = os.environ["SERVICE"]\n'
        'if os.environ.get("WIDE"):\n    SUBNETS = ["Front", "Back"]\nelse:\n    SUBNETS = ["Front"]\n'
    )
    files = {"deploy.py": PY_DEPLOY, "config.py": config, "settings.py": 'VNET = "hub"\n'}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert mig202(result) == []
    assert "cloud service name" in str(services(result))


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_a_settings_module_outside_the_project_or_through_a_link_is_not_read(tmp_path, monkeypatch):
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "deploy.py").write_text(PY_DEPLOY.replace("from config", "from .config"))
    (tmp_path / "project" / "real.py").write_text(py_settings("Front", "Back")["config.py"])
    (tmp_path / "project" / "config.py").symlink_to(tmp_path / "project" / "real.py")
    (tmp_path / "project" / "sub").mkdir()
    (tmp_path / "project" / "sub" / "deploy.py").write_text(PY_DEPLOY.replace("from config", "from ..shared"))
    (tmp_path / "project" / "sub" / "shared.py").write_text(py_settings("Front", "Back")["config.py"])
    monkeypatch.chdir(tmp_path / "project" / "sub")
    result = lint([".", "../config.py"], Config(select=("MIG202",)), load_rules(entry_points=False))
    assert mig202(result) == []


def test_a_vm_the_settings_module_creates_is_its_own_and_no_mig004(tmp_path, monkeypatch):
    settings = py_settings("Front")
    settings["settings.py"] += (
        "from azure.servicemanagement import OSVirtualHardDisk, ServiceManagementService\n"
        'sms = ServiceManagementService("sub", "cert.pem")\n'
        'disk = OSVirtualHardDisk("img", "https://a.blob.core.windows.net/v/b.vhd")\n'
        'sms.create_virtual_machine_deployment("shop-svc", "shop-svc", "production", "shop-svc", "db1", None, disk, role_size="Large")\n'
    )
    files = {"deploy.py": PY_DEPLOY, **settings}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert [f for f in result.findings if f.code == "MIG004"] == []


STAR = PY_DEPLOY.replace("from config import SERVICE_NAME, SUBNETS", "from config import *")


@pytest.mark.parametrize(
    ("all_listed", "found"),
    [("", ["cloud service 'shop-svc'"]), ("__all__ = ['SUBNETS']\n", [])],
    ids=["every public name", "the names __all__ lists"],
)
def test_a_star_import_of_a_settings_module_holds_the_values_it_states(
    tmp_path, monkeypatch, all_listed, found
):
    """`from config import *` binds every name the module states that does not start with `_`, or those its
    `__all__` lists, as importing them by name does."""
    settings = py_settings("Front", "Back")
    settings["config.py"] = all_listed + settings["config.py"] + '_PRIVATE = "x"\n'
    result = lint_files(tmp_path, monkeypatch, {"deploy.py": STAR, **settings}, dedent=False)
    assert [name for name in services(result) if "<" not in name] == found
    assert len(mig202(result)) == 1  # SUBNETS, listed or not


VMS_DEPLOY = """\
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk
{imported}
sms = ServiceManagementService("sub", "cert")
for vm in {vms}:
    sms.create_virtual_machine_deployment(vm["service"], "dep", "production", "label", vm["name"],
        LinuxConfigurationSet("vm", "u", None, True),
        OSVirtualHardDisk("img", "https://a.blob.core.windows.net/v/vm.vhd"), role_size="Small")
"""


def _vms(count: int) -> str:
    rows = [
        {
            "service": f"svc{i}",
            "name": f"vm{i}",
            "image": "Ubuntu-14_04_1-LTS-amd64-server-20150123-en-us-30GB",
        }
        for i in range(count)
    ]
    return f"VMS = {rows!r}\n"


@pytest.mark.parametrize(
    ("imported", "vms"),
    [("from config import VMS", "VMS"), ("import config", "config.VMS")],
    ids=["from", "import"],
)
def test_a_settings_module_s_data_longer_than_a_name_is_taken(tmp_path, monkeypatch, imported, vms):
    """A list of fifty VMs, each a dict of its settings (some 5,000 characters), is the module's data the
    script loops over: each VM is created in its own service."""
    files = {"deploy.py": VMS_DEPLOY.format(imported=imported, vms=vms), "config.py": _vms(50)}
    assert len(files["config.py"]) > 4096
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    created = {r.service_name for d in result.documents for r in d.resources if hasattr(r, "service_name")}
    assert {f"svc{i}" for i in range(50)} <= created
