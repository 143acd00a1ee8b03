"""The readiness summary's verdicts read down one column, measured in a terminal's cells: a CJK character
or an emoji takes two, a combining accent none. Counting characters pushed the verdicts of rows with such
names out of the column."""

from __future__ import annotations

from lint_support import lint_files

from migcheck.report.readiness_text import display_width, readiness_summary

NAMES = ("网络网络网络", "e\u0301te\u0301", "😀😀", "plain-name-of-some-length")


def _netcfg(names: tuple[str, ...]) -> str:
    sites = "".join(
        f'<VirtualNetworkSite name="{name}" Location="West Europe"><AddressSpace>'
        f'<AddressPrefix>10.{i}.0.0/16</AddressPrefix></AddressSpace><Subnets><Subnet name="s">'
        f"<AddressPrefix>10.{i}.0.0/24</AddressPrefix></Subnet></Subnets></VirtualNetworkSite>"
        for i, name in enumerate(names)
    )
    return (
        '<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration">'
        f"<VirtualNetworkConfiguration><VirtualNetworkSites>{sites}</VirtualNetworkSites>"
        "</VirtualNetworkConfiguration></NetworkConfiguration>\n"
    )


def test_display_width_counts_cells():
    assert display_width("abc") == 3
    assert display_width("网络") == 4  # wide
    assert display_width("\uff21\uff22") == 4  # full-width
    assert display_width("e\u0301") == 1  # a combining acute accent on its letter
    assert display_width("😀") == 2
    assert display_width("a\u200db") == 2  # a zero-width joiner
    assert display_width("") == 0


def test_the_verdicts_start_in_one_column_whatever_script_the_names_are_in(tmp_path, monkeypatch):
    result = lint_files(tmp_path, monkeypatch, {"n.netcfg": _netcfg(NAMES)})
    summary = readiness_summary(result)
    rows = [line for line in summary.splitlines() if "Validation passed" in line]
    assert len(rows) == len(NAMES)
    columns = {display_width(row[: row.index("Validation")]) for row in rows}
    assert len(columns) == 1, summary
    # In cells, the column is two past the widest description, as it is for names in ASCII.
    widest = max(display_width(row[: row.index(")") + 1]) for row in rows)
    assert columns == {widest + 2}
