"""The summary line every format ends with writes a count of files as it writes a count of findings, with
a thousands separator: `Found 2,000 findings in 1,000 files (of 1,001 read: ...)`, never `in 1000 files`
beside `2,000 findings`."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

from migcheck.report.text import summary

# A web or worker role (MIG101) placed in two subnets (MIG202): two errors a file, so every file is reported.
TWO_SUBNETS = (
    '<ServiceConfiguration serviceName="s{n}" '
    'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">'
    '<Role name="R"><Instances count="1"/></Role><NetworkConfiguration><VirtualNetworkSite name="v"/>'
    '<AddressAssignments><InstanceAddress roleName="R"><Subnets><Subnet name="a"/><Subnet name="b"/>'
    "</Subnets></InstanceAddress></AddressAssignments></NetworkConfiguration></ServiceConfiguration>"
)


def test_counts_of_files_past_a_thousand_have_a_separator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {f"s{n}.cscfg": TWO_SUBNETS.format(n=n) for n in range(1000)}
    result = lint_files(tmp_path, monkeypatch, {**files, "notes.xml": "hi\n"})
    line = summary(result)
    assert " in 1,000 files (of 1,001 read: the others describe nothing classic): " in line
    assert line.startswith(f"Found {len(result.uncapped):,} findings")
