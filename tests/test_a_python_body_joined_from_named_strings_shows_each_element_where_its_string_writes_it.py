"""A Python script that builds a network configuration from several named strings (`HEAD + SUB + TAIL`)
shows a finding about an element where the string holding that element is written: a subnet's prefix on
the line of the subnet's string, not on the first line that writes a tag of the same name (the network's
address space, in HEAD). Where the strings cannot show the element for sure (one string joined twice),
the finding is at the expression that builds the body, never at another element. Escapes in a string are
mapped through: each stands for one character, and a backslash at the end of a line for none."""

from __future__ import annotations

from lint_support import lint_files, where

NETWORK_HEAD = (
    '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
    "<VirtualNetworkConfiguration><VirtualNetworkSites>"
    '<VirtualNetworkSite name="pynet" Location="West Europe">'
    "<AddressSpace><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressSpace><Subnets>"
)
NETWORK_TAIL = "</Subnets></VirtualNetworkSite></VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>"


def subnet(name: str, prefix: str) -> str:
    return f'<Subnet name="{name}"><AddressPrefix>{prefix}</AddressPrefix></Subnet>'


def script(pieces: dict[str, str], joined: str) -> str:
    named = "".join(f"{name} = '{text}'\n" for name, text in pieces.items())
    return (
        "from azure.servicemanagement import ServiceManagementService\n"
        'sms = ServiceManagementService("sub", "cert.pem")\n'
        f"{named}"
        f"sms.perform_put('/sub/services/networking/media', {joined})\n"
    )


def column_of_prefix(text: str, line: int) -> int:
    return text.splitlines()[line - 1].index("<AddressPrefix>") + 1


def test_each_subnet_s_prefix_is_shown_on_the_line_of_its_own_string(tmp_path, monkeypatch):
    pieces = {
        "HEAD": NETWORK_HEAD,
        "SUB": subnet("a", "10.0.1.00/24"),
        "SUB2": subnet("b", "10.0.2.00/24"),
        "SUB3": subnet("c", "10.0.3.00/24"),
        "TAIL": NETWORK_TAIL,
    }
    text = script(pieces, "HEAD + SUB + SUB2 + SUB3 + TAIL")
    found = lint_files(tmp_path, monkeypatch, {"net2.py": text}, "MIG304").findings
    assert sorted(where(found)) == [
        f"MIG304 net2.py:{line}:{column_of_prefix(text, line)}" for line in (4, 5, 6)
    ]
    assert [f.message.split("'")[3] for f in sorted(found, key=lambda f: f.location.line)] == ["a", "b", "c"]


def test_a_bad_prefix_after_a_good_one_in_the_same_string_is_shown_at_its_own(tmp_path, monkeypatch):
    pieces = {
        "HEAD": NETWORK_HEAD,
        "SUBS": subnet("a", "10.0.1.0/24") + subnet("b", "10.0.2.00/24"),
        "TAIL": NETWORK_TAIL,
    }
    text = script(pieces, "HEAD + SUBS + TAIL")
    [finding] = lint_files(tmp_path, monkeypatch, {"net.py": text}, "MIG304").findings
    row = text.splitlines()[3]
    assert where([finding]) == [f"MIG304 net.py:4:{row.index('<AddressPrefix>10.0.2.00') + 1}"]


def test_a_string_joined_twice_is_shown_at_the_expression_not_at_another_element(tmp_path, monkeypatch):
    pieces = {
        "HEAD": NETWORK_HEAD,
        "BAD": subnet("a", "10.0.1.00/24"),
        "GOOD": subnet("b", "10.0.2.0/24"),
        "TAIL": NETWORK_TAIL,
    }
    text = script(pieces, "HEAD + BAD + GOOD + BAD + TAIL")
    found = lint_files(tmp_path, monkeypatch, {"net.py": text}, "MIG304").findings
    assert found
    assert {f.location.line for f in found} == {7}


def test_a_body_written_as_adjacent_strings_shows_each_element_in_its_own_string(tmp_path, monkeypatch):
    lines = [NETWORK_HEAD, subnet("a", "10.0.1.00/24"), subnet("b", "10.0.2.00/24"), NETWORK_TAIL]
    written = "\n        ".join(f"{'r' if i == 2 else ''}'{line}'" for i, line in enumerate(lines))
    text = (
        "from azure.servicemanagement import ServiceManagementService\n"
        'sms = ServiceManagementService("sub", "cert.pem")\n'
        f"body = ({written})\n"
        "sms.perform_put('/sub/services/networking/media', body)\n"
    )
    found = lint_files(tmp_path, monkeypatch, {"net.py": text}, "MIG304").findings
    assert sorted(where(found)) == [f"MIG304 net.py:{line}:{column_of_prefix(text, line)}" for line in (4, 5)]


