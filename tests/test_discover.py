"""Discovery: stable order, candidate extensions under folders, explicit files always, globs."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from growth import assert_linear

from migcheck.discover import Glob, PatternError, Patterns, check_patterns, discover


@pytest.fixture
def tree(tmp_path, monkeypatch):
    for name in ("b/ServiceDefinition.csdef", "a/x.cscfg", "a/readme.md", "c/net.netcfg", ".git/config.xml"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<x/>")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_folder_walk_is_sorted_and_skips_other_extensions_and_vcs(tree):
    assert [c.path for c in discover(["."])] == ["a/x.cscfg", "b/ServiceDefinition.csdef", "c/net.netcfg"]


def test_build_output_folders_are_skipped_unless_a_file_in_them_is_named(tree):
    # The Azure SDK builds a cloud service's package in csx/<configuration>/ with a copy of its .csdef;
    # .NET projects build into bin/ and obj/ (bin/Release/app.publish holds a copy of the .cscfg).
    for name in (
        "b/x.cscfg",
        "b/csx/Release/ServiceDefinition.csdef",
        "b/bin/Release/app.publish/x.cscfg",
        "b/obj/y.cscfg",
    ):
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text("<x/>")
    assert [c.path for c in discover(["b"])] == ["b/ServiceDefinition.csdef", "b/x.cscfg"]
    assert [c.path for c in discover(["b/csx/Release/ServiceDefinition.csdef"])] == [
        "b/csx/Release/ServiceDefinition.csdef"
    ]


def test_a_configuration_published_with_the_package_is_read_when_the_project_lacks_it(tree):
    # Visual Studio publishes a cloud project's package with its configuration into
    # bin/<configuration>/app.publish/; a repository may commit that and only the Local one beside the
    # .csdef. Read once, Release's first, and only beside a definition: build output is skipped otherwise.
    for name in (
        "b/ServiceConfiguration.Local.cscfg",
        "b/bin/Debug/app.publish/ServiceConfiguration.Cloud.cscfg",
        "b/bin/Debug/app.publish/ServiceConfiguration.Local.cscfg",
        "b/bin/Release/app.publish/ServiceConfiguration.Cloud.cscfg",
        "b/bin/Release/ServiceConfiguration.Test.cscfg",
        "c/bin/Release/app.publish/ServiceConfiguration.Cloud.cscfg",
    ):
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text("<x/>")
    assert [c.path for c in discover(["b", "c"])] == [
        "b/ServiceConfiguration.Local.cscfg",
        "b/ServiceDefinition.csdef",
        "b/bin/Release/app.publish/ServiceConfiguration.Cloud.cscfg",
        "c/net.netcfg",
    ]
    # A bin/ the settings exclude, or git ignores, is not looked into.
    assert [c.path for c in discover(["b"], exclude=["bin/"])] == [
        "b/ServiceConfiguration.Local.cscfg",
        "b/ServiceDefinition.csdef",
    ]
    (tree / "b/.gitignore").write_text("[Bb]in/\n")
    (tree / ".git").mkdir(exist_ok=True)
    assert [c.path for c in discover(["b"])] == [
        "b/ServiceConfiguration.Local.cscfg",
        "b/ServiceDefinition.csdef",
    ]


def test_the_sdk_builds_copy_of_a_definition_beside_it_is_skipped_unless_named(tree):
    # The Azure SDK writes ServiceDefinition.build.csdef beside the project's ServiceDefinition.csdef, and
    # repositories commit it: one service, not two. Alone, it is the only definition there is.
    (tree / "b/ServiceDefinition.build.csdef").write_text("<x/>")
    (tree / "c/Other.Build.csdef").write_text("<x/>")
    assert [c.path for c in discover(["b", "c"])] == [
        "b/ServiceDefinition.csdef",
        "c/Other.Build.csdef",
        "c/net.netcfg",
    ]
    assert [c.path for c in discover(["b/ServiceDefinition.build.csdef"])] == [
        "b/ServiceDefinition.build.csdef"
    ]


def test_a_build_copy_is_read_when_the_definition_beside_it_is_not(tree, tmp_path_factory):
    """Passed over only for a definition the walk reads: a folder of that name, or a link (which the walk
    may refuse to follow), leaves the build copy the only definition there is."""
    (tree / "b/ServiceDefinition.csdef").unlink()
    (tree / "b/ServiceDefinition.csdef").mkdir()
    (tree / "b/ServiceDefinition.build.csdef").write_text("<x/>")
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "ServiceDefinition.csdef"
    elsewhere.write_text("<x/>")
    (tree / "c/ServiceDefinition.csdef").symlink_to(elsewhere)
    (tree / "c/ServiceDefinition.build.csdef").write_text("<x/>")
    paths = [c.path for c in discover(["b", "c"])]
    assert "b/ServiceDefinition.build.csdef" in paths and "c/ServiceDefinition.build.csdef" in paths


def test_explicit_file_is_kept_whatever_its_extension(tree):
    [candidate] = discover(["a/readme.md"])
    assert candidate.explicit and candidate.path == "a/readme.md"


def test_exclude_and_include(tree):
    assert [c.path for c in discover(["."], exclude=["a/"])] == ["b/ServiceDefinition.csdef", "c/net.netcfg"]
    assert [c.path for c in discover(["."], include=["*.netcfg"])] == ["c/net.netcfg"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loop_does_not_trap_the_walk(tree):
    os.symlink(tree / "a", tree / "a" / "loop")
    assert [c.path for c in discover(["a"])] == ["a/x.cscfg"]


@pytest.mark.parametrize(
    ("glob", "path", "matches"),
    [
        ("*.cscfg", "deep/er/x.cscfg", True),
        ("legacy/", "legacy/x/y.xml", True),
        ("legacy/", "src/legacy/y.xml", True),
        ("src/*.xml", "src/a/b.xml", False),
        ("src/**/*.xml", "src/a/b.xml", True),
        ("**/ServiceConfiguration.Local.cscfg", "ServiceConfiguration.Local.cscfg", True),
    ],
)
def test_glob(glob, path, matches):
    assert Patterns([glob]).matches(path) is matches


# --- gitignore patterns, as git means them ------------------------------------------------------------


@pytest.mark.parametrize(
    ("glob", "path", "matches"),
    [
        ("[ab]x.cscfg", "ax.cscfg", True),
        ("[ab]x.cscfg", "cx.cscfg", False),
        ("[!a]x.cscfg", "bx.cscfg", True),
        ("[!a]x.cscfg", "ax.cscfg", False),
        ("**/deep/*.xml", "a/b/deep/x.xml", True),
        ("a/**/b.xml", "a/b.xml", True),
        ("/top.cscfg", "top.cscfg", True),
        ("/top.cscfg", "sub/top.cscfg", False),
        ("./top.cscfg", "sub/top.cscfg", False),
        ("\\[literal\\].cscfg", "[literal].cscfg", True),
        ("x?.cscfg", "x/.cscfg", False),
    ],
)
def test_globs_mean_what_git_means(glob, path, matches):
    assert Patterns([glob]).matches(path) is matches


def test_a_negated_pattern_re_includes(tree):
    assert [c.path for c in discover(["."], exclude=["*.cscfg", "*.netcfg", "!c/net.netcfg"])] == [
        "b/ServiceDefinition.csdef",
        "c/net.netcfg",
    ]


def test_an_invalid_pattern_is_an_error_naming_it():
    with pytest.raises(PatternError, match=r"'\\\\' is not a valid gitignore pattern"):
        check_patterns(["\\"])


def test_patterns_are_relative_to_their_root(tree):
    """A config file's glob is anchored at the config's folder, whatever the working directory."""
    anchored = Glob("/a/x.cscfg", str(tree))
    os.chdir(tree / "a")
    assert Patterns([anchored]).matches("x.cscfg")
    assert not Patterns(["/a/x.cscfg"]).matches("x.cscfg")  # a plain string: the working directory
    assert not Patterns([Glob("*.cscfg", str(tree / "b"))]).matches("x.cscfg")  # outside its root


def test_a_backtracking_pattern_takes_linear_time():
    """pathspec matches with RE2 (a linear-time engine): with Python's backtracking engine this pattern
    takes minutes against a 255-character name."""
    matcher = Patterns(["*a*a*a*a*a*a*a*a*b"])
    assert not matcher.matches("/".join(["a" * 200] * 20))

    def search(n: int) -> Callable[[], object]:
        name = "a" * n
        return lambda: [matcher.matches(name) for _ in range(200)]

    assert_linear(search, 4_000)


@pytest.fixture
def repository(tmp_path, monkeypatch):
    """A git repository (a `.git` folder is all git needs to be found) with classic files."""
    for name in (
        "keep.cscfg",
        "build/out.cscfg",
        "gen/a.generated.cscfg",
        "gen/keep.generated.cscfg",
        "sub/x.cscfg",
        "sub/local.cscfg",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<x/>")
    (tmp_path / ".git" / "info").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _walked(*paths, **options):
    return [c.path for c in discover(list(paths) or ["."], **options)]


def test_gitignore_files_root_nested_and_info_exclude(repository):
    (repository / ".gitignore").write_text("build/\n*.generated.cscfg\n!keep.generated.cscfg\n")
    (repository / "sub" / ".gitignore").write_text("local.cscfg\n")
    (repository / ".git" / "info" / "exclude").write_text("keep.cscfg\n")
    assert _walked() == ["gen/keep.generated.cscfg", "sub/x.cscfg"]
    # A subfolder walked on its own still obeys the .gitignore files above it.
    assert _walked("sub") == ["sub/x.cscfg"]
    assert _walked(respect_gitignore=False) == [
        "build/out.cscfg",
        "gen/a.generated.cscfg",
        "gen/keep.generated.cscfg",
        "keep.cscfg",
        "sub/local.cscfg",
        "sub/x.cscfg",
    ]


def test_a_nested_gitignore_re_includes_what_a_parent_ignores(repository):
    (repository / ".gitignore").write_text("*.cscfg\n")
    (repository / "sub" / ".gitignore").write_text("!x.cscfg\n")
    assert _walked() == ["sub/x.cscfg"]


def test_named_files_and_folders_are_checked_whatever_git_ignores(repository):
    (repository / ".gitignore").write_text("build/\nkeep.cscfg\n")
    assert _walked("keep.cscfg", "build") == ["build/out.cscfg", "keep.cscfg"]


def test_a_hostile_gitignore_is_bounded(repository):
    (repository / ".gitignore").symlink_to("/dev/zero")
    (repository / "sub" / ".gitignore").write_bytes(b"\xff\xfe\x00 not text\n\\\n*local*\n")
    assert _walked() == [
        "build/out.cscfg",
        "gen/a.generated.cscfg",
        "gen/keep.generated.cscfg",
        "keep.cscfg",
        "sub/x.cscfg",
    ]


def test_a_gitignore_too_large_for_one_automaton_is_matched_in_parts(repository):
    """RE2 compiles a set of patterns into one automaton within a memory budget, which a thousand lines
    may exceed: such a file is matched as consecutive sets, the last matching line deciding as ever."""
    filler = [f"*a{i}*b*c*d*e*f*g*h/**/x*y*z*{i}" for i in range(1_000)]  # no 1,000 of these fit in one
    lines = ["*.cscfg", *filler, "!sub/x.cscfg", *filler, "gen/keep.generated.cscfg"]
    (repository / ".gitignore").write_text("\n".join(lines) + "\n")
    assert _walked() == ["sub/x.cscfg"]


def test_a_pattern_with_a_reversed_range_is_dropped_from_a_gitignore_and_refused_in_settings(repository):
    (repository / ".gitignore").write_text("[z-a]\nbuild/\n")
    assert "build/out.cscfg" not in _walked() and "keep.cscfg" in _walked()
    with pytest.raises(PatternError, match=r"'\[z-a\]' is not a valid gitignore pattern"):
        check_patterns(["*.cscfg", "[z-a]"])


def test_a_pattern_too_large_to_match_is_dropped_from_a_gitignore_and_refused_in_settings(repository):
    huge = "*a" * 10_000  # RE2 fits 4,000 of these in its budget, not 8,000
    (repository / ".gitignore").write_text(f"{huge}\nbuild/\n")
    assert "build/out.cscfg" not in _walked()
    with pytest.raises(PatternError, match=r"is not a valid gitignore pattern \(too large to match\)"):
        check_patterns(["x", huge])


def test_a_character_class_is_refused_in_words_the_user_wrote(recwarn):
    with pytest.raises(PatternError, match=r"character classes such as \[\[:alpha:\]\] are not supported"):
        check_patterns(["[[:foo:]]"])
    assert not [w for w in recwarn if issubclass(w.category, FutureWarning)]


def test_without_a_repository_only_the_walked_folders_gitignore_files_apply(tmp_path, monkeypatch):
    (tmp_path / ".gitignore").write_text("*.cscfg\n")
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "a.cscfg").write_text("<x/>")
    monkeypatch.chdir(tmp_path / "inner")
    assert _walked() == ["a.cscfg"]  # no .git above: the parent's .gitignore is not this project's
    monkeypatch.chdir(tmp_path)
    assert _walked() == []


# --- what the walk hands the reader ----------------------------------------------------------------------


def test_a_walked_file_carries_the_identity_of_the_file_listed(tree):
    """The reader compares the opened file with this identity instead of asking where the descriptor
    leads (see migcheck.guarded); it must be the file's own, not its folder's or a link's."""
    found = {c.path: c for c in discover(["."])}
    info = os.lstat(tree / "a" / "x.cscfg")
    assert found["a/x.cscfg"].identity == (info.st_dev, info.st_ino)
    assert all(c.within and not c.link for c in found.values())


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_link_in_the_walk_carries_no_identity(tree):
    (tree / "b" / "saved.txt").write_text("<x/>")  # not read under its own name: read through the link
    os.symlink(tree / "b" / "saved.txt", tree / "b" / "link.cscfg")
    os.symlink("/etc/hostname", tree / "b" / "out.cscfg")
    found = {c.path: c for c in discover(["b"])}
    assert found["b/link.cscfg"].link and found["b/link.cscfg"].identity is None
    assert "outside the folder" in found["b/out.cscfg"].refused and found["b/out.cscfg"].identity is None


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_link_to_a_file_the_walk_reads_is_not_read_again(tree):
    os.symlink("ServiceDefinition.csdef", tree / "b" / "alias.csdef")
    os.symlink(tree / "c" / "net.netcfg", tree / "b" / "net.netcfg")
    assert [c.path for c in discover(["."])] == ["a/x.cscfg", "b/ServiceDefinition.csdef", "c/net.netcfg"]
    # Walking b alone, c/net.netcfg is not walked: its link is kept (and refused, as it leads out of b).
    assert [c.path for c in discover(["b"])] == ["b/ServiceDefinition.csdef", "b/net.netcfg"]
    os.link(tree / "a" / "x.cscfg", tree / "a" / "hard.cscfg")  # a second name of equal standing
    assert [c.path for c in discover(["a"])] == ["a/hard.cscfg", "a/x.cscfg"]


