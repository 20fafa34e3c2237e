"""pledgewatch: find every commitment in official statements and news, as structured records."""

__version__ = "0.1.0"

from .api import DocContext, extract, extract_docs
from .nlp import load
from .records import CommitmentRecord

__all__ = ["CommitmentRecord", "DocContext", "__version__", "extract", "extract_docs", "load"]
