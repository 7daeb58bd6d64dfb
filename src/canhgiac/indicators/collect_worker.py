"""Worker process of :func:`canhgiac.indicators.collect.collect_feed`.

``python -m canhgiac.indicators.collect_worker DIR`` reads the pickled request in
``DIR/request`` (trail files, default category, category map, problem cap, first meta
number), parses and normalises those files, and writes the pickled ``(BulkSet, Tally)``
to ``DIR/result``. A module of its own so the result's classes pickle under their
package names, not ``__main__``.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

from canhgiac.indicators.collect import collect_files


def main(folder: str) -> None:
    tmp = Path(folder)
    files, category, category_map, max_problems, first_meta = pickle.loads(  # noqa: S301
        (tmp / "request").read_bytes()  # written by our parent process
    )
    result = collect_files(files, category, category_map, max_problems, first_meta)
    partial = tmp / "result.part"
    partial.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    partial.replace(tmp / "result")


if __name__ == "__main__":
    main(sys.argv[1])
