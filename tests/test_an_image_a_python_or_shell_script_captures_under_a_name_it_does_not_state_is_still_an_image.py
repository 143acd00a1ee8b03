"""An image a Python script (capture_vm_image with CaptureRoleAsVMImage, capture_role, add_os_image) or a
classic CLI command (`azure vm capture`, `azure vm image create`) registers under a name the script does
not state (a parameter, a command-line argument, a blank left to fill in) is still an image in the
subscription's repository: MIG402 says it is not migrated as an image, shown by a stand-in named where the
name is passed (`<image name, cap.py:5>`), as PowerShell's Save-AzureVMImage is. A CLI `vm image delete`
given the same variable takes it away; a stated name is as before."""

from __future__ import annotations

import pytest
from lint_support import lint_files

PY_HEAD = """\
import sys
from azure.servicemanagement import CaptureRoleAsVMImage, ServiceManagementService
sms = ServiceManagementService("sub", "cert.pem")
"""


def images(tmp_path, monkeypatch, name: str, script: str) -> list[str]:
    findings = lint_files(tmp_path, monkeypatch, {name: script}, "MIG402").findings
    return [f.message.split(" is not migrated", 1)[0] for f in findings]


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        (
            "def capture(name):\n"
            '    sms.capture_vm_image("svc", "svc", "vm1", CaptureRoleAsVMImage("Specialized", name, name, "Windows"))\n'
            "capture(sys.argv[1])\n",
            "cap.py:5",
        ),
        ('sms.capture_role("svc", "svc", "vm1", "Delete", sys.argv[2], "label")\n', "cap.py:4"),
        ('IMAGE = ""\nsms.capture_role("svc", "svc", "vm1", "Delete", IMAGE, "label")\n', "cap.py:5"),
        (
            'sms.add_os_image("label", "https://a.blob.core.windows.net/v/os.vhd", sys.argv[1], "Linux")\n',
            "cap.py:4",
        ),
    ],
)
def test_a_python_image_under_a_name_the_script_does_not_state_is_shown_by_a_stand_in(
    tmp_path, monkeypatch, body, shown
):
    assert images(tmp_path, monkeypatch, "cap.py", PY_HEAD + body) == [f"image '<image name, {shown}>'"]


def test_a_python_image_under_a_stated_name_is_named_by_it(tmp_path, monkeypatch):
    body = 'sms.capture_role("svc", "svc", "vm1", "Delete", "golden", "label")\n'
    assert images(tmp_path, monkeypatch, "cap.py", PY_HEAD + body) == ["image 'golden'"]


@pytest.mark.parametrize(
    "script",
    [
        "#!/bin/bash\nNAME=$1\nazure vm capture vm1 $NAME --delete\n",
        '#!/bin/bash\nNAME=""\nazure vm capture vm1 "$NAME" --delete\n',
        '#!/bin/bash\nread -r NAME\nazure vm image create "$NAME" -u https://a.blob.core.windows.net/v/os.vhd --os linux\n',
    ],
)
def test_a_cli_image_under_a_name_the_script_does_not_state_is_shown_by_a_stand_in(
    tmp_path, monkeypatch, script
):
    assert images(tmp_path, monkeypatch, "cap.sh", script) == ["image '<image name, cap.sh:3>'"]


def test_a_cli_image_deleted_again_by_the_same_variable_is_gone(tmp_path, monkeypatch):
    script = "#!/bin/bash\nNAME=$1\nazure vm capture vm1 $NAME --delete\nazure vm image delete $NAME\n"
    assert images(tmp_path, monkeypatch, "cap.sh", script) == []


def test_a_cli_image_deleted_by_another_variable_stays(tmp_path, monkeypatch):
    script = "#!/bin/bash\nNAME=$1\nazure vm capture vm1 $NAME --delete\nazure vm image delete $2\n"
    assert images(tmp_path, monkeypatch, "cap.sh", script) == ["image '<image name, cap.sh:3>'"]


def test_a_cli_image_under_a_stated_name_is_named_by_it(tmp_path, monkeypatch):
    script = "#!/bin/bash\nazure vm capture vm1 golden --delete\n"
    assert images(tmp_path, monkeypatch, "cap.sh", script) == ["image 'golden'"]
