"""`migcheck check --stdin-filename F -`: an editor's buffer linted as the file F, in the context of the
project on disk, with the findings for F only."""

from __future__ import annotations

import io
import json
import sys

import pytest

from migcheck.cli import main
from migcheck.config import Config
from migcheck.engine import ReadCache, lint
from migcheck.plugins import load_rules

CSDEF = """\
<ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small">
    <Endpoints><InputEndpoint name="HttpsIn" protocol="https" port="443"/></Endpoints>
  </WebRole>
</ServiceDefinition>
"""
NETCFG = """\
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="shop-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.1.0.0/16</AddressPrefix></AddressSpace>
        <Subnets>
          <Subnet name="Front"><AddressPrefix>10.1.1.0/24</AddressPrefix></Subnet>
        </Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
CSCFG_PATH = "shop/ServiceConfiguration.Cloud.cscfg"


ACL = """\
    <AccessControls>
      <AccessControl name="office">
        <Rule order="100" action="permit" remoteSubnet="203.0.113.0/24" description="office"/>
      </AccessControl>
    </AccessControls>
    <EndpointAcls>
      <EndpointAcl role="Web" endPoint="HttpsIn" accessControl="office"/>
    </EndpointAcls>
"""


def cscfg(*, acl: bool = False, subnet: str = "Front", role: str = "Web", padding: int = 0) -> str:
    """A cloud configuration; `padding` blank lines move everything down, as an edit would. With `acl`,
    the EndpointAcl is at 10:7 (plus padding)."""
    return (
        '<ServiceConfiguration serviceName="shop" '
        'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">\n'
        + "\n" * padding
        + f'  <Role name="{role}"><Instances count="2"/></Role>\n'
        + "  <NetworkConfiguration>\n"
        + (ACL if acl else "")
        + '    <VirtualNetworkSite name="shop-vnet"/>\n'
        + "    <AddressAssignments>\n"
        + f'      <InstanceAddress roleName="{role}">\n'
        + f'        <Subnets><Subnet name="{subnet}"/></Subnets>\n'
        + "      </InstanceAddress>\n"
        + "    </AddressAssignments>\n"
        + "  </NetworkConfiguration>\n"
        + "</ServiceConfiguration>\n"
    )


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A project: a cloud service (csdef + cscfg, saved with an endpoint ACL) and a network config."""
    (tmp_path / "pyproject.toml").write_text("[tool.migcheck]\n")
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "ServiceDefinition.csdef").write_text(CSDEF)
    (tmp_path / CSCFG_PATH).write_text(cscfg(acl=True))
    (tmp_path / "network").mkdir()
    (tmp_path / "network" / "NetworkConfig.netcfg").write_text(NETCFG)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check_stdin(capsys, monkeypatch, buffer: str, *argv: str) -> tuple[int, list[dict]]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(buffer.encode())))
    code = main(["check", "--format", "json", *argv])
    return code, json.loads(capsys.readouterr().out)


def where(findings: list[dict]) -> list[tuple[str, int, int, str]]:
    return [(f["path"], f["line"], f["column"], f["code"]) for f in findings]


def test_the_buffer_replaces_the_saved_file(repo, capsys, monkeypatch):
    # Saved with an ACL, edited without: the saved version must not leak into the findings.
    code, findings = check_stdin(capsys, monkeypatch, cscfg(), "--stdin-filename", CSCFG_PATH, "-")
    assert (code, findings) == (0, [])


def test_findings_carry_the_path_and_positions_of_the_buffer(repo, capsys, monkeypatch):
    (repo / CSCFG_PATH).write_text(cscfg())
    code, findings = check_stdin(
        capsys, monkeypatch, cscfg(acl=True, padding=3), "--stdin-filename", CSCFG_PATH, "-"
    )
    assert code == 1
    assert where(findings) == [(CSCFG_PATH, 13, 7, "MIG201")]


def test_cross_file_findings_use_the_rest_of_the_project(repo, capsys, monkeypatch):
    # Only `-` given: the netcfg and the csdef are read from the project root on disk.
    _, findings = check_stdin(
        capsys, monkeypatch, cscfg(subnet="Back", role="Api"), "--stdin-filename", CSCFG_PATH, "-"
    )
    messages = [f["message"] for f in findings if f["code"] == "MIG003"]
    assert any("'Back'" in m and "shop-vnet" in m for m in messages), messages
    assert any("'Api'" in m for m in messages), messages


def test_a_name_defined_elsewhere_is_not_reported(repo, capsys, monkeypatch):
    _, findings = check_stdin(capsys, monkeypatch, cscfg(), "--stdin-filename", CSCFG_PATH, "-")
    assert "MIG003" not in [f["code"] for f in findings]


