"""Python 2 scripts: most scripts of the classic SDK's era (azure < 1.0) were written for Python 2. What
Python 3 refuses in them (`print x`, `except X, e:`, `0777`, `10L`, ...) is rewritten token by token into
Python 3 of the same layout, so they are read as any script is, every finding at its place in the file as
written. Only a script neither Python 3 nor Python 2 the reader knows is a syntax problem (MIG001)."""

from __future__ import annotations

import sys
import textwrap

import pytest
from growth import assert_linear

from migcheck.config import Config
from migcheck.engine import LintResult, lint
from migcheck.model import Deployment, Document, Mark
from migcheck.plugins import load_rules
from migcheck.readers import read_document

PATH = "ops/deploy.py"
HEADER = "from azure.servicemanagement import *\nsms = ServiceManagementService('sub', 'cert.pem')\n"
CALL = "sms.add_role('shop', 'prod', 'web01', None, None)"
RUNNING = f"{sys.version_info.major}.{sys.version_info.minor}"


def read(source: str) -> Document:
    text = HEADER + textwrap.dedent(source).lstrip("\n")
    document = read_document(PATH, text.encode("utf-8"), explicit=True)
    assert document is not None
    return document


def at(line: int, column: int) -> Mark:
    return Mark(PATH, line, column=column)


def only_deployment(document: Document) -> Deployment:
    assert document.problem is None, document.problem
    (found,) = [r for r in document.resources if isinstance(r, Deployment)]
    return found


# --- each form, and the positions after it ----------------------------------------------------------------


@pytest.mark.parametrize(
    "before",
    [
        pytest.param('print "adding", 1; ', id="print"),
        pytest.param("print >>sys.stderr, 'adding'; ", id="print to a file"),
        pytest.param('exec "step = 1" in scope; ', id="exec"),
        pytest.param("mode = 0777; ", id="octal"),
        pytest.param("mode = 00644L; ", id="octal long"),
        pytest.param("size = 10L + 0xFFl; ", id="long"),
        pytest.param("if 1 <> 2: ", id="not equal"),
        pytest.param("if 1<>2: ", id="not equal without spaces"),
        pytest.param("shown = `size` + `mode`; ", id="backticks"),
        pytest.param("label = ur'web\\d'; ", id="unicode raw string"),
        pytest.param("note = 'print \"x\", 0777L <> `y`'; ", id="a string that looks like Python 2"),
        pytest.param("print [n for n in 'ab']; ", id="print a list"),
        pytest.param("print -1, +2; ", id="print a signed number"),
        pytest.param("key = lambda (k, v): v; ", id="lambda with a tuple parameter"),
        pytest.param("key = lambda (k, (v, w)), x=(1, 2): v; ", id="lambda with nested tuple parameters"),
        pytest.param("key = lambda (k,): {k: lambda (a, b)=(1, 2): a}; ", id="lambda in a lambda"),
    ],
)
def test_each_python2_form_is_read_and_what_follows_keeps_its_column(before):
    deployment = only_deployment(read(before + CALL + "\n"))
    assert deployment.mark == at(3, len(before) + len("sms.") + 1)
    assert [role.name for role in deployment.roles] == ["web01"]


def test_except_with_a_target_and_raise_with_a_message():
    document = read(
        """
        try:
            raise ValueError, "no such service"
        except ValueError, é: sms.add_role('shop', 'prod', 'web01', None, None)
        try:
            pass
        except (KeyError, IndexError), error:
            raise KeyError, error, None
        """
    )
    # `é` takes two bytes: blanked as two, the call after it keeps the column `ast` gives it.
    assert only_deployment(document).mark == at(5, 27)


def test_print_and_exec_statements_keep_the_indentation_of_their_block():
    document = read(
        """
        def deploy(name):
            print "deploying", name
            if name:
                exec "checked = 1"
            else: print
            print "done"
            sms.add_role('shop', 'prod', ur'web01', None, None)

        deploy('web01')
        """
    )
    deployment = only_deployment(document)
    assert deployment.mark == at(9, 9)
    assert [role.name for role in deployment.roles] == ["web01"]


def test_a_python2_docstring_with_a_unicode_raw_prefix_keeps_its_indentation():
    document = read(
        '''
        def deploy():
            ur"""Deploy the web tier."""
            sms.add_role('shop', 'prod', 'web01', None, None)
        '''
    )
    assert only_deployment(document).mark == at(5, 9)


