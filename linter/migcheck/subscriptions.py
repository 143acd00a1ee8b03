"""Which subscription each file describes. Nothing is linked across subscriptions: two repositories (or
two folders) checked in one run must give exactly the findings each gives alone.

A network configuration describes all of one subscription's virtual networks (`Set-AzureVNetConfig`
replaces the whole of it), and so does a REST `VirtualNetworkSites` body (the list of them); such files are
what tell subscriptions apart:

1. Files matching a configured subscription's globs (`[tool.migcheck.subscriptions]`, name → globs,
   first match in the order written) belong to it.
2. Of the rest: with at most one folder holding network configurations, everything is one subscription,
   named `default`.
3. With several, each such folder claims the largest folder around it that holds no other network
   configuration, and a file belongs to the deepest claim that contains it; the subscription is named
   after that folder. Files that no claim contains (beside none of the network configurations) are one
   subscription, `default`: no network configuration checks their names, so nothing is guessed for them.
   A folder's name is its path relative to the project's root, the folder of the settings file (as every
   path in the settings is), so that a run from another folder names it alike; with no settings file,
   relative to the working directory.

4. Where the files of one group (so split) select several subscriptions, by the ids or names their
   scripts state (`SubscriptionSelection`: `Select-AzureSubscription`, `azure account set`, a Python
   `ServiceManagementService` client), what a script creates after it selects one is that subscription's,
   named by its id or name: a script that selects one is of it whole, one that selects several is split at
   each selection (a deployment by the one in force where the call that creates it runs, as a function
   called after a selection does: `Deployment.selected_in`), and a file or a part before any selection
   stays in the group. A network configuration file of the group a script uploads after it selects one
   (`Script.uploaded_in`) is that subscription's too, and so is the cloud a script signs in to before it
   selects one (a sign-in is the account's, of each subscription selected after it runs:
   `_signed_in_where_selected`). A selection by a value the
   script does not state (`UNSTATED_SUBSCRIPTION`) ends the one before it: what follows it stays in the
   group, whose id the plan leaves to fill in. Its readers key the cloud services a script creates by the selection in force, so
   that a service of one name it creates in two subscriptions is two. A selection of a
   configured subscription's name is of that subscription. A cloud service project's .csdef and .cscfg
   hold no subscription: they are of each subscription a deployment of the project is made in (a publish
   profile's, a script's `New-AzureDeployment -Configuration <file>` under a selection), the very same
   documents in each, and stay in the group where none is or one is made under no selection
   (`_ProjectFolders`); they are the only files several subscriptions share. Files that select no
   subscription, or one only in their group, are grouped as before.

Inventory exports name the subscription of each row. The classic resources of the subscription a group's
files describe (the declared one, or the only one its exports hold) are joined to its files; those of every
other subscription the exports hold are checked as estates of their own (`estate._other_subscriptions`).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import os
import posixpath
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from migcheck.model import (
    UNSTATED_SUBSCRIPTION,
    CloudInUse,
    Deployment,
    Document,
    FileKind,
    Mark,
    NetworkConfiguration,
    Script,
    SubscriptionSelection,
    VirtualNetwork,
)

DEFAULT_SUBSCRIPTION = "default"


def split_subscriptions(
    docs: tuple[Document, ...], configured: Mapping[str, tuple[str, ...]], root: str = ""
) -> list[tuple[str, tuple[Document, ...]]]:
    """(subscription name, its documents in the order given), configured subscriptions first. A
    subscription named after its folder is named relative to `root` (the settings file's folder; ""
    for the working directory)."""
    from migcheck.discover import FirstMatch

    claimed = FirstMatch(configured) if configured else None
    chosen: dict[str, list[Document]] = {name: [] for name in configured}
    rest: list[Document] = []
    for doc in docs:
        name = claimed.first(doc.path) if claimed is not None else None
        (chosen[name] if name is not None else rest).append(doc)
    selected: dict[str, list[Document]] = {}
    grouped: list[tuple[str, tuple[Document, ...]]] = []
    for name, found in _by_network_configuration(rest, root):
        kept = _apart_by_selection(found, selected)
        if kept:
            grouped.append((name, kept))
    configured_as = {_same(name): name for name in configured}
    for name, parts in selected.items():
        if _same(name) in configured_as:  # a selection of a configured subscription's name
            chosen[configured_as[_same(name)]].extend(parts)
    out = [(name, tuple(found)) for name, found in chosen.items() if found]
    taken = {name for name, _ in out}
    apart = [(name, tuple(parts)) for name, parts in selected.items() if _same(name) not in configured_as]
    for name, found in grouped + apart:
        while name in taken:  # a configured subscription, or a folder, has that name already
            name += "'"
        taken.add(name)
        out.append((name, found))
    return out


def selects_subscriptions(doc: Document) -> bool:
    """Whether a script selects a subscription (`SubscriptionSelection`), which may set its resources
    apart from its group's (`split_subscriptions`)."""
    return (
        doc.kind is not None
        and doc.kind is not _NETWORK_CONFIGURATION
        and any(isinstance(r, SubscriptionSelection) for r in doc.resources)
    )


