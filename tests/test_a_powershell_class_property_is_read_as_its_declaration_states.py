"""A class's property holds what its declaration states, and what it does not state is a stand-in
(about_Classes: a property's default is the value after `=`; a `static` property belongs to the class and is
read as `[Class]::Name`). `static [string]$Prefix = 'shop'` makes `[Deployer]::Prefix + "-api"` the service
`shop-api`, where it was a service not stated; an interpolated default (`"web-$stage"`) or a static
property the script sets again is not stated, and never a name glued onto a stand-in's text."""

from __future__ import annotations

import pytest
from lint_support import script_resources, unread_marks

from migcheck.model import ServiceRegion

CLASS = """\
class Deployer {{
    {declaration}
    [void] Deploy() {{
        New-AzureService -ServiceName ({read} + "-api") -Location "West US"
    }}
}}
{after}[Deployer]::new().Deploy()
"""


def _services(declaration: str, read: str, after: str = "") -> list[str]:
    script = CLASS.format(declaration=declaration, read=read, after=after)
    resources = script_resources(script, "deploy.ps1")
    assert unread_marks(resources) == []
    return [r.service for r in resources if isinstance(r, ServiceRegion)]


@pytest.mark.parametrize("quote", ["'", '"'])
def test_a_static_property_s_stated_default_is_read_through_the_class(quote: str) -> None:
    assert _services(f"static [string]$Prefix = {quote}shop{quote}", "[Deployer]::Prefix") == ["shop-api"]


@pytest.mark.parametrize(
    ("declaration", "read", "after"),
    [
        ('[string]$Name = "web-$stage"', "$this.Name", '$stage = "prod"\n'),
        ("static [string]$Prefix = 'shop'", "[Deployer]::Prefix", "[Deployer]::Prefix = $args[0]\n"),
        ("hidden [string]$Prefix = 'shop'", "[Deployer]::Prefix", ""),
    ],
    ids=["an interpolated default", "a static property set again", "a hidden property, not static"],
)
def test_what_the_declaration_does_not_state_is_a_stand_in(declaration: str, read: str, after: str) -> None:
    (service,) = _services(declaration, read, after)
    assert service.startswith("<cloud service name, deploy.ps1:4")
