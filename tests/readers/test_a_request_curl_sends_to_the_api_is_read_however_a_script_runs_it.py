"""A request to the Service Management API sent with curl, however a script runs it: with a REST body written
inline (`-d '<Deployment ...>'`, `--data "..."`) or fed on the standard input by a here-document
(`--data-binary @- <<EOF`), read as the body file it could have been, each finding shown where the script
writes the element; by Python's `subprocess` (a list of words, or a command line split as bash splits it);
by an Ansible `uri:` task; by PowerShell's `curl`, Invoke-WebRequest where its parameters are that cmdlet's
and the native program where they are curl's."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment, Script
from migcheck.readers import powershell, shell

API = "https://management.core.windows.net/sub/services/hostedservices"
CREATED = "POST management.core.windows.net/<subscription-id>/services/hostedservices/shop/deployments"
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
BACKEND = "BackEnd"


def _findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], *codes: str):
    return lint_files(tmp_path, monkeypatch, files, *codes, dedent=False).findings


def _backend_at(script: str) -> str:
    """`line:column` of the second subnet's name in the script, where a body file's finding points."""
    line = next(n for n, text in enumerate(script.splitlines(), 1) if "<SubnetName>BackEnd" in text)
    return f"{line}:{script.splitlines()[line - 1].index(BACKEND) + 1}"


@pytest.mark.parametrize(
    "script",
    [
        f"curl -X POST --cert mgmt.pem -d '{BODY}' \"{API}/shop/deployments\"\n",
        f"curl --cert mgmt.pem --data-raw '{BODY}' {API}/shop/deployments\n",
        f"curl -X POST --cert mgmt.pem --data-binary @- \"{API}/shop/deployments\" <<'EOF'\n{BODY}\nEOF\n",
        f"wget --certificate=mgmt.pem --post-data '{BODY}' {API}/shop/deployments\n",
    ],
    ids=["data", "data-raw", "here-document", "wget"],
)
def test_a_body_written_in_the_script_is_read_as_a_body_file(tmp_path, monkeypatch, script):
    findings = _findings(tmp_path, monkeypatch, {"deploy.sh": script, "rest/body.xml": BODY}, "MIG202")
    by_file = {f.location.path: f for f in findings}
    assert sorted(by_file) == ["deploy.sh", "rest/body.xml"]
    assert where([by_file["deploy.sh"]]) == [f"MIG202 deploy.sh:{_backend_at(script)}"]
    # The body is the deployment the request creates in the service its path names.
    assert "VM 'vm1' of cloud service 'shop' is in 2 subnets" in by_file["deploy.sh"].message


def test_a_body_with_a_value_the_script_does_not_state_keeps_what_it_states():
    script = (
        f'curl -X POST --cert m.pem -d "{BODY.replace(chr(34), chr(92) + chr(34)).replace("vm1", "$VM")}" '
        f"{API}/shop/deployments\n"
    )
    deployments = [r for r in shell.read("d.sh", script.encode()).resources if isinstance(r, Deployment)]
    ((role,),) = [d.roles for d in deployments]
    subnets = tuple(ref.name for ref in role.subnets)
    assert (deployments[0].service_name, role.name, subnets) == (
        "shop",
        "<VM name, d.sh:1>",
        ("FrontEnd", "BackEnd"),
    )


def test_a_body_in_code_that_cannot_run_describes_nothing():
    script = f"if false; then\n  curl -X POST -d '{BODY}' {API}/shop/deployments\nfi\n"
    assert not [r for r in shell.read("d.sh", script.encode()).resources if isinstance(r, Deployment)]


@pytest.mark.parametrize(
    "line",
    [
        'subprocess.run(["curl", "-X", "POST", "--cert", "m.pem", URL, "-d", "@body.xml"])',
        'subprocess.check_call(["/usr/bin/curl", "-X", "POST", URL, "--data-binary", "@body.xml"])',
        'subprocess.Popen(["wget", "--post-file=body.xml", URL])',
        'os.system("curl -X POST --cert m.pem -d @body.xml " + URL)',
        'subprocess.check_output(f"curl -X POST -d @body.xml {URL}", shell=True)',
    ],
    ids=["run", "check_call", "popen-wget", "os-system", "shell-line"],
)
def test_python_running_curl_sends_the_request(tmp_path, monkeypatch, line):
    script = f'import os\nimport subprocess\n\nURL = "{API}/shop/deployments"\n{line}\n'
    findings = _findings(tmp_path, monkeypatch, {"deploy.py": script}, "MIG601")
    assert where(findings)[0].startswith("MIG601 deploy.py:5:")
    assert CREATED in findings[0].message


def test_python_running_curl_elsewhere_is_no_classic_call(tmp_path, monkeypatch):
    script = 'import subprocess\nsubprocess.run(["curl", "-fsSL", "https://example.com/x", "-o", "x"])\n'
    assert _findings(tmp_path, monkeypatch, {"fetch.py": script}, "MIG601") == []


@pytest.mark.parametrize(
    "task",
    [
        f"      uri:\n        url: {API}/shop/deployments\n        method: POST\n        src: deploy.xml\n",
        '      ansible.builtin.uri:\n        url: "{{ api }}/shop/deployments"\n        method: POST\n'
        "        body_format: raw\n        body: \"{{ lookup('file', 'deploy.xml') }}\"\n",
        "      local_action:\n        module: uri\n"
        f"        url: {API}/shop/deployments\n        method: POST\n",
    ],
    ids=["uri", "builtin-with-vars", "local-action"],
)
def test_an_ansible_uri_task_sends_the_request(tmp_path, monkeypatch, task):
    playbook = f"- hosts: localhost\n  vars:\n    api: {API}\n  tasks:\n    - name: deploy\n" + task
    findings = _findings(tmp_path, monkeypatch, {"site.yml": playbook}, "MIG601")
    assert [f.code for f in findings] == ["MIG601"]
    assert CREATED in findings[0].message


def test_an_ansible_uri_task_with_an_inline_body_is_read_as_a_body_file(tmp_path, monkeypatch):
    indented = BODY.replace("\n", "\n          ")
    playbook = (
        "- hosts: localhost\n  tasks:\n    - uri:\n"
        f"        url: {API}/shop/deployments\n        method: POST\n        body: |\n          {indented}\n"
    )
    findings = _findings(tmp_path, monkeypatch, {"site.yml": playbook}, "MIG202")
    assert [f.message.startswith("VM 'vm1' of cloud service 'shop' is in 2 subnets") for f in findings] == [
        True
    ]


def test_a_uri_task_that_gets_a_page_is_no_classic_call(tmp_path, monkeypatch):
    playbook = "- hosts: localhost\n  tasks:\n    - uri:\n        url: https://example.com/health\n"
    assert _findings(tmp_path, monkeypatch, {"site.yml": playbook}, "MIG601") == []


def _calls(script: str) -> list[str]:
    found = [r for r in powershell.read("m.ps1", script.encode()).resources if isinstance(r, Script)]
    return [call.name for s in found for call in s.calls]


@pytest.mark.parametrize(
    "line",
    [
        f'curl -Uri "{API}/shop/deployments" -Method Post -Certificate $cert -InFile deploy.xml',
        f'curl "{API}/shop/deployments" -Meth Post -Certificate $cert -Body $body',  # abbreviated, positional URL
        f'wget -Uri "{API}/shop/deployments" -Method Post -Certificate $cert -Body $body',
        f'curl -X POST --cert mgmt.pem -d "@deploy.xml" "{API}/shop/deployments"',  # curl's: the program
        f'wget --post-file=deploy.xml --certificate=mgmt.pem "{API}/shop/deployments"',
    ],
    ids=["alias", "abbreviated", "wget-alias", "native-curl", "native-wget"],
)
def test_powershell_curl_is_invoke_webrequest_or_curl_by_its_arguments(line):
    assert _calls(line + "\n") == [CREATED]


def test_powershell_curl_the_script_defines_is_its_own_function():
    script = "function curl { param($Uri) Write-Output $Uri }\n" + f'curl -Uri "{API}/shop/deployments"\n'
    assert _calls(script) == []


def test_a_body_a_loop_sends_again_is_one_deployment():
    script = f"for i in 1 2 3; do\n  curl -X POST -d '{BODY}' {API}/shop/deployments\ndone\n"
    found = [r for r in shell.read("d.sh", script.encode()).resources if isinstance(r, Deployment)]
    assert [(d.name, d.service_name) for d in found] == [("web", "shop")]
