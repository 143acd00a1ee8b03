"""A reserved IP a script creates under a name it does not state is one the files describe, in the classic
CLI as in PowerShell and Python: `azure network reserved-ip create "$NAME" "North Europe"` makes a stand-in
named where it is created (`<reserved IP name, deploy.sh:1>`), where it described nothing, and
`vm create -R "$NAME"` gives the VM's deployment that very reserved IP, so it is not shown unattached. A
function called for two values creates two (the later named for its turn); the same value twice, one.

A function that gives each of two cloud services the reserved IP its call passes (`New-AzureVM
-ReservedIPName $rip`) gives them two reserved IPs, where both were named where the function passes the name
and the plan made one of them."""

from __future__ import annotations

from lint_support import script_resources

from migcheck.model import Deployment, ReservedIp


def _reserved_ips(text: str, path: str) -> list[str]:
    return sorted(r.name for r in script_resources(text, path) if isinstance(r, ReservedIp))


def _deployments_reserved_ips(text: str, path: str) -> dict[str, str | None]:
    return {
        d.service_name: d.reserved_ip.name if d.reserved_ip is not None else None
        for d in script_resources(text, path)
        if isinstance(d, Deployment)
    }


def test_a_classic_cli_reserved_ip_created_under_a_variable_is_a_stand_in() -> None:
    script = 'NAME=$1\nazure network reserved-ip create "$NAME" "North Europe"\n'
    assert _reserved_ips(script, "deploy.sh") == ["<reserved IP name, deploy.sh:2>"]


SHELL_FUNCTION = """\
make_rip() {
  azure network reserved-ip create "$1" "North Europe"
}
make_rip "$2"
make_rip {second}
"""


def test_a_classic_cli_function_called_for_two_values_creates_two_reserved_ips() -> None:
    script = SHELL_FUNCTION.replace("{second}", '"$3"')
    assert _reserved_ips(script, "deploy.sh") == [
        "<reserved IP name, deploy.sh:2, turn 2>",
        "<reserved IP name, deploy.sh:2>",
    ]


def test_a_classic_cli_function_called_twice_for_one_value_creates_one_reserved_ip() -> None:
    script = SHELL_FUNCTION.replace("{second}", '"$2"')
    assert sorted(set(_reserved_ips(script, "deploy.sh"))) == ["<reserved IP name, deploy.sh:2>"]


SHELL_VM = """\
NAME=$1
azure network reserved-ip create "$NAME" "North Europe"
azure vm create shop img user pass -R {given} -l "North Europe"
"""


def test_a_classic_cli_vm_given_the_reserved_ip_the_script_created_under_its_variable_holds_it() -> None:
    script = SHELL_VM.replace("{given}", '"$NAME"')
    assert _deployments_reserved_ips(script, "deploy.sh") == {"shop": "<reserved IP name, deploy.sh:2>"}
    assert _reserved_ips(script, "deploy.sh") == ["<reserved IP name, deploy.sh:2>"]


def test_a_classic_cli_vm_given_another_unstated_reserved_ip_has_one_not_known() -> None:
    script = SHELL_VM.replace("{given}", '"$OTHER"')
    assert _deployments_reserved_ips(script, "deploy.sh") == {"shop": None}


def test_a_classic_cli_reserved_ip_deleted_under_its_variable_is_gone() -> None:
    script = 'NAME=$1\nazure network reserved-ip create "$NAME" "North Europe"\n'
    assert _reserved_ips(script + 'azure network reserved-ip delete "$NAME" -q\n', "deploy.sh") == []
    assert len(_reserved_ips(script + 'azure network reserved-ip delete "$OTHER" -q\n', "deploy.sh")) == 1


POWERSHELL_TWO_SERVICES = """\
function New-Web([string] $svc, [string] $rip) {
    New-AzureReservedIP -ReservedIPName $rip -Location "North Europe"
    New-AzureVMConfig -Name web -InstanceSize Small -ImageName img | New-AzureVM -ServiceName $svc -Location "North Europe" -ReservedIPName $rip
}
New-Web shop $args[0]
New-Web blog {second}
"""


def test_a_powershell_function_giving_two_services_two_unstated_reserved_ips_gives_two() -> None:
    script = POWERSHELL_TWO_SERVICES.replace("{second}", "$args[1]")
    assert _deployments_reserved_ips(script, "deploy.ps1") == {
        "shop": "<reserved IP name, deploy.ps1:3>",
        "blog": "<reserved IP name, deploy.ps1:3, turn 2>",
    }


def test_a_powershell_function_giving_two_services_one_unstated_reserved_ip_gives_one() -> None:
    script = POWERSHELL_TWO_SERVICES.replace("{second}", "$args[0]")
    assert set(_deployments_reserved_ips(script, "deploy.ps1").values()) == {
        "<reserved IP name, deploy.ps1:3>"
    }
