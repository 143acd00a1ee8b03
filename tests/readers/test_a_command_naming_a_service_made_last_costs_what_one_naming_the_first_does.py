"""A command that finds a deployment the script made, by its service (Move-AzureDeployment, Remove-AzureVM)
or by the name of a VM without its service (`azure vm start <vm>` without `-d`), costs the same however
many deployments the script made before it: the deployment is looked up, not searched for among all."""

from __future__ import annotations

from growth import assert_costs_at_most

from migcheck.readers import read_document


def _swaps_of_one_service(services: int, swapped: str, swaps: int) -> bytes:
    """A PowerShell script that makes `services` cloud services, then swaps the slots of one of them."""
    made = [
        f"New-AzureQuickVM -Windows -ServiceName s{i} -Name v -ImageName i -Password p -Location l"
        for i in range(services)
    ]
    return ("\n".join([*made, *[f"Move-AzureDeployment -ServiceName {swapped}"] * swaps]) + "\n").encode()


def test_swapping_the_slots_of_the_service_made_last_costs_what_the_first_costs():
    """Under the 512 KB cap, the lines that make the services cost more than any search among them could,
    so the search shows against the same script swapping the first service: about 1.4x when each swap
    looked through every deployment made before."""
    first = _swaps_of_one_service(2_800, "s0", 6_000)
    last = _swaps_of_one_service(2_800, "s2799", 6_000)
    assert_costs_at_most(
        lambda: read_document("swap.ps1", last, explicit=True),
        1.2,
        lambda: read_document("swap.ps1", first, explicit=True),
    )
    assert read_document("swap.ps1", last, explicit=True).problem is None


def _starts_of_the_vm_made_last(services: int, starts: int, service_option: str) -> bytes:
    """A classic CLI script that creates a VM in each of `services` cloud services, then starts the last."""
    created = [f"azure vm create s{i} img u p --vm-name v{i}" for i in range(services)]
    start = f"azure vm start {service_option}v{services - 1}"
    return ("\n".join([*created, *[start] * starts]) + "\n").encode()


def test_a_vm_started_by_its_name_alone_costs_what_one_started_with_its_service_does():
    """`vm start <vm>` without `-d` finds the service the script created the VM in as `-d` names it: about
    1.6x the cost of the script naming `-d` (with a longer line each) when each start looked through every
    deployment."""
    by_name = _starts_of_the_vm_made_last(2_500, 12_500, "")
    with_service = _starts_of_the_vm_made_last(2_500, 12_500, "-d s2499 ")
    assert_costs_at_most(
        lambda: read_document("start.sh", by_name, explicit=True),
        1.2,
        lambda: read_document("start.sh", with_service, explicit=True),
    )
    assert read_document("start.sh", by_name, explicit=True).problem is None
