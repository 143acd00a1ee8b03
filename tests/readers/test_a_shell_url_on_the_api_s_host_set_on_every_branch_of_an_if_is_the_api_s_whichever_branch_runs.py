"""A variable every branch of an `if`/`elif` sets to a host of the Service Management API, one cloud's or
another's (`ENDPOINT="https://management.core.chinacloudapi.cn"` on one, `"https://management.core.windows.net"`
on the other), is the API's host whichever branch runs: a request to `$ENDPOINT/$SUBSCRIPTION/services/...`
is one to the API, listed on the host of a cloud not stated (`management.core.<...>`), in the script and in a
settings file the script sources, whatever its name (`source params`). A branch that sets any other value
leaves the request undecided, as before."""

from __future__ import annotations

import pytest
from lint_support import lint_files

BRANCHES = (
    "AZURE_PRODUCTION=1\n"
    "if [ $MOONCAKE_PRODUCTION -eq 1 ] ; then\n"
    '    export ENDPOINT="https://management.core.chinacloudapi.cn"\n'
    "elif [ $AZURE_PRODUCTION -eq 1 ] ; then\n"
    '    export ENDPOINT="{second}"\n'
    "fi\n"
)
REQUEST = "curl -v -X 'POST' -H \"$VERSION\" -E $CERT -d@$1 $ENDPOINT/$SUBSCRIPTION/services/extensions\n"
LISTED = "POST management.core.<...>/<subscription-id>/services/extensions"


def test_a_request_after_the_branches_in_the_script_is_the_api_s(tmp_path, monkeypatch):
    script = BRANCHES.format(second="https://management.core.windows.net") + REQUEST
    result = lint_files(tmp_path, monkeypatch, {"add-extension.sh": script}, "MIG601", dedent=False)
    assert [f.location.line for f in result.findings] == [7]
    assert LISTED in result.findings[0].message


def test_a_request_with_the_host_a_sourced_file_sets_on_its_branches_is_the_api_s(tmp_path, monkeypatch):
    files = {
        "api/params": BRANCHES.format(second="https://management.core.windows.net"),
        "api/add-extension.sh": f"#!/bin/bash\ncd `dirname $0`\nsource params\n{REQUEST}",
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", dedent=False)
    assert [(f.location.path, f.location.line) for f in result.findings] == [("api/add-extension.sh", 4)]
    assert LISTED in result.findings[0].message


def test_one_host_on_every_branch_is_that_host(tmp_path, monkeypatch):
    script = BRANCHES.format(second="https://management.core.chinacloudapi.cn/") + REQUEST
    result = lint_files(tmp_path, monkeypatch, {"add-extension.sh": script}, "MIG601", dedent=False)
    assert "POST management.core.chinacloudapi.cn/<subscription-id>/services/extensions" in (
        result.findings[0].message
    )


@pytest.mark.parametrize(
    "second", ["https://example.com", "$OTHER_ENDPOINT"], ids=["other-host", "not-stated"]
)
def test_a_branch_that_sets_another_value_leaves_the_request_undecided(tmp_path, monkeypatch, second):
    script = BRANCHES.format(second=second) + REQUEST
    result = lint_files(tmp_path, monkeypatch, {"add-extension.sh": script}, "MIG601", dedent=False)
    assert result.findings == []
