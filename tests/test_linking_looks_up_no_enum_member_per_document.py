"""Linking an estate looks up no enum member per document or role: on Python 3.11 a member looked up on its
class (`FileKind.REST`) goes through `EnumType.__getattr__`'s hook, and the link's scans of every
document for REST lists and network configurations, and `Role.is_vm`, did so 30,000 times on a
4,000-file estate (0.8% of its check)."""

from __future__ import annotations

import enum
import sys
from collections import Counter
from pathlib import Path

import pytest
from lint_support import lint_files

CSDEF = """\
<ServiceDefinition name="{0}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">
  <WebRole name="Web" vmsize="Small" />
</ServiceDefinition>
"""
CSCFG = """\
<ServiceConfiguration serviceName="{0}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">
  <Role name="Web"><Instances count="2" /></Role>
</ServiceConfiguration>
"""
LINKING = ("migcheck/estate.py", "migcheck/subscriptions.py", "migcheck/model.py")


def _lookups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, services: int) -> int:
    files = {}
    for n in range(services):
        files[f"svc{n}/ServiceDefinition.csdef"] = CSDEF.format(f"svc{n}")
        files[f"svc{n}/ServiceConfiguration.Cloud.cscfg"] = CSCFG.format(f"svc{n}")
    counted: Counter[str] = Counter()
    looked_up = type.__getattribute__

    def counting(cls: type, name: str) -> object:
        value = looked_up(cls, name)
        caller = sys._getframe(1).f_code.co_filename.replace("\\", "/")
        if isinstance(value, enum.Enum) and caller.endswith(LINKING):
            counted[caller] += 1
        return value

    with monkeypatch.context() as patched:
        patched.setattr(enum.EnumType, "__getattribute__", counting)
        lint_files(tmp_path / str(services), monkeypatch, files)
    return sum(counted.values())


def test_twice_the_services_take_no_more_enum_lookups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _lookups(tmp_path, monkeypatch, 10) == _lookups(tmp_path, monkeypatch, 20)
