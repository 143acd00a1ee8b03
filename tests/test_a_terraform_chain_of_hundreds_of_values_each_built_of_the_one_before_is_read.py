"""A chain of hundreds of Terraform values each built of the one before (`l1 = local.l0`, a local's member of the
one before's, a `null_resource`'s triggers of the one before's) was said not read (MIG001, "nests expressions
deeper than migcheck follows"): evaluating it is linear, but each value takes a few Python frames, and
Python's default recursion limit stopped a chain of about 150. The evaluation now has frames to spare for a
chain of about a thousand, wherever it is called from; one far deeper is still said not read, never a crash."""

from __future__ import annotations

import pytest

from migcheck.model import ServiceRegion
from migcheck.readers import terraform


def _locals(n: int) -> tuple[str, str]:
    chain = [f"  l{i} = local.l{i - 1}" for i in range(1, n)]
    return "\n".join(["locals {", '  l0 = "shop"', *chain, "}"]), f"local.l{n - 1}"


def _members(n: int) -> tuple[str, str]:
    chain = [f'  l{i} = {{ v = "${{local.l{i - 1}.v}}" }}' for i in range(1, n)]
    return "\n".join(["locals {", '  l0 = { v = "shop" }', *chain, "}"]), f"local.l{n - 1}.v"


def _triggers(n: int) -> tuple[str, str]:
    def held(i: int) -> str:
        value = f"null_resource.r{i - 1}.triggers.v" if i else '"shop"'
        return f'resource "null_resource" "r{i}" {{\n  triggers = {{ v = {value} }}\n}}'

    return "\n".join(held(i) for i in range(n)), f"null_resource.r{n - 1}.triggers.v"


def _service(chain: tuple[str, str]) -> str:
    values, last = chain
    return f'{values}\nresource "azure_hosted_service" "svc" {{\n  name     = {last}\n  location = "West US"\n}}\n'


def _names(text: str) -> list[str]:
    document = terraform.read("main.tf", text.encode())
    assert document.problem is None, document.problem
    return [r.service for r in document.resources if isinstance(r, ServiceRegion)]


@pytest.mark.parametrize("chain", [_locals, _members, _triggers])
def test_a_chain_of_800_values_names_the_service_its_first_value_names(chain):
    assert _names(_service(chain(800))) == ["shop"]


def test_a_chain_far_deeper_is_said_not_read():
    document = terraform.read("main.tf", _service(_locals(3000)).encode())
    assert document.problem is not None
    assert "deeper than migcheck follows" in document.problem.message
