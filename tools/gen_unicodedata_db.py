#!/usr/bin/python3.11
"""Generates src/modules/unicodedata_db.cpp: the tables behind the unicodedata
module (properties, decompositions, compositions, numeric values, character
names, and the differences of Unicode 3.2.0 used by ucd_3_2_0), extracted from
the Unicode database of the reference interpreter (CPython 3.11: Unicode 14.0)
so that every answer agrees with it. Decimal and digit values and the numeric
flag come from src/objects/unicode_db.cpp (tools/gen_unicode_db.py) and are
not repeated here.

Before writing anything, the script checks that the data model the C++ code
implements reproduces CPython's answers for every code point, in both versions.

usage: tools/gen_unicodedata_db.py > src/modules/unicodedata_db.cpp
"""
import ctypes
import re
import sys
import unicodedata

MAX_CP = 0x110000
UCD = unicodedata
OLD = unicodedata.ucd_3_2_0

CATEGORIES = ["Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi",
              "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co"]
BIDI = ["", "L", "LRE", "LRO", "R", "AL", "RLE", "RLO", "PDF", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B", "S",
        "WS", "ON", "LRI", "RLI", "FSI", "PDI"]
EAW = ["N", "A", "H", "W", "F", "Na"]
DECOMP_TAGS = ["", "<font>", "<noBreak>", "<initial>", "<medial>", "<final>", "<isolated>", "<circle>", "<super>",
               "<sub>", "<vertical>", "<wide>", "<narrow>", "<small>", "<square>", "<fraction>", "<compat>"]
FORMS = ["NFD", "NFKD", "NFC", "NFKC"]

# Props.flags bits.
MIRRORED = 1
QC_YES = {form: 2 << i for i, form in enumerate(FORMS)}  # the form leaves the character alone in any context

HANGUL_S, HANGUL_L, HANGUL_V, HANGUL_T = 0xAC00, 0x1100, 0x1161, 0x11A7
HANGUL_SCOUNT = 19 * 21 * 28
UNCHANGED = 0xFF


def call(fn, *args):
    try:
        return fn(*args)
    except ValueError:
        return None


def is_hangul_syllable(cp):
    return HANGUL_S <= cp < HANGUL_S + HANGUL_SCOUNT


# ---------------------------------------------------------------------------
# Three-level tables


def split_blocks(values, shift):
    """Cuts values into blocks of 1 << shift, keeping each distinct block once:
    returns (block id per block, concatenated distinct blocks)."""
    size = 1 << shift
    blocks, ids, data = {}, [], []
    for start in range(0, len(values), size):
        block = tuple(values[start:start + size])
        if block not in blocks:
            blocks[block] = len(data) >> shift
            data.extend(block)
        ids.append(blocks[block])
    return ids, data


def item_size(values):
    top = max(values)
    return 1 if top < 256 else 2 if top < 65536 else 4


def split_table(values):
    """values (one per code point) as top[cp >> (s1 + s2)] -> middle block -> leaf block, the
    shifts chosen for the smallest total size. Returns (s1, s2, top, middle, leaves)."""
    best = None
    for s2 in range(3, 9):
        leaf_ids, leaves = split_blocks(values, s2)
        for s1 in range(2, 8):
            top, middle = split_blocks(leaf_ids, s1)
            cost = len(top) * item_size(top) + len(middle) * item_size(middle) + len(leaves) * item_size(leaves)
            if best is None or cost < best[0]:
                best = (cost, s1, s2, top, middle, leaves)
    return best[1:]


def ctype(values):
    top = max(values)
    return "uint8_t" if top < 256 else "uint16_t" if top < 65536 else "uint32_t"


