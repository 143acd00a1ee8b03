"""A PowerShell script that adds a VM to a deployment that may exist in one arm of an `if` (New-AzureVM
without -Location) and creates the deployment in the other (New-AzureVM -Location, no -VNetName) said the VM
the creating call makes "may be in a virtual network" (MIG203), naming the very call that puts it in none.
That VM is in the deployment the call makes, in none; the VM added on the other path, or one both calls are
given, may be in a network the script does not state. As for the Python SDK's try/except twin."""

from __future__ import annotations

from lint_support import lint_files

CONFIG = 'New-AzureVMConfig -Name "{name}" -InstanceSize Small -ImageName img | Add-AzureProvisioningConfig -Windows -AdminUsername a -Password p'
SCRIPT = f"""\
param([switch]$Join)
if ($Join) {{
    $vm = {CONFIG.format(name="web-b")}
    New-AzureVM -ServiceName "shop" -VMs $vm
}} else {{
    $vm = {CONFIG.format(name="web-a")}
    New-AzureVM -ServiceName "shop" -VMs $vm -Location "West US"
}}
"""


def _maybe_in_a_network(tmp_path, monkeypatch, text: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": text}, dedent=False)
    return [f.message.split("'")[1] for f in result.findings if f.code == "MIG203"]


def test_only_the_vm_added_to_a_deployment_that_may_exist_may_be_in_a_network(tmp_path, monkeypatch):
    assert _maybe_in_a_network(tmp_path, monkeypatch, SCRIPT) == ["web-b"]


def test_a_vm_both_calls_make_may_be_in_a_network(tmp_path, monkeypatch):
    one_vm = f"param([switch]$Join)\n$vm = {CONFIG.format(name='web')}\n" + (
        'if ($Join) { New-AzureVM -ServiceName "shop" -VMs $vm }\n'
        'else { New-AzureVM -ServiceName "shop" -VMs $vm -Location "West US" }\n'
    )
    assert _maybe_in_a_network(tmp_path, monkeypatch, one_vm) == ["web"]
