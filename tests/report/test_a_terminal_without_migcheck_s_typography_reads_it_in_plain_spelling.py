"""A terminal or CI log whose codec lacks the few typographic characters migcheck's own sentences use
(`… and 41 more`, a name cut with `…`, dashes, the multiplication sign) reads them in their plain spelling, not as `\\u2026`;
every other character it cannot write, from a file or not, is still a backslash escape."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from migcheck.output import EncodedStream

LONG_SUBNET = "front" * 30  # longer than a message names a member: cut with "…"
CSCFG = f"""<ServiceConfiguration serviceName="svc"
    xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="web"><Instances count="1"/></Role>
  <NetworkConfiguration>
    <VirtualNetworkSite name="vnet"/>
    <AddressAssignments>
      <InstanceAddress roleName="web">
        <Subnets><Subnet name="{LONG_SUBNET}"/><Subnet name="back"/></Subnets>
      </InstanceAddress>
    </AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
"""


def test_an_ascii_stream_gets_the_plain_spelling_of_typography_and_escapes_of_the_rest():
    raw = io.BytesIO()
    stream = EncodedStream(io.TextIOWrapper(raw, encoding="ascii"))
    stream.write("\u2026 and 3 more: 2.5\u00d7 \u2014 caf\u00e9 \udcff")
    assert raw.getvalue() == b"... and 3 more: 2.5x -- caf\\xe9 \\udcff"


def test_a_check_on_an_ascii_terminal_cuts_a_long_name_with_three_dots(tmp_path: Path):
    (tmp_path / "svc.cscfg").write_text(CSCFG, encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    run = [sys.executable, "-m", "migcheck", "check", str(tmp_path)]
    out = subprocess.run(run, capture_output=True, env=env, check=False).stdout
    assert b"is in 2 subnets (" + LONG_SUBNET[:99].encode() + b"..., back)" in out
    assert b"\\u2026" not in out


def test_a_message_on_standard_error_spells_it_too(tmp_path: Path):
    for n in range(7):  # more files than a message names: the rest are "…"
        (tmp_path / f"plain{n}.json").write_text('{"a": 1}', encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    run = [sys.executable, "-m", "migcheck", "check", "--verbose", str(tmp_path)]
    err = subprocess.run(run, capture_output=True, env=env, check=False).stderr
    assert b"plain4.json, ...\n" in err
    assert b"\\u2026" not in err
