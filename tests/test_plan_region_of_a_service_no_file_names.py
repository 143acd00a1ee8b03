"""A deployment body that names no service (a Create Deployment request saved on its own) is a deployment of
a cloud service no file names: its commands name the service by a placeholder, and so they name its region.
A Create Hosted Service body in the same folder, for a service named as the deployment is, does not join the
deployment (the manual: such a body joins a service a body in its folder names only when that service's
deployment holds all its VMs), so its region is not the deployment's either: the reserved IP that keeps the
VIP used to be created in that body's region, for a service the same command named by its stand-in (`<cloud service of deployment web01, create-deployment.xml>`)."""

from __future__ import annotations

REST = 'xmlns="http://schemas.microsoft.com/windowsazure"'

DEPLOYMENT = (
    f"<Deployment {REST}><Name>web01</Name><DeploymentSlot>Production</DeploymentSlot><Label>d2ViMDE=</Label>"
    "<RoleList><Role><RoleName>web01</RoleName><RoleType>PersistentVMRole</RoleType><ConfigurationSets>"
    "<ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType><InputEndpoints>"
    "<InputEndpoint><LocalPort>22</LocalPort><Name>ssh</Name><Port>22</Port><Protocol>tcp</Protocol>"
    "</InputEndpoint></InputEndpoints></ConfigurationSet></ConfigurationSets><OSVirtualHardDisk>"
    "<MediaLink>https://st1.blob.core.windows.net/vhds/web01.vhd</MediaLink><SourceImageName>img"
    "</SourceImageName></OSVirtualHardDisk><RoleSize>Small</RoleSize></Role></RoleList></Deployment>\n"
)
SERVICE = (
    f"<CreateHostedService {REST}><ServiceName>web01</ServiceName><Label>d2ViMDE=</Label>"
    "<Location>East US</Location></CreateHostedService>\n"
)


def _downtime(plan: object) -> str:
    [step] = [s for s in plan.steps if "web01" in s.name]  # type: ignore[attr-defined]
    return step.downtime


def test_a_deployment_of_a_service_no_file_names_takes_no_region_from_a_namesake_service(plan_of):
    plan = plan_of({"create-deployment.xml": DEPLOYMENT, "create-service.xml": SERVICE})
    assert (
        "-Location '<region>' -ServiceName '<cloud service of deployment web01, create-deployment.xml>'"
        in _downtime(plan)
    )


def test_the_deployment_alone_names_neither(plan_of):
    plan = plan_of({"create-deployment.xml": DEPLOYMENT})
    assert (
        "-Location '<region>' -ServiceName '<cloud service of deployment web01, create-deployment.xml>'"
        in _downtime(plan)
    )
