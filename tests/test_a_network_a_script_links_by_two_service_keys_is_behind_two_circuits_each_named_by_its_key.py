"""A script that links one network to two circuits (`New-AzureDedicatedCircuitLink -ServiceKey k1 -VNetName hub`,
then `-ServiceKey k2`) states both keys: each circuit is named by its own key, in its readiness row and its plan
step, and moves by it, where both were `<circuit linked to hub>`, not decided for want of a key, and the
network's row waited on `<circuit linked to hub>, which is not decided` twice."""

from __future__ import annotations

from lint_support import lint_files, run_cli

K1 = "aaaa1111-0000-0000-0000-000000000001"
K2 = "bbbb2222-0000-0000-0000-000000000002"
SCRIPT = (
    f'New-AzureDedicatedCircuitLink -ServiceKey "{K1}" -VNetName hub\n'
    f'New-AzureDedicatedCircuitLink -ServiceKey "{K2}" -VNetName hub\n'
)


def test_each_circuit_is_named_and_moved_by_its_own_key(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"link.ps1": SCRIPT}, dedent=False)
    plan = run_cli(capsys, "plan", ".")[1]
    assert f"1. ExpressRoute circuit: {K1} [wave 1] — ready" in plan
    assert f"2. ExpressRoute circuit: {K2} [wave 1] — ready" in plan
    assert "   note: The circuit's service key is the one link.ps1:2 links the network with." in plan
    assert f"-ServiceKey '{K2}'" in plan
    assert "<circuit linked to hub>" not in plan


def test_the_readiness_rows_name_each_circuit_by_its_key(tmp_path, monkeypatch, capsys):
    lint_files(tmp_path, monkeypatch, {"link.ps1": SCRIPT}, dedent=False)
    rows = [line.split() for line in run_cli(capsys, "check", ".")[1].splitlines()]
    assert [K1, "(linked", "to", "hub)", "Passes"] in rows
    assert [K2, "(linked", "to", "hub)", "Passes"] in rows
    assert not any("<circuit" in word for row in rows for word in row)
