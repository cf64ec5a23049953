"""itadesk: ITA results to official Thai documents, on one laptop, offline.

Only the version lives here so that ``itadesk --version`` stays instant.
"""

__version__ = "0.1.0"
