"""`migcheck completion bash|zsh|fish`: scripts generated from the parser, so every subcommand and option
is in each; bash's and fish's are run to see that they complete what they should."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from migcheck.cli import _parser, main
from migcheck.completion import describe
from migcheck.plugins import load_rules

SHELLS = ("bash", "zsh", "fish")


def _script(capsys, shell: str) -> str:
    assert main(["completion", shell]) == 0
    return capsys.readouterr().out


def _every_name() -> list[str]:
    top, commands = describe(_parser())
    names = [flag for option in top for flag in option.flags]
    for command in commands:
        names.append(command.name)
        names += [flag for option in command.options for flag in option.flags]
    return names


def test_the_parser_is_read_whole():
    _, commands = describe(_parser())
    names = {c.name for c in commands}
    assert {"check", "rule", "rules", "badge", "plan", "completion", "server"} <= names
    check = next(c for c in commands if c.name == "check")
    flags = {flag for option in check.options for flag in option.flags}
    assert {"--select", "--format", "--quiet", "-q", "--show-settings", "--no-respect-gitignore"} <= flags
    assert next(o for o in check.options if "--format" in o.flags).choices[:2] == ("text", "concise")
    assert check.positional is not None and check.positional.kind == "files"


@pytest.mark.parametrize("shell", SHELLS)
def test_every_subcommand_and_option_is_in_the_script(capsys, shell):
    script = _script(capsys, shell)
    for name in _every_name():
        if shell == "fish" and name.startswith("-"):
            # fish names options without their dashes: -l format, -s q
            expected = f"-l '{name[2:]}'" if name.startswith("--") else f"-s '{name[1:]}'"
        else:
            expected = name
        assert expected in script, f"{name} is missing from the {shell} script"
    assert "MIG201" in script and "endpoint-acl" in script  # rule values complete too


@pytest.mark.parametrize("shell", SHELLS)
def test_the_script_is_valid_for_its_shell(capsys, shell, tmp_path):
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed")
    path = tmp_path / f"migcheck.{shell}"
    path.write_text(_script(capsys, shell))
    checked = subprocess.run([shell, "-n", str(path)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr


def _bash_complete(script_path, cwd, *words: str) -> list[str]:
    """What the bash function offers for `words`, the last one being completed."""
    quoted = " ".join(f"'{w}'" for w in words)
    program = (
        f"source '{script_path}'; COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; "
        'COMPREPLY=(); _migcheck; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    done = subprocess.run(["bash", "-c", program], capture_output=True, text=True, cwd=cwd, check=True)
    return [line for line in done.stdout.splitlines() if line]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completes_commands_options_values_rules_and_files(capsys, tmp_path):
    script = tmp_path / "migcheck.bash"
    script.write_text(_script(capsys, "bash"))
    (tmp_path / "a b.cscfg").write_text("")
    assert _bash_complete(script, tmp_path, "migcheck", "ch") == ["check"]
    assert _bash_complete(script, tmp_path, "migcheck", "check", "--show-s") == ["--show-settings"]
    assert _bash_complete(script, tmp_path, "migcheck", "check", "--format", "sa") == ["sarif"]
    mig20 = [rule.code for rule in load_rules() if rule.code.startswith("MIG20")]
    assert mig20 and _bash_complete(script, tmp_path, "migcheck", "check", "--select", "MIG20") == mig20
    assert _bash_complete(script, tmp_path, "migcheck", "check", "a") == [
        "a b.cscfg"
    ]  # one name, spaces kept
    assert _bash_complete(script, tmp_path, "migcheck", "completion", "") == ["bash", "zsh", "fish"]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completes_the_last_rule_of_a_list_and_a_value_after_an_equals_sign(capsys, tmp_path):
    script = tmp_path / "migcheck.bash"
    script.write_text(_script(capsys, "bash"))
    mig20 = [rule.code for rule in load_rules() if rule.code.startswith("MIG20")]
    listed = _bash_complete(script, tmp_path, "migcheck", "check", "--select", "MIG201,MIG20")
    assert listed == [f"MIG201,{code}" for code in mig20]
    listed = _bash_complete(script, tmp_path, "migcheck", "badge", "--ignore", "MIG201,endpoint-a")
    assert listed == ["MIG201,endpoint-acl"]
    # bash gives `--select=MIG20` as three words: `--select`, `=`, `MIG20`.
    assert _bash_complete(script, tmp_path, "migcheck", "check", "--select", "=", "MIG20") == mig20
    assert _bash_complete(script, tmp_path, "migcheck", "check", "--format", "=", "sa") == ["sarif"]
    assert len(_bash_complete(script, tmp_path, "migcheck", "check", "--select", "=")) == 2 * len(
        load_rules()
    )


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_completes_commands_and_option_values(capsys, tmp_path):
    script = tmp_path / "migcheck.fish"
    script.write_text(_script(capsys, "fish"))

    def complete(line: str) -> list[str]:
        program = f"source '{script}'; complete -C '{line}'"
        done = subprocess.run(["fish", "-c", program], capture_output=True, text=True, check=True)
        return [row.split("\t")[0] for row in done.stdout.splitlines()]

    assert complete("migcheck ch") == ["check"]
    assert complete("migcheck rules --format ") == ["json", "text"]
    assert "endpoint-acl" in complete("migcheck rule end")


def test_an_unknown_shell_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["completion", "powershell"])
    assert exit_.value.code == 2
    assert "invalid choice: 'powershell'" in capsys.readouterr().err