def _apart_by_selection(
    docs: tuple[Document, ...], selected: dict[str, list[Document]]
) -> tuple[Document, ...]:
    """The documents of one group that stay in it; where its scripts select several subscriptions, the
    parts of each script under a selection go to `selected`, by the subscription's id or name, and so
    does a network configuration file of the group a script uploads under a selection (`_uploaded_in`)."""
    own = [_own_selections(d) for d in docs]  # each script's text gone through once
    if not any(own):  # nearly every group: no script of it selects a subscription
        return docs
    selections = {id(d): _from_first_stated(found) for d, found in zip(docs, own, strict=True)}
    names = {_same(s.name) for found in selections.values() for s in found}
    if len(names) < 2 and not any(map(_unstated_first, own)):
        return docs
    spelled = {_same(name): name for name in reversed(selected)}  # as first selected in another group
    uploaded = _uploaded_in(docs)
    parted: dict[int, list[tuple[str, Document]]] = {}
    for doc in docs:
        if is_project_file(doc):
            continue
        into = uploaded.get(_file_name(doc.path)) if doc.kind is _NETWORK_CONFIGURATION else None
        found = [(into, doc)] if into else _parts(doc, selections[id(doc)])
        parted[id(doc)] = [(spelled.setdefault(_same(name), name), part) for name, part in found]
    projects = _ProjectFolders(docs)
    for parts in parted.values():
        for name, part in parts:
            projects.deployed_in(part, name)
    kept: list[Document] = []
    for doc in docs:
        for name, part in parted.get(id(doc)) or projects.parts_of(doc):
            (selected.setdefault(name, []) if name else kept).append(part)
    return tuple(kept)


def is_project_file(doc: Document) -> bool:
    """A cloud service project's .csdef or .cscfg that the files read (`ServiceDefinition`,
    `ServiceConfiguration`): it selects no subscription of its own, and is of each that a deployment of
    the project is made in (`_ProjectFolders`)."""
    return doc.kind in _PROJECT_KINDS and doc.problem is None and bool(doc.resources)


