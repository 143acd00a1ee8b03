"""A Python script that builds the classic CLI's command line by `str.format` or by the `%` operator
(`os.system("azure vm create %s %s ..." % (svc, img))`) was passed over with no message: the whole line was
one value the script does not state, so the VM it creates was missing, where the same line written as an
f-string was read. Each template is now filled in from the values it is given, as an f-string is, in a
command line and in a word of a list."""

from __future__ import annotations

import pytest
from lint_support import lint_files

HEAD = 'import os\nimport subprocess\n\nsvc = "shop"\nvm = "web1"\n'
SCRIPTS = {
    "format operator, tuple": 'os.system("azure vm create %s img u p -n %s -l NorthEurope" % (svc, vm))\n',
    "format operator, one value": 'os.system("azure vm create shop img u p -n %s -l NorthEurope" % vm)\n',
    "format operator, dict": (
        'os.system("azure vm create %(s)s img u p -n %(v)s -l NorthEurope" % {"s": svc, "v": vm})\n'
    ),
    "str.format": (
        'subprocess.call("azure vm create {} img u p -n {name} -l NorthEurope".format(svc, name=vm), '
        "shell=True)\n"
    ),
    "list words": (
        'subprocess.check_call(["azure", "vm", "create", "%s" % svc, "img", "u", "p", "-n", "{}".format(vm),'
        ' "-l", "North Europe"])\n'
    ),
}


@pytest.mark.parametrize("shape", list(SCRIPTS))
def test_the_vm_the_filled_in_command_creates_is_read(tmp_path, monkeypatch, shape):
    result = lint_files(tmp_path, monkeypatch, {"provision.py": HEAD + SCRIPTS[shape]})
    assert [f.code for f in result.findings if f.code == "MIG601"] == ["MIG601"]
    (estate,) = result.estates
    vms = [(s.name, [r.name for p in s.placements for r in p.roles]) for s in estate.cloud_services]
    assert vms == [("shop", ["web1"])]


def test_a_template_its_values_do_not_fill_one_for_one_runs_no_command_it_names(tmp_path, monkeypatch):
    script = HEAD + 'os.system("azure vm create %s img u p -n %s -l NorthEurope" % (svc,))\n'
    result = lint_files(tmp_path, monkeypatch, {"provision.py": script})
    assert [s.name for e in result.estates for s in e.cloud_services] == []
