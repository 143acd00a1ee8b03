"""An export may hold many subscriptions, each checked as an estate of its own, and each finding is counted
in the subscription whose items own what it points at. Finding that subscription must not ask every
subscription's items about every finding: the readiness summary of n subscriptions with a few VMs each
costs linear time in n."""

from __future__ import annotations

from growth import assert_linear
from lint_support import graph_page, graph_vm, lint_files

from migcheck.report.readiness import checked_at, readiness


def _subscription(index: int) -> str:
    return f"{index:08x}-0000-0000-0000-000000000000"


def test_readiness_of_n_subscriptions_costs_linear_time(tmp_path, monkeypatch):
    def make(n: int):
        rows = [
            # Three VMs of each cloud service outside the availability set of the fourth: a finding each.
            graph_vm(_subscription(s), f"svc{s}", f"vm{s}-{v}", "as1" if v == 0 else "", vnet=f"net{s}")
            for s in range(n)
            for v in range(4)
        ]
        folder = tmp_path / f"n{n}"
        result = lint_files(folder, monkeypatch, {"classic.json": graph_page(*rows)})
        assert len(result.estates) == n + 1  # each subscription an estate of its own, and the files'
        assert len(result.uncapped) >= n  # past the cap of one rule per file too, which the summary counts

        def work():
            checked_at(result)
            readiness(result)

        return work

    assert_linear(make, 400)
