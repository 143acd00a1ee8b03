"""A Capture Role body a shell script sends from a file of the repository (`curl -d @capture.xml`) is read
only when the XML reader reads that file: one with a byte that is not UTF-8 (a Latin-1 `é` in a file that
declares no encoding) is that file's MIG001, "not text in its encoding", and says nothing of the image or
the VM. Before, the script decoded the file with the byte replaced and read the image as 'g\\ufffd' there."""

from __future__ import annotations

from lint_support import lint_files, where

URL = '"https://management.core.windows.net/$SUB/services/hostedservices/shop/deployments/shop/roleinstances/web2/Operations"'
SCRIPT = (
    "azure vm create shop img u 'P@ssw0rd1' --vm-name web2 -u https://acct1.blob.core.windows.net/vhds/web2.vhd\n"
    f"curl -X POST -E cert.pem -d @capture.xml {URL}\n"
)
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
    return lint_files(tmp_path, monkeypatch, {"ops/capture.sh": SCRIPT}, dedent=False)


def test_a_body_file_with_a_latin1_byte_is_its_own_mig001_and_no_image(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, BODY.replace("{letter}", "\xe9").encode("latin-1"))
    assert [f for f in result.findings if f.code == "MIG402"] == []
    [unreadable] = [f for f in result.findings if f.code == "MIG001" and f.location.path == "ops/capture.xml"]
    assert where([unreadable]) == ["MIG001 ops/capture.xml:4:21"]
    assert "not text in its encoding" in unreadable.message


def test_the_same_body_file_in_utf8_gives_its_image(tmp_path, monkeypatch):
    result = _lint(tmp_path, monkeypatch, BODY.replace("{letter}", "\xe9").encode("utf-8"))
    [image] = [f for f in result.findings if f.code == "MIG402"]
    assert where([image]) == ["MIG402 ops/capture.xml:4:3"]
    assert "image 'g\xe9'" in image.message
