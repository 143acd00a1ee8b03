"""How a check that reads in several processes shares out a folder's files, and what crosses back: each
share's files, bytes and cost as `migcheck.workers` weighs them, and the bytes each worker's documents
come to pickled, as a worker sends them, split by what writes them (`--split`); and how many processes the default would start on this machine
right now (`workers.auto_jobs`, which starts none on cores other processes keep busy).

Usage::

    python benchmarks/shares.py [--jobs 2] [--split] FOLDER

The instructions each process runs are what to compare across changes, not wall times on a shared
machine: ``valgrind --tool=callgrind --callgrind-out-file=cg.%p python -m migcheck check FOLDER --jobs 2``
writes one count per process (a forked worker carries, in its count, what this process ran before the fork:
subtract it, or dump at `_pickle_dump` and `_pickle_load` with ``--dump-before`` to split the worker's read
from its pickling and its locating).
"""

from __future__ import annotations

import argparse
import io
import itertools
import os
import pickle
import pickletools
import sys
from collections import Counter


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--jobs", type=int, default=2, help="processes to share the files among (default 2)")
    parser.add_argument(
        "--split", action="store_true", help="split each worker's pickled bytes by what writes them"
    )
    args = parser.parse_args()
    if not os.path.isdir(args.folder):
        print(f"shares.py: error: {args.folder}: not a folder", file=sys.stderr)
        return 2
    if args.jobs < 1:
        parser.error("--jobs: expected a number of processes, 1 or more")

    from migcheck import engine, workers
    from migcheck.config import Config

    found = engine.walk([args.folder], Config())
    costs = workers._costs(found)
    bounds = workers._bounds(costs, args.jobs, workers.READ_PICKLING, workers.READ_UNPICKLING)
    print(f"{len(found)} files, {sum(c.size for c in found if c.size > 0):,} bytes")
    for share, (start, end) in enumerate(itertools.pairwise(bounds)):
        size = sum(c.size for c in found[start:end] if c.size > 0)
        who = "this process" if share == 0 else f"worker {share}"
        line = (
            f"{who}: files {start}-{end} ({end - start}), {size:,} bytes, cost {sum(costs[start:end]):,.0f}"
        )
        if share:
            sent = io.BytesIO()
            workers._send(workers._read_span(found, start, end), sent, pickle)
            line += f", {len(sent.getvalue()):,} bytes pickled ({len(sent.getvalue()) / max(end - start, 1):.0f} a file)"
        print(line)
        if share and args.split:
            _split(sent.getvalue())
    print(
        f"the default here now: {workers.auto_jobs(len(found))} process(es), {workers._busy()} thread(s) running"
    )
    return 0


# What writes each opcode of a pickle, by the start of its name; the others are named as they are.
_WRITERS = {
    "SHORT_BINUNICODE": "strings",
    "BINUNICODE": "strings",
    "BINGET": "an object sent before (memo)",
    "LONG_BINGET": "an object sent before (memo)",
    "MEMOIZE": "remembering an object (memo)",
    "BININT": "numbers",
    "BININT1": "numbers",
    "BININT2": "numbers",
    "LONG1": "numbers",
    "MARK": "tuples",
    "TUPLE": "tuples",
    "TUPLE1": "tuples",
    "TUPLE2": "tuples",
    "TUPLE3": "tuples",
    "EMPTY_TUPLE": "tuples",
    "REDUCE": "records (their class called)",
    "STACK_GLOBAL": "records (their class called)",
}


def _split(data: bytes) -> None:
    """The bytes of `data` (pickles one after another, as `workers._send` writes them) by what writes
    them: strings, numbers, tuples, records, references to what was sent before."""
    sizes: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    stream = io.BytesIO(data)
    while stream.tell() < len(data):
        ops = list(pickletools.genops(stream))
        ends = [pos for _, _, pos in ops[1:]] + [stream.tell()]
        for (op, _, pos), end in zip(ops, ends, strict=True):
            writer = _WRITERS.get(op.name, op.name)
            sizes[writer] += end - pos
            counts[writer] += 1
    for writer, size in sizes.most_common():
        print(f"  {writer}: {size:,} bytes ({counts[writer]:,} opcodes)")


if __name__ == "__main__":
    sys.exit(main())
