"""A comment in backticks (`--connect "$svc" `#Deployment name` \\`) is a way to note what a word of a
continued command is: bash runs the comment, which is nothing, so the substitution is empty and, as a word
of its own, dropped. tree-sitter-bash lets the comment run past the closing backtick, and the script was a
syntax problem (MIG001) there, nothing after it read. Such a substitution is now read as empty."""

from __future__ import annotations

from lint_support import lint_files, script_resources

from migcheck.model import Deployment, Script

_NOTED = """\
#!/bin/bash
azure vm create \\
  --connect "shop" `#Deployment name` \\
  --vm-name web1 `# the VM's name` \\
  --virtual-network-name appnet \\
  img ops Passw0rd! -l "West US"
azure vm create --connect shop --vm-name web2 `#second` img ops Passw0rd! -l "West US"
"""


def _read(script: str) -> tuple[list[Deployment], Script]:
    resources = script_resources(script, "deploy.sh")
    [script_read] = [r for r in resources if isinstance(r, Script)]
    return [r for r in resources if isinstance(r, Deployment)], script_read


def test_the_words_after_a_comment_in_backticks_are_read_and_so_is_the_rest(tmp_path, monkeypatch):
    [shop], script_read = _read(_NOTED)
    assert [role.name for role in shop.roles] == ["web1", "web2"]
    assert shop.virtual_network is not None and shop.virtual_network.name == "appnet"
    assert (shop.virtual_network.mark.line, shop.virtual_network.mark.column) == (5, 26)
    assert script_read.unread == ()
    assert [call.mark.line for call in script_read.calls] == [2, 7]
    assert lint_files(tmp_path, monkeypatch, {"deploy.sh": _NOTED}, "MIG001").findings == []


def test_a_comment_in_backticks_inside_quotes_gives_nothing():
    [tagged], _ = _read('#!/bin/bash\nazure vm create "tag`#note`" img ops Passw0rd! -l "West US"\n')
    assert tagged.service_name == "tag"


def test_a_hash_in_a_quoted_string_in_backticks_is_no_comment():
    script = '#!/bin/bash\nazure vm create shop `printf "web#%d" 2` img ops Passw0rd! -l "West US"\n'
    [shop], script_read = _read(script)
    assert [role.name for role in shop.roles] == ["shop"]
    assert [call.changes for call in script_read.calls] == [(("cloud-service", "shop"),)]
    named = '#!/bin/bash\nazure vm create --connect shop --vm-name `printf "web#%d" 2` img ops Passw0rd!\n'
    [shop], _ = _read(named)
    assert [role.name for role in shop.roles] == ["web#2"]


def test_backticks_in_single_quotes_stay_text_and_an_open_one_is_still_a_syntax_problem(
    tmp_path, monkeypatch
):
    quoted = (
        "#!/bin/bash\necho 'run `#not a comment` here'\nazure vm create shop img ops Passw0rd! -l 'West US'\n"
    )
    [shop], script_read = _read(quoted)
    assert shop.service_name == "shop" and script_read.unread == ()
    unclosed = '#!/bin/bash\nazure vm create shop img ops Passw0rd! -l "West US `#note`\n'
    [problem] = lint_files(tmp_path, monkeypatch, {"deploy.sh": unclosed}, "MIG001").findings
    assert problem.location is not None and problem.location.line == 2
