"""Start-up: what `migcheck --version` and a check of an empty folder import, counted in a fresh
interpreter rather than timed (a wall clock on a shared machine tells nothing reliable), and finding
plugins without importlib.metadata: the same entry points as `importlib.metadata.entry_points`, on every
layout of `sys.path` it reads."""

from __future__ import annotations

import dataclasses
import importlib.metadata
import itertools
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from migcheck import plugins
from migcheck.config import _candidates
from migcheck.report import FORMATS

# The modules a command leaves in sys.modules, written as JSON to the file named by argv[1]; an atexit
# hook, because argparse ends `--version` with SystemExit.
PROBE = """\
import atexit, json, sys
atexit.register(lambda: open(sys.argv[1], "w").write(json.dumps(sorted(sys.modules))))
from migcheck.cli import main
sys.exit(main(sys.argv[2:]))
"""

# Never needed to print the version or to check a folder with nothing in it.
HEAVY = {
    "lxml",  # the readers: no file is read
    "hcl2",  # the Terraform reader's parser, and its lark
    "lark",
    "migcheck.readers",
    "migcheck.completion",  # only `migcheck completion`
    "migcheck.server",
    "migcheck.plan",
    "migcheck.docs",
    "email",  # importlib.metadata's metadata parser
    "zipfile",
    "difflib",  # suggestions for a mistake
    "tempfile",  # writing a file
    "hashlib",  # the digest of a file read
}
# Every report format but text, the default.
OTHER_FORMATS = {module for name, module in FORMATS.items() if name != "text"}


