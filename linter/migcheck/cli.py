"""The `migcheck` command. Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 the
tool could not do its job (bad arguments, bad config, a plugin that fails to load)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, NoReturn, TextIO

from migcheck import __version__
from migcheck.report import FORMATS
from migcheck.visible import SPELLED, visible

if TYPE_CHECKING:
    from collections import Counter

    from migcheck.config import Config
    from migcheck.engine import LintResult
    from migcheck.model import Mark, Severity
    from migcheck.progress import FileTimes
    from migcheck.rule import Rule, RuleSet
    from migcheck.source import SourceText

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """The tool cannot do its job; the message says why and what to do."""


class OptionError(UsageError):
    """A bad option or value on the command line: shown as argparse's own errors are, with a second line
    naming the command's --help (`_refusal`)."""


def _refusal(prog: str, message: str) -> str:
    """The lines a bad option or value is answered with: what is wrong, and where to read more. The one
    place they are worded, for argparse's errors and migcheck's own alike."""
    return f"{message}\nRun '{prog} --help' for its options.\n"


# What a command made, kept until the process ends when `run` ends it (see `run`); None when the command runs
# in a process that goes on (tests, a caller of `main`), where it is freed as usual.
_KEPT_TO_THE_END: list[object] | None = None


def run() -> NoReturn:
    """The `migcheck` command as a process of its own (the console script, `python -m migcheck`): `main`,
    then the process ends without freeing, object by object, what the command made: after a check of
    4,000 files had written its report, freeing its model and then the interpreter took 15 to 70 ms more
    than ending at once, about as long as the walk of the folder; the system takes back a process's memory
    whole. What Python's own exit
    does that a command's user sees is done first: exit handlers run (a plugin's) and standard output and
    error are flushed. Where flushing fails, or other threads still run, Python's own exit takes over."""
    global _KEPT_TO_THE_END
    _KEPT_TO_THE_END = []
    reconfigure = getattr(sys.stderr, "reconfigure", None)
    if reconfigure is not None:  # its messages spell migcheck's typography as standard output does
        reconfigure(errors=SPELLED)
    try:
        code = main()
    except KeyboardInterrupt:
        _end_as_interrupted()
    threading = sys.modules.get("threading")
    if not isinstance(code, int) or (threading is not None and threading.active_count() > 1):
        sys.exit(code)  # Python's own exit waits for the threads, then runs the exit handlers
    import atexit

    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except Exception:
        sys.exit(code)  # Python's own exit says what failed, as it always does
    os._exit(code)


def _end_as_interrupted() -> NoReturn:
    """Ctrl-C: one line in place of Python's traceback, then the process ends by SIGINT, as an interrupted
    program does, so that a shell loop or a make that ran it stops too, and the exit codes keep their
    meaning (2 is migcheck's own refusal); where a signal cannot end it (Windows), with exit code 2."""
    print(
        "migcheck: interrupted (Ctrl-C): the run stopped before its end; run it again for a whole report",
        file=sys.stderr,
    )
    sys.stderr.flush()
    if os.name == "posix":
        import signal

        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
    sys.exit(EXIT_ERROR)


def _keep_to_the_end(made: object) -> None:
    """Keep `made` until the process ends, when `run` ends it (see `run`)."""
    if _KEPT_TO_THE_END is not None:
        _KEPT_TO_THE_END.append(made)


def main(argv: Sequence[str] | None = None) -> int:
    if list(sys.argv[1:] if argv is None else argv) in (["--version"], ["-V"]):
        # As argparse's version action prints it and exits, without building every command's parser first
        # (and importing what argparse's help formatter imports): most of what `--version` cost.
        print(f"migcheck {__version__}")
        raise SystemExit(EXIT_OK)
    with _collector_paused():
        args = _parser().parse_args(argv)
        try:
            return args.run(args)
        except OptionError as exc:
            print(
                f"migcheck: error: {_refusal(f'migcheck {args.command}', visible(str(exc)))}",
                end="",
                file=sys.stderr,
            )
            return EXIT_ERROR
        except UsageError as exc:
            # Messages quote paths and values from the command line and the files: escaped, like every
            # report.
            print(f"migcheck: error: {visible(str(exc))}", file=sys.stderr)
            return EXIT_ERROR
        except BrokenPipeError:  # `migcheck check | head`: whatever else printed when the reader left
            _silence_stdout()
            return EXIT_OK


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused for a command. Loading the rules creates thousands of objects
    (classes, dataclasses, documentation) and no garbage cycles, so the collector ran dozens of times for
    nothing: a quarter of the start-up. `migcheck.engine.lint` pauses it for the run as well.

    Re-enabled, the collector would still scan every object the command made, once at once and again as
    Python exits: a fifth of a run on a small folder, to find the modules, rules and model alive. So the
    first command in a process (nothing frozen yet) moves them out of its reach (`gc.freeze`), as the
    pytest plugin does with its estate; a program that runs commands again and again (the tests) freezes
    only what the first one left, never each one's garbage."""
    import gc

    from migcheck import collector

    with collector.paused():
        try:
            yield
        finally:
            if not gc.get_freeze_count():
                gc.freeze()


def _help_formatter(prog: str) -> argparse.HelpFormatter:
    """argparse's help formatter, told the terminal's width. Left to find it, the formatter imports shutil
    (and with it bz2 and lzma), and argparse builds one for each argument added, to check its metavar: every
    command paid for modules only help needs."""
    return argparse.HelpFormatter(prog, width=_terminal_width() - 2)  # as argparse sizes its own


def _terminal_width() -> int:
    """The columns of the terminal, found as `shutil.get_terminal_size` finds them: $COLUMNS when it is a
    positive number, else the terminal standard output is, else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdecimal() and int(columns) > 0:
        return int(columns)
    try:
        size = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):  # no standard output, or not a terminal
        return 80
    return size or 80


class _Parser(argparse.ArgumentParser):
    """A usage error is one line that says what is wrong, and where to read more: argparse printed the
    whole usage block first, up to ten lines above the one that matters. Help is sized by
    `_help_formatter`."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _help_formatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> NoReturn:
        # `migcheck: error:` for every command, as migcheck's own refusals begin (`main`): not
        # `migcheck check: error:` for argparse's alone. The --help line names the command.
        program = self.prog.split(" ", 1)[0]
        if self.prog == program and message.endswith(": COMMAND"):  # `migcheck` alone, a first try
            message = "give a command: `migcheck check` checks the current folder, `migcheck check PATH` a file or folder"
        self.exit(2, f"{program}: error: {_refusal(self.prog, message)}")

    def _check_value(self, action: argparse.Action, value: object) -> None:
        """A value that is not among an option's or a command's choices is told the choice nearest it,
        as a rule code is (`migcheck chek`: did you mean check?)."""
        try:
            super()._check_value(action, value)
        except argparse.ArgumentError as error:
            import difflib

            choices = [str(choice) for choice in action.choices or ()]
            close = difflib.get_close_matches(str(value), choices, n=1)
            if not close or "maybe you meant" in error.message:  # Python 3.14 may suggest it already
                raise
            said = f"invalid choice: {str(value)!r} (did you mean {close[0]}?); choose one of {', '.join(choices)}"
            raise argparse.ArgumentError(action, said) from None


