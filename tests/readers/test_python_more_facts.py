"""Python scripts: Premium storage accounts they create (MIG205), disks and images they register in the
subscription's repository (MIG402), and the migration requests they send to the Service Management API
(MIG602), which the SDK has no method for. Each is checked through the engine at its line and column, with
the near misses that must stay silent. Also what crosses files (an account one script creates Premium, a
disk one registers and another gives a VM by name), and what the script's own helpers send (a request in a
`return`, a path a helper builds in branches, steps shown at the calls that run them)."""

from __future__ import annotations

import re
import textwrap

import pytest

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.estate import link
from migcheck.model import Disk, Document, Image, Mark, MigrationStep, Script, StorageAccountType
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
    """(step, scope, target, line) of the migration steps the script runs, in order: the line of the call in
    the script's own code that runs a step a function sends, else of the request."""
    (script,) = of_type(text, Script)
    return [(s.step, s.scope, s.target, (s.called_at or s.mark).line) for s in script.migration]


def check(tmp_path, monkeypatch, text: str, others: dict[str, str] | None = None) -> LintResult:
    """Lint the script as deploy.py, beside the files of `others` (by name, their text as written)."""
    (tmp_path / "deploy.py").write_text(source(text), encoding="utf-8")
    for name, other in (others or {}).items():
        (tmp_path / name).write_text(textwrap.dedent(other).lstrip("\n"), encoding="utf-8")
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
        "VM 'vm1' has boot diagnostics enabled and Premium storage disks (vm1-os.vhd): the platform does not "
        "migrate a VM with both"
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
    document = read(
        f"""
        sms.create_storage_account('OpsPrem', 'd', 'l', None, 'West Europe', None, None, 'Premium_LRS')
        os_disk = OSVirtualHardDisk('img', '{PREMIUM}/vhds/vm1-os.vhd')
        sms.add_role('ops', 'ops', 'vm1', None, os_disk)
        sms.add_data_disk('ops', 'ops', 'vm1', 0, media_link='{PREMIUM}/vhds/vm1-data.vhd')
        sms.add_data_disk('ops', 'ops', 'vm1', 1, media_link='https://opsstd.blob.core.windows.net/vhds/d.vhd')
        """
    )
    # The script states the account's type; the link stage marks the disks in it, whichever file has them.
    assert [r for r in document.resources if isinstance(r, StorageAccountType)] == [
        StorageAccountType("OpsPrem", "Premium_LRS", Mark(PATH, FIRST, column=len("sms.") + 1))
    ]
    ((service, *_),) = [estate.cloud_services for estate in link([document])]
    (vm,) = service.vms
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
            "storage account 'opsprem', whose migration may fail while the classic disk is registered",
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
        # A VM captured as an OS image, and as a VM image.
        ("sms.capture_role('ops', 'ops', 'vm1', 'Delete', 'golden', 'Golden image')\n", "golden"),
        (
            "options = CaptureRoleAsVMImage('Specialized', 'golden-vm', 'Golden')\n"
            "sms.capture_vm_image('ops', 'ops', 'vm1', options)\n",
            "golden-vm",
        ),
        (
            "options = CaptureRoleAsVMImage()\noptions.os_state = 'Generalized'\n"
            "options.vm_image_name = 'golden-vm'\noptions.vm_image_label = 'Golden'\n"
            "sms.capture_vm_image(service_name='ops', deployment_name='ops', role_name='vm1', options=options)\n",
            "golden-vm",
        ),
    ],
    ids=["os-image", "vm-image", "capture-role", "capture-vm-image", "capture-vm-image-attributes"],
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
            "vm2",  # by its stated name, and only maybe (see test_steps_in_loops)
        ),
    ],
    ids=["os-disk", "add-data-disk", "model-only", "name-unknown"],
)
def test_a_registered_disk_is_attached_to_the_vm_that_names_it(use, vm):
    (disk,) = [d for d in of_type(ADD_DISK + use + "\n", Disk) if d.mark.line == FIRST]
    assert disk.attached_to == vm


