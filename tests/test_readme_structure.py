"""The manual's shape: a front page (README.md) whose table of contents matches its sections and is short
enough to read, pages on settings before the CI recipes, and install lines, on every page, that work from
this repository (the PyPI project named `migcheck` is another tool)."""

from __future__ import annotations

import shlex

from doc_pages import ROOT, all_text, section

README = (ROOT / "README.md").read_text(encoding="utf-8")
MANUAL = all_text()
FRONT_PAGE_LINES = 400  # a first-time reader's page: the reference lives in docs/
TOC_START, TOC_END = "<!-- toc -->", "<!-- /toc -->"
GIT_URL = "git+https://github.com/<org>/migcheck@v"


def _headings() -> list[tuple[int, str]]:
    """(level, text) of each Markdown heading outside code blocks."""
    found, fenced = [], False
    for line in README.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("#"):
            marks, _, text = line.partition(" ")
            if set(marks) == {"#"}:
                found.append((len(marks), text.strip()))
    return found


def _anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation but `-` dropped, spaces to hyphens."""
    kept = "".join(c for c in heading.lower() if c.isalnum() or c in " -_")
    return kept.replace(" ", "-")


def _toc_links() -> list[str]:
    toc = README[README.index(TOC_START) : README.index(TOC_END)]
    links = []
    for part in toc.split("](#")[1:]:
        links.append(part.split(")", 1)[0])
    return links


def test_every_link_of_the_table_of_contents_is_a_heading():
    anchors = {_anchor(text) for _, text in _headings()}
    missing = [link for link in _toc_links() if link not in anchors]
    assert not missing, f"the table of contents links to no heading: {missing}"


def test_every_section_is_in_the_table_of_contents():
    sections = [_anchor(text) for level, text in _headings() if level == 2]
    links = _toc_links()
    assert [s for s in sections if s not in links] == []
    assert [link for link in links if link in sections] == sections  # in the README's order


def test_the_table_of_contents_follows_the_introduction():
    assert README.index(TOC_END) < README.index("\n## ")


def test_configuration_and_suppressions_come_before_the_ci_recipes():
    pages = section("## The rest of the manual")
    order = [pages.index(f"](docs/{name}.md)") for name in ("configuration", "suppressing", "ci")]
    assert order == sorted(order)


def test_the_front_page_is_short():
    assert len(README.splitlines()) <= FRONT_PAGE_LINES


def _pip_installs() -> list[list[str]]:
    """The arguments of each `pip install` command the manual shows (prose and tables aside)."""
    commands = []
    for line in MANUAL.splitlines():
        if "pip install " not in line or line.lstrip().startswith("|") or "`pip install" in line:
            continue
        command = line[line.index("pip install ") :].split("&&")[0]
        words = shlex.split(command, comments=True)
        commands.append(words[2:])
    return commands


def test_every_install_line_installs_from_this_repository():
    installs = _pip_installs()
    assert installs, "the manual shows no pip install line"
    for args in installs:
        target = [a for a in args if not a.startswith("-")]
        assert len(target) == 1, args
        (what,) = target
        local = what in (".", ".[lsp]", ".[test]", "./examples/plugin")
        from_git = what.startswith(("pytest-migcheck @ ", "pytest-migcheck[lsp] @ ")) and GIT_URL in what
        assert local or from_git, f"`pip install {what}` does not install this tool"


def test_the_git_install_lines_name_one_release_tag():
    from migcheck import __version__

    tags = {w.rsplit("@", 1)[1] for args in _pip_installs() for w in args if GIT_URL in w}
    assert tags == {f"v{__version__}"}
    assert "rev: v" + __version__ in MANUAL  # the pre-commit recipe pins the same tag
    assert MANUAL.count("`<org>` stands for") == 1  # the placeholder is explained once


def test_nothing_installs_the_unrelated_pypi_project():
    assert "'migcheck[lsp]'" not in MANUAL and '"migcheck[lsp]' not in MANUAL
    # Named once, to warn: "never `pip install migcheck`".
    assert MANUAL.count("pip install migcheck") == 1 and "never\n`pip install migcheck`" in README