class _CommandParser(_Parser):
    """A subcommand's parser. An option it does not know is its own error, shown under its own usage:
    argparse leaves unknown arguments to the top-level parser, whose usage names no option of the
    command (`migcheck check --bogus` printed `usage: migcheck [-h] [-V] COMMAND ...`).

    Paths may come before and after options, as ruff and pytest take them (`migcheck check a --select
    MIG201 b`, `... --fix -`): argparse's plain parse takes a list of positionals once, and refused the
    rest as unrecognized. `parse_known_intermixed_args` parses the options first, then the positionals;
    it calls `parse_known_args` itself, which then parses as argparse does. What follows `--` is paths
    whatever it looks like (`-weird.cscfg`): Python 3.11's intermixed parse drops such arguments, so they
    are set apart first and added to the paths after."""

    _intermixing = False

    def parse_known_args(self, args=None, namespace=None):
        if self._intermixing:
            return super().parse_known_args(args, namespace)
        args = list(sys.argv[1:] if args is None else args)
        head, tail = (
            (args[: args.index("--")], args[args.index("--") + 1 :]) if "--" in args else (args, None)
        )
        if tail is not None and not any(action.dest == "paths" for action in self._actions):
            parsed, extras = super().parse_known_args(args, namespace)  # `--` before a single value
        else:
            self._intermixing = True
            try:
                parsed, extras = self.parse_known_intermixed_args(head, namespace)
            finally:
                self._intermixing = False
            if tail:
                parsed.paths = [*parsed.paths, *tail]
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="migcheck",
        description="Check Azure classic (Service Management) files for what blocks migration to Azure "
        "Resource Manager.",
    )
    parser.add_argument("-V", "--version", action="version", version=f"migcheck {__version__}")
    commands = parser.add_subparsers(
        title="commands", metavar="COMMAND", required=True, parser_class=_CommandParser
    )

    check = commands.add_parser(
        "check",
        help="check files and folders (default: the current folder)",
        description="Report what blocks the migration of the classic resources the files describe, at the "
        "element or command that causes it, then a readiness summary. Exit 0: nothing at or above "
        "--fail-on; 1: findings at or above it; 2: migcheck could not do its job.",
        epilog="example: migcheck check infra/ --select MIG2,endpoint-acl --format concise",
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, or - for stdin (default: .)")
    _add_rule_options(check)
    check.add_argument("--fail-on", choices=("error", "warning", "info"), help="lowest severity that fails")
    formats = check.add_argument("--format", default="text", help=f"{', '.join(FORMATS)} (default: text)")
    # Not argparse's `choices`: _check names them in its own error. `migcheck.completion` completes these.
    formats.completions = tuple(FORMATS)  # type: ignore[attr-defined]
    check.add_argument(
        "--config",
        metavar="FILE",
        help="settings file (default: the nearest pyproject.toml or migcheck.toml above the paths)",
    )
    check.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help=(
            "read the files, and locate their findings, in N processes (default: one per idle core, up to 4, "
            "from 500 files on Linux)"
        ),
    )
    _add_gitignore_option(check)
    check.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="lint stdin as this file, in place of its saved version among the project's files; "
        "report its findings only",
    )
    _add_ci_options(check)
    _add_fix_options(check)
    _add_output_options(check)
    check.set_defaults(run=_check)

    rule = commands.add_parser(
        "rule",
        help="show a rule's documentation, or list the rules a prefix names",
        description="Print the documentation of the rule a code or name gives: what it finds, why, what to "
        "do, an example and how to suppress it, wrapped to the terminal's width (piped, the Markdown of "
        "docs/rules.md); a prefix (MIG2, MIG, ALL) lists the rules it names, as `migcheck rules` does.",
        epilog="examples: migcheck rule MIG201; migcheck rule endpoint-acl; migcheck rule MIG2",
    )
    rule.add_argument("rule", metavar="CODE|NAME|PREFIX", help="MIG201, endpoint-acl, or MIG2")
    rule.set_defaults(run=_rule)

    rules = commands.add_parser(
        "rules",
        help="list every rule",
        description="List every rule, plugins' too: code, name, severity and summary, one a line.",
        epilog="example: migcheck rules --format json",
    )
    rules.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    rules.set_defaults(run=_rules)

    _add_badge(commands)
    _add_plan(commands)

    completion = commands.add_parser(
        "completion",
        help="print a shell completion script",
        description="Print the script that completes migcheck's commands, options and rules in a shell.",
        epilog="example, in ~/.bashrc: source <(migcheck completion bash)",
    )
    completion.add_argument("shell", choices=("bash", "zsh", "fish"), help="the shell to complete in")
    completion.set_defaults(run=_completion)

    server = commands.add_parser(
        "server",
        help="run the language server for editors (LSP over stdio)",
        description="The language server for editors: it speaks the Language Server Protocol over standard "
        "input and output, and the editor starts it, not you. It needs pygls (migcheck's `lsp` extra). "
        "docs/editor.md, section 'Language server', says how to set it up in VS Code and Neovim.",
    )
    server.set_defaults(run=_server)
    for name, command in commands.choices.items():
        command.set_defaults(command=name)  # the --help an option error names (`_refusal`)
    return parser


# What --select and --ignore take, as `migcheck.config.specificity` matches it.
_RULES_HELP = "comma-separated codes, prefixes or names (MIG201,MIG3,endpoint-acl)"


def _add_rule_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--select", action="append", default=[], metavar="RULES", help=f"only these rules: {_RULES_HELP}"
    )
    command.add_argument(
        "--ignore", action="append", default=[], metavar="RULES", help=f"skip these rules: {_RULES_HELP}"
    )


def _add_gitignore_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--no-respect-gitignore",
        dest="respect_gitignore",
        action="store_false",
        default=None,
        help="check files that .gitignore files ignore too (default: the config's respect-gitignore, true)",
    )


def _add_baseline_options(
    command: argparse.ArgumentParser | argparse._ArgumentGroup, *, hides: bool = True
) -> None:
    """--baseline and --no-baseline, which check, plan and badge honour alike (`config.baseline`). `hides`:
    the command leaves out what the baseline records (check); the plan and the badge count it all the same,
    since the platform refuses it all the same, and only mark it known."""
    baseline = (
        "report only findings not recorded in FILE"
        if hides
        else "mark the findings recorded in FILE as known (they still count: the platform refuses them all the same)"
    )
    applies_none = "every finding is reported (and fixed)" if hides else "no finding is marked as known"
    command.add_argument(
        "--baseline", metavar="FILE", help=f"{baseline} (default: the config's `baseline`, if any)"
    )
    command.add_argument(
        "--no-baseline",
        action="store_true",
        help=f"apply no baseline, not even the config's `baseline`: {applies_none}",
    )


def _load_rules():
    from migcheck.plugins import PluginError, load_rules

    try:
        return load_rules(warn=_warn)
    except PluginError as exc:
        raise UsageError(str(exc)) from None


def _warn(message: str) -> None:
    print(f"migcheck: warning: {visible(message)}", file=sys.stderr)


def _jobs(value: str) -> int:
    """--jobs: a whole number of processes, at least 1 (argparse names the option in the error)."""
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes, 1 or more, got {value!r}")
    return jobs


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(token.strip() for value in values for token in value.split(",") if token.strip())


