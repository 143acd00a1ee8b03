"""A VM one script creates and another changes, each by calling a function of one library they both load
(a dot-sourced PowerShell file, an imported Python module, a sourced shell library), is one VM: the change
is made to it. Both descriptions are written in the library, so where they are written does not tell the
scripts apart; the scripts that run them do. Before, the change was a second deployment of the same name,
and the blocker the second script takes off (a second subnet, an endpoint's ACL) was still reported."""

from __future__ import annotations

import pytest
from lint_support import lint_files

LIBRARIES = {
    "PowerShell": {
        "common.ps1": (
            "function New-WebVm([string]$Service, [string]$Name) {\n"
            '  $vm = New-AzureVMConfig -Name $Name -InstanceSize Small -ImageName "img" -MediaLocation '
            '"https://acct1.blob.core.windows.net/vhds/$Name.vhd"\n'
            "  $vm = Add-AzureProvisioningConfig -VM $vm -Windows -AdminUsername a -Password p\n"
            '  $vm = Set-AzureSubnet -VM $vm -SubnetNames "Subnet-1","Subnet-2"\n'
            '  New-AzureVM -ServiceName $Service -VMs $vm -VNetName "prodnet" -Location "West Europe"\n'
            "}\n"
            "function Set-OneSubnet([string]$Service, [string]$Name) {\n"
            '  Get-AzureVM -ServiceName $Service -Name $Name | Set-AzureSubnet -SubnetNames "Subnet-1" |'
            " Update-AzureVM\n"
            "}\n"
        ),
        "create-vms.ps1": ". ./common.ps1\nNew-WebVm -Service websvc -Name web1\n",
        "configure-vms.ps1": ". ./common.ps1\nSet-OneSubnet -Service websvc -Name web1\n",
    },
    "Python": {
        "common.py": (
            "from azure.servicemanagement import (ServiceManagementService, LinuxConfigurationSet,\n"
            "    OSVirtualHardDisk, ConfigurationSet)\n"
            "\n"
            'sms = ServiceManagementService("sub-1", "cert.pem")\n'
            "\n"
            "\n"
            "def create_vm(service, name):\n"
            '    linux = LinuxConfigurationSet(name, "azureuser", "pw", True)\n'
            '    os_hd = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/%s.vhd" % name)\n'
            "    net = ConfigurationSet()\n"
            '    net.configuration_set_type = "NetworkConfiguration"\n'
            '    net.subnet_names.append("Subnet-1")\n'
            '    net.subnet_names.append("Subnet-2")\n'
            '    sms.create_virtual_machine_deployment(service, service, "production", service, name, linux,\n'
            '        os_hd, network_config=net, role_size="Small", virtual_network_name="prodnet")\n'
            "\n"
            "\n"
            "def one_subnet(service, name):\n"
            "    net = ConfigurationSet()\n"
            '    net.configuration_set_type = "NetworkConfiguration"\n'
            '    net.subnet_names.append("Subnet-1")\n'
            "    sms.update_role(service, service, name, network_config=net)\n"
        ),
        "create_vms.py": 'from common import create_vm\n\ncreate_vm("websvc", "web1")\n',
        "configure_vms.py": 'from common import one_subnet\n\none_subnet("websvc", "web1")\n',
    },
    "Shell": {
        "lib.sh": (
            "create_vm() {\n"
            '  azure vm create "$1" img azureuser \'Passw0rd!\' -l "West Europe" -w prodnet -b Subnet-1'
            ' -n "$2" -e 22\n'
            '  azure vm endpoint acl-rule create "$2" ssh 100 permit 198.51.100.0/24\n'
            "}\n"
            "open_vm() {\n"
            '  azure vm endpoint acl-rule delete "$2" ssh 100 -d "$1"\n'
            "}\n"
        ),
        "create.sh": "#!/bin/bash\nsource ./lib.sh\ncreate_vm websvc web1\n",
        "configure.sh": "#!/bin/bash\nsource ./lib.sh\nopen_vm websvc web1\n",
    },
}
CREATOR = {"PowerShell": "create-vms.ps1", "Python": "create_vms.py", "Shell": "create.sh"}