def imported(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> set[str]:
    """The modules `migcheck ARGS`, run in a fresh interpreter in `tmp_path`, has imported when it ends."""
    listing = tmp_path / "modules.json"
    subprocess.run(
        [sys.executable, "-c", PROBE, str(listing), *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        check=False,
    )
    return set(json.loads(listing.read_text()))


def packages(modules: set[str], names: set[str]) -> set[str]:
    """The modules of `modules` that are one of `names` or inside one of them."""
    return {m for m in modules if m in names or any(m.startswith(n + ".") for n in names)}


def migcheck_plugins_installed() -> bool:
    return bool(importlib.metadata.entry_points(group=plugins.ENTRY_POINT_GROUP))


def test_version_imports_no_rule_model_or_plugin_machinery(tmp_path: Path) -> None:
    modules = imported(tmp_path, "--version")
    assert "migcheck.cli" in modules  # the probe ran
    unwanted = {"migcheck.model", "migcheck.rule", "migcheck.plugins", "pluggy", "dataclasses", "tomllib"}
    assert packages(modules, HEAVY | unwanted | {"importlib.metadata"}) == set()
    assert "shutil" not in modules  # what argparse's help formatter imports: no parser was built


def test_the_version_is_printed_as_argparse_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    from migcheck.cli import _parser, main

    for option in ("--version", "-V"):
        with pytest.raises(SystemExit) as printed:
            main([option])
        ours = capsys.readouterr()
        with pytest.raises(SystemExit) as by_argparse:
            _parser().parse_args([option])
        assert (ours, printed.value.code) == (capsys.readouterr(), by_argparse.value.code) == (ours, 0)


def test_check_of_an_empty_folder_imports_only_what_it_uses(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    modules = imported(tmp_path, "check", str(empty))
    assert {"migcheck.engine", "migcheck.rules", "migcheck.report.text"} <= modules  # it did check
    assert packages(modules, HEAVY | OTHER_FORMATS) == set()
    assert "shutil" not in modules  # argparse's help formatter finds the terminal's width with it
    if not migcheck_plugins_installed():  # finding that no plugin is installed needs no metadata parser
        assert "importlib.metadata" not in modules
    if not any(_candidates(str(tmp_path))):  # no settings file to read: no TOML parser
        assert "tomllib" not in modules


def test_an_installed_plugin_is_loaded_in_a_fresh_interpreter(tmp_path: Path) -> None:
    site = tmp_path / "site"
    distribution(site, "contoso_rules-0.1.0.dist-info", "migcheck-contoso-rules", "contoso = contoso_rules")
    example = Path(__file__).parents[1] / "examples" / "plugin" / "contoso_rules.py"
    (site / "contoso_rules.py").write_text(example.read_text())
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")])),
    }
    listed = subprocess.run(
        [sys.executable, "-m", "migcheck", "rules"], cwd=tmp_path, env=env, capture_output=True, check=False
    )
    assert listed.returncode == 0, listed.stderr
    assert b"CTS001  basic-tier-vm" in listed.stdout


# --- finding plugins -------------------------------------------------------------------------------


def distribution(folder: Path, name: str, project: str, *entries: str, section: str = "[migcheck]") -> Path:
    """A metadata folder `name` in `folder` for `project`, declaring `entries` in `section`."""
    info = folder / name
    info.mkdir(parents=True)
    metadata = "PKG-INFO" if name.endswith(".egg-info") else "METADATA"
    (info / metadata).write_text(f"Metadata-Version: 2.1\nName: {project}\nVersion: 1.0\n")
    if entries:
        text = f"[console_scripts]\n{project} = x:main\n\n{section}\n" + "\n".join(entries) + "\n"
        (info / "entry_points.txt").write_text(text)
    return info


def found(entries: object) -> list[tuple[str, str, str, str]]:
    return [(e.name, e.value, e.group, e.dist.name) for e in entries]  # type: ignore[attr-defined]


def by_importlib_metadata() -> list[tuple[str, str, str, str]]:
    return found(
        sorted(importlib.metadata.entry_points(group=plugins.ENTRY_POINT_GROUP), key=lambda e: e.name)
    )


def test_entry_points_are_those_importlib_metadata_finds(tmp_path: Path, monkeypatch) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    distribution(first, "alpha-1.0.dist-info", "alpha", "alpha = alpha_rules", "zeta = alpha_rules:more")
    distribution(first, "Beta.Plugin-2.0.dist-info", "Beta.Plugin", "beta = beta_rules")
    distribution(first, "nothing-1.0.dist-info", "nothing")  # no entry_points.txt
    distribution(first, "other-1.0.dist-info", "other", "x = y", section="[migcheck.extra]")
    commented = distribution(first, "commented-1.0.dist-info", "commented")
    (commented / "entry_points.txt").write_text("# [migcheck]\n[console_scripts]\nc = c:main\n")
    distribution(first, "legacy.egg-info", "legacy", "legacy = legacy_rules")  # setup.py develop
    (first / "old_tool-0.1.egg-info").write_text("Metadata-Version: 1.0\nName: old-tool\n")  # a file
    # Later on the path, an older copy of alpha (shadowed), and a copy of a distribution that declares no
    # entry point where it is first found (so this one is shadowed too).
    distribution(second, "alpha-0.9.dist-info", "alpha", "alpha_old = alpha_rules")
    distribution(first, "shadow-1.0.dist-info", "shadow")
    distribution(second, "Shadow-0.5.dist-info", "Shadow", "shadow = shadow_rules")
    distribution(second, "gamma-1.0.dist-info", "gamma", "gamma = gamma_rules")
    monkeypatch.setattr(sys, "path", [str(first), str(tmp_path / "missing"), str(second)])

    expected = [
        ("alpha", "alpha_rules", "migcheck", "alpha"),
        ("beta", "beta_rules", "migcheck", "Beta.Plugin"),
        ("gamma", "gamma_rules", "migcheck", "gamma"),
        ("legacy", "legacy_rules", "migcheck", "legacy"),
        ("zeta", "alpha_rules:more", "migcheck", "alpha"),
    ]
    assert by_importlib_metadata() == expected
    assert found(plugins._entry_points()) == expected
    assert plugins._declaring_folders() is not None  # found by the quick scan, not by importlib.metadata


def test_a_relative_path_entry_is_the_working_folder(tmp_path: Path, monkeypatch) -> None:
    distribution(tmp_path, "here-1.0.dist-info", "here", "here = here_rules")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", [""])
    assert (
        found(plugins._entry_points())
        == by_importlib_metadata()
        == [("here", "here_rules", "migcheck", "here")]
    )


def test_nothing_declared_is_no_entry_point(tmp_path: Path, monkeypatch) -> None:
    distribution(tmp_path, "plain-1.0.dist-info", "plain", "x = y", section="[pytest11]")
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert plugins._declaring_folders() == []
    assert plugins._entry_points() == [] == by_importlib_metadata()


def test_a_zip_archive_on_the_path_is_searched_by_importlib_metadata(tmp_path: Path, monkeypatch) -> None:
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr(
            "zipped-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: zipped\nVersion: 1.0\n"
        )
        zipped.writestr("zipped-1.0.dist-info/entry_points.txt", "[migcheck]\nzipped = zipped_rules\n")
    monkeypatch.setattr(sys, "path", [str(archive)])
    assert plugins._declaring_folders() is None  # the quick scan does not read archives
    assert found(plugins._entry_points()) == [("zipped", "zipped_rules", "migcheck", "zipped")]


def test_an_egg_on_the_path_is_searched_by_importlib_metadata(tmp_path: Path, monkeypatch) -> None:
    egg = tmp_path / "eggy-1.0-py3.11.egg"
    info = egg / "EGG-INFO"
    info.mkdir(parents=True)
    (info / "PKG-INFO").write_text("Metadata-Version: 1.1\nName: eggy\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[migcheck]\neggy = eggy_rules\n")
    monkeypatch.setattr(sys, "path", [str(egg)])
    assert plugins._declaring_folders() is None
    assert found(plugins._entry_points()) == [("eggy", "eggy_rules", "migcheck", "eggy")]


def test_another_finder_of_distributions_is_asked_through_importlib_metadata(monkeypatch) -> None:
    class Finder:
        @staticmethod
        def find_distributions(context: object = None) -> list[object]:
            return []

        @staticmethod
        def find_spec(*args: object) -> None:
            return None

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder()])
    assert plugins._declaring_folders() is None