def test_a_disk_or_image_whose_name_the_script_does_not_state_is_registered_under_a_stand_in():
    """Still a disk or image of the subscription: each call registers one, named where it is made."""
    text = """
    def register(name):
        sms.add_disk(False, 'l', 'https://x.blob.core.windows.net/vhds/a.vhd', name, 'Linux')
        sms.add_os_image('l', 'https://x.blob.core.windows.net/vhds/b.vhd', name, 'Linux')
        sms.capture_role('ops', 'ops', 'vm1', 'Delete', name, 'l')
        sms.capture_vm_image('ops', 'ops', 'vm1', CaptureRoleAsVMImage('Specialized', name, 'l'))
    register(NAME)
    sms.add_disk(False, 'l', 'https://x.blob.core.windows.net/vhds/c.vhd', 'c', 'Linux')
    sms.add_os_image('l', 'https://x.blob.core.windows.net/vhds/d.vhd', 'd', 'Linux')
    """
    assert [d.name for d in of_type(text, Disk)] == ["<disk name, deploy.py:4>", "c"]
    assert [i.name for i in of_type(text, Image)] == [
        "<image name, deploy.py:5>",
        "<image name, deploy.py:6>",
        "<image name, deploy.py:7>",
        "d",
    ]


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
            [  # at the calls that run them, not at the request they all reach
                ("prepare", "virtual-network", "front", FIRST + 2),
                ("prepare", "virtual-network", "back", FIRST + 3),
                ("commit", "virtual-network", "front", FIRST + 4),
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


# --- the type of the storage accounts a script creates, for the link stage --------------------------------


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (
            "sms.create_storage_account('acct', 'd', 'l', location='West')",
            "Standard_GRS",
        ),  # the SDK's default
        (
            "sms.create_storage_account('acct', 'd', 'l', 'ag', None, True, None, 'Premium_LRS')",
            "Premium_LRS",
        ),
        # The SDK creates Standard_LRS when geo-replication is off, whatever account_type says.
        (
            "sms.create_storage_account('acct', 'd', 'l', location='West', geo_replication_enabled=False,"
            " account_type='Premium_LRS')",
            "Standard_LRS",
        ),
        # What the script does not state: the type, geo-replication, the arguments, the account's name.
        ("sms.create_storage_account('acct', 'd', 'l', location='West', account_type=KIND)", None),
        (
            "sms.create_storage_account('acct', 'd', 'l', location='West', geo_replication_enabled=GEO,"
            " account_type='Premium_LRS')",
            None,
        ),
        ("sms.create_storage_account('acct', 'd', 'l', **OPTIONS)", None),
    ],
    ids=["default", "premium", "geo-off", "type-unknown", "geo-unknown", "open"],
)
def test_the_type_of_a_storage_account_the_script_creates(call, expected):
    assert of_type(call + "\n", StorageAccountType) == (
        [StorageAccountType("acct", expected, Mark(PATH, FIRST, column=len("sms.") + 1))] if expected else []
    )


def test_an_account_created_under_a_name_the_script_does_not_state_has_its_type_under_a_stand_in():
    call = "sms.create_storage_account(NAME, 'd', 'l', location='West', account_type='Premium_LRS')\n"
    assert of_type(call, StorageAccountType) == [
        StorageAccountType(
            f"<storage account name, deploy.py:{FIRST}>",
            "Premium_LRS",
            Mark(PATH, FIRST, column=len("sms.") + 1),
        )
    ]


def test_a_premium_account_one_script_creates_holds_the_disks_another_file_places_in_it(
    tmp_path, monkeypatch
):
    vm = premium_vm().split("\n", 2)[2]  # the VM alone: the account is created in accounts.py
    create = "sms.create_storage_account('opsprem', 'VM disks', 'ops', location='West', account_type='{}')\n"
    for kind, expected in (("Premium_LRS", 1), ("Standard_LRS", 0)):
        (tmp_path / kind).mkdir()
        result = check(tmp_path / kind, monkeypatch, vm, {"accounts.py": HEADER + create.format(kind)})
        found_lines = [(line, column) for line, column, _ in found(result, "MIG205")]
        column = len('body = "') + BOOT_BODY.index("<DebugSettings>") + 1
        assert found_lines == [(FIRST + 2, column)] * expected


# --- disks and images the script deletes again ------------------------------------------------------------