class _ProjectFolders:
    """The subscriptions the deployments of a group deploy each cloud service project in: a publish
    profile's, or a script's `New-AzureDeployment -Configuration <file>` after a selection
    (`Deployment.configuration_file`). A project's files hold no subscription: the same .csdef and .cscfg
    are published to a staging subscription and a production one. So each project file goes, the very same
    document, to every subscription a deployment of its project is made in (its services there are those
    the deployments name), and stays in the group where none is or one is made outside every selection;
    nothing else is shared across subscriptions."""

    def __init__(self, docs: Sequence[Document]) -> None:
        from migcheck.discover import published_project, written_tail  # as `split_subscriptions`: when needed

        self.published, self.tail = published_project, written_tail
        self.cwd = os.getcwd().replace(os.sep, "/")
        self.folders: set[str] = set()  # the projects' folders
        files: list[tuple[str, str]] = []  # each project file's path in lower case, and its project's folder
        for doc in docs:
            if is_project_file(doc):
                folder = self._project(doc.path)
                self.folders.add(folder)
                files.append((doc.path.casefold(), folder))
        self.by_tail = self._by_tail(files, docs)
        self.deploying: dict[str, dict[str, None]] = {}  # a project's folder -> subscriptions, in order

    def deployed_in(self, part: Document, subscription: str) -> None:
        """Records the projects the deployments of `part` (a document, or a script's part under one
        selection) deploy in `subscription` ("" for the group's)."""
        for resource in part.resources:
            if isinstance(resource, Deployment) and resource.deployed_file:
                folder = self._deployed(resource)
                if folder:
                    self.deploying.setdefault(folder, {})[subscription] = None

    def parts_of(self, doc: Document) -> list[tuple[str, Document]]:
        """A project file in each subscription its project is deployed in; in the group ("") else."""
        names = self.deploying.get(self._project(doc.path), {"": None})
        return [(name, doc) for name in names]

    def _project(self, path: str) -> str:
        folder = folder_of(path, self.cwd)
        return self.published(folder) or folder

    def _deployed(self, deployment: Deployment) -> str:
        """The project folder of the configuration file a deployment names: the file's folder from the
        deployment's file's own, where the group holds project files there; else the one folder whose
        files' paths end with the path written (a script run from another folder)."""
        written = deployment.deployed_file.replace("\\", "/")
        path = posixpath.join(folder_of(deployment.mark.path, self.cwd), written)
        folder = self._project(path)
        if folder in self.folders:
            return folder
        found = self.by_tail.get(self.tail(written).casefold(), ())
        return next(iter(found)) if len(found) == 1 else ""

    def _by_tail(self, files: list[tuple[str, str]], docs: Sequence[Document]) -> dict[str, set[str]]:
        """The folders of the project files whose paths end with each path a deployment writes for its
        configuration file (`written_tail`, in lower case), where any do. A path ends with a tail of k
        parts only through its own last k parts (or all of them), so each file is looked up once for each number of parts
        the tails have (a few), where every deployment looked through every file's path (all the projects'
        files are named ServiceConfiguration.*.cscfg)."""
        tails = {
            self.tail(resource.deployed_file.replace("\\", "/")).casefold()
            for doc in docs
            for resource in doc.resources
            if isinstance(resource, Deployment) and resource.deployed_file
        }
        lengths = {tail.count("/") for tail in tails}
        found: dict[str, set[str]] = {}
        for path, folder in files:
            parts = path.split("/")
            for length in lengths:
                ending = "/" + "/".join(parts[-length:])
                # A path as the walk gives it (`Pool/ServiceConfiguration.cscfg`, no folder above the project's)
                # ends with a tail of all its parts: its first part is a whole name all the same.
                if length <= len(parts) and ending in tails:
                    found.setdefault(ending, set()).add(folder)
        return found


def _uploaded_in(docs: Iterable[Document]) -> dict[str, str]:
    """The subscription each network configuration file the scripts of a group upload is uploaded in, by
    the file's name without its folder or case (as the link stage takes an upload to be of a file checked
    by that name), where they upload it under a selection (`Script.uploaded_in`): an upload replaces the
    network configuration of the subscription selected there. A file uploaded in several is none's."""
    found: dict[str, str] = {}
    for doc in docs:
        for script in (r for r in doc.resources if isinstance(r, Script)):
            for file, name in script.uploaded_in:
                key = _file_name(file)
                found[key] = name if _same(found.get(key, name)) == _same(name) else ""
    return {file: name for file, name in found.items() if name}


def _file_name(path: str) -> str:
    """A file's name without its folder (either slash) or case."""
    return path.replace("\\", "/").rpartition("/")[2].casefold()


def _same(name: str) -> str:
    """A subscription's id or name as compared: names are matched whatever their case (`Contoso Prod`,
    `contoso prod`), as the classic tools match them; ids are lower-cased already (`subscription_guid`)."""
    return name.casefold()


def _selections(doc: Document) -> list[SubscriptionSelection]:
    """The selections a script makes in its own text, in the order of their lines, from its first of a
    subscription it states on: one by a value it does not state (`UNSTATED_SUBSCRIPTION`) before that ends
    none, and leaves what follows in the group, as a script that selects nothing does."""
    return _from_first_stated(_own_selections(doc))


def _own_selections(doc: Document) -> list[SubscriptionSelection]:
    """Every selection a script makes in its own text, in the order of their lines."""
    if doc.kind is None or doc.kind in _SELECT_NONE:
        return []
    found = [r for r in doc.resources if isinstance(r, SubscriptionSelection) and r.mark.path == doc.path]
    found.sort(key=lambda s: (s.mark.line, s.mark.column))
    return found


def _from_first_stated(own: list[SubscriptionSelection]) -> list[SubscriptionSelection]:
    """`_selections` of a script whose `_own_selections` are `own`."""
    first_stated = next((at for at, s in enumerate(own) if s.called != UNSTATED_SUBSCRIPTION), len(own))
    return own[first_stated:]


