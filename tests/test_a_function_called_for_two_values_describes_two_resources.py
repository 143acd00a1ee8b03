"""A script's function called for two values it does not state, or a loop over a list it writes out whose
items it builds from such a value, describes one resource for each, in PowerShell, Python and shell.

`New-Rip $args[0]` then `New-Rip $args[1]` creates two reserved IPs, as `New-Rip 'a'` then `New-Rip 'b'`
does: the second is named for its turn (`<reserved IP name, deploy.ps1:2, turn 2>`), where both were named
where the function passes the name, which made the plan one reserved IP of them. A loop over
`@("${Base}a", "${Base}b")` creates a VM in each round (two VMs, as a module's `New-WebPair` does), where it
was read once for one VM. The same value passed twice stays one resource, and a loop over a list the
script does not write out (`$Names`, `$LIST`) is still read once."""

from __future__ import annotations

from lint_support import script_resources

from migcheck.model import Deployment, ReservedIp


def _reserved_ips(text: str, path: str) -> list[str]:
    return sorted(r.name for r in script_resources(text, path) if isinstance(r, ReservedIp))


def _vms(text: str, path: str) -> list[str]:
    return sorted(v.name for d in script_resources(text, path) if isinstance(d, Deployment) for v in d.roles)


def _services(text: str, path: str) -> list[str]:
    return sorted(d.service_name for d in script_resources(text, path) if isinstance(d, Deployment))


POWERSHELL_RIP = """\
function New-Rip([string] $n) {
    New-AzureReservedIP -ReservedIPName $n -Location "North Europe"
}
New-Rip {first}
New-Rip {second}
"""


def test_a_powershell_function_called_for_two_arguments_creates_two_reserved_ips() -> None:
    script = POWERSHELL_RIP.replace("{first}", "$args[0]").replace("{second}", "$args[1]")
    assert _reserved_ips(script, "deploy.ps1") == [
        "<reserved IP name, deploy.ps1:2, turn 2>",
        "<reserved IP name, deploy.ps1:2>",
    ]


def test_a_powershell_function_called_for_two_strings_built_from_a_parameter_creates_two() -> None:
    script = "param([string] $Prefix)\n" + POWERSHELL_RIP.replace("{first}", '"$Prefix-a"').replace(
        "{second}", '"$Prefix-b"'
    )
    assert len(_reserved_ips(script, "deploy.ps1")) == 2


def test_a_powershell_function_called_twice_for_one_value_creates_one_reserved_ip() -> None:
    script = POWERSHELL_RIP.replace("{first}", "$args[0]").replace("{second}", "$args[0]")
    assert _reserved_ips(script, "deploy.ps1") == ["<reserved IP name, deploy.ps1:2>"]


POWERSHELL_PAIR = """\
function New-DomainJoinedVM([string] $Name) {
    return New-AzureVMConfig -Name $Name -InstanceSize Small -ImageName img | Set-AzureSubnet -SubnetNames Front
}
function New-WebPair([string] $InstanceBaseName, [string] $ServiceName, [string] $VNetName) {
    $Instances = {listed}
    $VMs = @()
    foreach ($i in $Instances) {
        $VMs += New-DomainJoinedVM -Name $i
    }
    New-AzureVM -ServiceName $ServiceName -VNetName $VNetName -VMs $VMs
}
"""


def test_a_powershell_loop_over_two_strings_built_from_a_parameter_creates_two_vms() -> None:
    script = POWERSHELL_PAIR.replace("{listed}", '@("${InstanceBaseName}a", "${InstanceBaseName}b")')
    assert _vms(script, "helpers.psm1") == ["<VM name, helpers.psm1:2, 2nd>", "<VM name, helpers.psm1:2>"]


def test_a_powershell_loop_over_a_list_it_does_not_write_out_is_read_once() -> None:
    script = POWERSHELL_PAIR.replace("{listed}", "$args")
    assert len(_vms(script, "helpers.psm1")) == 1


PYTHON_RIP = """\
import sys
from azure.servicemanagement import ServiceManagementService

class Env:
    def __init__(self, sms, staging, production):
        self.sms = sms
        self.staging = staging
        self.production = production

    def create(self):
        self.create_reserved_ip(self.staging)
        self.create_reserved_ip({second})

    def create_reserved_ip(self, name):
        self.sms.create_reserved_ip_address(name, location='North Europe')

sms = ServiceManagementService(sys.argv[1], 'cert.pem')
Env(sms, sys.argv[2] + '-srip', sys.argv[2] + '-prip').create()
"""


