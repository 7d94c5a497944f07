"""Reading the content files: each checked alone, then against the default language."""

from pathlib import Path

import yaml
from django.conf import settings

from .checks import validate
from .normal_form import normalise
from .schema import AID, ContentError
from .translations import compare_translations


def load_file(path):
    path = Path(path)
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ContentError([f"{path}: cannot be read ({error.strerror})"]) from error
    except yaml.YAMLError as error:
        raise ContentError([f"{path}: is not valid YAML: {error}"]) from error
    validate(content, str(path))
    if content["language"] != path.stem:
        raise ContentError([f"{path}.language: {content['language']!r} does not match the file name"])
    return normalise(content)


def load_translations(directory):
    """Every language file of one decision aid, checked alone and against each other."""
    directory = Path(directory)
    paths = sorted(directory.glob("*.yaml"))
    if not paths:
        raise ContentError([f"{directory}: holds no content files (*.yaml)"])
    contents, problems = {}, []
    for path in paths:
        try:
            contents[path] = load_file(path)
        except ContentError as error:
            problems.extend(error.problems)
    if problems:
        raise ContentError(problems)
    # The other languages are translations of the default one.
    reference = next((p for p in paths if p.stem == settings.LANGUAGE_CODE), paths[0])
    for path in paths:
        if path != reference:
            compare_translations(contents[path], contents[reference], AID, str(path), reference.name, problems)
    if problems:
        raise ContentError(problems)
    return {content["language"]: content for content in contents.values()}
