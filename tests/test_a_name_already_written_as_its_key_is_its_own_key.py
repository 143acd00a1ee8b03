"""Names compare as the platform compares them (`migcheck.estate.key`: blanks around them dropped, case
folded), and the estate keeps the keys in its indexes of services, roles and networks: a name already
written as its key (most are written in lower case) is its own key, not a copy of it."""

from __future__ import annotations

from migcheck.estate import key


def test_a_lower_case_name_is_its_own_key():
    name = "".join(["svc-", "shop"])  # made at run time, as a reader's names are
    assert key(name) is name


def test_other_names_are_folded_and_stripped():
    assert key(" Shop-Web ") == "shop-web"
    assert key("shop ") == "shop"
    assert key("Straße") == "strasse"
    assert key("") == ""
