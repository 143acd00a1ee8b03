"""A file a Python script writes whole (`open(path, 'w').write(text)`, `with open(path, 'w') as f:
f.write(text)`) and then reads back whole (`open(path).read()`) holds what the script wrote: a network
configuration a function writes to the path its caller gives it is the one the caller uploads (PUT
`.../services/networking/media`) from the same path, whether the path is written out or a value the script
does not state (`sys.argv[1]`, `os.environ['TEMP'] + '/vnet.netcfg'`, `os.path.join(...)`, an f-string of
those), so what is wrong in it is found where the script writes it. A file the script may not write first,
may write otherwise too, or a path of no identity (what a call gives) holds what the reader cannot tell."""

from __future__ import annotations

import textwrap

import pytest
from lint_support import lint_files, where

from migcheck.model import NetworkConfiguration
from migcheck.readers import read_document

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <LocalNetworkSites>
      <LocalNetworkSite name="site1">
        <AddressSpace><AddressPrefix>10.9.0.00/16</AddressPrefix></AddressSpace>
        <VPNGatewayAddress>52.1.1.1</VPNGatewayAddress>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="vnetA" Location="East US">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
HEAD = f'''\
import os
import sys
from azure.servicemanagement import ServiceManagementService

sms = ServiceManagementService("subscription-id", "management.pem")
MEDIA = "/subscription-id/services/networking/media"
NETCFG = """{NETCFG}"""
'''
BAD_PREFIX = HEAD.count("\n") - NETCFG.count("\n") + 4  # the line of the invalid prefix, at column 23
WRITER = 'def write_cfg(path):\n    with open(path, "w") as f:\n        f.write(NETCFG)\n'
UPLOAD = "sms.perform_put(MEDIA, open(cfg_file).read())\n"


def _networks(script: str) -> list[list[str]]:
    """The networks of each network configuration the script uploads."""
    document = read_document("vnet.py", (HEAD + textwrap.dedent(script)).encode(), explicit=True)
    assert document is not None and document.problem is None
    return [
        [network.name for network in r.virtual_networks]
        for r in document.resources
        if isinstance(r, NetworkConfiguration)
    ]


@pytest.mark.parametrize(
    "path",
    [
        '"C:/temp/vnet.netcfg"',
        'os.environ["TEMP"] + "/vnet.netcfg"',
        "f\"{os.environ['TEMP']}/{sys.argv[2]}_vnet.netcfg\"",
        'os.path.join(os.environ["TEMP"], "vnet.netcfg")',
        "sys.argv[1]",
    ],
    ids=["written-out", "environment", "built", "joined", "script-argument"],
)
def test_a_network_configuration_a_function_writes_to_its_callers_path_is_the_one_uploaded(
    tmp_path, monkeypatch, path
):
    script = HEAD + WRITER + f"cfg_file = {path}\nwrite_cfg(cfg_file)\n" + UPLOAD
    result = lint_files(tmp_path, monkeypatch, {"vnet.py": script}, "MIG304", dedent=False)
    assert where(result.findings) == [f"MIG304 vnet.py:{BAD_PREFIX}:23"]


@pytest.mark.parametrize(
    "script",
    [
        # written and read back in the script's own code
        'cfg_file = sys.argv[1]\nopen(cfg_file, "w").write(NETCFG)\n' + UPLOAD,
        # through two functions
        WRITER
        + "def prepare(target):\n    write_cfg(target)\n"
        + "cfg_file = sys.argv[1]\nprepare(cfg_file)\n"
        + UPLOAD,
        # the function uploads what its caller wrote
        "def publish(path):\n    sms.perform_put(MEDIA, open(path).read())\n"
        'cfg_file = os.environ["TEMP"] + "/vnet.netcfg"\n'
        'with open(cfg_file, "w") as out:\n    out.write(NETCFG)\npublish(cfg_file)\n',
        # a main function that does both
        WRITER + "def main(cfg_file):\n    write_cfg(cfg_file)\n    " + UPLOAD + "main(sys.argv[1])\n",
        # the same path built twice
        WRITER + 'write_cfg(os.path.join(os.environ["TEMP"], "vnet.netcfg"))\n'
        'sms.perform_put(MEDIA, open(os.path.join(os.environ["TEMP"], "vnet.netcfg")).read())\n',
        WRITER
        + "write_cfg(f'{sys.argv[1]}/vnet.netcfg')\nsms.perform_put(MEDIA, open(sys.argv[1] + '/vnet.netcfg').read())\n",
        # another file written beside it
        'open("notes.txt", "w").write("x")\ncfg_file = "vnet.netcfg"\nopen(cfg_file, "w").write(NETCFG)\n'
        + UPLOAD,
    ],
    ids=[
        "module",
        "two-functions",
        "read-in-a-function",
        "in-main",
        "joined-twice",
        "built-twice",
        "another-file",
    ],
)
def test_the_configuration_read_back_is_the_one_written(script):
    assert _networks(script) == [["vnetA"]]


@pytest.mark.parametrize(
    "script",
    [
        # a path a call gives, which may be another file at each call
        WRITER + "write_cfg(get_path())\nsms.perform_put(MEDIA, open(get_path()).read())\n",
        # not surely written first
        WRITER + "cfg_file = sys.argv[1]\nif len(sys.argv) > 2:\n    write_cfg(cfg_file)\n" + UPLOAD,
        'cfg_file = sys.argv[1]\nif len(sys.argv) > 2:\n    open(cfg_file, "w").write(NETCFG)\n' + UPLOAD,
        # written after it is read
        "cfg_file = sys.argv[1]\n" + UPLOAD + 'open(cfg_file, "w").write(NETCFG)\n',
        # another path
        'open("a.netcfg", "w").write(NETCFG)\nsms.perform_put(MEDIA, open("b.netcfg").read())\n',
        # two values that may differ
        'open(sys.argv[1], "w").write(NETCFG)\nsms.perform_put(MEDIA, open(sys.argv[2]).read())\n',
        # a function that writes it called twice, each time to a path of its own
        WRITER + "cfg_file = sys.argv[1]\nwrite_cfg(cfg_file)\nwrite_cfg(sys.argv[2])\n" + UPLOAD,
        # written otherwise too: appended to, or the open file passed on
        'cfg_file = sys.argv[1]\nopen(cfg_file, "w").write(NETCFG)\nopen(cfg_file, "a").write("<!-- -->")\n'
        + UPLOAD,
        'import json\ncfg_file = sys.argv[1]\nwith open(cfg_file, "w") as f:\n    f.write(NETCFG)\n'
        "    json.dump({}, f)\n" + UPLOAD,
        # written piece by piece
        'cfg_file = sys.argv[1]\nwith open(cfg_file, "w") as f:\n    f.write(NETCFG)\n    f.write("")\n'
        + UPLOAD,
        # the script's own `open`, or a file opened otherwise too
        "def open(path, mode='r'):\n    return None\n"
        'cfg_file = sys.argv[1]\nopen(cfg_file, "w").write(NETCFG)\n' + UPLOAD,
        'import codecs\ncfg_file = sys.argv[1]\nopen(cfg_file, "w").write(NETCFG)\n'
        'codecs.open(cfg_file, "w", "utf-8").write("")\n' + UPLOAD,
    ],
    ids=[
        "no-identity",
        "call-under-a-test",
        "write-under-a-test",
        "written-after",
        "another-path",
        "two-values",
        "function-called-twice",
        "appended",
        "passed-on",
        "piece-by-piece",
        "own-open",
        "opened-otherwise",
    ],
)
def test_a_file_the_reader_cannot_tell_was_written_so_is_not_read(script):
    assert _networks(script) == []
