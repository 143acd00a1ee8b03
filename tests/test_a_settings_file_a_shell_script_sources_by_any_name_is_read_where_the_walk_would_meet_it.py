"""A settings file a shell script sources is read whatever its name (`source ./common.conf`, `. "$DIR/settings.env"`,
`source config` with no extension, `. ./vars.inc`), though no reader reads such a file by itself: a blank it
leaves (`VNETNAME=`) is one value for every script that sources it, named where the file leaves it, and a
finding about a value it states points where it writes it, its line shown. It is read under the rules of
every input, where the walk of the project would have met it were its name one it reads: not excluded by
the settings, not ignored by git, a regular file reached through no symbolic link, inside the folder
checked and no larger than a script may be; else each script reads as without it."""

from __future__ import annotations

import os
import textwrap

import pytest
from growth import assert_linear
from lint_support import lint_files, where

from migcheck.config import Config
from migcheck.engine import ReadCache, lint
from migcheck.formats import SCRIPT_BYTES
from migcheck.plan import build_plan
from migcheck.plugins import load_rules
from migcheck.report.text import render

# A settings file as the classic CLI's deployment scripts wrote them: a wrapper they call, and the names
# left blank for the user to fill in.
BLANKS = """\
#!/bin/bash
runtraced() {
    echo "$@"
    "$@"
}
# Variables to be defined before starting scripts
SERVICE=
VNETNAME=
SUBNET=
"""


def scripts(load: str) -> dict[str, str]:
    return {
        "init.sh": f"""\
            #!/bin/bash
            {load}
            runtraced azure network vnet create --vnet $VNETNAME -e 10.0.0.0 -i 8 -l "West Europe"
            azure vm create $SERVICE ubuntu ops Pa55w.rd! -n web1 -w $VNETNAME -b $SUBNET -l "West Europe"
            """,
        "add.sh": f"""\
            #!/bin/bash
            {load}
            azure vm create $SERVICE ubuntu ops Pa55w.rd! -n web2 -w $VNETNAME -b $SUBNET --connect
            """,
    }


def networks(
    files: dict[str, str], *, paths: tuple[str, ...] = (".",), config: Config | None = None
) -> list[str]:
    for path, text in files.items():
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(path, "w", encoding="utf-8") as file:
            file.write(textwrap.dedent(text))
    plan = build_plan(lint(list(paths), config or Config(), load_rules(entry_points=False)))
    return [step.name for step in plan.steps if step.id.startswith("network:")]


@pytest.mark.parametrize(
    ("name", "load"),
    [
        ("common.conf", "source common.conf"),
        ("common.conf", "source ./common.conf"),
        ("settings.env", '. "$(dirname "$0")/settings.env"'),
        ("config", "source config"),  # with no `#!` line (one with it is a script the walk reads)
        ("vars.inc", ". ./vars.inc"),
    ],
)
def test_two_scripts_sourcing_one_settings_file_of_any_name_place_their_vms_in_one_network(
    tmp_path, monkeypatch, name, load
):
    monkeypatch.chdir(tmp_path)
    settings = BLANKS.removeprefix("#!/bin/bash\n") if name == "config" else BLANKS
    found = networks({name: settings, **scripts(load)})
    assert found == [f"<virtual network name, {name}:{8 if settings == BLANKS else 7}:1>"]


def test_a_settings_file_in_a_folder_below_is_read_by_its_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    found = networks({"conf/common.conf": BLANKS, **scripts('. "$(dirname "$0")/conf/common.conf"')})
    assert found == ["<virtual network name, common.conf:8:1>"]  # a stand-in names the file by its name


# A settings file whose values give VM app1 two subnets: MIG202 points where it writes the second.
DEPLOY = """\
#!/bin/bash
source ./env.conf
azure config mode asm
azure vm create "$SERVICE" img-ubuntu ops 'P@ss' -n app1 -w "$VNET" -b "$SUBNETS" -l "West Europe" -z Small
"""
SETTINGS = "SERVICE=shop-svc\nexport VNET=hub\nSUBNETS=Front,Back\n"


