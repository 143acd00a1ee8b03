"""A `.bicepparam` file that gives a value to a parameter the Bicep file its `using` names does not declare
(`param netwrok = 'shop-net'` for `param network string`) is refused by the Bicep CLI (BCP259), so no
deployment is made with it: MIG001 says so at the name in the parameters file, with what to do, where the value
was dropped without a word and the Bicep file read as deployed with its default. The parameters files of a Bicep
file that declares each name they give (in any case, as Resource Manager matches names) say nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lint_support import run_cli

MAIN = """\
param network string = 'default-net'

resource net 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
  name: network
  location: 'westeurope'
  properties: {
    addressSpace: {
      addressPrefixes: [ '10.0.0.0/16' ]
    }
  }
}
"""


def _said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, parameters: str) -> list[tuple]:
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "main.bicep").write_text(MAIN)
    (tmp_path / "infra" / "prod.bicepparam").write_text(parameters)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(capsys, "check", ".", "--format", "json")
    return [
        (f["path"], f["line"], f["column"], f["message"], f["fix"])
        for f in json.loads(out)
        if f["code"] == "MIG001"
    ]


@pytest.mark.parametrize("name", ["netwrok", "networkName"])
def test_a_value_for_a_parameter_not_declared_is_mig001_at_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, name: str
):
    parameters = f"using 'main.bicep'\n\nparam {name} = 'shop-net'\n"
    assert _said(tmp_path, monkeypatch, capsys, parameters) == [
        (
            "infra/prod.bicepparam",
            3,
            7,
            f"the parameters file gives a value to parameter '{name}', which 'main.bicep' does not declare: "
            "the Bicep CLI refuses the file (BCP259), so no deployment is made with it",
            f"Give the value to a parameter 'main.bicep' declares, or declare `param {name} <type>` in it.",
        )
    ]


@pytest.mark.parametrize("name", ["network", "Network"])
def test_values_for_declared_parameters_say_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, name: str
):
    parameters = f"using './main.bicep'\n\nparam {name} = 'shop-net'\n"
    assert _said(tmp_path, monkeypatch, capsys, parameters) == []