def _check(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from migcheck.baseline import BaselineError
    from migcheck.config import ConfigError, baseline_problem, load_config
    from migcheck.engine import RuleError, lint
    from migcheck.model import Severity
    from migcheck.report import SHOWN_LINES

    _refuse_unknown_format(args, "check")
    _refuse_empty_names(args)
    _refuse_conflicts(args)
    _refuse_fixing_stdin(args)
    _refuse_stdin_folder(args.stdin_filename)
    rules = _load_rules()
    _say_when_stdin_is_the_terminal(args)
    stdin = None
    if args.stdin_filename:
        from migcheck.guarded import read_stdin
        from migcheck.readers import MAX_FILE_BYTES

        try:
            stdin = read_stdin(MAX_FILE_BYTES + 1)  # the reader reports anything larger
        except OSError as exc:
            raise UsageError(f"--stdin-filename: cannot read standard input: {exc.strerror or exc}") from None
    try:
        config = load_config(
            args.config,
            start=_settings_start(args.paths, args.stdin_filename),
            # --write-baseline reads no baseline: it records what the settings and comments let through.
            baseline_given=bool(args.baseline or args.write_baseline or args.no_baseline),
        )
        _check_rules_named(rules, config, args)
        config = config.with_overrides(
            select=_split(args.select),
            ignore=config.ignore + _split(args.ignore),
            fail_on=Severity.parse(args.fail_on) if args.fail_on else None,
            baseline=args.baseline,
            respect_gitignore=args.respect_gitignore,
        )
        if args.write_baseline:
            # The new baseline records everything the config and comments let through, including what
            # the old one knew; and the old one need not exist yet.
            config = replace(config, baseline="")
        config = config.with_own_files(args.baseline, *_written_files(args.output_file, args.write_baseline))
        # With --stdin-filename and no path, the engine reads the project root around the buffer.
        paths = args.paths or ([] if args.stdin_filename else ["."])
        _check_paths_exist(paths)
        if args.show_settings or args.show_files:
            return _show(args, config, rules, paths)
        _warn_about_jobs(args)
        with _watching(args, config) as progress:
            result = lint(
                paths,
                config,
                rules,
                stdin=stdin,
                stdin_path=args.stdin_filename or "-",
                inline_suppressions=not args.no_inline_suppressions,
                progress=progress,
                whole_estate=_describes_estate(args),
                # --verbose times each file, which only reading them one after another can do.
                jobs=1 if args.verbose else args.jobs,
                show_lines=args.format in SHOWN_LINES,
                # --verbose says what it could not read of scripts that may have no findings.
                every_text=args.verbose,
            )
    except BaselineError as exc:
        raise UsageError(baseline_problem(exc, config, args.baseline, "--no-baseline")) from None
    except (ConfigError, RuleError) as exc:
        raise UsageError(str(exc)) from None
    _keep_to_the_end(result)
    _refuse_overwriting_inputs(
        args.write_baseline or args.output_file, result, config, paths, args.stdin_filename
    )
    if isinstance(progress, _Reading):
        progress.note_skipped(result)
        progress.note_not_classic(result)
        progress.note_unread_parts(result)
        progress.note_plugins()
    _warn_about_unmatched_patterns(result, config)
    if not args.stdin_filename:
        _warn_if_nothing_checked(result, paths, config)
    if args.diff:
        return _diff(result, args)
    if args.fix:
        return _fix(result, args, config, paths, rules)
    return _report(result, args, config, paths)


# The formats each command writes. A command asked for another's format is told which command writes it.
PLAN_FORMATS = ("text", "markdown", "html", "json")
BADGE_FORMATS = ("svg", "shields")


def _formats_by_command() -> dict[str, tuple[str, ...]]:
    return {"check": tuple(FORMATS), "plan": PLAN_FORMATS, "badge": BADGE_FORMATS}


def _unknown_format(name: str, command: str = "check") -> str:
    """What `COMMAND --format NAME` is answered with: the formats there are, the one meant for a slip
    (`josn`), or the command that writes that format (`markdown` is the plan's, `sarif` the check's)."""
    from migcheck.config import closest

    by_command = _formats_by_command()
    own = by_command[command]
    choices = f"choose one of {', '.join(own)}"
    wanted = name.strip().lower()
    writer = next(
        (other for other, formats in by_command.items() if wanted in formats and other != command), None
    )
    if writer is not None:
        return (
            f"unknown format {name!r}: {wanted} is a format of `migcheck {writer}` (`migcheck {writer} "
            f"--format {wanted}`); for {command}, {choices}"
        )
    return f"unknown format {name!r}{closest(name, own)}; {choices}"


def _refuse_unknown_format(args: argparse.Namespace, command: str) -> None:
    if args.format not in _formats_by_command()[command]:
        raise OptionError(_unknown_format(args.format, command))


def _written_files(*paths: str | None) -> list[str]:
    """The files of `paths` (those given) a run writes that are migcheck's own, never read as inputs: last
    run's report or baseline. One that describes something classic is an input, which the run reads, and
    refuses to write (`_refuse_overwriting_inputs`), also by the name it has once writing has made the
    folders on its way (`missing/../a.cscfg` is `a.cscfg`)."""
    from migcheck.engine import classic_file

    return [
        path
        for path in paths
        if path and path != "-" and not (classic_file(path) or classic_file(os.path.abspath(path)))
    ]


def _refuse_overwriting_inputs(
    output: str | None,
    result: LintResult,
    config: Config,
    paths: Sequence[str],
    saved_buffer: str | None = None,
) -> None:
    """A report, baseline or badge file that is one of the files the run read (a file checked, the
    settings file, the baseline it applied, an ignore file of the walk, the saved file behind an editor's
    buffer) is refused, before anything is written or fixed; so is one whose path goes through a linked
    folder of the project (`migcheck.output`). A file read that holds nothing classic is not checked: last
    run's report.json or junit.xml, read again by `check .`, is replaced as ever."""
    if output is None:
        return
    from migcheck.output import OutputError, refuse_inputs, refuse_linked_folders

    inputs = [(opened, shown, "a file this run checks") for shown, opened in result.fs_paths.items()]
    if saved_buffer:
        inputs.append((saved_buffer, saved_buffer, "the file --stdin-filename checks"))
    if config.source:
        inputs.append((config.source, config.source, "the settings file this run reads"))
    if config.baseline:
        inputs.append((config.baseline, config.baseline, "the baseline this run reads"))
    if config.respect_gitignore:
        inputs += [(path, output, "an ignore file this run reads") for path in _ignore_files(output, paths)]
    try:
        refuse_linked_folders(output, config.root)
        refuse_inputs(output, inputs)
    except OutputError as exc:
        raise UsageError(str(exc)) from None


def _ignore_files(output: str, paths: Sequence[str]) -> list[str]:
    """The ignore files a walk of the folders in `paths` reads that `output` may be: the `.gitignore` of
    its folder when that folder is walked, or lies between a walked folder and its repository's root,
    and that repository's `.git/info/exclude` (`migcheck.discover`)."""
    import os

    folder = os.path.dirname(os.path.abspath(output))
    found = []
    for top in (os.path.abspath(path) for path in paths if os.path.isdir(path)):
        repository = _repository_root(top)
        outer = repository or top
        if _within(folder, top) or (_within(top, folder) and _within(folder, outer)):
            found.append(os.path.join(folder, ".gitignore"))
        if repository is not None:
            found.append(os.path.join(repository, ".git", "info", "exclude"))
    return found


def _repository_root(folder: str) -> str | None:
    """The nearest folder at or above `folder` that holds `.git`, as the walk looks for it."""
    import os

    while not os.path.lexists(os.path.join(folder, ".git")):
        if os.path.dirname(folder) == folder:
            return None
        folder = os.path.dirname(folder)
    return folder


def _within(path: str, folder: str) -> bool:
    import os

    return path == folder or path.startswith(os.path.join(folder, ""))


def _warn_about_unmatched_patterns(result: LintResult, config: Config) -> None:
    """A settings pattern that matches no file is a typo or a stale path more often than not: say so on
    standard error, once per pattern, and run as ever (the exit code does not change)."""
    from migcheck.config import unmatched_pattern_warning

    for key, pattern in result.unmatched:
        print(f"migcheck: warning: {unmatched_pattern_warning(config, key, pattern)}", file=sys.stderr)


def _warn_if_nothing_checked(result: LintResult, paths: list[str], config: Config) -> None:
    """A green run that checked nothing is a misconfigured CI job more often than a clean repository: say
    so on standard error (`check`, and `badge` and `plan`, whose "ready" would pass as unnoticed). So is
    a run where --select, --ignore and the config leave no rule to run."""
    if not result.enabled:
        print(
            f"migcheck: warning: no rule runs: --select, --ignore and the config's `select` and `ignore` "
            f"leave out all {len(result.rules)} rules, so nothing is checked (`--show-settings` shows "
            "which ones run)",
            file=sys.stderr,
        )
    if result.unread or result.describes_anything():
        return
    from migcheck.formats import KINDS_READ

    print(
        f"migcheck: warning: {_nothing_classic_in(paths)}{_transforms_read(result, paths)} ({KINDS_READ})"
        f"{_patterns_that_may_leave_out(config)}",
        file=sys.stderr,
    )


def _transforms_read(result: LintResult, paths: list[str]) -> str:
    """What a run that found only XML document transforms (`ServiceConfiguration.Release.cscfg`) must say:
    it read them, and a transform is checked with the file it edits, which the run did not find."""
    if not result.documents:  # nothing read: no reader to import (an empty folder's check stays light)
        return ""
    from migcheck.readers import is_transform, transformed_file

    transforms = [document for document in result.documents if is_transform(document)]
    if not transforms:
        return ""
    first = transforms[0]
    more = f" and {len(transforms) - 1} more" if len(transforms) > 1 else ""
    are = "are XML document transforms" if more else "is an XML document transform"
    # The one file named, just said to be no classic file: not named again.
    named_alone = len(paths) == 1 and len(transforms) == 1 and os.path.isfile(paths[0])
    which = "it" if named_alone else visible(first.path)
    return (
        f": {which}{more} {are} (xdt:Transform), the changes a build makes to a base file such "
        f"as {visible(transformed_file(first))}, not a configuration of its own: name the folder that holds "
        "the base file too, or the file the build writes from both; migcheck reads"
    )


def _say_when_stdin_is_the_terminal(args: argparse.Namespace) -> None:
    """A check of standard input (`-`, --stdin-filename) typed at a prompt waits for the file's text from
    the terminal: say so, or it seems to hang."""
    # A stream put in standard input's place (by a tool that embeds migcheck) may have no `isatty`.
    isatty = getattr(sys.stdin, "isatty", None)
    if not (args.stdin_filename or "-" in args.paths) or not callable(isatty) or not isatty():
        return
    name = visible(args.stdin_filename) if args.stdin_filename else "the file"
    why = "--stdin-filename" if args.stdin_filename else "the path `-`"
    print(
        f"migcheck: {why} reads {name} from standard input, here the terminal: paste its text, then press "
        "Ctrl-D; to check files on disk, name them (without --stdin-filename or `-`)",
        file=sys.stderr,
    )


def _nothing_classic_in(paths: list[str]) -> str:
    """ "no classic Azure files under docs", or, of files named alone, "tool.ps1 is no classic Azure file"."""
    shown = visible(", ".join(paths))
    if not paths or not all(os.path.isfile(path) for path in paths):
        return f"no classic Azure files under {shown}"
    return f"{shown} {'is no classic Azure file' if len(paths) == 1 else 'are no classic Azure files'}"


def _patterns_that_may_leave_out(config: Config) -> str:
    """The settings' `include` and `exclude`, which apply to the files and folders named on the command
    line too (as a pre-commit hook names them): a run left with nothing by them must say so, or a
    classic file named, or a folder outside `include`, reads as holding no classic file."""
    from migcheck.config import shown_value

    said = [
        f"`{key}` {', '.join(shown_value(str(glob)) for glob in globs)}"
        for key, globs in (("include", config.include), ("exclude", config.exclude))
        if globs
    ]
    if not said:
        return ""
    where = visible(config.source) if config.source else "the settings"
    return (
        f", or none that {where}'s {' and '.join(said)} let through (they apply to files named too; "
        "`--show-files` lists the files checked)"
    )


def _refuse_empty_names(args: argparse.Namespace) -> None:
    """An option naming a file, or rules, with an empty string (`--write-baseline "$UNSET"`) is a mistake
    in the command: refused, never taken as the option not given."""
    for option, instead in _FILE_OPTIONS.items():
        if getattr(args, option, None) == "":
            name = f"--{option.replace('_', '-')}"
            raise OptionError(f"{name}: no file named (an empty path); {instead.format(option=name)}")
    _refuse_folder_names(args)
    # `--select ""` selected every rule, the opposite of what it says (`select = []` in a config too).
    from migcheck.config import EMPTY_SELECTION

    for value in getattr(args, "select", ()):
        if not _split([value]):
            raise OptionError(f"--select {value!r} names no rule: {EMPTY_SELECTION}")


def _refuse_folder_names(args: argparse.Namespace) -> None:
    """A file to write named as a folder (`--output-file out/`) is a mistake in the command, refused before
    anything is made, with the command's --help as for any bad value."""
    from migcheck.output import folder_named

    for option in _WRITTEN_FILE_OPTIONS:
        refused = folder_named(getattr(args, option, None) or "")
        if refused:
            raise OptionError(refused)


# The options that name a file to write (by their `args` name).
_WRITTEN_FILE_OPTIONS = ("output_file", "write_baseline")
# The options that name a file (by their `args` name), and what to do instead of naming none.
_FILE_OPTIONS = {
    "config": "name a settings file, or leave {option} out to read the nearest pyproject.toml or "
    "migcheck.toml above the paths",
    "output_file": "name the file to write, or leave {option} out to write to standard output",
    "baseline": "name the baseline file, or leave {option} out to apply the config's `baseline`",
    "write_baseline": "name the file to record the findings in",
    "stdin_filename": "name the file standard input holds",
}


# Options each of which replaces what another does: (option, the options it cannot be honoured with, why).
# --format counts when it asks for another report than the default text one.
_CONFLICTS = (
    ("--fix", ("--diff",), "--fix writes the fixes and --diff only shows them: choose one"),
    (
        "--diff",
        ("--write-baseline", "--statistics", "--output-file", "--format"),
        "--diff prints the fixes as a diff, not a report",
    ),
    (
        "--write-baseline",
        ("--statistics", "--output-file", "--format"),
        "--write-baseline records the findings and prints no report",
    ),
    ("--statistics", ("--format",), "--statistics prints the counts as text (leave out --format)"),
)


def _refuse_two_baselines(args: argparse.Namespace) -> None:
    """--no-baseline and --baseline together, refused alike by check, plan and badge."""
    if args.no_baseline and args.baseline is not None:
        raise OptionError(
            "--no-baseline and --baseline cannot be used together: "
            "--no-baseline applies no baseline and --baseline names one: choose one"
        )


def _refuse_conflicts(args: argparse.Namespace) -> None:
    """Two options that cannot both be honoured are a usage error naming both, never one of them
    silently dropped."""
    given = {
        "--fix": args.fix,
        "--diff": args.diff,
        "--no-baseline": args.no_baseline,
        "--baseline": args.baseline is not None,
        "--write-baseline": args.write_baseline is not None,
        "--statistics": args.statistics,
        "--output-file": args.output_file is not None,
        "--format": args.format != "text",  # the default: any other is a report of its own
    }
    shown = "--show-files" if args.show_files else "--show-settings" if args.show_settings else ""
    if shown:
        # --show-settings shows the format too; --show-files lists files only.
        listed = ("--fix", "--diff", "--write-baseline", "--statistics", "--output-file")
        for option in (*listed, "--format") if args.show_files else listed:
            if given[option]:
                raise OptionError(
                    f"{shown} and {option} cannot be used together: {shown} only prints, then exits"
                )
    _refuse_two_baselines(args)
    for option, others, why in _CONFLICTS:
        clash = next((other for other in others if given[option] and given[other]), None)
        if clash:
            raise OptionError(f"{option} and {clash} cannot be used together: {why}")
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise OptionError("--unsafe-fixes adds to --fix or --diff: give one of them too")


def _check_rules_named(rules: RuleSet, config: Config, args: argparse.Namespace) -> None:
    """The rules the settings file and the options name exist, each error saying where the name is
    written: the file's key, or the option."""
    from migcheck.config import ConfigError, check_rule_tokens, check_settings_rules

    check_settings_rules(rules, config)
    try:
        check_rule_tokens(rules, _split(args.select), "--select")
        check_rule_tokens(rules, _split(args.ignore), "--ignore")
    except ConfigError as exc:  # a mistake on the command line, not in the settings file
        raise OptionError(str(exc)) from None


def _warn_about_jobs(args: argparse.Namespace) -> None:
    """--jobs asked for more than one process where one reads (--verbose, no fork here): say so, and why."""
    if args.jobs is None or args.jobs < 2:
        return
    from migcheck.workers import why_not_fork

    why = "--verbose times each file" if args.verbose else why_not_fork()
    if why:
        print(
            f"migcheck: warning: --jobs {args.jobs}: the files are read in one process ({why})",
            file=sys.stderr,
        )


def _describes_estate(args: argparse.Namespace) -> bool:
    """Whether the report describes the whole estate (the readiness summary), not only the findings: a
    selection of rules then still reads every file, else only those the selected rules need."""
    if args.statistics or args.write_baseline:
        return False
    return args.format == "report-json" or (args.format == "text" and not args.quiet)


def _settings_start(paths: list[str], stdin_filename: str | None = None) -> str:
    """Where the search for the settings file starts: the deepest folder that holds every path the
    command names (a file's own folder), as black and ruff find a project, so that `migcheck check
    ../other-repo` or `migcheck plan infra/` uses the settings of what it checks; the working directory
    when the command names no path (or only `-` without `--stdin-filename`)."""
    import os

    named = [p for p in paths if p != "-"] + ([stdin_filename] if stdin_filename else [])
    folders = [os.path.abspath(p if os.path.isdir(p) else os.path.dirname(p) or ".") for p in named]
    try:
        return os.path.commonpath(folders) if folders else "."
    except ValueError:  # paths on different drives have no folder in common
        return "."


def _check_paths_exist(paths: list[str]) -> None:
    """A path that is not there is a mistake in the command, not a finding about a file."""
    import os

    if "" in paths:  # `migcheck check "$DIR"` with DIR unset: said as such, not as a name printed as nothing
        raise OptionError(
            "no file or folder named (an empty path, ''); name a file or folder to check, "
            "or leave the path out to check the current folder"
        )
    missing = [p for p in paths if p != "-" and not os.path.exists(p)]
    broken = [p for p in missing if os.path.islink(p)]  # there, but pointing at nothing
    if broken:
        from migcheck.discover import unreadable_link

        raise UsageError("; ".join(unreadable_link(p) for p in broken))
    if missing:
        raise UsageError(
            f"no such file or folder: {visible(', '.join(missing))} (from {visible(os.getcwd())}); "
            "check the path, or run migcheck from the folder it is relative to"
        )


def _add_ci_options(check: argparse.ArgumentParser) -> None:
    ci = check.add_argument_group("CI")
    ci.add_argument(
        "--output-file", metavar="FILE", help="write the report to FILE; the summary still goes to stdout"
    )
    _add_baseline_options(ci)
    ci.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE and exit 0")
    ci.add_argument(
        "--statistics",
        action="store_true",
        help="print how many findings each rule reported instead of the findings",
    )
    ci.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when findings are at or above --fail-on (still 2 when migcheck cannot run)",
    )
    ci.add_argument(
        "--no-inline-suppressions",
        action="store_true",
        help="ignore `migcheck: ignore[...]` comments in the files",
    )


