"""A word written after a redirection's file (`curl -X POST -E c.pem > out.log $URL`) is an argument of the
command, as bash reads it, where the grammar read it as one more file of the redirection and the request had
no URL; also a word the grammar splits after a `$` in either place (`> $LOGS/$NAME.log $ENDPOINT/$SUB/...`)."""

from __future__ import annotations

import pytest
from lint_support import lint_files

API = 'ENDPOINT="https://management.core.windows.net"\n'
CREATED = "POST management.core.windows.net/<subscription-id>/services/hostedservices"


@pytest.mark.parametrize(
    "line",
    [
        "curl -X POST -E c.pem > out.log https://management.core.windows.net/$SUB/services/hostedservices",
        "curl -X POST > out.log 2> err.log -E c.pem $ENDPOINT/$SUB/services/hostedservices",
        "curl -X POST -E c.pem > $LOGS/$NAME.log $ENDPOINT/$SUB/services/hostedservices -d @d.xml",
    ],
    ids=["url", "two-redirections", "split-words"],
)
def test_a_request_url_after_a_redirection_is_the_request_s(tmp_path, monkeypatch, line):
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": f"{API}{line}\n"}, "MIG601", dedent=False)
    assert [f.location.line for f in result.findings] == [2]
    assert CREATED in result.findings[0].message
