"""MIG207's docs said the monitoring extension was found on the VMs of a REST deployment or an Export-AzureVM
file, while the rule reports it on every VM the files describe: one a template, a Bicep file or a Terraform
`azapi` body declares with it, and one a script adds it to. The docs now say so, and each is reported."""

from __future__ import annotations

from lint_support import lint_files, run_cli, where

SCRIPT = """\
azure config mode asm
azure vm create app1 img u Passw0rd! -n vm1 -w vnet1 -b web -l 'West Europe'
azure vm extension set vm1 AzureSecurityLinuxAgent Microsoft.Azure.Security.Monitoring 2.*
"""

BICEP = """\
resource vm2 'Microsoft.ClassicCompute/virtualMachines@2017-04-01' = {
  name: 'vm2'
  location: 'westeurope'
  properties: {
    domainName: { id: resourceId('Microsoft.ClassicCompute/domainNames', 'app2') }
    networkProfile: { virtualNetwork: { id: resourceId('Microsoft.ClassicNetwork/virtualNetworks', 'vnet1'), subnetNames: ['web'] } }
    extensions: [
      { extension: 'AzureSecurityLinuxAgent', publisher: 'Microsoft.Azure.Security.Monitoring', version: '2.*' }
    ]
  }
}
"""


def test_the_docs_name_templates_and_the_scripts_that_add_the_extension(capsys):
    _, out, _ = run_cli(capsys, "rule", "MIG207")
    found = " ".join(out.split("What it finds", 1)[1].split("Why it blocks", 1)[0].split())
    for named in ("a Bicep file", "Terraform `azapi`", "`Set-AzureVMExtension`", "`azure vm extension set`"):
        assert named in found


def test_a_script_s_and_a_bicep_file_s_vm_with_the_extension_are_reported(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"add.sh": SCRIPT, "vm.bicep": BICEP}, "MIG207")
    assert sorted(where(result.findings)) == ["MIG207 add.sh:3:28", "MIG207 vm.bicep:8:20"]
