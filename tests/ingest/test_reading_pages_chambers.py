"""Chambers and records in the languages of Europe: members by courtesy title and office,
by party, in brackets cutting into a speech; reported speech in German; an export that put
every paragraph in quotation marks.

Every page here is a few lines invented for the test in the shape of a published page.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.ingest.model import ParseError
from app.ingest.registry import Registry
from tests.ingest.test_reading_pages import parse
from tests.ingest.test_reading_pages_stenograms import keys, said

# A French chamber's full record: the chair's office, members by courtesy title and name,
# a minister by name and office, a topic heading in lower case over a label line.
SENAT = """Séance du 3 mars 2021

avenir des lignes ferroviaires
M. le président. La parole est à Mme Claire Duval.
Mme Claire Duval. Monsieur le ministre, la ligne de mon département ferme en juin. Que comptez-vous faire ?
M. le président. La parole est à M. le ministre.
M. Paul Mercier, ministre délégué chargé des transports. Madame la sénatrice, rien n'est décidé.
M. le président. La parole est à Mme Claire Duval, pour la réplique.
Mme Claire Duval. La lettre de fermeture est arrivée hier.
"""  # noqa: E501


def test_a_french_chambers_labels_by_courtesy_title(registry: Registry) -> None:
    doc = parse(SENAT, registry)
    chair, member = "président", "claire-duval"
    assert keys(doc) == [chair, member, chair, "paul-mercier", chair, member]
    assert said(doc)[3] == ("paul-mercier", "Madame la sénatrice, rien n'est décidé.")


# A French memoir's paragraph that opens with a courtesy title in prose: no label.
MEMOIR = """Souvenirs

M. Dupont, le maire du village, nous reçut dans son bureau. Il parlait peu et fumait beaucoup.

Le lendemain, nous partîmes pour Lyon.
"""


def test_a_courtesy_title_opening_prose_is_no_label(registry: Registry) -> None:
    with pytest.raises(ParseError, match="holds no conversation"):
        parse(MEMOIR, registry)


# The Dutch lower house: labels alone on their lines, each member's speech opening with
# the chair he addresses.
HANDELINGEN = """Regeling van werkzaamheden

De voorzitter:

Het woord is aan de heer De Boer.

De heer De Boer (GL):

Voorzitter. Mijn fractie wil een debat over de treinen.

De heer Smit (VVD):

Voorzitter. Wij steunen dat verzoek.

De voorzitter:

Dan zet ik het debat op de lijst.
"""


def test_a_dutch_members_address_to_the_chair_is_no_label(registry: Registry) -> None:
    doc = parse(HANDELINGEN, registry)
    assert keys(doc) == ["voorzitter", "de-boer", "smit", "voorzitter"]
    assert said(doc)[1][1] == "Voorzitter. Mijn fractie wil een debat over de treinen."


# A minister's speech cut into by members in brackets on lines of their own.
SEJM = """Posiedzenie Sejmu w dniu 08-11-2012

    Minister Jan Nowak:

    Panie Marszałku! Wysoka Izbo! Plan nie oznacza zamykania urzędów.

    (Poseł Adam Wiśniewski: To niech pan tam pojedzie.)

    Byłem tam, panie pośle.

    (Głos z sali: To nieprawda.)

    Dziękuję bardzo.
"""


def test_members_words_in_brackets_cut_into_a_speech(registry: Registry) -> None:
    doc = parse(SEJM, registry)
    minister = keys(doc)[0]
    assert keys(doc) == [minister, "poseł-adam-wiśniewski", minister, "głos-z-sali", minister]
    assert said(doc)[2][1] == "Byłem tam, panie pośle."


# The Italian Chamber's summary record: members in capitals with party and part.
SOMMARIO = """Resoconto sommario dell'Assemblea
Seduta di mercoledì 24 ottobre 2012
La seduta comincia alle 9.30.
PRESIDENTE. Dichiara aperta la discussione sulle linee generali.
LUCA FERRARI (PdL), Relatore. Illustra l'Accordo e ne auspica una rapida approvazione.
ANNA RIZZO, Sottosegretario di Stato per gli affari esteri. Si associa al relatore.
GIORGIO CONTI (IdV). Dichiara il voto favorevole del suo gruppo.
"""


def test_an_italian_summary_records_members_by_party_and_office(registry: Registry) -> None:
    doc = parse(SOMMARIO, registry)
    assert keys(doc) == ["presidente", "luca-ferrari", "anna-rizzo", "giorgio-conti"]
    assert doc.metadata.date is not None and doc.metadata.date.isoformat() == "2012-10-24"


# A heading in capitals over a full stop is no member, though it opens a paragraph once.
HEADINGS = """Relazione annuale

