"""A Terraform string of template directives (`"%{ if var.on }Standard%{ else }Free%{ endif }"`, `%{ for }`) is
the text the directives render of the values they are given: where the module states them, the text itself
(a Defender plan's tier `Standard`); where it does not, a value not stated. It was read as the directives'
parse trees written out as text (`Tree('template_if_start', ...`), a tier that was then neither Standard nor
Free, and then as a value not stated whatever the directives were given."""

from __future__ import annotations

import pytest
from lint_support import lint_files

CONFIG = """\
variable "on" {{ default = true }}
variable "tiers" {{ default = ["Standard"] }}
variable "unset" {{}}

resource "azurerm_security_center_subscription_pricing" "vms" {{
  tier          = {tier}
  resource_type = "VirtualMachines"
}}
"""


@pytest.mark.parametrize(
    ("tier", "read"),
    [
        ('"%{ if var.on }Standard%{ else }Free%{ endif }"', "Standard"),
        ('"%{ for t in var.tiers }${t}%{ endfor }"', "Standard"),
        ('"%{ if var.on }Standard%{ endif }"', "Standard"),
        ('"%{ if !var.on }Standard%{ else }Free%{ endif }"', "Free"),
        ('"%{ if var.unset }Standard%{ else }Free%{ endif }"', ""),
        ('"%{ for t in var.unset }${t}%{ endfor }"', ""),
    ],
)
def test_a_string_of_directives_is_the_tier_it_renders(tmp_path, monkeypatch, tier, read):
    result = lint_files(tmp_path, monkeypatch, {"main.tf": CONFIG.format(tier=tier)}, dedent=False)
    [document] = [d for d in result.documents if d.path == "main.tf"]
    [plan] = [r for r in document.resources if type(r).__name__ == "DefenderPlan"]
    assert plan.tier == read
