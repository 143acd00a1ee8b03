"""The Azure Toolkit for Eclipse writes its `package.xml`'s `<azurepublish cloudservicename="${cloudservicename}"
... subscriptionid="${subscriptionid}"/>` as references to Ant properties the project defines at its top
(`<property name="cloudservicename" value="CMHelloWorld"/>`). Those values were taken for not stated, so a
real project's publish said nothing: the project's roles were told as a service of its configuration's own
name, and the subscription and the storage account the package goes to were not known. A property is
resolved as Ant does: those of the project, then of the targets the task's target depends on (each once,
depth first), then of its own target before the task; the first definition wins; `${basedir}` is the
project's folder; a property the file does not define, or one whose value comes from what is not read (a
properties file, a condition), is not stated."""

from __future__ import annotations

from lint_support import lint_files, run_cli

from migcheck.model import Deployment, StorageAccountType, SubscriptionSelection

SUBSCRIPTION = "1f333a31-1111-2222-3333-444455556666"
# In the shape the toolkit writes: properties at the top, the publish target depending on the package one.
PACKAGE = f"""\
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<project basedir="." default="createwapackage" name="HelloProject">
\t<property location="." name="cspack.dir"/>
\t<property name="subscriptionid" value="{SUBSCRIPTION}"/>
\t<property name="cloudservicename" value="HelloService"/>
\t<property name="storageaccountname" value="hellostore"/>
\t<property name="deploymentslot" value="Staging"/>
\t<target depends="waitForReset" description="Creates an Azure package" name="createwapackage">
\t\t<property location="${{basedir}}\\deploy" name="wapackagedir"/>
\t\t<windowsazurepackage packagedir="${{wapackagedir}}" packagetype="cloud" projectdir="${{basedir}}"
\t\t\t\tstorageaccountname="${{storageaccountname}}" subscriptionid="${{subscriptionid}}">
\t\t\t<workerrole approotdir="${{basedir}}\\WorkerRole1\\approot" name="WorkerRole1"/>
\t\t</windowsazurepackage>
\t</target>
\t<target depends="createwapackage" description="Publish Azure project to cloud" name="publish">
\t\t<azurepublish cloudservicename="${{cloudservicename}}" deploymentslot="${{deploymentslot}}"
\t\t\t\tprojectdir="${{basedir}}" storageaccountname="${{storageaccountname}}" subscriptionid="${{subscriptionid}}"/>
\t</target>
</project>
"""
CSCFG = """\
<?xml version="1.0" encoding="UTF-8"?>
<ServiceConfiguration serviceName="AzureDeploymentProject" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="WorkerRole1"><Instances count="2"/></Role>
</ServiceConfiguration>
"""


def _records(result, kind: type) -> list:
    return [r for d in result.documents for r in d.resources if isinstance(r, kind)]


def _publish(tmp_path, monkeypatch, package: str = PACKAGE):
    files = {"package.xml": package, "ServiceConfiguration.cscfg": CSCFG}
    return lint_files(tmp_path, monkeypatch, files, dedent=False)


def _service(result) -> tuple[str, str] | None:
    found = [(d.service_name, d.slot) for d in _records(result, Deployment)]
    assert len(found) <= 1
    return found[0] if found else None


def test_the_publish_s_properties_are_the_values_the_project_defines(tmp_path, monkeypatch, capsys):
    result = _publish(tmp_path, monkeypatch)
    assert _service(result) == ("HelloService", "Staging")
    assert [s.id for s in _records(result, SubscriptionSelection)] == [SUBSCRIPTION]
    assert [a.name for a in _records(result, StorageAccountType)] == ["hellostore"]
    [roles] = [f.message for f in result.findings if f.code == "MIG101"]
    assert roles.startswith("cloud service 'HelloService' has a web or worker role 'WorkerRole1'")
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "Storage account: hellostore" in out and "'HelloService': web/worker roles WorkerRole1" in out
    assert "AzureDeploymentProject" not in out


def test_the_first_definition_of_a_property_wins(tmp_path, monkeypatch):
    later = '\t<property name="cloudservicename" value="Later"/>\n\t<target depends="waitForReset"'
    package = PACKAGE.replace('\t<target depends="waitForReset"', later, 1)
    assert _service(_publish(tmp_path, monkeypatch, package)) == ("HelloService", "Staging")


def test_a_property_of_a_target_the_publish_depends_on_is_set_and_one_of_a_target_it_does_not_is_not(
    tmp_path, monkeypatch
):
    package = PACKAGE.replace('\t<property name="cloudservicename" value="HelloService"/>\n', "")
    set_by_dependency = package.replace(
        '\t\t<property location="${basedir}\\deploy"',
        '\t\t<property name="cloudservicename" value="FromPackage"/>\n\t\t<property location="${basedir}\\deploy"',
    )
    assert _service(_publish(tmp_path, monkeypatch, set_by_dependency)) == ("FromPackage", "Staging")
    not_a_dependency = set_by_dependency.replace('depends="createwapackage" ', "")
    assert _service(_publish(tmp_path / "other", monkeypatch, not_a_dependency)) is None


def test_a_property_set_after_the_publish_in_its_own_target_is_not_set_when_it_runs(tmp_path, monkeypatch):
    package = PACKAGE.replace('\t<property name="cloudservicename" value="HelloService"/>\n', "").replace(
        'subscriptionid="${subscriptionid}"/>\n\t</target>',
        'subscriptionid="${subscriptionid}"/>\n\t\t<property name="cloudservicename" value="After"/>\n\t</target>',
    )
    assert _service(_publish(tmp_path, monkeypatch, package)) is None


def test_a_property_whose_value_is_not_read_is_not_stated(tmp_path, monkeypatch):
    from_file = PACKAGE.replace(
        '\t<property name="cloudservicename"',
        '\t<property file="azure.properties"/>\n\t<property name="cloudservicename"',
    )
    assert _service(_publish(tmp_path, monkeypatch, from_file)) is None
    by_condition = PACKAGE.replace(
        '\t<property name="cloudservicename"',
        '\t<condition property="cloudservicename" value="Test"><isset property="test"/></condition>\n'
        '\t<property name="cloudservicename"',
    )
    assert _service(_publish(tmp_path / "other", monkeypatch, by_condition)) is None


def test_a_property_made_of_others_is_their_values_joined(tmp_path, monkeypatch):
    package = PACKAGE.replace('value="HelloService"/>', 'value="${prefix}-web"/>').replace(
        '\t<property name="subscriptionid"',
        '\t<property name="prefix" value="hello"/>\n\t<property name="subscriptionid"',
    )
    assert _service(_publish(tmp_path, monkeypatch, package)) == ("hello-web", "Staging")


def test_reading_grows_linearly_with_targets_that_each_publish_and_depend_on_all_the_others():
    from growth import assert_linear

    from migcheck.readers import eclipse_package

    def make(n: int):
        # Target i depends on target i+1: each target's dependencies are all those after it.
        targets = "".join(
            f'<target name="t{i}" depends="t{i + 1}"><property name="p{i}" value="{i}"/>'
            f'<azurepublish cloudservicename="${{p{n - 1}}}" subscriptionid="{SUBSCRIPTION}"/></target>'
            for i in range(n)
        )
        data = f'<project name="p">{targets}</project>'.encode()
        return lambda: eclipse_package.read("package.xml", data)

    assert_linear(make, 400)
