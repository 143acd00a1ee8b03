"""A classic file kept as a template a tool fills in (`<%= NAME %>`, `{% if %}`) is not XML until it is
filled: its syntax error advises leaving it out and checking what it is filled into, not only fixing it."""

from __future__ import annotations

import pytest

from migcheck.readers import read_document

BODY = '<HostedService xmlns="http://schemas.microsoft.com/windowsazure">{name}</HostedService>\n'


@pytest.mark.parametrize(
    "name",
    [
        "<ServiceName><%= NAME %></ServiceName>",
        "{% for name in names %}<ServiceName>{{ name }}</ServiceName>{% endfor %}<Label",
    ],
)
def test_a_template_s_syntax_error_advises_leaving_it_out(name):
    document = read_document("svc.xml", BODY.format(name=name).encode(), explicit=True)
    assert document is not None and document.problem is not None and document.problem.kind == "syntax"
    assert document.problem.fix.startswith("The file looks like a template a tool fills in")
    assert "`exclude`" in document.problem.fix


def test_other_broken_xml_keeps_the_rule_s_advice():
    document = read_document(
        "svc.xml", BODY.format(name="<ServiceName>shop<ServiceName>").encode(), explicit=True
    )
    assert document is not None and document.problem is not None
    assert "template" not in document.problem.fix