REGISTRATIONS = {
    "disk": (ADD_DISK, "sms.delete_disk('Spare-Data')"),
    "os-image": (
        "sms.add_os_image('l', 'https://x.blob.core.windows.net/vhds/b.vhd', 'base', 'Linux')\n",
        "sms.delete_os_image('base', True)",
    ),
    "vm-image": ("sms.create_vm_image(VMImage('base', 'l'))\n", "sms.delete_vm_image(vm_image_name='base')"),
    "captured-os-image": (
        "sms.capture_role('ops', 'ops', 'vm1', 'Reprovision', 'base', 'l')\n",
        "sms.delete_os_image(image_name='base')",
    ),
    "captured-vm-image": (
        "sms.capture_vm_image('ops', 'ops', 'vm1', CaptureRoleAsVMImage('Specialized', 'base', 'l'))\n",
        "sms.delete_vm_image('base')",
    ),
}


@pytest.mark.parametrize(("registration", "delete"), REGISTRATIONS.values(), ids=REGISTRATIONS.keys())
def test_a_disk_or_image_the_script_deletes_again_is_not_reported(
    tmp_path, monkeypatch, registration, delete
):
    (tmp_path / "kept").mkdir()
    ((line, column, _),) = found(check(tmp_path / "kept", monkeypatch, registration), "MIG402")
    assert (line, column) == (FIRST, len("sms.") + 1)
    (tmp_path / "deleted").mkdir()
    assert found(check(tmp_path / "deleted", monkeypatch, registration + delete + "\n"), "MIG402") == []


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # A delete that may not run, or runs before the registration.
        (ADD_DISK + "def clean():\n    sms.delete_disk('spare-data')\nclean()\n", FIRST),
        (ADD_DISK + "if CLEAN:\n    sms.delete_disk('spare-data')\n", FIRST),
        ("sms.delete_disk('spare-data')\n" + ADD_DISK, FIRST + 1),
        # A registration in a function, which may run after the delete.
        ("def register():\n    " + ADD_DISK + "register()\nsms.delete_disk('spare-data')\n", FIRST + 1),
        # Another disk, or an image of the other kind.
        (ADD_DISK + "sms.delete_disk('spare')\n", FIRST),
        (REGISTRATIONS["os-image"][0] + "sms.delete_vm_image('base')\n", FIRST),
        (REGISTRATIONS["vm-image"][0] + "sms.delete_os_image('base')\n", FIRST),
    ],
    ids=["in-function", "condition", "before", "registered-in-function", "other-disk", "os-vm", "vm-os"],
)
def test_a_disk_or_image_not_surely_deleted_after_its_registration_is_reported(
    tmp_path, monkeypatch, text, line
):
    assert [(at, column) for at, column, _ in found(check(tmp_path, monkeypatch, text), "MIG402")] == [
        (line, text.splitlines()[line - FIRST].index("sms.") + len("sms.") + 1)
    ]


# --- a disk given to a VM by name, registered in another file ---------------------------------------------

REGISTER = HEADER + (
    "sms.add_disk(False, 'sql data', 'https://opsstd.blob.core.windows.net/vhds/sql-data.vhd', 'sql-data',"
    " 'Windows')\n"
)


@pytest.mark.parametrize(
    "use",
    [
        "sms.add_data_disk('sqlsvc', 'sqlsvc', 'sql1', 0, disk_name='sql-data')",
        "sms.add_role('sqlsvc', 'sqlsvc', 'sql1', None, OSVirtualHardDisk(disk_name='SQL-Data'))",
        "disks = DataVirtualHardDisks()\n"
        "disks.data_virtual_hard_disks.append(DataVirtualHardDisk(disk_name='sql-data', lun=0))\n"
        "sms.add_role('sqlsvc', 'sqlsvc', 'sql1', None, None, data_virtual_hard_disks=disks)",
    ],
    ids=["add-data-disk", "os-disk", "data-disks"],
)
def test_a_disk_another_file_registers_is_attached_to_the_vm_this_one_gives_it_to(tmp_path, monkeypatch, use):
    (tmp_path / "used").mkdir()
    result = check(tmp_path / "used", monkeypatch, use + "\n", {"register.py": REGISTER})
    assert found(result, "MIG402") == []
    # The near miss: a VM given another disk leaves the registered one attached to none.
    (tmp_path / "other").mkdir()
    result = check(
        tmp_path / "other",
        monkeypatch,
        re.sub("(?i)sql-data", "sql-logs", use) + "\n",
        {"register.py": REGISTER},
    )
    assert [(f.location.path, f.location.line) for f in result.findings if f.code == "MIG402"] == [
        ("register.py", FIRST)
    ]


