"""A Python script that makes a urllib request on the Service Management API's host, which a constant of
the module states (`RequestWithMethod('GET', 'https://%s/%s/operations/%s' % (SERVICE_MANAGEMENT_HOST, ...))`),
and opens it (`urlopen(req)`), sends that request: it is read by its URL, its path's values the script does
not state as holes, and `urlopen(req)` is not said to send a request to a URL the script does not state. A
part not read in a module that other scripts import (`from util import *`) is said once on standard error,
not once for each of them."""

from __future__ import annotations

from lint_support import lint_files, run_cli, script_resources, unread_marks

UTIL = """\
import urllib2

SERVICE_MANAGEMENT_HOST = "management.core.windows.net"


class RequestWithMethod(urllib2.Request):
    def __init__(self, method, *args, **kwargs):
        self._method = method
        urllib2.Request.__init__(self, *args, **kwargs)

    def get_method(self):
        return self._method


class Client(object):
    def __init__(self, sub_id):
        self.sub_id = sub_id

    def get_operation_status(self, request_id):
        req = RequestWithMethod('GET', 'https://%s/%s/operations/%s' %
            (SERVICE_MANAGEMENT_HOST, self.sub_id, request_id))
        return urllib2.urlopen(req)
"""


def test_the_request_is_read_and_nothing_is_said_not_read() -> None:
    assert unread_marks(script_resources(UTIL, "util.py")) == []


def test_the_request_is_listed_by_its_url(tmp_path, monkeypatch) -> None:
    (finding,) = lint_files(tmp_path, monkeypatch, {"util.py": UTIL}, "MIG601", dedent=False).findings
    assert "(GET management.core.windows.net/<subscription-id>/operations/<...>)" in finding.message


def test_a_request_made_to_a_url_not_stated_is_said_where_it_is_made_not_where_it_is_opened() -> None:
    util = UTIL.replace('"management.core.windows.net"', 'os.environ["MANAGEMENT_HOST"]')
    util = "import os\n" + util.replace("SERVICE_MANAGEMENT_HOST", "MANAGEMENT_HOST")
    made = util[: util.index("req = RequestWithMethod")].count("\n") + 1
    assert unread_marks(script_resources(util, "util.py")) == [(made, 15)]


def test_a_part_not_read_of_a_module_others_import_is_said_once_on_standard_error(
    tmp_path, monkeypatch, capsys
) -> None:
    util = UTIL.replace('"management.core.windows.net"', 'os.environ["MANAGEMENT_HOST"]')
    (tmp_path / "util.py").write_text("import os\n" + util, encoding="utf-8")
    for name, klass in (("hosted", "HostedServices"), ("storage", "StorageAccounts")):
        (tmp_path / f"{name}.py").write_text(
            f"from util import *\n\n\nclass {klass}(Client):\n"
            "    def status(self):\n        return self.get_operation_status('1')\n\n\n"
            "def listed():\n"
            "    return urllib2.urlopen('https://management.core.windows.net/sub/services/hostedservices')\n",
            encoding="utf-8",
        )
    monkeypatch.chdir(tmp_path)
    _, _, err = run_cli(capsys, "check", ".", "--verbose", "--exit-zero")
    said = [line for line in err.splitlines() if "sends a request to a URL the script does not state" in line]
    assert len(said) == 1, err
    assert said[0].startswith("migcheck: util.py:")
