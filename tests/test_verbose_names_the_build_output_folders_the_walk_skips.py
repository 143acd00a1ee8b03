"""`--verbose` names each folder of build output the walk does not enter (`bin`, `obj`, `csx`, a
`<service>.csx` package), one line per folder, with why: a published or packaged copy of a configuration
that differs from the project's (the cases found: synchbi/Synch-AzureCloudService's csx/Release .csdef with a
role the project lacks, youcai-kooboo/AzureExample's bin/Release/app.publish .cscfg naming another role) is
at least seen to be passed over. Folders of tools (`.git`, `node_modules`) are not named."""

from __future__ import annotations

from lint_support import SHOP_CSCFG
from lint_support import run_cli as run

# The definition of SHOP_CSCFG's service: its web and worker roles.
SHOP_CSDEF = """\
<ServiceDefinition name="shopsvc" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="WebFrontend" vmsize="Small" />
  <WorkerRole name="Worker" vmsize="Small" />
</ServiceDefinition>
"""

COPIES = (
    "csx/Release/ServiceDefinition.csdef",
    "bin/Release/app.publish/ServiceConfiguration.Cloud.cscfg",
    "obj/Release/ServiceDefinition.csdef",
    "shop.csx/ServiceDefinition.csdef",
)


def _project(tmp_path, *copies: str) -> None:
    (tmp_path / "ServiceDefinition.csdef").write_text(SHOP_CSDEF, encoding="utf-8")
    (tmp_path / "ServiceConfiguration.Cloud.cscfg").write_text(SHOP_CSCFG, encoding="utf-8")
    for copy in copies:
        path = tmp_path / copy
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(SHOP_CSDEF if copy.endswith(".csdef") else SHOP_CSCFG, encoding="utf-8")


def _skipped(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("migcheck: skipped ")]


def test_each_build_output_folder_is_named_once_with_why(tmp_path, monkeypatch, capsys):
    _project(tmp_path, *COPIES, "node_modules/x/ServiceDefinition.csdef")
    monkeypatch.chdir(tmp_path)
    err = run(capsys, "check", ".", "--verbose")[2]
    lines = _skipped(err)
    assert [line.split()[2] for line in lines] == ["bin/", "csx/", "obj/", "shop.csx/"]
    assert (
        "(.NET build output: only the configurations published in its <configuration>/app.publish" in lines[0]
    )
    assert "(the Azure SDK's package build: copies of the project's" in lines[1]
    assert "node_modules" not in err


def test_a_project_without_build_output_says_nothing_of_it(tmp_path, monkeypatch, capsys):
    _project(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert not _skipped(run(capsys, "check", ".", "--verbose")[2])


def test_without_verbose_the_folders_are_not_named(tmp_path, monkeypatch, capsys):
    _project(tmp_path, *COPIES)
    monkeypatch.chdir(tmp_path)
    assert not _skipped(run(capsys, "check", ".")[2])
