"""Documents as outlines: ordered, editable blocks, independent of the renderer.

Importing the package registers the built-in block kinds.
"""

from . import builtin  # noqa: F401
from .blocks import Block, KindSpec, Option, Outline, all_kinds, kind_spec, new_block, register_kind
from .presets import PRESETS, default_outline, preset, presets_for

__all__ = ["PRESETS", "Block", "KindSpec", "Option", "Outline", "all_kinds", "default_outline", "kind_spec", "new_block",
           "preset", "presets_for", "register_kind"]
