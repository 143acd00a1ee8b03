"""Exports that span many subscriptions, each holding a cloud service of the same name, give findings that
each name their subscription after the service. The names several subscriptions share are found once for
the check, and each estate's wording once for its findings: naming costs linear time in the findings,
however many subscriptions they are of (no finding is compared with each other subscription)."""

from __future__ import annotations

from collections.abc import Iterable

from growth import assert_linear
from lint_support import RULES, graph_page, graph_vm

from migcheck import engine
from migcheck.config import Config
from migcheck.estate import Estate
from migcheck.model import Finding
from migcheck.namesakes import named_subscriptions

# Of one cloud service in each subscription: one VM in an availability set, and each other one a finding.
_VMS = tuple(f"web{i}" for i in range(1, 6))


def _subscription(index: int) -> str:
    return f"{index:08d}-1111-4111-8111-111111111111"


def _checked(folder, monkeypatch) -> list[tuple[Estate, list[Finding]]]:
    """The estates of a check of `folder` and the findings of each, before their subscriptions are named."""
    checked: list[tuple[Estate, list[Finding]]] = []

    def keep(estates: Iterable[tuple[Estate, Iterable[Finding]]]):
        checked.extend((estate, list(findings)) for estate, findings in estates)
        return named_subscriptions(checked)

    with monkeypatch.context() as patched:
        patched.setattr(engine, "named_subscriptions", keep)
        engine.lint([str(folder)], Config(select=("MIG103",)), RULES)
    return checked


def test_naming_the_subscriptions_of_namesakes_is_linear_in_subscriptions(tmp_path, monkeypatch):
    def make(n: int):
        folder = tmp_path / f"n{n}"
        folder.mkdir()
        rows = [
            graph_vm(_subscription(i), "svc", vm, "as1" if vm == _VMS[0] else "")
            for i in range(n)
            for vm in _VMS
        ]
        (folder / "classic.json").write_text(graph_page(*rows), encoding="utf-8")
        checked = _checked(folder, monkeypatch)
        named = list(named_subscriptions(checked))
        assert len(named) == n * (len(_VMS) - 1)
        assert f"cloud service 'svc' (subscription {_subscription(n - 1)})" in named[-1].message
        return lambda: list(named_subscriptions(checked))

    assert_linear(make, 400)
