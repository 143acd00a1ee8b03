"""A settings pattern that matches no file (a typo, a folder since renamed) is said on standard error:
once per pattern, naming the settings file, the key, the pattern and what to do, and the run goes on as
ever. Patterns are judged only where the run walked the whole folder they are relative to, and the walk
records what its patterns match as it goes (the project is not walked again)."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck import discover as discover_module
from migcheck.cli import main
from migcheck.config import load_config
from migcheck.discover import Glob, discover, unmatched_patterns
from migcheck.engine import lint, walk
from migcheck.plugins import load_rules

CSCFG = """<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2"/></Role>
</ServiceConfiguration>
"""
FILES = (
    "shop/ServiceConfiguration.Cloud.cscfg",
    "shop/bin/Release/ServiceConfiguration.Cloud.cscfg",
    "legacy/ServiceConfiguration.Cloud.cscfg",
    "net/NetworkConfig.netcfg",
)
NETCFG = '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration"/>\n'
SETTINGS = """\
include = ["shop/**", "net/**", "netwrk/**"]
exclude = ["legacy/", "bin/", "shop/*.bak.cscfg"]

[per-file-ignores]
"shop/*.cscfg" = ["MIG101"]
"shop/ServiceConfiguration.Clod.cscfg" = ["MIG201"]

[cloud-services]
shop = ["shop/*", "shopp/*"]

[subscriptions]
prod = ["net/**", "prod/**"]
"""
SAID = [
    ("include", "netwrk/**", "file"),
    ("exclude", "shop/*.bak.cscfg", "file or folder"),
    ("per-file-ignores", "shop/ServiceConfiguration.Clod.cscfg", "file"),
    ("cloud-services.shop", "shopp/*", "file"),
    ("subscriptions.prod", "prod/**", "file"),
]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in FILES:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(NETCFG if name.endswith(".netcfg") else CSCFG)
    (tmp_path / "migcheck.toml").write_text(SETTINGS)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "pattern" in line]


def test_each_pattern_that_matches_nothing_is_said_once_and_the_run_goes_on(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", ".", "--quiet"])
    said = warnings(capsys.readouterr().err)
    assert said == [
        f"migcheck: warning: migcheck.toml: `{key}` pattern '{pattern}' matches no {what} migcheck walks "
        f"under {project}: correct it (a gitignore pattern, relative to that folder) or remove it"
        for key, pattern, what in SAID
    ]


def test_the_exit_code_is_the_one_without_the_warnings(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "migcheck.toml").write_text(SETTINGS + '\n[severity]\nALL = "info"\n')
    assert main(["check", "."]) == 0
    assert len(warnings(capsys.readouterr().err)) == len(SAID)
    (project / "migcheck.toml").write_text(SETTINGS.replace('"shop/*.cscfg" = ["MIG101"]', ""))
    assert main(["check", "."]) == 1  # MIG101, an error, as ever
    assert len(warnings(capsys.readouterr().err)) == len(SAID)


def test_an_include_pattern_that_names_only_excluded_files_is_said(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The walk never enters legacy/: the pattern has no effect, which is worth knowing.
    (project / "migcheck.toml").write_text('include = ["shop/**", "legacy/**"]\nexclude = ["legacy/"]\n')
    main(["check", ".", "--quiet"])
    assert [line.split(" matches")[0] for line in warnings(capsys.readouterr().err)] == [
        "migcheck: warning: migcheck.toml: `include` pattern 'legacy/**'"
    ]


def test_patterns_that_match_say_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # `bin/` names a folder every walk skips, `legacy/` one `include` names too, `!...` re-includes a file,
    # and `shop/*.cscfg` is named first and shadowed by a later include pattern that matches the same file.
    (project / "migcheck.toml").write_text(
        'include = ["shop/*.cscfg", "**/*.cscfg", "net/**"]\n'
        'exclude = ["legacy/", "bin/", "shop/*.cscfg", "!shop/ServiceConfiguration.Cloud.cscfg"]\n'
    )
    main(["check", ".", "--quiet"])
    assert warnings(capsys.readouterr().err) == []


def test_a_run_of_part_of_the_project_judges_no_pattern(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `prod/**` may well match files elsewhere; a run of shop/ or of one file cannot tell.
    main(["check", "shop", "--quiet"])
    main(["check", "shop/ServiceConfiguration.Cloud.cscfg", "--quiet"])
    assert warnings(capsys.readouterr().err) == []
    main(["check", str(project.parent), "--config", "migcheck.toml", "--quiet"])
    assert len(warnings(capsys.readouterr().err)) == len(SAID)


def test_plan_and_badge_say_it_too(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["plan", "."])
    assert len(warnings(capsys.readouterr().err)) == len(SAID)


def test_the_walk_is_not_walked_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    listed: list[str] = []
    listing = discover_module._listing

    def counted(folder: str):  # type: ignore[no-untyped-def]
        listed.append(folder)
        return listing(folder)

    monkeypatch.setattr(discover_module, "_listing", counted)
    config = load_config()
    result = lint(["."], config, load_rules())
    assert {(key, str(pattern)) for key, pattern in result.unmatched} == {(k, p) for k, p, _ in SAID}
    linted = list(listed)
    listed.clear()
    walk(["."], config)
    assert linted == listed == [".", "./net", "./shop"]  # each folder listed once, as by a walk alone


def test_a_walk_tells_of_its_unmatched_patterns_once_every_file_is_given(project: Path) -> None:
    heard: list[tuple[str, str]] = []
    root = str(project)
    found = discover(
        ["."],
        include=[Glob("**/*.cscfg", root), Glob("nowhere/", root)],
        exclude=[Glob("legacy/", root), Glob("*.csdef", root)],
        unmatched=lambda key, glob: heard.append((key, glob)),
    )
    assert [c.path for c in found] == ["shop/ServiceConfiguration.Cloud.cscfg"]
    assert heard == [("include", "nowhere/"), ("exclude", "*.csdef")]


def test_patterns_are_matched_alone_against_the_paths() -> None:
    paths = ["a/x.cscfg", "b/y.csdef"]
    # A later pattern decides for a/x.cscfg; `!a/x.cscfg` matches it too, alone.
    assert unmatched_patterns(["a/*", "**/*.cscfg", "!a/x.cscfg", "c/", "", "# a note"], paths) == ["c/"]
    assert unmatched_patterns([], paths) == []