def _add_output_options(check: argparse.ArgumentParser) -> None:
    out = check.add_argument_group("output")
    loudness = out.add_mutually_exclusive_group()
    loudness.add_argument(
        "-q", "--quiet", action="store_true", help="print the findings only: no summary, no progress"
    )
    loudness.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also say on stderr which settings file is used, and each file read with its time",
    )
    shown = out.add_mutually_exclusive_group()
    shown.add_argument(
        "--show-files",
        action="store_true",
        help="list the files a check would read (its summary counts those that describe classic resources), then exit 0",
    )
    shown.add_argument(
        "--show-settings",
        action="store_true",
        help="print the resolved settings (the config with the options applied), then exit 0",
    )


@contextmanager
def _watching(args: argparse.Namespace, config: Config) -> Iterator[Callable[[int, int, str], None] | None]:
    """What standard error shows while `lint` reads: each file and its time with --verbose; on a
    terminal, outside CI and without --quiet, one progress line that is erased before the report."""
    from migcheck.progress import FileTimes, ProgressLine, wanted

    if args.verbose:
        print(f"migcheck: {_settings_origin(config, args)}", file=sys.stderr)
        times = _Reading(FileTimes(sys.stderr))
        yield times
        times.times.finish()
    elif not args.quiet and wanted(sys.stderr):
        line = ProgressLine(sys.stderr)
        try:
            yield line
        finally:
            line.clear()
    else:
        yield None


