"""A name a sample script leaves to fill in (`'[SPECIFY STORAGE ACCOUNT]'`, `"<<CONFIGURE>>"`) is no name
the platform knows: the names of cloud services, storage accounts, VMs, virtual networks and reserved IPs
hold no `<`, `>`, `[` or `]`. It is a stand-in, and the messages and the plan say it is a placeholder, apart
from migcheck's own stand-ins for names a script does not state (`<virtual network name, deploy.ps1:3:52>`),
in PowerShell and Python alike."""

from __future__ import annotations

import pytest

from migcheck.cli import main
from migcheck.estate import named
from migcheck.model import is_placeholder, is_stand_in

PLACEHOLDER = " (a placeholder the file leaves to fill in)"


@pytest.mark.parametrize(
    "name", ["[SPECIFY STORAGE ACCOUNT]", "<<CONFIGURE>>", "<enter a storage account, it will create one>"]
)
def test_a_placeholder_is_a_stand_in_and_said_to_be_one(name):
    assert is_stand_in(name) and is_placeholder(name)
    assert named(name) == f"'{name}'{PLACEHOLDER}"


@pytest.mark.parametrize(
    "name",
    [
        "<virtual network name, deploy.ps1:3:52>",
        "<virtual network name, deploy.ps1:3:52, turn 2>",
        "<deployment name, deploy.py:48>",
        "<VMs of cloud service web>",
        "<cloud service name>",
        "webstore",
    ],
)
def test_migcheck_s_own_stand_ins_and_names_are_no_placeholders(name):
    assert not is_placeholder(name)
    assert named(name) == f"'{name}'"


POWERSHELL = """\
Set-AzureSubscription -SubscriptionName 'dev' -CurrentStorageAccount '[SPECIFY STORAGE ACCOUNT]'
$vm = New-AzureVMConfig -Name 'vm1' -InstanceSize Small -ImageName 'image'
New-AzureVM -ServiceName '<<CONFIGURE>>' -Location 'West US' -VMs $vm
"""

PYTHON = """\
from azure.servicemanagement import ServiceManagementService, OSVirtualHardDisk

sms = ServiceManagementService('sub', 'cert.pem')
disk = OSVirtualHardDisk('image', 'https://[SPECIFY STORAGE ACCOUNT].blob.core.windows.net/vhds/vm1.vhd')
sms.create_virtual_machine_deployment('<<CONFIGURE>>', 'dep', 'production', 'dep', 'vm1', None, disk)
"""


@pytest.mark.parametrize(("file", "text"), [("deploy.ps1", POWERSHELL), ("deploy.py", PYTHON)])
def test_the_plan_says_a_script_s_placeholder_is_one(tmp_path, monkeypatch, capsys, file, text):
    monkeypatch.chdir(tmp_path)
    (tmp_path / file).write_text(text, encoding="utf-8")
    assert main(["plan", "."]) == 0
    plan = capsys.readouterr().out
    assert f"storage account '[SPECIFY STORAGE ACCOUNT]'{PLACEHOLDER} (1 disk)" in plan
    assert f"cloud service '<<CONFIGURE>>'{PLACEHOLDER}" in plan
