"""What the worker processes' fork server imports before forking them: the shipped taxonomy's
shared extractor, built once, so that every worker of `skillgap.batch` and of
`SkillExtractor.extract_many` starts with it in memory.

Imported (by name, `skillgap.extract.PRELOAD`) only by the forkserver that
`skillgap.parallel.WorkerPool` starts; importing it elsewhere just builds the shared extractor.
A failure here is not raised: each worker then builds the extractor itself and reports what
went wrong.
"""

from __future__ import annotations

import gc
import os

#: Threads of this process once the extractor is built (1: nothing runs beside the forks).
THREADS = 0

# numpy's BLAS would start a thread pool at import; the workers never multiply matrices big
# enough to use it, and a server without threads forks cleanly (a user's own setting is kept)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
# No cyclic collection while spaCy is imported and the pipeline built (8% of this set-up, 0.07 s
# CPU, which every batch with workers waits for): the objects are kept anyway, and the few
# cycles left unreachable (about 2,400 of 190,000 objects) are frozen with the rest below.
collecting = gc.isenabled()
gc.disable()
try:
    from .pipeline import default_extractor

    default_extractor()
except Exception:  # noqa: BLE001, S110 - the workers' initializer raises it again, with its message
    pass
finally:
    gc.freeze()  # the objects built so far are never collected: forked workers share their pages instead of copying them on a collection
    if collecting:
        gc.enable()  # the workers forked from here collect as usual
THREADS = len(os.listdir(f"/proc/{os.getpid()}/task")) if os.path.isdir("/proc") else 1
