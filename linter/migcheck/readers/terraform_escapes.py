"""The text python-hcl2's grammar is given for HCL, and its tree read back as the file writes it.

Terraform's templates write a literal `${` as `$${` and a literal `%{` as `%%{` (HCL's scanner takes the
sign, the same sign and `{` as one piece of text, wherever it stands). The grammar reads them only with a `}`
after them (`ESCAPED_INTERPOLATION`, `$${` up to the next `}`): a string of one with none after it
(`"$${"`, `"100%%{"`) is refused, and one before an interpolation of its string (`"$${a ${b}"`) takes the
interpolation as text. So the grammar is given the text with the second sign of each escape stood in by a
character the text does not hold (`$X{`), which its string characters take as any other, and the tokens it
makes get their signs back: each reads as the file writes it (`terraform._unescaped` takes the escape), one
character for one, so every token stays where the file writes it."""

from __future__ import annotations

from typing import Any

Node = Any  # a lark Tree or Token of python-hcl2's grammar

_ESCAPES = ("$${", "%%{")
_FIRST_STAND_IN = 0xE000  # the Private Use Area: characters no file needs, tried in turn


def parses_to_tree(text: str) -> Node:
    """python-hcl2's tree of `text`, each token's characters as `text` writes them; lark's errors raised as
    its parse raises them, the token an `UnexpectedToken` names as `text` writes it."""
    import hcl2
    from lark.exceptions import UnexpectedToken

    if not any(escape in text for escape in _ESCAPES):
        return hcl2.parses_to_tree(text)
    dollar, percent = _unused(text)
    given = text.replace("$${", f"${dollar}{{").replace("%%{", f"%{percent}{{")
    signs = str.maketrans({dollar: "$", percent: "%"})
    try:
        tree = hcl2.parses_to_tree(given)
    except UnexpectedToken as error:
        error.token = _restored(error.token, signs)
        raise
    _restore_tokens(tree, signs)
    return tree


def _unused(text: str) -> tuple[str, str]:
    """Two characters `text` does not hold."""
    held = set(text)
    found: list[str] = []
    code = _FIRST_STAND_IN
    while len(found) < 2:
        if chr(code) not in held:
            found.append(chr(code))
        code += 1
    return found[0], found[1]


def _restore_tokens(tree: Node, signs: dict[int, str]) -> None:
    """Every token of `tree` with its signs given back."""
    for subtree in tree.iter_subtrees():
        subtree.children = [
            _restored(child, signs) if not hasattr(child, "data") else child for child in subtree.children
        ]


def _restored(token: Node, signs: dict[int, str]) -> Node:
    value = str(token)
    written = value.translate(signs)
    return token.update(value=written) if written != value and hasattr(token, "update") else token
