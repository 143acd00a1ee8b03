"""A Python script that drives the Service Management API through a client of its own, whose host lives in
another module (`client.execute("PUT", "services/networking/media", body)`), states only the API's request
paths: each is listed among its classic calls, so MIG601 says it uses the Service Management API, as the
PowerShell reader lists them. Before, such a script was "no classic file"."""

from __future__ import annotations

from lint_support import lint_files

SCRIPT = """\
from mylib.asm import RestClient

client = RestClient(subscription_id, cert)
client.execute("PUT", "services/networking/media", open("net.xml").read())
client.execute("POST", f"services/networking/{network}/gateway", "")
"""


def test_a_request_path_is_a_classic_call(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"net.py": SCRIPT}, "MIG601", dedent=False)
    (finding,) = result.findings
    assert finding.message.startswith(
        "Python script 'net.py' uses the Service Management API (a request to management.core.<...>/"
        "<subscription-id>/services/networking/media"
    )
    assert (finding.location.line, finding.location.column) == (4, 23)


def test_other_strings_are_no_request(tmp_path, monkeypatch):
    text = 'print("see services/networking/media in the docs")\nprint("services/other")\n'
    result = lint_files(tmp_path, monkeypatch, {"net.py": text}, "MIG601", dedent=False)
    assert result.findings == []


def test_an_f_string_path_is_one_request(tmp_path, monkeypatch):
    # Its constant parts (`services/networking/`) are no paths of their own.
    text = 'client.execute("POST", f"services/networking/{network}/gateway", "")\n'
    (finding,) = lint_files(tmp_path, monkeypatch, {"net.py": text}, "MIG601", dedent=False).findings
    assert finding.message.count("a request to") == 1
    assert "services/networking/<...>/gateway" in finding.message
