"""An image a PowerShell script captures or adds under a name it does not state (`Save-AzureVMImage
-ImageName $imagename`, the name a parameter or a blank left to fill in) is still an image registered in the
subscription's repository: MIG402 says it is not migrated as an image, shown by a stand-in named where the
name is passed (`<image name, copy.ps1:2>`), as a disk is. Removed again by the same value, it is gone; a
stated name is as before."""

from __future__ import annotations

from lint_support import lint_files

SAVED = """\
param($imagename)
Save-AzureVMImage -ServiceName "svc" -Name "vm1" -ImageName $imagename -OSState Specialized
"""

BLANK = """\
$imagename = ""
Save-AzureVMImage -ServiceName "svc" -Name "vm1" -ImageName $imagename -OSState Specialized
"""

REMOVED = SAVED + "Remove-AzureVMImage -ImageName $imagename\n"

STATED = 'Save-AzureVMImage -ServiceName "svc" -Name "vm1" -ImageName "golden" -OSState Specialized\n'


def _messages(tmp_path, monkeypatch, script: str) -> list[str]:
    findings = lint_files(tmp_path, monkeypatch, {"copy.ps1": script}, "MIG402").findings
    return [f.message.split(" is not migrated", 1)[0] for f in findings]


def test_an_image_saved_under_a_parameter_is_an_image_shown_by_a_stand_in(tmp_path, monkeypatch):
    assert _messages(tmp_path, monkeypatch, SAVED) == ["image '<image name, copy.ps1:2>'"]


def test_an_image_saved_under_a_blank_left_to_fill_in_is_an_image(tmp_path, monkeypatch):
    assert _messages(tmp_path, monkeypatch, BLANK) == ["image '<image name, copy.ps1:2>'"]


def test_an_image_removed_again_by_the_same_value_is_gone(tmp_path, monkeypatch):
    assert _messages(tmp_path, monkeypatch, REMOVED) == []


def test_an_image_saved_under_a_stated_name_is_named_by_it(tmp_path, monkeypatch):
    assert _messages(tmp_path, monkeypatch, STATED) == ["image 'golden'"]
