"""A Python script's value too long for its reader to keep, which it reads as a value the script does not
state, is said as a part not read (`value-too-long`), once for the file, at the first: a REST body built past
256 KiB (`"<Body>" + PAD + PAD`, an f-string), a settings module's value past 256 KiB, taken by name
(`from config import BODY`) or read as the module's attribute (`config.BODY`). A body built within the
bound, or a value of the module the script does not take, says nothing."""

from __future__ import annotations

import pytest
from lint_support import lint_files

from migcheck.model import VALUE_TOO_LONG
from migcheck.report.unread import in_documents

URL = "https://management.core.windows.net/sub/services/hostedservices"
PAD = "y" * (200 * 1024)
BIG = "<a>" + "x" * (300 * 1024) + "</a>"
SMALL_PAD = "y" * 1024


def _unread_tags(result) -> list[tuple[str, int, str]]:
    return [
        (mark.path, mark.line, mark.tag)
        for parts in in_documents(result.documents)
        for mark in parts.marks
        if mark.tag == VALUE_TOO_LONG
    ]


@pytest.mark.parametrize(
    "built",
    ['"<CreateHostedService>" + PAD + PAD + "</CreateHostedService>"', 'f"<CreateHostedService>{PAD}{PAD}"'],
    ids=["joined", "f-string"],
)
def test_a_body_built_past_the_bound_is_said(tmp_path, monkeypatch, built):
    script = (
        f'import requests\n\nPAD = "{PAD}"\nbody = {built}\nrequests.post("{URL}", data=body, cert="m.pem")\n'
    )
    result = lint_files(tmp_path, monkeypatch, {"body.py": script}, dedent=False)
    assert _unread_tags(result) == [("body.py", 4, VALUE_TOO_LONG)]


def test_a_body_built_within_the_bound_says_nothing(tmp_path, monkeypatch):
    script = f'import requests\n\nPAD = "{SMALL_PAD}"\nbody = "<Create>" + PAD + PAD + "</Create>"\n'
    script += f'requests.post("{URL}", data=body, cert="m.pem")\n'
    result = lint_files(tmp_path, monkeypatch, {"body.py": script}, dedent=False)
    assert _unread_tags(result) == []


@pytest.mark.parametrize(
    ("imports", "sent", "line"),
    [
        ("from config import SERVICE, BODY", "BODY", 2),
        ("import config", "config.BODY", 5),
        ("from config import *", "BODY", 2),
    ],
    ids=["by-name", "attribute", "star"],
)
def test_a_settings_value_too_long_to_take_is_said(tmp_path, monkeypatch, imports, sent, line):
    script = f'import requests\n{imports}\n\n\nrequests.post("{URL}", data={sent}, cert="m.pem")\n'
    files = {"config.py": f"SERVICE = 'shop'\nBODY = '{BIG}'\n", "deploy.py": script}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert _unread_tags(result) == [("deploy.py", line, VALUE_TOO_LONG)]


def test_a_settings_value_too_long_the_script_does_not_take_says_nothing(tmp_path, monkeypatch):
    script = (
        f'import requests\nfrom config import SERVICE\n\nrequests.post("{URL}/" + SERVICE, cert="m.pem")\n'
    )
    files = {"config.py": f"SERVICE = 'shop'\nBODY = '{BIG}'\n", "deploy.py": script}
    result = lint_files(tmp_path, monkeypatch, files, dedent=False)
    assert _unread_tags(result) == []
