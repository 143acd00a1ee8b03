"""A format string's field written where a name belongs (`<ReservedIP name="{0}"/>` in a test harness's
service configuration, `{name}`, `%s`, `%(service)s`, a batch file's `%NAME%`) is no name: no Azure name
holds `{`, `}` or `%`. The plan says so where it names one, as it says of `[MY STORAGE ACCOUNT]`; it took
`{0}` for a reserved IP to free and move on its own (Azure/azure-powershell `ReservedIPConfig.cscfg`)."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.estate import is_pipeline_token
from migcheck.model import is_format_field, is_placeholder
from migcheck.plan import StepKind, build_plan

CONFIGURATION = """\
<ServiceConfiguration serviceName="SampleApp" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="WebRole1"><Instances count="2" /></Role>
  <NetworkConfiguration>
    <AddressAssignments>
      <ReservedIPs><ReservedIP name="{ip}"/></ReservedIPs>
    </AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
"""


@pytest.mark.parametrize("name", ["{name}", "vnet-{env}", "%s", "%s-vnet", "%(service)s", "%VNET%", "{0:D2}"])
def test_format_fields_are_placeholders(name):
    assert is_format_field(name) and is_placeholder(name)


@pytest.mark.parametrize(
    "name",
    ["prod-vnet", "my_vnet", "Group rg-1 vnet", "web.svc", "contosostore01", "x{", "}x", "{}", "{ }"],
)
def test_names_are_not_format_fields(name):
    assert not is_format_field(name) and not is_placeholder(name)


@pytest.mark.parametrize("name", ["{0}", "vnet-{0}", "#{ServiceName}#", "${VNET}", "{{ vnet }}", "$(VNet)"])
def test_numbered_fields_and_pipeline_variables_stay_pipeline_tokens(name):
    """Told apart as before, and said to be tokens: `{0}` is a .NET format item a pipeline may fill in."""
    assert is_pipeline_token(name) and not is_format_field(name)


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("{0}", "'{0}' (a pipeline token)"),
        ("{name}", "'{name}' (a placeholder the file leaves to fill in)"),
        ("%s", "'%s' (a placeholder the file leaves to fill in)"),
        ("[MY RESERVED IP]", "'[MY RESERVED IP]' (a placeholder the file leaves to fill in)"),
        ("web-ip", "'web-ip'"),
    ],
)
def test_the_plan_says_a_reserved_ip_written_as_a_field_is_no_name(tmp_path, monkeypatch, written, said):
    files = {"ServiceConfiguration.Cloud.cscfg": CONFIGURATION.replace("{ip}", written)}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    (step,) = [s for s in build_plan(result).subscriptions[0].steps if s.kind is StepKind.WEB_WORKER]
    [note] = [note for note in step.notes if note.startswith("Reserved IP")]
    assert note.startswith(f"Reserved IP {said}, the VIP of its deployment, does not move")
