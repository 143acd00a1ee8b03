"""x"""

pytest_plugins = ["pytester"]
