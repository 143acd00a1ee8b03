"""A Create Affinity Group body a script sends to `.../affinitygroups` (`<CreateAffinityGroup><Name>…
<Location>…`) creates the group in the region it states, as `New-AzureAffinityGroup -Location`, `azure account
affinity-group create --location` and `create_affinity_group(location=…)` do: PowerShell's Invoke-RestMethod
and Invoke-WebRequest (the body inline or from a here-string) and a client of the script's own
(`$client.ExecuteOperation("POST", "affinityGroups", $body)`), curl's `--data` inline, from a variable or from
a file the script names (`-d @group.xml`), Python's `requests.post` and `http.client`. A cloud service placed
in the group is in that region: the plan's quotas and VIP reservation name it, where they said `<region>`."""

from __future__ import annotations

import pytest
from lint_support import quota_regions, reserve_step, script_resources

from migcheck.model import AffinityGroupRegion

BODY = (
    '<CreateAffinityGroup xmlns="http://schemas.microsoft.com/windowsazure">'
    "<Name>shop-group</Name><Label>c2hvcC1ncm91cA==</Label><Location>East US</Location></CreateAffinityGroup>"
)
API = "https://management.core.windows.net"
# A cloud service placed in the group, by a file of its own.
PLACED = """\
$vm = New-AzureVMConfig -Name web1 -InstanceSize Small -ImageName img |
    Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password 'Passw0rd!'
New-AzureVM -ServiceName shop -VMs $vm -AffinityGroup 'shop-group'
"""
SENT = {
    "rest.ps1": f"""\
Invoke-RestMethod -Method Post -Uri "{API}/$sub/affinitygroups" -Certificate $cert -Body '{BODY}'
""",
    "here.ps1": f"""\
$body = @"
{BODY}
"@
Invoke-WebRequest -Method POST -Uri "{API}/$sub/affinitygroups" -Certificate $cert -Body $body
""",
    "client.ps1": f"""\
$group = '{BODY}'
$restClient.ExecuteOperation("POST", "affinityGroups", $group)
""",
    "inline.sh": f"""\
curl -X POST --cert mgmt.pem -H 'x-ms-version: 2015-04-01' --data '{BODY}' "{API}/$SUB/affinitygroups"
""",
    "variable.sh": f"""\
GROUP='{BODY}'
curl -X POST --cert mgmt.pem -d "$GROUP" "{API}/$SUB/affinitygroups"
""",
    "requests.py": f"""\
import requests

requests.post("{API}/" + SUB + "/affinitygroups", data='{BODY}', cert=("mgmt.pem", "key.pem"))
""",
    "http.py": f"""\
import http.client

connection = http.client.HTTPSConnection("management.core.windows.net", cert_file="mgmt.pem")
connection.request("POST", "/" + SUB + "/affinitygroups", '{BODY}')
""",
}
EAST_US = ["Get-AzVMUsage -Location 'eastus'; Get-AzNetworkUsage -Location 'eastus'"]
RESERVE = "New-AzureReservedIP -ReservedIPName '<name>' -Location 'East US' -ServiceName 'shop'"


@pytest.mark.parametrize("name", SENT)
def test_a_script_s_create_affinity_group_body_states_the_group_s_region(name):
    [region] = [r for r in script_resources(SENT[name], name) if isinstance(r, AffinityGroupRegion)]
    assert (region.name, region.location) == ("shop-group", "East US")
    # Shown at the body's `<Location>` as the script writes it (a Python body's element by its tag on its line).
    [(line, text)] = [(n, text) for n, text in enumerate(SENT[name].splitlines(), 1) if "<Location>" in text]
    assert region.mark.line == line
    if name.endswith(".py"):
        assert region.mark.tag == "Location"
    else:
        assert region.mark.column == text.index("<Location>") + 1


# A script whose only request goes through a client of its own is not told from any other in a folder
# (nothing in it names the classic module or the API's host): the others are linted as a folder is.
@pytest.mark.parametrize("name", [name for name in SENT if name != "client.ps1"])
def test_a_service_in_the_group_is_in_the_region_the_body_states(plan_of, name):
    plan = plan_of({name: SENT[name], "place.ps1": PLACED})
    assert quota_regions(plan) == EAST_US
    assert RESERVE in reserve_step(plan)


def test_a_body_file_a_script_posts_states_the_region(plan_of):
    plan = plan_of(
        {
            "group.xml": BODY,
            "make.sh": f'curl -X POST --cert mgmt.pem -d @group.xml "{API}/$SUB/affinitygroups"\n',
            "place.ps1": PLACED,
        }
    )
    assert quota_regions(plan) == EAST_US
    assert RESERVE in reserve_step(plan)
