"""Before `azure network import NetworkConfig.netcfg`, a command the reader does not know to leave files
alone (`rsync`, `scp`, `perl -pi`, `dd of=`, `tar x`, a script of the repository...) that names the file, a
glob or a folder or archive that may hold it, or a `cd` that makes the relative path name another file,
leaves what the upload holds unknown: not the NetworkConfig.netcfg checked beside the script. A command
that only reads, one that names another file, a copy to another name, a write after the upload or in a
function never called, keep the file checked."""

from __future__ import annotations

import pytest

from tests.lint_support import lint_files, where
from tests.readers.test_shell_a_network_configuration_put_in_place_before_its_upload import NETCFG, _mig003


@pytest.mark.parametrize(
    "placed",
    [
        "rsync -a configs/prod.netcfg NetworkConfig.netcfg",
        "scp jump:/etc/prod.netcfg NetworkConfig.netcfg",
        "scp jump:/etc/NetworkConfig.netcfg .",
        "git checkout prod -- NetworkConfig.netcfg",
        "azure storage blob download configs NetworkConfig.netcfg NetworkConfig.netcfg",
        "azure network export NetworkConfig.netcfg",
        "perl -pi -e 's/myvnet/prodnet/' NetworkConfig.netcfg",
        "dd if=prod.netcfg of=NetworkConfig.netcfg",
        "tar xzf configs.tgz",
        "unzip -o configs.zip",
        "gunzip NetworkConfig.netcfg.gz",
        "cp -r configs/. .",
        "cp -r configs .",
        "cp configs/*.netcfg .",
        "rsync -a configs/ ./",
        "cd configs",
        "pushd configs",
        "sed --in-place=.bak 's/myvnet/prodnet/' NetworkConfig.netcfg",
        "envsubst < t.xml | sponge NetworkConfig.netcfg",
        "xmlstarlet ed -L -u //x -v y NetworkConfig.netcfg",
        "python gen.py NetworkConfig.netcfg",
        "./make-config.sh NetworkConfig.netcfg",
        "bash make-config.sh NetworkConfig.netcfg",
        'sudo "$EDITOR" NetworkConfig.netcfg',
        "timeout 30 rsync -a jump:/etc/netcfg/ .",
        "make NETCFG=NetworkConfig.netcfg",
    ],
)
def test_a_command_that_may_write_the_file_before_its_upload_leaves_it_unknown(tmp_path, monkeypatch, placed):
    assert _mig003(tmp_path, monkeypatch, placed) == []


@pytest.mark.parametrize(
    "placed",
    [
        "cat NetworkConfig.netcfg",
        "grep -q prodnet NetworkConfig.netcfg || exit 1",
        "test -f NetworkConfig.netcfg",
        "[ -f NetworkConfig.netcfg ]",
        "ls *.netcfg",
        "mkdir -p out/",
        "xmllint --noout NetworkConfig.netcfg",
        "git show prod:NetworkConfig.netcfg > /dev/null",
        "rsync -a configs/prod.netcfg other.netcfg",
        "cp configs/prod.netcfg NetworkConfig.netcfg.bak",
        "f() { cp x.netcfg NetworkConfig.netcfg; }",
        'cd "$(dirname "$0")"',
        "(cd configs && ls)",
        "perl -pi -e 's/a/b/' other.netcfg",
    ],
)
def test_a_command_that_leaves_the_file_alone_keeps_it_checked(tmp_path, monkeypatch, placed):
    assert _mig003(tmp_path, monkeypatch, placed) == ["MIG003 deploy.sh:4:33"]


def test_a_command_after_the_upload_leaves_it_checked(tmp_path, monkeypatch):
    script = """\
azure config mode asm
azure network import NetworkConfig.netcfg
azure vm create svc1 img u p -w prodnet -b web
rsync -a configs/prod.netcfg NetworkConfig.netcfg
cd configs
"""
    files = {"NetworkConfig.netcfg": NETCFG, "deploy.sh": script}
    findings = lint_files(tmp_path, monkeypatch, files, "MIG003", dedent=False).findings
    assert where(findings) == ["MIG003 deploy.sh:3:33"]
