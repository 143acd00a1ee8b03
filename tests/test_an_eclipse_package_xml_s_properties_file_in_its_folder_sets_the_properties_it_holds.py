"""An Eclipse `package.xml` whose properties come from a properties file (`<property file="azure.properties"/>`,
`<loadproperties srcfile=...>`) made every property not yet set unknown, so its publish said nothing of the
service it deploys to. A properties file inside the build file's folder (a path from `${basedir}`) is now read
as Java reads one and its properties set as Ant sets them, the first definition winning; a file outside the
project checked, or reached through a symbolic link out of it, is not read, and its properties stay unknown."""

from __future__ import annotations

import os

import pytest
from lint_support import lint_files

from migcheck.model import Deployment
from migcheck.readers.ant import java_properties

PACKAGE = """\
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<project basedir="." default="createwapackage" name="HelloProject">
\t{loads}
\t<property name="cloudservicename" value="WrittenInTheBuildFile"/>
\t<target description="Publish Azure project to cloud" name="publish">
\t\t<azurepublish cloudservicename="${{cloudservicename}}" deploymentslot="Staging"
\t\t\t\tprojectdir="${{basedir}}" storageaccountname="hellostore" subscriptionid="1f333a31-1111-2222-3333-444455556666"/>
\t</target>
</project>
"""
CSCFG = """\
<?xml version="1.0" encoding="UTF-8"?>
<ServiceConfiguration serviceName="AzureDeploymentProject" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="WorkerRole1"><Instances count="2"/></Role>
</ServiceConfiguration>
"""


def _service(tmp_path, monkeypatch, loads: str, files: dict[str, str]) -> list[str | None]:
    """The service each publish deploys to: none where its name is not known."""
    project = {"package.xml": PACKAGE.format(loads=loads), "ServiceConfiguration.cscfg": CSCFG}
    result = lint_files(tmp_path, monkeypatch, {**project, **files}, dedent=False)
    return [r.service_name for d in result.documents for r in d.resources if isinstance(r, Deployment)]


def test_a_property_file_s_property_is_set_before_the_build_file_s_own(tmp_path, monkeypatch):
    files = {"azure.properties": "# the service\ncloudservicename = FromTheFile\n"}
    assert _service(tmp_path, monkeypatch, '<property file="azure.properties"/>', files) == ["FromTheFile"]


def test_the_environment_s_properties_under_their_prefix_leave_the_others_known(tmp_path, monkeypatch):
    loads = '<property environment="env"/>\n\t<property file="azure.properties"/>'
    files = {"azure.properties": "cloudservicename=FromTheFile\n"}
    assert _service(tmp_path, monkeypatch, loads, files) == ["FromTheFile"]


def test_a_loadproperties_file_from_basedir_with_a_prefix_sets_each_property_after_it(tmp_path, monkeypatch):
    loads = '<loadproperties srcfile="${basedir}/conf/azure.properties" prefix="azure"/>'
    package_loads = loads + '\n\t<property name="cloudservicename" value="${azure.service}-web"/>'
    files = {"conf/azure.properties": "region: west\nservice=${region}-shop\n"}
    assert _service(tmp_path, monkeypatch, package_loads, files) == ["west-shop-web"]


def test_a_file_outside_the_project_checked_is_not_read(tmp_path, monkeypatch):
    files = {"../azure.properties": "cloudservicename=FromAbove\n"}
    assert _service(tmp_path / "project", monkeypatch, '<property file="../azure.properties"/>', files) == []


def test_a_file_reached_through_a_link_out_of_the_folder_is_not_read(tmp_path, monkeypatch):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "azure.properties").write_text("cloudservicename=FromOutside\n", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    try:
        os.symlink(outside, project / "conf")
    except OSError:
        pytest.skip("this system makes no symbolic links")
    assert _service(project, monkeypatch, '<property file="conf/azure.properties"/>', {}) == []


JAVA_CASES = {
    "each separator": ("a=1\nb: 2\nc 3\nd\t=\t4\n", {"a": "1", "b": "2", "c": "3", "d": "4"}),
    "comments and blank lines": ("# x=1\n! y=2\n\n   \nz=3\n", {"z": "3"}),
    "a line going on": ("a=one, \\\n    two\nb=x\\\\\nc=y\n", {"a": "one, two", "b": "x\\", "c": "y"}),
    "escapes": ("k\\ ey=\\u0041\\tB\\:\\=\nn=\\q\n", {"k ey": "A\tB:=", "n": "q"}),
    "the last of a key written twice": ("a=1\na=2\n", {"a": "2"}),
    "a key with no value": ("alone\nempty=\n", {"alone": "", "empty": ""}),
    "a value's own separators and trailing blanks": ("a==b:c \n", {"a": "=b:c "}),
    "line ends of old Macs and of Windows": ("a=1\rb=2\r\nc=3", {"a": "1", "b": "2", "c": "3"}),
}


@pytest.mark.parametrize(("text", "read"), JAVA_CASES.values(), ids=JAVA_CASES)
def test_a_properties_file_is_read_as_java_reads_it(text, read):
    assert java_properties(text) == read


def test_a_unicode_escape_of_no_four_hex_digits_is_refused_as_java_refuses_it():
    assert java_properties("a=\\u00G1\n") is None
