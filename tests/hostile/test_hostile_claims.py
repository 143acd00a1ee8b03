"""The manual's claims hold against inputs written to slip past them: XInclude however its namespace is
spelt, a rule misspelt in per-file-ignores, a second `.csdef` in a folder, digits that are not ASCII, and
UTF-32 without a byte order mark."""

from __future__ import annotations

import pytest
from hostile_support import check_json

from migcheck.cli import main
from migcheck.readers import read_document

XINCLUDE_SPELLINGS = {
    "decimal-reference": '<x:include xmlns:x="http://www.w3.org/2001/X&#73;nclude" href="/etc/passwd"/>',
    "hex-references": '<include xmlns="http://www.w3.org/2003/&#x58;&#x49;nclude" href="/etc/passwd"/>',
    "every-letter": '<x:include xmlns:x="&#104;ttp://www.w3.org/2001/XIn&#99;lude" href="/etc/passwd"/>',
}


@pytest.mark.parametrize("element", XINCLUDE_SPELLINGS.values(), ids=XINCLUDE_SPELLINGS.keys())
def test_xinclude_is_refused_whatever_the_spelling_of_its_namespace(element):
    data = f'<ServiceConfiguration serviceName="s">\n  {element}\n</ServiceConfiguration>'.encode()
    doc = read_document("s.cscfg", data, explicit=False)
    assert doc is not None and doc.problem is not None
    assert doc.problem.message.startswith("refused: the document uses XInclude")
    assert (doc.problem.mark.line, doc.problem.mark.column) == (2, 3)


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
def test_utf32_without_a_bom_is_decoded(encoding):
    """lxml reads such a file right; the text migcheck shows and searches was NUL-riddled, so snippets
    were garbage and an XInclude in it went unseen."""
    text = '<ServiceConfiguration serviceName="s">\n  <Role name="web"/>\n</ServiceConfiguration>'
    doc = read_document("s.cscfg", text.encode(encoding), explicit=False)
    assert doc is not None and doc.problem is None
    assert doc.text == text
    assert [r.name for r in doc.resources[0].roles] == ["web"]
    xinclude = text.replace("<Role", '<i:include xmlns:i="http://www.w3.org/2001/XInclude" href="x"/><Role')
    doc = read_document("s.cscfg", xinclude.encode(encoding), explicit=False)
    assert doc is not None and doc.problem is not None and "XInclude" in doc.problem.message


def test_utf16_without_a_bom_or_declaration_is_refused():
    text = '<ServiceConfiguration serviceName="s"/>'
    for encoding in ("utf-16-le", "utf-16-be"):
        doc = read_document("s.cscfg", text.encode(encoding), explicit=False)
        assert doc is not None and doc.problem is not None and doc.resources == ()


@pytest.mark.parametrize("token", ["MIG999", "no-such-rule", "MIG9"])
def test_an_unknown_rule_in_per_file_ignores_is_an_error(tmp_path, monkeypatch, capsys, token):
    """It would silence nothing, and nobody would notice."""
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "a.csdef").write_text(
        '<ServiceDefinition name="s"><WebRole name="W"/></ServiceDefinition>'
    )
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.migcheck.per-file-ignores]\n"shop/*" = ["MIG1", "{token}"]\n'
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "shop"]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"migcheck: error: pyproject.toml:2:12: unknown rule '{token}' in per-file-ignores 'shop/*': use a code "
        "(MIG201), a prefix (MIG2), a name (endpoint-acl) or ALL; `migcheck rules` lists them\n"
    )


def test_a_second_csdef_in_a_folder_is_checked(tmp_path, monkeypatch, capsys):
    """Each definition is a cloud service; a configuration joins the one its serviceName names."""
    shop = tmp_path / "shop"
    shop.mkdir()
    (shop / "a.csdef").write_text('<ServiceDefinition name="shop"><WebRole name="Web"/></ServiceDefinition>')
    (shop / "b.csdef").write_text(
        '<ServiceDefinition name="jobs"><WorkerRole name="Jobs"/></ServiceDefinition>'
    )
    (shop / "b.cscfg").write_text(
        '<ServiceConfiguration serviceName="jobs"><Role name="Jobs"><Instances count="1"/></Role>'
        '<Role name="Ghost"/></ServiceConfiguration>'
    )
    monkeypatch.chdir(tmp_path)
    code, findings = check_json(capsys, "shop")
    assert code == 1
    assert [(f["path"], f["code"], f["message"]) for f in findings] == [
        (
            "shop/a.csdef",
            "MIG101",
            "cloud service 'shop' has a WebRole 'Web': the VM migration does not move web/worker roles; Cloud Services (classic) was retired on 2024-08-31, and Cloud Services (extended support), the one platform they could migrate to in place, was deprecated on 2025-03-31 and retires on 2027-03-31",
        ),
        (
            "shop/b.cscfg",
            "MIG003",
            "role 'Ghost' is not defined in the service definition of 'jobs'",
        ),
        (
            "shop/b.csdef",
            "MIG101",
            "cloud service 'jobs' has a WorkerRole 'Jobs': the VM migration does not move web/worker roles; Cloud Services (classic) was retired on 2024-08-31, and Cloud Services (extended support), the one platform they could migrate to in place, was deprecated on 2025-03-31 and retires on 2027-03-31",
        ),
    ]


@pytest.mark.parametrize(
    "prefix",
    [
        "\uff11\uff10.0.0.0/8",  # fullwidth
        "\u0661\u0660.0.0.0/8",  # Arabic-Indic
        "10.0.0.0/\u0968",  # Devanagari length
        "\U0001d7cf\U0001d7ce.0.0.0/8",  # mathematical bold
    ],
)
def test_an_address_prefix_with_digits_that_are_not_ascii_is_invalid(tmp_path, monkeypatch, capsys, prefix):
    """Python's int() reads these digits; Resource Manager does not."""
    (tmp_path / "n.netcfg").write_text(
        '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
        '<VirtualNetworkConfiguration><VirtualNetworkSites><VirtualNetworkSite name="v" Location="West Europe">'
        f"<AddressSpace><AddressPrefix>{prefix}</AddressPrefix></AddressSpace></VirtualNetworkSite>"
        "</VirtualNetworkSites></VirtualNetworkConfiguration></NetworkConfiguration>",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, findings = check_json(capsys, "n.netcfg")
    assert code == 1
    assert [f["code"] for f in findings] == ["MIG304"]
    assert prefix in str(findings[0]["message"])
