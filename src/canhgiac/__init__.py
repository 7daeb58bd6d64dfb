"""canhgiac — phát hiện, xử lý và báo cáo tội phạm qua mạng / detect, handle and report cybercrime."""

__version__ = "0.1.0"
