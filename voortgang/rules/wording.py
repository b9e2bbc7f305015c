"""Words from the user's text, quoted inside a sentence of the assistant."""


def quoted(words, and_word):
    """‘a’, ‘b’ and ‘c’: each of the user's words in its own quotes, none twice."""
    unique = [word for word in dict.fromkeys(w.strip() for w in words) if word]
    marked = [f"‘{word}’" for word in unique]
    if len(marked) < 2:
        return "".join(marked)
    return f"{', '.join(marked[:-1])} {and_word} {marked[-1]}"
