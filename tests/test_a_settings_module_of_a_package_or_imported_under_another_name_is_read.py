"""A Python script takes the values of a settings module however it imports it: a module of a package
(`from conf import settings` then `settings.VNET`, `import conf.settings as settings`, `import conf.settings` then
`conf.settings.VNET`), a package itself
(`settings/__init__.py`, which Python imports before a `settings.py` beside it), from its own package
(`from . import settings`). A package whose `__init__.py` binds the name to something else gives that,
not the module; a name the settings module imports again after assigning it is not taken."""

from __future__ import annotations

import pytest
from lint_support import PY_DEPLOY, lint_files, py_settings

from migcheck.plan import build_plan

SETTINGS = py_settings("Front", "Back")


def networks(tmp_path, monkeypatch, deploy: str, files: dict[str, str]) -> list[str]:
    """The networks the plan moves, as it names them."""
    every = {"deploy.py": deploy, "config.py": SETTINGS["config.py"], **files}
    result = lint_files(tmp_path, monkeypatch, every, dedent=False)
    return [step.name for step in build_plan(result).steps if step.members]


@pytest.mark.parametrize(
    ("imported", "read", "where"),
    [
        ("from conf import settings", "settings.VNET", "conf/settings.py"),
        ("from conf import settings as cfg", "cfg.VNET", "conf/settings.py"),
        ("import conf.settings as settings", "settings.VNET", "conf/settings.py"),
        ("import conf.settings", "conf.settings.VNET", "conf/settings.py"),
        ("import settings", "settings.VNET", "settings/__init__.py"),
        ("import settings as cfg", "cfg.VNET", "settings/__init__.py"),
        ("from . import settings", "settings.VNET", "settings.py"),
    ],
)
def test_the_network_a_settings_module_states_is_planned_however_it_is_imported(
    tmp_path, monkeypatch, imported, read, where
):
    deploy = PY_DEPLOY.replace("import settings\n", imported + "\n").replace("settings.VNET", read)
    assert networks(tmp_path, monkeypatch, deploy, {where: SETTINGS["settings.py"]}) == ["hub"]


def test_a_package_s_init_that_binds_the_name_otherwise_gives_its_own_value(tmp_path, monkeypatch):
    deploy = PY_DEPLOY.replace("import settings\n", "from conf import settings\n")
    files = {"conf/settings.py": SETTINGS["settings.py"], "conf/__init__.py": "settings = load_settings()\n"}
    assert networks(tmp_path, monkeypatch, deploy, files) == ["<virtual network name, deploy.py:11>"]


def test_a_package_is_imported_before_a_module_of_its_name(tmp_path, monkeypatch):
    files = {"settings/__init__.py": 'VNET = "spoke"\n', "settings.py": SETTINGS["settings.py"]}
    assert networks(tmp_path, monkeypatch, PY_DEPLOY, files) == ["spoke"]


def test_a_name_a_settings_module_imports_again_after_stating_it_is_not_taken(tmp_path, monkeypatch):
    files = {"settings.py": 'VNET = "hub"\nfrom overrides import VNET\n'}
    assert networks(tmp_path, monkeypatch, PY_DEPLOY, files) == ["<virtual network name, deploy.py:11>"]
