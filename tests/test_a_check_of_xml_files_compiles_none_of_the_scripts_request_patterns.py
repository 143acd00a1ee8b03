"""The patterns `migcheck.automation` matches scripts' URLs and commands with (the API's hosts, its request
paths, a classic command) are compiled when a script is first matched, not as the module is imported:
every check imports it with the rules, and a check of XML files alone has nothing to match them with.
A script still has them matched."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

# Each pattern compiled by a function of `migcheck.automation` is noted, by its text, in the file the
# probe is given, as the check ends.
PROBE = """\
import atexit, json, re, sys
compiled = []
compile = re.compile
def noted(pattern, flags=0):
    if sys._getframe(1).f_globals.get("__name__") == "migcheck.automation":
        compiled.append(str(pattern))
    return compile(pattern, flags)
re.compile = noted
atexit.register(lambda: open(sys.argv[1], "w").write(json.dumps(compiled)))
from migcheck.cli import main
sys.exit(main(sys.argv[2:]))
"""

NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="app-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="web"><AddressPrefix>10.0.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""

SCRIPT = """\
import requests

SUBSCRIPTION = "sub-1"
requests.post(
    f"https://management.core.windows.net/{SUBSCRIPTION}/services/hostedservices",
    data="<CreateHostedService/>",
)
"""


def compiled_by_a_check(tmp_path: Path, folder: Path) -> tuple[list[str], str]:
    """The patterns `migcheck.automation` compiled in `migcheck check FOLDER`, and what the check printed."""
    listing = tmp_path / "compiled.json"
    run = subprocess.run(
        [sys.executable, "-c", PROBE, str(listing), "check", str(folder), "--jobs", "1"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(listing.read_text()), run.stdout


def test_a_check_of_a_network_configuration_compiles_none_of_them(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "network.netcfg").write_text(NETCFG)
    compiled, printed = compiled_by_a_check(tmp_path, project)
    assert "app-vnet" in printed  # it was read and summarised
    assert compiled == []


def test_a_script_that_calls_the_api_has_them_compiled_and_matched(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "deploy.py").write_text(SCRIPT)
    compiled, printed = compiled_by_a_check(tmp_path, project)
    assert compiled  # compiled at the script's first match
    assert "deploy.py:4:10: MIG601" in printed  # its request to the API is found
