"""A shell script that calls the Service Management REST API with curl or wget (`curl -X POST --cert mgmt.pem
-H "x-ms-version: 2014-06-01" -d @deploy.xml "https://management.core.windows.net/$SUB/services/..."`) is read
as PowerShell's Invoke-RestMethod and Python's `requests` are: each request a classic call listed by its
method and address (MIG601, creates said apart from the rest as for the other languages), a POST to a
migration path a step of the runbook (MIG602), a request that changes a service, network or account a
change, and a network configuration PUT from a file an upload of that file. Before, such a script described
nothing classic."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

from migcheck.model import CloudInUse, Script
from migcheck.readers import shell

PATH = "deploy.sh"
OPENING = 'SUB=a3942dfc-1111-2222-3333-444455556666\nHDR="x-ms-version: 2014-06-01"\n'
API = "https://management.core.windows.net/$SUB/services"
LISTED = "management.core.windows.net/<subscription-id>/services"


def _script(text: str) -> Script:
    (found,) = [r for r in shell.read(PATH, text.encode()).resources if isinstance(r, Script)]
    return found


def _findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], *codes: str):
    return lint_files(tmp_path, monkeypatch, files, *codes, dedent=False).findings


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (
            f'curl --fail -X POST --cert mgmt.pem -H "$HDR" -d @deploy.xml "{API}/hostedservices/orders/deployments"',
            f"POST {LISTED}/hostedservices/orders/deployments",
        ),
        (
            f'curl -sSXPOST -E mgmt.pem --data-binary @deploy.xml "{API}/hostedservices/orders/deploymentslots/staging"',
            f"POST {LISTED}/hostedservices/orders/deploymentslots/staging",
        ),
        (  # data and no method: curl posts it
            f'curl --cert mgmt.pem -H "$HDR" --data "<CreateHostedService/>" {API}/hostedservices',
            f"POST {LISTED}/hostedservices",
        ),
        (  # an upload and no method: curl puts it
            f'curl --cert mgmt.pem -H "$HDR" -T NetworkConfig.netcfg "{API}/networking/media"',
            f"PUT {LISTED}/networking/media",
        ),
        (
            f'curl --cert mgmt.pem -H "$HDR" --request DELETE "{API}/hostedservices/orders"',
            f"DELETE {LISTED}/hostedservices/orders",
        ),
        (
            f'wget --certificate=mgmt.pem --header="$HDR" --post-file=account.xml "{API}/storageservices"',
            f"POST {LISTED}/storageservices",
        ),
        (
            f'wget --certificate mgmt.pem --method=DELETE "{API}/storageservices/vhds"',
            f"DELETE {LISTED}/storageservices/vhds",
        ),
        (  # Azure operated by 21Vianet has a host of its own
            'curl -X POST --cert mgmt.pem -d @deploy.xml "https://management.core.chinacloudapi.cn/$SUB/services/'
            'hostedservices/orders/deployments"',
            "POST management.core.chinacloudapi.cn/<subscription-id>/services/hostedservices/orders/deployments",
        ),
    ],
)
def test_a_request_curl_or_wget_sends_to_the_api_is_a_classic_call(tmp_path, monkeypatch, command, name):
    script = OPENING + command + "\n"
    assert [call.name for call in _script(script).calls] == [name]
    findings = _findings(tmp_path, monkeypatch, {PATH: script}, "MIG601")
    assert where(findings) == ["MIG601 deploy.sh:3:1"]


@pytest.mark.parametrize(
    "not_a_request",
    [
        'curl -H "Authorization: Bearer $T" "https://management.azure.com/subscriptions/$SUB/resourcegroups"',
        'curl -d "resource=https://management.core.windows.net/" https://login.microsoftonline.com/t/oauth2/token',
        f'echo "{API}/hostedservices/orders/deployments"',
        f'URL="{API}/hostedservices"',
    ],
)
def test_what_is_no_request_to_the_api_is_not_a_classic_call(tmp_path, monkeypatch, not_a_request):
    """Near misses: Resource Manager's host, the host as the audience of a sign-in token, a URL printed or
    set but not sent."""
    script = OPENING + not_a_request + "\n"
    assert not [r for r in shell.read(PATH, script.encode()).resources if isinstance(r, Script)]
    assert _findings(tmp_path, monkeypatch, {PATH: script}, "MIG601") == []


@pytest.mark.parametrize(
    ("shell_line", "powershell_line"),
    [
        (  # creates a deployment
            f'curl -X POST --cert mgmt.pem -d @deploy.xml "{API}/hostedservices/orders/deploymentslots/staging"',
            f'Invoke-RestMethod -Method Post -Certificate $cert -InFile deploy.xml -Uri "{API}/hostedservices/'
            'orders/deploymentslots/staging"',
        ),
        (  # manages a deployment's roles: Upgrade Deployment
            f'curl -X POST --cert mgmt.pem -d @up.xml "{API}/hostedservices/orders/deploymentslots/staging/'
            '?comp=upgrade"',
            f'Invoke-RestMethod -Method Post -Certificate $cert -InFile up.xml -Uri "{API}/hostedservices/'
            'orders/deploymentslots/staging/?comp=upgrade"',
        ),
    ],
    ids=["create", "manage"],
)
def test_mig601_says_of_a_request_what_it_says_of_invoke_restmethods(
    tmp_path, monkeypatch, shell_line, powershell_line
):
    files = {PATH: OPENING + shell_line + "\n", "deploy.ps1": '$SUB = "x"\n' + powershell_line + "\n"}
    ps, sh = sorted(_findings(tmp_path, monkeypatch, files, "MIG601"), key=lambda f: f.location.path)
    assert ps.message.replace("PowerShell script 'deploy.ps1'", "") == sh.message.replace(
        "Shell script 'deploy.sh'", ""
    )


def test_migration_requests_are_steps_of_the_runbook(tmp_path, monkeypatch):
    script = (
        OPENING
        + f'BASE="{API}/hostedservices/web/deployments/web"\n'
        + 'curl -X POST --cert mgmt.pem -H "$HDR" "$BASE/migration?comp=Commit"\n'
        + 'curl -X POST --cert mgmt.pem -H "$HDR" "$BASE/migration?comp=Prepare"\n'
        + f'wget --post-data="" --certificate=mgmt.pem "{API}/networking/virtualnetwork/prod/migration?comp=Validate"\n'
        + 'curl --cert mgmt.pem "$BASE/migration?comp=Abort"\n'  # a GET: no step
    )
    steps = _script(script).migration
    assert [(s.name, s.step, s.scope, s.target) for s in steps] == [
        ("Service Management API", "commit", "cloud-service", "web"),
        ("Service Management API", "prepare", "cloud-service", "web"),
        ("Service Management API", "validate", "virtual-network", "prod"),
    ]
    findings = _findings(tmp_path, monkeypatch, {PATH: script}, "MIG601", "MIG602")
    assert where(findings) == ["MIG602 deploy.sh:4:1", "MIG602 deploy.sh:5:1"]  # a runbook: no MIG601


def test_a_request_of_a_method_the_script_does_not_state_may_run_a_step():
    script = (
        OPENING + f'curl -X "$VERB" --cert mgmt.pem "{API}/storageservices/vhds/migration?comp=Validate"\n'
    )
    found = _script(script)
    assert [call.name for call in found.calls] == [
        f"curl {LISTED}/storageservices/vhds/migration?comp=Validate"
    ]
    assert [(s.step, s.scope, s.target) for s in found.migration] == [("validate", "storage-account", "vhds")]


def test_a_request_that_changes_a_service_is_a_change_of_it():
    script = OPENING + f'curl -X DELETE --cert mgmt.pem "{API}/hostedservices/orders/deployments/o1"\n'
    assert [call.changes for call in _script(script).changes] == [(("cloud-service", "orders"),)]


def test_a_flag_among_the_options_takes_no_value():
    """`--tlsv1.2` is a flag: the method after it is still the request's, and its URL still read."""
    script = OPENING + f'curl -s --tlsv1.2 -X DELETE --cert mgmt.pem "{API}/hostedservices/orders"\n'
    assert [call.changes for call in _script(script).changes] == [(("cloud-service", "orders"),)]


