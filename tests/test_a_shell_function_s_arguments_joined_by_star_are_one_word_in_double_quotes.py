"""A shell function that passes the words it is given on as one value (`--location "${*:2}"`, `--location
"$*"` after `shift`) gave its command a value the script does not state, so the cloud service's region was
unknown: `"$*"` and `"${*:2}"` are now the words the call gives, joined with a space, one word, as bash
joins them; unquoted, each is a word of its own, as `$@` is."""

from __future__ import annotations

import pytest
from lint_support import script_resources

from migcheck.model import Deployment, ServiceRegion

SCRIPTS = {
    "from the second": 'vm() {\n  azure vm create "$1" img ops Passw0rd! --location "${*:2}"\n}\n',
    "after shift": 'vm() {\n  local name=$1\n  shift\n  azure vm create "$name" img ops Passw0rd! --location "$*"\n}\n',
}


@pytest.mark.parametrize("shape", list(SCRIPTS))
def test_the_region_is_the_words_the_call_gives_joined(shape):
    resources = script_resources("#!/bin/bash\n" + SCRIPTS[shape] + "vm shop West Europe\n", "deploy.sh")
    regions = [(r.service, r.location) for r in resources if isinstance(r, ServiceRegion)]
    assert regions == [("shop", "West Europe")]


def test_unquoted_each_word_the_call_gives_is_a_word_of_its_own():
    script = (
        '#!/bin/bash\nvm() {\n  azure vm create "$1" img ops Passw0rd! ${*:2}\n}\nvm shop --vm-size Large\n'
    )
    [deployment] = [r for r in script_resources(script, "deploy.sh") if isinstance(r, Deployment)]
    assert [role.size for role in deployment.roles] == ["Large"]


def test_the_script_s_own_arguments_are_not_stated():
    script = '#!/bin/bash\nazure vm create shop img ops Passw0rd! --location "${*:2}"\n'
    assert [r for r in script_resources(script, "deploy.sh") if isinstance(r, ServiceRegion)] == []
