"""Reading in worker processes (`migcheck.workers`, `migcheck check --jobs`) gives exactly what reading in
one process gives, on every format of the corpus; a worker that fails leaves the read to this process; a
small check never starts workers."""

from __future__ import annotations

import os
import pickle
import signal
from pathlib import Path

import pytest

from migcheck import engine, workers
from migcheck import texts as texts_module
from migcheck.cli import main
from migcheck.config import Config
from migcheck.engine import RuleError, _read, lint, walk
from migcheck.model import Finding, Mark, RoleSettings
from migcheck.plugins import load_rules

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
RULES = load_rules(entry_points=False)

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
needs_fork = pytest.mark.skipif(not workers.can_fork(), reason="workers are forked on Linux only")


def _outcome(result):
    """Everything a report can show of a run: the findings where they are, with their snippets, and what
    the filter held back."""
    findings = [(f.location, f.code, f.message, f.autofix) for f in result.findings]
    snippets = [result.sources[f.location.path].line(f.location.line) for f in result.findings]
    suppressed = [(s.finding.mark, s.finding.code, s.reason) for s in result.suppressed]
    return findings, snippets, suppressed, result.documents


@needs_corpus
@needs_fork
def test_reading_in_workers_gives_what_one_process_gives(monkeypatch):
    monkeypatch.chdir(CORPUS)
    read_by_workers = []
    real = workers.read_in_workers

    def spy(*args, **kwargs):
        read = real(*args, **kwargs)
        read_by_workers.append(read is not None)
        return read

    monkeypatch.setattr(workers, "read_in_workers", spy)
    alone = lint(["."], Config(), RULES, jobs=1)
    shared = lint(["."], Config(), RULES, jobs=3)
    assert read_by_workers == [True]
    assert alone.findings and {d.kind for d in alone.documents} >= {d.kind for d in shared.documents}
    assert _outcome(shared) == _outcome(alone)


def test_a_record_crosses_as_its_values_not_a_dict_of_its_fields():
    """The records of the model pickle as their class and their values (`migcheck.model.record`): a dict
    of field names per record doubled what workers send back and the time to send it."""
    mark = Mark("services/web/ServiceDefinition.csdef", 7, "WebRole", 1)
    role = RoleSettings("WebFrontEnd", 2, mark)
    data = pickle.dumps(role, pickle.HIGHEST_PROTOCOL)
    assert b"instances" not in data and b"nth" not in data
    assert pickle.loads(data) == role and pickle.loads(data).mark == mark


def test_a_class_made_from_a_record_crosses_as_itself():
    """A record's values are pickled by what is registered for its own class (`migcheck.model.record`):
    a class derived from it without being made a record of its own crosses as itself, not as the record
    it derives from."""
    mark = _Derived("services/web/ServiceDefinition.csdef", 7, "WebRole", 1)
    back = pickle.loads(pickle.dumps(mark, pickle.HIGHEST_PROTOCOL))
    assert type(back) is _Derived and back == mark


class _Derived(Mark):
    pass


@needs_corpus
def test_every_document_of_every_format_crosses_between_processes(monkeypatch):
    """What a worker sends back is pickled: a record no pickle can carry would send every check back to
    reading in one process, silently slower."""
    monkeypatch.chdir(CORPUS)
    documents = [_read(c, None) for c in walk(["."], Config())]
    documents = [d for d in documents if d is not None]
    assert len({d.kind for d in documents}) >= 6  # csdef, cscfg, netcfg, REST, Python, PowerShell...
    for document in documents:
        assert pickle.loads(pickle.dumps(document, pickle.HIGHEST_PROTOCOL)) == document, document.path


@needs_corpus
@needs_fork
def test_a_worker_that_fails_leaves_the_read_to_this_process(monkeypatch):
    monkeypatch.chdir(CORPUS)
    expected = _outcome(lint(["."], Config(), RULES, jobs=1))

    def broken(found, start, end, *_):
        raise MemoryError("a worker that could not read")

    monkeypatch.setattr(workers, "_read_span", broken)
    assert workers.read_in_workers(walk(["."], Config()), 2) is None
    assert _outcome(lint(["."], Config(), RULES, jobs=2)) == expected


@needs_corpus
@needs_fork
def test_a_worker_killed_midway_leaves_the_read_to_this_process(monkeypatch):
    """A worker gone without its share (killed, out of memory) is waited for, not hung on, and the read
    is this process's: the same documents as reading alone."""
    monkeypatch.chdir(CORPUS)
    found = walk(["."], Config())
    real = workers._read_span
    parent = os.getpid()

    def killed_in_the_worker(found, start, end, *rest):
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(found, start, end, *rest)

    monkeypatch.setattr(workers, "_read_span", killed_in_the_worker)
    assert workers.read_in_workers(found, 3) is None
    monkeypatch.setattr(workers, "_read_span", real)
    reads, kept = workers.read_in_workers(found, 3)
    assert [d for d, _ in reads] == [_read(c, None) for c in found] and kept is None


