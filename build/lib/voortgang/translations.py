"""Catalog upkeep: English is the source language, so its catalog mirrors the msgids."""
from babel.messages.pofile import read_po, write_po


def fill_english(path):
    """Give every untranslated English entry its own source text."""
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale="en")
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            if not any(message.string):
                message.string = tuple(message.id)
        elif not message.string:
            message.string = message.id
        message.flags.discard("fuzzy")
    with open(path, "wb") as handle:
        write_po(handle, catalog, sort_output=True, omit_header=False, width=88)
