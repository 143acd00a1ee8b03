"""A Makefile's recipe lines are read as the shell command lines make hands the shell: make's variables
expanded first (`=`, `:=`, `?=`, `+=`, `override`, `export`, `define`; `$(VAR)`, `${VAR}`, `$$`), each value
shown where its assignment writes it, one the Makefile does not state (make's command line, an automatic
variable) a value not stated; a `\\` continuing a line, the `@`, `-` and `+` make reads, `.ONESHELL:`,
`SHELL = pwsh` and `include` as make reads them; a script a recipe runs read where it runs. The first target
and its prerequisites are made by `make`; any other target's recipe may run. Makefiles were not read at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from growth import assert_linear
from lint_support import lint_files, run_cli, script_resources, where

from migcheck.model import Deployment

CREATE = "azure vm create shop img ops P@ss -n web1 -l 'West US'"


def _vms(resources: tuple[object, ...]) -> list[tuple[str, str | None, tuple[str, ...]]]:
    return [
        (r.name, d.virtual_network.name if d.virtual_network else None, tuple(s.name for s in r.subnets))
        for d in resources
        if isinstance(d, Deployment)
        for r in d.roles
    ]


def _where(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], *codes: str) -> list[str]:
    return where(lint_files(tmp_path, monkeypatch, files, *codes, dedent=False).findings)


def test_a_value_of_each_kind_of_assignment_is_shown_where_the_assignment_writes_it(tmp_path, monkeypatch):
    makefile = (
        "SUBNETS := web,data\n"  # data at 1:16
        "deploy:\n"
        f"\t{CREATE} -w $(VNET) -b $(SUBNETS)\n"
        "VNET = app-vnet\n"  # assigned after the rule: a recipe runs once the Makefile is read
    )
    assert _where(tmp_path, monkeypatch, {"Makefile": makefile}, "MIG202") == ["MIG202 Makefile:1:16"]
    assert _vms(script_resources(makefile, "Makefile")) == [("web1", "app-vnet", ("web", "data"))]


@pytest.mark.parametrize(
    ("assignments", "network"),
    [
        ("VNET = app-vnet\n", "app-vnet"),
        ("VNET ?= app-vnet\n", "app-vnet"),
        ("VNET = app-vnet\nVNET ?= other\n", "app-vnet"),
        ("override VNET := app-vnet\n", "app-vnet"),
        ("PREFIX = app\nVNET = $(PREFIX)-vnet\n", "app-vnet"),
        ("VNET = app\nVNET += vnet\n", "app"),  # `+=` adds a word: the option is given `app`, then `vnet`
        ("define VNET\napp-vnet\nendef\n", "app-vnet"),
        ("ifeq ($(ENV),prod)\nVNET = prod-vnet\nendif\n", None),  # set on one path: on the other, not stated
        ("VNET != ./network-name\n", None),  # the shell's output
        ("", None),  # make's command line or the environment
    ],
)
def test_make_s_variables_are_expanded_as_make_expands_them(assignments, network):
    makefile = assignments + f"deploy:\n\t{CREATE} -w ${{VNET}} -b web\n"
    [(name, vnet, subnets)] = _vms(script_resources(makefile, "Makefile"))
    assert (name, subnets) == ("web1", ("web",))
    assert vnet == network if network is not None else vnet is None or vnet.startswith("<")


def test_an_exported_variable_is_in_the_recipe_s_environment_and_a_double_dollar_is_the_shell_s(
    tmp_path, monkeypatch
):
    makefile = f'export SUBNETS = web,data\ndeploy:\n\t{CREATE} -w app-vnet -b "$$SUBNETS"\n'
    assert _where(tmp_path, monkeypatch, {"Makefile": makefile}, "MIG202") == ["MIG202 Makefile:1:22"]


def test_an_automatic_variable_is_a_value_not_stated():
    makefile = f"web1:\n\t{CREATE} -w $@ -b web\n"
    [(_, vnet, _)] = _vms(script_resources(makefile, "Makefile"))
    assert vnet is None or vnet.startswith("<")


def test_a_continued_recipe_line_and_make_s_prefixes_keep_every_word_where_it_is_written(
    tmp_path, monkeypatch
):
    makefile = "deploy:\n\t@-azure vm create shop img ops P@ss -n web1 \\\n\t  -w app-vnet -b web,data\n"
    assert _where(tmp_path, monkeypatch, {"Makefile": makefile}, "MIG202", "MIG601") == [
        "MIG601 Makefile:2:4",
        "MIG202 Makefile:3:23",
    ]


def test_a_variable_a_recipe_line_sets_is_the_next_line_s_only_under_oneshell():
    recipe = "deploy:\n\tNET=app-vnet\n\t" + CREATE + " -w $$NET -b web\n"
    [(_, apart, _)] = _vms(script_resources(recipe, "Makefile"))
    [(_, together, _)] = _vms(script_resources(".ONESHELL:\n" + recipe, "Makefile"))
    assert (apart is None or apart.startswith("<"), together) == (True, "app-vnet")


def test_an_included_file_s_variables_are_shown_where_it_writes_them(tmp_path, monkeypatch):
    files = {
        "config.mk": "SUBNETS = web,data\n",
        "Makefile": f"include config.mk\ndeploy:\n\t{CREATE} -w app-vnet -b $(SUBNETS)\n",
    }
    assert _where(tmp_path, monkeypatch, files, "MIG202") == ["MIG202 config.mk:1:15"]


def test_a_script_a_recipe_runs_is_read_where_it_runs_with_the_words_it_is_given(tmp_path, monkeypatch):
    files = {
        "scripts/create.sh": 'azure vm create shop img ops P@ss -n web1 -w "$1" -b web,data\n',
        "Makefile": "VNET = app-vnet\ndeploy:\n\t./scripts/create.sh $(VNET)\n",
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG601", "MIG202", dedent=False)
    assert where(result.findings) == ["MIG601 scripts/create.sh:1:1", "MIG202 scripts/create.sh:1:58"]
    assert result.findings[0].message.startswith(
        "Makefile 'Makefile' uses the classic Azure CLI in asm mode (in scripts/create.sh: azure vm create)"
    )


def test_the_first_target_and_its_prerequisites_are_made_and_another_target_may_be():
    makefile = (
        "all: vms\n"
        "vms: network\n"
        f"\t{CREATE} -w app-vnet -b web,data\n"
        "network:\n"
        "\tazure network vnet create app-vnet -l 'West US' -e 10.0.0.0 -i 16 -n web -p 10.0.1.0 -r 24\n"
        "destroy:\n"
        "\tazure vm delete shop web1 -q\n"
    )
    # the VM is made (after its network), and a `make destroy` may delete it: it may still be there
    assert _vms(script_resources(makefile, "Makefile")) == [("web1", "app-vnet", ("web", "data"))]


def test_recipes_under_shell_pwsh_are_powershell_s(tmp_path, monkeypatch):
    makefile = (
        "SHELL := pwsh\n"
        ".SHELLFLAGS := -Command\n"
        "deploy:\n"
        "\tNew-AzureVM -ServiceName shop -VNetName app-vnet -VMs (New-AzureVMConfig -Name web1"
        " -InstanceSize Small -ImageName img | Set-AzureSubnet -SubnetNames web,data)\n"
    )
    assert _where(tmp_path, monkeypatch, {"Makefile": makefile}, "MIG202") == ["MIG202 Makefile:4:156"]


def test_suppression_comments_cover_the_line_after_them_or_their_own(tmp_path, monkeypatch):
    makefile = (
        "deploy:\n"
        "# migcheck: ignore[MIG202] moved to one subnet before the migration\n"
        f"\t{CREATE} -w app-vnet -b web,data\n"
        f"\t{CREATE.replace('web1', 'web2')} -w app-vnet -b web,data # migcheck: ignore[MIG202] likewise\n"
        f"\t{CREATE.replace('web1', 'web3')} -w app-vnet -b web,data\n"
    )
    column = makefile.splitlines()[4].index("data") + 1
    assert _where(tmp_path, monkeypatch, {"Makefile": makefile}, "MIG202") == [f"MIG202 Makefile:5:{column}"]


def test_a_recipe_line_the_shell_cannot_parse_is_mig001_where_it_stops(tmp_path, monkeypatch):
    makefile = "deploy:\n\techo ok\n\tazure vm create shop img ops 'P@ss -n web1\n"
    assert _where(tmp_path, monkeypatch, {"Makefile": makefile}, "MIG001") == ["MIG001 Makefile:3:31"]


@pytest.mark.parametrize("name", ["Makefile", "makefile", "GNUmakefile", "deploy/azure.mk"])
def test_a_walk_reads_each_name_make_reads(tmp_path, monkeypatch, name):
    assert _where(tmp_path, monkeypatch, {name: f"deploy:\n\t{CREATE}\n"}, "MIG105") == [f"MIG105 {name}:2:2"]


def test_a_makefile_with_no_classic_command_is_read_holding_nothing_classic(tmp_path, monkeypatch, capsys):
    (tmp_path / "Makefile").write_text("all:\n\tgcc -o app app.c\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, err = run_cli(capsys, "check", "-v", ".")
    assert "1 file read holds nothing classic" in err and "MIG" not in out


def _makefile(count: int) -> bytes:
    lines = [f"VNET{i} = vnet{i}\nSVC{i} := shop{i} $(VNET{i})\n" for i in range(count)]
    rules = [
        f"rule{i}: rule{i + 1}\n\tazure vm create $(SVC{i}) img ops P@ss -n web{i} -w $(VNET{i})\n"
        for i in range(count)
    ]
    return ("".join(lines) + "".join(rules)).encode()


def test_a_makefile_of_many_rules_and_variables_is_read_in_linear_time():
    from migcheck.readers import makefile

    def make(count: int):
        data = _makefile(count)
        return lambda: makefile.read("Makefile", data)

    assert_linear(make, 200)


def test_an_assignment_ends_the_rule_before_it_and_a_conditional_does_not():
    makefile = (
        "deploy:\n"
        f"\t{CREATE}\n"
        "ifeq ($(ENV),prod)\n"
        f"\t{CREATE.replace('web1', 'web2')}\n"
        "endif\n"
        "VNET = app-vnet\n"
        f"\t{CREATE.replace('web1', 'web3')}\n"  # make refuses it: a recipe line before any rule's
    )
    assert [name for name, _, _ in _vms(script_resources(makefile, "Makefile"))] == ["web1", "web2"]


def _continued_value(count: int) -> bytes:
    words = " \\\n  ".join(f"word{i}" for i in range(count))
    return f"VALUE = {words}\ndeploy:\n\tazure vm create $(VALUE)\n".encode()


def test_a_value_continued_over_many_lines_is_read_in_linear_time():
    from migcheck.readers import makefile

    def make(count: int):
        data = _continued_value(count)
        return lambda: makefile.read("Makefile", data)

    assert_linear(make, 2000)


@pytest.mark.parametrize(
    ("assignments", "subnets"),
    [
        ("NAMES = web data\nSUBNETS = $(subst $(SPACE),$(COMMA),$(strip $(NAMES)))\n", "web,data"),
        ("FILES = web.vhd data.vhd\nSUBNETS = $(subst $(SPACE),$(COMMA),$(FILES:.vhd=))\n", "web,data"),
        ("SUBNETS = $(patsubst %-disk,%,web-disk),$(lastword a data)\n", "web,data"),
        ("SUBNETS = $(firstword $(addsuffix $(COMMA)data,web) x)\n", "web,data"),
        ("SUBNETS = $(if $(COMMA),$(word 2,a web),none)\n", "web"),
        ("SUBNETS = $(shell cat subnets.txt)\n", None),  # the shell's output
        ("SUBNETS = $(subst a,b,$(FROM_THE_COMMAND_LINE))\n", None),
    ],
)
def test_make_s_pure_functions_are_evaluated_on_stated_values(assignments, subnets):
    makefile = "COMMA := ,\nEMPTY :=\nSPACE := $(EMPTY) $(EMPTY)\n" + assignments
    makefile += f"deploy:\n\t{CREATE} -w app-vnet -b $(SUBNETS)\n"
    [(_, _, found)] = _vms(script_resources(makefile, "Makefile"))
    assert ",".join(found) == subnets if subnets is not None else all(s.startswith("<") for s in found)


def test_a_function_s_result_is_shown_where_its_arguments_write_it(tmp_path, monkeypatch):
    makefile = (
        f"SUBNETS = $(subst -,$(COMMA),web-data)\nCOMMA := ,\ndeploy:\n\t{CREATE} -w app -b $(SUBNETS)\n"
    )
    assert _where(tmp_path, monkeypatch, {"Makefile": makefile}, "MIG202") == ["MIG202 Makefile:1:34"]


def test_a_target_specific_variable_is_its_target_s_recipes_value(tmp_path, monkeypatch):
    makefile = (
        "VNET = dev-vnet\nSUBNETS = web\n"
        "deploy: VNET = app-vnet\n"
        "deploy: SUBNETS += data\n"
        f"deploy:\n\t{CREATE} -w $(VNET) -b $(subst $(SPACE),$(COMMA),$(SUBNETS))\n"
        f"test:\n\t{CREATE.replace('shop', 'other')} -w $(VNET) -b $(SUBNETS)\n"
        "COMMA := ,\nEMPTY :=\nSPACE := $(EMPTY) $(EMPTY)\n"
    )
    assert _vms(script_resources(makefile, "Makefile")) == [
        ("web1", "app-vnet", ("web", "data")),
        ("web1", "dev-vnet", ("web",)),
    ]
    written = "VNET = dev-vnet\nprod: SUBNETS = web,data\n" + f"prod:\n\t{CREATE} -w $(VNET) -b $(SUBNETS)\n"
    assert _where(tmp_path, monkeypatch, {"Makefile": written}, "MIG202") == ["MIG202 Makefile:2:21"]


def test_the_default_goal_a_makefile_names_is_made_first():
    makefile = (
        ".DEFAULT_GOAL := deploy\n"
        "destroy:\n\tazure vm delete shop web1 -q\n"
        f"deploy:\n\t{CREATE} -w app-vnet -b web\n"
    )
    # made first, the VM is made, and `make destroy` may delete it later; made after its delete, it is there
    assert _vms(script_resources(makefile, "Makefile")) == [("web1", "app-vnet", ("web",))]


def test_a_value_set_under_a_condition_not_decided_is_that_value_on_its_path(tmp_path, monkeypatch):
    makefile = (
        "ifeq ($(ENV),prod)\n"
        "SUBNETS = web,data\n"  # data at 2:15
        "else\n"
        "SUBNETS = web\n"
        "endif\n"
        f"deploy:\n\t{CREATE} -w app-vnet -b $(SUBNETS)\n"
    )
    assert _where(tmp_path, monkeypatch, {"Makefile": makefile}, "MIG202") == ["MIG202 Makefile:2:15"]


@pytest.mark.parametrize(
    "conditional",
    [
        "ENV = dev\nifeq ($(ENV),prod)\nSUBNETS = web,data\nelse\nSUBNETS = web\nendif\n",
        "ENV = dev\nifneq '$(ENV)' 'dev'\nSUBNETS = web,data\nelse ifdef ENV\nSUBNETS = web\nendif\n",
        "ifdef ENV\nSUBNETS = web,data\nelse ifndef SUBNETS\nSUBNETS = web\nendif\n",  # one arm not decided
    ],
)
def test_a_condition_on_stated_values_is_decided_as_make_decides_it(conditional):
    makefile = conditional + f"deploy:\n\t{CREATE} -w app-vnet -b $(SUBNETS)\n"
    subnets = {found for _, _, found in _vms(script_resources(makefile, "Makefile"))}
    if "ENV = dev" in conditional:
        assert subnets == {("web",)}
    else:  # the first arm may be taken
        assert ("web", "data") in subnets


def test_recipe_lines_under_a_condition_not_decided_may_run(tmp_path, monkeypatch):
    makefile = (
        "deploy:\n"
        "ifdef PROD\n"
        f"\t{CREATE} -w app-vnet -b web,data\n"
        "else\n"
        f"\t{CREATE.replace('web1', 'web2')} -w app-vnet -b web\n"
        "endif\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"Makefile": makefile}, "MIG202", "MIG601", dedent=False)
    assert where(result.findings) == ["MIG601 Makefile:3:2", f"MIG202 Makefile:3:{len(CREATE) + 22}"]
    assert "they run only on some paths" in result.findings[0].message


def _conditionals(count: int) -> bytes:
    parts = [
        f"ifeq ($(ENV{i}),prod)\nNET = vnet{i}\nSUBNETS += s{i}\nelse\nNET += x{i}\nendif\n"
        for i in range(count)
    ]
    rules = [
        f"rule{i}:\n\tazure vm create shop img ops P@ss -n web{i} -w $(NET) -b $(SUBNETS)\n"
        for i in range(count)
    ]
    return ("".join(parts) + "".join(rules)).encode()


def test_a_makefile_of_many_conditionals_is_read_in_linear_time():
    from migcheck.readers import makefile

    def make(count: int):
        data = _conditionals(count)
        return lambda: makefile.read("Makefile", data)

    assert_linear(make, 200)


def test_a_makefile_a_recipe_makes_is_made_in_its_folder(tmp_path, monkeypatch):
    files = {
        "vms/Makefile": (
            "clean:\n\tazure vm delete shop web1 -q\n"
            f"deploy:\n\t{CREATE} -w app-vnet -b web,data\n\t./tag.sh\n"
            "again:\n\t$(MAKE) -C .. all\n"  # makes the one that makes it: not again
        ),
        "vms/tag.sh": "azure vm create shop img ops P@ss -n web2 -w app-vnet -b a,b\n",
        "GNUmakefile": "all:\n\t$(MAKE) -C vms deploy\n\tmake --directory=/opt/elsewhere\n",
    }
    result = lint_files(tmp_path, monkeypatch, files, "MIG202", "MIG601", dedent=False)
    uses = "Makefile 'GNUmakefile' uses the classic Azure CLI in asm mode (in vms/Makefile: azure vm create; in vms/tag.sh"
    assert [f.message.startswith(uses) for f in result.findings if f.code == "MIG601"].count(True) == 1
    column = len(CREATE) + 22
    assert f"MIG202 vms/Makefile:4:{column}" in where(result.findings)
    assert "MIG202 vms/tag.sh:1:60" in where(result.findings)


@pytest.mark.parametrize("index", ["9" * 5000, "²", "0", "-1"])
def test_a_word_function_given_no_index_it_can_use_gives_nothing(index):
    makefile = f"SUBNETS = $(word {index},web data)\ndeploy:\n\t{CREATE} -w app-vnet -b web$(SUBNETS)\n"
    assert _vms(script_resources(makefile, "Makefile")) == [("web1", "app-vnet", ("web",))]
