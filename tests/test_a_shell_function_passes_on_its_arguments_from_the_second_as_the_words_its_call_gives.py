"""A shell function that takes its first argument for itself and passes the rest on (`create() { azure vm
create "$1" "${@:2}"; }`) ran its command without the words of `"${@:2}"`: the VM lost its image, size and
network, and was said to be in no network. `"${@:2}"` (`${@:2:2}`: two of them) is now each word the call
gives from the second, as `"$@"` is all of them."""

from __future__ import annotations

import pytest
from lint_support import lint_files

IMAGE = "b39f27a8b8c64d52b05eac6a62ebad85__Ubuntu-14_04-LTS-amd64-server-20140414-en-us-30GB"
CALL = f"create shop {IMAGE} ops --vm-name web1 --virtual-network-name app-vnet\n"
SCRIPTS = {
    "from the second": 'create() {\n  local service=$1\n  azure vm create "$service" "${@:2}"\n}\n' + CALL,
    "two, then the rest": ('create() {\n  azure vm create "$1" ${@:2:2} "${@:4}"\n}\n' + CALL),
}


@pytest.mark.parametrize("shape", list(SCRIPTS))
def test_the_vm_the_call_names_is_in_the_network_its_words_give(tmp_path, monkeypatch, shape):
    result = lint_files(tmp_path, monkeypatch, {"provision.sh": "#!/bin/bash\n" + SCRIPTS[shape]})
    (estate,) = result.estates
    placed = [
        (s.name, p.virtual_network and p.virtual_network.name, [r.name for r in p.roles])
        for s in estate.cloud_services
        for p in s.placements
    ]
    assert placed == [("shop", "app-vnet", ["web1"])]
    assert "MIG105" not in [f.code for f in result.findings]
