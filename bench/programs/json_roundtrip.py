# json.dumps and json.loads of a ~1 MB document (the _json accelerator).
import json


def document():
    items = []
    for i in range(6000):
        items.append({"id": i, "name": "item %d \u00e9" % i, "price": i * 1.25, "tags": ["a", "b", "c\n"],
                      "active": i % 2 == 0, "nested": {"x": None, "y": [1, 2, 3], "z": "quote\"d"}})
    return {"items": items, "meta": {"count": len(items)}}


doc = document()
sizes = []
for _ in range(4):
    text = json.dumps(doc)
    sizes.append(len(text))
    sizes.append(len(json.dumps(doc, sort_keys=True, ensure_ascii=False)))
    back = json.loads(text)
    assert back == doc
print(sizes[:2], len(back["items"]), back["items"][-1]["name"])
