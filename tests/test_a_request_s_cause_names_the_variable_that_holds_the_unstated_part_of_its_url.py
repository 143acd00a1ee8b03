"""A request to a URL the script does not state is said not read (`request-url-undecided`) with the name of the
API that holds the part of its URL the script does not state, however the URL is built from it: a shell value
added to with `+=` (`MGMT_URL+=/services`), and a URL assigned to another variable first in PowerShell (`$url =
"$mgmtUrl/..."`, `$url = $mgmtUrl + "/..."`, `$url = $mgmtUrl; $url += "/..."`, `"$env:MANAGEMENT_ENDPOINT/..."`), Python (`url = MGMT_URL + '/...'`) and the shell (`URL="$MGMT_URL/..."`). The cause names that
variable, not the one the request is given."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.report.unread import data, summary_line, unread_parts

HELD = "its URL is held by `{}`, a name of the API"
SHELL = "#!/bin/bash\n"
PYTHON = "import sys\n\nimport requests\n\n"


def said(tmp_path, monkeypatch, name: str, text: str) -> str:
    result = lint_files(tmp_path, monkeypatch, {name: text}, dedent=False)
    parts = unread_parts([r for estate in result.estates for d in estate.documents for r in d.resources])
    assert [part.get("cause") for part in data(parts)] == ["url-name"]
    return summary_line(parts)


@pytest.mark.parametrize(
    ("name", "text", "holder"),
    [
        (
            "deploy.sh",
            SHELL + 'MGMT_URL=$2\nMGMT_URL+=/services/hostedservices\ncurl -X DELETE "$MGMT_URL/shop"\n',
            "$MGMT_URL",
        ),
        (
            "deploy.sh",
            SHELL + 'MGMT_URL=$2\nURL=$MGMT_URL\nURL+=/services/hostedservices\ncurl -X DELETE "$URL/shop"\n',
            "$MGMT_URL",
        ),
        (
            "deploy.sh",
            SHELL + 'MGMT_URL=$2\nURL="$MGMT_URL/services/hostedservices/shop"\ncurl -X DELETE "$URL"\n',
            "$MGMT_URL",
        ),
        (
            "deploy.ps1",
            '$mgmtUrl = $args[0]\n$url = "$mgmtUrl/services/hostedservices/shop"\n'
            "Invoke-RestMethod -Uri $url -Method Delete\n",
            "$mgmtUrl",
        ),
        (
            "deploy.ps1",
            '$mgmtUrl = $args[0]\n$url = "$mgmtUrl/services/hostedservices/shop"\ncurl.exe -X DELETE $url\n',
            "$mgmtUrl",
        ),
        (
            "deploy.ps1",
            '$mgmtUrl = $args[0]\n$url = $mgmtUrl + "/services/hostedservices/shop"\n'
            "Invoke-RestMethod -Uri $url -Method Delete\n",
            "$mgmtUrl",
        ),
        (
            "deploy.ps1",
            '$mgmtUrl = $args[0]\n$url = $mgmtUrl\n$url += "/services/hostedservices/shop"\n'
            "Invoke-RestMethod -Uri $url -Method Delete\n",
            "$mgmtUrl",
        ),
        (
            "deploy.ps1",
            '$url = "$env:MANAGEMENT_ENDPOINT/services/hostedservices/shop"\nInvoke-RestMethod -Uri $url -Method Delete\n',
            "$env:MANAGEMENT_ENDPOINT",
        ),
        (
            "deploy.py",
            PYTHON + "MGMT_URL = sys.argv[2]\nurl = MGMT_URL + '/services/hostedservices/shop'\n"
            "requests.delete(url)\n",
            "MGMT_URL",
        ),
        (
            "deploy.py",
            PYTHON
            + "MGMT_URL = sys.argv[2]\nbase = f'{MGMT_URL}/services'\nurl = base + '/hostedservices/shop'\n"
            "requests.delete(url)\n",
            "MGMT_URL",
        ),
    ],
    ids=[
        "shell-append",
        "shell-copy-append",
        "shell-assigned",
        "irm",
        "curl-exe",
        "irm-sum",
        "irm-copy-append",
        "irm-environment",
        "python",
        "python-twice",
    ],
)
def test_the_cause_names_the_variable_the_unstated_part_comes_from(tmp_path, monkeypatch, name, text, holder):
    assert HELD.format(holder) in said(tmp_path, monkeypatch, name, text)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deploy.sh", SHELL + 'URL=$2\nURL+=/services/hostedservices\ncurl -X DELETE "$URL/shop"\n'),
        (
            "deploy.ps1",
            '$base = $args[0]\n$url = "$base/services/hostedservices/shop"\nInvoke-RestMethod -Uri $url -Method Delete\n',
        ),
        (
            "deploy.ps1",
            '$base = $args[0]\n$url = $base + "/services/hostedservices/shop"\nInvoke-RestMethod -Uri $url -Method Delete\n',
        ),
        (
            "deploy.py",
            PYTHON
            + "base = sys.argv[2]\nurl = base + '/services/hostedservices/shop'\nrequests.delete(url)\n",
        ),
    ],
    ids=["shell", "powershell", "powershell-sum", "python"],
)
def test_no_name_of_the_api_on_the_way_leaves_the_request_unsaid(tmp_path, monkeypatch, name, text):
    result = lint_files(tmp_path, monkeypatch, {name: text}, dedent=False)
    assert unread_parts([r for estate in result.estates for d in estate.documents for r in d.resources]) == []
