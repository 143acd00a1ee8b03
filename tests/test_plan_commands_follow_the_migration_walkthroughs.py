"""`migcheck plan`'s commands and order, as Microsoft's PowerShell and CLI migration walkthroughs give
them: Validate's messages printed, the existing-network option for Validate as for Prepare (and in the
CLI), the VMs' migration state checked before Commit, no CLI validate for a storage account, the checks of
an account whose contents the files do not show, an order the JSON plan and the Mermaid diagram say as the
text does, the circuit's resource group, and what the plan says of steps that wait on blockers, web/worker
roles and files it could not read."""

from __future__ import annotations

import json
from dataclasses import replace

from migcheck.cli import main
from migcheck.plan import RETIREMENTS, StepKind
from migcheck.report.plan_format import not_ready_words, render_plan

REST = 'xmlns="http://schemas.microsoft.com/windowsazure"'


def deployment(
    service: str, *vms: str, account: str = "acct1", vnet: str = "", sets: tuple[str, ...] = ()
) -> str:
    """A REST body of one running deployment of `vms`, each with an RDP endpoint and its OS disk in
    `account`; in subnet Sub1 of `vnet` when given, each VM in the availability set `sets` gives it."""
    subnet = "<SubnetNames><SubnetName>Sub1</SubnetName></SubnetNames>" if vnet else ""
    roles = "".join(
        f"<Role><RoleName>{vm}</RoleName><RoleType>PersistentVMRole</RoleType>"
        "<ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
        "<InputEndpoints><InputEndpoint><LocalPort>3389</LocalPort><Name>RDP</Name><Port>3389</Port>"
        f"<Protocol>tcp</Protocol></InputEndpoint></InputEndpoints>{subnet}</ConfigurationSet></ConfigurationSets>"
        + (f"<AvailabilitySetName>{sets[n]}</AvailabilitySetName>" if sets else "")
        + f"<OSVirtualHardDisk><DiskName>{vm}-os</DiskName>"
        f"<MediaLink>https://{account}.blob.core.windows.net/vhds/{vm}-os.vhd</MediaLink><OS>Windows</OS>"
        "</OSVirtualHardDisk></Role>"
        for n, vm in enumerate(vms)
    )
    instances = "".join(
        f"<RoleInstance><RoleName>{vm}</RoleName><InstanceName>{vm}</InstanceName>"
        "<InstanceStatus>ReadyRole</InstanceStatus><PowerState>Started</PowerState></RoleInstance>"
        for vm in vms
    )
    network = f"<VirtualNetworkName>{vnet}</VirtualNetworkName>" if vnet else ""
    return (
        f"<HostedService {REST}><ServiceName>{service}</ServiceName><Deployments><Deployment>"
        f"<Name>{service}</Name><DeploymentSlot>Production</DeploymentSlot><Status>Running</Status>"
        f"<RoleInstanceList>{instances}</RoleInstanceList><RoleList>{roles}</RoleList>{network}"
        "</Deployment></Deployments></HostedService>\n"
    )


NETCFG = (
    "<NetworkConfiguration><VirtualNetworkConfiguration><VirtualNetworkSites>"
    '<VirtualNetworkSite name="vnet1" Location="West Europe"><AddressSpace><AddressPrefix>10.1.0.0/16'
    '</AddressPrefix></AddressSpace><Subnets><Subnet name="Sub1"><AddressPrefix>10.1.1.0/24</AddressPrefix>'
    "</Subnet></Subnets></VirtualNetworkSite></VirtualNetworkSites></VirtualNetworkConfiguration>"
    "</NetworkConfiguration>\n"
)
# An account a script creates, with no disk or image the files show in it.
BLOB_ACCOUNT = 'New-AzureStorageAccount -StorageAccountName "blobs" -Location "West Europe"\n'


def steps_by_id(plan) -> dict:
    return {step.id: step for step in plan.steps}


def test_validate_prints_its_messages_and_says_what_stops_prepare(plan_of):
    step = steps_by_id(plan_of({"svc1.xml": deployment("svc1", "vm1")}))["service:svc1/svc1"]
    validate = step.powershell.validate
    assert validate[0] == (
        "(Move-AzureService -Validate -ServiceName 'svc1' -DeploymentName 'svc1' -CreateNewVirtualNetwork)"
        ".ValidationMessages"
    )
    assert validate[-1] == "# go on to Prepare only if no message's Category is Error"
    account = steps_by_id(plan_of({"svc1.xml": deployment("svc1", "vm1")}))["storage:acct1"]
    assert account.powershell.validate[0] == (
        "(Move-AzureStorageAccount -Validate -StorageAccountName 'acct1').ValidationMessages"
    )


