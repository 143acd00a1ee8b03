"""The folder walk asks a folder above a service's files whether its Eclipse `package.xml` names the service's
folder as package output only where that folder's listing holds a `package.xml`: a repository of many
cloud service projects and no Eclipse project costs no look-up per folder (the walk lists every folder
anyway)."""

from __future__ import annotations

from migcheck import discover

CONFIGURATION = '<ServiceConfiguration serviceName="s{n}"><Role name="web"/></ServiceConfiguration>\n'


def _asked(tmp_path, monkeypatch) -> list[str]:
    asked: list[str] = []
    named = discover._package_folders_named

    def counting(folder: str):
        asked.append(folder)
        return named(folder)

    monkeypatch.setattr(discover, "_package_folders_named", counting)
    list(discover.discover([str(tmp_path)]))
    return asked


def test_no_folder_without_a_build_file_is_asked(tmp_path, monkeypatch):
    for n in range(20):
        project = tmp_path / "services" / f"s{n}" / "cloud"
        project.mkdir(parents=True)
        (project / "ServiceConfiguration.cscfg").write_text(CONFIGURATION.format(n=n))
    assert _asked(tmp_path, monkeypatch) == []


def test_the_folder_that_lists_a_build_file_is_asked(tmp_path, monkeypatch):
    project = tmp_path / "project"
    (project / "deploy").mkdir(parents=True)
    (project / "package.xml").write_text("<project/>\n")
    (project / "deploy" / "ServiceConfiguration.cscfg").write_text(CONFIGURATION.format(n=1))
    assert _asked(tmp_path, monkeypatch) == [str(project)]
