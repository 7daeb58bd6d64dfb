"""One module per feed format; each exposes ``parse(source, ...) -> Iterator[FeedItem]``."""
