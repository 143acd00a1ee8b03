"""Rules about what a cloud service holds: web/worker roles, availability sets, reserved IPs."""

from __future__ import annotations

from collections.abc import Iterator

from migcheck.estate import Estate
from migcheck.model import FileKind, Finding, Severity
from migcheck.rule import Docs, Example, Rule, Scope


class WebWorkerRole(Rule):
    code = "MIG101"
    name = "web-worker-role"
    severity = Severity.ERROR
    scope = Scope.CLOUD_SERVICES
    inspects = frozenset({FileKind.SERVICE_DEFINITION, FileKind.REST})
    summary = "A cloud service has web or worker roles, which the platform migration cannot move."
    fix_hint = (
        "Redeploy the service as Cloud Services (extended support) or rebuild it on App Service or VMs; "
        "the VM migration cannot move web/worker roles."
    )
    source = "Unsupported configurations — Compute: Cloud services that contain web/worker roles."
    docs = Docs(
        what="Every web role, worker role and legacy VM role of a cloud service: `WebRole`, `WorkerRole` and "
        "`VirtualMachineRole` in a .csdef, and roles of a REST deployment whose `RoleType` is not "
        "`PersistentVMRole`.",
        why="The platform-supported migration moves IaaS virtual machines only. Validation of a cloud service "
        "that contains web/worker roles fails, and a virtual network that holds such a service cannot be "
        "migrated either.",
        fix="Move the service to Cloud Services (extended support), which has its own migration path, or "
        "rebuild it on App Service or virtual machines. Move any VMs that share its virtual network first.",
    )
    invalid = (
        Example(
            {
                "ServiceDefinition.csdef": """
                <ServiceDefinition name="shop"
                    xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
                  <WebRole name="Storefront" vmsize="Small">
                    <Endpoints><InputEndpoint name="HttpIn" protocol="http" port="80"/></Endpoints>
                  </WebRole>
                </ServiceDefinition>
                """
            },
            expect=("ServiceDefinition.csdef:3:3",),
        ),
        Example(
            {
                "deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>shop-prod</Name>
                  <RoleList>
                    <Role><RoleName>Jobs</RoleName><RoleType>WorkerRole</RoleType></Role>
                  </RoleList>
                </Deployment>
                """
            },
            expect=("deployment.xml:4:5",),
        ),
    )
    valid = (
        Example(
            {
                "deployment.xml": """
                <Deployment xmlns="http://schemas.microsoft.com/windowsazure">
                  <Name>jump</Name>
                  <RoleList>
                    <Role><RoleName>jump01</RoleName><RoleType>PersistentVMRole</RoleType></Role>
                  </RoleList>
                </Deployment>
                """
            }
        ),
    )

    def check(self, estate: Estate) -> Iterator[Finding]:
        for service in estate.cloud_services:
            for role in service.roles:
                yield self.finding(
                    role,
                    f"cloud service '{service.name}' has {_article(role.type.value)} {role.type.value} "
                    f"'{role.name}': web/worker roles cannot be migrated by the platform",
                )


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"