INTRODUZIONE. Il presente documento illustra le attività dell'anno.

METODO. Sono stati raccolti i dati di tutte le sedi.
"""


def test_a_heading_in_capitals_is_no_member(registry: Registry) -> None:
    with pytest.raises(ParseError, match="holds no conversation"):
        parse(HEADINGS, registry)


# An export that put every paragraph in single quotation marks; members by a Spanish
# courtesy title in lower case.
QUOTED = """Diario de Sesiones 44

'El señor presidente: Siguiente punto del orden del día.'

'Señora Arévalo, tiene la palabra.'

'La señora Arévalo Araya: Buenos días, señorías.'

'El señor presidente: Gracias, señora Arévalo.'
"""


def test_quoted_paragraphs_and_spanish_courtesy_titles(registry: Registry) -> None:
    doc = parse(QUOTED, registry)
    assert keys(doc)[-3:] == ["presidente", "arévalo-araya", "presidente"]
    assert said(doc)[-2][1] == "Buenos días, señorías."


# An East German file note in reported speech, the comrades by title.
AKTENNOTIZ = """Aktennotiz über ein Gespräch des Genossen Erich Honecker mit Genossen Pjotr Abrassimow

Berlin, 12.03.1975

Genosse Honecker begrüßte Genossen Abrassimow und dankte ihm für seinen Besuch.

Genosse Abrassimow übermittelte die Grüße der sowjetischen Führung und erklärte, dass die Vorbereitungen für das Treffen abgeschlossen seien.

Genosse Honecker betonte, dass die DDR alle Vereinbarungen einhalten werde.
"""  # noqa: E501


def test_a_german_file_notes_reported_speech(registry: Registry) -> None:
    doc = parse(AKTENNOTIZ, registry)
    assert len(keys(doc)) == 3
    assert keys(doc)[0] == keys(doc)[2] != keys(doc)[1]
    assert said(doc)[1][1].startswith("übermittelte die Grüße")


# A magazine's reportage: a clock time and a tourist's question in prose, no turn.
REPORTAGE = """Die Kanzlerin im Gespräch

Montag, 12.15 Uhr vor dem Kanzleramt. Ein Tourist fragt: "Ist das hier das Haus?" "Ja", sagen die Beamten.

MAGAZIN: Frau Bundeskanzlerin, wie war die Woche?

Merkel: Lang.

MAGAZIN: Und die nächste?

Merkel: Länger.
"""  # noqa: E501


def test_a_sentences_end_is_no_part_of_a_speakers_name(registry: Registry) -> None:
    assert keys(parse(REPORTAGE, registry)) == ["magazin", "merkel"] * 2


# -- what the rules above must not read ------------------------------------------------------

# A news story in German quoting three politicians with verbs of saying: no record.
NEWS = """Regierung verteidigt Haushalt
Berlin, 14. März 2023

Der Kanzler hat die Pläne gegen Kritik verteidigt.

Schmidt sagte am Dienstag, die Regierung werde an der Schuldenbremse festhalten.

Weber erklärte dagegen, die Koalition habe jede Orientierung verloren.

Schmidt antwortete, niemand wolle die Steuern erhöhen.
"""

# Credits of a documentary in capitals over dashes.
CREDITS = """Inside the Kremlin (documentary, 1992)

A documentary on the last months of the Soviet Union, filmed in Moscow in the autumn of 1991.

REPORTER - John Sims, who had covered Moscow since the early 1980s and knew everyone.

PRODUCER - Jane Doe, for the network's second channel and its news service.

CAMERA - Bob Lewis and Tom Harris.
"""

# A who's who of a conference: names in capitals, life dates, offices after a comma.
WHOS_WHO = """Who Was Who at the Conference

ANDREI GROMYKO (1909-1989), Soviet ambassador to the United States. Later foreign minister.

CHARLES BOHLEN (1904-1974), interpreter for Roosevelt. Later ambassador in Moscow.

