"""Past line 65,535, where lxml's line numbers are approximate, an element's position is found in the text:
once searched for each written tag, so a file whose elements are written with thousands of prefixes took
time quadratic in them (4,000 roles, 600 KB: 19 s). The positions are those the search by tag gives."""

from __future__ import annotations

from growth import assert_linear

from migcheck.readers import read_document

CSDEF_NS = "http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition"
BLANK_LINES = 70_000


def _far_roles(count: int, prefixes: int) -> bytes:
    """`count` roles past line 65,535, every third unprefixed, the others written with one of `prefixes`
    prefixes; comments and CDATA sections between them write start tags that are not elements."""
    roles = []
    for i in range(count):
        prefix = f"p{i % prefixes}" if i % 3 else ""
        declaration = f' xmlns:{prefix}="{CSDEF_NS}"' if prefix else ""
        after = ("\n", " ", "<!-- <p1:WorkerRole name='x'/> -->", "<![CDATA[<WorkerRole >]]>\n")[i % 4]
        tag = f"{prefix}:WorkerRole" if prefix else "WorkerRole"
        roles.append(f'<{tag}{declaration} name="r{i}" vmsize="Small"/>{after}')
    return (
        f'<ServiceDefinition xmlns="{CSDEF_NS}" name="s">'
        + "\n" * BLANK_LINES
        + "".join(roles)
        + "</ServiceDefinition>"
    ).encode()


def _positions(data: bytes) -> list[tuple[str, str, int, int]]:
    document = read_document("ServiceDefinition.csdef", data, explicit=False)
    assert document is not None and document.problem is None
    return [(r.name, r.mark.tag, r.mark.line, r.mark.column) for r in document.resources[0].roles]  # type: ignore[attr-defined]


def test_roles_written_with_many_prefixes_far_down_are_placed_in_linear_time() -> None:
    assert_linear(
        lambda n: lambda: read_document("ServiceDefinition.csdef", _far_roles(n, n), explicit=False), 1_500
    )


def test_each_role_is_placed_at_its_own_start_tag_however_many_prefixes() -> None:
    for prefixes in (3, 200):  # a few written tags, each searched for; more than are searched one by one
        data = _far_roles(240, prefixes)
        lines = data.decode().split("\n")
        for name, tag, line, column in _positions(data):
            assert lines[line - 1][column - 1 :].startswith(f"<{tag} "), (name, prefixes)
            assert f'name="{name}"' in lines[line - 1][column - 1 :].split(">", 1)[0]
