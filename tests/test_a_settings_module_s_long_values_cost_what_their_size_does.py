"""A Python settings module's values longer than a name (its data: a list of the VMs to create) are taken,
each one past a name's length paid for by its length, both where the module builds it and where a script
copies it in: a module or script that repeats a long value costs what its size does, and past the bound the
name reads as a value the script does not state."""

from __future__ import annotations

from growth import assert_linear
from lint_support import RULES

from migcheck.config import Config
from migcheck.engine import lint

HEAD = (
    'from azure.servicemanagement import ServiceManagementService\nsms = ServiceManagementService("s", "c")\n'
)


def _checked(folder):
    def work() -> object:
        return lint([str(folder)], Config(select=("MIG601",)), RULES)

    return work


def test_a_long_value_read_many_times_by_a_script(tmp_path):
    """A value 20,000 characters long read n times (`config.VMS`)."""

    def make(n: int):
        folder = tmp_path / f"r{n}"
        folder.mkdir()
        (folder / "config.py").write_text("VMS = " + repr(["x" * 100] * 180) + "\n")
        reads = "".join(f"v{i} = config.VMS\n" for i in range(n))
        (folder / "deploy.py").write_text(HEAD + "import config\n" + reads + "sms.list_hosted_services()\n")
        return _checked(folder)

    assert_linear(make, 200)


def test_a_settings_module_that_repeats_a_long_value(tmp_path):
    """A module that builds n names each twice a 30,000-character value."""

    def make(n: int):
        folder = tmp_path / f"m{n}"
        folder.mkdir()
        built = "".join(f"B{i} = A + A\n" for i in range(n))
        (folder / "config.py").write_text("A = '" + "x" * 30_000 + "'\n" + built)
        (folder / "deploy.py").write_text(HEAD + "import config\nv = config.B0\nsms.list_hosted_services()\n")
        return _checked(folder)

    assert_linear(make, 200)
