"""Numbers written in digits or words ("25", "twenty-five"), as treaties and briefs state terms and counts.

Shared by both readings: an instrument's term clause and a brief's "a 20-year treaty".
"""

from __future__ import annotations


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "twenty-five": 25, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "ninety-nine": 99,
    "hundred": 100,
}
NUMBER = r"(?:\d{1,3}|(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"


def to_number(word: str) -> int | None:
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    head, _, tail = word.partition("-")
    if head in _NUMBER_WORDS and tail in _NUMBER_WORDS:
        return _NUMBER_WORDS[head] + _NUMBER_WORDS[tail]
    return None
