"""The report writers encode scalars and keys without `json.dumps`' per-call encoder: the text must stay
exactly what `json_text` (`json.dumps`, then the escapes reports add) writes for every type."""

import json

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
