"""`az resource create` in a shell script, a CI step or an Ansible shell task is read for a Resource Manager
resource it puts on a classic one (`--properties` naming a classic subnet: `xplat.az_reaching`), as every
other `az` command is, besides for a classic type it creates through Resource Manager."""

from __future__ import annotations

import pytest

from migcheck.model import Mark
from migcheck.readers import read_document, xplat

LINE = (
    "az resource create -g apim-rg -n shop-apim --resource-type Microsoft.ApiManagement/service "
    '--properties \'{"virtualNetworkConfiguration": {"subnetResourceId": "/subscriptions/x/resourceGroups/'
    "n/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1/subnets/apim\"}}'"
)


@pytest.mark.parametrize(
    "path, text",
    [
        ("apim.sh", f"#!/bin/bash\n{LINE}\n"),
        (
            ".github/workflows/apim.yml",
            f"on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          {LINE}\n",
        ),
    ],
    ids=["shell", "ci"],
)
def test_az_resource_create_is_handed_to_what_reads_resources_on_classic_ones(
    path: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    given: list[list[str | None]] = []

    def reaching(words: list[xplat.Word], at: Mark, subscription: str = "") -> tuple[object, ...]:
        given.append([w.text for w in words[:2]])
        return ("reached",)

    monkeypatch.setattr(xplat, "az_reaching", reaching)
    document = read_document(path, text.encode(), explicit=True)
    assert document is not None
    assert given == [["resource", "create"]]
    assert "reached" in document.resources
