"""A variable a shell script reads and no line of it assigns (nothing it sources, nor the CI step or Makefile
that runs its lines, sets it) is empty when the script runs in a session of its own, and the session's value
when one that set it runs the script. As for PowerShell's, a finding that turns on it says which it assumes,
as a warning: `azure vm create -w "$VNET"` joins a network without a subnet (MIG203) if the session that runs
the script sets `$VNET`, and unless it does the VM is in no virtual network (MIG105); `-b "$SUBNET"` leaves
the VM without a subnet unless the session sets it. Not a variable with a default (`${VNET:-hub}`), nor one
`${VNET:?}` stops the script without, nor one `read`, `getopts`, a `for` loop or a declaration sets, nor a
positional parameter (the caller's word), nor any variable of a script that sources a file."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Severity

CREATE = 'azure vm create svc img u p --vm-name vm1 --location "West US" -w {network}'


def findings(tmp_path, monkeypatch, files: dict[str, str]):
    result = lint_files(tmp_path, monkeypatch, files, "MIG105", "MIG203", dedent=False)
    return sorted(result.findings, key=lambda f: f.code)


def test_a_network_the_script_never_assigns_is_the_session_s(tmp_path, monkeypatch):
    script = "#!/bin/bash\n" + CREATE.format(network='"$VNET"') + "\n"
    no_network, no_subnet = findings(tmp_path, monkeypatch, {"deploy.sh": script})
    assert where([no_network, no_subnet]) == ["MIG105 deploy.sh:2:1", "MIG203 deploy.sh:2:1"]
    assert (no_network.severity, no_subnet.severity) == (Severity.WARNING, Severity.WARNING)
    assert no_subnet.message == (
        "VM 'vm1' of cloud service 'svc' joins a virtual network without a subnet if the session that "
        "runs the script sets `$VNET`, which the script assigns nowhere (line 2)"
    )
    assert no_network.message.startswith(
        "deployment 'svc' of cloud service 'svc': unless the session that runs the script sets `$VNET`, "
        "which the script assigns nowhere, VM 'vm1' is in no virtual network: migration stops"
    )


def test_a_subnet_the_script_never_assigns_is_the_session_s(tmp_path, monkeypatch):
    script = "#!/bin/bash\n" + CREATE.format(network='net1 -b "$SUBNET"') + "\n"
    [finding] = findings(tmp_path, monkeypatch, {"deploy.sh": script})
    assert (finding.code, finding.severity) == ("MIG203", Severity.WARNING)
    assert finding.message == (
        "VM 'vm1' of cloud service 'svc' is in virtual network 'net1' and has no subnet unless the "
        "session that runs the script sets `$SUBNET`, which the script assigns nowhere (line 2)"
    )


@pytest.mark.parametrize(
    "before, network",
    [
        ("", '"${VNET:?set VNET first}"'),
        (': "${VNET:?}"\n', '"$VNET"'),  # required before
        ("read VNET\n", '"$VNET"'),
        ("while getopts v: VNET; do :; done\n", '"$VNET"'),
        ("f() { local VNET; }\n", '"$VNET"'),
        ("f() { VNET=$(cat vnet.txt); }\n", '"$VNET"'),  # assigned after, in a function
        ("source ./settings.sh\n", '"$VNET"'),  # a file it sources may set it
        ("", '"$1"'),
    ],
    ids=[
        "stops-unset",
        "required-before",
        "read",
        "getopts",
        "local",
        "assigned-elsewhere",
        "sourced",
        "positional",
    ],
)
def test_a_network_something_may_set_is_a_network_not_stated(tmp_path, monkeypatch, before, network):
    files = {
        "deploy.sh": "#!/bin/bash\n" + before + CREATE.format(network=network) + "\n",
        "settings.sh": "X=1\n",
    }
    [finding] = findings(tmp_path, monkeypatch, files)
    assert (finding.code, finding.severity) == ("MIG203", Severity.ERROR)


def test_a_network_with_a_default_is_the_default(tmp_path, monkeypatch):
    script = "#!/bin/bash\n" + CREATE.format(network='"${VNET:-hub}"') + "\n"
    [finding] = findings(tmp_path, monkeypatch, {"deploy.sh": script})
    assert "virtual network 'hub'" in finding.message


WORKFLOW = (
    "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n{env}    steps:\n"
    "      - run: azure config mode asm\n      - run: " + CREATE.format(network='"$VNET"') + "\n"
)


def test_a_ci_step_s_variable_the_workflow_sets_nowhere_is_the_session_s(tmp_path, monkeypatch):
    files = {".github/workflows/deploy.yml": WORKFLOW.format(env="")}
    no_network, no_subnet = findings(tmp_path, monkeypatch, files)
    assert "unless the session that runs the script sets `$VNET`" in no_network.message
    assert no_subnet.severity == Severity.WARNING


def test_a_ci_step_s_variable_the_service_fills_in_is_not_the_session_s(tmp_path, monkeypatch):
    env = "    env:\n      VNET: ${{ secrets.VNET }}\n"
    [finding] = findings(tmp_path, monkeypatch, {".github/workflows/deploy.yml": WORKFLOW.format(env=env)})
    assert (finding.code, finding.severity) == ("MIG203", Severity.ERROR)


def test_a_makefile_recipe_s_variable_set_nowhere_is_the_session_s(tmp_path, monkeypatch):
    recipe = "deploy:\n\tazure config mode asm\n\t" + CREATE.format(network='"$$VNET"') + "\n"
    no_network, no_subnet = findings(tmp_path, monkeypatch, {"Makefile": recipe})
    assert "unless the session that runs the script sets `$VNET`" in no_network.message
    assert "if the session that runs the script sets `$VNET`" in no_subnet.message


def test_a_network_a_test_proves_set_on_a_branch_is_the_network_there(tmp_path, monkeypatch):
    script = (
        '#!/bin/bash\nif [ "$KIND" = linux ]; then\n  if [ "$VNET" ]; then\n'
        '    azure vm create --connect svc --vm-name web -w "$VNET" img u p\n  fi\nelse\n'
        '  azure vm create --connect svc --vm-name win -w "$VNET" -b s1 img u p\nfi\n'
    )
    no_network, no_subnet = findings(tmp_path, monkeypatch, {"deploy.sh": script})
    assert where([no_network, no_subnet]) == ["MIG105 deploy.sh:7:3", "MIG203 deploy.sh:4:5"]
    assert (no_subnet.severity, "VM 'web'" in no_subnet.message) == (Severity.ERROR, True)
    assert "unless the session that runs the script sets `$VNET`" in no_network.message


@pytest.mark.parametrize(
    "test",
    [
        'if [ "$VNET" ]; then\n  echo "network $VNET"\nfi\n',
        'if [ -n "$VNET" ]; then echo set; else echo empty; fi\n',
        '[[ $VNET ]] && echo "network $VNET"\n',
    ],
    ids=["if", "if-else", "and"],
)
def test_a_network_tested_before_is_still_the_session_s_past_the_test(tmp_path, monkeypatch, test):
    script = "#!/bin/bash\n" + test + CREATE.format(network='"$VNET"') + "\n"
    no_network, no_subnet = findings(tmp_path, monkeypatch, {"deploy.sh": script})
    assert (no_network.code, no_subnet.severity) == ("MIG105", Severity.WARNING)
    assert "if the session that runs the script sets `$VNET`" in no_subnet.message


def test_a_network_the_script_stops_without_is_set_past_the_test(tmp_path, monkeypatch):
    script = '#!/bin/bash\nif [ -z "$VNET" ]; then exit 1; fi\n' + CREATE.format(network='"$VNET"') + "\n"
    [finding] = findings(tmp_path, monkeypatch, {"deploy.sh": script})
    assert (finding.code, finding.severity) == ("MIG203", Severity.ERROR)


@pytest.mark.parametrize("place", ['--location "$LOCATION"', "-a $LOCATION"])
def test_a_place_the_script_never_assigns_creates_the_deployment_in_none_if_the_session_sets_it(
    tmp_path, monkeypatch, place
):
    # Without it the command names no place and adds the VM to a deployment the service may have.
    script = f"#!/bin/bash\nazure vm create svc img u p --vm-name vm1 {place}\n"
    [finding] = findings(tmp_path, monkeypatch, {"deploy.sh": script})
    assert (finding.code, finding.severity) == ("MIG105", Severity.WARNING)
    assert finding.message.startswith(
        "deployment 'svc' of cloud service 'svc' is in no virtual network if the session that runs the "
        "script sets `$LOCATION`, which the script assigns nowhere (else the call names no place and adds "
        "its VMs to a deployment the cloud service may have): migration stops"
    )


def test_a_place_the_script_states_creates_the_deployment_in_none(tmp_path, monkeypatch):
    script = '#!/bin/bash\nazure vm create svc img u p --vm-name vm1 --location "${LOCATION:-West US}"\n'
    [finding] = findings(tmp_path, monkeypatch, {"deploy.sh": script})
    assert finding.message.startswith("deployment 'svc' of cloud service 'svc' is in no virtual network: ")
