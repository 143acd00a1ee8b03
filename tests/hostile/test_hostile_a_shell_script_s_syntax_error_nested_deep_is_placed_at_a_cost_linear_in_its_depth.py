"""Where a shell script's first syntax error is nested deep (`$(` hundreds of times in a quoted value), the
reader says where it is at a cost that grows with the depth, not its square. The redirection and the
here-document around the error, and the node a missing closer leaves open, were each found by asking
tree-sitter for a node's parent or for the child that holds the error, one level at a time; tree-sitter
answers each by going down from the node asked, so the cost grew with the depth squared (1,000 levels:
1.05 s, 2,000: 4 s). They are now read off the one path down from the root to the error."""

from __future__ import annotations

from growth import assert_linear

from migcheck.readers.shell import read


def _nested(depth: int) -> bytes:
    return b'cmd="azure vm create -n b ' + b"$(" * depth + b")" * depth + b'-A as1 img u"\neval $cmd\n'


def test_placing_an_error_nested_deep_grows_with_its_depth():
    def make(depth: int):
        data = _nested(depth)
        return lambda: read("cluster.sh", data)

    assert_linear(make, 300)  # 1,200 at most: 3,600 levels, below the depth read


def test_the_error_is_said_where_the_substitutions_open():
    document = read("cluster.sh", _nested(1_000))
    assert document.problem is not None
    assert (document.problem.mark.line, document.problem.mark.column) == (1, 2027)
    assert document.problem.message.startswith("the shell script opens something here that it never closes")
