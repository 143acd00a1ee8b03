"""A Bicep module or an ARM template linked by its path that is a file of the repository this run does not check
(missing, outside the folder checked, excluded) was said with every other reason a template's file may go
unread (a registry, an address, a cycle, a bound), leaving the reader to guess which. It is said apart
(`template-file-not-checked`): the file is not checked, and to check it with the template, as a Terraform
module's folder not checked is said. A cycle of templates is no file left unchecked: a template of nothing
classic says nothing of it, as of a registry's module."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli

from migcheck.model import TEMPLATE_FILE_NOT_CHECKED, TEMPLATE_FILE_NOT_READ
from migcheck.report.unread import in_documents

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
CLASSIC_BICEP = """\
resource svc 'Microsoft.ClassicCompute/domainNames@2015-12-01' = {
  name: 'shop'
  location: 'westeurope'
}
"""


def _arm(resources: list[dict]) -> str:
    return json.dumps({"$schema": SCHEMA, "contentVersion": "1.0.0.0", "resources": resources}, indent=2)


def _linking(path: str) -> dict:
    return {
        "type": "Microsoft.Resources/deployments",
        "apiVersion": "2022-09-01",
        "name": "linked",
        "properties": {"mode": "Incremental", "templateLink": {"relativePath": path}},
    }


CLASSIC_ARM = {
    "type": "Microsoft.ClassicCompute/domainNames",
    "apiVersion": "2015-12-01",
    "name": "shop",
    "location": "westeurope",
}
FILES = {
    "bicep": {"main.bicep": "module net './missing/net.bicep' = {\n  name: 'net'\n}\n" + CLASSIC_BICEP},
    "arm": {"azuredeploy.json": _arm([_linking("missing/net.json"), CLASSIC_ARM])},
}


def _tags(result) -> list[str]:
    return [mark.tag for parts in in_documents(result.documents) for mark in parts.marks]


@pytest.mark.parametrize("kind", ["bicep", "arm"])
def test_the_file_is_said_not_checked(tmp_path, monkeypatch, capsys, kind):
    result = lint_files(tmp_path, monkeypatch, FILES[kind], dedent=False)
    assert _tags(result) == [TEMPLATE_FILE_NOT_CHECKED]
    _, out, _ = run_cli(capsys, "check", ".")
    assert (
        "a file of the repository (a Bicep module, an ARM template linked by its path) that this run" in out
    )
    assert "does not check: it is missing, outside the folder checked, or excluded" in out
    assert "registry" not in out


def test_a_cycle_of_templates_of_nothing_classic_says_nothing(tmp_path, monkeypatch):
    files = {"one.json": _arm([_linking("two.json")]), "two.json": _arm([_linking("one.json")])}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert _tags(result) == []


def test_a_cycle_of_classic_templates_is_said_not_read(tmp_path, monkeypatch):
    files = {"one.json": _arm([_linking("two.json"), CLASSIC_ARM]), "two.json": _arm([_linking("one.json")])}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert set(_tags(result)) == {TEMPLATE_FILE_NOT_READ}