def test_a_network_configuration_put_from_a_file_uploads_that_file():
    script = (
        OPENING
        + f'curl -X PUT --cert mgmt.pem --data-binary @cfg/NetworkConfig.netcfg "{API}/networking/media"\n'
    )
    found = _script(script)
    assert found.uploaded_files == ("NetworkConfig.netcfg",)
    assert [call.changes for call in found.changes] == [(("virtual-network", "*"),)]


def test_a_request_to_a_national_cloud_works_in_that_cloud():
    script = 'curl -X DELETE --cert m.pem "https://management.core.usgovcloudapi.net/s/services/storageservices/a"\n'
    clouds = [r.environment for r in shell.read(PATH, script.encode()).resources if isinstance(r, CloudInUse)]
    assert clouds == ["AzureUSGovernment"]


def test_a_script_that_names_the_api_host_is_read_in_a_walk():
    assert shell.sniff(
        b'curl -X POST -d @d.xml "https://MANAGEMENT.core.windows.net/$S/services/hostedservices"'
    )
    assert not shell.sniff(b'curl -X POST "https://management.azure.com/subscriptions/$S/resourcegroups"')


@pytest.mark.parametrize(
    "task",
    [
        "      shell: curl -X POST --cert mgmt.pem -d @deploy.xml "
        '"https://management.core.windows.net/sub/services/hostedservices/shop/deployments"\n',
        "      command:\n        argv: [wget, --post-file=deploy.xml, --certificate=mgmt.pem, "
        "'https://management.core.windows.net/sub/services/hostedservices/shop/deployments']\n",
    ],
    ids=["shell", "argv"],
)
def test_a_playbook_task_that_sends_a_request_is_read_as_the_script_would_be(tmp_path, monkeypatch, task):
    playbook = "- hosts: localhost\n  tasks:\n    - name: deploy\n" + task
    findings = _findings(tmp_path, monkeypatch, {"site.yml": playbook}, "MIG601")
    assert [f.code for f in findings] == ["MIG601"]
    assert (
        "POST management.core.windows.net/<subscription-id>/services/hostedservices/shop"
        in findings[0].message
    )


