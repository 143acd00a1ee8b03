"""An Ansible task looping by `with_dict:`, `with_nested:` or `with_subelements:` was read as a task with no
loop: once, surely, its `{{ item.key }}` a value not stated. It now runs once per entry of a dict written out
(`item.key`, `item.value`), once per combination of lists written out (`item[0]`, `item.1`), and over items
the file does not write out once, standing for one or more, as a `for` loop over `$LIST` does."""

from __future__ import annotations

import pytest

from migcheck.model import Deployment
from migcheck.readers import read_document


def _vms(task: str) -> list[tuple[str, str]]:
    text = f"- hosts: all\n  tasks:\n    - {task}\n"
    document = read_document("site.yml", text.encode(), explicit=True)
    assert document is not None and document.problem is None
    return sorted(
        (d.service_name, role.name)
        for d in document.resources
        if isinstance(d, Deployment)
        for role in d.roles
    )


def test_a_loop_over_a_dict_written_out_runs_once_per_entry():
    task = "command: azure vm create {{ item.value }} img u p -n {{ item.key }}\n      with_dict: {web1: shop, db1: data}"
    assert _vms(task) == [("data", "db1"), ("shop", "web1")]


def test_a_loop_over_nested_lists_written_out_runs_once_per_combination():
    task = "command: azure vm create {{ item[0] }} img u p -n {{ item.1 }}\n      with_nested: [[shop, data], [a, b]]"
    assert _vms(task) == [("data", "a"), ("data", "b"), ("shop", "a"), ("shop", "b")]


@pytest.mark.parametrize(
    "loop",
    ['with_dict: "{{ vms }}"', 'with_nested: ["{{ svcs }}", [a]]', "with_subelements: [vms, disks]"],
    ids=["dict", "nested", "subelements"],
)
def test_a_loop_over_items_not_written_out_runs_as_one_or_more(loop):
    text = f"- hosts: all\n  tasks:\n    - command: azure vm create shop img u p -n web1\n      {loop}\n"
    document = read_document("site.yml", text.encode(), explicit=True)
    assert document is not None
    (script,) = [r for r in document.resources if type(r).__name__ == "Script"]
    assert all(call.runs for call in script.calls)  # each call said to run once or more, or maybe not
