"""The `migcheck` command. Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 the
tool could not do its job (bad arguments, bad config, a plugin that fails to load)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from migcheck import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """The tool cannot do its job; the message says why and what to do."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except UsageError as exc:
        print(f"migcheck: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `migcheck check | head`
        sys.stderr.close()
        return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="migcheck",
        description="Check Azure classic (Service Management) files for what blocks migration to Azure "
        "Resource Manager.",
    )
    parser.add_argument("--version", action="version", version=f"migcheck {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    check = commands.add_parser("check", help="check files and folders (default: the current folder)")
    check.add_argument(
        "paths", nargs="*", default=["."], metavar="PATH", help="files, folders, or - for stdin"
    )
    check.add_argument("--select", action="append", default=[], metavar="RULES", help="only these rules")
    check.add_argument("--ignore", action="append", default=[], metavar="RULES", help="skip these rules")
    check.add_argument("--fail-on", choices=("error", "warning", "info"), help="lowest severity that fails")
    check.add_argument("--format", default="text", help="text (default), concise or json")
    check.add_argument("--config", metavar="FILE", help="settings file (default: nearest pyproject.toml)")
    check.add_argument("--stdin-filename", metavar="PATH", help="the path the stdin buffer stands for")
    check.set_defaults(run=_check)

    rule = commands.add_parser("rule", help="show a rule's documentation")
    rule.add_argument("rule", metavar="CODE|NAME")
    rule.set_defaults(run=_rule)

    rules = commands.add_parser("rules", help="list every rule")
    rules.set_defaults(run=_rules)
    return parser


def _load_rules():
    from migcheck.plugins import PluginError, load_rules

    try:
        return load_rules()
    except PluginError as exc:
        raise UsageError(str(exc)) from None


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(token.strip() for value in values for token in value.split(",") if token.strip())


def _check(args: argparse.Namespace) -> int:
    from migcheck.config import ConfigError, load_config
    from migcheck.engine import RuleError, lint
    from migcheck.model import Severity
    from migcheck.report import FORMATS, render

    if args.format not in FORMATS:
        raise UsageError(f"unknown format {args.format!r}; choose one of {', '.join(FORMATS)}")
    rules = _load_rules()
    stdin = None
    if args.stdin_filename:
        stdin = sys.stdin.buffer.read()
    try:
        config = load_config(args.config)
        config = config.with_overrides(
            select=_split(args.select),
            ignore=config.ignore + _split(args.ignore),
            fail_on=Severity.parse(args.fail_on) if args.fail_on else None,
        )
        paths = args.paths
        if args.stdin_filename and "-" not in paths:
            paths = [*paths, "-"]
        result = lint(paths, config, rules, stdin=stdin, stdin_path=args.stdin_filename or "-")
    except (ConfigError, RuleError) as exc:
        raise UsageError(str(exc)) from None
    sys.stdout.write(render(result, args.format))
    return EXIT_FINDINGS if result.failed(config.fail_on) else EXIT_OK


def _rule(args: argparse.Namespace) -> int:
    rule = _load_rules().get(args.rule)
    if rule is None:
        raise UsageError(f"no rule {args.rule!r}; `migcheck rules` lists them")
    sys.stdout.write(rule.documentation())
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    for rule in _load_rules():
        sys.stdout.write(f"{rule.code}  {rule.name:<34} {rule.severity!s:<8} {rule.summary}\n")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
