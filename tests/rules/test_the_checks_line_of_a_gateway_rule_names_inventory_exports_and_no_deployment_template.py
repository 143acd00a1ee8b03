"""MIG301, MIG302, MIG305 and MIG307 judge a classic network's gateway, which no deployment template (ARM
JSON or Bicep) declares: their "checks:" lines name inventory exports, whose rows state a network's circuit
link and its gateway's connections, and neither ARM templates nor Bicep, where they named both because one
reader reads exports and templates. MIG305 fires at a gateway's connection, which no export states either:
its line names neither."""

from __future__ import annotations

import pytest

from migcheck.plugins import load_rules

RULES = {rule.code: rule for rule in load_rules(entry_points=False)}


def _line(code: str) -> list[str]:
    said = next(line for line in RULES[code].documentation().splitlines() if "checks: " in line)
    return said.partition("checks: ")[2].split(", ")


@pytest.mark.parametrize("code", ["MIG301", "MIG302", "MIG307"])
def test_a_gateway_rule_names_inventory_exports_and_no_template(code):
    line = _line(code)
    assert "inventory exports" in line
    assert "ARM templates" not in line and "Bicep" not in line


def test_mig305_names_neither_exports_nor_templates():
    line = _line("MIG305")
    assert ".netcfg" in line
    assert not {"inventory exports", "ARM templates", "Bicep"} & set(line)
