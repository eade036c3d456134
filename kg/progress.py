"""Progress bars on stderr (tqdm) for the long stages of a build; nothing for short work.

>>> with bar(10, "extract") as b:  # under MIN_TOTAL: a silent stand-in
...     b.update(10)
"""

from __future__ import annotations

import sys

__all__ = ["bar", "MIN_TOTAL"]

MIN_TOTAL = 200  # fewer items than this finish too soon for a bar to tell anything


class _NoBar:
    def update(self, n=1):
        pass

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def bar(total: int, desc: str, enabled: bool = True, unit: str = "paper", min_total: int = MIN_TOTAL):
    """A tqdm bar of ``total`` ``unit`` s named ``desc`` on stderr; a silent stand-in when
    ``enabled`` is False or ``total < min_total``.  Use it as a context manager or ``close()`` it."""
    if not enabled or total < min_total:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, desc=desc, file=sys.stderr, smoothing=0.1, mininterval=0.5)
