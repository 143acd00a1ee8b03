"""The order a CI pipeline runs its jobs in: for each job, the jobs that surely finish before it starts.

GitLab CI runs its stages in the order of `stages:` (build, test, deploy by default; `.pre` first and `.post`
last), each job after every job of the earlier stages, unless its `needs:` names the only jobs it waits
for. GitHub Actions runs its jobs at once unless `needs:` names those they wait for. Azure Pipelines runs
its stages in the order it lists them unless a stage's `dependsOn:` says otherwise, and the jobs of a stage
at once unless a job's `dependsOn:` names jobs of its stage. Only an order the file states is taken: a
job a template adds, or a dependency written as an expression, is waited for by none.
"""

from __future__ import annotations

from typing import Any

Node = Any  # a node of PyYAML's composed tree

# What each job waits for, by the id of its mapping: its name, and the names of the jobs that finish first.
RunOrder = dict[int, tuple[str, tuple[str, ...]]]

# A pipeline of more jobs than this is taken to state no order: each job's jobs before it are listed apart,
# which grows as the square of their number.
_MOST_JOBS = 200
_GITLAB_DEFAULT_STAGES = ("build", "test", "deploy")
# A job of one of these keys is a job GitLab runs; the rest of the top mapping's keys are settings.
_GITLAB_JOB_KEYS = ("script", "trigger", "run")


def gitlab(root: Node) -> RunOrder:
    """The run order of a `.gitlab-ci.yml` whose templates are merged (`_GitLabTemplates.resolved`)."""
    entries = _entries(root)
    jobs = {name: job for name, job in entries.items() if _mapping(job) and _is_gitlab_job(job)}
    if len(jobs) > _MOST_JOBS:
        return {}
    stated = entries.get("stages")
    listed = _names(stated) if stated is not None else list(_GITLAB_DEFAULT_STAGES)
    stages = [".pre", *[s for s in (listed or []) if s not in (".pre", ".post")], ".post"]
    rank = {stage: number for number, stage in enumerate(stages)}
    waits: dict[str, list[str]] = {}
    for name, job in jobs.items():
        needs = _entries(job).get("needs")
        if needs is not None:
            waits[name] = _gitlab_needs(needs)
            continue
        stage = _scalar_text(_entries(job).get("stage")) or "test"
        if stage not in rank:  # a stage `stages:` does not list: GitLab refuses the file
            waits[name] = []
            continue
        waits[name] = [
            other
            for other, its in jobs.items()
            if rank.get(_scalar_text(_entries(its).get("stage")) or "test", len(rank)) < rank[stage]
            and _blocks_later_stages(its)
        ]
    return _by_node(jobs, _closed(waits))


def github(root: Node) -> RunOrder:
    """The run order of a GitHub Actions workflow: each job after those its `needs:` names."""
    jobs = {name: job for name, job in _entries(_entries(root).get("jobs")).items() if _mapping(job)}
    if len(jobs) > _MOST_JOBS:
        return {}
    waits = {name: _names(_entries(job).get("needs")) or [] for name, job in jobs.items()}
    return _by_node(jobs, _closed(waits))


def azure_pipelines(root: Node) -> RunOrder:
    """The run order of an Azure Pipelines file: its stages in order (or their `dependsOn:`), each job
    after every job of the stages its stage follows and after the jobs of its stage its `dependsOn:`
    names. A job is named `stage.job` (a stage's jobs may share names with another's), or `job` in a
    file of jobs alone."""
    entries = _entries(root)
    if entries.get("stages") is None:
        jobs = _azure_jobs(entries.get("jobs"), "")
        if len(jobs) > _MOST_JOBS:
            return {}
        return _by_node(jobs, _closed(_azure_job_waits(jobs, "")))
    if len(_items(entries.get("stages"))) > _MOST_JOBS:
        return {}
    stage_jobs: dict[str, dict[str, Node]] = {}
    stage_waits: dict[str, list[str]] = {}
    previous: str | None = None
    for item in _items(entries.get("stages")):
        name = _scalar_text(_entries(item).get("stage")) if _mapping(item) else ""
        if not name:  # a template or a conditional insertion: which stages it adds is not read here
            previous = None
            continue
        depends = _entries(item).get("dependsOn")
        stated = _names(depends) if depends is not None else ([previous] if previous else [])
        stage_waits[name] = stated or []
        stage_jobs[name] = _azure_jobs(_entries(item).get("jobs"), name)
        previous = name
    if sum(len(jobs) for jobs in stage_jobs.values()) > _MOST_JOBS:
        return {}
    stage_follows = _closed(stage_waits)
    waits: dict[str, list[str]] = {}
    for stage, jobs in stage_jobs.items():
        earlier = [job for before in stage_follows[stage] for job in stage_jobs.get(before, {})]
        for job, direct in _azure_job_waits(jobs, stage).items():
            waits[job] = direct + earlier
    every = {name: job for jobs in stage_jobs.values() for name, job in jobs.items()}
    return _by_node(every, _closed(waits))


