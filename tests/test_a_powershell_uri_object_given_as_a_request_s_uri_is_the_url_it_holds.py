"""A `System.Uri` a PowerShell script makes of a URL and gives a request as its `-Uri` is that URL: made by
`[uri]::new(…)`, a cast (`[System.Uri]"…"`, `[uri]$url`) or `New-Object System.Uri` (its argument in
parentheses or `-ArgumentList`), of a URL the script states or builds from a subscription id it does not
state. The request is read as one to the URL written as a string is, where it was a URL the script does
not state (said not read, or not a classic file at all). So is one made of a base and a relative URI
(`[uri]::new($base, "$subId/services/…")`, `New-Object System.Uri($base, $relative)`), the URL .NET resolves
the one against the other to, as Python's `urljoin` is read."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Script

URL = '"https://management.core.windows.net/$subId/services/hostedservices/svc1"'
LISTED = "DELETE management.core.windows.net/<subscription-id>/services/hostedservices/svc1"
SEND = 'Invoke-RestMethod -Method Delete -Uri {uri} -Certificate $cert -Headers @{{"x-ms-version" = "2014-06-01"}}\n'

MADE = {
    "static new": f"$u = [uri]::new({URL})\n" + SEND.format(uri="$u"),
    "static new of System.Uri": f"$u = [System.Uri]::new({URL})\n" + SEND.format(uri="$u"),
    "cast in the argument": SEND.format(uri=f"([System.Uri]{URL})"),
    "cast of a variable": f"$url = {URL}\n$u = [uri]$url\n" + SEND.format(uri="$u"),
    "new-object": f"$u = New-Object System.Uri({URL})\n" + SEND.format(uri="$u"),
    "new-object -ArgumentList": f"$u = New-Object -TypeName System.Uri -ArgumentList {URL}\n"
    + SEND.format(uri="$u"),
}


@pytest.mark.parametrize("case", sorted(MADE))
def test_a_uri_object_is_the_url_it_holds(case) -> None:
    script = "param($subId)\n" + MADE[case]
    calls = [c.name for r in script_resources(script, "delete.ps1") if isinstance(r, Script) for c in r.calls]
    assert calls == [LISTED]


BASE = '$base = [uri]"https://management.core.windows.net/"\n'
RELATIVE = '"$subId/services/hostedservices/svc1"'
JOINED = {
    "static new": BASE + f"$u = [uri]::new($base, {RELATIVE})\n" + SEND.format(uri="$u"),
    "new-object": BASE + f"$u = New-Object System.Uri($base, {RELATIVE})\n" + SEND.format(uri="$u"),
    "rooted relative": '$base = [uri]"https://management.core.windows.net/other/path"\n'
    + '$u = [uri]::new($base, "/$subId/services/hostedservices/svc1")\n'
    + SEND.format(uri="$u"),
}


@pytest.mark.parametrize("case", sorted(JOINED))
def test_a_uri_of_a_base_and_a_relative_one_is_the_url_they_make(case) -> None:
    script = "param($subId)\n" + JOINED[case]
    calls = [c.name for r in script_resources(script, "delete.ps1") if isinstance(r, Script) for c in r.calls]
    assert calls == [LISTED]
