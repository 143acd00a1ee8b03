"""migcheck: will these Azure classic resources migrate to Azure Resource Manager, and what blocks them?"""

__version__ = "0.29.0"
