"""MIG203's fix for a VM the classic CLI makes in a network without a subnet gives the subnet option beside
the network option in both of the CLI's spellings, so a script writing `--virtual-network-name` (and one
writing `-w`) finds the option it uses."""

from __future__ import annotations

import pytest
from lint_support import lint_files


@pytest.mark.parametrize("network", ["--virtual-network-name app-vnet", "-w app-vnet"])
def test_the_fix_names_the_network_option_as_the_line_writes_it(tmp_path, monkeypatch, network):
    script = (
        f"azure config mode asm\nazure vm create shop img ops x --vm-name web1 -l 'North Europe' {network}\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"create.sh": script}, "MIG203", dedent=False)
    [finding] = result.findings
    assert "`-b <subnet>` (`--subnet-names`)" in finding.fix
    assert f"`{network.split()[0]}" in finding.fix