class Writer:
    def __init__(self, out):
        self.out = out
        self.sizes = {}

    def write(self, text):
        self.out.write(text)

    def array(self, name, values, typ=None, per_line=20):
        typ = typ or ctype(values)
        self.sizes[name] = len(values) * {"uint8_t": 1, "uint16_t": 2, "uint32_t": 4}[typ]
        if typ == "uint8_t":
            return self.bytes(name, bytes(values))
        self.write(f"const {typ} {name}[] = {{\n")
        for i in range(0, len(values), per_line):
            self.write("    " + ",".join(str(v) for v in values[i:i + per_line]) + ",\n")
        self.write("};\n\n")

    def bytes(self, name, data):
        # A string literal compiles much faster than a brace list of the same bytes.
        self.sizes[name] = len(data)
        self.write(f"const uint8_t {name}[] =\n")
        for i in range(0, len(data), 64):
            chunk = data[i:i + 64]
            text, prev_octal = "", False
            for b in chunk:
                c = chr(b)
                if c.isalnum() and b < 128 and not (prev_octal and c.isdigit()):
                    text += c
                    prev_octal = False
                elif c in " -_()<>,.:;!?+*/=[]{}" and b < 128:
                    text += c
                    prev_octal = False
                else:
                    text += "\\%o" % b
                    prev_octal = True
            self.write(f'    "{text}"\n')
        self.write(";\n\n")

    def table(self, function, values):
        """Emits `uint32_t function(uint32_t cp)` returning values[cp] from a three-level table."""
        s1, s2, top, middle, leaves = split_table(values)
        base = "k" + function.title().replace("_", "")
        for suffix, data in (("Top", top), ("Middle", middle), ("Leaves", leaves)):
            self.write("static ")
            self.array(base + suffix, data)
        self.write(f"uint32_t {function}(uint32_t cp) {{\n"
                   f"  uint32_t middle = {base}Top[cp >> {s1 + s2}];\n"
                   f"  uint32_t leaf = {base}Middle[(middle << {s1}) | ((cp >> {s2}) & {(1 << s1) - 1})];\n"
                   f"  return {base}Leaves[(leaf << {s2}) | (cp & {(1 << s2) - 1})];\n"
                   f"}}\n\n")


# ---------------------------------------------------------------------------
# Character properties


def decomposition_parts(cp):
    text = UCD.decomposition(chr(cp))
    if not text:
        return None
    fields = text.split()
    tag = fields[0] if fields[0].startswith("<") else ""
    return DECOMP_TAGS.index(tag), [int(f, 16) for f in fields[1 if tag else 0:]]


def composition_pairs():
    """(first, second) -> primary composite, for canonical compositions that NFC performs."""
    pairs = {}
    for cp in range(MAX_CP):
        parts = decomposition_parts(cp)
        if parts and parts[0] == 0 and len(parts[1]) == 2 and UCD.normalize("NFC", chr(cp)) == chr(cp):
            pairs[tuple(parts[1])] = cp
    for first, second in pairs:
        assert UCD.combining(chr(first)) == 0, "a composition starting with a non-starter"
    return pairs


def quick_check_yes(cp, seconds):
    c = chr(cp)
    flags = 0
    for form in FORMS:
        if UCD.normalize(form, c) != c:
            continue
        if form in ("NFC", "NFKC") and (cp in seconds or HANGUL_V <= cp < HANGUL_V + 21
                                        or HANGUL_T < cp < HANGUL_T + 28):
            continue
        flags |= QC_YES[form]
    return flags


def props(cp, seconds):
    c = chr(cp)
    flags = MIRRORED if UCD.mirrored(c) else 0
    flags |= quick_check_yes(cp, seconds)
    return (CATEGORIES.index(UCD.category(c)), BIDI.index(UCD.bidirectional(c)),
            EAW.index(UCD.east_asian_width(c)), UCD.combining(c), flags)


# ---------------------------------------------------------------------------
# Unicode 3.2.0 differences


def old_change(cp):
    """The change record of cp: (category, bidi, eaw, mirrored, decimal), UNCHANGED where 3.2.0 agrees."""
    c = chr(cp)
    if OLD.category(c) == "Cn" and UCD.category(c) != "Cn":
        # Unassigned in 3.2.0: the record holds what ucd_3_2_0 reports for it.
        return (0, BIDI.index(OLD.bidirectional(c)), EAW.index(OLD.east_asian_width(c)), OLD.mirrored(c),
                UNCHANGED)

    def diff(old, new, encode):
        return UNCHANGED if old == new else encode(old)

    return (diff(OLD.category(c), UCD.category(c), CATEGORIES.index),
            diff(OLD.bidirectional(c), UCD.bidirectional(c), BIDI.index),
            diff(OLD.east_asian_width(c), UCD.east_asian_width(c), EAW.index),
            diff(OLD.mirrored(c), UCD.mirrored(c), int),
            diff(call(OLD.decimal, c), call(UCD.decimal, c), lambda v: v))


