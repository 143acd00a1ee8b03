"""A second name of a list (`names = roles`) is no longer one with it once a function binds either name
again through a `global` or `nonlocal` declaration: after `reset()` runs `global roles; roles = []`, an
append through `names` grows the old list, not the one `roles` now holds."""

from __future__ import annotations

import textwrap

from lint_support import script_resources

from migcheck.model import ReservedIp

HEAD = "from azure.servicemanagement import ServiceManagementService\nsms = ServiceManagementService('s', 'm.pem')\n"


def _reserved(body: str) -> list[str]:
    resources = script_resources(HEAD + textwrap.dedent(body), "ips.py")
    return sorted(r.name for r in resources if isinstance(r, ReservedIp))


def test_a_global_rebound_in_a_function_is_no_longer_the_second_name_s_list():
    body = """
    roles = ["a"]
    names = roles
    def reset():
        global roles
        roles = []
    reset()
    names.append("b")
    for r in roles:
        sms.create_reserved_ip_address(r, "l", "West Europe")
    """
    assert not {"a", "b"} & set(_reserved(body))


def test_a_nonlocal_rebound_in_a_function_is_no_longer_the_second_name_s_list():
    body = """
    def deploy():
        roles = ["a"]
        names = roles
        def reset():
            nonlocal roles
            roles = ["z"]
        reset()
        names.append("b")
        for r in roles:
            sms.create_reserved_ip_address(r, "l", "West Europe")
    deploy()
    """
    assert not {"a", "b"} & set(_reserved(body))


def test_a_second_name_no_function_rebinds_still_grows_the_list():
    body = """
    roles = ["a"]
    names = roles
    names.append("b")
    for r in roles:
        sms.create_reserved_ip_address(r, "l", "West Europe")
    """
    assert _reserved(body) == ["a", "b"]
