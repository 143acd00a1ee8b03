"""An Azure Pipelines loop (`${{ each x in parameters.list }}:`, as a list's item or a mapping's key) inserts
its value once per item of a list the pipeline states, `${{ x }}` the item (`${{ x.name }}` a property of an
object item; `${{ x.key }}`/`${{ x.value }}` of a mapping's entry). A list the file does not state leaves the
item not stated."""

from __future__ import annotations

import pytest
from lint_support import lint_files

LOOP = """\
parameters:
- name: vnets
  type: object
  default: {listed}
steps:
- ${{{{ each net in parameters.vnets }}}}:
  - powershell: |
      Move-AzureVirtualNetwork -Validate -VirtualNetworkName "{reference}"
      Move-AzureVirtualNetwork -Commit -VirtualNetworkName "{reference}"
      Move-AzureVirtualNetwork -Prepare -VirtualNetworkName "{reference}"
"""


def _committed_first(tmp_path, monkeypatch, pipeline: str) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, {"azure-pipelines.yml": pipeline}, "MIG602", dedent=False)
    # A network named by a value not stated is judged as one of its own (no name in quotes): not listed.
    named = [f for f in result.findings if f.location and chr(39) in f.message]
    return sorted(f"{f.location.line} {f.message.split(chr(39))[1]}" for f in named if f.location)


@pytest.mark.parametrize(
    ("listed", "reference"),
    [
        ("[hub-vnet, spoke-vnet]", "${{ net }}"),
        ("\n  - name: hub-vnet\n  - name: spoke-vnet", "${{ net.name }}"),
        ("\n    hub-vnet: westeurope\n    spoke-vnet: northeurope", "${{ net.key }}"),
    ],
)
def test_a_loop_inserts_its_steps_once_per_item_of_a_stated_list(tmp_path, monkeypatch, listed, reference):
    pipeline = LOOP.format(listed=listed, reference=reference)
    line = 9 + listed.count("\n")
    assert _committed_first(tmp_path, monkeypatch, pipeline) == [f"{line} hub-vnet", f"{line} spoke-vnet"]


def test_a_loop_of_a_list_not_stated_leaves_its_item_not_stated(tmp_path, monkeypatch):
    pipeline = LOOP.format(listed="[hub-vnet]", reference="${{ net }}").replace(
        "parameters.vnets", "parameters.nets"
    )
    assert _committed_first(tmp_path, monkeypatch, pipeline) == []
