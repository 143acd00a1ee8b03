"""The suppression stage costs findings plus comments, never their product: comments stacked on one line or
before one element, file-wide comments and per-file-ignores entries, each many against many findings."""

from __future__ import annotations

from pathlib import Path

import pytest
from growth import assert_linear

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules

RULES = load_rules(entry_points=False)
NAMESPACE = "http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _controls(n: int, separator: str = "\n") -> str:
    return "".join(
        f'<AccessControl name="ac{i}"><Rule action="permit" order="1" remoteSubnet="10.0.0.0/8" '
        f'description="d"/></AccessControl>{separator}'
        for i in range(n)
    )


def _acl(i: int) -> str:
    """An endpoint ACL that lets in a whole private range: an `endpoint-acl` (MIG201) finding."""
    return f'<EndpointAcl role="r" endPoint="e{i}" accessControl="ac{i}"/>'


def _write(folder: Path, n: int, body: str, *, head: str = "", newline: str = "\n") -> str:
    """A service configuration in its own folder (named after `n`), `head` before its role; its path."""
    (folder / f"n{n}").mkdir(exist_ok=True)
    path = f"n{n}/ServiceConfiguration.Cloud.cscfg"
    (folder / path).write_text(
        f'<ServiceConfiguration xmlns="{NAMESPACE}" serviceName="s">{newline}{head}'
        f'<Role name="r"><Instances count="1"/></Role>{newline}{body}</ServiceConfiguration>{newline}'
    )
    return path


def _lint(path: str, reported: int, suppressed: int, config: Config | None = None):
    """The work to measure: lint `path`, and check what was reported and what held back."""

    def work():
        result = lint([path], config or Config(), RULES)
        # Past the cap, one reported finding stands for those held back from the report.
        held = [f for f in result.unreported if f.code == "MIG201"]
        acls = [f for f in result.findings if f.code == "MIG201"]
        assert (len(acls) + len(held) - bool(held), len(result.suppressed)) == (reported, suppressed)

    return work


def test_many_comments_on_the_one_line_of_their_findings(folder):
    """Each comment covers the only line, so each finding is covered by every comment."""

    def make(n: int):
        acls = "".join(f"<!-- migcheck: ignore[MIG201] known -->{_acl(i)}" for i in range(n))
        body = (
            f"<NetworkConfiguration><AccessControls>{_controls(n, '')}</AccessControls>"
            f"<EndpointAcls>{acls}</EndpointAcls></NetworkConfiguration>"
        )
        return _lint(_write(folder, n, body, newline=""), 0, n)

    assert_linear(make, 150)


def test_many_file_wide_comments_and_many_findings(folder):
    """File-wide comments about other rules: every finding meets each of them."""

    def make(n: int):
        comments = "".join(f"<!-- migcheck: ignore-file[MIG9{i % 100:02d}] r -->\n" for i in range(n))
        acls = "".join(f"{_acl(i)}\n" for i in range(n))
        body = (
            f"<NetworkConfiguration><AccessControls>{_controls(n)}</AccessControls>"
            f"<EndpointAcls>{acls}</EndpointAcls></NetworkConfiguration>"
        )
        return _lint(_write(folder, n, body, head=comments), n, 0)

    assert_linear(make, 300)


def test_many_comments_stacked_before_one_element_of_many_findings(folder):
    """Comments about other rules before one element: every line of it is covered by each of them."""

    def make(n: int):
        comments = "".join(f"<!-- migcheck: ignore[MIG9{i % 100:02d}] r -->\n" for i in range(n))
        acls = "".join(f"{_acl(i)}\n" for i in range(n))
        body = (
            f"<NetworkConfiguration><AccessControls>{_controls(n)}</AccessControls>{comments}"
            f"<EndpointAcls>\n{acls}</EndpointAcls></NetworkConfiguration>"
        )
        return _lint(_write(folder, n, body), n, 0)

    assert_linear(make, 300)


def test_many_comments_stacked_before_one_long_element_without_findings(folder):
    """The reader finds each comment's element and its last line, the filter indexes what they cover."""

    def make(n: int):
        comments = "".join("<!-- migcheck: ignore[MIG201] r -->\n" for _ in range(n))
        roles = "".join(f'<Role name="r{i}"><Instances count="1"/></Role>\n' for i in range(n))
        return _lint(_write(folder, n, f"{comments}<X>\n{roles}</X>\n"), 0, 0, Config(select=("MIG201",)))

    assert_linear(make, 1000)


def test_many_per_file_ignores_that_match_nothing_and_many_findings_in_one_file(folder):
    """Each entry names the findings' rule, and its glob matches no file."""

    def make(n: int):
        acls = "".join(f"{_acl(i)}\n" for i in range(n))
        body = (
            f"<NetworkConfiguration><AccessControls>{_controls(n)}</AccessControls>"
            f"<EndpointAcls>{acls}</EndpointAcls></NetworkConfiguration>"
        )
        ignores = {f"other{i}/**": ("MIG201",) for i in range(n)}
        return _lint(_write(folder, n, body), n, 0, Config(per_file_ignores=ignores))

    assert_linear(make, 300)


def test_many_per_file_ignores_that_match_nothing_and_many_files_with_findings(folder):
    """Each entry names the findings' rule and its glob matches no file: the entries naming a rule are
    matched together, not one after another for each file."""

    def make(n: int):
        body = (
            f"<NetworkConfiguration><AccessControls>{_controls(1)}</AccessControls>"
            f"<EndpointAcls>{_acl(0)}</EndpointAcls></NetworkConfiguration>"
        )
        root = folder / f"files{n}"
        root.mkdir()
        for i in range(n):
            _write(root, i, body)
        ignores = {f"other{i}/**": ("MIG201",) for i in range(n)}
        config = Config(per_file_ignores=ignores)

        def work():
            result = lint([str(root)], config, RULES)
            assert sum(f.code == "MIG201" for f in result.findings) == n and not result.suppressed

        return work

    assert_linear(make, 300)
