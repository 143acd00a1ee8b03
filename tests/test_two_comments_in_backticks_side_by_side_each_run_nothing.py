"""Two comments in backticks side by side on a continued command (`\\`#'dns-1'` `#DNS name` \\`), as a
cluster script notes a word it left out, each run nothing, as one alone does: tree-sitter-bash reads two
substitutions of blanks after a word as one, so neither was taken for a comment and the script was a syntax
problem (MIG001) there, nothing after it read. Each is now read as empty, and so is the rest of the script."""

from __future__ import annotations

import pytest
from lint_support import lint_files, script_resources

from migcheck.model import Deployment

_NOTES = {
    "quote-in-first": "`#'dns-1'` `#DNS name`",
    "plain": "`#first` `#second`",
    "three": "`#a b` `#c` `#d e`",
}


@pytest.mark.parametrize("notes", list(_NOTES.values()), ids=list(_NOTES))
def test_the_words_after_the_comments_are_read(tmp_path, monkeypatch, notes) -> None:
    script = (
        "#!/bin/bash\nf() {\n  azure vm create \\\n    --connect shop --vm-name web1 \\\n"
        f"    {notes} \\\n    --virtual-network-name appnet \\\n    img ops Passw0rd!\n}}\nf\n"
    )
    [shop] = [r for r in script_resources(script, "deploy.sh") if isinstance(r, Deployment)]
    assert shop.virtual_network is not None and shop.virtual_network.name == "appnet"
    assert lint_files(tmp_path, monkeypatch, {"deploy.sh": script}, "MIG001").findings == []
