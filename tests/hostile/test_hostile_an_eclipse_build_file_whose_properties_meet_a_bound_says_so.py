"""An Eclipse `package.xml` whose Ant properties meet one of the reader's bounds (`readers.ant`: a value past
4,096 characters, the file's characters put in place of references, its steps resolving targets, its 64th
target holding a publish) has the values it left unknown read as not stated. That was said nowhere: a
publish whose service name was lost so read as a file of no publish at all. The file now says so at its
project element (`ant-properties-cut`), as every bound a reader meets is said."""

from __future__ import annotations

import pytest

from migcheck.model import ANT_PROPERTIES_CUT, Script
from migcheck.readers import eclipse_package
from migcheck.readers.ant import RESOLVING_STEPS, VALUE_CHARS

PUBLISH = '<azurepublish subscriptionid="1f333a31-1111-2222-3333-444455556666" cloudservicename="${svc}"/>'


def _tags(body: str) -> list[tuple[int, str]]:
    text = f'<project basedir=".">\n<property name="svc" value="pool"/>\n{body}</project>\n'
    document = eclipse_package.read("p/package.xml", text.encode())
    return [(m.line, m.tag) for r in document.resources if isinstance(r, Script) for m in r.unread]


LONG = f'<property name="long" value="{"x" * VALUE_CHARS}"/>'
BOUNDS = {
    "a value too long": f'{LONG}<target name="t"><azurepublish cloudservicename="${{long}}y"/></target>',
    "targets past 64": "".join(f'<target name="t{i}">{PUBLISH}</target>' for i in range(65)),
    "steps resolving targets": '<target name="c0">'
    + "<echo/>" * RESOLVING_STEPS
    + f'</target><target name="t" depends="c0">{PUBLISH}</target>',
}


@pytest.mark.parametrize("body", BOUNDS.values(), ids=BOUNDS.keys())
def test_a_bound_met_is_said_at_the_project(body: str):
    assert _tags(body) == [(1, ANT_PROPERTIES_CUT)]


def test_a_file_within_the_bounds_says_nothing():
    within = "".join(f'<target name="t{i}" depends="c0">{PUBLISH}</target>' for i in range(64))
    assert _tags(f'{LONG}<target name="c0"><echo message="${{long}}"/></target>{within}') == []
