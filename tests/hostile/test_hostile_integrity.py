"""Nothing lost, nothing changed, same answer every time: inputs are byte-identical after a run, a finding
is never dropped because another file failed, suppressed findings are counted, and the JSON output does
not depend on discovery order or PYTHONHASHSEED."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_support import CORPUS, EXAMPLES

from migcheck.cli import main
from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules


def _hashes(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


@pytest.mark.parametrize("root", [EXAMPLES, CORPUS], ids=["examples", "corpus"])
def test_inputs_are_byte_identical_after_a_run(root, capsys):
    if not root.is_dir():
        pytest.skip(f"{root} is absent")
    before = _hashes(root)
    stats = {p: p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}
    for output in ("text", "json", "sarif"):
        main(["check", "--format", output, str(root)])
    capsys.readouterr()
    assert _hashes(root) == before
    assert {p: p.stat().st_mtime_ns for p in stats} == stats


SUPPRESSED = """<ServiceDefinition name="quiet">
  <!-- migcheck: ignore[MIG101] moving to App Service -->
  <WebRole name="Web"/>
</ServiceDefinition>
"""


def test_findings_survive_broken_neighbours_and_suppressed_ones_are_counted(tmp_path, monkeypatch):
    shutil.copytree(EXAMPLES / "contoso", tmp_path / "estate")
    (tmp_path / "estate" / "quiet").mkdir()
    (tmp_path / "estate" / "quiet" / "ServiceDefinition.csdef").write_text(SUPPRESSED)
    monkeypatch.chdir(tmp_path)
    rules = load_rules(entry_points=False)
    clean = lint(["estate"], Config(), rules)
    (tmp_path / "estate" / "aaa.cscfg").write_bytes(b"\x00")
    (tmp_path / "estate" / "zzz.netcfg").write_bytes(b"<NetworkConfiguration>")
    broken = lint(["estate"], Config(), rules)
    extra = [f for f in broken.findings if f.mark.path in ("estate/aaa.cscfg", "estate/zzz.netcfg")]
    assert [f.code for f in extra] == ["MIG001", "MIG001"]
    assert [f for f in broken.findings if f not in extra] == clean.findings
    assert len(clean.suppressed) == len(broken.suppressed) == 1
    assert broken.suppressed[0].finding.code == "MIG101"


def _shuffled(seed: int):
    rng = random.Random(seed)
    real_walk, real_listdir, real_scandir = os.walk, os.listdir, os.scandir

    def walk(top, *args, **kwargs):
        for folder, dirs, files in real_walk(top, *args, **kwargs):
            rng.shuffle(dirs)
            rng.shuffle(files)
            yield folder, dirs, files

    def listdir(path="."):
        names = real_listdir(path)
        rng.shuffle(names)
        return names

    class Scandir:
        """os.scandir with its entries in a random order, usable as os.walk uses it."""

        def __init__(self, path="."):
            with real_scandir(path) as entries:
                self._entries = list(entries)
            rng.shuffle(self._entries)
            self._iter = iter(self._entries)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def __iter__(self):
            return self

        def __next__(self):
            return next(self._iter)

        def close(self):
            pass

    return walk, listdir, Scandir


def test_json_does_not_depend_on_discovery_order(monkeypatch, capsys):
    root = CORPUS if CORPUS.is_dir() else EXAMPLES
    monkeypatch.chdir(root.parent)
    reference = main(["check", "--format", "json", root.name]), capsys.readouterr().out
    folders = sorted(f"{root.name}/{p.name}" for p in root.iterdir() if p.is_dir())
    by_name = main(["check", "--format", "json", *folders]), capsys.readouterr().out
    for seed in range(3):
        walk, listdir, scandir = _shuffled(seed)
        with monkeypatch.context() as m:
            m.setattr(os, "walk", walk)
            m.setattr(os, "listdir", listdir)
            m.setattr(os, "scandir", scandir)
            assert (main(["check", "--format", "json", root.name]), capsys.readouterr().out) == reference
            shuffled = random.Random(seed).sample(folders, len(folders))  # the paths given in another order
            assert (main(["check", "--format", "json", *shuffled]), capsys.readouterr().out) == by_name


def test_json_does_not_depend_on_the_hash_seed():
    root = CORPUS if CORPUS.is_dir() else EXAMPLES
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-m", "migcheck", "check", "--format", "json", root.name],
            cwd=root.parent,
            env=env,
            capture_output=True,
            check=False,
        )
        assert run.returncode in (0, 1), run.stderr
        outputs.add(run.stdout)
    assert len(outputs) == 1