def test_a_finding_about_a_value_the_settings_file_states_points_where_it_writes_it(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": DEPLOY, "env.conf": SETTINGS}, "MIG202")
    assert where(result.findings) == ["MIG202 env.conf:3:15"]
    assert [d.path for d in result.documents] == ["deploy.sh", "env.conf"]
    report = render(result)
    assert "3 | SUBNETS=Front,Back\n  |               ^^^^" in report


def test_a_suppression_comment_in_the_settings_file_holds_its_finding_back(tmp_path, monkeypatch):
    commented = SETTINGS.replace(
        "SUBNETS", "# migcheck: ignore[MIG202] the second goes first (OPS-7)\nSUBNETS"
    )
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": DEPLOY, "env.conf": commented}, "MIG202")
    assert result.findings == []
    assert [f"{s.finding.mark.path}:{s.finding.mark.line}" for s in result.suppressed] == ["env.conf:4"]


def test_the_editor_reads_the_script_again_when_the_settings_file_changes(tmp_path, monkeypatch):
    lint_files(tmp_path, monkeypatch, {"deploy.sh": DEPLOY, "env.conf": SETTINGS}, "MIG202")
    rules, cache = load_rules(entry_points=False), ReadCache()
    assert where(lint(["."], Config(select=("MIG202",)), rules, cache=cache).findings) == [
        "MIG202 env.conf:3:15"
    ]
    (tmp_path / "env.conf").write_text(SETTINGS.replace(",Back", ""), encoding="utf-8")
    assert lint(["."], Config(select=("MIG202",)), rules, cache=cache).findings == []
    edited = SETTINGS.encode()  # the editor's buffer of the settings file, unsaved
    result = lint(["."], Config(select=("MIG202",)), rules, stdin=edited, stdin_path="env.conf", cache=cache)
    assert where(result.findings) == ["MIG202 env.conf:3:15"]


# --- files the walk would not have met ----------------------------------------------------------------


def two_networks(found: list[str]) -> bool:
    return len(found) == 2 and not any("common.conf" in name for name in found)


def test_an_excluded_settings_file_is_not_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = {"common.conf": BLANKS, **scripts("source ./common.conf")}
    assert two_networks(networks(files, config=Config(exclude=("*.conf",))))
    assert networks(files, config=Config(exclude=("*.ini",))) == ["<virtual network name, common.conf:8:1>"]


@pytest.mark.parametrize("ignored", ["*.conf", "common.conf", "conf/"])
def test_a_settings_file_git_ignores_is_not_read(tmp_path, monkeypatch, ignored):
    monkeypatch.chdir(tmp_path)
    files = {".gitignore": f"{ignored}\n", "conf/common.conf": BLANKS, **scripts("source ./conf/common.conf")}
    assert two_networks(networks(files))
    assert not two_networks(networks(files, config=Config(respect_gitignore=False)))


def test_a_settings_file_reached_through_a_symbolic_link_is_not_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "common.conf").write_text(BLANKS, encoding="utf-8")
    (tmp_path / "common.conf").symlink_to(tmp_path / "real" / "common.conf")
    (tmp_path / "conf").symlink_to(tmp_path / "real", target_is_directory=True)
    assert two_networks(networks(scripts("source ./common.conf")))
    assert two_networks(networks(scripts("source ./conf/common.conf")))
    assert networks(scripts("source ./real/common.conf")) == ["<virtual network name, common.conf:8:1>"]


def test_a_settings_file_larger_than_a_script_may_be_is_not_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    largest = BLANKS + "#" * (SCRIPT_BYTES - len(BLANKS) - 1) + "\n"
    assert networks({"common.conf": largest, **scripts("source ./common.conf")}) == [
        "<virtual network name, common.conf:8:1>"
    ]
    assert two_networks(networks({"common.conf": largest + "#\n", **scripts("source ./common.conf")}))


def test_a_settings_file_outside_the_folder_checked_is_not_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = {"common.conf": BLANKS, **{f"app/{n}": t for n, t in scripts("source ../common.conf").items()}}
    assert two_networks(networks(files, paths=("app",)))
    assert networks(files) == ["<virtual network name, common.conf:8:1>"]


def test_a_script_named_on_the_command_line_reads_only_the_files_the_run_checks(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = {"common.conf": BLANKS, **scripts("source ./common.conf")}
    assert two_networks(networks(files, paths=("init.sh", "add.sh")))
    assert networks(files) == ["<virtual network name, common.conf:8:1>"]


def test_the_cost_grows_linearly_with_the_scripts_that_source_settings_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rules = load_rules(entry_points=False)

    def make(n: int):
        root = tmp_path / str(n)
        for each in range(n):
            folder = root / f"app{each}" / "deploy"
            folder.mkdir(parents=True)
            (folder / "common.conf").write_text(BLANKS, encoding="utf-8")
            for name, text in scripts("source ./common.conf").items():
                (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
        (root / ".gitignore").write_text("*.log\nbuild/\n", encoding="utf-8")
        result = lint([str(root)], Config(select=("MIG601",)), rules, jobs=1)
        loaded = {path for d in result.documents for path in d.settings_files}
        assert len(loaded) == n  # each folder's settings file is read
        return lambda: lint([str(root)], Config(select=("MIG601",)), rules, jobs=1)

    assert_linear(make, 20)
