# A real program nobody here wrote: Pygments (Debian python3-pygments) lexing
# and formatting standard library sources as HTML and terminal text.
import sys
sys.path.append('/usr/lib/python3/dist-packages')
from pygments import highlight, lex
from pygments.formatters import HtmlFormatter, TerminalFormatter
from pygments.lexers import PythonLexer, get_lexer_by_name


def digest(text):
    h = 0
    for ch in text:
        h = (h * 31 + ord(ch)) & 0xFFFFFFFF
    return h


for name in ('textwrap', 'bisect', 'heapq', 'colorsys'):
    src = open(f'/usr/lib/python3.11/{name}.py').read()
    html = highlight(src, PythonLexer(), HtmlFormatter(linenos=True))
    term = highlight(src, PythonLexer(), TerminalFormatter())
    kinds = {}
    for kind, value in lex(src, PythonLexer()):
        kinds[str(kind)] = kinds.get(str(kind), 0) + 1
    print(name, len(html), digest(html), len(term), digest(term), sorted(kinds.items())[:6])

c_src = 'int main(void) { /* hi */ return printf("%d\\n", 42); }\n'
print(highlight(c_src, get_lexer_by_name('c'), HtmlFormatter()))
print(HtmlFormatter().get_style_defs('.hl')[:400])
