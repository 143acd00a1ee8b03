"""A cloud service name is one cloud service, however many `.csdef` files of its project define it.

A project may keep copies of its definition (`ServiceDefinition.Original.csdef`, a generator's
`ServiceDefinition.Template.csdef` with the `.Template.cscfg` packaged beside it): only the one its
`.ccproj` names, `ServiceDefinition.csdef` by Visual Studio's convention, is packaged and deployed. The
service is checked once, at that definition: each blocker reported once, one plan step, one row of the
summary. A copy that differs from it in what the rules read (roles, their kinds, sizes, input endpoints)
is a conflicting definition (MIG004): which one is deployed? Folders that each define the service in a
file of its own name (copies of a whole solution) are left apart, as before."""

from __future__ import annotations

import json

import pytest
from lint_support import lint_files, run_cli, where

WORKER = '<WorkerRole name="{name}" vmsize="{size}">{endpoints}</WorkerRole>'
HTTP = '<Endpoints><InputEndpoint name="HttpIn" protocol="http" port="80" /></Endpoints>'


def _definition(*roles: str, name: str = "svc") -> str:
    return (
        f'<ServiceDefinition name="{name}" '
        'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">\n  '
        + "\n  ".join(roles)
        + "\n</ServiceDefinition>\n"
    )


def _worker(name: str = "Worker", size: str = "Small", endpoints: str = "") -> str:
    return WORKER.format(name=name, size=size, endpoints=endpoints)


CONFIGURATION = """\
<ServiceConfiguration serviceName="svc" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Worker"><Instances count="2" /></Role>
</ServiceConfiguration>
"""


def test_copies_in_one_folder_are_one_service_checked_at_the_deployed_definition(tmp_path, monkeypatch):
    result = lint_files(
        tmp_path,
        monkeypatch,
        {
            "Cloud/ServiceDefinition.Original.csdef": _definition(_worker()),
            "Cloud/ServiceDefinition.csdef": _definition(_worker()),
            "Cloud/ServiceConfiguration.Cloud.cscfg": CONFIGURATION,
        },
    )
    assert where(result.findings) == ["MIG101 Cloud/ServiceDefinition.csdef:2:3"]
    (service,) = [s for s in result.estates[0].cloud_services if s.name == "svc"]
    assert service.definition is not None
    assert service.definition.mark.path == "Cloud/ServiceDefinition.csdef"
    assert [d.mark.path for d in service.definition_copies] == ["Cloud/ServiceDefinition.Original.csdef"]


def test_the_conventional_name_is_the_deployed_one_whichever_comes_first(tmp_path, monkeypatch):
    result = lint_files(
        tmp_path,
        monkeypatch,
        {
            "a/Service.A.csdef": _definition(_worker()),
            "a/ServiceDefinition.csdef": _definition(_worker()),
            "a/ServiceDefinition.Z.csdef": _definition(_worker()),
        },
        "MIG101",
    )
    assert where(result.findings) == ["MIG101 a/ServiceDefinition.csdef:2:3"]


def test_definitions_of_other_names_in_one_folder_stay_services_of_their_own(tmp_path, monkeypatch):
    result = lint_files(
        tmp_path,
        monkeypatch,
        {
            "a/ServiceDefinition.csdef": _definition(_worker()),
            "a/Other.csdef": _definition(_worker("Jobs"), name="other"),
        },
        "MIG101",
    )
    assert sorted(where(result.findings)) == [
        "MIG101 a/Other.csdef:2:3",
        "MIG101 a/ServiceDefinition.csdef:2:3",
    ]


def test_a_copy_that_differs_in_what_the_rules_read_is_a_conflicting_definition(tmp_path, monkeypatch):
    result = lint_files(
        tmp_path,
        monkeypatch,
        {
            "Cloud/ServiceDefinition.csdef": _definition(_worker(endpoints=HTTP), _worker("Jobs")),
            "Cloud/ServiceDefinition.Original.csdef": _definition(_worker(size="Large"), _worker("Cron")),
        },
        "MIG004",
    )
    (finding,) = result.findings
    assert where([finding]) == ["MIG004 Cloud/ServiceDefinition.Original.csdef:1:1"]
    assert finding.message == (
        "service definition 'svc' is described differently here than at Cloud/ServiceDefinition.csdef:1: "
        "roles 'Cron', 'Worker' / 'Jobs', 'Worker'; role 'Worker' size: 'Large' / 'Small'; "
        "role 'Worker' input endpoints: none / 'HttpIn http:80' (here / there)"
    )


def test_copies_alike_in_what_the_rules_read_raise_no_conflict(tmp_path, monkeypatch):
    # The role order, the case of names and what no rule reads (settings, startup tasks) may differ.
    result = lint_files(
        tmp_path,
        monkeypatch,
        {
            "Cloud/ServiceDefinition.csdef": _definition(_worker("A"), _worker("B", endpoints=HTTP)),
            "Cloud/ServiceDefinition.Original.csdef": _definition(
                _worker("b", endpoints=HTTP).replace("<Endpoints>", "<Startup /><Endpoints>"), _worker("A")
            ),
        },
        "MIG004",
    )
    assert result.findings == []


