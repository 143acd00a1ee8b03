"""A Python script's `Request` of the requests library takes its method first, where urllib's takes its URL
first: `r.Request("DELETE", url)` after `import requests as r`, and a `Request` a function imports from
requests for itself, are read as requests' (a DELETE of the URL), as `requests.Request` and a module-level
`from requests import Request` are. urllib's `Request` stays urllib's in a script that imports requests too."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Script

URL = "https://management.core.windows.net/sub/services/hostedservices/svc1"
LISTED = "management.core.windows.net/<subscription-id>/services/hostedservices/svc1"

REQUESTS = {
    "import requests as r": f"""\
import requests as r

r.Session().send(r.Request("DELETE", "{URL}").prepare(), cert="management.pem")
""",
    "a function's own from requests import Request": f"""\
import requests


def drop():
    from requests import Request

    requests.Session().send(Request("DELETE", "{URL}").prepare(), cert="management.pem")


drop()
""",
    "import requests.adapters": f"""\
import requests.adapters

requests.Session().send(requests.Request("DELETE", "{URL}").prepare(), cert="management.pem")
""",
}
URLLIB = {
    "urllib's Request beside requests": f"""\
import requests
from urllib.request import Request, urlopen

urlopen(Request("{URL}", method="DELETE"))
""",
    "urllib.request imported as r": f"""\
import urllib.request as r

r.urlopen(r.Request("{URL}", method="DELETE"))
""",
}


def _calls(text: str) -> list[str]:
    return [c.name for r in script_resources(text, "drop.py") if isinstance(r, Script) for c in r.calls]


@pytest.mark.parametrize("text", REQUESTS.values(), ids=REQUESTS.keys())
def test_a_requests_request_is_read_with_its_method_first(text: str) -> None:
    assert _calls(text) == [f"DELETE {LISTED}"]


@pytest.mark.parametrize("text", URLLIB.values(), ids=URLLIB.keys())
def test_a_urllib_request_is_read_with_its_url_first(text: str) -> None:
    assert _calls(text) == [f"DELETE {LISTED}"]
