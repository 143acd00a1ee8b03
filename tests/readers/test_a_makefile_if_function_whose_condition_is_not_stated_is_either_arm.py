"""`$(if condition,then,else)` in a Makefile whose condition is a value the Makefile does not state (make's
command line, the environment) is either arm, each on a path of its own, as a conditional not decided is:
the VM a recipe names by it is each of the two, and a subnet one arm writes is shown where it writes it. A
condition with stated text around such a value is true whatever the value is. Such an `$(if)` was a value
not stated as a whole."""

from __future__ import annotations

from lint_support import lint_files, script_resources, where

from migcheck.model import Deployment

CREATE = "azure vm create shop img ops P@ss -n {name} -w app-vnet -b {subnets}"


def _vms(makefile: str) -> list[tuple[str, tuple[str, ...]]]:
    resources = script_resources(makefile, "Makefile")
    return sorted(
        (r.name, tuple(s.name for s in r.subnets))
        for d in resources
        if isinstance(d, Deployment)
        for r in d.roles
    )


def test_a_vm_named_by_an_if_of_a_value_not_stated_is_either_arm_s():
    makefile = (
        "NAME = $(if $(PROD),web1,web2)\ndeploy:\n\t" + CREATE.format(name="$(NAME)", subnets="web") + "\n"
    )
    assert _vms(makefile) == [("web1", ("web",)), ("web2", ("web",))]


def test_ifs_nested_in_the_arms_of_one_give_each_path_its_value():
    makefile = "NAME = $(if $(A),$(if $(B),a,b),$(if $(C),c))x\ndeploy:\n\t"
    makefile += CREATE.format(name="$(NAME)", subnets="web") + "\n"
    assert [name for name, _ in _vms(makefile)] == ["ax", "bx", "cx", "x"]


def test_a_condition_with_stated_text_around_a_value_not_stated_is_true():
    makefile = (
        "NAME = $(if $(PROD)x,web1,web2)\ndeploy:\n\t" + CREATE.format(name="$(NAME)", subnets="web") + "\n"
    )
    assert _vms(makefile) == [("web1", ("web",))]


def test_a_subnet_one_arm_writes_is_shown_where_it_writes_it(tmp_path, monkeypatch):
    makefile = (
        "COMMA := ,\n"
        "SUBNETS = $(if $(PROD),web$(COMMA)data,web)\n"  # data at 2:35
        "deploy:\n\t" + CREATE.format(name="web1", subnets="$(SUBNETS)") + "\n"
    )
    result = lint_files(tmp_path, monkeypatch, {"Makefile": makefile}, "MIG202", dedent=False)
    assert where(result.findings) == ["MIG202 Makefile:2:35"]


def test_an_if_inside_another_function_gives_that_function_s_result_on_each_path():
    makefile = "NAME = $(subst -,,$(if $(PROD),web-1,web-2))\ndeploy:\n\t"
    makefile += CREATE.format(name="$(NAME)", subnets="web") + "\n"
    assert [name for name, _ in _vms(makefile)] == ["web1", "web2"]


def test_ifs_in_two_arguments_of_a_function_give_each_pair_of_arms():
    makefile = "NAME = $(addsuffix $(if $(B),x,y),$(if $(A),a,b))\ndeploy:\n\t"
    makefile += CREATE.format(name="$(NAME)", subnets="web") + "\n"
    assert [name for name, _ in _vms(makefile)] == ["ax", "ay", "bx", "by"]
