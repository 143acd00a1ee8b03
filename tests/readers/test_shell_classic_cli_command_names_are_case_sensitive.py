"""The classic CLI's parser (commander) matches command and option names as written: `azure VM create`
is refused ("'VM' is not an azure command"), as is `--VM-Name`, whichever script runs it."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment, Script


@pytest.mark.parametrize("path", ["deploy.sh", "deploy.ps1"])
def test_command_names_in_another_case_are_not_the_commands(read, path):
    doc = read(
        path,
        """
        azure config mode asm
        azure vm create svc1 img u p -w net1 -b a
        azure VM create svc2 img u p -w net1 -b a
        azure vm Create svc3 img u p -w net1 -b a
        azure Network vnet validate-migration net1
        azure VM start svc1
        azure vm create svc4 img u p --Virtual-Network-Name net1
        """,
    )
    services = [r.service_name for r in doc.resources if isinstance(r, Deployment)]
    assert services == ["svc1"]
    (script,) = [r for r in doc.resources if isinstance(r, Script)]
    assert [call.name for call in script.calls] == ["azure vm create"]
    assert script.migration == ()