def check_old_model(changes, corrections):
    """The rules of unicodedata.cpp for ucd_3_2_0, checked against CPython for every code point."""
    for cp in range(MAX_CP):
        c = chr(cp)
        ch = changes[cp]
        unassigned = ch[0] == 0
        pick = lambda field, current: current if field == UNCHANGED else field
        assert OLD.category(c) == (CATEGORIES[ch[0]] if ch[0] != UNCHANGED else UCD.category(c))
        assert OLD.bidirectional(c) == (BIDI[ch[1]] if ch[1] != UNCHANGED else UCD.bidirectional(c))
        assert OLD.east_asian_width(c) == (EAW[ch[2]] if ch[2] != UNCHANGED else UCD.east_asian_width(c))
        assert OLD.mirrored(c) == pick(ch[3], UCD.mirrored(c))
        assert OLD.combining(c) == (0 if unassigned else UCD.combining(c))
        assert OLD.decomposition(c) == ("" if unassigned else UCD.decomposition(c))
        assert call(OLD.decimal, c) == (None if unassigned else pick(ch[4], call(UCD.decimal, c)))
        assert call(OLD.digit, c) == call(UCD.digit, c)  # CPython's digit() ignores the version
        assert call(OLD.numeric, c) == (None if unassigned else call(UCD.numeric, c))
        assert call(OLD.name, c) == (None if unassigned else call(UCD.name, c))
        if unassigned and not is_hangul_syllable(cp):
            for form in FORMS:
                assert OLD.normalize(form, c) == c
        elif cp in corrections:
            for form in FORMS:
                assert OLD.normalize(form, c) == UCD.normalize(form, chr(corrections[cp]))


def normalization_corrections():
    """Code points whose 3.2.0 decomposition was corrected later: cp -> the 3.2.0 mapping (one code point)."""
    out = {}
    for cp in range(MAX_CP):
        c = chr(cp)
        if OLD.category(c) != "Cn" and OLD.normalize("NFD", c) != UCD.normalize("NFD", c):
            old = OLD.normalize("NFD", c)
            assert len(old) == 1
            out[cp] = ord(old)
    return out


# ---------------------------------------------------------------------------
# Names


def ucnhash_getname():
    """CPython's internal name lookup, which also knows aliases and named sequences (by private code points)."""
    get_pointer = ctypes.pythonapi.PyCapsule_GetPointer
    get_pointer.restype = ctypes.c_void_p
    get_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
    api = get_pointer(unicodedata._ucnhash_CAPI, b"unicodedata._ucnhash_CAPI")
    getname = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int, ctypes.c_int)(
        ctypes.cast(api, ctypes.POINTER(ctypes.c_void_p))[0])
    buf = ctypes.create_string_buffer(256)
    return lambda cp: buf.value.decode() if getname(cp, buf, 256, 1) else None


ALIASES_START, NAMED_SEQUENCES_START = 0xF0000, 0xF0200


def aliases_and_sequences():
    """CPython keeps these at private code points: aliases from ALIASES_START, named sequences from
    NAMED_SEQUENCES_START, in the order kept here (its namereplace handler names those code points)."""
    getname = ucnhash_getname()
    aliases, sequences = [], []
    for cp in range(ALIASES_START, 0xF1000):
        name = getname(cp)
        if name is None:
            continue
        value = UCD.lookup(name)
        if cp < NAMED_SEQUENCES_START:
            assert cp == ALIASES_START + len(aliases) and len(value) == 1
            aliases.append((name, ord(value)))
        else:
            assert cp == NAMED_SEQUENCES_START + len(sequences) and len(value) > 1
            sequences.append((name, [ord(x) for x in value]))
    return aliases, sequences