EDWARD STETTINIUS, Secretary of State. Led the American delegation.
"""


@pytest.mark.parametrize("page", [NEWS, CREDITS, WHOS_WHO], ids=["news", "credits", "whos-who"])
def test_pages_like_the_chambers_records_that_hold_no_conversation(
    registry: Registry, page: str
) -> None:
    with pytest.raises(ParseError, match="holds no conversation"):
        parse(page, registry)


# A press conference's French text wrapped at a fixed width, a line opening with a
# courtesy title inside a sentence.
WRAPPED = """Conférence de presse du Président de la République

LE PRÉSIDENT - Mesdames et messieurs, merci d'être venus. J'ai eu ce matin un
long entretien téléphonique avec la chancelière, puis j'en ai parlé avec
M. Poutine. Nous sommes convenus de nous revoir la semaine prochaine.

QUESTION - Monsieur le Président, le cessez-le-feu tiendra-t-il ?

LE PRÉSIDENT - Je l'espère. Nous avons obtenu des engagements précis, et
M. Orlov. Lui aussi, a pris les siens devant nous.

QUESTION - Et les sanctions ?

LE PRÉSIDENT - Elles resteront en place.
"""


def test_a_courtesy_title_at_a_wrapped_lines_start_is_no_label(registry: Registry) -> None:
    doc = parse(WRAPPED, registry)
    assert keys(doc) == ["le-président", "question"] * 2 + ["le-président"]
    assert "M. Poutine. Nous sommes convenus" in said(doc)[0][1]
    assert "M. Orlov. Lui aussi" in said(doc)[2][1]


# A transcript, then its bibliography run into one paragraph.
BIBLIOGRAPHY = """Interview with Ambassador John Carter

Q: When did you first meet him?

CARTER: In 1985, at the summit. He struck me as a different kind of leader.

Q: Did you expect what followed?

CARTER: Not at that speed.

Further reading

Carter, J. 1995. An Empire Ends. New York: Random House. Brown, A. 1996. The Factor. Oxford: Oxford University Press. Smith, R. 2015. The End. London: Macmillan.
"""  # noqa: E501


def test_a_bibliography_below_a_transcript_is_no_turn(registry: Registry) -> None:
    assert keys(parse(BIBLIOGRAPHY, registry)) == ["question", "john-carter"] * 2


# A question wrapped onto a line that opens with an initial.
QUESTION_WRAPPED = """Press Conference of the Secretary of State

Q. Mr. Secretary, did you raise the question of the missiles with
A. Dobrynin when you saw him yesterday, and what was his answer?

A. We discussed a whole range of issues, and that was one of them.

Q. Was there any movement?

A. I would not characterize it that way.
"""


def test_an_initial_opening_a_wrapped_question_is_no_answer(registry: Registry) -> None:
    assert keys(parse(QUESTION_WRAPPED, registry)) == ["question", "a"] * 2


# A television interview whose names stand alone over each turn, the host's twice in a row.
NAME_LINES = """KING

Welcome back. Our guest tonight is the former President.

KING

Mr. President, thank you for coming.

GORBACHEV

Thank you, Larry. I am glad to be here.

KING

What do you miss most about power?

GORBACHEV

Nothing. Absolutely nothing.
"""


def test_a_name_line_repeated_at_a_pages_top_is_no_title(registry: Registry) -> None:
    host, guest = "king", "gorbachev"
    assert keys(parse(NAME_LINES, registry)) == [host, host, guest, host, guest]


# A party presidium's working notes in translation: the dash glued to each comrade's name.
WORKING_NOTES = """Working notes of the Presidium session, 1 November 1956

We must convince them to refrain from this reference.

Cde. Molotov-reinforce the military victory through political means.

Cde. Khrushchev-I don't understand Cde. Molotov. He comes up with the worst ideas.

Cde. Molotov-you should keep quiet and stop being so overbearing.

Cde. Bulganin—we should condemn the incorrect line.

Cde. Shepilov-during the editing they added the phrase.
"""


def test_a_presidiums_notes_with_the_dash_glued_to_each_comrade(registry: Registry) -> None:
    found = keys(parse(WORKING_NOTES, registry))
    assert found[:3] == ["molotov", "khrushchev", "molotov"]
    assert len(found) == 5 and found[3] != found[4]


# The Bundestag's question time: labels alone on their lines, a secretary of state's
# office written out in full after his name, members once each by their party, the
# chair's sentence that calls a question ending in a colon, the sitting's date with its
# weekday.
FRAGESTUNDE = """Deutscher Bundestag
Stenografischer Bericht
41. Sitzung
Bonn, Donnerstag, den 9. Mai 1996

