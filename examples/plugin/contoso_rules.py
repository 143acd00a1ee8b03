"""Contoso's house rule, as a migcheck plugin: VMs of the retired Basic tier must be resized before they
migrate, because Contoso's ARM landing zone only allows Standard sizes."""

from __future__ import annotations

from migcheck.hookspecs import hookimpl
from migcheck.model import Role, Severity
from migcheck.rule import Docs, Example, Rule, Scope


class BasicTierVm(Rule):
    code = "CTS001"
    name = "basic-tier-vm"
    severity = Severity.WARNING
    scope = Scope.CLOUD_SERVICES
    looks_at = frozenset({Role})  # the resource types it reads
    summary = "A VM uses a Basic-tier size, which the Contoso landing zone does not allow."
    fix_hint = "Resize the VM to a Standard size (for example Standard_A2_v2) before migrating."
    source = "Contoso cloud platform standard CPS-12: only Standard VM sizes in Azure Resource Manager."
    docs = Docs(
        what="VMs whose `RoleSize` starts with `Basic_`.",
        why="After migration the VM would land in a subscription whose policy denies Basic sizes.",
        fix="Resize with `Set-AzureVMSize` before migration.",
    )
    invalid = (
        Example(
            {
                "vms/web01.xml": "<PersistentVM>\n  <RoleName>web01</RoleName>\n  <RoleSize>Basic_A1</RoleSize>\n</PersistentVM>\n"
            },
            expect=("vms/web01.xml:1:1",),
        ),
    )
    valid = (
        Example(
            {
                "vms/web01.xml": "<PersistentVM>\n  <RoleName>web01</RoleName>\n  <RoleSize>Standard_A2</RoleSize>\n</PersistentVM>\n"
            }
        ),
    )

    def check(self, estate):
        for service in estate.cloud_services:
            for vm in service.vms:
                if vm.size.lower().startswith("basic_"):
                    yield self.finding(vm, f"VM '{vm.name}' has Basic-tier size {vm.size}")


@hookimpl
def migcheck_rules():
    return [BasicTierVm]
