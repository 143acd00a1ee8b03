"""A deployment body (REST `Deployment`) with no `Url` and no enclosing `HostedService` names no cloud
service: the readiness summary and the plan show its service as one whose name is unknown, never as a
service named after the deployment."""

from __future__ import annotations

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.plan import StepKind
from migcheck.plugins import load_rules
from migcheck.readers.deployment import read
from migcheck.readers.xml import Marker, decode, parse
from migcheck.report import render
from migcheck.report.readiness import ScopeKind, readiness

REST = 'xmlns="http://schemas.microsoft.com/windowsazure"'
ROLES = """\
<RoleList><Role>
  <RoleName>web1</RoleName><RoleType>PersistentVMRole</RoleType>
  <OSVirtualHardDisk><MediaLink>https://acct.blob.core.windows.net/vhds/web1.vhd</MediaLink></OSVirtualHardDisk>
</Role></RoleList>"""
STAND_IN = "<cloud service of deployment mydeployment, d.xml>"


def body(url: str = "") -> str:
    """A deployment body of one VM, answering at `url` when given."""
    return f"<Deployment {REST}><Name>mydeployment</Name>{f'<Url>{url}</Url>' if url else ''}{ROLES}</Deployment>"


def hosted(service: str) -> str:
    deployment = f"<Deployment><Name>mydeployment</Name>{ROLES}</Deployment>"
    return f"<HostedService {REST}><ServiceName>{service}</ServiceName><Deployments>{deployment}</Deployments></HostedService>"


def lint_files(tmp_path, monkeypatch, files: dict[str, str]) -> LintResult:
    monkeypatch.chdir(tmp_path)
    for path, text in files.items():
        (tmp_path / path).write_text(text)
    return lint(["."], Config(), load_rules(entry_points=False))


def listed(result: LintResult) -> list[str]:
    """The names of the cloud services the readiness summary lists outside a virtual network."""
    return [
        item.name
        for summary in readiness(result)
        for scope in summary.scopes
        if scope.scope is ScopeKind.NO_VNET
        for item in scope.items
    ]


def test_the_reader_says_which_deployment_bodies_name_no_service(tmp_path):
    def deployment(text: str):
        data = text.encode()
        # Where its `Url` is a cloud's, the body says that cloud besides (`CloudInUse`).
        [found, *_] = read(parse(data, decode(data)), Marker("d.xml", text))
        return found

    assert deployment(body()).service_unnamed
    staging = "http://0123456789abcdef0123456789abcdef.cloudapp.net/"
    assert deployment(body(staging)).service_unnamed  # a staging deployment answers at its private ID
    assert not deployment(body("http://shop.cloudapp.net/")).service_unnamed
    assert not deployment(hosted("shop")).service_unnamed


def test_the_summary_lists_the_service_of_a_body_naming_none_as_unknown(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"d.xml": body()})
    assert listed(result) == [STAND_IN]
    assert f"    {STAND_IN} (1 VM)" in render(result, "text")
    # Findings still name the deployment, which the body does name.
    assert "deployment 'mydeployment'" in render(result, "concise")


def test_a_body_that_names_its_service_is_listed_by_that_name(tmp_path, monkeypatch):
    assert listed(lint_files(tmp_path, monkeypatch, {"d.xml": body("http://shop.cloudapp.net/")})) == ["shop"]


def test_a_hosted_service_body_is_listed_by_its_service(tmp_path, monkeypatch):
    assert listed(lint_files(tmp_path, monkeypatch, {"d.xml": hosted("shop")})) == ["shop"]


def test_the_plan_names_the_step_of_a_body_naming_no_service_by_a_stand_in(plan_of):
    (step,) = [s for s in plan_of({"d.xml": body()}).steps if s.kind is StepKind.SERVICE]
    assert step.name == STAND_IN
    assert step.moves == ("deployment 'mydeployment': VMs web1",)
    assert (
        "-ServiceName '<cloud service of deployment mydeployment, d.xml>' -DeploymentName 'mydeployment'"
        in step.powershell.prepare[0]
    )
