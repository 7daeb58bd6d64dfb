"""Page check: a sandboxed fetcher, bounded HTML analysis, optional screenshot, hashed evidence.

Entry point: :func:`canhgiac.detectors.pages.check.check_url` (and ``check_many``).
"""
