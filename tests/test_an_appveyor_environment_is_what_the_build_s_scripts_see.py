"""The variables an AppVeyor file's `environment:` states (and its `global:` ones) are in the environment of
every script of its build: a `ps:` item's `$env:SVC`, an `sh:` item's `$SVC` on an Ubuntu image. A
variable of one job of its `matrix:`, or a secure one (`{secure: ...}`), is a value the file does not state."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import ServiceRegion

PS = "  - ps: New-AzureService -ServiceName $env:SVC -Location 'West US'\n"
SH = '  - sh: azure service create "$SVC" --location "West US"\n'


def _services(result) -> list[str]:
    return [
        resource.service
        for document in result.documents
        for resource in document.resources
        if isinstance(resource, ServiceRegion) and not resource.service.startswith("<")
    ]


@pytest.mark.parametrize(
    ("text", "seen", "at"),
    [
        ("environment:\n  SVC: shop\ninstall:\n" + PS, ["shop"], "appveyor.yml:4:9"),
        ("environment:\n  global:\n    SVC: shop\nbuild_script:\n" + PS, ["shop"], "appveyor.yml:5:9"),
        ("image: Ubuntu\nenvironment:\n  SVC: shop\ndeploy_script:\n" + SH, ["shop"], "appveyor.yml:5:9"),
        ("environment:\n  matrix:\n    - SVC: one\n    - SVC: two\ninstall:\n" + PS, [], "appveyor.yml:6:9"),
        ("environment:\n  SVC:\n    secure: AbCdEf==\ninstall:\n" + PS, [], "appveyor.yml:5:9"),
    ],
    ids=["its own", "global", "sh on ubuntu", "a matrix's", "secure"],
)
def test_the_environment_an_appveyor_file_states_is_its_scripts(tmp_path, monkeypatch, text, seen, at):
    result = lint_files(tmp_path, monkeypatch, {"appveyor.yml": text}, dedent=False)
    assert _services(result) == seen
    assert f"MIG601 {at}" in where(result.findings)