def cjk_unified_ranges():
    ranges = []
    for cp in range(MAX_CP):
        if call(UCD.name, chr(cp)) == "CJK UNIFIED IDEOGRAPH-%X" % cp:
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    return ranges


def split_name(name):
    """A name as (word, followed by a hyphen) tokens: 'TIBETAN LETTER -A' -> LETTER, ('', True), A."""
    parts = re.split("([ -])", name)
    words, separators = parts[0::2], parts[1::2]
    return [(word, i < len(separators) and separators[i] == "-") for i, word in enumerate(words)]


def encode_token(index):
    if index < ONE_BYTE_TOKENS:
        return bytes([index])
    index -= ONE_BYTE_TOKENS
    assert index >> 8 < 256 - ONE_BYTE_TOKENS
    return bytes([ONE_BYTE_TOKENS + (index >> 8), index & 0xFF])


def build_names(w, cjk):
    """Names other than the algorithmic ones (Hangul syllables, CJK unified ideographs), in code point order.

    Each name is a list of tokens (lexicon entries: a word and whether a hyphen follows it; entry 0 stands
    for the code point in hex). A name shares its first tokens with the previous name: one byte gives
    how many are shared (high nibble) and how many new tokens follow (low nibble), then the new tokens,
    one byte each for the most frequent, two for the others. Every kNamesPerOffset-th name starts afresh
    and has its offset recorded."""
    in_cjk = lambda cp: any(a <= cp <= b for a, b in cjk)
    named = []
    for cp in range(MAX_CP):
        name = call(UCD.name, chr(cp))
        if name is None or is_hangul_syllable(cp) or in_cjk(cp):
            continue
        hex_cp = "%X" % cp
        named.append((cp, [(None, hyphen) if word == hex_cp else (word, hyphen) for word, hyphen in split_name(name)]))

    counts = {}
    for _, tokens in named:
        for token in tokens:
            counts[token] = counts.get(token, 0) + 1
    hex_token = [t for t in counts if t[0] is None]
    assert hex_token == [(None, False)], hex_token
    del counts[(None, False)]
    # The most frequent entries get one-byte tokens; the rest are sorted so that neighbours share prefixes.
    by_frequency = sorted(counts, key=lambda t: (-counts[t], t))
    lexicon = [(None, False)] + by_frequency[:ONE_BYTE_TOKENS - 1] + sorted(by_frequency[ONE_BYTE_TOKENS - 1:])
    token_id = {token: i for i, token in enumerate(lexicon)}

    phrasebook = bytearray()
    offsets = []
    previous = []
    for n, (cp, tokens) in enumerate(named):
        shared = 0
        if n % NAMES_PER_OFFSET == 0:
            offsets.append(len(phrasebook))
        else:
            while shared < min(len(tokens), len(previous), 15) and tokens[shared] == previous[shared]:
                shared += 1
        fresh = tokens[shared:]
        assert len(fresh) <= 15
        phrasebook.append(shared << 4 | len(fresh))
        for token in fresh:
            phrasebook += encode_token(token_id[token])
        previous = tokens

    # The lexicon: each entry shares up to 7 leading characters with the previous one (none at every
    # kWordsPerOffset-th, whose offsets are kept). A header byte holds whether a hyphen follows the word
    # (bit 7), the shared length (bits 4-6) and the length of the rest (bits 0-3; 15: in the next byte),
    # then come the rest's characters.
    lex = bytearray()
    lex_offsets = []
    previous = ""
    for i, (word, hyphen) in enumerate(lexicon):
        word = word or ""
        shared = 0
        if i % WORDS_PER_OFFSET == 0:
            lex_offsets.append(len(lex))
        else:
            while shared < min(len(word), len(previous), 7) and word[shared] == previous[shared]:
                shared += 1
        rest = word[shared:].encode()
        assert len(word) <= MAX_WORD_LENGTH
        lex.append((0x80 if hyphen else 0) | shared << 4 | min(len(rest), 15))
        if len(rest) >= 15:
            lex.append(len(rest))
        lex += rest
        previous = word

    # Runs of consecutive named code points: first code point, index of its name.
    runs = []
    for n, (cp, _) in enumerate(named):
        if not (runs and runs[-1][0] + (n - runs[-1][1]) == cp):
            runs.append((cp, n))

    w.write(f"const int kNamesPerOffset = {NAMES_PER_OFFSET};\n")
    w.write(f"const int kWordsPerOffset = {WORDS_PER_OFFSET};\n")
    w.write(f"const int kOneByteTokens = {ONE_BYTE_TOKENS};\n")
    w.write(f"const uint32_t kNameCount = {len(named)};\n")
    w.write(f"const uint32_t kNameRunCount = {len(runs)};\n")
    w.array("kNameRunStart", [r[0] for r in runs], "uint32_t")
    w.array("kNameRunIndex", [r[1] for r in runs], "uint16_t")
    w.array("kPhrasebookOffsets", offsets, "uint32_t")
    w.bytes("kPhrasebook", bytes(phrasebook))
    w.array("kLexiconOffsets", lex_offsets, "uint32_t")
    w.bytes("kLexicon", bytes(lex))
    return named, lexicon


