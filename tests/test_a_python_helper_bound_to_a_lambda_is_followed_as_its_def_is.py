"""A Python script's helper written as a lambda (`disk = lambda n: OSVirtualHardDisk(..., ".../vhds/linux/%s.vhd"
% n)`) was never followed: the VM's OS disk was not read, so its blob name with a '/' gave no MIG401, its
storage account had no readiness row nor plan step, and the deployment's row said "passed", where the same
helper written as a `def` gave all of them. A name bound once to a lambda is a function whose body returns
its expression, and a call of it runs that body with the values it passes, as a `def`'s call does: in the
SDK's calls, a request's URL, the classic CLI's command lines, and a helper taken of a module beside the
script. A name bound to a lambda twice (or to a lambda and to something else) is not known to be either,
and stays unread as any call the reader cannot follow. Reference, migration errors (2023): a disk whose blob
name contains '/' is not supported in Resource Manager."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

HEAD = (
    "from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk\n"
    'sms = ServiceManagementService("sub", "cert.pem")\n'
    'lx = LinuxConfigurationSet("h", "ops", "Pw!12345", True)\n'
)
SLASHED = '"https://acct.blob.core.windows.net/vhds/linux/%s.vhd" % n'
PLAIN = '"https://acct.blob.core.windows.net/vhds/%s.vhd" % n'
CREATE = 'sms.create_virtual_machine_deployment("ls", "ls", "production", "ls", "ls-a", lx, disk("a"))\n'
HELPERS = {
    "def": f'def disk(n):\n    return OSVirtualHardDisk("img", {SLASHED})\n',
    "lambda": f'disk = lambda n: OSVirtualHardDisk("img", {SLASHED})\n',
    "annotated lambda": f'disk: object = lambda n: OSVirtualHardDisk("img", {SLASHED})\n',
    "lambda in an if": f'if True:\n    disk = lambda n: OSVirtualHardDisk("img", {SLASHED})\n',
}


@pytest.mark.parametrize("helper", list(HELPERS))
def test_the_os_disk_a_helper_builds_is_read_whether_a_def_or_a_lambda(tmp_path, monkeypatch, helper):
    script = HEAD + HELPERS[helper] + CREATE
    result = lint_files(tmp_path, monkeypatch, {"vm.py": script})
    (slash,) = [f for f in result.findings if f.code == "MIG401"]
    lines = script.splitlines()
    helper_line = next(n for n, line in enumerate(lines, 1) if "vhds/linux" in line)
    assert slash.location is not None and slash.location.line == helper_line
    assert "blob name 'linux/a.vhd'" in slash.message
    (estate,) = result.estates
    assert [(a.name, [d.media_link for d in a.disks]) for a in estate.storage_accounts] == [
        ("acct", ["https://acct.blob.core.windows.net/vhds/linux/a.vhd"])
    ]


def test_a_lambda_helper_inside_a_function_runs_with_the_values_its_call_passes(tmp_path, monkeypatch):
    script = (
        HEAD
        + "def deploy(service, vm):\n"
        + f'    disk = lambda n: OSVirtualHardDisk("img", {SLASHED})\n'
        + '    sms.create_virtual_machine_deployment(service, service, "production", service, vm, lx, disk(vm))\n'
        + 'deploy("ls", "ls-a")\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"vm.py": script})
    (slash,) = [f for f in result.findings if f.code == "MIG401"]
    assert "VM 'ls-a' in cloud service 'ls'" in slash.message
    assert "blob name 'linux/ls-a.vhd'" in slash.message


@pytest.mark.parametrize(
    "rebinding",
    [
        f'disk = lambda n: OSVirtualHardDisk("img", {PLAIN})\n',
        "disk = make_disk\n",
        "def again():\n    global disk\n    disk = make_disk\nagain()\n",
    ],
    ids=["a second lambda", "another value", "a global of a function"],
)
def test_a_name_bound_to_a_lambda_and_again_is_not_followed(tmp_path, monkeypatch, rebinding):
    helper = f'disk = lambda n: OSVirtualHardDisk("img", {SLASHED})\n'
    script = HEAD + "from disks import make_disk\n" + helper + rebinding + CREATE
    result = lint_files(tmp_path, monkeypatch, {"vm.py": script})
    assert [f for f in result.findings if f.code == "MIG401"] == []


SERVICE = "https://management.core.windows.net/sub1/services/hostedservices/app-svc"
DEPLOYMENT = (
    '<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>app-svc</Name>'
    "<DeploymentSlot>Production</DeploymentSlot><RoleList><Role><RoleName>app01</RoleName>"
    "<RoleType>PersistentVMRole</RoleType><OSVirtualHardDisk>"
    "<MediaLink>https://appsa.blob.core.windows.net/vhds/a1.vhd</MediaLink></OSVirtualHardDisk></Role>"
    "</RoleList></Deployment>"
)
DISK = (
    '<DataVirtualHardDisk xmlns="http://schemas.microsoft.com/windowsazure"><Lun>0</Lun>'
    "<LogicalDiskSizeInGB>10</LogicalDiskSizeInGB>"
    "<MediaLink>https://appsa.blob.core.windows.net/vhds/data/a1-d0.vhd</MediaLink></DataVirtualHardDisk>"
)


def test_a_request_url_a_lambda_builds_names_the_vm_its_disk_is_attached_to(tmp_path, monkeypatch):
    script = (
        "import requests\n"
        'H = {"x-ms-version": "2015-04-01"}\n'
        f'disks_of = lambda vm: "{SERVICE}/deployments/app-svc/roles/" + vm + "/DataDisks"\n'
        f'requests.post("{SERVICE}/deployments", data=\'{DEPLOYMENT}\', headers=H, cert="m.pem")\n'
        f'requests.post(disks_of("app01"), data=\'{DISK}\', headers=H, cert="m.pem")\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"attach.py": script}, "MIG401")
    column = script.splitlines()[4].index("<MediaLink>https://appsa") + 1
    assert where(result.findings) == [f"MIG401 attach.py:5:{column}"]
    assert "VM 'app01'" in result.findings[0].message


def test_a_classic_cli_helper_written_as_a_lambda_runs_the_command_its_call_names(tmp_path, monkeypatch):
    script = (
        "import subprocess\n"
        'azure = lambda *args: subprocess.check_call(["azure", *args])\n'
        'azure("vm", "create", "shop", "img", "u", "p", "-n", "web1", "-l", "West US")\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"provision.py": script})
    (estate,) = result.estates
    vms = [(s.name, [r.name for p in s.placements for r in p.roles]) for s in estate.cloud_services]
    assert vms == [("shop", ["web1"])]


def test_a_lambda_helper_of_a_module_beside_the_script_is_followed_as_its_def_is(tmp_path, monkeypatch):
    library = (
        "from azure.servicemanagement import ServiceManagementService, OSVirtualHardDisk\n"
        f'disk = lambda n: OSVirtualHardDisk("img", {SLASHED})\n'
    )
    script = HEAD + "from settings import disk\n" + CREATE
    result = lint_files(tmp_path, monkeypatch, {"settings.py": library, "vm.py": script})
    assert [f for f in where(result.findings) if f.startswith("MIG401")] == ["MIG401 settings.py:2:43"]
