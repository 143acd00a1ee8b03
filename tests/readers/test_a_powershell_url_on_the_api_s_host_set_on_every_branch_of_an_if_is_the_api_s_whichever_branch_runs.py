"""A PowerShell variable every branch of an `if`/`elseif`/`else` sets to a host of the Service Management
API, one cloud's or another's (`$hostname = "management.core.chinacloudapi.cn"` on one,
`"management.core.windows.net"` on the other), is the API's host whichever branch runs: a request to
`"https://$hostname/$sub/services/..."` is one to the API (MIG601), listed on the host of a cloud not stated
(`management.core.<...>`), as the shell reader reads one, whether or not every branch writes the closing
slash (`"https://management.core.chinacloudapi.cn"` on one, `"https://management.core.windows.net/"` on another);
branches that all give one cloud's host, with or without that slash, give that host. A branch that sets any
other value leaves the request undecided, as before."""

from __future__ import annotations

import pytest
from lint_support import lint_files

BRANCHES = (
    "param($Cloud, $sub, $cert)\n"
    'if ($Cloud -eq "China") {\n'
    '    $hostname = "FIRST"\n'
    '} elseif ($Cloud -eq "Germany") {\n'
    '    $hostname = "MIDDLE"\n'
    "} else {\n"
    '    $hostname = "SECOND"\n'
    "}\n"
)
REQUEST = 'Invoke-RestMethod -Method POST -Uri "{scheme}$hostname/$sub/services/hostedservices" -Certificate $cert\n'
LISTED = "POST management.core.<...>/<subscription-id>/services/hostedservices"


def _script(first: str, second: str, scheme: str = "https://") -> str:
    middle = first.replace("chinacloudapi.cn", "cloudapi.de")
    script = BRANCHES.replace("FIRST", first).replace("MIDDLE", middle).replace("SECOND", second)
    return script + REQUEST.format(scheme=scheme)


def _requests(tmp_path, monkeypatch, script: str):
    return lint_files(tmp_path, monkeypatch, {"register.ps1": script}, "MIG601", dedent=False).findings


@pytest.mark.parametrize(
    ("first", "second", "scheme"),
    [
        ("management.core.chinacloudapi.cn", "management.core.windows.net", "https://"),
        ("https://management.core.chinacloudapi.cn", "https://management.core.windows.net", ""),
    ],
    ids=["host", "scheme-and-host"],
)
def test_a_request_after_the_branches_is_the_api_s(tmp_path, monkeypatch, first, second, scheme):
    [finding] = _requests(tmp_path, monkeypatch, _script(first, second, scheme))
    assert finding.location.line == 9
    assert LISTED in finding.message


@pytest.mark.parametrize(
    ("first", "second", "listed"),
    [
        ("https://management.core.chinacloudapi.cn", "https://management.core.windows.net/", LISTED),
        ("https://management.core.chinacloudapi.cn/", "https://management.core.windows.net", LISTED),
        (
            "https://management.core.windows.net",
            "https://management.core.windows.net/",
            "POST management.core.windows.net/<subscription-id>/services/hostedservices",
        ),
    ],
    ids=["slash-on-the-last", "slash-on-the-first", "one-cloud"],
)
def test_a_closing_slash_some_branches_write_leaves_the_request_the_api_s(
    tmp_path, monkeypatch, first, second, listed
):
    [finding] = _requests(tmp_path, monkeypatch, _script(first, second, scheme=""))
    assert finding.location.line == 9
    assert listed in finding.message


@pytest.mark.parametrize("second", ["example.com", "$OtherHost"], ids=["other-host", "not-stated"])
def test_a_branch_that_sets_another_value_leaves_the_request_undecided(tmp_path, monkeypatch, second):
    for finding in _requests(tmp_path, monkeypatch, _script("management.core.chinacloudapi.cn", second)):
        assert "services/hostedservices" not in finding.message
