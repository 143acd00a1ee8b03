"""Every file whose text a check drops is kept as what reading it again takes (`migcheck.texts._OnDisk`):
at 40,000 files, one each. What the walk said of it (named on the command line or found, the folder it
was found in, whether through a link) is the same for nearly every file: the files share one tuple of it,
and each still reads back as the walk said it and reads its text again."""

from __future__ import annotations

from types import SimpleNamespace

from migcheck.model import Document, FileKind
from migcheck.texts import Texts, shed_check

CSCFG = '<ServiceConfiguration serviceName="{}"/>\n'


def _held(texts: Texts, folder, name: str, explicit: bool = False) -> None:
    path = folder / name
    data = CSCFG.format(name).encode()
    path.write_bytes(data)
    document = Document(name, FileKind.SERVICE_CONFIGURATION, "ServiceConfiguration", text=data.decode())
    candidate = SimpleNamespace(
        fs_path=name, explicit=explicit, within=str(folder), link=False, identity=None
    )
    texts.hold(document, candidate, shed_check(document, data))


def test_files_walked_alike_share_what_the_walk_said(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    texts = Texts()
    for name in ("a.cscfg", "b.cscfg"):
        _held(texts, tmp_path, name)
    _held(texts, tmp_path, "named.cscfg", explicit=True)
    a, b, named = (texts._on_disk[n] for n in ("a.cscfg", "b.cscfg", "named.cscfg"))
    assert a.walked is b.walked
    assert (a.explicit, a.within, a.link) == (False, str(tmp_path), False)
    assert (named.explicit, named.within, named.link) == (True, str(tmp_path), False)
    assert texts["b.cscfg"].text == CSCFG.format("b.cscfg")