@pytest.mark.parametrize(
    ("folder", "name"),
    [
        ("Foo.Bar-1.0.dist-info", "foo_bar"),
        ("foo__bar-2.dist-info", "foo_bar"),
        ("Legacy.egg-info", "legacy"),
    ],
)
def test_distribution_names_compare_as_importlib_metadata_compares_them(folder: str, name: str) -> None:
    assert plugins._normalized(folder) == name


# --- the records of the model ----------------------------------------------------------------------
# `model.record` leaves out the run-time guard of `frozen=True` (the type checker holds records frozen) and
# shares one `__repr__`: everything else must be what `@dataclass(frozen=True, slots=True)` gives.

EXAMPLES = Path(__file__).parents[1] / "examples"


def records() -> list[type]:
    from migcheck import config, inventory_model, model

    return [
        cls
        for module in (model, inventory_model, config)
        for cls in vars(module).values()
        if dataclasses.is_dataclass(cls) and isinstance(cls, type) and cls.__module__ == module.__name__
    ]


def example_records() -> dict[type, list[object]]:
    """Every record the readers make of the example files, nested ones included, by class."""
    from migcheck.readers import read_document

    found: dict[type, list[object]] = {}
    for path in sorted(EXAMPLES.rglob("*")):
        document = read_document(str(path), path.read_bytes(), explicit=False) if path.is_file() else None
        stack: list[object] = [document] if document else []
        while stack:
            obj = stack.pop()
            if isinstance(obj, (tuple, frozenset)):
                stack.extend(obj)
            elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
                found.setdefault(type(obj), []).append(obj)
                stack.extend(getattr(obj, f.name) for f in dataclasses.fields(obj))
    return found


def as_frozen_dataclass(cls: type) -> type:
    """The same fields as `cls`, declared `@dataclass(frozen=True, slots=True)`."""
    specs = [
        (f.name, f.type, dataclasses.field(repr=f.repr, hash=f.hash, compare=f.compare))
        for f in dataclasses.fields(cls)
    ]
    return dataclasses.make_dataclass(cls.__name__, specs, frozen=True, slots=True)


def test_every_record_is_a_slotted_hashable_dataclass() -> None:
    assert len(records()) >= 50
    for cls in records():
        assert "__slots__" in vars(cls) and cls.__hash__ is not None, cls
        assert "__setattr__" not in vars(cls)  # no per-class guard compiled: see model.record


def test_records_show_hash_and_compare_as_frozen_dataclasses() -> None:
    seen = example_records()
    assert len(seen) >= 20  # the examples hold most kinds of record
    for cls, objects in seen.items():
        frozen = as_frozen_dataclass(cls)
        copies = [frozen(*(getattr(obj, f.name) for f in dataclasses.fields(obj))) for obj in objects]
        pairs = list(zip(objects, copies, strict=True))
        for obj, copy in pairs:
            assert repr(obj) == repr(copy) and hash(obj) == hash(copy)
        for (a, a_copy), (b, b_copy) in itertools.pairwise(pairs):
            assert (a == b) == (a_copy == b_copy)


def test_fields_left_out_of_comparison_are_left_out_of_the_hash() -> None:
    from migcheck.model import Disk, Mark

    mark = Mark("vm.xml", 3, "DataVirtualHardDisk")
    disk = Disk("data", "https://acct.blob.core.windows.net/vhds/data.vhd", "", "vm", mark)
    described = dataclasses.replace(disk, sources=(mark, Mark("other.xml", 9)))
    assert disk == described and hash(disk) == hash(described)
    assert disk != dataclasses.replace(disk, name="logs")
    shown = repr(described)
    assert shown.startswith("Disk(name='data', ") and "sources=(Mark(path='vm.xml'" in shown


def test_a_check_of_disks_with_plain_blob_names_imports_no_url_parser(tmp_path: Path) -> None:
    """A blob's name is percent-decoded only when it holds a `%`: urllib.parse is not imported for the
    names nearly every repository writes."""
    source = EXAMPLES / "ready" / "rest" / "northwind-web.deployment.xml"
    assert "MediaLink" in source.read_text() and "%" not in source.read_text()
    folder = tmp_path / "estate"
    folder.mkdir()
    (folder / source.name).write_text(source.read_text())
    modules = imported(tmp_path, "check", str(folder))
    assert "migcheck.readers" in modules  # it was read
    assert "urllib.parse" not in modules


