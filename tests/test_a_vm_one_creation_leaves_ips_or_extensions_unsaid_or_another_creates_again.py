"""Two creations of one VM (two scripts, in any format) where one states extensions, a static private IP
or a public IP and the other states none are no MIG004: a script's description of a VM holds what its
later commands set on it too, which would change the other script's VM as well, and a creating command
may install extensions unasked (PowerShell's provisioning configuration gives a Windows VM BGInfo unless
told -DisableGuestAgent). The VM checked holds what either states, so its blockers are reported at their
file, and a stand-in for a public IP's name never hides the name the other creation gives it. A script
that deletes the VM and creates it again still creates it otherwise than another script does: MIG004."""

from __future__ import annotations

import pytest
from lint_support import APP_VNET_NETCFG, lint_files, where


def powershell_vm(then: str = "", size: str = "Small") -> str:
    steps = f" |\n    {then}" if then else ""
    return f"""\
$vm = New-AzureVMConfig -Name 'web01' -InstanceSize {size} -ImageName 'img' |
    Add-AzureProvisioningConfig -Windows -AdminUsername 'a' -Password 'p' |
    Set-AzureSubnet -SubnetNames 'web'{steps}
New-AzureVM -ServiceName 'web' -Location 'North Europe' -VNetName 'app-vnet' -VMs $vm
"""


def python_vm(extensions: str = "", before: str = "", size: str = "Small") -> str:
    return f"""\
import os
from azure.servicemanagement import *
sms = ServiceManagementService('sub', 'cert.pem')
net = ConfigurationSet()
net.subnet_names.append('web')
{before}sms.create_virtual_machine_deployment('web', 'web', 'production', 'web', 'web01', None,
    OSVirtualHardDisk('img', 'https://acctone.blob.core.windows.net/vhds/web01.vhd'), network_config=net,
    virtual_network_name='app-vnet', role_size='{size}', resource_extension_references=[{extensions}])
"""


def shell_vm(options: str = "") -> str:
    return f"azure vm create web img user pass -w app-vnet -b web -n web01 {options}\n"


SNAPSHOT_PS = "Set-AzureVMExtension -ExtensionName 'VMSnapshot' -Publisher 'Microsoft.Azure.RecoveryServices' -Version '1.0'"
SNAPSHOT_PY = (
    "ResourceExtensionReference('VMSnapshot', 'Microsoft.Azure.RecoveryServices', 'VMSnapshot', '1.0')"
)
BGINFO_PY = "ResourceExtensionReference('BGInfo', 'Microsoft.Compute', 'BGInfo', '2.1')"
STATIC_PS = "Set-AzureStaticVNetIP -IPAddress '10.20.1.5'"
PUBLIC_PS = "Set-AzurePublicIP -PublicIPName 'web-pip'"


def _vm(result):  # type: ignore[no-untyped-def]
    (service,) = result.estate.cloud_services
    (vm,) = service.vms
    return vm


@pytest.mark.parametrize(
    ("plain", "stated"),
    [
        (powershell_vm(), powershell_vm(STATIC_PS)),
        (python_vm(), python_vm(before="net.static_virtual_network_ip_address = '10.20.1.5'\n")),
        (shell_vm(), shell_vm("-S 10.20.1.5")),
    ],
    ids=["powershell", "python", "shell"],
)
@pytest.mark.parametrize("order", ["stated_last", "stated_first"])
def test_a_static_ip_one_creation_leaves_unsaid_is_the_vm_s(
    tmp_path, monkeypatch, plain, stated, order
) -> None:
    suffix = ".ps1" if "New-AzureVM" in plain else ".py" if "sms." in plain else ".sh"
    names = ("a", "b") if order == "stated_last" else ("b", "a")
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, names[0] + suffix: plain, names[1] + suffix: stated}
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False)
    assert where(result.findings) == []
    assert [ip.name for ip in _vm(result).static_ips] == ["10.20.1.5"]