def test_a_broken_link_in_the_walk_is_said_to_be_one(tree):
    os.symlink(tree / "b" / "gone.csdef", tree / "b" / "dangling.cscfg")
    found = {c.path: c for c in discover(["b"])}
    refused = found["b/dangling.cscfg"].refused
    assert refused.startswith("not read: a broken symbolic link") and "gone.csdef does not exist" in refused


def test_a_folder_with_a_classic_extension_is_not_a_candidate(tree):
    (tree / "a" / "folder.cscfg").mkdir()
    (tree / "a" / "folder.cscfg" / "inner.csdef").write_text("<x/>")
    assert [c.path for c in discover(["a"])] == ["a/folder.cscfg/inner.csdef", "a/x.cscfg"]


def test_the_first_name_whose_pattern_matches_alone_is_chosen(tree):
    from migcheck.discover import FirstMatch

    assert FirstMatch({"file": ["a/x.cscfg"], "folder": ["a/"]}).first("a/x.cscfg") == "file"
    assert FirstMatch({"folder": ["a/"], "file": ["a/x.cscfg"]}).first("a/x.cscfg") == "folder"
    assert FirstMatch({"any": ["*.cscfg", "c/"], "c": ["c/"]}).first("c/net.netcfg") == "any"
    assert FirstMatch({"not": ["!a/x.cscfg"], "all": ["*"]}).first("a/x.cscfg") == "all"
    assert FirstMatch({"none": ["b/"]}).first("a/x.cscfg") is None
    anchored = FirstMatch({"here": [Glob("/x.cscfg", str(tree / "a"))]})
    assert anchored.first("a/x.cscfg") == "here" and anchored.first("x.cscfg") is None


