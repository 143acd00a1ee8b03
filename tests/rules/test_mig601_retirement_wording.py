"""MIG601 says each retirement as Microsoft names the product: "Cloud Services (classic) was retired",
"IaaS VMs (classic) were retired"."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules


@pytest.mark.parametrize(
    ("script", "said"),
    [
        (
            'New-AzureService -ServiceName "s1" -Location "West US"\n',
            "Cloud Services (classic) was retired on",
        ),
        (
            'New-AzureQuickVM -Windows -ServiceName "s1" -Name "v1" -ImageName "i" -Password "p"\n',
            "IaaS VMs (classic) were retired on",
        ),
        (
            'New-AzureService -ServiceName "s1" -Location "West US"\n'
            'New-AzureStorageAccount -StorageAccountName "a1" -Location "West US"\n',
            "Cloud Services (classic) and classic storage accounts were retired on",
        ),
    ],
)
def test_the_retirement_is_worded_as_the_product_is_named(tmp_path: Path, script: str, said: str):
    path = tmp_path / "deploy.ps1"
    path.write_text(script)
    (finding,) = [f for f in lint([str(path)], Config(), load_rules()).findings if f.code == "MIG601"]
    assert said in finding.message
