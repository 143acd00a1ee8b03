"""A dot-sourced file whose top-level commands read a variable it does not set runs where a script that holds
that variable dot-sources it, with the script's value, as PowerShell runs it in the script's scope: Common.ps1
creates a VM in `$ServiceName`, Deploy.ps1 (`param($ServiceName)`) dot-sources it and adds an endpoint to that
VM in the same `$ServiceName`. The plan has one cloud service, where it had two (Common.ps1 read on its own,
with a name it does not know, and Deploy.ps1's), and each finding is said once, at the line that states it:
the classic module's use once, for the script that runs it, and the service's VIP, which has the endpoint.
The service's stand-in says whose parameter its name is (`-ServiceName of Deploy.ps1`) and where it is used.
Two scripts that set two names and dot-source the same Common.ps1 make two services. A library of functions
and constants, whose top level reads only what it sets, keeps its own read: its functions are read once
where no call runs them, and run with the values each call passes."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.model import Deployment

COMMON = (
    '$vm = New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName "img"'
    ' -MediaLocation "https://acct.blob.core.windows.net/vhds/a.vhd"\n'
    'New-AzureVM -ServiceName $ServiceName -VMs $vm -Location "West Europe"\n'
)
DEPLOY = (
    "param($ServiceName)\n"
    '. "$PSScriptRoot\\Common.ps1"\n'
    'Get-AzureVM -ServiceName $ServiceName -Name "web1" | Add-AzureEndpoint -Name http -Protocol tcp'
    " -LocalPort 80 -PublicPort 80 | Update-AzureVM\n"
)


def services(result) -> list[tuple[str, str, tuple[str, ...]]]:
    return sorted(
        (document.path, resource.service_name, tuple(role.name for role in resource.roles))
        for document in result.documents
        for resource in document.resources
        if isinstance(resource, Deployment) and resource.roles
    )


def test_the_plan_has_one_cloud_service(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"Common.ps1": COMMON, "Deploy.ps1": DEPLOY}, dedent=False)
    assert services(result) == [("Deploy.ps1", "", ("web1",))]


def test_the_service_s_stand_in_says_whose_parameter_it_is(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"Common.ps1": COMMON, "Deploy.ps1": DEPLOY}, dedent=False)
    (said,) = [f.message for f in result.findings if f.code == "MIG105"]
    assert "cloud service '<cloud service name, -ServiceName of Deploy.ps1, Common.ps1:2>'" in said


def test_each_finding_is_said_once_at_the_line_that_states_it(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"Common.ps1": COMMON, "Deploy.ps1": DEPLOY}, dedent=False)
    said = [(f.code, f.location.path, f.location.line) for f in result.findings if f.location]
    assert len(said) == len(set(said))
    assert sorted(said) == [("MIG105", "Common.ps1", 2), ("MIG601", "Common.ps1", 1)]
    # the VM Common.ps1 creates is the one Deploy.ps1 gives an endpoint: its VIP is migrated
    (vip,) = [f.message for f in result.findings if f.code == "MIG105"]
    assert "no input endpoint" not in vip


def test_a_stated_value_of_each_of_two_scripts_makes_two_services(tmp_path, monkeypatch):
    files = {
        "Common.ps1": COMMON,
        "A.ps1": '$ServiceName = "svc1"\n. "$PSScriptRoot\\Common.ps1"\n',
        "B.ps1": '$ServiceName = "svc2"\n. .\\Common.ps1\n',
    }
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert services(result) == [("A.ps1", "svc1", ("web1",)), ("B.ps1", "svc2", ("web1",))]


def test_read_alone_the_file_creates_in_a_service_it_does_not_know(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"Common.ps1": COMMON}, dedent=False)
    assert services(result) == [("Common.ps1", "", ("web1",))]


LIBRARY = (
    '$Location = "West Europe"\n'
    'Write-Verbose "Deploying to $Location"\n'
    "function New-Web($svc) {\n"
    '    $vm = New-AzureVMConfig -Name "web1" -InstanceSize Small -ImageName "img"\n'
    "    New-AzureVM -ServiceName $svc -VMs $vm -Location $Location\n"
    "}\n"
    "function New-Other($svc) {\n"
    '    $vm = New-AzureVMConfig -Name "web2" -InstanceSize Small -ImageName "img"\n'
    "    New-AzureVM -ServiceName $svc -VMs $vm -Location $Location\n"
    "}\n"
)


def test_a_library_of_functions_and_constants_keeps_its_own_read(tmp_path, monkeypatch):
    main = '$Location = "North Europe"\n. .\\Library.ps1\nNew-Web shopsvc\n'
    result = lint_files(tmp_path, monkeypatch, {"Library.ps1": LIBRARY, "main.ps1": main}, dedent=False)
    assert services(result) == [("Library.ps1", "", ("web2",)), ("main.ps1", "shopsvc", ("web1",))]
