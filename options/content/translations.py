"""Every language file is a translation of the default one: only texts may differ."""

from .checks import item_place, practice_markers
from .schema import Leaf, Optional, PerOption, Texts, Translatable


def compare_translations(value, other, spec, place, other_name, problems):
    """Everything but the texts must be the same in both languages, and no text may be
    missing in one of them."""
    if isinstance(spec, Optional):
        spec = spec.leaf if isinstance(spec.leaf, Translatable) else spec
    if isinstance(spec, Leaf):
        compare_leaves(value, other, spec, place, other_name, problems)
    elif isinstance(spec, PerOption):
        for option in sorted(set(value) | set(other)):
            compare_translations(
                value.get(option), other.get(option), spec.record, f"{place}.{option}", other_name, problems
            )
    elif isinstance(spec, list):
        compare_lists(value, other, spec[0], place, other_name, problems)
    else:
        for name, field_spec in spec.items():
            if name != "language":
                compare_translations(
                    value.get(name), other.get(name), field_spec, f"{place}.{name}", other_name, problems
                )


def compare_leaves(value, other, spec, place, other_name, problems):
    if isinstance(spec, Texts):
        if isinstance(value, list) and isinstance(other, list) and len(value) != len(other):
            problems.append(f"{place}: {len(value)} items here, {len(other)} in {other_name}: a translation is missing")
        elif practice_markers(value) != practice_markers(other):
            problems.append(f"{place}: the practices stand elsewhere than in {other_name}")
    elif isinstance(spec, Translatable):
        if bool(value) != bool(other):
            problems.append(f"{place}: the translation is missing here or in {other_name}")
    elif value != other:
        problems.append(f"{place}: {value!r} here, but {other!r} in {other_name}; only texts may differ")


def compare_lists(value, other, item_spec, place, other_name, problems):
    """The same items by key, in the same order; each item compared with its translation."""
    keys = [item.get("key") for item in value]
    other_keys = [item.get("key") for item in other]
    problems.extend(f"{place}: {key!r} is missing in {other_name}" for key in keys if key not in other_keys)
    problems.extend(
        f"{place}: {key!r} of {other_name} is missing here (no translation)" for key in other_keys if key not in keys
    )
    if [k for k in keys if k in other_keys] != [k for k in other_keys if k in keys]:
        problems.append(f"{place}: the order differs from {other_name}")
    by_key = {item.get("key"): item for item in other}
    for index, item in enumerate(value):
        if item.get("key") in by_key:
            compare_translations(
                item, by_key[item["key"]], item_spec, item_place(place, index, item), other_name, problems
            )
