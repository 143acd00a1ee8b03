"""A method of the script's own named like a method of the SDK's service that checks its arguments
(`start_role`, `create_hosted_service`) is the script's: a call of it that surely raises ends the path as a
call of any of the script's functions that surely raises does, whatever the SDK's method of that name
would do with the call's arguments."""

from __future__ import annotations

import pytest
from test_python_a_call_the_sdk_refuses_ends_its_path import VM, _deployments

OWN = """\
class Ops:
    def {name}(self, role):
        raise RuntimeError(role)

Ops().{name}('web')
"""


@pytest.mark.parametrize("name", ["start_role", "create_hosted_service", "prepare"])
def test_a_call_of_the_scripts_own_method_that_raises_ends_the_path(name) -> None:
    assert _deployments(OWN.format(name=name) + VM.format(name="front", label="'l'")) == []
