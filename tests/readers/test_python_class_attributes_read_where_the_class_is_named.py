"""A class attribute a script's class binds (`HOST = "management.core.windows.net"`) is read through `self`,
through the class's name, and through `cls` in a class method, wherever the class is named besides: an
attribute of the class passed on or logged (`get_auth(Connector.type)`, `log(Connector.__name__)`), or the
class given a second name in a method that does nothing else with it (`kind = Connector`), leaves the class
as it is. Naming the class used to make every attribute read on it unknown, so that the request a method
sends to a host held in a class attribute was not seen at all (grycap/im's AzureClassic connector). What
may change the class (an attribute set on it, the class itself passed on) still leaves its attributes
unknown."""

from __future__ import annotations

import textwrap

import pytest

from migcheck.model import Script
from migcheck.readers import read_document

HOST = "management.core.windows.net"
REQUEST = f"request {HOST}/<subscription-id>"


def calls(text: str) -> list[str]:
    """The names of the classic calls the script makes."""
    document = read_document("api.py", textwrap.dedent(text).lstrip("\n").encode("utf-8"), explicit=False)
    if document is None:
        return []
    return [c.name for r in document.resources if isinstance(r, Script) for c in r.calls]


def connector(named: str, host: str = "self.HOST", decorator: str = "", first: str = "self") -> str:
    return f"""
        import requests
        from base import CloudConnector


        class Connector(CloudConnector):
            type = "AzureClassic"
            HOST = "{HOST}"
        {decorator}
            def send(self_or_cls, method, path, auth_data):
                {named}
                url = "https://%s:%d/%s" % ({host}, 443, path)
                return requests.request(method, url, cert="c.pem")
        """.replace("self_or_cls", first)


NAMED = {
    "attribute-passed": "auths = auth_data.getAuthInfo(Connector.type, self.cloud.server)",
    "attribute-assigned": "kind = Connector.type",
    "name-logged": "auth_data.log(Connector.__name__)",
    "second-name": "kind = Connector",
    "second-name-read": "kind = Connector; auth_data.log(kind.type)",
}


@pytest.mark.parametrize("named", NAMED.values(), ids=NAMED.keys())
def test_a_request_to_a_host_in_a_class_attribute_is_read_where_the_method_names_its_class(
    named: str,
) -> None:
    assert calls(connector(named)) == [REQUEST]


@pytest.mark.parametrize("named", NAMED.values(), ids=NAMED.keys())
def test_the_host_read_through_the_class_name(named: str) -> None:
    assert calls(connector(named, host="Connector.HOST")) == [REQUEST]


@pytest.mark.parametrize("named", ["pass", NAMED["attribute-passed"]], ids=["alone", "class-named"])
def test_the_host_read_through_cls_in_a_class_method(named: str) -> None:
    text = connector(named, host="cls.HOST", decorator="    @classmethod", first="cls")
    assert calls(text) == [REQUEST]


def test_the_host_read_through_the_class_name_in_a_static_method() -> None:
    text = connector(NAMED["name-logged"], host="Connector.HOST", decorator="    @staticmethod", first="x")
    assert calls(text) == [REQUEST]


CHANGED = {
    "attribute-set": "Connector.HOST = auth_data.host",
    "class-passed": "auth_data.register(Connector)",
    "second-name-passed": "kind = Connector; auth_data.register(kind)",
    "second-name-returned": "kind = Connector; return kind",
}


@pytest.mark.parametrize("named", CHANGED.values(), ids=CHANGED.keys())
def test_a_class_that_may_be_changed_leaves_its_host_unknown(named: str) -> None:
    assert calls(connector(named)) == []


def test_a_class_method_whose_cls_is_bound_again_leaves_the_host_unknown() -> None:
    text = connector("cls = auth_data.kind", host="cls.HOST", decorator="    @classmethod", first="cls")
    assert calls(text) == []


def test_a_class_method_of_a_class_another_overrides_the_host_of_may_send_to_either() -> None:
    """`cls.HOST` is the API's host for `Connector` and another for `Other`: called on `Connector`, the
    request goes to the API, so it is one (MIG601), though what its path names is not read."""
    text = connector("pass", host="cls.HOST", decorator="    @classmethod", first="cls")
    text += '\n        class Other(Connector):\n            HOST = "example.com"\n'
    assert calls(text) == [REQUEST]
