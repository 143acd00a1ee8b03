"""A call the SDK refuses ends the path it is on wherever it runs unconditionally in its statement: as an
argument of another call (`print(sms.create_hosted_service(...))`), in the value of an assignment, in the
test of an `if`; and in a `try` body whose handlers do not catch what the SDK raises (`ValueError` for a
value it checks, `TypeError` for one left out), or whose handler that catches it raises again. A handler that
catches it (bare, `Exception`, `ValueError`, a tuple holding one) lets the path go on, and so does a call
that may not run (the right of `or`, a branch of `a if t else b`, a `lambda`)."""

from __future__ import annotations

import pytest
from test_python_a_call_the_sdk_refuses_ends_its_path import VM, _deployments

REFUSED = "sms.create_hosted_service('front', 'front')"


def _indented(text: str) -> str:
    return "".join("    " + line + "\n" for line in text.splitlines())


@pytest.mark.parametrize(
    "statement",
    [
        f"print({REFUSED})",
        f"result = str({REFUSED})",
        f"print('made', {REFUSED}.request_id)",
        f"if {REFUSED}:\n    pass",
        f"names = [{REFUSED}, 'x']",
    ],
    ids=["argument", "assigned argument", "attribute of an argument", "if test", "list item"],
)
def test_a_refusal_nested_in_a_statement_ends_the_path(statement) -> None:
    assert _deployments(statement + "\n" + VM.format(name="front", label="'l'")) == []


@pytest.mark.parametrize(
    "statement",
    [f"ok = True or {REFUSED}", f"x = 1 if True else {REFUSED}", f"later = lambda: {REFUSED}"],
    ids=["right of or", "other branch", "lambda"],
)
def test_a_refusal_that_may_not_run_in_its_statement_leaves_the_path(statement) -> None:
    assert _deployments(statement + "\n" + VM.format(name="front", label="'l'")) == ["front"]


@pytest.mark.parametrize(
    ("handlers", "made"),
    [
        ("except KeyError:\n    pass\n", False),
        ("except ValueError:\n    raise\n", False),
        ("except Exception as e:\n    raise RuntimeError('no') from e\n", False),
        ("finally:\n    print('done')\n", False),
        ("except:\n    pass\n", True),
        ("except Exception:\n    print('no')\n", True),
        ("except (KeyError, TypeError, ValueError):\n    print('no')\n", True),
        ("except KeyError:\n    raise\nexcept ValueError:\n    print('no')\n", True),
    ],
    ids=[
        "not caught",
        "caught and raised again",
        "raised from",
        "finally only",
        "bare",
        "exception",
        "tuple",
        "second handler",
    ],
)
def test_a_refusal_in_a_try_body_ends_the_path_unless_a_handler_catches_it_and_goes_on(
    handlers, made
) -> None:
    script = "try:\n" + _indented(f"print({REFUSED})") + handlers + VM.format(name="front", label="'l'")
    assert _deployments(script) == (["front"] if made else [])


def test_a_refusal_in_a_with_body_that_opens_a_file_ends_the_path() -> None:
    script = "with open('log.txt', 'w') as log:\n" + _indented(REFUSED) + VM.format(name="front", label="'l'")
    assert _deployments(script) == []


def test_a_refusal_in_a_with_body_of_a_context_manager_that_may_swallow_it_leaves_the_path() -> None:
    script = "with suppress(ValueError):\n" + _indented(REFUSED) + VM.format(name="front", label="'l'")
    assert _deployments(script) == ["front"]
