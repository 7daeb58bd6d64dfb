"""Vietnamese scam-message detector (pure: no database, web or CLI).

Public API::

    from canhgiac.detectors.text.classifier import TextVerdict, TextClassifier, load_text_classifier
    from canhgiac.detectors.text.train import train_text_classifier

Modules by role: ``normalize`` (NFC, diacritic folding, teen-code, obfuscation), ``links``
(links vs. the official brand registry), ``signals`` (OTP / transfer / urgency / sender…;
names and reasons in ``signal_names``),
``features`` (n-grams + signals), ``model`` (safe .npz format), ``classifier``, ``train``,
``evaluate``, ``records`` (CSV/JSONL input), ``reference_sets`` (shared development sets),
``corpus`` (the project's own seed corpus).
"""