def test_a_public_ip_and_a_backup_extension_one_powershell_script_leaves_unsaid_are_checked(
    tmp_path, monkeypatch
) -> None:
    files = {
        "NetworkConfig.netcfg": APP_VNET_NETCFG,
        "a_web.ps1": powershell_vm(),
        "b_web.ps1": powershell_vm(f"{PUBLIC_PS} |\n    {SNAPSHOT_PS}"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", "MIG206", dedent=False)
    assert where(result.findings) == ["MIG206 b_web.ps1:5:41"]
    assert [ip.name for ip in _vm(result).public_ips] == ["web-pip"]


def test_bginfo_a_python_script_states_beside_powershell_s_own_is_no_disagreement(
    tmp_path, monkeypatch
) -> None:
    files = {
        "NetworkConfig.netcfg": APP_VNET_NETCFG,
        "a_web.ps1": powershell_vm(SNAPSHOT_PS),
        "b_web.py": python_vm(f"{SNAPSHOT_PY}, {BGINFO_PY}"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False)
    assert where(result.findings) == []
    assert [e.name for e in _vm(result).extensions] == ["VMSnapshot", "BGInfo"]


def test_bginfo_one_python_script_states_and_another_does_not_is_a_disagreement(
    tmp_path, monkeypatch
) -> None:
    files = {
        "NetworkConfig.netcfg": APP_VNET_NETCFG,
        "a_web.py": python_vm(SNAPSHOT_PY),
        "b_web.py": python_vm(f"{SNAPSHOT_PY}, {BGINFO_PY}"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False)
    assert where(result.findings) == ["MIG004 b_web.py:6:5"]


@pytest.mark.parametrize(
    ("unnamed", "named", "suffix"),
    [
        (
            "param($Pip)\n" + powershell_vm("Set-AzurePublicIP -PublicIPName $Pip"),
            powershell_vm(PUBLIC_PS),
            ".ps1",
        ),
        (
            python_vm(before="net.public_ips.public_ips.append(PublicIP(os.environ['PIP']))\n"),
            python_vm(before="net.public_ips.public_ips.append(PublicIP('web-pip'))\n"),
            ".py",
        ),
        (shell_vm("--public-ip $PIP"), shell_vm("--public-ip web-pip"), ".sh"),
    ],
    ids=["powershell", "python", "shell"],
)
def test_a_public_ip_named_beside_one_a_script_does_not_name_keeps_its_name(
    tmp_path, monkeypatch, unnamed, named, suffix
) -> None:
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, "a" + suffix: unnamed, "b" + suffix: named}
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False)
    assert where(result.findings) == []
    assert [ip.name for ip in _vm(result).public_ips] == ["web-pip"]


@pytest.mark.parametrize(
    ("other", "recreated", "suffix", "at"),
    [
        (
            powershell_vm(),
            "Remove-AzureVM -ServiceName 'web' -Name 'web01' -DeleteVHD\n" + powershell_vm(size="Large"),
            ".ps1",
            "2:7",
        ),
        (
            python_vm(),
            python_vm(before="sms.delete_role('web', 'web', 'web01')\n", size="Large"),
            ".py",
            "7:5",
        ),
        (shell_vm("-z Small"), "azure vm delete web01 -d web -q\n" + shell_vm("-z Large"), ".sh", "2:1"),
    ],
    ids=["powershell", "python", "shell"],
)
def test_a_vm_a_script_deletes_and_creates_again_otherwise_is_mig004(
    tmp_path, monkeypatch, other, recreated, suffix, at
) -> None:
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, "a" + suffix: other, "b" + suffix: recreated}
    result = lint_files(tmp_path, monkeypatch, files, "MIG004", dedent=False)
    assert where(result.findings) == [f"MIG004 b{suffix}:{at}"]
    assert result.findings[0].message.endswith("size Large / Small (here / there)")