def test_a_disk_a_powershell_script_attaches_by_name_is_the_one_this_script_registers(tmp_path, monkeypatch):
    attach = (
        "Get-AzureVM -ServiceName sqlsvc -Name sql1 | Add-AzureDataDisk -Import -DiskName 'sql-data' -LUN 0"
        " | Update-AzureVM\n"
    )
    assert (
        found(check(tmp_path, monkeypatch, REGISTER.split("\n", 2)[2], {"attach.ps1": attach}), "MIG402")
        == []
    )


def test_a_disk_given_by_name_alone_is_listed_as_attached_to_its_vm():
    text = """
    sms.add_data_disk('sqlsvc', 'sqlsvc', 'sql1', 0, disk_name='sql-data')
    sms.add_role('sqlsvc', 'sqlsvc', 'sql2', None, OSVirtualHardDisk(disk_name='sql2-os'))
    sms.add_data_disk('sqlsvc', 'sqlsvc', 'sql1', 1, media_link='https://opsstd.blob.core.windows.net/vhds/a.vhd')
    sms.add_data_disk('sqlsvc', 'sqlsvc', 'sql1', 2, disk_name=NAME)
    """
    lines = source(text).splitlines()
    disks = of_type(text, Disk)
    assert [d for d in disks if not d.name.startswith("<")] == [
        Disk("sql-data", "", "", "sql1", Mark(PATH, FIRST, column=lines[FIRST - 1].index("'sql-data'") + 1)),
        Disk("sql2-os", "", "", "sql2", Mark(PATH, FIRST + 1, column=lines[FIRST].index("'sql2-os'") + 1)),
    ]
    # A disk by a name the script does not state is attached too, as a stand-in of its own: whose blob, and so
    # whose storage account, no file says.
    [unstated] = [d for d in disks if d.name.startswith("<disk name")]
    assert unstated.attached_to == "sql1" and unstated.data


# --- what the script's own helpers send ---------------------------------------------------------------


def test_a_request_a_helper_returns_is_read(tmp_path, monkeypatch):
    text = f"""
    def post(path):
        return sms.perform_post(path, '')
    post('{MIGRATION}commit')
    post('{MIGRATION}prepare')
    """
    assert found(check(tmp_path, monkeypatch, text), "MIG602") == [
        (
            FIRST + 1,
            16,  # at the request the helper sends, naming the call that runs it
            "deploy.py: Service Management API Commit comes before any Prepare of cloud service 'jump' in "
            f"this script (run by the call at line {FIRST + 2})",
        )
    ]


def test_a_body_a_helper_returns_the_request_of_is_read(tmp_path, monkeypatch):
    acl = (
        f"<PersistentVMRole {NS}><RoleName>vm1</RoleName><ConfigurationSets><ConfigurationSet>"
        "<ConfigurationSetType>NetworkConfiguration</ConfigurationSetType><InputEndpoints><InputEndpoint>"
        "<Name>rdp</Name><Protocol>tcp</Protocol><Port>3389</Port><LocalPort>3389</LocalPort><EndpointAcl>"
        "<Rules><Rule><Order>1</Order><Action>permit</Action><RemoteSubnet>1.2.3.0/24</RemoteSubnet></Rule>"
        "</Rules></EndpointAcl></InputEndpoint></InputEndpoints></ConfigurationSet></ConfigurationSets>"
        "</PersistentVMRole>"
    )
    text = f"""
    def put(path, body):
        return sms.perform_put(path, body)
    body = "{acl}"
    put('{ROLE_PATH}', body)
    """
    assert found(check(tmp_path, monkeypatch, text), "MIG201") == [
        (
            FIRST + 2,
            len('body = "') + acl.index("<EndpointAcl>") + 1,
            "endpoint 'rdp' of VM 'vm1' in cloud service 'ops' has an access control list (1 rule)",
        )
    ]


def test_steps_of_a_function_the_script_exits_with_are_read():
    text = f"""
    import sys
    def main():
        sms.perform_post('{MIGRATION}prepare', '')
        sms.perform_post('{MIGRATION}commit', '')
    sys.exit(main())
    """
    assert steps(text) == [
        ("prepare", "cloud-service", "jump", FIRST + 2),
        ("commit", "cloud-service", "jump", FIRST + 3),
    ]


