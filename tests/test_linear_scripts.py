"""Cost stays linear in the size of a script when the script builds strings from other strings: a name
doubled line after line (`$a2 = "$a1$a1"`, `a2 = a1 + a1`) would otherwise grow exponentially with the
number of lines, and be copied on every read. A string built longer than any name is not followed (it reads
as a value the script does not state), and a chain of names is evaluated once per name. And the syntax index
of a PowerShell script costs time linear in it however deep its nesting, and however long a region the
grammar cannot read."""

from __future__ import annotations

import ast

import pytest
from growth import LINEAR, assert_costs_at_most, assert_linear
from tree_sitter import Node

from migcheck.model import Deployment
from migcheck.readers import powershell, python_script, read_document
from migcheck.readers.powershell import _MAX_TEXT
from migcheck.readers.python_flow import MAX_BODY, MAX_TEXT

PYTHON_HEAD = """from azure.servicemanagement import ServiceManagementService, LinuxConfigurationSet, OSVirtualHardDisk
sms = ServiceManagementService("sub", "cert")
"""


def _python_vm(service: str) -> str:
    return (
        f'sms.create_virtual_machine_deployment({service}, "dep", "production", "label", "vm", '
        'LinuxConfigurationSet("vm", "u", None, True), '
        'OSVirtualHardDisk("img", "https://a.blob.core.windows.net/v/vm.vhd"), role_size="Small")\n'
    )


def _powershell_vm(service: str) -> str:
    return (
        'New-AzureVMConfig -Name "vm" -InstanceSize Small -ImageName $img '
        "| Add-AzureProvisioningConfig -Windows -AdminUsername u -Password $p "
        f'| New-AzureVM -ServiceName {service} -VNetName "v"\n'
    )


def _services(name: str, data: bytes) -> list[str]:
    """The service names of the deployments a script describes ("": a service it does not state)."""
    document = read_document(name, data, explicit=True)
    assert document.problem is None
    return [d.service_name for d in document.resources if isinstance(d, Deployment)]


def _python(lines: list[str], service: str) -> bytes:
    return (PYTHON_HEAD + "".join(line + "\n" for line in lines) + _python_vm(service)).encode()


def _powershell(lines: list[str], service: str) -> bytes:
    return ("".join(line + "\n" for line in lines) + _powershell_vm(service)).encode()


def _read(name: str, data: bytes, expected: str):
    """The work of reading one script whose only deployment names the service `expected`."""

    def work():
        assert _services(name, data) == [expected]

    return work


# --- PowerShell -------------------------------------------------------------------------------------------


def _powershell_doubling(lines: int) -> bytes:
    doubled = [f'$a{i} = "$a{i - 1}$a{i - 1}"' for i in range(1, lines)]
    return _powershell(["$a0 = 'x'", *doubled], f"$a{lines - 1}")


def test_a_powershell_string_doubled_line_after_line():
    """Thirty lines would build a string of half a billion characters: past the longest string the reader
    builds, the name is unknown, and each further line costs what any line costs. (Compared at 15 and 30
    lines only: `assert_linear` would go on to 60 lines, where the old cost stops growing because the
    reader runs out of memory.)"""
    fifteen, thirty = (_powershell_doubling(lines) for lines in (15, 30))
    assert_costs_at_most(
        lambda: read_document("s.ps1", thirty, explicit=True),
        LINEAR,
        lambda: read_document("s.ps1", fifteen, explicit=True),
    )
    assert _services("s.ps1", thirty) == [""]