@pytest.mark.parametrize("language", LIBRARIES)
def test_the_blocker_the_creating_script_alone_gives_is_reported(tmp_path, monkeypatch, language) -> None:
    files = {name: text for name, text in LIBRARIES[language].items() if "configure" not in name}
    found = lint_files(tmp_path, monkeypatch, files, "MIG201", "MIG202", dedent=False).findings
    (blocker,) = found
    assert "'web1'" in blocker.message and "'websvc'" in blocker.message


@pytest.mark.parametrize("language", LIBRARIES)
def test_the_other_script_s_change_takes_it_off(tmp_path, monkeypatch, language) -> None:
    result = lint_files(tmp_path, monkeypatch, LIBRARIES[language], "MIG201", "MIG202", dedent=False)
    assert result.findings == []
    (estate,) = result.estates
    services = [s for s in estate.cloud_services if s.name == "websvc"]
    (service,) = services
    (placement,) = service.placements
    assert [vm.name for vm in placement.vms] == ["web1"]


def test_a_change_run_by_the_same_script_twice_over_is_still_one_vm(tmp_path, monkeypatch) -> None:
    files = dict(LIBRARIES["Shell"])
    files["configure.sh"] = "#!/bin/bash\nsource ./lib.sh\nopen_vm websvc web1\nopen_vm websvc web1\n"
    assert lint_files(tmp_path, monkeypatch, files, "MIG201", dedent=False).findings == []


def test_scripts_of_two_subscriptions_are_not_joined(tmp_path, monkeypatch) -> None:
    files = dict(LIBRARIES["PowerShell"])
    files["create-vms.ps1"] = files["create-vms.ps1"].replace(
        "\n", '\nSelect-AzureSubscription -SubscriptionName "Prod"\n', 1
    )
    files["configure-vms.ps1"] = files["configure-vms.ps1"].replace(
        "\n", '\nSelect-AzureSubscription -SubscriptionName "Test"\n', 1
    )
    (blocker,) = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False).findings
    assert blocker.message == "VM 'web1' of cloud service 'websvc' is in 2 subnets (Subnet-1, Subnet-2)"


PIPELINE_JOB = """\
  - job: {name}
    pool:
      vmImage: windows-latest
    steps:
      - task: AzurePowerShell@5
        inputs:
          azureSubscription: conn
          ScriptType: FilePath
          ScriptPath: {script}
          azurePowerShellVersion: LatestVersion
"""


def test_two_script_files_a_pipeline_s_jobs_run_still_describe_one_vm(tmp_path, monkeypatch) -> None:
    """A CI pipeline's jobs that each run a script file describe the VM in each file, both held by the
    pipeline: that they share the pipeline does not make them one file's two deployments."""
    files = {
        "create-vms.ps1": (
            "$vm = New-AzureVMConfig -Name web1 -InstanceSize Small -ImageName img -MediaLocation "
            '"https://acct1.blob.core.windows.net/vhds/web1.vhd"\n'
            "$vm = Add-AzureProvisioningConfig -VM $vm -Windows -AdminUsername a -Password p\n"
            "$vm = Set-AzureSubnet -VM $vm -SubnetNames Subnet-1, Subnet-2\n"
            'New-AzureVM -ServiceName websvc -VMs $vm -VNetName prodnet -Location "West Europe"\n'
        ),
        "configure-vms.ps1": (
            "Get-AzureVM -ServiceName websvc -Name web1 | Set-AzureSubnet -SubnetNames Subnet-1 | Update-AzureVM\n"
        ),
        "azure-pipelines.yml": "trigger: none\njobs:\n"
        + PIPELINE_JOB.format(name="create", script="create-vms.ps1")
        + PIPELINE_JOB.format(name="configure", script="configure-vms.ps1"),
    }
    assert lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False).findings == []
