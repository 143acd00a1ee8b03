"""The hooks a migcheck plugin implements. Built-in rules use the same hook as third-party ones."""

from __future__ import annotations

import pluggy

from migcheck.rule import Rule

hookspec = pluggy.HookspecMarker("migcheck")
hookimpl = pluggy.HookimplMarker("migcheck")


@hookspec
def migcheck_rules() -> list[type[Rule]]:  # type: ignore[empty-body]
    """Return the rule classes this plugin provides."""
