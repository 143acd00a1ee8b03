"""A selection of rules reads only the files those rules need (`lint(whole_estate=False)`, `migcheck check
--select` with a report that lists findings), and gives exactly the findings a run over every file gives
for those rules."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from migcheck import guarded
from migcheck.cli import main
from migcheck.config import Config
from migcheck.engine import _needed, lint, walk
from migcheck.estate import kinds_to_read
from migcheck.plugins import load_rules

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CORPUS = ROOT.parent / "shared" / "corpus"
RULES = load_rules(entry_points=False)
# The rules whose selection reads less than every file, by the kinds of file they read. A selection of
# any other rule reads every file: it is the full run with only that rule enabled (see
# `test_a_rule_about_cloud_services_reads_every_file`).
FAMILIES: dict[frozenset[object], list[str]] = {}
for _rule in RULES:
    _kinds = kinds_to_read([_rule.reads()])
    if _kinds is not None:
        FAMILIES.setdefault(_kinds, []).append(_rule.code)
NARROW = [code for codes in FAMILIES.values() for code in codes]


def _rule_examples(folder: Path) -> Path:
    """Every example of every rule, each in a folder of its own, as one estate: many formats, and files
    that meet each other (two examples' services of one name) as they would in a repository."""
    for rule in RULES:
        for number, example in enumerate((*rule.invalid, *rule.valid)):
            for path, text in example.files.items():
                target = folder / rule.code / str(number) / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    return folder


SUB_A, SUB_B = "3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d", "8c3f2a1e-5b7d-4e9a-a1c2-3d4e5f6a7b8c"
NETCFG = """<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="{name}" Location="West Europe">
      <AddressSpace><AddressPrefix>10.{n}.0.0/16</AddressPrefix></AddressSpace>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
CLASSIC_NETWORK = """{{"data": [{{
  "id": "/subscriptions/{sub}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/{name}",
  "name": "{name}", "type": "microsoft.classicnetwork/virtualnetworks", "subscriptionId": "{sub}",
  "properties": {{"addressSpace": {{"addressPrefixes": ["{prefix}"]}}, "subnets": []}}
}}]}}
"""
PEERING = """{{"data": [{{
  "id": "/subscriptions/{sub}/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub-vnet",
  "name": "hub-vnet", "type": "microsoft.network/virtualnetworks", "subscriptionId": "{sub}",
  "properties": {{"virtualNetworkPeerings": [{{"name": "hub-to-b", "properties": {{"remoteVirtualNetwork":
    {{"id": "/subscriptions/{vnet_sub}/resourceGroups/n/providers/Microsoft.ClassicNetwork/virtualNetworks/b-vnet"}}}}}}]}}
}}]}}
"""

SERVICE_DEFINITION = """<ServiceDefinition name="b-app" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WorkerRole name="Worker" vmsize="Small" />
</ServiceDefinition>
"""


def _joins(folder: Path) -> Path:
    """What a selection of network and inventory rules needs beyond their own files: two subscriptions,
    told apart by their network configurations, whose exports name each other's networks (a peering's
    network is in another subscription only when the subscriptions are split); and a network only an
    export describes, with a bad prefix."""
    files = {
        "a/NetworkConfig.netcfg": NETCFG.format(name="a-vnet", n=1),
        "a/classic.json": CLASSIC_NETWORK.format(sub=SUB_A, name="a-vnet", prefix="10.1.0.0/16"),
        "a/peering.json": PEERING.format(sub=SUB_A, vnet_sub=SUB_B),
        "a/export.json": CLASSIC_NETWORK.format(sub=SUB_A, name="export-vnet", prefix="10.9.0.00/16"),
        "b/NetworkConfig.netcfg": NETCFG.format(name="b-vnet", n=2),
        "b/classic.json": CLASSIC_NETWORK.format(sub=SUB_B, name="b-vnet", prefix="10.2.0.0/16"),
        # A file of a kind no narrow selection reads: the test's last check needs one in every estate.
        "b/ServiceDefinition.csdef": SERVICE_DEFINITION,
    }
    for path, text in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(params=["examples", "corpus", "rule-examples", "joins"])
def estate(request, tmp_path_factory, monkeypatch) -> Path:
    if request.param == "examples":
        folder = EXAMPLES
    elif request.param == "corpus":
        if not CORPUS.is_dir():
            pytest.skip("../shared/corpus is not present")
        folder = CORPUS
    elif request.param == "joins":
        folder = _joins(tmp_path_factory.mktemp("joins"))
    else:
        folder = _rule_examples(tmp_path_factory.mktemp("rule-examples"))
    monkeypatch.chdir(folder)
    return folder


def test_a_selection_gives_the_findings_of_a_full_run(estate, request):
    """One full run, then one run per family of rules that read the same kinds of file (parsing the
    corpus's scripts twice would double the test's time). A rule's findings do not depend on which other
    rules run: only the suppression audit's do (MIG005, MIG006), and it reads every file. The corpus's full
    run is the session's (`corpus_lint`)."""
    full = request.getfixturevalue("corpus_lint") if estate == CORPUS else lint(["."], Config(), RULES)
    read_less = 0
    for codes in FAMILIES.values():
        selected = lint(["."], replace(Config(), select=tuple(codes)), RULES, whole_estate=False)
        for code in codes:
            assert [f for f in selected.findings if f.code == code] == [
                f for f in full.findings if f.code == code
            ], code
            assert [s for s in selected.suppressed if s.finding.code == code] == [
                s for s in full.suppressed if s.finding.code == code
            ], code
        read_less += selected.unread > 0
    # The estates hold files these rules do not need; otherwise this test would compare nothing new.
    assert read_less


