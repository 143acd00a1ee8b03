"""Inline suppression comments, collected by the readers because only they see comments."""

from __future__ import annotations

from migcheck.model import Mark, Suppression

PATH = "svc/ServiceConfiguration.Cloud.cscfg"


def test_element_and_file_suppressions(read):
    doc = read(
        PATH,
        """
        <?xml version="1.0"?>
        <!-- migcheck: ignore-file[MIG101] web roles are being rewritten this quarter -->
        <ServiceConfiguration serviceName="shop">
          <Role name="Web"><Instances count="1"/></Role>
          <NetworkConfiguration>
            <!-- migcheck: ignore[MIG201, mig3] the office ACL stays until cutover -->
            <EndpointAcls>
              <EndpointAcl role="Web"
                           endpoint="HttpIn" accessControl="office" />
            </EndpointAcls>
            <!-- an ordinary comment -->
            <!--
              migcheck: ignore[MIG203]
              spans lines
            -->
            <VirtualNetworkSite name="prod" />
          </NetworkConfiguration>
        </ServiceConfiguration>
        <!-- migcheck: ignore-file[MIG2] -->
        """,
    )
    assert doc.suppressions == (
        Suppression(("MIG101",), "web roles are being rewritten this quarter", 0, 0, Mark(PATH, 2, "!--")),
        Suppression(("MIG201", "mig3"), "the office ACL stays until cutover", 7, 9, Mark(PATH, 6, "!--")),
        Suppression(("MIG203",), "spans lines", 16, 16, Mark(PATH, 12, "!--")),
        Suppression(("MIG2",), "", 0, 0, Mark(PATH, 19, "!--")),
    )
    element = doc.suppressions[1]
    assert element.covers("MIG201", "endpoint-acl", 8)
    assert element.covers("MIG304", "invalid-address-prefix", 9)
    assert not element.covers("MIG201", "endpoint-acl", 10)
    assert not element.covers("MIG101", "web-worker-role", 8)


def test_malformed_directives_are_no_suppressions_and_one_with_nothing_after_it_covers_nothing(read):
    doc = read(
        PATH,
        """
        <ServiceConfiguration serviceName="shop">
          <!-- migcheck: ignore MIG201 without brackets -->
          <Role name="Web"/>
          <!-- migcheck: ignore[] nothing named -->
          <Role name="Jobs"/>
          <!-- migcheck: ignore[MIG201] nothing follows -->
        </ServiceConfiguration>
        """,
    )
    (kept,) = doc.suppressions  # kept so that the filter reports it (MIG006), covering no line
    assert kept.codes == ("MIG201",) and kept.first_line == 6
    assert not any(kept.covers("MIG201", "endpoint-acl", line) for line in range(1, 9))


def test_files_without_the_word_are_not_walked(read):
    doc = read(
        PATH,
        '<ServiceConfiguration serviceName="s"><!-- ignore[MIG201] --><Role/></ServiceConfiguration>',
    )
    assert doc.suppressions == ()


def test_suppressions_past_line_65535_have_their_exact_lines(tmp_path, monkeypatch, capsys):
    """libxml2 keeps lines in 16 bits: past line 65,535 a comment and the element after it all showed line
    65,535, so a suppression there silenced nothing while its finding, at its exact line, was reported."""
    import json

    from migcheck.cli import main
    from migcheck.readers import read_document

    filler = "".join(f'<Setting name="s{i}" value="v"/>\n' for i in range(70_000))
    text = (
        '<ServiceConfiguration serviceName="s">\n'
        f'<Role name="r"><Instances count="1"/><ConfigurationSettings>\n{filler}</ConfigurationSettings></Role>\n'
        "<NetworkConfiguration><AccessControls>\n"
        '<AccessControl name="ac"><Rule action="permit" order="1" remoteSubnet="10.0.0.0/8" description="d"/>'
        "</AccessControl>\n</AccessControls>\n"
        "<!-- migcheck: ignore[MIG201] reviewed -->\n"  # line 70,007
        "<EndpointAcls>\n"
        '<EndpointAcl role="r" endPoint="e" accessControl="ac"/>\n'  # its finding: line 70,009
        "</EndpointAcls></NetworkConfiguration></ServiceConfiguration>\n"
    )
    document = read_document("s.cscfg", text.encode(), explicit=True)
    assert document is not None
    (suppression,) = document.suppressions
    assert (suppression.mark.line, suppression.first_line, suppression.last_line) == (70_007, 70_008, 70_009)

    (tmp_path / "s.cscfg").write_text(text)
    monkeypatch.chdir(tmp_path)
    main(["check", "s.cscfg", "--format", "json", "--select", "MIG201,MIG006", "--output-file", "out.json"])
    capsys.readouterr()
    assert json.loads((tmp_path / "out.json").read_text()) == []