def _powershell_repeating(length: int) -> bytes:
    return _powershell([f"$part = '{'x' * length}'", '$all = "' + "$part" * (length // 10) + '"'], "$all")


def test_a_powershell_string_that_repeats_a_long_literal():
    """One string that inserts a long literal many times is measured before it is built."""

    def make(length: int):
        data = _powershell_repeating(length)
        return lambda: read_document("s.ps1", data, explicit=True)

    assert_linear(make, 10_000)
    assert _services("s.ps1", _powershell_repeating(10_000)) == [""]


@pytest.mark.parametrize("holding", ["$a{0}, $a{0}", "@{{first = $a{0}; second = $a{0}}}"])
def test_powershell_arrays_and_tables_nested_line_after_line(holding):
    """Each line holds the value before it twice, so a walk over the last value (whether it is a constant,
    which VM configurations it lets escape) would meet two to the power of the lines values. Compared at 12
    and 24 lines only, as above."""

    def nesting(lines: int) -> bytes:
        nested = [f"$a{i} = " + holding.format(i - 1) for i in range(1, lines)]
        return _powershell(["$a0 = 'x'", *nested], f"$a{lines - 1}")

    twelve, twenty_four = nesting(12), nesting(24)
    assert_costs_at_most(
        lambda: read_document("s.ps1", twenty_four, explicit=True),
        LINEAR,
        lambda: read_document("s.ps1", twelve, explicit=True),
    )


def test_a_powershell_name_built_from_parts_is_read():
    lines = ["$prefix = 'shop'", "$env = 'prod'", '$service = "$prefix-$env"', "$full = $service + '-eu'"]
    assert _services("s.ps1", _powershell(lines, "$full")) == ["shop-prod-eu"]
    assert _services("s.ps1", _powershell(lines, '"$service-web"')) == ["shop-prod-web"]


def test_a_powershell_string_is_built_up_to_the_longest_name_it_follows():
    lines = [f"$long = '{'x' * (_MAX_TEXT - 1)}'"]
    for service, expected in (('"${long}y"', "x" * (_MAX_TEXT - 1) + "y"), ('"${long}yy"', "")):
        assert _services("s.ps1", _powershell(lines, service)) == [expected]
    for service, expected in (("($long + 'y')", "x" * (_MAX_TEXT - 1) + "y"), ("($long + 'yy')", "")):
        assert _services("s.ps1", _powershell(lines, service)) == [expected]


# A string that may read as a number (`-eq` compares `"10"` and `"010"` as numbers, and a condition reads `"0"`
# as zero) is matched by patterns that cannot backtrack, and one longer than any number is none: a long run of
# digits costs what its length does.
_DIGITS = {
    "zeros as a condition": lambda n: f"$x = '{'0' * n}!'\nif ($x) {{ $null }}",
    "digits compared with -eq": lambda n: f"if ('{'1' * n}!' -eq 'a') {{ $null }}",
}


@pytest.mark.parametrize("shape", _DIGITS.values(), ids=_DIGITS.keys())
def test_a_long_powershell_string_of_digits_in_a_condition(shape):
    def make(n: int):
        return _read("s.ps1", _powershell([shape(n)], '"svc"'), "svc")

    assert_linear(make, 2000)


# --- PowerShell: code run more than once ------------------------------------------------------------------

# The script's functions run at each call with the values it passes, and a `foreach` over a list of constants
# runs once per item: each repeat costs what the code repeated costs. Without bounds, a long function called
# from as many places costs the product of the two, and calls of calls or loops in loops multiply at each
# level; the repeats stop at the work allowed for them, linear in the script's size.


def _vm_function(statements: int) -> str:
    changes = "".join(f'    $vm = $vm | Set-AzureSubnet -SubnetNames "s{i}"\n' for i in range(statements))
    return (
        "function New-Web($name, $set) {\n"
        "    $vm = New-AzureVMConfig -Name $name -InstanceSize Small -ImageName $img -AvailabilitySetName $set\n"
        f"{changes}    return $vm\n}}\n"
    )


def _vm_calls(count: int) -> str:
    calls = "".join(f'$vms += New-Web "web{i}" "set{i % 2}"\n' for i in range(count))
    return f'$vms = @()\n{calls}New-AzureVM -ServiceName "front" -VNetName "v" -VMs $vms -Location l\n'


def _calls_of_calls(functions: int) -> str:
    """Each function calls the one before it twice: the last one's call runs 2 ** functions calls."""
    first = (
        'function f0($x) { New-AzureQuickVM -Windows -ServiceName $x -Name "v" -ImageName i -Location l }\n'
    )
    others = "".join(
        f'function f{i}($x) {{ f{i - 1} "$x-a"; f{i - 1} "$x-b" }}\n' for i in range(1, functions)
    )
    return f'{first}{others}f{functions - 1} "root"\n'


def _loops_in_loops(levels: int) -> str:
    """Loops over 64 numbers, one in another: the innermost body would run 64 ** levels times."""
    opening = "".join(f"foreach ($i{k} in 1..64) {{\n" for k in range(levels))
    body = 'New-AzureQuickVM -Windows -ServiceName "s$i0" -Name "v$i1" -ImageName i -Location l\n'
    return opening + body + "}\n" * levels


_REPEATED_POWERSHELL = {
    "a function called from many places": lambda n: _vm_function(5) + _vm_calls(n),
    "a function as long as its calls are many": lambda n: _vm_function(n) + _vm_calls(n),
    "functions that each call the one before twice": lambda n: _calls_of_calls(n // 10),
    "loops in loops over lists of constants": lambda n: _loops_in_loops(max(2, n // 20)),
}


@pytest.mark.parametrize("shape", _REPEATED_POWERSHELL.values(), ids=_REPEATED_POWERSHELL.keys())
def test_powershell_code_run_more_than_once(shape):
    """Doubling the calls (or the levels of calls and loops) about doubles the work of reading the script
    (a function's body was also walked again at each call, to find what it returns), and the script is
    still read whole: the repeats stop before the reader's work budget runs out and cuts it short to its
    calls."""

    def make(n: int):
        data = shape(n).encode()
        return lambda: read_document("s.ps1", data, explicit=True)

    assert_linear(make, 200)
    assert _services("s.ps1", shape(400).encode())


def test_a_powershell_function_is_run_at_each_of_its_calls_within_its_bounds():
    document = read_document("s.ps1", (_vm_function(2) + _vm_calls(3)).encode(), explicit=True)
    (deployment,) = [r for r in document.resources if isinstance(r, Deployment)]
    assert [(r.name, r.availability_set) for r in deployment.roles] == [
        ("web0", "set0"),
        ("web1", "set1"),
        ("web2", "set0"),
    ]
    assert [s.name for s in deployment.roles[0].subnets] == ["s1"]  # Set-AzureSubnet replaces the subnets
    # Past `_MAX_CALLS_RUN` calls of one function, the others read as calls the reader does not follow.
    many = read_document("s.ps1", (_vm_function(0) + _vm_calls(100)).encode(), explicit=True)
    (deployment,) = [r for r in many.resources if isinstance(r, Deployment)]
    named = [r for r in deployment.roles if r.name.startswith("web")]
    assert len(named) == powershell._MAX_CALLS_RUN
    assert len(deployment.roles) == 100


# --- PowerShell: calls of a function with many parameters -------------------------------------------------

# A call binds its arguments to the function's parameters: by name (exact, else an unambiguous prefix), then
# by position. Read once per function, the parameters cost nothing more at a call that passes nothing, and a
# named argument finds the parameters it abbreviates without a walk over all of them.


def _many_parameters(count: int) -> str:
    parameters = ", ".join(f"$a{i}" for i in range(count))
    return f"function f({parameters}) {{ New-AzureQuickVM -Windows -ServiceName s -Name v -ImageName i -Location l }}\n"


# Each shape with the size it is measured at: a call that passes nothing costs little, so the calls are many
# for the cost of the parameters at each to show.
_MANY_PARAMETERS = {
    "called four times as often as it has parameters": (lambda n: _many_parameters(n) + "f\n" * (4 * n), 250),
    "called with as many named arguments that match none": (
        lambda n: _many_parameters(n) + "f" + " -z" * n + "\n",
        4000,
    ),
    "called with as many arguments that each abbreviate all": (
        lambda n: _many_parameters(n) + "f" + " -a" * n + "\n",
        4000,
    ),
}


@pytest.mark.parametrize(("shape", "size"), _MANY_PARAMETERS.values(), ids=_MANY_PARAMETERS.keys())
def test_powershell_calls_of_a_function_with_many_parameters(shape, size):
    """Doubling the parameters and the calls (or the arguments of one call) about doubles the work, and the
    script is still read whole: its calls do not run out the reader's work budget."""

    def make(n: int):
        data = shape(n).encode()
        return lambda: read_document("s.ps1", data, explicit=True)

    assert_linear(make, size)
    assert _services("s.ps1", shape(2 * size).encode()) == ["s"]


# --- PowerShell: the syntax index ------------------------------------------------------------------------

# Shapes on which a tree-sitter query over the whole tree cost time quadratic in their size: blocks and
# subexpressions nested in one another past 65,535 levels of the tree (the query's cursor counts depth in 16
# bits), and openers the grammar could not close (error recovery leaves the parser's stack as one flat run of
# children, and for each of them the query's cursor looks through the ones after it).
_HOSTILE_POWERSHELL = {
    "parentheses never closed": lambda n: b"$x = " + b"(" * n,
    "parentheses never closed, in a command": lambda n: b"Write-Host " + b"(" * n,
    "subexpressions never closed": lambda n: b"$x = " + b"$(" * n,
    "commas with nothing between them": lambda n: b"$x = 1" + b", " * n,
    "dashes with nothing after them": lambda n: b"$x = 1" + b" -" * n,
    "subexpressions nested": lambda n: b"$x = " + b"$(" * n + b"1" + b")" * n,
    "arrays nested": lambda n: b"$x = " + b"@(" * n + b"1" + b")" * n,
    "script blocks nested": lambda n: b"{" * n + b"}" * n,
}


@pytest.mark.parametrize("shape", _HOSTILE_POWERSHELL.values(), ids=_HOSTILE_POWERSHELL.keys())
def test_powershell_nesting_and_regions_the_grammar_cannot_read(shape):
    """Such a shape costs time linear in its size, and the calls of the script around it are still read
    (but for a bracket never closed, which PowerShell refuses: nothing is read then); or, past `MAX_NESTING` brackets open at once, the script is refused before it is parsed."""

    def make(n: int):
        data = b"New-AzureVM -ServiceName s -Location l\n" + shape(n) + b"\nGet-AzureVM\n"
        return lambda: read_document("s.ps1", data, explicit=True)

    assert_linear(make, 4000)
    document = read_document(
        "s.ps1", b"New-AzureVM -ServiceName s -Location l\n" + shape(4000), explicit=True
    )
    assert document is not None
    if b"(" in shape(2) or b"{" in shape(2):  # brackets opened one in another, n of them
        assert document.problem is not None and "nest more than 100 levels" in document.problem.message
    else:
        assert document.resources
    # Under the limit, the shape is read and so is the script around it.
    within = read_document(
        "s.ps1",
        b"New-AzureVM -ServiceName s -Location l\n" + shape(powershell.MAX_NESTING // 2),
        explicit=True,
    )
    assert within is not None
    if within.problem is not None:  # a bracket never closed: PowerShell runs none of it, nothing is read
        assert "is never closed" in within.problem.message and not within.resources
    else:
        assert within.resources


# --- Python -----------------------------------------------------------------------------------------------


def _python_chain(lines: int, length: int, doubled: bool) -> bytes:
    """`a0` a literal, then each name the one before it: once (a copy), or twice (`a2 = a1 + a1`)."""
    chained = [f"a{i} = a{i - 1}" + (f" + a{i - 1}" if doubled else "") for i in range(1, lines)]
    return _python([f"a0 = '{'x' * length}'", *chained], f"a{lines - 1}")


def test_a_python_chain_of_names_each_read_twice_is_evaluated_once_per_name(monkeypatch):
    """`a2 = a1 + a1`: without the work budget that cuts a hostile file short, reading the last name
    reads each name of the chain once, not once per path through the chain."""
    monkeypatch.setattr(python_script, "BUDGET_PER_BYTE", 1_000_000.0)

    def make(lines: int):
        return _read("s.py", _python_chain(lines, 0, doubled=True), "")

    assert_linear(make, 8)


def test_a_python_string_doubled_line_after_line_costs_what_a_chain_of_names_costs():
    """Fourteen doublings of a long literal read no slower than fourteen plain copies of it: the doubled
    string is unknown as soon as it is longer than any name, and no longer copied."""
    length, lines = 25_000, 14
    doubled = _read("s.py", _python_chain(lines, length, doubled=True), "")
    copied = _read("s.py", _python_chain(lines, length, doubled=False), "x" * length)
    assert_costs_at_most(doubled, LINEAR, copied)


def test_a_python_markup_string_doubled_line_after_line_costs_what_a_chain_of_names_costs():
    """A string holding markup (a REST body) is built longer than a name, up to MAX_BODY, each one past
    MAX_TEXT paid for by its length: fourteen doublings of it read no slower than fourteen plain copies."""
    length, lines = 25_000, 14

    def chain(doubled: bool) -> bytes:
        return _python_chain(lines, length, doubled).replace(b"a0 = 'x", b"a0 = '<")

    doubled = _read("s.py", chain(doubled=True), "")
    copied = _read("s.py", chain(doubled=False), "<" + "x" * (length - 1))
    assert_costs_at_most(doubled, LINEAR, copied)


def test_a_python_markup_string_is_built_up_to_the_longest_body_it_follows():
    lines = [f"long = '<{'x' * (MAX_BODY - 2)}'"]
    assert _services("s.py", _python(lines, "long + 'y'")) == ["<" + "x" * (MAX_BODY - 2) + "y"]
    assert _services("s.py", _python(lines, "long + 'yy'")) == [""]


def test_a_python_markup_template_filled_in_line_after_line():
    """A long body template filled in on each of n lines builds n long strings: each is paid for by its
    length, so past the script's budget they read as values not stated, and the cost stays linear in n."""

    def make(n: int):
        template = "<Body>" + "x" * 50_000 + "%s</Body>"
        filled = [f"b{i} = T % ('v{i}',)" for i in range(n)]
        data = _python([f"T = '{template}'", *filled], f"b{n - 1}")
        return lambda: read_document("s.py", data, explicit=True)

    assert_linear(make, 200)


def test_a_python_name_built_from_parts_is_read():
    lines = ["prefix = 'shop'", "env = '-prod'", "service = prefix + env", "full = service + '-eu'"]
    assert _services("s.py", _python(lines, "full")) == ["shop-prod-eu"]
    assert _services("s.py", _python(lines, "service + '-web'")) == ["shop-prod-web"]


def test_a_python_string_is_built_up_to_the_longest_name_it_follows():
    lines = [f"long = '{'x' * (MAX_TEXT - 1)}'"]
    assert _services("s.py", _python(lines, "long + 'y'")) == ["x" * (MAX_TEXT - 1) + "y"]
    assert _services("s.py", _python(lines, "long + 'yy'")) == [""]


def test_a_python_f_string_of_many_long_fields_is_measured_before_it_is_joined():
    """`f"{a}{a}...{a}"` with `a` a long constant: the fields' total length is past MAX_TEXT, and the
    string is not built to find that out (n fields of 10n characters would be n * 10n)."""

    n = 6000  # the string would be 360 million characters
    data = _python([f"a = '{'x' * (10 * n)}'", f'name = f"{"{a}" * n}"'], "name")
    # Measured against Python's own parse of the script, whose cost grows faster than the script itself
    # (CPython's f-string parser): the reader adds a bounded share to it.
    assert_costs_at_most(lambda: read_document("s.py", data, explicit=True), 4, lambda: ast.parse(data))


def test_one_python_rest_body_sent_to_many_services():
    """A role body PUT to n services is read once and applied to a bounded number of them: otherwise n
    copies of its n endpoints, each with its ACL finding (a million at n = 1,000)."""
    endpoints = "".join(
        f"<InputEndpoint><LocalPort>{i}</LocalPort><Name>e{i}</Name><Port>{i}</Port><Protocol>tcp</Protocol>"
        "<EndpointAcl><Rules><Rule><Order>1</Order><Action>permit</Action>"
        "<RemoteSubnet>0.0.0.0/0</RemoteSubnet></Rule></Rules></EndpointAcl></InputEndpoint>"
        for i in range(10)
    )
    body = (
        '<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure"><RoleName>vm</RoleName>'
        "<RoleType>PersistentVMRole</RoleType><ConfigurationSets><ConfigurationSet>"
        "<ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>"
        f"<InputEndpoints>{endpoints}</InputEndpoints></ConfigurationSet></ConfigurationSets></PersistentVMRole>"
    )
    calls = "".join(
        f"sms.perform_put('/sub/services/hostedservices/s{i}/deployments/d/roles/vm', BODY)\n"
        for i in range(300)
    )
    document = read_document(
        "deploy.py", (PYTHON_HEAD + f'BODY = """{body}"""\n' + calls).encode(), explicit=True
    )
    assert document is not None
    deployments = [r for r in document.resources if isinstance(r, Deployment)]
    assert len(deployments) == python_script._MAX_BODY_TARGETS


def test_many_python_requests_to_one_long_url():
    """A URL constant of 100n characters on the management host, requested n times: each request's name
    is bounded, and the URL is not scanned to its end again for each."""

    def make(n: int):
        url = "https://management.core.windows.net/sub/services/hostedservices/" + "a" * (100 * n)
        data = (f"import requests\nURL = '{url}'\n" + "requests.get(URL)\n" * n).encode()
        return lambda: read_document("call.py", data, explicit=True)

    assert_linear(make, 1000)


# --- PowerShell: a long array passed many times -----------------------------------------------------------

# An array the script builds is one value however often it is passed: a function's parameter holds it as it
# was passed (its strings unmarked once, not at each call), and a command the reader does not follow is
# given each VM configuration in it once (the array is walked once, not at each argument). Either walk, at
# each pass, cost up to 1,024 values for three bytes of script.

_LONG_ARRAY = ",".join(f"'v{i}'" for i in range(1023))  # with the array itself, the most values one holds


def _four_parameters(functions: int) -> list[str]:
    """Functions of four parameters, each called 64 times (all run) with `$x` given to every parameter."""
    lines = []
    for f in range(functions):
        lines += [f"function f{f}($a, $b, $c, $d) {{ $null }}", *[f"f{f} $x $x $x $x"] * 64]
    return lines


def _from_pipeline(functions: int) -> list[str]:
    """Functions whose parameter takes piped input, each given `$x` 64 times through the pipeline."""
    lines = []
    for f in range(functions):
        declared = f"function f{f} {{ param([Parameter(ValueFromPipeline)]$a, $b, $c) $null }}"
        lines += [declared, *[f"$x | f{f} $x $x"] * 64]
    return lines


_PASSED_MANY_TIMES = {
    "to every parameter of a function at each call": (_four_parameters, 4),
    "piped to a function and given to its other parameters": (_from_pipeline, 4),
    "to a command the reader does not know, eight times a line": (
        lambda n: ["Invoke-Thing" + " $x" * 8] * n,
        500,
    ),
    "to the method of an object": (lambda n: ["$object.Send($x, $x, $x, $x, $x, $x, $x, $x)"] * n, 500),
    "to variables assigned in code that may not run": (
        lambda n: ["if ($env:X) {", *[f"$k{j} = $x" for j in range(n)], "}"],
        250,
    ),
}


def _holding(lines: list[str], array: bool) -> bytes:
    """A script whose `lines` read `$x`: the long array, or (in a script as large) a string, with the
    array given to a variable nothing reads."""
    head = [f"$x = {_LONG_ARRAY}", "$other = 'v'"] if array else ["$x = 'v'", f"$other = {_LONG_ARRAY}"]
    return _powershell([*head, *lines], "s")


@pytest.mark.parametrize(("shape", "size"), _PASSED_MANY_TIMES.values(), ids=_PASSED_MANY_TIMES.keys())
def test_a_long_array_passed_many_times_costs_what_a_string_passed_costs(shape, size):
    """Passing the array costs about what passing a string does in a script of the same size, and the
    cost grows linearly with the passes. (The old walks grew linearly too, but at 1,024 values a pass:
    some 180 microseconds a byte, here 6 to 30 times what the same script costs with a string.)"""

    def make(n: int, array: bool = True):
        data = _holding(shape(n), array)
        return lambda: read_document("s.ps1", data, explicit=True)

    assert_linear(make, size)
    assert_costs_at_most(make(2 * size), 3, make(2 * size, array=False))
    assert _services("s.ps1", _holding(shape(2 * size), True)) == ["s"]


# --- PowerShell: what may end a path or change a value unseen ---------------------------------------------

# Traps found once for the whole script (the function each is in, in one sweep), a function that replaces a
# cmdlet undone after the branch that may not run it, a value read where something may have changed it (an
# array copied once, however often it is read), a parameter bound by an abbreviation of its alias without
# a walk over all of them: each costs what the script's size does.


def _trapping_functions(count: int) -> str:
    return "".join(
        f"function F{i} {{ trap {{ continue }}; function G{i} {{ throw 'x' }}; G{i}; throw 'y' }}\nF{i}\n"
        for i in range(count)
    )


def _shadowing_in_branches(count: int) -> str:
    body = "".join(f"function New-AzureVM {{ 'mock{i}' }}\nfunction Helper{i} {{ }}\n" for i in range(count))
    return "if ($a) { if ($b) { if ($c) {\n" + body + "} } }\n"


def _stale_array_read_often(count: int) -> str:
    items = ", ".join(f'"v{i}"' for i in range(count))
    reads = "".join("if ($list) { $x = 1 }\n" for _ in range(count))
    return f"$list = @({items})\nSet-Variable -Name list -Value @()\n{reads}"


def _aliases_abbreviated(count: int) -> str:
    parameters = ", ".join(f'[Alias("WithAcl{i}")][switch]$Acl{i}' for i in range(count))
    calls = "".join(f"Deploy -WithAcl{i}\nDeploy -With\n" for i in range(count))
    return f"function Deploy {{ param({parameters}) }}\n{calls}"


_UNSEEN_POWERSHELL = {
    "functions that each hold a trap": _trapping_functions,
    "cmdlets replaced in branches that may not run": _shadowing_in_branches,
    "an array something may change, read often": _stale_array_read_often,
    "parameters bound by an abbreviation of their alias": _aliases_abbreviated,
}


@pytest.mark.parametrize("shape", _UNSEEN_POWERSHELL.values(), ids=_UNSEEN_POWERSHELL.keys())
def test_powershell_paths_and_values_the_reader_does_not_decide(shape):
    def make(n: int):
        return _read("s.ps1", _powershell([shape(n)], '"svc"'), "svc")

    assert_linear(make, 500)


def _aliased_parameters(count: int) -> Node:
    """A function of `count` parameters with four aliases each, as the tree holds it."""
    parameters = ", ".join(f"[Alias('a{i}', 'b{i}', 'c{i}', 'd{i}')]$p{i}" for i in range(count))
    tree = powershell._parser().parse(f"function Deploy {{ param({parameters}) }}".encode())
    return tree.root_node.named_children[0].named_children[0]


def test_the_aliases_of_many_powershell_parameters_are_read_once_each():
    """Each alias is checked against the parameters' names without a walk over them."""

    def make(n: int):
        function = _aliased_parameters(n)
        return lambda: powershell._Signature.of(function)

    assert_linear(make, 2000)
    assert powershell._Signature.of(_aliased_parameters(3)).aliases == {
        f"{letter}{i}": f"p{i}" for i in range(3) for letter in "abcd"
    }


def test_many_extensions_set_on_one_vm_config():
    """Each `Set-AzureVMExtension` replaces the reference of its extension: found by name, not by a walk
    over every reference set before (which made a script of n extensions cost n squared)."""

    def make(n: int):
        lines = ['$vm = New-AzureVMConfig -Name "web01" -InstanceSize Small -ImageName "img"']
        lines += [f"$vm = Set-AzureVMExtension -VM $vm E{k} Pub 1.0" for k in range(n)]
        lines += ['$vm | New-AzureVM -ServiceName "shop" -Location "l"']
        data = "\n".join(lines).encode()
        return lambda: read_document("s.ps1", data, explicit=True)

    assert_linear(make, 2000)


def test_a_runbook_preparing_one_storage_account_again_and_again_is_checked_in_linear_time():
    """Each storage account Prepare asks whether a later Prepare moves VMs whose disks the account holds:
    answered once per account, not once per Prepare and service."""
    from migcheck.estate import link
    from migcheck.plugins import load_rules

    (rule,) = [r for r in load_rules(entry_points=False) if r.code == "MIG602"]

    def make(n: int):
        hosted = (
            '<HostedService xmlns="http://schemas.microsoft.com/windowsazure"><ServiceName>s{i}</ServiceName>'
            "<Deployments><Deployment><Name>s{i}</Name><RoleList><Role><RoleName>vm{i}</RoleName>"
            "<RoleType>PersistentVMRole</RoleType><OSVirtualHardDisk><MediaLink>"
            "https://data1.blob.core.windows.net/vhds/vm{i}.vhd</MediaLink></OSVirtualHardDisk></Role>"
            "</RoleList></Deployment></Deployments></HostedService>"
        )
        script = 'Move-AzureStorageAccount -Prepare -StorageAccountName "data1"\n' * n + "".join(
            f'Move-AzureService -Prepare -ServiceName "s{i}" -DeploymentName "s{i}" -CreateNewVirtualNetwork\n'
            for i in range(n)
        )
        docs = [read_document(f"h{i}.xml", hosted.format(i=i).encode(), explicit=False) for i in range(n)]
        docs.append(read_document("runbook.ps1", script.encode(), explicit=False))
        (estate,) = link([d for d in docs if d is not None])
        return lambda: list(rule.check(estate))

    assert_linear(make, 400)
