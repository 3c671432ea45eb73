"""healthskills: YAML health lessons and easy-read guides → accessible static website."""

__version__ = "0.1.0"
