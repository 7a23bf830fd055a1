"""Placeholder: gap analysis lands with the Gap issue."""


class GapReport:  # placeholder
    pass


class RequirementResult:  # placeholder
    pass


def compare(candidate, job, *, taxonomy=None):  # placeholder
    raise NotImplementedError("compare is being built in the Gap issue")
