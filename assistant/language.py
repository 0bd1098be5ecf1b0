"""Which language a question is written in: English, Chinese, or one the assistant does not read.

``detect`` looks only at scripts and a few function words, so it costs microseconds and never
loads a segmenter. Chinese is any question with Han characters and no kana or hangul (model
names in Latin letters are normal inside a Chinese question). "Other" is a script the
assistant does not read (kana, hangul, Cyrillic, Greek, Arabic, Hebrew, Thai, Devanagari) or a
Latin-script question whose function words are clearly French, German, Spanish, Italian or
Portuguese rather than English.
"""

from __future__ import annotations

import re
from enum import Enum

__all__ = ["Language", "detect"]


class Language(str, Enum):
    EN = "en"
    ZH = "zh"
    OTHER = "other"


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_OTHER_SCRIPT = re.compile(
    r"[\u3040-\u30ff\u31f0-\u31ff"  # hiragana, katakana
    r"\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"  # hangul
    r"\u0400-\u04ff"  # Cyrillic
    r"\u0370-\u03ff"  # Greek
    r"\u0590-\u05ff\u0600-\u06ff"  # Hebrew, Arabic
    r"\u0e00-\u0e7f\u0900-\u097f]"  # Thai, Devanagari
)
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")

# Function words of Latin-script languages the assistant does not read. Words that are also
# English (or common in English questions about models) are left out: "a", "die", "was", "also".
_FOREIGN = frozenset("""
    quel quels quelle quelles qui est sont les des du une ont avec pour dans combien modèle modèles
    paramètres publié publiés développé a-t-il ont-ils qu'est-ce c'est quoi pourquoi comment entre
    bonjour salut merci créé créée créés conçu entraîné utilise utilisent
    wie viele welche welcher welches wer hat haben ist und der das nicht von mit gibt modelle entwickelt
    veröffentlicht wann warum zwischen über größte hallo danke erstellt gebaut trainiert
    quién qué cuántos cuántas cuál cuáles los las el es del modelos desarrolló tiene tienen parámetros
    por para con una cuándo dónde entre hola gracias creó
    quale quali chi sono gli della modelli quanti ha sviluppato ciao creato
    quais quem são os modelos desenvolveu tem quantos parâmetros olá criou
""".split())
_ENGLISH = frozenset("""
    the which what who whom whose when where why how is are was were do does did has have had of by for with
    and or not in on to from that this these those it its they them model models many much list show give
    tell compare between than more most about any all each which there can could would should please
""".split())
_INVERTED = re.compile(r"[¿¡]")
_ACCENTED = re.compile(r"[éèêëàâçñüöäßãõìòùúíó]", re.I)


def detect(text: str) -> Language:
    """The language to read ``text`` in (and to answer in)."""
    text = text or ""
    if _OTHER_SCRIPT.search(text):
        return Language.OTHER
    if _HAN.search(text):
        return Language.ZH
    words = [w.lower() for w in _WORD.findall(text)]
    foreign = sum(1 for w in words if w in _FOREIGN)
    english = sum(1 for w in words if w in _ENGLISH)
    if (_INVERTED.search(text) or _ACCENTED.search(text)) and foreign >= 1:
        return Language.OTHER
    if foreign >= 2 and foreign > english:
        return Language.OTHER
    return Language.EN
