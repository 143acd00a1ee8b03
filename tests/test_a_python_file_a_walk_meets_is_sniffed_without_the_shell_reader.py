"""Whether a Python file a folder walk meets may be classic is found without importing the shell reader (a
large module): a file that imports, as most do, is asked whether it may name a classic command (which the
shell reader decides) only when a module beside it runs commands it may give such a module's function."""

from __future__ import annotations

import subprocess
import sys

CHECK = """\
import sys
from migcheck.readers import python_script
assert not python_script.sniff(b"import json\\nfrom os import path\\n\\nprint(path.sep, json.dumps(1))\\n")
print("migcheck.readers.shell" in sys.modules)
"""


def test_a_file_that_imports_no_module_beside_it_leaves_the_shell_reader_unimported() -> None:
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