def test_the_existing_network_option_validates_what_it_prepares_in_powershell_and_the_cli(plan_of):
    step = steps_by_id(plan_of({"svc1.xml": deployment("svc1", "vm1")}))["service:svc1/svc1"]
    existing = (
        "-UseExistingVirtualNetwork -VirtualNetworkResourceGroupName '<resource group>' "
        "-VirtualNetworkName '<network>' -SubnetName '<subnet>'"
    )
    assert step.powershell.validate[1] == (
        "# or, into an existing network: (Move-AzureService -Validate -ServiceName 'svc1' -DeploymentName 'svc1' "
        f"{existing}).ValidationMessages"
    )
    assert step.powershell.prepare[1].endswith(
        f"Move-AzureService -Prepare -ServiceName 'svc1' -DeploymentName 'svc1' {existing}"
    )
    # The CLI takes the resource group, then the subnet, then the network.
    assert step.cli.validate == (
        "azure service deployment validate-migration 'svc1' 'svc1' new '' '' ''",
        "# or, into an existing network: azure service deployment validate-migration 'svc1' 'svc1' existing "
        "'<resource group>' '<subnet>' '<network>'",
    )
    assert step.cli.prepare[1] == (
        "# or, into an existing network: azure service deployment prepare-migration 'svc1' 'svc1' existing "
        "'<resource group>' '<subnet>' '<network>'"
    )


def test_before_commit_each_vm_s_migration_state_is_checked(plan_of):
    step = steps_by_id(plan_of({"svc1.xml": deployment("svc1", "vm1", "vm2")}))["service:svc1/svc1"]
    assert step.powershell.check == (
        "# each VM's migration state must be Prepared:",
        "(Get-AzureVM -ServiceName 'svc1' -Name 'vm1').VM.MigrationState",
        "(Get-AzureVM -ServiceName 'svc1' -Name 'vm2').VM.MigrationState",
        "Get-AzResource -ResourceGroupName 'svc1-Migrated'",
    )
    assert step.cli.check == (
        "# each VM's migration state must be Prepared (its verbose output shows it):",
        "azure vm show 'vm1' -vv",
        "azure vm show 'vm2' -vv",
    )


def test_the_cli_has_no_validate_for_a_storage_account(plan_of):
    account = steps_by_id(plan_of({"svc1.xml": deployment("svc1", "vm1")}))["storage:acct1"]
    assert not any("validate-migration" in command for command in account.cli.validate)
    assert account.cli.validate == (
        "# the Azure CLI does not validate a storage account: validate it in PowerShell "
        "(Move-AzureStorageAccount -Validate -StorageAccountName 'acct1')",
    )
    assert account.cli.prepare == ("azure storage account prepare-migration 'acct1'",)


def test_an_account_whose_contents_the_files_do_not_show_is_checked_for_disks_and_images(plan_of):
    steps = steps_by_id(plan_of({"svc1.xml": deployment("svc1", "vm1"), "make.ps1": BLOB_ACCOUNT}))
    before = steps["storage:blobs"].powershell.before
    assert before[1].startswith("Get-AzureDisk | Where-Object { $_.MediaLink.Host.StartsWith('blobs.') }")
    assert "$_.AttachedTo.RoleName" in before[1]
    assert before[2].startswith("Get-AzureVMImage | Where-Object {")
    assert "Select-Object -Property ImageName, ImageLabel" in before[2]
    assert "Get-AzureDisk" in steps["storage:blobs"].cli.before[0]
    # An account whose disks the files show gets no such check: its step's own notes say what is in it.
    assert steps["storage:acct1"].powershell.before == ()


