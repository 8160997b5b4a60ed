"""How French glues words together: an elided article or pronoun before a vowel ("l'arrestation")."""
from __future__ import annotations

ELISIONS = ("l'", "d'", "qu'", "s'", "n'", "j'", "l’", "d’", "qu’", "s’", "n’", "j’")


def elided(word: str) -> str:
    """A word without the elided article or pronoun glued to it ("l'arrestation" is "arrestation")."""
    if "'" not in word and "’" not in word:
        return word
    lower = word.lower()
    for elision in ELISIONS:
        if lower.startswith(elision) and len(word) > len(elision):
            return word[len(elision):]
    return word
