"""Rules about VM extensions: the XML extensions, Azure Backup's snapshot extension, Microsoft Defender for
Cloud's monitoring extension and Azure Site Recovery's, which the migration drops, refuses, trips over or
leaves to be redone."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

from migcheck.estate import Estate, Network, Placement, key
from migcheck.extensions import json_version
from migcheck.inventory_model import DefenderPlan
from migcheck.model import (
    Edit,
    Extension,
    FileKind,
    Finding,
    Fix,
    Mark,
    Part,
    Role,
    RoleInstance,
    Script,
    SecurityRule,
    Severity,
    Subnet,
    VirtualNetwork,
    record,
    rules_after,
)
from migcheck.quoting import ps_word
from migcheck.rule import Docs, Example, Rule, Scope, listed
from migcheck.rules.reach import Outbound, Reach, outbound_internet, subnet_range
from migcheck.rules.virtual_machines import DEALLOCATED_STATES, state_letters
from migcheck.wording import Tool, command_word


def _version(ext: Extension) -> str:
    return f" {ext.version}" if ext.version else ""


def _installed(estate: Estate) -> list[tuple[Role, Extension]]:
    """Every installed extension of every VM, once per VM and element (`Estate.installed_extensions`)."""
    return estate.installed_extensions()


# The files that run what they describe: scripts, playbooks and CI pipelines, not a record of a VM's state.
_SCRIPT_KINDS = frozenset({FileKind.POWERSHELL, FileKind.PYTHON, FileKind.SHELL})


def _uninstalled_monitoring(estate: Estate) -> list[tuple[Role, Extension]]:
    """Each VM's Defender for Cloud monitoring extension that a script uninstalls, once per VM and element.
    An export or REST body whose reference is in the state `Uninstall` says what the VM was, not a removal
    still to run."""
    scripts = {doc.path for doc in estate.documents if doc.kind in _SCRIPT_KINDS}
    if not scripts:  # an export's VMs, thousands of them, are not walked for what no file removes
        return []
    seen: set[tuple[Mark, str, str]] = set()
    found = []
    for service in estate.cloud_services:
        for vm in service.vms:
            for ext in vm.extensions:
                removal = not ext.installed and ext.mark.path in scripts
                if not (removal and ext.is_security_monitoring):
                    continue
                where = (ext.mark, key(service.name), key(vm.name))  # keyed for a removal only
                if where not in seen:
                    seen.add(where)
                    found.append((vm, ext))
    return found


@record
class _CutOff:
    """Why a VM loses its way to on-premises during migration: its network, as `Reach.cut` says it, and the
    deployment that places it there (whose runtime state the files may state)."""

    network: Network
    reason: str
    placement: Placement

    @property
    def named(self) -> str:
        """The network as a message names it: hedged where no file states the VM's network and it was
        inferred from the subnets its VMs name (`Placement.network_inferred_from`)."""
        subnets = self.placement.network_inferred_from
        if not subnets:
            return f"'{self.network.name}'"
        named = listed([ref.name for ref in subnets])
        return f"'{self.network.name}' (as inferred from its subnet{'s' if len(subnets) > 1 else ''} {named})"


def _cut_off(estate: Estate, wanted: set[int]) -> dict[int, _CutOff]:
    """By id, the VMs of `wanted` that migration cuts off from on-premises through the network they are
    in (MIG207 and MIG210 ask the same question of `Reach`); only placements holding one are looked at,
    and the network is indexed only when there is one to ask about."""
    found: dict[int, _CutOff] = {}
    if not wanted:
        return found
    reach = Reach(estate)
    for network in estate.virtual_networks:
        for _, placement in network.members:
            vms = [vm for vm in placement.vms if id(vm) in wanted]
            reason = reach.cut(network, placement) if vms else ""
            for vm in vms if reason else ():
                found.setdefault(id(vm), _CutOff(network, reason, placement))
    return found


@record
class _Denied:
    """A network security group that denies, or may deny, a VM's outbound Internet access: its name, whose
    it is in words ("of its subnet 'web'", "set on the VM"), and the rule that decides (see
    `outbound_internet`)."""

    group: str
    whose: str
    verdict: Outbound
    rule: SecurityRule

    def words(self) -> str:
        denies = "denies" if self.verdict is Outbound.DENIED else "may deny"
        at = f"{self.rule.mark.path}:{self.rule.mark.line}"
        return (
            f"the network security group '{self.group}' {self.whose} {denies} outbound Internet access "
            f"(rule '{self.rule.name}' at {at})"
        )


def _security_rules(estate: Estate) -> dict[str, list[SecurityRule]]:
    """Every group's rules, by the group's `key`: by name, as the last file that states it in file order
    leaves it (a script's `Set-AzureNetworkSecurityRule` replaces one of that name); one set on a path that
    may not run leaves the one it would replace a rule that may be there (see `rules_after`)."""
    by_group: dict[str, dict[str, list[SecurityRule]]] = {}
    for rule in estate.resources(SecurityRule):
        named = by_group.setdefault(key(rule.group), {})
        named[key(rule.name)] = rules_after(named.get(key(rule.name), []), rule)
    return {group: [rule for each in rules.values() for rule in each] for group, rules in by_group.items()}


class _GuardedSubnets:
    """By network, its subnets that have a network security group, by `key` with their order: made once
    per network, so that a VM's subnets are looked up, not every subnet of its network for every VM."""

    def __init__(self, estate: Estate) -> None:
        self.estate = estate
        self.by_network: dict[int, dict[str, tuple[int, Subnet]]] = {}

    def of(self, placement: Placement, vm: Role) -> list[Subnet]:
        """The subnets with a group that `vm` is in, in its network's order."""
        ref = placement.virtual_network
        network = self.estate.network_named_at(ref) if ref is not None else None
        if network is None:
            return []
        guarded = self.by_network.get(id(network))
        if guarded is None:
            guarded = {}
            for at, subnet in enumerate(network.subnets):
                if subnet.security_group.strip():
                    guarded.setdefault(key(subnet.name), (at, subnet))
            self.by_network[id(network)] = guarded
        found = {guarded[k] for k in {key(s.name) for s in vm.subnets} if k in guarded}
        return [subnet for _, subnet in sorted(found, key=lambda pair: pair[0])]


def _groups_of(
    subnets: _GuardedSubnets, placement: Placement, vm: Role
) -> Iterator[tuple[str, str, ipaddress.IPv4Network | None]]:
    """The network security groups on a VM's way out, each with whose it is and the range the VM's address
    is in, where known: the one set on the VM (its address not known), and those of the subnets it is in,
    in its placement's network (its address in the subnet's range)."""
    if vm.security_group is not None and vm.security_group.name.strip():
        yield vm.security_group.name, "set on the VM", None
    for subnet in subnets.of(placement, vm):
        yield subnet.security_group, f"of its subnet '{subnet.name}'", subnet_range(subnet)


def _denied_outbound(estate: Estate, wanted: set[int]) -> dict[int, tuple[_Denied, Placement]]:
    """By id, the VMs of `wanted` whose network security groups deny (or may deny) outbound Internet
    access, the planning guide's other cause of extensions that report no status: a group that surely
    denies it before one that may. Nothing is looked at when no file states a group's rules."""
    rules = _security_rules(estate) if wanted else {}
    # Each group's verdict, for each range a VM behind it is in (a rule's source range may hold one
    # subnet's VMs and not another's), made once per group and range.
    verdicts: dict[tuple[str, ipaddress.IPv4Network | None], tuple[Outbound, SecurityRule | None]] = {}
    subnets = _GuardedSubnets(estate)
    found: dict[int, tuple[_Denied, Placement]] = {}
    for service in estate.cloud_services if rules else ():
        for placement in service.placements:
            for vm in (vm for vm in placement.vms if id(vm) in wanted):
                for group, whose, vm_range in _groups_of(subnets, placement, vm):
                    verdict, rule = _verdict(verdicts, rules, key(group), vm_range)
                    kept = found.get(id(vm))
                    surer = kept is None or (verdict is Outbound.DENIED is not kept[0].verdict)
                    if rule is not None and surer:
                        found[id(vm)] = (_Denied(group, whose, verdict, rule), placement)
    return found


def _verdict(
    verdicts: dict[tuple[str, ipaddress.IPv4Network | None], tuple[Outbound, SecurityRule | None]],
    rules: dict[str, list[SecurityRule]],
    group: str,
    vm_range: ipaddress.IPv4Network | None,
) -> tuple[Outbound, SecurityRule | None]:
    """What `group` (its `key`) does to the outbound Internet access of a VM in `vm_range`, kept in
    `verdicts`; allowed for a group no file states the rules of."""
    if group not in rules:
        return Outbound.ALLOWED, None
    found = verdicts.get((group, vm_range))
    if found is None:
        found = verdicts[(group, vm_range)] = outbound_internet(rules[group], vm_range)
    return found


class XmlExtension(Rule):
    code = "MIG204"
    name = "xml-extension"
    severity = Severity.WARNING
    scope = Scope.CLOUD_SERVICES
    looks_at = frozenset({Extension})
    summary = (
        "A VM has an XML extension (BGInfo 1.*, Visual Studio Debugger, Web Deploy, Remote Debugging), which "
        "must be uninstalled before migrating."
    )
    fix_hint = (
        "Uninstall the extension before migrating; if it is still wanted, use its Resource Manager counterpart "
        "afterwards (BGInfo 2.x; Visual Studio's remote tools or Web Deploy installed in the VM)."
    )
    source = (
        "Unsupported configurations — Compute: XML VM extensions (BGInfo 1.*, Visual Studio Debugger, Web "
        "Deploy, and Remote Debugging) (overview 2017, 2018, 2023: remove them, or they are dropped during "
        "migration). Validation error: VM {vm-name} in HostedService {hosted-service-name} contains Extension "
        "{extension-name} which isn't supported in Azure Resource Manager (errors 2016-2018: left installed, "
        "they are uninstalled before the migration completes; errors 2023: it is required to uninstall the "
        "extension before the migration)."
    )
    docs = Docs(
        what="`ResourceExtensionReference`s of VMs (REST bodies and Export-AzureVM files) that are XML "
        "extensions. The platform's documents name them only by family; migcheck recognises these publishers "
        "and names, compared without regard to case:\n\n"
        "| family | publisher | name | where the name comes from |\n"
        "| --- | --- | --- | --- |\n"
        "| BGInfo 1.* | `Microsoft.Compute` | `BGInfo` at major version 1 (`1.*`, `1.0`, `1`) | the "
        "overview's row (every version); the planning guide, which says v1 is the XML BGInfo and v2 a JSON "
        "extension that migrates |\n"
        "| Visual Studio Debugger | `Microsoft.VisualStudio.Azure.RemoteDebug` | `VS<release>Debugger`: "
        "`VS2012Debugger`, `VS2013Debugger`, `VS14CTPDebugger`, `VS2015Debugger` and later releases | the "
        "extension list of the classic Azure PowerShell module |\n"
        "| Remote Debugging | `Microsoft.VisualStudio.WindowsAzure.RemoteDebug` | `RemoteDebugVS<release>`: "
        "`RemoteDebugVS2012`, `RemoteDebugVS2013`, `RemoteDebugVS14CTP`, `RemoteDebugVS2015`, "
        "`RemoteDebugVS2017` and later releases | the classic Azure PowerShell module; Visual Studio's guide to "
        "debugging classic VMs (2013, 2015, 2017) |\n"
        "| Web Deploy | `Microsoft.VisualStudio.WindowsAzure.DevTest` | `WebDeployForVSDevTest` | the publish "
        "scripts Visual Studio generated for classic VMs |\n\n"
        "The two Visual Studio families are matched by the shape of the name (a release number in ASCII "
        "digits, optionally followed by `CTP`) whatever the publisher, since earlier SDKs published them "
        "under other names. Not reported: BGInfo 2.x (a JSON extension, which migrates), BGInfo without a "
        "version or from another publisher, and any extension whose `State` is `Uninstall`.",
        why="Resource Manager has no XML extensions: the migration carries every other extension over, but not "
        "these. What the platform does with one left on the VM has changed over time. The overview (2017 to "
        "2023) recommends removing them and says they are dropped automatically otherwise, and the 2016-2018 "
        "errors page says they are uninstalled before the migration completes; the 2023 errors page, the "
        "newest document, says the validation message is being changed and that uninstalling the extension "
        "before the migration is now required. migcheck follows the newest document. The finding stays a "
        "warning, the catalogue's severity, because under every version nothing but the extension itself is "
        "lost and the validation message still reads as a recommendation; to treat it as a blocker, set "
        '`MIG204 = "error"` under `[tool.migcheck.severity]`.',
        fix="Uninstall the extension before migrating: the VM (`Get-AzureVM -ServiceName ... -Name ...`) piped "
        "to `Set-AzureVMExtension` with the extension's name, publisher and `-Uninstall` (for BGInfo, "
        "`Set-AzureVMBGInfoExtension -Uninstall`), piped to `Update-AzureVM`; with the classic CLI, "
        "which the finding gives where the CLI set the extension, `azure vm extension set <vm> <name> "
        "<publisher> <version> -u`; "
        "or set the reference's `State` to `Uninstall` in the body you deploy. If it is still wanted after the "
        "migration, use what Resource Manager offers instead: the BGInfo 2.x (JSON) extension, and Visual "
        "Studio's remote tools or Web Deploy installed in the VM itself. For BGInfo 1.* in a REST body or an "
        "Export-AzureVM file, `migcheck check --fix --unsafe-fixes` sets the reference's `Version` to `2.*`, "
        "the JSON version of the same extension, which the migration carries over. The fix is unsafe: the "
        "planning guide says BGInfo v2 migrates only when the VM agent works and has outbound internet "
        "access, so on a VM whose agent is not ready the JSON extension fails validation (MIG208) where the "
        "XML one would only have been dropped. The other XML extensions have no JSON version and no "
        "automatic fix.",
    )
    invalid = (
        Example(
            {
                "vms/sql01.xml": """
                <PersistentVM>
                  <RoleName>sql01</RoleName>
                  <ResourceExtensionReferences>
                    <ResourceExtensionReference>
                      <ReferenceName>BGInfo</ReferenceName>
                      <Publisher>Microsoft.Compute</Publisher>
                      <Name>BGInfo</Name>
                      <Version>1.*</Version>
                      <State>Enable</State>
                    </ResourceExtensionReference>
                  </ResourceExtensionReferences>
                </PersistentVM>
                """
            },
            expect=("vms/sql01.xml:4:5",),
        ),
        Example(
            {
                "dev.xml": """
                <PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
                  <RoleName>dev01</RoleName>
                  <RoleType>PersistentVMRole</RoleType>
                  <ResourceExtensionReferences>
                    <ResourceExtensionReference>
                      <ReferenceName>RemoteDebug</ReferenceName>
                      <Publisher>Microsoft.VisualStudio.WindowsAzure.RemoteDebug</Publisher>
                      <Name>RemoteDebugVS2013</Name>
                      <Version>1.*</Version>
                    </ResourceExtensionReference>
                  </ResourceExtensionReferences>
                </PersistentVMRole>
                """
            },
            expect=("dev.xml:5:5",),
        ),
        Example(
            {
                "rest/dev.deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>dev</Name>
                  <RoleList>
                    <Role>
                      <RoleName>dev02</RoleName>
                      <RoleType>PersistentVMRole</RoleType>
                      <ResourceExtensionReferences>
                        <ResourceExtensionReference>
                          <ReferenceName>Microsoft.VisualStudio.WindowsAzure.RemoteDebug.RemoteDebugVS2017</ReferenceName>
                          <Publisher>Microsoft.VisualStudio.WindowsAzure.RemoteDebug</Publisher>
                          <Name>RemoteDebugVS2017</Name>
                          <Version>1.*</Version>
                        </ResourceExtensionReference>
                      </ResourceExtensionReferences>
                    </Role>
                  </RoleList>
                </Deployment>
                """
            },
            expect=("rest/dev.deployment.xml:8:9",),
            note="A Visual Studio release after the ones the documents list, in a REST deployment.",
        ),
        Example(
            {
                "vms/dev03.xml": """
                <PersistentVM>
                  <RoleName>dev03</RoleName>
                  <ResourceExtensionReferences>
                    <ResourceExtensionReference>
                      <ReferenceName>Microsoft.VisualStudio.WindowsAzure.RemoteDebug.RemoteDebugVS2017</ReferenceName>
                      <Publisher>Microsoft.VisualStudio.WindowsAzure.RemoteDebug</Publisher>
                      <Name>RemoteDebugVS2017</Name>
                      <Version>1.*</Version>
                      <State>Enable</State>
                    </ResourceExtensionReference>
                    <ResourceExtensionReference>
                      <Publisher>Microsoft.VisualStudio.Azure.RemoteDebug</Publisher>
                      <Name>VS2017Debugger</Name>
                      <Version>1.*</Version>
                    </ResourceExtensionReference>
                  </ResourceExtensionReferences>
                </PersistentVM>
                """
            },
            expect=("vms/dev03.xml:4:5", "vms/dev03.xml:11:5"),
            note="The same release in an Export-AzureVM file, with the matching Visual Studio Debugger.",
        ),
        Example(
            {
                "ops/bginfo.ps1": """
                Get-AzureVM -ServiceName "sql" -Name "sql01" |
                    Set-AzureVMBGInfoExtension -Version "1.*" |
                    Update-AzureVM
                """
            },
            expect=("ops/bginfo.ps1:2:41",),
            note="PowerShell: the BGInfo wrapper with an explicit 1.* version (its default, 2.*, is a JSON extension).",
        ),
        Example(
            {
                "create_jump.py": """
                from azure.servicemanagement import ResourceExtensionReference, ServiceManagementService

                sms = ServiceManagementService("subscription-id", "management.pem")
                extensions = [ResourceExtensionReference("BGInfo", "Microsoft.Compute", "BGInfo", "1.*")]
                sms.add_role("jump", "jump", "jump01", None, None, resource_extension_references=extensions)
                """
            },
            expect=("create_jump.py:4:73",),
            note="A Python script: the extension is reported at the name its reference is given.",
        ),
    )
    valid = (
        Example(
            {
                "vms/app01.xml": """
                <PersistentVM>
                  <RoleName>app01</RoleName>
                  <ResourceExtensionReferences>
                    <ResourceExtensionReference>
                      <ReferenceName>BGInfo</ReferenceName>
                      <Publisher>Microsoft.Compute</Publisher>
                      <Name>BGInfo</Name>
                      <Version>2.*</Version>
                    </ResourceExtensionReference>
                  </ResourceExtensionReferences>
                </PersistentVM>
                """
            },
            note="BGInfo 2.x is a JSON extension and migrates.",
        ),
        Example(
            {
                "vms/dev03.xml": """
                <PersistentVM>
                  <RoleName>dev03</RoleName>
                  <ResourceExtensionReferences>
                    <ResourceExtensionReference>
                      <Publisher>Microsoft.VisualStudio.WindowsAzure.RemoteDebug</Publisher>
                      <Name>RemoteDebugVS2017</Name>
                      <Version>1.*</Version>
                      <State>Uninstall</State>
                    </ResourceExtensionReference>
                  </ResourceExtensionReferences>
                </PersistentVM>
                """
            },
            note="An extension being uninstalled is what the fix asks for.",
        ),
        Example(
            {
                "ops/bginfo.ps1": """
                Get-AzureVM -ServiceName "sql" -Name "sql01" |
                    Set-AzureVMBGInfoExtension -Version "1.*" -Uninstall |
                    Update-AzureVM
                """
            },
            note="Uninstalling the extension with PowerShell is the fix.",
        ),
        Example(
            {
                "create_jump.py": """
                from azure.servicemanagement import ResourceExtensionReference, ServiceManagementService

                sms = ServiceManagementService("subscription-id", "management.pem")
                bginfo = ResourceExtensionReference("BGInfo", "Microsoft.Compute", "BGInfo", "1.*")
                bginfo.state = "Uninstall"
                sms.update_role("jump", "jump", "jump01", resource_extension_references=[bginfo])
                """
            },
            note="A Python script that uninstalls the extension.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for vm, ext in _installed(estate):
            if ext.is_xml:
                yield self.finding(
                    ext,
                    f"VM '{vm.name}' has the XML extension {ext.name}{_version(ext)} ({ext.publisher}), which "
                    "Azure Resource Manager does not support and the migration does not carry over",
                    fix=_xml_fix(ext, _powershell_uninstall(ext)),
                    fix_in={tool: _xml_fix(ext, words) for tool, words in _uninstalls(ext).items()},
                    autofix=_json_version(ext),
                    subject=vm,
                )


# The VM the uninstall acts on, piped in. Placeholders, not the names: one fix for every VM, so the plan gives
# it once for a step's VMs (the message names the VM), and a cloud service no file names is not guessed.
_GET_VM = "Get-AzureVM -ServiceName '<cloud service>' -Name '<VM>'"


def _xml_fix(ext: Extension, uninstall: str) -> str:
    """How to uninstall this extension (`uninstall`, the command), and its counterpart in Resource Manager."""
    if ext.name.casefold() == "bginfo":
        return (
            f"Uninstall BGInfo 1.* before migrating ({uninstall}), or move it to version 2.*, the JSON "
            "extension the migration carries over."
        )
    return (
        f"Uninstall {ext.name} before migrating ({uninstall}); if it is still wanted, install Visual "
        "Studio's remote tools or Web Deploy in the VM once it is in Resource Manager."
    )


def _powershell_uninstall(ext: Extension) -> str:
    """The cmdlets that uninstall this extension from the VM."""
    if ext.name.casefold() == "bginfo":
        return f"{_GET_VM} | Set-AzureVMBGInfoExtension -Uninstall | Update-AzureVM"
    return (
        f"{_GET_VM} | Set-AzureVMExtension -ExtensionName {ps_word(ext.name)} -Publisher {ps_word(ext.publisher)} "
        "-Uninstall | "
        "Update-AzureVM"
    )


def _uninstalls(ext: Extension) -> dict[Tool, str]:
    """How the other tools uninstall this extension: the classic CLI's `extension set -u` (which takes
    the version as it takes the others), the legacy SDK's reference to it in the state Uninstall."""
    name = command_word(ext.name, "<extension>")
    publisher, version = command_word(ext.publisher, "<publisher>"), command_word(ext.version, "<version>")
    return {
        Tool.CLASSIC_CLI: f"azure vm extension set '<VM>' {name} {publisher} {version} -u -d '<cloud service>'",
        Tool.PYTHON_SDK: f"a `ResourceExtensionReference` of {ext.name}, {ext.publisher or '<publisher>'} and "
        f"{ext.version or '<version>'} whose `state` is 'Uninstall', sent with `update_role(..., "
        "resource_extension_references=[...])`",
    }


def _json_version(ext: Extension) -> Fix | None:
    """Set the reference's `Version` to the JSON version of the same extension (BGInfo 2.*), which the
    migration carries over; none for an extension without one. Unsafe: the JSON extension reports its
    status through the VM agent, which the XML one did not need, so on a VM whose agent is not ready it
    trades this warning for a blocker (MIG208)."""
    version = json_version(ext.publisher, ext.name, ext.version)
    if not version:
        return None
    edit = Edit(ext.mark, Part.TEXT, version, child="Version")
    return Fix(f"Set the {ext.name} extension's version to {version}, its JSON version", (edit,), safe=False)


class BackupExtension(Rule):
    code = "MIG206"
    name = "backup-extension"
    severity = Severity.ERROR
    scope = Scope.CLOUD_SERVICES
    looks_at = frozenset({Extension})
    summary = "A VM has the Azure Backup snapshot extension (VMSnapshot, VMSnapshotLinux)."
    fix_hint = (
        "Stop protection of the VM in its Recovery Services vault, keeping the backup data, and uninstall the "
        "snapshot extension (VMSnapshot, VMSnapshotLinux) before migrating; enable Azure Backup for the "
        "Resource Manager VM afterwards."
    )
    source = (
        "Unsupported configurations — Compute: VM with backup or snapshot extension (2018 and 2023 tables); "
        "validation error: VM {vm-name} in HostedService {hosted-service-name} contains Extension "
        "VMSnapshot/VMSnapshotLinux, which is currently not supported for Migration; FAQ: keeping backups "
        "taken before the migration."
    )
    docs = Docs(
        what="A `ResourceExtensionReference` named `VMSnapshot` or `VMSnapshotLinux` (publisher "
        "`Microsoft.Azure.RecoveryServices`, or no publisher written) on a VM, in REST bodies and "
        "Export-AzureVM files. The extension is what Azure Backup installs on a VM it protects. An extension "
        "whose `State` is `Uninstall` is not reported. A script that turns on Azure Backup for a classic VM "
        "(`Enable-AzRecoveryServicesBackupProtection` or `Enable-AzureRmRecoveryServicesBackupProtection` "
        "with `-ServiceName` and `-Name`, the parameter set for a classic VM) is reported at the call, as a "
        "warning: the VM may still have the extension when it is migrated.",
        why="The platform does not migrate VMs that carry the backup snapshot extension: validation fails "
        "until it is removed. The recovery points taken before the migration are not attached to the migrated "
        "VM; they stay in the vault with the classic VM's protected item, if you keep them.",
        fix="In the Recovery Services vault, stop protection of the VM and leave *delete the backup data* "
        "unchecked, so the recovery points already taken are kept (they are charged for while kept; the last "
        "one stays until you delete the backup data). Then remove the snapshot extension from the VM "
        "(`Set-AzureVMExtension` with its name, publisher and version and `-Uninstall`, piped to "
        "`Update-AzureVM`; with the classic CLI, `azure vm extension set <vm> <name> <publisher> <version> "
        "-u`, which the finding gives where the CLI set the extension), migrate the VM with its network "
        "and storage account, and enable Azure Backup for the Resource Manager VM.",
    )
    invalid = (
        Example(
            {
                "jump.xml": """
                <PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
                  <RoleName>jump01</RoleName>
                  <RoleType>PersistentVMRole</RoleType>
                  <ResourceExtensionReferences>
                    <ResourceExtensionReference>
                      <ReferenceName>VMSnapshot</ReferenceName>
                      <Publisher>Microsoft.Azure.RecoveryServices</Publisher>
                      <Name>VMSnapshot</Name>
                      <Version>1.0</Version>
                      <State>Enable</State>
                    </ResourceExtensionReference>
                  </ResourceExtensionReferences>
                </PersistentVMRole>
                """
            },
            expect=("jump.xml:5:5",),
        ),
        Example(
            {
                "vms/web01.xml": """
                <PersistentVM>
                  <RoleName>web01</RoleName>
                  <ResourceExtensionReferences>
                    <ResourceExtensionReference>
                      <Publisher>Microsoft.Azure.RecoveryServices</Publisher>
                      <Name>VMSnapshotLinux</Name>
                      <Version>1.0</Version>
                    </ResourceExtensionReference>
                  </ResourceExtensionReferences>
                </PersistentVM>
                """
            },
            expect=("vms/web01.xml:4:5",),
        ),
        Example(
            {
                "ops/backup.ps1": """
                Get-AzureVM -ServiceName "jump" -Name "jump01" |
                    Set-AzureVMExtension -ExtensionName "VMSnapshot" -Publisher "Microsoft.Azure.RecoveryServices" -Version "1.0" |
                    Update-AzureVM
                """
            },
            expect=("ops/backup.ps1:2:41",),
            note="A PowerShell script installing the snapshot extension with Set-AzureVMExtension.",
        ),
        Example(
            {
                "create_app.py": """
                from azure.servicemanagement import ResourceExtensionReference, ServiceManagementService

                sms = ServiceManagementService("subscription-id", "management.pem")
                backup = ResourceExtensionReference(
                    "VMSnapshot", "Microsoft.Azure.RecoveryServices", "VMSnapshot", "1.0"
                )
                sms.add_role("app", "app", "app01", None, None, resource_extension_references=[backup])
                """
            },
            expect=("create_app.py:5:55",),
            note="A Python script that installs the backup extension.",
        ),
        Example(
            {
                "ops/protect.ps1": """
                $pol = Get-AzRecoveryServicesBackupProtectionPolicy -Name "DefaultPolicy"
                Enable-AzRecoveryServicesBackupProtection -Policy $pol -Name "app01" -ServiceName "contoso-app"
                """
            },
            expect=("ops/protect.ps1:2:1",),
            note="Azure Backup turned on for a classic VM (`-ServiceName`): a warning at the call.",
        ),
    )
    valid = (
        Example(
            {
                "vms/web01.xml": """
                <PersistentVM>
                  <RoleName>web01</RoleName>
                  <ResourceExtensionReferences>
                    <ResourceExtensionReference>
                      <Publisher>Microsoft.Azure.RecoveryServices</Publisher>
                      <Name>VMSnapshotLinux</Name>
                      <Version>1.0</Version>
                      <State>Uninstall</State>
                    </ResourceExtensionReference>
                  </ResourceExtensionReferences>
                </PersistentVM>
                """
            },
            note="An extension being uninstalled is on its way out.",
        ),
        Example(
            {
                "ops/protect.ps1": """
                $pol = Get-AzRecoveryServicesBackupProtectionPolicy -Name "DefaultPolicy"
                Enable-AzRecoveryServicesBackupProtection -Policy $pol -Name "app01" -ResourceGroupName "app-rg"
                """
            },
            note="Azure Backup turned on for a Resource Manager VM (`-ResourceGroupName`).",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for vm, ext in _installed(estate):
            if ext.is_backup and ext.installed_by:
                # The call protects the VM; the extension comes with its first backup, and stays until
                # it is uninstalled, which the files do not show: it may be there.
                yield self.finding(
                    ext,
                    f"{ext.installed_by} turns on Azure Backup for VM '{vm.name}', which installs its snapshot "
                    "extension (VMSnapshot, VMSnapshotLinux) on the VM: it may still have it when migrated, "
                    "and the platform does not migrate a VM that has it",
                    severity=Severity.WARNING,
                    subject=vm,
                )
            elif ext.is_backup:
                yield self.finding(
                    ext,
                    f"VM '{vm.name}' has the Azure Backup extension {ext.name}, with which the platform does "
                    "not migrate a VM",
                    fix_in={tool: _backup_fix(words, ext) for tool, words in _uninstalls(ext).items()},
                    subject=vm,
                )


def _backup_fix(uninstall: str, ext: Extension) -> str:
    """The rule's fix, with the command that uninstalls the extension in the words of a tool."""
    return (
        "Stop protection of the VM in its Recovery Services vault, keeping the backup data, and uninstall "
        f"{ext.name} before migrating ({uninstall}); enable Azure Backup for the Resource Manager VM "
        "afterwards."
    )


_NETCFG_ER_ONPREM_DNS = """
<NetworkConfiguration>
  <VirtualNetworkConfiguration>
    <Dns><DnsServers><DnsServer name="dc01" IPAddress="192.168.10.4"/></DnsServers></Dns>
    <LocalNetworkSites>
      <LocalNetworkSite name="dc-frankfurt">
        <AddressSpace><AddressPrefix>192.168.0.0/16</AddressPrefix></AddressSpace>
      </LocalNetworkSite>
    </LocalNetworkSites>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="er-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.4.0.0/16</AddressPrefix></AddressSpace>
        <DnsServersRef><DnsServerRef name="dc01"/></DnsServersRef>
        <Gateway>
          <ConnectionsToLocalNetwork>
            <LocalNetworkSiteRef name="dc-frankfurt"><Connection type="Dedicated"/></LocalNetworkSiteRef>
          </ConnectionsToLocalNetwork>
        </Gateway>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
_MONITORED_DEPLOYMENT = """
<Deployment xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>app</Name>
  <RoleList>
    <Role>
      <RoleName>app01</RoleName><RoleType>PersistentVMRole</RoleType>
      <ResourceExtensionReferences>
        <ResourceExtensionReference>
          <Publisher>Microsoft.Azure.Security.Monitoring</Publisher>
          <Name>AzureSecurityWindowsAgent</Name>
          <Version>1.*</Version>
        </ResourceExtensionReference>
      </ResourceExtensionReferences>
    </Role>
  </RoleList>
  <VirtualNetworkName>er-vnet</VirtualNetworkName>
</Deployment>
"""


EXAMPLE_SUBSCRIPTION = "3f1d2c4b-8a7e-4c1d-9b2a-5e6f7a8b9c0d"  # the examples' subscription
# A classic VM of it, as a Resource Graph export writes it: the examples of the rules that need one.
CLASSIC_VM_ROW = f"""
[
  {{
    "id": "/subscriptions/{EXAMPLE_SUBSCRIPTION}/resourceGroups/contoso-app/providers/Microsoft.ClassicCompute/virtualMachines/app03",
    "name": "app03",
    "type": "microsoft.classiccompute/virtualmachines",
    "subscriptionId": "{EXAMPLE_SUBSCRIPTION}",
    "properties": {{"domainName": {{"name": "contoso-app"}}, "hardwareProfile": {{"size": "Medium"}}}}
  }}
]
"""
_PRICING_ROW = f"""
{{
  "data": [
    {{
      "id": "/subscriptions/{EXAMPLE_SUBSCRIPTION}/providers/Microsoft.Security/pricings/VirtualMachines",
      "name": "VirtualMachines",
      "type": "microsoft.security/pricings",
      "subscriptionId": "{EXAMPLE_SUBSCRIPTION}",
      "properties": {{"pricingTier": "Standard"}}
    }}
  ]
}}
"""


class SecurityCenterExtension(Rule):
    code = "MIG207"
    name = "security-center-extension"
    severity = Severity.WARNING
    scope = Scope.CLOUD_SERVICES
    looks_at = frozenset({Extension, VirtualNetwork, DefenderPlan})
    also_reads = frozenset({Script})  # a script's migration Commit, after which it may set its plan again
    summary = (
        "A VM has the monitoring extension of Microsoft Defender for Cloud (formerly Azure Security Center), "
        "or the subscription's Defender plan for VMs installs it on its classic VMs; a warning where a VM's "
        "network gateway cuts it off from on-premises during migration."
    )
    fix_hint = (
        "Disable the Defender for Cloud policy (automatic provisioning) on the subscription at least 3 hours "
        "before migrating, so that the monitoring extension is removed and not reinstalled."
    )
    source = (
        "Unsupported configurations — Compute: Azure Security Center extensions with a VNET that has a VPN "
        "gateway in transit connectivity or ExpressRoute gateway with on-prem DNS server (2017 table); VM with "
        "Azure Security Center extension (2018 table), VM with Microsoft Defender for Cloud extension (2023 "
        "table). Transit: network-gateway-migration, Transit VPN connectivity. Planning guide: the security "
        "policy needs to be stopped before removing extensions, otherwise the security monitoring extension "
        "will be reinstalled automatically on the VM after removing it."
    )
    docs = Docs(
        what="The monitoring extension that Microsoft Defender for Cloud (formerly Azure Security Center) "
        "installs by itself on the VMs it monitors (publisher `Microsoft.Azure.Security.Monitoring`, names "
        "such as `AzureSecurityWindowsAgent` and `AzureSecurityLinuxAgent`) on any VM the files describe: in a "
        "REST deployment, an Export-AzureVM file or an inventory export (a VM's `extensions`), declared by a "
        "template, a Bicep file or a Terraform `azapi` body (`extensions` of a classic VM, or its child "
        "resource), or added by a script (PowerShell's `Set-AzureVMExtension`, the classic CLI's `azure vm "
        "extension set`, also in a Makefile, Dockerfile, CI step or Ansible task, Python's "
        "`ResourceExtensionReference`). What the message says depends on the VM's virtual network:\n\n"
        "- a cut-off, when the network is defined among the files checked (a network configuration or a REST "
        "`VirtualNetworkSites` body) and its gateway either is in *transit connectivity* — a site-to-site "
        "connection to a local network site whose address space aggregates another virtual network that has "
        "a gateway of its own and addresses outside every virtual network (on-premises), the way classic "
        "transit through a hub network is written, where the network's own connections do not reach those "
        "addresses too — or is linked to ExpressRoute (a `Dedicated` connection, a script's "
        "`New-AzureDedicatedCircuitLink` or an export of the circuit's links, as MIG302 takes it) while "
        "the VM uses an on-premises DNS server: one whose address is in no virtual network of the files and "
        "either is in a local network site's address space or is private (RFC 1918, or RFC 6598's "
        "100.64.0.0/10): ExpressRoute reaches on-premises through the circuit's BGP routes, which no local site "
        "has to state, so a public address (8.8.8.8) is not one unless a site holds it. The DNS servers that count are the network's own, from every file "
        "that describes it (a network configuration's `DnsServersRef`, resolved, a REST body's "
        "`Dns/DnsServers` and an inventory export's `dhcpOptions.dnsServers`), and those of the VM's "
        "deployment (a REST deployment's `Dns`). Local sites come from a network configuration, from the "
        "gateway's `Sites` in a REST body, or from a classic CLI script's `azure network local-network "
        "create`.\n"
        "- the extension alone otherwise: outside a virtual network, in one that no checked file defines, or in "
        "one whose gateway shows neither condition.\n\n"
        "Both are warnings.\n\n"
        "Other security extensions (for example Microsoft Antimalware, publisher `Microsoft.Azure.Security`) "
        "are installed on purpose, not by Defender for Cloud's policy, and are not reported here (on a VM "
        "that migration cuts off, they are MIG210's, with the VM's other extensions); an extension "
        "whose `State` is `Uninstall` is not installed. A script that uninstalls the monitoring extension "
        "(`Remove-AzureVMExtension`, `azure vm extension set ... --uninstall`, a Python reference in the state "
        "`Uninstall`) is a warning of its own, at the removal: the planning guide has Defender for Cloud's "
        "policy stopped before the extension is removed, since the policy installs it again, and no file shows "
        "whether it is. A service configuration's DNS servers belong to its web and "
        "worker roles, never to VMs.\n\n"
        "Also the subscription's Defender for Cloud plan for VMs on the Standard tier, which installs the "
        "extension by itself: a `microsoft.security/pricings` row named `VirtualMachines` (or `default`, the "
        "subscription's one tier in the service's first API versions) whose `pricingTier` is `Standard`, from "
        "Resource Graph's `securityresources` table (`az graph query -q \"securityresources | where type =~ "
        "'microsoft.security/pricings'\"`) or `az security pricing list`, and the file that sets it: "
        "`Set-AzSecurityPricing -Name VirtualMachines -PricingTier Standard`, `az security pricing create -n "
        "VirtualMachines --tier Standard` (in a script, Makefile, Dockerfile, CI step or Ansible task), a "
        "template's or Bicep file's `Microsoft.Security/pricings` resource, Terraform's "
        "`azurerm_security_center_subscription_pricing` (its `resource_type` `VirtualMachines` unless written), "
        'a Python script\'s azure-mgmt-security `pricings.update("VirtualMachines", Pricing(pricing_tier='
        '"Standard"))` (`update(scope_id, ...)` from 7.0.0, `update_subscription_pricing` before 0.2.0). '
        "Such a file states no subscription: the plan is in the one it runs in or is deployed to, which may "
        "hold any classic VM of the files, and all are named; a file that sets the plan twice leaves the "
        "later tier, and a plan a runbook sets after its first migration Commit (enabled again once the VMs "
        "are in Resource Manager, as the planning guide has it) is not reported; in a Python script, after it in "
        "the order the script runs, so a plan a function sets is judged where the call of the function runs, "
        "not where the function is written (by its place in the file where the script also runs the classic "
        "CLI's migration steps). It is reported at the plan's row "
        "when the files checked hold classic VMs of its subscription — in an export that names the "
        "subscription, or in the other files of a subscription the exports name (with no export naming one, "
        "the only subscription the plans' export covers is taken as theirs; a cloud service an export places "
        "in one subscription is of that one) — and the message names them. When the plans cover several "
        "subscriptions and nothing tells which one the files' own VMs are in, each plan on Standard is "
        "reported with those VMs, saying that their subscription is not known: migcheck does not choose "
        "one, and a plan that may install the extension on them is not left unsaid. A "
        "Free plan, the other plans (`StorageAccounts`, ...) and a plan of a subscription with no classic VM "
        "among the files are not reported.",
        why="The 2017 overview lists the extension only with the two gateway conditions, and says why it "
        "fails: migrating a transit VPN gateway loses the indirect route to on-premises, and an ExpressRoute "
        "gateway is not kept in place, so the VM loses its on-premises DNS; the guest agent then cannot reach "
        "the VM's storage account to report the extension's status, and the migration does not proceed at "
        "commit. From 2018 on, and in the 2023 overview, every VM with the extension is an unsupported "
        "configuration: to migrate the VMs, the policy has to be disabled, which removes the extension. The "
        "planning guide adds that such monitoring extensions reinstall themselves after migration, so "
        "removing them costs nothing.",
        fix="Disable Defender for Cloud's policy (automatic provisioning of the monitoring extension) on the "
        "subscription before migrating — at least three hours before, where the warning applies — so that "
        "the extension is removed from the VMs and not reinstalled while they migrate; removing the extension "
        "by hand is not enough while the policy is on. Enable the policy again once the VMs are in Resource "
        "Manager. Where the subscription's plan for VMs is on the Standard tier, set it to Free "
        "(`Set-AzSecurityPricing -Name VirtualMachines -PricingTier Free`, or `az security pricing create -n "
        "VirtualMachines --tier free`), or exclude the classic VMs from its automatic provisioning, and set it "
        "back once they are migrated.",
    )
    invalid = (
        Example(
            {
                "network/NetworkConfig.netcfg": _NETCFG_ER_ONPREM_DNS,
                "rest/app.deployment.xml": _MONITORED_DEPLOYMENT,
            },
            expect=("rest/app.deployment.xml:7:9",),
            note="ExpressRoute and the on-premises DNS server dc01: a warning.",
        ),
        Example(
            {
                "vms/app02.xml": """
                <PersistentVM>
                  <RoleName>app02</RoleName>
                  <ResourceExtensionReferences>
                    <ResourceExtensionReference>
                      <Publisher>Microsoft.Azure.Security.Monitoring</Publisher>
                      <Name>AzureSecurityLinuxAgent</Name>
                      <Version>2.*</Version>
                    </ResourceExtensionReference>
                  </ResourceExtensionReferences>
                </PersistentVM>
                """
            },
            expect=("vms/app02.xml:4:5",),
            note="An Export-AzureVM file: the network is unknown, so the finding is info.",
        ),
        Example(
            {"inventory/classic.json": CLASSIC_VM_ROW, "inventory/defender.json": _PRICING_ROW},
            expect=("inventory/defender.json:3:5",),
            note="The plan for VMs on the Standard tier, in the subscription of the classic VM app03.",
        ),
    )
    valid = (
        Example(
            {
                "network/NetworkConfig.netcfg": _NETCFG_ER_ONPREM_DNS,
                "rest/app.deployment.xml": _MONITORED_DEPLOYMENT.replace(
                    "Security.Monitoring", "Security"
                ).replace("AzureSecurityWindowsAgent", "IaaSAntimalware"),
            },
            note="Microsoft Antimalware is installed on purpose, not by Defender for Cloud's policy.",
        ),
        Example(
            {
                "inventory/classic.json": CLASSIC_VM_ROW,
                "inventory/defender.json": _PRICING_ROW.replace('"Standard"', '"Free"'),
            },
            note="On the Free tier, Defender for Cloud installs nothing.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        yield from self._extensions(estate)
        yield from self._removals(estate)
        yield from self._plans(estate)

    def _removals(self, estate: Estate) -> Iterator[Finding]:
        """The monitoring extension a file uninstalls (a script's removal, a REST body in the state
        `Uninstall`): the planning guide has the policy stopped before the extension is removed, or the
        policy installs it again, which no file shows either way."""
        for vm, ext in _uninstalled_monitoring(estate):
            yield self.finding(
                ext,
                f"the Defender for Cloud monitoring extension {ext.name} is uninstalled from VM '{vm.name}' "
                "here, but while the subscription's Defender for Cloud policy is on, it installs it again, "
                "and the platform does not migrate a VM that has it",
                fix="Disable Defender for Cloud's policy (automatic provisioning of the monitoring extension) "
                "on the subscription before this removal runs, and check that the extension stays off; enable "
                "the policy again once the VMs are in Resource Manager.",
                subject=vm,
            )

    def _extensions(self, estate: Estate) -> Iterator[Finding]:
        monitored = [(vm, ext) for vm, ext in _installed(estate) if ext.is_security_monitoring]
        if not monitored:
            return
        cut_vms = _cut_off(estate, {id(vm) for vm, _ in monitored})
        for vm, ext in monitored:
            found = cut_vms.get(id(vm))
            if found is None:
                yield self.finding(
                    ext,
                    f"VM '{vm.name}' has the Defender for Cloud monitoring extension {ext.name}, with which the "
                    "platform does not migrate a VM, and which the subscription's Defender for Cloud policy "
                    "installs again while it is on",
                    fix="Disable Defender for Cloud's policy (automatic provisioning of the monitoring "
                    "extension) on the subscription before migrating, so that the extension is removed and "
                    "not reinstalled; enable it again once the VMs are in Resource Manager.",
                    subject=vm,
                )
                continue
            yield self.finding(
                ext,
                f"VM '{vm.name}' has the Defender for Cloud monitoring extension {ext.name} and its virtual "
                f"network {found.named} {found.reason}: migration cuts the VM off, so its agent cannot report the "
                "extension's status and the migration does not go on at Commit",
                subject=vm,
            )

    def _plans(self, estate: Estate) -> Iterator[Finding]:
        """The subscriptions' plans for VMs on the Standard tier, each where the files checked hold classic VMs
        of its subscription, or classic VMs whose subscription no file tells (see `_classic_vms`)."""
        plans = _vm_plans(estate)
        if not any(plan.standard for plan in plans):
            return
        covered = {plan.subscription for plan in plans}
        classic, unplaced = _classic_vms(estate, files_subscription(estate, covered))
        for plan in plans:
            vms = list(classic.get(plan.subscription, {}).values()) if plan.standard else []
            if plan.standard and not plan.subscription and not vms:
                # Set by a script or template in the subscription it runs in or is deployed to, which it does
                # not state: that of any classic VM of the files.
                vms = [name for held in classic.values() for name in held.values()] + unplaced
            if vms:
                yield self._plan_finding(plan, vms)
            elif plan.standard and unplaced:
                yield self._unplaced_finding(plan, unplaced, covered)

    def _plan_finding(self, plan: DefenderPlan, vms: list[str]) -> Finding:
        where = f" in subscription {plan.subscription}" if plan.subscription else ""
        return self.finding(
            plan,
            f"Defender for Cloud plan '{plan.name}' is on the Standard tier{where}: it installs its "
            f"monitoring extension on the subscription's VMs by itself, the classic ones too ({_vm_count(vms)} "
            f"among the files checked: {listed(vms, total=len(vms))}), with which the platform does not migrate "
            "them",
            fix=_free_plan_fix(plan),
        )

    def _unplaced_finding(self, plan: DefenderPlan, vms: list[str], covered: set[str]) -> Finding:
        """A plan on Standard when the files' classic VMs may be of its subscription or of another one the
        plans' export covers: no file tells which, so the finding says so rather than choose."""
        where = f" in subscription {plan.subscription}" if plan.subscription else ""
        others = sorted(covered - {""})
        plans_of = f"subscription{'s' if len(others) != 1 else ''} {', '.join(others)}"
        theirs = f"subscription {plan.subscription}" if plan.subscription else "the plan's subscription"
        return self.finding(
            plan,
            f"Defender for Cloud plan '{plan.name}' is on the Standard tier{where}: it installs its "
            f"monitoring extension on the subscription's VMs by itself, the classic ones too; the files "
            f"checked hold {_vm_count(vms)} ({listed(vms, total=len(vms))}) whose subscription no file "
            f"states, and the Defender plans checked are of {plans_of}: if they are in this one, the platform "
            "does not migrate them with the extension it installs",
            fix="Tell which subscription the classic VMs are in: check them with an export that names it "
            "(Resource Graph's `microsoft.classiccompute/virtualmachines` rows, with their `subscriptionId`) "
            'or declare it (`subscription = "<id>"` under `[inventory]` of a migcheck.toml). If they are in '
            f"{theirs}: {_free_plan_fix(plan)}",
        )


def _vm_count(vms: list[str]) -> str:
    return f"{len(vms)} classic VM{'s' if len(vms) != 1 else ''}"


def _free_plan_fix(plan: DefenderPlan) -> str:
    return (
        f"Before migrating, set the plan to Free (`Set-AzSecurityPricing -Name {plan.name} -PricingTier Free`, "
        f"or `az security pricing create -n {plan.name} --tier free`) — at least 3 hours before, where a VM's "
        "network gateway cuts it off from on-premises — or exclude the classic VMs from its automatic "
        "provisioning, so that the monitoring extension is removed from them and not reinstalled while they "
        "migrate; enable it again once the VMs are in Resource Manager."
    )


def _vm_plans(estate: Estate) -> list[DefenderPlan]:
    """The Defender plans for VMs the files hold, once each per subscription and name (two pages or two
    exports of one plan are one, the first kept; a file that sets one twice leaves the later tier). A plan a
    script sets after its first migration Commit is not the one its migration meets: the planning guide has
    the plan enabled again once the VMs are in Resource Manager. After it in the order the script runs, where
    its reader counts the steps that run before the plan (`DefenderPlan.after`); else after it in the file."""
    commits: dict[str, tuple[int, int]] = {}
    steps_to_commit: dict[str, int] = {}  # how many steps run before the script's first Commit
    for script in estate.resources(Script):
        for number, step in enumerate(script.migration):
            if step.step == "commit":
                at = (step.mark.line, step.mark.column)
                commits[step.mark.path] = min(commits.get(step.mark.path, at), at)
                steps_to_commit.setdefault(step.mark.path, number)
    plans: dict[tuple[str, str], DefenderPlan] = {}
    for plan in estate.resources(DefenderPlan):
        at = (plan.mark.line, plan.mark.column)
        path = plan.mark.path
        if plan.after is not None:
            if path in steps_to_commit and plan.after > steps_to_commit[path]:
                continue
        elif path in commits and at > commits[path]:
            continue
        held = plans.setdefault((plan.subscription, key(plan.name)), plan)
        if held.mark.path == plan.mark.path and (held.mark.line, held.mark.column) < at:
            plans[(plan.subscription, key(plan.name))] = plan
    return list(plans.values())


def files_subscription(estate: Estate, settings_of: set[str]) -> str | None:
    """The subscription the estate's cloud services, networks and other resources the files describe are
    of: the one whose classic resources the exports join to the files (or the declared one); with no export
    naming any, the only one of `settings_of`, the subscriptions of the settings a rule weighs (an export
    of one subscription's Defender plans or role assignments, checked with the files, is of their
    subscription). None when not known."""
    inventory = estate.inventory
    if inventory.subscription:
        return inventory.subscription
    named = {vm.subscription for vm in inventory.vms}
    named |= {network.subscription for network in inventory.networks}
    named |= {account.subscription for account in inventory.storage_accounts}
    if named - {""} or len(settings_of) != 1:
        return None
    return next(iter(settings_of))


# Classic VMs by subscription, each once per cloud service: (cloud service, VM name) → VM name.
_VmsBySubscription = dict[str, dict[tuple[str, str], str]]


def _classic_vms(estate: Estate, files: str | None) -> tuple[_VmsBySubscription, list[str]]:
    """The classic VMs among the files checked by subscription, and those of no subscription known. The
    exports' VMs are of the subscription they name. The VMs of the estate's cloud services are of `files`
    when it is known; otherwise of the one subscription whose exported VMs share their cloud service (cloud
    service names are unique in Azure), and else of none known: the files say nothing of it, and the
    subscriptions a plans' export covers are not told apart by guessing."""
    found: _VmsBySubscription = {}
    for vm in estate.inventory.vms:
        found.setdefault(vm.subscription, {}).setdefault((key(vm.service), key(vm.name)), vm.name)
    holders: dict[str, set[str]] = {}
    if files is None:
        for vm in estate.inventory.vms:
            if vm.subscription:
                holders.setdefault(key(vm.service), set()).add(vm.subscription)
    # A template's VM is a row of its own and a role of the cloud service the link gives it, its service's
    # name unstated in the one and a stand-in in the other: one VM, known by where the file writes it.
    rows = {vm.role.mark for vm in estate.inventory.vms if vm.role is not None and vm.role.mark is not None}
    unplaced: dict[tuple[str, str], str] = {}
    for service in estate.cloud_services:
        held = holders.get(key(service.name), set())
        if files is not None or len(held) == 1:
            ours = found.setdefault(files if files is not None else next(iter(held)), {})
        else:
            ours = unplaced
        for role in service.vms:
            if role.mark not in rows:
                ours.setdefault((key(service.name), key(role.name)), role.name)
    exported = {vm for vms in found.values() for vm in vms}
    return found, [name for vm, name in unplaced.items() if vm not in exported]


class SiteRecoveryExtension(Rule):
    code = "MIG209"
    name = "site-recovery-extension"
    severity = Severity.WARNING
    scope = Scope.CLOUD_SERVICES
    looks_at = frozenset({Extension})
    summary = (
        "A VM has the Azure Site Recovery extension: its replication must be set up again after migration."
    )
    fix_hint = (
        "Migrate, then disable replication of the VM in its Recovery Services vault and enable it again once "
        "its storage account is in Resource Manager; the VM is not protected in between."
    )
    source = (
        "Unsupported configurations — Compute: VM with Azure Site Recovery extension (2023 table): the "
        "migration of storage used with Site Recovery works, but current replication is impacted; disable and "
        "enable VM replication after storage migration."
    )
    docs = Docs(
        what="An extension of a VM published by "
        "Azure Site Recovery — `Microsoft.Azure.RecoveryServices.SiteRecovery`, or the same followed by a "
        "number such as `Microsoft.Azure.RecoveryServices.SiteRecovery2` — whatever its name (`Windows`, "
        "`Linux`, `LinuxRHEL7`, ...): a `ResourceExtensionReference` in REST bodies and Export-AzureVM files, "
        "an extension a script adds to a VM (PowerShell's `Set-AzureVMExtension -Publisher`, Python's "
        "`ResourceExtensionReference`, the classic CLI's `azure vm extension set`), and one an inventory "
        "export lists on a VM (a Resource Graph row's `extensions`, a `Get-AzureVM | ConvertTo-Json` "
        "export's `ResourceExtensionReferences`). It is the agent (Mobility service) extension Site Recovery installs on a "
        'VM it replicates. The platform\'s overview names it only as the "Azure Site Recovery extension": '
        "these publishers are the ones Site Recovery's extension has on Resource Manager VMs, and migcheck "
        "assumes that a classic VM's extension reference carries the same. Not reported: Azure Backup's "
        "`VMSnapshot` (publisher `Microsoft.Azure.RecoveryServices`, which is MIG206's), a reference without "
        "a publisher (the names alone are not Site Recovery's), and an extension whose `State` is "
        "`Uninstall`.",
        why="The 2023 overview lists VMs with the extension as an unsupported configuration, and says what "
        "happens to them: the storage the VM uses migrates, but the replication Site Recovery runs for it is "
        "disrupted and has to be disabled and enabled again after the storage migration. None of the "
        "platform's validation errors concerns the extension, so the migration goes through: a warning, for "
        "protection that has to be redone.",
        fix="Plan for a time without disaster-recovery protection. Migrate the VM with its network and storage "
        "account; then, in the Recovery Services vault, disable replication of the VM and enable it again for "
        "the Resource Manager VM, which starts a new initial replication. If the workload cannot be without "
        "protection that long, take a backup or fail it over before migrating.",
    )
    invalid = (
        Example(
            {
                "dr.xml": """
                <PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure">
                  <RoleName>erp01</RoleName>
                  <RoleType>PersistentVMRole</RoleType>
                  <ResourceExtensionReferences>
                    <ResourceExtensionReference>
                      <ReferenceName>SiteRecovery-Windows</ReferenceName>
                      <Publisher>Microsoft.Azure.RecoveryServices.SiteRecovery</Publisher>
                      <Name>Windows</Name>
                      <Version>1.0</Version>
                      <State>Enable</State>
                    </ResourceExtensionReference>
                  </ResourceExtensionReferences>
                </PersistentVMRole>
                """
            },
            expect=("dr.xml:5:5",),
        ),
        Example(
            {
                "vms/erp02.xml": """
                <PersistentVM>
                  <RoleName>erp02</RoleName>
                  <ResourceExtensionReferences>
                    <ResourceExtensionReference>
                      <ReferenceName>SiteRecovery-Linux</ReferenceName>
                      <Publisher>Microsoft.Azure.RecoveryServices.SiteRecovery2</Publisher>
                      <Name>LinuxUBUNTU2004</Name>
                      <Version>1.0</Version>
                    </ResourceExtensionReference>
                  </ResourceExtensionReferences>
                </PersistentVM>
                """
            },
            expect=("vms/erp02.xml:4:5",),
            note="An Export-AzureVM file, with the publisher newer Linux distributions use.",
        ),
    )
    valid = (
        Example(
            {
                "vms/erp02.xml": """
                <PersistentVM>
                  <RoleName>erp02</RoleName>
                  <ResourceExtensionReferences>
                    <ResourceExtensionReference>
                      <Publisher>Microsoft.Azure.RecoveryServices</Publisher>
                      <Name>VMSnapshotLinux</Name>
                      <Version>1.0</Version>
                    </ResourceExtensionReference>
                    <ResourceExtensionReference>
                      <Publisher>Microsoft.Azure.RecoveryServices.SiteRecovery</Publisher>
                      <Name>Linux</Name>
                      <Version>1.0</Version>
                      <State>Uninstall</State>
                    </ResourceExtensionReference>
                  </ResourceExtensionReferences>
                </PersistentVM>
                """
            },
            note="Azure Backup's snapshot extension is MIG206's; a Site Recovery extension being uninstalled "
            "is not reported.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for vm, ext in _installed(estate):
            if ext.is_site_recovery:
                yield self.finding(
                    ext,
                    f"VM '{vm.name}' has the Azure Site Recovery extension {ext.name}{_version(ext)} "
                    f"({ext.publisher}): its replication is disrupted by the migration; disable and enable "
                    "replication again once its storage account is migrated",
                    subject=vm,
                )


# The extensions another rule already asks to remove before migrating, whatever the VM's network: the XML
# ones, BGInfo 1.* among them, which the planning guide leaves on the VM (MIG204), Azure Backup's (MIG206)
# and Defender for Cloud's (MIG207, which says how its policy removes it). MIG210 reports the others.
def _cut_off_matters(ext: Extension) -> bool:
    return not (ext.is_xml or ext.is_backup or ext.is_security_monitoring)


def _described(extensions: list[Extension]) -> list[str]:
    """Each extension once, as a message names it: name, version and publisher."""
    seen = {(e.publisher.casefold(), e.name.casefold()): e for e in reversed(extensions)}
    return [f"{e.name}{_version(e)} ({e.publisher})" for e in reversed(seen.values())]


_CUT_OFF_FIX = (
    "Before Prepare, uninstall the extensions from each running VM, one call per extension "
    f"({_GET_VM} | Remove-AzureVMExtension -ExtensionName '<extension>' -Publisher '<publisher>' | "
    "Update-AzureVM, or Set-AzureVMExtension with the same name and publisher and -Uninstall), and add them "
    "back with Set-AzVMExtension once the VMs are in Resource Manager, after Commit (Azure Diagnostics and "
    "Defender for Cloud's monitoring extension reinstall themselves). Or stop (deallocate) the VMs before "
    "Prepare (Stop-AzureVM without -StayProvisioned): a deallocated VM's extensions need not be removed, but "
    "a cloud service whose VMs are all deallocated loses its VIP unless it is reserved first "
    "(New-AzureReservedIP -ServiceName)."
)
_NSG_FIX = (
    "During the migration, let the VM reach the Internet over HTTPS, at least Azure storage: an outbound Allow "
    "of a lower priority number than the Deny (Set-AzureNetworkSecurityRule -Type Outbound -Action Allow "
    "-DestinationAddressPrefix INTERNET -DestinationPortRange 443 -Protocol TCP), or remove the Deny "
    "(Remove-AzureNetworkSecurityRule), with DNS working and the VM agent reporting Ready. Or, before Prepare, "
    "uninstall the extensions from each running VM "
    f"({_GET_VM} | Remove-AzureVMExtension -ExtensionName '<extension>' -Publisher '<publisher>' | "
    "Update-AzureVM) and add them back with Set-AzVMExtension after Commit; or stop (deallocate) the VMs "
    "before Prepare."
)
# The classic CLI's words: `extension set -u` uninstalls, `vm shutdown` deallocates unless given
# `--stay-provisioned`, and it cannot reserve a deployment's VIP (MIG105).
_CLI_UNINSTALL = (
    "azure vm extension set '<VM>' '<extension>' '<publisher>' '<version>' -u -d '<cloud service>'"
)
_CLI_CUT_OFF_FIX = (
    "Before Prepare, uninstall the extensions from each running VM, one command per extension "
    f"(`{_CLI_UNINSTALL}`), and add them back with Set-AzVMExtension or `az vm extension set` once the VMs are "
    "in Resource Manager, after Commit (Azure Diagnostics and Defender for Cloud's monitoring extension "
    "reinstall themselves). Or stop (deallocate) the VMs before Prepare (`azure vm shutdown '<VM>' -d "
    "'<cloud service>'` without `--stay-provisioned`): a deallocated VM's extensions need not be removed, but "
    "a cloud service whose VMs are all deallocated loses its VIP unless it is reserved first (the classic CLI "
    "cannot: run PowerShell's `New-AzureReservedIP -ServiceName` once)."
)
_CLI_NSG_FIX = (
    "During the migration, let the VM reach the Internet over HTTPS, at least Azure storage: an outbound Allow "
    "of a lower priority number than the Deny (`azure network nsg rule create '<group>' '<rule>' -r Outbound "
    "-c Allow -e INTERNET -u 443 -p Tcp -y <priority>`), or remove the Deny (`azure network nsg rule delete "
    "'<group>' '<rule>'`), with DNS working and the VM agent reporting Ready. Or, before Prepare, uninstall "
    f"the extensions from each running VM (`{_CLI_UNINSTALL}`) and add them back with Set-AzVMExtension or "
    "`az vm extension set` after Commit; or stop (deallocate) the VMs before Prepare."
)
_CUSTOM_SCRIPT_DEPLOYMENT = _MONITORED_DEPLOYMENT.replace(
    "<Publisher>Microsoft.Azure.Security.Monitoring</Publisher>\n"
    "          <Name>AzureSecurityWindowsAgent</Name>",
    "<Publisher>Microsoft.Compute</Publisher>\n          <Name>CustomScriptExtension</Name>",
)


_NSG_DENYING_INTERNET = """
<NetworkSecurityGroup xmlns="http://schemas.microsoft.com/windowsazure">
  <Name>app-nsg</Name>
  <Location>West Europe</Location>
  <Rules>
    <Rule>
      <Name>deny-internet</Name><Type>Outbound</Type><Priority>200</Priority><Action>Deny</Action>
      <SourceAddressPrefix>*</SourceAddressPrefix><SourcePortRange>*</SourcePortRange>
      <DestinationAddressPrefix>INTERNET</DestinationAddressPrefix><DestinationPortRange>*</DestinationPortRange>
      <Protocol>*</Protocol>
    </Rule>
  </Rules>
</NetworkSecurityGroup>
"""
_CUSTOM_SCRIPT_IN_NSG = _MONITORED_DEPLOYMENT.replace(
    "<Publisher>Microsoft.Azure.Security.Monitoring</Publisher>\n"
    "          <Name>AzureSecurityWindowsAgent</Name>",
    "<Publisher>Microsoft.Compute</Publisher>\n          <Name>CustomScriptExtension</Name>",
).replace(
    "<RoleType>PersistentVMRole</RoleType>\n",
    "<RoleType>PersistentVMRole</RoleType>\n"
    "      <ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
    "<NetworkSecurityGroup>app-nsg</NetworkSecurityGroup></ConfigurationSet></ConfigurationSets>\n",
)
_NSG_SCRIPT = """
New-AzureNetworkSecurityGroup -Name "web-nsg" -Location "West Europe"
Get-AzureNetworkSecurityGroup -Name "web-nsg" |
    Set-AzureNetworkSecurityRule -Name "no-internet" -Type Outbound -Priority 300 -Action Deny `
        -SourceAddressPrefix "*" -SourcePortRange "*" -DestinationAddressPrefix "*" `
        -DestinationPortRange "*" -Protocol "*"
Get-AzureNetworkSecurityGroup -Name "web-nsg" |
    Set-AzureNetworkSecurityGroupToSubnet -VirtualNetworkName "app-vnet" -SubnetName "web"
"""
_NETCFG_WEB_SUBNET = """
<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">
  <VirtualNetworkConfiguration>
    <VirtualNetworkSites>
      <VirtualNetworkSite name="app-vnet" Location="West Europe">
        <AddressSpace><AddressPrefix>10.4.0.0/16</AddressPrefix></AddressSpace>
        <Subnets><Subnet name="web"><AddressPrefix>10.4.1.0/24</AddressPrefix></Subnet></Subnets>
      </VirtualNetworkSite>
    </VirtualNetworkSites>
  </VirtualNetworkConfiguration>
</NetworkConfiguration>
"""
_VM_IN_WEB_SUBNET = """
$vm = New-AzureVMConfig -Name "web01" -InstanceSize "Medium" -ImageName $image |
    Set-AzureSubnet -SubnetNames "web" |
    Set-AzureVMExtension -ExtensionName "CustomScriptExtension" -Publisher "Microsoft.Compute" -Version "1.*"
New-AzureVM -ServiceName "web" -VMs $vm -VNetName "app-vnet" -Location "West Europe"
"""


class ExtensionsCutOff(Rule):
    code = "MIG210"
    name = "extensions-cut-off"
    severity = Severity.WARNING
    scope = Scope.CLOUD_SERVICES
    looks_at = frozenset({Extension, VirtualNetwork, RoleInstance})
    also_reads = frozenset({SecurityRule})
    cases_in = frozenset({Extension})
    summary = (
        "A running VM has extensions (other than BGInfo 1.*) while its network's gateway cuts it off from "
        "on-premises during migration (a transit VPN, or ExpressRoute with an on-premises DNS server), or a "
        "network security group on its subnet or on the VM denies outbound Internet access."
    )
    fix_hint = _CUT_OFF_FIX
    fix_in = {_CUT_OFF_FIX: {Tool.CLASSIC_CLI: _CLI_CUT_OFF_FIX}, _NSG_FIX: {Tool.CLASSIC_CLI: _CLI_NSG_FIX}}
    source = (
        "Planning guide — VM Extensions: if connectivity to a DNS server is lost during migration, all VM "
        "Extensions except BGInfo v1.* need to first be removed from every VM before migration prepare, and "
        "re-added after migration; only for VMs that are running, not stopped deallocated (Remediation "
        "Options 1 and 2); network security groups must not restrict outbound internet access, which (with "
        "DNS) extensions need to be migrated. Gateway migration: transit scenarios where VM extensions are "
        "connected to on-premises servers are not supported. Validation error (errors 2023): VM {vm-name} ... contains "
        "Extension {extension-name} whose Status isn't being reported from the VM — a common cause: the VNET "
        "has on premises DNS servers and DNS connectivity is lost, or a Network Security Group blocks outbound "
        "access to the internet."
    )
    docs = Docs(
        what="A VM with one or more installed extensions in a virtual network that migration cuts off from "
        "on-premises, as MIG207 decides it for the Defender for Cloud extension: the network's gateway is in "
        "*transit connectivity* (a site-to-site connection to a local network site that aggregates another "
        "virtual network with a gateway of its own and on-premises addresses the network's own connections do "
        "not reach), or is linked to ExpressRoute (a `Dedicated` connection, a script's "
        "`New-AzureDedicatedCircuitLink` or an export of the circuit's links, as MIG302 takes it) while the "
        "VM uses an on-premises DNS server (the network's own DNS "
        "servers, from every file that describes it, and those of the VM's deployment; one whose address is "
        "in no virtual network of the files and is in a local network site's address space or private: RFC "
        "1918, or RFC 6598's 100.64.0.0/10, which the circuit's routes reach with no local site stating them); "
        "one in a site the gateway reaches by site-to-site VPN is said to be reached through that VPN, which "
        "the ExpressRoute migration removes with the gateway's other connections, and so is one in another "
        "virtual network of the files that a VNet-to-VNet site of the gateway stands for, unless that network "
        "is linked to ExpressRoute too (reached through ExpressRoute, which its migration keeps). The VMs and their extensions "
        "are read from every format that states them: REST deployment bodies and GET responses, "
        "Export-AzureVM files, `Get-AzureVM | ConvertTo-Json` exports, PowerShell and Python scripts, and "
        "Resource Graph exports of classic VMs (`properties.extensions`), joined with the network "
        "configuration, REST network bodies or network exports that define the network. One finding per VM, "
        "naming its extensions, at the first of them.\n\n"
        "Not reported: a VM the files show stopped (deallocated) (`StoppedDeallocated` in a GET response, an "
        "export's instance status); a VM whose state no file states (Export-AzureVM files, scripts) is taken "
        "as running, as a script's VMs are once made. Not counted among a VM's extensions: the XML extensions, "
        "BGInfo 1.* among them, which the planning guide exempts (MIG204 reports the others), Azure Backup's "
        "snapshot extension (MIG206) and Defender for Cloud's monitoring extension (MIG207): each is reported "
        "once, by the rule that says how to remove it. An extension whose `State` is `Uninstall` is not "
        "installed.\n\n"
        "The planning guide's other cause: a network security group that denies outbound Internet access, on "
        "the VM's subnet (a REST network body's `NetworkSecurityGroup`, "
        "`Set-AzureNetworkSecurityGroupToSubnet`, the classic CLI's `azure network nsg subnet add` and "
        "`azure network vnet subnet create -o`) or on the VM (`Set-AzureNetworkSecurityGroupConfig`, a "
        "network configuration set's `NetworkSecurityGroup`). A group's rules are read from "
        "`Set-AzureNetworkSecurityRule` (the group piped in or given as `-NetworkSecurityGroup`; "
        "`Remove-AzureNetworkSecurityRule` takes one away), the classic CLI's `azure network nsg rule "
        "create` (a value it is not given is the CLI's default: type Inbound, action Allow, protocol Tcp, "
        "ports 80, priority 100, prefixes `*`; `nsg rule set` changes the values it is given and keeps "
        "the rule's others, unknown for a rule the script does not create; `nsg rule delete` takes one "
        "away), a Python script's `perform_put` of a `<Rule>` to "
        "`.../networksecuritygroups/<group>/rules/<rule>`, and REST bodies of a group with its rules (Get "
        "Network Security Group with `detaillevel=Full`, `Get-AzureNetworkSecurityGroup -Detailed`). The "
        "outbound rules are taken as the platform takes them: by priority, lowest number first, the first "
        "that matches decides, and the default rule ALLOW INTERNET OUTBOUND (65001) allows what none of "
        "them denies. A group denies the VM's outbound Internet access when a Deny to `INTERNET`, `*` or "
        "`0.0.0.0/0`, of port 443 (or a range holding it, or `*`), TCP or `*`, from any source (or, for a "
        "group on the VM's subnet, from a range holding the subnet's prefix), comes "
        "before every Allow that may let HTTPS to the Internet through, and a rule from a range apart from "
        "that subnet's does not apply to the VM; it *may* deny it when such a rule "
        "states a value the file does not (a script's variable), applies to a source range that may or "
        "may not hold the VM (part of its subnet, or any range where the subnet's prefix is not known or "
        "the group is set on the VM), or comes after an Allow of some Internet addresses (which may be those of "
        "Azure storage). A rule a script sets or removes on a path that may not run (in an `if` on a value "
        "it does not state) may or may not be there: a Deny so set *may* deny at most, an Allow so set lets "
        "nothing surely through, and the rule it would replace or remove may still apply. The message names "
        "the group, the rule and where it is written.",
        why="A running VM's extensions report their status through the VM's guest agent, which needs DNS and "
        "outbound access to reach the VM's storage account. The planning guide says that where connectivity "
        "to a DNS server is lost during migration, every extension but BGInfo v1.* has to be removed from "
        "each running VM before Prepare, and that this does not apply to VMs stopped (deallocated); the "
        "gateway migration guide lists transit scenarios with extensions connected to on-premises servers "
        "as unsupported, the planning guide asks that network security groups not restrict outbound "
        "Internet access, which extensions need to be migrated, and the errors page names on-premises DNS "
        "servers whose connectivity is lost, and a network security group that blocks outbound access to "
        "the internet, as causes of extension status not being reported, which stops the VM's migration. It "
        "is a warning, as MIG207's is for the Defender extension: the VM migrates once its extensions are "
        "removed (or its group lets them through), and they are to be added again afterwards. When the status would stop being reported, at Validate or later, "
        "depends on when the connectivity is lost (an ExpressRoute network's connections are removed before "
        "Validate, a transit network loses its way as its gateway migrates): remove them before it is, and "
        "at the latest before Prepare.",
        fix="Remediation option 1 of the planning guide: before Prepare, uninstall the extensions from each "
        "running VM (the VM, `Get-AzureVM -ServiceName ... -Name ...`, piped to `Remove-AzureVMExtension` "
        "with the extension's name and publisher, or to `Set-AzureVMExtension` with `-Uninstall`, piped to "
        "`Update-AzureVM`), and add them back once the VMs are in Resource Manager, after Commit "
        "(`Set-AzVMExtension`). Azure Diagnostics and Defender for Cloud's monitoring extension reinstall "
        "themselves. Option 2: stop (deallocate) the VMs before Prepare (`Stop-AzureVM` without "
        "`-StayProvisioned`); their extensions then need not be removed, but a cloud service whose VMs are "
        "all deallocated loses its public VIP unless it is reserved first (`New-AzureReservedIP "
        "-ServiceName`). Where the network can keep its way to on-premises instead (an explicit connection "
        "to the local network gateway for a transit network, DNS servers in Azure), the extensions can stay. "
        "Where a network security group denies outbound Internet access, let it through during the "
        "migration, at least to Azure storage over HTTPS (an outbound Allow of a lower priority number than "
        "the Deny, `Set-AzureNetworkSecurityRule -Type Outbound -Action Allow -DestinationAddressPrefix "
        "INTERNET -DestinationPortRange 443 -Protocol TCP`, or remove the Deny), with DNS working and the "
        "VM agent reporting its status as Ready; or remove the extensions before Prepare as above. The "
        "migration clones the group into Resource Manager as it is.",
    )
    invalid = (
        Example(
            {
                "network/NetworkConfig.netcfg": _NETCFG_ER_ONPREM_DNS,
                "rest/app.deployment.xml": _CUSTOM_SCRIPT_DEPLOYMENT,
            },
            expect=("rest/app.deployment.xml:7:9",),
            note="ExpressRoute and the on-premises DNS server dc01: the Custom Script extension must go.",
        ),
        Example(
            {
                "network/NetworkConfig.netcfg": _NETCFG_ER_ONPREM_DNS,
                "deploy/app.ps1": """
                $vm = New-AzureVMConfig -Name "app02" -InstanceSize "Medium" -ImageName $image |
                    Set-AzureVMBGInfoExtension -Version "1.*" |
                    Set-AzureVMExtension -ExtensionName "VMAccessForLinux" -Publisher "Microsoft.OSTCExtensions" -Version "1.*"
                New-AzureVM -ServiceName "app" -VMs $vm -VNetName "er-vnet" -Location "West Europe"
                """,
            },
            expect=("deploy/app.ps1:3:41",),
            note="A PowerShell script: BGInfo 1.* may stay, the VM access extension may not.",
        ),
        Example(
            {
                "network/NetworkConfig.netcfg": _NETCFG_ER_ONPREM_DNS,
                "create_app.py": """
                from azure.servicemanagement import ResourceExtensionReference, ServiceManagementService

                sms = ServiceManagementService("subscription-id", "management.pem")
                script = ResourceExtensionReference(
                    "CustomScript", "Microsoft.Compute", "CustomScriptExtension", "1.*"
                )
                sms.create_virtual_machine_deployment(
                    "app", "app", "production", "app", "app03", None, None, None,
                    virtual_network_name="er-vnet", resource_extension_references=[script],
                )
                """,
            },
            expect=("create_app.py:5:42",),
            note="A Python script, reported at the name its reference is given.",
        ),
        Example(
            {"rest/app-nsg.xml": _NSG_DENYING_INTERNET, "rest/app.deployment.xml": _CUSTOM_SCRIPT_IN_NSG},
            expect=("rest/app.deployment.xml:8:9",),
            note="A REST body of the group with its rules: the group set on the VM denies outbound Internet "
            "access.",
        ),
        Example(
            {
                "network/NetworkConfig.netcfg": _NETCFG_WEB_SUBNET,
                "deploy/nsg.ps1": _NSG_SCRIPT,
                "deploy/web.ps1": _VM_IN_WEB_SUBNET,
            },
            expect=("deploy/web.ps1:3:41",),
            note="The group of the VM's subnet denies every outbound destination.",
        ),
    )
    valid = (
        Example(
            {
                "network/NetworkConfig.netcfg": _NETCFG_ER_ONPREM_DNS,
                "rest/app.deployment.xml": _CUSTOM_SCRIPT_DEPLOYMENT.replace(
                    "  <RoleList>",
                    "  <RoleInstanceList>\n"
                    "    <RoleInstance><RoleName>app01</RoleName><InstanceName>app01</InstanceName>"
                    "<InstanceStatus>StoppedDeallocated</InstanceStatus></RoleInstance>\n"
                    "  </RoleInstanceList>\n  <RoleList>",
                ),
            },
            note="A VM stopped (deallocated) keeps its extensions.",
        ),
        Example(
            {
                "network/NetworkConfig.netcfg": _NETCFG_ER_ONPREM_DNS,
                "rest/app.deployment.xml": _CUSTOM_SCRIPT_DEPLOYMENT.replace(
                    "<Publisher>Microsoft.Compute</Publisher>\n          <Name>CustomScriptExtension</Name>",
                    "<Publisher>Microsoft.Compute</Publisher>\n          <Name>BGInfo</Name>",
                ),
            },
            note="BGInfo 1.* need not be removed (MIG204 reports it for its own reason).",
        ),
        Example(
            {
                "network/NetworkConfig.netcfg": _NETCFG_ER_ONPREM_DNS.replace("192.168.10.4", "10.4.0.4"),
                "rest/app.deployment.xml": _CUSTOM_SCRIPT_DEPLOYMENT,
            },
            note="A DNS server inside the virtual network is not cut off by ExpressRoute's migration.",
        ),
        Example(
            {
                "network/NetworkConfig.netcfg": _NETCFG_WEB_SUBNET,
                "deploy/nsg.ps1": _NSG_SCRIPT.replace(
                    'Get-AzureNetworkSecurityGroup -Name "web-nsg" |\n    Set-AzureNetworkSecurityGroupToSubnet',
                    'Get-AzureNetworkSecurityGroup -Name "web-nsg" |\n'
                    '    Set-AzureNetworkSecurityRule -Name "https-out" -Type Outbound -Priority 200 -Action Allow `\n'
                    '        -SourceAddressPrefix "*" -SourcePortRange "*" -DestinationAddressPrefix "INTERNET" `\n'
                    '        -DestinationPortRange "443" -Protocol "TCP"\n'
                    'Get-AzureNetworkSecurityGroup -Name "web-nsg" |\n    Set-AzureNetworkSecurityGroupToSubnet',
                ),
                "deploy/web.ps1": _VM_IN_WEB_SUBNET,
            },
            note="An outbound Allow of HTTPS to the Internet at a lower number comes before the Deny.",
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        installed: dict[int, tuple[Role, list[Extension]]] = {}
        for vm, ext in _installed(estate):
            if _cut_off_matters(ext):
                installed.setdefault(id(vm), (vm, []))[1].append(ext)
        cut_vms = _cut_off(estate, set(installed))
        denied_vms = _denied_outbound(estate, set(installed))
        for vm_id, (vm, extensions) in installed.items():
            found, denied = cut_vms.get(vm_id), denied_vms.get(vm_id)
            if found is not None and _deallocated(vm, found.placement):
                continue
            if denied is not None and _deallocated(vm, denied[1]):
                denied = None
            if found is None and denied is None:
                continue
            yield self.finding(
                vm,
                _cut_off_message(vm, extensions, found, denied[0] if denied is not None else None),
                fix=_NSG_FIX if found is None else _CUT_OFF_FIX,
                at=extensions[0],
                subject=vm,  # one per VM, at its first extension
            )


def _cut_off_message(
    vm: Role, extensions: list[Extension], cut: _CutOff | None, denied: _Denied | None
) -> str:
    """MIG210's message: the VM's extensions, what cuts the VM off (its network's gateway, its network
    security group, or both), and what to do; a group alone can let the extensions' traffic through."""
    names = _described(extensions)
    them = "them" if len(names) > 1 else "it"
    causes = [f"its virtual network {cut.named} {cut.reason}, which migration cuts off"] if cut else []
    causes += [denied.words()] if denied else []
    remedy = f"uninstall {them} before Prepare and add {them} back after Commit, or stop (deallocate) the VM"
    if cut is None and denied is not None:
        remedy = (
            f"allow outbound Internet access, at least to Azure storage, in '{denied.group}' during the "
            f"migration (the VM agent must report Ready), or {remedy}"
        )
    return (
        f"VM '{vm.name}' has the extension{'s' if len(names) > 1 else ''} {listed(names, quote='')} and "
        f"{'; and '.join(causes)}: a running VM's extensions then report no status and it does not migrate; "
        f"{remedy}"
    )


def _deallocated(vm: Role, placement: Placement) -> bool:
    """Whether the files show `vm` stopped (deallocated): a GET response's or an export's instance status."""
    return any(
        state_letters(instance.status) in DEALLOCATED_STATES
        for named, instance in placement.vm_instances
        if named is vm
    )