def test_adjacent_strings_with_escapes_show_the_element_where_its_string_writes_it(tmp_path, monkeypatch):
    # Each escape stands for one character (`\t`, `\x20`, `\N{SPACE}`), not as many as it is written with.
    escaped = (
        subnet("a", "10.0.1.00/24").replace("<Subnet ", "<Subnet\\t").replace('"a">', '"a">\\x20\\N{SPACE}')
    )
    lines = [NETWORK_HEAD, escaped, NETWORK_TAIL]
    written = "\n        ".join(f"'{line}'" for line in lines)
    text = (
        "from azure.servicemanagement import ServiceManagementService\n"
        'sms = ServiceManagementService("sub", "cert.pem")\n'
        f"body = ({written})\n"
        "sms.perform_put('/sub/services/networking/media', body)\n"
    )
    found = lint_files(tmp_path, monkeypatch, {"net.py": text}, "MIG304").findings
    assert where(found) == [f"MIG304 net.py:4:{column_of_prefix(text, 4)}"]


def test_a_body_that_opens_with_a_line_continuation_shows_each_element_on_its_own_line(tmp_path, monkeypatch):
    # `"""\` then the body on the next lines, so that it does not start with a line break: the backslash
    # only removes that line break, and the body's lines are still the file's.
    body = "\n".join([NETWORK_HEAD, subnet("a", "10.0.1.0/24"), subnet("b", "10.0.2.00/24"), NETWORK_TAIL])
    for opening in ('"""\\\n', '"""'):
        text = (
            "from azure.servicemanagement import ServiceManagementService\n"
            'sms = ServiceManagementService("sub", "cert.pem")\n'
            f'BODY = {opening}{body}\n"""\n'
            "sms.perform_put('/sub/services/networking/media', BODY)\n"
        )
        found = lint_files(tmp_path, monkeypatch, {"net.py": text}, "MIG304").findings
        line = text.splitlines().index(subnet("b", "10.0.2.00/24")) + 1
        assert where(found) == [f"MIG304 net.py:{line}:{column_of_prefix(text, line)}"], opening


def test_an_element_past_the_line_xml_positions_end_at_is_shown_through_the_line_continuation(
    tmp_path, monkeypatch
):
    # Past line 65,535 of the body an element's mark is its exact line and column there, mapped alike.
    far = subnet("a", "10.0.1.0/24") + "\n" * 70_000 + "  " + subnet("b", "10.0.2.00/24")
    body = "\n".join([NETWORK_HEAD, far, NETWORK_TAIL])
    for opening in ('"""\\\n', '"""'):
        text = (
            "from azure.servicemanagement import ServiceManagementService\n"
            'sms = ServiceManagementService("sub", "cert.pem")\n'
            f'BODY = {opening}{body}\n"""\n'
            "sms.perform_put('/sub/services/networking/media', BODY)\n"
        )
        found = lint_files(tmp_path, monkeypatch, {"net.py": text}, "MIG304").findings
        line = text.splitlines().index("  " + subnet("b", "10.0.2.00/24")) + 1
        assert where(found) == [f"MIG304 net.py:{line}:{column_of_prefix(text, line)}"], opening


def test_a_body_joined_from_strings_that_open_with_a_line_continuation_shows_each_element_in_its_own(
    tmp_path, monkeypatch
):
    # The subnet's prefix starts the first line of its string, left of where `SUBNET = """\` writes it.
    head = NETWORK_HEAD.replace("<Subnets>", '\n<Subnets><Subnet name="a">')
    sub = "<AddressPrefix>10.0.1.00/24</AddressPrefix>\n</Subnet>"
    text = (
        "from azure.servicemanagement import ServiceManagementService\n"
        'sms = ServiceManagementService("sub", "cert.pem")\n'
        f'HEAD = """\\\n{head}\n"""\n'
        f'SUBNET = """\\\n{sub}\n"""\n'
        f'TAIL = "{NETWORK_TAIL}"\n'
        "sms.perform_put('/sub/services/networking/media', HEAD + SUBNET + TAIL)\n"
    )
    found = lint_files(tmp_path, monkeypatch, {"net.py": text}, "MIG304").findings
    line = text.splitlines().index("<AddressPrefix>10.0.1.00/24</AddressPrefix>") + 1
    assert where(found) == [f"MIG304 net.py:{line}:1"]