Vizepräsident Karl Brandt:
Ich rufe die Frage 4 des Abgeordneten Otto Lindner auf:
Wie beurteilt die Bundesregierung den Zustand der Brücken an der Mosel?

Jürgen Falk, Parl. Staatssekretär beim Bundesminister für Verkehr, Bau und Wohnungswesen:
Herr Kollege Lindner, die Bundesregierung lässt alle Brücken jährlich prüfen.

Vizepräsident Karl Brandt:
Eine Nachfrage des Kollegen Lindner.

Otto Lindner (F.D.P.):
Herr Staatssekretär, wann liegen die Ergebnisse der letzten Prüfung vor?

Jürgen Falk, Parl. Staatssekretär beim Bundesminister für Verkehr, Bau und Wohnungswesen:
Im Juli, Herr Kollege.

Vizepräsident Karl Brandt:
Eine weitere Frage hat die Kollegin Roth.

Dr. Ilse Roth (SPD):
Sind Ihnen die Sperrungen bei Trier bekannt?
"""


def test_a_bundestag_question_time_with_offices_in_full(registry: Registry) -> None:
    doc = parse(FRAGESTUNDE, registry)
    chair, falk = "karl-brandt", "jürgen-falk"
    assert keys(doc) == [chair, falk, chair, "otto-lindner", falk, chair, "ilse-roth"]
    assert said(doc)[0][1].startswith("Ich rufe die Frage 4")
    assert said(doc)[4] == (falk, "Im Juli, Herr Kollege.")
    assert doc.metadata.date is not None and doc.metadata.date.isoformat() == "1996-05-09"


# An Austrian record: members' voices cutting in, in brackets at the end of the chair's
# paragraph (two voices in one bracket, a dash between them), the chair going on in the
# paragraph below; a member's label with his party and his point in two brackets.
NATIONALRAT = """Nationalrat, Stenographisches Protokoll 88. Sitzung

Präsident Dr. Karl Wendt: Ich danke dem Berichterstatter.

Als erster hat sich Herr Abgeordneter Huber zu Wort gemeldet. (Abg. Dr. Lenz: Zur Geschäftsbehandlung!)

Bitte, Herr Abgeordneter Dr. Lenz.

Abgeordneter Dr. Paul Lenz (ÖVP) (zur Geschäftsbehandlung): Herr Präsident! Die Reihenfolge war anders vereinbart.

Präsident Dr. Karl Wendt: Ich habe die Liste vor mir. (Abg. Ing. Berger: Das stimmt nicht! - Abg. Mag. Stadler: Wie in der Schule!)

Herr Abgeordneter Berger, bitte.

