"""A Terraform string of template directives (`"%{ if var.on }Standard%{ else }Free%{ endif }"`, `%{ for }`) is
the text the directives make of the values they are given: the reader does not work them out, so the string
is a value not stated. It was read as the directives' parse trees written out as text
(`Tree('template_if_start', ...`), a Defender plan's tier that was then neither Standard nor Free."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CONFIG = """\
variable "on" {{ default = true }}
variable "tiers" {{ default = ["Standard"] }}

resource "azurerm_security_center_subscription_pricing" "vms" {{
  tier          = {tier}
  resource_type = "VirtualMachines"
}}
"""


@pytest.mark.parametrize(
    "tier",
    [
        '"%{ if var.on }Standard%{ else }Free%{ endif }"',
        '"%{ for t in var.tiers }${t}%{ endfor }"',
        '"%{ if var.on }Standard%{ endif }"',
    ],
)
def test_a_string_of_directives_is_a_tier_not_stated(tmp_path, monkeypatch, tier):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": CONFIG.format(tier=tier)}, dedent=False)
    [document] = [d for d in result.documents if d.path == "main.tf"]
    [plan] = [r for r in document.resources if type(r).__name__ == "DefenderPlan"]
    assert plan.tier == ""
