"""MIG105 on New-AzureVM into a cloud service the script creates (New-AzureService, here in a function)
only where the creation may not run (`if ($args.Count -gt 0) { Create 'front' }`): on that path the call
creates the deployment in no virtual network, on the other it may add to a deployment the service has
already. Its VMs *may* be in none, as the Python reader says of the same shape; when the creation surely
runs they are."""

from __future__ import annotations

from lint_support import lint_files

SCRIPT = """\
function Create($name) {
    New-AzureService -ServiceName $name -Location 'West Europe'
}
{create}
$vm = New-AzureVMConfig -Name 'vm1' -InstanceSize Small -ImageName 'img' |
    Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password pw
New-AzureVM -ServiceName 'front' -VMs $vm
"""


def _mig105(tmp_path, monkeypatch, create: str) -> list[str]:
    files = {"deploy.ps1": SCRIPT.replace("{create}", create)}
    return [f.message for f in lint_files(tmp_path, monkeypatch, files, "MIG105").findings]


def test_a_creation_that_may_not_run(tmp_path, monkeypatch):
    (message,) = _mig105(tmp_path, monkeypatch, "if ($args.Count -gt 0) { Create 'front' }")
    assert message.startswith(
        "deployment 'front' of cloud service 'front' may be in no virtual network: on one path of the script "
        "this call creates it in none, on another it may be in a virtual network the script does not state"
    )


def test_a_creation_that_surely_runs(tmp_path, monkeypatch):
    (message,) = _mig105(tmp_path, monkeypatch, "Create 'front'")
    assert message.startswith("deployment 'front' of cloud service 'front' is in no virtual network")