def test_only_the_buffers_findings_are_reported(repo, capsys, monkeypatch):
    # The csdef's MIG101 is computed (the cloud service is whole) but belongs to another file.
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(cscfg(acl=True).encode())))
    code = main(["check", "--format", "concise", "--stdin-filename", CSCFG_PATH, "-"])
    out = capsys.readouterr().out
    assert code == 1
    assert out.splitlines() == [
        f"{CSCFG_PATH}:10:7: MIG201 [error] endpoint 'HttpsIn' of WebRole 'Web' in cloud service 'shop' "
        "has access control list 'office' (1 rule)",
        "Found 1 finding in 1 file: 1 error.",
    ]


def test_a_walk_that_meets_the_file_reads_the_buffer_once(repo, capsys, monkeypatch):
    _, findings = check_stdin(capsys, monkeypatch, cscfg(acl=True), "--stdin-filename", CSCFG_PATH, ".")
    assert where(findings) == [(CSCFG_PATH, 10, 7, "MIG201")]


def test_the_project_root_is_where_the_config_is(repo, capsys, monkeypatch):
    # An editor may start migcheck in the file's folder: the netcfg one level up is still context.
    monkeypatch.chdir(repo / "shop")
    _, findings = check_stdin(
        capsys, monkeypatch, cscfg(subnet="Back"), "--stdin-filename", "ServiceConfiguration.Cloud.cscfg", "-"
    )
    assert where(findings) == [("ServiceConfiguration.Cloud.cscfg", 7, 32, "MIG003")]


def test_an_absolute_filename_is_shown_relative(repo, capsys, monkeypatch):
    absolute = str(repo / CSCFG_PATH)
    _, findings = check_stdin(capsys, monkeypatch, cscfg(acl=True), "--stdin-filename", absolute, "-")
    assert where(findings) == [(CSCFG_PATH, 10, 7, "MIG201")]


def test_the_context_follows_the_configs_exclude(repo, capsys, monkeypatch):
    (repo / "pyproject.toml").write_text('[tool.migcheck]\nexclude = ["network/"]\n')
    # Without the netcfg the subnet cannot be resolved, and rules never guess.
    _, findings = check_stdin(capsys, monkeypatch, cscfg(subnet="Back"), "--stdin-filename", CSCFG_PATH, "-")
    assert findings == []


def test_a_new_file_not_yet_saved_is_linted(repo, capsys, monkeypatch):
    new = "shop/ServiceConfiguration.Staging.cscfg"
    _, findings = check_stdin(capsys, monkeypatch, cscfg(acl=True), "--stdin-filename", new, "-")
    assert where(findings) == [(new, 10, 7, "MIG201")]


def test_an_xml_file_that_is_not_classic_gets_no_findings(repo, capsys, monkeypatch):
    pom = "<project><modelVersion>4.0.0</modelVersion></project>\n"
    code, findings = check_stdin(capsys, monkeypatch, pom, "--stdin-filename", "pom.xml", "-")
    assert (code, findings) == (0, [])


def test_a_broken_buffer_is_a_finding_at_its_path(repo, capsys, monkeypatch):
    code, findings = check_stdin(
        capsys, monkeypatch, "<ServiceConfiguration>\n  <Role>\n", "--stdin-filename", CSCFG_PATH, "-"
    )
    assert code == 1
    assert [(f["path"], f["code"]) for f in findings] == [(CSCFG_PATH, "MIG001")]


def test_plain_stdin_without_a_filename_is_linted_alone(repo, capsys, monkeypatch):
    # No csdef beside it: the configuration's roles are still web/worker roles (MIG101).
    _, findings = check_stdin(capsys, monkeypatch, cscfg(acl=True, subnet="Back"), "-")
    assert where(findings) == [("<stdin>", 2, 3, "MIG101"), ("<stdin>", 10, 7, "MIG201")]


def test_the_read_cache_rereads_only_changed_files(repo):
    rules, cache = load_rules(), ReadCache()
    buffer = cscfg(subnet="Back").encode()
    first = lint([], Config(), rules, stdin=buffer, stdin_path=CSCFG_PATH, cache=cache)
    assert [f.code for f in first.findings] == ["MIG003"]
    netcfg = repo / "network" / "NetworkConfig.netcfg"
    netcfg.write_text(NETCFG.replace('"Front"', '"Back"  '))  # same size: the time must tell
    again = lint([], Config(), rules, stdin=buffer, stdin_path=CSCFG_PATH, cache=cache)
    assert again.findings == []
