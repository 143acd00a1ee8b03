"""A Python `if` that tests an attribute of one of the SDK's model objects the script makes (`if
disk.source_image_name == "img":`), or asks `hasattr` of such an object or of an instance of a class of the
script's whose body binds the name, is decided as the script states it: a `sys.exit()` under a test that
holds ends the script, and the VM created after it is not made. Before, such a test decided nothing, and the
VM was read as one the script may create (MIG105). A test of what the script leaves unknown (an attribute it
sets from the command line, or by `setattr`), or `hasattr` of a name no class binds, still decides nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

SCRIPT = """\
import sys
from azure.servicemanagement import LinuxConfigurationSet, OSVirtualHardDisk, ServiceManagementService


class Settings:
    role_size = "Small"


settings = Settings()
sms = ServiceManagementService("sub", "cert.pem")
disk = OSVirtualHardDisk("img", "https://acct1.blob.core.windows.net/vhds/web1.vhd")
{change}
if {test}:
    sys.exit(0)
system = LinuxConfigurationSet("web1", "azureuser", "secret", False)
sms.create_virtual_machine_deployment("svc1", "svc1", "production", "web1", "web1", system, disk)
"""


def _deployments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, test: str, change: str = "") -> int:
    script = SCRIPT.format(test=test, change=change)
    return len(lint_files(tmp_path, monkeypatch, {"deploy.py": script}, "MIG105", dedent=False).findings)


@pytest.mark.parametrize(
    "test",
    [
        'disk.source_image_name == "img"',
        "disk.media_link",
        'hasattr(disk, "media_link")',
        'hasattr(settings, "role_size")',
    ],
    ids=[
        "a-model-attribute-compared",
        "a-model-attribute-true",
        "hasattr-of-a-model",
        "hasattr-of-an-instance",
    ],
)
def test_a_test_that_holds_ends_the_script_before_the_vm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, test: str
) -> None:
    assert _deployments(tmp_path, monkeypatch, test) == 0


def test_an_attribute_set_since_is_read_with_its_new_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    change = 'disk.source_image_name = "other"'
    assert _deployments(tmp_path, monkeypatch, 'disk.source_image_name == "img"', change) == 1


@pytest.mark.parametrize(
    ("test", "change"),
    [
        ('disk.source_image_name == "img"', "disk.source_image_name = sys.argv[1]"),
        ('disk.source_image_name == "img"', 'setattr(disk, "source_image_name", sys.argv[1])'),
        ('hasattr(settings, "location")', ""),
        ('not hasattr(settings, "location")', ""),
    ],
    ids=["set-from-the-command-line", "set-by-setattr", "hasattr-of-a-name-no-class-binds", "not-hasattr"],
)
def test_what_the_script_leaves_unknown_decides_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, test: str, change: str
) -> None:
    assert _deployments(tmp_path, monkeypatch, test, change) == 1
