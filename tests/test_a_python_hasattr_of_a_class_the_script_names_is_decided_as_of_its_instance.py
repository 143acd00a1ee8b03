"""`hasattr` asked of a class of the script's by its name (`hasattr(Settings, "role_size")`) is decided as it
is for an instance of the class: it holds when the class's body, or that of a class it derives from, binds
the name, so a `sys.exit()` under it ends the script and the VM created after it is not made. Before, the
class's name was not read as the class, the test decided nothing and the VM was read as one the script may
create (MIG105). A name no class binds, and a class that derives from one the reader does not follow,
still decide nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

SCRIPT = """\
import sys
from collections import OrderedDict
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService


class Base:
    role_size = "Small"


class Settings({base}):
    pass


sms = ServiceManagementService("sub", "cert.pem")
disk = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/web1.vhd")
if {test}:
    sys.exit(0)
system = LinuxConfigurationSet("web1", "azureuser", "secret", False)
sms.create_virtual_machine_deployment("svc1", "svc1", "production", "web1", "web1", system, disk)
"""


def _deployments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, test: str, base: str) -> int:
    script = SCRIPT.format(test=test, base=base)
    return len(lint_files(tmp_path, monkeypatch, {"deploy.py": script}, "MIG105", dedent=False).findings)


@pytest.mark.parametrize(
    ("test", "base"),
    [('hasattr(Base, "role_size")', "object"), ('hasattr(Settings, "role_size")', "Base")],
    ids=["its-own-body", "a-base-s-body"],
)
def test_a_name_the_class_binds_ends_the_script_before_the_vm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, test: str, base: str
) -> None:
    assert _deployments(tmp_path, monkeypatch, test, base) == 0


@pytest.mark.parametrize(
    ("test", "base"),
    [
        ('hasattr(Settings, "location")', "Base"),
        ('not hasattr(Settings, "role_size")', "Base"),
        ('hasattr(Settings, "role_size")', "OrderedDict"),
    ],
    ids=["a-name-no-class-binds", "not-hasattr", "a-base-not-followed"],
)
def test_what_the_script_leaves_unknown_decides_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, test: str, base: str
) -> None:
    assert _deployments(tmp_path, monkeypatch, test, base) == 1
