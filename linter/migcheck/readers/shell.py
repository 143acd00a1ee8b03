"""Shell scripts (`.sh`, `.bash`) that run the classic cross-platform CLI (`azure vm create ...`), read into
the typed resources the other readers produce: what each `azure` command means is `xplat`'s, and this
module works out the words the script hands it.

The script is parsed with tree-sitter-bash (never with patterns) and walked in the order it runs. A word's
value is what the script states: literals in any quoting (`'a'`, `"a"`, `a\\ b`), variables assigned before
it (`VNET=myvnet`, `export`, `local`, `declare`, `readonly`), `$X`, `${X}`, `${X:-default}`, and words
joined from them (`"$PREFIX-web"`); an unquoted variable that holds several words is several words; an array
the script writes (`a=(x y)`, `declare -A m=([k]=v)`) holds its items, read by index or key (`${a[1]}`, and
`$a` its first), every one by `"${a[@]}"`, as long as every item's text is known. What the
script does not state is unknown (None): its positional parameters (`$1`), what `read` reads, the output of
a command (`$(...)`, backticks), the environment. A function runs at each call with the words it is given
(`$1`, `$@`, `${@:2}` from the second, `"$*"` and `"${*:2}"` them joined in one word, moved by `shift`; its `local` variables its own); one no call runs is read once with its
parameters unknown, as code that may run. A `for x in a b c` loop runs once for each word it lists (a few
dozen at most), as does a count stated in numbers (`{1..4}`, `$(seq 1 4)`, `for ((i=0; i<4; i++))`); other
loops (`while`) run once, as code that may run, what they assign unknown from the start. Both branches of
an `if` (and every arm of a `case`) are read, their commands as ones that may run, and a variable they
leave different is unknown after, and may be empty where any of them may leave it empty or unset
(`${VNET:-}` past `if ...; then VNET=prodnet; fi`), but never in a branch a test proves it set in (`if [ -n
"$VNET" ]`, the `else` of `-z`, `[ -n "$VNET" ] && ...`); but `if false` never runs its `then`, whose
commands create nothing, and `if true` or `if :` runs it surely, as a test of words written out decides it: `[ 1 -eq 0 ]`, `test a = b`,
`! true`. One VM created on two branches is one VM of two paths, whichever runs
(`model.joined_paths`). A command after `||` may run too (surely after `false ||`). A command line built as a string and run by
`eval` is parsed and run where the `eval` is, each value the script does not state in it one unknown word
(one `printf -v cmd FORMAT ...` builds too, of `%s` and `%d` directives, with widths: `%03d` of 7 is
`007`, as `$(printf ...)` gives); one it states nothing of is a part not read, but for the settings a tool
prints for the shell (`eval "$(ssh-agent -s)"`), which run no classic command.
So is one a shell is given (`bash -c "..."`, its own arguments its `$1`...) or fed by a here-document or
here-string (`bash <<EOF`), in a child shell; and so is a script file of the files checked that a shell
is given by a path the script states (`bash scripts/migrate.sh hub-vnet`), the words after it its `$1`...,
each of its commands shown where the file writes it, the file's own read not said again; a PowerShell
script file `pwsh -File` (`powershell -File`, `pwsh x.ps1`) runs so is read by the PowerShell reader, the
words after it bound to its `param()`. A command run through a prefix (`sudo`, `env X=1`, `timeout
30`, `nice -n 5`, `\\azure`, which bypasses an alias) is the command; one `xargs` runs may not run, and is
given words the script does not state. What is nested deeper than a few dozen statements (an `if` in an
`if`...) is read once through, each command in it as one that may run. A file the script puts in place
by a means whose content it does not follow (`cp`, `mv`, `install`, `ln`, `wget`, `curl`, `tee`, `sed -i`,
a `>` redirection) is not known to be the file checked by its name when `azure network import` uploads it;
nor is one that any command the reader does not know to leave files alone names before the upload (by its
name, a glob, or a folder or archive that may hold it: `rsync`, `tar x`, `perl -pi`), nor a relative path
after a `cd` to another folder than the script's. A file it surely writes whole with a here-document
of text it states (`cat > net.xml <<'XML'`, `cat <<XML > net.xml`, `tee net.xml <<XML`), or with one
value it prints (`printf '%s' "$CONFIG" > net.xml`, `echo "$CONFIG" | tee net.xml`), and leaves so, holds that text: its upload is read
as the network configuration uploaded, each element where the script writes it (`_Walker._wrote_whole`). A file the script sources (`source ./env.sh`) after a `cd`
to a folder it states relative to its own (`cd ../shared`, or `cd -` back to one) is the one in that folder; after a `cd` to an
absolute path or to a folder it does not state, none is read, and the source is a part not read
(`SOURCED_AFTER_CD`).

A script whose first `azure` commands only the CLI's Resource Manager mode has (`--resource-group`, `group
create`, `network nic`), before any `azure config mode`, was written for that mode, the CLI's default
since mid-2016: it is read in that mode, as classic files are not (see `xplat.Reading.arm_from_start`).

A script with no classic `azure` command is not a classic file (a folder walk skips it). A script that the
grammar cannot parse whole (a quote or a `fi` never closed) is a syntax problem (MIG001) where bash's
error starts. A `for` loop whose body is in braces (`for f in a b; { ...; }`), which bash runs and the
grammar does not parse, is read as the `do ... done` loop it is (see `_braced_loops`); where its head is not
read so (a `select`), and in a script whose `#!` line names another shell (zsh, `OTHER_SHELL`), the commands
before are read, the rest is a part not read (`BRACED_LOOP`). A placeholder copied from documentation and left unfilled (`ops <password>`, which bash reads
as redirections) is read as one word whose value the script does not state, so the commands around it are
read. `# migcheck: ignore[MIG201] reason` comments suppress findings as in other scripts."""

from __future__ import annotations

import bisect
import codecs
import collections
import contextlib
import fnmatch
import functools
import itertools
import posixpath
import re
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, NamedTuple

from migcheck import automation, collector, formats
from migcheck.clouds import cloud_of_url
from migcheck.model import (
    BRACED_LOOP,
    EVERY_NETWORK,
    HANDED_ON_TOO_DEEP,
    INLINE_PYTHON_NOT_READ,
    LOADED_FROM_ANOTHER_FOLDER,
    LOOP_TURNS_CUT,
    LOST_CONTINUATION,
    MAYBE_RUNS,
    NEVER_RUNS,
    OTHER_SHELL,
    SENDS_CERTIFICATE,
    SENDS_CLASSIC_BODY,
    SOURCED_AFTER_CD,
    STAGE_CHOICE,
    UNCALLED_MAYBE_RUNS,
    UNCALLED_RUNS,
    UNSTATED_COMMAND_LINE,
    URL_NAMES_THE_API,
    WHOLE_FILE_RUN,
    WRITTEN_CONFIGURATION,
    ClassicCall,
    CloudInUse,
    ConnectionState,
    DirectiveComment,
    Document,
    ExtendedSupportService,
    FileKind,
    FileProblem,
    Image,
    Mark,
    MigrationStep,
    NetworkConfiguration,
    Script,
    Suppression,
    record,
    request_url_undecided,
    undecided_url,
)
from migcheck.readers import beside, grammars, shell_bodies, shell_heredocs, shell_requests, xplat
from migcheck.readers.programs import CONTAINERS as _CONTAINERS
from migcheck.readers.programs import POWERSHELL_VALUES as POWERSHELL_VALUES
from migcheck.readers.programs import POWERSHELLS as POWERSHELLS
from migcheck.readers.programs import PREFIXES as _PREFIXES
from migcheck.readers.programs import PROCESS_START as PROCESS_START
from migcheck.readers.programs import PYTHONS as PYTHONS
from migcheck.readers.programs import RUNS_COMMANDS as RUNS_COMMANDS
from migcheck.readers.programs import RUNS_SHELL_COMMANDS as RUNS_SHELL_COMMANDS
from migcheck.readers.programs import SHELLS as SHELLS
from migcheck.readers.programs import SWITCH_USER as _SWITCH_USER
from migcheck.readers.programs import first_classic_call as first_classic_call
from migcheck.readers.suppressions import line_comment_text, starts_like_directive
from migcheck.readers.xplat import HOLE, Word, call_path, names_a_verb

if TYPE_CHECKING:
    from tree_sitter import Node, Tree

_GRAMMAR = "tree_sitter_bash"
_ARM_CLAUSES = ("elif_clause", "else_clause", "case_item")
# The commands that decide an `if` whatever the script is run with: whether the condition holds.
_CERTAIN_COMMANDS = {"true": True, ":": True, "false": False}
# Commands whose failure is an answer, not an error: what follows `&&` or `||` is a branch on it. The rule:
# a command run for its exit status, which answers a question about the machine, the network or a file
# and changes nothing (`ping -c1 host && ...`), not an action the script expects to succeed. Those that
# are tests only with an option (`grep -q`, `curl -f`) are told by `_TESTING_OPTIONS`.
_TESTING_COMMANDS = frozenset(
    {"test", "[", "[[", "true", "false", ":", "which", "type", "hash"}  # the shell's own
    | {"ping", "ping6", "host", "nslookup", "dig", "getent"}  # is it reachable, does the name resolve
    | {"pgrep", "pidof", "id", "cmp", "diff"}  # does it run, does the user exist, do the files differ
)
# Commands that are tests (see `_TESTING_COMMANDS`) when given one of these options, in any word: `grep -q`
# prints nothing and answers whether it matched; `curl -f` fails on an HTTP error, so `curl -sf URL &&`
# asks whether the address answers (with `-o`, `-O` it downloads: `_Walker._testing`); `wget --spider`
# fetches nothing; `nc -z` only connects; `jq -e` answers whether the value is true; `command -v` whether
# the command exists; `systemctl is-active` whether the service runs.
_TESTING_OPTIONS: dict[str, tuple[frozenset[str], str]] = {
    "grep": (frozenset({"--quiet", "--silent"}), "q"),
    "egrep": (frozenset({"--quiet", "--silent"}), "q"),
    "fgrep": (frozenset({"--quiet", "--silent"}), "q"),
    "curl": (frozenset({"--fail", "--fail-with-body"}), "f"),
    "wget": (frozenset({"--spider"}), ""),
    "nc": (frozenset(), "z"),
    "jq": (frozenset({"--exit-status"}), "e"),
    "command": (frozenset(), "vV"),
    "systemctl": (frozenset({"is-active", "is-enabled", "is-failed", "is-system-running"}), ""),
}
# What makes a `curl` that fails on an HTTP error a download the script means to succeed, not a test.
_CURL_SAVES = frozenset({"--output", "--remote-name", "--remote-name-all", "--output-dir"})
_LOOP_ITEMS = 32  # the most words a `for` loop is run for, one turn each
_CALL_DEPTH = 8  # functions calling functions: deeper calls are not followed
# Statements within statements (`if` in `if`...): deeper ones are read once through (`_nested_deeper`),
# well before Python's own limit on calls within calls.
_NESTING = 64
# Where an `exit` does not end the script: in a child shell (`( ... )`, a pipeline's stage, `$(...)`,
# `<(...)`) it ends that shell only, and a function's body runs only where it is called.
_OWN_SHELL_ENDS = frozenset(
    {"subshell", "pipeline", "command_substitution", "process_substitution", "function_definition"}
)
_DECLARATIONS = frozenset({"export", "local", "declare", "typeset", "readonly"})
# A value longer than this is not followed (`X="$X$X"` doubles it at each line): unknown, as unstated.
_LONGEST_VALUE = 4096


# The names the classic CLI runs under.
_AZURE = frozenset({"azure", "azure.cmd"})
_AZ = frozenset({"az", "az.cmd"})  # the Azure CLI, Resource Manager's (see `_Walker._az`)


def _prefix_named(name: str | None) -> str | None:
    """The prefix (`_PREFIXES`) a command's name is, None for none: cmd reads `call` in any case, and an
    `@` before it only keeps cmd from echoing the line (`@call azure ...`, `CALL`, `Call`)."""
    if name is None or name in _PREFIXES:
        return name
    return "call" if name.removeprefix("@").casefold() == "call" else None


_PYTHON_VALUED_OPTIONS = frozenset({"-W", "-X", "-Q"})


# Commands that take an `azure` command's words as text, never running them (`echo azure vm create ...`).
_PRINTS = frozenset({"echo", "printf", "logger", "which", "type", "command_not_found_handle", "man", "grep"})


class _Exhausted(Exception):
    """The script needs more work than its size warrants (calls within calls, loops within loops)."""


def sniff(data: bytes) -> bool:
    """Whether the file may run the classic CLI: it mentions `azure` followed by a space, assigns the name
    to run it by the variable (`exe=azure; $exe vm …`), names the Service Management API's host (a request
    curl or wget sends, see `_Walker._management_request`), or sources a `.sh` file whose functions it may call
    to run it (see `_settings_functions`), or runs Python code inline that may use the Service Management SDK
    (see `_Walker._inline_python`) or gives PowerShell a command that may name a classic cmdlet (see
    `_Walker._inline_powershell`), and it is text (a NUL byte says it is not: bash refuses to run such a
    file, and a walk passes it over)."""
    mentions = (
        any(hint in data for hint in _CLI_HINTS)
        or (b".sh" in data and _may_source(data))
        or _may_run_a_script_file(data)
        or automation.may_name_management_host(data)
        or may_send_to_the_api(data)
        or _may_run_classic_python(data)
        or _may_run_classic_powershell(data)
    )
    return (mentions or may_run_an_az_command_read(data)) and b"\x00" not in data


def may_run_classic_powershell(data: bytes) -> bool:
    """Whether the file may give PowerShell a command that names a classic cmdlet (`pwsh -Command
    'Stop-AzureVM ...'`): it names PowerShell and the classic API (`automation.names_the_api`)."""
    lowered = data.lower()
    return (b"pwsh" in lowered or b"powershell" in lowered) and automation.names_the_api(data)


_may_run_classic_powershell = may_run_classic_powershell


def _may_run_classic_python(data: bytes) -> bool:
    if b"python" not in data and b"py " not in data:
        return False
    from migcheck.readers import python_script

    return python_script.may_use_classic_inline(data)


def may_run_an_az_command_read(data: bytes) -> bool:
    """Whether a command line may run an `az` command the reader reads (`_Walker._az`): one that creates a
    cloud service of extended support (`az cloud-service create`) or a classic resource type through
    Resource Manager, or puts a Resource Manager resource on a classic one (`xplat.az_reaching`)."""
    return (
        b"cloud-service" in data
        or b"Microsoft.Classic" in data
        or b"security pricing" in data  # the Defender for Cloud plan, whose Standard tier reaches classic VMs
        or _CLASSIC_ID.search(data) is not None
    )


def may_send_to_the_api(data: bytes) -> bool:
    """Whether curl or wget may send a request to the API at a URL the script does not state (see
    `undecided_request_tag`): with a certificate, a body file, or words that name the API."""
    return (b"curl" in data or b"wget" in data) and _MAY_BE_MANAGEMENT.search(data) is not None


def _may_source(data: bytes) -> bool:
    return b"source " in data or b". " in data


def _may_run_a_script_file(data: bytes) -> bool:
    """Whether the file may run a script file of the repository by its path (`./scripts/migrate.sh`,
    `bash create.sh`, `pwsh -File x.ps1`, `python tools/migrate.py`, `tools/migrate.py`), which is read where
    it runs (see `_Walker._path_run`, `_Walker._python_file_run`)."""
    runs_python = b"python" in data and (b".py" in data or b"-m" in data)
    return runs_python or (any(name in data for name in (b".sh", b".ps1", b".py", b"./")) and b"/" in data)


# ... or creates a classic resource type through Resource Manager (`az resource create --resource-type
# Microsoft.ClassicCompute/domainNames`, see `automation.CLASSIC_RESOURCE_TYPES`).
# ... or creates a cloud service of extended support (`az cloud-service create`: evidence that a package is not
# classic).
_CLI_HINTS = (
    b"azure ",
    b"azure\t",
    b"=azure",
    b'="azure',
    b"='azure",
    b"Microsoft.Classic",
    b"cloud-service",
)
# A classic network's id, which an `az` command that peers a network with it writes (see `_Walker._az`).
# A classic resource's id, or a role that manages classic resources only: what an `az` command that puts a
# Resource Manager resource on a classic one names (`xplat.az_reaching`).
_CLASSIC_ID = re.compile(
    rb"classicnetwork/virtualnetworks/|microsoft\.classic(?:compute|network|storage)/"
    rb"|classic (?:virtual machine|network|storage account) (?:contributor|key operator)",
    re.IGNORECASE,
)
_MAY_BE_MANAGEMENT = re.compile(rb"--cert|\s-[A-Za-z]*E|@|--post-file|(?i:mgmt|\$\{?\w*management)")


def read(path: str, data: bytes) -> Document:
    # The read makes a few objects per word that all stay alive until it ends: the collector's passes over
    # them grew faster than the script (0.2 s of 0.8 s for 5,000 commands, 2 s of 4.4 s for 20,000); what
    # the read leaves is collected after.
    with collector.paused(), grammars.parse_budget(len(data)):
        try:
            document = _read(path, data)
        except grammars.ParseTooSlow:  # a rewrite of it, parsed, ran past what the script's parses may take
            text = data.decode("utf-8", "replace").removeprefix("\ufeff")
            document = Document(path, FileKind.SHELL, "", problem=_too_slow_to_parse(path), text=text)
    return _with_the_mark_said(document, data)


def _with_the_mark_said(document: Document, data: bytes) -> Document:
    """A classic script that starts with a UTF-8 byte order mark, with the mark said at 1:1 where nothing
    else is: bash takes its three bytes as part of the first word, so the first line fails, and the kernel
    sees no `#!` line after them. (PowerShell and Python read past such a mark: their readers say nothing.)"""
    if not data.startswith(codecs.BOM_UTF8) or document.kind is None or document.problem is not None:
        return document
    first = data[len(codecs.BOM_UTF8) :].split(b"\n", 1)[0]
    if first.startswith(b"#!"):
        what = (
            "so its `#!` line is no `#!` line: run by its path, the script is not run by the program that line "
            "names (Exec format error, or the calling shell runs it), and bash runs the line as a command, "
            "which fails"
        )
    else:
        what = (
            "so the command on its first line fails (command not found) and bash runs on from line 2; "
            "migcheck reads the line as bash runs it once the mark is gone"
        )
    problem = FileProblem(
        "syntax",
        "the file starts with a UTF-8 byte order mark (bytes 0xef 0xbb 0xbf), which bash takes as part of "
        f"the first word, {what}",
        Mark(document.path, 1, column=1),
        "Save the file as UTF-8 without a byte order mark (in your editor, or `sed -i '1s/^\\xEF\\xBB\\xBF//' "
        "<file>`): bash, sh and the kernel read the mark as text.",
    )
    return replace(document, problem=problem)


def _read(path: str, data: bytes) -> Document:
    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    first = grammars.parsed_in_time(_GRAMMAR, text.encode("utf-8"))
    if first is None:
        return Document(path, FileKind.SHELL, "", problem=_too_slow_to_parse(path), text=text)
    if grammars.bash_tree(text.encode("utf-8"), first) is None:
        return Document(path, FileKind.SHELL, "", problem=_too_deep(path), text=text)
    whole = _parse(path, text, first)
    problem = whole if isinstance(whole, FileProblem) else None
    # Where bash would run on, or another shell runs the script: a part not read, not a syntax error.
    not_read, cut = _not_read_from(path, text, problem) if problem is not None else (None, None)
    parsed = _run_before_error(path, text, cut) if isinstance(whole, FileProblem) else whole
    if not_read is not None:
        problem = None
        if parsed is None:
            return _only_unread(path, text, not_read)
    if parsed is None:
        return Document(path, FileKind.SHELL, "", problem=problem, text=text)
    source, tree, where, placeholders = parsed
    walker = _walked(path, source, where, tree.root_node, arm=False, placeholders=placeholders)
    if walker.reading.arm_from_start:  # written for the CLI in Resource Manager mode: read again so
        walker = _walked(path, source, where, tree.root_node, arm=True, placeholders=placeholders)
    script = walker.script()
    comments = _directive_comments(tree.root_node, where)
    suppressions = tuple(_suppressions(comments, tree.root_node, where))
    marked = tuple(DirectiveComment(body, where.mark(comment)) for comment, body in comments)
    described = walker.reading.resources()
    peerings = (*walker.reaching, *walker.extended)
    # what the Python code it runs inline describes, its scripts said to be this one's
    inline = f"Shell script '{posixpath.basename(path)}', in its inline Python,"
    python = tuple(replace(r, called=inline) if isinstance(r, Script) else r for r in walker.python_read)
    own = f"Shell script '{posixpath.basename(path)}'"
    walker.powershell_pieces_read()
    ran = walker.functions_run()  # with those of the files its PowerShell dot-sources
    python += tuple(replace(r, called=own) if isinstance(r, Script) else r for r in walker.files_read)
    if script is None and problem is not None:
        return Document(path, FileKind.SHELL, "", (), suppressions, marked, problem, text=text)
    if script is None and not_read is not None and sniff(text[_offset(text, not_read) :].encode("utf-8")):
        script = Script(posixpath.basename(path), "Shell", (), (), replace(not_read, tag=""))
    undecided = walker.undecided_requests()
    if script is None and undecided:  # requests that may go to the API, to URLs the script does not state
        script = Script(posixpath.basename(path), "Shell", (), (), replace(undecided[0], tag=""))
    if script is None and walker.reading.refused:  # classic commands the CLI refuses, said, run nothing
        script = Script(posixpath.basename(path), "Shell", (), (), replace(walker.reading.refused[0], tag=""))
    too_deep = [mark for mark in walker.lines_not_read if mark.tag == HANDED_ON_TOO_DEEP]
    if script is None and too_deep:  # a classic command handed on past what is followed: said, not read
        script = Script(posixpath.basename(path), "Shell", (), (), replace(too_deep[0], tag=""))
    if script is None and (peerings or python):  # no classic call of the shell's own
        resources = (*(described if ran else ()), *peerings, *python)
        return Document(
            path, FileKind.SHELL, "", resources, suppressions, marked, problem, text=text, functions_run=ran
        )
    if script is None and not (described and ran):
        # Its comments still count: a settings file another script sources holds the findings about the
        # values it sets (`readers.beside`), and its suppression comments hold them back.
        return Document(path, None, "", (), suppressions, marked, text=text)
    if script is None:  # what a sourced file's functions it runs create, their calls that file's
        return Document(
            path, FileKind.SHELL, "", tuple(described), suppressions, marked, text=text, functions_run=ran
        )
    lost = _lost_continuations(tree.root_node, source, where, {call.mark.line for call in script.calls})
    refused = (
        *walker.reading.refused,
        *walker.unfollowed.values(),
        *([not_read] if not_read is not None else []),
        *walker.lines_not_read,
    )
    unread = tuple(sorted((*lost, *refused), key=lambda mark: (mark.line, mark.column)))
    if unread:
        script = replace(script, unread=unread)
    if problem is not None:  # bash ran the commands read, and stops at the error
        problem = replace(problem, message=problem.message + _STOPS)
    resources = (script, *described, *peerings, *python)
    return Document(
        path, FileKind.SHELL, "", resources, suppressions, marked, problem, text=text, functions_run=ran
    )


def _only_unread(path: str, text: str, not_read: Mark) -> Document:
    """A script bash cannot parse from its first statement on, where bash would run on or another shell
    runs it: one of no call holding the part not read when that part may run the classic CLI; else a
    file with nothing classic."""
    if not sniff(text[_offset(text, not_read) :].encode("utf-8")):
        return Document(path, None, "", (), text=text)
    script = Script(posixpath.basename(path), "Shell", (), (), replace(not_read, tag=""), unread=(not_read,))
    return Document(path, FileKind.SHELL, "", (script,), text=text)


def _offset(text: str, mark: Mark) -> int:
    """Where in `text` the line `mark` is on starts."""
    start = 0
    for _ in range(mark.line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return len(text)
    return start


def _not_read_from(path: str, text: str, problem: FileProblem) -> tuple[Mark | None, int | None]:
    """Where a script bash cannot parse is not read, rather than broken: its `#!` line names another shell
    (zsh: the part bash cannot parse is that shell's), or what the grammar stops at is a loop whose body
    is in braces, which bash runs; with, for the loop, where its line starts in the prepared source (what
    is read ends there). None for a syntax error bash stops at."""
    shell = _other_shell(text)
    if shell is not None:
        return replace(problem.mark, tag=OTHER_SHELL + shell), None
    source, tree, where, _ = _prepared(path, text)
    loop = _braced_loop(tree.root_node, source)
    if loop is None:
        return None, None
    return replace(where.mark(loop), tag=BRACED_LOOP), source.rfind(b"\n", 0, loop.start_byte) + 1


# The shells a `#!` line may name that run a script as bash reads it.
_BASH_LIKE = frozenset({"sh", "bash", "dash", "ash"})


def _other_shell(text: str) -> str | None:
    """The shell a script's `#!` line names when it is not bash or sh (`#!/bin/zsh`, `#!/usr/bin/env zsh`)."""
    if not text.startswith("#!"):
        return None
    words = text[2 : text.find("\n") if "\n" in text else len(text)].split()
    if words and posixpath.basename(words[0]) == "env":
        words = [word for word in words[1:] if not word.startswith("-")]
    name = posixpath.basename(words[0]) if words else ""
    return name if name.endswith("sh") and name not in _BASH_LIKE else None


def _braced_loop(root: Node, source: bytes) -> Node | None:
    """The `for` (or `select`) of a loop whose body is in braces (`for f in *.json; { ...; }`, which bash
    runs and the grammar does not read), where the top-level statement holding the first syntax error
    starts one: a `{` before any `do` after the keyword."""
    found = _first_refused_statement(root, source)
    if found is None:
        return None
    keyword = None
    for child in found.children:
        if child.type in ("for", "select") and not child.is_named:
            keyword = child
        elif keyword is not None and child.type == "do":
            return None
        elif keyword is not None and child.text == b"{":
            return keyword
    return None


def read_commands(
    path: str,
    source: bytes,
    marks: tuple[tuple[int, Mark], ...],
    holes: tuple[tuple[str | None, Mark | None], ...],
    empty_holes: frozenset[int] = frozenset(),
    names_the_api: bool = False,
    called: str = "",
) -> tuple[tuple[object, ...], tuple[tuple[str, str], ...]]:
    """What the classic CLI's commands another language's script runs describe (a Python script's
    `subprocess.call(["azure", ...])`), given as the shell script `source` that runs them as that script
    does: its call for each command, in order, each part of it shown where `marks` says (`_HeldAt`), each value that script does not state a hole (`_numbered`) that
    `holes` says what holds, those numbered in `empty_holes` values that may be empty (`Word.maybe_empty`),
    `names_the_api` whether that script names the API (`automation.names_the_api`). Its calls and steps, then
    the resources the commands describe, those of a script file they run said to be run by `called` (`Script.
    called`: "Python script 'run.py'"); and the files whose own read is then not said again
    (`Document.functions_run`)."""
    parsed = _bash_parse(source)
    if parsed is None or _first_refused_statement(parsed[1].root_node, parsed[0]) is not None:
        return (), ()
    source, tree = parsed
    where = _HeldAt(path, marks, exact=False)
    held = (holes, empty_holes)
    named = names_the_api
    walker = _walked(path, source, where, tree.root_node, False, {}, held, named)
    if walker.reading.arm_from_start:
        walker = _walked(path, source, where, tree.root_node, True, {}, held, named)
    script = walker.script()
    # Classic commands the CLI refuses for an option (said, run nothing), and requests that may go to the
    # API at URLs the script does not state.
    refused = (*walker.reading.refused, *walker.undecided_requests())
    if script is None and refused:
        script = Script(posixpath.basename(path), "Shell", (), (), replace(refused[0], tag=""))
    if script is not None and refused:
        unread = sorted((*script.unread, *refused), key=lambda mark: (mark.line, mark.column))
        script = replace(script, unread=tuple(unread))
    described = tuple(walker.reading.resources())
    # what the code its commands give another language describes (`pwsh -Command '...'`, `python3 -c`), and
    # the script files they run, as in a shell script's own run (`run_commands`)
    walker.powershell_pieces_read()
    files = tuple(replace(r, called=called) if isinstance(r, Script) else r for r in walker.files_read)
    others = (*walker.reaching, *walker.extended, *walker.python_read, *files)
    read = (script, *described, *others) if script is not None else (*described, *others)
    return read, walker.functions_run()


def parses(command_line: str) -> bool:
    """Whether bash parses `command_line` (a command line another language's script runs through a shell):
    one bash cannot parse, the shell refuses whole and runs none of. One nested deeper than migcheck
    follows (`_DEEPEST`) is not read either, and is said so as one that does not parse."""
    parsed = _bash_parse(command_line.encode("utf-8"))
    return parsed is not None and _first_refused_statement(parsed[1].root_node, parsed[0]) is None


# What a syntax problem after classic commands the script runs means for them.
_STOPS = (
    ": bash runs the commands before the one this is in, which migcheck reads, and stops here, so no command"
    " from here on runs and migcheck reads none of them"
)


_Parsed = tuple[bytes, "Tree", "_Positions", dict[int, str]]
# The most times a script is cut before the statement its first syntax error is in (a cut may leave an
# `if` or a quote open, which moves the error up): each parses what is left once, so the read stays linear.
_CUTS = 8


def _parse(path: str, text: str, first: Tree | None = None) -> _Parsed | FileProblem:
    """A script's source and syntax tree as bash reads them (placeholders, lone continuations and escaped
    line starts made readable), its positions and placeholders; or why bash would not run it. `first`: the
    grammar's tree of `text` as written, where the caller has parsed it."""
    parsed = _prepared(path, text, first)
    source, tree, where, _ = parsed
    refused = _refusal(tree.root_node, source, where)
    return parsed if refused is None else refused


def _refusal(root: Node, source: bytes, where: _Positions) -> FileProblem | None:
    """Why bash refuses the script (or command line) `source` parsed as `root`: at its first syntax error,
    or at a keyword that closes a block written as a command's name before it (`fi` where no `if` is open,
    which the grammar takes in as a command); None where bash parses it."""
    found = _first_refused_statement(root, source)
    if found is None:
        return None
    stray = None if found.has_error or found.is_missing else _stray_keyword(found, source)
    if stray is not None:
        return _problem("cannot be parsed here", where.mark(stray))
    return _syntax_problem(root, where)


def _run_before_error(path: str, text: str, first_cut: int | None = None) -> _Parsed | None:
    """What bash runs of a script it cannot parse whole: it reads and runs one complete command at a time,
    so the commands before the one its first syntax error is in run, and it stops there. The script cut
    before that command's line (or first at `first_cut`, a line's start), parsed; None where nothing is
    left before it."""
    source, tree, where, placeholders = _prepared(path, text)
    for turn in range(_CUTS):
        cut = (
            first_cut
            if turn == 0 and first_cut is not None
            else _statement_line_start(tree.root_node, source)
        )
        if cut == 0:
            return None
        source = source[:cut]
        tree = grammars.parsed_within(_GRAMMAR, source)
        if _first_refused_statement(tree.root_node, source) is None:
            kept = {start: held for start, held in placeholders.items() if start < cut}
            return source, tree, where.over(source), kept
    return None


def _statement_line_start(root: Node, source: bytes) -> int:
    """Where the line starts on which the top-level statement holding the first syntax error starts (past
    the whole statements an error of the grammar's recovery starts with: `_past_whole_statements`)."""
    found = _first_refused_statement(root, source)
    if found is None:
        return 0
    start = source.rfind(b"\n", 0, _past_whole_statements(found, source).start_byte) + 1
    while _continued(source, start, set()):  # one command line bash reads whole, error and all
        start = source.rfind(b"\n", 0, start - 1) + 1
    return start


# The statements of the bash grammar: an error of its recovery that starts with whole ones holds them whole.
_STATEMENTS = frozenset(
    {
        "command",
        "redirected_statement",
        "variable_assignment",
        "variable_assignments",
        "declaration_command",
        "unset_command",
        "test_command",
        "negated_command",
        "for_statement",
        "c_style_for_statement",
        "while_statement",
        "if_statement",
        "case_statement",
        "pipeline",
        "list",
        "subshell",
        "compound_statement",
        "function_definition",
        "comment",
    }
)


def _past_whole_statements(error: Node, source: bytes) -> Node:
    """Where a syntax error of the grammar's recovery (`error`, an ERROR node) starts as bash reads the
    script: past the whole statements it starts with, each ended by a line's end (`echo a` on the line
    before `if then fi (`), which bash reads and runs before it reaches the error. `error` itself where it
    starts with none, or is no ERROR node."""
    children = error.children if error.is_error else []
    for child, after in itertools.pairwise(children):
        if child.type not in _STATEMENTS or child.has_error or not _line_ends_between(source, child, after):
            return child
    return children[-1] if children else error


def _line_ends_between(source: bytes, before: Node, after: Node) -> bool:
    """Whether a line ends between two nodes, one no `\\` at its end continues onto the next."""
    return b"\n" in source[before.end_byte : after.start_byte].replace(b"\\\n", b"")


def _prepared(path: str, text: str, first: Tree | None = None) -> _Parsed:
    """A script's source and syntax tree as bash reads them, whether or not it parses (`first`: the
    grammar's tree of `text` as written, where the caller has parsed it)."""
    source = text.encode("utf-8")
    tree = grammars.parsed_within(_GRAMMAR, source) if first is None else first
    moved = None
    if tree.root_node.has_error:  # here-documents started on one line, read one after the other
        source, tree, moved = shell_heredocs.apart(source, tree)
    placeholders = _placeholders(tree.root_node, source)
    if placeholders:  # read as the words they stand for, each a value the script does not state
        source = _filled(source, placeholders)
        tree = grammars.parsed_within(_GRAMMAR, source)
    lone = _lone_continuations(tree.root_node, source)
    if lone:  # a line holding only `\`, read as bash reads it: nothing, the next line a command of its own
        source = _blanked(source, lone)
        tree = grammars.parsed_within(_GRAMMAR, source)
    escapes = _escaped_line_starts(tree.root_node, source)
    if escapes:  # `\azure` on a line of its own, read as bash reads it: `azure`
        source = _blanked(source, sorted(escapes))
        tree = grammars.parsed_within(_GRAMMAR, source)
    source, tree = _split_tests_read(*_redirected_empty_values(source, tree))
    source, tree = _backtick_comments_ended(source, tree)
    tree, heads = _braced_loops(source, tree)
    where = _Positions(path, source, escapes) if moved is None else _Moved(path, source, escapes, moved)
    where.loop_heads = heads
    return source, tree, where, placeholders


def refuses(text: str) -> bool:
    """Whether bash would refuse to run `text` as a script file (`_parse`); one the grammar takes longer to
    parse than its size allows is refused, as `_read` refuses such a file."""
    with grammars.parse_budget(len(text)):
        first = grammars.parsed_in_time(_GRAMMAR, text.encode("utf-8"))
        if first is None or grammars.bash_tree(text.encode("utf-8"), first) is None:
            return True
        try:
            source, tree, _, _ = _prepared("", text, first)
            return _first_refused_statement(tree.root_node, source) is not None
        except grammars.ParseTooSlow:
            return True


def _bash_parse(source: bytes, first: Tree | None = None) -> tuple[bytes, Tree] | None:
    """A command line's source and syntax tree as bash reads them (`_redirected_empty_values`,
    `_split_tests_read`, `_backtick_comments_ended`); `first`: the grammar's tree of `source`, where the
    caller has parsed it. None where the tree nests deeper than migcheck follows (`_DEEPEST`): every
    command line parsed goes through here, so that none is walked where climbing it would overflow the
    C stack, whichever file it came from."""
    tree = grammars.bash_tree(source, first)
    if tree is None:
        return None
    read = _redirected_empty_values(source, tree)
    return _backtick_comments_ended(*_split_tests_read(*read))


def _redirected_empty_values(source: bytes, tree: Tree) -> tuple[bytes, Tree]:
    """The source and tree with each assignment of an empty value written against a redirection
    (`pass=</dev/urandom tr -dc a-z`, `x=>out.log`), which bash reads as the assignment of "" and then the
    redirection, and the grammar as an error, blanked (`pass=`): what is left parses as the redirection and
    the command. The blanked assignment gives "" to that command's environment, or to the script's variable
    where no command follows; either says nothing of a classic resource. Every position is kept; the tree
    as it is where none is."""
    if not tree.root_node.has_error:
        return source, tree
    spans: list[tuple[int, int]] = []
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        stack.extend(child for child in node.children if child.has_error)
        if node.type != "variable_assignment":
            continue
        equals = next((child for child in node.children if child.type == "="), None)
        if equals is not None and _redirects_a_word(source, equals.end_byte):
            spans.append((node.start_byte, equals.end_byte))
    if not spans:
        return source, tree
    blanked = _spaces_over(source, spans)
    return blanked, grammars.parsed_within(_GRAMMAR, blanked)


def _redirects_a_word(source: bytes, at: int) -> bool:
    """Whether a redirection starts at `at` and names a word on its line (`</dev/urandom`, `>> log`,
    `<<<text`); bash refuses one that names none (`x=<` at a line's end), where the grammar would take the
    next line's first word."""
    if source[at : at + 1] not in (b"<", b">"):
        return False
    end = source.find(b"\n", at)
    rest = source[at : len(source) if end < 0 else end].lstrip(b"<>&|")
    return bool(rest.strip())


def _split_tests_read(source: bytes, tree: Tree) -> tuple[bytes, Tree]:
    """The source and tree with each `[` test whose first word the grammar splits after a `$` (`[ $A/$B/x = y
    ]`, see `_split_off`) read as a command: the grammar then parses no test and reads the script as an
    error from there, where bash runs the command `[`. Each such `[` is made `_`, a command of a name the
    reader knows nothing of, whose test it does not decide (as it decides no test of a value built of
    variables), and the script is read on past it. The tree as it is where none is."""
    for _ in range(_CUTS):  # a test made readable may show one more that the error hid
        openings = _split_test_openings(tree.root_node) if tree.root_node.has_error else []
        if not openings:
            break
        source = _blanked(source, openings, b"_")
        tree = grammars.parsed_within(_GRAMMAR, source)
    return source, tree


def _tests_read_as_commands(node: Node, end: int) -> list[int]:
    """Where each `[` test `_split_tests_read` made the command `_` starts in `node` before `end`: a command
    named `_` whose last word is `]`."""
    found: list[int] = []
    stack = [node]
    while stack:
        current = stack.pop()
        stack.extend(child for child in current.named_children if child.start_byte < end)
        words = current.named_children if current.type == "command" else []
        if len(words) > 1 and words[0].text == b"_" and words[-1].text == b"]":
            found.append(words[0].start_byte)
    return found


def _split_test_openings(root: Node) -> list[int]:
    """Where each `[` the grammar reads no test after starts (`_split_tests_read`): one in an error, before
    a command (in an error of its own, maybe) named by a word the grammar splits."""
    found: list[int] = []
    stack = [root]
    while stack:
        node = stack.pop()
        children = node.children
        stack.extend(child for child in children if child.has_error)
        if not node.is_error:
            continue
        # Each `[` with what follows it taken from the error's own children: asking a node for its parent
        # or next sibling walks down from the root, and one error may hold thousands (`) [ ) [ …`).
        for index, child in enumerate(children):
            after = children[index + 1] if index + 1 < len(children) else None
            if child.type == "[" and not child.is_named and _names_a_split_command(after):
                found.append(child.start_byte)
    return found


def _names_a_split_command(node: Node | None) -> bool:
    """Whether the grammar's command at `node` (maybe the first of a list or error) is named by a word it
    splits (`_split_off`)."""
    while node is not None and node.type != "command" and node.child_count:
        node = node.children[0]
    name = node.child_by_field_name("name") if node is not None else None
    return name is not None and bool(name.child_count) and _split_off(name.children[0]) is not None


def _backtick_comments_ended(source: bytes, tree: Tree) -> tuple[bytes, Tree]:
    """The source and tree with each comment in backticks ended where bash ends it, at the closing backtick:
    bash takes a backtick substitution's text up to that backtick before it reads the commands in it, and
    the grammar lets a comment run past it to the end of the line, which it then reads as an error. One
    that holds only a comment (`--connect "$svc" `#Deployment name` \\`) is empty
    (`_without_backtick_comments`); one that holds a command before its comment (`y=`echo a #note``) runs
    the command (`_comments_cut_at_backticks`). Every position is kept; the tree as it is where it parses."""
    if tree.root_node.has_error:
        source, tree = _without_backtick_comments(source, tree)
    if tree.root_node.has_error:
        source, tree = _comments_cut_at_backticks(source, tree)
    return source, tree


def _comments_cut_at_backticks(source: bytes, tree: Tree) -> tuple[bytes, Tree]:
    """The source and tree with each comment the tree reads past a backtick that no backslash escapes
    (`y=`echo a #note``, `"`date #now`"`) blanked up to that backtick, kept only where the tree of the
    blanked source reads the backtick as closing a substitution opened before the comment (a comment
    outside backticks, `# run `make` first`, is one to its line's end in bash too). Two parses at most."""
    cuts = []
    for comment in grammars.comments(tree.root_node):
        close = _unescaped_backtick(source, comment.start_byte, comment.end_byte)
        if close is not None:
            cuts.append((comment.start_byte, close))
    if not cuts:
        return source, tree
    blanked = _spaces_over(source, cuts)
    blanked_tree = grammars.parsed_within(_GRAMMAR, blanked)
    by_end = {read.end: read for read in _backtick_substitutions(blanked_tree.root_node)}
    kept = [(start, close) for start, close in cuts if _closes_substitution(by_end, start, close)]
    if kept == cuts:
        return blanked, blanked_tree
    if not kept:
        return source, tree
    read = _spaces_over(source, kept)
    return read, grammars.parsed_within(_GRAMMAR, read)


def _unescaped_backtick(source: bytes, start: int, end: int) -> int | None:
    """Where the first backtick between `start` and `end` that no backslash escapes is; None where none is."""
    at = start
    while at < end:
        byte = source[at : at + 1]
        if byte == b"`":
            return at
        at += 2 if byte == b"\\" else 1
    return None


class _Backticked(NamedTuple):
    """A substitution in backticks a tree reads: where it opens and ends, whether the grammar reads an error
    in it, and the type of the node around it."""

    start: int
    end: int
    has_error: bool
    within: str


def _backtick_substitutions(root: Node) -> list[_Backticked]:
    """Each substitution in backticks the tree reads, found in one walk: a node's parent, or the node at a
    byte, costs as much as the node is deep (tree-sitter finds it from the root), which a substitution in
    each of thousands of nested ones made grow with the depth squared."""
    found: list[_Backticked] = []
    stack: list[tuple[Node, str]] = [(root, "")]
    while stack:
        node, within = stack.pop()
        children = node.children
        if node.type == "command_substitution" and children and children[0].type == "`":
            found.append(_Backticked(node.start_byte, node.end_byte, node.has_error, within))
        stack.extend((child, node.type) for child in children)
    return found


def _closes_substitution(by_end: Mapping[int, _Backticked], comment: int, close: int) -> bool:
    """Whether the tree reads the backtick at `close` as closing a backtick substitution that opens before
    `comment` (`by_end`: the tree's substitutions in backticks, by where each ends)."""
    substitution = by_end.get(close + 1)
    return substitution is not None and not substitution.has_error and substitution.start < comment


def _without_backtick_comments(source: bytes, tree: Tree) -> tuple[bytes, Tree]:
    """The source and tree with each backtick substitution that holds only a comment (`--connect "$svc"
    `#Deployment name` \\`, a way to annotate a word of a continued command) read as bash reads it: the
    comment runs nothing, so the substitution is empty, and bash drops it when it is a word of its own.
    The grammar lets the comment run past the closing backtick to the end of the line, which it then
    reads as an error. Each such substitution is blanked (the comment alone where it is part of a quoted
    string or a longer word), keeping every position, and kept only where the tree of the blanked source
    reads it as a substitution (not text in a string, a here-document or a comment). Two parses at most."""
    spans = _backtick_comments(source)
    if not spans:
        return source, tree
    emptied = _emptied(source, [(comment, close) for _, comment, close in spans])
    emptied_tree = grammars.parsed_within(_GRAMMAR, emptied)
    read_at = {(read.start, read.end): read for read in _backtick_substitutions(emptied_tree.root_node)}
    words: list[tuple[int, int]] = []
    parts: list[tuple[int, int]] = []
    for open_at, comment, close in spans:
        substitution = read_at.get((open_at, close + 1))
        if substitution is None or substitution.has_error:
            continue
        if substitution.within in ("string", "concatenation"):
            parts.append((comment, close))  # "`#note`", a`#note`b: `:`, which outputs nothing
        else:
            words.append((open_at, close + 1))  # a word of its own, which bash drops
    if not words and not parts:
        return source, tree
    read = _emptied(_spaces_over(source, words), parts)
    return read, grammars.parsed_within(_GRAMMAR, read)


def _emptied(source: bytes, comments: list[tuple[int, int]]) -> bytes:
    """`source` with each comment (start, end) in a substitution the command `:`, which outputs nothing: the
    grammar reads no substitution in backticks that hold only blanks. A `;` ends it where there is room
    (`:    ;`): the grammar reads two substitutions side by side whose first ends in blanks after a word
    (`:    ` `:    `) as one."""
    emptied = bytearray(_spaces_over(source, comments))
    for start, end in comments:
        emptied[start] = ord(":")
        if end - start > 1:
            emptied[end - 1] = ord(";")
    return bytes(emptied)


def _backtick_comments(source: bytes) -> list[tuple[int, int, int]]:
    """Each backtick whose text starts, after blanks, with `#`, closed by the next backtick on its line (one
    no backslash escapes): where it opens, where the `#` is, where it closes. Whether each is a
    substitution the tree tells (`_without_backtick_comments`)."""
    found: list[tuple[int, int, int]] = []
    at = source.find(b"`")
    while at >= 0:
        comment = at + 1
        while source[comment : comment + 1] in (b" ", b"\t"):
            comment += 1
        close = (
            source.find(b"`", comment, _line_end(source, comment))
            if source[comment : comment + 1] == b"#"
            else -1
        )
        if close < 0 or source[close - 1 : close] == b"\\":
            at = source.find(b"`", at + 1)
            continue
        found.append((at, comment, close))
        at = source.find(b"`", close + 1)
    return found


def _spaces_over(source: bytes, spans: list[tuple[int, int]]) -> bytes:
    """`source` with the bytes of each span (start, end) spaces."""
    spaced = bytearray(source)
    for start, end in spans:
        spaced[start:end] = _spaces(source[start:end])
    return bytes(spaced)


def _braced_loops(source: bytes, tree: Tree) -> tuple[Tree, dict[int, Node]]:
    """The tree of a script whose `for` loops have their bodies in braces (`for f in *.json; { ...; }`, which
    bash runs as `do ...; done` and the grammar does not parse), parsed with each such loop's head blanked,
    so that its body is a block of its own; with each head, parsed as a loop on its own, by where its body
    starts. Every node keeps its place in `source`. A few loops at most; the tree as it is where none is."""
    heads: dict[int, Node] = {}
    read = source
    for _ in range(_CUTS):
        loop = _first_loop_in_error(tree.root_node) if tree.root_node.has_error else None
        brace = _loop_brace(read, loop.start_byte) if loop is not None else -1
        head = _loop_head(source, loop.start_byte, brace) if loop is not None and brace > 0 else None
        if loop is None or head is None:
            break
        read = read[: loop.start_byte] + _spaces(read[loop.start_byte : brace]) + read[brace:]
        tree = grammars.parsed_within(_GRAMMAR, read)
        heads[brace] = head
    return tree, heads


def _first_loop_in_error(root: Node) -> Node | None:
    """The keyword of the first `for` loop in the top-level statement that holds the first syntax error."""
    found = _first_error_statement(root)
    if found is None:
        return None
    return next((child for child in found.children if child.type == "for" and not child.is_named), None)


def _loop_brace(source: bytes, start: int) -> int:
    """Where the `{` that opens the body of the loop starting at `start` is: the first `{` after it that
    is a word of its own, after a `;` or a blank (the grammar's error recovery may have swallowed it, so
    the text tells); -1 where none is."""
    at = start
    while True:
        at = source.find(b"{", at + 1)
        if at < 0 or (
            source[at - 1 : at] in (b" ", b"\t", b"\n", b";")
            and source[at + 1 : at + 2] in (b" ", b"\t", b"\n", b"\r")
        ):
            return at


def _loop_head(source: bytes, start: int, brace: int) -> Node | None:
    """The `for` loop whose head runs from `start` to its body's `{` at `brace`, parsed with an empty body
    where it stands (what comes before blanked); None where that is no `for` loop over words."""
    text = _spaces(source[:start]) + source[start:brace] + b"do :; done"
    root = grammars.parsed_within(_GRAMMAR, text).root_node
    loop = root.named_children[-1] if root.named_children else None
    if root.has_error or loop is None or loop.type != "for_statement" or loop.start_byte != start:
        return None
    return loop


def _spaces(text: bytes) -> bytes:
    """`text` with every byte but its line breaks a space, so that what follows keeps its line and column."""
    return bytes(byte if byte in b"\r\n" else 32 for byte in text)


# The shells a script's path may be given to (`bash ./values.sh`), which run it as it would run itself.
_SCRIPT_RUNNERS = frozenset({"bash", "sh"})


def _echoed(settings: beside.Settings) -> _Value | None:
    """What a script outputs when all it does is one `echo` of words it states (`echo "10.0.1.0/24"`, after
    comments and a `#!` line): the words, joined by a blank as echo joins them (a command substitution drops
    the line's end), marked where the script writes the first. None for any other script: one that runs
    other commands, echoes a variable or an option (`-e`, `-n`), or cannot be parsed."""
    parsed = _parse(settings.path, settings.data.decode("utf-8", "replace").removeprefix("\ufeff"))
    if isinstance(parsed, FileProblem):
        return None
    source, tree, where, placeholders = parsed
    statements = [c for c in tree.root_node.named_children if c.type != "comment"]
    if len(statements) != 1 or statements[0].type != "command":
        return None
    command = statements[0]
    name = command.child_by_field_name("name")
    arguments = command.children_by_field_name("argument")
    if name is None or len(command.named_children) != len(arguments) + 1 or not arguments:
        return None  # `X=1 echo`, a redirection, or no words
    walker = _Walker(settings.path, source, where, arm=False)
    walker.placeholders = placeholders
    words = [walker.value(argument) for argument in arguments]
    if walker.value(name).text != "echo" or any(w.text is None for w in words):
        return None
    if (words[0].text or "").startswith("-"):
        return None  # an option, which changes what is written
    joined = " ".join(w.text or "" for w in words)
    return _Value(joined, words[0].mark, len(words) == 1 and words[0].exact, text_at=words[0].text_at)


def _echoed_word(body: Node) -> Node | None:
    """The one word a function's body echoes when that is all the body does (`{ echo "$1-vm"; }`, after
    comments): not an option (`-n`), with no assignment or redirection on the command. None otherwise."""
    statements = [c for c in body.named_children if c.type != "comment"]
    if body.type != "compound_statement" or len(statements) != 1 or statements[0].type != "command":
        return None
    command = statements[0]
    name = command.child_by_field_name("name")
    arguments = command.children_by_field_name("argument")
    if name is None or name.text != b"echo" or len(arguments) != 1 or len(command.named_children) != 2:
        return None
    return None if (arguments[0].text or b"").lstrip(b"\"'").startswith(b"-") else arguments[0]


class _Sourced(NamedTuple):
    """What a sourced settings file gives the script that sources it: the variables it sets to values it
    states (see `_settings_values`), and the names of all those it may set, on any path and to any value
    (None: it may set any)."""

    values: dict[str, _Value]
    assigned: frozenset[str] | None


def _settings_values(settings: beside.Settings) -> _Sourced:
    """The variables a sourced settings file sets at its top level to values it states, on every path
    (`SERVICE=shop-svc`, `export VNET=hub`, `subnets=(front back)`): what the script that sources it holds
    from there. Only values: its commands are its own, checked with it, and not read again here (its
    functions, which the script may call, are read apart: `_settings_functions`); a value
    it reads from the environment, a command or a branch is not stated, and the script reads it as it
    would without the file, but for the API's host its branches each set (`_api_host_of_each`)."""
    parsed = _parse(settings.path, settings.data.decode("utf-8", "replace").removeprefix("\ufeff"))
    if isinstance(parsed, FileProblem):
        return _Sourced({}, frozenset())  # bash runs none of a file it cannot parse
    source, tree, where, placeholders = parsed
    walker = _Walker(settings.path, source, where, arm=False)
    walker.placeholders = placeholders
    try:
        walker.statements(tree.root_node)
    except (_Exhausted, RecursionError):
        return _Sourced({}, None)
    stated = {
        name: v
        for name, v in walker.scope.variables.items()
        if v.text is not None or v.shape == _API_HOST_IN_A_CLOUD
    }
    if walker.sourced:  # it sources a file in turn, which may set any variable
        return _Sourced(stated, None)
    return _Sourced(stated, frozenset(walker.scope.variables) | _assigned_in(tree.root_node, source))


class _Written(NamedTuple):
    """A file the script surely wrote whole with a here-document (`_Walker._wrote_whole`): its text, where
    that starts and whether it is as written there, the path it was written to (normalised), from the
    folder the script then ran in, and the writes the reader cannot name that had run (`_write_state`)."""

    text: str
    at: Mark
    exact: bool
    path: str
    working: str
    state: tuple[int, int, int, bool]
    placed: Callable[[int], Mark] | None  # where each character of `text` is written, if not as `exact` says


class _Library(NamedTuple):
    """The functions a sourced file defines at its top level (`deploy_vm() { … }`), by name, which the
    script that sources it may call from there: each call runs the body where the file writes it (see
    `_Walker._in_library`), with the words the call passes. With what the bodies are read in: the file's
    display path, source, positions and placeholders; its tree is held so that its nodes live as long."""

    path: str
    source: bytes
    where: _Positions
    placeholders: dict[int, str]
    functions: tuple[tuple[str, Node], ...]
    tree: Tree


def _settings_functions(settings: beside.Settings) -> _Library | None:
    """The functions a sourced file defines at its top level; None for a file bash would not run."""
    parsed = _parse(settings.path, settings.data.decode("utf-8", "replace").removeprefix("\ufeff"))
    if isinstance(parsed, FileProblem):
        return None
    source, tree, where, placeholders = parsed
    functions = []
    for statement in tree.root_node.named_children:
        name = statement.child_by_field_name("name") if statement.type == "function_definition" else None
        body = statement.child_by_field_name("body") if name is not None else None
        if name is not None and body is not None:
            functions.append((source[name.start_byte : name.end_byte].decode("utf-8", "replace"), body))
    return _Library(settings.path, source, where, placeholders, tuple(functions), tree)


def _top_level_commands(settings: beside.Settings) -> frozenset[str]:
    """The names of the commands a sourced file's top level runs, outside the functions it defines."""
    library = beside.values_of(settings, _settings_functions)
    if library is None:
        return frozenset()
    found: set[str] = set()
    stack = [library.tree.root_node]
    while stack:
        node = stack.pop()
        if node.type == "command":
            name = node.child_by_field_name("name")
            if name is not None:
                found.add(library.source[name.start_byte : name.end_byte].decode("utf-8", "replace"))
        stack.extend(c for c in node.named_children if c.type != "function_definition")
    return frozenset(found)


def _top_level_reads(settings: beside.Settings) -> frozenset[str]:
    """The variables a sourced file's top-level commands read (`azure vm create "$SERVICE" …`), outside the
    functions it defines, that the file sets nowhere (see `_Sourced.assigned`): those of the script that
    sources it, or the environment's. Not the shell's special parameters (`$1`, `$?`), which are no names."""
    library = beside.values_of(settings, _settings_functions)
    assigned = beside.values_of(settings, _settings_values).assigned
    if library is None or assigned is None:
        return frozenset()
    found: set[str] = set()
    # Each node is held with its parent's type: tree-sitter finds a node's parent by walking down from the
    # root, so asking it costs time growing with the depth (a 20,000-long `a && b && …` chain is that deep).
    stack = [(library.tree.root_node, "", False)]
    while stack:
        node, parent, in_command = stack.pop()
        in_command = in_command or node.type == "command"
        if in_command and node.type == "variable_name" and parent in ("simple_expansion", "expansion"):
            found.add(library.source[node.start_byte : node.end_byte].decode("utf-8", "replace"))
        stack.extend(
            (c, node.type, in_command) for c in node.named_children if c.type != "function_definition"
        )
    return frozenset(found - assigned)


def _walked(
    path: str,
    source: bytes,
    where: _Positions,
    root: Node,
    arm: bool,
    placeholders: dict[int, str],
    held: tuple[tuple[tuple[str | None, Mark | None], ...], frozenset[int]] = ((), frozenset()),
    names_the_api: bool = False,
) -> _Walker:
    """The script run through by a walker; a hostile one, past the work its size warrants, read again
    once through, each statement once and no call followed. `held`: the holes and the empty holes of
    `read_commands`; `names_the_api`: the file that runs the script names the API (`_Walker.names_the_api`)."""
    walker = _Walker(path, source, where, arm)
    walker.placeholders, (walker.line_holes, walker.empty_holes) = placeholders, held
    walker.names_the_api = walker.names_the_api or names_the_api
    walker.assigned = _assigned_anywhere(root, source)
    try:
        walker.run(root)
    except (_Exhausted, RecursionError):
        walker = _Walker(path, source, where, arm, flat=True)
        walker.placeholders, (walker.line_holes, walker.empty_holes) = placeholders, held
        walker.names_the_api = walker.names_the_api or names_the_api
        walker.run(root)
    return walker


# What a placeholder a script copied from documentation may hold between its `<` and `>`
# (`<password>`, `<cloud service name>`): words, nothing the shell would expand or quote.
_PLACEHOLDER_TEXT = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-.")


def _placeholders(root: Node, source: bytes) -> dict[int, str]:
    """The documentation's placeholders a script leaves unfilled (`azure vm create ... ops <password>`), by
    where each starts: for bash, redirections (`<password` then `>`, which reads the next line as a file
    name, or fails at its end), so the commands around them vanish. Each is a `<` redirection whose file
    name is attached, closed by a `>` on its line, with only words between."""
    found: dict[int, str] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "file_redirect" and node.children and node.children[0].type == "<":
            start = node.children[0].start_byte
            end = source.find(b">", start, _line_end(source, start))
            inside = source[start + 1 : end]
            if end > start + 1 and inside[:1] != b" " and set(inside) <= _PLACEHOLDER_TEXT:
                found[start] = source[start : end + 1].decode("ascii")
        stack.extend(node.children)
    return found


# What may follow a backslash that starts a command and changes nothing but that an alias is not used
# (`\azure`): a character of a command's name.
_PLAIN = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./")


def _escaped_line_starts(root: Node, source: bytes) -> set[int]:
    """Where a command starts with a backslash at the start of its line (`\\azure vm create`, which runs
    `azure` bypassing any alias): the grammar joins such a word to the command on the line before, so it
    is read with the backslash as a space (a mark of the word after it is at the backslash)."""
    found: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "word" and source[node.start_byte : node.start_byte + 1] == b"\n":
            text = source[node.start_byte : node.end_byte]
            at = node.start_byte + len(text) - len(text.lstrip())
            if source[at : at + 1] == b"\\" and source[at + 1 : at + 2] and source[at + 1] in _PLAIN:
                found.add(at)
        stack.extend(node.children)
    return found


def _lone_continuations(root: Node, source: bytes) -> list[int]:
    """Where a line holds only a backslash, outside any word, string or here-document, after a line that
    ends a command (not one continued by a backslash): bash joins it to the next line, which is then a
    command of its own, but the grammar joins that command to the one before (so `azure vm create` on the
    next line would be read as words of the command above)."""
    found: set[int] = set()
    start = 0
    while start < len(source):
        end = _line_end(source, start)
        line = source[start:end].rstrip(b"\r")
        at = start + len(line) - 1
        if line.strip() == b"\\" and _between_nodes(root, at) and not _continued(source, start, found):
            found.add(at)
        start = end + 1
    return sorted(found)


def _lost_continuations(root: Node, source: bytes, where: _Positions, classic: set[int]) -> tuple[Mark, ...]:
    """Where a command word is written starting with `-` on the line right after a classic `azure` command
    (or after lines run, as bash does, as commands of their own right after one): no command is named so,
    bash says "command not found", and its options were most likely meant for the classic command, whose
    line lost its `\\` (see `LOST_CONTINUATION`). The command is read as bash runs it."""
    found: list[Mark] = []
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        name = node.child_by_field_name("name") if node.type == "command" else None
        if name is None or not source[name.start_byte : name.end_byte].startswith(b"-"):
            continue
        if _after_classic(node, classic):
            found.append(replace(where.mark(name), tag=LOST_CONTINUATION))
    return tuple(sorted(found, key=lambda mark: (mark.line, mark.column)))


def _after_classic(node: Node, classic: set[int]) -> bool:
    """Whether the lines right before `node`, each a statement of its own ending on the line before the
    next, lead back to a classic `azure` command's line."""
    before = node.prev_named_sibling
    line = node.start_point[0]
    while before is not None and before.type == "command" and before.end_point[0] == line - 1:
        line = before.start_point[0]
        if line + 1 in classic:
            return True
        before = before.prev_named_sibling
    return False


def _between_nodes(root: Node, at: int) -> bool:
    """Whether the byte at `at` is in no word, string, comment or here-document: between the nodes."""
    node = root.descendant_for_byte_range(at, at + 1)
    return node is not None and node.child_count > 0 and node.type not in _TEXTS


# The nodes whose bytes are text, where a backslash is a character of it.
_TEXTS = frozenset(
    {"string", "raw_string", "heredoc_body", "heredoc_redirect", "comment", "word", "concatenation"}
    | {"ansi_c_string"}
)


def _continued(source: bytes, line_start: int, blanked: set[int]) -> bool:
    """Whether the line before `line_start` ends with a backslash that continues it: one not blanked, and
    not itself escaped (`echo a \\\\` ends its command, with a backslash its last word's text; an odd run
    of backslashes continues the line)."""
    end = line_start - 2  # the last byte before the line break
    if end >= 0 and source[end : end + 1] == b"\r":
        end -= 1
    if end < 0 or source[end : end + 1] != b"\\" or end in blanked:
        return False
    first = end  # the first of the run of backslashes the line ends with: each pair of them is one
    while first > 0 and source[first - 1] == _BACKSLASH:
        first -= 1
    return (end - first) % 2 == 0


_BACKSLASH = ord("\\")


def _blanked(source: bytes, positions: list[int], blank: bytes = b" ") -> bytes:
    spaced = bytearray(source)
    for index in positions:
        spaced[index] = blank[0]
    return bytes(spaced)


def _line_end(source: bytes, start: int) -> int:
    end = source.find(b"\n", start)
    return len(source) if end < 0 else end


def _filled(source: bytes, placeholders: dict[int, str]) -> bytes:
    """The source with each placeholder one word of the same length (`<a b>` as `_a_b_`), so that every
    column stays where it is written."""
    filled = bytearray(source)
    for start, text in placeholders.items():
        filled[start : start + len(text)] = text.translate(str.maketrans("<> ", "___")).encode("ascii")
    return bytes(filled)


class _Positions:
    """Marks of byte offsets into the source: 1-based line and character column."""

    exact = True  # a mark's column is that of the node

    def __init__(self, path: str, source: bytes, escapes: set[int] | None = None) -> None:
        self.path = path
        self.source = source
        self.escapes = escapes or set()  # see `_escaped_line_starts`: a word after one starts at it
        # The heads of the `for` loops whose bodies are in braces, by where each body starts (`_braced_loops`).
        self.loop_heads: dict[int, Node] = {}
        # The last offset counted, with its line's start and the characters before it on the line: a
        # mark further on the same line counts on from there, so that a script written on one line
        # costs time linear in its length, not in the square of it.
        self._counted = (0, 0, 0)

    def over(self, source: bytes) -> _Positions:
        """The marks of `source`, the start of the source these are of."""
        return _Positions(self.path, source, self.escapes)

    def lines(self, node: Node) -> tuple[int, int]:
        """The first and last line (1-based) a node is written on."""
        return node.start_point[0] + 1, node.end_point[0] + 1

    def mark(self, node: Node, skip: int = 0) -> Mark:
        row, column = node.start_point
        line_start = node.start_byte - column
        counted_start, counted_at, characters = self._counted
        if counted_start != line_start or counted_at > node.start_byte:
            counted_at, characters = line_start, 0
        characters += len(self.source[counted_at : node.start_byte].decode("utf-8", "replace"))
        self._counted = (line_start, node.start_byte, characters)
        escaped = node.start_byte - 1 in self.escapes
        return Mark(self.path, row + 1, column=characters + 1 + skip - escaped)


class _Moved(_Positions):
    """Marks of a source whose here-documents were read apart, parts of its lines moved
    (`shell_heredocs.apart`): each byte where the script writes it."""

    def __init__(self, path: str, source: bytes, escapes: set[int], origins: shell_heredocs.Origins) -> None:
        super().__init__(path, source, escapes)
        self.origins = origins
        written = origins.written
        starts, at = [0], written.find(b"\n")
        while at >= 0:
            starts.append(at + 1)
            at = written.find(b"\n", at + 1)
        self.line_starts = starts

    def over(self, source: bytes) -> _Positions:
        return _Moved(self.path, source, self.escapes, self.origins)

    def lines(self, node: Node) -> tuple[int, int]:
        return self._line(self.origins.origin(node.start_byte)), self._line(
            self.origins.origin(node.end_byte)
        )

    def _line(self, at: int) -> int:
        return bisect.bisect_right(self.line_starts, at)

    def mark(self, node: Node, skip: int = 0) -> Mark:
        at = self.origins.origin(node.start_byte)
        line = self._line(at)
        line_start = self.line_starts[line - 1]
        counted_start, counted_at, characters = self._counted
        if counted_start != line_start or counted_at > at:
            counted_at, characters = line_start, 0
        characters += len(self.origins.written[counted_at:at].decode("utf-8", "replace"))
        self._counted = (line_start, at, characters)
        escaped = node.start_byte - 1 in self.escapes
        return Mark(self.path, line, column=characters + 1 + skip - escaped)


class _At(_Positions):
    """Every node of a command line `eval` runs is shown where the `eval` is."""

    exact = False

    def __init__(self, at: Mark) -> None:
        super().__init__(at.path, b"")
        self.at = at

    def mark(self, node: Node, skip: int = 0) -> Mark:
        return self.at


class _HeldAt(_Positions):
    """Marks of a command text another file holds (the shell script a Python script's
    `subprocess.call(["azure", ...])` makes, an Ansible task's `shell:`): `anchors` are the byte offset where
    each part of the text starts, in order, with the mark of where the file writes it; a byte is shown at
    the mark of the last part that starts at or before it. `exact` where each character the file writes
    is a part of its own (a YAML scalar's), not where a part is a whole value the file gives (Python's)."""

    def __init__(self, path: str, anchors: Sequence[tuple[int, Mark]], exact: bool) -> None:
        super().__init__(path, b"")
        self.exact = exact
        self.starts = [start for start, _ in anchors]
        self.marks = [mark for _, mark in anchors]

    def mark(self, node: Node, skip: int = 0) -> Mark:
        if not self.marks:
            return Mark(self.path, 1, column=1)
        at = bisect.bisect_right(self.starts, node.start_byte + skip) - 1
        return self.marks[max(at, 0)]

    def counted(self, at: int, source: bytes) -> Mark:
        """The mark of byte `at` of the line `source`: its part's, as many columns on as the characters of
        the part before it (a part may be one character the file writes, or a whole value it gives)."""
        index = bisect.bisect_right(self.starts, at) - 1
        if index < 0:
            return self.marks[0] if self.marks else Mark(self.path, 1, column=1)
        mark = self.marks[index]
        return replace(
            mark, column=mark.column + len(source[self.starts[index] : at].decode("utf-8", "replace"))
        )


def _syntax_problem(root: Node, where: _Positions) -> FileProblem:
    """MIG001 where bash's error starts: at what a missing closer leaves open (an `if`, a quote), not at
    the file's end; at a redirection that takes its file name from a later line (`cmd >` at a line's end,
    which bash refuses there), not where the grammar's recovery gives up."""
    path = grammars.first_error_path(root)
    if not path:
        return _problem("cannot be parsed here", Mark(where.path, 1, column=1))
    found = path[-1]
    stopped = shell_heredocs.past_the_limit(where.source, path)
    if stopped is not None:  # an error of migcheck's limit, not of the script
        return _heredocs_past_the_limit(where.mark(stopped))
    crowded = shell_heredocs.past_the_line_limit(where.source, path)
    if crowded is not None:  # as above: migcheck's limit of here-documents on one line
        return _heredocs_past_the_line_limit(where.mark(crowded))
    redirect = _redirect_across_lines(path)
    if redirect is not None:
        return _problem("redirects here to no file its line names", where.mark(redirect))
    if found.is_missing and len(path) > 2:  # what the missing closer's parent opens, below the root
        stray = _stray_keyword(path[-2], where.source)
        if stray is not None:  # bash stops at it, not at the file's end
            return _problem("cannot be parsed here", where.mark(stray))
        return _problem("opens something here that it never closes", where.mark(path[-2]))
    stray = _unmatched_parenthesis(found)
    if stray is not None:  # bash stops at it, with what is open before it left open
        return _problem("cannot be parsed here", where.mark(stray))
    return _problem("cannot be parsed here", where.mark(_past_whole_statements(found, where.source)))


# The words bash reads as a keyword in a command's place, where the grammar reads a command's name.
_KEYWORDS_NO_COMMAND_NAMES = frozenset({"}", "fi", "done", "esac", "then", "else", "elif", "do"})


def _stray_keyword(opened: Node, source: bytes) -> Node | None:
    """The name of the first command in `opened` (a block left open, or a statement) that is a keyword
    closing another block (`esac` in an `if`, `done` with no loop open): bash rejects it there, where the
    grammar takes it in as a command. A name after an assignment or a redirection (`x=1 fi`) is no keyword
    to bash, and a backquoted command (`` `fi` ``) or one in a here-document is parsed only when it runs."""
    ahead = [opened]
    while ahead:
        node = ahead.pop()
        if node.type == "heredoc_body" or (
            node.type == "command_substitution" and source[node.start_byte : node.start_byte + 1] == b"`"
        ):
            continue
        name = node.child_by_field_name("name") if node.type == "command" else None
        if name is not None and name == node.children[0]:
            keyword = _keyword_in_command_place(node, name, source)
            if keyword is not None:
                return keyword
        ahead.extend(reversed(node.named_children))
    return None


def _keyword_in_command_place(command: Node, name: Node, source: bytes) -> Node | None:
    """The closing keyword bash reads in the place of `command`'s name (`fi`), or of the command a `time`
    or `coproc` before it runs (`time fi`, `time -p -- fi`, `coproc fi`, `time ! fi`), which the grammar
    reads as a command named `time` given arguments; None where there is none. A quoted word (`time "fi"`)
    is no keyword, and `time` is one only where bash reads it so (`_time_is_a_keyword`)."""
    after = ""  # what the word before was to bash: "time", "time -p" or another prefix ("")
    for at, word in enumerate([name, *command.children[1:]]):
        text = source[word.start_byte : word.end_byte]
        if at > 0 and word.type != "word":
            return None
        if text in _KEYWORD_BYTES:
            return word
        if text == b"time" and (at > 0 or _time_is_a_keyword(command)):
            after = "time"
        elif text in (b"coproc", b"!") or (after == "time" and text == b"-p"):
            after = "time -p" if text == b"-p" else ""
        elif after.startswith("time") and text == b"--":
            after = ""
        else:
            return None
    return None


def _time_is_a_keyword(command: Node) -> bool:
    """Whether bash reads the `time` that names `command` as the keyword that times a pipeline: where a
    pipeline starts (after a `|` it runs a command `time`), but not as the very first word of a command
    substitution (bash reads `$(time fi)` with no error)."""
    parent, before = command.parent, command.prev_sibling
    if parent is not None and parent.type == "pipeline" and parent.named_children[0] != command:
        return False
    return not (
        parent is not None
        and parent.type == "command_substitution"
        and before is not None
        and before.type == "$("
    )


_KEYWORD_BYTES = frozenset(word.encode() for word in _KEYWORDS_NO_COMMAND_NAMES)


def _unmatched_parenthesis(error: Node) -> Node | None:
    """The first `)` of a syntax error of the grammar's recovery (an ERROR node) that no `(` of it opens:
    the token bash rejects (`)` after `foo() {` and a command), later than where the error starts."""
    depth = 0
    for child in error.children if error.is_error else []:
        if child.type == "(" and not child.is_named:
            depth += 1
        elif child.type == ")" and not child.is_named:
            if depth == 0:
                return child
            depth -= 1
    return None


def _heredocs_past_the_limit(at: Mark) -> FileProblem:
    """MIG001 of a script with more lines of here-documents the grammar does not read (`cat <<A <<B`, `if
    x; then cat <<A; fi` below another) than migcheck reads apart: `at` the first line it did not read."""
    return FileProblem(
        "syntax",
        f"the shell script starts here-documents on more lines than migcheck reads the way bash does: it"
        f" reads {shell_heredocs.LINES_READ_APART} such lines (several `<<` on one line, or one inside `if"
        " …; fi`, `{ …; }` on its line) and stops at this one, so it reads none of the script",
        at,
        fix="Give each command that takes a here-document a line of its own (`if x; then` on one line,"
        " `cat <<A` on the next), so that migcheck reads the script's commands.",
    )


def _heredocs_past_the_line_limit(at: Mark) -> FileProblem:
    """MIG001 of a script with a line that starts more here-documents than migcheck reads apart on one line
    (`cat <<A <<B <<C <<D <<E`): `at` the one the grammar stopped at."""
    return FileProblem(
        "syntax",
        f"the shell script starts more here-documents on this line than migcheck reads the way bash does:"
        f" it reads {shell_heredocs.ON_A_LINE} `<<` on one line and stops at this line, so it reads none of"
        " the script",
        at,
        fix="Give each command that takes a here-document a line of its own, and a command at most one"
        " here-document (bash feeds it the last), so that migcheck reads the script's commands.",
    )


# The depth past which a script is not read (`grammars.bash_tree`).
_DEEPEST = grammars.BASH_DEEPEST


def _too_deep(path: str, at: Mark | None = None) -> FileProblem:
    """MIG001 of a script (or a CI step's, a recipe's or a task's command line, written at `at`) whose
    syntax tree nests deeper than migcheck follows (`_DEEPEST`)."""
    return FileProblem(
        "syntax",
        f"the shell script nests commands, substitutions or expressions more than {_DEEPEST:,} levels deep"
        " (`$(` within `$(` thousands of times?), deeper than migcheck follows, so it reads none of it",
        at or Mark(path, 1, column=1),
        fix="Write the nested commands one after the other, each saving its output in a variable the next one"
        " reads, so that migcheck reads them.",
    )


def _too_slow_to_parse(path: str, at: Mark | None = None) -> FileProblem:
    """MIG001 of a script (or a CI step's, a recipe's or a task's command line, written at `at`) the bash
    grammar takes longer to parse than its size allows (`grammars`)."""
    return FileProblem(
        "syntax",
        "the shell script takes longer to parse than a script of its size may (a construct repeated"
        " thousands of times, such as `@(...)` patterns or `case` arms?), so migcheck reads none of it",
        at or Mark(path, 1, column=1),
        fix="Split the script, or write the repeated construct as a loop over a list, so that migcheck"
        " reads its commands.",
    )


def _problem(what: str, at: Mark) -> FileProblem:
    return FileProblem(
        "syntax",
        f"the shell script {what} (a quote, bracket, `fi`, `done` or `esac` left open, or a `<...>`"
        " redirection with no file name?)",
        at,
        fix="Fix the script so that bash can run it (`bash -n` says where it stops).",
    )


def _redirect_across_lines(path: list[Node]) -> Node | None:
    """The innermost redirection around the first syntax error (`path`: the nodes from the root down to it,
    `grammars.first_error_path`) that starts on an earlier line than the error, if any."""
    row = path[-1].start_point[0]
    return next(
        (at for at in reversed(path[:-1]) if at.type == "file_redirect" and at.start_point[0] < row), None
    )


def _first_refused_statement(root: Node, source: bytes) -> Node | None:
    """The top-level statement bash refuses first: the first that holds a syntax error (as
    `_first_error_statement`) or a closing keyword written as a command's name (`_stray_keyword`)."""
    if root.is_error or root.is_missing:
        return root
    return next(
        (
            child
            for child in root.children
            if child.has_error or child.is_missing or _stray_keyword(child, source) is not None
        ),
        None,
    )


def _first_error_statement(root: Node) -> Node | None:
    """The top-level statement that holds the first syntax error (`grammars.first_error`), or the root where
    it is the error. The first child holding an error is taken, not the error's ancestor climbed to:
    tree-sitter finds a node's parent by going down from the root, so climbing costs the error's depth
    squared."""
    if root.is_error or root.is_missing:
        return root
    return next((child for child in root.children if child.has_error or child.is_missing), None)


@record
class _Value:
    """A variable's value: its text, or None where the script does not state it; where it is written."""

    text: str | None
    mark: Mark | None = None
    exact: bool = False
    words: tuple[Word, ...] | None = None  # the words of `$@` (a function's arguments)
    # Of a value built from parts some of which the script does not state: its text with `_HOLE` for each
    # of those (`azure vm create -w _HOLE`), which `eval` runs as a command line.
    shape: str | None = None
    # Of a value not stated: what holds it (`xplat.Word.holder`), the variable or the assignment that
    # sets it, so that two commands given it name one resource.
    holder: str | None = None
    # Of a value with a shape: what holds each value in it the script does not state, in order, and
    # where each is written (the `$vnet` inside `cmd="azure vm create -w $vnet"`), where the reader knows.
    holes: tuple[str | None, ...] = ()
    hole_marks: tuple[Mark | None, ...] = ()
    # Of a value not stated: the variables the values in it were last assigned to (`xplat.Word.names`).
    names: tuple[str, ...] = field(default=(), compare=False)
    # Of an array the script writes whole (`arr=(a b)`, `declare -A cfg=([svc]=x)`): each item by its
    # index or key, in the order bash lists them; its text is its item 0, which `$arr` reads.
    items: tuple[tuple[str, Word], ...] | None = None
    associative: bool = False
    # Of a variable the script first sets, empty, at its top level (`VNET=""` under "set these before running"):
    # a blank left for the user to fill, so a word that is that variable alone is a value the script does
    # not state (`holder`), never a name stated empty; a word built from it with other text holds nothing.
    blank: bool = False
    # Of a value that is the script's own folder (`$(dirname "$0")`, `$(cd "$(dirname "$0")" && pwd)`,
    # `${BASH_SOURCE%/*}`): "script", or "resolved" where symbolic links are resolved in it
    # (`$(dirname "$(readlink -f "$0")")`); "" for any other value.
    folder: str = ""
    # Of a value the environment gives, else nothing (`${VNET:-}`, an empty default): it may be empty, so
    # an option given it may be given none (see `xplat.Word.maybe_empty`). So is a value one path of the script
    # leaves so and another sets (see `_joined`), but not in the branch of a test that proves it set (`if [ -n
    # "$VNET" ]`, see `_Walker._narrowed`).
    maybe_empty: bool = False
    # Of a variable some path of the script leaves unset, the environment's, and another sets (`if [ "$prod" =
    # 1 ]; then VNET=prodnet; fi`): what `${VNET:-}` reads may be empty there, as where the script never sets it.
    maybe_unset: bool = False
    # Of a variable the script reads and assigns nowhere (`_Walker.assigned`): the variable as written
    # (`$VNET`), `maybe_empty` too (see `xplat.Word.unset`).
    unset: str = ""
    # Of a positional parameter not given a value the script states, with a default it states
    # (`${1:-Contoso Prod}`): that default, which a run as written, given no arguments, uses (see
    # `xplat.Word.default`); the value stays one the script does not state.
    default: str | None = None
    # Of a value a test of the choice the code is on proves there (`if [ -z "$VNET" ]`: "" in its `then`,
    # set and not empty in its `else`; `[ "$ENV" = prod ]`: "prod" where it holds): what a later test of it
    # on that branch decides (`_Walker._certain`).
    tested: bool = False
    # Of such a folder: how many folders above the script's own it is (`$(cd "$(dirname "$0")/.." && pwd)`:
    # 1), where the files it names are found from the script's folder by that many `../`.
    above: int = 0
    # Of a folder the script names below such a folder (`SHARED="$ROOT/shared"`): its path from there.
    within: str = ""
    # Where each character of its text is written (`Word.placed`), which two equal values may differ in.
    placed: Callable[[int], Mark] | None = field(default=None, compare=False)
    # Of a value written in quotes: where its text starts, `mark` being its opening quote (`Word.text_at`).
    text_at: Mark | None = field(default=None, compare=False)

    @staticmethod
    def of(word: Word) -> _Value:
        """The value a word holds where a variable is set to it (an argument a call gives, an item a loop
        turns over): `_Walker._word_of` the other way."""
        return _Value(
            word.text, word.mark, word.exact, holder=word.holder, names=word.names, text_at=word.text_at
        )

    @property
    def text_mark(self) -> Mark | None:
        """Where the first character of its text is written (`Word.text_mark`)."""
        return self.text_at or self.mark

    @property
    def template(self) -> str:
        return self.text if self.text is not None else self.shape or _HOLE

    def unstated(self) -> tuple[tuple[str | None, Mark | None], ...]:
        """What holds each value of `template` the script does not state, and where it is written."""
        if self.text is not None:
            return ()
        if self.shape is None:
            return ((self.holder, self.mark),)
        marks = self.hole_marks if len(self.hole_marks) == len(self.holes) else (None,) * len(self.holes)
        return tuple(zip(self.holes, marks, strict=True))


_UNSTATED = _Value(None)

# What a test proves of a variable on a branch of the choice it makes (`_Walker._proven`): its name, and its
# text there: None where it is set and not empty, "" where it is empty, a word where it equals that word.
_Known = tuple[str, str | None]


def _appended(before: _Value, added: _Value) -> _Value:
    """`URL+=/services`: the value before joined with the one added, as `URL="$URL/services"` joins them, so
    that what holds each part the script does not state, and the name it was assigned to (`$MGMT_URL` of
    `MGMT_URL=$2`), is kept where the script adds text to it."""
    if before.text is not None and added.text is not None:
        joined = before.text + added.text
        return _Value(joined if len(joined) <= _LONGEST_VALUE else None, before.mark)
    shape = before.template + added.template
    if len(shape) > _LONGEST_VALUE:  # longer than anything followed (`X+=$X` line after line)
        return _Value(None, before.mark)
    unstated = before.unstated() + added.unstated()
    return _Value(
        None,
        before.mark,
        shape=shape,
        holes=tuple(holder for holder, _ in unstated),
        hole_marks=tuple(mark for _, mark in unstated),
        names=before.names + added.names,
    )


# What holds each item of a loop over `$(azure network vnet list ...)`: every virtual network of the
# subscription, one value whichever loop and variable lists it (as PowerShell's Get-AzureVNetSite is).
_EVERY_NETWORK = "azure network vnet list"
# The tools that print the shell settings (variables, functions) their own environment needs, for the script
# to take by `eval "$(ssh-agent -s)"`: what they print runs no classic command.
_PRINTS_ITS_SETTINGS = frozenset(
    {
        "brew",
        "conda",
        "dircolors",
        "direnv",
        "docker-machine",
        "gpg-agent",
        "keychain",
        "minikube",
        "nodenv",
        "opam",
        "pyenv",
        "rbenv",
        "ssh-agent",
    }
)
# The variables bash gives another value each time it expands them.
_ANEW_EACH_TIME = frozenset(("RANDOM", "SRANDOM"))
# Variables bash or the login sets in every session: never the script's to assign.
_SHELL_VARIABLES = frozenset(
    [
        "BASH",
        "BASHPID",
        "BASH_SOURCE",
        "BASH_VERSION",
        "BASH_LINENO",
        "EUID",
        "FUNCNAME",
        "GROUPS",
        "HOME",
        "HOSTNAME",
        "HOSTTYPE",
        "IFS",
        "LANG",
        "LINENO",
        "LOGNAME",
        "MACHTYPE",
        "OLDPWD",
        "OPTARG",
        "OPTIND",
        "OSTYPE",
        "PATH",
        "PPID",
        "PWD",
        "SECONDS",
        "SHELL",
        "SHLVL",
        "TERM",
        "TMPDIR",
        "UID",
        "USER",
    ]
)
# The commands that set the variables their operands name (`read VNET`, `local VNET`, `printf -v VNET`,
# `getopts ab: opt`): a name among their words is one the script assigns.
_SETTING_COMMANDS = frozenset(
    ("read", "getopts", "mapfile", "readarray", "printf", "declare", "local", "typeset", "export", "readonly")
)
# The commands that may set any variable (`source settings.sh`, `eval "$line"`): past them, none is one the
# script assigns nowhere.
_SETTING_ANY = frozenset(("source", ".", "eval"))
# The expansions that set a variable (`${VNET:=hub}`) or stop the script where it is not (`${VNET:?}`): past
# either, it holds a value the script gives or requires.
_SETTING_OPERATORS = frozenset((":=", "=", ":?", "?"))
# What stands for a value the script does not state in a command line `eval` runs: one word, which no
# script writes, that the grammar reads as a word wherever it stands.
_HOLE = xplat.HOLE


@dataclass
class _Scope:
    variables: dict[str, _Value] = field(default_factory=dict)
    arguments: tuple[Word, ...] | None = None  # a function's `$1`...; None at the script's level
    local: set[str] = field(default_factory=set)  # a function's own (`local x`), gone when it returns


# The budget's steps an `azure` command counts for (see `_Walker.azure`).
_COMMAND_STEPS = 20


class _Walker:
    """Runs the script's statements in order, handing each `azure` command to `xplat.Reading`."""

    def __init__(self, path: str, source: bytes, where: _Positions, arm: bool, flat: bool = False) -> None:
        self.path = path
        # Work in proportion to the script's size: following its calls and loops may cost more than
        # that only by a constant, else the script is read `flat`, once through, in linear time.
        self.flat = flat
        self.budget = 4 * len(source) + 50_000
        self.source = source
        self.where = where
        # Whether the script, or a file it sources, names Azure or the API (`automation.names_the_api`): a
        # request with a client certificate to a URL it does not state may go to the API only then.
        self.names_the_api = automation.names_the_api(source)
        self.reading = xplat.Reading(path, arm)
        self.scope = _Scope()
        # The words past the file of a redirection (`_past_redirections`) of each command a redirected
        # statement the walk met holds, by the command's place in the text read now (`source`): found from
        # the statement, as a command's parent costs as much as the command is deep (tree-sitter finds it
        # from the root).
        self.past_files: dict[tuple[bytes, int, int], list[Node]] = {}
        # The root of the tree of each text read (`source`), and the words the grammar splits in it
        # (`_Splits`), found once for the text when a word may be one.
        self.roots: dict[bytes, Node] = {}
        # The variables each statement asked of assigns (`_assigned`), by the text read and its place there.
        self.assigned_at: dict[tuple[bytes, int, int, str], frozenset[str]] = {}
        self.splits: dict[bytes, _Splits] = {}
        self.functions: dict[str, Node] = {}
        # The variables the code read now (`source`, its text) assigns anywhere (`_assigned_anywhere`); a
        # variable it reads and no line of it assigns is the session's (`_Value.unset`). None: code read
        # with no such reading (a file it sources, a function of a library another file holds).
        self.assigned: tuple[bytes, frozenset[str]] | None = None
        self.called: set[str] = set()
        # The functions some command calls by name, followed or not (past `_CALL_DEPTH`, or `flat`).
        self.named_calls: set[str] = set()
        self.depth = 0
        self.nesting = 0  # how deep in statements within statements the walk is
        self.choices = 0  # the choices (`if`, `case`) read so far, each a name of its own
        self.arm_exits = False  # whether the arm of a choice read last holds an `exit` of its own (`_arm`)
        # The choices tests of a variable made (see `choose`), by the variable and the text compared with
        # ("" for a test of whether it is empty), each with the variable's value past it.
        self.tested_choices: dict[tuple[str, str], tuple[_Value | None, str]] = {}
        self.testing: dict[tuple[int, int], bool] = {}  # `_tests` of each list, by where it starts and ends
        # The values the script's own `case` and tests compare each of its arguments with (`case "$2" in
        # prepare)`, `[ "$2" = commit ]`), each a branch of one choice per argument (see `choose`); and
        # whether a `shift` or `set` may have changed what the arguments are.
        self.argument_values: dict[str, dict[str, int]] = {}
        self.shifted = False
        self.valuing = 0  # how deep in values within values (`value`)
        self.calls: list[ClassicCall] = []
        # How many of `calls` the script's own code makes, before the functions no call of it runs are read
        # (see `first_classic_call`); None for a walk that reads no function apart.
        self.own_calls: int | None = None
        # How many blocks that may not run (see `_maybe`) were around each of `calls`, and around the
        # command being read: a choice's arm surely makes a call with one more than the choice has.
        self.call_uncertainty: list[int] = []
        self.uncertain = 0
        self.steps: list[MigrationStep] = []
        # Where each step is taken from: the calls of the script's functions that lead to it, outermost
        # first, then its own command (see `_called_at`).
        self.step_chains: list[tuple[Mark, ...]] = []
        # The calls of the script's functions being run, outermost first.
        self.call_chain: tuple[Mark, ...] = ()
        # The stage of the runbook the code being run is (see `run`): a function no call of the script runs,
        # as a branch of a choice among such functions; () in the script's own code.
        self.stage: tuple[tuple[str, int], ...] = ()
        self.changes: list[ClassicCall] = []
        self.uploaded: dict[str, None] = {}
        self.uploaded_in: dict[tuple[str, str], None] = {}  # see `model.Script.uploaded_in`
        # The machine `ssh` has run the commands being read (None: this one), and where each call made on
        # another is marked (see `model.Script.run_on`).
        self.host: str | None = None
        self.run_on: dict[Mark, str] = {}
        # The deployment bodies it sends from a file with curl or wget, with the service each creates one in
        # (`model.Script.posted_bodies`).
        self.posted_bodies: dict[tuple[str, str], None] = {}
        # Where the script first gives a sourced function a body file to send (`_body_file_given`): the
        # script's place when that is all it does, which its own Script still needs to carry the body.
        self.body_given_at: Mark | None = None
        # The argument words of the command run by its words last (`_run_words`), as written: a word's value
        # may not say a path its syntax does (`@"$PWD/capture.xml"`, see `_body_file_path`).
        self.written_arguments: list[Node] = []
        # The names (last parts of their paths, without case) of the files the script puts in place by a
        # means whose content the reader does not follow (`cp`, `wget -O`, `> file`), and how many such
        # writes to a file it does not name have run: an upload of one is not known to be of the file
        # checked by that name (see `model.Script.uploaded_files`).
        self.replaced_files: set[str] = set()
        self.unnamed_writes = 0
        # The files (by last part, without case) the script surely writes whole with text it states, last
        # (`cat > net.xml <<'EOF'`): an upload of one uploads that text (see `_wrote_whole`).
        self.written: dict[str, _Written] = {}
        # What else the script may have put in place: the globs (last parts, without case) a command the
        # reader does not know to leave files alone names (`cp configs/*.netcfg .`), and whether the folder
        # a relative path names may be another (`cd configs`), see `_may_write` and `_moved`.
        self.replaced_globs: set[str] = set()
        self.replaced_folders: set[str] = set()  # folders any file in which may have been put in place
        self.moved = False
        # The folder the script runs in from here, from its own ("" its own, "../other" after `cd
        # ../other`), or None after a `cd` to a folder it does not state or one outside the files checked.
        self.working: str | None = ""
        self.locations: list[str | None] = []  # the folders `pushd` left, for `popd` to go back to
        # The folder the last `cd` (`pushd`, `popd`) left, for `cd -` to go back to (bash's OLDPWD), as
        # `working` says it; None before any, where it is the one the script was run from, or unknown.
        self.previous: str | None = None
        # Whether the script moves to its own folder (`cd "$(dirname "$0")"`) anywhere: a path from the
        # folder it runs in is then one from its own folder (see `_from_the_folder_run_in`).
        self.went_to_own_folder = False
        # The folder of the script file being run by its path (`bash scripts/migrate.sh`), from the
        # script's: what its `$(dirname "$0")` names (see `_own_folder`); "" in the script's own code.
        self.run_folder = ""
        # The files sourced by a path from a folder `working` cannot say, once each however often read.
        self.unfollowed: dict[tuple[int, int], Mark] = {}
        self.placeholders: dict[int, str] = {}  # see `_placeholders`: by where each starts
        self.sourced = False  # whether a `source` (`.`) has run: its functions are not known here
        self.fed: str | None = None  # the here-document or here-string the command being run is given
        # Where `fed` is written, and whether as the command is given it (a here-document under a quoted
        # delimiter): a REST body sent from it is shown there (`shell_bodies`).
        self.fed_at: tuple[Mark, bool] | None = None
        self.bodies_read: set[tuple[str, Mark, str | None]] = (
            set()
        )  # each body read once, where it is written
        # The gateway connections the script disconnects with the REST operation itself (`_connection_request`),
        # by (network, site) as the URL writes them, casefolded: each in `reading.sent_bodies` while down.
        self.disconnected: dict[tuple[str, str], ConnectionState] = {}
        # Where the script runs a command line (`eval`) from a string it states nothing of: said as a part
        # not read, in a script that runs the classic CLI (see `UNSTATED_COMMAND_LINE`).
        self.lines_not_read: list[Mark] = []
        # What the Python code the script runs inline describes (`_inline_python`), read by the Python reader.
        self.python_read: list[object] = []
        # What the PowerShell and Python script files it runs describe (`_powershell_file_run`,
        # `_python_file_run`), and the commands it gives PowerShell inline (`_inline_powershell`), said to be
        # the script's own.
        self.files_read: list[object] = []
        self.python_seen: set[tuple[str, Mark]] = set()
        self.powershell_seen: set[tuple[str, Mark]] = set()
        # The PowerShell commands it runs inline, in the order they run, each with whether it is code that
        # never runs and the branches it runs on: read as one script (`powershell_pieces_read`).
        self.powershell_pieces: list[_PowerShellPiece] = []
        # Of a command line built as text and being run (`_run_line`): what holds each value in it the
        # script does not state and where it is written, by the number its hole bears (`_numbered`).
        self.line_holes: tuple[tuple[str | None, Mark | None], ...] = ()
        self.empty_holes: frozenset[int] = frozenset()  # those of `line_holes` that may be empty
        # Whether the line being read sets the variables a file states for the script (a CI file's `env:`):
        # an empty one is a value stated empty, never a blank left to fill in (see `_Value.blank`).
        self.stating = False
        # The functions of sourced files, by the id of their bodies (see `_settings_loaded`); the file whose
        # function runs now (None: the script's own code); and the functions of such files run at a call,
        # by (file, name): see `functions_run`.
        self.library_of: dict[int, _Library] = {}
        self.in_library: _Library | None = None
        # The depth of calls (`depth`) of the body of a function no call runs, while it runs
        # (`functions_no_call_runs`); -1 otherwise.
        self.no_call_depth = -1
        # The sourced files run whole here (`_sourced_file_run`), by id: their functions are the script's
        # from there, as PowerShell makes a dot-sourced file's, their calls the script's to report.
        self.run_whole: set[int] = set()
        # The variables the script exports (`export SVC=web`, a CI step's `env:`): the environment of the
        # processes it starts, a PowerShell's `$env:SVC` (see `_environment_set`).
        self.exported: set[str] = set()
        # Whether the script has turned on `set -a` (`set -o allexport`), which exports each variable set
        # after: kept on past a `set +a`, so that a variable set while it was on is never taken for one
        # the script does not export.
        self.all_exported = False
        # The functions read where no call runs them (`functions_no_call_runs`), by the id of their bodies:
        # each once, however many processes (CI steps) source the file that defines it.
        self.read_apart: set[int] = set()
        # The environment the command being run is given before its name (`SVC=web pwsh -File x.ps1`), a
        # variable `env -u` takes out of it held as one not known (None); and whether `env -i` empties it
        # of what the script exports, so that the command sees only the variables given it after.
        self.command_environment: dict[str, _Value | None] = {}
        self.environment_emptied = False
        self.library_run: set[tuple[str, str]] = set()
        # While another file's commands run as this file's (an Ansible task file a playbook includes): its
        # classic calls are that file's own check's to report, as a sourced file's function's are.
        self.in_other_file = False
        # What the Azure CLI's Resource Manager resources on classic ones give (a peering from a Resource Manager
        # network to a classic one, a role assignment on a classic VM: see `_az`).
        self.reaching: dict[object, None] = {}
        # The cloud services of extended support the Azure CLI creates (`az cloud-service create`, see `az`).
        self.extended: dict[ExtendedSupportService, None] = {}

    def run(self, root: Node) -> None:
        """The script's own code, then each function no call of it runs: a library's functions, run by
        whatever sources the file, when it calls them, after the file's own code and never in the same
        invocation as another. Each is a stage of the runbook of its own (`stage`): an `abort()` helper
        written first is no Abort of the Prepare a `start()` runs (as a PowerShell module's functions are,
        see `powershell.Interpreter.stage`)."""
        self.statements(root)
        self.functions_no_call_runs(self._own_function)

    def functions_no_call_runs(self, own: Callable[[Node], bool]) -> None:
        """After the code that runs: each function `own` says is the file's to read that no call of it ran,
        as a stage of its own (see `run`)."""
        self.own_calls = len(self.calls)
        ran: set[str] = set()
        with self._maybe():
            level = self.uncertain
            while True:  # and those they define, in turn; a sourced file's are read once in its own check
                done = self.called | ran
                waiting = [
                    (n, b)
                    for n, b in self.functions.items()
                    if n not in done and own(b) and b.id not in self.read_apart
                ]
                if not waiting:
                    break
                for name, body in waiting:
                    ran.add(name)
                    self.read_apart.add(body.id)
                    self.stage = ((f"{self.path}{STAGE_CHOICE}", body.start_byte),)
                    self.reading.read_once_in = name
                    first = len(self.calls)
                    self.no_call_depth = self.depth + 1  # the run's own commands, not those it calls
                    self._call(name, body, ())
                    self.no_call_depth = -1
                    if name not in self.named_calls:
                        self._uncalled(first, level)
            self.stage = ()
            self.reading.read_once_in = ""

    def _own_function(self, body: Node) -> bool:
        """Whether a function is the script's own to read where no call runs it: one it defines, or one of
        a file it sources and runs whole; a library's others are read once in that file's own check."""
        library = self.library_of.get(body.id)
        return library is None or id(library) in self.run_whole

    def of_a_file_run_whole(self, body: Node) -> bool:
        """Whether a function is one of a sourced file run whole here (`run_whole`)."""
        library = self.library_of.get(body.id)
        return library is not None and id(library) in self.run_whole

    def _uncalled(self, first: int, level: int) -> None:
        """The classic calls from `first` on, made by a function nothing in the script calls, that run
        whenever it does (under no test of its own): UNCALLED_RUNS, run when another file calls the
        function, as a PowerShell function's calls nothing in the file makes are; UNCALLED_MAYBE_RUNS
        under a test or in a loop of it, which run on some of its paths only."""
        for at in range(first, len(self.calls)):
            if self.calls[at].runs == MAYBE_RUNS:
                own = self.call_uncertainty[at] == level
                self.calls[at] = replace(self.calls[at], runs=UNCALLED_RUNS if own else UNCALLED_MAYBE_RUNS)

    def functions_run(self) -> tuple[tuple[str, str], ...]:
        """The functions of sourced files the script ran at its calls (`Document.functions_run`). A walk
        that follows no call (`flat`) runs none."""
        return tuple(sorted(self.library_run))

    def script(self) -> Script | None:
        """The script's classic calls and steps; None when it makes none. A sourced file's function that it
        runs makes calls its own check reports, and steps shown at its commands (see `_in_library`)."""
        if not self.calls and not self.steps and (not self.posted_bodies or self.body_given_at is None):
            return None
        changes = tuple(call for call in self.calls if call.changes)
        return Script(
            posixpath.basename(self.path),
            "Shell",
            tuple(self.calls),
            self._steps_with_calls(),
            first_classic_call(self.calls, self.own_calls, self.path).mark
            if self.calls
            else self.step_chains[0][0]
            if self.step_chains
            else self.body_given_at or Mark(self.path, 1),
            changes=changes,
            uploaded_files=tuple(self.uploaded),
            uploaded_in=tuple(self.uploaded_in),
            posted_bodies=tuple(self.posted_bodies),
            run_on=tuple(self.run_on.items()),
        )

    def _steps_with_calls(self) -> tuple[MigrationStep, ...]:
        """The steps, each with the call that runs it as context (`MigrationStep.called_at`), as Python's
        are: the outermost of the calls that lead to it that leads to this step alone (`step commit` of a
        `step() { azure network vnet $1-migration vnet1; }`, not a `main` that runs them all); when none
        does, the outermost that leads to the steps of one resource alone (`migrate vnet1` of a function
        that loops over the steps); none for a command written where it runs, or one that runs only this
        step of all those the calls lead to."""
        paths: collections.Counter[Mark] = collections.Counter()
        moved: dict[Mark, set[tuple[str, str]]] = collections.defaultdict(set)
        for chain, step in zip(self.step_chains, self.steps, strict=True):
            paths.update(chain)
            for mark in chain:
                moved[mark].add((step.scope, step.target.strip().casefold()))
        placed = []
        for chain, step in zip(self.step_chains, self.steps, strict=True):
            alone = next((mark for mark in chain if paths[mark] == 1), None)
            one = next((mark for mark in chain if len(moved[mark]) == 1 and next(iter(moved[mark]))[1]), None)
            caller = alone or one or chain[0]
            placed.append(replace(step, called_at=caller if caller is not chain[-1] else None))
        return tuple(placed)

    # --- statements --------------------------------------------------------------------------------

    def statements(self, node: Node) -> None:
        if node.type == "program":  # the root of the text read now: where its split words are found
            self.roots.setdefault(self.source, node)
        children = node.named_children
        for at, child in enumerate(children):
            if _in_background(child):  # `cmd &`: run by a child shell, its assignments its own
                with self._child_shell(), self.reading.in_background():
                    self.statement(child)
            else:
                self.statement(child)
            if self._may_end_the_script(child):
                # What follows may not run when the script does (never, after a plain `exit`); read as code
                # that may not run, its calls are still the script's, but its deletions (a teardown section
                # after `[ "$1" = --keep ] && exit 0`) delete nothing.
                with self._past_a_stop():
                    for rest in children[at + 1 :]:
                        self.statement(rest)
                return

    def _is_exit(self, node: Node) -> bool:
        """Whether `node` is a plain `exit` command."""
        name = node.child_by_field_name("name") if node.type == "command" else None
        return name is not None and self._text(name) == "exit"

    def _may_end_the_script(self, node: Node) -> bool:
        """Whether `node`, one of the script's own statements (outside any function or command line it
        builds, see `_at_top_level`), is or holds an `exit` of the script: a plain `exit`, or, once the
        script has run a classic command, one that may run: after `&&` or `||` (`[ "$1" = --keep ] && exit
        0`, `cd "$dir" || exit 1`), in a branch of an `if` or `case`, a loop, a `{ ...; }` block. Not one in
        a child shell (`( exit )`, a pipeline's stage, `$(...)`), which ends that shell only, nor in a
        function it defines. A usage check before the first classic command (`[ -z "$1" ] && exit 1`) only
        says whether the script runs at all: a teardown after it runs whenever what it removes was made.
        Walks the statement once."""
        if self.depth != 0 or self.nesting != 0 or self.reading.maybe:
            return False
        if node.type == "command" or not (self.calls or self.steps):
            return self._is_exit(node)
        stack = [node]
        while stack:
            current = stack.pop()
            self.spend()
            if self._is_exit(current):
                return True
            elif (
                current.type == "list"
                and current.children[1].type == "||"
                and not self._tests(current.children[0])
            ):
                stack.append(current.children[0])  # `cd "$dir" || exit 1`: the exit ends only a failed run
            elif current.type not in _OWN_SHELL_ENDS:
                stack.extend(current.named_children)
        return False

    @contextlib.contextmanager
    def _child_shell(self) -> Iterator[None]:
        """What bash runs in a child shell (`( ... )`, a pipeline's stages, `cmd &`, `$(...)`): its
        commands run, but the variables and functions it sets are its own, gone when it ends."""
        variables, functions, moved, working = self.scope.variables, self.functions, self.moved, self.working
        locations, previous = list(self.locations), self.previous
        self.scope.variables, self.functions = dict(variables), dict(functions)
        try:
            yield
        finally:
            self.scope.variables, self.functions, self.moved = variables, functions, moved
            self.working, self.locations, self.previous = working, locations, previous

    @contextlib.contextmanager
    def _may_not_run(self, set_if_not: str = "") -> Iterator[None]:
        """Code that may not run (after `&&` or `||`, a loop's body): a variable it changes is unknown
        after, as after the branches of an `if`, and so is the folder it runs in after a `cd` it may make;
        `set_if_not`: a variable set and not empty where it does not run (`[ -z "$VNET" ] && ...`)."""
        before, working, locations = dict(self.scope.variables), self.working, list(self.locations)
        if set_if_not:
            _proven_not_empty(before, set_if_not)
        previous = self.previous
        try:
            yield
        finally:
            if not self.flat:
                self.spend(len(before))
                self.scope.variables = _joined([before, self.scope.variables])
                self.working = working if self.working == working else None
                self.previous = previous if self.previous == previous else None
                self._locations_joined([locations, self.locations])

    def spend(self, steps: int = 1) -> None:
        if self.flat:
            return
        self.budget -= steps
        if self.budget < 0:
            raise _Exhausted

    def statement(self, node: Node) -> None:
        self.spend()
        if self.nesting >= _NESTING:
            self._nested_deeper(node)
            return
        self.nesting += 1
        try:
            self._statement(node)
        finally:
            self.nesting -= 1

    def _assigned(self, node: Node) -> frozenset[str]:
        """The variables a statement of the code read now assigns or moves (`_assigned_in`), found once for
        it and for the loops in it (`_assigned_in_loops`): a `while` asks for its own on its way in and again
        as it reads its turns, then each loop in it for its own, and each of dozens of nested ones walked
        all the code in it twice."""
        at = (self.source, node.start_byte, node.end_byte, node.type)
        found = self.assigned_at.get(at)
        if found is None:
            for (start, end, kind), names in _assigned_in_loops(node, self.source).items():
                self.assigned_at.setdefault((self.source, start, end, kind), names)
            found = self.assigned_at[at]
        return found

    def _nested_deeper(self, node: Node) -> None:
        """A statement nested deeper than `_NESTING` (an `if` in an `if`... hundreds deep): read once
        through, without following its structure, each command in it as one that may run and each
        variable it assigns unknown, so that no depth of nesting stops the read."""
        for name in self._assigned(node):
            self.scope.variables[name] = _UNSTATED
        stack = [node]
        self.nesting += 1  # past `_NESTING`: what `_substitutions` leaves to this walk
        try:
            with self._maybe():
                while stack:
                    current = stack.pop()
                    self.spend()
                    if current.type == "redirected_statement":
                        self._words_past_files(current)
                    if current.type == "command":
                        with self._feeding(current):
                            self.command(current)
                    if current.type == "function_definition":
                        self._statement(current)
                    else:  # a command's substitutions too (`_substitutions` leaves them to this walk)
                        stack.extend(reversed(current.named_children))
        finally:
            self.nesting -= 1

    def _statement(self, node: Node) -> None:
        kind = node.type
        if kind == "command":
            with self._feeding(node):
                self.command(node)
        elif kind == "redirected_statement":
            self._words_past_files(node)
            with self._feeding(node):
                self.statements(node)
        elif kind == "variable_assignment":
            self.assign(node)
        elif kind == "declaration_command":
            self.declare(node)
        elif kind == "function_definition":
            name = node.child_by_field_name("name")
            body = node.child_by_field_name("body")
            if name is not None and body is not None:
                self.functions[self._text(name)] = body
        elif kind == "if_statement":
            self.branches(node)
        elif kind == "case_statement":
            self.cases(node)
        elif kind == "for_statement":
            self.loop(node)
        elif kind == "compound_statement" and node.start_byte in self.where.loop_heads:
            self.loop(self.where.loop_heads[node.start_byte], node)
        elif kind == "c_style_for_statement":
            self.counted_loop(node)
        elif (kind == "while_statement" and self.never_looped(node)) or (
            kind == "while_statement" and self.counted_while(node)
        ):
            pass
        elif kind == "while_statement":
            turns = f"the turns of `{_short(self._loop_head(node))}`"
            with self._looping(turns, self._assigned(node)):
                self.unknown_loop(node)
        elif kind == "list":
            self.command_list(node)
        elif kind in ("comment", "heredoc_body", "heredoc_redirect"):
            return
        elif kind == "subshell":
            with self._child_shell():
                self.statements(node)
        elif kind == "pipeline":  # each stage in a child shell of its own (bash's default, no `lastpipe`)
            for stage in node.named_children:
                with self._child_shell():
                    self.statement(stage)
            self._teed_whole(node)
        else:  # pipelines, blocks, subshells, redirections, negations, substitutions
            self.statements(node)

    def _split_index(self, node: Node) -> _Splits:
        """The words the grammar splits in the tree `node` is of (that of `source`), found once."""
        found = self.splits.get(self.source)
        if found is None:
            root = self.roots.get(self.source)
            if root is None:  # a tree whose walk started below its root: climbed to once
                root = node
                while root.parent is not None:
                    root = root.parent
            found = self.splits[self.source] = _splits_of(root, self.source)
        return found

    def _split_off(self, node: Node) -> Node | None:
        """The rest of `node` the grammar splits off it (`_split_off`), looked up in the tree's index."""
        if node.type != "concatenation" or not node.child_count or node.children[-1].type != "$":
            return None
        return self._split_index(node).rests.get(_node_key(node))

    def _split_from_before(self, node: Node) -> bool:
        """Whether `node` is the rest of the word before it, which the grammar splits off it (`_split_off`):
        read with that word, not as a word of its own. Such a rest starts right after the `$` that ends that
        word: only then is the tree's index of them (`_Splits`) asked, found once, where the node before it
        costs as much to find as the node is deep (tree-sitter finds a node's siblings from the root)."""
        if self.source[node.start_byte - 1 : node.start_byte] != b"$":
            return False
        return _node_key(node) in self._split_index(node).split

    def _words_past_files(self, statement: Node) -> None:
        """The words past the file of a redirection of a redirected statement (`_past_redirections`), kept for
        the command it redirects (`past_files`), which reads them as its arguments."""
        body = statement.child_by_field_name("body")
        past = _past_redirections(statement) if body is not None and body.type == "command" else []
        if body is not None and past:
            self.past_files[(self.source, body.start_byte, body.end_byte)] = past

    @contextlib.contextmanager
    def _feeding(self, node: Node) -> Iterator[None]:
        """A command given a here-document or here-string (`bash <<EOF`, `bash <<< "..."`): its text is
        what a shell the command runs reads as its script (`fed`)."""
        fed, fed_at = self.fed, self.fed_at
        for child in node.named_children:
            if child.type == "heredoc_redirect":
                self.fed = self._heredoc(child)
                self.fed_at = self._heredoc_at(child)
                self._redirected(child)
            elif child.type == "herestring_redirect" and child.named_child_count:
                self.fed = self.value(child.named_children[-1]).template
                self.fed_at = (self.where.mark(child.named_children[-1]), False)
        self._redirected(node)
        try:
            yield
            self._wrote_whole(node)
        finally:
            self.fed, self.fed_at = fed, fed_at

    def _wrote_whole(self, node: Node) -> None:
        """A file a command surely writes whole with the here-document it is fed (`cat > net.xml <<'EOF'`,
        `cat <<EOF > f` of values the script states, `tee f <<EOF`), or with one value it prints
        (`printf '%s' "$CONFIG" > f`, `echo "$CONFIG" > f`): the file holds that text until anything else may
        write to it (see `written`). One written where it may not run, appended to (`>>`), or of a value the
        script does not state is not known; so is one in code that cannot run (`if false`), which writes
        nothing."""
        if self.reading.maybe or self.reading.never:
            return
        printed = self._printed_whole(node)
        if printed is not None:
            destination, value = printed
            self._written_whole(destination, value.text, value.text_mark, value.exact, value.placed)
        elif self.fed is not None and self.fed_at is not None:
            at, exact = self.fed_at
            self._written_whole(self._whole_destination(node), self.fed, at, exact, None)

    def _teed_whole(self, node: Node) -> None:
        """`echo "$CONFIG" | tee f` (`printf '%s' "$CONFIG" | tee f`): the file the pipeline's `tee` writes
        whole with the one value its first stage prints (see `_wrote_whole`); nothing for any other pipeline."""
        stages = node.named_children
        if self.reading.maybe or self.reading.never or len(stages) != 2 or stages[1].type != "command":
            return
        value = self._printed(stages[0]) if stages[0].type == "command" else None
        words = self._words_of(stages[1])
        if value is None or len(words) != 2 or words[0] != "tee" or words[1].startswith("-"):
            return
        destination = self.words(stages[1].children_by_field_name("argument")[0])[0]
        self._written_whole(destination, value.text, value.text_mark, value.exact, value.placed)

    def _written_whole(
        self,
        destination: Word | None,
        text: str | None,
        at: Mark,
        exact: bool,
        placed: Callable[[int], Mark] | None,
    ) -> None:
        """The file `destination` names, written whole with `text`, held in `written` (see `_wrote_whole`)."""
        if destination is None or destination.text is None or self.working is None:
            return
        if text is None or _HOLE in text:
            return
        leaf = posixpath.basename(destination.text).casefold()
        path = posixpath.normpath(destination.text)
        self.written[leaf] = _Written(text, at, exact, path, self.working, self._write_state(), placed)

    def _printed_whole(self, node: Node) -> tuple[Word, Word] | None:
        """The file `printf '%s' VALUE > f` (`'%s\\n'`, `>|`; `echo VALUE > f`) writes, and the value, with the
        newline the command adds; None for any other command."""
        command = node.child_by_field_name("body") if node.type == "redirected_statement" else None
        value = self._printed(command) if command is not None and command.type == "command" else None
        files = [c for c in node.named_children if c.type != "command"]
        if value is None or len(files) != 1:
            return None
        operator = next((c.type for c in files[0].children if not c.is_named), "")
        destination = (
            files[0].child_by_field_name("destination") if files[0].type == "file_redirect" else None
        )
        if destination is None or operator not in (">", ">|"):
            return None
        return self.words(destination)[0], value

    def _printed(self, command: Node) -> Word | None:
        """The one value a command prints whole, with the newline it adds: `printf '%s' VALUE` (`'%s\\n'`),
        `echo VALUE` (`echo -n`), of a value the script states, which echo takes for no option and prints
        as written (no backslash, which `sh`'s echo reads as an escape); None for any other command."""
        arguments = [self.words(a) for a in command.children_by_field_name("argument")]
        if any(len(a) != 1 for a in arguments):
            return None
        words = [a[0] for a in arguments]
        name = self._words_of(command)[:1]
        if name == ["printf"] and len(words) == 2 and words[0].text in ("%s", "%s\\n"):
            form, value = words
            newline = form.text == "%s\\n"
        elif name == ["echo"] and words and [w.text for w in words[:-1]] in ([], ["-n"]):
            value, newline = words[-1], len(words) == 1
            if value.text is not None and (value.text.startswith("-") or "\\" in value.text):
                return None
        else:
            return None
        return replace(value, text=value.text + ("\n" if newline else "")) if value.text is not None else None

    def _whole_destination(self, node: Node) -> Word | None:
        """The file a command fed a here-document writes that text to, and nothing else: `cat` (`cat -`)
        with one `>` (`>|`) redirection, or `tee` of one file with none."""
        command = node if node.type == "command" else node.child_by_field_name("body")
        if command is None or command.type != "command":
            return None
        redirects = [c for c in node.named_children if c.type in ("file_redirect", "heredoc_redirect")]
        redirects += [c for r in redirects if r.type == "heredoc_redirect" for c in r.named_children]
        files = [r for r in redirects if r.type == "file_redirect"]
        if sum(r.type == "heredoc_redirect" for r in redirects) != 1:
            return None
        words = self._words_of(command)
        destination = files[0].child_by_field_name("destination") if len(files) == 1 else None
        if words in (["cat"], ["cat", "-"]) and destination is not None:
            operator = next((c.type for c in files[0].children if not c.is_named), "")
            return self.words(destination)[0] if operator in (">", ">|") else None
        if len(words) == 2 and words[0] == "tee" and not words[1].startswith("-") and not files:
            return self.words(command.children_by_field_name("argument")[0])[0]
        return None

    def _write_state(self) -> tuple[int, int, int, bool]:
        """How many writes the reader cannot name have run (to unnamed files, globs, folders, and whether
        a `cd` moved): a file written whole holds its text only while these stay as they were."""
        return (self.unnamed_writes, len(self.replaced_globs), len(self.replaced_folders), self.moved)

    def _heredoc_at(self, redirect: Node) -> tuple[Mark, bool] | None:
        """Where a here-document's text starts, and whether it is handed on as written (`<<'EOF'`)."""
        body = next((c for c in redirect.named_children if c.type == "heredoc_body"), None)
        start = next((c for c in redirect.named_children if c.type == "heredoc_start"), None)
        if body is None or start is None:
            return None
        if any(quote in self._text(start) for quote in "'\"\\"):
            return self.where.mark(body), True
        # A body with no expansion (nor `$1`, which the grammar leaves as text) and no backslash is handed on
        # as written under any delimiter.
        text = self.source[body.start_byte : body.end_byte]
        expanded = any(c.type != "heredoc_content" for c in body.named_children) or (
            b"$" in text and _HOLE in _bare_parameters(text)
        )
        return self.where.mark(body), not expanded and b"\\" not in text

    def _redirected(self, node: Node) -> None:
        """The files a command's redirections write (`> f`, `>> f`, `&> f`, `>| f`), put in place."""
        for child in node.named_children:
            operator = next((c.type for c in child.children if not c.is_named), "")
            destination = child.child_by_field_name("destination") if child.type == "file_redirect" else None
            if destination is not None and operator in _WRITES:
                self._put_in_place(self.words(destination)[0], [])

    def _put_in_place(self, destination: Word, sources: list[Word]) -> None:
        """A file the script writes or puts in place by a means whose content the reader does not follow
        (see `replaced_files`), at `destination`; into a folder, under the names of its `sources`."""
        if destination.text is None:
            self.unnamed_writes += 1
            return
        leaf = posixpath.basename(destination.text)
        self.replaced_files.add(leaf.casefold())
        self.written.pop(leaf.casefold(), None)
        if leaf in ("", ".", "..") or "." not in leaf:  # a folder, maybe: each file keeps its name
            for source in sources:
                self._copied_in(source, destination.text)

    def _copied_in(self, source: Word, folder: str) -> None:
        """A file copied into a `folder` under its own name: by a glob (`configs/*.netcfg`), the files it
        matches; a folder (`configs/.`, `configs`), any file of `folder`."""
        if source.text is None or "." not in posixpath.basename(source.text).strip("."):
            self.replaced_folders.add(posixpath.normpath(folder))
        else:
            self._named(source.text)

    def _heredoc(self, redirect: Node) -> str | None:
        """A here-document's text as the shell hands it on: as written under a quoted delimiter (`<<'EOF'`),
        else with each `$X` its value (`_HOLE` where the script does not state it) and escapes undone."""
        body = next((c for c in redirect.named_children if c.type == "heredoc_body"), None)
        start = next((c for c in redirect.named_children if c.type == "heredoc_start"), None)
        if body is None or start is None:
            return None
        if any(quote in self._text(start) for quote in "'\"\\"):
            return self._text(body)
        parts, at = [], body.start_byte
        for child in body.named_children:
            if child.type == "heredoc_content":
                continue
            parts.append(_unescaped(_bare_parameters(self.source[at : child.start_byte]), True))
            parts.append(self.value(child).template)
            at = child.end_byte
        parts.append(_unescaped(_bare_parameters(self.source[at : body.end_byte]), True))
        return "".join(parts)

    def command_list(self, node: Node) -> None:
        """`a && b`, `a || b`: what follows `&&` runs only when what comes before succeeds, what follows
        `||` only when it fails; `test && b || c` is read as `if test; then b; else c; fi` (see
        `_either_or`)."""
        if self._either_or(node):
            return
        children = node.children
        for index, child in enumerate(children):
            if not child.is_named:
                continue
            after_or = index > 0 and children[index - 1].type == "||"
            decided = self._certain([children[index - 2]]) if index > 0 else None
            if decided is not None and decided == after_or:  # `false && cmd`, `true || cmd`
                self.never_runs(functools.partial(self.statement, child))
            elif decided is not None:  # `true && cmd`, `false || cmd`: it runs whenever the list does
                self.statement(child)
            elif index > 0 and not self._tests(children[index - 2]):
                self._after_action(children[index - 2], child, after_or)
            elif index > 0:  # `test && cmd` is `if test; then cmd; fi`, `test || cmd` its `else`
                self._test_arms(children[index - 2], [[child], []] if not after_or else [[], [child]])
            else:
                self.statement(child)

    def _either_or(self, node: Node) -> bool:
        """`test && b || c`, the shell's way of writing `if test; then b; else c; fi`, read as that `if`
        (where `test` is one the reader cannot decide): whichever way the test goes, one of `b` and `c`
        runs, so a create both make surely runs (`_called_either_way`). `c` also runs when `b` fails, as
        after a `catch`: a step there runs only when one may have failed. False for any other list."""
        parts = node.children
        if len(parts) != 3 or parts[1].type != "||" or parts[0].type != "list":
            return False
        inner = parts[0].children
        if len(inner) != 3 or inner[1].type != "&&" or self._certain([inner[0]]) is not None:
            return False
        if not self._tests(inner[0]):  # `create && associate || exit 1`: see `_after_action`
            return False
        self.statement(inner[0])
        self._test_arms(inner[0], [[inner[2]], [parts[2]]])
        return True

    def _after_action(self, action: Node, child: Node, after_or: bool) -> None:
        """The command after `&&` or `||` that follows an action the script means to succeed (`cd "$dir" &&
        azure vm create ...`, `azure vm create ... && azure network reserved-ip associate ...`): after `&&`
        it runs on the path the script means, so it surely runs where the action does; after `||` it runs
        only where the action failed, as a `catch` does, so it may not run (and an `exit` there ends no run
        the script means: see `_may_end_the_script`)."""
        if after_or:
            self._test_arms(action, [[], [child]])
        else:
            self.statement(child)

    def _tests(self, node: Node) -> bool:
        """Whether the command before `&&` or `||` tests something, so that what follows is a branch of an
        `if` on it: `[ ]`, `[[ ]]`, `test`, a command `!` negates, `true`, `false`, `:`, `grep -q`, `command
        -v`, a classic CLI `show` or migration step (`azure vm show ... || azure vm create ...`; `prepare-
        migration x && commit-migration x`: the Prepare may fail, and the runbook plans for it), a list
        holding one (`a && [ -n "$X" ] && b`), or a statement other than a command (a loop, a block).
        False for any other command: an action the script expects to succeed (`cd`, `azure login`, `azure
        vm create`), whatever its redirections, or the last stage of a pipeline. A chain `a && b && c` is
        lists each holding the one before: walked down once, each list's answer kept."""
        chain = []
        while node.type == "list" and (node.start_byte, node.end_byte) not in self.testing:
            chain.append(node)
            node = node.named_children[0]
        answer = (
            self.testing[(node.start_byte, node.end_byte)] if node.type == "list" else self._testing(node)
        )
        for held in reversed(chain):
            parts = [part for part in held.named_children[1:] if part.type != "comment"]
            answer = answer or any(self._tests(part) for part in parts)
            self.testing[(held.start_byte, held.end_byte)] = answer
        return answer

    def _testing(self, node: Node) -> bool:
        """`_tests` of one statement, not a list."""
        while node.type in ("redirected_statement", "pipeline") and node.named_children:
            node = node.named_children[0] if node.type == "redirected_statement" else node.named_children[-1]
        if node.type == "list":
            return self._tests(node)
        if node.type != "command":
            return True
        words = [self._text(word) for word in node.named_children if word.type != "variable_assignment"]
        # A function of the script succeeds where its last command does, which the reader does not decide.
        if not words or words[0] in _TESTING_COMMANDS or words[0] in self.functions:
            return True
        options = set(words[1:])
        if words[0] in _TESTING_OPTIONS:
            return _tests_with_options(words[0], options)
        if words[0] == "azure":
            verbs = words[1:5]
            return "show" in verbs or any(verb.endswith("-migration") for verb in verbs)
        return False

    def _test_arms(self, test: Node, arms: list[list[Node]]) -> None:
        """The two arms of an `if` on the command `test` that the reader cannot decide: `arms[0]` where it
        holds, `arms[1]` where it fails (`[]` for none). Where `test` tests whether a variable is empty,
        it is set and not empty on the arm it proves so (`[ -n "$VNET" ] && azure vm create ... "$VNET"`;
        `[ -z "$VNET" ] && VNET=hub`, past which it is either); where it tests an argument's value (`[ "$1"
        = commit ] && ...`), the first arm is that value's, as for an `if` (see `choose`)."""
        tested = _argument_tested(test, self.source)
        values: list[str | None] = [tested[1]] if tested is not None else []
        self._arms(arms, tested[0] if tested is not None else "", values, list(self._proven(test)))

    def assign(self, node: Node, associative: bool = False) -> None:
        name = node.child_by_field_name("name")
        value = node.child_by_field_name("value")
        operator = next((c.type for c in node.children if not c.is_named), "=")
        if value is not None:
            self._substitutions(value)
        if name is not None and name.type == "subscript":
            self._element_set(name, value, operator)
            return
        if name is None or name.type != "variable_name":
            return
        if value is not None and value.type == "array":
            self._array_set(name, value, operator, associative)
            return
        assigned = self.value(value) if value is not None else _Value("")
        if value is not None and not assigned.folder:
            assigned = self._folder_below(value, assigned)
        if assigned.text is None and assigned.holder is None:
            assigned = replace(assigned, holder=self._assignment(name))
        if assigned.text is None and assigned.shape is None and not assigned.names:
            # `MGMT_URL=$2`: held by `$2`, named `$MGMT_URL`; a copy (`URL=$MGMT_URL`) keeps the name it had
            assigned = replace(assigned, names=(f"${self._text(name)}",))
        first = self._text(name) not in self.scope.variables  # not a value cleared again (`SUB=""`)
        if assigned.text == "" and operator == "=" and first and self._at_top_level() and not self.stating:
            at = self.where.mark(name)
            assigned = replace(assigned, mark=at, holder=f"${self._text(name)}", blank=True)
        if operator == "+=":
            assigned = _appended(self.lookup(self._text(name)), assigned)
        self.scope.variables[self._text(name)] = assigned

    def _at_top_level(self) -> bool:
        """Whether the statement being read is one of the script's own, outside any function, branch,
        loop or command line it builds: one that surely runs, once, as written."""
        return self.depth == 0 and self.nesting == 1 and not self.reading.maybe

    def _array_set(self, name: Node, literal: Node, operator: str, associative: bool) -> None:
        """`arr=(a "b c")`, `declare -A cfg=([svc]=x)`, `arr+=(d)`: the array's items, where the script
        states each one (and, for `+=`, the array before); else an array no item of which is stated."""
        before = self.lookup(self._text(name))
        if operator == "+=" and before.items is None:
            items = None
        else:
            start = dict(before.items or ()) if operator == "+=" else {}
            associative = associative or (operator == "+=" and before.associative)
            items = self._items(literal, start, associative)
        if items is None:
            self.scope.variables[self._text(name)] = _Value(None, holder=self._assignment(name))
            return
        self.scope.variables[self._text(name)] = _array(items, associative, self.where.mark(name))

    def _items(self, literal: Node, items: dict[str, Word], associative: bool) -> dict[str, Word] | None:
        """The items an array literal sets, added to `items`: each word its next index, `[key]=value` its
        key; None where a key or a keyed value is not stated, a word is not an index of an indexed array, or
        the script does not state how many words an item makes (`($LIST)`). A word it does not state that is
        surely one word (`("$x")`, each of `("$@")`) is an item of its own, not stated (`p+=("$x")` in a
        loop over `vm delete "$M"` keeps `vm` and `delete`)."""
        for element in literal.named_children:
            if self._split_from_before(element):  # the rest of the item before it (`_split_off`)
                continue
            keyed = self._keyed(element)
            if keyed is not None:
                key = _index(keyed[0], associative)
                if key is None or keyed[1].text is None:
                    return None
                items[key] = keyed[1]
                continue
            if associative:  # `declare -A m=(k v)`: pairs only bash 5.1 reads so
                return None
            words = self.words(element)
            if any(word.text is None for word in words) and not self._surely_words(element):
                return None
            for word in words:
                items[str(max((int(k) for k in items), default=-1) + 1)] = word
        return items

    def _surely_words(self, element: Node) -> bool:
        """Whether an array literal's item makes as many words as `words` gives, whatever values it holds:
        one in double quotes (but `"${arr[@]}"` of an array the script does not state), or `"$@"` of a
        function a call runs."""
        if self._one_word(element):
            return True
        return self._quoted_items(element) is not None or self._quoted_arguments(element) is not None

    def _keyed(self, element: Node) -> tuple[str | None, Word] | None:
        """`[key]=value` in an array literal (which the grammar reads as the words `[`, `key`, `]`,
        `=value`): its key and value; None for a plain word."""
        parts = element.named_children if element.type == "concatenation" else []
        if len(parts) < 4 or parts[0].type != "word" or self._text(parts[0]) != "[":
            return None
        close = next((i for i, p in enumerate(parts) if p.type == "word" and self._text(p) == "]"), None)
        if close is None or close + 1 >= len(parts) or not self._text(parts[close + 1]).startswith("="):
            return None
        keys = [self.value(p).text for p in parts[1:close]]
        key = None if any(k is None for k in keys) else "".join(k or "" for k in keys)
        tail = self._split_off(element)
        if tail is not None:  # `[k]=$A/$B/x`: the grammar splits the value after a `$`, as any word's
            if key is None:
                return None, Word(None, self.where.mark(parts[close + 1], 1))
            value = _after(self._rejoined(element, tail), len(key) + 3, self.where.mark(parts[close + 1], 1))
            return key, self._word_of(value, parts[close + 1])
        first = self._text(parts[close + 1])[1:]
        values = [_unescaped(first), *(self.value(p).text for p in parts[close + 2 :])]
        text = None if any(v is None for v in values) else "".join(v or "" for v in values)
        return key, Word(text, self.where.mark(parts[close + 1], 1))

    def _element_set(self, subscript: Node, value: Node | None, operator: str) -> None:
        """`cfg[svc]=…`: the item of an array the script states is the value (joined to it by `+=`);
        else the array is another from here, so that no item of it read after (`${cfg[svc]}`) is the one
        read before (see `_element`); and `$cfg`, its item 0, may be another too."""
        array = subscript.named_children[0] if subscript.named_children else None
        if array is None or array.type != "variable_name":
            return
        before = self.lookup(self._text(array))
        key = self._subscript(subscript, before)
        assigned = self.value(value) if value is not None else _Value("")
        if before.items is not None and key is not None and assigned.text is not None:
            items = dict(before.items)
            old = items.get(key)
            text: str | None = assigned.text
            if operator == "+=":
                text = None if old is None else (old.text or "") + assigned.text
            if text is not None and len(text) <= _LONGEST_VALUE:
                mark = assigned.mark or self.where.mark(subscript)
                exact = assigned.exact and operator == "="
                items[key] = Word(text, mark, exact, text_at=assigned.text_at)
                self.scope.variables[self._text(array)] = _array(items, before.associative, before.mark)
                return
        self.scope.variables[self._text(array)] = _Value(None, holder=self._assignment(array))

    def _subscript(self, subscript: Node, array: _Value) -> str | None:
        """The key `arr[key]` names, as the array holds it: None where the script does not state it."""
        parts = subscript.named_children
        if len(parts) != 2:
            return None
        return _index(self.value(parts[1]).text, array.associative)

    def _element(self, subscript: Node) -> _Value:
        """`${cfg[svc]}`, `${arr[0]}`: an item, of a key or an index written as a word, of an array the
        script does not state is one value wherever it is read, until the script sets the array or an item
        of it (see `_element_set`). Any other item is not stated."""
        parts = subscript.named_children
        if len(parts) == 2 and parts[0].type == "variable_name":
            array = self.variable(parts[0])
            if array.items is not None:
                return self._stated_item(subscript, array)
        if len(parts) != 2 or parts[0].type != "variable_name" or parts[1].type not in ("word", "number"):
            return _Value(None, self.where.mark(subscript))
        key = self._text(parts[1])
        if array.text is not None or array.words is not None or array.holder is None or key in ("@", "*"):
            return _Value(None, self.where.mark(subscript))
        return _Value(None, self.where.mark(subscript), holder=f"{array.holder}[{key}]")

    def _stated_item(self, subscript: Node, array: _Value) -> _Value:
        """An item of an array the script states: `${arr[1]}` its text (empty where it holds none, as in
        bash); `${arr[@]}`, `${arr[*]}` every item, as words (each split on white space, as unquoted) and,
        joined by spaces, as the text a quoted `"${arr[*]}"` is."""
        items = dict(array.items or ())
        written = self._text(subscript.named_children[1])
        if written in ("@", "*"):
            words = tuple(part for w in items.values() for part in _split(w))
            texts = [w.text for w in items.values()]
            joined = None if None in texts else " ".join(text or "" for text in texts)
            return _Value(joined, self.where.mark(subscript), words=words)
        key = self._subscript(subscript, array)
        if key is None:
            return _Value(None, self.where.mark(subscript))
        item = items.get(key)
        if item is None:
            return _Value("", self.where.mark(subscript))
        return _Value(
            item.text,
            item.mark,
            item.exact,
            holder=item.holder,
            shape=item.shape,
            holes=item.holes,
            text_at=item.text_at,
        )

    def _assignment(self, name: Node) -> str:
        """What holds the value an assignment (or `read`) gives the variable `name`: the variable, where."""
        at = self.where.mark(name)
        holder = f"{self._text(name)}@{at.line}:{at.column}"
        if self.reading.looping_over:  # assigned in each turn of the loop being read: the turn's own
            self.reading.turn_holders.add(holder)
        return holder

    def declare(self, node: Node) -> None:
        """`export`, `readonly`, and in a function `local`, `declare` and `typeset`, which make its own."""
        keyword = node.children[0].type if node.children else ""
        own = self.scope.arguments is not None and keyword in ("local", "declare", "typeset")
        options = [self._text(c) for c in node.named_children if c.type == "word"]
        associative = any(o.startswith("-") and "A" in o for o in options)
        exported = keyword == "export" or any(o.startswith("-") and "x" in o for o in options)
        for child in node.named_children:
            name = child.child_by_field_name("name") if child.type == "variable_assignment" else child
            if own and name is not None and name.type == "variable_name":
                self.scope.local.add(self._text(name))
            if exported and name is not None and name.type == "variable_name":
                self.exported.add(self._text(name))
            if child.type == "variable_assignment":
                self.assign(child, associative)

    def branches(self, node: Node) -> None:
        """Both branches of an `if` (and its `elif`s), each from the variables before it; after it, a
        variable the branches leave different is unknown."""
        arms: list[list[Node]] = [[]]
        condition = node.child_by_field_name("condition")
        for child in node.named_children:
            if child.type in ("elif_clause", "else_clause"):
                arms.append([child])
            elif child is not condition and not (condition is not None and child.id == condition.id):
                arms[0].append(child)
        if condition is not None:
            self.statement(condition)
        if not any(child.type == "else_clause" for child in node.named_children):
            arms.append([])  # no branch runs
        kept = self._reachable(node, arms)
        if kept[0] != 0:
            condition = None  # the `if`'s own test is not what chooses among the arms left
        never = [index for index in range(len(arms)) if index not in kept]
        for index in never:  # in the order they are written: those before the first that may run first
            if index < kept[0]:
                self.never_runs(functools.partial(self._arm, arms[index]))
        if len(kept) == 1:
            self._arm(arms[kept[0]])
        else:
            tested = _argument_tested(condition, self.source) if condition is not None else None
            values: list[str | None] = [tested[1]] if tested is not None else []
            known = self._known_in_arms(node, arms)
            self._arms(
                [arms[index] for index in kept],
                tested[0] if tested is not None else "",
                values,
                [known[index] for index in kept],
            )
        for index in never:
            if index > kept[0]:
                self.never_runs(functools.partial(self._arm, arms[index]))

    def _reachable(self, node: Node, arms: list[list[Node]]) -> list[int]:
        """Which arms of the `if` `node` (its `then`, each `elif`, its `else` or none) may run, by index: an
        arm whose condition the reader knows fails never runs, and one whose condition it knows holds is
        the last that may (the arms after it never run). The last arm has no condition, so one is left. An
        `elif` is decided where what the conditions before it prove by failing decides it (`if [ -n "$X" ];
        ...; elif [ -z "$X" ]` holds)."""
        kept: list[int] = []
        failed: tuple[_Known, ...] = ()
        for index, arm in enumerate(arms):
            condition = self._arm_condition(node, arm, index)
            before = self.scope.variables
            self.scope.variables = dict(before)
            self._narrowed(failed)
            holds = self._certain(condition)
            self.scope.variables = before
            failed = (*failed, *self._proven(condition[0])[1]) if len(condition) == 1 else failed
            if holds is False:
                continue
            kept.append(index)
            if holds:
                break
        return kept

    def _certain(self, condition: list[Node]) -> bool | None:
        """Whether a condition (its commands) holds whatever the script is run with, where it is one
        command that decides it: `true` or `:` holds, `false` does not (unless the script defines a
        function of that name), a test of two words the script writes out (`[ 1 = 0 ]`, `[[ "a" != "b" ]]`,
        `[ 1 -eq 0 ]`, `test 1 = 0`) as they compare, and `!` before any of them the other way; None for
        any other."""
        if len(condition) != 1:
            return None
        command = condition[0]
        if command.type == "negated_command":
            holds = self._certain([child for child in command.named_children if child.type != "comment"])
            return None if holds is None else not holds
        if command.type == "test_command":
            holds = _literal_test(command, self.source)
            return holds if holds is not None else self._tested(command)
        if command.type != "command":
            return None
        name = self._text(command.named_children[0])
        if name in self.functions:
            return None
        if name == "test":
            holds = _literal_comparison(command.children_by_field_name("argument"), self.source)
            return holds if holds is not None else self._tested(command)
        if len(command.named_children) != 1 or name not in _CERTAIN_COMMANDS:
            return None
        return _CERTAIN_COMMANDS[name]

    def never_runs(self, run: Callable[[], None]) -> None:
        """`run` as code that cannot run: its classic calls are calls the script names, which change and
        create nothing (`xplat.Reading.never`); the variables it sets are not set after it."""
        before = dict(self.scope.variables)
        self.spend(len(before))
        was, self.reading.never = self.reading.never, True
        try:
            run()
        finally:
            self.reading.never, self.scope.variables = was, before

    def _proven(self, condition: Node) -> tuple[tuple[_Known, ...], tuple[_Known, ...]]:
        """What a test proves of one variable where it holds and where it fails (see `_Known`): `[ -n
        "$VNET" ]`, `[ "$VNET" ]`, `[[ $VNET ]]`, `[[ -n ${VNET:-} ]]`, `test -n "$VNET"`: set and not empty
        where it holds, empty where it fails (`-z` the other way); `[ "$ENV" = prod ]`, `[[ $ENV == prod ]]`,
        `test "$ENV" = prod`: "prod" where it holds (`!=` where it fails). Nothing for any other condition,
        nor for a test of the script's arguments (`[ "$2" = commit ]`: see `choose`)."""
        words: Sequence[Node]
        if condition.type == "test_command" and condition.named_child_count == 1:
            tested = condition.named_children[0]
            if tested.type not in ("unary_expression", "binary_expression"):  # `[ "$VNET" ]`
                return _emptiness(_variable_read(tested, self.source), "-n")
            operator = tested.child_by_field_name("operator")
            words = [child for child in tested.children if child.is_named or child == operator]
        elif condition.type == "command" and self._text(condition.named_children[0]) == "test":
            words = condition.children_by_field_name("argument")
            if "test" in self.functions:
                return (), ()
        else:
            return (), ()
        written = [self._text(word) for word in words]
        if len(words) == 2 and written[0] in ("-n", "-z"):
            return _emptiness(_variable_read(words[1], self.source), written[0])
        if len(words) != 3 or written[1] not in ("=", "==", "!="):
            return (), ()
        for own, other in (words[::2], words[2::-2]):
            name, value = _variable_read(own, self.source), _literal_word(other, self.source)
            if name and not name.isdigit() and value is not None:
                proven = ((name, value),), ((name, None),) if value == "" else ()
                return proven if written[1] != "!=" else proven[::-1]
        return (), ()

    def _arm_condition(self, node: Node, arm: list[Node], index: int) -> list[Node]:
        """The commands of the condition that chooses the arm `index` of the `if` `node` (none for its
        `else`)."""
        if index == 0:
            return [c for c in node.children_by_field_name("condition") if c.is_named]
        return _elif_condition(arm[0]) if arm else []

    def _known_in_arms(self, node: Node, arms: list[list[Node]]) -> list[tuple[_Known, ...]]:
        """What the tests of an `if` and its `elif`s prove on each of its arms (`arms`, as `branches` has
        them): an arm runs where its own condition holds and every condition before it failed."""
        failed: tuple[_Known, ...] = ()
        known = []
        for index, arm in enumerate(arms):
            condition = self._arm_condition(node, arm, index)
            holds, fails = self._proven(condition[0]) if len(condition) == 1 else ((), ())
            known.append((*failed, *holds))
            failed = (*failed, *fails) if len(condition) == 1 else failed
        return known

    def _tested(self, command: Node) -> bool | None:
        """Whether a test of a variable holds where an earlier test on this branch proved its value
        (`tested`): `[ -z "$VNET" ]` inside `if [ -n "$VNET" ]`, `[ "$ENV" = dev ]` in the arm of `[ "$ENV" =
        prod ]`; None where that value does not decide it."""
        holds, fails = self._proven(command)
        known, answer = (holds, True) if holds else (fails, False)  # the test holds (fails) iff ...
        found = self.scope.variables.get(known[0][0]) if len(known) == 1 else None
        if found is None or not found.tested:
            return None
        text = known[0][1]
        if found.text is None:  # proven set and not empty: equal to no empty word, to others maybe
            matches = True if text is None else False if text == "" else None
        else:
            matches = bool(found.text) if text is None else found.text == text
        return None if matches is None else matches == answer

    def cases(self, node: Node) -> None:
        items = [item for item in node.named_children if item.type == "case_item"]
        subject = node.named_children[0] if node.named_children else None
        argument = _argument(subject, self.source) if subject is not None else ""
        values = [_case_value(item, self.source) for item in items]
        # No arm runs when no pattern matches, unless one matches anything (`*)`).
        unmatched: list[list[Node]] = [] if any(_matches_anything(item) for item in items) else [[]]
        # `case "$ENV" in prod)`: the variable is "prod" in that arm.
        name = _variable_read(subject, self.source) if subject is not None else ""
        known = [((name, value),) if name and not argument and value is not None else () for value in values]
        taken = self._case_taken(name, items, values)
        if taken is None:
            self._arms(
                [*([item] for item in items), *unmatched],
                argument,
                values,
                [*known, *([()] * len(unmatched))],
            )
            return
        for index, item in enumerate(items):  # in the order they are written
            if index == taken:
                self._arm([item], known[index])
            else:
                self.never_runs(functools.partial(self._arm, [item]))

    def _case_taken(self, name: str, items: list[Node], values: list[str | None]) -> int | None:
        """Which arm of a `case` on the variable `name` runs where an earlier test on this branch proved
        its text (`tested`: `case "$ENV" in dev)` inside `if [ "$ENV" = prod ]`): the first whose pattern is
        that text or `*`, `len(items)` for none; None where the value or a pattern does not decide it."""
        found = self.scope.variables.get(name) if name else None
        if found is None or not found.tested or found.text is None:
            return None
        for index, (item, value) in enumerate(zip(items, values, strict=True)):
            if _matches_anything(item) or value == found.text:
                return index
            if value is None:
                return None
        return len(items)

    def _arms(
        self,
        arms: list[list[Node]],
        argument: str = "",
        values: list[str | None] | None = None,
        known: list[tuple[_Known, ...]] | None = None,
    ) -> None:
        """The arms of an `if` or `case`; `known`: what the tests that choose each arm prove of variables
        there (see `_proven`)."""
        if self.flat:  # each arm once, as code that may run, its assignments kept: no copies per arm
            with self._maybe():
                for child in (child for arm in arms for child in arm):
                    if child.type in _ARM_CLAUSES:
                        self.statements(child)
                    else:
                        self.statement(child)
            return
        proven = known or [()] * len(arms)
        arms_run: list[Callable[[], None]] = [
            functools.partial(self._arm, arm, facts) for arm, facts in zip(arms, proven, strict=True)
        ]
        self.choose(arms_run, argument, values or [], _by_value(proven))

    def _arm(self, arm: list[Node], known: tuple[_Known, ...] = ()) -> None:
        narrowed = self._narrowed(known)
        for child in arm:
            if child.type in _ARM_CLAUSES:
                self.statements(child)
            else:
                self.statement(child)
        statements = [
            s for child in arm for s in (child.named_children if child.type in _ARM_CLAUSES else [child])
        ]
        self.arm_exits = any(self._is_exit(statement) for statement in statements)
        variables = self.scope.variables
        for name, (before, value) in narrowed.items():
            if variables.get(name) is value:  # the arm left it as the test proved it: as before, past it
                if before is None:
                    del variables[name]
                else:
                    variables[name] = before

    def _narrowed(self, known: tuple[_Known, ...]) -> dict[str, tuple[_Value | None, _Value]]:
        """The variables as the tests that choose an arm prove them there (`tested`): set and not empty
        (which they stay past the arm, as a value that arm leaves), or a given text ("" for empty), each
        with its value before, which it takes again past the arm if the arm does not change it (the
        `then` of `if [ -z "$VNET" ]; then exit 1; fi` leaves it as unknown as before)."""
        variables = self.scope.variables
        narrowed: dict[str, tuple[_Value | None, _Value]] = {}
        for name, text in known:
            found = variables.get(name)
            if found is not None and (found.text is not None or found.blank):
                continue  # a value the script states: the test decides nothing more of it
            if text is None:
                _proven_not_empty(variables, name)
                variables[name] = replace(variables[name], tested=True)
            else:
                value = variables[name] = _Value(text, tested=True)
                narrowed[name] = (narrowed[name][0] if name in narrowed else found, value)
        return narrowed

    def choose(
        self,
        arms: list[Callable[[], None]],
        argument: str = "",
        values: list[str | None] | None = None,
        by_value: _ByValue | None = None,
    ) -> None:
        """Runs each arm of a choice the reader cannot decide, each from the variables before it, as code
        that may run; after it, a variable the arms leave different is unknown. In the script's own code,
        outside any other choice, a choice of the value of one of its arguments (`argument`: `case "$2"
        in`, `if [ "$2" = commit ]`, the value each arm is taken for in `values`, None for any other) is
        one for the whole script: an arm taken for a value is that value's branch, any other arm one of its
        own, so a `case` arm and a later test of another value are two runs of the script, never one (the
        stages of a runbook), and two tests of one value run together. So is, there, a test of a
        variable (`by_value`) the script does not change after the same test, or the opposite one, chose
        its arms (`if [ "$VNET" ]; ...; fi; ...; if [ -z "$VNET" ]`, a function's `if` at each call)."""
        self.spend(len(self.scope.variables) * len(arms))
        before = dict(self.scope.variables)
        arm_before, around = self.reading.arm, self.reading.branches
        self.choices += 1  # each time a choice is read it is another: a function's `if` at each call
        choice = f"{self.path}#{self.choices}"
        by_argument = bool(argument) and around == () and self.depth == 0 and not self.shifted
        by_value = by_value if around == () and not by_argument else None
        if by_value is not None:
            seen = self.tested_choices.get(by_value[0])
            if seen is not None and before.get(by_value[0][0]) is seen[0]:
                choice = seen[1]
        known = self.argument_values.setdefault(argument, {}) if by_argument else {}
        after: list[dict[str, _Value]] = []
        modes = []
        working, workings = self.working, set()  # the folder it runs in: unknown where the arms differ
        previous, previouses = self.previous, set()
        locations, stacks = list(self.locations), []
        made: list[int] = []  # where the script's calls stood before each arm
        for index, arm in enumerate(arms):
            made.append(len(self.calls))
            self.scope.variables = dict(before)
            self.working, self.locations, self.previous = working, list(locations), previous
            self.reading.arm = arm_before
            self.reading.branches = (*around, (choice, by_value[1][index] if by_value else index))
            if by_argument:
                value = (values or [])[index] if index < len(values or []) else None
                taken = known.setdefault(value if value is not None else f"\0{choice}#{index}", len(known))
                self.reading.branches = ((f"{self.path}#${argument}", taken),)
            self.arm_exits = False
            with self._maybe():
                arm()
            if not self.arm_exits:  # what follows the choice never runs with what an arm that exits leaves
                after.append(self.scope.variables)
            modes.append(self.reading.arm)
            workings.add(self.working)
            previouses.add(self.previous)
            stacks.append(self.locations)
        self.working = workings.pop() if len(workings) == 1 else None
        self.previous = previouses.pop() if len(previouses) == 1 else None
        self._locations_joined(stacks or [locations])
        self.reading.branches = around
        self.scope.variables = _joined(after or [before])
        self.arm_exits = False  # of this choice's arms only, not of an arm around it
        if by_value is not None:
            self._tested_past(by_value[0], choice, before, after)
        self.reading.arm = any(modes)  # a mode some branch may leave: not read as classic
        self._called_either_way(made)

    def _tested_past(
        self, tested: tuple[str, str], choice: str, before: dict[str, _Value], after: list[dict[str, _Value]]
    ) -> None:
        """Keeps the choice a test of a variable (`tested`: its name, and the text the test compares it
        with) made, with the variable's value past it, where no arm changed the variable: a later test of
        it is then the same choice (see `choose`); else forgets it."""
        name = tested[0]
        was = before.get(name)
        if all(path.get(name) is was or _proven_of(name, was, path.get(name)) for path in after):
            self.tested_choices[tested] = (self.scope.variables.get(name), choice)
        else:
            self.tested_choices.pop(tested, None)

    def loop(self, node: Node, braced: Node | None = None) -> None:
        """`for x in a b c`: once for each word it lists, also one in double quotes that holds a value the
        script does not state (`for n in "$1-a" "$1-b"`: two turns, each VM its own); over words it
        does not state otherwise (`for x in $LIST`, which may split into any number), once with `x`
        unknown, as code that may run."""
        variable = node.child_by_field_name("variable")
        body = braced or node.child_by_field_name("body")  # `for x in a b; { ...; }`: the braces' block
        values = [c for c in node.children_by_field_name("value")]
        if variable is None or body is None:
            return
        if not values and self.scope.arguments is not None:  # `for x; do`: over the function's `"$@"`
            self._over_arguments(self._text(variable), body)
            return
        items = [(value, w) for value in values for w in self._listed(value)]
        name = self._text(variable)
        counted = all(w.text is not None or self._one_word(value) for value, w in items)
        counted = counted and not any(self._glob(value) for value in values)
        if self.flat or not values or not counted or len(items) > _LOOP_ITEMS:
            every_network = len(values) == 1 and self._lists_every_network(values[0])
            self.scope.variables[name] = _Value(None, holder=_EVERY_NETWORK) if every_network else _UNSTATED
            listed = " ".join(self._text(value) for value in values) or '"$@"'  # `for x; do`: the arguments
            cut = self._turns_cut(node, values, len(items) if counted else 0)
            with self._looping(_short(listed), {name}, {_EVERY_NETWORK} if every_network else set()):
                self.unknown_loop(body, at_least_once=cut)
            return
        for value, word in items:
            self.scope.variables[name] = self._item(value, word)
            self.statements(body)

    def _turns_cut(self, node: Node, values: list[Node], written: int) -> bool:
        """Whether a `for` loop runs more turns than are read one by one (`_LOOP_ITEMS`), its list counted in
        numbers (`$(seq 40)`, `{1..40}`) or `written` out word by word: it surely runs, and the turns are
        read as one, said a part not read (`LOOP_TURNS_CUT`)."""
        counts = (_count(self._bounds(value)[0]) for value in values)
        cut = not self.flat and (written > _LOOP_ITEMS or any(len(c or ()) > _LOOP_ITEMS for c in counts))
        if cut:
            self.lines_not_read.append(replace(self.where.mark(node), tag=LOOP_TURNS_CUT))
        return cut

    def _over_arguments(self, name: str, body: Node) -> None:
        """`for param; do ...; done` in a function a call runs: once for each word the call gives it, as
        bash reads it (`for param in "$@"`), each a value the script does not state where the call's is not;
        over more words than `_LOOP_ITEMS`, once with `param` unknown, as code that may run."""
        arguments = self.scope.arguments or ()
        if self.flat or len(arguments) > _LOOP_ITEMS:
            self.scope.variables[name] = _UNSTATED
            with self._looping('"$@"', {name}):
                self.unknown_loop(body)
            return
        for word in arguments:
            self.scope.variables[name] = _Value.of(word)
            self.statements(body)

    def _lists_every_network(self, value: Node) -> bool:
        """Whether a `for` loop's list is the output of `azure network vnet list` (piped on to pick the names
        out of it, `| jq -r '.[].name'`): every virtual network of the subscription, whichever variable
        holds it, so that a gateway one such loop creates is the one another keys (`_EVERY_NETWORK`)."""
        if value.type == "string" and value.named_child_count == 1:
            value = value.named_children[0]
        if value.type != "command_substitution" or value.named_child_count != 1:
            return False
        listing = value.named_children[0]
        if listing.type == "pipeline" and listing.named_children:
            listing = listing.named_children[0]
        return self._words_of(listing)[:4] in (
            ["azure", "network", "vnet", "list"],
            ["azure.cmd", "network", "vnet", "list"],
        )

    def _glob(self, value: Node) -> bool:
        """Whether a `for` loop's list item is a pattern bash expands to the files that match it
        (`exports/*.json`, `"$DIR"/vm?.json`): the files, which the script does not state, not the word."""
        parts = value.named_children if value.type == "concatenation" else [value]
        return any(part.type == "word" and any(c in self._text(part) for c in "*?") for part in parts)

    @contextlib.contextmanager
    def _looping(self, listed: str, names: Iterable[str], holders: set[str] | None = None) -> Iterator[None]:
        """The body of a loop over items the script does not write out (`listed`, as the plan names them)
        is being read: a VM named by its item, or by another of the variables `names` it assigns, or by a
        value `holders` hold, is one per turn (see `xplat.Reading.looping_over`)."""
        was = self.reading.looping_over, self.reading.turn_holders
        self.reading.looping_over = listed
        self.reading.turn_holders = {f"${name}" for name in names} | (holders or set())
        try:
            yield
        finally:
            self.reading.looping_over, self.reading.turn_holders = was

    def _loop_head(self, node: Node) -> str:
        """A `while` or `for ((…))` loop as written up to its body: `while read name`."""
        body = node.child_by_field_name("body")
        end = body.start_byte if body is not None else node.end_byte
        written = bytearray(self.source[node.start_byte : end])
        for opening in _tests_read_as_commands(node, end):  # each `[` made `_` (`_split_tests_read`)
            written[opening - node.start_byte] = ord("[")
        return " ".join(written.decode("utf-8", "replace").split()).rstrip("; ")

    def _one_word(self, node: Node) -> bool:
        """Whether a `for` loop's list item is one word whatever it holds: a string in double quotes that
        expands no `$@` or `${arr[@]}`, which bash does not split."""
        return node.type == "string" and "@" not in self._text(node)

    @staticmethod
    def _item(node: Node, word: Word) -> _Value:
        """A `for` loop's variable in the turn of `word`: a value the script does not state is held by what
        holds it, else by the list's item, each turn's its own, so that each names a resource of its own."""
        if word.text is not None:
            return _Value(word.text, word.mark, word.exact, text_at=word.text_at)
        holder = word.holder or f"for item at {node.start_byte}"
        return _Value(None, word.mark, shape=word.shape, holder=holder, holes=word.holes)

    def _listed(self, node: Node) -> list[Word]:
        """The words a `for` loop's list item makes: a count stated in numbers (`{1..4}`, `$(seq 1 $N)`,
        `$(seq -f "web%02g" 0 2 8)`) is its numbers, as the shell or `seq` prints them; else the item's
        words."""
        bounds, printed = self._bounds(node)
        numbers = _counted(bounds)
        if numbers is None:
            return self.words(node)
        mark = self.where.mark(node)
        return [Word(text, mark) for text in printed.words(numbers)]

    def _bounds(self, node: Node) -> tuple[list[str], _SeqOutput]:
        """The bounds of a count a `for` loop's list item states (`{1..4}`, `{1..10..4}`, `$(seq -w 0 2 $last)`),
        as the shell gives them, in `seq`'s order (first, step, last), and how they are printed; no bounds for
        any other item."""
        if node.type == "brace_expression":
            return [self._text(n) for n in node.named_children], _SeqOutput()
        if node.type == "concatenation" and [self._text(n) for n in node.children][::2] == ["{", "}"]:
            # the grammar reads no `{1..10..4}`
            return _stepped_braces(self._text(node.children[1])), _SeqOutput()
        if node.type == "command_substitution" and node.named_child_count == 1:
            command = node.named_children[0]
            name = command.child_by_field_name("name")
            if command.type == "command" and name is not None and self._text(name) == "seq":
                words = [w for a in command.children_by_field_name("argument") for w in self.words(a)]
                texts = [w.text for w in words if w.text is not None]
                read = _seq_options(texts) if len(texts) == len(words) else None
                if read is not None:
                    return read
        return [], _SeqOutput()

    def counted_loop(self, node: Node) -> None:
        """`for ((i=1; i<=4; i++))`: once for each value, where its bounds and step are stated in numbers
        (a few dozen turns at most); else once, as `unknown_loop`, a VM named by its counter standing for
        one per turn (see `_looping`): as code that surely runs where the turns are counted but more than
        that (`LOOP_TURNS_CUT`)."""
        turns = None if self.flat else self._c_turns(node)
        body = node.child_by_field_name("body")
        if turns is None or body is None or len(turns[1]) > _LOOP_ITEMS:
            cut = turns is not None and body is not None and self._counted_turns_cut(node)
            turns_read = f"the turns of `{_short(self._loop_head(node))}`"
            with self._looping(turns_read, self._assigned(node)):
                self.unknown_loop(node, at_least_once=cut)
            return
        name, values = turns
        for value in values:
            self.scope.variables[name] = _Value(str(value))
            self.statements(body)

    def _counted_turns_cut(self, node: Node) -> bool:
        """A loop whose counter's turns are counted but more than are read one by one (`_LOOP_ITEMS`): said a
        part not read (`LOOP_TURNS_CUT`); True, as it surely runs."""
        self.lines_not_read.append(replace(self.where.mark(node), tag=LOOP_TURNS_CUT))
        return True

    def never_looped(self, node: Node) -> bool:
        """`while false; do …; done`, `until true; do …; done`: a loop whose condition the reader knows
        ends it before the first turn, whose body never runs; False for any other."""
        condition = [c for c in node.children_by_field_name("condition") if c.is_named]
        holds = self._certain(condition)
        until = any(child.type == "until" for child in node.children)
        body = node.child_by_field_name("body")
        if holds is None or holds != until or body is None:
            return False
        self.never_runs(functools.partial(self.statements, body))
        return True

    def counted_while(self, node: Node) -> bool:
        """`i=0` then `while [ $i -lt 3 ]; do …; i=$((i+1)); done`: once for each value of its counter, as
        `counted_loop` runs a C-style `for`, where the counter holds a number the script states, the bound
        is written as a number, and the body's last statement alone changes the counter, by a step written
        as a number (`i=$((i+1))`, `((i++))`, `((i+=2))`, `let i++`), with no `break`, `continue` or `return`
        in it (an `exit` ends the turns as it ends the script); False for any other `while`, which is read
        once. Counted past the turns read one by one (`_LOOP_ITEMS`), it is read once as one that surely
        runs (see `counted_loop`)."""
        turns = None if self.flat else self._while_turns(node)
        body = node.child_by_field_name("body")
        if turns is None or body is None:
            return False
        if len(turns[1]) > _LOOP_ITEMS:
            turns_read = f"the turns of `{_short(self._loop_head(node))}`"
            with self._looping(turns_read, self._assigned(node)):
                self.unknown_loop(node, at_least_once=self._counted_turns_cut(node))
            return True
        name, values = turns
        for value in values:
            self.scope.variables[name] = _Value(str(value))
            self.statements(body)
        step = values[1] - values[0] if len(values) > 1 else 0
        self.scope.variables[name] = _Value(str(values[-1] + step) if values else self.lookup(name).text)
        return True

    def _while_turns(self, node: Node) -> tuple[str, range] | None:
        condition = node.child_by_field_name("condition")
        body = node.child_by_field_name("body")
        compared = (
            condition.named_children[0]
            if condition is not None and condition.named_child_count == 1
            else None
        )
        if (
            compared is None
            or compared.type != "binary_expression"
            or body is None
            or body.named_child_count < 2
        ):
            return None
        left, operator, right = [*compared.named_children, compared, compared, compared][:3]
        if left.type == "string" and left.named_child_count == 1:  # `"$i"`
            left = left.named_children[0]
        name = self._text(left).removeprefix("$")
        limit = {"-lt": 0, "-le": 1, "-gt": 0, "-ge": -1}.get(self._text(operator))
        statements = body.named_children
        step = _while_step(statements[-1], name, self.source)
        if left.type != "simple_expansion" or limit is None or step is None or _exits_turn(body, self.source):
            return None
        if any(name in self._assigned(statement) for statement in statements[:-1]):
            return None
        try:
            begin, end = int(self.lookup(name).text or ""), int(self._text(right))
        except ValueError:
            return None
        if (step > 0) != (self._text(operator) in ("-lt", "-le")):
            return None
        return name, range(begin, end + limit, step)

    def _c_turns(self, node: Node) -> tuple[str, range] | None:
        start = node.child_by_field_name("initializer")
        condition = node.child_by_field_name("condition")
        update = node.child_by_field_name("update")
        if start is None or condition is None or update is None or start.type != "variable_assignment":
            return None
        name_node, first = start.child_by_field_name("name"), start.child_by_field_name("value")
        if name_node is None or first is None or condition.type != "binary_expression":
            return None
        name = self._text(name_node)
        left, right = condition.child_by_field_name("left"), condition.child_by_field_name("right")
        operator = next((c.type for c in condition.children if not c.is_named), "")
        if left is None or right is None or self._text(left).lstrip("$") != name:
            return None
        step = _step(self._text(update).replace(" ", ""), name)
        limit = {"<": 0, "<=": 1, ">": 0, ">=": -1}.get(operator)
        try:
            begin, end = int(self._text(first)), int(self._text(right))
        except ValueError:
            return None
        if step is None or limit is None or (step > 0) != (operator[0] == "<"):
            return None
        return name, range(begin, end + limit, step)

    def unknown_loop(self, node: Node, at_least_once: bool = False) -> None:
        """A loop whose turns the script does not state (`while`, a count it computes): read once, as code
        that may run, every variable it assigns unknown from the start, so that what it names after them
        (`node$i`) is a stand-in for the names of its turns, not the first turn's name alone. `at_least_once`:
        one counted past the turns read one by one, which surely runs: read once as code that runs."""
        with contextlib.ExitStack() as uncertain:
            if not at_least_once:
                uncertain.enter_context(self._maybe())
                uncertain.enter_context(self._may_not_run())
            self.statements_before_body(node)
            for name in self._assigned(node):
                self.scope.variables[name] = _UNSTATED
            body = node.child_by_field_name("body")
            self.statements(body if body is not None else node)

    def statements_before_body(self, node: Node) -> None:
        """A loop's initializer and condition, which run before its body (their substitutions)."""
        if node.type in ("do_group", "compound_statement"):
            return
        for child in node.named_children:
            if child.type not in ("do_group", "compound_statement") and child.type != "variable_assignment":
                self.statement(child)

    @contextlib.contextmanager
    def _maybe(self) -> Iterator[None]:
        with self._uncertain(sure_past_stops=False):
            yield

    @contextlib.contextmanager
    def _past_a_stop(self) -> Iterator[None]:
        """The rest of a statement list after a stop the script may take: code that may not run, but that
        surely runs once past the stop when what holds the list surely runs (see `Reading.stops`)."""
        self.reading.stops += 1
        with self._uncertain(sure_past_stops=not self.reading.maybe or self.reading.sure_past_stops):
            yield

    @contextlib.contextmanager
    def _uncertain(self, sure_past_stops: bool) -> Iterator[None]:
        """Code that may not run: the reading's `maybe` set, and whether it surely runs past the stops."""
        was, sure = self.reading.maybe, self.reading.sure_past_stops
        self.reading.maybe, self.reading.sure_past_stops = True, sure_past_stops
        self.uncertain += 1
        try:
            with self.reading.may_not_run():
                yield
        finally:
            self.reading.maybe, self.reading.sure_past_stops = was, sure
            self.uncertain -= 1

    # --- commands ----------------------------------------------------------------------------------

    def command(self, node: Node) -> None:
        given = [child for child in node.named_children if child.type == "variable_assignment"]
        name_node = node.child_by_field_name("name")
        written = node.children_by_field_name("argument")  # past redirections: read with them
        past = self.past_files.get((self.source, node.start_byte, node.end_byte), [])
        arguments = [a for a in (*written, *past) if not self._split_from_before(a)]
        environment: list[tuple[str, _Value | None]] = []
        if name_node is not None and self._split_from_before(name_node):
            # `URL=$ENDPOINT/$SUB/x curl -E c.pem ...`, which the grammar reads as `URL=$ENDPOINT/$` before a
            # command named `SUB/x`: the command is the first word past the assignments (`B=2`) that follow
            environment = self._assignment_words(arguments)
            rest = arguments[len(environment) :]
            if not rest:
                for child in given:  # `URL=$ENDPOINT/$SUB/x` alone: the script's own variable
                    self.assign(child)
                for variable, assigned in environment:  # and `B=2` after it, a word to the grammar
                    self.scope.variables[variable] = assigned if assigned is not None else _Value("")
                return
            name_node, arguments = rest[0], rest[1:]
        for child in given:  # `X=1 cmd`: in the command's environment only (see `_environment_set`)
            self._substitutions(child)
        for argument in written:
            self._substitutions(argument)
        if not given:
            self._command(name_node, arguments)
            return
        held = dict(self.command_environment)
        for child in given:
            name, value = child.child_by_field_name("name"), child.child_by_field_name("value")
            if name is not None and name.type == "variable_name":
                self.command_environment[self._text(name)] = self.value(value) if value is not None else None
        self.command_environment.update(environment)
        try:
            self._command(name_node, arguments)
        finally:
            self.command_environment = held

    def _assignment_words(self, words: list[Node]) -> list[tuple[str, _Value | None]]:
        """The assignments a command's first words make (`B=2` of `URL=$A/$B/x B=2 curl`, which the grammar
        reads as words): each variable's name and value, up to the first word that is none."""
        made: list[tuple[str, _Value | None]] = []
        for word in words:
            name, equals, _ = self._text(word).partition("=")
            if not equals or not name.isidentifier() or not name.isascii():
                break
            made.append((name, _after(self.value(word), len(name) + 1, self.where.mark(word))))
        return made

    def _command(self, name_node: Node | None, arguments: list[Node]) -> None:
        if name_node is None:
            return
        split = self._split_command_word(name_node)
        if split:  # `$cmd` of `cmd="azure vm create ..."`: the words bash splits it into, run
            self._run_words([*split, *(w for a in arguments for w in self.words(a))])
            return
        name = self.value(name_node).text
        self.shifted = self.shifted or name in ("shift", "set")
        if name == "set":
            self.all_exported = self.all_exported or _exports_all([self._text(a) for a in arguments])
            self._set_positional(arguments)
        if name in self.functions:
            self.named_calls.add(name)
        if name is None:  # `"$@"`: a wrapper running the command its arguments name
            spread = self._spread(name_node)
            if spread:
                self._run_words([*spread, *(w for a in arguments for w in self.words(a))])
            else:  # a command the script does not state (`"$EDITOR" NetworkConfig.netcfg`)
                self._may_write([w for a in arguments for w in self.words(a)])
            return
        if (
            _prefix_named(name) is not None
            or posixpath.basename(name)
            in SHELLS | PYTHONS | _PLACES.keys() | {"parallel", "ssh", *_SWITCH_USER, *_CONTAINERS}
            or posixpath.basename(name).casefold() in POWERSHELLS
            or _relative_path(name)
        ):
            self.written_arguments = arguments  # a request's body file is found by its word (`_sent_file`)
            self._run_words([self.words(name_node)[0], *(w for a in arguments for w in self.words(a))])
        elif posixpath.basename(name) in _AZURE:
            self.azure(name_node, arguments)
        elif posixpath.basename(name) in _AZ:
            self._az([self.words(name_node)[0], *(w for a in arguments for w in self.words(a))])
        elif name == "eval":
            self._eval(name_node, arguments)
        elif name == "printf" and len(arguments) > 2 and self.value(arguments[0]).text == "-v":
            self._printf_to(arguments[1], arguments[2:])
        elif name == "shift":  # in a function: `$1` is the next argument
            self._shift(arguments)
        elif name in ("read", "mapfile", "readarray"):  # each sets the variables (an array) it names
            for argument in arguments:
                text = self.value(argument).text
                if text is not None and not text.startswith("-"):
                    read = _Value(None, holder=self._assignment(argument), names=(f"${text}",))
                    self.scope.variables[text] = read
        elif name in self.functions and self.depth < _CALL_DEPTH and not self.flat:
            self.called.add(name)
            words = tuple(w for argument in arguments for w in self.words(argument))
            self._call(name, self.functions[name], words, self.where.mark(name_node))
        elif name in (".", "source"):
            self.sourced = True
            self._settings_loaded(arguments)
        elif self.sourced and name not in _PRINTS and arguments and self.value(arguments[0]).text in _AZURE:
            self._sourced_wrapper(arguments)
        elif name == "wait" and not arguments:  # with operands: which of the commands, not followed
            self.reading.waited()
        elif name == "cd":
            self._moved(arguments)
        elif name in ("pushd", "popd"):
            self._pushed(name, arguments)
        else:
            self._may_write([self.words(name_node)[0], *(w for a in arguments for w in self.words(a))])

    def _moved(self, arguments: list[Node]) -> None:
        """`cd configs`: a relative path names a file of another folder after it, unless it is the script's
        own (`cd "$(dirname "$0")"`), where the files checked beside the script are. `cd -` goes back to the
        folder the last move left (see `previous`)."""
        if len(arguments) == 1 and self._script_folder(arguments[0]):
            self._went_to("")
            self.went_to_own_folder = True
            return
        if len(arguments) == 1 and self._run_folder_named(arguments[0]):
            self._went_to(self.run_folder)  # `cd "$(dirname "$0")"` in a script file run by its path
            return
        named = self._folder_named(arguments[0]) if len(arguments) == 1 else None
        if named is not None:  # `cd "$(dirname "$0")/.."`, `cd "$SCRIPT_DIR/.."`: as `cd configs` is read
            self.moved = self.moved or named != ""
            self._went_to(named)
            return
        self.moved = True
        back = len(arguments) == 1 and self.value(arguments[0]).text == "-"
        self._went_to(self.previous if back else self._moved_to(arguments))

    def _folder_named(self, node: Node) -> str | None:
        """The path from the script's folder of the folder a word names from the folder of the script (or of
        the script file being run by its path): one above it, or below one of those (`"$(dirname "$0")/.."`,
        `"$(dirname "$0")"/..`, `"$SCRIPT_DIR/../config"`); None for any other word."""
        value = self._folder_below(node, self.value(node))
        if not value.folder:
            return None
        path = posixpath.normpath("/".join([".."] * value.above + [value.within] * bool(value.within)) or ".")
        return "" if path == "." else path

    def _run_folder_named(self, node: Node) -> bool:
        """Whether a word names the folder of the script file being run by its path (`run_folder`)."""
        value = self.value(node)
        own = self._own_folder(node, value.folder, 0) if self.run_folder and value.folder else None
        return own is not None and (value.above, value.within) == (own.above, own.within)

    def _went_to(self, folder: str | None) -> None:
        """The script runs in `folder` from here, and the one it leaves is where `cd -` goes back to."""
        self.previous, self.working = self.working, folder

    def _pushed(self, name: str, arguments: list[Node]) -> None:
        """`pushd configs` moves as `cd configs` does, and leaves the folder it was in for `popd`; `popd`
        goes back to it. Other forms (`pushd` alone, `pushd +1`, `popd -0`) turn the stack: the folder is
        then one the reader does not follow."""
        plain = len(arguments) == 1 and not (self.value(arguments[0]).text or "-").startswith(("+", "-"))
        if name == "popd" and not arguments and self.locations:
            self._went_to(self.locations.pop())
            return
        if name == "pushd" and plain:
            left = self.working
            self._moved(arguments)
            self.locations.append(left)
            return
        self.moved = True
        self._went_to(None)
        self.locations = [None] * len(self.locations)

    def _locations_joined(self, stacks: list[list[str | None]]) -> None:
        """The folders `pushd` left after code that may take one path or another: a folder each leaves the
        same, and one the reader does not follow where they differ (`popd` then goes to a folder unknown)."""
        depth = max(len(stack) for stack in stacks)
        self.locations = [
            stacks[0][at]
            if all(len(stack) == depth and stack[at] == stacks[0][at] for stack in stacks)
            else None
            for at in range(depth)
        ]

    def _moved_to(self, arguments: list[Node]) -> str | None:
        """The folder `cd` (`pushd`) moves to, from the script's own, where it states a relative path from
        the folder it runs in; None for any other (an absolute path, which is the machine's, not one of the
        files checked; `cd -`, `cd` alone, `popd`)."""
        text = self.value(arguments[0]).text if len(arguments) == 1 else None
        if self.working is None or not text or text.startswith(("/", "~", "-")):
            return None
        return posixpath.normpath(posixpath.join(self.working, text))

    def _settings_loaded(self, arguments: list[Node]) -> None:
        """A settings file the script sources by a path it states (see `_settings_path`), when it is one to
        read (`beside.settings_file`): the variables it sets are the script's from here, as if set here."""
        stated = self._settings_path(arguments[0]) if arguments else None
        if stated is None and arguments and self._lost_by_cd(arguments[0]):
            mark = replace(self.where.mark(arguments[0]), tag=SOURCED_AFTER_CD)
            self.unfollowed.setdefault((mark.line, mark.column), mark)
        settings = beside.settings_file(stated[0], resolved=stated[1], any_name=True) if stated else None
        self.names_the_api = self.names_the_api or (
            settings is not None and automation.names_the_api(settings.data)
        )
        if settings is None and stated and self._from_the_folder_run_in(arguments[0]):
            self._loaded_from_another_folder(arguments[0], stated[0])
        sourced = beside.values_of(settings, _settings_values) if settings is not None else _Sourced({}, None)
        self._folders_kept(sourced.assigned)
        self.scope.variables.update(sourced.values)
        library = beside.values_of(settings, _settings_functions) if settings is not None else None
        if library is not None and self.in_library is None:  # one level, as for its values
            for name, body in library.functions:
                self.spend()
                self.functions[name] = body
                self.library_of[body.id] = library
        if (
            settings is not None
            and library is not None
            and self._runs_when_sourced(settings, library, arguments)
        ):
            self._sourced_file_run(library, [w for a in arguments[1:] for w in self.words(a)])

    def _runs_when_sourced(self, settings: beside.Settings, library: _Library, arguments: list[Node]) -> bool:
        """Whether the top level of a file sourced here is run here, not only read for its values: one whose
        commands depend on the script that sources it, by the words it is sourced with (`source
        ./create.sh shopsvc`, its `$1`), by a function the script has defined, not the file, and it calls
        (main.sh sources lib.sh, then steps.sh, whose `deploy_vm web1` is lib.sh's), or by a variable the
        script holds and the file reads without setting it (`azure vm create "$SERVICE" …` after
        `SERVICE=svc1`), whether or not the file defines functions too, as bash runs it. A library of
        functions and constants, whose commands depend on none of these, keeps its own read."""
        if self.in_library is not None or self.flat or self.depth >= _CALL_DEPTH:
            return False
        commands = beside.values_of(settings, _top_level_commands)
        if not commands:
            return False
        its_own = {name for name, _ in library.functions}
        return (
            len(arguments) > 1
            or any(name in self.functions and name not in its_own for name in commands)
            or any(name in self.scope.variables for name in beside.values_of(settings, _top_level_reads))
        )

    def _sourced_file_run(self, library: _Library, words: list[Word]) -> None:
        """A sourced file's top level run here, in this shell (see `_runs_when_sourced`), with `words` as its
        `$1`... while it runs when it is sourced with any, each command shown where the file writes it and
        the script's own: the file's own read, alone, is then not said again (`WHOLE_FILE_RUN`), and the
        functions it defines are the script's, read here where no call runs them (`_own_function`)."""
        self.spend(len(library.source))
        self.library_run.add((library.path, WHOLE_FILE_RUN))
        self.run_whole.add(id(library))
        scope, saved = self.scope, (self.source, self.where, self.placeholders, self.line_holes)
        given = scope.arguments
        if words:
            scope.arguments = tuple(words)
        self.source, self.where, self.placeholders, self.line_holes = (
            library.source,
            library.where,
            library.placeholders,
            (),
        )
        self.depth += 1
        try:
            self.statements(library.tree.root_node)
        finally:
            scope.arguments = given
            self.source, self.where, self.placeholders, self.line_holes = saved
            self.depth -= 1

    def _folders_kept(self, assigned: frozenset[str] | None) -> None:
        """After a file is sourced: a variable that held the script's own folder holds it still only
        where the file is a settings file read, which sets no variable of its name (`assigned`; None for
        any other file, which may set any)."""
        for name, value in self.scope.variables.items():
            if value.folder and (assigned is None or name in assigned):
                self.scope.variables[name] = replace(value, folder="", above=0, within="")

    def _settings_path(self, node: Node) -> tuple[str, bool] | None:
        """The path of a sourced file from the script's folder, when the script states it: `./env.sh`,
        `env.sh`, `"$(dirname "$0")/vars.sh"` (or of `${BASH_SOURCE[0]}`, or a variable that holds that
        folder: `"$DIR/vars.sh"`), and whether it is taken from that folder with symbolic links resolved
        (`$(dirname "$(readlink -f "$0")")`); None for one it does not state."""
        parts = node.named_children if node.type in ("string", "concatenation") else []
        first = self.value(parts[0]) if len(parts) > 1 else _UNSTATED
        if first.folder:
            return self._path_in_folder(first, parts[1:])
        text = self.value(node).text
        if not text or text.startswith("/"):
            return (text, False) if text else None
        if self.working is None:  # from a folder the script does not state
            return None
        return (posixpath.join(self.working, text) if self.working else text), False

    def _path_in_folder(self, folder: _Value, parts: list[Node]) -> tuple[str, bool] | None:
        """The path from the script's folder of a file written as `parts` after a word that names the
        script's folder, one above it or below one of those (`folder`: `$DIR` of `"$DIR/vars.sh"`), and
        whether symbolic links are resolved in it; None where a part is not stated, or none names a file."""
        rest = [
            _Value(_unescaped(self._text(part), quoted=True))
            if part.type == "string_content"
            else self.value(part)
            for part in parts
        ]
        if any(part.text is None for part in rest):
            return None
        stated = "".join(part.text or "" for part in rest).lstrip("/")
        below = f"{folder.within}/" if folder.within else ""
        return ("../" * folder.above + below + stated, folder.folder == "resolved") if stated else None

    def _body_file_path(self, node: Node) -> tuple[str, bool] | None:
        """The path from the script's folder of the file a request's body is read from, where the word
        naming it (`node`, with curl's `@` or without it: wget's `--post-file "$DIR/capture.xml"`) starts
        with a folder the script holds (`@"$PWD/capture.xml"`, `@"$(dirname "$0")/capture.xml"`,
        `@$HERE/body.xml`), found as a sourced file's is (`_settings_path`); None for any other word."""
        parts = [
            inner
            for part in (node.named_children if node.type in ("string", "concatenation") else [node])
            for inner in (part.named_children if part.type == "string" else [part])
        ]
        if parts and parts[0].type in ("word", "string_content") and self._text(parts[0]) == "@":
            parts = parts[1:]
        first = self.value(parts[0]) if len(parts) > 1 else _UNSTATED
        return self._path_in_folder(first, parts[1:]) if first.folder else None

    def _loaded_from_another_folder(self, node: Node, stated: str) -> None:
        """A file sourced by a path from the folder the script runs in that the script's folder does not
        hold, while a folder above it does: marked as a part not read (see `LOADED_FROM_ANOTHER_FOLDER`)."""
        if beside.found_above(stated) is not None:
            mark = replace(self.where.mark(node), tag=LOADED_FROM_ANOTHER_FOLDER)
            self.unfollowed.setdefault((mark.line, mark.column), mark)

    def _from_the_folder_run_in(self, node: Node) -> bool:
        """Whether a file is sourced by a path with a folder in it from the folder the script runs in, no
        `cd` made (`./lib/env.sh`, `lib/env.sh`), which bash takes from there, not from the script's own
        folder. A bare name (`env.sh`) is looked up on the PATH first, and is not such a path."""
        parts = node.named_children if node.type in ("string", "concatenation") else []
        if len(parts) > 1 and self.value(parts[0]).folder:
            return False  # "$(dirname "$0")/lib/env.sh": from the script's folder
        text = self.value(node).text or ""
        own = self.working == "" and not self.went_to_own_folder
        return own and "/" in text and not text.startswith("/")

    def _lost_by_cd(self, node: Node) -> bool:
        """Whether a file is sourced by a relative path from a folder a `cd` moved to that `working` cannot
        say: where bash finds it is unknown, so the file is not read."""
        text = self.value(node).text
        return self.working is None and bool(text) and not (text or "").startswith("/")

    def _script_folder(self, node: Node) -> bool:
        """Whether a word is the script's own folder (see `_Value.folder`), not one above it."""
        value = self.value(node)
        return bool(value.folder) and not value.above and not value.within

    def _substituted(self, node: Node) -> _Value:
        """What a command substitution gives: not stated, unless it is the script's own folder (see
        `_folder_of`), or what a script it runs echoes (see `_script_output`)."""
        inner = node.named_children[0] if node.named_child_count == 1 else None
        if inner is not None and self._words_of(inner) == [":"]:  # "`#note`" (`_without_backtick_comments`)
            return _Value("", self.where.mark(node), True)
        if node.named_child_count == 2:  # `$(cd "$(dirname "$0")"; pwd)`
            folder, above = self._went_and_printed(*node.named_children)
        else:
            folder, above = self._folder_of(inner) if inner else ("", 0)
        if not folder and inner is not None and inner.type == "command":
            echoed = self._printf_output(inner) or self._function_output(inner) or self._script_output(inner)
            if echoed is not None:
                return echoed
        return self._own_folder(node, folder, above)

    def _working_folder(self, node: Node) -> _Value:
        """`$PWD`: the folder the script runs in (`working`), as a folder named from the script's own, so
        that a path written after it (`"$PWD/vnet.sh"`, `cd "$PWD/config"`) is found there, as a path from
        where it runs is (`_settings_path`, `_folder_named`). The session's value where a `cd` took the
        script to a folder it does not state."""
        if self.working is None:
            return _Value(None, self.where.mark(node), holder="$PWD")
        path = posixpath.normpath(self.working or ".").split("/")
        ups = len(list(itertools.takewhile(lambda step: step == "..", path)))
        within = "/".join(path[ups:])
        within = "" if within == "." else within
        return _Value(None, self.where.mark(node), holder="$PWD", folder="script", above=ups, within=within)

    def _own_folder(self, node: Node, folder: str, above: int) -> _Value:
        """The folder `$(dirname "$0")` names (`folder`, see `_Value.folder`), or one `above` folders over
        it, at `node`: in a script file run by its path (`run_folder`), that file's folder, named from the
        script's."""
        if not folder or not self.run_folder:
            return _Value(None, self.where.mark(node), folder=folder, above=above)
        path = posixpath.normpath(posixpath.join(self.run_folder, *[".."] * above)).split("/")
        ups = len(list(itertools.takewhile(lambda step: step == "..", path)))
        within = "/".join(path[ups:])
        return _Value(
            None, self.where.mark(node), folder=folder, above=ups, within="" if within == "." else within
        )

    def _printf_output(self, command: Node) -> _Value | None:
        """What `printf FORMAT ARGS...` outputs (`$(printf "db-%02d" 3)`), as `printf -v` sets it, less the
        newlines the substitution drops from its end; None for any other command, or a format not followed
        (see `_printed`)."""
        name = command.child_by_field_name("name")
        arguments = command.children_by_field_name("argument")
        if name is None or self.value(name).text != "printf" or not arguments:
            return None
        values = [self.value(argument) for argument in arguments]
        if values[0].text is None or values[0].text.startswith("-"):
            return None  # `printf -v`, or an option: no output
        parts = [self.where.mark(argument) for argument in arguments[1:]]
        printed = _printed(values[0].text, values[1:], parts, self.where.mark(command))
        if printed is None or printed.text is None:
            return printed
        return replace(printed, text=printed.text.rstrip("\n"))

    def _function_output(self, command: Node) -> _Value | None:
        """What a call of one of the script's functions outputs when all its body does is one `echo` of one
        word (`blob_url() { echo "https://$1.blob.core.windows.net/vhds/$2.vhd"; }`): that word, read with
        `$1`... the words the call gives, as if it were written out at the call (`$(blob_url "$ACCOUNT"
        vm1)` is `"https://$ACCOUNT.blob.core.windows.net/vhds/vm1.vhd"`). Reading it runs nothing and sets
        nothing. None for any other command or function, and past the depth of calls followed."""
        name = command.child_by_field_name("name")
        if name is None or self.depth >= _CALL_DEPTH or self.flat:
            return None
        body = self.functions.get(self.value(name).text or "")
        echoed = _echoed_word(body) if body is not None else None
        if echoed is None:
            return None
        self.spend()  # each reading counts, however deep: a word of several calls of another is not free
        arguments = command.children_by_field_name("argument")
        outer = self.scope
        self.scope = _Scope(outer.variables, tuple(w for a in arguments for w in self.words(a)))
        self.depth += 1
        try:
            return self.value(echoed)
        finally:
            self.depth -= 1
            self.scope = outer

    def _script_output(self, command: Node) -> _Value | None:
        """What a checked script run by a path the script states, with no arguments, outputs
        (`VNET=$(./values.sh)`, `$(bash "$DIR/values.sh")`), when all it does is echo values it states (see
        `_echoed`): the value, marked where that script writes it. None for any other command: a command
        looked up by name (`values.sh` without a folder is one on the PATH), or a script that computes."""
        name = command.child_by_field_name("name")
        arguments = command.children_by_field_name("argument")
        if name is None or any(child.type == "variable_assignment" for child in command.named_children):
            return None
        if self.value(name).text in _SCRIPT_RUNNERS and len(arguments) == 1:
            path = self._settings_path(arguments[0])
        elif not arguments:
            path = self._settings_path(name)
            path = path if path is not None and "/" in path[0] else None
        else:
            return None
        if path is None or not path[0].endswith(".sh"):
            return None
        settings = beside.settings_file(path[0], resolved=path[1])
        return beside.values_of(settings, _echoed) if settings is not None else None

    def _folder_of(self, statement: Node) -> tuple[str, int]:
        """Whether the output of a command is the script's own folder (see `_Value.folder`): `dirname "$0"`
        (or of `${BASH_SOURCE[0]}`, or of `$(readlink -f "$0")` or `$(realpath "$0")`: "resolved"), and
        `cd <that folder> && pwd` (`cd --`, output sent to /dev/null, `pwd -P` or `cd -P`: "resolved"); and
        how many folders above the script's it is (`cd "$(dirname "$0")/.." && pwd`: 1). ("", 0) for any
        other output."""
        if statement.type == "list" and statement.named_child_count == 2:
            operator = next((c.type for c in statement.children if not c.is_named), "")
            return self._went_and_printed(*statement.named_children) if operator == "&&" else ("", 0)
        words = self._words_of(statement) if statement.type == "command" else []
        if words[:1] != ["dirname"] or len([w for w in words[1:] if w != "--"]) != 1:
            return "", 0
        given = statement.children_by_field_name("argument")[-1]
        written = self._text(given).strip('"')
        if written in _SCRIPT_PATHS:
            return "script", 0
        inner = given.named_children[0] if given.type == "string" and given.named_child_count == 1 else given
        if inner.type != "command_substitution" or inner.named_child_count != 1:
            return "", 0
        resolving = self._words_of(inner.named_children[0])
        resolves = resolving[:1] == ["realpath"] and len(resolving) == 2
        resolves = resolves or (
            len(resolving) == 3 and resolving[:2] in (["readlink", "-f"], ["readlink", "-e"])
        )
        return ("resolved" if resolves and resolving[-1].strip('"') in _SCRIPT_PATHS else ""), 0

    def _went_and_printed(self, went: Node, printed: Node) -> tuple[str, int]:
        """`cd <a folder> && pwd`, or `cd <a folder>; pwd` (which prints the same folder where the `cd` works,
        as it does where the script is read from its own folder): that folder, as `_folder_of` says."""
        if printed.type != "command" or went.type not in ("command", "redirected_statement"):
            return "", 0
        went = went if went.type == "command" else went.child_by_field_name("body") or went
        words = self._words_of(went)
        printed_words = self._words_of(printed)
        if not words or words[0] != "cd" or not printed_words or printed_words[0] != "pwd":
            return "", 0
        went_flags, printed_flags = words[1:-1], printed_words[1:]
        if (
            len(words) < 2
            or not set(went_flags) <= {"--", "-P", "-L"}
            or not set(printed_flags) <= {"-P", "-L"}
        ):
            return "", 0
        folder, above = self._folder_above(went.children_by_field_name("argument")[-1])
        return ("resolved" if folder and "-P" in went_flags + printed_flags else folder), above

    def _folder_above(self, node: Node) -> tuple[str, int]:
        """Of a word that names the script's own folder or a folder above it (`"$DIR"`, `"$(dirname
        "$0")/.."`, `"$DIR/../.."`): that folder (see `_Value.folder`) and how many folders above the
        script's it is; ("", 0) for any other word."""
        value = self.value(node)
        if value.folder and not value.within:
            return value.folder, value.above
        if self._run_folder_named(node):  # a script file run by its path: its own folder, named from it
            return value.folder, 0
        parts = node.named_children if node.type in ("string", "concatenation") else []
        first = self.value(parts[0]) if len(parts) > 1 else _UNSTATED
        if (
            not first.folder
            or first.within
            or any(part.type not in ("string_content", "word") for part in parts[1:])
        ):
            return "", 0  # only written text after the folder
        steps = "".join(self._text(part) for part in parts[1:]).split("/")
        if steps[0] != "" or any(step not in ("..", "") for step in steps[1:]):
            return "", 0
        return first.folder, first.above + steps.count("..")

    def _folder_below(self, node: Node, value: _Value) -> _Value:
        """`value`, marked as a folder the script names below its own folder or one above it when the word
        `node` is such a folder and a path written after it (`"$ROOT/shared"`, `"$(dirname "$0")/../config"`),
        so that a file sourced from it is found (see `_settings_path`)."""
        parts = node.named_children if node.type in ("string", "concatenation") else []
        first = self.value(parts[0]) if len(parts) > 1 else _UNSTATED
        if not first.folder or any(part.type not in ("string_content", "word") for part in parts[1:]):
            return value
        written = "".join(self._text(part) for part in parts[1:])
        if not written.startswith("/") or any(c in written for c in "\\$*?[~"):
            return value
        path = posixpath.normpath(
            posixpath.join(
                "/".join([".."] * first.above + [first.within] * bool(first.within)) or ".",
                written.lstrip("/"),
            )
        )
        ups = path.split("/")
        above = len(list(itertools.takewhile(lambda step: step == "..", ups)))
        within = "/".join(ups[above:])
        within = "" if within == "." else within
        return replace(value, folder=first.folder, above=above, within=within)

    def _words_of(self, command: Node) -> list[str]:
        """A command's name and arguments as written, for a plain command (no assignment before it)."""
        name = command.child_by_field_name("name") if command.type == "command" else None
        if name is None or command.named_children[0] != name:
            return []
        return [self._text(name), *(self._text(a) for a in command.children_by_field_name("argument"))]

    def _may_write(self, words: list[Word]) -> None:
        """A command the reader does not know to leave files alone (`rsync`, `scp`, `perl -pi`, `dd of=`,
        `tar x`, `python gen.py f`): every file it names, by name, by a glob, by a folder or an archive
        that may hold it, may be one it puts in place (see `replaced_files`)."""
        if not words or _leaves_files_alone([w.text for w in words[:2]]):
            return
        for word in words[1:]:
            for named in _named_paths(_template(word)):
                self._named(named)

    def _named(self, path: str) -> None:
        leaf = posixpath.basename(path).replace(_HOLE, "*").casefold()
        if leaf.endswith(_ARCHIVES):
            self.unnamed_writes += 1  # an archive, unpacked: any file it holds
        elif path.endswith("/") or leaf in ("", ".", ".."):  # a folder: any file in it
            self.replaced_folders.add(posixpath.normpath(path.replace(_HOLE, "*")))
        elif any(c in leaf for c in "*?["):
            self.replaced_globs.add(leaf)
        else:
            self.replaced_files.add(leaf)
            self.written.pop(leaf, None)

    def _eval(self, name_node: Node, arguments: list[Node]) -> None:
        """`eval "$cmd"`: the command line its arguments make, run where `eval` is written, each value the
        script does not state a word of its own that is not known (a command built as a string and run,
        as many deploy scripts do to echo it first). What it runs is shown at the `eval`. A line the script
        states nothing of (`eval "$1"`, `eval "$(cat steps.txt)"`) is a part not read, but for the settings
        a tool prints for the shell to take (`eval "$(ssh-agent -s)"`), which run no classic command."""
        if arguments and all(self._tool_settings(argument) for argument in arguments):
            return
        values = [self.value(argument) for argument in arguments]
        if values and not "".join(value.template for value in values).replace(_HOLE, "").strip():
            self.lines_not_read.append(replace(self.where.mark(name_node), tag=UNSTATED_COMMAND_LINE))
            return
        line, holes = _numbered(values)
        self._run_line(line, self.where.mark(name_node), holes)

    def _tool_settings(self, node: Node) -> bool:
        """Whether a word is the output of a tool that prints the settings its own environment needs, for
        the shell to take (`$(ssh-agent -s)`, `` `docker-machine env dev` ``, in double quotes or not)."""
        if node.type == "string" and node.named_child_count == 1:
            node = node.named_children[0]
        commands = [child for child in node.named_children if child.type != "comment"]
        if node.type != "command_substitution" or len(commands) != 1 or commands[0].type != "command":
            return False
        name = commands[0].child_by_field_name("name")
        return name is not None and posixpath.basename(self._text(name)) in _PRINTS_ITS_SETTINGS

    def _printf_to(self, name: Node, arguments: list[Node]) -> None:
        """`printf -v cmd FORMAT ARGS...`: the variable set to the text the format makes of its arguments, as
        `cmd="..."` sets it (a command line built so, that `eval "$cmd"` runs), the values the script does
        not state in it holes of its shape; a value the script does not state where the format is not, or
        holds more than `%s` and `%%` (and the escapes `\\n`, `\\t`, `\\\\`), or is given more
        arguments than it takes (bash then uses it again)."""
        variable = self.value(name).text
        if not variable or not variable.isidentifier():
            return
        values = [self.value(argument) for argument in arguments]
        parts = [self.where.mark(argument) for argument in arguments[1:]]
        printed = _printed(values[0].text, values[1:], parts, self.where.mark(name))
        unstated = _Value(None, self.where.mark(name), holder=self._assignment(name), names=(f"${variable}",))
        self.scope.variables[variable] = printed if printed is not None else unstated

    def _run_line(self, line: str, at: Mark, holes: tuple[tuple[str | None, Mark | None], ...] = ()) -> None:
        """A command line (or script) the script builds as text and runs, parsed and run here, each node of
        it shown at `at`; `holes`: what holds each value in it the script does not state (`_numbered`). One
        that cannot run the classic tools (`sniff`: it names no `azure` command, classic cmdlet, API host...)
        is not parsed."""
        source = line.encode("utf-8")
        if not ("azure" in line or sniff(source)):
            return
        if self.depth >= _CALL_DEPTH:
            self.lines_not_read.append(replace(at, tag=HANDED_ON_TOO_DEEP))
            return
        self.spend(len(source))  # parsed again at each run: paid for by its length
        parsed = _bash_parse(source)
        if parsed is None:  # nested past what is followed: said, as a line handed on too deep is
            self.lines_not_read.append(replace(at, tag=HANDED_ON_TOO_DEEP))
            return
        source, tree = parsed
        if _first_refused_statement(tree.root_node, source) is not None:
            return
        saved = self.source, self.where, self.line_holes, self.empty_holes
        self.source, self.where, self.line_holes, self.empty_holes = source, _At(at), holes, frozenset()
        self.depth += 1
        try:
            self.statements(tree.root_node)
        finally:
            self.source, self.where, self.line_holes, self.empty_holes = saved
            self.depth -= 1

    def _shell(self, words: list[Word]) -> None:
        """`bash -c "azure ..."` (`sh`, `dash`...): the command line it is given, as `eval` runs one, but in a
        child shell, with the words after it as its `$0`, `$1`...; `bash <<EOF`, `bash -s <<< "..."`: the
        script a here-document or here-string feeds it (`fed`). A script file it runs is not followed."""
        run = _shell_run(words[1:])
        if run is None:  # a script file, which may write the files it is given
            if not self._script_file_run(words):
                self._may_write(words)
            return
        how, rest = run
        holes: tuple[tuple[str | None, Mark | None], ...] = ()
        line: str | None = self.fed
        arguments = rest
        if how == "-c":
            given = rest[0]
            value = _Value(given.text, given.mark, shape=given.shape, holder=given.holder, holes=given.holes)
            (line, holes), arguments = _numbered([value]), rest[2:]
        if line is None:
            return
        with self._child_process(tuple(arguments)):
            self._run_line(line, words[0].mark, holes)

    def _ssh(self, words: list[Word]) -> None:
        """`ssh admin@jump 'azure vm shutdown web1'`: the command line ssh has the shell of the host it logs
        in to run (its words joined by blanks, as ssh joins them), or the script a here-document feeds that
        shell (`ssh jump <<'EOF'`), shown where the script writes it. It runs on that machine, not this one:
        in a shell that starts with none of the script's variables, exported or not, nor its functions, in a
        folder the script does not know (a script file it runs by its path is that machine's, not followed).
        A classic command it runs is the script's all the same, which stops working when it does."""
        command = _ssh_command(words[1:])
        if command:
            given = [_Value(w.text, w.mark, shape=w.shape, holder=w.holder, holes=w.holes) for w in command]
            (line, holes), at = _numbered(given), command[0].text_mark
        elif command is not None and self.fed is not None:
            line, holes, at = self.fed, (), words[0].mark
        else:
            return
        host = self.host
        with self._child_process((), environment={}):
            self.functions, self.working, self.host = {}, None, _ssh_host(words[1:])
            try:
                self._run_line(line, at, holes)
            finally:
                self.host = host

    def _switch_user(self, words: list[Word]) -> None:
        """`su - ops -c 'azure vm shutdown web1'` (`su -c '...' ops`, `--command=...`, `runuser`): the command
        line the user's shell runs, as `bash -c` runs one (`_shell`), shown where the script writes it: with
        the script's environment, or, logging in (`-`, `-l`, `--login`), none of it."""
        found = _switch_user_command(words[1:])
        if found is None:
            self._run_as_user(words)
            return
        given, login = found
        value = _Value(given.text, given.mark, shape=given.shape, holder=given.holder, holes=given.holes)
        line, holes = _numbered([value])
        with self._child_process((), environment={} if login else None):
            self._run_line(line, given.text_mark, holes)

    def _run_as_user(self, words: list[Word]) -> None:
        """`runuser -u deploy -- azure vm shutdown web1`: the command runuser runs as the user, as words (no
        shell splits them again), in a process of its own: with the script's environment, or, logging in
        (`-l`), none of it; none of the script's functions."""
        found = (
            _run_as_user_command(words[1:]) if posixpath.basename(words[0].text or "") == "runuser" else None
        )
        if found is None:
            return
        command, login = found
        with self._child_process((), environment={} if login else None):
            self.functions = {}
            self._run_words(command)

    def _container(self, words: list[Word]) -> None:
        """`docker run --rm -e SVC=web microsoft/azure-cli azure vm create ...` (`docker exec`, `podman`): the
        command a container runs, as words (no shell splits them again), shown where the script writes them.
        It runs in the container, not on this machine: with the environment its `-e NAME=value` (`--env`)
        gives it, `-e NAME` the script's value of an exported `NAME`, and no other, none of the script's
        functions, in a folder the script does not know (a script file it runs by its path is the
        container's, not followed)."""
        found = _container_command(words[1:])
        if found is None or self.depth >= _CALL_DEPTH:  # a container in a container...: as deep as calls
            return
        given, command = found
        inherited = self._inherited()
        environment: dict[str, _Value] = {}
        for word in given:
            assigned = _env_assignment(word)
            if assigned is not None and assigned[1] is not None:
                environment[assigned[0]] = assigned[1]
            elif word.text is not None and word.text in inherited:
                environment[word.text] = inherited[word.text]
        with self._child_process((), environment=environment):
            self.functions, self.working = {}, None
            self.depth += 1
            try:
                self._run_words(command)
            finally:
                self.depth -= 1

    def _file_run_path(self, stated: str | None) -> str | None:
        """The path, from the script's folder, of a script file run by the path `stated`, where such a run
        is followed: a path the script states from the folder it runs in (not an absolute one, which names a
        file of the machine that runs it), that folder known (not after a `cd` to one the script does not
        state), in a run of the script's paths one by one (not `flat`), within the depth of calls followed;
        None for any other."""
        if (
            not stated
            or stated.startswith("/")
            or self.working is None
            or self.flat
            or self.depth >= _CALL_DEPTH
        ):
            return None
        return posixpath.normpath(posixpath.join(self.working, stated.replace("\\", "/")))

    def _script_file_run(self, words: list[Word]) -> bool:
        """`bash scripts/migrate.sh hub-vnet` (`sh`...): a script file of the files checked, by a path the
        script states from the folder it runs in, run in a child shell with the words after it as its `$1`...,
        each of its commands shown where the file writes it. The file's own read, without those words, is
        then not said again (`WHOLE_FILE_RUN`). False for a file not followed: one not stated, not checked
        or that does not parse, or one run past the depth of calls followed."""
        operands = script_operands(words[1:])
        stated = operands[0].text if operands else None
        relative = self._file_run_path(stated)
        if relative is None:
            return False
        settings = beside.settings_file(relative)
        text = settings.data.decode("utf-8", "replace").removeprefix("\ufeff") if settings is not None else ""
        parsed = _parse(settings.path, text) if settings is not None else None
        if settings is None or parsed is None or isinstance(parsed, FileProblem):
            return False
        source, tree, where, placeholders = parsed
        self.spend(len(source))
        self.library_run.add((settings.path, WHOLE_FILE_RUN))
        folder = posixpath.dirname(relative)
        with self._child_process(tuple(operands[1:])):
            saved = self.source, self.where, self.placeholders, self.line_holes
            self.source, self.where, self.placeholders, self.line_holes = source, where, placeholders, ()
            self.depth += 1
            run_folder, self.run_folder = self.run_folder, folder or "."
            try:
                self.statements(tree.root_node)
            finally:
                self.source, self.where, self.placeholders, self.line_holes = saved
                self.depth -= 1
                self.run_folder = run_folder
        return True

    @contextlib.contextmanager
    def _child_process(
        self, arguments: tuple[Word, ...], environment: dict[str, _Value] | None = None
    ) -> Iterator[None]:
        """A shell the script starts (`bash x.sh`, `bash -c "..."`), given `arguments` as its `$1`...: it
        begins with the variables of its environment (`_inherited`; `environment` where it is not this
        shell's, as another machine's is not) alone, not the script's others, and what it sets, exports or
        defines is its own, gone when it ends."""
        with self._child_shell():
            outer = self.scope
            self.scope = _Scope(self._inherited() if environment is None else environment, arguments)
            # What it inherits is in its environment, for the processes it starts; what it exports is its own.
            exported, self.exported = self.exported, set(self.scope.variables)
            all_exported, self.all_exported = self.all_exported, False
            emptied, self.environment_emptied = self.environment_emptied, False
            held, self.command_environment = self.command_environment, {}
            try:
                yield
            finally:
                self.exported, self.all_exported = exported, all_exported
                self.environment_emptied, self.command_environment = emptied, held
                self.scope = outer

    def _inherited(self) -> dict[str, _Value]:
        """The variables a process the script starts (`bash x.sh`, `pwsh -File x.ps1`) begins with: its
        environment, those the script exports (`export`, `declare -x`, `set -a`, a CI step's `env:`) unless
        `env -i` empties it, and those written before the command (`SVC=web bash x.sh`, `env SVC=web bash
        x.sh`); another is the child's own, unknown to it. One set to a value the script does not state, or
        taken out by `env -u`, is one the child does not know either."""
        variables = self.scope.variables
        exported = variables.keys() if self.all_exported else self.exported
        if self.environment_emptied:
            exported = set()
        inherited = {name: variables[name] for name in exported if name in variables}
        for name, value in self.command_environment.items():
            if value is not None:
                inherited[name] = value
            else:
                inherited.pop(name, None)
        return inherited

    def _path_run(self, words: list[Word]) -> bool:
        """`./scripts/migrate.sh hub-vnet` (`scripts/create-vms.ps1 -Name web1`): a script file of the files
        checked that the script runs by its path, as the program its `#!` line names runs it (else the one
        its extension says): a shell script as `bash` runs it (`_script_file_run`), a PowerShell one as
        `pwsh` does (`_powershell_file_run`), a Python one (`#!/usr/bin/env python`, as the cluster builders
        of that day were run: `./azure-coreos-cluster websvc`) as `python` does (`_python_file_run`). False
        for any other file, or one not followed."""
        stated = words[0].text or ""
        relative = self._file_run_path(stated)
        if relative is None:
            return False
        settings = beside.settings_file(relative)
        program = _program_of(stated, settings.data[:_SHEBANG_BYTES]) if settings is not None else ""
        if program in SHELLS:
            return self._script_file_run([replace(words[0], text=program), *words])
        if program in POWERSHELLS:
            return self._powershell_file_run([replace(words[0], text=program), *words])
        if formats.kind_of_program(program) is FileKind.PYTHON:
            return self._python_file_run([replace(words[0], text=program), *words])
        return False

    def _powershell_file_run(self, words: list[Word]) -> bool:
        """`pwsh -File scripts/migrate.ps1 -VNet hub-vnet` (`powershell -File`, `pwsh scripts/migrate.ps1`): a
        PowerShell script file of the files checked, by a path the script states from the folder it runs in,
        read by the PowerShell reader as the body of a function called with the words after it, which bind
        to its `param()` as a command line's do (a word the script does not state, a value not stated), each
        character shown where the file or the script writes it, its `$PSScriptRoot` its own folder. The
        file's own read is then not said again (`WHOLE_FILE_RUN`). False for a command that runs no such
        file (`-Command`, a file not stated or not checked)."""
        operands = _powershell_file_operands(words)
        stated = operands[0].text if operands else None
        relative = self._file_run_path(stated)
        if relative is None:
            return False
        settings = beside.settings_file(relative)
        if settings is None:
            return False
        from migcheck.readers import powershell

        self.spend(len(settings.data))
        text = settings.data.decode("utf-8", "replace").removeprefix("\ufeff")
        head = "function F {\n"
        if (
            self.working and "'" not in self.working
        ):  # it runs from where the script is: its paths are from there
            head = f"Set-Location '{self.working}'\n{head}"
        head = self._environment_set() + head
        held, places = _powershell_call_text(head, text, operands, words[0].mark)
        files = [powershell.HeldFile(len(head), settings.path, text.splitlines())]
        files.append(powershell.HeldFile(len(head) + len(text), self.path, ()))
        document = powershell.read_held(
            self.path, held, places, (), files, function_folders={"F": posixpath.dirname(relative)}
        )
        self.files_read += document.resources
        self.library_run.add((settings.path, WHOLE_FILE_RUN))
        return True

    def _inline_powershell(self, words: list[Word]) -> bool:
        """`pwsh -Command "Move-AzureVirtualNetwork -Prepare ..."` (`-c`; `powershell` given a command with
        neither option): the command read by the PowerShell reader with the others the script runs so
        (`powershell_piece`), each call where the script writes it, the words after `-Command` joined by
        spaces as PowerShell joins them. False for
        a command the script does not state as written (a value the shell fills in), and for one that runs a
        script file (`-Command ./migrate.ps1 ...`), left unread as before. In a command line the script runs
        as text (`bash -c "pwsh -Command '...'"`, `eval`), whose every part is shown where that runs
        (`_At`), each character is shown there."""
        command = _powershell_command_words(words)
        # a command line run as text, or words another language's script gives as whole values (Python's
        # `["pwsh", "-Command", "..."]`): each character shown where the command is
        run_as_text = isinstance(self.where, _At) or (
            isinstance(self.where, _HeldAt) and not self.where.exact
        )
        if not command or any(
            w.text is None or not (w.exact or run_as_text) or w.mark.column < 1 for w in command
        ):
            return False
        if run_as_text:
            text = " ".join(w.text or "" for w in command)
            at = command[0].text_mark
            places = [(at.line, at.column)] * len(text)
        else:
            text, places = _written_in_place(command)
        if (text, command[0].mark) in self.powershell_seen:  # a function's, run again at each call: read once
            return True
        self.powershell_seen.add((text, command[0].mark))
        self.spend(len(text))
        self.powershell_piece(command[0].mark.path, text, places)
        return True

    def powershell_piece(
        self, file: str, text: str, places: Sequence[tuple[int, int]], filled: Sequence[tuple[int, int]] = ()
    ) -> None:
        """A PowerShell command the script runs (`pwsh -Command ...`), kept to be read with the others it runs
        (`powershell_pieces_read`): the steps of one migration given one `pwsh -Command` line each are one
        runbook, in the order they run, on the branches the script runs each on. `file`: the file that
        writes it, where each character is written (`places`)."""
        path = (*self.stage, *self.reading.branches)
        environment = self._environment_set()
        piece = (self.reading.never, path, file, text, list(places), list(filled), self.working, environment)
        self.powershell_pieces.append(piece)

    def _environment_set(self) -> str:
        """The lines that set, in a PowerShell process the script starts, the environment variables it
        inherits from the shell: those the script exports (`export SVC=web`) or a CI step's `env:` gives
        it, and those written before the command (`SVC=web pwsh -File x.ps1`), where their values are
        stated (`$env:SVC = 'web'`); another is one it does not know."""
        lines = []
        for name, value in sorted(self._inherited().items(), key=lambda item: item[0]):
            if value.text is not None and name.isidentifier():
                lines.append(f"$env:{name} = '" + value.text.replace("'", "''") + "'\n")
        return "".join(lines)

    def powershell_pieces_read(self) -> None:
        """The PowerShell commands the script ran (`powershell_piece`) read as one script, in the order they
        ran, each under the branches of the script's choices it runs on (`_joined_powershell`), each
        character shown where the script writes it; commands PowerShell would refuse together are read one
        by one, as each `pwsh` runs its own."""
        pieces, self.powershell_pieces = self.powershell_pieces, []
        if not pieces:
            return
        from migcheck.readers import powershell  # only for a script that runs PowerShell

        text, places, filled, files = _joined_powershell(pieces, self.path)
        held = [powershell.HeldFile(start, file, ()) for start, file in files]
        document = powershell.read_held(self.path, text, places, (), held, filled=filled)
        if document.problem is None or len(pieces) == 1:
            self.files_read += document.resources
            # the functions of files it dot-sources, run at their calls: their own reads once not said again
            self.library_run.update(document.functions_run)
            return
        for _, _, file, piece, at, spans, folder, environment in pieces:
            written = [powershell.HeldFile(0, file, ())] if file != self.path else []
            # characters shown at its start
            moved = environment + (_piece_location(folder) if folder != "" else "")
            piece, at = moved + piece, [at[0] if at else (1, 1)] * len(moved) + at
            spans = [(start + len(moved), end + len(moved)) for start, end in spans]
            alone = powershell.read_held(self.path, piece, at, (), written, filled=spans)
            self.files_read += alone.resources
            self.library_run.update(alone.functions_run)

    def _python_file_run(self, words: list[Word]) -> bool:
        """`python3 tools/migrate.py --vnet hub-vnet prepare` (`python -m tools.migrate ...`): a Python script
        file of the files checked, by a path the script states from the folder it runs in, read by the Python
        reader with the words after it as its arguments (`sys.argv`, argparse's: see `python_arguments`),
        each call where the file writes it. The file's own read, without those words, is then not said
        again (`WHOLE_FILE_RUN`). False for a file not followed: one not stated or not checked, or one run
        past the depth of calls followed."""
        run = python_file_operands(words[1:])
        relative = self._file_run_path(run[0]) if run is not None else None
        if run is None or relative is None:
            return False
        settings = beside.settings_file(relative)
        if settings is None:
            return False
        from migcheck.readers import python_script

        self.spend(len(settings.data))
        given = tuple(word.text for word in run[1])
        self.files_read += python_script.read(settings.path, settings.data, given).resources
        self.library_run.add((settings.path, WHOLE_FILE_RUN))
        return True

    def _inline_python(self, words: list[Word]) -> bool:
        """`python3 -c "..."`, `python - <<'EOF'` (or no script given a here-document or here-string): the code
        read by the Python reader, each call where the script writes it (`python_read`); code the script
        does not state as written (a value it does not state, a here-document whose `$` the shell fills in)
        is said not read. False for a script file or a module it runs, which is not followed here."""
        run = _python_run(words[1:])
        if run is None:
            return False
        how, given = run
        if how == "-c":
            code, at = (
                (given.text, given.text_mark) if given is not None and given.exact else (None, words[0].mark)
            )
        elif self.fed is not None and self.fed_at is not None:
            code, at = (self.fed, self.fed_at[0]) if self.fed_at[1] else (None, self.fed_at[0])
        else:
            return True  # its standard input is the terminal or a pipe: no code the script states
        if code is None or at.column < 1:
            self.reading.refused.append(replace(at, tag=INLINE_PYTHON_NOT_READ))
            return True
        if (code, at) in self.python_seen:  # a function's code, run again at each of its calls: read once
            return True
        self.python_seen.add((code, at))
        from migcheck.readers import python_script

        text = _python_in_place(code, at.line, at.column)
        self.python_read += python_script.read(at.path, text.encode("utf-8"), runs_in=self.working).resources
        return True

    def _parallel(self, words: list[Word]) -> None:
        """GNU `parallel COMMAND ::: a b ::: c d`: the command line its words make, run by a shell once for
        each input (each combination of the lists, or, with `--xapply`/`--link`, the lists' items side by
        side), each replacement string (`{}`, `{1}`) the input, quoted; with none, the input after the
        command. Where the script does not state the inputs (a list it does not state, `::::` files, its
        standard input) or they are too many, once, as code that may run, each input a value not stated (held
        by what holds a list that is one such value, `${vm_names[@]}`). `--dry-run` only prints the lines."""
        command, lists = _parallel_parts(words[1:])
        if not command or any(
            w.text in ("--dry-run", "--dryrun") for w in words[1 : len(words) - len(command)]
        ):
            return
        line, holes = _numbered(
            [_Value(w.text, w.mark, shape=w.shape, holder=w.holder, holes=w.holes) for w in command]
        )
        stated = lists is not None and all(w.text is not None for items in lists for w in items)
        runs = _parallel_inputs(lists, _linked(words[1:])) if stated and lists is not None else None
        if runs is None or len(runs) > _LOOP_ITEMS:
            at = words[0].mark
            inputs = [_parallel_input(items, n, at) for n, items in enumerate(lists or [[]])]
            filled = _replaced_inputs(line, [f"{_HOLE}-{len(holes) + n}-" for n in range(len(inputs))])
            with self._maybe():
                self._run_line(filled, at, (*holes, *inputs))
            return
        for run in runs:
            self._run_line(
                _replaced_inputs(line, [_quoted_input(text) for text in run]), words[0].mark, holes
            )

    def _set_positional(self, arguments: list[Node]) -> None:
        """`set -- a b` (`set -e -- a b`, `set a b`): `a` and `b` are `$1`, `$2` and `$@` from here, of the
        script or of the function it runs in, where the words it gives them from are stated as written
        (`_positional_words`). Where it may not run (a branch, after `&&`) they are values not stated, each
        held where the `set` is."""
        start = _positional_words(self._text(a) for a in arguments)
        if start is None:
            return
        words = [w for a in arguments[start:] for w in self.words(a)]
        if self.reading.maybe:
            words = [Word(None, w.mark, holder=f"$set@{w.mark.line}:{w.mark.column}") for w in words]
        self.scope.arguments = tuple(words)

    def _shift(self, arguments: list[Node]) -> None:
        given = self.value(arguments[0]).text if arguments else "1"
        if self.scope.arguments is not None and given is not None and given.isdigit():
            self.scope.arguments = self.scope.arguments[int(given) :]

    def _call(self, name: str, body: Node, words: tuple[Word, ...], at: Mark | None = None) -> None:
        """A run of the function `name`, given `words`, by the call at `at` (None: one no call runs)."""
        outer, chain = self.scope, self.call_chain
        self.spend(len(outer.variables))
        self.scope = _Scope(dict(outer.variables), words)
        self.call_chain = (*chain, at) if at is not None else chain
        self.depth += 1
        try:
            with self._in_library(name, body):
                self.statement(body)
        finally:
            self.depth -= 1
            self.call_chain = chain
            for name in self.scope.local:  # what the caller had under a name made local stays its
                self.scope.variables.pop(name, None)
                if name in outer.variables:
                    self.scope.variables[name] = outer.variables[name]
            outer.variables = self.scope.variables  # a function's other assignments are the script's
            self.scope = outer

    @contextlib.contextmanager
    def _in_library(self, name: str, body: Node) -> Iterator[None]:
        """While the body of a sourced file's function runs (see `_settings_loaded`): the code read is the
        file's, its marks pointing there; its classic calls are the file's own check's to report, unless
        the script ran the file whole (`run_whole`), whose functions are the script's."""
        library = self.library_of.get(body.id)
        if library is None or self.in_library is library:
            yield
            return
        saved = self.source, self.where, self.placeholders, self.in_library
        self.source, self.where, self.placeholders = library.source, library.where, library.placeholders
        if id(library) not in self.run_whole:
            self.in_library = library
            self.library_run.add((library.path, name))
        try:
            yield
        finally:
            self.source, self.where, self.placeholders, self.in_library = saved

    def _another_files(self, command: Mark) -> bool:
        """Whether a classic command, its first word at `command`, is another file's check's to report: an
        included file's, or one a sourced file's function writes (`deploy() { azure vm create ...; }`). One
        whose words the script gives a wrapper there (`runtraced azure vm create ...`, run by its `"$@"`) is
        the script's: the file's own check reads the wrapper with no words, which runs nothing."""
        library = self.in_library
        return self.in_other_file or (library is not None and command.path == library.path)

    def _sourced_wrapper(self, arguments: list[Node]) -> None:
        """`runtraced azure vm create ...` in a script that sources another file: a command the script does
        not define, given an `azure` command as its words, is taken for a wrapper the sourced file defines
        (one that runs `"$@"`), and its command as one that may run."""
        with self._maybe():
            self._run_words([w for a in arguments for w in self.words(a)])

    def _split_command_word(self, name_node: Node) -> list[Word]:
        """The words of a command word that is an unquoted variable holding blanks (`$cmd`, `${CMD}` of
        `cmd="azure vm create ..."`): bash splits its value on them and runs the words, the first the
        command, shown where the variable is; quotes and operators inside are words like any other (bash
        does not parse the value again, as `eval` does). Each value the script does not state in it is a
        word (or part of one) not stated. None (empty) for any other command word."""
        node = name_node.named_children[0] if name_node.named_child_count == 1 else name_node
        if node.type not in ("simple_expansion", "expansion"):
            return []
        value = self.value(node)
        if value.words is not None or not value.template.split()[1:]:
            return []
        at = self.where.mark(name_node)
        words = _split_value(value, value.text_mark or at)
        return [replace(words[0], mark=at), *words[1:]]

    def _spread(self, name_node: Node) -> list[Word]:
        """The words of a command named by `"$@"` (or `$*`, `${@}`): a function's arguments."""
        node = name_node.named_children[0] if name_node.named_child_count == 1 else name_node
        if node.type == "string" and node.named_child_count == 1:
            node = node.named_children[0]
        if node.type not in ("simple_expansion", "expansion"):
            return []
        return list(self.value(node).words or ())

    def _run_words(self, words: list[Word]) -> None:
        """A command given as words, not as nodes: one a prefix (`sudo`, `time`, `env X=1`) or a wrapper
        function (`run() { "$@"; }`) runs. Only `azure`, a function and another prefix are followed."""
        fed = _unprefixed(words)
        if fed is None:
            return
        command, may_not_run = fed
        held = dict(self.command_environment)
        emptied = self.environment_emptied
        # `env SVC=web pwsh -File x.ps1`: in the command's environment, as `SVC=web pwsh ...` is (`command`)
        for name, value in _env_changes(words):
            if name == _EMPTIED:
                self.command_environment, self.environment_emptied = {}, True
            else:
                self.command_environment[name] = value
        try:
            if may_not_run:
                with self._maybe():
                    self._run_command(command)
            else:
                self._run_command(command)
        finally:
            self.command_environment, self.environment_emptied = held, emptied

    def _run_command(self, words: list[Word]) -> None:
        """A command given as words, past any prefix: `azure`, a shell, a command that puts a file in
        place, or a function."""
        name = words[0].text or ""
        if posixpath.basename(name) in _AZURE:
            self.azure_words(words[1:], words[0].mark)
        elif posixpath.basename(name) in _AZ:
            self._az(words)
        elif posixpath.basename(name) in SHELLS:
            self._shell(words)
        elif (
            posixpath.basename(name) in PYTHONS
            and (self._inline_python(words) or self._python_file_run(words))
        ) or (
            posixpath.basename(name).casefold() in POWERSHELLS
            and (self._powershell_file_run(words) or self._inline_powershell(words))
        ):
            pass  # Python or PowerShell code it runs inline, or a script file it runs: read by their readers
        elif _relative_path(name) and self._path_run(words):
            pass  # a script file run by its path: read where it runs, by the reader of its language
        elif posixpath.basename(name) == "parallel":
            self._parallel(words)
        elif posixpath.basename(name) == "ssh":
            self._ssh(words)
        elif posixpath.basename(name) in _CONTAINERS:
            self._container(words)
        elif posixpath.basename(name) in _SWITCH_USER:
            self._switch_user(words)
        elif posixpath.basename(name) in _PLACES:
            for destination, sources in _PLACES[posixpath.basename(name)](words[1:]):
                self._put_in_place(destination, sources)
            self._management_request(words)
        elif name not in self.functions:
            self._may_write(words)
        elif self.depth < _CALL_DEPTH and not self.flat:
            self.called.add(name)
            self._call(name, self.functions[name], tuple(words[1:]), words[0].mark)

    def _az(self, words: list[Word]) -> None:
        """The Azure CLI (`az`, `words[0]`), which manages Resource Manager resources only. Of its commands:
        `az resource create --resource-type Microsoft.ClassicCompute/domainNames` (with `--namespace`, or
        `--id` of such a resource) creates a classic resource through Resource Manager, a classic call
        (`automation.CLASSIC_RESOURCE_TYPES`); a peering it adds from a Resource Manager network to a classic
        one (`az network vnet peering create --vnet-name hub --remote-vnet <a classic network's id>`) is a
        peering of that network, as an export of the Resource Manager network shows it, marked at the id, and
        so is any other Resource Manager resource it puts on a classic one (`xplat.az_reaching`: a role
        assignment, an alert or autoscale setting on a classic VM, an HDInsight cluster in a classic subnet);
        `az cloud-service create` creates a cloud service of extended support, not a classic one."""
        if self._another_files(words[0].mark):
            return
        command = [w.text for w in words[1:5]]
        selected = xplat.az_account_set(words[1:])
        if selected is not None:  # the subscription the commands after it work in
            self.reading.az_selected(selected)
        if command[:2] == ["resource", "create"]:
            self._classic_type_created(words)
            # A Resource Manager resource it puts on a classic one (`--properties` naming a classic subnet):
            # `az_reaching` reads none for a classic type, so nothing is counted twice.
            self._az_reaching(words)
        elif tuple(command[:2]) == xplat.AZ_CLOUD_SERVICE_CREATE:
            self.extended.setdefault(
                xplat.az_cloud_service(words[3:], self.path, words[0].mark, self.working)
            )
        else:
            self._az_reaching(words)

    def _az_reaching(self, words: list[Word]) -> None:
        """What an `az` command puts on a classic resource (`xplat.az_reaching`), in the subscription the
        script selected before it."""
        found = xplat.az_reaching(words[1:], words[0].mark, self.reading.az_logged_into)
        self.reaching.update(dict.fromkeys(found))

    def _classic_type_created(self, words: list[Word]) -> None:
        options = {name: word.text or "" for name, word in xplat.az_options(words[3:]).items()}
        written = options.get("--resource-type", "")
        if "/" not in written and options.get("--namespace"):
            written = f"{options['--namespace']}/{written}"
        stated = written or automation.resource_id_type(options.get("--id", ""))
        name = automation.classic_type_call("az resource create", stated)
        if name is not None:
            runs = MAYBE_RUNS if self.reading.maybe else ""
            self._add_call(ClassicCall(name, words[0].mark, runs=runs, after=len(self.steps)))

    def _add_call(self, call: ClassicCall) -> None:
        self.calls.append(call)
        if self.host is not None:
            self.run_on.setdefault(call.mark, self.host)
        self.call_uncertainty.append(self.uncertain)

    def _called_either_way(self, made: list[int]) -> None:
        """After a choice each of whose arms ran from `made` (where the script's calls stood before each):
        a classic call each arm surely makes (the same function's, or commands of one name) is made
        whenever the choice is, as surely as it is. An `if` without `else`, or a `case`, has an arm that
        makes none (see `branches`, `cases`)."""
        arms = [*zip(made, [*made[1:], len(self.calls)], strict=True)]
        surely = [
            {
                self.calls[at].name: at
                for at in reversed(range(start, end))  # the first of a name in the arm
                if self.call_uncertainty[at] == self.uncertain + 1
            }
            for start, end in arms
        ]
        runs = MAYBE_RUNS if self.reading.maybe else ""
        for name in set(surely[0]).intersection(*surely[1:]):
            at = surely[0][name]
            if self.calls[at].runs == MAYBE_RUNS:
                self.calls[at] = replace(self.calls[at], runs=runs)
            self.call_uncertainty[at] = self.uncertain

    def azure(self, name_node: Node, arguments: list[Node]) -> None:
        words = [w for argument in arguments for w in self.words(argument)]
        if self._callers_command_with_no_caller(arguments, words):
            return
        # Reading a classic command (its words expanded, parsed, described) costs as much as a score of
        # plain statements: counted so, a loop that runs it past the budget stops in a fraction of a second.
        self.spend(_COMMAND_STEPS)
        self.azure_words(words, self._caller_writes(words, self.where.mark(name_node)))

    def _callers_command_with_no_caller(self, arguments: list[Node], words: list[Word]) -> bool:
        """Whether an `azure` command, in a function no call runs (`functions_no_call_runs`), takes the words
        that choose the command from the function's arguments: its path stops short of a verb and its
        words go on with them (`azure vm "$@"`, `azure $*`). Such a wrapper runs its caller's command (see
        `_caller_writes`), and with no caller it runs none."""
        if self.depth != self.no_call_depth or names_a_verb(call_path(words)):
            return False
        return any(self._passes_arguments(argument) for argument in arguments)

    def _passes_arguments(self, node: Node) -> bool:
        """Whether a word expands the function's arguments (`"$@"`, `$*`, `${@:2}`, `$1`)."""
        stack = [node]
        while stack:
            at = stack.pop()
            named = at.named_children
            if at.type in ("simple_expansion", "expansion") and named:
                name = self._text(named[0])
                if name in ("@", "*") or (name.isdigit() and name != "0"):
                    return True
            stack.extend(named)
        return False

    def _caller_writes(self, words: list[Word], at: Mark) -> Mark:
        """Where the command `azure <words>`, written at `at`, is shown: at `at`, unless a wrapper function
        runs it with the words its caller gives it (`azure_call() { azure "$@"; }`, or an array it copies
        them into). Then the command is the caller's, shown where the caller writes it: the call of the
        outermost wrapper that passes the words on (the last call before its first word, in its file), which
        may be in a file that sources the wrapper's. Every call shares the wrapper's one line. A wrapper
        that writes the command's first words itself (`azure_vm() { azure vm "$@"; }`) runs the caller's
        command all the same: any word of the command's path (`vm create`) passed on moves it, the first of
        them telling the call. One that writes the whole path and takes only values (`azure vm create -n
        "$1"`) runs its own command."""
        passed = {word.mark for word in self.scope.arguments or ()}
        named_by = words[: max(1, len(call_path(words)))]
        first = next((word.mark for word in named_by if word.mark in passed), None)
        if first is None:
            return at
        calls = [
            call
            for call in self.call_chain
            if call is not None
            and call.path == first.path
            and (call.line, call.column) <= (first.line, first.column)
        ]
        return max(calls, key=lambda call: (call.line, call.column), default=at)

    def azure_words(self, words: list[Word], at: Mark) -> None:
        if _AZURE_WRITES & {w.text for w in words[:3]}:  # `storage blob download`, `network export`
            self._may_write([Word("azure", at), *words])
        meaning = self.reading.command(words, at)
        if meaning.call is None:
            return
        call = meaning.call
        uploaded = self._upload(meaning.upload.file) if meaning.upload is not None else ()
        if not self._another_files(at):
            branches = self.stage if call.changes else ()
            self._add_call(replace(call, after=len(self.steps), branches=branches, uploaded=uploaded))
        if meaning.step is not None:
            # A step on one branch of an `if` never runs with one on another: a Commit on the `then` of a
            # Prepare's test and an Abort on its `else` are the two ways out of it.
            branches = (*self.stage, *self.reading.branches)
            self.steps.append(replace(meaning.step, branches=branches))
            self.step_chains.append((*self.call_chain, at))

    def _upload(self, file: Word | None) -> tuple[str]:
        """A network configuration uploaded from `file` (`azure network import f`, a PUT of it to
        `.../services/networking/media`): by its name, unless the script may have put it in place. What the
        call uploads (`ClassicCall.uploaded`)."""
        path = file.text if file is not None and file.text else ""
        if path and self._uploaded_written(path):
            return (WRITTEN_CONFIGURATION,)
        name = "" if self._replaced(path) else posixpath.basename(path)
        self.uploaded.setdefault(name, None)
        if name and self.reading.selected_name:  # that subscription's network configuration
            self.uploaded_in.setdefault((name, self.reading.selected_name), None)
        return (name,)

    def _uploaded_written(self, path: str) -> bool:
        """Whether the file `path` names is one the script surely wrote whole and left so (`written`): then
        the network configuration it holds is read as uploaded, each element shown where the script writes
        it, as a body a request sends is (`shell_bodies`). One uploaded in code that cannot run uploads
        nothing."""
        written = self.written.get(posixpath.basename(path).casefold())
        if (
            written is None
            or written.path != posixpath.normpath(path)
            or written.working != self.working
            or written.state != self._write_state()
        ):
            return False
        # Code that cannot run uploads nothing; a loop's turns or a function's calls upload it again.
        if self.reading.never or (written.text, written.at, None) in self.bodies_read:
            return True
        read = [
            r
            for r in shell_bodies.read(written.text, written.at, written.exact, None, written.placed)
            if isinstance(r, NetworkConfiguration)
        ]
        if read:
            self.bodies_read.add((written.text, written.at, None))
            self.reading.sent_bodies.extend(read)
        return bool(read)

    # --- requests to the Service Management API ----------------------------------------------------

    def _management_request(self, words: list[Word]) -> None:
        """A request `curl` or `wget` sends to the Service Management API itself (`shell_requests`), read as
        Invoke-RestMethod's and Python's `requests` are: a classic call listed by its method and address
        (`POST management.core.windows.net/<subscription-id>/services/hostedservices/shop/deployments`), so
        a create fails today (MIG601); a POST to a migration path (`.../migration?comp=prepare`) runs that
        step; a request that changes a service, network or account changes it; and a deployment body sent
        from a file to create a deployment is of the service the path names (`model.Script.posted_bodies`).
        Another file's (a sourced library's) is its own check's."""
        sent = shell_requests.request(words)
        if sent is None:
            return
        if self._another_files(words[0].mark):
            self._body_file_given(sent)
            return
        found = next(((w, u) for w in sent.urls if (u := _management_url(w)) is not None), None)
        if found is None:
            # To a URL not stated: said, never dropped in silence; unless it is in code that cannot run
            # (`if false`), which sends nothing, so leaves nothing not read.
            tag = undecided_request_tag(sent, self.names_the_api)
            if tag is not None and not self.reading.never:
                self.lines_not_read.append(replace(words[0].mark, tag=tag))
            return
        url, (host, path) = found
        at = words[0].mark
        runs = MAYBE_RUNS if self.reading.maybe else ""
        cloud = cloud_of_url(host)
        if cloud:
            self.reading.clouds.setdefault((cloud, url.mark), CloudInUse(cloud, url.mark))
        name = automation.request_name(sent.verb or posixpath.basename(words[0].text or ""), host, path)
        if (
            self.reading.never
        ):  # in code that cannot run (`if false`): named, but it changes and steps nothing
            self._add_call(ClassicCall(name, at, runs=NEVER_RUNS))
            return
        changed = automation.changed_by_request(sent.verb, path)
        changes = (changed,) if changed is not None else ()
        branches = self.stage if changes else ()
        uploaded = self._uploaded_by(sent) if changed == ("virtual-network", EVERY_NETWORK) else ()
        self._add_call(ClassicCall(name, at, changes, len(self.steps), branches, runs, uploaded=uploaded))
        step = automation.migration_step(path) if sent.verb in (None, "POST") else None
        if step is not None:
            taken = MigrationStep(automation.MIGRATION_API, *step, at, target_mark=url.mark, runs=runs)
            taken = _named_by_a_hole(taken, url) if not taken.target else taken
            self.steps.append(replace(taken, branches=(*self.stage, *self.reading.branches)))
            self.step_chains.append((*self.call_chain, at))
        self._posted(sent, path)
        self._sent_body(sent, path)
        self._sent_file(sent, path, at)
        self._swap_request(sent, path, at)
        self._connection_request(sent, path, at, url)

    def _body_file_given(self, sent: shell_requests.Request) -> None:
        """A request a sourced file's function sends (its own check's to list) with a body file the script
        names in the call (`post capture.xml` of `post() { curl -d @"$1" ...; }`): the file is read here, as
        one the script sends itself, shown at that call; that check reads the function with no words, so
        cannot. So is a deployment body sent that way (`deploy deploy.xml`): of the service the request's
        path names (`_posted`). A body file or body the function writes itself is that file's, read there
        once."""
        body, library = sent.body_file, self.in_library
        if body is None or library is None or self.in_other_file or body.mark.path == library.path:
            return
        found = next((u for w in sent.urls if (u := _management_url(w)) is not None), None)
        if found is not None and not self.reading.never:
            calls = [call for call in self.call_chain if call is not None and call.path == body.mark.path]
            at = calls[-1] if calls else body.mark
            self.body_given_at = self.body_given_at or at
            self._posted(sent, found[1])
            self._sent_file(sent, found[1], at)

    def _uploaded_by(self, sent: shell_requests.Request) -> tuple[str]:
        """What a network configuration PUT uploads (`ClassicCall.uploaded`): the file it sends (see
        `_upload`), or the configuration it writes inline or is fed (`_sent_body`), which the script's
        uploads are still said not to name (`Script.uploaded_files`)."""
        uploaded = self._upload(sent.body_file)
        written = sent.body_file is None and (sent.body is not None or sent.from_stdin)
        return (WRITTEN_CONFIGURATION,) if written else uploaded

    def undecided_requests(self) -> list[Mark]:
        """The requests that may go to the API at URLs the script does not state (`undecided_request_tag`),
        each said as a part not read."""
        return [mark for mark in self.lines_not_read if undecided_url(mark.tag)]

    def _sent_body(self, sent: shell_requests.Request, path: str) -> None:
        """A body the request writes inline or is fed on its standard input (a here-document): read as a body
        file is, shown where the script writes it (`shell_bodies`). One in code that cannot run is none."""
        from migcheck.readers.request_bodies import UNSTATED

        placed = None
        if sent.body is not None:
            text, at, exact = sent.body.text or sent.body.shape, sent.body.text_mark, sent.body.exact
            placed = sent.body.placed
        elif sent.from_stdin and self.fed is not None and self.fed_at is not None:
            text, (at, exact) = self.fed, self.fed_at
        else:
            return
        if text is None or "<" not in text or self.reading.never:
            return
        account = self._captured(sent, path, text, at)
        unstated = _HOLE in text
        text = text.replace(_HOLE, UNSTATED) if unstated else text
        service = automation.body_service(sent.verb, path)
        if (text, at, service) in self.bodies_read:  # a loop's turns, or a function's calls, send it again
            return
        self.bodies_read.add((text, at, service))
        placed = None if unstated else placed
        read = shell_bodies.read(text, at, exact and not unstated, service, placed)
        self.reading.sent_bodies.extend(_in_account(read, account))

    def _sent_file(self, sent: shell_requests.Request, path: str, at: Mark) -> None:
        """A capture request's body sent from a file of the repository (`-d @capture.xml`,
        `--data-binary @capture.xml`, wget's `--post-file=capture.xml`), by a path from the folder the
        script runs in: read as a body written inline is (`_captured`), its image where the file writes
        it, as the file's own read shows it. A file the repository does not hold (an absolute path, one
        from a folder the script does not state) says nothing of the VM."""
        from migcheck.readers import deployment as rest
        from migcheck.readers import request_bodies as bodies
        from migcheck.readers.xml import Marker

        stated = self._body_file_stated(sent.body_file)
        if sent.verb != "POST" or stated is None or self.reading.never:
            return
        if bodies.captured_vm(path) is None:
            return
        settings = beside.settings_file(stated[0], resolved=stated[1], any_name=True)
        read = bodies.body_file(settings.data) if settings is not None else None
        if settings is None or read is None:
            return
        text, root = read
        account = self._captured(sent, path, text, at)
        if account:
            self.reading.sent_bodies.extend(
                _in_account(rest.read(root, Marker(settings.path, text)), account)
            )

    def _body_file_stated(self, body_file: Word | None) -> tuple[str, bool] | None:
        """The path from the script's folder of the file a request's body is read from, and whether symbolic
        links are resolved in it: a path written from the folder the script runs in (`@capture.xml`), or
        from a folder a word holds (`@"$PWD/capture.xml"`, `_body_file_path`); None where it states none."""
        if body_file is None:
            return None
        if body_file.text:
            if self.working is None:
                return None
            return posixpath.join(self.working, body_file.text), False
        written = next(
            (node for node in self.written_arguments if self.where.mark(node) == body_file.mark), None
        )
        return self._body_file_path(written) if written is not None else None

    def _captured(self, sent: shell_requests.Request, path: str, text: str, at: Mark) -> str:
        """A capture body POSTed to the VM its path names (`.../roleinstances/<vm>/Operations`): the storage
        account of the VM's OS disk, which the image goes to, as PowerShell's and Python's requests put it
        ("" where the script states none, or for another request); with a Capture Role body of
        PostCaptureAction Delete the VM is gone once it is captured
        (`deployment.deletes_the_vm_it_captures`)."""
        from migcheck.readers.deployment import deletes_the_vm_it_captures
        from migcheck.readers.request_bodies import captured_vm, path_names

        service, vm = path_names(path)[0], captured_vm(path)
        if sent.verb != "POST" or not service or not vm:
            return ""
        deletes = deletes_the_vm_it_captures(text)
        return self.reading.captured_by_request(urllib.parse.unquote(service), vm, at, deletes)

    def _connection_request(self, sent: shell_requests.Request, path: str, at: Mark, url: Word) -> None:
        """A request to a gateway's connection to a local network site (an `UpdateConnection` body, PUT to
        `.../services/networking/<network>/gateway/connection/<site>`), read as Set-AzureVNetGateway and the
        PowerShell and Python readers' requests are: with `Operation` Disconnect, the connection is down
        (MIG307) until a Connect of the same network and site follows; one in a part of the script that may
        not run is down on some paths only, and a Connect there may not bring it up."""
        parts = automation.gateway_connection(sent.verb, path)
        text = self._body_text(sent)
        operation = automation.connection_operation(text) if parts is not None and text else ""
        if parts is None or operation not in ("connect", "disconnect"):
            return
        network, site = (urllib.parse.unquote(part).strip() for part in parts)
        key = (network.casefold(), site.casefold())
        if operation == "connect":
            down = self.disconnected.get(key)
            if down is not None:
                self.reading.sent_bodies.remove(down)
                if self.reading.maybe:  # left down on the paths where the connect does not run
                    self._left_down(key, replace(down, every_path=False))
                else:
                    del self.disconnected[key]
            return
        shown_network, shown_site = (
            part if automation.HOLE not in part else f"<{what}, {posixpath.basename(at.path)}:{at.line}>"
            for part, what in ((network, "network name"), (site, "local site name"))
        )
        made = ConnectionState(
            shown_site, "NotConnected", at, shown_network, not self.reading.maybe, network_mark=url.mark
        )
        if key in self.disconnected:  # a loop's turn, or a function's call, disconnects it again
            self.reading.sent_bodies.remove(self.disconnected[key])
        self._left_down(key, made)

    def _left_down(self, key: tuple[str, str], made: ConnectionState) -> None:
        self.disconnected[key] = made
        self.reading.sent_bodies.append(made)

    def _body_text(self, sent: shell_requests.Request) -> str:
        """The body a request writes inline or is fed on its standard input, as `_sent_body` reads it; ""
        for none."""
        if sent.body is not None:
            return sent.body.text or sent.body.shape or ""
        if sent.from_stdin and self.fed is not None:
            return self.fed
        return ""

    def _swap_request(self, sent: shell_requests.Request, path: str, at: Mark) -> None:
        """A Swap Deployment request (POST `.../hostedservices/<service>`) that sends no body the script
        writes (none, or a file's): the service's deployments are swapped all the same, so it has a
        package's, of web or worker roles (`deployment.swapped`), as Move-AzureDeployment's service has. A
        body it writes says so itself (`_sent_body`)."""
        from migcheck.readers import deployment

        service = automation.swapped_in(sent.verb, path)
        written = sent.body is not None or sent.from_stdin
        if service and not written:
            self.reading.sent_bodies.append(deployment.swapped(service, "", at))

    def _posted(self, sent: shell_requests.Request, path: str) -> None:
        """A request that sends a file (`-d @deploy.xml`, `-T deploy.xml`, `--post-file`) to create a
        deployment: the file and the service the path names (`model.Script.posted_bodies`). The file by its
        path from the script's folder where the script states it, as a capture body's is (`_body_file_stated`:
        after a `cd`, through a folder a word holds); else by what the path states of it."""
        service = automation.body_service(sent.verb, path)
        if service is None or sent.body_file is None:
            return
        stated = self._body_file_stated(sent.body_file)
        shape = _url_text(sent.body_file)
        file = posixpath.normpath(stated[0]) if stated else automation.deployed_file(shape) if shape else ""
        if file:
            self.posted_bodies.setdefault((file, service), None)

    def _replaced(self, path: str) -> bool:
        """Whether the file an upload names may be one the script put in place (see `replaced_files`)."""
        leaf = posixpath.basename(path).casefold()
        return bool(
            self.unnamed_writes
            or leaf in self.replaced_files
            or any(fnmatch.fnmatchcase(leaf, glob) for glob in self.replaced_globs)
            or any(_holds(folder, path) for folder in self.replaced_folders)
            or (self.moved and not path.startswith(("/", "~")))
        )

    def _substitutions(self, node: Node) -> None:
        """The commands inside `$(...)` and backticks of a word run too (`IP=$(azure ... show ...)`)."""
        if self.nesting > _NESTING:  # read by the walk through what is nested deeper (`_nested_deeper`)
            return
        stack = [node]
        while stack:
            current = stack.pop()
            if current.type in ("command_substitution", "process_substitution"):
                with self._maybe(), self._child_shell():
                    self.statements(current)
            else:
                stack.extend(reversed(current.named_children))

    # --- words -------------------------------------------------------------------------------------

    def words(self, node: Node) -> list[Word]:
        """The words one argument makes: one, but for an unquoted variable that holds several (split on
        white space, as the shell splits it) or `$@`. A word the grammar splits in two after a `$`
        (`_split_off`) is one word, made by its first part (whose value is the whole word's)."""
        if self._split_from_before(node):
            return []
        spread = self._quoted_items(node)
        if spread is None:
            spread = self._quoted_arguments(node)
        if spread is not None:
            return spread
        if node.type in ("simple_expansion", "expansion"):
            value = self.value(node)
            if value.words is not None:
                return list(value.words)
            if value.text is not None and len(value.text.split()) > 1:
                mark = value.mark or self.where.mark(node)
                parts = value.text.split()
                return [Word(part, mark, split_on=index > 0) for index, part in enumerate(parts)]
            # `$OPTS`, of nothing the script states: bash splits it into any number of words (one partly
            # stated has a shape, whose words are read below)
            if value.text is None and value.shape is None and not value.blank:
                mark = value.mark or self.where.mark(node)
                return [
                    Word(
                        None,
                        mark,
                        holder=value.holder,
                        names=value.names,
                        maybe_empty=value.maybe_empty,
                        splits=True,
                        unset=value.unset,
                        default=value.default,
                    )
                ]
        return [self._word_of(self.value(node), node)]

    def _word_of(self, value: _Value, node: Node) -> Word:
        """The word an argument written as `node` makes of its value."""
        if value.blank:
            return Word(None, self.where.mark(node), holder=value.holder, named_at=self._shared_blank(value))
        return Word(
            value.text,
            value.mark or self.where.mark(node),
            value.exact,
            value.holder,
            value.shape,
            value.holes,
            value.maybe_empty,
            default=value.default,
            placed=value.placed,
            names=value.names,
            text_at=value.text_at,
            unset=value.unset,
        )

    def _rejoined(self, head: Node, tail: Node) -> _Value:
        """The value of one word the grammar splits in two (`_split_off`): `head`'s parts, then the variable
        the `$` it ends with names, read from the start of `tail`, then the rest of `tail`."""
        written = self._text(tail)
        name = (
            written[:1]
            if written[:1].isdigit()
            else written[: len(written) - len(written.lstrip(_NAME_CHARACTERS))]
        )
        rest = _after(self.value(tail), len(name), self.where.mark(tail))
        children = [*head.named_children, tail, tail]
        parts = [
            *(self._part(child) for child in head.named_children),
            self._variable_named(name, tail),
            rest,
        ]
        return self._from_parts(head, parts, children)

    def _shared_blank(self, value: _Value) -> Mark | None:
        """Where a blank another file leaves to fill in (`VNET=` in a settings file the script sources) is
        written: its stand-in is named there, one value for every script that sources the file, as the
        user fills it in once. None for the script's own blank, named where it is first used."""
        at = value.mark
        return at if at is not None and at.path != self.path else None

    def _quoted_arguments(self, node: Node) -> list[Word] | None:
        """`"$@"` (`"${@}"`, `"${@:2}"` from the second) in a function a call runs: each of the words the call
        gives it, one word each (`run() { azure "$@"; }`); `"$*"` is them joined into one word, as bash
        joins them."""
        inner = node.named_children[0] if node.type == "string" and node.named_child_count == 1 else None
        if inner is None or not _all_arguments(inner, self._text(inner)):
            return None
        words = self.value(inner).words
        return _unstated_words(self.where.mark(node)) if words is None else list(words)

    def _quoted_items(self, node: Node) -> list[Word] | None:
        """`"${arr[@]}"`: each item of an array the script states, one word each, as written."""
        inner = node.named_children[0] if node.type == "string" and node.named_child_count == 1 else None
        subscript = inner.named_children[0] if inner is not None and inner.type == "expansion" else None
        if (
            subscript is None
            or subscript.type != "subscript"
            or inner is None
            or inner.named_child_count != 1
        ):
            return None
        parts = subscript.named_children
        if len(parts) != 2 or parts[0].type != "variable_name" or self._text(parts[1]) != "@":
            return None
        items = self.variable(parts[0]).items
        return _unstated_words(self.where.mark(node)) if items is None else [word for _, word in items]

    def value(self, node: Node) -> _Value:
        """What a word says: a value `eval` holds a hole in is not stated; one nested deeper than
        `_NESTING` (`${A:-${B:-...}}`) is not followed."""
        if self.valuing >= _NESTING:
            return _Value(None, self.where.mark(node))
        self.valuing += 1
        try:
            found = self._value(node)
        finally:
            self.valuing -= 1
        if found.text and _HOLE in found.text:
            return self._holed(found)
        return found if self.where.exact or not found.exact else replace(found, exact=False)

    def _holed(self, found: _Value) -> _Value:
        """A word of a command line built as text that holds values the script does not state (its holes,
        numbered by `_numbered`): each held as where the line was built, so that `-w $vnet` in two such
        lines is one network, shown where `$vnet` is written."""
        pieces = found.text.split(_HOLE) if found.text else [""]
        shape, holes, marks, numbers = [pieces[0]], [], [], []
        for piece in pieces[1:]:
            number, rest = _hole_number(piece)
            numbers.append(number)
            known = number is not None and number < len(self.line_holes)
            holder, mark = self.line_holes[number] if known and number is not None else (None, None)
            shape += [_HOLE, rest]
            holes.append(holder)
            marks.append(mark)
        if shape == ["", _HOLE, ""]:
            empty = numbers[0] in self.empty_holes  # `{{ vnet | default('') }}`: the play's, or nothing
            return _Value(None, marks[0] or found.mark, holder=holes[0], maybe_empty=empty)
        return _Value(None, found.mark, shape="".join(shape), holes=tuple(holes), hole_marks=tuple(marks))

    def _value(self, node: Node) -> _Value:
        kind = node.type
        if kind == "word" and self.where.exact and node.start_byte in self.placeholders:
            written = self.placeholders[node.start_byte]  # one a command given it twice means once
            return _Value(None, self.where.mark(node), holder=f"placeholder {written.casefold()}")
        if kind in ("word", "number", "command_name"):
            if kind == "command_name" and node.named_child_count == 1:
                return self.value(node.named_children[0])
            if kind == "command_name":
                return self.concatenated(node)
            written = self._text(node)
            if "\\" not in written and "$" not in written:
                return _Value(written, self.where.mark(node), True, placed=self._held_placed(node, written))
            return _Value(_unescaped(written), self.where.mark(node))
        if kind == "raw_string":
            text = self._text(node)[1:-1]
            mark, text_at = self._in_quotes(node, 1)
            return _Value(text, mark, True, placed=self._placed(node, 1, text, False), text_at=text_at)
        if kind == "string":
            return self.quoted(node)
        if kind == "ansi_c_string":  # `$'app-vnet'`: shown from its `$`, not exact where escapes change it
            written = self._text(node)[2:-1]
            text = _ansi_c_text(written)
            mark, text_at = self._in_quotes(node, 2)
            return _Value(text, mark, text == written, text_at=text_at)
        if kind == "simple_expansion":
            return self.variable(node.named_children[0] if node.named_children else node)
        if kind == "expansion":
            return self.expansion(node)
        if kind == "concatenation":
            tail = self._split_off(node)
            return self._rejoined(node, tail) if tail is not None else self.concatenated(node)
        if kind == "command_substitution":
            return self._substituted(node)
        return _Value(None, self.where.mark(node))

    def quoted(self, node: Node) -> _Value:
        parts = node.named_children
        if not parts:
            mark, text_at = self._in_quotes(node, 1)
            return _Value("", mark, True, text_at=text_at)
        if all(part.type == "string_content" for part in parts):  # split at its lines by the grammar
            skip = parts[0].start_byte - node.start_byte
            written = self.source[parts[0].start_byte : parts[-1].end_byte].decode("utf-8", "replace")
            exact = "\\" not in written
            text = written if exact else _unescaped(written, quoted=True)
            placed = self._placed(node, skip, written, True)
            mark, text_at = self._in_quotes(node, skip)
            return _Value(text, mark, exact and len(parts) == 1, placed=placed, text_at=text_at)
        if len(parts) == 1 and parts[0].type in ("simple_expansion", "expansion"):
            return replace(self.value(parts[0]), words=None)
        if len(parts) == 1 and parts[0].type == "command_substitution" and self.value(parts[0]).folder:
            return self.value(parts[0])  # "$(dirname "$0")"
        return self.concatenated(node)

    def _in_quotes(self, node: Node, skip: int) -> tuple[Mark, Mark | None]:
        """Where a word in quotes is shown, its opening quote, and where its text starts, `skip` bytes on
        (None where that is the same place: every part of a line `eval` runs is shown where that is)."""
        shown, text_at = self.where.mark(node), self.where.mark(node, skip)
        return shown, (text_at if text_at != shown else None)

    def concatenated(self, node: Node) -> _Value:
        """A word joined from parts: stated when they all are, else its shape (see `_Value.shape`)."""
        parts = [self._part(part) for part in node.named_children]
        return self._from_parts(node, parts, node.named_children)

    def _part(self, part: Node) -> _Value:
        """The value of one part of a word joined from parts."""
        if part.type == "string_content":
            return _Value(_unescaped(self._text(part), quoted=True))
        return self.value(part)

    def _from_parts(self, node: Node, parts: list[_Value], children: Sequence[Node]) -> _Value:
        """The value of the word `node` joined from `parts`, each written as the node of `children` at its
        index."""
        shape = "".join(part.template for part in parts)
        if len(shape) > _LONGEST_VALUE:  # longer than anything followed (`X="$X$X"` line after line)
            return _Value(None, self.where.mark(node))
        if any(part.text is None for part in parts):
            unstated = [
                (holder, mark or self.where.mark(child))
                for part, child in zip(parts, children, strict=True)
                for holder, mark in part.unstated()
            ]
            holes = tuple(holder for holder, _ in unstated)
            marks = tuple(mark for _, mark in unstated)
            names = tuple(name for part in parts for name in part.names)  # no more than its holes
            return _Value(
                None, self.where.mark(node), shape=shape, holes=holes, hole_marks=marks, names=names
            )
        mark = self.where.mark(node)
        placed = _placed_parts(parts, mark) if self.where.exact else _placed_last(parts)
        return _Value(shape, mark, placed=placed)

    def _held_placed(self, node: Node, written: str) -> Callable[[int], Mark] | None:
        """Where each character of a word of a line another file holds is written, where that file tells
        (`_HeldAt.exact`): a word built of values written apart (a Makefile's `-b $(A),$(B)`) shows each
        character where its value is written, on the line its assignment writes it, not at the columns after
        the word's first."""
        where = self.where
        if not isinstance(where, _HeldAt) or not where.exact:
            return None
        offsets, source = _byte_offsets(written), self.source
        return lambda offset: where.counted(node.start_byte + offsets(offset), source)

    def _placed(self, node: Node, skip: int, written: str, quoted: bool) -> Callable[[int], Mark] | None:
        """Where the character at each offset of the text a quoted word gives is written, `written` its
        text as the script writes it from byte `skip` of `node`: past the backslashes the shell drops in
        double quotes (`\\"`), on the lines after its first. Where marks tell each character's place (not in a
        line a Python script builds, nor `eval`'s): of a line another file holds (a Makefile's `"$(A),$(B)"`,
        each value where its assignment writes it, as `_held_placed` places a word not quoted), and of a
        script's word that may hold a REST body (`<`)."""
        where = self.where
        held = isinstance(where, _HeldAt)
        if not where.exact or not (held or "<" in written):
            return None
        dropped = _dropped_backslashes(written) if quoted and "\\" in written else []
        if isinstance(where, _HeldAt):
            offsets, source = _byte_offsets(written), self.source
            return lambda offset: where.counted(
                node.start_byte + skip + offsets(offset + bisect.bisect_right(dropped, offset)), source
            )
        start = where.mark(node, skip)
        newlines = [index for index, char in enumerate(written) if char == "\n"]

        def placed(offset: int) -> Mark:
            at = offset + bisect.bisect_right(dropped, offset)
            line = bisect.bisect_left(newlines, at)
            column = start.column + at if line == 0 else at - newlines[line - 1]
            return replace(start, line=start.line + line, column=column)

        return placed

    def variable(self, name_node: Node) -> _Value:
        return self._variable_named(self._text(name_node), name_node)

    def _variable_named(self, name: str, name_node: Node) -> _Value:
        """The value of the variable `name`, written at `name_node`."""
        arguments = self.scope.arguments
        if name.isdigit() and name != "0":
            index = int(name) - 1
            if arguments is None:  # the script's own parameter
                return _Value(None, holder=f"${name}")
            if index >= len(arguments):
                return _UNSTATED
            return _Value.of(arguments[index])
        if name == "@":
            return _Value(None, words=arguments) if arguments is not None else _UNSTATED
        if name == "*":
            return _all_of(arguments) if arguments is not None else _UNSTATED
        if name == "PWD" and name not in self.scope.variables:
            return self._working_folder(name_node)
        if name in _ANEW_EACH_TIME:  # two `$RANDOM`s are two values; a variable set from one holds one
            at = self.where.mark(name_node)
            return _Value(None, at, holder=f"${name}@{at.line}:{at.column}")
        found = self.lookup(name)
        if found.text is None and found.holder is None and found.words is None:
            if name not in self.scope.variables and self._assigned_nowhere(name):
                return _Value(None, holder=f"${name}", maybe_empty=True, unset=f"${name}")
            return replace(found, holder=f"${name}")  # the environment's, or one branches leave unknown
        return found

    def _assigned_nowhere(self, name: str) -> bool:
        """Whether the variable `name` is one no line of the code read now assigns (`assigned`), so that
        only the session that runs it may set it; not a variable of the shell's own (`$HOME`, `$RANDOM`)."""
        if self.assigned is None or self.assigned[0] is not self.source:
            return False
        return name not in self.assigned[1] and name not in self.exported and name not in _SHELL_VARIABLES

    def lookup(self, name: str) -> _Value:
        return self.scope.variables.get(name, _UNSTATED)

    def expansion(self, node: Node) -> _Value:
        """`${X}`, and `${X:-default}` / `${X-default}`: the default where the script never assigns X."""
        parts = node.named_children
        if _script_folder_expansion(node, self.source):
            return self._own_folder(node, "script", 0)
        if len(parts) == 1 and parts[0].type == "subscript":
            return self._element(parts[0])
        if not parts or parts[0].type not in ("variable_name", "special_variable_name"):
            return _Value(None, self.where.mark(node))
        name = self._text(parts[0])
        operator = next((c.type for c in node.children if not c.is_named and c.type not in ("${", "}")), "")
        if name in ("@", "*") and operator == ":":
            return self._arguments_from(node, name, parts[1:])
        set_on = self.scope.variables.get(name)  # None: the environment's, on every path
        defaulted = operator in (":-", "-") and not name.isdigit() and (set_on is None or set_on.maybe_unset)
        if len(parts) == 1:
            found = self.variable(parts[0])
            if operator and found.unset:  # `${VNET:-}`, `${VNET:?}`: the script says what an unset one is
                found = replace(found, unset="", maybe_empty=False)
            return replace(found, maybe_empty=True) if defaulted and found.text is None else found
        if defaulted:
            default = [self.value(p) for p in parts[1:]]
            if len(default) == 1 and default[0].text == "":  # `${VNET:-""}`: the environment's, or none
                return replace(self.variable(parts[0]), maybe_empty=True, unset="")
            if len(default) == 1 and set_on is None:
                return default[0]
        unstated = _Value(None, self.where.mark(node))
        if operator in (":-", "-") and name.isdigit() and len(parts) == 2:
            return self._positional_default(unstated, parts[0], parts[1])
        return unstated

    def _positional_default(self, unstated: _Value, parameter: Node, default: Node) -> _Value:
        """`${1:-Contoso Prod}`: a value the script does not state, as ever (a script's user usually passes
        the argument), but for the default a run as written, given no argument, uses (`_Value.default`)."""
        if self.variable(parameter).text is not None:  # a function's argument: that one, not the default
            return unstated
        written = self._text(default)
        # tree-sitter-bash reads a default's leading letters as a variable's name (`${1:-abc-1}`): one
        # written without expansions or quotes is its text as written.
        plain = written if not any(c in written for c in "$`'\"\\") else self.value(default).text
        return replace(unstated, default=plain) if plain and plain.strip() else unstated

    def _arguments_from(self, node: Node, name: str, bounds: list[Node]) -> _Value:
        """`${@:2}` (`${@:2:3}`): the arguments a call gives the function from the second (three of them),
        as `$@` gives them all, and `${*:2}` as `$*` does, one word in double quotes; the script's own, or
        bounds not written as numbers from 1, not stated."""
        arguments = self.scope.arguments
        written = [self._text(bound) for bound in bounds]
        if arguments is None or not 0 < len(written) <= 2 or not all(n.isdigit() for n in written):
            return _Value(None, self.where.mark(node), holder=f"${{{name}:{':'.join(written)}}}")
        first = int(written[0]) - 1
        if first < 0:  # `${@:0}` starts at `$0`, the script's name
            return _Value(None, self.where.mark(node))
        last = first + int(written[1]) if len(written) == 2 else len(arguments)
        given = tuple(arguments[first:last])
        return _Value(None, words=given) if name == "@" else _all_of(given)

    def _text(self, node: Node) -> str:
        return self.source[node.start_byte : node.end_byte].decode("utf-8", "replace")


def _all_of(arguments: tuple[Word, ...]) -> _Value:
    """`$*` (`${*:2}`) of a function a call gives `arguments`: each of them as a word of its own, as `$@`,
    where it is not quoted; in double quotes, one word that joins them with a space, as bash joins them
    (stated when every one of them is)."""
    texts = [word.text for word in arguments]
    joined = " ".join(text for text in texts if text is not None)
    mark = arguments[0].mark if arguments else None
    return _Value(joined if None not in texts else None, mark, words=arguments)


def _unstated_words(mark: Mark) -> list[Word]:
    """`"${opts[@]}"`, `"$@"` where the script does not state their words: none, one or several, options
    among them (`xplat.Word.spread`)."""
    return [Word(None, mark, spread=True)]


def _all_arguments(node: Node, written: str) -> bool:
    """Whether a part of a word is `$@`, `${@}` or a slice of it (`${@:2}`): arguments, one word each."""
    if written in ("$@", "${@}"):
        return True
    parts = node.named_children
    return (
        node.type == "expansion"
        and bool(parts)
        and parts[0].text == b"@"
        and any(child.type == ":" for child in node.children)
    )


# What `printf`'s format turns each escape it reads into; any other escape, or directive, is not followed.
_PRINTF_ESCAPES = {"\\n": "\n", "\\t": "\t", "\\\\": "\\", "%%": "%"}


def _printed(form: str | None, values: list[_Value], marks: list[Mark], at: Mark) -> _Value | None:
    """The value `printf FORM VALUES...` prints, each `%s` the next value (its shape where the script does not
    state it, `marks` where each is written); None where the format is not stated or holds what is not
    followed (see `_Walker._printf_to`), or takes fewer values than it is given."""
    if form is None or len(form) > _LONGEST_VALUE:
        return None
    pieces: list[str] = []
    taken: list[tuple[_Value, Mark]] = []
    at_char = 0
    while at_char < len(form):
        char, pair = form[at_char], form[at_char : at_char + 2]
        directive = _printf_directive(form, at_char) if pair not in _PRINTF_ESCAPES else None
        if directive is not None:
            value = values[len(taken)] if len(taken) < len(values) else _Value("")
            taken.append((value, marks[len(taken)] if len(taken) < len(marks) else at))
            piece = _printf_piece(value, directive[0], directive[1])
            if piece is None:
                return None
            if value.text is None and directive[0]:  # one value not stated, padded: see `_printf_piece`
                styled = xplat.styled_holder(value.holder, directive[0] + directive[1])
                taken[-1] = (replace(value, holder=styled), taken[-1][1])
            pieces.append(piece)
            at_char = directive[2]
            continue
        if pair in _PRINTF_ESCAPES:
            pieces.append(_PRINTF_ESCAPES[pair])
        elif char in "%\\":
            return None
        else:
            pieces.append(char)
        at_char += 2 if char in "%\\" else 1
    if len(taken) < len(values):
        return None
    shape = "".join(pieces)
    if all(value.text is not None for value, _ in taken):
        return _Value(shape, at)
    unstated = [(holder, mark or where) for value, where in taken for holder, mark in value.unstated()]
    holes = tuple(holder for holder, _ in unstated)
    return _Value(None, at, shape=shape, holes=holes, hole_marks=tuple(mark for _, mark in unstated))


def _printf_directive(form: str, start: int, conversions: str = "sdi") -> tuple[str, str, int] | None:
    """The `printf` directive at `start` of a format, if one the reader follows: `%s`, or `%d` (`%i`), each
    with flags, a width and a precision written out (`%03d`, `%-8s`, `%.3d`), or one of other `conversions`
    (seq's `%05.1f`); its flags, width and precision, its conversion (`d` for `%i`), and where it ends. None
    for any other text."""
    if form[start] != "%":
        return None
    end = start + 1
    while end < len(form) and form[end] in "-0 +":
        end += 1
    while end < len(form) and (form[end].isdigit() or form[end] == "."):
        end += 1
    if end >= len(form) or form[end] not in conversions or end - start > 8 or form.count(".", start, end) > 1:
        return None
    return form[start + 1 : end], "d" if form[end] == "i" else form[end], end + 1


def _printf_piece(value: _Value, spec: str, conversion: str) -> str | None:
    """What a `printf` directive makes of a value: as Python's `%` makes it of the same flags and width,
    since both follow C's printf (`%03d` of 7 is `007`); a value not stated is its shape, wherever no width
    pads it, and one a width pads a hole of its own (see `xplat.styled_holder`). None where `%d` is given a
    value that is not a number written in decimal (bash reads `010` as octal) or a value built of pieces
    not stated is padded."""
    if value.text is None:
        return value.template if not spec else _HOLE if value.shape is None and value.holder else None
    if conversion == "s":
        return ("%" + spec + "s") % value.text
    number = value.text.strip()
    digits = number.removeprefix("-").removeprefix("+")
    if not digits.isdecimal() or not digits.isascii() or (len(digits) > 1 and digits.startswith("0")):
        return None
    return ("%" + spec + "d") % int(number)


def _numbered(values: list[_Value]) -> tuple[str, tuple[tuple[str | None, Mark | None], ...]]:
    """The command line `values` make, joined by blanks, each value in it the script does not state a hole
    that bears its number (`_HOLE-3-`), and what holds each, by that number (see `_Walker._holed`)."""
    pieces: list[str] = []
    holes: list[tuple[str | None, Mark | None]] = []
    for value in values:
        parts = value.template.split(_HOLE)
        pieces.append(parts[0])
        for part in parts[1:]:
            pieces.append(f"{_HOLE}-{len(holes)}-{part}")
            holes.append((None, None))
        unstated = value.unstated()
        if len(unstated) == len(parts) - 1:
            holes[len(holes) - len(unstated) :] = unstated
        pieces.append(" ")
    return "".join(pieces[:-1]), tuple(holes)


def _hole_number(piece: str) -> tuple[int | None, str]:
    """The number a hole bears (`-3-` at the start of what follows it, see `_numbered`), and the rest."""
    number, dash, rest = piece[1:].partition("-")
    if piece[:1] != "-" or not dash or not number.isdigit():
        return None, piece
    return int(number), rest


def _template(word: Word) -> str:
    """A word as a command line run as text holds it: a value the script does not state one `_HOLE`."""
    return word.text if word.text is not None else word.shape or _HOLE


def _in_background(node: Node) -> bool:
    """Whether a statement ends with `&`: bash runs it in a child shell and goes on."""
    following = node.next_sibling
    return following is not None and following.type == "&"


@dataclass(frozen=True)
class _SeqOutput:
    """How `seq` prints the numbers it makes, as its options say: in a printf `format` of one
    floating-point conversion (`-f %02g`), padded with zeros to one width (`-w`), parted by a `separator`
    (`-s`) where not one a line. A `for` loop gets the words the shell splits the output into."""

    format: str = ""
    equal_width: bool = False
    separator: str = "\n"

    def words(self, numbers: Sequence[int]) -> list[str]:
        width = max(len(str(n)) for n in numbers) if self.equal_width else 0
        texts = [self.format % n if self.format else f"{n:0{width}d}" for n in numbers]
        return self.separator.join(texts).split()


def _seq_options(arguments: list[str]) -> tuple[list[str], _SeqOutput] | None:
    """The bounds `seq`'s `arguments` give, after its options (`-f FORMAT`, `-s SEPARATOR`, `-w` and their
    long forms), and how it prints them; None for an option it does not take or a format it refuses (not
    one %e, %f or %g conversion). A first bound may be negative (`seq -1 1`), as seq reads it."""
    output, rest = _SeqOutput(), list(arguments)
    while rest and rest[0].startswith("-") and not _is_integer(rest[0]):
        option = rest.pop(0)
        if option == "--":
            break
        if option in ("-w", "--equal-width"):
            output = replace(output, equal_width=True)
            continue
        name, given, value = (
            option.partition("=") if option.startswith("--") else (option[:2], "", option[2:])
        )
        if not (given or value):
            if not rest:
                return None
            value = rest.pop(0)
        if name in ("-f", "--format"):
            output = replace(output, format=_float_format(value))
        elif name in ("-s", "--separator"):
            output = replace(output, separator=value)
        else:
            return None
        if name in ("-f", "--format") and not output.format:
            return None
    return rest, output


def _is_integer(text: str) -> bool:
    return text.lstrip("+-").isdigit()


def _float_format(text: str) -> str:
    """`text` when it is a printf format seq takes, that Python's `%` prints as C does: one conversion of
    e, E, f, g or G (with flags, a width and a precision: `%05.1f`) beside `%%`; "" for any other."""
    conversions, index = 0, 0
    while (index := text.find("%", index)) >= 0:
        if text.startswith("%%", index):
            index += 2
            continue
        directive = _printf_directive(text, index, conversions="eEfgG")
        if directive is None:
            return ""
        conversions, index = conversions + 1, directive[2]
    return text if conversions == 1 else ""


def _counted(bounds: list[str]) -> list[int] | None:
    """The numbers `{a..b}` or `seq [first [step]] last` makes from `bounds`, written as integers; None when
    they are not all, or make no turn or more turns than a loop is run for one by one."""
    values = _count(bounds)
    return list(values) if values is not None and 0 < len(values) <= _LOOP_ITEMS else None


def _stepped_braces(written: str) -> list[str]:
    """The bounds of bash's stepped count `{first..last..step}` from what is between its braces, in `seq`'s
    order (first, step, last): bash steps from first towards last by the step's size, whatever its sign, and
    by one for a step of 0; none when they are not three whole numbers."""
    bounds = written.split("..")
    if len(bounds) != 3 or not all(
        b.removeprefix("-").isascii() and b.removeprefix("-").isdigit() for b in bounds
    ):
        return []
    first, last, step = (int(bound) for bound in bounds)
    size = abs(step) or 1
    return [str(first), str(size if last >= first else -size), str(last)]


def _count(bounds: list[str]) -> range | None:
    """The numbers `{a..b}` or `seq [first [step]] last` makes from `bounds`, written as integers, however
    many; None when they are not all."""
    try:
        numbers = [int(b) for b in bounds]
    except ValueError:
        return None
    if len(numbers) == 1:
        numbers = [1, numbers[0]]
    if len(numbers) == 2:
        first, step, last = numbers[0], 1 if numbers[1] >= numbers[0] else -1, numbers[1]
    elif len(numbers) == 3:
        first, step, last = numbers
    else:
        return None
    if step == 0:
        return None
    return range(first, last + (1 if step > 0 else -1), step)


def _step(update: str, name: str) -> int | None:
    """How much a C-style loop's update (`i++`, `i--`, `i+=2`, `i-=1`, `++i`) moves its variable."""
    moves = {f"{name}++": 1, f"++{name}": 1, f"{name}--": -1, f"--{name}": -1}
    if update in moves:
        return moves[update]
    for operator, sign in ((f"{name}+=", 1), (f"{name}-=", -1)):
        if update.startswith(operator) and update[len(operator) :].isdigit():
            return sign * int(update[len(operator) :]) or None
    return None


def _while_step(statement: Node, name: str, source: bytes) -> int | None:
    """How much a statement that steps a `while` loop's counter moves it: `((i++))`, `((i+=2))` (see
    `_step`), `i=$((i+1))` or `i=$(($i - 1))`; None for any other statement."""
    text = source[statement.start_byte : statement.end_byte].decode("utf-8", "replace").replace(" ", "")
    if text.startswith("((") and text.endswith("))"):
        return _step(text[2:-2], name)
    expressions = _let_expressions(statement, source)
    if expressions is not None:  # `let i++`, `let "i+=1"`
        return _step(expressions[0].replace(" ", ""), name) if len(expressions) == 1 else None
    for counter in (name, f"${name}"):
        for sign, operator in ((1, "+"), (-1, "-")):
            prefix = f"{name}=$(({counter}{operator}"
            amount = text[len(prefix) : -2] if text.startswith(prefix) and text.endswith("))") else ""
            if amount.isdigit() and int(amount):
                return sign * int(amount)
    return None


def _let_expressions(statement: Node, source: bytes) -> list[str] | None:
    """The arithmetic a `let` command evaluates, one expression per argument as bash gets it (`let i++`,
    `let "i += 1"`); None for any other statement, or a `let` whose arguments are not written out."""
    name = statement.child_by_field_name("name") if statement.type == "command" else None
    if name is None or source[name.start_byte : name.end_byte] != b"let":
        return None
    expressions = []
    for argument in statement.children_by_field_name("argument"):
        text = source[argument.start_byte : argument.end_byte].decode("utf-8", "replace")
        if argument.type == "raw_string" or (argument.type == "string" and argument.named_child_count <= 1):
            text = text[1:-1]
        elif argument.type != "word":
            return None
        expressions.append(text)
    return expressions


def _let_assigns(expression: str) -> str:
    """The variable a `let` expression assigns or steps (`i` of `i++`, `--i`, `i+=2`, `i=3`), or "" where
    it starts with none."""
    name = expression.strip().lstrip("+-")
    end = next((at for at, char in enumerate(name) if not (char.isalnum() or char == "_")), len(name))
    return name[:end]


def _exits_turn(body: Node, source: bytes) -> bool:
    """Whether a loop's body holds a command that may end a turn or the loop early (`break`, `continue`,
    `return`). Not `exit`: it ends the script, loop or none, so the turns read one after the other end there
    as the script written out would (`if [ "$?" != "0" ]; then exit 1; fi` after a command)."""
    stack = [body]
    while stack:
        node = stack.pop()
        name = node.child_by_field_name("name") if node.type == "command" else None
        if name is not None and source[name.start_byte : name.end_byte] in (
            b"break",
            b"continue",
            b"return",
        ):
            return True
        stack.extend(node.named_children)
    return False


def _assigned_in(node: Node, source: bytes) -> set[str]:
    """The variables a loop assigns or moves (`v=...`, `((i++))`, `read v`, its own `i=0`)."""
    names: set[str] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        names.update(_assigned_by(current, source))
        stack.extend(current.named_children)
    return names


# The statements that make a loop, each of which the reader asks the variables of (`_Walker._assigned`).
_LOOPS = frozenset({"while_statement", "for_statement", "c_style_for_statement"})


@dataclass(frozen=True, slots=True)
class _Around:
    """The loops around a node (`_assigned_in_loops`), innermost first, as a chain: the innermost's index
    in the loops found, how many loops deep it is, and the chain of those outside it."""

    index: int
    depth: int
    outside: _Around | None


def _assigned_in_loops(node: Node, source: bytes) -> dict[tuple[int, int, str], frozenset[str]]:
    """The variables `node` assigns or moves (`_assigned_in`), and each loop in it, found in one walk, by
    where each starts and ends and its type: a loop's names are its own and its nested loops'. Only the
    loops up to `_NESTING` deep in `node` are kept, so a name costs at most that many additions however
    deep the loops are (the reader follows no deeper, `_nested_deeper`)."""
    found: list[tuple[Node, set[str]]] = [(node, set())]
    stack: list[tuple[Node, _Around]] = [(node, _Around(0, 0, None))]
    while stack:
        current, around = stack.pop()
        if current is not node and current.type in _LOOPS and around.depth < _NESTING:
            found.append((current, set()))
            around = _Around(len(found) - 1, around.depth + 1, around)
        names = _assigned_by(current, source)
        link: _Around | None = around
        while names and link is not None:
            found[link.index][1].update(names)
            link = link.outside
        stack.extend((child, around) for child in current.named_children)
    return {(loop.start_byte, loop.end_byte, loop.type): frozenset(names) for loop, names in found}


def _assigned_by(node: Node, source: bytes) -> list[str]:
    """The variables one node assigns or moves itself (`v=...`, `i++`, `let i+=1`), not those of the nodes
    in it."""
    names: list[str] = []
    if node.type == "variable_assignment":
        name = node.child_by_field_name("name")
        if name is not None and name.type == "subscript":  # `cfg[svc]=…` sets the array
            name = name.named_children[0] if name.named_children else None
        if name is not None:
            names.append(source[name.start_byte : name.end_byte].decode("utf-8", "replace"))
    elif node.type in ("postfix_expression", "unary_expression") and node.named_child_count == 1:
        operand = node.named_children[0]
        names.append(source[operand.start_byte : operand.end_byte].decode("utf-8", "replace").lstrip("$"))
    names.extend(filter(None, map(_let_assigns, _let_expressions(node, source) or [])))
    return names


def _assigned_anywhere(root: Node, source: bytes) -> tuple[bytes, frozenset[str]] | None:
    """The variables a script (or a line a file runs) assigns anywhere, `source` with them (see
    `_Walker.assigned`): by an assignment, a loop, `((i++))` or `let` (`_assigned_in`), a name among the
    words of a command that sets its operands (`_SETTING_COMMANDS`), `${VNET:=hub}` and `${VNET:?}`, which
    requires it (`_SETTING_OPERATORS`). None where it sources a file or runs a command that may set any
    (`_SETTING_ANY`)."""
    names = _assigned_in(root, source)
    stack = [root]
    while stack:
        current = stack.pop()
        stack.extend(current.named_children)
        if current.type in ("for_statement", "select_statement"):
            variable = current.child_by_field_name("variable")
            names.add(_node_text(variable, source) if variable is not None else "")
        elif current.type == "expansion" and any(c.type in _SETTING_OPERATORS for c in current.children):
            names.update(_node_text(c, source) for c in current.named_children[:1])
        elif current.type in ("command", "declaration_command"):
            words = [_node_text(word, source) for word in current.named_children]
            first = words[0] if current.type == "command" and words else current.children[0].type
            if first in _SETTING_ANY:
                return None
            if first in _SETTING_COMMANDS or current.type == "declaration_command":
                names.update(word.split("=", 1)[0] for word in words)
    return source, frozenset(names)


def _node_text(node: Node, source: bytes) -> str:
    return source[node.start_byte : node.end_byte].decode("utf-8", "replace")


def _named_by_a_hole(step: MigrationStep, url: Word) -> MigrationStep:
    """A migration request whose URL names its target by one value the script does not state
    (`.../virtualnetwork/$VNET/migration?comp=commit`): the step held by that value, as a classic CLI
    step given `$VNET` is (see `MigrationStep.unstated`)."""
    text = _url_text(url)
    at = automation.migration_target_hole(text) if text is not None else None
    holder = url.holes[at] if at is not None and at < len(url.holes) else None
    if at is None or holder is None:
        return step
    # `names` has one for each value last assigned to a variable, not one for each hole.
    shown = url.names[at] if len(url.names) == len(url.holes) else holder
    return replace(step, unstated=holder, unstated_shown=shown if shown.startswith("$") else "")


def _unprefixed(words: list[Word]) -> tuple[list[Word], bool] | None:
    """The command `words` run past their prefixes (`sudo timeout 30 nice -n 5 azure ...`), each taken
    off in turn (in a loop: a script may chain thousands), and whether it may not run (`xargs` runs it as
    many times as it reads lines, with words more that the script does not state); None where the script
    does not state what runs."""
    words = list(words)
    start, fed_words, may_not_run = 0, 0, False
    while start < len(words) and (name := _prefix_named(words[start].text)) is not None:
        after = _after_prefix(name, words, start + 1)
        if after >= len(words):
            return None
        if _PREFIXES[name].feeds:
            may_not_run = True
            fed_words += _fed(words, start + 1, after)
        start = after
    if start >= len(words):
        return None
    unstated = [Word(None, words[-1].mark)] * fed_words
    return [*words[start:], *unstated], may_not_run


def _exports_all(arguments: list[str]) -> bool:
    """Whether `set` given `arguments` turns on `allexport` (`set -a`, `set -ea`, `set -o allexport`)."""
    for at, argument in enumerate(arguments):
        if argument == "--":
            return False
        if argument == "-o" and arguments[at + 1 : at + 2] == ["allexport"]:
            return True
        if argument.startswith("-") and not argument.startswith("--") and "a" in argument:
            return True
    return False


# What `_env_changes` gives for an `env` that empties the environment (`env -i`, `env -`).
_EMPTIED = ""


def _env_changes(words: list[Word]) -> list[tuple[str, _Value | None]]:
    """What an `env` among the prefixes of `words` does to the environment of the command it runs, in
    order: each variable it sets (`env SVC=web VNET=$1 pwsh ...`) with its value (None where the script
    does not state it), each it takes out (`-u SVC`, `--unset=SVC`) with None, as one the command does not
    know, and `_EMPTIED` where it empties it (`-i`, `-`)."""
    changes: list[tuple[str, _Value | None]] = []
    start = 0
    while start < len(words) and (name := _prefix_named(words[start].text)) is not None:
        after = _after_prefix(name, words, start + 1)
        if name == "env":
            changes.extend(_env_operands(words, start + 1)[1])
        elif name == "sudo":
            changes.extend(_sudo_environment(words[start + 1 : after]))
        start = after
    return changes


def _sudo_environment(operands: list[Word]) -> list[tuple[str, _Value | None]]:
    """What `sudo` given `operands` (its options and the variables it sets, before the command) does to the
    command's environment (see `_env_changes`): sudo resets it (its default `env_reset`), keeping what the
    system's policy keeps, which the script does not state, unless told to keep it (`-E`,
    `--preserve-env`); then it sets the variables written before the command (`sudo SVC=web cmd`)."""
    texts = [word.text or "" for word in operands]
    keeps = any(
        text.startswith("--preserve-env") or (text[:1] == "-" and text[1:2] != "-" and "E" in text)
        for text in texts
    )
    changes: list[tuple[str, _Value | None]] = [] if keeps else [(_EMPTIED, None)]
    changes.extend(filter(None, (_env_assignment(word) for word in operands if "=" in (word.text or ""))))
    return changes


def _env_operands(words: list[Word], start: int) -> tuple[int, list[tuple[str, _Value | None]]]:
    """Where the command `env` runs starts in `words`, past its options and the variables it sets from
    `start` on, and what those do (see `_env_changes`): `-i` (`--ignore-environment`, a lone `-`) empties
    the environment, `-u NAME` (`-uNAME`, `--unset NAME`, `--unset=NAME`, last of a group: `-iu NAME`)
    takes a variable out; `-C` (`--chdir`) and `-S` take a value of their own."""
    changes: list[tuple[str, _Value | None]] = []
    index = start
    while index < len(words):
        word = words[index]
        text = word.text
        index += 1
        if text is None or not text.startswith("-"):
            assigned = _env_assignment(word)
            if assigned is None:
                return index - 1, changes  # the command (or one the script does not state)
            changes.append(assigned)
        elif text == "--":
            break
        elif text in ("-", "--ignore-environment"):
            changes.append((_EMPTIED, None))
        elif text.startswith("--"):
            option, equals, value = text.partition("=")
            if not equals and option in ("--unset", "--chdir", "--split-string"):
                value, index = (words[index].text or "") if index < len(words) else "", index + 1
            if option == "--unset":
                changes.append((value, None))
        else:
            index = _env_short_options(words, index, text[1:], changes)
    return index, changes


def _env_short_options(words: list[Word], index: int, letters: str, changes: list) -> int:
    """A group of `env`'s one-letter options (`-i`, `-iu NAME`, `-uNAME`), what each does added to
    `changes`; where the words after them go on (past the value of the last, if it takes the next)."""
    for at, letter in enumerate(letters):
        if letter == "i":
            changes.append((_EMPTIED, None))
        elif letter in "uCS":
            value = letters[at + 1 :]
            if not value:
                value, index = (words[index].text or "") if index < len(words) else "", index + 1
            if letter == "u":
                changes.append((value, None))
            break
    return index


def _env_assignment(word: Word) -> tuple[str, _Value | None] | None:
    """`NAME=value`, an operand of `env`: the name and its value; None for an option."""
    written = word.text if word.text is not None else word.shape
    name, equals, value = (written or "").partition("=")
    if not equals or not name.isidentifier():
        return None
    if word.text is None:
        return name, None
    return name, _Value(value, word.part(len(name) + 1, value).mark, word.exact)


def _after_prefix(name: str, words: list[Word], start: int) -> int:
    """Where the command a prefix runs starts in `words`, the prefix's own options and operands (and, for
    `env`, the variables it sets: `_env_operands`) from `start` on."""
    if name == "env":
        return _env_operands(words, start)[0]
    prefix = _PREFIXES[name]
    index = start
    while index < len(words):
        text = words[index].text
        if text is None:  # the command (or an operand) the script does not state
            break
        if text == "--":
            index += 1
            break
        if text.startswith("-") and len(text) > 1:
            index += 2 if text in prefix.takes_value else 1
        elif name == "sudo" and _env_assignment(words[index]) is not None:
            index += 1  # `sudo SVC=web cmd`: a variable it sets in the command's environment
        else:
            break
    return index + prefix.operands


# ssh's one-letter options that take the next word as their value (`ssh -i key.pem -p 2222 host ...`); `-N`
# (no command) and `-s` (a subsystem) run no command line.
_SSH_VALUES = frozenset("BbcDEeFIiJLlmOoPpQRSWw")
_SSH_NO_COMMAND = frozenset("Ns")


def _ssh_host(words: list[Word]) -> str:
    """The host ssh given `words` (after its name) logs in to, as the script writes it (`admin@jump`); ""
    where the script does not state it."""
    at = _ssh_words(words)[0]
    host = words[at].text if at < len(words) else None
    return host if host is not None and not host.startswith("-") else ""


def _ssh_command(words: list[Word]) -> list[Word]:
    """The words of the command ssh given `words` (after its name) has the host run, past its options and
    the host it logs in to: none for a login shell (which a here-document may feed) or where it runs no
    command (`-N`, `-s`)."""
    command = _ssh_words(words)[1]
    return words[command:] if command is not None else []


def _ssh_words(words: list[Word]) -> tuple[int, int | None]:
    """Where the host ssh given `words` logs in to is among them, and where the command it has the host run
    starts (None where it runs no command: `-N`, `-s`). As OpenSSH does, it reads its options again after
    the host (`ssh jump -t 'azure …'`), unless a `--` ended them before it. A word the script does not
    state where an option or the host may be is the host (`ssh "$HOST" '...'`), whose shell runs the
    command all the same."""
    host, runs = _past_ssh_options(words, 0)
    ended = host > 0 and words[host - 1].text == "--"
    if ended or host + 1 >= len(words) or not runs:
        return host, host + 1 if runs else None
    command, runs = _past_ssh_options(words, host + 1)
    return host, command if runs else None


def _past_ssh_options(words: list[Word], index: int) -> tuple[int, bool]:
    """Where ssh's options from `index` end, past a `--` that ends them, and whether ssh runs a command
    with them: not with `-N` or `-s`."""
    runs = True
    while index < len(words):
        text = words[index].text
        if text is None:
            break
        if text == "--":
            return index + 1, runs
        if not text.startswith("-") or text == "-":
            break
        for at, letter in enumerate(text[1:]):
            runs = runs and letter not in _SSH_NO_COMMAND
            if letter in _SSH_VALUES:
                index += 1 if at == len(text) - 2 else 0  # its value the next word, not the rest of this one
                break
        index += 1
    return index, runs


_SWITCH_USER_VALUES = frozenset(
    {"-s", "--shell", "-g", "--group", "-G", "--supp-group", "-w", "--whitelist-environment"}
)


def _switch_user_command(words: list[Word]) -> tuple[Word, bool] | None:
    """Of `su` (`runuser`) given `words` (after its name): the command line `-c` (`--command`) gives it,
    and whether it logs in (`-`, `-l`, `--login`), which starts the shell with none of the environment;
    None where it runs no command line (an interactive shell, `runuser -u ops -- cmd`)."""
    command: Word | None = None
    login = False
    index = 0
    while index < len(words):
        text = words[index].text or ""
        if text in ("-", "-l", "--login"):
            login = True
        elif text in ("-c", "--command") and index + 1 < len(words):
            command = words[index + 1]
            index += 1
        elif text.startswith("--command="):
            command = words[index].part(len("--command="), text[len("--command=") :])
        elif text in _SWITCH_USER_VALUES or text in ("-u", "--user"):
            index += 1
        index += 1
    return (command, login) if command is not None else None


def _run_as_user_command(words: list[Word]) -> tuple[list[Word], bool] | None:
    """Of `runuser` given `words` (after its name), with no `-c`: the command `-u USER` has it run, the words
    after its options (and a `--`), and whether it logs in (`-`, `-l`, `--login`); None where it names no
    user by `-u` (`runuser ops`, an interactive shell), runs no command, or a word before the command is
    not stated."""
    user, login, index = False, False, 0
    while index < len(words):
        text = words[index].text
        if text is None:
            return None
        if text == "--":
            index += 1
            break
        if not text.startswith("-"):
            break
        if text in ("-", "-l", "--login"):
            login = True
        elif text in ("-u", "--user") or text.startswith("--user="):
            user = True
            index += 1 if text in ("-u", "--user") else 0
        elif text in _SWITCH_USER_VALUES:
            index += 1
        index += 1
    command = words[index:]
    return (command, login) if user and command else None


# The container engines whose `run` and `exec` start a command in a container (`_Walker._container`), the
# options before their command that take the next word as their value (the global ones too, before `run`),
# and those that give the command's environment.
_CONTAINER_VALUES = frozenset(
    {"-a", "-c", "-e", "-h", "-l", "-m", "-p", "-u", "-v", "-w", "-H", "--host", "--context", "--config"}
    | {"--log-level", "--attach", "--add-host", "--cap-add", "--cap-drop", "--cidfile", "--cpus", "--device"}
    | {"--dns", "--dns-search", "--dns-option", "--env", "--env-file", "--entrypoint", "--expose", "--gpus"}
    | {"--hostname", "--label", "--label-file", "--link", "--log-driver", "--log-opt", "--memory", "--mount"}
    | {"--name", "--network", "--net", "--network-alias", "--platform", "--publish", "--pull", "--restart"}
    | {"--runtime", "--security-opt", "--shm-size", "--stop-signal", "--stop-timeout", "--tmpfs", "--user"}
    | {"--ulimit", "--volume", "--volumes-from", "--workdir", "--ipc", "--pid", "--userns", "--ip", "--ip6"}
    | {"--detach-keys", "--cpu-shares", "--memory-swap", "--isolation", "--cgroupns", "--uts"}
)
_CONTAINER_ENV = frozenset({"-e", "--env"})


def _container_command(words: list[Word]) -> tuple[list[Word], list[Word]] | None:
    """Of `docker` (`podman`) given `words` (after its name): the words that give the command a container
    runs its environment (`-e SVC=web`, `--env=SVC`: `SVC=web`, `SVC`), and the command (past the image of
    `run`, the container of `exec`); None for another subcommand, a container that runs its image's own
    command, or a word before the command the script does not state."""
    index, subcommand, given = 0, "", []
    while index < len(words):
        text = words[index].text
        if text is None:
            return None
        option, equals, value = text.partition("=")
        if text.startswith("-") and option in _CONTAINER_VALUES and not equals:
            if option in _CONTAINER_ENV and index + 1 < len(words):
                given.append(words[index + 1])
            index += 2
            continue
        if text.startswith("-"):
            if option in _CONTAINER_ENV:
                given.append(words[index].part(len(option) + 1, value))
            elif text[:2] == "-e" and len(text) > 2:
                given.append(words[index].part(2, text[2:]))
            index += 1
            continue
        if subcommand in ("run", "exec"):
            return (given, words[index + 1 :]) if index + 1 < len(words) else None
        if text not in ("run", "exec", "container") or (subcommand and subcommand != "container"):
            return None
        subcommand = text
        index += 1
    return None


def _fed(words: list[Word], start: int, after: int) -> int:
    """How many words the script does not state `xargs` (its options `words[start:after]`) adds to the
    command after them: with a replacement string (`-I {}`), none, each word of the command that holds it
    made such a word in place; else one, for what it reads."""
    replaced = _replacement(words[start:after])
    if replaced is None:
        return 1
    for index in range(after, len(words)):
        word = words[index]
        if word.text is None or replaced in word.text:
            words[index] = Word(None, word.mark)
    return 0


def _replacement(options: list[Word]) -> str | None:
    """The replacement string `xargs` options give (`-I {}`, `-I{}`, `--replace=R`, `-i`), if any."""
    for index, word in enumerate(options):
        text = word.text or ""
        if text == "-I" and index + 1 < len(options):
            return options[index + 1].text
        if text in ("-i", "--replace"):
            return "{}"
        for option in ("-I", "-i", "--replace="):
            if text.startswith(option) and len(text) > len(option):
                return text[len(option) :]
    return None


def script_operands(words: list[Word]) -> list[Word]:
    """The script file a shell given `words` (after its name) runs and the words given it (its `$1`...),
    past the shell's options; none where it runs no file (`-c`, `-s`) or a file the script does not state."""
    index = 0
    while index < len(words) and (text := words[index].text) is not None and text[:1] in "-+" and text != "-":
        if text == "--":
            return words[index + 1 :]
        index += 2 if text in ("-o", "+o", "-O", "+O", "--rcfile", "--init-file") else 1
    return words[index:] if _shell_run(words) is None else []


# How much of a file its `#!` line is looked for in.
_SHEBANG_BYTES = 256
# The program each extension of a script file says runs it, where its `#!` line names none.
_RUN_BY_EXTENSION = {".sh": "sh", ".bash": "bash", ".ps1": "pwsh"}


def _relative_path(name: str | None) -> bool:
    """Whether a command's name is a path from the folder the script runs in (`./migrate.sh`,
    `scripts/create-vms.ps1`): a file it runs by its path."""
    return bool(name) and "/" in (name or "") and not (name or "").startswith(("/", "~"))


def _program_of(path: str, head: bytes) -> str:
    """The program that runs a script file started by its path: the one its `#!` line names
    (`#!/bin/bash`, `#!/usr/bin/env pwsh`), else the one its extension says (`_RUN_BY_EXTENSION`); "" for
    none."""
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace").strip() if head.startswith(b"#!") else ""
    words = first[2:].split()
    if words and posixpath.basename(words[0]) == "env":
        words = [w for w in words[1:] if not w.startswith("-")]
    if words:
        return posixpath.basename(words[0]).casefold()
    return _RUN_BY_EXTENSION.get(posixpath.splitext(path)[1].casefold(), "")


def program_of(path: str, data: bytes) -> str:
    """The program that runs a script file started by its path (see `_program_of`), from its text."""
    return _program_of(path, data[:_SHEBANG_BYTES])


def _powershell_file_operands(words: list[Word]) -> list[Word]:
    """The script file PowerShell's program given `words` (its name first) runs and the words given it, past
    its options: after `-File` (`-f`), or for `pwsh` its first operand; none where it runs a command
    (`-Command`, `-EncodedCommand`) or no file the script states."""
    index, pwsh = 1, words[0].text is not None and words[0].text.casefold().startswith("pwsh")
    while index < len(words) and (text := words[index].text) is not None and text.startswith("-"):
        option = text.casefold()
        if option in ("-file", "-f"):
            return words[index + 1 :]
        if option in ("-command", "-c", "-encodedcommand", "-e", "-ec", "-"):
            return []
        index += 2 if option in POWERSHELL_VALUES else 1
    return words[index:] if pwsh else []


def _powershell_command_words(words: list[Word]) -> list[Word]:
    """The words PowerShell's program given `words` (its name first) runs as a command: those after
    `-Command` (`-c`), or, for Windows PowerShell (`powershell`), after its options when it is given neither
    `-File` nor `-Command` (its default is a command; `pwsh`'s a file). None (an empty list) for a file, an
    encoded command or a command read from its standard input (`-Command -`)."""
    index, pwsh = 1, words[0].text is not None and words[0].text.casefold().startswith("pwsh")
    while index < len(words) and (text := words[index].text) is not None and text.startswith("-"):
        option = text.casefold()
        if option in ("-command", "-c"):
            rest = words[index + 1 :]
            return [] if rest and rest[0].text == "-" else rest
        if option in ("-file", "-f", "-encodedcommand", "-e", "-ec", "-"):
            return []
        index += 2 if option in POWERSHELL_VALUES else 1
    return [] if pwsh else words[index:]


# A PowerShell command a script runs inline: whether it is code that never runs, the branches it runs on
# (`model.MigrationStep.branches`), the file that writes it (a file the script runs, a task file a playbook
# includes), its text, where each character is written there, the spans of values filled in, and the folder
# it runs in from the script's ("" its own; None one the script does not state: see `_Walker.working`).
_PowerShellPiece = tuple[
    bool, tuple[tuple[str, int], ...], str, str, list[tuple[int, int]], list[tuple[int, int]], str | None, str
]
# A variable no PowerShell code assigns: the folder a piece runs in where the script does not state it.
_FOLDER_NOT_STATED = "${migcheck folder not stated}"


def _piece_location(folder: str | None) -> str:
    """The line that moves a piece of PowerShell to the folder it runs in, from the script's, as the
    PowerShell reader reads a move (`Set-Location "$PSScriptRoot/sub"`; to a folder not stated, one it
    cannot say)."""
    if folder is None or any(char in folder for char in '"`$\n'):  # one no double-quoted string holds as is
        return f"Set-Location {_FOLDER_NOT_STATED}\n"
    return f'Set-Location "$PSScriptRoot/{folder}"\n' if folder else 'Set-Location "$PSScriptRoot"\n'


def _joined_powershell(
    pieces: list[_PowerShellPiece], path: str
) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, str]]]:
    """PowerShell commands a script runs, in order, as one script: each under the branches it runs on, as
    PowerShell's own (`if ($env:MIGCHECK_CHOICE_1 -eq '0') { ... } elseif (... -eq '1') { ... }`, a test of a
    value the script does not state, whose arms never run together), one that never runs under `if
    ($false)`; the characters added shown where the command next to them starts. Also where the text goes on
    in another file than `path`, the script's (from that character on, that file). Each of several is a
    process of its own (`pwsh -Command`), which starts with no variable set: each starts with the line
    that says so to the PowerShell reader (`PROCESS_START`); in the folder the script runs it in,
    where the script moves at all (see `_piece_location`)."""
    apart = len(pieces) > 1
    moves = any(piece[6] != "" for piece in pieces)
    out = _PowerShellText()
    files: list[tuple[int, str]] = []
    written_in = path
    choices: dict[str, int] = {}
    open_: list[tuple[str, int]] = []  # the branches open, outermost first
    for never, branches, file, text, places, filled, folder, environment in pieces:
        if file != written_in:
            files.append((len(out.places), file))
            written_in = file
        route = (*branches, ("", 0)) if never else branches  # ("", 0): `if ($false)`
        first = places[0] if places else out.last
        shared = next((n for n, (a, b) in enumerate(zip(open_, route, strict=False)) if a != b), None)
        shared = min(len(open_), len(route)) if shared is None else shared
        while len(open_) > shared + 1:
            open_.pop()
            out.add("}\n", first)
        if (
            len(open_) == shared + 1
            and shared < len(route)
            and open_[-1][0] == route[shared][0]
            and route[shared][0]
        ):
            open_[-1] = route[shared]
            number = choices.setdefault(route[shared][0], len(choices) + 1)
            out.add(f"}} elseif ($env:MIGCHECK_CHOICE_{number} -eq '{route[shared][1]}') {{\n", first)
        elif len(open_) > shared:
            open_.pop()
            out.add("}\n", first)
        for choice, arm in route[len(open_) :]:
            open_.append((choice, arm))
            if not choice:
                out.add("if ($false) {\n", first)
                continue
            number = choices.setdefault(choice, len(choices) + 1)
            out.add(f"if ($env:MIGCHECK_CHOICE_{number} -eq '{arm}') {{\n", first)
        started = (PROCESS_START + "\n" if apart else "") + environment
        out.add(started + (_piece_location(folder) if moves else ""), first)
        out.filled += [(start + len(out.places), end + len(out.places)) for start, end in filled]
        out.add(text, first, places)
        out.add("\n", out.last)
    out.add("}\n" * len(open_), out.last)
    return "".join(out.parts), out.places, out.filled, files


class _PowerShellText:
    """A PowerShell script being built of pieces (joined once, at the end), with where each character is
    written."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.places: list[tuple[int, int]] = []  # one per character so far
        self.filled: list[tuple[int, int]] = []

    @property
    def last(self) -> tuple[int, int]:
        return self.places[-1] if self.places else (1, 1)

    def add(self, text: str, at: tuple[int, int], places: Sequence[tuple[int, int]] = ()) -> None:
        """`text`, each character where `places` says, past their end (or with none) at `at`."""
        self.parts.append(text)
        self.places += list(places[: len(text)]) + [places[-1] if places else at] * (len(text) - len(places))


def _written_in_place(words: list[Word]) -> tuple[str, list[tuple[int, int]]]:
    """The words joined by spaces, with where each character is written: a word's from its mark on, a line
    after its first at the column its first starts at (as the lines of an indented block of a CI file are);
    a space between two words where the first ends."""
    text, places = "", list[tuple[int, int]]()
    for word in words:
        if text:
            text += " "
            places.append(places[-1])
        start = word.text_mark
        line, column = start.line, start.column
        for char in word.text or "":
            places.append((line, column))
            line, column = (line + 1, start.column) if char == "\n" else (line, column + 1)
        text += word.text or ""
    return text, places


def _powershell_call_text(
    head: str, text: str, operands: list[Word], at: Mark
) -> tuple[str, list[tuple[int, int]]]:
    """A PowerShell script file's `text` as the body of a function `F` (that `head` opens) called with the
    words given it: each a parameter's name where it is one (`-VNet`), else a single-quoted string of its
    value, or a variable no line assigns where the script does not state it; with where each character is
    written (the file's own, the words' where the script writes them, the rest at `at`)."""
    places = [(at.line, at.column)] * len(head)
    places += [
        (line, column) for line, row in enumerate(text.split("\n"), 1) for column in range(1, len(row) + 2)
    ][: len(text)]
    call = ["\n}\nF"]
    places += [(at.line, at.column)] * len(call[0])
    for number, word in enumerate(operands[1:]):
        given = word.text
        if given is None:
            written = f" ${{unstated_argument_{number}}}"
        elif given.startswith("-") and given[1:].replace("_", "a").isalnum():
            written = f" {given}"
        else:
            written = " '" + given.replace("'", "''") + "'"
        call.append(written)
        places += [(word.mark.line, word.mark.column)] * len(written)
    call.append("\n")
    places.append((at.line, at.column))
    return head + text + "".join(call), places


def _shell_run(words: list[Word]) -> tuple[str, list[Word]] | None:
    """What a shell given `words` (after its name) runs: ("-c", [line, $0, $1...]) for the command line
    `-c` gives it, ("-s", [$1...]) for the script it reads from its input, None for a script file."""
    index, given = 0, ""
    while index < len(words):
        text = words[index].text
        if text is None:  # an operand: the command line, or a script file, the script does not state
            break
        if text == "--":
            index += 1
            break
        if text in ("-o", "+o", "-O", "+O", "--rcfile", "--init-file"):
            index += 2
        elif text[:1] in "-+" and len(text) > 1:
            given += text[1:] if text[0] == "-" and text[1] != "-" else ""
            index += 1
        else:
            break
    rest = words[index:]
    if "c" in given:
        return ("-c", rest) if rest else None
    return ("-s", rest) if "s" in given or not rest else None


# The redirections that write a file.
_WRITES = frozenset({">", ">>", "&>", "&>>", ">|"})
# Options of `cp`, `mv`, `install`, `ln` that take the next word as their value.
_COPY_VALUES = frozenset({"-t", "-m", "-o", "-g", "-S", "--target-directory", "--mode", "--suffix"})


def _operands(words: list[Word], takes_value: frozenset[str]) -> tuple[list[Word], dict[str, Word]]:
    """A command's operands, and the values of its options that take one (`-t dir`, `--mode=644`)."""
    operands: list[Word] = []
    values: dict[str, Word] = {}
    index = 0
    while index < len(words):
        word, text = words[index], words[index].text
        index += 1
        if text is None or not text.startswith("-") or text == "-":
            operands.append(word)
        elif text == "--":
            operands.extend(words[index:])
            break
        elif "=" in text and text.startswith("--"):
            option, _, value = text.partition("=")
            values[option] = word.part(len(option) + 1, value)
        elif text in takes_value and index < len(words):
            values[text] = words[index]
            index += 1
    return operands, values


_Placed = list[tuple[Word, list[Word]]]  # each file put in place, with the files it may be named after


def _positional_words(written: Iterable[str]) -> int | None:
    """Of `set`'s words as written, the index of the first that sets the positional parameters: the one
    after `--` or `-` (none after them: `set --` empties them), else the first that is no option; None for
    a `set` that gives none (`set -euo pipefail`: `-o` takes the word after it)."""
    taking_name = False
    for index, word in enumerate(written):
        if taking_name:
            taking_name = False
        elif word in ("--", "-"):
            return index + 1
        elif word.startswith(("-", "+")) and len(word) > 1:
            taking_name = "o" in word[1:]
        else:
            return index
    return None


def _in_account(read: Iterable[object], account: str) -> list[object]:
    """What a capture request's body describes, its image in the storage account `account` (the captured
    VM's OS disk's) where the body states none: the platform copies the VM's disks there."""
    if not account:
        return list(read)
    return [
        replace(r, account=account) if isinstance(r, Image) and not r.storage_account else r for r in read
    ]


def _url_text(word: Word) -> str | None:
    """A word's text as `automation` reads a URL or path: `automation.HOLE` for each piece the script does
    not state; None for a word it states nothing of."""
    if word.text is not None:
        return word.text
    return word.shape.replace(_HOLE, automation.HOLE) if word.shape is not None else None


def undecided_request_tag(sent: shell_requests.Request, names_the_api: bool) -> str | None:
    """The tag of a request to a URL the script does not state (`curl -X POST "$URL" ...`) that may be one to
    the Service Management API, with the one cause that makes it so (`model.request_url_undecided`): it
    authenticates with a (management) certificate in a script that names the API (`names_the_api`, see
    `automation.names_the_api`), the words that hold its URL name the API (`$MGMT_URL`), or it sends a
    classic REST body from a file checked with the script. None for a request to a page (`curl -s
    "$PAGE"`), to a URL whose host it states (one of Resource Manager's), or whose stated path is none the
    API has (`"$VAULT/v1/auth/cert/login"`, `automation.may_be_api_path`)."""
    unstated = [word for word in sent.urls if word.text is None and _may_be_api_url(_url_text(word) or "")]
    if not unstated:
        return None
    if sent.certificate is not None and names_the_api:
        return request_url_undecided(SENDS_CERTIFICATE, _certificate_named(sent.certificate))
    holder = _api_holder(unstated)
    if holder is not None:
        return request_url_undecided(URL_NAMES_THE_API, holder)
    stated = sent.body_file.text if sent.body_file is not None else None
    body = beside.settings_file(stated) if stated else None
    if body is None or _CLASSIC_REST_NAMESPACE not in body.data:
        return None
    return request_url_undecided(SENDS_CLASSIC_BODY, stated or "")


def _certificate_named(word: Word) -> str:
    """The certificate file a request names as the script writes it (`mgmt.pem`, `$CERT`), without the
    password curl takes after a colon (`-E mgmt.pem:secret`), which no report repeats."""
    if word.text is not None:
        return word.text.partition(":")[0]
    return word.holder or (word.shape or "").replace(HOLE, "...")


def _may_be_api_url(url: str) -> bool:
    """Whether a URL the script states in part may be the API's: its host is not stated, nor a path the API has
    not."""
    return not automation.states_host(url) and automation.may_be_api_path(url)


# The namespace of the Service Management API's REST bodies (`<CreateHostedService xmlns=...>`).
_CLASSIC_REST_NAMESPACE = b"http://schemas.microsoft.com/windowsazure"
# Words in what holds a URL that name the Service Management API (`$MGMT_URL`, `${MANAGEMENT_ENDPOINT}`).
_API_WORDS = ("management", "mgmt")


def _api_holder(words: list[Word]) -> str | None:
    """What holds a URL among `words` that names the API (`$MGMT_URL`, also where it was assigned a value the
    script does not state, `MGMT_URL=$2`), None where none does."""
    holders = (part for word in words for part in (*word.names, *word.holes, word.holder, word.shape) if part)
    return next((holder for holder in holders if any(api in holder.casefold() for api in _API_WORDS)), None)


# The characters of a variable's name, after its first (`$vnet_2`).
_NAME_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"


def _split_off(node: Node | None) -> Node | None:
    """The part of an unquoted word the grammar splits off after a `$` (tree-sitter-bash reads
    `$ENDPOINT/$SUB/services` as the word `$ENDPOINT/$` and another, `SUB/services`, where bash reads one
    word, `$SUB` expanded in it; `URL=$ENDPOINT/$SUB/services` as an assignment to a command named
    `SUB/services`; `$DIR/$BIN/azure vm` as a command named `$DIR/$` given `BIN/azure`): the node written
    right after `node` (`_written_after`) with no blank between when `node` is such a word ending in a bare
    `$` and that node starts with a name (`SUB`) or a digit (`$1`); else None. A command argument, a command's
    name, an assignment's value, a redirection's file, an item of a `for` list or of an array, an operand of
    `unset` or of a declaration: wherever bash reads a word outside `[[ ]]`, `case` and quotes, which the
    grammar reads whole."""
    if node is None or node.type != "concatenation" or node.child_count == 0:
        return None
    last, following = node.children[-1], _written_after(node)
    if last.type != "$" or last.is_named or following is None or following.start_byte != node.end_byte:
        return None
    first = (following.text or b"")[:1].decode("latin-1")
    return following if first and first in _NAME_CHARACTERS else None


# The nodes a word the grammar splits (`_split_off`) may end, its rest written after them.
_WORD_HOLDERS = ("command_name", "variable_assignment", "herestring_redirect")


def _past_redirections(statement: Node) -> list[Node]:
    """The words written after the file of a redirection of a redirected statement (`curl -E c.pem > out.log
    $URL`): bash's arguments of the command it redirects, which the grammar reads as more files of the
    redirection."""
    redirects = (r for r in statement.children_by_field_name("redirect") if r.type == "file_redirect")
    return [word for r in redirects for word in r.children_by_field_name("destination")[1:]]


def _written_after(node: Node) -> Node | None:
    """The node written after `node` in its statement: the next beside it, or beside the command's name or
    the assignment `node` ends (`URL=$ENDPOINT/$` then the command name `SUB/x`)."""
    while node.next_sibling is None and node.parent is not None and node.parent.type in _WORD_HOLDERS:
        node = node.parent
    return node.next_sibling


@dataclass(frozen=True, slots=True)
class _Splits:
    """The words the grammar splits after a `$` in one tree (`_split_off`), found in one walk of it: the
    rest of each word split, by the word's place (`_node_key`), and the places of the rests."""

    rests: dict[tuple[int, int, str], Node]
    split: frozenset[tuple[int, int, str]]


def _node_key(node: Node) -> tuple[int, int, str]:
    """A node by its place and kind: nodes are made anew each time they are asked for."""
    return node.start_byte, node.end_byte, node.type


def _splits_of(root: Node, source: bytes) -> _Splits:
    """The words split in the tree at `root` of `source`: each node walked once, with the node written
    after it (`_written_after`) handed down from its parent, so none is looked up from the root."""
    rests: dict[tuple[int, int, str], Node] = {}
    stack: list[tuple[Node, Node | None]] = [(root, None)]
    while stack:
        node, after = stack.pop()
        if after is not None and node.type == "concatenation" and _ends_in_a_split(node, after, source):
            rests[_node_key(node)] = after
        children = node.children
        last = after if node.type in _WORD_HOLDERS else None
        stack.extend(
            (child, children[at + 1] if at + 1 < len(children) else last) for at, child in enumerate(children)
        )
    return _Splits(rests, frozenset(_node_key(rest) for rest in rests.values()))


def _ends_in_a_split(node: Node, following: Node, source: bytes) -> bool:
    """Whether the word `node` ends in a bare `$` right before `following`, which starts with a name or a
    digit: the grammar's split of one word (`_split_off`)."""
    if not node.child_count or following.start_byte != node.end_byte:
        return False
    last = node.children[-1]
    first = source[following.start_byte : following.start_byte + 1].decode("latin-1")
    return last.type == "$" and not last.is_named and bool(first) and first in _NAME_CHARACTERS


def _after(value: _Value, cut: int, mark: Mark) -> _Value:
    """A value without its first `cut` characters (a word's rest past a variable's name, `B=2` past `B=`),
    written at `mark`."""
    if value.text is not None:
        return _Value(value.text[cut:], mark)
    if value.shape is not None:
        return replace(value, shape=value.shape[cut:])
    return value


def _management_url(word: Word) -> tuple[str, str] | None:
    """(host, path) of a word that is a URL on the Service Management API's host (`automation.management_url`),
    also in a cloud the script does not say (`https://management.core.` then a piece it does not state, then a
    path the API has: `_api_host_of_each`)."""
    text = _url_text(word)
    if text is None:
        return None
    return automation.management_url(text) or automation.management_url_in_a_cloud(text)


def _copied(words: list[Word]) -> _Placed:
    """`cp a b`, `mv a dir/`, `install -m 644 a b`, `ln -s a b`, `cp -t dir a b`: the destination (a folder,
    maybe, whose files are named as their sources)."""
    operands, values = _operands(words, _COPY_VALUES)
    folder = values.get("-t") or values.get("--target-directory")
    if folder is not None:
        return [(folder, operands)]
    return [(operands[-1], operands[:-1])] if operands else []


def _teed(words: list[Word]) -> _Placed:
    """`tee [-a] f g`: each file it writes."""
    return [(file, []) for file in _operands(words, frozenset())[0]]


def _edited(words: list[Word]) -> _Placed:
    """`sed -i 's/a/b/' f`: with `-i` (`--in-place`, `-i.bak`), each file it edits, after its script
    unless `-e`/`-f` gives that."""
    texts = [w.text or "" for w in words]
    if not any(t.startswith("--in-place") or (t.startswith("-i") and not t.startswith("--")) for t in texts):
        return []
    operands, values = _operands(words, frozenset({"-e", "-f", "--expression", "--file"}))
    return [(file, []) for file in (operands if values else operands[1:])]


def _wget(words: list[Word]) -> _Placed:
    """`wget -O f url` (`-qO f`, `--output-document=f`): the file named; `wget url`: the file the address
    ends with; `-O -` writes none."""
    named = _output(words, "O", "--output-document")
    if named is not None:
        return [] if named.text == "-" else [(named, [])]
    return _saved_as_addressed(words)


def _curl(words: list[Word]) -> _Placed:
    """`curl -o f url` (`-sSLo f`, `--output f`): the file named; `curl -O url` (`--remote-name`): the file
    the address ends with; else none (curl writes to its output)."""
    named = _output(words, "o", "--output")
    if named is not None:
        return [(named, [])]
    texts = [w.text or "" for w in words]
    remote = any(
        t.startswith("--remote-name") or (t[:1] == "-" and t[1:2] != "-" and "O" in t) for t in texts
    )
    return _saved_as_addressed(words) if remote else []


def _output(words: list[Word], letter: str, long: str) -> Word | None:
    """The file a download's option names: `-o f`, `-sSLo f`, `-of`, `--output f`, `--output=f`."""
    for index, word in enumerate(words):
        text = word.text or ""
        following = words[index + 1] if index + 1 < len(words) else None
        if text == long:
            return following
        if text.startswith(long + "="):
            return word.part(len(long) + 1, text[len(long) + 1 :])
        if text[:1] == "-" and text[1:2] != "-" and letter in text:
            at = text.index(letter)
            return following if at == len(text) - 1 else word.part(at + 1, text[at + 1 :])
    return None


def _saved_as_addressed(words: list[Word]) -> _Placed:
    """The files a download saves under the names its addresses end with (one it does not state: any)."""
    return [(Word(_url_leaf(w.text), w.mark), []) for w in words if w.text is None or "://" in w.text]


def _url_leaf(url: str | None) -> str | None:
    """The file name an address ends with (`https://x/y/NetworkConfig.netcfg?sv=...`), as a download
    names the file it saves."""
    if url is None:
        return None
    return url.partition("?")[0].partition("#")[0].rstrip("/").rpartition("/")[2]


# Commands known to leave files alone: they read files, print, test or wait, and write none but through a
# redirection (read on its own). Any other command may write each file it names.
_LEAVES_FILES = frozenset(
    {"echo", "printf", "cat", "test", "[", "[[", "grep", "egrep", "fgrep", "ls", "read", "exit", "return"}
    | {"true", "false", ":", "sleep", "set", "unset", "trap", "wait", "mkdir", "pwd", "date", "head", "tail"}
    | {"wc", "diff", "cmp", "stat", "file", "basename", "dirname", "realpath", "readlink", "md5sum", "which"}
    | {"sha256sum", "jq", "xmllint", "printenv", "whoami", "hostname", "logger", "type", "seq", "expr", "let"}
)
# What `git` does that leaves the files of the working tree alone.
_GIT_READS = frozenset(
    {"show", "diff", "log", "status", "rev-parse", "ls-files", "describe", "grep", "blame"}
)
# The `azure` commands that write files: `storage blob download`, `storage file download`, `network export`.
_AZURE_WRITES = frozenset({"download", "export"})
# The paths `dirname` gives the script's own folder of.
_SCRIPT_PATHS = frozenset({"$0", "${0}", "$BASH_SOURCE", "${BASH_SOURCE}", "${BASH_SOURCE[0]}"})
# The names archives and compressed files end with: unpacked, any file they hold.
_ARCHIVES = (".zip", ".tar", ".tgz", ".gz", ".bz2", ".tbz2", ".xz", ".txz", ".zst", ".7z", ".rar", ".cab")


def _leaves_files_alone(command: list[str | None]) -> bool:
    """Whether a command (its name, and the word after it) is known to write no file it names."""
    name = posixpath.basename(command[0] or "")
    if name == "git" and len(command) > 1:
        return command[1] in _GIT_READS
    return name in _LEAVES_FILES


def _holds(folder: str, path: str) -> bool:
    """Whether a file at `path` is in `folder` or a folder of it (`folder` may be a glob)."""
    path = posixpath.normpath(path)
    if folder == ".":
        return not path.startswith("/")
    return fnmatch.fnmatchcase(path, folder + "/*")


def _named_paths(text: str) -> list[str]:
    """The paths a command's word may name: the word, and what follows an `=` (`of=f`, `--output=f`) or
    the `:` of a remote copy (`host:/etc/f`)."""
    if text.startswith("-") and "=" not in text:
        return []
    named = [text]
    for separator in ("=", ":"):
        if separator in text:
            named.append(text.rpartition(separator)[2])
    return named


# Commands that put a file in place by a means whose content the reader does not follow.
_PLACES = {
    "cp": _copied,
    "mv": _copied,
    "install": _copied,
    "ln": _copied,
    "tee": _teed,
    "sed": _edited,
    "wget": _wget,
    "curl": _curl,
}


def _array(items: dict[str, Word], associative: bool, mark: Mark | None) -> _Value:
    """An array the script states: indexed items in the order of their indexes, as bash lists them."""
    ordered = list(items.items()) if associative else sorted(items.items(), key=lambda item: int(item[0]))
    first = items.get("0")
    text = "" if first is None else first.text
    holder = None if first is None else first.holder
    return _Value(text, mark, items=tuple(ordered), associative=associative, holder=holder)


# GNU parallel's options that take the next word as their value (`-j 4`; `-j4` is one word).
_PARALLEL_TAKES_VALUE = frozenset(
    {"-j", "-P", "--jobs", "--max-procs", "-S", "--sshlogin", "--slf", "--sshloginfile", "-a", "--arg-file"}
    | {"--joblog", "--delay", "--timeout", "--retries", "-N", "-n", "--max-args", "-L", "--max-lines"}
    | {"-C", "--colsep", "-I", "--tmpdir", "--results", "--env", "--halt", "--tagstring", "--wd"}
    | {"--workdir", "-d", "--delimiter", "-E", "--memfree", "--load", "--nice", "--block", "--header"}
)
# The separators of GNU parallel's input sources: the words after `:::` are inputs, after `::::` files
# of inputs; `:::+` and `::::+` link their source to the one before.
_PARALLEL_SOURCES = frozenset({":::", "::::", ":::+", "::::+"})


def _parallel_parts(words: list[Word]) -> tuple[list[Word], list[list[Word]] | None]:
    """The command GNU parallel's words (past `parallel`) run, and its input lists in order; None for the
    lists where it reads inputs the script does not state (files of them, its standard input)."""
    index = 0
    while index < len(words) and (words[index].text or "").startswith("-"):
        if words[index].text in _PARALLEL_SOURCES:
            break
        index += 2 if words[index].text in _PARALLEL_TAKES_VALUE else 1
    end = next((i for i in range(index, len(words)) if words[i].text in _PARALLEL_SOURCES), len(words))
    command = words[index:end]
    lists: list[list[Word]] = []
    for word in words[end:]:
        if word.text in _PARALLEL_SOURCES:
            if word.text.startswith("::::"):
                return command, None
            lists.append([])
        else:
            lists[-1].append(word)
    return command, lists or None


def _parallel_input(items: list[Word], number: int, at: Mark) -> tuple[str | None, Mark | None]:
    """What holds each input of GNU parallel's list `items`, not stated, and where it is written: what holds
    a list of one such value alone (`::: ${vm_names[@]}`), so that two commands given it name one resource;
    else the list, of the `parallel` at `at`."""
    if len(items) == 1 and items[0].text is None and items[0].holder is not None:
        return items[0].holder, items[0].mark
    return f"parallel input {number + 1}@{at.line}:{at.column}", at


def _linked(words: list[Word]) -> bool:
    """Whether GNU parallel takes its input lists' items side by side (`--xapply`, `--link`, `:::+`)."""
    return any(w.text in ("--xapply", "--link", ":::+") for w in words)


def _parallel_inputs(lists: list[list[Word]], linked: bool) -> list[list[str]] | None:
    """The inputs of each run GNU parallel makes of stated input lists: each combination of their items,
    or, linked, their items side by side (a shorter list used again from its start, as parallel does);
    None past `_LOOP_ITEMS` runs."""
    sizes = [len(items) for items in lists]
    if not all(sizes):
        return []
    count = max(sizes) if linked else functools.reduce(lambda a, b: a * b, sizes, 1)
    if count > _LOOP_ITEMS:
        return None
    if linked:
        return [[items[n % len(items)].text or "" for items in lists] for n in range(count)]
    return [[w.text or "" for w in combination] for combination in itertools.product(*lists)]


def _replaced_inputs(line: str, inputs: list[str]) -> str:
    """A command line GNU parallel runs with `inputs` (each as it goes into the line): `{}` all of them,
    space-separated, `{1}` the first...; any other replacement string (`{.}`, `{/}`) the first input; the
    inputs after the line where it holds none."""
    pieces: list[str] = []
    start, replaced = 0, False
    while (opening := line.find("{", start)) != -1:
        closing = line.find("}", opening, opening + 6)  # `{12/.}` at most: linear whatever the line
        inside = line[opening + 1 : closing] if closing != -1 else "-"
        if closing == -1 or len(inside) > 4 or not all(c.isdigit() or c in "./#%" for c in inside):
            pieces.append(line[start : opening + 1])
            start = opening + 1
            continue
        number = "".join(c for c in inside if c.isdigit())
        index = int(number) - 1 if number else -1
        chosen = " ".join(inputs) if not inside else inputs[index] if 0 <= index < len(inputs) else inputs[0]
        pieces += [line[start:opening], chosen]
        start, replaced = closing + 1, True
    pieces.append(line[start:])
    return "".join(pieces) if replaced else " ".join([line, *inputs])


def _quoted_input(text: str) -> str:
    """An input as GNU parallel puts it into the command line: quoted for the shell, unless it is plain."""
    if text and all(c.isalnum() or c in "-_.,/:@=+" for c in text):
        return text
    return "'" + text.replace("'", "'\\''") + "'"


def _split_value(value: _Value, mark: Mark) -> list[Word]:
    """The words bash splits an unquoted value into, on blanks: each piece of a value the script does not
    state that is one of the values it holds alone that value (by what holds it), one with stated text
    around such values a word of that shape, and the rest stated."""
    unstated = list(value.unstated())
    words: list[Word] = []
    for piece in value.template.split():
        count = piece.count(_HOLE)
        held, unstated = unstated[:count], unstated[count:]
        if not count:
            words.append(Word(piece, mark))
        elif piece == _HOLE:
            holder, at = held[0] if held else (None, None)
            words.append(Word(None, at or mark, holder=holder))
        else:
            words.append(Word(None, mark, shape=piece, holes=tuple(holder for holder, _ in held)))
    return words


def _split(item: Word) -> list[Word]:
    """The words an array's item makes unquoted: its text split on white space; one the script does not
    state, one word of its own, as an unquoted `$x` is read."""
    if item.text is None:
        return [item]
    return [Word(part, item.mark) for part in item.text.split()]


def _index(key: str | None, associative: bool) -> str | None:
    """A key as an array holds it: any text of an associative array's; a number, written as bash writes
    it, of an indexed array's (what else bash reads as arithmetic is not followed)."""
    if key is None or associative:
        return key
    return key if key.isdigit() and key == str(int(key)) else None


def _joined(paths: list[dict[str, _Value]]) -> dict[str, _Value]:
    """The variables after branches: a value every branch leaves alike, else unknown, or the API's host
    where each branch that sets it sets one (`_api_host_of_each`); the script's own folder only where every
    branch leaves that."""
    joined: dict[str, _Value] = {}
    for name in {name for path in paths for name in path}:
        values = [path.get(name) for path in paths]
        if None in values and all(v is None or _proven_only(name, v) for v in values):
            continue  # not set on some path, only tested on the others: as before the test (the session's)
        first = values[0]
        same = first is not None and all(
            v is not None and (v.text, v.items) == (first.text, first.items) for v in values
        )
        kept = first if same and first is not None else _api_host_of_each(name, values) or _UNSTATED
        if kept.tested and not all(v is not None and v.tested for v in values):
            # A test proved it on some paths only: it decides no later test.
            kept = replace(kept, tested=False)
        # Empty where any path may leave it empty (a `-z` test's other branch never does, see `_narrowed`).
        empty = any(v is not None and v.maybe_empty for v in values)
        unset = any(v is None or v.maybe_unset for v in values)
        if kept.text is None and (empty, unset) != (kept.maybe_empty, kept.maybe_unset):
            kept = replace(kept, maybe_empty=empty, maybe_unset=unset)
        place = (kept.folder, kept.above, kept.within)
        if kept.folder and any(v is None or (v.folder, v.above, v.within) != place for v in values):
            kept = replace(kept, folder="", above=0, within="")
        joined[name] = kept
    return joined


# The Service Management API's host in a cloud the script does not say (`_api_host_of_each`).
_API_HOST_IN_A_CLOUD = f"https://management.core.{_HOLE}"


def _api_host_of_each(name: str, values: list[_Value | None]) -> _Value | None:
    """The value of `name` after branches of which two or more set it, each to a host of the Service Management
    API, in one cloud or another (`if [ $MOONCAKE -eq 1 ]; then ENDPOINT="https://management.core.chinacloudapi.cn";
    elif ...; then ENDPOINT="https://management.core.windows.net"; fi`): that host where they agree, else the
    API's host in a cloud not stated, so that a request to `$ENDPOINT/...` is one to the API whichever
    branch runs. None where any branch sets it to anything else."""
    hosts = [value for value in values if value is not None]
    texts = {value.text.rstrip("/").casefold() for value in hosts if value.text is not None}
    if len(hosts) < 2 or any(value.text is None for value in hosts):
        return None
    if not all(automation.management_host(text) for text in texts):
        return None
    if len(texts) == 1:
        return hosts[0]
    return _Value(None, hosts[0].mark, shape=_API_HOST_IN_A_CLOUD, holes=(f"${name}",), names=(f"${name}",))


def _script_folder_expansion(node: Node, source: bytes) -> bool:
    """Whether an expansion is the script's path with its last part cut off: `${BASH_SOURCE%/*}`,
    `${BASH_SOURCE[0]%/*}`, `${0%/*}`. (Run by a name with no folder in it, that gives the name itself,
    and the file it names in that folder is not found: the script takes its settings only when run so.)"""
    parts = node.named_children
    operator = [c.type for c in node.children if not c.is_named and c.type not in ("${", "}")]
    if len(parts) != 2 or operator != ["%"] or parts[1].type != "regex":
        return False
    pattern = source[parts[1].start_byte : parts[1].end_byte]
    written = "${" + source[parts[0].start_byte : parts[0].end_byte].decode("utf-8", "replace") + "}"
    return pattern == b"/*" and written in _SCRIPT_PATHS


def _dropped_backslashes(written: str) -> list[int]:
    """The offsets in the text a double-quoted word gives (`_unescaped`) before which the shell dropped a
    backslash of `written`, once for each character dropped (twice for a backslash and the newline it
    joins), in order."""
    dropped: list[int] = []
    index = kept = 0
    while index < len(written):
        if written[index] == "\\" and index + 1 < len(written) and written[index + 1] in '$`"\\\n':
            joins = written[index + 1] == "\n"
            dropped += [kept, kept] if joins else [kept]
            index += 2
            kept += 0 if joins else 1
            continue
        index += 1
        kept += 1
    return dropped


def _byte_offsets(written: str) -> Callable[[int], int]:
    """The byte offset in UTF-8 of each character offset of `written`."""
    if written.isascii():
        return lambda offset: offset
    starts = list(itertools.accumulate((len(char.encode("utf-8")) for char in written), initial=0))
    return lambda offset: starts[min(offset, len(written))]


def _placed_parts(parts: list[_Value], mark: Mark) -> Callable[[int], Mark]:
    """Where each character of a word joined from stated `parts` is written, `mark` where the word starts:
    where the part says each (`_Value.placed`), else a part's first at the part (a quoted one's opening quote:
    `--vnet="app-vnet"` shows `"app-vnet"`) and the others, in a part written as it reads, at their own column."""
    written = [part for part in parts if part.text] or parts
    starts = list(itertools.accumulate((len(part.text or "") for part in written[:-1]), initial=0))

    def placed(offset: int) -> Mark:
        index = max(bisect.bisect_right(starts, offset) - 1, 0)
        part, inner = written[index], offset - starts[index]
        # where the part says, but a quoted part's first character at its opening quote, as below: a REST
        # body's characters, its first one too (`--data='<Deployment'`)
        if part.placed is not None and (inner or "<" in (part.text or "")):
            return part.placed(inner)
        if inner == 0 or part.mark is None:
            return part.mark or mark
        text_at = part.text_mark or mark
        return replace(text_at, column=text_at.column + inner) if part.exact else part.mark

    return placed


def _placed_last(parts: list[_Value]) -> Callable[[int], Mark] | None:
    """Where each character of a word joined from `parts` is written, where its last part says
    (`--data='<Deployment ...>'`): the others' characters at its first."""
    placed = parts[-1].placed if parts else None
    if placed is None:
        return None
    before = sum(len(part.text or "") for part in parts[:-1])
    return lambda offset: placed(max(offset - before, 0))


def _bare_parameters(written: bytes) -> str:
    """The text of an expanded here-document between the expansions the grammar reads, each positional or
    special parameter in it (`$1`, `$@`, `$#`), which bash expands and the grammar leaves as text, a value
    the script does not state (`_HOLE`); a backslash before a `$` keeps it."""
    text = written.decode("utf-8", "replace")
    out: list[str] = []
    index = 0
    while index < len(text):
        pair = text[index : index + 2]
        if pair[:1] == "\\":
            out.append(pair)
        elif pair[:1] == "$" and len(pair) == 2 and (pair[1].isdigit() or pair[1] in "@*#?$!-"):
            out.append(_HOLE)
        else:
            out.append(pair[:1])
            index += 1
            continue
        index += 2
    return "".join(out)


def _unescaped(written: str, quoted: bool = False) -> str:
    """A word's text as the shell passes it: a backslash keeps the character after it (in double quotes
    only before `$`, `` ` ``, `"`, `\\` and a newline), and a backslash before a newline joins the lines."""
    out: list[str] = []
    index = 0
    while index < len(written):
        char = written[index]
        if char == "\\" and index + 1 < len(written):
            following = written[index + 1]
            if following == "\n":
                index += 2
                continue
            if not quoted or following in '$`"\\':
                out.append(following)
                index += 2
                continue
        out.append(char)
        index += 1
    return "".join(out)


# What bash's ANSI-C quoting (`$'...'`) makes of a backslash and the letter after it.
_ANSI_C_LETTERS = {
    "a": "\a", "b": "\b", "e": "\x1b", "E": "\x1b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
    "v": "\v", "\\": "\\", "'": "'", '"': '"', "?": "?",
}  # fmt: skip
# Of each escape that gives a character by its number: the digits it reads, at most how many, their base.
_ANSI_C_NUMBERS = {"x": ("0123456789abcdefABCDEF", 2, 16), "u": ("0123456789abcdefABCDEF", 4, 16)}
_ANSI_C_NUMBERS["U"] = (_ANSI_C_NUMBERS["u"][0], 8, 16)


def _ansi_c_text(written: str) -> str:
    """The text of a `$'...'` word's inside as bash reads it: `\\n`, `\\t`, `\\'`, `\\\\`, `\\x41`,
    `\\u00e9`, `\\101` (octal), `\\cA` (a control character); a backslash before anything else kept, as
    bash keeps it. A character NUL ends the text, as it ends the argument bash passes."""
    out: list[str] = []
    index = 0
    while index < len(written):
        char, following = written[index], written[index + 1 : index + 2]
        index += 1
        if char != "\\" or not following:
            out.append(char)
            continue
        index += 1
        if following in _ANSI_C_LETTERS:
            out.append(_ANSI_C_LETTERS[following])
        elif following == "c" and index < len(written):
            out.append(chr(ord(written[index]) & 0x1F))
            index += 1
        elif following in _ANSI_C_NUMBERS or following in "01234567":
            digits, most, base = _ANSI_C_NUMBERS.get(following, ("01234567", 3, 8))
            start = index - (following not in _ANSI_C_NUMBERS)
            end = start
            while end < len(written) and end - start < most and written[end] in digits:
                end += 1
            if end == start:  # `\x` with no digit: bash keeps it as written
                out.append("\\" + following)
                continue
            number = int(written[start:end], base)
            out.append(chr(number) if number < 0xD800 or 0xDFFF < number <= 0x10FFFF else "\ufffd")
            index = end
        else:
            out.append("\\" + following)
    return "".join(out).split("\0", 1)[0]


def _suppressions(comments: list[tuple[Node, str]], root: Node, where: _Positions) -> Iterator[Suppression]:
    """`# migcheck: ignore[...] reason` on a line of its own covers the command after it, every line of it
    (continuation lines too); at the end of a line, the command on that line; `ignore-file` anywhere covers
    the file. One that no command follows in its block (at the end of the script, or before the `}`, `fi`,
    `done`, `esac`, `;;` or `else` that closes the block first) applies to nothing; but one just before an
    `else` or `elif` and not indented deeper than it covers that branch, as a reader takes it."""
    from migcheck.readers.suppressions import directive

    spans = _CommandSpans(root, where) if comments else None
    block_ends = grammars.BlockEnds(_BLOCK_CLOSERS)
    for comment, body in comments:
        found = directive(body)
        if found is None or spans is None:
            continue
        kind, codes, reason = found
        mark = where.mark(comment)
        if kind == "ignore-file":
            yield Suppression(codes, reason, 0, 0, mark)
            continue
        line_start = comment.start_byte - comment.start_point[1]
        alone = not where.source[line_start : comment.start_byte].strip()
        span: tuple[int, int] | None
        if not alone:
            span = spans.around(mark.line)
        else:
            span = _branch_of(block_ends.token_after(comment), comment, where)
            if span is None and not block_ends.ends_block(comment):
                span = spans.after(mark.line)
        if span is None:  # no command follows it in its block: kept, so that the filter reports it
            yield Suppression.nowhere(codes, reason, mark)
        else:
            yield Suppression(codes, reason, span[0], span[1], mark)


# The tokens that close a block (or a branch of one): a comment just before one is the last thing of its block.
_BLOCK_CLOSERS = frozenset({"}", ")", "fi", "done", "esac", ";;", ";&", ";;&", "else", "elif"})


# The branches after the first of an `if`, by the keyword that opens each.
_BRANCHES = {"else": "else_clause", "elif": "elif_clause"}


def _branch_of(keyword: Node | None, comment: Node, where: _Positions) -> tuple[int, int] | None:
    """The first and last line of the branch `keyword` opens, when `comment` just before it is not indented
    deeper than it: at the `else`'s indentation a comment reads as the branch's, deeper as the last thing
    of the block before, which the `else` closes. None when `keyword` opens no branch."""
    if keyword is None or keyword.parent is None or _BRANCHES.get(keyword.type) != keyword.parent.type:
        return None
    if comment.start_point[1] > keyword.start_point[1]:
        return None
    branch = keyword.parent
    first, last = where.lines(branch)
    return first, last - 1 if branch.end_point[1] == 0 and last > first else last


class _CommandSpans:
    """The first and last line of each command, looked up by bisection: what a comment covers costs the
    logarithm of the number of commands, not that number."""

    def __init__(self, root: Node, where: _Positions) -> None:
        self.spans = sorted(_command_spans(root, where))
        self.starts = [first for first, _ in self.spans]
        # The largest last line of the spans up to each: the first span that reaches a line is the first
        # whose running largest last line does.
        self.reach = list(itertools.accumulate((last for _, last in self.spans), max))

    def after(self, line: int) -> tuple[int, int] | None:
        """The first command that starts after `line`, or None."""
        at = bisect.bisect_right(self.starts, line)
        return self.spans[at] if at < len(self.spans) else None

    def around(self, line: int) -> tuple[int, int]:
        """The first command (by where it starts, then ends) whose lines hold `line`; else `line` alone."""
        at = bisect.bisect_left(self.reach, line)
        if at < len(self.spans) and self.spans[at][0] <= line:
            return self.spans[at]
        return line, line


def _command_spans(node: Node, where: _Positions) -> Iterator[tuple[int, int]]:
    """The first and last line of each command, 1-based; a statement that only sets variables (`SUBNETS=a,b`,
    `export VNET=hub`) is one too, as findings about the values it sets point at it (and the commands a
    `$( )` in its value runs are still commands of their own)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "command":
            yield where.lines(current)
            continue
        if current.type in _SETTING_STATEMENTS:
            yield where.lines(current)
        stack.extend(current.named_children)


# The statements that set variables without running a command: `A=1`, `A=1 B=2`, `export A=1`.
_SETTING_STATEMENTS = frozenset({"variable_assignment", "variable_assignments", "declaration_command"})


def _directive_comments(node: Node, where: _Positions) -> list[tuple[Node, str]]:
    """The comments that start like a directive, in the order they are written, each with its text
    after its `#`s."""
    found = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "comment":
            written = where.source[current.start_byte : current.end_byte]
            body = (
                line_comment_text(written.decode("utf-8", "replace"))
                if b"migcheck" in written.lower()
                else ""
            )
            if body and starts_like_directive(body):
                found.append((current, body))
        else:
            stack.extend(reversed(current.children))
    return found


def _short(text: str, limit: int = 60) -> str:
    """A loop's list or head as the plan quotes it: cut at `limit` characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- command lines another format holds ------------------------------------------------------------


# What a shell starts with (`CommandLines.shell_state`): its variables, those exported, its functions, its folder.
_ShellState = tuple[dict[str, "_Value"], set[str], dict[str, "Node"], "str | None"]


class CommandLines:
    """Runs the classic CLI's commands that another kind of file holds as text or as words (an Ansible
    playbook's tasks), in the order it runs them, as a script's: what each means, the variables they are
    given, the loops and conditions they run under. Each line is parsed as bash parses it (an Ansible
    `shell:` is bash's; a `command:` is split alike) and shown where the file writes each of its words."""

    def __init__(self, path: str, size: int, arm: bool, names_the_api: bool, flat: bool = False) -> None:
        self.walker = _Walker(path, b"", _Positions(path, b""), arm, flat)
        # Why the shell refuses the first script the file runs in it that bash cannot parse (a CI step's
        # `run:`, an Ansible `shell:` task's), as its caller says it (`run_line`): MIG001 there.
        self.refused: FileProblem | None = None
        self.walker.names_the_api = names_the_api  # the file's whose lines run (`automation.names_the_api`)
        self.walker.budget = 4 * size + 50_000
        self.path = path  # the file whose lines run now: this one, or one it includes (`in_file`)

    @property
    def arm_from_start(self) -> bool:
        return self.walker.reading.arm_from_start

    def shell_state(self) -> _ShellState:
        """What a shell started now would start with (`in_own_process`): the variables, those exported, the
        functions and the folder of the lines so far."""
        walker = self.walker
        walker.spend(len(walker.scope.variables) + len(walker.functions))  # copies are work like any other
        return dict(walker.scope.variables), set(walker.exported), dict(walker.functions), walker.working

    def in_own_process(self, run: Callable[[], None], start: _ShellState | None = None) -> None:
        """`run` in a shell of its own (a CI step's), started with what the lines have so far, or with
        `start` (a `shell_state` taken before: a GitLab CI `after_script:` starts with the job's variables
        only): the variables it sets or exports, the functions it defines and the folder it moves to are
        gone when it ends, as its process is."""
        walker = self.walker
        scope = walker.scope
        saved = self.shell_state()
        if start is not None:
            scope.variables, walker.exported, walker.functions = dict(start[0]), set(start[1]), dict(start[2])
            walker.working = start[3]
        # a shell of its own starts with `set -a` off, whatever one before turned on
        all_exported, walker.all_exported = walker.all_exported, False
        try:
            run()
            # the functions of a file it sourced and ran whole that no call ran, read before they are gone
            walker.functions_no_call_runs(walker.of_a_file_run_whole)
        finally:
            scope.variables, walker.exported, walker.functions, walker.working = saved
            walker.all_exported = all_exported

    def export(self, name: str) -> None:
        """The variable `name` is in the environment of the processes the lines start (a CI step's `env:`)."""
        self.walker.exported.add(name)

    def stated(self, name: str) -> str | None:
        """The value of the variable `name` the lines have set, where they state it (a blank left to fill is
        not); None for any other (a Dockerfile's `WORKDIR $APP` reads it)."""
        value = self.walker.scope.variables.get(name)
        return None if value is None or value.blank else value.text

    def state(self, name: str, text: str | None, mark: Mark, holder: str | None = None) -> None:
        """A variable the commands are given: `text`, or a value the file does not state, held by `holder`."""
        self.walker.scope.variables[name] = _Value(text, mark, text is not None, holder=holder)

    def run_line(
        self,
        line: str,
        anchors: Sequence[tuple[int, Mark]],
        holes: Sequence[tuple[str | None, Mark | None]] = (),
        empty: frozenset[int] = frozenset(),
        stating: bool = False,
    ) -> FileProblem | None:
        """One command line, each byte of its UTF-8 text shown where `anchors` says (`_HeldAt`), each value
        in it the file does not state a hole (`_numbered`), held by what `holes` names; those numbered in
        `empty` may be empty (`{{ vnet | default('') }}`). One bash cannot parse is not run (Ansible's shell
        would refuse it too): returned is why, where the file writes it, as for a script file (MIG001), for
        the caller that knows the line runs in a shell to say. A `stating` line sets variables the file
        states (a CI file's `env: VNET: ""`), so an empty one is empty, as a value written in the command is."""
        walker = self.walker
        source = line.encode("utf-8")
        walker.spend(len(source))
        where = _HeldAt(self.path, anchors, exact=True)
        first = grammars.parsed_in_time(_GRAMMAR, source)
        if first is None:
            return _too_slow_to_parse(self.path, anchors[0][1] if anchors else None)
        try:
            parsed = _bash_parse(source, first)
            if parsed is None:
                return _too_deep(self.path, anchors[0][1] if anchors else None)
            source, tree = parsed
            # What a script file of the same text reads (a placeholder `<name>` as a word, a braced loop) is
            # read so here, every byte in its place: only what `_parse` would refuse there is a fault.
            as_a_file = _prepared(self.path, line) if tree.root_node.has_error else None
        except grammars.ParseTooSlow:  # a rewrite of the line, parsed, ran past what its size allows
            return _too_slow_to_parse(self.path, anchors[0][1] if anchors else None)
        placeholders = walker.placeholders
        if as_a_file is not None:
            prepared, prepared_tree, positions, placeholders = as_a_file
            if prepared_tree.root_node.has_error:
                return _refusal(tree.root_node, source, where)
            source, tree, where.loop_heads = prepared, prepared_tree, positions.loop_heads
        refused = _refusal(tree.root_node, source, where)  # a closing keyword no block opens
        if refused is not None:
            return refused
        saved = walker.source, walker.where, walker.line_holes, walker.empty_holes, walker.stating
        held_placeholders, walker.placeholders = walker.placeholders, placeholders
        walker.source, walker.where = source, where
        walker.line_holes, walker.empty_holes, walker.stating = tuple(holes), empty, stating
        assigned, walker.assigned = walker.assigned, _assigned_anywhere(tree.root_node, source)
        try:
            walker.statements(tree.root_node)
        finally:
            walker.source, walker.where, walker.line_holes, walker.empty_holes, walker.stating = saved
            walker.placeholders, walker.assigned = held_placeholders, assigned
        return None

    def run_powershell(
        self, text: str, places: Sequence[tuple[int, int]], filled: Sequence[tuple[int, int]] = ()
    ) -> None:
        """A PowerShell script the file holds (an Ansible `win_shell:` task's), each character shown where
        `places` says the file writes it, `filled` the spans of values the file fills in that it does not
        state (see `powershell.read_held`): read by the PowerShell reader, its calls the file's, as a
        shell script's `pwsh -Command` is (`_Walker._inline_powershell`). Code that never runs is not read;
        a script read at a place already (a task file's, run again) is not read again."""
        walker = self.walker
        line, column = places[0] if places else (1, 1)
        seen = (text, Mark(self.path, line, column=column))
        if walker.reading.never or seen in walker.powershell_seen:
            return
        walker.powershell_seen.add(seen)
        walker.spend(len(text))
        walker.powershell_piece(self.path, text, places, filled)

    def runs_in(self, folder: str) -> None:
        """The lines run from `folder`, from the file's (a CI job's steps run from the repository's root,
        which is `../..` of a GitHub Actions workflow): a path they name from where they run is from there."""
        self.walker.working = folder

    def calls_made(self) -> int:
        """How many classic calls the lines run so far have made: `calls_from` of it gives those made after."""
        return len(self.walker.calls)

    def calls_from(self, start: int) -> list[ClassicCall]:
        """The classic calls made after the first `start` (`calls_made`)."""
        return self.walker.calls[start:]

    def run_words(self, words: list[Word]) -> None:
        """A command given as its words (an Ansible `argv:` list)."""
        self.walker.spend(len(words))
        self.walker._run_words(words)

    def azure(self, words: list[Word], at: Mark) -> ClassicCall | None:
        """`azure <words>`, given as words, written at `at`: the call it makes, if any."""
        before = len(self.walker.calls)
        self.walker.azure_words(words, at)
        return self.walker.calls[-1] if len(self.walker.calls) > before else None

    def widen_network(self, name: Word, prefixes: list[Word]) -> None:
        """The network of `name` a command made has these address space prefixes too (see
        `xplat.Reading.widen_network`)."""
        self.walker.reading.widen_network(name, prefixes)

    def rename_last_call(self, name: str) -> None:
        """The last call made is `name` (what the file writes to make it: a module of another tool)."""
        self.walker.calls[-1] = replace(self.walker.calls[-1], name=name)

    @contextlib.contextmanager
    def in_file(self, path: str, name: str) -> Iterator[None]:
        """While the commands of the file `path` run here (a task file a playbook includes): what they create
        is this file's, their classic calls the file's own check's to report; that file's own read, which
        marks what it creates as read once in `name` (`read_once`), is left out (`functions_run`)."""
        walker = self.walker
        walker.library_run.add((path, name))
        was, walker.in_other_file, outer, named = walker.in_other_file, True, self.path, walker.reading.file
        self.path, walker.reading.file = path, posixpath.basename(path)  # stand-ins are named where written
        try:
            yield
        finally:
            walker.in_other_file, self.path, walker.reading.file = was, outer, named

    def read_once(self, name: str) -> None:
        """What the commands create is read once in `name` (`Deployment.read_once_in`): a file another may
        run as its own (`in_file`), read on its own with values it does not know."""
        self.walker.reading.read_once_in = name

    def functions_run(self) -> tuple[tuple[str, str], ...]:
        """The other files whose commands ran here (`in_file`), as `Document.functions_run` holds them."""
        return self.walker.functions_run()

    def may_run(self, run: Callable[[], None]) -> None:
        """`run` under a condition the reader cannot decide: as the one branch of an `if`."""
        self.walker.choose([run, lambda: None])

    def never_runs(self, run: Callable[[], None]) -> None:
        """`run` under a condition that never holds: as the `then` of `if false`."""
        self.walker.never_runs(run)

    def each(self, name: str, items: list[Word], run: Callable[[], None]) -> None:
        """`run` once for each of `items`, `name` set to it, as a `for` loop over words it lists."""
        for item in items:
            self.walker.scope.variables[name] = _Value.of(item)
            run()

    def each_unlisted(
        self, name: str, listed: str, run: Callable[[], None], holders: frozenset[str] = frozenset()
    ) -> None:
        """`run` for each item of a list the file does not write out (`listed`): once, as code that may run,
        `name` standing for every item, as a `for` loop over `$LIST`; a value `holders` hold (Terraform's
        `count.index`) is each turn's own too."""
        walker = self.walker
        walker.scope.variables[name] = _Value(None, holder=f"${name}")
        with walker._looping(_short(listed), {name}, set(holders)), walker._maybe(), walker._may_not_run():
            run()

    @contextlib.contextmanager
    def in_folder(self, folder: str | None) -> Iterator[None]:
        """Run lines in `folder`, from the file's own ("" its own), as after a `cd` to it: None for one the
        file does not state (`chdir:` of an Ansible task), from which a file sourced is not read."""
        walker = self.walker
        saved, walker.working = walker.working, folder
        try:
            yield
        finally:
            walker.working = saved

    def show_stand_ins_at_values(self) -> None:
        """Names the file does not state are shown where their values are written (`Reading.stand_ins_at_values`)."""
        self.walker.reading.stand_ins_at_values = True

    def declared(self, name: str, at: Mark) -> None:
        """A classic call another tool makes that no classic command stands for (a Terraform resource type
        the reader does not translate): named `name`, at `at`, it makes the file one that calls the API."""
        walker = self.walker
        walker._add_call(ClassicCall(name, at, after=len(walker.steps), branches=walker.stage))

    def named_account(self, name: Word) -> None:
        """The classic storage account `name` names is one a resource of the file is made in, which the
        file does not create (`Reading.named_account`)."""
        self.walker.reading.named_account(name)

    def name_deployment_after_vm(self) -> None:
        """The deployment the last `vm create` made is named after its VM (Terraform's provider names it
        so), where the CLI names it after its service."""
        self.walker.reading.name_deployment_after_vm()

    def set_vm_group(self, group: Word) -> None:
        """The network security group `group` names is set on the VM the last `vm create` made."""
        self.walker.reading.set_vm_group(group)

    def unread(self, mark: Mark) -> None:
        """A part of the file not read as written (`mark` tagged with why, `migcheck.report.unread`): a task
        Ansible refuses, which creates nothing, a value only a run of the playbook gives."""
        self.walker.reading.refused.append(mark)

    def resources(self) -> tuple[object, ...]:
        # A step's own functions are its shell's alone, gone when it ends; those of a file a line sourced and
        # ran whole are that file's, which another script may source and call: read where no call ran them.
        self.walker.functions_no_call_runs(self.walker.of_a_file_run_whole)
        script = self.walker.script()
        described = tuple(self.walker.reading.resources())
        walker = self.walker
        refused = [*walker.reading.refused, *walker.unfollowed.values(), *walker.undecided_requests()]
        if script is None and refused:  # calls refused, said, run nothing: as a shell script's
            script = Script(posixpath.basename(self.path), "Shell", (), (), replace(refused[0], tag=""))
        # what a script file states apart from its calls is kept too: the peerings it adds to a classic
        # network, and the cloud services of extended support it creates (`az cloud-service create`)
        walker.powershell_pieces_read()
        others = (*walker.reaching, *walker.extended, *walker.python_read, *walker.files_read)
        if script is None:
            return (*described, *others)
        unread = tuple(sorted(refused, key=lambda mark: (mark.line, mark.column)))
        return (replace(script, unread=unread) if unread else script, *described, *others)


def _python_run(words: list[Word]) -> tuple[str, Word | None] | None:
    """How a Python interpreter given `words` is given its code: "-c" with the word after it, "-" for its
    standard input (`-`, or no script); None where it runs a script file or a module (`-m`), or a word the
    script does not state may be either."""
    rest = iter(words)
    for word in rest:
        if word.text is None:
            return None
        if word.text == "-c":
            return "-c", next(rest, None)
        if word.text == "-":
            return "-", None
        if word.text in _PYTHON_VALUED_OPTIONS:
            next(rest, None)
        elif not word.text.startswith("-") or word.text.startswith("-m"):
            return None
    return "-", None


def script_file_run(program: str, words: list[Word], at: Mark) -> tuple[str, tuple[object, ...]] | None:
    """A shell script file another language's script runs (PowerShell's `bash ./migrate.sh hub-vnet`, `sh
    x.sh`, `& bash "$PSScriptRoot/x.sh"`), `program` given `words` (after its name, the file's path from the
    folder of the script read now, `/`-separated): the file's path as the run reads it, and what it
    describes, read as that shell runs it, the words after the path its `$1`..., each call shown where the
    file writes it (as `_Walker._script_file_run` reads a file a shell script runs). None where it runs no
    such file (`-c`, a file not stated, not checked, or that does not parse)."""
    operands = script_operands(words)
    stated = operands[0].text if operands else None
    settings = beside.settings_file(stated) if stated and not stated.startswith("/") else None
    if settings is None:
        return None
    followed: list[bool] = []

    def program_run(lines: CommandLines) -> None:
        followed.append(lines.walker._script_file_run([Word(program, at), *operands]))

    resources = run_commands(settings.path, settings.data, program_run)
    return (settings.path, resources) if any(followed) else None


def command_line_run(path: str, program: str, words: list[Word], at: Mark) -> tuple[object, ...]:
    """What the command line another language's script gives a shell or ssh describes (PowerShell's `bash
    -c "azure vm shutdown web1"`, `ssh jump 'azure vm shutdown web1'`), or the command a program that runs
    another runs (`sudo azure ...`, `runuser -u ops -- azure ...`: `RUNS_SHELL_COMMANDS`), `program` given
    `words` (after its name): read as that shell, or the other host's, runs it (`_Walker._shell`, `_Walker._ssh`), each call
    shown at `at`; nothing for a script file it runs (`script_file_run`) or a line that runs no classic
    tool."""
    if not sniff(" ".join(word.text or "" for word in words).encode("utf-8")):
        return ()

    def program_run(lines: CommandLines) -> None:
        lines.walker.where = _At(at)
        lines.walker._run_words([Word(program, at), *words])  # past a prefix: `sudo azure ...`

    return run_commands(path, b"", program_run)


def python_file_operands(words: list[Word]) -> tuple[str, list[Word]] | None:
    """The script file a Python interpreter given `words` (after its name) runs, as a path from the folder it
    runs in (a module `-m pkg.tool` as `pkg/tool.py`), and the words given it; None where it runs code
    inline or a file or module the script does not state."""
    index = 0
    while index < len(words):
        text = words[index].text
        if text is None or text in ("-c", "-"):
            return None
        if text.startswith("-m"):
            module = text[2:] or (words[index + 1].text if index + 1 < len(words) else None)
            rest = words[index + (1 if text[2:] else 2) :]
            if not module or not all(part.isidentifier() for part in module.split(".")):
                return None
            return module.replace(".", "/") + ".py", rest
        if not text.startswith("-"):
            return (text, words[index + 1 :]) if not text.startswith("/") else None
        index += 2 if text in _PYTHON_VALUED_OPTIONS else 1
    return None


def _python_in_place(code: str, line: int, column: int) -> str:
    """Python code written from `line` and `column` of a file, as a file whose lines and columns are that
    file's: in an `if 1:` block on the line before (Python allows no indentation at the top), each line at
    `column`, as a here-document's lines in an indented block of a CI file are; at the file's first line or
    column, as written."""
    if line < 2 or column < 2:
        return "\n" * (line - 1) + code + "\n"
    indent = " " * (column - 1)
    return "\n" * (line - 2) + "if 1:\n" + "".join(f"{indent}{written}\n" for written in code.split("\n"))


def run_commands(path: str, data: bytes, program: Callable[[CommandLines], None]) -> tuple[object, ...]:
    """What `program` describes, run through `CommandLines`, of the file that holds `data`: read again in the
    CLI's Resource Manager mode when its first commands are that mode's, and once through, with no call
    followed, when it needs more work than its size warrants (see `_walked`)."""
    lines = _run_program(path, data, program, arm=False)
    if lines.arm_from_start:
        lines = _run_program(path, data, program, arm=True)
    return lines.resources()


def _run_program(path: str, data: bytes, program: Callable[[CommandLines], None], arm: bool) -> CommandLines:
    named = automation.names_the_api(data)
    lines = CommandLines(path, len(data), arm, named)
    try:
        program(lines)
    except (_Exhausted, RecursionError):
        lines = CommandLines(path, len(data), arm, named, flat=True)
        program(lines)
    return lines


def _argument(node: Node, source: bytes) -> str:
    """The number of the script's argument an expression is, alone (`"$2"`, `$2`); "" for any other."""
    if node.type == "string" and node.named_child_count == 1:
        node = node.named_children[0]
    if node.type != "simple_expansion" or node.named_child_count != 1:
        return ""
    name = source[node.named_children[0].start_byte : node.named_children[0].end_byte].decode(
        errors="replace"
    )
    return name if name.isdigit() and name != "0" else ""


def _plain_word(node: Node, source: bytes) -> str | None:
    """A word the script writes out that matches itself only (`commit`, not `c*`)."""
    if node.type != "word":
        return None
    text = source[node.start_byte : node.end_byte].decode(errors="replace")
    return text if text and not any(c in text for c in "*?[]\\$`'\"") else None


def _elif_condition(clause: Node) -> list[Node]:
    """The commands of an `elif`'s condition, before its `then`; none for an `else`."""
    if clause.type != "elif_clause":
        return []
    condition = []
    for child in clause.children:
        if child.type == "then":
            break
        if child.is_named and child.type != "comment":
            condition.append(child)
    return condition


def _literal_test(test: Node, source: bytes) -> bool | None:
    """Whether a test of two words the script writes out holds: `[ 1 = 0 ]`, `[ "a" != "b" ]`,
    `[[ x == x ]]`, `[ 1 -eq 0 ]`; None for any other test, or a side that is not a plain word (a variable,
    a pattern)."""
    compared = _comparison(test, source)
    if compared is None:
        return None
    written, sides = compared
    return _compared(written.decode(errors="replace"), *(_literal_word(side, source) for side in sides))


def _literal_comparison(arguments: list[Node], source: bytes) -> bool | None:
    """Whether `test`'s three arguments, two words the script writes out and an operator, compare as the
    operator says (`test 1 = 0`, `test a != b`); None for any other."""
    if len(arguments) != 3:
        return None
    left, operator, right = arguments
    if operator.type != "word":
        return None
    written = source[operator.start_byte : operator.end_byte].decode(errors="replace")
    return _compared(written, _literal_word(left, source), _literal_word(right, source))


# The numeric comparisons of `test` (`[ 1 -eq 0 ]`), of two whole numbers.
_NUMERIC_TESTS: dict[str, Callable[[int, int], bool]] = {
    "-eq": lambda a, b: a == b,
    "-ne": lambda a, b: a != b,
    "-lt": lambda a, b: a < b,
    "-le": lambda a, b: a <= b,
    "-gt": lambda a, b: a > b,
    "-ge": lambda a, b: a >= b,
}


def _compared(operator: str, left: str | None, right: str | None) -> bool | None:
    """Whether two words compare as `operator` says: as text (`=`, `==`, `!=`) or as whole numbers (`-eq`,
    `-lt`...); None where either is not known, or is not a number a numeric test is given."""
    if left is None or right is None:
        return None
    if operator in ("=", "==", "!="):
        return (left == right) != (operator == "!=")
    numeric = _NUMERIC_TESTS.get(operator)
    if numeric is None or not all(_whole_number(side) for side in (left, right)):
        return None
    return numeric(int(left), int(right))


def _whole_number(text: str) -> bool:
    """Whether `test` reads `text` as a whole number (`7`, `-1`, `007`, but not `0x1f`, which it refuses)."""
    return text.removeprefix("-").isdigit() and text.isascii()


def _comparison(test: Node, source: bytes) -> tuple[bytes, list[Node]] | None:
    """The operator as written and the two sides of a test of one comparison (`[ a = b ]`, `[[ x != y ]]`);
    None for any other test."""
    if test.named_child_count != 1:
        return None
    compared = test.named_children[0]
    operator = compared.child_by_field_name("operator")
    sides = [side for side in compared.named_children if operator is None or side.id != operator.id]
    if compared.type != "binary_expression" or operator is None or len(sides) != 2:
        return None
    return source[operator.start_byte : operator.end_byte], sides


def _literal_word(node: Node, source: bytes) -> str | None:
    """The text of a word that is itself whatever the script is run with: a plain word or number (no
    expansion, quote, escape or pattern character), a '...' string, or a "..." string of text alone."""
    text = source[node.start_byte : node.end_byte].decode(errors="replace")
    if node.type in ("word", "number", "extglob_pattern"):
        return text if text and not any(c in text for c in "*?[]()|!+@~\\$`'\"{}") else None
    if node.type == "raw_string":
        return text[1:-1]
    if node.type == "string":
        if any(child.type != "string_content" for child in node.named_children):
            return None
        inner = text[1:-1]
        return None if any(c in inner for c in "\\$`") else inner
    return None


def _tests_with_options(command: str, options: set[str]) -> bool:
    """Whether `command` with `options` is a test (`_TESTING_OPTIONS`): `grep -qi`, `curl -sf`, `nc -zv`."""
    long, letters = _TESTING_OPTIONS[command]
    if command == "curl" and (
        options & _CURL_SAVES or any(_short_option(w, "o") or _short_option(w, "O") for w in options)
    ):
        return False
    return bool(options & long) or any(_short_option(word, letter) for word in options for letter in letters)


def _short_option(word: str, letter: str) -> bool:
    """Whether `word` gives the one-letter option `letter`, alone or among others (`-q`, `-qi`)."""
    return word.startswith("-") and not word.startswith("--") and letter in word


def _argument_tested(condition: Node, source: bytes) -> tuple[str, str] | None:
    """The argument and the value an `if` tests it equals (`[ "$2" = commit ]`, `[[ $2 == commit ]]`)."""
    compared = _comparison(condition, source) if condition.type == "test_command" else None
    if compared is None or compared[0] not in (b"=", b"=="):
        return None
    sides = compared[1]
    for own, other in (sides, sides[::-1]):
        argument, value = _argument(own, source), _plain_word(other, source)
        if argument and value is not None:
            return argument, value
    return None


def _emptiness(name: str, operator: str) -> tuple[tuple[_Known, ...], tuple[_Known, ...]]:
    """What a test of whether the variable `name` is empty proves (`_Walker._proven`): `-n` (or a bare
    `[ "$VNET" ]`) holds where it is set and not empty and fails where it is empty, `-z` the other way."""
    if not name or name.isdigit():
        return (), ()
    proven: tuple[tuple[_Known, ...], tuple[_Known, ...]] = ((name, None),), ((name, ""),)
    return proven if operator == "-n" else proven[::-1]


def _proven_only(name: str, value: _Value) -> bool:
    """Whether `value` is the variable `name` as a test proves it where no value of it was known before
    (`_narrowed`): set and not empty, whatever value the environment gives it."""
    return value.tested and value.text is None and value.holder == f"${name}"


def _proven_of(name: str, was: _Value | None, value: _Value | None) -> bool:
    """Whether `value` is the value `was` of the variable `name` as a test proves it set and not empty
    (`_narrowed`), not another the script gives it."""
    if value is None or was is None:
        return value is not None and _proven_only(name, value)
    return (
        value.tested
        and replace(value, tested=False, maybe_empty=was.maybe_empty, maybe_unset=was.maybe_unset) == was
    )


# A choice a test of one variable makes (see `_Walker.choose`): the variable and the text it is compared with
# ("" for a test of whether it is empty), and of each arm whether it runs where the variable is that text
# (0) or not (1).
_ByValue = tuple[tuple[str, str], list[int]]


def _by_value(known: list[tuple[_Known, ...]]) -> _ByValue | None:
    """The choice two arms make that a test of one variable chooses (`known`: what it proves in each, see
    `_Walker._proven`): `[ -n "$X" ]`, `[ -z "$X" ]`, `[ "$X" = prod ]`, `!=`; None for any other."""
    facts = [fact for arm in known for fact in arm]
    if (
        len(known) != 2
        or not facts
        or len({name for name, _ in facts}) != 1
        or any(len(arm) > 1 for arm in known)
    ):
        return None
    texts = {text for _, text in facts if text is not None}
    if len(texts) != 1:
        return None
    name, text = facts[0][0], texts.pop()
    return (name, text), [0 if (name, text) in arm else 1 for arm in known]


def _proven_not_empty(variables: dict[str, _Value], name: str) -> None:
    """Where a test proves the variable `name` set and not empty: neither its default nor empty there."""
    found = variables.get(name)
    if found is None:
        variables[name] = _Value(None, holder=f"${name}")
    elif found.text is None:
        variables[name] = replace(found, maybe_empty=False, maybe_unset=False)


def _variable_read(node: Node, source: bytes) -> str:
    """The variable a word is the value of, alone (`$VNET`, `"$VNET"`, `${VNET}`, `"${VNET:-}"`); "" for any
    other word, one with a default that is not empty among them."""
    if node.type == "string" and node.named_child_count == 1:
        node = node.named_children[0]
    if node.type not in ("simple_expansion", "expansion") or not node.named_children:
        return ""
    name = node.named_children[0]
    rest = [child.type for child in node.children if child.id != name.id]
    if name.type != "variable_name" or rest not in (["$"], ["${", "}"], ["${", ":-", "}"], ["${", "-", "}"]):
        return ""
    return source[name.start_byte : name.end_byte].decode(errors="replace")


def _matches_anything(item: Node) -> bool:
    """Whether a `case` arm's patterns match any word: `*)`."""
    return any(pattern.text == b"*" for pattern in item.children_by_field_name("value"))


def _case_value(item: Node, source: bytes) -> str | None:
    """The one value a `case` arm is taken for (`prepare)`), None for a pattern or several."""
    patterns = item.children_by_field_name("value")
    return _plain_word(patterns[0], source) if len(patterns) == 1 else None
