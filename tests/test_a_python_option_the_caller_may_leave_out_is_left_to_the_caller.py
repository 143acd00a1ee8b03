"""An option a Python script's argparse parser declares with no default, or a default of None, is None when
the script is run without it and the caller's value when run with it (`--virtual-network-name`); so is an
environment variable read with no default (`os.environ.get("VNET")`, `os.getenv("VNET")`), None where whoever
runs the script does not set it. Read alone, the script does not say which, so a finding that turns on it
says which it assumes, as a warning, in the words the caller uses: `create_virtual_machine_deployment(...,
virtual_network_name=args.virtual_network_name)` joins a network without a subnet (MIG203) if the caller
gives `--virtual-network-name`, and unless it does the VM is in no virtual network (MIG105). An option
`required=True` or with a default that is not None is surely set, as ever; and where a file runs the script
with words, that run alone is read."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Severity

SCRIPT = """\
import argparse
import os
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService
parser = argparse.ArgumentParser()
parser.add_argument('--service', required=True)
{option}
args = parser.parse_args()
sms = ServiceManagementService('sub', 'c.pem')
sms.create_hosted_service(args.service, label='x', location='West US')
system = LinuxConfigurationSet('h', 'core', None, True)
disk = OSVirtualHardDisk(media_link='https://acct.blob.core.windows.net/vhds/x.vhd', source_image_name='img')
sms.create_virtual_machine_deployment(args.service, 'dep', 'production', 'vm0', 'vm0', system, disk,
    role_size='Small', virtual_network_name={network})
"""

OPTION = "parser.add_argument('--virtual-network-name', default=None)"


def findings(tmp_path, monkeypatch, files: dict[str, str]):
    result = lint_files(tmp_path, monkeypatch, files, "MIG105", "MIG203", dedent=False)
    return sorted(result.findings, key=lambda f: f.code)


@pytest.mark.parametrize(
    "option",
    [
        OPTION,
        "parser.add_argument('--virtual-network-name')",
        "parser.add_argument('-n', '--virtual-network-name')",
    ],
    ids=["default-none", "no-default", "short-and-long"],
)
def test_an_option_the_caller_may_leave_out_is_the_caller_s(tmp_path, monkeypatch, option):
    script = SCRIPT.format(option=option, network="args.virtual_network_name")
    no_network, no_subnet = findings(tmp_path, monkeypatch, {"create.py": script})
    assert where([no_network, no_subnet]) == ["MIG105 create.py:12:5", "MIG203 create.py:12:5"]
    assert (no_network.severity, no_subnet.severity) == (Severity.WARNING, Severity.WARNING)
    assert no_subnet.message == (
        "VM 'vm0' of deployment 'dep' joins a virtual network without a subnet if the "
        "caller gives `--virtual-network-name` (line 12)"
    )
    assert no_network.message.startswith(
        "deployment 'dep': unless the caller gives "
        "`--virtual-network-name`, VM 'vm0' is in no virtual network: migration stops"
    )


@pytest.mark.parametrize(
    "read", ["os.environ.get('VNET')", "os.getenv('VNET')", "os.environ.get('VNET', None)"]
)
def test_an_environment_variable_read_with_no_default_is_the_environment_s(tmp_path, monkeypatch, read):
    script = SCRIPT.format(option="", network=read)
    no_network, no_subnet = findings(tmp_path, monkeypatch, {"create.py": script})
    assert (no_network.severity, no_subnet.severity) == (Severity.WARNING, Severity.WARNING)
    assert no_subnet.message == (
        "VM 'vm0' of deployment 'dep' joins a virtual network without a subnet if the "
        "environment that runs the script sets `VNET` (line 12)"
    )
    assert "unless the environment that runs the script sets `VNET`, VM 'vm0' is in" in no_network.message


@pytest.mark.parametrize(
    "option",
    [
        "parser.add_argument('--virtual-network-name', required=True)",
        "parser.add_argument('--virtual-network-name', default='hub-vnet')",
    ],
    ids=["required", "default"],
)
def test_an_option_surely_set_names_a_network(tmp_path, monkeypatch, option):
    script = SCRIPT.format(option=option, network="args.virtual_network_name")
    [no_subnet] = findings(tmp_path, monkeypatch, {"create.py": script})
    assert (no_subnet.code, no_subnet.severity) == ("MIG203", Severity.ERROR)
    assert "caller" not in no_subnet.message


def test_a_run_with_words_is_read_as_that_run(tmp_path, monkeypatch):
    script = SCRIPT.format(option=OPTION, network="args.virtual_network_name")
    run = "#!/bin/sh\npython3 create.py --service web\n"
    [no_network] = findings(tmp_path, monkeypatch, {"create.py": script, "run.sh": run})
    assert no_network.code == "MIG105"
    assert no_network.message.startswith("deployment 'dep' of cloud service 'web' is in no virtual network")