def _shown(paths: list[str]) -> str:
    """The first five of `paths` as a line names them, and "…" for more."""
    return ", ".join(visible(path) for path in paths[:5]) + (", …" if len(paths) > 5 else "")


class _Reading:
    """--verbose: each file read, timed, and remembered, so that the files that turn out to hold nothing
    classic can be named after the run (they are listed as read, but not counted as checked)."""

    def __init__(self, times: FileTimes) -> None:
        self.times = times
        self.read: list[str] = []

    def __call__(self, done: int, total: int, path: str) -> None:
        self.read.append(path)
        self.times(done, total, path)

    @staticmethod
    def note_skipped(result: LintResult) -> None:
        """Each folder of build output the walk did not enter, once, with why: a published or packaged copy
        of a configuration that differs from the project's is passed over, and this says where."""
        for folder, why in result.skipped:
            print(f"migcheck: skipped {visible(folder)}/ ({why})", file=sys.stderr)

    def note_not_classic(self, result: LintResult) -> None:
        from migcheck.readers.pipeline import CI_PIPELINES_READ

        checked = {document.path for document in result.described}
        others = [path for path in self.read if path not in checked]
        # A CI pipeline is read for its steps' scripts only: say so, and which services' files are read.
        pipelines = [path for path in self.read if _read_as_ci_pipeline(path, result)]
        if pipelines:
            print(
                f"migcheck: {_count(len(pipelines), 'CI pipeline file')} read for the scripts of "
                f"{'its' if len(pipelines) == 1 else 'their'} steps ({_shown(pipelines)}): {CI_PIPELINES_READ}",
                file=sys.stderr,
            )
        if others:
            shown = _shown(others)
            print(
                f"migcheck: {_count(len(others), 'file')} read hold{'s' if len(others) == 1 else ''} nothing "
                f"classic and {'is' if len(others) == 1 else 'are'} not counted in the summary: {shown}",
                file=sys.stderr,
            )

    @staticmethod
    def note_plugins() -> None:
        """Each plugin's time, to load and in its rules' checks: where a run is slow and no file read is,
        the plugin that is slow is named."""
        from migcheck.plugins import timings

        for plugin, load, checks in timings():
            print(
                f"migcheck: plugin {visible(plugin)} loaded in {load:.2f} s; its rules' checks took {checks:.2f} s",
                file=sys.stderr,
            )

    @staticmethod
    def note_unread_parts(result: LintResult) -> None:
        """Where a script holds a part the grammar could not read (a script PowerShell may well run): the
        facts it would state are unknown, which no finding says."""
        from migcheck.model import Script
        from migcheck.report.unread import HTML_ESCAPED, position, said_alone, why

        # A module's part is said once, though each script that imports it holds it too (a request a
        # base class sends, read in every file that derives from it).
        noted: set[Mark] = set()
        for document in result.documents:
            for script in document.resources:
                if not isinstance(script, Script) or not script.unread:
                    continue
                marks = [mark for mark in script.unread if mark not in noted]
                noted.update(marks)
                for mark in marks:
                    if said_alone(mark):
                        print(f"migcheck: {position(mark)}: {why(mark)}", file=sys.stderr)
                unread = [mark for mark in marks if not said_alone(mark)]
                source = result.sources.get(unread[0].path) if unread else None
                # A part whose construct the characters there name is said on its own line, with the edit;
                # the first of the others once, for the file.
                said: set[tuple[int, str]] = set()  # a construct's parts after the first say nothing new
                others = [mark for mark in unread if not _say_construct(mark, source, script.language, said)]
                if others:
                    _say_unread(others, source, rejected=any(m.tag == HTML_ESCAPED for m in script.unread))


def _read_as_ci_pipeline(path: str, result: LintResult) -> bool:
    """Whether the pipeline reader read the file: one of a CI pipeline's name, or a YAML file of another
    name that is an Azure Pipelines file by its keys (`pipelines/deploy.yml`), told by its text as read."""
    from migcheck.discover import ci_pipeline
    from migcheck.readers.ansible import ci_pipeline_file

    if ci_pipeline(path):
        return True
    if not path.casefold().endswith((".yml", ".yaml")):
        return False
    source = result.sources.get(path)
    return source is not None and ci_pipeline_file(path, source.text.encode("utf-8"))


