"""Placeholder: the spaCy matcher pipeline lands with the Extraction issue."""


class SkillExtractor:  # placeholder until the Extraction issue lands
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("SkillExtractor is being built in the Extraction issue")
