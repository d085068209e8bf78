# A hand-written tokenizer for a small expression language: character
# classification, slicing, str methods, dict counting and a token class.


class Token:
    __slots__ = ("kind", "text", "line")

    def __init__(self, kind, text, line):
        self.kind = kind
        self.text = text
        self.line = line


OPERATORS = {"+", "-", "*", "/", "=", "(", ")", "{", "}", ",", ";", "<", ">", "==", "<=", ">=", "!="}
KEYWORDS = {"let", "if", "else", "while", "return", "fn"}


def tokenize(source):
    tokens = []
    i = 0
    n = len(source)
    line = 1
    while i < n:
        c = source[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif c == "#":
            end = source.find("\n", i)
            i = n if end < 0 else end
        elif c.isalpha() or c == "_":
            start = i
            while i < n and (source[i].isalnum() or source[i] == "_"):
                i += 1
            word = source[start:i]
            tokens.append(Token("keyword" if word in KEYWORDS else "name", word, line))
        elif c.isdigit():
            start = i
            while i < n and source[i].isdigit():
                i += 1
            tokens.append(Token("number", source[start:i], line))
        elif c == '"':
            end = source.index('"', i + 1)
            tokens.append(Token("string", source[i + 1:end], line))
            i = end + 1
        elif source[i:i + 2] in OPERATORS:
            tokens.append(Token("op", source[i:i + 2], line))
            i += 2
        elif c in OPERATORS:
            tokens.append(Token("op", c, line))
            i += 1
        else:
            raise ValueError("bad character %r on line %d" % (c, line))
    return tokens


def make_source(functions):
    lines = []
    for k in range(functions):
        lines.append("fn f%d(a, b) {  # function %d" % (k, k))
        lines.append("    let x_%d = a * %d + b;" % (k, k * 7 % 100))
        lines.append('    if x_%d >= 10 { return "big%d"; } else { return x_%d != b; }' % (k, k, k))
        lines.append("}")
    return "\n".join(lines) + "\n"


source = make_source(2500)
for _ in range(3):
    tokens = tokenize(source)
counts = {}
numbers = 0
for t in tokens:
    counts[t.kind] = counts.get(t.kind, 0) + 1
    if t.kind == "number":
        numbers += int(t.text)
print(len(tokens), sorted(counts.items()), numbers, tokens[-2].line)