def _unstated_first(own: list[SubscriptionSelection]) -> bool:
    """Whether a script whose `_own_selections` are `own` selects a subscription by a value it does not
    state (`Select-AzureSubscription $args[0]`) before it selects one it states: what it does in between
    is in the unstated one, the group's, not in the one it states after, so its part from that selection
    on is set apart even where it is the only subscription the group's files state."""
    return (
        bool(own)
        and own[0].called == UNSTATED_SUBSCRIPTION
        and any(s.called != UNSTATED_SUBSCRIPTION for s in own)
    )


def _parts(doc: Document, selections: list[SubscriptionSelection]) -> list[tuple[str, Document]]:
    """A script's resources split by the selection in force at the line each is written on (the last one
    on or above it; "" above the first), or where the reader tells the one in force where the call that
    made it ran (`Deployment.selected_in`: a function written above the selections, called after one), by
    that one (or where the call that made a storage account, reserved IP or network ran); each part a
    document of the script's path. What is not written
    in the script's text (a value of a settings file beside it) goes with its first part, and so does what
    is the file's own (its problem, its suppression comments), so that each is reported once."""
    if not selections:
        return [("", doc)]
    lines = [s.mark.line for s in selections]
    spelled: dict[str, str] = {}  # a name as the script first spells it
    names: list[str | None] = []
    for resource in doc.resources:
        mark = getattr(resource, "mark", None)
        ran_in: str = getattr(resource, "selected_in", "")  # a deployment's, a storage account's, ...
        if ran_in:
            names.append(_in_group(spelled.setdefault(_same(ran_in), ran_in)))
        elif isinstance(mark, Mark) and mark.path == doc.path:
            selected = _selected_on(selections, lines, mark.line)
            names.append(_in_group(spelled.setdefault(_same(selected), selected)))
        else:
            names.append(None)
    placed = _signed_in_where_selected(list(zip(doc.resources, names, strict=True)), selections)
    first = next((name for _, name in placed if name is not None), "")
    grouped: dict[str, list[object]] = {}
    for resource, name in placed:
        grouped.setdefault(first if name is None else name, []).append(resource)
    parts = [(first, dataclasses.replace(doc, resources=tuple(grouped.pop(first))))]
    bare = dataclasses.replace(doc, suppressions=(), directive_comments=(), problem=None)
    parts.extend((name, dataclasses.replace(bare, resources=tuple(found))) for name, found in grouped.items())
    return parts


def _selected_on(selections: Sequence[SubscriptionSelection], lines: Sequence[int], line: int) -> str:
    """The subscription `selections` (a script's, by their `lines`) have selected at `line`: the last one on
    or above it; "" above the first."""
    at = bisect.bisect_right(lines, line) - 1
    return selections[at].name if at >= 0 else ""


def selected_where(documents: Iterable[Document]) -> Callable[[Mark], str]:
    """What tells whether two places of the scripts work in one subscription: the subscription a script
    has selected where it writes a mark, as compared (`_same`), as `split_subscriptions` parts a script
    (`_parts`); "" above its first selection of one it states, in a file that selects none, and after a
    selection by a value it does not state (`_in_group`): the group's subscription, which a stated one may
    differ from. Linear in the documents' resources; each question a bisection."""
    by_path: dict[str, list[SubscriptionSelection]] = defaultdict(list)
    for doc in documents:
        by_path[doc.path].extend(_selections(doc))  # a script split in parts: each part's, together
    ordered = {
        path: sorted(found, key=lambda s: (s.mark.line, s.mark.column)) for path, found in by_path.items()
    }
    lines = {path: [s.mark.line for s in found] for path, found in ordered.items()}

    def selected(mark: Mark) -> str:
        found = ordered.get(mark.path)
        return _same(_in_group(_selected_on(found, lines[mark.path], mark.line))) if found else ""

    return selected


def _in_group(name: str) -> str:
    """A part's subscription: "" (its group's) for one the script selects by a value it does not state
    (`UNSTATED_SUBSCRIPTION`), whose id the plan leaves to fill in, as it does for a script that selects none."""
    return "" if name == UNSTATED_SUBSCRIPTION else name


