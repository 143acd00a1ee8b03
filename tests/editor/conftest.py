"""The fixtures of an LSP session over stdio (`test_server`), for every test of the editor."""

import importlib.util

if importlib.util.find_spec("pygls") is not None:  # without the lsp extra, the server tests skip
    from test_server import client, workspace  # noqa: F401  (fixtures, found by name)
