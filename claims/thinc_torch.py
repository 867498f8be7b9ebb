"""spaCy without torch: thinc (spaCy's layer library) imports torch, when it is installed, only to offer
wrappers for PyTorch layers, which en_core_web_sm (numpy ops) never uses. That import costs 3-6 s of every
process that reads a claim. This finder refuses `import torch` to thinc's compatibility module alone (it then
records `has_torch = False`); any other import of torch, in any thread, proceeds as usual.
"""

from __future__ import annotations

import sys
from importlib.abc import MetaPathFinder
from types import FrameType

_THINC_COMPAT = "thinc.compat"


class _NoTorchForThinc(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name != "torch" and not name.startswith("torch."):
            return None
        frame: FrameType | None = sys._getframe(1)
        while frame is not None:
            if frame.f_globals.get("__name__") == _THINC_COMPAT:
                raise ImportError(f"{name} is not offered to thinc (claims/thinc_torch.py)")
            frame = frame.f_back
        return None


def install() -> None:
    if not any(isinstance(f, _NoTorchForThinc) for f in sys.meta_path):
        sys.meta_path.insert(0, _NoTorchForThinc())
