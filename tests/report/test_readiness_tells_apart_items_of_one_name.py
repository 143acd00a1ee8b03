"""The readiness summary tells apart items whose names are alike, as the plan's steps do: a cloud service
whose listed name another's is too (two packages of one service name in two folders, two definitions of one
service name in one folder) is shown with the folder of its file, or the file where the folder is the same;
in its own row and in a network's list of services alike, in the text summary and in report-json."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.plan import build_plan
from migcheck.plugins import load_rules
from migcheck.report import render
from migcheck.report.readiness import readiness

CSCFG = """\
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2" /></Role>
  <NetworkConfiguration><VirtualNetworkSite name="net" /></NetworkConfiguration>
</ServiceConfiguration>
"""
CSDEF = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web"><Endpoints><InputEndpoint name="http" protocol="http" port="80" /></Endpoints></WebRole>
</ServiceDefinition>
"""
ROLE = """\
<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
  <RoleName>vm01</RoleName>
  <RoleType>PersistentVMRole</RoleType>
  <OSVirtualHardDisk><MediaLink>http://store1.blob.core.windows.net/vhds/vm01.vhd</MediaLink></OSVirtualHardDisk>
</PersistentVMRole>
"""


def _lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> LintResult:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return lint(["."], Config(), load_rules(entry_points=False))


def _names(result: LintResult) -> list[str]:
    return [item.name for summary in readiness(result) for item in summary.items]


def test_definitions_of_one_name_in_one_folder_are_one_service(tmp_path, monkeypatch) -> None:
    # A service name is one cloud service, as two role bodies of one VM there are one VM: the second
    # definition is a copy of the first, which is checked (MIG004 says where they differ).
    files = {"c/one.csdef": CSDEF, "c/two.csdef": CSDEF.replace('"Web"', '"Worker"')}
    result = _lint(tmp_path, monkeypatch, files)
    services = [name for name in _names(result) if name.startswith("shop")]
    assert services == ["shop"]
    text = render(result, "text")
    assert "    shop (1 web/worker role)" in text
    steps = [step.name for plan in build_plan(result).subscriptions for step in plan.steps]
    assert set(services) <= set(steps)
    assert [f.code for f in result.findings if f.code == "MIG004"] == ["MIG004"]


def test_services_of_one_name_in_a_network_are_listed_with_their_folders(tmp_path, monkeypatch) -> None:
    files = {f"{d}/{name}": text for d in "ab" for name, text in (("S.cscfg", CSCFG), ("S.csdef", CSDEF))}
    result = _lint(tmp_path, monkeypatch, files)
    assert "cloud services: shop (1 web/worker role; in a), shop (1 web/worker role; in b))" in render(
        result, "text"
    )
    report = json.loads(render(result, "report-json"))
    (network,) = [i for s in report["subscriptions"][0]["scopes"] for i in s["items"] if i["name"] == "net"]
    assert [s["name"] for s in network["migrates"]["cloud_services"]] == ["shop (a)", "shop (b)"]


def test_an_item_of_a_name_of_its_own_is_shown_by_its_name(tmp_path, monkeypatch) -> None:
    result = _lint(tmp_path, monkeypatch, {"c/role.xml": ROLE})
    assert "<cloud service of VM vm01>" in _names(result)