def test_an_account_after_every_vm_step_lists_them_for_json_and_the_diagram(plan_of, capsys, tmp_path):
    files = {
        "a.xml": deployment("svca", "vma"),
        "net.netcfg": NETCFG,
        "b.xml": deployment("svcb", "vmb", account="acct2", vnet="vnet1"),
        "make.ps1": BLOB_ACCOUNT,
    }
    steps = steps_by_id(plan_of(files))
    blobs = steps["storage:blobs"]
    assert blobs.after == ("network:vnet1", "service:svca/svca") and blobs.wave == 2
    assert main(["plan", str(tmp_path), "--format", "json"]) == 0
    [subscription] = json.loads(capsys.readouterr().out)["subscriptions"]
    by_id = {step["id"]: step for step in subscription["steps"]}
    assert by_id["storage:blobs"]["after"] == ["network:vnet1", "service:svca/svca"]
    assert main(["plan", str(tmp_path), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    number = {step["id"]: n for n, step in enumerate(subscription["steps"], 1)}
    for before in ("network:vnet1", "service:svca/svca"):
        assert f"  s{number[before]} --> s{number['storage:blobs']}" in out


def test_the_circuit_step_creates_its_resource_group_first_and_is_named_by_its_key(plan_of):
    key = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
    netcfg = NETCFG.replace(
        "</Subnets>",
        '</Subnets><Gateway><ConnectionsToLocalNetwork><LocalNetworkSiteRef name="er-site">'
        '<Connection type="Dedicated"/></LocalNetworkSiteRef></ConnectionsToLocalNetwork></Gateway>',
    ).replace(
        "<VirtualNetworkSites>",
        '<LocalNetworkSites><LocalNetworkSite name="er-site"><AddressSpace><AddressPrefix>192.168.0.0/16'
        "</AddressPrefix></AddressSpace></LocalNetworkSite></LocalNetworkSites><VirtualNetworkSites>",
    )
    link = f'New-AzureDedicatedCircuitLink -ServiceKey "{key}" -VNetName "vnet1"\n'
    [circuit] = [
        s for s in plan_of({"net.netcfg": netcfg, "link.ps1": link}).steps if s.kind is StepKind.CIRCUIT
    ]
    assert circuit.name == key
    assert circuit.powershell.prepare[:3] == (
        "# the resource group the circuit moves into, unless you have one already:",
        "New-AzResourceGroup -Name '<resource group>' -Location 'westeurope'",  # the network's region
        "Move-AzExpressRouteCircuit -Name '<circuit name>' -ResourceGroupName '<resource group>' "
        f"-Location '<region>' -ServiceKey '{key}'",
    )


def test_a_step_after_a_blocked_one_is_not_ready_and_says_it_waits_on_it(plan_of):
    body = deployment("svc23", "vm23a", "vm23b", account="acct23", vnet="vnet1", sets=("as1", "as2"))
    plan = plan_of({"net.netcfg": NETCFG, "svc23.xml": body})
    steps = steps_by_id(plan)
    account = steps["storage:acct23"]
    assert not steps["network:vnet1"].ready
    assert not account.ready and account.waits_on == (1,) and not account.blockers  # none of its own
    assert account.notes[0] == (
        "It waits on step 1, which is not ready: it can start only once that step is unblocked and committed."
    )
    assert not any(note.startswith("It waits on") for note in steps["network:vnet1"].notes)
    text = render_plan(plan, "text")
    assert "2. Storage account: acct23 [wave 2; after step 1] — NOT READY (waits on step 1)" in text
    (data,) = json.loads(render_plan(plan, "json"))["subscriptions"]
    (listed,) = (step for step in data["steps"] if step["id"] == "storage:acct23")
    assert listed["ready"] is False and listed["waits_on"] == ["network:vnet1"] and listed["blockers"] == []
    assert "waits_on" not in data["steps"][0]
    assert "⛔ not ready (waits on step 1)" in render_plan(plan, "markdown")
    # Past three, the steps are counted: `after` lists them (a storage account after every step of VMs).
    assert not_ready_words(replace(account, waits_on=(2, 3, 5))) == "waits on steps 2, 3 and 5"
    after = tuple(f"service:svc{n}" for n in (2, 3, 5, 8))
    waiting = replace(account, after=after, waits_on=(2, 3, 5, 8))
    assert not_ready_words(waiting) == "waits on all 4 steps it comes after"


CSDEF = (
    '<ServiceDefinition name="web" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">'
    '<WebRole name="Front" vmsize="Small"/></ServiceDefinition>\n'
)


def test_web_worker_roles_are_in_no_wave_and_their_plan_says_nothing_of_vms_or_storage(
    plan_of, capsys, tmp_path
):
    plan = plan_of({"ServiceDefinition.csdef": CSDEF})
    [step] = plan.steps
    assert step.kind is StepKind.WEB_WORKER and not step.migrated
    assert plan.retirements == (RETIREMENTS[1],)  # Cloud Services only
    assert main(["plan", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "[no wave: not migrated]" in out and "[wave 1]" not in out
    assert "IaaS VMs (classic)" not in out and "storage accounts" not in out and "Basic SKU" not in out
    assert main(["plan", str(tmp_path), "--format", "json"]) == 0
    [subscription] = json.loads(capsys.readouterr().out)["subscriptions"]
    assert subscription["steps"][0]["wave"] is None


def test_vms_bring_back_the_vm_storage_and_basic_sku_notices(plan_of):
    plan = plan_of({"svc1.xml": deployment("svc1", "vm1")})
    assert plan.retirements == (RETIREMENTS[0], RETIREMENTS[2], RETIREMENTS[3])


def test_a_file_that_cannot_be_read_is_said_so_not_listed_as_a_blocker(plan_of, capsys, tmp_path):
    plan = plan_of({"svc1.xml": deployment("svc1", "vm1"), "broken.cscfg": "<ServiceConfiguration><Role>\n"})
    [subscription] = plan.subscriptions
    assert [f.code for f in subscription.unread] == ["MIG001"]
    assert not any(f.code == "MIG001" for f in subscription.other_blockers)
    main(["plan", str(tmp_path)])  # its exit code is the CLI's business
    out = capsys.readouterr().out
    assert "Files migcheck could not read (what they describe is in no step above" in out
    assert "   unread: broken.cscfg:" in out
    assert "Blockers outside the steps" not in out
    main(["plan", str(tmp_path), "--format", "json"])
    [data] = json.loads(capsys.readouterr().out)["subscriptions"]
    assert [f["code"] for f in data["unread"]] == ["MIG001"] and data["other_blockers"] == []
