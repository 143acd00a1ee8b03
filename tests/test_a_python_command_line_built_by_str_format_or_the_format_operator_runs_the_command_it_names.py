"""A Python script that builds the classic CLI's command line by `str.format` or by the `%` operator
(`os.system("azure vm create %s %s ..." % (svc, img))`) was passed over with no message: the whole line was
one value the script does not state, so the VM it creates was missing, where the same line written as an
f-string was read. Each template is now filled in from the values it is given, as an f-string is, in a
command line and in a word of a list: from a dict, list or tuple written out or held by a name the script
never changes (`% opts`, `.format(**{...})`), a number padded as the template says (`%03d`). A command line
built by a template whose values the reader cannot see is said as a part not read, where it was dropped
with no message."""

from __future__ import annotations

import pytest
from lint_support import lint_files, script_resources

from migcheck.model import UNSTATED_COMMAND_LINE, Script

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
    "format operator, a dict the script names": (
        'opts = {"s": svc, "v": vm}\nos.system("azure vm create %(s)s img u p -n %(v)s -l NorthEurope" % opts)\n'
    ),
    "str.format, a dict spread": (
        'os.system("azure vm create {s} img u p -n {v} -l NorthEurope".format(**{"s": svc, "v": vm}))\n'
    ),
    "str.format, a list spread": 'os.system("azure vm create {} img u p -n {} -l NorthEurope".format(*[svc, vm]))\n',
    "format operator, a padded number": 'os.system("azure vm create %s img u p -n web%d -l NorthEurope" % (svc, 1))\n'.replace(
        "%d", "%01d"
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


@pytest.mark.parametrize(
    "line",
    [
        '"azure vm create %(s)s img u p -n web1 -l NorthEurope" % options()',
        '"azure vm create {s} img u p -n web1 -l NorthEurope".format(**options())',
        '"azure vm create %s img u p -n web%03d -l NorthEurope" % (svc, count())',
        '"azure vm create %(s)s img u p -n web1 -l NorthEurope" % opts',
    ],
)
def test_a_command_line_its_template_cannot_be_filled_in_is_said_as_not_read(line):
    script = HEAD + f'opts = {{"s": svc}}\nopts["s"] = "other"\nos.system({line})\n'
    (found,) = [r for r in script_resources(script, "provision.py") if isinstance(r, Script)]
    assert [(m.line, m.tag) for m in found.unread] == [(8, UNSTATED_COMMAND_LINE)]


def test_a_number_padded_by_the_template_names_the_vm_as_python_pads_it(tmp_path, monkeypatch):
    script = HEAD + 'os.system("azure vm create %s img u p -n %s-%03d -l NorthEurope" % (svc, "web", 7))\n'
    (estate,) = lint_files(tmp_path, monkeypatch, {"provision.py": script}).estates
    assert [r.name for s in estate.cloud_services for p in s.placements for r in p.roles] == ["web-007"]
