"""A shell script's array literal (`cfg=(mysvc myacct)`, `declare -A cfg=([svc]=mysvc)`) holds the text of
its items: `"${cfg[0]}"` is `mysvc`, `$cfg` its item 0 as in bash, `${arr[@]}` every item, and an item
the script sets or appends later changes it; one it does not state makes the array's items unknown."""

from __future__ import annotations

import pytest

from migcheck.readers import shell


def _services(script: str) -> list[str]:
    document = shell.read("ops.sh", ("azure config mode asm\n" + script).encode())
    return [r.service_name for r in document.resources if type(r).__name__ == "Deployment"]


def _vms(script: str) -> list[str]:
    document = shell.read("ops.sh", ("azure config mode asm\n" + script).encode())
    return [role.name for r in document.resources if type(r).__name__ == "Deployment" for role in r.roles]


CREATE = 'img user pass -l "West US"\n'


@pytest.mark.parametrize(
    "literal",
    ["cfg=(mysvc myacct)", 'declare -a cfg=("mysvc" myacct)', "cfg=([1]=myacct [0]='mysvc')"],
)
def test_an_item_by_its_index_is_its_text(literal: str) -> None:
    assert _services(f'{literal}\nazure vm create "${{cfg[0]}}" {CREATE}') == ["mysvc"]


def test_the_array_s_name_is_its_first_item() -> None:
    assert _vms(f"arr=(web1 web2)\nazure vm create svc -n $arr {CREATE}") == ["web1"]


def test_an_associative_array_s_item_by_its_key() -> None:
    script = f'declare -A cfg=([svc]=mysvc [acct]="my acct")\nazure vm create "${{cfg[svc]}}" {CREATE}'
    assert _services(script) == ["mysvc"]


@pytest.mark.parametrize("listed", ["${SERVERS[*]}", "${SERVERS[@]}", '"${SERVERS[@]}"'])
def test_a_loop_over_the_array_runs_once_for_each_item(listed: str) -> None:
    script = f'SERVERS=(web1 web2)\nfor n in {listed}; do azure vm create svc -n "$n" {CREATE}done\n'
    assert _vms(script) == ["web1", "web2"]


def test_an_item_set_later_is_followed() -> None:
    script = f'arr=(a b)\narr[1]=later\narr+=(appended)\nazure vm create "${{arr[1]}}-${{arr[2]}}" {CREATE}'
    assert _services(script) == ["later-appended"]


@pytest.mark.parametrize(
    "change", ["arr[1]=$UNSET", "arr+=($UNSET)", "arr[$UNSET]=x", "arr=($(list-services))"]
)
def test_an_item_the_script_does_not_state_makes_the_array_unknown(change: str) -> None:
    script = f'arr=(a b)\n{change}\nazure vm create "${{arr[1]}}" {CREATE}'
    assert _services(script) == ["<DNS name, ops.sh:4>"]
