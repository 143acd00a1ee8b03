"""A rule's "checks:" line is derived from what each reader can produce (`migcheck.produced`), not written by
hand per reader kind: it lists a format exactly when that format's reader can describe a resource the rule
looks at. MIG105 fires on Terraform and Ansible (read as the classic CLI's commands) and its line says so;
MIG304 and MIG602 fire on each format their lines name here, and not on one their lines leave out."""

from __future__ import annotations

import pytest
from lint_support import APP_VNET_TWO_SUBNETS_NETCFG, lint_files

from migcheck.formats import FORMATS
from migcheck.plugins import load_rules
from migcheck.produced import CARRIES, PRODUCED_IN_PART, PRODUCES, STATING_NOTHING
from migcheck.rule import FORMATS_OF_READER

RULES = {type(rule).__name__: type(rule) for rule in load_rules()}
BY_CODE = {rule.code: rule for rule in RULES.values()}

PS_VM = 'New-AzureQuickVM -Windows -ServiceName web -Name web1 -ImageName img -Password p -Location "West Europe"\n'
SH_VM = 'azure config mode asm\nazure vm create web img ops p -l "West Europe"\n'
ANSIBLE_VM = """\
- hosts: localhost
  tasks:
    - azure:
        name: web1
        image: img
        location: West Europe
        storage_account: webdisks
        user: ops
        password: x
        endpoints: '22'
"""
TERRAFORM_VM = """\
resource "azure_hosted_service" "svc" {
  name     = "web"
  location = "West US"
  ephemeral_contents = false
}
resource "azure_instance" "web" {
  name                 = "web1"
  hosted_service_name  = azure_hosted_service.svc.name
  image                = "Ubuntu"
  size                 = "Basic_A1"
  storage_service_name = "store"
  location             = "West US"
  username             = "u"
  password             = "p"
}
"""
LOCAL_SITE_PS = (
    'New-AzureLocalNetworkGateway -GatewayName "head" -IpAddress 203.0.113.10 -AddressSpace 10.0.0.1/24\n'
)
LOCAL_SITE_SH = "azure config mode asm\nazure network local-network create head 10.0.0.1/24 -w 203.0.113.10\n"
COMMIT_FIRST_PS = "Move-AzureVirtualNetwork -Commit -VirtualNetworkName app-vnet\nMove-AzureVirtualNetwork -Prepare -VirtualNetworkName app-vnet\n"
COMMIT_FIRST_SH = "azure config mode asm\nazure network vnet commit-migration app-vnet\nazure network vnet prepare-migration app-vnet\n"


def _line(code: str) -> list[str]:
    rule = BY_CODE[code]()
    said = next(line for line in rule.documentation().splitlines() if "checks: " in line)
    return said.partition("checks: ")[2].split(", ")


def test_every_format_read_has_its_words():
    assert {f.module for f in FORMATS} == set(FORMATS_OF_READER)


def _words(module: str, fired_by: frozenset[type]) -> str:
    """A reader's words in the line: a part's alone where only that part of its files can fire the rule."""
    part, only_there = PRODUCED_IN_PART.get(module, ("", frozenset()))
    rest = (PRODUCES[module] - only_there) | CARRIES.get(module, frozenset())
    return FORMATS_OF_READER[module] if not part or rest & fired_by else part


@pytest.mark.parametrize("code", sorted(BY_CODE))
def test_the_line_lists_the_formats_whose_reader_can_describe_what_the_rule_fires_on(code):
    rule = BY_CODE[code]
    fired_by = rule.looks_at if rule.fires_on is None else rule.fires_on
    never = {str(kind) for kind in rule.never_stated_in}
    readers = [
        m
        for m in FORMATS_OF_READER
        if str(next(f.kind for f in FORMATS if f.module == m)) not in never
        and ((PRODUCES[m] | CARRIES.get(m, frozenset())) - STATING_NOTHING.get(m, frozenset())) & fired_by
    ]
    assert _line(code) == ", ".join(_words(m, fired_by) for m in readers).split(", ")


@pytest.mark.parametrize(
    ("path", "text", "format_"),
    [
        ("web.ps1", PS_VM, "PowerShell scripts"),
        ("web.sh", SH_VM, "shell scripts"),
        ("site.yml", ANSIBLE_VM, "Ansible"),
        ("main.tf", TERRAFORM_VM, "Terraform"),
    ],
)
def test_mig105_fires_on_each_script_format_its_line_names(tmp_path, monkeypatch, path, text, format_):
    assert format_ in _line("MIG105")
    found = lint_files(tmp_path, monkeypatch, {path: text}, "MIG105", dedent=False).findings
    assert [f.location.path for f in found if f.location] == [path]


@pytest.mark.parametrize(
    ("path", "text", "format_"),
    [
        (
            "NetworkConfig.netcfg",
            APP_VNET_TWO_SUBNETS_NETCFG.replace("10.20.1.0/24", "10.20.1.00/24"),
            ".netcfg",
        ),
        ("coexist.ps1", LOCAL_SITE_PS, "PowerShell scripts"),
        ("sites.sh", LOCAL_SITE_SH, "shell scripts"),
    ],
)
def test_mig304_fires_on_each_format_its_line_names(tmp_path, monkeypatch, path, text, format_):
    assert format_ in _line("MIG304")
    found = lint_files(tmp_path, monkeypatch, {path: text}, "MIG304", dedent=False).findings
    assert found and {f.location.path for f in found if f.location} == {path}


@pytest.mark.parametrize(
    ("path", "text", "format_"),
    [
        ("runbook.ps1", COMMIT_FIRST_PS, "PowerShell scripts"),
        ("runbook.sh", COMMIT_FIRST_SH, "shell scripts"),
    ],
)
def test_mig602_fires_on_each_format_its_line_names(tmp_path, monkeypatch, path, text, format_):
    assert format_ in _line("MIG602")
    files = {path: text, "NetworkConfig.netcfg": APP_VNET_TWO_SUBNETS_NETCFG}
    found = lint_files(tmp_path, monkeypatch, files, "MIG602", dedent=False).findings
    assert [f.location.path for f in found if f.location] == [path]


@pytest.mark.parametrize(
    ("code", "left_out"), [("MIG105", ".netcfg"), ("MIG304", "declarations (.toml)"), ("MIG602", ".netcfg")]
)
def test_a_format_the_line_leaves_out_is_one_whose_reader_cannot_describe_what_the_rule_looks_at(
    code, left_out
):
    assert left_out not in _line(code)
    module = next(m for m, words in FORMATS_OF_READER.items() if left_out in words.split(", "))
    rule = BY_CODE[code]
    fired_by = rule.looks_at if rule.fires_on is None else rule.fires_on
    assert not (PRODUCES[module] | CARRIES.get(module, frozenset())) & fired_by
