"""A PowerShell expression chained thousands deep without a bracket, which the nesting bound (100
brackets) does not refuse: a sum of thousands of terms at the script's top level (`$y = 1 + 1 + …`), whose
folder reading went down one Python frame per term and stopped the read with a RecursionError, and
assignments, conditions of many `-not` or `-and`, and pipelines of as many stages. Each is read in time
linear in its size, and the script's classic calls are still read."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from growth import assert_linear

from migcheck.model import Script
from migcheck.readers.powershell import read

HEAD = "New-AzureService -ServiceName shop -Location 'West US'\n"
CHAINS: dict[str, Callable[[int], str]] = {
    "sum": lambda n: "$y = " + " + ".join(["1"] * n) + "\n",
    "assignments": lambda n: "$a = " * n + "1\n",
    "negations": lambda n: "if (" + "-not " * n + "$x) { Write-Output 1 }\n",
    "conjunctions": lambda n: "if (" + " -and ".join(["$x"] * n) + ") { Write-Output 1 }\n",
    "pipeline": lambda n: " | ".join(["Write-Output 1"] * n) + "\n",
}


@pytest.mark.parametrize("chain", CHAINS)
def test_the_script_is_read(chain):
    document = read("deep.ps1", (HEAD + CHAINS[chain](4000)).encode())
    assert document.problem is None
    [script] = [r for r in document.resources if isinstance(r, Script)]
    assert [call.name for call in script.calls] == ["New-AzureService"]


@pytest.mark.parametrize("chain", CHAINS)
def test_it_costs_its_size(chain):
    def make(n: int) -> Callable[[], object]:
        source = (HEAD + CHAINS[chain](n)).encode()
        return lambda: read("deep.ps1", source)

    assert_linear(make, 1000)
