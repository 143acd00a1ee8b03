"""A stand-in names the file that passes a value it does not state by the file's name (`<VM name,
deploy.ps1:2>`). Where two files of the run share that name (`a/deploy.ps1` and `b/deploy.ps1`), the name
alone does not say which file to look in: the stand-in names it by its path relative to the folder that
holds both (`<VM name, a/deploy.ps1:2>`), in the findings' messages and resources, in the plan's steps,
commands and notes, whoever builds the stand-in (the script's reader, or the estate for the storage account
a VM's disks are left in). The plan's notes name the file that way too, so both say one thing. A file
whose name is its own is named by its name."""

from __future__ import annotations

import re

import pytest
from growth import assert_linear
from lint_support import lint_files

from migcheck import stand_in_files
from migcheck.model import Document, FileKind, Mark, NameRef
from migcheck.plan import build_plan
from migcheck.report.plan_format import render_plan

POWERSHELL = """\
param($svc, $vmName)
$vm = New-AzureVMConfig -Name $vmName -InstanceSize Small -ImageName "img"
New-AzureVM -ServiceName $svc -VMs $vm -Location "West Europe"
"""
SHELL = '#!/bin/bash\nazure vm create "$SERVICE" img user pass --vm-name web01 --location "West Europe"\n'
PYTHON = """\
import sys
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService("sub", "cert.pem")
sms.create_virtual_machine_deployment(sys.argv[1], "prod", "production", "label", "web1", None, None, "Small")
"""
# Each stand-in that says where: `<what, file:line>`, `<what, file:line:column>`.
STAND_IN = re.compile(r"<[^<>]*, ([^<>,:]*):\d+(?::\d+)?(?:, turn \d+)?>")


def _files_named(tmp_path, monkeypatch, files: dict[str, str]) -> tuple[set[str], set[str]]:
    """The files the stand-ins of the findings and of the plan (text and JSON) name."""
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    said = "\n".join(repr(f) for f in result.findings)  # messages, resources, fixes
    plan = build_plan(result)
    shown = render_plan(plan, "text") + render_plan(plan, "json")
    return set(STAND_IN.findall(said)), set(STAND_IN.findall(shown))


@pytest.mark.parametrize(
    ("name", "text", "in_findings"),
    [("deploy.ps1", POWERSHELL, True), ("init.sh", SHELL, True), ("deploy.py", PYTHON, False)],
)
def test_two_files_of_one_name_are_named_by_their_paths(tmp_path, monkeypatch, name, text, in_findings):
    findings, plan = _files_named(
        tmp_path, monkeypatch, {f"scripts/a/{name}": text, f"scripts/b/{name}": text}
    )
    # The Python script's findings name the deployment it states ('prod'), no stand-in.
    assert findings == ({f"a/{name}", f"b/{name}"} if in_findings else set())
    assert plan == {f"a/{name}", f"b/{name}"}


def test_the_account_a_vm_s_disks_are_left_in_names_the_file_s_path(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"a/deploy.ps1": POWERSHELL, "b/deploy.ps1": POWERSHELL})
    plan = render_plan(build_plan(result), "text")
    assert "<current storage account of the subscription, a/deploy.ps1:2>" in plan
    assert "<current storage account of the subscription, deploy.ps1:2>" not in plan


def test_the_plan_s_note_on_a_service_s_vms_names_the_file_s_path(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"a/deploy.ps1": POWERSHELL, "b/deploy.ps1": POWERSHELL})
    plan = render_plan(build_plan(result), "text")
    assert "they are those the command at a/deploy.ps1:2 acts on" in plan
    assert "the command at a/deploy.ps1:3 acts on when it runs" in plan
    assert "deploy.ps1:3 in a" not in plan  # said once, by the path, not by the name and the folder


def test_a_file_whose_name_is_its_own_is_named_by_its_name(tmp_path, monkeypatch):
    findings, plan = _files_named(
        tmp_path, monkeypatch, {"a/deploy.ps1": POWERSHELL, "b/other.ps1": POWERSHELL}
    )
    assert findings == plan == {"deploy.ps1", "other.ps1"}


TERRAFORM = """\
resource "azure_instance" "web" {
  name                 = "web"
  hosted_service_name  = var.svc
  image                = "Ubuntu"
  size                 = "Basic_A1"
  storage_service_name = "store"
  location             = "West US"
  username             = "u"
  password             = "p"
}
"""


