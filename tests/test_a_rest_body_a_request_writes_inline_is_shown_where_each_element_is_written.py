"""A REST body a request to the Service Management API writes inline is read as the body file it could have
been, and a finding about one of its elements points at the line and column where the file writes that
element, however the body is written: after an option's `=` (`wget --post-data='<...>'`, `curl --data=`),
in double quotes with escapes the shell drops (`-d "<Deployment xmlns=\\"...\\">"`), over several lines; in
an Ansible `uri` task's `body:` as a block (`|`, `>`) or a quoted string, or in a `shell:` block running
curl. A `uri` body the module sends as JSON (`body_format: json` and a mapping) is no XML body."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

API = "https://management.core.windows.net/sub/services/hostedservices/shop/deployments"
# A VM deployment whose one VM is in two subnets (MIG202), written over several lines.
BODY = (
    '<Deployment xmlns="http://schemas.microsoft.com/windowsazure">\n'
    "  <Name>web</Name><DeploymentSlot>Production</DeploymentSlot>\n"
    "  <RoleList><Role><RoleName>vm1</RoleName><RoleType>PersistentVMRole</RoleType>\n"
    "    <ConfigurationSets><ConfigurationSet>\n"
    "      <ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>\n"
    "      <SubnetNames><SubnetName>FrontEnd</SubnetName><SubnetName>BackEnd</SubnetName></SubnetNames>\n"
    "    </ConfigurationSet></ConfigurationSets>\n"
    "  </Role></RoleList><VirtualNetworkName>app-vnet</VirtualNetworkName>\n"
    "</Deployment>"
)
ESCAPED = BODY.replace('"', '\\"')
ONE_LINE = BODY.replace("\n", " ")
IN_BLOCK = BODY.replace("\n", "\n          ")


def mig202_at(tmp_path, monkeypatch, name: str, text: str) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, {name: text}, "MIG202", dedent=False).findings)


def backend_at(name: str, text: str) -> str:
    """`MIG202 name:line:column` of the second subnet's name, where the finding points."""
    lines = text.splitlines()
    line = next(n for n, written in enumerate(lines, 1) if "<SubnetName>BackEnd" in written)
    return f"MIG202 {name}:{line}:{lines[line - 1].index('BackEnd') + 1}"


@pytest.mark.parametrize(
    "script",
    [
        f"wget --certificate=mgmt.pem --post-data='{BODY}' {API}\n",
        f"curl -X POST --cert mgmt.pem --data='{BODY}' {API}\n",
        f'curl -X POST --cert mgmt.pem -d "{ESCAPED}" {API}\n',
        f'curl -X POST --cert mgmt.pem -d "{ONE_LINE.replace(chr(34), chr(92) + chr(34))}" {API}\n',
        f'curl -X POST --cert mgmt.pem --data-raw "{BODY.replace(chr(34), chr(39))}" {API}\n',
        f'BODY="{ESCAPED}"\ncurl -X POST --cert mgmt.pem -d "$BODY" {API}\n',
    ],
    ids=["wget-equals", "curl-equals", "escaped-lines", "escaped-line", "double-quoted", "variable"],
)
def test_a_shell_body_element_is_shown_where_the_script_writes_it(tmp_path, monkeypatch, script):
    assert mig202_at(tmp_path, monkeypatch, "deploy.sh", script) == [backend_at("deploy.sh", script)]


def playbook(task: str) -> str:
    return "- hosts: localhost\n  tasks:\n    - name: deploy\n" + task


@pytest.mark.parametrize(
    "task",
    [
        f"      uri:\n        url: {API}\n        method: POST\n        body: |\n          {IN_BLOCK}\n",
        f"      uri:\n        url: {API}\n        method: POST\n        body: >\n          {IN_BLOCK}\n",
        f'      uri:\n        url: {API}\n        method: POST\n        body: "{ONE_LINE.replace(chr(34), chr(92) + chr(34))}"\n',
        f"      shell: |\n        curl -X POST -d '{BODY.replace(chr(10), chr(10) + '        ')}' {API}\n",
    ],
    ids=["uri-literal-block", "uri-folded-block", "uri-quoted", "shell-block"],
)
def test_an_ansible_body_element_is_shown_where_the_playbook_writes_it(tmp_path, monkeypatch, task):
    text = playbook(task)
    assert mig202_at(tmp_path, monkeypatch, "site.yml", text) == [backend_at("site.yml", text)]


def test_a_uri_body_sent_as_json_is_no_xml_body(tmp_path, monkeypatch):
    task = (
        f"      uri:\n        url: {API}\n        method: POST\n        body_format: json\n        body:\n"
        "          Name: web\n          RoleList:\n            - SubnetNames: [FrontEnd, BackEnd]\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"site.yml": playbook(task)}, dedent=False)
    assert [f.code for f in result.findings] == ["MIG601"]


@pytest.mark.parametrize(
    "script",
    [
        f"curl.exe -X POST -E mgmt.pem -d '{BODY}' {API}\n",
        f"curl -X POST --cert mgmt.pem --data-raw '{BODY}' {API}\n",
        f"$body = '{BODY}'\n$url = '{API}'\ncurl.exe -X POST --cert mgmt.pem -d $body $url\n",
        f'curl.exe -X POST -E mgmt.pem -d "{BODY.replace(chr(34), chr(96) + chr(34))}" {API}\n',
    ],
    ids=["curl.exe", "native-curl", "variables", "double-quoted"],
)
def test_a_powershell_native_curl_body_element_is_shown_where_the_script_writes_it(
    tmp_path, monkeypatch, script
):
    assert mig202_at(tmp_path, monkeypatch, "deploy.ps1", script) == [backend_at("deploy.ps1", script)]
