"""Several `.bicepparam` files whose `using` names one Bicep file (`dev.bicepparam`, `prod.bicepparam`) are each a
deployment of it: the file was read with the first of them alone, so the classic network the second deploys
was never said. Each is read, as each deployment that links a template reads it with what it passes; two
that give the same values deploy the same resources, told once."""

from __future__ import annotations

from lint_support import lint_files, run_cli

from migcheck.inventory_model import ClassicNetwork

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


def _given(network: str) -> str:
    return f"using './main.bicep'\n\nparam network = '{network}'\n"


def _prepared(tmp_path, monkeypatch, capsys, files: dict[str, str]) -> list[str]:
    monkeypatch.chdir(tmp_path)
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    _, out, _ = run_cli(capsys, "plan", ".")
    return [line.strip() for line in out.splitlines() if "Move-AzureVirtualNetwork -Prepare" in line]


def test_each_parameters_file_deploys_its_own_network(tmp_path, monkeypatch, capsys):
    files = {"main.bicep": MAIN, "dev.bicepparam": _given("dev-net"), "prod.bicepparam": _given("prod-net")}
    assert _prepared(tmp_path, monkeypatch, capsys, files) == [
        "Move-AzureVirtualNetwork -Prepare -VirtualNetworkName 'Group <resource group main.bicep is deployed to> dev-net'",
        "Move-AzureVirtualNetwork -Prepare -VirtualNetworkName 'Group <resource group main.bicep is deployed to> prod-net'",
    ]


def test_two_that_give_the_same_values_deploy_it_once(tmp_path, monkeypatch, capsys):
    files = {"main.bicep": MAIN, "a.bicepparam": _given("dev-net"), "b.bicepparam": _given("dev-net")}
    assert _prepared(tmp_path, monkeypatch, capsys, files) == [
        "Move-AzureVirtualNetwork -Prepare -VirtualNetworkName 'Group <resource group main.bicep is deployed to> dev-net'"
    ]


def test_two_that_give_the_same_values_make_one_record_of_it(tmp_path, monkeypatch):
    files = {"main.bicep": MAIN, "a.bicepparam": _given("dev-net"), "b.bicepparam": _given("dev-net")}
    result = lint_files(tmp_path, monkeypatch, files)
    records = [r for d in result.documents for r in d.resources if isinstance(r, ClassicNetwork)]
    assert len(records) == 1
