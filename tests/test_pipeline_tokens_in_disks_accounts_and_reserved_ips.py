"""A disk blob, storage account or reserved IP a pipeline token names is its own file's, as a token
service or network is (`migcheck.estate.join_key`).

Two scripts kept for a release pipeline (a development and a production one) that each create service
`#{Svc}#`, storage account `#{Storage}#` with a VM's disk in it and reserved IP `#{ResIP}#` describe two of
each: the pipeline may give each file other values. They are not one disk described differently (MIG004),
nor one account or reserved IP the plan moves once; within one file, a token still joins what it names."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.plan import StepKind, build_plan

SCRIPT = """\
New-AzureService -ServiceName '#{Svc}#' -Location "West Europe"
New-AzureReservedIP -ReservedIPName '#{ResIP}#' -Location "West Europe"
New-AzureStorageAccount -StorageAccountName '#{Storage}#' -Location "West Europe" -Type Standard_LRS
$vm = New-AzureVMConfig -Name '{vm}' -InstanceSize Small -ImageName 'img' -MediaLocation '{blob}'
$vm = $vm | Add-AzureEndpoint -Name http -Protocol tcp -LocalPort 80 -PublicPort 80
$vm | New-AzureVM -ServiceName '#{Svc}#' -ReservedIPName '#{ResIP}#' -Location "West Europe"
"""

BLOB = "https://#{Storage}#.blob.core.windows.net/vhds/vm1.vhd"


def _script(vm: str = "vm1", blob: str = BLOB) -> str:
    return SCRIPT.replace("{vm}", vm).replace("{blob}", blob)


def _two_files(tmp_path, monkeypatch, *codes: str):
    files = {"dev/deploy.ps1": _script(), "prod/deploy.ps1": _script()}
    return lint_files(tmp_path, monkeypatch, files, *codes, dedent=False)


def test_one_token_blob_in_two_files_is_two_disks_not_a_conflict(tmp_path, monkeypatch):
    result = _two_files(tmp_path, monkeypatch, "MIG004")
    assert result.findings == []
    assert [d.mark.path for d in result.estate.disks] == ["dev/deploy.ps1", "prod/deploy.ps1"]


def test_one_token_blob_on_two_vms_of_one_file_is_still_a_conflict(tmp_path, monkeypatch):
    twice = _script() + _script(vm="vm2").replace("New-AzureService", "# New-AzureService")
    result = lint_files(tmp_path, monkeypatch, {"deploy.ps1": twice}, "MIG004", dedent=False)
    [found] = result.findings
    assert found.message.startswith(f"disk '{BLOB}' is described differently")


def test_each_file_s_token_storage_account_is_moved_after_its_own_vm(tmp_path, monkeypatch):
    plan = build_plan(_two_files(tmp_path, monkeypatch))
    services = {s.name: s.id for s in plan.steps if s.kind is StepKind.SERVICE}
    storage = [s for s in plan.steps if s.kind is StepKind.STORAGE]
    assert [s.id for s in storage] == [
        "storage:#{Storage}#@dev/deploy.ps1",
        "storage:#{Storage}#@prod/deploy.ps1",
    ]
    assert [s.name for s in storage] == [
        "<storage account name, #{Storage}# filled in> (dev/deploy.ps1)",
        "<storage account name, #{Storage}# filled in> (prod/deploy.ps1)",
    ]
    assert storage[0].moves == ("storage account '#{Storage}#' (a pipeline token) (1 disk)",)
    assert [len(s.after) for s in storage] == [1, 1]
    assert storage[0].after != storage[1].after
    assert set(storage[0].after + storage[1].after) == set(services.values())


def test_each_file_s_token_reserved_ip_moves_with_its_own_service_and_says_it_is_a_token(
    tmp_path, monkeypatch
):
    result = _two_files(tmp_path, monkeypatch)
    assert [ip.mark.path for ip in result.estate.reserved_ips] == ["dev/deploy.ps1", "prod/deploy.ps1"]
    plan = build_plan(result)
    services = [s for s in plan.steps if s.kind is StepKind.SERVICE]
    assert len(services) == 2
    for step in services:
        assert "reserved IP '#{ResIP}#' (a pipeline token)" in step.moves
    assert [s for s in plan.steps if s.kind is StepKind.UNATTACHED] == []


def test_a_token_reserved_ip_of_two_files_nothing_uses_is_moved_once_from_each(tmp_path, monkeypatch):
    alone = "New-AzureReservedIP -ReservedIPName '$(ResIP)' -Location \"West Europe\"\n"
    files = {"dev/ip.ps1": alone, "prod/ip.ps1": alone}
    plan = build_plan(lint_files(tmp_path, monkeypatch, files, dedent=False))
    steps = [s for s in plan.steps if s.kind is StepKind.UNATTACHED]
    assert [s.id for s in steps] == [
        "unattached:ReservedIP:$(ResIP)@dev/ip.ps1",
        "unattached:ReservedIP:$(ResIP)@prod/ip.ps1",
    ]
    assert steps[0].moves == ("reserved IP '$(ResIP)' (a pipeline token)",)


def test_a_storage_account_named_alike_in_two_files_is_still_one(tmp_path, monkeypatch):
    blob = "https://prodstore.blob.core.windows.net/vhds/{vm}.vhd"
    files = {
        "a/deploy.ps1": _script("vm1", blob.format(vm="vm1")).replace("#{Svc}#", "svc-a"),
        "b/deploy.ps1": _script("vm2", blob.format(vm="vm2")).replace("#{Svc}#", "svc-b"),
    }
    files = {path: text.replace("#{Storage}#", "prodstore") for path, text in files.items()}
    plan = build_plan(lint_files(tmp_path, monkeypatch, files, dedent=False))
    [storage] = [s for s in plan.steps if s.kind is StepKind.STORAGE]
    assert storage.id == "storage:prodstore"
    assert storage.moves == ("storage account 'prodstore' (2 disks)",)


def test_mig105_names_a_token_reserved_ip_as_a_token(tmp_path, monkeypatch):
    result = _two_files(tmp_path, monkeypatch, "MIG105")
    assert result.findings
    assert all("reserved IP '#{ResIP}#' (a pipeline token)" in f.message for f in result.findings)
