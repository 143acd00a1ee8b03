"""A PowerShell range whose last end is a member of a variable glued to the dots (`1..$vms.Count`), which
the grammar reads as the name of a command, is parsed as PowerShell reads it: the count of a list the
script states, so a loop over it walks each number, as it does `0..($vms.Count - 1)`. The Count and Length
of a list are its items when the reader knows each is one; of a list it does not know, the range is not
known either, and the loop's turns are not read one by one."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment

CREATE = 'azure vm create "web$i" img azureuser -l "West US"'
LIST = "$vms = @('a', 'b', 'c')\n"


def _services(text: str) -> list[str]:
    return sorted(r.service_name for r in script_resources(text, "make.ps1") if isinstance(r, Deployment))


@pytest.mark.parametrize(
    ("loop", "services"),
    [
        (f"foreach ($i in 1..$vms.Count) {{ {CREATE} }}\n", ["web1", "web2", "web3"]),
        (f"foreach ($i in 1..$vms.Length) {{ {CREATE} }}\n", ["web1", "web2", "web3"]),
        (f"foreach ($i in 0..($vms.Count - 1)) {{ {CREATE} }}\n", ["web0", "web1", "web2"]),
        (f"1..$vms.Count | ForEach-Object {{ $i = $_; {CREATE} }}\n", ["web1", "web2", "web3"]),
        (f"$n = $vms.Count\nfor ($i = 1; $i -le $n; $i++) {{ {CREATE} }}\n", ["web1", "web2", "web3"]),
    ],
)
def test_a_range_to_the_count_of_a_stated_list_is_walked(loop, services):
    assert _services(LIST + loop) == services


def test_the_count_of_a_string_is_one():
    assert _services(f"$vms = 'abc'\nforeach ($i in 1..$vms.Count) {{ {CREATE} }}\n") == ["web1"]


@pytest.mark.parametrize(
    "listed",
    [
        "$vms = Get-AzureVM -ServiceName shop\n",  # a list the script does not state
        "$vms = @('a', $name)\n",  # an item that may be none, or many
    ],
)
def test_the_count_of_a_list_not_known_is_no_range_the_reader_walks(listed):
    [service] = _services(f"{listed}foreach ($i in 1..$vms.Count) {{ {CREATE} }}\n")
    assert service.startswith("<DNS name")
