"""The Azure Toolkit for Eclipse builds a cloud service's package into the project's `deploy/` folder (its
`package.xml` names it `packagedir`): the `.cspkg` beside copies of the project's configurations. Those
copies are the project's service again, not a second one: the walk passes them over (`--verbose` names the
folder, as it names `bin/` and `csx/`), so one service gives one finding per defect. A configuration the
project's folder lacks is read, and a folder of configurations with no package in it is a project's own."""

from __future__ import annotations

from lint_support import lint_files, run_cli

CSCFG = """\
<ServiceConfiguration serviceName="AzureDeploymentProject" osFamily="2" osVersion="*" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="WorkerRole1"><Instances count="{count}" /></Role>
</ServiceConfiguration>
"""


def project(deploy: dict[str, str]) -> dict[str, str]:
    return {
        "ServiceConfiguration.cscfg": CSCFG.format(count=2),
        **{f"deploy/{k}": v for k, v in deploy.items()},
    }


BUILT = {"ServiceConfiguration.cscfg": CSCFG.format(count=1), "WindowsAzurePackage.cspkg": "PK\x03\x04"}


def test_the_copy_beside_a_built_package_is_not_read(tmp_path, monkeypatch, capsys):
    result = lint_files(tmp_path, monkeypatch, project(BUILT), "MIG101")
    assert [f.location.path for f in result.findings if f.location] == ["ServiceConfiguration.cscfg"]
    err = run_cli(capsys, "check", ".", "--verbose")[2]
    (line,) = [line for line in err.splitlines() if line.startswith("migcheck: skipped ")]
    assert line.startswith("migcheck: skipped deploy/ (a package build's output: a .cspkg beside copies")


def test_a_configuration_only_the_package_folder_holds_is_read(tmp_path, monkeypatch):
    files = project({**BUILT, "ServiceConfiguration.Test.cscfg": CSCFG.format(count=1)})
    result = lint_files(tmp_path, monkeypatch, files, "MIG101")
    assert sorted(f.location.path for f in result.findings if f.location) == [
        "ServiceConfiguration.cscfg",
        "deploy/ServiceConfiguration.Test.cscfg",
    ]


def test_a_folder_with_no_package_is_read_whole(tmp_path, monkeypatch):
    files = project({"ServiceConfiguration.cscfg": CSCFG.format(count=1)})
    result = lint_files(tmp_path, monkeypatch, files, "MIG101")
    assert sorted(f.location.path for f in result.findings if f.location) == [
        "ServiceConfiguration.cscfg",
        "deploy/ServiceConfiguration.cscfg",
    ]