def test_a_template_folder_joins_the_project_that_deploys_its_service(tmp_path, monkeypatch, capsys):
    # morsh/web-job-try: Pipeline/ServiceDefinition.csdef and .Original.csdef, and at the top a template
    # definition with the configuration packaged beside it, all of service 'Pipeline'.
    roles = (_worker("ScoringWorker"), _worker("QueryIDs"), _worker("DocParser"))
    template_config = CONFIGURATION.replace('"svc"', '"Pipeline"').replace('"Worker"', '"RoleName"')
    result = lint_files(
        tmp_path,
        monkeypatch,
        {
            "Pipeline/ServiceDefinition.csdef": _definition(*roles, name="Pipeline"),
            "Pipeline/ServiceDefinition.Original.csdef": _definition(*roles, name="Pipeline"),
            "ServiceDefinition.Template.csdef": _definition(*reversed(roles), name="Pipeline"),
            "ServiceConfiguration.Template.cscfg": template_config,
        },
    )
    assert where(result.findings) == [
        "MIG101 Pipeline/ServiceDefinition.csdef:2:3",
        "MIG101 Pipeline/ServiceDefinition.csdef:3:3",
        "MIG101 Pipeline/ServiceDefinition.csdef:4:3",
        "MIG003 ServiceConfiguration.Template.cscfg:2:15",
    ]
    _, out, _ = run_cli(capsys, "plan", ".", "--format", "json")
    steps = [s for s in json.loads(out)["subscriptions"][0]["steps"] if s["kind"] != "prerequisites"]
    assert [s["name"] for s in steps] == ["Pipeline"]
    _, out, _ = run_cli(capsys, "check", ".")
    assert out.count("    Pipeline ") == 1


def test_folders_that_each_deploy_the_service_stay_apart(tmp_path, monkeypatch):
    # Copies of a whole solution (a course's labs, a branch kept as a folder): each folder packages its own.
    result = lint_files(
        tmp_path,
        monkeypatch,
        {
            "lab1/ServiceDefinition.csdef": _definition(_worker()),
            "lab2/ServiceDefinition.csdef": _definition(_worker()),
        },
        "MIG101",
    )
    assert where(result.findings) == [
        "MIG101 lab1/ServiceDefinition.csdef:2:3",
        "MIG101 lab2/ServiceDefinition.csdef:2:3",
    ]


def test_a_copies_folder_of_a_service_two_folders_deploy_stays_apart(tmp_path, monkeypatch):
    result = lint_files(
        tmp_path,
        monkeypatch,
        {
            "lab1/ServiceDefinition.csdef": _definition(_worker()),
            "lab2/ServiceDefinition.csdef": _definition(_worker()),
            "ServiceDefinition.Template.csdef": _definition(_worker()),
        },
        "MIG101",
    )
    assert len(result.findings) == 3


def test_definitions_built_one_per_vm_size_are_variants_not_conflicts(tmp_path, monkeypatch):
    # Teleopti/Stardust: ServiceDefinition.csdef and ServiceDefinition_Large.csdef (also _Medium, _XLarge)
    # in one folder, a build packaging the one of the size it is told, as a configuration per environment.
    result = lint_files(
        tmp_path,
        monkeypatch,
        {
            "Cloud/ServiceDefinition.csdef": _definition(_worker(size="Medium")),
            "Cloud/ServiceDefinition_Large.csdef": _definition(_worker(size="Large")),
            "Cloud/ServiceDefinition-XLarge.csdef": _definition(_worker(size="ExtraLarge", endpoints=HTTP)),
            "Cloud/ServiceDefinition.Original.csdef": _definition(_worker(size="Small")),
            "Cloud/ServiceConfiguration.Cloud.cscfg": CONFIGURATION,
        },
        "MIG004",
        "MIG101",
    )
    # The copy named as one (.Original) is still asked which is deployed.
    assert where(result.findings) == [
        "MIG004 Cloud/ServiceDefinition.Original.csdef:1:1",
        "MIG101 Cloud/ServiceDefinition.csdef:2:3",
    ]


def test_variants_with_no_plain_definition_are_no_conflict(tmp_path, monkeypatch):
    files = {
        "Cloud/ServiceDefinition_Medium.csdef": _definition(_worker(size="Medium")),
        "Cloud/ServiceDefinition_Large.csdef": _definition(_worker(size="Large")),
    }
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG004").findings) == []


def test_a_variant_s_name_in_another_folder_is_a_copy_there(tmp_path, monkeypatch):
    # Only beside its deployed definition is a suffixed name a variant of it.
    files = {
        "Cloud/ServiceDefinition.csdef": _definition(_worker(size="Medium")),
        "Cloud/ServiceConfiguration.Cloud.cscfg": CONFIGURATION,
        "Cloud/old/ServiceDefinition_Large.csdef": _definition(_worker(size="Large")),
    }
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG004").findings) == [
        "MIG004 Cloud/old/ServiceDefinition_Large.csdef:1:1"
    ]


@pytest.mark.parametrize("aside", ["Old", "bak", "Backup2", "copy", "-Previous"])
def test_a_definition_named_as_a_copy_kept_aside_is_still_asked_about(tmp_path, monkeypatch, aside):
    # `ServiceDefinition_Old.csdef` is the description the team moved away from, not a size a build picks.
    name = f"ServiceDefinition{aside if aside.startswith('-') else '_' + aside}.csdef"
    files = {
        "Cloud/ServiceDefinition.csdef": _definition(_worker(size="Medium")),
        "Cloud/ServiceConfiguration.Cloud.cscfg": CONFIGURATION,
        f"Cloud/{name}": _definition(_worker(size="Large")),
    }
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG004").findings) == [f"MIG004 Cloud/{name}:1:1"]