def _say_construct(mark: Mark, source: SourceText | None, language: str, said: set[tuple[int, str]]) -> bool:
    """Say what stopped the parser at `mark`, where the characters there name it and `said` does not hold
    it yet; whether they name it."""
    from migcheck.report.unread import construct, position

    if source is None or language != "PowerShell":
        return False
    line = source.line(mark.line)
    found = construct(source.line(mark.line - 1) if mark.line > 1 else "", line, mark)
    if found is None:
        return False
    if (found.line, found.write) in said:
        return True
    said.add((found.line, found.write))
    word = _word_at(line, mark.column)
    print(
        f"migcheck: {position(mark)}: migcheck's parser cannot read this part of the script"
        + (f", from `{visible(word)}` on" if word else "")
        + f": {found.does}; the names and values it states are unknown (shown as stand-ins such as <VM name, "
        f"file:line>), so findings about them may be missing; {found.write}",
        file=sys.stderr,
    )
    return True


def _say_unread(unread: list[Mark], source: SourceText | None, rejected: bool = False) -> None:
    """Say where the first of a script's parts the parser stopped at for a reason only it knows is; in a
    script PowerShell rejects whole (`rejected`: an HTML escape in it), that it runs none of it either."""
    first = unread[0]
    where = f"{visible(first.path)}:{first.line}" + (f":{first.column}" if first.column else "")
    more = f" (and {_count(len(unread) - 1, 'more part')})" if len(unread) > 1 else ""
    word = _word_at(source.line(first.line), first.column) if source is not None else ""
    print(
        f"migcheck: {where}: migcheck's parser cannot read this part of the script{more}"
        + (f", from `{visible(word)}` on" if word else "")
        + (
            ", in a script Windows PowerShell rejects whole for the HTML escapes said above"
            if rejected
            else ", which PowerShell may well run"
        )
        + ": the names and values it states are unknown (shown as "
        "stand-ins such as <VM name, file:line>), so findings about them may be missing; to have it "
        "read, write that command another way",
        file=sys.stderr,
    )


_SHOWN_WORD = 40  # characters of the word an unread part starts with, at most


def _word_at(line: str, column: int) -> str:
    """The word of `line` that starts at `column` (from 1; 0: the line's first word), cut short: what the
    parser could not read begins with it."""
    rest = line[max(column - 1, 0) :].lstrip()
    word = rest.split(maxsplit=1)[0] if rest.strip() else ""
    return word if len(word) <= _SHOWN_WORD else word[: _SHOWN_WORD - 1] + "…"


def _settings_origin(config: Config, args: argparse.Namespace) -> str:
    if not config.source:
        import os

        start = os.path.abspath(_settings_start(args.paths, args.stdin_filename))
        return (
            f"no migcheck.toml, nor pyproject.toml with a [tool.migcheck] table, in {visible(start)} or above "
            "it: the defaults"
        )
    return f"settings from {visible(config.source)} (paths in it are relative to {visible(config.root)})"


def _show(args: argparse.Namespace, config: Config, rules: RuleSet, paths: list[str]) -> int:
    """--show-files: one path a line, as reports show them. --show-settings: the settings as the TOML of a
    migcheck.toml that would give the same run, after comments saying where they come from."""
    from migcheck.config import enabled_codes, settings_table, to_toml, with_unreadable
    from migcheck.engine import walk

    if args.show_files:
        found = walk(paths, config)
        _stdout("".join(visible(candidate.path) + "\n" for candidate in found))
        return EXIT_OK
    enabled = with_unreadable(rules, enabled_codes(rules, config.select, config.ignore), config.ignore)
    header = [
        f"# {_settings_origin(config, args)}",
        f"# rules that run: {len(enabled)} of {len(rules)}",
        f"# paths: {visible(' '.join(paths))}; format: {args.format}; "
        f"inline suppressions: {'ignored' if args.no_inline_suppressions else 'honoured'}",
    ]
    table = settings_table(config)
    # No escaping needed: to_toml writes every string and odd key JSON-escaped, ASCII only.
    _stdout("\n".join(header) + "\n" + to_toml(table), "utf-8")
    return EXIT_OK


def _completion(args: argparse.Namespace) -> int:
    from migcheck.completion import script

    _stdout(script(_parser(), args.shell, rules=list(_load_rules())))
    return EXIT_OK


def _add_fix_options(check: argparse.ArgumentParser) -> None:
    fixes = check.add_argument_group("fixes")
    fixes.add_argument(
        "--fix", action="store_true", help="apply the safe fixes to the files, then report what is left"
    )
    fixes.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="with --fix or --diff, also the fixes that change what the deployment does",
    )
    fixes.add_argument(
        "--diff",
        action="store_true",
        help="print the fixes as a unified diff instead of writing them; exit 1 if there are any (0 with --exit-zero)",
    )


def _refuse_fixing_stdin(args: argparse.Namespace) -> None:
    if args.fix and not args.diff and ("-" in args.paths or args.stdin_filename):
        raise OptionError(
            "--fix cannot write standard input; use --diff to see the fixes, or name the file to fix it"
        )


def _refuse_stdin_folder(stdin_filename: str | None) -> None:
    """--stdin-filename names the file the buffer is: a folder (one that exists, or a name ending in a
    separator) would have its findings reported at the folder, which no editor can open."""
    import os

    if not stdin_filename:
        return
    ends_as_folder = stdin_filename.endswith(("/", os.sep))
    if ends_as_folder or os.path.isdir(stdin_filename):
        what = "ends with a separator, so it names a folder" if ends_as_folder else "is a folder"
        raise OptionError(
            f"--stdin-filename {stdin_filename}: it {what}; name the file standard input holds "
            f"(such as {os.path.join(stdin_filename, 'NetworkConfig.netcfg')})"
        )


def _diff(result: LintResult, args: argparse.Namespace) -> int:
    """`--diff`: the fixes as a unified diff on stdout, what they fix on stderr; nothing is written."""
    from migcheck.fixes import counts, plan, unified_diff

    files = plan(result, unsafe=args.unsafe_fixes)
    _stdout(unified_diff(files))
    fixed = sum(len(f.fixed) for f in files)
    _, unsafe = counts(result)
    hidden = "" if args.unsafe_fixes or not unsafe else f" ({unsafe} more with --unsafe-fixes)"
    print(f"Would fix {_count(fixed, 'finding')} in {_count(len(files), 'file')}{hidden}.", file=sys.stderr)
    return EXIT_FINDINGS if files and not args.exit_zero else EXIT_OK


def _write_baseline(result: LintResult, path: str, config: Config, paths: list[str]) -> int:
    """Record the run's findings in the baseline at `path`, keeping its entries of the files and rules the
    run did not check (`baseline.Checked`): a run of one file refreshes that file's."""
    from migcheck import baseline

    checked = baseline.Checked({d.path for d in result.documents}, paths, result.enabled)
    try:
        # Every finding, those past the cap of one rule per file too: the next run knows them all.
        kept = baseline.write(path, result.uncapped, root=config.root, checked=checked)
    except baseline.BaselineError as exc:
        raise UsageError(str(exc)) from None
    also = (
        f", and kept {_count(kept, 'finding')} it recorded of files or rules this run did not check"
        if kept
        else ""
    )
    _stdout(f"Wrote {len(result.uncapped)} findings to baseline {visible(path)}{also}.\n")
    return EXIT_OK


