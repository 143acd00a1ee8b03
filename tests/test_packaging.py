"""The distribution as a user gets it: the wheel built from this repository, installed into a fresh virtual
environment, runs the `migcheck` command and the `pytest --migcheck` plugin found through its entry point.

No network: the wheel is built without build isolation (hatchling is a test dependency), and the new
environment sees this environment's packages (lxml, pytest, pip...) through a `.pth` file, so only the
wheel itself is installed into it."""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from migcheck import __version__
from migcheck.config import tomllib

ROOT = Path(__file__).resolve().parents[1]
DISTRIBUTION = "pytest-migcheck"


def _run(*argv: object, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run `argv` in `cwd`: never this checkout, whose packages `python -c` would import from there."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PIP_CONFIG_FILE"] = os.devnull  # no index, mirror or constraint from the machine's pip settings
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run(
        [str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=300
    )
    if check and done.returncode != 0:
        pytest.fail(f"{argv} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("hatchling", reason="building the wheel offline needs hatchling (the test extra)")
    out = tmp_path_factory.mktemp("dist")
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index"]
    _run(*pip_wheel, "-q", "-w", out, ROOT, cwd=out)
    (built,) = out.glob("*.whl")
    return built


@pytest.fixture(scope="module")
def venv(tmp_path_factory, wheel) -> Path:
    """A fresh environment with the wheel installed, and this environment's packages visible to it."""
    env = tmp_path_factory.mktemp("venv")
    _run(sys.executable, "-m", "venv", "--without-pip", env, cwd=env)
    python = _python(env)
    paths = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    purelib = _run(python, "-c", paths, cwd=env).stdout.strip()
    outer = [p for p in site.getsitepackages() if os.path.isdir(p)]
    # Plain path lines: the outer site-packages is searched after the new one, and its own .pth files
    # (this checkout's editable install among them) are not run, so `migcheck` comes from the wheel.
    Path(purelib, "_outer_site_packages.pth").write_text("".join(p + "\n" for p in outer))
    _run(python, "-m", "pip", "install", "--no-deps", "--no-index", "-q", wheel, cwd=env)
    return env


def _python(env: Path) -> Path:
    return env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _script(env: Path, name: str) -> Path:
    return env / ("Scripts" if os.name == "nt" else "bin") / name


@pytest.fixture
def examples(tmp_path) -> Path:
    work = tmp_path / "work"
    shutil.copytree(ROOT / "examples", work / "examples", ignore=shutil.ignore_patterns("plugin"))
    return work


def test_the_wheel_is_pytest_migcheck_with_the_command_and_the_plugin(wheel):
    assert wheel.name.startswith(f"pytest_migcheck-{__version__}-")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        info = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(info).decode()
        entry_points = archive.read(info.replace("METADATA", "entry_points.txt")).decode()
    assert f"Name: {DISTRIBUTION}\n" in metadata and f"Version: {__version__}\n" in metadata
    assert "migcheck = migcheck.cli:run" in entry_points
    assert "[pytest11]\nmigcheck = pytest_migcheck.plugin" in entry_points
    assert "migcheck/__init__.py" in names and "pytest_migcheck/plugin.py" in names
    assert not any(n.startswith(("tests/", "linter/", "examples/")) for n in names)


def test_the_installed_code_is_the_wheels(venv):
    program = (
        "import importlib.metadata as m, migcheck, pytest_migcheck;"
        f"print(m.version('{DISTRIBUTION}'));"
        "print(migcheck.__file__); print(pytest_migcheck.__file__)"
    )
    version, *files = _run(_python(venv), "-c", program, cwd=venv).stdout.split()
    assert version == __version__
    for file in files:
        assert Path(file).resolve().is_relative_to(venv.resolve()), f"{file} is not the installed copy"
    assert _run(_script(venv, "migcheck"), "--version", cwd=venv).stdout.strip() == f"migcheck {__version__}"


def test_the_console_script_checks_the_examples(venv, examples):
    done = _run(_script(venv, "migcheck"), "check", "examples/", cwd=examples, check=False)
    assert done.returncode == 1, done.stderr
    assert "examples/contoso/network/NetworkConfig.netcfg:" in done.stdout
    assert done.stdout.rstrip().splitlines()[-1].startswith("Found ")


def test_pytest_finds_the_plugin_through_the_wheels_entry_point(venv, examples):
    pytest_ = [_python(venv), "-m", "pytest", "-p", "no:cacheprovider", "-q", "examples/contoso"]
    done = _run(*pytest_, "--migcheck", cwd=examples, check=False)
    assert done.returncode == 1, done.stdout + done.stderr  # the estate holds real blockers
    assert "FAILED examples/contoso/network/NetworkConfig.netcfg::MIG304" in done.stdout
    assert "--migcheck" in _run(*pytest_, "--help", cwd=examples).stdout  # the plugin's own option
    without = _run(*pytest_, cwd=examples, check=False)
    assert without.returncode == 5, without.stdout  # no flag, no items: "no tests ran"


def test_examples_plugin_depends_on_this_distribution():
    """The example plugin's dependency must name this distribution: `migcheck` on PyPI is another tool."""
    with (
        open(ROOT / "pyproject.toml", "rb") as ours,
        open(ROOT / "examples/plugin/pyproject.toml", "rb") as its,
    ):
        name = tomllib.load(ours)["project"]["name"]
        dependencies = tomllib.load(its)["project"]["dependencies"]
    assert name == DISTRIBUTION
    assert dependencies == [DISTRIBUTION]


def test_the_pre_commit_hook_runs_for_every_kind_of_file_migcheck_reads():
    """pre-commit runs the hook when a staged file matches `files` (a Python regex, searched)."""
    import re

    import yaml

    from migcheck.discover import CANDIDATE_SUFFIXES, NAMES

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "migcheck" and hook["entry"] == "migcheck check" and hook["language"] == "python"
    files = re.compile(hook["files"])
    for suffix in CANDIDATE_SUFFIXES:
        assert files.search(f"infra/sub/file{suffix}"), f"a change to a {suffix} file does not run the hook"
        assert files.search(f"infra/sub/FILE{suffix.upper()}"), f"nor a {suffix.upper()} file"
    for start in NAMES:  # the files read by how their name starts (Dockerfile.prod)
        assert files.search(f"infra/sub/{start.capitalize()}prod"), (
            f"a change to a {start}* file does not run it"
        )
    for settings in ("pyproject.toml", "infra/migcheck.toml"):
        assert files.search(settings)
    # a file with no extension may be a shell script the walk finds by its #! line; names are all pre-commit has
    for script in ("cluster/create-cluster", "deploy", "a.b/provision"):
        assert files.search(script), f"a change to {script} does not run the hook"
    assert not files.search("README.md") and not files.search("docs/notes.txt")
