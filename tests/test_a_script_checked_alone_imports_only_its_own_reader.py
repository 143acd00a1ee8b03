"""One script checked alone (a pre-commit hook, an editor on save) pays for importing what reads its format
only: a PowerShell or shell script, even one that sends a Service Management request body, is read without
the Python reader and its flow analysis. Counted in a fresh interpreter rather than timed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_startup import imported

PYTHON_READER = {"migcheck.readers.python_script", "migcheck.readers.python_flow"}

# A network configuration uploaded as a body built from a value the script does not state, and a VM's
# role body sent to the Service Management API: what the readers share with the Python reader.
POWERSHELL = """\
$prefix = $args[0]
$body = @"
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration><VirtualNetworkSites>
    <VirtualNetworkSite name="$($prefix)vnet" Location="West Europe">
      <AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace>
    </VirtualNetworkSite>
  </VirtualNetworkSites></VirtualNetworkConfiguration>
</NetworkConfiguration>
"@
Set-AzureVNetConfig -ConfigurationPath $body
New-AzureVM -ServiceName shop -VMs $vm -VNetName "$($prefix)vnet"
Invoke-RestMethod -Method Post -Uri "https://management.core.windows.net/$sub/services/hostedservices/shop/deployments/d/roles" -Body $role
"""
SHELL = """\
#!/bin/sh
azure vm create shop image-name user --vm-name web --virtual-network-name "$VNET"
curl -X POST -d '<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure"><RoleName>web</RoleName></PersistentVMRole>' \\
  "https://management.core.windows.net/$SUB/services/hostedservices/shop/deployments/d/roles"
"""


@pytest.mark.parametrize(
    ("name", "text", "reader"), [("deploy.ps1", POWERSHELL, "powershell"), ("deploy.sh", SHELL, "shell")]
)
def test_a_script_that_is_not_python_is_read_without_the_python_reader(
    tmp_path: Path, name: str, text: str, reader: str
) -> None:
    script = tmp_path / name
    script.write_text(text)
    modules = imported(tmp_path, "check", str(script))
    assert f"migcheck.readers.{reader}" in modules  # it was read
    assert "migcheck.readers.request_bodies" in modules  # with what the readers share
    assert not modules & PYTHON_READER


def test_a_python_script_is_read_by_the_python_reader(tmp_path: Path) -> None:
    script = tmp_path / "deploy.py"
    script.write_text("from azure.servicemanagement import ServiceManagementService\n")
    assert imported(tmp_path, "check", str(script)) >= PYTHON_READER


def test_the_script_readers_write_a_value_record_s_init_when_the_first_is_made() -> None:
    """The values the PowerShell and command-line readers pass around are the model's records: importing a
    reader compiles no `__init__` of theirs, the first one made does."""
    probe = """\
import builtins
compiled = []
original = builtins.exec
def counted(source, *args):
    if isinstance(source, str) and "def __init__(" in source:  # not a module's code, which imports exec
        compiled.append(source)
    return original(source, *args)
builtins.exec = counted
from migcheck.model import Mark
from migcheck.readers import powershell, xplat
mark = Mark("deploy.sh", 3)
before = len(compiled)
powershell.Text("shop")
powershell.Text("web")
after_text = len(compiled)
xplat.Word("shop", mark)
print(before > 0, after_text - before, len(compiled) - after_text)
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "1", "1"]


# Each language's reader, as its modules are named: none imports another's until the script runs a program
# of that language (`readers/programs.py` holds the program names they all ask about).
READERS = {
    "powershell": {"migcheck.readers.powershell", "migcheck.readers.powershell_cmdlets"},
    "shell": {"migcheck.readers.shell", "migcheck.readers.shell_bodies", "migcheck.readers.shell_requests"},
    "python": PYTHON_READER | {"migcheck.readers.python_cli"},
}
PYTHON = """\
from azure.servicemanagement import ServiceManagementService
sms = ServiceManagementService(subscription_id, certificate_path)
sms.shutdown_role("shop", "d", "web")
"""


@pytest.mark.parametrize(
    ("name", "text", "reader"),
    [
        ("deploy.ps1", POWERSHELL, "powershell"),
        ("deploy.sh", SHELL, "shell"),
        ("deploy.py", PYTHON, "python"),
    ],
)
def test_a_script_checked_alone_imports_no_other_language_s_reader(
    tmp_path: Path, name: str, text: str, reader: str
) -> None:
    script = tmp_path / name
    script.write_text(text)
    modules = imported(tmp_path, "check", str(script))
    assert READERS[reader] <= modules  # it was read
    others = set().union(*(modules for language, modules in READERS.items() if language != reader))
    assert not modules & others


@pytest.mark.parametrize(
    ("name", "text", "reader"),
    [
        ("deploy.ps1", 'bash -c "azure vm shutdown web1"\n', "shell"),
        ("deploy.sh", "#!/bin/sh\npwsh -Command 'Stop-AzureVM -ServiceName shop -Name web1'\n", "powershell"),
        ("deploy.py", 'import subprocess\nsubprocess.run(["azure", "vm", "shutdown", "web1"])\n', "shell"),
    ],
)
def test_a_script_that_runs_another_language_s_program_imports_that_reader(
    tmp_path: Path, name: str, text: str, reader: str
) -> None:
    script = tmp_path / name
    script.write_text(text)
    assert READERS[reader] <= imported(tmp_path, "check", str(script))
