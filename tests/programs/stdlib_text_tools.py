# Ordinary programs built from the pure-Python standard library: difflib,
# textwrap, json, argparse, configparser, shlex, string.Template, collections.
import argparse, collections, configparser, difflib, json, shlex, string, textwrap

a = open('/usr/lib/python3.11/bisect.py').read().splitlines(keepends=True)
b = [line.replace('lo', 'low') for line in a]
diff = list(difflib.unified_diff(a, b, 'a/bisect.py', 'b/bisect.py', n=1))
print(len(diff)); print(''.join(diff[:25]))
sm = difflib.SequenceMatcher(None, 'private Thread currentThread;', 'private volatile Thread currentThread;')
print(round(sm.ratio(), 4), sm.get_opcodes())
print(difflib.get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy']))

text = open('/usr/lib/python3.11/textwrap.py').read()[:3000]
print(textwrap.fill(' '.join(text.split()), width=60)[:800])
print(textwrap.dedent('    a\n      b\n    c'), textwrap.shorten('Hello  world!  How are you?', width=15))

data = {'name': 'spindle', 'nums': [1, 2.5, -3e10, True, None], 'nested': {'é': 'ü\n', 'k': []}}
s = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)
print(s); print(json.loads(s) == data, json.dumps(data))
try:
    json.loads('{"a": [1, 2,}')
except json.JSONDecodeError as e:
    print('JSONDecodeError', e)

p = argparse.ArgumentParser(prog='tool', description='demo')
p.add_argument('files', nargs='*')
p.add_argument('-v', '--verbose', action='count', default=0)
p.add_argument('--mode', choices=['a', 'b'], default='a')
p.add_argument('-n', type=int, default=3)
print(p.parse_args(['-vv', '--mode', 'b', '-n', '7', 'x.py', 'y.py']))
print(p.format_help())

cp = configparser.ConfigParser()
cp.read_string('[main]\nname = demo\ncount = 3\n[paths]\nroot = /tmp\nsub = %(root)s/sub\n')
print(cp.sections(), cp['main'].getint('count'), cp['paths']['sub'])
print(shlex.split('cmd --opt "quoted arg" \'single\' esc\\ aped'), shlex.quote("it's"))
print(string.Template('$who likes ${what}').substitute(who='tim', what='kung pao'))
words = text.split()
print(collections.Counter(w.lower().strip('.,()') for w in words).most_common(8))
print(collections.OrderedDict.fromkeys('abracadabra'), collections.namedtuple('P', 'x y')(1, 2))