def test_each_terraform_module_s_stand_in_names_its_own_file(tmp_path, monkeypatch):
    """A module's read looks at other folders' files too (they are among its settings files): each
    stand-in names the file of its own folder all the same."""
    files = {
        f"{module}/{name}": text
        for module in ("m1", "m2")
        for name, text in (("main.tf", TERRAFORM), ("variables.tf", 'variable "svc" {}\n'))
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG105", dedent=False)
    said = sorted((f.mark.path, STAND_IN.findall(f.message)[0]) for f in result.findings)
    assert said == [("m1/main.tf", "m1/main.tf"), ("m2/main.tf", "m2/main.tf")]


def test_naming_the_files_of_many_namesakes_costs_linear_time():
    """Thousands of scripts, each sharing its name with one other: each document's stand-ins are named by a
    look-up, never by trying every shared name against every document."""

    def make(n: int):
        documents = [
            Document(
                f"team{i}/deploy{i // 2}.ps1",
                None,
                "",
                (NameRef(f"<VM name, deploy{i // 2}.ps1:3>", Mark(f"team{i}/deploy{i // 2}.ps1", 3)),),
            )
            for i in range(n)
        ]
        return lambda: stand_in_files.by_path(documents)

    named = make(4)()
    assert [d.resources[0].name for d in named][:2] == [  # type: ignore[attr-defined]
        "<VM name, team0/deploy0.ps1:3>",
        "<VM name, team1/deploy0.ps1:3>",
    ]
    assert_linear(make, 2000)


def test_the_definitions_and_configurations_every_service_names_alike_are_not_walked(monkeypatch):
    """Every cloud service has a `ServiceDefinition.csdef`, and every subscription's export its pages of one
    name: namesakes whose readers state every name as written. Walking their resources for stand-ins took a
    third of a check of 4,000 cloud-service files and of 48 pages of exports."""
    walked: list[str] = []
    monkeypatch.setattr(
        stand_in_files,
        "_with_files_renamed",
        lambda document, apart: walked.append(document.path) or document,
    )
    documents = [
        Document(f"svc{i}/{name}", kind, root, (NameRef("web", Mark(f"svc{i}/{name}", 3)),))
        for i in range(3)
        for name, kind, root in (
            ("ServiceDefinition.csdef", FileKind.SERVICE_DEFINITION, "ServiceDefinition"),
            ("ServiceConfiguration.Cloud.cscfg", FileKind.SERVICE_CONFIGURATION, "ServiceConfiguration"),
            ("classic-001.json", FileKind.INVENTORY, "data"),  # a page of an export
            ("azuredeploy.json", FileKind.INVENTORY, "template"),
            ("deploy.ps1", FileKind.POWERSHELL, ""),
        )
    ]
    stand_in_files.by_path(documents)
    assert walked == [f"svc{i}/{name}" for i in range(3) for name in ("azuredeploy.json", "deploy.ps1")]


def test_the_paths_of_namesakes_no_stand_in_can_name_are_not_worked_out(monkeypatch):
    """The definitions and configurations of thousands of services share a few names: telling their paths
    apart (`estate.apart`, a path normalized for each) was a fifth of linking a 4,000-file estate, for files
    no stand-in names. Only the names of files that may hold stand-ins are worked out, once each."""
    from migcheck import estate

    told: list[list[str]] = []
    apart = estate.apart
    monkeypatch.setattr(
        estate, "apart", lambda paths, cwd=None: told.append(list(paths)) or apart(paths, cwd)
    )
    documents = [
        Document(f"svc{i}/{name}", kind, "", (NameRef(f"<VM name, {name}:3>", Mark(f"svc{i}/{name}", 3)),))
        for i in range(3)
        for name, kind in (
            ("ServiceDefinition.csdef", FileKind.SERVICE_DEFINITION),
            ("ServiceConfiguration.Cloud.cscfg", FileKind.SERVICE_CONFIGURATION),
            ("deploy.ps1", FileKind.POWERSHELL),
        )
    ]
    named = stand_in_files.by_path(documents)
    assert told == [["svc0/deploy.ps1", "svc1/deploy.ps1", "svc2/deploy.ps1"]]
    assert named[2].resources[0].name == "<VM name, svc0/deploy.ps1:3>"  # type: ignore[attr-defined]
    # Asked again while linking: the same answer, each name worked out once.
    shown = stand_in_files.files_apart(d.path for d in documents)
    assert shown["svc1/deploy.ps1"] == "svc1/deploy.ps1" and len(told) == 1
    # The editor's memo starts empty, and keeps the answer of its last run to compare with the next.
    memo = stand_in_files.PathMemo()
    stand_in_files.by_path(documents, memo)
    assert memo.apart == shown and len(told) == 1
    assert dict(shown) == {
        **{f"svc{i}/ServiceDefinition.csdef": f"svc{i}/ServiceDefinition.csdef" for i in range(3)},
        **{
            f"svc{i}/ServiceConfiguration.Cloud.cscfg": f"svc{i}/ServiceConfiguration.Cloud.cscfg"
            for i in range(3)
        },
        **{f"svc{i}/deploy.ps1": f"svc{i}/deploy.ps1" for i in range(3)},
    }
