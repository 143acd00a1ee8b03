"""A shell script that goes to another folder with `pushd` and comes back with `popd` (`pushd /tmp`,
`popd`, then `. ./env.sh`) had its source said as not read (sourced after a cd to an absolute folder) and
the values the file sets lost: `popd` was read as a move to a folder the script does not state. It now goes
back to the folder `pushd` left, as PowerShell's Pop-Location does after Push-Location."""

from __future__ import annotations

import pytest
from lint_support import SH_DEPLOY, lint_files, script_resources, sh_settings

from migcheck.model import SOURCED_AFTER_CD, Script


def mig202(tmp_path, monkeypatch, load: str, two_subnets: str = "scripts") -> list[str]:
    """Where MIG202 is said of the script given `load`: in the settings file that places the VM in two
    subnets, the one in `two_subnets` (the other, in `scripts` or `shared`, places it in one)."""
    files = {
        "deploy/scripts/deploy.sh": SH_DEPLOY.replace("source ./env.sh", load),
        "deploy/scripts/env.sh": sh_settings("Front,Back" if two_subnets == "scripts" else "Front"),
        "deploy/shared/env.sh": sh_settings("Front,Back" if two_subnets == "shared" else "Front"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    return [f"{f.location.path}:{f.location.line}" for f in result.findings if f.code == "MIG202"]


def unread(load: str) -> list[tuple[int, str]]:
    script = SH_DEPLOY.replace("source ./env.sh", load)
    (found,) = [r for r in script_resources(script, "deploy.sh") if isinstance(r, Script)]
    return [(m.line, m.tag) for m in found.unread]


@pytest.mark.parametrize(
    "load",
    [
        "pushd /tmp >/dev/null\npopd >/dev/null\nsource ./env.sh",
        "pushd ../shared\npushd /opt\npopd\npopd\nsource ./env.sh",
        "(pushd /tmp)\nsource ./env.sh",
    ],
)
def test_the_file_beside_the_script_is_read_after_popd(tmp_path, monkeypatch, load):
    assert mig202(tmp_path, monkeypatch, load) == ["deploy/scripts/env.sh:3"]
    assert unread(load) == []


def test_popd_goes_back_to_the_folder_the_script_states(tmp_path, monkeypatch):
    load = "pushd ../shared\npushd /opt\npopd\nsource ./env.sh"
    assert mig202(tmp_path, monkeypatch, load, two_subnets="shared") == ["deploy/shared/env.sh:3"]


@pytest.mark.parametrize(
    "load",
    [
        "popd\nsource ./env.sh",
        "pushd /tmp\npushd +1\npopd\nsource ./env.sh",
        'pushd ../shared\n[ -n "$1" ] && pushd /opt\npopd\nsource ./env.sh',
    ],
)
def test_a_popd_to_a_folder_the_reader_cannot_follow_reads_no_file(tmp_path, monkeypatch, load):
    assert mig202(tmp_path, monkeypatch, load) == []
    assert [tag for _, tag in unread(load)] == [SOURCED_AFTER_CD]
