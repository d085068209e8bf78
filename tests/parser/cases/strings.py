a = 'single' "double" '''triple''' """triple double"""
b = b'bytes' B"BYTES" rb'raw\d' Rb"\x" bR'x' BR"y" br'z'
c = r'raw\n' R"RAW\t" u'unicode' U"UNICODE"
d = '\x41\101\u0041\U00000041\a\b\f\n\r\t\v\\\'\"\
continued'
e = b'\x41\101\a\b\f\n\r\t\v\\\'\"\u0041\N{x}'
f = '\d\w invalid escapes kept', b'\d'
g = '\ud800 lone surrogate' '\udfff'
h = 'é' 'ü€' '𝄞'
i = ("implicit"
     'concatenation'
     """across lines""")
j = b"a" b"b" rb"c"
k = ''
l = b''
m = """
"""
n = '\0\00\000\0000\777\400'
o = '''He said "hi" and 'bye' '''
p = "It's"
q = 'say "x"'
r = "both ' and \""
s = '\x00\x1f\x7f\x80\xff\u2028\ufeff'
