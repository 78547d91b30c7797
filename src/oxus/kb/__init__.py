"""The knowledge pack: curated entities with their names, and matching names to them."""

from oxus.kb.pack import Pack, PackEntry, load_pack

__all__ = ["Pack", "PackEntry", "load_pack"]
