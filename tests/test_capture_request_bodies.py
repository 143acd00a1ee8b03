"""A capture request (POST `.../roleinstances/<role-name>/Operations`) makes an image of your own from the VM
its URI names: Capture VM Image (`CaptureRoleAsVMImageOperation`, a VM image named by `VMImageName`) and the
older Capture Role (`CaptureRoleOperation`, an OS image named by `TargetImageName`). The image is MIG402's, as
the one `capture_vm_image`, `capture_role` or `Save-AzureVMImage` makes, in the same words."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

CAPTURE_VM_IMAGE = """\
<CaptureRoleAsVMImageOperation xmlns="{namespace}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <OperationType>CaptureRoleAsVMImageOperation</OperationType>
  <OSState>Generalized</OSState>
  <VMImageName>contoso-golden</VMImageName>
  <VMImageLabel>golden</VMImageLabel>
</CaptureRoleAsVMImageOperation>
"""

CAPTURE_ROLE = """\
<CaptureRoleOperation xmlns="{namespace}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <OperationType>CaptureRoleOperation</OperationType>
  <PostCaptureAction>Delete</PostCaptureAction>
  <TargetImageLabel>legacy</TargetImageLabel>
  <TargetImageName>contoso-legacy-image</TargetImageName>
</CaptureRoleOperation>
"""

PYTHON = """\
from azure.servicemanagement import ServiceManagementService, CaptureRoleAsVMImage

sms = ServiceManagementService('00000000-0000-0000-0000-000000000001', 'mgmt.pem')
image = CaptureRoleAsVMImage('Generalized', 'contoso-golden', 'golden', 'golden image', 'english')
sms.capture_vm_image('contoso-build', 'contoso-build', 'build01', image)
sms.capture_role('contoso-build', 'contoso-build', 'build02', 'Delete', 'contoso-legacy-image', 'legacy image')
"""

POWERSHELL = """\
Save-AzureVMImage -ServiceName contoso-build -Name build01 -ImageName contoso-golden -OSState Generalized
"""

NAMESPACES = ["http://schemas.microsoft.com/windowsazure", "https://schemas.microsoft.com/windowsazure"]


def _messages(tmp_path, monkeypatch, files: dict[str, str]) -> dict[str, str]:
    """MIG402's findings by `CODE path:line:column`, with their messages."""
    findings = lint_files(tmp_path, monkeypatch, files, "MIG402", dedent=False).findings
    return dict(zip(where(findings), (f.message for f in findings), strict=True))


@pytest.mark.parametrize("namespace", NAMESPACES)
def test_capture_request_bodies_are_mig402_images_in_the_scripts_words(tmp_path, monkeypatch, namespace):
    rest = {
        "rest/capture-vmimage.xml": CAPTURE_VM_IMAGE.format(namespace=namespace),
        "rest/capture-role.xml": CAPTURE_ROLE.format(namespace=namespace),
    }
    found = _messages(tmp_path / "rest-only", monkeypatch, rest)
    assert found == {
        "MIG402 rest/capture-role.xml:5:3": "image 'contoso-legacy-image' is not migrated as an image: its VHD "
        "moves with its storage account, whose migration may fail while the classic image is registered",
        "MIG402 rest/capture-vmimage.xml:4:3": "image 'contoso-golden' is not migrated as an image: its VHD "
        "moves with its storage account, whose migration may fail while the classic image is registered",
    }
    scripts = _messages(tmp_path / "scripts", monkeypatch, {"capture.py": PYTHON, "capture.ps1": POWERSHELL})
    assert set(scripts.values()) == set(found.values())


def test_a_capture_request_that_names_no_image_makes_none(tmp_path, monkeypatch):
    unnamed = CAPTURE_VM_IMAGE.format(namespace=NAMESPACES[0]).replace(
        "<VMImageName>contoso-golden</VMImageName>", "<VMImageName></VMImageName>"
    )
    result = lint_files(tmp_path, monkeypatch, {"capture.xml": unnamed}, "MIG402", dedent=False)
    assert result.findings == []
    assert result.estate.images == ()