Abgeordneter Ing. Hans Berger (Freiheitliche) (zur Geschäftsbehandlung): Wir waren gleichzeitig gemeldet.
"""  # noqa: E501


def test_voices_cutting_in_at_a_paragraphs_end_and_two_in_one_bracket(
    registry: Registry,
) -> None:
    doc = parse(NATIONALRAT, registry)
    chair = "karl-wendt"
    assert keys(doc) == [
        *[chair, "paul-lenz", chair, "paul-lenz", chair, "berger", "stadler", chair],
        "hans-berger",
    ]
    assert said(doc)[5] == ("berger", "Das stimmt nicht!")
    assert said(doc)[6] == ("stadler", "Wie in der Schule!")
    assert said(doc)[7] == (chair, "Herr Abgeordneter Berger, bitte.")


# A site that dropped the line break between its heading and the first label.
GLUED_LABEL = """Aus der Fragestunde des Bundestages am 6. Mai 2010Vizepräsident Dr. Karl Brandt:
Ich rufe die Frage 9 der Kollegin Roth auf.
Dr. Ilse Roth (SPD):
Wann wird die Brücke bei Trier wieder geöffnet?
Vizepräsident Dr. Karl Brandt:
Bitte, Herr Staatssekretär.
"""


def test_a_label_glued_to_the_heading_above_it(registry: Registry) -> None:
    doc = parse(GLUED_LABEL, registry)
    assert keys(doc) == ["karl-brandt", "ilse-roth", "karl-brandt"]
    assert said(doc)[0] == ("karl-brandt", "Ich rufe die Frage 9 der Kollegin Roth auf.")


def test_a_chambers_members_by_article_courtesy_and_post_before_a_dot_dash(
    registry: Registry,
) -> None:
    page = (
        "SESIÓN ORDINARIA\n\n"
        "La señora RIVAS (Presidenta).- Se abre la sesión y corresponde tratar el proyecto.\n"
        "La señora RIVAS (Presidenta).- Tiene la palabra el señor Secretario.\n"
        "El señor OSORIO (Secretario General).- El proyecto fue aprobado en general en julio.\n"
        "Luego la Comisión lo discutió en particular.\n"
    )
    assert said(parse(page, registry)) == [
        ("rivas", "Se abre la sesión y corresponde tratar el proyecto."),
        ("rivas", "Tiene la palabra el señor Secretario."),
        (
            "osorio",
            "El proyecto fue aprobado en general en julio. Luego la Comisión lo discutió en "
            "particular.",
        ),
    ]


# A chancellery's note of a telephone call: both sides by office with the article, in the
# present tense of reported speech, a verb and its particle apart ("weist … hin").
NOTE = """Bonn, den 3. Mai 1990
V e r m e r k
Betr.: Telefongespräch des Bundeskanzlers mit Präsident Petrow am 2. Mai 1990
Der Bundeskanzler spricht zunächst das Treffen in Paris an. Er sei mit dem Ergebnis zufrieden.
Der Präsident erwidert, er teile diese Einschätzung und danke für die Vorbereitung.
Der Bundeskanzler weist darauf hin, dass die Minister sich im Juni wieder treffen sollten.
Der Präsident stimmt zu und schlägt vor, den Termin bald festzulegen.
Der Bundeskanzler verneint, dass es Streit gegeben habe.
Der Präsident fragt, ob der Minister mitkommen werde.
"""


def test_a_german_note_of_a_call_in_the_present_tense(registry: Registry) -> None:
    doc = parse(NOTE, registry)
    assert doc.metadata.date == dt.date(1990, 5, 2)  # the call's day, not the note's
    assert [(u.speaker.label, u.kind.value) for u in doc.turns() if u.speaker] == [
        ("Der Bundeskanzler", "reported"),
        ("Der Präsident", "reported"),
    ] * 3


def test_a_news_storys_lead_in_the_present_tense_is_no_note(registry: Registry) -> None:
    page = (
        "Interview\n\n"
        "Bundeskanzlerin Anna Roth spricht in einem langen Interview über Europa und ihre "
        "Kindheit.\n\n"
        "ZEIT: Frau Roth, wann waren Sie zuletzt in Ihrem Heimatdorf?\n\n"
        "Roth: Im Sommer, für ein Wochenende.\n\n"
        "ZEIT: Was hat sich verändert?\n\n"
        "Roth: Fast alles, nur die Kirche nicht.\n"
    )
    assert [u.speaker.label for u in parse(page, registry).turns() if u.speaker] == [
        "ZEIT",
        "Roth",
    ] * 2


def test_a_news_story_in_the_present_tense_is_no_note(registry: Registry) -> None:
    page = (
        "Kanzler trifft Präsidenten\n\n"
        "Berlin. Scholz spricht am Dienstag mit Macron über die Lage in Europa.\n\n"
        "Macron weist darauf hin, dass Frankreich die Hilfe verstärken will.\n\n"
        "Scholz erwidert, Deutschland werde ebenfalls mehr tun.\n\n"
        "Macron weist zudem auf die Wahlen im Juni hin.\n\n"
        "Scholz erwidert, man müsse gemeinsam handeln.\n"
    )
    with pytest.raises(ParseError, match="no conversation"):
        parse(page, registry)


def test_a_procedural_heading_alone_before_a_colon_among_dot_dash_labels(
    registry: Registry,
) -> None:
    page = (
        "SESIÓN ORDINARIA\n\n"
        "La señora RIVAS (Presidenta).- Se abre la sesión.\n\n"
        "Discusión:\n\n"
        "Sesión 27ª, en 6 de junio de 2017 (queda pendiente).\n\n"
        "La señora RIVAS (Presidenta).- Tiene la palabra el señor Secretario.\n\n"
        "El señor OSORIO (Secretario General).- El proyecto fue aprobado en general.\n"
    )
    assert "discusión" not in [key for key, _ in said(parse(page, registry))]
