"""A Python script file run with words binds them to its argparse arguments where the parser also declares a
version option (`action="version"`) and an option whose value may be left out (`nargs="?"`, given alone it
stores its `const`), as the cluster builders of that day did (`--version`, `--output [file]`). Before, either
declaration left every argument unbound, read as values not known (`<cloud service name, create.py:12>`), and
the VMs of the service the words name were not placed in no virtual network. A version option given ends the
script, and a `nargs` argparse gives more than one word (`"*"`) still binds nothing."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CREATE = """\
import argparse
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService

parser = argparse.ArgumentParser()
parser.add_argument("--version", action="version", version="create 0.1")
parser.add_argument("service")
parser.add_argument("--output", nargs="?", const="default")
parser.add_argument("--vnet", default=None)
args = parser.parse_args()
sms = ServiceManagementService("sub", "cert.pem")
system = LinuxConfigurationSet("web1", "azureuser", "secret", False)
disk = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/web1.vhd")
sms.create_virtual_machine_deployment(
    args.service, args.service, "production", "web1", "web1", system, disk, virtual_network_name=args.vnet
)
"""


def _found(tmp_path, monkeypatch, words: str, create: str = CREATE) -> list[str]:
    """The messages of MIG105 (a deployment in no virtual network)."""
    files = {"deploy.sh": f"python tools/create.py {words}\n", "tools/create.py": create}
    result = lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False)
    return [f.message for f in result.findings]


@pytest.mark.parametrize(
    "words", ["websvc", "websvc --output", "--output out.json websvc", "--output -- websvc"]
)
def test_the_words_are_bound_past_the_version_option_and_the_optional_value(tmp_path, monkeypatch, words):
    (found,) = _found(tmp_path, monkeypatch, words)
    assert "cloud service 'websvc'" in found


@pytest.mark.parametrize(
    ("words", "deployment"), [("websvc --output", "default"), ("websvc --output a", "a")]
)
def test_the_option_given_alone_stores_its_const(tmp_path, monkeypatch, words, deployment) -> None:
    create = CREATE.replace(
        'args.service, args.service, "production"', 'args.service, args.output, "production"'
    )
    (found,) = _found(tmp_path, monkeypatch, words, create)
    assert f"deployment '{deployment}' of cloud service 'websvc'" in found


def test_the_version_option_given_ends_the_script(tmp_path, monkeypatch) -> None:
    assert not any("'websvc'" in found for found in _found(tmp_path, monkeypatch, "--version websvc"))


def test_another_nargs_still_binds_nothing(tmp_path, monkeypatch) -> None:
    create = CREATE.replace('nargs="?", const="default"', 'nargs="*"')
    assert not any("'websvc'" in found for found in _found(tmp_path, monkeypatch, "websvc", create))
