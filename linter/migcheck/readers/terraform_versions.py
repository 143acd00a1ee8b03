"""The versions a Terraform configuration states it needs, and whether the classic `azure` provider can run
under them.

The classic provider's last release came before Terraform 0.12 (its repository was archived in 2018, with no
release after), and Terraform 0.12 and later run only plugins built for 0.12's protocol: no `azure` plugin
is compatible with them. A configuration that needs Terraform 0.12 or later therefore never ran its classic
blocks. What says it needs them:
- `required_version` (of any module's `terraform` block: Terraform checks each) allowing no version below
  0.12 (`>= 0.12`, `~> 1.5`, `= 1.3.0`);
- azurerm 2.0 or later (2.0 and later support Terraform 0.12 and later only): a `features` block in a
  `provider "azurerm"` block (2.0 requires it, 1.x refuses it), a version constraint of azurerm allowing
  no version below 2.0 (`required_providers { azurerm = "~> 2.0" }`, or its `version` member, or the
  `provider "azurerm"` block's `version`);
- a `required_providers` entry written as an object with a `source` (`{ source = "hashicorp/azurerm" }`),
  the syntax Terraform 0.12.26 introduced, which 0.11 refuses.

A constraint's parts are all required (`>= 0.12, < 2.0`): it allows nothing below the highest of the lowest
versions its parts allow (`>= v`, `> v`, `~> v`, `= v` and a bare `v` each allow nothing below `v`; `<`,
`<=` and `!=` allow every version below some)."""

from __future__ import annotations

from migcheck.readers.numbers import whole_number

TERRAFORM_0_12 = (0, 12, 0)
AZURERM_2_0 = (2, 0, 0)
# The operators of a constraint's part, longest first so that `>=` is not read as `>`.
_FROM_VERSION = (">=", "~>", ">", "=")
_BELOW_ANY = ("<=", "<", "!=")


def lowest_allowed(constraint: str) -> tuple[int, ...] | None:
    """The version below which the constraint allows none, or None where it allows versions as old as any
    (or is not a constraint read: a part of no version number)."""
    lowest: tuple[int, ...] | None = None
    for part in constraint.split(","):
        bound = _part_lowest(part.strip())
        if bound is not None and (lowest is None or bound > lowest):
            lowest = bound
    return lowest


def needs_at_least(constraint: str, version: tuple[int, ...]) -> bool:
    """Whether the constraint allows no version below `version`."""
    lowest = lowest_allowed(constraint)
    return lowest is not None and lowest >= version


def _part_lowest(part: str) -> tuple[int, ...] | None:
    if part.startswith(_BELOW_ANY):
        return None
    operator = next((op for op in _FROM_VERSION if part.startswith(op)), "")
    return _version(part[len(operator) :].strip())


def _version(text: str) -> tuple[int, ...] | None:
    """`1.2.3` → (1, 2, 3), `2` → (2, 0, 0), a leading `v` and a pre-release or build suffix (`-beta1`, `+x`) set aside; None
    for text of no version number."""
    text = text.removeprefix("v").split("-")[0].split("+")[0]
    numbers = [whole_number(n) for n in text.split(".")]
    if not all(n is not None for n in numbers):
        return None
    read = tuple(n for n in numbers if n is not None)
    return (*read, 0, 0)[:3] if len(read) < 3 else read
