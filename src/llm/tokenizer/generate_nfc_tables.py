#!/usr/bin/env python3
"""Writes the Unicode tables that nfc.cpp compiles in.

Usage: generate_nfc_tables.py UnicodeData.txt CompositionExclusions.txt nfc_tables.inc
       [DerivedNormalizationProps.txt]

The tables come from the Unicode Character Database (Debian: unicode-data), read by this
script alone (Python's own unicodedata module may be of another Unicode version):

- per code point: canonical combining class, whether it has a canonical decomposition,
  and its NFC quick-check value, in a two-stage table (stage 1 picks a 256-entry block);
- every canonical decomposition, applied recursively here, so that the C++ side looks
  a character up once instead of recursing;
- every primary composite: the pairs that canonical composition joins, i.e. the
  two-character canonical decompositions minus the full composition exclusions
  (CompositionExclusions.txt, singletons and non-starter decompositions).

Hangul syllables are left to the algorithm in nfc.cpp. When DerivedNormalizationProps.txt
is given, the quick-check values derived here are checked against Unicode's own list.
"""

import sys

HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3
HANGUL_V_FIRST, HANGUL_V_LAST = 0x1161, 0x1175
HANGUL_T_FIRST, HANGUL_T_LAST = 0x11A8, 0x11C2
BLOCK = 256
PLANES_END = 0x110000

# Bits of the per-code-point flags (the combining class is stored beside them).
HAS_DECOMPOSITION = 1
QUICK_CHECK_NO = 2
QUICK_CHECK_MAYBE = 4


def read_unicode_data(path):
    combining_class, decomposition = {}, {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            fields = line.rstrip("\n").split(";")
            if len(fields) < 6:
                continue
            code = int(fields[0], 16)
            if int(fields[3]):
                combining_class[code] = int(fields[3])
            mapping = fields[5]
            if mapping and not mapping.startswith("<"):  # "<compat>" etc. are not canonical
                decomposition[code] = [int(part, 16) for part in mapping.split()]
    return combining_class, decomposition


def read_code_list(path):
    codes = set()
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            text = line.split("#", 1)[0].strip()
            if not text:
                continue
            first, _, last = text.partition("..")
            codes.update(range(int(first, 16), int(last or first, 16) + 1))
    return codes


def full_decomposition(code, decomposition):
    if code not in decomposition:
        return [code]
    result = []
    for part in decomposition[code]:
        result.extend(full_decomposition(part, decomposition))
    return result


def primary_composites(combining_class, decomposition, exclusions):
    pairs = {}
    for code, parts in decomposition.items():
        if len(parts) != 2 or code in exclusions:
            continue
        if combining_class.get(parts[0], 0) != 0:  # non-starter decomposition
            continue
        pairs[(parts[0], parts[1])] = code
    return pairs


def quick_check(decomposition, pairs):
    """NFC_QC: No for characters NFC never outputs, Maybe for those that may combine."""
    composed = set(pairs.values())
    no = {code for code in decomposition if code not in composed}
    maybe = {second for (_, second) in pairs}
    maybe.update(range(HANGUL_V_FIRST, HANGUL_V_LAST + 1))
    maybe.update(range(HANGUL_T_FIRST, HANGUL_T_LAST + 1))
    return no, maybe


def check_quick_check(path, no, maybe):
    expected = {"N": set(), "M": set()}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            fields = [part.strip() for part in line.split("#", 1)[0].split(";")]
            if len(fields) != 3 or fields[1] != "NFC_QC":
                continue
            first, _, last = fields[0].partition("..")
            expected[fields[2]].update(range(int(first, 16), int(last or first, 16) + 1))
    if expected["N"] != no or expected["M"] != maybe:
        sys.exit("generate_nfc_tables.py: derived NFC quick-check differs from " + path)


def property_of(code, combining_class, decomposition, no, maybe):
    flags = HAS_DECOMPOSITION if code in decomposition else 0
    flags |= QUICK_CHECK_NO if code in no else 0
    flags |= QUICK_CHECK_MAYBE if code in maybe else 0
    return (flags << 8) | combining_class.get(code, 0)


def two_stage(properties):
    stage1, blocks, block_index = [], [], {}
    for start in range(0, PLANES_END, BLOCK):
        block = tuple(properties.get(code, 0) for code in range(start, start + BLOCK))
        if block not in block_index:
            block_index[block] = len(blocks)
            blocks.append(block)
        stage1.append(block_index[block])
    return stage1, [value for block in blocks for value in block]


def write_array(out, declaration, values, per_line=16):
    out.write(f"{declaration} = {{\n")
    for start in range(0, len(values), per_line):
        out.write("    " + ", ".join(values[start:start + per_line]) + ",\n")
    out.write("};\n\n")


def write_tables(path, properties, decomposition, pairs):
    stage1, stage2 = two_stage(properties)
    decomposed = sorted(decomposition)
    pool, index = [], []
    for code in decomposed:
        parts = full_decomposition(code, decomposition)
        index.append(f"{{0x{code:X}, {len(pool)}, {len(parts)}}}")
        pool.extend(f"0x{part:X}" for part in parts)
    compositions = [f"{{0x{(first << 21) | second:X}ULL, 0x{code:X}}}"
                    for (first, second), code in sorted(pairs.items())]
    with open(path, "w", encoding="utf-8") as out:
        out.write("// Generated by generate_nfc_tables.py from the Unicode Character Database.\n"
                  "// Do not edit.\n\n")
        out.write(f"constexpr std::uint32_t kBlockSize = {BLOCK};\n\n")
        write_array(out, "constexpr std::uint16_t kPropertyStage1[]", [str(v) for v in stage1])
        write_array(out, "constexpr std::uint16_t kPropertyStage2[]", [f"0x{v:X}" for v in stage2])
        write_array(out, "constexpr DecompositionEntry kDecompositions[]", index, 4)
        write_array(out, "constexpr char32_t kDecompositionPool[]", pool)
        write_array(out, "constexpr CompositionEntry kCompositions[]", compositions, 3)


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    combining_class, decomposition = read_unicode_data(sys.argv[1])
    exclusions = read_code_list(sys.argv[2])
    exclusions.update(code for code, parts in decomposition.items() if len(parts) == 1)
    pairs = primary_composites(combining_class, decomposition, exclusions)
    no, maybe = quick_check(decomposition, pairs)
    if len(sys.argv) == 5:
        check_quick_check(sys.argv[4], no, maybe)
    interesting = set(combining_class) | set(decomposition) | no | maybe
    properties = {code: property_of(code, combining_class, decomposition, no, maybe)
                  for code in interesting}
    write_tables(sys.argv[3], properties, decomposition, pairs)


if __name__ == "__main__":
    main()
