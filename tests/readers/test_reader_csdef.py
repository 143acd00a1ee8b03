"""Service definitions: roles with their type, size and input endpoints."""

from __future__ import annotations

from migcheck.model import FileKind, InputEndpoint, Mark, Role, RoleType, ServiceDefinition

PATH = "svc/ServiceDefinition.csdef"


def test_roles_endpoints_and_marks(read):
    doc = read(
        PATH,
        """
        <?xml version="1.0" encoding="utf-8"?>
        <ServiceDefinition name="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
          <WebRole
              name="Web"
              vmsize="Small">
            <Endpoints>
              <InputEndpoint name="HttpIn" protocol="http" port="80" localPort="8080" />
            </Endpoints>
          </WebRole>
          <WorkerRole name="Jobs" />
          <VirtualMachineRole name="Legacy" vmsize="Large" />
        </ServiceDefinition>
        """,
    )
    assert doc.kind is FileKind.SERVICE_DEFINITION
    assert doc.root == "ServiceDefinition"
    assert doc.problem is None
    assert doc.resources == (
        ServiceDefinition(
            name="shop",
            roles=(
                Role(
                    "Web",
                    RoleType.WEB,
                    Mark(PATH, 5, "WebRole"),  # a start tag over three lines: the line where it ends
                    size="Small",
                    endpoints=(
                        InputEndpoint("HttpIn", "http", "80", "8080", None, Mark(PATH, 7, "InputEndpoint")),
                    ),
                ),
                Role("Jobs", RoleType.WORKER, Mark(PATH, 10, "WorkerRole")),
                Role("Legacy", RoleType.VM_ROLE, Mark(PATH, 11, "VirtualMachineRole"), size="Large"),
            ),
            mark=Mark(PATH, 2, "ServiceDefinition"),
        ),
    )


def test_prefixed_tags_are_marked_as_written(read):
    doc = read(
        PATH,
        """
        <sd:ServiceDefinition name="shop" xmlns:sd="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
          <sd:WorkerRole name="A" /><sd:WorkerRole name="B" />
        </sd:ServiceDefinition>
        """,
    )
    (definition,) = doc.resources
    assert definition.mark == Mark(PATH, 1, "sd:ServiceDefinition")
    assert [(r.name, r.mark) for r in definition.roles] == [
        ("A", Mark(PATH, 2, "sd:WorkerRole", 0)),
        ("B", Mark(PATH, 2, "sd:WorkerRole", 1)),
    ]


def test_a_definition_without_roles(read):
    (definition,) = read(PATH, '<ServiceDefinition name="empty"/>').resources
    assert definition == ServiceDefinition("empty", (), Mark(PATH, 1, "ServiceDefinition"))


def test_endpoint_on_an_internal_load_balancer(read):
    doc = read(
        PATH,
        """
        <ServiceDefinition name="shop">
          <WorkerRole name="Jobs">
            <Endpoints>
              <InputEndpoint name="Sql" protocol="tcp" port="1433" loadBalancer="jobs-ilb" loadBalancerProbe="p" />
              <InputEndpoint name="Http" protocol="http" port="80" loadBalancerProbe="p" />
            </Endpoints>
          </WorkerRole>
        </ServiceDefinition>
        """,
    )
    (definition,) = doc.resources
    sql, http = definition.roles[0].endpoints
    assert sql == InputEndpoint("Sql", "tcp", "1433", "", None, Mark(PATH, 4, "InputEndpoint"), "jobs-ilb")
    assert (sql.is_public, http.load_balancer, http.is_public) == (False, "", True)
