"""The files of a check read in several processes are shared out by what reading them costs, their bytes,
not their number: a share holding the large files would keep the others waiting for it."""

from __future__ import annotations

import itertools

from migcheck import workers
from migcheck.discover import Candidate


def _share_costs(costs: list[float], jobs: int, pickling: float, unpickling: float = 0.0) -> list[float]:
    bounds = workers._bounds(costs, jobs, pickling, unpickling)
    return [sum(costs[start:end]) for start, end in itertools.pairwise(bounds)]


def test_a_share_holding_the_large_files_holds_fewer_of_them():
    costs = [1.0] * 90 + [100.0] * 10
    shares = _share_costs(costs, 2, 0.0)
    assert abs(shares[0] - shares[1]) <= 100
    assert workers._bounds(costs, 2, 0.0)[1] > 90  # this process reads the small files and some large


def test_this_process_s_share_is_larger_by_what_pickling_costs():
    mine, theirs = _share_costs([1.0] * 2100, 2, 0.1)
    assert round(mine / theirs, 2) == 1.1


def test_this_process_s_share_is_smaller_by_what_unpickling_each_worker_s_results_costs_it():
    mine, *theirs = _share_costs([1.0] * 3000, 3, 0.1, 0.05)
    assert [round(mine / share, 2) for share in theirs] == [1.0, 1.0]


def test_every_item_is_in_one_share_in_order():
    for count, jobs in [(0, 2), (1, 3), (7, 4), (1000, 3)]:
        bounds = workers._bounds([3.0] * count, jobs, 0.16)
        assert bounds[0] == 0 and bounds[-1] == count
        assert bounds == sorted(bounds)


def test_a_file_of_unknown_size_counts_as_the_mean_of_the_others():
    found = [
        Candidate("a.cscfg", "a.cscfg", False, size=100),
        Candidate("b.cscfg", "b.cscfg", False, size=300),
        Candidate("named.cscfg", "named.cscfg", True),  # named: its size was not met
    ]
    assert workers._costs(found) == [
        100 + workers.FILE_BYTES,
        300 + workers.FILE_BYTES,
        200 + workers.FILE_BYTES,
    ]