NAMES_PER_OFFSET = 32
WORDS_PER_OFFSET = 16
ONE_BYTE_TOKENS = 192
MAX_WORD_LENGTH = 64  # kMaxWordLength in unicodedata_db.h
MAX_DECOMPOSITION = 18  # kMaxDecomposition in unicodedata_db.h


def emit_strings(w, name, strings):
    blob = b"".join(s.encode() + b"\0" for s in strings)
    w.bytes(name, blob)


def main():
    w = Writer(sys.stdout)
    w.write("// Generated by tools/gen_unicodedata_db.py from the Unicode database of CPython 3.11\n")
    w.write(f"// (Unicode {UCD.unidata_version}). Do not edit.\n")
    w.write('#include "modules/unicodedata_db.h"\n\nnamespace spindle::ucd {\n\n')

    for name, values in (("kCategoryNames", CATEGORIES), ("kBidiNames", BIDI), ("kEastAsianWidthNames", EAW),
                         ("kDecompositionTags", DECOMP_TAGS)):
        w.write(f"const char* const {name}[] = {{" + ", ".join(f'"{v}"' for v in values) + "};\n")
    w.write("\n")

    # Properties.
    pairs = composition_pairs()
    seconds = {b for _, b in pairs}
    records, record_ids, cp_record = [], {}, []
    for cp in range(MAX_CP):
        rec = props(cp, seconds)
        if rec not in record_ids:
            record_ids[rec] = len(records)
            records.append(rec)
        cp_record.append(record_ids[rec])
    w.write("const Props kProps[] = {\n")
    for r in records:
        w.write("    {%s},\n" % ", ".join(str(x) for x in r))
    w.write("};\n\n")
    w.table("props_index", cp_record)

    # Decompositions, as bytes: a header (tag, count << 5; two bytes, big-endian) and three bytes per code
    # point. Offset 0 is unused: index 0 means none.
    decomp_data, decomp_ids, cp_decomp = bytearray(1), {}, []
    for cp in range(MAX_CP):
        parts = decomposition_parts(cp)
        if parts is None:
            cp_decomp.append(0)
            continue
        tag, cps = parts
        key = (tag, tuple(cps))
        if key not in decomp_ids:
            assert tag < 32 and len(cps) <= MAX_DECOMPOSITION
            decomp_ids[key] = len(decomp_data)
            decomp_data += (tag | len(cps) << 5).to_bytes(2, "big")
            for c in cps:
                decomp_data += c.to_bytes(3, "big")
        cp_decomp.append(decomp_ids[key])
    w.bytes("kDecompositionData", bytes(decomp_data))
    w.table("decomposition_index", cp_decomp)

    # Canonical compositions, sorted for binary search.
    w.write("const Composition kCompositions[] = {\n")
    for (a, b), c in sorted(pairs.items()):
        w.write(f"    {{{a}, {b}, {c}}},\n")
    w.write("};\n")
    w.write(f"const size_t kCompositionCount = {len(pairs)};\n\n")
    w.sizes["kCompositions"] = 12 * len(pairs)

    # Numeric values other than those of decimal and digit characters (unicode_db has these).
    numeric = []
    for cp in range(MAX_CP):
        c = chr(cp)
        value = call(UCD.numeric, c)
        assert (value is not None) == c.isnumeric()
        if value is not None and call(UCD.digit, c) is None:
            numeric.append((cp, value))
        elif value is not None:
            assert value == UCD.digit(c)
    values = sorted(set(v for _, v in numeric))
    w.write("const double kNumericValues[] = {\n")
    for i in range(0, len(values), 6):
        w.write("    " + ", ".join(repr(float(v)) for v in values[i:i + 6]) + ",\n")
    w.write("};\n\n")
    w.sizes["kNumericValues"] = 8 * len(values)
    w.write(f"const size_t kNumericCount = {len(numeric)};\n")
    w.array("kNumericCodePoints", [cp for cp, _ in numeric], "uint32_t")
    w.array("kNumericValueIndex", [values.index(v) for _, v in numeric])

    # Unicode 3.2.0.
    changes = [old_change(cp) for cp in range(MAX_CP)]
    corrections = normalization_corrections()
    check_old_model(changes, corrections)
    change_records, change_ids, cp_change = [], {}, []
    for ch in [(UNCHANGED,) * 5] + changes:
        if ch not in change_ids:
            change_ids[ch] = len(change_records)
            change_records.append(ch)
    cp_change = [change_ids[ch] for ch in changes]
    w.write("const Change kChanges3_2_0[] = {\n")
    for r in change_records:
        w.write("    {%s},\n" % ", ".join(str(x) for x in r))
    w.write("};\n\n")
    w.table("change_index_3_2_0", cp_change)
    w.write("const uint32_t kNormalizationCorrections3_2_0[][2] = {\n")
    for cp, value in sorted(corrections.items()):
        w.write(f"    {{{cp}, {value}}},\n")
    w.write("};\n")
    w.write(f"const size_t kNormalizationCorrectionCount = {len(corrections)};\n\n")

    # Names.
    cjk = cjk_unified_ranges()
    w.write("const uint32_t kCjkUnifiedRanges[][2] = {\n")
    for a, b in cjk:
        w.write(f"    {{{a:#x}, {b:#x}}},\n")
    w.write("};\n")
    w.write(f"const size_t kCjkUnifiedRangeCount = {len(cjk)};\n\n")
    named, lexicon = build_names(w, cjk)
    aliases, sequences = aliases_and_sequences()
    w.write(f"const uint32_t kAliasesStart = {ALIASES_START:#x}, kNamedSequencesStart = {NAMED_SEQUENCES_START:#x};\n")
    w.write(f"const size_t kAliasCount = {len(aliases)};\n")
    emit_strings(w, "kAliasNames", [n for n, _ in aliases])
    w.array("kAliasCodePoints", [cp for _, cp in aliases], "uint32_t")
    w.write(f"const size_t kNamedSequenceCount = {len(sequences)};\n")
    emit_strings(w, "kNamedSequenceNames", [n for n, _ in sequences])
    seq_data = []
    for _, cps in sequences:
        seq_data.append(len(cps))
        seq_data.extend(cps)
    assert max(len(cps) for _, cps in sequences) <= 4
    w.array("kNamedSequenceData", seq_data, "uint32_t")
    w.write("}  // namespace spindle::ucd\n")

    total = sum(w.sizes.values()) + 5 * len(records) + 5 * len(change_records)
    print(f"{len(records)} property records, {len(change_records)} 3.2.0 change records, "
          f"{len(named)} names, {len(lexicon)} words, about {total} bytes of data:", file=sys.stderr)
    for name, size in sorted(w.sizes.items(), key=lambda x: -x[1]):
        print(f"  {name}: {size}", file=sys.stderr)


if __name__ == "__main__":
    main()
