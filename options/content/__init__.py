"""The decision aid's content as reviewable YAML files (docs/content-format.md).

The same checks run on a file before import and on a draft edited in the admin before
it is published (the draft is exported to the same shape first), so there is one
definition of valid content. The changes to versions are in options/actions.py."""
