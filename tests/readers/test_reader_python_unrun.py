"""Python scripts: requests in code that surely does not run describe nothing. A helper's own tests and
early returns are decided with what each call passes (its defaults too), a helper called only from code
that never runs sends nothing, and module-level tests with known values, `sys.exit()` and the like, and a
`for` loop that surely breaks before its `else` are decided for every request, as for the SDK's calls."""

from __future__ import annotations

import pytest
from test_reader_python_updates import check, codes, deployments

ACL_BODY = (
    '<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure"><RoleName>web01</RoleName>'
    "<ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
    "<InputEndpoints><InputEndpoint><LocalPort>3389</LocalPort><Name>RDP</Name><Port>3389</Port>"
    "<Protocol>tcp</Protocol><EndpointAcl><Rules><Rule><Order>1</Order><Action>permit</Action>"
    "<RemoteSubnet>10.0.0.0/8</RemoteSubnet></Rule></Rules></EndpointAcl></InputEndpoint></InputEndpoints>"
    "</ConfigurationSet></ConfigurationSets></PersistentVMRole>"
)
PUT = f"sms.perform_put('/sub/services/hostedservices/shop/deployments/shop/roles/web01', '{ACL_BODY}')"
LOCK = f"""
def lock(service, role):
    {PUT}
"""


def acl_findings(tmp_path, monkeypatch, text: str) -> list[str]:
    return [code for code in codes(check(tmp_path, monkeypatch, text)) if code == "MIG201"]


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        (
            f"def lock(service, role, dry=True):\n    if dry:\n        return\n    {PUT}\nlock('shop', 'web01')\n",
            0,
        ),
        (
            f"def lock(service, role, dry=True):\n    if dry:\n        return\n    {PUT}\nlock('shop', 'web01', False)\n",
            1,
        ),
        (
            f"def lock(service, role, dry):\n    if not dry:\n        {PUT}\nlock('shop', 'web01', dry=True)\n",
            0,
        ),
        (
            f"def lock(dry):\n    if dry:\n        raise SystemExit(1)\n    {PUT}\nlock(False)\nlock(True)\n",
            1,
        ),
        (  # what lock(True) raises ends the script: lock(False) after it never runs
            f"def lock(dry):\n    if dry:\n        raise SystemExit(1)\n    {PUT}\nlock(True)\nlock(False)\n",
            0,
        ),
    ],
)
def test_a_helper_s_tests_and_early_returns_are_decided_with_each_call_s_values(
    tmp_path, monkeypatch, text, runs
):
    assert acl_findings(tmp_path, monkeypatch, text) == ["MIG201"] * runs


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        (LOCK + "DRY = True\nif not DRY:\n    lock('shop', 'web01')\n", 0),
        (LOCK + "DRY = False\nif not DRY:\n    lock('shop', 'web01')\n", 1),
        (LOCK + "DRY = True\nlock('shop', 'web01') if not DRY else None\n", 0),
        (LOCK + "DRY = True\nNone if DRY else lock('shop', 'web01')\n", 0),
        (LOCK + "DRY = False\nlock('shop', 'web01') if not DRY else None\n", 1),
        (
            LOCK
            + "def main():\n    lock('shop', 'web01')\nif __name__ == '__main__' and False:\n    main()\n",
            0,
        ),
        (LOCK + "def main():\n    lock('shop', 'web01')\nif __name__ == '__main__':\n    main()\n", 1),
    ],
)
def test_a_helper_called_only_from_code_that_never_runs_sends_nothing(tmp_path, monkeypatch, text, runs):
    assert acl_findings(tmp_path, monkeypatch, text) == ["MIG201"] * runs


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        (f"COUNT = 1\nif COUNT == 2:\n    {PUT}\n", 0),
        (f"COUNT = '1'\nif COUNT == 1:\n    {PUT}\n", 0),
        (f"COUNT = 1\nif COUNT == 1:\n    {PUT}\n", 1),
        (f"import sys\nDRY = True\nif DRY:\n    print('dry run')\n    sys.exit(0)\n{PUT}\n", 0),
        (f"DRY = True\nif DRY:\n    exit()\n{PUT}\n", 0),
        (f"DRY = True\nif DRY:\n    quit()\n{PUT}\n", 0),
        (f"DRY = True\nif DRY:\n    raise SystemExit('dry run')\n{PUT}\n", 0),
        (f"import sys\nDRY = False\nif DRY:\n    sys.exit(0)\n{PUT}\n", 1),
        (f"import sys\nDRY = True\nif DRY:\n    {PUT}\n    sys.exit(0)\n", 1),
        # Caught, or not the script's end: the path goes on.
        (
            f"import sys\nDRY = True\ntry:\n    if DRY:\n        sys.exit(0)\nexcept SystemExit:\n    pass\n{PUT}\n",
            1,
        ),
        (f"DRY = True\nwith guard():\n    if DRY:\n        raise ValueError()\n{PUT}\n", 1),
        (f"def exit():\n    pass\nDRY = True\nif DRY:\n    exit()\n{PUT}\n", 1),
        (f"import sys\nsys = object()\nDRY = True\nif DRY:\n    sys.exit()\n{PUT}\n", 1),
        (f"if unknown():\n    raise SystemExit()\n{PUT}\n", 1),
        # A dict changed in items the script does not name may hold anything under any key.
        (f"OPTS = {{'dry': True}}\nif not OPTS['dry']:\n    {PUT}\n", 0),
        (
            f"import json\nOPTS = {{'dry': True}}\nOPTS.update(json.load(open('o.json')))\nif not OPTS['dry']:\n    {PUT}\n",
            1,
        ),
        (f"OPTS = {{'dry': True}}\nOPTS.update(dict(os.environ))\nif not OPTS.get('dry'):\n    {PUT}\n", 1),
        (f"OPTS = {{'dry': True}}\nOPTS[key()] = False\nif not OPTS['dry']:\n    {PUT}\n", 1),
    ],
)
def test_module_level_tests_and_exits_with_known_values_are_decided(tmp_path, monkeypatch, text, runs):
    assert acl_findings(tmp_path, monkeypatch, text) == ["MIG201"] * runs


