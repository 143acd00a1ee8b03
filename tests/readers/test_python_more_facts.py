"""Python scripts: Premium storage accounts they create (MIG205), disks and images they register in the
subscription's repository (MIG402), and the migration requests they send to the Service Management API
(MIG602), which the SDK has no method for. Each is checked through the engine at its line and column, with
the near misses that must stay silent."""

from __future__ import annotations

import textwrap

import pytest

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.model import Deployment, Disk, Document, Image, MigrationStep, Script
from migcheck.plugins import load_rules
from migcheck.readers import read_document

PATH = "ops/deploy.py"
HEADER = "from azure.servicemanagement import *\nsms = ServiceManagementService('sub', 'cert.pem')\n"
FIRST = HEADER.count("\n") + 1  # the line of the first statement of a snippet
PREMIUM = "https://opsprem.blob.core.windows.net"
NS = "xmlns='http://schemas.microsoft.com/windowsazure'"
BOOT_BODY = (
    f"<PersistentVMRole {NS}><RoleName>vm1</RoleName>"
    "<DebugSettings><BootDiagnosticsEnabled>true</BootDiagnosticsEnabled></DebugSettings></PersistentVMRole>"
)
ROLE_PATH = "/sub/services/hostedservices/ops/deployments/ops/roles/vm1"
MIGRATION = "/sub/services/hostedservices/jump/deployments/jump/migration?comp="


def source(text: str) -> str:
    return HEADER + textwrap.dedent(text).lstrip("\n")


def read(text: str) -> Document:
    document = read_document(PATH, source(text).encode("utf-8"), explicit=True)
    assert document is not None and document.problem is None
    return document


def of_type(text: str, kind: type) -> list:
    return [r for r in read(text).resources if isinstance(r, kind)]


def steps(text: str) -> list[tuple[str, str, str, int]]:
    """(step, scope, target, line) of the migration steps the script runs, in order."""
    (script,) = of_type(text, Script)
    return [(s.step, s.scope, s.target, s.mark.line) for s in script.migration]