# --- many patterns: a path meets those that can match it ------------------------------------------------

# Anchored patterns that start with literal folder names, under two folders that hold patterns at two depths
# (`apps` holds `apps/*/gen/` itself; `infra` holds none, its `prod` and `dev` do), and patterns that may
# match at any depth, or start with a glob, an escape or a comment. Read as pathspec reads them: a trailing
# blank is dropped, `!` negates, a pattern with a `/` only at its end matches at any depth.
MANY_LINES = [
    "*.cscfg",
    "/infra/prod/**",
    "!infra/prod/keep.cscfg",
    "infra/dev/",
    "!/infra/dev/x.cscfg",
    "apps/web/**",
    "!apps/web/site.cscfg",
    "apps/*/gen/",
    "apps/api/out.cscfg",
    "top.cscfg/",
    "/top.cscfg",
    "/svc/a  ",
    "!svc/a/b.cscfg",
    "!legacy/",
    "/svc/x.cscfg",
    "#svc/c",
    "\\!bang/x.cscfg",
    "infra/prod/y.cscfg",
]
MANY_PATHS = [
    f"{start}{path}"
    for start in ("", "./", "/")
    for path in (
        "infra/prod/x.cscfg",
        "infra/prod/keep.cscfg",
        "infra/prod/y.cscfg",
        "infra/prod/",
        "infra/dev/x.cscfg",
        "infra/dev/y.cscfg",
        "infra/other/x.cscfg",
        "infra/other/x.xml",
        "infra/prod",
        "apps/web/site.cscfg",
        "apps/web/a/b.xml",
        "apps/api/gen/a.xml",
        "apps/api/out.cscfg",
        "apps/api/gen/",
        "top.cscfg",
        "top.cscfg/",
        "a/top.cscfg/x.xml",
        "svc/a/b.cscfg",
        "svc/a/c.xml",
        "svc/a",
        "svc/x.cscfg",
        "svc/c",
        "legacy/x.cscfg",
        "svc/legacy/x.cscfg",
        "!bang/x.cscfg",
        "!infra/prod/keep.cscfg",
        "bang/x.cscfg",
        "x.xml",
    )
]