@needs_corpus
@needs_fork
def test_the_workers_that_read_locate_the_findings_in_their_files(monkeypatch):
    """Each worker locates the findings in the files it read and sends back the lines a text report shows:
    the same findings, positions and fixes as one process, the report reads again only what one process's
    would (lines too long to keep), and no worker is left running. Texts read again, as a larger check's
    are: a check of files as small as these holds them (`migcheck.texts.HELD_BYTES`)."""
    monkeypatch.setattr(texts_module, "HELD_BYTES", -1)
    monkeypatch.chdir(CORPUS)
    alone = lint(["."], Config(), RULES, jobs=1)
    asked = []
    real = workers.Crew.ask
    monkeypatch.setattr(
        workers.Crew,
        "ask",
        lambda crew, worker, request: asked.append(len(request)) or real(crew, worker, request),
    )
    shared = lint(["."], Config(), RULES, jobs=3)
    assert len(asked) == 2 and all(asked)  # two workers, each with findings in its files
    assert _outcome(shared) == _outcome(alone)
    assert _read_again_for_lines(shared, monkeypatch) == _read_again_for_lines(alone, monkeypatch)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def _read_again_for_lines(result, monkeypatch):
    """The files a text report of `result` reads again for the lines it shows."""
    read_again = []
    real = texts_module._read_again
    monkeypatch.setattr(
        texts_module, "_read_again", lambda entry: read_again.append(entry.fs_path) or real(entry)
    )
    for finding in result.findings:
        texts_module.lines_of(result.sources, finding.mark.path).line(finding.location.line)
    monkeypatch.setattr(texts_module, "_read_again", real)
    return sorted(read_again)


@needs_corpus
@needs_fork
def test_a_worker_that_fails_to_locate_leaves_it_to_this_process(monkeypatch):
    monkeypatch.chdir(CORPUS)
    expected = _outcome(lint(["."], Config(), RULES, jobs=1))
    parent = os.getpid()
    real = engine._placed_in_file

    def killed_in_a_worker(asked, sources):
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(asked, sources)

    monkeypatch.setattr(engine, "_placed_in_file", killed_in_a_worker)
    assert _outcome(lint(["."], Config(), RULES, jobs=3)) == expected
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


@needs_corpus
@needs_fork
def test_a_worker_is_sent_only_what_locating_reads_of_a_finding(monkeypatch):
    """Each finding's mark, fix and code, not the finding: its message, fix text and resource would cross
    the pipe only to be dropped there."""
    monkeypatch.chdir(CORPUS)
    expected = _outcome(lint(["."], Config(), RULES, jobs=1))
    sent = []
    real = workers.Crew.ask
    monkeypatch.setattr(
        workers.Crew, "ask", lambda crew, worker, request: sent.extend(request) or real(crew, worker, request)
    )
    assert _outcome(lint(["."], Config(), RULES, jobs=3)) == expected
    assert sent
    assert all(isinstance(mark, Mark) and isinstance(code, str) for mark, _, code in sent)
    assert not any(isinstance(value, Finding) for request in sent for value in request)


@needs_corpus
@needs_fork
def test_a_check_that_stops_after_reading_leaves_no_worker(monkeypatch):
    """The workers kept to locate are ended when the check stops before it locates (a rule that crashed)."""
    monkeypatch.chdir(CORPUS)

    def crashed(*args):
        raise RuleError("rule MIG999 (crashed) crashed", "MIG999", "the plugin's authors")

    monkeypatch.setattr(engine, "_run_rules", crashed)
    with pytest.raises(RuleError):
        lint(["."], Config(), RULES, jobs=3)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_a_small_check_reads_in_one_process(tmp_path, monkeypatch, capsys):
    def refused(*args, **kwargs):
        raise AssertionError("workers started for a small check")

    monkeypatch.setattr(workers, "read_in_workers", refused)
    (tmp_path / "a.cscfg").write_text('<ServiceConfiguration serviceName="s"/>')
    assert main(["check", str(tmp_path), "--exit-zero", "--quiet"]) == 0
    capsys.readouterr()
    assert workers.auto_jobs(workers.MIN_FILES - 1) == 1
    assert 1 <= workers.auto_jobs(workers.MIN_FILES) <= workers.MAX_AUTO_JOBS


@pytest.mark.parametrize("value", ["0", "-1", "two", ""])
def test_jobs_must_be_a_number_of_processes(value, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--jobs", value, "."])
    assert exit_.value.code == 2
    assert "--jobs: expected a number of processes, 1 or more" in capsys.readouterr().err


@needs_fork
def test_verbose_times_each_file_in_one_process(tmp_path, monkeypatch, capsys):
    def refused(*args, **kwargs):
        raise AssertionError("workers started for --verbose")

    monkeypatch.setattr(workers, "read_in_workers", refused)
    (tmp_path / "a.cscfg").write_text('<ServiceConfiguration serviceName="s"/>')
    assert main(["check", str(tmp_path), "--jobs", "2", "--verbose", "--exit-zero"]) == 0
    assert "a.cscfg" in capsys.readouterr().err


def test_a_process_running_other_threads_reads_in_one(monkeypatch):
    """A child forked while another thread holds a lock would wait for it forever."""
    import threading

    started, release = threading.Event(), threading.Event()
    other = threading.Thread(target=lambda: (started.set(), release.wait()))
    other.start()
    started.wait()
    try:
        assert not workers.can_fork()
        assert workers.auto_jobs(10 * workers.MIN_FILES) == 1
        assert workers.read_in_workers([], 2) is None
    finally:
        release.set()
        other.join()


def test_jobs_where_no_worker_can_be_forked_says_that_one_process_reads(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.cscfg").write_text('<ServiceConfiguration serviceName="s"/>')
    monkeypatch.setattr(workers.sys, "platform", "darwin")
    assert main(["check", str(tmp_path), "--jobs", "4", "--exit-zero", "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "--jobs 4: the files are read in one process (workers are forked on Linux only)" in err
    assert main(["check", str(tmp_path), "--exit-zero", "--quiet"]) == 0
    assert "--jobs" not in capsys.readouterr().err  # the default says nothing
