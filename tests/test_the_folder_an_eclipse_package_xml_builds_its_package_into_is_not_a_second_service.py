"""The Azure Toolkit for Eclipse builds a project's package into the folder its `package.xml` names
(`<windowsazurepackage packagedir="${wapackagedir}">`, the property `${basedir}\\deploy`): the `.cspkg` and
copies of the project's configurations. Repositories ignore the built package and commit the copies, and
the walk knew a package folder only by a `.cspkg` in it: the copy was read as a second service of the
configuration's name. A folder the project's `package.xml` names as its package folder is package output
as well: its copies of the project's configurations are passed over (`--verbose` says why), a
configuration the project lacks is still read, and a folder the file does not name is read whole."""

from __future__ import annotations

from lint_support import lint_files, run_cli

PACKAGE = """\
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<project basedir="." default="createwapackage" name="HelloProject">
\t<property name="cloudservicename" value="HelloService"/>
\t<target name="createwapackage">
\t\t<property location="${basedir}\\deploy" name="wapackagedir"/>
\t\t<windowsazurepackage packagedir="${wapackagedir}" packagetype="cloud" projectdir="${basedir}">
\t\t\t<workerrole approotdir="${basedir}\\WorkerRole1\\approot" name="WorkerRole1"/>
\t\t</windowsazurepackage>
\t</target>
\t<target depends="createwapackage" name="publish">
\t\t<azurepublish cloudservicename="${cloudservicename}" deploymentslot="Staging"/>
\t</target>
</project>
"""
CSCFG = """\
<ServiceConfiguration serviceName="AzureDeploymentProject" osFamily="2" osVersion="*" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="WorkerRole1"><Instances count="{count}" /></Role>
</ServiceConfiguration>
"""


def project(package: str = PACKAGE, **deploy: str) -> dict[str, str]:
    files = {
        "ServiceConfiguration.cscfg": CSCFG.format(count=2),
        "deploy/ServiceConfiguration.cscfg": CSCFG.format(count=1),
    }
    return {"package.xml": package, **files, **{f"deploy/{k}": v for k, v in deploy.items()}}


def _found(result) -> list[str]:
    return sorted(f.location.path for f in result.findings if f.code == "MIG101" and f.location)


def test_the_copy_in_the_named_package_folder_is_not_read(tmp_path, monkeypatch, capsys):
    assert _found(lint_files(tmp_path, monkeypatch, project(), dedent=False)) == [
        "ServiceConfiguration.cscfg"
    ]
    err = run_cli(capsys, "check", ".", "--verbose")[2]
    (line,) = [line for line in err.splitlines() if line.startswith("migcheck: skipped ")]
    assert line.startswith(
        "migcheck: skipped deploy/ (a package build's output: the package folder ../package.xml"
    )
    _, out, _ = run_cli(capsys, "plan", ".")
    assert "AzureDeploymentProject" not in out


def test_a_package_folder_stated_on_the_task_from_a_project_below_the_walked_folder(tmp_path, monkeypatch):
    package = PACKAGE.replace('packagedir="${wapackagedir}"', 'packagedir="${basedir}/out/deploy"')
    files = {f"Hello/{k.replace('deploy/', 'out/deploy/')}": v for k, v in project(package).items()}
    assert _found(lint_files(tmp_path, monkeypatch, files, dedent=False)) == [
        "Hello/ServiceConfiguration.cscfg"
    ]


def test_a_configuration_only_the_package_folder_holds_is_read(tmp_path, monkeypatch):
    files = project(**{"ServiceConfiguration.Test.cscfg": CSCFG.format(count=1)})
    assert _found(lint_files(tmp_path, monkeypatch, files, dedent=False)) == [
        "ServiceConfiguration.cscfg",
        "deploy/ServiceConfiguration.Test.cscfg",
    ]


def test_a_folder_the_package_xml_does_not_name_is_read_whole(tmp_path, monkeypatch):
    package = PACKAGE.replace("${basedir}\\deploy", "${basedir}\\bin\\package")
    assert _found(lint_files(tmp_path, monkeypatch, project(package), dedent=False)) == [
        "ServiceConfiguration.cscfg",
        "deploy/ServiceConfiguration.cscfg",
    ]


def test_a_built_package_in_a_named_folder_below_the_project_is_the_project_s(tmp_path, monkeypatch):
    package = PACKAGE.replace('packagedir="${wapackagedir}"', 'packagedir="${basedir}/out/deploy"')
    files = {k.replace("deploy/", "out/deploy/"): v for k, v in project(package).items()}
    files["out/deploy/WindowsAzurePackage.cspkg"] = "PK\x03\x04"
    assert _found(lint_files(tmp_path, monkeypatch, files, dedent=False)) == ["ServiceConfiguration.cscfg"]