def _signed_in_where_selected(
    placed: list[tuple[object, str | None]], selections: list[SubscriptionSelection]
) -> list[tuple[object, str | None]]:
    """`placed` (each resource with the subscription `_parts` gives it), with the cloud a script signs in
    to (`CloudInUse`: `Add-AzureAccount -Environment AzureChinaCloud`, `azure login -e`) given to each
    subscription it selects after the sign-in runs (`CloudInUse.selected_after`) that states no cloud of its
    own (as a Python client made with its host does): a sign-in is the account's, and every subscription
    selected after it is one of that cloud, not the one selected above it. A cloud above the first
    selection that is no sign-in (a host of the API) goes to each subscription selected. Either stays with
    the part above the selections (the group's) only where the script makes something there, in the
    subscription the sign-in selects by default, or where no selection takes it: a sign-in alone says
    nothing of the group's other files."""
    spelled = {_same(name): name for _, name in placed if name}
    own = {name for r, name in placed if name and isinstance(r, CloudInUse) and not r.selected_after}
    selected = _selected_names([s.name for s in selections], spelled, own)
    kept = not selected or any(name == "" and not isinstance(r, _SCRIPT_ITSELF) for r, name in placed)
    out: list[tuple[object, str | None]] = []
    for resource, name in placed:
        if not isinstance(resource, CloudInUse) or (name != "" and not resource.selected_after):
            out.append((resource, name))
            continue
        signed_in = resource.selected_after
        after = _selected_names(signed_in, spelled, own) if signed_in else selected
        # A sign-in below a selection stays in that one only where no subscription selected after takes it.
        if kept if name == "" else not after:
            out.append((resource, name))
        out.extend((resource, other) for other in after)
    return out


def _selected_names(names: Iterable[str], spelled: Mapping[str, str], own: set[str]) -> list[str]:
    """The subscriptions `names` select, once each as the script first spells them, but for those in
    `own` (which state a cloud of their own) and one not stated (the group's: `_in_group`)."""
    found = dict.fromkeys(_in_group(spelled.get(_same(name), name)) for name in names)
    return [name for name in found if name and name not in own]


# What a script's part above its first selection holds of the script itself, not of the subscription the
# account selects by default: its record, and the cloud it signs in to.
_SCRIPT_ITSELF = (Script, CloudInUse)


def named_folder(name: str, configured: Mapping[str, tuple[str, ...]], docs: Sequence[Document] = ()) -> str:
    """The folder a subscription `split_subscriptions` names after one is named after (its name, without
    the `'` added to tell it from a configured subscription of that name); "" for a configured one, for
    `default`, and for one its scripts select by that id or name (`docs`, its documents)."""
    if name in configured or name == DEFAULT_SUBSCRIPTION:
        return ""
    bare = name.rstrip("'")
    return "" if selected_by_its_scripts(bare, docs) else bare


def selected_by_its_scripts(name: str, docs: Iterable[Document]) -> bool:
    """Whether a subscription is one its documents' scripts select by that id or name: set apart from its
    group by what the files say (`_apart_by_selection`), not by a setting or the folders of the files."""
    return any(_same(s.name) == _same(name) for d in docs for s in _selections(d))


def subscription_words(name: str, folder: str) -> str:
    """How a report names a subscription to its user: `the subscription of the files under shop/prod` for
    one named after its folder (`named_folder`: no setting or file names it, and its name is only a
    path), `subscription 'prod'` for any other (a configured name, an id, `default`)."""
    return f"the subscription of the files under {folder}" if folder else f"subscription '{name}'"


def folder_of(path: str, cwd: str = "") -> str:
    """A file's folder as one string whatever the working directory made of its display path
    (`../shop/x.cscfg` and `x.cscfg` are in the same folder when run from `shop/`). Display paths are
    `/`-separated; pass `cwd` (`os.getcwd()`) when calling it for many files."""
    return _folder(path[: path.rfind("/") + 1], cwd or os.getcwd().replace(os.sep, "/"))


@functools.lru_cache(maxsize=4096)  # the files of a folder share it: normalised once
def _folder(head: str, cwd: str) -> str:
    """The normalised absolute folder of the path whose part up to its last `/` is `head`."""
    return posixpath.normpath(posixpath.join(cwd, posixpath.dirname(head)))


