"""A baseline or a saved report kept in the repository (`--format json`, `report-json`, `sarif`, `gitlab`, a
`plan --format json`, a shields.io badge) was read as a file of the estate: "of 22 read: the others
describe nothing classic" over examples/contoso's 15 files. The walk now knows migcheck's outputs by their
keys and passes over them, so pytest, which collects the files the walk reads, does too."""

from __future__ import annotations

import json

import pytest

from migcheck.own_outputs import first_key, is_own_output

CHECK_FORMATS = ("json", "report-json", "sarif", "gitlab")


def _outputs(run) -> list[str]:
    """This version's outputs of examples/contoso, written into it."""
    written = []
    for form in CHECK_FORMATS:
        written.append(f"examples/contoso/out/check.{form}.json")
        run("check", "examples/contoso", "--format", form, "--output-file", written[-1])
    written.append("examples/contoso/out/plan.json")
    run("plan", "examples/contoso", "--format", "json", "--output-file", written[-1])
    written.append("examples/contoso/out/badge.json")
    run("badge", "examples/contoso", "--format", "shields", "--output-file", written[-1])
    written.append("examples/contoso/baseline.json")
    run("check", "examples/contoso", "--write-baseline", written[-1])
    return written


def test_the_outputs_of_a_run_are_not_counted_among_the_files_read(contoso, run):
    before = run("check", "examples/contoso")[1].splitlines()[-1]
    written = _outputs(run)
    after = run("check", "examples/contoso", "--no-baseline")[1].splitlines()[-1]
    assert after == before
    assert "read" not in after
    listed = run("check", "examples/contoso", "--show-files")[1]
    assert not [path for path in written if path in listed]


@pytest.mark.parametrize(
    "text",
    [
        '[{"code": "x"}]',  # a list of objects with a code, no rule's finding
        '{"version": 1, "data": []}',
        '{"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "runs": [{"tool": {"driver": {"name": "x"}}}]}',
        '{"schemaVersion": 1, "label": "build", "message": "passing", "color": "green"}',
        '[{"id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.ClassicCompute/virtualMachines/vm"}]',
        '{"version": 1, "findings": [',
    ],
)
def test_other_json_is_not_taken_for_an_output(text):
    data = text.encode()
    assert not is_own_output(lambda limit: data[:limit])


def test_the_first_key_is_read_as_json_reads_it():
    assert first_key(b' \n[ {"code": 1}]') == ("[{", "code")
    assert first_key(b'{"\\u0024schema": 1}') == ("{", "$schema")
    assert first_key(b'{"vers') is None
    assert first_key(b"[1, 2]") is None
    assert json.loads('{"\\u0024schema": 1}') == {"$schema": 1}
