"""A suppression comment naming no rule gets a guess only when one is close: a code one character off
(`MIG2O1` → MIG201), not any code that shares `MIG` and a digit (`MIG9999` is no MIG319)."""

from __future__ import annotations

from pathlib import Path

import pytest

from migcheck.config import Config
from migcheck.engine import lint
from migcheck.plugins import load_rules

CSCFG = (
    '<?xml version="1.0"?>\n<!-- migcheck: ignore-file[{token}] reason -->\n'
    '<ServiceConfiguration serviceName="s" '
    'xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">'
    '<Role name="W"><Instances count="1"/></Role></ServiceConfiguration>\n'
)


@pytest.mark.parametrize(
    ("token", "guess"),
    [
        ("MIG2O1", " (did you mean MIG201?)"),
        ("MIG2010", ""),  # one slip from MIG201 and from MIG210: no guess
        ("MIG9999", ""),
        ("MIG0", None),
    ],
)
def test_a_code_is_guessed_only_when_close(tmp_path: Path, token: str, guess: str | None):
    path = tmp_path / "ServiceConfiguration.Cloud.cscfg"
    path.write_text(CSCFG.format(token=token))
    messages = [f.message for f in lint([str(path)], Config(), load_rules()).findings if f.code == "MIG005"]
    if guess is None:  # a prefix of codes: a rule family, not a mistake
        assert messages == []
        return
    (message,) = messages
    assert message.endswith(f"silences nothing{guess}")
