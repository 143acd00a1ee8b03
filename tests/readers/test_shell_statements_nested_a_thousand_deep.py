"""A shell script nested a thousand deep (an `if` in an `if`..., functions defined in functions, child
shells, substitutions) is read whole, its deepest commands as ones that may run; no depth stops the read."""

from __future__ import annotations

import pytest

from migcheck.model import MAYBE_RUNS, Deployment, Script
from migcheck.readers import shell

DEEP = 1000
CREATE = "azure vm create deep img u p -w net -b a\n"


def _functions(depth: int) -> str:
    opened = "".join(f"f{i}() {{\n" for i in range(depth))
    return opened + CREATE + "".join(f"}}\nf{i}\n" for i in reversed(range(depth)))


NESTED = {
    "if": "if x; then V=c\n" * DEEP + CREATE + "fi\n" * DEEP,
    "while": "while x; do V=c\n" * DEEP + CREATE + "done\n" * DEEP,
    "for": "for i in a; do\n" * DEEP + CREATE + "done\n" * DEEP,
    "case": "case x in x)\n" * DEEP + CREATE + ";; esac\n" * DEEP,
    "subshell": "(\n" * DEEP + CREATE + ")\n" * DEEP,
    "block": "{\n" * DEEP + CREATE + "}\n" * DEEP,
    "function": _functions(DEEP),
    "substitution": "X=" + "$(echo " * DEEP + "$(" + CREATE.strip() + ")" + ")" * DEEP + "\n",
}


@pytest.mark.parametrize("kind", list(NESTED))
def test_the_deepest_command_is_read_as_one_that_may_run(kind):
    text = "V=b\n" + NESTED[kind] + "azure vm create after-$V img u p\n"
    doc = shell.read("deploy.sh", text.encode())
    assert doc.problem is None
    services = sorted(r.service_name for r in doc.resources if isinstance(r, Deployment))
    after = "<DNS name" if kind in ("if", "while") else "after-b"
    assert services[0].startswith(after)  # what the nested code may assign is not known after it
    assert services[1:] == ["deep"]
    (script,) = [r for r in doc.resources if isinstance(r, Script)]
    deep = [call.runs for call in script.calls if ("cloud-service", "deep") in call.changes]
    assert deep == [MAYBE_RUNS]


def test_a_default_value_nested_a_thousand_deep_is_not_followed():
    text = "azure vm create ${A:-" * DEEP + "deep" + "}" * DEEP + " img u p\n"
    (deployment,) = [r for r in shell.read("deploy.sh", text.encode()).resources if isinstance(r, Deployment)]
    assert deployment.service_name.startswith("<DNS name")


def test_a_fi_missing_a_thousand_deep_is_mig001_where_its_if_opens():
    text = "azure vm create a img u p\n" + "if x; then\n" * DEEP + CREATE + "fi\n" * (DEEP - 1)
    problem = shell.read("deploy.sh", text.encode()).problem
    assert problem is not None and "never closes" in problem.message


def test_a_suppression_a_thousand_deep_covers_its_command():
    text = "if x; then\n" * DEEP + "# migcheck: ignore[MIG203] built later\n" + CREATE + "fi\n" * DEEP
    (suppression,) = shell.read("deploy.sh", text.encode()).suppressions
    assert (suppression.first_line, suppression.last_line) == (DEEP + 2, DEEP + 2)
