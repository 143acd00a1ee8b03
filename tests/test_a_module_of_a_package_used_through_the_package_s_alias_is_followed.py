"""A module of a package beside the script that the script uses through the name it imports the package
by (`import pyazure as pa`, then `pa.util.RequestWithMethod('POST', url)`; `import pyazure`, then
`pyazure.util.RequestWithMethod(...)`) is the package's module, as Python finds it on the package: its
urllib `Request` subclass sends the method it is given, so a Create Hosted Service request is said to fail
today, as when the module is imported by name. A name bound to something else is not followed."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

CREATE = "POST management.core.windows.net/<subscription-id>/services/hostedservices"

UTIL = """\
\"\"\"Python wrapper around the Windows Azure storage and management APIs.\"\"\"
from urllib2 import Request


class RequestWithMethod(Request):
    def __init__(self, method, *args, **kwargs):
        self._method = method
        Request.__init__(self, *args, **kwargs)

    def get_method(self):
        return self._method
"""

SCRIPT = """\
import urllib2
{imports}

URL = 'https://management.core.windows.net/%s/services/hostedservices' % SUBSCRIPTION


def create_service():
    return urllib2.urlopen({package}.util.RequestWithMethod('POST', URL))


create_service()
"""


def _findings(tmp_path, monkeypatch, script: str):
    files = {
        "pyazure/__init__.py": "from pyazure import util\n",
        "pyazure/util.py": UTIL,
        "create.py": script,
    }
    return lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False).findings


@pytest.mark.parametrize(
    ("imports", "package"),
    [("import pyazure as pa", "pa"), ("import pyazure", "pyazure"), ("from . import pyazure", "pyazure")],
    ids=["alias", "package", "relative"],
)
def test_the_module_used_through_the_package_s_name_sends_the_method_it_is_given(
    tmp_path, monkeypatch, imports: str, package: str
) -> None:
    script = SCRIPT.format(imports=imports, package=package)
    [found] = _findings(tmp_path, monkeypatch, script)
    assert f"its calls that create classic cloud services ({CREATE}) fail today" in found.message
    column = script.split("\n")[7].index(f"{package}.util") + 1  # at the request
    assert where([found]) == [f"MIG601 create.py:8:{column}"]


def test_the_package_s_alias_bound_to_something_else_is_not_followed(tmp_path, monkeypatch) -> None:
    script = SCRIPT.format(imports="import pyazure as pa\npa = None", package="pa")
    assert all("fail today" not in f.message for f in _findings(tmp_path, monkeypatch, script))
