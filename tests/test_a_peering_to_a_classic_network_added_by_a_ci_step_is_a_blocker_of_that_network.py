"""A peering a CI pipeline's step adds with the Azure CLI (`az network vnet peering create --remote-vnet <id>`
in a GitHub Actions `run:` or a GitLab CI `script:`) from a Resource Manager network to a classic one is a
peering of that classic network (MIG313), as the same command in a shell script is. The pipeline's step used
to lose it: the pipeline reader kept the step's classic calls and not what its commands state apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import APP_VNET_NETCFG, lint_files, where
from test_a_peering_to_a_classic_network_added_by_the_azure_cli_or_azure_mgmt_network import CLASSIC

COMMAND = (
    f"az network vnet peering create -g hub-rg -n hub-to-app --vnet-name hub-vnet --remote-vnet {CLASSIC}"
)
PIPELINES = {
    ".github/workflows/peer.yml": (
        f"on: push\njobs:\n  peer:\n    runs-on: ubuntu-latest\n    steps:\n      - run: {COMMAND}\n",
        "6:104",
    ),
    ".gitlab-ci.yml": (f"peer:\n  script:\n    - {COMMAND}\n", "3:97"),
}


@pytest.mark.parametrize("path", PIPELINES)
def test_the_step_s_peering_is_one_of_the_classic_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    text, at = PIPELINES[path]
    files = {"NetworkConfig.netcfg": APP_VNET_NETCFG, path: text}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert where(result.findings) == [f"MIG313 {path}:{at}"]
