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


def test_directives_that_are_not_suppressions(read):
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
    assert doc.suppressions == ()


def test_files_without_the_word_are_not_walked(read):
    doc = read(
        PATH,
        '<ServiceConfiguration serviceName="s"><!-- ignore[MIG201] --><Role/></ServiceConfiguration>',
    )
    assert doc.suppressions == ()