def test_a_rule_about_cloud_services_reads_every_file(monkeypatch):
    """Its findings depend on files of every kind (an endpoint ACL of a .cscfg is reported on a role its
    .csdef defines, in a service an inventory export may rename), so nothing is left out: the run is the
    full run, with only its rules enabled."""
    monkeypatch.chdir(EXAMPLES)
    found = walk(["."], Config())
    assert {Path(c.path).suffix for c in found} >= {".csdef", ".cscfg", ".netcfg", ".xml", ".ps1", ".json"}
    for rule in RULES:
        if rule.code not in NARROW:
            assert _needed(found, RULES, frozenset({rule.code})) == found, rule.code
    assert len(_needed(found, RULES, frozenset({"MIG303"}))) < len(found)


def _reads(monkeypatch) -> list[str]:
    """The paths the guarded reader is asked for, from now on."""
    read: list[str] = []
    real = guarded.read_bytes

    def counting(path: str, limit: int, **options: object) -> bytes:
        read.append(path)
        return real(path, limit, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(guarded, "read_bytes", counting)
    return read


def test_a_network_rule_does_not_read_service_files(monkeypatch):
    monkeypatch.chdir(EXAMPLES / "contoso")
    read = _reads(monkeypatch)
    config = replace(Config(), select=("MIG303",))
    result = lint(["."], config, RULES, whole_estate=False)
    assert [f.code for f in result.findings] == ["MIG303"]
    assert any(p.endswith(".netcfg") for p in read)
    # A script may upload a network configuration: the service files are left alone.
    assert not [p for p in read if p.endswith((".cscfg", ".csdef"))]
    assert result.unread == 3  # two .cscfg and the .csdef

    read.clear()
    whole = lint(["."], config, RULES)
    assert whole.findings == result.findings
    assert [p for p in read if p.endswith(".cscfg")] and whole.unread == 0


def test_a_file_named_on_the_command_line_is_read_whatever_is_selected(monkeypatch):
    monkeypatch.chdir(EXAMPLES / "contoso")
    read = _reads(monkeypatch)
    config = replace(Config(), select=("MIG303",))
    lint(["webshop/ServiceDefinition.csdef"], config, RULES, whole_estate=False)
    assert read == ["webshop/ServiceDefinition.csdef"]


def test_check_reads_less_for_a_list_of_findings_not_for_the_readiness_summary(monkeypatch, capsys):
    """The readiness summary describes the whole estate, graded by the selected rules: with it (the text
    report), every file is read; a report that lists findings reads what the rules need."""
    monkeypatch.chdir(EXAMPLES / "contoso")
    read = _reads(monkeypatch)
    main(["check", ".", "--select", "MIG303", "--format", "json"])
    listed = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in listed] == ["MIG303"]
    assert not [p for p in read if p.endswith(".cscfg")]

    read.clear()
    main(["check", ".", "--select", "MIG303"])
    text = capsys.readouterr().out
    assert [p for p in read if p.endswith(".cscfg")]
    assert "contoso-webshop" in text.split("Readiness by migration scope:")[1]
