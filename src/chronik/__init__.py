"""chronik: a sourced, queryable record of who did what to whom, who said what, when and where."""

__version__ = "0.1.0"
