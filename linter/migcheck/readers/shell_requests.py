"""The HTTP requests a shell script sends with `curl` or `wget`, read from the command's words as the shell
reader gives them (variables resolved, quotes removed): the method, the URL and the body, inline or from a
file. A script that calls the Service Management REST API directly (`curl -X POST --cert mgmt.pem -H
"x-ms-version: ..." -d @deploy.xml "https://management.core.windows.net/$SUB/services/hostedservices/..."`)
does what Invoke-RestMethod and Python's `requests` do, and is read as they are (see `shell._Walker`).

curl's method is `-X`/`--request` where given; else a PUT for an upload (`-T f`, `--upload-file f`), a GET
for `-G`/`--get`, a POST for data (`-d`, `--data`, `--data-binary`, `--data-raw`, `--data-ascii`,
`--data-urlencode`, `--json`), a HEAD for `-I`/`--head`, else a GET. wget's is `--method` where given; else a
POST for `--post-data`/`--post-file`, else a GET. A body `@file` (curl) or `--post-file`/`--body-file` (wget)
is read from that file; `@-` (`-T -`) from the standard input (a here-document the command is fed); any
other data value (`-d '<Deployment ...>'`, `--data-raw`, wget's `--post-data`/`--body-data`) is the body
itself."""

from __future__ import annotations

import posixpath
from typing import NamedTuple

from migcheck.readers.xplat import Word

# curl's options that take a value, short (after `-`, in a cluster such as `-sSX POST`) and long: the value is
# never the URL.
_CURL_SHORT_VALUES = frozenset("AbcCdDeEFHKmoPQrTuUwxXyYzt")
_CURL_LONG_VALUES = frozenset(
    {"--request", "--data", "--data-binary", "--data-raw", "--data-ascii", "--data-urlencode", "--json"}
    | {"--upload-file", "--header", "--cert", "--key", "--cacert", "--capath", "--cert-type", "--key-type"}
    | {"--output", "--user", "--user-agent", "--referer", "--cookie", "--cookie-jar", "--form", "--proxy"}
    | {"--max-time", "--connect-timeout", "--retry", "--retry-delay", "--retry-max-time", "--write-out"}
    | {"--config", "--range", "--resolve", "--interface", "--pass", "--dump-header", "--trace"}
    | {"--trace-ascii", "--stderr", "--limit-rate", "--max-filesize", "--proto"}
    | {"--ciphers", "--oauth2-bearer", "--url", "--form-string", "--continue-at"}
)
_CURL_DATA = frozenset({"-d", "--data", "--data-binary", "--data-ascii", "--data-urlencode", "--json"})
_CURL_RAW = frozenset({"--data-raw"})  # the data as written: an `@` is no file
_CURL_UPLOAD = frozenset({"-T", "--upload-file"})
_CURL_METHOD = frozenset({"-X", "--request"})
# wget's options that take a value (`--opt value` or `--opt=value`; short ones as curl's): never the URL.
_WGET_SHORT_VALUES = frozenset("OoaeiPtTwQUBDIXlAR")
_WGET_LONG_VALUES = frozenset(
    {"--method", "--post-data", "--post-file", "--body-data", "--body-file", "--header", "--certificate"}
    | {"--private-key", "--ca-certificate", "--output-document", "--output-file", "--user", "--password"}
    | {"--http-user", "--http-password", "--user-agent", "--referer", "--tries", "--timeout", "--wait"}
    | {"--certificate-type", "--private-key-type", "--ca-directory", "--directory-prefix", "--input-file"}
    | {"--append-output", "--execute"}
)


class Request(NamedTuple):
    """A request a `curl` or `wget` command sends: its method (None where the script does not state it), the
    words that may be its URL (each word the command gives that is not an option or an option's value), the
    word naming the file its body is read from (None for an inline body, or none), the body written inline
    (None for none), and whether the body is read from the standard input."""

    verb: str | None
    urls: tuple[Word, ...]
    body_file: Word | None
    body: Word | None = None
    from_stdin: bool = False
    # The client certificate it authenticates with (a management certificate: `--cert`, `-E`, wget's
    # `--certificate`), None for none.
    certificate: Word | None = None


def request(words: list[Word]) -> Request | None:
    """The request `curl ...` or `wget ...` (`words[0]` the command) sends; None for another command."""
    command = posixpath.basename(words[0].text or "") if words else ""
    if command == "curl":
        return _curl(words[1:])
    if command == "wget":
        return _wget(words[1:])
    return None


