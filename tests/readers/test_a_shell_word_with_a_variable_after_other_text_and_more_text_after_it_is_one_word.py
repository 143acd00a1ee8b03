"""An unquoted shell word that expands a variable after other text and goes on past it (`$ENDPOINT/$SUB/
services/...`, `$SVC-$STAGE-web`) is one word, as bash reads it, in a `curl` request, on a classic CLI
command line and as the value of an assignment: the grammar splits such a word in two after its second `$`,
which gave the request no URL the API has, the command one word more, and the assignment a command of its
own."""

from __future__ import annotations

import pytest
from lint_support import lint_files, script_resources

from migcheck.model import Script

CREATED = "POST management.core.windows.net/<subscription-id>/services/hostedservices/shop/deployments"


@pytest.mark.parametrize(
    "url",
    [
        "$ENDPOINT/$SUB/services/hostedservices/shop/deployments",
        "${ENDPOINT}/$SUB/services/hostedservices/shop/deployments",
        "$ENDPOINT/$1/services/hostedservices/$SERVICE/deployments",
    ],
    ids=["variables", "braced-first", "positional"],
)
def test_a_request_url_built_of_variables_names_the_api(tmp_path, monkeypatch, url):
    script = (
        'ENDPOINT="https://management.core.windows.net"\n'
        "SERVICE=shop\n"
        f"curl -X POST -E mgmt.pem -d @deploy.xml {url}\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG601", dedent=False)
    assert [f.location.line for f in result.findings] == [3]
    assert CREATED in result.findings[0].message


def test_a_cloud_service_name_built_of_variables_is_one_name(tmp_path, monkeypatch):
    script = 'SVC=shop\nSTAGE=prod\nazure vm create $SVC-$STAGE-web img azureuser Passw0rd! -l "West US"\n'
    result = lint_files(tmp_path, monkeypatch, {"create.sh": script}, "MIG105", dedent=False)
    assert len(result.findings) == 1
    assert "cloud service 'shop-prod-web'" in result.findings[0].message
    (read,) = [r for r in script_resources(script, "create.sh") if isinstance(r, Script)]
    assert read.unread == ()  # no word left over past the positionals the command takes


@pytest.mark.parametrize("keyword", ["", "export ", "readonly "], ids=["assignment", "export", "readonly"])
def test_a_variable_assigned_such_a_word_holds_it_whole(tmp_path, monkeypatch, keyword):
    script = (
        'ENDPOINT="https://management.core.windows.net"\n'
        f"{keyword}URL=$ENDPOINT/$SUB/services/hostedservices/shop/deployments\n"
        "curl -X POST -E mgmt.pem -d @deploy.xml $URL\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG601", dedent=False)
    assert [f.location.line for f in result.findings] == [3]
    assert CREATED in result.findings[0].message
