"""The Azure Toolkit for Eclipse's `package.xml` (an Ant project whose target runs `<azurepublish
cloudservicename=... storageaccountname=... subscriptionid=... deploymentslot=...>`) publishes the project
beside it to a classic cloud service, as a Visual Studio `.azurePubxml` does: the file was not read, so the
project's roles were told as a service of the project's own name, and the storage account the package goes
to and the subscription were not known. It is read as a publish profile is: the deployment of the project's
package to the service it names, in its slot; the subscription selected; the storage account a classic one.
A `package.xml` of another kind is not read, and a value written as an Ant property is not stated."""

from __future__ import annotations

from lint_support import lint_files, run_cli

from migcheck.model import Deployment, StorageAccountType, SubscriptionSelection

SUBSCRIPTION = "a3942dfc-1111-2222-3333-444455556666"
PACKAGE = f"""\
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<project basedir="." default="createwapackage" name="MyProject">
  <target name="createwapackage">
    <windowsazurepackage packagedir="${{basedir}}/deploy" packagetype="cloud" projectdir="${{basedir}}">
      <workerrole approotdir="${{basedir}}/WorkerRole1/approot" name="WorkerRole1"/>
    </windowsazurepackage>
    <azurepublish cloudservicename="poolmonitoring" deploymentslot="Staging" storageaccountname="poolstore"
                  subscriptionid="{SUBSCRIPTION}"/>
  </target>
</project>
"""
CSDEF = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceDefinition name="MyProject" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WorkerRole name="WorkerRole1" vmsize="Small" />
</ServiceDefinition>
"""
CSCFG = """\
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="MyProject" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="WorkerRole1"><Instances count="1" /></Role>
</ServiceConfiguration>
"""
PROJECT = {
    "MyProject/package.xml": PACKAGE,
    "MyProject/ServiceDefinition.csdef": CSDEF,
    "MyProject/ServiceConfiguration.cscfg": CSCFG,
}


def _records(result, kind: type) -> list:
    return [r for d in result.documents for r in d.resources if isinstance(r, kind)]


def test_the_publish_task_is_the_deployment_of_the_project_to_its_service(tmp_path, monkeypatch, capsys):
    result = lint_files(tmp_path, monkeypatch, PROJECT, dedent=False)
    [deployment] = _records(result, Deployment)
    assert (deployment.service_name, deployment.slot) == ("poolmonitoring", "Staging")
    assert [s.id for s in _records(result, SubscriptionSelection)] == [SUBSCRIPTION]
    assert [a.name for a in _records(result, StorageAccountType)] == ["poolstore"]
    [roles] = [f.message for f in result.findings if f.code == "MIG101"]
    assert roles.startswith("cloud service 'poolmonitoring' has a WorkerRole 'WorkerRole1'")
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "Storage account: poolstore" in out and "deployed to its Staging slot" in out


def test_a_package_xml_of_another_kind_is_not_read(tmp_path, monkeypatch):
    other = '<?xml version="1.0"?>\n<package format="2"><name>robot</name></package>\n'
    result = lint_files(tmp_path, monkeypatch, {"package.xml": other}, dedent=False)
    assert [d.path for d in result.documents] == []


def test_a_value_of_an_ant_property_is_not_stated(tmp_path, monkeypatch):
    package = PACKAGE.replace('cloudservicename="poolmonitoring"', 'cloudservicename="${service}"')
    result = lint_files(tmp_path, monkeypatch, {**PROJECT, "MyProject/package.xml": package}, dedent=False)
    assert _records(result, Deployment) == []
    assert [a.name for a in _records(result, StorageAccountType)] == ["poolstore"]
