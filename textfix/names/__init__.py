"""Name standardization: people, groups and places spelled as their English Wikipedia titles.

- :mod:`.fold`: how spellings are compared (case, diacritics, separators);
- :mod:`.model`: the entries of names packs and the checks they must pass;
- :mod:`.matcher`: the one-pass matcher and the rule the ``names`` kind builds;
- :mod:`.suggest`: ``textfix names suggest``, finding spellings no pack covers yet.
"""
