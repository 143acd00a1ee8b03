"""Config files, baselines, globs and output paths are data from the repository under review: whatever they
hold, migcheck says what is wrong and exits 2 (pytest: a usage error), never a traceback, never a hang. A
file swapped for a link after the walk looked at it is not followed; a closed pipe is quiet; messages name
a handful of members, not thousands."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hostile_support import HANG_SECONDS, check_json, migcheck_limited

from migcheck import engine
from migcheck.cli import main

GOOD = '<ServiceDefinition name="shop"><WebRole name="Web"/></ServiceDefinition>'
SECRET = "s3cr3t-7d1e-must-never-be-printed"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "ServiceDefinition.csdef").write_text(GOOD)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


CONFIGS = {
    "tool-is-a-string": b'tool = "x"\n',
    "migcheck-is-a-number": b"[tool]\nmigcheck = 3\n",
    "not-utf8": b'[tool.migcheck]\nselect = ["\xff\xfe"]\n',
    "nested-arrays": b"[tool.migcheck]\nselect = " + b"[" * 50_000 + b"]" * 50_000 + b"\n",
    "nested-tables": b"[tool.migcheck]\nseverity = " + b"{a = " * 30_000 + b"1" + b"}" * 30_000 + b"\n",
    "backslash-glob": b'[tool.migcheck]\nexclude = ["\\\\"]\n',
    "escape-in-key": b'[tool.migcheck]\n"\\u001b[2J::error::x" = 1\n',
    "huge-integer": b"[tool.migcheck]\nfail-on = 1" + b"9" * 5000 + b"\n",
    "huge-hex-integer": b"[tool.migcheck]\nfail-on = 0x" + b"F" * 5000 + b"\n",
}


@pytest.mark.parametrize("content", CONFIGS.values(), ids=CONFIGS.keys())
def test_a_malformed_config_is_exit_2_with_a_message(repo, capsys, content):
    (repo / "pyproject.toml").write_bytes(content)
    code, _, err = _run(capsys, "check", "shop")
    assert code == 2
    assert err.startswith("migcheck: error: ") and "pyproject.toml" in err
    assert "Traceback" not in err and "\x1b" not in err
    assert len(err.splitlines()) == 1  # one line: nothing from the file can start a new one


LIMIT = 512 * 1024 * 1024  # memory for a child that must refuse a device, not read it


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/stdin", "folder"])
def test_a_config_that_is_not_a_regular_file_is_refused(repo, capsys, target):
    (repo / "folder").mkdir()
    (repo / "migcheck.toml").symlink_to(target if target.startswith("/") else repo / target)
    # In a child with limits: a config read until /dev/zero ends would exhaust them, not the machine.
    run = migcheck_limited("check", "--config", "migcheck.toml", "shop", cwd=repo, cpu=20, memory=LIMIT)
    assert run.returncode == 2 and "not a regular file" in run.stderr


BASELINES = {
    "huge-integer": '{"version": 1' + "0" * 5000 + ', "findings": []}',
    "deep-nesting": "[" * 100_000 + "]" * 100_000,
    "version-true": '{"version": true, "findings": []}',
    "version-float": '{"version": 1.0, "findings": []}',
    "not-utf8": None,
    "findings-not-a-list": '{"version": 1, "findings": {"a": 1}}',
}


@pytest.mark.parametrize("content", BASELINES.values(), ids=BASELINES.keys())
def test_a_malformed_baseline_is_exit_2_with_a_message(repo, capsys, content):
    path = repo / "baseline.json"
    path.write_bytes(b'{"version": 1, "findings": ["\xff"]}' if content is None else content.encode())
    code, _, err = _run(capsys, "check", "--baseline", "baseline.json", "shop")
    assert code == 2
    assert err.startswith("migcheck: error: ") and "baseline.json" in err and "Traceback" not in err
    assert len(err) < 1000


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom", "folder"])
def test_a_baseline_that_is_not_a_regular_file_is_refused_at_once(repo, capsys, target):
    """A baseline linked to /dev/zero once read until 24 GB of memory were gone. (One that settings name
    is refused before that when it leads out of the project: `--baseline` may name any file.)"""
    (repo / "folder").mkdir()
    (repo / "baseline.json").symlink_to(target if target.startswith("/") else repo / target)
    run = migcheck_limited("check", "shop", "--baseline", "baseline.json", cwd=repo, cpu=20, memory=LIMIT)
    assert run.returncode == 2 and "cannot read baseline baseline.json: not a regular file" in run.stderr


def _pytest(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "--migcheck", "-p", "no:cacheprovider", "-p", "no:xdist", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,  # a backstop for a hang, not a time limit
        check=False,
    )


@pytest.mark.parametrize(
    ("config", "words"),
    [
        (CONFIGS["migcheck-is-a-number"], "[tool.migcheck] must be a table"),
        (CONFIGS["not-utf8"], "is not UTF-8 text"),
        (b'[tool.migcheck]\nbaseline = "zero.json"\n', "leads to /dev/zero, which is outside the project"),
        (CONFIGS["huge-integer"], "an integer of 5,001 digits"),
    ],
    ids=["not-a-table", "not-utf8", "baseline-device", "huge-integer"],
)
def test_under_pytest_a_bad_config_or_baseline_is_a_usage_error(repo, config, words):
    (repo / "zero.json").symlink_to("/dev/zero")
    # migcheck.toml: pytest reads pyproject.toml itself, and stops on one that is not UTF-8 before any
    # plugin runs.
    (repo / "migcheck.toml").write_bytes(config.replace(b"[tool.migcheck]\n", b""))
    run = _pytest(repo)
    assert run.returncode == pytest.ExitCode.USAGE_ERROR, run.stdout + run.stderr
    assert "INTERNALERROR" not in run.stdout + run.stderr
    assert words in run.stderr


def test_non_utf8_file_names_reach_pytest_and_its_junit_writer(tmp_path):
    folder = os.fsencode(tmp_path) + b"/svc\xff"
    os.mkdir(folder)
    with open(folder + b"/x\xfe\n.cscfg", "wb") as handle:
        handle.write(b'<ServiceConfiguration serviceName="s"><Role name="r"/></ServiceConfiguration>')
    (tmp_path / "pyproject.toml").write_text("[tool.migcheck]\n")
    run = _pytest(tmp_path, "--junitxml=junit.xml")
    assert run.returncode == pytest.ExitCode.TESTS_FAILED, run.stdout + run.stderr
    assert "INTERNALERROR" not in run.stdout
    assert "svc\\xff/x\\xfe\\x0a.cscfg::MIG101" in run.stdout
    junit = (tmp_path / "junit.xml").read_text(encoding="utf-8")
    assert 'classname="svc\\xff.x\\xfe\\x0a.cscfg"' in junit


# --- globs -----------------------------------------------------------------------------------------------

BACKTRACKING = "*a*a*a*a*a*a*a*a*b"


def test_a_backtracking_glob_in_every_glob_setting_is_linear(tmp_path):
    """Each glob setting with a pattern that a backtracking engine needs minutes for, against names that
    make it try every split; the run is a child process with 30 s of CPU, so a regression fails here."""
    (tmp_path / "pyproject.toml").write_text(
        textwrap.dedent(
            f"""\
            [tool.migcheck]
            include = ["{BACKTRACKING}", "*.cscfg"]
            exclude = ["{BACKTRACKING}"]
            [tool.migcheck.per-file-ignores]
            "{BACKTRACKING}" = ["MIG1"]
            [tool.migcheck.cloud-services]
            shop = ["{BACKTRACKING}"]
            [tool.migcheck.subscriptions]
            prod = ["{BACKTRACKING}"]
            """
        )
    )
    deep = tmp_path / ("a" * 100) / ("a" * 100)
    deep.mkdir(parents=True)
    for i in range(20):
        (deep / f"{'a' * 200}{i}.cscfg").write_text('<ServiceConfiguration serviceName="s"/>')
    run = migcheck_limited("check", "--format", "concise", ".", cwd=tmp_path, cpu=30)
    assert run.returncode == 0, run.stderr
    assert "20 files" in run.stdout


# --- check-then-read races ---------------------------------------------------------------------------


def _swap_after_discovery(monkeypatch: pytest.MonkeyPatch, swap) -> None:
    discover = engine.discover

    def discover_then_swap(*args, **kwargs):
        candidates = list(discover(*args, **kwargs))
        swap()
        return iter(candidates)

    monkeypatch.setattr(engine, "discover", discover_then_swap)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "outside" / "secret.cscfg"
    path.parent.mkdir()
    path.write_text(
        f'<ServiceConfiguration serviceName="{SECRET}"><Role name="{SECRET}"/></ServiceConfiguration>'
    )
    return path


def _assert_not_read(capsys, path: str, words: str) -> None:
    code, findings = check_json(capsys, "repo")
    assert code == 1
    assert all(SECRET not in str(f) for f in findings)
    (finding,) = [f for f in findings if f["path"] == path]
    assert finding["code"] == "MIG001" and words in str(finding["message"])


def test_a_file_swapped_for_a_link_after_the_walk_is_not_followed(tmp_path, monkeypatch, capsys, secret):
    (tmp_path / "repo").mkdir()
    victim = tmp_path / "repo" / "x.cscfg"
    victim.write_text("<ServiceConfiguration/>")
    monkeypatch.chdir(tmp_path)

    def swap() -> None:
        victim.unlink()
        victim.symlink_to(secret)

    _swap_after_discovery(monkeypatch, swap)
    _assert_not_read(capsys, "repo/x.cscfg", "symbolic link")


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see what was opened")
def test_a_link_retargeted_after_the_walk_is_not_followed_out(tmp_path, monkeypatch, capsys, secret):
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "real.txt").write_text("<ServiceConfiguration/>")
    link = tmp_path / "repo" / "link.cscfg"
    link.symlink_to(tmp_path / "repo" / "real.txt")  # inside the folder: the walk reads it
    monkeypatch.chdir(tmp_path)

    def swap() -> None:
        link.unlink()
        link.symlink_to(secret)

    _swap_after_discovery(monkeypatch, swap)
    _assert_not_read(capsys, "repo/link.cscfg", "outside the folder being checked")


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see what was opened")
def test_a_folder_swapped_for_a_link_after_the_walk_is_not_followed_out(
    tmp_path, monkeypatch, capsys, secret
):
    sub = tmp_path / "repo" / "sub"
    sub.mkdir(parents=True)
    (sub / "secret.cscfg").write_text("<ServiceConfiguration/>")
    monkeypatch.chdir(tmp_path)

    def swap() -> None:
        (sub / "secret.cscfg").unlink()
        sub.rmdir()
        sub.symlink_to(secret.parent)

    _swap_after_discovery(monkeypatch, swap)
    _assert_not_read(capsys, "repo/sub/secret.cscfg", "outside the folder being checked")


# --- writing ------------------------------------------------------------------------------------------


def test_a_closed_pipe_is_quiet(repo):
    for i in range(300):
        (repo / "shop" / f"s{i}.csdef").write_text(GOOD.replace("shop", f"shop{i}"))
    for argv in (["check", "."], ["check", "--format", "sarif", "."], ["plan", "."], ["rules"]):
        process = subprocess.Popen(
            [sys.executable, "-m", "migcheck", *argv],
            cwd=repo,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(10)
        process.stdout.close()  # `| head -c 10`
        error = process.stderr.read().decode()
        code = process.wait(timeout=HANG_SECONDS)
        assert error == "", error
        assert code in (0, 1), argv  # the exit code the findings call for, not a crash (120) or 2


@pytest.mark.parametrize("where", ["folder", "under-a-file", "read-only"])
def test_an_unwritable_output_file_is_exit_2(repo, capsys, monkeypatch, where):
    (repo / "folder").mkdir()
    (repo / "file").write_text("")
    target = {"folder": "folder", "under-a-file": "file/report.json", "read-only": "ro/report.json"}[where]
    if where == "read-only":
        import tempfile

        def refuse(*args, **kwargs):  # CI runs as root, whom permissions do not stop
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    for argv in (["check", "--output-file", target], ["plan", "--output-file", target]):
        code, _, err = _run(capsys, *argv, "shop")
        assert code == 2, argv
        assert err.startswith(f"migcheck: error: cannot write {target}"), err
    code, _, err = _run(capsys, "badge", "--output-file", target, "shop")
    assert code == 2 and "cannot write" in err


@pytest.mark.parametrize("argv", [["check", "--format", "json"], ["check", "--write-baseline"], ["badge"]])
def test_an_output_that_is_a_named_pipe_is_written_into_not_replaced(repo, capsys, argv):
    """A pipe or a device (`/dev/null`) named as the output stays what it is: replacing it with a file
    of the report, as the atomic write does to a file, would break the machine for a root user."""
    import stat

    fifo = repo / "out.pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # open first, so that the writer does not wait
    try:
        option = [] if "--write-baseline" in argv else ["--output-file"]
        code, _, err = _run(capsys, *argv, *option, str(fifo), "shop")
        assert code in (0, 1), err
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
        written = os.read(reader, 1 << 16)
    finally:
        os.close(reader)
    assert written.strip().startswith((b"{", b"[", b"<svg"))


def test_badge_takes_output_file_and_its_old_name(repo, capsys):
    assert _run(capsys, "badge", "--output-file", "a.svg", "shop")[0] == 0
    assert _run(capsys, "badge", "--output", "b.svg", "shop")[0] == 0
    assert (repo / "a.svg").read_text() == (repo / "b.svg").read_text()


# --- amplification ------------------------------------------------------------------------------------


def test_a_message_names_a_handful_of_members(repo, capsys):
    """MIG102 named every availability set in each of its findings: n sets made n findings of n names."""
    vms = "".join(
        f"<Role><RoleName>vm{i}</RoleName><RoleType>PersistentVMRole</RoleType>"
        f"<AvailabilitySetName>set{i}</AvailabilitySetName></Role>"
        for i in range(2000)
    )
    (repo / "shop" / "d.xml").write_text(
        f'<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>d</Name><RoleList>{vms}'
        "</RoleList></Deployment>"
    )
    code, findings = check_json(capsys, "--select", "MIG102", "shop")
    assert code == 1 and len(findings) == 101  # 100, and one for the other 1,899 (the cap per file)
    longest = max(len(str(f["message"])) for f in findings)
    assert longest < 300
    assert "and 1995 more" in str(findings[0]["message"])
    assert str(findings[-1]["message"]).startswith("1,899 more MIG102 findings in this file")


# --- standard streams and devices that cannot be written or read ------------------------------------------

FULL = Path("/dev/full")  # Linux: every write fails with "No space left on device"


def _shell(folder: Path, command: str) -> subprocess.CompletedProcess[str]:
    """`command`, with `migcheck` standing for this interpreter's migcheck, run by sh in `folder`."""
    migcheck = f"{sys.executable} -m migcheck"
    return subprocess.run(
        ["sh", "-c", command.replace("migcheck", migcheck, 1)],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize(
    "command",
    [
        "migcheck check . --output-file /dev/full",
        "migcheck check . --write-baseline /dev/full",
        "migcheck badge . --output-file /dev/full",
        "migcheck check . > /dev/full",
        "migcheck check . --format json > /dev/full",
        "migcheck rules > /dev/full",
        "migcheck plan . > /dev/full",
        "migcheck check . --diff > /dev/full",
    ],
)
def test_a_full_disk_is_a_message_not_a_traceback(tmp_path, command):
    (tmp_path / "s.cscfg").write_text(
        '<ServiceConfiguration serviceName="s"><Role name="r"/></ServiceConfiguration>'
    )
    run = _shell(tmp_path, command)
    assert run.returncode == 2, run.stderr
    assert "No space left on device" in run.stderr and "Traceback" not in run.stderr


@pytest.mark.parametrize(
    ("command", "message"),
    [
        ("migcheck rules >&-", "cannot write to standard output: it is closed"),
        ("migcheck check . >&-", "cannot write to standard output: it is closed"),
        (
            "migcheck check --stdin-filename s.cscfg - <&-",
            "cannot read standard input: standard input is closed",
        ),
    ],
)
def test_a_closed_standard_stream_is_a_message_not_a_traceback(tmp_path, command, message):
    (tmp_path / "s.cscfg").write_text('<ServiceConfiguration serviceName="s"/>')
    run = _shell(tmp_path, command)
    assert run.returncode == 2 and message in run.stderr and "Traceback" not in run.stderr, run.stderr


def test_a_buffer_named_on_a_closed_standard_input_is_a_finding(tmp_path):
    run = _shell(tmp_path, "migcheck check - --format concise <&-")
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert "MIG001" in run.stdout and "standard input is closed" in run.stdout
