"""A request to a URL the script does not state whose variable names the Service Management API may go to the
API, and is said as a part not read (`request-url-undecided`), whatever the value the script assigned that
variable comes from: a parameter of the script (`MGMT_URL=$2`, `$mgmtUrl = $args[0]`, `MGMT_URL =
sys.argv[2]`), a command's output, a `read`. The name counts where it was assigned, not only where the
environment gives it, through another variable built from it and a function given it. The plan lists each such
part with the cause `check` says for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files

from migcheck.cli import main
from migcheck.report.unread import data, summary_line, unread_parts

DELETE = 'curl -X DELETE "{}/services/hostedservices/shop"\n'
HELD = "its URL is held by `{}`, a name of the API"


def said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> str:
    result = lint_files(tmp_path, monkeypatch, {name: text}, dedent=False)
    resources = [r for estate in result.estates for d in estate.documents for r in d.resources]
    parts = unread_parts(resources)
    assert [part["why"] for part in data(parts)] == ["request-url-undecided"]
    return summary_line(parts)


@pytest.mark.parametrize(
    ("name", "text", "holder"),
    [
        ("deploy.sh", "#!/bin/bash\nMGMT_URL=$2\n" + DELETE.format("$MGMT_URL"), "$MGMT_URL"),
        ("deploy.sh", '#!/bin/bash\nMGMT_URL="${2:?}"\n' + DELETE.format("${MGMT_URL}"), "$MGMT_URL"),
        (
            "deploy.sh",
            "#!/bin/bash\nMGMT_URL=$(cat endpoint.txt)\n" + DELETE.format("$MGMT_URL"),
            "$MGMT_URL",
        ),
        ("deploy.sh", "#!/bin/bash\nread -r MGMT_URL\n" + DELETE.format("$MGMT_URL"), "$MGMT_URL"),
        (
            "deploy.sh",
            '#!/bin/bash\nMGMT_URL=$2\nSERVICES="$MGMT_URL/services"\ncurl -X DELETE "$SERVICES/hostedservices/x"\n',
            "$MGMT_URL",
        ),
        (
            "deploy.sh",
            '#!/bin/bash\ndrop() { curl -X DELETE "$1/services/hostedservices/$2"; }\nMGMT_URL=$2\n'
            'drop "$MGMT_URL" shop\n',
            "$MGMT_URL",
        ),
        (
            "deploy.ps1",
            '$mgmtUrl = $args[0]\nInvoke-RestMethod -Uri "$mgmtUrl/services/hostedservices/shop" -Method Delete\n',
            "$mgmtUrl",
        ),
        (
            "deploy.ps1",
            "$mgmtUrl = $args[0]\n" + DELETE.replace("curl", "curl.exe").format("$mgmtUrl"),
            "$mgmtUrl",
        ),
        (
            "deploy.py",
            "import sys\n\nimport requests\n\nMGMT_URL = sys.argv[2]\n"
            "requests.delete(MGMT_URL + '/services/hostedservices/shop')\n",
            "MGMT_URL",
        ),
    ],
    ids=[
        "parameter",
        "parameter-required",
        "output",
        "read",
        "built-from-it",
        "function",
        "irm",
        "curl-exe",
        "python",
    ],
)
def test_the_name_a_value_not_stated_was_assigned_holds_the_url(tmp_path, monkeypatch, name, text, holder):
    assert HELD.format(holder) in said(tmp_path, monkeypatch, name, text)


def test_a_name_that_is_not_the_api_s_leaves_the_request_unsaid(tmp_path, monkeypatch):
    files = {"deploy.sh": "#!/bin/bash\nURL=$2\n" + DELETE.format("$URL")}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert unread_parts([r for estate in result.estates for d in estate.documents for r in d.resources]) == []


def test_the_plan_lists_the_part_with_its_cause(tmp_path, monkeypatch, capsys):
    # Markdown and HTML show it with the position as code (test_every_report_of_a_request_not_read_says_...)
    (tmp_path / "deploy.sh").write_text("#!/bin/bash\nMGMT_URL=$2\n" + DELETE.format("$MGMT_URL"))
    monkeypatch.chdir(tmp_path)
    main(["plan", ".", "--format", "text"])
    out = capsys.readouterr().out
    assert "deploy.sh:3:1: its URL is held by" in out
    assert "$MGMT_URL" in out.partition("deploy.sh:3:1")[2].partition("a name of the API")[0]
