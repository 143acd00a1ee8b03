"""An Ansible `uri` task or a Python script that sends a request to a URL it does not state (a variable the
play does not set, `sys.argv[1]`) is not known to go to the Service Management API, but may, as a shell
script's curl may: where it authenticates with a management certificate (`client_cert:`, curl's `--cert`,
requests' `cert=`), sends a classic REST body from a file checked with it, or the name holding its URL names
the API (`{{ mgmt_url }}`, `MGMT_URL`), it is said as a part not read (`request-url-undecided`) at the
request, never dropped in silence, though the file runs no `azure` command and names the API's host only in a
comment. A request nothing ties to the API is no part not read."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import Script, undecided_url

BODY = (
    '<CreateHostedService xmlns="http://schemas.microsoft.com/windowsazure">'
    "<ServiceName>shop</ServiceName><Label>c2hvcA==</Label><Location>West US</Location>"
    "</CreateHostedService>\n"
)


def undecided(tmp_path, monkeypatch, name: str, text: str) -> list[tuple[int, int]]:
    files = {name: text, "body.xml": BODY, "notes.xml": "<notes/>\n"}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    return [
        (m.line, m.column)
        for estate in result.estates
        for d in estate.documents
        for r in d.resources
        if isinstance(r, Script)
        for m in r.unread
        if undecided_url(m.tag)
    ]


def playbook(task: str) -> str:
    return (
        "- hosts: localhost\n  tasks:\n    - name: create the cloud service through management.core.windows.net\n      uri:\n"
        + task
    )


@pytest.mark.parametrize(
    "task",
    [
        '        url: "{{ service_url }}"\n        method: POST\n        client_cert: mgmt.pem\n',
        '        url: "{{ mgmt_url }}/services/hostedservices"\n        method: POST\n',
        '        url: "{{ service_url }}"\n        method: POST\n        src: body.xml\n',
    ],
    ids=["client-cert", "api-named-url", "classic-body-file"],
)
def test_a_uri_task_that_may_go_to_the_api_is_said_not_read(tmp_path, monkeypatch, task):
    assert undecided(tmp_path, monkeypatch, "site.yml", playbook(task)) == [(4, 7)]


@pytest.mark.parametrize(
    "task",
    [
        '        url: "{{ service_url }}"\n        method: POST\n        src: notes.xml\n',
        '        url: "{{ health_url }}"\n        return_content: true\n',
        '        url: "https://management.azure.com/subscriptions/{{ sub }}"\n        client_cert: mgmt.pem\n',
    ],
    ids=["other-body-file", "page", "resource-manager"],
)
def test_a_uri_task_nothing_ties_to_the_api_is_no_part_not_read(tmp_path, monkeypatch, task):
    assert undecided(tmp_path, monkeypatch, "site.yml", playbook(task)) == []


def test_a_shell_task_that_may_go_to_the_api_is_said_not_read(tmp_path, monkeypatch):
    task = '    - shell: curl -X POST --cert mgmt.pem -d @body.xml "{{ service_url }}"\n'
    text = "- hosts: localhost\n  tasks:\n" + task
    assert [line for line, _ in undecided(tmp_path, monkeypatch, "site.yml", text)] == [3]


@pytest.mark.parametrize(
    "line",
    [
        'subprocess.run(["curl", "-X", "POST", sys.argv[1], "--cert", "mgmt.pem", "-d", "@notes.xml"])',
        'subprocess.run(["curl", "-X", "POST", sys.argv[1], "-d", "@body.xml"])',
        'os.system("curl -X DELETE $MGMT_URL/services/hostedservices/shop")',
        'requests.post(sys.argv[1], cert=("mgmt.pem", "mgmt.key"), data="<notes/>")',
        'requests.post(sys.argv[1], data=open("body.xml").read())',
        "requests.delete(MGMT_URL + '/services/hostedservices/shop')",
    ],
    ids=[
        "curl-cert",
        "curl-classic-body",
        "os-system-api-name",
        "requests-cert",
        "requests-body",
        "api-name",
    ],
)
def test_a_python_request_that_may_go_to_the_api_is_said_not_read(tmp_path, monkeypatch, line):
    text = f"import os\nimport subprocess\nimport sys\n\nimport requests\n\nMGMT_URL = sys.argv[2]  # the Service Management endpoint, management.core.windows.net\n{line}\n"
    assert [at for at, _ in undecided(tmp_path, monkeypatch, "deploy.py", text)] == [8]


@pytest.mark.parametrize(
    "line",
    [
        'subprocess.run(["curl", "-s", sys.argv[1], "-o", "page.html"])',
        'requests.post(sys.argv[1], data=open("notes.xml"))',
        'requests.get("https://example.com/health", cert="client.pem")',
        'requests.get(f"https://management.azure.com/subscriptions/{sys.argv[1]}", cert="mgmt.pem")',
    ],
    ids=["curl-page", "other-body-file", "stated-url", "resource-manager"],
)
def test_a_python_request_nothing_ties_to_the_api_is_no_part_not_read(tmp_path, monkeypatch, line):
    text = f"import subprocess\nimport sys\n\nimport requests\n\n{line}\n"
    assert undecided(tmp_path, monkeypatch, "deploy.py", text) == []