def test_tuple_parameters_become_parameters_of_their_own():
    document = read(
        """
        def show((name, size), (first, (second, third))=(1, (2, 3)), *rest): print name, size
        def deploy(service, (role,
                             slot)):
            sms.add_role(service, slot, role, None, None)
        deploy('shop', ('web01', 'prod'))
        """
    )
    assert only_deployment(document).mark == at(6, 9)


def test_print_of_a_list_at_the_start_of_a_statement_is_the_print_statement():
    document = read(
        """
        if 1: print [name for name in 'ab']
        print ['web01'][0]
        sms.add_role('shop', 'prod', 'web01', None, None)
        """
    )
    assert only_deployment(document).mark == at(5, 5)


# --- indentation that mixes tabs and spaces ------------------------------------------------------------

# Python 2 puts a tab stop every 8 columns, so a tab and 8 spaces indent alike; Python 3 refuses the mix.
MIXED_INDENTATION = (
    "def deploy(name):\n"
    "    print 'deploying', name\n"
    "    try:\n"
    "\tlabel = '\u00e9t\u00e9'; sms.add_role('shop', 'prod', name, None, None)\n"
    "    except Exception, e:\n"
    "\tprint e\n"
    "    \tnote = '''a\n"
    "\t\tb'''\n"
    "\n"
    "deploy('web01')\n"
)


def test_indentation_that_mixes_tabs_and_spaces_is_read_at_its_columns_as_written():
    deployment = only_deployment(read(MIXED_INDENTATION))
    # After a tab, and after `é` of two bytes: the column as written, not as indented in spaces.
    assert deployment.mark == at(6, 21)


def test_a_tab_inside_a_string_stays_a_tab():
    document = read(
        "def deploy():\n"
        "        name = '''web\n"
        "\t01'''\n"
        "\tsms.add_role('shop', 'prod', name, None, None)\n"
        "deploy()\n"
    )
    deployment = only_deployment(document)
    assert deployment.mark == at(6, 6)
    assert [role.name for role in deployment.roles] == ["web\n\t01"]


def test_suppression_comments_in_a_rewritten_script_keep_their_lines_and_columns():
    # Python 3.12 and later refuse to tokenize this file: its comments are read in the text parsed.
    document = read(
        "def deploy():\n"
        "    try:\n"
        "\tsms.add_role('s', 'd', 'vm', None, None)  # migcheck: ignore[MIG103] joins the set later\n"
        "    except ValueError, \u00e9:  # migcheck: ignore[MIG105] a test VM\n"
        "\t# migcheck: ignore[MIG203] the next statement\n"
        "\tprint '\u00e9'\n"
    )
    assert document.problem is None
    assert [(s.codes, s.first_line, s.last_line, s.mark) for s in document.suppressions] == [
        (("MIG103",), 5, 5, at(5, 44)),
        (("MIG105",), 6, 6, at(6, 28)),
        (("MIG203",), 8, 8, at(7, 2)),
    ]


TABBED_SCRIPT = """\
from azure.servicemanagement import *
sms = ServiceManagementService("sub", "cert.pem")
def create(name):
    config = LinuxConfigurationSet(name, 'azureuser', 'secret', True)
    disk = OSVirtualHardDisk('image', 'https://store.blob.core.windows.net/vhds/%s.vhd' % name)
    try:
\tsms.create_virtual_machine_deployment(service_name=name, deployment_name=name,
\t\tdeployment_slot='production', label=name, role_name=name, system_config=config,
\t\tos_virtual_hard_disk=disk, role_size='Small')
    except Exception, e:
\tprint e
create('web01')
"""


