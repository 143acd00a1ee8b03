"""Whether New-AzureVM may create its deployment in no virtual network, from what a script gives
`-VNetName`: a parameter's default names a network a caller may replace with another, never with none; a
key a splatted hashtable gets under an `if` is given on that path only, and on the other the call creates the
deployment in none, as where an `if` and its `else` call New-AzureVM each way."""

from __future__ import annotations

from lint_support import lint_files

CONFIG = """\
$vmc = New-AzureVMConfig -Name "vm1" -ImageName "img" -InstanceSize "Small" |
    Add-AzureProvisioningConfig -Windows -AdminUsername "u" -Password "p"
"""

SPLATTED = """\
$p = @{
    ServiceName = "svc1"
    Location = "West US"
    VMs = $vmc
}
"""


def _mig105(tmp_path, monkeypatch, script):
    return lint_files(tmp_path, monkeypatch, {"deploy.ps1": script}, "MIG105").findings


def test_a_network_named_by_a_parameter_default_is_no_path_to_none(tmp_path, monkeypatch):
    script = """\
param([string]$vnetName = "v1")
New-AzureVMConfig -Name "vm1" -ImageName "img" -InstanceSize "A7" |
    Add-AzureProvisioningConfig -Linux -LinuxUser "u" -Password "p" |
    Set-AzureSubnet -SubnetNames "Subnet-1" |
    New-AzureVM -ServiceName "svc1" -VNetName $vnetName
"""
    assert _mig105(tmp_path, monkeypatch, script) == []


def test_a_default_built_into_a_longer_name_is_no_path_to_none_either(tmp_path, monkeypatch):
    script = """\
param([string]$prefix = "prod")
New-AzureVMConfig -Name "vm1" -ImageName "img" -InstanceSize "A7" |
    Set-AzureSubnet -SubnetNames "Subnet-1" |
    New-AzureVM -ServiceName "svc1" -VNetName "$prefix-vnet"
"""
    assert _mig105(tmp_path, monkeypatch, script) == []


def test_a_default_replaced_by_null_on_a_path_is_still_none_there(tmp_path, monkeypatch):
    script = """\
param([string]$vnetName = "v1")
$vnet = if ($args[0]) { $vnetName } else { $null }
New-AzureVMConfig -Name "vm1" -ImageName "img" -InstanceSize "A7" |
    Set-AzureSubnet -SubnetNames "Subnet-1" |
    New-AzureVM -ServiceName "svc1" -VNetName $vnet
"""
    [finding] = _mig105(tmp_path, monkeypatch, script)
    assert "may be in no virtual network" in finding.message


def test_a_network_key_added_with_plus_under_an_if_leaves_a_path_in_none(tmp_path, monkeypatch):
    script = (
        CONFIG + SPLATTED + "if ($args[0] -ne $null) {\n    $p += @{VNET = $args[0]}\n}\nNew-AzureVM @p\n"
    )
    [finding] = _mig105(tmp_path, monkeypatch, script)
    assert "may be in no virtual network: on one path of the script this call creates it in none" in (
        finding.message
    )
    assert finding.mark.line == 11


def test_a_network_key_added_with_add_under_an_if_leaves_a_path_in_none(tmp_path, monkeypatch):
    script = (
        CONFIG + SPLATTED + "if ($args[0] -ne $null) {\n    $p.Add('VNetName', 'vnetA')\n}\nNew-AzureVM @p\n"
    )
    [finding] = _mig105(tmp_path, monkeypatch, script)
    assert "on another it is in 'vnetA'" in finding.message


def test_a_network_key_added_on_every_path_leaves_none(tmp_path, monkeypatch):
    script = CONFIG + SPLATTED + "$p.Add('VNetName', 'vnetA')\nNew-AzureVM @p\n"
    assert _mig105(tmp_path, monkeypatch, script) == []
