"""A shell script costs time linear in its size whatever it is built to make the reader do: functions that
call functions many times each, loops within loops, a value doubled line after line, many branches over
many variables, and a script written on one line. Past the work its size warrants, the script is read once
through without following calls, and its commands are still read."""

from __future__ import annotations

from collections.abc import Callable

from growth import LINEAR, assert_costs_at_most, assert_linear

from migcheck.model import Document, Script
from migcheck.readers import read_document


def _calls(data: bytes) -> list[str]:
    """The classic commands the script is read to run."""
    return _calls_in(read_document("s.sh", data, explicit=True))


def _calls_in(document: Document) -> list[str]:
    assert document.problem is None
    return [call.name for r in document.resources if isinstance(r, Script) for call in r.calls]


def _reading(data: bytes, kept: list[Document]) -> Callable[[], None]:
    """The work of reading `data`, which keeps the last document it read in `kept`: a read past the budget
    costs seconds, and the document one of the measured reads gave is the one to look at."""

    def read() -> None:
        kept[:] = [read_document("s.sh", data, explicit=True)]

    return read


def _calls_within_calls(depth: int) -> bytes:
    """Each function calls the one before it ten times: ten to the power of `depth` commands if followed."""
    lines = ["f0() { azure vm create svc img u p -w net -b a,b; }"]
    lines += [f"f{i}() {{ " + "; ".join([f"f{i - 1} $1"] * 10) + "; }" for i in range(1, depth + 1)]
    return ("\n".join([*lines, f"f{depth} x"]) + "\n").encode()


def test_calls_within_calls_are_cut_short():
    """Compared at depths where both are past the work their size warrants: followed, the deeper one
    would cost ten thousand times more."""
    eight, sixteen = _calls_within_calls(8), _calls_within_calls(16)
    deeper: list[Document] = []
    assert_costs_at_most(
        _reading(sixteen, deeper), LINEAR, lambda: read_document("s.sh", eight, explicit=True)
    )
    assert "azure vm create" in _calls_in(deeper[0])


def _loops_within_loops(depth: int) -> bytes:
    heads = "".join(f"for x{i} in a b c d e f g h i j k l m n o p; do " for i in range(depth))
    return (heads + "azure vm create svc img u p -w net; " + "done; " * depth + "\n").encode()


def test_loops_within_loops_are_cut_short():
    """Both depths are past the work their size warrants, so both do the same number of steps: followed,
    the deeper one would cost 16**6 times more. The same steps cost more on a deeper Python stack (under
    pytest, the deeper script's took twice as long as in a plain process, the shallower one's did not): the
    bound allows that, and still fails for any growth with depth."""
    six, twelve = _loops_within_loops(6), _loops_within_loops(12)
    deeper: list[Document] = []
    assert_costs_at_most(
        _reading(twelve, deeper), 2 * LINEAR, lambda: read_document("s.sh", six, explicit=True)
    )
    assert "azure vm create" in _calls_in(deeper[0])


def test_a_value_doubled_line_after_line_is_not_followed():
    def doubling(lines: int) -> bytes:
        return ("X=a\n" + 'X="$X$X"\n' * lines + "azure vm create $X img u p\n").encode()

    sixty, thirty = doubling(60), doubling(30)
    longer: list[Document] = []
    assert_costs_at_most(
        _reading(sixty, longer), LINEAR, lambda: read_document("s.sh", thirty, explicit=True)
    )
    assert longer[0].problem is None


def test_branches_over_many_variables():
    def make(n: int):
        data = (
            "".join(f"V{i}=x\n" for i in range(n))
            + "".join(f"if a; then azure vm create s{i} img u p; fi\n" for i in range(n))
        ).encode()
        return lambda: read_document("s.sh", data, explicit=True)

    assert_linear(make, 500)


def test_a_script_on_one_line():
    def make(n: int):
        data = ("; ".join(f"azure vm create svc{i} img u p -w net -b a,b" for i in range(n)) + "\n").encode()
        return lambda: read_document("s.sh", data, explicit=True)

    assert_linear(make, 1000)


def test_a_command_line_doubled_and_run_by_eval_is_not_followed():
    """A value the script does not state is kept as a shape for `eval`: doubled line after line it is cut
    as a stated one is, and each `eval` pays for the line it parses."""

    def doubling(lines: int) -> bytes:
        head = 'X="azure vm create $1 img u p"\n'
        return (head + 'X="$X $X"\n' * lines + 'f() { eval "$X"; }\n' + "f a\n" * 50).encode()

    assert_costs_at_most(
        lambda: read_document("s.sh", doubling(60), explicit=True),
        LINEAR,
        lambda: read_document("s.sh", doubling(30), explicit=True),
    )


def test_a_classic_command_counts_for_many_steps_of_the_budget(monkeypatch):
    """Reading an `azure` command costs as much as a score of plain statements: a loop running one 4,096
    times is past the work a one-line script warrants, and is read once through instead (where counting
    it as one step, a script of one line could keep the reader busy for seconds)."""
    import migcheck.readers.shell as shell

    walkers = []
    walked = shell._walked
    monkeypatch.setattr(shell, "_walked", lambda *a, **k: walkers.append(walked(*a, **k)) or walkers[-1])
    assert "azure vm create" in _calls(_loops_within_loops(3))
    assert walkers[0].flat
