"""Regexes from word lists, shared by the number grammar and the date grammar.

>>> trie(["ten", "three", "two"])
'(?:t(?:en|hree|wo))'
>>> re.fullmatch(trie(["a dozen"], flexible_spaces=True), "a  dozen") is not None
True
"""

from __future__ import annotations

import re


def trie(words, flexible_spaces: bool = False) -> str:
    """A regex matching exactly ``words``, factored by common prefixes ("t(?:en|hree|...)"):
    Python's ``re`` tries a flat alternation word by word at every position. With
    ``flexible_spaces`` a space in a word matches any run of whitespace (``\\s+``)."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(r"\s+" if flexible_spaces and ch == " " else re.escape(ch), {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [atom + build(child) for atom, child in sorted(node.items()) if atom]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return f"(?:{build(root)})"


def alternation(words, boundary: bool = True) -> str:
    """Longest-first alternation; alphabetic words get word boundaries."""
    out = []
    for word in sorted(set(words), key=len, reverse=True):
        pattern = re.escape(word).replace(r"\ ", r"\s+")
        if not word.startswith("$"):
            pattern = pattern.replace(r"\$", r"\s?\$")
        if boundary and word[:1].isascii() and word[:1].isalnum():
            pattern = r"(?<![\w])" + pattern
        if boundary and word[-1:].isascii() and word[-1:].isalnum():
            pattern += r"(?![\w])"
        out.append(pattern)
    return "|".join(out)


def can_start(words) -> str:
    """A lookahead that fails fast where none of ``words`` can start: each word's leading
    run of letters and digits (or its first character), in any case, as a trie. Put before
    a long alternation of ``words`` it changes no match: ``re`` would otherwise try every
    alternative in turn at each number, which costs more than the rest of the match."""
    heads = set()
    for word in words:
        run = re.match(r"[^\W_]+", word)
        heads.add((run.group() if run else word[:1]).lower())
    return f"(?=(?i:{trie(heads)}))"
