"""A shell script that moves to another folder and then sources a file by a relative path (`cd ../shared`,
then `source ./env.sh`) had the file beside the script read instead, whose values are not the ones bash
loads. The file is now looked for in the folder the `cd` moves to, when the script states it relative to
the folder it runs in (and it is one of the files checked); after a `cd` to an absolute path (the machine's,
not one of the files checked) or to a folder the script does not state, no file is read, and the source is
said as a part not read."""

from __future__ import annotations

import pytest
from lint_support import SH_DEPLOY, lint_files, script_resources, sh_settings

from migcheck.model import SOURCED_AFTER_CD, Script


def mig202(tmp_path, monkeypatch, load: str, two_subnets: str = "shared") -> list[str]:
    """Where MIG202 is said of the script given `load`: in the settings file that places the VM in two
    subnets, the one in `two_subnets` (the other, in `scripts` or `shared`, places it in one)."""
    files = {
        "deploy/scripts/deploy.sh": SH_DEPLOY.replace("source ./env.sh", load),
        "deploy/scripts/env.sh": sh_settings("Front,Back" if two_subnets == "scripts" else "Front"),
        "deploy/shared/env.sh": sh_settings("Front,Back" if two_subnets == "shared" else "Front"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    return [f"{f.location.path}:{f.location.line}" for f in result.findings if f.code == "MIG202"]


@pytest.mark.parametrize(
    "load",
    [
        "cd ../shared\nsource ./env.sh",
        "cd ../shared\n. env.sh",
        "pushd ../lib/../shared\nsource ./env.sh",
        'cd "$(dirname "$0")"\ncd ..\nsource shared/env.sh',
    ],
)
def test_the_file_in_the_folder_the_script_moved_to_is_read(tmp_path, monkeypatch, load):
    assert mig202(tmp_path, monkeypatch, load) == ["deploy/shared/env.sh:3"]


@pytest.mark.parametrize("load", ["cd /opt/deploy\nsource ./env.sh", 'cd "$1"\nsource ./env.sh'])
def test_no_file_is_read_after_a_cd_to_a_folder_the_files_do_not_hold(tmp_path, monkeypatch, load):
    assert mig202(tmp_path, monkeypatch, load, two_subnets="scripts") == []


def test_the_source_after_a_cd_to_an_absolute_path_is_said_as_not_read():
    script = SH_DEPLOY.replace("source ./env.sh", "cd /opt/deploy\nsource ./env.sh")
    (found,) = [r for r in script_resources(script, "deploy.sh") if isinstance(r, Script)]
    assert [(m.line, m.column, m.tag) for m in found.unread] == [(3, 8, SOURCED_AFTER_CD)]


def test_a_cd_back_to_the_script_s_folder_reads_the_file_beside_it(tmp_path, monkeypatch):
    load = 'cd /opt/deploy\ncd "$(dirname "$0")"\nsource ./env.sh'
    assert mig202(tmp_path, monkeypatch, load, two_subnets="scripts") == ["deploy/scripts/env.sh:3"]


@pytest.mark.parametrize(
    "load",
    [
        "if [ -d ../shared ]; then cd ../shared; fi\nsource ./env.sh",
        '[ -n "$2" ] && cd ../shared\nsource ./env.sh',
    ],
)
def test_no_file_is_read_after_a_cd_the_script_may_not_make(tmp_path, monkeypatch, load):
    assert mig202(tmp_path, monkeypatch, load) == []
    assert mig202(tmp_path / "beside", monkeypatch, load, two_subnets="scripts") == []


def test_a_cd_on_every_branch_to_one_folder_is_made(tmp_path, monkeypatch):
    load = 'if [ -n "$1" ]; then cd ../shared; else cd ../shared; fi\nsource ./env.sh'
    assert mig202(tmp_path, monkeypatch, load) == ["deploy/shared/env.sh:3"]


def test_a_source_read_at_each_call_of_its_function_is_said_once():
    script = SH_DEPLOY.replace("source ./env.sh", "load() { source ./env.sh; }\ncd /opt/deploy\nload\nload")
    (found,) = [r for r in script_resources(script, "deploy.sh") if isinstance(r, Script)]
    assert [(m.line, m.tag) for m in found.unread] == [(2, SOURCED_AFTER_CD)]


@pytest.mark.parametrize(
    ("load", "two_subnets", "read"),
    [
        ("cd ../shared\ncd -\nsource ./env.sh", "scripts", "deploy/scripts/env.sh:3"),
        ("cd ../shared\ncd /opt\ncd -\nsource ./env.sh", "shared", "deploy/shared/env.sh:3"),
        ("cd ../shared\ncd -\ncd -\nsource ./env.sh", "shared", "deploy/shared/env.sh:3"),
        ("pushd ../shared\npopd\ncd -\nsource ./env.sh", "shared", "deploy/shared/env.sh:3"),
        ("(cd /opt)\ncd ../shared\ncd - >/dev/null\nsource ./env.sh", "scripts", "deploy/scripts/env.sh:3"),
    ],
)
def test_cd_dash_goes_back_to_the_folder_the_last_cd_left(tmp_path, monkeypatch, load, two_subnets, read):
    assert mig202(tmp_path, monkeypatch, load, two_subnets) == [read]


@pytest.mark.parametrize(
    "load",
    [
        "cd -\nsource ./env.sh",  # the folder the script was run from left: not the script's
        'cd ../shared\n[ -n "$2" ] && cd /opt\ncd -\nsource ./env.sh',
    ],
)
def test_cd_dash_to_a_folder_not_known_reads_no_file(tmp_path, monkeypatch, load):
    assert mig202(tmp_path, monkeypatch, load, two_subnets="scripts") == []
    assert mig202(tmp_path / "shared", monkeypatch, load) == []
