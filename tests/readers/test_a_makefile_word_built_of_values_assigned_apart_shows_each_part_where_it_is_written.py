"""A word a Makefile builds of values assigned on different lines (`-b $(A),$(B)`, quoted too: `-b "$(A),$(B)"`)
shows each part where its assignment writes it: the second subnet of a VM in two (MIG202) is `data` on `B`'s
line, where it was shown at the column after `web,` on `A`'s line. A script's `-b web,data` still shows it at
its own column."""

from __future__ import annotations

import pytest
from lint_support import lint_files

MAKEFILE = "A = web\nB = data\n\ndeploy:\n\tazure config mode asm\n\tazure vm create -w app-vnet -b {subnets} svc img u p\n"


@pytest.mark.parametrize("subnets", ["$(A),$(B)", "${A},$B"])
def test_the_second_subnet_is_shown_on_the_line_that_assigns_it(tmp_path, monkeypatch, subnets):
    files = {"Makefile": MAKEFILE.format(subnets=subnets)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    assert [(f.location.line, f.location.column) for f in result.findings] == [(2, 5)]


def test_a_script_s_second_subnet_is_at_its_own_column(tmp_path, monkeypatch):
    script = "azure config mode asm\nazure vm create -w app-vnet -b web,data svc img u p\n"
    result = lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG202", dedent=False)
    assert [(f.location.line, f.location.column) for f in result.findings] == [(2, 36)]


@pytest.mark.parametrize("subnets", ['"$(A),$(B)"', "'$(A),$(B)'"])
def test_a_quoted_word_s_second_subnet_is_shown_on_the_line_that_assigns_it(tmp_path, monkeypatch, subnets):
    files = {"Makefile": MAKEFILE.format(subnets=subnets)}
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", dedent=False)
    assert [(f.location.line, f.location.column) for f in result.findings] == [(2, 5)]
