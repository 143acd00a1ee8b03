"""A properties file an Eclipse `package.xml` loads (`<property file>`, `<loadproperties srcfile>`) was read only
inside the build file's folder, and read even where the settings' `exclude` or a .gitignore named it. It is now
read wherever it is inside the project checked, its path resolved as Ant resolves it, from the project's
`basedir` (`../build.properties` of a build file in a sub-folder, `build.properties` of one whose `basedir` is
`..`), under the rules of every input: not excluded, not ignored by git, a regular file reached through no
symbolic link, no larger than a script; else its properties are not known, as before it was read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.formats import SCRIPT_BYTES
from migcheck.model import Deployment
from migcheck.plugins import load_rules

PACKAGE = """\
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<project basedir="{basedir}" default="publish" name="HelloProject">
\t<property file="{file}"/>
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
PROPERTIES = "cloudservicename=FromTheFile\n"


def services(root: Path, files: dict[str, str], config: Config | None = None) -> list[str | None]:
    """The service each publish in the project at `root` deploys to (none where its name is not known)."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    os.chdir(root)
    result = lint(["."], config or Config(), load_rules(entry_points=False))
    return [r.service_name for d in result.documents for r in d.resources if isinstance(r, Deployment)]


def project(basedir: str = ".", file: str = "../build.properties") -> dict[str, str]:
    """A build file in the sub-folder `azure/` that loads `file` (from its `basedir`)."""
    return {
        "azure/package.xml": PACKAGE.format(basedir=basedir, file=file),
        "azure/ServiceConfiguration.cscfg": CSCFG,
    }


@pytest.mark.parametrize(
    ("basedir", "file"),
    [(".", "../build.properties"), ("..", "build.properties"), ("..", "${basedir}/build.properties")],
)
def test_a_properties_file_above_the_build_file_s_folder_is_read_from_its_basedir(
    tmp_path, monkeypatch, basedir, file
):
    monkeypatch.chdir(tmp_path)
    files = {**project(basedir, file), "build.properties": PROPERTIES}
    assert services(tmp_path, files) == ["FromTheFile"]


def test_a_properties_file_outside_the_project_checked_is_not_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "build.properties").write_text(PROPERTIES, encoding="utf-8")
    (tmp_path / "checked").mkdir()
    assert services(tmp_path / "checked", project()) == []


def test_an_excluded_properties_file_is_not_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = {**project(), "build.properties": PROPERTIES}
    assert services(tmp_path, files, Config(exclude=("*.properties",))) == []
    assert services(tmp_path, files, Config(exclude=("*.ini",))) == ["FromTheFile"]


def test_a_properties_file_git_ignores_is_not_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = {**project(), "build.properties": PROPERTIES, ".gitignore": "*.properties\n"}
    (tmp_path / ".git").mkdir()
    assert services(tmp_path, files) == []
    assert services(tmp_path, files, Config(respect_gitignore=False)) == ["FromTheFile"]


def test_a_properties_file_that_is_a_symbolic_link_is_not_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "build.properties").write_text(PROPERTIES, encoding="utf-8")
    try:
        (tmp_path / "build.properties").symlink_to(tmp_path / "real" / "build.properties")
    except OSError:
        pytest.skip("this system makes no symbolic links")
    assert services(tmp_path, project()) == []


def test_a_properties_file_larger_than_a_script_is_not_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    padding = "# " + "x" * 98 + "\n"
    large = PROPERTIES + padding * (SCRIPT_BYTES // len(padding) + 1)
    assert services(tmp_path, {**project(), "build.properties": large}) == []
    assert services(tmp_path, {**project(), "build.properties": PROPERTIES}) == ["FromTheFile"]
