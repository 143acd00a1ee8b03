"""A command run through thousands of prefixes (`timeout 1 timeout 1 ... azure`, `xargs xargs ...`, `sudo`
after `sudo` in a command line `bash -c` runs) is read, each prefix taken off in turn: no length of chain
stops the read."""

from __future__ import annotations

import pytest

from migcheck.model import MAYBE_RUNS, Deployment, Script
from migcheck.readers import shell

LONG = 5000
CREATE = "azure vm create svc1 img u p -w net -b a"

CHAINS = {
    "timeout": "timeout 1 " * LONG + CREATE,
    "xargs": "xargs " * LONG + CREATE,
    "sudo in bash -c": 'bash -c "' + "sudo " * LONG + CREATE + '"',
    "mixed": "sudo nice -n 5 env X=1 timeout 30 " * (LONG // 4) + CREATE,
}


@pytest.mark.parametrize("kind", list(CHAINS))
def test_a_command_behind_thousands_of_prefixes_is_read(kind):
    doc = shell.read("deploy.sh", ("azure config mode asm\n" + CHAINS[kind] + "\n").encode())
    assert doc.problem is None
    (deployment,) = [r for r in doc.resources if isinstance(r, Deployment)]
    assert deployment.service_name == "svc1"
    (script,) = [r for r in doc.resources if isinstance(r, Script)]
    runs = [call.runs for call in script.calls if ("cloud-service", "svc1") in call.changes]
    assert (runs == [MAYBE_RUNS]) == (kind == "xargs")


def test_xargs_replacement_chained_replaces_the_words_of_the_command():
    text = "xargs -I {} xargs -n1 azure vm create {} img u p\n"
    (deployment,) = [r for r in shell.read("deploy.sh", text.encode()).resources if isinstance(r, Deployment)]
    assert deployment.service_name.startswith("<DNS name")