def check(tmp_path, monkeypatch, text: str) -> LintResult:
    (tmp_path / "deploy.py").write_text(source(text), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return lint(["."], Config(), load_rules(entry_points=False))


def found(result: LintResult, code: str) -> list[tuple[int, int, str]]:
    """(line, column, message) of the findings of one rule."""
    return [(f.location.line, f.location.column, f.message) for f in result.findings if f.code == code]


# --- MIG205: boot diagnostics on a VM whose disks are in a Premium account the script creates --------------


def premium_vm(account_type: str = "Premium_LRS", extra: str = "", account: str = "opsprem") -> str:
    """A script that creates a storage account, a VM whose OS disk is in it, and turns boot diagnostics on
    with an Update Role body (the SDK has no setting for it)."""
    return f"""
    sms.create_storage_account('{account}', 'VM disks', 'ops', location='West', account_type='{account_type}'{extra})
    os_disk = OSVirtualHardDisk('ops-image', '{PREMIUM}/vhds/vm1-os.vhd')
    sms.create_virtual_machine_deployment('ops', 'ops', 'production', 'ops', 'vm1', None, os_disk, None)
    body = "{BOOT_BODY}"
    sms.perform_put('{ROLE_PATH}', body)
    """


def test_boot_diagnostics_on_a_vm_whose_disk_is_in_a_premium_account_the_script_creates(
    tmp_path, monkeypatch
):
    ((line, column, message),) = found(check(tmp_path, monkeypatch, premium_vm()), "MIG205")
    assert (line, column) == (FIRST + 3, len('body = "') + BOOT_BODY.index("<DebugSettings>") + 1)
    assert message == (
        "VM 'vm1' has boot diagnostics enabled and Premium storage disks (vm1-os.vhd): disable boot "
        "diagnostics before migrating"
    )


@pytest.mark.parametrize(
    "text",
    [
        premium_vm("Standard_LRS"),
        premium_vm("Standard_GRS"),
        premium_vm(account="opsstd"),  # the disk is in another account
        # The SDK creates Standard_LRS when geo-replication is off, whatever account_type says; a value the
        # script does not state may be off.
        premium_vm(extra=", geo_replication_enabled=False"),
        "def create(geo):\n"
        + textwrap.indent(textwrap.dedent(premium_vm(extra=", geo_replication_enabled=geo")), "    "),
    ],
    ids=["standard-lrs", "standard-grs", "other-account", "geo-off", "geo-unknown"],
)
def test_no_premium_evidence_no_finding(tmp_path, monkeypatch, text):
    (tmp_path / "premium").mkdir()
    assert found(check(tmp_path / "premium", monkeypatch, premium_vm()), "MIG205") != []  # the same, Premium
    (tmp_path / "other").mkdir()
    assert found(check(tmp_path / "other", monkeypatch, text), "MIG205") == []


def test_every_disk_in_the_premium_account_is_premium_and_only_those():
    (deployment,) = of_type(
        f"""
        sms.create_storage_account('OpsPrem', 'd', 'l', None, 'West Europe', None, None, 'Premium_LRS')
        os_disk = OSVirtualHardDisk('img', '{PREMIUM}/vhds/vm1-os.vhd')
        sms.add_role('ops', 'ops', 'vm1', None, os_disk)
        sms.add_data_disk('ops', 'ops', 'vm1', 0, media_link='{PREMIUM}/vhds/vm1-data.vhd')
        sms.add_data_disk('ops', 'ops', 'vm1', 1, media_link='https://opsstd.blob.core.windows.net/vhds/d.vhd')
        """,
        Deployment,
    )
    (vm,) = deployment.roles
    assert [(d.name, d.premium) for d in vm.disks] == [
        ("vm1-os.vhd", True),
        ("vm1-data.vhd", True),
        ("d.vhd", False),
    ]


# --- MIG402: disks and images the script registers --------------------------------------------------------

ADD_DISK = f"sms.add_disk(False, 'spare', '{PREMIUM}/vhds/spare.vhd', 'spare-data', 'Linux')\n"


def test_a_disk_the_script_registers_and_gives_no_vm_is_unattached(tmp_path, monkeypatch):
    assert found(check(tmp_path, monkeypatch, ADD_DISK), "MIG402") == [
        (
            FIRST,
            len("sms.") + 1,  # the call, at the name of the method
            "disk 'spare-data' is attached to no VM: it is not migrated as a disk; its VHD moves with "
            "storage account 'opsprem'",
        )
    ]
    (disk,) = of_type(ADD_DISK, Disk)
    assert disk.media_link_mark is not None and disk.media_link_mark.column == ADD_DISK.index("'https") + 1


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "sms.add_os_image('Web base', 'https://img.blob.core.windows.net/vhds/web.vhd', 'web-base', 'Linux')\n",
            "web-base",
        ),
        ("image = VMImage('sql-base', 'SQL base')\nsms.create_vm_image(image)\n", "sql-base"),
    ],
    ids=["os-image", "vm-image"],
)
def test_an_image_the_script_registers_is_one_of_its_own(tmp_path, monkeypatch, text, name):
    ((line, column, message),) = found(check(tmp_path, monkeypatch, text), "MIG402")
    assert (line, column) == (FIRST + text.count("\n") - 1, len("sms.") + 1)
    assert message.startswith(f"image '{name}' is not migrated as an image")


@pytest.mark.parametrize(
    "use",
    [
        "sms.create_virtual_machine_deployment('ops', 'ops', 'production', 'ops', 'vm1', None,"
        " OSVirtualHardDisk(disk_name='Spare-Data'), None)",
        "sms.add_role('ops', 'ops', 'vm2', None, None, data_virtual_hard_disks=DataVirtualHardDisks("
        "))\nsms.add_data_disk('ops', 'ops', 'vm2', 0, disk_name='spare-data')",
        # A disk model built for another module to create the VM with.
        "def os_disk():\n    return OSVirtualHardDisk(disk_name='spare-data')",
        # A name the script does not state may be that of the disk it registers.
        "def attach(name):\n    sms.add_data_disk('ops', 'ops', 'vm2', 0, disk_name=name)",
        "def create(os_disk):\n    sms.add_role('ops', 'ops', 'vm2', None, os_disk)",
        # The same blob, attached by its media link.
        f"sms.add_role('ops', 'ops', 'vm2', None, OSVirtualHardDisk('img', '{PREMIUM}/vhds/spare.vhd'))",
    ],
    ids=["os-disk", "add-data-disk", "model-only", "name-unknown", "disk-unknown", "same-blob"],
)
def test_a_registered_disk_a_vm_of_the_file_may_use_is_not_reported(tmp_path, monkeypatch, use):
    text = ADD_DISK + use + "\n"
    assert [d.name for d in of_type(text, Disk) if d.mark.line == FIRST] == ["spare-data"]  # registered
    assert found(check(tmp_path, monkeypatch, text), "MIG402") == []


