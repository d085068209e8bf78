# string.Template.
import string

t = string.Template("$who likes ${what}; $$ is a dollar")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="tim"), t.safe_substitute({"what": "x"}, who="y"))
print(t.get_identifiers(), t.is_valid(), string.Template("$ bad").is_valid())
for tmpl, kw in [("$missing", {}), ("$", {}), ("${unclosed", {"unclosed": 1}), ("$1abc", {})]:
    try:
        print(string.Template(tmpl).substitute(**kw))
    except Exception as e:
        print(repr(tmpl), type(e).__name__, e)
print(string.Template("$a$b ${c}d").substitute({"a": 1, "b": 2}, c=3))

class Percent(string.Template):
    delimiter = "%"
    idpattern = "[a-z]+"
print(Percent("%name is %age years; 100%% sure").safe_substitute(name="bob"))
class Braces(string.Template):
    braceidpattern = "[A-Z_]+"
print(Braces("${NAME} $lower").safe_substitute(NAME="X", lower="y"))
