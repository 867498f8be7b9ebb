"""Which article files a scheduled run looks at."""

from __future__ import annotations

import glob
from pathlib import Path

from sourcecheck.core.textfiles import TEXT_SUFFIXES


def article_files(patterns: list[str]) -> list[str]:
    """Article files (.md, .markdown, .txt) matching glob patterns (`**` recurses), sorted. A pattern that
    matches nothing yet is fine: articles arrive over time."""
    found = {str(Path(p)) for pattern in patterns for p in glob.glob(pattern, recursive=True)
             if Path(p).is_file() and Path(p).suffix.lower() in TEXT_SUFFIXES}
    return sorted(found)
