"""A body a script POSTs to create a classic resource states what it creates alike whichever way the script
sends it: curl or wget, PowerShell's Invoke-RestMethod or Invoke-WebRequest, Python's `requests`,
`http.client` or the legacy SDK's `perform_post`, or a CI step's inline script. A Create Cloud Service body
places its service in its `Location`, or in the affinity group its `AffinityGroup` names (`ServiceRegion`);
a Create Affinity Group body places the group (`AffinityGroupRegion`); a Create Storage Account body gives
the account's type (`StorageAccountType`); a Create Reserved IP body reserves the IP (`ReservedIp`), each
shown at the element that says it. Before, PowerShell and Python kept only an affinity group's region of
these, and no sender read a service's affinity group: step 0's quotas and the plan's commands lacked the
service's region."""

from __future__ import annotations

import pytest
from test_plan_commands_follow_the_migration_walkthroughs import deployment

from migcheck.model import AffinityGroupRegion, ReservedIp, ServiceRegion, StorageAccountType
from migcheck.readers import read_document
from migcheck.source import SourceText

SUB = "a3942dfc-1111-2222-3333-444455556666"
NS = 'xmlns="http://schemas.microsoft.com/windowsazure"'

BODIES = {
    "hostedservices": (
        f"<CreateHostedService {NS}><ServiceName>svc1</ServiceName><Label>c3ZjMQ==</Label>"
        "<Location>North Europe</Location></CreateHostedService>"
    ),
    "hostedservices ": (  # the same request, placing the service in an affinity group
        f"<CreateHostedService {NS}><ServiceName>svc2</ServiceName><Label>c3ZjMg==</Label>"
        "<AffinityGroup>ag1</AffinityGroup></CreateHostedService>"
    ),
    "affinitygroups": (
        f"<CreateAffinityGroup {NS}><Name>ag1</Name><Label>YWcx</Label>"
        "<Location>West Europe</Location></CreateAffinityGroup>"
    ),
    "storageservices": (
        f"<CreateStorageServiceInput {NS}><ServiceName>disks1</ServiceName><Label>ZA==</Label>"
        "<Location>North Europe</Location><AccountType>Premium_LRS</AccountType></CreateStorageServiceInput>"
    ),
    "networking/reservedips": (
        f"<ReservedIP {NS}><Name>ip1</Name><Label>aXA=</Label><Location>North Europe</Location></ReservedIP>"
    ),
}

URL = "https://management.core.windows.net/{sub}/services/{path}"


def _shell(path: str, body: str) -> str:
    url = URL.format(sub="$SUB", path=path)
    return f"SUB={SUB}\nBODY='{body}'\ncurl -X POST --cert m.pem -H 'x-ms-version: 2014-06-01' -d \"$BODY\" \"{url}\"\n"


def _wget(path: str, body: str) -> str:
    url = URL.format(sub="$SUB", path=path)
    return f'SUB={SUB}\nBODY=\'{body}\'\nwget --certificate=m.pem --post-data="$BODY" "{url}"\n'


def _powershell(cmdlet: str):
    def script(path: str, body: str) -> str:
        url = URL.format(sub="$sub", path=path)
        return (
            f"$sub = '{SUB}'\n$body = '{body}'\n"
            f'{cmdlet} -Method Post -Uri "{url}" -Certificate $cert -Body $body -ContentType "application/xml"\n'
        )

    return script


def _requests(path: str, body: str) -> str:
    url = URL.format(sub="{SUB}", path=path)
    return (
        f"import requests\nSUB = '{SUB}'\nbody = '{body}'\nrequests.post(f'{url}', data=body, cert='m.pem')\n"
    )


def _http_client(path: str, body: str) -> str:
    return (
        f"import http.client\nSUB = '{SUB}'\nbody = '{body}'\n"
        "conn = http.client.HTTPSConnection('management.core.windows.net', cert_file='m.pem')\n"
        f"conn.request('POST', f'/{{SUB}}/services/{path}', body)\n"
    )


