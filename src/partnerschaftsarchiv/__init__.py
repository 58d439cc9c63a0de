"""Partnerschaftsarchiv / Архив партнёрства: records → validated model → German and Russian pages.

This package is the generator core. It does not import MkDocs; `hooks/archive.py` adapts it to MkDocs.
"""

__version__ = "0.1.0"
