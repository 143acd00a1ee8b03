"""A member of a local's object built of another's member twice (`l1 = { v = "${local.l0.v}${local.l0.v}" }`)
was evaluated again at each use, so a chain of n such locals cost 2ⁿ evaluations (a file of 16 took seconds,
of 30 never finished); a value held by a `null_resource`'s `triggers` alike. Each member's value is now
evaluated once (again for each index or key of a `count` or `for_each`), so the chain's cost grows with its
length."""

from __future__ import annotations

import pytest

from migcheck.readers import terraform

LINEAR = 3  # doubling the chain may at most triple the evaluations: linear is 2x, exponential 2ⁿx


def _locals(n: int) -> str:
    chain = [f'  l{i} = {{ v = "${{local.l{i - 1}.v}}${{local.l{i - 1}.v}}" }}' for i in range(1, n)]
    body = "\n".join(['  l0 = { v = "x" }', *chain])
    return f'locals {{\n{body}\n}}\nresource "azure_hosted_service" "web" {{\n  name = local.l{n - 1}.v\n}}\n'


def _triggers(n: int) -> str:
    def held(i: int) -> str:
        before = f"null_resource.r{i - 1}.triggers.v"
        value = f'"${{{before}}}${{{before}}}"' if i else '"x"'
        return f'resource "null_resource" "r{i}" {{\n  triggers = {{ v = {value} }}\n}}\n'

    last = f"null_resource.r{n - 1}.triggers.v"
    return (
        "".join(held(i) for i in range(n))
        + f'resource "azure_hosted_service" "web" {{\n  name = {last}\n}}\n'
    )


def _evaluations(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    counted = [0]
    word = terraform._Configuration.word

    def counting(self, path, node, at):  # type: ignore[no-untyped-def]
        counted[0] += 1
        return word(self, path, node, at)

    monkeypatch.setattr(terraform._Configuration, "word", counting)
    document = terraform.read("main.tf", text.encode())
    monkeypatch.setattr(terraform._Configuration, "word", word)
    assert document.problem is None
    return counted[0]


@pytest.mark.parametrize("chain", [_locals, _triggers])
def test_doubling_the_chain_at_most_triples_the_evaluations(monkeypatch, chain):
    small, large = _evaluations(monkeypatch, chain(8)), _evaluations(monkeypatch, chain(16))
    assert large <= LINEAR * small, (small, large)
