from .choice import hospital_of


def hospital(request):
    """Her hospital on every page (the numbers to call: safety first), or None: then
    she reads the neutral text, never a made-up number."""
    return {"hospital": hospital_of(request)}
