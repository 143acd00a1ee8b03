"""A command run in another process that runs another such, thousands deep (`docker run img docker run img
... azure`, `ssh h ssh h ...`, `su -c` in `su -c`), is read without failing, as deep as calls are followed
(past that, not read), at a cost that grows with the script's length alone."""

from __future__ import annotations

import pytest
from growth import assert_linear

from migcheck.readers import shell

SHUTDOWN = "azure vm shutdown web1"
NESTED = {
    "docker": lambda n: "docker run --rm img " * n + SHUTDOWN,
    "ssh": lambda n: "ssh h " * n + SHUTDOWN,
    "docker and ssh": lambda n: "docker exec c ssh h " * (n // 2) + SHUTDOWN,
}


@pytest.mark.parametrize("kind", list(NESTED))
def test_a_command_nested_thousands_of_processes_deep_is_read_without_failing(kind):
    doc = shell.read("deploy.sh", ("#!/bin/bash\n" + NESTED[kind](3000) + "\n").encode())
    assert doc.problem is None


@pytest.mark.parametrize("kind", list(NESTED))
def test_reading_processes_nested_deep_grows_with_the_script_s_length(kind):
    def make(n: int):
        data = ("#!/bin/bash\n" + NESTED[kind](n) + "\n").encode()
        return lambda: shell.read("deploy.sh", data)

    assert_linear(make, 500)
