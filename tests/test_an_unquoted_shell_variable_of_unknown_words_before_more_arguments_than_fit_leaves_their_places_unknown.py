"""An unquoted variable the script does not state (`$OPTS`) is split by bash into any number of words:
where a command is given more positional words than it takes (`azure vm create $OPTS web img ops pass`),
it is not one of them, and which place each word from it on fills is not known. It was read as the cloud
service (its holder naming it), so two creates given `$OPTS` were one service; now each word from it on
is a value not stated. Where the words fit (`azure vm create $SVC img ops pass`), it is one word, as before."""

from __future__ import annotations

from lint_support import script_resources

from migcheck.model import Deployment

_OPTIONS_FIRST = """\
#!/bin/bash
OPTS="$1"
azure vm create $OPTS web img ops Passw0rd! -l "West US"
azure vm create $OPTS web2 img ops Passw0rd! -l "West US"
"""


def _deployments(script: str) -> list[Deployment]:
    return [r for r in script_resources(script, "deploy.sh") if isinstance(r, Deployment)]


def test_two_creates_given_unknown_words_before_their_own_are_two_services_not_known():
    deployments = _deployments(_OPTIONS_FIRST)
    assert [d.mark.line for d in deployments] == [3, 4]
    assert all(d.service_name.startswith("<DNS name") for d in deployments)


def test_an_unquoted_variable_where_the_words_fit_is_the_one_word_it_names():
    script = '#!/bin/bash\nSVC="$1"\nfor vm in web1 web2; do\n  azure vm create --connect $SVC img ops Passw0rd! --vm-name "$vm" -l "West US"\ndone\n'
    [shop] = _deployments(script)
    assert [role.name for role in shop.roles] == ["web1", "web2"]


def test_a_command_line_the_script_states_in_part_is_still_its_words():
    """Only a value of nothing the script states may be any number of words: a command line held in a
    variable with one value it does not state (`-l $region`) is the words it writes, run by `parallel`."""
    script = '#!/bin/bash\ncmd="azure vm create svc img -l $region azureuser"; parallel $cmd\n'
    [svc] = _deployments(script)
    assert svc.service_name == "svc"