def _fix(
    result: LintResult, args: argparse.Namespace, config: Config, paths: list[str], rules: RuleSet
) -> int:
    """`--fix`: write the fixes, check the files again, and report what is left; exit 2 when a file
    could not be fixed (read-only, a link, changed meanwhile), after fixing the others."""
    from migcheck.baseline import BaselineError
    from migcheck.config import ConfigError
    from migcheck.engine import RuleError, lint
    from migcheck.fixes import fix_files

    def recheck() -> LintResult:
        try:
            return lint(paths, config, rules, inline_suppressions=not args.no_inline_suppressions)
        except (ConfigError, RuleError, BaselineError) as exc:
            raise UsageError(str(exc)) from None

    outcome = fix_files(result, recheck, unsafe=args.unsafe_fixes)
    fixed = _count(len(outcome.fixed), "finding")
    print(f"Fixed {fixed} in {_count(len(outcome.files), 'file')}.", file=sys.stderr)
    code = _report(outcome.result, args, config, paths)
    for error in outcome.errors:
        print(f"migcheck: error: {visible(error)}", file=sys.stderr)
    return EXIT_ERROR if outcome.errors else code


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _add_badge(commands: argparse._SubParsersAction) -> None:
    badge = commands.add_parser(
        "badge",
        help="write a migration status badge (SVG or shields.io JSON)",
        description="Write a badge of the estate's migration status: ready (green), warnings or services "
        "not decided (yellow), blockers or unread files (red), nothing to grade (grey). Exit 0 when it "
        "wrote the badge, whatever it says; 2 when migcheck could not do its job.",
        epilog="example: migcheck badge infra/ --output-file migration.svg",
    )
    badge.add_argument("paths", nargs="*", metavar="PATH", help="files and folders (default: .)")
    badge.add_argument(
        "--output-file",
        "--output",  # its first name, kept working
        dest="output_file",
        metavar="FILE",
        help="write the badge to FILE (default: stdout)",
    )
    formats = badge.add_argument("--format", default="svg", help="svg (default) or shields")
    formats.completions = BADGE_FORMATS
    _add_rule_options(badge)
    badge.add_argument(
        "--config",
        metavar="FILE",
        help="settings file (default: the nearest pyproject.toml or migcheck.toml above the paths)",
    )
    _add_gitignore_option(badge)
    _add_baseline_options(badge, hides=False)
    badge.set_defaults(run=_badge)


def _add_plan(commands: argparse._SubParsersAction) -> None:
    plan = commands.add_parser(
        "plan",
        help="the migration in order: steps, downtime, blockers, commands",
        description="Write the migration in the order the platform takes it: each step's resources, "
        "downtime, blockers and commands. Exit 0 whatever the plan says (`migcheck check` is the gate); "
        "2 when migcheck could not do its job.",
        epilog="example: migcheck plan infra/ --format markdown --output-file plan.md",
    )
    plan.add_argument("paths", nargs="*", metavar="PATH", help="files and folders (default: .)")
    formats = plan.add_argument("--format", default="text", help=f"{', '.join(PLAN_FORMATS)} (default: text)")
    formats.completions = PLAN_FORMATS
    plan.add_argument("--output-file", metavar="FILE", help="write the plan to FILE (default: stdout)")
    _add_rule_options(plan)
    plan.add_argument(
        "--config",
        metavar="FILE",
        help="settings file (default: the nearest pyproject.toml or migcheck.toml above the paths)",
    )
    _add_gitignore_option(plan)
    _add_baseline_options(plan, hides=False)
    plan.set_defaults(run=_plan)


def _plan(args: argparse.Namespace) -> int:
    """The same discovery, config and filter as `check`; exit 0 whatever the plan says (the plan is a
    document, not a gate: `check` is the gate)."""
    from migcheck.plan import build_plan
    from migcheck.report.plan_format import render_plan

    _refuse_unknown_format(args, "plan")
    result, config = _lint_as_check_does(args)
    plan = build_plan(result)
    _keep_to_the_end(plan)
    text = render_plan(plan, args.format)
    if args.output_file is not None:
        _write(args.output_file, text, config.root)
    else:
        _stdout(text, None if args.format == "text" else "utf-8")
    return EXIT_OK


def _lint_as_check_does(args: argparse.Namespace) -> tuple[LintResult, Config]:
    """The lint behind `plan` and `badge`, and the settings it ran with: the options they share with
    `check` checked and applied as `check` does, the same warning when no classic file was found, and the
    same refusal of an --output-file that is a file the run read."""
    from migcheck.baseline import BaselineError
    from migcheck.config import ConfigError, baseline_problem, load_config
    from migcheck.engine import RuleError, lint

    _refuse_empty_names(args)
    _refuse_two_baselines(args)
    rules = _load_rules()
    try:
        config = load_config(
            args.config,
            start=_settings_start(args.paths),
            baseline_given=bool(args.baseline or args.no_baseline),
        )
        _check_rules_named(rules, config, args)
        config = config.with_overrides(
            select=_split(args.select),
            ignore=config.ignore + _split(args.ignore),
            baseline=args.baseline,
            respect_gitignore=args.respect_gitignore,
        ).with_own_files(args.baseline, *_written_files(args.output_file))
        paths = args.paths or ["."]
        _check_paths_exist(paths)
        result = lint(paths, config, rules)  # the baseline applies, as for `check`
    except BaselineError as exc:
        raise UsageError(baseline_problem(exc, config, args.baseline, "--no-baseline")) from None
    except (ConfigError, RuleError) as exc:
        raise UsageError(str(exc)) from None
    _keep_to_the_end(result)
    _refuse_overwriting_inputs(args.output_file, result, config, paths)
    _warn_about_unmatched_patterns(result, config)
    _warn_if_nothing_checked(result, paths, config)
    return result, config


def _report(result: LintResult, args: argparse.Namespace, config: Config, paths: list[str]) -> int:
    """Write the baseline, or the report: to stdout, or to --output-file with the summary on stdout so
    that the CI log still says what happened. (The baseline itself was applied by the filter stage.)"""
    if args.write_baseline:
        return _write_baseline(result, args.write_baseline, config, paths)
    if args.statistics:
        report = _statistics(result, tail=not args.quiet)
        if args.output_file is not None:
            _write(args.output_file, report, config.root)
        else:
            _stdout(report)
    else:
        color = args.output_file is None and _color_terminal()
        _stream(
            result,
            args.format,
            args.output_file,
            color=color,
            tail=not args.quiet,
            fail_on=config.fail_on,
            project=config.root,
        )
    if args.output_file is not None and not args.quiet:
        # The end of the report for the CI log: the summary, and a baseline left behind, which only the
        # report would say otherwise (not for a report on stdout in another format: it says it itself).
        from migcheck.report.text import stale_baseline, summary

        _stdout(stale_baseline(result) + summary(result, tagged=False) + "\n")
    return EXIT_FINDINGS if result.failed(config.fail_on) and not args.exit_zero else EXIT_OK


def _statistics(result: LintResult, tail: bool) -> str:
    """One line per rule that reported: count, code, name and severity, most findings first. A rule
    whose findings differ in severity (MIG602 reports some orders as errors, others as warnings) still
    has one line, its severities counted in it: `2  MIG602  migration-out-of-order [1 error, 1 warning]`.
    `tail` (not --quiet): then the line on a baseline left behind, if any, and the summary line."""
    from collections import Counter

    from migcheck.report.text import stale_baseline, summary

    counts = Counter((f.code, f.name) for f in result.uncapped)
    severities: dict[str, Counter[Severity]] = {}
    for finding in result.uncapped:
        severities.setdefault(finding.code, Counter())[finding.severity] += 1
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    width = len(str(max(counts.values(), default=0)))
    lines = [f"{n:>{width}}  {code}  {name} [{_severities(severities[code])}]\n" for (code, name), n in rows]
    return "".join(lines) + (stale_baseline(result) + summary(result, tagged=False) + "\n" if tail else "")


def _severities(counts: Counter[Severity]) -> str:
    """`error` when every finding has that severity, else each counted, the most severe first."""
    if len(counts) == 1:
        return str(next(iter(counts)))
    return ", ".join(f"{n} {severity}" for severity, n in sorted(counts.items(), reverse=True))


def _stdout(text: str, encoding: str | None = None) -> None:
    """Write to standard output whatever its encoding: text that is not valid Unicode (a file name with
    undecodable bytes is kept as lone surrogates) or that the terminal's codec cannot show is written
    with backslash escapes (migcheck's own typography in its plain spelling), never a traceback. `encoding` replaces the stream's: "utf-8" for a document
    (JSON, TOML, SVG, HTML), which tools read as UTF-8 whatever the locale."""
    stream = _standard_output()
    encoding = encoding or getattr(stream, "encoding", None) or "utf-8"
    data = text.encode(encoding, SPELLED)
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a replaced stream (tests, IDEs) takes text
        stream.write(data.decode(encoding))
        return
    with _writing_stdout():
        stream.flush()
        buffer.write(data)
        buffer.flush()


