"""A Capture Role body a PowerShell script sends from a file of the repository (`Invoke-RestMethod -InFile
capture.xml`) is read only when the XML reader reads that file, as for a shell script's `curl -d @capture.xml`
(`request_bodies.body_file` reads both): one with a byte that is not UTF-8 (a Latin-1 `é` in a file that
declares no encoding) is that file's MIG001, "not text in its encoding", and its PostCaptureAction Delete
deletes no VM. Before, the script decoded the file with the byte replaced and read the body from it."""

from __future__ import annotations

from lint_support import lint_files, where

SCRIPT = """\
param($sub, $cert)
New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName "img" `
    -MediaLocation "https://acct1.blob.core.windows.net/vhds/web1.vhd" |
    Add-AzureProvisioningConfig -Windows -AdminUsername "u" -Password "p" |
    New-AzureVM -ServiceName "shop" -Location "West US"
Invoke-RestMethod -Method POST -Uri "https://management.core.windows.net/$sub/services/hostedservices/shop/deployments/shop/roleinstances/web1/Operations" -Certificate $cert -InFile capture.xml
"""
BODY = """\
<CaptureRoleOperation xmlns="http://schemas.microsoft.com/windowsazure">
  <OperationType>CaptureRoleOperation</OperationType>
  <PostCaptureAction>Delete</PostCaptureAction>
  <TargetImageName>g{letter}</TargetImageName>
</CaptureRoleOperation>
"""


def _lint(tmp_path, monkeypatch, body: bytes):
    (tmp_path / "ops").mkdir()
    (tmp_path / "ops/capture.xml").write_bytes(body)
    return lint_files(tmp_path, monkeypatch, {"ops/capture.ps1": SCRIPT}, dedent=False)


def _vms(result) -> list[str]:
    return [vm.name for estate in result.estates for service in estate.cloud_services for vm in service.vms]


def test_a_body_file_with_a_latin1_byte_is_its_own_mig001_and_deletes_no_vm(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, BODY.replace("{letter}", "\xe9").encode("latin-1"))
    [unreadable] = [f for f in result.findings if f.code == "MIG001" and f.location.path == "ops/capture.xml"]
    assert where([unreadable]) == ["MIG001 ops/capture.xml:4:21"]
    assert "not text in its encoding" in unreadable.message
    assert _vms(result) == ["web1"]


def test_the_same_body_file_in_utf8_deletes_the_vm(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, BODY.replace("{letter}", "\xe9").encode("utf-8"))
    assert _vms(result) == []
