"""The report writers encode scalars and keys without `json.dumps`' per-call encoder: the text must stay
exactly what `json_text` (`json.dumps`, then the escapes reports add) writes for every type."""

import json

import pytest

from migcheck.report.stream import Items, dump, json_text, rendered

SCALARS = [
    "plain",
    "é and \u200b and \x7f and \udcff",
    "a ##vso[task.complete] and ##[error]",
    "one # and ## apart, #[ and #vso[",
    'quote " backslash \\ tab \t line\n',
    "",
    0,
    -12,
    2**70,
    True,
    False,
    None,
    1.5,
]


def test_each_scalar_is_written_as_json_text_writes_it():
    for value in SCALARS:
        assert rendered(lambda stream, value=value: dump(value, stream)) == json_text(value)


def test_a_document_with_items_is_written_as_json_dumps_indents_it():
    document = {"keys ##[x]": {str(n): value for n, value in enumerate(SCALARS)}, "list": list(SCALARS)}
    written = rendered(lambda stream: dump({**document, "items": Items(iter(SCALARS))}, stream))
    assert written == json_text({**document, "items": SCALARS}, indent=2)
    assert json.loads(written)["items"][:2] == SCALARS[:2]


def test_keys_of_other_types_are_written_as_json_dumps_writes_them():
    # `True` and `1` are one key to a dict but two to JSON: written apart, as the encoder writes them.
    document = {"plain": {True: "yes", None: 0, 1.5: [1], 2: "two"}, "again": {1: "one", False: "no"}}
    written = rendered(lambda stream: dump({**document, "items": Items(iter([document]))}, stream))
    assert written == json.dumps({**document, "items": [document]}, indent=2)
    assert json_text(document, indent=2) == json.dumps(document, indent=2)


def test_the_compact_encoder_is_made_once_not_per_value(monkeypatch):
    # `json.dumps` and `JSONEncoder.encode` make one for each call: for each finding of `--format json`.
    values = [{"n": n, "list": [n, "x"], "text": "é"} for n in range(10)]
    expected = [json.dumps(value, ensure_ascii=False) for value in values]
    made = []
    real = json.encoder.c_make_encoder
    monkeypatch.setattr(json.encoder, "c_make_encoder", lambda *args: made.append(args) or real(*args))
    assert [json_text(value) for value in values] == expected
    assert made == []


def test_a_value_that_cannot_be_encoded_leaves_no_trace_for_the_next():
    document: dict[str, object] = {"list": [1], "bad": object()}
    with pytest.raises(TypeError):
        json_text(document)
    del document["bad"]  # the same dict, now fit to encode: not taken for one that holds itself
    assert json_text(document) == '{"list": [1]}'
    cycle: list[object] = []
    cycle.append(cycle)
    with pytest.raises(ValueError, match="Circular"):
        json_text(cycle)
    assert json_text([[1], [2]]) == "[[1], [2]]"