@pytest.mark.parametrize(
    ("loop", "runs"),
    [
        ("for n in ['web01', 'web02']:\n    if n == 'web01':\n        break\n", 0),
        ("for n in ['web01', 'web02']:\n    if n == 'web02':\n        break\n", 0),
        ("for n in ['web01', 'web02']:\n    if n == 'web03':\n        break\n", 1),
        ("for n in ['web01', 'web02']:\n    if n == 'web01':\n        continue\n        break\n", 1),
        ("for n in []:\n    break\n", 1),
        ("for n in names():\n    if n == 'web01':\n        break\n", 1),
    ],
)
def test_the_else_of_a_for_loop_that_surely_breaks_does_not_run(tmp_path, monkeypatch, loop, runs):
    text = loop + f"else:\n    {PUT}\n"
    assert acl_findings(tmp_path, monkeypatch, text) == ["MIG201"] * runs


def test_a_return_ends_only_the_turn_s_path_in_its_own_function(tmp_path, monkeypatch):
    text = f"def check():\n    return\ncheck()\nfor n in ['a']:\n    if n == 'a':\n        continue\n{PUT}\n"
    assert acl_findings(tmp_path, monkeypatch, text) == ["MIG201"]


@pytest.mark.parametrize("change", ["OPTS.update(json.load(open('o.json')))", "OPTS[key()] = False"])
def test_an_sdk_call_under_an_item_of_a_dict_changed_unseen_is_read(change):
    text = (
        f"import json\nOPTS = {{'dry': True}}\n{change}\nif not OPTS['dry']:\n"
        "    sms.add_role('shop', 'shop', 'web02', None, None, availability_set_name='web-as')\n"
    )
    assert [role.name for deployment in deployments(text) for role in deployment.roles] == ["web02"]


@pytest.mark.parametrize(
    ("guard", "runs"),
    [
        ("not DRY and lock('shop', 'web01')", 0),
        ("DRY or lock('shop', 'web01')", 0),
        ("DRY and lock('shop', 'web01')", 1),
        ("DRY and not DRY and lock('shop', 'web01')", 0),
        ("not DRY or lock('shop', 'web01')", 1),
        ("OTHER and lock('shop', 'web01')", 1),  # OTHER is not known: the call may run
    ],
)
def test_an_operand_of_and_or_runs_only_when_the_ones_before_it_let_it(tmp_path, monkeypatch, guard, runs):
    text = LOCK + f"DRY = True\nOTHER = input()\n{guard}\n"
    assert acl_findings(tmp_path, monkeypatch, text) == ["MIG201"] * runs