def _perform_post(path: str, body: str) -> str:
    return (
        f"from azure.servicemanagement import ServiceManagementService\nSUB = '{SUB}'\nbody = '{body}'\n"
        "sms = ServiceManagementService(SUB, 'm.pem')\n"
        f"sms.perform_post(f'/{{SUB}}/services/{path}', body)\n"
    )


def _github_step(path: str, body: str) -> str:
    url = URL.format(sub="$SUB", path=path)
    return (
        "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n"
        f"          SUB={SUB}\n          BODY='{body}'\n"
        f'          curl -X POST --cert m.pem -d "$BODY" "{url}"\n'
    )


SENDERS = {
    "deploy.sh": _shell,
    "wget.sh": _wget,
    "rest.ps1": _powershell("Invoke-RestMethod"),
    "web.ps1": _powershell("Invoke-WebRequest"),
    "deploy.py": _requests,
    "client.py": _http_client,
    "sdk.py": _perform_post,
    ".github/workflows/deploy.yml": _github_step,
}

KINDS = (ServiceRegion, AffinityGroupRegion, StorageAccountType, ReservedIp)


def _stated(path: str, text: str) -> list[tuple[str, str, str, str]]:
    """What the script states of what its body creates: each record's kind, name and value, and the text
    from where it is shown on its line."""
    document = read_document(path, text.encode(), explicit=True)
    assert document is not None
    source = SourceText(text)
    stated = []
    for found in (r for r in document.resources if isinstance(r, KINDS)):
        where = source.locate(found.mark)
        shown = source.line(where.line)[where.column - 1 :]
        value = {
            ServiceRegion: lambda r: r.location or f"in {r.affinity_group}",
            AffinityGroupRegion: lambda r: r.location,
            StorageAccountType: lambda r: r.account_type,
            ReservedIp: lambda r: r.address,
        }[type(found)](found)
        name = found.service if isinstance(found, ServiceRegion) else found.name
        stated.append((type(found).__name__, name, value, shown[:40]))
    return stated


EXPECTED = {
    "hostedservices": ("ServiceRegion", "svc1", "North Europe", "<Location>"),
    "hostedservices ": ("ServiceRegion", "svc2", "in ag1", "<AffinityGroup>"),
    "affinitygroups": ("AffinityGroupRegion", "ag1", "West Europe", "<Location>"),
    "storageservices": ("StorageAccountType", "disks1", "Premium_LRS", "<CreateStorageServiceInput"),
    "networking/reservedips": ("ReservedIp", "ip1", "", "ip1"),
}


@pytest.mark.parametrize("path", SENDERS)
@pytest.mark.parametrize("request_path", BODIES)
def test_every_sender_states_what_the_body_creates_at_the_element_that_says_it(path, request_path):
    text = SENDERS[path](request_path.strip(), BODIES[request_path])
    ((kind, name, value, shown),) = _stated(path, text)
    expected_kind, expected_name, expected_value, expected_shown = EXPECTED[request_path]
    assert (kind, name, value) == (expected_kind, expected_name, expected_value)
    assert shown.startswith(expected_shown)


def test_a_body_that_reads_a_resource_states_nothing_created():
    """A GET answers with what exists: the body a script sends with it creates nothing."""
    text = _powershell("Invoke-RestMethod")("hostedservices", BODIES["hostedservices"])
    assert _stated("rest.ps1", text.replace("-Method Post", "-Method Get")) == []


def test_the_plan_names_the_region_of_a_service_a_python_body_places_in_an_affinity_group(plan_of):
    script = "\n".join(
        (
            "import requests",
            f"SUB = '{SUB}'",
            f"group = '{BODIES['affinitygroups']}'",
            f"service = '{BODIES['hostedservices ']}'",
            "requests.post(f'https://management.core.windows.net/{SUB}/services/affinitygroups', data=group)",
            "requests.post(f'https://management.core.windows.net/{SUB}/services/hostedservices', data=service)",
            "",
        )
    )
    plan = plan_of({"create.py": script, "svc2.xml": deployment("svc2", "vm1")})
    [subscription] = plan.subscriptions  # type: ignore[attr-defined]
    assert "Get-AzVMUsage -Location 'westeurope'; Get-AzNetworkUsage -Location 'westeurope'" in "\n".join(
        subscription.preamble.powershell
    )