@pytest.mark.parametrize("alone", [False, True])
@pytest.mark.parametrize("set_size", [8, 12])
@pytest.mark.parametrize("last_wins", [False, True])
def test_past_one_set_a_path_meets_the_patterns_that_can_match_it_and_the_same_line_decides(
    monkeypatch, last_wins, set_size, alone
):
    """Past a set's worth of lines, a path is matched against the patterns kept by its leading folders
    with every pattern that may match anywhere, in their order: the line that decides is the one that
    decides among all the lines in one set. Sets of 12 leave room for the lines of `apps` and `infra/prod`,
    above other folders' lines, to go with every path. Folders share a set (`alone`: each has its own, so
    that a pattern kept by the wrong one is missed)."""
    from migcheck import discover as module

    whole = module._pattern_set(MANY_LINES, last_wins)
    monkeypatch.setattr(module, "_LINES_PER_SET", set_size)
    if alone:
        packed = module._packed
        monkeypatch.setattr(module, "_packed", lambda kept, room: packed(kept, 1))
    kept = module._pattern_set(MANY_LINES, last_wins)
    assert kept._routes, "kept by folder"
    assert all(len(spec.patterns) <= set_size for chain in _chains(kept) for spec, _ in chain.sets)
    spread = 0 if set_size == 8 else 2  # `apps/*/gen/` and `/infra/prod/**`
    assert len(kept._rest.sets[0][1]) == 4 + spread
    assert [kept.check(path) for path in MANY_PATHS] == [whole.check(path) for path in MANY_PATHS]
    assert sum(whole.check(path)[0] is not None for path in MANY_PATHS) > len(MANY_PATHS) // 2


