"""A make a Makefile's recipe runs (`$(MAKE) -C vms deploy`) is given the variables GNU make gives it: those
of its command line (`VNET=x`), which the sub-Makefile's own assignments do not change unless `override`, and
handed on to the makes it runs in turn; and those the Makefile exports (`export VNET`, `export VNET = x`,
`.EXPORT_ALL_VARIABLES:`, `VNET=x $(MAKE)`), which reach it in its environment and which its own assignments
change (`?=` does not; under `-e` they do not). `cd vms && $(MAKE) deploy` (`cd vms; $(MAKE)`) makes the
Makefile of `vms` as `-C vms` does, and an `include` in a sub-Makefile is looked for from its own folder. Each
value is shown where the Makefile that gives it writes it. The sub-Makefile was read with none of these
values and from the top Makefile's folder."""

from __future__ import annotations

import pytest
from lint_support import lint_files, where

from migcheck.model import Deployment

CREATE = "azure vm create shop img ops P@ss -n web1 -l 'West US'"
SUB = f"deploy:\n\t{CREATE} -w $(VNET) -b $(SUBNETS)\n"


def _networks(tmp_path, monkeypatch, files: dict[str, str]) -> set[tuple[str | None, tuple[str, ...]]]:
    """The network and subnets of each VM the top Makefile's read makes (the sub-Makefile's own read, each
    value it does not state not stated, is another document)."""
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    return {
        (d.virtual_network.name if d.virtual_network else None, tuple(s.name for s in r.subnets))
        for estate in result.estates
        for document in estate.documents
        if document.path == "Makefile"
        for d in document.resources
        if isinstance(d, Deployment)
        for r in d.roles
    }


@pytest.mark.parametrize(
    ("sub", "parent", "network"),
    [
        ("VNET = dev-vnet\n", "all:\n\t$(MAKE) -C vms deploy VNET=app-vnet\n", "app-vnet"),
        ("VNET = dev-vnet\n", "all:\n\t$(MAKE) -C vms deploy 'VNET=app-vnet'\n", "app-vnet"),
        (
            "override VNET = dev-vnet\n",
            "all:\n\t$(MAKE) -C vms deploy VNET=app-vnet SUBNETS=data\n",
            "dev-vnet",
        ),
        ("", "export VNET = app-vnet\nall:\n\t$(MAKE) -C vms deploy\n", "app-vnet"),
        ("", "VNET := app-vnet\nexport VNET\nall:\n\t$(MAKE) -C vms deploy\n", "app-vnet"),
        ("", ".EXPORT_ALL_VARIABLES:\nVNET = app-vnet\nall:\n\t$(MAKE) -C vms deploy\n", "app-vnet"),
        ("", "VNET = app-vnet\nall:\n\tVNET=line-vnet $(MAKE) -C vms deploy\n", "line-vnet"),
        (
            "VNET = dev-vnet\n",
            "export VNET = app-vnet\nexport SUBNETS = data\nall:\n\t$(MAKE) -C vms deploy\n",
            "dev-vnet",
        ),
        ("VNET ?= dev-vnet\n", "export VNET = app-vnet\nall:\n\t$(MAKE) -C vms deploy\n", "app-vnet"),
        ("VNET = dev-vnet\n", "export VNET = app-vnet\nall:\n\t$(MAKE) -e -C vms deploy\n", "app-vnet"),
        ("VNET = dev-vnet\n", "all:\n\tcd vms && $(MAKE) deploy VNET=app-vnet\n", "app-vnet"),
        ("VNET = dev-vnet\n", "all:\n\tcd vms; $(MAKE) VNET=app-vnet\n", "app-vnet"),
        ("include net.mk\n", "all:\n\tcd vms && $(MAKE) deploy\n", "inc-vnet"),
        # in a subshell, whose `cd` ends at its `)`
        ("VNET = dev-vnet\n", "all:\n\t(cd vms && $(MAKE) deploy VNET=app-vnet)\n", "app-vnet"),
        ("VNET = dev-vnet\n", "all:\n\t(cd web) && cd vms && $(MAKE) VNET=app-vnet\n", "app-vnet"),
        # make's own folder, which it states where the Makefile does not assign it
        ("VNET = dev-vnet\n", "all:\n\t$(MAKE) -C $(CURDIR)/vms deploy VNET=app-vnet\n", "app-vnet"),
        # short options run together, `-C`'s folder the rest of its word
        ("VNET = dev-vnet\n", "all:\n\t$(MAKE) -kCvms deploy VNET=app-vnet\n", "app-vnet"),
        ("VNET = dev-vnet\n", "export VNET = app-vnet\nall:\n\t$(MAKE) -ekC vms deploy\n", "app-vnet"),
        ("VNET = dev-vnet\n", "all:\n\t$(MAKE) -sf vms/Makefile deploy VNET=app-vnet\n", "app-vnet"),
    ],
)
def test_a_sub_make_s_variables_are_those_make_gives_it(tmp_path, monkeypatch, sub, parent, network):
    files = {
        "Makefile": parent,
        "vms/Makefile": "SUBNETS ?= web\n" + sub + SUB,
        "vms/net.mk": "VNET = inc-vnet\n",
    }
    subnets = ("data",) if "SUBNETS" in parent else ("web",)
    assert _networks(tmp_path, monkeypatch, files) == {(network, subnets)}


def test_a_sub_make_s_command_line_variables_are_handed_on_to_the_makes_it_runs(tmp_path, monkeypatch):
    files = {
        "Makefile": "all:\n\t$(MAKE) -C vms VNET=app-vnet\n",
        "vms/Makefile": "VNET = dev-vnet\nall:\n\t$(MAKE) -C web deploy\n",
        "vms/web/Makefile": "VNET = web-vnet\nSUBNETS = web\n" + SUB,
    }
    assert _networks(tmp_path, monkeypatch, files) == {("app-vnet", ("web",))}


def test_a_value_a_makefile_gives_a_sub_make_is_shown_where_it_writes_it(tmp_path, monkeypatch):
    files = {
        "Makefile": "export SUBNETS = web,data\nall:\n\t$(MAKE) -C vms deploy VNET=app-vnet\n",  # data at 1:22
        "vms/Makefile": SUB,
    }
    assert where(lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False).findings) == [
        "MIG202 Makefile:1:22"
    ]


def test_a_cd_in_a_pipeline_or_to_a_folder_not_stated_moves_no_make(tmp_path, monkeypatch):
    files = {
        "Makefile": (
            "all:\n\tcd vms | $(MAKE) -C . deploy VNET=a\n\tcd $(WHERE) && $(MAKE) VNET=b\n"
            "\tcd vms && $(MAKE) VNET=c\n"
        ),
        "vms/Makefile": "VNET = dev-vnet\nSUBNETS = web\n" + SUB,
    }
    assert _networks(tmp_path, monkeypatch, files) == {("c", ("web",))}


def test_a_sub_make_of_the_same_makefile_makes_its_goals_with_the_variables_it_is_given(
    tmp_path, monkeypatch
):
    """`$(MAKE) deploy VNET=x` with no `-C` nor `-f` makes the Makefile it is written in again."""
    files = {"Makefile": "SUBNETS = web\nall:\n\t$(MAKE) deploy VNET=app-vnet\n" + SUB}
    assert (("app-vnet", ("web",))) in _networks(tmp_path, monkeypatch, files)