def _options(
    words: list[Word], short_values: frozenset[str], long_values: frozenset[str]
) -> tuple[list[tuple[str, Word | None]], list[Word]]:
    """The options a command is given, in order, each with its value (None for a flag), as `-Xvalue`,
    `-X value`, `-sSX value`, `--opt value` and `--opt=value` give it; and its other words. `--` ends the
    options."""
    options: list[tuple[str, Word | None]] = []
    operands: list[Word] = []
    index = 0
    while index < len(words):
        word = words[index]
        text = word.text or ""
        index += 1
        following = words[index] if index < len(words) else None
        if text == "--":
            operands.extend(words[index:])
            break
        if text.startswith("--"):
            name, equals, value = text.partition("=")
            if equals:
                options.append((name, word.part(len(name) + 1, value)))
            elif name in long_values:
                options.append((name, following))
                index += 1
            else:
                options.append((name, None))
        elif text.startswith("-") and len(text) > 1:
            index += _short_cluster(word, text, following, short_values, options)
        else:
            operands.append(word)
    return options, operands


def _short_cluster(
    word: Word,
    text: str,
    following: Word | None,
    short_values: frozenset[str],
    options: list[tuple[str, Word | None]],
) -> int:
    """The options of one cluster of short options (`-sSX`, `-XPOST`) added to `options`: letters are flags
    up to one that takes a value, which is the rest of the word, else the next word. How many words after
    it the cluster took (0 or 1)."""
    for at in range(1, len(text)):
        letter = text[at]
        if letter not in short_values:
            options.append(("-" + letter, None))
            continue
        if at + 1 < len(text):
            options.append(("-" + letter, word.part(at + 1, text[at + 1 :])))
            return 0
        options.append(("-" + letter, following))
        return 1
    return 0


def _curl(words: list[Word]) -> Request:
    options, operands = _options(words, _CURL_SHORT_VALUES, _CURL_LONG_VALUES)
    verb: str | None = None
    stated_verb = False
    body_file: Word | None = None
    body: Word | None = None
    data = upload = get = head = from_stdin = False
    certificate = next((value for name, value in options if name in ("-E", "--cert")), None)
    for name, value in options:
        if name in _CURL_METHOD:
            stated_verb = True
            verb = value.text.strip().upper() if value is not None and value.text else None
        elif name in _CURL_DATA or name in _CURL_RAW:
            data = True
            body_file = _data_file(value) if name in _CURL_DATA else None
            from_stdin = name in _CURL_DATA and value is not None and value.text == "@-"
            body = value if name in _CURL_RAW else _inline_data(value)
        elif name in _CURL_UPLOAD:
            upload = True
            body_file = value if value is not None and value.text != "-" else None
            from_stdin, body = value is not None and value.text == "-", None
        elif name in ("-G", "--get"):
            get = True
        elif name in ("-I", "--head"):
            head = True
        elif name == "--url" and value is not None:
            operands.append(value)
    if not stated_verb:
        verb = "PUT" if upload else "GET" if get else "POST" if data else "HEAD" if head else "GET"
    return Request(verb, tuple(operands), body_file, body, from_stdin, certificate)


def _data_file(value: Word | None) -> Word | None:
    """The file a curl data option reads its data from (`@deploy.xml`); None for data written inline, or
    read from the standard input (`@-`)."""
    text = value.text if value is not None else None
    if value is None or text is None or not text.startswith("@") or text == "@-":
        return _unstated_file(value)
    return value.part(1, text[1:])


def _inline_data(value: Word | None) -> Word | None:
    """The data a curl data option writes inline: its value, unless that names a file (`@deploy.xml`) or the
    standard input (`@-`)."""
    written = (value.text if value.text is not None else value.shape) if value is not None else None
    return None if written is None or written.startswith("@") else value


def _unstated_file(value: Word | None) -> Word | None:
    """A data value partly stated that starts with `@` (`@$DIR/deploy.xml`): the file, its path the shape
    after the `@`."""
    if value is None or value.text is not None or not (value.shape or "").startswith("@"):
        return None
    return Word(None, value.mark, holder=value.holder, shape=(value.shape or "")[1:], holes=value.holes)


def _wget(words: list[Word]) -> Request:
    options, operands = _options(words, _WGET_SHORT_VALUES, _WGET_LONG_VALUES)
    verb: str | None = "GET"
    method: str | None = ""
    body_file: Word | None = None
    body: Word | None = None
    for name, value in options:
        if name == "--method":
            method = value.text.strip().upper() if value is not None and value.text else None
        elif name in ("--post-data", "--post-file"):
            verb = "POST"
        if name in ("--post-file", "--body-file"):
            body_file, body = value, None
        elif name in ("--post-data", "--body-data"):
            body_file, body = None, value
    certificate = next((value for name, value in options if name == "--certificate"), None)
    return Request(
        method if method != "" else verb, tuple(operands), body_file, body, certificate=certificate
    )
