"""Numbers, AP style: vocabulary in ``rules/numbers/``, rules in the modules here.

:mod:`.digits` (digits of every script to ASCII), :mod:`.words` (number words to
digits), :mod:`.grouping` (space-grouped digits to commas), :mod:`.phrases`
(``per cent`` → ``percent``).
"""