def test_a_request_in_code_that_cannot_run_steps_and_changes_nothing():
    script = (
        OPENING
        + "if false; then\n"
        + f'  curl -X POST --cert mgmt.pem "{API}/hostedservices/web/deployments/web/migration?comp=Prepare"\n'
        + "fi\n"
    )
    found = _script(script)
    assert [(call.runs, call.changes) for call in found.calls] == [("never", ())]
    assert found.migration == ()


def test_curl_exe_in_powershell_is_read_as_in_a_shell_script():
    """`curl.exe` (not `curl`, Invoke-WebRequest's alias in Windows PowerShell) sends the same requests."""
    from migcheck.readers import powershell

    script = (
        '$base = "https://management.core.windows.net/$env:SUB/services/hostedservices/web/deployments/web"\n'
        'curl.exe -X POST --cert mgmt.pem "$base/migration?comp=Prepare"\n'
        'wget.exe --method=DELETE --certificate=mgmt.pem "$base/roles/vm1"\n'
    )
    (found,) = [r for r in powershell.read("m.ps1", script.encode()).resources if isinstance(r, Script)]
    assert [call.name for call in found.calls] == [
        "POST management.core.windows.net/<subscription-id>/services/hostedservices/web/deployments/web"
        "/migration?comp=Prepare",
        "DELETE management.core.windows.net/<subscription-id>/services/hostedservices/web/deployments/web"
        "/roles/vm1",
    ]
    assert [(s.step, s.scope, s.target) for s in found.migration] == [("prepare", "cloud-service", "web")]
    assert [call.changes for call in found.changes] == [(("cloud-service", "web"),)]
