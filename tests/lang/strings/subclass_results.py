# Which results of str operations on subclass instances are exact str.
class S(str): pass
print(type('abc'.partition(S('b'))[1]).__name__, type('abc'.rpartition(S('b'))[1]).__name__, type(S('abc').partition('b')[1]).__name__)
print(type(''.join([S('a')])).__name__, type(S('').join([S('a')])).__name__, type(''.join((S('a'),))).__name__)
print(type('a'.replace('', '')).__name__, type(S('a').replace('a', 'a')).__name__, type(S('abc')[0:3]).__name__, type(S('a') * 1).__name__)
print(type('%s' % S('x')).__name__, type(str(S('x'))).__name__, type(S('x').__str__()).__name__, type(S('x').__format__('')).__name__)
print(type(S('ab').split('a')[1]).__name__, type(S('ab').strip('')).__name__, type(S('ab').zfill(0)).__name__)
