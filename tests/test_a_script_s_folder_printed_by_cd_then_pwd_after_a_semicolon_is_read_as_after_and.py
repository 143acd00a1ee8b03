"""`$(cd "$(dirname $0)"; pwd)` prints the script's own folder, as `$(cd "$(dirname "$0")" && pwd)` does: the
`cd` to the folder the script is in works whenever the script runs by its path. A settings file sourced from
the folder such a variable holds is read (a real repository's `scriptdir=$(cd "$(dirname $0)"; pwd); source
${scriptdir}/etcd.conf` left every name it sets a placeholder); `cd` to another folder, or a `pwd` that is not
the last command, is not the script's folder."""

from __future__ import annotations

import pytest
from lint_support import SH_DEPLOY, lint_files, sh_settings


def mig202(tmp_path, monkeypatch, load: str) -> list[str]:
    files = {
        "scripts/deploy.sh": SH_DEPLOY.replace("source ./env.sh", load),
        "scripts/env.sh": sh_settings("Front,Back"),
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    return [f"{f.location.path}:{f.location.line}" for f in result.findings if f.code == "MIG202"]


@pytest.mark.parametrize(
    "load",
    [
        'scriptdir=$(cd "$(dirname $0)"; pwd)\nsource ${scriptdir}/env.sh',
        'DIR="$(cd "$(dirname "$0")"; pwd -P)"\n. "$DIR/env.sh"',
        "DIR=`cd $(dirname $0); pwd`\n. $DIR/env.sh",
    ],
)
def test_a_settings_file_from_the_folder_cd_then_pwd_prints_is_read(tmp_path, monkeypatch, load):
    assert mig202(tmp_path, monkeypatch, load) == ["scripts/env.sh:3"]


@pytest.mark.parametrize(
    "load",
    [
        'DIR=$(cd /opt/deploy; pwd)\n. "$DIR/env.sh"',
        'DIR=$(pwd; cd "$(dirname "$0")")\n. "$DIR/env.sh"',
    ],
)
def test_another_folder_printed_is_not_the_script_s(tmp_path, monkeypatch, load):
    assert mig202(tmp_path, monkeypatch, load) == []