def _azure_jobs(listed: Node | None, stage: str) -> dict[str, Node]:
    """The jobs of a stage's `jobs:` list that name themselves (`job:` or `deployment:`), by `stage.job`."""
    jobs: dict[str, Node] = {}
    for item in _items(listed):
        entries = _entries(item) if _mapping(item) else {}
        name = _scalar_text(entries.get("job")) or _scalar_text(entries.get("deployment"))
        if name:
            jobs[_azure_name(stage, name)] = item
    return jobs


def _azure_job_waits(jobs: dict[str, Node], stage: str) -> dict[str, list[str]]:
    """Each job of a stage, the jobs of that stage its `dependsOn:` names (none when it names none)."""
    waits = {}
    for name, job in jobs.items():
        named = _names(_entries(job).get("dependsOn")) or []
        waits[name] = [_azure_name(stage, other) for other in named if _azure_name(stage, other) in jobs]
    return waits


def _azure_name(stage: str, job: str) -> str:
    return f"{stage}.{job}" if stage else job


def _is_gitlab_job(job: Node) -> bool:
    return any(key in _entries(job) for key in _GITLAB_JOB_KEYS)


def _blocks_later_stages(job: Node) -> bool:
    """Whether the jobs of later stages wait for this one: a manual job (`when: manual`) lets them run
    unless its `allow_failure:` is false."""
    entries = _entries(job)
    if _scalar_text(entries.get("when")) != "manual":
        return True
    return _scalar_text(entries.get("allow_failure")).casefold() == "false"


def _gitlab_needs(needs: Node) -> list[str]:
    """The jobs of this pipeline a `needs:` list names: a name, or a mapping's `job:` (not one of another
    project or pipeline)."""
    named = []
    for item in _items(needs):
        if _mapping(item):
            entries = _entries(item)
            if "project" in entries or "pipeline" in entries:
                continue
            item = entries.get("job")
        if _scalar_text(item):
            named.append(_scalar_text(item))
    return named


def _closed(waits: dict[str, list[str]]) -> dict[str, set[str]]:
    """For each name, every name it waits for, itself or through those it waits for; a name on a cycle
    (which the service refuses) waits for none of the cycle."""
    done: dict[str, set[str]] = {}
    for start in waits:
        stack: list[tuple[str, int]] = [(start, 0)]
        open_: set[str] = {start}
        while stack:
            name, index = stack[-1]
            direct = [other for other in waits.get(name, []) if other in waits]
            if index < len(direct):
                stack[-1] = (name, index + 1)
                other = direct[index]
                if other not in done and other not in open_:
                    open_.add(other)
                    stack.append((other, 0))
                continue
            stack.pop()
            open_.discard(name)
            done[name] = set()
            for other in direct:
                if other in done and other != name:
                    done[name] |= {other} | done[other]
            done[name].discard(name)
    return done


def _by_node(jobs: dict[str, Node], follows: dict[str, set[str]]) -> RunOrder:
    return {id(job): (name, tuple(sorted(follows.get(name, set())))) for name, job in jobs.items()}


def _entries(node: Node | None) -> dict[str, Node]:
    if node is None or not _mapping(node):
        return {}
    return {key.value: value for key, value in node.value if _scalar(key)}


def _items(node: Node | None) -> list[Node]:
    return list(node.value) if node is not None and node.id == "sequence" else []


def _names(node: Node | None) -> list[str] | None:
    """The names a scalar or a list of scalars states; None where it states none (an expression, a
    mapping): then nothing is certainly waited for."""
    if node is None:
        return None
    if _scalar(node):
        text = node.value.strip()
        return [] if not text else (None if "$" in text else [text])
    if node.id != "sequence":
        return None
    names = [_scalar_text(item) for item in node.value]
    return None if any(not name or "$" in name for name in names) else names


def _scalar_text(node: Node | None) -> str:
    return node.value.strip() if node is not None and _scalar(node) else ""


def _scalar(node: Node | None) -> bool:
    return node is not None and node.id == "scalar" and isinstance(node.value, str)


def _mapping(node: Node | None) -> bool:
    return node is not None and node.id == "mapping"
