"""The plugin tests' fixtures: the small classic estate of plugin_support.py written into a pytester folder
(`estate`), and the same with a baseline (`baselined`).

`pytester` is enabled in each test module (`pytest_plugins`): pytest refuses `pytest_plugins` in a
conftest below the rootdir's."""

from __future__ import annotations

import pytest
from plugin_support import FILES

# pytester unloads whatever an in-process run imports; loaded here once, the engine is not imported
# (and assertion-rewritten, as modules of a pytest11 distribution are) again for every run. Every module
# of the engine, the readers it imports only when a file needs them included: one unloaded after a run
# and imported again makes new classes, which the modules that stayed loaded do not recognise (a later
# test in the same process then read a Python script's service configuration as nothing).
import pytest_migcheck.session  # noqa: F401


def _load_the_engine() -> None:
    import importlib
    import pkgutil

    import migcheck

    for module in pkgutil.walk_packages(migcheck.__path__, "migcheck."):
        if not module.name.endswith("__main__"):  # that one runs the command line
            importlib.import_module(module.name)
    # The readers import tree-sitter and its grammars on first use and keep what they build with them (a
    # query, a parser): imported in a run, tree-sitter would be unloaded after it and imported anew by the
    # next, whose classes the kept query is not an instance of (a PowerShell script then fails to read).
    for package in ("tree_sitter", "tree_sitter_bash", "tree_sitter_powershell", "tree_sitter_toml"):
        importlib.import_module(package)


_load_the_engine()


@pytest.fixture
def estate(pytester: pytest.Pytester) -> pytest.Pytester:
    for path, text in FILES.items():
        target = pytester.path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return pytester


@pytest.fixture
def baselined(estate: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """The estate with its endpoint ACL (MIG201) recorded in the baseline its settings name."""
    from migcheck.cli import main

    monkeypatch.chdir(estate.path)
    main(["check", ".", "--select", "MIG201", "--ignore", "MIG001", "--write-baseline", "ci/baseline.json"])
    estate.makepyprojecttoml('[tool.migcheck]\nbaseline = "ci/baseline.json"\n')
    return estate