def test_a_python_method_called_for_two_attributes_creates_two_reserved_ips() -> None:
    script = PYTHON_RIP.replace("{second}", "self.production")
    assert _reserved_ips(script, "deploy.py") == [
        "<reserved IP name, deploy.py:15, turn 2>",
        "<reserved IP name, deploy.py:15>",
    ]


def test_a_python_method_called_twice_for_one_attribute_creates_one_reserved_ip() -> None:
    script = PYTHON_RIP.replace("{second}", "self.staging")
    assert _reserved_ips(script, "deploy.py") == ["<reserved IP name, deploy.py:15>"]


def test_a_python_loop_over_two_names_built_from_a_parameter_creates_two_reserved_ips() -> None:
    script = """\
from azure.servicemanagement import ServiceManagementService

def pair(sms, base):
    for name in [base + 'a', base + 'b']:
        sms.create_reserved_ip_address(name, location='North Europe')
"""
    assert len(_reserved_ips(script, "deploy.py")) == 2


SHELL_VM = """\
#!/bin/bash
mkvm() {
  azure vm create "$1" img user pass -w vnet1 -b Front
}
mkvm "$1"
mkvm {second}
"""


def test_a_shell_function_called_for_two_arguments_creates_two_cloud_services() -> None:
    script = SHELL_VM.replace("{second}", '"$2"')
    assert _services(script, "deploy.sh") == [
        "<DNS name, deploy.sh:3, turn 2>",
        "<DNS name, deploy.sh:3>",
    ]


def test_a_shell_function_called_twice_for_one_argument_creates_one_cloud_service() -> None:
    script = SHELL_VM.replace("{second}", '"$1"')
    assert _services(script, "deploy.sh") == ["<DNS name, deploy.sh:3>"]


SHELL_LOOP = """\
#!/bin/bash
for n in {listed}; do
  azure vm create "$n" img user pass -w vnet1 -b Front
done
"""


def test_a_shell_loop_over_two_quoted_words_built_from_an_argument_creates_two_cloud_services() -> None:
    script = SHELL_LOOP.replace("{listed}", '"$1-a" "$1-b"')
    assert len(_services(script, "deploy.sh")) == 2


def test_a_shell_loop_over_words_it_does_not_state_is_read_once() -> None:
    script = SHELL_LOOP.replace("{listed}", "$LIST")
    assert len(_services(script, "deploy.sh")) == 1


POWERSHELL_CLASS_RIP = """\
class PDSEnvironment {
    [string] $StagingRip;
    [string] $ProductionRip;

    PDSEnvironment([string] $name) {
        $this.StagingRip = "nuget-" + $name + "-srip"
        $this.ProductionRip = "nuget-" + $name + "-prip"
    }

    [void] Create() {
        $this.CreateReservedIp($this.StagingRip);
        $this.CreateReservedIp({second});
    }

    [void] CreateReservedIp([string] $name) {
        New-AzureReservedIP -ReservedIPName $name -Location "North Europe"
    }
}
"""


def test_a_powershell_class_method_called_for_two_members_creates_two_reserved_ips() -> None:
    script = POWERSHELL_CLASS_RIP.replace("{second}", "$this.ProductionRip")
    assert _reserved_ips(script, "deploy.ps1") == [
        "<reserved IP name, deploy.ps1:16, turn 2>",
        "<reserved IP name, deploy.ps1:16>",
    ]


def test_a_powershell_class_method_called_twice_for_one_member_creates_one_reserved_ip() -> None:
    script = POWERSHELL_CLASS_RIP.replace("{second}", "$this.StagingRip")
    assert _reserved_ips(script, "deploy.ps1") == ["<reserved IP name, deploy.ps1:16>"]


def test_a_powershell_method_called_on_an_object_the_script_makes_runs_with_its_arguments() -> None:
    made = {"[PDSEnvironment]::new('live')", "New-Object PDSEnvironment -ArgumentList 'live'"}
    for making in sorted(made):
        script = POWERSHELL_CLASS_RIP.replace("{second}", "$this.ProductionRip") + (
            f"$made = {making}\n$made.CreateReservedIp($args[0])\n$made.CreateReservedIp($args[1])\n"
        )
        assert len(_reserved_ips(script, "deploy.ps1")) == 4, making
