"""One VM a shell script creates with `azure vm create` on each branch of an `if` (or the arms of a
`case`), differently: whichever branch runs is the VM that migrates, so what only some branches leave out
may be so (a warning), as for the cmdlets' VM built on two paths; two creations that both run are not
joined."""

from __future__ import annotations

from migcheck.model import Severity
from tests.lint_support import lint_files


def _mig203(tmp_path, monkeypatch, script: str) -> list[tuple[int, str, str]]:
    found = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG203").findings
    return [(f.location.line, f.severity.value, f.message) for f in found if f.location]


def test_a_subnet_on_one_branch_only_is_a_warning(tmp_path, monkeypatch):
    script = """\
    if [ "$1" = prod ]; then
      azure vm create svc1 img u p -w net1 -b front
    else
      azure vm create svc1 img u p -w net1
    fi
    """
    ((line, severity, message),) = _mig203(tmp_path, monkeypatch, script)
    assert (line, severity) == (2, Severity.WARNING.value)
    assert "may have no subnet: the script puts it in one only on some of its paths (line 2)" in message


def test_the_arms_of_a_case_are_paths_of_one_vm(tmp_path, monkeypatch):
    script = """\
    case "$1" in
      prod) azure vm create svc1 img u p -w net1 -b front ;;
      *) azure vm create svc1 img u p -w net1 ;;
    esac
    """
    assert [(line, severity) for line, severity, _ in _mig203(tmp_path, monkeypatch, script)] == [
        (2, Severity.WARNING.value)
    ]


def test_every_branch_without_a_subnet_is_the_error(tmp_path, monkeypatch):
    script = """\
    if [ "$1" = prod ]; then
      azure vm create svc1 img u p -w net1 -z Large
    else
      azure vm create svc1 img u p -w net1
    fi
    """
    assert [(line, severity) for line, severity, _ in _mig203(tmp_path, monkeypatch, script)] == [
        (2, Severity.ERROR.value)
    ]


def test_two_creations_that_both_run_are_not_joined(tmp_path, monkeypatch):
    script = """\
    make() {
      if [ "$1" = prod ]; then azure vm create svc1 img u p -w net1 -b front; fi
    }
    make prod
    azure vm create svc1 img u p -w net1
    """
    assert [(line, severity) for line, severity, _ in _mig203(tmp_path, monkeypatch, script)] == [
        (5, Severity.ERROR.value)
    ]


def test_a_function_calling_its_if_twice_gives_the_last_calls_paths(tmp_path, monkeypatch):
    script = """\
    make() {
      if [ "$1" = prod ]; then
        azure vm create svc1 img u p -w net1 -b front
      else
        azure vm create svc1 img u p -w net1 -b back
      fi
    }
    make prod
    make test
    """
    assert _mig203(tmp_path, monkeypatch, script) == []