BRANCHES = {
    "return-then-return": """
    def migration_path(kind, name, step):
        if kind == 'vnet':
            return '/%s/services/networking/virtualnetwork/%s/migration?comp=%s' % (SUB, name, step)
        return '/%s/services/storageservices/%s/migration?comp=%s' % (SUB, name, step)
    """,
    "if-else": """
    def migration_path(kind, name, step):
        if kind != 'vnet':
            return '/sub/services/storageservices/%s/migration?comp=%s' % (name, step)
        else:
            return '/sub/services/networking/virtualnetwork/%s/migration?comp=%s' % (name, step)
    """,
}


@pytest.mark.parametrize("helper", BRANCHES.values(), ids=BRANCHES.keys())
def test_a_path_a_helper_builds_in_branches_is_the_branch_its_arguments_choose(helper):
    text = (
        textwrap.dedent(helper)
        + "def run(kind, name, step):\n    sms.perform_post(migration_path(kind, name, step), '')\n"
        + "run('vnet', 'prod-vnet', 'validate')\n"
        + "sms.perform_post(migration_path('storage', 'vhds01', 'prepare'), '')\n"
        + "run('vnet', 'prod-vnet', KIND)\n"  # a step the script does not state: none
        + "sms.perform_post(migration_path(KIND, 'vhds01', 'prepare'), '')\n"  # the branch is not known: none
    )
    first = FIRST + textwrap.dedent(helper).lstrip("\n").count("\n") + 2
    assert steps(text) == [
        ("validate", "virtual-network", "prod-vnet", first),
        ("prepare", "storage-account", "vhds01", first + 1),
    ]


def test_a_path_both_branches_agree_on_is_known_whichever_runs():
    text = f"""
    def migration_path(verbose):
        if verbose:
            print('preparing')
            return '{MIGRATION}prepare'
        else:
            return '{MIGRATION}prepare'
    sms.perform_post(migration_path(VERBOSE), '')
    """
    assert steps(text) == [("prepare", "cloud-service", "jump", FIRST + 6)]


def test_steps_run_in_the_order_of_the_calls_that_send_them(tmp_path, monkeypatch):
    """Two helpers written commit first, called prepare first: the steps are in the order they run, each
    shown at the outermost call that runs it alone (the helper's call: `main()` runs both)."""
    text = """
    def commit(vnet):
        sms.perform_post('/sub/services/networking/virtualnetwork/%s/migration?comp=commit' % vnet, '')
    def prepare(vnet):
        sms.perform_post('/sub/services/networking/virtualnetwork/%s/migration?comp=prepare' % vnet, '')
    def main():
        prepare('front')
        commit('front')
    main()
    """
    assert steps(text) == [
        ("prepare", "virtual-network", "front", FIRST + 5),
        ("commit", "virtual-network", "front", FIRST + 6),
    ]
    assert found(check(tmp_path, monkeypatch, text), "MIG602") == []


def test_a_step_a_helper_runs_once_for_each_call_is_shown_at_its_request_naming_the_call(
    tmp_path, monkeypatch
):
    text = """
    def migration_path(name, step):
        return '/%s/services/networking/virtualnetwork/%s/migration?comp=%s' % (SUB_ID, name, step)
    def run(name, step):
        sms.perform_post(migration_path(name, step), '')
    run('prod-vnet', 'Prepare')
    run('prod-vnet', 'Validate')
    """
    assert found(check(tmp_path, monkeypatch, text), "MIG602") == [
        (
            FIRST + 3,
            9,  # at the request the helper sends, naming the call that runs it
            "deploy.py: Service Management API Prepare is not preceded by a Validate of virtual network "
            f"'prod-vnet': this script validates it only after the Prepare (run by the call at line {FIRST + 4})",
        ),
        (
            FIRST + 3,
            9,
            "deploy.py: Service Management API Validate comes after Service Management API Prepare at line "
            f"{FIRST + 3} (run by the call at line {FIRST + 4}), with no Commit or Abort of virtual network "
            "'prod-vnet' between: the Prepare left it prepared, locked until it is committed or aborted, and the "
            f"platform refuses a Validate of a resource in the Prepared state (run by the call at line {FIRST + 5})",
        ),
    ]
