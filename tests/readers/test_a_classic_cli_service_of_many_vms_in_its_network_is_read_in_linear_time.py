"""A cloud service the classic CLI gives many VMs, each created naming the service's virtual network
(`azure vm create shop img u p -n webN -w "$NET"`), is read in time linear in its VMs: the paths that name
the deployment's network are found once for the deployment, where each VM's role looked through every VM
of it again (a Dockerfile of 800 stages each adding one took 3.3 times the time of 400)."""

from __future__ import annotations

from growth import assert_linear


def _script(count: int) -> bytes:
    lines = ['NET="app-vnet"']
    lines += [
        f'azure vm create shop img ops "P@ss1" -n web{i} -w "$NET" -b web --connect' for i in range(count)
    ]
    return ("\n".join(lines) + "\n").encode()


def test_the_vms_of_one_service_in_its_network_cost_linear_time():
    from migcheck.readers import shell

    def make(count: int):
        data = _script(count)
        return lambda: shell.read("deploy.sh", data)

    assert_linear(make, 1500)
