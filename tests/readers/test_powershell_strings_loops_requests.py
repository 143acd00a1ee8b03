"""What PowerShell scripts state that the reader missed: `$( … )` in a double-quoted
string, extensions set in a loop over tables, what ForEach-Object outputs, a table extended with `+=`, where a
reserved IP or a parameter's default is reported, requests a script sends to the Service Management API
itself, and a cloud service created under a name the script does not state."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_support import lint_files, where

from migcheck.model import Script
from migcheck.readers import powershell

PATH = "deploy.ps1"
CONFIG = 'New-AzureVMConfig -InstanceSize Small -ImageName "img"'


def _findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, *codes: str):
    return lint_files(tmp_path, monkeypatch, {PATH: script}, *codes).findings


def _script(script: str) -> Script:
    document = powershell.read(PATH, script.encode())
    (found,) = [r for r in document.resources if isinstance(r, Script)]
    return found


# --- 1. `$( … )` in a double-quoted string ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "web", "sql"),
    [
        ('$cfg = @{ Prefix = "erp" }', '"$($cfg.Prefix)-web-as"', '"$($cfg.Prefix)-sql-as"'),
        ("", '"$("erp")-web-as"', '"erp-$("sql")-as"'),
        ('$tier = "web"', '"erp-$($tier)-as"', '"erp-sql-as"'),
    ],
)
def test_a_sub_expression_in_a_string_inserts_the_value_it_knows(tmp_path, monkeypatch, opening, web, sql):
    script = (
        f"{opening}\n"
        f'$a = {CONFIG} -Name "web01" -AvailabilitySetName {web} | Set-AzureSubnet -SubnetNames "app"\n'
        f'$b = {CONFIG} -Name "sql01" -AvailabilitySetName {sql} | Set-AzureSubnet -SubnetNames "app"\n'
        'New-AzureVM -ServiceName "erp" -VNetName "vnet" -Location "West Europe" -VMs $a, $b\n'
    )
    findings = _findings(tmp_path, monkeypatch, script, "MIG102")
    assert [f.message for f in findings] == [
        "cloud service 'erp' has 2 availability sets ('erp-web-as', 'erp-sql-as'); 'erp-sql-as' holds 'sql01'"
    ]


@pytest.mark.parametrize("address", ['"10.60.0.$($i)"', '"10.60.0.$(10 + $j)"', '"10.60.0.$(11)"'])
def test_an_address_built_with_a_sub_expression_is_the_address_it_makes(tmp_path, monkeypatch, address):
    script = (
        "$i = 11\n"
        "$j = 1\n"
        f'$a = {CONFIG} -Name "web1" | Set-AzureSubnet "web" | Set-AzureStaticVNetIP -IPAddress "10.60.0.$i"\n'
        'New-AzureVM -ServiceName "svc-web" -VNetName "big" -Location "West Europe" -VMs $a\n'
        f'$b = {CONFIG} -Name "app1" | Set-AzureSubnet "app" | Set-AzureStaticVNetIP -IPAddress {address}\n'
        'New-AzureVM -ServiceName "svc-app" -VNetName "big" -Location "West Europe" -VMs $b\n'
    )
    findings = _findings(tmp_path, monkeypatch, script, "MIG306")
    assert where(findings) == ["MIG306 deploy.ps1:5:133"]
    assert "asks for private IP 10.60.0.11, which VM 'web1'" in findings[0].message


@pytest.mark.parametrize("address", ['"10.60.0.$(Get-Random)"', '"10.60.0.$($env:OCTET)"', '"10.60.0.$(12)"'])
def test_a_sub_expression_whose_text_is_not_known_leaves_the_string_unknown(tmp_path, monkeypatch, address):
    """Near misses: what a command outputs or the environment holds is not known; another address is
    another address."""
    script = (
        f'$a = {CONFIG} -Name "web1" | Set-AzureSubnet "web" | Set-AzureStaticVNetIP -IPAddress "10.60.0.11"\n'
        f'$b = {CONFIG} -Name "app1" | Set-AzureSubnet "app" | Set-AzureStaticVNetIP -IPAddress {address}\n'
        'New-AzureVM -ServiceName "svc" -VNetName "big" -Location "West Europe" -VMs $a, $b\n'
    )
    assert _findings(tmp_path, monkeypatch, script, "MIG306") == []


# --- 2. extensions set in a loop over tables ------------------------------------------------------------------

BACKUP = '@{ N = "VMSnapshot"; P = "Microsoft.Azure.RecoveryServices"; V = "1.0" }'
BGINFO = '@{ N = "BGInfo"; P = "Microsoft.Compute"; V = "1.*" }'
DEBUGGER = '@{ N = "RemoteDebugVS2017"; P = "Microsoft.VisualStudio.WindowsAzure.RemoteDebug"; V = "1.*" }'
SET_EXTENSION = "$vm = Set-AzureVMExtension -VM $vm -ExtensionName $ext.N -Publisher $ext.P -Version $ext.V"


@pytest.mark.parametrize(
    "loop",
    [
        f"foreach ($ext in {BACKUP}, {BGINFO}, {DEBUGGER}) {{ {SET_EXTENSION} }}",
        f"$list = @({BACKUP}, {BGINFO}, {DEBUGGER})\nforeach ($ext in $list) {{ {SET_EXTENSION} }}",
        f"{BACKUP}, {BGINFO}, {DEBUGGER} | ForEach-Object {{ $ext = $_; {SET_EXTENSION} }}",
    ],
)
def test_every_extension_a_loop_over_tables_sets_is_reported(tmp_path, monkeypatch, loop):
    script = (
        f'$vm = {CONFIG} -Name "vm1" | Set-AzureSubnet -SubnetNames "app"\n'
        f"{loop}\n"
        'New-AzureVM -ServiceName "svc" -VNetName "vnet" -Location "West Europe" -VMs $vm\n'
    )
    findings = _findings(tmp_path, monkeypatch, script, "MIG204", "MIG206")
    assert sorted((f.code, f.message.split(":")[0]) for f in findings) == [
        (
            "MIG204",
            "VM 'vm1' has the XML extension BGInfo 1.* (Microsoft.Compute), which Azure Resource Manager "
            "does not support and the migration does not carry over",
        ),
        (
            "MIG204",
            "VM 'vm1' has the XML extension RemoteDebugVS2017 1.* (Microsoft.VisualStudio.WindowsAzure."
            "RemoteDebug), which Azure Resource Manager does not support and the migration does not carry over",
        ),
        (
            "MIG206",
            "VM 'vm1' has the Azure Backup extension VMSnapshot, with which the platform does not migrate a VM",
        ),
    ]
    # Each at the name its table gives the extension.
    tables = loop.splitlines()[0]
    assert {(f.location.line, f.location.column) for f in findings if f.location} == {
        (2, tables.index(name) + 1) for name in ('"VMSnapshot"', '"BGInfo"', '"RemoteDebugVS2017"')
    }


def test_extensions_splatted_from_the_tables_of_a_list_are_each_reported(tmp_path, monkeypatch):
    script = """
        $extensions = @(
            @{ ExtensionName = "VMSnapshot"; Publisher = "Microsoft.Azure.RecoveryServices"; Version = "1.0" },
            @{ ExtensionName = "BGInfo"; Publisher = "Microsoft.Compute"; Version = "1.*" }
        )
        $vm = Get-AzureVM -ServiceName "svc" -Name "vm1"
        foreach ($ext in $extensions) {
            $vm = Set-AzureVMExtension -VM $vm @ext
        }
        $vm | Update-AzureVM
        """
    findings = lint_files(tmp_path, monkeypatch, {PATH: script}, "MIG204", "MIG206").findings
    # Each at the name its table gives the extension.
    assert sorted(where(findings)) == ["MIG204 deploy.ps1:3:24", "MIG206 deploy.ps1:2:24"]


def test_one_extension_a_loop_sets_twice_is_reported_once(tmp_path, monkeypatch):
    """Near miss: the same extension set again replaces it."""
    script = (
        f'$vm = {CONFIG} -Name "vm1" | Set-AzureSubnet -SubnetNames "app"\n'
        f"foreach ($ext in {BGINFO}, {BGINFO}) {{ {SET_EXTENSION} }}\n"
        'New-AzureVM -ServiceName "svc" -VNetName "vnet" -Location "West Europe" -VMs $vm\n'
    )
    assert len(_findings(tmp_path, monkeypatch, script, "MIG204")) == 1


# --- 3. what ForEach-Object outputs -------------------------------------------------------------------------

TWO_SUBNETS = 'Set-AzureSubnet -SubnetNames "App", "Data"'
NEW_VM = 'New-AzureVM -ServiceName "svc" -VNetName "vnet" -Location "West Europe" -VMs $vms\n'


@pytest.mark.parametrize(
    "assigned",
    [
        f'$vms = "erp-app01", "erp-app02" | ForEach-Object {{ {CONFIG} -Name $_ | {TWO_SUBNETS} }}',
        f'$vms = @("erp-app01", "erp-app02") | % -Process {{ {CONFIG} -Name $_ | {TWO_SUBNETS} }}',
        f'$names = "erp-app01", "erp-app02"\n$vms = $names | foreach {{ return {CONFIG} -Name $_ | {TWO_SUBNETS} }}',
        (
            f'function New-Tier {{ "erp-app01", "erp-app02" | ForEach-Object {{ {CONFIG} -Name $_ | {TWO_SUBNETS} }} }}'
            "\n$vms = New-Tier"
        ),
    ],
)
def test_the_configurations_for_each_object_outputs_are_its_value(tmp_path, monkeypatch, assigned):
    findings = _findings(tmp_path, monkeypatch, f"{assigned}\n{NEW_VM}", "MIG202")
    assert [f.message for f in findings] == [
        "VM 'erp-app01' of cloud service 'svc' is in 2 subnets (App, Data)",
        "VM 'erp-app02' of cloud service 'svc' is in 2 subnets (App, Data)",
    ]


def test_a_configuration_added_to_what_for_each_object_outputs_is_one_more_vm(tmp_path, monkeypatch):
    script = (
        '$vms = "a1", "a2" | ForEach-Object {\n'
        f'    {CONFIG} -Name $_ -AvailabilitySetName "as1" | Set-AzureSubnet -SubnetNames "App"\n'
        "}\n"
        f'$vms += {CONFIG} -Name "b1" | Set-AzureSubnet -SubnetNames "App"\n' + NEW_VM
    )
    findings = _findings(tmp_path, monkeypatch, script, "MIG103")
    assert where(findings) == ["MIG103 deploy.ps1:4:9"]


def test_the_configuration_a_block_read_once_outputs_is_its_value(tmp_path, monkeypatch):
    """Over a list the script does not state, the block is read once: its configuration is a VM the
    script creates, under a name it does not state."""
    script = f"$vms = $names | ForEach-Object {{ {CONFIG} -Name $_ | {TWO_SUBNETS} }}\n{NEW_VM}"
    findings = _findings(tmp_path, monkeypatch, script, "MIG202")
    assert where(findings) == ["MIG202 deploy.ps1:1:136"]


# --- 4. a table extended with `+=` ------------------------------------------------------------------------

SPLATTED = f'$cfg = {CONFIG} -Name "batch01"\n$p = @{{ ServiceName = "fab-batch"; VMs = $cfg }}\n'


@pytest.mark.parametrize(
    "extended",
    [
        '$p += @{ VNetName = "fab-vnet" }',
        '$p = $p + @{ VNetName = "fab-vnet"; Location = "North Europe" }',
        '$more = @{ VNetName = "fab-vnet" }\n$p += $more',
        '$p += @{ VNetName = "fab-vnet" }\n$p.Location = "North Europe"',
    ],
)
def test_the_entries_a_table_is_given_with_plus_are_splatted(tmp_path, monkeypatch, extended):
    script = f"{SPLATTED}{extended}\nNew-AzureVM @p\n"
    assert where(_findings(tmp_path, monkeypatch, script, "MIG203")) == ["MIG203 deploy.ps1:1:8"]


def test_a_key_the_table_holds_already_makes_plus_fail(tmp_path, monkeypatch):
    """Near miss: PowerShell refuses to add a key the table holds, and the statement fails: which network
    the call names is not known."""
    script = f'{SPLATTED}$p += @{{ VNetName = "fab-vnet"; ServiceName = "other" }}\nNew-AzureVM @p\n'
    assert _findings(tmp_path, monkeypatch, script, "MIG203") == []


# --- 5. where a reserved IP, or a parameter's default, is reported ------------------------------------------


def test_a_reserved_ip_is_reported_where_the_call_associates_it(tmp_path, monkeypatch):
    script = """
        param(
            [string]$ServiceName = "contoso-sftp",
            [string]$VipName = "contoso-sftp-vip"
        )
        New-AzureReservedIP -ReservedIPName $VipName -Location "West Europe"
        $vm = New-AzureVMConfig -Name "sftp01" -InstanceSize Small -ImageName "img" |
            Add-AzureProvisioningConfig -Windows -AdminUsername ops -Password $pw -NoRDPEndpoint -NoWinRMEndpoint
        New-AzureVM -ServiceName $ServiceName -Location "West Europe" -ReservedIPName $VipName -VMs $vm
        """
    findings = lint_files(tmp_path, monkeypatch, {PATH: script}, "MIG106").findings
    assert where(findings) == ["MIG106 deploy.ps1:8:79"]


def test_a_reserved_ip_a_variable_names_is_reported_at_the_association(tmp_path, monkeypatch):
    script = """
        $vip = "contoso-vip"
        $vm = New-AzureVMConfig -Name "batch01" -InstanceSize Small -ImageName "img"
        New-AzureVM -ServiceName "batch" -Location "West Europe" -VMs $vm
        New-AzureReservedIP -ReservedIPName $vip -Location "West Europe" -ServiceName "batch"
        """
    findings = lint_files(tmp_path, monkeypatch, {PATH: script}, "MIG106").findings
    assert where(findings) == ["MIG106 deploy.ps1:4:37"]


def test_a_value_from_a_parameters_default_is_reported_where_the_call_passes_it(tmp_path, monkeypatch):
    """A caller may pass another value: the default is not where the finding is."""
    script = """
        param([string]$SqlSet = "sql-as")
        $a = New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName "img" -AvailabilitySetName "web-as"
        $b = New-AzureVMConfig -Name "sql01" -InstanceSize Small -ImageName "img" -AvailabilitySetName $SqlSet
        New-AzureVM -ServiceName "erp" -Location "West Europe" -VMs $a, $b
        """
    findings = lint_files(tmp_path, monkeypatch, {PATH: script}, "MIG102").findings
    assert where(findings) == ["MIG102 deploy.ps1:3:96"]
    assert findings[0].message == (
        "cloud service 'erp' has 2 availability sets ('web-as', 'sql-as'); 'sql-as' holds 'sql01'"
    )


# --- 6. requests sent to the Service Management API itself ---------------------------------------------------

REST_OPENING = '$sub = $env:SUBSCRIPTION_ID\n$cert = Get-Item "Cert:\\CurrentUser\\My\\$thumb"\n'


@pytest.mark.parametrize(
    ("request_line", "name"),
    [
        (
            'Invoke-RestMethod -Uri "https://management.core.windows.net/$sub/services/networking/media" '
            "-Method Put -Certificate $cert -InFile netcfg.xml",
            "PUT management.core.windows.net/<subscription-id>/services/networking/media",
        ),
        (
            'irm ("https://management.core.usgovcloudapi.net/{0}/services/hostedservices" -f $sub) -Certificate $cert',
            "GET management.core.usgovcloudapi.net/<subscription-id>/services/hostedservices",
        ),
        (
            '$uri = "https://management.core.chinacloudapi.cn/" + $sub + "/services/storageservices"\n'
            "Invoke-WebRequest $uri -Method:Post -Certificate $cert -Body $body",
            "POST management.core.chinacloudapi.cn/<subscription-id>/services/storageservices",
        ),
        (
            "$client = New-Object System.Net.Http.HttpClient\n"
            '$client.DeleteAsync("https://management.core.windows.net/$sub/services/hostedservices/web").Result',
            "DELETE management.core.windows.net/<subscription-id>/services/hostedservices/web",
        ),
        (
            "$web = New-Object System.Net.WebClient\n"
            '$web.UploadString("https://management.core.windows.net/$sub/services/networking/media", "PUT", $xml)',
            "PUT management.core.windows.net/<subscription-id>/services/networking/media",
        ),
        (
            "$message = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Put, "
            '"https://management.core.windows.net/$sub/services/networking/media")',
            "PUT management.core.windows.net/<subscription-id>/services/networking/media",
        ),
        (
            '$request = [System.Net.WebRequest]::Create("https://management.core.windows.net/$sub/services/networking/media")\n'
            '$request.Method = "PUT"',
            "PUT management.core.windows.net/<subscription-id>/services/networking/media",
        ),
    ],
)
def test_a_request_to_the_service_management_api_is_a_classic_call(tmp_path, monkeypatch, request_line, name):
    script = REST_OPENING + request_line + "\n"
    assert [call.name for call in _script(script).calls] == [name]
    findings = _findings(tmp_path, monkeypatch, script, "MIG601")
    assert [f.code for f in findings] == ["MIG601"]


@pytest.mark.parametrize(
    "not_a_request",
    [
        '$token = Get-AzAccessToken -ResourceUrl "https://management.core.windows.net/"',
        'Invoke-RestMethod -Uri "https://management.azure.com/subscriptions/$sub/resourcegroups" -Headers $h',
        'Invoke-RestMethod -Uri "https://login.microsoftonline.com/$tenant/oauth2/token" -Method Post '
        '-Body @{ resource = "https://management.core.windows.net/" }',
        '$uri = [string]::Format("https://management.core.windows.net/{0}/services/networking/media", $sub)',
    ],
)
def test_what_is_no_request_to_the_api_is_not_a_classic_call(tmp_path, monkeypatch, not_a_request):
    """Near misses: the host as the audience of a sign-in token, Resource Manager's host, and a URL built
    but not sent. (A URL whose host the script does not state, on a path of the API, is a request path: see
    test_powershell_requests_through_a_client_of_another_file.py.)"""
    script = REST_OPENING + not_a_request + "\n"
    assert powershell.read(PATH, script.encode()).resources == ()
    assert _findings(tmp_path, monkeypatch, script, "MIG601") == []


def test_migration_requests_are_steps_of_the_migration(tmp_path, monkeypatch):
    script = (
        REST_OPENING
        + '$base = "https://management.core.windows.net/$sub/services/hostedservices/web/deployments/web"\n'
        + 'Invoke-RestMethod -Uri "$base/migration?comp=Commit" -Method Post -Certificate $cert\n'
        + 'Invoke-RestMethod -Uri "$base/migration?comp=Prepare" -Method Post -Certificate $cert\n'
        + '$request = [Net.HttpWebRequest]::Create("https://management.core.windows.net/$sub/services/networking/'
        + 'virtualnetwork/prod/migration?comp=Validate")\n'
        + '$request.Method = "POST"\n'
        + 'Invoke-RestMethod -Uri "$base/migration?comp=Abort" -Certificate $cert\n'
    )
    steps = _script(script).migration
    assert [(s.name, s.step, s.scope, s.target) for s in steps] == [
        ("Service Management API", "commit", "cloud-service", "web"),
        ("Service Management API", "prepare", "cloud-service", "web"),
        ("Service Management API", "validate", "virtual-network", "prod"),
    ]
    findings = _findings(tmp_path, monkeypatch, script, "MIG601", "MIG602")
    assert where(findings) == ["MIG602 deploy.ps1:4:1", "MIG602 deploy.ps1:5:1"]  # a runbook: no MIG601


def test_a_request_of_a_method_the_script_does_not_state_may_run_a_step(tmp_path, monkeypatch):
    """Listed by the command that sends it; to a migration path, it may be the POST that runs the step."""
    script = (
        REST_OPENING
        + "irm -Method $verb -Certificate $cert "
        + '"https://management.core.windows.net/$sub/services/storageservices/vhds/migration?comp=Validate"\n'
    )
    found = _script(script)
    assert [call.name for call in found.calls] == [
        "Invoke-RestMethod management.core.windows.net/<subscription-id>/services/storageservices/vhds/migration"
        "?comp=Validate"  # a request is listed with its query, which says the operation
    ]
    assert [(s.step, s.scope, s.target) for s in found.migration] == [("validate", "storage-account", "vhds")]


def test_a_script_that_names_the_api_host_is_read_in_a_walk():
    assert powershell.sniff(b'Invoke-RestMethod -Uri "https://management.core.windows.net/$s/services/x"')


# --- 7. a cloud service created under a name the script does not state --------------------------------------


def test_a_quick_vm_in_the_service_the_script_creates_under_the_same_unstated_name(tmp_path, monkeypatch):
    script = """
        function Test-Migration {
            $svcName = Get-CloudServiceName
            New-AzureService -ServiceName $svcName -Location $location
            New-AzureQuickVM -Windows -ImageName $img -Name "vm1" -ServiceName $svcName -AdminUsername u -Password $pw
        }
        """
    findings = lint_files(tmp_path, monkeypatch, {PATH: script}, "MIG105").findings
    assert where(findings) == ["MIG105 deploy.ps1:4:5"]


def test_a_service_named_by_another_unstated_value_is_not_the_one_created(tmp_path, monkeypatch):
    """Near miss: another value the script does not state may name a service that exists, in a network."""
    script = """
        $created = Get-CloudServiceName
        $used = Get-CloudServiceName
        New-AzureService -ServiceName $created -Location $location
        New-AzureQuickVM -Windows -ImageName $img -Name "vm1" -ServiceName $used -AdminUsername u -Password $pw
        """
    assert lint_files(tmp_path, monkeypatch, {PATH: script}, "MIG105").findings == []


def test_an_item_of_an_array_the_script_writes_out(tmp_path, monkeypatch):
    """`$subnets[0]`, `$subnets[-1]`, also inside `$( … )`: the item, not an unknown value."""
    script = (
        "$subnets = @('FrontEnd', 'BackEnd')\n"
        "$vm = New-AzureVMConfig -Name 'web01' -InstanceSize Small -ImageName $img |\n"
        '  Set-AzureSubnet -SubnetNames "$($subnets[0])", $subnets[-1]\n'
        "New-AzureVM -ServiceName 'svc' -VNetName 'prod-vnet' -VMs $vm\n"
    )
    [finding] = _findings(tmp_path, monkeypatch, script, "MIG202")
    assert "(FrontEnd, BackEnd)" in finding.message
    past_the_end = script.replace("$subnets[-1]", "$subnets[2]")  # $null: not a name the reader knows
    [unknown] = _findings(tmp_path, monkeypatch, past_the_end, "MIG202")
    assert "(FrontEnd, <subnet named by $subnets[2]>)" in unknown.message
