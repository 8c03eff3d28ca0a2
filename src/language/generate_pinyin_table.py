#!/usr/bin/env python3
"""Writes the Han -> toneless pinyin table that chinese_script.cpp compiles in.

Usage: generate_pinyin_table.py Unihan_Readings.txt[.bz2] pinyin_table.inc

The readings come from Unicode's Unihan database (Debian: unicode-data). kMandarin is the
customary reading; characters without one fall back to the dictionaries' readings so that
rare and Traditional characters still get a syllable. Tones are dropped and u-umlaut is
written "v", the way pinyin input methods type it.
"""

import bz2
import sys
import unicodedata

# Most trusted first; each value's first reading wins.
FIELDS = ("kMandarin", "kHanyuPinlu", "kXHC1983", "kTGHZ2013", "kHanyuPinyin")


def first_reading(field, value):
    first = value.split()[0]
    if field == "kHanyuPinlu":  # "lè(283)"
        return first.split("(")[0]
    if ":" in first:  # "10575.020:yí,tái,sì" or "1108.010:tāi"
        return first.split(":", 1)[1].split(",")[0]
    return first


def toneless(reading):
    decomposed = unicodedata.normalize("NFD", reading.lower())
    decomposed = decomposed.replace("u\u0308", "v")
    letters = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return letters if letters.isascii() and letters.isalpha() else ""


def read_lines(path):
    opener = bz2.open if path.endswith(".bz2") else open
    with opener(path, "rt", encoding="utf-8") as lines:
        yield from lines


def collect_readings(path):
    by_field = {field: {} for field in FIELDS}
    for line in read_lines(path):
        if not line.startswith("U+"):
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 3 or parts[1] not in by_field:
            continue
        syllable = toneless(first_reading(parts[1], parts[2]))
        if syllable:
            by_field[parts[1]][int(parts[0][2:], 16)] = syllable
    readings = {}
    for field in reversed(FIELDS):
        readings.update(by_field[field])
    return readings


def write_table(readings, path):
    syllables = sorted(set(readings.values()))
    index = {syllable: i for i, syllable in enumerate(syllables)}
    assert len(syllables) < (1 << 11), "syllable ids must fit in 11 bits"
    with open(path, "w", encoding="ascii") as out:
        out.write("// Generated at build time by generate_pinyin_table.py from Unihan; do not edit.\n")
        out.write("// kPinyinReadings: (code point << 11) | syllable index, sorted by code point.\n")
        out.write("inline constexpr std::string_view kPinyinSyllables[] = {\n")
        for syllable in syllables:
            out.write(f'    "{syllable}",\n')
        out.write("};\n")
        out.write("inline constexpr std::uint32_t kPinyinReadings[] = {\n")
        for code_point in sorted(readings):
            out.write(f"    0x{(code_point << 11) | index[readings[code_point]]:x},\n")
        out.write("};\n")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: generate_pinyin_table.py Unihan_Readings.txt[.bz2] pinyin_table.inc")
    readings = collect_readings(sys.argv[1])
    if not any(0x4E00 <= cp <= 0x9FFF for cp in readings):
        sys.exit(f"generate_pinyin_table.py: no Mandarin readings found in {sys.argv[1]}")
    write_table(readings, sys.argv[2])


if __name__ == "__main__":
    main()
