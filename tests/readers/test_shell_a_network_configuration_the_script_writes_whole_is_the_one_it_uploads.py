"""A network configuration a shell script writes whole before `azure network import` uploads it (`cat >
net.xml <<'XML'`, `cat <<XML > net.xml` of values the script states, `tee net.xml <<XML`, `printf '%s'
"$CONFIG" > net.xml`) is read as the configuration uploaded, each finding shown where the script writes
the element, as PowerShell's here-string written with Out-File is; a write that may not run, an append,
a value the script does not state, or a later write the reader does not follow leaves it unknown."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

# A network bound to an affinity group (MIG303) on the configuration's line 3.
CONFIG = (
    '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">\n'
    "  <VirtualNetworkConfiguration><VirtualNetworkSites>\n"
    '    <VirtualNetworkSite name="{name}" AffinityGroup="ag1">\n'
    "      <AddressSpace><AddressPrefix>10.0.0.0/8</AddressPrefix></AddressSpace>\n"
    "    </VirtualNetworkSite>\n"
    "  </VirtualNetworkSites></VirtualNetworkConfiguration>\n"
    "</NetworkConfiguration>\n"
)
PLAIN = CONFIG.format(name="MyVNet")
IMPORT = "azure config mode asm\nazure network import net.xml\n"


def _mig303(tmp_path, monkeypatch, script: str) -> list[str]:
    findings = lint_files(tmp_path, monkeypatch, {"net.sh": script}, "MIG303", dedent=False).findings
    return where(findings)


@pytest.mark.parametrize(
    "write",
    [
        f"cat > net.xml <<'XML'\n{PLAIN}XML\n",
        f"cat >| ./net.xml <<XML\n{PLAIN}XML\n",
        f"tee net.xml <<'XML'\n{PLAIN}XML\n",
    ],
    ids=["cat-quoted", "cat-plain", "tee"],
)
def test_a_configuration_written_whole_is_read_at_its_lines(tmp_path, monkeypatch, write):
    assert _mig303(tmp_path, monkeypatch, write + IMPORT) == ["MIG303 net.sh:4:54"]


def test_a_value_printed_whole_is_read_where_the_script_states_it(tmp_path, monkeypatch):
    script = f"CONFIG='{PLAIN}'\nprintf '%s\\n' \"$CONFIG\" > net.xml\n{IMPORT}"
    assert _mig303(tmp_path, monkeypatch, script) == ["MIG303 net.sh:3:54"]


@pytest.mark.parametrize(
    "write",
    [
        '"$CONFIG" > net.xml',
        '-n "$CONFIG" > net.xml',
        '"$CONFIG" | tee net.xml',
        '"$CONFIG" | tee net.xml > /dev/null',
    ],
    ids=["echo", "echo-n", "echo-tee", "echo-tee-quiet"],
)
def test_a_value_echoed_whole_is_read_where_the_script_states_it(tmp_path, monkeypatch, write):
    script = f"CONFIG='{PLAIN}'\necho {write}\n{IMPORT}"
    assert _mig303(tmp_path, monkeypatch, script) == ["MIG303 net.sh:3:54"]


def test_a_value_printed_whole_into_tee_is_read(tmp_path, monkeypatch):
    script = f"CONFIG='{PLAIN}'\nprintf '%s' \"$CONFIG\" | tee ./net.xml\n{IMPORT}"
    assert _mig303(tmp_path, monkeypatch, script) == ["MIG303 net.sh:3:54"]


def test_a_here_document_of_values_the_script_states_is_read(tmp_path, monkeypatch):
    script = "NAME=MyVNet\ncat <<XML > net.xml\n" + CONFIG.format(name="$NAME") + "XML\n" + IMPORT
    # Its text differs from what is written, so each element is shown where the here-document starts.
    assert _mig303(tmp_path, monkeypatch, script) == ["MIG303 net.sh:3:1"]


@pytest.mark.parametrize(
    "script",
    [
        f'if [ -n "$1" ]; then\ncat > net.xml <<XML\n{PLAIN}XML\nfi\n{IMPORT}',
        f"if false; then\ncat > net.xml <<XML\n{PLAIN}XML\nfi\n{IMPORT}",
        f"cat >> net.xml <<'XML'\n{PLAIN}XML\n{IMPORT}",
        f"cat > net.xml <<XML\n{CONFIG.format(name='$1')}XML\n{IMPORT}",
        f"cat > net.xml <<'XML'\n{PLAIN}XML\ncp other.xml net.xml\n{IMPORT}",
        f"cat > net.xml <<'XML'\n{PLAIN}XML\ncd configs\n{IMPORT}",
        f"cat > out/net.xml <<'XML'\n{PLAIN}XML\n{IMPORT}",
        f"printf '%s' \"$1\" > net.xml\n{IMPORT}",
        f"CONFIG='{PLAIN}'\nprintf '%s' \"$CONFIG\" >> net.xml\n{IMPORT}",
        f'echo "$1" > net.xml\n{IMPORT}',
        f"CONFIG='{PLAIN}'\necho \"$CONFIG\" >> net.xml\n{IMPORT}",
        f"CONFIG='{PLAIN}'\necho \"$CONFIG\" | tee -a net.xml\n{IMPORT}",
        f"CONFIG='{PLAIN}'\necho \"$CONFIG\" | sed s/a/b/ | tee net.xml\n{IMPORT}",
        f"CONFIG='{PLAIN}'\necho \"$CONFIG\" other | tee net.xml\n{IMPORT}",
    ],
    ids=[
        "may-not-run",
        "never-runs",
        "append",
        "unstated-value",
        "written-again",
        "moved",
        "another-file",
        "printed-unstated",
        "printed-appended",
        "echoed-unstated",
        "echoed-appended",
        "teed-appended",
        "teed-through-another-stage",
        "echoed-with-another-word",
    ],
)
def test_a_configuration_not_surely_written_whole_is_not_known(tmp_path, monkeypatch, script):
    assert _mig303(tmp_path, monkeypatch, script) == []


def test_a_positional_parameter_in_a_here_document_is_a_value_not_stated(tmp_path, monkeypatch):
    """bash expands `$1` in a here-document whose delimiter is not quoted, which the grammar leaves as text:
    the network is not named '$1'."""
    media = "https://management.core.windows.net/sub/services/networking/media"
    script = f"curl --cert m.pem -X PUT --data-binary @- {media} <<XML\n{CONFIG.format(name='$1')}XML\n"
    findings = lint_files(tmp_path, monkeypatch, {"put.sh": script}, "MIG303", dedent=False).findings
    assert where(findings) == ["MIG303 put.sh:2:1"]
    assert "'$1'" not in findings[0].message


@pytest.mark.parametrize("name", ["$1", "${1}-net"], ids=["whole", "in-part"])
def test_a_network_the_script_does_not_name_is_shown_by_the_stand_in_of_where_it_is(
    tmp_path, monkeypatch, name
):
    """A network an uploaded body names by a value the script does not state is said as the other readers say
    one, by a stand-in naming where it is, never by the text it was read with."""
    media = "https://management.core.windows.net/sub/services/networking/media"
    script = f"curl --cert m.pem -X PUT --data-binary @- {media} <<XML\n{CONFIG.format(name=name)}XML\n"
    findings = lint_files(tmp_path, monkeypatch, {"put.sh": script}, "MIG303", dedent=False).findings
    assert [finding.message.split(" is bound")[0] for finding in findings] == [
        "virtual network '<virtual network name, put.sh:2:1>'"
    ]
