"""English names of the languages records come in, for headers and citations."""

from __future__ import annotations

LANGUAGE_NAMES = {
    "ru": "Russian",
    "en": "English",
    "zh": "Chinese",
    "de": "German",
    "fr": "French",
    "ja": "Japanese",
    "ko": "Korean",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "cs": "Czech",
    "sk": "Slovak",
    "sh": "Serbo-Croatian",
    "hu": "Hungarian",
    "ro": "Romanian",
    "bg": "Bulgarian",
    "sr": "Serbian",
    "uk": "Ukrainian",
    "vi": "Vietnamese",
    "mn": "Mongolian",
    "ar": "Arabic",
    "he": "Hebrew",
    "el": "Greek",
    "hi": "Hindi",
    "th": "Thai",
    "ka": "Georgian",
    "hy": "Armenian",
    "tr": "Turkish",
}


def language_name(code: str) -> str:
    """ "ru" -> "Russian"; a code we have no name for stays as it is."""
    return LANGUAGE_NAMES.get(code, code)