def test_a_check_of_files_that_parse_imports_no_parse_error_words(tmp_path: Path) -> None:
    """The plain words for libxml2's errors, whose patterns are compiled as they are imported, are
    imported for a file that does not parse, not for every check that reads one."""
    folder = tmp_path / "estate"
    folder.mkdir()
    (folder / "ServiceDefinition.csdef").write_text('<ServiceDefinition name="shop"/>')
    modules = imported(tmp_path, "check", str(folder))
    assert "migcheck.readers" in modules and "migcheck.readers.xml_errors" not in modules
    (folder / "ServiceConfiguration.Cloud.cscfg").write_text("<ServiceConfiguration serviceName=shop/>")
    assert "migcheck.readers.xml_errors" in imported(tmp_path, "check", str(folder))


def test_a_check_of_files_that_load_no_settings_file_imports_no_digest(tmp_path: Path) -> None:
    """hashlib (which loads OpenSSL) is imported to take the digest of a settings file a script loads,
    not for every check that reads a file."""
    folder = tmp_path / "estate"
    folder.mkdir()
    (folder / "ServiceDefinition.csdef").write_text('<ServiceDefinition name="shop"/>')
    (folder / "deploy.ps1").write_text('$service = "shop"\n')
    modules = imported(tmp_path, "check", str(folder))
    assert "migcheck.readers" in modules and "hashlib" not in modules
    (folder / "config.ps1").write_text('$location = "West Europe"\n')
    (folder / "deploy.ps1").write_text('. "$PSScriptRoot\\config.ps1"\n$service = "shop"\n')
    assert "hashlib" in imported(tmp_path, "check", str(folder))


@pytest.mark.parametrize("columns", [60, 100, 160])
def test_help_is_as_wide_as_the_terminal_columns_say(columns: int, monkeypatch, capsys) -> None:
    from migcheck.cli import main

    monkeypatch.setenv("COLUMNS", str(columns))
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    lines = capsys.readouterr().out.splitlines()
    # argparse fills lines up to two columns short of the terminal's width, as it always has
    assert max(len(line) for line in lines if " " in line.strip()) in range(columns - 12, columns - 1)


def every_record() -> list[type]:
    """The records of every module that declares them with `model.record`."""
    from migcheck import discover, estate, suppress
    from migcheck.readers import powershell, powershell_cmdlets, python_flow, shell, xplat

    modules = (discover, estate, suppress, python_flow, powershell, powershell_cmdlets, shell, xplat)
    return records() + [
        cls
        for module in modules
        for cls in vars(module).values()
        if dataclasses.is_dataclass(cls) and isinstance(cls, type) and cls.__module__ == module.__name__
    ]


def test_importing_the_model_writes_no_record_s_init_until_one_is_made(tmp_path: Path) -> None:
    """Most records are never made in a run (none in `--version` or a check of an empty folder): each one's
    `__init__` is compiled when the first of them is made, not as the model is imported."""
    probe = """\
import builtins
compiled = []
original = builtins.exec
def counted(source, *args):
    if isinstance(source, str) and "def __init__(" in source:  # not a module's code, which imports exec
        compiled.append(source)
    return original(source, *args)
builtins.exec = counted
import migcheck.model
before = len(compiled)
migcheck.model.Mark("a.cscfg", 3)
migcheck.model.Mark("b.cscfg", 4)
print(before, len(compiled))
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "1"]


def test_a_record_s_init_takes_and_sets_what_a_dataclass_s_does() -> None:
    import inspect

    from migcheck import model

    written_init = model._dataclass_init  # type: ignore[attr-defined]  # what a record's first making calls
    checked = 0
    for cls in every_record():
        fields = dataclasses.fields(cls)
        same = {
            f.name: dataclasses.field(
                default=f.default, default_factory=f.default_factory, init=f.init, kw_only=f.kw_only
            )
            for f in fields
        }
        same["__annotations__"] = dict.fromkeys(same, object)  # type: ignore[assignment]
        dataclass_init = dataclasses.dataclass(slots=True)(type(cls.__name__, (), same)).__init__
        ours, theirs = inspect.signature(written_init(cls)), inspect.signature(dataclass_init)
        assert [(p.name, p.kind) for p in ours.parameters.values()] == [
            (p.name, p.kind) for p in theirs.parameters.values()
        ], cls
        for name, parameter in ours.parameters.items():
            default = theirs.parameters[name].default
            if parameter.default is not inspect.Parameter.empty and repr(default) != "<factory>":
                assert parameter.default is default, (cls, name)
        checked += 1
    assert checked >= 90