@pytest.mark.parametrize(
    ("use", "vm"),
    [
        ("sms.add_role('ops', 'ops', 'vm1', None, OSVirtualHardDisk(disk_name='spare-data'))", "vm1"),
        ("sms.add_data_disk('ops', 'ops', 'vm2', 0, disk_name='Spare-Data')", "vm2"),
        (
            "def os_disk():\n    return OSVirtualHardDisk(disk_name='spare-data')",
            f"<VM name, deploy.py:{FIRST + 2}>",
        ),
        (
            "def attach(name):\n    sms.add_data_disk('ops', 'ops', 'vm2', 0, disk_name=name)",
            f"<VM name, deploy.py:{FIRST + 2}>",
        ),
    ],
    ids=["os-disk", "add-data-disk", "model-only", "name-unknown"],
)
def test_a_registered_disk_is_attached_to_the_vm_that_names_it(use, vm):
    (disk,) = [d for d in of_type(ADD_DISK + use + "\n", Disk) if d.mark.line == FIRST]
    assert disk.attached_to == vm


def test_a_disk_or_image_whose_name_the_script_does_not_state_is_not_registered():
    text = """
    def register(name):
        sms.add_disk(False, 'l', 'https://x.blob.core.windows.net/vhds/a.vhd', name, 'Linux')
        sms.add_os_image('l', 'https://x.blob.core.windows.net/vhds/b.vhd', name, 'Linux')
    register(NAME)
    sms.add_disk(False, 'l', 'https://x.blob.core.windows.net/vhds/c.vhd', 'c', 'Linux')
    sms.add_os_image('l', 'https://x.blob.core.windows.net/vhds/d.vhd', 'd', 'Linux')
    """
    assert [d.name for d in of_type(text, Disk)] == ["c"] and [i.name for i in of_type(text, Image)] == ["d"]


def test_disks_registered_in_a_loop_are_one_each():
    text = """
    for name in ('a', 'b', 'a'):
        sms.add_disk(False, name, 'https://x.blob.core.windows.net/vhds/' + name + '.vhd', name, 'Linux')
    """
    assert [(d.name, d.media_link.rsplit("/", 1)[-1]) for d in of_type(text, Disk)] == [
        ("a", "a.vhd"),
        ("b", "b.vhd"),
    ]


# --- MIG602: migration requests ---------------------------------------------------------------------------


def test_a_commit_sent_before_the_prepare_is_out_of_order(tmp_path, monkeypatch):
    text = f"""
    sms.perform_post('{MIGRATION}validate', VALIDATE_BODY)
    sms.perform_post('{MIGRATION}commit', '')
    sms.perform_post('{MIGRATION}prepare', PREPARE_BODY)
    """
    result = check(tmp_path, monkeypatch, text)
    assert found(result, "MIG602") == [
        (
            FIRST + 1,
            len("sms.") + 1,
            "deploy.py: Service Management API Commit comes before any Prepare of cloud service 'jump' in "
            "this script",
        )
    ]
    assert found(result, "MIG601") == []  # a migration runbook, as a PowerShell one is


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (
            f"""
            sms.perform_post('{MIGRATION}Validate', VALIDATE_BODY)
            sms.perform_post('{MIGRATION}Prepare', PREPARE_BODY)
            sms.perform_post('{MIGRATION}Commit', '')
            """,
            (FIRST, FIRST + 1, FIRST + 2),
        ),
        (
            f"""
            for step in ('Validate', 'Prepare', 'Commit'):
                sms.perform_post('{MIGRATION}' + step, '')
            """,
            (FIRST + 1,) * 3,
        ),
    ],
    ids=["calls", "loop"],
)
def test_validate_prepare_commit_in_order_is_silent(tmp_path, monkeypatch, text, lines):
    assert steps(text) == [
        (step, "cloud-service", "jump", line)
        for step, line in zip(("validate", "prepare", "commit"), lines, strict=True)
    ]
    assert found(check(tmp_path, monkeypatch, text), "MIG602") == []


