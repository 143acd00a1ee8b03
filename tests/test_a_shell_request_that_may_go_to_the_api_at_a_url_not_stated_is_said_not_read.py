"""A shell script that sends a request with curl or wget to a URL it does not state (`curl -X POST "$URL"
-d @body.xml`, the URL a parameter of the script) is not known to go to the Service Management API, but
may: where the request authenticates with a management certificate (`--cert`, `-E`, wget's
`--certificate`), sends a classic REST body from a file checked with the script, or the variable holding
its URL names the API (`$MGMT_URL`), it is said as a part not read (`"why": "request-url-undecided"`), as
PowerShell's Invoke-RestMethod to such a URL is, never dropped in silence. A curl of a page is no part not
read."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Script, undecided_url

BODY = (
    '<CreateHostedService xmlns="http://schemas.microsoft.com/windowsazure">'
    "<ServiceName>shop</ServiceName><Label>c2hvcA==</Label><Location>West US</Location>"
    "</CreateHostedService>\n"
)
PAGE = "curl -s https://example.com/index.html -o page.html\n"


def undecided(tmp_path, monkeypatch, script: str) -> list[int]:
    files = {
        "deploy.sh": '#!/bin/bash\nURL="$1"  # the Service Management endpoint, management.core.windows.net\n'
        + script,
        "body.xml": BODY,
        "notes.xml": "<notes/>\n",
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    return [
        m.line
        for estate in result.estates
        for d in estate.documents
        for r in d.resources
        if isinstance(r, Script)
        for m in r.unread
        if undecided_url(m.tag)
    ]


@pytest.mark.parametrize(
    "request_line",
    [
        'curl -X POST "$URL" -H "x-ms-version: 2015-04-01" -d @body.xml',  # a classic REST body
        'curl -X POST "$URL" --cert mgmt.pem -d @notes.xml',  # a management certificate
        'curl -sSE mgmt.pem "$URL"',
        'wget --certificate=mgmt.pem --post-file notes.xml "$URL"',
        'curl -X DELETE "$MGMT_URL/services/hostedservices/shop"',  # a name of the API holds the URL
    ],
)
def test_a_request_that_may_go_to_the_api_is_said_not_read(tmp_path, monkeypatch, request_line):
    assert undecided(tmp_path, monkeypatch, PAGE + request_line + "\n") == [4]


@pytest.mark.parametrize(
    "request_line",
    [
        'curl -s "$URL" -o page.html',  # a page: nothing says it is the API's
        'curl -X POST "$URL" -d @notes.xml',  # a body that is not a classic one
        'curl --cert mgmt.pem "https://management.azure.com/subscriptions/$SUB"',  # Resource Manager's host
        PAGE.strip(),
    ],
)
def test_a_request_nothing_ties_to_the_api_is_no_part_not_read(tmp_path, monkeypatch, request_line):
    assert undecided(tmp_path, monkeypatch, request_line + "\n") == []