def _chains(patterns):
    """Every set of lines a `PatternSet` matches paths against."""
    from migcheck.discover import _Chain

    pending, found = [patterns._routes], [patterns._rest]
    while pending:
        for below in pending.pop().values():
            (found.append if isinstance(below, _Chain) else pending.append)(below)
    return found


def test_thousands_of_patterns_find_each_path_s_last_match():
    """3,000 subscriptions of one folder each under a shared one and 600 patterns that match at any depth:
    every path finds the last pattern that matches it alone, whichever sets hold them."""
    from migcheck.discover import compile_patterns

    teams, anywhere = 3_000, 600
    lines = [f"/svc/team{i}/**" for i in range(teams)] + [f"**/gen{j}/" for j in range(anywhere)]
    patterns = compile_patterns(lines, last_wins=True)
    for i in range(teams):
        assert patterns.last_match(f"svc/team{i}/x.cscfg") == i
        j = i % anywhere
        assert patterns.last_match(f"svc/team{i}/gen{j}/x.cscfg") == teams + j
        assert patterns.last_match(f"other/team{i}/gen{j}/x.cscfg") == teams + j
    assert patterns.last_match("svc/team/x.cscfg") is None
    assert patterns.last_match(f"svc/team{teams}/x.cscfg") is None


def test_a_pattern_of_thousands_of_folder_names_is_kept_without_recursion():
    deep = "/".join(["a"] * 20_000)
    lines = [deep + "/x.cscfg", *(f"/b{i}" for i in range(1_000))]
    patterns = Patterns(lines)
    assert patterns.matches(deep + "/x.cscfg") and not patterns.matches(deep + "/y.cscfg")
    assert patterns.matches("b999/x.cscfg") and not patterns.matches("b1000/x.cscfg")