def test_a_prepare_without_the_validate_the_script_gives_others_is_a_warning(tmp_path, monkeypatch):
    text = """
    vnet = 'prod-vnet'
    sms.perform_post('/%s/services/networking/virtualnetwork/%s/migration?comp=validate' % (sub, 'other'), '')
    sms.perform_post(f'/{sub}/services/networking/virtualnetwork/{vnet}/migration?comp=prepare', '')
    """
    ((line, column, message),) = found(check(tmp_path, monkeypatch, text), "MIG602")
    assert (line, column) == (FIRST + 2, len("sms.") + 1)
    assert message == (
        "deploy.py: Service Management API Prepare is not preceded by a Validate of virtual network "
        "'prod-vnet', although this script validates other resources"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "sms.perform_post('/' + sms.subscription_id + '/services/storageservices/' + ACCOUNT"
            " + '/migration?comp=Abort', None)",
            [("abort", "storage-account", "", FIRST)],  # a name the script does not state
        ),
        (
            "account = 'vhds01'\n"
            "sms.perform_post('/{0}/services/storageservices/{1}/migration?comp=prepare'.format(sub, account), '')",
            [("prepare", "storage-account", "vhds01", FIRST + 1)],
        ),
        (
            "import requests\nBASE = 'https://management.core.windows.net/' + sub\n"
            "requests.post(BASE + '/services/networking/virtualnetwork/prod-vnet/migration?comp=commit',"
            " cert=CERT)",
            [("commit", "virtual-network", "prod-vnet", FIRST + 2)],
        ),
        (
            "def migrate(vnet, step):\n"
            "    sms.perform_post(f'/sub/services/networking/virtualnetwork/{vnet}/migration?comp={step}', '')\n"
            "migrate('front', 'prepare')\nmigrate('back', 'prepare')\nmigrate('front', 'commit')",
            [
                ("prepare", "virtual-network", "front", FIRST + 1),
                ("prepare", "virtual-network", "back", FIRST + 1),
                ("commit", "virtual-network", "front", FIRST + 1),
            ],
        ),
    ],
    ids=["concatenated", "format", "requests", "function"],
)
def test_migration_requests_are_steps_however_their_path_is_built(text, expected):
    assert steps(text) == expected


@pytest.mark.parametrize(
    "call",
    [
        # Not the API's paths: the network path names `virtualnetwork`; a Prepare is a POST.
        "sms.perform_post('/sub/services/networking/prod-vnet/migration?comp=prepare', '')",
        "sms.perform_put('/sub/services/networking/virtualnetwork/prod-vnet/migration?comp=prepare', '')",
        "sms.perform_post('/sub/services/networking/virtualnetwork/prod-vnet/migration?comp=prepared', '')",
        "sms.perform_post('/sub/services/hostedservices/jump/deployments/jump/roleinstances/vm1/Operations', '')",
        "sms.perform_post('/sub/services/networking/virtualnetwork/prod-vnet/migration?comp=' + step, '')",
        "import requests\nrequests.get('https://management.core.windows.net/sub/services/storageservices/"
        "vhds/migration?comp=commit')",
    ],
    ids=["network-path", "put", "other-step", "other-request", "step-unknown", "get"],
)
def test_other_requests_run_no_migration_step(call):
    text = f"sms.perform_post('{MIGRATION}abort', '')\n{call}\n"
    assert steps(text) == [("abort", "cloud-service", "jump", FIRST)]  # that one only


def test_steps_are_migration_steps_of_the_script_in_source_order():
    text = f"""
    sms.perform_post('{MIGRATION}prepare', '')
    sms.perform_post('/sub/services/storageservices/vhds01/migration?comp=prepare', '')
    """
    (script,) = of_type(text, Script)
    assert all(isinstance(s, MigrationStep) and s.name == "Service Management API" for s in script.migration)
    assert [(s.scope, s.mark.line, s.mark.column) for s in script.migration] == [
        ("cloud-service", FIRST, 5),
        ("storage-account", FIRST + 1, 5),
    ]