def test_a_tab_indented_python2_script_gives_its_findings_at_their_places(tmp_path, monkeypatch):
    (tmp_path / "azure.py").write_text(TABBED_SCRIPT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result: LintResult = lint(["."], Config(), load_rules(entry_points=False))
    found = [(f.code, f.location.line, f.location.column) for f in result.findings]
    assert found == [("MIG601", 2, 7), ("MIG105", 7, 6)]


# --- a whole script --------------------------------------------------------------------------------------

CLASSIC_SCRIPT = """\
#!/usr/bin/python
from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk
import logging, os, sys

LOG = logging.getLogger()


class Azure(object):
    def create_machine(self, name, image, media='https://store.blob.core.windows.net/vhds'):
        os.chmod('/tmp/azure.pem', 0600)
        try:
            sms = ServiceManagementService(os.environ['SUBSCRIPTION'], '/tmp/azure.pem')
            config = LinuxConfigurationSet(name, 'azureuser', 'secret', True)
            disk = OSVirtualHardDisk(image, "%s/%s.vhd" % (media, name))
            print "creating", name, `image`
            result = sms.create_virtual_machine_deployment(
                service_name=name, deployment_name=name, deployment_slot='production', label=name,
                role_name=name, system_config=config, os_virtual_hard_disk=disk, role_size='Small')
            if result.status <> 'Succeeded':
                raise RuntimeError, "failed: %s" % result.status
        except Exception, ex:
            LOG.exception(ex)
            print >>sys.stderr, ex
            return 1L
        return 0
"""


def test_a_classic_python2_script_gives_its_findings_at_their_places(tmp_path, monkeypatch):
    (tmp_path / "azure.py").write_text(CLASSIC_SCRIPT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result: LintResult = lint(["."], Config(), load_rules(entry_points=False))
    found = [(f.code, f.location.line, f.location.column) for f in result.findings]
    # The service object, and the VM it creates in no virtual network, at the name of the method.
    assert found == [("MIG601", 12, 19), ("MIG105", 16, 26)]


# --- what stays a syntax problem --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "position", "words"),
    [
        (
            # In Python 2 `True` is a name; Python 3 made it a keyword.
            "print 'deploying'\nTrue, False = 1, 0\n",
            (3, 1),
            "not Python 3 syntax: Missing parentheses in call to 'print'",
        ),
        ("sms = ServiceManagementService(\n", (3, 31), "Python syntax error: '(' was never closed"),
    ],
)
def test_a_script_that_is_neither_python3_nor_python2_is_a_syntax_problem_at_its_first_error(
    source, position, words
):
    document = read(source)
    problem = document.problem
    assert problem is not None and problem.kind == "syntax"
    assert words in problem.message
    assert f"Python {RUNNING}, which migcheck runs on, cannot parse the script" in problem.message
    assert "nor can migcheck read it as Python 2" in problem.message
    assert (problem.mark.line, problem.mark.column) == position


def test_a_syntax_error_that_is_not_python2_suggests_a_newer_python_and_names_the_one_running():
    refused = read("sms = ServiceManagementService(\n").problem
    assert refused is not None and refused.fix is not None
    assert (
        f"if the script is written for a Python newer than {RUNNING}, run migcheck with that Python"
        in refused.fix
    )
    python2 = read("print 'deploying'\nTrue = 1\n").problem
    assert python2 is not None and python2.fix is not None and "newer Python" not in python2.fix


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="Python 3.12 reads quotes nested in an f-string")
def test_a_script_for_a_newer_python_is_not_called_python2():
    problem = read('label = f"{settings["name"]}-vm"\n').problem
    assert problem is not None and problem.fix is not None
    assert "neither" not in problem.message
    assert f"Python {RUNNING}, which migcheck runs on, cannot parse the script" in problem.message
    assert "run migcheck with that Python" in problem.fix


def test_python2_forms_cost_time_linear_in_the_script():
    line = "print 'step', 0777L, `mode` <> 10L; mode = ur'x'\n"

    def make(n: int):
        data = (HEADER + line * n + CALL + "\n").encode()
        return lambda: read_document(PATH, data, explicit=True)

    assert_linear(make, 2000)


def test_tabs_and_tuple_parameters_cost_time_linear_in_the_script():
    block = (
        "if 1:\n"
        "        print [n for n in 'ab']  # migcheck: a comment read\n"
        "\tkey = lambda (k, (v, w)): {k: lambda (a, b)=(1, 2): a}\n"
        "\tdef show((a, b), c=(1, 2)): print a\n"
    )

    def make(n: int):
        data = (HEADER + block * n + CALL + "\n").encode()
        return lambda: read_document(PATH, data, explicit=True)

    assert only_deployment(make(2)()).mark == at(11, 5)
    assert_linear(make, 500)  # 4n blocks stay below the size limit
