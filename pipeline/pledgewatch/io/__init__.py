"""Reading documents from disk and running pledgewatch over whole folders.

:mod:`~pledgewatch.io.readers` turns ``.txt``, ``.md``, ``.html`` and ``.pdf`` files into text;
:mod:`~pledgewatch.io.chunking` splits very long texts on paragraph and sentence boundaries;
:mod:`~pledgewatch.io.batch` is the resumable, parallel folder runner behind ``pledgewatch batch``.
"""

from pledgewatch.io.readers import ReadError, ReadResult, read_document

__all__ = ["ReadError", "ReadResult", "read_document"]
