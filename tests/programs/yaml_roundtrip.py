# A real program nobody here wrote: PyYAML's pure-Python loader and emitter
# (Debian python3-yaml) on a document with lists, maps, tags, block text and dates.
import sys
sys.path.append('/usr/lib/python3/dist-packages')
import yaml
doc = yaml.safe_load("""
a: 1
b: [1, 2.5, three, {x: y}]
c:
  - name: foo
    val: !!str 12
  - name: bar
    val: null
d: |
  multi
  line
e: 2001-12-14t21:59:43.10-05:00
""")
print(doc)
print(yaml.dump(doc, default_flow_style=False))
print(yaml.safe_dump({'k': [1, {'z': None, 'a': True}], 'u': 'é'}, allow_unicode=True))
