"""The reserved IPs that alternative service configurations of one cloud service name (a folder's .cscfg
files, each deployed on its own): a deployment has one reserved IP, so the plan says which configuration
names which, not one list as if one deployment held them all; one a script binds (Set-AzureReservedIPAssociation) is not said to be a configuration's."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.plan import StepKind, build_plan

CONFIGURATION = """\
<ServiceConfiguration serviceName="SampleApp" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="WebRole1">
    <Instances count="1" />
  </Role>
  <NetworkConfiguration>
    <AddressAssignments>
      <ReservedIPs>
        <ReservedIP name="{ip}"/>
      </ReservedIPs>
    </AddressAssignments>
  </NetworkConfiguration>
</ServiceConfiguration>
"""


def _reserved_ip_notes(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    (step,) = [s for s in build_plan(result).subscriptions[0].steps if s.kind is StepKind.WEB_WORKER]
    return [note for note in step.notes if note.startswith("Reserved IP")]


def test_each_configuration_says_the_reserved_ip_it_names(tmp_path, monkeypatch) -> None:
    notes = _reserved_ip_notes(
        tmp_path,
        monkeypatch,
        {
            "Resources/ReservedIPConfig1.cscfg": CONFIGURATION.format(ip="ResrvdIP1"),
            "Resources/ReservedIPConfigupdate.cscfg": CONFIGURATION.format(ip="{0}"),
        },
    )
    assert [note.split(", does not move")[0] for note in notes] == [
        "Reserved IP 'ResrvdIP1', the VIP configuration ReservedIPConfig1.cscfg names",
        "Reserved IP '{0}' (a pipeline token), the VIP configuration ReservedIPConfigupdate.cscfg names",
    ]


def test_one_configuration_names_its_deployments_vip(tmp_path, monkeypatch) -> None:
    notes = _reserved_ip_notes(
        tmp_path,
        monkeypatch,
        {"Resources/ServiceConfiguration.Cloud.cscfg": CONFIGURATION.format(ip="web-ip")},
    )
    assert [note.split(", does not move")[0] for note in notes] == [
        "Reserved IP 'web-ip', the VIP of its deployment"
    ]


def test_a_reserved_ip_a_script_binds_is_not_said_to_be_a_configuration_s(tmp_path, monkeypatch) -> None:
    script = (
        "New-AzureDeployment -ServiceName svc -Slot Production -Package web.cspkg"
        " -Configuration ServiceConfiguration.Cloud.cscfg\n"
        "Set-AzureReservedIPAssociation -ReservedIPName rip1 -ServiceName svc\n"
    )
    notes = _reserved_ip_notes(tmp_path, monkeypatch, {"deploy.ps1": script})
    assert [note.split(", does not move")[0] for note in notes] == [
        "Reserved IP 'rip1', the VIP of its deployment"
    ]
