"""A Python script file another script or a CI step runs with words reads them however Python gives them:
through a slice of `sys.argv` (`service, name = sys.argv[1:3]`, `args = sys.argv[1:]` then `args[0]`), through
the dictionary `vars()` makes of what argparse returns (`vars(parser.parse_args())["name"]`, `options =
vars(args)`), and through `parse_known_args()`, which leaves over the words no argument takes (`args, rest =
parser.parse_known_args()`); an argument declared with `type=` or `choices=` is the word given it, as text.
Before, each of these read the arguments as values not known (`<VM name, create.py:N>`)."""

from __future__ import annotations

import pytest
from lint_support import lint_files

HEAD = """\
import sys
import argparse
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk
from azure.servicemanagement import ConfigurationSet
"""
BODY = """\
sms = ServiceManagementService("sub-1", "cert.pem")
linux = LinuxConfigurationSet(name, "azureuser", "pw", True)
os_hd = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/%s.vhd" % name)
net = ConfigurationSet()
net.configuration_set_type = "NetworkConfiguration"
net.subnet_names.append("Subnet-1")
net.subnet_names.append("Subnet-2")
sms.create_virtual_machine_deployment(service, service, "production", service, name, linux,
    os_hd, network_config=net, role_size="Small", virtual_network_name="prodnet")
"""
PARSER = """\
parser = argparse.ArgumentParser()
parser.add_argument("--service", default="defaultsvc", choices=["websvc", "othersvc"])
parser.add_argument("--count", type=int, default=1)
parser.add_argument("name")
"""
READS = {
    "slice-unpacked": ("service, name = sys.argv[1:3]\n", "websvc web1"),
    "slice-kept": ("args = sys.argv[1:]\nservice = args[0]\nname = args[1]\n", "websvc web1"),
    "slice-from-argv": ("from sys import argv\nservice, name = argv[1:]\n", "websvc web1"),
    "vars-at-once": (
        PARSER + 'service = vars(parser.parse_args())["service"]\nname = vars(parser.parse_args())["name"]\n',
        "--service websvc --count 2 web1",
    ),
    "vars-kept": (
        PARSER + 'options = vars(parser.parse_args())\nservice, name = options["service"], options["name"]\n',
        "--service websvc web1",
    ),
    "vars-of-namespace": (
        PARSER + 'args = parser.parse_args()\nservice, name = vars(args)["service"], args.name\n',
        "--service=websvc web1",
    ),
    "known-args": (
        PARSER + "args, rest = parser.parse_known_args()\nservice, name = args.service, args.name\n",
        "--verbose --service websvc web1 extra",
    ),
    "known-args-first": (
        PARSER + "args = parser.parse_known_args()[0]\nservice, name = args.service, args.name\n",
        "--service websvc --count 3 web1",
    ),
}


def _vm(tmp_path, monkeypatch, reads: str, command: str, runner: str = "deploy.sh") -> str:
    """How MIG202 names the VM the script creates in two subnets (`VM 'web1' of cloud service 'websvc'`)."""
    runs = {
        "deploy.sh": f"#!/bin/bash\npython3 tools/create.py {command}\n",
        "azure-pipelines.yml": f"steps:\n- script: python tools/create.py {command}\n",
        "deploy.ps1": f"python tools/create.py {command}\n",
    }
    files = {runner: runs[runner], "tools/create.py": HEAD + reads + BODY}
    (finding,) = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False).findings
    return finding.message.partition(" is in ")[0]


@pytest.mark.parametrize("read", list(READS))
def test_the_words_given_are_the_script_s_arguments(tmp_path, monkeypatch, read):
    reads, command = READS[read]
    assert _vm(tmp_path, monkeypatch, reads, command) == "VM 'web1' of cloud service 'websvc'"


@pytest.mark.parametrize("runner", ["azure-pipelines.yml", "deploy.ps1"])
@pytest.mark.parametrize("read", ["slice-unpacked", "vars-kept", "known-args"])
def test_so_too_from_a_ci_step_or_powershell(tmp_path, monkeypatch, read, runner):
    reads, command = READS[read]
    assert _vm(tmp_path, monkeypatch, reads, command, runner) == "VM 'web1' of cloud service 'websvc'"


def test_a_slice_past_a_word_not_stated_keeps_it_unknown(tmp_path, monkeypatch):
    found = _vm(tmp_path, monkeypatch, "service, name = sys.argv[1:3]\n", 'websvc "$VM"')
    assert found.startswith("VM '<VM name, create.py:") and found.endswith("of cloud service 'websvc'")


def test_an_option_parse_args_does_not_know_binds_nothing(tmp_path, monkeypatch):
    reads = (
        PARSER + 'options = vars(parser.parse_args())\nservice, name = options["service"], options["name"]\n'
    )
    found = _vm(tmp_path, monkeypatch, reads, "--verbose --service websvc web1")
    assert found.startswith("VM '<VM name, create.py:") and "'websvc'" not in found
