"""What changed between two versions, field by field, for the reviewer who approves a
draft: each difference named as the admin names a problem (options.content.readable)."""

from dataclasses import dataclass

from .checks import item_place
from .readable import readable_path


@dataclass
class Change:
    field: str
    before: str
    after: str


def shown(value):
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, list):
        return "\n".join(shown(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{name}: {shown(item)}" for name, item in value.items())
    return str(value)


def differences(new, old, place=""):
    """(path, before, after) of every leaf that differs; items of a list matched by key."""
    join = (lambda name: f"{place}.{name}") if place else (lambda name: name)
    if isinstance(new, dict) and isinstance(old, dict):
        for name in [*new, *(name for name in old if name not in new)]:
            yield from differences(new.get(name), old.get(name), join(name))
    elif is_keyed(new) and is_keyed(old):
        old_items = {item["key"]: item for item in old}
        for index, item in enumerate(new):
            here = item_place(place, index, item)
            if item["key"] in old_items:
                yield from differences(item, old_items[item["key"]], here)
            else:
                yield here, None, item
        new_keys = {item["key"] for item in new}
        for item in old:
            if item["key"] not in new_keys:
                yield f"{place} ({item['key']})", item, None
    elif new != old:
        yield place, old, new


def is_keyed(value):
    return isinstance(value, list) and all(isinstance(item, dict) and "key" in item for item in value)


def changes(new, old):
    """Every Change from `old` to `new` (normalised content), in the order of the file."""
    result = []
    for path, before, after in differences(new, old):
        labels, _located, _field = readable_path(path, new if after is not None else old)
        result.append(Change(" – ".join(labels), shown(before), shown(after)))
    return result
