"""The one place blingfire's sentence splitter is loaded: its C library, without its Python module.

``import blingfire`` imports numpy (a tenth of a second, more than the rest of
a cold start's splitting) for functions pactlens never calls; the splitter
itself is one C function in the library that ships inside the same wheel.
So the library is opened directly with :mod:`ctypes`, from the installed
package's folder (found without running its ``__init__``), under the file
name blingfire's own loader uses on each platform. Where that file is not
found (another packaging of blingfire), the Python module is imported and
its handle used, as before.
"""

from __future__ import annotations

import ctypes
import importlib.util
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

#: The library's file name inside the ``blingfire`` package, by platform (as blingfire's loader names it).
_LIBRARY = {"win32": "blingfiretokdll.dll", "darwin": "libblingfiretokdll.dylib"}


@lru_cache(maxsize=1)
def library() -> Any:
    """blingfire's C library (``TextToSentencesWithOffsets`` and the rest), opened once per process."""
    spec = importlib.util.find_spec("blingfire")
    if spec is not None and spec.submodule_search_locations:
        path = Path(next(iter(spec.submodule_search_locations))) / _LIBRARY.get(sys.platform, "libblingfiretokdll.so")
        if path.is_file():
            return ctypes.cdll.LoadLibrary(str(path))
    import blingfire  # pragma: no cover - a packaging without the library beside the module

    return blingfire.blingfire  # pragma: no cover
