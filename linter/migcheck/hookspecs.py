"""The hooks a migcheck plugin implements. Built-in rules use the same hook as third-party ones."""

from __future__ import annotations

import pluggy

from migcheck.rule import Rule

hookspec = pluggy.HookspecMarker("migcheck")
hookimpl = pluggy.HookimplMarker("migcheck")


@hookspec
def migcheck_rules() -> list[type[Rule]]:
    """Return the rule classes this plugin provides."""
    raise NotImplementedError  # a specification: pluggy calls the plugins' implementations, never this