def _standard_output() -> TextIO:
    """Standard output, or a usage error when the process has none (started with it closed, `>&-`)."""
    if sys.stdout is None:
        raise UsageError("cannot write to standard output: it is closed")
    return sys.stdout


@contextmanager
def _writing_stdout() -> Iterator[None]:
    """Writing to standard output. When the reader left (`| head`) nothing more can be shown, and that is
    no error: the command still ends with the exit code its findings call for. Any other failure (a
    full disk) is a usage error, after which nothing more is written there (Python's own flush at exit
    would fail again, with a traceback)."""
    try:
        yield
    except BrokenPipeError:
        _silence_stdout()
    except OSError as exc:
        _silence_stdout()
        raise UsageError(f"cannot write to standard output: {exc.strerror or exc}") from None


def _silence_stdout() -> None:
    """Point standard output at the null device, so that later writes and the flush at exit cannot fail
    again on the closed pipe (Python would print a traceback-like warning and exit 120)."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # a replaced stream (tests, IDEs) has no descriptor and nothing to flush at exit


def _color_terminal() -> bool:
    """Colour for a terminal, following the NO_COLOR and FORCE_COLOR conventions."""
    import os

    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or (sys.stdout is not None and sys.stdout.isatty())


def _stream(
    result: LintResult,
    format_name: str,
    output_file: str | None,
    *,
    color: bool,
    tail: bool,
    fail_on: Severity,
    project: str = "",
) -> None:
    """The report, written as it is made: into --output-file (through a temporary file that replaces it
    once complete, never through a linked folder of the working directory or of `project`, the project
    root), or onto standard output. `tail`: the summary the line formats end with; `fail_on`: the lowest
    severity that fails, which a JUnit report's failed cases follow as the exit code does."""
    from migcheck.output import EncodedStream, OutputError, writing
    from migcheck.report import LINES, write

    if output_file is not None:
        try:
            with writing(output_file, project=project) as handle:
                write(result, format_name, handle, tail=tail, fail_on=fail_on)
        except OutputError as exc:
            raise UsageError(str(exc)) from None
        return
    with _writing_stdout():
        # Lines for a terminal or a CI log in the stream's codec; documents in UTF-8, as files are.
        stream = EncodedStream(_standard_output(), None if format_name in LINES else "utf-8")
        write(result, format_name, stream, color=color, tail=tail, fail_on=fail_on)
        stream.flush()


def _write(path: str, text: str, project: str) -> None:
    from migcheck.output import OutputError, write_text

    try:
        write_text(path, text, project=project)
    except OutputError as exc:
        raise UsageError(str(exc)) from None


def _badge(args: argparse.Namespace) -> int:
    from migcheck.report import badge

    _refuse_unknown_format(args, "badge")
    result, config = _lint_as_check_does(args)
    text = badge.render(result, args.format)
    if args.output_file is not None:
        _write(args.output_file, text, config.root)
    else:
        _stdout(text, "utf-8")
    return EXIT_OK


def _rule(args: argparse.Namespace) -> int:
    """One rule's documentation; for a prefix (`MIG2`, `MIG`, `ALL`), the list of the rules it names, as
    `migcheck rules` lists them; for a slip (`mig2o1`), the rule meant."""
    from migcheck.config import closest_rule
    from migcheck.suppress import specificity

    rules = _load_rules()
    rule = rules.get(args.rule)
    if rule is not None:
        _stdout(_visible_lines(_rule_documentation(rule)))
        return EXIT_OK
    named = [r for r in rules if specificity(args.rule, r.code, r.name)]
    if named:
        _stdout(_rule_lines(named))
        return EXIT_OK
    raise UsageError(
        f"no rule {args.rule!r}{closest_rule(args.rule, rules)}; give a code (MIG201), a name (endpoint-acl) or "
        "a prefix (MIG2) to list the rules under it; `migcheck rules` lists them all"
    )


def _rule_documentation(rule: Rule) -> str:
    """At a terminal, the rule's documentation wrapped to its width with how to suppress the rule; piped, the
    Markdown docs/rules.md holds, for a tool or a page to take as it is."""
    isatty = getattr(sys.stdout, "isatty", None)
    if not callable(isatty) or not isatty():
        return rule.documentation()
    from migcheck.terminal_docs import rule_for_the_terminal, terminal_width

    return rule_for_the_terminal(rule, terminal_width())


def _rules(args: argparse.Namespace) -> int:
    rules = _load_rules()
    if args.format == "json":
        from migcheck.report.stream import json_text

        _stdout(json_text([_rule_data(rule) for rule in rules], indent=2) + "\n", "utf-8")
        return EXIT_OK
    _stdout(_rule_lines(rules))
    return EXIT_OK


def _rule_lines(rules: Iterable[Rule]) -> str:
    """A line per rule, its summary last: at a terminal, each summary wrapped to its width under its own
    column (`terminal_docs.wrapped_row`), as `migcheck rule CODE` wraps the documentation; piped, a line
    each, for a tool to take as it is."""
    isatty = getattr(sys.stdout, "isatty", None)
    if not callable(isatty) or not isatty():
        return "".join(_rule_line(rule) + "\n" for rule in rules)
    from migcheck.terminal_docs import terminal_width, wrapped_row

    width = terminal_width()
    return "".join(wrapped_row(_rule_line(rule), _SUMMARY_COLUMN, width) for rule in rules)


# Where a rule's summary starts on its line (`_rule_line`): after the code, the name and the severity.
_SUMMARY_COLUMN = 8 + 35 + 9


def _rule_line(rule: Rule) -> str:
    # A plugin's summary is the plugin author's text: shown as any other text from outside, escaped.
    return visible(f"{rule.code}  {rule.name:<34} {rule.severity!s:<8} {rule.summary}")


def _visible_lines(text: str) -> str:
    """`text` with every line passed through `visible`: its line breaks kept, anything else escaped."""
    return "\n".join(map(visible, text.split("\n")))


def _rule_data(rule: Rule) -> dict[str, object]:
    """A rule as `rules --format json` gives it. `docs` is the rule's section of docs/rules.md in the
    repository for built-in rules (None for a plugin's); `documentation` is the text `migcheck rule`
    prints, whatever installed the rule."""
    from migcheck.docs import _anchor as anchor  # the heading docs/rules.md gives the rule

    builtin = type(rule).__module__.startswith("migcheck.rules.")
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": str(rule.severity),
        "scope": str(rule.scope),
        "found_at": str(rule.found_at),  # the platform's step that finds the problem: Validate or Prepare
        "summary": rule.summary,
        "file_kinds": sorted(str(kind) for kind in rule.file_kinds()),
        "docs": f"docs/rules.md{anchor(rule)}" if builtin else None,
        "documentation": rule.documentation(),
    }


def _server(args: argparse.Namespace) -> int:
    try:
        from migcheck.server import serve  # pygls is an optional extra, imported only here
    except ImportError as exc:
        if (exc.name or "").split(".")[0] not in ("pygls", "lsprotocol"):
            raise
        # Never `migcheck[lsp]`: the PyPI project of that name is another tool.
        raise UsageError(
            "`migcheck server` needs pygls 2, which migcheck's `lsp` extra installs: "
            "pip install 'pygls>=2,<3' in this environment, or pip install '.[lsp]' from a clone of migcheck"
        ) from None
    if sys.stdin.isatty():  # started by hand, it would wait in silence for messages only an editor writes
        print(
            "migcheck: the language server talks LSP over standard input and output, for an editor to "
            "start: it now waits for an editor's messages (Ctrl-C, or Ctrl-D, the end of input, stops it). "
            "To check files, run `migcheck check`; to set an editor up, see docs/editor.md of migcheck's "
            "repository",
            file=sys.stderr,
        )
    return serve()


if __name__ == "__main__":
    sys.exit(main())
