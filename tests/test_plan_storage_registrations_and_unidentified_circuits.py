"""Plan steps that say what the files leave to do: a storage account's step removes the classic disks and
images still registered on it first (MIG402's advice, said once), and a circuit that no file identifies (a
network's Dedicated connection, no service key anywhere) is named by what it is linked to, with how to find
it. The estate answers what is migrated on its own, for the readiness summary and the plan alike."""

from __future__ import annotations

from test_plan_documents import netcfg, network, steps_by_id

from migcheck import estate as estate_module
from migcheck import plan as plan_module
from migcheck.report import readiness as readiness_module
from migcheck.rules.storage import UnattachedDiskOrImage

DISKS = """\
<Disks xmlns="http://schemas.microsoft.com/windowsazure">
  <Disk>
    <MediaLink>https://fabdata.blob.core.windows.net/vhds/spare-data.vhd</MediaLink>
    <Name>spare-data</Name>
  </Disk>
  <Disk>
    <AttachedTo><HostedServiceName>app</HostedServiceName><RoleName>app01</RoleName></AttachedTo>
    <MediaLink>https://fabdata.blob.core.windows.net/vhds/app01-os.vhd</MediaLink>
    <Name>app01-os</Name>
  </Disk>
</Disks>
"""

IMAGES = """\
<Images xmlns="http://schemas.microsoft.com/windowsazure">
  <OSImage>
    <Category>User</Category>
    <MediaLink>https://fabdata.blob.core.windows.net/vhds/web-base.vhd</MediaLink>
    <Name>web-base</Name>
  </OSImage>
</Images>
"""

KEY = "6f3c8a2e-0d1b-4c5e-9f7a-1b2c3d4e5f60"


def _commands(commands) -> list[str]:
    return list(commands.before) if commands else []


def test_a_storage_step_removes_the_registered_disks_and_images_first(plan_of):
    step = steps_by_id(plan_of({"disks.xml": DISKS, "images.xml": IMAGES}))["storage:fabdata"]
    [registered] = [note for note in step.notes if note.startswith("Registered on it")]
    assert "disk 'spare-data'" in registered and "image 'web-base'" in registered
    assert "app01-os" not in registered  # a VM's disk stops being a classic disk when the VM migrates
    assert registered.endswith(UnattachedDiskOrImage.fix_hint)  # MIG402's words, not a second wording
    assert _commands(step.powershell) == [
        "Remove-AzureDisk -DiskName 'spare-data'",
        "Remove-AzureVMImage -ImageName 'web-base'",
    ]
    assert not any("-DeleteVHD" in line for line in _commands(step.powershell))  # the VHD stays
    assert _commands(step.cli) == ["azure vm disk delete 'spare-data'", "azure vm image delete 'web-base'"]


def test_a_storage_step_of_attached_disks_only_removes_nothing(plan_of):
    attached = DISKS.replace(
        "<Disk>\n    <MediaLink>", "<Disk>\n    <AttachedTo><RoleName>x</RoleName></AttachedTo><MediaLink>"
    )
    step = steps_by_id(plan_of({"disks.xml": attached}))["storage:fabdata"]
    assert not any(note.startswith("Registered on it") for note in step.notes)
    assert _commands(step.powershell) == []


def _dedicated(*files: tuple[str, str]) -> dict[str, str]:
    networks = network("er-vnet", "10.1.0.0/16", ("dc-ams", "Dedicated"))
    return {"NetworkConfig.netcfg": netcfg("", networks), **dict(files)}


def test_a_circuit_no_file_identifies_is_named_by_its_network_and_found_by_the_classic_cmdlets(plan_of):
    steps = steps_by_id(plan_of(_dedicated()))
    circuit = steps["circuit:dc-ams"]  # the id the network's step waits for is unchanged
    assert steps["network:er-vnet"].after == ("circuit:dc-ams",)
    assert circuit.name == "<circuit linked to er-vnet>"
    assert "the files do not say which circuit it is" in circuit.moves[0]
    assert circuit.notes[0].startswith("The files do not hold the circuit's service key: find it")
    assert "Get-AzureDedicatedCircuitLink -ServiceKey <key>" in circuit.notes[0]
    [comment, find] = _commands(circuit.powershell)
    assert comment.startswith("#")
    assert find.startswith("Get-AzureDedicatedCircuit | ForEach-Object")
    assert "Where-Object { $_.VnetName -in @('er-vnet') }" in find


def test_a_circuit_a_script_gives_the_key_of_is_named_by_it_not_by_the_local_site(plan_of):
    link = f'Import-Module Azure\nNew-AzureDedicatedCircuitLink -ServiceKey "{KEY}" -VNetName "er-vnet"\n'
    circuit = steps_by_id(plan_of(_dedicated(("link.ps1", link))))["circuit:dc-ams"]
    assert circuit.name == KEY  # 'dc-ams' is the local network site the connection names
    assert "which circuit it is" not in circuit.moves[0]
    assert _commands(circuit.powershell) == []


def test_what_is_migrated_on_its_own_is_the_estate_s_to_answer():
    # One definition each: the plan and the readiness summary both ask the estate.
    for name in ("standalone_storage_accounts", "exported_free_ips", "of_subscription"):
        assert callable(getattr(estate_module.Estate, name))
        assert not hasattr(readiness_module, name)
        assert not hasattr(plan_module, name)
