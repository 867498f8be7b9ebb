"""sourcecheck: verify the sourced claims of an article against a store of source texts."""

__version__ = "0.1.0"