def _by_network_configuration(docs: list[Document], root: str) -> list[tuple[str, tuple[Document, ...]]]:
    cwd = os.getcwd().replace(os.sep, "/")
    folders = sorted({folder_of(d.path, cwd) for d in docs if _defines_networks(d)})
    if not docs:
        return []
    if len(folders) <= 1:
        return [(DEFAULT_SUBSCRIPTION, tuple(docs))]
    claims = _claims(folders)
    groups: dict[str, list[Document]] = {claim: [] for claim in sorted(claims)}
    unclaimed: list[Document] = []
    for doc in docs:
        claim = _deepest(folder_of(doc.path, cwd), claims)
        (groups[claim] if claim is not None else unclaimed).append(doc)
    out = [(_shown_as_given(claim, root, found), tuple(found)) for claim, found in groups.items() if found]
    if unclaimed:
        out.append((DEFAULT_SUBSCRIPTION, tuple(unclaimed)))
    return out


# Looked up once: a member looked up on its enum class goes through `EnumType.__getattr__`'s hook on Python
# 3.11, and `_defines_networks` is asked of every document, twice.
_SHELL, _NETWORK_CONFIGURATION = FileKind.SHELL, FileKind.NETWORK_CONFIGURATION
_PROJECT_KINDS = (FileKind.SERVICE_DEFINITION, FileKind.SERVICE_CONFIGURATION)
# The kinds of file whose readers make no `SubscriptionSelection`: a cloud service's definitions and
# configurations (most files of an estate) are not walked for one.
_SELECT_NONE = frozenset((_NETWORK_CONFIGURATION, *_PROJECT_KINDS, FileKind.VM_EXPORT))


def _defines_networks(doc: Document) -> bool:
    """A network configuration (a .netcfg, or the one a script uploads), or a REST `VirtualNetworkSites`
    body (the list of a subscription's networks, as `Get-AzureVNetSite` or the REST API returns it): each
    describes one subscription. Not the networks a shell script's `azure network vnet create` makes: the
    CLI adds each to the subscription's networks, whichever those are, so a folder of such scripts is no
    subscription of its own."""
    kind = doc.kind
    if kind is _SHELL:
        return False
    if kind is _NETWORK_CONFIGURATION:
        return True
    # A loop, not `any` over a generator (twice the cost): this is asked of every document.
    for resource in doc.resources:  # noqa: SIM110
        if isinstance(resource, _NETWORK_TYPES):
            return True
    return False


_NETWORK_TYPES = (VirtualNetwork, NetworkConfiguration)


def _claims(folders: Iterable[str]) -> dict[str, str]:
    """Each folder's claim (the largest folder around it, itself at least, that holds no other of
    `folders`), mapped to the folder. The other folder nearest to one is among its two neighbours in
    path order, and the claim is one level below the deepest folder the two share: found from those
    neighbours alone, where walking up from each folder to the root cost the depth of a chain of nested
    folders for each of them."""
    parts = sorted(folder.split("/") for folder in folders)
    claims: dict[str, str] = {}
    for at, own in enumerate(parts):
        neighbours = parts[max(at - 1, 0) : at] + parts[at + 1 : at + 2]
        shared = max(_shared(own, other) for other in neighbours)
        claims["/".join(own[: shared + 1])] = "/".join(own)
    return claims


def _shared(a: list[str], b: list[str]) -> int:
    """How many leading folders two paths share."""
    count = 0
    for x, y in zip(a, b, strict=False):  # paths of different depths
        if x != y:
            break
        count += 1
    return count


def _deepest(folder: str, claims: Mapping[str, str]) -> str | None:
    """The deepest claim that contains `folder`, or None."""
    while True:
        if folder in claims:
            return folder
        parent = posixpath.dirname(folder)
        if not folder or parent == folder:  # "" or "/": nothing above
            return None
        folder = parent


def _shown_as_given(folder: str, root: str, docs: Sequence[Document]) -> str:
    """A subscription's name as its files were given: with no settings file to name it from, the whole
    folder for files named by an absolute path (`/srv/corpus/shop`, as `check` shows their paths, where
    the working directory made it `../../srv/corpus/shop`), else `_shown`."""
    return folder if not root and docs and posixpath.isabs(docs[0].path) else _shown(folder, root)


def _shown(folder: str, root: str) -> str:
    """A subscription's name: its folder relative to `root` (the working directory when ""), `/`
    separated; a folder outside the root keeps its `..`, and one on another drive its whole path."""
    try:
        return os.path.relpath(folder, root or None).replace(os.sep, "/")
    except ValueError:  # Windows: another drive
        return folder
